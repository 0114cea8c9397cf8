/**
 * Checks the schema cannot make, before anything runs: every `needs.<job>`, `needs.<job>.outputs.<name>`,
 * `steps.<id>`, `steps.<id>.outputs.<name>`, `inputs.<name>`, `secrets.<name>`, `matrix.<key>` and
 * `jobs.<job>.outputs.<name>` an expression reads exists where it is read (GitHub would evaluate a misspelt one to
 * '' and carry on), every `with:` key is an input of the action, and every `uses:` can run here. Each problem
 * names the job and the key.
 */
import { resolveAction, resolveWorkflow, type ActionMeta, type Resolver } from './actions.js';
import { ExpressionSyntaxError, expressionsIn, referencesIn } from './expressions.js';
import { loadWorkflow, needsOf, UnsupportedError, WorkflowError, type RawJob, type Workflow } from './model.js';

interface Where {
  job?: string;
  key: string;
}

/** Expressions of a value, with the key path they sit at (`with.version`, `env.X`). */
function* expressionsOf(value: unknown, key: string, bare: boolean): Generator<{ key: string; text: string }> {
  if (typeof value === 'string') {
    if (bare && !value.includes('${{')) yield { key, text: value };
    else for (const text of expressionsIn(value)) yield { key, text };
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* expressionsOf(v, `${key}[${i}]`, false);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* expressionsOf(v, `${key}.${k}`, false);
  }
}

export interface CalledWorkflow {
  file: string;
  workflow: Workflow;
}

