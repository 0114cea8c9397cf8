/**
 * Traffic routers. `nginx`: writes an upstream include file with per-instance weights, validates the whole
 * configuration with `nginx -t`, then reloads (graceful: old workers finish their requests); a refused test puts
 * the previous file back and never reloads, so traffic is untouched. `command`: a user hook given the weights.
 * `none`: the platform moves traffic itself (rolling, immediate).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { sleep } from './deadline.js';
import { runHook, tail } from './exec.js';
import type { RouteTarget, Router } from './types.js';

export class RouterError extends StageError {
  constructor(message: string) {
    super(message);
    this.name = 'RouterError';
  }
}

/** `blue=90,green=10` for logs and hooks. */
export function describeRoutes(targets: RouteTarget[]): string {
  const bySlot = new Map<string, number>();
  for (const t of targets) bySlot.set(t.slot, (bySlot.get(t.slot) ?? 0) + t.weight);
  const total = [...bySlot.values()].reduce((a, b) => a + b, 0) || 1;
  return [...bySlot.entries()].map(([s, w]) => `${s}=${Math.round((w / total) * 100)}%`).join(',') || '(no traffic)';
}

export interface NginxRouterOptions {
  /** The include file this router owns (an `upstream <name> { … }` block). */
  upstreamFile: string;
  upstreamName: string;
  /** nginx main configuration (for -t and -s reload). */
  conf?: string;
  /** nginx -p prefix. */
  prefix?: string;
  bin?: string;
  /** Replace `nginx -s reload` (e.g. `sudo systemctl reload nginx`). */
  reloadCommand?: string;
  /** Upstream host (default 127.0.0.1). */
  host?: string;
  cwd: string;
  log: Logger;
}

export function renderUpstream(name: string, targets: RouteTarget[], host = '127.0.0.1'): string {
  const lines = [
    '# Written by release-actions deploy: do not edit, the next deploy rewrites it.',
    `# routes: ${describeRoutes(targets)}`,
    `upstream ${name} {`,
    ...targets.map(
      (t) =>
        `  server ${host}:${t.port} weight=${Math.max(1, Math.round(t.weight))} max_fails=0; # ${t.slot}#${t.index}`,
    ),
    '  keepalive 32;',
    '}',
    '',
  ];
  return lines.join('\n');
}

/** Worker pids of an nginx master (from /proc), to know when a reload took effect. */
function workers(masterPid: number): Set<number> {
  const out = new Set<number>();
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === masterPid) out.add(Number(d));
      } catch {
        /* gone */
      }
    }
  } catch {
    /* no /proc */
  }
  return out;
}

export class NginxRouter implements Router {
  readonly kind = 'nginx';
  readonly controlsTraffic = true;
  constructor(private readonly o: NginxRouterOptions) {}

  private args(): string[] {
    const a: string[] = [];
    if (this.o.prefix) a.push('-p', this.o.prefix);
    if (this.o.conf) a.push('-c', this.o.conf);
    return a;
  }

  private sh(words: string[]): string {
    return words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  }

  /** The master's pid, from the `pid` directive of the main configuration (or the default). */
  private masterPid(): number | undefined {
    if (!this.o.conf) return undefined;
    try {
      const conf = readFileSync(this.o.conf, 'utf8');
      const m = /^\s*pid\s+([^;\s]+)\s*;/m.exec(conf);
      if (!m) return undefined;
      const p = m[1] as string;
      const file = isAbsolute(p) ? p : resolve(this.o.prefix ?? dirname(this.o.conf), p);
      const pid = Number(readFileSync(file, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  async apply(targets: RouteTarget[], timeoutMs: number): Promise<void> {
    const { log } = this.o;
    if (targets.length === 0) throw new RouterError('refusing to route traffic to no instance at all');
    const bin = this.o.bin ?? 'nginx';
    const file = this.o.upstreamFile;
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const text = renderUpstream(this.o.upstreamName, targets, this.o.host);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    const hookO = { env: {}, cwd: this.o.cwd, timeoutMs: Math.min(timeoutMs, 30_000), log };
    const test = await runHook(this.sh([bin, '-t', '-q', ...this.args()]), { ...hookO, name: 'nginx -t' });
    if (test.code !== 0) {
      if (previous === undefined) renameSync(file, `${file}.rejected`);
      else {
        writeFileSync(`${file}.rejected`, text);
        writeFileSync(tmp, previous);
        renameSync(tmp, file);
      }
      throw new RouterError(
        `nginx -t refused the configuration with the new upstreams (${describeRoutes(targets)}): ${tail(test.output)}. ` +
          'Not reloaded: traffic is untouched; the refused file is kept as ' +
          `${file}.rejected`,
      );
    }
    const master = this.masterPid();
    const before = master ? workers(master) : new Set<number>();
    const reload = this.o.reloadCommand ?? this.sh([bin, '-s', 'reload', ...this.args()]);
    const r = await runHook(reload, { ...hookO, name: 'nginx reload' });
    if (r.code !== 0) {
      if (previous !== undefined) writeFileSync(file, previous);
      throw new RouterError(`nginx reload failed (exit ${r.code}): ${tail(r.output)}; upstream file restored`);
    }
    if (master) {
      // Applied when a worker that did not exist before serves (the master started the new generation).
      const end = Date.now() + Math.min(timeoutMs, 10_000);
      while (Date.now() < end) {
        const now = workers(master);
        if ([...now].some((p) => !before.has(p))) break;
        await sleep(20);
      }
    }
    log.info(`nginx: ${this.o.upstreamName} → ${describeRoutes(targets)} (tested, reloaded)`);
  }
}

export class CommandRouter implements Router {
  readonly kind = 'command';
  readonly controlsTraffic = true;
  constructor(private readonly o: { command: string; cwd: string; log: Logger; env?: Record<string, string> }) {}
  async apply(targets: RouteTarget[], timeoutMs: number): Promise<void> {
    const weight = (slot: string) => targets.filter((t) => t.slot === slot).reduce((a, t) => a + t.weight, 0);
    const env = {
      ...this.o.env,
      WEIGHTS: describeRoutes(targets).replace(/%/g, ''),
      BLUE_WEIGHT: String(weight('blue')),
      GREEN_WEIGHT: String(weight('green')),
      ROUTES_JSON: JSON.stringify(targets),
    };
    const r = await runHook(this.o.command, {
      env,
      cwd: this.o.cwd,
      timeoutMs,
      log: this.o.log,
      name: 'router_command',
    });
    if (r.timedOut || r.code !== 0) {
      throw new RouterError(
        `router_command ${r.timedOut ? 'timed out' : `failed (exit ${r.code})`} for ${describeRoutes(targets)}: ${tail(r.output)}`,
      );
    }
    this.o.log.info(`router_command: ${describeRoutes(targets)}`);
  }
}

export class NoRouter implements Router {
  readonly kind = 'none';
  readonly controlsTraffic = false;
  async apply(): Promise<void> {}
}
