/**
 * The real Docker engine for tests (Debian's docker.io daemon, started by `.ci/run` when none answers).
 *
 * - `dockerAvailable()`: does `docker info` answer (short timeout)?
 * - `buildScratchImage(tag, files)`: builds a `FROM scratch` image. With `busybox` (default) the
 *   rootfs is packages/testkit/rootfs/busybox plus Debian's static /bin/busybox and a link per applet,
 *   so `sh`, `httpd`, `wget`… run in it. No base image is pulled: there is no Docker Hub here.
 * - push/pull/login/rm helpers, with a temp DOCKER_CONFIG so ~/.docker is never read or written.
 * - `runContainer()`: `docker run -d --network host` (containers bind 127.0.0.1 themselves).
 *
 * Builds use the classic builder (`DOCKER_BUILDKIT=0`): the docker CLI here has no buildx plugin,
 * and with `DOCKER_BUILDKIT=1` it refuses ("BuildKit is enabled but the buildx component is
 * missing"). The classic builder prints a deprecation notice and works.
 */
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elapsed, makeTempDir, removeDir, run, startWatchdog, type RunOptions, type RunResult } from './proc.js';

/** packages/testkit/rootfs, the text skeletons of test images. */
export const rootfsDir = fileURLToPath(new URL('../../rootfs/', import.meta.url));

/** Static busybox of Debian's busybox-static package. */
export const BUSYBOX = '/bin/busybox';

export interface DockerOptions extends Omit<RunOptions, 'env'> {
  /** DOCKER_CONFIG dir (credentials); default: the ambient one. */
  dockerConfig?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs the docker CLI (no shell). Classic builder forced (see module doc). */
export function docker(args: readonly string[], options: DockerOptions = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_BUILDKIT: '0', DOCKER_CLI_HINTS: 'false', ...options.env };
  if (options.dockerConfig) env.DOCKER_CONFIG = options.dockerConfig;
  return run('docker', args, { timeoutMs: 180_000, ...options, env });
}

/** True when `docker info` answers within timeoutMs. */
export async function dockerAvailable(timeoutMs = 5_000): Promise<boolean> {
  try {
    const res = await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs, allowFailure: true });
    return res.code === 0 && res.stdout.trim() !== '';
  } catch {
    return false;
  }
}

export type ImageFile = string | Buffer | { content: string | Buffer; mode: number };

export interface ScratchImageOptions {
  /** Include busybox and its applets (default true). */
  busybox?: boolean;
  cmd?: string[];
  entrypoint?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
  workdir?: string;
  user?: string;
  dockerConfig?: string;
}

export interface BuiltImage {
  tag: string;
  /** sha256:… image id. */
  id: string;
  buildMs: number;
  remove(): Promise<void>;
}

