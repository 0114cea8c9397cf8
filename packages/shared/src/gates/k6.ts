/**
 * The k6 engine: k6 from the PATH, or acquired with @actions/tool-cache (download, extract, cache) from
 * `k6_url` or the release of `k6_version`; runs the user's script; the verdict comes from k6's exit code
 * (99 = thresholds crossed) and its end-of-test summary: the script's handleSummary JSON written to
 * `__ENV.RA_K6_SUMMARY`, else the `--summary-export` file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { StageError } from '../util/errors.js';
import { confinePath } from '../util/paths.js';
import type { Logger } from '../util/logger.js';
import { tail, type ExecFn } from './exec.js';
import type { Shard } from './profiles.js';
import type { K6Metric, LoadResults } from './results.js';

export const DEFAULT_K6_VERSION = '1.3.0';

/** The parts of @actions/tool-cache the engine uses (a parameter, so a test can count calls). */
export interface ToolCache {
  find(tool: string, version: string): string;
  downloadTool(url: string): Promise<string>;
  extractTar(file: string): Promise<string>;
  extractZip(file: string): Promise<string>;
  cacheDir(dir: string, tool: string, version: string): Promise<string>;
}

/**
 * @actions/tool-cache as a ToolCache, loaded on first use: it pulls in @actions/http-client and undici, which
 * only a run that acquires k6 needs (startup time is paid by every run; docs/architecture.md).
 */
export async function actionsToolCache(): Promise<ToolCache> {
  const tc = await import('@actions/tool-cache');
  return {
    find: (tool, version) => tc.find(tool, version),
    downloadTool: (url) => tc.downloadTool(url),
    extractTar: (file) => tc.extractTar(file),
    extractZip: (file) => tc.extractZip(file),
    cacheDir: (dir, tool, version) => tc.cacheDir(dir, tool, version),
  };
}

/** The official release archive of k6 for this machine. */
export function k6ReleaseUrl(version: string, platform = process.platform, arch = process.arch): string {
  const os = platform === 'darwin' ? 'macos' : platform === 'win32' ? 'windows' : 'linux';
  const cpu = arch === 'arm64' ? 'arm64' : 'amd64';
  const ext = os === 'linux' ? 'tar.gz' : 'zip';
  return `https://github.com/grafana/k6/releases/download/v${version}/k6-v${version}-${os}-${cpu}.${ext}`;
}

