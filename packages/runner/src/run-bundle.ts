/**
 * The one runner emulation: runs an action's bundle (`node actions/<x>/dist/index.js`) as a GitHub runner does,
 * given the context environment and raw inputs: INPUT_* variables, the file commands, RUNNER_TEMP and the event
 * payload are set on top, and outputs, summary, exported env and state are read back after. The callers differ
 * only in the context they pass: runAction (tests: a fixed, hermetic one) and runStageBundle (CLI and demo: the
 * local checkout's).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from '@release-actions/shared';
import { createFileCommands, type FileCommand, parseFileCommand, readFileCommand } from './file-commands.js';
import { inputEnvName } from './inputs.js';

export interface RunBundleOptions {
  /** The action's entry, actions/<x>/dist/index.js. */
  entry: string;
  /** The step's working directory (GITHUB_WORKSPACE). */
  cwd: string;
  /** The environment before the runner's own variables: PATH, GITHUB_* context… */
  env: Record<string, string>;
  /** Raw input values (see runnerInputs). */
  inputs: Record<string, string>;
  /** Where the file commands are created. */
  commandsDir: string;
  /** Default: a file among the file commands. */
  summaryFile?: string;
  runnerTemp: string;
  /** The event payload (written beside the file commands), or the path of one already written. */
  event: Record<string, unknown> | string;
  /** Applied last (a value of undefined removes the variable): what a test changes about the runner. */
  envOverrides?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** The log as it comes. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Signals passed on to the action (a CLI's Ctrl-C). */
  forwardSignals?: NodeJS.Signals[];
}

export interface BundleRun {
  /** The exit code; null when a signal ended the action (then `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Variables the action exported with GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  files: Record<FileCommand, string>;
  /** The environment the action was given. */
  env: Record<string, string>;
  durationMs: number;
}

export async function runBundle(o: RunBundleOptions): Promise<BundleRun> {
  const files = createFileCommands(o.commandsDir, o.summaryFile);
  mkdirSync(o.runnerTemp, { recursive: true });
  let eventPath = o.event;
  if (typeof eventPath !== 'string') {
    eventPath = join(o.commandsDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(o.event));
  }
  const env: Record<string, string> = { ...o.env, RUNNER_TEMP: o.runnerTemp, GITHUB_EVENT_PATH: eventPath, ...files };
  for (const [k, v] of Object.entries(o.inputs)) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(o.envOverrides ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  const started = Date.now();
  const r = await exec(process.execPath, [o.entry], {
    cwd: o.cwd,
    env,
    timeoutMs: o.timeoutMs,
    onOutput: o.onOutput,
    forwardSignals: o.forwardSignals,
  });
  if (r.error) throw r.error;
  return {
    code: r.signal ? null : r.code,
    signal: r.signal,
    timedOut: r.timedOut,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseFileCommand(readFileCommand(files.GITHUB_OUTPUT)),
    summary: readFileCommand(files.GITHUB_STEP_SUMMARY),
    exportedEnv: parseFileCommand(readFileCommand(files.GITHUB_ENV)),
    state: parseFileCommand(readFileCommand(files.GITHUB_STATE)),
    files,
    env,
    durationMs: Date.now() - started,
  };
}
