/**
 * The release dashboard: one static HTML page from the status model — release history, gate results with
 * latency charts, deployments and rollbacks over time, and per-release details. Inline CSS and SVG only: no
 * script, no font, no image, no request of any kind (a Content-Security-Policy of `default-src 'none'` says so
 * to the browser). Every text from the status record is escaped.
 */
import { COLORS, deploymentTimeline, esc, gateMatrix, latencyChart, releaseLatency, tone } from './charts.js';
import type { DashboardModel, GateView, ReleaseView } from './model.js';

export interface RenderOptions {
  /** Page title; default "Releases" (+ the project's name when the record has one). */
  title?: string;
  /** When the page was generated (shown in the footer); default now. */
  generatedAt?: Date;
  /** Where the data came from (shown in the footer), e.g. "release-status.yaml". */
  source?: string;
  /** Releases given a details section (newest first); default 50. */
  detailsLimit?: number;
}

const DASH = '—';
const show = (v: string | number | undefined): string => (v === undefined || v === '' ? DASH : esc(v));

function badge(status: string | undefined): string {
  if (!status) return DASH;
  return `<span class="badge ${tone(status)}">${esc(status)}</span>`;
}

function when(iso: string | undefined): string {
  if (!iso) return DASH;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return esc(iso);
  return `<time datetime="${esc(new Date(t).toISOString())}">${esc(new Date(t).toISOString().replace('T', ' ').slice(0, 16))} UTC</time>`;
}

function leadTime(r: ReleaseView): string {
  if (r.createdMs === undefined || r.deployedMs === undefined || r.deployedMs < r.createdMs) return DASH;
  const min = Math.round((r.deployedMs - r.createdMs) / 60_000);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}

