/**
 * Render the section of one release: keep-a-changelog 1.1.0 (rendered here, directly: fast) or conventional
 * notes (through conventional-changelog-writer, loaded only when that format is asked for).
 */
import { cancelledByReverts, type ParsedCommit, revertedType } from '../commits/index.js';
import { escapeMarkdownHtml } from '../util/escape.js';
import type { Format, TypeMap } from './types.js';

export interface PullRequestInfo {
  number: number;
  url: string;
  title?: string;
  /** GitHub login of the PR author. */
  author?: string;
}

export interface Contributor {
  /** GitHub login when known (include_prs), else the git author name. */
  name: string;
  login?: string;
  firstTime: boolean;
  commits: number;
}

export interface RenderInput {
  format: Format;
  version: string;
  /** YYYY-MM-DD */
  date: string;
  previousTag?: string;
  /** The tag this section is (or will be) released as, e.g. v1.2.0. */
  currentTag: string;
  /** https://github.com/owner/repo (empty: no links). */
  repoUrl?: string;
  /** Newest first; merge commits are skipped. */
  commits: ParsedCommit[];
  types: TypeMap;
  breakingSection: boolean;
  /** Pull request of each commit (by full hash), from the GitHub API. */
  prs?: Map<string, PullRequestInfo>;
  /** GitHub login of each commit's author (by full hash). */
  logins?: Map<string, string>;
  contributors?: Contributor[];
}

export interface RenderStats {
  /** Commits shown in the section, per type (`other` for non-conventional ones). */
  perType: Record<string, number>;
  perSection: Record<string, number>;
  shown: number;
  hidden: number;
  merges: number;
  reverted: number;
  breaking: number;
  prs: number;
}

export interface Rendered {
  /** The heading line of the section (`## [1.2.0] - 2024-05-01`). */
  heading: string;
  /** The section: heading and body, no trailing newline. */
  section: string;
  /** A link reference definition for the bottom of CHANGELOG.md (keep-a-changelog), if any. */
  link?: { label: string; url: string };
  /** The notes: the section plus its link definition. */
  notes: string;
  stats: RenderStats;
}

interface Entry {
  commit: ParsedCommit;
  section: string;
  text: string;
}

const indent = (text: string) => text.replace(/\n/g, '\n  ');

function links(c: ParsedCommit, i: RenderInput): string {
  const parts: string[] = [];
  const pr = i.prs?.get(c.hash);
  const prNumber = pr?.number ?? c.pr;
  if (prNumber !== undefined) {
    const url = pr?.url ?? (i.repoUrl ? `${i.repoUrl}/pull/${prNumber}` : '');
    parts.push(url ? `[#${prNumber}](${url})` : `#${prNumber}`);
  }
  parts.push(i.repoUrl ? `[${c.shortHash}](${i.repoUrl}/commit/${c.hash})` : c.shortHash);
  const login = pr?.author ?? i.logins?.get(c.hash);
  return `(${parts.join(', ')})${login ? ` by @${login}` : ''}`;
}

/** Commit text as Markdown: HTML in a subject (`</details>`, `<img …>`) is shown, never rendered; Markdown kept. */
function scoped(c: ParsedCommit, text: string): string {
  const safe = escapeMarkdownHtml(text);
  return c.scope ? `**${escapeMarkdownHtml(c.scope)}:** ${safe}` : safe;
}

/** Counts of a section with nothing in it yet. */
export function emptyRenderStats(): RenderStats {
  return { perType: {}, perSection: {}, shown: 0, hidden: 0, merges: 0, reverted: 0, breaking: 0, prs: 0 };
}

function classify(i: RenderInput): { entries: Entry[]; breaking: Entry[]; stats: RenderStats } {
  const stats = emptyRenderStats();
  const drop = cancelledByReverts(i.commits);
  const entries: Entry[] = [];
  const breaking: Entry[] = [];
  const prs = new Set<number>();
  for (const c of i.commits) {
    if (c.merge) {
      stats.merges++;
      continue;
    }
    if (drop.has(c.hash)) {
      stats.reverted++;
      continue;
    }
    // git's `Revert "chore: x"` undoes what was never listed: hidden with the type it reverts.
    const reverted = c.revert ? revertedType(c) : undefined;
    if (reverted && !i.types.sectionOf({ type: reverted.type, conventional: true, breaking: reverted.breaking })) {
      stats.hidden++;
      continue;
    }
    // A breaking `chore!:` belongs under its own type when that is shown, else only under breaking changes
    // (the fallback section is for when there is no breaking section to carry it).
    const section =
      i.types.sectionOf({ ...c, breaking: false }) ?? (i.breakingSection ? undefined : i.types.sectionOf(c));
    if (!section && !(c.breaking && i.breakingSection)) {
      stats.hidden++;
      continue;
    }
    const ref = links(c, i);
    if (section) entries.push({ commit: c, section, text: `${scoped(c, indent(c.subject))} ${ref}` });
    stats.shown++;
    const type = c.conventional && c.type ? c.type : 'other';
    stats.perType[type] = (stats.perType[type] ?? 0) + 1;
    if (section) stats.perSection[section] = (stats.perSection[section] ?? 0) + 1;
    const pr = i.prs?.get(c.hash)?.number ?? c.pr;
    if (pr !== undefined) prs.add(pr);
    for (const note of c.breakingNotes) {
      breaking.push({ commit: c, section: section ?? BREAKING_TITLE, text: `${scoped(c, indent(note))} ${ref}` });
      stats.breaking++;
    }
  }
  stats.prs = prs.size;
  return { entries, breaking, stats };
}

