/** The gates' verdicts and key measurements as the release status record keeps them (`quality_gates`). */
import type { GateRecord, StatusStore } from '../status/index.js';
import { ensureRelease } from '../status/index.js';
import type { GatesReport } from './gates.js';
import { requestsPerSecond } from './results.js';

const round = (n: number | undefined, d = 2) =>
  n === undefined || !Number.isFinite(n) ? undefined : Number(n.toFixed(d));

export function gateRecords(r: GatesReport, at = new Date().toISOString()): Record<string, GateRecord> {
  const out: Record<string, GateRecord> = {};
  const load = r.load;
  const loadMeasurements: Record<string, number | string> = {};
  if (load) {
    const s = load.latencyStats;
    const m: Record<string, number | undefined> = {
      requests: load.requests,
      rps: round(requestsPerSecond(load), 1),
      error_rate: load.requests ? round(load.failed / load.requests, 4) : undefined,
      p50_ms: round(s?.med),
      p95_ms: round(s?.p95),
      p99_ms: round(s?.p99),
    };
    for (const [k, v] of Object.entries(m)) if (v !== undefined) loadMeasurements[k] = v;
  }
  for (const v of r.verdicts) {
    if (v.passed === undefined) continue;
    const status: GateRecord['status'] = v.passed
      ? 'passed'
      : r.noData && v.gate !== 'container-build'
        ? 'no-data'
        : 'failed';
    const measurements: Record<string, number | string> =
      v.gate === 'container-build'
        ? r.container
          ? {
              image_id: r.container.imageId,
              image_size_mb: Number(r.container.sizeMb.toFixed(2)),
              layers: r.container.layers,
            }
          : {}
        : v.gate === 'performance-profiling' && r.regression
          ? {
              ...loadMeasurements,
              ...(r.regression.p95DeltaPct !== undefined
                ? { p95_delta_pct: round(r.regression.p95DeltaPct, 1) as number }
                : {}),
              ...(r.regression.rpsDeltaPct !== undefined
                ? { rps_delta_pct: round(r.regression.rpsDeltaPct, 1) as number }
                : {}),
            }
          : loadMeasurements;
    out[v.gate] = { status, measurements, at, reason: v.reason };
  }
  return out;
}

/** Write the verdicts into the release's record (created as `planned` when missing). */
export async function recordGates(store: StatusStore, version: string, r: GatesReport): Promise<void> {
  const records = gateRecords(r);
  await store.update(
    (doc) => {
      const rel = ensureRelease(doc, version);
      rel.quality_gates = { ...rel.quality_gates, ...records };
    },
    `quality-gates: ${version}: ${r.passed ? 'passed' : 'failed'}`,
  );
}
