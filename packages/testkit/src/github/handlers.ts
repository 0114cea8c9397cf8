/**
 * REST handlers of the GitHub API double, keyed by OpenAPI operationId.
 *
 * Each handler gets the already-validated request (path params, query, parsed body) and the state,
 * typed from its operation id (`operations.ts`: GitHub's published description, no field lists by hand),
 * and returns `{ status, body, headers }` or throws `ApiError` with GitHub's error body. The server
 * (`server.ts`) does routing, auth, permissions, validation and recording; handlers only implement
 * GitHub's behaviour over `GitHubState`, including the parts code under test relies on:
 * draft releases are invisible to get-by-tag, publishing creates the tag, `sha` compare-and-swap on
 * contents (409), non-fast-forward ref updates (422), `auto_inactive` deployment statuses.
 */
import type { Urls } from './factories.js';
import * as f from './factories.js';
import type { OperationId, PathParamName, PathParams, QueryName, RequestBody } from './operations.js';
import type {
  Access,
  EnvironmentRecord,
  GitHubState,
  ReleaseRecord,
  TokenConfig,
  TokenPermissions,
  TreeEntryRecord,
} from './state.js';
import { blobSha, isoNow, sha1 } from './state.js';

export const DOCS = 'https://docs.github.com/rest';

/** A request as the server routes it, before its operation types it (see `OperationRequest`). */
export interface RestRequest {
  method: string;
  /** Path relative to the API root, e.g. `/repos/acme/widget/releases`. */
  path: string;
  operationId: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** The parsed JSON body, validated; `{}` when an optional body was not sent. */
  body: unknown;
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
  token: TokenConfig & { login: string; permissions: Required<TokenPermissions> };
  state: GitHubState;
  urls: Urls;
  /** The token's rate-limit counters (after counting this request). */
  rate: { core: RateLimitInfo; graphql: RateLimitInfo };
}

/** Where the double serves release asset bytes (GitHub's are on another host, with a signed URL). */
export const DOWNLOAD_PREFIX = '/_release-asset-download';

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

export function notFound(message = 'Not Found'): ApiError {
  return new ApiError(404, { message, documentation_url: DOCS, status: '404' });
}

export function unprocessable(message: string, errors?: Record<string, unknown>[]): ApiError {
  return new ApiError(422, { message, documentation_url: DOCS, status: '422', ...(errors ? { errors } : {}) });
}

function alreadyExists(resource: string, field: string): ApiError {
  return unprocessable('Validation Failed', [{ resource, code: 'already_exists', field }]);
}

/** The JSON body of operation K as a handler reads it: an optional body that was not sent reads as `{}`. */
type Body<K extends OperationId> = NonNullable<RequestBody<K>>;

/** A request to operation K as its handler sees it: path parameters and JSON body typed by GitHub's description. */
export type OperationRequest<K extends OperationId> = Omit<RestRequest, 'params' | 'body'> & {
  params: PathParams<K>;
  body: Body<K>;
};

/** The permission an operation needs; undefined: metadata (always granted). */
type Permission = [keyof TokenPermissions, Exclude<Access, 'none'>];

interface Route<K extends OperationId> {
  permission?: Permission;
  handle(req: OperationRequest<K>): RestResponse;
}

/** A group of handlers, each typed by its key (`satisfies Routes` gives a handler its operation's request type). */
type Routes = { [K in OperationId]?: Route<K> };

/**
 * T with fields K present: where GitHub refuses a request without a field that its description leaves optional,
 * a handler narrows to this at that spot (the description lags GitHub; the double's validation follows it).
 */
type Present<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

function num(s: string | undefined): number {
  return Number(s);
}

/** What a lookup found, or GitHub's 404. */
function orNotFound<T>(value: T | undefined): T {
  if (!value) throw notFound();
  return value;
}

