/**
 * Running user hooks: `sh -c <command>` with an environment, a deadline, output captured (and logged), and the
 * whole process group killed at the deadline, so a hanging hook never outlives its stage.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../util/logger.js';
import { formatDuration } from '../util/duration.js';
import { StageError } from '../util/errors.js';

export interface HookResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

export interface HookOptions {
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
  log?: Logger;
  /** Name shown in messages. */
  name: string;
}

/** Kill a process group (negative pid), ignoring "no such process". */
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

/** Run a hook to completion (or its deadline: then its process group is killed). */
export async function runHook(command: string, o: HookOptions): Promise<HookResult> {
  const child = spawn('sh', ['-c', command], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const r = await capture(
    child,
    o.timeoutMs,
    () => child.pid && killGroup(child.pid, 'SIGKILL'),
    (e) => {
      throw e;
    },
  );
  if (r.output.trim()) o.log?.debug(`${o.name} output:\n${r.output.trimEnd()}`);
  return r;
}

/**
 * Collect a child's stdout and stderr (the last 64 KB) until it exits, killing it with `kill` at the deadline.
 * A spawn error becomes whatever `onError` returns (or throws).
 */
function capture(
  child: ChildProcess,
  timeoutMs: number,
  kill: () => void,
  onError: (e: Error, output: string, timedOut: boolean) => HookResult,
): Promise<HookResult> {
  return new Promise((resolve, reject) => {
    let output = '';
    const add = (d: Buffer) => {
      output += d.toString('utf8');
      if (output.length > 64_000) output = output.slice(-64_000);
    };
    child.stdout?.on('data', add);
    child.stderr?.on('data', add);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      try {
        resolve(onError(e, output, timedOut));
      } catch (err) {
        reject(err);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, timedOut });
    });
  });
}

/** Run a hook that must succeed; throws a StageError with its output tail otherwise. */
export async function runHookOk(command: string, o: HookOptions): Promise<HookResult> {
  const r = await runHook(command, o);
  if (r.timedOut) throw new StageError(`${o.name} did not finish within ${formatDuration(o.timeoutMs)} (killed)`);
  if (r.code !== 0) {
    throw new StageError(`${o.name} failed (exit ${r.code ?? r.signal}): ${tail(r.output)}`);
  }
  return r;
}

export function tail(text: string, lines = 5): string {
  const t = text.trim().split('\n').slice(-lines).join(' | ');
  return t === '' ? '(no output)' : t;
}

export interface Service {
  pid: number;
  /** Resolves when the process exits (code, signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  logFile: string;
  readLog(): string;
}

/**
 * Start a long-running hook in its own process group, output appended to `logFile`, not tied to this process
 * (it keeps running after the action ends, as a service must).
 */
export function startService(command: string, o: Omit<HookOptions, 'timeoutMs'> & { logFile: string }): Service {
  mkdirSync(dirname(o.logFile), { recursive: true });
  const fd = openSync(o.logFile, 'a');
  const child = spawn('sh', ['-c', command], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
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
  return {
    pid: child.pid ?? -1,
    exited,
    hasExited: () => done,
    logFile: o.logFile,
    readLog: () => {
      try {
        return readFileSync(o.logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };
}

/** Run a program (no shell) to completion with a deadline; never throws for a non-zero exit. */
export function runProgram(
  bin: string,
  args: string[],
  o: { timeoutMs: number; cwd?: string; env?: Record<string, string> },
): Promise<HookResult> {
  const child = spawn(bin, args, { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return capture(
    child,
    o.timeoutMs,
    () => child.kill('SIGKILL'),
    (e, output, timedOut) => ({ code: 127, signal: null, output: `${output}${e.message}`, timedOut }),
  );
}
