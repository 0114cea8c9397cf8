/**
 * The changelog → release hand-off of the reusable workflow (.github/workflows/release.yml), with the bundled
 * actions as the runner runs them, on a real bare remote and the GitHub API double:
 * - changelog job: a checkout at the planned commit, the changelog action writes CHANGELOG.md and the notes
 *   file (both uploaded as artifacts; here, copied);
 * - release job: a fresh checkout of the release branch, the reviewed file put in place and STAGED (`git add`),
 *   then the release action. Its commit (`git commit` of the index after adding the bumped manifests) carries
 *   the changelog with the version bump, and the tag points at that commit; the notes come from the notes file
 *   downloaded into RUNNER_TEMP (notes_file), never through an input. A dry run changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { githubContext } from '../support/release-fixture.js';
import { runAction } from '../support/run-action.js';
import { type BareRemote, createBareRemote, createRepo, type Repo } from '../support/services/index.js';

const GH_TOKEN = 'ghs_e2eChangelogHandoff0123456789';

let remote: BareRemote;
let gh: GitHubDouble;
const repos: Repo[] = [];

beforeAll(async () => {
  remote = await createBareRemote();
  const seed = await createRepo({
    remote,
    files: {
      'package.json':
        JSON.stringify({ name: 'widget', version: '1.0.0', private: true, scripts: { test: 'true' } }, null, 2) + '\n',
      'CHANGELOG.md': '# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- The first version.\n',
    },
  });
  repos.push(seed);
  await seed.git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  await seed.git('commit', '--allow-empty', '-q', '-m', 'feat: export to CSV');
  await seed.git('commit', '--allow-empty', '-q', '-m', 'fix: rounding of totals');
  await seed.git('push', '-q', '--follow-tags', 'origin', 'main');
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [GH_TOKEN] });
}, 60_000);

afterAll(async () => {
  await gh?.close();
  for (const r of repos) await r.cleanup();
  await remote?.cleanup();
});

afterEach(() => gh.assertNoViolations());

const common = (runId: string) => ({ ...githubContext(gh, GH_TOKEN), runId, timeoutMs: 90_000 });

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** The changelog job: the planned commit, the changelog action; returns the files it wrote (the artifacts). */
async function changelogJob(version: string): Promise<{ file: string; notes: string }> {
  const job = await createRepo({ remote });
  repos.push(job);
  const runnerTemp = mkdtempSync(join(tmpdir(), 'ra-changelog-job-'));
  temps.push(runnerTemp);
  const r = await runAction('changelog', {
    ...common('9001'),
    cwd: job.dir,
    runnerTemp,
    inputs: { version, format: 'keep-a-changelog', include_prs: 'false', path: 'CHANGELOG.md', write_file: 'true' },
  });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.changelog_path).toBeTruthy();
  expect(r.outputs.notes_file?.startsWith(runnerTemp)).toBe(true);
  expect(readFileSync(r.outputs.notes_file as string, 'utf8')).toBe(r.outputs.notes);
  return { file: join(job.dir, r.outputs.changelog_path as string), notes: r.outputs.notes_file as string };
}

/** The release job's steps after checkout: put the reviewed file in place, stage it, run the release action. */
async function releaseJob(artifact: string, notes: string, version: string, runId: string, dryRun: boolean) {
  const job = await createRepo({ remote });
  repos.push(job);
  copyFileSync(artifact, join(job.dir, 'CHANGELOG.md'));
  await job.git('add', '--', 'CHANGELOG.md');
  // actions/download-artifact of release-notes into RUNNER_TEMP.
  const runnerTemp = mkdtempSync(join(tmpdir(), 'ra-release-job-'));
  temps.push(runnerTemp);
  mkdirSync(join(runnerTemp, 'release-notes'));
  copyFileSync(notes, join(runnerTemp, 'release-notes', 'RELEASE_NOTES.md'));
  const r = await runAction('release', {
    ...common(runId),
    cwd: job.dir,
    runnerTemp,
    inputs: {
      version,
      version_bump: 'minor',
      release_branch: 'main',
      notes_file: join(runnerTemp, 'release-notes', 'RELEASE_NOTES.md'),
      publish_registries: '',
      status_branch: 'release-status',
      dry_run: String(dryRun),
    },
  });
  return { job, r };
}

const remoteGit = (...args: string[]) =>
  execFileSync('git', ['--git-dir', remote.dir, ...args], { encoding: 'utf8' }).trim();

test('a dry run leaves the remote as it was', async () => {
  const before = remoteGit('rev-parse', 'main');
  const { file, notes } = await changelogJob('1.1.0');
  const { r } = await releaseJob(file, notes, '1.1.0', '9101', true);
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.status).toBe('dry-run');
  expect(remoteGit('rev-parse', 'main')).toBe(before);
  expect(remoteGit('tag', '--list', 'v1.1.0')).toBe('');
}, 120_000);

test('the release commit carries the reviewed changelog with the version bump; the tag is on it', async () => {
  const planned = remoteGit('rev-parse', 'main');
  const { file, notes } = await changelogJob('1.1.0');
  const reviewed = readFileSync(file, 'utf8');
  expect(reviewed).toContain('## [1.1.0]');
  expect(reviewed).toContain('export to CSV');
  expect(reviewed).toContain('## [1.0.0]');

  const { job, r } = await releaseJob(file, notes, '1.1.0', '9102', false);
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs).toMatchObject({ status: 'released', version: '1.1.0', tag: 'v1.1.0' });

  const commit = remoteGit('rev-parse', 'v1.1.0^{commit}');
  expect(remoteGit('rev-parse', 'main')).toBe(commit);
  expect(remoteGit('rev-parse', `${commit}^`)).toBe(planned);
  expect(remoteGit('log', '-1', '--format=%s', commit)).toBe('chore(release): v1.1.0');
  expect(remoteGit('diff-tree', '--no-commit-id', '--name-only', '-r', commit).split('\n').sort()).toEqual([
    'CHANGELOG.md',
    'package.json',
  ]);
  expect(remoteGit('show', `${commit}:CHANGELOG.md`)).toBe(reviewed.trimEnd());
  expect(JSON.parse(remoteGit('show', `${commit}:package.json`)).version).toBe('1.1.0');
  // Nothing left behind in the job's checkout.
  expect(await job.git('status', '--porcelain')).toBe('');
  // The GitHub Release has the changelog's notes.
  const rel = gh.state.releases.find((x) => x.tagName === 'v1.1.0');
  expect(rel?.body).toContain('export to CSV');
}, 120_000);
