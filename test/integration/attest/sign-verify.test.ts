/**
 * Signing and verification against the local Sigstore (sigstore's own mock Fulcio, Rekor and TSA on 127.0.0.1,
 * the trusted root served through TUF), with id tokens from the local runner OIDC endpoint and attestations
 * stored in the GitHub API double (validated against GitHub's OpenAPI description). Faults: Rekor failing or
 * down, a tampered file, a certificate for another workflow, an untrusted CA, a re-run after a crash between
 * signing and uploading.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildStatement,
  expectedIdentity,
  fileSubject,
  getIdToken,
  listAttestations,
  loadTrustedRoot,
  NO_ID_TOKEN,
  signStatement,
  uploadAttestation,
  verifyArtifact,
  verifyBundle,
  type TrustedRoot,
} from '../../../packages/shared/src/attest/index.js';
import { createGitHubClient } from '../../../packages/shared/src/github/index.js';
import { ISSUER, SAN, startAttestStack, WORKFLOW, type AttestStack } from '../../support/attest.js';
import { closeChecked, startGitHubDouble, type GitHubDouble } from '../../support/github/index.js';
import { startSigstore, type OidcTokenService, type SigstoreStack } from '../../support/services/index.js';

let stack: AttestStack;
let oidc: OidcTokenService;
let sig: SigstoreStack;
let root: TrustedRoot;
let dir: string;

beforeAll(async () => {
  stack = await startAttestStack();
  ({ oidc, sig, root } = stack);
  dir = mkdtempSync(join(tmpdir(), 'attest-'));
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  oidc.claims.job_workflow_ref = WORKFLOW;
  sig.up('rekor');
});

const token = () => stack.token();
const sign: AttestStack['sign'] = (subjects, o) => stack.sign(subjects, o);

/** The statement a push to acme/widget's main by the release workflow makes about `subjects`. */
const pushStatement = (subjects: Parameters<typeof buildStatement>[0]) =>
  buildStatement(subjects, {
    serverUrl: 'https://github.com',
    repository: 'acme/widget',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    builderWorkflowRef: WORKFLOW,
    eventName: 'push',
    runId: '1',
    runAttempt: '1',
  });

/** verifyBundle's input: `bundle` checked for `subjectDigest` against the release workflow's identity and root. */
const checkOf = (bundle: unknown, subjectDigest: string): Parameters<typeof verifyBundle>[0] => ({
  bundle,
  subjectDigest,
  expected: { san: SAN, issuer: ISSUER },
  trustedRoot: root,
});

