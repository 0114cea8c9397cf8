/**
 * Publish the GitHub Release (draft → published, latest unless a prerelease or backport) once every package is
 * verified; while one is not yet visible, the release stays a draft and the run says so (a re-run finishes).
 */
import type { StepResult } from '../ledger.js';
import { publishRelease as publish, type ReleaseInfo } from '../github-release.js';
import type { ReleasePlan, StepDeps } from '../types.js';

export async function publishRelease(
  s: { plan: ReleasePlan; release: ReleaseInfo },
  d: StepDeps,
): Promise<{ release: ReleaseInfo }> {
  const { plan } = s;
  const repo = { owner: d.owner, repo: d.repo };
  return d.ledger.step<StepResult & { release: ReleaseInfo }>('github-release-publish', async () => {
    const res = await publish(d.gh, repo, s.release, { prerelease: plan.prerelease, makeLatest: plan.makeLatest });
    const release = res.release;
    return {
      state: res.changed ? 'done' : 'already-done',
      detail: release.url,
      release,
      extra: (rec) => void (rec.release_url = release.url),
    };
  });
}

/** Some package is published but not visible yet: recorded, and the release stops here (a draft). */
export async function markUnverified(unverified: number, d: StepDeps): Promise<void> {
  await d.ledger.mark('verify', 'unverified', `${unverified} package(s) published, not yet visible`, (rec) => {
    rec.status = 'published-unverified';
  });
}
