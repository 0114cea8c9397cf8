/**
 * Conventional commits read from local git: one streaming `git log -z` whose records are parsed one at a time
 * (hash, parents, author, date, message), so a long history is never held as text.
 */
import type { Git } from '../git/index.js';
import { parseCommit, type ParsedCommit } from './parse.js';

/** The compact `git log` format: fields separated by US (0x1f), records by NUL (`-z`). */
export const LOG_FORMAT = '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B';

/** Parse one `LOG_FORMAT` record. */
export function parseLogRecord(record: string): ParsedCommit | undefined {
  const r = record.charCodeAt(0) === 10 ? record.slice(1) : record;
  if (!r) return undefined;
  const f: string[] = [];
  let start = 0;
  for (let k = 0; k < 5; k++) {
    const i = r.indexOf('\x1f', start);
    if (i < 0) return undefined;
    f.push(r.slice(start, i));
    start = i + 1;
  }
  const [hash = '', parents = '', authorName = '', authorEmail = '', date = ''] = f;
  return parseCommit({
    hash,
    parents: parents ? parents.split(' ') : [],
    authorName,
    authorEmail,
    date,
    message: r.slice(start),
  });
}

/** Stream `git log` over a range, one parsed commit at a time. Returns the hashes of shallow boundaries met. */
export async function streamLog(
  git: Git,
  range: string[],
  onCommit: (c: ParsedCommit) => void,
  shallow?: Set<string>,
): Promise<string[]> {
  const hitBoundary: string[] = [];
  await git.stream(['log', '-z', LOG_FORMAT, ...range, '--'], '\0', (rec) => {
    const c = parseLogRecord(rec);
    if (!c) return;
    if (shallow?.has(c.hash)) hitBoundary.push(c.hash);
    onCommit(c);
  });
  return hitBoundary;
}

/**
 * The commits in `since..rev` (the whole history up to `rev` when `since` is undefined), newest first, merge
 * commits left out (their changes come with the commits they merge).
 */
export async function commitsSince(git: Git, since: string | undefined, rev = 'HEAD'): Promise<ParsedCommit[]> {
  const out: ParsedCommit[] = [];
  await streamLog(git, [since ? `${since}..${rev}` : rev], (c) => {
    if (!c.merge) out.push(c);
  });
  return out;
}
