/**
 * The local signing stack the attestation tests and bench/attest share: the runner's OIDC endpoint, a local
 * Sigstore (Fulcio, Rekor, TSA, TUF) trusting its tokens, the trusted root fetched through TUF, and `sign()`,
 * which does what the release job does: an id token for `sigstore`, the statement from its claims, a bundle.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildStatement,
  decodeIdTokenClaims,
  getIdToken,
  loadTrustedRoot,
  signStatement,
  type SerializedBundle,
  type Subject,
  type TrustedRoot,
} from '../../packages/shared/src/attest/index.js';
import {
  startOidcTokenService,
  startSigstore,
  type OidcTokenService,
  type SigstoreStack,
} from '../../packages/testkit/src/services/index.js';
import { runCli, type CliRun } from './cli-process.js';

export const WORKFLOW = 'acme/widget/.github/workflows/release.yml@refs/heads/main';
export const SAN = `https://github.com/${WORKFLOW}`;
export const ISSUER = 'https://token.actions.githubusercontent.com';

export interface AttestStack {
  oidc: OidcTokenService;
  sig: SigstoreStack;
  root: TrustedRoot;
  token(): Promise<string>;
  sign(subjects: Subject[], o?: { tsa?: boolean; retries?: number }): Promise<SerializedBundle>;
  stop(): Promise<void>;
}

export async function startAttestStack(): Promise<AttestStack> {
  const oidc = await startOidcTokenService({ jobWorkflowRef: WORKFLOW });
  const sig = await startSigstore({ oidcPublicKey: oidc.publicKey });
  const cachePath = join(tmpdir(), `tuf-${process.pid}-${Date.now()}`);
  const root = await loadTrustedRoot({ tuf: true, mirrorUrl: sig.tufMirrorUrl, rootPath: sig.tufRootPath, cachePath });
  const token = () =>
    getIdToken({
      requestUrl: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      audience: 'sigstore',
    });
  return {
    oidc,
    sig,
    root,
    token,
    async sign(subjects, o = {}) {
      const identityToken = await token();
      const c = decodeIdTokenClaims(identityToken);
      const statement = buildStatement(subjects, {
        serverUrl: 'https://github.com',
        repository: c.repository!,
        sha: c.sha!,
        ref: c.ref!,
        builderWorkflowRef: c.job_workflow_ref!,
        workflowRef: c.workflow_ref,
        eventName: c.event_name!,
        runId: c.run_id!,
        runAttempt: c.run_attempt!,
        inputs: { version_bump: 'minor' },
      });
      return signStatement(statement, {
        fulcioUrl: sig.fulcioUrl,
        rekorUrl: sig.rekorUrl,
        tsaUrl: o.tsa === false ? undefined : sig.tsaUrl,
        identityToken,
        retries: o.retries ?? 2,
        retryDelayMs: 20,
      });
    },
    async stop() {
      await sig.stop();
      await oidc.stop();
      rmSync(cachePath, { recursive: true, force: true });
    },
  };
}

/** `release-actions verify …` as a consumer runs it: the committed CLI bundle in a child process. */
export function runVerifyCli(args: string[], o: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return runCli(['verify', ...args], o);
}
