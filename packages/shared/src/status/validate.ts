/**
 * A release entry of the status record checked like an input: the record is a file anyone with push access to the
 * branch (or a hand edit) can change, and what the rollback reads from it becomes RELEASE_VERSION, a log line, a
 * summary. Versions are strict semver (the `semver` input's parser), environments and gate names follow the
 * inputs' patterns, slots, states and types their lists, URLs are http(s). Unknown fields are kept unchecked.
 */
import { ENVIRONMENT_NAME_PATTERN } from '../action/environment-inputs.js';
import { semver, url } from '../action/inputs.js';
import { quoteLogValue } from '../util/escape.js';
import { StageError } from '../util/errors.js';

const SEMVER = semver({ description: '' });
const URL_SPEC = url({ description: '' });

export const RELEASE_STATES = [
  'planned',
  'releasing',
  'released',
  'published-unverified',
  'deploying',
  'deployed',
  'failed',
  'rolled-back',
] as const;
export const RELEASE_TYPES = ['major', 'minor', 'patch', 'hotfix', 'prerelease'] as const;
export const DEPLOYMENT_STATES = [
  'pending',
  'queued',
  'in_progress',
  'succeeded',
  'failed',
  'rolled-back',
  'inactive',
  'inconclusive',
] as const;
export const GATE_STATES = ['passed', 'failed', 'skipped', 'no-data'] as const;
export const SLOT_NAMES = ['blue', 'green'] as const;
/** A gate name: printable, one line, short (it becomes a YAML key, a table cell and a log line). */
export const GATE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._()/:-]{0,63}$/;
/** Fields that hold a version: read back as strings, always written quoted. */
export const VERSION_KEYS = new Set(['version', 'previous_version', 'rollback_of']);

