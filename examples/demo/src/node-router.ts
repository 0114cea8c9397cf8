/**
 * The demo's own traffic router, used when nginx is not installed: a small HTTP reverse proxy on 127.0.0.1 with
 * weighted upstreams (smooth weighted round-robin, as nginx does it), keep-alive connections to the upstreams,
 * and one retry on another upstream when a connection fails before any byte was sent (nginx's
 * `proxy_next_upstream error`). The upstreams are switched live through a separate admin listener:
 * `PUT /upstreams` with `[{ "address": "127.0.0.1:8081", "weight": 100 }, …]`; requests in flight finish on
 * the upstream they started on, new ones follow the new weights.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RouterUpstream {
  /** host:port */
  address: string;
  weight: number;
}

export interface NodeRouter {
  url: string;
  port: number;
  adminUrl: string;
  adminPort: number;
  upstreams(): RouterUpstream[];
  setUpstreams(upstreams: RouterUpstream[]): void;
  /** Requests proxied, and how many got a 502 (no upstream answered). */
  stats(): { requests: number; failed: number; switches: number };
  stop(): Promise<void>;
}

/** Validates a list of upstreams (the admin API's body). */
export function parseUpstreams(value: unknown): RouterUpstream[] {
  if (!Array.isArray(value)) throw new Error('expected a JSON list of {address, weight}');
  return value.map((u: unknown, i) => {
    const o = u as { address?: unknown; weight?: unknown };
    if (typeof o?.address !== 'string' || !/^[A-Za-z0-9.[\]:-]+:\d{1,5}$/.test(o.address)) {
      throw new Error(`upstream ${i}: address must be host:port`);
    }
    const weight = o.weight === undefined ? 1 : Number(o.weight);
    if (!Number.isInteger(weight) || weight < 0 || weight > 1000) {
      throw new Error(`upstream ${i}: weight must be an integer 0..1000`);
    }
    return { address: o.address, weight };
  });
}

/** Smooth weighted round-robin: the sequence nginx produces for the same weights. */
class Picker {
  private current = new Map<string, number>();
  constructor(private readonly list: RouterUpstream[]) {}

  pick(exclude?: string): RouterUpstream | undefined {
    let best: RouterUpstream | undefined;
    let total = 0;
    for (const u of this.list) {
      if (u.weight <= 0 || u.address === exclude) continue;
      total += u.weight;
      const c = (this.current.get(u.address) ?? 0) + u.weight;
      this.current.set(u.address, c);
      if (!best || c > (this.current.get(best.address) ?? 0)) best = u;
    }
    if (best) this.current.set(best.address, (this.current.get(best.address) ?? 0) - total);
    return best;
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startNodeRouter(initial: RouterUpstream[] = []): Promise<NodeRouter> {
  let list = parseUpstreams(initial);
  let picker = new Picker(list);
  let requests = 0;
  let failed = 0;
  let switches = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried?: string): void => {
    const target = picker.pick(tried);
    if (!target) {
      failed++;
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no upstream available\n');
      return;
    }
    const [host, port] = [target.address.slice(0, target.address.lastIndexOf(':')), target.address.split(':').pop()];
    const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    delete headers.connection;
    const up = request(
      { host, port: Number(port), method: req.method, path: req.url, headers, agent, timeout: 10_000 },
      (ures) => {
        const out: Record<string, string | string[] | undefined> = { ...ures.headers, 'x-upstream': target.address };
        delete out.connection;
        delete out['keep-alive'];
        res.writeHead(ures.statusCode ?? 502, out);
        ures.pipe(res);
      },
    );
    up.on('timeout', () => up.destroy(new Error('upstream timeout')));
    up.on('error', () => {
      if (!res.headersSent && tried === undefined) {
        forward(req, res, body, target.address);
        return;
      }
      failed++;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream error\n');
      else res.destroy();
    });
    up.end(body);
  };

  const front = createServer((req, res) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks)));
  });
  front.keepAliveTimeout = 30_000;

  const admin = createServer((req, res) => {
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(value)}\n`);
    if (req.url !== '/upstreams') return json(404, { error: 'GET or PUT /upstreams' });
    if (req.method === 'GET') return json(200, list);
    if (req.method !== 'PUT') return json(405, { error: 'GET or PUT /upstreams' });
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      try {
        list = parseUpstreams(JSON.parse(text));
        picker = new Picker(list);
        switches++;
        json(200, list);
      } catch (e) {
        json(400, { error: e instanceof Error ? e.message : String(e) });
      }
    });
  });

  const port = await listen(front);
  const adminPort = await listen(admin);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    adminUrl: `http://127.0.0.1:${adminPort}/upstreams`,
    adminPort,
    upstreams: () => list.map((u) => ({ ...u })),
    setUpstreams(upstreams) {
      list = parseUpstreams(upstreams);
      picker = new Picker(list);
      switches++;
    },
    stats: () => ({ requests, failed, switches }),
    async stop() {
      agent.destroy();
      const close = (s: Server) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      await Promise.all([close(front), close(admin)]);
    },
  };
}
