/**
 * The executor: runs a workflow's jobs in `needs` order (independent jobs concurrently), with GitHub's skip
 * semantics, matrices, outputs, file commands, environments as approval gates, timeouts, continue-on-error and
 * concurrency groups. The same walk, with no step run and outputs unknown, is the dry run.
 */
import { execFileSync } from 'node:child_process';
import { exec } from '@release-actions/shared/util';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { resolveAction, type Resolver } from './actions.js';
import {
  asString,
  evaluate,
  interpolate,
  isTruthy,
  isUnknown,
  truthyValue,
  Unknown,
  usesStatusFunction,
  type EvalScope,
  type Status,
} from './expressions.js';
import { FileCommandError, parseKeyValueFile, parsePathFile } from './file-commands.js';
import {
  jobOrder,
  loadWorkflow,
  needsOf,
  UnsupportedError,
  WorkflowError,
  type RawJob,
  type Workflow,
} from './model.js';
import { runStandIn, StandInError } from './standins.js';
import { validateWorkflow, type CalledWorkflow } from './validate.js';

export type Result = 'success' | 'failure' | 'skipped' | 'cancelled';
export type Decision = 'run' | 'skip' | 'wait-for-approval' | 'depends';

export interface ApprovalRequest {
  job: string;
  environment: string;
  url?: string;
  reviewers: string[];
}

export interface StepReport {
  name: string;
  id?: string;
  outcome: Result;
  conclusion: Result;
  durationMs: number;
  outputs: Record<string, string>;
  error?: string;
}

export interface JobReport {
  /** `plan`, or `release/plan` inside a called workflow; matrix legs add ` (shard: 1)`. */
  id: string;
  name: string;
  decision: Decision;
  /** Why: the `if:` and its value, the need that failed, the environment that was asked. */
  reason: string;
  result: Result | 'unknown';
  environment?: string;
  outputs: Record<string, string>;
  steps: StepReport[];
  legs?: string[];
  durationMs: number;
}

export interface RunReport {
  workflow: string;
  conclusion: 'success' | 'failure';
  jobs: JobReport[];
  outputs: Record<string, string>;
  runDir?: string;
  durationMs: number;
}

export interface ExecutorOptions extends Resolver {
  /** The workflow file to run. */
  workflow: string;
  inputs?: Record<string, string>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** github.event and github.event_name (default workflow_dispatch, `{}`). */
  event?: { name?: string; payload?: Record<string, unknown> };
  /** Evaluate the graph only: no step runs, outputs of jobs are unknown unless assumed. */
  dryRun?: boolean;
  /** Dry run: outputs taken as given, by job path (`plan`, `release/plan`). */
  assume?: Record<string, Record<string, string>>;
  /** Where jobs get their workspaces, RUNNER_TEMP and the artifact store. Default: a new temp directory. */
  runDir?: string;
  /** A job naming an environment waits for this; false fails the job. Without it such a job is refused. */
  approve?: (request: ApprovalRequest) => Promise<boolean>;
  /** Reviewers to name per environment when asking (GitHub's settings are not visible locally). */
  reviewers?: Record<string, string[]>;
  log?: (line: string) => void;
  /** Environment the steps inherit (PATH, HOME…); GITHUB_*, RUNNER_* and INPUT_* of it are dropped. */
  env?: NodeJS.ProcessEnv;
  /** Jobs that must not be skipped (by path): one that is makes the run fail, naming the job and its `if:`. */
  mustRun?: string[];
  /**
   * Run only these jobs (by path, `release/plan`) and the callers they sit in; every other job is skipped as not
   * selected, so a check can run one job of the graph for real (the plan's preflight) and nothing after it.
   */
  jobs?: string[];
  /**
   * GitHub's "Re-run jobs": only `jobs` (by path) run again; every other job keeps its result, outputs and steps of
   * `previous` (the same runDir keeps its artifacts). Pass `github: { run_id, run_attempt }` to carry the run's ids.
   */
  rerun?: { previous: RunReport; jobs: string[] };
  /**
   * Cancels the run, as GitHub's "Cancel workflow": running steps get SIGTERM (SIGKILL 5 s later), and nothing new
   * starts — not even a job or step whose `if:` is `always()`, which GitHub would still run: a local cancel (the
   * demo's Ctrl-C) means stop now.
   */
  signal?: AbortSignal;
  /** Overrides of the github context (repository, sha, ref, actor, api_url…). */
  github?: Record<string, unknown>;
}

// Runs of the same concurrency group wait for each other within this process (cancel-in-progress: false).
const groups = new Map<string, Promise<void>>();

async function inGroup<T>(group: string | undefined, f: () => Promise<T>): Promise<T> {
  if (!group) return f();
  const previous = groups.get(group) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => mine);
  groups.set(group, chained);
  await previous;
  try {
    return await f();
  } finally {
    release();
    if (groups.get(group) === chained) groups.delete(group);
  }
}

function gitOr(cwd: string, args: string[], fallback: string): string {
  try {
    return (
      execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || fallback
    );
  } catch {
    return fallback;
  }
}

