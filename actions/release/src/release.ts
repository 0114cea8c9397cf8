/**
 * The release, as a list of steps (steps/<step>.ts) that each check whether their side effect already happened
 * before making it (tag at the same commit, release exists, npm version with the same integrity, image tag with
 * our labels), and record their state in the status ledger under the run id: a re-run of a half-failed job (same
 * GITHUB_RUN_ID, next attempt) resumes and converges; a conflicting state stops with a clear error and
 * overwrites nothing. Each step is `(state, deps) => what it adds`; the lists below are the order of the side
 * effects. A mode (tag-only, pull-request) or a per-package release is another list over the same steps.
 * No @actions/core here: collaborators come in as parameters.
 */
import { errorMessage, escapeLogText, redactUrls } from '@release-actions/shared';
import { Ledger } from './ledger.js';
import { announce } from './steps/announce.js';
import { attest } from './steps/attest.js';
import { attestUpload } from './steps/attest-upload.js';
import { attestVerify } from './steps/attest-verify.js';
import { claim } from './steps/claim.js';
import { commitTagPush, notRefusedBefore, PushRefused, releaseTags } from './steps/commit-tag-push.js';
import { docker } from './steps/docker.js';
import { githubRelease } from './steps/github-release.js';
import { moveMajorTag } from './steps/major-tag.js';
import { npm } from './steps/npm.js';
import { packageReleases, publishPackageReleases } from './steps/package-releases.js';
import { packagesVersion } from './steps/packages-version.js';
import { preflight } from './steps/preflight.js';
import { markUnverified, publishRelease } from './steps/publish-release.js';
import { markReleasePrTagged, openReleasePr, releasePrPhase } from './steps/pull-request.js';
import { registriesFree } from './steps/registries-free.js';
import { sbom } from './steps/sbom.js';
import { releaseVerify } from './steps/release-verify.js';
import { markReleased } from './steps/status.js';
import { tagOnly } from './steps/tag-only.js';
import { testBuild } from './steps/test-build.js';
import { NothingToReleaseSignal, version } from './steps/version.js';
import {
  type NothingToRelease,
  ReleaseFailure,
  type ReleaseConfig,
  type ReleaseDeps,
  type ReleaseOutcome,
  type ReleasePlan,
  type StepDeps,
} from './types.js';

export * from './types.js';

type Step<S, R> = (state: S, d: StepDeps) => Promise<R>;

/** Steps in order, each given the state so far and adding what it returns: the types follow the list. */
class Steps<I, S> {
  private constructor(private readonly go: Step<I, S>) {}

  static start<I extends object>(): Steps<I, I> {
    return new Steps(async (i: I) => i);
  }

  then<R extends object>(name: string, step: Step<S, R>): Steps<I, S & R> {
    return new Steps(async (i: I, d: StepDeps) => {
      const s = await this.go(i, d);
      d.log.debug(`release step: ${name}`);
      return { ...s, ...(await step(s, d)) };
    });
  }

  run(input: I, d: StepDeps): Promise<S> {
    return this.go(input, d);
  }
}

/** Checks and the plan: no side effect (a dry run ends here). */
const PLAN = Steps.start<object>()
  .then('preflight', preflight)
  .then('release-pr-phase', releasePrPhase)
  .then('version', (s, d) => (d.cfg.versioning === 'independent' ? packagesVersion(s, d) : version(s, d)));

type Planned = Awaited<ReturnType<typeof PLAN.run>>;

/**
 * How the release lands on the branch, by release_mode (docs/protected-branches.md): `check` runs before the
 * claim (nothing written yet), `land` makes the tag the release publishes from.
 */
const LANDING: Record<
  ReleaseConfig['releaseMode'],
  { check: Step<Planned, object>; land: Step<Planned, { commit: string }> }
> = {
  direct: { check: notRefusedBefore, land: commitTagPush },
  'tag-only': { check: async () => ({}), land: tagOnly },
  // The merge of the release PR: its commit carries the bumped manifests; the tag goes on it, as tag-only does.
  'pull-request': { check: async () => ({}), land: tagOnly },
};

