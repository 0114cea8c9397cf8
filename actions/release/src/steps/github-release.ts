/** The GitHub Release as a draft (found before it is created), with its assets; published after the registries. */
import { findRelease as findStatusRelease } from '@release-actions/shared/status';
import { createDraft, findRelease, type ReleaseInfo, uploadAssets } from '../github-release.js';
import type { StepResult } from '../ledger.js';
import type { ReleasePlan, StepDeps } from '../types.js';

export async function githubRelease(
  s: { plan: ReleasePlan; commit: string; assetFiles: string[] },
  d: StepDeps,
): Promise<{ release: ReleaseInfo }> {
  const { plan, commit, assetFiles } = s;
  const repo = { owner: d.owner, repo: d.repo };
  const { release } = await d.ledger.step<StepResult & { release: ReleaseInfo }>('github-release', async () => {
    const id = findStatusRelease(await d.store.read(), plan.version)?.release_id;
    const existing = await findRelease(d.gh, repo, plan.tag, typeof id === 'number' ? id : undefined);
    const r =
      existing ??
      (
        await createDraft(d.gh, repo, {
          tag: plan.tag,
          commit,
          name: plan.tag,
          body: plan.notesBody,
          prerelease: plan.prerelease,
          log: d.log,
        })
      ).release;
    const uploaded = assetFiles.length ? await uploadAssets(d.gh, repo, r, assetFiles, d.log) : 0;
    return {
      state: existing && uploaded === 0 ? 'already-done' : 'done',
      release: r,
      detail: `${r.draft ? 'draft' : 'published'} ${r.id}${assetFiles.length ? `, ${assetFiles.length} assets` : ''}`,
      extra: (rec) => {
        rec.release_id = r.id;
        rec.release_url = r.url;
      },
    };
  });
  return { release };
}
