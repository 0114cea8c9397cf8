/**
 * The next version: from a bump (major/minor/patch, or one recommended from conventional commits), a release
 * type (stable, or a prerelease channel X.Y.Z-<id>.N with N one above the highest existing tag of that channel),
 * or an explicit version validated against the releases that exist.
 */
import compare from 'semver/functions/compare.js';
import inc from 'semver/functions/inc.js';
import parse from 'semver/functions/parse.js';
import prereleaseOf from 'semver/functions/prerelease.js';
import valid from 'semver/functions/valid.js';
import semverDiff from 'semver/functions/diff.js';
import { StageError } from '../util/errors.js';

export type Bump = 'major' | 'minor' | 'patch';

/** A release tag read from git: its name, the version it carries, the commit it points to. */
export interface VersionTag {
  tag: string;
  version: string;
  commit: string;
}

/** Release tags among `tags` (names like `v1.2.3` for prefix `v`), sorted highest version first. */
export function releaseTags(tags: { name: string; commit: string }[], prefix: string): VersionTag[] {
  const out: VersionTag[] = [];
  for (const t of tags) {
    if (!t.name.startsWith(prefix)) continue;
    const v = t.name.slice(prefix.length);
    if (valid(v) !== v) continue;
    out.push({ tag: t.name, version: v, commit: t.commit });
  }
  return out.sort((a, b) => compare(b.version, a.version));
}

export interface NextVersionInput {
  /** Release tags reachable from the release commit (the line this release continues), any order. */
  merged: VersionTag[];
  /** Every release tag of the repository (other lines, backports), any order. */
  all: VersionTag[];
  bump: Bump;
  releaseType: 'stable' | 'prerelease';
  prereleaseId: string;
  /** Explicit version: overrides the bump. */
  explicit?: string;
  /** The first version when there is no release yet (default 0.1.0 for minor/patch bumps, 1.0.0 for major). */
  initial?: string;
}

export interface NextVersion {
  version: string;
  /** The last release of this line (highest merged tag; stable or prerelease), if any. */
  previous?: string;
  /** The last stable release of this line. */
  previousStable?: string;
  prerelease: boolean;
  /** Not the highest version of the repository: a backport (1.4.3 after 2.0.0). */
  backport: boolean;
  /** Highest stable version in the whole repository before this one. */
  highestStable?: string;
}

const isStable = (v: string) => (prereleaseOf(v) ?? []).length === 0;
const highest = (vs: string[]) => [...vs].sort((a, b) => compare(b, a))[0];

export function nextVersion(i: NextVersionInput): NextVersion {
  const mergedVersions = i.merged.map((t) => t.version);
  const allVersions = i.all.map((t) => t.version);
  const previous = highest(mergedVersions);
  const previousStable = highest(mergedVersions.filter(isStable));
  const highestStable = highest(allVersions.filter(isStable));
  let version: string;
  if (i.explicit) {
    const v = i.explicit.replace(/^v(?=\d)/, '');
    if (valid(v) !== v) throw new StageError(`version "${i.explicit}" is not a semantic version (such as 1.4.0)`);
    if (previous && compare(v, previous) <= 0) {
      throw new StageError(`version ${v} is not above the last release ${previous} of this branch`);
    }
    if (allVersions.includes(v)) throw new StageError(`version ${v} is already released (tag exists)`);
    if (i.releaseType === 'prerelease' && isStable(v)) {
      throw new StageError(`release_type is prerelease but version ${v} has no prerelease part (such as -rc.1)`);
    }
    if (i.releaseType === 'stable' && !isStable(v)) {
      throw new StageError(`release_type is stable but version ${v} is a prerelease; set release_type: prerelease`);
    }
    version = v;
  } else {
    let base: string;
    if (!previousStable) {
      base = i.initial ?? (i.bump === 'major' ? '1.0.0' : '0.1.0');
      // A first release: the initial version itself (bumping from nothing).
    } else {
      base = inc(previousStable, i.bump) as string;
    }
    if (i.releaseType === 'stable') {
      version = base;
    } else {
      const re = new RegExp(`^${escapeRe(base)}-${escapeRe(i.prereleaseId)}\\.(\\d+)$`);
      let n = 0;
      for (const v of allVersions) {
        const m = re.exec(v);
        if (m) n = Math.max(n, Number(m[1]));
      }
      version = `${base}-${i.prereleaseId}.${n + 1}`;
    }
    if (allVersions.includes(version)) {
      throw new StageError(
        `version ${version} is already released on another line; give an explicit version or another bump`,
      );
    }
  }
  const prerelease = !isStable(version);
  const backport = !prerelease && highestStable !== undefined && compare(version, highestStable) < 0;
  return { version, previous, previousStable, prerelease, backport, highestStable };
}

/** 1.4.3 → { major: 1, minor: 4, patch: 3 }. */
export function parts(version: string): { major: number; minor: number; patch: number; pre: (string | number)[] } {
  const p = parse(version);
  if (!p) throw new Error(`not a semantic version: ${version}`);
  return { major: p.major, minor: p.minor, patch: p.patch, pre: [...p.prerelease] };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The moving tags a version may take without moving any of them backwards (docker/metadata-action's semver
 * scheme: `{{version}}`, `{{major}}.{{minor}}`, `{{major}}`, `latest`): X.Y when it is the highest X.Y.*, X when the
 * highest X.*.*, `latest` when the highest of all. Prereleases take only their own tag. `existing` are the other
 * stable versions released (any order).
 */
export function imageTags(version: string, existing: string[]): string[] {
  if (!isStable(version)) return [version];
  const { major, minor } = parts(version);
  const stable = existing.filter((v) => valid(v) === v && isStable(v) && v !== version);
  const beats = (pred: (p: ReturnType<typeof parts>) => boolean) =>
    stable.filter((v) => pred(parts(v))).every((v) => compare(version, v) > 0);
  const tags = [version];
  if (beats((p) => p.major === major && p.minor === minor)) tags.push(`${major}.${minor}`);
  if (beats((p) => p.major === major)) tags.push(`${major}`);
  if (beats(() => true)) tags.push('latest');
  return tags;
}

/** The moving major tag of an action repository (`v1`) when this release is the highest of its major. */
export function majorTag(version: string, existing: string[], prefix: string): string | undefined {
  const t = imageTags(version, existing);
  const { major } = parts(version);
  return t.includes(String(major)) ? `${prefix}${major}` : undefined;
}

/** What kind of release goes from `previous` to `version`: major, minor, patch, hotfix (backport), prerelease. */
export function releaseKind(previous: string | undefined, version: string, backport = false): string {
  if (!isStable(version)) return 'prerelease';
  if (backport) return 'hotfix';
  if (!previous) return version.startsWith('0.') ? 'minor' : 'major';
  const d = semverDiff(previous, version);
  return d === 'major' || d === 'premajor' ? 'major' : d === 'minor' || d === 'preminor' ? 'minor' : 'patch';
}
