/**
 * The npm registry's latest of each public package, read by the plan as the release reads it (publish/latest.ts),
 * so that a version the release would refuse (latest moving backwards) is refused here, before any approval is
 * asked for. Images are not read here: the plan job has no registry credentials (release.yml gives them to the
 * release job only), so their tags are checked by the release's preflight, before any side effect.
 */
import {
  defaultDistTag,
  type Fetch,
  guardLatest,
  readLatest,
  type RegistryLatest,
} from '@release-actions/shared/publish';
import { npmPackages, parts } from '@release-actions/shared/versioning';
import type { Logger } from '@release-actions/shared';

export interface RegistryInputs {
  publish_registries: ('npm' | 'docker')[];
  npm_registry_url: string;
  release_branch: string;
  tag_prefix: string;
  prerelease_id: string;
}

export interface RegistryCheck {
  found: RegistryLatest[];
  backport: boolean;
  distTag: string;
}

export async function checkRegistries(
  inputs: RegistryInputs,
  next: { version: string; prerelease: boolean; backport: boolean },
  o: { fetch: Fetch; env: NodeJS.ProcessEnv; workspace: string; defaultBranch?: string; log: Logger },
): Promise<RegistryCheck> {
  const npm = inputs.publish_registries.includes('npm')
    ? npmPackages(o.workspace)
        .filter((p) => !p.private)
        .map((p) => p.name)
    : [];
  const found = await readLatest({
    fetch: o.fetch,
    npm: { registryUrl: inputs.npm_registry_url, names: npm, token: o.env.NODE_AUTH_TOKEN?.trim() || undefined },
  });
  for (const r of found) o.log.info(`${r.registry} ${r.name}: latest ${r.latest ?? '(none yet)'}`);
  const guarded = guardLatest({
    ...next,
    found,
    releaseBranch: inputs.release_branch,
    defaultBranch: o.defaultBranch,
    distTag: (backport) =>
      defaultDistTag({
        prerelease: next.prerelease,
        prereleaseId: inputs.prerelease_id,
        backport,
        major: parts(next.version).major,
      }),
    tagPrefix: inputs.tag_prefix,
  });
  return { found, ...guarded };
}

/** The repository's default branch as the event payload names it (the plan makes no API call). */
export function defaultBranchOf(event: Record<string, unknown>): string | undefined {
  const repo = event.repository as { default_branch?: unknown } | undefined;
  return typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
}
