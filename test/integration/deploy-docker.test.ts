/**
 * The docker workload against the real Docker engine: FROM scratch busybox images (no base image pulled), each
 * version's container on the host network running busybox httpd on 127.0.0.1:$PORT and serving its version,
 * Debian's nginx as the router, keep-alive load through nginx during the switch.
 *   - blue-green 1.0.0 → 1.1.0: containers started, health-checked, smoke-tested, switched with zero failed requests;
 *   - 1.2.0's container exits at once: the start fails at once (exit code and the container's log in the error),
 *     the container is removed, no switch, 1.1.0 keeps serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeployConfig } from '../../packages/shared/src/deploy/config.js';
import { deploy } from '../../packages/shared/src/deploy/engine.js';
import { StateFile } from '../../packages/shared/src/deploy/state.js';
import { DockerWorkload } from '../../packages/shared/src/deploy/workload-docker.js';
import { MemoryLogger } from '../../packages/shared/src/util/logger.js';
import { blueGreen, nginxRouter } from '../support/deploy.js';
import {
  buildScratchImage,
  describeWithService,
  docker,
  loadLoop,
  requireServices,
  rps,
  startNginx,
  startWatchdog,
  type BuiltImage,
  type Nginx,
} from '../support/services/index.js';

const services = await requireServices('nginx', 'docker', 'busybox');
const IMAGE = `ra-deploy-test-${process.pid}/app`;
const PREFIX = `ra-t${process.pid}`;

describeWithService(services, 'deploy with the docker workload (real dockerd, busybox images)', () => {
  let nginx: Nginx;
  let dir: string;
  let log: MemoryLogger;
  const images: BuiltImage[] = [];
  const containers = ['blue', 'green'].map((slot) => `${PREFIX}-production-${slot}-0`);
  let dismissWatchdog: () => void = () => undefined;

  const deps = () => {
    log = new MemoryLogger();
    return {
      workload: new DockerWorkload({ image: IMAGE, healthUrl: 'http://127.0.0.1:{port}/version', prefix: PREFIX, log }),
      router: nginxRouter(nginx, dir, log),
      stateFile: new StateFile(join(dir, 'state')),
      log,
    };
  };
  const cfg = (version: string): DeployConfig => ({
    ...blueGreen(version),
    canarySteps: [100],
    stepDurationMs: 0,
    monitor: { durationMs: 0, intervalMs: 200, maxErrorRate: 0.01, maxP95Ms: 500, onNoData: 'fail', minSamples: 3 },
    versionSource: { url: `${nginx.url}version` },
    instances: 1,
    batchSize: 1,
    keepPreviousMs: 60_000,
    timeoutMs: 60_000,
    startTimeoutMs: 15_000,
    versionTimeoutMs: 5000,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ra-deploy-docker-'));
    dismissWatchdog = startWatchdog({ containers });
    // httpd as PID 1 would ignore SIGTERM (docker stop would wait its 5 s): a shell that stops it on TERM.
    const httpd = ['sh', '-c', 'httpd -f -p "127.0.0.1:$PORT" -h /www & trap "kill $!; exit 0" TERM; wait'];
    for (const v of ['1.0.0', '1.1.0'])
      images.push(
        await buildScratchImage(
          `${IMAGE}:${v}`,
          { '/www/index.html': `${v}\n`, '/www/version': `${v}\n` },
          { cmd: httpd },
        ),
      );
    images.push(
      await buildScratchImage(
        `${IMAGE}:1.2.0`,
        { '/www/version': '1.2.0\n' },
        {
          cmd: ['sh', '-c', 'echo "1.2.0: cannot open config" >&2; exit 3'],
        },
      ),
    );
    nginx = await startNginx({ upstreams: [{ name: 'app', servers: [{ address: '127.0.0.1:9', down: true }] }] });
  }, 120_000);
  afterAll(async () => {
    await docker(['rm', '-f', ...containers], { allowFailure: true });
    dismissWatchdog();
    for (const i of images) await i.remove();
    await nginx?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('blue-green 1.0.0 → 1.1.0 with containers: zero failed requests under load', async () => {
    const first = await deploy(cfg('1.0.0'), deps());
    expect(first.reason).toBe('1.0.0 serves in blue');
    const stop = new AbortController();
    const loading = loadLoop({ url: nginx.url, concurrency: 16, durationMs: 60_000, signal: stop.signal });
    await new Promise((r) => setTimeout(r, 300));
    const r = await deploy(cfg('1.1.0'), deps());
    await new Promise((r) => setTimeout(r, 300));
    stop.abort();
    const load = await loading;
    process.stdout.write(
      `docker blue-green: ${load.total} requests, ${Math.round(rps(load))} req/s, failed ${load.failed}, retried ${load.retried}, switch ${r.switchMs}ms, bodies ${JSON.stringify(load.byBody)}\n`,
    );
    expect(r.status).toBe('succeeded');
    expect(r.activeSlot).toBe('green');
    const st = deps().stateFile.read('production');
    expect(st.slots.green?.instances[0]?.container).toBe(`${PREFIX}-production-green-0`);
    expect(st.slots.blue?.instances[0]?.container).toBe(`${PREFIX}-production-blue-0`); // kept for a rollback
    const ps = await docker(['ps', '--filter', `name=${PREFIX}`, '--format', '{{.Names}} {{.Image}}']);
    expect(ps.stdout.trim().split('\n').sort()).toEqual([
      `${PREFIX}-production-blue-0 ${IMAGE}:1.0.0`,
      `${PREFIX}-production-green-0 ${IMAGE}:1.1.0`,
    ]);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody).sort()).toEqual(['1.0.0', '1.1.0']);
  }, 90_000);

  test("the new version's container exits at once: no switch, removed, its log in the error", async () => {
    const t0 = Date.now();
    const r = await deploy(cfg('1.2.0'), deps());
    const ms = Date.now() - t0;
    expect(r.status).toBe('failed');
    expect(r.trafficMoved).toBe(false);
    expect(r.reason).toMatch(
      new RegExp(
        `did not start in slot blue: container ${PREFIX}-production-blue-0 exited \\(code 3\\) before it was healthy`,
      ),
    );
    expect(r.reason).toContain('1.2.0: cannot open config');
    expect(ms).toBeLessThan(15_000); // at once, not after start_timeout
    expect(r.timeline.map((e) => e.state)).not.toContain('routing');
    const ps = await docker(['ps', '-a', '--filter', `name=${PREFIX}-production-blue`, '--format', '{{.Names}}']);
    expect(ps.stdout.trim()).toBe('');
    const served = await loadLoop({ url: nginx.url, concurrency: 2, durationMs: 300 });
    expect(Object.keys(served.byBody)).toEqual(['1.1.0']);
    expect(served.failed).toBe(0);
  }, 60_000);
});
