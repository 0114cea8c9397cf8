/** The release's configuration, collaborators, plan and outcome: the types every step shares. */
import type { Git } from '@release-actions/shared/git';
import type { GitHubClient } from '@release-actions/shared/github';
import type { Exec, Fetch, RegistryCredentials } from '@release-actions/shared/publish';
import type { StatusStore, StepState } from '@release-actions/shared/status';
import type { Bump, FileChange } from '@release-actions/shared/versioning';
import { StageError, type Logger } from '@release-actions/shared';
import type { ReleaseInfo } from './github-release.js';
import type { Ledger } from './ledger.js';
import type { PullRequestOutcome } from './steps/pull-request.js';

export interface ReleaseConfig {
  versionBump: 'major' | 'minor' | 'patch' | 'auto';
  releaseBranch: string;
  /** How the release lands on a protected branch (docs/protected-branches.md). */
  releaseMode: 'direct' | 'tag-only' | 'pull-request';
  releaseType: 'stable' | 'prerelease';
  registries: ('npm' | 'docker')[];
  version?: string;
  tagPrefix: string;
  prereleaseId: string;
  /** First release's version (docs/versioning.md); undefined: the manifest's, else 1.0.0. */
  initialVersion?: string;
  notes: string;
  testCommand: string;
  buildCommand: string;
  npmRegistryUrl: string;
  npmDistTag: string;
  npmAccess?: 'public' | 'restricted';
  provenance: 'auto' | 'true' | 'false';
  dockerImages: string[];
  dockerContext: string;
  dockerfile: string;
  dockerBuildArgs: string[];
  registryCredentials?: RegistryCredentials;
  updateMajorTag: boolean;
  versionFiles: string[];
  assets: string[];
  announceWebhookUrl?: string;
  announceFormat: 'slack' | 'json';
  verifyTimeoutMs: number;
  /** Signed provenance (docs/supply-chain.md): auto = when an OIDC token is available. */
  attest: 'auto' | 'true' | 'false';
  sigstore: { fulcioUrl: string; rekorUrl?: string; tsaUrl?: string; trustedRoot?: string };
  dryRun: boolean;
  /** fixed: one version; independent: each workspace package its own (docs/monorepo.md). */
  versioning: 'fixed' | 'independent';
  tagFormat: string;
  sharedPaths: string[];
  groups: { fixed: string[][]; linked: string[][] };
  /** independent: a GitHub Release per package, or one for the run with a section per package. */
  githubRelease: 'per-package' | 'aggregate';
}

export interface ReleaseDeps {
  /** Git in the workspace, authenticated to the remote. */
  git: Git;
  gh: GitHubClient;
  exec: Exec;
  fetch: Fetch;
  log: Logger;
  store: StatusStore;
  /** The runner's environment (NODE_AUTH_TOKEN, ACTIONS_ID_TOKEN_REQUEST_*, DOCKER_CONFIG…). */
  env: NodeJS.ProcessEnv;
  workspace: string;
  runnerTemp: string;
  owner: string;
  repo: string;
  serverUrl: string;
  runId: string;
  runAttempt: number;
  runUrl: string;
  /** Test-only fault injection: called after each step with its name (see README: RELEASE_ACTIONS_FAULT). */
  fault?: (step: string) => void;
  /** Mask a value in every later log line (tokens obtained at run time). */
  mask?: (value: string) => void;
  remote?: string;
  now?: () => Date;
}

/** What every step gets besides the state: the configuration, the collaborators and the ledger. */
export interface StepDeps extends ReleaseDeps {
  cfg: ReleaseConfig;
  ledger: Ledger;
  remote: string;
}

export interface StepReport {
  step: string;
  state: StepState;
  detail?: string;
}

export interface PublishedItem {
  registry: 'npm' | 'docker';
  name: string;
  version: string;
  url: string;
  digest_or_integrity: string;
  tags?: string[];
}

export interface ReleasePlan {
  version: string;
  previousVersion?: string;
  tag: string;
  commitMessage: string;
  prerelease: boolean;
  backport: boolean;
  bump: Bump | 'explicit' | 'resumed';
  files: FileChange[];
  /** In publish order; `version` per package with versioning: independent (else the plan's). */
  npm: { name: string; dir: string; distTag: string; provenance: boolean; auth: string; version?: string }[];
  /** versioning: independent: the packages released, in publish order (dependencies first). */
  packages?: PackageRelease[];
  npmSkipped: string[];
  docker: { image: string; tags: string[] }[];
  majorTag?: string;
  makeLatest: boolean;
  testCommand: string;
  buildCommand: string;
  resumed: boolean;
  notesBody: string;
}

/** One package of an independent release. */
export interface PackageRelease {
  name: string;
  /** Directory relative to the workspace. */
  dir: string;
  version: string;
  previousVersion?: string;
  tag: string;
  previousTag?: string;
  bump: string;
  private: boolean;
  prerelease: boolean;
  backport: boolean;
  reasons: string[];
  /** Its notes: its own commits only, cut to GitHub's limit. */
  notesBody: string;
}

export interface ReleaseOutcome {
  /** pull-request: release_mode pull-request opened or updated the release PR; nothing was released. */
  status: 'released' | 'dry-run' | 'unverified' | 'pull-request';
  pullRequest?: PullRequestOutcome;
  plan: ReleasePlan;
  steps: StepReport[];
  release?: ReleaseInfo;
  published: PublishedItem[];
  statusLocation: string;
  /** The artifacts attested and verified before publishing, and the signing workflow's identity. */
  attested?: { signer: string; artifacts: { label: string; digest: string; source: string }[] };
}

/**
 * `version_bump: auto` found nothing to release (no commit since the last release, or none a feat, fix, perf,
 * revert or breaking change): the release stops quietly before any side effect, as the plan action decides.
 */
export interface NothingToRelease {
  status: 'nothing-to-release';
  reason: string;
  previousVersion?: string;
  previousTag?: string;
  /** Commits since the last release (none of them releasable). */
  commits: number;
  steps: StepReport[];
}

/** A failure with the steps reported so far (for the summary). */
export class ReleaseFailure extends StageError {
  constructor(
    message: string,
    readonly steps: StepReport[],
    readonly plan?: ReleasePlan,
  ) {
    super(message);
  }
}

export const NO_BUILD = '(none: no build script)';
