/**
 * The CLI as users run it (`npx release-actions …` → cli/release-actions.mjs → the committed bundle): help from
 * the actions' schemas, usage errors, and stages run through their bundled actions with the runner's env, so
 * a bad value is refused with the very ::error:: the action prints in a workflow and exit codes pass through.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-process.js';
import { HERMETIC_ENV, parseAnnotations, runAction } from '../support/run-action.js';
import { STAGES } from '../../cli/src/stages.js';

let cwd: string;

// Only loopback: the API URLs point at a closed port, as in the runAction harness.
const ENV = { ...HERMETIC_ENV, GITHUB_REPOSITORY: 'acme/widget' };

const cli = (args: string[], env: Record<string, string> = {}, dir = cwd) =>
  runCli(args, { cwd: dir, env: { GITHUB_REPOSITORY: 'acme/widget', ...env } });

const squash = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ra-cli-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

test('--help lists every stage and the dashboard', async () => {
  const r = await cli(['--help']);
  expect(r.code).toBe(0);
  for (const s of STAGES) expect(squash(r.stdout)).toContain(`${s.id} ${squash(s.description)}`);
  expect(r.stdout).toContain('dashboard');
});

test('no arguments: the help on stderr, exit code 2', async () => {
  const r = await cli([]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Usage:');
});

test.each(STAGES.map((s) => s.id))(
  '%s --help lists its inputs with descriptions, accepted values and defaults',
  async (id) => {
    const def = STAGES.find((s) => s.id === id)!;
    const r = await cli([id, '--help']);
    expect(r.code).toBe(0);
    const text = squash(r.stdout);
    for (const [name, spec] of Object.entries(def.inputs)) {
      expect(text).toContain(`--${name}`);
      expect(text).toContain(squash(spec.description));
      if (spec.kind === 'enum') expect(text).toContain(`one of ${spec.options!.join(', ')}`);
      else expect(text).toContain(squash(spec.accepted));
      if (spec.default !== undefined) expect(text).toContain(squash(`default: ${spec.default}`));
      if (spec.required) expect(text).toMatch(new RegExp(`--${name} <[a-z]+> +\\(required`));
    }
    for (const name of Object.keys(def.outputs)) expect(text).toContain(name);
  },
);

test('a bad value is refused with the same ::error:: as the action on a runner, exit code 1', async () => {
  const viaCli = await cli(['release', '--version-bump', 'huge']);
  const viaRunner = await runAction('release', { inputs: { version_bump: 'huge' }, cwd });
  expect(viaRunner.code).toBe(1);
  expect(viaCli.code).toBe(1);
  const errors = parseAnnotations(viaCli.stdout).filter((a) => a.level === 'error');
  expect(errors.map((e) => e.message)).toEqual(viaRunner.errors);
  expect(viaRunner.errors).toEqual([
    'Input "version_bump" has an invalid value "huge"; expected one of major, minor, patch, auto.',
  ]);
  expect(errors[0]?.properties.title).toBe('release: bad input version_bump');
  expect(viaCli.stdout).toContain('release-actions release: failed (exit code 1)');
  expect(viaCli.stdout).toContain('outputs: none');
});

test('a bad boolean (--include_prs yes) and --flag=value reach the action untouched', async () => {
  const r = await cli(['changelog', '--include_prs', 'yes', '--format=conventional-commits']);
  expect(r.code).toBe(1);
  expect(parseAnnotations(r.stdout).map((a) => a.message)).toEqual([
    'Input "include_prs" has an invalid value "yes"; expected true or false.',
  ]);
});

test('a required input left out is refused by the action', async () => {
  const r = await cli(['deploy']);
  expect(r.code).toBe(1);
  expect(parseAnnotations(r.stdout).map((a) => a.message)).toEqual([
    'Input "version" is required but was empty; expected a semantic version such as 1.4.0 or 2.0.0-rc.1 (a leading v is allowed).',
  ]);
});

test('an unknown flag is refused before anything runs, naming the valid ones (exit code 2)', async () => {
  const r = await cli(['changelog', '--formt', 'keep-a-changelog']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(
    'release-actions: changelog: unknown flag --formt; valid flags: --version, --since_tag, --format',
  );
});

test('an unknown stage is refused (exit code 2)', async () => {
  const r = await cli(['publish']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    'unknown stage "publish"; stages: plan, quality-gates, changelog, release, deploy, rollback, dashboard',
  );
});

test('a real run of a stage: the exit code, errors and outputs are the bundled action’s', async () => {
  // Valid input in an empty directory: whatever the stage does today (not implemented yet, or refusing a
  // workspace that is not a git repository), the CLI reports exactly what the runner harness sees.
  const viaCli = await cli(['changelog', '--format', 'conventional-commits', '--no-include-prs']);
  const viaRunner = await runAction('changelog', {
    inputs: { format: 'conventional-commits', include_prs: 'false' },
    cwd,
    repository: 'acme/widget',
  });
  expect(viaCli.code).toBe(viaRunner.code);
  expect(
    parseAnnotations(viaCli.stdout)
      .filter((a) => a.level === 'error')
      .map((a) => a.message),
  ).toEqual(viaRunner.errors);
  expect(viaCli.stdout).toContain(`release-actions changelog: ${viaRunner.code === 0 ? 'succeeded' : 'failed'}`);
  for (const [k] of Object.entries(viaRunner.outputs)) expect(viaCli.stdout).toContain(`  ${k}:`);
  if (Object.keys(viaRunner.outputs).length === 0) expect(viaCli.stdout).toContain('outputs: none');
});

test('the token defaults to $GITHUB_TOKEN and is never printed', async () => {
  const token = 'ghs_cliTestToken0123456789abcdef';
  const r = await cli(['changelog', '--types', '[1, 2]'], { GITHUB_TOKEN: token });
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).not.toContain(token);
  expect(parseAnnotations(r.stdout).map((a) => a.message)).toEqual([
    'Input "types" has an invalid value "[1, 2]"; expected a YAML/JSON mapping of commit type to section name (or "hidden") (not a mapping).',
  ]);
});

test('dashboard: writes the page from a status file and reports its size', async () => {
  const status = join(cwd, 'release-status.yaml');
  writeFileSync(status, 'releases:\n  - {version: 1.0.0, status: deployed}\n  - {version: 0.9.0, status: failed}\n');
  const r = await cli(['dashboard', '--status', 'release-status.yaml', '--out', 'site/index.html']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/dashboard: 2 releases from release-status\.yaml → .*site\/index\.html \(\d+\.\d KiB\)/);
  const html = readFileSync(join(cwd, 'site', 'index.html'), 'utf8');
  expect(html).toContain('<b>1.0.0</b>');
  expect(html).toContain('<b>0.9.0</b>');
});

test('dashboard: a missing or broken status file fails with a clear message', async () => {
  const missing = await cli(['dashboard', '--status', 'nope.yaml', '--out', 'x.html']);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('dashboard: cannot read the status record');
  expect(existsSync(join(cwd, 'x.html'))).toBe(false);
  writeFileSync(join(cwd, 'broken.yaml'), 'releases: [\n');
  const broken = await cli(['dashboard', '--status', 'broken.yaml', '--out', 'x.html']);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain('broken.yaml is not valid YAML');
  const unknown = await cli(['dashboard', '--statuss', 'x']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('valid flags: --status, --out, --title, --limit, --help');
});

test('dashboard: --limit pages a long history (older releases are counted, not read); a bad limit is a usage error', async () => {
  const entries = Array.from(
    { length: 30 },
    (_, i) =>
      `  - version: "1.${29 - i}.0"\n    status: deployed\n    created_at: 2026-11-${String(30 - i).padStart(2, '0')}T00:00:00Z\n`,
  );
  // The oldest entry is broken YAML: read, it would fail the page.
  writeFileSync(join(cwd, 'long.yaml'), `releases:\n${entries.join('')}  - version: 0.1.0\n    status: [unclosed\n`);
  const r = await cli(['dashboard', '--status', 'long.yaml', '--out', 'long.html', '--limit', '10']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/dashboard: 10 releases \(21 older not shown: --limit 10\) from long\.yaml/);
  const html = readFileSync(join(cwd, 'long.html'), 'utf8');
  expect(html).toContain('<b>1.29.0</b>');
  expect(html).toContain('<b>1.20.0</b>');
  expect(html).not.toContain('<b>1.19.0</b>');
  expect(html).toContain('21 older releases are in the status record but not on this page');
  for (const bad of ['0', '-1', 'ten']) {
    const u = await cli(['dashboard', '--status', 'long.yaml', '--out', 'long.html', '--limit', bad]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(`dashboard: --limit has the value ${JSON.stringify(bad)}; expected a whole number`);
  }
});

// ---- a user's own repository, anywhere on the machine (docs/cli.md: "Run it on your repository") -------------

/** A scratch repository outside this one: package.json 1.0.0 tagged v1.0.0, then a feat. */
function userRepo(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-cli-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...ENV, ...GIT_ID } });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'package.json'), '{"name":"widget","version":"1.0.0"}\n');
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  git('add', '-A');
  git('commit', '-q', '-m', 'feat: first');
  git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  git('commit', '-q', '--allow-empty', '-m', 'feat(api): pagination');
  repos.push(dir);
  return dir;
}
const GIT_ID = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
};
const repos: string[] = [];
afterAll(() => repos.forEach((d) => rmSync(d, { recursive: true, force: true })));
const errorsOf = (stdout: string) =>
  parseAnnotations(stdout)
    .filter((a) => a.level === 'error')
    .map((a) => a.message);

