/**
 * The GraphQL endpoint of the GitHub API double: queries validated against GitHub's schema,
 * executed over the state, with aliases batching many commits in one request.
 */
import { getOctokit } from '@actions/github';
import { startGitHubDouble, type GitHubDouble } from './index.js';

let gh: GitHubDouble;
let octokit: ReturnType<typeof getOctokit>;

beforeAll(async () => {
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', preloadGraphql: true });
  octokit = getOctokit('ghs_test', { baseUrl: gh.url });
});

afterAll(async () => {
  await gh.close();
});

interface CommitNode {
  oid: string;
  author: { name: string; email: string; user: { login: string } | null };
  associatedPullRequests: {
    nodes: { number: number; title: string; url: string; mergedAt: string | null; author: { login: string } }[];
  };
}

it('resolves 150 commits batched with aliases, 100 per request', async () => {
  const commits = gh.state.addCommits(
    Array.from({ length: 150 }, (_, i) => ({
      message: `feat: change ${i}`,
      author: { name: `Dev ${i % 3}`, email: `dev${i % 3}@example.com`, login: `dev${i % 3}` },
    })),
  );
  commits.forEach((c, i) => {
    if (i % 2 === 0)
      gh.state.addPullRequest({
        number: 1000 + i,
        title: `PR ${i}`,
        user: `dev${i % 3}`,
        commits: [c.sha],
        mergeCommitSha: c.sha,
      });
  });

  const byOid = new Map<string, CommitNode>();
  for (let start = 0; start < commits.length; start += 100) {
    const batch = commits.slice(start, start + 100);
    const fields = batch
      .map(
        (c, i) =>
          `c${i}: object(oid: "${c.sha}") { ... on Commit { oid author { name email user { login } } associatedPullRequests(first: 5) { nodes { number title url mergedAt author { login } } } } }`,
      )
      .join('\n');
    const data = await octokit.graphql<{
      repository: Record<string, CommitNode>;
      rateLimit: { cost: number; remaining: number; resetAt: string };
    }>(
      `query Associate($owner: String!, $name: String!) { rateLimit { cost remaining resetAt } repository(owner: $owner, name: $name) { ${fields} } }`,
      { owner: 'acme', name: 'widget' },
    );
    expect(data.rateLimit.cost).toBe(1);
    for (const node of Object.values(data.repository)) byOid.set(node.oid, node);
  }
  expect(byOid.size).toBe(150);
  const first = byOid.get(commits[0]!.sha)!;
  expect(first.author.user?.login).toBe('dev0');
  expect(first.associatedPullRequests.nodes).toEqual([
    {
      number: 1000,
      title: 'PR 0',
      url: `${gh.serverUrl}/acme/widget/pull/1000`,
      mergedAt: expect.any(String),
      author: { login: 'dev0' },
    },
  ]);
  expect(byOid.get(commits[1]!.sha)!.associatedPullRequests.nodes).toEqual([]);
  expect(gh.count({ graphql: 'Associate' })).toBe(2);
  gh.assertNoViolations();
});

it('counts merged PRs of an author with search (first-time contributor check)', async () => {
  gh.state.addPullRequest({ title: 'first', user: 'newbie', mergeCommitSha: 'a'.repeat(40) });
  const data = await octokit.graphql<{ search: { issueCount: number } }>(
    'query($q: String!) { search(query: $q, type: ISSUE, first: 1) { issueCount } }',
    { q: 'repo:acme/widget author:newbie type:pr is:merged' },
  );
  expect(data.search.issueCount).toBe(1);
  const none = await octokit.graphql<{ search: { issueCount: number } }>(
    '{ search(query: "repo:acme/widget author:nobody type:pr is:merged", type: ISSUE) { issueCount } }',
  );
  expect(none.search.issueCount).toBe(0);
  gh.assertNoViolations();
});

it('rejects a query GitHub would reject, and records it', async () => {
  const err = (await octokit
    .graphql(
      '{ repository(owner: "acme", name: "widget") { object(oid: "abc") { ... on Commit { oid nonsenseField } } } }',
    )
    .catch((e: unknown) => e)) as { errors: { message: string }[] };
  expect(err.errors[0]?.message).toContain('Cannot query field "nonsenseField" on type "Commit"');
  const v = gh.takeViolations();
  expect(v.map((x) => x.kind)).toEqual(['graphql']);
  expect(v[0]?.errors[0]).toContain('nonsenseField');
});

it('reports valid fields the double has no data for', async () => {
  await octokit.graphql('{ repository(owner: "acme", name: "widget") { stargazerCount } }').catch(() => undefined);
  expect(gh.takeViolations().map((v) => v.message)).toEqual([expect.stringContaining('Repository.stargazerCount')]);
});
