export * from './context.js';
export * from './inputs.js';
export * from './run.js';
export * from './summary.js';
export * from './action-yml.js';
export * from './release-inputs.js';
export * from './github-client.js';
export * from './monorepo-inputs.js';
