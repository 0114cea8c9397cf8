/**
 * The deploy's monitoring through a real Prometheus (Debian's /usr/bin/prometheus, own config and TSDB in a temp
 * dir, 127.0.0.1:<ephemeral>, scrape interval 1 s). Prometheus scrapes the app's /metrics through the nginx router
 * (so it watches whichever version serves): a request counter by status code and a latency histogram. The bundled
 * deploy action runs with `prometheus_url` and `prometheus_queries` only (no probe_url: Prometheus alone decides),
 * under light keep-alive load so the counters move:
 *   - the queries stay within their thresholds → succeeded;
 *   - a query that returns no samples, on_no_data: fail → failed with "no data", never a pass (rolled back);
 *   - the new version starts answering 500 → the 5xx ratio query breaches → automatic rollback.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeWithService,
  loadLoop,
  requireServices,
  startPrometheus,
  type Nginx,
  type Prometheus,
} from '../support/services/index.js';
import {
  appStartCommand as startCommand,
  killInstances,
  nginxTargetInputs,
  startAppNginx,
  underLoad,
} from '../support/deploy.js';
import { runAction } from '../support/run-action.js';

const services = await requireServices('nginx', 'prometheus');
const RATIO = 'sum(rate(app_requests_total{code="500"}[5s])) / sum(rate(app_requests_total[5s]))';
const P95 = 'histogram_quantile(0.95, sum(rate(app_request_duration_seconds_bucket[5s])) by (le))';

describeWithService(services, 'deploy monitoring with a real Prometheus', () => {
  let nginx: Nginx;
  let prom: Prometheus;
  let base: string;

  const queries = (extra: object[] = []) =>
    JSON.stringify([
      { name: '5xx ratio', query: RATIO, max: 0.05 },
      { name: 'p95 latency', query: P95, max: 0.5 },
      ...extra,
    ]);
  const deploy = (version: string, o: Record<string, string> = {}) =>
    runAction('deploy', {
      cwd: join(base, 'ws'),
      inputs: {
        version,
        ...nginxTargetInputs(nginx),
        smoke_tests: JSON.stringify([{ path: '/', body_contains: version }]),
        monitor_duration: '0',
        monitor_interval: '500ms',
        min_samples: '3',
        on_no_data: 'fail',
        prometheus_url: prom.url,
        prometheus_queries: queries(),
        state_dir: join(base, 'state'),
        status_file: join(base, 'release-status.yaml'),
        start_timeout: '10s',
        version_timeout: '5s',
        timeout: '2m',
        ...o,
      },
      timeoutMs: 60_000,
    });
  /** Light keep-alive load through nginx while `fn` runs (the counters Prometheus reads move with it). */
  const withLoad = <T>(fn: () => Promise<T>) => underLoad({ url: nginx.url, concurrency: 2, durationMs: 60_000 }, fn);

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'ra-deploy-prom-'));
    mkdirSync(join(base, 'ws'));
    nginx = await startAppNginx();
    prom = await startPrometheus({ targets: [`127.0.0.1:${nginx.port}`], scrapeIntervalMs: 1000 });
    process.stdout.write(`prometheus ready in ${prom.startupMs}ms at ${prom.url}\n`);
    const first = await deploy('1.0.0', { prometheus_url: '', prometheus_queries: '' });
    expect(first.errors).toEqual([]);
    // Traffic for a few scrapes, so the rate() windows hold samples before the first monitored deploy.
    await withLoad(() => prom.waitForSample(RATIO, 30_000));
  }, 90_000);
  afterAll(async () => {
    killInstances(join(base, 'state'));
    await prom?.stop();
    await nginx?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('queries within thresholds: the monitoring window passes, succeeded', async () => {
    const [r, load] = await withLoad(() => deploy('1.1.0', { monitor_duration: '3s' }));
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ status: 'succeeded', active_slot: 'green' });
    expect(r.log).toMatch(/monitoring: watching for 3s, every 500ms, 2 Prometheus queries/);
    // The whole window was watched: at least its 3 s (a loaded machine's last check may end a little after).
    const watched = /monitor-passed: (\d+(?:\.\d+)?)s without a breach/.exec(r.log);
    expect(Number(watched?.[1])).toBeGreaterThanOrEqual(3);
    expect(Number(watched?.[1])).toBeLessThan(10);
    expect(load.failed).toBe(0);
  }, 60_000);

  test('a query with no samples and on_no_data fail: fails with "no data", never a pass', async () => {
    const [r] = await withLoad(() =>
      deploy('1.3.0', {
        monitor_duration: '2s',
        prometheus_queries: queries([
          { name: 'teapots', query: 'sum(rate(app_requests_total{code="418"}[5s]))', max: 0 },
        ]),
      }),
    );
    expect(r.code).toBe(1);
    expect(r.outputs.status).not.toBe('succeeded');
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.log).toMatch(/monitoring: watching for 2s, every 500ms, 3 Prometheus queries/);
    expect(r.errors[0]).toMatch(/no data: 0 samples of teapots \(min_samples 3\); on_no_data is fail/);
  }, 60_000);
  test('the error rate rises: the 5xx ratio query breaches, automatic rollback', async () => {
    const [r, load] = await withLoad(() =>
      deploy('1.2.0', {
        start_command: startCommand('FAIL_VERSION=1.2.0 FAIL_MODE=after:2500'),
        monitor_duration: '20s',
      }),
    );
    process.stdout.write(`prometheus breach: ${r.errors[0]}; load ${JSON.stringify(load.byStatus)}\n`);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'rolled-back', rolled_back: 'true', active_slot: 'green' });
    expect(r.log).toMatch(/BREACH at \+[\d.]+m?s: 5xx ratio = /);
    expect(r.errors[0]).toMatch(/monitoring failed: 5xx ratio = [\d.]+ > 0\.05/);
    expect(r.log).toMatch(/rolled-back: 1\.1\.0 serves again/);
    expect(load.byStatus[500]).toBeGreaterThan(0);
    const after = await loadLoop({ url: nginx.url, concurrency: 1, durationMs: 200 });
    expect(Object.keys(after.byBody)).toEqual(['1.1.0']);
  }, 60_000);
});
