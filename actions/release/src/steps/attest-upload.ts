/**
 * Storing the bundles where consumers look: GitHub's attestations API (`gh attestation verify`) and, for images,
 * the registry as OCI referrers of the digest (cosign's layout). Both look before they write, so a re-run adds
 * nothing that is already there.
 */
import { pushReferrer, uploadAttestation } from '@release-actions/shared/attest';
import type { StepResult } from '../ledger.js';
import type { StepDeps } from '../types.js';
import type { Attestations } from './attest.js';
import type { DockerTarget } from './preflight.js';

export async function attestUpload(
  s: { attestations?: Attestations; docker?: DockerTarget },
  d: StepDeps,
): Promise<object> {
  const att = s.attestations;
  if (!att) return {};
  const repo = { owner: d.owner, repo: d.repo };
  await d.ledger.step<StepResult>('attest-upload', async () => {
    let created = 0;
    let referrers = 0;
    for (const x of att.signed) {
      const r = await uploadAttestation(d.gh, repo, x.bundle);
      if (r.created) created++;
      for (const a of x.about.filter((y) => y.kind === 'image')) {
        if (!s.docker) continue;
        const pushed = await pushReferrer(s.docker.registry, { image: a.image!, digest: a.digest! }, x.bundle, d.now);
        d.log.info(
          `${a.label}: attestation ${pushed.created ? 'pushed' : 'already there'} as ${pushed.digest} (${pushed.via})`,
        );
        if (pushed.created) referrers++;
      }
    }
    return {
      state: created || referrers ? 'done' : 'already-done',
      detail: `${created} new attestation(s) on GitHub (${att.signed.length - created} there already), ${referrers} OCI referrer(s) pushed`,
    };
  });
  return {};
}
