/**
 * The built-in load engine: autocannon, used as a library, drives HTTP load at a profile's connections, rate and
 * duration (after a ramp in steps); every response's latency goes into an HDR histogram (exact percentiles,
 * which autocannon itself does not report beyond p97.5) and into a per-interval timeline. Errors are unexpected
 * statuses (non-2xx, or not `expect_status`), socket errors and timeouts. Progress is logged every few seconds.
 */
import { connect } from 'node:net';
import type autocannon from 'autocannon';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';
import { encodeHistogram, latencyStats, newHistogram, percentileMs, recordMs, type Histogram } from './histogram.js';
import type { LoadProfile, Shard } from './profiles.js';
import { statusExpected, type LoadTarget } from './requests.js';
import { emptyResults, type LoadResults } from './results.js';

export interface BuiltinLoadOptions {
  target: LoadTarget;
  profile: LoadProfile;
  profileName: string;
  shard?: Shard;
  /** Per-request timeout (ms, at least 1000). */
  timeoutMs?: number;
  log: Logger;
  /** How often progress is logged (default: every second up to 10 s of load, then every 5 s). */
  progressEveryMs?: number;
}

export interface Stage {
  connections: number;
  rate: number;
  durationMs: number;
  ramp: boolean;
}

/** The ramp as up to 5 steps of rising connections and rate, then the steady load. */
export function loadStages(p: LoadProfile): Stage[] {
  const stages: Stage[] = [];
  if (p.rampMs >= 1000) {
    const steps = Math.min(5, Math.floor(p.rampMs / 1000));
    for (let i = 1; i <= steps; i++) {
      const f = i / (steps + 1);
      stages.push({
        connections: Math.max(1, Math.round(p.connections * f)),
        rate: p.rate ? Math.max(1, Math.round(p.rate * f)) : 0,
        durationMs: p.rampMs / steps,
        ramp: true,
      });
    }
  }
  stages.push({ connections: p.connections, rate: p.rate, durationMs: p.durationMs, ramp: false });
  return stages;
}

