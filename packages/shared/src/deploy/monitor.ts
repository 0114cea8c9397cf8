/**
 * The monitoring window (and each canary step's analysis): every `intervalMs`, probe `probeUrl` a few times
 * (error rate, p95) and/or evaluate Prometheus queries against their thresholds. A breach ends the window at
 * once (so a rollback starts within one interval). At the end, a source with fewer than `minSamples` samples
 * is "no data", and `onNoData` decides: fail (the default: never pass on no data), pass, or inconclusive.
 */
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';
import { sleep } from './deadline.js';
import { httpGet, percentile } from './http.js';
import type { PrometheusQuery } from './types.js';

export type NoDataRule = 'fail' | 'pass' | 'inconclusive';

export interface MonitorOptions {
  /** What is being watched, for logs ("monitoring", "canary 10%"). */
  label: string;
  durationMs: number;
  intervalMs: number;
  probeUrl?: string;
  /** Probe requests per interval (default 5). */
  probeRequests?: number;
  maxErrorRate: number;
  maxP95Ms: number;
  prometheusUrl?: string;
  prometheusQueries?: PrometheusQuery[];
  onNoData: NoDataRule;
  minSamples: number;
  log: Logger;
  /** Log progress at most this often (default 1 min). */
  progressEveryMs?: number;
}

export interface MonitorPoint {
  /** ms since the window started */
  t: number;
  at: string;
  requests: number;
  errors: number;
  errorRate?: number;
  p95Ms?: number;
  prometheus: Record<string, number | null>;
  breach?: string;
}

export type MonitorVerdict = 'passed' | 'breached' | 'no-data' | 'inconclusive';

export interface MonitorResult {
  verdict: MonitorVerdict;
  /** Why, in one sentence (shown in logs, summary, incident issue). */
  reason: string;
  points: MonitorPoint[];
  requests: number;
  errors: number;
  errorRate?: number;
  p95Ms?: number;
  promSamples: Record<string, number>;
  durationMs: number;
}

/** One Prometheus instant query: the first sample's value, or null when the result is empty. */
export async function queryPrometheus(base: string, query: string): Promise<number | null> {
  const url = new URL('api/v1/query', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('query', query);
  const r = await httpGet(url.toString(), { timeoutMs: 5000 });
  if (r.status !== 200) throw new Error(`Prometheus answered HTTP ${r.status}: ${r.body.slice(0, 200)}`);
  const body = JSON.parse(r.body) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: unknown };
  };
  if (body.status !== 'success') throw new Error(`Prometheus: ${body.error ?? body.status}`);
  const res = body.data?.result;
  let raw: unknown;
  if (body.data?.resultType === 'scalar') raw = (res as [number, string])[1];
  else if (Array.isArray(res) && res.length > 0) raw = (res[0] as { value: [number, string] }).value[1];
  else return null;
  const v = Number(raw);
  return Number.isFinite(v) ? v : null;
}

export function parsePrometheusQueries(value: unknown): { value: PrometheusQuery[] } | { error: string } {
  if (!Array.isArray(value)) return { error: 'not a list' };
  const out: PrometheusQuery[] = [];
  for (const [i, item] of value.entries()) {
    if (!item || typeof item !== 'object') return { error: `item ${i + 1} is not a mapping` };
    const q = item as Record<string, unknown>;
    const unknown = Object.keys(q).filter((k) => !['name', 'query', 'max', 'min'].includes(k));
    if (unknown.length) return { error: `item ${i + 1}: unknown key ${unknown.join(', ')}` };
    if (typeof q.query !== 'string' || q.query.trim() === '') return { error: `item ${i + 1}: query is required` };
    if (q.max === undefined && q.min === undefined) return { error: `item ${i + 1}: give max or min` };
    for (const k of ['max', 'min'] as const)
      if (q[k] !== undefined && typeof q[k] !== 'number') return { error: `item ${i + 1}: ${k} must be a number` };
    out.push({
      name: typeof q.name === 'string' && q.name ? q.name : `query ${i + 1}`,
      query: q.query,
      ...(q.max !== undefined ? { max: q.max as number } : {}),
      ...(q.min !== undefined ? { min: q.min as number } : {}),
    });
  }
  return { value: out };
}

const fmt = (n: number | undefined, unit = '') =>
  n === undefined || Number.isNaN(n) ? '-' : `${Number(n.toFixed(3))}${unit}`;

