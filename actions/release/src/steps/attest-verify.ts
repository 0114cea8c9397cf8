/**
 * Verification after publishing, before the release goes public: every artifact is fetched back as a consumer
 * gets it (the asset from the release, the tarball from the npm registry, the image manifest by digest) and one of
 * its attestations must verify against this job's identity (certificate SAN = the signing workflow, issuer =
 * GitHub Actions) and the artifact's digest; each SBOM bundle is verified the same way. Any failure names the
 * artifact and the check, and the release stays a draft.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GITHUB_ACTIONS_ISSUER,
  loadTrustedRoot,
  verifyArtifact,
  verifyBundle,
  type SubjectSpec,
} from '@release-actions/shared/attest';
import { dockerConfigCredentials } from '@release-actions/shared/publish';
import { errorMessage, StageError } from '@release-actions/shared';
import { downloadReleaseAsset, type ReleaseInfo } from '../github-release.js';
import type { StepResult } from '../ledger.js';
import type { StepDeps } from '../types.js';
import type { Attestations } from './attest.js';
import type { NpmAuthPlan } from './preflight.js';

export interface VerifiedArtifactRow {
  label: string;
  digest: string;
  /** Where the attestation that verified was found. */
  source: string;
}

export async function attestVerify(
  s: { attestations?: Attestations; release: ReleaseInfo; npmAuth: NpmAuthPlan },
  d: StepDeps,
): Promise<{ verifiedArtifacts: VerifiedArtifactRow[] }> {
  const att = s.attestations;
  if (!att) return { verifiedArtifacts: [] };
  const { cfg } = d;
  const repo = { owner: d.owner, repo: d.repo };
  const res = await d.ledger.step<StepResult & { rows: VerifiedArtifactRow[] }>('attest-verify', async () => {
    const trustedRoot = await loadTrustedRoot(
      cfg.sigstore.trustedRoot
        ? { location: cfg.sigstore.trustedRoot }
        : { tuf: true, cachePath: join(d.runnerTemp, 'sigstore-tuf') },
      d.fetch,
    );
    const expected = { san: att.identity.san, issuer: GITHUB_ACTIONS_ISSUER };
    const requireTlog = Boolean(cfg.sigstore.rekorUrl);
    const problems: string[] = [];
    const rows: VerifiedArtifactRow[] = [];
    const tmp = mkdtempSync(join(d.runnerTemp, 'release-verify-'));
    try {
      for (const a of att.subjects) {
        let spec: SubjectSpec;
        if (a.kind === 'file') {
          const bytes = await downloadReleaseAsset(d.gh, repo, s.release, a.label);
          if (!bytes) {
            problems.push(`${a.label}: not on the release`);
            continue;
          }
          const path = join(tmp, a.label);
          writeFileSync(path, bytes);
          spec = { kind: 'file', path };
        } else if (a.kind === 'npm') spec = { kind: 'npm', name: a.name!, version: a.version! };
        else spec = { kind: 'image', image: a.image!, digest: a.digest! };
        try {
          const v = await verifyArtifact({
            subject: spec,
            repository: repo,
            github: d.gh,
            san: expected.san,
            issuer: expected.issuer,
            trustedRoot,
            requireTlog,
            npmRegistry: cfg.npmRegistryUrl,
            npmToken: s.npmAuth.token,
            registryCredentials: cfg.registryCredentials ?? dockerConfigCredentials(d.env, cfg.dockerImages),
            fetch: d.fetch,
          });
          const digest = `sha256:${v.subject.digest.sha256}`;
          if (v.subject.digest.sha256 !== a.subject.digest.sha256) {
            problems.push(`${a.label}: digest check failed: fetched back ${digest}, signed ${a.subject.digest.sha256}`);
            continue;
          }
          rows.push({ label: a.label, digest, source: v.source });
        } catch (e) {
          problems.push(`${a.label}: ${errorMessage(e)}`);
        }
      }
      for (const x of att.signed.filter((y) => y.statement.predicateType !== 'https://slsa.dev/provenance/v1')) {
        for (const a of x.about) {
          try {
            await verifyBundle({
              bundle: x.bundle,
              subjectDigest: a.subject.digest.sha256,
              expected,
              trustedRoot,
              requireTlog,
            });
          } catch (e) {
            problems.push(`${x.bundleName} (SBOM of ${a.label}): ${errorMessage(e)}`);
          }
        }
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    if (problems.length) {
      throw new StageError(
        `verification after publishing failed, so the release stays a draft: ${problems.join('; ')}`,
      );
    }
    d.log.info(`verified ${rows.length} artifact(s) as ${expected.san}`);
    return { state: 'done', detail: `${rows.length} artifact(s) verified as ${expected.san}`, rows };
  });
  return { verifiedArtifacts: res.rows };
}
