/**
 * Bad input, through the bundled actions as the runner runs them: each case gives one bad input and expects
 * exit code 1, exactly one ::error:: naming the input, the value received and what is accepted — and no side
 * effect: no request to the GitHub API or a registry, the workspace, its git refs and its remote unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/run-action.js';
import { filesState } from '../support/tree-state.js';
import { startTripwire, type Tripwire } from '../support/tripwire.js';

/** A deploy with the default strategy (blue-green): it needs a router besides. */
const BLUE_GREEN = { version: '1.2.3', start_command: 'true', version_url: 'http://127.0.0.1:9/version' };
/** A deploy that passes every cross-input check (immediate: no router needed). */
const DEPLOY_OK = { ...BLUE_GREEN, deployment_strategy: 'immediate' };
/** A canary deploy through a router command, which passes every check but its steps'. */
const CANARY = { ...DEPLOY_OK, router: 'command', router_command: 'true', deployment_strategy: 'canary' };
/** A quality-gates run against a target (never reached: the run is refused before). */
const GATES_OK = { target_url: 'http://127.0.0.1:9/' };
/** A quality-gates run that records earlier results instead of running load (the bad input replaces one of them). */
const RECORD = { record_results: 'package.json', status_branch: 'release-status', version: '1.1.0' };
/** A rollback that reverts the docker tag as well. */
const ROLLBACK_DOCKER = { start_command: 'true', docker_tag_revert: 'true' };

/** A plan preflight (the bad-input repository has a releasable fix: the patch policy, load gates) that passes. */
const PLAN_PREFLIGHT = {
  preflight: 'true',
  load_shards: '1',
  target_url: 'https://staging.example.com/',
  version_url: 'https://example.com/v',
  deploy_start_command: './deploy.sh',
};

/** A plan whose quality gates are required: every gate of the policy runs. */
const PLAN_GATES = { ...PLAN_PREFLIGHT, require_quality_gates: 'true' };

interface Case {
  action: string;
  input: string;
  value: string;
  /** Words of "what is accepted" the message must carry. */
  accepted: string;
  base?: Record<string, string>;
}

/**
 * The cases of one action: `input` set to `value` is refused with words of `accepted`; `base`, when given,
 * replaces the valid inputs.
 */
const casesOf =
  (action: string) =>
  (input: string, value: string, accepted: string, base?: Record<string, string>): Case => ({
    action,
    input,
    value,
    accepted,
    base,
  });
const ACTIONS = ['changelog', 'release', 'deploy', 'quality-gates', 'plan', 'rollback'] as const;
const changelog = casesOf('changelog');
const release = casesOf('release');
const deploy = casesOf('deploy');
const qualityGates = casesOf('quality-gates');
const plan = casesOf('plan');
const rollback = casesOf('rollback');

