/**
 * Releases under branch protection: a bare remote whose pre-receive hook refuses every update of refs/heads/main
 * with GitHub's GH006 text, as branch protection does. release_mode direct fails before any publish with the
 * remote's own words and the way out, and its re-run writes nothing; tag-only releases under the protection (tag
 * on the tested commit, GitHub Release, npm once) and converges on re-runs. The GitHub double validates every call.
 */
import { parse as parseYaml } from 'yaml';
import { onePackageFiles, type ReleaseRepo, releaseSuite } from '../support/release-fixture.js';
import { describeWithService, requireService } from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');

describeWithService(verdaccioService, 'release modes under branch protection (GH006 hook)', () => {
  const suite = releaseSuite({ token: 'ghs_e2eModesToken0123456789', npm: true });

  /** One public package at 1.0.0 (tagged), a feat since, then main protected. */
  async function fixture(): Promise<ReleaseRepo> {
    const scope = suite.scope('modes');
    return suite.repo({ scope, files: onePackageFiles(`${scope}/lib`), protect: true });
  }

  const release = (f: ReleaseRepo, inputs: Record<string, string>, runAttempt = 1, runId = '9001') =>
    suite.run(f, { runId, runAttempt, inputs: { version_bump: 'auto', ...inputs } });
  const statusPushes = (f: ReleaseRepo) => Number(suite.git(f, 'rev-list', '--count', 'release-status'));

  test('direct: GH006 is shown in the remote’s words with the way out; nothing published; a re-run writes nothing', async () => {
    const f = await fixture();
    const main = suite.git(f, 'rev-parse', 'main');
    const first = await release(f, {});
    expect(first.code).toBe(1);
    const error = first.errors.join('\n');
    expect(error).toMatch(/GH006: Protected branch update failed for refs\/heads\/main/);
    expect(error).toMatch(/release_mode: pull-request/);
    expect(error).toMatch(/release_mode: tag-only/);
    expect(error).not.toMatch(/moved/);
    expect(error).toMatch(/The status record \(.*release-status.*\) was written/);
    expect(suite.git(f, 'rev-parse', 'main')).toBe(main);
    expect(suite.git(f, 'tag', '--list', 'v1.1.0')).toBe('');
    expect(f.gh.state.releases).toHaveLength(0);
    expect(await suite.versions(`${f.scope}/lib`)).toEqual([]);
    const rec = (
      parseYaml(suite.git(f, 'show', 'release-status:release-status.yaml')) as {
        releases: Record<string, unknown>[];
      }
    ).releases[0];
    expect(rec).toMatchObject({ version: '1.1.0', status: 'failed', refused: { branch: 'main', base: main } });
    const pushes = statusPushes(f);

    // Re-running the same job (next attempts) is refused the same way, before the claim: the record stays as it was.
    for (const attempt of [2, 3]) {
      const again = await release(f, {}, attempt);
      expect(again.code).toBe(1);
      expect(again.errors.join('\n')).toMatch(
        /refused release 1\.1\.0 from this commit .*GH006.*release_mode: tag-only/s,
      );
      expect(again.stdout).not.toMatch(/tests-ran/);
    }
    expect(statusPushes(f)).toBe(pushes);
    expect(suite.git(f, 'rev-parse', 'main')).toBe(main);
    f.gh.assertNoViolations();
  }, 150_000);

  test('tag-only: tag on the tested commit, GitHub Release, npm once, main untouched; re-runs converge', async () => {
    const f = await fixture();
    const main = suite.git(f, 'rev-parse', 'main');
    const first = await release(f, { release_mode: 'tag-only' });
    expect(first.errors).toEqual([]);
    expect(first.outputs.status).toBe('released');
    expect(suite.git(f, 'rev-parse', 'main')).toBe(main);
    expect(suite.git(f, 'cat-file', '-t', 'v1.1.0')).toBe('tag');
    expect(suite.git(f, 'rev-parse', 'v1.1.0^{commit}')).toBe(main);
    // The branch keeps its manifest; the package published carries the version.
    expect(JSON.parse(suite.git(f, 'show', 'main:package.json')).version).toBe('1.0.0');
    expect(await suite.versions(`${f.scope}/lib`)).toEqual(['1.1.0']);
    expect(f.gh.state.releases).toHaveLength(1);
    expect(f.gh.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', draft: false });

    // The same job again (next attempt): every step already done.
    const again = await release(f, { release_mode: 'tag-only' }, 2);
    expect(again.errors).toEqual([]);
    expect(again.outputs.status).toBe('released');
    // A new run on the same commit: the tested commit is released, nothing to do.
    const later = await release(f, { release_mode: 'tag-only' }, 1, '9002');
    expect(later.errors).toEqual([]);
    expect(later.outputs.status).toBe('nothing-to-release');
    expect(suite.git(f, 'tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    expect(f.gh.state.releases).toHaveLength(1);
    expect(await suite.versions(`${f.scope}/lib`)).toEqual(['1.1.0']);
    expect(suite.git(f, 'rev-parse', 'main')).toBe(main);
    f.gh.assertNoViolations();
  }, 200_000);
});
