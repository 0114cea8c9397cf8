/**
 * The service under test, started before the load (`start_command`) and stopped after: a process group run by
 * bash, ready when `ready_url` answers 2xx; stopped with SIGTERM, then SIGKILL after a grace period.
 */
import { readFileSync } from 'node:fs';
import { formatDuration } from '../util/duration.js';
import { StageError } from '../util/errors.js';
import { killGroup, startBackground } from '../util/exec.js';
import type { Logger } from '../util/logger.js';
import { tail } from './exec.js';

export interface Service {
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export async function startService(o: {
  command: string;
  readyUrl: string;
  readyTimeoutMs: number;
  cwd: string;
  logFile: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}): Promise<Service> {
  const child = startBackground('bash', ['-c', o.command], { cwd: o.cwd, env: o.env, logFile: o.logFile });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitedP = child.exited.then((e) => {
    exited = e;
  });
  const pid = child.pid > 0 ? child.pid : 0;
  const stop = async (): Promise<void> => {
    if (exited || !pid) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const killer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5000);
    await exitedP;
    clearTimeout(killer);
    o.log.info(`service: stopped (pid ${pid})`);
  };
  o.log.info(`service: started \`${o.command}\` (pid ${pid}); waiting for ${o.readyUrl}`);
  const started = Date.now();
  let last = '';
  while (Date.now() - started < o.readyTimeoutMs) {
    if (exited) {
      throw new StageError(
        `service: \`${o.command}\` exited (code ${exited.code ?? exited.signal}) before ${o.readyUrl} was ready:\n` +
          tail(readFileSync(o.logFile, 'utf8')),
      );
    }
    try {
      const r = await fetch(o.readyUrl, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.ok) {
        o.log.info(`service: ready after ${formatDuration(Date.now() - started)}`);
        return { pid, logFile: o.logFile, stop };
      }
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new StageError(
    `service: ${o.readyUrl} was not ready within ${formatDuration(o.readyTimeoutMs)} (last: ${last}):\n` +
      tail(readFileSync(o.logFile, 'utf8')),
  );
}
