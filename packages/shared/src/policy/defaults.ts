/**
 * The seed's policy table as defaults. Environment names come from the reusable workflow's inputs, so a
 * repository that calls its environments otherwise renames them there, not here.
 */
import type { Policy, TypePolicy } from './types.js';

export interface EnvironmentNames {
  /** Where the Release Manager reviews the changelog before the release job runs. */
  changelogReview: string;
  /** Where product approves a major release before it is deployed. */
  productApproval: string;
  /** The production environment (the deploy job): the Engineering Lead's approval. */
  production: string;
  /** The hotfix path's environment, replacing changelog review. */
  fastTrack: string;
}

export const DEFAULT_ENVIRONMENT_NAMES: EnvironmentNames = {
  changelogReview: 'changelog-review',
  productApproval: 'product-approval',
  production: 'production',
  fastTrack: 'fast-track',
};

/** "Standard" monitoring in the seed's table (patch releases). */
export const STANDARD_MONITOR_DURATION = '15m';

export function defaultPolicy(names: EnvironmentNames = DEFAULT_ENVIRONMENT_NAMES): Policy {
  // Every type deploys to production and keeps the same canary steps (used when a file picks canary); the rows
  // differ in what the seed's table says.
  const row = (
    t: Omit<TypePolicy, 'canary_steps' | 'environments'>,
    env: { release: string; product?: string },
  ): TypePolicy => ({
    gates: t.gates,
    load_profile: t.load_profile,
    smoke_tests: t.smoke_tests,
    strategy: t.strategy,
    canary_steps: [10, 50, 100],
    step_duration: t.step_duration,
    monitor_duration: t.monitor_duration,
    environments: { release: env.release, product: env.product ?? '', deploy: names.production },
  });
  return {
    major: row(
      {
        gates: ['load-testing', 'performance-profiling', 'container-build'],
        load_profile: 'stress',
        smoke_tests: true,
        strategy: 'canary',
        step_duration: '10m',
        monitor_duration: '24h',
      },
      { release: names.changelogReview, product: names.productApproval },
    ),
    minor: row(
      {
        gates: ['load-testing', 'container-build'],
        load_profile: 'peak',
        smoke_tests: true,
        strategy: 'blue-green',
        step_duration: '1m',
        monitor_duration: '1h',
      },
      { release: names.changelogReview },
    ),
    patch: row(
      {
        gates: ['load-testing'],
        load_profile: 'baseline',
        smoke_tests: false,
        strategy: 'rolling',
        step_duration: '1m',
        monitor_duration: STANDARD_MONITOR_DURATION,
      },
      { release: names.changelogReview },
    ),
    hotfix: row(
      {
        gates: [],
        load_profile: 'baseline',
        smoke_tests: true,
        strategy: 'rolling',
        step_duration: '0s',
        monitor_duration: '1h',
      },
      { release: names.fastTrack },
    ),
  };
}
