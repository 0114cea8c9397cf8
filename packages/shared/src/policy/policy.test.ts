import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { parseDuration } from '../util/duration.js';
import {
  approvalOrder,
  defaultPolicy,
  effectivePolicy,
  loadPolicyFile,
  parsePolicyFile,
  releaseKind,
  RELEASE_KINDS,
} from './index.js';

const inputErrorOf = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no InputError thrown');
};

describe('defaults (the seed table)', () => {
  const p = defaultPolicy();
  test('major: every gate, canary 10→50→100, 24h monitoring, three approvals', () => {
    expect(p.major.gates).toEqual(['load-testing', 'performance-profiling', 'container-build']);
    expect(p.major.strategy).toBe('canary');
    expect(p.major.canary_steps).toEqual([10, 50, 100]);
    expect(parseDuration(p.major.monitor_duration)).toBe(24 * 3_600_000);
    expect(approvalOrder(p.major).map((a) => a.environment)).toEqual([
      'changelog-review',
      'product-approval',
      'production',
    ]);
  });
  test('minor: blue-green, 1h; patch: rolling, standard window; no product approval', () => {
    expect(p.minor.strategy).toBe('blue-green');
    expect(parseDuration(p.minor.monitor_duration)).toBe(3_600_000);
    expect(p.patch.strategy).toBe('rolling');
    expect(parseDuration(p.patch.monitor_duration)).toBe(15 * 60_000);
    expect(p.minor.environments.product).toBe('');
    expect(p.patch.environments.product).toBe('');
  });
  test('hotfix: smoke-only, immediate rolling (no pause between batches), 1h, fast track', () => {
    expect(p.hotfix.gates).toEqual([]);
    expect(p.hotfix.smoke_tests).toBe(true);
    expect(p.hotfix.strategy).toBe('rolling');
    expect(parseDuration(p.hotfix.step_duration)).toBe(0);
    expect(parseDuration(p.hotfix.monitor_duration)).toBe(3_600_000);
    expect(p.hotfix.environments.release).toBe('fast-track');
  });
  test('environment names come from the workflow inputs', () => {
    const q = defaultPolicy({ changelogReview: 'cr', productApproval: 'pa', production: 'prod', fastTrack: 'ft' });
    expect(q.major.environments).toEqual({ release: 'cr', product: 'pa', deploy: 'prod' });
    expect(q.hotfix.environments).toEqual({ release: 'ft', product: '', deploy: 'prod' });
  });
  test('every type has at least one check and valid durations', () => {
    for (const kind of RELEASE_KINDS) {
      expect(p[kind].gates.length > 0 || p[kind].smoke_tests).toBe(true);
      expect(parseDuration(p[kind].monitor_duration)).toBeDefined();
      expect(parseDuration(p[kind].step_duration)).toBeDefined();
    }
  });
});

describe('release type', () => {
  test('an explicit bump is the type; auto follows the recommendation', () => {
    expect(releaseKind({ versionBump: 'minor', hotfix: false, recommended: 'none' })).toEqual({
      kind: 'minor',
      bump: 'minor',
    });
    expect(releaseKind({ versionBump: 'auto', hotfix: false, recommended: 'major' })).toEqual({
      kind: 'major',
      bump: 'major',
    });
    expect(releaseKind({ versionBump: 'auto', hotfix: false, recommended: 'none' })).toBeUndefined();
  });
  test('a hotfix is a patch release; a major or minor hotfix is refused', () => {
    expect(releaseKind({ versionBump: 'auto', hotfix: true, recommended: 'minor' })).toEqual({
      kind: 'hotfix',
      bump: 'patch',
    });
    const e = inputErrorOf(() => releaseKind({ versionBump: 'major', hotfix: true, recommended: 'none' }));
    expect(e.input).toBe('version_bump');
    expect(e.message).toContain('patch or auto');
  });
});

