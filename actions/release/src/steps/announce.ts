/** The announcement, once per release (a re-run does not post again); a failed post never fails the release. */
import { findRelease } from '@release-actions/shared/status';
import { announce as post } from '../announce.js';
import type { ReleaseInfo } from '../github-release.js';
import type { PublishedItem, ReleasePlan, StepDeps } from '../types.js';

export async function announce(
  s: { plan: ReleasePlan; release: ReleaseInfo; published: PublishedItem[] },
  d: StepDeps,
): Promise<object> {
  const { cfg } = d;
  const { plan, release, published } = s;
  if (!cfg.announceWebhookUrl) return {};
  const url = cfg.announceWebhookUrl;
  await d.ledger.within('announce', async () => {
    const already = findRelease(await d.store.read(), plan.version)?.ledger?.[d.runId]?.announce?.state === 'done';
    if (already) return d.ledger.report('announce', 'already-done');
    const ok = await post(
      d.fetch,
      url,
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
    await d.ledger.mark('announce', ok ? 'done' : 'failed', ok ? undefined : 'post failed (warning only)');
  });
  return {};
}
