/**
 * The plan action, bundled, as the runner runs it, on real git repositories: the effective policy per release
 * type, the next version and the preview, the job summary for approvers, "nothing to release" for a release
 * train with no releasable commits, a bad policy file refused — and no side effect at all (no API request, the
 * repository's files and refs unchanged).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, runAction } from '../support/run-action.js';
import { startVerdaccio } from '../support/services/index.js';
import { filesState, refsState } from '../support/tree-state.js';
import { startTripwire, type Tripwire } from '../support/tripwire.js';
import { expectEnded, expectSucceeded } from '../support/expect-run.js';
import { initTestRepo } from '@release-actions/testkit/services';

let tripwire: Tripwire;
let apiUrl: string;
let requests: string[];
const dirs: string[] = [];

beforeAll(async () => {
  tripwire = await startTripwire();
  ({ url: apiUrl, requests } = tripwire);
});
afterAll(async () => {
  await tripwire.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A repository with a v1.4.2 release and then the given commit subjects. */
function repo(subjects: string[], o: { policy?: string; tags?: string[] } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-plan-'));
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  initTestRepo(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'widget', version: '1.4.2' }));
  if (o.policy !== undefined) {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'release-policy.yml'), o.policy);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'feat: widget');
  git('tag', '-a', 'v1.4.2', '-m', 'v1.4.2');
  for (const s of subjects) git('commit', '-q', '--allow-empty', '-m', s);
  for (const t of o.tags ?? []) git('tag', t);
  return dir;
}

const snapshot = (dir: string) => `${filesState(dir)}\n${refsState(dir)}`;

async function plan(dir: string, inputs: Record<string, string> = {}) {
  const before = snapshot(dir);
  const r = await runAction('plan', { cwd: dir, inputs, apiUrl, graphqlUrl: `${apiUrl}/graphql`, token: 'ghs_plan' });
  expect(snapshot(dir)).toBe(before);
  expect(requests).toEqual([]);
  return r;
}

test('auto with a feat: a minor release under the minor policy, shown to the approvers', async () => {
  const dir = repo(['fix: crash on empty input', 'feat(api): pagination', 'chore: deps']);
  const r = await plan(dir);
  expectSucceeded(r, {
    releasable: 'true',
    type: 'minor',
    version_bump: 'minor',
    previous_version: '1.4.2',
    previous_tag: 'v1.4.2',
    next_version: '1.5.0',
    next_tag: 'v1.5.0',
    commit_count: '3',
    gates: 'load-testing,container-build',
    load_profile: 'peak',
    strategy: 'blue-green',
    monitor_duration: '1h',
    run_smoke_tests: 'true',
    release_environment: 'changelog-review',
    product_environment: '',
    deploy_environment: 'production',
  });
  expect(JSON.parse(r.outputs.environments as string)).toEqual([
    { job: 'release', environment: 'changelog-review' },
    { job: 'deploy', environment: 'production' },
  ]);
  const policy = JSON.parse(r.outputs.policy as string);
  expect(policy).toMatchObject({ kind: 'minor', strategy: 'blue-green', sources: { strategy: 'default' } });
  expect(r.outputs.changelog_preview).toContain('**api:** pagination');
  expect(r.summary).toContain('Release plan: v1.5.0 (minor)');
  expect(r.summary).toContain('| deployment strategy | blue-green | default |');
  expect(r.summary).toContain('**changelog-review** (release job) → **production** (deploy job)');
  expect(r.summary).toContain('```mermaid');
  expect(r.summary).toContain('#### Features');
  expect(r.log).toContain('"monitor_duration": "1h"');
});

test('major: canary 10→50→100, 24h window, product approval before deploy', async () => {
  const dir = repo(['feat!: new config format']);
  const r = await plan(dir, { version_bump: 'auto' });
  expectEnded(r, 0, {
    type: 'major',
    next_version: '2.0.0',
    strategy: 'canary',
    canary_steps: '10,50,100',
    monitor_duration: '24h',
    gates: 'load-testing,performance-profiling,container-build',
    product_environment: 'product-approval',
  });
  expect(r.summary).toContain('10% → 50% → 100%');
  expect(r.summary).toContain('⚠ Breaking changes');
});

test('hotfix: smoke-only, immediate rolling deploy, fast-track environment', async () => {
  const dir = repo(['fix: data loss on save']);
  const r = await plan(dir, { hotfix: 'true', fast_track_environment: 'on-call' });
  expectEnded(r, 0, {
    type: 'hotfix',
    version_bump: 'patch',
    next_version: '1.4.3',
    gates: '',
    run_smoke_tests: 'true',
    strategy: 'rolling',
    step_duration: '0s',
    monitor_duration: '1h',
    release_environment: 'on-call',
  });
  expect(r.summary).toContain('none (smoke tests only)');
});

