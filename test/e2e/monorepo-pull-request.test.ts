/**
 * release_mode pull-request with versioning: independent, on an npm-workspaces repository whose main is protected
 * (a GH006 hook) and served by the GitHub double: one release PR for every package of the run (manifests,
 * dependents' ranges, the lock file, each package's CHANGELOG.md; a trailer per package), updated rather than
 * doubled as commits land; its merge releases exactly the packages and versions the PR recorded (never planned
 * again on the merge commit), tagged on it, published to Verdaccio in topological order and resumed per package
 * after a fault; re-runs make nothing twice; a hand-edited merged PR (unknown package, a version below the
 * registry's latest) is refused before any side effect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProtectedRepo, protectedRepo } from '../support/release-pr.js';
import { runAction } from '../support/run-action.js';
import { describeWithService, requireService, startVerdaccio, type Verdaccio } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');
const TOKEN = 'ghs_e2eMonorepoPullRequest01234';
const PENDING = 'autorelease: pending';
const TAGGED = 'autorelease: tagged';
const HEAD = 'release-actions/main';
const asJson = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describeWithService(verdaccioService, 'one release pull request for the packages of an independent release', () => {
  let npm: Verdaccio;
  let p: ProtectedRepo;
  const s = `@monopr${process.pid}`;
  /** core ← util ← web (dependencies), other and lone alone; each at its tag (changesets' style). */
  const manifests: Record<string, Record<string, unknown>> = {
    core: { name: `${s}/core`, version: '1.0.0', license: 'MIT' },
    util: { name: `${s}/util`, version: '1.0.0', license: 'MIT', dependencies: { [`${s}/core`]: '^1.0.0' } },
    web: { name: `${s}/web`, version: '2.0.0', license: 'MIT', dependencies: { [`${s}/util`]: '^1.0.0' } },
    other: { name: `${s}/other`, version: '0.5.0', license: 'MIT' },
    lone: { name: `${s}/lone`, version: '0.1.0', license: 'MIT' },
  };
  const dirs = Object.keys(manifests);
  /** npm's lock file of the workspace: an entry per package directory, a link per name. */
  const lockFile = () => {
    const packages: Record<string, unknown> = { '': { name: 'mono', workspaces: ['packages/*'] } };
    for (const d of dirs) {
      const { name, license: _l, ...rest } = manifests[d] as { name: string; license: string };
      packages[`packages/${d}`] = { name, ...rest };
      packages[`node_modules/${name}`] = { resolved: `packages/${d}`, link: true };
    }
    return asJson({ name: 'mono', lockfileVersion: 3, requires: true, packages });
  };

  beforeAll(async () => {
    npm = await startVerdaccio();
    const files: Record<string, string> = {
      'package.json': asJson({ name: 'mono', private: true, workspaces: ['packages/*'], scripts: { test: 'true' } }),
      'package-lock.json': lockFile(),
    };
    for (const d of dirs) {
      files[`packages/${d}/package.json`] = asJson(manifests[d]);
      files[`packages/${d}/index.js`] = `module.exports = '${d}';\n`;
    }
    const tags = Object.values(manifests).map((m) => `${m.name}@${m.version}`);
    p = await protectedRepo({ files, tags, token: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await npm?.stop();
  });

  const inputs = { release_mode: 'pull-request', versioning: 'independent', publish_registries: 'npm' };
  const release = (runId: string, o: { attempt?: number; env?: Record<string, string> } = {}) =>
    runAction('release', {
      ...p.runOptions(runId, o.attempt),
      timeoutMs: 120_000,
      env: { NODE_AUTH_TOKEN: npm.token, RELEASE_ACTIONS_RETRY_BASE_SECONDS: '0.05', ...o.env },
      inputs: { ...inputs, npm_registry_url: npm.url, verify_timeout: '20s' },
    });
  const published = async (d: string) => {
    const res = await fetch(`${npm.url}${(manifests[d]?.name as string).replace('/', '%2f')}`);
    return res.status === 404 ? [] : Object.keys(((await res.json()) as { versions: object }).versions);
  };
  const everyPublished = async () =>
    Object.fromEntries(await Promise.all(dirs.map(async (d) => [d, await published(d)])));
  const ours = () => p.remoteGit('tag', '--list', `${s}/*`).split('\n').filter(Boolean);
  const atHead = (path: string) => p.remoteGit('show', `${HEAD}:${path}`);
  const trailers = () => p.remoteGit('log', '-1', '--format=%(trailers:key=Release-Actions-Package,valueonly)', HEAD);
  const pulls = () => p.gh.state.pullRequests;
  /** The npm steps in the order the log ran them. */
  const npmOrder = (log: string) => [...log.matchAll(/::group::npm:(\S+)/g)].map((m) => m[1]);

  test('opened once for every package, updated as commits land; the merge releases what it recorded, once', async () => {
    await p.land('fix: core mends a thing', { 'packages/core/index.js': '2\n' });
    const main0 = p.remoteGit('rev-parse', 'main');
    const tags0 = ours();

    // 1. The release PR: core, and its dependents patched, in one commit on main's tip; nothing released.
    const opened = await release('5001');
    expect(opened.errors).toEqual([]);
    expect(opened.outputs).toMatchObject({ status: 'pull-request', released: 'false', pull_request_change: 'opened' });
    expect(pulls()).toHaveLength(1);
    const pr = pulls()[0]!;
    expect(pr).toMatchObject({ headRef: HEAD, baseRef: 'main', state: 'open', labels: [PENDING] });
    expect(pr.title).toBe(`chore(release): ${s}/core@1.0.1, ${s}/util@1.0.1, ${s}/web@2.0.1`);
    expect(p.remoteGit('rev-parse', `${HEAD}^`)).toBe(main0);
    expect(p.remoteGit('diff', '--name-only', main0, HEAD).split('\n').sort()).toEqual(
      [
        'package-lock.json',
        ...['core', 'util', 'web'].flatMap((d) => [`packages/${d}/CHANGELOG.md`, `packages/${d}/package.json`]),
      ].sort(),
    );
    expect(trailers()).toBe(
      [`${s}/core 1.0.1 ${s}/core@1.0.1`, `${s}/util 1.0.1 ${s}/util@1.0.1`, `${s}/web 2.0.1 ${s}/web@2.0.1`].join(
        '\n',
      ),
    );
    expect(JSON.parse(atHead('packages/util/package.json'))).toMatchObject({
      version: '1.0.1',
      dependencies: { [`${s}/core`]: '^1.0.1' },
    });
    const lock = JSON.parse(atHead('package-lock.json')) as { packages: Record<string, Record<string, unknown>> };
    expect(lock.packages['packages/web']).toMatchObject({
      version: '2.0.1',
      dependencies: { [`${s}/util`]: '^1.0.1' },
    });
    expect(lock.packages['packages/other']).toMatchObject({ version: '0.5.0' });
    expect(atHead('packages/core/CHANGELOG.md')).toMatch(/## \[1\.0\.1\][^]*core mends a thing/);
    expect(atHead('packages/util/CHANGELOG.md')).toContain(`depends on ${s}/core (dependencies), which is released`);
    expect(pr.body).toContain(`| ${s}/util | 1.0.0 → 1.0.1 (patch) | ${s}/util@1.0.1 |`);
    expect(opened.summary).toContain(`Release pull request [#${pr.number}]`);
    expect(opened.summary).toContain(`${s}/web@2.0.1`);
    expect(p.remoteGit('rev-parse', 'main')).toBe(main0);
    expect(ours()).toEqual(tags0);
    expect(await everyPublished()).toEqual({ core: [], util: [], web: [], other: [], lone: [] });

    // 2. A feat lands for other (commit text is data): the same PR now carries other too; a re-run changes nothing.
    await p.land('feat: other learns <img src=x onerror=alert(1)>', { 'packages/other/index.js': '2\n' });
    const updated = await release('5002');
    expect(updated.errors).toEqual([]);
    expect(updated.outputs).toMatchObject({ pull_request_number: String(pr.number), pull_request_change: 'updated' });
    const again = await release('5003');
    expect(again.outputs).toMatchObject({ pull_request_number: String(pr.number), pull_request_change: 'unchanged' });
    expect(pulls()).toHaveLength(1);
    expect(p.gh.count({ operationId: 'pulls/create' })).toBe(1);
    expect(trailers().split('\n')).toContain(`${s}/other 0.6.0 ${s}/other@0.6.0`);
    expect(pulls()[0]!.body).toContain(`| ${s}/other | 0.5.0 → 0.6.0 (minor) | ${s}/other@0.6.0 |`);
    expect(pulls()[0]!.body).toContain('other learns &lt;img src=x onerror=alert(1)&gt;');
    expect(pulls()[0]!.body).not.toContain('<img');
    expect(JSON.parse(atHead('packages/other/package.json')).version).toBe('0.6.0');

    // 3. A feat for lone lands after the PR's last update, then the PR is merged: planning again on the merge
    // commit would release lone too; the merge releases exactly what the PR recorded.
    await p.land('feat: lone, too late for this release', { 'packages/lone/index.js': '2\n' });
    const mergeCommit = await p.merge(pr.number);
    await p.followMain();
    const lost = await release('5004', { env: { RELEASE_ACTIONS_FAULT: `exit-after:npm:${s}/util` } });
    expect(lost.code).not.toBe(0);
    const order = npmOrder(lost.log);
    expect(order.slice(0, order.indexOf(`${s}/util`) + 1)).toContain(`${s}/core`);
    const done = await release('5004', { attempt: 2 });
    expect(done.errors).toEqual([]);
    expect(done.outputs).toMatchObject({ status: 'released', released: 'true' });
    expect(done.summary).toMatch(new RegExp(`npm:${s}/core \\| ☑️ already done`));
    const all = [...order, ...npmOrder(done.log).filter((n) => !order.includes(n))];
    expect(all.indexOf(`${s}/core`)).toBeLessThan(all.indexOf(`${s}/util`));
    expect(all.indexOf(`${s}/util`)).toBeLessThan(all.indexOf(`${s}/web`));
    expect(await everyPublished()).toEqual({
      core: ['1.0.1'],
      util: ['1.0.1'],
      web: ['2.0.1'],
      other: ['0.6.0'],
      lone: [],
    });
    const made = ['core@1.0.1', 'util@1.0.1', 'web@2.0.1', 'other@0.6.0'].map((t) => `${s}/${t}`);
    expect(ours().sort()).toEqual([...tags0, ...made].sort());
    for (const t of made) expect(p.remoteGit('rev-parse', `${t}^{commit}`)).toBe(mergeCommit);
    // No bump after the PR's: main is the merge commit, its manifests the PR's, the workspace's too.
    expect(p.remoteGit('rev-parse', 'main')).toBe(mergeCommit);
    expect(JSON.parse(p.remoteGit('show', `${mergeCommit}:packages/core/package.json`)).version).toBe('1.0.1');
    expect(JSON.parse(readFileSync(join(p.dir, 'packages/core/package.json'), 'utf8')).version).toBe('1.0.1');
    expect(JSON.parse(readFileSync(join(p.dir, 'packages/lone/package.json'), 'utf8')).version).toBe('0.1.0');
    expect(p.gh.state.releases.map((r) => [r.tagName, r.draft]).sort()).toEqual(made.map((t) => [t, false]).sort());
    expect(pulls()[0]!.labels).toEqual([TAGGED]);

    // 4. Re-runs: the same job converges, a new run on the merge commit has nothing to do; nothing twice.
    const rerun = await release('5004', { attempt: 3 });
    expect(rerun.errors).toEqual([]);
    expect(rerun.outputs.status).toBe('released');
    const later = await release('5005');
    expect(later.errors).toEqual([]);
    expect(later.outputs.status).toBe('nothing-to-release');
    expect(p.gh.state.releases).toHaveLength(4);
    expect(ours()).toHaveLength(tags0.length + 4);
    expect(await everyPublished()).toMatchObject({ core: ['1.0.1'], util: ['1.0.1'], web: ['2.0.1'] });
    expect(pulls()).toHaveLength(1);
    p.gh.assertNoViolations();
  }, 400_000);

  test('a merged release PR naming an unknown package, a version below the registry or no package is refused; one left unreleased stops the next run', async () => {
    // The branches but main and the head branch (the status record's among them) are left as they are.
    const others = () =>
      p
        .remoteGit('for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads')
        .split('\n')
        .filter((l) => !/^refs\/heads\/(main|release-actions\/main) /.test(l));
    const before = { tags: ours(), releases: p.gh.state.releases.length, npm: await everyPublished(), refs: others() };
    const cases: [string, Record<string, string>, RegExp[]][] = [
      [
        `Release-Actions-Package: ${s}/nope 1.0.0 ${s}/nope@1.0.0`,
        {},
        [new RegExp(`"${s}/nope", which is not a package of the workspace`), /nothing was released/],
      ],
      [
        `Release-Actions-Package: ${s}/core 0.9.0 ${s}/core@0.9.0`,
        { 'packages/core/package.json': asJson({ ...manifests.core, version: '0.9.0' }) },
        [new RegExp(`${s}/core`), /1\.0\.1/, /0\.9\.0/],
      ],
      // A release PR of versioning: fixed (its one version) is not released as independent packages.
      ['Release-Actions-Version: 9.9.9', {}, [/records no package/, /made with versioning: fixed/]],
    ];
    for (const [trailer, files, errors] of cases) {
      const n = await p.handMadeReleasePr({
        message: `chore(release): publish\n\n${trailer}\n`,
        files,
        label: PENDING,
      });
      const merged = await p.merge(n);
      await p.followMain();
      const r = await release(`60${n}`);
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(1);
      for (const e of errors) expect(r.errors[0]).toMatch(e);
      expect(p.remoteGit('rev-parse', 'main')).toBe(merged);
      expect(ours()).toEqual(before.tags);
      expect(others()).toEqual(before.refs);
      expect(p.gh.state.releases).toHaveLength(before.releases);
      expect(await everyPublished()).toEqual(before.npm);
      expect(pulls().find((x) => x.number === n)?.labels).toEqual([PENDING]);
    }
    // A good release PR merged, but main moved on before its run: the next run stops, naming it and the way out.
    const lone = `${s}/lone 0.2.0 ${s}/lone@0.2.0`;
    const n = await p.handMadeReleasePr({
      message: `chore(release): publish\n\nRelease-Actions-Package: ${lone}\n`,
      files: { 'packages/lone/package.json': asJson({ ...manifests.lone, version: '0.2.0' }) },
      label: PENDING,
    });
    const merged = await p.merge(n);
    const tip = await p.land('fix: lone, landed before the release ran', { 'packages/lone/index.js': '3\n' });
    const stale = await release('6100');
    expect(stale.code).toBe(1);
    expect(stale.errors).toHaveLength(1);
    expect(stale.errors[0]).toContain(`release pull request #${n}`);
    expect(stale.errors[0]).toContain(`was merged as ${merged.slice(0, 12)} but ${s}/lone@0.2.0 was never released`);
    expect(stale.errors[0]).toContain('release_mode: tag-only');
    expect(p.remoteGit('rev-parse', 'main')).toBe(tip);
    expect(ours()).toEqual(before.tags);
    expect(await published('lone')).toEqual([]);
    p.gh.assertNoViolations();
  }, 300_000);
});
