#!/usr/bin/env node
// bench/status-record: what a large release-status.yaml costs the stages that read it. A record of ~10 MB
// (thousands of releases, each with gates, deployments, a timeline and a ledger) against a small one (5 releases),
// both on the release-status branch of a real bare remote, read the way rollback and release read it
// (GitBranchStatusStore: fetch, cat-file, parse) and then what they need of it: the rollback's last good version
// (lastGoodVersion, entries validated as they are read) and the release's own entry (findRelease). Printed: the
// median of the rounds, per record, and the difference. Target (issue 11): the large record costs at most 2 s more.
// The same read with the `yaml` package parsing the whole file is shown for comparison (what was done before).
//
//   npm run bench -- status-record [--mb 10] [--rounds 5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadTs } from '../../scripts/load-ts.mjs';
import { opt } from '../args.mjs';

const mb = opt('mb', 10);
const rounds = opt('rounds', 5);

const status = await loadTs('packages/shared/src/status/index.ts');
const { Git } = await loadTs('packages/shared/src/git/index.ts');

function release(i) {
  const v = `${Math.floor(i / 1000)}.${Math.floor(i / 10) % 100}.${i % 10}`;
  const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
  return {
    version: v,
    type: 'minor',
    status: 'deployed',
    created_at: at,
    deployed_at: at,
    quality_gates: {
      'load-testing': { status: 'passed', measurements: { requests: 5000, rps: 912, p50_ms: 38, p95_ms: 112 }, at },
      'container-build': { status: 'passed', measurements: { image_size_mb: 47.1, layers: 9 }, at },
    },
    deployments: [
      {
        environment: 'production',
        strategy: 'blue-green',
        status: 'inactive',
        started_at: at,
        finished_at: at,
        run_id: String(10_000 + i),
        active_slot: i % 2 ? 'blue' : 'green',
        timeline: ['started', 'smoke-passed', 'switched', 'verified', 'monitored'].map((state) => ({ at, state })),
      },
    ],
    registries: [{ registry: 'npm', name: '@acme/widget', version: v, url: 'https://registry.npmjs.org/@acme/widget' }],
    ledger: {
      [String(10_000 + i)]: Object.fromEntries(
        ['tag', 'push', 'release', 'npm'].map((s) => [s, { state: 'done', at }]),
      ),
    },
  };
}

/** A record of about `bytes` (newest first; the newest deployment failed, the one before is the last good one). */
function record(bytes) {
  const one = status.stringifyStatus({ schema_version: 1, releases: [release(1)] }).length;
  const n = Math.max(5, Math.ceil((bytes * 1.08) / one));
  const releases = Array.from({ length: n }, (_, k) => release(n - k));
  releases[0].deployments[0].status = 'failed';
  releases[1].deployments[0].status = 'succeeded';
  return { text: status.stringifyStatus({ schema_version: 1, releases }), n, failed: releases[0].version };
}

const base = mkdtempSync(join(tmpdir(), 'ra-bench-status-'));
const git = (cwd, ...a) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=b', '-c', 'user.email=b@b', ...a], { encoding: 'utf8' });

function remoteWith(name, text) {
  const remote = join(base, `${name}.git`);
  const seed = join(base, `${name}-seed`);
  const ws = join(base, `${name}-ws`);
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  execFileSync('git', ['init', '-q', '-b', 'release-status', seed]);
  writeFileSync(join(seed, 'release-status.yaml'), text);
  git(seed, 'add', '.');
  git(seed, 'commit', '-q', '-m', 'status');
  git(seed, 'push', '-q', remote, 'release-status');
  execFileSync('git', ['clone', '-q', remote, ws], { stdio: 'ignore' });
  return ws;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(ws, failed) {
  const times = [];
  let found;
  for (let r = 0; r < rounds; r++) {
    const store = new status.GitBranchStatusStore({ git: new Git(ws), branch: 'release-status' });
    const t = performance.now();
    const doc = await store.read();
    found = status.lastGoodVersion(doc, 'production', failed);
    if (status.findRelease(doc, failed)?.status === undefined) throw new Error(`no entry for ${failed}`);
    times.push(performance.now() - t);
  }
  return { ms: median(times), found };
}

function wholeParse(text) {
  const t = performance.now();
  parse(text);
  return performance.now() - t;
}

try {
  const small = record(0);
  const large = record(mb * 1e6);
  const smallWs = remoteWith('small', small.text);
  const largeWs = remoteWith('large', large.text);
  const s = await measure(smallWs, small.failed);
  const l = await measure(largeWs, large.failed);
  const whole = wholeParse(large.text);
  const diff = l.ms - s.ms;
  const row = (label, rec, m) =>
    `${label.padEnd(8)} ${String(rec.n).padStart(6)} releases ${(rec.text.length / 1e6).toFixed(2).padStart(6)} MB   read + last good + own entry: ${m.ms.toFixed(0).padStart(5)} ms (→ ${m.found})`;
  process.stdout.write(
    [
      `status record, median of ${rounds} (GitBranchStatusStore.read from a bare remote, lastGoodVersion, findRelease)`,
      row('small', small, s),
      row('large', large, l),
      `difference: ${diff.toFixed(0)} ms (target: at most 2000 ms) ${diff <= 2000 ? 'OK' : 'OVER'}`,
      `for comparison, the yaml package parsing the whole large record once: ${whole.toFixed(0)} ms (a release reads it a dozen times)`,
      '',
    ].join('\n'),
  );
  if (diff > 2000) process.exitCode = 1;
} finally {
  rmSync(base, { recursive: true, force: true });
}
