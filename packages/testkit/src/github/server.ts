/**
 * `startGitHubDouble()`: a stateful, in-process stand-in for api.github.com (or a GitHub Enterprise
 * Server) on 127.0.0.1 with an ephemeral port, for tests of the actions.
 *
 * Every REST request is routed and validated against GitHub's OpenAPI description (`openapi.ts`):
 * unknown route → 404, bad path/query params or JSON body → 422 (400 for unparsable JSON), and every
 * response the double sends is checked against the documented schema for its status (a mismatch
 * → 599). Each of these is also recorded in `gh.violations`; tests call `gh.assertNoViolations()` in
 * `afterEach`, so code that sends what GitHub would refuse fails its test. GraphQL (`/graphql`, or
 * `/api/graphql` on GHES) is validated against GitHub's schema and executed over the same state.
 *
 * Also: token auth (401), per-token permissions (403 "Resource not accessible by integration"),
 * rate-limit headers and counters, call recording (`gh.calls`, `gh.count`) and fault injection
 * (`gh.failNext`: 5xx, primary and secondary rate limits, delays, hangs).
 *
 * ```ts
 * const gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
 * const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
 * afterEach(() => gh.assertNoViolations());
 * afterAll(() => gh.close());
 * ```
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Urls } from './factories.js';
import { graphqlRoot, graphqlSchemaMs, githubGraphqlSchema, runGraphql } from './graphql.js';
import {
  ApiError,
  DOCS,
  DOWNLOAD_PREFIX,
  ROUTES,
  type RateLimitInfo,
  type RestRequest,
  type RestResponse,
} from './handlers.js';
import {
  checkParameters,
  checkRequestBody,
  checkResponse,
  documentsStatus,
  matchRoute,
  openApiDocument,
  operationById,
  openApiLoadMs,
  requestBodyInfo,
  type OpenApiOperation,
} from './openapi.js';
import { GitHubState, type TokenConfig, type TokenPermissions } from './state.js';

export interface GitHubDoubleOptions {
  owner?: string;
  repo?: string;
  /** Accepted tokens (`authorization: token X` or `Bearer X`). Default `['ghs_test']`. */
  tokens?: (string | TokenConfig)[];
  /** GHES mode: `/api/v3` puts REST under it, GraphQL at `/api/graphql`, uploads at `/api/uploads`. */
  basePath?: string;
  defaultBranch?: string;
  private?: boolean;
  /** Any 40-hex sha is a known commit (created on first sight). Default true. */
  autoCreateCommits?: boolean;
  /** Primary rate limit per token (REST core and GraphQL each). Default 5000. */
  rateLimit?: number;
  /**
   * A bare git repository (the test's remote) whose branches, tags and objects the API serves: the git data API
   * writes real objects and refs there, and pulls/merge makes a real merge commit (git-backing.ts).
   */
  gitDir?: string;
  /** Build the GraphQL schema at start (≈0.4 s) rather than on the first GraphQL request. Default false. */
  preloadGraphql?: boolean;
}

export type ViolationKind =
  | 'unknown-route'
  | 'request-params'
  | 'request-body'
  | 'invalid-json'
  | 'response'
  | 'unimplemented'
  | 'handler-error'
  | 'graphql'
  | 'graphql-unimplemented'
  | 'outside-base-path';

export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  operationId?: string;
  message: string;
  errors: string[];
}

export interface RecordedCall {
  method: string;
  /** Path relative to the API root (base path and `/uploads` stripped), without the query string. */
  path: string;
  /** The OpenAPI path template (`/repos/{owner}/{repo}/releases`), `/graphql` or undefined (unknown). */
  route?: string;
  operationId?: string;
  status: number;
  query?: Record<string, string | string[]>;
  body?: unknown;
  graphql?: { operationName?: string; query: string; variables?: Record<string, unknown> };
  /** Answered by fault injection. */
  fault?: boolean;
  /** The token used (undefined: none / invalid). */
  token?: string;
  /** Time spent validating this request and its response (ms). */
  validationMs: number;
}

export interface CallFilter {
  method?: string;
  /** OpenAPI path template, optionally prefixed by the method: `POST /repos/{owner}/{repo}/releases`. */
  route?: string;
  operationId?: string;
  path?: string | RegExp;
  status?: number;
  /** true: GraphQL calls only; a string: GraphQL calls with that operation name. */
  graphql?: boolean | string;
  fault?: boolean;
}

