/**
 * `release-actions <stage> --<input> value …`: runs one stage locally through its committed bundle, with flags
 * named after the action's inputs; `release-actions dashboard` writes the release dashboard; `release-actions verify`
 * checks a released artifact's signed provenance. Returns the exit
 * code: the action's own, or 2 for a usage error (unknown stage or flag, missing value).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStageBundle } from '@release-actions/runner';
import { parseStatusYaml, renderDashboard } from '@release-actions/shared/dashboard';
import { errorMessage } from '@release-actions/shared';
import { parseFlags, UsageError } from './args.js';
import { DASHBOARD_FLAGS, dashboardHelp, mainHelp, stageHelp } from './help.js';
import { findStage, STAGES } from './stages.js';
import type { verifyCommand as VerifyCommand } from './verify.js';
import { workflowCommand } from './workflow.js';

/** The repository root: cli/src (sources) and cli/dist (the bundle) both sit two levels below it. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}

export const processIo = (): CliIo => ({
  cwd: process.cwd(),
  env: process.env,
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});

function indent(value: string): string {
  return value.includes('\n') ? `\n${value.replace(/^/gm, '      ')}` : ` ${value}`;
}

async function dashboard(argv: string[], io: CliIo): Promise<number> {
  const { values, help } = parseFlags(argv, DASHBOARD_FLAGS, 'dashboard');
  if (help) {
    io.out(dashboardHelp());
    return 0;
  }
  const limitText = values.limit ?? DASHBOARD_FLAGS.limit.default;
  if (!/^[1-9]\d{0,6}$/.test(limitText))
    throw new UsageError(
      `dashboard: --limit has the value ${JSON.stringify(limitText)}; expected a whole number of releases from 1, e.g. 200`,
    );
  const statusPath = resolve(io.cwd, values.status ?? DASHBOARD_FLAGS.status.default);
  const outPath = resolve(io.cwd, values.out ?? DASHBOARD_FLAGS.out.default);
  let text: string;
  try {
    text = readFileSync(statusPath, 'utf8');
  } catch (e) {
    io.err(`dashboard: cannot read the status record ${statusPath}: ${errorMessage(e)}\n`);
    return 1;
  }
  let model;
  try {
    model = parseStatusYaml(text, { limit: Number(limitText) });
  } catch (e) {
    io.err(`dashboard: ${statusPath} is not valid YAML: ${errorMessage(e).split('\n')[0]}\n`);
    return 1;
  }
  const rel = relative(io.cwd, statusPath);
  const source = rel && !rel.startsWith('..') ? rel : basename(statusPath);
  const html = renderDashboard(model, { title: values.title, source });
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, html);
  const kb = (Buffer.byteLength(html) / 1024).toFixed(1);
  const older = model.omitted ? ` (${model.omitted} older not shown: --limit ${limitText})` : '';
  io.out(`dashboard: ${model.releases.length} releases${older} from ${source} → ${outPath} (${kb} KiB)\n`);
  return 0;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      if (command === 'help' && rest[0]) return main([rest[0], '--help'], io);
      if (command === undefined) {
        io.err(mainHelp());
        return 2;
      }
      io.out(mainHelp());
      return 0;
    }
    if (command === 'dashboard') return await dashboard(rest, io);
    if (command === 'workflow') return await workflowCommand(rest, io);
    if (command === 'verify') {
      // A bundle of its own (cli/dist/verify.js): the Sigstore libraries it needs are 1.4 MiB that every other
      // command would otherwise compile at startup.
      const { verifyCommand } = (await import(new URL('./verify.js', import.meta.url).href)) as {
        verifyCommand: typeof VerifyCommand;
      };
      return await verifyCommand(rest, io);
    }
    const def = findStage(command);
    if (!def) {
      throw new UsageError(
        `unknown stage ${JSON.stringify(command)}; stages: ${STAGES.map((s) => s.id).join(', ')}, dashboard (see --help)`,
      );
    }
    const { values, help } = parseFlags(rest, def.inputs, def.id);
    if (help) {
      io.out(stageHelp(def));
      return 0;
    }
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 24) io.err(`note: actions run on Node 24 (runs.using: node24); this is Node ${process.version}\n`);
    const run = await runStageBundle(def, values, {
      cwd: io.cwd,
      env: io.env,
      root: ROOT,
      write: (text, stream) => (stream === 'stdout' ? io.out(text) : io.err(text)),
    });
    const lines = [
      '',
      `release-actions ${def.id}: ${run.code === 0 ? 'succeeded' : `failed (exit code ${run.code})`} in ${(run.durationMs / 1000).toFixed(1)} s`,
    ];
    const outputs = Object.entries(run.outputs);
    lines.push(outputs.length ? 'outputs:' : 'outputs: none');
    for (const [k, v] of outputs) lines.push(`  ${k}:${indent(v)}`);
    lines.push(`job summary: ${run.summaryPath ?? 'none written'}`);
    io.out(`${lines.join('\n')}\n`);
    return run.code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`release-actions: ${e.message}\n`);
      return 2;
    }
    io.err(`release-actions: ${errorMessage(e)}\n`);
    return 1;
  }
}
