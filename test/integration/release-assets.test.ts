/**
 * The release's asset gate against the GitHub double (OpenAPI-validated): a draft's asset whose bytes differ from
 * the build, or that is missing, is reported by name and check; a complete draft passes, each asset downloaded
 * back through GitHub's redirect.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../packages/shared/src/github/index.js';
import { createDraft, uploadAssets, verifyReleaseAssets } from '../../actions/release/src/github-release.js';
import { MemoryLogger } from '../../packages/shared/src/util/logger.js';
import { closeChecked, startGitHubDouble, type GitHubDouble } from '../support/github/index.js';

const repo = { owner: 'acme', repo: 'widget' };
let gh: GitHubDouble;
let dir: string;
beforeEach(async () => {
  gh = await startGitHubDouble({ ...repo });
  dir = mkdtempSync(join(tmpdir(), 'release-assets-'));
});
afterEach(() => closeChecked(gh, () => rmSync(dir, { recursive: true, force: true })));

async function draftWith(names: string[]) {
  const client = createGitHubClient({ token: 'ghs_test', apiUrl: gh.url, retryAfterBaseSeconds: 0.01 });
  const files = names.map((n) => {
    const p = join(dir, n);
    writeFileSync(p, `${n} as built\n`);
    return p;
  });
  const log = new MemoryLogger();
  const { release } = await createDraft(client, repo, {
    tag: 'v1.0.0',
    commit: 'a'.repeat(40),
    name: 'v1.0.0',
    body: '',
    prerelease: false,
    log,
  });
  expect(await uploadAssets(client, repo, release, files, log)).toBe(names.length);
  return { client, release, files };
}

test('a complete draft passes: each asset downloaded back matches the build', async () => {
  const { client, release, files } = await draftWith(['a.tgz', 'a.cdx.json']);
  const verified = await verifyReleaseAssets(client, repo, release, files);
  expect(verified.map((v) => v.name)).toEqual(['a.tgz', 'a.cdx.json']);
  expect(verified[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(gh.count({ operationId: 'repos/get-release-asset', status: 302 })).toBe(2);
});

test('an altered asset and a missing one: both named, with the check that failed', async () => {
  const { client, release, files } = await draftWith(['a.tgz', 'b.tgz']);
  const [a] = gh.state.releases[0]!.assets;
  a!.data = Buffer.from('tampered\n');
  gh.state.releases[0]!.assets = [a!];
  const err = await verifyReleaseAssets(client, repo, release, files).then(
    () => undefined,
    (e: Error) => e.message,
  );
  expect(err).toMatch(/^the draft release v1\.0\.0 is not complete, so it stays a draft: /);
  expect(err).toMatch(/asset a\.tgz downloaded back has sha256 [0-9a-f]{64}, the build made [0-9a-f]{64} \(digest\)/);
  expect(err).toContain('asset b.tgz is not on the release (missing)');
});

test('an asset of the same name but other bytes on a published release is a conflict, nothing overwritten', async () => {
  const { client, release, files } = await draftWith(['a.tgz']);
  writeFileSync(files[0]!, 'rebuilt differently\n');
  const published = { ...release, draft: false };
  await expect(uploadAssets(client, repo, published, files)).rejects.toThrow(
    /asset a\.tgz is already on the published release v1\.0\.0 with other content \(sha256:[0-9a-f]{64}, the build made sha256:[0-9a-f]{64}\); nothing was overwritten/,
  );
  expect(gh.count({ operationId: 'repos/delete-release-asset' })).toBe(0);
  expect(gh.state.releases[0]!.assets[0]!.data.toString()).toBe('a.tgz as built\n');
});
