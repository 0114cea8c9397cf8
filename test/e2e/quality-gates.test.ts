/**
 * quality-gates end to end through the bundled action, as a runner runs it, against real local HTTP servers:
 * the service started by start_command and stopped after, thresholds and their table, the latency charts, a
 * baseline recorded then compared, a failing gate with one explained ::error::, "no data" on a refused
 * connection, a sharded load merged by a second job, and a read-only job's verdicts recorded by a job that may
 * write (record_results), pushed over HTTP with the token alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/run-action.js';
import { startGitHttpRemote } from '../support/services/index.js';
import { closedPort, startTestServer } from '../integration/quality-gates/servers.js';

/** The parts of the results JSON these tests read. */
interface Results {
  load: { requests: number };
  regression: { baseline: { p95: number } };
}

const load = { load_profile: 'custom', connections: 4, rate: 60, duration: '2s', min_requests: 50 };
let ws: string;

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'ra-qg-e2e-'));
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

test('starts the service, loads it, passes its thresholds, records a baseline then compares with it', async () => {
  const port = await closedPort();
  writeFileSync(
    join(ws, 'server.mjs'),
    "import { createServer } from 'node:http';\n" +
      "createServer((q, s) => setTimeout(() => s.end('ok'), 3)).listen(Number(process.argv[2]), '127.0.0.1');\n" +
      "process.on('SIGTERM', () => { console.log('service got SIGTERM'); process.exit(0); });\n",
  );
  const inputs = {
    ...load,
    gates: 'load-testing, performance-profiling',
    target_url: `http://127.0.0.1:${port}/`,
    start_command: `node server.mjs ${port}`,
    ready_url: `http://127.0.0.1:${port}/`,
    thresholds: 'http_req_failed: rate<0.01\nhttp_req_duration: p(95)<250\nhttp_reqs: rate>20\nchecks: rate>0.99',
    baseline_path: 'perf/baseline.json',
    max_regression_pct: 1000,
  };
  const first = await runAction('quality-gates', { cwd: ws, inputs });
  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);
  expect(first.outputs.passed).toBe('true');
  expect(first.log).toMatch(/service: ready after/);
  expect(first.log).toMatch(/service: stopped \(pid \d+\)/);
  expect(first.log).toMatch(/load 1(\.\d)?s\/2s: \d+ requests/);
  expect(first.summary).toContain('## Quality gates: ✅ passed');
  expect(first.summary).toMatch(/\| http_req_duration \| `p\(95\)<250` \| [\d.]+ms \| \d+ \| ✅ pass \|/);
  expect(first.summary).toContain('| min | avg | p50 | p90 | p95 | p99 | p99.9 | max |');
  expect(first.summary).toContain('title "Latency over time (ms): p95 above, p50 below"');
  expect(first.summary).toMatch(
    /xychart-beta\n {2}title "Latency histogram[^\n]*\n {2}x-axis \[[^\]]+\]\n {2}y-axis "requests"\n {2}bar \[/,
  );
  expect(first.summary).toContain('this run (p95');
  expect(first.summary).toContain('is recorded as the baseline');
  expect(existsSync(join(ws, 'perf', 'baseline.json'))).toBe(true);
  // Nothing listens after the action: the service was stopped.
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();

  const second = await runAction('quality-gates', { cwd: ws, inputs, keepTemp: true });
  expect(second.errors).toEqual([]);
  expect(second.outputs.passed).toBe('true');
  expect(second.summary).toMatch(/\| p95 latency \| [\d.]+ ms \| [\d.]+ ms \| [+-][\d.]+% \| \+1000% \| ✅ pass \|/);
  expect(second.summary).toMatch(/\| throughput \| [\d.]+\/s \| [\d.]+\/s \| [+-][\d.]+% \| -1000% \| ✅ pass \|/);
  const results = JSON.parse(readFileSync(second.outputs.results as string, 'utf8')) as Results;
  expect(results.regression.baseline.p95).toBeGreaterThan(0);
  rmSync(second.runnerTemp, { recursive: true, force: true });
});

test('a 200 ms service fails p(95)<100: exit 1, passed=false, one ::error:: that explains why', async () => {
  const server = await startTestServer({ delayMs: 200 });
  try {
    const r = await runAction('quality-gates', {
      cwd: ws,
      inputs: {
        ...load,
        connections: 5,
        rate: 25,
        min_requests: 20,
        target_url: server.url,
        thresholds: 'http_req_duration: p(95)<100\nhttp_req_failed: rate<0.01',
      },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.passed).toBe('false');
    expect(r.outputs.results).toMatch(/results\.json$/);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^quality gates failed: load-testing: 1 of 2 thresholds failed: http_req_duration p\(95\)<100 \(p\(95\)=\d{3}(?:\.\d+)?ms breaks p\(95\)<100\)$/,
    );
    expect(r.summary).toContain('## Quality gates: ❌ failed');
    expect(r.summary).toMatch(/\| http_req_duration \| `p\(95\)<100` \| \d{3}(?:\.\d+)?ms \| \d+ \| ❌ p\(95\)=/);
  } finally {
    await server.stop();
  }
});

