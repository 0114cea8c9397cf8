/** Deadlines: every stage of a deploy ends in time, in an explicit state. */
import { StageError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';

/*
 * The engine's own deadlines. Users set the ones that depend on their service (`start_timeout`, `smoke_timeout`,
 * `version_timeout`, `step_duration`, `monitor_duration`, the deploy's `timeout`); these bound the engine's own
 * steps, and every one is also cut to what is left of the deploy's `timeout`.
 */

/** Beyond start_timeout for one instance: the workload enforces start_timeout itself and then cleans up; this
 * catches a workload that hangs past its own deadline. */
export const START_GRACE_MS = 10_000;
/** One instance's stop: the command workload gives a stop_command 30 s, then kills the process group. */
export const STOP_DEADLINE_MS = 40_000;
/** One router change (`nginx -t` and a reload, or the router_command). */
export const ROUTER_SWITCH_MS = 60_000;
/** The smoke tests on one new instance, unless `smoke_timeout` says otherwise: each request has its own timeout
 * (5 s or twice max_latency_ms, retried), so this stops a stage that cannot end; many slow tests need more. */
export const SMOKE_DEADLINE_MS = 120_000;
/** A re-run of a version that already serves: the version is read again, not redeployed. */
export const RERUN_VERIFY_MS = 10_000;
/** An automatic rollback gets at least this long, even when the deploy's own timeout is spent. */
export const ROLLBACK_MIN_MS = 60_000;
/** Kept back from the monitoring window so the verdict can still be acted on (rolled back, recorded). */
export const MONITOR_RESERVE_MS = 5_000;

export class DeadlineError extends StageError {
  constructor(
    readonly stage: string,
    readonly ms: number,
  ) {
    super(`${stage} did not finish within ${formatDuration(ms)}`);
    this.name = 'DeadlineError';
  }
}

/**
 * Run `fn` with a deadline. The AbortSignal given to `fn` fires at the deadline so it can clean up; the promise
 * rejects with a DeadlineError at the deadline whether or not `fn` listens.
 */
export async function withDeadline<T>(stage: string, ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort(new DeadlineError(stage, ms));
      reject(new DeadlineError(stage, ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(ctl.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
