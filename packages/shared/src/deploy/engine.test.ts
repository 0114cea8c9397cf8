/**
 * The strategy engine over small fakes (no servers, no processes): a workload that records which instances run,
 * a router that records every traffic change, and checks (smoke, version, monitoring) that read the fake world.
 * State transitions, deadlines, "no switch on a failed smoke test", strategies and the reasons given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StageError } from '../util/errors.js';
import { MemoryLogger } from '../util/logger.js';
import { sleep } from './deadline.js';
import type { Checks, DeployConfig, EngineDeps } from './config.js';
import { deploy } from './engine.js';
import { rollback } from './rollback.js';
import type { MonitorResult, MonitorVerdict } from './monitor.js';
import { StateFile } from './state.js';
import type { Instance, RouteTarget, Router, StartRequest, Workload } from './types.js';

const key = (slot: string, index: number) => `${slot}#${index}`;

/** The fake platform: instances, routes, and how the next checks answer. */
class World {
  running = new Map<string, Instance>();
  routes: RouteTarget[] = [];
  applies: RouteTarget[][] = [];
  starts: string[] = [];
  stops: string[] = [];
  /** Versions (or version#index) whose start fails. */
  failStart = new Set<string>();
  failSmoke = new Set<string>();
  /** version#index reported dead by alive() once started. */
  unhealthy = new Set<string>();
  startDelayMs = 0;
  /** The router keeps serving what it served before (a platform that ignores the switch). */
  stale = false;
  monitorVerdict: MonitorVerdict = 'passed';
  /** Canary analysis verdict per percent (default passed). */
  analysis = new Map<number, MonitorVerdict>();
  monitorCalls: string[] = [];

  workload: Workload = {
    kind: 'fake',
    start: async (req: StartRequest) => {
      this.starts.push(`${key(req.slot, req.index)}@${req.version}`);
      if (this.startDelayMs) await sleep(this.startDelayMs);
      if (this.failStart.has(req.version) || this.failStart.has(`${req.version}#${req.index}`))
        throw new StageError(`the new version ${req.version} did not start in slot ${req.slot}: exited with 3`);
      const inst: Instance = {
        slot: req.slot,
        index: req.index,
        port: 1000 + req.index,
        version: req.version,
        url: `http://${req.slot}-${req.index}.fake/`,
        started_at: new Date().toISOString(),
      };
      this.running.set(key(req.slot, req.index), inst);
      return inst;
    },
    stop: async (inst: Instance) => {
      this.stops.push(`${key(inst.slot, inst.index)}@${inst.version}`);
      this.running.delete(key(inst.slot, inst.index));
    },
    alive: async (inst: Instance) =>
      this.running.get(key(inst.slot, inst.index))?.version === inst.version &&
      !this.unhealthy.has(`${inst.version}#${inst.index}`),
  };

  router: Router = {
    kind: 'fake',
    controlsTraffic: true,
    apply: async (targets: RouteTarget[]) => {
      this.applies.push(targets);
      if (!this.stale || this.routes.length === 0) this.routes = targets;
    },
  };

  /** The version the router serves: the heaviest routed slot's. */
  served(): string {
    const top = [...this.routes].sort((a, b) => b.weight - a.weight)[0];
    const inst = top && this.running.get(key(top.slot, top.index));
    if (!inst) throw new Error('ECONNREFUSED');
    return inst.version;
  }

  checks: Checks = {
    smoke: async (base, tests) => {
      const slot = /^http:\/\/(\w+)-(\d+)\.fake/.exec(base);
      const inst = slot && this.running.get(key(slot[1] as string, Number(slot[2])));
      const ok = !!inst && !this.failSmoke.has(inst.version);
      return tests.map((test) => ({
        test,
        url: new URL(test.path, base).toString(),
        ok,
        status: ok ? 200 : 500,
        problems: ok ? [] : ['status 500, expected 200'],
      }));
    },
    readVersion: async (src) => {
      const direct = /^http:\/\/(\w+)-(\d+)\.fake/.exec(src.url);
      if (direct) {
        const inst = this.running.get(key(direct[1] as string, Number(direct[2])));
        if (!inst) throw new Error('ECONNREFUSED');
        return inst.version;
      }
      return this.served();
    },
    monitor: async (o) => {
      this.monitorCalls.push(o.label);
      const pct = /canary (\d+)%/.exec(o.label);
      const verdict = pct ? (this.analysis.get(Number(pct[1])) ?? 'passed') : this.monitorVerdict;
      const reasons: Record<MonitorVerdict, string> = {
        passed: '1s without a breach',
        breached: 'error rate 0.4 > 0.01 (2/5 probes failed)',
        'no-data': 'no data: 0 samples of 5xx ratio (min_samples 3); on_no_data is fail',
        inconclusive: 'no data: 0 probe samples (min_samples 3); on_no_data is inconclusive',
      };
      const r: MonitorResult = {
        verdict,
        reason: reasons[verdict],
        points: [],
        requests: 5,
        errors: verdict === 'breached' ? 2 : 0,
        promSamples: {},
        durationMs: o.durationMs,
      };
      return r;
    },
  };
}

