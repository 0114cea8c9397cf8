/**
 * The in-memory state of the GitHub API double: one repository with its git refs and commits,
 * releases and assets, deployments and statuses, environments, files, issues, pull requests, users
 * and tokens. Plain maps and arrays; the REST handlers and the GraphQL resolvers read and write it,
 * and tests seed it (`gh.state.addPullRequest(...)`) and read it back (`gh.state.releases`).
 *
 * Records here are the double's own model (camelCase); `factories.ts` turns them into GitHub's JSON.
 */
import { createHash } from 'node:crypto';
import { GitBacking } from './git-backing.js';

export type Access = 'none' | 'read' | 'write';

/** The permissions of a token, as a GitHub App installation token (GITHUB_TOKEN) has them. */
export interface TokenPermissions {
  contents?: Access;
  deployments?: Access;
  issues?: Access;
  pull_requests?: Access;
  /** Needed to create or update environments. */
  administration?: Access;
  actions?: Access;
  statuses?: Access;
  /** `attestations: write` creates artifact attestations (read: list them). */
  attestations?: Access;
}

export interface TokenConfig {
  token: string;
  /** The user or bot the token authenticates as (default `github-actions[bot]` for `ghs_`, else the owner). */
  login?: string;
  permissions?: TokenPermissions;
  /** Classic PAT scopes, sent back as `x-oauth-scopes` (not sent when undefined). */
  scopes?: string[];
}

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  name: string | null;
  email: string | null;
}

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface CommitRecord {
  sha: string;
  message: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  /** The GitHub user the author email maps to (null: no account). */
  authorLogin: string | null;
  committerLogin: string | null;
  /** Made through the git data API with no author or committer given: GitHub signs it (verified). */
  signedByGitHub?: boolean;
}

/** One entry of a git tree made through the git data API (`git/create-tree`). */
export interface TreeEntryRecord {
  path: string;
  mode: '100644' | '100755' | '040000' | '160000' | '120000';
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface TagObjectRecord {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: 'commit' | 'tag' | 'tree' | 'blob' };
  tagger: GitPerson;
}