test('the policy file overrides the defaults and explicit inputs override the file', async () => {
  const policy = [
    'version: 1',
    'types:',
    '  patch:',
    '    strategy: canary',
    '    canary_steps: [25, 100]',
    '    monitor_duration: 2h',
    '    environments:',
    '      release: automated',
    '      deploy: prod-eu',
  ].join('\n');
  const dir = repo(['fix: typo in header'], { policy });
  const r = await plan(dir, { version_bump: 'patch' });
  expectEnded(r, 0, {
    type: 'patch',
    strategy: 'canary',
    canary_steps: '25,100',
    monitor_duration: '2h',
    release_environment: 'automated',
    deploy_environment: 'prod-eu',
  });
  expect(r.summary).toContain('| deployment strategy | canary | policy file |');
  const r2 = await plan(dir, { version_bump: 'patch', deployment_strategy: 'immediate' });
  expect(r2.outputs.strategy).toBe('immediate');
  expect(r2.summary).toContain('| deployment strategy | immediate | input |');
});

test('prerelease: X.Y.Z-rc.N numbered from the existing tags', async () => {
  const dir = repo(['feat: beta feature'], { tags: ['v1.5.0-rc.1', 'v1.5.0-rc.2'] });
  const r = await plan(dir, { release_type: 'prerelease' });
  expect(r.outputs.next_version).toBe('1.5.0-rc.3');
});

test('release train with only chores: nothing to release, quietly (exit 0, no error)', async () => {
  const dir = repo(['chore: bump deps', 'docs: typo', 'ci: cache']);
  const r = await plan(dir, { version_bump: 'auto' });
  expect(r.code).toBe(0);
  expect(r.errors).toEqual([]);
  expect(r.warnings).toEqual([]);
  expect(r.outputs.releasable).toBe('false');
  expect(r.outputs.reason).toContain('no releasable commits since v1.4.2');
  expect(r.outputs.type).toBeUndefined();
  expect(r.summary).toContain('Nothing to release');
  expect(r.log).toContain('Nothing to release');
});

test('no commit since the last release: nothing to release, even for an explicit bump', async () => {
  const dir = repo([]);
  const r = await plan(dir, { version_bump: 'minor' });
  expect(r.code).toBe(0);
  expect(r.outputs.releasable).toBe('false');
  expect(r.outputs.reason).toBe('no commits since v1.4.2');
});

test('a bad policy file is bad input: one error naming the key, nothing else', async () => {
  const dir = repo(['feat: x'], { policy: 'types:\n  minor:\n    strategy: big-bang\n' });
  const r = await plan(dir);
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toContain('"types.minor.strategy"');
  expect(r.errors[0]).toContain('"big-bang"');
  expect(r.errors[0]).toContain('blue-green, canary, rolling, immediate');
  expect(r.annotations[0]?.properties.title).toBe('plan: bad input types.minor.strategy');
  expect(r.outputs).toEqual({});
});