/** The record numbered `id` (a path parameter), or GitHub's 404. */
function found<T>(map: Map<number, T>, id: string | undefined): T {
  return orNotFound(map.get(num(id)));
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A query parameter operation K documents (its first value when repeated). */
function q<K extends OperationId>(req: OperationRequest<K>, name: QueryName<K>): string | undefined {
  return first(req.query[name]);
}

/** GET of one numbered record: the one the path parameter `id` names, as `format` represents it, or GitHub's 404. */
function getById<K extends OperationId, T>(
  permission: Permission,
  records: (state: GitHubState) => Map<number, T>,
  id: PathParamName<K>,
  format: (state: GitHubState, urls: Urls, item: T) => unknown,
): Route<K> {
  return {
    permission,
    handle: ({ state, urls, params }) => ok(format(state, urls, found(records(state), params[id]))),
  };
}

/** A page of `items`, each as `format` represents it (f.release, f.deployment…). */
function pageOf<T>(req: RestRequest, items: T[], format: (state: GitHubState, urls: Urls, item: T) => unknown) {
  return paged(
    req,
    items.map((item) => format(req.state, req.urls, item)),
  );
}

/** Slices a list by `per_page`/`page` and sets a `link` header like GitHub's. */
function paged<T>(req: RestRequest, items: T[], wrap?: (page: T[]) => unknown): RestResponse {
  const perPage = Math.min(100, Math.max(1, Number(first(req.query.per_page) ?? 30)));
  const page = Math.max(1, Number(first(req.query.page) ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  const link = (p: number, rel: string): string => {
    const u = new URL(req.urls.api + req.path);
    for (const [k, v] of Object.entries(req.query)) u.searchParams.set(k, Array.isArray(v) ? v.join(',') : v);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (links.length) headers.link = links.join(', ');
  return { status: 200, body: wrap ? wrap(slice) : slice, headers };
}

function ok(b: unknown, status = 200, headers?: Record<string, string>): RestResponse {
  return { status, body: b, headers };
}

/** 201 with the new resource and its location under the request's path, as GitHub answers a create. */
function created(req: RestRequest, resource: unknown, id: string | number): RestResponse {
  return ok(resource, 201, { location: `${req.urls.api}${req.path}/${id}` });
}

// ---- git ------------------------------------------------------------------------------------

function isAncestor(state: GitHubState, ancestor: string, of: string): boolean {
  if (state.git) return state.git.isAncestor(ancestor, of);
  const seen = new Set<string>();
  const stack = [of];
  while (stack.length) {
    const s = stack.pop() as string;
    if (s === ancestor) return true;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...(state.commits.get(s)?.parents ?? []));
  }
  return false;
}

function objectExists(state: GitHubState, sha: string): boolean {
  if (state.git) return state.git.type(sha) !== undefined;
  return state.tagObjects.has(sha) || state.commit(sha) !== undefined;
}

/** A create-tree entry: GitHub requires its `path`, `mode` and `type`, which its description leaves optional. */
type TreeEdit = Present<Body<'git/create-tree'>['tree'][number], 'path' | 'mode' | 'type'>;

/** create-tree in the real repository: paths at any depth, `sha: null` removes, `content` makes a blob. */
function gitTree(req: RestRequest, baseTree: string | undefined, tree: TreeEdit[]): RestResponse {
  const { state, urls } = req;
  const repo = state.git as NonNullable<GitHubState['git']>;
  const edits = tree.map((e) => {
    if (e.sha === null) return { path: e.path, mode: e.mode, sha: null };
    const sha = e.content !== undefined ? repo.writeBlob(Buffer.from(e.content)) : e.sha;
    if (!sha || repo.type(sha) !== e.type) throw unprocessable(`tree.sha ${String(sha)} is not a valid ${e.type}`);
    return { path: e.path, mode: e.mode, sha };
  });
  const sha = repo.writeTree(baseTree, edits);
  const list = repo
    .git(['ls-tree', sha])
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [meta, path] = l.split('\t') as [string, string];
      const [mode, type, entry] = meta.split(' ') as [TreeEntryRecord['mode'], TreeEntryRecord['type'], string];
      return { path, mode, type, sha: entry };
    });
  state.trees.set(sha, list);
  return created(req, f.gitTree(state, urls, sha, list), sha);
}

const git = {
  'git/get-ref': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params }) => {
      const ref = `refs/${params.ref}`;
      const sha = state.refs.get(ref);
      if (!sha) throw notFound();
      return ok(f.gitRef(state, urls, ref, sha));
    },
  },
  'git/list-matching-refs': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params }) => {
      const prefix = `refs/${params.ref}`;
      const refs = [...state.refs.entries()]
        .filter(([r]) => r.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b));
      return ok(refs.map(([r, s]) => f.gitRef(state, urls, r, s)));
    },
  },
  'git/create-ref': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls } = req;
      const { ref, sha } = req.body;
      if (!/^refs\/[^/]+\/.+/.test(ref))
        throw unprocessable("Reference name must start with 'refs' and have at least two slashes.");
      if (state.refs.has(ref)) throw unprocessable('Reference already exists');
      if (!objectExists(state, sha)) throw unprocessable('Object does not exist');
      state.git?.setRef(ref, sha);
      state.refs.set(ref, sha);
      return ok(f.gitRef(state, urls, ref, sha), 201, {
        location: `${urls.api}${req.path}/${ref.replace(/^refs\//, '')}`,
      });
    },
  },
  'git/update-ref': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, params } = req;
      const { sha, force } = req.body;
      const ref = `refs/${params.ref}`;
      const current = state.refs.get(ref);
      if (!current) throw unprocessable('Reference does not exist');
      if (!objectExists(state, sha)) throw unprocessable('Object does not exist');
      if (!force && current !== sha && !isAncestor(state, state.peel(current), state.peel(sha))) {
        throw unprocessable('Update is not a fast forward');
      }
      state.git?.setRef(ref, sha);
      state.refs.set(ref, sha);
      return ok(f.gitRef(state, urls, ref, sha));
    },
  },
  'git/delete-ref': {
    permission: ['contents', 'write'],
    handle: ({ state, params }) => {
      const ref = `refs/${params.ref}`;
      if (!state.refs.delete(ref)) throw unprocessable('Reference does not exist');
      state.git?.setRef(ref, undefined);
      return { status: 204 };
    },
  },
  'git/create-tag': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      if (!objectExists(state, b.object)) throw unprocessable('Object does not exist');
      const tagger = {
        name: b.tagger?.name ?? 'github-actions[bot]',
        email: b.tagger?.email ?? '41898282+github-actions[bot]@users.noreply.github.com',
        date: b.tagger?.date ?? isoNow(),
      };
      const sha = sha1(`tag ${b.tag} ${b.object} ${b.message} ${tagger.date} ${state.newId()}`);
      const rec = { sha, tag: b.tag, message: b.message, object: { sha: b.object, type: b.type }, tagger };
      state.tagObjects.set(sha, rec);
      return created(req, f.gitTag(state, urls, rec), sha);
    },
  },
  'git/create-blob': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      if (b.encoding !== undefined && b.encoding !== 'utf-8' && b.encoding !== 'base64')
        throw unprocessable(`encoding must be one of utf-8 or base64, got ${b.encoding}`);
      const buf = Buffer.from(b.content, b.encoding === 'base64' ? 'base64' : 'utf8');
      const sha = state.git ? state.git.writeBlob(buf) : blobSha(buf);
      state.blobs.set(sha, buf);
      const url = `${urls.api}/repos/${state.owner}/${state.repo}/git/blobs/${sha}`;
      return ok({ sha, url }, 201, { location: url });
    },
  },
  'git/create-tree': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      const tree = b.tree as TreeEdit[];
      const base = b.base_tree ? state.treeEntries(b.base_tree) : [];
      if (!base) throw unprocessable('base_tree is not a valid tree oid');
      if (state.git) return gitTree(req, b.base_tree, tree);
      const entries = new Map(base.map((e) => [e.path, e]));
      for (const e of tree) {
        if (e.sha === null) {
          entries.delete(e.path);
          continue;
        }
        let sha = e.sha;
        if (e.content !== undefined) {
          const buf = Buffer.from(e.content);
          sha = blobSha(buf);
          state.blobs.set(sha, buf);
        }
        if (!sha || (e.type === 'blob' && !state.blobs.has(sha)) || (e.type === 'tree' && !state.treeEntries(sha)))
          throw unprocessable(`tree.sha ${String(sha)} is not a valid ${e.type}`);
        entries.set(e.path, { path: e.path, mode: e.mode, type: e.type, sha });
      }
      const list = [...entries.values()].sort((x, y) => x.path.localeCompare(y.path));
      const sha = sha1(`tree ${list.map((e) => `${e.mode} ${e.path} ${e.sha}`).join('\n')}`);
      state.trees.set(sha, list);
      return created(req, f.gitTree(state, urls, sha, list), sha);
    },
  },
  'git/create-commit': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls } = req;
      // GitHub requires a committer's name and email, as an author's; its description leaves them optional.
      const b = req.body as Body<'git/create-commit'> & { committer?: Body<'git/create-commit'>['author'] };
      if (!state.treeEntries(b.tree)) throw unprocessable('Tree SHA does not exist');
      for (const p of b.parents ?? [])
        if (!state.commit(p)) throw unprocessable('Parent SHA does not exist or is not a commit object');
      // GitHub signs a commit it authors itself: no author, committer or signature given.
      const signed = !b.author && !b.committer && !b.signature;
      const bot = { name: 'GitHub', email: 'noreply@github.com' };
      const real = state.git?.writeCommit({
        tree: b.tree,
        parents: b.parents ?? [],
        message: b.message,
        author: b.author ?? bot,
        committer: b.committer ?? b.author ?? bot,
      });
      const c = state.addCommit({
        ...(real ? { sha: real } : {}),
        message: b.message,
        parents: b.parents ?? [],
        author: { ...(b.author ?? bot), login: null },
        committer: { ...(b.committer ?? b.author ?? bot), login: null },
      });
      c.tree = b.tree;
      c.signedByGitHub = signed;
      return created(req, f.gitCommit(state, urls, c), c.sha);
    },
  },
  'git/get-commit': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params }) => {
      const c = state.commits.get(params.commit_sha) ?? (state.git && state.commit(params.commit_sha));
      return ok(f.gitCommit(state, urls, orNotFound(c)));
    },
  },
  'git/get-tag': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params }) => {
      return ok(f.gitTag(state, urls, orNotFound(state.tagObjects.get(params.tag_sha))));
    },
  },
  'repos/get-commit': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params }) => {
      const sha = state.resolve(params.ref);
      const c = sha ? state.commit(sha) : undefined;
      if (!c) throw unprocessable(`No commit found for SHA: ${params.ref}`);
      return ok(f.commit(state, urls, c));
    },
  },
  'repos/list-tags': {
    permission: ['contents', 'read'],
    handle: (req) => {
      const { state, urls } = req;
      const api = `${urls.api}/repos/${state.owner}/${state.repo}`;
      const tags = [...state.refs.entries()]
        .filter(([r]) => r.startsWith('refs/tags/'))
        .map(([r, sha]) => {
          const name = r.slice('refs/tags/'.length);
          const commit = state.peel(sha);
          return {
            name,
            commit: { sha: commit, url: `${api}/commits/${commit}` },
            zipball_url: `${api}/zipball/${name}`,
            tarball_url: `${api}/tarball/${name}`,
            node_id: f.nodeId('Tag', name),
          };
        })
        .reverse();
      return paged(req, tags);
    },
  },
} satisfies Routes;

