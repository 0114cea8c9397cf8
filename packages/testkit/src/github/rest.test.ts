/**
 * The GitHub API double driven by a real `@actions/github` client, area by area: git refs and tags,
 * commits and their pull requests, releases and assets, deployments and statuses, environments,
 * contents (compare-and-swap), issues, repository permissions and the rate limit.
 */
import { getOctokit } from '@actions/github';
import type { GitHubDouble } from './index.js';
import { closeChecked, startWithOctokit, status, type Octokit } from './octokit-fixture.js';

let gh: GitHubDouble;
let octokit: Octokit;
const repo = { owner: 'acme', repo: 'widget' };

beforeEach(async () => ({ gh, octokit } = await startWithOctokit(repo)));
afterEach(() => closeChecked(gh));

describe('git refs and tags', () => {
  it('creates, reads, lists, moves and deletes refs', async () => {
    const [c1, c2] = gh.state.addCommits([{ message: 'feat: one' }, { message: 'fix: two' }]);
    const created = await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/v1.0.0', sha: c1!.sha });
    expect(created.status).toBe(201);
    expect(created.data.object).toMatchObject({ sha: c1!.sha, type: 'commit' });
    expect(await status(octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/v1.0.0', sha: c1!.sha }))).toBe(422);

    const got = await octokit.rest.git.getRef({ ...repo, ref: 'tags/v1.0.0' });
    expect(got.data.ref).toBe('refs/tags/v1.0.0');
    expect(await status(octokit.rest.git.getRef({ ...repo, ref: 'tags/v9' }))).toBe(404);

    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/release/1.x', sha: c1!.sha });
    const matching = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'heads/release/' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/release/1.x']);

    // Fast-forward is fine, going back needs force.
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/release/1.x', sha: c2!.sha });
    expect(await status(octokit.rest.git.updateRef({ ...repo, ref: 'heads/release/1.x', sha: c1!.sha }))).toBe(422);
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/release/1.x', sha: c1!.sha, force: true });
    expect(gh.state.refs.get('refs/heads/release/1.x')).toBe(c1!.sha);

    await octokit.rest.git.deleteRef({ ...repo, ref: 'tags/v1.0.0' });
    expect(gh.state.refs.has('refs/tags/v1.0.0')).toBe(false);
  });

  it('creates annotated tags', async () => {
    const head = gh.state.resolve('main')!;
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'v2.0.0',
      message: 'v2.0.0',
      object: head,
      type: 'commit',
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/v2.0.0', sha: tag.data.sha });
    const ref = await octokit.rest.git.getRef({ ...repo, ref: 'tags/v2.0.0' });
    expect(ref.data.object.type).toBe('tag');
    expect(gh.state.resolve('v2.0.0')).toBe(head);
    expect((await octokit.rest.git.getTag({ ...repo, tag_sha: tag.data.sha })).data.object.sha).toBe(head);
  });
});

describe('commits and pull requests', () => {
  it('lists the pull requests of a commit and gets a pull request', async () => {
    const [c] = gh.state.addCommits([
      { message: 'feat: thing', author: { name: 'Ada', email: 'ada@example.com', login: 'ada' } },
    ]);
    gh.state.addPullRequest({
      number: 42,
      title: 'feat: thing',
      user: 'ada',
      mergeCommitSha: c!.sha,
      labels: ['feature'],
    });

    const commit = await octokit.rest.repos.getCommit({ ...repo, ref: c!.sha });
    expect(commit.data.author?.login).toBe('ada');
    const prs = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: c!.sha });
    expect(prs.data.map((p) => [p.number, p.user?.login, p.labels[0]?.name])).toEqual([[42, 'ada', 'feature']]);
    const pr = await octokit.rest.pulls.get({ ...repo, pull_number: 42 });
    expect(pr.data.merged).toBe(true);
    expect(await status(octokit.rest.pulls.get({ ...repo, pull_number: 7 }))).toBe(404);
    expect(gh.count({ operationId: 'repos/list-pull-requests-associated-with-commit' })).toBe(1);
  });
});

