/**
 * The release pull request (release_mode: pull-request, docs/protected-branches.md): one open PR per release
 * branch, from the head branch `release-actions/<branch>`, labelled `autorelease: pending` until its merge is
 * released, then `autorelease: tagged`. Found by its head branch (this tool's own namespace) and base, so a re-run
 * updates it and never opens a second; recognised after the merge by asking GitHub which pull request the
 * merged commit belongs to (merge, squash and rebase merges alike) and checking its head branch and label.
 */
import { errorMessage, StageError } from '../util/errors.js';
import type { GitHubClient } from './client.js';
import type { RepoCoordinates } from './git-data.js';

export const RELEASE_PR_PENDING = 'autorelease: pending';
export const RELEASE_PR_TAGGED = 'autorelease: tagged';

const LABELS: Record<string, { color: string; description: string }> = {
  [RELEASE_PR_PENDING]: { color: 'ededed', description: 'release-actions: merging this pull request releases it' },
  [RELEASE_PR_TAGGED]: { color: '0e8a16', description: 'release-actions: this release pull request is released' },
};

/** The head branch of the release pull request of `branch`. */
export function releasePrBranch(branch: string): string {
  return `release-actions/${branch}`;
}

export interface ReleasePr {
  number: number;
  url: string;
  title: string;
  body: string;
  headRef: string;
  headSha: string;
  labels: string[];
  merged: boolean;
  mergeCommit?: string;
}

interface ApiPull {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: ({ name?: string } | string)[];
  merged_at?: string | null;
  merge_commit_sha?: string | null;
}

function pr(p: ApiPull): ReleasePr {
  return {
    number: p.number,
    url: p.html_url,
    title: p.title,
    body: p.body ?? '',
    headRef: p.head.ref,
    headSha: p.head.sha,
    labels: p.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    merged: Boolean(p.merged_at),
    ...(p.merge_commit_sha ? { mergeCommit: p.merge_commit_sha } : {}),
  };
}

const api = (what: string, e: unknown, hint = '') =>
  new StageError(`${what} failed (GitHub said: ${errorMessage(e)})${hint ? `; ${hint}` : ''}`);

/** The open release pull request of `base`, if any. */
export async function findOpenReleasePr(
  gh: GitHubClient,
  repo: RepoCoordinates,
  base: string,
): Promise<ReleasePr | undefined> {
  const { head, pulls } = await releasePrs(gh, repo, base, { state: 'open', per_page: 10 });
  const hit = pulls.find((p) => p.head.ref === head && p.base.ref === base);
  return hit ? pr(hit) : undefined;
}

/** The pull requests from `release-actions/<base>` into `base` that `query` selects. */
async function releasePrs(
  gh: GitHubClient,
  repo: RepoCoordinates,
  base: string,
  query: { state: 'open' | 'closed'; per_page: number; sort?: 'updated'; direction?: 'desc' },
): Promise<{ head: string; pulls: ApiPull[] }> {
  const head = releasePrBranch(base);
  const r = await gh.rest.rest.pulls
    .list({ ...repo, head: `${repo.owner}:${head}`, base, ...query })
    .catch((e: unknown) => {
      throw api(`listing the ${query.state} pull requests from ${head}`, e);
    });
  return { head, pulls: r.data as ApiPull[] };
}

/** Open the release pull request, or update the open one (title, body); never a second. */
export async function upsertReleasePr(
  gh: GitHubClient,
  repo: RepoCoordinates,
  o: { base: string; title: string; body: string },
): Promise<{ pr: ReleasePr; change: 'opened' | 'updated' | 'unchanged' }> {
  const head = releasePrBranch(o.base);
  const open = await findOpenReleasePr(gh, repo, o.base);
  if (open) {
    if (open.title === o.title && open.body === o.body) return { pr: open, change: 'unchanged' };
    const r = await gh.rest.rest.pulls
      .update({ ...repo, pull_number: open.number, title: o.title, body: o.body })
      .catch((e: unknown) => {
        throw api(`updating release pull request #${open.number}`, e);
      });
    return { pr: pr(r.data as ApiPull), change: 'updated' };
  }
  try {
    const r = await gh.rest.rest.pulls.create({ ...repo, head, base: o.base, title: o.title, body: o.body });
    return { pr: pr(r.data as ApiPull), change: 'opened' };
  } catch (e) {
    // A lost answer, or a concurrent run: the PR may exist now. Look before saying it failed.
    const after = await findOpenReleasePr(gh, repo, o.base).catch(() => undefined);
    if (after) return { pr: after, change: 'opened' };
    const forbidden = (e as { status?: number }).status === 403;
    throw api(
      `opening the release pull request ${head} → ${o.base}`,
      e,
      forbidden
        ? 'the token needs pull-requests: write; with GITHUB_TOKEN, the repository (or organization) setting "Allow GitHub Actions to create and approve pull requests" must be on, or pass a GitHub App or PAT token as `token` (docs/protected-branches.md)'
        : '',
    );
  }
}

