/**
 * Preflight: nothing is changed until every check passes. The remote is readable and level with the checkout
 * (or this run resumes its own release), the token can write, npm can authenticate, docker's paths stay in the
 * checkout and its engine and registries answer. What it learns (the remote's tags, the record, the npm auth, the
 * registry client, each package's and image's latest version in its registry) is the state the later steps start
 * from.
 */
import {
  dockerConfigCredentials,
  idTokenAvailable,
  isNpmjs,
  npmWhoami,
  readLatest,
  RegistryClient,
  type RegistryLatest,
} from '@release-actions/shared/publish';
import { SIGSTORE } from '@release-actions/shared/attest';
import type { ReleaseRecord, StatusDocument } from '@release-actions/shared/status';
import { publicNpmPackages } from '@release-actions/shared/monorepo';
import { confinePath, errorMessage, redactUrl, StageError } from '@release-actions/shared';
import type { ReleaseConfig, StepDeps } from '../types.js';

export interface NpmAuthPlan {
  token?: string;
  kind: 'token' | 'oidc' | 'none';
  provenance: boolean;
}

export interface DockerTarget {
  registry: RegistryClient;
  /** Real paths, confined to the workspace. */
  context: string;
  dockerfile?: string;
}

export interface Preflighted {
  /** The commit a tag names on the remote (peeled), as read before anything was changed. */
  remoteTag: (tag: string) => string | undefined;
  doc: StatusDocument;
  /** This run's release in the record, when this is a re-run of a job that claimed one. */
  resume?: ReleaseRecord;
  /** The tag this run pushed before it stopped: the commit the re-run publishes. */
  resumeTagCommit?: string;
  head: string;
  npmAuth: NpmAuthPlan;
  docker?: DockerTarget;
  /** The repository's default branch (GitHub's answer): a release from another branch is a backport line. */
  defaultBranch?: string;
  /** Each public package's and image's latest in its registry: the version step never releases below it. */
  registryLatest: RegistryLatest[];
  /** Attestations will be made (attest: true, or auto with an OIDC token), and Sigstore answered. */
  attesting: boolean;
}

export async function preflight(_: object, d: StepDeps): Promise<Preflighted> {
  const checked = await d.ledger.within('preflight', () => checks(d));
  d.ledger.report('preflight', 'done');
  return checked;
}

async function checks(d: StepDeps): Promise<Preflighted> {
  const { cfg, git, remote } = d;
  const remoteRefs = await git.lsRemote(remote, [`refs/heads/${cfg.releaseBranch}`, 'refs/tags/*']).catch((e) => {
    throw new StageError(`the remote ${remote} cannot be read: ${errorMessage(e)}`);
  });
  const remoteTip = remoteRefs.get(`refs/heads/${cfg.releaseBranch}`);
  if (!remoteTip) throw new StageError(`release_branch ${cfg.releaseBranch} does not exist on ${remote}`);
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
    const tag = resume.tag ?? `${cfg.tagPrefix}${resume.version}`;
    resumeTagCommit = remoteTag(tag);
    if (resumeTagCommit && resume.commit && resumeTagCommit !== resume.commit) {
      throw new StageError(
        `tag ${tag} on ${remote} points to ${resumeTagCommit.slice(0, 12)}, not to the release commit ${String(resume.commit).slice(0, 12)} this run made; nothing was changed`,
      );
    }
    d.log.info(`resuming release ${resume.version} of run ${d.runId} (attempt ${d.runAttempt})`);
  }
  if (!resumeTagCommit && head !== remoteTip) {
    const known = await git.resolve(remoteTip);
    if (!known || (await git.isAncestor(head, remoteTip))) {
      throw new StageError(
        `${cfg.releaseBranch} on ${remote} has moved past this checkout (${head.slice(0, 12)} → ${remoteTip.slice(0, 12)}): another release or commit landed after this run started. Nothing was done; start a new release from the new tip.`,
      );
    }
    throw new StageError(
      `the checkout (${head.slice(0, 12)}) is not level with ${remote}/${cfg.releaseBranch} (${remoteTip.slice(0, 12)}); release from the remote's tip`,
    );
  }
  const repoInfo = await checkGitHubPermissions(d);
  const attesting = await preflightAttest(cfg, d, repoInfo.private);
  // Independent: a cycle or a bad tag_format is refused here too.
  const publicNpm = cfg.registries.includes('npm') ? await publicNpmPackages(d.workspace, cfg.versioning) : [];
  const npmAuth = await preflightNpm(cfg, d, publicNpm);
  const docker = await preflightDocker(cfg, d);
  const registryLatest = await readRegistryLatest(d, publicNpm, npmAuth, docker);
  const { defaultBranch } = repoInfo;
  return {
    remoteTag,
    doc,
    resume,
    resumeTagCommit,
    head,
    npmAuth,
    docker,
    defaultBranch,
    registryLatest,
    attesting,
  };
}