describe('policy file', () => {
  test('a valid file overrides only what it names; sources say so', () => {
    const file = parsePolicyFile(
      [
        'version: 1',
        'types:',
        '  major:',
        '    canary_steps: [5, 25, 50, 100]',
        '    monitor_duration: 48h',
        '    environments: { product: product-signoff }',
        '  patch:',
        '    gates: []',
        '    smoke_tests: true',
      ].join('\n'),
    );
    const major = effectivePolicy('major', { file });
    expect(major.canary_steps).toEqual([5, 25, 50, 100]);
    expect(major.monitor_duration).toBe('48h');
    expect(major.strategy).toBe('canary');
    expect(major.environments).toEqual({
      release: 'changelog-review',
      product: 'product-signoff',
      deploy: 'production',
    });
    expect(major.sources.canary_steps).toBe('policy file');
    expect(major.sources.strategy).toBe('default');
    expect(major.sources['environments.product']).toBe('policy file');
    expect(major.sources['environments.deploy']).toBe('default');
    const patch = effectivePolicy('patch', { file });
    expect(patch.gates).toEqual([]);
    expect(patch.smoke_tests).toBe(true);
  });

  test('an empty file; product approval may be dropped, release and deploy environments may not', () => {
    expect(parsePolicyFile('')).toEqual({ types: {} });
    const file = parsePolicyFile('types:\n  major:\n    environments:\n      product: ~\n');
    expect(effectivePolicy('major', { file }).environments.product).toBe('');
    expect(inputErrorOf(() => parsePolicyFile('types:\n  minor:\n    environments: { release: "" }')).input).toBe(
      'types.minor.environments.release',
    );
  });

  /** A policy file setting one `field` (a `key: value` line) of one release `type`. */
  const field = (type: string, line: string) => `types:\n  ${type}:\n    ${line}`;

  test.each([
    ['unknown top-level key', 'typos: {}', 'typos', 'unknown key'],
    ['unknown release type', 'types:\n  mayor: {}', 'types.mayor', 'major, minor, patch, hotfix'],
    ['unknown field', field('major', 'canary: [10]'), 'types.major.canary', 'unknown key'],
    [
      'unknown environment job',
      field('major', 'environments: { qa: x }'),
      'types.major.environments.qa',
      'release, product, deploy',
    ],
    ['bad strategy', field('minor', 'strategy: big-bang'), 'types.minor.strategy', 'blue-green, canary'],
    ['bad gate', field('minor', 'gates: [unit-tests]'), 'types.minor.gates', 'load-testing'],
    ['duplicate gate', field('minor', 'gates: [load-testing, load-testing]'), 'types.minor.gates', 'each once'],
    ['gates not a list', field('minor', 'gates: load-testing'), 'types.minor.gates', 'a list of'],
    ['canary not ending at 100', field('major', 'canary_steps: [10, 50]'), 'types.major.canary_steps', 'ending at 100'],
    ['canary not ascending', field('major', 'canary_steps: [50, 10, 100]'), 'types.major.canary_steps', 'ascending'],
    ['canary fraction', field('major', 'canary_steps: [12.5, 100]'), 'types.major.canary_steps', 'whole'],
    ['bad duration', field('major', 'monitor_duration: a day'), 'types.major.monitor_duration', 'a duration'],
    ['negative duration', field('major', 'step_duration: -5m'), 'types.major.step_duration', 'a duration'],
    ['bad smoke flag', field('patch', 'smoke_tests: yes please'), 'types.patch.smoke_tests', 'true or false'],
    ['bad load profile', field('patch', 'load_profile: extreme'), 'types.patch.load_profile', 'baseline, peak'],
    [
      'environment with a space',
      field('major', 'environments: { deploy: "prod env" }'),
      'types.major.environments.deploy',
      'environment name',
    ],
    [
      'environment with shell metacharacters',
      field('major', 'environments: { deploy: "prod;id" }'),
      'types.major.environments.deploy',
      'environment name',
    ],
    ['bad version', 'version: 2', 'version', 'expected 1'],
    ['type not a mapping', 'types:\n  major: canary', 'types.major', 'a mapping'],
    ['not a mapping', '- major', '(top level)', 'a mapping'],
    ['invalid YAML', 'types: {major: [', 'policy_path', 'not valid YAML'],
    ['duplicate key', 'types:\n  major: {}\n  major: {}', 'policy_path', 'not valid YAML'],
  ])('%s is bad input naming the key', (_name, text, key, accepted) => {
    const e = inputErrorOf(() => parsePolicyFile(text, '.github/release-policy.yml'));
    expect(e.input).toBe(key);
    expect(e.message).toContain('.github/release-policy.yml');
    expect(e.message).toContain(accepted);
    if (key !== 'policy_path') expect(e.message).toContain(`"${key}"`);
  });

  test('a type with no gates and no smoke tests is refused, unless the input asks for smoke tests', () => {
    const file = parsePolicyFile('types:\n  hotfix:\n    smoke_tests: false');
    const p = effectivePolicy('hotfix', { file, overrides: { run_smoke_tests: true } });
    expect(p.smoke_tests).toBe(true);
    expect(p.sources.smoke_tests).toBe('input');
    const e = inputErrorOf(() => effectivePolicy('hotfix', { file, overrides: { run_smoke_tests: false } }));
    expect(e.input).toBe('types.hotfix.smoke_tests');
    expect(e.message).toContain('at least one check');
    expect(inputErrorOf(() => effectivePolicy('hotfix', { file })).message).toContain('at least one check');
  });

  test('loadPolicyFile: missing is no override; a path outside the workspace is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-policy-'));
    try {
      expect(loadPolicyFile(dir)).toEqual({ file: { types: {} }, found: false });
      mkdirSync(join(dir, '.github'));
      writeFileSync(join(dir, '.github', 'release-policy.yml'), 'types:\n  minor:\n    strategy: canary\n');
      const { file, found } = loadPolicyFile(dir);
      expect(found).toBe(true);
      expect(effectivePolicy('minor', { file }).strategy).toBe('canary');
      expect(inputErrorOf(() => loadPolicyFile(dir, '../etc/passwd')).input).toBe('policy_path');
      expect(inputErrorOf(() => loadPolicyFile(dir, '/etc/passwd')).input).toBe('policy_path');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('loadPolicyFile follows links: a policy file or folder linked out of the workspace is refused', () => {
    const base = mkdtempSync(join(tmpdir(), 'ra-policy-link-'));
    const dir = join(base, 'ws');
    const outside = join(base, 'outside');
    try {
      mkdirSync(join(dir, '.github'), { recursive: true });
      mkdirSync(outside);
      writeFileSync(join(outside, 'policy.yml'), 'types:\n  minor:\n    strategy: canary\n');
      symlinkSync(join(outside, 'policy.yml'), join(dir, '.github', 'release-policy.yml'));
      const file = inputErrorOf(() => loadPolicyFile(dir));
      expect(file.input).toBe('policy_path');
      expect(file.message).toContain('.github/release-policy.yml is a symbolic link to');
      expect(file.message).toContain('leaves the workspace');
      symlinkSync(outside, join(dir, 'linked'));
      expect(inputErrorOf(() => loadPolicyFile(dir, 'linked/policy.yml')).message).toContain('leaves the workspace');
      symlinkSync('/proc/self/environ', join(dir, 'environ.yml'));
      expect(inputErrorOf(() => loadPolicyFile(dir, 'environ.yml')).message).toContain('device or kernel file');
      // A link that stays inside is followed.
      writeFileSync(join(dir, 'real.yml'), 'types:\n  minor:\n    strategy: canary\n');
      symlinkSync('../real.yml', join(dir, '.github', 'inside.yml'));
      expect(loadPolicyFile(dir, '.github/inside.yml').found).toBe(true);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('explicit inputs', () => {
  test('deployment_strategy and load_profile override the policy file', () => {
    const file = parsePolicyFile('types:\n  minor:\n    strategy: canary\n');
    const p = effectivePolicy('minor', { file, overrides: { deployment_strategy: 'immediate', load_profile: 'soak' } });
    expect(p.strategy).toBe('immediate');
    expect(p.load_profile).toBe('soak');
    expect(p.sources.strategy).toBe('input');
  });
  test('run_smoke_tests: false is refused where the policy requires smoke tests, allowed elsewhere', () => {
    const e = inputErrorOf(() => effectivePolicy('hotfix', { overrides: { run_smoke_tests: false } }));
    expect(e.input).toBe('run_smoke_tests');
    expect(e.message).toContain('only gate');
    expect(effectivePolicy('patch', { overrides: { run_smoke_tests: false } }).smoke_tests).toBe(false);
    expect(effectivePolicy('patch', { overrides: { run_smoke_tests: true } }).smoke_tests).toBe(true);
  });
});
