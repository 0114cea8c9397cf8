/**
 * The changelog stage, as a domain function: history → conventional commits → PR association → rendered
 * section(s) → CHANGELOG.md. Takes its collaborators (Git, GitHub client, Logger) as parameters.
 */
import { type Bump, type ParsedCommit, recommendBump } from '../commits/index.js';
import { nextVersion, tagVersion, type VersionTag } from '../versioning/version.js';
import type { Git } from '../git/index.js';
import type { GitHubClient } from '../github/index.js';
import type { Logger } from '../util/logger.js';
import { updateChangelogFile, type SectionUpdate } from './file.js';
import { readHistory, type Release, streamReleases } from './history.js';
import { associatePullRequests, type Association } from './prs.js';
import {
  type Contributor,
  emptyRenderStats,
  renderKeepAChangelog,
  renderSection,
  type Rendered,
  type RenderStats,
} from './render.js';
import { type Format, typeMap } from './types.js';

export interface ChangelogOptions {
  git: Git;
  log: Logger;
  /** Needed when includePrs is true. */
  github?: GitHubClient;
  owner?: string;
  repo?: string;
  /** https://github.com/owner/repo; empty: no links. */
  repoUrl?: string;
  /** Title of the new section; empty: the recommended next version. */
  version?: string;
  /** undefined: the previous release tag; a tag: start after it. */
  sinceTag?: string;
  tagPrefix: string;
  format: Format;
  includePrs: boolean;
  breakingChangesSection: boolean;
  types?: Record<string, unknown>;
  /** Render every release from the first tag to the last (and the new section), not just the new one. */
  allReleases?: boolean;
  /** Absolute path of the changelog file to update; undefined: do not write. */
  path?: string;
  /** The new section's date (YYYY-MM-DD); default today (UTC). */
  date?: string;
  /** The root manifest's version and `initial_version`: the version model's first-release rules. */
  manifestVersion?: string;
  initialVersion?: string;
}

export interface ChangelogResult {
  notes: string;
  version: string;
  tag: string;
  recommendedBump: Bump;
  previousTag: string;
  /** Commits in the range the notes cover, hidden types included, merge commits not counted. */
  commitCount: number;
  breakingCount: number;
  stats: RenderStats;
  contributors: Contributor[];
  /** GitHub API requests made. */
  apiCalls: number;
  /** PR association failed and the notes fall back to commit links. */
  degraded: boolean;
  /** Release sections rendered (1 unless allReleases). */
  sections: number;
  deepened: number;
  fileCreated?: boolean;
}

const sum = (a: RenderStats, b: RenderStats): RenderStats => {
  const merge = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    perType: merge(a.perType, b.perType),
    perSection: merge(a.perSection, b.perSection),
    shown: a.shown + b.shown,
    hidden: a.hidden + b.hidden,
    merges: a.merges + b.merges,
    reverted: a.reverted + b.reverted,
    breaking: a.breaking + b.breaking,
    prs: a.prs + b.prs,
  };
};

/**
 * Contributors of a range, with first-timers found from git history (cheap: no API call): an author whose email
 * has no commit reachable from the previous tag contributes for the first time.
 */
