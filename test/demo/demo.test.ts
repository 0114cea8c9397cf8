/**
 * The README's first command, `npm run demo`, in fast mode: it runs the pipeline on a scratch project as far as
 * the stages on this branch allow, and
 * - when every stage is implemented (no actions/<stage>/src/main.ts mentions NotImplementedError): it succeeds,
 *   under 2 minutes, with the changelog, the status record and the dashboard written;
 * - otherwise: it stops at the first unimplemented stage of the workflow's order with "<stage> is not implemented
 *   yet", exits non-zero, and every stage before it ran and succeeded (their job summaries kept);
 * - in both cases: no process it started is left (none carries its marker in /proc/<pid>/environ, none of the
 *   PIDs it recorded is alive) and no port its services listened on still accepts connections.
 * Also: Ctrl-C half-way through the deploy (service instances starting) stops everything too.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoReport } from '../../examples/demo/src/main.js';
import { ROOT } from '../support/run-action.js';

const RUN = join(ROOT, 'examples', 'demo', 'run.mjs');
/** The pipeline's stages in the reusable workflow's order (the plan is implemented). */
const PIPELINE = ['quality-gates', 'changelog', 'release', 'deploy', 'rollback'];
const pending = PIPELINE.filter((a) =>
  readFileSync(join(ROOT, 'actions', a, 'src', 'main.ts'), 'utf8').includes('NotImplementedError'),
);
const firstPending = pending[0];

// What the demo writes to demo-run.json.
type Report = DemoReport;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function demo(args: string[], o: { interruptOn?: RegExp; beforeInterrupt?: (out: string) => void } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'ra-demo-test-'));
  dirs.push(out);
  return new Promise<{ code: number | null; stdout: string; stderr: string; out: string; report: Report }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [RUN, '--fast', '--out', out, ...args], {
        cwd: ROOT,
        env: { ...process.env, RELEASE_ACTIONS_DEMO_FAST: undefined, RELEASE_ACTIONS_DEMO_OUT: undefined },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let signalled = false;
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (o.interruptOn && !signalled && o.interruptOn.test(stdout)) {
          signalled = true;
          // A moment later: the action is half-way (instances starting).
          setTimeout(() => {
            o.beforeInterrupt?.(out);
            child.kill('SIGINT');
          }, 1_000);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        const reportPath = join(out, 'demo-run.json');
        if (!existsSync(reportPath)) {
          reject(new Error(`no demo-run.json (exit ${code})\n${stdout}\n${stderr}`));
          return;
        }
        resolve({ code, stdout, stderr, out, report: JSON.parse(readFileSync(reportPath, 'utf8')) as Report });
      });
    },
  );
}

/** PIDs of live processes whose environment carries the demo's marker (Linux /proc). */
function markedProcesses(marker: string): number[] {
  if (!existsSync('/proc/self/environ')) return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (env.includes(`RELEASE_ACTIONS_DEMO_RUN=${marker}\0`)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.setTimeout(1_000);
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(false));
  });
}

async function expectNothingLeft(report: Report): Promise<void> {
  expect(report.marker).toMatch(/^demo-/);
  // The marker is in the demo's own environment and everything it (or the actions) started.
  expect(markedProcesses(report.marker)).toEqual([]);
  expect(report.pids.filter(alive)).toEqual([]);
  expect(report.ports.length).toBeGreaterThanOrEqual(3); // GitHub double, Verdaccio, router
  // A port may take a moment to close after its owner was killed; one still open after 5 s is a leak.
  let open: number[] = report.ports;
  for (const until = Date.now() + 5_000; ; await new Promise((r) => setTimeout(r, 250))) {
    const still: number[] = [];
    for (const p of open) if (await accepts(p)) still.push(p);
    open = still;
    if (!open.length || Date.now() > until) break;
  }
  expect(open).toEqual([]);
}