// ---- pulls ------------------------------------------------------------------------------------

const pulls = {
  'repos/list-pull-requests-associated-with-commit': {
    permission: ['pull_requests', 'read'],
    handle: (req) => {
      const { state, params } = req;
      const list = state.pullsForCommit(params.commit_sha).sort((a, b) => b.number - a.number);
      return pageOf(req, list, f.pullRequestSimple);
    },
  },
  'pulls/get': getById(['pull_requests', 'read'], (state) => state.pullMap, 'pull_number', f.pullRequest),
  'pulls/create': {
    permission: ['pull_requests', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      const head = b.head.replace(new RegExp(`^${state.owner}:`), '');
      const headSha = state.refs.get(`refs/heads/${head}`);
      const baseSha = state.refs.get(`refs/heads/${b.base}`);
      if (!headSha)
        throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
      if (!baseSha)
        throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      if (state.pullRequests.some((p) => p.state === 'open' && p.headRef === head && p.baseRef === b.base)) {
        throw unprocessable('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${state.owner}:${head}.`,
          },
        ]);
      }
      const p = state.addPullRequest({
        title: b.title ?? head,
        body: b.body ?? null,
        user: req.token.login,
        headRef: head,
        headSha,
        baseRef: b.base,
        commits: [headSha],
      });
      return created(req, f.pullRequest(state, urls, p), p.number);
    },
  },
  'pulls/update': {
    permission: ['pull_requests', 'write'],
    handle: (req) => {
      const { state, urls, params, body: b } = req;
      const p = found(state.pullMap, params.pull_number);
      if (b.base !== undefined) {
        if (!state.refs.has(`refs/heads/${b.base}`))
          throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
        p.baseRef = b.base;
      }
      if (b.title !== undefined) p.title = b.title;
      if (b.body !== undefined) p.body = b.body;
      if (b.state !== undefined && p.mergedAt === null) {
        p.state = b.state;
        p.closedAt = b.state === 'closed' ? isoNow() : null;
      }
      // The head branch may have moved since (a force-updated release branch): the PR shows its tip.
      p.headSha = state.refs.get(`refs/heads/${p.headRef}`) ?? p.headSha;
      p.updatedAt = isoNow();
      return ok(f.pullRequest(state, urls, p));
    },
  },
  'pulls/merge': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, params, body: b } = req;
      const p = found(state.pullMap, params.pull_number);
      const headSha = state.refs.get(`refs/heads/${p.headRef}`) ?? p.headSha;
      if (p.state !== 'open')
        throw new ApiError(405, { message: 'Pull Request is not mergeable', documentation_url: DOCS, status: '405' });
      if (b.sha && b.sha !== headSha)
        throw new ApiError(409, {
          message: 'Head branch was modified. Review and try the merge again.',
          documentation_url: DOCS,
          status: '409',
        });
      const base = state.refs.get(`refs/heads/${p.baseRef}`) as string;
      const method = b.merge_method ?? 'merge';
      const title =
        b.commit_title ??
        (method === 'merge'
          ? `Merge pull request #${p.number} from ${state.owner}/${p.headRef}`
          : `${p.title} (#${p.number})`);
      const message = `${title}\n\n${b.commit_message ?? (method === 'merge' ? p.title : (p.body ?? ''))}`.trim();
      const parents = method === 'merge' ? [base, headSha] : [base];
      const bot = { name: 'GitHub', email: 'noreply@github.com' };
      let sha: string;
      if (state.git) {
        const tree = state.git.mergeTree(base, headSha);
        if (!tree)
          throw new ApiError(405, { message: 'Pull Request is not mergeable', documentation_url: DOCS, status: '405' });
        sha = state.git.writeCommit({ tree, parents, message, author: bot, committer: bot });
        state.git.setRef(`refs/heads/${p.baseRef}`, sha);
        state.commit(sha);
      } else {
        sha = state.addCommit({ message, parents, author: { ...bot, login: null } }).sha;
      }
      state.refs.set(`refs/heads/${p.baseRef}`, sha);
      const now = isoNow();
      Object.assign(p, {
        state: 'closed',
        headSha,
        mergeCommitSha: sha,
        mergedAt: now,
        closedAt: now,
        updatedAt: now,
        mergedBy: req.token.login,
      });
      return ok({ sha, merged: true, message: 'Pull Request successfully merged' });
    },
  },
  'pulls/list': {
    permission: ['pull_requests', 'read'],
    handle: (req) => {
      const { state } = req;
      const st = q(req, 'state') ?? 'open';
      const base = q(req, 'base');
      const head = q(req, 'head');
      const list = state.pullRequests
        .filter((p) => st === 'all' || p.state === st)
        .filter((p) => !base || p.baseRef === base)
        .filter((p) => !head || `${state.owner}:${p.headRef}` === head || p.headRef === head)
        .sort((a, b) => b.number - a.number);
      return pageOf(req, list, f.pullRequestSimple);
    },
  },
} satisfies Routes;

