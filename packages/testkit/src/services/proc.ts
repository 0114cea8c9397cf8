/**
 * Process plumbing shared by the service helpers: run a command without a shell, spawn a long-lived
 * server whose PID is tracked (and killed by a process 'exit' fallback if a test forgets `stop()`),
 * find a free loopback port, make and remove temp dirs, poll until a condition holds.
 *
 * Only children spawned here are ever signalled, by their own PID.
 */
import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@release-actions/shared';

export { freePort };

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, then stdin is closed. */
  input?: string;
  timeoutMs?: number;
  /** Resolve with the exit code instead of throwing when the command fails. */
  allowFailure?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when killed by a signal or timeout. */
  code: number | null;
}

/** Runs `cmd args…` with execFile (no shell). Throws, quoting stderr, on a non-zero exit unless allowFailure. */
export function run(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (error && !options.allowFailure) {
          const why = error.killed
            ? `killed (timeout ${options.timeoutMs ?? 120_000} ms)`
            : `exit ${String(error.code)}`;
          const err = new Error(`${cmd} ${args.join(' ')}: ${why}\n${stderr.trim() || stdout.trim()}`);
          reject(Object.assign(err, { stdout, stderr, code }));
          return;
        }
        resolve({ stdout, stderr, code });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

const tracked = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Fallback for scripts outside Jest (the demo). Inside Jest, `process` is a sandbox copy whose
  // 'exit' never fires, hence the watchdog below. 'exit' handlers are synchronous: signal and go.
  process.on('exit', () => {
    for (const child of tracked) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
  });
}

/** What a watchdog does once the test process (`ppid`) is gone. */
export interface WatchdogSpec {
  /** Signal this PID (a server we spawned), SIGKILL 3 s later if still there. */
  pid?: number;
  signal?: NodeJS.Signals;
  /** `docker rm -f` these containers. */
  containers?: string[];
  /** Remove this temp dir. */
  dir?: string;
}

// Runs in its own Node process: polls every 500 ms; exits quietly when the watched server is gone
// (it was stopped normally); cleans up when the test process is gone (a forgotten stop(), a Jest
// worker killed, Ctrl-C). Needs no shell.
const WATCHDOG = `
const [ppid, spec] = [Number(process.argv[1]), JSON.parse(process.argv[2])];
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const alive = (p) => { try { process.kill(p, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (spec.pid && !alive(spec.pid)) process.exit(0);
  if (alive(ppid)) return;
  clearInterval(timer);
  if (spec.pid) { try { process.kill(spec.pid, spec.signal || 'SIGTERM'); } catch {} }
  if (spec.containers && spec.containers.length) {
    try { execFileSync('docker', ['rm', '-f', ...spec.containers], { stdio: 'ignore', timeout: 20000 }); } catch {}
  }
  setTimeout(() => {
    if (spec.pid) { try { process.kill(spec.pid, 'SIGKILL'); } catch {} }
    if (spec.dir) { try { rmSync(spec.dir, { recursive: true, force: true }); } catch {} }
    process.exit(0);
  }, spec.pid ? 3000 : 0);
}, 500);
`;

/**
 * Starts a detached watchdog process that cleans up after this test process if it dies without
 * cleaning up itself. Returns a function that dismisses it (when the thing it guards was stopped).
 */
export function startWatchdog(spec: WatchdogSpec): () => void {
  const dog = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), JSON.stringify(spec)], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  dog.unref();
  return () => {
    if (dog.exitCode === null && dog.signalCode === null) dog.kill('SIGKILL');
  };
}

