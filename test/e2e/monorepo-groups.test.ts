/**
 * versioning: independent, end to end against Verdaccio, a bare remote and the GitHub double (test/support/
 * monorepo.ts): linked and fixed groups in one npm-workspaces release; a yarn 2+ workspace (object-form
 * `workspaces`, yarn.lock, `workspace:` ranges) whose lock file follows the ranges; the plan refusing a package
 * below its registry's latest in the release's own words; the status record's entry per package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Manifests,
  npmVersions,
  packument,
  publishByHand,
  pushChange,
  recordedPackages,
  remoteGit,
  remoteTags,
  runIndependent,
  workspaceRepo,
  workspaceSuite,
} from '../support/monorepo.js';
import { describeWithService, requireService } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');
const FIXTURES = join(import.meta.dirname, '../fixtures/yarn-berry');
let seq = 0;

describeWithService(verdaccioService, 'independent releases: groups, yarn, the plan against the registry', () => {
  const suite = workspaceSuite();

  /** A workspace under a scope of its own (Verdaccio is shared by the tests of this file). */
  async function repo(
    manifests: (scope: string) => Manifests,
    o: { workspaces?: unknown; root?: (scope: string) => Record<string, string> } = {},
  ) {
    const scope = `@grp${++seq}${process.pid}`;
    const w = await workspaceRepo({
      scope,
      manifests: manifests(scope),
      ...(o.workspaces ? { workspaces: o.workspaces } : {}),
      ...(o.root ? { root: o.root(scope) } : {}),
    });
    suite.open.push(w);
    return w;
  }

  /** core ← util (dependencies); web, other and tools alone. */
  const fiveLibs = (s: string): Manifests => ({
    core: { name: `${s}/core`, version: '1.0.0', license: 'MIT' },
    util: { name: `${s}/util`, version: '1.2.0', license: 'MIT', dependencies: { [`${s}/core`]: '^1.0.0' } },
    web: { name: `${s}/web`, version: '2.0.0', license: 'MIT' },
    other: { name: `${s}/other`, version: '0.5.0', license: 'MIT' },
    tools: { name: `${s}/tools`, version: '3.0.0', license: 'MIT' },
  });

  test('linked group: members released together share the highest version, the one not released is left alone; a fixed group is released whole', async () => {
    const w = await repo(fiveLibs);
    const s = w.scope;
    await pushChange(w, 'feat: core grows', { 'packages/core/index.js': '2\n' });
    await pushChange(w, 'fix: other mends', { 'packages/other/index.js': '2\n' });
    const groups = {
      linked_groups: `${s}/core ${s}/util ${s}/web`,
      fixed_groups: `${s}/other ${s}/tools`,
      github_release: 'aggregate',
    };
    const r = await runIndependent('release', w, suite.npm, groups);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    // core's minor and util's patch (it depends on core) are released together: both at 1.2.0's minor.
    expect(await npmVersions(suite.npm, `${s}/core`)).toEqual(['1.3.0']);
    expect(await npmVersions(suite.npm, `${s}/util`)).toEqual(['1.3.0']);
    expect((await packument(suite.npm, `${s}/util`))?.versions['1.3.0']?.dependencies).toEqual({
      [`${s}/core`]: '^1.3.0',
    });
    // web is linked but has no change: not released, not tagged, its manifest untouched.
    expect(await npmVersions(suite.npm, `${s}/web`)).toEqual([]);
    expect(remoteGit(w, 'show', 'main:packages/web/package.json')).toContain('"version": "2.0.0"');
    // The fixed group: other's patch takes tools along, both at the group's highest version bumped.
    expect(await npmVersions(suite.npm, `${s}/other`)).toEqual(['3.0.1']);
    expect(await npmVersions(suite.npm, `${s}/tools`)).toEqual(['3.0.1']);
    expect(remoteTags(w).filter((t) => !/@(1\.0\.0|1\.2\.0|2\.0\.0|0\.5\.0|3\.0\.0)$/.test(t))).toEqual(
      [`${s}/core@1.3.0`, `${s}/other@3.0.1`, `${s}/tools@3.0.1`, `${s}/util@1.3.0`].sort(),
    );
    // One aggregate GitHub Release; two pairs of packages share a version, yet each section links its own comparison.
    expect(w.gh.state.releases).toHaveLength(1);
    const body = w.gh.state.releases[0]?.body ?? '';
    const defs = new Map([...body.matchAll(/^\[([^\]]+)\]: (\S+)$/gm)].map((m) => [m[1], m[2]]));
    const headings = [...body.matchAll(/^### \[([^\]]+)\]\[([^\]]+)\] - /gm)].map((m) => `${m[1]} ${m[2]}`);
    const released = [`${s}/core@1.3.0`, `${s}/util@1.3.0`, `${s}/other@3.0.1`, `${s}/tools@3.0.1`];
    expect(headings.sort()).toEqual(released.map((t) => `${t.split('@').at(-1)} ${t}`).sort());
    for (const t of released) expect(defs.get(t)).toMatch(new RegExp(`\\.\\.\\.${encodeURIComponent(t)}$`));
    // The status record: the run's entry lists every package released, each with the run's release.
    const url = `${w.gh.serverUrl}/acme/widget/releases/tag/${encodeURIComponent(`${s}/core@1.3.0`)}`;
    expect(recordedPackages(w)).toEqual([
      [
        [`${s}/core`, '1.3.0', '1.0.0'],
        [`${s}/other`, '3.0.1', '0.5.0'],
        [`${s}/tools`, '3.0.1', '3.0.0'],
        [`${s}/util`, '1.3.0', '1.2.0'],
      ].map(([name, version, previous]) => ({
        name,
        version,
        tag: `${name}@${version}`,
        previous_version: previous,
        release_url: url,
      })),
    ]);

    // A re-run of the same run converges: nothing published or tagged twice, the record unchanged.
    const tags = remoteTags(w);
    const again = await runIndependent('release', w, suite.npm, groups, { runAttempt: 2 });
    expect(again.errors).toEqual([]);
    expect(remoteTags(w)).toEqual(tags);
    expect(w.gh.state.releases).toHaveLength(1);
    expect(recordedPackages(w)).toHaveLength(1);
  }, 300_000);

  /** The yarn 4 workspace of test/fixtures/yarn-berry under this test's scope. */
  const yarnLock = (scope: string, which: 'before' | 'after') =>
    readFileSync(join(FIXTURES, `yarn.lock.${which}`), 'utf8').replaceAll('@y/', `${scope}/`);

  test('yarn workspaces (object form, yarn.lock, workspace: ranges): released to the registry, yarn.lock follows the ranges', async () => {
    const w = await repo(
      (s) => ({
        core: { name: `${s}/core`, version: '1.0.0', license: 'MIT' },
        util: { name: `${s}/util`, version: '1.0.0', license: 'MIT', dependencies: { [`${s}/core`]: '^1.0.0' } },
        web: {
          name: `${s}/web`,
          version: '2.0.0',
          license: 'MIT',
          peerDependencies: { [`${s}/util`]: 'workspace:^1.0.0' },
          devDependencies: { [`${s}/core`]: 'workspace:^' },
        },
      }),
      {
        workspaces: { packages: ['packages/*'] },
        root: (s) => ({ 'yarn.lock': yarnLock(s, 'before'), '.yarnrc.yml': 'nodeLinker: node-modules\n' }),
      },
    );
    const s = w.scope;
    await pushChange(w, 'feat: core grows', { 'packages/core/index.js': '2\n' });
    const r = await runIndependent('release', w, suite.npm, {});
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(await npmVersions(suite.npm, `${s}/core`)).toEqual(['1.1.0']);
    expect(await npmVersions(suite.npm, `${s}/util`)).toEqual(['1.0.1']);
    expect(await npmVersions(suite.npm, `${s}/web`)).toEqual(['2.0.1']);
    // workspace: ranges are resolved in the published manifests, as yarn npm publish does.
    const web = (await packument(suite.npm, `${s}/web`))?.versions['2.0.1'];
    expect(web?.peerDependencies).toEqual({ [`${s}/util`]: '^1.0.1' });
    expect(web?.devDependencies).toEqual({ [`${s}/core`]: '^1.1.0' });
    // The release commit carries yarn.lock as yarn install rewrites it (else CI's --immutable install fails).
    expect(remoteGit(w, 'show', '--stat', '--format=%s', 'main')).toContain('yarn.lock');
    expect(remoteGit(w, 'show', 'main:yarn.lock') + '\n').toBe(yarnLock(s, 'after'));
    expect(JSON.parse(remoteGit(w, 'show', 'main:packages/util/package.json')).dependencies).toEqual({
      [`${s}/core`]: '^1.1.0',
    });
    // A GitHub Release per package, each one's URL in its entry of the status record.
    const releaseUrl = (tag: string) => `${w.gh.serverUrl}/acme/widget/releases/tag/${encodeURIComponent(tag)}`;
    expect(recordedPackages(w)[0]?.map((p) => [p.tag, p.release_url])).toEqual(
      [`${s}/core@1.1.0`, `${s}/util@1.0.1`, `${s}/web@2.0.1`].map((t) => [t, releaseUrl(t)]),
    );
  }, 300_000);

  test('the plan (independent, publish_registries: npm) refuses a package below its registry latest in the words of the release', async () => {
    const w = await repo(fiveLibs);
    const s = w.scope;
    // util@4.0.0 was published by hand, never tagged here; a change to core patches util (its dependent).
    await publishByHand(suite.npm, `${s}/util`, '4.0.0');
    await pushChange(w, 'fix: core', { 'packages/core/index.js': '3\n' });
    const plan = await runIndependent('plan', w, suite.npm, {});
    expect(plan.code).toBe(1);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toContain(`npm package ${s}/util (${suite.npm.url}) has 4.0.0 as its latest`);
    expect(plan.errors[0]).toContain(`this release would publish 1.2.1, lower`);
    expect(plan.errors[0]).toContain(`git tag -a ${s}/util@4.0.0`);
    expect(plan.outputs.packages).toBeUndefined();
    const tags = remoteTags(w);
    const release = await runIndependent('release', w, suite.npm, {});
    expect(release.code).not.toBe(0);
    expect(release.errors).toEqual(plan.errors);
    expect(remoteTags(w)).toEqual(tags);
    expect(await npmVersions(suite.npm, `${s}/core`)).toEqual([]);

    // Adopted as the message says: the plan goes on, each package's latest beside what it would publish.
    await w.repo.git('tag', '-a', `${s}/util@4.0.0`, '-m', 'adopt', 'HEAD~1');
    await w.repo.git('push', '-q', 'origin', `${s}/util@4.0.0`);
    const ok = await runIndependent('plan', w, suite.npm, {});
    expect(ok.errors).toEqual([]);
    expect(JSON.parse(ok.outputs.packages ?? '[]').map((p: { tag: string }) => p.tag)).toEqual([
      `${s}/core@1.0.1`,
      `${s}/util@4.0.1`,
    ]);
    expect(ok.summary).toContain(`| npm | \`${s}/util\` | 4.0.0 | ${s}/util@4.0.1 under dist-tag latest |`);
    expect(ok.summary).toContain(`| npm | \`${s}/web\` | (none yet) | not released |`);
  }, 300_000);
});
