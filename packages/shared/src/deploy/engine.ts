/**
 * The strategy engine. A deploy goes through explicit states, each logged with a timestamp and recorded in the
 * timeline, each with a deadline (the stage's own, never past the deploy's `timeout`):
 *
 *   prepare → start (new slot, health) → smoke (new slot directly, before any traffic) → shift traffic
 *   (blue-green: all at once; canary: step by step with analysis; rolling: batch by batch with health gates;
 *   immediate: all at once, old slot stopped) → version check (through the router) → monitor → succeeded,
 *   or → rolling-back → rolled-back / failed.
 *
 * Traffic never moves before the new slot is healthy and its smoke tests pass; a failure before traffic moved
 * tears the new slot down and leaves the old one serving; a failure after is rolled back (when allowed).
 */
import { formatDuration } from '../util/duration.js';
import { errorMessage, StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { freePort } from '../util/net.js';
import { DeadlineError, withDeadline } from './deadline.js';
import { joinUrl } from './http.js';
import { monitor as httpMonitor, type MonitorOptions, type MonitorResult } from './monitor.js';
import { describeRoutes, RouterError } from './routers.js';
import { runSmokeTests } from './smoke.js';
import { type DeployState, servingVersion, type StateFile } from './state.js';
import {
  type Instance,
  otherSlot,
  type RouteTarget,
  type Router,
  type SlotName,
  type SmokeResult,
  type SmokeTest,
  type Workload,
} from './types.js';
import { readVersion, type VersionSource, versionMismatchMessage, waitForVersion } from './version.js';

export type Strategy = 'blue-green' | 'canary' | 'rolling' | 'immediate';
export type DeployStatus = 'succeeded' | 'rolled-back' | 'failed' | 'inconclusive';

export interface TimelineEvent {
  at: string;
  /** ms since the deploy started */
  t: number;
  state: string;
  detail?: string;
}

export interface DeployConfig {
  version: string;
  environment: string;
  strategy: Strategy;
  runSmokeTests: boolean;
  smokeTests: SmokeTest[];
  rollbackOnFailure: boolean;
  canarySteps: number[];
  stepDurationMs: number;
  /** Monitoring window after the switch; durationMs 0 for none. */
  monitor: Omit<MonitorOptions, 'label' | 'log'>;
  versionSource: VersionSource;
  /** Instances per slot (rolling replaces them batch by batch). */
  instances: number;
  batchSize: number;
  keepPreviousMs: number;
  timeoutMs: number;
  /** Deadline for one instance to become healthy. */
  startTimeoutMs: number;
  /** Deadline for the router to report the new version after a switch. */
  versionTimeoutMs: number;
  /** Time between version reads (default 100 ms). */
  versionPollMs?: number;
  /** Fixed base ports per slot (instance i uses base + i); default: free ephemeral ports. */
  ports?: Partial<Record<SlotName, number>>;
}

/**
 * What the engine observes the world with. Default: HTTP (smoke tests against an instance, the version at
 * version_url, probes and Prometheus queries while monitoring). Unit tests give small fakes.
 */
export interface Checks {
  smoke(base: string, tests: SmokeTest[], log: Logger): Promise<SmokeResult[]>;
  readVersion(src: VersionSource): Promise<string>;
  monitor(o: MonitorOptions): Promise<MonitorResult>;
}

export const httpChecks: Checks = { smoke: runSmokeTests, readVersion, monitor: httpMonitor };

export interface EngineDeps {
  workload: Workload;
  router: Router;
  stateFile: StateFile;
  log: Logger;
  /** Called on every transition (e.g. to keep the status record's timeline current). */
  onEvent?: (e: TimelineEvent) => void;
  /** Default httpChecks. */
  checks?: Partial<Checks>;
}

export interface DeployResult {
  status: DeployStatus;
  reason: string;
  activeSlot?: SlotName;
  newSlot: SlotName;
  previousVersion?: string;
  rolledBack: boolean;
  /** The traffic moved at some point. */
  trafficMoved: boolean;
  timeline: TimelineEvent[];
  smoke: SmokeResult[];
  canary: { percent: number; analysis?: MonitorResult }[];
  monitor?: MonitorResult;
  /** ms from the router switch to the version check passing (blue-green / immediate / canary 100%). */
  switchMs?: number;
  rollbackMs?: number;
  alreadyDeployed?: boolean;
}

class Failure extends Error {
  constructor(
    message: string,
    readonly trafficMoved: boolean,
  ) {
    super(message);
  }
}

export class Timeline {
  readonly events: TimelineEvent[] = [];
  private readonly t0 = Date.now();
  constructor(
    private readonly log: Logger,
    private readonly onEvent?: (e: TimelineEvent) => void,
  ) {}
  mark(state: string, detail?: string): void {
    const e: TimelineEvent = {
      at: new Date().toISOString(),
      t: Date.now() - this.t0,
      state,
      ...(detail ? { detail } : {}),
    };
    this.events.push(e);
    this.log.info(`[${e.at}] ${state}${detail ? `: ${detail}` : ''}`);
    this.onEvent?.(e);
  }
  elapsed(): number {
    return Date.now() - this.t0;
  }
}

/** Routes giving each slot a percentage, split evenly across its instances. */
export function routesFor(weights: Partial<Record<SlotName, number>>, state: DeployState): RouteTarget[] {
  const out: RouteTarget[] = [];
  for (const [slot, pct] of Object.entries(weights) as [SlotName, number][]) {
    if (!pct) continue;
    const insts = state.slots[slot]?.instances ?? [];
    for (const i of insts) out.push({ slot, index: i.index, port: i.port, weight: Math.max(1, Math.round(pct)) });
  }
  return out;
}

/** Shared by deploy and rollback: the engine's view of one environment. */
export class Environment {
  state: DeployState;
  constructor(
    readonly deps: EngineDeps,
    readonly environment: string,
    readonly timeline: Timeline,
  ) {
    this.state = deps.stateFile.read(environment);
  }
  save(): void {
    this.deps.stateFile.write(this.state);
  }

  async startSlot(
    slot: SlotName,
    version: string,
    count: number,
    o: { startTimeoutMs: number; ports?: Partial<Record<SlotName, number>>; indices?: number[] },
  ): Promise<Instance[]> {
    const started: Instance[] = [];
    const s = (this.state.slots[slot] ??= { version, instances: [] });
    s.version = version;
    delete s.retire_after;
    for (const index of o.indices ?? Array.from({ length: count }, (_, i) => i)) {
      const base = o.ports?.[slot];
      const port = base !== undefined ? base + index : await freePort();
      this.timeline.mark('starting', `${slot}#${index} version ${version} on port ${port}`);
      const inst = await withDeadline(`starting ${slot}#${index}`, o.startTimeoutMs + 10_000, () =>
        this.deps.workload.start({
          slot,
          index,
          port,
          version,
          environment: this.environment,
          timeoutMs: o.startTimeoutMs,
        }),
      );
      s.instances = [...s.instances.filter((i) => i.index !== index), inst];
      started.push(inst);
      this.save();
      this.timeline.mark('healthy', `${slot}#${index} (${version}) at ${inst.url}`);
    }
    return started;
  }

  async stopSlot(slot: SlotName, why: string, indices?: number[]): Promise<void> {
    const s = this.state.slots[slot];
    if (!s) return;
    const victims = s.instances.filter((i) => !indices || indices.includes(i.index));
    for (const inst of victims) {
      try {
        await withDeadline(`stopping ${slot}#${inst.index}`, 40_000, () => this.deps.workload.stop(inst));
      } catch (e) {
        this.deps.log.warning(`could not stop ${slot}#${inst.index}: ${errorMessage(e)}`);
      }
    }
    s.instances = s.instances.filter((i) => !victims.includes(i));
    if (s.instances.length === 0) delete this.state.slots[slot];
    this.save();
    if (victims.length)
      this.timeline.mark('stopped', `${slot} (${s.version}) ${victims.map((i) => `#${i.index}`).join(' ')}: ${why}`);
  }

  async route(weights: Partial<Record<SlotName, number>>, timeoutMs: number): Promise<void> {
    const targets = routesFor(weights, this.state);
    this.timeline.mark('routing', describeRoutes(targets));
    await withDeadline('router switch', timeoutMs, () => this.deps.router.apply(targets, timeoutMs));
    this.state.weights = { ...weights };
    this.save();
  }

  /** Stop slots other than the active one whose keep-previous time is over. */
  async retireExpired(): Promise<void> {
    for (const [slot, s] of Object.entries(this.state.slots) as [
      SlotName,
      NonNullable<DeployState['slots'][SlotName]>,
    ][]) {
      if (slot === this.state.active_slot || !s.retire_after) continue;
      if (Date.parse(s.retire_after) <= Date.now()) await this.stopSlot(slot, 'keep_previous is over');
    }
  }
}

export async function deploy(cfg: DeployConfig, deps: EngineDeps): Promise<DeployResult> {
  const { log, router } = deps;
  const checks: Checks = { ...httpChecks, ...deps.checks };
  const read = checks.readVersion;
  const timeline = new Timeline(log, deps.onEvent);
  const env = new Environment(deps, cfg.environment, timeline);
  const t0 = Date.now();
  const remaining = () => cfg.timeoutMs - (Date.now() - t0);
  const within = (ms: number) => {
    const r = remaining();
    if (r <= 0) throw new DeadlineError('the deploy', cfg.timeoutMs);
    return Math.min(ms, r);
  };

  await env.retireExpired();
  const oldSlot = env.state.active_slot;
  const previousVersion = servingVersion(env.state);
  const newSlot: SlotName = oldSlot ? otherSlot(oldSlot) : 'blue';
  const result: DeployResult = {
    status: 'failed',
    reason: '',
    newSlot,
    previousVersion,
    rolledBack: false,
    trafficMoved: false,
    timeline: timeline.events,
    smoke: [],
    canary: [],
  };
  timeline.mark(
    'started',
    `${cfg.strategy} of ${cfg.version} to ${cfg.environment}; serving now: ${previousVersion ?? 'nothing'}${oldSlot ? ` in ${oldSlot}` : ''}; new slot ${newSlot}`,
  );

  // Already serving this version (a re-run): verify, do not redeploy.
  if (previousVersion === cfg.version && oldSlot) {
    const alive = await Promise.all((env.state.slots[oldSlot]?.instances ?? []).map((i) => deps.workload.alive(i)));
    const v = await waitForVersion(cfg.versionSource, cfg.version, {
      timeoutMs: within(10_000),
      read,
      pollMs: cfg.versionPollMs,
    });
    if (alive.length && alive.every(Boolean) && v.ok) {
      timeline.mark('succeeded', `${cfg.version} already serves in ${oldSlot}; nothing to do`);
      return {
        ...result,
        status: 'succeeded',
        reason: `${cfg.version} was already deployed and serving`,
        activeSlot: oldSlot,
        newSlot: oldSlot,
        alreadyDeployed: true,
        previousVersion: env.state.deployments.find((d) => d.version !== cfg.version)?.version,
      };
    }
  }

  const oldWeights = (): Partial<Record<SlotName, number>> => (oldSlot ? { [oldSlot]: 100 } : {});

  /** Put traffic back on the old version and remove the new one. */
  const rollBack = async (why: string): Promise<void> => {
    const r0 = Date.now();
    timeline.mark('rolling-back', why);
    if (!oldSlot || !previousVersion) {
      throw new StageError(`${why}; and there is no previous version to roll back to`);
    }
    const budget = Math.max(remaining(), 60_000); // a rollback gets time even when the deploy's is spent
    // Every instance of the old slot must run again (rolling stops them batch by batch; one may have died).
    const olds = env.state.slots[oldSlot]?.instances ?? [];
    const alive = await Promise.all(olds.map((i) => deps.workload.alive(i)));
    const dead = olds.filter((_, k) => !alive[k]).map((i) => i.index);
    if (dead.length) await env.stopSlot(oldSlot, 'no longer healthy', dead);
    const have = new Set((env.state.slots[oldSlot]?.instances ?? []).map((i) => i.index));
    const missing = Array.from({ length: cfg.instances }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length) {
      timeline.mark('restarting-previous', `${oldSlot} ${previousVersion}: ${missing.length} instance(s)`);
      await env.startSlot(oldSlot, previousVersion, cfg.instances, {
        startTimeoutMs: cfg.startTimeoutMs,
        ports: cfg.ports,
        indices: missing,
      });
    }
    await env.route(oldWeights(), Math.min(budget, 60_000));
    env.state.active_slot = oldSlot;
    env.save();
    const v = await waitForVersion(cfg.versionSource, previousVersion, {
      timeoutMs: Math.min(budget, cfg.versionTimeoutMs),
      read,
      pollMs: cfg.versionPollMs,
    });
    if (!v.ok)
      throw new StageError(
        `rollback: ${versionMismatchMessage(cfg.versionSource, previousVersion, v.seen, v.elapsedMs)}`,
      );
    await env.stopSlot(newSlot, `rolled back (${why})`);
    result.rollbackMs = Date.now() - r0;
    timeline.mark('rolled-back', `${previousVersion} serves again (${formatDuration(result.rollbackMs)})`);
  };

  const directProbe = (inst: Instance): string | undefined => {
    const p = cfg.monitor.probeUrl ?? cfg.versionSource.url;
    if (!p) return undefined;
    const u = new URL(p);
    return joinUrl(inst.url, u.pathname + u.search);
  };

  /** Smoke tests and a version check on each new instance directly, before any traffic goes there. */
  const smoke = async (insts: Instance[]): Promise<void> => {
    if (!cfg.runSmokeTests) {
      timeline.mark('smoke-skipped', 'run_smoke_tests is false');
      return;
    }
    timeline.mark(
      'smoke',
      `${cfg.smokeTests.length} checks on ${insts.length} instance(s) of ${newSlot}, no traffic yet`,
    );
    for (const inst of insts) {
      const res = await withDeadline('smoke tests', within(120_000), () => checks.smoke(inst.url, cfg.smokeTests, log));
      // The instance itself must report the new version (catches a platform that started something else).
      const u = new URL(cfg.versionSource.url);
      const direct = { ...cfg.versionSource, url: joinUrl(inst.url, u.pathname + u.search) };
      let seen: string;
      try {
        seen = await read(direct);
      } catch (e) {
        seen = `error: ${errorMessage(e)}`;
      }
      const vOk = seen.replace(/^v/, '') === cfg.version;
      res.push({
        test: { path: u.pathname + u.search },
        url: direct.url,
        ok: vOk,
        problems: vOk ? [] : [`reports version ${seen}, expected ${cfg.version}`],
      });
      result.smoke.push(...res);
    }
    const failed = result.smoke.filter((r) => !r.ok);
    if (failed.length) {
      throw new Failure(
        `smoke tests failed on ${newSlot} (${cfg.version}); traffic never moved:\n` +
          failed.map((f) => `  - GET ${f.url}: ${f.problems.join('; ')}`).join('\n'),
        false,
      );
    }
    timeline.mark('smoke-passed', `${result.smoke.length} checks`);
  };

  const checkVersion = async (label: string): Promise<void> => {
    const s0 = Date.now();
    timeline.mark('version-check', `${cfg.versionSource.url} must report ${cfg.version}`);
    const v = await waitForVersion(cfg.versionSource, cfg.version, {
      timeoutMs: within(cfg.versionTimeoutMs),
      read,
      pollMs: cfg.versionPollMs,
    });
    if (!v.ok) throw new Failure(versionMismatchMessage(cfg.versionSource, cfg.version, v.seen, v.elapsedMs), true);
    timeline.mark(
      'version-verified',
      `${cfg.version} serves through the router (${label}, ${formatDuration(Date.now() - s0)})`,
    );
  };

  const analyse = async (label: string, durationMs: number, probeUrl?: string): Promise<MonitorResult> => {
    const m = await checks.monitor({
      ...cfg.monitor,
      durationMs: Math.min(durationMs, Math.max(0, remaining() - 5000)),
      probeUrl,
      label,
      log,
    });
    return m;
  };

  try {
    // Make room: the idle slot may still hold an older kept version.
    if (env.state.slots[newSlot]?.instances.length) await env.stopSlot(newSlot, 'making room for the new version');

    if (cfg.strategy === 'rolling') {
      await rolling();
    } else {
      const insts = await env.startSlot(newSlot, cfg.version, cfg.instances, {
        startTimeoutMs: within(cfg.startTimeoutMs),
        ports: cfg.ports,
      });
      await smoke(insts);
      if (cfg.strategy === 'canary') {
        for (const pct of cfg.canarySteps) {
          const weights: Partial<Record<SlotName, number>> =
            pct >= 100 || !oldSlot ? { [newSlot]: 100 } : { [oldSlot]: 100 - pct, [newSlot]: pct };
          const s0 = Date.now();
          await env.route(weights, within(60_000));
          result.trafficMoved = true;
          timeline.mark('canary-step', `${pct}% to ${cfg.version}`);
          if (pct >= 100) {
            await checkVersion('canary promoted');
            result.switchMs = Date.now() - s0;
            timeline.mark('promoted', `${cfg.version} takes all traffic`);
            break;
          }
          const probe = insts[0] ? directProbe(insts[0]) : undefined;
          const a = await analyse(`canary ${pct}%`, cfg.stepDurationMs, probe);
          result.canary.push({ percent: pct, analysis: a });
          if (a.verdict === 'breached' || a.verdict === 'no-data')
            throw new Failure(`canary analysis at ${pct}% failed: ${a.reason}`, true);
          timeline.mark('analysis-passed', `${pct}%: ${a.reason}`);
        }
        if (!cfg.canarySteps.includes(100)) throw new StageError('canary_steps must end at 100');
      } else {
        const s0 = Date.now();
        timeline.mark('switching', `all traffic ${oldSlot ?? '(none)'} → ${newSlot}`);
        await env.route({ [newSlot]: 100 }, within(60_000));
        result.trafficMoved = true;
        await checkVersion('switched');
        result.switchMs = Date.now() - s0;
        timeline.mark('switched', `${newSlot} serves ${cfg.version} (${formatDuration(result.switchMs)})`);
      }
    }
    env.state.active_slot = newSlot;
    env.save();
    if (cfg.strategy === 'immediate' && oldSlot) await env.stopSlot(oldSlot, 'immediate: the old version is not kept');

    if (cfg.monitor.durationMs > 0) {
      timeline.mark(
        'monitoring',
        `${formatDuration(cfg.monitor.durationMs)} through ${cfg.monitor.probeUrl ?? 'Prometheus only'}`,
      );
      const m = await analyse('monitoring', cfg.monitor.durationMs, cfg.monitor.probeUrl);
      result.monitor = m;
      if (m.verdict === 'breached' || m.verdict === 'no-data')
        throw new Failure(`monitoring failed: ${m.reason}`, true);
      if (m.verdict === 'inconclusive') {
        timeline.mark('inconclusive', m.reason);
        result.status = 'inconclusive';
        result.reason = m.reason;
      } else timeline.mark('monitor-passed', m.reason);
    }
    if (result.status !== 'inconclusive') {
      result.status = 'succeeded';
      result.reason = `${cfg.version} serves in ${newSlot}${cfg.monitor.durationMs > 0 ? `; ${result.monitor?.reason}` : ''}`;
    }
    result.activeSlot = newSlot;
    // Keep the old slot for an instant rollback, then retire it.
    if (oldSlot && env.state.slots[oldSlot]) {
      if (cfg.keepPreviousMs <= 0) await env.stopSlot(oldSlot, 'keep_previous is 0');
      else {
        env.state.slots[oldSlot]!.retire_after = new Date(Date.now() + cfg.keepPreviousMs).toISOString();
        env.save();
        timeline.mark(
          'kept-previous',
          `${oldSlot} (${previousVersion}) kept until ${env.state.slots[oldSlot]!.retire_after} for an instant rollback`,
        );
      }
    }
    timeline.mark(result.status, result.reason);
  } catch (e) {
    const moved = e instanceof Failure ? e.trafficMoved : result.trafficMoved;
    const why = errorMessage(e);
    result.reason = why;
    result.trafficMoved = moved;
    if (!moved) {
      timeline.mark('aborted', `${why.split('\n')[0]}; tearing down ${newSlot}`);
      await env.stopSlot(newSlot, 'deploy failed before traffic moved');
      if (e instanceof RouterError) timeline.mark('traffic-untouched', 'the router refused the change');
      if (oldSlot && env.state.weights[newSlot]) {
        // A partly applied canary/rolling step: put the weights back.
        await env.route(oldWeights(), 60_000);
      }
      result.status = 'failed';
      result.activeSlot = oldSlot;
    } else if (cfg.rollbackOnFailure && oldSlot) {
      try {
        await rollBack(why.split('\n')[0] as string);
        result.status = 'rolled-back';
        result.rolledBack = true;
        result.activeSlot = oldSlot;
      } catch (re) {
        result.status = 'failed';
        result.reason = `${why}; the rollback failed too: ${errorMessage(re)}`;
        result.activeSlot = env.state.active_slot;
      }
    } else {
      result.status = 'failed';
      result.activeSlot = env.state.active_slot ?? newSlot;
      timeline.mark(
        'left-as-is',
        cfg.rollbackOnFailure
          ? 'no previous version to roll back to'
          : 'rollback_on_failure is false: traffic left as it is',
      );
    }
    timeline.mark(result.status, result.reason.split('\n')[0]);
  }
  env.state.deployments.unshift({
    version: cfg.version,
    slot: newSlot,
    status: result.status,
    strategy: cfg.strategy,
    at: new Date().toISOString(),
    ...(previousVersion ? { previous_version: previousVersion } : {}),
  });
  env.state.deployments = env.state.deployments.slice(0, 20);
  env.save();
  return result;

  /** Rolling: new instances batch by batch, each healthy (and the first smoke-tested) before old ones go. */
  async function rolling(): Promise<void> {
    const n = cfg.instances;
    const b = Math.max(1, Math.min(cfg.batchSize, n));
    for (let first = 0; first < n; first += b) {
      const indices = Array.from({ length: Math.min(b, n - first) }, (_, i) => first + i);
      timeline.mark('rolling-batch', `instances ${indices.join(',')} of ${n}`);
      const insts = await env.startSlot(newSlot, cfg.version, n, {
        startTimeoutMs: within(cfg.startTimeoutMs),
        ports: cfg.ports,
        indices,
      });
      if (first === 0) await smoke(insts);
      // Traffic: every live instance, old and new, weight 1 each.
      const targets: RouteTarget[] = [];
      for (const slot of [oldSlot, newSlot]) {
        if (!slot) continue;
        for (const i of env.state.slots[slot]?.instances ?? []) {
          if (slot === oldSlot && indices.includes(i.index)) continue;
          targets.push({ slot, index: i.index, port: i.port, weight: 1 });
        }
      }
      timeline.mark('routing', describeRoutes(targets));
      await withDeadline('router switch', within(60_000), () => router.apply(targets, within(60_000)));
      result.trafficMoved = true;
      const newCount = env.state.slots[newSlot]?.instances.length ?? 0;
      env.state.weights = {
        [newSlot]: Math.round((newCount / n) * 100),
        ...(oldSlot ? { [oldSlot]: 100 - Math.round((newCount / n) * 100) } : {}),
      };
      env.save();
      if (oldSlot) await env.stopSlot(oldSlot, 'replaced by the new version', indices);
      // Health gate: the new instances still healthy with traffic on them.
      const alive = await Promise.all(insts.map((i) => deps.workload.alive(i)));
      if (!alive.every(Boolean))
        throw new Failure(`rolling: instance(s) of ${cfg.version} unhealthy after taking traffic`, true);
      timeline.mark('batch-healthy', `${newCount}/${n} instances run ${cfg.version}`);
    }
    await checkVersion('rolled');
  }
}

export interface RollbackConfig {
  environment: string;
  toVersion: string;
  versionSource?: VersionSource;
  instances: number;
  startTimeoutMs: number;
  versionTimeoutMs: number;
  /** Time between version reads (default 100 ms). */
  versionPollMs?: number;
  timeoutMs: number;
  ports?: Partial<Record<SlotName, number>>;
}

export interface RollbackResult {
  status: 'rolled-back' | 'failed';
  version: string;
  fromVersion?: string;
  instant: boolean;
  reason: string;
  timeline: TimelineEvent[];
  switchMs?: number;
  activeSlot?: SlotName;
}

/**
 * Back to `toVersion`: a router switch only when a slot still runs it (instant), else started again through the
 * workload in the idle slot; then the version check, and the slot that was serving is stopped.
 */
export async function rollback(cfg: RollbackConfig, deps: EngineDeps): Promise<RollbackResult> {
  const read = deps.checks?.readVersion ?? readVersion;
  const timeline = new Timeline(deps.log, deps.onEvent);
  const env = new Environment(deps, cfg.environment, timeline);
  const current = env.state.active_slot;
  const fromVersion = servingVersion(env.state);
  const t0 = Date.now();
  const res: RollbackResult = {
    status: 'failed',
    version: cfg.toVersion,
    fromVersion,
    instant: false,
    reason: '',
    timeline: timeline.events,
  };
  timeline.mark(
    'started',
    `rollback of ${cfg.environment} from ${fromVersion ?? 'nothing recorded'} to ${cfg.toVersion}`,
  );
  try {
    await withDeadline('the rollback', cfg.timeoutMs, async () => {
      let target: SlotName | undefined = (['blue', 'green'] as SlotName[]).find(
        (s) =>
          s !== current &&
          env.state.slots[s]?.version === cfg.toVersion &&
          (env.state.slots[s]?.instances.length ?? 0) > 0,
      );
      if (target) {
        const alive = await Promise.all(env.state.slots[target]!.instances.map((i) => deps.workload.alive(i)));
        if (!alive.every(Boolean)) {
          timeline.mark('previous-gone', `${target} (${cfg.toVersion}) no longer answers; starting it again`);
          await env.stopSlot(target, 'not alive');
          target = undefined;
        } else res.instant = true;
      }
      if (current && env.state.slots[current]?.version === cfg.toVersion) {
        throw new StageError(`${cfg.toVersion} is already the serving version of ${cfg.environment}`);
      }
      if (!target) {
        target = current ? otherSlot(current) : 'blue';
        if (env.state.slots[target]?.instances.length) await env.stopSlot(target, 'making room for the rollback');
        await env.startSlot(target, cfg.toVersion, cfg.instances, {
          startTimeoutMs: cfg.startTimeoutMs,
          ports: cfg.ports,
        });
      }
      const s0 = Date.now();
      await env.route({ [target]: 100 }, 60_000);
      env.state.active_slot = target;
      env.save();
      if (cfg.versionSource) {
        const v = await waitForVersion(cfg.versionSource, cfg.toVersion, {
          timeoutMs: cfg.versionTimeoutMs,
          read,
          pollMs: cfg.versionPollMs,
        });
        if (!v.ok) throw new StageError(versionMismatchMessage(cfg.versionSource, cfg.toVersion, v.seen, v.elapsedMs));
        timeline.mark('version-verified', `${cfg.toVersion} serves through the router`);
      }
      res.switchMs = Date.now() - s0;
      if (current && current !== target) await env.stopSlot(current, `rolled back from ${fromVersion}`);
      res.activeSlot = target;
    });
    res.status = 'rolled-back';
    res.reason = `${cfg.toVersion} serves again${res.instant ? ' (instant: router switch only)' : ' (started again through the workload)'} in ${formatDuration(Date.now() - t0)}`;
    timeline.mark('rolled-back', res.reason);
  } catch (e) {
    res.reason = errorMessage(e);
    timeline.mark('failed', res.reason);
  }
  env.state.deployments.unshift({
    version: cfg.toVersion,
    slot: res.activeSlot ?? 'blue',
    status: res.status,
    strategy: 'rollback',
    at: new Date().toISOString(),
    ...(fromVersion ? { previous_version: fromVersion } : {}),
  });
  env.state.deployments = env.state.deployments.slice(0, 20);
  env.save();
  return res;
}
