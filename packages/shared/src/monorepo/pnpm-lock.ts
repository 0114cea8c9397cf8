/**
 * pnpm-lock.yaml after an independent release's range edits. pnpm records each workspace importer's manifest
 * ranges (`specifier: workspace:^1.0.0` under `importers: packages/util: dependencies: '@a/core':`, or the
 * `specifiers:` map of lock files before 6.0); left as they were, `pnpm install --frozen-lockfile` (CI's install)
 * fails on the release commit ("specifiers in the lockfile … don't match specs in package.json"). Only those
 * strings change, as `pnpm install` changes them: a workspace dependency's `version: link:…` does not move.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../versioning/manifests.js';
import type { RangeEdit } from './manifests.js';

const indentOf = (l: string) => l.length - l.trimStart().length;
/** A YAML key as pnpm writes it: bare, or in single quotes (`'@a/core':`). */
const keyOf = (l: string) => /^\s*('?)([^':]+)\1:(?:\s|$)/.exec(l)?.[2];
/** A scalar as pnpm writes it: bare or single-quoted. */
const scalar = (v: string) => v.trim().replace(/^'(.*)'$/, '$1');

export function pnpmLockChange(root: string, edits: RangeEdit[]): FileChange | undefined {
  const file = join(root, 'pnpm-lock.yaml');
  if (!edits.length || !existsSync(file)) return undefined;
  const before = readFileSync(file, 'utf8');
  const lines = before.split('\n');
  const done: string[] = [];
  let section = ''; // the top-level key the line is under
  let importer = ''; // importers: <dir>:
  let group = ''; // dependencies:, devDependencies:, …, or specifiers: (lock files before 6.0)
  let dep = ''; // the dependency whose `specifier:` may follow
  const replace = (i: number, prefix: string, value: string) => {
    const x = edits.find((e) => e.from.dir === importer && e.to.name === dep && e.before === scalar(value));
    if (!x) return;
    const quoted = value.trim().startsWith("'");
    lines[i] = `${prefix}${quoted ? `'${x.after}'` : x.after}`;
    done.push(`importers["${importer}"].${group}["${dep}"]: ${x.before} → ${x.after}`);
  };
  lines.forEach((l, i) => {
    if (!l.trim() || l.trimStart().startsWith('#')) return;
    const depth = indentOf(l);
    const key = keyOf(l);
    if (depth === 0) [section, importer, group, dep] = [key ?? '', '', '', ''];
    if (section !== 'importers' || depth === 0) return;
    if (depth === 2) [importer, group, dep] = [key ?? '', '', ''];
    else if (depth === 4) [group, dep] = [key ?? '', ''];
    else if (depth === 6 && group === 'specifiers' && key) {
      dep = key;
      const m = /^(\s*'?[^':]+'?:\s)(.*)$/.exec(l);
      if (m) replace(i, m[1] as string, m[2] as string);
    } else if (depth === 6) dep = key ?? '';
    else if (depth === 8 && key === 'specifier') {
      const m = /^(\s*specifier:\s)(.*)$/.exec(l);
      if (m) replace(i, m[1] as string, m[2] as string);
    }
  });
  if (!done.length) return undefined;
  return { path: 'pnpm-lock.yaml', before, after: lines.join('\n'), edits: done };
}
