#!/usr/bin/env node
// bench/workflow: the local workflow executor's own cost (issue 16, item 6).
//   - dry run of the whole release.yml graph (parse, validation, every if: evaluated): in process, cold and warm,
//     and as a user runs it (`release-actions workflow run --dry-run`, a new Node process), beside `node -e ""`;
//   - per-step overhead: a job of N trivial `run: true` steps through the executor against the same N scripts
//     spawned directly with the runner's bash command line. Overhead per step = the executor's time beyond the
//     steps' own, divided by the steps (a one-step run is subtracted from both, so loading and parsing cancel).
// Targets: dry run < 1 s; executor overhead < 50 ms per step. No timing is asserted in tests; this prints.
//
//   npm run bench -- workflow [--steps 100] [--runs 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTs } from '../../scripts/load-ts.mjs';
import { opt, ROOT } from '../args.mjs';

const N = opt('steps', 100);
const RUNS = opt('runs', 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const { runWorkflow } = await loadTs('packages/workflow/src/index.ts');
const work = mkdtempSync(join(tmpdir(), 'ra-bench-workflow-'));
try {
  // ---- dry run of release.yml -------------------------------------------------------------------------------------
  const release = join(ROOT, '.github/workflows/release.yml');
  const dry = () =>
    runWorkflow({
      workflow: release,
      packageRoot: ROOT,
      repository: ROOT,
      dryRun: true,
      inputs: { version_bump: 'minor' },
    });
  let t = performance.now();
  const report = await dry();
  const cold = performance.now() - t;
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await dry();
    warm.push(performance.now() - t);
  }
  const wall = (argv) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
    return performance.now() - t0;
  };
  const cliRuns = [];
  const nodeRuns = [];
  for (let i = 0; i < RUNS; i++) {
    cliRuns.push(
      wall([join(ROOT, 'cli/release-actions.mjs'), 'workflow', 'run', '--dry-run', '--input', 'version_bump=minor']),
    );
    nodeRuns.push(wall(['-e', '']));
  }

  // ---- per-step overhead ------------------------------------------------------------------------------------------
  const workflowOf = (n) =>
    `on: workflow_dispatch\njobs:\n  steps:\n    runs-on: ubuntu-latest\n    steps:\n${'      - run: true\n'.repeat(n)}`;
  const viaExecutor = async (n) => {
    const file = join(work, `wf-${n}.yml`);
    writeFileSync(file, workflowOf(n));
    const t0 = performance.now();
    const r = await runWorkflow({
      workflow: file,
      packageRoot: ROOT,
      repository: work,
      runDir: join(work, `run-${n}-${Math.random()}`),
    });
    const total = performance.now() - t0;
    if (r.conclusion !== 'success') throw new Error(`the ${n}-step workflow failed`);
    return total;
  };
  const direct = (n) => {
    const script = join(work, 'step.sh');
    writeFileSync(script, 'true');
    const t0 = performance.now();
    for (let i = 0; i < n; i++)
      spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: work, stdio: 'ignore' });
    return performance.now() - t0;
  };
  const rows = [];
  for (let i = 0; i < Math.max(1, Math.floor(RUNS / 2)); i++) {
    const [e1, eN] = [await viaExecutor(1), await viaExecutor(N)];
    const [d1, dN] = [direct(1), direct(N)];
    rows.push({ executor: (eN - e1) / (N - 1), steps: (dN - d1) / (N - 1) });
  }
  const perStepExecutor = median(rows.map((r) => r.executor));
  const perStepSteps = median(rows.map((r) => r.steps));

  const out = [
    `bench/workflow — the local executor (${process.version}, ${RUNS} runs, median; load average ${loadavg()[0].toFixed(1)})`,
    '',
    `dry run of release.yml (${report.jobs.length} jobs)   target < 1 s`,
    `  in process, cold (parse + validate + evaluate)   ${ms(cold)}`,
    `  in process, warm                                 ${ms(median(warm))}`,
    `  release-actions workflow run --dry-run (new process) ${ms(median(cliRuns))}   (node -e "" here: ${ms(median(nodeRuns))})`,
    '',
    `per step, ${N} trivial "run: true" steps                target: executor overhead < 50 ms`,
    `  the step itself (bash spawned directly)          ${ms(perStepSteps)}`,
    `  through the executor                             ${ms(perStepExecutor)}`,
    `  executor overhead                                ${ms(perStepExecutor - perStepSteps)}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
