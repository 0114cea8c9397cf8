import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cycloneDxJson, dependencyClosure, npmPurl } from './index.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sbom-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sri = (hex: string) => `sha512-${Buffer.from(hex.repeat(64), 'hex').toString('base64')}`;

/** A workspace monorepo: web depends on core (a link) and on `a`, which needs its own nested `b@2`. */
function lock(extra: Record<string, unknown> = {}): string {
  const p = join(dir, 'package-lock.json');
  writeFileSync(
    p,
    JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono', workspaces: ['packages/*'], devDependencies: { jest: '^30' } },
        'packages/web': { name: '@acme/web', version: '1.0.0', dependencies: { '@acme/core': '^1', a: '^1' } },
        'packages/core': { name: '@acme/core', version: '1.0.0', license: 'MIT' },
        'node_modules/@acme/core': { resolved: 'packages/core', link: true },
        'node_modules/@acme/web': { resolved: 'packages/web', link: true },
        'node_modules/a': {
          version: '1.2.0',
          resolved: 'https://registry.npmjs.org/a/-/a-1.2.0.tgz',
          integrity: sri('ab'),
          license: 'ISC',
          dependencies: { b: '^2' },
        },
        'node_modules/a/node_modules/b': { version: '2.0.1', integrity: sri('cd') },
        'node_modules/b': { version: '1.0.0' },
        'node_modules/jest': { version: '30.0.0', dev: true },
        ...extra,
      },
    }),
  );
  return p;
}

test('the runtime closure: links followed, nested versions resolved as Node does, dev dependencies left out', () => {
  const c = dependencyClosure(lock(), 'packages/web', '@acme/web', '1.1.0');
  expect(c.root).toEqual({ name: '@acme/web', version: '1.1.0', dependsOn: ['packages/core', 'node_modules/a'] });
  expect(c.packages.map((p) => [p.path, p.name, p.version, p.dependsOn])).toEqual([
    ['node_modules/a', 'a', '1.2.0', ['node_modules/a/node_modules/b']],
    ['node_modules/a/node_modules/b', 'b', '2.0.1', []],
    ['packages/core', '@acme/core', '1.0.0', []],
  ]);
});

test('a CycloneDX 1.6 document that validates against the schema, with purls, hashes, licenses; reproducible', async () => {
  const c = dependencyClosure(lock(), 'packages/web', '@acme/web', '1.1.0');
  const json = await cycloneDxJson(c, { tool: 'release-actions' });
  expect(await cycloneDxJson(c, { tool: 'release-actions' })).toBe(json);
  const CDX = await import('@cyclonedx/cyclonedx-library');
  const err = await new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6).validate(json);
  expect(err).toBeNull();
  const doc = JSON.parse(json);
  expect(doc).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
  expect(doc.serialNumber).toBeUndefined();
  expect(doc.metadata.component).toMatchObject({
    group: '@acme',
    name: 'web',
    version: '1.1.0',
    purl: 'pkg:npm/%40acme/web@1.1.0',
  });
  const a = doc.components.find((x: { name: string }) => x.name === 'a');
  expect(a.hashes).toEqual([{ alg: 'SHA-512', content: 'ab'.repeat(64) }]);
  expect(a.licenses).toEqual([{ expression: 'ISC' }]);
  expect(doc.components.map((x: { purl: string }) => x.purl).sort()).toEqual([
    'pkg:npm/%40acme/core@1.0.0',
    'pkg:npm/a@1.2.0',
    'pkg:npm/b@2.0.1',
  ]);
  expect(doc.dependencies.find((d: { ref: string }) => d.ref === 'root').dependsOn).toEqual([
    'npm:node_modules/a',
    'npm:packages/core',
  ]);
});

test('refused: an old lockfile, a package the lockfile does not know', () => {
  const old = join(dir, 'old.json');
  writeFileSync(old, JSON.stringify({ lockfileVersion: 1, dependencies: {} }));
  expect(() => dependencyClosure(old, '', 'x', '1.0.0')).toThrow(/lockfileVersion 1; an SBOM needs version 2 or 3/);
  expect(() => dependencyClosure(lock(), 'packages/nope', 'nope', '1.0.0')).toThrow(
    /has no entry for the package at packages\/nope \(nope\); run npm install/,
  );
  expect(npmPurl('@a/b', '1.0.0-rc.1')).toBe('pkg:npm/%40a/b@1.0.0-rc.1');
});