// ---- releases ---------------------------------------------------------------------------------

function findRelease(state: GitHubState, id: string | undefined): ReleaseRecord {
  return found(state.releaseMap, id);
}

function newestFirst(a: ReleaseRecord, b: ReleaseRecord): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
}

const releases = {
  'repos/list-releases': {
    permission: ['contents', 'read'],
    handle: (req) => {
      const { state } = req;
      const drafts = req.token.permissions.contents === 'write';
      const list = state.releases.filter((r) => drafts || !r.draft).sort(newestFirst);
      return pageOf(req, list, f.release);
    },
  },
  'repos/create-release': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      const draft = b.draft ?? false;
      if (state.releases.some((r) => r.tagName === b.tag_name && !r.draft) && !draft)
        throw alreadyExists('Release', 'tag_name');
      const target = b.target_commitish ?? state.defaultBranch;
      if (!state.refs.has(`refs/tags/${b.tag_name}`) && !state.resolve(target)) {
        throw unprocessable('Validation Failed', [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }]);
      }
      const rec = state.addRelease({
        tagName: b.tag_name,
        targetCommitish: target,
        name: b.name ?? null,
        body: b.body ?? null,
        draft,
        prerelease: b.prerelease ?? false,
        makeLatest: b.make_latest ?? 'true',
        author: req.token.login,
      });
      return created(req, f.release(state, urls, rec), rec.id);
    },
  },
  'repos/get-release': getById(['contents', 'read'], (state) => state.releaseMap, 'release_id', f.release),
  'repos/get-release-by-tag': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params }) => {
      // GitHub does not return drafts here (they have no tag yet).
      return ok(f.release(state, urls, orNotFound(state.releases.find((x) => x.tagName === params.tag && !x.draft))));
    },
  },
  'repos/get-latest-release': {
    permission: ['contents', 'read'],
    handle: ({ state, urls }) => {
      const r = state.releases
        .filter((x) => !x.draft && !x.prerelease && x.makeLatest !== 'false')
        .sort(newestFirst)[0];
      if (!r) throw notFound();
      return ok(f.release(state, urls, r));
    },
  },
  'repos/update-release': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, params, body: b } = req;
      const r = findRelease(state, params.release_id);
      const tag = b.tag_name ?? r.tagName;
      const willBeDraft = b.draft ?? r.draft;
      if (!willBeDraft && state.releases.some((x) => x.id !== r.id && x.tagName === tag && !x.draft))
        throw alreadyExists('Release', 'tag_name');
      if (b.tag_name !== undefined) r.tagName = b.tag_name;
      if (b.target_commitish !== undefined) r.targetCommitish = b.target_commitish;
      if (b.name !== undefined) r.name = b.name;
      if (b.body !== undefined) r.body = b.body;
      if (b.prerelease !== undefined) r.prerelease = b.prerelease;
      if (b.make_latest !== undefined) r.makeLatest = b.make_latest;
      if (b.draft !== undefined) {
        if (r.draft && !b.draft) {
          r.publishedAt = isoNow();
          state.ensureTag(r.tagName, r.targetCommitish);
        }
        r.draft = b.draft;
      }
      return ok(f.release(state, urls, r));
    },
  },
  'repos/delete-release': {
    permission: ['contents', 'write'],
    handle: ({ state, params }) => {
      if (!state.releaseMap.delete(findRelease(state, params.release_id).id)) throw notFound();
      return { status: 204 };
    },
  },
  'repos/list-release-assets': {
    permission: ['contents', 'read'],
    handle: (req) => {
      const r = findRelease(req.state, req.params.release_id);
      return pageOf(req, r.assets, (state, urls, a) => f.releaseAsset(state, urls, a, r));
    },
  },
  'repos/upload-release-asset': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls } = req;
      const r = findRelease(state, req.params.release_id);
      const name = q(req, 'name') ?? '';
      if (r.assets.some((a) => a.name === name)) throw alreadyExists('ReleaseAsset', 'name');
      const now = isoNow();
      const asset = {
        id: state.newId(),
        name,
        label: q(req, 'label') ?? null,
        contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
        data: req.raw,
        uploader: req.token.login,
        createdAt: now,
        updatedAt: now,
      };
      r.assets.push(asset);
      return ok(f.releaseAsset(state, urls, asset, r), 201);
    },
  },
  'repos/get-release-asset': {
    permission: ['contents', 'read'],
    handle: ({ state, urls, params, headers }) => {
      const id = num(params.asset_id);
      const r = state.releases.find((x) => x.assets.some((a) => a.id === id));
      const a = r?.assets.find((x) => x.id === id);
      if (!r || !a) throw notFound();
      // The bytes: GitHub answers 302 to a short-lived download URL (served by the double under DOWNLOAD_PREFIX).
      if (/application\/octet-stream/.test(String(headers.accept ?? ''))) {
        return { status: 302, headers: { location: `${urls.web}${DOWNLOAD_PREFIX}/${a.id}` } };
      }
      return ok(f.releaseAsset(state, urls, a, r));
    },
  },
  'repos/delete-release-asset': {
    permission: ['contents', 'write'],
    handle: ({ state, params }) => {
      const id = num(params.asset_id);
      const r = state.releases.find((x) => x.assets.some((a) => a.id === id));
      if (!r) throw notFound();
      r.assets = r.assets.filter((a) => a.id !== id);
      return { status: 204 };
    },
  },
} satisfies Routes;

