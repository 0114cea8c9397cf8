import { emptyStatus, ensureRelease, recordStep, type StatusDocument } from '../status/index.js';
import { DEFAULT_HISTORY_LIMIT, parseStatusYaml, readStatusDocument, toBytes, toMs, toRate } from './model.js';

const STATUS = `
project: acme/widget
releases:
  - version: 1.3.0
    type: minor
    status: deployed
    created_at: 2026-11-20T10:00:00Z
    deployed_at: 2026-11-20T10:42:00Z
    quality_gates:
      load_test: {status: passed, p50_ms: 41, p95_ms: 120, p99_ms: 180, error_rate: 0.001, requests_per_second: 850}
      container_build: {status: passed, image_size: 48MB, budget: 60MB}
    deployment:
      environment: production
      strategy: blue-green
      status: succeeded
      started_at: 2026-11-20T10:30:00Z
      finished_at: 2026-11-20T10:42:00Z
      previous_version: 1.2.1
      timeline:
        - {at: 2026-11-20T10:30:00Z, state: green-started}
        - {at: 2026-11-20T10:35:00Z, status: switched, message: all traffic on green}
    registries:
      npm: {url: https://registry.npmjs.org/widget, version: 1.3.0, integrity: sha512-abc}
    extra_field: ignored
`;

