/**
 * The strategy engine in-process over the real parts: the command workload running test/fixtures/deploy/app.mjs,
 * Debian's nginx as the router, and a keep-alive load loop (≥ 300 req/s) through nginx during every switch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandWorkload } from '../../packages/shared/src/deploy/workload-command.js';
import { StateFile } from '../../packages/shared/src/deploy/state.js';
import type { DeployConfig } from '../../packages/shared/src/deploy/config.js';
import { deploy } from '../../packages/shared/src/deploy/engine.js';
import { rollback } from '../../packages/shared/src/deploy/rollback.js';
import { MemoryLogger } from '../../packages/shared/src/util/logger.js';
import { appStartCommand, blueGreen, nginxRouter } from '../support/deploy.js';
import { describeWithService, loadLoop, requireService, rps, startNginx } from '../support/services/index.js';
import type { LoadResult, Nginx } from '../support/services/index.js';

const nginxService = await requireService('nginx');

describeWithService(nginxService, 'deploy engine through real nginx', () => {
  let nginx: Nginx;
  let dir: string;
  let log: MemoryLogger;
  const deps = (failEnv: Record<string, string> = {}, stateSub = 'state') => {
    log = new MemoryLogger();
    const env = Object.entries(failEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    return {
      workload: new CommandWorkload({
        startCommand: appStartCommand(env),
        healthUrl: 'http://127.0.0.1:{port}/health',
        cwd: dir,
        logDir: join(dir, 'logs'),
        log,
      }),
      router: nginxRouter(nginx, dir, log),
      stateFile: new StateFile(join(dir, stateSub)),
      log,
    };
  };
  const cfg = (version: string, o: Partial<DeployConfig> = {}): DeployConfig => ({
    ...blueGreen(version),
    canarySteps: [10, 50, 100],
    stepDurationMs: 500,
    monitor: {
      durationMs: 0,
      intervalMs: 200,
      probeUrl: nginx.url,
      maxErrorRate: 0.01,
      maxP95Ms: 500,
      onNoData: 'fail',
      minSamples: 3,
    },
    versionSource: { url: `${nginx.url}version`, jsonPath: 'version' },
    instances: 1,
    batchSize: 1,
    keepPreviousMs: 60_000,
    timeoutMs: 60_000,
    startTimeoutMs: 5000,
    versionTimeoutMs: 5000,
    ...o,
  });
  /** Rolls production back to `version` with the deploys' version source, instances and start deadlines. */
  const rollbackTo = (version: string, d: ReturnType<typeof deps>) => {
    const { versionSource, instances, startTimeoutMs, versionTimeoutMs } = cfg(version);
    const options = { versionSource, instances, startTimeoutMs, versionTimeoutMs, timeoutMs: 30_000 };
    return rollback({ environment: 'production', toVersion: version, ...options }, d);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ra-deploy-engine-'));
    nginx = await startNginx({ upstreams: [{ name: 'app', servers: [{ address: '127.0.0.1:9', down: true }] }] });
  });
  afterAll(async () => {
    // Stop every instance still running.
    for (const sub of ['state', 'state-strategies']) {
      const d = deps({}, sub);
      const s = d.stateFile.read('production');
      for (const slot of Object.values(s.slots)) for (const i of slot?.instances ?? []) await d.workload.stop(i);
    }
    await nginx.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('first deploy, then a blue-green switch under load with zero failed requests', async () => {
    const first = await deploy(cfg('1.0.0'), deps());
    expect(first.status).toBe('succeeded');
    expect(first.activeSlot).toBe('blue');
    // The load lasts until the switch is over (a fixed window ended before it on a busy machine).
    const stop = new AbortController();
    const loading = loadLoop({ url: nginx.url, concurrency: 16, durationMs: 60_000, signal: stop.signal });
    await new Promise((r) => setTimeout(r, 500));
    const second = await deploy(cfg('1.1.0'), deps()).finally(() => setTimeout(() => stop.abort(), 300));
    const load = await loading;
    expect(second.status).toBe('succeeded');
    expect(second.activeSlot).toBe('green');
    expect(second.previousVersion).toBe('1.0.0');
    const rps = load.total / (load.durationMs / 1000);
    process.stdout.write(
      `blue-green: ${load.total} requests, ${Math.round(rps)} req/s, failed ${load.failed}, retried ${load.retried}, switch ${second.switchMs}ms, bodies ${JSON.stringify(load.byBody)}\n`,
    );
    // The ≥ 300 req/s bar is asserted by test/e2e/deploy.test.ts (this file may share the CPU with it).
    expect(rps).toBeGreaterThan(0);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody).sort()).toEqual(['1.0.0', '1.1.0']);
    for (const seq of load.sequences) expect(seq.join('>')).toMatch(/^(1\.0\.0>)?1\.1\.0$|^1\.0\.0$/);
  }, 60_000);

  test('rollback to the kept slot is a router switch, under load with zero failures', async () => {
    const loading = loadLoop({ url: nginx.url, concurrency: 16, durationMs: 2500 });
    await new Promise((r) => setTimeout(r, 300));
    const d = deps();
    const r = await rollbackTo('1.0.0', d);
    const load = await loading;
    process.stdout.write(
      `rollback: ${load.total} requests, failed ${load.failed}, retried ${load.retried}, switch ${r.switchMs}ms\n`,
    );
    expect(r.status).toBe('rolled-back');
    expect(r.instant).toBe(true);
    expect(load.failed).toBe(0);
  }, 60_000);
  test('smoke failure: no switch, new slot torn down, no failed request', async () => {
    const loading = loadLoop({ url: nginx.url, concurrency: 4, durationMs: 1500 });
    const r = await deploy(cfg('1.2.0'), deps({ FAIL_VERSION: '1.2.0', FAIL_MODE: 'smoke' }));
    const load = await loading;
    expect(r.status).toBe('failed');
    expect(r.trafficMoved).toBe(false);
    expect(r.reason).toMatch(/smoke tests failed.*traffic never moved/s);
    expect(r.smoke.filter((s) => !s.ok).length).toBeGreaterThan(0);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody)).toEqual(['1.0.0']);
  }, 60_000);

  test('rollback to a stopped version starts it again through the workload', async () => {
    const r = await rollbackTo('1.1.0', deps());
    expect(r.status).toBe('rolled-back');
    expect(r.instant).toBe(false);
    expect(r.activeSlot).toBe('green');
  }, 60_000);

  describe('immediate and rolling (2 instances per slot), under load', () => {
    const sd = (failEnv: Record<string, string> = {}) => deps(failEnv, 'state-strategies');
    const underLoad = async <T>(fn: () => Promise<T>): Promise<[T, LoadResult]> => {
      const stop = new AbortController();
      const loading = loadLoop({ url: nginx.url, concurrency: 16, durationMs: 60_000, signal: stop.signal });
      await new Promise((r) => setTimeout(r, 300));
      try {
        return [await fn(), await (stop.abort(), loading)];
      } finally {
        stop.abort();
        await loading;
      }
    };
    const say = (label: string, load: LoadResult, extra = '') =>
      process.stdout.write(
        `${label}: ${load.total} requests, ${Math.round(rps(load))} req/s, failed ${load.failed}, retried ${load.retried}, bodies ${JSON.stringify(load.byBody)}${extra}\n`,
      );

    test('immediate: switch, old instances stopped at once, zero failed requests', async () => {
      const first = await deploy(cfg('2.0.0', { instances: 2 }), sd());
      expect(first.status).toBe('succeeded');
      const [r, load] = await underLoad(() => deploy(cfg('2.1.0', { strategy: 'immediate', instances: 2 }), sd()));
      say('immediate', load, `, switch ${r.switchMs}ms`);
      expect(r.status).toBe('succeeded');
      expect(r.activeSlot).toBe('green');
      const order = r.timeline.map((e) => e.state);
      expect(order.indexOf('stopped')).toBeGreaterThan(order.indexOf('switched'));
      const st = sd().stateFile.read('production');
      expect(Object.keys(st.slots)).toEqual(['green']);
      expect(load.failed).toBe(0);
      expect(Object.keys(load.byBody).sort()).toEqual(['2.0.0', '2.1.0']);
    }, 60_000);

    test('rolling, one instance per batch with a health gate: zero failed requests, old ones replaced', async () => {
      const [r, load] = await underLoad(() =>
        deploy(cfg('2.2.0', { strategy: 'rolling', instances: 2, batchSize: 1 }), sd()),
      );
      say('rolling', load);
      expect(r.status).toBe('succeeded');
      expect(r.timeline.filter((e) => e.state === 'batch-healthy').map((e) => e.detail)).toEqual([
        '1/2 instances run 2.2.0',
        '2/2 instances run 2.2.0',
      ]);
      expect(log.messages().join('\n')).toMatch(/nginx: app → (green=50%,blue=50%|blue=50%,green=50%)/);
      expect(load.failed).toBe(0);
      expect(Object.keys(load.byBody).sort()).toEqual(['2.1.0', '2.2.0']);
      const st = sd().stateFile.read('production');
      expect(st.active_slot).toBe('blue');
      expect(st.slots.blue?.instances).toHaveLength(2);
      expect(st.slots.green).toBeUndefined();
    }, 60_000);

    test('rolling: the second batch does not start, the roll stops and the first batch is rolled back', async () => {
      const [r, load] = await underLoad(() =>
        deploy(
          cfg('2.3.0', { strategy: 'rolling', instances: 2, batchSize: 1 }),
          sd({ FAIL_VERSION: '2.3.0', FAIL_INSTANCE: '1', FAIL_MODE: 'exit' }),
        ),
      );
      say('rolling, failing batch', load);
      expect(r.status).toBe('rolled-back');
      expect(r.reason).toMatch(/did not start in slot green: start_command exited with 3/);
      const order = r.timeline.map((e) => e.state);
      expect(order).toEqual(expect.arrayContaining(['batch-healthy', 'rolling-back', 'restarting-previous']));
      expect(load.failed).toBe(0);
      const st = sd().stateFile.read('production');
      expect(st.active_slot).toBe('blue');
      expect(st.slots.blue?.instances.map((i) => i.index).sort()).toEqual([0, 1]);
      expect(st.slots.green).toBeUndefined();
      const served = await loadLoop({ url: nginx.url, concurrency: 2, durationMs: 300 });
      expect(Object.keys(served.byBody)).toEqual(['2.2.0']);
    }, 60_000);
  });
});
