/** An HTTP proxy before a real registry that counts some requests and, on demand, fails them (a registry down). */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  url: string;
  port: number;
  /** While set, the matching requests are failed (`refuse`) instead of forwarded. */
  fail: boolean;
  /** How many matching requests came (failed or forwarded). */
  matched: number;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** Which requests are counted and can be failed. */
  matches(req: IncomingMessage): boolean;
  /** How a matching request fails while `fail` is set. */
  refuse(req: IncomingMessage, res: ServerResponse): void;
  /** Send the target's host as Host (default: the client's Host header as it came). */
  targetHost?: boolean;
}

export async function startFaultProxy(target: string, o: FaultProxyOptions): Promise<FaultProxy> {
  const t = new URL(target);
  const state = { fail: false, matched: 0 };
  const server: Server = createServer((req, res) => {
    if (o.matches(req)) {
      state.matched++;
      if (state.fail) return o.refuse(req, res);
    }
    const headers = o.targetHost ? { ...req.headers, host: t.host } : req.headers;
    const up = httpRequest({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    get fail() {
      return state.fail;
    },
    set fail(v: boolean) {
      state.fail = v;
    },
    get matched() {
      return state.matched;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
