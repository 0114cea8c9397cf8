/**
 * One deploy in progress: the slots it goes from and to, the time left, and the steps strategies are made of
 * (start the new version, smoke-test it, route, check the version, analyse), then how it ends: kept or retired
 * previous slot, or the way back (aborted before traffic moved, rolled back after).
 */
import { formatDuration } from '../util/duration.js';
import { errorMessage, StageError } from '../util/errors.js';
import { type Checks, type DeployConfig, type DeployResult, type EngineDeps, httpChecks } from './config.js';
import {
  DeadlineError,
  MONITOR_RESERVE_MS,
  RERUN_VERIFY_MS,
  ROLLBACK_MIN_MS,
  ROUTER_SWITCH_MS,
  SMOKE_DEADLINE_MS,
  withDeadline,
} from './deadline.js';
import type { Environment } from './engine.js';
import { joinUrl } from './http.js';
import type { MonitorResult } from './monitor.js';
import { RouterError } from './routers.js';
import { servingVersion } from './state.js';
import type { Timeline } from './timeline.js';
import { type Instance, otherSlot, type RouteTarget, type SlotName } from './types.js';
import { versionMismatchMessage, waitForVersion } from './version.js';

/** A failure that knows whether traffic had moved (which decides between aborting and rolling back). */
export class Failure extends Error {
  constructor(
    message: string,
    readonly trafficMoved: boolean,
  ) {
    super(message);
  }
}

type Weights = Partial<Record<SlotName, number>>;

export class DeployRun {
  readonly checks: Checks;
  readonly timeline: Timeline;
  /** The slot serving before the deploy (none on a first deploy). */
  readonly oldSlot?: SlotName;
  readonly previousVersion?: string;
  /** Where the new version goes: always the idle slot. */
  readonly newSlot: SlotName;
  readonly result: DeployResult;
  private readonly t0 = Date.now();

  constructor(
    readonly cfg: DeployConfig,
    readonly deps: EngineDeps,
    readonly env: Environment,
  ) {
    this.checks = { ...httpChecks, ...deps.checks };
    this.timeline = env.timeline;
    this.oldSlot = env.state.active_slot;
    this.previousVersion = servingVersion(env.state);
    this.newSlot = this.oldSlot ? otherSlot(this.oldSlot) : 'blue';
    this.result = {
      status: 'failed',
      reason: '',
      newSlot: this.newSlot,
      previousVersion: this.previousVersion,
      rolledBack: false,
      trafficMoved: false,
      timeline: this.timeline.events,
      smoke: [],
      canary: [],
    };
    this.timeline.mark(
      'started',
      `${cfg.strategy} of ${cfg.version} to ${cfg.environment}; serving now: ${this.previousVersion ?? 'nothing'}${this.oldSlot ? ` in ${this.oldSlot}` : ''}; new slot ${this.newSlot}`,
    );
  }

  /** Time left of the deploy's `timeout`. */
  remaining(): number {
    return this.cfg.timeoutMs - (Date.now() - this.t0);
  }

  /** A step's own deadline, never past the deploy's; a step that would start with no time left is refused. */
  within(ms: number): number {
    const r = this.remaining();
    if (r <= 0) throw new DeadlineError('the deploy', this.cfg.timeoutMs);
    return Math.min(ms, r);
  }

  /** A re-run of the version already serving: verified (alive, version through the router), not redeployed. */
  async alreadyServing(): Promise<DeployResult | undefined> {
    const { cfg, oldSlot, env } = this;
    if (this.previousVersion !== cfg.version || !oldSlot) return undefined;
    const alive = await Promise.all(
      (env.state.slots[oldSlot]?.instances ?? []).map((i) => this.deps.workload.alive(i)),
    );
    const v = await waitForVersion(cfg.versionSource, cfg.version, {
      timeoutMs: this.within(RERUN_VERIFY_MS),
      read: this.checks.readVersion,
      pollMs: cfg.versionPollMs,
    });
    if (!alive.length || !alive.every(Boolean) || !v.ok) return undefined;
    this.timeline.mark('succeeded', `${cfg.version} already serves in ${oldSlot}; nothing to do`);
    return {
      ...this.result,
      status: 'succeeded',
      reason: `${cfg.version} was already deployed and serving`,
      activeSlot: oldSlot,
      newSlot: oldSlot,
      alreadyDeployed: true,
      previousVersion: env.state.deployments.find((d) => d.version !== cfg.version)?.version,
    };
  }

