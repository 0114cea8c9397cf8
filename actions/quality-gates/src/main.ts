/** The quality-gates action: parse the inputs, run the gates, report (outputs, job summary, exit code). */
import { runStage } from '@release-actions/shared/action';
import { recordGates, renderGatesSummary, runQualityGates, spawnExec } from '@release-actions/shared/gates';
import { Git } from '@release-actions/shared/git';
import { GitBranchStatusStore } from '@release-actions/shared/status';
import { StageError } from '@release-actions/shared';
import { buildConfig } from './config.js';
import { action } from './inputs.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(
    action,
    async (inputs, ctx) => {
      const config = buildConfig(inputs, ctx.runner);
      const report = await runQualityGates(config, { log: ctx.log, exec: spawnExec });
      renderGatesSummary(report, ctx.summary);
      ctx.setOutput('results', report.resultsPath);
      if (report.container) {
        ctx.setOutput('image_id', report.container.imageId);
        ctx.setOutput('image_size_mb', report.container.sizeMb.toFixed(2));
      }
      if (report.mode !== 'shard') ctx.setOutput('passed', String(report.passed));
      if (inputs.status_branch && inputs.version && report.mode !== 'shard') {
        const store = new GitBranchStatusStore({
          git: new Git(ctx.runner.workspace, { log: ctx.log }),
          branch: inputs.status_branch,
          log: ctx.log,
        });
        await recordGates(store, inputs.version, report);
        ctx.log.info(`status: quality_gates of ${inputs.version} recorded in ${store.describe()}`);
        ctx.summary.paragraph(`Verdicts recorded for ${inputs.version} in \`${store.describe()}\`.`);
      }
      const failed = report.verdicts.filter((v) => v.passed === false);
      for (const v of report.verdicts) {
        if (v.passed !== false) ctx.log.info(`${v.gate}: ${v.passed ? 'passed' : 'deferred'}: ${v.reason}`);
      }
      if (failed.length) {
        throw new StageError(`quality gates failed: ${failed.map((v) => `${v.gate}: ${v.reason}`).join(' | ')}`);
      }
    },
    env,
  );
}
