/**
 * The release announcement: a Slack-compatible message (text + blocks), or a generic JSON payload, posted once the
 * release is verified. A failed post is a warning, never a failed release; the URL is a secret and never printed.
 */
import { errorMessage, type Logger } from '@release-actions/shared';
import type { Fetch } from '@release-actions/shared/publish';

export interface Announcement {
  repository: string;
  version: string;
  tag: string;
  releaseUrl?: string;
  notes: string;
  links: { name: string; url: string }[];
  prerelease: boolean;
}

/** The commit and PR links the changelog puts after an entry: `([#12](…), [abc1234](…)) by @someone`. */
const ENTRY_REFS =
  /\s+\((?:\[[^\]]*\]\([^)]*\)|#\d+|[0-9a-f]{7,40})(?:, (?:\[[^\]]*\]\([^)]*\)|#\d+|[0-9a-f]{7,40}))*\)(?: by @[\w-]+)?$/;

/** The first bullet points of the notes (the highlights), at most `max`, without their commit and PR links. */
export function highlights(notes: string, max = 5): string[] {
  return notes
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[-*] /.test(l))
    .map((l) => l.slice(2).trim().replace(ENTRY_REFS, ''))
    .slice(0, max);
}

/**
 * Slack reads `&`, `<` and `>` as control characters (`<!channel>`, `<url|name>`): text from commits is escaped
 * as Slack's message formatting asks (&amp; &lt; &gt;), so it can neither ping a channel nor forge a link.
 */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackPayload(a: Announcement): Record<string, unknown> {
  const title = `${a.repository} ${a.tag} released${a.prerelease ? ' (prerelease)' : ''}`;
  const hl = highlights(a.notes).map(slackEscape);
  const links = [...(a.releaseUrl ? [{ name: 'Release notes', url: a.releaseUrl }] : []), ...a.links];
  const link = (l: { name: string; url: string }) => `<${slackEscape(l.url)}|${slackEscape(l.name)}>`;
  const text = [slackEscape(title), ...hl.map((h) => `• ${h}`), ...links.map(link)].join('\n');
  return {
    text,
    blocks: [
      // plain_text is shown as given: Slack does not parse it, so it is not escaped.
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      ...(hl.length ? [{ type: 'section', text: { type: 'mrkdwn', text: hl.map((h) => `• ${h}`).join('\n') } }] : []),
      ...(links.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: links.map(link).join(' · ') }] }] : []),
    ],
  };
}

export function jsonPayload(a: Announcement): Record<string, unknown> {
  return {
    event: 'release',
    repository: a.repository,
    version: a.version,
    tag: a.tag,
    prerelease: a.prerelease,
    release_url: a.releaseUrl,
    highlights: highlights(a.notes),
    links: a.links,
  };
}

/** Post the announcement; returns whether it was accepted. Never throws. */
export async function announce(
  f: Fetch,
  url: string,
  format: 'slack' | 'json',
  a: Announcement,
  log: Logger,
): Promise<boolean> {
  try {
    const res = await f(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(format === 'json' ? jsonPayload(a) : slackPayload(a)),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) {
      log.warning(`the release announcement was refused (HTTP ${res.status}); the release itself is done`);
      return false;
    }
    return true;
  } catch (e) {
    const msg = errorMessage(e).split(url).join('(webhook)');
    log.warning(`the release announcement could not be posted (${msg}); the release itself is done`);
    return false;
  }
}
