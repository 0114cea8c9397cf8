/**
 * Hostile repositories: what a committed file can make an action do. A repository is untrusted input; a symlink in
 * it must never make the release read the runner's secrets (`/proc/self/environ`) into a public GitHub Release or
 * its assets, nor make the release or the changelog write outside the checkout. Each case runs the bundled action
 * against a real bare remote and the GitHub double, and asserts nothing was pushed, uploaded or written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubDouble } from '../support/github/index.js';
import { jsonFile, type ReleaseRepo, releaseSuite } from '../support/release-fixture.js';
import { runAction } from '../support/run-action.js';
import { createBareRemote, createRepo } from '../support/services/index.js';

const GH_TOKEN = 'ghs_hostileToken0123456789abcdef';
const SECRET = 'npm_hostileSecretValue0123456789';

/** `outside`: a directory beside the checkout that links point into (victim.txt, dir/loot.txt). */
interface Fixture extends ReleaseRepo {
  outside: string;
}

const suite = releaseSuite({ token: GH_TOKEN });

/** A released v1.0.0 plus a feat, with `links` committed as symbolic links (path → target). */
async function fixture(links: Record<string, string>, files: Record<string, string> = {}): Promise<Fixture> {
  const outside = mkdtempSync(join(tmpdir(), 'hostile-outside-'));
  suite.cleanups.add(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'victim.txt'), 'version 0.0.1 x-release-actions-version\nsecret-outside\n');
  mkdirSync(join(outside, 'dir'));
  writeFileSync(join(outside, 'dir', 'loot.txt'), 'secret-outside\n');
  const f = await suite.repo({
    files: { 'package.json': jsonFile({ name: 'hostile', version: '1.0.0', private: true }), ...files },
    afterTags: async (repo) => {
      for (const [path, target] of Object.entries(links)) {
        mkdirSync(join(repo.dir, path, '..'), { recursive: true });
        symlinkSync(target.replace('$OUTSIDE', outside), join(repo.dir, path));
      }
      await repo.git('add', '-A');
    },
    commits: ['feat: a thing'],
  });
  return { ...f, outside };
}

/** The release with the npm secret in its environment; tests and build pass, version_bump minor. */
const release = (f: ReleaseRepo, inputs: Record<string, string>) =>
  suite.run(f, {
    timeoutMs: 60_000,
    env: { NODE_AUTH_TOKEN: SECRET },
    inputs: { version_bump: 'minor', test_command: 'true', build_command: 'true', ...inputs },
  });

const remoteTags = (f: Fixture) =>
  execFileSync('git', ['--git-dir', f.remote.dir, 'tag', '--list'], { encoding: 'utf8' }).trim().split('\n');
const remoteMain = (f: Fixture) =>
  execFileSync('git', ['--git-dir', f.remote.dir, 'log', '-1', '--format=%s', 'main'], { encoding: 'utf8' }).trim();

