/**
 * What the release e2e suites (test/e2e/release*.test.ts, monorepo-release, hostile) set up alike, so that a suite
 * states only what is particular to it. Everything here is real: a bare git remote and a clone of it, Verdaccio,
 * the GitHub API double (OpenAPI-validated), the bundled release action run as the runner runs it.
 *
 * - `suiteCleanups()`: call it in a describe body (or at a file's top level); what you `add` is undone last-first
 *   in that scope's afterAll, every item even when one fails.
 * - `useVerdaccio()`: a Verdaccio started in beforeAll, stopped in afterAll; returns a getter (`npm().url`).
 * - `releaseRepo(cleanups, o)`: a bare remote, a clone holding `o.files`, the base tags (default `v1.0.0`) and
 *   empty commits after them (default `feat: a new thing`), pushed with the tags; with `protect`, main then refuses
 *   every push with GitHub's GH006 text; a GitHub double for acme/widget accepting `o.token`.
 * - `runRelease(f, o)`: the release action in f.repo (or `o.cwd`) against f.gh, retries fast; `npm` publishes to
 *   that Verdaccio (its token as NODE_AUTH_TOKEN, publish_registries: npm, its URL, verify_timeout: 20s).
 * - `onePackageFiles(name)`: the files of a one-package repository (public, 1.0.0, tests pass).
 * - `githubContext(gh, token)`: the runner context fields for the double, for other actions (changelog) or runs.
 * - `rerunCheckout(remote, cleanups)`: the checkout a re-run of the job gets (the commit the workflow started from).
 * - `remoteGit`, `npmPackument`, `npmVersions`: read back what was pushed and published.
 * - `expectOneError(r)`: the run failed (exit 1) with exactly one `::error::`; returns its text.
 * - `killedAfter(step)`: the env that makes the action exit right after `step`, as a runner losing the job;
 *   `lostAfter(step, run)` runs such a first attempt and checks it did not succeed.
 * - `releaseSuite({ token, npm })`: all of the above bound to one suite (its cleanups, token and Verdaccio); what
 *   a suite usually needs, in one import.
 *
 * A suite in a few lines:
 *
 *   describeWithService(await requireService('verdaccio'), 'my release case', () => {
 *     const suite = releaseSuite({ token: 'ghs_myToken0123', npm: true });
 *     test('releases', async () => {
 *       const scope = suite.scope('mine');
 *       const f = await suite.repo({ scope, files: onePackageFiles(`${scope}/lib`) });
 *       const r = await suite.run(f, { runId: '7001', inputs: { version_bump: 'auto' } });
 *       expect(r.errors).toEqual([]);
 *       expect(await suite.versions(`${scope}/lib`)).toEqual(['1.1.0']);
 *       expect(suite.git(f, 'tag', '--list', 'v1.1.0')).toBe('v1.1.0');
 *     });
 *   });
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubDouble, type GitHubDouble } from './github/index.js';
import { type ActionResult, runAction, type RunActionOptions } from './run-action.js';
import {
  type BareRemote,
  createBareRemote,
  createRepo,
  type FileChanges,
  type Repo,
  startVerdaccio,
  type Verdaccio,
} from './services/index.js';

/** The repository every release suite plays: the double serves it, the runner context names it. */
export const REPOSITORY = 'acme/widget';

/** A JSON file as committed: `space` 2 (pretty, the default) or 0 (one line); a newline at the end. */
export const jsonFile = (value: unknown, space: 0 | 2 = 2) => JSON.stringify(value, null, space) + '\n';

/** One public npm package `name` at 1.0.0 whose tests pass: package.json and index.js. */
export const onePackageFiles = (name: string) => ({
  'package.json': jsonFile({ name, version: '1.0.0', license: 'MIT', scripts: { test: 'echo tests-ran' } }),
  'index.js': 'module.exports = 1;\n',
});

export interface Cleanups {
  add(...undo: (() => unknown)[]): void;
}

/** Things to undo after the enclosing scope's tests, last added first; one failing does not skip the others. */
export function suiteCleanups(): Cleanups {
  const list: (() => unknown)[] = [];
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const undo of list.splice(0).reverse())
      await Promise.resolve()
        .then(undo)
        .catch((e) => failures.push(e));
    if (failures.length) throw failures[0];
  });
  return { add: (...undo) => void list.push(...undo) };
}

/** A Verdaccio for the enclosing scope (started in beforeAll, stopped in afterAll); read it in tests as `npm()`. */
export function useVerdaccio(): () => Verdaccio {
  let npm: Verdaccio | undefined;
  beforeAll(async () => {
    npm = await startVerdaccio();
  }, 60_000);
  afterAll(async () => {
    await npm?.stop();
  });
  return () => {
    if (!npm) throw new Error('Verdaccio is not running: call useVerdaccio() in a describe body, read it in tests');
    return npm;
  };
}

