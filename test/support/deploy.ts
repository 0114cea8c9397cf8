/**
 * What the deploy suites (test/e2e/deploy*.test.ts, test/integration/deploy-*.test.ts) set up alike: the test
 * app's start command, the nginx router inputs, a deploy/rollback run against the GitHub API double, the status
 * record read back from the remote, and the instances a state file still records stopped after.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NginxRouter } from '../../packages/shared/src/deploy/routers.js';
import type { Logger } from '../../packages/shared/src/util/logger.js';
import type { GitHubDouble } from './github/index.js';
import { loadLoop, startNginx, type LoadResult, type Nginx } from './services/index.js';
import { ROOT, runAction } from './run-action.js';

export { seedRemoteSync } from '@release-actions/testkit/services';

/** test/fixtures/deploy/app.mjs, the app the command workload starts. */
export const APP = join(ROOT, 'test/fixtures/deploy/app.mjs');

/** The command workload's start command for the test app: `prefix` before `exec` (e.g. `FAIL_MODE=…`), `args` after. */
export const appStartCommand = (prefix = '', ...args: string[]) =>
  `${prefix ? `${prefix} ` : ''}exec ${[process.execPath, APP, ...args].map((a) => JSON.stringify(a)).join(' ')}`;

/** The command workload behind this nginx (upstream `app`), the version read from its /version. */
export const nginxTargetInputs = (nginx: Nginx, startCommand = appStartCommand()) => ({
  environment: 'production',
  workload: 'command',
  start_command: startCommand,
  health_url: 'http://127.0.0.1:{port}/health',
  router: 'nginx',
  nginx_upstream_file: nginx.upstreamsPath,
  nginx_conf: nginx.confPath,
  nginx_prefix: `${nginx.dir}/`,
  nginx_upstream_name: 'app',
  version_url: `${nginx.url}version`,
  version_json_path: 'version',
});

/** Runs an action in `workspace` as run `runId` of commit `sha`, against the GitHub API double. */
export const runWithGitHub = (
  gh: GitHubDouble,
  workspace: string,
  sha: string,
  name: string,
  inputs: Record<string, string>,
  runId: string,
) =>
  runAction(name, {
    inputs,
    cwd: workspace,
    token: 'ghs_test',
    apiUrl: gh.url,
    graphqlUrl: gh.graphqlUrl,
    serverUrl: gh.serverUrl,
    sha,
    runId,
    timeoutMs: 90_000,
  });

export interface StatusDoc {
  releases: {
    version: string;
    status: string;
    deployments?: { status: string; environment: string; strategy?: string }[];
  }[];
}

/** release-status.yaml as the remote's release-status branch holds it now. */
export function readStatusDoc(workspace: string): StatusDoc {
  execFileSync('git', [
    '-C',
    workspace,
    'fetch',
    '-q',
    'origin',
    '+refs/heads/release-status:refs/remotes/origin/release-status',
  ]);
  return parse(
    execFileSync('git', ['-C', workspace, 'show', 'origin/release-status:release-status.yaml'], { encoding: 'utf8' }),
  ) as StatusDoc;
}

/** Stop every instance a state file still records (the kept previous slot, the live one). */
export function killInstances(stateDir: string): void {
  try {
    const st = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as {
      slots: Record<string, { instances: { pid?: number }[] }>;
    };
    for (const s of Object.values(st.slots))
      for (const i of s.instances)
        if (i.pid)
          try {
            process.kill(-i.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
  } catch {
    /* no state */
  }
}

/** The engine's nginx router over this nginx (upstream `app`), in-process. */
export const nginxRouter = (nginx: Nginx, cwd: string, log: Logger) =>
  new NginxRouter({
    upstreamFile: nginx.upstreamsPath,
    upstreamName: 'app',
    conf: nginx.confPath,
    prefix: `${nginx.dir}/`,
    cwd,
    log,
  });

/** nginx with the upstream `app` the deploys rewrite, pointing nowhere until the first deploy. */
export const startAppNginx = () =>
  startNginx({ upstreams: [{ name: 'app', servers: [{ address: '127.0.0.1:9', down: true }] }] });

/** Keep-alive load through `url` for the whole of `fn` (and `padMs` either side); then what the load saw. */
export async function underLoad<T>(
  o: { url: string; concurrency: number; durationMs: number; padMs?: number },
  fn: () => Promise<T>,
): Promise<[T, LoadResult]> {
  const stop = new AbortController();
  const loading = loadLoop({ url: o.url, concurrency: o.concurrency, durationMs: o.durationMs, signal: stop.signal });
  const pad = () => (o.padMs ? new Promise((r) => setTimeout(r, o.padMs)) : undefined);
  try {
    await pad();
    const out = await fn();
    await pad();
    stop.abort();
    return [out, await loading];
  } finally {
    stop.abort();
    await loading;
  }
}

/** The engine's blue-green config for `version` with its smoke test; the rest as each suite needs. */
export const blueGreen = (version: string) => ({
  version,
  environment: 'production',
  strategy: 'blue-green' as const,
  runSmokeTests: true,
  smokeTests: [{ path: '/', expect_status: 200, body_contains: version }],
  rollbackOnFailure: true,
});
