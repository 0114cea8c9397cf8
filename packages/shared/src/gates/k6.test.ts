import { k6ReleaseUrl, parseK6Summary } from './k6.js';
import { k6Metrics, type LoadResults } from './results.js';

test('reads handleSummary data and the legacy --summary-export format alike', () => {
  const handle = parseK6Summary({
    metrics: {
      http_req_duration: { type: 'trend', values: { avg: 12, 'p(95)': 30 }, thresholds: { 'p(95)<500': { ok: true } } },
      http_req_failed: {
        type: 'rate',
        values: { rate: 0.02, passes: 2, fails: 98 },
        thresholds: { 'rate<0.01': { ok: false } },
      },
      http_reqs: { type: 'counter', values: { count: 100, rate: 50 } },
    },
  });
  expect(handle.http_req_failed!.thresholds).toEqual({ 'rate<0.01': false });
  const legacy = parseK6Summary({
    metrics: {
      http_req_duration: { avg: 12, 'p(95)': 30, thresholds: { 'p(95)<500': false } },
      http_reqs: { count: 100, rate: 50 },
    },
  });
  expect(legacy.http_req_duration).toEqual({
    type: undefined,
    values: { avg: 12, 'p(95)': 30 },
    thresholds: { 'p(95)<500': true },
  });
  const src = k6Metrics({ engine: 'k6', k6: { exitCode: 0, thresholdsFailed: false, metrics: handle } } as LoadResults);
  expect(src.samples('http_req_duration')).toBe(100);
  expect(src.samples('http_req_failed')).toBe(100);
  expect(src.value('http_req_duration', 'p(95)', 95)).toBe(30);
  expect(src.samples('checks')).toBe(0);
});

test('release archive per platform', () => {
  expect(k6ReleaseUrl('1.3.0', 'linux', 'x64')).toBe(
    'https://github.com/grafana/k6/releases/download/v1.3.0/k6-v1.3.0-linux-amd64.tar.gz',
  );
  expect(k6ReleaseUrl('1.3.0', 'darwin', 'arm64')).toMatch(/k6-v1.3.0-macos-arm64\.zip$/);
});
