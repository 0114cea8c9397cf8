/**
 * Which section each commit type goes to, per format. `hidden` drops a type; the key `other` stands for commits
 * that are not conventional (and conventional types with no mapping). User mappings (`types` input) are merged
 * over the format's defaults.
 */
import type { ParsedCommit } from '../commits/index.js';

export type Format = 'keep-a-changelog' | 'conventional-commits';
export const HIDDEN = 'hidden';
export const OTHER = 'other';

/** keep-a-changelog 1.1.0 sections, in the order the format lists them; user sections come after, then Other. */
export const KEEP_A_CHANGELOG_SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

export const DEFAULT_TYPES: Record<Format, Record<string, string>> = {
  'keep-a-changelog': {
    feat: 'Added',
    perf: 'Changed',
    refactor: 'Changed',
    deprecate: 'Deprecated',
    deprecated: 'Deprecated',
    remove: 'Removed',
    removed: 'Removed',
    revert: 'Removed',
    fix: 'Fixed',
    security: 'Security',
    sec: 'Security',
    docs: HIDDEN,
    style: HIDDEN,
    test: HIDDEN,
    chore: HIDDEN,
    build: HIDDEN,
    ci: HIDDEN,
    [OTHER]: 'Other',
  },
  'conventional-commits': {
    feat: 'Features',
    fix: 'Bug Fixes',
    perf: 'Performance Improvements',
    revert: 'Reverts',
    security: 'Security',
    deprecate: 'Deprecations',
    docs: HIDDEN,
    style: HIDDEN,
    refactor: HIDDEN,
    test: HIDDEN,
    chore: HIDDEN,
    build: HIDDEN,
    ci: HIDDEN,
    [OTHER]: HIDDEN,
  },
};

export interface TypeMap {
  /** Section title of a commit, or undefined when hidden. Breaking commits are never hidden. */
  sectionOf(c: Pick<ParsedCommit, 'type' | 'conventional' | 'breaking'>): string | undefined;
  /** Section titles in display order. */
  order: string[];
}

export function typeMap(format: Format, user: Record<string, unknown> = {}): TypeMap {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(DEFAULT_TYPES[format])) map.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(user)) map.set(k.toLowerCase(), String(v).trim());
  const base = format === 'keep-a-changelog' ? KEEP_A_CHANGELOG_SECTIONS : [];
  const order = [...base];
  for (const v of map.values()) if (v.toLowerCase() !== HIDDEN && !order.includes(v)) order.push(v);
  const other = map.get(OTHER);
  // The "other" section always last.
  if (other && other.toLowerCase() !== HIDDEN) {
    order.splice(order.indexOf(other), 1);
    order.push(other);
  }
  const visible = (s: string | undefined) => (s && s.toLowerCase() !== HIDDEN ? s : undefined);
  const fallback = format === 'keep-a-changelog' ? 'Changed' : 'Features';
  return {
    order,
    sectionOf(c) {
      const s = c.conventional && c.type ? (map.get(c.type) ?? map.get(OTHER)) : map.get(OTHER);
      const shown = visible(s);
      if (shown) return shown;
      // A breaking change is always shown, even when its type is hidden.
      if (c.breaking) return visible(c.type ? map.get(c.type) : undefined) ?? visible(map.get(OTHER)) ?? fallback;
      return undefined;
    },
  };
}
