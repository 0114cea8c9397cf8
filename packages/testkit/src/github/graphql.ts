/**
 * The GraphQL side of the GitHub API double.
 *
 * - The schema is GitHub's own (`@octokit/graphql-schema`'s schema.graphql), built once per module
 *   instance with `buildSchema` (~0.4 s; `assumeValidSDL` because the published SDL defines two
 *   fields twice, which graphql-js would otherwise refuse).
 * - Every query is parsed and validated with graphql-js `validate` against it, so a query GitHub
 *   would reject is rejected here too.
 * - Execution uses graphql-js over plain objects prepared from the state: a generic `fieldResolver`
 *   returns `source[fieldName]`, calling it with the field's arguments when it is a function.
 *   Aliases, fragments, variables and batching (`c0: object(oid: ...)`, `c1: ...`) therefore work
 *   unchanged. A valid field the double has no data for is reported through `onMissingField` (the
 *   server records it as a violation) and resolves to null.
 * - Abstract types (GitObject, Actor, SearchResultItem) resolve through `__typename` on the objects.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  execute,
  parse,
  validate,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Urls } from './factories.js';
import { nodeId } from './factories.js';
import type { CommitRecord, GitHubState, GitPerson, PullRequestRecord, UserRecord } from './state.js';

/** A file of an installed package whose `exports` hide it: walk up to the nearest node_modules holding it. */
function packageFile(pkg: string, file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', pkg, file);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(`${pkg}/${file} not found in any node_modules above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

let schemaCache: GraphQLSchema | undefined;
let schemaMs = 0;

/** GitHub's GraphQL schema, built once. */
export function githubGraphqlSchema(): GraphQLSchema {
  if (!schemaCache) {
    const t0 = performance.now();
    const sdl = readFileSync(packageFile('@octokit/graphql-schema', 'schema.graphql'), 'utf8');
    schemaCache = buildSchema(sdl, { assumeValidSDL: true });
    schemaMs = performance.now() - t0;
  }
  return schemaCache;
}

/** How long building the schema took (0 before the first build). */
export function graphqlSchemaMs(): number {
  return schemaMs;
}

type Obj = Record<string, unknown>;

export interface GraphqlContext {
  onMissingField: (path: string) => void;
}

const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, ctx, info) => {
  if (source === null || typeof source !== 'object') return null;
  const obj = source as Obj;
  if (!(info.fieldName in obj)) {
    ctx.onMissingField(`${info.parentType.name}.${info.fieldName}`);
    return null;
  }
  const v = obj[info.fieldName];
  return typeof v === 'function' ? (v as (a: unknown, c: unknown, i: unknown) => unknown)(args, ctx, info) : v;
};

function connection<T>(items: T[], args: { first?: number | null; last?: number | null; after?: string | null }): Obj {
  let start = 0;
  if (args.after) start = Number(Buffer.from(args.after, 'base64').toString().replace('cursor:', '')) + 1;
  let slice = items.slice(start);
  if (args.first != null) slice = slice.slice(0, args.first);
  if (args.last != null) slice = slice.slice(-args.last);
  const cursor = (i: number): string => Buffer.from(`cursor:${start + i}`).toString('base64');
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: cursor(i) })),
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? cursor(0) : null,
      endCursor: slice.length ? cursor(slice.length - 1) : null,
    },
  };
}