  /** Start instances of the new version in the new slot (all of them, or the given indices), each healthy. */
  startNew(indices?: number[]): Promise<Instance[]> {
    return this.env.startSlot(this.newSlot, this.cfg.version, this.cfg.instances, {
      startTimeoutMs: this.within(this.cfg.startTimeoutMs),
      ports: this.cfg.ports,
      indices,
    });
  }

  /** Smoke tests and a version check on each new instance directly, before any traffic goes there. */
  async smoke(insts: Instance[]): Promise<void> {
    const { cfg, timeline, result } = this;
    if (!cfg.runSmokeTests) {
      timeline.mark('smoke-skipped', 'run_smoke_tests is false');
      return;
    }
    timeline.mark(
      'smoke',
      `${cfg.smokeTests.length} checks on ${insts.length} instance(s) of ${this.newSlot}, no traffic yet`,
    );
    for (const inst of insts) {
      const res = await withDeadline('smoke tests', this.within(cfg.smokeTimeoutMs ?? SMOKE_DEADLINE_MS), () =>
        this.checks.smoke(inst.url, cfg.smokeTests, this.deps.log),
      );
      // The instance itself must report the new version (catches a platform that started something else).
      const u = new URL(cfg.versionSource.url);
      const direct = { ...cfg.versionSource, url: joinUrl(inst.url, u.pathname + u.search) };
      let seen: string;
      try {
        seen = await this.checks.readVersion(direct);
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
        `smoke tests failed on ${this.newSlot} (${cfg.version}); traffic never moved:\n` +
          failed.map((f) => `  - GET ${f.url}: ${f.problems.join('; ')}`).join('\n'),
        false,
      );
    }
    timeline.mark('smoke-passed', `${result.smoke.length} checks`);
  }

  /** Move traffic (slot weights, or explicit per-instance targets); from here on a failure is rolled back. */
  async route(weights: Weights, targets?: RouteTarget[]): Promise<void> {
    await this.env.route(weights, this.within(ROUTER_SWITCH_MS), targets);
    this.result.trafficMoved = true;
  }

  /** The router must report the new version within version_timeout. */
  async checkVersion(label: string): Promise<void> {
    const { cfg } = this;
    const s0 = Date.now();
    this.timeline.mark('version-check', `${cfg.versionSource.url} must report ${cfg.version}`);
    const v = await waitForVersion(cfg.versionSource, cfg.version, {
      timeoutMs: this.within(cfg.versionTimeoutMs),
      read: this.checks.readVersion,
      pollMs: cfg.versionPollMs,
    });
    if (!v.ok) throw new Failure(versionMismatchMessage(cfg.versionSource, cfg.version, v.seen, v.elapsedMs), true);
    this.timeline.mark(
      'version-verified',
      `${cfg.version} serves through the router (${label}, ${formatDuration(Date.now() - s0)})`,
    );
  }

  /** Probes (and Prometheus queries) for `durationMs`, cut so that the verdict can still be acted on. */
  analyse(label: string, durationMs: number, probeUrl?: string): Promise<MonitorResult> {
    return this.checks.monitor({
      ...this.cfg.monitor,
      durationMs: Math.min(durationMs, Math.max(0, this.remaining() - MONITOR_RESERVE_MS)),
      probeUrl,
      label,
      log: this.deps.log,
    });
  }

  /** probe_url's (else version_url's) path on one instance directly: the canary's own health. */
  directProbe(inst: Instance): string | undefined {
    const p = this.cfg.monitor.probeUrl ?? this.cfg.versionSource.url;
    if (!p) return undefined;
    const u = new URL(p);
    return joinUrl(inst.url, u.pathname + u.search);
  }

  /** The monitoring window after the switch: a breach (or no data) fails the deploy, inconclusive is kept. */
  async monitorWindow(): Promise<void> {
    const { cfg, timeline, result } = this;
    if (cfg.monitor.durationMs <= 0) return;
    timeline.mark(
      'monitoring',
      `${formatDuration(cfg.monitor.durationMs)} through ${cfg.monitor.probeUrl ?? 'Prometheus only'}`,
    );
    const m = await this.analyse('monitoring', cfg.monitor.durationMs, cfg.monitor.probeUrl);
    result.monitor = m;
    if (m.verdict === 'breached' || m.verdict === 'no-data') throw new Failure(`monitoring failed: ${m.reason}`, true);
    if (m.verdict === 'inconclusive') {
      timeline.mark('inconclusive', m.reason);
      result.status = 'inconclusive';
      result.reason = m.reason;
    } else timeline.mark('monitor-passed', m.reason);
  }

