/**
 * The `command` workload: user hooks run versions on any platform. `start_command` is given RELEASE_VERSION,
 * SLOT, PORT, INSTANCE and DEPLOY_ENVIRONMENT; it may keep running (it is the service: its process group is
 * recorded and stopped later) or exit 0 after starting the service elsewhere. The instance is started when
 * `health_url` answers 2xx; if the hook fails or health never comes within the deadline, the process group is
 * killed, `stop_command` runs, and the error says what happened.
 */
import { join } from 'node:path';
import { StageError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';
import { sleep } from './deadline.js';
import { killGroup, processAlive, runHook, startService, tail } from './exec.js';
import { httpGet } from './http.js';
import type { Instance, StartRequest, Workload } from './types.js';

export interface CommandWorkloadOptions {
  startCommand: string;
  stopCommand?: string;
  /** Health URL template: {port}, {slot}, {index}, {version}. Default http://127.0.0.1:{port}/ */
  healthUrl?: string;
  /** Instance base URL template (smoke tests go there). Default: the origin of healthUrl. */
  instanceUrl?: string;
  cwd: string;
  /** Where service logs go (one file per slot/instance). */
  logDir: string;
  log: Logger;
  /** Time between health polls (default 200 ms). */
  pollMs?: number;
  /** Extra environment for every hook. */
  env?: Record<string, string>;
}

export function fillTemplate(t: string, v: { port: number; slot: string; index: number; version: string }): string {
  return t
    .replace(/\{port\}/g, String(v.port))
    .replace(/\{slot\}/g, v.slot)
    .replace(/\{index\}/g, String(v.index))
    .replace(/\{version\}/g, v.version);
}

export function hookEnv(
  v: { port: number; slot: string; index: number; version: string; environment: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...extra,
    RELEASE_VERSION: v.version,
    SLOT: v.slot,
    PORT: String(v.port),
    INSTANCE: String(v.index),
    DEPLOY_ENVIRONMENT: v.environment,
  };
}

/** Poll a health URL until 2xx, `stop()` says to give up, or the time is over. Returns the last problem. */
export async function waitHealthy(
  url: string,
  o: { timeoutMs: number; pollMs?: number; stop?: () => string | undefined | Promise<string | undefined> },
): Promise<{ ok: true } | { ok: false; why: string }> {
  const end = Date.now() + o.timeoutMs;
  let why = 'no answer yet';
  for (;;) {
    const stop = await o.stop?.();
    if (stop) return { ok: false, why: stop };
    try {
      const r = await httpGet(url, { timeoutMs: Math.max(200, Math.min(2000, end - Date.now())), keepAlive: false });
      if (r.status >= 200 && r.status < 300) return { ok: true };
      why = `HTTP ${r.status}`;
    } catch (e) {
      why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
    if (Date.now() >= end) return { ok: false, why };
    await sleep(Math.min(o.pollMs ?? 200, Math.max(0, end - Date.now())));
  }
}

export class CommandWorkload implements Workload {
  readonly kind = 'command';
  constructor(private readonly o: CommandWorkloadOptions) {}

  private urls(v: { port: number; slot: string; index: number; version: string }) {
    const health = fillTemplate(this.o.healthUrl ?? 'http://127.0.0.1:{port}/', v);
    const base = this.o.instanceUrl ? fillTemplate(this.o.instanceUrl, v) : `${new URL(health).origin}/`;
    return { health, base };
  }

  async start(req: StartRequest): Promise<Instance> {
    const { log } = this.o;
    const v = { ...req };
    const env = hookEnv(v, this.o.env);
    const { health, base } = this.urls(v);
    const logFile = join(this.o.logDir, `${req.slot}-${req.index}.log`);
    log.info(`start_command: ${req.slot}#${req.index} version ${req.version} on port ${req.port} (log: ${logFile})`);
    const svc = startService(this.o.startCommand, { env, cwd: this.o.cwd, logFile, log, name: 'start_command' });
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    void svc.exited.then((e) => (exit = e));
    const health_ = await waitHealthy(health, {
      timeoutMs: req.timeoutMs,
      pollMs: this.o.pollMs,
      stop: () =>
        exit && exit.code !== 0
          ? `start_command exited with ${exit.code ?? exit.signal} before ${health} was healthy: ${tail(svc.readLog())}`
          : undefined,
    });
    const inst: Instance = {
      slot: req.slot,
      index: req.index,
      port: req.port,
      version: req.version,
      url: base,
      ...(svc.hasExited() ? {} : { pid: svc.pid }),
      started_at: new Date().toISOString(),
    };
    if (!health_.ok) {
      const why =
        exit && exit.code !== 0
          ? health_.why
          : `${health} not healthy within ${formatDuration(req.timeoutMs)} (last: ${health_.why})`;
      log.warning(`${req.slot}#${req.index}: ${why}; stopping it`);
      await this.stop({ ...inst, pid: svc.hasExited() ? undefined : svc.pid });
      throw new StageError(`the new version ${req.version} did not start in slot ${req.slot}: ${why}`);
    }
    log.info(`${req.slot}#${req.index} healthy at ${health}`);
    return inst;
  }

  async stop(inst: Instance): Promise<void> {
    const { log } = this.o;
    if (this.o.stopCommand) {
      const r = await runHook(this.o.stopCommand, {
        env: hookEnv({ ...inst, environment: '' }, this.o.env),
        cwd: this.o.cwd,
        timeoutMs: 30_000,
        log,
        name: 'stop_command',
      });
      if (r.code !== 0)
        log.warning(`stop_command for ${inst.slot}#${inst.index} failed (${r.code}): ${tail(r.output)}`);
    }
    if (inst.pid && processAlive(inst.pid)) {
      killGroup(inst.pid, 'SIGTERM');
      const end = Date.now() + 5000;
      while (processAlive(inst.pid) && Date.now() < end) await sleep(50);
      if (processAlive(inst.pid)) killGroup(inst.pid, 'SIGKILL');
    }
    log.info(`stopped ${inst.slot}#${inst.index} (version ${inst.version})`);
  }

  /**
   * Alive when its health check answers. The recorded process is not asked: a start_command that hands the
   * version to a platform exits 0 once done, possibly after its health check first passed (then its pid was
   * recorded), and a service that died no longer answers on its own port.
   */
  async alive(inst: Instance): Promise<boolean> {
    const r = await waitHealthy(this.urls(inst).health, { timeoutMs: 1000 });
    return r.ok;
  }
}
