/**
 * SBOMs in the release, end to end (bundled action, git remote, Verdaccio, the GitHub double): each npm package
 * released gets a CycloneDX SBOM from the lockfile, attached to the draft before npm publishes and verified with
 * the other assets before the release goes public; a re-run makes the same bytes, so no second asset.
 */
import { jsonFile, releaseSuite } from '../support/release-fixture.js';
import { describeWithService, requireService } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');

describeWithService(verdaccioService, 'release SBOMs (git remote, Verdaccio, GitHub double)', () => {
  const suite = releaseSuite({ token: 'ghs_e2eReleaseSbomToken0123456789', npm: true });

  test('an SBOM per npm package, from the lockfile, on the release; the re-run adds nothing', async () => {
    const scope = `@sbom${process.pid}`;
    const lock = {
      name: 'mono',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'mono', version: '1.0.0', workspaces: ['packages/*'] },
        'packages/core': {
          name: `${scope}/core`,
          version: '1.0.0',
          license: 'MIT',
          dependencies: { 'left-pad': '^1.3.0' },
        },
        [`node_modules/${scope}/core`]: { resolved: 'packages/core', link: true },
        'node_modules/left-pad': {
          version: '1.3.0',
          resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
          integrity: 'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEWLZsRrbZiwzIQd0HHp0tMQbcDAVQN5Gz8uWSLg3Jtyc9A==',
          license: 'WTFPL',
        },
      },
    };
    const root = {
      name: 'mono',
      version: '1.0.0',
      private: true,
      workspaces: ['packages/*'],
      scripts: { test: 'true' },
    };
    const core = { name: `${scope}/core`, version: '1.0.0', license: 'MIT', dependencies: { 'left-pad': '^1.3.0' } };
    const f = await suite.repo({
      scope,
      files: {
        'package.json': jsonFile(root, 0),
        'package-lock.json': jsonFile(lock),
        'packages/core/package.json': jsonFile(core),
        'packages/core/index.js': 'module.exports = 1;\n',
      },
      commits: ['feat: sbom'],
    });
    const { gh } = f;
    const run = (runAttempt: number, cwd: string) =>
      suite.run(f, { cwd, runId: '8201', runAttempt, timeoutMs: 120_000 });

    const first = await run(1, f.repo.dir);
    expect(first.errors).toEqual([]);
    expect(first.outputs.status).toBe('released');
    const rel = gh.state.releases[0]!;
    expect(rel.draft).toBe(false);
    const name = `sbom${process.pid}-core-1.1.0.npm.cdx.json`;
    expect(rel.assets.map((a) => a.name)).toEqual([name]);
    const doc = JSON.parse(rel.assets[0]!.data.toString('utf8'));
    expect(doc).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(doc.metadata.component).toMatchObject({
      name: 'core',
      version: '1.1.0',
      purl: `pkg:npm/%40sbom${process.pid}/core@1.1.0`,
    });
    expect(doc.components).toEqual([
      expect.objectContaining({
        name: 'left-pad',
        version: '1.3.0',
        purl: 'pkg:npm/left-pad@1.3.0',
        licenses: [{ expression: 'WTFPL' }],
      }),
    ]);
    expect(first.summary).toMatch(/\| sbom \| ✅ done \| 1 SBOM\(s\) on the draft/);
    expect(first.summary).toMatch(/\| release-verify \| ✅ done \| 1 asset\(s\) on the draft, digests match/);
    // The SBOM reached the draft before npm published (immutable order): its upload precedes the package.
    const order = gh.calls.filter(
      (c) => c.operationId === 'repos/upload-release-asset' || c.operationId === 'repos/update-release',
    );
    expect(order.map((c) => c.operationId)).toEqual(['repos/upload-release-asset', 'repos/update-release']);

    // A re-run of the finished job (same run, next attempt) from the checkout it started with: nothing new.
    const fresh = await suite.rerunCheckout(f);
    const uploads = gh.count({ operationId: 'repos/upload-release-asset' });
    const second = await run(2, fresh.dir);
    expect(second.errors).toEqual([]);
    expect(gh.count({ operationId: 'repos/upload-release-asset' })).toBe(uploads);
    expect(gh.state.releases).toHaveLength(1);
    expect(gh.state.releases[0]!.assets).toHaveLength(1);
    gh.assertNoViolations();
  }, 240_000);
});