test('a shallow clone is refused: the last release tag could be missing', async () => {
  const src = repo(['feat: a', 'fix: b']);
  const dir = mkdtempSync(join(tmpdir(), 'ra-plan-shallow-'));
  dirs.push(dir);
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${src}`, dir]);
  const r = await plan(dir);
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toContain('fetch-depth: 0');
});

test('hotfix with a major bump is refused', async () => {
  const dir = repo(['fix: x']);
  const r = await plan(dir, { hotfix: 'true', version_bump: 'major' });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining('a hotfix is a patch release')]);
});

// ---- stages run when configured: the README's library call -----------------------------------------------------

/** The README's first snippet's with:, turned into the inputs release.yml's plan step gives the plan action. */
function readmeCallPlanInputs(): Record<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const caller = parse(readme.match(/```yaml\n([\s\S]*?)```/)![1]!) as {
    jobs: Record<string, { uses: string; with?: Record<string, unknown> }>;
  };
  const call = Object.values(caller.jobs).find((j) => /release\.yml@/.test(j.uses))!;
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, { default?: unknown }> } };
    jobs: { plan: { steps: { id?: string; with?: Record<string, unknown> }[] } };
  };
  const declared = workflow.on.workflow_call.inputs;
  const step = workflow.jobs.plan.steps.find((st) => st.id === 'plan')!;
  return Object.fromEntries(
    Object.entries(step.with!).map(([k, v]) => {
      const ref = /^\$\{\{ inputs\.(\w+) \}\}$/.exec(String(v));
      if (!ref) return [k, String(v)];
      const name = ref[1]!;
      return [k, String(call.with?.[name] ?? declared[name]?.default ?? '')];
    }),
  );
}

test("the README's library call passes the preflight: plan → changelog → release, no gates, no deploy", async () => {
  const inputs = readmeCallPlanInputs();
  expect(inputs).toMatchObject({ preflight: 'true', version_url: '', target_url: '', image: '' });
  // publish_registries npm: the plan reads the package's latest; a local Verdaccio stands in for npmjs.org.
  expect(inputs).toMatchObject({ publish_registries: 'npm', npm_registry_url: 'https://registry.npmjs.org/' });
  const npm = await startVerdaccio();
  const dir = repo(['feat(api): pagination', 'fix: crash']);
  const r = await plan(dir, { ...inputs, npm_registry_url: npm.url }).finally(() => npm.stop());
  expect(r.errors).toEqual([]);
  expect(r.stdout).toContain('npm widget: latest (none yet)');
  expectEnded(r, 0, {
    releasable: 'true',
    next_version: '1.5.0',
    gates: '',
    run_quality_gates: 'false',
    run_deploy: 'false',
    product_environment: '',
  });
  expect(JSON.parse(r.outputs.environments as string)).toEqual([{ job: 'release', environment: 'changelog-review' }]);
  expect(r.summary).toContain('| stage | runs? | because |');
  expect(r.summary).toMatch(
    /\| quality gates \| no \| load-testing left out: no service to load: target_url .*container-build left out: no image to build/,
  );
  expect(r.summary).toContain('| changelog | yes |');
  expect(r.summary).toContain('| release | yes |');
  expect(r.summary).toMatch(/\| deploy \| no \| nothing to deploy: no version_url/);
});

const preflightBase = { preflight: 'true', load_shards: '1' };

test('require_quality_gates: true runs every gate of the policy: given their settings they all run; missing ones are refused, named', async () => {
  const dir = repo(['feat: x']);
  const forced = { ...preflightBase, require_quality_gates: 'true' };
  const r = await plan(dir, { ...forced, target_url: 'http://127.0.0.1:9/', image: 'registry.example/acme/widget' });
  expect(r.errors).toEqual([]);
  expect(r.outputs).toMatchObject({ gates: 'load-testing,container-build', run_quality_gates: 'true' });
  expect(r.summary).toMatch(
    /\| quality gates \| yes \| require_quality_gates: true: the minor policy's load-testing, container-build \|/,
  );
  // The same call with nothing configured: auto leaves the gates out; true refuses, naming both inputs, and outputs nothing.
  expect((await plan(dir, preflightBase)).outputs).toMatchObject({ run_quality_gates: 'false' });
  const refused = await plan(dir, forced);
  expect(refused.code).toBe(1);
  expect(refused.errors).toEqual([
    expect.stringMatching(
      /^Input "image" is empty but required: require_quality_gates: true runs the container-build gate/,
    ),
    expect.stringMatching(/^Input "target_url" is empty but required: require_quality_gates: true runs the load gates/),
  ]);
  expect(refused.outputs).toEqual({});
});

test('a configured stage runs: target_url brings the load gates back, a full deploy setting the deploy', async () => {
  const dir = repo(['feat: x']);
  // A full deploy: the version to wait for, the start and the route commands.
  const deploy = {
    version_url: 'http://127.0.0.1:9/version',
    deploy_start_command: './start.sh',
    router: 'command',
    router_command: './route.sh',
  };
  const r = await plan(dir, { ...preflightBase, target_url: 'http://127.0.0.1:9/', ...deploy });
  expect(r.errors).toEqual([]);
  expect(r.outputs).toMatchObject({ gates: 'load-testing', run_quality_gates: 'true', run_deploy: 'true' });
  expect(r.summary).toMatch(
    /\| quality gates \| yes \| the minor policy's load-testing \(container-build left out: no image/,
  );
  expect(r.summary).toMatch(/\| deploy \| yes \| deploy settings given: blue-green/);
});

test('a stage configured but incomplete is refused up front, naming the input', async () => {
  const dir = repo(['feat: x']);
  const r = await plan(dir, { ...preflightBase, deploy_start_command: './start.sh' });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining('"version_url"')]);
  expect(r.outputs).toEqual({});
  const k6 = await plan(dir, { ...preflightBase, load_engine: 'k6' });
  expect(k6.code).toBe(1);
  expect(k6.errors).toEqual([expect.stringContaining('"k6_script"')]);
});

test('require_deploy with no deploy settings is refused, naming what is missing', async () => {
  const dir = repo(['feat: x']);
  const r = await plan(dir, { ...preflightBase, require_deploy: 'true' });
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(2);
  expect(r.errors[0]).toContain('"version_url"');
  expect(r.errors[1]).toContain('"deploy_start_command"');
  expect(r.outputs).toEqual({});
});
