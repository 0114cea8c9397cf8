/**
 * The release action's container path end to end: a real docker engine builds the image (FROM scratch), a real
 * docker-registry with htpasswd auth receives it through a proxy that can cut the push, the GitHub double takes the
 * release. The push is interrupted (the manifest upload's connection is reset); the re-run (next attempt)
 * converges: the version tag and the moving tags (1.1, 1, latest) on one digest, OCI labels on the image, the
 * registry password nowhere in logs, outputs, the summary, RUNNER_TEMP or the workspace.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient } from '@release-actions/shared/publish';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import type { GitHubDouble } from '../support/github/index.js';
import { type ReleaseRepo, releaseSuite } from '../support/release-fixture.js';
import {
  type BareRemote,
  createRepo,
  describeWithService,
  type Registry,
  requireService,
  startRegistry,
} from '../support/services/index.js';

const services = [await requireService('docker'), await requireService('docker-registry')];
const GH_TOKEN = 'ghs_e2eDockerReleaseToken98765';

describeWithService(services, 'release action: container images (docker engine, docker-registry)', () => {
  const suite = releaseSuite({ token: GH_TOKEN });
  let registry: Registry;
  let proxy: FaultProxy;
  let f: ReleaseRepo;
  let gh: GitHubDouble;
  let remote: BareRemote;
  const image = () => `127.0.0.1:${proxy.port}/acme/widget-${process.pid}`;

  beforeAll(async () => {
    registry = await startRegistry({ auth: true });
    proxy = await startProxy(registry.url);
    f = await suite.repo({
      files: {
        Dockerfile: 'FROM scratch\nARG GREETING\nCOPY hello.txt /hello.txt\n',
        'hello.txt': 'hello\n',
        'VERSION.txt': 'version 1.0.0 # x-release-actions-version\n',
      },
      commits: ['feat: images'],
    });
    ({ gh, remote } = f);
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
    execFileSync('docker', ['image', 'prune', '-f', '--filter', 'label=org.opencontainers.image.source'], {
      stdio: 'ignore',
    });
  });

  /** Run `runId` (9100), attempt `runAttempt`, in `cwd`: the image built, pushed through the proxy, its tags moved. */
  const release = (cwd: string, runAttempt: number, runId = '9100', inputs: Record<string, string> = {}) =>
    suite.run(f, {
      cwd,
      runId,
      runAttempt,
      keepTemp: true,
      timeoutMs: 120_000,
      inputs: {
        version_bump: 'auto',
        publish_registries: 'docker',
        docker_images: image(),
        docker_build_args: 'GREETING=hi',
        registry_username: registry.username as string,
        registry_password: registry.password as string,
        test_command: 'test -f hello.txt',
        version_files: 'VERSION.txt',
        ...inputs,
      },
    });

  test('push interrupted, then the re-run converges: one digest under 1.1.0, 1.1, 1, latest; labels; no secret shown', async () => {
    proxy.fail = true;
    const first = await release(f.repo.dir, 1);
    expect(first.code).toBe(1);
    expect(first.errors.join('\n')).toMatch(/docker push .* failed/);
    expect(gh.state.releases[0]?.draft).toBe(true);
    proxy.fail = false;

    const fresh = await createRepo({ remote });
    await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
    const second = await release(fresh.dir, 2);
    expect(second.errors).toEqual([]);
    expect(second.code).toBe(0);
    const name = image().split('/').slice(1).join('/');
    const digest = await registry.manifestDigest(name, '1.1.0');
    expect(digest).toMatch(/^sha256:/);
    for (const t of ['1.1', '1', 'latest']) expect(await registry.manifestDigest(name, t)).toBe(digest);
    const published = JSON.parse(second.outputs.published as string) as {
      digest_or_integrity: string;
      tags: string[];
    }[];
    expect(published[0]).toMatchObject({ digest_or_integrity: digest, tags: ['1.1.0', '1.1', '1', 'latest'] });
    // OCI labels read back from the registry
    const commit = execFileSync('git', ['--git-dir', remote.dir, 'rev-parse', 'v1.1.0^{commit}'], {
      encoding: 'utf8',
    }).trim();
    const auth = {
      authorization: `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`,
    };
    const manifest = (await (
      await fetch(`${registry.url}/v2/${name}/manifests/1.1.0`, {
        headers: {
          ...auth,
          accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
        },
      })
    ).json()) as { config: { digest: string } };
    const cfg = (await (
      await fetch(`${registry.url}/v2/${name}/blobs/${manifest.config.digest}`, { headers: auth })
    ).json()) as {
      config: { Labels: Record<string, string> };
    };
    expect(cfg.config.Labels).toMatchObject({
      'org.opencontainers.image.revision': commit,
      'org.opencontainers.image.version': '1.1.0',
      'org.opencontainers.image.source': `${gh.serverUrl}/acme/widget`,
    });
    expect(cfg.config.Labels['org.opencontainers.image.created']).toMatch(/^\d{4}-/);
    expect(execFileSync('git', ['--git-dir', remote.dir, 'show', 'v1.1.0:VERSION.txt'], { encoding: 'utf8' })).toBe(
      'version 1.1.0 # x-release-actions-version\n',
    );
    expect(gh.state.releases).toHaveLength(1);
    expect(gh.state.releases[0]?.draft).toBe(false);

    // A third attempt: everything already done, nothing pushed again.
    const manifestPutsBefore = proxy.matched;
    const third = await release(fresh.dir, 3);
    expect(third.errors).toEqual([]);
    expect(third.summary).toMatch(/docker:.*already done/);
    expect(proxy.matched).toBe(manifestPutsBefore);

    for (const r of [first, second, third]) {
      const shown = (t: string) =>
        t
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n');
      for (const text of [shown(r.stdout), shown(r.stderr), r.summary, JSON.stringify(r.outputs)]) {
        expect(text.includes(registry.password as string)).toBe(false);
        expect(text.includes(GH_TOKEN)).toBe(false);
      }
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((n) => {
          const p = join(dir, n);
          const st = statSync(p, { throwIfNoEntry: false });
          return !st ? [] : st.isDirectory() ? walk(p) : [p];
        });
      for (const file of [...walk(r.workspace), ...walk(r.runnerTemp)]) {
        if (file.endsWith('event.json')) continue;
        const text = readFileSync(file).toString('latin1');
        expect(text.includes(registry.password as string)).toBe(false);
        expect(text.includes(Buffer.from(`${registry.username}:${registry.password}`).toString('base64'))).toBe(false);
      }
    }
    gh.assertNoViolations();
    await fresh.cleanup();
  }, 240_000);

  test('the registry has 2.0.0 that git never tagged: refused on the default branch, tags untouched; a backport branch never takes latest', async () => {
    const name = image().split('/').slice(1).join('/');
    // 2.0.0 pushed outside this repository's releases (the 1.1.0 manifest under 2.0.0, 2 and latest)
    const registryApi = new RegistryClient(fetch, {
      username: registry.username ?? '',
      password: registry.password ?? '',
    });
    const d110 = (await registry.manifestDigest(name, '1.1.0')) ?? '';
    for (const t of ['2.0.0', '2', 'latest']) await registryApi.tag(image(), d110, t);
    const tagsBefore = (await registry.tags(name)).sort();
    const digests = async () =>
      Object.fromEntries(await Promise.all(tagsBefore.map(async (t) => [t, await registry.manifestDigest(name, t)])));
    const digestsBefore = await digests();
    const work = await createRepo({ remote });
    await work.git('commit', '--allow-empty', '-q', '-m', 'feat: more');
    await work.git('push', '-q', 'origin', 'main');
    const refused = await release(work.dir, 1, '9200');
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toContain(
      `image ${image()} has 2.0.0 as its latest, and this release would publish 1.2.0, lower, from the default branch`,
    );
    expect(refused.errors[0]).toMatch(/as v2\.0\.0 and push the tag/);
    expect((await registry.tags(name)).sort()).toEqual(tagsBefore);
    expect(await digests()).toEqual(digestsBefore);
    expect(gh.state.releases).toHaveLength(1);

    // From a maintenance branch it is a backport: 1.2.0, 1.2 and 1, never latest (it stays on 2.0.0's manifest).
    await work.git('checkout', '-q', '-b', 'release/1.x');
    await work.git('push', '-q', 'origin', 'release/1.x');
    const backport = await release(work.dir, 1, '9201', { release_branch: 'release/1.x' });
    expect(backport.errors).toEqual([]);
    expect(backport.outputs).toMatchObject({ version: '1.2.0', status: 'released' });
    const published = JSON.parse(backport.outputs.published as string) as { tags: string[] }[];
    expect(published[0]?.tags).toEqual(['1.2.0', '1.2', '1']);
    const d120 = await registry.manifestDigest(name, '1.2.0');
    expect(await registry.manifestDigest(name, '1')).toBe(d120);
    for (const t of ['2.0.0', '2', 'latest']) expect(await registry.manifestDigest(name, t)).toBe(digestsBefore[t]);
    expect(gh.state.releases.find((r) => r.tagName === 'v1.2.0')).toMatchObject({ makeLatest: 'false' });
    gh.assertNoViolations();
    await work.cleanup();
  }, 240_000);
});

/** An HTTP proxy before the registry that resets the connection of manifest uploads while `fail` is set. */
const startProxy = (target: string) =>
  startFaultProxy(target, {
    matches: (req) => req.method === 'PUT' && /\/manifests\//.test(req.url ?? ''),
    refuse: (req) => req.socket.destroy(),
  });
