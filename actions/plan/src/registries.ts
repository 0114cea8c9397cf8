/**
 * The npm registry's latest of each public package, read by the plan as the release reads it (publish/latest.ts),
 * so that a version the release would refuse (latest moving backwards) is refused here, before any approval is
 * asked for. Images are not read here: the plan job has no registry credentials (release.yml gives them to the
 * release job only), so their tags are checked by the release's preflight, before any side effect. With
 * versioning: independent, each released package is checked against its own latest (monorepo/latest.ts).
 */
import {
  defaultDistTag,
  type Fetch,
  guardLatest,
  readLatest,
  type RegistryLatest,
} from '@release-actions/shared/publish';
import { guardPackagesLatest, publicNpmPackages } from '@release-actions/shared/monorepo';
import { parts } from '@release-actions/shared/versioning';
import type { Logger } from '@release-actions/shared';

export interface RegistryInputs {
  versioning: 'fixed' | 'independent';
  publish_registries: ('npm' | 'docker')[];
  npm_registry_url: string;
  release_branch: string;
  tag_prefix: string;
  tag_format: string;
  prerelease_id: string;
}

export interface RegistryCheck {
  found: RegistryLatest[];
  /** What this release would publish under each name (`v1.3.0 under dist-tag latest`); absent: nothing. */
  publishes: Map<string, string>;
}

interface CheckDeps {
  fetch: Fetch;
  env: NodeJS.ProcessEnv;
  workspace: string;
  defaultBranch?: string;
  log: Logger;
}

/** Each public npm package's latest, listed as the release's preflight lists them (monorepo/latest.ts). */
async function readNpmLatest(inputs: RegistryInputs, o: CheckDeps): Promise<RegistryLatest[]> {
  const names = inputs.publish_registries.includes('npm')
    ? await publicNpmPackages(o.workspace, inputs.versioning)
    : [];
  const found = await readLatest({
    fetch: o.fetch,
    npm: { registryUrl: inputs.npm_registry_url, names, token: o.env.NODE_AUTH_TOKEN?.trim() || undefined },
  });
  for (const r of found) o.log.info(`${r.registry} ${r.name}: latest ${r.latest ?? '(none yet)'}`);
  return found;
}

/** versioning: fixed: the one version against every public package's latest. */
export async function checkRegistries(
  inputs: RegistryInputs,
  next: { version: string; prerelease: boolean; backport: boolean },
  o: CheckDeps,
): Promise<RegistryCheck> {
  const found = await readNpmLatest(inputs, o);
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
  const what = `${inputs.tag_prefix}${next.version} under dist-tag ${guarded.distTag}`;
  return { found, publishes: new Map(found.map((f) => [f.name, what])) };
}

/** versioning: independent: each released public package's version against its own latest. */
export async function checkPackageRegistries(
  inputs: RegistryInputs,
  packages: { name: string; version: string; tag: string; private: boolean; prerelease: boolean; backport: boolean }[],
  o: CheckDeps,
): Promise<RegistryCheck> {
  const found = await readNpmLatest(inputs, o);
  const released = inputs.publish_registries.includes('npm') ? packages.filter((p) => !p.private) : [];
  const guarded = guardPackagesLatest(released, {
    found,
    releaseBranch: inputs.release_branch,
    defaultBranch: o.defaultBranch,
    prereleaseId: inputs.prerelease_id,
    tagFormat: inputs.tag_format,
  });
  return {
    found,
    publishes: new Map(released.map((p) => [p.name, `${p.tag} under dist-tag ${guarded.get(p.name)?.distTag}`])),
  };
}

/** The repository's default branch as the event payload names it (the plan makes no API call). */
export function defaultBranchOf(event: Record<string, unknown>): string | undefined {
  const repo = event.repository as { default_branch?: unknown } | undefined;
  return typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
}
