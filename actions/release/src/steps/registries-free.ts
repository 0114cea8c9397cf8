/**
 * A version already in a registry that this repository never released is a conflict: stop before the tests run
 * and before any side effect. (A resumed run skips this: its own earlier attempt may have published.)
 */
import { registryVersion, short } from '@release-actions/shared/publish';
import { errorMessage, redactUrl, redactUrls, StageError } from '@release-actions/shared';
import type { ReleasePlan, StepDeps } from '../types.js';
import type { Preflighted } from './preflight.js';

export async function registriesFree(s: Preflighted & { plan: ReleasePlan }, d: StepDeps): Promise<object> {
  const { cfg } = d;
  const { plan } = s;
  if (s.resumeTagCommit) return {};
  for (const p of plan.npm) {
    const version = p.version ?? plan.version;
    const tag = plan.packages?.find((x) => x.name === p.name)?.tag ?? plan.tag;
    const v = await registryVersion(d.fetch, cfg.npmRegistryUrl, p.name, version, s.npmAuth.token).catch((e) => {
      throw new StageError(
        `npm registry ${redactUrl(cfg.npmRegistryUrl)} cannot be read: ${redactUrls(errorMessage(e))}`,
      );
    });
    if (v) {
      throw new StageError(
        `npm: ${p.name}@${version} is already published (integrity ${short(v.integrity)}) but ${tag} was never released from this repository; nothing was changed`,
      );
    }
  }
  const registry = s.docker?.registry;
  if (registry) {
    for (const img of plan.docker) {
      const digest = await registry.digest(img.image, plan.version);
      if (digest) {
        throw new StageError(
          `${img.image}:${plan.version} already exists (${digest}) but ${plan.tag} was never released from this repository; nothing was changed`,
        );
      }
    }
  }
  return {};
}
