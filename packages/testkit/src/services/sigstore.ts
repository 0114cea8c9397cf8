/**
 * A local Sigstore for tests: Fulcio (CA + CT log), Rekor (v1 API, strict, `intoto` entries) and a timestamp
 * authority, made of sigstore's own `@sigstore/mock` handlers mounted on one plain `http` server on 127.0.0.1,
 * plus a TUF repository (`@tufjs/repo-mock`'s handlers) serving the matching `trusted_root.json`, as the public
 * instance's TUF mirror does. The handlers are imported file by file: the package's index loads nock, which would
 * patch Node's http for the whole test process.
 *
 * Fulcio here does what real Fulcio does for GitHub Actions tokens and the mock alone does not: it checks the
 * token's signature against the OIDC service's key (when given) and issues the certificate for the URI
 * `https://github.com/<job_workflow_ref>` (the mock takes the identity from one claim, `subjectClaim`, verbatim;
 * we add that URI to the token as a claim of its own before handing the request over).
 *
 * Faults: `fail('rekor', { status: 503, times })` answers the next requests with the status and a Rekor-style
 * `{code, message}`; `down('rekor')` closes connections. `requests` counts what each part received.
 */
import { createHash, createVerify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Default imports of the CommonJS files (module.exports), so that esbuild bundles them too (bench/attest).
import fulcioModule from '@sigstore/mock/dist/fulcio/index.js';
import rekorModule from '@sigstore/mock/dist/rekor/index.js';
import timestampModule from '@sigstore/mock/dist/timestamp/index.js';
import keyModule from '@sigstore/mock/dist/util/key.js';
import tufRepoModule from '@tufjs/repo-mock/dist/repo.js';
import tufHandlerModule from '@tufjs/repo-mock/dist/handler.js';

type Part = 'fulcio' | 'rekor' | 'tsa' | 'tuf';
type HandlerFn = (
  body: string,
) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string }>;
interface KeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const fulcio = fulcioModule as unknown as {
  initializeCTLog(kp: KeyPair): Promise<{ publicKey: Buffer; logID: ArrayBufferView }>;
  initializeCA(kp: KeyPair, ctlog: unknown): Promise<{ rootCertificate: ArrayBufferView }>;
  fulcioHandler(ca: unknown, o: { strict?: boolean; subjectClaim?: string }): { path: string; fn: HandlerFn };
};
const rekor = rekorModule as unknown as {
  initializeTLog(url: string, kp: KeyPair): Promise<{ publicKey: Buffer }>;
  rekorHandler(tlog: unknown, o: { strict?: boolean }): { path: string; fn: HandlerFn };
};
const timestamp = timestampModule as unknown as {
  initializeTSA(kp: KeyPair): Promise<{ rootCertificate: ArrayBufferView; intCertificate: ArrayBufferView }>;
  tsaHandler(tsa: unknown, o: { strict?: boolean }): { path: string; fn: HandlerFn };
};
const keys = keyModule as unknown as { generateKeyPair(curve?: string): KeyPair };
const tufRepo = tufRepoModule as unknown as {
  initializeTUFRepo(targets: { name: string; content: string }[]): { rootMeta: { toJSON(): unknown } };
};
const tufHandler = tufHandlerModule as unknown as {
  tufHandlers(
    repo: unknown,
    o: { metadataPathPrefix?: string; targetPathPrefix?: string },
  ): { path: string; fn: () => { statusCode: number; response: string | Buffer; contentType?: string } }[];
};

export interface SigstoreOptions {
  /** Check tokens against this key (the OIDC service's `publicKey`), as Fulcio checks the issuer's JWKS. */
  oidcPublicKey?: KeyObject;
  /** The server URL the certificate identity starts with (default https://github.com). */
  serverUrl?: string;
}

