/**
 * The registries' latest, read by the plan as the release reads it (publish/latest.ts), so that a version the
 * release would refuse (latest moving backwards) is refused here, before any approval is asked for. Images are
 * read with the docker config the job logged in with, if any: the plan job usually has none, so an image registry
 * that refuses an anonymous read is reported as not checked here (the release job checks it with its credentials).
 */
import {
  defaultDistTag,
  dockerConfigCredentials,
  type Fetch,
  guardLatest,
  imageLatest,
  readLatest,
  RegistryClient,
  type RegistryLatest,
} from '@release-actions/shared/publish';
import { npmPackages, parts } from '@release-actions/shared/versioning';
import { errorMessage, type Logger } from '@release-actions/shared';

export interface RegistryInputs {
  publish_registries: ('npm' | 'docker')[];
  npm_registry_url: string;
  docker_images: string[];
  release_branch: string;
  tag_prefix: string;
  prerelease_id: string;
}

export interface RegistryCheck {
  found: RegistryLatest[];
  /** Images whose registry could not be read here, with the registry's answer. */
  unchecked: { image: string; why: string }[];
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
  const unchecked: RegistryCheck['unchecked'] = [];
  if (inputs.publish_registries.includes('docker')) {
    const client = new RegistryClient(o.fetch, dockerConfigCredentials(o.env, inputs.docker_images));
    for (const image of inputs.docker_images) {
      try {
        found.push(await imageLatest(client, image));
      } catch (e) {
        unchecked.push({ image, why: errorMessage(e) });
        o.log.warning(`${image}: its tags could not be read here (${errorMessage(e)}); the release job checks them`);
      }
    }
  }
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
  return { found, unchecked, ...guarded };
}

/** The repository's default branch as the event payload names it (the plan makes no API call). */
export function defaultBranchOf(event: Record<string, unknown>): string | undefined {
  const repo = event.repository as { default_branch?: unknown } | undefined;
  return typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
}
