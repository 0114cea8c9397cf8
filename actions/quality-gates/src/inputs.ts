/** The quality-gates action's inputs and outputs: the single source of truth for action.yml and the README. */
import * as schema from '@release-actions/shared/action';

export const action = schema.defineAction('quality-gates', {
  description:
    'Pre-release gates: load tests with k6-style thresholds and exact percentiles, performance regression against a baseline, container build with a size budget.',
  inputs: {
    load_profile: schema.oneOf(['baseline', 'peak', 'stress', 'soak', 'custom'], {
      description: 'Named load profile (connections, rate, duration, ramp).',
      default: 'baseline',
    }),
    gates: schema.list({
      description: 'Gates to run, comma or newline separated.',
      values: ['load-testing', 'performance-profiling', 'container-build'],
      default: 'load-testing',
      min: 1,
    }),
    target_url: schema.url({ description: 'Base URL of the service under load.' }),
    requests: schema.yamlInput<unknown[]>({
      description:
        'Requests each connection cycles through, a YAML or JSON list of `{method, path, headers, body, expect_status}`; paths are relative to target_url (or absolute URLs of one origin).',
      shape: 'a YAML or JSON list of {method, path, headers, body, expect_status}',
      validate: (v) => (Array.isArray(v) && v.length > 0 ? { value: v } : { error: 'not a non-empty list' }),
    }),
    profiles_file: schema.text({
      description:
        'YAML file overriding the built-in profiles (`profiles: {peak: {connections, rate, duration, ramp}}`).',
      default: '.github/load-profiles.yml',
    }),
    connections: schema.number({
      description: 'Concurrent connections (overrides the profile).',
      integer: true,
      min: 1,
      max: 10000,
    }),
    rate: schema.number({
      description: 'Requests per second across all connections (overrides the profile).',
      integer: true,
      min: 1,
    }),
    duration: schema.duration({
      description: 'Load duration (overrides the profile; required for custom).',
      min: 1000,
    }),
    thresholds: schema.text({
      description: 'One threshold per line in k6 syntax, e.g. `http_req_duration: p(95)<500`.',
      multiline: true,
      default: 'http_req_failed: rate<0.01\nhttp_req_duration: p(95)<500',
    }),
    min_requests: schema.number({
      description: 'Fewest requests a load gate needs to give a verdict.',
      default: '100',
      integer: true,
      min: 1,
    }),
    request_timeout: schema.duration({
      description: 'A request with no response after this long counts as a failed request (timeout).',
      default: '10s',
      min: 1000,
    }),
    start_command: schema.text({
      description: 'Shell command that starts the service under test before the load; it is stopped after.',
    }),
    ready_url: schema.url({ description: 'URL that answers 2xx once the service started by start_command is ready.' }),
    ready_timeout: schema.duration({ description: 'How long to wait for ready_url.', default: '60s', min: 1000 }),
    engine: schema.oneOf(['builtin', 'k6'], { description: 'Load engine.', default: 'builtin' }),
    k6_script: schema.text({ description: 'The k6 script to run (engine k6), relative to the workspace.' }),
    k6_version: schema.semver({
      description: 'k6 version to fetch into the tool cache (engine k6; default: k6 from the PATH, else 1.3.0).',
      allowV: true,
    }),
    k6_url: schema.url({ description: 'Archive (.tar.gz or .zip) to fetch k6 from instead of the GitHub release.' }),
    baseline_path: schema.text({ description: 'Results JSON of a previous run to compare against.' }),
    max_regression_pct: schema.number({
      description: 'Largest p95 growth or throughput drop tolerated, in percent.',
      default: '10',
      min: 0,
    }),
    image: schema.text({
      description: 'Image name for the container-build gate.',
      pattern: /^[a-z0-9]+([._/:-][a-z0-9]+)*$/,
      patternHint: 'an image reference in lower case such as registry/name:tag',
    }),
    context: schema.text({ description: 'Build context of the image, relative to the workspace.', default: '.' }),
    dockerfile: schema.text({
      description: 'Dockerfile, relative to the workspace (default: Dockerfile in the context).',
    }),
    build_args: schema.text({
      description: 'Build arguments, one `KEY=VALUE` per line.',
      multiline: true,
    }),
    max_image_size_mb: schema.number({ description: 'Image size budget in MB.', min: 0 }),
    container_smoke_command: schema.text({
      description:
        'Command run in the built image (`docker run --rm --network host <image> <command>`); it must exit 0.',
    }),
    shard: schema.text({
      description: "This runner's share of the load, `i/n`.",
      pattern: /^[1-9]\d*\/[1-9]\d*$/,
      patternHint: 'i/n with 1 ≤ i ≤ n, e.g. 2/4',
    }),
    merge: schema.text({
      description:
        'Glob of shard results files to merge (no load is generated); thresholds are evaluated over the whole.',
    }),
    status_branch: schema.text({
      description: 'Branch holding release-status.yaml: when set (with version), the verdicts are recorded there.',
      identifier: true,
    }),
    version: schema.semver({
      description: 'The version being released, whose status record gets the verdicts.',
      allowV: true,
    }),
    results_path: schema.text({
      description: 'Where to write the results JSON (default: under RUNNER_TEMP).',
    }),
    record_results: schema.text({
      description:
        "Path of a results JSON written by an earlier run of this action (its `results` output, e.g. a read-only gates job's artifact): no gate runs; its verdicts are recorded in release-status.yaml (with status_branch and version), and `passed` repeats its verdict without failing the step.",
    }),
    token: schema.githubToken(
      'Token that pushes the status record to status_branch over HTTPS when the checkout kept no credentials (persist-credentials: false).',
    ),
  },
  outputs: {
    passed: 'true when every gate passed.',
    results: 'Path of the results JSON with every measurement.',
    image_id: 'Id of the image built by the container-build gate.',
    image_size_mb: 'Size of that image in MB.',
  },
  branding: { icon: 'check-circle', color: 'orange' },
});
