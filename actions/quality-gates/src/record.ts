/**
 * record_results: the verdicts of an earlier run (its results JSON) recorded in the release status record by a
 * job that may write it (the reusable workflow's gates job is read-only: it runs the candidate). No gate runs.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { InputValues } from '@release-actions/shared/action';
import type { GatesReport } from '@release-actions/shared/gates';
import { errorMessage, InputError } from '@release-actions/shared';
import { need, RECORD_ACCEPTS } from './config.js';
import type { action } from './inputs.js';

type Inputs = InputValues<(typeof action)['inputs']>;

const EXPECTED =
  'the results JSON of an earlier quality-gates run (its `results` output; of the merge job when sharded)';

/** The report to record, read and checked before any side effect (bad input otherwise). */
export function readRecordedResults(i: Inputs, workspace: string): GatesReport {
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
  const path = isAbsolute(i.record_results) ? i.record_results : resolve(workspace, i.record_results);
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
  return { ...(d as GatesReport), resultsPath: path };
}