/** GitHub's own words when a protected branch refuses a push, as a pre-receive hook. */
export const GH006_HOOK = `#!/bin/sh
while read old new ref; do
  if [ "$ref" = refs/heads/main ]; then
    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2
    echo "error: Changes must be made through a pull request." >&2
    exit 1
  fi
done
exit 0
`;

/** Branch protection on `remote`'s main: every push to it is refused with GH006 (tags and other branches pass). */
export function protectMain(remote: BareRemote): void {
  const hook = join(remote.dir, 'hooks', 'pre-receive');
  writeFileSync(hook, GH006_HOOK);
  chmodSync(hook, 0o755);
}

export interface ReleaseRepo {
  remote: BareRemote;
  /** The job's checkout (a clone of remote). */
  repo: Repo;
  gh: GitHubDouble;
  /** The token the double accepts; runRelease passes it as github.token. */
  token: string;
  /** The npm scope of the repository's packages ('' when it has none). */
  scope: string;
}

export interface ReleaseRepoOptions {
  token: string;
  /** The npm scope the files use (see ReleaseSuite.scope), handed back on the result. */
  scope?: string;
  /** The first commit's files. */
  files: FileChanges;
  /** Annotated tags on that commit (default `['v1.0.0']`; `[]` for an untagged repository). */
  tags?: string[];
  /** Runs after the tags, before the commits: e.g. stage files the first commit could not hold (symlinks). */
  afterTags?: (repo: Repo) => Promise<void>;
  /** Commits after the tags, with what is staged (default `['feat: a new thing']`, empty). */
  commits?: string[];
  /** Protect main with the GH006 hook once everything is pushed. */
  protect?: boolean;
  /** The double answers for a private repository. */
  private?: boolean;
  /** The double serves the remote's git data (commits made through its API land in the remote). */
  serveRemote?: boolean;
}

/** A repository ready to release, and the GitHub double for it; all of it undone by `cleanups`. */
export async function releaseRepo(cleanups: Cleanups, o: ReleaseRepoOptions): Promise<ReleaseRepo> {
  const remote = await createBareRemote();
  cleanups.add(() => remote.cleanup());
  const repo = await createRepo({ remote, files: o.files });
  cleanups.add(() => repo.cleanup());
  for (const tag of o.tags ?? ['v1.0.0']) await repo.git('tag', '-a', tag, '-m', tag);
  await o.afterTags?.(repo);
  for (const m of o.commits ?? ['feat: a new thing']) await repo.git('commit', '--allow-empty', '-q', '-m', m);
  await repo.git('push', '-q', '--follow-tags', 'origin', 'main');
  if (o.protect) protectMain(remote);
  const gh = await startGitHubDouble({
    owner: 'acme',
    repo: 'widget',
    tokens: [o.token],
    private: o.private,
    gitDir: o.serveRemote ? remote.dir : undefined,
  });
  cleanups.add(() => gh.close());
  return { remote, repo, gh, token: o.token, scope: o.scope ?? '' };
}

/** The runner context that points an action at the double: github.token, the API URLs, the repository. */
export const githubContext = (gh: GitHubDouble, token: string) => ({
  token,
  apiUrl: gh.url,
  graphqlUrl: gh.graphqlUrl,
  serverUrl: gh.serverUrl,
  repository: REPOSITORY,
});

/** The runner's options a release run sets (cwd defaults to f.repo.dir, timeoutMs to 90 s), plus `npm`. */
export interface ReleaseRunOptions extends Pick<
  RunActionOptions,
  'cwd' | 'runId' | 'runAttempt' | 'timeoutMs' | 'keepTemp' | 'runnerTemp'
> {
  env?: Record<string, string>;
  inputs?: Record<string, string>;
  /** Publish to this Verdaccio. */
  npm?: Verdaccio;
}

/** The bundled release action as the runner runs it; retries wait 0.05 s instead of seconds. */
export function runRelease(f: ReleaseRepo, o: ReleaseRunOptions = {}): Promise<ActionResult> {
  const npm = o.npm && {
    env: { NODE_AUTH_TOKEN: o.npm.token },
    inputs: { publish_registries: 'npm', npm_registry_url: o.npm.url, verify_timeout: '20s' },
  };
  return runAction('release', {
    ...githubContext(f.gh, f.token),
    cwd: o.cwd ?? f.repo.dir,
    runId: o.runId,
    runAttempt: o.runAttempt,
    timeoutMs: o.timeoutMs ?? 90_000,
    keepTemp: o.keepTemp,
    runnerTemp: o.runnerTemp,
    env: { ...npm?.env, RELEASE_ACTIONS_RETRY_BASE_SECONDS: '0.05', ...o.env },
    inputs: { ...npm?.inputs, ...o.inputs },
  });
}

