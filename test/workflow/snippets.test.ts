/**
 * Every documented call of the reusable workflow (README, docs/*.md, examples/*.yml) goes through the executor's
 * dry run: it resolves to this release.yml, its with: and secrets: are inputs and secrets release.yml declares,
 * and the job graph evaluates.
 */
import { runWorkflow } from '@release-actions/workflow';
import { callsReleaseYml, documentedSnippets, ROOT, scratch, type Scratch } from './helpers.js';

const snippets: [string, string][] = documentedSnippets()
  .filter((s) => !s.file.startsWith('actions/') && callsReleaseYml(s.yaml))
  .map((s) => [s.name, s.yaml]);

let s: Scratch;
beforeAll(() => {
  s = scratch();
});
afterAll(() => s.cleanup());

test('there are documented calls to check', () => {
  expect(snippets.map(([name]) => name)).toEqual(
    expect.arrayContaining(['README.md #1', 'examples/release-on-demand.yml']),
  );
});

test.each(snippets)('%s: a dry run resolves it to release.yml and evaluates the graph', async (name, yaml) => {
  const file = s.write(
    `${name.replace(/[^\w.-]+/g, '_')}.yml`,
    /^on:/m.test(yaml) ? yaml : `on: workflow_dispatch\n${yaml}`,
  );
  const r = await runWorkflow({ workflow: file, packageRoot: ROOT, repository: ROOT, dryRun: true });
  const callers = r.jobs.filter((j) => r.jobs.some((k) => k.id.startsWith(`${j.id}/`)));
  expect(callers.length).toBeGreaterThan(0);
  for (const c of callers)
    expect(r.jobs.map((j) => j.id)).toEqual(expect.arrayContaining([`${c.id}/plan`, `${c.id}/release`]));
});

test('README.md #1, the library call: plan → changelog → release would run; the gates and the deploy are skipped', async () => {
  const [, yaml] = snippets.find(([name]) => name === 'README.md #1')!;
  const file = s.write('readme-library-call.yml', yaml);
  // What the real plan outputs for this call (test/e2e/plan.test.ts runs the plan action with its inputs).
  const plan = {
    releasable: 'true',
    release_mode: 'direct',
    run_quality_gates: 'false',
    run_deploy: 'false',
    gates: '',
    load_shards: '[]',
    release_environment: 'changelog-review',
    product_environment: '',
  };
  const r = await runWorkflow({
    workflow: file,
    packageRoot: ROOT,
    repository: ROOT,
    dryRun: true,
    assume: { 'release/plan': plan, 'release/release': { status: 'released' } },
    mustRun: ['release/plan', 'release/changelog', 'release/release'],
  });
  const d = Object.fromEntries(r.jobs.map((j) => [j.id, j.decision]));
  expect(d).toMatchObject({
    'release/plan': 'run',
    'release/quality-gates': 'skip',
    'release/changelog': 'run',
    'release/release': 'wait-for-approval',
    'release/product-approval': 'skip',
    'release/deploy': 'skip',
    'release/rollback': 'skip',
  });
});
