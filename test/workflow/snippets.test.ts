/**
 * Every documented call of the reusable workflow (README, docs/*.md, examples/*.yml) goes through the executor's
 * dry run: it resolves to this release.yml, its with: and secrets: are inputs and secrets release.yml declares,
 * and the job graph evaluates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWorkflow } from '@release-actions/workflow';
import { ROOT, scratch, type Scratch } from './helpers.js';

const snippets: [string, string][] = [];
for (const f of ['README.md', ...readdirSync(join(ROOT, 'docs')).map((d) => `docs/${d}`)].filter((f) =>
  f.endsWith('.md'),
)) {
  const text = readFileSync(join(ROOT, f), 'utf8');
  for (const [i, m] of [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].entries()) {
    if (/^jobs:/m.test(m[1]!) && /release\.yml@/.test(m[1]!)) snippets.push([`${f} #${i + 1}`, m[1]!]);
  }
}
for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'))) {
  const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
  if (/release\.yml@/.test(text)) snippets.push([`examples/${f}`, text]);
}

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
