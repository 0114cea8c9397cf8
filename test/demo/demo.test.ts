/**
 * The README's first command, `npm run demo`, in fast mode: a run of release.yml itself (README.md's call with the
 * demo's settings) on a scratch project, and
 * - it succeeds, under 2 minutes, the stage list and timings being release.yml's jobs (ran, or skipped with why),
 *   with the changelog, the status record and the dashboard written;
 * - a copy of release.yml whose release job cannot run (its `if:` asks for a failed changelog) makes it fail,
 *   naming the job and its `if:`;
 * - in every case: no process it started is left (none carries its marker in /proc/<pid>/environ, none of the
 *   PIDs it recorded is alive) and no port its services listened on still accepts connections.
 * Also: Ctrl-C half-way through the deploy job stops everything too.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DemoReport } from '../../examples/demo/src/main.js';
import { ROOT } from '../support/run-action.js';

const RUN = join(ROOT, 'examples', 'demo', 'run.mjs');
/** The jobs of release.yml the demo's pipeline needs (examples/demo/src/workflow-run.ts). */
const PIPELINE = ['plan', 'quality-gates', 'changelog', 'release', 'deploy'];

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
      const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
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

test('npm run demo (fast) is a run of release.yml: its jobs, in under 2 minutes, and nothing left running', async () => {
  const r = await demo([]);
  const { report } = r;
  expect({ code: r.code, stoppedAt: report.stoppedAt, status: report.status }).toEqual({
    code: 0,
    stoppedAt: undefined,
    status: 'succeeded',
  });
  expect(report.durationMs).toBeLessThan(120_000);
  // The stage list is release.yml's jobs, in the run's order, between the demo's own setup and drill.
  const jobs = report.stages.filter((s) => !['deploy-previous', 'rollback-drill'].includes(s.id));
  expect(report.stages[0]!.id).toBe('deploy-previous');
  expect(report.stages[report.stages.length - 1]!.id).toBe('rollback-drill');
  for (const id of PIPELINE) expect([id, jobs.find((s) => s.id === id)?.result]).toEqual([id, 'success']);
  expect(jobs.find((s) => s.id === 'rollback')).toMatchObject({
    result: 'skipped',
    reason: expect.stringMatching(/^if: /),
  });
  expect(jobs.find((s) => s.id === 'product-approval')?.result).toBe('skipped');
  expect(jobs.find((s) => s.id === 'release')!.steps!.map((s) => s.name)).toContain(
    'The release branch is still at the planned commit',
  );
  expect(jobs.find((s) => s.id === 'release')!.outputs).toMatchObject({
    version: '1.1.0',
    tag: 'v1.1.0',
    status: 'released',
  });
  // The timings table lists each job, skipped ones with why.
  expect(r.stdout).toMatch(/^ {2}quality-gates +\d+\.\d s {2}success$/m);
  expect(r.stdout).toMatch(/^ {2}rollback +0\.0 s {2}skipped: if: always\(\)/m);
  expect(r.stdout).toMatch(/release\.yml run \(all jobs\) +\d+\.\d s {2}success/);
  // The caller is README.md's call with the demo's settings added.
  const caller = readFileSync(join(report.outDir, 'caller-workflow.yml'), 'utf8');
  expect(caller).toMatch(/uses: org\/release-actions\/\.github\/workflows\/release\.yml@v1/);
  expect(caller).toMatch(/version_bump: auto/);
  expect(caller).toMatch(/npm_token: \$\{\{ secrets\.NPM_TOKEN \}\}/);
  expect(r.stdout).toContain('GitHub API           local double');
  expect(r.stdout).toContain('⏸ approval: changelog-review (Release Manager) — auto-approved in the demo');
  expect(r.stdout).toContain('⏸ approval: production (Engineering Lead) — auto-approved in the demo');
  expect(r.stdout).toMatch(/traffic through the router during the run: \d+ requests, 0 failed/);
  expect(r.stdout).toContain('demo succeeded');
  expect(r.stdout).toMatch(/stopped \d+ processes\/services/);
  expect(readdirSync(join(report.outDir, 'artifacts', 'job-summaries')).some((f) => f.includes('plan'))).toBe(true);
  expect(readdirSync(join(report.outDir, 'logs'))).toEqual(
    expect.arrayContaining(['workflow.log', 'release-release.log']),
  );
  expect(readFileSync(report.artifacts.changelog as string, 'utf8')).toContain('1.1.0');
  expect(readFileSync(report.artifacts.status as string, 'utf8')).toContain('1.1.0');
  const html = readFileSync(report.artifacts.dashboard as string, 'utf8');
  expect(html).toContain('1.1.0');
  expect(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>')).toBe(true);
  await expectNothingLeft(report);
}, 210_000);

test('a release.yml whose release job cannot run makes the demo fail, naming the job and why', async () => {
  const broken = join(mkdtempSync(join(tmpdir(), 'ra-demo-broken-')), 'release.yml');
  dirs.push(dirname(broken));
  const original = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');
  // The release job's `if:` (the first one that asks for a successful changelog) now asks for a failed one.
  const good = `!cancelled() && needs.plan.outputs.releasable == 'true' && needs.changelog.result == 'success'`;
  expect(original).toContain(good);
  writeFileSync(broken, original.replace(good, good.replace("result == 'success'", "result == 'failure'")));
  const r = await demo(['--workflow', broken]);
  expect(r.code).toBe(1);
  expect(r.report.status).toBe('failed');
  expect(r.report.stoppedAt).toMatchObject({
    stage: 'job release',
    reason: expect.stringMatching(
      /^skipped: if: !cancelled\(\) && needs\.plan\.outputs\.releasable == 'true' && needs\.changelog\.result == 'failure'.* is false/,
    ),
  });
  expect(r.stdout).toMatch(
    /pipeline stopped at job release: skipped: if: .*needs\.changelog\.result == 'failure'.* is false/,
  );
  expect(r.report.stages.find((s) => s.id === 'changelog')?.result).toBe('success');
  expect(r.report.stages.find((s) => s.id === 'deploy')?.result).toBe('skipped');
  expect(r.stdout).toContain('demo FAILED');
  await expectNothingLeft(r.report);
}, 210_000);

test('Ctrl-C during the deploy stops every process the demo and the actions started', async () => {
  let runningBefore: number[] = [];
  const r = await demo([], {
    interruptOn: /\[release\/deploy\] ▶ Run org\/release-actions\/actions\/deploy/,
    // The check below is not vacuous: mid-run, the demo's services carry the marker.
    beforeInterrupt: (out) => {
      const mid = JSON.parse(readFileSync(join(out, 'demo-run.json'), 'utf8')) as Report;
      runningBefore = markedProcesses(mid.marker);
    },
  });
  // Verdaccio, the deploy job's running action and the service instances it started (nginx rewrites its own environ
  // area for its process title: it is checked through report.pids).
  if (existsSync('/proc/self/environ')) expect(runningBefore.length).toBeGreaterThanOrEqual(3);
  expect(r.code).toBe(130);
  expect(r.report.status).toBe('interrupted');
  expect(r.stdout).toContain('SIGINT: stopping the demo');
  expect(r.stdout).toMatch(/stopped \d+ processes\/services: service instance \(pid \d+\)/);
  await expectNothingLeft(r.report);
}, 210_000);
