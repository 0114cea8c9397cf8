/**
 * deploy and rollback, the bundled actions run as the runner runs them, over the real parts: Debian's nginx as
 * the router, test/fixtures/deploy/app.mjs started by the command workload, the GitHub API double (deployments
 * and statuses validated against GitHub's OpenAPI description), the status record on a branch of a real bare
 * remote, and keep-alive load (≥ 300 req/s) through nginx during every switch, counted honestly (a request
 * retried once after its idle keep-alive connection was closed under it is counted in `retried`). The load
 * generator is a lean raw-socket client (test/support/services/load.ts) so 300 req/s has headroom on a busy machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appStartCommand as startCommand,
  killInstances,
  nginxTargetInputs,
  readStatusDoc,
  runWithGitHub,
  underLoad,
} from '../support/deploy.js';
import { QUICK_MONITOR, quickDeadlines, startDeploySuite, type DeploySuite } from '../support/deploy-suite.js';
import type { GitHubDouble } from '../support/github/index.js';
import { describeWithService, requireService, type LoadResult, type Nginx } from '../support/services/index.js';
import { expectEnded, expectSucceeded } from '../support/expect-run.js';

const nginxService = await requireService('nginx');
const SHA = 'a'.repeat(40);

describeWithService(nginxService, 'deploy and rollback through real nginx', () => {
  let suite: DeploySuite;
  let nginx: Nginx;
  let gh: GitHubDouble;
  let workspace: string;
  let stateDir: string;

  const inputs = (version: string, o: Record<string, string> = {}) => ({
    version,
    ...nginxTargetInputs(nginx),
    probe_url: nginx.url,
    smoke_tests: JSON.stringify([{ path: '/', expect_status: 200, body_contains: version, max_latency_ms: 1000 }]),
    ...QUICK_MONITOR,
    ...quickDeadlines(stateDir),
    ...o,
  });
  const run = (name: string, i: Record<string, string>, runId = String(Date.now())) =>
    runWithGitHub(gh, workspace, SHA, name, i, runId);
  const statusDoc = () => readStatusDoc(workspace);
  const report = (label: string, load: LoadResult) => {
    const rps = Math.round(load.total / (load.durationMs / 1000));
    process.stdout.write(
      `${label}: ${load.total} requests in ${load.durationMs}ms (${rps} req/s), failed ${load.failed}, retried ${load.retried}, bodies ${JSON.stringify(load.byBody)}, statuses ${JSON.stringify(load.byStatus)}\n`,
    );
    return rps;
  };
  /** Keep-alive load (16 clients) through nginx for the whole of `fn`, and 300 ms either side. */
  const withLoad = <T>(fn: () => Promise<T>, _hint?: number) =>
    underLoad({ url: nginx.url, concurrency: 16, durationMs: 120_000, padMs: 300 }, fn);
  /** A deploy of `version` (with inputs `o`) under that load. */
  const deployUnderLoad = (version: string, o: Record<string, string> = {}, hint?: number) =>
    withLoad(() => run('deploy', inputs(version, o)), hint);

  beforeAll(async () => {
    suite = await startDeploySuite('ra-e2e-deploy-');
    ({ workspace, stateDir, nginx, gh } = suite);
  });
  afterEach(() => gh.assertNoViolations());
  afterAll(async () => {
    // Stop every instance the actions left running (the kept previous slot, the live one).
    if (stateDir) killInstances(stateDir);
    await suite?.stop();
  });

  test('first deploy of 1.0.0: blue serves, GitHub deployment success, status record deployed', async () => {
    const r = await run('deploy', inputs('1.0.0'));
    expectSucceeded(r, {
      status: 'succeeded',
      active_slot: 'blue',
      rolled_back: 'false',
      previous_version: '',
    });
    const id = Number(r.outputs.deployment_id);
    expect(gh.state.deploymentStates()[id]).toBe('success');
    const d = gh.state.deployments.find((x) => x.id === id);
    expect(d?.environment).toBe('production');
    expect(statusDoc().releases.find((x) => x.version === '1.0.0')?.status).toBe('deployed');
  }, 60_000);

  test('blue-green 1.1.0 under load: zero failed requests, only expected versions, earlier deployment inactive', async () => {
    const [r, load] = await deployUnderLoad('1.1.0');
    const rps = report('blue-green switch', load);
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ status: 'succeeded', active_slot: 'green', previous_version: '1.0.0' });
    expect(rps).toBeGreaterThanOrEqual(300);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody).sort()).toEqual(['1.0.0', '1.1.0']);
    for (const seq of load.sequences) expect(['1.0.0>1.1.0', '1.1.0', '1.0.0']).toContain(seq.join('>'));
    const states = Object.values(gh.state.deploymentStates());
    expect(states).toEqual(['inactive', 'success']);
    expect(r.summary).toContain('```mermaid\ngantt');
    expect(r.summary).toContain('Smoke tests (new slot, before traffic)');
    const payload = gh.state.deployments.at(-1)?.payload as Record<string, unknown>;
    expect(payload).toMatchObject({ version: '1.1.0', previous_version: '1.0.0' });
  }, 60_000);

  test('canary 10,50,100 under load: zero failed requests, analysis at each step, promoted', async () => {
    const [r, load] = await deployUnderLoad(
      '1.2.0',
      {
        deployment_strategy: 'canary',
        canary_steps: '10,50,100',
        step_duration: '1s',
        monitor_interval: '250ms',
      },
      5000,
    );
    report('canary', load);
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ status: 'succeeded', active_slot: 'blue', previous_version: '1.1.0' });
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody).sort()).toEqual(['1.1.0', '1.2.0']);
    expect(r.summary).toContain('Canary 10%');
    expect(r.summary).toContain('Canary 50%');
    expect(r.log).toMatch(/canary-step: 10% to 1.2.0/);
  }, 60_000);

  test('smoke failure: traffic never moves, new slot torn down, failed checks listed, zero failed requests', async () => {
    const [r, load] = await deployUnderLoad(
      '1.3.0',
      { start_command: startCommand('FAIL_VERSION=1.3.0 FAIL_MODE=smoke') },
      2500,
    );
    report('smoke failure', load);
    expectEnded(r, 1, { status: 'failed', active_slot: 'blue', rolled_back: 'false' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/smoke tests failed on green \(1\.3\.0\); traffic never moved/);
    expect(r.errors[0]).toMatch(/status 500, expected 200/);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody)).toEqual(['1.2.0']);
    expect(gh.state.deploymentStates()[Number(r.outputs.deployment_id)]).toBe('failure');
  }, 60_000);

  test('an invalid nginx config: no reload, traffic untouched, deploy fails', async () => {
    const [r, load] = await deployUnderLoad('1.3.1', { nginx_upstream_name: 'not_the_proxied_one' }, 2500);
    report('invalid nginx config', load);
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/nginx -t refused.*traffic is untouched/s);
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody)).toEqual(['1.2.0']);
    expect(readFileSync(nginx.upstreamsPath, 'utf8')).toContain('upstream app {');
  }, 60_000);

  test('a start hook that hangs: deadline, cleanup, clear error, traffic untouched', async () => {
    const r = await run(
      'deploy',
      inputs('1.3.2', { start_command: startCommand('FAIL_VERSION=1.3.2 FAIL_MODE=hang'), start_timeout: '1500ms' }),
    );
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/did not start in slot green: .*not healthy within 1.5s/);
    const st = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as {
      slots: Record<string, unknown>;
      active_slot: string;
    };
    expect(st.active_slot).toBe('blue');
    expect(st.slots.green).toBeUndefined();
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(ps).not.toMatch(/FAIL_VERSION=1\.3\.2/);
  }, 60_000);

  test('the new version starts failing while monitored: automatic rollback within one interval plus the switch', async () => {
    const [r, load] = await deployUnderLoad(
      '1.4.0',
      {
        start_command: startCommand('FAIL_VERSION=1.4.0 FAIL_MODE=after:2500'),
        monitor_duration: '20s',
        monitor_interval: '300ms',
        probe_requests: '5',
      },
      6000,
    );
    report('monitoring breach', load);
    expectEnded(r, 1, {
      status: 'rolled-back',
      rolled_back: 'true',
      active_slot: 'blue',
      previous_version: '1.2.0',
    });
    // The round that sees the breach may straddle the moment 1.4.0 starts failing (2/5 failed, not 5/5): the
    // reported rate is the round's measured one, whatever the split.
    const breached = /was rolled back: monitoring failed: error rate ([\d.]+) > 0\.01 \((\d)\/5 probes failed\)$/.exec(
      r.errors[0] ?? '',
    );
    expect(breached).not.toBeNull();
    expect(Number(breached![2])).toBeGreaterThanOrEqual(1);
    expect(Number(breached![1])).toBe(Number(breached![2]) / 5);
    // Failed requests happen between the breach and the switch back: counted and reported, not hidden.
    expect(load.byStatus[500] ?? 0).toBe(load.failed);
    expect(load.errorCount).toBe(0);
    expect(r.log).toMatch(/rolled-back: 1.2.0 serves again/);
    const breach = /\[([^\]]+)\] rolling-back/.exec(r.log)?.[1] as string;
    const done = /\[([^\]]+)\] rolled-back/.exec(r.log)?.[1] as string;
    expect(Date.parse(done) - Date.parse(breach)).toBeLessThan(3000);
    const deps = gh.state.deployments;
    const failed = deps.find((d) => (d.payload as { version?: string }).version === '1.4.0');
    const restored = deps.at(-1);
    expect(gh.state.deploymentStates()[failed!.id]).toBe('failure');
    expect(restored?.payload).toMatchObject({ version: '1.2.0', rollback_of: '1.4.0' });
    expect(gh.state.deploymentStates()[restored!.id]).toBe('success');
    const doc = statusDoc();
    expect(doc.releases.find((x) => x.version === '1.4.0')?.status).toBe('rolled-back');
    expect(r.summary).toContain('Monitoring window');
    expect(r.summary).toContain('xychart-beta');
    expect(load.failed).toBeLessThan(load.total);
    process.stdout.write(
      `monitoring breach: ${load.failed} failed requests during ${Date.parse(done) - Date.parse(breach)}ms of rollback\n`,
    );
  }, 60_000);

  test('a platform that keeps serving the old version fails the deploy loudly', async () => {
    const r = await run(
      'deploy',
      inputs('1.5.0', {
        router: 'command',
        router_command: 'true',
        rollback_on_failure: 'false',
        version_timeout: '1500ms',
      }),
    );
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /still reports 1\.2\.0 after .*expected 1\.5\.0\. The platform is not serving the released version/,
    );
    expect(r.outputs.status).toBe('failed');
  }, 60_000);

  test('rollback action under load: to the last good version of the status record, incident issue opened', async () => {
    // Serve 1.6.0 first (blue-green, the previous slot kept), then roll back by hand.
    const d = await run('deploy', inputs('1.6.0'));
    expect(d.outputs.status).toBe('succeeded');
    const [r, load] = await withLoad(() =>
      run('rollback', {
        environment: 'production',
        workload: 'command',
        start_command: startCommand(),
        health_url: 'http://127.0.0.1:{port}/health',
        router: 'nginx',
        nginx_upstream_file: nginx.upstreamsPath,
        nginx_conf: nginx.confPath,
        nginx_prefix: `${nginx.dir}/`,
        version_url: `${nginx.url}version`,
        version_json_path: 'version',
        state_dir: stateDir,
        incident_issue: 'true',
        reason: 'checkout errors reported by users',
      }),
    );
    report('rollback action', load);
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ status: 'rolled-back', version: '1.2.0' });
    expect(r.summary).toContain('| instant (router switch only) | yes |');
    expect(load.failed).toBe(0);
    expect(Object.keys(load.byBody).sort()).toEqual(['1.2.0', '1.6.0']);
    const issue = [...gh.state.issueMap.values()].at(-1) as unknown as { title: string; body: string };
    expect(issue.title).toBe('Incident: production rolled back from 1.6.0 to 1.2.0');
    expect(issue.body).toContain('checkout errors reported by users');
    expect(issue.body).toContain('## Timeline');
    expect(issue.body).toContain('/actions/runs/');
    const states = gh.state.deploymentStates();
    const v16 = gh.state.deployments.filter((x) => (x.payload as { version?: string }).version === '1.6.0').at(-1);
    expect(states[v16!.id]).toBe('failure');
    expect(statusDoc().releases.find((x) => x.version === '1.6.0')?.status).toBe('rolled-back');
  }, 60_000);
});
