import { compareToBaseline } from './regression.js';
import { emptyResults, type LoadResults } from './results.js';

const run = (p95: number, requests: number): LoadResults => ({
  ...emptyResults(
    'builtin',
    { name: 'custom', connections: 1, rate: 0, durationMs: 10_000, rampMs: 0 },
    '2025-01-01T00:00:00.000Z',
  ),
  wallMs: 10_000,
  requests,
  responses: requests,
  checks: { passes: requests, fails: 0 },
  latencyStats: { count: requests, min: 1, max: p95, avg: p95, med: p95, p90: p95, p95, p99: p95, p99_9: p95 },
});

test('p95 growth or throughput drop beyond max_regression_pct fails; within passes', () => {
  expect(compareToBaseline(run(105, 1000), run(100, 1000), 'b.json', 10)).toMatchObject({
    passed: true,
    p95DeltaPct: 5,
  });
  const slower = compareToBaseline(run(125, 1000), run(100, 1000), 'b.json', 10);
  expect(slower.passed).toBe(false);
  expect(slower.reasons[0]).toContain('p95 grew 25.0%');
  const fewer = compareToBaseline(run(100, 800), run(100, 1000), 'b.json', 10);
  expect(fewer.passed).toBe(false);
  expect(fewer.reasons[0]).toContain('throughput dropped 20.0%');
});

test('no baseline passes (to be recorded); no data never passes', () => {
  expect(compareToBaseline(run(100, 1000), undefined, 'b.json', 10)).toMatchObject({ passed: true, recorded: false });
  const empty = { ...run(100, 0), latencyStats: undefined };
  expect(compareToBaseline(empty, run(100, 1000), 'b.json', 10)).toMatchObject({ passed: false });
});
