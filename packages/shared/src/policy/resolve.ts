/**
 * The effective policy of one release: its type from the inputs (and the recommended bump when
 * `version_bump: auto`), the defaults, the policy file, then the workflow's explicit inputs, each value with
 * where it came from.
 */
import { InputError } from '../util/errors.js';
import { defaultPolicy, type EnvironmentNames } from './defaults.js';
import type {
  EffectivePolicy,
  LoadProfile,
  PolicyEnvironments,
  PolicyFile,
  ReleaseKind,
  Source,
  Strategy,
  TypePolicy,
} from './types.js';

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The release type: `hotfix` when asked (a hotfix is a patch release: `version_bump` must be patch or auto),
 * else the bump, with `auto` decided by the recommended bump. `undefined` when auto finds nothing to release.
 */
export function releaseKind(o: {
  versionBump: Bump | 'auto';
  hotfix: boolean;
  recommended: Bump | 'none';
}): { kind: ReleaseKind; bump: Bump } | undefined {
  if (o.hotfix) {
    if (o.versionBump !== 'patch' && o.versionBump !== 'auto') {
      throw new InputError(
        'version_bump',
        `Input "version_bump" has an invalid value "${o.versionBump}" for a hotfix; expected patch or auto (a hotfix is a patch release).`,
      );
    }
    return { kind: 'hotfix', bump: 'patch' };
  }
  const bump = o.versionBump === 'auto' ? o.recommended : o.versionBump;
  if (bump === 'none') return undefined;
  return { kind: bump, bump };
}

export interface Overrides {
  deployment_strategy?: Strategy;
  load_profile?: LoadProfile;
  /** The workflow's `run_smoke_tests`; false is refused where the policy requires smoke tests. */
  run_smoke_tests?: boolean;
}

export function effectivePolicy(
  kind: ReleaseKind,
  o: { file?: PolicyFile; names?: EnvironmentNames; overrides?: Overrides } = {},
): EffectivePolicy {
  const base = defaultPolicy(o.names)[kind];
  const fromFile = o.file?.types[kind] ?? {};
  const sources = {} as EffectivePolicy['sources'];
  const out = { ...base, environments: { ...base.environments } } as TypePolicy;
  const set = <K extends keyof TypePolicy>(key: K, value: TypePolicy[K] | undefined, source: Source) => {
    if (value === undefined) return;
    out[key] = value;
    sources[key] = source;
  };
  for (const key of Object.keys(base) as (keyof TypePolicy)[]) {
    if (key !== 'environments') sources[key] = 'default';
  }
  for (const k of Object.keys(base.environments) as (keyof PolicyEnvironments)[]) {
    sources[`environments.${k}`] = 'default';
    const v = fromFile.environments?.[k];
    if (v !== undefined) {
      out.environments[k] = v;
      sources[`environments.${k}`] = 'policy file';
    }
  }
  set('gates', fromFile.gates, 'policy file');
  set('load_profile', fromFile.load_profile, 'policy file');
  set('smoke_tests', fromFile.smoke_tests, 'policy file');
  set('strategy', fromFile.strategy, 'policy file');
  set('canary_steps', fromFile.canary_steps, 'policy file');
  set('step_duration', fromFile.step_duration, 'policy file');
  set('monitor_duration', fromFile.monitor_duration, 'policy file');

  const ov = o.overrides ?? {};
  set('strategy', ov.deployment_strategy, 'input');
  set('load_profile', ov.load_profile, 'input');
  if (ov.run_smoke_tests === false && out.smoke_tests) {
    throw new InputError(
      'run_smoke_tests',
      `Input "run_smoke_tests" has an invalid value "false"; expected true: the ${kind} policy requires smoke tests before traffic moves` +
        (out.gates.length === 0 ? ' (they are its only gate).' : '.'),
    );
  }
  if (ov.run_smoke_tests === true && !out.smoke_tests) set('smoke_tests', true, 'input');
  if (out.gates.length === 0 && !out.smoke_tests) {
    throw new InputError(
      `types.${kind}.smoke_tests`,
      `The ${kind} policy has no quality gates and no smoke tests: a release must pass at least one check.`,
    );
  }
  return { ...out, kind, sources };
}

/** The environments in the order the pipeline reaches them, without the empty ones. */
export function approvalOrder(p: TypePolicy): { job: keyof PolicyEnvironments; environment: string }[] {
  return (['release', 'product', 'deploy'] as const)
    .filter((job) => p.environments[job] !== '')
    .map((job) => ({ job, environment: p.environments[job] }));
}
