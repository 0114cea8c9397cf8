/**
 * Signing: one SLSA provenance statement for every release asset, npm tarball and image digest, and one CycloneDX
 * statement per SBOM (about the artifact it describes), each signed keyless with the job's OIDC token and its
 * bundle attached to the draft release. The draft is where a re-run finds them: a bundle already there for the
 * same statement is reused, not signed again (no second Rekor entry, no second attestation).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sameAttestation, signStatement, statementOf, type SerializedBundle } from '@release-actions/shared/attest';
import { idTokenAvailable } from '@release-actions/shared/publish';
import { StageError } from '@release-actions/shared';
import {
  type Attestable,
  collectSubjects,
  type Identity,
  jobIdentity,
  type PlannedStatement,
  planStatements,
} from '../attestation.js';
import { downloadReleaseAsset, type ReleaseInfo, uploadAssets } from '../github-release.js';
import type { StepResult } from '../ledger.js';
import type { PublishedItem, ReleasePlan, StepDeps } from '../types.js';
import type { NpmAuthPlan } from './preflight.js';
import type { SbomFile } from './sbom.js';

export interface SignedStatement extends PlannedStatement {
  bundle: SerializedBundle;
  path: string;
}

export interface Attestations {
  identity: Identity;
  subjects: Attestable[];
  signed: SignedStatement[];
}

export async function attest(
  s: {
    plan: ReleasePlan;
    commit: string;
    release: ReleaseInfo;
    assetFiles: string[];
    sboms: SbomFile[];
    npmPublished: PublishedItem[];
    dockerPublished: PublishedItem[];
    npmAuth: NpmAuthPlan;
    attesting: boolean;
    unverified: number;
  },
  d: StepDeps,
): Promise<{ bundleFiles: string[]; attestations?: Attestations }> {
  if (!s.attesting) {
    d.ledger.report(
      'attest',
      'skipped',
      d.cfg.attest === 'false'
        ? 'attest: false'
        : idTokenAvailable(d.env)
          ? 'private repository and the public Sigstore log (see the preflight log)'
          : 'no OIDC token (permissions: id-token: write)',
    );
    return { bundleFiles: [] };
  }
  if (s.unverified) {
    // The registry does not serve every package yet: nothing to fetch and sign; the re-run that finishes attests.
    d.ledger.report('attest', 'skipped', 'waiting until every package is visible (re-run)');
    return { bundleFiles: [] };
  }
  const repo = { owner: d.owner, repo: d.repo };
  const res = await d.ledger.step<StepResult & { attestations: Attestations }>('attest', async () => {
    const identity = await jobIdentity(d);
    const subjects = await collectSubjects(s, d, s.npmAuth.token);
    const planned = planStatements(subjects, s.sboms, s.plan.tag, identity, s.commit, d);
    if (!planned.length) throw new StageError('attest: nothing to attest (no asset, package or image)');
    const dir = join(d.runnerTemp, 'release-attest');
    mkdirSync(dir, { recursive: true });
    const signed: SignedStatement[] = [];
    let reused = 0;
    for (const p of planned) {
      const onDraft = await downloadReleaseAsset(d.gh, repo, s.release, p.bundleName);
      let bundle = onDraft ? (JSON.parse(onDraft.toString('utf8')) as SerializedBundle) : undefined;
      const same = bundle && statementOf(bundle);
      if (bundle && same && sameAttestation(same, p.statement)) {
        d.log.info(`${p.bundleName}: signed by an earlier attempt, on the draft already`);
        reused++;
      } else {
        d.log.info(`signing ${p.statement.predicateType} for ${p.about.map((a) => a.label).join(', ')}`);
        bundle = await signStatement(p.statement, { ...d.cfg.sigstore, identityToken: identity.token });
      }
      const path = join(dir, p.bundleName);
      writeFileSync(path, JSON.stringify(bundle));
      signed.push({ ...p, bundle, path });
    }
    await uploadAssets(
      d.gh,
      repo,
      s.release,
      signed.map((x) => x.path),
      d.log,
    );
    return {
      state: reused === signed.length ? 'already-done' : 'done',
      detail: `${signed.length - reused} signed, ${reused} from an earlier attempt; ${subjects.length} artifact(s), bundles on the draft`,
      attestations: { identity, subjects, signed },
    };
  });
  return { bundleFiles: res.attestations.signed.map((x) => x.path), attestations: res.attestations };
}
