import { emptyStatus, ensureRelease, findRelease, lastGoodVersion, recordStep } from './model.js';
import { isSemver, releaseProblems } from './validate.js';
import { StatusRecordError } from './validate.js';
import { parseStatus, stringifyStatus } from './yaml.js';

const SRC = 'release-status.yaml on branch release-status';
const entry = (v: string, env = 'production', status = 'succeeded') =>
  `  - version: ${v}\n    status: deployed\n    created_at: 2026-11-01T00:00:00Z\n    deployments:\n      - { environment: ${env}, status: ${status}, active_slot: blue }\n`;
const record = (...entries: string[]) => `schema_version: 1\nreleases:\n${entries.join('')}`;

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('versions are strings', () => {
  test('an unquoted 1.10 reads back as "1.10", never 1.1 (block and flow layouts)', () => {
    for (const text of [
      record('  - version: 1.10\n    status: deployed\n'),
      'releases: [{ version: 1.10, status: deployed }]\n',
    ]) {
      const e = thrown(() => parseStatus(text, { source: SRC }).releases[0]?.status);
      expect(e).toBeInstanceOf(StatusRecordError);
      expect(e.message).toContain('"1.10"');
      expect(e.message).not.toContain('"1.1"');
    }
    const doc = parseStatus(
      record('  - version: 2.0.0\n    deployment: { environment: prod, status: failed, previous_version: 1.10.0 }\n'),
    );
    expect(doc.releases[0]?.deployment?.previous_version).toBe('1.10.0');
  });

  test('every version is written double-quoted, also in entries passed through untouched', () => {
    const doc = parseStatus(record(entry('1.1.0'), entry('1.0.0')));
    ensureRelease(doc, '1.2.0', { previous_version: '1.1.0' } as never);
    expect(doc.releases[1]?.version).toBe('1.1.0');
    const out = stringifyStatus(doc);
    expect(out).toContain('- version: "1.2.0"');
    expect(out).toContain('previous_version: "1.1.0"');
    expect(out).toContain('  - version: "1.1.0"\n');
    expect(out).toContain('  - version: "1.0.0"\n');
    const back = parseStatus(out);
    expect(back.releases.map((r) => r.version)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    expect(back.releases[2]?.deployments?.[0]?.environment).toBe('production');
  });
});

describe('wrong shapes give a clear error naming the record and the entry', () => {
  test.each([
    ['releases: [null]\n', 'releases[0] is null, not a release'],
    [record('  - null\n'), 'releases[0] is null, not a release'],
    [record('  - [1, 2]\n'), 'releases[0] is a list, not a release'],
    [record(entry('1.0.0'), '  - status: deployed\n'), 'releases[1] has no version'],
    [record('  - version: 1.0.0\n    deployments: 3\n'), 'deployments is a number, expected a list'],
  ])('%j', (text, message) => {
    const e = thrown(() => {
      const doc = parseStatus(text, { source: SRC });
      for (const r of doc.releases) void r.status;
    });
    expect(e).toBeInstanceOf(StatusRecordError);
    expect(e.message).toContain(SRC);
    expect(e.message).toContain(message);
    expect(e.message).not.toMatch(/Cannot read properties/);
  });

  test('releases that is not a list', () => {
    const e = thrown(() => parseStatus('releases: 5\n', { source: SRC }));
    expect(e.message).toBe(
      `${SRC}: releases is not a list; expected a list of releases, newest first. Fix or remove that entry on the record's branch (or file); it was not used and nothing was overwritten.`,
    );
  });

  test.each([
    ['environment', entry('1.0.0', '"prod\\n::add-mask::x"'), 'deployments[0].environment'],
    ['state', entry('1.0.0', 'production', 'owned'), 'deployments[0].status'],
    ['slot', entry('1.0.0').replace('active_slot: blue', 'active_slot: purple'), 'deployments[0].active_slot'],
    ['url', `  - version: 1.0.0\n    release_url: "javascript:alert(1)"\n`, 'release_url'],
    ['gate name', `  - version: 1.0.0\n    quality_gates:\n      "a\\nb": { status: passed }\n`, 'quality gate name'],
  ])('a bad %s is refused', (_what, e, field) => {
    const err = thrown(() => parseStatus(record(e), { source: SRC }).releases[0]?.status);
    expect(err.message).toContain(`${SRC}: releases[0] (version "1.0.0")`);
    expect(err.message).toContain(field);
    expect(err.message.split('\n')).toHaveLength(1);
  });

  test('a hostile version is named escaped and shortened, never raw', () => {
    const hostile = '0.0.1\n::error title=INJECTED::owned\n::add-mask::production';
    const text = record(
      `  - version: ${JSON.stringify(hostile)}\n    deployments: [{ environment: production, status: succeeded }]\n`,
    );
    const e = thrown(() => lastGoodVersion(parseStatus(text, { source: SRC }), 'production'));
    expect(e).toBeInstanceOf(StatusRecordError);
    expect(e.message).toMatch(
      /^release-status\.yaml on branch release-status: releases\[0\] \(version "0\.0\.1\\n::error/,
    );
    expect(e.message.split(/\r|\n/)).toHaveLength(1);
  });
});

describe('only what is needed is read', () => {
  // Entries after the needed ones are broken YAML: reading them would throw.
  const broken = '  - version: 9.9.9\n    status: [unclosed\n';

  test('the rollback finds the last good version without reading older entries', () => {
    const doc = parseStatus(record(entry('1.2.0', 'production', 'failed'), entry('1.1.0'), broken, broken));
    expect(lastGoodVersion(doc, 'production', '1.2.0')).toBe('1.1.0');
    expect(findRelease(doc, '1.1.0')?.deployments?.[0]?.status).toBe('succeeded');
  });

  test('an entry is found by version without parsing the others; untouched ones are written back byte for byte', () => {
    const old =
      '  - version: "0.1.0" # the first\n    status: deployed\n    notes: |\n      - not an entry\n      kept\n';
    const doc = parseStatus(record(entry('1.1.0'), broken, old));
    const rec = ensureRelease(doc, '1.1.0');
    rec.status = 'rolled-back';
    const out = stringifyStatus(doc);
    expect(out).toContain(broken.replace('9.9.9', '"9.9.9"'));
    expect(out).toContain(old);
    expect(out).toContain('status: rolled-back');
    const e = thrown(() => parseStatus(out, { source: SRC }).releases[1]?.status);
    expect(e.message).toContain('releases[1] (version "9.9.9") is not valid YAML');
  });

  test('the entries of a record with the list at column 0 and comments are found too', () => {
    const text = `# hand-edited\nproject: acme\nreleases:\n# newest first\n- version: 1.1.0\n  status: deployed\n\n- version: 1.0.0\n  status: released\nowner: me\n`;
    const doc = parseStatus(text);
    expect(doc.releases.map((r) => [r.version, r.status])).toEqual([
      ['1.1.0', 'deployed'],
      ['1.0.0', 'released'],
    ]);
    expect(doc.owner).toBe('me');
    const back = parseStatus(stringifyStatus(doc));
    expect(back.releases.map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
    expect(back.project).toBe('acme');
  });

  test('an empty record writes an empty list', () => {
    expect(parseStatus(stringifyStatus(emptyStatus())).releases).toEqual([]);
  });
});

test('what the stages write reads back valid (release claim, unverified publish, gates, deploy, rollback)', () => {
  let text = stringifyStatus(emptyStatus());
  const step = (fn: (doc: ReturnType<typeof parseStatus>) => void) => {
    const doc = parseStatus(text, { source: SRC });
    fn(doc);
    text = stringifyStatus(doc);
  };
  step((doc) => {
    const rec = ensureRelease(doc, '1.0.0-rc.1+build.5', { created_at: '2026-12-01T00:00:00Z' });
    Object.assign(rec, { run_id: '7', type: 'prerelease', tag: 'v1.0.0-rc.1+build.5', status: 'releasing' });
    rec.previous_version = '0.9.0';
    recordStep(rec, '7', 'tag', 'done', { attempt: 1 });
  });
  step((doc) => {
    const rec = ensureRelease(doc, '1.0.0-rc.1+build.5');
    rec.status = 'published-unverified';
    rec.release_url = 'https://github.example/acme/widget/releases/tag/v1.0.0-rc.1';
    rec.quality_gates = { 'load-testing': { status: 'passed', measurements: { p95_ms: 12 }, reason: 'ok' } };
    rec.registries = [
      { registry: 'npm', name: '@acme/widget', version: '1.0.0-rc.1+build.5', url: 'http://127.0.0.1:4873/' },
      {
        registry: 'docker',
        name: 'acme/widget',
        version: '1.0.0-rc.1+build.5',
        url: '127.0.0.1:5000/acme/widget:1.0.0-rc.1',
      },
    ];
  });
  step((doc) => {
    const rec = ensureRelease(doc, '1.0.0-rc.1+build.5');
    rec.deployments = [
      {
        environment: 'production',
        status: 'succeeded',
        strategy: 'blue-green',
        active_slot: 'green',
        previous_version: '0.9.0',
      },
      { environment: 'staging.eu-1', status: 'rolled-back', rollback_of: '0.9.0' },
    ];
    rec.deployment = rec.deployments[0];
    rec.status = 'deployed';
  });
  const doc = parseStatus(text, { source: SRC });
  expect(doc.releases.map((r) => releaseProblems({ ...r }))).toEqual([[]]);
  expect(text).toContain('version: "1.0.0-rc.1+build.5"');
  expect(lastGoodVersion(doc, 'production')).toBe('1.0.0-rc.1+build.5');
});

test('isSemver: the full grammar, build metadata included, nothing around it', () => {
  for (const v of ['1.4.0', '0.0.1', '2.0.0-rc.1', '1.0.0-rc.1+build.5', '1.0.0+20261205.sha-abc'])
    expect(isSemver(v)).toBe(true);
  for (const v of ['1.10', 'v1.0.0', ' 1.0.0', '1.0.0+', '1.0.0+a..b', '01.0.0', '1.0.0\n::x', '=1.0.0', 1.1, null])
    expect(isSemver(v)).toBe(false);
});