const cases: Case[] = [
  changelog('format', 'markdown', 'keep-a-changelog, conventional-commits'),
  changelog('version', '1.2', 'semantic version'),
  changelog('version', '1.0.0.0', 'semantic version'),
  changelog('include_prs', 'yes', 'true or false'),
  changelog('breaking_changes_section', 'maybe', 'true or false'),
  changelog('since_tag', 'v1.0.0; rm -rf /', 'no spaces, newlines or shell metacharacters'),
  changelog('since_tag', 'v1.0.0\nv2.0.0', 'no spaces, newlines or shell metacharacters'),
  changelog('tag_prefix', 'v$(whoami)', 'shell metacharacters'),
  changelog('path', 'CHANGELOG.md\n../../etc/passwd', 'one line of text'),
  changelog('types', '{feat: [', 'YAML error'),
  changelog('types', '[1, 2]', 'not a mapping'),
  changelog('write_file', 'TRUE!', 'true or false'),
  changelog('all_releases', 'all', 'true or false'),
  changelog('initial_version', '1.0', 'semantic version'),
  release('version_bump', 'huge', 'major, minor, patch, auto'),
  release('skip_tests', 'true', 'tests are never skipped'),
  release('skip_build', 'true', 'builds are never skipped'),
  release('version', '1.0', 'semantic version'),
  release('release_type', 'beta', 'stable, prerelease'),
  release('release_mode', 'force-push', 'direct, tag-only'),
  release('publish_registries', 'npm,pypi', 'npm, docker'),
  release('release_branch', 'main && curl evil', 'shell metacharacters'),
  release('npm_registry_url', 'not a url', 'absolute URL'),
  release('npm_registry_url', 'ftp://registry.example', 'absolute URL'),
  release('verify_timeout', '-5m', 'a duration'),
  release('verify_timeout', 'soon', 'a duration'),
  release('prerelease_id', 'rc 1', 'semver identifier'),
  release('docker_images', 'Registry/UPPER', 'registry/name in lower case'),
  release('tag_prefix', 'v\nrelease', 'shell metacharacters'),
  release('provenance', 'always', 'auto, true, false'),
  release('npm_access', 'private', 'public or restricted'),
  release('npm_dist_tag', '1.0', 'dist-tag name starting with a letter'),
  release('notes_file', '../../etc/passwd', 'relative path inside the workspace'),
  release('version_files', 'src/v.ts\n/etc/passwd', 'relative path inside the workspace'),
  release('assets', 'dist/*.tgz,../secret', 'relative path or pattern'),
  release('docker_context', '/', 'relative path inside the workspace'),
  release('dockerfile', '../Dockerfile', 'relative path inside the workspace'),
  release('docker_build_args', 'NOEQUALS', 'NAME=value'),
  release('update_major_tag', 'yes', 'true or false'),
  release('announce_format', 'teams', 'slack, json'),
  release('announce_webhook_url', 'hooks.slack.com/x', 'absolute URL'),
  release('test_command', 'npm test\nrm -rf /', 'one line of text'),
  release('token', '', 'GitHub token with contents: write'),
  release('initial_version', 'first', 'semantic version'),
  deploy('version', 'latest', 'semantic version'),
  deploy('deployment_strategy', 'big-bang', 'blue-green, canary, rolling, immediate'),
  deploy('environment', 'prod; rm -rf /', 'environment name'),
  deploy('environment', 'prod\nuction', 'environment name'),
  deploy('monitor_duration', '-1h', 'a duration'),
  deploy('monitor_interval', 'often', 'a duration'),
  deploy('probe_url', 'localhost:8080/health', 'absolute URL'),
  deploy('max_error_rate', '2', 'from 0 to 1'),
  deploy('canary_steps', '10,abc,100', 'whole number from 1 to 100'),
  deploy('run_smoke_tests', 'sometimes', 'true or false'),
  deploy('on_no_data', 'ignore', 'fail, pass, inconclusive'),
  deploy('min_samples', '-3', 'whole number of at least 1'),
  deploy('lock_timeout', 'soon', 'a duration'),
  deploy('smoke_timeout', 'a while', 'a duration'),
  deploy('lock_timeout', '-10m', 'a duration'),
  deploy('smoke_tests', '[{path: health}]', 'path must start with /'),
  deploy('smoke_tests', '[{path: /, expect_status: 999}]', 'expect_status must be an HTTP status'),
  deploy('smoke_tests', '[{path: /, body_regex: "(("}]', 'not a regular expression'),
  deploy('prometheus_queries', '[{query: up}]', 'give max or min'),
  deploy('prometheus_url', 'prometheus:9090', 'absolute URL'),
  deploy('keep_previous', 'forever', 'a duration'),
  deploy('workload', 'k8s', 'command, docker'),
  deploy('router', 'traefik', 'nginx, command, none'),
  deploy('health_url', 'localhost:{port}/health', 'http(s) URL'),
  deploy('ports', 'blue=80;green=81', 'blue=PORT,green=PORT'),
  deploy('instances', '0', 'whole number from 1 to 50'),
  deploy('version_header', 'X Version', 'HTTP header name'),
  deploy('nginx_upstream_name', 'app; include /etc/passwd', 'letters, digits and _'),
  qualityGates('load_profile', 'extreme', 'baseline, peak, stress, soak, custom'),
  qualityGates('gates', 'load-testing,unit-tests', 'load-testing, performance-profiling, container-build'),
  qualityGates('target_url', 'http//missing-colon', 'absolute URL'),
  qualityGates('duration', '-30s', 'a duration'),
  qualityGates('duration', 'ten seconds', 'a duration'),
  qualityGates('connections', '0', 'whole number from 1 to 10000'),
  qualityGates('rate', 'fast', 'whole number'),
  qualityGates('shard', '5', 'i/n'),
  qualityGates('image', 'My Image', 'image reference'),
  qualityGates('max_regression_pct', '-1', 'at least 0'),
  qualityGates('min_requests', '1.5', 'whole number'),
  qualityGates('engine', 'jmeter', 'builtin, k6'),
  qualityGates('thresholds', 'http_req_latency: p(95)<500', 'k6 syntax'),
  qualityGates('thresholds', 'http_req_duration: p95 < 500', 'k6 syntax'),
  qualityGates('thresholds', 'http_req_failed: p(95)<0.1', 'k6 syntax'),
  qualityGates('requests', '[{method: GET, path: /a', 'YAML error'),
  qualityGates('requests', '{path: /a}', 'list of {method, path'),
  qualityGates('request_timeout', '0.5s', 'a duration'),
  qualityGates('ready_url', 'localhost:8080', 'absolute URL'),
  qualityGates('k6_version', 'latest', 'semantic version'),
  qualityGates('k6_url', 'file:///tmp/k6.tgz', 'absolute URL'),
  plan('version_bump', 'huge', 'major, minor, patch, auto'),
  plan('hotfix', 'maybe', 'true or false'),
  plan('release_type', 'beta', 'stable, prerelease'),
  plan('release_mode', 'force-push', 'direct, tag-only'),
  plan('prerelease_id', 'rc 1', 'semver identifier'),
  plan('tag_prefix', 'v$(id)', 'shell metacharacters'),
  plan('policy_path', '.github/policy.yml; rm -rf /', 'shell metacharacters'),
  plan('deployment_strategy', 'big-bang', 'policy, blue-green, canary, rolling, immediate'),
  plan('load_profile', 'extreme', 'policy, baseline, peak, stress, soak, custom'),
  plan('run_smoke_tests', 'sometimes', 'true or false'),
  plan('require_quality_gates', 'no', 'auto, true, false'),
  plan('publish_registries', 'npm,pypi', 'npm, docker'),
  plan('release_branch', 'main && curl evil', 'shell metacharacters'),
  plan('npm_registry_url', 'ftp://registry.example', 'absolute URL'),
  plan('require_deploy', 'yes please', 'true or false'),
  plan('environment', 'prod env', 'environment name'),
  plan('release_environment', 'review\nnow', 'environment name'),
  plan('product_environment', 'pm`id`', 'environment name'),
  plan('fast_track_environment', '-fast', 'environment name'),
  plan('initial_version', '01.0.0', 'semantic version'),
  rollback('environment', 'prod env', 'environment name'),
  rollback('environment', 'prod`id`', 'environment name'),
  rollback('to_version', 'previous', 'semantic version'),
  rollback('to_version', '1.2.3.4', 'semantic version'),
  rollback('workload', 'k8s', 'command, docker'),
  rollback('router', 'haproxy', 'nginx, command, none'),
  rollback('version_url', 'not-a-url', 'absolute URL'),
  rollback('timeout', '-10s', 'a duration'),
  rollback('timeout', 'whenever', 'a duration'),
  rollback('npm_dist_tag_revert', 'yes', 'true or false'),
  rollback('incident_issue', '1', 'true or false'),
  rollback('docker_tag_revert', 'nope', 'true or false'),
  rollback('npm_package', 'Widget Pkg', 'npm package name'),
  rollback('start_timeout', 'later', 'a duration'),
  rollback('lock_timeout', 'forever', 'a duration'),
  rollback('lock_timeout', '5 minutes', 'a duration'),
  // Cases that need other inputs set: the base replaces the valid inputs of the action.
  release('registry_username', '', 'required when registry_password is given', { registry_password: 'pw' }),
  deploy('version', '', 'semantic version', {}),
  deploy('start_command', '', 'empty but required with workload: command', DEPLOY_OK),
  deploy('ports', 'blue=8081', 'blue=PORT,green=PORT (both slots)', DEPLOY_OK),
  deploy('nginx_upstream_file', '', 'empty but required with router: nginx', { ...BLUE_GREEN, router: 'nginx' }),
  deploy('router', 'none', 'blue-green moves traffic between slots', BLUE_GREEN),
  deploy('version_url', '', 'empty but required', { ...BLUE_GREEN, router: 'command', router_command: 'true' }),
  deploy('canary_steps', '50,10', 'ascending percentages ending at 100', CANARY),
  deploy('canary_steps', '10,50', 'ascending percentages ending at 100', CANARY),
  deploy('docker_image', '', 'required with workload: docker', { ...DEPLOY_OK, workload: 'docker' }),
  deploy('router_command', '', 'required with router: command', { ...DEPLOY_OK, router: 'command' }),
  deploy('prometheus_url', '', 'required when prometheus_queries are given', {
    ...DEPLOY_OK,
    prometheus_queries: '[{name: errors, query: up, max: 1}]',
  }),
  deploy('timeout', '2m', 'leaves no time to deploy', DEPLOY_OK),
  qualityGates('merge', 'shards/*.json', 'one or the other', { ...GATES_OK, shard: '1/2' }),
  qualityGates('build_args', 'NOT A PAIR', 'KEY=VALUE', { gates: 'container-build', image: 'acme/widget:1' }),
  qualityGates('profiles_file', 'no/such/profiles.yml', 'profiles:', GATES_OK),
  qualityGates('record_results', 'CHANGELOG.md', 'the results JSON of an earlier quality-gates run', RECORD),
  qualityGates('record_results', 'package.json', 'without a verdict', RECORD),
  qualityGates('shard', '1/2', 'record_results runs no load', RECORD),
  qualityGates('status_branch', '', 'required with record_results', RECORD),
  qualityGates('version', '', 'required with record_results', RECORD),
  qualityGates('duration', '', 'a duration', { load_profile: 'custom', connections: '2', ...GATES_OK }),
  qualityGates('target_url', '', 'absolute URL', {}),
  qualityGates('baseline_path', '', 'baseline', { ...GATES_OK, gates: 'performance-profiling' }),
  qualityGates('image', '', 'image reference', { gates: 'container-build' }),
  qualityGates('k6_script', '', 'k6 script', { engine: 'k6' }),
  qualityGates('ready_url', '', 'absolute URL', { ...GATES_OK, start_command: 'sleep 100' }),
  qualityGates('shard', '5/4', 'i/n', GATES_OK),
  qualityGates('version', '', 'semantic version', { ...GATES_OK, status_branch: 'release-status' }),
  qualityGates('status_branch', 'release status', 'shell metacharacters', { ...GATES_OK, version: '1.0.0' }),
  // require_quality_gates: true runs every gate of the policy: what they lack is refused, not left out.
  plan('target_url', '', 'require_quality_gates: true runs the load gates (load-testing)', PLAN_GATES),
  plan('image', '', 'require_quality_gates: true runs the container-build gate', {
    ...PLAN_GATES,
    version_bump: 'minor',
    deployment_strategy: 'rolling',
  }),
  plan('version_url', '', 'required to deploy', PLAN_PREFLIGHT),
  plan('router_command', '', 'required with router command', { ...PLAN_PREFLIGHT, router: 'command' }),
  rollback('nginx_upstream_file', '', 'empty but required with router: nginx', {
    start_command: 'true',
    router: 'nginx',
  }),
  rollback('npm_package', '', 'empty but required with npm_dist_tag_revert', {
    start_command: 'true',
    npm_dist_tag_revert: 'true',
  }),
  rollback('registry_username', '', 'empty but required when registry_password is given', {
    ...ROLLBACK_DOCKER,
    docker_image: 'reg.example/app',
    registry_password: 'pw',
  }),
  rollback('docker_image', '', 'empty but required with docker_tag_revert', ROLLBACK_DOCKER),
  rollback('token', '', 'required with incident_issue', { start_command: 'true', incident_issue: 'true' }),
  rollback('start_command', '', 'required with workload: command', {}),
];

