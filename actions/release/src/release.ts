/**
 * The release, as a list of steps that each check whether their side effect already happened before making it
 * (tag at the same commit, release exists, npm version with the same integrity, image tag with our labels), and
 * record their state in the status ledger under the run id: a re-run of a half-failed job (same GITHUB_RUN_ID,
 * next attempt) resumes and converges; a conflicting state stops with a clear error and overwrites nothing.
 * No @actions/core here: collaborators come in as parameters.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Git, GitError } from '@release-actions/shared/git';
import type { GitHubClient } from '@release-actions/shared/github';
import {
  type Exec,
  type Fetch,
  defaultDistTag,
  dockerBuild,
  dockerPush,
  npmPack,
  npmWhoami,
  oidcPublishToken,
  ociLabels,
  publishNpm,
  registryVersion,
  short,
  RegistryClient,
  type RegistryCredentials,
  splitImage,
  writeDockerConfig,
} from '@release-actions/shared/publish';
import {
  ensureRelease,
  findRelease as findStatusRelease,
  type RegistryRecord,
  recordStep,
  type ReleaseRecord,
  type StatusDocument,
  type StatusStore,
  type StepState,
} from '@release-actions/shared/status';
import { commitsSince, recommendBump } from '@release-actions/shared/commits';
import {
  applyChanges,
  type Bump,
  type FileChange,
  imageTags,
  majorTag,
  nextVersion,
  npmPackages,
  type NpmPackage,
  parts,
  planManifestBump,
  releaseKind as versionKind,
  releaseTags,
  type VersionTag,
} from '@release-actions/shared/versioning';
import { errorMessage, type Logger, StageError } from '@release-actions/shared';
import { announce } from './announce.js';
import {
  createDraft,
  expandAssetGlobs,
  findRelease,
  publishRelease,
  type ReleaseInfo,
  uploadAssets,
} from './github-release.js';

export interface ReleaseConfig {
  versionBump: 'major' | 'minor' | 'patch' | 'auto';
  releaseBranch: string;
  releaseType: 'stable' | 'prerelease';
  registries: ('npm' | 'docker')[];
  version?: string;
  tagPrefix: string;
  prereleaseId: string;
  /** First release's version (docs/versioning.md); undefined: the manifest's, else 1.0.0. */
  initialVersion?: string;
  notes: string;
  testCommand: string;
  buildCommand: string;
  npmRegistryUrl: string;
  npmDistTag: string;
  npmAccess?: 'public' | 'restricted';
  provenance: 'auto' | 'true' | 'false';
  dockerImages: string[];
  dockerContext: string;
  dockerfile: string;
  dockerBuildArgs: string[];
  registryCredentials?: RegistryCredentials;
  updateMajorTag: boolean;
  versionFiles: string[];
  assets: string[];
  announceWebhookUrl?: string;
  announceFormat: 'slack' | 'json';
  verifyTimeoutMs: number;
  dryRun: boolean;
}

export interface ReleaseDeps {
  /** Git in the workspace, authenticated to the remote. */
  git: Git;
  gh: GitHubClient;
  exec: Exec;
  fetch: Fetch;
  log: Logger;
  store: StatusStore;
  /** The runner's environment (NODE_AUTH_TOKEN, ACTIONS_ID_TOKEN_REQUEST_*, DOCKER_CONFIG…). */
  env: NodeJS.ProcessEnv;
  workspace: string;
  runnerTemp: string;
  owner: string;
  repo: string;
  serverUrl: string;
  runId: string;
  runAttempt: number;
  runUrl: string;
  /** Test-only fault injection: called after each step with its name (see README: RELEASE_ACTIONS_FAULT). */
  fault?: (step: string) => void;
  /** Mask a value in every later log line (tokens obtained at run time). */
  mask?: (value: string) => void;
  remote?: string;
  now?: () => Date;
}

export interface StepReport {
  step: string;
  state: StepState;
  detail?: string;
}

export interface PublishedItem {
  registry: 'npm' | 'docker';
  name: string;
  version: string;
  url: string;
  digest_or_integrity: string;
  tags?: string[];
}

export interface ReleasePlan {
  version: string;
  previousVersion?: string;
  tag: string;
  commitMessage: string;
  prerelease: boolean;
  backport: boolean;
  bump: Bump | 'explicit' | 'resumed';
  files: FileChange[];
  npm: { name: string; dir: string; distTag: string; provenance: boolean; auth: string }[];
  npmSkipped: string[];
  docker: { image: string; tags: string[] }[];
  majorTag?: string;
  makeLatest: boolean;
  testCommand: string;
  buildCommand: string;
  resumed: boolean;
  notesBody: string;
}

export interface ReleaseOutcome {
  status: 'released' | 'dry-run' | 'unverified';
  plan: ReleasePlan;
  steps: StepReport[];
  release?: ReleaseInfo;
  published: PublishedItem[];
  statusLocation: string;
}

/**
 * `version_bump: auto` found nothing to release (no commit since the last release, or none a feat, fix, perf,
 * revert or breaking change): the release stops quietly before any side effect, as the plan action decides.
 */
export interface NothingToRelease {
  status: 'nothing-to-release';
  reason: string;
  previousVersion?: string;
  previousTag?: string;
  /** Commits since the last release (none of them releasable). */
  commits: number;
  steps: StepReport[];
}

