/**
 * Immutable-release order, end to end (bundled release action, a bare git remote, the GitHub double): the GitHub
 * Release stays a draft until every declared file is on it and, downloaded back, has the bytes that were built.
 * A declared asset that is missing, an upload GitHub refuses, or a draft changed behind the job's back never
 * leads to a published release; a re-run (same run id, next attempt) completes it with one release and each
 * asset once.
 */
import { expectOneError, jsonFile, lostAfter, type ReleaseRepo, releaseSuite } from '../support/release-fixture.js';
import type { ReleaseRunOptions } from '../support/release-fixture.js';

const BUILD = 'mkdir -p out && echo linux build > out/widget-linux.txt && echo mac build > out/widget-mac.txt';

// Each test's double is checked after it: every call valid against GitHub's OpenAPI description.
const suite = releaseSuite({ token: 'ghs_e2eReleaseOrderToken0123456789', checkGitHubAfterEach: true });

/** A private package at v1.0.0 (tagged), a feat since; its build makes two files under out/. */
const fixture = (): Promise<ReleaseRepo> =>
  suite.repo({
    files: {
      'package.json': jsonFile(
        { name: 'widget', version: '1.0.0', private: true, scripts: { test: 'echo tests-ran' } },
        0,
      ),
      '.gitignore': 'out/\n',
    },
  });

/** Run 8101: version_bump auto, the build above, its files as assets. */
const release = (f: ReleaseRepo, o: ReleaseRunOptions = {}) =>
  suite.run(f, {
    runId: '8101',
    ...o,
    inputs: { version_bump: 'auto', build_command: BUILD, assets: 'out/widget-*.txt', ...o.inputs },
  });

/** The checkout a re-run of the job gets: the commit the workflow started from (the release commit is after it). */
const rerunCheckout = suite.rerunCheckout;
const remoteGit = suite.git;
const assetsOf = (f: ReleaseRepo) => f.gh.state.releases[0]?.assets.map((a) => [a.name, a.data.toString('utf8')]);
const BUILT = [
  ['widget-linux.txt', 'linux build\n'],
  ['widget-mac.txt', 'mac build\n'],
];

test('a declared asset the build did not make: one error naming it, nothing tagged or released; the re-run with it completes', async () => {
  const f = await fixture();
  const first = await release(f, { inputs: { assets: 'out/widget-linux.txt\nout/widget-arm.txt' } });
  expect(expectOneError(first)).toContain('out/widget-arm.txt');
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
}, 180_000);

test('GitHub refuses an asset upload: the release stays a draft, the job names the asset; the re-run publishes it once', async () => {
  const f = await fixture();
  // Every retry of the first upload answered 502 (the client retries 3 times).
  f.gh.failNext({ operationId: 'repos/upload-release-asset', status: 502, times: 4 });
  const first = await release(f);
  const error = expectOneError(first);
  expect(error).toMatch(/uploading asset widget-linux\.txt to the draft release v1\.1\.0 failed \(HTTP 502/);
  expect(error).toContain('stays a draft');
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
}, 180_000);

test('the draft changed between attempts (an asset gone, another altered): the re-run restores both, then publishes', async () => {
  const f = await fixture();
  await lostAfter('github-release', (env) => release(f, { env }));
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
}, 180_000);

test('an asset that cannot be downloaded back keeps the release a draft, naming the asset and the check', async () => {
  const f = await fixture();
  // Every retry of the first download answered 500.
  f.gh.failNext({ operationId: 'repos/get-release-asset', status: 500, times: 4 });
  const first = await release(f);
  expect(expectOneError(first)).toMatch(
    /the draft release v1\.1\.0 is not complete, so it stays a draft: asset widget-linux\.txt could not be downloaded back \(HTTP 500/,
  );
  expect(f.gh.state.releases[0]).toMatchObject({ draft: true });
  expect(first.summary).toMatch(/\| release-verify \| ❌ failed/);
}, 120_000);
