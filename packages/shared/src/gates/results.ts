/**
 * What a load run measured, as written to the results JSON: counts, status codes, error kinds, the latency HDR
 * histogram (encoded, so shards merge exactly), a timeline, and the metrics thresholds are evaluated against.
 */
import {
  decodeHistogram,
  encodeHistogram,
  latencyStats,
  mergeHistograms,
  newHistogram,
  percentileMs,
  type Histogram,
  type LatencyStats,
} from './histogram.js';
import type { Shard } from './profiles.js';
import type { MetricSource } from './thresholds.js';

export interface TimelineBucket {
  /** Seconds from the start of the load to the start of the bucket. */
  t: number;
  requests: number;
  failed: number;
  /** Encoded HDR histogram of the bucket's latencies (µs). */
  latency: string;
}

export interface K6Metric {
  type?: string;
  values: Record<string, number>;
  thresholds?: Record<string, boolean>;
}

export interface LoadResults {
  engine: 'builtin' | 'k6';
  target?: string;
  profile: { name: string; connections: number; rate: number; durationMs: number; rampMs: number };
  shard?: Shard;
  /** The shards this result was merged from. */
  mergedFrom?: Shard[];
  startedAt: string;
  /** Wall time of the load (ms); for merged shards, the longest. */
  wallMs: number;
  /** Requests with an outcome: responses + socket errors + timeouts. */
  requests: number;
  responses: number;
  /** Unexpected statuses + socket errors + timeouts. */
  failed: number;
  unexpectedStatus: number;
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  errorKinds: Record<string, number>;
  checks: { passes: number; fails: number };
  bytesReceived: number;
  /** Encoded HDR histogram of every response's latency (µs). */
  latency?: string;
  latencyStats?: LatencyStats;
  timeline?: { bucketMs: number; buckets: TimelineBucket[] };
  /** Why the load stopped before its end (e.g. every connection refused). */
  stoppedEarly?: string;
  /** The k6 engine's end-of-test summary, by metric. */
  k6?: { exitCode: number; thresholdsFailed: boolean; metrics: Record<string, K6Metric> };
}

/** A run that has counted nothing yet: the engines fill it in as responses come. */
export function emptyResults(
  engine: LoadResults['engine'],
  profile: LoadResults['profile'],
  startedAt = new Date().toISOString(),
): LoadResults {
  return {
    engine,
    profile,
    startedAt,
    wallMs: 0,
    requests: 0,
    responses: 0,
    failed: 0,
    unexpectedStatus: 0,
    socketErrors: 0,
    timeouts: 0,
    statusCodes: {},
    errorKinds: {},
    checks: { passes: 0, fails: 0 },
    bytesReceived: 0,
  };
}

export function requestsPerSecond(r: LoadResults): number {
  return r.wallMs > 0 ? r.requests / (r.wallMs / 1000) : 0;
}

/** The metrics thresholds are evaluated against, from a builtin (or merged) result. */
export function builtinMetrics(r: LoadResults): MetricSource {
  const hist: Histogram | undefined = r.latency ? decodeHistogram(r.latency) : undefined;
  return {
    samples(metric) {
      switch (metric) {
        case 'http_req_duration':
          return hist?.totalCount ?? 0;
        case 'http_req_failed':
        case 'http_reqs':
          return r.requests;
        case 'checks':
          return r.checks.passes + r.checks.fails;
        case 'data_received':
          return r.responses;
        default:
          return 0;
      }
    },
    value(metric, aggregation, percentile) {
      const secs = r.wallMs / 1000;
      switch (metric) {
        case 'http_req_duration': {
          if (!hist || hist.totalCount === 0) return undefined;
          if (percentile !== undefined) return percentileMs(hist, percentile);
          const s = latencyStats(hist);
          if (!s) return undefined;
          return { avg: s.avg, min: s.min, med: s.med, max: s.max }[aggregation];
        }
        case 'http_req_failed':
          return r.requests ? r.failed / r.requests : undefined;
        case 'checks': {
          const n = r.checks.passes + r.checks.fails;
          return n ? r.checks.passes / n : undefined;
        }
        case 'http_reqs':
          return aggregation === 'count' ? r.requests : secs > 0 ? r.requests / secs : undefined;
        case 'data_received':
          return aggregation === 'count' ? r.bytesReceived : secs > 0 ? r.bytesReceived / secs : undefined;
        default:
          return undefined;
      }
    },
  };
}

