/**
 * Load profiles: the built-in baseline, peak, stress and soak (connections, rate, duration, ramp), overridden
 * by `.github/load-profiles.yml` and then by the connections/rate/duration inputs; and a runner's share of it
 * when the load is sharded (`shard: 2/4`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { formatDuration, parseDuration } from '../util/duration.js';
import { InputError } from '../util/errors.js';

export const PROFILE_NAMES = ['baseline', 'peak', 'stress', 'soak', 'custom'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface LoadProfile {
  /** Concurrent connections. */
  connections: number;
  /** Requests per second across all connections; 0 = as fast as the service answers. */
  rate: number;
  /** Steady load, after the ramp (ms). */
  durationMs: number;
  /** Ramp-up before the steady load (ms): connections and rate climb in steps to the full level. */
  rampMs: number;
}

/** The built-in profiles (documented in actions/quality-gates/README.md). */
export const BUILTIN_PROFILES: Record<Exclude<ProfileName, 'custom'>, LoadProfile> = {
  baseline: { connections: 10, rate: 50, durationMs: 30_000, rampMs: 5_000 },
  peak: { connections: 50, rate: 500, durationMs: 60_000, rampMs: 10_000 },
  stress: { connections: 200, rate: 0, durationMs: 120_000, rampMs: 30_000 },
  soak: { connections: 20, rate: 100, durationMs: 1_800_000, rampMs: 60_000 },
};

export function describeProfile(p: LoadProfile): string {
  return (
    `${p.connections} connections, ${p.rate ? `${p.rate} req/s` : 'unlimited rate'}, ` +
    `${formatDuration(p.durationMs)}${p.rampMs ? ` after a ${formatDuration(p.rampMs)} ramp` : ''}`
  );
}

type PartialProfile = Partial<LoadProfile>;

function profileError(file: string, why: string): InputError {
  return new InputError(
    'profiles_file',
    `Input "profiles_file" names ${JSON.stringify(file)}, which is not a valid profiles file: ${why}; expected ` +
      'YAML such as `profiles: { peak: { connections: 100, rate: 1000, duration: 2m, ramp: 20s } }` with ' +
      `profiles among ${PROFILE_NAMES.join(', ')}.`,
  );
}

/**
 * Read a profiles file. A missing file at the default path means "built-ins only"; a missing file the user
 * named is bad input.
 */
export function readProfilesFile(
  path: string,
  isDefault: boolean,
  shown: string = path,
): Record<string, PartialProfile> {
  if (!existsSync(path)) {
    if (isDefault) return {};
    throw profileError(shown, 'the file does not exist');
  }
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'), { strict: true, uniqueKeys: true });
  } catch (e) {
    throw profileError(shown, `YAML error: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw profileError(shown, 'not a mapping');
  const root = (doc as Record<string, unknown>).profiles ?? doc;
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw profileError(shown, '`profiles` is not a mapping');
  const out: Record<string, PartialProfile> = {};
  for (const [name, body] of Object.entries(root as Record<string, unknown>)) {
    if (!(PROFILE_NAMES as readonly string[]).includes(name)) throw profileError(shown, `unknown profile "${name}"`);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw profileError(shown, `profile "${name}" is not a mapping`);
    }
    const p: PartialProfile = {};
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      const where = `${name}.${k}`;
      if (k === 'connections' || k === 'rate') {
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < (k === 'connections' ? 1 : 0)) {
          throw profileError(shown, `${where} is not a whole number${k === 'connections' ? ' ≥ 1' : ' ≥ 0'}`);
        }
        p[k] = n;
      } else if (k === 'duration' || k === 'ramp') {
        const ms = typeof v === 'number' ? v * 1000 : typeof v === 'string' ? parseDuration(v) : undefined;
        if (ms === undefined || ms < 0 || (k === 'duration' && ms < 1000)) {
          throw profileError(shown, `${where} is not a duration${k === 'duration' ? ' of at least 1s' : ''}`);
        }
        p[k === 'duration' ? 'durationMs' : 'rampMs'] = ms;
      } else {
        throw profileError(shown, `unknown key ${where} (expected connections, rate, duration, ramp)`);
      }
    }
    out[name] = p;
  }
  return out;
}

export interface ProfileOverrides {
  connections?: number;
  rate?: number;
  durationMs?: number;
}

/** The profile to run: built-in, then the file's values, then the inputs. `custom` needs connections and duration. */
export function resolveProfile(
  name: ProfileName,
  fromFile: Record<string, PartialProfile>,
  overrides: ProfileOverrides,
): LoadProfile {
  const base: PartialProfile = name === 'custom' ? { rate: 0, rampMs: 0 } : { ...BUILTIN_PROFILES[name] };
  const merged: PartialProfile = { ...base, ...fromFile[name] };
  if (overrides.connections !== undefined) merged.connections = overrides.connections;
  if (overrides.rate !== undefined) merged.rate = overrides.rate;
  if (overrides.durationMs !== undefined) merged.durationMs = overrides.durationMs;
  if (name === 'custom') {
    if (merged.durationMs === undefined) {
      throw new InputError(
        'duration',
        'Input "duration" is required with load_profile custom but was empty; expected a duration such as 30s, 5m.',
      );
    }
    if (merged.connections === undefined) {
      throw new InputError(
        'connections',
        'Input "connections" is required with load_profile custom but was empty; expected a whole number from 1 to 10000.',
      );
    }
  }
  return {
    connections: merged.connections as number,
    rate: merged.rate ?? 0,
    durationMs: merged.durationMs as number,
    rampMs: merged.rampMs ?? 0,
  };
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) {
    throw new InputError(
      'shard',
      `Input "shard" has an invalid value ${JSON.stringify(text)}; expected i/n with 1 ≤ i ≤ n, e.g. 2/4.`,
    );
  }
  return { index, count };
}

/** The i-th of n near-equal whole shares of `total` (the first `total % n` shares get one more). */
export function shareOf(total: number, shard: Shard): number {
  return Math.floor(total / shard.count) + (shard.index <= total % shard.count ? 1 : 0);
}

/**
 * This runner's part of a sharded load: its share of the connections and of the rate, for the same duration
 * and ramp, so that n runners together make the whole profile's load.
 */
export function shardProfile(p: LoadProfile, shard: Shard | undefined): LoadProfile {
  if (!shard || shard.count === 1) return p;
  if (p.connections < shard.count) {
    throw new InputError(
      'shard',
      `Input "shard" splits the load ${shard.count} ways but the profile has only ${p.connections} connections; ` +
        'expected at most as many shards as connections.',
    );
  }
  return {
    ...p,
    connections: shareOf(p.connections, shard),
    rate: p.rate ? Math.max(1, shareOf(p.rate, shard)) : 0,
  };
}