describe('releases', () => {
  it('creates a draft, uploads an asset, publishes it and finds it by tag', async () => {
    const draft = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'v1.2.0',
      name: 'v1.2.0',
      body: 'notes',
      draft: true,
    });
    expect(draft.data.upload_url.startsWith(gh.uploadsUrl)).toBe(true);
    // Drafts have no tag yet and are invisible to get-by-tag.
    expect(await status(octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.2.0' }))).toBe(404);
    expect(gh.state.refs.has('refs/tags/v1.2.0')).toBe(false);

    const asset = await octokit.request({
      method: 'POST',
      url: draft.data.upload_url,
      headers: { 'content-type': 'application/gzip' },
      name: 'widget.tgz',
      data: Buffer.from('tarball') as unknown as string,
    });
    expect(asset.status).toBe(201);
    const assets = await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: draft.data.id });
    expect(assets.data.map((a) => [a.name, a.size])).toEqual([['widget.tgz', 7]]);

    const published = await octokit.rest.repos.updateRelease({ ...repo, release_id: draft.data.id, draft: false });
    expect(published.data.published_at).not.toBeNull();
    expect(gh.state.refs.get('refs/tags/v1.2.0')).toBe(gh.state.resolve('main'));
    const byTag = await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.2.0' });
    expect(byTag.data.id).toBe(draft.data.id);
    expect((await octokit.rest.repos.getLatestRelease(repo)).data.tag_name).toBe('v1.2.0');
    expect(await status(octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.2.0' }))).toBe(422);

    const list = await octokit.rest.repos.listReleases(repo);
    expect(list.data).toHaveLength(1);
    await octokit.rest.repos.deleteRelease({ ...repo, release_id: draft.data.id });
    expect(gh.state.releases).toHaveLength(0);
    expect(gh.count({ route: 'POST /repos/{owner}/{repo}/releases/{release_id}/assets' })).toBe(1);
  });

  it('uploads through uploadReleaseAsset with the uploads base URL', async () => {
    const rel = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0', draft: true });
    await octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: rel.data.id,
      name: 'a.txt',
      data: 'hello',
      baseUrl: gh.uploadsUrl,
    });
    expect(gh.state.releases[0]?.assets[0]?.data.toString()).toBe('hello');
  });
});

describe('deployments and environments', () => {
  it('creates deployments and statuses; a new success makes the previous one inactive', async () => {
    // A deployment of main to production, as the deploy action asks for one.
    const deploy = async (payload?: Record<string, unknown>) => {
      const fields = { ref: 'main', environment: 'production', auto_merge: false, required_contexts: [], payload };
      const res = await octokit.rest.repos.createDeployment({ ...repo, ...fields });
      expect(res.status).toBe(201);
      return (res.data as { id: number }).id;
    };
    const id1 = await deploy();
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id1, state: 'in_progress' });
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id1,
      state: 'success',
      environment_url: 'https://widget.example',
    });

    const id2 = await deploy({ version: '1.1.0' });
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id2, state: 'success' });
    expect(gh.state.deploymentStates()).toEqual({ [id1]: 'inactive', [id2]: 'success' });

    const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id1 });
    expect(statuses.data.map((s) => s.state)).toEqual(['inactive', 'success', 'in_progress']);

    // auto_inactive: false keeps the previous one.
    const id3 = await deploy();
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id3,
      state: 'success',
      auto_inactive: false,
    });
    expect(gh.state.deploymentStates()[id2]).toBe('success');

    const list = await octokit.rest.repos.listDeployments({
      ...repo,
      environment: 'production',
      sha: gh.state.resolve('main'),
    });
    expect(list.data.map((d) => d.id)).toEqual([id3, id2, id1]);
    expect((await octokit.rest.repos.listDeployments({ ...repo, environment: 'staging' })).data).toEqual([]);
    expect(await status(octokit.rest.repos.createDeployment({ ...repo, ref: 'no-such-branch' }))).toBe(422);
  });

  it('reads and writes environments', async () => {
    expect(await status(octokit.rest.repos.getEnvironment({ ...repo, environment_name: 'production' }))).toBe(404);
    const reviewer = gh.state.addUser({ login: 'boss' });
    await octokit.rest.repos.createOrUpdateEnvironment({
      ...repo,
      environment_name: 'production',
      wait_timer: 5,
      reviewers: [{ type: 'User', id: reviewer.id }],
    });
    const env = await octokit.rest.repos.getEnvironment({ ...repo, environment_name: 'production' });
    expect(env.data.protection_rules?.map((r) => r.type)).toEqual(['wait_timer', 'required_reviewers']);
  });
});

describe('optional request bodies', () => {
  it('reads an optional body that was not sent as GitHub does: its defaults, or its refusal', async () => {
    const sent = () => gh.calls.at(-1)?.body;
    const base = gh.state.resolve('main')!;
    gh.state.refs.set('refs/heads/feature/x', gh.state.addCommit({ message: 'feat: x', parents: [base] }).sha);
    const pr = gh.state.addPullRequest({ title: 'feat: x', headRef: 'feature/x' });
    const merged = await octokit.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
      ...repo,
      pull_number: pr.number,
    });
    expect(sent()).toBeUndefined();
    expect(merged.data.merged).toBe(true);
    // The default merge method: a merge commit titled after the pull request.
    expect(gh.state.commit(merged.data.sha)?.message).toBe(
      `Merge pull request #${pr.number} from acme/feature/x\n\nfeat: x`,
    );

    const labels = octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      ...repo,
      issue_number: pr.number,
    });
    expect(await status(labels)).toBe(422);
    expect(sent()).toBeUndefined();

    await octokit.request('PUT /repos/{owner}/{repo}/environments/{environment_name}', {
      ...repo,
      environment_name: 'staging',
    });
    expect(sent()).toBeUndefined();
    expect(gh.state.environmentMap.get('staging')).toMatchObject({ waitTimer: 0, reviewers: [] });
  });
});

