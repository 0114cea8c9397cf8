/**
 * Runs one bundled action as the runner would (through @release-actions/runner's runStageBundle, the CLI's: INPUT_* from the action's
 * schema with action.yml's defaults, the runner's file commands, RUNNER_TEMP, GITHUB_* context), keeps its log
 * and job summary as artifacts, and reports what the console shows: status line, duration, errors, outputs.
 */
import { appendFileSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ActionDefinition } from '@release-actions/shared/action';
import { parseAnnotations, runStageBundle } from '@release-actions/runner';

export interface StageResult {
  id: string;
  label: string;
  ok: boolean;
  code: number;
  outputs: Record<string, string>;
  errors: string[];
  warnings: string[];
  durationMs: number;
  logPath: string;
  summaryPath?: string;
  /** Inputs the demo meant to pass that this action does not declare (left out, said so). */
  ignoredInputs: string[];
  notImplemented: boolean;
}

export interface StageRunner {
  root: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
  summaryDir: string;
  /** Sequence number, for the file names. */
  seq: number;
}

export async function runStage(
  r: StageRunner,
  def: ActionDefinition,
  label: string,
  inputs: Record<string, string | undefined>,
  o: { env?: NodeJS.ProcessEnv } = {},
): Promise<StageResult> {
  r.seq++;
  const name = `${String(r.seq).padStart(2, '0')}-${label.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
  const logPath = join(r.logDir, `${name}.log`);
  mkdirSync(r.logDir, { recursive: true });
  const given: Record<string, string> = {};
  const ignoredInputs: string[] = [];
  for (const [k, v] of Object.entries(inputs)) {
    if (v === undefined) continue;
    if (k in def.inputs) given[k] = v;
    else ignoredInputs.push(k);
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  const run = await runStageBundle(def, given, {
    cwd: r.workspace,
    root: r.root,
    env: { ...r.env, ...o.env },
    write: (text) => {
      appendFileSync(logPath, text);
      for (const a of parseAnnotations(text)) {
        if (a.level === 'error') errors.push(a.message);
        else if (a.level === 'warning') warnings.push(a.message);
      }
    },
  });
  let summaryPath: string | undefined;
  if (run.summaryPath) {
    summaryPath = join(r.summaryDir, `${name}.md`);
    mkdirSync(r.summaryDir, { recursive: true });
    copyFileSync(run.summaryPath, summaryPath);
    rmSync(dirname(run.summaryPath), { recursive: true, force: true });
  }
  return {
    id: def.id,
    label,
    ok: run.code === 0,
    code: run.code,
    outputs: run.outputs,
    errors,
    warnings,
    durationMs: run.durationMs,
    logPath,
    summaryPath,
    ignoredInputs,
    notImplemented: errors.some((e) => e === `${def.id} is not implemented yet`),
  };
}