/** The label exists on the repository (created with its colour and description when missing). */
export async function ensureLabel(gh: GitHubClient, repo: RepoCoordinates, name: string): Promise<void> {
  try {
    await gh.rest.rest.issues.getLabel({ ...repo, name });
    return;
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw api(`reading the label "${name}"`, e);
  }
  const spec = LABELS[name] ?? { color: 'ededed', description: '' };
  try {
    await gh.rest.rest.issues.createLabel({ ...repo, name, ...spec });
  } catch (e) {
    // Created meanwhile by a concurrent run: fine.
    if ((e as { status?: number }).status !== 422) throw api(`creating the label "${name}"`, e);
  }
}

/** Give the pull request `label` and take away `remove` (when it has them); returns whether anything changed. */
export async function relabel(
  gh: GitHubClient,
  repo: RepoCoordinates,
  p: ReleasePr,
  label: string,
  remove: string[] = [],
): Promise<boolean> {
  let changed = false;
  if (!p.labels.includes(label)) {
    await ensureLabel(gh, repo, label);
    await gh.rest.rest.issues.addLabels({ ...repo, issue_number: p.number, labels: [label] }).catch((e: unknown) => {
      throw api(`labelling pull request #${p.number} "${label}"`, e);
    });
    p.labels.push(label);
    changed = true;
  }
  for (const name of remove.filter((l) => p.labels.includes(l))) {
    try {
      await gh.rest.rest.issues.removeLabel({ ...repo, issue_number: p.number, name });
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw api(`removing the label "${name}" of #${p.number}`, e);
    }
    p.labels = p.labels.filter((l) => l !== name);
    changed = true;
  }
  return changed;
}

/**
 * The merged release pull request `commit` (the release branch's tip) came from, if it did: a pull request that
 * GitHub associates with the commit, merged into `base` from `release-actions/<base>`, labelled pending or tagged.
 */
export async function mergedReleasePr(
  gh: GitHubClient,
  repo: RepoCoordinates,
  o: { commit: string; base: string },
): Promise<ReleasePr | undefined> {
  const head = releasePrBranch(o.base);
  const r = await gh.rest.rest.repos
    .listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: o.commit, per_page: 20 })
    .catch((e: unknown) => {
      throw api(`asking GitHub which pull request ${o.commit.slice(0, 12)} belongs to`, e);
    });
  const hit = (r.data as ApiPull[]).find(
    (p) =>
      p.head.ref === head &&
      p.base.ref === o.base &&
      Boolean(p.merged_at) &&
      p.merge_commit_sha === o.commit &&
      p.labels.some((l) =>
        [RELEASE_PR_PENDING, RELEASE_PR_TAGGED].includes(typeof l === 'string' ? l : (l.name ?? '')),
      ),
  );
  return hit ? pr(hit) : undefined;
}

/** The newest release pull request of `base` merged but still labelled pending (its release has not finished). */
export async function mergedPendingReleasePr(
  gh: GitHubClient,
  repo: RepoCoordinates,
  base: string,
): Promise<ReleasePr | undefined> {
  const { head, pulls } = await releasePrs(gh, repo, base, {
    state: 'closed',
    sort: 'updated',
    direction: 'desc',
    per_page: 5,
  });
  const hit = pulls.find(
    (p) =>
      p.head.ref === head &&
      Boolean(p.merged_at) &&
      p.labels.some((l) => (typeof l === 'string' ? l : l.name) === RELEASE_PR_PENDING),
  );
  return hit ? pr(hit) : undefined;
}
