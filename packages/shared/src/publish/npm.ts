/**
 * npm publishing that is safe to repeat. Each package is packed once to a tarball (scripts off: the build ran
 * before), its sha512 integrity is the identity of what we publish; the registry is asked first: the version
 * already there with the same integrity is "already done", with another integrity a conflict that stops
 * everything. Then `npm publish <tarball>` with a temporary userconfig under RUNNER_TEMP that refers to the token
 * in npm's environment (the token is never written to disk; the file is removed after), and the registry is polled until the version's integrity
 * equals what was published ("published, not yet visible" is reported apart from a failure).
 * Authentication: NODE_AUTH_TOKEN, or npm trusted publishing (OIDC): an id token from the runner with audience
 * `npm:<registry host>` exchanged at `<registry>/-/npm/v1/oidc/token/exchange/package/<name>` for a short-lived
 * publish token.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIdToken } from '../attest/oidc.js';
import { StageError } from '../util/errors.js';
import { redactUrl, redactUrls } from '../util/redact.js';
import type { Logger } from '../util/logger.js';
import { type Exec, pollUntil, redact } from './exec.js';

export interface NpmAuth {
  /** A registry token (NODE_AUTH_TOKEN) or a token obtained by OIDC exchange. */
  token?: string;
  /** How the token was obtained, for the summary. */
  kind: 'token' | 'oidc' | 'none';
}

export type Fetch = typeof fetch;

/** `https://registry.npmjs.org/` → `//registry.npmjs.org/` (the key npm's userconfig uses for a registry). */
export function registryKey(registryUrl: string): string {
  const u = new URL(registryUrl);
  const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return `//${u.host}${path}`;
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);

/** `@acme/core` → `@acme%2fcore` as registries spell package names in URLs. */
export function packageUrl(registryUrl: string, name: string): string {
  return `${withSlash(registryUrl)}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
}

/**
 * A temporary npm userconfig for the registry; `dispose()` removes it. The file never holds the token: it names
 * `${NODE_AUTH_TOKEN}`, which npm expands from the environment of the process it runs in (as actions/setup-node
 * writes it), so a job killed before `dispose()` leaves no credential on disk; the caller passes the token in
 * npm's environment (NODE_AUTH_TOKEN).
 */
export function writeUserconfig(
  runnerTemp: string,
  registryUrl: string,
  token: string | undefined,
): { path: string; dispose: () => void } {
  mkdirSync(runnerTemp, { recursive: true });
  const dir = mkdtempSync(join(runnerTemp, 'release-npm-'));
  const path = join(dir, '.npmrc');
  // npm's own retries of a failing registry (defaults: 10 s then 60 s) are kept short: a re-run resumes anyway.
  const lines = [
    `registry=${withSlash(registryUrl)}`,
    'fetch-retries=2',
    'fetch-retry-mintimeout=1000',
    'fetch-retry-maxtimeout=5000',
  ];
  if (token) {
    lines.push(`${registryKey(registryUrl)}:_authToken=\${NODE_AUTH_TOKEN}`, 'always-auth=true');
  }
  writeFileSync(path, lines.join('\n') + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The runner can give this job an OIDC id token (the workflow grants `id-token: write`). */
export function idTokenAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/** The public npm registry (provenance and package pages exist only there). */
export function isNpmjs(registryUrl: string): boolean {
  return new URL(registryUrl).host === 'registry.npmjs.org';
}

export interface RegistryVersion {
  integrity?: string;
  tarball?: string;
  distTags: Record<string, string>;
}

/** A package's document in the registry (its versions and dist-tags); undefined when the package does not exist. */
export interface PackageDocument {
  versions?: Record<string, { dist?: { integrity?: string; tarball?: string }; gitHead?: unknown }>;
  'dist-tags'?: Record<string, string>;
}

export async function packageDocument(
  f: Fetch,
  registryUrl: string,
  name: string,
  token?: string,
): Promise<PackageDocument | undefined> {
  const res = await f(packageUrl(registryUrl, name), {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status === 404) return undefined;
  if (!res.ok) {
    // The registry's own words (Verdaccio and npmjs answer {"error": "..."}), shortened.
    const body = await res.text().catch(() => '');
    const said = /"error"\s*:\s*"([^"]{1,200})"/.exec(body)?.[1];
    throw new Error(`npm registry answered ${res.status} for ${name}${said ? `: ${said}` : ''}`);
  }
  return (await res.json()) as PackageDocument;
}

/** The version as the registry shows it; undefined when the package or the version does not exist. */
export async function registryVersion(
  f: Fetch,
  registryUrl: string,
  name: string,
  version: string,
  token?: string,
): Promise<RegistryVersion | undefined> {
  const doc = await packageDocument(f, registryUrl, name, token);
  const v = doc?.versions?.[version];
  if (!doc || !v) return undefined;
  return { integrity: v.dist?.integrity, tarball: v.dist?.tarball, distTags: doc['dist-tags'] ?? {} };
}

/** Who the token authenticates as (`GET -/whoami`); throws when the registry is unreachable or refuses it. */
export async function npmWhoami(f: Fetch, registryUrl: string, token: string): Promise<string> {
  let res: Response;
  try {
    res = await f(`${withSlash(registryUrl)}-/whoami`, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new StageError(
      `npm registry ${redactUrl(registryUrl)} is not reachable: ${redactUrls((e as Error).message)}`,
    );
  }
  if (res.status === 401 || res.status === 403) {
    throw new StageError(`npm registry ${redactUrl(registryUrl)} refused NODE_AUTH_TOKEN (HTTP ${res.status})`);
  }
  if (!res.ok) throw new StageError(`npm registry ${redactUrl(registryUrl)} answered HTTP ${res.status} to whoami`);
  const body = (await res.json()) as { username?: string };
  return body.username ?? '(unknown)';
}

/**
 * npm trusted publishing: request an OIDC id token from the runner (audience `npm:<registry host>`), exchange it
 * for a short-lived token that may publish `name`. Undefined when the runner gives no id token (no
 * `id-token: write` permission).
 */
export async function oidcPublishToken(
  f: Fetch,
  env: NodeJS.ProcessEnv,
  registryUrl: string,
  name: string,
): Promise<string | undefined> {
  const reqUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const reqToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!reqUrl || !reqToken) return undefined;
  const idToken = await getIdToken(
    { requestUrl: reqUrl, requestToken: reqToken, audience: `npm:${new URL(registryUrl).host}` },
    f,
  );
  const exUrl = `${withSlash(registryUrl)}-/npm/v1/oidc/token/exchange/package/${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
  const ex = await f(exUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(30_000),
  });
  if (!ex.ok) {
    throw new StageError(
      `npm refused the OIDC exchange for ${name} (HTTP ${ex.status}): is this repository and workflow a trusted publisher of the package on ${new URL(registryUrl).host}?`,
    );
  }
  const token = ((await ex.json()) as { token?: string }).token;
  if (!token) throw new StageError(`npm returned no token from the OIDC exchange for ${name}`);
  return token;
}

