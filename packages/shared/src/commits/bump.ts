/** Semantic-version bump recommended by a set of conventional commits, and the version it leads to. */
import semverCoerce from 'semver/functions/coerce.js';
import semverInc from 'semver/functions/inc.js';
import semverParse from 'semver/functions/parse.js';
import type { ParsedCommit } from './parse.js';

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

/**
 * Semver's rule: a breaking change → major, feat → minor, fix/perf/revert → patch, anything else → none (nothing
 * to release). Below 1.0.0 (`currentVersion` 0.y.z) a breaking change bumps minor. Merge commits do not count.
 */
export function recommendBump(
  commits: Iterable<Pick<ParsedCommit, 'type' | 'breaking' | 'merge'>>,
  currentVersion?: string,
): Bump {
  let bump: Bump = 'none';
  for (const c of commits) {
    if (c.merge) continue;
    if (c.breaking) {
      bump = 'major';
      break;
    }
    if (c.type === 'feat') bump = maxBump(bump, 'minor');
    else if (c.type && PATCH_TYPES.has(c.type)) bump = maxBump(bump, 'patch');
  }
  const cur = currentVersion ? semverCoerce(currentVersion, { includePrerelease: true }) : null;
  if (bump === 'major' && cur && cur.major === 0) return 'minor';
  return bump;
}

/**
 * The version after `previous` (a version or tag such as v1.2.3; undefined when there is no release yet) for a
 * bump. No previous release: the bump applied to 0.0.0 (so the first feature release is 0.1.0). A bump of
 * `none` still names a new section: the next patch.
 */
export function nextVersion(previous: string | undefined, bump: Bump): string {
  const base = (previous && semverParse(previous.replace(/^[^\d]*/, ''))?.version) || '0.0.0';
  const b = bump === 'none' ? 'patch' : bump;
  // semver.inc from a prerelease (1.0.0-rc.1) gives the release of that version when the bump allows it.
  return semverInc(base, b) as string;
}