let dir: string;
let world: World;
let log: MemoryLogger;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ra-engine-unit-'));
  world = new World();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deps = (): EngineDeps => {
  log = new MemoryLogger();
  return {
    workload: world.workload,
    router: world.router,
    stateFile: new StateFile(dir),
    log,
    checks: world.checks,
  };
};
const cfg = (version: string, o: Partial<DeployConfig> = {}): DeployConfig => ({
  version,
  environment: 'production',
  strategy: 'blue-green',
  runSmokeTests: true,
  smokeTests: [{ path: '/health' }],
  rollbackOnFailure: true,
  canarySteps: [10, 50, 100],
  stepDurationMs: 10,
  monitor: { durationMs: 0, intervalMs: 100, maxErrorRate: 0.01, maxP95Ms: 500, onNoData: 'fail', minSamples: 3 },
  versionSource: { url: 'http://router.fake/version' },
  instances: 1,
  batchSize: 1,
  keepPreviousMs: 60_000,
  timeoutMs: 10_000,
  startTimeoutMs: 1000,
  versionTimeoutMs: 400,
  versionPollMs: 5,
  ...o,
});
const states = (r: { timeline: { state: string }[] }) => r.timeline.map((e) => e.state);
const slots = (targets: RouteTarget[]) =>
  targets
    .map((t) => `${key(t.slot, t.index)}:${t.weight}`)
    .sort()
    .join(' ');
const state = () => new StateFile(dir).read('production');

