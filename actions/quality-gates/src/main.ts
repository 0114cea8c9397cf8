/** The quality-gates action: parse the inputs, run the stage, report. */
import { NotImplementedError, runStage } from '@release-actions/shared/action';
import { action } from './inputs.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(
    action,
    async () => {
      throw new NotImplementedError('quality-gates');
    },
    env,
  );
}
