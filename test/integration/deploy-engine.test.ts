/**
 * The strategy engine in-process over the real parts: the command workload running test/fixtures/deploy/app.mjs,
 * Debian's nginx as the router, and a keep-alive load loop (≥ 300 req/s) through nginx during every switch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandWorkload } from '../../packages/shared/src/deploy/workload-command.js';
import { NginxRouter } from '../../packages/shared/src/deploy/routers.js';
import { StateFile } from '../../packages/shared/src/deploy/state.js';
import { deploy, rollback, type DeployConfig } from '../../packages/shared/src/deploy/engine.js';
import { MemoryLogger } from '../../packages/shared/src/util/logger.js';
import { describeWithService, loadLoop, requireService, startNginx, type Nginx } from '../support/services/index.js';
import { ROOT } from '../support/run-action.js';

const nginxService = await requireService('nginx');

const APP = join(ROOT, 'test/fixtures/deploy/app.mjs');

describeWithService(nginxService, 'deploy engine through real nginx', () => {
  let nginx: Nginx;
  let dir: string;
  let log: MemoryLogger;
  const deps = (failEnv: Record<string, string> = {}) => {
    log = new MemoryLogger();
    const env = Object.entries(failEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    return {
      workload: new CommandWorkload({
        startCommand: `${env} exec ${JSON.stringify(process.execPath)} ${JSON.stringify(APP)}`,
        healthUrl: 'http://127.0.0.1:{port}/health',
        cwd: dir,
        logDir: join(dir, 'logs'),
        log,
      }),
      router: new NginxRouter({
        upstreamFile: nginx.upstreamsPath,
        upstreamName: 'app',
        conf: nginx.confPath,
        prefix: `${nginx.dir}/`,
        cwd: dir,
        log,
      }),
      stateFile: new StateFile(join(dir, 'state')),
      log,
    };
  };
  const cfg = (version: string, o: Partial<DeployConfig> = {}): DeployConfig => ({
    version,
    environment: 'production',
    strategy: 'blue-green',
    runSmokeTests: true,
    smokeTests: [{ path: '/', expect_status: 200, body_contains: version }],
    rollbackOnFailure: true,
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

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ra-deploy-engine-'));
    nginx = await startNginx({ upstreams: [{ name: 'app', servers: [{ address: '127.0.0.1:9', down: true }] }] });
  });
  afterAll(async () => {
    // Stop every instance still running.
    const d = deps();
    const s = d.stateFile.read('production');
    for (const slot of Object.values(s.slots)) for (const i of slot?.instances ?? []) await d.workload.stop(i);
    await nginx.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('first deploy, then a blue-green switch under load with zero failed requests', async () => {
    const first = await deploy(cfg('1.0.0'), deps());
    expect(first.status).toBe('succeeded');
    expect(first.activeSlot).toBe('blue');
    const loading = loadLoop({ url: nginx.url, concurrency: 8, durationMs: 3000 });
    await new Promise((r) => setTimeout(r, 500));
    const second = await deploy(cfg('1.1.0'), deps());
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
    const loading = loadLoop({ url: nginx.url, concurrency: 8, durationMs: 2500 });
    await new Promise((r) => setTimeout(r, 300));
    const d = deps();
    const r = await rollback(
      {
        environment: 'production',
        toVersion: '1.0.0',
        versionSource: cfg('x').versionSource,
        instances: 1,
        startTimeoutMs: 5000,
        versionTimeoutMs: 5000,
        timeoutMs: 30_000,
      },
      d,
    );
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
    const r = await rollback(
      {
        environment: 'production',
        toVersion: '1.1.0',
        versionSource: cfg('x').versionSource,
        instances: 1,
        startTimeoutMs: 5000,
        versionTimeoutMs: 5000,
        timeoutMs: 30_000,
      },
      deps(),
    );
    expect(r.status).toBe('rolled-back');
    expect(r.instant).toBe(false);
    expect(r.activeSlot).toBe('green');
  }, 60_000);
});
