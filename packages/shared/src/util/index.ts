/**
 * util/: plumbing every capability uses, with no domain knowledge.
 * - exec.ts: the one process runner (exec, startBackground, killGroup): every program but git starts here.
 * - net.ts: freePort. duration.ts: the one duration parser (`90s`, `1h30m`) and formatter.
 * - errors.ts: StageError/InputError and errorMessage; logger.ts: the Logger the domain reports through.
 * - paths.ts: path inputs confined to the workspace, links resolved. digest.ts: sha256 of bytes and files.
 * - cjs.ts: a CommonJS module's exports after `import()`, bundled or not.
 */
export * from './cjs.js';
export * from './digest.js';
export * from './duration.js';
export * from './errors.js';
export * from './exec.js';
export * from './escape.js';
export * from './logger.js';
export * from './net.js';
export * from './paths.js';
export * from './redact.js';
