/** The rollback action: find the version to go back to, switch (or redeploy), record it everywhere, report. */
import { type InputValues, optionalGitHubClient, runStage, type StageContext } from '@release-actions/shared/action';
import {
  acquireLock,
  buildTarget,
  type DeploymentRecorder,
  type EarlierRollback,
  openDeploymentRecords,
  type EnvironmentLock,
  dockerTagLatest,
  earlierRollback,
  fileIncident,
  incidentIssue,
  npmDistTagLatest,
  rollback,
  servingVersion,
  type Target,
  timelineGantt,
  timelineTable,
  versionMismatchMessage,
  waitForVersion,
} from '@release-actions/shared/deploy';
import type { GitHubClient } from '@release-actions/shared/github';
import { isSemver, lastGoodVersion } from '@release-actions/shared/status';
import { commandSafeLogger, errorMessage, logText, quoteLogValue, StageError } from '@release-actions/shared';
import { action } from './inputs.js';

type Values = InputValues<typeof action.inputs>;

export async function impl(v: Values, ctx: StageContext): Promise<void> {
  const { runner } = ctx;
  // Versions, reasons and errors from the record, git and the GitHub API reach this log: none may form a command.
  const log = commandSafeLogger(ctx.log);
  const environment = v.environment;
  const target = buildTarget(v, { environment, workspace: runner.workspace, runnerTemp: runner.runnerTemp, log });
  if (v.npm_token) ctx.mask(v.npm_token);
  if (v.registry_password) ctx.mask(v.registry_password);

  const gh = await optionalGitHubClient(v.token, ctx, log, 'GitHub deployments are not updated');
  // The token itself is checked with the inputs; a run outside a repository has none to open the issue in.
  if (v.incident_issue && !gh)
    throw new StageError('incident_issue: true needs a GitHub repository (GITHUB_REPOSITORY) to open the issue in.');
  // One deploy or rollback of this environment and state_dir at a time: two rollbacks at once would both start
  // the old version, one copy untracked, and both record a rollback.
  const lock = await acquireLock({
    dir: target.stateFile.dir,
    environment,
    runId: runner.runId,
    what: `rollback${v.to_version ? ` to ${v.to_version}` : ''}`,
    timeoutMs: v.lock_timeout,
    log,
  });
  try {
    await rollbackLocked(v, ctx, target, gh, lock);
  } finally {
    lock.release();
  }
}

