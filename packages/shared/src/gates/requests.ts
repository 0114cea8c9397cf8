/**
 * The requests a load sends: the target URL alone (GET, 2xx expected), or a YAML/JSON list of
 * `{method, path, headers, body, expect_status}` cycled by every connection. Paths are relative to target_url,
 * or absolute URLs of one origin when there is no target_url.
 */
import { InputError } from '../util/errors.js';

export interface LoadRequest {
  method: string;
  /** Path and query, starting with `/`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Statuses that count as success; empty = any 2xx. */
  expectStatus: number[];
}

export interface LoadTarget {
  /** scheme://host:port */
  origin: string;
  requests: LoadRequest[];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function bad(why: string): InputError {
  return new InputError(
    'requests',
    `Input "requests" is invalid: ${why}; expected a YAML or JSON list of {method, path, headers, body, ` +
      'expect_status}, e.g. [{method: GET, path: /health, expect_status: 200}].',
  );
}

function statuses(v: unknown, i: number): number[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((s) => {
    const n = typeof s === 'number' ? s : typeof s === 'string' && /^\d{3}$/.test(s.trim()) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < 100 || n > 599)
      throw bad(`item ${i + 1}: expect_status ${JSON.stringify(s)} is not an HTTP status`);
    return n;
  });
}

/** Build the load target from target_url and the (already YAML-parsed) requests list. */
export function loadTarget(targetUrl: string | undefined, requests: unknown): LoadTarget {
  if (requests === undefined || requests === null) {
    if (!targetUrl) {
      throw new InputError(
        'target_url',
        'Input "target_url" is required for the load gates with the builtin engine but was empty; expected an ' +
          'absolute URL (http or https://host/…), or a `requests` list of absolute URLs.',
      );
    }
    const u = new URL(targetUrl);
    return {
      origin: u.origin,
      requests: [{ method: 'GET', path: `${u.pathname}${u.search}`, headers: {}, expectStatus: [] }],
    };
  }
  if (!Array.isArray(requests) || requests.length === 0) throw bad('not a non-empty list');
  let origin = targetUrl ? new URL(targetUrl).origin : undefined;
  const basePath = targetUrl ? new URL(targetUrl).pathname.replace(/\/$/, '') : '';
  const out = requests.map((r: unknown, i): LoadRequest => {
    if (typeof r === 'string') r = { path: r };
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw bad(`item ${i + 1} is not a mapping`);
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!['method', 'path', 'url', 'headers', 'body', 'expect_status'].includes(k))
        throw bad(`item ${i + 1}: unknown key ${k}`);
    }
    const method = String(o.method ?? 'GET').toUpperCase();
    if (!METHODS.includes(method)) throw bad(`item ${i + 1}: method ${method} is not one of ${METHODS.join(', ')}`);
    const where = String(o.path ?? o.url ?? '/');
    let path: string;
    if (/^https?:\/\//.test(where)) {
      const u = new URL(where);
      if (origin && u.origin !== origin)
        throw bad(`item ${i + 1}: ${u.origin} is not the origin of the others (${origin})`);
      origin = u.origin;
      path = `${u.pathname}${u.search}`;
    } else {
      if (!where.startsWith('/')) throw bad(`item ${i + 1}: path ${JSON.stringify(where)} does not start with /`);
      if (/[\s\r\n]/.test(where)) throw bad(`item ${i + 1}: path contains whitespace`);
      path = `${basePath}${where}`;
    }
    const headers: Record<string, string> = {};
    if (o.headers !== undefined) {
      if (typeof o.headers !== 'object' || o.headers === null || Array.isArray(o.headers))
        throw bad(`item ${i + 1}: headers is not a mapping`);
      for (const [k, v] of Object.entries(o.headers as Record<string, unknown>)) {
        if (!/^[A-Za-z0-9-]+$/.test(k) || /[\r\n]/.test(String(v)))
          throw bad(`item ${i + 1}: header ${k} is not valid`);
        headers[k] = String(v);
      }
    }
    let body: string | undefined;
    if (o.body !== undefined && o.body !== null) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      if (typeof o.body !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['content-type'] = 'application/json';
      }
    }
    return { method, path: path || '/', headers, body, expectStatus: statuses(o.expect_status, i) };
  });
  if (!origin) throw bad('paths are relative but target_url is empty');
  return { origin, requests: out };
}

export function statusExpected(req: LoadRequest, status: number): boolean {
  return req.expectStatus.length ? req.expectStatus.includes(status) : status >= 200 && status < 300;
}
