/**
 * Immutable-release order, end to end (bundled release action, a bare git remote, the GitHub double): the GitHub
 * Release stays a draft until every declared file is on it and, downloaded back, has the bytes that were built.
 * A declared asset that is missing, an upload GitHub refuses, or a draft changed behind the job's back never
 * leads to a published release; a re-run (same run id, next attempt) completes it with one release and each
 * asset once.
 */
import { execFileSync } from 'node:child_process';
import { startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { runAction } from '../support/run-action.js';
import { type BareRemote, createBareRemote, createRepo, type Repo } from '../support/services/index.js';

const GH_TOKEN = 'ghs_e2eReleaseOrderToken0123456789';
const BUILD = 'mkdir -p out && echo linux build > out/widget-linux.txt && echo mac build > out/widget-mac.txt';

interface Fixture {
  remote: BareRemote;
  repo: Repo;
  gh: GitHubDouble;
  extra: Repo[];
}

const fixtures: Fixture[] = [];
afterAll(async () => {
  for (const f of fixtures) {
    await f.gh.close();
    for (const r of [f.repo, ...f.extra]) await r.cleanup();
    await f.remote.cleanup();
  }
});

async function fixture(): Promise<Fixture> {
  const remote = await createBareRemote();
  const repo = await createRepo({
    remote,
    files: {
      'package.json':
        JSON.stringify({ name: 'widget', version: '1.0.0', private: true, scripts: { test: 'echo tests-ran' } }) + '\n',
      '.gitignore': 'out/\n',
    },
  });
  await repo.git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  await repo.git('commit', '--allow-empty', '-q', '-m', 'feat: a new thing');
  await repo.git('push', '-q', '--follow-tags', 'origin', 'main');
  const gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [GH_TOKEN] });
  const f = { remote, repo, gh, extra: [] };
  fixtures.push(f);
  return f;
}

function release(
  f: Fixture,
  o: { inputs?: Record<string, string>; env?: Record<string, string>; runAttempt?: number; cwd?: string } = {},
) {
  return runAction('release', {
    cwd: o.cwd ?? f.repo.dir,
    token: GH_TOKEN,
    apiUrl: f.gh.url,
    graphqlUrl: f.gh.graphqlUrl,
    serverUrl: f.gh.serverUrl,
    repository: 'acme/widget',
    runId: '8101',
    runAttempt: o.runAttempt ?? 1,
    timeoutMs: 90_000,
    env: { RELEASE_ACTIONS_RETRY_BASE_SECONDS: '0.05', ...o.env },
    inputs: { version_bump: 'auto', build_command: BUILD, assets: 'out/widget-*.txt', ...o.inputs },
  });
}

/** The checkout a re-run of the job gets: the commit the workflow started from (the release commit is after it). */
async function rerunCheckout(f: Fixture): Promise<Repo> {
  const fresh = await createRepo({ remote: f.remote });
  f.extra.push(fresh);
  await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
  return fresh;
}

const remoteGit = (f: Fixture, ...args: string[]) =>
  execFileSync('git', ['--git-dir', f.remote.dir, ...args], { encoding: 'utf8' }).trim();
const assetsOf = (f: Fixture) => f.gh.state.releases[0]?.assets.map((a) => [a.name, a.data.toString('utf8')]);
const BUILT = [
  ['widget-linux.txt', 'linux build\n'],
  ['widget-mac.txt', 'mac build\n'],
];

