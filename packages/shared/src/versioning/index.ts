export * from './manifests.js';
export * from './version.js';
