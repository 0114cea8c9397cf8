// What the whole-process benchmarks (bench/changelog, bench/monorepo) share: the check that what they run is
// there, a seeded random source and git fast-import for the synthetic repository, an action's runner
// environment, and the measure of one process (wall time, peak RSS).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs } from '../scripts/load-ts.mjs';
import { ROOT } from './args.mjs';

/** Stops with a message when `path` (`what`) is missing. */
export function requireFile(what, path) {
  if (!existsSync(path)) {
    process.stderr.write(`missing ${what}: ${path}\n`);
    process.exit(1);
  }
}

/** The bundled action `id` (its dist/index.js), which must have been built. */
export function bundledAction(id) {
  const path = join(ROOT, 'actions', id, 'dist', 'index.js');
  requireFile('the bundled action (npm run bundle)', path);
  return path;
}

/** A line on stdout. */
export const out = (s) => process.stdout.write(s + '\n');

/** A pseudo-random integer below `n`, from a seeded generator: the same repository on every run. */
export function seededRandom(seed) {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

/** A fast-import stream (`chunks`) into the repository at `dir`, then main checked out and packed. */
export function fastImport(dir, chunks) {
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  spawnSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  spawnSync('git', ['gc', '-q'], { cwd: dir });
}

/**
 * An action's environment as a runner sets it: `inputs` as INPUT_* (none inherited), the workspace, RUNNER_TEMP
 * and empty file-command files, and no V8 compile cache (a runner starts every job cold).
 */
export function actionEnv(cwd, tmp, inputs) {
  const env = { ...process.env, GITHUB_WORKSPACE: cwd, GITHUB_REPOSITORY: 'bench/repo', RUNNER_TEMP: tmp };
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k];
  delete env.NODE_COMPILE_CACHE;
  env.NODE_DISABLE_COMPILE_CACHE = '1';
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  env.GITHUB_OUTPUT = join(tmp, 'output');
  env.GITHUB_STEP_SUMMARY = join(tmp, 'summary');
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  return env;
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// The one process runner (packages/shared/src/util/exec.ts).
const { exec } = await loadTs('packages/shared/src/util/exec.ts');

/** One whole process: wall time, and peak RSS where GNU time is installed (else NaN). */
export async function measure(cmd, argv, o) {
  const full = timeBin ? [timeBin, ['-f', '%e %M', cmd, ...argv]] : [cmd, argv];
  const started = process.hrtime.bigint();
  const r = await exec(full[0], full[1], { cwd: o.cwd, env: o.env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw r.error;
  const m = timeBin ? /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(r.stderr) : null;
  if (r.code !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.code}: ${r.stderr.slice(-2000)}`);
  return { ms, rssMb: m ? Number(m[2]) / 1024 : NaN, stdout: r.stdout, stderr: r.stderr };
}

export const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