export interface PackResult {
  tarball: string;
  integrity: string;
  filename: string;
}

/** `npm pack` a package directory into `dest` (scripts off); the tarball and its sha512 integrity. */
export async function npmPack(
  exec: Exec,
  npm: string,
  dir: string,
  dest: string,
  env: NodeJS.ProcessEnv,
): Promise<PackResult> {
  mkdirSync(dest, { recursive: true });
  const r = await exec(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: dir, env });
  if (r.code !== 0)
    throw new StageError(`npm pack failed in ${dir}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; integrity: string }[];
  const first = out[0];
  if (!first) throw new StageError(`npm pack printed nothing for ${dir}`);
  return { tarball: join(dest, first.filename), integrity: first.integrity, filename: first.filename };
}

export type NpmPublishState = 'done' | 'already-done' | 'unverified';

export interface NpmPublishResult {
  name: string;
  version: string;
  integrity: string;
  state: NpmPublishState;
  url: string;
  distTag: string;
}

export interface NpmPublishOptions {
  exec: Exec;
  fetch: Fetch;
  log: Logger;
  npm?: string;
  name: string;
  version: string;
  /** The packed tarball (npmPack) and its integrity. */
  pack: PackResult;
  registryUrl: string;
  distTag: string;
  access?: 'public' | 'restricted';
  provenance: boolean;
  auth: NpmAuth;
  runnerTemp: string;
  /** Environment for npm (NODE_AUTH_TOKEN is set from `auth`, whatever this holds). */
  env: NodeJS.ProcessEnv;
  verifyTimeoutMs: number;
  verifyIntervalMs?: number;
  /** Public page of the package version (npmjs.com) or the registry document. */
  webUrl?: string;
}

/** Publish one package version once: already there with the same content → already done; other content → conflict. */
export async function publishNpm(o: NpmPublishOptions): Promise<NpmPublishResult> {
  const { name, version } = o;
  const token = o.auth.token;
  // The URL is shown (outputs, summary, record): never with the registry's credentials.
  const url = o.webUrl ?? redactUrl(`${packageUrl(o.registryUrl, name)}/${version}`);
  const base = { name, version, integrity: o.pack.integrity, url, distTag: o.distTag };
  const check = async () => registryVersion(o.fetch, o.registryUrl, name, version, token);
  const before = await check();
  if (before) {
    if (before.integrity === o.pack.integrity) {
      o.log.info(`npm: ${name}@${version} is already published with the same content (${short(o.pack.integrity)})`);
      return { ...base, state: 'already-done' };
    }
    throw new StageError(
      `npm: ${name}@${version} is already published with other content (registry ${short(before.integrity)}, ours ${short(o.pack.integrity)}); nothing was overwritten`,
    );
  }
  const cfg = writeUserconfig(o.runnerTemp, o.registryUrl, token);
  try {
    const args = [
      'publish',
      o.pack.tarball,
      '--userconfig',
      cfg.path,
      '--registry',
      withSlash(o.registryUrl),
      '--tag',
      o.distTag,
      '--ignore-scripts',
    ];
    if (o.access) args.push('--access', o.access);
    if (o.provenance) args.push('--provenance');
    const env = { ...o.env };
    delete env.NODE_AUTH_TOKEN;
    delete env.NPM_TOKEN;
    delete env.npm_config_userconfig;
    // The userconfig names ${NODE_AUTH_TOKEN}: the token lives only in this child's environment.
    if (token) env.NODE_AUTH_TOKEN = token;
    o.log.info(
      `npm publish ${name}@${version} --tag ${o.distTag}${o.provenance ? ' --provenance' : ''} (${o.auth.kind})`,
    );
    const r = await o.exec(o.npm ?? 'npm', args, { env, timeoutMs: 5 * 60_000 });
    if (r.code !== 0) {
      // Someone (a previous attempt whose answer was lost) may have published it: ask the registry again.
      const after = await check().catch(() => undefined);
      if (after?.integrity === o.pack.integrity) {
        o.log.info(`npm: ${name}@${version} is in the registry with our content after all`);
        return { ...base, state: 'already-done' };
      }
      const why = redact(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => /err/i.test(l))
          .slice(-4)
          .join(' / ') || r.stderr.trim().slice(-400),
        [token],
      );
      throw new StageError(`npm publish ${name}@${version} to ${redactUrl(o.registryUrl)} failed: ${redactUrls(why)}`);
    }
  } finally {
    cfg.dispose();
  }
  const seen = await pollUntil(
    async () => {
      const v = await check().catch(() => undefined);
      return v?.integrity === o.pack.integrity ? v : undefined;
    },
    { timeoutMs: o.verifyTimeoutMs, intervalMs: o.verifyIntervalMs ?? 1000 },
  );
  if (!seen) {
    o.log.warning(`npm: ${name}@${version} was published but is not visible in the registry yet`);
    return { ...base, state: 'unverified' };
  }
  o.log.info(`npm: ${name}@${version} verified in the registry (${short(o.pack.integrity)})`);
  return { ...base, state: 'done' };
}

/** Verify an earlier publish (a re-run after "not yet visible"). */
export async function verifyNpm(
  f: Fetch,
  registryUrl: string,
  name: string,
  version: string,
  integrity: string,
  token: string | undefined,
  timeoutMs: number,
): Promise<boolean> {
  const v = await pollUntil(
    async () => {
      const r = await registryVersion(f, registryUrl, name, version, token).catch(() => undefined);
      return r?.integrity === integrity ? true : undefined;
    },
    { timeoutMs, intervalMs: 1000 },
  );
  return v === true;
}

export function short(integrity: string | undefined): string {
  if (!integrity) return '(none)';
  return integrity.length > 20 ? `${integrity.slice(0, 17)}…` : integrity;
}

/** The dist-tag a release takes by default: latest (stable), the prerelease id, or latest-<major> for a backport. */
export function defaultDistTag(o: {
  prerelease: boolean;
  prereleaseId: string;
  backport: boolean;
  major: number;
}): string {
  if (o.prerelease) return o.prereleaseId;
  if (o.backport) return `latest-${o.major}`;
  return 'latest';
}
