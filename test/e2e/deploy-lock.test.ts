/**
 * One deploy per environment at a time (issue 11): the bundled deploy and rollback actions started at the same
 * moment on one state_dir, over the same real parts as test/e2e/deploy.test.ts (Debian's nginx as the router,
 * test/fixtures/deploy/app.mjs started by the command workload, the GitHub API double, the status record on a
 * branch of a real bare remote). Each instance this suite starts carries a marker argument, so the processes
 * really running can be compared with the ones state.json tracks.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { GitHubDouble } from '../support/github/index.js';
import { describeWithService, requireService, type Nginx } from '../support/services/index.js';
import { appStartCommand, nginxTargetInputs, readStatusDoc, runWithGitHub } from '../support/deploy.js';
import { QUICK_MONITOR, quickDeadlines, startDeploySuite, type DeploySuite } from '../support/deploy-suite.js';
import type { ActionResult } from '../support/run-action.js';

const nginxService = await requireService('nginx');
const SHA = 'c'.repeat(40);

interface State {
  active_slot?: string;
  slots: Record<string, { version: string; instances: { pid?: number; port: number }[] }>;
  deployments: { version: string; status: string; strategy: string; previous_version?: string }[];
}

describeWithService(nginxService, 'deploys and rollbacks of one environment, started at once', () => {
  let suite: DeploySuite;
  let nginx: Nginx;
  let gh: GitHubDouble;
  let base: string;
  let workspace: string;
  let stateDir: string;
  /** Marks this suite's instances on their command line. */
  let marker: string;

  const target = () => ({
    ...nginxTargetInputs(nginx, appStartCommand('', `--suite=${marker}`)),
    ...quickDeadlines(stateDir),
  });
  const deployInputs = (version: string, o: Record<string, string> = {}) => ({
    ...target(),
    version,
    ...QUICK_MONITOR,
    probe_url: nginx.url,
    ...o,
  });
  const run = (name: string, inputs: Record<string, string>, runId: string) =>
    runWithGitHub(gh, workspace, SHA, name, inputs, runId);
  const state = () => JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as State;
  const serving = async () => ((await (await fetch(`${nginx.url}version`)).json()) as { version: string }).version;
  const upstreamPorts = () =>
    [...readFileSync(nginx.upstreamsPath, 'utf8').matchAll(/server 127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  /** Pids of this suite's instances that really run. */
  const runningPids = () =>
    execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(`--suite=${marker}`) && !l.includes('sh -c'))
      .map((l) => Number(l.trim().split(/\s+/)[0]))
      .sort((a, b) => a - b);
  const trackedPids = () =>
    Object.values(state().slots)
      .flatMap((s) => s.instances.map((i) => i.pid as number))
      .sort((a, b) => a - b);
  const statusDoc = () => readStatusDoc(workspace);
  const waited = (r: ActionResult) => /waiting for the lock of production/.test(r.log);
  /** The state after any run: nginx routes to exactly the active slot's instances, and only tracked ones run. */
  const consistent = async (version: string) => {
    const st = state();
    expect(await serving()).toBe(version);
    expect(st.slots[st.active_slot as string]?.version).toBe(version);
    expect(upstreamPorts().sort()).toEqual(st.slots[st.active_slot as string]?.instances.map((i) => i.port).sort());
    expect(runningPids()).toEqual(trackedPids());
    expect(existsSync(join(stateDir, 'production.lock'))).toBe(false);
  };

  beforeAll(async () => {
    suite = await startDeploySuite('ra-e2e-deploy-lock-');
    ({ base, workspace, stateDir, nginx, gh } = suite);
    marker = base;
  });
  afterEach(() => gh.assertNoViolations());
  afterAll(async () => {
    // Whatever still runs with this suite's marker (tracked or not).
    if (marker)
      for (const pid of runningPids())
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
    await suite?.stop();
  });

  test('two deploys at once: one deploys, the other waits, then deploys on top of it', async () => {
    const first = await run('deploy', deployInputs('1.0.0'), '100');
    expect(first.outputs.status).toBe('succeeded');

    const [a, b] = await Promise.all([
      run('deploy', deployInputs('1.1.0'), '101'),
      run('deploy', deployInputs('1.1.1'), '102'),
    ]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect([a, b].filter(waited)).toHaveLength(1);
    const [earlier, later] = waited(a) ? [b, a] : [a, b];
    const [v1, v2] = waited(a) ? ['1.1.1', '1.1.0'] : ['1.1.0', '1.1.1'];
    const holderRun = waited(a) ? '102' : '101';
    expect(later.log).toMatch(
      new RegExp(
        `held by run ${holderRun} \\(deploy of ${v1.replace(/\./g, '\\.')}\\), pid \\d+ on host \\S+, since \\d{4}-`,
      ),
    );
    // Each succeeded with its own version serving: the later on top of the earlier, not of 1.0.0.
    expect(earlier.outputs).toMatchObject({ status: 'succeeded', previous_version: '1.0.0' });
    expect(later.outputs).toMatchObject({ status: 'succeeded', previous_version: v1 });
    await consistent(v2);
    const st = state();
    expect(st.deployments.slice(0, 3).map((d) => `${d.version}:${d.status}:${d.previous_version}`)).toEqual([
      `${v2}:succeeded:${v1}`,
      `${v1}:succeeded:1.0.0`,
      '1.0.0:succeeded:undefined',
    ]);
    // The kept slot holds the earlier version (1.0.0 made room); one instance per slot, both tracked.
    expect(
      Object.values(st.slots)
        .map((s) => s.version)
        .sort(),
    ).toEqual([v1, v2].sort());
    expect(runningPids()).toHaveLength(2);
    const doc = statusDoc();
    expect(doc.releases.find((r) => r.version === v2)?.status).toBe('deployed');
  }, 120_000);

  test('a short lock_timeout: the second deploy fails naming the holder, having changed nothing', async () => {
    const before = gh.state.deployments.length;
    // The holder keeps the lock through a 4 s monitoring window.
    const holding = run('deploy', deployInputs('1.2.0', { monitor_duration: '4s' }), '201');
    const lock = join(stateDir, 'production.lock');
    for (let i = 0; i < 200 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(lock)).toBe(true);
    const refused = await run('deploy', deployInputs('1.2.1', { lock_timeout: '1s' }), '202');
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(
      /production is locked by another deploy or rollback: run 201 \(deploy of 1\.2\.0\), pid \d+ on host \S+, since \d{4}-\d\d-\d\dT[\d:.]+Z; waited [12](\.\d)?s \(lock_timeout 1s\)/,
    );
    expect(refused.log).toMatch(/waiting for the lock of production .*held by run 201/);
    const held = await holding;
    expect(held.errors).toEqual([]);
    expect(held.outputs.status).toBe('succeeded');
    await consistent('1.2.0');
    // Nothing of 1.2.1 anywhere: no GitHub deployment, no state entry, no status record entry.
    const created = gh.state.deployments.slice(before).map((d) => (d.payload as { version?: string }).version);
    expect(created).toEqual(['1.2.0']);
    expect(state().deployments.map((d) => d.version)).not.toContain('1.2.1');
    expect(statusDoc().releases.map((r) => r.version)).not.toContain('1.2.1');
  }, 120_000);

  test('a lock left by a killed deploy (its pid gone on this host) is taken over with a ::warning::', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const stale = {
      run_id: '250',
      pid: dead,
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      what: 'deploy of 1.2.9',
      token: 'killed',
    };
    writeFileSync(join(stateDir, 'production.lock'), JSON.stringify(stale));
    const r = await run('deploy', deployInputs('1.2.2', { lock_timeout: '0' }), '251');
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(
      `took over the lock of production (${join(stateDir, 'production.lock')}): its holder, run 250 (deploy of 1.2.9), pid ${dead} on host ${hostname()}, since 2026-01-01T00:00:00.000Z, no longer runs on this host`,
    );
    await consistent('1.2.2');
  }, 120_000);

  test('two rollbacks at once: one rollback (one instance started, one rolled-back entry)', async () => {
    const rollbackInputs = { ...target(), to_version: '1.0.0', reason: 'two people, one incident' };
    const pidsBefore = runningPids();
    const ghBefore = gh.state.deployments.length;
    const [a, b] = await Promise.all([run('rollback', rollbackInputs, '301'), run('rollback', rollbackInputs, '302')]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect([a, b].filter(waited)).toHaveLength(1);
    const [did, skipped] = waited(a) ? [b, a] : [a, b];
    expect(did.outputs).toMatchObject({ status: 'rolled-back', version: '1.0.0' });
    expect(skipped.outputs).toMatchObject({ status: 'rolled-back', version: '1.0.0' });
    expect(skipped.log).toMatch(
      /production was rolled back to 1\.0\.0 by run 30[12] \(rollback to 1\.0\.0\) while this run waited for it/,
    );
    await consistent('1.0.0');
    // One new instance (1.0.0 was no longer kept: started again once), every running one tracked.
    const started = runningPids().filter((p) => !pidsBefore.includes(p));
    expect(started).toHaveLength(1);
    expect(state().deployments.filter((d) => d.strategy === 'rollback')).toHaveLength(1);
    const rollbacks = gh.state.deployments
      .slice(ghBefore)
      .filter((d) => (d.payload as { version?: string }).version === '1.0.0');
    expect(rollbacks).toHaveLength(1);
    const entries = statusDoc()
      .releases.find((r) => r.version === '1.0.0')
      ?.deployments?.filter((d) => d.strategy === 'rollback');
    expect(entries?.map((d) => d.status)).toEqual(['succeeded']);
  }, 120_000);
});
