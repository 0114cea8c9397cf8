import { belowLatest, latestAbove, type RegistryLatest } from './latest.js';

const npm = (latest?: string, gitHead?: string): RegistryLatest => ({
  registry: 'npm',
  name: '@acme/core',
  where: 'https://registry.example/',
  ...(latest ? { latest } : {}),
  ...(gitHead ? { gitHead } : {}),
  stable: latest ? [latest] : [],
});
const check = (version: string, o: { backportBranch?: boolean; movesLatest?: boolean } = {}) => ({
  version,
  backportBranch: o.backportBranch ?? false,
  movesLatest: o.movesLatest ?? true,
  adoptTag: (v: string) => `v${v}`,
});

test('at or above the registry latest, or nothing published yet: allowed', () => {
  expect(belowLatest(npm('1.2.0'), check('1.2.1'))).toBeUndefined();
  expect(belowLatest(npm('1.2.0'), check('1.2.0'))).toBeUndefined();
  expect(belowLatest(npm(), check('0.1.0'))).toBeUndefined();
  expect(belowLatest(npm('1.2.0'), check('1.3.0-rc.1', { movesLatest: false }))).toBeUndefined();
});

test('below it from the default branch: refused with the registry version and both fixes', () => {
  const m = belowLatest(npm('1.2.0', 'abcdef0123456789'), check('1.0.0')) ?? '';
  expect(m).toContain('npm package @acme/core (https://registry.example/) has 1.2.0 as its latest');
  expect(m).toContain('would publish 1.0.0, lower, under the dist-tag latest');
  expect(m).toContain('tag the commit abcdef012345 (the registry');
  expect(m).toContain('git tag -a v1.2.0 -m v1.2.0 <commit> && git push origin v1.2.0');
  expect(m).toContain('initial_version');
  expect(belowLatest(npm('1.2.0'), check('1.2.0-rc.1', { movesLatest: false }))).toMatch(/from the default branch/);
});

test('a backport branch may go below, but never under latest', () => {
  expect(belowLatest(npm('2.0.0'), check('1.4.3', { backportBranch: true, movesLatest: false }))).toBeUndefined();
  expect(belowLatest(npm('2.0.0'), check('1.4.3', { backportBranch: true, movesLatest: true }))).toMatch(
    /under the dist-tag latest/,
  );
});

test('latestAbove lists the registries a version is below', () => {
  const image: RegistryLatest = { registry: 'docker', name: 'r/x', where: 'r/x', latest: '3.0.0', stable: ['3.0.0'] };
  expect(latestAbove('2.5.0', [npm('2.0.0'), image, npm()]).map((r) => r.name)).toEqual(['r/x']);
});
