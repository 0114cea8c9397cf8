/**
 * The built-in engine against real local HTTP servers with controlled latency and error rates: thresholds give
 * the right verdict, a refused connection is "no data" (never a pass), and shards merged give the same
 * verdict and percentiles as one run producing the same load.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtinMetrics,
  evaluateThresholds,
  loadTarget,
  parseThresholds,
  runBuiltinLoad,
  runQualityGates,
  spawnExec,
  type GatesConfig,
} from '@release-actions/shared/gates';
import { MemoryLogger } from '@release-actions/shared';
import { closedPort, startTestServer } from './servers.js';

const profile = (connections: number, rate: number, durationMs = 2000) => ({
  connections,
  rate,
  durationMs,
  rampMs: 0,
});

test('a server failing 5% of requests fails http_req_failed: rate<0.01 and passes rate<0.1', async () => {
  const server = await startTestServer({ failEvery: 20 });
  try {
    const log = new MemoryLogger();
    const r = await runBuiltinLoad({
      target: loadTarget(server.url, undefined),
      profile: profile(4, 100),
      profileName: 'custom',
      log,
    });
    expect(r.requests).toBeGreaterThan(100);
    expect(r.failed / r.requests).toBeGreaterThan(0.04);
    expect(r.failed / r.requests).toBeLessThan(0.06);
    expect(r.statusCodes['500']).toBe(r.unexpectedStatus);
    const [strict, loose, checks] = evaluateThresholds(
      parseThresholds('http_req_failed: rate<0.01\nhttp_req_failed: rate<0.1\nchecks: rate>0.99'),
      builtinMetrics(r),
      50,
    );
    expect(strict).toMatchObject({ passed: false });
    expect(loose).toMatchObject({ passed: true });
    expect(checks).toMatchObject({ passed: false });
    // progress was logged while the load ran
    expect(log.messages('info').filter((m) => /^load \d/.test(m)).length).toBeGreaterThanOrEqual(1);
  } finally {
    await server.stop();
  }
});

test('a 200 ms server fails p(95)<100, with p95 measured exactly', async () => {
  const server = await startTestServer({ delayMs: 200 });
  try {
    const r = await runBuiltinLoad({
      target: loadTarget(server.url, undefined),
      profile: profile(5, 0),
      profileName: 'custom',
      log: new MemoryLogger(),
    });
    expect(r.latencyStats!.p95).toBeGreaterThanOrEqual(199);
    expect(r.latencyStats!.p95).toBeLessThan(450); // 200 ms plus scheduling on a shared machine
    const [t95, t500] = evaluateThresholds(
      parseThresholds('http_req_duration: p(95)<100\nhttp_req_duration: p(95)<500'),
      builtinMetrics(r),
      20,
    );
    expect(t95).toMatchObject({ passed: false });
    expect(t95!.reason).toMatch(/^p\(95\)=\d{3}(?:\.\d+)?ms breaks p\(95\)<100$/);
    expect(t500).toMatchObject({ passed: true });
  } finally {
    await server.stop();
  }
});

const config = (over: Partial<GatesConfig>): GatesConfig => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-gates-'));
  return {
    gates: ['load-testing'],
    engine: 'builtin',
    profileName: 'custom',
    profile: profile(4, 80),
    thresholds: parseThresholds('http_req_failed: rate<0.01\nhttp_req_duration: p(95)<500'),
    minRequests: 20,
    resultsPath: join(dir, 'results.json'),
    cwd: dir,
    workDir: join(dir, 'work'),
    ...over,
  };
};

test('a server that refuses connections fails with "no data", not a pass', async () => {
  const port = await closedPort();
  const log = new MemoryLogger();
  const r = await runQualityGates(config({ target: loadTarget(`http://127.0.0.1:${port}/`, undefined) }), {
    log,
    exec: spawnExec,
  });
  expect(r.passed).toBe(false);
  expect(r.noData).toMatch(/^no data: no response was received \(no connection to .*ECONNREFUSED\)/);
  expect(r.thresholds!.every((t) => !t.passed && t.reason.startsWith('no data'))).toBe(true);
  expect(r.verdicts[0]).toMatchObject({ gate: 'load-testing', passed: false });
});

test('shards merged give the same verdict and percentiles as one run producing the same load', async () => {
  // Latencies cycle through 20, 40, … 200 ms: a known distribution, whoever sends the request, wide enough
  // that scheduling noise on a busy machine stays small beside it.
  const server = await startTestServer({ delayCycleMs: [20, 40, 60, 80, 100, 120, 140, 160, 180, 200] });
  try {
    const target = loadTarget(server.url, undefined);
    const thresholds = parseThresholds(
      'http_req_duration: p(95)<400\nhttp_req_duration: p(50)<60\nhttp_req_failed: rate<0.01',
    );
    const whole = await runQualityGates(config({ target, thresholds, profile: profile(8, 40) }), {
      log: new MemoryLogger(),
      exec: spawnExec,
    });
    const shards = await Promise.all(
      [1, 2].map((index) =>
        runQualityGates(config({ target, thresholds, profile: profile(8, 40), shard: { index, count: 2 } }), {
          log: new MemoryLogger(),
          exec: spawnExec,
        }),
      ),
    );
    expect(shards.map((s) => s.load!.profile.connections)).toEqual([4, 4]);
    expect(shards.map((s) => s.load!.profile.rate)).toEqual([20, 20]);
    const merged = await runQualityGates(config({ thresholds, merge: shards.map((s) => s.resultsPath) }), {
      log: new MemoryLogger(),
      exec: spawnExec,
    });
    expect(merged.mode).toBe('merge');
    expect(merged.load!.requests).toBe(shards[0]!.load!.requests + shards[1]!.load!.requests);
    // autocannon paces a rate in 1 s windows: a 2 s run sends 2 or 3 windows' worth, so counts differ by up to a window.
    expect(Math.abs(merged.load!.requests - whole.load!.requests) / whole.load!.requests).toBeLessThanOrEqual(0.5);
    // Same verdicts, threshold by threshold.
    expect(merged.thresholds!.map((t) => t.passed)).toEqual(whole.thresholds!.map((t) => t.passed));
    expect(merged.thresholds!.map((t) => t.passed)).toEqual([true, false, true]);
    // Same percentiles, to the timing noise of two real runs (the exact equality of merged histograms is
    // shown in histogram.test.ts).
    for (const k of ['med', 'p90', 'p95'] as const) {
      const a = merged.load!.latencyStats![k];
      const b = whole.load!.latencyStats![k];
      expect(Math.abs(a - b)).toBeLessThan(Math.max(20, 0.3 * b)); // two real runs on a shared, busy machine
    }
  } finally {
    await server.stop();
  }
});

test('merge refuses an incomplete set of shards', async () => {
  const server = await startTestServer();
  try {
    const shard = await runQualityGates(
      config({
        target: loadTarget(server.url, undefined),
        profile: profile(3, 30, 1000),
        shard: { index: 1, count: 3 },
      }),
      { log: new MemoryLogger(), exec: spawnExec },
    );
    await expect(
      runQualityGates(config({ merge: [shard.resultsPath] }), { log: new MemoryLogger(), exec: spawnExec }),
    ).rejects.toThrow('merge: shards 2/3, 3/3 missing');
  } finally {
    await server.stop();
  }
});

test('merge refuses a shard that received no response: the merged load would be short by its share', async () => {
  const server = await startTestServer();
  try {
    const ran = (target: string, index: number) =>
      runQualityGates(
        config({ target: loadTarget(target, undefined), profile: profile(2, 20, 1000), shard: { index, count: 2 } }),
        { log: new MemoryLogger(), exec: spawnExec },
      );
    const one = await ran(server.url, 1);
    const two = await ran(`http://127.0.0.1:${await closedPort()}/`, 2);
    expect(one.verdicts).toEqual([expect.objectContaining({ gate: 'load-testing', passed: undefined })]);
    expect(two.verdicts).toEqual([expect.objectContaining({ gate: 'load-testing', passed: false })]);
    await expect(
      runQualityGates(config({ merge: [one.resultsPath, two.resultsPath] }), {
        log: new MemoryLogger(),
        exec: spawnExec,
      }),
    ).rejects.toThrow(/^merge: shard 2\/2 received no response.*: the merged load would be partial$/);
  } finally {
    await server.stop();
  }
});
