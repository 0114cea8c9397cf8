/**
 * The real reusable workflow, dry-run (no step runs) and mutated. Kept few and about what stays true while
 * release.yml changes: which jobs exist, that the plan decides whether anything after it runs, that the
 * deploy jobs' `if:` decides on the release's status, and that a broken copy is refused saying where.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { runWorkflow, type ExecutorOptions } from '@release-actions/workflow';
import { ROOT, scratch, type Scratch } from './helpers.js';
import { writeDispatchWorkflow } from '../support/workflow-yaml.js';

const RELEASE_YML = join(ROOT, '.github/workflows/release.yml');
let s: Scratch;
beforeAll(() => {
  s = scratch();
});
afterAll(() => s.cleanup());

const dry = (o: Partial<ExecutorOptions> = {}, workflow = RELEASE_YML) =>
  runWorkflow({
    workflow,
    packageRoot: ROOT,
    repository: ROOT,
    dryRun: true,
    secrets: { GITHUB_TOKEN: 't0ken' },
    ...o,
  });
const decisions = async (o: Partial<ExecutorOptions>) =>
  Object.fromEntries((await dry(o)).jobs.map((j) => [j.id, j.decision]));

/** What the plan job of a releasable minor release of a service says (names it does not declare are ignored). */
const releasable = {
  plan: {
    releasable: 'true',
    release_mode: 'direct',
    run_quality_gates: 'true',
    run_deploy: 'true',
    load_shards: '[]',
    product_environment: '',
    release_environment: 'changelog-review',
    deploy_environment: 'production',
  },
};

describe('dry run of release.yml', () => {
  test('version_bump minor with only a token: the plan runs, and what follows waits on what it finds', async () => {
    const r = await dry({ inputs: { version_bump: 'minor' } });
    const ids = r.jobs.map((j) => j.id);
    expect(ids).toEqual(
      expect.arrayContaining(['plan', 'quality-gates', 'changelog', 'release', 'deploy', 'rollback']),
    );
    expect(r.jobs.find((j) => j.id === 'plan')!.decision).toBe('run');
    for (const j of r.jobs.filter((x) => x.id !== 'plan')) {
      expect([j.id, j.decision]).toEqual([j.id, 'depends']);
      expect(j.reason).toMatch(/decided by .*needs\./);
    }
  });

  test('a released minor release: the release and the deploy wait for their reviewers, the rollback depends on the deploy', async () => {
    const r = await dry({
      inputs: { version_bump: 'minor' },
      assume: { ...releasable, release: { status: 'released' } },
    });
    expect(Object.fromEntries(r.jobs.map((j) => [j.id, j.decision]))).toMatchObject({
      plan: 'run',
      release: 'wait-for-approval',
      deploy: 'wait-for-approval',
      rollback: 'depends',
    });
    // Whether the deploy started (approved) and failed or rolled itself back is known only once it ran.
    expect(r.jobs.find((j) => j.id === 'rollback')!.reason).toMatch(/decided by .*needs\.deploy\.outputs\.started/);
  });

  test('dry_run: true — the release reports dry-run, so nothing is deployed or rolled back', async () => {
    const r = await dry({
      inputs: { version_bump: 'minor', dry_run: 'true' },
      assume: { ...releasable, release: { status: 'dry-run' } },
    });
    const d = Object.fromEntries(r.jobs.map((j) => [j.id, j]));
    expect(d.release!.decision).toBe('wait-for-approval');
    for (const id of ['product-approval', 'deploy', 'rollback']) {
      expect([id, d[id]!.decision]).toEqual([id, 'skip']);
      expect(d[id]!.reason).toMatch(/^if: .*is false$/s);
    }
  });

  test('release_mode pull-request: release-pr runs instead of release; the deploy follows only the merge', async () => {
    const pr = { plan: { ...releasable.plan, release_mode: 'pull-request' } };
    // A push that opens or updates the release PR: nothing released, so nothing deployed.
    const r = await dry({
      inputs: { version_bump: 'minor', release_mode: 'pull-request' },
      assume: { ...pr, 'release-pr': { status: 'pull-request' } },
    });
    const d = Object.fromEntries(r.jobs.map((j) => [j.id, j]));
    expect(d.release!.decision).toBe('skip');
    expect(d['release-pr']!.decision).toBe('run');
    for (const id of ['product-approval', 'deploy', 'rollback']) expect([id, d[id]!.decision]).toEqual([id, 'skip']);
    // The push of the merge commit: released, so the deploy waits for its reviewers.
    const merged = await decisions({
      inputs: { version_bump: 'minor', release_mode: 'pull-request' },
      assume: { ...pr, 'release-pr': { status: 'released' } },
    });
    expect(merged).toMatchObject({
      release: 'skip',
      'release-pr': 'run',
      deploy: 'wait-for-approval',
      // Whether the deploy started and failed or rolled itself back is known only once it ran.
      rollback: 'depends',
    });
  });

  test('nothing to release: every job after the plan is skipped', async () => {
    const d = await decisions({ assume: { plan: { ...releasable.plan, releasable: 'false' } } });
    expect(Object.entries(d).filter(([id, v]) => id !== 'plan' && v !== 'skip')).toEqual([]);
  });

  test('a caller workflow of the README kind resolves to this release.yml', async () => {
    const caller = writeDispatchWorkflow(
      s,
      'caller.yml',
      `
  release:
    uses: acme/release-actions/.github/workflows/release.yml@v1
    with: { version_bump: minor }
    secrets:
      npm_token: \${{ secrets.NPM_TOKEN }}
`,
    );
    const r = await dry({ assume: { 'release/plan': releasable.plan } }, caller);
    expect(r.jobs.map((j) => j.id)).toEqual(expect.arrayContaining(['release', 'release/plan', 'release/release']));
    expect(r.jobs.find((j) => j.id === 'release/release')!.decision).toBe('wait-for-approval');
  });
});

