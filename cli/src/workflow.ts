/**
 * `release-actions workflow run`: runs the reusable workflow (or a caller workflow that uses it) on this machine
 * with the local executor (@release-actions/workflow); `--dry-run` prints per job whether it would run, be
 * skipped or wait for an approval, and why, without running a step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '@release-actions/shared';
import { runWorkflow, WorkflowError, type ApprovalRequest, type RunReport } from '@release-actions/workflow';
import { UsageError } from './args.js';
import type { CliIo } from './cli.js';

/** This package: cli/src/workflow.ts and cli/dist/release-actions.js are both two levels below it. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const WORKFLOW_HELP = `release-actions workflow run — run the reusable workflow (release.yml) locally

Usage:
  release-actions workflow run [--workflow <path>] [--input name=value]... [--secret name=value]...
                               [--var name=value]... [--event <event.json>] [--dry-run] [--approve all]
                               [--assume job.output=value]... [--must-run job]... [--reviewers environment=a,b]...
                               [--job job]... [--run-dir <dir>]

  --workflow    the workflow to run: release.yml itself, or a caller workflow whose job uses
                ./.github/workflows/release.yml or <owner>/release-actions/.github/workflows/release.yml@<ref>.
                Default: .github/workflows/release.yml of the current directory, else release-actions' own.
  --input       an input of the workflow (workflow_call or workflow_dispatch), repeatable.
  --secret      a secret (GITHUB_TOKEN is github.token; default $GITHUB_TOKEN), repeatable; printed as ***.
  --var         a configuration variable (vars.<name>), repeatable.
  --event       a JSON payload for github.event.
  --dry-run     evaluate the job graph only: per job run / skip / wait-for-approval / depends, and why.
  --assume      (dry run) take a job's output as given, e.g. --assume plan.releasable=true.
  --must-run    a job that must not be skipped (repeatable): fails naming the job and its if: otherwise.
  --job         run only this job (repeatable; release/plan inside a caller's job release): the others are
                skipped as not selected. --job plan runs the plan and its whole preflight, and nothing else.
  --approve all approve every environment without asking (the reviewers asked are printed).
  --reviewers   reviewers to name when an environment asks, e.g. --reviewers production=alice,bob.
  --run-dir     where job workspaces, RUNNER_TEMP, summaries and artifacts go (default: a new temp dir).

Exit code: 0 when the run succeeded (or the dry run evaluated), 1 when a job failed or the workflow cannot run
here (the error names the job and key), 2 for a usage error.
`;

interface Parsed {
  workflow?: string;
  inputs: Record<string, string>;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  assume: Record<string, Record<string, string>>;
  mustRun: string[];
  jobs: string[];
  reviewers: Record<string, string[]>;
  event?: string;
  dryRun: boolean;
  approveAll: boolean;
  runDir?: string;
}

function pair(flag: string, value: string): [string, string] {
  const i = value.indexOf('=');
  if (i <= 0) throw new UsageError(`${flag} takes name=value, got ${JSON.stringify(value)}`);
  return [value.slice(0, i), value.slice(i + 1)];
}

export function parseWorkflowFlags(argv: readonly string[]): Parsed {
  const p: Parsed = {
    inputs: {},
    secrets: {},
    vars: {},
    assume: {},
    mustRun: [],
    jobs: [],
    reviewers: {},
    dryRun: false,
    approveAll: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--workflow':
        p.workflow = value();
        break;
      case '--input':
      case '--secret':
      case '--var': {
        const [k, v] = pair(flag, value());
        ({ '--input': p.inputs, '--secret': p.secrets, '--var': p.vars })[flag][k] = v;
        break;
      }
      case '--assume': {
        const [k, v] = pair(flag, value());
        const dot = k.lastIndexOf('.');
        if (dot <= 0) throw new UsageError(`--assume takes job.output=value, got ${JSON.stringify(k)}`);
        (p.assume[k.slice(0, dot)] ??= {})[k.slice(dot + 1)] = v;
        break;
      }
      case '--reviewers': {
        const [k, v] = pair(flag, value());
        p.reviewers[k] = v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      }
      case '--must-run':
        p.mustRun.push(value());
        break;
      case '--job':
        p.jobs.push(value());
        break;
      case '--event':
        p.event = value();
        break;
      case '--run-dir':
        p.runDir = value();
        break;
      case '--dry-run':
        p.dryRun = true;
        break;
      case '--approve': {
        const v = value();
        if (v !== 'all')
          throw new UsageError(`--approve takes "all" (without it, each environment is asked on the terminal)`);
        p.approveAll = true;
        break;
      }
      default:
        throw new UsageError(`unknown flag ${JSON.stringify(raw)} for workflow run (see workflow --help)`);
    }
  }
  return p;
}

/** Asks on the terminal; anything but y/yes rejects. */
async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  '))
    .join('\n');
}

