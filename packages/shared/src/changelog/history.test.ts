/** The history a changelog covers, on real git repositories built here. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from '../git/index.js';
import { MemoryLogger } from '../util/logger.js';
import { generateChangelog } from './generate.js';
import { findPreviousTag, readHistory } from './history.js';
import { initTestRepo } from '@release-actions/testkit/services';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): { dir: string; git: (...a: string[]) => string; commit: (msg: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ra-changelog-'));
  dirs.push(dir);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8' }).trim();
  initTestRepo(dir);
  const commit = (msg: string) => {
    git('commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', msg);
    return git('rev-parse', 'HEAD');
  };
  return { dir, git, commit };
}

/** A repository with a commit for each step, tagged when the step names a tag. */
function repoWith(...steps: [subject: string, tag?: string][]) {
  const r = repo();
  for (const [subject, tag] of steps) {
    r.commit(subject);
    if (tag) r.git('tag', tag);
  }
  return r;
}

/** A repository with `feat: base` released as v1.0.0, then a commit for each subject. */
function releasedRepo(...subjects: string[]) {
  const r = repo();
  r.commit('feat: base');
  r.git('tag', 'v1.0.0');
  for (const subject of subjects) r.commit(subject);
  return r;
}

describe('previous tag and history', () => {
  it('reads a tag with build metadata as its version (v1.0.0-rc.1+build.5 is 1.0.0-rc.1)', async () => {
    const r = repoWith(['feat: one', 'v1.0.0+build.5'], ['fix: two', 'v1.0.1-rc.1+build.7']);
    const h = await readHistory(new Git(r.dir), { tagPrefix: 'v', log: new MemoryLogger() });
    expect(h.previousTag).toMatchObject({ name: 'v1.0.0+build.5', version: '1.0.0' });
    expect(h.commits.map((c) => c.subject)).toEqual(['two']);
    const all = await findPreviousTag(new Git(r.dir), 'v', 'HEAD', { includePrereleases: true });
    expect(all).toMatchObject({ name: 'v1.0.1-rc.1+build.7', version: '1.0.1-rc.1', prerelease: true });
  });

  it('finds the newest semver tag by ancestry, skipping prereleases and tags not on the branch', async () => {
    const r = repo();
    r.commit('feat: one');
    r.git('tag', 'v1.0.0');
    r.commit('fix: two');
    r.git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0');
    r.git('checkout', '-q', '-b', 'side');
    r.commit('feat: elsewhere');
    r.git('tag', 'v9.0.0'); // not on main
    r.git('checkout', '-q', 'main');
    r.commit('feat: three');
    r.git('tag', 'v1.2.0-rc.1'); // prerelease after the last stable
    r.git('tag', 'v1.10.0-not-semver-order-check'); // prerelease too
    r.commit('fix: four');
    r.git('tag', 'release-2'); // not semver
    const git = new Git(r.dir);
    const prev = await findPreviousTag(git, 'v');
    expect(prev?.name).toBe('v1.1.0');
    const h = await readHistory(git, { tagPrefix: 'v', log: new MemoryLogger() });
    expect(h.commits.map((c) => c.subject)).toEqual(['four', 'three']);
    expect(h.deepened).toBe(0);
  });

  it('no tag: the whole history; a bad since_tag is refused', async () => {
    const r = repo();
    r.commit('feat: a');
    r.commit('Merge-like non conventional');
    const h = await readHistory(new Git(r.dir), { tagPrefix: 'v', log: new MemoryLogger() });
    expect(h.previousTag).toBeUndefined();
    expect(h.commits).toHaveLength(2);
    await expect(
      readHistory(new Git(r.dir), { since: 'v0.0.1', tagPrefix: 'v', log: new MemoryLogger() }),
    ).rejects.toThrow(/does not exist/);
  });

  it('reads unicode, CRLF, empty bodies, 10,000-character messages and merges exactly', async () => {
    const r = repo();
    r.commit('chore: start');
    r.git('tag', 'v0.1.0');
    const long = 'ü'.repeat(10_000);
    r.commit(`feat(ünï): ${long}\n\n${long}`);
    r.commit('fix: windows\r\n\r\nbody line\r\n\r\nBREAKING CHANGE: crlf footer\r\n');
    r.commit('perf: empty body\n\n');
    r.git('checkout', '-q', '-b', 'topic');
    r.commit('feat: on topic (#7)');
    r.git('checkout', '-q', 'main');
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic');
    const h = await readHistory(new Git(r.dir), { tagPrefix: 'v', log: new MemoryLogger() });
    const byType = Object.fromEntries(h.commits.map((c) => [c.merge ? 'merge' : c.type, c]));
    expect(byType.feat?.subject).toBeDefined();
    const feats = h.commits.filter((c) => c.type === 'feat');
    expect(feats.find((c) => c.scope === 'ünï')?.subject).toBe(long);
    expect(feats.find((c) => c.pr === 7)?.subject).toBe('on topic');
    expect(byType.fix?.breakingNotes).toEqual(['crlf footer']);
    expect(byType.perf?.body).toBe('');
    expect(byType.merge?.merge).toBe(true);
    // 0.x: a breaking change bumps minor; the merge commit is not counted.
    const res = await generateChangelog({
      git: new Git(r.dir),
      log: new MemoryLogger(),
      tagPrefix: 'v',
      format: 'keep-a-changelog',
      includePrs: false,
      breakingChangesSection: true,
      date: '2024-05-01',
    });
    expect(res).toMatchObject({ recommendedBump: 'minor', version: '0.2.0', previousTag: 'v0.1.0', commitCount: 4 });
    expect(res.notes).toContain('### ⚠ BREAKING CHANGES\n\n- crlf footer');
    expect(res.notes.indexOf('BREAKING')).toBeLessThan(res.notes.indexOf('### Added'));
  });

  /** A clone `depth` commits deep, without tags, of a repository with v1.0.0 and then `fixes` fix: commits. */
  function shallowClone(fixes: number, depth: number): string {
    const r = releasedRepo(...Array.from({ length: fixes }, (_, i) => `fix: change ${i}`));
    const clone = mkdtempSync(join(tmpdir(), 'ra-changelog-shallow-'));
    dirs.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', String(depth), '--no-tags', `file://${r.dir}`, clone]);
    return clone;
  }

  it('deepens a shallow clone until the previous tag is reachable', async () => {
    const clone = shallowClone(30, 3);
    const git = new Git(clone);
    expect(await git.isShallow()).toBe(true);
    const log = new MemoryLogger();
    const h = await readHistory(git, { tagPrefix: 'v', log, deepenSteps: [5, 10] });
    expect(h.previousTag?.name).toBe('v1.0.0');
    expect(h.commits).toHaveLength(30);
    expect(h.deepened).toBeGreaterThan(0);
    expect(log.messages('info').join('\n')).toMatch(/shallow clone/);
  });

  it('fails, naming fetch-depth: 0, when a shallow clone cannot be deepened', async () => {
    const clone = shallowClone(5, 2);
    execFileSync('git', ['remote', 'set-url', 'origin', join(clone, 'gone.git')], { cwd: clone });
    await expect(readHistory(new Git(clone), { tagPrefix: 'v', log: new MemoryLogger() })).rejects.toThrow(
      /fetch-depth: 0/,
    );
  });

  it('renders every release, and re-running replaces sections instead of adding them', async () => {
    const r = repoWith(['feat: a', 'v1.0.0'], ['fix: b', 'v1.0.1'], ['feat: c', 'v1.1.0'], ['feat!: d']);
    const path = join(r.dir, 'CHANGELOG.md');
    const opts = {
      git: new Git(r.dir),
      log: new MemoryLogger(),
      tagPrefix: 'v',
      format: 'keep-a-changelog' as const,
      includePrs: false,
      breakingChangesSection: true,
      repoUrl: 'https://github.com/o/r',
      allReleases: true,
      path,
      date: '2024-05-01',
    };
    const res = await generateChangelog(opts);
    expect(res).toMatchObject({ sections: 4, version: '2.0.0', recommendedBump: 'major', commitCount: 4 });
    const first = readFileSync(path, 'utf8');
    expect(first.match(/^## \[[\d.]+\]/gm)).toEqual(['## [2.0.0]', '## [1.1.0]', '## [1.0.1]', '## [1.0.0]']);
    expect(first.match(/^\[[\d.]+\]: .*$/gm)).toEqual([
      '[2.0.0]: https://github.com/o/r/compare/v1.1.0...v2.0.0',
      '[1.1.0]: https://github.com/o/r/compare/v1.0.1...v1.1.0',
      '[1.0.1]: https://github.com/o/r/compare/v1.0.0...v1.0.1',
      '[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0',
    ]);
    await generateChangelog(opts);
    expect(readFileSync(path, 'utf8')).toBe(first);
    // The single-section mode on the same file: same version, replaced in place.
    writeFileSync(path, first.replace('- d (', '- d edited ('));
    await generateChangelog({ ...opts, allReleases: false });
    expect(readFileSync(path, 'utf8')).toBe(first);
  });
});

describe('changelog correctness on real histories (issue 13)', () => {
  const gen = (dir: string, o: Partial<Parameters<typeof generateChangelog>[0]> = {}) =>
    generateChangelog({
      git: new Git(dir),
      log: new MemoryLogger(),
      tagPrefix: 'v',
      format: 'conventional-commits',
      includePrs: false,
      breakingChangesSection: true,
      date: '2026-01-01',
      ...o,
    });

  it('a breaking chore!/refactor!/docs! is under breaking changes and its own type when shown, never Features', async () => {
    const r = releasedRepo(
      'chore!: drop node 18',
      'refactor!: rename the config',
      'docs!: the API reference moves',
      'feat: a real feature',
    );
    const cc = await gen(r.dir);
    expect(cc.notes).toContain('### ⚠ BREAKING CHANGES\n\n* the API reference moves');
    for (const s of ['drop node 18', 'rename the config', 'the API reference moves']) {
      expect(cc.notes.match(new RegExp(s, 'g'))).toHaveLength(1);
    }
    expect(cc.notes).toMatch(/### Features\n\n\* a real feature \S+\n*$/);
    expect(cc.breakingCount).toBe(3);
    expect(cc.recommendedBump).toBe('major');
    // keep-a-changelog shows refactor (Changed): listed there and under breaking changes; chore and docs hidden.
    const kac = await gen(r.dir, { format: 'keep-a-changelog' });
    expect(kac.notes).toMatch(/### Changed\n\n- rename the config/);
    expect(kac.notes.match(/rename the config/g)).toHaveLength(2);
    expect(kac.notes.match(/drop node 18/g)).toHaveLength(1);
    expect(kac.notes).toMatch(/### Added\n\n- a real feature \S+$/m);
    // A user mapping that shows chore lists it there too.
    const shown = await gen(r.dir, { types: { chore: 'Maintenance' } });
    expect(shown.notes).toMatch(/### Maintenance\n\n\* drop node 18/);
    // Without a breaking section a breaking commit is never dropped: it falls back to a shown section.
    const noSection = await gen(r.dir, { breakingChangesSection: false });
    expect(noSection.notes).toContain('drop node 18');
  });

  it('since_tag that is not an ancestor of HEAD: the range since_tag..HEAD with a warning (as git-cliff)', async () => {
    const r = repo();
    r.commit('feat: base');
    r.git('checkout', '-q', '-b', 'release-1.x');
    r.commit('fix: only on the release branch');
    r.git('tag', 'v1.0.1');
    r.git('checkout', '-q', 'main');
    r.commit('feat: only on main');
    const log = new MemoryLogger();
    const res = await gen(r.dir, { sinceTag: 'v1.0.1', log });
    expect(log.entries.filter((e) => e.level === 'warning').map((e) => e.message)).toEqual([
      'since_tag v1.0.1 is not an ancestor of HEAD: the notes cover v1.0.1..HEAD (the commits of HEAD that v1.0.1 does not have)',
    ]);
    expect(res.notes).toContain('only on main');
    expect(res.notes).not.toContain('only on the release branch');
    expect(res.notes).not.toContain('base');
    expect(res).toMatchObject({ previousTag: 'v1.0.1', version: '1.1.0', commitCount: 1 });
  });

  it('commit_count: every commit of the range but merges, hidden types included', async () => {
    const r = releasedRepo('fix: shown', 'chore: hidden', 'not conventional');
    const res = await gen(r.dir);
    expect(res.commitCount).toBe(3);
    expect(res.stats.shown).toBe(1);
  });
});