export interface FaultSpec extends Omit<CallFilter, 'status' | 'fault'> {
  /** 500, 502, 503, 403 (primary rate limit), 429 (secondary rate limit) or any status. Omit for a pure delay. */
  status?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Wait this long before answering (with the fault or, without `status`, normally). */
  delayMs?: number;
  /** Never answer: the request hangs until the client gives up (or `gh.close()`). */
  timeout?: boolean;
  /** Override the error message. */
  message?: string;
  /** 429 / secondary limits: the `retry-after` header in seconds (default 1). */
  retryAfter?: number;
  /** 403 rate limit: seconds until `x-ratelimit-reset` (default 60). */
  resetInSeconds?: number;
}

export interface GitHubDoubleStats {
  /** Reading and parsing the OpenAPI description (once per test file). */
  openApiLoadMs: number;
  /** Building the GraphQL schema (once per test file; 0 until used). */
  graphqlSchemaMs: number;
  /** `startGitHubDouble` wall time. */
  startMs: number;
  requests: number;
  /** Total time spent in request/response validation, compile included. */
  validationMs: number;
}

export interface GitHubDouble {
  /** REST base URL (`http://127.0.0.1:PORT` or `http://127.0.0.1:PORT/api/v3`): `GITHUB_API_URL`. */
  url: string;
  /** `GITHUB_GRAPHQL_URL`. */
  graphqlUrl: string;
  /** Where release assets are uploaded (`upload_url` points here). */
  uploadsUrl: string;
  /** `GITHUB_SERVER_URL` (the "web" origin used in `html_url`s). */
  serverUrl: string;
  /** The environment an action under test needs to reach the double. */
  env: Record<string, string>;
  state: GitHubState;
  calls: RecordedCall[];
  violations: Violation[];
  stats: GitHubDoubleStats;
  count(filter?: CallFilter | ((c: RecordedCall) => boolean)): number;
  /** The calls matching a filter. */
  callsTo(filter?: CallFilter | ((c: RecordedCall) => boolean)): RecordedCall[];
  failNext(spec: FaultSpec): void;
  /** Drops pending faults. */
  clearFaults(): void;
  /** Throws, listing them, if any violation was recorded. */
  assertNoViolations(): void;
  /** Returns the recorded violations and clears them (for tests that expect some). */
  takeViolations(): Violation[];
  /** Sets the permissions of a token (default: the first one). */
  setPermissions(permissions: TokenPermissions, token?: string): void;
  close(): Promise<void>;
}

