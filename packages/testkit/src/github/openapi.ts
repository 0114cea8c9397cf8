/**
 * The api.github.com OpenAPI description (from `@octokit/openapi`), used by the GitHub API double to
 * route requests and to validate every request and response.
 *
 * - The 13 MB JSON is read and parsed once per module instance (module-level cache; Jest gives each
 *   test file its own module registry, so once per test file) — about 150–250 ms.
 * - Routes are matched against the 800-odd path templates with one regex per template, most literal
 *   template first (`/releases/latest` before `/releases/{release_id}`). A trailing `{ref}`, `{path}`,
 *   `{tag}`, `{branch}` also matches unescaped slashes (in a second pass), since clients do not always
 *   encode them.
 * - JSON Schemas are compiled lazily with Ajv, per operation and part (params, body, response status),
 *   and cached. Each `#/components/schemas/X` is registered once under its own `$id`, so a schema shared
 *   by many operations (simple-user, repository) is compiled once.
 * - Formats are checked (ajv-formats), except GitHub's own (`int64`, `repo.nwo`...); `uri` also
 *   accepts "" since GitHub sends empty strings for unset URLs (deployment status `target_url`).
 * - OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a `null` type union (or `anyOf` with `{type:
 *   'null'}` when there is no `type`), and `oneOf` becomes `anyOf`: GitHub's description has many
 *   overlapping `oneOf` branches (e.g. `[{type: string, nullable}, {type: integer, nullable}]`) that a
 *   strict `oneOf` would reject for valid data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

/** A JSON value of the description, loosely typed. */
type Json = Record<string, unknown>;

export interface OpenApiOperation {
  /** e.g. `repos/create-release` */
  operationId: string;
  method: string;
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/releases`. */
  route: string;
  /** The raw operation object of the description. */
  spec: Json;
}

export interface RouteMatch {
  /** The matched path template. */
  route: string;
  /** The operation; undefined when the path exists but not with this method. */
  operation?: OpenApiOperation;
  params: Record<string, string>;
}

export interface SchemaCheck {
  ok: boolean;
  /** Human-readable errors: `body/draft must be boolean`. */
  errors: string[];
}

interface Template {
  route: string;
  literals: number;
  regex: RegExp;
  greedy?: RegExp;
  names: string[];
  methods: Map<string, OpenApiOperation>;
}

let documentCache: Json | undefined;
let templatesCache: Template[] | undefined;
let byOperationId: Map<string, OpenApiOperation> | undefined;
let loadMs = 0;

const require = createRequire(import.meta.url);
const SCHEMA_BASE = 'https://gh.double/schemas/';
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'];
/** Trailing parameters that may hold unescaped slashes (`git/ref/heads/feature/x`, `contents/a/b.md`). */
const GREEDY = new Set(['ref', 'path', 'branch', 'tag', 'basehead', 'environment_name']);

/** The parsed description (loaded on first use, then cached for the process / test file). */
export function openApiDocument(): Json {
  if (!documentCache) {
    const t0 = performance.now();
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    documentCache = JSON.parse(readFileSync(file, 'utf8')) as Json;
    loadMs = performance.now() - t0;
  }
  return documentCache;
}

/** How long reading + parsing the description took (0 before the first load). */
export function openApiLoadMs(): number {
  return loadMs;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function templates(): Template[] {
  if (templatesCache) return templatesCache;
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Json>;
  const list: Template[] = [];
  byOperationId = new Map();
  for (const [route, item] of Object.entries(paths)) {
    const names: string[] = [];
    const segments = route.split('/').slice(1);
    let literals = 0;
    const parts = segments.map((seg) => {
      const m = /^\{([^}]+)\}$/.exec(seg);
      if (m) {
        names.push(m[1] as string);
        return '([^/]+)';
      }
      literals++;
      // A segment may mix literal text and a parameter (rare); treat the braces as a capture.
      return escapeRegex(seg).replace(/\\\{([^}]+)\\\}/g, (_all, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
    });
    const regex = new RegExp(`^/${parts.join('/')}$`);
    let greedy: RegExp | undefined;
    if (GREEDY.has(names.at(-1) ?? '') && /\}$/.test(route)) {
      const g = [...parts];
      g[g.length - 1] = '(.+)';
      greedy = new RegExp(`^/${g.join('/')}$`);
    }
    const methods = new Map<string, OpenApiOperation>();
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const operation: OpenApiOperation = {
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        route,
        spec: op,
      };
      methods.set(operation.method, operation);
      byOperationId.set(operation.operationId, operation);
    }
    list.push({ route, literals, regex, greedy, names, methods });
  }
  list.sort((a, b) => b.literals - a.literals);
  templatesCache = list;
  return list;
}

/** All operations by operationId. */
export function operationById(operationId: string): OpenApiOperation | undefined {
  templates();
  return byOperationId?.get(operationId);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Finds the operation for `method` and `path` (the path relative to the API root, e.g.
 * `/repos/acme/widget/git/ref/heads%2Fmain`). Returns `undefined` when no template matches, and a
 * match without `operation` when the path exists but not with this method.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const list = templates();
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  let pathOnly: string | undefined;
  for (const pass of ['exact', 'greedy'] as const) {
    for (const t of list) {
      const re = pass === 'exact' ? t.regex : t.greedy;
      if (!re) continue;
      const hit = re.exec(path);
      if (!hit) continue;
      const operation = t.methods.get(m);
      if (!operation) {
        pathOnly ??= t.route;
        continue;
      }
      const params: Record<string, string> = {};
      t.names.forEach((name, i) => {
        params[name] = decode(hit[i + 1] ?? '');
      });
      return { route: t.route, operation, params };
    }
  }
  return pathOnly ? { route: pathOnly, params: {} } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Schemas

let ajvInstance: Ajv | undefined;
let ajvCoercing: Ajv | undefined;
const registered = new Set<string>();
const validatorCache = new Map<string, ValidateFunction | null>();

function newAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    inlineRefs: false,
    code: { optimize: 1 },
    logger: false,
    coerceTypes: coerce ? 'array' : false,
  });
  const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (a: Ajv) => Ajv;
  addFormats(ajv);
  // Formats used by GitHub's description that ajv-formats does not define: accept, do not check.
  for (const f of ['int64', 'int32', 'double', 'repo.nwo', 'binary']) ajv.addFormat(f, true);
  // GitHub sends "" for unset URLs typed `format: uri` (deployment status target_url, log_url...).
  const uri = ajv.formats.uri;
  if (typeof uri === 'function') ajv.addFormat('uri', (s: string) => s === '' || uri(s));
  return ajv;
}

function ajvFor(coerce: boolean): Ajv {
  if (coerce) return (ajvCoercing ??= newAjv(true));
  return (ajvInstance ??= newAjv(false));
}

/** Resolves a `#/components/...` JSON pointer in the description. */
function resolvePointer(ref: string): Json {
  const doc = openApiDocument();
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node) throw new Error(`unresolvable $ref ${ref}`);
  return node as Json;
}

