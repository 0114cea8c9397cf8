/**
 * runAction: runs a bundled action (`node actions/<name>/dist/index.js`) exactly as a GitHub runner does:
 * inputs as INPUT_* (action.yml defaults filled in, `${{ github.token }}` resolved), the runner's file commands
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH), an event payload, and the GITHUB_*
 * context variables. Returns the exit code, outputs, job summary, annotations and log.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Annotation {
  level: 'error' | 'warning' | 'notice' | 'debug';
  message: string;
  properties: Record<string, string>;
}

export interface RunActionOptions {
  inputs?: Record<string, string | number | boolean>;
  /** Extra environment (e.g. NODE_AUTH_TOKEN). */
  env?: Record<string, string | undefined>;
  /** The event payload written to GITHUB_EVENT_PATH. */
  event?: Record<string, unknown>;
  eventName?: string;
  /** GITHUB_WORKSPACE and the process's cwd. Default: a new empty temp dir. */
  cwd?: string;
  /** The token `${{ github.token }}` stands for. */
  token?: string;
  apiUrl?: string;
  graphqlUrl?: string;
  serverUrl?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  runId?: string;
  runAttempt?: number;
  actor?: string;
  /** Kill the action after this many ms (default 120 s). */
  timeoutMs?: number;
  /** Keep RUNNER_TEMP after the run (default: removed). */
  keepTemp?: boolean;
  /** A directory to use as RUNNER_TEMP (kept). */
  runnerTemp?: string;
}

export interface ActionResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** stdout then stderr. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Messages of the ::error:: annotations. */
  errors: string[];
  warnings: string[];
  /** Variables the action exported with GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  runnerTemp: string;
  workspace: string;
  /** The environment the action was given (for tests that search it for secrets). */
  env: Record<string, string>;
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
      const [, name, delim] = heredoc as unknown as [string, string, string];
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

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Workflow commands (`::error file=a,line=1::msg`) found in a log. */
export function parseAnnotations(log: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of log.split(/\r?\n/)) {
    const m = /^::(error|warning|notice|debug)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').trim().split(',')) {
      const eq = kv.indexOf('=');
      if (eq > 0) properties[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1));
    }
    out.push({ level: m[1] as Annotation['level'], message: unescapeData(m[3] ?? ''), properties });
  }
  return out;
}

/** Defaults of an action's inputs as the runner reads them from action.yml. */
export function actionDefaults(name: string): Record<string, string> {
  const doc = parseYaml(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.inputs ?? {})) if (v.default !== undefined) out[k] = String(v.default);
  return out;
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export async function runAction(name: string, o: RunActionOptions = {}): Promise<ActionResult> {
  const entry = join(ROOT, 'actions', name, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`no bundle at ${entry}: run npm run bundle`);
  const runnerTemp = o.runnerTemp ?? mkdtempSync(join(tmpdir(), `ra-runner-${name}-`));
  mkdirSync(runnerTemp, { recursive: true });
  const workspace = o.cwd ?? mkdtempSync(join(tmpdir(), `ra-ws-${name}-`));
  const files = {
    GITHUB_OUTPUT: join(runnerTemp, '_runner_file_commands', 'set_output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, '_runner_file_commands', 'step_summary'),
    GITHUB_ENV: join(runnerTemp, '_runner_file_commands', 'set_env'),
    GITHUB_STATE: join(runnerTemp, '_runner_file_commands', 'save_state'),
    GITHUB_PATH: join(runnerTemp, '_runner_file_commands', 'add_path'),
  };
  mkdirSync(dirname(files.GITHUB_OUTPUT), { recursive: true });
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(o.event ?? {}));

  const token = o.token ?? '';
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(actionDefaults(name))) {
    inputs[k] = v.trim() === '${{ github.token }}' ? token : v;
  }
  for (const [k, v] of Object.entries(o.inputs ?? {})) inputs[k] = String(v);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'release-actions-test',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runnerTemp, '_tool'),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: o.eventName ?? 'workflow_dispatch',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9/api-not-configured',
    GITHUB_GRAPHQL_URL: o.graphqlUrl ?? 'http://127.0.0.1:9/graphql-not-configured',
    GITHUB_SERVER_URL: o.serverUrl ?? 'https://github.com',
    GITHUB_REPOSITORY: o.repository ?? 'acme/widget',
    GITHUB_REPOSITORY_OWNER: (o.repository ?? 'acme/widget').split('/')[0] as string,
    GITHUB_SHA: o.sha ?? '0000000000000000000000000000000000000000',
    GITHUB_REF: o.ref ?? 'refs/heads/main',
    GITHUB_REF_NAME: (o.ref ?? 'refs/heads/main').replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_RUN_ID: o.runId ?? '1000',
    GITHUB_RUN_ATTEMPT: String(o.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_ACTOR: o.actor ?? 'octocat',
    GITHUB_WORKFLOW: 'release',
    GITHUB_JOB: name,
    GITHUB_ACTION: name.replace(/-/g, '_'),
    ...files,
  };
  for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  const started = Date.now();
  const child = spawn(process.execPath, [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, o.timeoutMs ?? 120_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on('close', (c, s) => res([c, s])),
  );
  clearTimeout(timer);

  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  const annotations = parseAnnotations(stdout);
  const result: ActionResult = {
    code,
    signal,
    timedOut,
    stdout,
    stderr,
    log: stdout + stderr,
    outputs: parseFileCommand(read(files.GITHUB_OUTPUT)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    annotations,
    errors: annotations.filter((a) => a.level === 'error').map((a) => a.message),
    warnings: annotations.filter((a) => a.level === 'warning').map((a) => a.message),
    exportedEnv: parseFileCommand(read(files.GITHUB_ENV)),
    state: parseFileCommand(read(files.GITHUB_STATE)),
    runnerTemp,
    workspace,
    env,
    durationMs: Date.now() - started,
  };
  if (!o.keepTemp && !o.runnerTemp) rmSync(runnerTemp, { recursive: true, force: true });
  return result;
}
