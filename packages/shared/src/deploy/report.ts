/** The job summary of a deploy or rollback: timeline (mermaid), smoke results, monitoring chart, decision. */
import { type Summary, xyChart } from '../action/summary.js';
import { formatDuration } from '../util/duration.js';
import type { DeployResult } from './config.js';
import type { TimelineEvent } from './timeline.js';
import type { MonitorResult } from './monitor.js';

/** A mermaid gantt of the rollout: one bar per state, from its timestamp to the next one. */
export function timelineGantt(title: string, events: TimelineEvent[]): string {
  const lines = [
    'gantt',
    `  title ${title.replace(/[:#;]/g, ' ')}`,
    '  dateFormat x',
    '  axisFormat %M:%S',
    '  section rollout',
  ];
  const base = events.length ? Date.parse(events[0]!.at) : 0;
  events.forEach((e, i) => {
    const start = Date.parse(e.at) - base;
    const next = events[i + 1];
    const end = Math.max(start + 1, next ? Date.parse(next.at) - base : start + 1);
    const crit = /fail|breach|rolling-back|rolled-back|aborted/.test(e.state) ? 'crit, ' : '';
    lines.push(`  ${e.state.replace(/[:#;]/g, ' ')} :${crit}${start}, ${end}`);
  });
  return lines.join('\n');
}

export function timelineTable(summary: Summary, events: TimelineEvent[]): void {
  summary.table(
    ['at', '+', 'state', 'detail'],
    events.map((e) => [e.at, formatDuration(e.t), e.state, e.detail ?? '']),
  );
}

export function monitorSection(summary: Summary, title: string, m: MonitorResult): void {
  summary.heading(title, 3);
  summary.paragraph(`**${m.verdict}** — ${m.reason}`);
  const pts = m.points.filter((p) => p.requests > 0);
  if (pts.length >= 1) {
    const labels = pts.map((p) => `+${formatDuration(p.t)}`);
    summary.mermaid(
      xyChart({
        title: `${title}: error rate (%)`,
        xLabels: labels,
        yLabel: '%',
        series: [{ type: 'bar', values: pts.map((p) => (p.errorRate ?? 0) * 100) }],
      }),
    );
    summary.mermaid(
      xyChart({
        title: `${title}: p95 latency (ms)`,
        xLabels: labels,
        yLabel: 'ms',
        series: [{ type: 'line', values: pts.map((p) => p.p95Ms ?? 0) }],
      }),
    );
  }
  const promNames = Object.keys(m.promSamples);
  if (promNames.length) {
    summary.table(
      ['at', ...promNames],
      m.points.map((p) => [`+${formatDuration(p.t)}`, ...promNames.map((n) => p.prometheus[n] ?? 'no data')]),
    );
  }
}

export function deploySummary(
  summary: Summary,
  o: {
    version: string;
    environment: string;
    strategy: string;
    result: DeployResult;
    deploymentId?: number;
    requests?: number;
  },
): void {
  const r = o.result;
  const icon = r.status === 'succeeded' ? '✅' : r.status === 'inconclusive' ? '⚠️' : '❌';
  summary.heading(`${icon} deploy ${o.version} to ${o.environment}: ${r.status}`);
  summary.table(
    ['', ''],
    [
      ['strategy', o.strategy],
      ['decision', r.status],
      ['reason', r.reason],
      ['previous version', r.previousVersion ?? '(none)'],
      ['active slot', r.activeSlot ?? '(none)'],
      ['switch time', r.switchMs !== undefined ? formatDuration(r.switchMs) : '-'],
      ['rolled back', r.rolledBack ? `yes (${formatDuration(r.rollbackMs ?? 0)})` : 'no'],
      ['GitHub deployment', o.deploymentId ?? '-'],
      ...(o.requests !== undefined ? [['GitHub API requests', o.requests] as [string, number]] : []),
    ],
  );
  summary.heading('Rollout timeline', 3);
  summary.mermaid(timelineGantt(`${o.strategy} ${o.version}`, r.timeline));
  timelineTable(summary, r.timeline);
  if (r.smoke.length) {
    summary.heading('Smoke tests (new slot, before traffic)', 3);
    summary.table(
      ['check', 'status', 'latency', 'result'],
      r.smoke.map((s) => [
        `GET ${s.url}`,
        s.status ?? '-',
        s.latencyMs !== undefined ? `${s.latencyMs}ms` : '-',
        s.ok ? 'passed' : `FAILED: ${s.problems.join('; ')}`,
      ]),
    );
  }
  for (const step of r.canary) if (step.analysis) monitorSection(summary, `Canary ${step.percent}%`, step.analysis);
  if (r.monitor) monitorSection(summary, 'Monitoring window', r.monitor);
}
