export * from './bump.js';
export * from './manifests.js';
export * from './version.js';
