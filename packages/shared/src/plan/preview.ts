/**
 * A side-effect-free preview of the next release for the plan job: the last release tag reachable from HEAD,
 * the conventional commits since, the recommended bump and the next version, and a short changelog preview.
 * It only reads local git (no fetch, no push, no API call). The changelog stage writes the real notes; this is
 * what approvers see before anything happens.
 */
import semverCompare from 'semver/functions/compare.js';
import semverParse from 'semver/functions/parse.js';
import {
  cancelledByReverts,
  commitBump,
  commitsSince,
  type ParsedCommit,
  parseCommit as parseConventional,
  recommendBump as recommendFromCommits,
} from '../commits/index.js';
import type { Git } from '../git/git.js';
import type { Bump } from '../policy/resolve.js';
import { releaseTags, tagVersion, type VersionTag } from '../versioning/version.js';

export { tagVersion };

export interface PreviewCommit {
  sha: string;
  type: string;
  scope: string;
  subject: string;
  breaking: boolean;
  /** What this commit alone calls for (a revert of a `chore:` calls for nothing). */
  bump: Bump | 'none';
  /** Cancelled by a revert in the same range (revert chains followed, as the changelog does). */
  cancelled: boolean;
}

export interface ReleasePreview {
  /** The newest stable release tag reachable from HEAD, or undefined (no release yet). */
  previousTag?: string;
  previousVersion?: string;
  commits: PreviewCommit[];
  recommended: Bump | 'none';
  /** Release tags reachable from HEAD and all release tags: the version model's input (versioning/). */
  merged: VersionTag[];
  all: VersionTag[];
}

/** The plan's view of a commit parsed by the one Conventional Commits parser; non-conventional: type `other`. */
export function toPreviewCommit(c: ParsedCommit, cancelled = false): PreviewCommit {
  return {
    sha: c.hash,
    type: c.type ?? 'other',
    scope: c.scope ?? '',
    subject: c.subject,
    breaking: c.breaking,
    bump: commitBump(c),
    cancelled,
  };
}

/** Parse a commit from its subject and body (the Conventional Commits 1.0 parser of `commits/`). */
export function parseCommit(sha: string, subject: string, body: string): PreviewCommit {
  const message = body ? `${subject}\n\n${body}` : subject;
  return toPreviewCommit(
    parseConventional({ hash: sha, parents: [], authorName: '', authorEmail: '', date: '', message }),
  );
}

/** breaking → major (minor below 1.0.0), feat → minor, fix/perf/revert → patch, else none: `commits/`' rule. */
export function recommendBump(commits: PreviewCommit[], previousVersion?: string): Bump | 'none' {
  return recommendFromCommits(
    commits.map((c) => ({ type: c.type, breaking: c.breaking, merge: c.cancelled || c.bump === 'none' })),
    previousVersion,
  );
}

export async function previewRelease(git: Git, o: { tagPrefix: string }): Promise<ReleasePreview> {
  const [merged, tags] = await Promise.all([git.mergedTags('HEAD', `${o.tagPrefix}*`), git.tags(`${o.tagPrefix}*`)]);
  const all = releaseTags(tags, o.tagPrefix);
  let previousTag: string | undefined;
  let previousVersion: string | undefined;
  for (const tag of merged) {
    const v = tagVersion(tag, o.tagPrefix);
    if (!v || semverParse(v)?.prerelease.length) continue;
    if (!previousVersion || semverCompare(v, previousVersion) > 0) {
      previousTag = tag;
      previousVersion = v;
    }
  }
  const parsed = await commitsSince(git, previousTag ? `refs/tags/${previousTag}` : undefined);
  // The changelog's and the release's rule, on the same parsed commits: they cannot disagree.
  const cancelled = cancelledByReverts(parsed);
  const commits = parsed.map((c) => toPreviewCommit(c, cancelled.has(c.hash)));
  return {
    previousTag,
    previousVersion,
    commits,
    recommended: recommendFromCommits(parsed, previousVersion),
    merged: all.filter((t) => merged.has(t.tag)),
    all,
  };
}

const SECTIONS: [string, (c: PreviewCommit) => boolean][] = [
  ['⚠ Breaking changes', (c) => c.breaking],
  ['Features', (c) => !c.breaking && c.type === 'feat'],
  ['Fixes', (c) => !c.breaking && c.type === 'fix'],
  ['Performance', (c) => !c.breaking && c.type === 'perf'],
  // A revert of a `chore:` releases nothing and is not listed (the changelog hides it too).
  ['Reverts', (c) => !c.breaking && c.type === 'revert' && c.bump !== 'none'],
];

/** A markdown preview of the notes: the releasable sections, and a count of the other commits. */
export function changelogPreview(commits: PreviewCommit[], o: { version?: string; limit?: number } = {}): string {
  const limit = o.limit ?? 30;
  const lines: string[] = [];
  if (o.version) lines.push(`### ${o.version} (preview)`, '');
  let shown = 0;
  for (const [title, match] of SECTIONS) {
    const list = commits.filter((c) => !c.cancelled && match(c));
    if (!list.length) continue;
    lines.push(`#### ${title}`, '');
    for (const c of list.slice(0, limit)) {
      const scope = c.scope ? `**${c.scope}:** ` : '';
      lines.push(`- ${scope}${c.subject.replace(/[<>]/g, '')} (${c.sha.slice(0, 7)})`);
    }
    if (list.length > limit) lines.push(`- … and ${list.length - limit} more`);
    lines.push('');
    shown += list.length;
  }
  const cancelled = commits.filter((c) => c.cancelled).length;
  const other = commits.length - shown - cancelled;
  if (cancelled > 0)
    lines.push(
      `_${cancelled} commit${cancelled === 1 ? '' : 's'} cancelled by a revert in the same range not listed._`,
    );
  if (other > 0) lines.push(`_${other} other commit${other === 1 ? '' : 's'} (chore, docs, ci, …) not listed._`);
  if (commits.length === 0) lines.push('_No commits since the last release._');
  return lines.join('\n').trim();
}
