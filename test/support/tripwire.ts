/**
 * A server that must receive nothing: a refused run makes no request, so every request it gets is recorded (and
 * answered 500) for the test to find in `requests`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Tripwire {
  /** http://127.0.0.1:PORT, with no trailing slash. */
  url: string;
  /** `METHOD /path` of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startTripwire(): Promise<Tripwire> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r, j) => server.close((e) => (e ? j(e) : r()))),
  };
}
