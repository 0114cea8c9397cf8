/** The deploy action: parse the inputs, run the strategy engine, record the deployment (GitHub, status record), report. */
import { type InputValues, optionalGitHubClient, runStage, type StageContext } from '@release-actions/shared/action';
import {
  acquireLock,
  buildTarget,
  deploy,
  type DeployConfig,
  openDeploymentRecords,
  deploySummary,
  type Strategy,
  type Target,
} from '@release-actions/shared/deploy';
import { errorMessage, StageError } from '@release-actions/shared';
import { action } from './inputs.js';

type Values = InputValues<typeof action.inputs>;

export async function impl(v: Values, ctx: StageContext): Promise<void> {
  const { log, runner } = ctx;
  const version = v.version;
  const environment = v.environment;
  const target = buildTarget(v, { environment, workspace: runner.workspace, runnerTemp: runner.runnerTemp, log });
  const healthPath = v.health_url ? new URL(v.health_url.replace(/\{[a-z]+\}/g, '0')).pathname : '/';
  const cfg: DeployConfig = {
    version,
    environment,
    strategy: v.deployment_strategy as Strategy,
    runSmokeTests: v.run_smoke_tests,
    smokeTests: v.smoke_tests ?? [{ path: healthPath, expect_status: 200 }],
    rollbackOnFailure: v.rollback_on_failure,
    canarySteps: v.canary_steps.map(Number),
    stepDurationMs: v.step_duration,
    monitor: {
      durationMs: v.monitor_duration,
      intervalMs: v.monitor_interval,
      probeUrl: v.probe_url,
      probeRequests: v.probe_requests,
      maxErrorRate: v.max_error_rate,
      maxP95Ms: v.max_p95_ms,
      prometheusUrl: v.prometheus_url,
      prometheusQueries: v.prometheus_queries,
      onNoData: v.on_no_data,
      minSamples: v.min_samples,
      progressEveryMs: 60_000,
    },
    versionSource: {
      url: v.version_url as string,
      jsonPath: v.version_json_path || undefined,
      header: v.version_header || undefined,
    },
    instances: v.instances,
    batchSize: v.batch_size,
    keepPreviousMs: v.keep_previous,
    timeoutMs: v.timeout,
    startTimeoutMs: v.start_timeout,
    smokeTimeoutMs: v.smoke_timeout,
    versionTimeoutMs: v.version_timeout,
    ports: target.ports,
  };

  // One deploy or rollback of this environment and state_dir at a time: two at once would both read state.json,
  // start instances nobody tracks and route to whichever finished last.
  const lock = await acquireLock({
    dir: target.stateFile.dir,
    environment,
    runId: runner.runId,
    what: `deploy of ${version}`,
    timeoutMs: v.lock_timeout,
    log,
  });
  try {
    await deployLocked(v, ctx, cfg, target);
  } finally {
    lock.release();
  }
}

/** The deploy itself, under the environment's lock: GitHub deployment, status record, the engine, the report. */
async function deployLocked(v: Values, ctx: StageContext, cfg: DeployConfig, target: Target): Promise<void> {
  const { log, runner } = ctx;
  const { version, environment } = cfg;
  // GitHub deployment and status record.
  const gh = await optionalGitHubClient(v.token, ctx, log, 'no GitHub deployment is created');
  const { deployments, recorder } = await openDeploymentRecords(v, {
    gh,
    runner,
    log,
    environmentUrl: v.environment_url,
  });
  const previous = target.stateFile.read(environment);
  const previousVersion = previous.active_slot ? previous.slots[previous.active_slot]?.version : undefined;

  let deploymentId: number | undefined;
  if (deployments) {
    deploymentId = await deployments.create({
      ref: v.ref || runner.sha || `v${version}`,
      environment,
      description: `${cfg.strategy} of ${version}`,
      payload: {
        version,
        strategy: cfg.strategy,
        ...(previousVersion ? { previous_version: previousVersion } : {}),
        ...(v.image_digest ? { image_digest: v.image_digest } : {}),
      },
    });
    await deployments.status(deploymentId, 'in_progress', `${cfg.strategy} of ${version} started`);
  }
  await recorder.started({
    version,
    environment,
    strategy: cfg.strategy,
    runId: runner.runId,
    deploymentId,
    previousVersion,
  });

  const result = await deploy(cfg, {
    workload: target.workload,
    router: target.router,
    stateFile: target.stateFile,
    log,
  });

  if (deployments && deploymentId !== undefined) {
    try {
      if (result.status === 'succeeded' || result.status === 'inconclusive') {
        await deployments.status(
          deploymentId,
          'success',
          result.status === 'inconclusive' ? `inconclusive: ${result.reason}` : `${version} serves`,
        );
      } else {
        await deployments.status(deploymentId, 'failure', result.reason.split('\n')[0] as string);
        if (result.rolledBack && result.previousVersion) {
          const restored = await deployments
            .create({
              ref: `v${result.previousVersion}`,
              environment,
              description: `rollback to ${result.previousVersion}`,
              payload: { version: result.previousVersion, rollback_of: version },
            })
            .catch(async (e: unknown) => {
              log.warning(
                `deployment for the restored version at v${result.previousVersion} not created (${errorMessage(e)}); using the run's commit`,
              );
              return deployments.create({
                ref: runner.sha,
                environment,
                description: `rollback to ${result.previousVersion}`,
                payload: { version: result.previousVersion as string, rollback_of: version },
              });
            });
          await deployments.status(restored, 'success', `rolled back to ${result.previousVersion}`);
        }
      }
    } catch (e) {
      log.warning(`GitHub deployment status not updated: ${errorMessage(e)}`);
    }
  }
  await recorder.finished({
    version,
    environment,
    runId: runner.runId,
    status: result.status,
    activeSlot: result.activeSlot,
    rolledBack: result.rolledBack,
    previousVersion: result.previousVersion,
    timeline: result.timeline,
    reason: result.reason,
  });
  const st = target.stateFile.read(environment);
  if (st.deployments[0] && deploymentId !== undefined) st.deployments[0].deployment_id = deploymentId;
  target.stateFile.write(st);

  ctx.setOutput('status', result.status);
  ctx.setOutput('active_slot', result.activeSlot ?? '');
  ctx.setOutput('previous_version', result.previousVersion ?? '');
  ctx.setOutput('deployment_id', deploymentId !== undefined ? String(deploymentId) : '');
  ctx.setOutput('rolled_back', String(result.rolledBack));
  // One line: the rollback job hands it to the incident issue (an output is one value in a file command).
  ctx.setOutput('reason', result.status === 'succeeded' ? '' : (result.reason.split('\n')[0] ?? ''));
  deploySummary(ctx.summary, {
    version,
    environment,
    strategy: cfg.strategy,
    result,
    deploymentId,
    requests: gh?.requestCount,
  });
  if (result.status === 'inconclusive') log.warning(`deploy of ${version} is inconclusive: ${result.reason}`);
  if (result.status === 'failed' || result.status === 'rolled-back') {
    throw new StageError(
      `deploy of ${version} to ${environment} ${result.status === 'rolled-back' ? 'was rolled back' : 'failed'}: ${result.reason}`,
    );
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(action, impl, env);
}
