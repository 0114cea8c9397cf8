/**
 * gates/: the quality gates, run by actions/quality-gates.
 * - gates.ts: the whole run (load or merged shards, thresholds, regression, container build) and its verdicts.
 * - load.ts: the built-in load engine (autocannon); k6.ts: the k6 engine (PATH or tool-cache download).
 * - profiles.ts: baseline/peak/stress/soak and shards; requests.ts: what the load sends.
 * - results.ts: the results JSON; histogram.ts: HDR latency histograms (exact percentiles, mergeable).
 * - thresholds.ts: k6-syntax thresholds, parsed before the load, evaluated after (no data fails).
 * - regression.ts: against a stored baseline; container.ts: the image build and its size budget.
 * - service.ts: the service under test, started and stopped around the load.
 * - report.ts: the job summary; status.ts: the verdicts as the status record keeps them.
 * - exec.ts: the ExecFn the gates take (util/exec underneath) and a shell-free command-line splitter.
 */
export * from './container.js';
export * from './exec.js';
export * from './gates.js';
export * from './histogram.js';
export * from './k6.js';
export * from './load.js';
export * from './profiles.js';
export * from './regression.js';
export * from './report.js';
export * from './requests.js';
export * from './results.js';
export * from './service.js';
export * from './thresholds.js';
export * from './status.js';