/** The rollback itself, under the environment's lock: choose the version, switch or restart, record, report. */
async function rollbackLocked(
  v: Values,
  ctx: StageContext,
  target: Target,
  gh: GitHubClient | undefined,
  lock: EnvironmentLock,
): Promise<void> {
  const { log, runner } = ctx;
  const environment = v.environment;
  const { deployments, recorder } = await openDeploymentRecords(v, { gh, runner, log });
  const doc = await recorder.read();
  const state = target.stateFile.read(environment);
  const from = servingVersion(state);

  // Started while another run rolled this environment back (the same incident, two people): that rollback is the
  // one asked for; a second would go one version further back.
  const meanwhile = lock.waitedFor ? state.deployments[0] : undefined;
  if (
    meanwhile?.strategy === 'rollback' &&
    meanwhile.status === 'rolled-back' &&
    Date.parse(meanwhile.at) >= lock.requestedAt &&
    (!v.to_version || v.to_version.replace(/^v/, '') === from)
  ) {
    const by = `run ${lock.waitedFor?.run_id} (${lock.waitedFor?.what})`;
    log.warning(`${environment} was rolled back to ${from} by ${by} while this run waited for it: nothing more to do`);
    ctx.setOutput('version', from ?? '');
    ctx.setOutput('status', 'rolled-back');
    ctx.setOutput('incident_issue_url', '');
    ctx.summary.heading(`↩️ rollback of ${environment}: already rolled back to ${from} by ${by}`);
    return;
  }

  // Already back on the version a rollback would restore (the deploy rolled itself back on a breach, or this is
  // a re-run): confirm it serves, file the incident, start nothing.
  const earlier = earlierRollback(state, v.to_version?.replace(/^v/, ''));
  if (earlier) {
    await confirmEarlier(v, ctx, gh, doc, earlier);
    return;
  }

  // The version to go back to: named, else the last good one in the status record, GitHub, the slot history.
  let toVersion = v.to_version;
  let source = 'to_version';
  if (!toVersion && doc) {
    toVersion = lastGoodVersion(doc, environment, from);
    source = 'the status record';
  }
  if (!toVersion && deployments) {
    toVersion = (await deployments.lastGoodVersion(environment, from))?.version;
    source = 'GitHub deployments';
  }
  if (!toVersion) {
    toVersion = state.deployments.find((d) => d.version !== from && d.status === 'succeeded')?.version;
    source = 'the slot history';
  }
  if (!toVersion)
    throw new StageError(
      `no version to roll back ${environment} to: none named (to_version) and no earlier successful deployment recorded`,
    );
  // The status record's entries are validated as they are read; GitHub's payloads and the slot history likewise.
  if (!isSemver(toVersion))
    throw new StageError(
      `the version to roll back ${environment} to, read from ${source}, is ${quoteLogValue(toVersion)}, not a semantic version; refused: nothing was started. Name one with to_version, or fix ${source}.`,
    );
  log.info(logText`rolling ${environment} back from ${from ?? '(unknown)'} to ${toVersion} (from ${source})`);

  const result = await rollback(
    {
      environment,
      toVersion,
      versionSource: v.version_url
        ? { url: v.version_url, jsonPath: v.version_json_path || undefined, header: v.version_header || undefined }
        : undefined,
      instances: v.instances,
      startTimeoutMs: v.start_timeout,
      versionTimeoutMs: v.version_timeout,
      timeoutMs: v.timeout,
      ports: target.ports,
    },
    { workload: target.workload, router: target.router, stateFile: target.stateFile, log },
  );
  if (!v.version_url) log.warning('no version_url: the restored version was not checked through the router');
  const ok = result.status === 'rolled-back';

  let deploymentId: number | undefined;
  if (deployments) {
    try {
      if (from && ok) {
        const failedId = await deployments.find(environment, from);
        if (failedId)
          await deployments.status(
            failedId,
            'failure',
            `rolled back to ${toVersion}${v.reason ? `: ${v.reason}` : ''}`,
          );
      }
      const payload = { version: toVersion, ...(from ? { rollback_of: from, previous_version: from } : {}) };
      deploymentId = await deployments
        .create({ ref: `v${toVersion}`, environment, description: `rollback to ${toVersion}`, payload })
        .catch(() =>
          deployments.create({ ref: runner.sha, environment, description: `rollback to ${toVersion}`, payload }),
        );
      await deployments.status(
        deploymentId,
        ok ? 'success' : 'failure',
        ok ? `rolled back to ${toVersion}` : result.reason,
      );
    } catch (e) {
      log.warning(`GitHub deployments not updated: ${errorMessage(e)}`);
    }
  }
  await recorder.rolledBack({
    from,
    to: toVersion,
    environment,
    runId: runner.runId,
    ok,
    reason: v.reason || result.reason,
    deploymentId,
    timeline: result.timeline,
  });

  const extra: string[] = [];
  if (ok && v.npm_dist_tag_revert) {
    await npmDistTagLatest({
      pkg: v.npm_package,
      version: toVersion,
      registry: v.npm_registry_url,
      token: v.npm_token,
      tempDir: runner.runnerTemp,
      log,
    });
    extra.push(`npm ${v.npm_package} latest → ${toVersion}`);
  }
  if (ok && v.docker_tag_revert) {
    const t = await dockerTagLatest({
      image: v.docker_image,
      version: toVersion,
      credentials: v.registry_username ? { username: v.registry_username, password: v.registry_password } : undefined,
      log,
    });
    extra.push(`${v.docker_image} latest → ${toVersion} (${t.digest.slice(0, 19)}…)`);
  }
  let issueUrl = '';
  if (v.incident_issue && gh) {
    const issue = incidentIssue({
      environment,
      from,
      to: toVersion,
      reason: v.reason,
      doc,
      rollbackTimeline: result.timeline,
      runUrl: runner.runUrl,
      repoUrl: `${runner.serverUrl}/${runner.repository}`,
      deploymentId,
    });
    const comment = `Rolled back again to ${toVersion} by ${runner.runUrl}.`;
    issueUrl = (await fileIncident(gh, { owner: runner.owner, repo: runner.repo }, issue, comment, log)).url;
  }

  ctx.setOutput('version', ok ? toVersion : (from ?? ''));
  ctx.setOutput('status', result.status);
  ctx.setOutput('incident_issue_url', issueUrl);
  const s = ctx.summary;
  s.heading(`${ok ? '↩️' : '❌'} rollback of ${environment}: ${from ?? '?'} → ${toVersion}: ${result.status}`);
  s.table(
    ['', ''],
    [
      ['version chosen from', source],
      ['instant (router switch only)', result.instant ? 'yes' : 'no'],
      ['switch time', result.switchMs !== undefined ? `${result.switchMs}ms` : '-'],
      ['reason', result.reason],
      ['GitHub deployment', deploymentId ?? '-'],
      ['registry tags', extra.join('; ') || '-'],
      ['incident issue', issueUrl || '-'],
    ],
  );
  s.mermaid(timelineGantt(`rollback to ${toVersion}`, result.timeline));
  timelineTable(s, result.timeline);
  if (!ok) throw new StageError(`rollback of ${environment} to ${toVersion} failed: ${result.reason}`);
}

