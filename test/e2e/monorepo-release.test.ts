/**
 * The release action with versioning: independent, bundled and run as the runner runs it, against a bare git
 * remote, Verdaccio and the GitHub double: npm-workspaces and pnpm-workspace repositories with a dependency chain.
 * Only changed packages are released, their dependents patched with their ranges updated, in topological order,
 * each with its tag, CHANGELOG.md and GitHub Release (or one aggregate); fixed groups honoured; tag-only mode; a
 * fault after package 2 of 4 resumed without publishing anything twice; bad input refused before any side effect.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  jsonFile as json,
  type ReleaseRepo,
  type ReleaseRunOptions,
  releaseSuite,
} from '../support/release-fixture.js';
import { commit, describeWithService, requireService } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');

describeWithService(verdaccioService, 'independent releases of workspace packages', () => {
  const suite = releaseSuite({ token: 'ghs_e2eMonorepoToken0123456789', npm: true });

  /**
   * core ← util ← web (a chain through dependencies and peerDependencies), other alone, docs private; every
   * package tagged `name@version` (changesets' style) or, with `pnpm`, `name-v<version>` (release-please's).
   */
  async function fixture(o: { pnpm?: boolean } = {}): Promise<ReleaseRepo> {
    const scope = suite.scope('mono');
    const range = (v: string) => (o.pnpm ? `workspace:^` : `^${v}`);
    const pkgs: Record<string, Record<string, unknown>> = {
      core: { name: `${scope}/core`, version: '1.0.0', license: 'MIT' },
      util: {
        name: `${scope}/util`,
        version: '1.0.0',
        license: 'MIT',
        dependencies: { [`${scope}/core`]: range('1.0.0') },
      },
      web: {
        name: `${scope}/web`,
        version: '2.0.0',
        license: 'MIT',
        peerDependencies: { [`${scope}/util`]: range('1.0.0') },
      },
      other: { name: `${scope}/other`, version: '0.5.0', license: 'MIT' },
      docs: { name: `${scope}/docs`, version: '1.0.0', private: true },
    };
    const files: Record<string, string> = {
      'package.json': json({
        name: 'mono',
        private: true,
        scripts: { test: 'echo tests-ran' },
        ...(o.pnpm ? {} : { workspaces: ['packages/*'] }),
      }),
    };
    if (o.pnpm) files['pnpm-workspace.yaml'] = 'packages:\n  - "packages/*"\n';
    for (const [dir, m] of Object.entries(pkgs)) {
      files[`packages/${dir}/package.json`] = json(m);
      files[`packages/${dir}/index.js`] = `module.exports = '${dir}';\n`;
    }
    const tags = Object.values(pkgs).map((m) => {
      const name = m.name as string;
      return o.pnpm ? `${name.split('/')[1]}-v${m.version as string}` : `${name}@${m.version as string}`;
    });
    return suite.repo({ scope, files, tags, commits: [] });
  }

  async function change(f: ReleaseRepo, message: string, files: Record<string, string>) {
    await commit(f.repo, message, files);
    await f.repo.git('push', '-q', 'origin', 'main');
  }

  /** versioning: independent, npm to Verdaccio; run 7001, attempt 1 unless told. */
  const release = (f: ReleaseRepo, inputs: Record<string, string>, o: Omit<ReleaseRunOptions, 'inputs'> = {}) =>
    suite.run(f, { runId: '7001', timeoutMs: 120_000, ...o, inputs: { versioning: 'independent', ...inputs } });
  const remoteTags = (f: ReleaseRepo) => suite.git(f, 'tag', '--list').split('\n').filter(Boolean).sort();

  /** The order the npm steps ran in, read from the log's groups. */
  const npmOrder = (log: string) => [...log.matchAll(/::group::npm:(\S+)/g)].map((m) => m[1]);

  test('npm workspaces: only the changed package and its dependents, in topological order, ranges updated, a release each', async () => {
    const f = await fixture();
    const s = f.scope;
    await change(f, "feat(web): the scope says web, the files are core's", {
      'packages/core/index.js': 'module.exports = 2;\n',
    });
    await change(f, 'chore(other): tooling only', { 'packages/other/tool.js': '1\n' });
    const r = await release(f, {});
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('released');
    expect(npmOrder(r.log)).toEqual([`${s}/core`, `${s}/util`, `${s}/web`]);
    expect(await suite.versions(`${s}/core`)).toEqual(['1.1.0']);
    expect(await suite.versions(`${s}/util`)).toEqual(['1.0.1']);
    expect(await suite.versions(`${s}/web`)).toEqual(['2.0.1']);
    expect(await suite.versions(`${s}/other`)).toEqual([]);
    expect(await suite.versions(`${s}/docs`)).toEqual([]);
    // The dependents' published manifests name the released versions.
    expect((await suite.packument(`${s}/util`))?.versions['1.0.1']?.dependencies).toEqual({ [`${s}/core`]: '^1.1.0' });
    expect((await suite.packument(`${s}/web`))?.versions['2.0.1']?.peerDependencies).toEqual({
      [`${s}/util`]: '^1.0.1',
    });
    expect(remoteTags(f)).toEqual(
      [
        `${s}/core@1.0.0`,
        `${s}/core@1.1.0`,
        `${s}/docs@1.0.0`,
        `${s}/other@0.5.0`,
        `${s}/util@1.0.0`,
        `${s}/util@1.0.1`,
        `${s}/web@2.0.0`,
        `${s}/web@2.0.1`,
      ].sort(),
    );
    // One release commit carrying every manifest and changelog, on main, with the tags.
    const show = suite.git(f, 'show', '--stat', '--format=%s', 'main');
    expect(show).toMatch(/^chore\(release\): publish/);
    expect(show).toContain('packages/core/CHANGELOG.md');
    expect(show).not.toContain('packages/other');
    const coreLog = suite.git(f, 'show', 'main:packages/core/CHANGELOG.md');
    expect(coreLog).toContain('## [1.1.0]');
    expect(coreLog).toContain("the scope says web, the files are core's");
    const utilLog = suite.git(f, 'show', 'main:packages/util/CHANGELOG.md');
    expect(utilLog).toContain(`depends on ${s}/core (dependencies), which is released`);
    expect(utilLog).not.toContain('the scope says web');
    expect(f.gh.state.releases.map((x) => [x.tagName, x.draft]).sort()).toEqual(
      [
        [`${s}/core@1.1.0`, false],
        [`${s}/util@1.0.1`, false],
        [`${s}/web@2.0.1`, false],
      ].sort(),
    );
    const webRel = f.gh.state.releases.find((x) => x.tagName === `${s}/web@2.0.1`);
    expect(webRel?.body).not.toContain('the scope says web');
    expect(r.summary).toContain('Release of 3 packages: released');

    // A re-run of a new run finds nothing to release.
    const again = await release(f, {}, { runId: '7002' });
    expect(again.code).toBe(0);
    expect(again.outputs.status).toBe('nothing-to-release');
  }, 300_000);

  test('a fault after package 2 of 4 is published: the re-run publishes the rest, nothing twice', async () => {
    const f = await fixture();
    const s = f.scope;
    await change(f, 'fix: core', { 'packages/core/index.js': '3\n' });
    await change(f, 'feat: other', { 'packages/other/index.js': '3\n' });
    const first = await release(f, {}, { env: { RELEASE_ACTIONS_FAULT: `exit-after:npm:${s}/other` } });
    expect(first.code).not.toBe(0);
    expect(npmOrder(first.log)).toEqual([`${s}/core`, `${s}/other`]);
    expect(await suite.versions(`${s}/util`)).toEqual([]);
    const second = await release(f, {}, { runAttempt: 2 });
    expect(second.errors).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.summary).toMatch(/npm:@mono\d+\/core \| ☑️ already done/);
    expect(second.summary).toMatch(/npm:@mono\d+\/util \| ✅ done/);
    expect(await suite.versions(`${s}/core`)).toEqual(['1.0.1']);
    expect(await suite.versions(`${s}/other`)).toEqual(['0.6.0']);
    expect(await suite.versions(`${s}/util`)).toEqual(['1.0.1']);
    expect(await suite.versions(`${s}/web`)).toEqual(['2.0.1']);
    expect(f.gh.state.releases).toHaveLength(4);
    expect(suite.git(f, 'rev-list', '--count', 'main')).toBe('4');
  }, 300_000);

  test("latest never moves backwards per package: a registry ahead of a package's tags refuses the release before any side effect", async () => {
    const f = await fixture();
    const s = f.scope;
    // core@3.0.0 was published by hand (another tool), never tagged here: its tags stop at core@1.0.0.
    const tmp = mkdtempSync(join(tmpdir(), 'ra-mono-hand-'));
    writeFileSync(join(tmp, 'package.json'), json({ name: `${s}/core`, version: '3.0.0', license: 'MIT' }));
    execFileSync('npm', ['publish', '--registry', suite.npm().url], {
      cwd: tmp,
      env: await suite.npm().npmEnv(),
      stdio: 'ignore',
    });
    rmSync(tmp, { recursive: true, force: true });
    await change(f, 'fix: core', { 'packages/core/index.js': '4\n' });
    const before = remoteTags(f);
    const r = await release(f, {});
    expect(r.code).not.toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`${s}/core`);
    expect(r.errors[0]).toContain('3.0.0');
    // The fix names this repository's own tag format for adopting the registry's version.
    expect(r.errors[0]).toContain(`${s}/core@3.0.0`);
    expect(await suite.versions(`${s}/core`)).toEqual(['3.0.0']);
    expect(await suite.versions(`${s}/util`)).toEqual([]);
    expect(remoteTags(f)).toEqual(before);
    expect(f.gh.state.releases).toEqual([]);
  }, 300_000);

  test('pnpm workspace, release-please tags, tag-only, a fixed group and one aggregate GitHub Release', async () => {
    const f = await fixture({ pnpm: true });
    const s = f.scope;
    await change(f, 'fix: core', { 'packages/core/index.js': '4\n' });
    const main = suite.git(f, 'rev-parse', 'main');
    const r = await release(f, {
      release_mode: 'tag-only',
      tag_format: '{name}-v{version}',
      github_release: 'aggregate',
      fixed_groups: `${s}/core ${s}/other`,
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    // No commit on main: the tags are on the tested commit.
    expect(suite.git(f, 'rev-parse', 'main')).toBe(main);
    expect(suite.git(f, 'rev-list', '-n1', `${s}/core-v1.0.1`)).toBe(main);
    // The fixed group shares the highest version bumped: other 0.5.0 and core 1.0.0 → 1.0.1 both.
    expect(await suite.versions(`${s}/core`)).toEqual(['1.0.1']);
    expect(await suite.versions(`${s}/other`)).toEqual(['1.0.1']);
    expect(await suite.versions(`${s}/util`)).toEqual(['1.0.1']);
    // workspace:^ is resolved as pnpm publishes it.
    expect((await suite.packument(`${s}/util`))?.versions['1.0.1']?.dependencies).toEqual({ [`${s}/core`]: '^1.0.1' });
    expect(f.gh.state.releases).toHaveLength(1);
    const body = f.gh.state.releases[0]?.body ?? '';
    for (const n of ['core', 'other', 'util', 'web']) expect(body).toMatch(new RegExp(`^## ${s}/${n}-v`, 'm'));
    expect(body).toContain('### [1.0.1]');
    // The workspace's manifests were bumped for the publish only, never committed.
    expect(JSON.parse(readFileSync(join(f.repo.dir, 'packages/core/package.json'), 'utf8')).version).toBe('1.0.1');
    expect(suite.git(f, 'show', `main:packages/core/package.json`)).toContain('"version": "1.0.0"');
  }, 300_000);

  test('bad input and a cycle are refused with one ::error:: before any side effect', async () => {
    const f = await fixture();
    const s = f.scope;
    await change(f, 'fix: core', { 'packages/core/index.js': '5\n' });
    const tags = remoteTags(f);
    const status = () => suite.git(f, 'for-each-ref', 'refs/heads');
    const before = status();
    const cases: [Record<string, string>, RegExp][] = [
      [{ versioning: 'per-package' }, /Input "versioning".*per-package/],
      [{ tag_format: '{name}' }, /tag_format.*needs \{version\}/],
      [{ linked_groups: `${s}/core ${s}/nope` }, /"@mono\d+\/nope", which is not a workspace package/],
      [
        { publish_registries: 'npm,docker', docker_images: 'localhost:5000/x/y' },
        /docker, but versioning is independent/,
      ],
    ];
    for (const [inputs, error] of cases) {
      const r = await release(f, inputs);
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(error);
    }
    await change(f, 'fix: a cycle', {
      'packages/core/package.json': json({
        name: `${s}/core`,
        version: '1.0.0',
        devDependencies: { [`${s}/web`]: '*' },
      }),
    });
    const cyc = await release(f, {});
    expect(cyc.code).toBe(1);
    expect(cyc.errors).toHaveLength(1);
    expect(cyc.errors[0]).toContain(`cycle: ${s}/core → ${s}/web → ${s}/util → ${s}/core`);
    expect(remoteTags(f)).toEqual(tags);
    expect(
      status()
        .split('\n')
        .filter((l) => !l.includes('refs/heads/main')),
    ).toEqual(before.split('\n').filter((l) => !l.includes('refs/heads/main')));
    expect(f.gh.state.releases).toHaveLength(0);
    expect(await suite.versions(`${s}/core`)).toEqual([]);
  }, 300_000);
});
