/**
 * The rollback's registry reverts against real registries: `npm_dist_tag_revert` moves npm `latest` back on
 * Verdaccio (the token only in a temp userconfig under RUNNER_TEMP, removed after; the registry read back), and
 * `docker_tag_revert` points `latest` at the restored version's manifest on Debian's docker-registry (with
 * htpasswd auth) through the registry's HTTP API, as the release stage sets moving tags.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerTagLatest, npmDistTagLatest } from '../../packages/shared/src/deploy/registries.js';
import { MemoryLogger } from '../../packages/shared/src/util/logger.js';
import { appStartCommand } from '../support/deploy.js';
import { runAction } from '../support/run-action.js';
import { publishVersions, startImageRegistry, type ImageRegistry } from '../support/registry-fixtures.js';
import {
  describeWithService,
  docker,
  pushImage,
  requireService,
  requireServices,
  run,
  startVerdaccio,
  type Registry,
  type Verdaccio,
} from '../support/services/index.js';

const npmServices = await requireService('verdaccio');

/** The bundled rollback action to a named version, started through the command workload (no router). */
const rollbackAction = (base: string, inputs: Record<string, string>, keepTemp = false) => {
  const ws = mkdtempSync(join(base, 'ws-'));
  return runAction('rollback', {
    cwd: ws,
    keepTemp,
    timeoutMs: 60_000,
    inputs: {
      environment: 'production',
      to_version: '1.0.0',
      workload: 'command',
      start_command: appStartCommand(),
      health_url: 'http://127.0.0.1:{port}/health',
      router: 'none',
      state_dir: join(ws, 'state'),
      status_file: join(ws, 'release-status.yaml'),
      ...inputs,
    },
  });
};
/** The log without the `::add-mask::` commands (which carry the secret to the runner, by design). */
const unmasked = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
const stopStarted = (r: { workspace: string }) => {
  try {
    const st = JSON.parse(readFileSync(join(r.workspace, 'state', 'state.json'), 'utf8')) as {
      slots: Record<string, { instances: { pid?: number }[] }>;
    };
    for (const s of Object.values(st.slots)) for (const i of s.instances) if (i.pid) process.kill(-i.pid, 'SIGTERM');
  } catch {
    /* nothing started */
  }
};
const dockerServices = await requireServices('docker', 'docker-registry');

