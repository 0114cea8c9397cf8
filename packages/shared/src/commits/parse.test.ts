import { nextVersion } from '../versioning/version.js';
import { recommendBump } from './bump.js';
import { parseCommit, type RawCommit } from './parse.js';

const raw = (message: string, extra: Partial<RawCommit> = {}): RawCommit => ({
  hash: 'a'.repeat(40),
  parents: ['b'.repeat(40)],
  authorName: 'Dev',
  authorEmail: 'dev@example.com',
  date: '2024-01-01T00:00:00Z',
  message,
  ...extra,
});

describe('parseCommit', () => {
  it('reads type, scope, ! and subject', () => {
    const c = parseCommit(raw('feat(api)!: drop v1 endpoints'));
    expect(c).toMatchObject({ type: 'feat', scope: 'api', breaking: true, subject: 'drop v1 endpoints' });
    expect(c.breakingNotes).toEqual(['drop v1 endpoints']);
  });

  it('reads BREAKING CHANGE and BREAKING-CHANGE footers, multi-line, multi-paragraph bodies', () => {
    const c = parseCommit(
      raw(
        'fix: parser\n\nFirst paragraph\nstill first.\n\nSecond paragraph.\n\nRefs: #12\nBREAKING CHANGE: options renamed\n  to settings\nBREAKING-CHANGE: exit code 2 now\nReviewed-by: Z\n',
      ),
    );
    expect(c.body).toBe('First paragraph\nstill first.\n\nSecond paragraph.');
    expect(c.footers.map((f) => f.token)).toEqual(['Refs', 'BREAKING CHANGE', 'BREAKING CHANGE', 'Reviewed-by']);
    expect(c.breakingNotes).toEqual(['options renamed\n  to settings', 'exit code 2 now']);
    expect(c.breaking).toBe(true);
  });

  it('handles CRLF, unicode and the squash-merge PR number', () => {
    const c = parseCommit(raw('feat(ü): Grüße 🎉 (#123)\r\n\r\nBody ✓\r\n'));
    expect(c).toMatchObject({ type: 'feat', scope: 'ü', subject: 'Grüße 🎉', pr: 123, body: 'Body ✓' });
  });

  it('reads Revert "…" commits', () => {
    const c = parseCommit(raw('Revert "feat: shiny"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.'));
    expect(c).toMatchObject({ type: 'revert', subject: 'feat: shiny', conventional: true });
    expect(c.revert).toEqual({ header: 'feat: shiny', hash: '0123456789abcdef0123456789abcdef01234567' });
  });

  it('marks merges and non-conventional commits', () => {
    expect(parseCommit(raw('Merge pull request #5 from x/y', { parents: ['1', '2'] })).merge).toBe(true);
    const c = parseCommit(raw('Update README\n\nBREAKING CHANGE: not really'));
    expect(c).toMatchObject({ conventional: false, subject: 'Update README', breaking: false });
    expect(c.type).toBeUndefined();
  });

  it('survives empty and huge messages', () => {
    expect(parseCommit(raw('')).subject).toBe('');
    const long = 'x'.repeat(10_000);
    const c = parseCommit(raw(`fix: ${long}\n\n${long}`));
    expect(c.subject).toHaveLength(10_000);
    expect(c.body).toHaveLength(10_000);
  });

  it('a BREAKING CHANGE paragraph followed by more text', () => {
    const c = parseCommit(raw('feat: x\n\nBREAKING CHANGE: first\n\nmore detail'));
    expect(c.breakingNotes).toEqual(['first\n\nmore detail']);
  });
});

describe('recommendBump', () => {
  const c = (type: string | undefined, breaking = false, merge = false) => ({ type, breaking, merge });
  it('follows semver', () => {
    expect(recommendBump([c('fix'), c('feat')], '1.2.3')).toBe('minor');
    expect(recommendBump([c('perf')], '1.2.3')).toBe('patch');
    expect(recommendBump([c('revert'), c('chore')], '1.2.3')).toBe('patch');
    expect(recommendBump([c('docs'), c(undefined)], '1.2.3')).toBe('none');
    expect(recommendBump([c('chore', true)], '1.2.3')).toBe('major');
    expect(recommendBump([c('feat', true)], '0.4.1')).toBe('minor');
    expect(recommendBump([c('feat', false, true)], '1.0.0')).toBe('none');
    expect(recommendBump([], '1.0.0')).toBe('none');
  });
  it('gives the next version through the one version model (versioning/)', () => {
    const next = (previous: string | undefined, bump: 'major' | 'minor' | 'patch') => {
      const merged = previous ? [{ tag: `v${previous}`, version: previous, commit: '' }] : [];
      return nextVersion({ merged, all: merged, bump, releaseType: 'stable', prereleaseId: 'rc' }).version;
    };
    expect(next('1.2.3', 'minor')).toBe('1.3.0');
    expect(next('0.4.1', 'major')).toBe('1.0.0');
    // Issue 13: a first release is 1.0.0 (was the bump applied to 0.0.0, 0.1.0), unless the manifest says more.
    expect(next(undefined, 'minor')).toBe('1.0.0');
    expect(next('1.2.3', 'patch')).toBe('1.2.4');
    expect(next('1.3.0-rc.1', 'patch')).toBe('1.3.0');
  });
});
