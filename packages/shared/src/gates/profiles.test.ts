import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { BUILTIN_PROFILES, parseShard, readProfilesFile, resolveProfile, shardProfile, shareOf } from './profiles.js';

test('built-in profiles, overridden by the file, then by the inputs', () => {
  expect(resolveProfile('peak', {}, {})).toEqual(BUILTIN_PROFILES.peak);
  const dir = mkdtempSync(join(tmpdir(), 'ra-profiles-'));
  const file = join(dir, 'load-profiles.yml');
  writeFileSync(
    file,
    'profiles:\n  peak: { connections: 100, duration: 2m, ramp: 20s }\n  custom: { connections: 3, rate: 30, duration: 5s }\n',
  );
  const fromFile = readProfilesFile(file, false);
  expect(resolveProfile('peak', fromFile, {})).toEqual({
    connections: 100,
    rate: 500,
    durationMs: 120_000,
    rampMs: 20_000,
  });
  expect(resolveProfile('peak', fromFile, { rate: 7, durationMs: 1000 })).toMatchObject({ rate: 7, durationMs: 1000 });
  expect(resolveProfile('custom', fromFile, {})).toEqual({ connections: 3, rate: 30, durationMs: 5000, rampMs: 0 });
});

test('custom needs a duration and connections; a bad profiles file is bad input', () => {
  expect(() => resolveProfile('custom', {}, { connections: 2 })).toThrow(InputError);
  expect(() => resolveProfile('custom', {}, { durationMs: 2000 })).toThrow('"connections" is required');
  const dir = mkdtempSync(join(tmpdir(), 'ra-profiles-'));
  const file = join(dir, 'p.yml');
  writeFileSync(file, 'profiles:\n  peak: { connections: many }\n');
  expect(() => readProfilesFile(file, false)).toThrow('peak.connections is not a whole number');
  writeFileSync(file, 'profiles:\n  extreme: { connections: 5 }\n');
  expect(() => readProfilesFile(file, false)).toThrow('unknown profile "extreme"');
  expect(readProfilesFile(join(dir, 'absent.yml'), true)).toEqual({});
  expect(() => readProfilesFile(join(dir, 'absent.yml'), false)).toThrow('does not exist');
});

test('shards share connections and rate so that together they make the whole load', () => {
  for (const [total, n] of [
    [10, 4],
    [50, 3],
    [7, 7],
  ] as const) {
    const shares = Array.from({ length: n }, (_, i) => shareOf(total, { index: i + 1, count: n }));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  }
  expect(shardProfile(BUILTIN_PROFILES.baseline, parseShard('2/4'))).toMatchObject({ connections: 3, rate: 13 });
  expect(() => parseShard('5/4')).toThrow('i/n with 1 ≤ i ≤ n');
});