/** release_mode pull-request, before the merge: the release PR, and nothing tagged, published or deployed. */
const OPEN_PR = Steps.start<Planned>().then('registries-free', registriesFree).then('release-pr', openReleasePr);

/** Everything up to the registries; the GitHub Release is a draft until they are verified. */
const PUBLISH = Steps.start<Planned>()
  .then('landing-check', (s, d) => LANDING[d.cfg.releaseMode].check(s, d))
  .then('registries-free', registriesFree)
  .then('test-build', testBuild)
  .then('claim', claim)
  .then('land', (s, d) => LANDING[d.cfg.releaseMode].land(s, d))
  .then('github-release', async (s, d) =>
    s.plan.packages ? packageReleases(s, d) : { ...(await githubRelease(s, d)), releases: [] },
  )
  .then('sbom', sbom)
  .then('npm', npm)
  .then('docker', docker)
  .then('attest', attest)
  .then('attest-upload', attestUpload)
  .then('attest-verify', attestVerify);

type Published = Awaited<ReturnType<typeof PUBLISH.run>>;

/**
 * Once every package is visible and every file is on the draft as built: the release goes public, the major tag
 * moves, the record says released.
 */
const FINISH = Steps.start<Published & { published: ReleaseOutcome['published'] }>()
  .then('release-verify', releaseVerify)
  .then('publish-release', (s, d) => (s.plan.packages ? publishPackageReleases(s, d) : publishRelease(s, d)))
  .then('major-tag', moveMajorTag)
  .then('status', markReleased)
  .then('release-pr-label', markReleasePrTagged)
  .then('announce', announce);

export async function runRelease(cfg: ReleaseConfig, deps: ReleaseDeps): Promise<ReleaseOutcome | NothingToRelease> {
  const ledger = new Ledger(deps);
  const d: StepDeps = { ...deps, cfg, ledger, remote: deps.remote ?? 'origin' };
  const { steps } = ledger;
  const statusLocation = deps.store.describe();
  let plan: ReleasePlan | undefined;
  try {
    const planned = await PLAN.run({}, d);
    plan = planned.plan;
    if (cfg.dryRun) {
      if (cfg.releaseMode === 'pull-request') {
        const what = escapeLogText(releaseTags(plan).join(', '));
        d.log.info(
          planned.releasePr
            ? `dry run: this commit merges release pull request #${planned.releasePr.number}: a real run releases ${what} from it`
            : `dry run: a real run opens or updates the release pull request release-actions/${cfg.releaseBranch} → ${cfg.releaseBranch} for ${what} (the files below and ${plan.packages ? "each package's " : ''}CHANGELOG.md) and releases nothing`,
        );
      }
      return { status: 'dry-run', plan, steps, published: [], statusLocation };
    }
    if (cfg.releaseMode === 'pull-request' && !planned.releasePr) {
      const { pullRequest } = await OPEN_PR.run(planned, d);
      return { status: 'pull-request', plan, steps, published: [], statusLocation, pullRequest };
    }
    const out = await PUBLISH.run(planned, d);
    const published = [...out.npmPublished, ...out.dockerPublished];
    if (out.unverified) {
      await markUnverified(out.unverified, d);
      return { status: 'unverified', plan, steps, release: out.release, published, statusLocation };
    }
    const done = await FINISH.run({ ...out, published }, d);
    const attested = out.attestations
      ? { signer: out.attestations.identity.san, artifacts: out.verifiedArtifacts }
      : undefined;
    return { status: 'released', plan, steps, release: done.release, published, statusLocation, attested };
  } catch (e) {
    if (e instanceof NothingToReleaseSignal) {
      ledger.report('version', 'skipped', e.outcome.reason);
      return { ...e.outcome, steps };
    }
    // Whatever failed, a registry URL's credentials never reach the log, the summary or the record.
    const message = redactUrls(errorMessage(e));
    if (ledger.current) ledger.report(ledger.current, 'failed', message.slice(0, 300));
    await ledger
      .persistFailure(message, cfg.dryRun, e instanceof PushRefused ? { refused: e.refused } : {})
      .catch((e2) => deps.log.warning(`could not record the failure: ${redactUrls(errorMessage(e2))}`));
    throw new ReleaseFailure(message, steps, plan);
  }
}
