/**
 * Reading a workflow: GitHub's parser (@actions/workflow-parser) validates it against the workflow schema
 * (unknown keys, wrong types, bad expressions, `needs:` naming no job…); the plain YAML is what the executor
 * walks, with every `${{ }}` left for evaluation at the moment the runner would evaluate it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';

export interface RawStep {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown> | string;
  'working-directory'?: string;
  'continue-on-error'?: boolean | string;
  'timeout-minutes'?: number | string;
}

export interface RawJob {
  name?: string;
  needs?: string | string[];
  if?: string | boolean;
  'runs-on'?: unknown;
  environment?: string | { name?: string; url?: string };
  outputs?: Record<string, string>;
  env?: Record<string, unknown> | string;
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  steps?: RawStep[];
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean | string; 'max-parallel'?: number | string };
  'timeout-minutes'?: number | string;
  'continue-on-error'?: boolean | string;
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | 'inherit';
  services?: unknown;
  container?: unknown;
  permissions?: unknown;
}

export interface InputDef {
  type?: 'string' | 'boolean' | 'number' | 'choice' | 'environment';
  default?: unknown;
  required?: boolean;
  options?: string[];
}

export interface Workflow {
  path: string;
  name: string;
  /** Events the workflow runs on. */
  events: string[];
  /** Inputs of workflow_call, else of workflow_dispatch. */
  inputs: Record<string, InputDef>;
  /** Declared secrets of workflow_call (undefined: any secret may be read). */
  secrets?: Record<string, { required?: boolean }>;
  /** on.workflow_call.outputs: name → value expression over `jobs`. */
  outputs: Record<string, string>;
  env?: Record<string, unknown> | string;
  defaults?: RawJob['defaults'];
  concurrency?: RawJob['concurrency'];
  jobs: Record<string, RawJob>;
}

/** A workflow (or an action, a caller's `with:`) that cannot run, with every problem found and where it is. */
export class WorkflowError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
  }
}

/** Something the local executor does not do, named; never skipped silently. */
export class UnsupportedError extends Error {}

export const needsOf = (job: RawJob): string[] =>
  job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];

// Parsing is most of a dry run's time; the same file (the reusable workflow under its callers) is read once.
const loaded = new Map<string, Promise<Workflow>>();

export function loadWorkflow(path: string, content = readFileSync(path, 'utf8')): Promise<Workflow> {
  const key = `${path}\0${content}`;
  let hit = loaded.get(key);
  if (!hit) {
    hit = parseAndCheck(path, content);
    loaded.set(key, hit);
    hit.catch(() => loaded.delete(key));
  }
  return hit;
}

async function parseAndCheck(path: string, content: string): Promise<Workflow> {
  const name = basename(path);
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((e) => e.message);
  if (!problems.length && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) problems.push(e.Message);
  }
  if (problems.length) throw new WorkflowError(path, [...new Set(problems)]);

  const doc = parseYaml(content) as Record<string, unknown>;
  const on = normalizeOn(doc.on);
  const call = on.workflow_call as Record<string, Record<string, unknown>> | undefined;
  const dispatch = on.workflow_dispatch as Record<string, Record<string, unknown>> | undefined;
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(call?.outputs ?? {})) outputs[k] = String((v as { value?: unknown }).value ?? '');
  return {
    path,
    name: typeof doc.name === 'string' ? doc.name : name,
    events: Object.keys(on),
    inputs: ((call ?? dispatch)?.inputs ?? {}) as Record<string, InputDef>,
    secrets: call ? ((call.secrets ?? {}) as Record<string, { required?: boolean }>) : undefined,
    outputs,
    env: doc.env as Workflow['env'],
    defaults: doc.defaults as Workflow['defaults'],
    concurrency: doc.concurrency as Workflow['concurrency'],
    jobs: (doc.jobs ?? {}) as Record<string, RawJob>,
  };
}

function normalizeOn(on: unknown): Record<string, unknown> {
  if (typeof on === 'string') return { [on]: {} };
  if (Array.isArray(on)) return Object.fromEntries(on.map((e) => [String(e), {}]));
  if (on && typeof on === 'object') {
    return Object.fromEntries(Object.entries(on).map(([k, v]) => [k, v ?? {}]));
  }
  return {};
}

/** Jobs in an order where every job comes after its needs (the parser has refused cycles and unknown needs). */
export function jobOrder(wf: Workflow): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (seen.has(id)) return;
    if (path.includes(id)) throw new WorkflowError(wf.path, [`jobs form a cycle: ${[...path, id].join(' → ')}`]);
    for (const n of needsOf(wf.jobs[id] ?? {})) visit(n, [...path, id]);
    seen.add(id);
    order.push(id);
  };
  for (const id of Object.keys(wf.jobs)) visit(id, []);
  return order;
}
