/** The plan action's inputs and outputs: the single source of truth for action.yml and the README. */
import * as schema from '@release-actions/shared/action';
import { LOAD_PROFILES, STRATEGIES } from '@release-actions/shared/policy';

/** Any deploy setting given: the caller deploys, so an incomplete deploy is refused rather than skipped. */
export function deployRequested(v: {
  require_deploy: boolean;
  version_url: string | undefined;
  workload: string;
  deploy_start_command: string;
  docker_image: string;
  router: string;
  nginx_upstream_file: string;
  router_command: string;
}): boolean {
  return (
    v.require_deploy ||
    !!v.version_url ||
    v.workload === 'docker' ||
    !!v.deploy_start_command.trim() ||
    !!v.docker_image ||
    v.router !== 'none' ||
    !!v.nginx_upstream_file ||
    !!v.router_command.trim()
  );
}

const PATH = { pattern: /^[^\r\n\0]+$/, patternHint: 'a file path on one line' };

export const action = schema.defineAction('plan', {
  description:
    'The release plan, with no side effects: release type, effective policy (gates, strategy, monitoring window, approvals), next version and a changelog preview, for the approvers.',
  inputs: {
    version_bump: schema.versionBumpInput,
    hotfix: schema.bool({
      description: 'A hotfix: a patch release under the hotfix policy (smoke tests only, fast track).',
      default: 'false',
    }),
    release_mode: schema.oneOf(['direct', 'tag-only', 'pull-request'], {
      description:
        'How the release job lands the release (docs/protected-branches.md): direct, tag-only or pull-request. Shown in the plan and passed on as an output.',
      default: 'direct',
    }),
    release_type: schema.releaseTypeInput,
    prerelease_id: schema.prereleaseIdInput,
    tag_prefix: schema.tagPrefixInput,
    ...schema.monorepoInputs,
    initial_version: schema.initialVersionInput,
    // What the release will publish to npm and from where: the plan reads each package's latest and refuses what
    // the release would refuse (latest never moves backwards), so the preview says the same. Images: the release.
    release_branch: schema.releaseBranchInput,
    publish_registries: schema.publishRegistriesInput,
    npm_registry_url: schema.npmRegistryUrlInput,
    policy_path: schema.text({
      description: 'Policy file overriding the defaults, relative to the workspace (missing: the defaults).',
      default: '.github/release-policy.yml',
      identifier: true,
    }),
    deployment_strategy: schema.oneOf(['policy', ...STRATEGIES], {
      description: "Deployment strategy; policy: the release type's.",
      default: 'policy',
    }),
    load_profile: schema.oneOf(['policy', ...LOAD_PROFILES], {
      description: "Load profile of the quality gates; policy: the release type's.",
      default: 'policy',
    }),
    run_smoke_tests: schema.bool({
      description: 'Run smoke tests before traffic moves (false is refused where the policy requires them).',
      default: 'true',
    }),
    require_quality_gates: schema.oneOf(['auto', 'true', 'false'], {
      description:
        "auto: the policy's gates run when configured (a service to load, an image to build) and the release needs the success of those that run. true: every gate of the policy runs; with preflight, the inputs they lack (target_url, image) are refused up front. false: as auto, and failed gates do not stop the release (the workflow's changelog job goes on).",
      default: 'auto',
    }),
    release_environment: schema.environmentInput(
      'Environment of the release job: the Release Manager reviews the changelog.',
      'changelog-review',
    ),
    product_environment: schema.environmentInput(
      'Environment where product approves a major release.',
      'product-approval',
    ),
    environment: schema.environmentInput(
      'The production environment (deploy job): the Engineering Lead approves.',
      'production',
    ),
    fast_track_environment: schema.environmentInput(
      'Environment of a hotfix release job (instead of changelog review).',
      'fast-track',
    ),
    // The reusable workflow's preflight: its gates and deploy settings, checked against this plan's policy before
    // anything is released (a release whose deploy cannot start would be published and never deployed).
    preflight: schema.bool({
      description:
        'Check that the quality gates and the deploy of this plan have what they need (the inputs below, as the reusable workflow passes them); outputs load_shards and deploy_timeout. Refused before anything is released.',
      default: 'false',
    }),
    require_deploy: schema.bool({
      description:
        'preflight: a deploy is required: with no deploy settings the plan is refused, naming them. false: the deploy runs when its settings are given (version_url, deploy_start_command, docker_image, router…), else there is nothing to deploy (a library).',
      default: 'false',
    }),
    target_url: schema.url({ description: 'preflight: base URL of the service the load gates run against.' }),
    start_command: schema.text({
      description: 'preflight: command that starts the service under test in the gates job.',
      multiline: true,
      maxLength: 10_000,
    }),
    load_engine: schema.oneOf(['builtin', 'k6'], {
      description: 'preflight: the load engine of the gates.',
      default: 'builtin',
    }),
    k6_script: schema.text({ description: 'preflight: the k6 script load_engine k6 runs.', ...PATH }),
    load_shards: schema.number({
      description: 'preflight: runners the load is spread across (1: one runner). Required with preflight.',
      integer: true,
      min: 1,
      max: 64,
    }),
    image: schema.text({ description: 'preflight: the image the container-build gate builds.' }),
    version_url: schema.url({ description: 'preflight: URL that reports the serving version (required to deploy).' }),
    workload: schema.oneOf(['command', 'docker'], {
      description: 'preflight: where versions run.',
      default: 'command',
    }),
    deploy_start_command: schema.text({
      description: "preflight: the command workload's start command.",
      multiline: true,
      maxLength: 10_000,
    }),
    docker_image: schema.text({ description: "preflight: the docker workload's image." }),
    router: schema.oneOf(['nginx', 'command', 'none'], {
      description: 'preflight: how traffic moves.',
      default: 'none',
    }),
    nginx_upstream_file: schema.text({ description: "preflight: the nginx router's upstream include file.", ...PATH }),
    router_command: schema.text({
      description: "preflight: the command router's command.",
      multiline: true,
      maxLength: 10_000,
    }),
    deploy_timeout_minutes: schema.number({
      description: 'preflight: deadline of the deploy job in minutes; the deploy gets 10 less, for its rollback.',
      default: '360',
      integer: true,
      min: 15,
    }),
  },
  outputs: {
    releasable: 'true when there is something to release; false ends the pipeline quietly.',
    versioning: 'fixed or independent, as given: the changelog and release jobs take it on.',
    packages:
      'versioning: independent: JSON list of the packages to release, in publish order: {name, version, tag, path, private, bump, reasons, previous_version, previous_tag}; [] with versioning: fixed.',
    reason: 'Why there is nothing to release (empty when releasable).',
    type: 'The release type whose policy applies: major, minor, patch or hotfix.',
    version_bump: 'The bump applied: major, minor or patch.',
    release_mode: 'How the release job lands the release: direct, tag-only or pull-request.',
    next_version: 'The version this release will have.',
    next_tag: 'The tag this release will have.',
    previous_version: 'The last release version (empty when there is none).',
    previous_tag: 'The last release tag (empty when there is none).',
    commit_count: 'Commits since the last release.',
    changelog_preview: 'Markdown preview of the notes (the changelog stage writes the real ones).',
    policy: 'The effective policy as JSON, with the source of each value.',
    gates: 'Quality gates to run, comma separated (empty: smoke tests only).',
    load_profile: 'Load profile of the quality gates.',
    run_smoke_tests: 'true when smoke tests run before traffic moves.',
    strategy: 'Deployment strategy.',
    canary_steps: 'Canary steps, comma separated.',
    step_duration: 'Analysis time per canary step or rolling batch.',
    monitor_duration: 'Monitoring window after the switch.',
    environments: 'JSON list of {job, environment} in the order the pipeline reaches them.',
    release_environment: 'Environment of the release job (empty: none).',
    product_environment: 'Environment of the product approval job (empty: no such job).',
    deploy_environment: 'Environment of the deploy job (empty: none).',
    load_shards: 'preflight: JSON list of the load shards, [1..load_shards] when the load is sharded, else [].',
    deploy_timeout: "preflight: the deploy action's timeout (deploy_timeout_minutes less 10).",
    run_quality_gates:
      'true when the quality-gates job runs: the policy has gates and their settings are given (preflight), else false.',
    run_deploy:
      'true when the deploy (and its approvals) runs: deploy settings given or require_deploy (preflight; without preflight, true).',
  },
  branding: { icon: 'map', color: 'gray-dark' },
  // The preflight's checks that need no policy; those that do run once the plan has resolved it (preflight.ts).
  refine(v) {
    const problems: schema.InputProblem[] = schema.monorepoProblems(v);
    if (!v.preflight) return problems;
    const need = (input: string, message: string) => problems.push({ input, message });
    if (v.load_shards === undefined)
      need(
        'load_shards',
        'Input "load_shards" is empty but required with preflight; expected a whole number from 1 to 64.',
      );
    // A deploy is the caller's choice: one setting of it (or require_deploy) asks for all it needs.
    if (!deployRequested(v)) return problems;
    // [input left empty, why it is required]: the deploy's own checks (refineTarget), under release.yml's names.
    const missing: [string | false, string][] = [
      [
        !v.version_url && 'version_url',
        'to deploy: a deploy is done only when the serving version is the released one, and version_url is where it is read',
      ],
      [
        v.workload === 'command' && !v.deploy_start_command.trim() && 'deploy_start_command',
        'with workload command (it starts one instance of a version)',
      ],
      [v.workload === 'docker' && !v.docker_image && 'docker_image', 'with workload docker'],
      [v.router === 'nginx' && !v.nginx_upstream_file && 'nginx_upstream_file', 'with router nginx'],
      [v.router === 'command' && !v.router_command.trim() && 'router_command', 'with router command'],
    ];
    for (const [input, why] of missing) if (input) need(input, `Input "${input}" is empty but required ${why}.`);
    return problems;
  },
});