/** Follows `$ref`s of non-schema components (parameters, responses, request bodies). */
function deref(node: Json): Json {
  let n = node;
  while (typeof n.$ref === 'string') n = resolvePointer(n.$ref);
  return n;
}

/** OpenAPI 3.0 schema → JSON Schema for Ajv; collects the component schemas it references. */
function convert(node: unknown, deps: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, deps));
  if (!node || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'example' || k === 'examples' || k === 'description' || k === 'discriminator' || k === 'nullable')
      continue;
    if (k === '$ref' && typeof v === 'string') {
      const name = v.replace(/^#\/components\/schemas\//, '');
      deps.add(name);
      out.$ref = SCHEMA_BASE + encodeURIComponent(name);
      continue;
    }
    if (k === 'properties' && v && typeof v === 'object') {
      const props: Json = {};
      for (const [pk, pv] of Object.entries(v as Json)) props[pk] = convert(pv, deps);
      out.properties = props;
      continue;
    }
    out[k === 'oneOf' ? 'anyOf' : k] = convert(v, deps);
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else if (Array.isArray(out.type)) {
      if (!out.type.includes('null')) out.type = [...out.type, 'null'];
    } else {
      return { anyOf: [{ type: 'null' }, out] };
    }
  }
  return out;
}

/** Registers component schema `name` (and what it references) with `ajv`, once. */
function register(ajv: Ajv, key: string, name: string): void {
  const queue = [name];
  while (queue.length) {
    const n = queue.pop() as string;
    if (registered.has(key + n)) continue;
    registered.add(key + n);
    const deps = new Set<string>();
    const schema = convert(resolvePointer(`#/components/schemas/${n}`), deps) as Json;
    ajv.addSchema({ ...schema, $id: SCHEMA_BASE + encodeURIComponent(n) });
    queue.push(...deps);
  }
}