test(
  firstPending
    ? `npm run demo (fast) stops at the first unimplemented stage, ${firstPending}, and leaves nothing running`
    : 'npm run demo (fast) runs the whole pipeline in under 2 minutes and leaves nothing running',
  async () => {
    const r = await demo([]);
    const { report } = r;
    const ran = report.stages.map((s) => s.id);
    expect(ran[0]).toBe('plan');
    expect(report.durationMs).toBeLessThan(120_000);
    expect(r.stdout).toContain('GitHub API           local double');
    expect(r.stdout).toMatch(/stopped \d+ processes\/services/);
    expect(existsSync(join(report.outDir, 'artifacts', 'job-summaries'))).toBe(true);
    // Every stage that ran kept its log; the plan's job summary is there.
    expect(readdirSync(join(report.outDir, 'logs')).filter((f) => f.endsWith('.log')).length).toBeGreaterThan(0);
    expect(readdirSync(join(report.outDir, 'artifacts', 'job-summaries')).some((f) => f.includes('plan'))).toBe(true);
    if (ran.includes('changelog') && report.stages.find((s) => s.id === 'changelog')?.ok) {
      expect(readFileSync(report.artifacts.changelog as string, 'utf8')).toContain('1.1.0');
    }

    if (firstPending) {
      expect(r.code).toBe(1);
      expect(report.status).toBe('failed');
      expect(report.stoppedAt).toEqual({
        stage: expect.stringContaining(firstPending),
        reason: `${firstPending} is not implemented yet`,
        notImplemented: true,
      });
      expect(r.stdout).toContain(`error: ${firstPending} is not implemented yet`);
      expect(r.stdout).toContain(`pipeline stopped: the ${firstPending} stage is not implemented yet`);
      expect(r.stdout).toContain('demo FAILED');
      // Everything before the unimplemented stage ran and succeeded; nothing after it ran.
      const before = report.stages.slice(0, -1);
      expect(before.every((s) => s.ok)).toBe(true);
      expect(report.stages[report.stages.length - 1]).toMatchObject({ id: firstPending, ok: false });
      for (const later of PIPELINE.slice(PIPELINE.indexOf(firstPending) + 1)) expect(ran).not.toContain(later);
    } else {
      expect({ code: r.code, stoppedAt: report.stoppedAt, status: report.status }).toEqual({
        code: 0,
        stoppedAt: undefined,
        status: 'succeeded',
      });
      expect(report.stages.every((s) => s.ok)).toBe(true);
      for (const s of PIPELINE) expect(ran).toContain(s);
      expect(r.stdout).toContain('⏸ approval: changelog-review (Release Manager) — auto-approved in the demo');
      expect(r.stdout).toContain('⏸ approval: production (Engineering Lead) — auto-approved in the demo');
      expect(r.stdout).toContain('demo succeeded');
      const status = readFileSync(report.artifacts.status as string, 'utf8');
      expect(status).toContain('1.1.0');
      const html = readFileSync(report.artifacts.dashboard as string, 'utf8');
      expect(html).toContain('1.1.0');
      expect(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>')).toBe(true);
    }
    await expectNothingLeft(report);
  },
  160_000,
);

test('Ctrl-C during the deploy stops every process the demo and the actions started', async () => {
  let runningBefore: number[] = [];
  const r = await demo([], {
    interruptOn: /▶ deploy 1\.1\.0/,
    // The check below is not vacuous: mid-run, the demo's services carry the marker.
    beforeInterrupt: (out) => {
      const mid = JSON.parse(readFileSync(join(out, 'demo-run.json'), 'utf8')) as Report;
      runningBefore = markedProcesses(mid.marker);
    },
  });
  // Verdaccio, the running deploy action and the service instances it started (nginx rewrites its own environ
  // area for its process title: it is checked through report.pids).
  if (existsSync('/proc/self/environ')) expect(runningBefore.length).toBeGreaterThanOrEqual(3);
  expect(r.code).toBe(130);
  expect(r.report.status).toBe('interrupted');
  expect(r.stdout).toContain('SIGINT: stopping the demo');
  expect(r.stdout).toMatch(/stopped \d+ processes\/services: service instance \(pid \d+\)/);
  await expectNothingLeft(r.report);
}, 150_000);
