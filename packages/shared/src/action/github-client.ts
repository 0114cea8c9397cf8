/**
 * The GitHub client of a stage that can run without one (deploy, rollback): made only with a token and a
 * repository, the token masked first. Octokit (and undici) are loaded only then: startup time is paid by every run.
 */
import type { GitHubClient } from '../github/client.js';
import type { Logger } from '../util/logger.js';
import type { StageContext } from './run.js';

export async function optionalGitHubClient(
  token: string,
  ctx: StageContext,
  log: Logger,
  /** What is not done without one, for the warning. */
  without: string,
): Promise<GitHubClient | undefined> {
  if (!token || !ctx.runner.repository) {
    log.warning(`no token or repository: ${without}`);
    return undefined;
  }
  ctx.mask(token);
  const { createGitHubClient } = await import('../github/index.js');
  return createGitHubClient({ token, apiUrl: ctx.runner.apiUrl, log, retryAfterBaseSeconds: 1 });
}
