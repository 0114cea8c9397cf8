/**
 * The status record says the version is released (with its commit, tag, release and registries). With versioning:
 * independent, the run's record lists every package released (name, version, tag, previous version, its GitHub
 * Release), so that the dashboard shows a row per package.
 */
import type { PackageRecord } from '@release-actions/shared/status';
import { releaseKind } from '@release-actions/shared/versioning';
import type { ReleaseInfo } from '../github-release.js';
import type { ReleasePlan, StepDeps } from '../types.js';

/** Each package's entry; `releases` are per package in plan order, or the one aggregate release. */
function packageRecords(plan: ReleasePlan, releases: ReleaseInfo[]): PackageRecord[] | undefined {
  return plan.packages?.map((p, i) => {
    const url = (releases.length === plan.packages?.length ? releases[i] : releases[0])?.url;
    return {
      name: p.name,
      version: p.version,
      tag: p.tag,
      ...(p.previousVersion ? { previous_version: p.previousVersion } : {}),
      ...(url ? { release_url: url } : {}),
    };
  });
}

export async function markReleased(
  s: { plan: ReleasePlan; commit: string; release: ReleaseInfo; releases?: ReleaseInfo[] },
  d: StepDeps,
): Promise<object> {
  const { plan, commit, release } = s;
  const packages = packageRecords(plan, s.releases?.length ? s.releases : [release]);
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
      if (packages) rec.packages = packages;
      rec.quality_gates ??= {};
      delete rec.error;
      delete rec.refused;
    },
  }));
  return {};
}
