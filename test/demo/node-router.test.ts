/**
 * The demo's own router (used when nginx is not installed): weighted like nginx, switched live through its
 * admin listener without failing a request, retries another upstream when one refuses connections, refuses bad
 * weights.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseUpstreams, startNodeRouter, type NodeRouter } from '../../examples/demo/src/node-router.js';

const servers: Server[] = [];
let router: NodeRouter | undefined;

async function upstream(name: string): Promise<string> {
  const s = createServer((_req, res) => res.end(name));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await router?.stop();
  router = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function hits(url: string, n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const res = await fetch(url);
    const body = res.ok ? await res.text() : `status ${res.status}`;
    out[body] = (out[body] ?? 0) + 1;
  }
  return out;
}

test('weights split traffic exactly (smooth weighted round-robin)', async () => {
  const [blue, green] = [await upstream('blue'), await upstream('green')];
  router = await startNodeRouter([
    { address: blue, weight: 90 },
    { address: green, weight: 10 },
  ]);
  expect(await hits(router.url, 100)).toEqual({ blue: 90, green: 10 });
});

test('a switch through the admin listener under load fails no request', async () => {
  const [blue, green] = [await upstream('blue'), await upstream('green')];
  router = await startNodeRouter([{ address: blue, weight: 100 }]);
  let failed = 0;
  const seen: string[] = [];
  let running = true;
  const load = Promise.all(
    [1, 2, 3, 4].map(async () => {
      while (running) {
        try {
          const res = await fetch(router!.url);
          const body = await res.text();
          if (!res.ok) failed++;
          else if (seen[seen.length - 1] !== body) seen.push(body);
        } catch {
          failed++;
        }
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 200));
  const res = await fetch(router.adminUrl, {
    method: 'PUT',
    body: JSON.stringify([
      { address: blue, weight: 0 },
      { address: green, weight: 100 },
    ]),
  });
  expect(res.status).toBe(200);
  await new Promise((r) => setTimeout(r, 200));
  running = false;
  await load;
  expect(failed).toBe(0);
  expect(seen[0]).toBe('blue');
  expect(seen[seen.length - 1]).toBe('green');
  expect(router.stats()).toMatchObject({ failed: 0, switches: 1 });
  expect(await hits(router.url, 5)).toEqual({ green: 5 });
});

test('an upstream refusing connections is retried on another one', async () => {
  const live = await upstream('live');
  router = await startNodeRouter([
    { address: '127.0.0.1:9', weight: 50 },
    { address: live, weight: 50 },
  ]);
  expect(await hits(router.url, 10)).toEqual({ live: 10 });
});

test('no upstream with weight: 502; bad weights refused with 400 and nothing changed', async () => {
  router = await startNodeRouter([]);
  expect((await fetch(router.url)).status).toBe(502);
  const res = await fetch(router.adminUrl, { method: 'PUT', body: '[{"address":"nowhere","weight":1}]' });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: 'upstream 0: address must be host:port' });
  expect(router.upstreams()).toEqual([]);
  expect(() => parseUpstreams([{ address: '127.0.0.1:80', weight: -1 }])).toThrow('weight must be an integer');
});