/** Nothing left the runner: no tag, no release commit, no release, no upload; the secret is nowhere. */
function assertNothingDone(f: Fixture, r: { log: string; summary: string; code: number | null }): void {
  expect(r.code).toBe(1);
  expect(remoteTags(f)).toEqual(['v1.0.0']);
  expect(remoteMain(f)).toBe('feat: a thing');
  expect(f.gh.count({ method: 'POST' }) + f.gh.count({ method: 'PATCH' })).toBe(0);
  for (const c of f.gh.calls) expect(JSON.stringify(c)).not.toContain(SECRET);
  // The runner consumes `::add-mask::` itself; every other line must be free of the secret.
  expect(r.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(SECRET);
  expect(r.summary).not.toContain(SECRET);
}

describe('hostile repository: symbolic links never carry a read or a write out of the checkout', () => {
  test.each([
    ['a link to /proc/self/environ', { 'RELEASE_NOTES.md': '/proc/self/environ' }, 'RELEASE_NOTES.md'],
    ['a link to a file outside', { 'RELEASE_NOTES.md': '$OUTSIDE/victim.txt' }, 'RELEASE_NOTES.md'],
    ['a link chain', { 'a.md': 'b.md', 'b.md': 'c.md', 'c.md': '/proc/self/environ' }, 'a.md'],
    ['a directory link', { docs: '$OUTSIDE/dir' }, 'docs/loot.txt'],
  ])('notes_file through %s is refused before any side effect', async (_name, links, notesFile) => {
    const f = await fixture(links);
    const r = await release(f, { notes_file: notesFile });
    assertNothingDone(f, r);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/notes_file/);
    expect(r.errors[0]).toMatch(/symbolic link to/);
    expect(r.log).not.toContain('secret-outside');
  });

  test.each([
    ['a file link to /proc/self/environ', { 'dist/x.txt': '/proc/self/environ' }, 'dist/*'],
    ['a file link outside', { 'dist/x.txt': '$OUTSIDE/victim.txt' }, 'dist/x.txt'],
    ['a directory link outside', { out: '$OUTSIDE/dir' }, 'out/*'],
    ['a link chain', { 'dist/a.txt': 'b.txt', 'dist/b.txt': '/proc/self/environ' }, 'dist/a.txt'],
  ])('assets through %s are refused: nothing uploaded, nothing pushed', async (_name, links, assets) => {
    const f = await fixture(links, { 'dist/ok.txt': 'fine\n' });
    const r = await release(f, { assets });
    assertNothingDone(f, r);
    expect(r.log).toMatch(/assets/);
    expect(r.log).toMatch(/symbolic link to|leaves the workspace|device or kernel file/);
  });

  test('version_files through a link outside: the victim is untouched, nothing pushed', async () => {
    const f = await fixture({ VERSION: '$OUTSIDE/victim.txt' });
    const before = readFileSync(join(f.outside, 'victim.txt'), 'utf8');
    const r = await release(f, { version_files: 'VERSION' });
    assertNothingDone(f, r);
    expect(r.log).toMatch(/version_files/);
    expect(readFileSync(join(f.outside, 'victim.txt'), 'utf8')).toBe(before);
  });

  test('a link inside the checkout to a file inside it is fine', async () => {
    const f = await fixture({ 'NOTES.md': 'docs/notes.md' }, { 'docs/notes.md': 'Hand-written notes.\n' });
    const r = await release(f, { notes_file: 'NOTES.md' });
    expect(r.code).toBe(0);
    expect(remoteTags(f)).toContain('v1.1.0');
    const created = f.gh.callsTo({ route: 'POST /repos/{owner}/{repo}/releases' })[0];
    expect(JSON.stringify(created?.body)).toContain('Hand-written notes.');
  });
});

describe('hostile repository: HTML in commit text is shown, never rendered', () => {
  test('release body and CHANGELOG.md: `<`, `>`, `&` escaped outside code, Markdown kept', async () => {
    const f = await fixture({});
    await f.repo.git('commit', '-q', '--allow-empty', '-m', 'fix: keep </details><img src=x> & `Map<K, V>` **bold**');
    await f.repo.git('push', '-q', 'origin', 'main');
    const r = await release(f, {});
    expect(r.code).toBe(0);
    const created = f.gh.callsTo({ route: 'POST /repos/{owner}/{repo}/releases' })[0];
    const body = String((created?.body as { body?: string } | undefined)?.body);
    expect(body).toContain('keep &lt;/details&gt;&lt;img src=x&gt; &amp; `Map<K, V>` **bold**');
    expect(body).not.toContain('</details>');
    const cl = await runAction('changelog', {
      cwd: f.repo.dir,
      inputs: { include_prs: 'false', write_file: 'true', since_tag: 'v1.0.0' },
    });
    expect(cl.code).toBe(0);
    expect(readFileSync(join(f.repo.dir, 'CHANGELOG.md'), 'utf8')).toContain('&lt;img src=x&gt;');
    expect(cl.outputs.notes).not.toContain('<img');
  });
});

