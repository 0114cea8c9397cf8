/**
 * A real npm registry for tests: Verdaccio (devDependency) spawned with `process.execPath` (Node 24
 * under `npm test`) on 127.0.0.1:<ephemeral>, storage and config in a temp dir, no uplinks (nothing
 * leaves loopback), web UI off, htpasswd auth with one pre-created user (`{SHA}` hash) and
 * registration disabled (`max_users: -1`). Reading is open to all; publish/unpublish need a token.
 *
 * The token is obtained the way `npm login` does it: PUT /-/user/org.couchdb.user:<name> with the
 * user's basic credentials. Use `writeNpmrc()` to get a temp userconfig for `npm_config_userconfig`:
 * tokens never go into the repository.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOnFreePort, makeTempDir, stopAndRemove, spawnTracked, waitFor, type TrackedProcess } from './proc.js';

export interface VerdaccioOptions {
  username?: string;
  /** Default: random. */
  password?: string;
  startTimeoutMs?: number;
}

export interface Verdaccio {
  /** http://127.0.0.1:PORT/ (with the trailing slash npm uses). */
  url: string;
  port: number;
  /** A token for `username`, obtained by logging in. */
  token: string;
  username: string;
  password: string;
  /** The temp dir (config.yaml, htpasswd, storage/). */
  dir: string;
  /** Milliseconds from spawn to the first answered /-/ping. */
  startupMs: number;
  /**
   * Writes an npm userconfig (in `dir` unless told) with this registry and the token (or no token:
   * `token: null`); returns its path, for `npm_config_userconfig`.
   */
  writeNpmrc(options?: { path?: string; token?: string | null; scope?: string }): Promise<string>;
  /** Env for npm commands: userconfig (with token), registry, no update notifier, no audit. */
  npmEnv(options?: { token?: string | null }): Promise<NodeJS.ProcessEnv>;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** Path of Verdaccio's CLI script (resolved from node_modules). */
export function verdaccioBin(): string {
  return join(require.resolve('verdaccio/package.json'), '..', 'bin', 'verdaccio');
}

function config(dir: string, port: number): string {
  const access = `    access: $all\n    publish: $authenticated\n    unpublish: $authenticated\n`;
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: -1',
    'uplinks: {}',
    'packages:',
    "  '@*/*':",
    access.trimEnd(),
    "  '**':",
    access.trimEnd(),
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    `listen: 127.0.0.1:${port}`,
    '',
  ].join('\n');
}

async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(username)}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
    },
    body: JSON.stringify({ name: username, password }),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (res.status !== 201 || !body.token) {
    throw new Error(`verdaccio login as ${username} failed: ${res.status} ${body.error ?? ''}`);
  }
  return body.token;
}

/** Starts Verdaccio and logs in. Typical startup ≈ 1 s (see `startupMs`). */
export async function startVerdaccio(options: VerdaccioOptions = {}): Promise<Verdaccio> {
  const username = options.username ?? 'ci-publisher';
  const password = options.password ?? randomBytes(12).toString('hex');
  const dir = await makeTempDir('verdaccio');
  let proc: TrackedProcess | undefined;
  let token = '';
  let foreign = '';
  try {
    const sha = createHash('sha1').update(password, 'utf8').digest('base64');
    await writeFile(join(dir, 'htpasswd'), `${username}:{SHA}${sha}\n`, { mode: 0o600 });
    const started = await startOnFreePort({
      spawn: async (port) => {
        await writeFile(join(dir, 'config.yaml'), config(dir, port));
        return (proc = spawnTracked(process.execPath, [verdaccioBin(), '--config', join(dir, 'config.yaml')], {
          cwd: dir,
          cleanupDir: dir,
          env: {
            ...process.env,
            // Compiled-code cache shared across runs: cuts Verdaccio's module loading time.
            NODE_COMPILE_CACHE: join(tmpdir(), 'ra-node-compile-cache'),
            NODE_OPTIONS: '',
          },
        }));
      },
      // Logged in as part of being ready: a 409 means the user is unknown there, so another Verdaccio (a parallel
      // test's, which took the free port first) answered, and ours could not bind: start again on another port.
      ready: async (port, p) => {
        await waitFor(
          async () => (await fetch(`http://127.0.0.1:${port}/-/ping`, { signal: AbortSignal.timeout(1_000) })).ok,
          { timeoutMs: options.startTimeoutMs ?? 30_000, process: p, what: 'verdaccio /-/ping' },
        );
        try {
          token = await login(`http://127.0.0.1:${port}/`, username, password);
        } catch (e) {
          if (/ 409 /.test(String(e))) foreign = `EADDRINUSE: another server answered on port ${port} (${String(e)})`;
          throw e;
        }
      },
      log: async () => foreign,
      inUse: 'EADDRINUSE',
    });
    const { port, startupMs } = started;
    const url = `http://127.0.0.1:${port}/`;
    const running = started.proc;
    const writeNpmrc: Verdaccio['writeNpmrc'] = async (o = {}) => {
      const path = o.path ?? join(dir, `npmrc-${randomBytes(4).toString('hex')}`);
      const tok = o.token === undefined ? token : o.token;
      const lines = [o.scope ? `${o.scope}:registry=${url}` : `registry=${url}`];
      if (tok) lines.push(`//127.0.0.1:${port}/:_authToken=${tok}`);
      await writeFile(path, lines.join('\n') + '\n', { mode: 0o600 });
      return path;
    };
    return {
      url,
      port,
      token,
      username,
      password,
      dir,
      startupMs,
      writeNpmrc,
      async npmEnv(o = {}) {
        const userconfig = await writeNpmrc({ token: o.token });
        return {
          ...process.env,
          npm_config_userconfig: userconfig,
          npm_config_registry: url,
          npm_config_update_notifier: 'false',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_cache: join(dir, 'npm-cache'),
        };
      },
      stop: () => stopAndRemove(running, dir),
    };
  } catch (error) {
    await stopAndRemove(proc, dir, 'SIGKILL');
    throw error;
  }
}