function artifact(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('a file', () => {
  it('signs keyless (Fulcio certificate, Rekor entry, TSA timestamp) and verifies against the workflow identity', async () => {
    const path = artifact('widget-1.0.0.tgz', 'the release asset');
    const bundle = await sign([await fileSubject(path)]);
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(bundle.verificationMaterial.tlogEntries[0]!.kindVersion).toEqual({ kind: 'intoto', version: '0.0.2' });
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    const bundlePath = join(dir, 'widget.sigstore.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));

    const ok = await verifyArtifact({
      subject: { kind: 'file', path },
      bundlePath,
      san: expectedIdentity({ workflow: 'acme/widget/.github/workflows/release.yml' }),
      trustedRoot: root,
    });
    expect(ok.attestation.san).toBe(SAN);
    expect(ok.attestation.issuer).toBe(ISSUER);
    const predicate = ok.attestation.statement.predicate as {
      runDetails: { builder: { id: string }; metadata: { invocationId: string } };
      buildDefinition: { externalParameters: { inputs: unknown }; resolvedDependencies: unknown[] };
    };
    expect(predicate.runDetails.builder.id).toBe(SAN);
    expect(predicate.runDetails.metadata.invocationId).toBe(
      'https://github.com/acme/widget/actions/runs/1001/attempts/1',
    );
    expect(predicate.buildDefinition.externalParameters.inputs).toEqual({ version_bump: 'minor' });
    expect(predicate.buildDefinition.resolvedDependencies[0]).toEqual({
      uri: 'git+https://github.com/acme/widget@refs/heads/main',
      digest: { gitCommit: 'a'.repeat(40) },
    });
  });

  it('a tampered file fails the digest check', async () => {
    const path = artifact('tampered.txt', 'original');
    const bundle = await sign([await fileSubject(path)]);
    appendFileSync(path, ' + one byte more');
    const changed = await fileSubject(path);
    await expect(verifyBundle(checkOf(bundle, changed.digest.sha256))).rejects.toThrow(
      /^digest check failed: the artifact's sha256:[0-9a-f]{64} is not a subject of the attestation \(it attests tampered\.txt/,
    );
  });

  it("a signer's hostile subject name reaches the message as one line, never a workflow command", async () => {
    const bundle = await sign([{ name: 'x\n::error::pwned\r\n##[group]', digest: { sha256: 'd'.repeat(64) } }]);
    const err = await verifyBundle(checkOf(bundle, 'e'.repeat(64))).catch((e: Error) => e);
    expect(String(err)).toContain('(it attests x\\n::error::pwned\\r\\n##[group] (sha256:dddddddddddd…))');
    expect(String(err)).not.toMatch(/\n/);
  });

  it('a certificate for another workflow fails the identity check', async () => {
    oidc.claims.job_workflow_ref = 'mallory/fork/.github/workflows/release.yml@refs/heads/main';
    const path = artifact('other.txt', 'signed elsewhere');
    const subject = await fileSubject(path);
    const bundle = await sign([subject]);
    const err = await verifyBundle(checkOf(bundle, subject.digest.sha256)).catch((e: Error) => e);
    expect(err).toMatchObject({ check: 'identity' });
    expect(String(err)).toContain('https://github.com/mallory/fork/.github/workflows/release.yml@refs/heads/main');
    expect(String(err)).toContain(`expected the workflow ${SAN}`);
  });

  it('a bundle from another Sigstore (an untrusted CA) fails the certificate check', async () => {
    const other = await startSigstore();
    try {
      const subject = await fileSubject(artifact('foreign.txt', 'x'));
      const identityToken = await token();
      const bundle = await signStatement(pushStatement([subject]), {
        fulcioUrl: other.fulcioUrl,
        rekorUrl: other.rekorUrl,
        identityToken,
      });
      await expect(verifyBundle(checkOf(bundle, subject.digest.sha256))).rejects.toMatchObject({
        check: expect.stringMatching(/^(certificate|tlog)$/),
      });
    } finally {
      await other.stop();
    }
  });

  it("GitHub's private-repository setup: a TSA timestamp and no transparency log, verified without requiring one", async () => {
    const subject = await fileSubject(artifact('private.txt', 'p'));
    const identityToken = await token();
    const before = sig.requests.rekor;
    const bundle = await signStatement(pushStatement([subject]), {
      fulcioUrl: sig.fulcioUrl,
      tsaUrl: sig.tsaUrl,
      identityToken,
    });
    expect(sig.requests.rekor).toBe(before);
    expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
    const input = checkOf(bundle, subject.digest.sha256);
    await expect(verifyBundle({ ...input, requireTlog: false })).resolves.toMatchObject({ san: SAN });
    await expect(verifyBundle(input)).rejects.toMatchObject({ check: 'tlog' });
    // A trusted root with no log (as GitHub's private instance's) requires none by default.
    const noLog = await loadTrustedRoot({ json: { ...sig.trustedRoot, tlogs: [] } });
    await expect(verifyBundle({ ...input, trustedRoot: noLog })).resolves.toMatchObject({ san: SAN });
    await expect(
      signStatement(JSON.parse(JSON.stringify(bundle)) as never, { fulcioUrl: sig.fulcioUrl, identityToken }),
    ).rejects.toThrow('signing needs a transparency log (rekor_url) or a timestamp authority (tsa_url)');
  });

  it('a garbled bundle fails the bundle check', async () => {
    await expect(verifyBundle(checkOf({ mediaType: 'nope' }, 'b'.repeat(64)))).rejects.toThrow(
      /^bundle check failed: not a Sigstore bundle/,
    );
  });
});

describe('faults while signing', () => {
  it('Rekor answering 503 is retried, then fails naming Rekor and its message; a later run succeeds', async () => {
    sig.fail('rekor', { status: 503, message: 'tlog backend unavailable' });
    const before = sig.requests.rekor;
    const subject = await fileSubject(artifact('r.txt', 'r'));
    await expect(sign([subject], { retries: 2 })).rejects.toThrow(
      /^signing failed: Rekor http:\/\/127\.0\.0\.1:\d+\/rekor recorded no entry: error creating tlog entry - \(503\) tlog backend unavailable/,
    );
    expect(sig.requests.rekor - before).toBe(3); // the first try and two retries
    sig.up('rekor');
    const bundle = await sign([subject]);
    await expect(verifyBundle(checkOf(bundle, subject.digest.sha256))).resolves.toMatchObject({ san: SAN });
  });

  it('Rekor down (connections dropped) fails after the retries with the network error', async () => {
    sig.down('rekor');
    const subject = await fileSubject(artifact('d.txt', 'd'));
    await expect(sign([subject], { retries: 1 })).rejects.toThrow(
      /^signing failed: Rekor .* recorded no entry: .*(socket hang up|ECONNRESET|other side closed)/,
    );
  });

  it('without id-token: write the token request names the permission; a bad request token shows the runner answer', async () => {
    await expect(getIdToken({ audience: 'sigstore' })).rejects.toThrow(NO_ID_TOKEN);
    expect(NO_ID_TOKEN).toContain('permissions: id-token: write');
    await expect(
      getIdToken({ requestUrl: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL, requestToken: 'wrong', audience: 'sigstore' }),
    ).rejects.toThrow(/refused an OIDC id token \(HTTP 401\): .*Bad credentials/);
  });

  it('Fulcio refuses a token for another audience, and the error carries its message', async () => {
    const wrong = oidc.token('npm:registry.npmjs.org');
    const statement = pushStatement([{ name: 'x', digest: { sha256: 'c'.repeat(64) } }]);
    await expect(
      signStatement(statement, { fulcioUrl: sig.fulcioUrl, rekorUrl: sig.rekorUrl, identityToken: wrong, retries: 0 }),
    ).rejects.toThrow(
      /^signing failed: Fulcio .* gave no certificate: .*\(401\).*audience is "npm:registry.npmjs.org", not "sigstore"/,
    );
  });
});

describe('GitHub attestations API', () => {
  let gh: GitHubDouble;
  beforeEach(async () => (gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' })));
  afterEach(() => closeChecked(gh));
  const client = (retries = 3) =>
    createGitHubClient({ token: 'ghs_test', apiUrl: gh.url, retries, retryAfterBaseSeconds: 0 });

  it('uploads once: a re-run after a crash between signing and upload signs again but adds no duplicate', async () => {
    const path = artifact('widget-2.0.0.tgz', 'v2');
    const subject = await fileSubject(path);
    const first = await sign([subject]);
    expect(await uploadAttestation(client(), { owner: 'acme', repo: 'widget' }, first)).toMatchObject({
      created: true,
    });
    // The crash: the job dies after uploading, before recording it; the re-run signs anew (another certificate).
    const second = await sign([subject]);
    expect(second.dsseEnvelope!.signatures[0]!.sig).not.toBe(first.dsseEnvelope!.signatures[0]!.sig);
    expect(await uploadAttestation(client(), { owner: 'acme', repo: 'widget' }, second)).toEqual({ created: false });
    expect(gh.state.attestations).toHaveLength(1);
    expect(gh.count({ operationId: 'repos/create-attestation' })).toBe(1);

    const listed = await listAttestations(client(), { owner: 'acme', repo: 'widget' }, subject.digest.sha256);
    expect(listed).toHaveLength(1);
    const ok = await verifyArtifact({
      subject: { kind: 'file', path },
      repository: { owner: 'acme', repo: 'widget' },
      github: client(),
      san: expectedIdentity({ repository: 'acme/widget' }),
      trustedRoot: root,
    });
    expect(ok.source).toBe('GitHub attestations of acme/widget');
  });

  it('a 5xx on upload is retried by the client and stores one attestation', async () => {
    const subject = await fileSubject(artifact('five.txt', '5'));
    const bundle = await sign([subject]);
    gh.failNext({ operationId: 'repos/create-attestation', status: 502 });
    expect(await uploadAttestation(client(), { owner: 'acme', repo: 'widget' }, bundle)).toMatchObject({
      created: true,
    });
    expect(gh.state.attestations).toHaveLength(1);
  });

  it('without attestations: write the upload fails naming the permission and GitHub message', async () => {
    gh.setPermissions({ attestations: 'read' });
    const bundle = await sign([await fileSubject(artifact('perm.txt', 'p'))]);
    await expect(uploadAttestation(client(0), { owner: 'acme', repo: 'widget' }, bundle)).rejects.toThrow(
      /failed: GitHub answered 403: Resource not accessible by integration.*permissions: attestations: write/,
    );
    expect(gh.state.attestations).toHaveLength(0);
  });

  it('GitHub refuses a bundle with no in-toto statement (422), and the error carries its message', async () => {
    const bundle = await sign([await fileSubject(artifact('bad.txt', 'b'))]);
    const garbled = { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope!, payloadType: 'text/plain' } };
    await expect(
      client(0).rest.request('POST /repos/{owner}/{repo}/attestations', {
        owner: 'acme',
        repo: 'widget',
        bundle: garbled,
      }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Invalid bundle') });
    await expect(uploadAttestation(client(0), { owner: 'acme', repo: 'widget' }, garbled as never)).rejects.toThrow(
      /failed: GitHub answered 422: Invalid bundle: a DSSE envelope with an in-toto statement is required/,
    );
    expect(gh.state.attestations).toHaveLength(0);
  });

  it('lists every attestation of a digest across pages (after cursors)', async () => {
    const subject = await fileSubject(artifact('many.txt', 'm'));
    const bundle = await sign([subject]);
    // 101 stored bundles of one digest (posted directly: the client would pace writes at one per second).
    for (let i = 0; i < 101; i++) {
      const res = await fetch(`${gh.url}/repos/acme/widget/attestations`, {
        method: 'POST',
        headers: { authorization: 'Bearer ghs_test', 'content-type': 'application/json' },
        body: JSON.stringify({ bundle }),
      });
      expect(res.status).toBe(201);
    }
    const listed = await listAttestations(client(), { owner: 'acme', repo: 'widget' }, subject.digest.sha256);
    expect(listed).toHaveLength(101);
    expect(gh.count({ operationId: 'repos/list-attestations' })).toBe(2);
  });

  it('an unattested artifact: says where it looked', async () => {
    const path = artifact('never-signed.txt', 'n');
    await expect(
      verifyArtifact({
        subject: { kind: 'file', path },
        repository: { owner: 'acme', repo: 'widget' },
        github: client(),
        san: SAN,
        trustedRoot: root,
      }),
    ).rejects.toThrow(
      /^never-signed\.txt \(sha256:[0-9a-f]{64}\) is not attested: no attestation found in GitHub attestations of acme\/widget$/,
    );
  });
});

describe('trusted roots', () => {
  it('from a file, a URL, and refused when unreadable or empty', async () => {
    expect((await loadTrustedRoot({ location: sig.trustedRootPath })).tlogs).toHaveLength(1);
    expect((await loadTrustedRoot({ location: `${sig.url}/trusted_root.json` })).certificateAuthorities).toHaveLength(
      1,
    );
    await expect(loadTrustedRoot({ location: join(dir, 'missing.json') })).rejects.toThrow(
      /trusted root file .*missing\.json cannot be read/,
    );
    writeFileSync(join(dir, 'empty.json'), '{}');
    await expect(loadTrustedRoot({ location: join(dir, 'empty.json') })).rejects.toThrow(
      /names no certificate authority/,
    );
  });
});
