export * from './util/index.js';