/** Valid inputs each action needs besides the bad one. */
const baseInputs: Record<string, Record<string, string>> = {
  deploy: { version: '1.2.3' },
  'quality-gates': GATES_OK,
};

let tripwire: Tripwire;
let tripwireUrl: string;
let requests: string[];
let workspace: string;
let remote: string;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Everything an action could change: files with size and mtime, local refs, the remote's refs. */
const snapshot = () =>
  [filesState(workspace), git(workspace, 'for-each-ref'), git(remote, 'for-each-ref')].join('\n---\n');

beforeAll(async () => {
  tripwire = await startTripwire();
  ({ url: tripwireUrl, requests } = tripwire);
  const base = mkdtempSync(join(tmpdir(), 'ra-bad-input-'));
  remote = join(base, 'remote.git');
  workspace = join(base, 'ws');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  execFileSync('git', ['init', '-q', '-b', 'main', workspace]);
  git(workspace, 'config', 'user.email', 'dev@example.com');
  git(workspace, 'config', 'user.name', 'Dev');
  writeFileSync(
    join(workspace, 'package.json'),
    JSON.stringify({ name: 'widget', version: '1.0.0', scripts: { test: 'exit 0' } }),
  );
  writeFileSync(join(workspace, 'CHANGELOG.md'), '# Changelog\n');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'feat: first');
  git(workspace, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  git(workspace, 'commit', '-q', '--allow-empty', '-m', 'fix: second');
  git(workspace, 'remote', 'add', 'origin', remote);
  git(workspace, 'push', '-q', '--follow-tags', 'origin', 'main');
});

