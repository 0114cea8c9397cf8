import { InputError } from '../util/errors.js';
import { evaluateThresholds, parseThresholds, type MetricSource } from './thresholds.js';

test('parses the k6 syntax, one threshold per line, skipping blanks and comments', () => {
  const t = parseThresholds(
    'http_req_duration: p(95)<500\n\n# latency tail\nhttp_req_duration: p(99.9) <= 1000\nhttp_req_failed: rate<0.01\nhttp_reqs: rate>200\nchecks: "rate>0.99"\nhttp_req_duration: avg<200\nhttp_reqs: count>=10',
  );
  expect(t.map((x) => `${x.metric}: ${x.expression}`)).toEqual([
    'http_req_duration: p(95)<500',
    'http_req_duration: p(99.9)<=1000',
    'http_req_failed: rate<0.01',
    'http_reqs: rate>200',
    'checks: rate>0.99',
    'http_req_duration: avg<200',
    'http_reqs: count>=10',
  ]);
  expect(t[1]).toMatchObject({ percentile: 99.9, op: '<=', value: 1000, line: 4 });
});

test.each([
  ['http_req_latency: p(95)<500', 'unknown metric "http_req_latency"'],
  ['http_req_duration: p95<500', 'malformed expression'],
  ['http_req_duration p(95)<500', 'not of the form metric: expression'],
  ['http_req_duration: p(95)<', 'malformed expression'],
  ['http_req_failed: p(95)<0.1', 'is a rate: its aggregations are rate'],
  ['http_req_duration: rate<0.1', 'is a trend'],
  ['http_req_duration{status:200}: p(95)<500', 'tagged sub-metrics'],
  ['http_req_duration: p(101)<5', 'not between 0 and 100'],
])('refuses %p as bad input', (line, why) => {
  let err: unknown;
  try {
    parseThresholds(`http_req_failed: rate<0.01\n${line}`);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).input).toBe('thresholds');
  expect((err as Error).message).toContain(why);
  expect((err as Error).message).toContain(JSON.stringify(line));
  expect((err as Error).message).toContain('line 2');
});

const source = (samples: number, values: Record<string, number>): MetricSource => ({
  samples: () => samples,
  value: (_m, agg) => values[agg],
});

test('a metric with no samples, or fewer than min_requests, fails: never a pass on no data', () => {
  const [t] = parseThresholds('http_req_failed: rate<0.01');
  expect(evaluateThresholds([t!], source(0, { rate: 0 }), 1)[0]).toMatchObject({
    passed: false,
    reason: expect.stringContaining('no data'),
  });
  expect(evaluateThresholds([t!], source(99, { rate: 0 }), 100)[0]).toMatchObject({
    passed: false,
    reason: 'no data: 99 samples, fewer than min_requests 100',
  });
  expect(evaluateThresholds([t!], source(100, { rate: 0 }), 100)[0]).toMatchObject({ passed: true, measured: 0 });
});

test('operators compare the measured value', () => {
  const ts = parseThresholds(
    'http_req_duration: p(95)<500\nhttp_req_duration: p(95)>=500\nhttp_req_duration: p(95)!=500\nhttp_req_duration: p(95)==500',
  );
  const r = evaluateThresholds(ts, { samples: () => 10, value: () => 500 }, 1);
  expect(r.map((x) => x.passed)).toEqual([false, true, false, true]);
  expect(r[0]!.reason).toBe('p(95)=500ms breaks p(95)<500');
});
