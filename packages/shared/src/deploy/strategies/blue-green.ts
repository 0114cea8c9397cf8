/** blue-green: the new slot started and smoke-tested, then all traffic at once; the old slot kept for keep_previous. */
import { formatDuration } from '../../util/duration.js';
import type { DeployRun } from '../run.js';
import type { DeployStrategy } from './index.js';

/** All traffic from the old slot to the new one in one router change (also immediate's switch). */
export async function switchAll(run: DeployRun): Promise<void> {
  const { cfg, newSlot, result, timeline } = run;
  const insts = await run.startNew();
  await run.smoke(insts);
  const s0 = Date.now();
  timeline.mark('switching', `all traffic ${run.oldSlot ?? '(none)'} → ${newSlot}`);
  await run.route({ [newSlot]: 100 });
  await run.checkVersion('switched');
  result.switchMs = Date.now() - s0;
  timeline.mark('switched', `${newSlot} serves ${cfg.version} (${formatDuration(result.switchMs)})`);
}

export const blueGreen: DeployStrategy = { shift: switchAll, keepsPrevious: true };
