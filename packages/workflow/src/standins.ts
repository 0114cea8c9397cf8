/**
 * Local stand-ins for the third-party actions the reusable workflow uses, doing what those actions do on a runner
 * with what this machine has: checkout clones the repository's remote (or the repository itself) at the ref;
 * setup-node uses a Node already installed; the artifact actions keep artifacts in a directory of the run.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, globSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { StandIn } from './actions.js';

const exec = promisify(execFile);

export interface StandInContext {
  workspace: string;
  /** The repository the run is about (the user's current directory). */
  repository: string;
  artifactsDir: string;
  /** github.sha: checkout's default ref. */
  sha: string;
  env: NodeJS.ProcessEnv;
  log(line: string): void;
}

export interface StandInResult {
  outputs: Record<string, string>;
  /** Directories the job adds to PATH (GITHUB_PATH). */
  path?: string[];
}

export class StandInError extends Error {}

export async function runStandIn(
  name: StandIn,
  withs: Record<string, string>,
  c: StandInContext,
): Promise<StandInResult> {
  switch (name) {
    case 'checkout':
      return checkout(withs, c);
    case 'setup-node':
      return setupNode(withs, c);
    case 'upload-artifact':
      return upload(withs, c);
    case 'download-artifact':
      return download(withs, c);
  }
}

async function git(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await exec('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new StandInError(`git ${args.join(' ')}: ${(err.stderr || err.message).trim()}`);
  }
}

/** Where a runner's checkout would fetch from: the repository's origin (GitHub, here), else the repository itself. */
async function sourceOf(repository: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const url = await git(repository, ['remote', 'get-url', 'origin'], env);
    if (url) return /^[a-z]+:\/\//.test(url) || url.includes('@') ? url : resolve(repository, url);
  } catch {
    // no origin: the local repository is the source
  }
  return repository;
}

async function checkout(w: Record<string, string>, c: StandInContext): Promise<StandInResult> {
  for (const k of ['repository', 'sparse-checkout', 'filter', 'ssh-key'] as const) {
    if (w[k]) throw new StandInError(`actions/checkout ${k} is not supported locally (only this repository, whole)`);
  }
  if (w.lfs === 'true' || (w.submodules && w.submodules !== 'false')) {
    throw new StandInError('actions/checkout lfs / submodules are not supported locally');
  }
  const dir = w.path ? resolve(c.workspace, w.path) : c.workspace;
  if (dir !== c.workspace && !dir.startsWith(c.workspace + sep))
    throw new StandInError(`checkout path ${w.path} is outside the workspace`);
  if (w.clean !== 'false' && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = c.env;
  const src = await sourceOf(c.repository, env);
  const ref = w.ref || c.sha;
  const depth = Number(w['fetch-depth'] ?? '1');
  c.log(`checkout: ${src} at ${ref}${depth > 0 ? ` (depth ${depth})` : ''} into ${dir}`);
  await git(dir, ['init', '--quiet'], env);
  await git(dir, ['remote', 'add', 'origin', src], env);
  const remote = await git(dir, ['ls-remote', 'origin', ref, `refs/heads/${ref}`, `refs/tags/${ref}`], env);
  const names = remote.split('\n').map((l) => l.split('\t')[1] ?? '');
  const branch = names.find((n) => n === `refs/heads/${ref}` || (n === ref && n.startsWith('refs/heads/')));
  const tag = names.find((n) => n === `refs/tags/${ref}` || (n === ref && n.startsWith('refs/tags/')));
  const depthArgs = depth > 0 ? [`--depth=${depth}`] : [];
  if (depth <= 0) {
    await git(
      dir,
      [
        'fetch',
        '--quiet',
        '--prune',
        '--tags',
        'origin',
        '+refs/heads/*:refs/remotes/origin/*',
        '+refs/tags/*:refs/tags/*',
      ],
      env,
    );
  }
  if (branch) {
    const name = branch.slice('refs/heads/'.length);
    if (depth > 0)
      await git(
        dir,
        ['fetch', '--quiet', '--no-tags', ...depthArgs, 'origin', `+${branch}:refs/remotes/origin/${name}`],
        env,
      );
    await git(dir, ['checkout', '--quiet', '-B', name, `refs/remotes/origin/${name}`], env);
  } else if (tag) {
    if (depth > 0) await git(dir, ['fetch', '--quiet', '--no-tags', ...depthArgs, 'origin', `+${tag}:${tag}`], env);
    await git(dir, ['checkout', '--quiet', '--detach', tag], env);
  } else if (/^[0-9a-f]{7,40}$/.test(ref)) {
    if (depth > 0) {
      try {
        await git(dir, ['fetch', '--quiet', '--no-tags', ...depthArgs, 'origin', ref], env);
      } catch {
        throw new StandInError(`checkout: commit ${ref} is not on ${src} (push it first)`);
      }
      await git(dir, ['checkout', '--quiet', '--detach', 'FETCH_HEAD'], env);
    } else {
      await git(dir, ['checkout', '--quiet', '--detach', ref], env).catch(() => {
        throw new StandInError(`checkout: commit ${ref} is not on ${src} (push it first)`);
      });
    }
  } else {
    throw new StandInError(`checkout: ref ${ref} is neither a branch, a tag nor a commit of ${src}`);
  }
  const commit = await git(dir, ['rev-parse', 'HEAD'], env);
  return { outputs: { ref: branch ?? tag ?? ref, commit } };
}

async function nodeVersion(bin: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const { stdout } = await exec(bin, ['--version'], { env });
    return stdout.trim().replace(/^v/, '');
  } catch {
    return undefined;
  }
}

