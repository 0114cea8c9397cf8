/**
 * The runner's OIDC token endpoint, for tests: what ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN point at on a real
 * runner. `GET /token?api-version=2.0&audience=…` with `Authorization: Bearer <request token>` returns
 * `{ "value": "<JWT>" }`, a token with GitHub's claims (iss https://token.actions.githubusercontent.com,
 * job_workflow_ref, repository, sha, ref, run_id…) signed RS256 with a key generated at start; its public key is
 * served at /.well-known/jwks like GitHub's. A wrong request token gets 401, as on a runner. 127.0.0.1 only.
 */
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface OidcClaimsOptions {
  repository?: string;
  /** The reusable workflow the job runs (job_workflow_ref); the certificate identity Fulcio issues for. */
  jobWorkflowRef?: string;
  workflowRef?: string;
  ref?: string;
  sha?: string;
  runId?: string;
  runAttempt?: string;
  eventName?: string;
}

export interface OidcTokenService {
  url: string;
  /** For the runner's environment: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The claims every token gets (change them between tests: another workflow, another commit). */
  claims: Record<string, unknown>;
  /** Tokens issued so far. */
  readonly issued: number;
  /** A token as the endpoint would issue it, without the HTTP round trip. */
  token(audience: string): string;
  publicKey: KeyObject;
  stop(): Promise<void>;
}

export function githubClaims(o: OidcClaimsOptions = {}): Record<string, unknown> {
  const repository = o.repository ?? 'acme/widget';
  const [owner] = repository.split('/');
  const ref = o.ref ?? 'refs/heads/main';
  const sha = o.sha ?? 'a'.repeat(40);
  return {
    iss: GITHUB_ACTIONS_ISSUER,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_id: '4242',
    repository_owner: owner,
    repository_owner_id: '42',
    repository_visibility: 'public',
    ref,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    sha,
    workflow: 'release',
    workflow_ref: o.workflowRef ?? `${repository}/.github/workflows/release-self.yml@${ref}`,
    workflow_sha: sha,
    job_workflow_ref: o.jobWorkflowRef ?? `${repository}/.github/workflows/release.yml@${ref}`,
    job_workflow_sha: sha,
    run_id: o.runId ?? '1001',
    run_number: '7',
    run_attempt: o.runAttempt ?? '1',
    event_name: o.eventName ?? 'push',
    actor: 'ada',
    runner_environment: 'github-hosted',
  };
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export async function startOidcTokenService(o: OidcClaimsOptions = {}): Promise<OidcTokenService> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const requestToken = randomBytes(16).toString('hex');
  const claims = githubClaims(o);
  let issued = 0;
  const token = (audience: string): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const payload = b64url(
      JSON.stringify({
        jti: randomBytes(8).toString('hex'),
        ...claims,
        aud: audience,
        nbf: now - 5,
        iat: now,
        exp: now + 300,
      }),
    );
    const sig = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
    issued++;
    return `${header}.${payload}.${b64url(sig)}`;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/.well-known/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] }),
      );
    }
    if (url.pathname !== '/token') return void res.writeHead(404).end();
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ message: 'Bad credentials' }));
    }
    const audience = url.searchParams.get('audience') ?? 'https://github.com/' + String(claims.repository_owner);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ count: 1, value: token(audience) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
    claims,
    get issued() {
      return issued;
    },
    token,
    publicKey,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
