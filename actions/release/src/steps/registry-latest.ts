/**
 * Part of the version step: `latest` never moves backwards. A version below a registry's latest is a backport
 * when it is released from a branch other than the default one (then it takes latest-<major>, not latest, and the
 * GitHub Release is not made latest); from the default branch, or under the dist-tag latest, it is refused before
 * any side effect, naming the registry's version and the fixes (publish/latest.ts, the check the plan runs too).
 */
import { belowLatest, latestAbove, type RegistryLatest } from '@release-actions/shared/publish';
import { StageError } from '@release-actions/shared';

/** Below some registry's latest, from a backport branch: a backport even when no higher git tag exists. */
export function registryBackport(o: {
  version: string;
  found: RegistryLatest[];
  releaseBranch: string;
  defaultBranch?: string;
}): boolean {
  if (o.defaultBranch === undefined || o.releaseBranch === o.defaultBranch) return false;
  return latestAbove(o.version, o.found).length > 0;
}

/** Throws, before any side effect, when a package or image would go below its registry's latest. */
export function refuseBelowLatest(o: {
  version: string;
  found: RegistryLatest[];
  releaseBranch: string;
  defaultBranch?: string;
  npmDistTag: string;
  tagPrefix: string;
}): void {
  const backportBranch = o.defaultBranch !== undefined && o.releaseBranch !== o.defaultBranch;
  const problems = o.found.flatMap((r) => {
    const p = belowLatest(r, {
      version: o.version,
      backportBranch,
      movesLatest: r.registry === 'npm' && o.npmDistTag === 'latest',
      adoptTag: (v) => `${o.tagPrefix}${v}`,
    });
    return p ? [p] : [];
  });
  if (problems.length) throw new StageError(problems.join('\n'));
}
