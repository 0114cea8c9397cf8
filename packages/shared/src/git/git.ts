/**
 * The git CLI, run without a shell. Commands get arguments as arrays (no injection), a fixed locale, and never
 * prompt. Credentials are passed as an HTTP header through GIT_CONFIG_* environment variables (never in a
 * remote URL, an argument or a config file in the workspace).
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../util/logger.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Extra environment for every command. */
  env?: Record<string, string>;
  log?: Logger;
  /** `git -c` settings passed through GIT_CONFIG_* (not visible in process arguments). */
  config?: Record<string, string>;
}

export interface PushResult {
  ok: boolean;
  /** Refused because a ref moved under us (non-fast-forward, stale, lock held): not a broken remote. */
  rejected: boolean;
  /**
   * Refused by the remote's own rules (a pre-receive hook, GitHub branch protection GH006 or a ruleset GH013), not
   * because a ref moved: pushing again the same way fails the same way.
   */
  declined: boolean;
  /** What git and the remote said (porcelain output and errors). */
  message: string;
  /** The lines the remote itself printed (`remote: …`), without the prefix: its reason, in its words. */
  remoteLines: string[];
  code: number;
}

/** How git and remotes say that a ref moved while we worked (an atomic push names itself when it aborts). */
const PUSH_REJECTED = /rejected|non-fast-forward|fetch first|stale info|atomic|failed to update ref|cannot lock ref/i;
/** How a remote says its rules refused the update (hook declined, GitHub's protected branch and rulesets). */
const PUSH_DECLINED = /hook declined|GH006|GH013|protected branch|declined by|rule violations/i;

export interface Identity {
  name: string;
  email: string;
}

export interface TagInfo {
  name: string;
  /** The commit the tag points to (peeled). */
  commit: string;
  /** The tag object for annotated tags. */
  object: string;
  annotated: boolean;
}

const realpathOr = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

export class Git {
  constructor(
    readonly cwd: string,
    private readonly opts: GitOptions = {},
  ) {}

  /**
   * Why `cwd` cannot be released from, said with the fix; undefined when it is the top level of a git checkout.
   * A subdirectory is named as such: git would work there, but package.json and the changelog are the top's.
   */
  async checkoutProblem(): Promise<string | undefined> {
    const r = await this.run(['rev-parse', '--show-toplevel']);
    const top = r.code === 0 ? r.stdout.trim() : '';
    if (!top)
      return `${this.cwd} is not a git checkout: in a workflow, run actions/checkout (fetch-depth: 0) first; locally, cd into your repository's top level (git rev-parse --show-toplevel prints it).`;
    if (resolve(top) !== resolve(this.cwd) && realpathOr(top) !== realpathOr(this.cwd))
      return `${this.cwd} is not a git checkout's top level but a subdirectory of ${top}: run from the top level (cd "$(git rev-parse --show-toplevel)"), or in a workflow check the repository out at the workspace's root.`;
    return undefined;
  }

  /** A Git for the same repository with more settings (e.g. an auth header for one remote). */
  with(opts: GitOptions): Git {
    return new Git(this.cwd, {
      log: opts.log ?? this.opts.log,
      env: { ...this.opts.env, ...opts.env },
      config: { ...this.opts.config, ...opts.config },
    });
  }

  /** A Git that authenticates HTTPS requests to `serverUrl` with a token, as actions/checkout does. */
  withToken(serverUrl: string, token: string): Git {
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    return this.with({
      config: { [`http.${serverUrl.replace(/\/$/, '')}/.extraheader`]: `AUTHORIZATION: basic ${basic}` },
    });
  }

