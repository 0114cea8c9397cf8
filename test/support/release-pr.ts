/**
 * A protected GitHub repository for the release-PR tests: a bare remote whose pre-receive hook answers a push to
 * main as GitHub does under branch protection (GH006), a GitHub double serving that same repository (so a commit
 * made through the git data API, and a merge made through pulls/merge, are real commits of the remote), and the
 * moves a maintainer makes there: another PR landing on main, a release PR merged, a head branch edited by hand.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { type GitHubDouble, startGitHubDouble } from './github/index.js';
import type { RunActionOptions } from './run-action.js';
import { createBareRemote, createRepo } from './services/index.js';

export const OWNER_REPO = { owner: 'acme', repo: 'widget' };

/** GitHub's words for a push to a protected branch; every other ref is accepted. */
const protectedMainHook = [
  '#!/bin/sh',
  'while read old new ref; do',
  '  [ "$ref" != refs/heads/main ] && continue',
  '  echo "error: GH006: Protected branch update failed for refs/heads/main." >&2',
  '  echo "error: Changes must be made through a pull request." >&2',
  '  exit 1',
  'done',
  '',
].join('\n');

export interface ProtectedRepo {
  gh: GitHubDouble;
  /** The checkout (the runner's workspace). */
  dir: string;
  /** git in the bare remote; trimmed stdout. */
  remoteGit(...args: string[]): string;
  /** The options that point the runner emulator at this checkout and its double, as run `runId` (attempt). */
  runOptions(runId: string, runAttempt?: number): RunActionOptions;
  /** The checkout follows main on the remote, as a new workflow run's checkout would. */
  followMain(): Promise<void>;
  /** Another pull request lands on main with these files (GitHub moves the branch; a push would be refused). */
  land(message: string, files: Record<string, string>): Promise<string>;
  /** Merge pull request `n` as GitHub does (a merge commit on main); the merge commit. */
  merge(n: number): Promise<string>;
  /** A hand-made commit on the release PR's head branch (release-actions/main), opened as a labelled PR. */
  handMadeReleasePr(o: { message: string; files: Record<string, string>; label: string }): Promise<number>;
  close(): Promise<void>;
}

/**
 * A repository of `files` with `tags` on its first commit and one commit after them, pushed; then main protected
 * and served through a GitHub double accepting `token`.
 */
export async function protectedRepo(o: {
  files: Record<string, string>;
  tags: string[];
  token: string;
}): Promise<ProtectedRepo> {
  const { token } = o;
  const remote = await createBareRemote();
  const repo = await createRepo({ remote, files: o.files });
  for (const t of o.tags) await repo.git('tag', '-a', t, '-m', t);
  await repo.git('commit', '--allow-empty', '-q', '-m', 'chore: after the tags');
  await repo.git('push', '-q', '--follow-tags', 'origin', 'main');
  const hook = join(remote.dir, 'hooks', 'pre-receive');
  writeFileSync(hook, protectedMainHook);
  chmodSync(hook, 0o755);
  const gh = await startGitHubDouble({ ...OWNER_REPO, tokens: [token], gitDir: remote.dir });
  const octokit = getOctokit(token, { baseUrl: gh.url });
  const remoteGit = (...args: string[]) =>
    execFileSync('git', ['--git-dir', remote.dir, ...args], { encoding: 'utf8' }).trim();
  const followMain = async () => {
    await repo.git('fetch', '-q', 'origin');
    await repo.git('reset', '-q', '--hard', 'origin/main');
  };
  /** A commit on main's tip with `files`, pushed to `ref` (main itself only by moving it in the remote). */
  const commitOnMain = async (message: string, files: Record<string, string>, ref: string) => {
    await followMain();
    for (const [path, text] of Object.entries(files)) writeFileSync(join(repo.dir, path), text);
    await repo.git('add', '-A');
    await repo.git('commit', '-q', '--allow-empty', '-m', message);
    const sha = await repo.git('rev-parse', 'HEAD');
    await repo.git('push', '-q', '-f', 'origin', `${sha}:${ref}`);
    return sha;
  };
  return {
    gh,
    dir: repo.dir,
    remoteGit,
    runOptions: (runId, runAttempt = 1) => ({
      runId,
      runAttempt,
      cwd: repo.dir,
      token,
      apiUrl: gh.url,
      graphqlUrl: gh.graphqlUrl,
      serverUrl: gh.serverUrl,
      repository: `${OWNER_REPO.owner}/${OWNER_REPO.repo}`,
    }),
    followMain,
    land: async (message, files) => {
      const sha = await commitOnMain(message, files, 'refs/heads/landing');
      remoteGit('update-ref', 'refs/heads/main', sha);
      remoteGit('update-ref', '-d', 'refs/heads/landing');
      return sha;
    },
    merge: async (n) => (await octokit.rest.pulls.merge({ ...OWNER_REPO, pull_number: n })).data.sha,
    handMadeReleasePr: async (o) => {
      await commitOnMain(o.message, o.files, 'refs/heads/release-actions/main');
      const pr = await octokit.rest.pulls.create({
        ...OWNER_REPO,
        head: 'release-actions/main',
        base: 'main',
        title: 'chore(release): by hand',
      });
      await octokit.rest.issues.addLabels({ ...OWNER_REPO, issue_number: pr.data.number, labels: [o.label] });
      return pr.data.number;
    },
    close: async () => {
      await gh.close();
      await repo.cleanup();
      await remote.cleanup();
    },
  };
}
