/**
 * runStageBundle: runs a stage's committed bundle (actions/<stage>/dist/index.js) on this machine, as the CLI and
 * the demo do: the runner emulation of run-bundle.ts in the local checkout's context (workspace = the current
 * directory, repository/sha/ref from local git; variables the caller already set are kept), the log masked as
 * the runner masks it, the job summary kept, RUNNER_TEMP and the file commands removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ActionDefinition } from '@release-actions/shared/action';
import { existsSync } from 'node:fs';
import { runnerInputs } from './inputs.js';
import { runBundle } from './run-bundle.js';
import { LogMasker } from './workflow-commands.js';

export interface StageRun {
  code: number;
  outputs: Record<string, string>;
  /** Path of the job summary, when the stage wrote one. */
  summaryPath?: string;
  durationMs: number;
}

export interface RunStageOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the action's log goes, line by line, masked as the runner masks it. */
  write: (text: string, stream: 'stdout' | 'stderr') => void;
  /** The repository whose actions/<stage>/dist/index.js runs. */
  root: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
      timeout: 5000,
    }).trim();
  } catch {
    return undefined;
  }
}

/** owner/name of a GitHub remote URL (https, ssh or git@ form), if it is one. */
export function repositoryOf(remoteUrl: string | undefined): string | undefined {
  if (!remoteUrl) return undefined;
  const m = /^(?:https?:\/\/[^/]+\/|ssh:\/\/git@[^/]+\/|git@[^:]+:)([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remoteUrl);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The GITHUB_* and RUNNER_* context of a local run, for variables the environment does not set. */
export function localContext(cwd: string, env: NodeJS.ProcessEnv, stage: string): Record<string, string> {
  const repository =
    env.GITHUB_REPOSITORY ?? repositoryOf(git(cwd, ['remote', 'get-url', 'origin'])) ?? `local/${basename(cwd)}`;
  const branch = git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
  const ref = env.GITHUB_REF ?? (branch ? `refs/heads/${branch}` : 'refs/heads/main');
  const defaults: Record<string, string> = {
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] as string,
    GITHUB_SHA: git(cwd, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']) ?? '0'.repeat(40),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_RUN_ID: '0',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '0',
    GITHUB_ACTOR: env.USER ?? 'local',
    GITHUB_WORKFLOW: 'release-actions (local)',
    GITHUB_JOB: stage,
    GITHUB_ACTION: stage.replace(/-/g, '_'),
    RUNNER_OS: process.platform === 'darwin' ? 'macOS' : process.platform === 'win32' ? 'Windows' : 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : process.arch === 'x64' ? 'X64' : process.arch.toUpperCase(),
    RUNNER_NAME: 'release-actions-cli',
    RUNNER_TOOL_CACHE: join(homedir(), '.cache', 'release-actions', 'tool-cache'),
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(defaults)) out[k] = env[k] ?? v;
  return out;
}

const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGKILL: 137 };

export async function runStageBundle(
  def: ActionDefinition,
  given: Record<string, string>,
  o: RunStageOptions,
): Promise<StageRun> {
  const entry = join(o.root, 'actions', def.id, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`no bundle at ${entry}: run \`npm run bundle\``);
  const work = mkdtempSync(join(tmpdir(), `release-actions-${def.id}-`));
  const runnerTemp = join(work, 'runner-temp');
  const commands = join(work, 'file-commands');

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.env)) {
    // Inputs come from the flags only; no INPUT_* or state of an enclosing job leaks in.
    if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('STATE_')) env[k] = v;
  }
  Object.assign(env, localContext(o.cwd, o.env, def.id), { GITHUB_ACTIONS: 'true' });
  const defaults = Object.fromEntries(Object.entries(def.inputs).map(([name, spec]) => [name, spec.default]));
  const inputs = runnerInputs(defaults, given, o.env.GITHUB_TOKEN ?? '');
  const secrets = Object.entries(def.inputs)
    .filter(([, spec]) => spec.secret)
    .map(([name]) => inputs[name] ?? '');
  const log = new LogMasker(o.write, secrets, o.env.RUNNER_DEBUG === '1');

  const run = await runBundle({
    entry,
    cwd: o.cwd,
    env,
    inputs,
    commandsDir: commands,
    summaryFile: join(work, 'summary.md'),
    runnerTemp,
    event: o.env.GITHUB_EVENT_PATH && existsSync(o.env.GITHUB_EVENT_PATH) ? o.env.GITHUB_EVENT_PATH : {},
    onOutput: (chunk, stream) => log.push(chunk, stream),
    forwardSignals: ['SIGINT', 'SIGTERM'],
  });
  log.flush();

  const hasSummary = run.summary !== '';
  // RUNNER_TEMP and the file commands go (the action may have left credentials there); the summary stays.
  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(commands, { recursive: true, force: true });
  if (!hasSummary) rmSync(work, { recursive: true, force: true });
  return {
    code: run.code ?? (run.signal ? (SIGNAL_CODES[run.signal] ?? 1) : 1),
    outputs: run.outputs,
    summaryPath: hasSummary ? run.files.GITHUB_STEP_SUMMARY : undefined,
    durationMs: run.durationMs,
  };
}
