/**
 * The history a changelog covers, read from local git: the previous release tag (by ancestry and semver order),
 * then one streaming `git log` over `previous..HEAD`. A shallow clone is deepened until the range is complete,
 * or the stage fails saying `fetch-depth: 0` is needed: never a silently truncated changelog.
 */
import semverPrerelease from 'semver/functions/prerelease.js';
import semverRcompare from 'semver/functions/rcompare.js';
import { type ParsedCommit, streamLog } from '../commits/index.js';
import { GitError, type Git, type TagInfo } from '../git/index.js';
import type { Logger } from '../util/logger.js';
import { tagVersion } from '../versioning/version.js';
import { errorMessage, StageError } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';

export interface ReleaseTag extends TagInfo {
  version: string;
  prerelease: boolean;
}

/** Tags named `<prefix><semver>`, newest version first. */
export async function releaseTags(git: Git, prefix: string): Promise<ReleaseTag[]> {
  const all = await git.tags(prefix ? `${prefix}*` : undefined);
  const out: ReleaseTag[] = [];
  for (const t of all) {
    // The version model's reading of a tag (build metadata allowed and dropped: v1.0.0-rc.1+build.5).
    const v = tagVersion(t.name, prefix);
    if (!v) continue;
    out.push({ ...t, version: v, prerelease: semverPrerelease(v) !== null });
  }
  return out.sort((a, b) => semverRcompare(a.version, b.version) || a.name.localeCompare(b.name));
}

/** Is `commit` an ancestor of HEAD? Missing objects (a shallow clone) count as "no". */
async function reachable(git: Git, commit: string, head: string): Promise<boolean> {
  try {
    return await git.isAncestor(commit, head);
  } catch (e) {
    if (e instanceof GitError) return false;
    throw e;
  }
}

/**
 * The newest stable release tag reachable from `head`, by semver order (prereleases skipped). A few direct
 * ancestry checks first (the usual case: the newest tag is on the branch), then one `git tag --merged`.
 */
export async function findPreviousTag(
  git: Git,
  prefix: string,
  head = 'HEAD',
  o: { includePrereleases?: boolean; tags?: ReleaseTag[] } = {},
): Promise<ReleaseTag | undefined> {
  const tags = (o.tags ?? (await releaseTags(git, prefix))).filter((t) => o.includePrereleases || !t.prerelease);
  let checked = 0;
  for (const t of tags) {
    if (checked++ >= 5) {
      const merged = await git.mergedTags(head, prefix ? `${prefix}*` : undefined);
      return tags.slice(checked - 1).find((x) => merged.has(x.name));
    }
    if (await reachable(git, t.commit, head)) return t;
  }
  return undefined;
}

export interface HistoryOptions {
  /** The tag (or any revision) to start after; undefined: the previous release tag; '' : the whole history. */
  since?: string;
  tagPrefix: string;
  head?: string;
  log: Logger;
  /** Remote to deepen a shallow clone from (default origin). */
  remote?: string;
  /** Deepening steps before giving up on `--deepen` and asking for the whole history (default [200, 2000, 20000]). */
  deepenSteps?: number[];
}

export interface History {
  /** The tag the range starts after (undefined: the whole history). */
  previousTag?: ReleaseTag | { name: string; commit: string; version?: string };
  head: string;
  /** Newest first, merge commits included (`merge: true`). */
  commits: ParsedCommit[];
  /** Fetches made to complete a shallow clone. */
  deepened: number;
}

const FETCH_DEPTH_HINT =
  'set `fetch-depth: 0` on actions/checkout (the changelog needs the history back to the previous release tag)';

