/**
 * The job summary of the quality gates: verdicts, the thresholds table (metric, expression, measured,
 * verdict), latency percentiles, a latency-over-time chart and a latency histogram (mermaid xychart-beta),
 * regression deltas against the baseline, the image's size.
 */
import { xyChart, type Summary } from '../action/summary.js';
import { formatDuration } from '../util/duration.js';
import { decodeHistogram, latencyBins, percentileMs } from './histogram.js';
import type { GatesReport } from './gates.js';
import { requestsPerSecond } from './results.js';
import { formatMeasured } from './thresholds.js';

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(2)} ms`);
const pct = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? 'n/a' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
const verdict = (p: boolean | undefined) => (p === undefined ? '⏳ deferred' : p ? '✅ pass' : '❌ fail');

function short(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function renderGatesSummary(r: GatesReport, s: Summary): void {
  const title =
    r.mode === 'shard'
      ? `Quality gates (shard ${r.load?.shard ? `${r.load.shard.index}/${r.load.shard.count}` : ''}): ${r.verdicts.some((v) => v.passed === false) ? '❌ failed' : 'measured, verdict in the merge job'}`
      : `Quality gates: ${r.passed ? '✅ passed' : '❌ failed'}`;
  s.heading(title);
  s.table(
    ['gate', 'verdict', 'why'],
    r.verdicts.map((v) => [v.gate, verdict(v.passed), v.reason]),
  );

  const load = r.load;
  if (load) {
    s.heading('Load', 3);
    const lines: string[] = [];
    if (r.profileDescription) lines.push(`Profile ${r.profileDescription}.`);
    if (load.mergedFrom) lines.push(`Merged from ${load.mergedFrom.length} shards.`);
    if (r.k6) lines.push(`Engine k6 (${r.k6.source}${r.k6.version ? `, ${r.k6.version}` : ''}).`);
    if (load.target) lines.push(`Target \`${load.target}\`.`);
    lines.push(
      `${load.requests} requests in ${formatDuration(load.wallMs)} (${requestsPerSecond(load).toFixed(1)}/s), ` +
        `${load.failed} failed: ${load.unexpectedStatus} unexpected status, ${load.socketErrors} socket errors, ${load.timeouts} timeouts.`,
    );
    const codes = Object.entries(load.statusCodes)
      .map(([c, n]) => `${c}×${n}`)
      .join(', ');
    if (codes) lines.push(`Statuses: ${codes}.`);
    const kinds = Object.entries(load.errorKinds)
      .map(([c, n]) => `${c}×${n}`)
      .join(', ');
    if (kinds) lines.push(`Errors: ${kinds}.`);
    if (r.noData) lines.push(`**${r.noData}** — a gate never passes on no data.`);
    s.paragraph(lines.join(' '));
  }

  if (r.thresholds?.length) {
    s.heading('Thresholds', 3);
    s.table(
      ['metric', 'expression', 'measured', 'samples', 'verdict'],
      r.thresholds.map((t) => [
        t.metric,
        `\`${t.expression}\``,
        t.measured === undefined
          ? 'no data'
          : formatMeasured(t.metric, t.expression.replace(/[<>=!].*$/, ''), t.measured),
        t.samples,
        t.passed ? '✅ pass' : `❌ ${t.reason}`,
      ]),
      ['l', 'l', 'r', 'r', 'l'],
    );
  }
  if (r.k6Thresholds?.length) {
    s.heading("k6 script's thresholds", 3);
    s.table(
      ['metric', 'expression', 'verdict'],
      r.k6Thresholds.map((t) => [t.metric, `\`${t.expression}\``, t.passed ? '✅ pass' : '❌ fail']),
    );
  }

  const st = load?.latencyStats;
  if (load && st) {
    s.heading('Latency', 3);
    s.table(
      ['min', 'avg', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max'],
      [[ms(st.min), ms(st.avg), ms(st.med), ms(st.p90), ms(st.p95), ms(st.p99), ms(st.p99_9), ms(st.max)]],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    );
    const buckets = load.timeline?.buckets ?? [];
    if (buckets.length >= 2) {
      const p50: number[] = [];
      const p95: number[] = [];
      for (const b of buckets) {
        const h = decodeHistogram(b.latency);
        p50.push(percentileMs(h, 50) ?? 0);
        p95.push(percentileMs(h, 95) ?? 0);
      }
      s.mermaid(
        xyChart({
          title: 'Latency over time (ms): p95 above, p50 below',
          xLabels: buckets.map((b) => `${b.t}s`),
          yLabel: 'ms',
          series: [
            { type: 'line', values: p95 },
            { type: 'line', values: p50 },
          ],
        }),
      );
    }
    if (load.latency) {
      const bins = latencyBins(decodeHistogram(load.latency), 12);
      if (bins.length) {
        s.mermaid(
          xyChart({
            title: 'Latency histogram (requests per latency range, ms; tail beyond p99.9 in the last bar)',
            xLabels: bins.map((b) => `${short(b.from)}-${short(b.to)}`),
            yLabel: 'requests',
            series: [{ type: 'bar', values: bins.map((b) => b.count) }],
          }),
        );
      }
    }
  }

  const g = r.regression;
  if (g) {
    s.heading('Performance regression', 3);
    if (g.baseline) {
      s.table(
        ['metric', 'baseline', 'this run', 'change', 'limit', 'verdict'],
        [
          [
            'p95 latency',
            ms(g.baseline.p95),
            ms(g.current.p95),
            pct(g.p95DeltaPct),
            `+${g.maxRegressionPct}%`,
            (g.p95DeltaPct ?? 0) > g.maxRegressionPct ? '❌ regression' : '✅ pass',
          ],
          [
            'throughput',
            `${g.baseline.rps.toFixed(1)}/s`,
            `${g.current.rps.toFixed(1)}/s`,
            pct(g.rpsDeltaPct),
            `-${g.maxRegressionPct}%`,
            -(g.rpsDeltaPct ?? 0) > g.maxRegressionPct ? '❌ regression' : '✅ pass',
          ],
        ],
        ['l', 'r', 'r', 'r', 'r', 'l'],
      );
      s.paragraph(`Baseline \`${g.baselinePath}\` from ${g.baseline.startedAt}.`);
    } else {
      s.paragraph(
        g.recorded
          ? `No baseline at \`${g.baselinePath}\`: this run (p95 ${ms(g.current.p95)}, ${g.current.rps.toFixed(1)}/s) is recorded as the baseline. Keep the file (artifact or status branch) for the next run.`
          : `No baseline at \`${g.baselinePath}\`, and none recorded: ${g.reasons.join('; ') || 'the load gate failed'}.`,
      );
    }
  }

  const c = r.container;
  if (c) {
    s.heading('Container image', 3);
    s.table(
      ['image', 'id', 'size', 'budget', 'layers', 'builder', 'build time', 'smoke'],
      [
        [
          c.image,
          `\`${c.imageId.slice(0, 19)}\``,
          `${c.sizeMb.toFixed(2)} MB`,
          c.maxImageSizeMb === undefined ? '—' : `${c.maxImageSizeMb} MB ${c.sizeMb > c.maxImageSizeMb ? '❌' : '✅'}`,
          c.layers,
          c.builder,
          formatDuration(c.buildMs),
          c.smoke ? `${c.smoke.passed ? '✅' : '❌'} \`${c.smoke.command}\` (exit ${c.smoke.code})` : '—',
        ],
      ],
    );
    if (c.smoke && !c.smoke.passed && c.smoke.output)
      s.details('smoke command output', '```\n' + c.smoke.output + '\n```');
  } else if (r.containerError) {
    s.heading('Container image', 3);
    s.paragraph(`❌ ${r.containerError}`);
  }
  s.paragraph(`Every measurement: \`${r.resultsPath}\`.`);
}
