/**
 * The gates' configuration from the typed inputs: every cross-input rule checked here, before any side effect
 * (a bad threshold, a missing target, a shard with merge… is bad input: one ::error::, nothing started).
 */
import { globSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { InputValues, RunnerContext } from '@release-actions/shared/action';
import {
  type GateName,
  type GatesConfig,
  loadTarget,
  parseBuildArgs,
  parseShard,
  parseThresholds,
  readProfilesFile,
  resolveProfile,
  splitCommand,
  type Shard,
} from '@release-actions/shared/gates';
import { confinePath, InputError } from '@release-actions/shared';
import type { action } from './inputs.js';

type Inputs = InputValues<(typeof action)['inputs']>;

export const need = (input: string, why: string, accepted: string) =>
  new InputError(input, `Input "${input}" is required ${why} but was empty; expected ${accepted}.`);

/** What the inputs that a gate or engine requires accept. */
const REQUIRED_ACCEPTS = {
  k6_script: 'a k6 script path relative to the workspace',
  baseline_path: 'a path for the baseline results JSON (read when it exists, written when it does not)',
  image: 'an image reference in lower case such as registry/name:tag',
};

/** The value of an input that `why` requires, or the `need` error when it is empty. */
const required = (input: keyof typeof REQUIRED_ACCEPTS, value: string | undefined, why: string): string => {
  if (!value) throw need(input, why, REQUIRED_ACCEPTS[input]);
  return value;
};

/** What status_branch and version accept, where the verdicts are recorded (after a run, or record_results). */
export const RECORD_ACCEPTS = {
  status_branch: 'the branch holding release-status.yaml, e.g. release-status',
  version: 'the semantic version whose status record gets the verdicts, e.g. 1.4.0',
} as const;

/**
 * A path input resolved before any side effect. A relative path (or an absolute one into the checkout) names a
 * file of the repository, which is untrusted: its real path (links followed) must stay inside the workspace and
 * be a regular file (confinePath). An absolute path elsewhere (`${{ runner.temp }}/…`) is the workflow author's
 * own choice and is taken as given.
 */
export function confinedPath(
  workspace: string,
  input: string,
  path: string,
  o: { mayBeMissing?: boolean; what?: string } = {},
): string {
  const rel = relative(workspace, resolve(workspace, path));
  const inCheckout = !isAbsolute(path) || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  if (!inCheckout) return path;
  return confinePath(workspace, path, { input, mayBeMissing: o.mayBeMissing, what: o.what });
}

export function buildConfig(i: Inputs, runner: RunnerContext): GatesConfig {
  const cwd = runner.workspace;
  const at = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const gates = i.gates as GateName[];
  const load = gates.includes('load-testing') || gates.includes('performance-profiling');

  const thresholds = parseThresholds(i.thresholds);
  let shard: Shard | undefined;
  if (i.shard) shard = parseShard(i.shard);
  if (i.shard && i.merge) {
    throw new InputError(
      'merge',
      `Input "merge" has the value ${JSON.stringify(i.merge)} while "shard" is ${JSON.stringify(i.shard)}; expected one or the other: shards run the load, one merge job combines them.`,
    );
  }
  const profileName = i.load_profile;
  const profilesFile = at(i.profiles_file);
  const profile = resolveProfile(
    profileName,
    readProfilesFile(profilesFile, i.profiles_file === '.github/load-profiles.yml', i.profiles_file),
    { connections: i.connections, rate: i.rate, durationMs: i.duration },
  );

  let merge: string[] | undefined;
  let target: GatesConfig['target'];
  let k6: GatesConfig['k6'];
  if (load) {
    if (i.merge) {
      if (i.engine !== 'builtin') {
        throw new InputError(
          'merge',
          'Input "merge" works with engine builtin only; expected no merge with engine k6 (k6 summaries carry no histograms to merge).',
        );
      }
      merge = globSync(i.merge, { cwd })
        .map((f) => confinedPath(cwd, 'merge', f, { what: `Input "merge" (${JSON.stringify(i.merge)}) matched ${f}:` }))
        .sort();
    } else if (i.engine === 'builtin') {
      target = loadTarget(i.target_url, i.requests);
    } else {
      const script = required('k6_script', i.k6_script, 'with engine k6');
      // Checked here, before anything starts; k6 is given the name as written (its own messages show it).
      confinedPath(cwd, 'k6_script', script);
      k6 = { script, version: i.k6_version, url: i.k6_url };
    }
    if (shard && shard.count > 1 && profile.connections < shard.count && i.engine === 'builtin') {
      throw new InputError(
        'shard',
        `Input "shard" has an invalid value "${i.shard}"; expected at most as many shards as connections (${profile.connections}).`,
      );
    }
  }
  if ((i.start_command === '') !== (i.ready_url === undefined)) {
    throw i.start_command
      ? need('ready_url', 'with start_command', 'an absolute URL that answers 2xx once the service is ready')
      : need('start_command', 'with ready_url', 'a shell command that starts the service under test');
  }
  if ((i.status_branch === '') !== (i.version === undefined)) {
    throw i.status_branch
      ? need('version', 'with status_branch', RECORD_ACCEPTS.version)
      : need('status_branch', 'with version', RECORD_ACCEPTS.status_branch);
  }
  let regression: GatesConfig['regression'];
  if (gates.includes('performance-profiling')) {
    const baseline = required('baseline_path', i.baseline_path, 'with the performance-profiling gate');
    // Read when it exists, written when it does not: either way inside the checkout, never through a link.
    regression = {
      baselinePath: confinedPath(cwd, 'baseline_path', baseline, { mayBeMissing: true }),
      maxRegressionPct: i.max_regression_pct ?? 10,
    };
  }
  let container: GatesConfig['container'];
  if (gates.includes('container-build')) {
    const image = required('image', i.image, 'with the container-build gate');
    const buildArgs = parseBuildArgs(i.build_args);
    if (typeof buildArgs === 'string') {
      throw new InputError(
        'build_args',
        `Input "build_args" has an invalid value ${JSON.stringify(buildArgs)}; expected one KEY=VALUE per line.`,
      );
    }
    if (i.container_smoke_command) {
      try {
        splitCommand(i.container_smoke_command);
      } catch (e) {
        throw new InputError(
          'container_smoke_command',
          `Input "container_smoke_command" has an invalid value ${JSON.stringify(i.container_smoke_command)}: ${(e as Error).message}; expected a command line with balanced quotes.`,
        );
      }
    }
    container = {
      image,
      context: i.context || '.',
      dockerfile: i.dockerfile || undefined,
      buildArgs,
      maxImageSizeMb: i.max_image_size_mb,
      smokeCommand: i.container_smoke_command || undefined,
    };
  }
  const workDir = join(runner.runnerTemp, 'quality-gates');
  const resultsPath = i.results_path
    ? confinedPath(cwd, 'results_path', i.results_path, { mayBeMissing: true })
    : join(workDir, shard && shard.count > 1 ? `results-shard-${shard.index}-of-${shard.count}.json` : 'results.json');
  return {
    gates,
    engine: i.engine,
    profileName,
    profile,
    target,
    thresholds,
    minRequests: i.min_requests ?? 100,
    requestTimeoutMs: i.request_timeout,
    shard,
    merge,
    service: i.start_command
      ? { command: i.start_command, readyUrl: i.ready_url as string, readyTimeoutMs: i.ready_timeout ?? 60_000 }
      : undefined,
    k6,
    regression,
    container,
    resultsPath,
    cwd,
    workDir,
  };
}
