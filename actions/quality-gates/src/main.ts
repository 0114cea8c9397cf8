/** The quality-gates action: parse the inputs, run the gates, report (outputs, job summary, exit code). */
import { type InputValues, runStage, type StageContext } from '@release-actions/shared/action';
import {
  type GatesReport,
  recordGates,
  renderGatesSummary,
  runQualityGates,
  spawnExec,
} from '@release-actions/shared/gates';
import { openStatusStore } from '@release-actions/shared/status';
import { StageError } from '@release-actions/shared';
import { buildConfig } from './config.js';
import { action } from './inputs.js';
import { readRecordedResults } from './record.js';

type Inputs = InputValues<typeof action.inputs>;

/** The verdicts into release-status.yaml on status_branch (pushed with the token when the checkout has none). */
async function record(inputs: Inputs, ctx: StageContext, version: string, report: GatesReport): Promise<void> {
  const store = await openStatusStore(
    { status_branch: inputs.status_branch, status_file: '' },
    { workspace: ctx.runner.workspace, token: inputs.token, serverUrl: ctx.runner.serverUrl, log: ctx.log },
  );
  if (!store)
    throw new StageError(`status: the verdicts of ${version} were not recorded: no git checkout with an origin`);
  await recordGates(store, version, report);
  ctx.log.info(`status: quality_gates of ${version} recorded in ${store.describe()}`);
  ctx.summary.paragraph(`Verdicts recorded for ${version} in \`${store.describe()}\`.`);
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(
    action,
    async (inputs, ctx) => {
      if (inputs.record_results) {
        const recorded = readRecordedResults(inputs, ctx.runner.workspace, ctx.log);
        renderGatesSummary(recorded, ctx.summary);
        await record(inputs, ctx, inputs.version as string, recorded);
        ctx.setOutput('results', recorded.resultsPath);
        ctx.setOutput('passed', String(recorded.passed));
        ctx.log.info(`recorded, not run: the gates ${recorded.passed ? 'passed' : 'failed'} in the run that wrote it`);
        return;
      }
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
        await record(inputs, ctx, inputs.version, report);
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
