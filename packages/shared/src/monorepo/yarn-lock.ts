/**
 * yarn.lock after an independent release's range edits. Yarn 2+ ("berry", a lock file with `__metadata:`) records
 * each workspace package's ranges: the dependency's entry key lists every descriptor that resolves to it
 * (`"@a/core@npm:^1.0.0, @a/core@workspace:packages/core":`) and each dependent's entry its ranges
 * (`"@a/core": "npm:^1.0.0"`). Left as they were, `yarn install --immutable` (CI's install) fails on the release
 * commit; here they are rewritten as `yarn install` rewrites them. Yarn 1's lock file lists no workspace package:
 * nothing to change there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../versioning/manifests.js';
import type { RangeEdit } from './manifests.js';

/** A manifest range as yarn writes it in the lock file (the npm protocol spelled out). */
const descriptor = (range: string) => (/^[a-z]+:/.test(range) ? range : `npm:${range}`);

/** The lock file's entries: a key line, then its indented block. */
function entries(lines: string[]): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  lines.forEach((l, i) => {
    if (/^\S.*:$/.test(l) && !l.startsWith('#')) {
      if (out.length) out[out.length - 1]!.end = i;
      out.push({ key: l, start: i, end: lines.length });
    }
  });
  return out;
}

const keyDescriptors = (key: string) => key.slice(0, -1).replace(/^"|"$/g, '').split(', ');

export function yarnLockChange(root: string, edits: RangeEdit[]): FileChange | undefined {
  const file = join(root, 'yarn.lock');
  if (!edits.length || !existsSync(file)) return undefined;
  const before = readFileSync(file, 'utf8');
  if (!/^__metadata:/m.test(before)) return undefined;
  const lines = before.split('\n');
  const done: string[] = [];
  for (const e of entries(lines)) {
    const ds = keyDescriptors(e.key);
    // The dependency's entry: its descriptors follow the ranges (deduplicated and sorted, as yarn writes them).
    const target = edits.filter((x) => ds.includes(`${x.to.name}@workspace:${x.to.dir}`));
    if (target.length) {
      const next = ds.map((d) => {
        const x = target.find((t) => d === `${t.to.name}@${descriptor(t.before)}`);
        return x ? `${x.to.name}@${descriptor(x.after)}` : d;
      });
      const quote = e.key.startsWith('"') ? '"' : '';
      const key = `${quote}${[...new Set(next)].sort().join(', ')}${quote}:`;
      if (key !== e.key) {
        lines[e.start] = key;
        done.push(`key of ${target[0]!.to.name}: ${e.key.slice(0, -1)} → ${key.slice(0, -1)}`);
      }
    }
    // A dependent's entry: its ranges.
    for (const x of edits.filter((y) => ds.includes(`${y.from.name}@workspace:${y.from.dir}`))) {
      for (let i = e.start + 1; i < e.end; i++) {
        const m = /^(\s+)("?)([^":]+)\2: ("?)(.*)\4$/.exec(lines[i] as string);
        if (!m || m[3] !== x.to.name || m[5] !== descriptor(x.before)) continue;
        lines[i] = `${m[1]}${m[2]}${m[3]}${m[2]}: ${m[4]}${descriptor(x.after)}${m[4]}`;
        done.push(`${x.from.name}: ${x.to.name} ${descriptor(x.before)} → ${descriptor(x.after)}`);
      }
    }
  }
  if (!done.length) return undefined;
  return { path: 'yarn.lock', before, after: lines.join('\n'), edits: done };
}