test('a declared asset the build did not make: one error naming it, nothing tagged or released; the re-run with it completes', async () => {
  const f = await fixture();
  const first = await release(f, { inputs: { assets: 'out/widget-linux.txt\nout/widget-arm.txt' } });
  expect(first.code).toBe(1);
  expect(first.errors).toHaveLength(1);
  expect(first.errors[0]).toContain('out/widget-arm.txt');
  expect(remoteGit(f, 'tag', '--list', 'v1.1.0')).toBe('');
  expect(f.gh.state.releases).toHaveLength(0);

  const second = await release(f, {
    runAttempt: 2,
    inputs: {
      assets: 'out/widget-linux.txt\nout/widget-arm.txt',
      build_command: `${BUILD} && echo arm > out/widget-arm.txt`,
    },
  });
  expect(second.errors).toEqual([]);
  expect(second.outputs.status).toBe('released');
  expect(f.gh.state.releases).toHaveLength(1);
  expect(f.gh.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', draft: false });
  expect(assetsOf(f)).toEqual([
    ['widget-arm.txt', 'arm\n'],
    ['widget-linux.txt', 'linux build\n'],
  ]);
  f.gh.assertNoViolations();
}, 180_000);

test('GitHub refuses an asset upload: the release stays a draft, the job names the asset; the re-run publishes it once', async () => {
  const f = await fixture();
  // Every retry of the first upload answered 502 (the client retries 3 times).
  f.gh.failNext({ operationId: 'repos/upload-release-asset', status: 502, times: 4 });
  const first = await release(f);
  expect(first.code).toBe(1);
  expect(first.errors).toHaveLength(1);
  expect(first.errors[0]).toMatch(/uploading asset widget-linux\.txt to the draft release v1\.1\.0 failed \(HTTP 502/);
  expect(first.errors[0]).toContain('stays a draft');
  expect(first.outputs.status).toBe('failed');
  expect(f.gh.state.releases).toHaveLength(1);
  expect(f.gh.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', draft: true });
  expect(f.gh.count({ operationId: 'repos/update-release' })).toBe(0);

  const second = await release(f, { runAttempt: 2, cwd: (await rerunCheckout(f)).dir });
  expect(second.errors).toEqual([]);
  expect(second.outputs.status).toBe('released');
  expect(f.gh.state.releases).toHaveLength(1);
  expect(f.gh.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', draft: false });
  expect(assetsOf(f)).toEqual(BUILT);
  expect(second.summary).toMatch(/\| release-verify \| ✅ done \| 2 asset\(s\) on the draft, digests match/);
  // Each asset downloaded back once before publishing, and through GitHub's redirect.
  expect(f.gh.count({ operationId: 'repos/get-release-asset', status: 302 })).toBe(2);
  f.gh.assertNoViolations();
}, 180_000);

test('the draft changed between attempts (an asset gone, another altered): the re-run restores both, then publishes', async () => {
  const f = await fixture();
  const first = await release(f, { env: { RELEASE_ACTIONS_FAULT: 'exit-after:github-release' } });
  expect(first.code).not.toBe(0);
  const draft = f.gh.state.releases[0]!;
  expect(draft.draft).toBe(true);
  expect(assetsOf(f)).toEqual(BUILT);
  draft.assets = draft.assets.filter((a) => a.name !== 'widget-mac.txt');
  draft.assets[0]!.data = Buffer.from('not what was built\n');
  const uploadsBefore = f.gh.count({ operationId: 'repos/upload-release-asset', status: 201 });

  const second = await release(f, { runAttempt: 2, cwd: (await rerunCheckout(f)).dir });
  expect(second.errors).toEqual([]);
  expect(second.warnings.join('\n')).toMatch(
    /asset widget-linux\.txt on the draft v1\.1\.0 is sha256:\w+, the build made sha256:\w+: replaced/,
  );
  expect(f.gh.count({ operationId: 'repos/upload-release-asset', status: 201 }) - uploadsBefore).toBe(2);
  expect(f.gh.state.releases).toHaveLength(1);
  expect(f.gh.state.releases[0]?.draft).toBe(false);
  expect([...(assetsOf(f) ?? [])].sort()).toEqual(BUILT);
  f.gh.assertNoViolations();
}, 180_000);

test('an asset that cannot be downloaded back keeps the release a draft, naming the asset and the check', async () => {
  const f = await fixture();
  // Every retry of the first download answered 500.
  f.gh.failNext({ operationId: 'repos/get-release-asset', status: 500, times: 4 });
  const first = await release(f);
  expect(first.code).toBe(1);
  expect(first.errors).toHaveLength(1);
  expect(first.errors[0]).toMatch(
    /the draft release v1\.1\.0 is not complete, so it stays a draft: asset widget-linux\.txt could not be downloaded back \(HTTP 500/,
  );
  expect(f.gh.state.releases[0]).toMatchObject({ draft: true });
  expect(first.summary).toMatch(/\| release-verify \| ❌ failed/);
  f.gh.assertNoViolations();
}, 120_000);
