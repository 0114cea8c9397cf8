/**
 * What the dashboard shows, read from `release-status.yaml` by a tolerant reader.
 *
 * The status record (packages/shared/src/status/) follows the seed's schema: per release a version, a type
 * (major, minor, patch, hotfix, prerelease), a status, created_at / deployed_at, quality_gates (per gate a status
 * and measurements: p50/p95/p99 latency, error rate, requests/s, image size), a deployment (environment,
 * strategy, status, started/finished, rolled back, previous version, a timeline of transitions) and registries
 * (name, url, version, digest/integrity).
 *
 * The reader accepts the shapes that record can take — `releases: [...]` (newest first), a bare list, or one
 * release at the top level; gates and registries as a mapping by name or as a list with `name` — ignores
 * unknown fields and leaves missing ones undefined (the page shows them as "—"). Adapting the dashboard to the
 * final status model is a matter of this file only.
 */
import { parseRecordYaml, splitReleases } from '../status/yaml.js';

export interface DashboardModel {
  /** Project name, when the record names one (`project`, `repository` or `name` at the top level). */
  project?: string;
  /** Newest first. */
  releases: ReleaseView[];
  /** Older releases in the record that were not read (beyond the history limit). */
  omitted?: number;
}

/** Releases the dashboard reads, newest first, by default: a page of a long history stays small and quick. */
export const DEFAULT_HISTORY_LIMIT = 200;

export interface ReleaseView {
  version: string;
  /** versioning: independent: the package this row is about (a run's record lists each package it released). */
  package?: string;
  tag?: string;
  /** A package row after the first of its run: the run's gates and deployment are counted on the first row only. */
  sameRun?: boolean;
  /** major, minor, patch, hotfix, prerelease — as written. */
  type?: string;
  status?: string;
  /** ISO 8601 as written; `createdMs` is the parsed instant (for ordering and charts). */
  createdAt?: string;
  createdMs?: number;
  deployedAt?: string;
  deployedMs?: number;
  gates: GateView[];
  deployment?: DeploymentView;
  registries: RegistryView[];
}

export interface GateView {
  name: string;
  status?: string;
  /** Latency percentiles in milliseconds. */
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  /** 0..1. */
  errorRate?: number;
  requestsPerSecond?: number;
  imageSizeBytes?: number;
  /** Every other scalar measurement, as written (shown in the details). */
  other: Record<string, string>;
}

export interface DeploymentView {
  environment?: string;
  strategy?: string;
  status?: string;
  startedAt?: string;
  finishedAt?: string;
  rolledBack?: boolean;
  previousVersion?: string;
  timeline: TransitionView[];
}

export interface TransitionView {
  at?: string;
  state: string;
  note?: string;
}

export interface RegistryView {
  name?: string;
  url?: string;
  version?: string;
  /** Image digest or npm integrity. */
  digest?: string;
}

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

function pick(r: Rec, ...keys: string[]): unknown {
  for (const k of keys) if (r[k] !== undefined && r[k] !== null) return r[k];
  return undefined;
}

function instant(v: unknown): number | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getTime();
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'string' && v.trim() !== '') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (/^(true|yes)$/i.test(v.trim())) return true;
    if (/^(false|no)$/i.test(v.trim())) return false;
  }
  return undefined;
}

/** A duration in ms from 230, "230ms", "1.2s", "900us"; `unitSeconds` when a bare number means seconds. */
export function toMs(v: unknown, unitSeconds = false): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? (unitSeconds ? v * 1000 : v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|us|µs|m)?\s*$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'ms':
      return n;
    case 's':
      return n * 1000;
    case 'm':
      return n * 60_000;
    case 'us':
    case 'µs':
      return n / 1000;
    default:
      return unitSeconds ? n * 1000 : n;
  }
}

