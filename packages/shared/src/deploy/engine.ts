/**
 * The deploy engine: the slots of an environment (Environment: start, stop, route, retire) and the order of a
 * deploy (deploy()). A deploy goes through explicit states (timeline.ts), each with a deadline (deadline.ts), never
 * past the deploy's `timeout`:
 *
 *   prepare → strategy (strategies/: start the new slot, smoke it before any traffic, move traffic, version check
 *   through the router) → monitor → succeeded (previous slot kept or stopped), or → aborted / rolling-back →
 *   rolled-back / failed (run.ts).
 *
 * Traffic never moves before the new slot is healthy and its smoke tests pass; a failure before traffic moved
 * tears the new slot down and leaves the old one serving; a failure after is rolled back (when allowed).
 */
import { errorMessage } from '../util/errors.js';
import { freePort } from '../util/net.js';
import type { DeployConfig, DeployResult, EngineDeps } from './config.js';
import { START_GRACE_MS, STOP_DEADLINE_MS, withDeadline } from './deadline.js';
import { describeRoutes } from './routers.js';
import { DeployRun } from './run.js';
import type { DeployState } from './state.js';
import { STRATEGIES } from './strategies/index.js';
import { Timeline } from './timeline.js';
import type { Instance, RouteTarget, SlotName } from './types.js';

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

/** Shared by deploy and rollback: the engine's view of one environment (its slots and their routing). */
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
      const inst = await withDeadline(`starting ${slot}#${index}`, o.startTimeoutMs + START_GRACE_MS, () =>
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
        await withDeadline(`stopping ${slot}#${inst.index}`, STOP_DEADLINE_MS, () => this.deps.workload.stop(inst));
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

  /** Traffic by slot weight, split evenly across each slot's instances, or to explicit targets (rolling). */
  async route(
    weights: Partial<Record<SlotName, number>>,
    timeoutMs: number,
    targets: RouteTarget[] = routesFor(weights, this.state),
  ): Promise<void> {
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
  const env = new Environment(deps, cfg.environment, new Timeline(deps.log, deps.onEvent));
  await env.retireExpired();
  const run = new DeployRun(cfg, deps, env);
  const again = await run.alreadyServing();
  if (again) return again; // a re-run: verified, not redeployed, not recorded twice
  const strategy = STRATEGIES[cfg.strategy];
  try {
    // Make room: the idle slot may still hold an older kept version.
    if (env.state.slots[run.newSlot]?.instances.length)
      await env.stopSlot(run.newSlot, 'making room for the new version');
    await strategy.shift(run);
    env.state.active_slot = run.newSlot;
    env.save();
    if (!strategy.keepsPrevious && run.oldSlot)
      await env.stopSlot(run.oldSlot, `${cfg.strategy}: the old version is not kept`);
    await run.monitorWindow();
    await run.settle();
  } catch (e) {
    await run.recover(e);
  }
  run.record();
  return run.result;
}
