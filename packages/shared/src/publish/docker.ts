/**
 * Container images, safe to repeat. The image is built once (docker buildx where present, else docker build)
 * with OCI labels; the version tag is pushed with the docker CLI and its manifest digest read back through the
 * registry's HTTP API (distribution v2); moving tags (X.Y, X, latest) are then set through the same API by
 * putting the very manifest under each tag, so they never need a rebuild and a re-run can finish them. Before
 * anything, the registry is asked: the version tag already there with our revision and version labels is
 * "already done"; with other labels it is a conflict that stops the release.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Bytes } from '../util/digest.js';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { type Exec, redact } from './exec.js';
import type { Fetch } from './npm.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** `127.0.0.1:5000/acme/widget` → host `127.0.0.1:5000`, repository `acme/widget`. */
export function splitImage(image: string): { host: string; repository: string } {
  const i = image.indexOf('/');
  const first = i < 0 ? '' : image.slice(0, i);
  if (i < 0 || !(first.includes('.') || first.includes(':') || first === 'localhost')) {
    return { host: 'registry-1.docker.io', repository: i < 0 ? `library/${image}` : image };
  }
  return { host: first, repository: image.slice(i + 1) };
}

const isLoopback = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);

/** A small client of the distribution v2 HTTP API: manifests and blobs, with basic or bearer-token auth. */
export class RegistryClient {
  private bearer = new Map<string, string>();
  constructor(
    private readonly f: Fetch,
    private readonly creds?: RegistryCredentials,
    private readonly scheme?: 'http' | 'https',
  ) {}

  private base(host: string): string {
    return `${this.scheme ?? (isLoopback(host) ? 'http' : 'https')}://${host}`;
  }

  private async request(
    host: string,
    repository: string,
    path: string,
    init: RequestInit,
    push = false,
  ): Promise<Response> {
    const url = `${this.base(host)}/v2/${repository}${path}`;
    const scope = `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
    const key = `${host} ${scope}`;
    const headers = new Headers(init.headers);
    const cached = this.bearer.get(key);
    if (cached) headers.set('authorization', `Bearer ${cached}`);
    else if (this.creds) headers.set('authorization', `Basic ${b64(`${this.creds.username}:${this.creds.password}`)}`);
    let res = await this.f(url, { ...init, headers, signal: AbortSignal.timeout(60_000) });
    if (res.status !== 401) return res;
    const challenge = res.headers.get('www-authenticate') ?? '';
    if (!/^bearer/i.test(challenge)) return res;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const tokenUrl = new URL(params.realm ?? '');
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', scope);
    const tr = await this.f(tokenUrl, {
      headers: this.creds ? { authorization: `Basic ${b64(`${this.creds.username}:${this.creds.password}`)}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
    if (!tr.ok) return res;
    const body = (await tr.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) return res;
    this.bearer.set(key, token);
    headers.set('authorization', `Bearer ${token}`);
    res = await this.f(url, { ...init, headers, signal: AbortSignal.timeout(60_000) });
    return res;
  }

