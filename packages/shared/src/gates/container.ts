/**
 * The container build gate: build the image (`docker buildx build --load` where buildx is present, else
 * `docker build`), record its id, size and layer count, fail on the size budget or on a smoke command that
 * fails when run in the image (`docker run --rm --network host <id> <command…>`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { formatDuration } from '../util/duration.js';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { splitCommand, tail, type ExecFn } from './exec.js';

export interface ContainerBuildOptions {
  image: string;
  /** Build context, relative to cwd. */
  context: string;
  /** Dockerfile, relative to cwd (default: <context>/Dockerfile). */
  dockerfile?: string;
  buildArgs: Record<string, string>;
  maxImageSizeMb?: number;
  smokeCommand?: string;
  cwd: string;
  exec: ExecFn;
  log: Logger;
  buildTimeoutMs?: number;
  smokeTimeoutMs?: number;
}

export interface ContainerResult {
  image: string;
  imageId: string;
  builder: 'docker buildx build' | 'docker build';
  buildMs: number;
  sizeBytes: number;
  /** Size in MB (10^6 bytes), as `docker images` shows it. */
  sizeMb: number;
  layers: number;
  maxImageSizeMb?: number;
  smoke?: { command: string; code: number; output: string; passed: boolean };
  passed: boolean;
  reasons: string[];
}

/** `KEY=VALUE` lines (or comma separated) as build args. */
export function parseBuildArgs(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) return line;
    out[m[1] as string] = m[2] as string;
  }
  return out;
}

export async function hasBuildx(exec: ExecFn): Promise<boolean> {
  const r = await exec('docker', ['buildx', 'version'], { timeoutMs: 30_000 });
  return r.code === 0;
}

export async function buildContainer(o: ContainerBuildOptions): Promise<ContainerResult> {
  const { exec, log } = o;
  const info = await exec('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 30_000 });
  if (info.code !== 0) {
    throw new StageError(`container-build: no Docker engine answers (docker version: ${tail(info.stderr, 3)})`);
  }
  const buildx = await hasBuildx(exec);
  const builder = buildx ? 'docker buildx build' : 'docker build';
  const tmp = mkdtempSync(join(tmpdir(), 'ra-build-'));
  const iidfile = join(tmp, 'iid');
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(o.cwd, p));
  const args = [
    ...(buildx ? ['buildx', 'build', '--load'] : ['build']),
    '--iidfile',
    iidfile,
    '-t',
    o.image,
    ...(o.dockerfile ? ['-f', abs(o.dockerfile)] : []),
    ...Object.entries(o.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    abs(o.context),
  ];
  log.info(`container-build: ${builder} -t ${o.image} ${o.context}${buildx ? '' : ' (no buildx here)'}`);
  const started = Date.now();
  let imageId: string;
  try {
    const r = await exec('docker', args, {
      cwd: o.cwd,
      timeoutMs: o.buildTimeoutMs ?? 1_800_000,
      env: { ...process.env, DOCKER_BUILDKIT: buildx ? '1' : (process.env.DOCKER_BUILDKIT ?? '0') },
      onLine: (l) => log.info(`  ${l}`),
    });
    if (r.code !== 0) {
      throw new StageError(
        `container-build: ${builder} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.stderr || r.stdout)}`,
      );
    }
    imageId = readFileSync(iidfile, 'utf8').trim();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const buildMs = Date.now() - started;
  const insp = await exec('docker', ['image', 'inspect', '--format', '{{json .}}', imageId], { timeoutMs: 30_000 });
  if (insp.code !== 0) throw new StageError(`container-build: cannot inspect ${imageId}: ${tail(insp.stderr, 3)}`);
  const doc = JSON.parse(insp.stdout) as { Id: string; Size: number; RootFS?: { Layers?: string[] } };
  const sizeBytes = doc.Size;
  const sizeMb = sizeBytes / 1e6;
  const layers = doc.RootFS?.Layers?.length ?? 0;
  const reasons: string[] = [];
  log.info(
    `container-build: ${o.image} = ${imageId}, ${sizeMb.toFixed(2)} MB in ${layers} layer(s), built in ${formatDuration(buildMs)}`,
  );
  if (o.maxImageSizeMb !== undefined && sizeMb > o.maxImageSizeMb) {
    reasons.push(`image size ${sizeMb.toFixed(2)} MB is over the budget max_image_size_mb ${o.maxImageSizeMb}`);
  }
  let smoke: ContainerResult['smoke'];
  if (o.smokeCommand) {
    const words = splitCommand(o.smokeCommand);
    log.info(`container-build: smoke test: docker run --rm --network host ${imageId.slice(0, 19)} ${o.smokeCommand}`);
    const r = await exec('docker', ['run', '--rm', '--network', 'host', imageId, ...words], {
      cwd: o.cwd,
      timeoutMs: o.smokeTimeoutMs ?? 300_000,
    });
    const output = tail(`${r.stdout}${r.stderr}`, 20);
    smoke = { command: o.smokeCommand, code: r.code, output, passed: r.code === 0 && !r.timedOut };
    if (!smoke.passed) {
      reasons.push(
        `smoke command \`${o.smokeCommand}\` failed in the image (exit ${r.code}${r.timedOut ? ', timed out' : ''})`,
      );
      log.info(`container-build: smoke command failed (exit ${r.code}):\n${output}`);
    } else log.info(`container-build: smoke command passed`);
  }
  return {
    image: o.image,
    imageId,
    builder,
    buildMs,
    sizeBytes,
    sizeMb,
    layers,
    maxImageSizeMb: o.maxImageSizeMb,
    smoke,
    passed: reasons.length === 0,
    reasons,
  };
}
