/** Conventional commits: parsing and the semantic-version bump they call for. */
export * from './parse.js';
export * from './bump.js';