function findBinary(dir: string, depth = 0): string | undefined {
  const name = process.platform === 'win32' ? 'k6.exe' : 'k6';
  const direct = join(dir, name);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  if (depth > 2) return undefined;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      const found = findBinary(join(dir, e.name), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function onPath(): string | undefined {
  for (const d of (process.env.PATH ?? '').split(':')) {
    if (!d) continue;
    const p = join(d, 'k6');
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return undefined;
}

export interface AcquiredK6 {
  path: string;
  source: 'PATH' | 'tool cache' | 'download';
  version?: string;
  url?: string;
}

/**
 * Where k6 comes from: with neither k6_url nor k6_version, the PATH if it has k6; otherwise the tool cache
 * (k6@version), downloading and extracting the archive into it on a miss.
 */
export async function acquireK6(o: {
  version?: string;
  url?: string;
  log: Logger;
  toolCache?: ToolCache;
}): Promise<AcquiredK6> {
  const cache = o.toolCache ?? (await actionsToolCache());
  if (!o.version && !o.url) {
    const p = onPath();
    if (p) {
      o.log.info(`k6: using ${p} from the PATH`);
      return { path: p, source: 'PATH' };
    }
  }
  const version = o.version || DEFAULT_K6_VERSION;
  const cached = cache.find('k6', version);
  if (cached) {
    const bin = findBinary(cached);
    if (bin) {
      o.log.info(`k6: ${version} from the tool cache (${bin})`);
      return { path: bin, source: 'tool cache', version };
    }
  }
  const url = o.url || k6ReleaseUrl(version);
  o.log.info(`k6: downloading ${url}`);
  let archive: string;
  try {
    archive = await cache.downloadTool(url);
  } catch (e) {
    throw new StageError(`k6: could not download ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const extracted = /\.zip$/i.test(new URL(url).pathname)
    ? await cache.extractZip(archive)
    : await cache.extractTar(archive);
  const inArchive = findBinary(extracted);
  if (!inArchive) throw new StageError(`k6: the archive from ${url} holds no k6 executable`);
  const dir = await cache.cacheDir(inArchive.slice(0, inArchive.lastIndexOf('/')), 'k6', version);
  const bin = findBinary(dir);
  if (!bin) throw new StageError(`k6: no k6 executable in the tool cache at ${dir}`);
  o.log.info(`k6: ${version} cached at ${dir}`);
  return { path: bin, source: 'download', version, url };
}

/** Metrics of a k6 summary: handleSummary data (`values`, thresholds `{ok}`) or the legacy --summary-export. */
export function parseK6Summary(doc: unknown): Record<string, K6Metric> {
  const metrics = (doc as { metrics?: Record<string, Record<string, unknown>> } | null)?.metrics;
  if (!metrics || typeof metrics !== 'object') throw new Error('no "metrics" in the k6 summary');
  const out: Record<string, K6Metric> = {};
  for (const [name, m] of Object.entries(metrics)) {
    const values: Record<string, number> = {};
    const src = (typeof m.values === 'object' && m.values !== null ? m.values : m) as Record<string, unknown>;
    for (const [k, v] of Object.entries(src)) if (typeof v === 'number') values[k] = v;
    let thresholds: Record<string, boolean> | undefined;
    if (m.thresholds && typeof m.thresholds === 'object') {
      thresholds = {};
      for (const [expr, t] of Object.entries(m.thresholds as Record<string, unknown>)) {
        // handleSummary: { ok: true }; --summary-export: true when the threshold FAILED.
        thresholds[expr] = typeof t === 'object' && t !== null ? Boolean((t as { ok?: boolean }).ok) : t === false;
      }
    }
    out[name] = { type: typeof m.type === 'string' ? m.type : undefined, values, thresholds };
  }
  return out;
}

export async function runK6(o: {
  k6: AcquiredK6;
  script: string;
  cwd: string;
  workDir: string;
  shard?: Shard;
  exec: ExecFn;
  log: Logger;
  profileName: string;
  timeoutMs?: number;
}): Promise<LoadResults> {
  // The script is a file of the repository: a committed link out of the checkout (or to /proc) is refused.
  if (!existsSync(isAbsolute(o.script) ? o.script : join(o.cwd, o.script)))
    throw new StageError(`k6: the script ${o.script} does not exist`);
  if (!isAbsolute(o.script)) confinePath(o.cwd, o.script, { input: 'k6_script' });
  const handleSummaryFile = join(o.workDir, 'k6-summary.json');
  const exportFile = join(o.workDir, 'k6-summary-export.json');
  const args = [
    'run',
    '--summary-export',
    exportFile,
    '--summary-trend-stats',
    'avg,min,med,max,p(90),p(95),p(99)',
    '-e',
    `RA_K6_SUMMARY=${handleSummaryFile}`,
  ];
  if (o.shard && o.shard.count > 1) {
    const seq = Array.from({ length: o.shard.count + 1 }, (_, i) =>
      i === 0 ? '0' : i === o.shard!.count ? '1' : `${i}/${o.shard!.count}`,
    );
    args.push('--execution-segment', `${seq[o.shard.index - 1]}:${seq[o.shard.index]}`);
    args.push('--execution-segment-sequence', seq.join(','));
  }
  args.push(o.script);
  o.log.info(`k6: ${o.k6.path} ${args.join(' ')}`);
  const started = Date.now();
  const r = await o.exec(o.k6.path, args, {
    cwd: o.cwd,
    timeoutMs: o.timeoutMs ?? 3_600_000,
    onLine: (l) => o.log.info(`  ${l}`),
  });
  const wallMs = Date.now() - started;
  if (r.code !== 0 && r.code !== 99) {
    throw new StageError(
      `k6 failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.stderr || r.stdout)}`,
    );
  }
  const file = existsSync(handleSummaryFile) ? handleSummaryFile : existsSync(exportFile) ? exportFile : undefined;
  if (!file) throw new StageError('k6: no data: k6 wrote no end-of-test summary (handleSummary or --summary-export)');
  let metrics: Record<string, K6Metric>;
  try {
    metrics = parseK6Summary(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new StageError(`k6: the summary ${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const v = (m: string, k: string) => metrics[m]?.values[k];
  const requests = v('http_reqs', 'count') ?? 0;
  const failedRate = v('http_req_failed', 'rate') ?? v('http_req_failed', 'value');
  const failed = v('http_req_failed', 'passes') ?? (failedRate !== undefined ? Math.round(failedRate * requests) : 0);
  const d = metrics.http_req_duration?.values;
  o.log.info(`k6: exit ${r.code}${r.code === 99 ? ' (thresholds crossed)' : ''}; ${requests} requests`);
  return {
    engine: 'k6',
    profile: { name: o.profileName, connections: 0, rate: 0, durationMs: 0, rampMs: 0 },
    shard: o.shard,
    startedAt: new Date(started).toISOString(),
    wallMs,
    requests,
    responses: requests,
    failed,
    unexpectedStatus: failed,
    socketErrors: 0,
    timeouts: 0,
    statusCodes: {},
    errorKinds: {},
    checks: { passes: v('checks', 'passes') ?? 0, fails: v('checks', 'fails') ?? 0 },
    bytesReceived: v('data_received', 'count') ?? 0,
    latencyStats:
      d && d.avg !== undefined
        ? {
            count: requests,
            min: d.min ?? NaN,
            max: d.max ?? NaN,
            avg: d.avg,
            med: d.med ?? NaN,
            p90: d['p(90)'] ?? NaN,
            p95: d['p(95)'] ?? NaN,
            p99: d['p(99)'] ?? NaN,
            p99_9: NaN,
          }
        : undefined,
    k6: { exitCode: r.code, thresholdsFailed: r.code === 99, metrics },
  };
}