describe('readStatusDocument', () => {
  test('reads releases with gates, deployment and registries', () => {
    const m = parseStatusYaml(STATUS);
    expect(m.project).toBe('acme/widget');
    expect(m.releases).toHaveLength(1);
    const [r] = m.releases;
    expect(r).toMatchObject({ version: '1.3.0', type: 'minor', status: 'deployed' });
    expect(r?.createdMs).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(r?.gates[0]).toMatchObject({
      name: 'load_test',
      status: 'passed',
      p50Ms: 41,
      p95Ms: 120,
      p99Ms: 180,
      errorRate: 0.001,
      requestsPerSecond: 850,
    });
    expect(r?.gates[1]).toMatchObject({ name: 'container_build', imageSizeBytes: 48e6, other: { budget: '60MB' } });
    expect(r?.deployment).toMatchObject({
      environment: 'production',
      strategy: 'blue-green',
      previousVersion: '1.2.1',
      timeline: [
        { at: '2026-11-20T10:30:00Z', state: 'green-started' },
        { at: '2026-11-20T10:35:00Z', state: 'switched', note: 'all traffic on green' },
      ],
    });
    expect(r?.registries).toEqual([
      { name: 'npm', url: 'https://registry.npmjs.org/widget', version: '1.3.0', digest: 'sha512-abc' },
    ]);
  });

  test('gates and registries as lists, nested latency, units, a rollback from the status word', () => {
    const m = readStatusDocument([
      {
        version: '2.0.0',
        quality_gates: [
          { name: 'load', status: 'failed', latency: { p50: '45ms', p95: '0.2s', p99: 300 }, http_req_failed: '0.5%' },
          { name: 'soak', measurements: { p95_latency_s: 1.5, p95_change_pct: 12, max_p95_ms: 500 } },
        ],
        deployment: { status: 'rolled-back' },
        registries: [{ name: 'ghcr', digest: 'sha256:1' }],
      },
    ]);
    const r = m.releases[0];
    expect(r?.gates[0]).toMatchObject({ name: 'load', p50Ms: 45, p95Ms: 200, p99Ms: 300, errorRate: 0.005 });
    expect(r?.gates[1]).toMatchObject({
      name: 'soak',
      p95Ms: 1500,
      other: { p95_change_pct: '12', max_p95_ms: '500' },
    });
    expect(r?.deployment?.rolledBack).toBe(true);
    expect(r?.registries[0]).toMatchObject({ name: 'ghcr', digest: 'sha256:1' });
  });

  test('a single release at the top level; missing fields stay undefined', () => {
    const m = readStatusDocument({ version: '0.1.0', unknown: { deep: [1, 2] } });
    expect(m.releases).toEqual([{ version: '0.1.0', gates: [], registries: [] } as never]);
    expect(m.releases[0]?.deployment).toBeUndefined();
    expect(m.releases[0]?.createdAt).toBeUndefined();
  });

  test('newest first by created_at when every release has one, else the file order', () => {
    const sorted = readStatusDocument({
      releases: [
        { version: '1.0.0', created_at: '2026-01-01T00:00:00Z' },
        { version: '1.1.0', created_at: '2026-02-01T00:00:00Z' },
      ],
    });
    expect(sorted.releases.map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
    const asIs = readStatusDocument({ releases: [{ version: 'b' }, { version: 'a', created_at: '2026-01-01' }] });
    expect(asIs.releases.map((r) => r.version)).toEqual(['b', 'a']);
  });

  test.each([null, 42, 'text', [], [1, 'x', null], { releases: 'no' }, { releases: [{ version: { a: 1 } }] }])(
    'never throws on %p',
    (doc) => {
      const m = readStatusDocument(doc);
      expect(Array.isArray(m.releases)).toBe(true);
    },
  );

  test('parseStatusYaml throws on a YAML syntax error only', () => {
    expect(() => parseStatusYaml('releases: [')).toThrow();
    expect(parseStatusYaml('').releases).toEqual([]);
  });
});

test('units', () => {
  expect([toMs('1.5s'), toMs('900us'), toMs(2, true), toMs('fast')]).toEqual([1500, 0.9, 2000, undefined]);
  expect([toRate(0.02), toRate('2%'), toRate(2), toRate('x')]).toEqual([0.02, 0.02, 0.02, undefined]);
  expect([toBytes('1.5 GiB'), toBytes('900kB'), toBytes(3, true), toBytes('big')]).toEqual([
    1.5 * 1024 ** 3,
    900_000,
    3e6,
    undefined,
  ]);
});

test('reads the status model of packages/shared/src/status as it writes it', () => {
  const doc: StatusDocument = emptyStatus();
  const old = ensureRelease(doc, '1.0.0', { type: 'minor', created_at: '2026-11-01T00:00:00Z' });
  old.status = 'deployed';
  const rec = ensureRelease(doc, '1.1.0', { type: 'minor', created_at: '2026-11-02T00:00:00Z' });
  rec.status = 'rolled-back';
  rec.quality_gates = {
    load_test: { status: 'passed', measurements: { p50_ms: 20, p95_ms: 95, p99_ms: 150, error_rate: 0.001, rps: 500 } },
    container_build: { status: 'no-data', measurements: { image_size_mb: 48 } },
  };
  rec.deployments = [
    { environment: 'production', status: 'succeeded', started_at: '2026-11-02T01:00:00Z' },
    {
      environment: 'production',
      strategy: 'canary',
      status: 'rolled-back',
      rolled_back: true,
      previous_version: '1.0.0',
      timeline: [{ at: '2026-11-02T01:10:00Z', state: 'rolled-back', detail: 'p95 over budget' }],
    },
  ];
  rec.registries = [
    { registry: 'npm', name: '@acme/widget', version: '1.1.0', digest_or_integrity: 'sha512-x', url: 'https://r/x' },
  ];
  recordStep(rec, '42', 'tag', 'done');
  const m = readStatusDocument(JSON.parse(JSON.stringify(doc)));
  expect(m.releases.map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
  const [r] = m.releases;
  expect(r?.gates[0]).toMatchObject({ name: 'load_test', p50Ms: 20, p95Ms: 95, p99Ms: 150, requestsPerSecond: 500 });
  expect(r?.gates[1]).toMatchObject({ name: 'container_build', status: 'no-data', imageSizeBytes: 48e6 });
  expect(r?.deployment).toMatchObject({
    strategy: 'canary',
    rolledBack: true,
    previousVersion: '1.0.0',
    timeline: [{ at: '2026-11-02T01:10:00Z', state: 'rolled-back', note: 'p95 over budget' }],
  });
  expect(r?.registries).toEqual([
    { name: 'npm · @acme/widget', url: 'https://r/x', version: '1.1.0', digest: 'sha512-x' },
  ]);
});

describe('history limit', () => {
  const entry = (i: number) => `  - version: "1.${i}.0"\n    status: deployed\n`;
  const text = (n: number, tail = '') =>
    `project: acme\nreleases:\n${Array.from({ length: n }, (_, i) => entry(n - i)).join('')}${tail}`;

  test('reads the newest 200 releases by default and counts the rest without parsing them', () => {
    const m = parseStatusYaml(text(250, '  - version: 0.0.1\n    status: [unclosed\n'));
    expect(m.releases).toHaveLength(DEFAULT_HISTORY_LIMIT);
    expect(m.releases[0]?.version).toBe('1.250.0');
    expect(m.omitted).toBe(51);
    expect(m.project).toBe('acme');
  });

  test('a limit; the same in a flow-style record; a short record omits nothing', () => {
    expect(parseStatusYaml(text(5), { limit: 2 }).releases.map((r) => r.version)).toEqual(['1.5.0', '1.4.0']);
    const flow = parseStatusYaml(JSON.stringify({ releases: [{ version: '2.0.0' }, { version: '1.0.0' }] }), {
      limit: 1,
    });
    expect(flow.releases.map((r) => r.version)).toEqual(['2.0.0']);
    expect(flow.omitted).toBe(1);
    expect(parseStatusYaml(text(3)).omitted).toBeUndefined();
  });

  test('an unquoted version keeps its text: 1.10 is not 1.1', () => {
    expect(parseStatusYaml('releases:\n  - version: 1.10\n').releases[0]?.version).toBe('1.10');
  });
});
