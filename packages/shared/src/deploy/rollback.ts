/**
 * The rollback action's engine: back to `toVersion`, a router switch only when a slot still runs it (instant), else
 * started again through the workload in the idle slot; then the version check, and the slot that was serving is
 * stopped. (A deploy's automatic rollback is DeployRun.recover in run.ts.)
 */
import { formatDuration } from '../util/duration.js';
import { errorMessage, StageError } from '../util/errors.js';
import type { EngineDeps } from './config.js';
import { ROUTER_SWITCH_MS, withDeadline } from './deadline.js';
import { Environment } from './engine.js';
import { servingVersion } from './state.js';
import { Timeline, type TimelineEvent } from './timeline.js';
import { otherSlot, type SlotName } from './types.js';
import { readVersion, type VersionSource, versionMismatchMessage, waitForVersion } from './version.js';

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
      await env.route({ [target]: 100 }, ROUTER_SWITCH_MS);
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
