/**
 * Semantic-version bump recommended by a set of conventional commits. The version it leads to is the version
 * model's (versioning/nextVersion), the one function the plan, the changelog and the release share.
 */
import semverCoerce from 'semver/functions/coerce.js';
import type { ParsedCommit } from './parse.js';
import { cancelledByReverts, revertedType } from './revert.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * Types that bump the patch version (besides a breaking change → major and feat → minor): semantic-release's
 * default rules. Every other type (chore, docs, ci, test, refactor, style, build, …) releases nothing.
 */
export const PATCH_TYPES: ReadonlySet<string> = new Set(['fix', 'perf', 'revert']);

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** What a commit alone calls for: the bump rule, one commit at a time. */
export function commitBump(
  c: Pick<ParsedCommit, 'type' | 'breaking' | 'merge'> & Partial<Pick<ParsedCommit, 'revert'>>,
): Bump {
  if (c.merge) return 'none';
  if (c.breaking) return 'major';
  if (c.type === 'feat') return 'minor';
  if (c.type === 'revert' && c.revert) {
    // git's `Revert "chore: x"` undoes something that was never released: nothing to release either.
    const t = revertedType(c);
    return !t || t.breaking || t.type === 'feat' || PATCH_TYPES.has(t.type) ? 'patch' : 'none';
  }
  return c.type && PATCH_TYPES.has(c.type) ? 'patch' : 'none';
}

type BumpCommit = Pick<ParsedCommit, 'type' | 'breaking' | 'merge'> &
  Partial<Pick<ParsedCommit, 'hash' | 'header' | 'revert'>>;

/**
 * Semver's rule: a breaking change → major, feat → minor, fix/perf/revert → patch, anything else → none (nothing
 * to release). Below 1.0.0 (`currentVersion` 0.y.z) a breaking change bumps minor. Merge commits do not count,
 * nor do commits cancelled by a revert in the same range (revert chains followed: commits/revert.ts).
 */
export function recommendBump(commits: Iterable<BumpCommit>, currentVersion?: string): Bump {
  const list = [...commits];
  const cancelled = list.every((c) => c.hash !== undefined)
    ? cancelledByReverts(list as Pick<ParsedCommit, 'hash' | 'header' | 'merge' | 'revert'>[])
    : new Set<string>();
  let bump: Bump = 'none';
  for (const c of list) {
    if (c.hash !== undefined && cancelled.has(c.hash)) continue;
    bump = maxBump(bump, commitBump(c));
    if (bump === 'major') break;
  }
  const cur = currentVersion ? semverCoerce(currentVersion, { includePrerelease: true }) : null;
  if (bump === 'major' && cur && cur.major === 0) return 'minor';
  return bump;
}
