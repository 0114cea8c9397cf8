/**
 * A real container registry for tests: Debian's `docker-registry` (CNCF distribution v2.8) spawned as
 * `docker-registry serve <tmp>/config.yml`, storage in the temp dir, listening on
 * 127.0.0.1:<ephemeral>. Docker treats 127.0.0.0/8 registries as insecure by default, so
 * `docker push 127.0.0.1:PORT/name:tag` works over plain http.
 *
 * Auth (optional, `auth: true` or `{ username, password }`): distribution's htpasswd accepts bcrypt
 * only. There is no `htpasswd` (apache2-utils) here and no bcrypt devDependency, so the hash is made
 * with `bcryptjs`, which is in node_modules as a dependency of Verdaccio's htpasswd plugin (resolved
 * through it, not imported directly); `htpasswd -nbB` is the fallback when that fails.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { makeTempDir, run, spawnTracked, startOnFreePort, stopAndRemove, waitFor } from './proc.js';
import type { TrackedProcess } from './proc.js';

export const REGISTRY_BIN = '/usr/bin/docker-registry';

export interface RegistryOptions {
  /** true: a random user and password; or give them. Default: no auth. */
  auth?: boolean | { username: string; password: string };
  startTimeoutMs?: number;
}

export interface Registry {
  /** 127.0.0.1:PORT, the image name prefix (`${host}/team/app:1.0.0`). */
  host: string;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  dir: string;
  username?: string;
  password?: string;
  startupMs: number;
  /** GET/HEAD /v2/<name>/manifests/<reference> → Docker-Content-Digest (undefined when 404). */
  manifestDigest(name: string, reference: string): Promise<string | undefined>;
  /** GET /v2/<name>/tags/list → tags ([] when the repository does not exist). */
  tags(name: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Accept header covering OCI and Docker v2 manifests and indexes. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** A bcrypt htpasswd line (`user:$2a$…`). */
export async function bcryptHtpasswdLine(username: string, password: string): Promise<string> {
  try {
    const require = createRequire(import.meta.url);
    const viaVerdaccio = createRequire(
      createRequire(require.resolve('verdaccio/package.json')).resolve('verdaccio-htpasswd'),
    );
    const bcrypt = viaVerdaccio('bcryptjs') as { hashSync(password: string, rounds: number): string };
    return `${username}:${bcrypt.hashSync(password, 5)}`;
  } catch {
    const res = await run('htpasswd', ['-nbB', '-C', '5', username, password], { allowFailure: true });
    if (res.code === 0) return res.stdout.trim();
    throw new Error(
      'registry auth needs a bcrypt hash: neither bcryptjs (via verdaccio-htpasswd) nor `htpasswd` (apache2-utils) is available; start the registry without auth',
    );
  }
}

function config(dir: string, port: number, auth: boolean): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(join(dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    'health:',
    '  storagedriver:',
    '    enabled: false',
  ];
  if (auth) {
    lines.push(
      'auth:',
      '  htpasswd:',
      '    realm: test-registry',
      `    path: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Starts docker-registry. Typical startup: well under 100 ms. */
export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  const dir = await makeTempDir('registry');
  const creds =
    options.auth === true
      ? { username: 'ci-pusher', password: randomBytes(12).toString('hex') }
      : options.auth || undefined;
  let proc: TrackedProcess | undefined;
  try {
    if (creds) {
      await writeFile(join(dir, 'htpasswd'), (await bcryptHtpasswdLine(creds.username, creds.password)) + '\n', {
        mode: 0o600,
      });
    }
    const started = await startOnFreePort({
      spawn: async (port) => {
        await writeFile(join(dir, 'config.yml'), config(dir, port, Boolean(creds)));
        return (proc = spawnTracked(REGISTRY_BIN, ['serve', join(dir, 'config.yml')], { cwd: dir, cleanupDir: dir }));
      },
      // /v2/ answers 200 (no auth) or 401 (auth): either way it is serving.
      ready: (port, p) =>
        waitFor(
          async () => {
            const res = await fetch(`http://127.0.0.1:${port}/v2/`, { signal: AbortSignal.timeout(1_000) });
            await res.arrayBuffer();
            return res.status === 200 || res.status === 401;
          },
          { timeoutMs: options.startTimeoutMs ?? 15_000, process: p, what: 'docker-registry /v2/', intervalMs: 10 },
        ),
      inUse: 'address already in use',
    });
    const { port, startupMs } = started;
    const url = `http://127.0.0.1:${port}`;
    const authHeader: Record<string, string> = creds
      ? { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` }
      : {};
    const running = started.proc;
    return {
      host: `127.0.0.1:${port}`,
      url,
      port,
      dir,
      username: creds?.username,
      password: creds?.password,
      startupMs,
      async manifestDigest(name, reference) {
        const res = await fetch(`${url}/v2/${name}/manifests/${reference}`, {
          method: 'HEAD',
          headers: { accept: MANIFEST_ACCEPT, ...authHeader },
        });
        if (res.status === 404) return undefined;
        if (!res.ok) throw new Error(`HEAD /v2/${name}/manifests/${reference}: ${res.status}`);
        return res.headers.get('docker-content-digest') ?? undefined;
      },
      async tags(name) {
        const res = await fetch(`${url}/v2/${name}/tags/list`, { headers: authHeader });
        if (res.status === 404) return [];
        if (!res.ok) throw new Error(`GET /v2/${name}/tags/list: ${res.status}`);
        return ((await res.json()) as { tags: string[] | null }).tags ?? [];
      },
      stop: () => stopAndRemove(running, dir),
    };
  } catch (error) {
    await stopAndRemove(proc, dir, 'SIGKILL');
    throw error;
  }
}
