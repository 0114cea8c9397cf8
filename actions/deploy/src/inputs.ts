/** The deploy action's inputs and outputs: the single source of truth for action.yml and the README. */
import * as schema from '@release-actions/shared/action';
import {
  parsePrometheusQueries,
  parseSmokeTests,
  lockTimeoutInput,
  refineTarget,
  targetInputs,
} from '@release-actions/shared/deploy';
import { formatDuration } from '@release-actions/shared';

export const action = schema.defineAction('deploy', {
  description:
    'Progressive deployment (blue-green, canary, rolling, immediate) with smoke tests, a version check, a monitoring window and automatic rollback.',
  inputs: {
    version: schema.semver({ description: 'Version to deploy.', required: true, allowV: true }),
    environment: schema.environmentInput('Target environment (a GitHub Environment name).', 'production'),
    deployment_strategy: schema.oneOf(['blue-green', 'canary', 'rolling', 'immediate'], {
      description: 'How traffic moves to the new version.',
      default: 'blue-green',
    }),
    run_smoke_tests: schema.bool({
      description: 'Run smoke tests against the new version before traffic moves.',
      default: 'true',
    }),
    rollback_on_failure: schema.bool({ description: 'Roll back automatically when a check fails.', default: 'true' }),
    canary_steps: schema.list({
      description: 'Canary traffic percentages, ascending, ending at 100.',
      default: '10,50,100',
      item: schema.number({ description: 'percent', integer: true, min: 1, max: 100 }),
    }),
    step_duration: schema.duration({ description: 'Analysis time per canary step.', default: '1m' }),
    monitor_duration: schema.duration({
      description: 'Monitoring window after the switch (0 for none).',
      default: '5m',
    }),
    monitor_interval: schema.duration({ description: 'Time between monitoring probes.', default: '10s', min: 100 }),
    max_error_rate: schema.number({
      description: 'Highest error rate (0 to 1) tolerated while monitoring.',
      default: '0.01',
      min: 0,
      max: 1,
    }),
    max_p95_ms: schema.number({
      description: 'Highest p95 latency in ms tolerated while monitoring.',
      default: '1000',
      min: 1,
    }),
    on_no_data: schema.oneOf(['fail', 'pass', 'inconclusive'], {
      description: 'Verdict when monitoring gathers fewer than min_samples.',
      default: 'fail',
    }),
    min_samples: schema.number({
      description: 'Fewest probe samples a verdict needs.',
      default: '10',
      integer: true,
      min: 1,
    }),
    probe_url: schema.url({ description: 'URL probed through the router while monitoring.' }),
    smoke_tests: schema.yamlInput({
      description:
        "Smoke tests run against the new slot directly before any traffic moves: a YAML list of {path, expect_status, body_contains, body_regex, max_latency_ms}. Default: GET of health_url's path expecting 200. The new slot must also report the version at version_url's path.",
      shape: 'a YAML list of {path, expect_status, body_contains, body_regex, max_latency_ms}',
      validate: parseSmokeTests,
    }),
    smoke_timeout: schema.duration({
      description: 'Deadline for the smoke tests of one new instance (each request also has its own timeout).',
      default: '2m',
      min: 100,
    }),
    probe_requests: schema.number({
      description: 'Probe requests per monitor_interval.',
      default: '5',
      integer: true,
      min: 1,
      max: 1000,
    }),
    prometheus_url: schema.url({ description: 'Prometheus base URL (queried through its HTTP API while monitoring).' }),
    prometheus_queries: schema.yamlInput({
      description: 'Prometheus queries checked every monitor_interval: a YAML list of {name, query, max, min}.',
      shape: 'a YAML list of {name, query, max, min}',
      validate: parsePrometheusQueries,
    }),
    keep_previous: schema.duration({
      description:
        'How long the previous slot keeps running after the switch (instant rollback meanwhile); 0 stops it at once.',
      default: '1h',
    }),
    batch_size: schema.number({
      description: 'rolling: instances replaced per batch.',
      default: '1',
      integer: true,
      min: 1,
    }),
    ref: schema.text({
      description: "Git ref of the GitHub deployment. Default: the workflow's commit (GITHUB_SHA).",
      identifier: true,
    }),
    image_digest: schema.text({
      description: 'Image digest recorded in the deployment payload.',
      pattern: /^[a-z0-9]+:[a-f0-9]{32,}$/,
      patternHint: 'a digest such as sha256:…',
    }),
    ...targetInputs,
    timeout: schema.duration({ description: 'Deadline of the whole deploy.', default: '30m', min: 1000 }),
    lock_timeout: lockTimeoutInput,
    environment_url: schema.url({ description: 'URL of the environment, shown on the GitHub deployment.' }),
    token: schema.githubToken('GitHub token with deployments: write.'),
  },
  outputs: {
    status: 'succeeded, rolled-back or failed.',
    active_slot: 'The slot serving traffic at the end.',
    previous_version: 'The version served before.',
    deployment_id: 'Id of the GitHub deployment.',
    rolled_back: 'true when the deploy was rolled back.',
    reason:
      'Why the deploy failed or was rolled back, one line (a monitoring breach names the check, the value seen and the threshold); empty when it succeeded.',
  },
  branding: { icon: 'upload-cloud', color: 'purple' },
  // Combinations that cannot work, refused before anything starts (the engine would find some only after
  // traffic has moved).
  refine(v) {
    const problems: schema.InputProblem[] = refineTarget(v);
    const need = (input: string, message: string) => problems.push({ input, message });
    if (!v.version_url)
      need(
        'version_url',
        'Input "version_url" is empty but required: a deploy succeeds only when the router serves the released version, and version_url is where that is read.',
      );
    // Only the nginx and command routers move traffic between slots (NoRouter.controlsTraffic is false).
    if ((v.deployment_strategy === 'blue-green' || v.deployment_strategy === 'canary') && v.router === 'none')
      need(
        'router',
        `Input "router" is "${v.router}" but deployment_strategy ${v.deployment_strategy} moves traffic between slots; expected router nginx or command (with router none use rolling or immediate).`,
      );
    const steps = v.canary_steps.map(Number);
    if (v.deployment_strategy === 'canary') {
      const ascending = steps.every((s, i) => i === 0 || s > (steps[i - 1] as number));
      if (!ascending || steps.at(-1) !== 100)
        need(
          'canary_steps',
          `Input "canary_steps" has an invalid value "${v.canary_steps.join(',')}"; expected ascending percentages ending at 100.`,
        );
    }
    if (v.prometheus_queries?.length && !v.prometheus_url)
      need('prometheus_url', 'Input "prometheus_url" is empty but required when prometheus_queries are given.');
    const stepsMs = v.deployment_strategy === 'canary' ? (steps.length - 1) * v.step_duration : 0;
    if (v.monitor_duration + stepsMs >= v.timeout)
      need(
        'timeout',
        `Input "timeout" is "${formatDuration(v.timeout)}", which leaves no time to deploy: monitor_duration${stepsMs ? ' plus the canary steps' : ''} already take ${formatDuration(v.monitor_duration + stepsMs)}.`,
      );
    return problems;
  },
});
