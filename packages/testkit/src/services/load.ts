/**
 * Small HTTP pieces for traffic tests: `startNamedServer(name)` (an upstream answering its name) and
 * `loadLoop()` (N keep-alive clients hammering a URL for a bounded time, counting statuses, bodies
 * and errors, and keeping each client's sequence of bodies so a test can check the order of a switch).
 *
 * The clients are lean on purpose (a raw TCP socket each, the GET's bytes prepared once, a minimal
 * HTTP/1.1 response parser: Content-Length, chunked, Connection: close), so the generator costs little
 * CPU and the ≥ 300 req/s a switch test needs has headroom on a busy 2-core machine (node:http's client
 * costs about twice as much per request).
 *
 * Keep-alive retry: when a request sent on a REUSED idle connection fails before any response byte
 * (ECONNRESET / socket hang up: the server closed the idle connection as the request left, e.g. an
 * nginx worker retiring after a reload), a GET is retried once on a new connection, as RFC 9112 §9.3.1
 * allows and browsers do. Those are counted in `retried`, never hidden; errors on fresh connections
 * and any second failure are counted in `errors`.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

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
  /** Stop early (each client finishes its current request). */
  signal?: AbortSignal;
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

export function emptyLoadResult(): LoadResult {
  return {
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
}

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  retried: boolean;
}

interface Response {
  status: number;
  body: Buffer;
  close: boolean;
}

/**
 * Parses one HTTP/1.1 response at the start of `buf`: the response and the bytes it used, or undefined when
 * more bytes are needed. Throws on a malformed response.
 */
export function parseResponse(buf: Buffer): { res: Response; used: number } | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = buf.toString('latin1', 0, end).split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '');
  if (!m) throw new Error(`bad status line: ${JSON.stringify(head[0])}`);
  let length: number | undefined;
  let chunked = false;
  let close = /^HTTP\/1\.0/.test(head[0] as string);
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line
      .slice(i + 1)
      .trim()
      .toLowerCase();
    if (name === 'content-length') length = Number(value);
    else if (name === 'transfer-encoding') chunked = value.includes('chunked');
    else if (name === 'connection') close = value.includes('close');
  }
  const status = Number(m[1]);
  let pos = end + 4;
  if (chunked) {
    const parts: Buffer[] = [];
    for (;;) {
      const eol = buf.indexOf('\r\n', pos);
      if (eol < 0) return undefined;
      const size = parseInt(buf.toString('latin1', pos, eol), 16);
      if (Number.isNaN(size)) throw new Error('bad chunk size');
      if (size === 0) {
        const trailerEnd = buf.indexOf('\r\n', eol + 2);
        if (trailerEnd < 0) return undefined;
        return { res: { status, body: Buffer.concat(parts), close }, used: trailerEnd + 2 };
      }
      if (buf.length < eol + 2 + size + 2) return undefined;
      parts.push(buf.subarray(eol + 2, eol + 2 + size));
      pos = eol + 2 + size + 2;
    }
  }
  const n = status === 204 || status === 304 || (status >= 100 && status < 200) ? 0 : (length ?? -1);
  if (n < 0) throw new Error('response without Content-Length or chunked encoding'); // read-until-close: not used here
  if (buf.length < pos + n) return undefined;
  return { res: { status, body: buf.subarray(pos, pos + n), close }, used: pos + n };
}

/** One keep-alive connection issuing requests one after another (no pipelining). */
class RawConnection {
  private socket?: Socket;
  /** Responses this socket has completed: a failure on a socket that served before is a stale connection. */
  private served = 0;
  private buf: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (r: Response) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
  private gotBytes = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly requestBytes: Buffer,
    private readonly timeoutMs: number,
  ) {}

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.served = 0;
    this.buf = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      if (this.socket !== socket) return;
      this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
      const w = this.waiting;
      if (!w) return;
      this.gotBytes = true;
      let parsed: ReturnType<typeof parseResponse>;
      try {
        parsed = parseResponse(this.buf);
      } catch (e) {
        this.fail(e as Error);
        return;
      }
      if (!parsed) return;
      this.buf = this.buf.subarray(parsed.used);
      this.served++;
      this.waiting = undefined;
      clearTimeout(w.timer);
      if (parsed.res.close) this.drop();
      w.resolve(parsed.res);
    });
    const gone = (e?: Error) => {
      if (this.socket !== socket) return; // an old socket, dropped already
      this.fail(e ?? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    };
    socket.on('error', gone);
    socket.on('close', () => gone());
    this.socket = socket;
    return socket;
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    this.drop();
    if (w) {
      clearTimeout(w.timer);
      w.reject(e);
    }
  }

  drop(): void {
    const s = this.socket;
    this.socket = undefined;
    s?.destroy();
  }

  /**
   * Sends the GET; resolves the response, or rejects with `reused: true` when the connection had served
   * before and not one byte of this response came (the server closed the idle connection under it).
   */
  get(): Promise<Response> {
    const reused = this.socket !== undefined && this.served > 0;
    const socket = this.socket ?? this.open();
    this.gotBytes = false;
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('timeout')), this.timeoutMs);
      this.waiting = { resolve, reject: (e) => reject(Object.assign(e, { reused: reused && !this.gotBytes })), timer };
      socket.write(this.requestBytes);
    });
  }
}

async function oneRequest(conn: RawConnection, options: LoadOptions): Promise<Outcome> {
  const stale = (e: Error & { code?: string; reused?: boolean }): boolean =>
    e.reused === true && /ECONNRESET|socket hang up|EPIPE/.test(`${e.code ?? ''} ${e.message}`);
  let retried = false;
  for (;;) {
    try {
      const r = await conn.get();
      return { status: r.status, body: r.body.toString('utf8').trim().slice(0, 200), retried };
    } catch (e) {
      const err = e as Error & { code?: string; reused?: boolean };
      if (!retried && stale(err) && options.retryStaleConnection !== false) {
        retried = true;
        continue;
      }
      return { error: err.code ?? err.message, retried };
    }
  }
}

/** Runs `concurrency` clients (one keep-alive connection each) against `url` for `durationMs`. */
export async function loadLoop(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.protocol !== 'http:') throw new Error(`loadLoop speaks plain http only, not ${url.protocol}`);
  const concurrency = options.concurrency ?? 16;
  const durationMs = options.durationMs ?? 3_000;
  const maxPerClient = options.maxRequestsPerClient ?? 100_000;
  const port = Number(url.port || 80);
  const hostHeader = url.host;
  const extra = Object.entries(options.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const requestBytes = Buffer.from(
    `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: ra-load\r\n${extra}\r\n`,
    'latin1',
  );
  const result = emptyLoadResult();
  const start = performance.now();
  const deadline = start + durationMs;
  const client = async (index: number): Promise<void> => {
    const conn = new RawConnection(url.hostname, port, requestBytes, options.timeoutMs ?? 5_000);
    const sequence: string[] = [];
    result.sequences[index] = sequence;
    try {
      for (let n = 0; n < maxPerClient && performance.now() < deadline && !options.signal?.aborted; n++) {
        const t0 = performance.now();
        const o = await oneRequest(conn, options);
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
      conn.drop();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
  result.durationMs = Math.round(performance.now() - start);
  return result;
}

/** Requests per second of a result. */
export const rps = (r: LoadResult): number => (r.durationMs > 0 ? r.total / (r.durationMs / 1000) : 0);
