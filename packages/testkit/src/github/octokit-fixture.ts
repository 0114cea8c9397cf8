/**
 * For this folder's tests: the double driven by a real `@actions/github` client, and what each test ends with
 * (no OpenAPI violation, the double closed).
 */
import { getOctokit } from '@actions/github';
import { startGitHubDouble } from './index.js';

export type Octokit = ReturnType<typeof getOctokit>;

/** A fresh double for `repo` and a client authenticated to it. */
export async function startWithOctokit(repo: { owner: string; repo: string }) {
  const gh = await startGitHubDouble(repo);
  return { gh, octokit: getOctokit('ghs_test', { baseUrl: gh.url }) };
}

export { closeChecked } from './teardown.js';

/** The HTTP status `p` ends with: 200 for any success, else the error's status. */
export async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}
