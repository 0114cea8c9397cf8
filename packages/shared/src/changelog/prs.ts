/**
 * Commits → pull requests and GitHub logins, through GraphQL batches: one `repository { cN: object(oid:) }`
 * query per 100 commits (aliases), never one request per commit. Retries (5xx, rate limits) are the client's;
 * a final failure degrades to commit links with a warning, never a failed stage.
 */
import type { GitHubClient } from '../github/index.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import type { PullRequestInfo } from './render.js';

export const BATCH_SIZE = 100;

export interface Association {
  prs: Map<string, PullRequestInfo>;
  /** Commit hash → GitHub login of its author (the commit author's account, else the PR author). */
  logins: Map<string, string>;
  requests: number;
  /** False when a batch failed after retries: the section falls back to commit links. */
  complete: boolean;
}

interface CommitNode {
  oid: string;
  author?: { user?: { login: string } | null } | null;
  associatedPullRequests?: {
    nodes: ({
      number: number;
      title: string;
      url: string;
      mergedAt: string | null;
      author?: { login: string } | null;
    } | null)[];
  } | null;
}

const HEX = /^[0-9a-f]{40}$/;

/** The query for one batch (hashes are validated hex, inlined as literals: aliases cannot take variables). */
export function associationQuery(hashes: string[]): string {
  const fields = hashes
    .map((h, n) => {
      if (!HEX.test(h)) throw new Error(`not a commit hash: ${h}`);
      return `c${n}: object(oid: "${h}") { ... on Commit { oid author { user { login } } associatedPullRequests(first: 1) { nodes { number title url mergedAt author { login } } } } }`;
    })
    .join('\n    ');
  return `query($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
}

export async function associatePullRequests(
  gh: GitHubClient,
  o: { owner: string; repo: string; hashes: string[]; log: Logger },
): Promise<Association> {
  const out: Association = { prs: new Map(), logins: new Map(), requests: 0, complete: true };
  const before = gh.requestCount;
  const unique = [...new Set(o.hashes)];
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    const batch = unique.slice(start, start + BATCH_SIZE);
    try {
      const data = await gh.graphql<{ repository: Record<string, CommitNode | null> | null }>(associationQuery(batch), {
        owner: o.owner,
        name: o.repo,
      });
      for (const node of Object.values(data.repository ?? {})) {
        if (!node?.oid) continue;
        const pr = node.associatedPullRequests?.nodes?.find((p) => p !== null) ?? undefined;
        if (pr) {
          out.prs.set(node.oid, {
            number: pr.number,
            url: pr.url,
            title: pr.title,
            ...(pr.author?.login ? { author: pr.author.login } : {}),
          });
        }
        const login = node.author?.user?.login ?? pr?.author?.login;
        if (login) out.logins.set(node.oid, login);
      }
    } catch (e) {
      out.complete = false;
      out.prs.clear();
      out.logins.clear();
      o.log.warning(
        `could not link commits to pull requests (${escapeLogText(errorMessage(e))}); the changelog uses commit links instead`,
        { title: 'changelog: GitHub API unavailable' },
      );
      break;
    }
  }
  out.requests = gh.requestCount - before;
  return out;
}
