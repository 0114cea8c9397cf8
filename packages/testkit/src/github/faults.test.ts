/**
 * Fault injection in the GitHub API double: server errors retried by @octokit/plugin-retry, primary
 * and secondary rate limits seen by @octokit/plugin-throttling, delays and hung requests.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { startGitHubDouble, type GitHubDouble } from './index.js';

let gh: GitHubDouble;
const repo = { owner: 'acme', repo: 'widget' };

async function rejection<T>(p: Promise<unknown>): Promise<T> {
  try {
    await p;
  } catch (e) {
    return e as T;
  }
  throw new Error('expected the request to fail');
}

beforeEach(async () => {
  gh = await startGitHubDouble(repo);
});

afterEach(async () => {
  try {
    gh.assertNoViolations();
  } finally {
    await gh.close();
  }
});

it('fails twice with 500/502, then succeeds: plugin-retry retries', async () => {
  const octokit = getOctokit('ghs_test', { baseUrl: gh.url, retry: { retryAfterBaseValue: 1 } }, retry);
  gh.failNext({ operationId: 'repos/create-release', status: 500 });
  gh.failNext({ route: 'POST /repos/{owner}/{repo}/releases', status: 502 });
  const rel = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' });
  expect(rel.status).toBe(201);
  expect(gh.callsTo({ operationId: 'repos/create-release' }).map((c) => [c.status, Boolean(c.fault)])).toEqual([
    [500, true],
    [502, true],
    [201, false],
  ]);
  expect(gh.state.releases).toHaveLength(1);
});

it('answers a primary rate limit (403, x-ratelimit-remaining: 0) and a secondary one (429, retry-after)', async () => {
  const plain = getOctokit('ghs_test', { baseUrl: gh.url });
  gh.failNext({ method: 'GET', path: /^\/repos\/acme\/widget$/, status: 403, times: 1, resetInSeconds: 30 });
  const err = await rejection<{ status: number; response: { headers: Record<string, string> }; message: string }>(
    plain.rest.repos.get(repo),
  );
  expect(err.status).toBe(403);
  expect(err.message).toContain('API rate limit exceeded');
  expect(err.response.headers['x-ratelimit-remaining']).toBe('0');
  expect(Number(err.response.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);

  const seen: string[] = [];
  const throttled = getOctokit(
    'ghs_test',
    {
      baseUrl: gh.url,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(`secondary ${retryAfter}`);
          return true;
        },
        retryAfterBaseValue: 1,
      },
    } as Parameters<typeof getOctokit>[1],
    throttling,
  );
  gh.failNext({ operationId: 'repos/get', status: 429, retryAfter: 2 });
  expect((await throttled.rest.repos.get(repo)).status).toBe(200);
  expect(seen).toEqual(['secondary 2']);
  expect(gh.count({ operationId: 'repos/get', status: 429 })).toBe(1);
});

it('fails GraphQL requests and counts them', async () => {
  const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
  gh.failNext({ graphql: true, status: 502, times: 2 });
  const q = '{ rateLimit { remaining } }';
  await expect(octokit.graphql(q)).rejects.toMatchObject({ status: 502 });
  await expect(octokit.graphql(q)).rejects.toMatchObject({ status: 502 });
  await expect(octokit.graphql(q)).resolves.toEqual({ rateLimit: { remaining: 4999 } });
  expect(gh.count({ graphql: true, fault: true })).toBe(2);
});

it('delays a response, and hangs one until the client gives up', async () => {
  const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
  gh.failNext({ operationId: 'repos/get', delayMs: 150 });
  const t0 = performance.now();
  await octokit.rest.repos.get(repo);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(140);

  gh.failNext({ operationId: 'repos/get', timeout: true });
  const err = await rejection<Error>(
    octokit.rest.repos.get({ ...repo, request: { signal: AbortSignal.timeout(200) } }),
  );
  expect(err).toBeInstanceOf(Error);
  expect(gh.callsTo({ operationId: 'repos/get' }).map((c) => c.status)).toEqual([200, 0]);
});

it('closes cleanly with a request still hanging', async () => {
  gh.failNext({ timeout: true });
  const pending = fetch(`${gh.url}/rate_limit`, { headers: { authorization: 'token ghs_test' } }).catch(
    (e: unknown) => e,
  );
  await new Promise((r) => setTimeout(r, 50));
  await gh.close();
  expect(String(await pending)).toContain('fetch failed');
});
