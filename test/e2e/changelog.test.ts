/**
 * The bundled changelog action, as the runner runs it, on a real git repository, with the GitHub API double
 * (every GraphQL query validated against GitHub's schema, calls counted, faults injected).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeChecked, startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { gitSync, initTaggedRepo } from '../support/git.js';
import { runAction } from '../support/run-action.js';

let gh: GitHubDouble;
let ws: string;
const shas: string[] = [];
const git = (...a: string[]) => gitSync(ws, ...a);

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'ra-e2e-changelog-'));
  initTaggedRepo(ws, { name: 'Old Timer', email: 'old@example.com' }, 'v1.4.0');
  // 150 commits since the tag: two GraphQL batches of at most 100.
  for (let i = 0; i < 150; i++) {
    const newcomer = i % 50 === 7;
    const env = newcomer
      ? { ...process.env, GIT_AUTHOR_NAME: 'New Person', GIT_AUTHOR_EMAIL: 'new@example.com' }
      : process.env;
    const msg =
      i === 3 ? 'feat(api)!: drop v1\n\nBREAKING CHANGE: /v1 is gone' : `${i % 3 ? 'fix' : 'feat'}: change ${i}`;
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', msg], { cwd: ws, env });
    shas.push(git('rev-parse', 'HEAD'));
  }
  git('commit', '-q', '--allow-empty', '-m', 'docs: hidden');
}, 60_000);
afterAll(() => rmSync(ws, { recursive: true, force: true }));

beforeEach(async () => {
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
  shas.forEach((sha, i) => {
    if (i % 10 === 0)
      gh.state.addPullRequest({
        number: 100 + i,
        title: `PR ${i}`,
        user: i === 7 ? 'newbie' : 'octo',
        mergeCommitSha: sha,
      });
  });
});
afterEach(() => closeChecked(gh));

const run = (inputs: Record<string, string>) =>
  runAction('changelog', {
    cwd: ws,
    inputs: { write_file: 'false', ...inputs },
    token: 'ghs_test',
    apiUrl: gh.url,
    graphqlUrl: gh.graphqlUrl,
    serverUrl: gh.serverUrl,
    repository: 'acme/widget',
  });

it('links commits to PRs in GraphQL batches of 100, lists contributors, marks first-timers', async () => {
  const r = await run({ include_prs: 'true' });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(gh.count({ graphql: true })).toBe(2);
  expect(gh.calls.length).toBe(2);
  expect(r.outputs).toMatchObject({
    recommended_bump: 'major',
    previous_tag: 'v1.4.0',
    commit_count: '151',
    breaking_count: '1',
  });
  const notes = r.outputs.notes as string;
  expect(notes).toMatch(/^## \[2\.0\.0\]/);
  expect(notes).toContain('### ⚠ BREAKING CHANGES\n\n- **api:** /v1 is gone');
  expect(notes).toContain(`[#100](${gh.serverUrl}/acme/widget/pull/100)`);
  expect(notes).toMatch(/by @octo/);
  expect(notes).toMatch(/### Contributors[\s\S]*New Person \(first contribution\)/);
  expect(notes).not.toMatch(/Old Timer \(first contribution\)/);
  expect(notes).not.toContain('hidden');
  expect(r.summary).toMatch(/\| GitHub API calls \| 2 \|/);
}, 60_000);

it('degrades to commit links with a warning when the API keeps failing', async () => {
  gh.failNext({ graphql: true, status: 502, times: 20 });
  const r = await run({ include_prs: 'true', format: 'conventional-commits' });
  expect(r.code).toBe(0);
  expect(r.errors).toEqual([]);
  expect(r.warnings.join('\n')).toMatch(/could not link commits to pull requests/);
  const notes = r.outputs.notes as string;
  expect(notes).toMatch(/^## \[2\.0\.0\]\(.*compare\/v1\.4\.0\.\.\.v2\.0\.0\)/);
  expect(notes).toContain('### Features');
  expect(notes).toContain(`/acme/widget/commit/${shas[0]}`);
  expect(notes).not.toContain('/pull/');
}, 60_000);

it('writes CHANGELOG.md once per version, with the version given', async () => {
  const a = await run({ include_prs: 'false', write_file: 'true', version: '1.5.0' });
  expect(a.code).toBe(0);
  expect(a.outputs.changelog_path).toBe('CHANGELOG.md');
  const first = readFileSync(join(ws, 'CHANGELOG.md'), 'utf8');
  const b = await run({ include_prs: 'false', write_file: 'true', version: '1.5.0' });
  expect(b.code).toBe(0);
  expect(readFileSync(join(ws, 'CHANGELOG.md'), 'utf8')).toBe(first);
  expect(first.match(/^## \[1\.5\.0\]/gm)).toHaveLength(1);
  expect(gh.calls.length).toBe(0);
  rmSync(join(ws, 'CHANGELOG.md'));
}, 60_000);

it('real-history cases (issue 13): since_tag off HEAD warns and renders since_tag..HEAD; hidden reverts and breaking chores', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-changelog-real-'));
  try {
    const g = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8' }).trim();
    g('init', '-q', '-b', 'main');
    g('config', 'user.email', 'dev@example.com');
    g('config', 'user.name', 'Dev');
    g('commit', '-q', '--allow-empty', '-m', 'feat: base');
    g('checkout', '-q', '-b', 'release-1.x');
    g('commit', '-q', '--allow-empty', '-m', 'fix: only on the release branch');
    g('tag', 'v1.0.1');
    g('checkout', '-q', 'main');
    g('commit', '-q', '--allow-empty', '-m', 'chore!: drop node 18');
    g('commit', '-q', '--allow-empty', '-m', 'ci: cache');
    g('commit', '-q', '--allow-empty', '-m', `Revert "ci: cache"\n\nThis reverts commit ${g('rev-parse', 'HEAD')}.`);
    g('commit', '-q', '--allow-empty', '-m', 'feat: only on main');
    const r = await runAction('changelog', {
      cwd: dir,
      inputs: { write_file: 'false', include_prs: 'false', since_tag: 'v1.0.1', format: 'conventional-commits' },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      'since_tag v1.0.1 is not an ancestor of HEAD: the notes cover v1.0.1..HEAD (the commits of HEAD that v1.0.1 does not have)',
    ]);
    const notes = r.outputs.notes as string;
    expect(notes).toContain('only on main');
    expect(notes).not.toContain('only on the release branch');
    expect(notes).not.toContain('cache');
    expect(notes).toMatch(/### ⚠ BREAKING CHANGES\n\n\* drop node 18/);
    expect(notes).toMatch(/### Features\n\n\* only on main \S+$/);
    expect(r.outputs).toMatchObject({
      version: '2.0.0',
      commit_count: '4',
      breaking_count: '1',
      previous_tag: 'v1.0.1',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
