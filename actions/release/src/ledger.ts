/**
 * The steps' record: each step's state in this attempt's report (the summary) and, once the version is claimed,
 * in the status record's ledger under the run id, which a re-run (same run id, next attempt) resumes from. The
 * step names and states recorded here are what the summary, the dashboard and the tests read: keep them stable.
 */
import { ensureRelease, type ReleaseRecord, recordStep, type StepState } from '@release-actions/shared/status';
import type { ReleaseDeps, StepReport } from './types.js';

export type StepResult = { state: StepState; detail?: string; extra?: (rec: ReleaseRecord) => void };

export class Ledger {
  readonly steps: StepReport[] = [];
  /** The step under way: reported as failed when the release stops in it. */
  current?: string;
  private version?: string;
  /** Set for an independent release: its record is found by version and tag. */
  private tag?: string;

  constructor(private readonly d: Pick<ReleaseDeps, 'store' | 'runId' | 'runAttempt' | 'log' | 'fault'>) {}

  report(step: string, state: StepState, detail?: string): void {
    const i = this.steps.findIndex((s) => s.step === step);
    const entry = { step, state, ...(detail ? { detail } : {}) };
    if (i >= 0) this.steps[i] = entry;
    else this.steps.push(entry);
  }

  /** From now on, marks are written to the status record under `version` (the claim made it ours). */
  claimed(version: string, tag?: string): void {
    this.version = version;
    this.tag = tag;
  }

  /** Record a step's state in this attempt's report and (once the version is claimed) in the ledger. */
  async mark(step: string, state: StepState, detail?: string, extra?: (rec: ReleaseRecord) => void): Promise<void> {
    this.report(step, state, detail);
    const version = this.version;
    if (!version) return;
    const { runId, runAttempt } = this.d;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version, this.tag ? { tag: this.tag } : {});
      recordStep(rec, runId, step, state, { attempt: runAttempt, detail });
      extra?.(rec);
    }, `release ${version}: ${step} ${state} (run ${runId}.${runAttempt})`);
  }

  /**
   * Run one step in a log group: `fn` returns 'done' or 'already-done' (and a detail, and what the step made,
   * handed back to the caller); the state is marked, then the fault hook runs.
   */
  async step<R extends StepResult>(name: string, fn: () => Promise<R>): Promise<R> {
    this.current = name;
    const res = await this.d.log.group(name, fn);
    await this.mark(name, res.state, res.detail, res.extra);
    this.current = undefined;
    this.d.fault?.(name);
    return res;
  }

  /** Work that is reported under `name` only if it fails (checks before the first side effect). */
  async within<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.current = name;
    const res = await fn();
    this.current = undefined;
    return res;
  }

  fault(name: string): void {
    this.d.fault?.(name);
  }

  /** The release stopped: the step under way is failed, and so is the record of this run's release. */
  async persistFailure(message: string, dryRun: boolean, fields: Record<string, unknown> = {}): Promise<void> {
    if (!this.version || dryRun) return;
    const version = this.version;
    const { runId, runAttempt } = this.d;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version, this.tag ? { tag: this.tag } : {});
      if (rec.run_id === runId && rec.status !== 'released') {
        rec.status = 'failed';
        rec.error = message.slice(0, 500);
        Object.assign(rec, fields);
      }
      for (const s of this.steps.filter((x) => x.state === 'failed')) {
        recordStep(rec, runId, s.step, 'failed', { attempt: runAttempt, detail: s.detail });
      }
    }, `release ${version}: failed (run ${runId}.${runAttempt})`);
  }
}
