/**
 * Real git repositories for tests: a bare "remote" (`git init --bare`) and working clones, driven by
 * the git CLI through execFile (no shell). Identity is configured per repository (never globally),
 * and git runs with the user's global/system config ignored (see `gitEnv`) so a developer's
 * `commit.gpgsign` or hooks cannot change the results. Pass `gitEnv()` to code under test as well.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir, removeDir, run } from './proc.js';

/** Environment for git that no global/system config reaches and that never prompts (tests, the demo). */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

/** Environment for git in tests: isolated, with a fixed identity. */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return isolatedGitEnv({
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.test',
    ...extra,
  });
}

/** Runs git in `cwd`; resolves trimmed stdout. */
export async function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv(env), timeoutMs: 60_000 });
  return stdout.trim();
}

export interface BareRemote {
  /** Absolute path of the bare repository. */
  dir: string;
  /** file:// URL (forces git's real transport, like a network remote). */
  url: string;
  cleanup(): Promise<void>;
}

/** `git init --bare` in a temp dir, HEAD on `defaultBranch` (main). */
export async function createBareRemote(options: { defaultBranch?: string } = {}): Promise<BareRemote> {
  const root = await makeTempDir('git-remote');
  const dir = join(root, 'remote.git');
  await git(root, ['init', '--quiet', '--bare', `--initial-branch=${options.defaultBranch ?? 'main'}`, dir]);
  return { dir, url: pathToFileURL(dir).href, cleanup: () => removeDir(root) };
}

/** Content of files to write: a string/Buffer, or null to delete the file. Paths are relative to the repo. */
export type FileChanges = Record<string, string | Buffer | null>;

export interface CommitSpec {
  message: string;
  files?: FileChanges;
  /** ISO date for author and committer (default: now). */
  date?: string;
}

export interface Repo {
  dir: string;
  /** The branch checked out at creation. */
  branch: string;
  /** git in this repo; resolves trimmed stdout. */
  git(...args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

export interface CreateRepoOptions {
  /** Clone this remote (bare remote or URL); commits made here are pushed to it unless push is false. */
  remote?: BareRemote | string;
  /** Files of a first commit ("chore: initial commit"). */
  files?: FileChanges;
  /** Commits made after the initial files, in order. Strings are messages of empty commits. */
  commits?: (CommitSpec | string)[];
  branch?: string;
  /** Push the branch (with -u) to origin after the commits (default true when remote is given). */
  push?: boolean;
  user?: { name: string; email: string };
}

/**
 * A working repository in a temp dir: cloned from `remote` (or `git init`), identity configured
 * locally, optional initial files and commits, pushed to the remote when there is one.
 */
export async function createRepo(options: CreateRepoOptions = {}): Promise<Repo> {
  const root = await makeTempDir('git-work');
  const dir = join(root, 'work');
  const branch = options.branch ?? 'main';
  const remoteUrl = typeof options.remote === 'string' ? options.remote : options.remote?.url;
  if (remoteUrl) {
    await git(root, ['clone', '--quiet', remoteUrl, dir]);
    const hasHead = await run('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], {
      cwd: dir,
      env: gitEnv(),
      allowFailure: true,
    });
    if (hasHead.code !== 0) await git(dir, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
    else if ((await git(dir, ['branch', '--show-current'])) !== branch) await git(dir, ['checkout', '--quiet', branch]);
  } else {
    await git(root, ['init', '--quiet', `--initial-branch=${branch}`, dir]);
  }
  const user = options.user ?? { name: 'Test Author', email: 'author@example.test' };
  const config: [string, string][] = [
    ['user.name', user.name],
    ['user.email', user.email],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
    ['init.defaultBranch', branch],
  ];
  for (const [key, value] of config) await git(dir, ['config', '--local', key, value]);
  const repo: Repo = {
    dir,
    branch,
    git: (...args: string[]) => git(dir, args),
    cleanup: () => removeDir(root),
  };
  if (options.files) await commit(repo, 'chore: initial commit', options.files);
  for (const spec of options.commits ?? []) {
    const c = typeof spec === 'string' ? { message: spec } : spec;
    await commit(repo, c.message, c.files, { date: c.date });
  }
  const made = Boolean(options.files) || (options.commits?.length ?? 0) > 0;
  if (remoteUrl && made && options.push !== false) await git(dir, ['push', '--quiet', '-u', 'origin', branch]);
  return repo;
}

/** Writes/deletes files (none: an empty commit), stages them, commits. Resolves the new commit SHA. */
export async function commit(
  repo: Repo,
  message: string,
  files?: FileChanges,
  options: { date?: string } = {},
): Promise<string> {
  for (const [path, content] of Object.entries(files ?? {})) {
    const full = join(repo.dir, path);
    if (content === null) {
      await rm(full, { force: true });
    } else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
  }
  const env = options.date ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date } : {};
  const paths = Object.keys(files ?? {});
  if (paths.length > 0) await git(repo.dir, ['add', '--all', '--', ...paths]);
  await git(repo.dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], env);
  return git(repo.dir, ['rev-parse', 'HEAD']);
}

/** Tags `ref` (HEAD). Annotated tags get `message` (default: the name). Resolves the tagged commit SHA. */
export async function tag(
  repo: Repo,
  name: string,
  options: { annotated?: boolean; message?: string; ref?: string } = {},
): Promise<string> {
  const ref = options.ref ?? 'HEAD';
  const args = options.annotated ? ['tag', '-a', '-m', options.message ?? name, name, ref] : ['tag', name, ref];
  await git(repo.dir, args);
  return git(repo.dir, ['rev-parse', `${name}^{commit}`]);
}

/** `git push origin <refs…>` (default: the current branch and all tags). */
export async function push(repo: Repo, ...refs: string[]): Promise<void> {
  const what = refs.length > 0 ? refs : [repo.branch, '--tags'];
  await git(repo.dir, ['push', '--quiet', 'origin', ...what]);
}

/**
 * Synchronous setup for suites that only need "a remote with main": `<base>/remote.git` (bare, HEAD main) with
 * one empty commit on main, made in the clone `<base>/<clone>` (left in place as the workspace). Returns both paths.
 */
export function seedRemoteSync(base: string, clone = 'ws'): { remote: string; workspace: string } {
  const remote = join(base, 'remote.git');
  const workspace = join(base, clone);
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  execFileSync('git', ['clone', '-q', remote, workspace]);
  execFileSync('git', [
    '-C',
    workspace,
    '-c',
    'user.name=a',
    '-c',
    'user.email=a@b',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'init',
  ]);
  execFileSync('git', ['-C', workspace, 'push', '-q', 'origin', 'HEAD:main']);
  return { remote, workspace };
}

/**
 * `git init` (branch main) in `dir` with the test identity (Dev <dev@example.com>) and no signing, whatever the
 * machine's global config says: the throwaway repositories of the unit and e2e tests start alike.
 */
export function initTestRepo(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
}
