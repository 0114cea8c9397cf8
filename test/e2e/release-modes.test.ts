/**
 * Releases under branch protection: a bare remote whose pre-receive hook refuses every update of refs/heads/main
 * with GitHub's GH006 text, as branch protection does. release_mode direct fails before any publish with the
 * remote's own words and the way out, and its re-run writes nothing; tag-only releases under the protection (tag
 * on the tested commit, GitHub Release, npm once) and converges on re-runs. The GitHub double validates every call.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { runAction } from '../support/run-action.js';
import {
  type BareRemote,
  createBareRemote,
  createRepo,
  describeWithService,
  type Repo,
  requireService,
  startVerdaccio,
  type Verdaccio,
} from '../support/services/index.js';

const verdaccioService = await requireService('verdaccio');
const GH_TOKEN = 'ghs_e2eModesToken0123456789';
let seq = 0;

/** GitHub's own words when a protected branch refuses a push. */
const GH006 = `#!/bin/sh
while read old new ref; do
  if [ "$ref" = refs/heads/main ]; then
    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2
    echo "error: Changes must be made through a pull request." >&2
    exit 1
  fi
done
exit 0
`;

interface Fixture {
  remote: BareRemote;
  repo: Repo;
  gh: GitHubDouble;
  scope: string;
}

describeWithService(verdaccioService, 'release modes under branch protection (GH006 hook)', () => {
  let npm: Verdaccio;
  const fixtures: Fixture[] = [];

  beforeAll(async () => {
    npm = await startVerdaccio();
  }, 60_000);
  afterAll(async () => {
    for (const f of fixtures) {
      await f.gh.close();
      await f.repo.cleanup();
      await f.remote.cleanup();
    }
    await npm?.stop();
  });

  /** One public package at 1.0.0 (tagged), a feat since, then main protected. */
  async function fixture(): Promise<Fixture> {
    const scope = `@modes${++seq}${process.pid}`;
    const remote = await createBareRemote();
    const repo = await createRepo({
      remote,
      files: {
        'package.json':
          JSON.stringify(
            { name: `${scope}/lib`, version: '1.0.0', license: 'MIT', scripts: { test: 'echo tests-ran' } },
            null,
            2,
          ) + '\n',
        'index.js': 'module.exports = 1;\n',
      },
    });
    await repo.git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    await repo.git('commit', '--allow-empty', '-q', '-m', 'feat: a new thing');
    await repo.git('push', '-q', '--follow-tags', 'origin', 'main');
    const hook = join(remote.dir, 'hooks', 'pre-receive');
    writeFileSync(hook, GH006);
    chmodSync(hook, 0o755);
    const gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [GH_TOKEN] });
    const f = { remote, repo, gh, scope };
    fixtures.push(f);
    return f;
  }

  const release = (f: Fixture, inputs: Record<string, string>, runAttempt = 1, runId = '9001') =>
    runAction('release', {
      cwd: f.repo.dir,
      token: GH_TOKEN,
      apiUrl: f.gh.url,
      graphqlUrl: f.gh.graphqlUrl,
      serverUrl: f.gh.serverUrl,
      repository: 'acme/widget',
      runId,
      runAttempt,
      timeoutMs: 90_000,
      env: { NODE_AUTH_TOKEN: npm.token, RELEASE_ACTIONS_RETRY_BASE_SECONDS: '0.05' },
      inputs: {
        version_bump: 'auto',
        publish_registries: 'npm',
        npm_registry_url: npm.url,
        verify_timeout: '20s',
        ...inputs,
      },
    });

  const remoteGit = (f: Fixture, ...args: string[]) =>
    execFileSync('git', ['--git-dir', f.remote.dir, ...args], { encoding: 'utf8' }).trim();
  const statusPushes = (f: Fixture) => Number(remoteGit(f, 'rev-list', '--count', 'release-status'));
  const npmVersions = async (name: string) => {
    const res = await fetch(`${npm.url}${name.replace('/', '%2f')}`);
    return res.status === 404 ? [] : Object.keys(((await res.json()) as { versions: object }).versions);
  };

  test('direct: GH006 is shown in the remote’s words with the way out; nothing published; a re-run writes nothing', async () => {
    const f = await fixture();
    const main = remoteGit(f, 'rev-parse', 'main');
    const first = await release(f, {});
    expect(first.code).toBe(1);
    const error = first.errors.join('\n');
    expect(error).toMatch(/GH006: Protected branch update failed for refs\/heads\/main/);
    expect(error).toMatch(/release_mode: pull-request/);
    expect(error).toMatch(/release_mode: tag-only/);
    expect(error).not.toMatch(/moved/);
    expect(error).toMatch(/The status record \(.*release-status.*\) was written/);
    expect(remoteGit(f, 'rev-parse', 'main')).toBe(main);
    expect(remoteGit(f, 'tag', '--list', 'v1.1.0')).toBe('');
    expect(f.gh.state.releases).toHaveLength(0);
    expect(await npmVersions(`${f.scope}/lib`)).toEqual([]);
    const rec = (
      parseYaml(remoteGit(f, 'show', 'release-status:release-status.yaml')) as {
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
    expect(remoteGit(f, 'rev-parse', 'main')).toBe(main);
    f.gh.assertNoViolations();
  }, 150_000);

  test('tag-only: tag on the tested commit, GitHub Release, npm once, main untouched; re-runs converge', async () => {
    const f = await fixture();
    const main = remoteGit(f, 'rev-parse', 'main');
    const first = await release(f, { release_mode: 'tag-only' });
    expect(first.errors).toEqual([]);
    expect(first.outputs.status).toBe('released');
    expect(remoteGit(f, 'rev-parse', 'main')).toBe(main);
    expect(remoteGit(f, 'cat-file', '-t', 'v1.1.0')).toBe('tag');
    expect(remoteGit(f, 'rev-parse', 'v1.1.0^{commit}')).toBe(main);
    // The branch keeps its manifest; the package published carries the version.
    expect(JSON.parse(remoteGit(f, 'show', 'main:package.json')).version).toBe('1.0.0');
    expect(await npmVersions(`${f.scope}/lib`)).toEqual(['1.1.0']);
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
    expect(remoteGit(f, 'tag', '--list', 'v*')).toBe('v1.0.0\nv1.1.0');
    expect(f.gh.state.releases).toHaveLength(1);
    expect(await npmVersions(`${f.scope}/lib`)).toEqual(['1.1.0']);
    expect(remoteGit(f, 'rev-parse', 'main')).toBe(main);
    f.gh.assertNoViolations();
  }, 200_000);
});
