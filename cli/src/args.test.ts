import type { ActionDefinition } from '@release-actions/shared/action';
import { action as changelog } from '../../actions/changelog/src/inputs.js';
import { action as release } from '../../actions/release/src/inputs.js';
import { parseFlags, UsageError } from './args.js';

const parse = (argv: string[], def: ActionDefinition = release) => parseFlags(argv, def.inputs, def.id).values;

test('flag spellings: snake_case, dashed, --flag=value', () => {
  expect(parse(['--version_bump', 'minor'])).toEqual({ version_bump: 'minor' });
  expect(parse(['--version-bump', 'minor'])).toEqual({ version_bump: 'minor' });
  expect(parse(['--version-bump=minor', '--tag_prefix=release-'])).toEqual({
    version_bump: 'minor',
    tag_prefix: 'release-',
  });
  expect(parse(['--version_bump='])).toEqual({ version_bump: '' });
});

test('booleans: alone is true, --no-x is false, a following word is the value (judged by the action)', () => {
  expect(parse(['--include_prs'], changelog)).toEqual({ include_prs: 'true' });
  expect(parse(['--include-prs', '--format', 'conventional-commits'], changelog)).toEqual({
    include_prs: 'true',
    format: 'conventional-commits',
  });
  expect(parse(['--no-include_prs'], changelog)).toEqual({ include_prs: 'false' });
  expect(parse(['--no-include-prs'], changelog)).toEqual({ include_prs: 'false' });
  expect(parse(['--include_prs', 'false'], changelog)).toEqual({ include_prs: 'false' });
  expect(parse(['--include_prs', 'yes'], changelog)).toEqual({ include_prs: 'yes' });
  expect(parse(['--include_prs=maybe'], changelog)).toEqual({ include_prs: 'maybe' });
});

test('a list given twice collects its items; other inputs refuse a repeat', () => {
  expect(parse(['--publish_registries', 'npm', '--publish_registries', 'docker'])).toEqual({
    publish_registries: 'npm\ndocker',
  });
  expect(() => parse(['--version_bump', 'minor', '--version_bump', 'major'])).toThrow(
    'release: --version_bump is given more than once',
  );
});

test('values starting with a dash are values', () => {
  expect(parse(['--tag_prefix', '-x'])).toEqual({ tag_prefix: '-x' });
});

test.each([
  [
    ['--bump', 'minor'],
    'release: unknown flag --bump; valid flags: --version_bump, --release_branch, --release_mode, --release_type',
  ],
  [['--constructor', 'x'], 'release: unknown flag --constructor'],
  [['--no-version_bump'], '--no-version_bump applies to true/false inputs only'],
  [['--no-dry_run=true'], '--no-dry_run takes no value'],
  [['--version_bump'], '--version_bump needs a value'],
  [['--version_bump', '--dry_run'], '--version_bump needs a value'],
  [['minor'], 'unexpected argument "minor"'],
  [['--'], 'unexpected argument "--"'],
])('%p is a usage error', (argv, message) => {
  expect(() => parse(argv)).toThrow(UsageError);
  expect(() => parse(argv)).toThrow(message);
});

test('--help and -h', () => {
  expect(parseFlags(['--version_bump', 'minor', '--help'], release.inputs, 'release')).toEqual({
    values: { version_bump: 'minor' },
    help: true,
  });
  expect(parseFlags(['-h'], release.inputs, 'release').help).toBe(true);
});
