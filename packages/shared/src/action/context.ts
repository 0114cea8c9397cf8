/** What the runner tells an action about where it runs, read once from the environment. */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

export interface RunnerContext {
  workspace: string;
  runnerTemp: string;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  /** owner/name */
  repository: string;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  runId: string;
  runAttempt: number;
  actor: string;
  workflow: string;
  eventName: string;
  event: Record<string, unknown>;
  /** Link to this run's log, for deployments, summaries and announcements. */
  runUrl: string;
}

export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const runId = env.GITHUB_RUN_ID ?? '0';
  let event: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch {
      event = {};
    }
  }
  return {
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? tmpdir(),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    graphqlUrl: (env.GITHUB_GRAPHQL_URL ?? 'https://api.github.com/graphql').replace(/\/$/, ''),
    serverUrl,
    repository,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
    actor: env.GITHUB_ACTOR ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`,
  };
}
