import {
  HISTOGRAM_PRECISION,
  decodeHistogram,
  encodeHistogram,
  latencyBins,
  latencyStats,
  mergeHistograms,
  newHistogram,
  percentileMs,
  recordMs,
} from './histogram.js';

/** A deterministic spread of latencies (ms): mostly 5–30 ms, a tail to 400 ms. */
function latencies(n: number): number[] {
  let x = 12345;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const u = x / 2 ** 31;
    out.push(u < 0.97 ? 5 + u * 25 : 30 + (u - 0.97) * 12000);
  }
  return out;
}

test('percentiles are exact to the histogram precision (0.1%)', () => {
  const values = latencies(20_000);
  const h = newHistogram();
  for (const v of values) recordMs(h, v);
  const sorted = [...values].sort((a, b) => a - b);
  for (const p of [50, 90, 95, 99, 99.9]) {
    const exact = sorted[Math.ceil((p / 100) * sorted.length) - 1] as number;
    expect(Math.abs((percentileMs(h, p) as number) - exact) / exact).toBeLessThan(0.002);
  }
  expect(latencyStats(h)!.count).toBe(20_000);
});

test('shards merged give the same histogram as one run: identical percentiles', () => {
  const values = latencies(10_000);
  const whole = newHistogram();
  const shards = [newHistogram(), newHistogram(), newHistogram(), newHistogram()];
  values.forEach((v, i) => {
    recordMs(whole, v);
    recordMs(shards[i % 4]!, v);
  });
  // Through the results JSON encoding, as a merge job reads them.
  const merged = mergeHistograms(shards.map((s) => decodeHistogram(encodeHistogram(s))));
  expect(merged.totalCount).toBe(whole.totalCount);
  // Bucket counts add up exactly, so percentiles below the top are identical; the max (and a percentile
  // clamped to it) is known to the histogram's precision only once histograms are added.
  for (const p of [1, 50, 90, 95, 99]) expect(percentileMs(merged, p)).toBe(percentileMs(whole, p));
  for (const p of [99.9, 100]) {
    const a = percentileMs(merged, p) as number;
    const b = percentileMs(whole, p) as number;
    expect(Math.abs(a - b) / b).toBeLessThanOrEqual(HISTOGRAM_PRECISION);
  }
});

test('histogram bins cover every sample; no samples, no percentiles', () => {
  const h = newHistogram();
  for (const v of latencies(1000)) recordMs(h, v);
  const bins = latencyBins(h, 10);
  expect(bins).toHaveLength(10);
  expect(bins.reduce((a, b) => a + b.count, 0)).toBe(1000);
  expect(percentileMs(newHistogram(), 95)).toBeUndefined();
  expect(latencyStats(newHistogram())).toBeUndefined();
});
