import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from '../git/index.js';
import { applyChanges } from '../versioning/manifests.js';
import { buildGraph, topologicalOrder } from './graph.js';
import { packageCommits } from './history.js';
import { planMonorepo, type MonorepoOptions } from './plan.js';
import { formatTag, packageTags, tagFormatProblem } from './tags.js';
import { discoverWorkspace } from './workspaces.js';

let root: string;
const sh = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const write = (p: string, v: unknown) => {
  mkdirSync(join(root, p, '..'), { recursive: true });
  writeFileSync(join(root, p), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
};
const commit = (msg: string, files: Record<string, unknown>) => {
  for (const [p, v] of Object.entries(files)) write(p, v);
  sh('add', '-A');
  sh('commit', '-q', '-m', msg);
};
const opts = (o: Partial<MonorepoOptions> = {}): MonorepoOptions => ({
  tagFormat: '{name}@{version}',
  sharedPaths: [],
  groups: { fixed: [], linked: [] },
  releaseType: 'stable',
  prereleaseId: 'rc',
  versionBump: 'auto',
  ...o,
});

/** core ← util ← web (web depends on util, util on core), docs private, tools dev-depends on core. */
function chain(o: { pnpm?: boolean } = {}) {
  const ws = o.pnpm ? 'workspace:^1.0.0' : '^1.0.0';
  write(
    'package.json',
    o.pnpm
      ? { name: 'root', private: true }
      : { name: 'root', private: true, workspaces: ['packages/*', '!packages/skip-*'] },
  );
  if (o.pnpm) write('pnpm-workspace.yaml', 'packages:\n  - "packages/*"\n  - "!packages/skip-*"\n');
  write('packages/core/package.json', { name: '@nu/core', version: '1.0.0' });
  write('packages/util/package.json', { name: '@nu/util', version: '1.0.0', dependencies: { '@nu/core': ws } });
  write('packages/web/package.json', { name: '@nu/web', version: '1.0.0', peerDependencies: { '@nu/util': ws } });
  write('packages/tools/package.json', { name: 'tools', version: '1.0.0', devDependencies: { '@nu/core': ws } });
  write('packages/docs/package.json', { name: 'docs', version: '1.0.0', private: true });
  write('packages/skip-me/package.json', { name: 'skipped', version: '1.0.0' });
  sh('add', '-A');
  sh('commit', '-q', '-m', 'chore: the start');
  for (const n of ['@nu/core', '@nu/util', '@nu/web', 'tools', 'docs']) sh('tag', '-a', `${n}@1.0.0`, '-m', n);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ra-monorepo-'));
  sh('init', '-q', '-b', 'main');
  sh('config', 'user.email', 't@example.com');
  sh('config', 'user.name', 'T');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('workspaces: npm globs with a negation, the object form, pnpm-workspace.yaml', async () => {
  chain();
  const npm = await discoverWorkspace(root);
  expect(npm.manager).toBe('npm');
  expect(npm.packages.map((p) => p.dir)).toEqual([
    'packages/core',
    'packages/docs',
    'packages/tools',
    'packages/util',
    'packages/web',
  ]);
  expect(npm.packages.find((p) => p.name === 'docs')?.private).toBe(true);
  write('package.json', { name: 'root', workspaces: { packages: ['packages/c*', 'packages/w*'] } });
  expect((await discoverWorkspace(root)).packages.map((p) => p.name)).toEqual(['@nu/core', '@nu/web']);
  write('pnpm-workspace.yaml', 'packages:\n  - "packages/**"\n  - "!**/skip-*"\n  - "!packages/docs"\n');
  const pnpm = await discoverWorkspace(root);
  expect(pnpm.manager).toBe('pnpm');
  expect(pnpm.packages.map((p) => p.name)).toEqual(['@nu/core', 'tools', '@nu/util', '@nu/web']);
});

test('workspaces refused: none listed, a package without a name, two with one name', async () => {
  write('package.json', { name: 'solo', version: '1.0.0' });
  await expect(discoverWorkspace(root)).rejects.toThrow(/versioning: independent needs workspaces/);
  write('package.json', { name: 'root', workspaces: ['packages/*'] });
  write('packages/a/package.json', { version: '1.0.0' });
  await expect(discoverWorkspace(root)).rejects.toThrow('packages/a/package.json has no "name"');
  write('packages/a/package.json', { name: 'x' });
  write('packages/b/package.json', { name: 'x' });
  await expect(discoverWorkspace(root)).rejects.toThrow(
    'two workspace packages are named x: packages/a and packages/b',
  );
  write('pnpm-workspace.yaml', 'nope: 1\n');
  await expect(discoverWorkspace(root)).rejects.toThrow('pnpm-workspace.yaml has no `packages:` list');
});

test('graph: every dependency field and workspace: ranges; publish order; a cycle refused by name', async () => {
  chain({ pnpm: true });
  const ws = await discoverWorkspace(root);
  const g = buildGraph(ws.packages);
  expect(g.edges.map((e) => `${e.from}>${e.to}:${e.field}:${e.range}`).sort()).toEqual([
    '@nu/util>@nu/core:dependencies:workspace:^1.0.0',
    '@nu/web>@nu/util:peerDependencies:workspace:^1.0.0',
    'tools>@nu/core:devDependencies:workspace:^1.0.0',
  ]);
  const order = topologicalOrder(g);
  expect(order.indexOf('@nu/core')).toBeLessThan(order.indexOf('@nu/util'));
  expect(order.indexOf('@nu/util')).toBeLessThan(order.indexOf('@nu/web'));
  expect(order.indexOf('@nu/core')).toBeLessThan(order.indexOf('tools'));
  const core = ws.packages.find((p) => p.name === '@nu/core')!;
  core.manifest.optionalDependencies = { '@nu/web': '*' };
  expect(() => topologicalOrder(buildGraph(ws.packages))).toThrow(
    'cycle: @nu/core → @nu/web → @nu/util → @nu/core (@nu/core optionalDependencies @nu/web, @nu/web peerDependencies @nu/util, @nu/util dependencies @nu/core)',
  );
});

test('tag formats: {version} required, {name} with several packages, adoption of changesets, lerna and release-please tags', () => {
  expect(tagFormatProblem('{name}@{version}', 3)).toBeUndefined();
  expect(tagFormatProblem('{name}-v{version}', 3)).toBeUndefined();
  expect(tagFormatProblem('v{version}', 1)).toBeUndefined();
  expect(tagFormatProblem('{name}@latest', 3)).toMatch(/needs \{version\} exactly once/);
  expect(tagFormatProblem('v{version}', 3)).toMatch(/without \{name\}.*collide/);
  expect(tagFormatProblem('{pkg}@{version}', 3)).toMatch(/\{pkg\}/);
  expect(formatTag('{name}-v{version}', '@a/b', '1.2.3')).toBe('@a/b-v1.2.3');
  const tags = packageTags(
    [
      { name: '@nu/alpha@1.2.0', commit: 'a' }, // changesets
      { name: 'beta-v3.0.1', commit: 'b' }, // release-please (component without the scope)
      { name: 'gamma@0.4.0', commit: 'c' }, // lerna
      { name: '@nu/alpha-utils@2.0.0', commit: 'd' },
      { name: 'v9.9.9', commit: 'e' },
      { name: '@nu/alpha@01.0.0', commit: 'f' },
    ],
    ['@nu/alpha', '@nu/beta', 'gamma', '@nu/alpha-utils'],
    '{name}@{version}',
  );
  expect(tags.get('@nu/alpha')).toEqual([
    { tag: '@nu/alpha@1.2.0', version: '1.2.0', commit: 'a', style: 'tag_format' },
  ]);
  expect(tags.get('@nu/beta')).toEqual([
    { tag: 'beta-v3.0.1', version: '3.0.1', commit: 'b', style: 'release-please' },
  ]);
  expect(tags.get('gamma')?.map((t) => t.version)).toEqual(['0.4.0']);
  expect(tags.get('@nu/alpha-utils')?.map((t) => t.version)).toEqual(['2.0.0']);
});

/** The commit headers `packageCommits` gave package `name`, newest first. */
const headers = (c: Awaited<ReturnType<typeof packageCommits>>, name: string) => c.get(name)?.map((x) => x.header);

test("history: a package's commits are those touching its directory or a shared path, never its scope alone", async () => {
  chain();
  commit('fix(core): only touches web', { 'packages/web/a.txt': 'x' });
  commit('feat: core', { 'packages/core/a.txt': 'x' });
  commit('fix: a rename moves util into core', { 'packages/util/b.txt': 'x' });
  sh('mv', 'packages/util/b.txt', 'packages/core/b.txt');
  sh('commit', '-q', '-m', 'refactor: move');
  commit('build: shared config', { 'tsconfig.base.json': '{}' });
  const c = await packageCommits(
    new Git(root),
    [
      { name: 'core', dir: 'packages/core', since: '@nu/core@1.0.0' },
      { name: 'web', dir: 'packages/web', since: '@nu/web@1.0.0' },
      { name: 'util', dir: 'packages/util', since: '@nu/util@1.0.0' },
    ],
    { sharedPaths: ['tsconfig.base.json'] },
  );
  expect(headers(c, 'web')).toEqual(['build: shared config', 'fix(core): only touches web']);
  expect(headers(c, 'core')).toEqual(['build: shared config', 'refactor: move', 'feat: core']);
  expect(headers(c, 'util')).toEqual(['build: shared config', 'refactor: move', 'fix: a rename moves util into core']);
});

test('history across a merge: a commit from a side branch is not in the last release, though older than its tag', async () => {
  chain();
  const start = sh('rev-parse', 'HEAD');
  sh('checkout', '-q', '-b', 'side', start);
  commit('fix: side branch core', { 'packages/core/side.js': '1' });
  sh('checkout', '-q', 'main');
  commit('feat: core on main', { 'packages/core/main.js': '1' });
  sh('tag', '-a', '@nu/core@1.1.0', '-m', 'x');
  commit('fix: web on main', { 'packages/web/main.js': '1' });
  sh('merge', '-q', '--no-ff', '-m', 'Merge branch side', 'side');
  commit('fix: core after', { 'packages/core/after.js': '1' });
  const c = await packageCommits(new Git(root), [
    { name: 'core', dir: 'packages/core', since: '@nu/core@1.1.0' },
    { name: 'web', dir: 'packages/web', since: '@nu/web@1.0.0' },
    { name: 'util', dir: 'packages/util' },
  ]);
  expect(headers(c, 'core')).toEqual(['fix: core after', 'fix: side branch core']);
  expect(headers(c, 'web')).toEqual(['fix: web on main']);
  // No tag: the whole history of its directory.
  expect(headers(c, 'util')).toEqual(['chore: the start']);
});

test('plan: only changed packages, dependents patched (not devDependents), private versioned, publish order', async () => {
  chain();
  commit('feat(core): a feature', { 'packages/core/index.js': '1' });
  commit('docs: docs', { 'packages/docs/README.md': 'x' });
  const plan = await planMonorepo(new Git(root), root, opts());
  const rel = plan.packages.filter((p) => p.release);
  expect(rel.map((p) => [p.name, p.version, p.tag, p.bump])).toEqual([
    ['@nu/core', '1.1.0', '@nu/core@1.1.0', 'minor'],
    ['@nu/util', '1.0.1', '@nu/util@1.0.1', 'patch'],
    ['@nu/web', '1.0.1', '@nu/web@1.0.1', 'patch'],
  ]);
  expect(rel[1]?.reasons).toEqual(['depends on @nu/core (dependencies), which is released']);
  expect(plan.packages.find((p) => p.name === 'docs')?.reasons[0]).toMatch(
    /no releasable commits since docs@1.0.0 \(1 commit/,
  );
  const tools = plan.packages.find((p) => p.name === 'tools')!;
  expect(tools.release).toBe(false);
  // The devDependent's range follows, with no release of its own (changesets' rule).
  expect(plan.files.map((f) => [f.path, f.edits])).toEqual([
    ['packages/core/package.json', ['version 1.0.0 → 1.1.0']],
    ['packages/tools/package.json', ['devDependencies.@nu/core ^1.0.0 → ^1.1.0']],
    ['packages/util/package.json', ['version 1.0.0 → 1.0.1', 'dependencies.@nu/core ^1.0.0 → ^1.1.0']],
    ['packages/web/package.json', ['version 1.0.0 → 1.0.1', 'peerDependencies.@nu/util ^1.0.0 → ^1.0.1']],
  ]);
  applyChanges(root, plan.files);
  // A re-plan after the release is tagged finds nothing more to release.
  sh('commit', '-q', '-am', 'chore(release): publish');
  for (const p of rel) sh('tag', '-a', p.tag!, '-m', p.tag!);
  const again = await planMonorepo(new Git(root), root, opts());
  expect(again.packages.filter((p) => p.release)).toEqual([]);
});

test('plan: private packages are versioned and tagged; a breaking change below 1.0.0 bumps minor', async () => {
  chain();
  commit('feat!: docs rewrite', { 'packages/docs/a.md': 'x' });
  const plan = await planMonorepo(new Git(root), root, opts());
  expect(plan.packages.filter((p) => p.release).map((p) => [p.name, p.version, p.private])).toEqual([
    ['docs', '2.0.0', true],
  ]);
});

test('plan: fixed groups release whole at one version; linked groups share it only when released together', async () => {
  chain();
  sh('tag', '-d', '@nu/web@1.0.0');
  sh('tag', '-a', '@nu/web@1.4.0', '-m', 'x');
  commit('fix(tools): fix', { 'packages/tools/a.js': '1' });
  const fixed = await planMonorepo(new Git(root), root, opts({ groups: { fixed: [['tools', 'docs']], linked: [] } }));
  expect(fixed.packages.filter((p) => p.release).map((p) => [p.name, p.version])).toEqual([
    ['docs', '1.0.1'],
    ['tools', '1.0.1'],
  ]);
  commit('feat(util): feat', { 'packages/util/a.js': '1' });
  const linked = await planMonorepo(
    new Git(root),
    root,
    opts({ groups: { fixed: [], linked: [['@nu/util', '@nu/web', 'docs']] } }),
  );
  // util's feature and web's patch (it depends on util) are released together: both at 1.4.0's minor.
  expect(linked.packages.filter((p) => p.release).map((p) => [p.name, p.version])).toEqual([
    ['@nu/util', '1.5.0'],
    ['@nu/web', '1.5.0'],
    ['tools', '1.0.1'],
  ]);
  await expect(
    planMonorepo(new Git(root), root, opts({ groups: { fixed: [['tools', '@nu/nope']], linked: [] } })),
  ).rejects.toThrow('Input "fixed_groups" group 1 names "@nu/nope", which is not a workspace package');
});

test('plan: an adopted release-please history; nothing re-released; {version} missing refused before git is read', async () => {
  write('package.json', { name: 'root', private: true, workspaces: ['packages/*'] });
  write('packages/alpha/package.json', { name: '@nu/alpha', version: '1.2.0' });
  write('packages/beta/package.json', { name: '@nu/beta', version: '3.0.1', dependencies: { '@nu/alpha': '^1.2.0' } });
  sh('add', '-A');
  sh('commit', '-q', '-m', 'chore: release main');
  sh('tag', 'alpha-v1.2.0');
  sh('tag', 'beta-v3.0.1');
  commit('chore: tooling', { 'packages/beta/x': '1' });
  commit('fix: alpha', { 'packages/alpha/x': '1' });
  const plan = await planMonorepo(new Git(root), root, opts({ tagFormat: '{name}-v{version}' }));
  expect(plan.packages.map((p) => [p.name, p.release, p.version, p.previousTag, p.previousTagStyle])).toEqual([
    ['@nu/alpha', true, '1.2.1', 'alpha-v1.2.0', 'release-please'],
    ['@nu/beta', true, '3.0.2', 'beta-v3.0.1', 'release-please'],
  ]);
  expect(plan.packages[0]?.tag).toBe('@nu/alpha-v1.2.1');
  await expect(planMonorepo(new Git(root), root, opts({ tagFormat: '{name}' }))).rejects.toThrow(/needs \{version\}/);
});
