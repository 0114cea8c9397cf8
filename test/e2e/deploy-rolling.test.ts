/**
 * The hotfix (and patch) policy's deploy as the reusable workflow passes it: `deployment_strategy: rolling`,
 * `step_duration: 0s` (the policy's value, accepted by the deploy schema), with the workflow's workload/router
 * combinations that rolling allows, through the bundled deploy action:
 * - command workload behind Debian's nginx: 2 instances replaced one by one under keep-alive load: zero failed
 *   requests, and only the two versions answer;
 * - command workload with router none, the workflow's defaults: deploy_start_command hands the version to "the
 *   platform" (a small HTTP server of this test) and exits 0; the deploy ends when version_url reports it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { describeWithService, loadLoop, requireService, type Nginx } from '../support/services/index.js';
import { killInstances, nginxTargetInputs, runWithGitHub, seedRemoteSync, startAppNginx } from '../support/deploy.js';

const nginxService = await requireService('nginx');
const SHA = 'b'.repeat(40);
/** The hotfix policy's deploy settings (packages/shared/src/policy/defaults.ts), as the plan outputs them. */
const HOTFIX = { deployment_strategy: 'rolling', step_duration: '0s', canary_steps: '10,50,100' };

let base: string;
let workspace: string;
let gh: GitHubDouble;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'ra-e2e-rolling-'));
  ({ workspace } = seedRemoteSync(base));
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
});
afterEach(() => gh.assertNoViolations());
afterAll(async () => {
  await gh?.close();
  rmSync(base, { recursive: true, force: true });
});

const run = (i: Record<string, string>, runId: string) =>
  runWithGitHub(
    gh,
    workspace,
    SHA,
    'deploy',
    { environment: 'production', status_branch: 'release-status', timeout: '2m', ...HOTFIX, ...i },
    runId,
  );

describeWithService(nginxService, 'rolling (hotfix policy) with the command workload behind nginx', () => {
  let nginx: Nginx;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = join(base, 'state-nginx');
    nginx = await startAppNginx();
  });
  afterAll(async () => {
    killInstances(stateDir);
    await nginx?.stop();
  });
  const inputs = (version: string) => ({
    version,
    ...nginxTargetInputs(nginx),
    instances: '2',
    batch_size: '1',
    keep_previous: '0',
    probe_url: nginx.url,
    monitor_duration: '1s',
    monitor_interval: '250ms',
    min_samples: '3',
    state_dir: stateDir,
    start_timeout: '5s',
    version_timeout: '5s',
  });

  test('1.0.0 then the hotfix 1.0.1 batch by batch under load: zero failed requests', async () => {
    const first = await run(inputs('1.0.0'), '8101');
    expect(first.errors).toEqual([]);
    expect(first.outputs.status).toBe('succeeded');

    let done = false;
    const totals = { total: 0, failed: 0, bodies: new Set<string>() };
    const loading = (async () => {
      while (!done) {
        const r = await loadLoop({ url: nginx.url, concurrency: 4, durationMs: 500 });
        totals.total += r.total;
        totals.failed += r.failed;
        for (const b of Object.keys(r.byBody)) totals.bodies.add(b);
      }
    })();
    const r = await run(inputs('1.0.1'), '8102');
    done = true;
    await loading;
    process.stdout.write(
      `rolling 1.0.0 → 1.0.1 (2 instances, batch 1): ${totals.total} requests, failed ${totals.failed}\n`,
    );
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'succeeded', previous_version: '1.0.0', rolled_back: 'false' });
    expect(r.log.match(/rolling-batch/g)?.length).toBe(2);
    expect(totals.total).toBeGreaterThan(50);
    expect(totals.failed).toBe(0);
    expect([...totals.bodies].sort()).toEqual(expect.arrayContaining(['1.0.1']));
    for (const b of totals.bodies) expect(['1.0.0', '1.0.1']).toContain(b);
  }, 120_000);
});

describe('rolling (hotfix policy) with the command workload and router none (the workflow defaults)', () => {
  let platform: Server;
  let url: string;
  const versionFile = () => join(base, 'platform-version');
  beforeAll(async () => {
    writeFileSync(versionFile(), '1.0.0');
    platform = createServer((req, res) => {
      if (req.url === '/health') return res.end('ok');
      const version = readFileSync(versionFile(), 'utf8').trim();
      if (req.url === '/version')
        return res.setHeader('content-type', 'application/json').end(JSON.stringify({ version }));
      res.end(version);
    });
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((r) => platform.close(r));
  });

  test('the start command hands 1.0.1 to the platform and exits; done when version_url reports it', async () => {
    const r = await run(
      {
        version: '1.0.1',
        workload: 'command',
        start_command: `printf '%s' "$RELEASE_VERSION" > ${JSON.stringify(versionFile())}`,
        health_url: `${url}health`,
        router: 'none',
        version_url: `${url}version`,
        version_json_path: 'version',
        probe_url: url,
        monitor_duration: '1s',
        monitor_interval: '250ms',
        min_samples: '3',
        state_dir: join(base, 'state-none'),
        start_timeout: '5s',
        version_timeout: '5s',
      },
      '8201',
    );
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'succeeded', rolled_back: 'false' });
    expect(readFileSync(versionFile(), 'utf8')).toBe('1.0.1');
  }, 60_000);

  test('blue-green with router none is refused before anything starts (what the plan preflight catches)', async () => {
    const r = await run(
      {
        version: '1.0.2',
        deployment_strategy: 'blue-green',
        workload: 'command',
        start_command: `printf '%s' "$RELEASE_VERSION" > ${JSON.stringify(versionFile())}`,
        router: 'none',
        version_url: `${url}version`,
        monitor_duration: '1s',
        state_dir: join(base, 'state-none'),
      },
      '8202',
    );
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringContaining('router')]);
    expect(readFileSync(versionFile(), 'utf8')).toBe('1.0.1');
  }, 60_000);
});
