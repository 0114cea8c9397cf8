/**
 * The one process runner: every program the actions start (hooks, git-free tools such as docker, npm, k6, nginx)
 * goes through `exec` (to completion) or `startBackground` (a service that outlives the call). Each child gets its
 * own process group, so a deadline kills the whole tree (a `sh -c` hook's grandchildren included), not just the
 * shell. Capabilities wrap these with their own naming and logging (deploy's hooks, gates' ExecFn, publish's Exec).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ExecResult {
  /** The exit code; 128 when a signal ended the program, 127 when it could not be started. */
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived (what a person would have seen). */
  output: string;
  /** The deadline passed and the process group was killed. */
  timedOut: boolean;
  /** `signal` was aborted and the process group was stopped. */
  aborted?: boolean;
  /** Why the program could not be started (then code is 127). */
  error?: Error;
}

export interface ExecOptions {
  cwd?: string;
  /** The whole environment of the program (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Written to the program's stdin (otherwise stdin is empty). */
  input?: string;
  /** Kill the process group after this many ms (default: no deadline). */
  timeoutMs?: number;
  /**
   * On the deadline or `signal`, send SIGTERM first and SIGKILL only this many ms later (default 0: SIGKILL at
   * once). A workflow step gets the runner's grace to clean up; a hook past its deadline does not.
   */
  killGraceMs?: number;
  /** Aborting stops the program's group as a deadline does (`timedOut` stays false, `aborted` is true). */
  signal?: AbortSignal;
  /** Run `cmd` through `sh -c` (args become $0, $1…); default: no shell. */
  shell?: boolean;
  /** Keep only the last this-many characters of each of stdout, stderr and output (default: all). */
  maxBuffer?: number;
  /** Each chunk of output as it arrives, for live logs. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Each complete line of output (stdout and stderr, split per stream). */
  onLine?: (line: string) => void;
  /**
   * Signals this process passes on to the program's group while it runs (its own group does not get a terminal's
   * Ctrl-C): a CLI forwards SIGINT and SIGTERM so that stopping it stops what it runs.
   */
  forwardSignals?: NodeJS.Signals[];
}

export type Exec = (cmd: string, args: string[], o?: ExecOptions) => Promise<ExecResult>;

/** Run a program to completion (or its deadline); never throws: a failure to start is code 127 with `error`. */
export const exec: Exec = (cmd, args, o = {}) =>
  new Promise((resolve) => {
    // Aborted before it starts: nothing runs (a spawned child could finish before the kill reaches its group).
    if (o.signal?.aborted) {
      const said = 'not started: aborted\n';
      return resolve({
        code: 128,
        signal: null,
        stdout: '',
        stderr: said,
        output: said,
        timedOut: false,
        aborted: true,
      });
    }
    const [bin, argv] = o.shell ? ['sh', ['-c', cmd, ...(args.length ? ['sh', ...args] : [])]] : [cmd, args];
    const child = spawn(bin, argv, {
      cwd: o.cwd,
      env: o.env ?? process.env,
      stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = o.maxBuffer ?? Infinity;
    const cap = (s: string) => (s.length <= keep ? s : keep > 0 ? s.slice(-keep) : '');
    let stdout = '';
    let stderr = '';
    let output = '';
    const partial = { out: '', err: '' };
    const feed = (which: 'out' | 'err') => (d: string) => {
      if (which === 'out') stdout = cap(stdout + d);
      else stderr = cap(stderr + d);
      output = cap(output + d);
      o.onOutput?.(d, which === 'out' ? 'stdout' : 'stderr');
      if (!o.onLine) return;
      const lines = (partial[which] + d).split(/\r?\n/);
      partial[which] = lines.pop() ?? '';
      for (const l of lines) o.onLine(l);
    };
    // A last line without a newline is still a line.
    const flush = () => {
      for (const which of ['out', 'err'] as const) if (partial[which]) o.onLine?.(partial[which]);
      partial.out = partial.err = '';
    };
    child.stdout?.setEncoding('utf8').on('data', feed('out'));
    child.stderr?.setEncoding('utf8').on('data', feed('err'));
    let timedOut = false;
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (!child.pid || killTimer) return;
      const grace = o.killGraceMs ?? 0;
      if (grace <= 0) return killGroup(child.pid, 'SIGKILL');
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), grace);
      killTimer.unref();
    };
    const timer =
      o.timeoutMs === undefined || !Number.isFinite(o.timeoutMs) || o.timeoutMs >= 2 ** 31
        ? undefined
        : setTimeout(
            () => {
              timedOut = true;
              stop();
            },
            Math.max(0, o.timeoutMs),
          );
    const onAbort = () => {
      aborted = true;
      stop();
    };
    if (o.signal?.aborted) onAbort();
    else o.signal?.addEventListener('abort', onAbort, { once: true });
    const forwards = (o.forwardSignals ?? []).map((sig) => {
      const forward = () => child.pid && killGroup(child.pid, sig);
      process.on(sig, forward);
      return () => process.off(sig, forward);
    });
    const done = () => {
      clearTimeout(timer);
      clearTimeout(killTimer); // the group is gone: its id may be reused
      o.signal?.removeEventListener('abort', onAbort);
      for (const off of forwards) off();
    };
    child.on('error', (error) => {
      done();
      // Said where a shell would say it: on stderr.
      const said = `${error.message}\n`;
      resolve({
        code: 127,
        signal: null,
        stdout,
        stderr: stderr + said,
        output: output + said,
        timedOut,
        aborted,
        error,
      });
    });
    child.on('close', (code, signal) => {
      done();
      flush();
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr, output, timedOut, aborted });
    });
    if (child.stdin) {
      child.stdin.on('error', () => {});
      child.stdin.end(o.input);
    }
  });

export interface Background {
  pid: number;
  /** Resolves when the process exits (code 127 when it could not be started). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
}

/**
 * Start a long-running program in its own process group, output appended to `logFile`, not tied to this process
 * (it keeps running after the caller ends, as a service must). Stop it with `killGroup(pid)`.
 */
export function startBackground(
  cmd: string,
  args: string[],
  o: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string },
): Background {
  mkdirSync(dirname(o.logFile), { recursive: true });
  const fd = openSync(o.logFile, 'a');
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.on('error', () => {
      done = true;
      resolve({ code: 127, signal: null });
    });
  });
  child.unref();
  return { pid: child.pid ?? -1, exited, hasExited: () => done };
}

/** Kill a process group (by its leader's pid), falling back to the process alone; ignores "no such process". */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
