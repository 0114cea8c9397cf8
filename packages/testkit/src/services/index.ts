/**
 * Real services for tests, each on 127.0.0.1 with an ephemeral port and a temp dir, stopped after:
 * git remotes, Verdaccio (npm registry), docker-registry (container registry), the Docker engine,
 * nginx (traffic router), Prometheus, git over smart HTTP, a local Sigstore (Fulcio, Rekor, TSA, TUF) and the
 * runner's OIDC token endpoint, plus load-loop helpers and the CI-fails / dev-skips
 * rule for missing services. docs/architecture.md, "Real services in tests and in the demo", says why.
 */
export * from './require.js';
export * from './proc.js';
export * from './git.js';
export * from './verdaccio.js';
export * from './docker.js';
export * from './registry.js';
export * from './nginx.js';
export * from './load.js';
export * from './prometheus.js';
export * from './git-http.js';
export * from './oidc.js';
export * from './sigstore.js';
