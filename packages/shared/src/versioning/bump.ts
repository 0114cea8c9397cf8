/**
 * `version_bump: auto`: the bump the conventional commits since the last release call for. A breaking change
 * (`feat!:`, `fix(scope)!:`, a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer) → major, a `feat` → minor,
 * anything else → patch. Reads history from local git in one `git log`.
 */
import type { Git } from '../git/git.js';
import type { Bump } from './version.js';

const HEADER = /^(\w+)(?:\([^()\r\n]*\))?(!)?:\s/;

/** The bump one commit message calls for, or undefined when it is not a conventional commit. */
export function bumpOfMessage(message: string): Bump | undefined {
  const [header = '', ...rest] = message.split('\n');
  const m = HEADER.exec(header.trim());
  const body = rest.join('\n');
  if (/^BREAKING[ -]CHANGE:/m.test(body) || m?.[2] === '!') return 'major';
  if (!m) return undefined;
  if (m[1]?.toLowerCase() === 'feat') return 'minor';
  return 'patch';
}

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The largest bump of `messages`; patch when none calls for more (there is always something to release). */
export function recommendBumpFromMessages(messages: string[]): Bump {
  let best: Bump = 'patch';
  for (const msg of messages) {
    const b = bumpOfMessage(msg);
    if (b && RANK[b] > RANK[best]) best = b;
  }
  return best;
}

/** Commit messages in `since..rev` (all history when `since` is undefined), without merges' own messages. */
export async function commitMessagesSince(git: Git, since: string | undefined, rev = 'HEAD'): Promise<string[]> {
  const messages: string[] = [];
  await git.stream(['log', '-z', '--no-merges', '--format=%B', since ? `${since}..${rev}` : rev], '\0', (record) => {
    const m = record.replace(/^\n+/, '').trim();
    if (m) messages.push(m);
  });
  return messages;
}
