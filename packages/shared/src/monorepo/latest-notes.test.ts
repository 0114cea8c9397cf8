import { StageError } from '../util/errors.js';
import type { RegistryLatest } from '../publish/latest.js';
import { guardPackagesLatest } from './latest.js';
import { aggregateNotes, packageNotes } from './notes.js';
import type { PackagePlan } from './plan.js';

const released = (name: string, version: string, previous: string): PackagePlan => ({
  name,
  path: `packages/${name.split('/')[1]}`,
  private: false,
  release: true,
  version,
  tag: `${name}@${version}`,
  previousVersion: previous,
  previousTag: `${name}@${previous}`,
  reasons: ['depends on @nu/base (dependencies), which is released'],
  commits: [],
});

test('aggregate notes: two packages at one version each link their own comparison (reference labels unique)', () => {
  const repoUrl = 'https://github.com/acme/widget';
  const list = [released('@nu/core', '1.0.1', '1.0.0'), released('@nu/util', '1.0.1', '0.9.0')].map((p) => ({
    tag: p.tag as string,
    version: p.version,
    notes: packageNotes(p, { repoUrl, date: '2026-05-01' }).notes,
  }));
  const body = aggregateNotes(list);
  const defs = [...body.matchAll(/^\[([^\]]+)\]: (\S+)$/gm)].map((m) => [m[1], m[2]]);
  expect(defs).toEqual([
    [
      '@nu/core@1.0.1',
      `${repoUrl}/compare/${encodeURIComponent('@nu/core@1.0.0')}...${encodeURIComponent('@nu/core@1.0.1')}`,
    ],
    [
      '@nu/util@1.0.1',
      `${repoUrl}/compare/${encodeURIComponent('@nu/util@0.9.0')}...${encodeURIComponent('@nu/util@1.0.1')}`,
    ],
  ]);
  // Each heading shows the version and points at its own package's label.
  expect([...body.matchAll(/^### \[([^\]]+)\]\[([^\]]+)\] - /gm)].map((m) => [m[1], m[2]])).toEqual([
    ['1.0.1', '@nu/core@1.0.1'],
    ['1.0.1', '@nu/util@1.0.1'],
  ]);
  expect(body).toMatch(/^## @nu\/core@1\.0\.1$/m);
  // A package's own CHANGELOG.md keeps the plain label.
  expect(list[0]?.notes).toMatch(/^## \[1\.0\.1\] - 2026-05-01/);
});

test("latest per package: a released package below its registry's latest is refused, naming it and its adopting tag", () => {
  const found: RegistryLatest[] = [
    { registry: 'npm', name: '@nu/core', where: 'http://r/', latest: '3.0.0', stable: ['3.0.0'] },
    { registry: 'npm', name: '@nu/util', where: 'http://r/', latest: '1.0.0', stable: ['1.0.0'] },
  ];
  const o = { found, releaseBranch: 'main', defaultBranch: 'main', prereleaseId: 'rc', tagFormat: '{name}-v{version}' };
  const pkg = (name: string, version: string) => ({ name, version, prerelease: false, backport: false });
  const ok = guardPackagesLatest([pkg('@nu/util', '1.1.0'), pkg('@nu/new', '0.1.0')], o);
  expect([...ok]).toEqual([
    ['@nu/util', { backport: false, distTag: 'latest' }],
    ['@nu/new', { backport: false, distTag: 'latest' }],
  ]);
  let err: unknown;
  try {
    guardPackagesLatest([pkg('@nu/core', '1.0.1'), pkg('@nu/util', '0.9.0')], o);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(StageError);
  const lines = (err as Error).message.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(
    'npm package @nu/core (http://r/) has 3.0.0 as its latest, and this release would publish 1.0.1',
  );
  expect(lines[0]).toContain('git tag -a @nu/core-v3.0.0');
  expect(lines[1]).toContain('@nu/util');
  // From another branch than the default one, below latest: a backport under its own dist-tag.
  const backport = guardPackagesLatest([pkg('@nu/core', '1.0.1')], { ...o, releaseBranch: 'release-1.x' });
  expect(backport.get('@nu/core')).toEqual({ backport: true, distTag: 'latest-1' });
});
