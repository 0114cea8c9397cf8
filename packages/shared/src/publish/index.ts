export * from './docker.js';
export * from './exec.js';
export * from './npm.js';