/** Whether anything accepts TCP connections at the target (a refused port gives no data, fast). */
export function probeConnect(origin: string, timeoutMs = 5000): Promise<string | undefined> {
  const u = new URL(origin);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const sock = connect({ host: u.hostname, port });
    const done = (err?: string) => {
      sock.destroy();
      resolve(err);
    };
    sock.setTimeout(timeoutMs, () => done('ETIMEDOUT'));
    sock.once('connect', () => done());
    sock.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

export async function runBuiltinLoad(o: BuiltinLoadOptions): Promise<LoadResults> {
  const { target, profile, log } = o;
  const totalMs = profile.rampMs + profile.durationMs;
  const bucketMs = Math.max(1000, Math.ceil(totalMs / 40 / 1000) * 1000);
  const progressEvery = o.progressEveryMs ?? (totalMs <= 10_000 ? 1000 : 5000);
  const timeoutSec = Math.max(1, (o.timeoutMs ?? 10_000) / 1000);

  const latency = newHistogram();
  const buckets = new Map<number, { requests: number; failed: number; hist: Histogram }>();
  const res: LoadResults = {
    ...emptyResults('builtin', { name: o.profileName, ...profile }),
    target: `${target.origin}${target.requests[0]?.path ?? '/'}`,
    shard: o.shard,
  };

  const refused = await probeConnect(target.origin);
  if (refused) {
    log.warning(`load: nothing answers at ${target.origin} (${refused}): no requests were made`);
    res.stoppedEarly = `no connection to ${target.origin}: ${refused}`;
    res.errorKinds[refused] = 1;
    res.timeline = { bucketMs, buckets: [] };
    return res;
  }

  // Loaded here, not at the top: only a run with a built-in load test needs it (startup time; CommonJS, so its
  // module.exports arrives as the default export both from Node and from a split bundle).
  const { default: autocannon } = await import('autocannon');
  const t0 = performance.now();
  const bucket = (now: number) => {
    const t = Math.floor((now - t0) / bucketMs) * (bucketMs / 1000);
    let b = buckets.get(t);
    if (!b) buckets.set(t, (b = { requests: 0, failed: 0, hist: newHistogram() }));
    return b;
  };
  // With per-request expected statuses, autocannon's onResponse (called just before its 'response' event, in
  // the same tick) tells which request a response belongs to.
  const uniform = target.requests.every(
    (r) => JSON.stringify(r.expectStatus) === JSON.stringify(target.requests[0]?.expectStatus),
  );
  let pendingOk: boolean | undefined;
  const requests = target.requests.map((r) => ({
    method: r.method as autocannon.Request['method'],
    path: r.path,
    headers: { ...r.headers },
    body: r.body,
    ...(uniform ? {} : { onResponse: (status: number) => void (pendingOk = statusExpected(r, status)) }),
  }));
  const first = target.requests[0] as LoadTarget['requests'][number];

  let stopAll = false;
  let lastProgress = t0;
  const progress = (stageNo: number, stages: Stage[]) => {
    const now = performance.now();
    if (now - lastProgress < progressEvery) return;
    lastProgress = now;
    const secs = (now - t0) / 1000;
    const p95 = percentileMs(latency, 95);
    log.info(
      `load ${formatDuration(now - t0)}/${formatDuration(totalMs)}` +
        `${stages.length > 1 ? ` (stage ${stageNo}/${stages.length}${stages[stageNo - 1]?.ramp ? ', ramp' : ''})` : ''}: ` +
        `${res.requests} requests (${(res.requests / secs).toFixed(1)}/s), ${res.failed} failed, ` +
        `p95 ${p95 === undefined ? 'n/a' : `${p95.toFixed(1)}ms`}`,
    );
  };

  const stages = loadStages(profile);
  for (let s = 0; s < stages.length && !stopAll; s++) {
    const stage = stages[s] as Stage;
    await new Promise<void>((resolve, reject) => {
      const inst = autocannon(
        {
          url: target.origin,
          connections: stage.connections,
          duration: stage.durationMs / 1000,
          ...(stage.rate ? { overallRate: stage.rate } : {}),
          timeout: timeoutSec,
          requests,
        },
        (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
      );
      inst.on('response', (_client, statusCode: number, resBytes: number, responseTime: number) => {
        const now = performance.now();
        const ok = uniform ? statusExpected(first, statusCode) : (pendingOk ?? statusExpected(first, statusCode));
        pendingOk = undefined;
        res.requests++;
        res.responses++;
        res.bytesReceived += resBytes;
        res.statusCodes[String(statusCode)] = (res.statusCodes[String(statusCode)] ?? 0) + 1;
        recordMs(latency, responseTime);
        const b = bucket(now);
        b.requests++;
        recordMs(b.hist, responseTime);
        if (ok) res.checks.passes++;
        else {
          res.checks.fails++;
          res.unexpectedStatus++;
          res.failed++;
          b.failed++;
        }
      });
      inst.on('reqError', (err: unknown) => {
        const e = err as NodeJS.ErrnoException | undefined;
        const timeout = e?.message === 'request timed out';
        const kind = timeout ? 'timeout' : (e?.code ?? e?.message ?? 'error');
        res.requests++;
        res.failed++;
        if (timeout) res.timeouts++;
        else res.socketErrors++;
        res.errorKinds[kind] = (res.errorKinds[kind] ?? 0) + 1;
        const b = bucket(performance.now());
        b.requests++;
        b.failed++;
        // autocannon reconnects at once after a refused connection: with no response ever, stop the spin.
        if (!timeout && res.responses === 0 && res.socketErrors >= Math.max(50, stage.connections * 10) && !stopAll) {
          stopAll = true;
          res.stoppedEarly = `every connection failed (${kind}) before any response`;
          log.warning(`load: ${res.stoppedEarly}; stopping`);
          inst.stop();
        }
      });
      inst.on('tick', () => progress(s + 1, stages));
    });
  }
  res.wallMs = Math.round(performance.now() - t0);
  res.latency = encodeHistogram(latency);
  res.latencyStats = latencyStats(latency);
  res.timeline = {
    bucketMs,
    buckets: [...buckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([t, b]) => ({ t, requests: b.requests, failed: b.failed, latency: encodeHistogram(b.hist) })),
  };
  const p95 = res.latencyStats?.p95;
  log.info(
    `load done in ${formatDuration(res.wallMs)}: ${res.requests} requests (${(res.requests / (res.wallMs / 1000)).toFixed(1)}/s), ` +
      `${res.failed} failed (${res.unexpectedStatus} unexpected status, ${res.socketErrors} socket errors, ` +
      `${res.timeouts} timeouts), p95 ${p95 === undefined ? 'n/a' : `${p95.toFixed(2)}ms`}`,
  );
  return res;
}