// ---- deployments and environments -------------------------------------------------------------

function findDeployment(state: GitHubState, id: string | undefined) {
  return found(state.deploymentMap, id);
}

const deployments = {
  'repos/list-deployments': {
    permission: ['deployments', 'read'],
    handle: (req) => {
      const { state } = req;
      const filters = {
        sha: q(req, 'sha'),
        ref: q(req, 'ref'),
        task: q(req, 'task'),
        environment: q(req, 'environment'),
      };
      const list = state.deployments
        .filter((d) => (!filters.sha || d.sha === filters.sha) && (!filters.ref || d.ref === filters.ref))
        .filter(
          (d) =>
            (!filters.task || d.task === filters.task) &&
            (!filters.environment || d.environment === filters.environment),
        )
        .sort((a, b) => b.id - a.id);
      return pageOf(req, list, f.deployment);
    },
  },
  'repos/create-deployment': {
    permission: ['deployments', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      const sha = state.resolve(b.ref);
      if (!sha) throw unprocessable(`No ref found for: ${b.ref}`);
      const environment = b.environment ?? 'production';
      const d = state.addDeployment({
        ref: b.ref,
        sha,
        task: b.task ?? 'deploy',
        payload: b.payload ?? {},
        environment,
        originalEnvironment: environment,
        description: b.description ?? null,
        transientEnvironment: b.transient_environment ?? false,
        productionEnvironment: b.production_environment ?? environment === 'production',
        creator: req.token.login,
      });
      return ok(f.deployment(state, urls, d), 201);
    },
  },
  'repos/get-deployment': getById(
    ['deployments', 'read'],
    (state) => state.deploymentMap,
    'deployment_id',
    f.deployment,
  ),
  'repos/delete-deployment': {
    permission: ['deployments', 'write'],
    handle: ({ state, params }) => {
      const d = findDeployment(state, params.deployment_id);
      const sameEnv = state.deployments.filter((x) => x.environment === d.environment);
      if (d.statuses.at(-1)?.state !== 'inactive' && sameEnv.length > 1) {
        throw unprocessable(
          'We cannot delete an active deployment unless it is the only deployment in a given environment.',
        );
      }
      state.deploymentMap.delete(d.id);
      return { status: 204 };
    },
  },
  'repos/list-deployment-statuses': {
    permission: ['deployments', 'read'],
    handle: (req) => {
      const d = findDeployment(req.state, req.params.deployment_id);
      return pageOf(req, [...d.statuses].reverse(), (state, urls, s) => f.deploymentStatus(state, urls, d, s));
    },
  },
  'repos/get-deployment-status': {
    permission: ['deployments', 'read'],
    handle: ({ state, urls, params }) => {
      const d = findDeployment(state, params.deployment_id);
      const s = orNotFound(d.statuses.find((x) => x.id === num(params.status_id)));
      return ok(f.deploymentStatus(state, urls, d, s));
    },
  },
  'repos/create-deployment-status': {
    permission: ['deployments', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      const d = findDeployment(state, req.params.deployment_id);
      if (b.environment) state.ensureEnvironment(b.environment);
      const s = state.addDeploymentStatus(d, {
        state: b.state,
        targetUrl: b.target_url ?? '',
        logUrl: b.log_url ?? '',
        description: b.description ?? '',
        environment: b.environment,
        environmentUrl: b.environment_url ?? '',
        creator: req.token.login,
        autoInactive: b.auto_inactive,
      });
      return ok(f.deploymentStatus(state, urls, d, s), 201);
    },
  },
  'repos/get-all-environments': {
    handle: (req) => {
      const list = req.state.environments.map((e) => f.environment(req.state, req.urls, e));
      return ok({ total_count: list.length, environments: list });
    },
  },
  'repos/get-environment': {
    handle: ({ state, urls, params }) => {
      return ok(f.environment(state, urls, orNotFound(state.environmentMap.get(params.environment_name))));
    },
  },
  'repos/create-or-update-environment': {
    permission: ['administration', 'write'],
    handle: (req) => {
      const { state, urls, params, body: b } = req;
      const patch: Parameters<GitHubState['ensureEnvironment']>[1] = {};
      if (b.wait_timer !== undefined) patch.waitTimer = b.wait_timer;
      if (b.prevent_self_review !== undefined) patch.preventSelfReview = b.prevent_self_review;
      // GitHub requires each reviewer's type and id; its description leaves them optional.
      if (b.reviewers !== undefined) patch.reviewers = (b.reviewers ?? []) as EnvironmentRecord['reviewers'];
      if (b.deployment_branch_policy !== undefined) patch.deploymentBranchPolicy = b.deployment_branch_policy;
      const e = state.ensureEnvironment(params.environment_name, patch);
      return ok(f.environment(state, urls, e));
    },
  },
  'repos/delete-an-environment': {
    permission: ['administration', 'write'],
    handle: ({ state, params }) => {
      state.environmentMap.delete(params.environment_name);
      return { status: 204 };
    },
  },
} satisfies Routes;

