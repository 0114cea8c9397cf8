/**
 * One deploy or rollback per environment and state_dir at a time. Two at once would both read state.json, start
 * instances nobody tracks and route to whichever finished last; so each holds `<state_dir>/<environment>.lock`
 * (its run id, pid, host, since when) for its whole run. The file is created atomically (a hard link of a fully
 * written file: it exists complete or not at all); a second run waits up to `lock_timeout`, saying who holds it,
 * then fails naming the holder. A lock left by a process that no longer runs on this host (killed, runner lost) is
 * taken over with a warning. Across machines nothing here helps: the reusable workflow's `concurrency:` group is
 * what serializes those.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { formatDuration } from '../util/duration.js';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { sleep } from './deadline.js';

/** What the lock file holds. */
export interface LockHolder {
  run_id: string;
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  since: string;
  /** What holds it, e.g. "deploy of 1.2.0". */
  what: string;
  /** Tells this holding apart from any other (the same process may take the lock again later). */
  token: string;
  /** The holder process's start time (Linux), so that a pid reused by another process is not taken for it. */
  proc_start?: string;
}

/** The machine the lock is taken on; tests give fakes. */
export interface LockDeps {
  host: string;
  pid: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The start time of process `pid` (Linux /proc), undefined where unknown. */
  procStart(pid: number): string | undefined;
  /** Whether process `pid` runs on this host. */
  alive(pid: number): boolean;
}

function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may hold spaces and parentheses, so count after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export const hostLockDeps: LockDeps = {
  host: hostname(),
  pid: process.pid,
  now: Date.now,
  sleep: (ms) => sleep(ms),
  procStart,
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
    }
  },
};

/** How often a waiting run looks at the lock again. */
export const LOCK_POLL_MS = 200;
/** How often a waiting run says so in the log. */
export const LOCK_PROGRESS_MS = 5_000;
/** A takeover guard older than this was left by a process killed in the middle of a takeover (a few ms). */
const GUARD_STALE_MS = 30_000;

export const describeHolder = (h: LockHolder): string =>
  `run ${h.run_id || '(unknown)'} (${h.what}), pid ${h.pid} on host ${h.host}, since ${h.since}`;

export class LockTimeoutError extends StageError {
  constructor(
    readonly file: string,
    readonly holder: LockHolder | undefined,
    readonly environment: string,
    waitedMs: number,
    timeoutMs: number,
  ) {
    super(
      `${environment} is locked by another deploy or rollback: ${holder ? describeHolder(holder) : 'a holder whose lock file cannot be read'}; waited ${formatDuration(waitedMs)} (lock_timeout ${formatDuration(timeoutMs)}). ` +
        `Deploys and rollbacks of one environment and state_dir run one at a time; if that run is gone, remove ${file}.`,
    );
    this.name = 'LockTimeoutError';
  }
}

export interface LockRequest {
  /** The state_dir. */
  dir: string;
  environment: string;
  runId: string;
  /** What takes the lock, e.g. "deploy of 1.2.0" (shown to whoever waits). */
  what: string;
  timeoutMs: number;
  log: Logger;
}

/** A lock held by this run. `release()` removes it only while it is still this run's; calling it again is harmless. */
export class EnvironmentLock {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
    /** When this run asked for the lock (ms since the epoch) and how long it waited. */
    readonly requestedAt: number,
    readonly waitedMs: number,
    /** The run it waited for first, when it waited. */
    readonly waitedFor?: LockHolder,
  ) {}
  release(): void {
    if (readHolder(this.file)?.token === this.holder.token) removeFile(this.file);
  }
}

/** The lock file of an environment in a state_dir. */
export const lockFile = (dir: string, environment: string): string => join(dir, `${environment}.lock`);

