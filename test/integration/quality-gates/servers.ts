/**
 * Local HTTP servers with controlled latency and error rates for the quality-gates tests, on 127.0.0.1 with
 * ephemeral ports: `failEvery: 20` fails exactly 5% of requests (every 20th answers 500), `delayMs` answers
 * after a fixed delay, `delayCycleMs` cycles through delays (a known latency distribution).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  requests(): number;
  stop(): Promise<void>;
}

export async function startTestServer(
  o: { delayMs?: number; delayCycleMs?: number[]; failEvery?: number } = {},
): Promise<TestServer> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    n++;
    const fail = o.failEvery !== undefined && n % o.failEvery === 0;
    const delay = o.delayCycleMs ? (o.delayCycleMs[n % o.delayCycleMs.length] as number) : (o.delayMs ?? 0);
    const answer = () => {
      res.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain' });
      res.end(fail ? 'boom' : 'ok');
    };
    if (delay) setTimeout(answer, delay);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests: () => n,
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}
