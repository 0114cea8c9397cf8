/**
 * The reusable workflow's preflight, against the policy the plan resolved: the quality gates and the deploy of
 * THIS plan have what they need, and the deploy's monitoring window and canary steps fit in its job's deadline.
 * Pure: the plan action reports the problems (one ::error:: each) and outputs the rest.
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
  /** Checked present by the plan's refine. */
  load_shards: number;
  image: string;
  router: 'nginx' | 'command' | 'none';
  deploy_timeout_minutes: number;
  /** The caller deploys (a deploy setting given, or require_deploy): see deployRequested in inputs.ts. */
  deploy: boolean;
  /** require_quality_gates: true: every gate of the policy runs; what they lack is refused, not left out. */
  requireGates: boolean;
}

/** Minutes of the deploy job kept for the deploy action's own rollback after its deadline. */
export const ROLLBACK_RESERVE_MINUTES = 10;

export interface Preflight {
  problems: InputProblem[];
  /** The load-shards matrix: [1..N] when the load is sharded, else []. */
  shards: number[];
  /** The deploy action's timeout, e.g. `350m`. */
  deployTimeout: string;
  /** The policy's gates whose settings were given: the ones the quality-gates job runs. */
  gates: string[];
  /** The policy's gates left out, each with why (no service, no image). */
  skipped: { gate: string; because: string }[];
}

const LOAD_GATES = ['load-testing', 'performance-profiling'];

export function preflight(p: PreflightPolicy, s: PreflightSettings): Preflight {
  const problems: InputProblem[] = [];
  const need = (input: string, message: string) => problems.push({ input, message });
  // A gate runs when the caller gave what it needs; one setting of it given asks for the rest (refused below).
  const service = !!s.target_url || !!s.start_command || s.load_engine === 'k6' || !!s.k6_script || s.load_shards > 1;
  const skipped: Preflight['skipped'] = [];
  const run = p.gates.filter((g) => {
    if (s.requireGates) return true;
    if (LOAD_GATES.includes(g) && !service)
      skipped.push({ gate: g, because: 'no service to load: target_url (or start_command, or k6_script) not given' });
    else if (g === 'container-build' && !s.image)
      skipped.push({ gate: g, because: 'no image to build: image not given' });
    else return true;
    return false;
  });
  const gates = run.join(',');
  const load = run.some((g) => LOAD_GATES.includes(g));
  const why = s.requireGates ? 'require_quality_gates: true runs' : 'the policy runs';
  if (run.includes('container-build') && !s.image)
    need(
      'image',
      `Input "image" is empty but required: ${why} the container-build gate, which builds the image of that name from the Dockerfile; give it, or require_quality_gates: auto to leave the gate out.`,
    );
  if (load && s.load_engine === 'k6' && !s.k6_script)
    need(
      'k6_script',
      `Input "k6_script" is empty but required: load_engine k6 runs the load gates (${gates}) with it, the path of the k6 script in the repository.`,
    );
  if (load && s.load_engine === 'builtin' && !s.target_url)
    need(
      'target_url',
      `Input "target_url" is empty but required: ${why} the load gates (${gates}) against it, a staging URL or the one start_command serves.`,
    );
  // Sharded load: a matrix of load-shards jobs, one per runner; the quality-gates job merges them.
  let shards: number[] = [];
  if (load && s.load_shards > 1) {
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
  if (!s.deploy) return { problems, shards, deployTimeout: `${budgetMin(s)}m`, gates: run, skipped };
  if ((p.strategy === 'blue-green' || p.strategy === 'canary') && s.router === 'none')
    need(
      'router',
      `Input "router" is none but the ${p.strategy} strategy moves traffic between slots: set router nginx or command, or deployment_strategy rolling or immediate (or the strategy in the policy file).`,
    );
  // The deploy action gets the job's deadline less the rollback reserve; the monitoring window and the canary
  // steps must fit in it.
  const budget = budgetMin(s);
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
    if (needMs >= budget * 60_000)
      need(
        'deploy_timeout_minutes',
        `Input "deploy_timeout_minutes" is ${s.deploy_timeout_minutes}, which leaves ${budget}: the ${p.strategy} deploy needs ${Math.floor(needMs / 60_000)} minutes of monitoring and canary steps (monitor_duration ${p.monitor_duration}): raise deploy_timeout_minutes (self-hosted runner above 360) or shorten monitor_duration in the policy file.`,
      );
  }
  return { problems, shards, deployTimeout: `${budget}m`, gates: run, skipped };
}

const budgetMin = (s: PreflightSettings) => s.deploy_timeout_minutes - ROLLBACK_RESERVE_MINUTES;
