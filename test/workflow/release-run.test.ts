/**
 * The real release.yml, run (not dry-run) on a scratch repository: the plan job runs the committed plan action
 * after the checkout stand-in, and its real outputs decide the rest. Paths that end before anything is
 * published: nothing to release, the README's library call (plan, changelog, then the release's review declined),
 * and initial_version through plan, changelog and the release's dry run (against the GitHub API double).
 */
import { join } from 'node:path';
import { runWorkflow, type ExecutorOptions } from '@release-actions/workflow';
import { startGitHubDouble } from '../support/github/index.js';
import { createBareRemote, createRepo, gitEnv, startVerdaccio, type Verdaccio } from '../support/services/index.js';
import { createRemoteRepo, type RemoteRepo } from '../support/remote-repo.js';
import { ROOT, scratch } from './helpers.js';

const s = scratch();
let origin: RemoteRepo;
let npm: Verdaccio;
beforeAll(async () => {
  // publish_registries npm: the plan reads the package's latest from it (never from npmjs.org here).
  npm = await startVerdaccio();
  origin = await createRemoteRepo({ files: { 'package.json': '{"name":"widget","version":"1.0.0"}\n' } });
  await origin.repo.git('tag', 'v1.0.0');
  await origin.repo.git('commit', '--quiet', '--allow-empty', '-m', 'chore: tidy');
  await origin.repo.git('push', '--quiet', 'origin', 'main', 'v1.0.0');
});
afterAll(async () => {
  await npm?.stop();
  await origin?.cleanup();
  s.cleanup();
});

async function run(
  inputs: Record<string, string>,
  approve?: ExecutorOptions['approve'],
  o: { repository?: string; github?: Record<string, unknown>; token?: string } = {},
) {
  const log: string[] = [];
  const r = await runWorkflow({
    workflow: join(ROOT, '.github/workflows/release.yml'),
    packageRoot: ROOT,
    repository: o.repository ?? origin.repo.dir,
    runDir: join(
      s.dir,
      `run-${Object.values(inputs)
        .join('-')
        .replace(/[^\w.-]+/g, '_')}`,
    ),
    inputs,
    secrets: { GITHUB_TOKEN: o.token ?? 'local-token' },
    env: gitEnv(),
    log: (l) => log.push(l),
    ...(approve ? { approve } : {}),
    ...(o.github ? { github: o.github } : {}),
  });
  return { ...r, log, result: (id: string) => r.jobs.find((j) => j.id === id)?.result };
}

test('nothing to release: the plan says so, every later job is skipped, the run is green', async () => {
  const r = await run({ version_bump: 'auto' });
  expect(r.result('plan')).toBe('success');
  expect(r.outputs.releasable).toBe('false');
  expect(r.jobs.filter((j) => j.id !== 'plan' && j.result !== 'skipped')).toEqual([]);
  expect(r.conclusion).toBe('success');
});

test("the README's library call: the real plan passes its preflight, no gates and no deploy; the release waits for review", async () => {
  const approvals: string[] = [];
  const call = { version_bump: 'minor', publish_registries: 'npm', npm_registry_url: npm.url, include_prs: 'false' };
  const r = await run(call, async (a) => {
    approvals.push(a.environment);
    return false; // the Release Manager declines: nothing is published
  });
  expect(r.result('plan')).toBe('success');
  expect(r.log.some((l) => l.includes('::error'))).toBe(false);
  expect(r.result('quality-gates')).toBe('skipped');
  expect(r.result('changelog')).toBe('success');
  expect(approvals).toEqual(['changelog-review']);
  for (const id of ['product-approval', 'deploy', 'rollback']) expect([id, r.result(id)]).toEqual([id, 'skipped']);
});

test('initial_version reaches plan, changelog and release: a first release below package.json as the caller asked', async () => {
  // package.json says 1.0.0 and no tag exists: without initial_version the first release is 1.0.0; with it, 0.1.0
  // in all three jobs (the changelog and the release would refuse 0.1.0 as lower than package.json without it).
  const first = await createBareRemote();
  const lib = await createRepo({ remote: first, files: { 'package.json': '{"name":"lib","version":"1.0.0"}\n' } });
  await lib.git('commit', '--quiet', '--allow-empty', '-m', 'feat: first feature');
  await lib.git('push', '--quiet', 'origin', 'main');
  const gh = await startGitHubDouble({ owner: 'acme', repo: 'lib', tokens: ['ghs_initialVersion0123'] });
  try {
    const r = await run(
      { initial_version: '0.1.0', include_prs: 'false', dry_run: 'true', changelog_write_file: 'false' },
      async () => true,
      {
        repository: lib.dir,
        token: 'ghs_initialVersion0123',
        github: { repository: 'acme/lib', api_url: gh.url, graphql_url: gh.graphqlUrl, server_url: gh.serverUrl },
      },
    );
    expect(r.log.filter((l) => l.includes('::error'))).toEqual([]);
    for (const id of ['plan', 'changelog', 'release']) expect([id, r.result(id)]).toEqual([id, 'success']);
    const planJob = r.jobs.find((j) => j.id === 'plan');
    const releaseJob = r.jobs.find((j) => j.id === 'release');
    expect(planJob?.outputs?.next_version).toBe('0.1.0');
    expect(releaseJob?.outputs).toMatchObject({ version: '0.1.0', status: 'dry-run' });
    const changelogStep = r.jobs.find((j) => j.id === 'changelog')?.steps.find((st) => st.id === 'changelog');
    expect(changelogStep?.outputs.version).toBe('0.1.0');
    gh.assertNoViolations();
  } finally {
    await gh.close();
    await lib.cleanup();
    await first.cleanup();
  }
}, 240_000);
