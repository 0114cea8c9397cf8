/**
 * release-status.yaml: the record of every release (the seed's schema — version, type, status, timestamps,
 * quality_gates, deployment, registries) and the ledger of steps that makes a re-run resume. Newest release
 * first. Unknown fields are kept as they are, so older and newer writers can share one file.
 */
export const STATUS_SCHEMA_VERSION = 1;

export type ReleaseType = 'major' | 'minor' | 'patch' | 'hotfix' | 'prerelease';
export type ReleaseState = 'planned' | 'releasing' | 'released' | 'deploying' | 'deployed' | 'failed' | 'rolled-back';
export type StepState = 'pending' | 'running' | 'done' | 'already-done' | 'failed' | 'skipped' | 'unverified';

export interface GateRecord {
  status: 'passed' | 'failed' | 'skipped' | 'no-data';
  /** Free-form measurements: p50_ms, p95_ms, p99_ms, error_rate, rps, requests, image_size_mb, … */
  measurements?: Record<string, number | string>;
  at?: string;
  [key: string]: unknown;
}

export interface RegistryRecord {
  registry: 'npm' | 'docker' | string;
  name: string;
  version: string;
  url?: string;
  digest_or_integrity?: string;
  tags?: string[];
  [key: string]: unknown;
}

export interface DeploymentEvent {
  at: string;
  state: string;
  detail?: string;
}

export interface DeploymentRecord {
  environment: string;
  strategy?: string;
  status: 'pending' | 'in_progress' | 'succeeded' | 'failed' | 'rolled-back' | 'inactive' | string;
  started_at?: string;
  finished_at?: string;
  previous_version?: string;
  rolled_back?: boolean;
  deployment_id?: number;
  active_slot?: string;
  timeline?: DeploymentEvent[];
  [key: string]: unknown;
}

export interface LedgerStep {
  state: StepState;
  at: string;
  attempt?: number;
  detail?: string;
}

/** One package of an independent release (versioning: independent): the run's record lists each. */
export interface PackageRecord {
  name: string;
  version: string;
  tag: string;
  previous_version?: string;
  release_url?: string;
  [key: string]: unknown;
}

export interface ReleaseRecord {
  version: string;
  type?: ReleaseType | string;
  status: ReleaseState | string;
  tag?: string;
  commit?: string;
  created_at: string;
  deployed_at?: string;
  release_url?: string;
  quality_gates?: Record<string, GateRecord>;
  /** The latest deployment (of the last environment deployed). */
  deployment?: DeploymentRecord;
  /** Every deployment and rollback of this version, oldest first. */
  deployments?: DeploymentRecord[];
  registries?: RegistryRecord[];
  /** versioning: independent: every package the run released (the record's version and tag are the first's). */
  packages?: PackageRecord[];
  /** Steps by run id: what each run did, so a re-run (same GITHUB_RUN_ID) resumes. */
  ledger?: Record<string, Record<string, LedgerStep>>;
  [key: string]: unknown;
}

export interface StatusDocument {
  schema_version: number;
  releases: ReleaseRecord[];
  [key: string]: unknown;
}

export function emptyStatus(): StatusDocument {
  return { schema_version: STATUS_SCHEMA_VERSION, releases: [] };
}

/** The release record of a version, created (at the top, newest first) when missing. */
/**
 * The release of `version`, made when missing. With `init.tag`, the release of that tag: in a monorepo two
 * packages may release the same version (an independent release's record is keyed by its first package's tag).
 */
export function ensureRelease(doc: StatusDocument, version: string, init: Partial<ReleaseRecord> = {}): ReleaseRecord {
  let rec = findRelease(doc, version, init.tag);
  if (!rec) {
    rec = { version, status: 'planned', created_at: new Date().toISOString(), ...init };
    doc.releases.unshift(rec);
  }
  return rec;
}

export function findRelease(doc: StatusDocument, version: string, tag?: string): ReleaseRecord | undefined {
  return doc.releases.find((r) => r.version === version && (tag === undefined || r.tag === tag));
}

/** Record a step's state in a release's ledger under a run id. */
export function recordStep(
  rec: ReleaseRecord,
  runId: string,
  step: string,
  state: StepState,
  o: { attempt?: number; detail?: string } = {},
): void {
  rec.ledger ??= {};
  const run = (rec.ledger[runId] ??= {});
  run[step] = {
    state,
    at: new Date().toISOString(),
    ...(o.attempt ? { attempt: o.attempt } : {}),
    ...(o.detail ? { detail: o.detail } : {}),
  };
}

/** The last version whose deployment to `environment` succeeded (newest first), excluding `except`. */
export function lastGoodVersion(doc: StatusDocument, environment: string, except?: string): string | undefined {
  for (const rec of doc.releases) {
    if (rec.version === except) continue;
    const deps = rec.deployments ?? (rec.deployment ? [rec.deployment] : []);
    if (deps.some((d) => d.environment === environment && (d.status === 'succeeded' || d.status === 'inactive'))) {
      return rec.version;
    }
  }
  return undefined;
}