/** A bad entry (or shape) in the status record: names the record and the entry; shows values escaped, shortened. */
export class StatusRecordError extends StageError {
  constructor(
    readonly source: string,
    readonly entry: string,
    problem: string,
  ) {
    super(
      `${source}: ${entry} ${problem}. Fix or remove that entry on the record's branch (or file); it was not used and nothing was overwritten.`,
    );
    this.name = 'StatusRecordError';
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const shape = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);

/** True when `v` is a strict semantic version (1.4.0, 2.0.0-rc.1+build.5). */
export function isSemver(v: unknown): v is string {
  if (typeof v !== 'string' || v.trim() !== v) return false;
  // The input parser compares with semver.valid, which drops build metadata: check that part here.
  const plus = v.indexOf('+');
  if (plus >= 0 && !/^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/.test(v.slice(plus + 1))) return false;
  return SEMVER.parse(plus >= 0 ? v.slice(0, plus) : v).ok;
}

function check(problems: string[], ok: boolean, what: string, value: unknown, expected: string): void {
  if (!ok) problems.push(`${what} is ${quoteLogValue(value)}, expected ${expected}`);
}

function checkUrl(problems: string[], value: unknown, what: string): void {
  check(problems, typeof value === 'string' && URL_SPEC.parse(value).ok, what, value, 'an http(s) URL');
}

/** `value` must be one of `list` (a value of another type is not in it either). */
function checkOneOf(problems: string[], value: unknown, what: string, list: readonly string[]): void {
  check(problems, (list as readonly unknown[]).includes(value), what, value, `one of ${list.join(', ')}`);
}

function checkDeployment(problems: string[], d: unknown, where: string): void {
  if (!isRec(d)) {
    problems.push(`${where} is ${shape(d)}, expected a mapping (environment, status, …)`);
    return;
  }
  check(
    problems,
    typeof d.environment === 'string' && ENVIRONMENT_NAME_PATTERN.test(d.environment),
    `${where}.environment`,
    d.environment,
    'an environment name of letters, digits and . _ -',
  );
  checkOneOf(problems, d.status, `${where}.status`, DEPLOYMENT_STATES);
  if (d.active_slot !== undefined) checkOneOf(problems, d.active_slot, `${where}.active_slot`, SLOT_NAMES);
  for (const k of ['previous_version', 'rollback_of'])
    if (d[k] !== undefined) check(problems, isSemver(d[k]), `${where}.${k}`, d[k], 'a semantic version');
  if (d.url !== undefined) checkUrl(problems, d.url, `${where}.url`);
}

/**
 * The problems of one release entry (empty when it is valid). Checks what any reader relies on: the shape, the
 * version, states, environments, slots, URLs and gate names.
 */
export function releaseProblems(raw: unknown): string[] {
  if (!isRec(raw)) return [`is ${shape(raw)}, not a release (a mapping with version, status, created_at, …)`];
  const p: string[] = [];
  if (raw.version === undefined) p.push('has no version');
  // The entry's name already shows the version (escaped): not repeated here.
  else if (!isSemver(raw.version)) p.push('has a version that is not a semantic version such as "1.4.0"');
  if (raw.status !== undefined) checkOneOf(p, raw.status, 'status', RELEASE_STATES);
  if (raw.type !== undefined) checkOneOf(p, raw.type, 'type', RELEASE_TYPES);
  if (raw.release_url !== undefined) checkUrl(p, raw.release_url, 'release_url');
  if (raw.tag !== undefined)
    check(p, typeof raw.tag === 'string' && /^[^\s\p{Cc}]{1,255}$/u.test(raw.tag), 'tag', raw.tag, 'a git tag name');
  if (raw.deployment !== undefined) checkDeployment(p, raw.deployment, 'deployment');
  if (raw.deployments !== undefined) {
    if (!Array.isArray(raw.deployments)) p.push(`deployments is ${shape(raw.deployments)}, expected a list`);
    else raw.deployments.forEach((d, i) => checkDeployment(p, d, `deployments[${i}]`));
  }
  if (raw.quality_gates !== undefined) {
    if (!isRec(raw.quality_gates)) p.push(`quality_gates is ${shape(raw.quality_gates)}, expected a mapping by gate`);
    else
      for (const [name, g] of Object.entries(raw.quality_gates)) {
        check(p, GATE_NAME_PATTERN.test(name), 'a quality gate name', name, 'a short one-line name');
        if (!isRec(g)) p.push(`quality_gates.${quoteLogValue(name, 30)} is ${shape(g)}, expected a mapping`);
        else checkOneOf(p, g.status, `quality_gates.${quoteLogValue(name, 30)}.status`, GATE_STATES);
      }
  }
  if (raw.packages !== undefined) checkPackages(p, raw.packages);
  if (raw.registries !== undefined) {
    const regs = Array.isArray(raw.registries)
      ? raw.registries.map((r, i) => [String(i), r] as const)
      : isRec(raw.registries)
        ? Object.entries(raw.registries)
        : undefined;
    if (!regs) p.push(`registries is ${shape(raw.registries)}, expected a list`);
    else
      for (const [k, r] of regs) {
        if (!isRec(r)) continue;
        // An npm page URL, or an image reference (registry/name:version): one line, no blanks.
        if (r.url !== undefined)
          check(
            p,
            typeof r.url === 'string' && /^[^\s\p{Cc}]{1,2048}$/u.test(r.url),
            `registries[${quoteLogValue(k, 30)}].url`,
            r.url,
            'a URL or image reference on one line',
          );
        if (r.version !== undefined)
          check(p, isSemver(r.version), `registries[${quoteLogValue(k, 30)}].version`, r.version, 'a semantic version');
      }
  }
  return p;
}

/** An independent release's packages (a re-run reads them back to resume): name, version, tag, release URL. */
function checkPackages(p: string[], packages: unknown): void {
  if (!Array.isArray(packages)) {
    p.push(`packages is ${shape(packages)}, expected a list (name, version, tag)`);
    return;
  }
  packages.forEach((x, i) => {
    const at = `packages[${i}]`;
    if (!isRec(x)) return void p.push(`${at} is ${shape(x)}, expected a mapping (name, version, tag)`);
    check(
      p,
      typeof x.name === 'string' && /^[^\s\p{Cc}]{1,214}$/u.test(x.name),
      `${at}.name`,
      x.name,
      'a package name',
    );
    check(p, isSemver(x.version), `${at}.version`, x.version, 'a semantic version');
    check(p, typeof x.tag === 'string' && /^[^\s\p{Cc}]{1,255}$/u.test(x.tag), `${at}.tag`, x.tag, 'a git tag name');
    if (x.previous_version !== undefined)
      check(p, isSemver(x.previous_version), `${at}.previous_version`, x.previous_version, 'a semantic version');
    if (x.release_url !== undefined) checkUrl(p, x.release_url, `${at}.release_url`);
  });
}

/** How an entry is named in an error: its index, and its version when that is safe to show. */
export function entryName(index: number, raw: unknown): string {
  const v = isRec(raw) ? raw.version : undefined;
  return `releases[${index}]${v === undefined ? '' : ` (version ${quoteLogValue(v, 40)})`}`;
}

/** Throw a StatusRecordError for an invalid entry; one message with every problem of that entry. */
export function assertRelease(raw: unknown, index: number, source: string): void {
  const problems = releaseProblems(raw);
  if (problems.length === 0) return;
  throw new StatusRecordError(source, entryName(index, raw), problems.join('; '));
}