function matches(
  c: Pick<RecordedCall, 'method' | 'path' | 'route' | 'operationId' | 'status' | 'graphql' | 'fault'>,
  f: CallFilter,
): boolean {
  if (f.method && f.method.toUpperCase() !== c.method) return false;
  if (f.route) {
    const m = /^([A-Z]+)\s+(.*)$/.exec(f.route);
    if (m ? m[1] !== c.method || m[2] !== c.route : f.route !== c.route) return false;
  }
  if (f.operationId && f.operationId !== c.operationId) return false;
  if (f.path !== undefined && (typeof f.path === 'string' ? f.path !== c.path : !f.path.test(c.path))) return false;
  if (f.status !== undefined && f.status !== c.status) return false;
  if (f.fault !== undefined && Boolean(c.fault) !== f.fault) return false;
  if (f.graphql !== undefined) {
    if (f.graphql === false && c.graphql) return false;
    if (f.graphql === true && !c.graphql) return false;
    if (typeof f.graphql === 'string' && c.graphql?.operationName !== f.graphql) return false;
  }
  return true;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts a GitHub API double. */
export async function startGitHubDouble(options: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  const t0 = performance.now();
  openApiDocument();
  if (options.preloadGraphql) githubGraphqlSchema();
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const ghes = basePath !== '';
  const graphqlPath = ghes ? '/api/graphql' : '/graphql';
  const uploadsPrefix = ghes ? '/api/uploads' : '/uploads';
  const state = new GitHubState({
    owner: options.owner ?? 'acme',
    repo: options.repo ?? 'widget',
    tokens: options.tokens,
    defaultBranch: options.defaultBranch,
    private: options.private,
    autoCreateCommits: options.autoCreateCommits,
    gitDir: options.gitDir,
  });
  const limit = options.rateLimit ?? 5000;
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const counters = new Map<string, { core: RateLimitInfo; graphql: RateLimitInfo }>();
  const rateOf = (token: string) => {
    let c = counters.get(token);
    if (!c) {
      c = {
        core: { limit, remaining: limit, reset: resetAt, used: 0 },
        graphql: { limit, remaining: limit, reset: resetAt, used: 0 },
      };
      counters.set(token, c);
    }
    return c;
  };

  const calls: RecordedCall[] = [];
  const violations: Violation[] = [];
  const faults: (FaultSpec & { remaining: number })[] = [];
  const stats: GitHubDoubleStats = {
    openApiLoadMs: openApiLoadMs(),
    graphqlSchemaMs: graphqlSchemaMs(),
    startMs: 0,
    requests: 0,
    validationMs: 0,
  };
  const hanging = new Set<ServerResponse>();
  let urls: Urls = { api: '', web: '', uploads: '' };

  const violate = (v: Violation): void => {
    violations.push(v);
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `DOUBLE:${calls.length + 1}`,
      ...(ghes ? { 'x-github-enterprise-version': '3.17.0' } : {}),
      ...headers,
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
  };

  const rateHeaders = (r: RateLimitInfo, resource: string): Record<string, string> => ({
    'x-ratelimit-limit': String(r.limit),
    'x-ratelimit-remaining': String(r.remaining),
    'x-ratelimit-reset': String(r.reset),
    'x-ratelimit-used': String(r.used),
    'x-ratelimit-resource': resource,
  });

  const takeFault = (
    c: Pick<RecordedCall, 'method' | 'path' | 'route' | 'operationId' | 'graphql'>,
  ): FaultSpec | undefined => {
    const i = faults.findIndex((f) =>
      matches(
        { ...c, status: 0 },
        { method: f.method, route: f.route, operationId: f.operationId, path: f.path, graphql: f.graphql },
      ),
    );
    if (i < 0) return undefined;
    const f = faults[i] as FaultSpec & { remaining: number };
    f.remaining--;
    if (f.remaining <= 0) faults.splice(i, 1);
    return f;
  };

  /** Answers with an injected fault; returns false when the fault is a pure delay (continue normally). */
  const applyFault = async (f: FaultSpec, res: ServerResponse, call: RecordedCall): Promise<boolean> => {
    if (f.delayMs) await sleep(f.delayMs);
    if (f.timeout) {
      call.status = 0;
      call.fault = true;
      calls.push(call);
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return true;
    }
    if (f.status === undefined) return false;
    call.status = f.status;
    call.fault = true;
    calls.push(call);
    const headers: Record<string, string> = {};
    let message = f.message;
    if (f.status === 403) {
      const reset = Math.floor(Date.now() / 1000) + (f.resetInSeconds ?? 60);
      Object.assign(headers, {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': String(limit),
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': call.graphql ? 'graphql' : 'core',
      });
      message ??= 'API rate limit exceeded for installation ID 1.';
    } else if (f.status === 429) {
      headers['retry-after'] = String(f.retryAfter ?? 1);
      message ??= 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    } else if (f.retryAfter !== undefined) {
      headers['retry-after'] = String(f.retryAfter);
    }
    message ??= f.status === 502 ? 'Bad Gateway' : f.status === 503 ? 'Service Unavailable' : 'Server Error';
    send(
      res,
      f.status,
      {
        message,
        documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
        status: String(f.status),
      },
      headers,
    );
    return true;
  };

  type Token = RestRequest['token'];
  const authenticate = (req: IncomingMessage): { token?: Token; error?: string } => {
    const h = req.headers.authorization;
    if (!h) return { error: 'Requires authentication' };
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(h);
    const t = m ? state.tokens.get(m[1] as string) : undefined;
    if (!t) return { error: 'Bad credentials' };
    return { token: t as Token };
  };

  const handleGraphql = async (
    req: IncomingMessage,
    res: ServerResponse,
    raw: Buffer,
    call: RecordedCall,
  ): Promise<void> => {
    call.route = graphqlPath;
    call.operationId = 'graphql';
    let payload: { query?: unknown; variables?: Record<string, unknown>; operationName?: string } = {};
    try {
      payload = JSON.parse(raw.toString('utf8') || '{}') as typeof payload;
    } catch {
      payload = {};
    }
    const queryText = String(payload.query ?? '');
    // The operation name as sent, else the name in the document (`query Associate(...)`).
    const operationName = payload.operationName ?? /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(queryText)?.[1];
    call.graphql = { query: queryText, variables: payload.variables, operationName };
    const fault = takeFault(call);
    if (fault && (await applyFault(fault, res, call))) return;
    const auth = authenticate(req);
    if (!auth.token) {
      call.status = 401;
      calls.push(call);
      return send(res, 401, { message: auth.error, documentation_url: 'https://docs.github.com/graphql' });
    }
    call.token = auth.token.token;
    const rate = rateOf(auth.token.token).graphql;
    rate.remaining = Math.max(0, rate.remaining - 1);
    rate.used++;
    const headers = rateHeaders(rate, 'graphql');
    if (req.method !== 'POST' || typeof payload.query !== 'string') {
      call.status = req.method !== 'POST' ? 404 : 400;
      calls.push(call);
      violate({
        kind: 'graphql',
        method: String(req.method),
        path: graphqlPath,
        message: 'GraphQL requests must be POST with a JSON body holding `query`',
        errors: [],
      });
      return send(
        res,
        call.status,
        { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' },
        headers,
      );
    }
    const v0 = performance.now();
    const root = graphqlRoot(state, urls, auth.token.login, rate);
    const outcome = await runGraphql(
      { query: payload.query, variables: payload.variables, operationName: payload.operationName },
      root,
    );
    call.validationMs = performance.now() - v0;
    stats.validationMs += call.validationMs;
    if (outcome.invalid.length) {
      violate({
        kind: 'graphql',
        method: 'POST',
        path: graphqlPath,
        operationId: payload.operationName,
        message: "GraphQL query is invalid for GitHub's schema",
        errors: outcome.invalid.map((e) => e.message),
      });
    }
    for (const m of outcome.missing) {
      violate({
        kind: 'graphql-unimplemented',
        method: 'POST',
        path: graphqlPath,
        message: `GraphQL field ${m} is valid but the GitHub double has no data for it (resolved to null)`,
        errors: [],
      });
    }
    call.status = 200;
    calls.push(call);
    const body: Record<string, unknown> = {};
    if (outcome.result.errors?.length) body.errors = outcome.result.errors.map((e) => e.toJSON());
    if (outcome.result.data !== undefined) body.data = outcome.result.data;
    send(res, 200, body, headers);
  };

  const handleRest = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    raw: Buffer,
    call: RecordedCall,
    apiPath: string,
    upload: boolean,
  ): Promise<void> => {
    const method = call.method;
    const v0 = performance.now();
    let validationMs = 0;
    const match = matchRoute(method, apiPath);
    const operation: OpenApiOperation | undefined = match?.operation;
    if (match) call.route = match.route;
    if (operation) call.operationId = operation.operationId;
    if (upload && operation?.operationId !== 'repos/upload-release-asset') {
      call.operationId = undefined;
    }
    validationMs += performance.now() - v0;

    const fault = takeFault(call);
    if (fault && (await applyFault(fault, res, call))) return;

    const finish = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      call.status = status;
      call.validationMs = validationMs;
      stats.validationMs += validationMs;
      calls.push(call);
      send(res, status, body, headers);
    };
    const notFound = { message: 'Not Found', documentation_url: DOCS, status: '404' };

    const auth = authenticate(req);
    if (!auth.token) return finish(401, { message: auth.error, documentation_url: DOCS, status: '401' });
    const token = auth.token;
    call.token = token.token;
    const rate = rateOf(token.token);
    if (rate.core.remaining <= 0 && call.operationId !== 'rate-limit/get') {
      return finish(
        403,
        { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS, status: '403' },
        rateHeaders(rate.core, 'core'),
      );
    }
    if (call.operationId !== 'rate-limit/get') {
      rate.core.remaining--;
      rate.core.used++;
    }
    const headers = rateHeaders(rate.core, 'core');
    const scopes = token.scopes;
    if (scopes) Object.assign(headers, { 'x-oauth-scopes': scopes.join(', '), 'x-accepted-oauth-scopes': '' });

    if (!match || !operation || (upload && operation.operationId !== 'repos/upload-release-asset')) {
      violate({
        kind: 'unknown-route',
        method,
        path: apiPath,
        message: match?.route
          ? `${method} is not an operation of ${match.route} in GitHub's OpenAPI description`
          : `${method} ${apiPath} is not a route of GitHub's REST API (OpenAPI description)`,
        errors: [],
      });
      return finish(404, notFound, headers);
    }
    const opName = operation.operationId;

    // Request validation.
    const v1 = performance.now();
    const params = match.params;
    const query = queryOf(url);
    const pCheck = checkParameters(operation, params, query);
    let body: unknown;
    const info = requestBodyInfo(operation);
    let jsonError = false;
    if (info.json && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        jsonError = true;
      }
    } else if (!info.present && raw.length && /json/.test(String(req.headers['content-type'] ?? ''))) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        jsonError = true;
      }
    }
    call.body = upload ? { bytes: raw.length, contentType: req.headers['content-type'] } : body;
    const bCheck = jsonError ? { ok: true, errors: [] } : checkRequestBody(operation, body);
    validationMs += performance.now() - v1;
    if (jsonError) {
      violate({
        kind: 'invalid-json',
        method,
        path: apiPath,
        operationId: opName,
        message: `${opName}: request body is not valid JSON`,
        errors: [],
      });
      return finish(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' }, headers);
    }
    if (!pCheck.ok || !bCheck.ok) {
      const errors = [...pCheck.errors, ...bCheck.errors];
      violate({
        kind: pCheck.ok ? 'request-body' : 'request-params',
        method,
        path: apiPath,
        operationId: opName,
        message: `${opName}: request does not match GitHub's OpenAPI description (GitHub would answer 422)`,
        errors,
      });
      return finish(
        422,
        { message: `Invalid request.\n\n${errors.join('\n')}`, documentation_url: DOCS, status: '422' },
        headers,
      );
    }

    // Repository, permissions, handler.
    if (params.owner !== undefined && params.repo !== undefined) {
      if (
        params.owner.toLowerCase() !== state.owner.toLowerCase() ||
        params.repo.toLowerCase() !== state.repo.toLowerCase()
      ) {
        return finish(404, notFound, headers);
      }
    }
    const route = ROUTES[opName];
    if (!route) {
      violate({
        kind: 'unimplemented',
        method,
        path: apiPath,
        operationId: opName,
        message: `${opName} (${method} ${operation.route}) is a real GitHub operation, but the GitHub double does not implement it`,
        errors: [],
      });
      return finish(
        404,
        { ...notFound, message: `Not Found (${opName} is not implemented by the GitHub double)` },
        headers,
      );
    }
    if (route.permission) {
      const [scope, level] = route.permission;
      const have = token.permissions[scope];
      if (have === 'none' || (level === 'write' && have !== 'write')) {
        return finish(
          403,
          { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
          { ...headers, 'x-accepted-github-permissions': `${scope}=${level}` },
        );
      }
    }
    let out: RestResponse;
    try {
      state.syncFromGit();
      out = route.handle({
        method,
        path: apiPath,
        operationId: opName,
        params,
        query,
        // An optional body that was not sent reads as {}: GitHub's optional bodies have no required field.
        body: body ?? {},
        raw,
        headers: req.headers,
        token,
        state,
        urls,
        rate,
      });
    } catch (e) {
      if (e instanceof ApiError) {
        out = { status: e.status, body: e.body, headers: e.headers };
      } else {
        violate({
          kind: 'handler-error',
          method,
          path: apiPath,
          operationId: opName,
          message: `the GitHub double crashed in ${opName}: ${String((e as Error)?.stack ?? e)}`,
          errors: [],
        });
        return finish(500, { message: `GitHub double error: ${String(e)}` }, headers);
      }
    }

    // Response validation.
    const v2 = performance.now();
    // GitHub answers 404 for anything missing or hidden, documented or not: only its body is checked then.
    const rCheck = documentsStatus(operation, out.status)
      ? checkResponse(operation, out.status, out.body)
      : out.status === 404
        ? checkResponse(operationById('repos/get') as OpenApiOperation, 404, out.body)
        : { ok: false, errors: [`status ${out.status} is not documented for ${opName}`] };
    validationMs += performance.now() - v2;
    if (!rCheck.ok) {
      violate({
        kind: 'response',
        method,
        path: apiPath,
        operationId: opName,
        message: `the GitHub double answered ${opName} with a ${out.status} that does not match GitHub's OpenAPI description`,
        errors: rCheck.errors,
      });
      return finish(
        599,
        { message: `GitHub double: invalid ${out.status} response for ${opName}:\n${rCheck.errors.join('\n')}` },
        headers,
      );
    }
    finish(out.status, out.body, { ...headers, ...out.headers });
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const raw = await readBody(req);
    const method = String(req.method ?? 'GET').toUpperCase();
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    const call: RecordedCall = { method, path: pathname, status: 0, validationMs: 0 };
    if ([...url.searchParams.keys()].length) call.query = queryOf(url);
    if (pathname === graphqlPath) return handleGraphql(req, res, raw, call);
    if (pathname.startsWith(`${DOWNLOAD_PREFIX}/`) && method === 'GET') {
      // The redirect target of a release asset download: bytes, no API, no token (the URL is the credential).
      const id = Number(pathname.slice(DOWNLOAD_PREFIX.length + 1));
      const asset = state.releases.flatMap((r) => r.assets).find((a) => a.id === id);
      const fault = takeFault(call);
      if (fault && (await applyFault(fault, res, call))) return;
      call.status = asset ? 200 : 404;
      calls.push(call);
      if (!asset) return send(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(asset.data.length) });
      res.end(asset.data);
      return;
    }
    if (pathname.startsWith(`${uploadsPrefix}/`)) {
      call.path = pathname.slice(uploadsPrefix.length);
      return handleRest(req, res, url, raw, call, call.path, true);
    }
    if (ghes && !pathname.startsWith(`${basePath}/`) && pathname !== basePath) {
      call.status = 404;
      calls.push(call);
      violate({
        kind: 'outside-base-path',
        method,
        path: pathname,
        message: `${method} ${pathname} is outside the GHES base path ${basePath}`,
        errors: [],
      });
      return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    }
    call.path = pathname.slice(basePath.length) || '/';
    return handleRest(req, res, url, raw, call, call.path, false);
  };

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      violate({
        kind: 'handler-error',
        method: String(req.method),
        path: String(req.url),
        message: `the GitHub double crashed: ${String((e as Error)?.stack ?? e)}`,
        errors: [],
      });
      if (!res.headersSent) send(res, 500, { message: 'GitHub double crashed' });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  urls = { api: `${origin}${basePath}`, web: origin, uploads: `${origin}${uploadsPrefix}` };
  stats.startMs = performance.now() - t0;
  stats.openApiLoadMs = openApiLoadMs();

  const select = (filter?: CallFilter | ((c: RecordedCall) => boolean)): RecordedCall[] =>
    !filter ? [...calls] : calls.filter((c) => (typeof filter === 'function' ? filter(c) : matches(c, filter)));

  let closed = false;
  return {
    url: urls.api,
    graphqlUrl: `${origin}${graphqlPath}`,
    uploadsUrl: urls.uploads,
    serverUrl: origin,
    env: {
      GITHUB_API_URL: urls.api,
      GITHUB_GRAPHQL_URL: `${origin}${graphqlPath}`,
      GITHUB_SERVER_URL: origin,
      GITHUB_REPOSITORY: `${state.owner}/${state.repo}`,
      GITHUB_REPOSITORY_OWNER: state.owner,
    },
    state,
    calls,
    violations,
    get stats() {
      stats.graphqlSchemaMs = graphqlSchemaMs();
      return stats;
    },
    count: (filter) => select(filter).length,
    callsTo: select,
    failNext(spec) {
      faults.push({ ...spec, remaining: spec.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    assertNoViolations() {
      if (!violations.length) return;
      const list = violations.map(
        (v, i) =>
          `${i + 1}. [${v.kind}] ${v.method} ${v.path}: ${v.message}${v.errors.length ? `\n     - ${v.errors.join('\n     - ')}` : ''}`,
      );
      throw new Error(`GitHub API double: ${violations.length} violation(s):\n${list.join('\n')}`);
    },
    takeViolations() {
      return violations.splice(0, violations.length);
    },
    setPermissions(permissions, token) {
      state.setPermissions(permissions, token);
    },
    async close() {
      if (closed) return;
      closed = true;
      faults.length = 0;
      for (const res of hanging) res.destroy();
      hanging.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
}
