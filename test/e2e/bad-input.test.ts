/**
 * Bad input, through the bundled actions as the runner runs them: each case gives one bad input and expects
 * exit code 1, exactly one ::error:: naming the input, the value received and what is accepted — and no side
 * effect: no request to the GitHub API or a registry, the workspace, its git refs and its remote unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/run-action.js';

/** A deploy that passes every cross-input check (immediate: no router needed). */
const DEPLOY_OK = {
  version: '1.2.3',
  start_command: 'true',
  version_url: 'http://127.0.0.1:9/version',
  deployment_strategy: 'immediate',
};

/** A plan preflight (the bad-input repository has a releasable fix: the patch policy, load gates) that passes. */
const PLAN_PREFLIGHT = {
  preflight: 'true',
  load_shards: '1',
  target_url: 'https://staging.example.com/',
  version_url: 'https://example.com/v',
  deploy_start_command: './deploy.sh',
};

interface Case {
  input: string;
  value: string;
  /** Words of "what is accepted" the message must carry. */
  accepted: string;
  base?: Record<string, string>;
}

const cases: Record<string, Case[]> = {
  changelog: [
    { input: 'format', value: 'markdown', accepted: 'keep-a-changelog, conventional-commits' },
    { input: 'version', value: '1.2', accepted: 'semantic version' },
    { input: 'version', value: '1.0.0.0', accepted: 'semantic version' },
    { input: 'include_prs', value: 'yes', accepted: 'true or false' },
    { input: 'breaking_changes_section', value: 'maybe', accepted: 'true or false' },
    { input: 'since_tag', value: 'v1.0.0; rm -rf /', accepted: 'no spaces, newlines or shell metacharacters' },
    { input: 'since_tag', value: 'v1.0.0\nv2.0.0', accepted: 'no spaces, newlines or shell metacharacters' },
    { input: 'tag_prefix', value: 'v$(whoami)', accepted: 'shell metacharacters' },
    { input: 'path', value: 'CHANGELOG.md\n../../etc/passwd', accepted: 'one line of text' },
    { input: 'types', value: '{feat: [', accepted: 'YAML error' },
    { input: 'types', value: '[1, 2]', accepted: 'not a mapping' },
    { input: 'write_file', value: 'TRUE!', accepted: 'true or false' },
    { input: 'all_releases', value: 'all', accepted: 'true or false' },
    { input: 'initial_version', value: '1.0', accepted: 'semantic version' },
  ],
  release: [
    { input: 'version_bump', value: 'huge', accepted: 'major, minor, patch, auto' },
    { input: 'skip_tests', value: 'true', accepted: 'tests are never skipped' },
    { input: 'skip_build', value: 'true', accepted: 'builds are never skipped' },
    { input: 'version', value: '1.0', accepted: 'semantic version' },
    { input: 'release_type', value: 'beta', accepted: 'stable, prerelease' },
    { input: 'release_mode', value: 'force-push', accepted: 'direct, tag-only' },
    { input: 'publish_registries', value: 'npm,pypi', accepted: 'npm, docker' },
    { input: 'release_branch', value: 'main && curl evil', accepted: 'shell metacharacters' },
    { input: 'npm_registry_url', value: 'not a url', accepted: 'absolute URL' },
    { input: 'npm_registry_url', value: 'ftp://registry.example', accepted: 'absolute URL' },
    { input: 'verify_timeout', value: '-5m', accepted: 'a duration' },
    { input: 'verify_timeout', value: 'soon', accepted: 'a duration' },
    { input: 'prerelease_id', value: 'rc 1', accepted: 'semver identifier' },
    { input: 'docker_images', value: 'Registry/UPPER', accepted: 'registry/name in lower case' },
    { input: 'tag_prefix', value: 'v\nrelease', accepted: 'shell metacharacters' },
    { input: 'provenance', value: 'always', accepted: 'auto, true, false' },
    { input: 'npm_access', value: 'private', accepted: 'public or restricted' },
    { input: 'npm_dist_tag', value: '1.0', accepted: 'dist-tag name starting with a letter' },
    { input: 'notes_file', value: '../../etc/passwd', accepted: 'relative path inside the workspace' },
    { input: 'version_files', value: 'src/v.ts\n/etc/passwd', accepted: 'relative path inside the workspace' },
    { input: 'assets', value: 'dist/*.tgz,../secret', accepted: 'relative path or pattern' },
    { input: 'docker_context', value: '/', accepted: 'relative path inside the workspace' },
    { input: 'dockerfile', value: '../Dockerfile', accepted: 'relative path inside the workspace' },
    { input: 'docker_build_args', value: 'NOEQUALS', accepted: 'NAME=value' },
    { input: 'update_major_tag', value: 'yes', accepted: 'true or false' },
    { input: 'announce_format', value: 'teams', accepted: 'slack, json' },
    { input: 'announce_webhook_url', value: 'hooks.slack.com/x', accepted: 'absolute URL' },
    { input: 'test_command', value: 'npm test\nrm -rf /', accepted: 'one line of text' },
    {
      input: 'registry_username',
      value: '',
      accepted: 'required when registry_password is given',
      base: { registry_password: 'pw' },
    },
    { input: 'token', value: '', accepted: 'GitHub token with contents: write' },
    { input: 'initial_version', value: 'first', accepted: 'semantic version' },
  ],
  deploy: [
    { input: 'version', value: '', accepted: 'semantic version', base: {} },
    { input: 'version', value: 'latest', accepted: 'semantic version' },
    { input: 'deployment_strategy', value: 'big-bang', accepted: 'blue-green, canary, rolling, immediate' },
    { input: 'environment', value: 'prod; rm -rf /', accepted: 'environment name' },
    { input: 'environment', value: 'prod\nuction', accepted: 'environment name' },
    { input: 'monitor_duration', value: '-1h', accepted: 'a duration' },
    { input: 'monitor_interval', value: 'often', accepted: 'a duration' },
    { input: 'probe_url', value: 'localhost:8080/health', accepted: 'absolute URL' },
    { input: 'max_error_rate', value: '2', accepted: 'from 0 to 1' },
    { input: 'canary_steps', value: '10,abc,100', accepted: 'whole number from 1 to 100' },
    { input: 'run_smoke_tests', value: 'sometimes', accepted: 'true or false' },
    { input: 'on_no_data', value: 'ignore', accepted: 'fail, pass, inconclusive' },
    { input: 'min_samples', value: '-3', accepted: 'whole number of at least 1' },
    { input: 'lock_timeout', value: 'soon', accepted: 'a duration' },
    { input: 'smoke_timeout', value: 'a while', accepted: 'a duration' },
    { input: 'lock_timeout', value: '-10m', accepted: 'a duration' },
    { input: 'smoke_tests', value: '[{path: health}]', accepted: 'path must start with /' },
    {
      input: 'smoke_tests',
      value: '[{path: /, expect_status: 999}]',
      accepted: 'expect_status must be an HTTP status',
    },
    { input: 'smoke_tests', value: '[{path: /, body_regex: "(("}]', accepted: 'not a regular expression' },
    { input: 'prometheus_queries', value: '[{query: up}]', accepted: 'give max or min' },
    { input: 'prometheus_url', value: 'prometheus:9090', accepted: 'absolute URL' },
    { input: 'keep_previous', value: 'forever', accepted: 'a duration' },
    { input: 'workload', value: 'k8s', accepted: 'command, docker' },
    { input: 'router', value: 'traefik', accepted: 'nginx, command, none' },
    { input: 'health_url', value: 'localhost:{port}/health', accepted: 'http(s) URL' },
    { input: 'ports', value: 'blue=80;green=81', accepted: 'blue=PORT,green=PORT' },
    { input: 'instances', value: '0', accepted: 'whole number from 1 to 50' },
    { input: 'version_header', value: 'X Version', accepted: 'HTTP header name' },
    { input: 'nginx_upstream_name', value: 'app; include /etc/passwd', accepted: 'letters, digits and _' },
    {
      input: 'start_command',
      value: '',
      accepted: 'empty but required with workload: command',
      base: { version: '1.2.3', version_url: 'http://127.0.0.1:9/version', deployment_strategy: 'immediate' },
    },
    {
      input: 'nginx_upstream_file',
      value: '',
      accepted: 'empty but required with router: nginx',
      base: { version: '1.2.3', start_command: 'true', router: 'nginx', version_url: 'http://127.0.0.1:9/version' },
    },
    {
      input: 'router',
      value: 'none',
      accepted: 'blue-green moves traffic between slots',
      base: { version: '1.2.3', start_command: 'true', version_url: 'http://127.0.0.1:9/version' },
    },
    {
      input: 'version_url',
      value: '',
      accepted: 'empty but required',
      base: { version: '1.2.3', start_command: 'true', router: 'command', router_command: 'true' },
    },
    {
      input: 'canary_steps',
      value: '50,10',
      accepted: 'ascending percentages ending at 100',
      base: {
        version: '1.2.3',
        start_command: 'true',
        router: 'command',
        router_command: 'true',
        deployment_strategy: 'canary',
        version_url: 'http://127.0.0.1:9/v',
      },
    },
    {
      input: 'canary_steps',
      value: '10,50',
      accepted: 'ascending percentages ending at 100',
      base: { ...DEPLOY_OK, router: 'command', router_command: 'true', deployment_strategy: 'canary' },
    },
    {
      input: 'docker_image',
      value: '',
      accepted: 'required with workload: docker',
      base: { ...DEPLOY_OK, workload: 'docker' },
    },
    {
      input: 'router_command',
      value: '',
      accepted: 'required with router: command',
      base: { ...DEPLOY_OK, router: 'command' },
    },
    { input: 'ports', value: 'blue=8081', accepted: 'blue=PORT,green=PORT (both slots)', base: DEPLOY_OK },
    {
      input: 'prometheus_url',
      value: '',
      accepted: 'required when prometheus_queries are given',
      base: { ...DEPLOY_OK, prometheus_queries: '[{name: errors, query: up, max: 1}]' },
    },
    { input: 'timeout', value: '2m', accepted: 'leaves no time to deploy', base: DEPLOY_OK },
  ],
  'quality-gates': [
    { input: 'load_profile', value: 'extreme', accepted: 'baseline, peak, stress, soak, custom' },
    {
      input: 'gates',
      value: 'load-testing,unit-tests',
      accepted: 'load-testing, performance-profiling, container-build',
    },
    { input: 'target_url', value: 'http//missing-colon', accepted: 'absolute URL' },
    { input: 'duration', value: '-30s', accepted: 'a duration' },
    { input: 'duration', value: 'ten seconds', accepted: 'a duration' },
    { input: 'connections', value: '0', accepted: 'whole number from 1 to 10000' },
    { input: 'rate', value: 'fast', accepted: 'whole number' },
    { input: 'shard', value: '5', accepted: 'i/n' },
    { input: 'image', value: 'My Image', accepted: 'image reference' },
    { input: 'max_regression_pct', value: '-1', accepted: 'at least 0' },
    { input: 'min_requests', value: '1.5', accepted: 'whole number' },
    { input: 'engine', value: 'jmeter', accepted: 'builtin, k6' },
    { input: 'thresholds', value: 'http_req_latency: p(95)<500', accepted: 'k6 syntax' },
    { input: 'thresholds', value: 'http_req_duration: p95 < 500', accepted: 'k6 syntax' },
    { input: 'thresholds', value: 'http_req_failed: p(95)<0.1', accepted: 'k6 syntax' },
    { input: 'requests', value: '[{method: GET, path: /a', accepted: 'YAML error' },
    { input: 'requests', value: '{path: /a}', accepted: 'list of {method, path' },
    { input: 'request_timeout', value: '0.5s', accepted: 'a duration' },
    { input: 'ready_url', value: 'localhost:8080', accepted: 'absolute URL' },
    { input: 'k6_version', value: 'latest', accepted: 'semantic version' },
    { input: 'k6_url', value: 'file:///tmp/k6.tgz', accepted: 'absolute URL' },
    {
      input: 'merge',
      value: 'shards/*.json',
      accepted: 'one or the other',
      base: { target_url: 'http://127.0.0.1:9/', shard: '1/2' },
    },
    {
      input: 'build_args',
      value: 'NOT A PAIR',
      accepted: 'KEY=VALUE',
      base: { gates: 'container-build', image: 'acme/widget:1' },
    },
    {
      input: 'profiles_file',
      value: 'no/such/profiles.yml',
      accepted: 'profiles:',
      base: { target_url: 'http://127.0.0.1:9/' },
    },
    {
      input: 'record_results',
      value: 'CHANGELOG.md',
      accepted: 'the results JSON of an earlier quality-gates run',
      base: { status_branch: 'release-status', version: '1.1.0' },
    },
    {
      input: 'record_results',
      value: 'package.json',
      accepted: 'without a verdict',
      base: { status_branch: 'release-status', version: '1.1.0' },
    },
    {
      input: 'shard',
      value: '1/2',
      accepted: 'record_results runs no load',
      base: { record_results: 'package.json', status_branch: 'release-status', version: '1.1.0' },
    },
    {
      input: 'status_branch',
      value: '',
      accepted: 'required with record_results',
      base: { record_results: 'package.json', version: '1.1.0' },
    },
    {
      input: 'version',
      value: '',
      accepted: 'required with record_results',
      base: { record_results: 'package.json', status_branch: 'release-status' },
    },
    {
      input: 'duration',
      value: '',
      accepted: 'a duration',
      base: { load_profile: 'custom', connections: '2', target_url: 'http://127.0.0.1:9/' },
    },
    { input: 'target_url', value: '', accepted: 'absolute URL', base: {} },
    {
      input: 'baseline_path',
      value: '',
      accepted: 'baseline',
      base: { gates: 'performance-profiling', target_url: 'http://127.0.0.1:9/' },
    },
    { input: 'image', value: '', accepted: 'image reference', base: { gates: 'container-build' } },
    { input: 'k6_script', value: '', accepted: 'k6 script', base: { engine: 'k6' } },
    {
      input: 'ready_url',
      value: '',
      accepted: 'absolute URL',
      base: { target_url: 'http://127.0.0.1:9/', start_command: 'sleep 100' },
    },
    { input: 'shard', value: '5/4', accepted: 'i/n', base: { target_url: 'http://127.0.0.1:9/' } },
    {
      input: 'version',
      value: '',
      accepted: 'semantic version',
      base: { target_url: 'http://127.0.0.1:9/', status_branch: 'release-status' },
    },
    {
      input: 'status_branch',
      value: 'release status',
      accepted: 'shell metacharacters',
      base: { target_url: 'http://127.0.0.1:9/', version: '1.0.0' },
    },
  ],
  plan: [
    { input: 'version_bump', value: 'huge', accepted: 'major, minor, patch, auto' },
    { input: 'hotfix', value: 'maybe', accepted: 'true or false' },
    { input: 'release_type', value: 'beta', accepted: 'stable, prerelease' },
    { input: 'release_mode', value: 'force-push', accepted: 'direct, tag-only' },
    { input: 'prerelease_id', value: 'rc 1', accepted: 'semver identifier' },
    { input: 'tag_prefix', value: 'v$(id)', accepted: 'shell metacharacters' },
    { input: 'policy_path', value: '.github/policy.yml; rm -rf /', accepted: 'shell metacharacters' },
    { input: 'deployment_strategy', value: 'big-bang', accepted: 'policy, blue-green, canary, rolling, immediate' },
    { input: 'load_profile', value: 'extreme', accepted: 'policy, baseline, peak, stress, soak, custom' },
    { input: 'run_smoke_tests', value: 'sometimes', accepted: 'true or false' },
    { input: 'require_quality_gates', value: 'no', accepted: 'auto, true, false' },
    // require_quality_gates: true runs every gate of the policy: what they lack is refused, not left out.
    {
      input: 'target_url',
      value: '',
      accepted: 'require_quality_gates: true runs the load gates (load-testing)',
      base: { ...PLAN_PREFLIGHT, require_quality_gates: 'true' },
    },
    {
      input: 'image',
      value: '',
      accepted: 'require_quality_gates: true runs the container-build gate',
      base: { ...PLAN_PREFLIGHT, version_bump: 'minor', deployment_strategy: 'rolling', require_quality_gates: 'true' },
    },
    { input: 'publish_registries', value: 'npm,pypi', accepted: 'npm, docker' },
    { input: 'release_branch', value: 'main && curl evil', accepted: 'shell metacharacters' },
    { input: 'npm_registry_url', value: 'ftp://registry.example', accepted: 'absolute URL' },
    { input: 'require_deploy', value: 'yes please', accepted: 'true or false' },
    { input: 'environment', value: 'prod env', accepted: 'environment name' },
    { input: 'release_environment', value: 'review\nnow', accepted: 'environment name' },
    { input: 'product_environment', value: 'pm`id`', accepted: 'environment name' },
    { input: 'fast_track_environment', value: '-fast', accepted: 'environment name' },
    {
      input: 'version_url',
      value: '',
      accepted: 'required to deploy',
      base: { ...PLAN_PREFLIGHT, version_url: '' },
    },
    {
      input: 'router_command',
      value: '',
      accepted: 'required with router command',
      base: { ...PLAN_PREFLIGHT, router: 'command' },
    },
    { input: 'initial_version', value: '01.0.0', accepted: 'semantic version' },
  ],
  rollback: [
    { input: 'environment', value: 'prod env', accepted: 'environment name' },
    { input: 'environment', value: 'prod`id`', accepted: 'environment name' },
    { input: 'to_version', value: 'previous', accepted: 'semantic version' },
    { input: 'to_version', value: '1.2.3.4', accepted: 'semantic version' },
    { input: 'workload', value: 'k8s', accepted: 'command, docker' },
    { input: 'router', value: 'haproxy', accepted: 'nginx, command, none' },
    { input: 'version_url', value: 'not-a-url', accepted: 'absolute URL' },
    { input: 'timeout', value: '-10s', accepted: 'a duration' },
    { input: 'timeout', value: 'whenever', accepted: 'a duration' },
    { input: 'npm_dist_tag_revert', value: 'yes', accepted: 'true or false' },
    { input: 'incident_issue', value: '1', accepted: 'true or false' },
    { input: 'docker_tag_revert', value: 'nope', accepted: 'true or false' },
    { input: 'npm_package', value: 'Widget Pkg', accepted: 'npm package name' },
    { input: 'start_timeout', value: 'later', accepted: 'a duration' },
    { input: 'lock_timeout', value: 'forever', accepted: 'a duration' },
    { input: 'lock_timeout', value: '5 minutes', accepted: 'a duration' },
    {
      input: 'nginx_upstream_file',
      value: '',
      accepted: 'empty but required with router: nginx',
      base: { start_command: 'true', router: 'nginx' },
    },
    {
      input: 'npm_package',
      value: '',
      accepted: 'empty but required with npm_dist_tag_revert',
      base: { start_command: 'true', npm_dist_tag_revert: 'true' },
    },
    {
      input: 'registry_username',
      value: '',
      accepted: 'empty but required when registry_password is given',
      base: {
        start_command: 'true',
        docker_tag_revert: 'true',
        docker_image: 'reg.example/app',
        registry_password: 'pw',
      },
    },
    {
      input: 'docker_image',
      value: '',
      accepted: 'empty but required with docker_tag_revert',
      base: { start_command: 'true', docker_tag_revert: 'true' },
    },
    {
      input: 'token',
      value: '',
      accepted: 'required with incident_issue',
      base: { start_command: 'true', incident_issue: 'true' },
    },
    { input: 'start_command', value: '', accepted: 'required with workload: command', base: {} },
  ],
};

