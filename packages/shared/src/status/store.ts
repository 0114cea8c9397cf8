/**
 * Where release-status.yaml lives. `GitBranchStatusStore` keeps it on a dedicated branch of the repository's
 * remote and updates it compare-and-swap: read the branch tip, apply the change, write a commit whose parent is
 * that tip (git plumbing: the working tree and index are never touched), push with a lease on that tip; a
 * rejection means another writer won, so fetch and apply the change again. No concurrent update is ever lost.
 * The tip this store last wrote is remembered, so the next update (a release writes one per step) starts from it
 * without a fetch: the lease still catches any writer in between.
 * `FileStatusStore` keeps it in a local file (the demo, dry runs) with the same interface.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BOT_IDENTITY, type Git, GitError, identityEnv } from '../git/git.js';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { silentLogger } from '../util/logger.js';
import type { StatusDocument } from './model.js';
import { escapeLogText } from '../util/escape.js';
import { StatusRecordError } from './validate.js';
import { parseStatus, STATUS_FILE, stringifyStatus } from './yaml.js';

export type StatusMutator = (doc: StatusDocument) => void | Promise<void>;

export interface StatusStore {
  /** The current record (empty when there is none yet). */
  read(): Promise<StatusDocument>;
  /** Apply `mutate` to the latest record and save it; retried against newer versions until it lands. */
  update(mutate: StatusMutator, message: string): Promise<StatusDocument>;
  /** Where the record lives, for summaries. */
  describe(): string;
}

export interface GitBranchStatusStoreOptions {
  git: Git;
  remote?: string;
  branch?: string;
  path?: string;
  log?: Logger;
  /** Attempts before giving up on a busy branch (default 10). */
  maxAttempts?: number;
}

/** One operation at a time per repository in this process: git's ref locks do not queue. */
const repoLocks = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = repoLocks.get(key) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  repoLocks.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

export class GitBranchStatusStore implements StatusStore {
  private readonly remote: string;
  private readonly branch: string;
  private readonly path: string;
  private readonly log: Logger;
  private readonly maxAttempts: number;
  /** Number of compare-and-swap retries the last update needed (for summaries and tests). */
  lastRetries = 0;
  /** The branch as this store last wrote it: tip, the record's text, the branch's other files (ls-tree lines). */
  private written?: { tip: string; text: string; others: string[] };

  constructor(private readonly o: GitBranchStatusStoreOptions) {
    this.remote = o.remote ?? 'origin';
    this.branch = o.branch ?? 'release-status';
    this.path = o.path ?? STATUS_FILE;
    this.log = o.log ?? silentLogger;
    this.maxAttempts = o.maxAttempts ?? 10;
  }

  describe(): string {
    return `${this.path} on branch ${this.branch}`;
  }

  private get trackingRef(): string {
    return `refs/release-actions/status/${this.branch}`;
  }

  /** Fetch the branch tip into a private ref; undefined when the branch does not exist yet. */
  private async fetchTip(): Promise<string | undefined> {
    const { git } = this.o;
    if (!(await git.fetch(this.remote, [`+refs/heads/${this.branch}:${this.trackingRef}`]))) {
      await git.setRef(this.trackingRef, undefined);
      return undefined;
    }
    return git.out(['rev-parse', this.trackingRef]);
  }

  private async readAt(tip: string | undefined): Promise<StatusDocument> {
    return this.parse(tip ? await this.o.git.readBlob(tip, this.path) : undefined);
  }

  private parse(text: string | undefined): StatusDocument {
    if (text === undefined) return parseStatus('');
    try {
      return parseStatus(text, { source: this.describe() });
    } catch (e) {
      if (e instanceof StatusRecordError) throw e;
      const why = escapeLogText((e as Error).message.split('\n')[0], { max: 200 });
      throw new StageError(`${this.describe()} cannot be read: ${why}. Fix or remove it; nothing was overwritten.`);
    }
  }

  /** The branch as the remote has it now: tip (undefined: no branch yet), the record's text, the other files. */
  private async fetchBranch(): Promise<{ tip?: string; text?: string; others: string[] }> {
    const { git } = this.o;
    const tip = await this.fetchTip();
    if (!tip) return { others: [] };
    // Keep the other files of the branch (e.g. a published dashboard), replace ours.
    const others = (await git.out(['ls-tree', tip])).split('\n').filter((l) => l && !l.endsWith(`\t${this.path}`));
    return { tip, text: await git.readBlob(tip, this.path), others };
  }

  async read(): Promise<StatusDocument> {
    return serialized(this.o.git.cwd, async () => {
      const tip = await this.fetchTip();
      // Another writer was here: the next update starts from the remote, not from what this store wrote.
      if (this.written?.tip !== tip) this.written = undefined;
      return this.readAt(tip);
    });
  }

  async update(mutate: StatusMutator, message: string): Promise<StatusDocument> {
    const { git } = this.o;
    const env = identityEnv(BOT_IDENTITY);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const done = await serialized(git.cwd, () => this.tryUpdate(mutate, message, env));
      if (done) {
        this.lastRetries = attempt - 1;
        return done;
      }
      this.log.info(`${this.describe()} moved under us (attempt ${attempt}); reading it again`);
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt * Math.random() + 20)));
    }
    throw new StageError(`${this.describe()} kept moving: gave up after ${this.maxAttempts} attempts`);
  }

  /** One compare-and-swap: the saved document, or undefined when another writer got there first. */
  private async tryUpdate(
    mutate: StatusMutator,
    message: string,
    env: Record<string, string>,
  ): Promise<StatusDocument | undefined> {
    const { git } = this.o;
    const base = this.written ?? (await this.fetchBranch());
    this.written = undefined;
    const doc = this.parse(base.text);
    await mutate(doc);
    const text = stringifyStatus(doc);
    const blob = await git.out(['hash-object', '-w', '--stdin'], { input: text });
    const tree = await git.out(['mktree'], {
      input: [...base.others, `100644 blob ${blob}\t${this.path}`].join('\n') + '\n',
    });
    const commit = await git.out(['commit-tree', tree, ...(base.tip ? ['-p', base.tip] : []), '-m', message], { env });
    const ref = `refs/heads/${this.branch}`;
    const push = await git.push(this.remote, [`${commit}:${ref}`], { lease: { ref, expect: base.tip } });
    if (push.ok) {
      await git.setRef(this.trackingRef, commit);
      this.written = { tip: commit, text, others: base.others };
      return doc;
    }
    if (!push.rejected) throw new GitError(['push', this.remote, this.branch], push.code, push.message);
    return undefined;
  }
}

/** release-status.yaml in a local file (atomic rename; single writer). */
export class FileStatusStore implements StatusStore {
  constructor(private readonly file: string) {}
  describe(): string {
    return this.file;
  }
  async read(): Promise<StatusDocument> {
    return parseStatus(existsSync(this.file) ? readFileSync(this.file, 'utf8') : '', { source: this.file });
  }
  async update(mutate: StatusMutator, _message?: string): Promise<StatusDocument> {
    const doc = await this.read();
    await mutate(doc);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, stringifyStatus(doc));
    renameSync(tmp, this.file);
    return doc;
  }
}
