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
): Promise<{ storedOnGitHub: boolean }> {
  const att = s.attestations;
  if (!att) return { storedOnGitHub: false };
  const repo = { owner: d.owner, repo: d.repo };
  const r = await d.ledger.step<StepResult & { refused?: string }>('attest-upload', async () => {
    let created = 0;
    let referrers = 0;
    let refused: string | undefined;
    for (const x of att.signed) {
      try {
        if (!refused && (await uploadAttestation(d.gh, repo, x.bundle)).created) created++;
      } catch (e) {
        // attest: auto in a job granted id-token: write (npm trusted publishing) but not attestations: write: the
        // bundles are on the release and verified there; only GitHub's copy is missing. attest: true requires it.
        if (d.cfg.attest !== 'auto' || (e as { status?: number }).status !== 403) throw e;
        refused = (e as Error).message;
        d.log.warning(
          `attest (auto): the bundles are attached to the release, but not stored in GitHub's attestations API, so \`gh attestation verify\` will not find them: ${refused}. Add \`permissions: attestations: write\` to the release job (or set attest: true to make this an error).`,
        );
      }
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
      refused,
      state: created || referrers ? 'done' : 'already-done',
      detail: refused
        ? `not stored on GitHub (no attestations: write), ${referrers} OCI referrer(s) pushed`
        : `${created} new attestation(s) on GitHub (${att.signed.length - created} there already), ${referrers} OCI referrer(s) pushed`,
    };
  });
  return { storedOnGitHub: !r.refused };
}
