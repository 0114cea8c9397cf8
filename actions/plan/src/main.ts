/**
 * The plan action: decide the release type and its effective policy, preview the next version and the notes,
 * and show it all to the approvers in the job summary. It reads local git, the policy file and, with
 * publish_registries, each registry's latest (registries.ts): no git fetch, no push, no GitHub API call, no file
 * written.
 */
import {
  InputProblems,
  type InputValues,
  runStage,
  type StageContext,
  type Summary,
} from '@release-actions/shared/action';
import { Git } from '@release-actions/shared/git';
import type { Fetch } from '@release-actions/shared/publish';
import { changelogPreview, previewRelease, type ReleasePreview } from '@release-actions/shared/plan';
import { nextVersion, rootManifestVersion } from '@release-actions/shared/versioning';
import {
  approvalOrder,
  effectivePolicy,
  loadPolicyFile,
  releaseKind,
  type EffectivePolicy,
} from '@release-actions/shared/policy';
import { logText, StageError } from '@release-actions/shared';
import { action, deployRequested } from './inputs.js';
import { packagesPreview, packagesTable, planIndependent } from './independent.js';
import { preflight } from './preflight.js';
import { checkPackageRegistries, checkRegistries, defaultBranchOf, type RegistryCheck } from './registries.js';

type Inputs = InputValues<typeof action.inputs>;

function policyTable(summary: Summary, p: EffectivePolicy): void {
  const s = p.sources;
  const row = (name: string, value: string, source: string) => [name, value === '' ? '—' : value, source];
  summary.table(
    ['', 'effective', 'from'],
    [
      row('quality gates', p.gates.join(', ') || 'none (smoke tests only)', s.gates),
      row('load profile', p.gates.includes('load-testing') ? p.load_profile : 'n/a', s.load_profile),
      row('smoke tests', p.smoke_tests ? 'required' : 'when run_smoke_tests', s.smoke_tests),
      row('deployment strategy', p.strategy, s.strategy),
      row(
        'canary steps',
        p.strategy === 'canary' ? p.canary_steps.map((n) => `${n}%`).join(' → ') : 'n/a',
        s.canary_steps,
      ),
      row('step duration', p.step_duration, s.step_duration),
      row('monitoring window', p.monitor_duration, s.monitor_duration),
      row('release job environment', p.environments.release, s['environments.release']),
      row('product approval environment', p.environments.product, s['environments.product']),
      row('deploy job environment', p.environments.deploy, s['environments.deploy']),
    ],
  );
}

/** Which stages run and why, for the summary: what the caller configured decides, beside the policy. */
function stageRows(
  p: EffectivePolicy,
  o: {
    gates: string[];
    skipped: { gate: string; because: string }[];
    deploy: boolean;
    preflight: boolean;
    requireDeploy: boolean;
    requireGates: boolean;
  },
): string[][] {
  const left = o.skipped.map((s) => `${s.gate} left out: ${s.because}`).join('; ');
  const forced = o.requireGates && o.preflight ? 'require_quality_gates: true: ' : '';
  const gates = o.gates.length
    ? ['quality gates', 'yes', `${forced}the ${p.kind} policy's ${o.gates.join(', ')}${left ? ` (${left})` : ''}`]
    : ['quality gates', 'no', p.gates.length ? left : `the ${p.kind} policy has no quality gate`];
  const deployBecause = !o.preflight
    ? 'no preflight: the settings are not known here'
    : o.requireDeploy
      ? 'require_deploy: true'
      : 'deploy settings given';
  const rows = [gates, ['changelog', 'yes', 'every release has notes'], ['release', 'yes', `${p.kind} release`]];
  if (!o.deploy)
    rows.push([
      'deploy',
      'no',
      'nothing to deploy: no version_url, deploy_start_command, docker_image or router given (require_deploy: true insists)',
    ]);
  else {
    if (p.environments.product)
      rows.push(['product approval', 'yes', `a ${p.kind} release is deployed after product approves`]);
    rows.push(['deploy', 'yes', `${deployBecause}: ${p.strategy}, monitored ${p.monitor_duration}`]);
  }
  return rows;
}

/** What each registry holds now, beside what this release would publish (latest never moves backwards). */
function registriesTable(summary: Summary, r: RegistryCheck): void {
  if (!r.found.length) return;
  summary.heading('Registries', 3).table(
    ['registry', 'name', 'latest now', 'this release'],
    r.found.map((f) => [
      f.registry,
      `\`${f.name}\``,
      f.latest ?? '(none yet)',
      r.publishes.get(f.name) ?? 'not released',
    ]),
  );
}

