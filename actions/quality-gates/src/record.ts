/**
 * record_results: the verdicts of an earlier run (its results JSON) recorded in the release status record by a
 * job that may write it (the reusable workflow's gates job is read-only: it runs the candidate). No gate runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputValues } from '@release-actions/shared/action';
import type { GatesReport } from '@release-actions/shared/gates';
import { GATE_NAME_PATTERN } from '@release-actions/shared/status';
import { errorMessage, InputError, type Logger, quoteLogValue } from '@release-actions/shared';
import { confinedPath, need, RECORD_ACCEPTS } from './config.js';
import type { action } from './inputs.js';

type Inputs = InputValues<(typeof action)['inputs']>;

const EXPECTED =
  'the results JSON of an earlier quality-gates run (its `results` output; of the merge job when sharded)';

/**
 * The report to record, read and checked before any side effect (bad input otherwise). The file is an artifact
 * another job wrote: its gate names are checked (they become keys of the record, table cells, log lines) and
 * `passed` is derived again from its verdicts, never trusted (a warning names a file that claims otherwise).
 */
export function readRecordedResults(i: Inputs, workspace: string, log?: Logger): GatesReport {
  for (const other of ['shard', 'merge'] as const) {
    if (i[other]) {
      throw new InputError(
        other,
        `Input "${other}" has the value ${JSON.stringify(i[other])} while "record_results" is ${JSON.stringify(i.record_results)}; expected one or the other: record_results runs no load, it records an earlier run's verdicts.`,
      );
    }
  }
  if (!i.status_branch) throw need('status_branch', 'with record_results', RECORD_ACCEPTS.status_branch);
  if (!i.version) throw need('version', 'with record_results', RECORD_ACCEPTS.version);
  const path = resolve(workspace, confinedPath(workspace, 'record_results', i.record_results));
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(
      'record_results',
      `Input "record_results" has the value ${JSON.stringify(i.record_results)}, which cannot be read as JSON (${errorMessage(e)}); expected ${EXPECTED}.`,
    );
  }
  const d = doc as Partial<GatesReport> & { version?: unknown };
  if (
    typeof d !== 'object' ||
    d === null ||
    d.version !== 1 ||
    !Array.isArray(d.verdicts) ||
    typeof d.passed !== 'boolean' ||
    d.mode === 'shard'
  ) {
    throw new InputError(
      'record_results',
      `Input "record_results" has the value ${JSON.stringify(i.record_results)}, a JSON file without a verdict${d && typeof d === 'object' && d.mode === 'shard' ? " (a shard's results: record the merge job's)" : ''}; expected ${EXPECTED}.`,
    );
  }
  const report = d as GatesReport;
  const named = `Input "record_results" has the value ${JSON.stringify(i.record_results)}`;
  report.verdicts.forEach((v, n) => {
    const gate = (v as { gate?: unknown } | null)?.gate;
    if (typeof gate !== 'string' || !GATE_NAME_PATTERN.test(gate)) {
      throw new InputError(
        'record_results',
        `${named}, whose verdicts[${n}] has the gate name ${quoteLogValue(gate)}; expected a gate name of at most 64 letters, digits, blanks and . _ ( ) / : - on one line (${EXPECTED}).`,
      );
    }
    if (typeof v.passed !== 'boolean' && v.passed !== undefined) {
      throw new InputError(
        'record_results',
        `${named}, whose verdicts[${n}] (${gate}) has passed ${quoteLogValue(v.passed)}; expected true or false (${EXPECTED}).`,
      );
    }
  });
  // A run passes when every gate passed, and at least one ran (a gate with no data fails).
  const passed = report.verdicts.length > 0 && report.verdicts.every((v) => v.passed === true);
  if (report.passed !== passed) {
    const failed = report.verdicts.filter((v) => v.passed !== true).map((v) => v.gate);
    log?.warning(
      `${JSON.stringify(i.record_results)} says passed: ${report.passed}, but its verdicts say ${passed ? 'passed' : `failed (${failed.join(', ') || 'no verdict'})`}: recorded as ${passed ? 'passed' : 'failed'}.`,
    );
  }
  return { ...report, passed, resultsPath: path };
}
