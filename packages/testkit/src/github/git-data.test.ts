/**
 * The git data API (blobs, trees, commits, refs) and release pull requests (create, update, labels) of the GitHub
 * API double, through a real `@actions/github` client: each request and response validated against the OpenAPI
 * description (no violation), and the state they leave behind.
 */
import { getOctokit } from '@actions/github';
import { startGitHubDouble, type GitHubDouble } from './index.js';

let gh: GitHubDouble;
let octokit: ReturnType<typeof getOctokit>;
const repo = { owner: 'acme', repo: 'widget' };

beforeEach(async () => {
  gh = await startGitHubDouble(repo);
  octokit = getOctokit('ghs_test', { baseUrl: gh.url });
});

afterEach(async () => {
  try {
    gh.assertNoViolations();
  } finally {
    await gh.close();
  }
});

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

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
