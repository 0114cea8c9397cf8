/**
 * The `docker` workload: one container per slot instance, on the host network (the app listens on PORT, given
 * with RELEASE_VERSION and SLOT), health-checked from here. A container that exits before it is healthy fails
 * the start at once (with its last log lines) and is removed; the previous slot's container is left running for
 * an instant rollback until keep_previous is over.
 */
import { StageError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';
import { runProgram, tail } from './exec.js';
import { fillTemplate, waitHealthy } from './workload-command.js';
import type { Instance, StartRequest, Workload } from './types.js';

export interface DockerWorkloadOptions {
  /** Image reference; `{version}` is replaced by the version, else `:<version>` is appended. */
  image: string;
  healthUrl?: string;
  runArgs?: string[];
  /** Container name prefix (default ra). */
  prefix?: string;
  bin?: string;
  log: Logger;
}

export function imageFor(image: string, version: string): string {
  return image.includes('{version}') ? image.replace(/\{version\}/g, version) : `${image}:${version}`;
}

export class DockerWorkload implements Workload {
  readonly kind = 'docker';
  constructor(private readonly o: DockerWorkloadOptions) {}

  private docker(args: string[], timeoutMs = 60_000) {
    return runProgram(this.o.bin ?? 'docker', args, { timeoutMs });
  }

  private health(v: { port: number; slot: string; index: number; version: string }): string {
    return fillTemplate(this.o.healthUrl ?? 'http://127.0.0.1:{port}/', v);
  }

  async start(req: StartRequest): Promise<Instance> {
    const { log } = this.o;
    const name = `${this.o.prefix ?? 'ra'}-${req.environment}-${req.slot}-${req.index}`;
    const image = imageFor(this.o.image, req.version);
    await this.docker(['rm', '-f', name]);
    const args = [
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'host',
      '--label',
      'release-actions.slot=' + req.slot,
      '--label',
      'release-actions.version=' + req.version,
      '-e',
      `PORT=${req.port}`,
      '-e',
      `RELEASE_VERSION=${req.version}`,
      '-e',
      `SLOT=${req.slot}`,
      ...(this.o.runArgs ?? []),
      image,
    ];
    log.info(`docker run ${name} (${image}) on port ${req.port}`);
    const run = await this.docker(args, req.timeoutMs + 60_000);
    if (run.code !== 0) {
      await this.docker(['rm', '-f', name]);
      throw new StageError(`docker run ${image} failed (exit ${run.code}): ${tail(run.output)}`);
    }
    const health = this.health(req);
    let exited: string | undefined;
    const h = await waitHealthy(health, {
      timeoutMs: req.timeoutMs,
      pollMs: 250,
      stop: async () => {
        const st = await this.inspect(name);
        if (!st.running) exited = `container ${name} exited (code ${st.exitCode ?? '?'}) before it was healthy`;
        return exited;
      },
    });
    if (!h.ok) {
      const logs = await this.docker(['logs', '--tail', '20', name]);
      await this.docker(['rm', '-f', name]);
      const why = exited ?? `${health} not healthy within ${formatDuration(req.timeoutMs)} (last: ${h.why})`;
      throw new StageError(
        `the new version ${req.version} did not start in slot ${req.slot}: ${why}; logs: ${tail(logs.output)}`,
      );
    }
    log.info(`${name} healthy at ${health}`);
    return {
      slot: req.slot,
      index: req.index,
      port: req.port,
      version: req.version,
      url: `${new URL(health).origin}/`,
      container: name,
      started_at: new Date().toISOString(),
    };
  }

  async inspect(name: string): Promise<{ running: boolean; exitCode: number | undefined }> {
    const r = await this.docker(['inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', name], 15_000);
    if (r.code !== 0) return { running: false, exitCode: undefined };
    const [running, code] = r.output.trim().split(' ');
    return { running: running === 'true', exitCode: Number(code) };
  }

  async stop(inst: Instance): Promise<void> {
    if (!inst.container) return;
    await this.docker(['stop', '-t', '5', inst.container]);
    await this.docker(['rm', '-f', inst.container]);
    this.o.log.info(`removed container ${inst.container} (${inst.version})`);
  }

  async alive(inst: Instance): Promise<boolean> {
    if (!inst.container || !(await this.inspect(inst.container)).running) return false;
    return (await waitHealthy(this.health(inst), { timeoutMs: 1000 })).ok;
  }
}