test('a service that refuses connections fails with "no data", never a pass', async () => {
  const port = await closedPort();
  const r = await runAction('quality-gates', { cwd: ws, inputs: { ...load, target_url: `http://127.0.0.1:${port}/` } });
  expect(r.code).toBe(1);
  expect(r.outputs.passed).toBe('false');
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toContain('no data: no response was received');
  expect(r.errors[0]).toContain('ECONNREFUSED');
  expect(r.summary).toContain('a gate never passes on no data');
});

test('a sharded load (2 runners) merged by a third job gives one verdict over the whole', async () => {
  const server = await startTestServer({ delayMs: 2 });
  try {
    const shard = (i: number) =>
      runAction('quality-gates', {
        cwd: ws,
        inputs: { ...load, target_url: server.url, shard: `${i}/2`, results_path: `shards/shard-${i}.json` },
      });
    const shards = await Promise.all([shard(1), shard(2)]);
    for (const s of shards) {
      expect(s.errors).toEqual([]);
      expect(s.code).toBe(0);
      expect(s.outputs.passed).toBeUndefined();
      expect(s.summary).toContain('verdict in the merge job');
      expect(s.log).toContain('custom: 4 connections, 60 req/s, 2s — this is shard');
    }
    const merged = await runAction('quality-gates', {
      cwd: ws,
      // An absolute glob, as the reusable workflow passes it (`<runner.temp>/quality-gates-shards/*.json`).
      inputs: {
        ...load,
        merge: join(ws, 'shards', 'shard-*.json'),
        thresholds: 'http_req_failed: rate<0.01\nhttp_reqs: count>=80',
      },
      keepTemp: true,
    });
    expect(merged.errors).toEqual([]);
    expect(merged.outputs.passed).toBe('true');
    expect(merged.summary).toContain('Merged from 2 shards.');
    const doc = JSON.parse(readFileSync(merged.outputs.results as string, 'utf8')) as Results;
    const parts = shards.map((s) => JSON.parse(readFileSync(s.outputs.results as string, 'utf8')) as Results);
    expect(doc.load.requests).toBe(parts[0]!.load.requests + parts[1]!.load.requests);
    expect(server.requests()).toBeGreaterThanOrEqual(doc.load.requests);
    rmSync(merged.runnerTemp, { recursive: true, force: true });
  } finally {
    await server.stop();
  }
});

