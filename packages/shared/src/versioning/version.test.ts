import { imageTags, majorTag, nextVersion, releaseTags, type VersionTag } from './version.js';

const t = (...vs: string[]): VersionTag[] => vs.map((v) => ({ tag: `v${v}`, version: v, commit: 'c' }));
const base = { bump: 'minor' as const, releaseType: 'stable' as const, prereleaseId: 'rc' };

test('releaseTags keeps semver tags of the prefix, highest first', () => {
  const tags = releaseTags(
    [
      { name: 'v1.2.0', commit: 'a' },
      { name: 'v1.10.0', commit: 'b' },
      { name: 'v1', commit: 'b' },
      { name: 'other-2.0.0', commit: 'c' },
      { name: 'v2.0.0-rc.1', commit: 'd' },
    ],
    'v',
  );
  expect(tags.map((x) => x.version)).toEqual(['2.0.0-rc.1', '1.10.0', '1.2.0']);
});

test.each([
  ['patch', '1.2.4'],
  ['minor', '1.3.0'],
  ['major', '2.0.0'],
] as const)('bump %s from 1.2.3 gives %s', (bump, want) => {
  const r = nextVersion({ ...base, bump, merged: t('1.2.3', '1.2.2'), all: t('1.2.3', '1.2.2') });
  expect(r).toMatchObject({ version: want, previous: '1.2.3', prerelease: false, backport: false });
});

test('first release without tags', () => {
  expect(nextVersion({ ...base, merged: [], all: [] }).version).toBe('0.1.0');
  expect(nextVersion({ ...base, merged: [], all: [], initial: '1.0.0' }).version).toBe('1.0.0');
});

test('prerelease N increments from existing tags of the channel', () => {
  const pre = { ...base, releaseType: 'prerelease' as const };
  expect(nextVersion({ ...pre, merged: t('1.2.3'), all: t('1.2.3') }).version).toBe('1.3.0-rc.1');
  const tags = t('1.2.3', '1.3.0-rc.1', '1.3.0-rc.2', '1.3.0-beta.7');
  const r = nextVersion({ ...pre, merged: tags, all: tags });
  expect(r).toMatchObject({ version: '1.3.0-rc.3', previous: '1.3.0-rc.2', previousStable: '1.2.3', prerelease: true });
  expect(nextVersion({ ...pre, prereleaseId: 'beta', merged: tags, all: tags }).version).toBe('1.3.0-beta.8');
});

test('explicit version is validated: semver, above the last release, not existing, matches the type', () => {
  const tags = t('1.2.3', '2.0.0');
  expect(nextVersion({ ...base, explicit: 'v1.5.0', merged: t('1.2.3'), all: tags })).toMatchObject({
    version: '1.5.0',
    backport: true,
  });
  expect(() => nextVersion({ ...base, explicit: '1.2.3', merged: t('1.2.3'), all: tags })).toThrow(/not above/);
  expect(() => nextVersion({ ...base, explicit: '1.0.0', merged: t('1.2.3'), all: tags })).toThrow(/not above/);
  expect(() => nextVersion({ ...base, explicit: '2.0.0', merged: t('1.2.3'), all: tags })).toThrow(/already released/);
  expect(() => nextVersion({ ...base, explicit: '3.0', merged: [], all: [] })).toThrow(/not a semantic version/);
  expect(() => nextVersion({ ...base, explicit: '3.0.0-rc.1', merged: [], all: [] })).toThrow(/prerelease/);
});

test('a backport is detected against the highest stable version of the repository', () => {
  const r = nextVersion({ ...base, bump: 'patch', merged: t('1.4.2'), all: t('1.4.2', '2.0.0') });
  expect(r).toMatchObject({ version: '1.4.3', backport: true, highestStable: '2.0.0' });
});

test('image tags follow docker/metadata-action semver and never move backwards', () => {
  expect(imageTags('1.2.3', ['1.2.2', '1.1.0'])).toEqual(['1.2.3', '1.2', '1', 'latest']);
  // backport 1.4.3 after 2.0.0: 1.4 and 1 move, latest stays on 2.0.0
  expect(imageTags('1.4.3', ['1.4.2', '2.0.0', '1.3.9'])).toEqual(['1.4.3', '1.4', '1']);
  // an older 1.3 fix after 1.4.x exists: only 1.3.x and 1.3
  expect(imageTags('1.3.10', ['1.4.2', '1.3.9', '2.0.0'])).toEqual(['1.3.10', '1.3']);
  // an old patch after a newer one on the same minor: only its own tag
  expect(imageTags('1.4.1', ['1.4.2'])).toEqual(['1.4.1']);
  // prereleases take only their own tag, and prereleases never hold moving tags back
  expect(imageTags('2.1.0-rc.1', ['2.0.0'])).toEqual(['2.1.0-rc.1']);
  expect(imageTags('2.1.0', ['2.0.0', '3.0.0-rc.1'])).toEqual(['2.1.0', '2.1', '2', 'latest']);
  expect(majorTag('1.4.3', ['2.0.0', '1.4.2'], 'v')).toBe('v1');
  expect(majorTag('1.4.1', ['1.4.2'], 'v')).toBeUndefined();
});