describe('blue-green', () => {
  test('first deploy: every state in order, traffic moves once, after smoke', async () => {
    const r = await deploy(cfg('1.0.0'), deps());
    expect(r.status).toBe('succeeded');
    expect(r.activeSlot).toBe('blue');
    expect(states(r)).toEqual([
      'started',
      'starting',
      'healthy',
      'smoke',
      'smoke-passed',
      'switching',
      'routing',
      'version-check',
      'version-verified',
      'switched',
      'succeeded',
    ]);
    expect(world.applies.map(slots)).toEqual(['blue#0:100']);
    expect(r.switchMs).toBeGreaterThanOrEqual(0);
    expect(r.reason).toBe('1.0.0 serves in blue');
    expect(state()).toMatchObject({ active_slot: 'blue', weights: { blue: 100 } });
  });

  test('second deploy goes to the idle slot; the previous slot is kept for keep_previous', async () => {
    await deploy(cfg('1.0.0'), deps());
    const r = await deploy(cfg('1.1.0'), deps());
    expect(r).toMatchObject({ status: 'succeeded', activeSlot: 'green', previousVersion: '1.0.0', rolledBack: false });
    expect(world.applies.map(slots)).toEqual(['blue#0:100', 'green#0:100']);
    expect(states(r)).toContain('kept-previous');
    const s = state();
    expect(s.slots.blue?.retire_after).toBeDefined();
    expect(world.running.has('blue#0')).toBe(true);
    expect(s.deployments.map((d) => `${d.version}:${d.status}`)).toEqual(['1.1.0:succeeded', '1.0.0:succeeded']);
  });

  test('a failed smoke test: no switch, the new slot is torn down, the failed checks listed', async () => {
    await deploy(cfg('1.0.0'), deps());
    world.failSmoke.add('1.1.0');
    const r = await deploy(cfg('1.1.0'), deps());
    expect(r.status).toBe('failed');
    expect(r.trafficMoved).toBe(false);
    expect(r.activeSlot).toBe('blue');
    expect(r.reason).toMatch(
      /^smoke tests failed on green \(1\.1\.0\); traffic never moved:\n {2}- GET http:\/\/green-0/,
    );
    expect(r.reason).toContain('status 500, expected 200');
    expect(world.applies.map(slots)).toEqual(['blue#0:100']); // never routed to green
    expect(world.stops).toEqual(['green#0@1.1.0']);
    expect(states(r)).toEqual(expect.arrayContaining(['smoke', 'aborted', 'stopped', 'failed']));
    expect(states(r)).not.toContain('routing');
    expect(state().active_slot).toBe('blue');
  });

  test('an instance reporting another version fails the smoke stage (the platform started something else)', async () => {
    await deploy(cfg('1.0.0'), deps());
    const wrong = world.checks.readVersion;
    world.checks.readVersion = async (src) => (src.url.includes('green-0') ? '0.9.9' : wrong(src));
    const r = await deploy(cfg('1.1.0'), deps());
    expect(r.status).toBe('failed');
    expect(r.reason).toContain('reports version 0.9.9, expected 1.1.0');
    expect(world.applies).toHaveLength(1);
  });

  test('smoke tests that do not end: the smoke_timeout deadline, aborted before traffic', async () => {
    await deploy(cfg('1.0.0'), deps());
    world.checks.smoke = async () => {
      await sleep(5000);
      return [];
    };
    const t0 = Date.now();
    const r = await deploy(cfg('1.1.0', { smokeTimeoutMs: 200 }), deps());
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r).toMatchObject({
      status: 'failed',
      trafficMoved: false,
      reason: 'smoke tests did not finish within 200ms',
    });
    expect(world.applies).toHaveLength(1);
    expect(world.served()).toBe('1.0.0');
  });

  test('the new version does not start: aborted before traffic, the old one keeps serving', async () => {
    await deploy(cfg('1.0.0'), deps());
    world.failStart.add('1.1.0');
    const r = await deploy(cfg('1.1.0'), deps());
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/did not start in slot green/);
    expect(states(r)).toContain('aborted');
    expect(world.applies).toHaveLength(1);
    expect(world.served()).toBe('1.0.0');
  });

  test('the router keeps serving the old version: version check deadline, then rolled back', async () => {
    await deploy(cfg('1.0.0'), deps());
    world.stale = true;
    const t0 = Date.now();
    const r = await deploy(cfg('1.1.0', { versionTimeoutMs: 300 }), deps());
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.status).toBe('rolled-back');
    expect(r.rolledBack).toBe(true);
    expect(r.reason).toMatch(/still reports 1\.0\.0 after .*expected 1\.1\.0/);
    expect(states(r)).toEqual(expect.arrayContaining(['version-check', 'rolling-back', 'rolled-back']));
    expect(world.running.has('green#0')).toBe(false);
  });

  test('rollback_on_failure false: traffic left as it is, said so', async () => {
    await deploy(cfg('1.0.0'), deps());
    world.stale = true;
    const r = await deploy(cfg('1.1.0', { rollbackOnFailure: false, versionTimeoutMs: 200 }), deps());
    expect(r.status).toBe('failed');
    expect(r.rolledBack).toBe(false);
    expect(r.timeline.find((e) => e.state === 'left-as-is')?.detail).toBe(
      'rollback_on_failure is false: traffic left as it is',
    );
  });

  test("the deploy's own timeout: the next stage refuses to start, the deploy ends failed in time", async () => {
    world.startDelayMs = 150;
    const t0 = Date.now();
    const r = await deploy(cfg('1.0.0', { instances: 3, timeoutMs: 250 }), deps());
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('the deploy did not finish within 250ms');
    expect(world.running.size).toBe(0); // what had started is torn down
  });

  test('no previous version and a failure after the switch: failed, nothing to roll back to', async () => {
    world.monitorVerdict = 'breached';
    const r = await deploy(cfg('1.0.0', { monitor: { ...cfg('x').monitor, durationMs: 500 } }), deps());
    expect(r.status).toBe('failed');
    expect(r.timeline.find((e) => e.state === 'left-as-is')?.detail).toBe('no previous version to roll back to');
  });
});

