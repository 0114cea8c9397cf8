/**
 * Running user hooks: `sh -c <command>` with an environment, a deadline, output captured (and logged), and the
 * whole process group killed at the deadline, so a hanging hook never outlives its stage. The process handling
 * itself is util/exec's; this adds the hook's name, logging and the failure messages.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '../util/logger.js';
import { formatDuration } from '../util/duration.js';
import { StageError } from '../util/errors.js';
import { type Background, exec, type ExecResult, startBackground } from '../util/exec.js';

export { killGroup, processAlive } from '../util/exec.js';

/** A hook's result: util/exec's, `output` being stdout and stderr as they came (the last 64 KB). */
export type HookResult = ExecResult;

export interface HookOptions {
  /** Added to this process's environment. */
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
  log?: Logger;
  /** Name shown in messages. */
  name: string;
}

const KEEP = 64_000;

/** Run a hook to completion (or its deadline: then its process group is killed). */
export async function runHook(command: string, o: HookOptions): Promise<HookResult> {
  const r = await exec(command, [], {
    shell: true,
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    timeoutMs: o.timeoutMs,
    maxBuffer: KEEP,
  });
  if (r.error) throw r.error;
  if (r.output.trim()) o.log?.debug(`${o.name} output:\n${r.output.trimEnd()}`);
  return r;
}

/** Run a hook that must succeed; throws a StageError with its output tail otherwise. */
export async function runHookOk(command: string, o: HookOptions): Promise<HookResult> {
  const r = await runHook(command, o);
  if (r.timedOut) throw new StageError(`${o.name} did not finish within ${formatDuration(o.timeoutMs)} (killed)`);
  if (r.code !== 0) {
    throw new StageError(`${o.name} failed (exit ${r.signal ?? r.code}): ${tail(r.output)}`);
  }
  return r;
}

export function tail(text: string, lines = 5): string {
  const t = text.trim().split('\n').slice(-lines).join(' | ');
  return t === '' ? '(no output)' : t;
}

export interface Service extends Background {
  logFile: string;
  readLog(): string;
}

/**
 * Start a long-running hook in its own process group, output appended to `logFile`, not tied to this process
 * (it keeps running after the action ends, as a service must).
 */
export function startService(command: string, o: Omit<HookOptions, 'timeoutMs'> & { logFile: string }): Service {
  const bg = startBackground('sh', ['-c', command], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    logFile: o.logFile,
  });
  return {
    ...bg,
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
  return exec(bin, args, { cwd: o.cwd, env: { ...process.env, ...o.env }, timeoutMs: o.timeoutMs, maxBuffer: KEEP });
}