/** The metrics of a k6 end-of-test summary (handleSummary data or --summary-export). */
export function k6Metrics(r: LoadResults): MetricSource {
  const metrics = r.k6?.metrics ?? {};
  const count = (m: string) => metrics[m]?.values.count;
  return {
    samples(metric) {
      const m = metrics[metric];
      if (!m) return 0;
      if (m.values.passes !== undefined || m.values.fails !== undefined) {
        return (m.values.passes ?? 0) + (m.values.fails ?? 0);
      }
      if (m.values.count !== undefined) return m.values.count;
      // Trends carry no count: http_req_* trends have as many samples as requests.
      return count('http_reqs') ?? (Object.keys(m.values).length ? 1 : 0);
    },
    value(metric, aggregation) {
      const v = metrics[metric]?.values;
      if (!v) return undefined;
      if (aggregation === 'rate' && v.rate === undefined && v.value !== undefined) return v.value;
      return v[aggregation];
    },
  };
}

export function metricSource(r: LoadResults): MetricSource {
  return r.engine === 'k6' ? k6Metrics(r) : builtinMetrics(r);
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/**
 * One result from the shards of a load: counts add up, histograms add up exactly (bucket by bucket), the
 * timeline merges bucket by bucket, and the wall time is the longest shard's (they ran at the same time).
 */
export function mergeResults(parts: LoadResults[]): LoadResults {
  if (parts.length === 0) throw new Error('nothing to merge');
  const first = parts[0] as LoadResults;
  const latency = mergeHistograms(parts.filter((p) => p.latency).map((p) => decodeHistogram(p.latency as string)));
  const bucketMs = first.timeline?.bucketMs;
  const buckets = new Map<number, { requests: number; failed: number; hists: Histogram[] }>();
  for (const p of parts) {
    if (!p.timeline || p.timeline.bucketMs !== bucketMs) continue;
    for (const b of p.timeline.buckets) {
      const e = buckets.get(b.t) ?? { requests: 0, failed: 0, hists: [] };
      e.requests += b.requests;
      e.failed += b.failed;
      e.hists.push(decodeHistogram(b.latency));
      buckets.set(b.t, e);
    }
  }
  const statusCodes: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  for (const p of parts) {
    addCounts(statusCodes, p.statusCodes);
    addCounts(errorKinds, p.errorKinds);
  }
  const sum = (f: (p: LoadResults) => number) => parts.reduce((a, p) => a + f(p), 0);
  return {
    engine: first.engine,
    target: first.target,
    profile: {
      ...first.profile,
      connections: sum((p) => p.profile.connections),
      rate: sum((p) => p.profile.rate),
    },
    mergedFrom: parts.map((p) => p.shard ?? { index: 1, count: 1 }),
    startedAt: parts.map((p) => p.startedAt).sort()[0] as string,
    wallMs: Math.max(...parts.map((p) => p.wallMs)),
    requests: sum((p) => p.requests),
    responses: sum((p) => p.responses),
    failed: sum((p) => p.failed),
    unexpectedStatus: sum((p) => p.unexpectedStatus),
    socketErrors: sum((p) => p.socketErrors),
    timeouts: sum((p) => p.timeouts),
    statusCodes,
    errorKinds,
    checks: { passes: sum((p) => p.checks.passes), fails: sum((p) => p.checks.fails) },
    bytesReceived: sum((p) => p.bytesReceived),
    latency: encodeHistogram(latency),
    latencyStats: latencyStats(latency),
    timeline:
      bucketMs === undefined
        ? undefined
        : {
            bucketMs,
            buckets: [...buckets.entries()]
              .sort((a, b) => a[0] - b[0])
              .map(([t, e]) => ({
                t,
                requests: e.requests,
                failed: e.failed,
                latency: encodeHistogram(mergeHistograms(e.hists)),
              })),
          },
    stoppedEarly: parts.find((p) => p.stoppedEarly)?.stoppedEarly,
  };
}

export { newHistogram };