export interface AssetRecord {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  uploader: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  makeLatest: 'true' | 'false' | 'legacy';
  author: string;
  createdAt: string;
  publishedAt: string | null;
  assets: AssetRecord[];
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';

export interface DeploymentStatusRecord {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creator: string;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  statuses: DeploymentStatusRecord[];
}

export interface EnvironmentRecord {
  id: number;
  name: string;
  waitTimer: number;
  preventSelfReview: boolean;
  reviewers: { type: 'User' | 'Team'; id: number }[];
  deploymentBranchPolicy: { protected_branches: boolean; custom_branch_policies: boolean } | null;
  createdAt: string;
  updatedAt: string;
}

export interface FileRecord {
  path: string;
  content: Buffer;
  sha: string;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface PullRequestRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  mergedBy: string | null;
  /** The commits of the PR; a commit is "associated" with the PR when it is here or is the merge commit. */
  commits: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface PullRequestSeed {
  number?: number;
  title: string;
  body?: string | null;
  /** Author login (created as a user when unknown). Default: `octocat`. */
  user?: string;
  /** Alias of `user`. */
  author?: string;
  state?: 'open' | 'closed';
  /** Default: `closed` + merged now when `mergeCommitSha` is given, else open. */
  merged?: boolean;
  mergedAt?: string | null;
  mergeCommitSha?: string | null;
  commits?: string[];
  headRef?: string;
  headSha?: string;
  baseRef?: string;
  labels?: string[];
  createdAt?: string;
}

export interface CommitSeed {
  sha?: string;
  message?: string;
  parents?: string[];
  author?: Partial<GitPerson> & { login?: string | null };
  committer?: Partial<GitPerson> & { login?: string | null };
}

/** `2024-05-01T10:00:00Z`, GitHub's timestamp format (no milliseconds). */
export function isoNow(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The git blob sha of `content`, as the contents API reports it. */
export function blobSha(content: Buffer): string {
  return sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
}

const HEX40 = /^[0-9a-f]{40}$/;

export const DEFAULT_PERMISSIONS: Required<TokenPermissions> = {
  contents: 'write',
  deployments: 'write',
  issues: 'write',
  pull_requests: 'write',
  administration: 'write',
  actions: 'write',
  statuses: 'write',
  attestations: 'write',
};

export interface AttestationRecord {
  id: number;
  /** The Sigstore bundle as uploaded (JSON). */
  bundle: Record<string, unknown>;
  /** `sha256:<hex>` of every subject of the bundle's in-toto statement. */
  subjectDigests: string[];
}

export interface StateOptions {
  owner: string;
  repo: string;
  defaultBranch?: string;
  private?: boolean;
  tokens?: (string | TokenConfig)[];
  /** Accept any 40-hex sha as an existing commit (created on first sight). Default true. */
  autoCreateCommits?: boolean;
  /** A bare git repository the double serves (git-backing.ts): its branches, tags and objects are the API's. */
  gitDir?: string;
}

export class GitHubState {
  readonly owner: string;
  readonly repo: string;
  readonly repoId = 1296269;
  defaultBranch: string;
  private: boolean;
  autoCreateCommits: boolean;
  readonly users = new Map<string, UserRecord>();
  readonly commits = new Map<string, CommitRecord>();
  /** Full ref name (`refs/heads/main`, `refs/tags/v1.0.0`) → object sha. */
  readonly refs = new Map<string, string>();
  /** Annotated tag objects by sha. */
  readonly tagObjects = new Map<string, TagObjectRecord>();
  /** Blobs and trees made through the git data API; a seeded commit's tree is known and empty. */
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, TreeEntryRecord[]>();
  readonly releaseMap = new Map<number, ReleaseRecord>();
  readonly deploymentMap = new Map<number, DeploymentRecord>();
  readonly environmentMap = new Map<string, EnvironmentRecord>();
  readonly files = new Map<string, FileRecord>();
  readonly issueMap = new Map<number, IssueRecord>();
  readonly pullMap = new Map<number, PullRequestRecord>();
  /** Artifact attestations (Sigstore bundles), in upload order. */
  readonly attestations: AttestationRecord[] = [];
  /** Issue and pull request comments, oldest first. */
  readonly comments: CommentRecord[] = [];
  readonly tokens = new Map<string, TokenConfig & { permissions: Required<TokenPermissions> }>();
  /** Labels defined on the repository (issues/create-label), by name. */
  readonly labelMap = new Map<string, { name: string; color: string; description: string | null }>();
  /** The real repository behind the git data API, when the double serves one (`gitDir`). */
  readonly git?: GitBacking;
  private nextId = 1000;
  private nextNumber = 1;

  constructor(options: StateOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.private = options.private ?? true;
    this.autoCreateCommits = options.autoCreateCommits ?? true;
    if (options.gitDir) this.git = new GitBacking(options.gitDir);
    this.addUser({ login: options.owner, type: 'Organization' });
    this.addUser({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    this.addUser({ login: 'octocat', name: 'The Octocat', email: 'octocat@github.com' });
    for (const t of options.tokens ?? ['ghs_test']) this.addToken(t);
    const root = this.addCommit({
      message: 'Initial commit',
      author: { name: 'The Octocat', email: 'octocat@github.com', login: 'octocat' },
    });
    this.refs.set(`refs/heads/${this.defaultBranch}`, root.sha);
  }

  /** A fresh id for any object (releases, deployments, assets...). */
  newId(): number {
    return this.nextId++;
  }

  /** The next issue / pull request number (they share one sequence, as on GitHub). */
  newNumber(): number {
    return this.nextNumber++;
  }

  // ---- tokens and users -------------------------------------------------------------------

  addToken(t: string | TokenConfig): void {
    const cfg = typeof t === 'string' ? { token: t } : t;
    const login = cfg.login ?? (cfg.token.startsWith('ghs_') ? 'github-actions[bot]' : 'octocat');
    this.addUser({ login });
    this.tokens.set(cfg.token, { ...cfg, login, permissions: { ...DEFAULT_PERMISSIONS, ...cfg.permissions } });
  }

  /** Changes the permissions of `token` (default: the first configured token). */
  setPermissions(permissions: TokenPermissions, token?: string): void {
    const t = token ? this.tokens.get(token) : [...this.tokens.values()][0];
    if (!t) throw new Error(`unknown token ${token ?? '(none configured)'}`);
    t.permissions = { ...t.permissions, ...permissions };
  }

  /** Makes `token` read-only for contents, deployments, issues, pull requests and administration. */
  setReadOnly(token?: string): void {
    this.setPermissions(
      {
        contents: 'read',
        deployments: 'read',
        issues: 'read',
        pull_requests: 'read',
        administration: 'read',
        actions: 'read',
        statuses: 'read',
      },
      token,
    );
  }

  addUser(u: {
    login: string;
    id?: number;
    type?: UserRecord['type'];
    name?: string | null;
    email?: string | null;
  }): UserRecord {
    const existing = this.users.get(u.login);
    if (existing) {
      if (u.name !== undefined) existing.name = u.name;
      if (u.email !== undefined) existing.email = u.email;
      return existing;
    }
    const rec: UserRecord = {
      login: u.login,
      id: u.id ?? this.newId(),
      type: u.type ?? (u.login.endsWith('[bot]') ? 'Bot' : 'User'),
      name: u.name ?? null,
      email: u.email ?? null,
    };
    this.users.set(u.login, rec);
    return rec;
  }

  user(login: string): UserRecord {
    return this.users.get(login) ?? this.addUser({ login });
  }

  // ---- git ---------------------------------------------------------------------------------

  addCommit(seed: CommitSeed = {}): CommitRecord {
    const date = isoNow();
    const person = (p: CommitSeed['author']): GitPerson => ({
      name: p?.name ?? 'The Octocat',
      email: p?.email ?? 'octocat@github.com',
      date: p?.date ?? date,
    });
    const parents = seed.parents ?? [];
    const message = seed.message ?? 'A commit';
    const sha = seed.sha ?? sha1(`commit ${message} ${parents.join(' ')} ${this.newId()}`);
    const login = (p: CommitSeed['author']): string | null => {
      if (p?.login === null) return null;
      const l = p?.login ?? [...this.users.values()].find((u) => u.email && u.email === p?.email)?.login ?? null;
      if (l) this.user(l);
      return l;
    };
    const rec: CommitRecord = {
      sha,
      message,
      tree: sha1(`tree ${sha}`),
      parents,
      author: person(seed.author),
      committer: person(seed.committer ?? seed.author),
      authorLogin: login(seed.author),
      committerLogin: login(seed.committer ?? seed.author),
    };
    this.commits.set(sha, rec);
    return rec;
  }

  /**
   * Adds commits on top of a branch (default: the default branch) and moves the branch.
   * Returns the new commits, oldest first.
   */
  addCommits(seeds: CommitSeed[], branch = this.defaultBranch): CommitRecord[] {
    let parent = this.refs.get(`refs/heads/${branch}`);
    const out: CommitRecord[] = [];
    for (const s of seeds) {
      const c = this.addCommit({ ...s, parents: s.parents ?? (parent ? [parent] : []) });
      out.push(c);
      parent = c.sha;
    }
    if (parent) this.refs.set(`refs/heads/${branch}`, parent);
    return out;
  }

  /** The commit `sha`, created on the fly for unknown 40-hex shas when `autoCreateCommits` is on. */
  commit(sha: string): CommitRecord | undefined {
    const c = this.commits.get(sha);
    if (c) return c;
    if (this.git) return this.commitFromGit(sha);
    if (this.autoCreateCommits && HEX40.test(sha)) return this.addCommit({ sha, message: `commit ${sha.slice(0, 7)}` });
    return undefined;
  }

  /** A commit of the real repository (pushed with git, not made through the API), read on first sight. */
  private commitFromGit(sha: string): CommitRecord | undefined {
    if (!this.git || !HEX40.test(sha) || this.git.type(sha) !== 'commit') return undefined;
    const [tree, parents, an, ae, ad, cn, ce, cd, ...msg] = this.git
      .git(['show', '-s', '--format=%T%n%P%n%an%n%ae%n%aI%n%cn%n%ce%n%cI%n%B', sha])
      .split('\n');
    const c = this.addCommit({
      sha,
      message: msg.join('\n').trim(),
      parents: (parents ?? '').split(' ').filter(Boolean),
      author: { name: an, email: ae, date: isoNow(new Date(ad ?? '')) },
      committer: { name: cn, email: ce, date: isoNow(new Date(cd ?? '')) },
    });
    c.tree = tree ?? c.tree;
    return c;
  }

  /** With a real repository behind: its branches and tags replace ours (a push moved them). */
  syncFromGit(): void {
    if (!this.git) return;
    for (const r of [...this.refs.keys()])
      if (r.startsWith('refs/heads/') || r.startsWith('refs/tags/')) this.refs.delete(r);
    for (const [r, sha] of this.git.refs()) this.refs.set(r, sha);
  }

  /** Sets a ref (`refs/tags/v1`, `tags/v1`, `heads/main`) to a sha. */
  setRef(ref: string, sha: string): void {
    this.refs.set(ref.startsWith('refs/') ? ref : `refs/${ref}`, sha);
  }

  /** The object type of a ref target: annotated tag or commit. */
  objectType(sha: string): 'commit' | 'tag' {
    return this.tagObjects.has(sha) ? 'tag' : 'commit';
  }

  /** Follows annotated tags down to the commit sha. */
  peel(sha: string): string {
    let s = sha;
    for (let i = 0; i < 10; i++) {
      const t = this.tagObjects.get(s);
      if (!t) return s;
      s = t.object.sha;
    }
    return s;
  }

  /** Resolves a commit-ish (sha, short sha, branch, tag, `heads/x`, `refs/tags/x`) to a commit sha. */
  resolve(commitish: string): string | undefined {
    if (HEX40.test(commitish)) return this.commit(commitish)?.sha;
    if (/^[0-9a-f]{7,39}$/.test(commitish)) {
      const hit = [...this.commits.keys()].find((k) => k.startsWith(commitish));
      if (hit) return hit;
    }
    const name = commitish.replace(/^refs\//, '');
    for (const candidate of [`refs/${name}`, `refs/heads/${name}`, `refs/tags/${name}`]) {
      const sha = this.refs.get(candidate);
      if (sha) return this.peel(sha);
    }
    return undefined;
  }

  // ---- releases ----------------------------------------------------------------------------

  get releases(): ReleaseRecord[] {
    return [...this.releaseMap.values()];
  }

  addRelease(seed: Partial<ReleaseRecord> & { tagName: string }): ReleaseRecord {
    const now = isoNow();
    const draft = seed.draft ?? false;
    const rec: ReleaseRecord = {
      id: this.newId(),
      targetCommitish: this.defaultBranch,
      name: seed.tagName,
      body: null,
      prerelease: false,
      makeLatest: 'true',
      author: 'github-actions[bot]',
      createdAt: now,
      publishedAt: draft ? null : now,
      assets: [],
      ...seed,
      draft,
    };
    this.releaseMap.set(rec.id, rec);
    if (!rec.draft) this.ensureTag(rec.tagName, rec.targetCommitish);
    return rec;
  }

  /** Creates `refs/tags/<tag>` at `commitish` when it does not exist (GitHub does this on publish). */
  ensureTag(tag: string, commitish: string): void {
    const ref = `refs/tags/${tag}`;
    if (this.refs.has(ref)) return;
    const sha = this.resolve(commitish) ?? this.resolve(this.defaultBranch);
    if (sha) this.refs.set(ref, sha);
  }

  // ---- deployments -------------------------------------------------------------------------

  get deployments(): DeploymentRecord[] {
    return [...this.deploymentMap.values()];
  }

  /** The latest status state of each deployment, by id: handy in assertions. */
  deploymentStates(): Record<number, DeploymentState | undefined> {
    return Object.fromEntries(this.deployments.map((d) => [d.id, d.statuses.at(-1)?.state]));
  }

  addDeployment(
    seed: Partial<DeploymentRecord> & { ref?: string; environment?: string; state?: DeploymentState },
  ): DeploymentRecord {
    const now = isoNow();
    const ref = seed.ref ?? this.defaultBranch;
    const environment = seed.environment ?? 'production';
    const rec: DeploymentRecord = {
      id: this.newId(),
      sha: seed.sha ?? this.resolve(ref) ?? ref,
      ref,
      task: 'deploy',
      environment,
      originalEnvironment: environment,
      description: null,
      payload: {},
      transientEnvironment: false,
      productionEnvironment: environment === 'production',
      creator: 'github-actions[bot]',
      createdAt: now,
      updatedAt: now,
      statuses: [],
      ...seed,
    };
    delete (rec as Partial<{ state: unknown }>).state;
    this.deploymentMap.set(rec.id, rec);
    this.ensureEnvironment(environment);
    if (seed.state) this.addDeploymentStatus(rec, { state: seed.state });
    return rec;
  }

  /**
   * Appends a status to a deployment. With `autoInactive` (GitHub's default) a `success` status marks
   * every other deployment of the same environment whose latest status is `success` as `inactive`.
   */
  addDeploymentStatus(
    deployment: DeploymentRecord,
    s: Partial<DeploymentStatusRecord> & { state: DeploymentState; autoInactive?: boolean },
  ): DeploymentStatusRecord {
    const now = isoNow();
    const environment = s.environment ?? deployment.environment;
    const rec: DeploymentStatusRecord = {
      id: this.newId(),
      description: '',
      targetUrl: '',
      logUrl: '',
      environmentUrl: '',
      creator: 'github-actions[bot]',
      createdAt: now,
      ...s,
      environment,
    };
    delete (rec as Partial<{ autoInactive: unknown }>).autoInactive;
    deployment.statuses.push(rec);
    deployment.environment = environment;
    deployment.updatedAt = now;
    if (rec.state === 'success' && (s.autoInactive ?? true)) {
      for (const other of this.deploymentMap.values()) {
        if (other.id === deployment.id || other.environment !== environment) continue;
        if (other.statuses.at(-1)?.state !== 'success') continue;
        other.statuses.push({
          ...rec,
          id: this.newId(),
          state: 'inactive',
          description: '',
          targetUrl: '',
          logUrl: '',
          environmentUrl: '',
        });
        other.updatedAt = now;
      }
    }
    return rec;
  }

  // ---- environments, files, issues, pull requests ------------------------------------------

  get environments(): EnvironmentRecord[] {
    return [...this.environmentMap.values()];
  }

  ensureEnvironment(name: string, patch: Partial<EnvironmentRecord> = {}): EnvironmentRecord {
    const now = isoNow();
    let env = this.environmentMap.get(name);
    if (!env) {
      env = {
        id: this.newId(),
        name,
        waitTimer: 0,
        preventSelfReview: false,
        reviewers: [],
        deploymentBranchPolicy: null,
        createdAt: now,
        updatedAt: now,
      };
      this.environmentMap.set(name, env);
    }
    if (Object.keys(patch).length) Object.assign(env, patch, { updatedAt: now });
    return env;
  }

  /** Writes a file on the default branch without a commit (seeding). */
  setFile(path: string, content: string | Buffer): FileRecord {
    const buf = typeof content === 'string' ? Buffer.from(content) : content;
    const rec = { path: path.replace(/^\/+/, ''), content: buf, sha: blobSha(buf) };
    this.files.set(rec.path, rec);
    return rec;
  }

  /** The text of a file, or undefined. */
  readFile(path: string): string | undefined {
    return this.files.get(path.replace(/^\/+/, ''))?.content.toString('utf8');
  }

  get issues(): IssueRecord[] {
    return [...this.issueMap.values()];
  }

  addIssue(seed: Partial<IssueRecord> & { title: string }): IssueRecord {
    const now = isoNow();
    const rec: IssueRecord = {
      number: this.newNumber(),
      id: this.newId(),
      body: null,
      state: 'open',
      labels: [],
      assignees: [],
      user: 'github-actions[bot]',
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      ...seed,
    };
    this.user(rec.user);
    this.issueMap.set(rec.number, rec);
    return rec;
  }

  get pullRequests(): PullRequestRecord[] {
    return [...this.pullMap.values()];
  }

  addPullRequest(seed: PullRequestSeed): PullRequestRecord {
    const now = isoNow();
    const number = seed.number ?? this.newNumber();
    if (seed.number !== undefined && seed.number >= this.nextNumber) this.nextNumber = seed.number + 1;
    const merged = seed.merged ?? (seed.mergedAt != null || seed.mergeCommitSha != null);
    const mergedAt = merged ? (seed.mergedAt ?? now) : null;
    const commits = seed.commits ?? [];
    for (const c of commits) this.commit(c);
    if (seed.mergeCommitSha) this.commit(seed.mergeCommitSha);
    const user = seed.user ?? seed.author ?? 'octocat';
    this.user(user);
    const rec: PullRequestRecord = {
      number,
      id: this.newId(),
      title: seed.title,
      body: seed.body ?? null,
      state: seed.state ?? (merged ? 'closed' : 'open'),
      user,
      labels: seed.labels ?? [],
      headRef: seed.headRef ?? `feature/${number}`,
      headSha: seed.headSha ?? commits.at(-1) ?? sha1(`head ${number}`),
      baseRef: seed.baseRef ?? this.defaultBranch,
      baseSha: this.resolve(seed.baseRef ?? this.defaultBranch) ?? sha1(`base ${number}`),
      mergeCommitSha: seed.mergeCommitSha ?? null,
      mergedAt,
      mergedBy: merged ? user : null,
      commits,
      createdAt: seed.createdAt ?? now,
      updatedAt: now,
      closedAt: merged || seed.state === 'closed' ? (mergedAt ?? now) : null,
    };
    this.pullMap.set(number, rec);
    return rec;
  }

  /** The entries of a tree made here, [] for a seeded commit's tree, undefined for an unknown sha. */
  treeEntries(sha: string): TreeEntryRecord[] | undefined {
    if (this.git) return this.git.type(sha) === 'tree' ? (this.trees.get(sha) ?? []) : undefined;
    const t = this.trees.get(sha);
    if (t) return t;
    return [...this.commits.values()].some((c) => c.tree === sha) ? [] : undefined;
  }

  /** Pull requests associated with a commit: it is one of their commits, head or merge commit. */
  pullsForCommit(sha: string): PullRequestRecord[] {
    return this.pullRequests.filter((p) => p.mergeCommitSha === sha || p.headSha === sha || p.commits.includes(sha));
  }
}