/** The github context of a local run: the repository in `repository`, as far as git knows it (two git calls). */
export function localGithubContext(repository: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const [head = '', symbolic = ''] = gitOr(repository, ['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], '').split(
    '\n',
  );
  const config = gitOr(repository, ['config', '--get-regexp', '^(remote\\.origin\\.url|user\\.name)$'], '');
  const setting = (key: string) => new RegExp(`^${key.replace('.', '\\.')} (.*)$`, 'm').exec(config)?.[1] ?? '';
  const origin = setting('remote.origin.url');
  const slug = /[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(origin)?.[1];
  const repo =
    env.GITHUB_REPOSITORY ?? (slug && !slug.startsWith('.') ? slug : `local/${basename(resolve(repository))}`);
  const ref = env.GITHUB_REF ?? (symbolic.startsWith('refs/') ? symbolic : '');
  const user = setting('user.name');
  const runId = String(Date.now());
  return {
    repository: repo,
    repository_owner: repo.split('/')[0],
    sha: env.GITHUB_SHA ?? (/^[0-9a-f]{40}$/.test(head) ? head : '0'.repeat(40)),
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    actor: env.GITHUB_ACTOR ?? (user || env.USER || 'local'),
    server_url: env.GITHUB_SERVER_URL ?? 'https://github.com',
    api_url: env.GITHUB_API_URL ?? 'https://api.github.com',
    graphql_url: env.GITHUB_GRAPHQL_URL ?? 'https://api.github.com/graphql',
    run_id: runId,
    run_number: '1',
    run_attempt: '1',
    retention_days: '90',
    head_ref: '',
    base_ref: '',
  };
}

/** Inputs as the workflow declares them: booleans and numbers typed, defaults filled, unknown and missing refused. */
export function typedInputs(wf: Workflow, given: Record<string, unknown>, where: string): Record<string, unknown> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(given))
    if (!(k in wf.inputs))
      problems.push(`input ${k}: not an input of ${where} (inputs: ${Object.keys(wf.inputs).join(', ')})`);
  for (const [k, def] of Object.entries(wf.inputs)) {
    let v = k in given ? given[k] : def.default;
    if (v === undefined) {
      if (def.required) problems.push(`input ${k}: required`);
      v = def.type === 'boolean' ? false : def.type === 'number' ? 0 : '';
    }
    if (def.type === 'boolean' && typeof v !== 'boolean') {
      if (v === 'true' || v === 'false') v = v === 'true';
      else problems.push(`input ${k}: ${JSON.stringify(v)} is not a boolean (true or false)`);
    } else if (def.type === 'number' && typeof v !== 'number') {
      const n = Number(v);
      if (v === '' || Number.isNaN(n)) problems.push(`input ${k}: ${JSON.stringify(v)} is not a number`);
      else v = n;
    } else if (def.type === 'choice' && def.options && !def.options.includes(String(v))) {
      problems.push(`input ${k}: ${JSON.stringify(v)} is not one of ${def.options.join(', ')}`);
    } else if ((def.type === 'string' || def.type === undefined) && typeof v !== 'string') v = asString(v);
    out[k] = v;
  }
  if (problems.length) throw new WorkflowError(where, problems);
  return out;
}

interface JobState {
  result: Result | Unknown;
  outputs: Record<string, unknown>;
}

interface WorkflowRun {
  wf: Workflow;
  called: Map<string, CalledWorkflow>;
  prefix: string;
  inputs: Record<string, unknown>;
  secrets: Record<string, string>;
}

class Execution {
  readonly reports: JobReport[] = [];
  private readonly masks = new Set<string>();
  private readonly log: (line: string) => void;
  private readonly baseEnv: NodeJS.ProcessEnv;
  readonly runDir: string;
  readonly github: Record<string, unknown>;
  private legCount = 0;

