/**
 * The ground the nginx deploy suites (test/e2e/deploy.test.ts, deploy-lock.test.ts) stand on: a workspace cloned
 * from a seeded bare remote, a state_dir beside it, Debian's nginx routing to the test app, the GitHub API double;
 * and the short deadlines and quick monitor their runs share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedRemoteSync, startAppNginx } from './deploy.js';
import { startGitHubDouble, type GitHubDouble } from './github/index.js';
import type { Nginx } from './services/index.js';

export interface DeploySuite {
  base: string;
  workspace: string;
  stateDir: string;
  nginx: Nginx;
  gh: GitHubDouble;
  /** Stops nginx and the double and removes `base`; instances still running are the caller's to stop first. */
  stop(): Promise<void>;
}

export async function startDeploySuite(prefix: string): Promise<DeploySuite> {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const { workspace } = seedRemoteSync(base);
  const stateDir = join(base, 'state');
  let nginx: Nginx | undefined;
  let gh: GitHubDouble | undefined;
  const stop = async () => {
    await nginx?.stop();
    await gh?.close();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    nginx = await startAppNginx();
    gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, workspace, stateDir, nginx, gh, stop };
}

/** Deadlines short enough for a test, on `stateDir`. */
export const quickDeadlines = (stateDir: string) => ({
  state_dir: stateDir,
  start_timeout: '5s',
  version_timeout: '5s',
  timeout: '2m',
});

/** A monitor that decides at once: three samples, 300 ms apart, no window to wait out. */
export const QUICK_MONITOR = { monitor_duration: '0', monitor_interval: '300ms', min_samples: '3' };
