/**
 * Inline SVG charts for the dashboard: no script, no external resource, deterministic output. Every text that
 * comes from the status record goes through `esc`.
 */
import type { ReleaseView } from './model.js';

/** HTML/XML escaping for text and attribute values. */
export function esc(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type Tone = 'good' | 'bad' | 'warn' | 'none';

/** The colour family of a status word. */
export function tone(status: string | undefined): Tone {
  if (!status) return 'none';
  const s = status.toLowerCase();
  if (/roll(ed)?[-_ ]?back|fail|error|broken|abort|cancel|reject|timed?[-_ ]?out|no[-_ ]?data/.test(s)) return 'bad';
  if (/pass|success|succeed|ok|deployed|released|published|live|healthy|done|complete|green/.test(s)) return 'good';
  return 'warn';
}

export const COLORS: Record<Tone, string> = { good: '#1a7f37', bad: '#cf222e', warn: '#9a6700', none: '#8c959f' };

const fmt = (n: number): string =>
  n >= 100 ? String(Math.round(n)) : n >= 10 ? n.toFixed(1).replace(/\.0$/, '') : n.toFixed(2).replace(/\.?0+$/, '');

/** A nice upper bound for an axis. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The latency of a release: the first gate that measured a p95 (the load test). */
export function releaseLatency(r: ReleaseView): { gate: string; p50?: number; p95: number; p99?: number } | undefined {
  const g = r.gates.find((x) => x.p95Ms !== undefined);
  return g ? { gate: g.name, p50: g.p50Ms, p95: g.p95Ms as number, p99: g.p99Ms } : undefined;
}

/** Line chart of p50/p95/p99 latency per release, oldest on the left. `releases` newest first. */
export function latencyChart(releases: readonly ReleaseView[]): string {
  const points = [...releases]
    .reverse()
    .map((r) => ({ r, l: releaseLatency(r) }))
    .filter((p) => p.l !== undefined) as { r: ReleaseView; l: NonNullable<ReturnType<typeof releaseLatency>> }[];
  if (points.length === 0) return '<p class="empty">No latency measured by any quality gate yet.</p>';
  // The chart's size and margins, in SVG units.
  const [W, H, left, right, top, bottom] = [720, 260, 52, 16, 16, 56];
  const max = niceMax(Math.max(...points.map((p) => Math.max(p.l.p99 ?? 0, p.l.p95, p.l.p50 ?? 0))));
  const xAt = (i: number) =>
    points.length === 1 ? left + (W - left - right) / 2 : left + (i * (W - left - right)) / (points.length - 1);
  const yAt = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const parts: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    const y = yAt(v).toFixed(1);
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${y}" dy="4" text-anchor="end" class="axis">${fmt(v)}</text>`);
  }
  parts.push(
    `<text x="12" y="${top + (H - top - bottom) / 2}" transform="rotate(-90 12 ${top + (H - top - bottom) / 2})" text-anchor="middle" class="axis">ms</text>`,
  );
  const series: { key: 'p50' | 'p95' | 'p99'; color: string; width: number }[] = [
    { key: 'p99', color: '#bf8700', width: 1.5 },
    { key: 'p95', color: '#0969da', width: 2.5 },
    { key: 'p50', color: '#8250df', width: 1.5 },
  ];
  for (const s of series) {
    const pts = points
      .map((p, i) => ({ i, v: p.l[s.key] }))
      .filter((p): p is { i: number; v: number } => p.v !== undefined);
    if (pts.length === 0) continue;
    if (pts.length > 1) {
      const d = pts.map((p) => `${xAt(p.i).toFixed(1)},${yAt(p.v).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width}"/>`);
    }
    for (const p of pts) {
      const pt = points[p.i] as (typeof points)[number];
      parts.push(
        `<circle cx="${xAt(p.i).toFixed(1)}" cy="${yAt(p.v).toFixed(1)}" r="${s.key === 'p95' ? 4 : 2.5}" fill="${s.color}"><title>${esc(pt.r.version)} ${s.key} ${esc(fmt(p.v))} ms (${esc(pt.l.gate)})</title></circle>`,
      );
    }
  }
  const every = Math.ceil(points.length / 14);
  points.forEach((p, i) => {
    if (i % every !== 0 && i !== points.length - 1) return;
    const x = xAt(i).toFixed(1);
    parts.push(
      `<text x="${x}" y="${H - bottom + 16}" text-anchor="end" transform="rotate(-30 ${x} ${H - bottom + 16})" class="axis">${esc(p.r.version)}</text>`,
    );
  });
  const legend = series.map((s) => `<span class="key"><i style="background:${s.color}"></i>${s.key}</span>`).join(' ');
  const gates = [...new Set(points.map((p) => p.l.gate))].map(esc).join(', ');
  return (
    `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Latency per release (ms)" class="chart">${parts.join('')}</svg>` +
    `<p class="legend">${legend} <span class="muted">latency in ms measured by the ${gates} gate, per release</span></p>`
  );
}

