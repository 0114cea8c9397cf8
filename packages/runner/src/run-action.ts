/**
 * runAction: runs a bundled action exactly as a GitHub runner does, in a fixed, hermetic context (the e2e tests'):
 * inputs as INPUT_* (action.yml defaults filled in, `${{ github.token }}` resolved), the runner's file commands,
 * an event payload, and GITHUB_* context variables that never come from the machine. Returns the exit code,
 * outputs, job summary, annotations and log.
 */
import { mkdirSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionYmlDefaults, runnerInputs } from './inputs.js';
import { type BundleRun, runBundle } from './run-bundle.js';
import { type Annotation, parseAnnotations } from './workflow-commands.js';

export interface RunActionOptions {
  /** The repository whose actions/<name>/{action.yml,dist/index.js} run. */
  root: string;
  inputs?: Record<string, string | number | boolean>;
  /** Extra environment (e.g. NODE_AUTH_TOKEN); undefined removes a variable. */
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

export interface ActionResult extends Omit<BundleRun, 'files'> {
  /** stdout then stderr. */
  log: string;
  annotations: Annotation[];
  /** Messages of the ::error:: annotations. */
  errors: string[];
  warnings: string[];
  runnerTemp: string;
  workspace: string;
}

/** What a hermetic run's environment starts from: the host's PATH and HOME, and API URLs at a closed loopback port. */
export const HERMETIC_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/root',
  LANG: 'C.UTF-8',
  GITHUB_API_URL: 'http://127.0.0.1:9/api-not-configured',
  GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql-not-configured',
};

/** The context of a run on a hosted Linux runner, with placeholders nothing answers unless a test says so. */
function hermeticContext(name: string, workspace: string, runnerTemp: string, o: RunActionOptions) {
  const repository = o.repository ?? 'acme/widget';
  const ref = o.ref ?? 'refs/heads/main';
  return {
    ...HERMETIC_ENV,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'release-actions-test',
    RUNNER_TOOL_CACHE: join(runnerTemp, '_tool'),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: o.eventName ?? 'workflow_dispatch',
    GITHUB_API_URL: o.apiUrl ?? HERMETIC_ENV.GITHUB_API_URL,
    GITHUB_GRAPHQL_URL: o.graphqlUrl ?? HERMETIC_ENV.GITHUB_GRAPHQL_URL,
    GITHUB_SERVER_URL: o.serverUrl ?? 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] as string,
    GITHUB_SHA: o.sha ?? '0000000000000000000000000000000000000000',
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_RUN_ID: o.runId ?? '1000',
    GITHUB_RUN_ATTEMPT: String(o.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_ACTOR: o.actor ?? 'octocat',
    GITHUB_WORKFLOW: 'release',
    GITHUB_JOB: name,
    GITHUB_ACTION: name.replace(/-/g, '_'),
  };
}

export async function runAction(name: string, o: RunActionOptions): Promise<ActionResult> {
  const entry = join(o.root, 'actions', name, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`no bundle at ${entry}: run npm run bundle`);
  const runnerTemp = o.runnerTemp ?? mkdtempSync(join(tmpdir(), `ra-runner-${name}-`));
  mkdirSync(runnerTemp, { recursive: true });
  const workspace = o.cwd ?? mkdtempSync(join(tmpdir(), `ra-ws-${name}-`));
  const given = Object.fromEntries(Object.entries(o.inputs ?? {}).map(([k, v]) => [k, String(v)]));
  const r = await runBundle({
    entry,
    cwd: workspace,
    env: hermeticContext(name, workspace, runnerTemp, o),
    inputs: runnerInputs(actionYmlDefaults(join(o.root, 'actions', name, 'action.yml')), given, o.token ?? ''),
    commandsDir: join(runnerTemp, '_runner_file_commands'),
    runnerTemp,
    event: o.event ?? {},
    envOverrides: o.env,
    timeoutMs: o.timeoutMs ?? 120_000,
  });
  const { files: _files, ...run } = r;
  const annotations = parseAnnotations(r.stdout);
  if (!o.keepTemp && !o.runnerTemp) rmSync(runnerTemp, { recursive: true, force: true });
  return {
    ...run,
    log: r.stdout + r.stderr,
    annotations,
    errors: annotations.filter((a) => a.level === 'error').map((a) => a.message),
    warnings: annotations.filter((a) => a.level === 'warning').map((a) => a.message),
    runnerTemp,
    workspace,
  };
}
