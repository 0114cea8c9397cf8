/**
 * One version model (issue 13, docs/versioning.md), through the bundled plan, changelog and release actions as
 * the runner runs them: on the same repository the three say the same version, and it is the one released
 * (tag pushed to a bare remote, GitHub Release on the API double; publish_registries empty, so no registry).
 */
import { execFileSync } from 'node:child_process';
import { startGitHubDouble, type GitHubDouble } from '../support/github/index.js';
import { runAction } from '../support/run-action.js';
import { type BareRemote, createBareRemote, createRepo, type Repo } from '../support/services/index.js';

const GH_TOKEN = 'ghs_e2eVersionModel0123456789';

let gh: GitHubDouble;
const cleanups: (() => Promise<void>)[] = [];
let runId = 9500;

beforeAll(async () => {
  gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [GH_TOKEN] });
}, 60_000);
afterAll(async () => {
  await gh?.close();
  for (const c of cleanups) await c();
});
afterEach(() => gh.assertNoViolations());

const common = () => ({
  token: GH_TOKEN,
  apiUrl: gh.url,
  graphqlUrl: gh.graphqlUrl,
  serverUrl: gh.serverUrl,
  repository: 'acme/widget',
  runId: String(++runId),
  timeoutMs: 90_000,
});

async function project(o: { version?: string; commits: string[]; tags?: string[] }): Promise<{
  remote: BareRemote;
  repo: Repo;
}> {
  const remote = await createBareRemote();
  const files: Record<string, string> = { 'README.md': '# widget\n' };
  if (o.version !== undefined) {
    files['package.json'] =
      JSON.stringify({ name: 'widget', version: o.version, private: true, scripts: { test: 'true' } }, null, 2) + '\n';
  }
  const repo = await createRepo({ remote, files });
  cleanups.push(
    () => repo.cleanup(),
    () => remote.cleanup(),
  );
  for (const t of o.tags ?? []) await repo.git('tag', '-a', t, '-m', t);
  for (const m of o.commits) await repo.git('commit', '--allow-empty', '-q', '-m', m);
  await repo.git('push', '-q', '--follow-tags', 'origin', 'main');
  return { remote, repo };
}

/** plan, changelog and release on one repository; the versions each one reports. */
async function threeActions(p: { repo: Repo; remote: BareRemote }, inputs: Record<string, string> = {}) {
  const plan = await runAction('plan', { ...common(), cwd: p.repo.dir, inputs });
  expect(plan.errors).toEqual([]);
  expect(plan.code).toBe(0);
  const changelog = await runAction('changelog', {
    ...common(),
    cwd: p.repo.dir,
    inputs: { include_prs: 'false', write_file: 'false', ...inputs },
  });
  expect(changelog.errors).toEqual([]);
  expect(changelog.code).toBe(0);
  const release = await runAction('release', {
    ...common(),
    cwd: p.repo.dir,
    inputs: {
      version_bump: 'auto',
      release_branch: 'main',
      publish_registries: '',
      status_branch: 'release-status',
      test_command: 'true',
      ...inputs,
    },
  });
  expect(release.errors).toEqual([]);
  expect(release.code).toBe(0);
  const tags = execFileSync('git', ['--git-dir', p.remote.dir, 'tag', '--list'], { encoding: 'utf8' }).trim();
  return {
    plan: plan.outputs.next_version,
    changelog: changelog.outputs.version,
    heading: changelog.outputs.notes?.split('\n')[0],
    release: release.outputs.version,
    status: release.outputs.status,
    tags: tags.split('\n').filter(Boolean),
  };
}