/** A grid of gate results: one row per gate, one column per release (oldest on the left). */
export function gateMatrix(releases: readonly ReleaseView[]): string {
  const cols = [...releases].reverse().slice(-24);
  const gates = [...new Set(cols.flatMap((r) => r.gates.map((g) => g.name)))];
  if (gates.length === 0) return '<p class="empty">No quality gate results recorded yet.</p>';
  const cell = 24;
  const labelW = Math.min(220, 16 + 7 * Math.max(...gates.map((g) => g.length)));
  const top = 70;
  const W = labelW + cols.length * (cell + 4) + 8;
  const H = top + gates.length * (cell + 4) + 8;
  const parts: string[] = [];
  cols.forEach((r, c) => {
    const x = labelW + c * (cell + 4) + cell / 2;
    parts.push(
      `<text x="${x}" y="${top - 8}" transform="rotate(-45 ${x} ${top - 8})" class="axis">${esc(r.version)}</text>`,
    );
  });
  gates.forEach((g, row) => {
    const y = top + row * (cell + 4);
    parts.push(`<text x="${labelW - 8}" y="${y + cell / 2 + 4}" text-anchor="end" class="label">${esc(g)}</text>`);
    cols.forEach((r, c) => {
      const gate = r.gates.find((x) => x.name === g);
      const t = gate ? tone(gate.status) : 'none';
      const fill = gate ? COLORS[t] : '#ffffff';
      const what = gate ? (gate.status ?? '—') : 'not run';
      parts.push(
        `<rect x="${labelW + c * (cell + 4)}" y="${y}" width="${cell}" height="${cell}" rx="4" fill="${fill}" stroke="#d0d7de"><title>${esc(r.version)} · ${esc(g)}: ${esc(what)}</title></rect>`,
      );
    });
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" role="img" aria-label="Quality gate results per release" class="chart matrix">${parts.join('')}</svg>`;
}

/** The instant a release's deployment happened (or was attempted). */
function deployInstant(r: ReleaseView): number | undefined {
  const fin = r.deployment?.finishedAt ? Date.parse(r.deployment.finishedAt) : NaN;
  if (r.deployedMs !== undefined) return r.deployedMs;
  if (!Number.isNaN(fin)) return fin;
  return r.deployment ? r.createdMs : undefined;
}

/** Deployments and rollbacks on a time axis. */
export function deploymentTimeline(releases: readonly ReleaseView[]): string {
  const events = releases
    .map((r) => ({ r, at: deployInstant(r) }))
    .filter((e): e is { r: ReleaseView; at: number } => e.at !== undefined)
    .sort((a, b) => a.at - b.at);
  if (events.length === 0) return '<p class="empty">No deployment recorded yet.</p>';
  const [W, H, left, right, axisY] = [720, 150, 24, 24, 96];
  const t0 = events[0]?.at as number;
  const t1 = events[events.length - 1]?.at as number;
  const span = Math.max(t1 - t0, 1);
  const xAt = (t: number) => (events.length === 1 ? W / 2 : left + ((t - t0) * (W - left - right)) / span);
  const parts: string[] = [`<line x1="${left}" x2="${W - right}" y1="${axisY}" y2="${axisY}" class="axisline"/>`];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  parts.push(`<text x="${left}" y="${axisY + 22}" class="axis">${day(t0)}</text>`);
  if (events.length > 1)
    parts.push(`<text x="${W - right}" y="${axisY + 22}" text-anchor="end" class="axis">${day(t1)}</text>`);
  let deploys = 0;
  let rollbacks = 0;
  let failures = 0;
  events.forEach((e, i) => {
    const x = xAt(e.at).toFixed(1);
    const rolled =
      e.r.deployment?.rolledBack === true ||
      (tone(e.r.deployment?.status) === 'bad' && /roll/i.test(e.r.deployment?.status ?? ''));
    const t = rolled ? 'bad' : tone(e.r.deployment?.status ?? e.r.status);
    if (rolled) rollbacks++;
    else if (t === 'bad') failures++;
    else deploys++;
    const labelY = axisY - 14 - (i % 3) * 18;
    const title = `${e.r.version} · ${e.r.deployment?.environment ?? '—'} · ${e.r.deployment?.strategy ?? '—'} · ${
      rolled
        ? `rolled back${e.r.deployment?.previousVersion ? ` to ${e.r.deployment.previousVersion}` : ''}`
        : (e.r.deployment?.status ?? e.r.status ?? '—')
    } · ${new Date(e.at).toISOString()}`;
    parts.push(`<line x1="${x}" x2="${x}" y1="${labelY + 4}" y2="${axisY}" class="stem"/>`);
    if (rolled) {
      parts.push(
        `<path d="M${x} ${axisY - 7} l7 7 l-7 7 l-7 -7 z" fill="${COLORS.bad}"><title>${esc(title)}</title></path>`,
      );
    } else {
      parts.push(`<circle cx="${x}" cy="${axisY}" r="6" fill="${COLORS[t]}"><title>${esc(title)}</title></circle>`);
    }
    parts.push(
      `<text x="${x}" y="${labelY}" text-anchor="middle" class="label">${esc(e.r.version)}${rolled ? ' ↩' : ''}</text>`,
    );
  });
  const legend =
    `<span class="key"><i style="background:${COLORS.good}"></i>deployed (${deploys})</span> ` +
    `<span class="key"><i class="diamond" style="background:${COLORS.bad}"></i>rolled back (${rollbacks})</span> ` +
    `<span class="key"><i style="background:${COLORS.warn}"></i>other / in progress</span>` +
    (failures ? ` <span class="key"><i style="background:${COLORS.bad}"></i>failed (${failures})</span>` : '');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Deployments and rollbacks over time" class="chart">${parts.join('')}</svg><p class="legend">${legend}</p>`;
}
