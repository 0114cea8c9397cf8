export * from './types.js';
export * from './defaults.js';
export * from './load.js';
export * from './resolve.js';
