/**
 * `.github/release-policy.yml`: parsed strictly. An unknown key, a wrong type or a bad value is bad input: an
 * InputError naming the file, the key (`types.major.canary_steps`), the value found and what is accepted.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ENVIRONMENT_NAME_PATTERN } from '../action/environment-inputs.js';
import { parseDuration } from '../util/duration.js';
import { InputError } from '../util/errors.js';
import { confinePath } from '../util/paths.js';
import {
  GATES,
  LOAD_PROFILES,
  RELEASE_KINDS,
  STRATEGIES,
  type Gate,
  type LoadProfile,
  type PolicyEnvironments,
  type PolicyFile,
  type ReleaseKind,
  type Strategy,
  type TypePolicy,
} from './types.js';

export const DEFAULT_POLICY_PATH = '.github/release-policy.yml';

type TypeOverride = PolicyFile['types'][ReleaseKind] & object;

const TYPE_KEYS = [
  'gates',
  'load_profile',
  'smoke_tests',
  'strategy',
  'canary_steps',
  'step_duration',
  'monitor_duration',
  'environments',
] as const satisfies readonly (keyof TypePolicy)[];
const ENV_KEYS = ['release', 'product', 'deploy'] as const satisfies readonly (keyof PolicyEnvironments)[];

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

class Checker {
  constructor(private readonly source: string) {}

  fail(key: string, value: unknown, accepted: string): never {
    throw new InputError(key, `${this.source}: "${key}" has an invalid value ${show(value)}; expected ${accepted}.`);
  }

  unknownKeys(key: string, value: Record<string, unknown>, known: readonly string[]): void {
    for (const k of Object.keys(value)) {
      if (!known.includes(k)) {
        const path = key ? `${key}.${k}` : k;
        throw new InputError(path, `${this.source}: unknown key "${path}"; expected one of ${known.join(', ')}.`);
      }
    }
  }

  oneOf<V extends string>(key: string, value: unknown, values: readonly V[]): V {
    if (typeof value !== 'string' || !values.includes(value as V)) this.fail(key, value, `one of ${values.join(', ')}`);
    return value as V;
  }

  duration(key: string, value: unknown): string {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || parseDuration(text) === undefined) {
      this.fail(key, value, 'a duration such as 30s, 10m, 1h or 24h (0 for none)');
    }
    return text.trim();
  }
}

function checkType(c: Checker, kind: ReleaseKind, raw: unknown): TypeOverride {
  const base = `types.${kind}`;
  if (!isMapping(raw)) c.fail(base, raw, `a mapping with keys ${TYPE_KEYS.join(', ')}`);
  c.unknownKeys(base, raw, TYPE_KEYS);
  const out: TypeOverride = {};
  if ('gates' in raw) {
    const key = `${base}.gates`;
    const v = raw.gates;
    const accepted = `a list of ${GATES.join(', ')} (empty: smoke tests only)`;
    if (!Array.isArray(v)) c.fail(key, v, accepted);
    for (const g of v) if (!GATES.includes(g as Gate)) c.fail(key, v, accepted);
    if (new Set(v).size !== v.length) c.fail(key, v, `${accepted}, each once`);
    out.gates = v as Gate[];
  }
  if ('load_profile' in raw)
    out.load_profile = c.oneOf<LoadProfile>(`${base}.load_profile`, raw.load_profile, LOAD_PROFILES);
  if ('smoke_tests' in raw) {
    if (typeof raw.smoke_tests !== 'boolean') c.fail(`${base}.smoke_tests`, raw.smoke_tests, 'true or false');
    out.smoke_tests = raw.smoke_tests;
  }
  if ('strategy' in raw) out.strategy = c.oneOf<Strategy>(`${base}.strategy`, raw.strategy, STRATEGIES);
  if ('canary_steps' in raw) {
    const key = `${base}.canary_steps`;
    const v = raw.canary_steps;
    const accepted = 'a list of whole percentages from 1 to 100, ascending, ending at 100, such as [10, 50, 100]';
    if (!Array.isArray(v) || v.length === 0) c.fail(key, v, accepted);
    let prev = 0;
    for (const n of v) {
      if (typeof n !== 'number' || !Number.isInteger(n) || n <= prev || n > 100) c.fail(key, v, accepted);
      prev = n;
    }
    if (prev !== 100) c.fail(key, v, accepted);
    out.canary_steps = v as number[];
  }
  if ('step_duration' in raw) out.step_duration = c.duration(`${base}.step_duration`, raw.step_duration);
  if ('monitor_duration' in raw) out.monitor_duration = c.duration(`${base}.monitor_duration`, raw.monitor_duration);
  if ('environments' in raw) {
    const key = `${base}.environments`;
    const v = raw.environments;
    if (!isMapping(v)) c.fail(key, v, `a mapping with keys ${ENV_KEYS.join(', ')}`);
    c.unknownKeys(key, v, ENV_KEYS);
    const envs: Partial<PolicyEnvironments> = {};
    for (const k of ENV_KEYS) {
      if (!(k in v)) continue;
      const name = v[k] === null ? '' : v[k];
      // Only the product approval job may be dropped: the release and deploy jobs always name an environment
      // (one without required reviewers does not wait).
      const optional = k === 'product';
      if (typeof name !== 'string' || (name === '' ? !optional : !ENVIRONMENT_NAME_PATTERN.test(name))) {
        c.fail(
          `${key}.${k}`,
          v[k],
          'an environment name of letters, digits and . _ - (no spaces or shell metacharacters)' +
            (optional ? ', or "" for no product approval' : ''),
        );
      }
      envs[k] = name;
    }
    out.environments = envs;
  }
  return out;
}

/** Parse and validate the text of a policy file. `source` names it in messages. */
export function parsePolicyFile(text: string, source = DEFAULT_POLICY_PATH): PolicyFile {
  const c: Checker = new Checker(source);
  let doc: unknown;
  try {
    doc = parseYaml(text, { strict: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InputError('policy_path', `${source} is not valid YAML: ${why}`);
  }
  if (doc === null || doc === undefined) return { types: {} };
  if (!isMapping(doc)) c.fail('(top level)', doc, 'a mapping with keys version, types');
  c.unknownKeys('', doc, ['version', 'types']);
  if ('version' in doc && doc.version !== 1) c.fail('version', doc.version, '1');
  const types: PolicyFile['types'] = {};
  if ('types' in doc && doc.types !== null) {
    if (!isMapping(doc.types)) c.fail('types', doc.types, `a mapping of ${RELEASE_KINDS.join(', ')}`);
    c.unknownKeys('types', doc.types, RELEASE_KINDS);
    for (const kind of RELEASE_KINDS) if (kind in doc.types) types[kind] = checkType(c, kind, doc.types[kind]);
  }
  return { version: 1, types };
}

/** Read the policy file at `path` (relative to `cwd`); a missing file is no override. */
export function loadPolicyFile(cwd: string, path = DEFAULT_POLICY_PATH): { file: PolicyFile; found: boolean } {
  if (path.split(/[\\/]/).includes('..') || path.startsWith('/')) {
    throw new InputError('policy_path', `policy_path ${show(path)} must be a path inside the workspace.`);
  }
  if (!lstatSync(resolve(cwd, path), { throwIfNoEntry: false })) return { file: { types: {} }, found: false };
  // Real path, links followed: a committed `release-policy.yml -> /etc/…` (or a linked .github) is refused.
  const real = confinePath(cwd, path, { input: 'policy_path' });
  return { file: parsePolicyFile(readFileSync(real, 'utf8'), path), found: true };
}
