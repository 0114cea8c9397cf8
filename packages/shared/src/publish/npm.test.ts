import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLogger } from '../util/logger.js';
import type { Exec } from './exec.js';
import { pollUntil } from './exec.js';
import { defaultDistTag, oidcPublishToken, packageUrl, publishNpm, registryKey, writeUserconfig } from './npm.js';

let temp: string;
beforeEach(() => (temp = mkdtempSync(join(tmpdir(), 'ra-npm-'))));
afterEach(() => rmSync(temp, { recursive: true, force: true }));

const pack = { tarball: '/x/a-1.0.0.tgz', integrity: 'sha512-OURS', filename: 'a-1.0.0.tgz' };

/** A registry whose document for `a` shows `integrity` after `visibleAfter` reads. */
function fakeRegistry(o: { existing?: string; visibleAfter?: number }) {
  let reads = 0;
  let published = false;
  const f = (async () => {
    reads++;
    const integrity = o.existing ?? (published && reads > (o.visibleAfter ?? 0) ? 'sha512-OURS' : undefined);
    if (!integrity) return new Response('{"error":"not found"}', { status: 404 });
    return Response.json({ versions: { '1.0.0': { dist: { integrity } } }, 'dist-tags': { latest: '1.0.0' } });
  }) as unknown as typeof fetch;
  const calls: string[][] = [];
  let userconfig = '';
  const envs: NodeJS.ProcessEnv[] = [];
  const exec: Exec = async (_cmd, args, eo) => {
    calls.push(args);
    envs.push(eo?.env ?? {});
    const i = args.indexOf('--userconfig');
    userconfig = readFileSync(args[i + 1] as string, 'utf8');
    published = true;
    return { code: 0, signal: null, stdout: '', stderr: '', output: '', timedOut: false };
  };
  return { f, exec, calls, envs, userconfig: () => userconfig };
}

const base = (r: ReturnType<typeof fakeRegistry>, timeout = 2000) => ({
  exec: r.exec,
  fetch: r.f,
  log: new MemoryLogger(),
  name: 'a',
  version: '1.0.0',
  pack,
  registryUrl: 'http://127.0.0.1:4873/',
  distTag: 'latest',
  provenance: false,
  auth: { token: 'npm_SECRET', kind: 'token' as const },
  runnerTemp: temp,
  env: { NODE_AUTH_TOKEN: 'npm_SECRET' },
  verifyTimeoutMs: timeout,
  verifyIntervalMs: 10,
});

test('publishes once with a temp userconfig under RUNNER_TEMP, removed after; verified by integrity', async () => {
  const r = fakeRegistry({ visibleAfter: 3 });
  const res = await publishNpm(base(r));
  expect(res.state).toBe('done');
  expect(r.calls).toHaveLength(1);
  expect(r.calls[0]).toEqual(expect.arrayContaining(['publish', pack.tarball, '--tag', 'latest', '--ignore-scripts']));
  // The token is in npm's environment only; the file refers to it (a SIGKILL leaves no token on disk).
  expect(r.userconfig()).toContain('//127.0.0.1:4873/:_authToken=${NODE_AUTH_TOKEN}');
  expect(r.userconfig()).not.toContain('npm_SECRET');
  expect(r.envs[0]?.NODE_AUTH_TOKEN).toBe('npm_SECRET');
  expect(readdirSync(temp)).toEqual([]); // removed after
});

test('already published with the same integrity: already done, nothing published', async () => {
  const r = fakeRegistry({ existing: 'sha512-OURS' });
  expect((await publishNpm(base(r))).state).toBe('already-done');
  expect(r.calls).toHaveLength(0);
});

test('already published with other content: a conflict, nothing overwritten', async () => {
  const r = fakeRegistry({ existing: 'sha512-THEIRS' });
  await expect(publishNpm(base(r))).rejects.toThrow(/other content.*nothing was overwritten/);
  expect(r.calls).toHaveLength(0);
});

test('published but not visible before the deadline: unverified, not a failure', async () => {
  const r = fakeRegistry({ visibleAfter: 1_000_000 });
  const res = await publishNpm(base(r, 100));
  expect(res.state).toBe('unverified');
});

test('pollUntil backs off and stops at the deadline', async () => {
  const waits: number[] = [];
  let n = 0;
  const v = await pollUntil(async () => (++n === 4 ? 'ok' : undefined), {
    timeoutMs: 60_000,
    intervalMs: 100,
    sleep: async (ms) => void waits.push(ms),
  });
  expect(v).toBe('ok');
  expect(waits).toEqual([100, 200, 400]);
});

test('registry keys and package URLs', () => {
  expect(registryKey('https://registry.npmjs.org/')).toBe('//registry.npmjs.org/');
  expect(registryKey('http://127.0.0.1:4873/npm')).toBe('//127.0.0.1:4873/npm/');
  expect(packageUrl('http://r/', '@acme/core')).toBe('http://r/@acme%2Fcore');
  const c = writeUserconfig(temp, 'http://r/', undefined);
  expect(readFileSync(c.path, 'utf8')).not.toContain('_authToken');
  c.dispose();
  expect(existsSync(c.path)).toBe(false);
});

test('dist-tags per release type', () => {
  expect(defaultDistTag({ prerelease: false, prereleaseId: 'rc', backport: false, major: 2 })).toBe('latest');
  expect(defaultDistTag({ prerelease: true, prereleaseId: 'beta', backport: false, major: 2 })).toBe('beta');
  expect(defaultDistTag({ prerelease: false, prereleaseId: 'rc', backport: true, major: 1 })).toBe('latest-1');
});

test('OIDC trusted publishing: id token with audience npm:<host>, exchanged for a publish token (local fake endpoints)', async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    if (req.url?.startsWith('/idtoken')) return void res.end(JSON.stringify({ value: 'ID.JWT' }));
    if (req.method === 'POST' && req.url === '/-/npm/v1/oidc/token/exchange/package/@acme%2Fcore') {
      return void res.writeHead(201).end(JSON.stringify({ token: 'npm_short_lived' }));
    }
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'REQ',
    };
    const token = await oidcPublishToken(fetch, env, `${base}/`, '@acme/core');
    expect(token).toBe('npm_short_lived');
    const host = new URL(base).host;
    expect(seen[0]).toBe(
      `GET /idtoken?api-version=2.0&audience=npm%3A${encodeURIComponent(host).replace('%3A', '%3A')} Bearer REQ`,
    );
    expect(seen[1]).toBe('POST /-/npm/v1/oidc/token/exchange/package/@acme%2Fcore Bearer ID.JWT');
    expect(await oidcPublishToken(fetch, {}, `${base}/`, 'x')).toBeUndefined();
    await expect(oidcPublishToken(fetch, env, `${base}/`, 'unknown')).rejects.toThrow(/trusted publisher/);
  } finally {
    server.close();
  }
});