/** Loads and checks a workflow and, recursively, the reusable workflows its jobs call. */
export async function validateWorkflow(wf: Workflow, r: Resolver, depth = 0): Promise<Map<string, CalledWorkflow>> {
  const problems: string[] = [];
  const called = new Map<string, CalledWorkflow>();
  const say = (w: Where, msg: string) => problems.push(`${w.job ? `job ${w.job}: ` : ''}${w.key}: ${msg}`);

  const jobOutputs = (id: string): string[] | undefined => {
    const job = wf.jobs[id];
    if (!job) return undefined;
    if (job.uses) return called.get(id) ? Object.keys(called.get(id)!.workflow.outputs) : undefined;
    return Object.keys(job.outputs ?? {});
  };

  // Reusable workflows first: their outputs are what `needs.<caller job>.outputs` may read.
  for (const [id, job] of Object.entries(wf.jobs)) {
    if (!job.uses) continue;
    try {
      const file = resolveWorkflow(job.uses, r);
      if (depth > 3) throw new UnsupportedError(`uses: ${job.uses}: reusable workflows nest at most 4 deep`);
      const workflow = await loadWorkflow(file);
      if (!workflow.events.includes('workflow_call')) throw new UnsupportedError(`${file} has no on.workflow_call`);
      called.set(id, { file, workflow });
      for (const k of Object.keys(job.with ?? {})) {
        if (!(k in workflow.inputs))
          say(
            { job: id, key: `with.${k}` },
            `not an input of ${job.uses} (inputs: ${Object.keys(workflow.inputs).join(', ')})`,
          );
      }
      for (const [k, def] of Object.entries(workflow.inputs)) {
        if (def.required && def.default === undefined && !(k in (job.with ?? {})))
          say({ job: id, key: 'with' }, `required input ${k} of ${job.uses} is not given`);
      }
      if (job.secrets && job.secrets !== 'inherit') {
        for (const k of Object.keys(job.secrets)) {
          if (!(k in (workflow.secrets ?? {})))
            say(
              { job: id, key: `secrets.${k}` },
              `not a secret of ${job.uses} (secrets: ${Object.keys(workflow.secrets ?? {}).join(', ')})`,
            );
        }
      }
      for (const [k, sub] of await validateWorkflow(workflow, r, depth + 1)) called.set(`${id}/${k}`, sub);
    } catch (e) {
      if (e instanceof WorkflowError) problems.push(`job ${id}: uses: ${job.uses}: ${e.message}`);
      else say({ job: id, key: 'uses' }, e instanceof Error ? e.message : String(e));
    }
  }

  const checkRefs = (
    text: string,
    w: Where,
    scope: { job?: RawJob; jobId?: string; stepIds?: Map<string, ActionMeta | undefined>; jobsContext?: boolean },
  ) => {
    let refs: string[];
    try {
      refs = referencesIn(text);
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) return say(w, `bad expression ${e.message}`);
      throw e;
    }
    for (const ref of refs) {
      const [ctx, a, b, c] = ref.split('.');
      if (ctx === 'needs' && a !== undefined && scope.job) {
        const needs = needsOf(scope.job);
        if (!needs.includes(a)) say(w, `${ref}: ${a} is not in this job's needs (${needs.join(', ') || 'none'})`);
        else if (b === 'outputs' && c !== undefined) {
          const outs = jobOutputs(a);
          if (outs && !outs.includes(c))
            say(w, `${ref}: job ${a} has no output ${c} (outputs: ${outs.join(', ') || 'none'})`);
        } else if (b !== undefined && b !== 'outputs' && b !== 'result')
          say(w, `${ref}: a need has outputs and result only`);
      } else if (ctx === 'needs' && a !== undefined && !scope.job) {
        say(w, `${ref}: needs is not available here`);
      } else if (ctx === 'steps' && a !== undefined && scope.stepIds) {
        if (!scope.stepIds.has(a))
          say(
            w,
            `${ref}: no step with id ${a}${scope.stepIds.size ? ` (ids here: ${[...scope.stepIds.keys()].join(', ')})` : ''}`,
          );
        else if (b === 'outputs' && c !== undefined) {
          const meta = scope.stepIds.get(a);
          if (meta && !meta.outputs.includes(c))
            say(w, `${ref}: step ${a} has no output ${c} (outputs: ${meta.outputs.join(', ') || 'none'})`);
        }
      } else if (
        ctx === 'inputs' &&
        a !== undefined &&
        (wf.events.includes('workflow_call') || wf.events.includes('workflow_dispatch'))
      ) {
        if (!(a in wf.inputs)) say(w, `${ref}: no input ${a} in on.workflow_call/workflow_dispatch`);
      } else if (ctx === 'secrets' && a !== undefined && wf.secrets) {
        if (!(a in wf.secrets) && a !== 'GITHUB_TOKEN') say(w, `${ref}: no secret ${a} in on.workflow_call.secrets`);
      } else if (ctx === 'matrix' && a !== undefined && scope.job) {
        const matrix = scope.job.strategy?.matrix;
        if (matrix === undefined) say(w, `${ref}: this job has no strategy.matrix`);
        else if (matrix && typeof matrix === 'object' && !Array.isArray(matrix)) {
          const m = matrix as Record<string, unknown>;
          const keys = new Set(Object.keys(m).filter((k) => k !== 'include' && k !== 'exclude'));
          for (const inc of Array.isArray(m.include) ? m.include : [])
            for (const k of Object.keys(inc ?? {})) keys.add(k);
          if (!Array.isArray(m.include) && typeof m.include === 'string') keys.add(a);
          if (!keys.has(a)) say(w, `${ref}: no matrix key ${a} (keys: ${[...keys].join(', ')})`);
        }
      } else if (ctx === 'jobs' && a !== undefined) {
        if (!scope.jobsContext) say(w, `${ref}: jobs is only available in on.workflow_call.outputs`);
        else if (!wf.jobs[a]) say(w, `${ref}: no job ${a}`);
        else if (b === 'outputs' && c !== undefined) {
          const outs = jobOutputs(a);
          if (outs && !outs.includes(c))
            say(w, `${ref}: job ${a} has no output ${c} (outputs: ${outs.join(', ') || 'none'})`);
        }
      }
    }
  };

  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const key of ['services', 'container'] as const) {
      if (job[key] !== undefined) say({ job: id, key }, `${key}: is not supported by the local executor`);
    }
    const jobScope = { job, jobId: id };
    for (const key of [
      'if',
      'name',
      'runs-on',
      'environment',
      'env',
      'strategy',
      'timeout-minutes',
      'continue-on-error',
      'concurrency',
      'with',
      'secrets',
    ] as const) {
      for (const e of expressionsOf(job[key], key, key === 'if')) checkRefs(e.text, { job: id, key: e.key }, jobScope);
    }
    if (job.uses) continue;
    const allIds = new Map<string, ActionMeta | undefined>();
    const before = new Map<string, ActionMeta | undefined>();
    const metas: (ActionMeta | undefined)[] = [];
    for (const [i, step] of (job.steps ?? []).entries()) {
      let meta: ActionMeta | undefined;
      const label = `steps[${i}]${step.id ? ` (${step.id})` : step.name ? ` (${step.name})` : ''}`;
      if (step.uses) {
        try {
          meta = resolveAction(step.uses, r).meta;
        } catch (e) {
          say({ job: id, key: `${label}.uses` }, e instanceof Error ? e.message : String(e));
        }
        if (meta) {
          for (const k of Object.keys(step.with ?? {})) {
            if (!(k in meta.inputs))
              say(
                { job: id, key: `${label}.with.${k}` },
                `not an input of ${step.uses} (inputs: ${Object.keys(meta.inputs).join(', ')})`,
              );
          }
          for (const [k, def] of Object.entries(meta.inputs)) {
            if (def.required && def.default === undefined && !(k in (step.with ?? {})))
              say({ job: id, key: `${label}.with` }, `required input ${k} of ${step.uses} is not given`);
          }
        }
      }
      if (step.shell && !['bash', 'sh'].includes(step.shell))
        say({ job: id, key: `${label}.shell` }, `shell ${step.shell} is not supported locally (bash, sh)`);
      if (step.id) {
        if (allIds.has(step.id)) say({ job: id, key: `${label}.id` }, `the id ${step.id} is used twice`);
        allIds.set(step.id, meta);
      }
      metas.push(meta);
    }
    for (const [i, step] of (job.steps ?? []).entries()) {
      const label = `steps[${i}]${step.id ? ` (${step.id})` : step.name ? ` (${step.name})` : ''}`;
      const stepScope = { ...jobScope, stepIds: new Map(before) };
      for (const key of [
        'if',
        'name',
        'with',
        'env',
        'run',
        'working-directory',
        'continue-on-error',
        'timeout-minutes',
      ] as const) {
        for (const e of expressionsOf(step[key], `${label}.${key}`, key === 'if'))
          checkRefs(e.text, { job: id, key: e.key }, stepScope);
      }
      if (step.id) before.set(step.id, metas[i]);
    }
    for (const e of expressionsOf(job.outputs, 'outputs', false))
      checkRefs(e.text, { job: id, key: e.key }, { ...jobScope, stepIds: allIds });
  }
  for (const e of expressionsOf(wf.env, 'env', false)) checkRefs(e.text, { key: e.key }, {});
  for (const [k, v] of Object.entries(wf.outputs)) {
    for (const text of expressionsIn(v))
      checkRefs(text, { key: `on.workflow_call.outputs.${k}` }, { jobsContext: true });
  }
  if (problems.length) throw new WorkflowError(wf.path, problems);
  return called;
}