const ms = (v: number | undefined) => (v === undefined ? DASH : `${v >= 100 ? Math.round(v) : v.toFixed(1)} ms`);
const pct = (v: number | undefined) => (v === undefined ? DASH : `${(v * 100).toFixed(v < 0.01 ? 2 : 1)} %`);
function bytes(v: number | undefined): string {
  if (v === undefined) return DASH;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = v;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${n >= 100 || u === 0 ? Math.round(n) : n.toFixed(1)} ${units[u]}`;
}

function httpUrl(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const p = new URL(u);
    return p.protocol === 'https:' || p.protocol === 'http:' ? p.toString() : undefined;
  } catch {
    return undefined;
  }
}

function gateRow(g: GateView): string {
  const other = Object.entries(g.other)
    .map(([k, v]) => `${esc(k)}: ${esc(v)}`)
    .join(', ');
  return `<tr><td>${esc(g.name)}</td><td>${badge(g.status)}</td><td class="num">${ms(g.p50Ms)}</td><td class="num">${ms(g.p95Ms)}</td><td class="num">${ms(g.p99Ms)}</td><td class="num">${pct(g.errorRate)}</td><td class="num">${g.requestsPerSecond === undefined ? DASH : esc(Math.round(g.requestsPerSecond))}</td><td class="num">${bytes(g.imageSizeBytes)}</td><td class="small">${other || DASH}</td></tr>`;
}

function details(r: ReleaseView, open: boolean): string {
  const d = r.deployment;
  const gates = r.gates.length
    ? `<div class="wrap"><table><thead><tr><th>gate</th><th>result</th><th>p50</th><th>p95</th><th>p99</th><th>errors</th><th>req/s</th><th>image</th><th>other</th></tr></thead><tbody>${r.gates.map(gateRow).join('')}</tbody></table></div>`
    : '<p class="empty">No quality gate recorded.</p>';
  const deployment = d
    ? `<dl class="kv"><dt>environment</dt><dd>${show(d.environment)}</dd><dt>strategy</dt><dd>${show(d.strategy)}</dd><dt>status</dt><dd>${badge(d.status)}</dd><dt>started</dt><dd>${when(d.startedAt)}</dd><dt>finished</dt><dd>${when(d.finishedAt)}</dd><dt>rolled back</dt><dd>${d.rolledBack === undefined ? DASH : d.rolledBack ? '<span class="badge bad">yes</span>' : 'no'}</dd><dt>previous version</dt><dd>${show(d.previousVersion)}</dd></dl>` +
      (d.timeline.length
        ? `<ol class="timeline">${d.timeline.map((t) => `<li><span class="dot ${tone(t.state)}"></span>${when(t.at)} <b>${esc(t.state)}</b>${t.note ? ` <span class="muted">${esc(t.note)}</span>` : ''}</li>`).join('')}</ol>`
        : '')
    : '<p class="empty">Not deployed.</p>';
  const registries = r.registries.length
    ? `<table><thead><tr><th>registry</th><th>version</th><th>digest / integrity</th></tr></thead><tbody>${r.registries
        .map((g) => {
          const link = httpUrl(g.url);
          const name = link
            ? `<a href="${esc(link)}" rel="noopener noreferrer">${show(g.name ?? g.url)}</a>`
            : `${show(g.name)}${g.url ? ` <span class="muted">${esc(g.url)}</span>` : ''}`;
          return `<tr><td>${name}</td><td>${show(g.version)}</td><td class="mono small">${show(g.digest)}</td></tr>`;
        })
        .join('')}</tbody></table>`
    : '<p class="empty">Nothing published.</p>';
  return `<details id="${esc(anchor(r))}"${open ? ' open' : ''}><summary><b>${esc(label(r))}</b> ${badge(r.status)} <span class="muted">${show(r.type)} · ${when(r.createdAt)}</span></summary><section><h4>Quality gates</h4>${gates}</section><div class="cols"><section><h4>Deployment</h4>${deployment}</section><section><h4>Registries</h4>${registries}</section></div></details>`;
}

/** A row's name: its version, or with versioning: independent its package and version. */
const label = (r: ReleaseView) => (r.package ? `${r.package} ${r.version}` : r.version);
const anchor = (r: ReleaseView) => `release-${r.package ? `${r.package}@` : ''}${r.version}`;

function historyRow(r: ReleaseView): string {
  const d = r.deployment;
  const lat = releaseLatency(r);
  const gatesPassed = r.gates.filter((g) => tone(g.status) === 'good').length;
  const gates = r.gates.length
    ? `<span class="badge ${gatesPassed === r.gates.length ? 'good' : r.gates.some((g) => tone(g.status) === 'bad') ? 'bad' : 'warn'}">${gatesPassed}/${r.gates.length}</span>`
    : DASH;
  return `<tr><td><a href="#${esc(anchor(r))}"><b>${esc(label(r))}</b></a></td><td>${show(r.type)}</td><td>${badge(r.status)}</td><td>${when(r.createdAt)}</td><td>${when(r.deployedAt)}</td><td class="num">${leadTime(r)}</td><td>${gates}</td><td class="num">${lat ? ms(lat.p95) : DASH}</td><td>${show(d?.environment)}</td><td>${show(d?.strategy)}</td><td>${d?.rolledBack ? `<span class="badge bad">rolled back</span>${d.previousVersion ? ` → ${esc(d.previousVersion)}` : ''}` : d ? badge(d.status) : DASH}</td></tr>`;
}

const CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
header{padding:20px 28px;border-bottom:1px solid var(--line);background:var(--bg)}
header h1{margin:0 0 4px;font-size:22px}
main{padding:8px 28px 28px;max-width:1280px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h4{margin:12px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin-top:14px}
.tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:130px}
.tile b{display:block;font-size:20px}
.tile>span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600;white-space:nowrap}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.wrap{overflow-x:auto}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:${COLORS.none};white-space:nowrap}
.badge.good{background:${COLORS.good}}.badge.bad{background:${COLORS.bad}}.badge.warn{background:${COLORS.warn}}
.muted{color:var(--muted)}.small{font-size:12px}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.empty{color:var(--muted);font-style:italic}
.grid-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:20px}.grid-2>section{min-width:0}
.chart{width:100%;height:auto;max-width:760px;display:block}
.chart.matrix{width:auto;max-width:100%}
.chart text{font-size:11px;fill:var(--muted)}
.chart .label{fill:var(--fg);font-size:12px}
.chart .grid{stroke:#eaeef2}.chart .axisline{stroke:#8c959f;stroke-width:1.5}.chart .stem{stroke:#d0d7de}
.legend{margin:4px 0 0;font-size:12px}
.key{margin-right:10px;white-space:nowrap}.key i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:-1px}
.key i.diamond{border-radius:0;transform:rotate(45deg)}
details{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:6px 12px}
summary{cursor:pointer}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px}.cols>section{min-width:0}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
dl.kv dt{color:var(--muted)}dl.kv dd{margin:0}
ol.timeline{list-style:none;padding:0;margin:8px 0}ol.timeline li{margin:2px 0}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${COLORS.none}}
.dot.good{background:${COLORS.good}}.dot.bad{background:${COLORS.bad}}.dot.warn{background:${COLORS.warn}}
footer{padding:12px 28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
`
  .replace(/\n/g, '')
  .trim();

/** The dashboard page for a status model. */
export function renderDashboard(model: DashboardModel, o: RenderOptions = {}): string {
  const title = o.title ?? (model.project ? `Releases · ${model.project}` : 'Releases');
  const rs = model.releases;
  // A row per package, but a run's gates, deployment and charts once (its packages share them).
  const runs = rs.filter((r) => !r.sameRun);
  const latest = rs[0];
  const deployed = runs.filter((r) => r.deployment);
  const rollbacks = runs.filter((r) => r.deployment?.rolledBack).length;
  const allGates = runs.flatMap((r) => r.gates);
  const passed = allGates.filter((g) => tone(g.status) === 'good').length;
  const tiles = [
    ['latest release', latest ? `${esc(label(latest))}` : DASH, latest ? badge(latest.status) : ''],
    ['releases', String(runs.length + (model.omitted ?? 0)), model.omitted ? `newest ${runs.length} shown` : ''],
    ['deployments', String(deployed.length), `${rollbacks} rolled back`],
    [
      'gate pass rate',
      allGates.length ? `${Math.round((100 * passed) / allGates.length)} %` : DASH,
      `${passed}/${allGates.length} gate runs`,
    ],
  ]
    .map(([label, value, sub]) => `<div class="tile"><span>${label}</span><b>${value}</b><span>${sub}</span></div>`)
    .join('');
  const limit = o.detailsLimit ?? 50;
  const generated = (o.generatedAt ?? new Date()).toISOString().replace('T', ' ').slice(0, 16);
  const omitted = model.omitted
    ? `<p class="muted">${model.omitted} older release${model.omitted === 1 ? ' is' : 's are'} in the status record but not on this page (it shows the newest ${runs.length}; the CLI's --limit sets how many).</p>`
    : '';
  const body = rs.length
    ? `<h2>Release history</h2>${omitted}<div class="wrap"><table class="history"><thead><tr><th>version</th><th>type</th><th>status</th><th>created</th><th>deployed</th><th>lead time</th><th>gates</th><th>p95</th><th>environment</th><th>strategy</th><th>deployment</th></tr></thead><tbody>${rs.map(historyRow).join('')}</tbody></table></div>` +
      `<h2>Quality gates</h2><div class="grid-2"><section><h4>Latency per release</h4>${latencyChart(runs)}</section><section><h4>Gate results</h4>${gateMatrix(runs)}<p class="legend"><span class="key"><i style="background:${COLORS.good}"></i>passed</span> <span class="key"><i style="background:${COLORS.bad}"></i>failed</span> <span class="key"><i style="background:${COLORS.warn}"></i>other</span> <span class="key"><i style="background:#fff;border:1px solid #d0d7de"></i>not run</span></p></section></div>` +
      `<h2>Deployments and rollbacks</h2>${deploymentTimeline(runs)}` +
      `<h2>Releases in detail</h2>${rs
        .slice(0, limit)
        .map((r, i) => details(r, i === 0))
        .join(
          '',
        )}${rs.length > limit ? `<p class="muted">${rs.length - limit} older releases are listed in the history only.</p>` : ''}`
    : '<p class="empty">The status record holds no release yet.</p>';
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>${esc(title)}</title><link rel="icon" href="data:,"><style>${CSS}</style></head><body>` +
    `<header><h1>${esc(title)}</h1><div class="muted">release history, quality gates, deployments and rollbacks</div><div class="tiles">${tiles}</div></header>` +
    `<main>${body}</main>` +
    `<footer>Generated ${esc(generated)} UTC${o.source ? ` from ${esc(o.source)}` : ''} by release-actions. Static page: no script, no external request.</footer>` +
    '</body></html>\n'
  );
}