// ---- contents -------------------------------------------------------------------------------

type FileChange = Pick<Body<'repos/create-or-update-file-contents'>, 'message' | 'branch' | 'committer' | 'author'>;

function commitFile(req: RestRequest, path: string, content: Buffer | null, b: FileChange) {
  const { state } = req;
  const branch = b.branch ?? state.defaultBranch;
  const head = state.refs.get(`refs/heads/${branch}`);
  if (!head) throw notFound(`Branch ${branch} not found`);
  const committer = b.committer ?? {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
  };
  const c = state.addCommit({
    message: b.message,
    parents: [head],
    author: { ...(b.author ?? committer), login: req.token.login },
    committer: { ...committer, login: req.token.login },
  });
  state.refs.set(`refs/heads/${branch}`, c.sha);
  if (content === null) {
    state.files.delete(path);
    return { file: null, commit: c };
  }
  return { file: state.setFile(path, content), commit: c };
}

const contents = {
  'repos/get-content': {
    permission: ['contents', 'read'],
    handle: (req) => {
      const { state, urls, params } = req;
      const ref = q(req, 'ref');
      if (ref && !state.resolve(ref)) throw notFound(`No commit found for the ref ${ref}`);
      const path = params.path.replace(/^\/+|\/+$/g, '');
      const file = state.files.get(path);
      if (file) return ok(f.contentFile(state, urls, file));
      const prefix = `${path}/`;
      const children = new Map<string, ReturnType<typeof state.files.get>>();
      for (const [p, rec] of state.files) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const child = rest.split('/')[0] as string;
        children.set(prefix + child, rest.includes('/') ? undefined : rec);
      }
      if (!children.size) throw notFound();
      return ok([...children.entries()].map(([p, rec]) => f.contentEntry(state, urls, p, rec)));
    },
  },
  'repos/create-or-update-file-contents': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, params, body: b } = req;
      const path = params.path.replace(/^\/+/, '');
      const existing = state.files.get(path);
      if (existing && !b.sha) throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
      if (existing && b.sha !== existing.sha) {
        throw new ApiError(409, { message: `${path} does not match ${b.sha}`, documentation_url: DOCS, status: '409' });
      }
      if (!existing && b.sha) {
        // The caller expected a file that is gone: a lost compare-and-swap.
        throw new ApiError(409, { message: `${path} does not match ${b.sha}`, documentation_url: DOCS, status: '409' });
      }
      const content = Buffer.from(b.content, 'base64');
      if (content.toString('base64').replace(/=+$/, '') !== b.content.replace(/\s/g, '').replace(/=+$/, '')) {
        throw unprocessable('content is not valid Base64');
      }
      const { file, commit } = commitFile(req, path, content, b);
      return ok(f.fileCommit(state, urls, file, commit), existing ? 200 : 201);
    },
  },
  'repos/delete-file': {
    permission: ['contents', 'write'],
    handle: (req) => {
      const { state, urls, params } = req;
      // GitHub requires the committer's and author's name and email here too; its description leaves them optional.
      const b = req.body as Body<'repos/delete-file'> & FileChange;
      const path = params.path.replace(/^\/+/, '');
      const existing = state.files.get(path);
      if (!existing) throw notFound();
      if (existing.sha !== b.sha)
        throw new ApiError(409, { message: `${path} does not match ${b.sha}`, documentation_url: DOCS, status: '409' });
      const { commit } = commitFile(req, path, null, b);
      return ok(f.fileCommit(state, urls, null, commit));
    },
  },
} satisfies Routes;