function contributorsBlock(i: RenderInput, heading: string): string {
  if (!i.contributors?.length) return '';
  const items = i.contributors.map(
    (c) => `- ${c.login ? `@${c.login}` : escapeMarkdownHtml(c.name)}${c.firstTime ? ' (first contribution)' : ''}`,
  );
  return `${heading} Contributors\n\n${items.join('\n')}`;
}

function compareUrl(i: RenderInput): string | undefined {
  if (!i.repoUrl) return undefined;
  return i.previousTag
    ? `${i.repoUrl}/compare/${encodeURIComponent(i.previousTag)}...${encodeURIComponent(i.currentTag)}`
    : `${i.repoUrl}/releases/tag/${encodeURIComponent(i.currentTag)}`;
}

export const BREAKING_TITLE = '⚠ BREAKING CHANGES';

/** keep-a-changelog rendering is synchronous (no template engine): callers may render while streaming. */
export function renderKeepAChangelog(i: RenderInput): Rendered {
  const { entries, breaking, stats } = classify(i);
  const url = compareUrl(i);
  const heading = `## ${url ? `[${i.version}]` : i.version} - ${i.date}`;
  const blocks: string[] = [heading];
  if (i.breakingSection && breaking.length) {
    blocks.push(`### ${BREAKING_TITLE}\n\n${breaking.map((e) => `- ${e.text}`).join('\n')}`);
  }
  const bySection = new Map<string, string[]>();
  for (const e of entries) {
    let list = bySection.get(e.section);
    if (!list) bySection.set(e.section, (list = []));
    list.push(`- ${e.text}`);
  }
  for (const s of i.types.order) {
    const list = bySection.get(s);
    if (list) blocks.push(`### ${s}\n\n${list.join('\n')}`);
  }
  const contributors = contributorsBlock(i, '###');
  if (contributors) blocks.push(contributors);
  if (blocks.length === 1) blocks.push('_No notable changes._');
  const section = blocks.join('\n\n');
  const link = url ? { label: i.version, url } : undefined;
  return { heading, section, link, notes: link ? `${section}\n\n[${link.label}]: ${link.url}` : section, stats };
}

async function renderConventional(i: RenderInput): Promise<Rendered> {
  const { entries, breaking, stats } = classify(i);
  const writer = await import('conventional-changelog-writer');
  const url = compareUrl(i);
  const heading = `## ${url ? `[${i.version}](${url})` : i.version} (${i.date})`;
  const commits = entries.map((e) => ({
    hash: e.commit.hash,
    type: e.section,
    header: e.text,
    subject: e.commit.subject,
    scope: e.commit.scope ?? null,
    // The notes of this commit (all breaking here), rendered by the footer partial.
    notes: i.breakingSection ? [] : e.commit.breakingNotes.map((text) => ({ title: 'BREAKING CHANGES', text })),
    references: [],
    mentions: [],
    revert: null,
    order: i.types.order.indexOf(e.section),
    seq: 0,
  }));
  commits.forEach((c, n) => (c.seq = n));
  /** One `### title` section per group, its items as a list. */
  const titledLists = <G extends { title: string }, T>(groups: G[], items: (g: G) => T[], text: (t: T) => string) =>
    writer.each(
      groups,
      (g) => writer.segments(writer.heading(3, g.title), writer.list(items(g), text)),
      writer.newline(2),
    );
  const rendered = await writer.writeChangelogString(
    commits,
    { version: i.version, date: i.date, linkReferences: false },
    {
      transform: () => ({}),
      ignoreReverted: false,
      groupBy: 'type',
      commitGroupsSort: (a: { commits: { order: number }[] }, b: { commits: { order: number }[] }) =>
        (a.commits[0]?.order ?? 0) - (b.commits[0]?.order ?? 0),
      commitsSort: (a: { seq: number }, b: { seq: number }) => a.seq - b.seq,
      template: (ctx: {
        commitGroups: { title: string; commits: { header: string }[] }[];
        noteGroups: { title: string; notes: { text: string }[] }[];
      }) =>
        writer.segments(
          heading,
          i.breakingSection && breaking.length
            ? writer.segments(
                `### ${BREAKING_TITLE}`,
                writer.list(breaking, (e: Entry) => e.text),
              )
            : '',
          titledLists(
            ctx.commitGroups,
            (g) => g.commits,
            (c) => c.header,
          ),
          titledLists(
            ctx.noteGroups,
            (g) => g.notes,
            (n) => n.text,
          ),
          contributorsBlock(i, '###'),
        ),
    } as never,
  );
  let section = rendered.trim();
  if (section === heading) section += '\n\n_No notable changes._';
  return { heading, section, notes: section, stats };
}

export async function renderSection(i: RenderInput): Promise<Rendered> {
  return i.format === 'conventional-commits' ? renderConventional(i) : renderKeepAChangelog(i);
}
