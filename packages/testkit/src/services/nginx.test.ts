import {
  describeWithService,
  loadLoop,
  requireService,
  startNamedServer,
  startNginx,
  sleep,
  type NamedServer,
  type Nginx,
} from './index.js';

const nginxStatus = await requireService('nginx');

describeWithService(nginxStatus, 'nginx (real traffic router)', () => {
  let a: NamedServer;
  let b: NamedServer;
  let nginx: Nginx;

  beforeAll(async () => {
    [a, b] = await Promise.all([startNamedServer('A'), startNamedServer('B')]);
    nginx = await startNginx({
      upstreams: [
        {
          name: 'app',
          servers: [
            { address: a.address, weight: 100 },
            { address: b.address, down: true },
          ],
        },
      ],
    });
    process.stdout.write(`nginx startup: ${nginx.startupMs} ms\n`);
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('proxies to the weighted upstream and validates its config', async () => {
    const res = await fetch(nginx.url);
    expect(await res.text()).toBe('A');
    expect(res.headers.get('x-config-generation')).toBe('1');
    await nginx.test();
  });

  it('refuses to reload an invalid config and keeps serving', async () => {
    await nginx.writeUpstreams([{ name: 'app', servers: [] }]);
    await expect(nginx.reload()).rejects.toThrow(/nginx -t failed/);
    expect(nginx.generation()).toBe(1);
    expect(await (await fetch(nginx.url)).text()).toBe('A');
  });

  it('switches A → B with a reload under keep-alive load: zero failed requests, A then B', async () => {
    const load = loadLoop({ url: nginx.url, concurrency: 8, durationMs: 3_000 });
    await sleep(1_000);
    await nginx.writeUpstreams([
      {
        name: 'app',
        servers: [
          { address: a.address, down: true },
          { address: b.address, weight: 100 },
        ],
      },
    ]);
    const reloadMs = await nginx.reload();
    const result = await load;
    process.stdout.write(
      `nginx reload under load: ${reloadMs} ms; ${result.total} requests in ${result.durationMs} ms, ` +
        `${JSON.stringify(result.byBody)}, retried on a stale keep-alive connection: ${result.retried}\n`,
    );
    expect(result.errors).toEqual({});
    expect(result.failed).toBe(0);
    expect(result.byStatus).toEqual({ 200: result.total });
    expect(result.byBody.A).toBeGreaterThan(0);
    expect(result.byBody.B).toBeGreaterThan(0);
    // Every client saw A, then B, never back to A.
    for (const sequence of result.sequences) expect(sequence).toEqual(['A', 'B']);
    expect(nginx.generation()).toBe(2);
    expect(await nginx.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
