/**
 * The gate before the release goes public: every file the release must carry (the declared assets, the SBOMs,
 * the signature bundles) is on the draft and, downloaded back, has the bytes that were built. GitHub's immutable
 * releases cannot be changed once published, so anything missing keeps the release a draft (a re-run finishes).
 */
import type { StepResult } from '../ledger.js';
import { type ReleaseInfo, type VerifiedAsset, verifyReleaseAssets } from '../github-release.js';
import type { StepDeps } from '../types.js';

export async function releaseVerify(
  s: { release: ReleaseInfo; assetFiles: string[]; sbomFiles?: string[]; bundleFiles?: string[] },
  d: StepDeps,
): Promise<{ releaseAssets: VerifiedAsset[] }> {
  const files = [...s.assetFiles, ...(s.sbomFiles ?? []), ...(s.bundleFiles ?? [])];
  const repo = { owner: d.owner, repo: d.repo };
  return d.ledger.step<StepResult & { releaseAssets: VerifiedAsset[] }>('release-verify', async () => {
    if (!s.release.draft) {
      return { state: 'already-done', detail: 'published before this attempt', releaseAssets: [] };
    }
    if (files.length) d.log.info(`downloading back ${files.length} release asset(s) to compare with the build`);
    const releaseAssets = await verifyReleaseAssets(d.gh, repo, s.release, files);
    return { state: 'done', detail: `${releaseAssets.length} asset(s) on the draft, digests match`, releaseAssets };
  });
}
