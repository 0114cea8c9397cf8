/** The release action: parse the inputs, run the release steps, report (outputs, job summary). */
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { confinePath, escapeLogText, StageError } from '@release-actions/shared';
import {
  groupsOf,
  type InputValues,
  runStage,
  sharedPathList,
  type StageContext,
} from '@release-actions/shared/action';
import { Git } from '@release-actions/shared/git';
import { exec } from '@release-actions/shared/publish';
import { GitBranchStatusStore } from '@release-actions/shared/status';
import { action } from './inputs.js';
import { ReleaseFailure, type ReleaseConfig, runRelease } from './release.js';
import { releaseTags } from './steps/commit-tag-push.js';
import { renderPlan, writeNothingSummary, writeSummary } from './report.js';

type Inputs = InputValues<typeof action.inputs>;

/**
 * Test-only fault injection: RELEASE_ACTIONS_FAULT=exit-after:<step> kills this process (SIGKILL, no cleanup, no
 * outputs) right after the named step, as a runner losing the job would. Never set it in a real workflow.
 */
export function faultHook(env: NodeJS.ProcessEnv): ((step: string) => void) | undefined {
  const spec = env.RELEASE_ACTIONS_FAULT;
  const m = spec ? /^exit-after:(.+)$/.exec(spec.trim()) : null;
  if (!m) return undefined;
  const target = m[1];
  return (step) => {
    if (step === target) process.kill(process.pid, 'SIGKILL');
  };
}

function readNotes(inputs: Inputs, workspace: string, runnerTemp: string): string {
  if (inputs.notes.trim()) return inputs.notes;
  if (!inputs.notes_file) return '';
  // Real path, links followed: a committed `NOTES.md -> /proc/self/environ` must never reach a public release.
  // Only an absolute path (the workflow's downloaded artifact) may be in RUNNER_TEMP: a relative one, a file of
  // the repository, stays in the workspace.
  const extraRoots = isAbsolute(inputs.notes_file) ? [{ path: runnerTemp, name: 'RUNNER_TEMP' }] : [];
  return readFileSync(confinePath(workspace, inputs.notes_file, { input: 'notes_file', extraRoots }), 'utf8');
}

