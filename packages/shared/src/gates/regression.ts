/**
 * Performance regression against a stored baseline (a previous run's results JSON): the gate fails when p95
 * latency grows, or throughput drops, by more than `max_regression_pct`. With no baseline, the current run is
 * recorded as the baseline, and the summary says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StageError } from '../util/errors.js';
import { requestsPerSecond, type LoadResults } from './results.js';

export interface RegressionResult {
  baselinePath: string;
  /** No baseline existed: this run was written there. */
  recorded: boolean;
  baseline?: { p95: number; rps: number; startedAt: string };
  current: { p95?: number; rps: number };
  /** Growth of p95 in percent (positive = slower). */
  p95DeltaPct?: number;
  /** Change of throughput in percent (negative = fewer requests/s). */
  rpsDeltaPct?: number;
  maxRegressionPct: number;
  passed: boolean;
  reasons: string[];
}

/** The load results in a baseline file: a results JSON as this action writes it, or bare load results. */
export function readBaseline(path: string): LoadResults | undefined {
  if (!existsSync(path)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new StageError(
      `performance-profiling: the baseline ${path} is not JSON: ${e instanceof Error ? e.message : e}`,
    );
  }
  const load = (doc as { load?: unknown }).load ?? doc;
  if (typeof load !== 'object' || load === null || typeof (load as LoadResults).requests !== 'number') {
    throw new StageError(`performance-profiling: the baseline ${path} holds no load results`);
  }
  return load as LoadResults;
}

const pct = (now: number, before: number) =>
  before === 0 ? (now === 0 ? 0 : Infinity) : ((now - before) / before) * 100;

export function compareToBaseline(
  current: LoadResults,
  baseline: LoadResults | undefined,
  baselinePath: string,
  maxRegressionPct: number,
): RegressionResult {
  const cur = { p95: current.latencyStats?.p95, rps: requestsPerSecond(current) };
  const base = { baselinePath, current: cur, maxRegressionPct, recorded: false };
  if (cur.p95 === undefined || current.responses === 0) {
    return { ...base, passed: false, reasons: ['no data: this run measured no latency to compare'] };
  }
  if (!baseline) {
    return { ...base, passed: true, reasons: [] };
  }
  const bp95 = baseline.latencyStats?.p95;
  if (bp95 === undefined) {
    return { ...base, passed: false, reasons: [`the baseline ${baselinePath} has no latency data to compare with`] };
  }
  const b = { p95: bp95, rps: requestsPerSecond(baseline), startedAt: baseline.startedAt };
  const p95DeltaPct = pct(cur.p95, b.p95);
  const rpsDeltaPct = pct(cur.rps, b.rps);
  const reasons: string[] = [];
  if (p95DeltaPct > maxRegressionPct) {
    reasons.push(
      `p95 grew ${p95DeltaPct.toFixed(1)}% (${b.p95.toFixed(2)}ms → ${cur.p95.toFixed(2)}ms), more than max_regression_pct ${maxRegressionPct}%`,
    );
  }
  if (-rpsDeltaPct > maxRegressionPct) {
    reasons.push(
      `throughput dropped ${(-rpsDeltaPct).toFixed(1)}% (${b.rps.toFixed(1)}/s → ${cur.rps.toFixed(1)}/s), more than max_regression_pct ${maxRegressionPct}%`,
    );
  }
  return { ...base, baseline: b, p95DeltaPct, rpsDeltaPct, passed: reasons.length === 0, reasons };
}

/** Write a results document as the new baseline. */
export function recordBaseline(path: string, doc: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}
