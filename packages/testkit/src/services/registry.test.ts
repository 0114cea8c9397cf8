import { createHash } from 'node:crypto';
import {
  MANIFEST_ACCEPT,
  buildScratchImage,
  createDockerConfig,
  describeWithService,
  docker,
  dockerLogin,
  pullImage,
  pushImage,
  removeImage,
  requireServices,
  startRegistry,
  type Registry,
} from './index.js';

const services = await requireServices('docker', 'docker-registry', 'busybox');

describeWithService(services, 'docker-registry (real container registry) with the real Docker engine', () => {
  let registry: Registry;
  let dockerConfig: { dir: string; cleanup(): Promise<void> };
  const local = `ra-test/img:${process.pid}`;
  const refs: string[] = [local];

  beforeAll(async () => {
    registry = await startRegistry({ auth: true });
    dockerConfig = await createDockerConfig();
    process.stdout.write(`docker-registry startup: ${registry.startupMs} ms\n`);
  });

  afterAll(async () => {
    await removeImage(...refs);
    await registry?.stop();
    await dockerConfig?.cleanup();
  });

  it('refuses anonymous access when auth is on', async () => {
    const res = await fetch(`${registry.url}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="test-registry"/);
  });

  it('builds FROM scratch, pushes, pulls back; the registry serves the digest docker push reported', async () => {
    const image = await buildScratchImage(
      local,
      { '/www/index.html': 'hello from scratch\n' },
      { cmd: ['sh', '-c', 'cat /www/index.html'] },
    );
    process.stdout.write(`docker build (FROM scratch + busybox): ${image.buildMs} ms\n`);
    const run = await docker(['run', '--rm', '--network', 'host', local]);
    expect(run.stdout).toBe('hello from scratch\n');

    const remote = `${registry.host}/test/img:1`;
    refs.push(remote);
    await docker(['tag', local, remote]);
    await dockerLogin(registry.host, registry.username!, registry.password!, dockerConfig.dir);
    const pushed = await pushImage(remote, { dockerConfig: dockerConfig.dir });
    expect(pushed).toMatch(/^sha256:[0-9a-f]{64}$/);

    await removeImage(remote);
    expect((await docker(['image', 'inspect', remote], { allowFailure: true })).code).not.toBe(0);
    expect(await pullImage(remote, { dockerConfig: dockerConfig.dir })).toBe(pushed);

    // Read it back through the registry's HTTP API: the header, and the hash of the bytes served.
    const res = await fetch(`${registry.url}/v2/test/img/manifests/1`, {
      headers: {
        accept: MANIFEST_ACCEPT,
        authorization: `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`,
      },
    });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('docker-content-digest')).toBe(pushed);
    expect(`sha256:${createHash('sha256').update(body).digest('hex')}`).toBe(pushed);
    expect(await registry.manifestDigest('test/img', '1')).toBe(pushed);
    expect(await registry.tags('test/img')).toEqual(['1']);
  });
});
