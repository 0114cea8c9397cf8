/**
 * Static checks of workflow files beyond what actionlint and the workflow parser see, read from the YAML:
 * - every `uses: ./actions/x` or `org/release-actions/actions/x@ref` step passes only inputs action x declares,
 *   and every input it requires; every `steps.<id>.outputs.<name>` of such a step is an output of x;
 * - every `needs.<job>.outputs.<name>` names a job in `needs` that declares that output, and every
 *   `jobs.<job>.outputs.<name>` of a reusable workflow's outputs exists;
 * - every `secrets.X` and `inputs.X` is declared (`on.workflow_call` / `on.workflow_dispatch`);
 * - no `${{ … }}` inside a `run:` script (values reach scripts through `env:`);
 * - third-party actions pinned by a full commit SHA with a `# vX.Y.Z` comment; our own actions and the reusable
 *   workflow at the major (`@v1`); every job has its own `permissions`; `id-token: write` only in a job that
 *   publishes (one that runs the release action).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The repository the collection is published as (docs/workflow.md). */
export const OWN_REPOSITORY = 'org/release-actions';
export const OWN_MAJOR = 'v1';

interface ActionMeta {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
}

type Step = Record<string, unknown> & { uses?: string; run?: string; id?: string; with?: Record<string, unknown> };
type Job = Record<string, unknown> & {
  needs?: string | string[];
  outputs?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  permissions?: unknown;
};

const EXPR = /\$\{\{([\s\S]*?)\}\}/g;

/** Every string in a value, with a path to say where it is. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** Expression text: inside `${{ }}`, and the whole of an `if:` (which may omit the braces). */
function expressions(path: string, text: string): string[] {
  const found = [...text.matchAll(EXPR)].map((m) => m[1] as string);
  if (/(^|\.)if$/.test(path) && !text.includes('${{')) found.push(text);
  return found;
}

/** The action folder a `uses:` names, when it is one of ours. */
export function ownActionOf(uses: string): string | undefined {
  const local = /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (local) return local[1];
  const remote = new RegExp(`^${OWN_REPOSITORY.replace('/', '\\/')}/actions/([a-z0-9-]+)@[^@\\s]+$`).exec(uses);
  return remote?.[1];
}

