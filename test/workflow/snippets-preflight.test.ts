/**
 * Every documented snippet works as written (issue 13, item 2). Each YAML block of README.md, docs/*.md and
 * actions/*\/README.md, and each examples/*.yml, is one of:
 *
 * - a call of the reusable workflow: the caller runs through the executor with only its `<job>/plan` job selected,
 *   so the real plan action runs, after the checkout stand-in, on a repository with something to release, with the
 *   inputs release.yml's plan step derives from the snippet's `with:`: the whole preflight (policy, gates, deploy
 *   settings, the deadline of the monitoring window), as on GitHub;
 * - steps using this repository's actions: each step's `with:` is parsed by the action's own schema, and its
 *   cross-input checks (`refine`) run over it, as runStage does before any side effect (a value that is an
 *   expression is not known here and is left to the runner);
 * - a `with:` fragment in an action's README (a mapping of that action's inputs): each value is parsed by the schema;
 * - a policy file (`types:`) or a load profiles file (`profiles:`): read by the loader the actions use;
 * - anything else (a permissions block, a job of other actions) is listed as not checked, by name, below.
 *
 * A snippet meant to be refused says so in a comment line, `# refused on purpose: <input>, …`, and must then be
 * refused naming exactly those inputs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseInputs, type ActionDefinition } from '@release-actions/shared/action';
import { readProfilesFile } from '@release-actions/shared/gates';
import { parsePolicyFile } from '@release-actions/shared/policy';
import { runWorkflow } from '@release-actions/workflow';
import { action as changelog } from '../../actions/changelog/src/inputs.js';
import { action as deploy } from '../../actions/deploy/src/inputs.js';
import { action as plan } from '../../actions/plan/src/inputs.js';
import { action as qualityGates } from '../../actions/quality-gates/src/inputs.js';
import { action as release } from '../../actions/release/src/inputs.js';
import { action as rollback } from '../../actions/rollback/src/inputs.js';
import { createRemoteRepo, type RemoteRepo } from '../support/remote-repo.js';
import { commit, gitEnv } from '../support/services/index.js';
import { callsReleaseYml, documentedSnippets, refusedOnPurpose, ROOT, scratch } from './helpers.js';

const ACTIONS: Record<string, ActionDefinition> = {
  changelog,
  deploy,
  plan,
  'quality-gates': qualityGates,
  release,
  rollback,
} as Record<string, ActionDefinition>;
const OWN_ACTION = /^[\w.-]+\/release-actions\/actions\/([\w-]+)@/;

type Kind =
  'invalid YAML' | 'workflow call' | 'action steps' | 'with fragment' | 'policy file' | 'profiles file' | 'not checked';

interface Classified {
  name: string;
  yaml: string;
  kind: Kind;
  refused?: string[];
  /** For a `with:` fragment: the action whose README holds it. */
  action?: string;
  /** For invalid YAML: the parser's message. */
  error?: string;
}

function stepsOf(doc: unknown): { uses: string; with: Record<string, unknown> }[] {
  const out: { uses: string; with: Record<string, unknown> }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.uses === 'string' && OWN_ACTION.test(o.uses))
        out.push({ uses: o.uses, with: (o.with ?? {}) as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  walk(doc);
  return out;
}

function classify(s: { name: string; file: string; yaml: string }): Classified {
  const refused = refusedOnPurpose(s.yaml);
  const base = { name: s.name, yaml: s.yaml, refused };
  let doc: unknown;
  try {
    doc = parseYaml(s.yaml);
  } catch (e) {
    return { ...base, kind: 'invalid YAML', error: (e as Error).message.split('\n')[0] };
  }
  if (callsReleaseYml(s.yaml)) return { ...base, kind: 'workflow call' };
  if (stepsOf(doc).length) return { ...base, kind: 'action steps' };
  const keys = doc && typeof doc === 'object' && !Array.isArray(doc) ? Object.keys(doc) : [];
  const readmeOf = /^actions\/([\w-]+)\/README\.md/.exec(s.file)?.[1];
  if (readmeOf && keys.length && keys.some((k) => k in ACTIONS[readmeOf]!.inputs))
    return { ...base, kind: 'with fragment', action: readmeOf };
  if (keys.includes('types')) return { ...base, kind: 'policy file' };
  if (keys.includes('profiles')) return { ...base, kind: 'profiles file' };
  return { ...base, kind: 'not checked' };
}

const all = documentedSnippets().map(classify);
const of = (kind: Kind) => all.filter((c) => c.kind === kind).map((c) => [c.name, c] as const);

/** One problem per input, as runStage prints them: `<input>: <message>`. */
async function checkInputs(def: ActionDefinition, withs: Record<string, unknown>, refine: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const k of Object.keys(withs))
    if (!(k in def.inputs))
      problems.push(`${k}: not an input of ${def.id} (inputs: ${Object.keys(def.inputs).join(', ')})`);
  // An expression is the runner's to evaluate: unknown here, so its input is neither checked nor held against
  // the others.
  const literal = (k: string) => k in withs && !String(withs[k]).includes('${{');
  const unknown = Object.keys(def.inputs).filter(
    (k) => (k in withs && !literal(k)) || (!(k in withs) && def.inputs[k]!.default?.startsWith('${{')),
  );
  const r = await parseInputs(
    def.inputs,
    (name) => (literal(name) ? String(withs[name]) : ''),
    refine ? (v) => def.refine?.(v) ?? [] : undefined,
  );
  if (!r.ok)
    for (const p of r.problems)
      if (!unknown.includes(p.input) && (refine || literal(p.input))) problems.push(`${p.input}: ${p.message}`);
  return problems;
}

