/**
 * Claim the version in the status record (compare-and-swap: of two runs releasing the same version, one wins; a
 * failed run's claim may be taken over while its tag was never pushed). From here on, steps are in the ledger.
 */
import { ensureRelease, findRelease, recordStep } from '@release-actions/shared/status';
import { releaseKind } from '@release-actions/shared/versioning';
import { StageError } from '@release-actions/shared';
import type { ReleasePlan, StepDeps } from '../types.js';
import type { Preflighted } from './preflight.js';

export async function claim(s: Preflighted & { plan: ReleasePlan }, d: StepDeps): Promise<object> {
  const { plan } = s;
  await d.ledger.within('claim', async () => {
    const at = (d.now?.() ?? new Date()).toISOString();
    await d.store.update((doc) => {
      // An independent release's record is its first package's tag's (two packages may share a version).
      const byTag = plan.packages ? plan.tag : undefined;
      const existing = findRelease(doc, plan.version, byTag);
      if (existing && existing.run_id && existing.run_id !== d.runId) {
        const takeover = existing.status === 'failed' && !s.remoteTag(plan.tag);
        if (!takeover) {
          throw new StageError(
            `release ${plan.version} is already being made by run ${String(existing.run_id)} (status ${String(existing.status)}); this run stops and changes nothing`,
          );
        }
      }
      const rec = ensureRelease(doc, plan.version, { created_at: at, ...(byTag ? { tag: byTag } : {}) });
      if (plan.packages) rec.packages = plan.packages.map((p) => ({ name: p.name, version: p.version, tag: p.tag }));
      rec.run_id = d.runId;
      rec.run_url = d.runUrl;
      rec.type = releaseKind(plan.previousVersion, plan.version, plan.backport);
      rec.tag = plan.tag;
      if (rec.status !== 'released') rec.status = 'releasing';
      rec.previous_version = plan.previousVersion;
      for (const st of d.ledger.steps)
        recordStep(rec, d.runId, st.step, st.state, { attempt: d.runAttempt, detail: st.detail });
    }, `release ${plan.version}: claimed by run ${d.runId}.${d.runAttempt}`);
    d.ledger.claimed(plan.version, plan.packages ? plan.tag : undefined);
  });
  return {};
}
