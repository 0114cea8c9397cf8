/**
 * A commit through the git data API against the GitHub double (OpenAPI-validated): text goes inside the
 * create-tree request, so a release of many files costs no POST per file (each POST is throttled to one a
 * second); only a file too large for that is a blob of its own. Making the same commit again makes nothing.
 */
import { closeChecked, startGitHubDouble, type GitHubDouble } from '@release-actions/testkit/github';
import { createGitHubClient } from './client.js';
import { commitToBranch } from './git-data.js';

let gh: GitHubDouble;
const repo = { owner: 'acme', repo: 'widget' };
beforeEach(async () => void (gh = await startGitHubDouble(repo)));
afterEach(() => closeChecked(gh));

test('text inline, a large file as its own blob, the commit signed; the same commit again makes nothing', async () => {
  gh.state.addCommits([{ message: 'feat: one' }]);
  const client = createGitHubClient({ token: 'ghs_test', apiUrl: gh.url });
  const parent = gh.state.resolve('main') as string;
  const baseTree = gh.state.commit(parent)!.tree;
  const large = `${'x'.repeat(600 * 1024)}\n`;
  const files = [
    ...Array.from({ length: 5 }, (_, i) => ({
      path: `packages/p${i}/package.json`,
      content: `{"version":"1.0.${i}"}\n`,
    })),
    { path: 'CHANGELOG.md', content: '## 1.0.1 — Ünïcode ✓\n' },
    { path: 'package-lock.json', content: large },
  ];
  const o = { branch: 'release-actions/main', parent, baseTree, files, message: 'chore(release): 1.0.1' };
  const made = await commitToBranch(client, repo, o);
  expect(made).toMatchObject({ change: 'created', verified: true });
  expect(gh.count({ operationId: 'git/create-blob' })).toBe(1);
  expect(gh.count({ operationId: 'git/create-tree' })).toBe(1);
  const tree = gh.state.treeEntries(gh.state.commit(made.commit)!.tree) ?? [];
  const content = (path: string) => gh.state.blobs.get(tree.find((e) => e.path === path)?.sha ?? '')?.toString();
  expect(content('CHANGELOG.md')).toBe('## 1.0.1 — Ünïcode ✓\n');
  expect(content('package-lock.json')).toBe(large);
  const again = await commitToBranch(client, repo, o);
  expect(again).toMatchObject({ change: 'unchanged', commit: made.commit });
  expect(gh.count({ operationId: 'git/create-commit' })).toBe(1);
});
