/**
 * rolling: new instances batch by batch (`batch_size`), each batch healthy before the old instances it replaces
 * leave the router and stop; the first batch is smoke-tested before any traffic reaches it. Every live instance,
 * old and new, takes an equal share meanwhile; the version is checked once all are replaced.
 */
import { Failure, type DeployRun } from '../run.js';
import type { RouteTarget } from '../types.js';
import type { DeployStrategy } from './index.js';

async function shift(run: DeployRun): Promise<void> {
  const { cfg, env, oldSlot, newSlot, timeline } = run;
  const n = cfg.instances;
  const b = Math.max(1, Math.min(cfg.batchSize, n));
  for (let first = 0; first < n; first += b) {
    const indices = Array.from({ length: Math.min(b, n - first) }, (_, i) => first + i);
    timeline.mark('rolling-batch', `instances ${indices.join(',')} of ${n}`);
    const insts = await run.startNew(indices);
    if (first === 0) await run.smoke(insts);
    // Traffic: every live instance, old and new, weight 1 each (the old ones being replaced left out).
    const targets: RouteTarget[] = [];
    for (const slot of [oldSlot, newSlot]) {
      if (!slot) continue;
      for (const i of env.state.slots[slot]?.instances ?? []) {
        if (slot === oldSlot && indices.includes(i.index)) continue;
        targets.push({ slot, index: i.index, port: i.port, weight: 1 });
      }
    }
    const newPct = Math.round(((env.state.slots[newSlot]?.instances.length ?? 0) / n) * 100);
    await run.route({ [newSlot]: newPct, ...(oldSlot ? { [oldSlot]: 100 - newPct } : {}) }, targets);
    if (oldSlot) await env.stopSlot(oldSlot, 'replaced by the new version', indices);
    // Health gate: the new instances still healthy with traffic on them.
    const alive = await Promise.all(insts.map((i) => run.deps.workload.alive(i)));
    if (!alive.every(Boolean))
      throw new Failure(`rolling: instance(s) of ${cfg.version} unhealthy after taking traffic`, true);
    timeline.mark(
      'batch-healthy',
      `${env.state.slots[newSlot]?.instances.length ?? 0}/${n} instances run ${cfg.version}`,
    );
  }
  await run.checkVersion('rolled');
}

export const rolling: DeployStrategy = { shift, keepsPrevious: true };
