/**
 * The environment lock on a real file system: taken atomically, waited for with progress, a timeout naming the
 * holder, stale locks of dead (or reused) pids taken over with a warning, another host's lock never taken over,
 * and mutual exclusion among many contenders. Processes are told apart through LockDeps (pid, host, alive).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLogger } from '../util/logger.js';
import { sleep } from './deadline.js';
import {
  acquireLock,
  hostLockDeps,
  type LockDeps,
  type LockHolder,
  lockFile,
  LockTimeoutError,
  type LockRequest,
} from './lock.js';

let dir: string;
let log: MemoryLogger;
/** Pids of fake processes that run. */
let running: Set<number>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ra-lock-'));
  log = new MemoryLogger();
  running = new Set([101, 102, 103]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const proc = (pid: number, o: Partial<LockDeps> = {}): LockDeps => ({
  ...hostLockDeps,
  host: 'runner-1',
  pid,
  procStart: () => undefined,
  alive: (p) => running.has(p),
  ...o,
});
const req = (runId: string, o: Partial<LockRequest> = {}): LockRequest => ({
  dir,
  environment: 'production',
  runId,
  what: `deploy of ${runId}`,
  timeoutMs: 5000,
  log,
  ...o,
});
const held = () => JSON.parse(readFileSync(lockFile(dir, 'production'), 'utf8')) as LockHolder;
const plant = (h: Partial<LockHolder>) =>
  writeFileSync(
    lockFile(dir, 'production'),
    JSON.stringify({
      run_id: '77',
      pid: 999,
      host: 'runner-1',
      since: '2026-01-01T00:00:00.000Z',
      what: 'deploy of 1.0.0',
      token: 'old',
      ...h,
    }),
  );

test('taken with the holder written, released on request (twice is harmless), no temporary file left', async () => {
  const lock = await acquireLock(req('1'), proc(101));
  expect(lock.file).toBe(join(dir, 'production.lock'));
  expect(held()).toMatchObject({ run_id: '1', pid: 101, host: 'runner-1', what: 'deploy of 1' });
  expect(Date.parse(held().since)).toBeGreaterThan(Date.now() - 5000);
  expect(lock.waitedMs).toBeLessThan(1000);
  expect(lock.waitedFor).toBeUndefined();
  lock.release();
  lock.release();
  expect(readdirSync(dir)).toEqual([]);
});

test('one lock per environment: another environment in the same state_dir is not blocked', async () => {
  const a = await acquireLock(req('1'), proc(101));
  const b = await acquireLock(req('2', { environment: 'staging', timeoutMs: 0 }), proc(102));
  expect(readdirSync(dir).sort()).toEqual(['production.lock', 'staging.lock']);
  a.release();
  b.release();
});

test('a second run waits, saying who holds the lock, and takes it once released', async () => {
  const first = await acquireLock(req('1'), proc(101));
  setTimeout(() => first.release(), 400);
  const second = await acquireLock(req('2'), proc(102));
  expect(second.waitedMs).toBeGreaterThanOrEqual(350);
  expect(second.waitedFor).toMatchObject({ run_id: '1', pid: 101 });
  expect(held()).toMatchObject({ run_id: '2', pid: 102 });
  const waiting = log.messages('info').filter((m) => m.startsWith('waiting for the lock of production'));
  expect(waiting[0]).toMatch(
    /held by run 1 \(deploy of 1\), pid 101 on host runner-1, since \d{4}-\d\d-\d\dT.*; waited \d+ms of 5s$/,
  );
  expect(log.messages('info')).toContainEqual(expect.stringMatching(/^lock of production taken after waiting/));
  second.release();
});

test('lock_timeout: fails naming the holder (run id, pid, host, since); the lock stays the holder’s', async () => {
  const first = await acquireLock(req('1'), proc(101));
  const t0 = Date.now();
  const e = await acquireLock(req('2', { timeoutMs: 300 }), proc(102)).catch((x: unknown) => x);
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(e).toBeInstanceOf(LockTimeoutError);
  expect((e as Error).message).toBe(
    `production is locked by another deploy or rollback: run 1 (deploy of 1), pid 101 on host runner-1, since ${first.holder.since}; waited ${(e as Error).message.match(/waited (\S+) \(/)?.[1]} (lock_timeout 300ms). Deploys and rollbacks of one environment and state_dir run one at a time; if that run is gone, remove ${first.file}.`,
  );
  expect((e as Error).message).toMatch(/waited ([3-9]\d\dms|[\d.]+s) \(lock_timeout 300ms\)/);
  expect(held().token).toBe(first.holder.token);
  expect(readdirSync(dir)).toEqual(['production.lock']);
  first.release();
});

test('lock_timeout 0: fails at once while held', async () => {
  const first = await acquireLock(req('1'), proc(101));
  await expect(acquireLock(req('2', { timeoutMs: 0 }), proc(102))).rejects.toThrow(/waited \d+ms \(lock_timeout 0ms\)/);
  first.release();
});

test('a stale lock (its pid no longer runs on this host) is taken over with a warning', async () => {
  plant({ pid: 999 });
  const lock = await acquireLock(req('2', { timeoutMs: 0 }), proc(102));
  expect(held()).toMatchObject({ run_id: '2', pid: 102 });
  expect(log.messages('warning')).toEqual([
    `took over the lock of production (${lock.file}): its holder, run 77 (deploy of 1.0.0), pid 999 on host runner-1, since 2026-01-01T00:00:00.000Z, no longer runs on this host`,
  ]);
  lock.release();
  expect(readdirSync(dir)).toEqual([]);
});

test('a pid reused by another process (start time differs) is stale too', async () => {
  plant({ pid: 103, proc_start: '5000' });
  const lock = await acquireLock(
    req('2', { timeoutMs: 0 }),
    proc(102, { procStart: (p) => (p === 103 ? '9000' : '1') }),
  );
  expect(log.messages('warning')).toHaveLength(1);
  lock.release();
});

test('the same pid with the same start time still holds it', async () => {
  plant({ pid: 103, proc_start: '5000' });
  await expect(
    acquireLock(req('2', { timeoutMs: 100 }), proc(102, { procStart: (p) => (p === 103 ? '5000' : '1') })),
  ).rejects.toThrow(/run 77 \(deploy of 1\.0\.0\), pid 103 on host runner-1/);
});

test('another host’s lock is never taken over (its processes cannot be seen from here)', async () => {
  plant({ pid: 999, host: 'runner-2' });
  await expect(acquireLock(req('2', { timeoutMs: 200 }), proc(102))).rejects.toThrow(/pid 999 on host runner-2/);
  expect(held().token).toBe('old');
  expect(log.messages('warning')).toEqual([]);
});

test('an unreadable lock file is waited for, never removed', async () => {
  writeFileSync(lockFile(dir, 'production'), 'garbage');
  await expect(acquireLock(req('2', { timeoutMs: 100 }), proc(102))).rejects.toThrow(
    /a holder whose lock file cannot be read/,
  );
  expect(readFileSync(lockFile(dir, 'production'), 'utf8')).toBe('garbage');
});

test('release() leaves a lock that is no longer this run’s alone', async () => {
  const first = await acquireLock(req('1'), proc(101));
  running.delete(101); // its process died: the next run takes the lock over
  const second = await acquireLock(req('2', { timeoutMs: 0 }), proc(102));
  first.release();
  expect(held().token).toBe(second.holder.token);
  second.release();
});

test('a real process killed while holding the lock: taken over with the host’s own checks', async () => {
  const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
  plant({ pid: dead, host: hostLockDeps.host });
  const lock = await acquireLock(req('2', { timeoutMs: 0 }));
  expect(held()).toMatchObject({ pid: process.pid, host: hostLockDeps.host });
  expect(held().proc_start).toMatch(/^\d+$/);
  expect(log.messages('warning')[0]).toContain(`pid ${dead} on host ${hostLockDeps.host}`);
  lock.release();
});

test('many runs at once, and a stale lock seen by all of them: one holder at a time, one takeover', async () => {
  plant({ pid: 999 });
  const pids = Array.from({ length: 8 }, (_, i) => 200 + i);
  for (const p of pids) running.add(p);
  let inside = 0;
  let most = 0;
  const order: string[] = [];
  await Promise.all(
    pids.map(async (pid) => {
      const lock = await acquireLock(req(String(pid), { timeoutMs: 20_000 }), proc(pid));
      inside++;
      most = Math.max(most, inside);
      order.push(String(pid));
      await sleep(20);
      inside--;
      lock.release();
    }),
  );
  expect(most).toBe(1);
  expect(order.sort()).toEqual(pids.map(String).sort());
  expect(log.messages('warning')).toHaveLength(1);
  expect(existsSync(lockFile(dir, 'production'))).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});