export interface SigstoreStack {
  readonly url: string;
  readonly fulcioUrl: string;
  readonly rekorUrl: string;
  readonly tsaUrl: string;
  /** The TUF repository: mirror URL and the initial root.json (a file) for @sigstore/tuf. */
  readonly tufMirrorUrl: string;
  readonly tufRootPath: string;
  /** trusted_root.json of this stack (JSON), also at `${url}/trusted_root.json` and as a file at `trustedRootPath`. */
  readonly trustedRoot: Record<string, unknown>;
  readonly trustedRootPath: string;
  readonly requests: Record<Part, number>;
  /** Answer the next `times` (default: all) requests of `part` with `status` and `message`. */
  fail(part: Part, o: { status: number; message?: string; times?: number }): void;
  /** Close every connection to `part` without answering (a log that is down); `up(part)` undoes it and `fail`. */
  down(part: Part): void;
  up(part: Part): void;
  stop(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const b64 = (b: ArrayBufferView | Buffer) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/** Real Fulcio refuses a token whose signature does not check out against the issuer's keys. */
function tokenProblem(token: string, key: KeyObject | undefined): string | undefined {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return 'the identity token is not a JWT';
  if (key && !createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key, Buffer.from(s, 'base64url'))) {
    return 'the identity token signature does not verify against the issuer keys';
  }
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { exp?: number; aud?: string };
  if (claims.aud !== 'sigstore')
    return `the identity token's audience is ${JSON.stringify(claims.aud)}, not "sigstore"`;
  if (claims.exp && claims.exp * 1000 < Date.now()) return 'the identity token has expired';
  return undefined;
}

/** Adds the claim `fulcio_san` = `<server>/<job_workflow_ref>` (the identity real Fulcio issues for). */
function withSanClaim(body: string, serverUrl: string): string {
  const json = JSON.parse(body) as { credentials: { oidcIdentityToken: string } };
  const [h, p, s] = json.credentials.oidcIdentityToken.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (typeof claims.job_workflow_ref === 'string') claims.fulcio_san = `${serverUrl}/${claims.job_workflow_ref}`;
  json.credentials.oidcIdentityToken = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
  return JSON.stringify(json);
}

export async function startSigstore(o: SigstoreOptions = {}): Promise<SigstoreStack> {
  const serverUrl = o.serverUrl ?? 'https://github.com';
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), 'sigstore-'));

  const ctKeys = keys.generateKeyPair('prime256v1');
  const ctlog = await fulcio.initializeCTLog(ctKeys);
  const ca = await fulcio.initializeCA(keys.generateKeyPair('prime256v1'), ctlog);
  const tlog = await rekor.initializeTLog(`${url}/rekor`, keys.generateKeyPair('prime256v1'));
  const tsa = await timestamp.initializeTSA(keys.generateKeyPair('prime256v1'));
  // The mock TSA writes genTime with milliseconds as asn1js renders them (".12Z" for 120 ms), which
  // @sigstore/core's parser (exactly three digits or none) rejects about one time in ten: whole seconds, as
  // real TSAs with 1 s accuracy give.
  (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () =>
    new Date(Math.floor(Date.now() / 1000) * 1000);
  const handlers: Record<Exclude<Part, 'tuf'>, { path: string; fn: HandlerFn }> = {
    fulcio: fulcio.fulcioHandler(ca, { strict: true, subjectClaim: 'fulcio_san' }),
    rekor: rekor.rekorHandler(tlog, { strict: true }),
    tsa: timestamp.tsaHandler(tsa, { strict: true }),
  };

  const validFor = { start: new Date(Date.now() - 60_000).toISOString() };
  const logKey = (publicKey: Buffer, keyId: Buffer) => ({
    baseUrl: url,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
    logId: { keyId: keyId.toString('base64') },
  });
  const trustedRoot: Record<string, unknown> = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      { ...logKey(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest()), baseUrl: `${url}/rekor` },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: `${url}/fulcio`,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor,
      },
    ],
    ctlogs: [{ ...logKey(ctlog.publicKey, Buffer.from(b64(ctlog.logID), 'base64')), baseUrl: `${url}/ct` }],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: `${url}/tsa`,
        certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
        validFor,
      },
    ],
  };
  const trustedRootPath = join(dir, 'trusted_root.json');
  await writeFile(trustedRootPath, JSON.stringify(trustedRoot, null, 2));
  const repo = tufRepo.initializeTUFRepo([{ name: 'trusted_root.json', content: JSON.stringify(trustedRoot) }]);
  const tufRootPath = join(dir, 'root.json');
  await writeFile(tufRootPath, JSON.stringify(repo.rootMeta.toJSON()));
  const tuf = new Map(
    tufHandler.tufHandlers(repo, { metadataPathPrefix: '', targetPathPrefix: '/targets' }).map((h) => [h.path, h.fn]),
  );

  const requests: Record<Part, number> = { fulcio: 0, rekor: 0, tsa: 0, tuf: 0 };
  const faults = new Map<Part, { status: number; message: string; times: number }>();
  const isDown = new Set<Part>();

  server.on('request', (req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', url).pathname;
      const part = (['fulcio', 'rekor', 'tsa', 'tuf'] as const).find((p) => path.startsWith(`/${p}/`));
      if (path === '/trusted_root.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(trustedRoot));
      }
      if (!part) return void res.writeHead(404).end();
      requests[part]++;
      if (isDown.has(part)) return void req.socket.destroy();
      const fault = faults.get(part);
      if (fault && fault.times > 0) {
        fault.times--;
        res.writeHead(fault.status, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ code: fault.status, message: fault.message }));
      }
      const rest = path.slice(part.length + 1);
      if (part === 'tuf') {
        const fn = tuf.get(rest);
        if (!fn) return void res.writeHead(404).end();
        const out = fn();
        res.writeHead(out.statusCode, { 'content-type': out.contentType ?? 'application/json' });
        return void res.end(out.response);
      }
      const handler = handlers[part];
      if (req.method !== 'POST' || rest !== handler.path) return void res.writeHead(404).end();
      let body = await readBody(req);
      if (part === 'fulcio') {
        let problem: string | undefined;
        try {
          const token = (JSON.parse(body) as { credentials?: { oidcIdentityToken?: string } }).credentials
            ?.oidcIdentityToken;
          problem = token ? tokenProblem(token, o.oidcPublicKey) : 'no identity token in the request';
          if (!problem) body = withSanClaim(body, serverUrl);
        } catch {
          problem = 'the request is not JSON';
        }
        if (problem) {
          res.writeHead(401, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ code: 401, message: problem }));
        }
      }
      const out = await handler.fn(body);
      res.writeHead(out.statusCode, { 'content-type': out.contentType ?? 'text/plain' });
      const r = out.response;
      res.end(typeof r === 'string' ? r : Buffer.from(r.buffer, r.byteOffset, r.byteLength));
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });

  return {
    url,
    fulcioUrl: `${url}/fulcio`,
    rekorUrl: `${url}/rekor`,
    // A TSA URL with a path is used as is (@sigstore/sign appends /api/v1/timestamp only to a bare host).
    tsaUrl: `${url}/tsa/api/v1/timestamp`,
    tufMirrorUrl: `${url}/tuf`,
    tufRootPath,
    trustedRoot,
    trustedRootPath,
    requests,
    fail(part, f) {
      faults.set(part, {
        status: f.status,
        message: f.message ?? `${part} is unavailable`,
        times: f.times ?? Infinity,
      });
    },
    down: (part) => void isDown.add(part),
    up(part) {
      isDown.delete(part);
      faults.delete(part);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => rm(dir, { recursive: true, force: true })),
  };
}