function compile(cacheKey: string, schema: unknown, coerce: boolean): ValidateFunction | null {
  if (validatorCache.has(cacheKey)) return validatorCache.get(cacheKey) ?? null;
  let fn: ValidateFunction | null = null;
  if (schema) {
    const ajv = ajvFor(coerce);
    const deps = new Set<string>();
    const converted = convert(schema, deps);
    for (const d of deps) register(ajv, coerce ? 'c:' : 'p:', d);
    fn = ajv.compile(converted as Json);
  }
  validatorCache.set(cacheKey, fn);
  return fn;
}

function formatErrors(prefix: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = `${prefix}${e.instancePath}`;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
}

function schemaOfContent(content: unknown): unknown {
  if (!content || typeof content !== 'object') return undefined;
  const c = content as Record<string, Json>;
  const json = c['application/json'] ?? Object.entries(c).find(([type]) => /json/.test(type))?.[1];
  return json?.schema;
}

/** Checks path and query parameters (strings, coerced to the parameter's type). */
export function checkParameters(
  op: OpenApiOperation,
  path: Record<string, string>,
  query: Record<string, string | string[]>,
): SchemaCheck {
  const params = ((op.spec.parameters as Json[] | undefined) ?? []).map(deref);
  const errors: string[] = [];
  for (const where of ['path', 'query'] as const) {
    const list = params.filter((p) => p.in === where);
    if (!list.length) continue;
    const schema = {
      type: 'object',
      properties: Object.fromEntries(list.map((p) => [p.name as string, p.schema ?? {}])),
      required: list.filter((p) => p.required).map((p) => p.name as string),
    };
    const fn = compile(`${op.operationId} ${where}`, schema, true);
    const data = { ...(where === 'path' ? path : query) };
    if (fn && !fn(data)) errors.push(...formatErrors(where, fn.errors));
  }
  return { ok: errors.length === 0, errors };
}

/** Whether the operation takes a JSON request body, and whether it is required. */
export function requestBodyInfo(op: OpenApiOperation): { json: boolean; required: boolean; present: boolean } {
  const rb = op.spec.requestBody ? deref(op.spec.requestBody as Json) : undefined;
  if (!rb) return { json: false, required: false, present: false };
  const content = (rb.content ?? {}) as Record<string, unknown>;
  const json = Object.keys(content).some((t) => /json/.test(t));
  return { json, required: rb.required === true, present: true };
}

/** Checks a parsed JSON request body against the operation's requestBody schema. */
export function checkRequestBody(op: OpenApiOperation, body: unknown): SchemaCheck {
  const info = requestBodyInfo(op);
  if (!info.present || !info.json) return { ok: true, errors: [] };
  if (body === undefined) {
    return info.required ? { ok: false, errors: ['body is required'] } : { ok: true, errors: [] };
  }
  const rb = deref(op.spec.requestBody as Json);
  const fn = compile(`${op.operationId} body`, schemaOfContent(rb.content), false);
  if (fn && !fn(body)) return { ok: false, errors: formatErrors('body', fn.errors) };
  return { ok: true, errors: [] };
}

/** Whether `status` is a documented response of the operation. */
export function documentsStatus(op: OpenApiOperation, status: number): boolean {
  const responses = (op.spec.responses ?? {}) as Json;
  return String(status) in responses || 'default' in responses;
}

/** Checks a response body against the schema the description gives for `status`. */
export function checkResponse(op: OpenApiOperation, status: number, body: unknown): SchemaCheck {
  const responses = (op.spec.responses ?? {}) as Json;
  const raw = (responses[String(status)] ?? responses.default) as Json | undefined;
  if (!raw) return { ok: false, errors: [`status ${status} is not a documented response of ${op.operationId}`] };
  const response = deref(raw);
  const schema = schemaOfContent(response.content);
  if (!schema) {
    return body === undefined || body === ''
      ? { ok: true, errors: [] }
      : { ok: false, errors: [`status ${status} of ${op.operationId} documents no body, got one`] };
  }
  const fn = compile(`${op.operationId} ${status}`, schema, false);
  if (fn && !fn(body)) return { ok: false, errors: formatErrors('response', fn.errors) };
  return { ok: true, errors: [] };
}