describe('notes of any size travel as a file', () => {
  test("a 10,000-commit first release along the workflow's path: changelog notes_file → artifact → release notes_file", async () => {
    const remote = await createBareRemote();
    const repo = await createRepo({
      remote,
      files: { 'package.json': JSON.stringify({ name: 'old', version: '1.0.0', private: true }, null, 2) + '\n' },
    });
    // 10,000 commits in one git fast-import (a first release of an old repository: no tag yet).
    const now = Math.floor(Date.now() / 1000);
    let stream = '';
    for (let i = 1; i <= 10_000; i++) {
      const msg = `${i % 3 ? 'fix' : 'feat'}(area${i % 40}): change number ${i} of a long history with a subject of some length`;
      stream += `commit refs/heads/main\ncommitter T <t@example.test> ${now} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`;
      stream += i === 1 ? 'from refs/heads/main^0\n\n' : '\n';
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: stream });
    await repo.git('reset', '-q', '--hard', 'main');
    await repo.git('push', '-q', 'origin', 'main');
    const gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [GH_TOKEN] });
    suite.cleanups.add(
      () => remote.cleanup(),
      () => repo.cleanup(),
      () => gh.close(),
    );

    // The changelog job: the notes go to a file under RUNNER_TEMP, not only to an output.
    const cl = await runAction('changelog', {
      cwd: repo.dir,
      keepTemp: true,
      inputs: { include_prs: 'false', write_file: 'false' },
    });
    expect(cl.code).toBe(0);
    const notes = readFileSync(cl.outputs.notes_file as string, 'utf8');
    expect(notes.length).toBeGreaterThan(500_000);
    expect(cl.outputs.version).toBe('1.0.0');

    // upload-artifact → download-artifact into the release job's RUNNER_TEMP; the release reads it as notes_file.
    const runnerTemp = mkdtempSync(join(tmpdir(), 'hostile-release-temp-'));
    mkdirSync(join(runnerTemp, 'release-notes'));
    writeFileSync(join(runnerTemp, 'release-notes', 'RELEASE_NOTES.md'), notes);
    rmSync(cl.runnerTemp, { recursive: true, force: true });
    const r = await suite.run(
      { remote, repo, gh, token: GH_TOKEN, scope: '' },
      {
        runnerTemp,
        timeoutMs: 120_000,
        inputs: {
          version_bump: 'auto',
          notes_file: join(runnerTemp, 'release-notes', 'RELEASE_NOTES.md'),
          test_command: 'true',
          build_command: 'true',
        },
      },
    );
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    // No variable handed to the action comes near the 128 KiB that stops a process from starting.
    for (const v of Object.values(r.env)) expect(v.length).toBeLessThan(128 * 1024);
    const created = gh.callsTo({ route: 'POST /repos/{owner}/{repo}/releases' })[0];
    const body = String((created?.body as { body?: string } | undefined)?.body);
    expect(body.length).toBeLessThanOrEqual(125_000);
    expect(body).toContain('/blob/v1.0.0/CHANGELOG.md');
    expect(r.warnings.join('\n')).toMatch(/cut|125,?000|GitHub/i);
    expect(execFileSync('git', ['--git-dir', remote.dir, 'tag', '--list'], { encoding: 'utf8' }).trim()).toBe('v1.0.0');
  }, 180_000);
});

