/**
 * Conventional Commits 1.0 parsing: `type(scope)!: subject`, multi-paragraph bodies, footers (`Token: value`,
 * `Token #value`, `BREAKING CHANGE:` / `BREAKING-CHANGE:` with continuation lines), `Revert "…"` commits and
 * squash-merge PR numbers (`subject (#123)`). Every regular expression is compiled once, at module load.
 */

/** A commit as read from git. */
export interface RawCommit {
  hash: string;
  /** Parent hashes; two or more: a merge commit. */
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601. */
  date: string;
  /** The whole message (subject, body, footers). CRLF line endings are accepted. */
  message: string;
}

export interface Footer {
  token: string;
  value: string;
}

export interface ParsedCommit extends RawCommit {
  shortHash: string;
  /** The first line of the message. */
  header: string;
  /** Whether the header follows Conventional Commits (`type(scope)!: subject`). */
  conventional: boolean;
  /** Lower-cased type (`feat`, `fix`, …; `revert` for `Revert "…"`); undefined for a non-conventional commit. */
  type?: string;
  scope?: string;
  /** The description after `type(scope): ` (the header for a non-conventional commit), without `(#123)`. */
  subject: string;
  /** The message between the header and the footers (paragraphs kept). */
  body: string;
  footers: Footer[];
  breaking: boolean;
  /** One entry per breaking note: each BREAKING CHANGE footer, or the subject for a bare `!`. */
  breakingNotes: string[];
  /** The pull request number of a squash merge (`subject (#123)`), if any. */
  pr?: number;
  merge: boolean;
  /** For `Revert "…"` commits: the reverted header and, if the body says so, the reverted commit. */
  revert?: { header: string; hash?: string };
}

const HEADER = /^([A-Za-z][\w-]*)(?:\(([^()\r\n]*)\))?(!)?:[ \t]+(.*\S)\s*$/;
// git ≥ 2.43 names the revert of a revert `Reapply "…"`; older gits nest `Revert "Revert "…""`.
const REVERT_HEADER = /^(?:Revert|Reapply)\s+"(.+)"\s*$/;
const REVERT_BODY = /This reverts commit ([0-9a-f]{7,40})/;
const PR_SUFFIX = /\s*\(#(\d+)\)\s*$/;
const FOOTER = /^(BREAKING[ -]CHANGE|[A-Za-z][\w-]*)(?:: | #)(.*)$/;
const BREAKING_TOKEN = /^BREAKING[ -]CHANGE$/;
const BREAKING_PARAGRAPH = /(^|\n\n)(BREAKING[ -]CHANGE: [\s\S]*)$/;
const BREAKING_PREFIX = /^BREAKING[ -]CHANGE: /;

/** Parse a conventional header alone (`feat(api)!: add x`); undefined if it is not one. */
export function parseHeader(
  header: string,
): { type: string; scope?: string; breaking: boolean; subject: string } | undefined {
  const m = HEADER.exec(header);
  if (!m) return undefined;
  return {
    type: (m[1] as string).toLowerCase(),
    scope: m[2] || undefined,
    breaking: m[3] === '!',
    subject: m[4] as string,
  };
}

/** Split the text after the header into body and trailing footers. */
function splitFooters(rest: string): { body: string; footers: Footer[] } {
  const text = rest.replace(/^\n+/, '').replace(/\s+$/, '');
  if (!text) return { body: '', footers: [] };
  // Footers are the last paragraph, when its first line is a footer.
  const cut = text.lastIndexOf('\n\n');
  const lastPara = cut >= 0 ? text.slice(cut + 2) : text;
  const lines = lastPara.split('\n');
  if (!FOOTER.test(lines[0] as string)) {
    // A BREAKING CHANGE footer may also start a paragraph that is followed by more paragraphs of its text.
    const bc = BREAKING_PARAGRAPH.exec(text);
    if (bc) {
      const body = text.slice(0, bc.index).trim();
      const value = (bc[2] as string).replace(BREAKING_PREFIX, '').trim();
      return { body, footers: [{ token: 'BREAKING CHANGE', value }] };
    }
    return { body: text, footers: [] };
  }
  const footers: Footer[] = [];
  for (const line of lines) {
    const m = FOOTER.exec(line);
    if (m)
      footers.push({
        token: BREAKING_TOKEN.test(m[1] as string) ? 'BREAKING CHANGE' : (m[1] as string),
        value: m[2] as string,
      });
    else if (footers.length) (footers[footers.length - 1] as Footer).value += '\n' + line;
  }
  for (const f of footers) f.value = f.value.trim();
  return { body: cut >= 0 ? text.slice(0, cut).trim() : '', footers };
}

/** Parse one commit. Never throws: a message that is not conventional gives `conventional: false`. */
export function parseCommit(raw: RawCommit): ParsedCommit {
  let message = raw.message;
  if (message.includes('\r')) message = message.replace(/\r\n?/g, '\n');
  const nl = message.indexOf('\n');
  const header = (nl >= 0 ? message.slice(0, nl) : message).trim();
  const rest = nl >= 0 ? message.slice(nl + 1) : '';
  const { body, footers } = splitFooters(rest);
  const out: ParsedCommit = {
    ...raw,
    shortHash: raw.hash.slice(0, 7),
    header,
    conventional: false,
    subject: header,
    body,
    footers,
    breaking: false,
    breakingNotes: [],
    merge: raw.parents.length > 1,
  };
  let subject = header;
  const pr = PR_SUFFIX.exec(subject);
  if (pr) {
    out.pr = Number(pr[1]);
    subject = subject.slice(0, pr.index);
  }
  const revert = REVERT_HEADER.exec(subject);
  const h = revert ? undefined : parseHeader(subject);
  if (revert) {
    const reverted = revert[1] as string;
    const hash = REVERT_BODY.exec(body)?.[1];
    out.conventional = true;
    out.type = 'revert';
    out.subject = reverted;
    out.revert = hash ? { header: reverted, hash } : { header: reverted };
  } else if (h) {
    out.conventional = true;
    out.type = h.type;
    if (h.scope) out.scope = h.scope;
    out.subject = h.subject.replace(PR_SUFFIX, '');
    out.breaking = h.breaking;
  } else {
    out.subject = subject;
  }
  // Footers count for conventional commits only (a stray "BREAKING CHANGE:" in a free-form message is not one).
  if (out.conventional) {
    for (const f of footers) if (f.token === 'BREAKING CHANGE' && f.value) out.breakingNotes.push(f.value);
    if (out.breakingNotes.length) out.breaking = true;
    else if (out.breaking) out.breakingNotes.push(out.subject);
  }
  return out;
}
