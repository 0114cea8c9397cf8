import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChanges, bumpRange, expandWorkspaces, npmPackages, planManifestBump } from './manifests.js';

let root: string;
const write = (p: string, v: unknown) => {
  mkdirSync(join(root, p, '..'), { recursive: true });
  writeFileSync(join(root, p), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
};
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ra-manifests-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('bumpRange keeps the operator, leaves workspace: and tags alone', () => {
  expect(bumpRange('^1.2.0', '1.3.0')).toBe('^1.3.0');
  expect(bumpRange('~1.2.0', '1.3.0')).toBe('~1.3.0');
  expect(bumpRange('1.2.0', '1.3.0')).toBe('1.3.0');
  expect(bumpRange('workspace:*', '1.3.0')).toBeUndefined();
  expect(bumpRange('*', '1.3.0')).toBeUndefined();
  expect(bumpRange('latest', '1.3.0')).toBeUndefined();
});

test('a single package: package.json and package-lock.json (v3) bumped, indent kept', () => {
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'widget', version: '1.0.0' }, null, 4) + '\n');
  write('package-lock.json', {
    name: 'widget',
    version: '1.0.0',
    lockfileVersion: 3,
    packages: { '': { name: 'widget', version: '1.0.0' }, 'node_modules/x': { version: '1.0.0' } },
  });
  const changes = planManifestBump(root, '1.1.0');
  expect(changes.map((c) => c.path)).toEqual(['package.json', 'package-lock.json']);
  expect(read('package.json').version).toBe('1.0.0'); // planned only
  applyChanges(root, changes);
  expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe(
    JSON.stringify({ name: 'widget', version: '1.1.0' }, null, 4) + '\n',
  );
  const lock = read('package-lock.json');
  expect(lock.version).toBe('1.1.0');
  expect(lock.packages[''].version).toBe('1.1.0');
  expect(lock.packages['node_modules/x'].version).toBe('1.0.0');
});

test('workspaces: versions and internal ranges bumped (package.json and lock), private ones listed', () => {
  write('package.json', { name: 'mono', private: true, workspaces: ['packages/*', 'tools/cli'] });
  write('packages/core/package.json', { name: '@acme/core', version: '1.2.0' });
  write('packages/web/package.json', {
    name: '@acme/web',
    version: '1.2.0',
    dependencies: { '@acme/core': '^1.2.0', react: '^18.0.0' },
    devDependencies: { '@acme/cli': 'workspace:*' },
  });
  write('tools/cli/package.json', {
    name: '@acme/cli',
    version: '1.2.0',
    private: true,
    peerDependencies: { '@acme/core': '~1.2.0' },
  });
  write('packages/not-a-package/README.md', 'x');
  write('package-lock.json', {
    name: 'mono',
    lockfileVersion: 3,
    packages: {
      '': { name: 'mono', workspaces: ['packages/*', 'tools/cli'] },
      'packages/core': { name: '@acme/core', version: '1.2.0' },
      'packages/web': { name: '@acme/web', version: '1.2.0', dependencies: { '@acme/core': '^1.2.0' } },
      'tools/cli': { name: '@acme/cli', version: '1.2.0' },
      'node_modules/@acme/core': { resolved: 'packages/core', link: true },
    },
  });
  expect(expandWorkspaces(root, ['packages/*', 'tools/cli'])).toEqual(['packages/core', 'packages/web', 'tools/cli']);
  expect(npmPackages(root).map((p) => [p.name, p.private])).toEqual([
    ['mono', true],
    ['@acme/core', false],
    ['@acme/web', false],
    ['@acme/cli', true],
  ]);
  const changes = planManifestBump(root, '1.3.0');
  expect(changes.map((c) => c.path).sort()).toEqual([
    'package-lock.json',
    'packages/core/package.json',
    'packages/web/package.json',
    'tools/cli/package.json',
  ]);
  applyChanges(root, changes);
  expect(read('package.json').version).toBeUndefined();
  expect(read('packages/web/package.json').dependencies).toEqual({ '@acme/core': '^1.3.0', react: '^18.0.0' });
  expect(read('packages/web/package.json').devDependencies).toEqual({ '@acme/cli': 'workspace:*' });
  expect(read('tools/cli/package.json').peerDependencies).toEqual({ '@acme/core': '~1.3.0' });
  const lock = read('package-lock.json');
  expect(lock.packages['packages/web']).toEqual({
    name: '@acme/web',
    version: '1.3.0',
    dependencies: { '@acme/core': '^1.3.0' },
  });
  expect(lock.packages[''].version).toBeUndefined();
  // nothing left to change
  expect(planManifestBump(root, '1.3.0')).toEqual([]);
});

test('extra files: marked lines only', () => {
  write('package.json', { name: 'w', version: '1.0.0' });
  write('src/version.ts', "export const VERSION = '1.0.0'; // x-release-actions-version\nconst other = '1.0.0';\n");
  write('README.md', 'no marker 1.0.0\n');
  const changes = planManifestBump(root, '1.1.0-rc.1', { versionFiles: ['src/version.ts'] });
  applyChanges(root, changes);
  expect(readFileSync(join(root, 'src/version.ts'), 'utf8')).toBe(
    "export const VERSION = '1.1.0-rc.1'; // x-release-actions-version\nconst other = '1.0.0';\n",
  );
  expect(() => planManifestBump(root, '1.1.0', { versionFiles: ['README.md'] })).toThrow(/no line marked/);
  expect(() => planManifestBump(root, '1.1.0', { versionFiles: ['../etc/passwd'] })).toThrow(/outside/);
});

test.each([
  [
    'pnpm',
    { 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n' },
    /^pnpm workspaces are not supported with versioning: fixed \(pnpm-workspace\.yaml found\): set versioning: independent/,
  ],
  [
    'yarn',
    { 'yarn.lock': '', 'package.json': '{"name":"m","workspaces":["packages/*"]}' },
    /^yarn workspaces are not supported with versioning: fixed/,
  ],
])('a %s workspace is named as such, with what to do instead', (_name, files, message) => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-manifests-ws-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"m","version":"1.0.0"}');
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    expect(() => npmPackages(dir)).toThrow(message);
    expect(() => npmPackages(dir)).toThrow(/npm workspaces/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('yarn.lock without workspaces is a single package, as with npm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-manifests-yarn-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"m","version":"1.0.0"}');
    writeFileSync(join(dir, 'yarn.lock'), '');
    expect(npmPackages(dir).map((p) => p.name)).toEqual(['m']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