export function readActionMeta(root: string, id: string): ActionMeta | undefined {
  const file = join(root, 'actions', id, 'action.yml');
  if (!existsSync(file)) return undefined;
  const doc = parseYaml(readFileSync(file, 'utf8')) as Partial<ActionMeta>;
  return { inputs: doc.inputs ?? {}, outputs: doc.outputs ?? {} };
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

export interface ReusableMeta {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  secrets: Record<string, { required?: boolean }>;
  outputs: Record<string, unknown>;
}

/** The reusable workflow a job-level `uses:` names, when it is one of ours (`.github/workflows/<file>`). */
export function ownWorkflowOf(uses: string): string | undefined {
  const local = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(uses);
  if (local) return local[1];
  const prefix = `${OWN_REPOSITORY}/.github/workflows/`;
  if (!uses.startsWith(prefix)) return undefined;
  return /^([\w.-]+\.ya?ml)@[^@\s]+$/.exec(uses.slice(prefix.length))?.[1];
}

export function readReusableMeta(root: string, file: string): ReusableMeta | undefined {
  const path = join(root, '.github', 'workflows', file);
  if (!existsSync(path)) return undefined;
  const doc = parseYaml(readFileSync(path, 'utf8')) as { on?: { workflow_call?: Partial<ReusableMeta> } };
  const call = doc.on?.workflow_call;
  if (!call) return undefined;
  return { inputs: call.inputs ?? {}, secrets: call.secrets ?? {}, outputs: call.outputs ?? {} };
}

export function lintWorkflow(
  file: string,
  text: string,
  actions: (id: string) => ActionMeta | undefined,
  workflows: (file: string) => ReusableMeta | undefined = () => undefined,
): string[] {
  const findings: string[] = [];
  const add = (where: string, message: string) => findings.push(`${file}: ${where}: ${message}`);
  const doc = parseYaml(text) as Record<string, unknown>;
  const on = (doc.on ?? {}) as Record<string, Record<string, unknown> | null>;
  const call = on.workflow_call ?? undefined;
  const dispatch = on.workflow_dispatch ?? undefined;
  const declaredInputs = new Set([
    ...Object.keys((call?.inputs as object) ?? {}),
    ...Object.keys((dispatch?.inputs as object) ?? {}),
  ]);
  const declaredSecrets = call ? new Set(Object.keys((call.secrets as object) ?? {})) : undefined;
  const jobs = (doc.jobs ?? {}) as Record<string, Job>;

  if (doc.permissions === undefined) add('permissions', 'no top-level permissions (use {} or read-only scopes)');

  // Pinning, and no expressions in run: scripts, line by line (comments are lost in the parsed YAML).
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^'"#\s]+)\1\s*(#.*)?$/.exec(line);
    if (!m) return;
    const uses = m[2] as string;
    const where = `line ${i + 1}`;
    if (uses.startsWith('./') || uses.startsWith('docker://')) return;
    if (uses.startsWith(`${OWN_REPOSITORY}/`)) {
      if (!uses.endsWith(`@${OWN_MAJOR}`))
        add(where, `${uses}: our own actions and workflow are used at @${OWN_MAJOR}`);
      return;
    }
    if (!/@[0-9a-f]{40}$/.test(uses)) add(where, `${uses}: third-party actions are pinned by a full commit SHA`);
    else if (!/^#\s*v\d+(\.\d+){0,2}\b/.test(m[3] ?? ''))
      add(where, `${uses}: say the version in a "# vX.Y.Z" comment`);
  });

  /** Outputs of a job: its own `outputs:`, or the called workflow's. */
  const jobOutputs = (jobId: string): Record<string, unknown> => {
    const job = jobs[jobId];
    const called = typeof job?.uses === 'string' ? ownWorkflowOf(job.uses) : undefined;
    if (called) return workflows(called)?.outputs ?? {};
    return job?.outputs ?? {};
  };

  for (const [jobId, job] of Object.entries(jobs)) {
    const needs = asList(job.needs);
    const called = typeof job.uses === 'string' ? ownWorkflowOf(job.uses) : undefined;
    if (called) {
      const meta = workflows(called);
      if (!meta) add(`jobs.${jobId}.uses`, `${job.uses}: no reusable workflow .github/workflows/${called}`);
      else {
        const given = Object.keys((job.with as object) ?? {});
        for (const k of given) if (!(k in meta.inputs)) add(`jobs.${jobId}.with`, `${called} has no input "${k}"`);
        for (const [k, spec] of Object.entries(meta.inputs)) {
          if (spec.required && !given.includes(k)) add(`jobs.${jobId}.with`, `${called} requires input "${k}"`);
        }
        if (job.secrets === 'inherit') add(`jobs.${jobId}.secrets`, 'secrets: inherit (pass the secrets it declares)');
        for (const k of Object.keys((job.secrets as object) ?? {})) {
          if (!(k in meta.secrets)) add(`jobs.${jobId}.secrets`, `${called} declares no secret "${k}"`);
        }
      }
    }
    if (job.permissions === undefined) add(`jobs.${jobId}`, 'no job-level permissions');
    const perms = (job.permissions ?? {}) as Record<string, string>;
    const steps = job.steps ?? [];
    const publishes = steps.some((s) => typeof s.uses === 'string' && ownActionOf(s.uses) === 'release');
    if (perms['id-token'] === 'write' && !publishes && !job.uses) {
      add(`jobs.${jobId}.permissions`, 'id-token: write in a job that does not publish');
    }
    for (const n of needs) if (!jobs[n]) add(`jobs.${jobId}.needs`, `unknown job ${n}`);

    const stepActions = new Map<string, string>();
    steps.forEach((step, i) => {
      const where = `jobs.${jobId}.steps[${i}]${step.id ? ` (${step.id})` : ''}`;
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        add(where, 'an expression inside a run: script (pass it through env:)');
      }
      if (typeof step.uses !== 'string') return;
      const id = ownActionOf(step.uses);
      if (!id) return;
      const meta = actions(id);
      if (!meta) return add(where, `${step.uses}: no action.yml for actions/${id}`);
      if (step.id) stepActions.set(step.id, id);
      const given = Object.keys(step.with ?? {});
      for (const k of given) if (!(k in meta.inputs)) add(where, `actions/${id} has no input "${k}"`);
      for (const [k, spec] of Object.entries(meta.inputs)) {
        if (spec.required && spec.default === undefined && !given.includes(k)) {
          add(where, `actions/${id} requires input "${k}"`);
        }
      }
    });

    for (const [path, value] of strings(job, `jobs.${jobId}`)) {
      for (const expr of expressions(path, value)) {
        for (const m of expr.matchAll(/\bneeds\.([A-Za-z0-9_-]+)\.(outputs|result)(?:\.([A-Za-z0-9_-]+))?/g)) {
          const [, dep, kind, name] = m as unknown as [string, string, string, string | undefined];
          if (!needs.includes(dep)) add(path, `needs.${dep} but ${jobId} does not need ${dep}`);
          else if (kind === 'outputs' && name && !(name in jobOutputs(dep))) {
            add(path, `needs.${dep}.outputs.${name}: ${dep} has no output "${name}"`);
          }
        }
        for (const m of expr.matchAll(/\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
          const [, stepId, name] = m as unknown as [string, string, string];
          const step = steps.find((s) => s.id === stepId);
          if (!step) add(path, `steps.${stepId}: no step with that id in ${jobId}`);
          const id = stepActions.get(stepId);
          if (id && !(name in (actions(id)?.outputs ?? {})))
            add(path, `steps.${stepId}.outputs.${name}: actions/${id} has no output "${name}"`);
        }
        for (const m of expr.matchAll(/\bsecrets\.([A-Za-z0-9_-]+)/g)) {
          const name = m[1] as string;
          if (declaredSecrets && name !== 'GITHUB_TOKEN' && !declaredSecrets.has(name)) {
            add(path, `secrets.${name} is not declared in on.workflow_call.secrets`);
          }
        }
        for (const m of expr.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)) {
          if (!declaredInputs.has(m[1] as string)) add(path, `inputs.${m[1]} is not a declared input`);
        }
      }
    }
  }

  if (call?.outputs) {
    for (const [path, value] of strings(call.outputs, 'on.workflow_call.outputs')) {
      for (const expr of expressions(path, value)) {
        for (const m of expr.matchAll(/\bjobs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
          const [, jobId, name] = m as unknown as [string, string, string];
          if (!jobs[jobId]) add(path, `jobs.${jobId}: no such job`);
          else if (!(name in (jobs[jobId].outputs ?? {}))) add(path, `jobs.${jobId}.outputs.${name}: no such output`);
        }
      }
    }
  }
  return findings;
}