describe('monitoring decisions', () => {
  const monitored = (v: string) => cfg(v, { monitor: { ...cfg('x').monitor, durationMs: 500 } });
  beforeEach(async () => {
    await deploy(cfg('1.0.0'), deps());
  });

  test('passed: succeeded with the monitor reason', async () => {
    const r = await deploy(monitored('1.1.0'), deps());
    expect(r.status).toBe('succeeded');
    expect(r.reason).toBe('1.1.0 serves in green; 1s without a breach');
    expect(world.monitorCalls).toEqual(['monitoring']);
  });

  test('breached: rolled back to the kept slot (a router switch), the new slot stopped', async () => {
    world.monitorVerdict = 'breached';
    const r = await deploy(monitored('1.1.0'), deps());
    expect(r).toMatchObject({ status: 'rolled-back', rolledBack: true, activeSlot: 'blue', trafficMoved: true });
    expect(r.reason).toBe('monitoring failed: error rate 0.4 > 0.01 (2/5 probes failed)');
    expect(world.applies.map(slots)).toEqual(['blue#0:100', 'green#0:100', 'blue#0:100']);
    expect(states(r)).not.toContain('restarting-previous');
    expect(world.served()).toBe('1.0.0');
    expect(state().deployments[0]).toMatchObject({ version: '1.1.0', status: 'rolled-back' });
    expect(r.rollbackMs).toBeGreaterThanOrEqual(0);
  });

  test('no data with on_no_data fail: never a pass, rolled back', async () => {
    world.monitorVerdict = 'no-data';
    const r = await deploy(monitored('1.1.0'), deps());
    expect(r.status).toBe('rolled-back');
    expect(r.reason).toMatch(/^monitoring failed: no data: .*on_no_data is fail$/);
  });

  test('inconclusive: kept, status inconclusive (not succeeded)', async () => {
    world.monitorVerdict = 'inconclusive';
    const r = await deploy(monitored('1.1.0'), deps());
    expect(r.status).toBe('inconclusive');
    expect(r.activeSlot).toBe('green');
    expect(states(r)).toContain('inconclusive');
  });

  test('the kept slot died meanwhile: the rollback starts the old version again', async () => {
    world.monitorVerdict = 'breached';
    world.unhealthy.add('1.0.0#0');
    const r = await deploy(monitored('1.1.0'), deps());
    expect(r.status).toBe('rolled-back');
    expect(states(r)).toContain('restarting-previous');
    expect(world.starts.filter((s) => s === 'blue#0@1.0.0')).toHaveLength(2);
  });
});

describe('canary', () => {
  test('weights step by step, each step analysed, promoted at 100', async () => {
    await deploy(cfg('1.0.0'), deps());
    const r = await deploy(cfg('1.1.0', { strategy: 'canary' }), deps());
    expect(r.status).toBe('succeeded');
    expect(world.applies.slice(1).map(slots)).toEqual(['blue#0:90 green#0:10', 'blue#0:50 green#0:50', 'green#0:100']);
    expect(world.monitorCalls).toEqual(['canary 10%', 'canary 50%']);
    expect(states(r)).toContain('promoted');
  });

  test('an analysis breach at 50%: rolled back, the canary never reaches 100', async () => {
    await deploy(cfg('1.0.0'), deps());
    world.analysis.set(50, 'breached');
    const r = await deploy(cfg('1.1.0', { strategy: 'canary' }), deps());
    expect(r.status).toBe('rolled-back');
    expect(r.reason).toMatch(/^canary analysis at 50% failed: error rate/);
    expect(world.applies.at(-1)).toEqual([{ slot: 'blue', index: 0, port: 1000, weight: 100 }]);
  });
});

describe('canary_steps without 100', () => {
  test('refused before anything starts: no instance, no traffic change, the old version serving', async () => {
    await deploy(cfg('1.0.0'), deps());
    const r = await deploy(cfg('1.1.0', { strategy: 'canary', canarySteps: [10, 50] }), deps());
    expect(r).toMatchObject({ status: 'failed', trafficMoved: false, reason: 'canary_steps must end at 100' });
    expect(world.starts).toEqual(['blue#0@1.0.0']);
    expect(world.applies).toHaveLength(1);
    expect(world.served()).toBe('1.0.0');
  });
});

describe('immediate', () => {
  test('switch, then the old slot is stopped at once (no instant rollback kept)', async () => {
    await deploy(cfg('1.0.0'), deps());
    const r = await deploy(cfg('1.1.0', { strategy: 'immediate' }), deps());
    expect(r.status).toBe('succeeded');
    const order = states(r);
    expect(order.indexOf('stopped')).toBeGreaterThan(order.indexOf('switched'));
    expect(order).not.toContain('kept-previous');
    expect(world.stops).toEqual(['blue#0@1.0.0']);
    expect(Object.keys(state().slots)).toEqual(['green']);
  });
});

