import { imageTags, majorTag, nextVersion, realManifestVersion, releaseTags, type VersionTag } from './version.js';

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

test('first release without tags (issue 13: 1.0.0, was 0.1.0 for a minor bump)', () => {
  expect(nextVersion({ ...base, merged: [], all: [] }).version).toBe('1.0.0');
  expect(nextVersion({ ...base, merged: [], all: [], initialVersion: '1.0.0' }).version).toBe('1.0.0');
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

describe('first-release rules (docs/versioning.md)', () => {
  const first = (o: Partial<Parameters<typeof nextVersion>[0]> = {}) =>
    nextVersion({ ...base, merged: [], all: [], ...o });
  test.each([
    // [manifest, initial_version, release_type, bump, expected, from]
    ['1.0.0', undefined, 'stable', 'minor', '1.0.0', 'manifest'],
    ['2.4.0', undefined, 'stable', 'major', '2.4.0', 'manifest'],
    ['0.3.0', undefined, 'stable', 'minor', '0.3.0', 'manifest'],
    [undefined, undefined, 'stable', 'patch', '1.0.0', 'default'],
    ['0.0.0-development', undefined, 'stable', 'minor', '1.0.0', 'default'],
    ['0.0.0-semantically-released', undefined, 'stable', 'minor', '1.0.0', 'default'],
    ['0.0.0', undefined, 'stable', 'minor', '1.0.0', 'default'],
    ['0.0.0-development', '0.1.0', 'stable', 'minor', '0.1.0', 'initial_version'],
    ['1.0.0', '0.1.0', 'stable', 'minor', '0.1.0', 'initial_version'],
    [undefined, 'v2.0.0', 'stable', 'minor', '2.0.0', 'initial_version'],
    ['1.0.0-rc.2', undefined, 'stable', 'minor', '1.0.0', 'manifest'],
    [undefined, '3.0.0-beta.1', 'stable', 'minor', '3.0.0', 'initial_version'],
    ['1.0.0', undefined, 'prerelease', 'minor', '1.0.0-rc.1', 'manifest'],
    ['0.0.0-development', undefined, 'prerelease', 'minor', '1.0.0-rc.1', 'default'],
  ] as const)(
    'manifest %s, initial_version %s, %s %s → %s (%s)',
    (manifest, initial, releaseType, bump, want, from) => {
      const r = first({
        bump,
        releaseType,
        ...(manifest ? { manifestVersion: manifest } : {}),
        ...(initial ? { initialVersion: initial } : {}),
      });
      expect(r).toMatchObject({ version: want, initialFrom: from });
      if (releaseType === 'stable') expect(r.prerelease).toBe(false);
    },
  );

  test('only prereleases tagged so far: the stable release is their core; the channel goes on', () => {
    const tags = t('1.0.0-rc.1', '1.0.0-rc.2');
    expect(first({ merged: tags, all: tags })).toMatchObject({ version: '1.0.0', initialFrom: 'prerelease tag' });
    const pre = first({ merged: tags, all: tags, releaseType: 'prerelease' });
    expect(pre.version).toBe('1.0.0-rc.3');
  });

  test('lower than the manifest: refused (a prerelease of the manifest version is not lower)', () => {
    expect(() =>
      nextVersion({ ...base, bump: 'patch', merged: t('1.2.3'), all: t('1.2.3'), manifestVersion: '2.4.0' }),
    ).toThrow(/1\.2\.4 is lower than package\.json's version 2\.4\.0/);
    expect(() => first({ explicit: '1.5.0', manifestVersion: '2.0.0' })).toThrow(/lower than package\.json/);
    // The plan's version handed on explicitly keeps initial_version's say (the reusable workflow's path).
    expect(first({ explicit: '0.1.0', manifestVersion: '1.0.0', initialVersion: 'v0.1.0' })).toMatchObject({
      version: '0.1.0',
      initialFrom: 'initial_version',
    });
    expect(() => first({ explicit: '0.2.0', manifestVersion: '1.0.0', initialVersion: '0.1.0' })).toThrow(
      /lower than package\.json/,
    );
    expect(first({ manifestVersion: '1.2.3', bump: 'patch', merged: t('1.2.3'), all: t('1.2.3') }).version).toBe(
      '1.2.4',
    );
    expect(first({ manifestVersion: '2.0.0', releaseType: 'prerelease' }).version).toBe('2.0.0-rc.1');
    // The registry's latest is publish/latest.ts's check (latest.test.ts), per package, after this.
  });

  test('0.x: the bump applies to 0.y.z as given (recommendBump makes a breaking change minor while 0.x)', () => {
    expect(nextVersion({ ...base, bump: 'minor', merged: t('0.4.1'), all: t('0.4.1') }).version).toBe('0.5.0');
    expect(nextVersion({ ...base, bump: 'patch', merged: t('0.4.1'), all: t('0.4.1') }).version).toBe('0.4.2');
    expect(nextVersion({ ...base, bump: 'major', merged: t('0.4.1'), all: t('0.4.1') }).version).toBe('1.0.0');
  });

  test('placeholders count as no version', () => {
    expect(realManifestVersion('0.0.0-development')).toBeUndefined();
    expect(realManifestVersion('0.0.0-semantically-released')).toBeUndefined();
    expect(realManifestVersion('0.0.0')).toBeUndefined();
    expect(realManifestVersion('not a version')).toBeUndefined();
    expect(realManifestVersion('0.0.1')).toBe('0.0.1');
  });
});

test('build metadata in a tag is understood: v1.0.0-rc.1+build.5 is 1.0.0-rc.1 (issue 11)', () => {
  const tags = releaseTags(
    [
      { name: 'v1.0.0-rc.1+build.5', commit: 'a' },
      { name: 'v0.9.0+20240101', commit: 'b' },
      { name: 'v1.0.0+', commit: 'c' },
    ],
    'v',
  );
  expect(tags).toEqual([
    { tag: 'v1.0.0-rc.1+build.5', version: '1.0.0-rc.1', commit: 'a' },
    { tag: 'v0.9.0+20240101', version: '0.9.0', commit: 'b' },
  ]);
  const rc = tags.slice(0, 1);
  const pre = nextVersion({ ...base, releaseType: 'prerelease', merged: rc, all: rc });
  expect(pre.version).toBe('1.0.0-rc.2');
  expect(nextVersion({ ...base, merged: tags, all: tags }).version).toBe('0.10.0');
  expect(() =>
    nextVersion({ ...base, explicit: '1.0.0-rc.1', releaseType: 'prerelease', merged: [], all: tags }),
  ).toThrow(/already released/);
});
