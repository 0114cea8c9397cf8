/**
 * The real release.yml, run (not dry-run) on a scratch repository: the plan job runs the committed plan action
 * after the checkout stand-in, and its real outputs decide the rest. Two paths that end before anything is
 * published: nothing to release, and the README's library call (plan, changelog, then the release's review declined).
 */
import { join } from 'node:path';
import { runWorkflow, type ExecutorOptions } from '@release-actions/workflow';
import { createBareRemote, createRepo, gitEnv, type BareRemote, type Repo } from '../support/services/index.js';
import { ROOT, scratch, type Scratch } from './helpers.js';

let s: Scratch;
let remote: BareRemote;
let repo: Repo;
beforeAll(async () => {
  s = scratch();
  remote = await createBareRemote();
  repo = await createRepo({ remote, files: { 'package.json': '{"name":"widget","version":"1.0.0"}\n' } });
  await repo.git('tag', 'v1.0.0');
  await repo.git('commit', '--quiet', '--allow-empty', '-m', 'chore: tidy');
  await repo.git('push', '--quiet', 'origin', 'main', 'v1.0.0');
});
afterAll(async () => {
  await repo?.cleanup();
  await remote?.cleanup();
  s?.cleanup();
});

async function run(inputs: Record<string, string>, approve?: ExecutorOptions['approve']) {
  const log: string[] = [];
  const r = await runWorkflow({
    workflow: join(ROOT, '.github/workflows/release.yml'),
    packageRoot: ROOT,
    repository: repo.dir,
    runDir: join(s.dir, `run-${Object.values(inputs).join('-')}`),
    inputs,
    secrets: { GITHUB_TOKEN: 'local-token' },
    env: gitEnv(),
    log: (l) => log.push(l),
    ...(approve ? { approve } : {}),
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
  const r = await run({ version_bump: 'minor', publish_registries: 'npm', include_prs: 'false' }, async (a) => {
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
