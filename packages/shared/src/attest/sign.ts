/**
 * Keyless signing: an ephemeral key, a Fulcio certificate for the job's OIDC identity, the statement wrapped in
 * a DSSE envelope, witnessed by Rekor (an `intoto` entry) and, when configured, an RFC 3161 timestamp from a TSA.
 * The result is a Sigstore bundle (JSON, v0.3) as `gh attestation verify` and `cosign` read it. Transient
 * failures (5xx, 408, 429, network) are retried by @sigstore/sign's fetch with backoff; what is left is
 * reported with the server's own message.
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { StageError, errorMessage } from '../util/errors.js';
import { IN_TOTO_PAYLOAD_TYPE, type Statement } from './provenance.js';
import { cjs } from '../util/cjs.js';

export type { SerializedBundle };

/**
 * The two Sigstore instances a release signs with: the public one (public repositories) and GitHub's own
 * (private repositories: Fulcio and a TSA, no public transparency log).
 */
export const SIGSTORE = {
  public: { fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' },
  github: { fulcio: 'https://fulcio.githubapp.com', tsa: 'https://timestamp.githubapp.com/api/v1/timestamp' },
} as const;

export interface SignOptions {
  fulcioUrl: string;
  /** Omit only with a TSA (GitHub's private instance keeps no public log). */
  rekorUrl?: string;
  tsaUrl?: string;
  /** The job's OIDC token for audience `sigstore`. */
  identityToken: string;
  /** Retries of each request after a transient failure (default 3). */
  retries?: number;
  /** First backoff in ms (default 1000; doubles each retry). */
  retryDelayMs?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** Signs `statement`; throws a StageError naming the service that failed and what it said. */
export async function signStatement(statement: Statement, o: SignOptions): Promise<SerializedBundle> {
  if (!o.rekorUrl && !o.tsaUrl) {
    throw new StageError('signing needs a transparency log (rekor_url) or a timestamp authority (tsa_url)');
  }
  // CommonJS modules imported from a split chunk arrive as their default export (docs/architecture.md).
  const { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } = cjs(await import('@sigstore/sign'));
  const { bundleToJSON } = cjs(await import('@sigstore/bundle'));
  const fetchOptions = {
    retry: { retries: o.retries ?? 3, factor: 2, minTimeout: o.retryDelayMs ?? 1000, maxTimeout: 10_000 },
    timeout: o.timeoutMs ?? 30_000,
  };
  const token = o.identityToken;
  const signer = new FulcioSigner({
    fulcioBaseURL: o.fulcioUrl,
    identityProvider: { getToken: () => Promise.resolve(token) },
    ...fetchOptions,
  });
  const witnesses = [];
  if (o.rekorUrl) witnesses.push(new RekorWitness({ rekorBaseURL: o.rekorUrl, entryType: 'intoto', ...fetchOptions }));
  if (o.tsaUrl) witnesses.push(new TSAWitness({ tsaBaseURL: o.tsaUrl, ...fetchOptions }));
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  try {
    const bundle = await builder.create({
      data: Buffer.from(JSON.stringify(statement)),
      type: IN_TOTO_PAYLOAD_TYPE,
    });
    return bundleToJSON(bundle);
  } catch (e) {
    throw new StageError(`signing failed: ${signingFailure(e, o)}`);
  }
}

/** Which service failed and its own words: @sigstore/sign's InternalError codes name the step. */
function signingFailure(e: unknown, o: SignOptions): string {
  const err = e as { code?: string; cause?: unknown; message?: string };
  const cause = err.cause ? ` (${errorMessage(err.cause)})` : '';
  switch (err.code) {
    case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
      return `Fulcio ${o.fulcioUrl} gave no certificate: ${errorMessage(e)}${cause}`;
    case 'TLOG_CREATE_ENTRY_ERROR':
      return `Rekor ${o.rekorUrl} recorded no entry: ${errorMessage(e)}${cause}`;
    case 'TSA_CREATE_TIMESTAMP_ERROR':
      return `the timestamp authority ${o.tsaUrl} gave no timestamp: ${errorMessage(e)}${cause}`;
    default:
      return `${errorMessage(e)}${cause}`;
  }
}