class NothingToReleaseSignal {
  constructor(readonly outcome: Omit<NothingToRelease, 'steps'>) {}
}

/** A failure with the steps reported so far (for the summary). */
export class ReleaseFailure extends StageError {
  constructor(
    message: string,
    readonly steps: StepReport[],
    readonly plan?: ReleasePlan,
  ) {
    super(message);
  }
}

const NO_BUILD = '(none: no build script)';

export async function runRelease(cfg: ReleaseConfig, d: ReleaseDeps): Promise<ReleaseOutcome | NothingToRelease> {
  const r = new ReleaseRun(cfg, d);
  try {
    return await r.run();
  } catch (e) {
    if (e instanceof NothingToReleaseSignal) {
      r.report('version', 'skipped', e.outcome.reason);
      return { ...e.outcome, steps: r.steps };
    }
    if (r.current) r.report(r.current, 'failed', errorMessage(e).slice(0, 300));
    await r
      .persistFailure(errorMessage(e))
      .catch((e2) => d.log.warning(`could not record the failure: ${errorMessage(e2)}`));
    throw new ReleaseFailure(errorMessage(e), r.steps, r.plan);
  }
}

class ReleaseRun {
  readonly steps: StepReport[] = [];
  current?: string;
  plan?: ReleasePlan;
  private rec?: { version: string };
  private readonly remote: string;
  private commit?: string;
  private npmToken?: string;
  private npmAuthKind: 'token' | 'oidc' | 'none' = 'none';
  private provenance = false;
  private registry?: RegistryClient;
  private existingVersions: string[] = [];

  constructor(
    private readonly cfg: ReleaseConfig,
    private readonly d: ReleaseDeps,
  ) {
    this.remote = d.remote ?? 'origin';
  }

  report(step: string, state: StepState, detail?: string): void {
    const i = this.steps.findIndex((s) => s.step === step);
    const entry = { step, state, ...(detail ? { detail } : {}) };
    if (i >= 0) this.steps[i] = entry;
    else this.steps.push(entry);
  }