test('plan and changelog run against the repository in the current directory, outside release-actions', async () => {
  const dir = userRepo();
  const plan = await cli(['plan'], {}, dir);
  expect(errorsOf(plan.stdout)).toEqual([]);
  expect(plan.code).toBe(0);
  expect(plan.stdout).toMatch(/next_version: 1\.1\.0/);
  const changelog = await cli(['changelog', '--no-include-prs'], {}, dir);
  expect(errorsOf(changelog.stdout)).toEqual([]);
  expect(changelog.code).toBe(0);
  expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain('pagination');
});

test('from a subdirectory of a checkout: refused, saying to run from the top level and how to find it', async () => {
  const dir = userRepo();
  mkdirSync(join(dir, 'src'));
  for (const stage of ['plan', 'changelog']) {
    const r = await cli([stage, '--no-include-prs'].slice(0, stage === 'plan' ? 1 : 2), {}, join(dir, 'src'));
    expect(r.code).toBe(1);
    expect(errorsOf(r.stdout)).toEqual([
      expect.stringMatching(
        /src is not a git checkout's top level but a subdirectory of .*git rev-parse --show-toplevel/,
      ),
    ]);
  }
});

test('outside any git checkout: "not a git checkout", with the fix', async () => {
  const r = await cli(['plan'], {}, mkdtempSync(join(tmpdir(), 'ra-cli-nogit-')));
  expect(r.code).toBe(1);
  expect(errorsOf(r.stdout)).toEqual([
    expect.stringContaining('is not a git checkout: in a workflow, run actions/checkout'),
  ]);
});

test('release without a token names GITHUB_TOKEN and the permission it needs', async () => {
  const r = await cli(['release', '--dry-run'], {}, userRepo());
  expect(r.code).toBe(1);
  const [error] = errorsOf(r.stdout);
  expect(error).toContain('Input "token" is empty');
  expect(error).toContain('GITHUB_TOKEN');
  expect(error).toContain('contents: write');
});