/** A Node already on this machine whose version matches: the executor's own, then the PATH's. Nothing is downloaded. */
async function setupNode(w: Record<string, string>, c: StandInContext): Promise<StandInResult> {
  if (w['node-version-file'])
    throw new StandInError('actions/setup-node node-version-file is not supported locally (give node-version)');
  if (w['registry-url'] || w.cache)
    throw new StandInError('actions/setup-node registry-url / cache are not supported locally');
  const wanted = (w['node-version'] ?? '').trim();
  const candidates = [
    process.execPath,
    ...(c.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'node')),
  ];
  const seen: string[] = [];
  for (const bin of candidates) {
    if (!existsSync(bin)) continue;
    const v = await nodeVersion(bin, c.env);
    if (!v) continue;
    seen.push(`${v} (${bin})`);
    if (matches(v, wanted)) {
      c.log(`setup-node: Node ${v} at ${bin}`);
      return { outputs: { 'node-version': `v${v}`, 'cache-hit': 'false' }, path: [dirname(bin)] };
    }
  }
  throw new StandInError(
    `setup-node: no Node ${wanted} on this machine (found ${seen.join(', ') || 'none'}); the local executor does not download Node`,
  );
}

function matches(version: string, wanted: string): boolean {
  if (!wanted || /^(lts\/\*|node|latest|current)$/.test(wanted)) return true;
  const w = wanted
    .replace(/^v/, '')
    .replace(/\.x$/, '')
    .replace(/^>=\s*/, '');
  if (wanted.startsWith('>=')) return Number(version.split('.')[0]) >= Number(w.split('.')[0]);
  return version === w || version.startsWith(`${w}.`);
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + sep);
}

const ARTIFACT_NAME = /^[^"\\:<>|*?/\r\n]+$/;

async function upload(w: Record<string, string>, c: StandInContext): Promise<StandInResult> {
  const name = w.name || 'artifact';
  if (!ARTIFACT_NAME.test(name)) throw new StandInError(`upload-artifact: bad artifact name ${JSON.stringify(name)}`);
  const lines = (w.path ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const excludes = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
  const files = new Set<string>();
  for (const line of lines.filter((l) => !l.startsWith('!'))) {
    const abs = resolve(c.workspace, line);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      for (const f of globSync('**/*', { cwd: abs, exclude: excludes })) {
        const p = join(abs, f);
        if (
          statSync(p).isFile() &&
          (w['include-hidden-files'] === 'true' || !f.split(sep).some((s) => s.startsWith('.')))
        )
          files.add(p);
      }
    } else {
      for (const f of globSync(line, { cwd: c.workspace, exclude: excludes })) {
        const p = resolve(c.workspace, f);
        if (statSync(p).isFile()) files.add(p);
      }
    }
  }
  if (files.size === 0) {
    const mode = w['if-no-files-found'] ?? 'warn';
    const msg = `upload-artifact: no files found at ${lines.join(', ')}`;
    if (mode === 'error') throw new StandInError(msg);
    if (mode === 'warn') c.log(`::warning::${msg}; no artifact uploaded`);
    return { outputs: {} };
  }
  const dest = join(c.artifactsDir, name);
  if (existsSync(dest)) {
    if (w.overwrite !== 'true')
      throw new StandInError(`upload-artifact: an artifact named ${name} already exists in this run`);
    rmSync(dest, { recursive: true, force: true });
  }
  // The real action stores paths relative to the files' least common ancestor.
  const list = [...files];
  let root = dirname(list[0]!);
  while (!list.every((f) => inside(root, dirname(f)))) root = dirname(root);
  for (const f of list) {
    const to = join(dest, relative(root, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }
  c.log(`upload-artifact: ${name} (${list.length} file${list.length === 1 ? '' : 's'})`);
  return { outputs: { 'artifact-id': name, 'artifact-url': `file://${dest}` } };
}

async function download(w: Record<string, string>, c: StandInContext): Promise<StandInResult> {
  for (const k of ['run-id', 'repository', 'artifact-ids'] as const) {
    if (w[k]) throw new StandInError(`download-artifact ${k} (artifacts of another run) is not supported locally`);
  }
  const dest = w.path ? resolve(c.workspace, w.path) : c.workspace;
  const all = existsSync(c.artifactsDir) ? readdirSync(c.artifactsDir) : [];
  if (w.name) {
    if (!all.includes(w.name))
      throw new StandInError(
        `download-artifact: no artifact named ${w.name} in this run (${all.join(', ') || 'none'})`,
      );
    cpSync(join(c.artifactsDir, w.name), dest, { recursive: true });
    c.log(`download-artifact: ${w.name} → ${dest}`);
    return { outputs: { 'download-path': dest } };
  }
  const re = w.pattern
    ? new RegExp(
        `^${w.pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      )
    : /.*/;
  const chosen = all.filter((n) => re.test(n));
  for (const n of chosen)
    cpSync(join(c.artifactsDir, n), w['merge-multiple'] === 'true' ? dest : join(dest, n), { recursive: true });
  c.log(`download-artifact: ${chosen.join(', ') || 'nothing'} → ${dest}`);
  mkdirSync(dest, { recursive: true });
  return { outputs: { 'download-path': dest } };
}

export const artifactNames = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).map((n) => basename(n)) : [];