// ---- issues ---------------------------------------------------------------------------------

function labelNames(labels: readonly (string | { name?: string })[] | undefined): string[] {
  return (labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
}

function issueOrPull(state: GitHubState, n: string | undefined): { labels: string[]; updatedAt?: string } {
  const target = state.issueMap.get(num(n)) ?? state.pullMap.get(num(n));
  if (!target) throw notFound();
  return target;
}

const issues = {
  'issues/get-label': {
    permission: ['issues', 'read'],
    handle: ({ state, urls, params }) => {
      if (!state.labelMap.has(params.name)) throw notFound();
      return ok(f.label(state, urls, params.name));
    },
  },
  'issues/create-label': {
    permission: ['issues', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      if ([...state.labelMap.keys()].some((n) => n.toLowerCase() === b.name.toLowerCase()))
        throw unprocessable('Validation Failed', [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      state.labelMap.set(b.name, {
        name: b.name,
        color: (b.color ?? 'ededed').replace(/^#/, ''),
        description: b.description ?? null,
      });
      return ok(f.label(state, urls, b.name), 201, {
        location: `${urls.api}${req.path}/${encodeURIComponent(b.name)}`,
      });
    },
  },
  'issues/list-labels-on-issue': {
    permission: ['issues', 'read'],
    handle: (req) =>
      paged(
        req,
        issueOrPull(req.state, req.params.issue_number).labels.map((l) => f.label(req.state, req.urls, l)),
      ),
  },
  'issues/remove-label': {
    permission: ['issues', 'write'],
    handle: ({ state, urls, params }) => {
      const target = issueOrPull(state, params.issue_number);
      const i = target.labels.indexOf(params.name);
      if (i < 0) throw notFound('Label does not exist');
      target.labels.splice(i, 1);
      if (target.updatedAt !== undefined) target.updatedAt = isoNow();
      return ok(target.labels.map((l) => f.label(state, urls, l)));
    },
  },
  'issues/create': {
    permission: ['issues', 'write'],
    handle: (req) => {
      const { state, urls, body: b } = req;
      const i = state.addIssue({
        title: String(b.title),
        body: b.body ?? null,
        labels: labelNames(b.labels),
        assignees: b.assignees ?? (b.assignee ? [b.assignee] : []),
        user: req.token.login,
      });
      return created(req, f.issue(state, urls, i), i.number);
    },
  },
  'issues/get': getById(['issues', 'read'], (state) => state.issueMap, 'issue_number', f.issue),
  'issues/update': {
    permission: ['issues', 'write'],
    handle: (req) => {
      const { state, urls, params, body: b } = req;
      const i = found(state.issueMap, params.issue_number);
      if (b.title !== undefined) i.title = String(b.title);
      if (b.body !== undefined) i.body = b.body;
      if (b.labels !== undefined) i.labels = labelNames(b.labels);
      if (b.state !== undefined && b.state !== i.state) {
        i.state = b.state;
        i.closedAt = b.state === 'closed' ? isoNow() : null;
      }
      i.updatedAt = isoNow();
      return ok(f.issue(state, urls, i));
    },
  },
  'issues/add-labels': {
    permission: ['issues', 'write'],
    handle: (req) => {
      const { state, urls, params, body: b } = req;
      // Pull requests are issues too: labels go to either.
      const n = num(params.issue_number);
      const target = state.issueMap.get(n) ?? state.pullMap.get(n);
      if (!target) throw notFound();
      // GitHub also takes a bare array of labels, which its description (so the double's validation) does not.
      const added = labelNames(Array.isArray(b) ? b : b.labels);
      if (!added.length) throw unprocessable('Invalid request.\n\nNo labels given.');
      for (const l of added) {
        if (!target.labels.includes(l)) target.labels.push(l);
        // GitHub defines a label that does not exist yet (default colour) when it is added to an issue.
        if (!state.labelMap.has(l)) state.labelMap.set(l, { name: l, color: 'ededed', description: null });
      }
      if ('updatedAt' in target) target.updatedAt = isoNow();
      return ok(target.labels.map((l) => f.label(state, urls, l)));
    },
  },
  'issues/create-comment': {
    permission: ['issues', 'write'],
    handle: (req) => {
      const { state, urls, params } = req;
      const number = num(params.issue_number);
      if (!state.issueMap.has(number) && !state.pullMap.has(number)) throw notFound();
      const now = isoNow();
      const c = {
        id: state.newId(),
        issueNumber: number,
        body: String(req.body.body),
        user: req.token.login,
        createdAt: now,
        updatedAt: now,
      };
      state.comments.push(c);
      return ok(f.issueComment(state, urls, c), 201, {
        location: `${urls.api}/repos/${state.owner}/${state.repo}/issues/comments/${c.id}`,
      });
    },
  },
  'issues/list-comments': {
    permission: ['issues', 'read'],
    handle: (req) => {
      const number = num(req.params.issue_number);
      if (!req.state.issueMap.has(number) && !req.state.pullMap.has(number)) throw notFound();
      const list = req.state.comments.filter((c) => c.issueNumber === number);
      return pageOf(req, list, f.issueComment);
    },
  },
  'issues/list-for-repo': {
    permission: ['issues', 'read'],
    handle: (req) => {
      const { state } = req;
      const st = q(req, 'state') ?? 'open';
      const labels = (q(req, 'labels') ?? '').split(',').filter(Boolean);
      const list = state.issues
        .filter((i) => st === 'all' || i.state === st)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      return pageOf(req, list, f.issue);
    },
  },
} satisfies Routes;

// ---- artifact attestations -------------------------------------------------------------------

/**
 * GitHub stores a Sigstore bundle under each sha256 subject of its DSSE-wrapped in-toto statement and refuses a
 * bundle it cannot read (422). It checks the bundle's signature too; the double does not (the tests verify
 * bundles with @sigstore/verify themselves).
 */
function attestationSubjects(bundle: Body<'repos/create-attestation'>['bundle']): string[] {
  const env = bundle.dsseEnvelope;
  if (!env || typeof env.payload !== 'string' || env.payloadType !== 'application/vnd.in-toto+json') {
    throw unprocessable('Invalid bundle: a DSSE envelope with an in-toto statement is required');
  }
  let statement: { subject?: { digest?: { sha256?: unknown } }[] };
  try {
    statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as typeof statement;
  } catch {
    throw unprocessable('Invalid bundle: the DSSE payload is not JSON');
  }
  const digests = (statement.subject ?? [])
    .map((s) => s.digest?.sha256)
    .filter((d): d is string => typeof d === 'string' && /^[0-9a-f]{64}$/.test(d))
    .map((d) => `sha256:${d}`);
  if (!digests.length) throw unprocessable('Invalid bundle: the statement has no sha256 subject');
  return digests;
}

const attestations = {
  'repos/create-attestation': {
    permission: ['attestations', 'write'],
    handle: (req) => {
      const { bundle } = req.body;
      const record = { id: req.state.newId(), bundle, subjectDigests: attestationSubjects(bundle) };
      req.state.attestations.push(record);
      return ok({ id: record.id }, 201);
    },
  },
  'repos/list-attestations': {
    permission: ['attestations', 'read'],
    handle: (req) => {
      const digest = req.params.subject_digest;
      const list = req.state.attestations.filter((a) => a.subjectDigests.includes(digest));
      // GitHub pages this list with before/after cursors; the double answers one page of up to per_page.
      const perPage = Math.min(100, Math.max(1, Number(q(req, 'per_page') ?? 30)));
      const after = Number(q(req, 'after') ?? 0);
      const page = list.filter((a) => a.id > after).slice(0, perPage);
      const headers: Record<string, string> = {};
      const last = page.at(-1);
      if (last && list.some((a) => a.id > last.id)) {
        const u = new URL(req.urls.api + req.path);
        u.searchParams.set('per_page', String(perPage));
        u.searchParams.set('after', String(last.id));
        headers.link = `<${u.toString()}>; rel="next"`;
      }
      return ok(
        {
          attestations: page.map((a) => ({
            bundle: a.bundle,
            repository_id: req.state.repoId,
            bundle_url: `${req.urls.api}/repos/${req.state.owner}/${req.state.repo}/attestations/${a.id}/bundle`,
          })),
        },
        200,
        headers,
      );
    },
  },
} satisfies Routes;

// ---- repository, users, rate limit ---------------------------------------------------------------

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  reset: number;
  used: number;
}

const meta = {
  'repos/get': {
    handle: ({ state, urls, token }) => ok(f.repository(state, urls, token.permissions)),
  },
  'users/get-authenticated': {
    handle: ({ state, urls, token }) => {
      if (token.token.startsWith('ghs_')) {
        throw new ApiError(403, {
          message: 'Resource not accessible by integration',
          documentation_url: DOCS,
          status: '403',
        });
      }
      return ok(f.privateUser(state.user(token.login), urls));
    },
  },
  'rate-limit/get': {
    handle: ({ rate }) => ok(rateLimitBody(rate.core, rate.graphql)),
  },
  'users/get-by-username': {
    handle: ({ state, urls, params }) => {
      const u = orNotFound(state.users.get(params.username));
      return ok({ ...f.privateUser(u, urls), user_view_type: 'public' });
    },
  },
} satisfies Routes;

/** A route as the server calls it, with the request it routed and validated. */
export interface ServerRoute {
  permission?: Permission;
  handle(req: RestRequest): RestResponse;
}

/**
 * All implemented operations. Seen from the server a handler takes any routed request: `handle` is a method,
 * so its typed request narrows the server's one (TypeScript compares method parameters both ways); that holds
 * because the server calls a handler only for its own operation, after validating the request against it.
 */
export const ROUTES: Record<string, ServerRoute> = {
  ...git,
  ...pulls,
  ...releases,
  ...deployments,
  ...contents,
  ...issues,
  ...attestations,
  ...meta,
};

/** The body of `GET /rate_limit`. */
export function rateLimitBody(core: RateLimitInfo, graphql: RateLimitInfo): Record<string, unknown> {
  const other = (limit: number): RateLimitInfo => ({ limit, remaining: limit, reset: core.reset, used: 0 });
  return {
    resources: { core, graphql, search: other(30), integration_manifest: other(5000), code_search: other(10) },
    rate: core,
  };
}