describe('hostile repository: the changelog never writes through a link out of the checkout', () => {
  test.each([
    ['CHANGELOG.md to a file outside', { 'CHANGELOG.md': '$OUTSIDE/victim.txt' }],
    ['CHANGELOG.md dangling to outside', { 'CHANGELOG.md': '$OUTSIDE/new.md' }],
    ['a directory link', { 'CHANGELOG.md': 'docs/CHANGELOG.md', docs: '$OUTSIDE/dir' }],
  ])('%s is refused, the target untouched', async (_name, links) => {
    const f = await fixture(links);
    const before = readFileSync(join(f.outside, 'victim.txt'), 'utf8');
    const r = await runAction('changelog', {
      cwd: f.repo.dir,
      inputs: { write_file: 'true', include_prs: 'false', version: '1.1.0' },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/"path"/);
    expect(readFileSync(join(f.outside, 'victim.txt'), 'utf8')).toBe(before);
    expect(() => readFileSync(join(f.outside, 'new.md'))).toThrow();
    expect(readFileSync(join(f.outside, 'dir', 'loot.txt'), 'utf8')).toBe('secret-outside\n');
  });
});

describe('hostile repository: docker paths are confined in the preflight (no docker needed: refused before it)', () => {
  const docker = { publish_registries: 'docker', docker_images: '127.0.0.1:9/acme/widget' };
  test.each([
    ['the default Dockerfile linked to /etc/passwd', { Dockerfile: '/etc/passwd' }, {}, /dockerfile/],
    [
      'dockerfile through a link chain outside',
      { 'build/Dockerfile': 'Dockerfile.real', 'build/Dockerfile.real': '$OUTSIDE/victim.txt' },
      { dockerfile: 'build/Dockerfile' },
      /"dockerfile"/,
    ],
    [
      'docker_context linked to a directory outside',
      { ctx: '$OUTSIDE/dir' },
      { docker_context: 'ctx' },
      /docker_context/,
    ],
    ['docker_context under /proc', { ctx: '/proc/self' }, { docker_context: 'ctx' }, /docker_context/],
  ])('%s is refused before any side effect', async (_name, links, inputs, input) => {
    const f = await fixture(links);
    const r = await release(f, { ...docker, ...inputs });
    assertNothingDone(f, r);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(input);
    expect(r.errors[0]).toMatch(/symbolic link to|leaves the workspace|device or kernel file/);
    // Refused before docker is asked anything, before the tests run.
    expect(r.log).not.toMatch(/docker engine/);
    expect(r.log).not.toContain('secret-outside');
  });
});

describe('hostile inputs: credentials in npm_registry_url, oversized notes', () => {
  const PW = 'regPw0rdInUrl9876';
  const publicPkg = JSON.stringify({ name: 'hostile-pub', version: '1.0.0' }, null, 2) + '\n';

  test('credentials inside npm_registry_url are redacted in the error, the log, the summary and the outputs', async () => {
    const f = await fixture({}, { 'package.json': publicPkg });
    const r = await release(f, {
      publish_registries: 'npm',
      npm_registry_url: `http://ci-user:${PW}@127.0.0.1:9/npm/`,
    });
    assertNothingDone(f, r);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('http://***@127.0.0.1:9/npm/');
    const shown = [r.log.replace(/^::add-mask::.*$/gm, ''), r.summary, JSON.stringify(r.outputs)].join('\n');
    expect(shown).not.toContain(PW);
    expect(shown).not.toContain('ci-user');
  });

  test('900,000 characters of notes: the release passes, the body is cut under 125,000 with a link and a warning', async () => {
    const line = (n: number) => `- change number ${n} ${'x'.repeat(60)}`;
    const notes = Array.from({ length: 11_500 }, (_, n) => line(n)).join('\n');
    expect(notes.length).toBeGreaterThan(900_000);
    const f = await fixture({}, { 'NOTES.md': notes });
    const r = await release(f, { notes_file: 'NOTES.md' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(remoteTags(f)).toContain('v1.1.0');
    const created = f.gh.callsTo({ route: 'POST /repos/{owner}/{repo}/releases' })[0];
    const body = (created?.body as { body: string }).body;
    expect(body.length).toBeLessThanOrEqual(125_000);
    expect(body.length).toBeGreaterThan(100_000);
    expect(body).toContain(`${f.gh.serverUrl}/acme/widget/blob/v1.1.0/CHANGELOG.md`);
    // Cut at a line boundary: every kept entry is whole.
    const kept = body.split('\n').filter((l) => l.startsWith('- change number'));
    expect(kept.at(-1)).toBe(line(kept.length - 1));
    expect(r.warnings).toEqual([expect.stringMatching(/longer than a GitHub Release body may be/)]);
    expect(f.gh.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', draft: false });
  });
});
