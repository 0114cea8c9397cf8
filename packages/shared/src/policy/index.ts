/**
 * policy/: what a release of each type (major, minor, patch, hotfix) must pass and how it reaches production.
 * - types.ts: the policy's shape; defaults.ts: the built-in table (docs/policy.md).
 * - load.ts: `.github/release-policy.yml`, parsed strictly; resolve.ts: the effective policy of one release,
 *   each value with where it came from (defaults, file, workflow inputs).
 */
export * from './types.js';
export * from './defaults.js';
export * from './load.js';
export * from './resolve.js';
