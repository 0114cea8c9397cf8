/**
 * Text from outside — the status record, git (commit subjects, tag and author names), the GitHub API — on its way
 * to the log or into Markdown.
 *
 * The runner reads every output line as a possible workflow command: a line whose first non-blank characters are
 * `::` (or the legacy `##[`) is executed, not shown — `::add-mask::production` masks the word in every later
 * line, `::error::` forges an annotation, `::stop-commands::` silences the real ones. It splits lines at LF, CR
 * and CRLF. So data is made one line (breaks and other control characters shown as escapes) and a leading command
 * prefix gets a backslash. `%0A`-style escapes are only decoded inside a command, whose data @actions/core
 * escapes (`%` → `%25`), so they stay inert text and are left alone.
 */

/** Breaks the runner (or a log viewer) honours, and control characters that can rewrite a terminal line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const COMMAND_START = /^(\s*)(::|##\[)/;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

function showControl(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * One piece of untrusted text, safe to interpolate into a log line: always one line (CR, LF, ESC and other
 * control characters shown as `\n`, `\r`, `\e`, `\u0085`), never starting a workflow command. `max` shortens
 * it (with `…`) so a hostile 10 MB value cannot flood the log.
 */
export function escapeLogText(value: unknown, o: { max?: number } = {}): string {
  let s = typeof value === 'string' ? value : String(value);
  if (o.max !== undefined && s.length > o.max) s = `${s.slice(0, o.max)}…`;
  return s.replace(CONTROL, showControl).replace(COMMAND_START, '$1\\$2');
}

/** A value named in a message: quoted (JSON-style), shortened, one line, never a workflow command. */
export function quoteLogValue(value: unknown, max = 60): string {
  if (typeof value !== 'string') {
    let s: string;
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
    return escapeLogText(s, { max });
  }
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return escapeLogText(JSON.stringify(cut));
}

/**
 * A whole message, several lines allowed: every line that would start a workflow command gets a backslash, a
 * lone CR becomes a line break of its own (the runner splits there too), other control characters are shown.
 * What a logger applies to everything it prints, so data interpolated without escapeLogText cannot slip through.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLogText(line))
    .join('\n');
}

/**
 * Tagged template for log lines: `` logText`rolling back to ${version}` `` escapes every interpolated value
 * (escapeLogText) and the finished line (so two values cannot combine into `::`).
 */
export function logText(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += escapeLogText(v) + (strings[i + 1] ?? '');
  });
  return neutralizeWorkflowCommands(out);
}

const HTML_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
/** A Markdown autolink (`<https://…>`, `<mailto:…>`): Markdown, not HTML, and it cannot hold `<`, `>` or blanks. */
const AUTOLINK = /^<(?:https?:\/\/|mailto:)[^\s<>]*>/i;

function escapeProse(text: string, atLineStart: boolean): string {
  let out = '';
  let i = 0;
  let lineStart = atLineStart;
  while (i < text.length) {
    const c = text[i] as string;
    if (lineStart) {
      // Blockquote markers (`> `, `>> `) at the start of a line are Markdown: keep them.
      const quote = /^ {0,3}(?:> ?)+/.exec(text.slice(i, i + 64));
      if (quote && quote[0].includes('>')) {
        out += quote[0];
        i += quote[0].length;
        lineStart = false;
        continue;
      }
    }
    lineStart = c === '\n';
    if (c === '<') {
      const link = AUTOLINK.exec(text.slice(i, i + 2048));
      if (link) {
        out += link[0];
        i += link[0].length;
        continue;
      }
    }
    out += HTML_ENTITY[c] ?? c;
    i++;
  }
  return out;
}

/**
 * Untrusted text (a commit subject, a PR title) for Markdown that GitHub renders (a job summary, a release body,
 * CHANGELOG.md): `<`, `>` and `&` become entities outside code spans and fenced blocks, so `</details>` or
 * `<img src=…>` in a commit shows as text instead of closing the summary's block; the Markdown (emphasis, links,
 * autolinks, blockquotes, `code` where `<` is already literal) is kept.
 */
export function escapeMarkdownHtml(text: string): string {
  let out = '';
  let i = 0;
  const atLineStart = (at: number) => at === 0 || text[at - 1] === '\n';
  while (i < text.length) {
    const tick = text.indexOf('`', i);
    if (tick < 0) {
      out += escapeProse(text.slice(i), atLineStart(i));
      break;
    }
    out += escapeProse(text.slice(i, tick), atLineStart(i));
    const run = /^`+/.exec(text.slice(tick))?.[0] as string;
    // A code span (or fence) ends at the next run of exactly as many backticks; without one the ticks are text.
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = tick + run.length;
    const m = close.exec(text);
    if (!m) {
      out += run;
      i = tick + run.length;
      continue;
    }
    out += text.slice(tick, m.index + run.length);
    i = m.index + run.length;
  }
  return out;
}
