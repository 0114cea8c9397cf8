/**
 * Every policy path through the real .github/workflows/release.yml (issue 16, item 4): each test runs the workflow
 * (not a dry run) on a scratch repository with a bare remote, the committed actions' dist, one GitHub API double for
 * the file (each path releases its own major, so their releases never meet), and asserts which jobs ran, were
 * skipped (and why) or waited for an approval, and the outputs passed between them. The workflow is read as it is
 * on disk, so a change to it is exercised here.
 *
 * The breach path runs over real nginx and test/fixtures/deploy/app.mjs (the deploy e2e tests' parts): the deploy
 * rolls itself back, the rollback job confirms it and files the incident issue.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { runWorkflow, type ApprovalRequest, type RunReport } from '@release-actions/workflow';
import { appStartCommand, killInstances, nginxTargetInputs, runWithGitHub, startAppNginx } from '../support/deploy.js';
import { startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import {
  createBareRemote,
  createRepo,
  describeWithService,
  gitEnv,
  requireService,
  type BareRemote,
  type Repo,
} from '../support/services/index.js';
import { ROOT, scratch, type Scratch } from './helpers.js';

const WORKFLOW = join(ROOT, '.github/workflows/release.yml');
const TOKEN = 'ghs_pathsTestToken';
const nginxService = await requireService('nginx');

let s: Scratch;
let gh: GitHubDouble;
let app: Server;
let appUrl: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  s = scratch();
  // ghs_test: the token of runWithGitHub, which serves the breach path's previous version before the workflow runs.
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [TOKEN, 'ghs_test'] });
  // The service the load gates hit: /ok answers 200, /broken 500.
  app = createServer((req, res) => {
    res.writeHead(req.url?.startsWith('/broken') ? 500 : 200, { 'content-type': 'text/plain' });
    res.end('ok\n');
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await gh?.close();
  await new Promise((r) => app?.close(r));
  s?.cleanup();
});

/**
 * A short baseline and peak load (the built-ins load for half a minute and more): 180 requests, over the load gate's
 * 100 (min_requests); sharded in 3, 60 each, merged back to 180.
 */
const PROFILES = `profiles:
  baseline: { connections: 3, rate: 60, duration: 3s, ramp: 0s }
  peak: { connections: 3, rate: 60, duration: 3s, ramp: 0s }
`;

/** A package released at `v<first>` with `commits` on top, pushed to its own bare remote. */
async function project(first: string, commits: string[], files: Record<string, string> = {}): Promise<Repo> {
  const remote: BareRemote = await createBareRemote();
  const repo = await createRepo({
    remote,
    files: {
      'package.json': `${JSON.stringify({ name: 'widget', version: first, scripts: { test: 'node -e 0' } })}\n`,
      '.github/load-profiles.yml': PROFILES,
      ...files,
    },
  });
  await repo.git('tag', '-a', '-m', `v${first}`, `v${first}`);
  for (const c of commits) await repo.git('commit', '--quiet', '--allow-empty', '-m', c);
  await repo.git('push', '--quiet', 'origin', 'main', `v${first}`);
  cleanups.push(
    () => repo.cleanup(),
    () => remote.cleanup(),
  );
  return repo;
}

interface Ran extends RunReport {
  approvals: string[];
  log: string[];
  job(id: string): RunReport['jobs'][number];
  results(): Record<string, string>;
}

