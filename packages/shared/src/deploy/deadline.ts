/** Deadlines: every stage of a deploy ends in time, in an explicit state. */
import { StageError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';

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
