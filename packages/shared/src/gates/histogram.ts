/**
 * Latency histograms: HDR histograms (hdr-histogram-js) of microseconds, 3 significant digits, so any percentile
 * (p(95), p(99.9)) is exact to within 0.1% of the value whatever the number of samples, and two histograms add
 * up exactly (the merge of shards). Encoded as HdrHistogram's compressed base64 in the results JSON.
 */
import hdr from 'hdr-histogram-js';

type Histogram = ReturnType<typeof hdr.build>;
export type { Histogram };

/** Relative precision of a recorded value (3 significant digits). */
export const HISTOGRAM_PRECISION = 0.001;

export function newHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Record a latency in milliseconds (kept as whole microseconds, at least 1). */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(text: string): Histogram {
  const decoded = hdr.decodeFromCompressedBase64(text, 32, false);
  // A decoded histogram has a fixed range; copy into an auto-resizing one so later merges never overflow.
  const h = newHistogram();
  h.add(decoded);
  return h;
}

/** A histogram that is the sum of the given ones (exact: counts per bucket add up). */
export function mergeHistograms(parts: Histogram[]): Histogram {
  const h = newHistogram();
  for (const p of parts) if (p.totalCount > 0) h.add(p);
  return h;
}

/** The value at a percentile (0–100), in milliseconds; undefined with no samples. */
export function percentileMs(h: Histogram, p: number): number | undefined {
  if (h.totalCount === 0) return undefined;
  // A bucket's highest equivalent value can exceed the largest value recorded: never report above the max.
  return Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000;
}

export interface LatencyStats {
  count: number;
  min: number;
  max: number;
  avg: number;
  med: number;
  p90: number;
  p95: number;
  p99: number;
  p99_9: number;
}

export function latencyStats(h: Histogram): LatencyStats | undefined {
  if (h.totalCount === 0) return undefined;
  const at = (p: number) => Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000;
  return {
    count: h.totalCount,
    min: h.minNonZeroValue / 1000,
    max: h.maxValue / 1000,
    avg: h.mean / 1000,
    med: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p99_9: at(99.9),
  };
}

interface IterationValue {
  valueIteratedTo: number;
  countAtValueIteratedTo: number;
}
interface ValuesIterator {
  reset(): void;
  hasNext(): boolean;
  next(): IterationValue;
}

/** Every distinct recorded value (µs, at histogram precision) with its count, lowest first. */
export function recordedValues(h: Histogram): { us: number; count: number }[] {
  const it = (h as unknown as { recordedValuesIterator?: ValuesIterator }).recordedValuesIterator;
  if (!it) throw new Error('histogram does not expose its recorded values');
  it.reset();
  const out: { us: number; count: number }[] = [];
  while (it.hasNext()) {
    const v = it.next();
    out.push({ us: v.valueIteratedTo, count: v.countAtValueIteratedTo });
  }
  return out;
}

export interface Bin {
  /** Lower and upper bound of the bin, in ms. */
  from: number;
  to: number;
  count: number;
}

/**
 * The distribution as `bins` equal-width bins from the lowest value to p(99.9) (the long tail beyond is folded
 * into the last bin, so one outlier does not flatten the chart).
 */
export function latencyBins(h: Histogram, bins = 12): Bin[] {
  if (h.totalCount === 0) return [];
  const lo = h.minNonZeroValue / 1000;
  const hi = Math.max(Math.min(h.getValueAtPercentile(99.9), h.maxValue) / 1000, lo + 0.001);
  const width = (hi - lo) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
  }));
  for (const { us, count } of recordedValues(h)) {
    const ms = us / 1000;
    const i = Math.min(bins - 1, Math.max(0, Math.floor((ms - lo) / width)));
    (out[i] as Bin).count += count;
  }
  return out;
}
