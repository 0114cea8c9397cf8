/**
 * The double's repository as a real bare git repository (`startGitHubDouble({ gitDir })`): the one a test pushes
 * to with the git CLI is the one the git data API writes to, as on GitHub, where both are the same repository.
 * Blobs, trees and commits made through the API are real objects; refs made or moved through the API are real
 * refs (written with update-ref: GitHub's API does not run the pre-receive hooks a push meets); the branches and
 * tags read by every request are the repository's. Synchronous git (a test double in the test's process).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitTreeEdit {
  path: string;
  mode: string;
  /** null: the path is removed. */
  sha: string | null;
}

export class GitBacking {
  constructor(readonly gitDir: string) {}

  git(args: string[], o: { input?: string | Buffer; env?: Record<string, string> } = {}): string {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], {
      input: o.input,
      env: { ...process.env, ...o.env },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trim();
  }

  /** Branches and tags, full name → object sha (annotated tags: the tag object, as GitHub's refs API says). */
  refs(): Map<string, string> {
    const out = this.git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads', 'refs/tags']);
    return new Map(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ') as [string, string]),
    );
  }

  type(sha: string): string | undefined {
    try {
      return this.git(['cat-file', '-t', sha]);
    } catch {
      return undefined;
    }
  }

  writeBlob(content: Buffer): string {
    return this.git(['hash-object', '-w', '--stdin'], { input: content });
  }

  /** A tree from `base` (a tree sha, or none) with edits at any depth, as GitHub's create-tree does. */
  writeTree(base: string | undefined, edits: GitTreeEdit[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'gh-double-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      if (base) this.git(['read-tree', base], { env });
      else this.git(['read-tree', '--empty'], { env });
      for (const e of edits) {
        if (e.sha === null) this.git(['update-index', '--force-remove', '--', e.path], { env });
        else this.git(['update-index', '--add', '--cacheinfo', `${e.mode},${e.sha},${e.path}`], { env });
      }
      return this.git(['write-tree'], { env });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  writeCommit(o: {
    tree: string;
    parents: string[];
    message: string;
    author: { name: string; email: string };
    committer: { name: string; email: string };
  }): string {
    return this.git(['commit-tree', o.tree, ...o.parents.flatMap((p) => ['-p', p])], {
      input: o.message,
      env: {
        GIT_AUTHOR_NAME: o.author.name,
        GIT_AUTHOR_EMAIL: o.author.email,
        GIT_COMMITTER_NAME: o.committer.name,
        GIT_COMMITTER_EMAIL: o.committer.email,
      },
    });
  }

  /** The tree a merge of `head` into `base` would have, or undefined on a conflict. */
  mergeTree(base: string, head: string): string | undefined {
    try {
      return this.git(['merge-tree', '--write-tree', base, head]).split('\n')[0];
    } catch {
      return undefined;
    }
  }

  treeOf(commit: string): string {
    return this.git(['rev-parse', `${commit}^{tree}`]);
  }

  isAncestor(ancestor: string, of: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, of]);
      return true;
    } catch {
      return false;
    }
  }

  setRef(ref: string, sha: string | undefined): void {
    if (sha) this.git(['update-ref', ref, sha]);
    else this.git(['update-ref', '-d', ref]);
  }
}