function pipelineChart(p: EffectivePolicy, version: string, o: { gates: string[]; deploy: boolean }): string {
  const env = (e: string) => (e ? `<br>⏸ ${e}` : '');
  const lines = [
    'flowchart LR',
    o.gates.length
      ? `  plan["plan<br>${version}"] --> gates["quality gates<br>${o.gates.join(', ')}"] --> changelog`
      : `  plan["plan<br>${version}"] --> changelog`,
    `  changelog --> release["release${env(p.environments.release)}"]`,
  ];
  if (!o.deploy) return lines.join('\n');
  if (p.environments.product) {
    lines.push(`  release --> product["product approval${env(p.environments.product)}"]`);
    lines.push(`  product --> deploy["deploy: ${p.strategy}${env(p.environments.deploy)}"]`);
  } else {
    lines.push(`  release --> deploy["deploy: ${p.strategy}${env(p.environments.deploy)}"]`);
  }
  lines.push(`  deploy --> monitor["monitor ${p.monitor_duration}"]`);
  lines.push('  monitor -. failure .-> rollback');
  return lines.join('\n');
}

export async function plan(inputs: Inputs, ctx: StageContext, deps: { fetch: Fetch } = { fetch }): Promise<void> {
  const { log, summary, runner } = ctx;
  const { file, found } = loadPolicyFile(runner.workspace, inputs.policy_path);
  log.info(found ? `policy file: ${inputs.policy_path}` : `no ${inputs.policy_path}: the default policy applies`);

  const git = new Git(runner.workspace, { log });
  const notCheckout = await git.checkoutProblem();
  if (notCheckout) throw new StageError(notCheckout);
  if (await git.isShallow()) {
    throw new StageError(
      'The plan needs the full history to find the last release tag: check out with actions/checkout `fetch-depth: 0`.',
    );
  }
  const independent =
    inputs.versioning === 'independent' ? await planIndependent(git, runner.workspace, inputs) : undefined;
  const preview: ReleasePreview = independent
    ? independent.preview
    : await previewRelease(git, { tagPrefix: inputs.tag_prefix });
  const previous = independent
    ? "each package's last release"
    : preview.previousTag
      ? `${preview.previousTag}`
      : 'no release yet';
  log.info(`${preview.commits.length} commits since ${previous}; recommended bump: ${preview.recommended}`);
  // Set once the plan stands (nothing to release, or every check passed): a refused plan outputs nothing.
  const previewOutputs = () => {
    ctx.setOutput('versioning', inputs.versioning);
    ctx.setOutput('packages', independent?.packages ?? []);
    ctx.setOutput('previous_version', preview.previousVersion ?? '');
    ctx.setOutput('previous_tag', preview.previousTag ?? '');
    ctx.setOutput('commit_count', String(preview.commits.length));
  };

  const chosen = releaseKind({
    versionBump: inputs.version_bump,
    hotfix: inputs.hotfix,
    recommended: preview.recommended,
  });
  const nothing =
    preview.commits.length === 0
      ? `no commits since ${previous}`
      : !chosen
        ? `no releasable commits since ${previous} (${preview.commits.length} commits, none a feat, fix, perf, revert or breaking change)`
        : '';
  if (nothing || !chosen) {
    previewOutputs();
    ctx.setOutput('releasable', 'false');
    ctx.setOutput('reason', nothing);
    ctx.setOutput('changelog_preview', '');
    log.info(`Nothing to release: ${nothing}.`);
    summary
      .heading('Release plan: nothing to release')
      .paragraph(`Nothing to release: ${nothing}. No job after the plan runs.`);
    if (independent) packagesTable(summary, independent.mono);
    if (preview.commits.length) summary.details('Commits since the last release', changelogPreview(preview.commits));
    return;
  }

  const policy = effectivePolicy(chosen.kind, {
    file,
    names: {
      changelogReview: inputs.release_environment,
      productApproval: inputs.product_environment,
      production: inputs.environment,
      fastTrack: inputs.fast_track_environment,
    },
    overrides: {
      deployment_strategy: inputs.deployment_strategy === 'policy' ? undefined : inputs.deployment_strategy,
      load_profile: inputs.load_profile === 'policy' ? undefined : inputs.load_profile,
      run_smoke_tests: inputs.run_smoke_tests,
    },
  });
  // The one version model (versioning/): the release computes the same version from the same inputs; with
  // independent versioning each package's (monorepo/ calls it per package).
  const next = independent
    ? undefined
    : nextVersion({
        merged: preview.merged,
        all: preview.all,
        bump: chosen.bump,
        releaseType: inputs.release_type,
        prereleaseId: inputs.prerelease_id,
        manifestVersion: rootManifestVersion(runner.workspace),
        ...(inputs.initial_version ? { initialVersion: inputs.initial_version } : {}),
      });
  const version = next?.version ?? '';
  // latest never moves backwards: the release's own check, on what the registries hold now (with independent
  // versioning, each released package against its own latest, as the release's preflight checks it).
  const checkDeps = {
    fetch: deps.fetch,
    env: ctx.env,
    workspace: runner.workspace,
    defaultBranch: defaultBranchOf(runner.event),
    log,
  };
  const registries = next
    ? await checkRegistries(inputs, next, checkDeps)
    : independent
      ? await checkPackageRegistries(
          inputs,
          independent.mono.packages
            .filter((p) => p.release)
            .map((p) => ({
              ...p,
              tag: p.tag ?? '',
              prerelease: p.prerelease ?? false,
              backport: p.backport ?? false,
            })),
          checkDeps,
        )
      : undefined;
  // Before the outputs that let the pipeline go on: a release whose gates or deploy cannot start stops here.
  // Without preflight the plan knows no settings: every stage of the policy is assumed to run.
  let gates: string[] = [...policy.gates];
  let skipped: { gate: string; because: string }[] = [];
  const deploy = !inputs.preflight || deployRequested(inputs);
  if (inputs.preflight) {
    const checked = preflight(policy, {
      ...inputs,
      load_shards: inputs.load_shards ?? 1,
      deploy,
      requireGates: inputs.require_quality_gates === 'true',
    });
    if (checked.problems.length) throw new InputProblems(checked.problems);
    ctx.setOutput('load_shards', checked.shards);
    ctx.setOutput('deploy_timeout', checked.deployTimeout);
    ({ gates, skipped } = checked);
  }
  const count = independent?.packages.length ?? 0;
  const tag = independent ? `${count} package${count === 1 ? '' : 's'}` : `${inputs.tag_prefix}${version}`;
  const notes = independent ? packagesPreview(independent.mono) : changelogPreview(preview.commits, { version });
  // No deploy: no product approval and no production approval either; the release job's review stays.
  const order = approvalOrder(policy).filter((a) => deploy || a.job === 'release');

  previewOutputs();
  ctx.setOutput('releasable', 'true');
  ctx.setOutput('reason', '');
  ctx.setOutput('type', policy.kind);
  ctx.setOutput('version_bump', chosen.bump);
  ctx.setOutput('release_mode', inputs.release_mode);
  ctx.setOutput('next_version', version);
  ctx.setOutput('next_tag', independent ? '' : tag);
  ctx.setOutput('changelog_preview', notes);
  ctx.setOutput('policy', policy);
  ctx.setOutput('gates', gates.join(','));
  ctx.setOutput('run_quality_gates', String(gates.length > 0));
  ctx.setOutput('run_deploy', String(deploy));
  ctx.setOutput('load_profile', policy.load_profile);
  ctx.setOutput('run_smoke_tests', String(policy.smoke_tests || inputs.run_smoke_tests));
  ctx.setOutput('strategy', policy.strategy);
  ctx.setOutput('canary_steps', policy.canary_steps.join(','));
  ctx.setOutput('step_duration', policy.step_duration);
  ctx.setOutput('monitor_duration', policy.monitor_duration);
  ctx.setOutput('environments', order);
  ctx.setOutput('release_environment', policy.environments.release);
  ctx.setOutput('product_environment', deploy ? policy.environments.product : '');
  ctx.setOutput('deploy_environment', policy.environments.deploy);

  await log.group('Effective policy', async () => {
    log.info(JSON.stringify(policy, null, 2));
  });
  log.info(
    `Release plan: ${previous} → ${tag} (${policy.kind}, ${chosen.bump} bump, release_mode ${inputs.release_mode})`,
  );
  for (const p of independent?.packages ?? [])
    log.info(logText`  ${p.name}: ${p.previous_tag || '(none)'} → ${p.tag} (${p.bump}: ${p.reasons.join('; ')})`);

  summary
    .heading(`Release plan: ${tag} (${policy.kind})`)
    .table(
      ['release type', 'bump', 'previous', 'next', 'commits', 'quality gates required'],
      [
        [
          policy.kind,
          chosen.bump,
          preview.previousTag ?? '—',
          tag,
          preview.commits.length,
          inputs.require_quality_gates === 'false' ? 'no (failed gates let the release go on)' : 'yes',
        ],
      ],
    );
  if (independent) {
    summary.heading('Packages', 3);
    packagesTable(summary, independent.mono);
  }
  summary
    .heading('Stages', 3)
    .table(
      ['stage', 'runs?', 'because'],
      stageRows(policy, {
        gates,
        skipped,
        deploy,
        preflight: inputs.preflight,
        requireDeploy: inputs.require_deploy,
        requireGates: inputs.require_quality_gates === 'true',
      }),
    )
    .heading('Effective policy', 3);
  policyTable(summary, policy);
  if (registries) registriesTable(summary, registries);
  summary
    .paragraph(
      order.length
        ? `Approvals, in order: ${order.map((a) => `**${a.environment}** (${a.job} job)`).join(' → ')}.`
        : 'No approval environment: the pipeline runs without a human gate.',
    )
    .mermaid(pipelineChart(policy, tag, { gates, deploy }))
    .heading('Changelog preview', 3)
    .raw(notes)
    .paragraph('_A preview from the commit subjects; the changelog job writes the notes the release publishes._');
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(action, plan, env);
}
