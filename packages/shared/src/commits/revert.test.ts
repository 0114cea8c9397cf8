/** Revert chains made by `git revert` on real repositories: the changelog and the plan's preview agree. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateChangelog } from '../changelog/generate.js';
import { Git } from '../git/index.js';
import { changelogPreview, previewRelease } from '../plan/preview.js';
import { MemoryLogger } from '../util/logger.js';
import { recommendBump } from './bump.js';
import { parseCommit, type ParsedCommit } from './parse.js';
import { cancelledByReverts, revertedType } from './revert.js';
import { initTestRepo } from '@release-actions/testkit/services';

let dir: string;
const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8' }).trim();
let n = 0;
const change = (msg: string) => {
  writeFileSync(join(dir, `f${n++}.txt`), msg);
  git('add', '-A');
  git('commit', '-q', '-m', msg);
  return git('rev-parse', 'HEAD');
};
const revert = () => {
  git('revert', '--no-edit', 'HEAD');
  return git('rev-parse', 'HEAD');
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ra-revert-'));
  initTestRepo(dir);
  change('chore: init');
  git('tag', 'v1.0.0');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Both = Awaited<ReturnType<typeof both>>;

/** The changelog's notes and the plan's preview both list `text` (with `listed` false: neither does). */
function expectListed(r: Both, text: string, listed = true) {
  for (const shown of [r.c.notes, r.preview])
    if (listed) expect(shown).toContain(text);
    else expect(shown).not.toContain(text);
}

/** The changelog and the plan recommend the same `bump`. */
function expectBump(r: Both, bump: string) {
  expect(r.c.recommendedBump).toBe(bump);
  expect(r.p.recommended).toBe(bump);
}

async function both(format: 'keep-a-changelog' | 'conventional-commits' = 'conventional-commits') {
  const c = await generateChangelog({
    git: new Git(dir),
    log: new MemoryLogger(),
    tagPrefix: 'v',
    format,
    includePrs: false,
    breakingChangesSection: true,
    date: '2026-01-01',
  });
  const p = await previewRelease(new Git(dir), { tagPrefix: 'v' });
  return { c, p, preview: changelogPreview(p.commits) };
}

describe('revert chains', () => {
  test('length 1: feat X, revert X → X gone, nothing to release', async () => {
    change('fix: keep me');
    change('feat: shiny X');
    revert();
    const r = await both();
    expectListed(r, 'shiny X', false);
    expectListed(r, 'keep me');
    expectBump(r, 'patch');
  });

  test('length 2: the revert of the revert restores X', async () => {
    change('feat: shiny X');
    revert();
    revert();
    for (const format of ['conventional-commits', 'keep-a-changelog'] as const) {
      const r = await both(format);
      const { c, preview } = r;
      expect(c.notes).toContain('shiny X');
      expect(c.notes).not.toMatch(/Revert/);
      expect(c.notes.match(/shiny X/g)).toHaveLength(1);
      expect(preview).toMatch(/#### Features\n\n- shiny X/);
      expect(preview).not.toContain('#### Reverts');
      expectBump(r, 'minor');
    }
  });

  test('length 3: reverted again → gone', async () => {
    change('feat: shiny X');
    revert();
    revert();
    revert();
    const r = await both();
    const { preview } = r;
    expectListed(r, 'shiny X', false);
    expectBump(r, 'none');
    expect(preview).toContain('4 commits cancelled by a revert');
  });

  test('across tags: reverting a released commit is a releasable revert entry (patch)', async () => {
    change('feat: shiny X');
    git('tag', 'v1.1.0');
    revert();
    const r = await both();
    const { c, preview } = r;
    expect(c.notes).toMatch(/### Reverts\n\n\* feat: shiny X/);
    expect(preview).toMatch(/#### Reverts\n\n- feat: shiny X/);
    expectBump(r, 'patch');
    // Its revert in the same range cancels it out again.
    revert();
    const again = await both();
    expect(again.c.notes).not.toContain('shiny X');
    expect(again.preview).not.toContain('shiny X');
    expect(again.p.recommended).toBe('none');
  });

  test('across tags, chain split: X and its revert released; the reapply after the tag is an entry', async () => {
    change('feat: shiny X');
    revert();
    git('tag', 'v1.1.0');
    revert();
    const r = await both();
    expectListed(r, 'Revert "feat: shiny X"');
    expectBump(r, 'patch');
  });

  test("git's revert of a hidden type (chore, ci) is not releasable and not listed", async () => {
    change('chore: bump deps');
    git('tag', 'v1.1.0');
    revert();
    change('ci: cache');
    git('tag', 'v1.1.1');
    revert();
    for (const format of ['conventional-commits', 'keep-a-changelog'] as const) {
      const r = await both(format);
      expectListed(r, 'cache', false);
      expectBump(r, 'none');
    }
  });
});

describe('unit', () => {
  const raw = (hash: string, message: string): ParsedCommit =>
    parseCommit({ hash, parents: ['p'], authorName: 'a', authorEmail: 'a@x', date: '', message });
  const h = (c: string) => c.repeat(40);
  test('chains resolved by hash, newest first; Reapply "…" (git ≥ 2.43) is a revert too', () => {
    const x = raw(h('a'), 'feat: X');
    const r1 = raw(h('b'), `Revert "feat: X"\n\nThis reverts commit ${h('a')}.`);
    const r2 = raw(h('c'), `Reapply "feat: X"\n\nThis reverts commit ${h('b').slice(0, 12)}.`);
    expect([...cancelledByReverts([r1, x])].sort()).toEqual([h('a'), h('b')]);
    expect([...cancelledByReverts([r2, r1, x])].sort()).toEqual([h('b'), h('c')]);
    expect(recommendBump([r2, r1, x], '1.0.0')).toBe('minor');
    // A hand-written revert without the hash: matched by the header.
    const r = raw(h('d'), 'Revert "feat: X"');
    expect([...cancelledByReverts([r, x])].sort()).toEqual([h('a'), h('d')]);
  });
  test('revertedType looks through nested reverts', () => {
    expect(revertedType(raw(h('a'), 'Revert "Revert "chore: y""'))).toEqual({ type: 'chore', breaking: false });
    expect(revertedType(raw(h('a'), 'Revert "feat!: y"'))).toEqual({ type: 'feat', breaking: true });
    expect(revertedType(raw(h('a'), 'Revert "Update README"'))).toBeUndefined();
    expect(recommendBump([raw(h('a'), 'Revert "Update README"')], '1.0.0')).toBe('patch');
    expect(recommendBump([raw(h('a'), 'Revert "docs: y"')], '1.0.0')).toBe('none');
  });
});
