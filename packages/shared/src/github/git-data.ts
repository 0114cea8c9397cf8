/**
 * A commit made through GitHub's git data API (blobs, a tree on the parent's, the commit, the branch ref), not
 * pushed: GitHub authors it and signs it (verified), which a branch or ruleset requiring signed commits accepts,
 * and no pre-receive rule of a push applies to the branch it lands on (changesets' `commitMode: github-api`).
 */
import { errorMessage, StageError } from '../util/errors.js';
import type { GitHubClient } from './client.js';

export interface RepoCoordinates {
  owner: string;
  repo: string;
}

export interface FileContent {
  /** Path relative to the repository root, forward slashes. */
  path: string;
  content: string;
}

export interface BranchCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  verified: boolean;
}

const status = (e: unknown) => (e as { status?: number }).status;

/** The commit a branch points to, or undefined when the branch does not exist. */
export async function branchCommit(
  gh: GitHubClient,
  repo: RepoCoordinates,
  branch: string,
): Promise<BranchCommit | undefined> {
  let sha: string;
  try {
    sha = (await gh.rest.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw new StageError(`reading branch ${branch} through the GitHub API failed: ${errorMessage(e)}`);
  }
  const c = (await gh.rest.rest.git.getCommit({ ...repo, commit_sha: sha })).data;
  return {
    sha,
    tree: c.tree.sha,
    parents: c.parents.map((p) => p.sha),
    message: c.message,
    verified: c.verification?.verified === true,
  };
}

/**
 * A file up to this size goes inside the create-tree request (GitHub writes its blob); a larger one is a blob of
 * its own first. Every POST costs about a second: GitHub asks clients to space writes a second apart, and the
 * client's throttling does, so a release of many packages would otherwise wait a second per manifest.
 */
const INLINE_MAX = 512 * 1024;

/** The tree: `files` over `baseTree`. Content-addressed, so making it again changes nothing. */
export async function writeTree(
  gh: GitHubClient,
  repo: RepoCoordinates,
  baseTree: string,
  files: FileContent[],
): Promise<string> {
  const tree = [];
  for (const f of files) {
    const entry = { path: f.path, mode: '100644' as const, type: 'blob' as const };
    if (Buffer.byteLength(f.content) <= INLINE_MAX) {
      tree.push({ ...entry, content: f.content });
      continue;
    }
    const blob = await gh.rest.rest.git.createBlob({
      ...repo,
      content: Buffer.from(f.content).toString('base64'),
      encoding: 'base64',
    });
    tree.push({ ...entry, sha: blob.data.sha });
  }
  return (await gh.rest.rest.git.createTree({ ...repo, base_tree: baseTree, tree })).data.sha;
}

/**
 * Point `branch` at a commit of `tree` on `parent` with `message`, made through the API. When the branch already
 * holds exactly that (same tree, same parent, same message), nothing is made: a re-run converges. Otherwise a
 * new commit, and the branch is created or force-updated (it is this tool's branch: its old commit is replaced).
 */
export async function commitToBranch(
  gh: GitHubClient,
  repo: RepoCoordinates,
  o: { branch: string; parent: string; baseTree: string; files: FileContent[]; message: string },
): Promise<{ commit: string; verified: boolean; change: 'created' | 'updated' | 'unchanged' }> {
  const current = await branchCommit(gh, repo, o.branch);
  const tree = await writeTree(gh, repo, o.baseTree, o.files);
  if (
    current &&
    current.tree === tree &&
    current.parents.length === 1 &&
    current.parents[0] === o.parent &&
    current.message.trim() === o.message.trim()
  ) {
    return { commit: current.sha, verified: current.verified, change: 'unchanged' };
  }
  // No author or committer: GitHub authors the commit and signs it.
  const made = (await gh.rest.rest.git.createCommit({ ...repo, message: o.message, tree, parents: [o.parent] })).data;
  const verified = made.verification?.verified === true;
  if (current) {
    await gh.rest.rest.git.updateRef({ ...repo, ref: `heads/${o.branch}`, sha: made.sha, force: true });
    return { commit: made.sha, verified, change: 'updated' };
  }
  try {
    await gh.rest.rest.git.createRef({ ...repo, ref: `refs/heads/${o.branch}`, sha: made.sha });
  } catch (e) {
    // Made meanwhile (a concurrent run, or a lost answer): ours replaces it.
    if (status(e) !== 422) throw e;
    await gh.rest.rest.git.updateRef({ ...repo, ref: `heads/${o.branch}`, sha: made.sha, force: true });
    return { commit: made.sha, verified, change: 'updated' };
  }
  return { commit: made.sha, verified, change: 'created' };
}