afterAll(async () => {
  await tripwire.close();
  rmSync(join(workspace, '..'), { recursive: true, force: true });
});

const table = cases.map((c) => [c.action, c.input, JSON.stringify(c.value), c] as const);

test('every action has at least 10 bad-input cases', () => {
  for (const action of ACTIONS) expect(cases.filter((c) => c.action === action).length).toBeGreaterThanOrEqual(10);
});

/**
 * Runs `action` with `inputs` against the tripwire (release's npm registry too, unless the inputs name one) and
 * asserts the refusal left no trace: exit code 1, no output, the workspace and both repositories' refs unchanged,
 * no request. Returns the ::error:: lines for the caller's own checks.
 */
async function refuse(action: string, inputs: Record<string, string>): Promise<string[]> {
  const before = snapshot();
  const r = await runAction(action, {
    cwd: workspace,
    token: 'ghs_badinputtoken',
    apiUrl: tripwireUrl,
    graphqlUrl: `${tripwireUrl}/graphql`,
    inputs: action === 'release' ? { npm_registry_url: tripwireUrl, ...inputs } : inputs,
  });
  expect(r.code).toBe(1);
  expect(r.outputs).toEqual({});
  expect(snapshot()).toBe(before);
  expect(requests).toEqual([]);
  return r.errors;
}