test('with status_branch and version, the verdicts land in release-status.yaml on the status branch', async () => {
  const server = await startTestServer({ delayMs: 1 });
  const base = mkdtempSync(join(tmpdir(), 'ra-qg-status-'));
  try {
    const remote = join(base, 'remote.git');
    const repo = join(base, 'repo');
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
    mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(
      repo,
      '-c',
      'user.name=Dev',
      '-c',
      'user.email=dev@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'feat: first',
    );
    git(repo, 'remote', 'add', 'origin', remote);
    git(repo, 'push', '-q', 'origin', 'main');
    const r = await runAction('quality-gates', {
      cwd: repo,
      inputs: { ...load, target_url: server.url, status_branch: 'release-status', version: '1.4.0' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs.passed).toBe('true');
    expect(r.summary).toContain('Verdicts recorded for 1.4.0 in `release-status.yaml on branch release-status`');
    const yaml = git(remote, 'show', 'release-status:release-status.yaml');
    expect(yaml).toContain('version: "1.4.0"');
    expect(yaml).toMatch(/quality_gates:\s+load-testing:\s+status: passed\s+measurements:\s+requests: \d+/);
    expect(yaml).toMatch(/p95_ms: [\d.]+/);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  } finally {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  }
});

test('record_results: the read-only gates job verdicts, recorded by a later job over HTTP with its token alone', async () => {
  const server = await startTestServer({ delayMs: 1 });
  const base = mkdtempSync(join(tmpdir(), 'ra-qg-record-'));
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], {
      cwd,
      encoding: 'utf8',
    }).trim();
  const remote = join(base, 'repo.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  const http = await startGitHttpRemote(remote, 'ghs_recordtoken');
  try {
    // The gates job: no status branch, no write access; its results file travels as an artifact.
    const gates = await runAction('quality-gates', {
      cwd: ws,
      inputs: { ...load, target_url: server.url, results_path: join(base, 'artifact', 'results.json') },
    });
    expect(gates.errors).toEqual([]);
    const results = gates.outputs.results as string;
    const failedRun = join(base, 'artifact', 'failed.json');
    writeFileSync(
      failedRun,
      JSON.stringify({
        ...JSON.parse(readFileSync(results, 'utf8')),
        passed: false,
        verdicts: [{ gate: 'load-testing', passed: false, reason: 'p(95)=612ms breaks p(95)<500' }],
      }),
    );
    // The release job: a checkout with persist-credentials: false (origin over HTTP, no credentials kept).
    const job = join(base, 'job');
    mkdirSync(job);
    git(job, 'init', '-q', '-b', 'main');
    git(job, 'commit', '-q', '--allow-empty', '-m', 'feat: first');
    git(job, 'remote', 'add', 'origin', http.url);
    const record = (file: string, version: string, token?: string) =>
      runAction('quality-gates', {
        cwd: job,
        token,
        inputs: { record_results: file, status_branch: 'release-status', version },
      });

    const refused = await record(results, '1.5.0');
    expect(refused.code).toBe(1);
    expect(http.requests.some((r) => r.startsWith('401 '))).toBe(true);

    const r = await record(results, '1.5.0', 'ghs_recordtoken');
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ passed: 'true', results });
    expect(r.summary).toContain('## Quality gates: ✅ passed');
    expect(r.summary).toContain('Verdicts recorded for 1.5.0');
    // Masked (the runner hides it), and never printed otherwise.
    expect(r.log).toContain('::add-mask::ghs_recordtoken');
    expect(r.log.replaceAll('::add-mask::ghs_recordtoken', '')).not.toContain('ghs_recordtoken');
    const yaml = () =>
      execFileSync('git', ['show', 'release-status:release-status.yaml'], { cwd: remote, encoding: 'utf8' });
    expect(yaml()).toMatch(
      /version: "1\.5\.0"[\s\S]*quality_gates:\s+load-testing:\s+status: passed\s+measurements:\s+requests: \d+/,
    );
    // The token never lands in the workspace (no extraheader, no credential file).
    expect(execFileSync('git', ['config', '--list', '--local'], { cwd: job, encoding: 'utf8' })).not.toContain(
      'extraheader',
    );

    // Recording failed gates (require_quality_gates: false let the release go on) records the failure, and does not
    // fail the release job over a verdict already given.
    const failed = await record(failedRun, '1.6.0', 'ghs_recordtoken');
    expect(failed.code).toBe(0);
    expect(failed.outputs.passed).toBe('false');
    expect(yaml()).toMatch(
      /version: "1\.6\.0"[\s\S]*status: failed\s+measurements:[\s\S]*reason: p\(95\)=612ms breaks p\(95\)<500/,
    );

    // A re-run records the same verdicts once (no duplicate release record).
    await record(results, '1.5.0', 'ghs_recordtoken');
    expect(yaml().match(/version: "1\.5\.0"/g)).toHaveLength(1);
  } finally {
    await http.stop();
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  }
});

