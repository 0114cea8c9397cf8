import { buildStatement, sha256Hex, type ProvenanceInput } from './provenance.js';
import { expectedIdentity, parseSubjectSpec } from './artifact.js';
import { parseImageRef } from './oci.js';
import { sameAttestation, statementOf } from './github.js';

const ctx: ProvenanceInput = {
  serverUrl: 'https://github.com/',
  repository: 'acme/widget',
  repositoryId: '4242',
  sha: 'f'.repeat(40),
  ref: 'refs/tags/v1.2.0',
  builderWorkflowRef: 'org/release-actions/.github/workflows/release.yml@refs/tags/v1',
  workflowRef: 'acme/widget/.github/workflows/ship.yml@refs/tags/v1.2.0',
  eventName: 'push',
  runId: '99',
  runAttempt: '2',
  runnerEnvironment: 'github-hosted',
  inputs: { version_bump: 'minor', dry_run: false },
  resolvedDependencies: [{ uri: 'pkg:npm/left-pad@1.3.0', digest: { sha512: 'abc' } }],
};
const subject = { name: 'widget.tgz', digest: { sha256: 'a'.repeat(64) } };

test('an in-toto v1 statement with SLSA provenance v1 in GitHub workflow build type', () => {
  const s = buildStatement([subject], ctx);
  expect(s).toEqual({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [subject],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: {
            ref: 'refs/tags/v1.2.0',
            repository: 'https://github.com/acme/widget',
            path: '.github/workflows/ship.yml',
          },
          inputs: { version_bump: 'minor', dry_run: false },
        },
        internalParameters: {
          github: { event_name: 'push', repository_id: '4242', runner_environment: 'github-hosted' },
        },
        resolvedDependencies: [
          { uri: 'git+https://github.com/acme/widget@refs/tags/v1.2.0', digest: { gitCommit: 'f'.repeat(40) } },
          { uri: 'pkg:npm/left-pad@1.3.0', digest: { sha512: 'abc' } },
        ],
      },
      runDetails: {
        builder: { id: 'https://github.com/org/release-actions/.github/workflows/release.yml@refs/tags/v1' },
        metadata: { invocationId: 'https://github.com/acme/widget/actions/runs/99/attempts/2' },
      },
    },
  });
});

test('bad input is refused, naming what is wrong', () => {
  expect(() => buildStatement([], ctx)).toThrow('provenance: no subject to attest');
  expect(() => buildStatement([{ name: 'x', digest: { sha256: 'abc' } }], ctx)).toThrow(
    'not a sha256 digest: "abc" (64 hex digits expected)',
  );
  expect(() => buildStatement([{ name: '', digest: subject.digest }], ctx)).toThrow('a subject has no name');
  expect(() => buildStatement([subject], { ...ctx, sha: '' })).toThrow(
    'provenance: sha is missing from the build context',
  );
  expect(() => buildStatement([subject], { ...ctx, builderWorkflowRef: 'release.yml' })).toThrow(
    'workflow ref "release.yml" is not owner/repo/path@ref',
  );
  expect(sha256Hex(`sha256:${'b'.repeat(64)}`)).toBe('b'.repeat(64));
});

test('a re-run attempt is the same attestation; another subject or build is not', () => {
  const a = buildStatement([subject], ctx);
  expect(sameAttestation(a, buildStatement([subject], { ...ctx, runAttempt: '3' }))).toBe(true);
  expect(sameAttestation(a, buildStatement([{ ...subject, name: 'other.tgz' }], ctx))).toBe(false);
  expect(sameAttestation(a, buildStatement([subject], { ...ctx, sha: 'e'.repeat(40) }))).toBe(false);
  const bundle = { dsseEnvelope: { payload: Buffer.from(JSON.stringify(a)).toString('base64') } };
  expect(statementOf(bundle as never)).toEqual(a);
  expect(statementOf({ dsseEnvelope: { payload: 'not base64 json' } } as never)).toBeUndefined();
});

test('subjects and identities as a consumer writes them', () => {
  expect(parseSubjectSpec('npm:@acme/widget@1.2.0')).toEqual({ kind: 'npm', name: '@acme/widget', version: '1.2.0' });
  expect(() => parseSubjectSpec('npm:widget')).toThrow('expected npm:<name>@<version>');
  expect(parseSubjectSpec(`ghcr.io/acme/widget@sha256:${'c'.repeat(64)}`)).toEqual({
    kind: 'image',
    image: 'ghcr.io/acme/widget',
    digest: `sha256:${'c'.repeat(64)}`,
  });
  expect(parseSubjectSpec('dist/widget.tgz')).toEqual({ kind: 'file', path: 'dist/widget.tgz' });
  expect(() => parseImageRef('ghcr.io/acme/widget:1.0')).toThrow('has no digest: give it as name@sha256:<64 hex>');
  expect(() => parseImageRef('ghcr.io/acme/widget@sha256:12')).toThrow('not a sha256 digest');

  const any = expectedIdentity({ workflow: 'org/release-actions/.github/workflows/release.yml' }) as RegExp;
  expect(any.test('https://github.com/org/release-actions/.github/workflows/release.yml@refs/tags/v1')).toBe(true);
  expect(any.test('https://github.com/org/release-actions/.github/workflows/release.yml.evil@x')).toBe(false);
  expect(expectedIdentity({ workflow: 'org/r/.github/workflows/release.yml@refs/tags/v1' })).toBe(
    'https://github.com/org/r/.github/workflows/release.yml@refs/tags/v1',
  );
  const repo = expectedIdentity({ repository: 'acme/widget', serverUrl: 'https://ghe.example.com' }) as RegExp;
  expect(repo.test('https://ghe.example.com/acme/widget/.github/workflows/x.yml@refs/heads/main')).toBe(true);
  expect(repo.test('https://ghe.example.com/acme/widget-fork/.github/workflows/x.yml@refs/heads/main')).toBe(false);
  expect(() => expectedIdentity({})).toThrow('say whose signature to expect');
});
