/**
 * The seed's policy table as defaults. Environment names come from the reusable workflow's inputs, so a
 * repository that calls its environments otherwise renames them there, not here.
 */
import type { Policy } from './types.js';

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
  return {
    major: {
      gates: ['load-testing', 'performance-profiling', 'container-build'],
      load_profile: 'stress',
      smoke_tests: true,
      strategy: 'canary',
      canary_steps: [10, 50, 100],
      step_duration: '10m',
      monitor_duration: '24h',
      environments: { release: names.changelogReview, product: names.productApproval, deploy: names.production },
    },
    minor: {
      gates: ['load-testing', 'container-build'],
      load_profile: 'peak',
      smoke_tests: true,
      strategy: 'blue-green',
      canary_steps: [10, 50, 100],
      step_duration: '1m',
      monitor_duration: '1h',
      environments: { release: names.changelogReview, product: '', deploy: names.production },
    },
    patch: {
      gates: ['load-testing'],
      load_profile: 'baseline',
      smoke_tests: false,
      strategy: 'rolling',
      canary_steps: [10, 50, 100],
      step_duration: '1m',
      monitor_duration: STANDARD_MONITOR_DURATION,
      environments: { release: names.changelogReview, product: '', deploy: names.production },
    },
    hotfix: {
      gates: [],
      load_profile: 'baseline',
      smoke_tests: true,
      strategy: 'rolling',
      canary_steps: [10, 50, 100],
      step_duration: '0s',
      monitor_duration: '1h',
      environments: { release: names.fastTrack, product: '', deploy: names.production },
    },
  };
}
