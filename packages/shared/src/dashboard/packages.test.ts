import { parseStatus } from '../status/index.js';
import { parseStatusYaml } from './model.js';
import { renderDashboard } from './render.js';

// A run of versioning: independent (two packages, one record), then an older single-package record.
const RECORD = `schema_version: 1
releases:
  - version: "1.1.0"
    status: released
    tag: "@nu/core@1.1.0"
    created_at: 2026-11-20T10:00:00Z
    quality_gates:
      load_test: { status: passed, p95_ms: 120 }
    packages:
      - name: "@nu/core"
        version: "1.1.0"
        tag: "@nu/core@1.1.0"
        previous_version: "1.0.0"
        release_url: https://github.com/acme/widget/releases/tag/core
      - name: "@nu/util"
        version: "1.0.1"
        tag: "@nu/util@1.0.1"
    registries:
      - { registry: npm, name: "@nu/core", version: "1.1.0", digest_or_integrity: sha512-core }
      - { registry: npm, name: "@nu/util", version: "1.0.1", digest_or_integrity: sha512-util }
  - version: "0.9.0"
    status: released
    created_at: 2026-11-01T10:00:00Z
`;

test('an independent run shows a row per package, each with its own version and registries; an older record one row', () => {
  const m = parseStatusYaml(RECORD);
  expect(m.releases.map((r) => [r.package, r.version, r.tag])).toEqual([
    ['@nu/core', '1.1.0', '@nu/core@1.1.0'],
    ['@nu/util', '1.0.1', '@nu/util@1.0.1'],
    [undefined, '0.9.0', undefined],
  ]);
  expect(m.releases[1]?.registries.map((r) => r.digest)).toEqual(['sha512-util']);
  const html = renderDashboard(m, { generatedAt: new Date('2026-11-24T12:00:00Z'), source: 'release-status.yaml' });
  expect(html).toContain('<a href="#release-@nu/util@1.0.1"><b>@nu/util 1.0.1</b></a>');
  expect(html).toContain('<details id="release-@nu/core@1.1.0"');
  expect(html).toContain('<b>0.9.0</b>');
  // The run's gates are shared by its packages: counted once, as the run is.
  expect(html).toContain('<span>releases</span><b>2</b>');
  expect(html).toContain('1/1 gate runs');
});

test("the record's packages are checked like any input: a bad version or tag stops the reader naming the entry", () => {
  const bad = RECORD.replace('version: "1.0.1"', 'version: "one"').replace('tag: "@nu/util@1.0.1"', 'tag: "a b"');
  const doc = parseStatus(bad);
  expect(() => doc.releases[0]?.packages).toThrow(
    /releases\[0\] \(version "1\.1\.0"\).*packages\[1\]\.version is "one", expected a semantic version; packages\[1\]\.tag is "a b", expected a git tag name/,
  );
  expect(parseStatus(RECORD).releases[0]?.packages?.map((p) => p.name)).toEqual(['@nu/core', '@nu/util']);
});
