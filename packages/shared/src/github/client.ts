/**
 * The GitHub client every stage uses: Octokit from @actions/github with retries (5xx, network) and throttling
 * (primary and secondary rate limits), GitHub Enterprise Server URLs honoured, and a count of the requests made
 * so summaries can show what a stage cost.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
// The build of Bottleneck the throttling plugin itself bundles (no clustering); its types are the full build's.
import BottleneckLight from 'bottleneck/light.js';
import type { Logger } from '../util/logger.js';
import { silentLogger } from '../util/logger.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base, e.g. https://api.github.com or https://ghe.example.com/api/v3 (GITHUB_API_URL). */
  apiUrl?: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL). Default: derived from apiUrl. */
  graphqlUrl?: string;
  log?: Logger;
  /** Retries of a failed request (default 3). */
  retries?: number;
  /** Base delay between retries in seconds (default 1; tests use less). */
  retryAfterBaseSeconds?: number;
  /** Longest rate-limit wait we accept before giving up, in seconds (default 60). */
  maxRateLimitWaitSeconds?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
}

export interface GitHubClient {
  rest: Octokit;
  /** POST a GraphQL query to the configured endpoint; throws on errors in the response. */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Requests sent so far (REST and GraphQL, retries included). */
  readonly requestCount: number;
  readonly graphqlCount: number;
}

/**
 * The pause between two writes (POST, PATCH, PUT, DELETE). GitHub.com and GHE.com ask for a second between writes
 * to stay under their secondary rate limits. GitHub Enterprise Server has rate limits off by default ("Rate limits
 * are disabled by default for GitHub Enterprise Server", GitHub's REST docs), so a release of many files or
 * packages does not wait there; where an admin turned them on, the 403 or 429 answers are retried after the time
 * they name, as on GitHub.com.
 */
export function writeIntervalMs(apiUrl: string): number {
  const host = new URL(apiUrl).hostname;
  return host === 'api.github.com' || host.endsWith('.ghe.com') ? 1000 : 0;
}

/** The GraphQL URL GitHub uses for a REST base: api.github.com/graphql, or <host>/api/graphql on GHES. */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/\/$/, '');
  return base.endsWith('/api/v3') ? `${base.slice(0, -'/v3'.length)}/graphql` : `${base}/graphql`;
}

export function createGitHubClient(o: GitHubClientOptions): GitHubClient {
  const log = o.log ?? silentLogger;
  const apiUrl = (o.apiUrl ?? 'https://api.github.com').replace(/\/$/, '');
  const graphqlUrl = o.graphqlUrl ?? graphqlUrlFor(apiUrl);
  const maxWait = o.maxRateLimitWaitSeconds ?? 60;
  const retries = o.retries ?? 3;
  /** Wait and retry a rate-limited request while retries remain and the wait is acceptable. */
  const rateLimitHandler =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      log.warning(`GitHub ${kind} on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
      return retryCount < retries && retryAfter <= maxWait;
    };
  const rest = getOctokit(
    o.token,
    {
      baseUrl: apiUrl,
      request: { retries, retryAfter: o.retryAfterBaseSeconds ?? 1, timeout: o.timeoutMs ?? 30_000 },
      retry: { doNotRetry: [400, 401, 404, 409, 410, 422, 451] },
      throttle: {
        onRateLimit: rateLimitHandler('rate limit'),
        onSecondaryRateLimit: rateLimitHandler('secondary rate limit'),
        // One write at a time, in order, paced as the host asks.
        write: new BottleneckLight.Group({ maxConcurrent: 1, minTime: writeIntervalMs(apiUrl) }),
      },
    },
    retry,
    throttling,
  );
  let requestCount = 0;
  let graphqlCount = 0;
  rest.hook.before('request', (options) => {
    requestCount++;
    if (String(options.url).endsWith('/graphql') || options.url === graphqlUrl) graphqlCount++;
  });
  return {
    rest,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const res = await rest.request(`POST ${graphqlUrl}`, { query, variables });
      const body = res.data as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
      return body.data as T;
    },
    get requestCount() {
      return requestCount;
    },
    get graphqlCount() {
      return graphqlCount;
    },
  };
}
