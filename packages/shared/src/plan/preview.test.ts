import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from '../git/git.js';
import { nextVersion, releaseTags } from '../versioning/version.js';
import { changelogPreview, parseCommit, previewRelease, recommendBump, tagVersion } from './preview.js';
import { initTestRepo } from '@release-actions/testkit/services';

let dir: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
const commit = (message: string) => git('commit', '-q', '--allow-empty', '-m', message);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ra-preview-'));
  initTestRepo(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The preview of a history where `feat: one` is released as v1.0.0 and `subjects` were committed since. */
async function previewSinceV1(...subjects: string[]) {
  commit('feat: one');
  git('tag', 'v1.0.0');
  for (const subject of subjects) commit(subject);
  return previewRelease(new Git(dir), { tagPrefix: 'v' });
}

describe('conventional commits', () => {
  test.each([
    ['feat(api): add x', '', { type: 'feat', scope: 'api', subject: 'add x', breaking: false }],
    ['fix!: drop y', '', { type: 'fix', scope: '', subject: 'drop y', breaking: true }],
    ['refactor: z', 'body\n\nBREAKING CHANGE: gone', { type: 'refactor', breaking: true }],
    ['perf: w', 'BREAKING-CHANGE: also', { type: 'perf', breaking: true }],
    ['Update readme', '', { type: 'other', subject: 'Update readme', breaking: false }],
    ['feat:no space', '', { type: 'other', breaking: false }],
  ])('%j', (subject, body, expected) => {
    expect(parseCommit('abc', subject, body)).toMatchObject(expected);
  });

  test('recommended bump follows semver; below 1.0.0 a breaking change bumps minor', () => {
    const c = (s: string) => parseCommit('a', s, '');
    expect(recommendBump([c('chore: x'), c('docs: y')], '1.0.0')).toBe('none');
    expect(recommendBump([c('chore: x'), c('fix: y')], '1.0.0')).toBe('patch');
    expect(recommendBump([c('perf: x')], '1.0.0')).toBe('patch');
    expect(recommendBump([c('fix: x'), c('feat: y')], '1.0.0')).toBe('minor');
    expect(recommendBump([c('feat!: x')], '1.0.0')).toBe('major');
    expect(recommendBump([c('feat!: x')], '0.4.0')).toBe('minor');
    expect(recommendBump([c('feat!: x')])).toBe('major');
  });
});

describe('versions', () => {
  test('tagVersion keeps only <prefix><semver>', () => {
    const cases = [
      ['v1.2.3', '1.2.3'],
      ['v1.2.3-rc.1', '1.2.3-rc.1'],
      ['v1', undefined],
      ['release-1.2.3', undefined],
      ['v01.2.3', undefined],
    ] as const;
    for (const [tag, version] of cases) expect([tag, tagVersion(tag, 'v')]).toEqual([tag, version]);
  });
  test('next version, first release, and prerelease numbering from existing tags (the one model, versioning/)', () => {
    const tags = (...names: string[]) =>
      releaseTags(
        names.map((name) => ({ name, commit: '' })),
        'v',
      );
    const next = (o: { previous?: string; bump: 'major' | 'minor' | 'patch'; pre?: string[] }) =>
      nextVersion({
        merged: o.previous ? tags(`v${o.previous}`) : [],
        all: tags(...(o.previous ? [`v${o.previous}`] : []), ...(o.pre ?? [])),
        bump: o.bump,
        releaseType: o.pre ? 'prerelease' : 'stable',
        prereleaseId: 'rc',
      }).version;
    expect(next({ previous: '1.4.2', bump: 'minor' })).toBe('1.5.0');
    expect(next({ previous: '1.4.2', bump: 'major' })).toBe('2.0.0');
    // Issue 13 changes the first release: 1.0.0 (the plan said 0.1.0 while the release said otherwise).
    expect(next({ bump: 'minor' })).toBe('1.0.0');
    const existingTags = ['v1.5.0-rc.1', 'v1.5.0-rc.2', 'v1.5.0-beta.7', 'v1.4.0-rc.9', 'other'];
    expect(next({ previous: '1.4.2', bump: 'minor', pre: existingTags })).toBe('1.5.0-rc.3');
    expect(next({ previous: '1.4.2', bump: 'patch', pre: existingTags })).toBe('1.4.3-rc.1');
  });
});

describe('previewRelease on a real repository', () => {
  test('no tag: the whole history', async () => {
    commit('feat: first');
    commit('chore: tidy');
    const p = await previewRelease(new Git(dir), { tagPrefix: 'v' });
    expect(p.previousTag).toBeUndefined();
    expect(p.commits).toHaveLength(2);
    expect(p.recommended).toBe('minor');
  });

  test('the newest stable tag reachable from HEAD; prereleases, other branches and other prefixes ignored', async () => {
    commit('feat: one');
    git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    commit('fix: two');
    git('tag', 'v1.0.1'); // lightweight
    git('checkout', '-q', '-b', 'side');
    commit('feat: on a side branch');
    git('tag', 'v9.0.0');
    git('checkout', '-q', 'main');
    commit('feat: three');
    git('tag', 'v1.1.0-rc.1');
    git('tag', 'app-2.0.0');
    commit('fix(core): four\n\nsome body\n\nwith lines');
    const p = await previewRelease(new Git(dir), { tagPrefix: 'v' });
    expect(p.previousTag).toBe('v1.0.1');
    expect(p.previousVersion).toBe('1.0.1');
    expect(p.commits.map((c) => `${c.type}:${c.scope}:${c.subject}`)).toEqual(['fix:core:four', 'feat::three']);
    expect(p.recommended).toBe('minor');
    // Once the side branch is merged, its higher tag is reachable: it is the previous release.
    git('merge', '-q', '--no-ff', '-m', 'Merge branch side', 'side');
    const q = await previewRelease(new Git(dir), { tagPrefix: 'v' });
    expect(q.previousTag).toBe('v9.0.0');
    expect(q.commits.map((c) => c.subject)).toEqual(['four', 'three']);
  });

  test('commits since the tag, newest first, with a preview of the notes', async () => {
    const p = await previewSinceV1('fix: two', 'chore: three');
    expect(p.previousTag).toBe('v1.0.0');
    expect(p.commits.map((c) => c.subject)).toEqual(['three', 'two']);
    expect(p.recommended).toBe('patch');
    const md = changelogPreview(p.commits, { version: '1.0.1' });
    expect(md).toContain('### 1.0.1 (preview)');
    expect(md).toContain('#### Fixes');
    expect(md).toContain('- two (');
    expect(md).toContain('1 other commit');
  });

  test('chore-only history recommends nothing', async () => {
    const p = await previewSinceV1('chore: deps', 'docs: readme');
    expect(p.recommended).toBe('none');
    expect(changelogPreview(p.commits)).toContain('2 other commits');
  });
});

test('a tag with build metadata is a release tag (v1.0.0+build.5 is 1.0.0)', async () => {
  commit('feat: one');
  git('tag', 'v1.0.0+build.5');
  commit('fix: two');
  const p = await previewRelease(new Git(dir), { tagPrefix: 'v' });
  expect(p).toMatchObject({ previousTag: 'v1.0.0+build.5', previousVersion: '1.0.0', recommended: 'patch' });
  expect(p.commits.map((c) => c.subject)).toEqual(['two']);
  expect(tagVersion('v1.0.0-rc.1+build.5', 'v')).toBe('1.0.0-rc.1');
});
