/**
 * The demo's pipeline is a run of the reusable workflow: the README's call of release.yml (its first YAML block),
 * with the demo's settings added to its `with:`, run by the local executor (packages/workflow). What release.yml
 * says — its jobs, their `if:`s, the outputs passed between them, the approvals — is what the demo does; the stage
 * list, the timings and the verdict come from the jobs of the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { JobReport, RunReport } from '@release-actions/workflow';

/** The caller job's name in the demo's caller workflow (jobs of release.yml are `release/<job>`). */
export const CALLER_JOB = 'release';

/** Jobs of release.yml the demo's pipeline needs: the run fails, naming the job and why, when one did not succeed. */
export const REQUIRED_JOBS = ['plan', 'quality-gates', 'changelog', 'release', 'deploy'];

/**
 * README.md's first call of release.yml, its job renamed `release` and the demo's settings merged into its
 * `with:` (the README's own keys first, so a change there shows here).
 */
export function callerWorkflow(root: string, settings: Record<string, string | boolean | number>): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((y) => /release\.yml@/.test(y));
  if (!block) throw new Error('README.md has no YAML block calling release.yml: the demo runs that call');
  const doc = parseYaml(block) as { on?: unknown; jobs: Record<string, Record<string, unknown>> };
  const entry = Object.entries(doc.jobs).find(([, j]) => /release\.yml@/.test(String(j.uses ?? '')));
  if (!entry) throw new Error("README.md's call of release.yml has no job using it");
  const job = { ...entry[1], with: { ...((entry[1].with as object) ?? {}), ...settings } };
  return stringify(
    { name: 'release (demo)', on: doc.on ?? 'workflow_dispatch', jobs: { [CALLER_JOB]: job } },
    {
      lineWidth: 0,
    },
  );
}

/** A job of release.yml as the demo lists it: its id without the caller's prefix. */
export const shortId = (j: JobReport): string => j.id.replace(new RegExp(`^${CALLER_JOB}/`), '');

/** Jobs of release.yml (the caller job itself left out), in the order the run reported them. */
export const releaseJobs = (r: RunReport): JobReport[] => r.jobs.filter((j) => j.id.startsWith(`${CALLER_JOB}/`));

/** Why the pipeline did not do what the demo needs: the first required job that did not succeed, and why. */
export function pipelineProblem(r: RunReport): { job: string; reason: string } | undefined {
  const jobs = releaseJobs(r);
  for (const id of REQUIRED_JOBS) {
    const j = jobs.find((x) => shortId(x) === id);
    if (!j) return { job: id, reason: `release.yml has no job ${id}` };
    if (j.result === 'skipped') return { job: id, reason: `skipped: ${j.reason}` };
    if (j.result !== 'success') {
      const step = j.steps.find((s) => s.outcome === 'failure');
      return { job: id, reason: `${j.result}${step ? ` at step "${step.name}" (${step.error})` : `: ${j.reason}`}` };
    }
  }
  const failed = jobs.find((j) => j.result === 'failure' || j.result === 'cancelled');
  if (failed) return { job: shortId(failed), reason: `${failed.result}: ${failed.reason}` };
  return undefined;
}