  constructor(private readonly o: ExecutorOptions) {
    const rawLog = o.log ?? (() => undefined);
    this.log = (line) => rawLog(this.mask(line));
    this.baseEnv = Object.fromEntries(
      Object.entries(o.env ?? process.env).filter(([k]) => !/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_)/.test(k)),
    );
    this.github = {
      ...localGithubContext(o.repository, o.env ?? process.env),
      event_name: o.event?.name ?? 'workflow_dispatch',
      event: o.event?.payload ?? {},
      ...o.github,
    };
    this.runDir = o.runDir ?? join(tmpdir(), `release-actions-run-${String(this.github.run_id)}`);
    for (const s of Object.values(o.secrets ?? {})) if (s) this.masks.add(s);
  }

  mask(line: string): string {
    let out = line;
    for (const m of this.masks) if (m.length > 0) out = out.split(m).join('***');
    return out;
  }

  baseContexts(run: WorkflowRun): Record<string, unknown> {
    const token = this.o.secrets?.GITHUB_TOKEN ?? this.o.env?.GITHUB_TOKEN ?? '';
    return {
      inputs: run.inputs,
      secrets: { GITHUB_TOKEN: token, ...run.secrets },
      vars: this.o.vars ?? {},
      github: { ...this.github, token, workflow: run.wf.name },
    };
  }

  async runWorkflow(run: WorkflowRun): Promise<{ states: Map<string, JobState>; outputs: Record<string, unknown> }> {
    const { wf } = run;
    const states = new Map<string, Promise<JobState>>();
    const settled = new Map<string, JobState>();
    const group = this.concurrencyGroup(
      wf.concurrency,
      { contexts: this.baseContexts(run) },
      `${run.prefix}concurrency`,
    );
    await inGroup(this.o.dryRun ? undefined : group, async () => {
      for (const id of jobOrder(wf)) {
        const job = wf.jobs[id]!;
        states.set(
          id,
          (async () => {
            const needs = await Promise.all(needsOf(job).map(async (n) => [n, await states.get(n)!] as const));
            const state = await this.runJob(run, id, job, new Map(needs));
            settled.set(id, state);
            return state;
          })(),
        );
      }
      await Promise.all(states.values());
    });
    const jobs = Object.fromEntries([...settled].map(([id, s]) => [id, { result: s.result, outputs: s.outputs }]));
    const outputs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wf.outputs))
      outputs[k] = interpolate(v, { contexts: { ...this.baseContexts(run), jobs } });
    return { states: settled, outputs };
  }

  private concurrencyGroup(c: RawJob['concurrency'], scope: EvalScope, where: string): string | undefined {
    if (c === undefined) return undefined;
    const v = interpolate(c, scope);
    if (isUnknown(v)) return undefined;
    const group = typeof v === 'string' ? v : asString((v as { group?: unknown }).group);
    const cancel = typeof v === 'object' && v ? (v as Record<string, unknown>)['cancel-in-progress'] : false;
    if (cancel === true || cancel === 'true')
      throw new UnsupportedError(`${where}: cancel-in-progress: true is not supported by the local executor`);
    return group || undefined;
  }

  /**
   * A job that cannot go on (a matrix that is not a list, an unsupported setting found only at run time) fails with
   * the reason, as on GitHub, instead of abandoning the jobs running beside it.
   */
  private async runJob(run: WorkflowRun, id: string, job: RawJob, needs: Map<string, JobState>): Promise<JobState> {
    try {
      return await this.runJobUnguarded(run, id, job, needs);
    } catch (e) {
      if (!(e instanceof WorkflowError || e instanceof UnsupportedError || e instanceof StandInError)) throw e;
      const path = `${run.prefix}${id}`;
      const report = this.reports.find((r) => r.id === path);
      const reason = e.message.replace(/^[^:]*\.ya?ml: /, '');
      if (report) Object.assign(report, { result: 'failure', reason });
      this.log(`::error title=${path}::${reason}`);
      return { result: 'failure', outputs: {} };
    }
  }

  private async runJobUnguarded(
    run: WorkflowRun,
    id: string,
    job: RawJob,
    needs: Map<string, JobState>,
  ): Promise<JobState> {
    const path = `${run.prefix}${id}`;
    const started = performance.now();
    const report: JobReport = {
      id: path,
      name: asString(job.name ?? id),
      decision: 'run',
      reason: '',
      result: 'success',
      outputs: {},
      steps: [],
      durationMs: 0,
    };
    this.reports.push(report);
    const needsCtx = Object.fromEntries([...needs].map(([n, s]) => [n, { result: s.result, outputs: s.outputs }]));
    const results = [...needs.values()].map((s) => s.result);
    const status: Status = results.includes('failure')
      ? 'failure'
      : (results.find((r): r is Unknown => isUnknown(r)) ??
        (results.some((r) => r === 'skipped' || r === 'cancelled') ? 'skipped' : 'success'));
    const contexts = { ...this.baseContexts(run), needs: needsCtx };
    const scope: EvalScope = { contexts, status };

    const finish = (state: JobState, decision: Decision, reason: string): JobState => {
      report.decision = decision;
      report.reason = reason;
      report.result = isUnknown(state.result) ? 'unknown' : state.result;
      report.outputs = Object.fromEntries(
        Object.entries(state.outputs).map(([k, v]) => [
          k,
          isUnknown(v) ? `(unknown: ${v.refs.join(', ')})` : asString(v),
        ]),
      );
      report.durationMs = performance.now() - started;
      // The dry run's decisions are the report itself; a run logs each job's end as it happens.
      if (!this.o.dryRun) this.log(`${path}: ${report.result}${reason ? ` — ${reason}` : ''}`);
      return state;
    };

    // The job's if: (success() && … unless it names a status function), as the runner evaluates it.
    const text = ifExpression(job.if);
    if (this.o.signal?.aborted) return finish({ result: 'cancelled', outputs: {} }, 'skip', 'the run was cancelled');
    const kept =
      this.o.rerun?.jobs.includes(path) === false ? this.o.rerun.previous.jobs.find((j) => j.id === path) : undefined;
    if (kept && kept.result !== 'unknown') {
      report.steps = kept.steps;
      report.environment = kept.environment;
      return finish(
        { result: kept.result, outputs: kept.outputs },
        kept.decision,
        `kept from the previous attempt: ${kept.reason}`,
      );
    }
    if (this.o.jobs && !this.o.jobs.some((j) => j === path || j.startsWith(`${path}/`)))
      return finish({ result: 'skipped', outputs: {} }, 'skip', `not selected (only ${this.o.jobs.join(', ')})`);
    const full = usesStatusFunction(text) ? text : `success() && (${text})`;
    const verdict = evaluate(full, scope);
    const failedNeed = [...needs].find(([, s]) => s.result !== 'success' && !isUnknown(s.result));
    if (isUnknown(verdict)) {
      const outputs = this.unknownOutputs(run, id, job);
      return finish(
        { result: new Unknown([`needs.${id}.result`]), outputs },
        'depends',
        `if: ${text} — decided by ${verdict.refs.join(', ')}`,
      );
    }
    if (!isTruthy(verdict)) {
      const why =
        (job.if === undefined || !usesStatusFunction(text)) && failedNeed
          ? `need ${failedNeed[0]} ${asString(failedNeed[1].result)}${job.if === undefined ? '' : ` (if: ${text})`}`
          : `if: ${text} is false`;
      return finish({ result: 'skipped', outputs: {} }, 'skip', why);
    }
    const jobCtx = { ...contexts, env: {} };
    const environment = interpolate(job.environment, { contexts: jobCtx });
    const envName = isUnknown(environment)
      ? environment
      : asString(
          typeof environment === 'object' && environment ? (environment as { name?: unknown }).name : environment,
        );
    const envUrl =
      typeof environment === 'object' && environment && !isUnknown(environment)
        ? asString((environment as { url?: unknown }).url)
        : undefined;
    const reasonRun =
      job.if !== undefined ? `if: ${text} is true` : needs.size ? `no if:, needs succeeded` : 'no if:, no needs';

    if (this.o.dryRun) {
      const outputs = this.unknownOutputs(run, id, job);
      if (job.uses) {
        const called = run.called.get(id)!;
        const inputs = this.calledInputs(run, id, job, scope);
        const sub = await this.runWorkflow({
          wf: called.workflow,
          called: subCalled(run.called, id),
          prefix: `${path}/`,
          inputs,
          secrets: {},
        });
        return finish({ result: 'success', outputs: sub.outputs }, 'run', `${reasonRun}; calls ${job.uses}`);
      }
      const legs = this.matrixLegs(job, { contexts: jobCtx }, path);
      if (!isUnknown(legs) && legs.length > 1) report.legs = legs.map(legName);
      const legNote = isUnknown(legs)
        ? `; matrix decided by ${legs.refs.join(', ')}`
        : legs.length > 1
          ? `; matrix of ${legs.length}`
          : '';
      if (envName) {
        report.environment = isUnknown(envName) ? `(unknown: ${envName.refs.join(', ')})` : envName;
        return finish(
          { result: 'success', outputs },
          'wait-for-approval',
          `${reasonRun}; environment ${report.environment}${legNote}`,
        );
      }
      return finish({ result: 'success', outputs }, 'run', `${reasonRun}${legNote}`);
    }

    if (job.uses) {
      const called = run.called.get(id)!;
      const inputs = this.calledInputs(run, id, job, scope);
      const secrets: Record<string, string> = {};
      if (job.secrets === 'inherit') Object.assign(secrets, run.secrets);
      else for (const [k, v] of Object.entries(job.secrets ?? {})) secrets[k] = asString(interpolate(v, scope));
      for (const s of Object.values(secrets)) if (s) this.masks.add(s);
      const sub = await this.runWorkflow({
        wf: called.workflow,
        called: subCalled(run.called, id),
        prefix: `${path}/`,
        inputs,
        secrets,
      });
      const failed = [...sub.states.values()].some((s) => s.result === 'failure' || s.result === 'cancelled');
      return finish(
        { result: failed ? 'failure' : 'success', outputs: sub.outputs },
        'run',
        `${reasonRun}; calls ${job.uses}`,
      );
    }

    if (envName && !isUnknown(envName)) {
      report.environment = envName;
      const reviewers = this.o.reviewers?.[envName] ?? [];
      if (!this.o.approve)
        throw new UnsupportedError(`job ${path}: environment ${envName} needs an approval, and no approver was given`);
      const approved = await this.o.approve({ job: path, environment: envName, url: envUrl || undefined, reviewers });
      if (!approved)
        return finish({ result: 'failure', outputs: {} }, 'wait-for-approval', `environment ${envName}: rejected`);
    }

    const legs = this.matrixLegs(job, { contexts: jobCtx }, path);
    if (isUnknown(legs)) throw new Error(`job ${path}: matrix unknown`);
    if (legs.length > 1) report.legs = legs.map(legName);
    const group = this.concurrencyGroup(job.concurrency, { contexts: jobCtx }, `job ${path}: concurrency`);
    const strategy = job.strategy ?? {};
    const failFast = asString(interpolate(strategy['fail-fast'] ?? true, { contexts: jobCtx })) !== 'false';
    const maxParallel =
      Number(asString(interpolate(strategy['max-parallel'] ?? legs.length, { contexts: jobCtx }))) || legs.length;
    const legResults: { result: Result; outputs: Record<string, unknown> }[] = [];
    let cancelAll = false;
    await inGroup(group, async () => {
      const queue = legs.map((m, i) => ({ m, i }));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          if (cancelAll) {
            legResults.push({ result: 'cancelled', outputs: {} });
            continue;
          }
          const strategyCtx = {
            'fail-fast': failFast,
            'job-index': next.i,
            'job-total': legs.length,
            'max-parallel': maxParallel,
          };
          const r = await this.runLeg(
            run,
            path,
            id,
            job,
            { ...jobCtx, matrix: next.m, strategy: strategyCtx },
            legs.length > 1 ? next.i : undefined,
            report,
          );
          legResults.push(r);
          if (r.result === 'failure' && failFast) cancelAll = true;
        }
      };
      await Promise.all(Array.from({ length: Math.min(maxParallel, legs.length) }, worker));
    });
    const result: Result = legResults.some((r) => r.result === 'failure')
      ? 'failure'
      : legResults.some((r) => r.result === 'cancelled')
        ? 'cancelled'
        : 'success';
    // Matrix legs write the same outputs: the last leg to finish wins, as on GitHub.
    const outputs = Object.assign({}, ...legResults.map((r) => r.outputs)) as Record<string, unknown>;
    const continueOnError = truthyValue(interpolate(job['continue-on-error'] ?? false, { contexts: jobCtx }));
    return finish(
      { result: result === 'failure' && continueOnError ? 'success' : result, outputs },
      envName ? 'wait-for-approval' : 'run',
      `${reasonRun}${envName ? `; approved in ${asString(envName)}` : ''}`,
    );
  }

  private calledInputs(run: WorkflowRun, id: string, job: RawJob, scope: EvalScope): Record<string, unknown> {
    const called = run.called.get(id)!;
    const given = interpolate(job.with ?? {}, scope) as Record<string, unknown>;
    if (this.o.dryRun) {
      const known = Object.fromEntries(Object.entries(given).filter(([, v]) => !isUnknown(v)));
      return {
        ...typedInputs(called.workflow, known, `job ${run.prefix}${id}: with`),
        ...Object.fromEntries(Object.entries(given).filter(([, v]) => isUnknown(v))),
      };
    }
    return typedInputs(called.workflow, given, `job ${run.prefix}${id}: with`);
  }

  private unknownOutputs(run: WorkflowRun, id: string, job: RawJob): Record<string, unknown> {
    const path = `${run.prefix}${id}`;
    const names = job.uses ? Object.keys(run.called.get(id)?.workflow.outputs ?? {}) : Object.keys(job.outputs ?? {});
    const assumed = this.o.assume?.[path] ?? {};
    return Object.fromEntries(
      names.map((n) => [n, n in assumed ? assumed[n] : new Unknown([`needs.${id}.outputs.${n}`])]),
    );
  }

  private matrixLegs(job: RawJob, scope: EvalScope, path: string): Record<string, unknown>[] | Unknown {
    if (job.strategy?.matrix === undefined) return [{}];
    const m = interpolate(job.strategy.matrix, scope);
    if (isUnknown(m)) return m;
    if (!m || typeof m !== 'object' || Array.isArray(m))
      throw new WorkflowError(path, [`job ${path}: strategy.matrix is not a mapping`]);
    const dims = Object.entries(m as Record<string, unknown>).filter(([k]) => k !== 'include' && k !== 'exclude');
    for (const [k, v] of dims) {
      if (isUnknown(v)) return v;
      if (!Array.isArray(v))
        throw new WorkflowError(path, [`job ${path}: strategy.matrix.${k} is not a list (${JSON.stringify(v)})`]);
    }
    let legs: Record<string, unknown>[] = dims.length ? [{}] : [];
    for (const [k, v] of dims) legs = legs.flatMap((l) => (v as unknown[]).map((x) => ({ ...l, [k]: x })));
    const rec = m as Record<string, unknown>;
    const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      Object.entries(b).every(([k, v]) => JSON.stringify(a[k]) === JSON.stringify(v));
    for (const ex of (rec.exclude as Record<string, unknown>[] | undefined) ?? [])
      legs = legs.filter((l) => !same(l, ex));
    const originalKeys = dims.map(([k]) => k);
    for (const inc of (rec.include as Record<string, unknown>[] | undefined) ?? []) {
      // An include extends every leg it does not contradict on the original keys, else it is a leg of its own.
      const matching = legs.filter((l) =>
        originalKeys.every((k) => !(k in inc) || JSON.stringify(l[k]) === JSON.stringify(inc[k])),
      );
      if (matching.length && dims.length) for (const l of matching) Object.assign(l, inc);
      else legs.push({ ...inc });
    }
    if (legs.length === 0) throw new WorkflowError(path, [`job ${path}: strategy.matrix has no combination`]);
    return legs;
  }

  private async runLeg(
    run: WorkflowRun,
    path: string,
    id: string,
    job: RawJob,
    contexts: Record<string, unknown>,
    leg: number | undefined,
    report: JobReport,
  ): Promise<{ result: Result; outputs: Record<string, unknown> }> {
    const key = `${String(++this.legCount).padStart(2, '0')}-${path.replace(/[^\w.-]+/g, '_')}${leg === undefined ? '' : `-${leg + 1}`}`;
    const jobDir = join(this.runDir, 'jobs', key);
    const workspace = join(jobDir, 'workspace');
    const temp = join(jobDir, 'temp');
    const files = join(jobDir, 'file-commands');
    for (const d of [workspace, temp, files, join(temp, '_tool')]) mkdirSync(d, { recursive: true });
    const summaryFile = join(jobDir, 'summary.md');
    const label = leg === undefined ? path : `${path} (${legName(contexts.matrix as Record<string, unknown>)})`;
    const runner = {
      os: 'Linux',
      arch: 'X64',
      name: 'release-actions-local',
      environment: 'self-hosted',
      temp,
      tool_cache: join(temp, '_tool'),
      debug: this.baseEnv.RUNNER_DEBUG ?? '',
    };
    const github: Record<string, unknown> = { ...(contexts.github as Record<string, unknown>), job: id, workspace };
    const jobScopeBase = {
      ...contexts,
      runner,
      github,
      job: { status: 'success', container: {}, services: {} },
      steps: {},
    };
    const wfEnv = interpolate(run.wf.env ?? {}, { contexts: { ...jobScopeBase, env: {} }, workspace });
    const jobEnvOnly = interpolate(job.env ?? {}, { contexts: { ...jobScopeBase, env: wfEnv }, workspace });
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...(wfEnv as object), ...(jobEnvOnly as object) })) env[k] = asString(v);
    const extraPath: string[] = [];
    const steps: Record<string, { outputs: Record<string, string>; outcome: Result; conclusion: Result }> = {};
    const deadline =
      performance.now() + minutes(interpolate(job['timeout-minutes'] ?? 360, { contexts: jobScopeBase })) * 60_000;
    let failed = false;
    const defaults = { ...(run.wf.defaults?.run ?? {}), ...(job.defaults?.run ?? {}) };

    for (const [i, step] of (job.steps ?? []).entries()) {
      const stepStarted = performance.now();
      const name =
        asString(
          step.name ?? (step.run !== undefined ? `Run ${asString(step.run).split('\n')[0]}` : `Run ${step.uses}`),
        ) + (leg === undefined ? '' : ` [${legName(contexts.matrix as Record<string, unknown>)}]`);
      const scope: EvalScope = {
        contexts: {
          ...jobScopeBase,
          steps,
          env,
          job: { status: failed ? 'failure' : 'success', container: {}, services: {} },
        },
        status: failed ? 'failure' : 'success',
        workspace,
      };
      const sr: StepReport = {
        name,
        id: step.id,
        outcome: 'success',
        conclusion: 'success',
        durationMs: 0,
        outputs: {},
      };
      report.steps.push(sr);
      const record = () => {
        sr.durationMs = performance.now() - stepStarted;
        if (step.id) steps[step.id] = { outputs: sr.outputs, outcome: sr.outcome, conclusion: sr.conclusion };
      };
      const ifText = ifExpression(step.if);
      const timedOut = performance.now() >= deadline || this.o.signal?.aborted === true;
      const go =
        !timedOut && isTruthy(evaluate(usesStatusFunction(ifText) ? ifText : `success() && (${ifText})`, scope));
      if (!go) {
        sr.outcome = sr.conclusion = timedOut ? 'cancelled' : 'skipped';
        record();
        continue;
      }
      this.log(`[${label}] ▶ ${name}`);
      const stepEnv: Record<string, string> = { ...env };
      for (const [k, v] of Object.entries((interpolate(step.env ?? {}, scope) as object) ?? {}))
        stepEnv[k] = asString(v);
      const fc = {
        GITHUB_OUTPUT: join(files, `${i}-output`),
        GITHUB_ENV: join(files, `${i}-env`),
        GITHUB_PATH: join(files, `${i}-path`),
        GITHUB_STEP_SUMMARY: join(files, `${i}-summary`),
        GITHUB_STATE: join(files, `${i}-state`),
      };
      for (const f of Object.values(fc)) writeFileSync(f, '');
      const processEnv: NodeJS.ProcessEnv = {
        ...this.baseEnv,
        PATH: [...extraPath, this.baseEnv.PATH ?? ''].filter(Boolean).join(delimiter),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        ...this.runnerVars(github, runner, id, step.id ?? `__run_${i}`),
        ...fc,
        ...stepEnv,
      };
      let error: string | undefined;
      const stepTimeout = Math.min(
        deadline - performance.now(),
        step['timeout-minutes'] !== undefined
          ? minutes(interpolate(step['timeout-minutes'], scope)) * 60_000
          : Infinity,
      );
      try {
        if (step.run !== undefined) {
          const script = asString(interpolate(asString(step.run), scope));
          const shell = step.shell ?? defaults.shell ?? 'bash';
          const wd = asString(interpolate(step['working-directory'] ?? defaults['working-directory'] ?? '', scope));
          const cwd = resolve(workspace, wd);
          const file = join(temp, `${i}-${randomName()}.sh`);
          writeFileSync(file, script);
          const argv =
            shell === 'sh'
              ? ['sh', '-e', file]
              : shell === 'bash'
                ? ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file]
                : undefined;
          if (!argv) throw new UnsupportedError(`shell ${shell} is not supported locally`);
          if (!existsSync(cwd)) throw new StandInError(`working-directory ${wd} does not exist`);
          const code = await this.spawnStep(argv, cwd, processEnv, stepTimeout, label);
          if (code !== 0) error = code === 'timeout' ? `timed out` : `exit code ${code}`;
        } else if (step.uses) {
          const action = resolveAction(step.uses, this.o, workspace);
          const withs = interpolate(step.with ?? {}, scope) as Record<string, unknown>;
          const inputs: Record<string, string> = {};
          for (const [k, def] of Object.entries(action.meta.inputs)) {
            const v =
              k in withs
                ? asString(withs[k])
                : def.default !== undefined
                  ? asString(interpolate(def.default, scope))
                  : undefined;
            if (v !== undefined) inputs[k] = v;
          }
          if (action.kind === 'stand-in') {
            const r = await runStandIn(action.name, inputs, {
              workspace,
              repository: this.o.repository,
              artifactsDir: join(this.runDir, 'artifacts'),
              sha: asString(github.sha),
              env: processEnv,
              log: (l) => this.log(`[${label}] ${l}`),
            });
            sr.outputs = r.outputs;
            extraPath.unshift(...(r.path ?? []));
          } else {
            const inputEnv: Record<string, string> = {};
            // The runner's names: INPUT_ + the name upper-cased, spaces as underscores (hyphens kept).
            for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
            const code = await this.spawnStep(
              [process.execPath, action.main],
              workspace,
              { ...processEnv, ...inputEnv, GITHUB_ACTION_PATH: action.dir },
              stepTimeout,
              label,
            );
            if (code !== 0) error = code === 'timeout' ? 'timed out' : `exit code ${code}`;
          }
        }
        const outputs = parseKeyValueFile(readFileSync(fc.GITHUB_OUTPUT, 'utf8'), 'GITHUB_OUTPUT');
        sr.outputs = { ...sr.outputs, ...outputs };
        Object.assign(env, parseKeyValueFile(readFileSync(fc.GITHUB_ENV, 'utf8'), 'GITHUB_ENV'));
        extraPath.unshift(...parsePathFile(readFileSync(fc.GITHUB_PATH, 'utf8')).reverse());
        const summary = readFileSync(fc.GITHUB_STEP_SUMMARY, 'utf8');
        if (summary) appendFileSync(summaryFile, summary.endsWith('\n') ? summary : `${summary}\n`);
      } catch (e) {
        if (!(e instanceof StandInError || e instanceof UnsupportedError || e instanceof FileCommandError)) throw e;
        error = e.message;
      }
      if (error) {
        sr.error = error;
        sr.outcome = 'failure';
        const coe = truthyValue(interpolate(step['continue-on-error'] ?? false, scope));
        sr.conclusion = coe ? 'success' : 'failure';
        this.log(`[${label}] ✗ ${name}: ${error}${coe ? ' (continue-on-error)' : ''}`);
        if (!coe) failed = true;
      }
      record();
    }
    const outputScope: EvalScope = { contexts: { ...jobScopeBase, steps, env }, workspace };
    const outputs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(job.outputs ?? {})) outputs[k] = asString(interpolate(v, outputScope));
    return { result: this.o.signal?.aborted ? 'cancelled' : failed ? 'failure' : 'success', outputs };
  }

  private runnerVars(
    github: Record<string, unknown>,
    runner: Record<string, string>,
    job: string,
    action: string,
  ): Record<string, string> {
    const s = (k: string) => asString(github[k]);
    const eventPath = join(runner.temp!, '_github_workflow', 'event.json');
    if (!existsSync(eventPath)) {
      mkdirSync(join(runner.temp!, '_github_workflow'), { recursive: true });
      writeFileSync(eventPath, JSON.stringify(github.event ?? {}));
    }
    return {
      GITHUB_WORKSPACE: s('workspace'),
      GITHUB_REPOSITORY: s('repository'),
      GITHUB_REPOSITORY_OWNER: s('repository_owner'),
      GITHUB_SHA: s('sha'),
      GITHUB_REF: s('ref'),
      GITHUB_REF_NAME: s('ref_name'),
      GITHUB_REF_TYPE: s('ref_type'),
      GITHUB_EVENT_NAME: s('event_name'),
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: s('run_id'),
      GITHUB_RUN_NUMBER: s('run_number'),
      GITHUB_RUN_ATTEMPT: s('run_attempt'),
      GITHUB_ACTOR: s('actor'),
      GITHUB_WORKFLOW: s('workflow'),
      GITHUB_JOB: job,
      GITHUB_ACTION: action,
      GITHUB_SERVER_URL: s('server_url'),
      GITHUB_API_URL: s('api_url'),
      GITHUB_GRAPHQL_URL: s('graphql_url'),
      GITHUB_HEAD_REF: s('head_ref'),
      GITHUB_BASE_REF: s('base_ref'),
      RUNNER_OS: runner.os!,
      RUNNER_ARCH: runner.arch!,
      RUNNER_NAME: runner.name!,
      RUNNER_TEMP: runner.temp!,
      RUNNER_TOOL_CACHE: runner.tool_cache!,
      ...(runner.debug ? { RUNNER_DEBUG: runner.debug } : {}),
    };
  }

  /**
   * Runs one process in its own group through the one process runner, its output logged line by line (masked);
   * `::add-mask::` adds a mask. A timeout or cancel sends SIGTERM, then SIGKILL 5 s later, as the runner does.
   */
  private async spawnStep(
    argv: string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
    timeoutMs: number,
    label: string,
  ): Promise<number | 'timeout'> {
    const onLine = (line: string) => {
      const m = /^::add-mask::(.*)$/.exec(line);
      if (m) {
        if (m[1]) this.masks.add(m[1]);
        return;
      }
      // As on a runner, debug lines show only with step debug logging on.
      if (line.startsWith('::debug::') && !env.RUNNER_DEBUG) return;
      this.log(`[${label}] ${line}`);
    };
    const onAbort = () => this.log(`[${label}] cancelled: stopping the step`);
    this.o.signal?.addEventListener('abort', onAbort, { once: true });
    const r = await exec(argv[0]!, argv.slice(1), {
      cwd,
      env,
      timeoutMs,
      killGraceMs: 5000,
      signal: this.o.signal,
      onLine,
      maxBuffer: 0,
    }).finally(() => this.o.signal?.removeEventListener('abort', onAbort));
    if (r.error) throw new StandInError(`${argv[0]}: ${r.error.message}`);
    if (r.timedOut) {
      this.log(`[${label}] timeout: stopped the step`);
      return 'timeout';
    }
    return r.code;
  }
}

