import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluate,
  hashFiles,
  interpolate,
  isUnknown,
  parseKeyValueFile,
  referencesIn,
  Unknown,
} from '@release-actions/workflow';
import { scratch } from './helpers.js';

const contexts = {
  inputs: { bump: 'minor', dry: false, shards: 3 },
  needs: { plan: { result: 'success', outputs: { releasable: 'true', list: '[1,2]' } } },
  github: { repository: 'acme/widget' },
  env: { A: 'x' },
  vars: {},
  secrets: {},
};

const value = (text: string, extra: object = {}) => {
  const d = evaluate(text, { contexts, ...extra });
  return isUnknown(d) ? d : JSON.parse(JSON.stringify(interpolate(`\${{ ${text} }}`, { contexts, ...extra })));
};

describe('expressions (GitHub evaluator)', () => {
  test('contexts, operators and the functions', () => {
    expect(value("inputs.bump == 'MINOR'")).toBe(true); // comparisons ignore case, as on GitHub
    expect(value('inputs.shards > 2 && !inputs.dry')).toBe(true);
    expect(value('fromJSON(needs.plan.outputs.list)')).toEqual([1, 2]);
    expect(value('toJSON(fromJSON(\'{"a":1}\'))')).toBe('{\n  "a": 1\n}');
    expect(value('contains(fromJSON(\'["a","b"]\'), \'b\')')).toBe(true);
    expect(value("startsWith(github.repository, 'acme/') && endsWith(github.repository, 'widget')")).toBe(true);
    expect(value("format('{0}-{1}', inputs.bump, env.A)")).toBe('minor-x');
    expect(value("join(fromJSON('[1,2,3]'), '+')")).toBe('1+2+3');
    expect(value('needs.missing.outputs.x')).toBeNull();
  });

  test('status functions read the status given', () => {
    expect(value('success()', { status: 'success' })).toBe(true);
    expect(value('failure()', { status: 'failure' })).toBe(true);
    expect(value('success() || failure()', { status: 'skipped' })).toBe(false);
    expect(value('always()', { status: 'failure' })).toBe(true);
    expect(value('cancelled()', { status: 'success', cancelled: true })).toBe(true);
  });

  test('text with expressions is a string; one expression keeps its type', () => {
    expect(interpolate('v${{ inputs.shards }} of ${{ github.repository }}', { contexts })).toBe('v3 of acme/widget');
    expect(interpolate({ m: '${{ fromJSON(needs.plan.outputs.list) }}' }, { contexts })).toEqual({ m: [1, 2] });
    expect(interpolate('${{ inputs.dry }}', { contexts })).toBe(false);
  });

  test('an unknown value decides only where it matters (three-valued dry run)', () => {
    const c = {
      ...contexts,
      needs: { plan: { result: 'success', outputs: { releasable: new Unknown(['needs.plan.outputs.releasable']) } } },
    };
    const u = evaluate("needs.plan.outputs.releasable == 'true' && inputs.bump == 'minor'", { contexts: c });
    expect(isUnknown(u) && u.refs).toEqual(['needs.plan.outputs.releasable']);
    expect(evaluate("needs.plan.outputs.releasable == 'true' && inputs.dry", { contexts: c }).coerceString()).toBe(
      'false',
    );
    expect(
      evaluate("needs.plan.outputs.releasable == 'true' || inputs.bump == 'minor'", { contexts: c }).coerceString(),
    ).toBe('true');
    expect(isUnknown(evaluate('success()', { contexts: c, status: new Unknown(['needs.plan.result']) }))).toBe(true);
  });

  test('syntax errors and unknown functions are refused by name', () => {
    expect(() => evaluate('foo(1)', { contexts })).toThrow(/foo/);
    expect(() => evaluate("inputs.bump == 'x", { contexts })).toThrow(/inputs.bump/);
  });

  test('referencesIn lists the context paths an expression reads', () => {
    expect(
      referencesIn("needs.plan.outputs.sha != '' && steps.x.outputs['y'] && contains(inputs.a, matrix.b)").sort(),
    ).toEqual(['inputs.a', 'matrix.b', 'needs.plan.outputs.sha', 'steps.x.outputs.y'].sort());
  });

  test('hashFiles: SHA-256 over the files matched in the workspace, empty when none', () => {
    const s = scratch();
    try {
      mkdirSync(join(s.dir, 'a'));
      writeFileSync(join(s.dir, 'a', 'package-lock.json'), '{}');
      writeFileSync(join(s.dir, 'x.txt'), 'x');
      const h = hashFiles(s.dir, ['**/package-lock.json']);
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(hashFiles(s.dir, ['**/*', '!x.txt'])).toBe(h);
      expect(hashFiles(s.dir, ['nothing/**'])).toBe('');
      expect(evaluate("hashFiles('**/package-lock.json')", { contexts, workspace: s.dir }).coerceString()).toBe(h);
    } finally {
      s.cleanup();
    }
  });
});

describe('file commands', () => {
  test('name=value and the heredoc form', () => {
    expect(parseKeyValueFile('a=1\nb=x=y\nnotes<<EOF\nline 1\n\nline=3\nEOF\nc=\n', 'GITHUB_OUTPUT')).toEqual({
      a: '1',
      b: 'x=y',
      notes: 'line 1\n\nline=3',
      c: '',
    });
  });
  test('an unclosed heredoc or a bare line is an error naming the file', () => {
    expect(() => parseKeyValueFile('x<<EOF\nnever closed\n', 'GITHUB_OUTPUT')).toThrow(
      /GITHUB_OUTPUT: x<<EOF is not closed/,
    );
    expect(() => parseKeyValueFile('just words\n', 'GITHUB_ENV')).toThrow(/GITHUB_ENV: line 1/);
  });
});
