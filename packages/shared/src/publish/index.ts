/**
 * publish/: putting a release into registries, safe to repeat (the registry is asked first; same content is
 * "already done", other content a conflict).
 * - npm.ts: pack once, publish with a temporary userconfig under RUNNER_TEMP, poll until visible.
 * - docker.ts: build once, push the version tag, set moving tags (X.Y, X, latest) through the registry API.
 * - latest.ts: the registry's latest of a package or image, and the check that `latest` never moves backwards.
 * - exec.ts: the Exec these take (util/exec, rejecting a program that cannot start), redaction, polling.
 */
export * from './docker.js';
export * from './exec.js';
export * from './latest.js';
export * from './npm.js';
