import type { GitHubDouble } from './server.js';

/**
 * The end of a test with a GitHub double: fails on any request or response that broke GitHub's OpenAPI
 * description, but closes the double and runs `cleanups` (in order) first, whatever happens.
 */
export async function closeChecked(
  gh: GitHubDouble | undefined,
  ...cleanups: (() => unknown | Promise<unknown>)[]
): Promise<void> {
  try {
    gh?.assertNoViolations();
  } finally {
    await gh?.close();
    for (const cleanup of cleanups) await cleanup();
  }
}
