/**
 * The git data API (blobs, trees, commits, refs) and release pull requests (create, update, labels) of the GitHub
 * API double, through a real `@actions/github` client: each request and response validated against the OpenAPI
 * description (no violation), and the state they leave behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { startGitHubDouble, type GitHubDouble } from './index.js';
import { closeChecked, startWithOctokit, status, type Octokit } from './octokit-fixture.js';

let gh: GitHubDouble;
let octokit: Octokit;
const repo = { owner: 'acme', repo: 'widget' };

beforeEach(async () => ({ gh, octokit } = await startWithOctokit(repo)));
afterEach(() => closeChecked(gh));

/** A release commit on `release-actions/main` made the way GitHub signs it: blob, tree, commit, ref. */
async function releaseCommit(message: string, content: string) {
  const main = gh.state.resolve('main') as string;
  const base = gh.state.commit(main)!.tree;
  const blob = await octokit.rest.git.createBlob({ ...repo, content, encoding: 'utf-8' });
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: base,
    tree: [{ path: 'package.json', mode: '100644', type: 'blob', sha: blob.data.sha }],
  });
  const commit = await octokit.rest.git.createCommit({ ...repo, message, tree: tree.data.sha, parents: [main] });
  return { main, blob, tree, commit };
}

describe('git data API', () => {
  it('makes a commit from a blob and a tree; GitHub signs it when no author is given', async () => {
    gh.state.addCommits([{ message: 'feat: one' }]);
    const { main, blob, tree, commit } = await releaseCommit('chore(release): v1.1.0', '{"version":"1.1.0"}\n');
    expect(blob.status).toBe(201);
    expect(gh.state.blobs.get(blob.data.sha)?.toString()).toBe('{"version":"1.1.0"}\n');
    expect(tree.data.tree).toEqual([expect.objectContaining({ path: 'package.json', sha: blob.data.sha, size: 20 })]);
    expect(commit.data.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([main]);
    const read = await octokit.rest.git.getCommit({ ...repo, commit_sha: commit.data.sha });
    expect(read.data.tree.sha).toBe(tree.data.sha);
    const ref = await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/release-actions/main',
      sha: commit.data.sha,
    });
    expect(ref.status).toBe(201);
    expect(gh.state.refs.get('refs/heads/release-actions/main')).toBe(commit.data.sha);
    // A commit with an author given is not GitHub's: unsigned.
    const theirs = await octokit.rest.git.createCommit({
      ...repo,
      message: 'x',
      tree: tree.data.sha,
      parents: [main],
      author: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(theirs.data.verification).toMatchObject({ verified: false, reason: 'unsigned' });
  });

  it('refuses what GitHub refuses: unknown tree, blob or parent', async () => {
    const missing = 'f'.repeat(39) + 'e';
    expect(await status(octokit.rest.git.createTree({ ...repo, base_tree: missing, tree: [] }))).toBe(422);
    expect(
      await status(
        octokit.rest.git.createTree({ ...repo, tree: [{ path: 'a', mode: '100644', type: 'blob', sha: missing }] }),
      ),
    ).toBe(422);
    expect(await status(octokit.rest.git.createCommit({ ...repo, message: 'x', tree: missing, parents: [] }))).toBe(
      422,
    );
    expect(await status(octokit.rest.git.getCommit({ ...repo, commit_sha: missing }))).toBe(404);
  });
});

describe('release pull requests', () => {
  it('opens one per head branch, updates it, labels it; a second for the same head is refused', async () => {
    gh.state.addCommits([{ message: 'feat: one' }]);
    const { commit } = await releaseCommit('chore(release): v1.1.0', '{"version":"1.1.0"}\n');
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/release-actions/main', sha: commit.data.sha });
    const pr = await octokit.rest.pulls.create({
      ...repo,
      title: 'chore(release): v1.1.0',
      head: 'release-actions/main',
      base: 'main',
      body: 'notes',
    });
    expect(pr.status).toBe(201);
    expect(pr.data).toMatchObject({ state: 'open', head: { ref: 'release-actions/main', sha: commit.data.sha } });
    const labels = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: pr.data.number,
      labels: ['autorelease: pending'],
    });
    expect(labels.data.map((l) => l.name)).toEqual(['autorelease: pending']);
    expect(
      await status(
        octokit.rest.pulls.create({ ...repo, title: 'again', head: 'acme:release-actions/main', base: 'main' }),
      ),
    ).toBe(422);

    // A new commit on main: the release branch is rebuilt (force) and the PR says the new version.
    gh.state.addCommits([{ message: 'feat: two' }]);
    const next = await releaseCommit('chore(release): v1.2.0', '{"version":"1.2.0"}\n');
    await octokit.rest.git.updateRef({
      ...repo,
      ref: 'heads/release-actions/main',
      sha: next.commit.data.sha,
      force: true,
    });
    const updated = await octokit.rest.pulls.update({
      ...repo,
      pull_number: pr.data.number,
      title: 'chore(release): v1.2.0',
      body: 'new notes',
    });
    expect(updated.data).toMatchObject({ title: 'chore(release): v1.2.0', body: 'new notes' });
    expect(updated.data.head.sha).toBe(next.commit.data.sha);
    const open = await octokit.rest.pulls.list({ ...repo, head: 'acme:release-actions/main', state: 'open' });
    expect(open.data.map((p) => p.number)).toEqual([pr.data.number]);
    expect(gh.state.pullMap.get(pr.data.number)?.labels).toEqual(['autorelease: pending']);
    expect(await status(octokit.rest.pulls.create({ ...repo, head: 'no-such-branch', base: 'main', title: 'x' }))).toBe(
      422,
    );
  });
});

