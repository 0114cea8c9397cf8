/**
 * The GitHub API double refuses and records what GitHub would refuse (malformed bodies, unknown
 * routes, bad parameters), checks its own responses, and supports GHES base paths and call counting.
 */
import { createRequire } from 'node:module';
import { getOctokit } from '@actions/github';
import { checkResponse, operationById, startGitHubDouble, type GitHubDouble } from './index.js';

let gh: GitHubDouble;
const repo = { owner: 'acme', repo: 'widget' };

afterEach(async () => {
  await gh?.close();
});

async function post(
  url: string,
  body: unknown,
  token = 'ghs_test',
): Promise<{ status: number; json: { message?: string } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { message?: string } };
}

describe('request validation', () => {
  it('rejects a release without tag_name or with draft: "yes" (422) and records violations', async () => {
    gh = await startGitHubDouble(repo);
    const missing = await post(`${gh.url}/repos/acme/widget/releases`, { name: 'v1' });
    expect(missing.status).toBe(422);
    expect(missing.json.message).toContain("must have required property 'tag_name'");

    const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
    const err = await octokit.rest.repos
      .createRelease({ ...repo, tag_name: 'v1', draft: 'yes' as unknown as boolean })
      .catch((e: unknown) => e as { status: number });
    expect(err.status).toBe(422);

    expect(gh.violations.map((v) => [v.kind, v.operationId])).toEqual([
      ['request-body', 'repos/create-release'],
      ['request-body', 'repos/create-release'],
    ]);
    expect(gh.violations[1]?.errors).toEqual(['body/draft must be boolean']);
    expect(() => gh.assertNoViolations()).toThrow(/2 violation\(s\)[\s\S]*body\/draft must be boolean/);
    expect(gh.state.releases).toHaveLength(0);
    gh.takeViolations();
    gh.assertNoViolations();
  });

  it('answers 400 to unparsable JSON and 422 to bad parameters, recording both', async () => {
    gh = await startGitHubDouble(repo);
    expect((await post(`${gh.url}/repos/acme/widget/releases`, '{"tag_name":')).status).toBe(400);
    const res = await fetch(`${gh.url}/repos/acme/widget/releases/not-a-number`, {
      headers: { authorization: 'Bearer ghs_test' },
    });
    expect(res.status).toBe(422);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(['invalid-json', 'request-params']);
  });

  it('answers 404 to an unknown route and records it; a real but unimplemented operation too', async () => {
    gh = await startGitHubDouble(repo);
    const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
    // There is no `GET /repos/{o}/{r}/git/refs/{ref}` in GitHub's API (it is git/ref/{ref}).
    const err = await octokit
      .request('GET /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: 'heads/main' })
      .catch((e: unknown) => e as { status: number });
    expect(err.status).toBe(404);
    const res = await fetch(`${gh.url}/repos/acme/widget/no-such-thing`, {
      headers: { authorization: 'token ghs_test' },
    });
    expect(res.status).toBe(404);
    const unimpl = await octokit.rest.repos.listForks(repo).catch((e: unknown) => e as { status: number });
    expect(unimpl.status).toBe(404);

    const v = gh.takeViolations();
    expect(v.map((x) => x.kind)).toEqual(['unknown-route', 'unknown-route', 'unimplemented']);
    expect(v[0]?.message).toContain('GET is not an operation of /repos/{owner}/{repo}/git/refs');
    expect(v[2]?.operationId).toBe('repos/list-forks');
    expect(gh.calls.map((c) => c.status)).toEqual([404, 404, 404]);
  });

  it('validates responses against the description (the double checks itself)', () => {
    const op = operationById('repos/create-release')!;
    expect(checkResponse(op, 201, { id: 1 }).ok).toBe(false);
    expect(checkResponse(op, 201, { id: 1 }).errors).toContain("response must have required property 'tag_name'");
    expect(checkResponse(op, 418, {}).ok).toBe(false);
  });
});

describe('GHES base path', () => {
  it('serves REST under /api/v3, GraphQL at /api/graphql and uploads at /api/uploads', async () => {
    gh = await startGitHubDouble({ ...repo, basePath: '/api/v3' });
    expect(gh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect(gh.graphqlUrl).toMatch(/\/api\/graphql$/);
    expect(gh.env.GITHUB_API_URL).toBe(gh.url);
    const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
    const rel = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' });
    expect(rel.data.url).toBe(`${gh.url}/repos/acme/widget/releases/${rel.data.id}`);
    expect(rel.data.upload_url).toContain('/api/uploads/repos/acme/widget/releases/');
    // @octokit/graphql derives /api/graphql from a /api/v3 base URL.
    const q = await octokit.graphql<{ repository: { nameWithOwner: string } }>(
      'query { repository(owner: "acme", name: "widget") { nameWithOwner } }',
    );
    expect(q.repository.nameWithOwner).toBe('acme/widget');
    // Outside the base path: not GitHub's API.
    const res = await fetch(`${gh.serverUrl}/repos/acme/widget`, { headers: { authorization: 'token ghs_test' } });
    expect(res.status).toBe(404);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(['outside-base-path']);
    expect(gh.calls.map((c) => [c.path, c.route])).toEqual([
      ['/repos/acme/widget/releases', '/repos/{owner}/{repo}/releases'],
      ['/api/graphql', '/api/graphql'],
      ['/repos/acme/widget', undefined],
    ]);
  });
});

describe('call recording', () => {
  it('records calls and counts them by route, operationId, method, path or predicate', async () => {
    gh = await startGitHubDouble(repo);
    const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
    await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0', draft: true });
    await octokit.rest.repos.listReleases(repo);
    await octokit.rest.repos.listReleases({ ...repo, per_page: 5 });
    expect(gh.count()).toBe(3);
    expect(gh.count({ operationId: 'repos/list-releases' })).toBe(2);
    expect(gh.count({ route: 'POST /repos/{owner}/{repo}/releases' })).toBe(1);
    expect(gh.count({ route: '/repos/{owner}/{repo}/releases' })).toBe(3);
    expect(gh.count({ method: 'GET', path: /releases$/ })).toBe(2);
    expect(gh.count((c) => c.query?.per_page === '5')).toBe(1);
    expect(gh.calls[0]).toMatchObject({
      method: 'POST',
      status: 201,
      body: { tag_name: 'v1.0.0', draft: true },
      token: 'ghs_test',
    });
    gh.assertNoViolations();
  });

  it('starts fast and reports its timings', async () => {
    const t0 = performance.now();
    gh = await startGitHubDouble(repo);
    const startMs = performance.now() - t0;
    const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
    await octokit.rest.repos.get(repo);
    const firstValidation = gh.calls[0]!.validationMs;
    await octokit.rest.repos.get(repo);
    const cachedValidation = gh.calls[1]!.validationMs;
    console.log(
      `GitHub double: OpenAPI load ${gh.stats.openApiLoadMs.toFixed(0)} ms (once per test file), start ${startMs.toFixed(1)} ms, ` +
        `repos/get validation first ${firstValidation.toFixed(1)} ms, cached ${cachedValidation.toFixed(2)} ms`,
    );
    expect(startMs).toBeLessThan(2000);
    expect(cachedValidation).toBeLessThan(20);
    gh.assertNoViolations();
  });
});

describe("the handlers' types", () => {
  it('come from a release of the description the double validates against (same major.minor)', () => {
    const require = createRequire(import.meta.url);
    const described = (require('@octokit/openapi/package.json') as { version: string }).version;
    const typed = (require('@octokit/openapi-types/package.json') as { octokit: { 'openapi-version': string } })
      .octokit['openapi-version'];
    const minor = (v: string): string => v.split('.').slice(0, 2).join('.');
    expect(minor(typed)).toBe(minor(described));
  });
});
