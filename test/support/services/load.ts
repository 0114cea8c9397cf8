/**
 * Small HTTP pieces for traffic tests: `startNamedServer(name)` (an upstream answering its name) and
 * `loadLoop()` (N keep-alive clients hammering a URL for a bounded time, counting statuses, bodies
 * and errors, and keeping each client's sequence of bodies so a test can check the order of a switch).
 *
 * Keep-alive retry: when a request sent on a REUSED idle connection fails before any response byte
 * (ECONNRESET / socket hang up: the server closed the idle connection as the request left, e.g. an
 * nginx worker retiring after a reload), a GET is retried once on a new connection, as RFC 9112 §9.3.1
 * allows and browsers do. Those are counted in `retried`, never hidden; errors on fresh connections
 * and any second failure are counted in `errors`.
 */
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface NamedServer {
  name: string;
  port: number;
  /** 127.0.0.1:PORT, for an nginx `server` line. */
  address: string;
  url: string;
  requests(): number;
  stop(): Promise<void>;
}

/** An HTTP server on 127.0.0.1:<ephemeral> answering `name` (text/plain) to every request. */
export async function startNamedServer(
  name: string,
  options: { delayMs?: number; status?: number } = {},
): Promise<NamedServer> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    const answer = (): void => {
      res.writeHead(options.status ?? 200, { 'content-type': 'text/plain', 'x-upstream': name });
      res.end(name);
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  // Longer than nginx's upstream keepalive_timeout, so nginx (the client) closes idle connections first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    name,
    port,
    address: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/`,
    requests: () => count,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface LoadOptions {
  url: string;
  concurrency?: number;
  durationMs?: number;
  /** Hard cap on requests per client (bounds the loop even if the server is very fast). */
  maxRequestsPerClient?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Retry once a request whose reused keep-alive connection was closed under it (default true). */
  retryStaleConnection?: boolean;
}

export interface LoadResult {
  total: number;
  /** Responses by status code. */
  byStatus: Record<number, number>;
  /** Responses by body (trimmed, first 200 chars). */
  byBody: Record<string, number>;
  /** Requests that got no response (after the stale-connection retry), by error message. */
  errors: Record<string, number>;
  errorCount: number;
  /** Requests retried because a reused idle connection was closed under them. */
  retried: number;
  /** Non-2xx responses + errors. */
  failed: number;
  /** Per client, the bodies in the order received (consecutive repeats collapsed: A,A,B → A,B). */
  sequences: string[][];
  durationMs: number;
  /** Latencies in ms, in completion order. */
  latencies: number[];
}

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  retried: boolean;
}

function once(
  url: URL,
  agent: Agent,
  options: LoadOptions,
): Promise<{ res?: IncomingMessage; body?: string; error?: Error; reused: boolean }> {
  return new Promise((resolve) => {
    let reused = false;
    const req = request(url, { agent, headers: options.headers, timeout: options.timeoutMs ?? 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ res, body, reused }));
      res.on('error', (error) => resolve({ error, reused }));
    });
    req.on('socket', (socket: Socket & { _reusedByLoadLoop?: boolean }) => {
      reused = socket._reusedByLoadLoop === true;
      socket._reusedByLoadLoop = true;
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error, reused }));
    req.end();
  });
}

async function oneRequest(url: URL, agent: Agent, options: LoadOptions): Promise<Outcome> {
  let r = await once(url, agent, options);
  let retried = false;
  const stale = (e?: Error): boolean =>
    e !== undefined &&
    /ECONNRESET|socket hang up|EPIPE/.test(`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`);
  if (r.error && r.reused && stale(r.error) && options.retryStaleConnection !== false) {
    retried = true;
    r = await once(url, agent, options);
  }
  if (r.error) return { error: (r.error as NodeJS.ErrnoException).code ?? r.error.message, retried };
  return { status: r.res?.statusCode, body: (r.body ?? '').trim().slice(0, 200), retried };
}

/** Runs `concurrency` clients (one keep-alive connection each) against `url` for `durationMs`. */
export async function loadLoop(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const concurrency = options.concurrency ?? 8;
  const durationMs = options.durationMs ?? 3_000;
  const maxPerClient = options.maxRequestsPerClient ?? 100_000;
  const result: LoadResult = {
    total: 0,
    byStatus: {},
    byBody: {},
    errors: {},
    errorCount: 0,
    retried: 0,
    failed: 0,
    sequences: [],
    durationMs: 0,
    latencies: [],
  };
  const start = performance.now();
  const deadline = start + durationMs;
  const client = async (index: number): Promise<void> => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sequence: string[] = [];
    result.sequences[index] = sequence;
    try {
      for (let n = 0; n < maxPerClient && performance.now() < deadline; n++) {
        const t0 = performance.now();
        const o = await oneRequest(url, agent, options);
        result.latencies.push(performance.now() - t0);
        result.total++;
        if (o.retried) result.retried++;
        if (o.error !== undefined) {
          result.errors[o.error] = (result.errors[o.error] ?? 0) + 1;
          result.errorCount++;
          result.failed++;
          continue;
        }
        const status = o.status ?? 0;
        result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
        if (status < 200 || status >= 300) result.failed++;
        const body = o.body ?? '';
        result.byBody[body] = (result.byBody[body] ?? 0) + 1;
        if (sequence[sequence.length - 1] !== body) sequence.push(body);
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
  result.durationMs = Math.round(performance.now() - start);
  return result;
}
