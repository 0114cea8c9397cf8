/**
 * Thresholds in k6's syntax, one per line: `http_req_duration: p(95)<500`, `http_req_failed: rate<0.01`,
 * `http_reqs: rate>200`, `checks: rate>0.99`. Parsed before any load starts (a malformed expression or an
 * unknown metric is bad input), evaluated after over the measured metrics. A metric with no samples, or fewer
 * than `min_requests`, fails: never a pass on no data.
 */
import { InputError } from '../util/errors.js';

export type MetricType = 'trend' | 'rate' | 'counter';

/** The metrics a threshold may name, with their k6 type and what they measure. */
export const METRICS: Record<string, { type: MetricType; unit: string; description: string }> = {
  http_req_duration: { type: 'trend', unit: 'ms', description: 'request latency (send to last byte)' },
  http_req_failed: { type: 'rate', unit: '', description: 'share of requests that failed' },
  http_reqs: { type: 'counter', unit: 'req', description: 'requests made' },
  checks: { type: 'rate', unit: '', description: 'share of checks (expected status) that passed' },
  data_received: { type: 'counter', unit: 'B', description: 'bytes received' },
};

/** Aggregations k6 allows per metric type. */
const AGGREGATIONS: Record<MetricType, string> = {
  trend: 'avg, min, med, max, p(N)',
  rate: 'rate',
  counter: 'count, rate',
};

export type Operator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

export interface Threshold {
  metric: string;
  /** `p(95)`, `avg`, `rate`, … as written (normalised: no spaces). */
  aggregation: string;
  /** For p(N): N. */
  percentile?: number;
  op: Operator;
  value: number;
  /** `p(95)<500` */
  expression: string;
  /** 1-based line in the input. */
  line: number;
}

const LINE = /^([a-z_][a-z0-9_]*)(\{[^}]*\})?\s*:\s*(.+)$/;
const EXPR = /^(avg|min|med|max|count|rate|p\(\s*(\d+(?:\.\d+)?)\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)$/;

function bad(line: string, n: number, why: string): InputError {
  return new InputError(
    'thresholds',
    `Input "thresholds" has an invalid value ${JSON.stringify(line)} on line ${n}: ${why}; expected one ` +
      'threshold per line in k6 syntax, metric: aggregation operator number, e.g. http_req_duration: p(95)<500, ' +
      `http_req_failed: rate<0.01 (metrics: ${Object.keys(METRICS).join(', ')}).`,
  );
}

/** Parse the `thresholds` input; throws InputError on the first malformed line. Blank and `#` lines are skipped. */
export function parseThresholds(text: string): Threshold[] {
  const out: Threshold[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const m = LINE.exec(raw);
    if (!m) throw bad(raw, i + 1, 'not of the form metric: expression');
    const [, metric, tags, exprRaw] = m as unknown as [string, string, string | undefined, string];
    if (tags) throw bad(raw, i + 1, `tagged sub-metrics (${tags}) are not supported`);
    const spec = METRICS[metric];
    if (!spec) throw bad(raw, i + 1, `unknown metric "${metric}"`);
    const expr = exprRaw.trim().replace(/^["']|["']$/g, '');
    const e = EXPR.exec(expr);
    if (!e) throw bad(raw, i + 1, `malformed expression "${expr}"`);
    const [, aggRaw, pct, op, value] = e as unknown as [string, string, string | undefined, Operator, string];
    const aggregation = pct !== undefined ? `p(${Number(pct)})` : aggRaw;
    const kind = pct !== undefined ? 'p(N)' : aggRaw;
    if (!AGGREGATIONS[spec.type].split(', ').includes(kind)) {
      throw bad(raw, i + 1, `${metric} is a ${spec.type}: its aggregations are ${AGGREGATIONS[spec.type]}`);
    }
    if (pct !== undefined && (Number(pct) < 0 || Number(pct) > 100)) {
      throw bad(raw, i + 1, `percentile ${pct} is not between 0 and 100`);
    }
    out.push({
      metric,
      aggregation,
      percentile: pct !== undefined ? Number(pct) : undefined,
      op,
      value: Number(value),
      expression: `${aggregation}${op}${Number(value)}`,
      line: i + 1,
    });
  }
  return out;
}

/** What a threshold is evaluated against: per metric, how many samples it has and its aggregations. */
export interface MetricSource {
  samples(metric: string): number;
  /** The aggregation's value, or undefined when this source cannot give it. */
  value(metric: string, aggregation: string, percentile?: number): number | undefined;
}

export interface ThresholdResult {
  metric: string;
  expression: string;
  measured?: number;
  samples: number;
  passed: boolean;
  /** Why, in words: `p(95)=212.3ms < 500`, `no data: 0 samples`. */
  reason: string;
}

function compare(a: number, op: Operator, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
    case '===':
      return a === b;
    case '!=':
      return a !== b;
  }
}

export function formatMeasured(metric: string, aggregation: string, v: number): string {
  const unit = METRICS[metric]?.unit ?? '';
  if (METRICS[metric]?.type === 'rate' || (aggregation === 'rate' && metric !== 'http_reqs')) {
    return `${Number((v * 100).toFixed(3))}%`;
  }
  if (aggregation === 'rate') return `${Number(v.toFixed(1))}/s`;
  return `${Number(v.toFixed(unit === 'ms' ? 2 : 0))}${unit === 'ms' ? 'ms' : unit ? ` ${unit}` : ''}`;
}

/** Evaluate every threshold. `minSamples` is min_requests: fewer samples than that fails, whatever the value. */
export function evaluateThresholds(
  thresholds: Threshold[],
  source: MetricSource,
  minSamples: number,
): ThresholdResult[] {
  return thresholds.map((t) => {
    const samples = source.samples(t.metric);
    const base = { metric: t.metric, expression: t.expression, samples };
    if (samples === 0) return { ...base, passed: false, reason: `no data: ${t.metric} has no samples` };
    if (samples < minSamples) {
      return { ...base, passed: false, reason: `no data: ${samples} samples, fewer than min_requests ${minSamples}` };
    }
    const measured = source.value(t.metric, t.aggregation, t.percentile);
    if (measured === undefined || !Number.isFinite(measured)) {
      return { ...base, passed: false, reason: `no data: ${t.aggregation} of ${t.metric} was not measured` };
    }
    const passed = compare(measured, t.op, t.value);
    const shown = formatMeasured(t.metric, t.aggregation, measured);
    return {
      ...base,
      measured,
      passed,
      reason: `${t.aggregation}=${shown}${passed ? ' satisfies' : ' breaks'} ${t.expression}`,
    };
  });
}
