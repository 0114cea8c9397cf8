/**
 * The release action end to end, as the runner runs it, against real parts: a bare git remote, Verdaccio (npm),
 * the GitHub API double (OpenAPI-validated), and faults: npm registry down during publish, push rejected because
 * the branch moved, GitHub 500 on release creation, the job killed right after the tag push, a conflicting
 * version, two releases at once. Re-running the same job (same GITHUB_RUN_ID, next attempt) converges.
 * Every log, output, summary and the workspace are searched for the secrets.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { startFaultProxy } from '../support/fault-proxy.js';
import { jsonFile, type ReleaseRepo, type ReleaseRunOptions, releaseSuite } from '../support/release-fixture.js';
import { type ActionResult, runAction } from '../support/run-action.js';
import { createRepo, describeWithService, requireService } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');

const GH_TOKEN = 'ghs_e2eReleaseToken0123456789';

describeWithService(verdaccioService, 'release action (git remote, Verdaccio, GitHub double)', () => {
  const suite = releaseSuite({ token: GH_TOKEN, npm: true });
  const npm = () => suite.npm();

  /** A monorepo with two public workspace packages (one depends on the other) and a private one, v1.0.0 tagged. */
  async function fixture(o: { baseTag?: string; commits?: string[]; untagged?: boolean } = {}): Promise<ReleaseRepo> {
    const scope = suite.scope('e2e');
    // package.json states the last release, as a release leaves it (a lower next version is refused).
    const baseTag = o.baseTag ?? 'v1.0.0';
    const version = baseTag.slice(1);
    const pkg = (name: string, extra: Record<string, unknown> = {}) =>
      jsonFile({ name, version, license: 'MIT', ...extra });
    const scripts = { test: 'echo tests-ran', build: 'echo built > build.txt' };
    return suite.repo({
      scope,
      files: {
        'package.json': jsonFile({ name: 'mono', version, private: true, workspaces: ['packages/*'], scripts }),
        'packages/core/package.json': pkg(`${scope}/core`),
        'packages/core/index.js': 'module.exports = 1;\n',
        'packages/web/package.json': pkg(`${scope}/web`, { dependencies: { [`${scope}/core`]: '^1.0.0' } }),
        'packages/web/index.js': 'module.exports = 2;\n',
        'packages/internal/package.json': pkg(`${scope}/internal`, { private: true }),
        '.gitignore': 'build.txt\n',
      },
      tags: o.untagged ? [] : [baseTag],
      commits: o.commits ?? ['feat: a new thing', 'fix: a bug'],
    });
  }

  /** Run 7001, attempt 1, in the fixture's checkout unless told; version_bump auto, npm to Verdaccio. */
  const release = (f: ReleaseRepo, o: ReleaseRunOptions = {}) =>
    suite.run(f, { runId: '7001', keepTemp: true, ...o, inputs: { version_bump: 'auto', ...o.inputs } });
  const remoteGit = suite.git;
  const statusDoc = (f: ReleaseRepo) =>
    parseYaml(remoteGit(f, 'show', 'release-status:release-status.yaml')) as { releases: Record<string, unknown>[] };
  const npmDoc = suite.packument;
  const releasesOf = (f: ReleaseRepo) => f.gh.state.releases;

  /** Publish `version` of a fixture package to Verdaccio by hand, outside any release of the repository. */
  async function publishByHand(f: ReleaseRepo, pkg: string, version: string): Promise<void> {
    const env = await npm().npmEnv();
    const tmp = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    execFileSync('cp', ['-r', `${join(f.repo.dir, 'packages', pkg)}/.`, tmp]);
    const pj = JSON.parse(readFileSync(join(tmp, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ ...pj, version }));
    execFileSync('npm', ['publish', '--registry', npm().url], { cwd: tmp, env, stdio: 'ignore' });
    execFileSync('rm', ['-rf', tmp]);
  }

  /** Search logs, outputs, the summary, RUNNER_TEMP and the workspace for the secrets. */
  function assertNoSecrets(r: ActionResult, f: ReleaseRepo, extra: string[] = []): void {
    const secrets = [npm().token, GH_TOKEN, ...extra];
    // The runner consumes `::add-mask::` commands (that is how a value gets masked); everything else is shown.
    const shown = (t: string) =>
      t
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
    const texts = [
      shown(r.stdout),
      shown(r.stderr),
      r.summary,
      JSON.stringify(r.outputs),
      JSON.stringify(r.exportedEnv),
    ];
    texts.forEach((t, i) => {
      for (const s of secrets) {
        const at = t.indexOf(s);
        if (at >= 0)
          throw new Error(`secret #${secrets.indexOf(s)} found in text #${i}: …${t.slice(Math.max(0, at - 200), at)}`);
      }
    });
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        const st = statSync(p, { throwIfNoEntry: false });
        if (!st) return [];
        return st.isDirectory() ? walk(p) : [p];
      });
    for (const file of [...walk(f.repo.dir), ...walk(r.runnerTemp)]) {
      if (file.endsWith('event.json')) continue;
      const text = readFileSync(file).toString('latin1');
      for (const s of secrets) if (text.includes(s)) throw new Error(`secret found in ${file}`);
    }
    f.gh.assertNoViolations();
  }

  test('releases a monorepo: bump, tag, GitHub Release, npm workspaces verified, status record, summary', async () => {
    const f = await fixture();
    const r = await release(f);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ version: '1.1.0', previous_version: '1.0.0', tag: 'v1.1.0', status: 'released' });
    // tests and build ran before the bump
    expect(r.stdout).toContain('tests-ran');
    // commit + annotated tag on the remote, branch at the release commit
    const tagCommit = remoteGit(f, 'rev-parse', 'v1.1.0^{commit}');
    expect(remoteGit(f, 'rev-parse', 'main')).toBe(tagCommit);
    expect(remoteGit(f, 'cat-file', '-t', 'v1.1.0')).toBe('tag');
    expect(remoteGit(f, 'log', '-1', '--format=%s', 'main')).toBe('chore(release): v1.1.0');
    const web = JSON.parse(remoteGit(f, 'show', 'v1.1.0:packages/web/package.json'));
    expect(web.version).toBe('1.1.0');
    expect(web.dependencies[`${f.scope}/core`]).toBe('^1.1.0');
    // GitHub Release: one, published, not a prerelease
    expect(releasesOf(f)).toHaveLength(1);
    expect(releasesOf(f)[0]).toMatchObject({ tagName: 'v1.1.0', draft: false, prerelease: false });
    expect(r.outputs.release_id).toBe(String(releasesOf(f)[0]?.id));
    // npm: both public packages, the private one skipped, integrity as published
    const published = JSON.parse(r.outputs.published as string) as { name: string; digest_or_integrity: string }[];
    expect(published.map((p) => p.name).sort()).toEqual([`${f.scope}/core`, `${f.scope}/web`]);
    for (const p of published) {
      const doc = await npmDoc(p.name);
      expect(doc?.versions['1.1.0']?.dist.integrity).toBe(p.digest_or_integrity);
      expect(doc?.['dist-tags'].latest).toBe('1.1.0');
    }
    expect(await npmDoc(`${f.scope}/internal`)).toBeUndefined();
    // status record
    const rec = statusDoc(f).releases[0] as Record<string, unknown>;
    expect(rec).toMatchObject({
      version: '1.1.0',
      status: 'released',
      type: 'minor',
      tag: 'v1.1.0',
      commit: tagCommit,
    });
    expect((rec.registries as unknown[]).length).toBe(2);
    const ledger = (rec.ledger as Record<string, Record<string, { state: string }>>)['7001'] ?? {};
    expect(Object.keys(ledger)).toEqual(
      expect.arrayContaining(['tests', 'build', 'commit', 'push', 'github-release', 'status']),
    );
    // summary
    expect(r.summary).toContain('Release v1.1.0: released');
    expect(r.summary).toMatch(/\| push \| ✅ done/);
    assertNoSecrets(r, f);

    // A re-run of the finished job changes nothing and publishes nothing again.
    const again = await release(f, { runAttempt: 2 });
    expect(again.errors).toEqual([]);
    expect(again.code).toBe(0);
    expect(again.summary).toMatch(/\| npm:.*already done/);
    expect(releasesOf(f)).toHaveLength(1);
    expect(remoteGit(f, 'tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    assertNoSecrets(again, f);
  });

  test('dry run prints the plan and changes nothing, locally or remotely', async () => {
    const f = await fixture();
    const refsBefore = remoteGit(f, 'for-each-ref');
    const localBefore = execFileSync('git', ['-C', f.repo.dir, 'for-each-ref'], { encoding: 'utf8' });
    const r = await release(f, { inputs: { dry_run: 'true', version_bump: 'major' } });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ version: '2.0.0', tag: 'v2.0.0', status: 'dry-run' });
    expect(r.stdout).toContain('packages/web/package.json');
    expect(r.stdout).toContain(`dependencies.${f.scope}/core ^1.0.0 → ^2.0.0`);
    expect(r.stdout).toMatch(/npm: @e2e\d+\/core@2\.0\.0 --tag latest/);
    expect(r.stdout).not.toContain('tests-ran');
    expect(remoteGit(f, 'for-each-ref')).toBe(refsBefore);
    expect(execFileSync('git', ['-C', f.repo.dir, 'for-each-ref'], { encoding: 'utf8' })).toBe(localBefore);
    expect(execFileSync('git', ['-C', f.repo.dir, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
    expect(f.gh.count({ method: 'POST' }) + f.gh.count({ method: 'PATCH' })).toBe(0);
    expect(await npmDoc(`${f.scope}/core`)).toBeUndefined();
  });

  test('prerelease: X.Y.Z-rc.N from the existing tags, npm dist-tag rc, GitHub prerelease', async () => {
    const f = await fixture();
    await f.repo.git('tag', '-a', 'v1.1.0-rc.1', '-m', 'rc1', 'HEAD~1');
    await f.repo.git('push', '-q', 'origin', 'v1.1.0-rc.1');
    const r = await release(f, { inputs: { release_type: 'prerelease' } });
    expect(r.errors).toEqual([]);
    expect(r.outputs.version).toBe('1.1.0-rc.2');
    expect(releasesOf(f)[0]).toMatchObject({ tagName: 'v1.1.0-rc.2', prerelease: true, draft: false });
    const doc = await npmDoc(`${f.scope}/core`);
    expect(doc?.['dist-tags']).toMatchObject({ rc: '1.1.0-rc.2' });
    // (a brand-new package also gets `latest` from the registry: npm always keeps one)
  });

  test('killed right after the tag push: the re-run (next attempt) converges', async () => {
    const f = await fixture();
    const first = await release(f, { env: { RELEASE_ACTIONS_FAULT: 'exit-after:push' } });
    expect(first.signal).toBe('SIGKILL');
    expect(remoteGit(f, 'tag', '--list', 'v1.1.0')).toBe('v1.1.0');
    expect(releasesOf(f)).toHaveLength(0);
    // the re-run starts from the original checkout, as a runner would
    const fresh = await createRepo({ remote: f.remote });
    await fresh.git('checkout', '-q', 'main~1');
    await fresh.git('checkout', '-q', '-B', 'main');
    const second = await release(f, { runAttempt: 2, cwd: fresh.dir });
    expect(second.errors).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.summary).toMatch(/\| push \| ☑️ already done/);
    expect(remoteGit(f, 'tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    expect(releasesOf(f)).toHaveLength(1);
    expect(releasesOf(f)[0]?.draft).toBe(false);
    for (const p of ['core', 'web'])
      expect(Object.keys((await npmDoc(`${f.scope}/${p}`))?.versions ?? {})).toEqual(['1.1.0']);
    expect(statusDoc(f).releases[0]).toMatchObject({ version: '1.1.0', status: 'released' });
    assertNoSecrets(second, f);
    await fresh.cleanup();
  });

  test('killed right after an npm publish: no file under RUNNER_TEMP holds the npm token; the re-run converges', async () => {
    const f = await fixture();
    const first = await release(f, { env: { RELEASE_ACTIONS_FAULT: `exit-after:npm:${f.scope}/core` } });
    expect(first.signal).toBe('SIGKILL');
    expect(Object.keys((await npmDoc(`${f.scope}/core`))?.versions ?? {})).toEqual(['1.1.0']);
    // The npm userconfig refers to ${NODE_AUTH_TOKEN}; the token itself was only in npm's environment.
    assertNoSecrets(first, f);
    const fresh = await createRepo({ remote: f.remote });
    await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
    const second = await release(f, { runAttempt: 2, cwd: fresh.dir });
    expect(second.errors).toEqual([]);
    expect(second.summary).toMatch(new RegExp(`\\| npm:${f.scope}/core \\| ☑️ already done`));
    expect(releasesOf(f)).toHaveLength(1);
    assertNoSecrets(second, f);
    await fresh.cleanup();
  });

  test('GitHub API 500 while creating the release: fails cleanly, the re-run makes exactly one release', async () => {
    const f = await fixture();
    f.gh.failNext({ route: 'POST /repos/{owner}/{repo}/releases', status: 500, times: 10 });
    const first = await release(f);
    expect(first.code).toBe(1);
    expect(first.errors.join('\n')).toMatch(/GitHub Release/);
    expect(first.outputs.status).toBe('failed');
    expect(await npmDoc(`${f.scope}/core`)).toBeUndefined();
    f.gh.clearFaults();
    const fresh = await createRepo({ remote: f.remote });
    await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
    const second = await release(f, { runAttempt: 2, cwd: fresh.dir });
    expect(second.errors).toEqual([]);
    expect(releasesOf(f)).toHaveLength(1);
    expect(releasesOf(f)[0]).toMatchObject({ tagName: 'v1.1.0', draft: false });
    expect(statusDoc(f).releases[0]).toMatchObject({ status: 'released' });
    await fresh.cleanup();
  });

  test('npm registry down during publish: the release stays a draft; the re-run publishes once and publishes the release', async () => {
    const f = await fixture();
    const proxy = await startProxy(npm().url);
    try {
      proxy.fail = true;
      const first = await release(f, { inputs: { npm_registry_url: proxy.url } });
      expect(first.code).toBe(1);
      expect(first.errors.join('\n')).toMatch(/npm publish .* failed/);
      expect(releasesOf(f)[0]).toMatchObject({ draft: true });
      proxy.fail = false;
      const refused = proxy.matched;
      const fresh = await createRepo({ remote: f.remote });
      await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
      const second = await release(f, { runAttempt: 2, cwd: fresh.dir, inputs: { npm_registry_url: proxy.url } });
      expect(second.errors).toEqual([]);
      expect(releasesOf(f)).toHaveLength(1);
      expect(releasesOf(f)[0]).toMatchObject({ draft: false });
      expect(refused).toBeGreaterThan(0);
      expect(proxy.matched - refused).toBe(2); // each package published exactly once
      assertNoSecrets(second, f);
      await fresh.cleanup();
    } finally {
      await proxy.close();
    }
  }, 150_000);

  test('push rejected because the branch moved: nothing published; the re-run stops cleanly', async () => {
    const f = await fixture();
    const other = await createRepo({ remote: f.remote });
    // The test command lands a commit on main from elsewhere while the release runs.
    const sneak = `git -C ${other.dir} commit -q --allow-empty -m "fix: sneaked in" && git -C ${other.dir} push -q origin main`;
    const first = await release(f, { inputs: { test_command: sneak } });
    expect(first.code).toBe(1);
    expect(first.errors.join('\n')).toMatch(/push rejected: main on origin moved/);
    expect(remoteGit(f, 'tag', '--list', 'v1.1.0')).toBe('');
    expect(releasesOf(f)).toHaveLength(0);
    expect(await npmDoc(`${f.scope}/core`)).toBeUndefined();
    const second = await release(f, { runAttempt: 2 });
    expect(second.code).toBe(1);
    expect(second.errors.join('\n')).toMatch(/moved past this checkout/);
    expect(remoteGit(f, 'tag', '--list', 'v1.1.0')).toBe('');
    // A new run from the new tip releases.
    await f.repo.git('pull', '-q', '--ff-only', 'origin', 'main');
    const third = await release(f, { runId: '7002' });
    expect(third.errors).toEqual([]);
    expect(remoteGit(f, 'tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    await other.cleanup();
  });

  test('a conflicting state stops and changes nothing: the version already published with other content', async () => {
    const f = await fixture();
    // someone published 1.1.0 of core outside this repository's releases
    await publishByHand(f, 'core', '1.1.0');
    const refsBefore = remoteGit(f, 'for-each-ref');
    const r = await release(f);
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/already published .* nothing was changed/);
    expect(remoteGit(f, 'for-each-ref')).toBe(refsBefore);
    expect(releasesOf(f)).toHaveLength(0);
  });

  test('the registry already has 1.2.0 and git has no tag: refused before any side effect, registry untouched; adopting the tag fixes it', async () => {
    // Issue 15's scenario: packages published before this repository tagged its releases; a feat, default inputs.
    const f = await fixture({ untagged: true, commits: ['feat: a new thing'] });
    await publishByHand(f, 'core', '1.2.0');
    const registryBefore = await npmDoc(`${f.scope}/core`);
    const refsBefore = remoteGit(f, 'for-each-ref');
    // The plan says it first, in the same words (the same check on the same registry).
    const planned = await runAction('plan', {
      cwd: f.repo.dir,
      event: { repository: { default_branch: 'main' } },
      env: { NODE_AUTH_TOKEN: npm().token },
      inputs: { publish_registries: 'npm', npm_registry_url: npm().url },
    });
    expect(planned.code).toBe(1);
    expect(planned.errors).toHaveLength(1);
    expect(planned.outputs.next_version).toBeUndefined();
    for (const dryRun of ['true', 'false']) {
      const r = await release(f, { runId: dryRun === 'true' ? '7101' : '7102', inputs: { dry_run: dryRun } });
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(1);
      const error = r.errors[0] ?? '';
      expect(error).toContain(`npm package ${f.scope}/core`);
      expect(error).toMatch(/has 1\.2\.0 as its latest, and this release would publish 1\.0\.0, lower/);
      expect(error).toMatch(/tag .* as v1\.2\.0 and push the tag/);
      expect(error).toContain('initial_version');
      expect(error).toContain('Nothing was changed');
      expect(r.outputs.status).toBe('failed');
      expect(error).toBe(planned.errors[0]);
      expect(await npmDoc(`${f.scope}/core`)).toEqual(registryBefore);
      expect(await npmDoc(`${f.scope}/web`)).toBeUndefined();
      expect(remoteGit(f, 'for-each-ref')).toBe(refsBefore);
      expect(releasesOf(f)).toHaveLength(0);
    }
    // The fix the error names: adopt 1.2.0 (tag the commit it came from); the re-run releases 1.3.0 above it.
    await f.repo.git('tag', '-a', 'v1.2.0', '-m', 'v1.2.0', 'HEAD~1');
    await f.repo.git('push', '-q', 'origin', 'v1.2.0');
    const replanned = await runAction('plan', {
      cwd: f.repo.dir,
      inputs: { publish_registries: 'npm', npm_registry_url: npm().url },
    });
    expect(replanned.errors).toEqual([]);
    expect(replanned.outputs.next_version).toBe('1.3.0');
    expect(replanned.summary).toMatch(/\| npm \| `@[^`]+\/core` \| 1\.2\.0 \| v1\.3\.0 under dist-tag latest \|/);
    const r = await release(f, { runId: '7103' });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ version: '1.3.0', previous_version: '1.2.0', status: 'released' });
    expect((await npmDoc(`${f.scope}/core`))?.['dist-tags']).toEqual({ latest: '1.3.0' });
    expect(Object.keys((await npmDoc(`${f.scope}/core`))?.versions ?? {}).sort()).toEqual(['1.2.0', '1.3.0']);
    assertNoSecrets(r, f);
  }, 240_000);

  test('npm_dist_tag latest on a backport branch below the registry: refused, latest stays', async () => {
    const f = await fixture();
    for (const p of ['core', 'web']) await publishByHand(f, p, '2.0.0');
    await f.repo.git('checkout', '-q', '-b', 'release/1.x');
    await f.repo.git('push', '-q', 'origin', 'release/1.x');
    const r = await release(f, {
      runId: '7104',
      inputs: { release_branch: 'release/1.x', npm_dist_tag: 'latest' },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /has 2\.0\.0 as its latest, and this release would publish 1\.1\.0, lower, under the dist-tag latest/,
    );
    for (const p of ['core', 'web'])
      expect((await npmDoc(`${f.scope}/${p}`))?.['dist-tags']).toEqual({ latest: '2.0.0' });
    expect(releasesOf(f)).toHaveLength(0);
    // Without the forced dist-tag it is a backport: latest-1, and latest stays at 2.0.0.
    const ok = await release(f, { runId: '7105', inputs: { release_branch: 'release/1.x' } });
    expect(ok.errors).toEqual([]);
    expect(ok.outputs).toMatchObject({ version: '1.1.0', status: 'released' });
    for (const p of ['core', 'web'])
      expect((await npmDoc(`${f.scope}/${p}`))?.['dist-tags']).toEqual({ latest: '2.0.0', 'latest-1': '1.1.0' });
    expect(releasesOf(f).find((x) => x.tagName === 'v1.1.0')).toMatchObject({ makeLatest: 'false' });
  }, 240_000);

  test('two releases started from the same commit at once: exactly one release, the other stops cleanly', async () => {
    const f = await fixture();
    const clone2 = await createRepo({ remote: f.remote });
    const [a, b] = await Promise.all([release(f, { runId: '8001' }), release(f, { runId: '8002', cwd: clone2.dir })]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(loser.errors.join('\n')).toMatch(/already being made by run|moved|push rejected/);
    expect(remoteGit(f, 'tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    expect(releasesOf(f)).toHaveLength(1);
    for (const p of ['core', 'web'])
      expect(Object.keys((await npmDoc(`${f.scope}/${p}`))?.versions ?? {})).toEqual(['1.1.0']);
    await clone2.cleanup();
  });

  test('announcement (Slack, then JSON answered 500), assets by glob, v1 created then moved, the job summary', async () => {
    const f = await fixture();
    const hook = await startWebhook();
    const hookSecrets = [hook.url, new URL(hook.url).pathname];
    try {
      mkdirSync(join(f.repo.dir, 'out'));
      writeFileSync(join(f.repo.dir, 'out', 'widget-linux.txt'), 'linux build\n');
      writeFileSync(join(f.repo.dir, 'out', 'widget-mac.txt'), 'mac build\n');
      writeFileSync(join(f.repo.dir, 'out', 'notes.md'), 'not an asset\n');
      const inputs = { announce_webhook_url: hook.url, update_major_tag: 'true', assets: 'out/widget-*.txt' };
      const r = await release(f, { inputs });
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      const url = r.outputs.release_url as string;
      // the first release of major 1 creates v1
      expect(remoteGit(f, 'rev-parse', 'v1^{commit}')).toBe(remoteGit(f, 'rev-parse', 'v1.1.0^{commit}'));
      // assets: posted to the release's upload_url (name from its {?name,label} template), bytes as on disk
      expect(releasesOf(f)[0]?.assets.map((a) => [a.name, a.data.toString('utf8')])).toEqual([
        ['widget-linux.txt', 'linux build\n'],
        ['widget-mac.txt', 'mac build\n'],
      ]);
      expect(f.gh.count({ operationId: 'repos/upload-release-asset', status: 201 })).toBe(2);
      // Slack-compatible announcement: text + blocks, the highlights and the links
      expect(hook.posts).toHaveLength(1);
      const slack = hook.posts[0]?.body as { text: string; blocks: { type: string }[] };
      expect(slack.text.split('\n')).toEqual([
        'acme/widget v1.1.0 released',
        '• a new thing',
        '• a bug',
        `<${url}|Release notes>`,
        expect.stringMatching(new RegExp(`^<http.*\\|npm: ${f.scope}/(core|web)>$`)),
        expect.stringMatching(new RegExp(`^<http.*\\|npm: ${f.scope}/(core|web)>$`)),
      ]);
      expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
      // the job summary: version, tag, links to the release and to each package, the steps and their state
      expect(r.summary).toContain('Release v1.1.0: released');
      expect(r.summary).toContain('| version | 1.0.0 → **1.1.0** |');
      expect(r.summary).toContain('| tag | `v1.1.0` |');
      expect(r.summary).toContain(`| GitHub Release | [v1.1.0](${url}) |`);
      for (const p of ['core', 'web'])
        expect(r.summary).toMatch(new RegExp(`\\| npm: ${f.scope}/${p} \\| \\[1\\.1\\.0\\]\\(http[^)]+\\) \`sha512-`));
      for (const step of ['preflight', 'tests', 'build', 'commit', 'push', 'github-release', 'major-tag', 'announce'])
        expect(r.summary).toMatch(new RegExp(`\\| ${step} \\| ✅ done \\|`));
      assertNoSecrets(r, f, hookSecrets);

      // A later 1.x moves v1; a webhook answering 500 is a warning, the release succeeds.
      await f.repo.git('commit', '--allow-empty', '-q', '-m', 'fix: later');
      await f.repo.git('push', '-q', 'origin', 'main');
      hook.status = 500;
      const json = { ...inputs, announce_format: 'json' };
      const r2 = await release(f, { runId: '7002', inputs: json });
      expect(r2.errors).toEqual([]);
      expect(r2.code).toBe(0);
      expect(r2.outputs).toMatchObject({ version: '1.1.1', status: 'released' });
      expect(r2.warnings).toEqual(['the release announcement was refused (HTTP 500); the release itself is done']);
      expect(remoteGit(f, 'rev-parse', 'v1^{commit}')).toBe(remoteGit(f, 'rev-parse', 'v1.1.1^{commit}'));
      expect(hook.posts[1]?.body).toEqual({
        event: 'release',
        repository: 'acme/widget',
        version: '1.1.1',
        tag: 'v1.1.1',
        prerelease: false,
        release_url: r2.outputs.release_url,
        highlights: ['later'],
        links: expect.arrayContaining([
          { name: `npm: ${f.scope}/core`, url: expect.stringMatching(/^http/) },
          { name: `npm: ${f.scope}/web`, url: expect.stringMatching(/^http/) },
        ]),
      });
      expect(r2.summary).toMatch(/\| announce \| ❌ failed \| post failed \(warning only\) \|/);
      assertNoSecrets(r2, f, hookSecrets);
    } finally {
      await hook.close();
    }
  });

  test('backport 1.0.1 after 2.0.0: make_latest false, npm dist-tag latest-1, v2 stays, v1 moves', async () => {
    const f = await fixture();
    // 2.0.0 is out: tags v2.0.0 and v2 on main, its GitHub Release (latest), both packages at npm `latest`
    await f.repo.git('tag', '-a', 'v2.0.0', '-m', 'v2.0.0');
    await f.repo.git('tag', 'v2');
    await f.repo.git('push', '-q', 'origin', 'v2.0.0', 'v2');
    f.gh.state.addRelease({ tagName: 'v2.0.0' });
    for (const p of ['core', 'web']) await publishByHand(f, p, '2.0.0');
    const v2 = remoteGit(f, 'rev-parse', 'v2^{commit}');
    // the maintenance branch: v1.0.0 and one fix
    await f.repo.git('checkout', '-q', '-b', 'release/1.x', 'v1.0.0');
    await f.repo.git('commit', '--allow-empty', '-q', '-m', 'fix: backported fix');
    await f.repo.git('push', '-q', 'origin', 'release/1.x');
    const r = await release(f, {
      runId: '7002',
      inputs: { release_branch: 'release/1.x', update_major_tag: 'true' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ version: '1.0.1', previous_version: '1.0.0', status: 'released' });
    expect(releasesOf(f).find((x) => x.tagName === 'v1.0.1')).toMatchObject({
      draft: false,
      prerelease: false,
      makeLatest: 'false',
    });
    const latest = await fetch(`${f.gh.url}/repos/acme/widget/releases/latest`, {
      headers: { authorization: `token ${GH_TOKEN}` },
    });
    expect(((await latest.json()) as { tag_name: string }).tag_name).toBe('v2.0.0');
    for (const p of ['core', 'web'])
      expect((await npmDoc(`${f.scope}/${p}`))?.['dist-tags']).toEqual({ latest: '2.0.0', 'latest-1': '1.0.1' });
    expect(remoteGit(f, 'rev-parse', 'v2^{commit}')).toBe(v2);
    expect(remoteGit(f, 'rev-parse', 'v1^{commit}')).toBe(remoteGit(f, 'rev-parse', 'v1.0.1^{commit}'));
    expect(remoteGit(f, 'rev-parse', 'main')).toBe(remoteGit(f, 'rev-parse', 'v2.0.0^{commit}'));
    expect(statusDoc(f).releases.find((x) => x.version === '1.0.1')).toMatchObject({ type: 'hotfix' });
    assertNoSecrets(r, f);
  });

  test('version_bump auto: only chores → nothing to release, quietly and as the plan says; 0.x breaking → minor', async () => {
    const f = await fixture({ commits: ['chore: deps', 'docs: readme', 'ci: cache'] });
    const refsBefore = remoteGit(f, 'for-each-ref');
    const r = await release(f);
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.outputs).toMatchObject({
      status: 'nothing-to-release',
      version: '',
      tag: '',
      previous_version: '1.0.0',
      release_url: '',
      published: '[]',
    });
    const reason = 'no releasable commits since v1.0.0 (3 commits, none a feat, fix, perf, revert or breaking change)';
    expect(r.annotations.filter((a) => a.level === 'notice').map((a) => a.message)).toEqual([
      `Nothing to release: ${reason}.`,
    ]);
    expect(r.summary).toContain('Release: nothing to release');
    expect(r.stdout).not.toContain('tests-ran');
    expect(remoteGit(f, 'for-each-ref')).toBe(refsBefore);
    expect(f.gh.count({ method: 'POST' }) + f.gh.count({ method: 'PATCH' })).toBe(0);
    expect(await npmDoc(`${f.scope}/core`)).toBeUndefined();
    // the plan action decides the same on the same checkout
    const plan = await runAction('plan', { cwd: f.repo.dir, token: GH_TOKEN, apiUrl: f.gh.url });
    expect(plan.outputs).toMatchObject({ releasable: 'false', reason });

    const zero = await fixture({ baseTag: 'v0.4.1', commits: ['feat!: drop the old options', 'fix: a bug'] });
    const z = await release(zero, { inputs: { dry_run: 'true' } });
    expect(z.errors).toEqual([]);
    expect(z.outputs).toMatchObject({ status: 'dry-run', version: '0.5.0', previous_version: '0.4.1' });
  });

  test('a read-only token fails the preflight before any side effect, saying what is missing', async () => {
    const f = await fixture();
    f.gh.state.setReadOnly();
    const refsBefore = remoteGit(f, 'for-each-ref');
    const r = await release(f);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'the GitHub token cannot write contents (permissions: contents: write is needed to push the tag and create the release)',
    ]);
    expect(r.outputs.status).toBe('failed');
    expect(r.summary).toMatch(/\| preflight \| ❌ failed \|/);
    expect(r.stdout).not.toContain('tests-ran');
    expect(remoteGit(f, 'for-each-ref')).toBe(refsBefore);
    expect(f.gh.count({ method: 'POST' }) + f.gh.count({ method: 'PATCH' })).toBe(0);
    expect(await npmDoc(`${f.scope}/core`)).toBeUndefined();
  });

  test('resuming finds its tag moved to another commit: a clear conflict error, nothing changed', async () => {
    const f = await fixture();
    const first = await release(f, { env: { RELEASE_ACTIONS_FAULT: 'exit-after:push' } });
    expect(first.signal).toBe('SIGKILL');
    const made = remoteGit(f, 'rev-parse', 'v1.1.0^{commit}');
    // someone points the tag elsewhere before the re-run
    await f.repo.git('tag', '-f', '-a', 'v1.1.0', '-m', 'moved', 'HEAD~1');
    await f.repo.git('push', '-q', '--force', 'origin', 'refs/tags/v1.1.0');
    const elsewhere = remoteGit(f, 'rev-parse', 'v1.1.0^{commit}');
    const refsBefore = remoteGit(f, 'for-each-ref');
    const fresh = await createRepo({ remote: f.remote });
    await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
    const second = await release(f, { runAttempt: 2, cwd: fresh.dir });
    expect(second.code).toBe(1);
    expect(second.errors).toEqual([
      `tag v1.1.0 on origin points to ${elsewhere.slice(0, 12)}, not to the release commit ${made.slice(0, 12)} this run made; nothing was changed`,
    ]);
    expect(remoteGit(f, 'for-each-ref')).toBe(refsBefore);
    expect(releasesOf(f)).toHaveLength(0);
    expect(await npmDoc(`${f.scope}/core`)).toBeUndefined();
    await fresh.cleanup();
  });
});

/** A webhook receiver: records each POST (path, JSON body) and answers `status`. */
async function startWebhook(): Promise<{
  url: string;
  posts: { path: string; body: Record<string, unknown> }[];
  status: number;
  close(): Promise<void>;
}> {
  const hook = {
    url: '',
    posts: [] as { path: string; body: Record<string, unknown> }[],
    status: 200,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hook.posts.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
      res.writeHead(hook.status, { 'content-type': 'text/plain' }).end(hook.status === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0001/B0002/hookSecret7f3a9c`;
  return hook;
}

/** An HTTP proxy in front of the registry that can refuse publishes (PUT) as a registry that is down would. */
const startProxy = (target: string) =>
  startFaultProxy(target, {
    matches: (req) => req.method === 'PUT',
    refuse: (req, res) => {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"service unavailable"}');
    },
    targetHost: true,
  });