/** Take the lock, waiting up to `timeoutMs` for the run holding it; a LockTimeoutError names the holder. */
export async function acquireLock(o: LockRequest, deps: LockDeps = hostLockDeps): Promise<EnvironmentLock> {
  mkdirSync(o.dir, { recursive: true });
  const file = lockFile(o.dir, o.environment);
  const t0 = deps.now();
  const procStartTime = deps.procStart(deps.pid);
  const me: LockHolder = {
    run_id: o.runId,
    pid: deps.pid,
    host: deps.host,
    since: '',
    what: o.what,
    token: randomUUID(),
    ...(procStartTime ? { proc_start: procStartTime } : {}),
  };
  let waitedFor: LockHolder | undefined;
  let lastSaid = -Infinity;
  for (;;) {
    me.since = new Date(deps.now()).toISOString();
    if (create(file, me)) {
      const waited = deps.now() - t0;
      if (waitedFor) o.log.info(`lock of ${o.environment} taken after waiting ${formatDuration(waited)}`);
      return new EnvironmentLock(file, { ...me }, t0, waited, waitedFor);
    }
    const holder = readHolder(file);
    if (holder === null) continue; // released between our attempt and the read: try again at once
    if (holder && isStale(holder, deps)) {
      takeOver(file, holder, me, o, deps);
      continue;
    }
    waitedFor ??= holder;
    const waited = deps.now() - t0;
    if (waited >= o.timeoutMs) throw new LockTimeoutError(file, holder, o.environment, waited, o.timeoutMs);
    if (deps.now() - lastSaid >= LOCK_PROGRESS_MS) {
      lastSaid = deps.now();
      o.log.info(
        `waiting for the lock of ${o.environment} (${file}): held by ${holder ? describeHolder(holder) : 'a run whose lock file cannot be read'}; waited ${formatDuration(waited)} of ${formatDuration(o.timeoutMs)}`,
      );
    }
    await deps.sleep(Math.min(LOCK_POLL_MS, o.timeoutMs - waited));
  }
}

/** Whether the holder is a process of this host that no longer runs (or whose pid now belongs to another one). */
function isStale(h: LockHolder, deps: LockDeps): boolean {
  if (h.host !== deps.host) return false; // another machine's processes cannot be seen from here
  if (!deps.alive(h.pid)) return true;
  const now = h.proc_start ? deps.procStart(h.pid) : undefined;
  return now !== undefined && now !== h.proc_start;
}

/**
 * Remove a stale lock. Takeovers go through a guard file so that two waiters that both saw the same dead holder
 * cannot remove each other's fresh lock: under the guard the lock is read again and removed only if it is still
 * the dead holder's.
 */
function takeOver(file: string, stale: LockHolder, me: LockHolder, o: LockRequest, deps: LockDeps): void {
  const guard = `${file}.takeover`;
  if (!create(guard, me)) {
    const g = readHolder(guard);
    let age = 0;
    try {
      age = deps.now() - statSync(guard).mtimeMs;
    } catch {
      return; // gone already
    }
    if ((g && isStale(g, deps)) || age > GUARD_STALE_MS) removeFile(guard);
    return;
  }
  try {
    if (readHolder(file)?.token !== stale.token) return; // someone else took it over first
    removeFile(file);
    o.log.warning(
      `took over the lock of ${o.environment} (${file}): its holder, ${describeHolder(stale)}, no longer runs on this host`,
    );
  } finally {
    if (readHolder(guard)?.token === me.token) removeFile(guard);
  }
}

/** Create `file` holding `h` if it does not exist, atomically; false when it exists. */
function create(file: string, h: LockHolder): boolean {
  const tmp = `${file}.${h.token}.tmp`;
  writeFileSync(tmp, JSON.stringify(h, null, 2) + '\n', { mode: 0o644 });
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: exclusive create (a reader may briefly see it empty: "cannot be read").
    try {
      writeFileSync(file, JSON.stringify(h, null, 2) + '\n', { flag: 'wx', mode: 0o644 });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    removeFile(tmp);
  }
}

/** The holder in `file`: null when there is no file, undefined when it cannot be read as a holder. */
function readHolder(file: string): LockHolder | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return typeof h.token === 'string' && typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