/**
 * Attestations: `attest: true` needs the job's OIDC token; when attesting, Sigstore's services must answer before
 * anything is published (a log that is down would otherwise leave published packages without provenance).
 */
async function preflightAttest(cfg: ReleaseConfig, d: StepDeps, privateRepo: boolean): Promise<boolean> {
  const idToken = idTokenAvailable(d.env);
  if (cfg.attest === 'true' && !idToken) {
    throw new StageError(
      "attest: true needs the job's OIDC token, and this job has none (no ACTIONS_ID_TOKEN_REQUEST_URL): add `permissions: id-token: write` (and `attestations: write`) to the release job, or set attest: false",
    );
  }
  if (cfg.attest === 'false' || !idToken) return false;
  const { fulcioUrl, rekorUrl, tsaUrl } = cfg.sigstore;
  // The public log is public forever: a private repository's artifact names and digests never go there.
  if (privateRepo && rekorUrl === SIGSTORE.public.rekor) {
    const how = `sign with GitHub's instance (fulcio_url: ${SIGSTORE.github.fulcio}, rekor_url: none, tsa_url: ${SIGSTORE.github.tsa}, trusted_root: its trusted_root.json) or set attest: false`;
    if (cfg.attest === 'true') {
      throw new StageError(
        `rekor_url is the public Sigstore log (${SIGSTORE.public.rekor}) and ${d.owner}/${d.repo} is private: its artifacts' names and digests would be published there; ${how}`,
      );
    }
    d.log.info(
      `attest (auto): not signing: ${d.owner}/${d.repo} is private and rekor_url is the public log; to sign, ${how}`,
    );
    return false;
  }
  // Routes each service serves to a GET (real Fulcio, Rekor; a TSA answers its endpoint with some status).
  const services: [string, string | undefined][] = [
    ['Fulcio (fulcio_url)', `${fulcioUrl}/api/v2/configuration`],
    ['Rekor (rekor_url)', rekorUrl && `${rekorUrl}/api/v1/log`],
    ['the timestamp authority (tsa_url)', tsaUrl],
  ];
  for (const [what, url] of services) {
    if (url) await reachable(d, what, url);
  }
  return true;
}

/** Any HTTP answer counts (these APIs have no common health route); three tries, then the network's own error. */
async function reachable(d: StepDeps, what: string, url: string): Promise<void> {
  let last = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await d.fetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) }).then((r) => r.body?.cancel());
      return;
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      last = cause ? `${errorMessage(e)}: ${errorMessage(cause)}` : errorMessage(e);
      if (attempt < 3) await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
  throw new StageError(
    `Sigstore ${what} ${url} is not reachable after 3 tries (${last}); nothing was signed, tagged or published. Retry when it is up, or set attest: false`,
  );
}

/** The token can write; returns whether the repository is private (what may go to a public log depends on it). */
/** Whether the repository is private, and its default branch, once the token is known to be able to write. */
async function checkGitHubPermissions(d: StepDeps): Promise<{ private: boolean; defaultBranch?: string }> {
  let perms: { push?: boolean } | undefined;
  let isPrivate = false;
  let defaultBranch: string | undefined;
  try {
    const r = await d.gh.rest.rest.repos.get({ owner: d.owner, repo: d.repo });
    perms = (r.data as { permissions?: { push?: boolean } }).permissions;
    isPrivate = (r.data as { private?: boolean }).private === true;
    defaultBranch = (r.data as { default_branch?: string }).default_branch;
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 401) throw new StageError('the GitHub token was refused (HTTP 401): check the token input');
    if (status === 404) throw new StageError(`repository ${d.owner}/${d.repo} is not visible to the token (HTTP 404)`);
    throw new StageError(`GitHub API is not reachable: ${errorMessage(e)}`);
  }
  if (perms && perms.push === false) {
    throw new StageError(
      'the GitHub token cannot write contents (permissions: contents: write is needed to push the tag and create the release)',
    );
  }
  if (d.cfg.provenance === 'true' && !idTokenAvailable(d.env)) {
    throw new StageError(
      'provenance: true needs the id-token: write permission (no ACTIONS_ID_TOKEN_REQUEST_URL in this job)',
    );
  }
  return { private: isPrivate, defaultBranch };
}