function minutes(v: unknown): number {
  const n = Number(asString(v));
  if (!Number.isFinite(n) || n <= 0)
    throw new WorkflowError('timeout-minutes', [`timeout-minutes ${JSON.stringify(v)} is not a positive number`]);
  return n;
}

function legName(m: Record<string, unknown>): string {
  return Object.entries(m)
    .map(([k, v]) => `${k}: ${asString(v)}`)
    .join(', ');
}

function subCalled(called: Map<string, CalledWorkflow>, id: string): Map<string, CalledWorkflow> {
  const out = new Map<string, CalledWorkflow>();
  for (const [k, v] of called) if (k.startsWith(`${id}/`)) out.set(k.slice(id.length + 1), v);
  return out;
}

let names = 0;
const randomName = () => `${process.pid}-${++names}`;

/** Loads, validates and runs (or, with dryRun, evaluates) a workflow. */
export async function runWorkflow(o: ExecutorOptions): Promise<RunReport> {
  const started = performance.now();
  const wf = await loadWorkflow(o.workflow);
  const called = await validateWorkflow(wf, o);
  const exec = new Execution(o);
  const inputs = typedInputs(wf, o.inputs ?? {}, wf.path);
  if (wf.secrets) {
    const unknown = Object.keys(o.secrets ?? {}).filter((k) => !(k in wf.secrets!) && k !== 'GITHUB_TOKEN');
    if (unknown.length)
      throw new WorkflowError(
        wf.path,
        unknown.map(
          (k) => `secret ${k}: not a secret of the workflow (secrets: ${Object.keys(wf.secrets!).join(', ')})`,
        ),
      );
  }
  if (!o.dryRun) mkdirSync(exec.runDir, { recursive: true });
  const { states, outputs } = await exec.runWorkflow({
    wf,
    called,
    prefix: '',
    inputs,
    secrets: { ...(o.secrets ?? {}) },
  });
  const problems: string[] = [];
  for (const id of o.mustRun ?? []) {
    const job = exec.reports.find((j) => j.id === id);
    if (!job) problems.push(`job ${id}: no such job (jobs: ${exec.reports.map((j) => j.id).join(', ')})`);
    else if (job.decision === 'skip') problems.push(`job ${id}: must run, but is skipped: ${job.reason}`);
  }
  if (problems.length) throw new WorkflowError(wf.path, problems);
  const failed =
    [...states.values()].some((s) => s.result === 'failure' || s.result === 'cancelled') ||
    exec.reports.some((r) => r.result === 'failure');
  return {
    workflow: wf.path,
    conclusion: failed ? 'failure' : 'success',
    jobs: exec.reports,
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([k, v]) => [k, isUnknown(v) ? `(unknown: ${v.refs.join(', ')})` : asString(v)]),
    ),
    runDir: o.dryRun ? undefined : exec.runDir,
    durationMs: performance.now() - started,
  };
}

/** A job's or step's `if:` as an expression: none is `success()`, and a `${{ }}` wrapper is optional there. */
function ifExpression(cond: string | boolean | undefined): string {
  if (cond === undefined) return 'success()';
  if (typeof cond === 'boolean') return String(cond);
  return cond.replace(/^\s*\$\{\{([\s\S]*)\}\}\s*$/, '$1').trim();
}
