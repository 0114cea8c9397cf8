/**
 * release_mode pull-request under branch protection: a bare remote whose pre-receive hook refuses every push to
 * refs/heads/main with GitHub's GH006 text, and the GitHub double serving that same repository (`gitDir`), so the
 * release commit made through the git data API is a real commit of the remote and the merge GitHub makes
 * (pulls/merge) is a real merge commit on main. The release PR is opened (files, body, label), updated rather than
 * doubled, follows new commits; its merge releases once (tag on the merge commit, GitHub Release, npm), and
 * re-runs of either phase make nothing twice. The double validates every call against GitHub's OpenAPI description.
 */
import { getOctokit } from '@actions/github';
import { killedAfter, onePackageFiles, type ReleaseRepo, releaseSuite } from '../support/release-fixture.js';
import type { ActionResult } from '../support/run-action.js';
import { describeWithService, requireService } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');
const GH_TOKEN = 'ghs_e2ePullRequestMode0123456';
const PENDING = 'autorelease: pending';
const TAGGED = 'autorelease: tagged';

describeWithService(verdaccioService, 'release_mode pull-request under branch protection (GH006 hook)', () => {
  const suite = releaseSuite({ token: GH_TOKEN, npm: true });
  /** What the tests since the last fresh() work on. */
  let f: ReleaseRepo;
  let scope = '';

  /** A repository at 1.0.0 (tagged), a feat since, main protected; the GitHub double serving that same remote. */
  async function fresh(): Promise<void> {
    scope = suite.scope('prmode');
    f = await suite.repo({
      scope,
      files: onePackageFiles(`${scope}/lib`),
      // Commit text is data: markup in it must reach the PR body as text.
      commits: ['feat: a new thing <img src=x onerror=alert(1)>'],
      protect: true,
      serveRemote: true,
    });
  }

  beforeAll(fresh, 60_000);

  const release = (inputs: Record<string, string>, runId: string, runAttempt = 1, env: Record<string, string> = {}) =>
    suite.run(f, { runId, runAttempt, env, inputs: { release_mode: 'pull-request', version_bump: 'auto', ...inputs } });
  const remoteGit = (...args: string[]) => suite.git(f, ...args);
  const headBranch = 'release-actions/main';
  const pulls = () => f.gh.state.pullRequests;
  /** The checkout follows main on the remote, as a new workflow run's checkout would. */
  const syncCheckout = async () => {
    await f.repo.git('fetch', '-q', 'origin');
    await f.repo.git('reset', '-q', '--hard', 'origin/main');
  };
  /** Another pull request lands on main (GitHub updates the branch; a push would be refused). */
  const landOnMain = async (message: string) => {
    await syncCheckout();
    await f.repo.git('commit', '--allow-empty', '-q', '-m', message);
    const sha = (await f.repo.git('rev-parse', 'HEAD')).trim();
    await f.repo.git('push', '-q', 'origin', `${sha}:refs/heads/feature`);
    remoteGit('update-ref', 'refs/heads/main', sha);
    remoteGit('update-ref', '-d', 'refs/heads/feature');
    return sha;
  };

  /** A run that kept the one release PR (`number`): no error, these outputs, still one PR. */
  const expectOnePr = (r: ActionResult, number: number, outputs: Record<string, string>) => {
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ pull_request_number: String(number), ...outputs });
    expect(pulls()).toHaveLength(1);
  };

  test('bad release_mode is refused with one ::error:: before anything happens', async () => {
    const main = remoteGit('rev-parse', 'main');
    const r = await release({ release_mode: 'pull_request' }, '8000');
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/release_mode/);
    expect(r.errors[0]).toMatch(/"pull_request"/);
    expect(r.errors[0]).toMatch(/pull-request/);
    expect(f.gh.calls.length).toBe(0);
    expect(remoteGit('rev-parse', 'main')).toBe(main);
    expect(remoteGit('for-each-ref', '--format=%(refname)', `refs/heads/${headBranch}`)).toBe('');
    // A dry run says what a real run would do, and does none of it.
    const dry = await release({ dry_run: 'true' }, '8001');
    expect(dry.errors).toEqual([]);
    expect(dry.outputs).toMatchObject({ status: 'dry-run', released: 'false', version: '1.1.0' });
    expect(dry.stdout).toMatch(
      /a real run opens or updates the release pull request release-actions\/main → main for v1\.1\.0/,
    );
    expect(pulls()).toHaveLength(0);
    expect(remoteGit('for-each-ref', '--format=%(refname)', `refs/heads/${headBranch}`)).toBe('');
    expect(f.gh.count({ method: 'POST' })).toBe(0);
  }, 60_000);

  test('the release PR is opened, updated (never doubled), follows new commits; its merge releases once', async () => {
    const main0 = remoteGit('rev-parse', 'main');

    // 1. A push to main: the release PR is opened; nothing is tagged, released or published.
    const first = await release({}, '9001');
    expect(first.errors).toEqual([]);
    expect(first.outputs).toMatchObject({
      status: 'pull-request',
      released: 'false',
      version: '1.1.0',
      pull_request_number: expect.stringMatching(/^\d+$/),
      pull_request_change: 'opened',
    });
    expect(first.stdout).not.toMatch(/tests-ran/);
    expect(pulls()).toHaveLength(1);
    const pr = pulls()[0]!;
    expect(first.outputs.pull_request_url).toBe(`${f.gh.serverUrl}/acme/widget/pull/${pr.number}`);
    expect(pr).toMatchObject({ headRef: headBranch, baseRef: 'main', state: 'open', labels: [PENDING] });
    expect(pr.title).toBe('chore(release): v1.1.0');
    expect(f.gh.state.labelMap.get(PENDING)?.description).toMatch(/merging this pull request releases/);
    // The body: the notes, the commit's markup as text, and the plan.
    expect(pr.body).toMatch(/## \[1\.1\.0\]/);
    expect(pr.body).toMatch(/a new thing &lt;img src=x onerror=alert\(1\)&gt;/);
    expect(pr.body).not.toMatch(/<img/);
    expect(pr.body).toMatch(/\| `package\.json` \| version 1\.0\.0 → 1\.1\.0 \|/);
    expect(pr.body).toMatch(/\| `CHANGELOG\.md` \|/);
    // Its one commit: on main's tip, made through the API (signed by GitHub), with the bump and the changelog.
    const head1 = remoteGit('rev-parse', headBranch);
    expect(pr.headSha).toBe(head1);
    expect(remoteGit('rev-parse', `${headBranch}^`)).toBe(main0);
    expect(f.gh.state.commits.get(head1)?.signedByGitHub).toBe(true);
    expect(remoteGit('log', '-1', '--format=%B', headBranch)).toMatch(
      /^chore\(release\): v1\.1\.0\n\nRelease-Actions-Version: 1\.1\.0/,
    );
    expect(JSON.parse(remoteGit('show', `${headBranch}:package.json`)).version).toBe('1.1.0');
    expect(remoteGit('show', `${headBranch}:CHANGELOG.md`)).toMatch(/## \[1\.1\.0\][^]*a new thing/);
    expect(remoteGit('diff', '--name-only', main0, headBranch).split('\n').sort()).toEqual([
      'CHANGELOG.md',
      'package.json',
    ]);
    expect(f.gh.count({ operationId: 'git/create-commit' })).toBe(1);
    // Protected main untouched, nothing released.
    expect(remoteGit('rev-parse', 'main')).toBe(main0);
    expect(remoteGit('tag', '--list', 'v*')).toBe('v1.0.0');
    expect(f.gh.state.releases).toHaveLength(0);
    expect(await suite.versions(`${scope}/lib`)).toEqual([]);

    // 2. Another run on the same commit: the same PR, unchanged; no second commit.
    expectOnePr(await release({}, '9002'), pr.number, { status: 'pull-request', pull_request_change: 'unchanged' });
    expect(remoteGit('rev-parse', headBranch)).toBe(head1);
    expect(f.gh.count({ operationId: 'git/create-commit' })).toBe(1);
    expect(f.gh.count({ operationId: 'pulls/create' })).toBe(1);

    // 3. A breaking change lands on main: the same PR now says 2.0.0, its branch is rebuilt on the new tip.
    const main1 = await landOnMain('feat!: drop the old API');
    expectOnePr(await release({}, '9003'), pr.number, { version: '2.0.0', pull_request_change: 'updated' });
    expect(pulls()[0]).toMatchObject({ title: 'chore(release): v2.0.0', labels: [PENDING], state: 'open' });
    expect(pulls()[0]!.body).toMatch(/drop the old API/);
    expect(remoteGit('rev-parse', `${headBranch}^`)).toBe(main1);
    expect(JSON.parse(remoteGit('show', `${headBranch}:package.json`)).version).toBe('2.0.0');
    expect(remoteGit('show', `${headBranch}:CHANGELOG.md`)).not.toMatch(/## \[1\.1\.0\]/);
    expect(pulls()[0]!.headSha).toBe(remoteGit('rev-parse', headBranch));

    // 4. The PR is merged, as GitHub merges it (a merge commit on main; no push, so no GH006).
    const octokit = getOctokit(GH_TOKEN, { baseUrl: f.gh.url });
    const merged = await octokit.rest.pulls.merge({
      owner: 'acme',
      repo: 'widget',
      pull_number: pr.number,
      merge_method: 'merge',
    });
    const mergeCommit = merged.data.sha;
    expect(remoteGit('rev-parse', 'main')).toBe(mergeCommit);
    await syncCheckout();

    // 5. The run on the merge commit releases: the tag on it, the GitHub Release, npm once, the label tagged.
    const rel = await release({}, '9004');
    expect(rel.errors).toEqual([]);
    expect(rel.outputs).toMatchObject({ status: 'released', released: 'true', version: '2.0.0', tag: 'v2.0.0' });
    expect(rel.outputs.pull_request_number).toBe('');
    expect(rel.stdout).toMatch(/tests-ran/);
    expect(remoteGit('cat-file', '-t', 'v2.0.0')).toBe('tag');
    expect(remoteGit('rev-parse', 'v2.0.0^{commit}')).toBe(mergeCommit);
    expect(remoteGit('rev-parse', 'main')).toBe(mergeCommit);
    expect(JSON.parse(remoteGit('show', 'v2.0.0:package.json')).version).toBe('2.0.0');
    expect(await suite.versions(`${scope}/lib`)).toEqual(['2.0.0']);
    expect(f.gh.state.releases).toHaveLength(1);
    expect(f.gh.state.releases[0]).toMatchObject({ tagName: 'v2.0.0', draft: false });
    expect(pulls()[0]!.labels).toEqual([TAGGED]);

    // 6. Re-runs: the same job again converges; a new run on the merge commit has nothing to do.
    const rerun = await release({}, '9004', 2);
    expect(rerun.errors).toEqual([]);
    expect(rerun.outputs.status).toBe('released');
    const later = await release({}, '9005');
    expect(later.errors).toEqual([]);
    expect(later.outputs.status).toBe('nothing-to-release');
    expect(remoteGit('tag', '--list', 'v*')).toBe('v1.0.0\nv2.0.0');
    expect(f.gh.state.releases).toHaveLength(1);
    expect(await suite.versions(`${scope}/lib`)).toEqual(['2.0.0']);
    expect(pulls()).toHaveLength(1);
    expect(f.gh.count({ operationId: 'pulls/create' })).toBe(1);
    expect(remoteGit('rev-parse', 'main')).toBe(mergeCommit);
    f.gh.assertNoViolations();
  }, 400_000);

  const mergePr = async (n: number) => {
    const octokit = getOctokit(GH_TOKEN, { baseUrl: f.gh.url });
    const merged = await octokit.rest.pulls.merge({ owner: 'acme', repo: 'widget', pull_number: n });
    return merged.data.sha;
  };

  test('faults: a run lost after the PR commit, and one lost after the tag, complete on re-run without duplicates', async () => {
    await fresh();
    // The runner loses the job right after the commit on the head branch: no PR yet.
    const lost = await release({}, '7001', 1, killedAfter('release-pr-commit'));
    expect(lost.code).not.toBe(0);
    const head = remoteGit('rev-parse', headBranch);
    expect(pulls()).toHaveLength(0);
    const resumed = await release({}, '7001', 2);
    expect(resumed.errors).toEqual([]);
    expect(resumed.outputs).toMatchObject({ status: 'pull-request', pull_request_change: 'opened' });
    expect(remoteGit('rev-parse', headBranch)).toBe(head);
    expect(f.gh.count({ operationId: 'git/create-commit' })).toBe(1);
    expect(pulls()).toHaveLength(1);
    const pr = pulls()[0]!;

    // Merged; the release run is lost right after the tag push: the re-run finishes it, once.
    const mergeCommit = await mergePr(pr.number);
    await syncCheckout();
    const cut = await release({}, '7002', 1, killedAfter('push'));
    expect(cut.code).not.toBe(0);
    expect(remoteGit('rev-parse', 'v1.1.0^{commit}')).toBe(mergeCommit);
    expect(f.gh.state.releases).toHaveLength(0);
    expect(pulls()[0]!.labels).toEqual([PENDING]);
    const done = await release({}, '7002', 2);
    expect(done.errors).toEqual([]);
    expect(done.outputs).toMatchObject({ status: 'released', version: '1.1.0' });
    expect(f.gh.state.releases).toHaveLength(1);
    expect(await suite.versions(`${scope}/lib`)).toEqual(['1.1.0']);
    expect(pulls()[0]!.labels).toEqual([TAGGED]);
    expect(remoteGit('tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    f.gh.assertNoViolations();
  }, 300_000);

  test('a merged release PR left unreleased (the branch moved on first) stops the next run, changing nothing', async () => {
    await fresh();
    const opened = await release({}, '6001');
    expect(opened.errors).toEqual([]);
    const pr = pulls()[0]!;
    const mergeCommit = await mergePr(pr.number);
    const tip = await landOnMain('fix: landed before the release ran');
    const head = remoteGit('rev-parse', headBranch);
    const r = await release({}, '6002');
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`release pull request #${pr.number}`);
    expect(r.errors[0]).toContain(`was merged as ${mergeCommit.slice(0, 12)} but 1.1.0 was never released`);
    expect(r.errors[0]).toContain('release_mode: tag-only and version: 1.1.0');
    expect(pulls()).toHaveLength(1);
    expect(remoteGit('rev-parse', headBranch)).toBe(head);
    expect(remoteGit('rev-parse', 'main')).toBe(tip);
    // The way out it names: tag-only from the tip, after which pull-request mode goes on.
    const out = await release({ release_mode: 'tag-only', version: '1.1.0' }, '6003');
    expect(out.errors).toEqual([]);
    expect(out.outputs.status).toBe('released');
    expect(remoteGit('rev-parse', 'v1.1.0^{commit}')).toBe(tip);
    const next = await release({}, '6004');
    expect(next.errors).toEqual([]);
    expect(next.outputs.status).toBe('nothing-to-release');
    f.gh.assertNoViolations();
  }, 300_000);
});
