/**
 * Release policy: what a release of each type must pass and how it reaches production. The defaults are the
 * seed's table (docs/policy.md); a repository overrides them in `.github/release-policy.yml`.
 */

/** The release types a policy is written for. `hotfix` is a patch release on the fast track. */
export const RELEASE_KINDS = ['major', 'minor', 'patch', 'hotfix'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** Gates of the quality-gates action (its `gates` input). */
export const GATES = ['load-testing', 'performance-profiling', 'container-build'] as const;
export type Gate = (typeof GATES)[number];

/** Load profiles of the quality-gates action (its `load_profile` input). */
export const LOAD_PROFILES = ['baseline', 'peak', 'stress', 'soak', 'custom'] as const;
export type LoadProfile = (typeof LOAD_PROFILES)[number];

/** Strategies of the deploy action (its `deployment_strategy` input). */
export const STRATEGIES = ['blue-green', 'canary', 'rolling', 'immediate'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/**
 * The GitHub Environments a release of this type passes through, by the job that names them. Only `product`
 * may be `''` (no product approval job); an environment without required reviewers does not wait.
 */
export interface PolicyEnvironments {
  /** The `release` job (tag, GitHub Release, publish): the Release Manager approves the changelog here. */
  release: string;
  /** A job of its own before `deploy` (major releases): product approval. */
  product: string;
  /** The `deploy` job (with its monitoring window): the Engineering Lead approves the production rollout. */
  deploy: string;
}

export interface TypePolicy {
  /** Quality gates the release needs (empty: smoke tests are the only gate). */
  gates: Gate[];
  load_profile: LoadProfile;
  /** Smoke tests are required before traffic moves (`run_smoke_tests: false` is refused). */
  smoke_tests: boolean;
  strategy: Strategy;
  /** Canary traffic percentages (used when strategy is canary). */
  canary_steps: number[];
  /** Analysis time per canary step or rolling batch, as the deploy action's `step_duration` reads it. */
  step_duration: string;
  /** Monitoring window after the switch, as the deploy action's `monitor_duration` reads it. */
  monitor_duration: string;
  environments: PolicyEnvironments;
}

export type Policy = Record<ReleaseKind, TypePolicy>;

/** What `.github/release-policy.yml` may say: any field of any type, the rest stays as the defaults. */
export interface PolicyFile {
  version?: 1;
  types: Partial<
    Record<
      ReleaseKind,
      Partial<Omit<TypePolicy, 'environments'>> & {
        environments?: Partial<PolicyEnvironments>;
      }
    >
  >;
}

/** Where an effective value came from, shown to approvers in the plan's summary. */
export type Source = 'default' | 'policy file' | 'input';

export type EffectivePolicy = TypePolicy & {
  kind: ReleaseKind;
  sources: Record<keyof TypePolicy | `environments.${keyof PolicyEnvironments}`, Source>;
};
