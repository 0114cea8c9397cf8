export * from './duration.js';
export * from './errors.js';
export * from './exec.js';
export * from './escape.js';
export * from './logger.js';
export * from './net.js';
export * from './paths.js';