export async function monitor(o: MonitorOptions): Promise<MonitorResult> {
  const t0 = Date.now();
  const points: MonitorPoint[] = [];
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  const promSamples: Record<string, number> = {};
  const queries = o.prometheusUrl ? (o.prometheusQueries ?? []) : [];
  for (const q of queries) promSamples[q.name] = 0;
  const perTick = o.probeRequests ?? 5;
  let lastProgress = t0;
  const progressEvery = o.progressEveryMs ?? 60_000;
  const result = (verdict: MonitorVerdict, reason: string): MonitorResult => ({
    verdict,
    reason,
    points,
    requests,
    errors,
    errorRate: requests ? errors / requests : undefined,
    p95Ms: latencies.length ? percentile(latencies, 95) : undefined,
    promSamples,
    durationMs: Date.now() - t0,
  });
  o.log.info(
    `${o.label}: watching for ${formatDuration(o.durationMs)}, every ${formatDuration(o.intervalMs)}` +
      `${o.probeUrl ? `, probing ${o.probeUrl} (error rate ≤ ${o.maxErrorRate}, p95 ≤ ${o.maxP95Ms}ms)` : ''}` +
      `${queries.length ? `, ${queries.length} Prometheus queries` : ''}`,
  );
  for (let tick = 0; ; tick++) {
    const tickStart = Date.now();
    const point: MonitorPoint = {
      t: tickStart - t0,
      at: new Date(tickStart).toISOString(),
      requests: 0,
      errors: 0,
      prometheus: {},
    };
    const tickLat: number[] = [];
    if (o.probeUrl) {
      for (let i = 0; i < perTick; i++) {
        try {
          const r = await httpGet(o.probeUrl, { timeoutMs: Math.max(1000, o.maxP95Ms * 2) });
          tickLat.push(r.latencyMs);
          if (r.status >= 500 || r.status === 0) point.errors++;
        } catch {
          point.errors++;
          tickLat.push(Math.max(1000, o.maxP95Ms * 2));
        }
        point.requests++;
      }
      requests += point.requests;
      errors += point.errors;
      latencies.push(...tickLat);
      point.errorRate = point.errors / point.requests;
      point.p95Ms = percentile(tickLat, 95);
      if (point.errorRate > o.maxErrorRate)
        point.breach = `error rate ${fmt(point.errorRate)} > ${o.maxErrorRate} (${point.errors}/${point.requests} probes failed)`;
      else if (point.p95Ms > o.maxP95Ms) point.breach = `p95 ${Math.round(point.p95Ms)}ms > ${o.maxP95Ms}ms`;
    }
    for (const q of queries) {
      let v: number | null = null;
      try {
        v = await queryPrometheus(o.prometheusUrl as string, q.query);
      } catch (e) {
        o.log.warning(`${o.label}: Prometheus query ${q.name} failed: ${(e as Error).message}`);
      }
      point.prometheus[q.name] = v;
      if (v === null) continue;
      promSamples[q.name] = (promSamples[q.name] ?? 0) + 1;
      if (!point.breach && q.max !== undefined && v > q.max) point.breach = `${q.name} = ${fmt(v)} > ${q.max}`;
      if (!point.breach && q.min !== undefined && v < q.min) point.breach = `${q.name} = ${fmt(v)} < ${q.min}`;
    }
    points.push(point);
    if (point.breach) {
      o.log.warning(`${o.label}: BREACH at +${formatDuration(point.t)}: ${point.breach}`);
      return result('breached', point.breach);
    }
    if (Date.now() - lastProgress >= progressEvery) {
      lastProgress = Date.now();
      const r = result('passed', '');
      o.log.info(
        `${o.label}: +${formatDuration(Date.now() - t0)} of ${formatDuration(o.durationMs)}: ${requests} probes, error rate ${fmt(r.errorRate)}, p95 ${fmt(r.p95Ms, 'ms')}` +
          queries.map((q) => `, ${q.name}=${fmt(point.prometheus[q.name] ?? undefined)}`).join(''),
      );
    }
    const next = t0 + (tick + 1) * o.intervalMs;
    if (next - t0 >= o.durationMs + 1 || Date.now() - t0 >= o.durationMs) break;
    await sleep(Math.max(0, next - Date.now()));
  }
  // No data: a source with fewer than min_samples samples.
  const short: string[] = [];
  if (o.probeUrl && requests < o.minSamples) short.push(`${requests} probe samples`);
  for (const q of queries)
    if ((promSamples[q.name] ?? 0) < o.minSamples) short.push(`${promSamples[q.name] ?? 0} samples of ${q.name}`);
  if (!o.probeUrl && queries.length === 0) short.push('no probe_url and no Prometheus queries');
  const r = result('passed', '');
  const stats = `${requests} probes, error rate ${fmt(r.errorRate)}, p95 ${fmt(r.p95Ms, 'ms')}`;
  if (short.length) {
    const why = `no data: ${short.join(', ')} (min_samples ${o.minSamples})`;
    if (o.onNoData === 'pass') return result('passed', `${why}; on_no_data is pass`);
    if (o.onNoData === 'inconclusive') return result('inconclusive', `${why}; on_no_data is inconclusive`);
    return result('no-data', `${why}; on_no_data is fail`);
  }
  return result('passed', `${formatDuration(Date.now() - t0)} without a breach: ${stats}`);
}
