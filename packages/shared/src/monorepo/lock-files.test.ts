/**
 * The lock files of an independent release: yarn 2+ yarn.lock (yarn-lock.ts) and pnpm-lock.yaml (pnpm-lock.ts),
 * compared with what yarn 4 and pnpm 9 themselves wrote for the same workspace before and after the release's
 * range edits (test/fixtures/yarn-berry, test/fixtures/pnpm: the workspace and both lock files).
 */
import {
  fixtureFile,
  fixtureRelease,
  plannedChanges,
  useWorkspaceDir,
} from '../../../../test/support/workspace-dir.js';

const paths = async (root: string, released: Map<string, string>) =>
  (await plannedChanges(root, released)).changes.map((c) => c.path);

describe.each([
  {
    fixture: 'yarn-berry',
    manager: 'yarn',
    lock: 'yarn.lock',
    scope: '@y',
    edits: [
      'key of @y/core: "@y/core@npm:^1.0.0, @y/core@workspace:^, @y/core@workspace:packages/core" → "@y/core@npm:^1.1.0, @y/core@workspace:^, @y/core@workspace:packages/core"',
      '@y/util: @y/core npm:^1.0.0 → npm:^1.1.0',
      '@y/web: @y/util workspace:^1.0.0 → workspace:^1.0.1',
    ],
  },
  {
    fixture: 'pnpm',
    manager: 'pnpm',
    lock: 'pnpm-lock.yaml',
    scope: '@p',
    edits: [
      'importers["packages/util"].dependencies["@p/core"]: workspace:^1.0.0 → workspace:^1.1.0',
      'importers["packages/web"].devDependencies["@p/util"]: workspace:^1.0.0 → workspace:^1.0.1',
    ],
  },
])('$lock', ({ fixture, manager, lock, scope, edits }) => {
  const dir = useWorkspaceDir(fixture, { [lock]: fixtureFile(fixture, `${lock}.before`) });

  test(`rewritten as ${manager} install rewrites it after the range edits`, async () => {
    const planned = await plannedChanges(dir.root(), fixtureRelease(scope));
    expect(planned.manager).toBe(manager);
    const change = planned.changes.find((c) => c.path === lock);
    expect(change?.after).toBe(fixtureFile(fixture, `${lock}.after`));
    expect(change?.edits).toEqual(edits);
  });

  test('a release that changes no range leaves it alone', async () => {
    expect(await paths(dir.root(), new Map([[`${scope}/web`, '2.0.1']]))).toEqual(['packages/web/package.json']);
  });
});

describe('older lock files', () => {
  const yarn = useWorkspaceDir('yarn-berry', { 'yarn.lock': '# yarn lockfile v1\n\n\n' });
  const pnpm = useWorkspaceDir('pnpm', {});

  test('yarn 1 lists no workspace package: its lock file is left alone', async () => {
    expect(await paths(yarn.root(), fixtureRelease('@y'))).not.toContain('yarn.lock');
  });

  test('pnpm before 6.0: the specifiers map of each importer is rewritten', async () => {
    pnpm.write(
      'pnpm-lock.yaml',
      [
        "lockfileVersion: '5.4'",
        '',
        'importers:',
        '',
        '  packages/util:',
        '    specifiers:',
        "      '@p/core': workspace:^1.0.0",
        '    dependencies:',
        "      '@p/core': link:../core",
        '',
      ].join('\n'),
    );
    const { changes } = await plannedChanges(pnpm.root(), fixtureRelease('@p'));
    expect(changes.find((c) => c.path === 'pnpm-lock.yaml')?.after).toContain(
      "      '@p/core': workspace:^1.1.0\n    dependencies:\n      '@p/core': link:../core\n",
    );
  });
});
