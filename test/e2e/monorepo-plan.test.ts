/**
 * The plan action with versioning: independent, bundled and run as the runner runs it, on real npm-workspaces
 * and pnpm-workspace repositories: only the packages with releasable commits (and their dependents) are listed,
 * in publish order, with their versions and tags; histories tagged by changesets and release-please are adopted
 * (nothing re-released); bad input and a dependency cycle are refused with one ::error:: each; nothing is
 * written and no API is called.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/run-action.js';
import { expectEnded, expectSucceeded } from '../support/expect-run.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Files = Record<string, unknown>;
function repo(files: Files, tags: string[], later: [string, Files][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-mono-plan-'));
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  const write = (fs: Files) => {
    for (const [p, v] of Object.entries(fs)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
    }
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  write(files);
  git('add', '-A');
  git('commit', '-q', '-m', 'chore: version packages');
  for (const t of tags) git('tag', '-a', t, '-m', t);
  for (const [msg, fs] of later) {
    write(fs);
    git('add', '-A');
    git('commit', '-q', '-m', msg);
  }
  return dir;
}

const refs = (dir: string) =>
  execFileSync('git', ['for-each-ref'], { cwd: dir, encoding: 'utf8' }) +
  execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' });

async function plan(dir: string, inputs: Record<string, string>) {
  const before = refs(dir);
  const r = await runAction('plan', { cwd: dir, inputs: { versioning: 'independent', ...inputs } });
  expect(refs(dir)).toBe(before);
  return r;
}

/** The repository: @nu/alpha@1.2.0 and @nu/beta@3.0.1 (which depends on alpha) tagged by changesets. */
const npmRepo = (later: [string, Files][]) =>
  repo(
    {
      'package.json': { name: 'nu', private: true, workspaces: ['packages/*'] },
      'packages/alpha/package.json': { name: '@nu/alpha', version: '1.2.0' },
      'packages/beta/package.json': { name: '@nu/beta', version: '3.0.1', dependencies: { '@nu/alpha': '^1.2.0' } },
      'packages/gamma/package.json': { name: '@nu/gamma', version: '0.3.0' },
      'packages/site/package.json': {
        name: 'site',
        version: '1.0.0',
        private: true,
        dependencies: { '@nu/beta': '^3.0.1' },
      },
    },
    ['@nu/alpha@1.2.0', '@nu/beta@3.0.1', '@nu/gamma@0.3.0', 'site@1.0.0'],
    later,
  );