/**
 * The environment is already back on `earlier.to`: checked through the router (version_url), nothing started or
 * recorded again (the deploy recorded its own rollback); the incident issue opened, or commented on when open.
 */
async function confirmEarlier(
  v: Values,
  ctx: StageContext,
  gh: GitHubClient | undefined,
  doc: Awaited<ReturnType<DeploymentRecorder['read']>>,
  earlier: EarlierRollback,
): Promise<void> {
  const { runner } = ctx;
  const log = commandSafeLogger(ctx.log);
  const environment = v.environment;
  log.info(
    logText`${environment} already serves ${earlier.to}: rolled back from ${earlier.from} by ${earlier.by} at ${earlier.at}; nothing to start`,
  );
  if (v.version_url) {
    const src = {
      url: v.version_url,
      jsonPath: v.version_json_path || undefined,
      header: v.version_header || undefined,
    };
    const seen = await waitForVersion(src, earlier.to, { timeoutMs: v.version_timeout });
    if (!seen.ok)
      throw new StageError(
        `${environment} is recorded as rolled back to ${earlier.to} by ${earlier.by}, but ${versionMismatchMessage(src, earlier.to, seen.seen, seen.elapsedMs)}; nothing was started. Name the version to restore with to_version to start it again.`,
      );
    log.info(logText`${earlier.to} serves through the router (${v.version_url})`);
  } else log.warning('no version_url: the version serving was not checked through the router');

  let issueUrl = '';
  if (v.incident_issue && gh) {
    const issue = incidentIssue({
      environment,
      from: earlier.from,
      to: earlier.to,
      reason: v.reason,
      doc,
      rollbackTimeline: [],
      runUrl: runner.runUrl,
      repoUrl: `${runner.serverUrl}/${runner.repository}`,
      rolledBackBy: `${earlier.by} at ${earlier.at}`,
    });
    const comment = `The rollback to ${earlier.to} was confirmed again by ${runner.runUrl}: ${earlier.to} serves.`;
    issueUrl = (await fileIncident(gh, { owner: runner.owner, repo: runner.repo }, issue, comment, log)).url;
  }
  ctx.setOutput('version', earlier.to);
  ctx.setOutput('status', 'rolled-back');
  ctx.setOutput('incident_issue_url', issueUrl);
  const s = ctx.summary;
  s.heading(`↩️ rollback of ${environment}: ${earlier.from} → ${earlier.to}: already rolled back`);
  s.table(
    ['', ''],
    [
      ['what happened', `${earlier.to} already served: nothing was started or switched`],
      ['rolled back by', `${earlier.by}, at ${earlier.at}`],
      ['version checked through the router', v.version_url ? `yes (${earlier.to})` : 'no (no version_url)'],
      ['reason', v.reason || '-'],
      ['incident issue', issueUrl || '-'],
    ],
  );
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(action, impl, env);
}
