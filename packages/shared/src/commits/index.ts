/** Conventional commits: parsing, reading them from git, and the semantic-version bump they call for. */
export * from './parse.js';
export * from './log.js';
export * from './bump.js';
export * from './revert.js';
