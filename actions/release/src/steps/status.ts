/** The status record says the version is released (with its commit, tag, release and registries). */
import { releaseKind } from '@release-actions/shared/versioning';
import type { ReleaseInfo } from '../github-release.js';
import type { ReleasePlan, StepDeps } from '../types.js';

export async function markReleased(
  s: { plan: ReleasePlan; commit: string; release: ReleaseInfo },
  d: StepDeps,
): Promise<object> {
  const { plan, commit, release } = s;
  await d.ledger.step('status', async () => ({
    state: 'done',
    detail: d.store.describe(),
    extra: (rec) => {
      rec.status = 'released';
      rec.released_at ??= (d.now?.() ?? new Date()).toISOString();
      rec.type = releaseKind(plan.previousVersion, plan.version, plan.backport);
      rec.tag = plan.tag;
      rec.commit = commit;
      rec.previous_version = plan.previousVersion;
      rec.release_url = release.url;
      rec.quality_gates ??= {};
      delete rec.error;
      delete rec.refused;
    },
  }));
  return {};
}