describe('rolling', () => {
  test('3 instances one at a time: each batch healthy before old ones leave the router and stop', async () => {
    await deploy(cfg('1.0.0', { instances: 3 }), deps());
    const r = await deploy(cfg('1.1.0', { strategy: 'rolling', instances: 3, batchSize: 1 }), deps());
    expect(r.status).toBe('succeeded');
    expect(world.applies.slice(1).map(slots)).toEqual([
      'blue#1:1 blue#2:1 green#0:1',
      'blue#2:1 green#0:1 green#1:1',
      'green#0:1 green#1:1 green#2:1',
    ]);
    expect(world.stops).toEqual(['blue#0@1.0.0', 'blue#1@1.0.0', 'blue#2@1.0.0']);
    expect(r.timeline.filter((e) => e.state === 'batch-healthy').map((e) => e.detail)).toEqual([
      '1/3 instances run 1.1.0',
      '2/3 instances run 1.1.0',
      '3/3 instances run 1.1.0',
    ]);
    expect(states(r).filter((s) => s === 'smoke')).toHaveLength(1); // the first batch is smoke-tested
    expect(state()).toMatchObject({ active_slot: 'green', weights: { green: 100, blue: 0 } });
  });

  test('a failing batch stops the roll and rolls back: every old instance runs again', async () => {
    await deploy(cfg('1.0.0', { instances: 3 }), deps());
    world.unhealthy.add('1.1.0#2');
    const r = await deploy(cfg('1.1.0', { strategy: 'rolling', instances: 3, batchSize: 2 }), deps());
    expect(r.status).toBe('rolled-back');
    expect(r.reason).toBe('rolling: instance(s) of 1.1.0 unhealthy after taking traffic');
    expect(world.applies.slice(1).map(slots)).toEqual([
      'blue#2:1 green#0:1 green#1:1',
      'green#0:1 green#1:1 green#2:1',
      'blue#0:100 blue#1:100 blue#2:100',
    ]);
    expect(states(r)).toContain('restarting-previous');
    expect([...world.running.keys()].sort()).toEqual(['blue#0', 'blue#1', 'blue#2']);
    expect(state().active_slot).toBe('blue');
  });

  test('a batch that does not start: stopped there, the first batch rolled back', async () => {
    await deploy(cfg('1.0.0', { instances: 2 }), deps());
    world.failStart.add('1.1.0#1');
    const r = await deploy(cfg('1.1.0', { strategy: 'rolling', instances: 2 }), deps());
    expect(r.status).toBe('rolled-back');
    expect(r.reason).toMatch(/did not start in slot green/);
    expect(world.starts).not.toContain('green#2@1.1.0');
    expect([...world.running.keys()].sort()).toEqual(['blue#0', 'blue#1']);
    expect(world.served()).toBe('1.0.0');
  });
});

describe('rollback()', () => {
  const rb = (toVersion: string) =>
    rollback(
      {
        environment: 'production',
        toVersion,
        versionSource: { url: 'http://router.fake/version' },
        instances: 1,
        startTimeoutMs: 1000,
        versionTimeoutMs: 400,
        versionPollMs: 5,
        timeoutMs: 5000,
      },
      deps(),
    );
  beforeEach(async () => {
    await deploy(cfg('1.0.0'), deps());
    await deploy(cfg('1.1.0'), deps());
  });

  test('instant when the kept slot still runs the version: a router switch only', async () => {
    const r = await rb('1.0.0');
    expect(r).toMatchObject({ status: 'rolled-back', instant: true, activeSlot: 'blue', fromVersion: '1.1.0' });
    expect(world.starts).toHaveLength(2);
    expect(world.running.has('green#0')).toBe(false);
  });

  test('the kept slot is gone: started again through the workload', async () => {
    world.running.delete('blue#0');
    const r = await rb('1.0.0');
    expect(r).toMatchObject({ status: 'rolled-back', instant: false });
    expect(states(r)).toContain('previous-gone');
    expect(world.served()).toBe('1.0.0');
  });

  test('to the version already serving: refused', async () => {
    const r = await rb('1.1.0');
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('1.1.0 is already the serving version of production');
  });
});
