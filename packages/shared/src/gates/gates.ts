/**
 * The quality gates, end to end: the load (built-in engine or k6; or the merge of shards' results) with the
 * service under test started before and stopped after, thresholds, performance regression against a
 * baseline, the container build; every verdict explained, and every measurement written to the results JSON.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StageError, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { buildContainer, type ContainerBuildOptions, type ContainerResult } from './container.js';
import type { ExecFn } from './exec.js';
import { acquireK6, runK6, type AcquiredK6, type ToolCache } from './k6.js';
import { runBuiltinLoad } from './load.js';
import { describeProfile, shardProfile, type LoadProfile, type Shard } from './profiles.js';
import type { LoadTarget } from './requests.js';
import { compareToBaseline, readBaseline, recordBaseline, type RegressionResult } from './regression.js';
import { mergeResults, metricSource, type LoadResults } from './results.js';
import { startService } from './service.js';
import { evaluateThresholds, type Threshold, type ThresholdResult } from './thresholds.js';

export const GATE_NAMES = ['load-testing', 'performance-profiling', 'container-build'] as const;
export type GateName = (typeof GATE_NAMES)[number];

export interface GatesConfig {
  gates: GateName[];
  engine: 'builtin' | 'k6';
  profileName: string;
  /** The whole load (before any sharding). */
  profile: LoadProfile;
  target?: LoadTarget;
  thresholds: Threshold[];
  minRequests: number;
  requestTimeoutMs?: number;
  shard?: Shard;
  /** Results files of the shards to merge (merge mode: no load is generated). */
  merge?: string[];
  service?: { command: string; readyUrl: string; readyTimeoutMs: number };
  k6?: { script: string; version?: string; url?: string };
  regression?: { baselinePath: string; maxRegressionPct: number };
  /** What to build: the container gate's options but for what the run provides. */
  container?: Omit<ContainerBuildOptions, 'cwd' | 'exec' | 'log' | 'buildTimeoutMs' | 'smokeTimeoutMs'>;
  resultsPath: string;
  cwd: string;
  /** Scratch space (service log, k6 summaries). */
  workDir: string;
}

export interface GatesDeps {
  log: Logger;
  exec: ExecFn;
  toolCache?: ToolCache;
}

export interface GateVerdict {
  gate: GateName;
  /** undefined: no verdict here (a shard: the merge job decides). */
  passed?: boolean;
  reason: string;
}

export interface K6ThresholdResult {
  metric: string;
  expression: string;
  passed: boolean;
}

export interface GatesReport {
  passed: boolean;
  mode: 'run' | 'shard' | 'merge';
  profileDescription?: string;
  verdicts: GateVerdict[];
  load?: LoadResults;
  /** Why the load has no data (nothing answered, zero responses, fewer than min_requests). */
  noData?: string;
  thresholds?: ThresholdResult[];
  k6Thresholds?: K6ThresholdResult[];
  k6?: { source: string; path: string; version?: string };
  regression?: RegressionResult;
  container?: ContainerResult;
  containerError?: string;
  resultsPath: string;
}

function readShardResults(files: string[]): LoadResults[] {
  if (files.length === 0) throw new StageError('merge: no data: the merge pattern matched no results files');
  const parts = files.map((f) => {
    let doc: { load?: LoadResults };
    try {
      doc = JSON.parse(readFileSync(f, 'utf8')) as { load?: LoadResults };
    } catch (e) {
      throw new StageError(`merge: ${f} is not a results JSON: ${errorMessage(e)}`);
    }
    if (!doc.load) throw new StageError(`merge: ${f} holds no load results`);
    if (doc.load.engine !== 'builtin') {
      throw new StageError(
        `merge: ${f} comes from the ${doc.load.engine} engine; only builtin results carry histograms to merge`,
      );
    }
    if (!doc.load.shard) throw new StageError(`merge: ${f} is not a shard's results (it was run without shard: i/n)`);
    return { file: f, load: doc.load };
  });
  const n = (parts[0] as { load: LoadResults }).load.shard!.count;
  const seen = new Map<number, string>();
  for (const p of parts) {
    const s = p.load.shard as Shard;
    if (s.count !== n) throw new StageError(`merge: ${p.file} is shard ${s.index}/${s.count}, others are of ${n}`);
    if (seen.has(s.index))
      throw new StageError(`merge: shard ${s.index}/${n} appears twice (${seen.get(s.index)} and ${p.file})`);
    seen.set(s.index, p.file);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) {
    throw new StageError(
      `merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing: the merged load would be partial`,
    );
  }
  // A shard that received nothing (its target refused it, a runner's network broke) would leave the merged load
  // short by its share while the thresholds might still hold: as good as missing.
  const silent = parts.filter((p) => p.load.responses === 0);
  if (silent.length) {
    throw new StageError(
      `merge: ${silent.map((p) => `shard ${p.load.shard!.index}/${n}`).join(', ')} received no response${silent.length === 1 && silent[0]!.load.stoppedEarly ? ` (${silent[0]!.load.stoppedEarly})` : ''}: the merged load would be partial`,
    );
  }
  return parts.map((p) => p.load);
}

