import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithService, requireService, run, startVerdaccio, type Verdaccio } from './index.js';

const verdaccio = await requireService('verdaccio');

describeWithService(verdaccio, 'Verdaccio (real npm registry)', () => {
  let registry: Verdaccio;
  let pkgDir: string;

  beforeAll(async () => {
    registry = await startVerdaccio();
    process.stdout.write(`verdaccio startup: ${registry.startupMs} ms\n`);
    pkgDir = await mkdtemp(join(tmpdir(), 'ra-pkg-'));
    await writeFile(
      join(pkgDir, 'package.json'),
      JSON.stringify({ name: '@ra-test/tiny', version: '1.2.3', main: 'index.js', license: 'MIT' }),
    );
    await writeFile(join(pkgDir, 'index.js'), 'module.exports = 42;\n');
  });

  afterAll(async () => {
    await registry?.stop();
    if (pkgDir) await rm(pkgDir, { recursive: true, force: true });
  });

  it('answers /-/ping on 127.0.0.1 and hands out a token on login', async () => {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(registry.token.length).toBeGreaterThan(10);
    const whoami = await fetch(`${registry.url}-/whoami`, { headers: { authorization: `Bearer ${registry.token}` } });
    expect(await whoami.json()).toEqual({ username: registry.username });
  });

  it('refuses a publish without token (ENEEDAUTH / 401)', async () => {
    const env = await registry.npmEnv({ token: null });
    const res = await run('npm', ['publish', '--registry', registry.url], { cwd: pkgDir, env, allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/ENEEDAUTH|E401|401/);
  });

  it('publishes with the token; npm view reads the version back', async () => {
    const env = await registry.npmEnv();
    await run('npm', ['publish', '--registry', registry.url], { cwd: pkgDir, env });
    const view = await run('npm', ['view', '@ra-test/tiny', 'version', '--registry', registry.url], { env });
    expect(view.stdout.trim()).toBe('1.2.3');
    // Reads are open to all: no token needed.
    const anon = await fetch(`${registry.url}@ra-test%2ftiny`);
    expect(anon.status).toBe(200);
  });

  it('does not proxy unknown packages anywhere (no uplinks)', async () => {
    const res = await fetch(`${registry.url}left-pad`);
    expect(res.status).toBe(404);
  });
});
