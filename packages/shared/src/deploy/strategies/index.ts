/**
 * How traffic moves to the new version, one file per strategy. Each `shift` starts the new version in the new
 * slot, smoke-tests it before any traffic goes there, moves all traffic to it through `run.route()` and verifies
 * the version through the router; the engine (../engine.ts) does the rest (monitoring, keep or roll back, record).
 */
import type { Strategy } from '../config.js';
import type { DeployRun } from '../run.js';
import { blueGreen } from './blue-green.js';
import { canary } from './canary.js';
import { immediate } from './immediate.js';
import { rolling } from './rolling.js';

export interface DeployStrategy {
  /** Start, smoke-test, move all traffic, verify the version. Throws a Failure saying whether traffic moved. */
  shift(run: DeployRun): Promise<void>;
  /** The old slot keeps running for keep_previous (an instant rollback); false: stopped once the new one serves. */
  keepsPrevious: boolean;
}

export const STRATEGIES: Record<Strategy, DeployStrategy> = {
  'blue-green': blueGreen,
  canary,
  rolling,
  immediate,
};
