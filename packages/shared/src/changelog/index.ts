/** Changelogs: history from git, keep-a-changelog and conventional renderers, CHANGELOG.md updates, PR links. */
export * from './types.js';
export * from './history.js';
export * from './render.js';
export * from './file.js';
export * from './prs.js';
export * from './generate.js';