  /** Record a step's state in this attempt's report and (once the version is claimed) in the ledger. */
  private async mark(
    step: string,
    state: StepState,
    detail?: string,
    extra?: (rec: ReleaseRecord) => void,
  ): Promise<void> {
    this.report(step, state, detail);
    if (!this.rec) return;
    const version = this.rec.version;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version);
      recordStep(rec, this.d.runId, step, state, { attempt: this.d.runAttempt, detail });
      extra?.(rec);
    }, `release ${version}: ${step} ${state} (run ${this.d.runId}.${this.d.runAttempt})`);
  }

  /** Run one step: `fn` returns 'done' or 'already-done' (and a detail). */
  private async step(
    name: string,
    fn: () => Promise<{ state: StepState; detail?: string; extra?: (rec: ReleaseRecord) => void }>,
  ): Promise<void> {
    this.current = name;
    const res = await this.d.log.group(name, fn);
    await this.mark(name, res.state, res.detail, res.extra);
    this.current = undefined;
    this.d.fault?.(name);
  }

  async persistFailure(message: string): Promise<void> {
    if (!this.rec || this.cfg.dryRun) return;
    const version = this.rec.version;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version);
      if (rec.run_id === this.d.runId && rec.status !== 'released') {
        rec.status = 'failed';
        rec.error = message.slice(0, 500);
      }
      for (const s of this.steps.filter((x) => x.state === 'failed')) {
        recordStep(rec, this.d.runId, s.step, 'failed', { attempt: this.d.runAttempt, detail: s.detail });
      }
    }, `release ${version}: failed (run ${this.d.runId}.${this.d.runAttempt})`);
  }

  async run(): Promise<ReleaseOutcome> {
    const { cfg, d } = this;
    const git = d.git;

    // ---- preflight: nothing is changed until every check passes ------------------------------------
    this.current = 'preflight';
    const remoteRefs = await git
      .lsRemote(this.remote, [`refs/heads/${cfg.releaseBranch}`, 'refs/tags/*'])
      .catch((e) => {
        throw new StageError(`the remote ${this.remote} cannot be read: ${errorMessage(e)}`);
      });
    const remoteTip = remoteRefs.get(`refs/heads/${cfg.releaseBranch}`);
    if (!remoteTip) throw new StageError(`release_branch ${cfg.releaseBranch} does not exist on ${this.remote}`);
    const remoteTag = (tag: string) => remoteRefs.get(`refs/tags/${tag}^{}`) ?? remoteRefs.get(`refs/tags/${tag}`);
    const doc = await d.store.read();
    const resume = doc.releases.find((r) => r.run_id === d.runId && r.ledger?.[d.runId]);
    const head = await git.head();
    const branch = await git.branch();
    if (branch !== undefined && branch !== cfg.releaseBranch) {
      throw new StageError(`the checkout is on branch ${branch}, not on release_branch ${cfg.releaseBranch}`);
    }
    if (branch === undefined && d.env.GITHUB_REF && d.env.GITHUB_REF !== `refs/heads/${cfg.releaseBranch}`) {
      throw new StageError(`this run is for ${d.env.GITHUB_REF}, not for release_branch ${cfg.releaseBranch}`);
    }
    let resumeTagCommit: string | undefined;
    if (resume) {
      const tag = (resume.tag as string | undefined) ?? `${cfg.tagPrefix}${resume.version}`;
      resumeTagCommit = remoteTag(tag);
      if (resumeTagCommit && resume.commit && resumeTagCommit !== resume.commit) {
        throw new StageError(
          `tag ${tag} on ${this.remote} points to ${resumeTagCommit.slice(0, 12)}, not to the release commit ${String(resume.commit).slice(0, 12)} this run made; nothing was changed`,
        );
      }
      d.log.info(`resuming release ${resume.version} of run ${d.runId} (attempt ${d.runAttempt})`);
    }
    if (!resumeTagCommit && head !== remoteTip) {
      const known = await git.resolve(remoteTip);
      if (!known || (await git.isAncestor(head, remoteTip))) {
        throw new StageError(
          `${cfg.releaseBranch} on ${this.remote} has moved past this checkout (${head.slice(0, 12)} → ${remoteTip.slice(0, 12)}): another release or commit landed after this run started. Nothing was done; start a new release from the new tip.`,
        );
      }
      throw new StageError(
        `the checkout (${head.slice(0, 12)}) is not level with ${this.remote}/${cfg.releaseBranch} (${remoteTip.slice(0, 12)}); release from the remote's tip`,
      );
    }
    await this.checkGitHubPermissions();
    await this.preflightNpm();
    await this.preflightDocker();
    this.report('preflight', 'done');
    this.current = undefined;

    // ---- version and plan --------------------------------------------------------------------------
    if (!cfg.dryRun) {
      const f = await git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--force',
        this.remote,
        `+refs/heads/${cfg.releaseBranch}:refs/remotes/${this.remote}/${cfg.releaseBranch}`,
        '+refs/tags/*:refs/tags/*',
      ]);
      if (f.code !== 0) throw new GitError(['fetch', this.remote], f.code, f.stderr);
      if (resumeTagCommit) {
        // The release commit is what this run publishes: check it out (the workspace gets its bumped manifests).
        await git.out(['checkout', '--quiet', '--detach', resumeTagCommit]);
      }
    }
    const plan = await this.makePlan(doc, resume, resumeTagCommit, remoteTag);
    this.plan = plan;
    this.report('version', 'done', `${plan.previousVersion ?? '(none)'} → ${plan.version}`);
    if (cfg.dryRun)
      return { status: 'dry-run', plan, steps: this.steps, published: [], statusLocation: d.store.describe() };

    // ---- a version already in a registry (not by this run) is a conflict: stop before any side effect
    if (!resumeTagCommit) await this.checkRegistriesFree(plan);

    // ---- tests and build, before anything is bumped ------------------------------------------------
    await this.runCommand('tests', plan.testCommand);
    if (plan.buildCommand === NO_BUILD) this.report('build', 'skipped', 'no build script and no build_command');
    else await this.runCommand('build', plan.buildCommand);

    // ---- assets exist (the build may make them) and stay inside the checkout, before anything is pushed
    this.current = 'assets';
    const assetFiles = cfg.assets.length ? expandAssetGlobs(d.workspace, cfg.assets) : [];
    this.current = undefined;

    // ---- claim the version in the status record (compare-and-swap: one run wins) ------------------
    await this.claim(plan, remoteTag);

    // ---- commit, tag, push atomically --------------------------------------------------------------
    await this.step('commit', async () => {
      if (resumeTagCommit) {
        this.commit = resumeTagCommit;
        return { state: 'already-done', detail: resumeTagCommit.slice(0, 12) };
      }
      applyChanges(d.workspace, plan.files);
      const env = botEnv();
      if (plan.files.length) await git.out(['add', '--', ...plan.files.map((f) => f.path)]);
      await git.out(['commit', '--quiet', '--allow-empty', '--no-verify', '-m', plan.commitMessage], { env });
      this.commit = await git.head();
      await git.out(['tag', '-f', '-a', plan.tag, '-m', plan.tag, this.commit], { env });
      const commit = this.commit;
      return {
        state: 'done',
        detail: commit.slice(0, 12),
        extra: (rec) => {
          rec.commit = commit;
        },
      };
    });
    const commit = this.commit as string;
    await this.step('push', async () => {
      if (resumeTagCommit) return { state: 'already-done', detail: `${plan.tag} at ${commit.slice(0, 12)}` };
      const p = await git.run([
        'push',
        '--atomic',
        '--porcelain',
        this.remote,
        `${commit}:refs/heads/${cfg.releaseBranch}`,
        `refs/tags/${plan.tag}:refs/tags/${plan.tag}`,
      ]);
      if (p.code !== 0) {
        const out = p.stdout + p.stderr;
        // Drop our local commit and tag: nothing was pushed, and a later run starts from the remote.
        await git.run(['tag', '-d', plan.tag]);
        await git.run(['reset', '--quiet', '--keep', head]);
        if (/rejected|non-fast-forward|fetch first|stale info|atomic/i.test(out)) {
          throw new StageError(
            `push rejected: ${cfg.releaseBranch} on ${this.remote} moved while this release ran (another commit or release landed). Nothing was pushed (atomic push); no tag, release or package was made. Start a new release from the new tip.`,
          );
        }
        throw new StageError(`git push failed: ${out.trim().split('\n').slice(-3).join(' / ')}`);
      }
      return {
        state: 'done',
        detail: `${plan.tag} at ${commit.slice(0, 12)}`,
        extra: (rec) => {
          rec.status = 'releasing';
        },
      };
    });

    // ---- GitHub Release (draft) --------------------------------------------------------------------
    let release!: ReleaseInfo;
    const repo = { owner: d.owner, repo: d.repo };
    await this.step('github-release', async () => {
      const known = findStatusRelease(await d.store.read(), plan.version)?.release_id as number | undefined;
      const existing = await findRelease(d.gh, repo, plan.tag, known);
      if (existing) {
        release = existing;
      } else {
        const res = await createDraft(d.gh, repo, {
          tag: plan.tag,
          commit,
          name: plan.tag,
          body: plan.notesBody,
          prerelease: plan.prerelease,
          log: d.log,
        });
        release = res.release;
      }
      const files = assetFiles;
      const uploaded = files.length ? await uploadAssets(d.gh, repo, release, files) : 0;
      const r = release;
      return {
        state: existing && uploaded === 0 ? 'already-done' : 'done',
        detail: `${r.draft ? 'draft' : 'published'} ${r.id}${files.length ? `, ${files.length} assets` : ''}`,
        extra: (rec) => {
          rec.release_id = r.id;
          rec.release_url = r.url;
        },
      };
    });

    // ---- registries --------------------------------------------------------------------------------
    const published: PublishedItem[] = [];
    let unverified = 0;
    for (const p of plan.npm) {
      await this.step(`npm:${p.name}`, async () => {
        const res = await this.publishNpmPackage(p, plan);
        published.push({
          registry: 'npm',
          name: p.name,
          version: plan.version,
          url: res.url,
          digest_or_integrity: res.integrity,
          tags: [p.distTag],
        });
        if (res.state === 'unverified') unverified++;
        return {
          state: res.state,
          detail: res.integrity.slice(0, 24),
          extra: (rec) => upsertRegistry(rec, published.at(-1) as PublishedItem),
        };
      });
    }
    if (plan.docker.length) {
      let built = false;
      const localTag = `release-actions-local/${d.repo.toLowerCase()}:${plan.version}-${d.runId}`;
      for (const img of plan.docker) {
        await this.step(`docker:${img.image}`, async () => {
          const res = await this.publishImage(img, plan, localTag, built, () => (built = true));
          published.push({
            registry: 'docker',
            name: img.image,
            version: plan.version,
            url: `${img.image}:${plan.version}`,
            digest_or_integrity: res.digest,
            tags: img.tags,
          });
          return {
            state: res.state,
            detail: `${res.digest.slice(0, 19)} ${img.tags.join(',')}`,
            extra: (rec) => upsertRegistry(rec, published.at(-1) as PublishedItem),
          };
        });
      }
      if (built) await d.exec('docker', ['rmi', localTag], { env: d.env }).catch(() => undefined);
    }
    if (unverified) {
      await this.mark('verify', 'unverified', `${unverified} package(s) published, not yet visible`, (rec) => {
        rec.status = 'published-unverified';
      });
      return { status: 'unverified', plan, steps: this.steps, release, published, statusLocation: d.store.describe() };
    }

    // ---- publish the GitHub Release, move the major tag --------------------------------------------
    await this.step('github-release-publish', async () => {
      const res = await publishRelease(d.gh, repo, release, {
        prerelease: plan.prerelease,
        makeLatest: plan.makeLatest,
      });
      release = res.release;
      return {
        state: res.changed ? 'done' : 'already-done',
        detail: release.url,
        extra: (rec) => void (rec.release_url = release.url),
      };
    });
    if (plan.majorTag) {
      const mt = plan.majorTag;
      await this.step('major-tag', async () => {
        const now = (await git.lsRemote(this.remote, [`refs/tags/${mt}`])).get(`refs/tags/${mt}`);
        const peeled = now ? await this.peelRemoteTag(mt, now) : undefined;
        if (peeled === commit) return { state: 'already-done', detail: `${mt} → ${commit.slice(0, 12)}` };
        const p = await git.run(['push', '--force', '--porcelain', this.remote, `${commit}:refs/tags/${mt}`]);
        if (p.code !== 0)
          throw new StageError(
            `moving ${mt} failed: ${(p.stdout + p.stderr).trim().split('\n').slice(-2).join(' / ')}`,
          );
        return { state: 'done', detail: `${mt} → ${commit.slice(0, 12)}` };
      });
    }

    // ---- status record: released -------------------------------------------------------------------
    await this.step('status', async () => ({
      state: 'done',
      detail: d.store.describe(),
      extra: (rec) => {
        rec.status = 'released';
        rec.released_at ??= (d.now?.() ?? new Date()).toISOString();
        rec.type = releaseKind(plan);
        rec.tag = plan.tag;
        rec.commit = commit;
        rec.previous_version = plan.previousVersion;
        rec.release_url = release.url;
        rec.quality_gates ??= {};
        delete rec.error;
      },
    }));

    // ---- announcement (never fails the release) ----------------------------------------------------
    if (cfg.announceWebhookUrl) {
      this.current = 'announce';
      const already =
        findStatusRelease(await d.store.read(), plan.version)?.ledger?.[d.runId]?.announce?.state === 'done';
      if (already) this.report('announce', 'already-done');
      else {
        const ok = await announce(
          d.fetch,
          cfg.announceWebhookUrl,
          cfg.announceFormat,
          {
            repository: `${d.owner}/${d.repo}`,
            version: plan.version,
            tag: plan.tag,
            releaseUrl: release.url,
            notes: plan.notesBody,
            links: published.map((p) => ({ name: `${p.registry}: ${p.name}`, url: p.url })),
            prerelease: plan.prerelease,
          },
          d.log,
        );
        await this.mark('announce', ok ? 'done' : 'failed', ok ? undefined : 'post failed (warning only)');
      }
      this.current = undefined;
    }
    return { status: 'released', plan, steps: this.steps, release, published, statusLocation: d.store.describe() };
  }

  private async peelRemoteTag(tag: string, obj: string): Promise<string> {
    const refs = await this.d.git.lsRemote(this.remote, [`refs/tags/${tag}`, `refs/tags/${tag}^{}`]);
    return refs.get(`refs/tags/${tag}^{}`) ?? obj;
  }

  // ---- preflight checks ----------------------------------------------------------------------------

  private async checkGitHubPermissions(): Promise<void> {
    const { d } = this;
    let perms: { push?: boolean } | undefined;
    try {
      const r = await d.gh.rest.rest.repos.get({ owner: d.owner, repo: d.repo });
      perms = (r.data as { permissions?: { push?: boolean } }).permissions;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 401) throw new StageError('the GitHub token was refused (HTTP 401): check the token input');
      if (status === 404)
        throw new StageError(`repository ${d.owner}/${d.repo} is not visible to the token (HTTP 404)`);
      throw new StageError(`GitHub API is not reachable: ${errorMessage(e)}`);
    }
    if (perms && perms.push === false) {
      throw new StageError(
        'the GitHub token cannot write contents (permissions: contents: write is needed to push the tag and create the release)',
      );
    }
    const idToken = Boolean(d.env.ACTIONS_ID_TOKEN_REQUEST_URL && d.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    if (this.cfg.provenance === 'true' && !idToken) {
      throw new StageError(
        'provenance: true needs the id-token: write permission (no ACTIONS_ID_TOKEN_REQUEST_URL in this job)',
      );
    }
  }

  private async preflightNpm(): Promise<void> {
    const { cfg, d } = this;
    if (!cfg.registries.includes('npm')) return;
    const pkgs = npmPackages(d.workspace).filter((p) => !p.private);
    if (!pkgs.length)
      throw new StageError(
        'publish_registries has npm but there is no public package (package.json without "private": true)',
      );
    const idToken = Boolean(d.env.ACTIONS_ID_TOKEN_REQUEST_URL && d.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const token = d.env.NODE_AUTH_TOKEN?.trim();
    if (token) {
      const who = await npmWhoami(d.fetch, cfg.npmRegistryUrl, token);
      d.log.info(`npm registry ${cfg.npmRegistryUrl}: authenticated as ${who}`);
      this.npmToken = token;
      this.npmAuthKind = 'token';
    } else if (idToken) {
      this.npmAuthKind = 'oidc';
      d.log.info('npm: no NODE_AUTH_TOKEN; trusted publishing (OIDC) will be used');
    } else {
      throw new StageError(
        'npm: no NODE_AUTH_TOKEN and no id-token: write permission for trusted publishing; nothing can be published',
      );
    }
    const isNpmjs = new URL(cfg.npmRegistryUrl).host === 'registry.npmjs.org';
    this.provenance = cfg.provenance === 'true' || (cfg.provenance === 'auto' && idToken && isNpmjs);
  }

  private async preflightDocker(): Promise<void> {
    const { cfg, d } = this;
    if (!cfg.registries.includes('docker')) return;
    if (!cfg.dockerImages.length) throw new StageError('publish_registries has docker but docker_images is empty');
    const v = await d.exec('docker', ['version', '--format', '{{.Server.Version}}'], { env: d.env }).catch((e) => ({
      code: 1,
      stdout: '',
      stderr: errorMessage(e),
    }));
    if (v.code !== 0)
      throw new StageError(`the docker engine is not available: ${v.stderr.trim().split('\n').at(-1) ?? ''}`);
    if (!existsSync(join(d.workspace, cfg.dockerContext)))
      throw new StageError(`docker_context ${cfg.dockerContext} does not exist`);
    this.registry = new RegistryClient(
      d.fetch,
      cfg.registryCredentials ?? dockerConfigCredentials(d.env, cfg.dockerImages),
    );
    for (const img of cfg.dockerImages) await this.registry.ping(img);
  }

  // ---- plan ----------------------------------------------------------------------------------------

  private async makePlan(
    doc: StatusDocument,
    resume: ReleaseRecord | undefined,
    resumeTagCommit: string | undefined,
    remoteTag: (tag: string) => string | undefined,
  ): Promise<ReleasePlan> {
    const { cfg, d } = this;
    const git = d.git;
    const local = await git.tags(`${cfg.tagPrefix}*`);
    // Remote tags count too (a dry run does not fetch): a version tagged anywhere is taken.
    const all = new Map<string, { name: string; commit: string }>();
    for (const t of local) all.set(t.name, { name: t.name, commit: t.commit });
    const merged = await git.mergedTags('HEAD', `${cfg.tagPrefix}*`);
    let allTags = releaseTags([...all.values()], cfg.tagPrefix);
    const remoteOnly: VersionTag[] = [];
    for (const name of await this.remoteTagNames(remoteTag)) {
      if (!all.has(name)) remoteOnly.push(...releaseTags([{ name, commit: remoteTag(name) ?? '' }], cfg.tagPrefix));
    }
    allTags = [...allTags, ...remoteOnly];
    let mergedTags = allTags.filter((t) => merged.has(t.tag));
    let bump: ReleasePlan['bump'];
    let version: string;
    let previous: string | undefined;
    let prerelease: boolean;
    let backport: boolean;
    if (resume && resumeTagCommit) {
      version = resume.version;
      previous = resume.previous_version as string | undefined;
      mergedTags = mergedTags.filter((t) => t.version !== version);
      allTags = allTags.filter((t) => t.version !== version);
      const n = nextVersion({
        merged: mergedTags,
        all: allTags,
        bump: 'patch',
        releaseType: cfg.releaseType,
        prereleaseId: cfg.prereleaseId,
        explicit: version,
      });
      previous ??= n.previous;
      prerelease = n.prerelease;
      backport = n.backport;
      bump = 'resumed';
    } else {
      let b: Bump;
      if (cfg.version) {
        bump = 'explicit';
        b = 'patch';
      } else if (cfg.versionBump === 'auto') {
        // The one Conventional Commits parser and bump rule (commits/), as the plan and changelog stages use it.
        const lastStable = mergedTags.find((t) => !t.version.includes('-'));
        const since = lastStable ?? mergedTags[0];
        const commits = await commitsSince(git, since?.tag);
        // Below 1.0.0 a breaking change bumps minor (0.4.1 → 0.5.0), as commits/ and the plan action decide.
        const rec = recommendBump(commits, lastStable?.version);
        if (rec === 'none') {
          const from = since ? since.tag : 'the start of the history';
          throw new NothingToReleaseSignal({
            status: 'nothing-to-release',
            reason: commits.length
              ? `no releasable commits since ${from} (${commits.length} commit${commits.length === 1 ? '' : 's'}, none a feat, fix, perf, revert or breaking change)`
              : `no commits since ${from}`,
            previousVersion: since?.version,
            previousTag: since?.tag,
            commits: commits.length,
          });
        }
        b = rec;
        bump = b;
      } else {
        b = cfg.versionBump;
        bump = b;
      }
      const rootVersion = npmPackages(d.workspace)[0]?.version;
      const n = nextVersion({
        merged: mergedTags,
        all: allTags,
        bump: b,
        releaseType: cfg.releaseType,
        prereleaseId: cfg.prereleaseId,
        explicit: cfg.version,
        manifestVersion: rootVersion,
        initialVersion: cfg.initialVersion,
      });
      version = n.version;
      previous = n.previous;
      prerelease = n.prerelease;
      backport = n.backport;
      if (resume && resume.version !== version) {
        throw new StageError(
          `this run was releasing ${resume.version}, but the next version is now ${version}: another release landed; nothing was changed`,
        );
      }
    }
    const tag = `${cfg.tagPrefix}${version}`;
    const stableOthers = allTags.map((t) => t.version).filter((v) => v !== version);
    this.existingVersions = stableOthers;
    const files = resumeTagCommit ? [] : planManifestBump(d.workspace, version, { versionFiles: cfg.versionFiles });
    const pkgs = cfg.registries.includes('npm') ? npmPackages(d.workspace) : [];
    const distTag =
      cfg.npmDistTag ||
      defaultDistTag({ prerelease, prereleaseId: cfg.prereleaseId, backport, major: parts(version).major });
    const npm = pkgs
      .filter((p) => !p.private)
      .map((p) => ({ name: p.name, dir: p.dir, distTag, provenance: this.provenance, auth: this.npmAuthKind }));
    const docker = cfg.registries.includes('docker')
      ? cfg.dockerImages.map((image) => ({ image, tags: imageTags(version, stableOthers) }))
      : [];
    const notesBody =
      cfg.notes.trim() ||
      (await generateNotes(
        git,
        previous ? `${cfg.tagPrefix}${previous}` : undefined,
        resumeTagCommit ? `${resumeTagCommit}^` : 'HEAD',
      ));
    const scripts = readScripts(d.workspace);
    return {
      version,
      previousVersion: previous,
      tag,
      commitMessage: `chore(release): ${tag}`,
      prerelease,
      backport,
      bump,
      files,
      npm,
      npmSkipped: pkgs.filter((p: NpmPackage) => p.private).map((p) => p.name),
      docker,
      majorTag: cfg.updateMajorTag && !prerelease ? majorTag(version, stableOthers, cfg.tagPrefix) : undefined,
      makeLatest: !prerelease && !backport,
      testCommand: cfg.testCommand || (scripts.test ? 'npm test' : ''),
      buildCommand: cfg.buildCommand || (scripts.build ? 'npm run build' : NO_BUILD),
      resumed: Boolean(resume),
      notesBody,
    };
  }

  private async checkRegistriesFree(plan: ReleasePlan): Promise<void> {
    const { cfg, d } = this;
    for (const p of plan.npm) {
      const v = await registryVersion(d.fetch, cfg.npmRegistryUrl, p.name, plan.version, this.npmToken).catch((e) => {
        throw new StageError(`npm registry ${cfg.npmRegistryUrl} cannot be read: ${errorMessage(e)}`);
      });
      if (v) {
        throw new StageError(
          `npm: ${p.name}@${plan.version} is already published (integrity ${short(v.integrity)}) but ${plan.tag} was never released from this repository; nothing was changed`,
        );
      }
    }
    for (const img of plan.docker) {
      const digest = await (this.registry as RegistryClient).digest(img.image, plan.version);
      if (digest) {
        throw new StageError(
          `${img.image}:${plan.version} already exists (${digest}) but ${plan.tag} was never released from this repository; nothing was changed`,
        );
      }
    }
  }

  private async remoteTagNames(remoteTag: (tag: string) => string | undefined): Promise<string[]> {
    void remoteTag;
    const refs = await this.d.git.lsRemote(this.remote, [`refs/tags/${this.cfg.tagPrefix}*`]);
    return [...refs.keys()].filter((k) => !k.endsWith('^{}')).map((k) => k.slice('refs/tags/'.length));
  }

  private async runCommand(step: 'tests' | 'build', command: string): Promise<void> {
    const { d } = this;
    if (!command) {
      throw new StageError(
        `no ${step === 'tests' ? 'test_command and no "test" script in package.json' : 'build command'}: tests are never skipped; set test_command`,
      );
    }
    this.current = step;
    const res = await d.log.group(`${step}: ${command}`, async () => {
      const env = { ...d.env };
      // The command is the caller's own (like a `run:` step); registry credentials stay out of it.
      delete env.NODE_AUTH_TOKEN;
      delete env.INPUT_TOKEN;
      delete env.INPUT_REGISTRY_PASSWORD;
      for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k];
      return d.exec('bash', ['-eo', 'pipefail', '-c', command], {
        cwd: d.workspace,
        env,
        onOutput: (c) => {
          for (const line of c.replace(/\n$/, '').split('\n')) d.log.info(line);
        },
      });
    });
    if (res.code !== 0)
      throw new StageError(`${step} failed (${command}, exit ${res.code}); nothing was bumped, tagged or published`);
    this.report(step, 'done', command);
    this.current = undefined;
    d.fault?.(step);
  }

  private async claim(plan: ReleasePlan, remoteTag: (tag: string) => string | undefined): Promise<void> {
    const { d } = this;
    this.current = 'claim';
    const at = (d.now?.() ?? new Date()).toISOString();
    await d.store.update((doc) => {
      const existing = findStatusRelease(doc, plan.version);
      if (existing && existing.run_id && existing.run_id !== d.runId) {
        const takeover = existing.status === 'failed' && !remoteTag(plan.tag);
        if (!takeover) {
          throw new StageError(
            `release ${plan.version} is already being made by run ${String(existing.run_id)} (status ${String(existing.status)}); this run stops and changes nothing`,
          );
        }
      }
      const rec = ensureRelease(doc, plan.version, { created_at: at });
      rec.run_id = d.runId;
      rec.run_url = d.runUrl;
      rec.type = releaseKind(plan);
      rec.tag = plan.tag;
      if (rec.status !== 'released') rec.status = 'releasing';
      rec.previous_version = plan.previousVersion;
      for (const s of this.steps)
        recordStep(rec, d.runId, s.step, s.state, { attempt: d.runAttempt, detail: s.detail });
    }, `release ${plan.version}: claimed by run ${d.runId}.${d.runAttempt}`);
    this.rec = { version: plan.version };
    this.current = undefined;
  }

  // ---- registries ----------------------------------------------------------------------------------

  private async publishNpmPackage(p: ReleasePlan['npm'][number], plan: ReleasePlan) {
    const { cfg, d } = this;
    const packDir = mkdtempSync(join(d.runnerTemp, 'release-pack-'));
    try {
      const env: NodeJS.ProcessEnv = { ...d.env, npm_config_cache: join(d.runnerTemp, 'release-npm-cache') };
      delete env.NODE_AUTH_TOKEN;
      const pack = await npmPack(d.exec, 'npm', join(d.workspace, p.dir), packDir, env);
      let token = this.npmToken;
      if (this.npmAuthKind === 'oidc') {
        token = await oidcPublishToken(d.fetch, d.env, cfg.npmRegistryUrl, p.name);
        if (token) d.mask?.(token);
      }
      const res = await publishNpm({
        exec: d.exec,
        fetch: d.fetch,
        log: d.log,
        name: p.name,
        version: plan.version,
        pack,
        registryUrl: cfg.npmRegistryUrl,
        distTag: p.distTag,
        access: cfg.npmAccess,
        provenance: p.provenance,
        auth: { token, kind: this.npmAuthKind },
        runnerTemp: d.runnerTemp,
        env,
        verifyTimeoutMs: cfg.verifyTimeoutMs,
        webUrl:
          new URL(cfg.npmRegistryUrl).host === 'registry.npmjs.org'
            ? `https://www.npmjs.com/package/${p.name}/v/${plan.version}`
            : undefined,
      });
      return res;
    } finally {
      rmSync(packDir, { recursive: true, force: true });
    }
  }

  private async publishImage(
    img: { image: string; tags: string[] },
    plan: ReleasePlan,
    localTag: string,
    built: boolean,
    setBuilt: () => void,
  ): Promise<{ state: StepState; digest: string }> {
    const { cfg, d } = this;
    const reg = this.registry as RegistryClient;
    const commit = this.commit as string;
    let digest = await reg.digest(img.image, plan.version);
    let state: StepState = 'done';
    if (digest) {
      const labels = (await reg.labels(img.image, plan.version)) ?? {};
      if (
        labels['org.opencontainers.image.revision'] !== commit ||
        labels['org.opencontainers.image.version'] !== plan.version
      ) {
        throw new StageError(
          `${img.image}:${plan.version} already exists with other content (revision ${labels['org.opencontainers.image.revision'] ?? '(none)'}, not ${commit.slice(0, 12)}); nothing was overwritten`,
        );
      }
      d.log.info(`${img.image}:${plan.version} is already pushed from this release commit (${digest})`);
      state = 'already-done';
    } else {
      const cred = cfg.registryCredentials;
      const dockerCfg = cred ? writeDockerConfig(d.runnerTemp, [splitImage(img.image).host], cred) : undefined;
      const env = dockerCfg ? { ...d.env, DOCKER_CONFIG: dockerCfg.dir } : d.env;
      try {
        if (!built) {
          await dockerBuild({
            exec: d.exec,
            log: d.log,
            env,
            context: join(d.workspace, cfg.dockerContext),
            dockerfile: cfg.dockerfile ? join(d.workspace, cfg.dockerfile) : undefined,
            localTag,
            labels: ociLabels({
              source: `${d.serverUrl}/${d.owner}/${d.repo}`,
              revision: commit,
              version: plan.version,
              created: (d.now?.() ?? new Date()).toISOString(),
            }),
            buildArgs: cfg.dockerBuildArgs,
          });
          setBuilt();
        }
        const pushed = await dockerPush({
          exec: d.exec,
          env,
          localTag,
          ref: `${img.image}:${plan.version}`,
          secrets: [cred?.password],
        });
        await d.exec('docker', ['rmi', `${img.image}:${plan.version}`], { env }).catch(() => undefined);
        digest = await reg.digest(img.image, plan.version);
        if (!digest) throw new StageError(`${img.image}:${plan.version} was pushed but the registry does not show it`);
        if (pushed && pushed !== digest) {
          throw new StageError(`${img.image}:${plan.version}: the registry shows ${digest}, docker pushed ${pushed}`);
        }
      } finally {
        dockerCfg?.dispose();
      }
    }
    for (const t of img.tags) {
      if (t === plan.version) continue;
      const now = await reg.digest(img.image, t);
      if (now === digest) continue;
      await reg.tag(img.image, digest, t);
      const check = await reg.digest(img.image, t);
      if (check !== digest)
        throw new StageError(`${img.image}:${t} shows ${check ?? '(nothing)'} after tagging ${digest}`);
      state = 'done';
    }
    return { state, digest };
  }
}