/** Valid inputs each action needs besides the bad one. */
const baseInputs: Record<string, Record<string, string>> = {
  deploy: { version: '1.2.3' },
  'quality-gates': { target_url: 'http://127.0.0.1:9/' },
};

let tripwire: Server;
let tripwireUrl: string;
const requests: string[] = [];
let workspace: string;
let remote: string;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Everything an action could change: files with size and mtime, local refs, the remote's refs. */
function snapshot(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else files.push(`${p} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(workspace);
  return [files.sort().join('\n'), git(workspace, 'for-each-ref'), git(remote, 'for-each-ref')].join('\n---\n');
}

beforeAll(async () => {
  tripwire = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => tripwire.listen(0, '127.0.0.1', r));
  tripwireUrl = `http://127.0.0.1:${(tripwire.address() as AddressInfo).port}`;
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
  await new Promise((r) => tripwire.close(r));
  rmSync(join(workspace, '..'), { recursive: true, force: true });
});

const table = Object.entries(cases).flatMap(([action, list]) =>
  list.map((c) => [action, c.input, JSON.stringify(c.value), c] as const),
);

test('every action has at least 10 bad-input cases', () => {
  for (const list of Object.values(cases)) expect(list.length).toBeGreaterThanOrEqual(10);
});

test.concurrent.each(table)('%s refuses %s = %s', async (action, input, _shown, c) => {
  const before = snapshot();
  const r = await runAction(action, {
    cwd: workspace,
    token: 'ghs_badinputtoken',
    apiUrl: tripwireUrl,
    graphqlUrl: `${tripwireUrl}/graphql`,
    inputs: {
      ...(c.base ?? baseInputs[action] ?? {}),
      [input]: c.value,
      ...(action === 'release' && input !== 'npm_registry_url' ? { npm_registry_url: tripwireUrl } : {}),
    },
  });
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  const [error] = r.errors as [string];
  expect(error).toContain(`"${input}"`);
  expect(error).toContain(c.value === '' ? 'empty' : JSON.stringify(c.value).slice(0, 40));
  expect(error).toContain(c.accepted);
  expect(error).not.toContain('not implemented');
  expect(r.outputs).toEqual({});
  expect(snapshot()).toBe(before);
  expect(requests).toEqual([]);
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
  const before = snapshot();
  const r = await runAction(action, {
    cwd: workspace,
    token: 'ghs_badinputtoken',
    apiUrl: tripwireUrl,
    inputs: { ...inputs, ...(action === 'release' ? { npm_registry_url: tripwireUrl } : {}) },
  });
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(names.length);
  names.forEach((name, i) => expect(r.errors[i]).toContain(`"${name}"`));
  expect(r.outputs).toEqual({});
  expect(snapshot()).toBe(before);
  expect(requests).toEqual([]);
});