describeWithService(npmServices, 'npm_dist_tag_revert against Verdaccio', () => {
  let v: Verdaccio;
  let base: string;
  const PKG = '@acme/widget';
  const latest = async () =>
    ((await (await fetch(`${v.url}@acme%2fwidget`)).json()) as { 'dist-tags': Record<string, string> })['dist-tags']
      .latest;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'ra-revert-npm-'));
    v = await startVerdaccio();
    await publishVersions(v, base, PKG, ['1.0.0', '1.1.0']);
  }, 90_000);
  afterAll(async () => {
    await v?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('latest 1.1.0 → 1.0.0; the temp userconfig with the token is gone after', async () => {
    expect(await latest()).toBe('1.1.0');
    const runnerTemp = mkdtempSync(join(base, 'runner-temp-'));
    const log = new MemoryLogger();
    const r = await npmDistTagLatest({
      pkg: PKG,
      version: '1.0.0',
      registry: v.url,
      token: v.token,
      tempDir: runnerTemp,
      log,
    });
    expect(r.previous).toBe('1.1.0');
    expect(await latest()).toBe('1.0.0');
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(log.messages().join('\n')).toContain(`npm: ${PKG} latest 1.1.0 → 1.0.0`);
    expect(log.messages().join('\n')).not.toContain(v.token);
    // Again: already there, nothing to do.
    await npmDistTagLatest({ pkg: PKG, version: '1.0.0', registry: v.url, token: v.token, tempDir: runnerTemp, log });
    expect(log.messages().at(-1)).toBe(`npm: ${PKG} latest is already 1.0.0`);
  }, 60_000);

  test('a refused token: a clear error without the token, latest unchanged, no temp file left', async () => {
    const runnerTemp = mkdtempSync(join(base, 'runner-temp-'));
    const bad = 'not-a-valid-token-0123456789';
    const err = await npmDistTagLatest({
      pkg: PKG,
      version: '1.1.0',
      registry: v.url,
      token: bad,
      tempDir: runnerTemp,
      log: new MemoryLogger(),
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/npm dist-tag add @acme\/widget@1\.1\.0 latest failed|HTTP 401/);
    expect((err as Error).message).not.toContain(bad);
    expect(await latest()).toBe('1.0.0');
    expect(readdirSync(runnerTemp)).toEqual([]);
  }, 60_000);

  test('the bundled rollback action with npm_dist_tag_revert: latest moved back, the token never shown', async () => {
    const pub = await v.npmEnv();
    await run('npm', ['dist-tag', 'add', `${PKG}@1.1.0`, 'latest', '--registry', v.url], { env: pub });
    expect(await latest()).toBe('1.1.0');
    const r = await rollbackAction(
      base,
      { npm_dist_tag_revert: 'true', npm_package: PKG, npm_registry_url: v.url, npm_token: v.token },
      true,
    );
    stopStarted(r);
    try {
      expect(r.errors).toEqual([]);
      expect(r.outputs).toMatchObject({ status: 'rolled-back', version: '1.0.0' });
      expect(await latest()).toBe('1.0.0');
      expect(r.summary).toContain(`npm ${PKG} latest → 1.0.0`);
      expect(r.log).toContain(`::add-mask::${v.token}`);
      expect(`${unmasked(r.log)}${r.summary}${JSON.stringify(r.outputs)}`).not.toContain(v.token);
      expect(readdirSync(r.runnerTemp).filter((f) => f.startsWith('release-npm-'))).toEqual([]);
    } finally {
      rmSync(r.runnerTemp, { recursive: true, force: true });
    }
  }, 60_000);

  test('a version that was never published: refused before anything moves', async () => {
    await expect(
      npmDistTagLatest({
        pkg: PKG,
        version: '0.9.0',
        registry: v.url,
        token: v.token,
        tempDir: base,
        log: new MemoryLogger(),
      }),
    ).rejects.toThrow(`${PKG}@0.9.0 is not in ${v.url}: cannot move latest back to it`);
  });
});

describeWithService(dockerServices, 'docker_tag_revert against docker-registry (HTTP API retag)', () => {
  let images: ImageRegistry;
  let registry: Registry;
  let config: ImageRegistry['config'];
  let digests: Record<string, string>;
  let image: string;

  beforeAll(async () => {
    images = await startImageRegistry(['1.0.0', '1.1.0']);
    ({ registry, config, digests, image } = images);
    images.refs.push(`${image}:latest`);
    await docker(['tag', `${image}:1.1.0`, `${image}:latest`]);
    await pushImage(`${image}:latest`, { dockerConfig: config.dir });
  }, 120_000);
  afterAll(async () => images?.stop());

  test('latest → the restored version’s manifest digest, through the HTTP API', async () => {
    expect(await registry.manifestDigest('acme/widget', 'latest')).toBe(digests['1.1.0']);
    const log = new MemoryLogger();
    const r = await dockerTagLatest({
      image,
      version: '1.0.0',
      credentials: { username: registry.username!, password: registry.password! },
      log,
    });
    expect(r).toEqual({ digest: digests['1.0.0'], previous: digests['1.1.0'] });
    expect(await registry.manifestDigest('acme/widget', 'latest')).toBe(digests['1.0.0']);
    expect(await registry.manifestDigest('acme/widget', '1.1.0')).toBe(digests['1.1.0']); // untouched
  }, 60_000);

  test('wrong credentials or a missing version: a clear error, latest unchanged', async () => {
    await expect(
      dockerTagLatest({
        image,
        version: '1.1.0',
        credentials: { username: registry.username!, password: 'wrong' },
        log: new MemoryLogger(),
      }),
    ).rejects.toThrow(/HTTP 401/);
    await expect(
      dockerTagLatest({
        image: `${image}:{version}`,
        version: '0.9.0',
        credentials: { username: registry.username!, password: registry.password! },
        log: new MemoryLogger(),
      }),
    ).rejects.toThrow(`${image}:0.9.0 is not in the registry: cannot move latest back to it`);
    expect(await registry.manifestDigest('acme/widget', 'latest')).toBe(digests['1.0.0']);
  }, 60_000);

  test('the bundled rollback action with docker_tag_revert: latest moved back, the password masked', async () => {
    await docker(['tag', `${image}:1.1.0`, `${image}:latest`]);
    await pushImage(`${image}:latest`, { dockerConfig: config.dir });
    const base = mkdtempSync(join(tmpdir(), 'ra-revert-docker-'));
    const r = await rollbackAction(base, {
      docker_tag_revert: 'true',
      docker_image: image,
      registry_username: registry.username!,
      registry_password: registry.password!,
    });
    stopStarted(r);
    rmSync(base, { recursive: true, force: true });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ status: 'rolled-back', version: '1.0.0' });
    expect(await registry.manifestDigest('acme/widget', 'latest')).toBe(digests['1.0.0']);
    expect(r.summary).toContain(`${image} latest → 1.0.0`);
    expect(r.log).toContain(`::add-mask::${registry.password!}`);
    expect(`${unmasked(r.log)}${r.summary}`).not.toContain(registry.password!);
  }, 60_000);
});
