/**
 * The deploy timeline: every transition of a deploy or a rollback, timestamped, logged, kept in the status
 * record's deployment timeline and drawn in the job summary. The states are a closed set (documented in
 * actions/deploy/README.md, "Timeline states"): tests, the summary and incident reports match on them.
 */
import type { Logger } from '../util/logger.js';

export type TimelineState =
  // both deploy and rollback
  | 'started'
  | 'starting'
  | 'healthy'
  | 'stopped'
  | 'routing'
  | 'version-verified'
  | 'rolled-back'
  | 'failed'
  // deploy: before traffic moves
  | 'smoke'
  | 'smoke-skipped'
  | 'smoke-passed'
  | 'aborted'
  | 'traffic-untouched'
  // deploy: traffic moves (blue-green, immediate)
  | 'switching'
  | 'switched'
  // canary
  | 'canary-step'
  | 'analysis-passed'
  | 'promoted'
  // rolling
  | 'rolling-batch'
  | 'batch-healthy'
  // deploy: after the switch
  | 'version-check'
  | 'monitoring'
  | 'monitor-passed'
  | 'inconclusive'
  | 'kept-previous'
  | 'succeeded'
  // deploy: a failure after traffic moved
  | 'rolling-back'
  | 'restarting-previous'
  | 'left-as-is'
  // rollback: the kept slot no longer runs
  | 'previous-gone';

export interface TimelineEvent {
  at: string;
  /** ms since the deploy started */
  t: number;
  state: TimelineState;
  detail?: string;
}

export class Timeline {
  readonly events: TimelineEvent[] = [];
  private readonly t0 = Date.now();
  constructor(
    private readonly log: Logger,
    private readonly onEvent?: (e: TimelineEvent) => void,
  ) {}
  mark(state: TimelineState, detail?: string): void {
    const e: TimelineEvent = {
      at: new Date().toISOString(),
      t: Date.now() - this.t0,
      state,
      ...(detail ? { detail } : {}),
    };
    this.events.push(e);
    this.log.info(`[${e.at}] ${state}${detail ? `: ${detail}` : ''}`);
    this.onEvent?.(e);
  }
  elapsed(): number {
    return Date.now() - this.t0;
  }
}
