import { createHash } from 'node:crypto';
/**
 * Factories turning the double's state records into GitHub REST JSON: simple-user, repository,
 * git-ref, git-tag, commit, release, release-asset, deployment, deployment-status, environment,
 * content-file, file-commit, issue, label, pull-request-simple, pull-request.
 *
 * They fill every field the OpenAPI description marks as required (the double validates its own
 * responses against it), with URLs built from the double's base URL, so a client that follows a URL
 * it was given (`upload_url`, `url`) comes back to the double.
 */
import type {
  AssetRecord,
  CommentRecord,
  CommitRecord,
  TreeEntryRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  EnvironmentRecord,
  FileRecord,
  GitHubState,
  IssueRecord,
  PullRequestRecord,
  ReleaseRecord,
  TagObjectRecord,
  TokenPermissions,
  UserRecord,
} from './state.js';

/** Where the double is reachable. */
export interface Urls {
  /** REST root, e.g. `http://127.0.0.1:4567` or `http://127.0.0.1:4567/api/v3`. */
  api: string;
  /** "Web" root for `html_url`s: the origin. */
  web: string;
  /** Upload root (`upload_url`), e.g. `http://127.0.0.1:4567/uploads` or `.../api/uploads`. */
  uploads: string;
}

type J = Record<string, unknown>;

export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`04:${type}${id}`).toString('base64').replace(/=+$/, '');
}

const EPOCH = '2020-01-01T00:00:00Z';

export function simpleUser(u: UserRecord, urls: Urls): J {
  const api = `${urls.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type, u.id),
    avatar_url: `${urls.web}/avatars/u/${u.id}`,
    gravatar_id: '',
    url: api,
    html_url:
      u.type === 'Bot'
        ? `${urls.web}/apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ''))}`
        : `${urls.web}/${encodeURIComponent(u.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    site_admin: false,
  };
}

