/**
 * canary: the new slot started and smoke-tested, then traffic moved step by step (`canary_steps`); each step below
 * 100 % is analysed for `step_duration` (probes on the canary itself, Prometheus queries) before the next one, and
 * a breach (or no data) fails the deploy, which rolls back. At 100 % the version is checked and it is promoted.
 */
import { StageError } from '../../util/errors.js';
import { Failure, type DeployRun } from '../run.js';
import type { SlotName } from '../types.js';
import type { DeployStrategy } from './index.js';

async function shift(run: DeployRun): Promise<void> {
  const { cfg, oldSlot, newSlot, result, timeline } = run;
  // Checked before anything starts: without a 100 % step the canary would never be promoted.
  if (!cfg.canarySteps.includes(100)) throw new StageError('canary_steps must end at 100');
  const insts = await run.startNew();
  await run.smoke(insts);
  for (const pct of cfg.canarySteps) {
    const weights: Partial<Record<SlotName, number>> =
      pct >= 100 || !oldSlot ? { [newSlot]: 100 } : { [oldSlot]: 100 - pct, [newSlot]: pct };
    const s0 = Date.now();
    await run.route(weights);
    timeline.mark('canary-step', `${pct}% to ${cfg.version}`);
    if (pct >= 100) {
      await run.checkVersion('canary promoted');
      result.switchMs = Date.now() - s0;
      timeline.mark('promoted', `${cfg.version} takes all traffic`);
      return;
    }
    const probe = insts[0] ? run.directProbe(insts[0]) : undefined;
    const a = await run.analyse(`canary ${pct}%`, cfg.stepDurationMs, probe);
    result.canary.push({ percent: pct, analysis: a });
    if (a.verdict === 'breached' || a.verdict === 'no-data')
      throw new Failure(`canary analysis at ${pct}% failed: ${a.reason}`, true);
    timeline.mark('analysis-passed', `${pct}%: ${a.reason}`);
  }
}

export const canary: DeployStrategy = { shift, keepsPrevious: true };
