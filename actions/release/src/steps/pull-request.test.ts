/** The release PR's CHANGELOG.md change and body, from a plan: placement, links, escaping, refusals. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReleasePlan } from '../types.js';
import { changelogChange, releasePrBody } from './pull-request.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-pr-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = (over: Partial<ReleasePlan> = {}): ReleasePlan => ({
  version: '1.1.0',
  previousVersion: '1.0.0',
  tag: 'v1.1.0',
  commitMessage: 'chore(release): v1.1.0',
  prerelease: false,
  backport: false,
  bump: 'minor',
  files: [],
  npm: [{ name: '@acme/lib', dir: '', distTag: 'latest', provenance: false, auth: 'token' }],
  npmSkipped: [],
  docker: [],
  makeLatest: true,
  testCommand: 'npm test',
  buildCommand: '',
  resumed: false,
  notesBody:
    '## [1.1.0] - 2026-12-05\n\n### Added\n\n- a thing\n\n[1.1.0]: https://github.com/acme/lib/compare/v1.0.0...v1.1.0',
  ...over,
});

test('CHANGELOG.md: the section goes above the previous one, its link joins the link block, newest first', () => {
  const before =
    '# Changelog\n\n## [1.0.0] - 2026-01-01\n\n- first\n\n[1.0.0]: https://github.com/acme/lib/releases/tag/v1.0.0\n';
  writeFileSync(join(dir, 'CHANGELOG.md'), before);
  const c = changelogChange(dir, plan(), '2026-12-05');
  expect(c).toMatchObject({ path: 'CHANGELOG.md', before, edits: ['section 1.1.0'] });
  expect(c.after.indexOf('## [1.1.0]')).toBeLessThan(c.after.indexOf('## [1.0.0]'));
  expect(c.after).toMatch(
    /\[1\.1\.0\]: https:\/\/github\.com\/acme\/lib\/compare\/v1\.0\.0\.\.\.v1\.1\.0\n\[1\.0\.0\]: /,
  );
  // Again with the same plan (a re-run): the section is replaced, not added twice.
  writeFileSync(join(dir, 'CHANGELOG.md'), c.after);
  expect(changelogChange(dir, plan(), '2026-12-05').after).toBe(c.after);
});

test('CHANGELOG.md: created when missing; notes without a heading get one', () => {
  const c = changelogChange(dir, plan({ notesBody: 'Hand-written notes.' }), '2026-12-05');
  expect(c.before).toBe('');
  expect(c.edits).toEqual(['created, section 1.1.0']);
  expect(c.after).toMatch(/^# Changelog\n/);
  expect(c.after).toContain('## 1.1.0 - 2026-12-05\n\nHand-written notes.');
});

test('CHANGELOG.md in UTF-16 is refused, naming the file and what to do', () => {
  writeFileSync(join(dir, 'CHANGELOG.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# C\n', 'utf16le')]));
  expect(() => changelogChange(dir, plan(), '2026-12-05')).toThrow(
    /CHANGELOG\.md is UTF-16.*convert CHANGELOG\.md to UTF-8/,
  );
});

test('the body: the notes, the plan; text from files and edits cannot break the table or add markup', () => {
  const body = releasePrBody(
    plan(),
    [{ path: 'a|b`c.json', before: '', after: '', edits: ['version <b>1.0.0</b> | x → 1.1.0'] }],
    'main',
  );
  for (const part of [
    'releases **v1.1.0** from `main`',
    '`@acme/lib` published to npm',
    '### Added\n\n- a thing',
    "| `a\\|b'c.json` | version &lt;b&gt;1.0.0&lt;/b&gt; \\| x → 1.1.0 |",
    '| version | 1.0.0 → 1.1.0 (minor) |',
  ])
    expect(body).toContain(part);
});

test('the body of an independent release: a row per package (previous → next, tag), escaped, above the notes', () => {
  const pkg = (name: string, previousVersion: string | undefined, version: string) => ({
    name,
    dir: `packages/${name}`,
    version,
    ...(previousVersion ? { previousVersion } : {}),
    tag: `${name}@${version}`,
    bump: 'patch',
    private: false,
    prerelease: false,
    backport: false,
    reasons: [],
    notesBody: '',
  });
  const body = releasePrBody(
    plan({
      tag: 'core@1.0.1',
      notesBody: '## core@1.0.1\n\n- a fix',
      packages: [pkg('core', '1.0.0', '1.0.1'), pkg('we<b>|rd', undefined, '0.1.0')],
    }),
    [],
    'main',
  );
  expect(body).toContain('releases 2 packages from `main`');
  expect(body).toContain('| core | 1.0.0 → 1.0.1 (patch) | core@1.0.1 |');
  expect(body).toContain('| we&lt;b&gt;\\|rd | (none) → 0.1.0 (patch) | we&lt;b&gt;\\|rd@0.1.0 |');
  expect(body.indexOf('| core |')).toBeLessThan(body.indexOf('- a fix'));
  expect(body).not.toMatch(/^\| version \|/m);
});
