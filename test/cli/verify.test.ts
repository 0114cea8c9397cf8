/**
 * `release-actions verify` as a consumer runs it (the committed CLI bundle, spawned), against the local Sigstore
 * and the GitHub API double: a verified file, a tampered one, one signed by another workflow, one nobody
 * attested, a bundle file, and usage errors. Exit codes: 0 verified, 1 not, 2 usage.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSubject, uploadAttestation } from '../../packages/shared/src/attest/index.js';
import { createGitHubClient } from '../../packages/shared/src/github/index.js';
import { runVerifyCli, SAN, startAttestStack, WORKFLOW, type AttestStack } from '../support/attest.js';
import { closeChecked, startGitHubDouble, type GitHubDouble } from '../support/github/index.js';

let stack: AttestStack;
let gh: GitHubDouble;
let dir: string;

beforeAll(async () => {
  stack = await startAttestStack();
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
  dir = mkdtempSync(join(tmpdir(), 'ra-verify-'));
});
afterAll(() =>
  closeChecked(
    gh,
    () => stack?.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
  ),
);

/** `--subject name` with the bundle file `attested` wrote beside it. */
const withBundleFile = (name: string) => ['--subject', name, '--bundle', `${name}.sigstore.json`];

const cli = (args: string[]) =>
  runVerifyCli(args, { cwd: dir, env: { GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'ghs_test' } });

async function attested(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const bundle = await stack.sign([await fileSubject(path)]);
  await uploadAttestation(
    createGitHubClient({ token: 'ghs_test', apiUrl: gh.url }),
    { owner: 'acme', repo: 'widget' },
    bundle,
  );
  writeFileSync(`${path}.sigstore.json`, JSON.stringify(bundle));
  return name;
}

test('an attested file verifies (from GitHub and from a bundle file); exit 0 with the signer shown', async () => {
  const name = await attested('widget-1.0.0.tgz', 'release asset');
  const root = ['--trusted-root', stack.sig.trustedRootPath];
  const fromGitHub = await cli(['--subject', name, '--repository', 'acme/widget', ...root]);
  expect(fromGitHub.stderr).toBe('');
  expect(fromGitHub.code).toBe(0);
  expect(fromGitHub.stdout).toMatch(/^verified: widget-1\.0\.0\.tgz \(sha256:[0-9a-f]{64}\)\n/);
  expect(fromGitHub.stdout).toContain(`signed by: ${SAN} (issuer https://token.actions.githubusercontent.com)`);
  expect(fromGitHub.stdout).toContain('bundle: GitHub attestations of acme/widget (1 found;');

  const fromFile = await cli([...withBundleFile(name), '--workflow', WORKFLOW, ...root]);
  expect(fromFile.code).toBe(0);
  // The trusted root by URL works the same.
  const byUrl = await cli([
    ...withBundleFile(name),
    '--workflow',
    WORKFLOW,
    '--trusted-root',
    `${stack.sig.url}/trusted_root.json`,
  ]);
  expect(byUrl.code).toBe(0);
});

test('tampered, wrongly signed, unattested: exit 1 saying which check failed', async () => {
  const root = ['--trusted-root', stack.sig.trustedRootPath];
  const name = await attested('tampered.tgz', 'original');
  appendFileSync(join(dir, name), 'x');
  const tampered = await cli(['--subject', name, '--repository', 'acme/widget', ...root]);
  expect(tampered.code).toBe(1);
  // The changed file has another digest: GitHub has nothing for it.
  expect(tampered.stderr).toMatch(
    /^release-actions: tampered\.tgz \(sha256:[0-9a-f]{64}\) is not attested: no attestation found in GitHub attestations of acme\/widget\n$/,
  );
  const withBundle = await cli([...withBundleFile(name), '--repository', 'acme/widget', ...root]);
  expect(withBundle.code).toBe(1);
  expect(withBundle.stderr).toContain('digest check failed');

  const signed = await attested('signed.tgz', 'signed');
  const other = await cli([
    '--subject',
    signed,
    '--workflow',
    'acme/widget/.github/workflows/other.yml',
    '--repository',
    'acme/widget',
    ...root,
  ]);
  expect(other.code).toBe(1);
  expect(other.stderr).toContain('identity check failed');
  expect(other.stderr).toContain(SAN);

  writeFileSync(join(dir, 'never.txt'), 'n');
  const none = await cli(['--subject', 'never.txt', '--repository', 'acme/widget', ...root]);
  expect(none.code).toBe(1);
  expect(none.stderr).toContain('never.txt (sha256:');
  expect(none.stderr).toContain('is not attested');
});

test('usage errors exit 2 before anything is fetched', async () => {
  const calls = gh.calls.length;
  expect(await cli([])).toMatchObject({ code: 2, stderr: expect.stringContaining('--subject is required') });
  expect(await cli(['--subject', 'a.txt'])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('--repository owner/repo (GitHub) or --bundle <file>'),
  });
  expect(await cli(['--subject', 'a.txt', '--repository', 'nope'])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('expected owner/repo'),
  });
  expect(await cli(['--subject', 'a.txt', '--colour'])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('unknown flag --colour'),
  });
  expect(gh.calls.length).toBe(calls);
});