/** Builds the root value of one request from the state. */
export function graphqlRoot(
  state: GitHubState,
  urls: Urls,
  viewerLogin: string,
  rate: { limit: number; remaining: number; reset: number; used: number },
): Obj {
  const web = `${urls.web}/${state.owner}/${state.repo}`;

  const user = (u: UserRecord): Obj => ({
    __typename: u.type === 'Bot' ? 'Bot' : u.type === 'Organization' ? 'Organization' : 'User',
    id: nodeId(u.type, u.id),
    databaseId: u.id,
    login: u.login,
    name: u.name,
    email: u.email ?? '',
    url: `${urls.web}/${u.login}`,
    avatarUrl: `${urls.web}/avatars/u/${u.id}`,
    resourcePath: `/${u.login}`,
  });

  const gitActor = (p: GitPerson, login: string | null): Obj => ({
    name: p.name,
    email: p.email,
    date: p.date,
    avatarUrl: `${urls.web}/avatars/${encodeURIComponent(p.email)}`,
    user: login ? user(state.user(login)) : null,
  });

  const label = (name: string): Obj => ({
    __typename: 'Label',
    id: nodeId('Label', name),
    name,
    color: 'ededed',
    description: null,
  });

  const pr = (p: PullRequestRecord): Obj => ({
    __typename: 'PullRequest',
    id: nodeId('PullRequest', p.id),
    databaseId: p.id,
    number: p.number,
    title: p.title,
    body: p.body ?? '',
    url: `${web}/pull/${p.number}`,
    permalink: `${web}/pull/${p.number}`,
    state: p.mergedAt ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED',
    merged: p.mergedAt !== null,
    mergedAt: p.mergedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    closedAt: p.closedAt,
    isDraft: false,
    author: user(state.user(p.user)),
    baseRefName: p.baseRef,
    headRefName: p.headRef,
    headRefOid: p.headSha,
    mergeCommit: () => (p.mergeCommitSha ? commit(state.commit(p.mergeCommitSha)) : null),
    labels: (args: Obj) => connection(p.labels.map(label), args),
  });

  const commit = (c: CommitRecord | undefined): Obj | null => {
    if (!c) return null;
    const headline = c.message.split('\n')[0] ?? '';
    return {
      __typename: 'Commit',
      id: nodeId('Commit', c.sha),
      oid: c.sha,
      abbreviatedOid: c.sha.slice(0, 7),
      message: c.message,
      messageHeadline: headline,
      messageBody: c.message.slice(headline.length).trim(),
      committedDate: c.committer.date,
      authoredDate: c.author.date,
      url: `${web}/commit/${c.sha}`,
      commitUrl: `${web}/commit/${c.sha}`,
      additions: 0,
      deletions: 0,
      changedFilesIfAvailable: 0,
      author: gitActor(c.author, c.authorLogin),
      committer: gitActor(c.committer, c.committerLogin),
      authors: (args: Obj) => connection([gitActor(c.author, c.authorLogin)], args),
      parents: (args: Obj) =>
        connection(
          c.parents.map((s) => commit(state.commit(s))),
          args,
        ),
      associatedPullRequests: (args: Obj) =>
        connection(
          state
            .pullsForCommit(c.sha)
            .sort((a, b) => a.number - b.number)
            .map(pr),
          args,
        ),
    };
  };

  const repository = (): Obj => ({
    __typename: 'Repository',
    id: nodeId('Repository', state.repoId),
    databaseId: state.repoId,
    name: state.repo,
    nameWithOwner: `${state.owner}/${state.repo}`,
    url: web,
    isPrivate: state.private,
    owner: user(state.user(state.owner)),
    defaultBranchRef: () => {
      const sha = state.refs.get(`refs/heads/${state.defaultBranch}`);
      return { name: state.defaultBranch, prefix: 'refs/heads/', target: sha ? commit(state.commit(sha)) : null };
    },
    object: (args: { oid?: string; expression?: string }) => {
      const key = args.oid ?? args.expression ?? '';
      const sha = args.oid
        ? (state.commit(args.oid)?.sha ?? undefined)
        : state.resolve(key.replace(/\^\{commit\}$/, ''));
      return sha ? commit(state.commit(sha)) : null;
    },
    ref: (args: { qualifiedName: string }) => {
      const full = args.qualifiedName.startsWith('refs/') ? args.qualifiedName : `refs/heads/${args.qualifiedName}`;
      const sha = state.refs.get(full) ?? state.refs.get(`refs/tags/${args.qualifiedName}`);
      if (!sha) return null;
      const name = full.split('/').slice(2).join('/');
      return { name, prefix: full.slice(0, full.length - name.length), target: commit(state.commit(state.peel(sha))) };
    },
    pullRequest: (args: { number: number }) => {
      const p = state.pullMap.get(args.number);
      return p ? pr(p) : null;
    },
  });

  const search = (args: { query: string; type: string; first?: number; after?: string }): Obj => {
    const terms = args.query.split(/\s+/).filter(Boolean);
    const value = (k: string): string | undefined => terms.find((t) => t.startsWith(`${k}:`))?.slice(k.length + 1);
    const has = (t: string): boolean => terms.includes(t);
    const repo = value('repo');
    let list: PullRequestRecord[] = [];
    if (args.type === 'ISSUE' && (!repo || repo.toLowerCase() === `${state.owner}/${state.repo}`.toLowerCase())) {
      list = state.pullRequests;
      const author = value('author');
      if (author) list = list.filter((p) => p.user === author);
      if (has('is:merged')) list = list.filter((p) => p.mergedAt !== null);
      if (has('is:unmerged')) list = list.filter((p) => p.mergedAt === null);
      if (has('is:open')) list = list.filter((p) => p.state === 'open');
      if (has('is:closed')) list = list.filter((p) => p.state === 'closed');
      if (has('is:issue') || has('type:issue')) list = [];
    }
    const page = connection(list.map(pr), args);
    return {
      ...page,
      issueCount: list.length,
      repositoryCount: 0,
      userCount: 0,
      codeCount: 0,
      discussionCount: 0,
      wikiCount: 0,
    };
  };

  return {
    repository: (args: { owner: string; name: string }) =>
      args.owner.toLowerCase() === state.owner.toLowerCase() && args.name.toLowerCase() === state.repo.toLowerCase()
        ? repository()
        : null,
    viewer: () => user(state.user(viewerLogin)),
    user: (args: { login: string }) => {
      const u = state.users.get(args.login);
      return u ? user(u) : null;
    },
    rateLimit: () => ({
      cost: 1,
      limit: rate.limit,
      remaining: rate.remaining,
      used: rate.used,
      nodeCount: 0,
      resetAt: new Date(rate.reset * 1000).toISOString(),
    }),
    search,
  };
}

export interface GraphqlOutcome {
  result: ExecutionResult;
  /** Parse or validation errors (the query is invalid for GitHub's schema). */
  invalid: readonly GraphQLError[];
  /** Valid fields the double does not implement. */
  missing: string[];
}

/** Parses, validates and executes one GraphQL request. */
export async function runGraphql(
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  root: Obj,
): Promise<GraphqlOutcome> {
  const schema = githubGraphqlSchema();
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (e) {
    const err = e instanceof GraphQLError ? e : new GraphQLError(String(e));
    return { result: { errors: [err] }, invalid: [err], missing: [] };
  }
  const errors = validate(schema, document);
  if (errors.length) return { result: { errors }, invalid: errors, missing: [] };
  const missing: string[] = [];
  const result = await execute({
    schema,
    document,
    rootValue: root,
    contextValue: { onMissingField: (p: string) => missing.push(p) } satisfies GraphqlContext,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver,
  });
  return { result, invalid: [], missing: [...new Set(missing)] };
}