/** Read the history of the new section, deepening a shallow clone as needed. */
export async function readHistory(git: Git, o: HistoryOptions): Promise<History> {
  const headRev = o.head ?? 'HEAD';
  const steps = [...(o.deepenSteps ?? [200, 2000, 20000]), 'all' as const];
  let deepened = 0;
  for (;;) {
    // HEAD, the shallow boundary and the release tags in two concurrent processes; then one ancestry check
    // (`git merge-base`) and one `git log`: four git processes in the usual case.
    const [{ commit: head, shallow }, tags] = await Promise.all([
      git.resolveWithShallow(headRev),
      o.since === undefined ? releaseTags(git, o.tagPrefix) : undefined,
    ]);
    if (!head) throw new StageError(`${headRev} does not name a commit: is the repository checked out?`);
    let previousTag: History['previousTag'];
    let missing = false;
    if (o.since) {
      const commit = await git.resolve(o.since);
      if (commit && (await reachable(git, commit, head))) previousTag = { name: o.since, commit };
      else if (commit && !shallow.size) {
        // git-cliff's reading of a range whose start is on another branch: what HEAD has and since_tag has not.
        o.log.warning(
          `since_tag ${o.since} is not an ancestor of ${headRev}: the notes cover ${o.since}..${headRev} (the commits of ${headRev} that ${o.since} does not have)`,
        );
        previousTag = { name: o.since, commit };
      } else if (!shallow.size) {
        throw new StageError(`since_tag ${o.since} does not exist in this repository`);
      } else missing = true;
    } else if (o.since === undefined) {
      previousTag = await findPreviousTag(git, o.tagPrefix, head, { ...(tags ? { tags } : {}) });
    }
    if (!missing) {
      const commits: ParsedCommit[] = [];
      const range = previousTag ? [`${previousTag.commit}..${head}`] : [head];
      const boundary = await streamLog(git, range, (c) => commits.push(c), shallow);
      // Complete when no shallow boundary lies inside the range. Without a previous tag in a shallow clone, the
      // tag may simply not have been fetched yet: deepen too.
      if (!boundary.length && (previousTag || !shallow.size)) return { previousTag, head, commits, deepened };
    }
    const step = steps[deepened];
    if (step === undefined) {
      throw new StageError(`the history is still incomplete after deepening the shallow clone: ${FETCH_DEPTH_HINT}`);
    }
    o.log.info(
      `shallow clone: ${step === 'all' ? 'fetching the whole history' : `deepening by ${step} commits`} to reach ${escapeLogText(previousTag?.name ?? o.since ?? 'the previous release tag')}`,
    );
    try {
      await git.deepen(step, o.remote);
    } catch (e) {
      throw new StageError(`this is a shallow clone and deepening it failed (${errorMessage(e)}): ${FETCH_DEPTH_HINT}`);
    }
    deepened++;
  }
}

export interface Release {
  /** undefined: the commits after the newest tag (the section being prepared). */
  tag?: ReleaseTag;
  /** The release tag before this one (the compare base). */
  previous?: ReleaseTag;
  /** Newest first. */
  commits: ParsedCommit[];
}

/**
 * The whole history split release by release, newest first: first the commits after the newest tag (possibly
 * none), then one release per tag (prereleases included) with the commits up to that tag and after the previous
 * one. One streaming `git log` over the whole history in its default (reverse chronological) order: a commit
 * belongs to the first tag met walking back from HEAD, as git-cliff does. Each release is handed to `onRelease`
 * as soon as it is complete, so a caller that renders it at once holds one release in memory, not the history.
 * A shallow clone is made complete first (`--unshallow`).
 */
export async function streamReleases(
  git: Git,
  o: Pick<HistoryOptions, 'tagPrefix' | 'head' | 'log' | 'remote'>,
  onRelease: (r: Release) => void,
): Promise<{ head: string; deepened: number; commitCount: number; releases: number }> {
  const headRev = o.head ?? 'HEAD';
  let deepened = 0;
  // HEAD, the shallow boundary and the release tags in two concurrent processes.
  const read = () => Promise.all([git.resolveWithShallow(headRev), releaseTags(git, o.tagPrefix)]);
  const [first, firstTags] = await read();
  let head = first.commit;
  let allTags = firstTags;
  if (first.shallow.size) {
    o.log.info('shallow clone: fetching the whole history to render every release');
    try {
      await git.deepen('all', o.remote);
    } catch (e) {
      throw new StageError(
        `this is a shallow clone and unshallowing it failed (${errorMessage(e)}): ${FETCH_DEPTH_HINT}`,
      );
    }
    deepened++;
    [{ commit: head }, allTags] = await read();
  }
  if (!head) throw new StageError(`${headRev} does not name a commit: is the repository checked out?`);
  const tags = allTags.filter((t) => t.commit);
  const byCommit = new Map<string, ReleaseTag>();
  // The newest version wins when two tags share a commit (tags are sorted newest first).
  for (const t of tags) if (!byCommit.has(t.commit)) byCommit.set(t.commit, t);
  let current: Release = { commits: [] };
  let count = 0;
  let releases = 0;
  await streamLog(git, [head], (c) => {
    const tag = byCommit.get(c.hash);
    if (tag) {
      current.previous = tag;
      releases++;
      onRelease(current);
      current = { tag, commits: [] };
    }
    current.commits.push(c);
    count++;
  });
  releases++;
  onRelease(current);
  return { head, deepened, commitCount: count, releases };
}