export async function runQualityGates(c: GatesConfig, deps: GatesDeps): Promise<GatesReport> {
  const { log } = deps;
  mkdirSync(c.workDir, { recursive: true });
  const mode: GatesReport['mode'] = c.merge ? 'merge' : c.shard && c.shard.count > 1 ? 'shard' : 'run';
  const report: GatesReport = { passed: false, mode, verdicts: [], resultsPath: c.resultsPath };
  const wantsLoad = c.gates.includes('load-testing') || c.gates.includes('performance-profiling');

  if (wantsLoad) {
    const profile = shardProfile(c.profile, mode === 'shard' ? c.shard : undefined);
    if (c.engine === 'builtin' || c.merge) {
      report.profileDescription =
        `${c.profileName}: ${describeProfile(c.profile)}` +
        (mode === 'shard' ? ` — this is shard ${c.shard!.index}/${c.shard!.count}: ${describeProfile(profile)}` : '');
    }
    if (c.merge) {
      const parts = readShardResults(c.merge);
      report.load = mergeResults(parts);
      log.info(
        `merge: ${parts.length} shards combined: ${report.load.requests} requests, ${report.load.responses} responses`,
      );
    } else {
      let k6: AcquiredK6 | undefined;
      if (c.engine === 'k6') {
        k6 = await acquireK6({ version: c.k6?.version, url: c.k6?.url, log, toolCache: deps.toolCache });
        report.k6 = { source: k6.source, path: k6.path, version: k6.version };
      }
      const service = c.service
        ? await startService({
            command: c.service.command,
            readyUrl: c.service.readyUrl,
            readyTimeoutMs: c.service.readyTimeoutMs,
            cwd: c.cwd,
            logFile: join(c.workDir, 'service.log'),
            log,
          })
        : undefined;
      try {
        report.load = await log.group(`Load: ${report.profileDescription ?? `k6 ${c.k6?.script}`}`, () =>
          c.engine === 'k6'
            ? runK6({
                k6: k6 as AcquiredK6,
                script: (c.k6 as { script: string }).script,
                cwd: c.cwd,
                workDir: c.workDir,
                shard: mode === 'shard' ? c.shard : undefined,
                exec: deps.exec,
                log,
                profileName: c.profileName,
              })
            : runBuiltinLoad({
                target: c.target as LoadTarget,
                profile,
                profileName: c.profileName,
                shard: mode === 'shard' ? c.shard : undefined,
                timeoutMs: c.requestTimeoutMs,
                log,
              }),
        );
      } finally {
        await service?.stop();
      }
    }
    const load = report.load;
    if (load.responses === 0) {
      report.noData = `no data: no response was received${load.stoppedEarly ? ` (${load.stoppedEarly})` : ''}`;
    } else if (load.requests < (mode === 'shard' ? Math.ceil(c.minRequests / c.shard!.count) : c.minRequests)) {
      report.noData = `no data: ${load.requests} requests, fewer than min_requests ${c.minRequests}${mode === 'shard' ? ` (÷${c.shard!.count} shards)` : ''}`;
    }
  }

  if (c.gates.includes('load-testing')) {
    const load = report.load as LoadResults;
    if (mode === 'shard') {
      report.verdicts.push({
        gate: 'load-testing',
        passed: report.noData ? false : undefined,
        reason:
          report.noData ??
          `shard ${c.shard!.index}/${c.shard!.count} measured ${load.requests} requests; thresholds are evaluated by the merge job`,
      });
    } else {
      report.thresholds = evaluateThresholds(c.thresholds, metricSource(load), c.minRequests);
      const reasons: string[] = [];
      if (report.noData) reasons.push(report.noData);
      const broken = report.thresholds.filter((t) => !t.passed);
      if (broken.length)
        reasons.push(
          `${broken.length} of ${report.thresholds.length} thresholds failed: ${broken.map((t) => `${t.metric} ${t.expression} (${t.reason})`).join('; ')}`,
        );
      if (load.k6) {
        report.k6Thresholds = Object.entries(load.k6.metrics).flatMap(([metric, m]) =>
          Object.entries(m.thresholds ?? {}).map(([expression, passed]) => ({ metric, expression, passed })),
        );
        const k6broken = report.k6Thresholds.filter((t) => !t.passed);
        if (load.k6.thresholdsFailed || k6broken.length) {
          reasons.push(
            `k6 exit code ${load.k6.exitCode}: the script's thresholds failed${k6broken.length ? ` (${k6broken.map((t) => `${t.metric} ${t.expression}`).join(', ')})` : ''}`,
          );
        }
      }
      const passed = reasons.length === 0;
      report.verdicts.push({
        gate: 'load-testing',
        passed,
        reason: passed
          ? `${report.thresholds.length} threshold${report.thresholds.length === 1 ? '' : 's'} met over ${load.requests} requests${load.k6 ? " (and the script's k6 thresholds)" : ''}`
          : reasons.join('; '),
      });
    }
  }

  if (c.gates.includes('performance-profiling')) {
    const load = report.load as LoadResults;
    const rc = c.regression as NonNullable<GatesConfig['regression']>;
    if (mode === 'shard') {
      report.verdicts.push({
        gate: 'performance-profiling',
        passed: report.noData ? false : undefined,
        reason: report.noData ?? 'compared to the baseline by the merge job',
      });
    } else {
      let baseline: LoadResults | undefined;
      try {
        baseline = readBaseline(rc.baselinePath);
      } catch (e) {
        report.verdicts.push({ gate: 'performance-profiling', passed: false, reason: errorMessage(e) });
      }
      if (!report.verdicts.some((v) => v.gate === 'performance-profiling')) {
        const r = compareToBaseline(load, baseline, rc.baselinePath, rc.maxRegressionPct);
        if (report.noData && r.passed) {
          r.passed = false;
          r.reasons.push(report.noData);
        }
        report.regression = r;
        const loadOk = report.verdicts.find((v) => v.gate === 'load-testing')?.passed !== false;
        if (!baseline && r.passed && loadOk) r.recorded = true;
        report.verdicts.push({
          gate: 'performance-profiling',
          passed: r.passed,
          reason: !r.passed
            ? r.reasons.join('; ')
            : !baseline
              ? r.recorded
                ? `no baseline at ${rc.baselinePath}: this run is recorded as the baseline`
                : `no baseline at ${rc.baselinePath}, and this run failed its load gate: not recorded as a baseline`
              : `p95 ${fmtPct(r.p95DeltaPct)}, throughput ${fmtPct(r.rpsDeltaPct)} against the baseline (limit ${rc.maxRegressionPct}%)`,
        });
      }
    }
  }

  if (c.gates.includes('container-build')) {
    const cc = c.container as NonNullable<GatesConfig['container']>;
    try {
      report.container = await log.group(`Container build: ${cc.image}`, () =>
        buildContainer({ ...cc, cwd: c.cwd, exec: deps.exec, log }),
      );
      report.verdicts.push({
        gate: 'container-build',
        passed: report.container.passed,
        reason: report.container.passed
          ? `${report.container.sizeMb.toFixed(2)} MB in ${report.container.layers} layers${cc.maxImageSizeMb !== undefined ? ` (budget ${cc.maxImageSizeMb} MB)` : ''}${report.container.smoke ? ', smoke command passed' : ''}`
          : report.container.reasons.join('; '),
      });
    } catch (e) {
      report.containerError = errorMessage(e);
      report.verdicts.push({ gate: 'container-build', passed: false, reason: report.containerError });
    }
  }

  report.passed =
    report.verdicts.every((v) => v.passed !== false) &&
    (mode === 'shard' || report.verdicts.every((v) => v.passed === true));
  const doc = resultsDocument(report);
  mkdirSync(dirname(c.resultsPath), { recursive: true });
  writeFileSync(c.resultsPath, `${JSON.stringify(doc, null, 2)}\n`);
  log.info(`results: ${c.resultsPath}`);
  if (report.regression?.recorded && c.regression) {
    recordBaseline(c.regression.baselinePath, doc);
    log.info(
      `performance-profiling: no baseline existed; this run was recorded as the baseline at ${c.regression.baselinePath}`,
    );
  }
  return report;
}

function fmtPct(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return 'n/a';
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
}

/** The results JSON: every measurement and verdict. */
export function resultsDocument(r: GatesReport): Record<string, unknown> {
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    passed: r.mode === 'shard' ? undefined : r.passed,
    mode: r.mode,
    verdicts: r.verdicts,
    noData: r.noData,
    thresholds: r.thresholds,
    k6Thresholds: r.k6Thresholds,
    regression: r.regression,
    container: r.container,
    containerError: r.containerError,
    load: r.load,
  };
}