describe('record_results does not trust the file it records', () => {
  let base: string;
  let job: string;
  let remote: string;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], {
      cwd,
      encoding: 'utf8',
    }).trim();
  const results = (verdicts: unknown[], passed: boolean) => ({
    version: 1,
    mode: 'run',
    passed,
    verdicts,
    resultsPath: '/x/results.json',
  });
  const BUILD_OK = { gate: 'container-build', passed: true, reason: 'ok' };
  /** Writes `name` under the test folder: a results file with these verdicts, claiming `passed: true`. */
  const resultsFile = (name: string, verdicts: unknown[]) => {
    const file = join(base, name);
    writeFileSync(file, JSON.stringify(results(verdicts, true)));
    return file;
  };
  const record = (file: string, version: string) =>
    runAction('quality-gates', {
      cwd: job,
      inputs: { record_results: file, status_branch: 'release-status', version },
    });
  const recorded = () => {
    try {
      return execFileSync('git', ['show', 'release-status:release-status.yaml'], { cwd: remote, encoding: 'utf8' });
    } catch {
      return '';
    }
  };

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ra-qg-untrusted-'));
    remote = join(base, 'repo.git');
    job = join(base, 'job');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
    mkdirSync(job);
    git(job, 'init', '-q', '-b', 'main');
    git(job, 'commit', '-q', '--allow-empty', '-m', 'feat: first');
    git(job, 'remote', 'add', 'origin', remote);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  test('passed: true over a failed verdict is recorded as failed, with a warning naming the file', async () => {
    const slow = { gate: 'load-testing', passed: false, reason: 'p(95)=612ms breaks p(95)<500' };
    const file = resultsFile('lying.json', [slow, BUILD_OK]);
    const r = await record(file, '2.1.0');
    expect(r.errors).toEqual([]);
    expect(r.outputs.passed).toBe('false');
    expect(r.warnings).toContainEqual(
      `${JSON.stringify(file)} says passed: true, but its verdicts say failed (load-testing): recorded as failed.`,
    );
    expect(r.summary).toContain('## Quality gates: ❌ failed');
    expect(recorded()).toMatch(/version: "2\.1\.0"[\s\S]*load-testing:\s+status: failed/);
  });

  test.each([
    ['a newline', 'load-testing\n::add-mask::production'],
    ['a control character', 'load\u0007testing'],
    ['an overlong name', 'g'.repeat(65)],
    ['no name', undefined],
  ])('a gate name with %s: one error naming the file and the entry, nothing recorded', async (_what, gate) => {
    const before = recorded();
    const file = resultsFile('bad-gate.json', [BUILD_OK, { gate, passed: true, reason: 'ok' }]);
    const r = await record(file, '2.2.0');
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(
      `Input "record_results" has the value ${JSON.stringify(file)}, whose verdicts[1] has the gate name`,
    );
    expect(r.log).not.toMatch(/^\s*::add-mask::production/m);
    expect(recorded()).toBe(before);
  });

  test('a results file that is a link to /proc/self/environ is refused before anything is read', async () => {
    const ws = join(base, 'linked');
    mkdirSync(ws);
    symlinkSync('/proc/self/environ', join(ws, 'results.json'));
    const r = await runAction('quality-gates', {
      cwd: ws,
      inputs: { record_results: 'results.json', status_branch: 'release-status', version: '2.3.0' },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^Input "record_results": results\.json names a device or kernel file \(results\.json is a symbolic link to \/proc\/self\/environ/,
      ),
    ]);
  });
});

describe('path inputs stay inside the workspace, checked before anything starts', () => {
  let base: string;
  let ws: string;
  let outside: string;
  let marker: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ra-qg-paths-'));
    ws = join(base, 'ws');
    outside = join(base, 'outside');
    marker = join(base, 'service-started');
    mkdirSync(ws);
    mkdirSync(outside);
    writeFileSync(join(outside, 'baseline.json'), JSON.stringify({ load: { requests: 1 } }));
    writeFileSync(join(outside, 'load.js'), 'export default function () {}\n');
    symlinkSync('/proc/self/environ', join(ws, 'environ.json'));
    symlinkSync(join(outside, 'baseline.json'), join(ws, 'baseline.json'));
    symlinkSync(join(outside, 'load.js'), join(ws, 'load.js'));
    symlinkSync(outside, join(ws, 'out'));
    symlinkSync('/proc/self/environ', join(ws, 'k6-environ.js'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const gates = (o: Record<string, string>) =>
    runAction('quality-gates', {
      cwd: ws,
      inputs: {
        ...load,
        target_url: 'http://127.0.0.1:9/',
        // Anything started would leave the marker.
        start_command: `touch ${JSON.stringify(marker)}`,
        ready_url: 'http://127.0.0.1:9/',
        ready_timeout: '1s',
        ...o,
      },
    });

  test.each([
    [
      'baseline_path',
      { gates: 'load-testing, performance-profiling', baseline_path: 'environ.json' },
      /names a device or kernel file \(environ\.json is a symbolic link to \/proc\/self\/environ/,
    ],
    [
      'baseline_path',
      { gates: 'load-testing, performance-profiling', baseline_path: 'baseline.json' },
      /baseline\.json leaves the workspace .*baseline\.json is a symbolic link to .*outside\/baseline\.json/,
    ],
    [
      'results_path',
      { results_path: 'out/results.json' },
      /out\/results\.json leaves the workspace .*out is a symbolic link to .*outside/,
    ],
    [
      'k6_script',
      { engine: 'k6', k6_script: 'load.js' },
      /load\.js leaves the workspace .*load\.js is a symbolic link to .*outside\/load\.js/,
    ],
    ['k6_script', { engine: 'k6', k6_script: 'k6-environ.js' }, /names a device or kernel file/],
  ])('%s through a link is refused', async (input, o, message) => {
    const r = await gates(o);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^Input "${input}": `));
    expect(r.errors[0]).toMatch(message);
    expect(r.annotations.find((a) => a.level === 'error')?.properties.title).toBe(`quality-gates: bad input ${input}`);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(outside, 'results.json'))).toBe(false);
  });
});
