export * from './git.js';
