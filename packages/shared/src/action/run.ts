/**
 * The runner glue every action's main.ts calls: mask secret inputs, read and validate the inputs, each alone and
 * then together (the schema's `refine`): bad input → one ::error:: per bad input, all of them, exit 1, nothing
 * else done. Then run the stage, set outputs, write the job summary (also on failure), and turn any throw into
 * one ::error:: and exit code 1.
 */
import * as core from '@actions/core';
import { errorMessage, InputError, StageError } from '../util/errors.js';
import type { AnnotationProps, Logger } from '../util/logger.js';
import { readRunnerContext, type RunnerContext } from './context.js';
import {
  type ActionDefinition,
  type InputProblem,
  type InputSchema,
  type InputValues,
  inputEnvName,
  parseInputs,
} from './inputs.js';
import { Summary } from './summary.js';

export interface StageContext {
  log: Logger;
  runner: RunnerContext;
  summary: Summary;
  /** Set an output declared in the action's definition (JSON-encodes non-strings). */
  setOutput(name: string, value: unknown): void;
  /** Mask a value in every later log line. */
  mask(value: string): void;
  /** A `::notice::` annotation: an outcome worth seeing on the run page that is neither a warning nor an error. */
  notice(message: string, props?: AnnotationProps): void;
  env: NodeJS.ProcessEnv;
}

export type StageImpl<S extends InputSchema> = (inputs: InputValues<S>, ctx: StageContext) => Promise<void>;

/** @actions/core as a Logger. */
export const coreLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m, p) => core.warning(m, p),
  error: (m, p) => core.error(m, p),
  group: (name, fn) => core.group(name, fn),
};

/** Thrown by an action whose stage has not been built yet: it never reports success. */
export class NotImplementedError extends StageError {
  constructor(stage: string) {
    super(`${stage} is not implemented yet`);
  }
}

/**
 * Bad inputs a stage can only judge once it has computed something (the plan's checks against the policy it
 * resolved): reported like the schema's problems, one ::error:: each, all together.
 */
export class InputProblems extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'InputProblems';
  }
}

/** Read the raw input as the runner passes it (no trimming: parsers decide). */
export function readRawInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[inputEnvName(name)] ?? '';
}

export async function runStage<S extends InputSchema>(
  def: ActionDefinition<S>,
  impl: StageImpl<S>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // Mask every secret input first, before anything can print it.
  for (const [name, spec] of Object.entries(def.inputs)) {
    if (!spec.secret) continue;
    const raw = readRawInput(name, env).trim();
    if (raw && !raw.startsWith('${{')) core.setSecret(raw);
  }
  const parsed = await parseInputs(
    def.inputs,
    (name) => {
      const raw = readRawInput(name, env);
      // The harness/CLI may pass the literal default `${{ github.token }}`: resolve it as the runner would.
      return raw.trim() === '${{ github.token }}' ? (env.GITHUB_TOKEN ?? '') : raw;
    },
    def.refine,
  );
  const report = (problems: InputProblem[]) => {
    for (const p of problems) core.error(p.message, { title: `${def.id}: bad input ${p.input}` });
    process.exitCode = 1;
  };
  if (!parsed.ok) {
    report(parsed.problems);
    return;
  }
  const summary = new Summary();
  const declared = new Set(Object.keys(def.outputs));
  const ctx: StageContext = {
    log: coreLogger,
    runner: readRunnerContext(env),
    summary,
    env,
    mask: (v) => {
      if (v) core.setSecret(v);
    },
    notice: (m, p) => core.notice(m, p),
    setOutput(name, value) {
      if (!declared.has(name)) throw new Error(`output ${name} is not declared by ${def.id}`);
      core.setOutput(name, typeof value === 'string' ? value : JSON.stringify(value));
    },
  };
  try {
    await impl(parsed.values, ctx);
  } catch (e) {
    if (e instanceof InputProblems) report(e.problems);
    else if (e instanceof InputError) core.error(e.message, { title: `${def.id}: bad input ${e.input}` });
    else if (e instanceof StageError) core.error(e.message, { title: `${def.id} failed` });
    else {
      core.error(errorMessage(e), { title: `${def.id} failed` });
      if (e instanceof Error && e.stack) core.debug(e.stack);
    }
    process.exitCode = 1;
  } finally {
    if (!summary.empty && env.GITHUB_STEP_SUMMARY) {
      try {
        await core.summary.addRaw(summary.toString()).write();
      } catch (e) {
        core.warning(`could not write the job summary: ${errorMessage(e)}`);
      }
    }
  }
}