  /** Digest of a tag's manifest; undefined when the tag does not exist. */
  async digest(image: string, tag: string): Promise<string | undefined> {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/manifests/${tag}`, {
      method: 'HEAD',
      headers: { accept: MANIFEST_TYPES },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for ${repository}:${tag}`);
    return res.headers.get('docker-content-digest') ?? undefined;
  }

  /** Every tag of an image (the registry's pages followed); none when the repository does not exist yet. */
  async tags(image: string): Promise<string[]> {
    const { host, repository } = splitImage(image);
    const out: string[] = [];
    let path: string | undefined = '/tags/list?n=1000';
    for (let page = 0; path && page < 100; page++) {
      const res = await this.request(host, repository, path, { headers: { accept: 'application/json' } });
      if (res.status === 404) return out;
      if (!res.ok)
        throw new StageError(`registry ${host} answered HTTP ${res.status} listing the tags of ${repository}`);
      const body = (await res.json()) as { tags?: string[] | null };
      out.push(...(body.tags ?? []));
      // Link: </v2/<repository>/tags/list?n=1000&last=x>; rel="next" (distribution's pagination)
      const next = /<[^>]*\/tags\/list(\?[^>]*)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      path = next ? `/tags/list${next}` : undefined;
    }
    return out;
  }

  /** A manifest's bytes and media type. */
  async manifest(image: string, ref: string): Promise<{ body: Buffer; mediaType: string } | undefined> {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/manifests/${ref}`, { headers: { accept: MANIFEST_TYPES } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for ${repository}@${ref}`);
    return { body: Buffer.from(await res.arrayBuffer()), mediaType: res.headers.get('content-type') ?? '' };
  }

  /** The image config's labels of a tag (the first platform of an index). */
  async labels(image: string, ref: string): Promise<Record<string, string> | undefined> {
    const m = await this.manifest(image, ref);
    if (!m) return undefined;
    let doc = JSON.parse(m.body.toString('utf8')) as { manifests?: { digest: string }[]; config?: { digest: string } };
    if (doc.manifests?.[0]) {
      const inner = await this.manifest(image, doc.manifests[0].digest);
      if (!inner) return undefined;
      doc = JSON.parse(inner.body.toString('utf8')) as typeof doc;
    }
    if (!doc.config) return {};
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/blobs/${doc.config.digest}`, {});
    if (!res.ok)
      throw new StageError(`registry ${host} answered HTTP ${res.status} for the config of ${repository}@${ref}`);
    const cfg = (await res.json()) as { config?: { Labels?: Record<string, string> } };
    return cfg.config?.Labels ?? {};
  }

  /** Put the manifest `digest` under `tag` (a retag, no rebuild). */
  async tag(image: string, digest: string, tag: string): Promise<void> {
    const m = await this.manifest(image, digest);
    if (!m) throw new StageError(`${image}@${digest} is not in the registry`);
    const { host, repository } = splitImage(image);
    const res = await this.request(
      host,
      repository,
      `/manifests/${tag}`,
      { method: 'PUT', headers: { 'content-type': m.mediaType }, body: new Uint8Array(m.body) },
      true,
    );
    if (!res.ok) throw new StageError(`registry ${host} refused tagging ${repository}:${tag} (HTTP ${res.status})`);
  }

  /** A blob's bytes; undefined when the registry does not have it. */
  async blob(image: string, digest: string): Promise<Buffer | undefined> {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/blobs/${digest}`, {});
    if (res.status === 404) return undefined;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for blob ${repository}@${digest}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /** Uploads `data` as a blob (monolithic: POST then PUT ?digest=), unless the registry already has it. */
  async putBlob(image: string, data: Buffer): Promise<string> {
    const digest = `sha256:${sha256Bytes(data)}`;
    const { host, repository } = splitImage(image);
    const head = await this.request(host, repository, `/blobs/${digest}`, { method: 'HEAD' }, true);
    if (head.ok) return digest;
    const start = await this.request(host, repository, `/blobs/uploads/`, { method: 'POST' }, true);
    await start.arrayBuffer();
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) {
      throw new StageError(`registry ${host} refused a blob upload to ${repository} (HTTP ${start.status})`);
    }
    const url = new URL(location, `${this.base(host)}/`);
    url.searchParams.set('digest', digest);
    const path = url.pathname.slice(`/v2/${repository}`.length) + url.search;
    const put = await this.request(
      host,
      repository,
      path,
      { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(data) },
      true,
    );
    if (!put.ok) {
      throw new StageError(
        `registry ${host} refused blob ${digest} in ${repository} (HTTP ${put.status}: ${await put.text()})`,
      );
    }
    return digest;
  }

  /** Puts a manifest under `ref` (a tag or its digest); returns its digest. */
  async putManifest(image: string, ref: string, body: Buffer, mediaType: string): Promise<string> {
    const { host, repository } = splitImage(image);
    const res = await this.request(
      host,
      repository,
      `/manifests/${ref}`,
      { method: 'PUT', headers: { 'content-type': mediaType }, body: new Uint8Array(body) },
      true,
    );
    if (!res.ok) {
      throw new StageError(
        `registry ${host} refused manifest ${repository}:${ref} (HTTP ${res.status}: ${await res.text()})`,
      );
    }
    return res.headers.get('docker-content-digest') ?? `sha256:${sha256Bytes(body)}`;
  }

  /**
   * The OCI 1.1 referrers API (GET /v2/<name>/referrers/<digest>): the index of manifests whose subject is
   * `digest`; undefined when the registry does not implement it (404), as distribution 2.8 does not.
   */
  async referrers(image: string, digest: string): Promise<{ manifests?: unknown[] } | undefined> {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/referrers/${digest}`, {
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for the referrers of ${digest}`);
    if (!(res.headers.get('content-type') ?? '').includes('application/vnd.oci.image.index.v1+json')) {
      await res.arrayBuffer();
      return undefined;
    }
    return (await res.json()) as { manifests?: unknown[] };
  }

  /** Is the registry reachable and do the credentials pass (GET /v2/)? */
  async ping(image: string): Promise<void> {
    const { host, repository } = splitImage(image);
    let res: Response;
    try {
      res = await this.request(host, repository, `/tags/list`, {});
    } catch (e) {
      throw new StageError(`container registry ${host} is not reachable: ${(e as Error).message}`);
    }
    if (res.status === 401 || res.status === 403) {
      throw new StageError(`container registry ${host} refused the credentials (HTTP ${res.status})`);
    }
    if (!res.ok && res.status !== 404) throw new StageError(`container registry ${host} answered HTTP ${res.status}`);
  }
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * A docker config holding `creds` for `hosts`, for one `docker push`. It lives in its own directory under
 * RUNNER_TEMP named `release-actions-docker-config-*` (ours at a glance, and inside what the runner wipes after
 * the job), and is removed by `dispose()` (callers dispose in `finally`) or, failing that, when the process exits.
 * Only a SIGKILL during the push can leave it behind, and then only until the runner cleans RUNNER_TEMP.
 */