async function release(inputs: Inputs, ctx: StageContext): Promise<void> {
  const { runner, env, log } = ctx;
  const workspace = runner.workspace;
  if (inputs.registry_password) ctx.mask(inputs.registry_password);
  if (inputs.announce_webhook_url) ctx.mask(inputs.announce_webhook_url);
  if (env.NODE_AUTH_TOKEN) ctx.mask(env.NODE_AUTH_TOKEN);
  // A password in npm_registry_url is redacted wherever the URL is shown; masked too, should it appear alone.
  const registryPassword = inputs.npm_registry_url ? new URL(inputs.npm_registry_url).password : '';
  if (registryPassword) ctx.mask(decodeURIComponent(registryPassword));
  const cfg: ReleaseConfig = {
    versionBump: inputs.version_bump,
    releaseMode: inputs.release_mode,
    releaseBranch: inputs.release_branch,
    releaseType: inputs.release_type,
    registries: inputs.publish_registries,
    version: inputs.version,
    tagPrefix: inputs.tag_prefix,
    prereleaseId: inputs.prerelease_id,
    ...(inputs.initial_version ? { initialVersion: inputs.initial_version } : {}),
    notes: readNotes(inputs, workspace, runner.runnerTemp),
    testCommand: inputs.test_command,
    buildCommand: inputs.build_command,
    npmRegistryUrl: inputs.npm_registry_url,
    npmDistTag: inputs.npm_dist_tag,
    npmAccess: (inputs.npm_access || undefined) as ReleaseConfig['npmAccess'],
    provenance: inputs.provenance,
    dockerImages: inputs.docker_images,
    dockerContext: inputs.docker_context,
    dockerfile: inputs.dockerfile,
    dockerBuildArgs: inputs.docker_build_args,
    registryCredentials:
      inputs.registry_username && inputs.registry_password
        ? { username: inputs.registry_username, password: inputs.registry_password }
        : undefined,
    updateMajorTag: inputs.update_major_tag,
    versionFiles: inputs.version_files,
    assets: inputs.assets,
    announceWebhookUrl: inputs.announce_webhook_url,
    announceFormat: inputs.announce_format,
    verifyTimeoutMs: inputs.verify_timeout,
    attest: inputs.attest,
    sigstore: {
      fulcioUrl: inputs.fulcio_url.replace(/\/$/, ''),
      rekorUrl: inputs.rekor_url === 'none' ? undefined : inputs.rekor_url.replace(/\/$/, ''),
      tsaUrl: inputs.tsa_url ? inputs.tsa_url.replace(/\/$/, '') : undefined,
      // A file is read from the checkout (links resolved, confined); a URL is fetched.
      trustedRoot:
        inputs.trusted_root && !/^https?:/.test(inputs.trusted_root)
          ? confinePath(workspace, inputs.trusted_root, { input: 'trusted_root' })
          : inputs.trusted_root || undefined,
    },
    dryRun: inputs.dry_run,
    versioning: inputs.versioning,
    tagFormat: inputs.tag_format,
    sharedPaths: sharedPathList(inputs.shared_paths),
    groups: groupsOf(inputs),
    githubRelease: inputs.github_release,
  };
  const git = new Git(workspace, { log }).withToken(runner.serverUrl, inputs.token);
  const notCheckout = await git.checkoutProblem();
  if (notCheckout) throw new StageError(notCheckout);
  // Octokit (and undici) loaded once the inputs are valid: a bad-input run exits without paying for them.
  const { createGitHubClient } = await import('@release-actions/shared/github');
  const gh = createGitHubClient({
    token: inputs.token,
    apiUrl: runner.apiUrl,
    graphqlUrl: runner.graphqlUrl,
    log,
    retryAfterBaseSeconds: Number(env.RELEASE_ACTIONS_RETRY_BASE_SECONDS ?? 1),
  });
  const store = new GitBranchStatusStore({ git, branch: inputs.status_branch, log });
  let outcome;
  try {
    outcome = await runRelease(cfg, {
      git,
      gh,
      exec,
      fetch,
      log,
      store,
      env,
      workspace,
      runnerTemp: runner.runnerTemp,
      owner: runner.owner,
      repo: runner.repo,
      serverUrl: runner.serverUrl,
      runId: runner.runId,
      runAttempt: runner.runAttempt,
      runUrl: runner.runUrl,
      fault: faultHook(env),
      mask: ctx.mask,
    });
  } catch (e) {
    if (e instanceof ReleaseFailure) {
      writeSummary(ctx.summary, {
        status: 'failed',
        plan: e.plan,
        steps: e.steps,
        published: [],
        runAttempt: runner.runAttempt,
        error: e.message,
      });
      ctx.setOutput('status', 'failed');
      if (e.plan) {
        ctx.setOutput('version', e.plan.version);
        ctx.setOutput('tag', e.plan.tag);
        ctx.setOutput('previous_version', e.plan.previousVersion ?? '');
      }
    }
    throw e;
  }
  if (outcome.status === 'nothing-to-release') {
    // A scheduled release train with nothing releasable ends quietly: exit 0, a notice, outputs set.
    ctx.notice(`Nothing to release: ${outcome.reason}.`, { title: 'release' });
    ctx.setOutput('version', '');
    ctx.setOutput('previous_version', outcome.previousVersion ?? '');
    ctx.setOutput('tag', '');
    ctx.setOutput('release_url', '');
    ctx.setOutput('release_id', '');
    ctx.setOutput('published', []);
    ctx.setOutput('status', outcome.status);
    ctx.setOutput('released', 'false');
    writeNothingSummary(ctx.summary, outcome);
    return;
  }
  const { plan } = outcome;
  if (outcome.status === 'dry-run') log.info(`dry run: the plan (nothing was changed)\n${renderPlan(plan)}`);
  ctx.setOutput('version', plan.version);
  ctx.setOutput('previous_version', plan.previousVersion ?? '');
  ctx.setOutput('tag', plan.tag);
  ctx.setOutput('release_url', outcome.release?.url ?? '');
  ctx.setOutput('release_id', outcome.release ? String(outcome.release.id) : '');
  ctx.setOutput('published', outcome.published);
  ctx.setOutput('status', outcome.status);
  ctx.setOutput('released', outcome.status === 'released' ? 'true' : 'false');
  const pr = outcome.pullRequest;
  ctx.setOutput('pull_request_number', pr ? String(pr.number) : '');
  ctx.setOutput('pull_request_url', pr?.url ?? '');
  ctx.setOutput('pull_request_change', pr?.change ?? '');
  if (pr) {
    // The later jobs (deploy) skip: say why where the run is looked at.
    ctx.notice(
      `Release pull request #${pr.number} ${pr.change} (${escapeLogText(releaseTags(plan).join(', '))}): ${pr.url}. Nothing was tagged, published or deployed in this run; merging it releases.`,
      { title: 'release' },
    );
  }
  writeSummary(ctx.summary, {
    status: outcome.status,
    plan,
    steps: outcome.steps,
    releaseUrl: outcome.release?.url,
    ...(pr ? { pullRequest: pr } : {}),
    published: outcome.published,
    statusLocation: outcome.statusLocation,
    runAttempt: runner.runAttempt,
    attested: outcome.status === 'released' ? outcome.attested : undefined,
    repository: `${runner.owner}/${runner.repo}`,
  });
  if (outcome.status === 'unverified') {
    throw new StageError(
      'published, not yet visible: the registry does not show every package yet; the GitHub Release stays a draft. Re-run this job to finish (nothing is published twice).',
    );
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(action, release, env);
}