  /** The new version serves: succeeded (unless inconclusive); the old slot kept for an instant rollback, then retired. */
  async settle(): Promise<void> {
    const { cfg, env, oldSlot, result } = this;
    if (result.status !== 'inconclusive') {
      result.status = 'succeeded';
      result.reason = `${cfg.version} serves in ${this.newSlot}${cfg.monitor.durationMs > 0 ? `; ${result.monitor?.reason}` : ''}`;
    }
    result.activeSlot = this.newSlot;
    const old = oldSlot && env.state.slots[oldSlot];
    if (old) {
      if (cfg.keepPreviousMs <= 0) await env.stopSlot(oldSlot, 'keep_previous is 0');
      else {
        old.retire_after = new Date(Date.now() + cfg.keepPreviousMs).toISOString();
        env.save();
        this.timeline.mark(
          'kept-previous',
          `${oldSlot} (${this.previousVersion}) kept until ${old.retire_after} for an instant rollback`,
        );
      }
    }
    this.timeline.mark(result.status, result.reason);
  }

  /** A failure: before traffic moved, tear the new slot down; after, roll back (when allowed) or say so. */
  async recover(e: unknown): Promise<void> {
    const { cfg, env, oldSlot, newSlot, result, timeline } = this;
    const moved = e instanceof Failure ? e.trafficMoved : result.trafficMoved;
    const why = errorMessage(e);
    result.reason = why;
    result.trafficMoved = moved;
    if (!moved) {
      timeline.mark('aborted', `${why.split('\n')[0]}; tearing down ${newSlot}`);
      await env.stopSlot(newSlot, 'deploy failed before traffic moved');
      if (e instanceof RouterError) timeline.mark('traffic-untouched', 'the router refused the change');
      // A partly applied canary/rolling step: put the weights back.
      if (oldSlot && env.state.weights[newSlot]) await env.route({ [oldSlot]: 100 }, ROUTER_SWITCH_MS);
      result.status = 'failed';
      result.activeSlot = oldSlot;
    } else if (cfg.rollbackOnFailure && oldSlot) {
      try {
        await this.rollBack(why.split('\n')[0] as string);
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

  /** Put all traffic back on the old version (every old instance running again) and remove the new one. */
  private async rollBack(why: string): Promise<void> {
    const { cfg, env, oldSlot, previousVersion } = this;
    const r0 = Date.now();
    this.timeline.mark('rolling-back', why);
    if (!oldSlot || !previousVersion) throw new StageError(`${why}; and there is no previous version to roll back to`);
    const budget = Math.max(this.remaining(), ROLLBACK_MIN_MS);
    // Every instance of the old slot must run again (rolling stops them batch by batch; one may have died).
    const olds = env.state.slots[oldSlot]?.instances ?? [];
    const alive = await Promise.all(olds.map((i) => this.deps.workload.alive(i)));
    const dead = olds.filter((_, k) => !alive[k]).map((i) => i.index);
    if (dead.length) await env.stopSlot(oldSlot, 'no longer healthy', dead);
    const have = new Set((env.state.slots[oldSlot]?.instances ?? []).map((i) => i.index));
    const missing = Array.from({ length: cfg.instances }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length) {
      this.timeline.mark('restarting-previous', `${oldSlot} ${previousVersion}: ${missing.length} instance(s)`);
      await env.startSlot(oldSlot, previousVersion, cfg.instances, {
        startTimeoutMs: cfg.startTimeoutMs,
        ports: cfg.ports,
        indices: missing,
      });
    }
    await env.route({ [oldSlot]: 100 }, Math.min(budget, ROUTER_SWITCH_MS));
    env.state.active_slot = oldSlot;
    env.save();
    const v = await waitForVersion(cfg.versionSource, previousVersion, {
      timeoutMs: Math.min(budget, cfg.versionTimeoutMs),
      read: this.checks.readVersion,
      pollMs: cfg.versionPollMs,
    });
    if (!v.ok)
      throw new StageError(
        `rollback: ${versionMismatchMessage(cfg.versionSource, previousVersion, v.seen, v.elapsedMs)}`,
      );
    await env.stopSlot(this.newSlot, `rolled back (${why})`);
    this.result.rollbackMs = Date.now() - r0;
    this.timeline.mark('rolled-back', `${previousVersion} serves again (${formatDuration(this.result.rollbackMs)})`);
  }

  /** The deployment in state.json's history (newest first, the last 20). */
  record(): void {
    const { cfg, env, result } = this;
    env.state.deployments.unshift({
      version: cfg.version,
      slot: this.newSlot,
      status: result.status,
      strategy: cfg.strategy,
      at: new Date().toISOString(),
      ...(this.previousVersion ? { previous_version: this.previousVersion } : {}),
    });
    env.state.deployments = env.state.deployments.slice(0, 20);
    env.save();
  }
}