const namedInputs = (problems: string[]) => [...new Set(problems.map((p) => p.split(':')[0]!))].sort();

const s = scratch();
let origin: RemoteRepo;
// For the snippets with versioning: independent: a workspace whose package has a feat since its own tag.
let monoOrigin: RemoteRepo;
beforeAll(async () => {
  // Something to release (a feat since v1.0.0), so the plan's preflight runs in full. A private package: with
  // publish_registries npm the plan reads a public package's latest from npm_registry_url (registry.npmjs.org as
  // the snippets leave it), and nothing may leave this machine (test/e2e/plan.test.ts reads it from Verdaccio).
  origin = await createRemoteRepo({
    files: { 'package.json': '{"name":"widget","version":"1.0.0","private":true,"scripts":{"test":"node -e 0"}}\n' },
  });
  await origin.repo.git('tag', 'v1.0.0');
  await origin.repo.git('commit', '--quiet', '--allow-empty', '-m', 'feat: a feature');
  await origin.repo.git('push', '--quiet', 'origin', 'main', 'v1.0.0');
  monoOrigin = await createRemoteRepo({
    files: {
      'package.json': '{"name":"mono","private":true,"workspaces":["packages/*"],"scripts":{"test":"node -e 0"}}\n',
      'packages/a/package.json': '{"name":"a","version":"1.0.0","private":true}\n',
    },
  });
  await monoOrigin.repo.git('tag', '-a', 'a@1.0.0', '-m', 'a@1.0.0');
  await commit(monoOrigin.repo, 'feat: a feature of a', { 'packages/a/index.js': '1\n' });
  await monoOrigin.repo.git('push', '--quiet', '--follow-tags', 'origin', 'main');
});
afterAll(async () => {
  await origin?.cleanup();
  await monoOrigin?.cleanup();
  s.cleanup();
});

test('the documents hold snippets of every kind checked, and the unchecked ones are only these', () => {
  const kinds = new Set(all.map((c) => c.kind));
  for (const k of ['workflow call', 'action steps', 'with fragment', 'policy file', 'profiles file'] as const)
    expect([k, kinds.has(k)]).toEqual([k, true]);
  expect(of('workflow call').map(([n]) => n)).toEqual(
    expect.arrayContaining(['README.md #1', 'docs/workflow.md #2', 'examples/release-on-demand.yml']),
  );
  // A new snippet that is none of the kinds above must be looked at: add it here with why it is not checked.
  expect(of('not checked').map(([n]) => n)).toEqual([
    'docs/approvals.md #1', // the caller's permissions block, no step
    'docs/dashboard.md #1', // a Pages job of GitHub's actions; its CLI command is tested in test/cli
  ]);
});

test('every snippet is YAML GitHub can read', () => {
  expect(of('invalid YAML').map(([n, c]) => `${n}: ${c.error}`)).toEqual([]);
});