let applets: Promise<string[]> | undefined;
function busyboxApplets(): Promise<string[]> {
  applets ??= run(BUSYBOX, ['--list']).then((r) => r.stdout.split('\n').filter((a) => /^[\w.[-]+$/.test(a)));
  return applets;
}

/**
 * Builds `tag` FROM scratch: `files` (path in the image → content) over the busybox rootfs.
 * Typical build time: ~0.3 s (2 MB context).
 */
export async function buildScratchImage(
  tag: string,
  files: Record<string, ImageFile> = {},
  options: ScratchImageOptions = {},
): Promise<BuiltImage> {
  const ctx = await makeTempDir('docker-ctx');
  try {
    const rootfs = join(ctx, 'rootfs');
    await mkdir(rootfs);
    if (options.busybox !== false) {
      await cp(join(rootfsDir, 'busybox'), rootfs, { recursive: true });
      await mkdir(join(rootfs, 'bin'), { recursive: true });
      await mkdir(join(rootfs, 'tmp'), { recursive: true });
      await chmod(join(rootfs, 'tmp'), 0o1777);
      await cp(BUSYBOX, join(rootfs, 'bin', 'busybox'));
      for (const applet of await busyboxApplets()) {
        if (applet !== 'busybox') await symlink('busybox', join(rootfs, 'bin', applet));
      }
    }
    for (const [path, file] of Object.entries(files)) {
      const full = join(rootfs, path.replace(/^\/+/, ''));
      await mkdir(dirname(full), { recursive: true });
      const content = typeof file === 'string' || Buffer.isBuffer(file) ? file : file.content;
      await writeFile(full, content);
      if (typeof file === 'object' && !Buffer.isBuffer(file)) await chmod(full, file.mode);
    }
    const lines = ['FROM scratch', 'COPY rootfs/ /'];
    if (options.busybox !== false) lines.push('ENV PATH=/bin');
    for (const [k, v] of Object.entries(options.env ?? {})) lines.push(`ENV ${k}=${JSON.stringify(v)}`);
    for (const [k, v] of Object.entries(options.labels ?? {}))
      lines.push(`LABEL ${JSON.stringify(k)}=${JSON.stringify(v)}`);
    if (options.workdir) lines.push(`WORKDIR ${options.workdir}`);
    if (options.user) lines.push(`USER ${options.user}`);
    if (options.entrypoint) lines.push(`ENTRYPOINT ${JSON.stringify(options.entrypoint)}`);
    if (options.cmd) lines.push(`CMD ${JSON.stringify(options.cmd)}`);
    await writeFile(join(ctx, 'Dockerfile'), lines.join('\n') + '\n');
    const start = performance.now();
    const iidfile = join(ctx, 'iid');
    await docker(['build', '--quiet', '--iidfile', iidfile, '-t', tag, ctx], { dockerConfig: options.dockerConfig });
    const buildMs = elapsed(start);
    const id = (await readFile(iidfile, 'utf8')).trim();
    return { tag, id, buildMs, remove: () => removeImage(tag) };
  } finally {
    await removeDir(ctx);
  }
}

/** `docker rmi -f` (ignores images that are not there). */
export async function removeImage(...refs: string[]): Promise<void> {
  if (refs.length > 0) await docker(['rmi', '-f', ...refs], { allowFailure: true });
}

/** A temp DOCKER_CONFIG dir (empty config.json), so credentials never touch ~/.docker. */
export async function createDockerConfig(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await makeTempDir('docker-config');
  await writeFile(join(dir, 'config.json'), '{}\n', { mode: 0o600 });
  return { dir, cleanup: () => removeDir(dir) };
}

/** `docker login host` with --password-stdin into `dockerConfig`. */
export async function dockerLogin(
  host: string,
  username: string,
  password: string,
  dockerConfig: string,
): Promise<void> {
  await docker(['login', '--username', username, '--password-stdin', host], { input: password, dockerConfig });
}

/** `docker push ref`; resolves the manifest digest the push reported (sha256:…). */
export async function pushImage(ref: string, options: { dockerConfig?: string } = {}): Promise<string> {
  const { stdout } = await docker(['push', ref], options);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1];
  if (!digest) throw new Error(`docker push ${ref}: no digest in output\n${stdout}`);
  return digest;
}

/** `docker pull ref`; resolves the digest reported. */
export async function pullImage(ref: string, options: { dockerConfig?: string } = {}): Promise<string> {
  const { stdout } = await docker(['pull', ref], options);
  const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1];
  if (!digest) throw new Error(`docker pull ${ref}: no digest in output\n${stdout}`);
  return digest;
}

export interface Container {
  id: string;
  name: string;
  logs(): Promise<string>;
  /** `docker rm -f`. */
  stop(): Promise<void>;
}

/**
 * `docker run -d --network host --name <name> image args…`. The process in the container must bind
 * 127.0.0.1 itself. Removed by stop(), or by a watchdog if the test process dies first.
 */
export async function runContainer(
  image: string,
  args: string[] = [],
  options: { name?: string; env?: Record<string, string>; labels?: Record<string, string> } = {},
): Promise<Container> {
  const name = options.name ?? `ra-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const flags = ['run', '-d', '--network', 'host', '--name', name];
  for (const [k, v] of Object.entries(options.env ?? {})) flags.push('--env', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.labels ?? {})) flags.push('--label', `${k}=${v}`);
  // If the test process dies before stop(), a watchdog process removes the container.
  const dismiss = startWatchdog({ containers: [name] });
  const { stdout } = await docker([...flags, image, ...args]).catch(async (error: unknown) => {
    await docker(['rm', '-f', name], { allowFailure: true });
    dismiss();
    throw error;
  });
  return {
    id: stdout.trim(),
    name,
    logs: async () => {
      const r = await docker(['logs', name], { allowFailure: true });
      return r.stdout + r.stderr;
    },
    async stop() {
      await docker(['rm', '-f', name], { allowFailure: true });
      dismiss();
    },
  };
}