/** Runs release.yml on `repo`; `approve` answers each environment (default: approve). */
async function release(
  repo: Repo,
  inputs: Record<string, string>,
  approve: (r: ApprovalRequest) => boolean = () => true,
  more: Partial<Parameters<typeof runWorkflow>[0]> = {},
): Promise<Ran> {
  const approvals: string[] = [];
  const log: string[] = [];
  const r = await runWorkflow({
    workflow: WORKFLOW,
    packageRoot: ROOT,
    repository: repo.dir,
    runDir: join(s.dir, `run-${Math.random().toString(36).slice(2)}`),
    inputs,
    secrets: { GITHUB_TOKEN: TOKEN },
    env: {
      ...gitEnv(),
      GITHUB_REPOSITORY: 'acme/widget',
      GITHUB_API_URL: gh.url,
      GITHUB_GRAPHQL_URL: gh.graphqlUrl,
      GITHUB_SERVER_URL: gh.serverUrl,
    },
    approve: async (a) => {
      approvals.push(a.environment);
      return approve(a);
    },
    log: (l) => log.push(l),
    ...more,
  });
  return {
    ...r,
    approvals,
    log,
    job: (id) => r.jobs.find((j) => j.id === id) ?? fail(`no job ${id}`),
    results: () => Object.fromEntries(r.jobs.map((j) => [j.id, j.result])),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

const errors = (r: Ran) => r.log.filter((l) => l.includes('::error'));
const remoteTags = async (repo: Repo) => (await repo.git('ls-remote', '--tags', 'origin')).split('\n').filter(Boolean);

test('major: refused while its 24 h monitoring cannot fit a hosted runner; on a self-hosted one, product approval waits', async () => {
  const repo = await project('1.0.0', ['feat!: a new API']);
  const deploy = {
    version_bump: 'auto',
    version_url: 'http://127.0.0.1:9/version',
    deploy_start_command: 'true',
    router: 'command',
    router_command: 'true',
  };
  const hosted = await release(repo, deploy);
  expect(hosted.job('plan').result).toBe('failure');
  expect(errors(hosted).join('\n')).toMatch(
    /bad input deploy_timeout_minutes::Input "deploy_timeout_minutes" is 360, which leaves 350: the canary deploy needs \d+ minutes of monitoring and canary steps \(monitor_duration 24h\).*self-hosted runner above 360/,
  );
  expect(hosted.jobs.filter((j) => j.id !== 'plan').map((j) => [j.id, j.result])).toEqual(
    hosted.jobs.filter((j) => j.id !== 'plan').map((j) => [j.id, 'skipped']),
  );
  expect(hosted.approvals).toEqual([]);

  // A self-hosted deploy runner with a long enough deadline: the plan passes; product declines before the deploy.
  const selfHosted = await release(
    repo,
    { ...deploy, deploy_runs_on: 'deploy-host', deploy_timeout_minutes: '1500' },
    (a) => a.environment !== 'product-approval',
  );
  expect(selfHosted.job('plan').outputs).toMatchObject({
    type: 'major',
    next_version: '2.0.0',
    strategy: 'canary',
    monitor_duration: '24h',
    release_environment: 'changelog-review',
    product_environment: 'product-approval',
    deploy_environment: 'production',
    deploy_timeout: '1490m',
  });
  expect(selfHosted.approvals).toEqual(['changelog-review', 'product-approval']);
  expect(selfHosted.results()).toMatchObject({
    plan: 'success',
    changelog: 'success',
    release: 'success',
    'product-approval': 'failure',
    deploy: 'skipped',
    rollback: 'skipped',
  });
  expect(selfHosted.job('product-approval')).toMatchObject({
    decision: 'wait-for-approval',
    reason: 'environment product-approval: rejected',
  });
  expect(selfHosted.job('release').outputs).toMatchObject({ version: '2.0.0', tag: 'v2.0.0', status: 'released' });
  expect(await remoteTags(repo)).toEqual(expect.arrayContaining([expect.stringMatching(/refs\/tags\/v2\.0\.0$/)]));
}, 180_000);

test('minor, a library: plan → changelog → release; no gates, no deploy, no product approval', async () => {
  const repo = await project('3.0.0', ['feat: a feature', 'docs: a page']);
  const r = await release(repo, { version_bump: 'auto' });
  expect(r.job('plan').outputs).toMatchObject({
    type: 'minor',
    next_version: '3.1.0',
    run_quality_gates: 'false',
    run_deploy: 'false',
    product_environment: '',
  });
  expect(r.approvals).toEqual(['changelog-review']);
  expect(r.results()).toEqual({
    plan: 'success',
    'load-shards': 'skipped',
    'quality-gates': 'skipped',
    changelog: 'success',
    release: 'success',
    // release_mode direct: the pull-request mode's job does not run.
    'release-pr': 'skipped',
    'product-approval': 'skipped',
    deploy: 'skipped',
    rollback: 'skipped',
  });
  expect(r.job('quality-gates').reason).toMatch(/needs\.plan\.outputs\.run_quality_gates == 'true' is false/);
  // The plan's version is the one released, with the changelog's notes.
  expect(r.outputs).toMatchObject({ releasable: 'true', version: '3.1.0', tag: 'v3.1.0', release_status: 'released' });
  const published = gh.state.releases.find((x) => x.tagName === 'v3.1.0');
  expect(published?.body).toContain('a feature');
  expect(r.conclusion).toBe('success');
}, 120_000);

// patch and hotfix stop at their release approval (declined): what differs between them is the plan's outputs and
// the environment asked; the release itself runs in the minor and major paths above.
test('patch: a fix planned as x.y.1, rolling, reviewed in changelog-review', async () => {
  const repo = await project('4.0.0', ['fix: a bug']);
  const r = await release(repo, { version_bump: 'auto' }, () => false);
  expect(r.job('plan').outputs).toMatchObject({ type: 'patch', next_version: '4.0.1', strategy: 'rolling' });
  expect(r.job('changelog').result).toBe('success');
  expect(r.approvals).toEqual(['changelog-review']);
  expect(r.job('release')).toMatchObject({ result: 'failure', reason: 'environment changelog-review: rejected' });
  expect(r.results()).toMatchObject({ 'product-approval': 'skipped', deploy: 'skipped', rollback: 'skipped' });
}, 120_000);

test('hotfix: the fast track — its own environment instead of changelog review, smoke tests only', async () => {
  const repo = await project('5.0.0', ['fix: the outage']);
  const r = await release(repo, { version_bump: 'patch', hotfix: 'true' }, () => false);
  expect(r.job('plan').outputs).toMatchObject({
    type: 'hotfix',
    next_version: '5.0.1',
    gates: '',
    release_environment: 'fast-track',
    strategy: 'rolling',
  });
  expect(r.job('quality-gates').result).toBe('skipped');
  expect(r.job('changelog').result).toBe('success');
  expect(r.approvals).toEqual(['fast-track']);
  expect(r.job('release')).toMatchObject({ result: 'failure', reason: 'environment fast-track: rejected' });
}, 120_000);

test('dry_run: the release job says what it would do and changes nothing; nothing is deployed', async () => {
  const repo = await project('6.0.0', ['feat: a feature']);
  const before = await remoteTags(repo);
  const r = await release(repo, {
    version_bump: 'auto',
    dry_run: 'true',
    version_url: 'http://127.0.0.1:9/v',
    deploy_start_command: 'true',
    router: 'command',
    router_command: 'true',
  });
  expect(r.job('release').outputs).toMatchObject({ status: 'dry-run', version: '6.1.0' });
  expect(r.job('deploy')).toMatchObject({
    result: 'skipped',
    reason: expect.stringMatching(
      /\(needs\.release\.outputs\.status \|\| needs\.release-pr\.outputs\.status\) == 'released'/,
    ),
  });
  expect(await remoteTags(repo)).toEqual(before);
  expect(gh.state.releases.some((x) => x.tagName === 'v6.1.0')).toBe(false);
  expect(r.outputs.release_status).toBe('dry-run');
}, 120_000);

test('nothing to release: the plan says so; every later job is skipped, and the run is green', async () => {
  const repo = await project('7.0.0', ['chore: tidy', 'docs: typo']);
  const r = await release(repo, { version_bump: 'auto' });
  expect(r.job('plan').outputs.releasable).toBe('false');
  expect(r.jobs.filter((j) => j.id !== 'plan' && j.result !== 'skipped')).toEqual([]);
  expect(r.approvals).toEqual([]);
  expect(r.outputs).toMatchObject({ releasable: 'false', version: '', deployment_status: '' });
  expect(r.conclusion).toBe('success');
}, 120_000);

test('a failing quality gate: the gates job fails, the changelog and the release never run', async () => {
  const repo = await project('8.0.0', ['fix: a bug']);
  const r = await release(repo, { version_bump: 'auto', target_url: `${appUrl}/broken` });
  expect(r.job('plan').outputs).toMatchObject({ gates: 'load-testing', run_quality_gates: 'true' });
  expect(r.job('quality-gates').result).toBe('failure');
  expect(errors(r).join('\n')).toMatch(/load-testing/);
  expect(r.results()).toMatchObject({
    changelog: 'skipped',
    release: 'skipped',
    deploy: 'skipped',
    rollback: 'skipped',
  });
  expect(r.approvals).toEqual([]);
  expect((await remoteTags(repo)).map((t) => t.split('\t')[1])).toEqual(['refs/tags/v8.0.0', 'refs/tags/v8.0.0^{}']);
  expect(r.conclusion).toBe('failure');
}, 120_000);

test('load shards: a matrix of 3 loads the service, the gates job merges their results into one verdict', async () => {
  const repo = await project('9.0.0', ['fix: a bug']);
  // The release's review is declined: the path under test ends at the merged verdict and the changelog.
  const r = await release(repo, { version_bump: 'auto', target_url: `${appUrl}/ok`, load_shards: '3' }, () => false);
  expect(r.job('plan').outputs.load_shards).toBe('[1,2,3]');
  expect(r.job('load-shards')).toMatchObject({ result: 'success', legs: ['shard: 1', 'shard: 2', 'shard: 3'] });
  expect(
    r
      .job('load-shards')
      .steps.filter((x) => x.id === 'gates')
      .map((x) => x.outcome),
  ).toEqual(['success', 'success', 'success']);
  expect(r.job('quality-gates').result).toBe('success');
  expect(r.log.join('\n')).toMatch(
    /\[quality-gates\] download-artifact: quality-gates-shard-1, quality-gates-shard-2, quality-gates-shard-3/,
  );
  expect(r.job('changelog').result).toBe('success');
  expect(r.job('release')).toMatchObject({ result: 'failure', reason: 'environment changelog-review: rejected' });
}, 180_000);

// A hotfix (no gates: the path under test is the deploy) whose blue-green deploy is watched for 15 s; the policy
// file is the only way a caller shortens the window.
const BREACH_POLICY = `version: 1
types:
  hotfix:
    strategy: blue-green
    monitor_duration: 15s
`;

describeWithService(nginxService, 'deploy and rollback jobs over real nginx', () => {
  let nginx: Awaited<ReturnType<typeof startAppNginx>>;
  let stateDir: string;
  beforeAll(async () => {
    nginx = await startAppNginx();
    stateDir = join(s.dir, 'deploy-state');
  });
  afterAll(async () => {
    killInstances(stateDir);
    await nginx?.stop();
  });
  afterEach(() => gh.assertNoViolations());

  /** The workflow's deploy inputs: the app behind nginx, 11.0.1 answering 500 from 4 s after its start. */
  const deployInputs = () => {
    const t = nginxTargetInputs(nginx, appStartCommand('FAIL_VERSION=11.0.1 FAIL_MODE=after:4000'));
    return {
      version_bump: 'patch',
      hotfix: 'true',
      environment: 'production',
      workload: t.workload,
      deploy_start_command: t.start_command,
      health_url: t.health_url,
      router: t.router,
      nginx_upstream_file: t.nginx_upstream_file,
      nginx_upstream_name: t.nginx_upstream_name,
      nginx_conf: t.nginx_conf,
      // release.yml has no nginx_prefix: the reload names this nginx's own prefix (as the demo does).
      nginx_reload_command: `nginx -p '${nginx.dir}/' -c '${nginx.confPath}' -s reload`,
      version_url: t.version_url,
      version_json_path: t.version_json_path,
      probe_url: nginx.url,
      state_dir: stateDir,
    };
  };

  test('a deploy whose monitoring breaches: rolled back by the deploy; the rollback job confirms it and opens one incident issue; its re-run opens none', async () => {
    const repo = await project('11.0.0', ['fix: the cache'], { '.github/release-policy.yml': BREACH_POLICY });
    // 11.0.0 serves before the release (deployed by the deploy action itself, as a previous run would have).
    const t = nginxTargetInputs(nginx);
    const first = await runWithGitHub(
      gh,
      repo.dir,
      (await repo.git('rev-parse', 'HEAD')).trim(),
      'deploy',
      { ...t, version: '11.0.0', state_dir: stateDir, monitor_duration: '0', timeout: '2m' },
      '1',
    );
    expect(first.outputs.status).toBe('succeeded');
    const issuesBefore = gh.state.issues.length;

    const github = { run_id: '4242', run_attempt: '1' };
    const r = await release(repo, deployInputs(), () => true, { github });
    expect(r.approvals).toEqual(['fast-track', 'production']);
    expect(r.job('deploy').result).toBe('failure');
    expect(r.job('deploy').outputs).toMatchObject({
      started: 'true',
      status: 'rolled-back',
      rolled_back: 'true',
      previous_version: '11.0.0',
      reason: expect.stringMatching(/^monitoring failed: error rate [\d.]+ > 0\.01 \(\d\/5 probes failed\)$/),
    });
    expect(r.job('rollback')).toMatchObject({ result: 'success', decision: 'run' });
    expect(r.job('rollback').outputs).toMatchObject({ status: 'rolled-back', version: '11.0.0' });
    // The rollback job started nothing: it confirmed 11.0.0 through nginx.
    const rollbackLog = r.log.filter((l) => l.startsWith('[rollback]')).join('\n');
    expect(rollbackLog).toMatch(/already serves 11\.0\.0: rolled back from 11\.0\.1 by the deploy of 11\.0\.1/);
    expect(rollbackLog).toMatch(/11\.0\.0 serves through the router/);
    expect(rollbackLog).not.toMatch(/starting|started 11\.0\.0/);
    expect(await (await fetch(`${nginx.url}version`)).json()).toMatchObject({ version: '11.0.0' });

    const opened = gh.state.issues.slice(issuesBefore);
    expect(opened.map((i) => i.title)).toEqual(['Incident: production rolled back from 11.0.1 to 11.0.0']);
    // The text is escaped for Markdown (`>` as &gt;, which GitHub renders as >): the check, value and threshold.
    const body = String(opened[0]!.body);
    expect(body).toMatch(
      /\*\*Trigger:\*\* The deploy of 11\.0\.1 was rolled back \(run 4242, attempt 1\): monitoring failed: error rate [\d.]+ &gt; 0\.01 \(\d\/5 probes failed\)/,
    );
    expect(body).toMatch(/\*\*Rolled back by:\*\* the deploy of 11\.0\.1 \(rollback_on_failure\) at /);
    expect(opened[0]!.labels).toEqual(['incident']);

    // GitHub's "Re-run jobs" of the rollback job: the deploy's outputs kept, no second issue, a comment instead.
    const again = await release(repo, deployInputs(), () => true, {
      github: { ...github, run_attempt: '2' },
      rerun: { previous: r, jobs: ['rollback'] },
    });
    expect(again.job('deploy').reason).toMatch(/^kept from the previous attempt/);
    expect(again.job('rollback')).toMatchObject({
      result: 'success',
      outputs: { status: 'rolled-back', version: '11.0.0' },
    });
    expect(gh.state.issues.slice(issuesBefore).map((i) => i.title)).toEqual([opened[0]!.title]);
    const comments = gh.state.comments.filter((c) => c.issueNumber === opened[0]!.number);
    expect(comments.map((c) => c.body)).toEqual([expect.stringMatching(/confirmed again by .*\/actions\/runs\/4242/)]);
  }, 240_000);

  test('a rejected production approval: the deploy starts no step, and the rollback job is skipped saying why', async () => {
    const repo = await project('12.0.0', ['fix: the queue'], { '.github/release-policy.yml': BREACH_POLICY });
    const issuesBefore = gh.state.issues.length;
    const before = await (await fetch(`${nginx.url}version`)).text();
    const r = await release(repo, deployInputs(), (a) => a.environment !== 'production');
    expect(r.approvals).toEqual(['fast-track', 'production']);
    expect(r.job('release').outputs).toMatchObject({ status: 'released', version: '12.0.1' });
    expect(r.job('deploy')).toMatchObject({ result: 'failure', reason: 'environment production: rejected', steps: [] });
    expect(r.job('deploy').outputs.started ?? '').toBe('');
    expect(r.job('rollback')).toMatchObject({
      result: 'skipped',
      reason: expect.stringMatching(/needs\.deploy\.outputs\.started == 'true'.* is false/s),
    });
    expect(gh.state.issues.length).toBe(issuesBefore);
    expect(await (await fetch(`${nginx.url}version`)).text()).toBe(before);
  }, 180_000);
});