function upsertRegistry(rec: ReleaseRecord, p: PublishedItem): void {
  rec.registries ??= [];
  const i = rec.registries.findIndex((r) => r.registry === p.registry && r.name === p.name);
  const entry: RegistryRecord = { ...p };
  if (i >= 0) rec.registries[i] = entry;
  else rec.registries.push(entry);
}

function botEnv(): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: 'github-actions[bot]',
    GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
    GIT_COMMITTER_NAME: 'github-actions[bot]',
    GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
  };
}

function releaseKind(plan: ReleasePlan): string {
  return versionKind(plan.previousVersion, plan.version, plan.backport);
}

function readScripts(root: string): Record<string, string> {
  const f = join(root, 'package.json');
  if (!existsSync(f)) return {};
  try {
    return (JSON.parse(readFileSync(f, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    return {};
  }
}

/** Notes from the commits since the previous tag when none are given: features, fixes, other changes. */
export async function generateNotes(git: Git, since: string | undefined, rev: string): Promise<string> {
  const commits = await commitsSince(git, since && (await git.resolve(since)) ? since : undefined, rev).catch(() => []);
  const groups: Record<string, string[]> = { Features: [], 'Bug fixes': [], 'Other changes': [] };
  for (const c of commits) {
    if (c.type === 'chore' && c.scope === 'release') continue;
    const key = c.type === 'feat' ? 'Features' : c.type === 'fix' ? 'Bug fixes' : 'Other changes';
    groups[key]?.push(`${c.subject}${c.scope ? ` (${c.scope})` : ''}${c.pr ? ` (#${c.pr})` : ''}`);
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(groups))
    if (v.length) parts.push(`### ${k}\n\n${v.map((x) => `- ${x}`).join('\n')}`);
  return parts.join('\n\n') || 'No changes since the previous release.';
}

/** Credentials for a registry from the docker config the job logged in with (docker/login-action), if any. */
function dockerConfigCredentials(env: NodeJS.ProcessEnv, images: string[]): RegistryCredentials | undefined {
  const dir = env.DOCKER_CONFIG ?? (env.HOME ? join(env.HOME, '.docker') : undefined);
  if (!dir || !existsSync(join(dir, 'config.json'))) return undefined;
  try {
    const cfg = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
      auths?: Record<string, { auth?: string }>;
    };
    for (const img of images) {
      const auth = cfg.auths?.[splitImage(img).host]?.auth;
      if (auth) {
        const [username = '', ...rest] = Buffer.from(auth, 'base64').toString('utf8').split(':');
        return { username, password: rest.join(':') };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
