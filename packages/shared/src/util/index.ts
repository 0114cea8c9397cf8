export * from './duration.js';
export * from './errors.js';
export * from './logger.js';
export * from './paths.js';
export * from './redact.js';
