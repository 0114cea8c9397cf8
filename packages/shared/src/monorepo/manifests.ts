/**
 * The file changes of an independent release, planned before they are written: each released package's
 * version in its package.json, the ranges by which workspace packages depend on a released one (`^1.2.0` →
 * `^1.3.0`, `workspace:^1.2.0` → `workspace:^1.3.0`; `workspace:*` and `*` left to the package manager), and the
 * same in package-lock.json, a yarn 2+ yarn.lock (yarn-lock.ts) and pnpm-lock.yaml (pnpm-lock.ts). Formatting is
 * kept (versioning/manifests.ts's reader and writer).
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { bumpRange, type FileChange, readJson, writeJsonText } from '../versioning/manifests.js';
import { DEP_FIELDS } from './graph.js';
import type { WorkspacePackage } from './workspaces.js';
import { pnpmLockChange } from './pnpm-lock.js';
import { yarnLockChange } from './yarn-lock.js';

type Json = Record<string, unknown>;

function bumpEntry(
  doc: Json,
  version: string | undefined,
  released: Map<string, string>,
  edits: string[],
  where = '',
  ranges?: (name: string, before: string, after: string) => void,
) {
  if (version !== undefined && doc.version !== version) {
    edits.push(`${where}version ${String(doc.version ?? '(none)')} → ${version}`);
    doc.version = version;
  }
  for (const field of DEP_FIELDS) {
    const deps = doc[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      const to = released.get(name);
      if (to === undefined || typeof spec !== 'string') continue;
      const next = bumpRange(spec, to);
      if (next && next !== spec) {
        (deps as Record<string, string>)[name] = next;
        edits.push(`${where}${field}.${name} ${spec} → ${next}`);
        ranges?.(name, spec, next);
      }
    }
  }
}

/** One range edit of a dependent's manifest, which the lock files (yarn-lock.ts, pnpm-lock.ts) repeat. */
export interface RangeEdit {
  /** The dependent and its directory (`packages/web`). */
  from: { name: string; dir: string };
  /** The workspace package depended on, its directory, and the range before and after. */
  to: { name: string; dir: string };
  before: string;
  after: string;
}

/** Every change releasing `released` (name → new version) makes; nothing is written. */
export function planPackageBumps(
  root: string,
  packages: WorkspacePackage[],
  released: Map<string, string>,
): FileChange[] {
  const changes: FileChange[] = [];
  const dirOf = new Map(packages.map((p) => [p.name, p.dir]));
  const ranges: RangeEdit[] = [];
  for (const p of packages) {
    const path = posix.join(p.dir, 'package.json');
    const { doc, indent, newline, text } = readJson(join(root, path));
    const edits: string[] = [];
    bumpEntry(doc, released.get(p.name), released, edits, '', (name, before, after) =>
      ranges.push({ from: { name: p.name, dir: p.dir }, to: { name, dir: dirOf.get(name) ?? '' }, before, after }),
    );
    if (edits.length) changes.push({ path, before: text, after: writeJsonText(doc, indent, newline), edits });
  }
  for (const lockName of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const file = join(root, lockName);
    if (!existsSync(file)) continue;
    const { doc, indent, newline, text } = readJson(file);
    const entries = doc.packages as Record<string, Json> | undefined;
    if (!entries || typeof entries !== 'object') continue;
    const edits: string[] = [];
    for (const p of packages) {
      const entry = entries[p.dir];
      if (entry) bumpEntry(entry, released.get(p.name), released, edits, `packages["${p.dir}"].`);
    }
    if (edits.length) changes.push({ path: lockName, before: text, after: writeJsonText(doc, indent, newline), edits });
  }
  for (const lock of [yarnLockChange(root, ranges), pnpmLockChange(root, ranges)]) if (lock) changes.push(lock);
  return changes;
}

/**
 * A manifest as published: pnpm's and yarn's `workspace:` ranges replaced as `pnpm publish` does (`workspace:*`
 * → the exact version, `workspace:^` → `^version`, `workspace:~` → `~version`, `workspace:^1.2.0` → `^1.2.0`), so
 * that a package packed by npm installs outside the workspace. `versions` are the workspace packages' own.
 * Returns the manifest's new text, or undefined when it has no `workspace:` range.
 */
export function publishedManifest(text: string, versions: Map<string, string>): string | undefined {
  if (!text.includes('"workspace:')) return undefined;
  const doc = JSON.parse(text) as Json;
  const m = /^[{[]\r?\n([ \t]+)/.exec(text);
  for (const field of DEP_FIELDS) {
    const deps = doc[field] as Record<string, unknown> | undefined;
    if (!deps || typeof deps !== 'object') continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec !== 'string' || !spec.startsWith('workspace:')) continue;
      const rest = spec.slice('workspace:'.length);
      const v = versions.get(name);
      if (v === undefined) continue;
      deps[name] = rest === '*' ? v : rest === '^' || rest === '~' ? `${rest}${v}` : rest;
    }
  }
  return writeJsonText(doc, m?.[1] ?? 2, text.endsWith('\n'));
}
