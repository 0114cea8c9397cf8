/**
 * Each released package's notes and CHANGELOG.md section, from its own commits only (the changelog's
 * keep-a-changelog renderer), and the aggregate of a run (a section per package). The changelog action and the
 * release action render the same text from the same plan.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { renderKeepAChangelog } from '../changelog/render.js';
import { DEFAULT_PREAMBLE, upsertSection } from '../changelog/file.js';
import { typeMap } from '../changelog/types.js';
import { StageError } from '../util/errors.js';
import { escapeMarkdownHtml } from '../util/escape.js';
import type { FileChange } from '../versioning/manifests.js';
import type { PackagePlan } from './plan.js';

export interface PackageNotes {
  /** The CHANGELOG.md section (heading and body). */
  section: string;
  link?: { label: string; url: string };
  /** The notes: the section and its link definition. */
  notes: string;
}

/** A released package's notes. A dependent released for its dependency alone says why instead. */
export function packageNotes(p: PackagePlan, o: { repoUrl: string; date: string }): PackageNotes {
  const r = renderKeepAChangelog({
    format: 'keep-a-changelog',
    version: p.version,
    date: o.date,
    ...(p.previousTag ? { previousTag: p.previousTag } : {}),
    currentTag: p.tag ?? p.version,
    repoUrl: o.repoUrl,
    commits: p.commits,
    types: typeMap('keep-a-changelog'),
    breakingSection: true,
  });
  if (p.commits.length) return { section: r.section, ...(r.link ? { link: r.link } : {}), notes: r.notes };
  const section = `${r.heading}\n\n${p.reasons.map((x) => `- ${escapeMarkdownHtml(x)}`).join('\n')}`;
  return {
    section,
    ...(r.link ? { link: r.link } : {}),
    notes: `${section}${r.link ? `\n\n[${r.link.label}]: ${r.link.url}` : ''}`,
  };
}

/**
 * The notes of a whole run: a `## <tag>` section per package, its own headings one level down. Each package's
 * section links its version through a reference labelled by its tag (`### [1.0.1][@acme/core@1.0.1]`), not by the
 * version alone: two packages released at one version would otherwise share a label, and Markdown would link both
 * headings to the first package's comparison.
 */
export function aggregateNotes(list: { tag: string; version: string; notes: string }[]): string {
  return list
    .map((p) => {
      const label = p.tag.replace(/[[\]\\]/g, '\\$&');
      const v = p.version.replace(/[.+]/g, '\\$&');
      const notes = p.notes
        .replace(new RegExp(`^## \\[${v}\\]( |$)`, 'm'), (_, end: string) => `## [${p.version}][${label}]${end}`)
        .replace(new RegExp(`^\\[${v}\\]: `, 'm'), () => `[${label}]: `)
        .replace(/^(#{2,5}) /gm, '#$1 ');
      return `## ${escapeMarkdownHtml(p.tag)}\n\n${notes}`;
    })
    .join('\n\n');
}

/** The package's CHANGELOG.md with this release's section on top (created with the usual preamble). */
export function changelogChange(workspace: string, p: PackagePlan, n: PackageNotes): FileChange {
  const path = posix.join(p.path, 'CHANGELOG.md');
  const st = lstatSync(join(workspace, path), { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new StageError(`${path} is not a regular file (a symbolic link?): it is not written`);
  const before = st ? readFileSync(join(workspace, path), 'utf8') : '';
  const after = upsertSection(before.replace(/\r\n/g, '\n') || DEFAULT_PREAMBLE, {
    version: p.version,
    section: n.section,
    ...(n.link ? { link: n.link } : {}),
  });
  return { path, before, after, edits: [st ? `section ${p.version} added` : `created with section ${p.version}`] };
}
