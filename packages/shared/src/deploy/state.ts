/**
 * The deploy state of one environment, kept in `<state_dir>/state.json` so a later job (a rollback, the next
 * deploy) finds which slot serves which version on which port. Written atomically; every change is appended to
 * `history` (timestamped). The status record (release-status.yaml) keeps the release-level view.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance, SlotName } from './types.js';

export interface SlotState {
  version: string;
  instances: Instance[];
  /** When the slot may be stopped (an ISO time), set when it stops serving. */
  retire_after?: string;
  /** Deployment id (GitHub) that put this version there. */
  deployment_id?: number;
}

export interface DeployState {
  environment: string;
  /** Slot serving all traffic (blue-green, immediate, rolling end) or the stable one during a canary. */
  active_slot?: SlotName;
  /** Percent of traffic per slot as last applied. */
  weights: Partial<Record<SlotName, number>>;
  slots: Partial<Record<SlotName, SlotState>>;
  /** Last deployments: newest first, at most 20. */
  deployments: {
    version: string;
    slot: SlotName;
    status: string;
    strategy: string;
    deployment_id?: number;
    at: string;
    previous_version?: string;
  }[];
  updated_at?: string;
}

export class StateFile {
  readonly file: string;
  constructor(readonly dir: string) {
    this.file = join(dir, 'state.json');
  }
  read(environment: string): DeployState {
    if (!existsSync(this.file)) return { environment, weights: {}, slots: {}, deployments: [] };
    const s = JSON.parse(readFileSync(this.file, 'utf8')) as DeployState;
    s.weights ??= {};
    s.slots ??= {};
    s.deployments ??= [];
    return s;
  }
  write(state: DeployState): void {
    mkdirSync(this.dir, { recursive: true });
    state.updated_at = new Date().toISOString();
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
    renameSync(tmp, this.file);
  }
}

/** The version serving now (the active slot's). */
export function servingVersion(s: DeployState): string | undefined {
  return s.active_slot ? s.slots[s.active_slot]?.version : undefined;
}
