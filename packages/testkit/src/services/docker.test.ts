import {
  buildScratchImage,
  describeWithService,
  dockerAvailable,
  requireServices,
  runContainer,
  waitFor,
  freePort,
} from './index.js';

const services = await requireServices('docker', 'busybox');

describeWithService(services, 'Docker engine helpers', () => {
  it('dockerAvailable() answers', async () => {
    expect(await dockerAvailable()).toBe(true);
  });

  it('runs busybox httpd from a FROM scratch image on host networking, bound to 127.0.0.1', async () => {
    const tag = `ra-test/httpd:${process.pid}`;
    const image = await buildScratchImage(tag, { '/www/index.html': 'v1\n' });
    const port = await freePort();
    const container = await runContainer(tag, ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', '/www']);
    try {
      const body = await waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/index.html`);
          return res.ok ? res.text() : undefined;
        },
        { timeoutMs: 10_000, what: 'busybox httpd' },
      );
      expect(body).toBe('v1\n');
    } finally {
      await container.stop();
      await image.remove();
    }
  });
});