test.each([
  ['package.json 1.0.0 + a feat, no tag', { version: '1.0.0', commits: ['feat: first feature'] }, {}, '1.0.0'],
  ['package.json 2.4.0 + a feat, no tag', { version: '2.4.0', commits: ['feat: more'] }, {}, '2.4.0'],
  ['no manifest + a fix, no tag', { commits: ['fix: a bug'] }, {}, '1.0.0'],
  [
    'package.json 0.0.0-development, release_type stable: never a prerelease',
    { version: '0.0.0-development', commits: ['feat: x'] },
    { release_type: 'stable' },
    '1.0.0',
  ],
  [
    'semantic-release placeholder 0.0.0-semantically-released',
    { version: '0.0.0-semantically-released', commits: ['fix: y'] },
    {},
    '1.0.0',
  ],
  ['initial_version: 0.1.0 honoured', { commits: ['feat: x'] }, { initial_version: '0.1.0' }, '0.1.0'],
  [
    'initial_version over a placeholder manifest',
    { version: '0.0.0-development', commits: ['feat: x'] },
    { initial_version: 'v0.1.0' },
    '0.1.0',
  ],
  ['after a tag the bump applies', { version: '1.4.2', commits: ['feat: y'], tags: ['v1.4.2'] }, {}, '1.5.0'],
])(
  '%s → plan, changelog and release all say the same version',
  async (_name, setup, inputs, want) => {
    const p = await project(setup);
    const r = await threeActions(p, inputs);
    expect({ plan: r.plan, changelog: r.changelog, release: r.release }).toEqual({
      plan: want,
      changelog: want,
      release: want,
    });
    expect(r.heading).toContain(want);
    expect(r.status).toBe('released');
    expect(r.tags).toContain(`v${want}`);
    expect(r.tags.filter((t) => t.includes('-'))).toEqual([]);
  },
  240_000,
);

test('a version lower than package.json is refused by all three before any side effect', async () => {
  const p = await project({ version: '2.0.0', commits: ['fix: z'], tags: ['v1.2.0'] });
  const before = execFileSync('git', ['--git-dir', p.remote.dir, 'show-ref'], { encoding: 'utf8' });
  for (const [id, inputs] of [
    ['plan', {}],
    ['changelog', { include_prs: 'false', write_file: 'false' }],
    [
      'release',
      { version_bump: 'auto', release_branch: 'main', publish_registries: '', status_branch: 'release-status' },
    ],
  ] as const) {
    const r = await runAction(id, { ...common(), cwd: p.repo.dir, inputs });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/1\.2\.1 is lower than package\.json's version 2\.0\.0/);
  }
  expect(execFileSync('git', ['--git-dir', p.remote.dir, 'show-ref'], { encoding: 'utf8' })).toBe(before);
  expect(gh.state.releases.find((x) => x.tagName === 'v1.2.1')).toBeUndefined();
}, 240_000);

test('a tag with build metadata (v1.0.0-rc.1+build.5) is 1.0.0-rc.1: the next rc is rc.2, never a second rc.1', async () => {
  const p = await project({ version: '1.0.0-rc.1', commits: ['fix: after the rc'], tags: ['v1.0.0-rc.1+build.5'] });
  const pre = { release_type: 'prerelease' };
  const plan = await runAction('plan', { ...common(), cwd: p.repo.dir, inputs: pre });
  expect(plan.errors).toEqual([]);
  expect(plan.outputs.next_version).toBe('1.0.0-rc.2');
  const release = await runAction('release', {
    ...common(),
    cwd: p.repo.dir,
    inputs: {
      ...pre,
      version_bump: 'auto',
      release_branch: 'main',
      publish_registries: '',
      status_branch: 'release-status',
      test_command: 'true',
      notes: 'The second release candidate.',
    },
  });
  expect(release.errors).toEqual([]);
  expect(release.outputs).toMatchObject({ status: 'released', version: '1.0.0-rc.2', previous_version: '1.0.0-rc.1' });
  const tags = execFileSync('git', ['--git-dir', p.remote.dir, 'tag', '--list'], { encoding: 'utf8' });
  expect(tags.trim().split('\n').sort()).toEqual(['v1.0.0-rc.1+build.5', 'v1.0.0-rc.2']);
  // The stable release after it is 1.0.0, as the changelog says too.
  const changelog = await runAction('changelog', {
    ...common(),
    cwd: p.repo.dir,
    inputs: { include_prs: 'false', write_file: 'false', all_releases: 'true' },
  });
  expect(changelog.errors).toEqual([]);
  expect(changelog.outputs.notes).toMatch(/## \[1\.0\.0-rc\.1\]/);
}, 240_000);