/** Runs the caller's `<job>/plan` for real; passes, or is refused naming exactly the inputs its marker names. */
async function checkCall(name: string, c: Pick<Classified, 'yaml' | 'refused'>): Promise<void> {
  const yaml = /^on:/m.test(c.yaml) ? c.yaml : `on: workflow_dispatch\n${c.yaml}`;
  const callers = Object.entries((parseYaml(yaml) as { jobs: Record<string, { uses?: string }> }).jobs)
    .filter(([, j]) => /release\.yml@/.test(j.uses ?? ''))
    .map(([id]) => id);
  expect(callers.length).toBeGreaterThan(0);
  const log: string[] = [];
  const r = await runWorkflow({
    workflow: s.write(`${name.replace(/[^\w.-]+/g, '_')}.yml`, yaml),
    packageRoot: ROOT,
    repository: /versioning: independent/.test(yaml) ? monoOrigin.repo.dir : origin.repo.dir,
    runDir: join(s.dir, `run-${name.replace(/[^\w.-]+/g, '_')}`),
    jobs: callers.map((id) => `${id}/plan`),
    secrets: { GITHUB_TOKEN: 'local-token' },
    env: gitEnv(),
    log: (l) => log.push(l),
  });
  const errors = log.filter((l) => l.includes('::error'));
  for (const id of callers) {
    const planJob = r.jobs.find((j) => j.id === `${id}/plan`)!;
    if (c.refused) {
      expect(planJob.result).toBe('failure');
      expect(namedInputs(errors.map((e) => /bad input (\w+)/.exec(e)?.[1] ?? e))).toEqual([...c.refused].sort());
    } else {
      expect({ job: planJob.id, result: planJob.result, errors }).toEqual({
        job: planJob.id,
        result: 'success',
        errors: [],
      });
      expect(planJob.outputs.releasable).toBe('true');
      // Nothing after the plan ran: only the preflight was asked for.
      for (const j of r.jobs.filter((j) => j.id.startsWith(`${id}/`) && j.id !== `${id}/plan`))
        expect([j.id, j.result]).toEqual([j.id, 'skipped']);
    }
  }
}

test.each(of('workflow call'))(
  '%s: the real plan, with the inputs release.yml derives from it, passes its whole preflight',
  (name, c) => checkCall(name, c),
);

test.each(of('action steps'))("%s: each step's with: passes its action's input checks", async (_name, c) => {
  const problems: string[] = [];
  for (const step of stepsOf(parseYaml(c.yaml))) {
    const id = OWN_ACTION.exec(step.uses)![1]!;
    const def = ACTIONS[id];
    if (!def) problems.push(`uses: ${step.uses}: no action ${id}`);
    else problems.push(...(await checkInputs(def, step.with, true)).map((p) => `${id}: ${p}`));
  }
  if (c.refused) expect(namedInputs(problems.map((p) => p.split(': ')[1]!))).toEqual([...c.refused].sort());
  else expect(problems).toEqual([]);
});

test.each(of('with fragment'))("%s: every value parses by its action's schema", async (_name, c) => {
  const withs = parseYaml(c.yaml) as Record<string, unknown>;
  expect(await checkInputs(ACTIONS[c.action!]!, withs, false)).toEqual([]);
});

test.each(of('policy file'))('%s: the policy loader reads it', (name, c) => {
  expect(() => parsePolicyFile(c.yaml, name)).not.toThrow();
});

test.each(of('profiles file'))('%s: the load profiles reader reads it', (_name, c) => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-profiles-'));
  try {
    writeFileSync(join(dir, 'load-profiles.yml'), c.yaml);
    expect(Object.keys(readProfilesFile(join(dir, 'load-profiles.yml'), false)).length).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the checks can fail: a with: key release.yml lacks, a bad value, a snippet refused by the plan', async () => {
  expect(await checkInputs(release, { release_mode: 'sideways', bogus: '1' }, true)).toEqual([
    expect.stringMatching(/^bogus: not an input of release/),
    expect.stringMatching(/^release_mode: Input "release_mode" has an invalid value/),
  ]);
  const refused =
    'on: workflow_dispatch\njobs:\n  release:\n    # refused on purpose: deploy_start_command\n    uses: org/release-actions/.github/workflows/release.yml@v1\n    with: { version_bump: minor, version_url: https://example.test/version }\n';
  expect(refusedOnPurpose(refused)).toEqual(['deploy_start_command']);
  // Marked: refused naming the input, as the marker says. Unmarked, or marked with another input: the check fails.
  await checkCall('refused', { yaml: refused, refused: refusedOnPurpose(refused) });
  await expect(checkCall('refused-unmarked', { yaml: refused })).rejects.toThrow(/deploy_start_command/);
  await expect(checkCall('refused-wrong', { yaml: refused, refused: ['router'] })).rejects.toThrow();
});