test('npm workspaces, changesets tags adopted: alpha released, its dependents patched in order, gamma left alone', async () => {
  const dir = npmRepo([
    ["feat(beta): the scope names beta, the files are alpha's", { 'packages/alpha/index.js': '1' }],
    ['chore(gamma): tooling only', { 'packages/gamma/x.js': '1' }],
  ]);
  const r = await plan(dir, {});
  expectSucceeded(r, {
    releasable: 'true',
    versioning: 'independent',
    version_bump: 'minor',
    next_tag: '',
  });
  const pkgs = JSON.parse(r.outputs.packages as string);
  expect(pkgs.map((p: { name: string; version: string; tag: string }) => [p.name, p.version, p.tag])).toEqual([
    ['@nu/alpha', '1.3.0', '@nu/alpha@1.3.0'],
    ['@nu/beta', '3.0.2', '@nu/beta@3.0.2'],
    ['site', '1.0.1', 'site@1.0.1'],
  ]);
  expect(pkgs[1]).toEqual({
    name: '@nu/beta',
    version: '3.0.2',
    tag: '@nu/beta@3.0.2',
    path: 'packages/beta',
    private: false,
    bump: 'patch',
    reasons: ['depends on @nu/alpha (dependencies), which is released'],
    previous_version: '3.0.1',
    previous_tag: '@nu/beta@3.0.1',
  });
  expect(pkgs[2].private).toBe(true);
  expect(r.summary).toContain('Release plan: 3 packages (minor)');
  expect(r.summary).toMatch(
    /\| @nu\/gamma \| packages\/gamma \| @nu\/gamma@0\.3\.0 \| not released \| — \| no releasable commits since @nu\/gamma@0\.3\.0 \(1 commit/,
  );
  expect(r.outputs.changelog_preview).toContain('### @nu/alpha 1.3.0 (preview)');
  expect(r.outputs.changelog_preview).not.toContain('tooling only');
});

test('pnpm workspace, release-please tags adopted: a dry run lists only the package with releasable commits', async () => {
  const dir = repo(
    {
      'package.json': { name: 'root', private: true },
      'pnpm-workspace.yaml': 'packages:\n  - "libs/*"\n  - "!libs/legacy"\n',
      'libs/core/package.json': { name: '@p/core', version: '2.1.0' },
      'libs/cli/package.json': { name: '@p/cli', version: '0.9.0', devDependencies: { '@p/core': 'workspace:*' } },
      'libs/web/package.json': { name: '@p/web', version: '5.0.0' },
      'libs/legacy/package.json': { name: '@p/legacy', version: '1.0.0' },
    },
    ['core-v2.1.0', 'cli-v0.9.0', 'web-v5.0.0'],
    [
      ['fix: core bug', { 'libs/core/a.js': '1' }],
      ['docs: web readme', { 'libs/web/README.md': 'x' }],
      ['fix: legacy is not a workspace package', { 'libs/legacy/a.js': '1' }],
    ],
  );
  const r = await plan(dir, { tag_format: '{name}-v{version}' });
  expect(r.errors).toEqual([]);
  const pkgs = JSON.parse(r.outputs.packages as string);
  expect(pkgs.map((p: { name: string; version: string; tag: string }) => [p.name, p.version, p.tag])).toEqual([
    ['@p/core', '2.1.1', '@p/core-v2.1.1'],
  ]);
  expect(r.summary).toContain('core-v2.1.0 (release-please tag)');
});

test('nothing releasable in any package: releasable false, packages []', async () => {
  const dir = npmRepo([['chore: deps', { 'packages/alpha/x': '1' }]]);
  const r = await plan(dir, {});
  expectEnded(r, 0, { releasable: 'false', packages: '[]' });
});

test('bad input refused with one ::error:: each, before anything: versioning, tag_format, an unknown group member, a cycle', async () => {
  const dir = npmRepo([['fix: a', { 'packages/alpha/x': '1' }]]);
  let r = await plan(dir, { versioning: 'monorepo' });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining('Input "versioning"')]);
  expect(r.errors[0]).toContain('monorepo');
  r = await plan(dir, { tag_format: '{name}@latest' });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringMatching(/tag_format.*needs \{version\}/)]);
  r = await plan(dir, { tag_format: 'v{version}' });
  expect(r.errors).toEqual([expect.stringMatching(/without \{name\}, but 4 packages/)]);
  r = await plan(dir, { fixed_groups: '@nu/alpha @nu/omega' });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining('"@nu/omega", which is not a workspace package')]);
  const cyc = npmRepo([
    [
      'fix: a cycle',
      { 'packages/alpha/package.json': { name: '@nu/alpha', version: '1.2.0', peerDependencies: { site: '*' } } },
    ],
  ]);
  r = await plan(cyc, {});
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([expect.stringContaining('cycle: @nu/alpha → site → @nu/beta → @nu/alpha')]);
});

test("the changelog action, independent: each package's CHANGELOG.md and notes hold only its own commits", async () => {
  const dir = npmRepo([
    ['feat: alpha gains a feature', { 'packages/alpha/index.js': '1' }],
    ["fix(alpha): the scope says alpha, the files are gamma's", { 'packages/gamma/index.js': '1' }],
  ]);
  const r = await runAction('changelog', { cwd: dir, inputs: { versioning: 'independent', write_file: 'true' } });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  const pkgs = JSON.parse(r.outputs.packages as string);
  expect(pkgs.map((p: { tag: string; changelog_path: string }) => [p.tag, p.changelog_path])).toEqual([
    ['@nu/alpha@1.3.0', 'packages/alpha/CHANGELOG.md'],
    ['@nu/beta@3.0.2', 'packages/beta/CHANGELOG.md'],
    ['@nu/gamma@0.3.1', 'packages/gamma/CHANGELOG.md'],
    ['site@1.0.1', 'packages/site/CHANGELOG.md'],
  ]);
  const read = (p: string) => readFileSync(join(dir, p), 'utf8');
  expect(read('packages/alpha/CHANGELOG.md')).toContain('alpha gains a feature');
  expect(read('packages/alpha/CHANGELOG.md')).not.toContain('the scope says alpha');
  expect(read('packages/gamma/CHANGELOG.md')).toContain('the scope says alpha');
  expect(read('packages/beta/CHANGELOG.md')).toContain('depends on @nu/alpha (dependencies), which is released');
  expect(r.outputs.notes).toMatch(/^## @nu\/alpha@1\.3\.0$/m);
  expect(r.outputs.recommended_bump).toBe('minor');
  expect(existsSync(join(dir, 'CHANGELOG.md'))).toBe(false);
});