export function reportText(report: RunReport, dryRun: boolean): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const rows = dryRun
    ? [['job', 'decision', 'why'], ...report.jobs.map((j) => [j.id, j.decision, oneLine(j.reason)])]
    : [
        ['job', 'result', 'time', 'why'],
        ...report.jobs.map((j) => [
          j.id,
          j.result,
          j.decision === 'skip' ? '' : `${(j.durationMs / 1000).toFixed(1)} s`,
          oneLine(j.reason),
        ]),
      ];
  const lines = ['', table(rows), ''];
  const outputs = Object.entries(report.outputs);
  if (outputs.length) lines.push('outputs:', ...outputs.map(([k, v]) => `  ${k}: ${v}`), '');
  lines.push(
    dryRun
      ? `dry run of ${report.workflow} in ${report.durationMs.toFixed(0)} ms: no step ran`
      : `${report.workflow}: ${report.conclusion} in ${(report.durationMs / 1000).toFixed(1)} s; workspaces, summaries and artifacts in ${report.runDir}`,
  );
  return `${lines.join('\n')}\n`;
}

export async function workflowCommand(
  argv: readonly string[],
  io: CliIo,
  ask: (q: string) => Promise<string> = askOnTerminal,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.out(WORKFLOW_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'run') throw new UsageError(`unknown workflow command ${JSON.stringify(sub)}; there is: workflow run`);
  const p = parseWorkflowFlags(rest);
  const own = join(io.cwd, '.github/workflows/release.yml');
  const workflow = p.workflow
    ? resolve(io.cwd, p.workflow)
    : existsSync(own)
      ? own
      : join(PACKAGE_ROOT, '.github/workflows/release.yml');
  let payload: Record<string, unknown> | undefined;
  if (p.event) {
    try {
      payload = JSON.parse(readFileSync(resolve(io.cwd, p.event), 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`--event ${p.event}: ${errorMessage(e)}`);
    }
  }
  const secrets = { ...p.secrets };
  if (secrets.GITHUB_TOKEN === undefined && io.env.GITHUB_TOKEN) secrets.GITHUB_TOKEN = io.env.GITHUB_TOKEN;
  const approve = async (r: ApprovalRequest): Promise<boolean> => {
    const who = r.reviewers.length
      ? r.reviewers.join(', ')
      : 'the reviewers of the environment (none configured here; --reviewers)';
    if (p.approveAll) {
      io.out(
        `approval: job ${r.job} waits for environment ${r.environment}; asked: ${who}; approved (--approve all)\n`,
      );
      return true;
    }
    const answer = await ask(
      `job ${r.job} waits for environment ${r.environment}${r.url ? ` (${r.url})` : ''}; reviewers: ${who}. Approve? [y/N] `,
    );
    const ok = /^y(es)?$/i.test(answer.trim());
    io.out(`approval: environment ${r.environment} ${ok ? 'approved' : 'rejected'} for job ${r.job}\n`);
    return ok;
  };
  try {
    const report = await runWorkflow({
      workflow,
      packageRoot: PACKAGE_ROOT,
      repository: io.cwd,
      inputs: p.inputs,
      secrets,
      vars: p.vars,
      event: payload ? { payload } : undefined,
      dryRun: p.dryRun,
      assume: p.assume,
      mustRun: p.mustRun,
      jobs: p.jobs.length ? p.jobs : undefined,
      reviewers: p.reviewers,
      runDir: p.runDir ? resolve(io.cwd, p.runDir) : undefined,
      approve,
      env: io.env,
      log: (line) => io.out(`${line}\n`),
    });
    io.out(reportText(report, p.dryRun));
    return report.conclusion === 'success' ? 0 : 1;
  } catch (e) {
    if (e instanceof WorkflowError) {
      io.err(`release-actions workflow: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
