/** `release-actions workflow run` through the CLI's main(), with the terminal and the approval prompt held by the test. */
import { main, type CliIo } from '../../cli/src/cli.js';
import { workflowCommand } from '../../cli/src/workflow.js';
import { ROOT, scratch, type Scratch } from './helpers.js';
import { writeDispatchWorkflow } from '../support/workflow-yaml.js';

let s: Scratch;
beforeAll(() => {
  s = scratch();
});
afterAll(() => s.cleanup());

function io(cwd = ROOT): CliIo & { stdout: string; stderr: string } {
  const o = {
    cwd,
    env: { ...process.env, GITHUB_TOKEN: 'from-env' },
    stdout: '',
    stderr: '',
    out: (t: string) => void (o.stdout += t),
    err: (t: string) => void (o.stderr += t),
  };
  return o;
}

test('--dry-run of release.yml prints the table of decisions and exits 0', async () => {
  const t = io();
  const code = await main(
    ['workflow', 'run', '--dry-run', '--input', 'version_bump=minor', '--assume', 'plan.releasable=false'],
    t,
  );
  expect(code).toBe(0);
  expect(t.stdout).toMatch(/^job +decision +why$/m);
  expect(t.stdout).toMatch(/^plan +run +/m);
  expect(t.stdout).toMatch(/^release +skip +if: .* is false$/m);
  expect(t.stdout).toMatch(/no step ran/);
});

test('--dry-run of release_mode pull-request: the push that opens the release PR deploys nothing; its merge deploys', async () => {
  const base = ['workflow', 'run', '--dry-run', '--input', 'release_mode=pull-request'];
  const plan = ['plan.releasable=true', 'plan.release_mode=pull-request', 'plan.run_quality_gates=false'];
  const assume = (more: string[]) =>
    [
      ...plan,
      'plan.run_deploy=true',
      'plan.deploy_environment=production',
      'plan.product_environment=',
      'plan.load_shards=[]',
      ...more,
    ].flatMap((a) => ['--assume', a]);
  const open = io();
  expect(await main([...base, ...assume(['release-pr.status=pull-request'])], open)).toBe(0);
  expect(open.stdout).toMatch(/^release +skip +if: .* is false$/m);
  expect(open.stdout).toMatch(/^release-pr +run +if: .* is true$/m);
  expect(open.stdout).toMatch(/^deploy +skip +/m);
  expect(open.stdout).toMatch(/release_status: pull-request/);
  const merged = io();
  expect(await main([...base, ...assume(['release-pr.status=released'])], merged)).toBe(0);
  expect(merged.stdout).toMatch(/^release-pr +run +/m);
  expect(merged.stdout).toMatch(/^deploy +wait-for-approval +/m);
});

test('usage errors exit 2; a workflow that cannot run exits 1 naming the job and key', async () => {
  const t = io();
  expect(await main(['workflow', 'run', '--input', 'novalue'], t)).toBe(2);
  expect(t.stderr).toMatch(/--input takes name=value/);
  expect(await main(['workflow', 'run', '--approve', 'some'], t)).toBe(2);
  const bad = s.write(
    'bad.yml',
    'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: someone/else@v1\n',
  );
  expect(await main(['workflow', 'run', '--workflow', bad, '--dry-run'], t)).toBe(1);
  expect(t.stderr).toMatch(/job j: steps\[0\]\.uses: uses: someone\/else@v1 is not supported by the local executor/);
});

test('an environment asks on the terminal (or --approve all names the reviewers); the answer decides', async () => {
  const wf = writeDispatchWorkflow(
    s,
    'env.yml',
    `
  ship:
    runs-on: ubuntu-latest
    environment: production
    steps: [{ run: echo shipped }]
`,
  );
  const questions: string[] = [];
  const no = io(s.dir);
  expect(
    await workflowCommand(
      ['run', '--workflow', wf, '--reviewers', 'production=lead,cto'],
      no,
      async (q) => (questions.push(q), 'n'),
    ),
  ).toBe(1);
  expect(questions).toEqual(['job ship waits for environment production; reviewers: lead, cto. Approve? [y/N] ']);
  expect(no.stdout).toMatch(/environment production rejected for job ship/);

  const all = io(s.dir);
  expect(
    await workflowCommand(
      ['run', '--workflow', wf, '--approve', 'all', '--reviewers', 'production=lead'],
      all,
      async () => 'n',
    ),
  ).toBe(0);
  expect(all.stdout).toMatch(/job ship waits for environment production; asked: lead; approved \(--approve all\)/);
  expect(all.stdout).toMatch(/\[ship\] shipped/);
});

test('--job runs only that job (and the caller it sits in); the others are skipped as not selected', async () => {
  const wf = writeDispatchWorkflow(
    s,
    'two.yml',
    `
  first:
    runs-on: ubuntu-latest
    steps: [{ run: echo first ran }]
  second:
    needs: first
    runs-on: ubuntu-latest
    steps: [{ run: echo second ran }]
`,
  );
  const t = io(s.dir);
  expect(await workflowCommand(['run', '--workflow', wf, '--job', 'first', '--run-dir', `${s.dir}/run-job`], t)).toBe(
    0,
  );
  expect(t.stdout).toMatch(/\[first\] first ran/);
  expect(t.stdout).not.toMatch(/second ran/);
  expect(t.stdout).toMatch(/^second +skipped +not selected \(only first\)$/m);
});