describe('a real repository behind the double (gitDir)', () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8' }).trim();

  beforeEach(async () => {
    await gh.close();
    dir = mkdtempSync(join(tmpdir(), 'gh-double-git-'));
    git('init', '-q', '--bare', '--initial-branch=main');
    const blob = execFileSync('git', ['--git-dir', dir, 'hash-object', '-w', '--stdin'], { input: '{}\n' })
      .toString()
      .trim();
    const tree = execFileSync('git', ['--git-dir', dir, 'mktree'], { input: `100644 blob ${blob}\tpackage.json\n` })
      .toString()
      .trim();
    const root = execFileSync('git', ['--git-dir', dir, 'commit-tree', tree, '-m', 'root'], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'a',
        GIT_AUTHOR_EMAIL: 'a@x',
        GIT_COMMITTER_NAME: 'a',
        GIT_COMMITTER_EMAIL: 'a@x',
      },
    })
      .toString()
      .trim();
    git('update-ref', 'refs/heads/main', root);
    gh = await startGitHubDouble({ ...repo, gitDir: dir, autoCreateCommits: false });
    octokit = getOctokit('ghs_test', { baseUrl: gh.url });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes real blobs, nested trees, commits and refs; merges a pull request with a real merge commit', async () => {
    const main = git('rev-parse', 'main');
    expect((await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha).toBe(main);
    const blob = await octokit.rest.git.createBlob({ ...repo, content: 'hello\n', encoding: 'utf-8' });
    expect(git('cat-file', '-p', blob.data.sha)).toBe('hello');
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: git('rev-parse', 'main^{tree}'),
      tree: [{ path: 'packages/a/README.md', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    expect(git('ls-tree', '-r', '--name-only', tree.data.sha).split('\n')).toEqual([
      'package.json',
      'packages/a/README.md',
    ]);
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: 'chore: x',
      tree: tree.data.sha,
      parents: [main],
    });
    expect(commit.data.verification?.verified).toBe(true);
    expect(git('rev-parse', `${commit.data.sha}^`)).toBe(main);
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/release-actions/main', sha: commit.data.sha });
    expect(git('rev-parse', 'release-actions/main')).toBe(commit.data.sha);
    // A push moves a branch: the API sees it on the next request.
    git('update-ref', 'refs/heads/other', main);
    expect((await octokit.rest.git.getRef({ ...repo, ref: 'heads/other' })).data.object.sha).toBe(main);

    const pr = await octokit.rest.pulls.create({ ...repo, head: 'release-actions/main', base: 'main', title: 't' });
    expect(await status(octokit.rest.issues.getLabel({ ...repo, name: 'autorelease: pending' }))).toBe(404);
    await octokit.rest.issues.createLabel({ ...repo, name: 'autorelease: pending', color: 'ededed', description: 'd' });
    expect(await status(octokit.rest.issues.createLabel({ ...repo, name: 'Autorelease: Pending' }))).toBe(422);
    await octokit.rest.issues.addLabels({ ...repo, issue_number: pr.data.number, labels: ['autorelease: pending'] });
    const merged = await octokit.rest.pulls.merge({ ...repo, pull_number: pr.data.number });
    expect(git('rev-parse', 'main')).toBe(merged.data.sha);
    expect(git('rev-parse', `${merged.data.sha}^1`, `${merged.data.sha}^2`).split('\n')).toEqual([
      main,
      commit.data.sha,
    ]);
    expect(git('show', `main:packages/a/README.md`)).toBe('hello');
    expect(await status(octokit.rest.pulls.merge({ ...repo, pull_number: pr.data.number }))).toBe(405);
    const assoc = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: merged.data.sha,
    });
    expect(assoc.data.map((p) => [p.number, p.merge_commit_sha])).toEqual([[pr.data.number, merged.data.sha]]);
    const left = await octokit.rest.issues.removeLabel({
      ...repo,
      issue_number: pr.data.number,
      name: 'autorelease: pending',
    });
    expect(left.data).toEqual([]);
    expect(
      await status(
        octokit.rest.issues.removeLabel({ ...repo, issue_number: pr.data.number, name: 'autorelease: pending' }),
      ),
    ).toBe(404);
  });
});
