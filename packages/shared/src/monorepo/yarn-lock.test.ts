import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planPackageBumps } from './manifests.js';
import { discoverWorkspace } from './workspaces.js';

// Written by yarn 4 for the workspace below, before and after the release's edits (test/fixtures/yarn-berry).
const fixture = (f: string) =>
  readFileSync(join(import.meta.dirname, '../../../../test/fixtures/yarn-berry', f), 'utf8');
const BEFORE = fixture('yarn.lock.before');
const AFTER = fixture('yarn.lock.after');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ra-yarn-lock-'));
  const write = (p: string, v: unknown) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
  };
  write('package.json', { name: 'mono', private: true, workspaces: { packages: ['packages/*'] } });
  write('.yarnrc.yml', 'nodeLinker: node-modules\n');
  write('packages/core/package.json', { name: '@y/core', version: '1.0.0' });
  write('packages/util/package.json', { name: '@y/util', version: '1.0.0', dependencies: { '@y/core': '^1.0.0' } });
  write('packages/web/package.json', {
    name: '@y/web',
    version: '2.0.0',
    peerDependencies: { '@y/util': 'workspace:^1.0.0' },
    devDependencies: { '@y/core': 'workspace:^' },
  });
  write('yarn.lock', BEFORE);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const released = new Map([
  ['@y/core', '1.1.0'],
  ['@y/util', '1.0.1'],
  ['@y/web', '2.0.1'],
]);

test('yarn 2+: the lock file is rewritten as yarn install rewrites it after the range edits', async () => {
  const ws = await discoverWorkspace(root);
  expect(ws.manager).toBe('yarn');
  const lock = planPackageBumps(root, ws.packages, released).find((c) => c.path === 'yarn.lock');
  expect(lock?.after).toBe(AFTER);
  expect(lock?.edits).toEqual([
    'key of @y/core: "@y/core@npm:^1.0.0, @y/core@workspace:^, @y/core@workspace:packages/core" → "@y/core@npm:^1.1.0, @y/core@workspace:^, @y/core@workspace:packages/core"',
    '@y/util: @y/core npm:^1.0.0 → npm:^1.1.0',
    '@y/web: @y/util workspace:^1.0.0 → workspace:^1.0.1',
  ]);
});

test('yarn 1 lists no workspace package: its lock file is left alone; a release of nothing changes no range', async () => {
  writeFileSync(join(root, 'yarn.lock'), '# yarn lockfile v1\n\n\n');
  const ws = await discoverWorkspace(root);
  expect(planPackageBumps(root, ws.packages, released).map((c) => c.path)).not.toContain('yarn.lock');
  writeFileSync(join(root, 'yarn.lock'), BEFORE);
  expect(planPackageBumps(root, ws.packages, new Map([['@y/web', '2.0.1']])).map((c) => c.path)).toEqual([
    'packages/web/package.json',
  ]);
});