describe('contents', () => {
  it('creates and updates a file with sha compare-and-swap (409 on mismatch)', async () => {
    /** Writes .release/status.yaml with `text` (over the blob `sha` when given). */
    const write = (message: string, text: string, sha?: string) =>
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: '.release/status.yaml',
        message,
        content: Buffer.from(text).toString('base64'),
        ...(sha ? { sha } : {}),
      });
    const created = await write('ledger', 'a: 1\n');
    expect(created.status).toBe(201);
    const sha = created.data.content!.sha!;

    const got = await octokit.rest.repos.getContent({ ...repo, path: '.release/status.yaml' });
    expect(Buffer.from((got.data as { content: string }).content, 'base64').toString()).toBe('a: 1\n');

    const updated = await write('ledger', 'a: 2\n', sha);
    expect(updated.status).toBe(200);
    // A writer holding the old sha loses.
    expect(await status(write('x', 'a: 3\n', sha))).toBe(409);
    expect(await status(write('x', 'a: 3\n'))).toBe(422);
    expect(gh.state.readFile('.release/status.yaml')).toBe('a: 2\n');
    // Each write is a commit on the default branch.
    expect(gh.state.commits.get(gh.state.resolve('main')!)?.message).toBe('ledger');

    const dir = await octokit.rest.repos.getContent({ ...repo, path: '.release' });
    expect((dir.data as { name: string }[]).map((e) => e.name)).toEqual(['status.yaml']);
    expect(await status(octokit.rest.repos.getContent({ ...repo, path: 'nope.txt' }))).toBe(404);
  });
});

describe('issues, repository, user, rate limit', () => {
  it('creates an incident issue', async () => {
    const incident = { title: 'Rollback of v1.2.0', labels: ['incident'] };
    const issue = await octokit.rest.issues.create({ ...repo, ...incident, body: 'error rate 5%' });
    expect(issue.data.number).toBe(1);
    expect(gh.state.issues[0]).toMatchObject({ ...incident, user: 'github-actions[bot]' });
    await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'rolled back' });
    const comments = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 });
    expect(comments.data.map((c) => c.body)).toEqual(['rolled back']);
    await octokit.rest.issues.update({ ...repo, issue_number: 1, state: 'closed' });
    expect(gh.state.issues[0]?.state).toBe('closed');
  });

  it('reports the token permissions on the repository and refuses writes to a read-only token', async () => {
    const full = await octokit.rest.repos.get(repo);
    expect(full.data.permissions).toMatchObject({ push: true, admin: true });
    gh.state.setReadOnly();
    expect((await octokit.rest.repos.get(repo)).data.permissions).toMatchObject({
      push: false,
      admin: false,
      pull: true,
    });
    const err = await octokit.rest.repos
      .createRelease({ ...repo, tag_name: 'v1' })
      .catch((e: unknown) => e as { status: number; message: string });
    expect(err).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect((await octokit.rest.repos.listReleases(repo)).status).toBe(200);
    expect(await status(octokit.rest.repos.get({ owner: 'acme', repo: 'other' }))).toBe(404);
  });

  it('answers /rate_limit and /user, with scopes for a classic token', async () => {
    const rl = await octokit.rest.rateLimit.get();
    expect(rl.data.resources.core.limit).toBe(5000);
    expect(rl.headers['x-ratelimit-remaining']).toBeDefined();
    expect(await status(octokit.rest.users.getAuthenticated())).toBe(403);
    gh.state.addToken({ token: 'ghp_classic', login: 'ada', scopes: ['repo', 'workflow'] });
    const pat = getOctokit('ghp_classic', { baseUrl: gh.url });
    const me = await pat.rest.users.getAuthenticated();
    expect(me.data.login).toBe('ada');
    expect(me.headers['x-oauth-scopes']).toBe('repo, workflow');
  });

  it('refuses missing or wrong credentials with 401', async () => {
    const bad = getOctokit('ghs_wrong', { baseUrl: gh.url });
    expect(await status(bad.rest.repos.get(repo))).toBe(401);
    const res = await fetch(`${gh.url}/repos/acme/widget`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Requires authentication');
  });

  it('paginates lists with link headers', async () => {
    for (let i = 0; i < 5; i++) gh.state.addRelease({ tagName: `v0.0.${i}` });
    const all = await octokit.paginate(octokit.rest.repos.listReleases, { ...repo, per_page: 2 });
    expect(all).toHaveLength(5);
    expect(gh.count({ operationId: 'repos/list-releases' })).toBe(3);
  });
});
