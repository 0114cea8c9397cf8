/**
 * CHANGELOG.md updates: the new section goes at the top (under the title and intro, after an "Unreleased"
 * section if there is one); a section for the same version is replaced, not added twice; link reference
 * definitions at the bottom (`[1.2.0]: …/compare/v1.1.0...v1.2.0`) stay ordered, newest first, with
 * `[Unreleased]` moved to compare from the new tag. Line endings (LF/CRLF), a byte-order mark and UTF-16 are
 * preserved.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

export interface DecodedText {
  text: string;
  encoding: 'utf8' | 'utf16le';
  bom: boolean;
  eol: '\n' | '\r\n';
}

export function decodeText(buf: Buffer): DecodedText {
  let encoding: DecodedText['encoding'] = 'utf8';
  let bom = false;
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf16le';
    bom = true;
    text = buf.subarray(2).toString('utf16le');
  } else if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    bom = true;
    text = buf.subarray(3).toString('utf8');
  } else text = buf.toString('utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { text: eol === '\r\n' ? text.replace(/\r\n/g, '\n') : text, encoding, bom, eol };
}

export function encodeText(d: DecodedText): Buffer {
  const text = d.eol === '\r\n' ? d.text.replace(/\n/g, '\r\n') : d.text;
  const body = Buffer.from(text, d.encoding);
  if (!d.bom) return body;
  const bom = d.encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xef, 0xbb, 0xbf]);
  return Buffer.concat([bom, body]);
}

export const DEFAULT_PREAMBLE =
  '# Changelog\n\nAll notable changes to this project are documented in this file. The format is based on\n' +
  '[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and this project adheres to\n' +
  '[Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n';

const SECTION_HEADING = /^#{1,2} /;
const LINK_DEF = /^\[([^\]]+)\]:\s*\S/;
const UNRELEASED = /^#{1,2} \[?unreleased\]?/i;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does this heading line title `version`? (`## [1.2.0] - …`, `## 1.2.0 (…)`, `## [v1.2.0](…)`, `# <small>1.2.0…`.) */
export function headingVersionMatcher(version: string): RegExp {
  return new RegExp(`^#{1,2} (?:<small>)?\\[?v?${escapeRe(version)}(?![\\w.+-])`);
}

export interface SectionUpdate {
  version: string;
  /** The section: heading line and body (LF line endings, no trailing newline). */
  section: string;
  link?: { label: string; url: string };
  /** More link definitions (a block of several new sections), newest first. */
  links?: { label: string; url: string }[];
  /** Where [Unreleased] should compare from after this release (e.g. v1.2.0), if such a link exists. */
  newTag?: string;
}

/** Insert or replace one release section in the text of a changelog (LF line endings). */
export function upsertSection(text: string, u: SectionUpdate): string {
  const lines = text.replace(/\n+$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') lines.length = 0;
  // The link definition block at the bottom.
  let linkStart = lines.length;
  while (linkStart > 0 && (LINK_DEF.test(lines[linkStart - 1] as string) || lines[linkStart - 1] === '')) linkStart--;
  while (linkStart < lines.length && lines[linkStart] === '') linkStart++;
  const body = lines.slice(0, linkStart);
  const linkLines = lines.slice(linkStart).filter((l) => l !== '');
  while (body.length && body[body.length - 1] === '') body.pop();

  const mine = headingVersionMatcher(u.version);
  const sectionLines = u.section.split('\n');
  const existing = body.findIndex((l) => mine.test(l));
  if (existing >= 0) {
    let end = existing + 1;
    while (end < body.length && !SECTION_HEADING.test(body[end] as string)) end++;
    const replacement = [...sectionLines, ''];
    if (end >= body.length) replacement.pop();
    body.splice(existing, end - existing, ...replacement);
  } else {
    // After the title/intro and any Unreleased section: before the first release heading.
    const title = body.findIndex((l) => /^# /.test(l) && !mine.test(l));
    let at = body.findIndex((l, n) => n > title && /^## /.test(l) && !UNRELEASED.test(l));
    if (at < 0) {
      at = body.length;
      body.push('', ...sectionLines);
      if (body[0] === '') body.shift();
    } else body.splice(at, 0, ...sectionLines, '');
  }

  // Link definitions: replace ours, or insert it after [Unreleased] and before the first other version.
  const links = [...linkLines];
  const fresh: string[] = [];
  for (const link of [...(u.link ? [u.link] : []), ...(u.links ?? [])]) {
    const def = `[${link.label}]: ${link.url}`;
    const label = link.label.toLowerCase();
    const idx = links.findIndex((l) => LINK_DEF.exec(l)?.[1]?.toLowerCase() === label);
    if (idx >= 0) links[idx] = def;
    else fresh.push(def);
  }
  if (fresh.length) {
    const unreleased = links.findIndex((l) => LINK_DEF.exec(l)?.[1]?.toLowerCase() === 'unreleased');
    links.splice(unreleased + 1, 0, ...fresh);
  }
  if (u.newTag) {
    const idx = links.findIndex((l) => LINK_DEF.exec(l)?.[1]?.toLowerCase() === 'unreleased');
    if (idx >= 0) {
      links[idx] = (links[idx] as string).replace(/\/compare\/[^\s]*\.\.\.([^\s]*)$/, (_m, to: string) => {
        return `/compare/${encodeURIComponent(u.newTag as string)}...${to}`;
      });
    }
  }
  const out = body.join('\n') + '\n';
  return links.length ? `${out}\n${links.join('\n')}\n` : out;
}

/** Read (or start) the changelog file, upsert the sections given (oldest first), write it back. */
export async function updateChangelogFile(path: string, updates: SectionUpdate[]): Promise<{ created: boolean }> {
  const created = !existsSync(path);
  const decoded: DecodedText = created
    ? { text: DEFAULT_PREAMBLE, encoding: 'utf8', bom: false, eol: '\n' }
    : decodeText(await readFile(path));
  let text = decoded.text;
  // Sections already in the file are replaced one by one; new ones go in as one block, newest first.
  const fresh: SectionUpdate[] = [];
  const headings = text.split('\n').filter((l) => SECTION_HEADING.test(l));
  for (const u of updates) {
    const m = headingVersionMatcher(u.version);
    if (headings.some((l) => m.test(l))) text = upsertSection(text, u);
    else fresh.push(u);
  }
  if (fresh.length) {
    const newestFirst = fresh.slice().reverse();
    const top = newestFirst[0] as SectionUpdate;
    text = upsertSection(text, {
      version: top.version,
      section: newestFirst.map((u) => u.section).join('\n\n'),
      links: newestFirst.flatMap((u) => (u.link ? [u.link] : [])),
      ...(top.newTag ? { newTag: top.newTag } : {}),
    });
  }
  await writeFile(path, encodeText({ ...decoded, text }));
  return { created };
}