/** An absolute notes_file (the workflow's downloaded artifact) must be inside RUNNER_TEMP: elsewhere, refused. */
test.concurrent.each(['/etc/hostname', '/proc/self/environ'])('release refuses notes_file %s', async (notesFile) => {
  const before = snapshot();
  const r = await runAction('release', {
    cwd: workspace,
    token: 'ghs_badinputtoken',
    apiUrl: tripwireUrl,
    inputs: { notes_file: notesFile, npm_registry_url: tripwireUrl },
  });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining(`Input "notes_file": ${notesFile}`)]);
  expect(r.outputs).toEqual({});
  expect(snapshot()).toBe(before);
  expect(requests).toEqual([]);
});

/** A path input naming no file is refused by its confinement (the path, unquoted, and "does not exist"). */
test('quality-gates refuses a record_results that does not exist', async () => {
  const before = snapshot();
  const r = await runAction('quality-gates', {
    cwd: workspace,
    token: 'ghs_badinputtoken',
    apiUrl: tripwireUrl,
    inputs: { record_results: 'no/such/results.json', status_branch: 'release-status', version: '1.1.0' },
  });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining('Input "record_results": no/such/results.json does not exist')]);
  expect(r.outputs).toEqual({});
  expect(snapshot()).toBe(before);
  expect(requests).toEqual([]);
});
