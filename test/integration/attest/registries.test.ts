/**
 * Attesting what the registries serve: an npm tarball published to Verdaccio (the subject digested from the
 * tarball downloaded back, the attestation stored in the GitHub double) and an image pushed to Debian's
 * docker-registry (the bundle pushed beside it as an OCI referrer; that registry has no referrers API, so the
 * `sha256-<hex>` tag fallback is used, and found again by the verification).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLE_ARTIFACT_TYPE,
  expectedIdentity,
  findReferrers,
  imageSubject,
  npmSubject,
  parseSubjectSpec,
  pushReferrer,
  uploadAttestation,
  verifyArtifact,
} from '../../../packages/shared/src/attest/index.js';
import { createGitHubClient } from '../../../packages/shared/src/github/index.js';
import { RegistryClient } from '../../../packages/shared/src/publish/docker.js';
import { runVerifyCli, SAN, startAttestStack, type AttestStack } from '../../support/attest.js';
import { publishVersions, startImageRegistry, type ImageRegistry } from '../../support/registry-fixtures.js';
import { closeChecked, startGitHubDouble, type GitHubDouble } from '../../support/github/index.js';
import {
  buildScratchImage,
  describeWithService,
  pushImage,
  requireService,
  requireServices,
  startVerdaccio,
  type Registry,
  type Verdaccio,
} from '../../support/services/index.js';

const npmServices = await requireService('verdaccio');
const dockerServices = await requireServices('docker', 'docker-registry');

let stack: AttestStack;
beforeAll(async () => (stack = await startAttestStack()));
afterAll(async () => stack?.stop());

describeWithService(npmServices, 'an npm tarball on Verdaccio', () => {
  let v: Verdaccio;
  let gh: GitHubDouble;
  let base: string;
  const PKG = '@acme/widget';
  const repo = { owner: 'acme', repo: 'widget' };

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'attest-npm-'));
    v = await startVerdaccio();
    gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
    await publishVersions(v, base, PKG, ['1.0.0', '1.0.1']);
  }, 90_000);
  afterAll(() =>
    closeChecked(
      gh,
      () => v?.stop(),
      () => rmSync(base, { recursive: true, force: true }),
    ),
  );
  const client = () => createGitHubClient({ token: 'ghs_test', apiUrl: gh.url, retryAfterBaseSeconds: 0 });

  it('the tarball downloaded back is attested, uploaded and verified; another version is not attested', async () => {
    const { subject } = await npmSubject(fetch, v.url, PKG, '1.0.0');
    expect(subject.name).toBe('pkg:npm/%40acme/widget@1.0.0');
    const bundle = await stack.sign([subject]);
    await uploadAttestation(client(), repo, bundle);

    const ok = await verifyArtifact({
      subject: parseSubjectSpec(`npm:${PKG}@1.0.0`),
      npmRegistry: v.url,
      repository: repo,
      github: client(),
      san: expectedIdentity({ repository: 'acme/widget' }),
      trustedRoot: stack.root,
    });
    expect(ok.attestation.san).toBe(SAN);
    expect(ok.subject.digest.sha256).toBe(subject.digest.sha256);

    await expect(
      verifyArtifact({
        subject: parseSubjectSpec(`npm:${PKG}@1.0.1`),
        npmRegistry: v.url,
        repository: repo,
        github: client(),
        san: SAN,
        trustedRoot: stack.root,
      }),
    ).rejects.toThrow(/^pkg:npm\/%40acme\/widget@1\.0\.1 \(sha256:[0-9a-f]{64}\) is not attested/);
  });

  it("a tarball changed in the registry's storage after signing fails: integrity, then digest", async () => {
    const { subject } = await npmSubject(fetch, v.url, PKG, '1.0.1');
    const bundle = await stack.sign([subject]);
    const bundlePath = join(base, 'b.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));
    // Replace the stored tarball with another valid one (1.0.0's bytes): what a compromised registry could serve.
    const storage = join(v.dir, 'storage', '@acme', 'widget');
    const tgz = readdirSync(storage).filter((f) => f.endsWith('.tgz'));
    const { tarball: other } = await npmSubject(fetch, v.url, PKG, '1.0.0');
    writeFileSync(
      join(
        storage,
        tgz.find((f) => f.includes('1.0.1'))!,
      ),
      other,
    );
    const spec = parseSubjectSpec(`npm:${PKG}@1.0.1`);
    // The registry's own sha512 no longer matches what it serves: refused before any verification.
    await expect(
      verifyArtifact({ subject: spec, npmRegistry: v.url, bundlePath, san: SAN, trustedRoot: stack.root }),
    ).rejects.toThrow(/the tarball of @acme\/widget@1\.0\.1 does not match the registry's integrity sha512-/);
    // And the served bytes against the attestation: the digest check names it.
    await expect(
      verifyArtifact({
        subject: parseSubjectSpec(`npm:${PKG}@1.0.0`),
        npmRegistry: v.url,
        bundlePath,
        san: SAN,
        trustedRoot: stack.root,
      }),
    ).rejects.toThrow(
      /b\.json: digest check failed: the artifact's sha256:[0-9a-f]{64} is not a subject of the attestation \(it attests pkg:npm\/%40acme\/widget@1\.0\.1/,
    );
  });
});

describeWithService(dockerServices, 'an image on docker-registry', () => {
  let images: ImageRegistry;
  let registry: Registry;
  let config: ImageRegistry['config'];
  let image: string;
  let digest: string;
  let refs: string[];

  beforeAll(async () => {
    images = await startImageRegistry(['1.0.0']);
    ({ registry, config, image, refs } = images);
    digest = images.digests['1.0.0']!;
  }, 120_000);
  afterAll(async () => images?.stop());
  const client = () => new RegistryClient(fetch, { username: registry.username!, password: registry.password! });

  it('the bundle is pushed as a referrer (tag fallback), found again and verified; a re-run pushes nothing', async () => {
    const ref = parseSubjectSpec(`${image}@${digest}`);
    if (ref.kind !== 'image') throw new Error('not an image ref');
    const subject = await imageSubject(client(), ref);
    expect(subject).toEqual({ name: image, digest: { sha256: digest.slice(7) } });
    const bundle = await stack.sign([subject]);

    const pushed = await pushReferrer(client(), ref, bundle);
    expect(pushed).toMatchObject({ created: true, via: 'tag-schema' });
    expect(await registry.tags('acme/widget')).toContain(`sha256-${digest.slice(7)}`);
    const index = JSON.parse((await client().manifest(image, `sha256-${digest.slice(7)}`))!.body.toString()) as {
      manifests: { digest: string; artifactType: string }[];
    };
    expect(index.manifests).toEqual([
      expect.objectContaining({ digest: pushed.digest, artifactType: BUNDLE_ARTIFACT_TYPE }),
    ]);
    const manifest = JSON.parse((await client().manifest(image, pushed.digest))!.body.toString()) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      artifactType: BUNDLE_ARTIFACT_TYPE,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2 },
      subject: { digest },
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1',
      },
    });

    // The re-run signs again; the same attestation is already there: nothing is added.
    const again = await pushReferrer(client(), ref, await stack.sign([subject]));
    expect(again).toMatchObject({ created: false, digest: pushed.digest });
    expect(await findReferrers(client(), ref)).toHaveLength(1);

    const ok = await verifyArtifact({
      subject: ref,
      registryCredentials: { username: registry.username!, password: registry.password! },
      san: expectedIdentity({ workflow: 'acme/widget/.github/workflows/release.yml' }),
      trustedRoot: stack.root,
    });
    expect(ok.source).toBe(`${image}@${pushed.digest} (OCI referrer)`);

    // The CLI, as a consumer runs it: the registry login from DOCKER_CONFIG, the bundle from the referrer.
    const cliArgs = [
      '--subject',
      `${image}@${digest}`,
      '--workflow',
      'acme/widget/.github/workflows/release.yml',
      '--trusted-root',
      stack.sig.trustedRootPath,
    ];
    const byCli = await runVerifyCli(cliArgs, { cwd: tmpdir(), env: { DOCKER_CONFIG: config.dir } });
    expect(byCli.stderr).toBe('');
    expect(byCli.code).toBe(0);
    expect(byCli.stdout).toContain(`verified: ${image} (${digest})`);
    const noLogin = await runVerifyCli(cliArgs, {
      cwd: tmpdir(),
      env: { DOCKER_CONFIG: join(tmpdir(), 'no-such-docker-config') },
    });
    expect(noLogin.code).toBe(1);
    expect(noLogin.stderr).toContain('HTTP 401');
  });

  it('an image nobody attested: says it looked at the referrers', async () => {
    const ref = `${image}:unsigned`;
    refs.push(ref);
    await buildScratchImage(ref, { '/VERSION': 'x\n' }, { busybox: false, cmd: ['/VERSION'] });
    const d = await pushImage(ref, { dockerConfig: config.dir });
    await expect(
      verifyArtifact({
        subject: parseSubjectSpec(`${image}@${d}`),
        registryCredentials: { username: registry.username!, password: registry.password! },
        san: SAN,
        trustedRoot: stack.root,
      }),
    ).rejects.toThrow(`is not attested: no attestation found in OCI referrers of ${image}@${d}`);
  });
});
