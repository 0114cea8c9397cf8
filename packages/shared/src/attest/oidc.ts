/**
 * The runner's OIDC token protocol: with `permissions: id-token: write` the runner sets
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN; a GET of that URL with `&audience=…` and the
 * request token as bearer returns `{ "value": "<JWT>" }`. Sigstore's Fulcio wants audience `sigstore`; npm's
 * trusted publishing wants `npm:<registry host>` (publish/npm.ts uses this same function).
 */
import type { Fetch } from '../publish/npm.js';
import { StageError } from '../util/errors.js';

export interface IdTokenRequest {
  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  requestUrl?: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken?: string;
  audience: string;
  timeoutMs?: number;
}

/** The claims of a GitHub Actions id token that the provenance and the verification use. */
export interface GitHubIdTokenClaims {
  iss: string;
  sub: string;
  aud?: string | string[];
  repository?: string;
  repository_id?: string;
  repository_owner_id?: string;
  ref?: string;
  sha?: string;
  workflow_ref?: string;
  job_workflow_ref?: string;
  run_id?: string;
  run_attempt?: string;
  event_name?: string;
  runner_environment?: string;
  [claim: string]: unknown;
}

export const NO_ID_TOKEN =
  'no OIDC token: this job has no ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN; add `permissions: id-token: write` to the job';

/** Requests an id token for `audience`; throws naming the missing permission or the runner's answer. */
export async function getIdToken(req: IdTokenRequest, f: Fetch = fetch): Promise<string> {
  if (!req.requestUrl || !req.requestToken) throw new StageError(NO_ID_TOKEN);
  const url = new URL(req.requestUrl);
  url.searchParams.set('audience', req.audience);
  let res: Response;
  try {
    res = await f(url, {
      headers: { authorization: `Bearer ${req.requestToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(req.timeoutMs ?? 30_000),
    });
  } catch (e) {
    throw new StageError(`the runner's OIDC token endpoint is not reachable: ${(e as Error).message}`);
  }
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    throw new StageError(`the runner refused an OIDC id token (HTTP ${res.status})${text ? `: ${text}` : ''}`);
  }
  const value = ((await res.json().catch(() => ({}))) as { value?: unknown }).value;
  if (typeof value !== 'string' || !value) throw new StageError('the runner returned no OIDC id token');
  return value;
}

/** The claims of a JWT, unverified: for recording what the token says, never for trusting it. */
export function decodeIdTokenClaims(token: string): GitHubIdTokenClaims {
  const part = token.split('.')[1];
  if (!part) throw new StageError('the OIDC id token is not a JWT');
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as GitHubIdTokenClaims;
  } catch {
    throw new StageError('the OIDC id token is not a JWT (its payload is not JSON)');
  }
}