/** A rate in 0..1 from 0.002, "0.2%". */
export function toRate(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? (v > 1 && v <= 100 ? v / 100 : v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(v);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/** Bytes from 123456, "48MB", "1.5 GiB", "900kB"; `unitMb` when a bare number means MB (10^6 bytes). */
export function toBytes(v: unknown, unitMb = false): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? (unitMb ? v * 1e6 : v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?\s*$/i.exec(v);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const pow = { b: 0, kb: 1, kib: 1, mb: 2, mib: 2, gb: 3, gib: 3, tb: 4, tib: 4 }[unit] ?? 0;
  const base = unit.includes('i') ? 1024 : 1000;
  return Number(m[1]) * base ** pow;
}

/** A gate's measurements, flattened: its own scalars plus those of `measurements`, `metrics`, `latency`, … */
function flatten(r: Rec, prefix = '', out: Record<string, unknown> = {}, depth = 0): Record<string, unknown> {
  for (const [k, v] of Object.entries(r)) {
    const key = prefix && !['measurements', 'metrics', 'results'].includes(prefix) ? `${prefix}_${k}` : k;
    if (isRec(v) && depth < 2) flatten(v, k, out, depth + 1);
    else if (!Array.isArray(v)) out[key] = v;
  }
  return out;
}

function readGate(name: string, raw: unknown): GateView {
  if (!isRec(raw)) return { name, status: str(raw), other: {} };
  const flat = flatten(raw);
  const gate: GateView = {
    name: str(raw.name) ?? name,
    status: str(pick(raw, 'status', 'result', 'verdict')),
    other: {},
  };
  for (const [k, v] of Object.entries(flat)) {
    const key = k.toLowerCase();
    if (['name', 'status', 'result', 'verdict'].includes(key)) continue;
    // p95, p95_ms, latency_p95, http_req_duration_p(95) — but not p95_change_pct or max_p95_ms (not a measurement).
    const pct = /(?:^|_)p\(?(50|95|99)\)?(?:_|$)/.exec(key);
    if (pct && !/change|pct|percent|delta|diff|regress|budget|threshold|limit|max_|target|baseline/.test(key)) {
      const ms = toMs(v, /_(s|sec|seconds)$/.test(key));
      if (ms !== undefined) {
        if (pct[1] === '50') gate.p50Ms = ms;
        else if (pct[1] === '95') gate.p95Ms = ms;
        else gate.p99Ms = ms;
        continue;
      }
    }
    if (/(^|_)(error_rate|http_req_failed|failure_rate|errors_rate)$/.test(key)) {
      const rate = toRate(v);
      if (rate !== undefined) {
        gate.errorRate = rate;
        continue;
      }
    }
    if (/(^|_)(requests_per_second|rps|req_per_sec|throughput)$/.test(key)) {
      const n = typeof v === 'number' ? v : Number(v);
      if (Number.isFinite(n)) {
        gate.requestsPerSecond = n;
        continue;
      }
    }
    if (/(^|_)(image_size|size)(_bytes|_mb)?$/.test(key)) {
      const b = toBytes(v, key.endsWith('_mb'));
      if (b !== undefined) {
        gate.imageSizeBytes = b;
        continue;
      }
    }
    const s = str(v);
    if (s !== undefined) gate.other[k] = s;
  }
  return gate;
}

function entries(raw: unknown): [string, unknown][] {
  if (Array.isArray(raw)) {
    return raw.map((item, i) => [isRec(item) ? (str(item.name) ?? str(item.id) ?? `#${i + 1}`) : `#${i + 1}`, item]);
  }
  return isRec(raw) ? Object.entries(raw) : [];
}

function readDeployment(raw: unknown): DeploymentView | undefined {
  if (!isRec(raw)) return undefined;
  const timelineRaw = pick(raw, 'timeline', 'transitions', 'history', 'events');
  const timeline: TransitionView[] = Array.isArray(timelineRaw)
    ? timelineRaw.flatMap((t): TransitionView[] => {
        if (!isRec(t)) return str(t) ? [{ state: str(t) as string }] : [];
        const state = str(pick(t, 'state', 'status', 'to', 'event', 'phase'));
        return state
          ? [{ at: str(pick(t, 'at', 'time', 'timestamp')), state, note: str(pick(t, 'note', 'detail', 'message')) }]
          : [];
      })
    : [];
  const status = str(raw.status);
  return {
    environment: str(raw.environment),
    strategy: str(pick(raw, 'strategy', 'deployment_strategy')),
    status,
    startedAt: str(pick(raw, 'started_at', 'started')),
    finishedAt: str(pick(raw, 'finished_at', 'finished', 'completed_at')),
    rolledBack:
      bool(pick(raw, 'rolled_back', 'rolledBack')) ??
      (status && /roll(ed)?[-_ ]?back/i.test(status) ? true : undefined),
    previousVersion: str(pick(raw, 'previous_version', 'previousVersion')),
    timeline,
  };
}

function readRelease(raw: unknown, index: number): ReleaseView {
  const r = isRec(raw) ? raw : {};
  const createdAt = str(pick(r, 'created_at', 'createdAt', 'released_at'));
  const deployedAt = str(pick(r, 'deployed_at', 'deployedAt'));
  return {
    version: str(pick(r, 'version', 'tag')) ?? `(release ${index + 1})`,
    type: str(pick(r, 'type', 'release_type')),
    status: str(r.status),
    createdAt,
    createdMs: instant(pick(r, 'created_at', 'createdAt', 'released_at')),
    deployedAt,
    deployedMs: instant(pick(r, 'deployed_at', 'deployedAt')),
    gates: entries(pick(r, 'quality_gates', 'gates')).map(([name, g]) => readGate(name, g)),
    // The latest deployment; else the last of `deployments` (every deployment and rollback, oldest first).
    deployment: readDeployment(
      r.deployment ?? (Array.isArray(r.deployments) ? r.deployments[r.deployments.length - 1] : undefined),
    ),
    registries: entries(r.registries).map(([name, g]): RegistryView => {
      if (!isRec(g)) return { name, version: str(g) };
      // The status model writes { registry: npm, name: @acme/widget, digest_or_integrity }.
      const kind = str(g.registry);
      const pkg = str(g.name);
      return {
        name: kind && pkg ? `${kind} · ${pkg}` : (pkg ?? kind ?? name),
        url: str(g.url),
        version: str(g.version),
        digest: str(pick(g, 'digest_or_integrity', 'digest', 'integrity', 'shasum')),
      };
    }),
  };
}

/**
 * The views of one record: one, or with versioning: independent one per package of its `packages` list (each at
 * its own version and tag, with its own registries; the run's gates, deployment and dates shared).
 */
function readReleases(raw: unknown, index: number): ReleaseView[] {
  const base = readRelease(raw, index);
  const list = isRec(raw) && Array.isArray(raw.packages) ? raw.packages.filter(isRec) : [];
  const views = list.flatMap((p): ReleaseView[] => {
    const name = str(p.name);
    const version = str(p.version);
    if (!name || !version) return [];
    const tag = str(p.tag);
    const registries = base.registries.filter((g) => g.name === name || g.name?.endsWith(` · ${name}`));
    return [{ ...base, version, package: name, ...(tag ? { tag } : {}), registries }];
  });
  views.slice(1).forEach((v) => (v.sameRun = true));
  return views.length ? views : [base];
}

/** The dashboard model of a parsed status document (any shape; never throws). */
export function readStatusDocument(doc: unknown): DashboardModel {
  let list: unknown[];
  let project: string | undefined;
  if (Array.isArray(doc)) list = doc;
  else if (isRec(doc)) {
    project = str(pick(doc, 'project', 'repository', 'name'));
    const rel = pick(doc, 'releases', 'history');
    list = Array.isArray(rel) ? rel : doc.version !== undefined ? [doc] : [];
  } else list = [];
  const releases = list.filter((r) => isRec(r)).flatMap(readReleases);
  // Newest first: by creation time when every release has one; the file's order otherwise.
  if (releases.every((r) => r.createdMs !== undefined)) {
    releases.sort((a, b) => (b.createdMs as number) - (a.createdMs as number));
  }
  return { project, releases };
}

export interface ParseStatusYamlOptions {
  /** Releases read, newest first (default DEFAULT_HISTORY_LIMIT); older ones are counted in `omitted`. */
  limit?: number;
}

/**
 * Parse the text of release-status.yaml (YAML or JSON). Only the newest `limit` releases are parsed (the record's
 * list is split textually first, as the stages read it), so a 10 MB history costs what its newest page costs.
 * Throws only on a YAML syntax error (in the part read). Versions keep their text (`1.10` is not 1.1).
 */
export function parseStatusYaml(text: string, o: ParseStatusYamlOptions = {}): DashboardModel {
  const limit = Math.max(0, o.limit ?? DEFAULT_HISTORY_LIMIT);
  const split = splitReleases(text);
  if (split) {
    const head = parseRecordYaml(split.rest);
    const releases = split.entries.slice(0, limit).flatMap((e) => {
      const v = parseRecordYaml(e.text);
      return Array.isArray(v) ? v : [v];
    });
    const model = readStatusDocument({ ...(isRec(head) ? head : {}), releases });
    const omitted = split.entries.length - Math.min(limit, split.entries.length);
    return omitted > 0 ? { ...model, omitted } : model;
  }
  const model = readStatusDocument(parseRecordYaml(text));
  if (model.releases.length <= limit) return model;
  return { ...model, releases: model.releases.slice(0, limit), omitted: model.releases.length - limit };
}
