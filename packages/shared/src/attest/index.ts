/**
 * attest/: signed build provenance (SLSA v1 in in-toto statements, Sigstore keyless) and its verification.
 * - provenance.ts: buildStatement — the statement for a set of subjects (name + sha256) and the build context.
 * - oidc.ts: getIdToken — the runner's id-token protocol (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN).
 * - sign.ts: signStatement — Fulcio certificate, DSSE envelope, Rekor entry, optional TSA timestamp → bundle.
 * - verify.ts: verifyBundle — certificate chain, identity (workflow + issuer), tlog, signature, subject digest.
 * - trusted-root.ts: loadTrustedRoot — the public root through TUF, or one given as a file, URL or JSON.
 * - github.ts: uploadAttestation / listAttestations — GitHub's attestations API, without duplicates on re-run.
 * - oci.ts: pushReferrer / findReferrers — the bundle as an OCI referrer of an image digest (cosign's layout).
 * - subject.ts: subject digests of files, npm tarballs and image manifests.
 * - artifact.ts: verifyArtifact — fetch a published artifact, find its bundles, verify; parseSubjectSpec.
 */
export * from './provenance.js';
export * from './oidc.js';
export * from './sign.js';
export * from './verify.js';
export * from './trusted-root.js';
export * from './github.js';
export * from './oci.js';
export * from './subject.js';
export * from './artifact.js';
