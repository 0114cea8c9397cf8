/**
 * The reusable workflow's preflight, against the policy the plan resolved: the quality gates and the deploy of
 * THIS plan have what they need, and the deploy's monitoring window and canary steps fit in its job's deadline.
 * Pure: the plan action reports the problems (one ::error:: each, all at once) and outputs the rest. It runs only
 * when there is something to release: a run with nothing to release stays green whatever the deploy settings.
 */
import type { InputProblem } from '@release-actions/shared/action';
import { parseDuration } from '@release-actions/shared';

export interface PreflightPolicy {
  gates: readonly string[];
  strategy: string;
  canary_steps: readonly number[];
  step_duration: string;
  monitor_duration: string;
}

export interface PreflightSettings {
  target_url: string | undefined;
  start_command: string;
  load_engine: 'builtin' | 'k6';
  k6_script: string;
  load_shards: number | undefined;
  image: string;
  version_url: string | undefined;
  workload: 'command' | 'docker';
  deploy_start_command: string;
  docker_image: string;
  router: 'nginx' | 'command' | 'none';
  nginx_upstream_file: string;
  router_command: string;
  deploy_timeout_minutes: number;
}

/** Minutes of the deploy job kept for the deploy action's own rollback after its deadline. */
export const ROLLBACK_RESERVE_MINUTES = 10;

export interface Preflight {
  problems: InputProblem[];
  /** The load-shards matrix: [1..N] when the load is sharded, else []. */
  shards: number[];
  /** The deploy action's timeout, e.g. `350m`. */
  deployTimeout: string;
}

export function preflight(p: PreflightPolicy, s: PreflightSettings): Preflight {
  const problems: InputProblem[] = [];
  const need = (input: string, message: string) => problems.push({ input, message });
  const gates = p.gates.join(',');
  const load = p.gates.includes('load-testing') || p.gates.includes('performance-profiling');
  if (s.load_shards === undefined)
    need(
      'load_shards',
      'Input "load_shards" is empty but required with preflight; expected a whole number from 1 to 64.',
    );
  if (load && s.load_engine === 'k6' && !s.k6_script)
    need(
      'k6_script',
      `Input "k6_script" is empty but required: load_engine k6 runs the load gates (${gates}) with it, the path of the k6 script in the repository.`,
    );
  if (load && s.load_engine === 'builtin' && !s.target_url)
    need(
      'target_url',
      `Input "target_url" is empty but required: the policy runs the load gates (${gates}) against it, a staging URL or the one start_command serves.`,
    );
  // Sharded load: a matrix of load-shards jobs, one per runner; the quality-gates job merges them.
  let shards: number[] = [];
  if (load && s.load_shards !== undefined && s.load_shards > 1) {
    if (s.load_engine === 'k6')
      need(
        'load_shards',
        `Input "load_shards" is ${s.load_shards}, which needs load_engine builtin: k6 summaries carry no histograms to merge into one verdict.`,
      );
    else if (s.start_command)
      need(
        'load_shards',
        `Input "load_shards" is ${s.load_shards}: it spreads the load on one service (target_url) across runners, but start_command would start a copy on each runner: leave start_command empty, or load_shards 1.`,
      );
    else shards = Array.from({ length: s.load_shards }, (_, i) => i + 1);
  }
  if (p.gates.includes('container-build') && !s.image)
    need(
      'image',
      'Input "image" is empty but required: the policy runs the container-build gate, which builds it (e.g. ghcr.io/acme/app).',
    );
  if ((p.strategy === 'blue-green' || p.strategy === 'canary') && s.router === 'none')
    need(
      'router',
      `Input "router" is none but the ${p.strategy} strategy moves traffic between slots: set router nginx or command, or deployment_strategy rolling or immediate (or the strategy in the policy file).`,
    );
  if (!s.version_url)
    need(
      'version_url',
      'Input "version_url" is empty but required to deploy: a deploy is done only when the serving version is the released one, and version_url is where it is read.',
    );
  if (s.workload === 'command' && !s.deploy_start_command.trim())
    need(
      'deploy_start_command',
      'Input "deploy_start_command" is empty but required with workload command (it starts one instance of a version).',
    );
  if (s.workload === 'docker' && !s.docker_image)
    need('docker_image', 'Input "docker_image" is empty but required with workload docker.');
  if (s.router === 'nginx' && !s.nginx_upstream_file)
    need('nginx_upstream_file', 'Input "nginx_upstream_file" is empty but required with router nginx.');
  if (s.router === 'command' && !s.router_command.trim())
    need('router_command', 'Input "router_command" is empty but required with router command.');
  // The deploy action gets the job's deadline less the rollback reserve; the monitoring window and the canary
  // steps must fit in it.
  const budgetMin = s.deploy_timeout_minutes - ROLLBACK_RESERVE_MINUTES;
  const monitorMs = parseDuration(p.monitor_duration);
  const stepMs = parseDuration(p.step_duration);
  if (monitorMs === undefined || stepMs === undefined) {
    need(
      'policy_path',
      `The policy's monitor_duration (${p.monitor_duration}) or step_duration (${p.step_duration}) is not a duration.`,
    );
  } else {
    const stepsMs = p.strategy === 'canary' ? (p.canary_steps.length - 1) * stepMs : 0;
    const needMs = monitorMs + stepsMs;
    if (needMs >= budgetMin * 60_000)
      need(
        'deploy_timeout_minutes',
        `Input "deploy_timeout_minutes" is ${s.deploy_timeout_minutes}, which leaves ${budgetMin}: the ${p.strategy} deploy needs ${Math.floor(needMs / 60_000)} minutes of monitoring and canary steps (monitor_duration ${p.monitor_duration}): raise deploy_timeout_minutes (self-hosted runner above 360) or shorten monitor_duration in the policy file.`,
      );
  }
  return { problems, shards, deployTimeout: `${budgetMin}m` };
}
