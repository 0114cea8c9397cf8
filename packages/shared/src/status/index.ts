export * from './model.js';
export * from './open.js';
export * from './store.js';
export * from './yaml.js';
export * from './validate.js';
