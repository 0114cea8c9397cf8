/**
 * Runs a stage's committed bundle (actions/<stage>/dist/index.js) as a GitHub runner does: every input as an
 * INPUT_* variable (action.yml's defaults filled in, `${{ github.token }}` as $GITHUB_TOKEN), the runner's file
 * commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH) in a temp directory,
 * RUNNER_TEMP, an event payload and GITHUB_* context variables with local defaults (workspace = the current
 * directory, repository/sha/ref from local git). Variables the caller already set are kept.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActionDefinition, GITHUB_TOKEN_DEFAULT, inputEnvName } from '@release-actions/shared/action';

/** The repository root: cli/src (sources) and cli/dist (the bundle) both sit two levels below it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface StageRun {
  code: number;
  outputs: Record<string, string>;
  /** Path of the job summary, when the stage wrote one. */
  summaryPath?: string;
  durationMs: number;
}

/** Parse a runner file-command file (`name=value` lines and `name<<DELIM` heredocs). */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const name = heredoc[1] as string;
      const delim = heredoc[2] as string;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] as string);
      out[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
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

/** Raw input values as the runner passes them: the given ones, action.yml's defaults for the others. */
export function runnerInputs(
  def: ActionDefinition,
  given: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(def.inputs)) {
    const raw = given[name] ?? spec.default ?? '';
    out[name] = raw.trim() === GITHUB_TOKEN_DEFAULT ? (env.GITHUB_TOKEN ?? '') : raw;
  }
  return out;
}

export interface RunStageOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the action's log goes, line by line, masked as the runner masks it. */
  write: (text: string, stream: 'stdout' | 'stderr') => void;
  /** The repository whose actions/<stage>/dist/index.js runs (default: the one this module belongs to). */
  root?: string;
}

/**
 * What the runner does with a log before anyone sees it: `::add-mask::value` lines are consumed (never shown)
 * and every masked value is replaced by `***` in later lines. Secret inputs are masked from the start.
 * `::debug::` lines are hidden unless RUNNER_DEBUG=1, as on a runner without step debug logging.
 */
export class LogMasker {
  private readonly secrets = new Set<string>();
  private pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

  constructor(
    private readonly write: (text: string, stream: 'stdout' | 'stderr') => void,
    initial: readonly string[] = [],
    /** Show `::debug::` lines, as the runner does only with step debug logging (RUNNER_DEBUG=1). */
    private readonly showDebug = false,
  ) {
    for (const v of initial) this.add(v);
  }

  add(value: string): void {
    for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= 3) this.secrets.add(v.trim());
  }

  private line(text: string, stream: 'stdout' | 'stderr'): void {
    const mask = /^::add-mask::(.*)$/.exec(text.replace(/\r$/, ''));
    if (mask) {
      this.add((mask[1] as string).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
      return;
    }
    if (!this.showDebug && text.startsWith('::debug::')) return;
    let out = text;
    // Longest first, so a secret containing another one is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
    this.write(`${out}\n`, stream);
  }

  push(chunk: string, stream: 'stdout' | 'stderr'): void {
    const lines = (this.pending[stream] + chunk).split('\n');
    this.pending[stream] = lines.pop() as string;
    for (const l of lines) this.line(l, stream);
  }

  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') this.line(this.pending[stream], stream);
      this.pending[stream] = '';
    }
  }
}

export async function runStageBundle(
  def: ActionDefinition,
  given: Record<string, string>,
  o: RunStageOptions,
): Promise<StageRun> {
  const entry = join(o.root ?? ROOT, 'actions', def.id, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`no bundle at ${entry}: run \`npm run bundle\``);
  const work = mkdtempSync(join(tmpdir(), `release-actions-${def.id}-`));
  const runnerTemp = join(work, 'runner-temp');
  const commands = join(work, 'file-commands');
  mkdirSync(runnerTemp);
  mkdirSync(commands);
  const files = {
    GITHUB_OUTPUT: join(commands, 'set_output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    GITHUB_ENV: join(commands, 'set_env'),
    GITHUB_STATE: join(commands, 'save_state'),
    GITHUB_PATH: join(commands, 'add_path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = join(commands, 'event.json');
  writeFileSync(eventPath, '{}');

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.env)) {
    // Inputs come from the flags only; no INPUT_* or state of an enclosing job leaks in.
    if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('STATE_')) env[k] = v;
  }
  Object.assign(env, localContext(o.cwd, o.env, def.id), {
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_EVENT_PATH:
      o.env.GITHUB_EVENT_PATH && existsSync(o.env.GITHUB_EVENT_PATH) ? o.env.GITHUB_EVENT_PATH : eventPath,
    ...files,
  });
  const inputs = runnerInputs(def, given, o.env);
  for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v;
  const secrets = Object.entries(def.inputs)
    .filter(([, spec]) => spec.secret)
    .map(([name]) => inputs[name] ?? '');
  const log = new LogMasker(o.write, secrets, o.env.RUNNER_DEBUG === '1');

  const started = Date.now();
  const child = spawn(process.execPath, [entry], {
    cwd: o.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => log.push(d, 'stdout'));
  child.stderr.setEncoding('utf8').on('data', (d: string) => log.push(d, 'stderr'));
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c, s) => res([c, s]));
  });
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  log.flush();

  const outputs = parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
  const hasSummary = existsSync(files.GITHUB_STEP_SUMMARY) && statSync(files.GITHUB_STEP_SUMMARY).size > 0;
  // RUNNER_TEMP and the file commands go (the action may have left credentials there); the summary stays.
  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(commands, { recursive: true, force: true });
  if (!hasSummary) rmSync(work, { recursive: true, force: true });
  const signalCodes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGKILL: 137 };
  return {
    code: code ?? (signal ? (signalCodes[signal] ?? 1) : 1),
    outputs,
    summaryPath: hasSummary ? files.GITHUB_STEP_SUMMARY : undefined,
    durationMs: Date.now() - started,
  };
}