export async function contributorsOf(
  git: Git,
  commits: ParsedCommit[],
  logins: Map<string, string>,
  previousCommit: string | undefined,
): Promise<Contributor[]> {
  const byKey = new Map<string, Contributor & { emails: Set<string> }>();
  for (const c of commits) {
    if (c.merge || c.authorName.endsWith('[bot]')) continue;
    const login = logins.get(c.hash);
    const key = login ? `@${login.toLowerCase()}` : c.authorEmail.toLowerCase();
    let k = byKey.get(key);
    if (!k)
      byKey.set(
        key,
        (k = {
          name: login ?? c.authorName,
          ...(login ? { login } : {}),
          firstTime: true,
          commits: 0,
          emails: new Set(),
        }),
      );
    k.commits++;
    k.emails.add(c.authorEmail.toLowerCase());
  }
  if (previousCommit && byKey.size) {
    const earlier = new Set<string>();
    await git.stream(['log', '--format=%aE', previousCommit, '--'], '\n', (line) => {
      if (line) earlier.add(line.toLowerCase());
    });
    for (const k of byKey.values()) if ([...k.emails].some((e) => earlier.has(e))) k.firstTime = false;
  }
  return [...byKey.values()]
    .map(({ emails: _e, ...c }) => c)
    .sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

const today = () => new Date().toISOString().slice(0, 10);

export async function generateChangelog(o: ChangelogOptions): Promise<ChangelogResult> {
  const types = typeMap(o.format, o.types);
  let commitTotal = 0;
  const apiBefore = o.github?.requestCount ?? 0;
  let releases: Release[] = [];
  let deepened: number;
  const date = o.date ?? today();
  // keep-a-changelog without PR look-ups renders each release while the history streams (bounded memory).
  const early: { r: Rendered; release: Release; version: string; tag: string }[] = [];
  const renderEarly = o.allReleases && !o.includePrs && o.format === 'keep-a-changelog';
  let newestForBump: Release | undefined;
  // Release tags reachable from HEAD, for the version model (the plan and the release pass the same).
  const reachable: VersionTag[] = [];
  if (o.allReleases) {
    const all = await streamReleases(o.git, { tagPrefix: o.tagPrefix, log: o.log }, (r) => {
      if (r.tag) reachable.push({ tag: r.tag.name, version: r.tag.version, commit: r.tag.commit });
      if (!renderEarly) return void releases.push(r);
      if (!r.tag) {
        // The section after the newest tag: kept for the bump, rendered below with its version.
        newestForBump = r;
        return;
      }
      const out = renderKeepAChangelog({
        format: o.format,
        version: r.tag.version,
        date: r.commits[0]?.date.slice(0, 10) ?? date,
        ...(r.previous ? { previousTag: r.previous.name } : {}),
        currentTag: r.tag.name,
        repoUrl: o.repoUrl ?? '',
        commits: r.commits,
        types,
        breakingSection: o.breakingChangesSection,
      });
      early.push({ r: out, release: { ...r, commits: [] }, version: r.tag.version, tag: r.tag.name });
      commitTotal += r.commits.filter((c) => !c.merge).length;
    });
    deepened = all.deepened;
    if (renderEarly) releases = [newestForBump ?? { commits: [] }];
  } else {
    const h = await readHistory(o.git, { since: o.sinceTag, tagPrefix: o.tagPrefix, log: o.log });
    const prevVersion = h.previousTag && 'version' in h.previousTag ? h.previousTag.version : undefined;
    const prev = h.previousTag
      ? {
          ...h.previousTag,
          version: prevVersion ?? h.previousTag.name,
          object: '',
          annotated: false,
          prerelease: false,
        }
      : undefined;
    releases = [{ commits: h.commits, ...(prev ? { previous: prev } : {}) }];
    deepened = h.deepened;
  }
  const newest = releases[0] as Release;
  if (renderEarly && early[0]) newest.previous = early[0].release.tag;
  const previousTag = newest.previous?.name ?? '';
  const previousVersion = newest.previous ? newest.previous.version : undefined;
  const bump = recommendBump(newest.commits, previousVersion);
  const since = !o.allReleases && newest.previous ? tagVersion(newest.previous.name, o.tagPrefix) : undefined;
  if (since && newest.previous) reachable.push({ tag: newest.previous.name, version: since, commit: '' });
  const version =
    (o.version ?? '').replace(/^v/, '') ||
    nextVersion({
      merged: reachable,
      all: reachable,
      // Nothing releasable still names a new section: the next patch.
      bump: bump === 'none' ? 'patch' : bump,
      releaseType: 'stable',
      prereleaseId: 'rc',
      ...(o.manifestVersion ? { manifestVersion: o.manifestVersion } : {}),
      ...(o.initialVersion ? { initialVersion: o.initialVersion } : {}),
    }).version;
  const tag = `${o.tagPrefix}${version}`;

  // Pull requests and logins, in batches over every commit that will be shown.
  let assoc: Association | undefined;
  let degraded = false;
  if (o.includePrs) {
    if (!o.github || !o.owner || !o.repo) {
      o.log.warning('include_prs: no GitHub repository or token available; the changelog uses commit links');
      degraded = true;
    } else {
      const shown: string[] = [];
      for (const r of releases) for (const c of r.commits) if (!c.merge && types.sectionOf(c)) shown.push(c.hash);
      assoc = await associatePullRequests(o.github, { owner: o.owner, repo: o.repo, hashes: shown, log: o.log });
      degraded = !assoc.complete;
    }
  }

  const rendered: { r: Rendered; release: Release; version: string; tag: string }[] = [];
  let contributors: Contributor[] = [];
  let stats = emptyRenderStats();
  for (let n = 0; n < releases.length; n++) {
    const r = releases[n] as Release;
    const isNew = n === 0;
    if (isNew && o.allReleases && !r.commits.length && !o.version) continue;
    const v = isNew ? version : (r.tag?.version as string);
    const t = isNew ? tag : (r.tag?.name as string);
    let contribs: Contributor[] | undefined;
    if (o.includePrs && isNew && assoc?.complete) {
      contribs = await contributorsOf(o.git, r.commits, assoc.logins, r.previous?.commit);
      contributors = contribs;
    }
    const out = await renderSection({
      format: o.format,
      version: v,
      date: isNew ? date : (r.commits[0]?.date.slice(0, 10) ?? today()),
      ...(r.previous ? { previousTag: r.previous.name } : {}),
      currentTag: t,
      repoUrl: o.repoUrl ?? '',
      commits: r.commits,
      types,
      breakingSection: o.breakingChangesSection,
      ...(assoc?.complete ? { prs: assoc.prs, logins: assoc.logins } : {}),
      ...(contribs ? { contributors: contribs } : {}),
    });
    stats = sum(stats, out.stats);
    rendered.push({ r: out, release: r, version: v, tag: t });
  }
  for (const e of early) stats = sum(stats, e.r.stats);
  rendered.push(...early);

  let fileCreated: boolean | undefined;
  if (o.path) {
    const updates: SectionUpdate[] = rendered
      .slice()
      .reverse()
      .map((x) => ({
        version: x.version,
        section: x.r.section,
        ...(x.r.link ? { link: x.r.link } : {}),
        newTag: x.tag,
      }));
    fileCreated = (await updateChangelogFile(o.path, updates)).created;
  }

  const commitCount = commitTotal + releases.reduce((a, r) => a + r.commits.filter((c) => !c.merge).length, 0);
  return {
    notes: rendered.map((x) => x.r.notes).join('\n\n'),
    version,
    tag,
    recommendedBump: bump,
    previousTag,
    commitCount,
    breakingCount: stats.breaking,
    stats,
    contributors,
    apiCalls: (o.github?.requestCount ?? 0) - apiBefore,
    degraded,
    sections: rendered.length,
    deepened,
    ...(fileCreated !== undefined ? { fileCreated } : {}),
  };
}