export function writeDockerConfig(
  runnerTemp: string,
  hosts: string[],
  creds: RegistryCredentials,
): { dir: string; dispose: () => void } {
  mkdirSync(runnerTemp, { recursive: true });
  const dir = mkdtempSync(join(runnerTemp, 'release-actions-docker-config-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  const auths = Object.fromEntries(hosts.map((h) => [h, { auth: b64(`${creds.username}:${creds.password}`) }]));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths }), { mode: 0o600 });
  return {
    dir,
    dispose: () => {
      process.removeListener('exit', remove);
      remove();
    },
  };
}

/** Credentials for a registry from the docker config the job logged in with (docker/login-action), if any. */
export function dockerConfigCredentials(env: NodeJS.ProcessEnv, images: string[]): RegistryCredentials | undefined {
  const dir = env.DOCKER_CONFIG ?? (env.HOME ? join(env.HOME, '.docker') : undefined);
  if (!dir || !existsSync(join(dir, 'config.json'))) return undefined;
  try {
    const cfg = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
      auths?: Record<string, { auth?: string }>;
    };
    for (const img of images) {
      const auth = cfg.auths?.[splitImage(img).host]?.auth;
      if (auth) {
        const [username = '', ...rest] = Buffer.from(auth, 'base64').toString('utf8').split(':');
        return { username, password: rest.join(':') };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface OciLabels {
  source: string;
  revision: string;
  version: string;
  created: string;
}

export function ociLabels(l: OciLabels): Record<string, string> {
  return {
    'org.opencontainers.image.source': l.source,
    'org.opencontainers.image.revision': l.revision,
    'org.opencontainers.image.version': l.version,
    'org.opencontainers.image.created': l.created,
  };
}

export async function hasBuildx(exec: Exec, env: NodeJS.ProcessEnv): Promise<boolean> {
  const r = await exec('docker', ['buildx', 'version'], { env }).catch(() => ({ code: 1, stdout: '', stderr: '' }));
  return r.code === 0;
}

/** Build the image once, tagged `localTag`, with labels and build args. */
export async function dockerBuild(o: {
  exec: Exec;
  log: Logger;
  env: NodeJS.ProcessEnv;
  context: string;
  dockerfile?: string;
  localTag: string;
  labels: Record<string, string>;
  buildArgs: string[];
}): Promise<void> {
  const buildx = await hasBuildx(o.exec, o.env);
  const args = buildx ? ['buildx', 'build', '--load'] : ['build'];
  args.push('-t', o.localTag);
  if (o.dockerfile) args.push('-f', o.dockerfile);
  for (const [k, v] of Object.entries(o.labels)) args.push('--label', `${k}=${v}`);
  for (const a of o.buildArgs) args.push('--build-arg', a);
  args.push(o.context);
  o.log.info(`docker ${buildx ? 'buildx build' : 'build'} -t ${o.localTag} ${o.context}`);
  const r = await o.exec('docker', args, { env: o.env, timeoutMs: 30 * 60_000 });
  if (r.code !== 0) throw new StageError(`docker build failed: ${r.stderr.trim().split('\n').slice(-5).join(' / ')}`);
}

/** `docker tag` + `docker push` of one reference; returns the digest docker reports. */
export async function dockerPush(o: {
  exec: Exec;
  env: NodeJS.ProcessEnv;
  localTag: string;
  ref: string;
  secrets: (string | undefined)[];
}): Promise<string | undefined> {
  const t = await o.exec('docker', ['tag', o.localTag, o.ref], { env: o.env });
  if (t.code !== 0) throw new StageError(`docker tag ${o.ref} failed: ${t.stderr.trim()}`);
  const r = await o.exec('docker', ['push', o.ref], { env: o.env, timeoutMs: 30 * 60_000 });
  if (r.code !== 0) {
    throw new StageError(
      `docker push ${o.ref} failed: ${redact(r.stderr.trim().split('\n').slice(-3).join(' / '), o.secrets)}`,
    );
  }
  return /digest: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
}
