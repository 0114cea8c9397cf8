/**
 * SBOMs: a CycloneDX document for each npm package released and for each image whose build context has a
 * package-lock.json, made from the lockfile (offline, no install), written under RUNNER_TEMP and attached to the
 * draft release before anything is published, so a failure here publishes nothing. Without a lockfile there is
 * nothing to read the dependencies from: the log says so and no SBOM is claimed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cycloneDxJson, dependencyClosure, findLockfile } from '@release-actions/shared/sbom';
import { uploadAssets, type ReleaseInfo } from '../github-release.js';
import type { StepResult } from '../ledger.js';
import type { ReleasePlan, StepDeps } from '../types.js';
import type { DockerTarget } from './preflight.js';

export interface SbomFile {
  /** What it describes: `npm:<name>` or `docker:<image>`. */
  subject: string;
  path: string;
}

const fileName = (name: string, version: string, kind: string) =>
  `${name.replace(/^@/, '').replace(/[/:]/g, '-')}-${version}.${kind}.cdx.json`;

export async function sbom(
  s: { plan: ReleasePlan; release: ReleaseInfo; docker?: DockerTarget },
  d: StepDeps,
): Promise<{ sbomFiles: string[]; sboms: SbomFile[] }> {
  const { plan } = s;
  const wanted = plan.npm.length + (s.docker ? plan.docker.length : 0);
  if (!wanted) return { sbomFiles: [], sboms: [] };
  const res = await d.ledger.step<StepResult & { sboms: SbomFile[] }>('sbom', async () => {
    const out = join(d.runnerTemp, 'release-sbom');
    mkdirSync(out, { recursive: true });
    const sboms: SbomFile[] = [];
    const lock = findLockfile(d.workspace);
    for (const p of plan.npm) {
      if (!lock) {
        d.log.info(`no package-lock.json in the workspace: no SBOM for ${p.name}`);
        continue;
      }
      const closure = dependencyClosure(lock, p.dir, p.name, plan.version);
      const path = join(out, fileName(p.name, plan.version, 'npm'));
      writeFileSync(path, await cycloneDxJson(closure, { tool: 'release-actions' }));
      d.log.info(`SBOM of ${p.name}@${plan.version}: ${closure.packages.length} runtime dependencies`);
      sboms.push({ subject: `npm:${p.name}`, path });
    }
    if (s.docker) {
      const ctxLock = findLockfile(s.docker.context);
      for (const img of plan.docker) {
        if (!ctxLock) {
          d.log.info(`no package-lock.json in docker_context: no SBOM for ${img.image}`);
          continue;
        }
        const closure = dependencyClosure(ctxLock, '', img.image, plan.version);
        const path = join(out, fileName(img.image.split('/').slice(1).join('/'), plan.version, 'image'));
        writeFileSync(path, await cycloneDxJson(closure, { tool: 'release-actions' }));
        d.log.info(
          `SBOM of ${img.image}:${plan.version} (${relative(d.workspace, ctxLock)}): ${closure.packages.length} dependencies`,
        );
        sboms.push({ subject: `docker:${img.image}`, path });
      }
    }
    const files = sboms.map((x) => x.path);
    const uploaded = await uploadAssets(d.gh, { owner: d.owner, repo: d.repo }, s.release, files, d.log);
    return {
      state: sboms.length && uploaded === 0 ? 'already-done' : sboms.length ? 'done' : 'skipped',
      detail: sboms.length ? `${sboms.length} SBOM(s) on the draft` : 'no lockfile',
      sboms,
    };
  });
  return { sbomFiles: res.sboms.map((x) => x.path), sboms: res.sboms };
}
