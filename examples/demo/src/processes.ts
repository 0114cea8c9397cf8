/**
 * Everything the demo starts, and how it is stopped: services the demo runs itself (each with a stop function,
 * stopped in reverse order), and the service instances the deploy and rollback actions start through
 * `start_command` (they outlive the action that started them, as a deployed service does): the demo's launcher
 * writes each one's PID to a file in `pidDir`, and the sweep signals exactly those PIDs — never a process found
 * by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Stoppable {
  name: string;
  pid?: number;
  port?: number;
  stop(): Promise<void>;
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the PID is gone (or after the SIGKILL). */
export async function stopPid(pid: number, graceMs = 3_000): Promise<void> {
  if (!alive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(25);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
    await sleep(50);
  }
}

/** A child process the demo runs itself (the staging instance), stopped with stopPid. */
export function spawnService(
  name: string,
  cmd: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; logFile?: (chunk: string) => void },
): { child: ChildProcess; service: Stoppable } {
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${cmd})`);
  child.stdout?.setEncoding('utf8').on('data', (d: string) => o.logFile?.(d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => o.logFile?.(d));
  const pid = child.pid;
  return {
    child,
    service: {
      name,
      pid,
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        await stopPid(pid);
        await Promise.race([exited, sleep(500)]);
      },
    },
  };
}

export class Processes {
  private readonly services: Stoppable[] = [];
  private stopping: Promise<string[]> | undefined;

  constructor(readonly pidDir: string) {}

  add(s: Stoppable): void {
    this.services.push(s);
  }

  remove(s: Stoppable): void {
    const i = this.services.indexOf(s);
    if (i >= 0) this.services.splice(i, 1);
  }

  list(): readonly Stoppable[] {
    return this.services;
  }

  /** PIDs of the service instances started by the actions (from the launcher's PID files). */
  launched(): { pid: number; file: string }[] {
    if (!existsSync(this.pidDir)) return [];
    return readdirSync(this.pidDir)
      .filter((f) => f.endsWith('.pid'))
      .map((f) => ({ file: join(this.pidDir, f), pid: Number(readFileSync(join(this.pidDir, f), 'utf8').trim()) }))
      .filter((p) => Number.isInteger(p.pid) && p.pid > 1);
  }

  /** Stops everything (once; later calls get the same promise). Resolves what was stopped. */
  stopAll(): Promise<string[]> {
    this.stopping ??= (async () => {
      const stopped: string[] = [];
      // The stop flag before the listing: a launcher that starts after it sees the flag and exits (launch.mjs).
      mkdirSync(this.pidDir, { recursive: true });
      writeFileSync(join(this.pidDir, 'STOP'), `${process.pid}\n`);
      for (const { pid, file } of this.launched()) {
        const was = alive(pid);
        await stopPid(pid);
        rmSync(file, { force: true });
        if (was) stopped.push(`service instance (pid ${pid})`);
      }
      for (const s of [...this.services].reverse()) {
        try {
          await s.stop();
          stopped.push(s.pid ? `${s.name} (pid ${s.pid})` : s.name);
        } catch (e) {
          stopped.push(`${s.name}: stop failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      this.services.length = 0;
      return stopped;
    })();
    return this.stopping;
  }
}
