import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { updateChangelogFile, upsertSection } from './file.js';

const EXISTING = `# Changelog

Intro text.

## [Unreleased]

- work in progress

## [1.0.0] - 2024-01-01

### Added

- first

[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD
[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0
`;

const update = (section = '## [1.1.0] - 2024-02-01\n\n### Fixed\n\n- bug') => ({
  version: '1.1.0',
  section,
  link: { label: '1.1.0', url: 'https://github.com/o/r/compare/v1.0.0...v1.1.0' },
  newTag: 'v1.1.0',
});

describe('upsertSection', () => {
  it('goes after Unreleased, keeps links ordered and moves [unreleased]', () => {
    const out = upsertSection(EXISTING, update());
    expect(out).toBe(`# Changelog

Intro text.

## [Unreleased]

- work in progress

## [1.1.0] - 2024-02-01

### Fixed

- bug

## [1.0.0] - 2024-01-01

### Added

- first

[unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0
`);
    // Re-running for the same version replaces the section.
    const again = upsertSection(out, update('## [1.1.0] - 2024-02-02\n\n### Fixed\n\n- bug, better'));
    expect(again.match(/## \[1\.1\.0\]/g)).toHaveLength(1);
    expect(again).toContain('- bug, better\n\n## [1.0.0]');
    expect(again.match(/^\[1\.1\.0\]:/gm)).toHaveLength(1);
  });

  it('starts an empty file and a file with a title only', () => {
    expect(upsertSection('', update())).toMatch(/^## \[1\.1\.0\][\s\S]*\n\n\[1\.1\.0\]: /);
    expect(upsertSection('# Changelog\n', update())).toMatch(/^# Changelog\n\n## \[1\.1\.0\]/);
  });
});

describe('updateChangelogFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-changelog-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('preserves CRLF line endings and a UTF-8 BOM', async () => {
    const p = join(dir, 'crlf.md');
    writeFileSync(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EXISTING.replace(/\n/g, '\r\n'))]));
    await updateChangelogFile(p, [update()]);
    const buf = readFileSync(p);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text).toContain('## [1.1.0] - 2024-02-01\r\n\r\n### Fixed\r\n\r\n- bug\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('preserves UTF-16LE', async () => {
    const p = join(dir, 'utf16.md');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Changelog — ü\n', 'utf16le')]));
    await updateChangelogFile(p, [update()]);
    const buf = readFileSync(p);
    expect([...buf.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(buf.subarray(2).toString('utf16le')).toMatch(/^# Changelog — ü\n\n## \[1\.1\.0\]/);
  });

  it('creates the file with a keep-a-changelog preamble', async () => {
    const p = join(dir, 'new.md');
    expect((await updateChangelogFile(p, [update()])).created).toBe(true);
    expect(readFileSync(p, 'utf8')).toMatch(/^# Changelog\n\nAll notable changes[\s\S]*## \[1\.1\.0\]/);
  });
});
