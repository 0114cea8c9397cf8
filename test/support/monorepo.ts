/**
 * Workspace repositories for the monorepo e2e tests: a bare remote with an npm- or yarn-shaped workspace whose
 * packages are tagged `name@version`, the GitHub double, and the release and plan actions run against them and
 * a shared Verdaccio. What the registry and the remote hold afterwards is read back with the helpers below.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubDouble, type GitHubDouble } from './github/index.js';
import { runAction } from './run-action.js';
import { parseStatus } from '../../packages/shared/src/status/index.js';
import {
  type BareRemote,
  commit,
  createBareRemote,
  createRepo,
  type Repo,
  startVerdaccio,
  type Verdaccio,
} from './services/index.js';

export const GH_TOKEN = 'ghs_e2eMonorepoGroups0123456789';
export const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export interface Workspace {
  remote: BareRemote;
  repo: Repo;
  gh: GitHubDouble;
  scope: string;
}

export type Manifests = Record<string, Record<string, unknown>>;

/** The repository: `manifests` by directory under packages/ (names get `scope`), each tagged at its version. */
export async function workspaceRepo(o: {
  scope: string;
  manifests: Manifests;
  /** The root's other files (yarn.lock, .yarnrc.yml) and its package.json `workspaces`. */
  root?: Record<string, string>;
  workspaces?: unknown;
}): Promise<Workspace> {
  const remote = await createBareRemote();
  const files: Record<string, string> = {
    'package.json': json({
      name: 'mono',
      private: true,
      scripts: { test: 'echo tests-ran' },
      workspaces: o.workspaces ?? ['packages/*'],
    }),
    ...o.root,
  };
  for (const [dir, m] of Object.entries(o.manifests)) {
    files[`packages/${dir}/package.json`] = json(m);
    files[`packages/${dir}/index.js`] = `module.exports = '${dir}';\n`;
  }
  const repo = await createRepo({ remote, files });
  for (const m of Object.values(o.manifests)) await repo.git('tag', '-a', `${m.name}@${m.version}`, '-m', 'tag');
  await repo.git('push', '-q', '--follow-tags', 'origin', 'main');
  const gh = await startGitHubDouble({ owner: 'acme', repo: 'widget', tokens: [GH_TOKEN] });
  return { remote, repo, gh, scope: o.scope };
}

export async function closeWorkspace(w: Workspace): Promise<void> {
  await w.gh.close();
  await w.repo.cleanup();
  await w.remote.cleanup();
}

/** A commit pushed to main. */
export async function pushChange(w: Workspace, message: string, files: Record<string, string>): Promise<void> {
  await commit(w.repo, message, files);
  await w.repo.git('push', '-q', 'origin', 'main');
}

/** What the runner says about GitHub: the workspace's API double. */
const githubOf = (w: Workspace) => ({
  repository: 'acme/widget',
  token: GH_TOKEN,
  apiUrl: w.gh.url,
  graphqlUrl: w.gh.graphqlUrl,
  serverUrl: w.gh.serverUrl,
});

/** The release or the plan action with versioning: independent, publishing to `npm`. */
export function runIndependent(
  action: 'release' | 'plan',
  w: Workspace,
  npm: Verdaccio,
  inputs: Record<string, string>,
  o: { runId?: string; runAttempt?: number } = {},
) {
  const registry = { publish_registries: 'npm', npm_registry_url: npm.url };
  return runAction(action, {
    inputs: {
      versioning: 'independent',
      ...registry,
      ...(action === 'release' ? { verify_timeout: '20s' } : {}),
      ...inputs,
    },
    env: { NODE_AUTH_TOKEN: npm.token, RELEASE_ACTIONS_RETRY_BASE_SECONDS: '0.05' },
    cwd: w.repo.dir,
    ...githubOf(w),
    runId: o.runId ?? '8001',
    runAttempt: o.runAttempt ?? 1,
    timeoutMs: 120_000,
  });
}

/** Verdaccio for the tests of a describe block, and the workspaces they make: all stopped after the block. */
export function workspaceSuite(): { npm: Verdaccio; open: Workspace[] } {
  const suite = { npm: undefined as unknown as Verdaccio, open: [] as Workspace[] };
  beforeAll(async () => {
    suite.npm = await startVerdaccio();
  }, 60_000);
  afterAll(async () => {
    for (const w of suite.open) await closeWorkspace(w);
    await suite.npm?.stop();
  });
  return suite;
}

/** The packages the status record's entry of the run lists. */
export const recordedPackages = (w: Workspace) =>
  parseStatus(remoteGit(w, 'show', 'release-status:release-status.yaml')).releases.map((r) => r.packages);

/** git in the bare remote (what was pushed). */
export const remoteGit = (w: Workspace, ...args: string[]) =>
  execFileSync('git', ['--git-dir', w.remote.dir, ...args], { encoding: 'utf8' }).trim();

export const remoteTags = (w: Workspace) => remoteGit(w, 'tag', '--list').split('\n').filter(Boolean).sort();

/** A package's registry document (undefined: the registry has no such package). */
export async function packument(npm: Verdaccio, name: string) {
  const res = await fetch(`${npm.url}${name.replace('/', '%2f')}`);
  if (res.status === 404) return undefined;
  return (await res.json()) as {
    versions: Record<string, Record<string, unknown>>;
    'dist-tags': Record<string, string>;
  };
}

export const npmVersions = async (npm: Verdaccio, name: string) =>
  Object.keys((await packument(npm, name))?.versions ?? {}).sort();

/** A version published by hand (another tool), never tagged in the repository. */
export async function publishByHand(npm: Verdaccio, name: string, version: string): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'ra-mono-hand-'));
  try {
    writeFileSync(join(tmp, 'package.json'), json({ name, version, license: 'MIT' }));
    execFileSync('npm', ['publish', '--registry', npm.url], { cwd: tmp, env: await npm.npmEnv(), stdio: 'ignore' });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
