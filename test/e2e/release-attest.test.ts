/**
 * Attested releases end to end: the bundled release action as the runner runs it, with the local Sigstore
 * (sigstore's own mock Fulcio/Rekor handlers, the trusted root served over HTTP), the runner's OIDC token
 * endpoint, Verdaccio and the GitHub double (attestations API, OpenAPI-validated). Every artifact (a release
 * asset, the npm tarball, the SBOM) is signed, stored where consumers look, fetched back and verified before the
 * release is published. Faults: Rekor down, a crash between signing and upload then a re-run, a bundle on the
 * draft signed by another workflow, a tarball changed in the registry.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expectedIdentity,
  loadTrustedRoot,
  signStatement,
  statementOf,
  verifyArtifact,
} from '../../packages/shared/src/attest/index.js';
import { createGitHubClient } from '../../packages/shared/src/github/index.js';
import {
  jsonFile,
  lostAfter,
  type ReleaseRepo,
  type ReleaseRunOptions,
  releaseSuite,
} from '../support/release-fixture.js';
import {
  describeWithService,
  type OidcTokenService,
  requireService,
  type SigstoreStack,
  startOidcTokenService,
  startSigstore,
} from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');
const GH_TOKEN = 'ghs_e2eReleaseAttestToken0123456789';
const WORKFLOW = 'acme/widget/.github/workflows/release.yml@refs/heads/main';
const OTHER = 'mallory/fork/.github/workflows/release.yml@refs/heads/main';

/** `sig`: the local Sigstore (Fulcio, Rekor, the trusted root) this repository's releases sign with. */
interface Fixture extends ReleaseRepo {
  sig: SigstoreStack;
}

