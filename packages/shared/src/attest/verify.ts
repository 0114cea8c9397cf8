/**
 * Verification of one bundle against one artifact: the signature chains to the trusted root's Fulcio CA, the
 * certificate identity is the expected workflow and OIDC issuer, the Rekor entry (or TSA timestamp) proves when it
 * was signed, and the signed statement names the artifact's digest. A failure says which of these checks failed,
 * so "tampered artifact" (digest) reads differently from "signed by someone else" (identity).
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { errorMessage } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import { IN_TOTO_PAYLOAD_TYPE, sha256Hex, type Statement } from './provenance.js';
import type { TrustedRoot } from './trusted-root.js';
import { cjs } from '../util/cjs.js';

/** The issuer of GitHub Actions OIDC tokens, as Fulcio records it in the certificate. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export type VerifyCheck = 'bundle' | 'certificate' | 'identity' | 'signature' | 'tlog' | 'timestamp' | 'digest';

export class AttestationVerificationError extends Error {
  constructor(
    readonly check: VerifyCheck,
    message: string,
  ) {
    super(`${check} check failed: ${message}`);
    this.name = 'AttestationVerificationError';
  }
}

export interface VerifyInput {
  bundle: SerializedBundle | unknown;
  /** sha256 of the artifact as downloaded (`sha256:…` or hex). */
  subjectDigest: string;
  expected: {
    /** The certificate's SAN: the signing workflow, `https://github.com/owner/repo/.github/workflows/x.yml@ref`. */
    san: string | RegExp;
    issuer: string;
  };
  trustedRoot: TrustedRoot;
  /**
   * Require a transparency-log entry. Default: when the trusted root has a log (the public Sigstore's does;
   * GitHub's private instance has none and timestamps with its TSA instead).
   */
  requireTlog?: boolean;
}

export interface VerifiedAttestation {
  statement: Statement;
  /** The certificate's SAN and issuer as verified. */
  san: string;
  issuer: string;
}

export async function verifyBundle(input: VerifyInput): Promise<VerifiedAttestation> {
  const [{ bundleFromJSON }, { Verifier, toSignedEntity, toTrustMaterial, PolicyError, VerificationError }] =
    await Promise.all([import('@sigstore/bundle').then(cjs), import('@sigstore/verify').then(cjs)]);
  let hex: string;
  try {
    hex = sha256Hex(input.subjectDigest);
  } catch (e) {
    throw new AttestationVerificationError('digest', errorMessage(e));
  }
  let bundle;
  try {
    bundle = bundleFromJSON(input.bundle);
  } catch (e) {
    throw new AttestationVerificationError('bundle', `not a Sigstore bundle: ${errorMessage(e)}`);
  }
  if (bundle.content.$case !== 'dsseEnvelope') {
    throw new AttestationVerificationError('bundle', 'the bundle holds a message signature, not an attestation');
  }
  const requireTlog = input.requireTlog ?? input.trustedRoot.tlogs.length > 0;
  const verifier = new Verifier(toTrustMaterial(input.trustedRoot), {
    tlogThreshold: requireTlog ? 1 : 0,
    ctlogThreshold: 1,
    timestampThreshold: 1,
  });
  let signer;
  try {
    signer = verifier.verify(toSignedEntity(bundle), {
      subjectAlternativeName: input.expected.san,
      extensions: { issuer: input.expected.issuer },
    });
  } catch (e) {
    if (e instanceof PolicyError) {
      throw new AttestationVerificationError(
        'identity',
        `${e.message} (expected the workflow ${String(input.expected.san)} and issuer ${input.expected.issuer})`,
      );
    }
    if (e instanceof VerificationError) throw new AttestationVerificationError(checkOf(e.code), e.message);
    throw new AttestationVerificationError('signature', errorMessage(e));
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new AttestationVerificationError('bundle', `payload type ${envelope.payloadType}, not an in-toto statement`);
  }
  let statement: Statement;
  try {
    statement = JSON.parse(envelope.payload.toString('utf8')) as Statement;
  } catch {
    throw new AttestationVerificationError('bundle', 'the signed payload is not JSON');
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  if (!subjects.some((s) => s?.digest?.sha256 === hex)) {
    // The names are the signer's data: one line each, no workflow command, when they reach a log.
    const names = subjects
      .map((s) => `${escapeLogText(s?.name, { max: 200 })} (sha256:${escapeLogText(s?.digest?.sha256).slice(0, 12)}…)`)
      .join(', ');
    throw new AttestationVerificationError(
      'digest',
      `the artifact's sha256:${hex} is not a subject of the attestation (it attests ${names || 'nothing'}): the artifact was changed after signing, or this is another artifact's attestation`,
    );
  }
  return {
    statement,
    san: signer.identity?.subjectAlternativeName ?? '',
    issuer: signer.identity?.extensions?.issuer ?? '',
  };
}

function checkOf(code: string): VerifyCheck {
  if (code.startsWith('TLOG')) return 'tlog';
  if (code === 'TIMESTAMP_ERROR') return 'timestamp';
  if (code === 'CERTIFICATE_ERROR' || code === 'PUBLIC_KEY_ERROR') return 'certificate';
  return 'signature';
}
