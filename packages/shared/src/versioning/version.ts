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

/**
 * The version a tag names when it is `<prefix><semver>`, strictly (no `=`, no leading zeros). Build metadata is
 * allowed and dropped (semver.org: it has no precedence): `v1.0.0-rc.1+build.5` is 1.0.0-rc.1.
 */
export function tagVersion(tag: string, prefix: string): string | undefined {
  if (!tag.startsWith(prefix)) return undefined;
  const v = tag.slice(prefix.length);
  const p = parse(v);
  if (!p) return undefined;
  return v === p.version || v === `${p.version}+${p.build.join('.')}` ? p.version : undefined;
}

/** Release tags among `tags` (names like `v1.2.3` for prefix `v`), sorted highest version first. */
export function releaseTags(tags: { name: string; commit: string }[], prefix: string): VersionTag[] {
  const out: VersionTag[] = [];
  for (const t of tags) {
    const v = tagVersion(t.name, prefix);
    if (!v) continue;
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
  /** The root manifest's version (package.json); a placeholder such as 0.0.0-development counts as none. */
  manifestVersion?: string;
  /** The `initial_version` input: the first release's version, over the manifest's. */
  initialVersion?: string;
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
  /** A first release: where its version came from (docs/versioning.md's table). */
  initialFrom?: 'initial_version' | 'manifest' | 'prerelease tag' | 'default';
}

const isStable = (v: string) => (prereleaseOf(v) ?? []).length === 0;
const highest = (vs: string[]) => [...vs].sort((a, b) => compare(b, a))[0];
const core = (v: string) => {
  const p = parse(v) as NonNullable<ReturnType<typeof parse>>;
  return `${p.major}.${p.minor}.${p.patch}`;
};

/** The first release's version when nothing says otherwise (semantic-release's and release-please's). */
export const DEFAULT_INITIAL_VERSION = '1.0.0';

/**
 * Versions that tools write into a manifest to say "no version yet": semantic-release's
 * `0.0.0-development` and `0.0.0-semantically-released`, and a bare `0.0.0`. They count as no version.
 */
export function realManifestVersion(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const p = parse(v.trim());
  if (!p || (p.major === 0 && p.minor === 0 && p.patch === 0)) return undefined;
  return p.version;
}

/**
 * THE next version, for the plan, the changelog and the release alike (docs/versioning.md): the bump applied to
 * the last stable release of this line, or for a first release `initial_version`, else the manifest's real
 * version, else the core of a prerelease already tagged on this line, else 1.0.0, released as it is; then the
 * prerelease channel when asked. A stable release type never yields a prerelease. Refused before any side
 * effect: an explicit version that is not above the line's last release or already tagged, a version already
 * tagged on another line, a version below the manifest's (unless `initial_version` chose it). The registries'
 * latest is checked per package after this (publish/latest.ts), by the plan and the release alike.
 */
export function nextVersion(i: NextVersionInput): NextVersion {
  const mergedVersions = i.merged.map((t) => t.version);
  const allVersions = i.all.map((t) => t.version);
  const previous = highest(mergedVersions);
  const previousStable = highest(mergedVersions.filter(isStable));
  const highestStable = highest(allVersions.filter(isStable));
  const manifest = realManifestVersion(i.manifestVersion);
  let initialFrom: NextVersion['initialFrom'];
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
    // The plan's first release handed on as an explicit version (the reusable workflow): still initial_version's.
    const initial = i.initialVersion?.replace(/^v(?=\d)/, '');
    if (!previousStable && initial && parse(initial) && core(initial) === core(v)) initialFrom = 'initial_version';
  } else {
    let base: string;
    if (!previousStable) {
      // A first release is released as it is: no bump on top of the version the project already states.
      const initial = i.initialVersion?.replace(/^v(?=\d)/, '');
      if (initial) {
        if (!parse(initial)) throw new StageError(`initial_version "${i.initialVersion}" is not a semantic version`);
        [base, initialFrom] = [core(initial), 'initial_version'];
      } else if (manifest) [base, initialFrom] = [core(manifest), 'manifest'];
      else if (previous) [base, initialFrom] = [core(previous), 'prerelease tag'];
      else [base, initialFrom] = [DEFAULT_INITIAL_VERSION, 'default'];
      // 1.0.0-rc.2 tagged: its release is 1.0.0 (the core), unless 1.0.0 itself is taken.
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
  // A prerelease of the manifest's own version (1.0.0-rc.1 for 1.0.0) is not lower: it leads to it.
  const below = (floor: string) => compare(prerelease ? core(version) : version, floor) < 0;
  if (manifest && initialFrom !== 'initial_version' && below(manifest)) {
    throw new StageError(
      `the next version ${version} is lower than package.json's version ${manifest}: set package.json's version ` +
        `to the last release, or give the version to release explicitly (nothing was changed)`,
    );
  }
  return {
    version,
    previous,
    previousStable,
    prerelease,
    backport,
    highestStable,
    ...(initialFrom ? { initialFrom } : {}),
  };
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