describeWithService(verdaccioService, 'attested release (Sigstore, OIDC, Verdaccio, GitHub double)', () => {
  const suite = releaseSuite({ token: GH_TOKEN, npm: true });
  const npm = () => suite.npm();
  let oidc: OidcTokenService;
  beforeAll(async () => {
    oidc = await startOidcTokenService({ jobWorkflowRef: WORKFLOW });
  }, 60_000);
  afterAll(async () => {
    await oidc?.stop();
  });
  afterEach(() => void (oidc.claims.job_workflow_ref = WORKFLOW));

  async function fixture(o: { private?: boolean } = {}): Promise<Fixture> {
    const scope = suite.scope('att');
    const lock = {
      name: 'mono',
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono', version: '1.0.0', workspaces: ['packages/*'] },
        'packages/core': { name: `${scope}/core`, version: '1.0.0', dependencies: { 'left-pad': '^1.3.0' } },
        [`node_modules/${scope}/core`]: { resolved: 'packages/core', link: true },
        'node_modules/left-pad': { version: '1.3.0', license: 'WTFPL' },
      },
    };
    const scripts = { test: 'true', build: 'mkdir -p out && echo app > out/app-linux.bin' };
    const f = await suite.repo({
      scope,
      files: {
        'package.json': jsonFile(
          { name: 'mono', version: '1.0.0', private: true, workspaces: ['packages/*'], scripts },
          0,
        ),
        'package-lock.json': jsonFile(lock, 0),
        'packages/core/package.json': jsonFile(
          { name: `${scope}/core`, version: '1.0.0', dependencies: { 'left-pad': '^1.3.0' } },
          0,
        ),
        'packages/core/index.js': 'module.exports = 1;\n',
        '.gitignore': 'out/\n',
      },
      commits: ['feat: attested'],
      private: o.private,
    });
    // Fulcio names the identity after GitHub's server URL, here the double's.
    const sig = await startSigstore({ oidcPublicKey: oidc.publicKey, serverUrl: f.gh.serverUrl });
    suite.cleanups.add(() => sig.stop());
    return { ...f, sig };
  }

  /** Run 8301 with the runner's OIDC token, npm to Verdaccio, the asset and attest: true against the local Sigstore. */
  const release = (f: Fixture, o: Omit<ReleaseRunOptions, 'npm' | 'runId'> = {}) =>
    suite.run(f, {
      runId: '8301',
      timeoutMs: 150_000,
      ...o,
      env: { ...oidc.env, ...o.env },
      inputs: {
        assets: 'out/app-linux.bin',
        attest: 'true',
        fulcio_url: f.sig.fulcioUrl,
        rekor_url: f.sig.rekorUrl,
        trusted_root: `${f.sig.url}/trusted_root.json`,
        ...o.inputs,
      },
    });

  const rerunCheckout = suite.rerunCheckout;

  const assetNames = (f: Fixture) => f.gh.state.releases[0]?.assets.map((a) => a.name).sort();
  const predicateTypes = (f: Fixture) =>
    f.gh.state.attestations.map((a) => statementOf(a.bundle as never)?.predicateType);

  test('every artifact signed, stored, fetched back and verified before the release is published', async () => {
    const f = await fixture();
    const r = await release(f);
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('released');
    const tag = 'v1.1.0';
    const sbom = `${f.scope.slice(1)}-core-1.1.0.npm.cdx.json`;
    expect(assetNames(f)).toEqual(
      ['app-linux.bin', sbom, `${sbom}.sigstore.json`, `provenance-${tag}.sigstore.json`].sort(),
    );
    expect(f.gh.state.releases[0]?.draft).toBe(false);
    // GitHub's attestations API holds the provenance (asset + tarball) and the SBOM's (about the tarball).
    expect(predicateTypes(f).sort()).toEqual(['https://cyclonedx.org/bom', 'https://slsa.dev/provenance/v1']);
    // Signed before the release went public, verified in between: the order of the calls says so.
    const ops = f.gh.calls.map((c) => c.operationId);
    expect(ops.lastIndexOf('repos/create-attestation')).toBeLessThan(ops.indexOf('repos/update-release'));
    expect(r.summary).toMatch(/\| attest \| ✅ done \| 2 signed, 0 from an earlier attempt; 2 artifact\(s\)/);
    expect(r.summary).toMatch(
      /\| attest-verify \| ✅ done \| 2 artifact\(s\) verified as http:\/\/127\.0\.0\.1:\d+\/acme\/widget\/\.github\/workflows\/release\.yml@refs\/heads\/main/,
    );
    expect(r.summary).toMatch(/\| release-verify \| ✅ done \| 4 asset\(s\) on the draft, digests match/);
    // The summary lists each artifact, its digest and how to verify it.
    expect(r.summary).toContain('### Attestations (verified before publishing)');
    expect(r.summary).toMatch(
      /`gh attestation verify app-linux\.bin --repo acme\/widget --signer-workflow acme\/widget\/\.github\/workflows\/release\.yml`/,
    );
    expect(r.summary).toMatch(
      new RegExp(`npx release-actions verify --subject npm:${f.scope}/core@1\\.1\\.0 --repository acme/widget`),
    );
    // A consumer's check, outside the action: the tarball from the registry, its attestation from GitHub.
    const root = await loadTrustedRoot({ location: `${f.sig.url}/trusted_root.json` });
    const v = await verifyArtifact({
      subject: { kind: 'npm', name: `${f.scope}/core`, version: '1.1.0' },
      repository: { owner: 'acme', repo: 'widget' },
      github: createGitHubClient({ token: GH_TOKEN, apiUrl: f.gh.url }),
      san: expectedIdentity({ workflow: 'acme/widget/.github/workflows/release.yml', serverUrl: f.gh.serverUrl }),
      trustedRoot: root,
      npmRegistry: npm().url,
    });
    expect(v.attestation.san).toBe(`${f.gh.serverUrl}/${WORKFLOW}`);
    f.gh.assertNoViolations();
  }, 240_000);

  test("attest: auto in a job without attestations: write: released, bundles on the release, GitHub's copy missing and said", async () => {
    const f = await fixture();
    // The caller granted id-token: write (npm trusted publishing) but not attestations: write.
    f.gh.setPermissions({ attestations: 'read' });
    const r = await release(f, { inputs: { attest: 'auto' } });
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('released');
    expect(f.gh.state.releases[0]?.draft).toBe(false);
    expect(f.gh.state.attestations).toHaveLength(0);
    expect(assetNames(f)).toContain('provenance-v1.1.0.sigstore.json');
    expect(r.warnings.join('\n')).toMatch(/not stored in GitHub's attestations API.*attestations: write/);
    // attest: true makes the same refusal an error.
    const g = await fixture();
    g.gh.setPermissions({ attestations: 'read' });
    const strict = await release(g, { inputs: { attest: 'true' } });
    expect(strict.code).not.toBe(0);
    expect(strict.errors.join('\n')).toMatch(/GitHub answered 403.*attestations: write/);
    expect(g.gh.state.releases[0]?.draft).toBe(true);
  }, 240_000);

  test('Rekor down: refused before anything is tagged or published, naming the service', async () => {
    const f = await fixture();
    f.sig.down('rekor');
    const r = await release(f);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /Sigstore Rekor \(rekor_url\) http:\/\/127\.0\.0\.1:\d+\/rekor\/api\/v1\/log is not reachable after 3 tries \(.+\); nothing was signed, tagged or published/,
    );
    expect(f.gh.state.releases).toHaveLength(0);
    expect(f.gh.state.attestations).toHaveLength(0);
    const pkg = await fetch(`${npm().url}${f.scope.replace('@', '%40')}%2fcore`);
    expect(pkg.status).toBe(404);
    f.gh.assertNoViolations();
  }, 120_000);

  test('Rekor failing while signing: a clear error, the release stays a draft; the re-run once it is back completes', async () => {
    const f = await fixture();
    // Answers every request with 503 (the preflight sees a service that answers; signing retries, then gives up).
    f.sig.fail('rekor', { status: 503, message: 'log is read-only for maintenance' });
    const first = await release(f);
    expect(first.code).toBe(1);
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]).toMatch(/signing failed: Rekor http:\/\/127\.0\.0\.1:\d+\/rekor recorded no entry: .*503/);
    expect(first.errors[0]).toContain('log is read-only for maintenance');
    expect(f.gh.state.releases[0]?.draft).toBe(true);
    expect(f.gh.state.attestations).toHaveLength(0);
    f.sig.up('rekor');
    const second = await release(f, { runAttempt: 2, cwd: (await rerunCheckout(f)).dir });
    expect(second.errors).toEqual([]);
    expect(second.outputs.status).toBe('released');
    expect(f.gh.state.attestations).toHaveLength(2);
    f.gh.assertNoViolations();
  }, 300_000);

  test('attest: true without an OIDC token is refused before any side effect, naming the permission', async () => {
    const f = await fixture();
    const r = await release(f, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' } });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('add `permissions: id-token: write`');
    expect(f.gh.state.releases).toHaveLength(0);
  }, 120_000);

  test("a private repository with the public log: attest: true is refused naming GitHub's instance; auto does not sign", async () => {
    const f = await fixture({ private: true });
    const publicLog = { rekor_url: 'https://rekor.sigstore.dev' };
    const refused = await release(f, { inputs: publicLog });
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(
      /rekor_url is the public Sigstore log \(https:\/\/rekor\.sigstore\.dev\) and acme\/widget is private: .*fulcio_url: https:\/\/fulcio\.githubapp\.com, rekor_url: none/,
    );
    expect(f.gh.state.releases).toHaveLength(0);
    // auto: released without attestations, saying why; nothing went to any Sigstore service.
    const auto = await release(f, { runAttempt: 2, inputs: { ...publicLog, attest: 'auto' } });
    expect(auto.errors).toEqual([]);
    expect(auto.stdout).toContain('attest (auto): not signing: acme/widget is private and rekor_url is the public log');
    expect(auto.summary).toMatch(/\| attest \| ⏭️ skipped \| private repository and the public Sigstore log/);
    expect(f.gh.state.attestations).toHaveLength(0);
    expect(f.sig.requests.fulcio + f.sig.requests.rekor).toBe(0);
    f.gh.assertNoViolations();
  }, 240_000);

  test('a crash between signing and upload: the re-run reuses the bundles on the draft, one attestation each', async () => {
    const f = await fixture();
    await lostAfter('attest', (env) => release(f, { env }));
    expect(f.gh.state.releases[0]?.draft).toBe(true);
    expect(f.gh.state.attestations).toHaveLength(0);
    const before = { ...f.sig.requests };
    const second = await release(f, { runAttempt: 2, cwd: (await rerunCheckout(f)).dir });
    expect(second.errors).toEqual([]);
    expect(second.outputs.status).toBe('released');
    expect(second.summary).toMatch(/\| attest \| ☑️ already done \| 0 signed, 2 from an earlier attempt/);
    // Nothing signed again: Fulcio and Rekor saw only the preflight's look (one GET each), no certificate, no
    // entry; nothing stored twice.
    expect(f.sig.requests.fulcio - before.fulcio).toBe(1);
    expect(f.sig.requests.rekor - before.rekor).toBe(1);
    expect(predicateTypes(f).sort()).toEqual(['https://cyclonedx.org/bom', 'https://slsa.dev/provenance/v1']);
    expect(f.gh.state.releases).toHaveLength(1);
    expect(new Set(assetNames(f)).size).toBe(4);
    // A third attempt of the finished job adds nothing either.
    const third = await release(f, { runAttempt: 3, cwd: (await rerunCheckout(f)).dir });
    expect(third.errors).toEqual([]);
    expect(f.gh.state.attestations).toHaveLength(2);
    f.gh.assertNoViolations();
  }, 300_000);

  test('a bundle on the draft signed by another workflow: verification fails on identity, the release stays a draft', async () => {
    const f = await fixture();
    await lostAfter('attest', (env) => release(f, { env }));
    // Someone with write access swaps the provenance on the draft for the same statement signed by their workflow.
    const draft = f.gh.state.releases[0]!;
    const asset = draft.assets.find((a) => a.name.startsWith('provenance-'))!;
    const statement = statementOf(JSON.parse(asset.data.toString('utf8')))!;
    oidc.claims.job_workflow_ref = OTHER;
    const forged = await signStatement(statement, {
      fulcioUrl: f.sig.fulcioUrl,
      rekorUrl: f.sig.rekorUrl,
      identityToken: oidc.token('sigstore'),
    });
    oidc.claims.job_workflow_ref = WORKFLOW;
    asset.data = Buffer.from(JSON.stringify(forged));

    const second = await release(f, { runAttempt: 2, cwd: (await rerunCheckout(f)).dir });
    expect(second.code).toBe(1);
    expect(second.errors).toHaveLength(1);
    expect(second.errors[0]).toMatch(
      /verification after publishing failed, so the release stays a draft: app-linux\.bin: [\s\S]*identity check failed: certificate identity error - expected http:\/\/127\.0\.0\.1:\d+\/acme\/widget\/\.github\/workflows\/release\.yml@refs\/heads\/main, got http:\/\/127\.0\.0\.1:\d+\/mallory\/fork\//,
    );
    expect(f.gh.state.releases[0]?.draft).toBe(true);
    expect(f.gh.count({ operationId: 'repos/update-release' })).toBe(0);
    f.gh.assertNoViolations();
  }, 300_000);

  test('a tarball changed in the registry after publishing: the release names it and stays a draft', async () => {
    const f = await fixture();
    await lostAfter(`npm:${f.scope}/core`, (env) => release(f, { env }));
    // Verdaccio's storage: the published tarball's bytes replaced behind the registry's back.
    const dir = join(npm().dir, 'storage', f.scope, 'core');
    const tgz = readdirSync(dir).find((n) => n.endsWith('.tgz'))!;
    const bytes = readFileSync(join(dir, tgz));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(join(dir, tgz), bytes);

    const second = await release(f, { runAttempt: 2, cwd: (await rerunCheckout(f)).dir });
    expect(second.code).toBe(1);
    expect(second.errors).toHaveLength(1);
    expect(second.errors[0]).toMatch(
      new RegExp(`the tarball of ${f.scope}/core@1\\.1\\.0 does not match the registry's integrity`),
    );
    expect(f.gh.state.releases[0]?.draft).toBe(true);
    expect(f.gh.state.attestations).toHaveLength(0);
    f.gh.assertNoViolations();
  }, 300_000);
});