/** The env that makes the action exit right after `step`, as a runner that loses the job there. */
export const killedAfter = (step: string) => ({ RELEASE_ACTIONS_FAULT: `exit-after:${step}` });

/** A first attempt lost right after `step` (`run` gets the env that does it): it must not have succeeded. */
export async function lostAfter(
  step: string,
  run: (env: Record<string, string>) => Promise<ActionResult>,
): Promise<ActionResult> {
  const r = await run(killedAfter(step));
  expect(r.code).not.toBe(0);
  return r;
}

/** A re-run's checkout: a fresh clone at main~1, the commit the workflow started from (the release commit is after). */
export async function rerunCheckout(remote: BareRemote, cleanups: Cleanups): Promise<Repo> {
  const fresh = await createRepo({ remote });
  cleanups.add(() => fresh.cleanup());
  await fresh.git('checkout', '-q', '-B', 'main', 'main~1');
  return fresh;
}

/** git in the bare remote; trimmed stdout. */
export const remoteGit = (remote: BareRemote, ...args: string[]) =>
  execFileSync('git', ['--git-dir', remote.dir, ...args], { encoding: 'utf8' }).trim();

export interface Packument {
  versions: Record<string, Record<string, unknown> & { dist: { integrity: string } }>;
  'dist-tags': Record<string, string>;
}

/** The registry's document of package `name`, or undefined when it has never been published. */
export async function npmPackument(npm: Verdaccio, name: string): Promise<Packument | undefined> {
  const res = await fetch(`${npm.url}${name.replace('/', '%2f')}`);
  return res.status === 404 ? undefined : ((await res.json()) as Packument);
}

/** The versions of `name` in the registry ([] when none). */
export const npmVersions = async (npm: Verdaccio, name: string) =>
  Object.keys((await npmPackument(npm, name))?.versions ?? {});

/** The run failed with exit code 1 and exactly one `::error::`; its text, to match against. */
export function expectOneError(r: ActionResult): string {
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

let scopes = 0;

/** One suite's fixtures: repositories, runs and read-backs with the token (and Verdaccio) filled in. */
export interface ReleaseSuite {
  cleanups: Cleanups;
  /** The suite's Verdaccio (throws in a suite without one). */
  npm(): Verdaccio;
  /** A fresh npm scope, `@<prefix><n><pid>`: packages of different tests never meet in the registry. */
  scope(prefix: string): string;
  repo(o: Omit<ReleaseRepoOptions, 'token'>): Promise<ReleaseRepo>;
  /** runRelease, publishing to the suite's Verdaccio when it has one. */
  run(f: ReleaseRepo, o?: Omit<ReleaseRunOptions, 'npm'>): Promise<ActionResult>;
  rerunCheckout(f: ReleaseRepo): Promise<Repo>;
  /** git in f's bare remote; trimmed stdout. */
  git(f: ReleaseRepo, ...args: string[]): string;
  packument(name: string): Promise<Packument | undefined>;
  versions(name: string): Promise<string[]>;
}

/**
 * Call in a describe body (or at a file's top level): cleanups for that scope, a Verdaccio with `npm: true`
 * (inside describeWithService(verdaccio) so that the suite skips where Verdaccio cannot run); with
 * `checkGitHubAfterEach`, every double a test made by `repo()` must have seen only valid calls (assertNoViolations).
 */
export function releaseSuite(o: { token: string; npm?: boolean; checkGitHubAfterEach?: boolean }): ReleaseSuite {
  const cleanups = suiteCleanups();
  const registry = o.npm ? useVerdaccio() : undefined;
  // Every call a test made to a double it created is checked against GitHub's OpenAPI description after it.
  const doubles: GitHubDouble[] = [];
  if (o.checkGitHubAfterEach) afterEach(() => doubles.splice(0).forEach((gh) => gh.assertNoViolations()));
  const npm = () => {
    if (!registry) throw new Error('this release suite has no Verdaccio: releaseSuite({ npm: true })');
    return registry();
  };
  return {
    cleanups,
    npm,
    scope: (prefix) => `@${prefix}${++scopes}${process.pid}`,
    repo: async (ro) => {
      const f = await releaseRepo(cleanups, { token: o.token, ...ro });
      if (o.checkGitHubAfterEach) doubles.push(f.gh);
      return f;
    },
    run: (f, ro = {}) => runRelease(f, { ...ro, npm: registry?.() }),
    rerunCheckout: (f) => rerunCheckout(f.remote, cleanups),
    git: (f, ...args) => remoteGit(f.remote, ...args),
    packument: (name) => npmPackument(npm(), name),
    versions: (name) => npmVersions(npm(), name),
  };
}
