/** What a deploy is asked to do (DeployConfig), what it works with (EngineDeps) and what it answers (DeployResult). */
import type { Logger } from '../util/logger.js';
import { monitor as httpMonitor, type MonitorOptions, type MonitorResult } from './monitor.js';
import { runSmokeTests } from './smoke.js';
import type { StateFile } from './state.js';
import type { TimelineEvent } from './timeline.js';
import type { Router, SlotName, SmokeResult, SmokeTest, Workload } from './types.js';
import { readVersion, type VersionSource } from './version.js';

export type Strategy = 'blue-green' | 'canary' | 'rolling' | 'immediate';
export type DeployStatus = 'succeeded' | 'rolled-back' | 'failed' | 'inconclusive';

export interface DeployConfig {
  version: string;
  environment: string;
  strategy: Strategy;
  runSmokeTests: boolean;
  smokeTests: SmokeTest[];
  rollbackOnFailure: boolean;
  canarySteps: number[];
  stepDurationMs: number;
  /** Monitoring window after the switch; durationMs 0 for none. */
  monitor: Omit<MonitorOptions, 'label' | 'log'>;
  versionSource: VersionSource;
  /** Instances per slot (rolling replaces them batch by batch). */
  instances: number;
  batchSize: number;
  keepPreviousMs: number;
  timeoutMs: number;
  /** Deadline for one instance to become healthy. */
  startTimeoutMs: number;
  /** Deadline for the smoke tests of one new instance (default SMOKE_DEADLINE_MS). */
  smokeTimeoutMs?: number;
  /** Deadline for the router to report the new version after a switch. */
  versionTimeoutMs: number;
  /** Time between version reads (default 100 ms). */
  versionPollMs?: number;
  /** Fixed base ports per slot (instance i uses base + i); default: free ephemeral ports. */
  ports?: Partial<Record<SlotName, number>>;
}

/**
 * What the engine observes the world with. Default: HTTP (smoke tests against an instance, the version at
 * version_url, probes and Prometheus queries while monitoring). Unit tests give small fakes.
 */
export interface Checks {
  smoke(base: string, tests: SmokeTest[], log: Logger): Promise<SmokeResult[]>;
  readVersion(src: VersionSource): Promise<string>;
  monitor(o: MonitorOptions): Promise<MonitorResult>;
}

export const httpChecks: Checks = { smoke: runSmokeTests, readVersion, monitor: httpMonitor };

export interface EngineDeps {
  workload: Workload;
  router: Router;
  stateFile: StateFile;
  log: Logger;
  /** Called on every transition (e.g. to keep the status record's timeline current). */
  onEvent?: (e: TimelineEvent) => void;
  /** Default httpChecks. */
  checks?: Partial<Checks>;
}

export interface DeployResult {
  status: DeployStatus;
  reason: string;
  activeSlot?: SlotName;
  newSlot: SlotName;
  previousVersion?: string;
  rolledBack: boolean;
  /** The traffic moved at some point. */
  trafficMoved: boolean;
  timeline: TimelineEvent[];
  smoke: SmokeResult[];
  canary: { percent: number; analysis?: MonitorResult }[];
  monitor?: MonitorResult;
  /** ms from the router switch to the version check passing (blue-green / immediate / canary 100%). */
  switchMs?: number;
  rollbackMs?: number;
  alreadyDeployed?: boolean;
}
