/**
 * The changelog action on GitHub Enterprise Server URLs (REST under /api/v3, GraphQL at /api/graphql), and
 * retried transient answers: a 5xx and a primary rate limit are retried with backoff, and the PR links still
 * come through — no degraded notes, no warning of a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeChecked, startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { gitSync, initTaggedRepo } from '../support/git.js';
import { runAction } from '../support/run-action.js';

let gh: GitHubDouble;
let ws: string;
const git = (...a: string[]) => gitSync(ws, ...a);

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'ra-e2e-changelog-ghes-'));
  initTaggedRepo(ws, { name: 'Dev', email: 'dev@example.com' }, 'v2.0.0');
  git('commit', '-q', '--allow-empty', '-m', 'fix: a bug (#7)');
  git('commit', '-q', '--allow-empty', '-m', 'feat(cli): a flag');
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

beforeEach(async () => {
  gh = await startGitHubDouble({ owner: 'corp', repo: 'tool', basePath: '/api/v3' });
  gh.state.addPullRequest({ number: 8, title: 'A flag', user: 'hubber', mergeCommitSha: git('rev-parse', 'HEAD') });
});
afterEach(() => closeChecked(gh));

const run = () =>
  runAction('changelog', {
    cwd: ws,
    inputs: { write_file: 'false', include_prs: 'true' },
    token: 'ghs_test',
    apiUrl: gh.url,
    graphqlUrl: gh.graphqlUrl,
    serverUrl: gh.serverUrl,
    repository: 'corp/tool',
  });

it('uses the GHES API and GraphQL URLs it is given', async () => {
  expect(gh.url).toMatch(/\/api\/v3$/);
  expect(gh.graphqlUrl).toMatch(/\/api\/graphql$/);
  const r = await run();
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(gh.count({ graphql: true })).toBe(1);
  expect(gh.calls.every((c) => c.path.startsWith('/api/'))).toBe(true);
  expect(r.outputs.notes).toContain(`[#8](${gh.serverUrl}/corp/tool/pull/8)`);
  expect(r.outputs.notes).toMatch(/by @hubber/);
}, 60_000);

it('retries a 502 and a primary rate limit, then links the PRs', async () => {
  gh.failNext({ graphql: true, status: 502, times: 1 });
  gh.failNext({ graphql: true, status: 403, times: 1, resetInSeconds: 1 });
  const r = await run();
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.warnings.join('\n')).not.toMatch(/could not link commits/);
  expect(gh.count({ graphql: true })).toBeGreaterThanOrEqual(3);
  expect(r.outputs.notes).toContain('/pull/8');
}, 60_000);
