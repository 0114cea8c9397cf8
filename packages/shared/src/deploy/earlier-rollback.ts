/**
 * A rollback asked for when the environment already runs the version it would restore: the deploy rolled itself
 * back (a monitoring breach with rollback_on_failure), failed before traffic moved, or an earlier run of this
 * rollback did it. Read from the slot history, so that the rollback job of release.yml (and its re-runs) confirms
 * instead of going one version further back.
 */
import { servingVersion, type DeployState } from './state.js';

export interface EarlierRollback {
  /** The version that was rolled back (or never got traffic). */
  from: string;
  /** The version serving, the one a rollback would restore. */
  to: string;
  /** Who put `to` back: for the summary and the incident issue. */
  by: string;
  at: string;
}

/**
 * The newest history entry, when it left `toVersion` (or, with none named, the version before a deploy that rolled
 * itself back) serving. A by-hand rollback with no version named after an earlier rollback still goes further back.
 */
export function earlierRollback(state: DeployState, toVersion?: string): EarlierRollback | undefined {
  const serving = servingVersion(state);
  const last = state.deployments[0];
  if (!serving || !last || (toVersion && toVersion !== serving)) return undefined;
  if (last.strategy === 'rollback') {
    if (!toVersion || last.status !== 'rolled-back' || last.version !== serving || !last.previous_version)
      return undefined;
    return { from: last.previous_version, to: serving, by: 'an earlier rollback', at: last.at };
  }
  if (last.previous_version !== serving || last.version === serving) return undefined;
  if (last.status === 'rolled-back')
    return { from: last.version, to: serving, by: `the deploy of ${last.version} (rollback_on_failure)`, at: last.at };
  if (last.status === 'failed' && toVersion)
    return {
      from: last.version,
      to: serving,
      by: `the deploy of ${last.version}, which failed before traffic moved`,
      at: last.at,
    };
  return undefined;
}