/** `GET /user` (private-user) fields on top of simple-user. */
export function privateUser(u: UserRecord, urls: Urls): J {
  return {
    ...simpleUser(u, urls),
    name: u.name,
    company: null,
    blog: null,
    location: null,
    email: u.email,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: EPOCH,
    updated_at: EPOCH,
    private_gists: 0,
    total_private_repos: 1,
    owned_private_repos: 1,
    disk_usage: 1,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

function repoApi(state: GitHubState, urls: Urls): string {
  return `${urls.api}/repos/${state.owner}/${state.repo}`;
}

function repoWeb(state: GitHubState, urls: Urls): string {
  return `${urls.web}/${state.owner}/${state.repo}`;
}

/** The repository (full-repository; also valid as `repository`), with `permissions` for the token. */
export function repository(state: GitHubState, urls: Urls, perms?: Required<TokenPermissions>): J {
  const api = repoApi(state, urls);
  const web = repoWeb(state, urls);
  const owner = simpleUser(state.user(state.owner), urls);
  const write = (a?: string): boolean => a === 'write';
  const repo: J = {
    id: state.repoId,
    node_id: nodeId('Repository', state.repoId),
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner,
    private: state.private,
    visibility: state.private ? 'private' : 'public',
    html_url: web,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${new URL(urls.web).host}/${state.owner}/${state.repo}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${new URL(urls.web).hostname}:${state.owner}/${state.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: web,
    homepage: null,
    language: 'TypeScript',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 100,
    default_branch: state.defaultBranch,
    open_issues: state.issues.filter((i) => i.state === 'open').length,
    open_issues_count: state.issues.filter((i) => i.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    network_count: 0,
    subscribers_count: 0,
    license: null,
  };
  if (perms) {
    repo.permissions = {
      admin: write(perms.administration),
      maintain: write(perms.administration),
      push: write(perms.contents),
      triage: write(perms.issues) || write(perms.pull_requests),
      pull: perms.contents !== 'none',
    };
  }
  return repo;
}

export function gitRef(state: GitHubState, urls: Urls, ref: string, sha: string): J {
  const type = state.objectType(sha);
  return {
    ref,
    node_id: nodeId('Ref', ref),
    url: `${repoApi(state, urls)}/git/${ref}`,
    object: { type, sha, url: `${repoApi(state, urls)}/git/${type === 'tag' ? 'tags' : 'commits'}/${sha}` },
  };
}

export function gitTag(state: GitHubState, urls: Urls, t: TagObjectRecord): J {
  const api = repoApi(state, urls);
  return {
    node_id: nodeId('Tag', t.sha),
    tag: t.tag,
    sha: t.sha,
    url: `${api}/git/tags/${t.sha}`,
    message: t.message,
    tagger: t.tagger,
    object: { type: t.object.type, sha: t.object.sha, url: `${api}/git/${t.object.type}s/${t.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** `GET /repos/{o}/{r}/commits/{ref}` (commit). */
export function commit(state: GitHubState, urls: Urls, c: CommitRecord): J {
  const api = repoApi(state, urls);
  const web = repoWeb(state, urls);
  const login = (l: string | null): J | null => (l ? simpleUser(state.user(l), urls) : null);
  return {
    url: `${api}/commits/${c.sha}`,
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    html_url: `${web}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: login(c.authorLogin),
    committer: login(c.committerLogin),
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${web}/commit/${p}` })),
    stats: { additions: 0, deletions: 0, total: 0 },
    files: [],
  };
}

export function releaseAsset(state: GitHubState, urls: Urls, a: AssetRecord, release: ReleaseRecord): J {
  return {
    url: `${repoApi(state, urls)}/releases/assets/${a.id}`,
    browser_download_url: `${repoWeb(state, urls)}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: nodeId('ReleaseAsset', a.id),
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.contentType,
    size: a.data.length,
    // GitHub computes the digest of every asset uploaded since June 2025.
    digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}`,
    download_count: 0,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    uploader: simpleUser(state.user(a.uploader), urls),
  };
}

export function release(state: GitHubState, urls: Urls, r: ReleaseRecord): J {
  const api = repoApi(state, urls);
  const web = repoWeb(state, urls);
  const tagPath = encodeURIComponent(r.tagName);
  return {
    url: `${api}/releases/${r.id}`,
    html_url: r.draft ? `${web}/releases/tag/untagged-${r.id}` : `${web}/releases/tag/${tagPath}`,
    assets_url: `${api}/releases/${r.id}/assets`,
    upload_url: `${urls.uploads}/repos/${state.owner}/${state.repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: r.draft ? null : `${api}/tarball/${tagPath}`,
    zipball_url: r.draft ? null : `${api}/zipball/${tagPath}`,
    id: r.id,
    node_id: nodeId('Release', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: simpleUser(state.user(r.author), urls),
    assets: r.assets.map((a) => releaseAsset(state, urls, a, r)),
  };
}

export function deployment(state: GitHubState, urls: Urls, d: DeploymentRecord): J {
  const api = repoApi(state, urls);
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: simpleUser(state.user(d.creator), urls),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  };
}

export function deploymentStatus(state: GitHubState, urls: Urls, d: DeploymentRecord, s: DeploymentStatusRecord): J {
  const api = repoApi(state, urls);
  return {
    url: `${api}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: simpleUser(state.user(s.creator), urls),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `${api}/deployments/${d.id}`,
    repository_url: api,
    // GitHub sends "" for unset URLs (the description says format: uri; the validator accepts "").
    environment_url: s.environmentUrl,
    log_url: s.logUrl || s.targetUrl,
  };
}

export function environment(state: GitHubState, urls: Urls, e: EnvironmentRecord): J {
  const rules: J[] = [];
  if (e.waitTimer > 0)
    rules.push({
      id: e.id * 10 + 1,
      node_id: nodeId('Gate', e.id * 10 + 1),
      type: 'wait_timer',
      wait_timer: e.waitTimer,
    });
  if (e.reviewers.length) {
    rules.push({
      id: e.id * 10 + 2,
      node_id: nodeId('Gate', e.id * 10 + 2),
      type: 'required_reviewers',
      prevent_self_review: e.preventSelfReview,
      reviewers: e.reviewers.map((r) => {
        const user = [...state.users.values()].find((u) => u.id === r.id);
        return { type: r.type, reviewer: user ? simpleUser(user, urls) : { id: r.id } };
      }),
    });
  }
  return {
    id: e.id,
    node_id: nodeId('Environment', e.id),
    name: e.name,
    url: `${repoApi(state, urls)}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${repoWeb(state, urls)}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    protection_rules: rules,
    deployment_branch_policy: e.deploymentBranchPolicy,
  };
}

function contentLinks(state: GitHubState, urls: Urls, path: string, sha: string, type: 'file' | 'dir'): J {
  const api = repoApi(state, urls);
  const self = `${api}/contents/${path}?ref=${state.defaultBranch}`;
  const git = `${api}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${repoWeb(state, urls)}/${type === 'file' ? 'blob' : 'tree'}/${state.defaultBranch}/${path}`;
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha,
    url: self,
    html_url: html,
    git_url: git,
    download_url:
      type === 'file' ? `${urls.web}/raw/${state.owner}/${state.repo}/${state.defaultBranch}/${path}` : null,
    type,
    _links: { self, git, html },
  };
}

export function contentFile(state: GitHubState, urls: Urls, f: FileRecord): J {
  const b64 = f.content.toString('base64').replace(/(.{60})/g, '$1\n');
  return {
    ...contentLinks(state, urls, f.path, f.sha, 'file'),
    size: f.content.length,
    encoding: 'base64',
    content: b64,
  };
}

/** One entry of a directory listing (content-directory item). */
export function contentEntry(state: GitHubState, urls: Urls, path: string, f: FileRecord | undefined): J {
  return {
    ...contentLinks(state, urls, path, f?.sha ?? '0'.repeat(40), f ? 'file' : 'dir'),
    size: f?.content.length ?? 0,
  };
}

export function fileCommit(state: GitHubState, urls: Urls, f: FileRecord | null, c: CommitRecord): J {
  const api = repoApi(state, urls);
  const full = commit(state, urls, c);
  return {
    content: f ? { ...contentLinks(state, urls, f.path, f.sha, 'file'), size: f.content.length } : null,
    commit: {
      sha: c.sha,
      node_id: full.node_id,
      url: `${api}/git/commits/${c.sha}`,
      html_url: full.html_url,
      author: c.author,
      committer: c.committer,
      message: c.message,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      parents: full.parents,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
  };
}

export function label(state: GitHubState, urls: Urls, name: string): J {
  const id = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_000, 7);
  const defined = state.labelMap.get(name);
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${repoApi(state, urls)}/labels/${encodeURIComponent(name)}`,
    name,
    description: defined?.description ?? '',
    color: defined?.color ?? 'ededed',
    default: false,
  };
}

export function issue(state: GitHubState, urls: Urls, i: IssueRecord): J {
  const api = repoApi(state, urls);
  const url = `${api}/issues/${i.number}`;
  return {
    id: i.id,
    node_id: nodeId('Issue', i.id),
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${repoWeb(state, urls)}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    title: i.title,
    body: i.body,
    user: simpleUser(state.user(i.user), urls),
    labels: i.labels.map((l) => label(state, urls, l)),
    assignee: i.assignees[0] ? simpleUser(state.user(i.assignees[0]), urls) : null,
    assignees: i.assignees.map((a) => simpleUser(state.user(a), urls)),
    milestone: null,
    locked: false,
    comments: 0,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    author_association: 'NONE',
  };
}

export function issueComment(state: GitHubState, urls: Urls, c: CommentRecord): J {
  const api = repoApi(state, urls);
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${repoWeb(state, urls)}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issueNumber}`,
    body: c.body,
    user: simpleUser(state.user(c.user), urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'NONE',
  };
}

function prBranch(state: GitHubState, urls: Urls, ref: string, sha: string): J {
  return {
    label: `${state.owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(state.user(state.owner), urls),
    repo: repository(state, urls),
  };
}

export function pullRequestSimple(state: GitHubState, urls: Urls, p: PullRequestRecord): J {
  const api = repoApi(state, urls);
  const web = repoWeb(state, urls);
  const url = `${api}/pulls/${p.number}`;
  const html = `${web}/pull/${p.number}`;
  return {
    url,
    id: p.id,
    node_id: nodeId('PullRequest', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: simpleUser(state.user(p.user), urls),
    body: p.body,
    labels: p.labels.map((l) => label(state, urls, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: prBranch(state, urls, p.headRef, p.headSha),
    base: prBranch(state, urls, p.baseRef, p.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${p.number}` },
      comments: { href: `${api}/issues/${p.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${p.headSha}` },
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
}

export function pullRequest(state: GitHubState, urls: Urls, p: PullRequestRecord): J {
  return {
    ...pullRequestSimple(state, urls, p),
    merged: p.mergedAt !== null,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: p.mergedBy ? simpleUser(state.user(p.mergedBy), urls) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: Math.max(1, p.commits.length),
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function gitCommit(state: GitHubState, urls: Urls, c: CommitRecord): J {
  const api = repoApi(state, urls);
  const web = repoWeb(state, urls);
  return {
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${web}/commit/${p}` })),
    verification: c.signedByGitHub
      ? {
          verified: true,
          reason: 'valid',
          signature: '-----BEGIN PGP SIGNATURE-----\n(double)\n-----END PGP SIGNATURE-----',
          payload: `tree ${c.tree}`,
          verified_at: c.committer.date,
        }
      : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function gitTree(state: GitHubState, urls: Urls, sha: string, entries: TreeEntryRecord[]): J {
  const api = repoApi(state, urls);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === 'blob'
        ? { size: state.blobs.get(e.sha)?.length ?? 0, url: `${api}/git/blobs/${e.sha}` }
        : { url: `${api}/git/trees/${e.sha}` }),
    })),
  };
}