/** What each registry holds as the latest of every package and image this release would publish. */
async function readRegistryLatest(d: StepDeps, npm: string[], npmAuth: NpmAuthPlan, docker: DockerTarget | undefined) {
  return readLatest({
    fetch: d.fetch,
    npm: { registryUrl: d.cfg.npmRegistryUrl, names: npm, token: npmAuth.token },
    ...(docker ? { images: { client: docker.registry, names: d.cfg.dockerImages } } : {}),
  });
}

async function preflightNpm(cfg: ReleaseConfig, d: StepDeps, publicNpm: string[]): Promise<NpmAuthPlan> {
  if (!cfg.registries.includes('npm')) return { kind: 'none', provenance: false };
  if (!publicNpm.length)
    throw new StageError(
      'publish_registries has npm but there is no public package (package.json without "private": true)',
    );
  const idToken = idTokenAvailable(d.env);
  const provenance = cfg.provenance === 'true' || (cfg.provenance === 'auto' && idToken && isNpmjs(cfg.npmRegistryUrl));
  const token = d.env.NODE_AUTH_TOKEN?.trim();
  if (token) {
    const who = await npmWhoami(d.fetch, cfg.npmRegistryUrl, token);
    d.log.info(`npm registry ${redactUrl(cfg.npmRegistryUrl)}: authenticated as ${who}`);
    return { token, kind: 'token', provenance };
  }
  if (idToken) {
    d.log.info('npm: no NODE_AUTH_TOKEN; trusted publishing (OIDC) will be used');
    return { kind: 'oidc', provenance };
  }
  throw new StageError(
    'npm: no NODE_AUTH_TOKEN and no id-token: write permission for trusted publishing; nothing can be published',
  );
}

async function preflightDocker(cfg: ReleaseConfig, d: StepDeps): Promise<DockerTarget | undefined> {
  if (!cfg.registries.includes('docker')) return undefined;
  if (!cfg.dockerImages.length) throw new StageError('publish_registries has docker but docker_images is empty');
  // Real paths, links followed, before docker is even asked: a committed `Dockerfile -> /etc/passwd` or a context
  // linked out of the checkout would send the runner's files to the daemon and into a public image.
  const context = confinePath(d.workspace, cfg.dockerContext, { input: 'docker_context', kind: 'dir' });
  const dockerfile = cfg.dockerfile
    ? confinePath(d.workspace, cfg.dockerfile, { input: 'dockerfile' })
    : defaultDockerfile(d.workspace, cfg.dockerContext);
  const v = await d.exec('docker', ['version', '--format', '{{.Server.Version}}'], { env: d.env }).catch((e) => ({
    code: 1,
    stdout: '',
    stderr: errorMessage(e),
  }));
  if (v.code !== 0)
    throw new StageError(`the docker engine is not available: ${v.stderr.trim().split('\n').at(-1) ?? ''}`);
  const registry = new RegistryClient(
    d.fetch,
    cfg.registryCredentials ?? dockerConfigCredentials(d.env, cfg.dockerImages),
  );
  for (const img of cfg.dockerImages) await registry.ping(img);
  return { registry, context, dockerfile };
}

/** `<docker_context>/Dockerfile`, confined when it is there (docker reads it by default); docker reports its absence. */
function defaultDockerfile(workspace: string, context: string): string | undefined {
  const path = `${context.replace(/\/+$/, '')}/Dockerfile`;
  try {
    return confinePath(workspace, path, { input: 'dockerfile', what: `The default dockerfile (${path})` });
  } catch (e) {
    if (/does not exist$/.test(errorMessage(e))) return undefined;
    throw e;
  }
}
