/**
 * The deploy model: versions run in **slots** (`blue`, `green`), each slot one or more **instances** (a process,
 * a container) on a port; a **workload** starts and stops instances, a **router** moves traffic between them by
 * weight. The engine (engine.ts) drives both through explicit states, each with a deadline.
 */
export type SlotName = 'blue' | 'green';
export const SLOTS: readonly SlotName[] = ['blue', 'green'];
export const otherSlot = (s: SlotName): SlotName => (s === 'blue' ? 'green' : 'blue');

export interface Instance {
  slot: SlotName;
  index: number;
  port: number;
  version: string;
  /** Base URL of the instance itself (bypassing the router): smoke tests and health go here. */
  url: string;
  /** Process group of a command workload's start_command, when it kept running. */
  pid?: number;
  /** Container name of the docker workload. */
  container?: string;
  started_at: string;
}

export interface StartRequest {
  slot: SlotName;
  index: number;
  port: number;
  version: string;
  environment: string;
  /** Milliseconds the instance has to become healthy. */
  timeoutMs: number;
}

/** Where versions run. Kubernetes fits the same shape (slot = Deployment, instance = replica set scale step). */
export interface Workload {
  readonly kind: string;
  /** Start an instance and wait until it is healthy; on failure it is cleaned up and the error says why. */
  start(req: StartRequest): Promise<Instance>;
  stop(inst: Instance): Promise<void>;
  /** Still running and healthy (decides whether a rollback is a router switch only). */
  alive(inst: Instance): Promise<boolean>;
}

export interface RouteTarget {
  slot: SlotName;
  index: number;
  port: number;
  /** Relative weight, 1..100. Instances with no traffic are simply not listed. */
  weight: number;
}

/** How traffic moves. `apply` either changes routing completely or throws and leaves traffic as it was. */
export interface Router {
  readonly kind: string;
  /** Whether traffic can be split between slots (blue-green and canary need it). */
  readonly controlsTraffic: boolean;
  apply(targets: RouteTarget[], timeoutMs: number): Promise<void>;
}

/** A smoke test as users write it in the `smoke_tests` input. */
export interface SmokeTest {
  path: string;
  expect_status?: number;
  body_contains?: string;
  body_regex?: string;
  max_latency_ms?: number;
}

export interface SmokeResult {
  test: SmokeTest;
  url: string;
  ok: boolean;
  status?: number;
  latencyMs?: number;
  problems: string[];
}

export interface PrometheusQuery {
  name: string;
  query: string;
  /** Breach when the value is above max. */
  max?: number;
  /** Breach when the value is below min. */
  min?: number;
}