// ---- mutation check: five ways to break release.yml, each refused with the job and key ------------------------

type Jobs = YAMLMap<string, YAMLMap>;
const text = readFileSync(RELEASE_YML, 'utf8');
const jobsOf = (doc: ReturnType<typeof parseDocument>) => doc.get('jobs') as Jobs;
const str = (v: unknown) => (isScalar(v) ? String(v.value) : String(v ?? ''));

/** Writes a mutated copy; `mutate` returns what the error must say. */
function mutant(name: string, mutate: (jobs: Jobs) => RegExp): { file: string; expected: RegExp } {
  const doc = parseDocument(text);
  const expected = mutate(jobsOf(doc));
  return { file: s.write(`mutants/${name}.yml`, doc.toString({ lineWidth: 0 })), expected };
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('mutation check: a broken copy of release.yml fails and says where', () => {
  const mustRun = { mustRun: ['release'], assume: { ...releasable, release: { status: 'released' } } };

  test("a job's if: (the release asks for a failed changelog)", async () => {
    const m = mutant('if', (jobs) => {
      (jobs.get('release') as YAMLMap).set('if', "!cancelled() && needs.changelog.result == 'failure'");
      return /job release: must run, but is skipped: if: .*needs\.changelog\.result == 'failure'.* is false/;
    });
    await expect(dry(mustRun, m.file)).rejects.toThrow(m.expected);
    await expect(dry(mustRun)).resolves.toBeDefined(); // the original passes the same check
  });

  test("an output's name in outputs:", async () => {
    const m = mutant('output', (jobs) => {
      // The first job output another job reads, renamed where it is declared.
      for (const pair of jobs.items) {
        const id = str(pair.key);
        const outputs = pair.value?.get('outputs') as YAMLMap | undefined;
        for (const o of outputs?.items ?? []) {
          const out = str(o.key);
          if (!text.includes(`needs.${id}.outputs.${out}`)) continue;
          o.key = `${out}_renamed` as never;
          return new RegExp(
            `job [\\w-]+: [^\\n]*needs\\.${escape(id)}\\.outputs\\.${out}: job ${escape(id)} has no output ${out}`,
          );
        }
      }
      throw new Error('no job output is read by another job');
    });
    await expect(dry({}, m.file)).rejects.toThrow(m.expected);
  });

  test('a needs: entry', async () => {
    const m = mutant('needs', (jobs) => {
      const release = jobs.get('release') as YAMLMap;
      const needs = release.get('needs');
      const list = isSeq(needs) ? needs.items.map(str) : [str(needs)];
      const dropped =
        list.find((n) => n !== 'plan' && str(release.get('if')).includes(`needs.${n}.`)) ?? list[list.length - 1]!;
      release.set(
        'needs',
        list.filter((n) => n !== dropped),
      );
      return new RegExp(
        `job release: [\\w.\\[\\]() -]+: needs\\.${escape(dropped)}[\\w.]*: ${escape(dropped)} is not in this job's needs`,
      );
    });
    await expect(dry({}, m.file)).rejects.toThrow(m.expected);
  });

  test('a with: key', async () => {
    const m = mutant('with', (jobs) => {
      for (const pair of jobs.items) {
        const steps = pair.value?.get('steps');
        for (const [i, step] of (isSeq(steps) ? steps.items : []).entries()) {
          if (!isMap(step) || !/release-actions\/actions\//.test(str(step.get('uses')))) continue;
          const withs = step.get('with') as YAMLMap | undefined;
          const first = withs?.items[0];
          if (!first) continue;
          const key = str(first.key);
          first.key = `${key}_misspelt` as never;
          return new RegExp(
            `job ${escape(str(pair.key))}: steps\\[${i}\\][^:]*\\.with\\.${key}_misspelt: not an input of`,
          );
        }
      }
      throw new Error('no step of this repository with a with:');
    });
    await expect(dry({}, m.file)).rejects.toThrow(m.expected);
  });

  test("a step's id", async () => {
    const m = mutant('id', (jobs) => {
      // The id of a step whose outputs the job hands on.
      for (const pair of jobs.items) {
        const outputs = pair.value?.get('outputs') as YAMLMap | undefined;
        const steps = pair.value?.get('steps');
        for (const step of isSeq(steps) ? steps.items : []) {
          if (!isMap(step) || !step.get('id')) continue;
          const id = str(step.get('id'));
          const reader = outputs?.items.find((o) => str(o.value).includes(`steps.${id}.`));
          if (!reader) continue;
          step.set('id', `${id}_renamed`);
          return new RegExp(
            `job ${escape(str(pair.key))}: outputs\\.${escape(str(reader.key))}: steps\\.${escape(id)}[\\w.]*: no step with id ${escape(id)}`,
          );
        }
      }
      throw new Error('no job output reads a step id');
    });
    await expect(dry({}, m.file)).rejects.toThrow(m.expected);
  });
});