test.concurrent.each(table)('%s refuses %s = %s', async (action, input, _shown, c) => {
  const errors = await refuse(action, { ...(c.base ?? baseInputs[action] ?? {}), [input]: c.value });
  expect(errors).toHaveLength(1);
  const [error] = errors as [string];
  expect(error).toContain(`"${input}"`);
  expect(error).toContain(c.value === '' ? 'empty' : JSON.stringify(c.value).slice(0, 40));
  expect(error).toContain(c.accepted);
  expect(error).not.toContain('not implemented');
});

/** Cross-input checks (the schema's refine) report every problem at once, one ::error:: each, before anything. */
test.concurrent.each([
  [
    'deploy',
    {
      version: '1.2.3',
      start_command: '',
      router: 'command',
      router_command: '',
      deployment_strategy: 'canary',
      canary_steps: '10,50',
      version_url: '',
    },
    ['start_command', 'router_command', 'version_url', 'canary_steps'],
  ],
  ['release', { registry_password: 'pw', token: '' }, ['registry_username', 'token']],
  [
    'plan',
    { preflight: 'true', workload: 'docker', router: 'nginx', target_url: 'https://staging.example.com/' },
    ['load_shards', 'version_url', 'docker_image', 'nginx_upstream_file'],
  ],
  [
    'rollback',
    { start_command: '', npm_dist_tag_revert: 'true', docker_tag_revert: 'true', registry_password: 'pw' },
    ['start_command', 'npm_package', 'docker_image', 'registry_username'],
  ],
] as const)('%s reports all its cross-input problems together', async (action, inputs, names) => {
  const errors = await refuse(action, inputs);
  expect(errors).toHaveLength(names.length);
  names.forEach((name, i) => expect(errors[i]).toContain(`"${name}"`));
});

/** An absolute notes_file (the workflow's downloaded artifact) must be inside RUNNER_TEMP: elsewhere, refused. */
test.concurrent.each(['/etc/hostname', '/proc/self/environ'])('release refuses notes_file %s', async (notesFile) => {
  const errors = await refuse('release', { notes_file: notesFile });
  expect(errors).toEqual([expect.stringContaining(`Input "notes_file": ${notesFile}`)]);
});

/** A path input naming no file is refused by its confinement (the path, unquoted, and "does not exist"). */
test('quality-gates refuses a record_results that does not exist', async () => {
  const errors = await refuse('quality-gates', {
    record_results: 'no/such/results.json',
    status_branch: 'release-status',
    version: '1.1.0',
  });
  expect(errors).toEqual([expect.stringContaining('Input "record_results": no/such/results.json does not exist')]);
});