/** A long-lived child process with its output kept (bounded) for error messages. */
export interface TrackedProcess {
  child: ChildProcess;
  pid: number;
  /** The last ~64 KiB of stdout+stderr, for diagnostics. */
  output(): string;
  exited(): boolean;
  /** Resolves when the process has exited. */
  whenExited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface SpawnTrackedOptions extends SpawnOptions {
  /** Temp dir the watchdog removes if the test process dies without calling stop(). */
  cleanupDir?: string;
  /** Signal the watchdog sends to the server (default SIGTERM). */
  watchdogSignal?: NodeJS.Signals;
}

/**
 * Spawns a server process (no shell), watched: if this process dies without stopping it, a watchdog
 * process signals it and removes `cleanupDir` (plus an 'exit' hook outside Jest).
 */
export function spawnTracked(cmd: string, args: readonly string[], options: SpawnTrackedOptions = {}): TrackedProcess {
  installExitHook();
  const { cleanupDir, watchdogSignal, ...spawnOptions } = options;
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  if (child.pid === undefined) {
    // spawn errors (ENOENT) are reported asynchronously; make them synchronous and clear.
    throw new Error(`could not spawn ${cmd}: is it installed?`);
  }
  tracked.add(child);
  const dismiss = startWatchdog({ pid: child.pid, signal: watchdogSignal, dir: cleanupDir });
  // A server a test forgot to stop must not keep the Jest worker alive: unref it and its pipes, so
  // the worker exits on its own; the watchdog then signals the server.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  let buffer = '';
  const keep = (chunk: Buffer): void => {
    buffer = (buffer + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const whenExited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      tracked.delete(child);
      dismiss();
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      keep(Buffer.from(String(error)));
    });
  });
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const pid = child.pid;
  return {
    child,
    pid,
    output: () => buffer,
    exited,
    whenExited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
      if (exited()) return;
      child.kill(signal);
      const timer = setTimeout(() => {
        if (!exited()) child.kill('SIGKILL');
      }, graceMs);
      await whenExited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts a server on a free loopback port: `spawn` starts it on the port, `ready` waits until it serves. A port
 * another process took in between (the output, or `log()`, says `inUse`) is retried on a new one, three times at
 * most. On failure the process is killed and the error thrown, with `log()` appended.
 */
export async function startOnFreePort(o: {
  spawn: (port: number) => TrackedProcess | Promise<TrackedProcess>;
  ready: (port: number, proc: TrackedProcess) => Promise<unknown>;
  inUse: string;
  log?: () => Promise<string>;
}): Promise<{ port: number; proc: TrackedProcess; startupMs: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const start = performance.now();
    const proc = await o.spawn(port);
    try {
      await o.ready(port, proc);
      return { port, proc, startupMs: elapsed(start) };
    } catch (error) {
      await proc.stop('SIGKILL');
      const log = o.log ? await o.log() : '';
      if (attempt >= 3 || !`${proc.output()}${log}`.includes(o.inUse)) {
        throw log ? new Error(`${String(error)}\n${log}`) : error;
      }
    }
  }
}

/** Stops a server (if it started) and removes its temp dir: the end of every service here, failed or not. */
export async function stopAndRemove(proc: TrackedProcess | undefined, dir: string, signal?: NodeJS.Signals) {
  await proc?.stop(signal);
  await removeDir(dir);
}

/** A fresh temp dir named ra-<label>-XXXXXX under the OS temp dir. */
export function makeTempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ra-${label}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Stop early (and say so) when this process exits. */
  process?: TrackedProcess;
  what?: string;
}

/** Polls `check` until it returns a value other than undefined/false; throws with context on timeout. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, options: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    const what = options.what ?? 'condition';
    if (options.process?.exited()) {
      throw new Error(
        `${what}: process exited (code ${String(options.process.child.exitCode)})\n${options.process.output()}`,
      );
    }
    if (Date.now() > deadline) {
      const last = lastError === undefined ? '' : ` (last error: ${String(lastError)})`;
      throw new Error(
        `${what}: not ready after ${options.timeoutMs ?? 30_000} ms${last}\n${options.process?.output() ?? ''}`,
      );
    }
    await sleep(options.intervalMs ?? 25);
  }
}

/** GET url with a fresh connection; resolves the status (or throws on connection error). */
export async function httpStatus(url: string, init: RequestInit = {}): Promise<number> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.status;
}

/** Milliseconds since `start` (performance.now()), rounded. */
export const elapsed = (start: number): number => Math.round(performance.now() - start);
