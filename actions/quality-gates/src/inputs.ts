/** The quality-gates action's inputs and outputs: the single source of truth for action.yml and the README. */
import { defineAction, duration, list, number, oneOf, text, url } from '@release-actions/shared/action';

export const action = defineAction({
  id: 'quality-gates',
  name: 'release-actions: quality-gates',
  description:
    'Pre-release gates: load tests with k6-style thresholds and exact percentiles, performance regression against a baseline, container build with a size budget.',
  branding: { icon: 'check-circle', color: 'orange' },
  inputs: {
    load_profile: oneOf(['baseline', 'peak', 'stress', 'soak', 'custom'], {
      description: 'Named load profile (connections, rate, duration, ramp).',
      default: 'baseline',
    }),
    gates: list({
      description: 'Gates to run, comma or newline separated.',
      values: ['load-testing', 'performance-profiling', 'container-build'],
      default: 'load-testing',
      min: 1,
    }),
    target_url: url({ description: 'Base URL of the service under load.' }),
    connections: number({
      description: 'Concurrent connections (overrides the profile).',
      integer: true,
      min: 1,
      max: 10000,
    }),
    rate: number({
      description: 'Requests per second across all connections (overrides the profile).',
      integer: true,
      min: 1,
    }),
    duration: duration({ description: 'Load duration (overrides the profile; required for custom).', min: 1000 }),
    thresholds: text({
      description: 'One threshold per line in k6 syntax, e.g. `http_req_duration: p(95)<500`.',
      multiline: true,
      default: 'http_req_failed: rate<0.01\nhttp_req_duration: p(95)<500',
    }),
    min_requests: number({
      description: 'Fewest requests a load gate needs to give a verdict.',
      default: '100',
      integer: true,
      min: 1,
    }),
    engine: oneOf(['builtin', 'k6'], { description: 'Load engine.', default: 'builtin' }),
    baseline_path: text({ description: 'Results JSON of a previous run to compare against.' }),
    max_regression_pct: number({
      description: 'Largest p95 growth or throughput drop tolerated, in percent.',
      default: '10',
      min: 0,
    }),
    image: text({
      description: 'Image name for the container-build gate.',
      pattern: /^[a-z0-9]+([._/:-][a-z0-9]+)*$/,
      patternHint: 'an image reference in lower case such as registry/name:tag',
    }),
    max_image_size_mb: number({ description: 'Image size budget in MB.', min: 0 }),
    shard: text({
      description: "This runner's share of the load, `i/n`.",
      pattern: /^[1-9]\d*\/[1-9]\d*$/,
      patternHint: 'i/n with 1 ≤ i ≤ n, e.g. 2/4',
    }),
  },
  outputs: {
    passed: { description: 'true when every gate passed.' },
    results: { description: 'Path of the results JSON with every measurement.' },
    image_id: { description: 'Id of the image built by the container-build gate.' },
    image_size_mb: { description: 'Size of that image in MB.' },
  },
});