  private env(extra?: Record<string, string>): NodeJS.ProcessEnv {
    const config = Object.entries(this.opts.config ?? {});
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: 'echo',
      ...this.opts.env,
      ...extra,
    };
    if (config.length) {
      const base = Number(env.GIT_CONFIG_COUNT ?? 0);
      config.forEach(([k, v], i) => {
        env[`GIT_CONFIG_KEY_${base + i}`] = k;
        env[`GIT_CONFIG_VALUE_${base + i}`] = v;
      });
      env.GIT_CONFIG_COUNT = String(base + config.length);
    }
    return env;
  }

  /** Run git; resolves with the exit code (does not throw on failure). */
  run(args: string[], o: { input?: string; env?: Record<string, string> } = {}): Promise<GitResult> {
    this.opts.log?.debug(`git ${args.join(' ')}`);
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, { cwd: this.cwd, env: this.env(o.env), stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({
          code: code ?? 1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
      child.stdin.on('error', () => {});
      child.stdin.end(o.input ?? '');
    });
  }

  /** Run git and return stdout; throws GitError on a non-zero exit. */
  async out(args: string[], o: { input?: string; env?: Record<string, string>; trim?: boolean } = {}): Promise<string> {
    const r = await this.run(args, o);
    if (r.code !== 0) throw new GitError(args, r.code, r.stderr);
    return o.trim === false ? r.stdout : r.stdout.trim();
  }

  /**
   * Stream git's stdout split into records by `separator` (e.g. a NUL between commits of `git log -z`), calling
   * `onRecord` for each without holding the whole output in memory.
   */
  stream(args: string[], separator: string, onRecord: (record: string) => void): Promise<void> {
    this.opts.log?.debug(`git ${args.join(' ')}`);
    // Split bytes, then decode each record on its own: records never keep a large shared buffer alive, and a
    // multi-byte character cut between two chunks is decoded whole.
    const sep = Buffer.from(separator, 'utf8');
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, { cwd: this.cwd, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let pending: Buffer | undefined;
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        const buf = pending ? Buffer.concat([pending, d]) : d;
        let start = 0;
        let i: number;
        while ((i = buf.indexOf(sep, start)) >= 0) {
          onRecord(buf.toString('utf8', start, i));
          start = i + sep.length;
        }
        pending = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) return reject(new GitError(args, code ?? 1, err));
        if (pending?.length) onRecord(pending.toString('utf8'));
        resolve();
      });
    });
  }

  /**
   * `git log` over `range`, each commit formatted by `format` (no NUL in it) with the files it changed: renames
   * count as both paths (a package moved away still saw the commit), merge commits list none. One process for
   * any number of packages; the caller decides which paths belong to what.
   */
  logWithFiles(range: string[], format: string, onCommit: (formatted: string, files: string[]) => void): Promise<void> {
    // \x1e opens each commit: with -z, the message ends at the first NUL and the file names follow, NUL-separated.
    return this.stream(
      ['log', '-z', '--no-renames', '--name-only', `--format=%x1e${format}`, ...range, '--'],
      '\x1e',
      (rec) => {
        if (!rec) return;
        const end = rec.indexOf('\0');
        if (end < 0) return onCommit(rec, []);
        const files = rec
          .slice(end + 1)
          .split('\0')
          .map((f) => (f.startsWith('\n') ? f.slice(1) : f))
          .filter(Boolean);
        onCommit(rec.slice(0, end), files);
      },
    );
  }

  /** The best common ancestor of every revision (`git merge-base --octopus`), or undefined when there is none. */
  async mergeBase(revs: string[]): Promise<string | undefined> {
    const r = await this.run(['merge-base', '--octopus', ...revs]);
    if (r.code > 1) throw new GitError(['merge-base', '--octopus', ...revs], r.code, r.stderr);
    return r.code === 0 ? r.stdout.trim().split('\n')[0] || undefined : undefined;
  }

  /** The commit a revision names, or undefined when it does not exist. */
  async resolve(rev: string): Promise<string | undefined> {
    const r = await this.run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  head(): Promise<string> {
    return this.out(['rev-parse', 'HEAD']);
  }

  /** The checked-out branch name, or undefined on a detached HEAD. */
  async branch(): Promise<string | undefined> {
    const r = await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  async isShallow(): Promise<boolean> {
    return (await this.out(['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  /** The boundary commits of a shallow clone (their parents are missing); empty for a complete clone. */
  async shallowCommits(): Promise<Set<string>> {
    return readShallowFile(await this.out(['rev-parse', '--path-format=absolute', '--git-path', 'shallow']));
  }

  /**
   * `resolve(rev)` and `shallowCommits()` in one `git rev-parse` (one process instead of two: each costs a few
   * milliseconds, and the changelog action runs in well under a second).
   */
  async resolveWithShallow(rev: string): Promise<{ commit: string | undefined; shallow: Set<string> }> {
    const r = await this.run([
      'rev-parse',
      '--path-format=absolute',
      '--git-path',
      'shallow',
      '--verify',
      '--quiet',
      `${rev}^{commit}`,
    ]);
    // Exit 1 after the path: the revision does not exist. Not a repository (128): neither, as `resolve` says.
    const [path = '', commit = ''] = r.code <= 1 ? r.stdout.split('\n') : [];
    return {
      commit: r.code === 0 && commit ? commit : undefined,
      shallow: path ? await readShallowFile(path) : new Set(),
    };
  }

  /**
   * Fetch more history into a shallow clone: `depth` more commits (`git fetch --deepen`), or all of it when
   * `depth` is 'all' (`--unshallow`). Tags are fetched too (their history as shallow as the rest). Throws GitError.
   */
  async deepen(depth: number | 'all', remote = 'origin'): Promise<void> {
    const how = depth === 'all' ? '--unshallow' : `--deepen=${depth}`;
    await this.out(['fetch', '--quiet', '--no-recurse-submodules', '--tags', how, remote]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
    if (r.code > 1) throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r.code, r.stderr);
    return r.code === 0;
  }

  /** Every tag (optionally those matching a glob such as `v*`), with the commit each points to. */
  async tags(pattern?: string): Promise<TagInfo[]> {
    const out = await this.out([
      'for-each-ref',
      '--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)',
      pattern ? `refs/tags/${pattern}` : 'refs/tags',
    ]);
    if (!out) return [];
    return out.split('\n').map((line) => {
      const [name = '', type = '', object = '', peeled = ''] = line.split('\0');
      return { name, object, annotated: type === 'tag', commit: type === 'tag' ? peeled : object };
    });
  }

  /** Tags whose commit is an ancestor of (or equal to) `rev`. */
  async mergedTags(rev = 'HEAD', pattern?: string): Promise<Set<string>> {
    const out = await this.out(['tag', '--merged', rev, '--list', ...(pattern ? [pattern] : [])]);
    return new Set(out ? out.split('\n') : []);
  }

  /** refs on a remote: `git ls-remote` as a map of ref name → object id (peeled tags as `ref^{}`). */
  async lsRemote(remote: string, patterns: string[] = []): Promise<Map<string, string>> {
    const out = await this.out(['ls-remote', remote, ...patterns]);
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      const [sha, ref] = line.split('\t');
      if (sha && ref) map.set(ref, sha);
    }
    return map;
  }

  /**
   * Fetch `refspecs` from `remote` (no tags unless a refspec names them). Resolves false when the remote has no
   * such ref (a branch not created yet); any other failure throws GitError.
   */
  async fetch(remote: string, refspecs: string[], o: { force?: boolean } = {}): Promise<boolean> {
    const args = ['fetch', '--quiet', '--no-tags', ...(o.force ? ['--force'] : []), remote, ...refspecs];
    const r = await this.run(args);
    if (r.code === 0) return true;
    if (/couldn't find remote ref|not our ref|no such ref/i.test(r.stderr)) return false;
    throw new GitError(['fetch', remote, ...refspecs], r.code, r.stderr);
  }

  /** Commit the staged `paths` (empty commits allowed) as `identity`; returns the new commit. */
  async commit(message: string, o: { paths?: string[]; identity?: Identity } = {}): Promise<string> {
    if (o.paths?.length) await this.out(['add', '--', ...o.paths]);
    const env = identityEnv(o.identity);
    await this.out(['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], { env });
    return this.head();
  }

  /** An annotated tag on `commit` (replacing a local tag of that name: the remote decides what exists). */
  async tagAnnotated(name: string, commit: string, o: { message?: string; identity?: Identity } = {}): Promise<void> {
    await this.out(['tag', '-f', '-a', name, '-m', o.message ?? name, commit], { env: identityEnv(o.identity) });
  }

  /** Delete a local tag; a tag that is not there is no error. */
  async deleteTag(name: string): Promise<void> {
    await this.run(['tag', '-d', name]);
  }

  /** `git reset --keep`: move the branch back to `rev`, keeping local changes that do not conflict. */
  async resetKeep(rev: string): Promise<boolean> {
    return (await this.run(['reset', '--quiet', '--keep', rev])).code === 0;
  }

  async checkoutDetached(rev: string): Promise<void> {
    await this.out(['checkout', '--quiet', '--detach', rev]);
  }

  /**
   * Push `refspecs` to `remote`: `atomic` (all refs or none), `force`. Never throws on a refusal: the result says
   * whether the remote refused because a ref moved (`rejected`, the caller re-reads and decides) and carries the
   * remote's own message. `lease`: push only while the remote's `ref` is still at `expect` (absent: the ref must
   * not exist), a compare-and-swap in one round trip; a moved ref is `rejected` ("stale info").
   */
  async push(
    remote: string,
    refspecs: string[],
    o: { atomic?: boolean; force?: boolean; lease?: { ref: string; expect?: string } } = {},
  ): Promise<PushResult> {
    const flags = [...(o.atomic ? ['--atomic'] : []), ...(o.force ? ['--force'] : [])];
    if (o.lease) flags.push(`--force-with-lease=${o.lease.ref}:${o.lease.expect ?? ''}`);
    const r = await this.run(['push', ...flags, '--porcelain', remote, ...refspecs]);
    const message = (r.stdout + r.stderr).trim();
    const remoteLines = message
      .split('\n')
      .filter((l) => l.startsWith('remote:'))
      .map((l) => l.replace(/^remote:\s?/, '').trimEnd())
      .filter((l) => l.trim() !== '');
    const failed = r.code !== 0;
    return {
      ok: !failed,
      rejected: failed && PUSH_REJECTED.test(message),
      declined: failed && PUSH_DECLINED.test(message),
      message,
      remoteLines,
      code: r.code,
    };
  }

  /** The content of `path` at `rev`, or undefined when either does not exist. */
  async readBlob(rev: string, path: string): Promise<string | undefined> {
    const r = await this.run(['cat-file', 'blob', `${rev}:${path}`]);
    return r.code === 0 ? r.stdout : undefined;
  }

  /** Point `ref` at `value`, or delete it (value undefined; a ref that is not there is no error). */
  async setRef(ref: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.run(['update-ref', '-d', ref]);
    else await this.out(['update-ref', ref, value]);
  }

  /** Set a local committer identity (never the global config). */
  async setIdentity(name: string, email: string): Promise<void> {
    await this.out(['config', 'user.name', name]);
    await this.out(['config', 'user.email', email]);
  }
}

/** The commits listed in a `shallow` file; empty when there is none (a complete clone). */
async function readShallowFile(path: string): Promise<Set<string>> {
  try {
    const text = await readFile(path, 'utf8');
    return new Set(text.split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/** The identity automation commits as on GitHub. */
export const BOT_IDENTITY: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** Author and committer of a commit or tag, as environment (the repository's config is never changed). */
export function identityEnv(id: Identity = BOT_IDENTITY): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: id.name,
    GIT_AUTHOR_EMAIL: id.email,
    GIT_COMMITTER_NAME: id.name,
    GIT_COMMITTER_EMAIL: id.email,
  };
}
