/**
 * git/: the git CLI, and only it: every git process of the actions starts in git.ts (`Git`: run/out/stream,
 * no shell, fixed locale, never prompts, credentials as an HTTP header in GIT_CONFIG_* variables), with the
 * repository queries and updates built on it and the bot identity (`BOT_IDENTITY`) commits are made as.
 */
export * from './git.js';
