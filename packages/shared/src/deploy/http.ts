/** Small HTTP client for health checks, smoke tests, probes and version checks (keep-alive, timeouts). */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  latencyMs: number;
}

const agents = { http: new Agent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true }) };

/** GET a URL; rejects on a network error or after `timeoutMs`. Bodies are capped at 1 MB. */
export function httpGet(
  url: string,
  o: { timeoutMs?: number; headers?: Record<string, string>; keepAlive?: boolean } = {},
): Promise<HttpResult> {
  const u = new URL(url);
  const https = u.protocol === 'https:';
  const fn = https ? httpsRequest : request;
  const agent = o.keepAlive === false ? false : https ? agents.https : agents.http;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = fn(u, { method: 'GET', agent, headers: o.headers, timeout: o.timeoutMs ?? 5000 }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size <= 1_000_000) chunks.push(d);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          latencyMs: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs ?? 5000}ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** GET with one retry when a reused keep-alive connection was closed under the request (as browsers do). */
export async function httpGetRetry(url: string, o: Parameters<typeof httpGet>[1] = {}): Promise<HttpResult> {
  try {
    return await httpGet(url, o);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (/ECONNRESET|EPIPE/.test(code) || /socket hang up/.test((e as Error).message)) {
      return httpGet(url, { ...o, keepAlive: false });
    }
    throw e;
  }
}

/** Replace the path (and query) of `base` with `path`. */
export function joinUrl(base: string, path: string): string {
  return new URL(path, base).toString();
}

/** p-th percentile (nearest rank) of a list of numbers; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}
