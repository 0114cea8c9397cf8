/**
 * `latest` never moves backwards (docs/versioning.md): what a registry holds as the latest version of a package or
 * an image, read before anything is released, and the one check a release passes for each package or image it
 * would publish (a monorepo calls it per package). A version below the registry's latest is published only as a
 * backport: from a branch other than the default one, and never under `latest`. The plan and the release call the
 * same check, so the plan's preview refuses what the release would refuse.
 */
import compare from 'semver/functions/compare.js';
import prereleaseOf from 'semver/functions/prerelease.js';
import valid from 'semver/functions/valid.js';
import { StageError } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import { redactUrl, redactUrls } from '../util/redact.js';
import type { RegistryClient } from './docker.js';
import { type Fetch, packageDocument } from './npm.js';

export interface RegistryLatest {
  registry: 'npm' | 'docker';
  /** The package or image name. */
  name: string;
  /** Where it was read, for messages: the registry URL (no credentials) or the image's registry host. */
  where: string;
  /** npm: the `latest` dist-tag; an image: its highest stable semantic-version tag. Undefined: none yet. */
  latest?: string;
  /** The commit the registry says `latest` was published from (npm's `gitHead`), when it says so. */
  gitHead?: string;
  /** The stable versions the registry holds (an image's moving tags are computed against them too). */
  stable: string[];
}

const isStable = (v: string) => (prereleaseOf(v) ?? []).length === 0;
const highest = (vs: string[]) => [...vs].sort((a, b) => compare(b, a))[0];

/** The npm registry's `latest` of a package (undefined for a package it does not have). */
export async function npmLatest(f: Fetch, registryUrl: string, name: string, token?: string): Promise<RegistryLatest> {
  const where = redactUrl(registryUrl);
  const doc = await packageDocument(f, registryUrl, name, token).catch((e: unknown) => {
    throw new StageError(
      `npm registry ${where} cannot be read for ${name}: ${redactUrls(String((e as Error).message))}`,
    );
  });
  const versions = Object.keys(doc?.versions ?? {}).filter((v) => valid(v) === v);
  const tagged = doc?.['dist-tags']?.latest;
  const latest = tagged && valid(tagged) === tagged ? tagged : undefined;
  const gitHead = latest ? doc?.versions?.[latest]?.gitHead : undefined;
  return {
    registry: 'npm',
    name,
    where,
    ...(latest ? { latest } : {}),
    ...(typeof gitHead === 'string' && /^[0-9a-f]{7,64}$/.test(gitHead) ? { gitHead } : {}),
    stable: versions.filter(isStable),
  };
}

/** An image's highest stable semantic-version tag in its registry (its `latest`, X and X.Y follow it). */
export async function imageLatest(registry: RegistryClient, image: string): Promise<RegistryLatest> {
  const stable = (await registry.tags(image)).filter((t) => valid(t) === t && isStable(t));
  const latest = highest(stable);
  return { registry: 'docker', name: image, where: image, ...(latest ? { latest } : {}), stable };
}

/** Every package's and image's latest, read one after the other (a registry's refusal stops with its answer). */
export async function readLatest(o: {
  fetch: Fetch;
  npm?: { registryUrl: string; names: string[]; token?: string };
  images?: { client: RegistryClient; names: string[] };
}): Promise<RegistryLatest[]> {
  const out: RegistryLatest[] = [];
  const { npm, images } = o;
  if (npm) for (const name of npm.names) out.push(await npmLatest(o.fetch, npm.registryUrl, name, npm.token));
  if (images) for (const image of images.names) out.push(await imageLatest(images.client, image));
  return out;
}

export interface LatestCheck {
  /** The version this release would publish. */
  version: string;
  /** Released from a branch other than the repository's default one: a backport line. */
  backportBranch: boolean;
  /** The release would point `latest` at it (npm dist-tag `latest`). */
  movesLatest: boolean;
  /** The git tag that would mark the registry's latest as released here (`v1.2.0`, `@acme/core@1.2.0`). */
  adoptTag: (version: string) => string;
}

/**
 * Why this release may not publish `c.version` of `r`, or undefined when it may: below the registry's latest it
 * is refused unless it is a backport (another branch than the default one) that leaves `latest` where it is. The
 * message names the registry's version and the fixes. A version the registry already has is not this check's
 * business (same content is done, other content a conflict: see publishNpm and registries-free).
 */
export function belowLatest(r: RegistryLatest, c: LatestCheck): string | undefined {
  if (!r.latest || compare(c.version, r.latest) >= 0) return undefined;
  if (c.backportBranch && !c.movesLatest) return undefined;
  const what = r.registry === 'npm' ? `npm package ${r.name} (${r.where})` : `image ${r.name}`;
  const why = c.movesLatest
    ? `under the dist-tag latest, which never moves backwards`
    : `from the default branch, where latest never moves backwards`;
  const tag = c.adoptTag(r.latest);
  const at = r.gitHead
    ? `the commit ${r.gitHead.slice(0, 12)} (the registry's gitHead)`
    : 'the commit it was released from';
  return (
    `${escapeLogText(what)} has ${r.latest} as its latest, and this release would publish ${c.version}, lower, ${why}. ` +
    `Nothing was changed. If ${r.latest} came from this repository, adopt it: tag ${at} as ${tag} and push the tag ` +
    `(git tag -a ${tag} -m ${tag} <commit> && git push origin ${tag}), and the next release continues from it; ` +
    `or set initial_version (or version) above ${r.latest}. A lower version is released only as a backport, from a ` +
    `branch other than the default one, under its own dist-tag.`
  );
}

/** The registries whose latest is above `version` (a release of it from the default branch would be refused). */
export function latestAbove(version: string, found: RegistryLatest[]): RegistryLatest[] {
  return found.filter((r) => r.latest !== undefined && compare(version, r.latest) < 0);
}

/**
 * The whole check for one release, as the plan and the release run it: below a registry's latest with no higher
 * tag in git (published before this repository tagged its releases), a release from another branch than the
 * default one is a backport (its own dist-tag, not the GitHub Release's latest); otherwise every package or image
 * it would take below its registry's latest is refused, all in one StageError, before any side effect. An
 * unknown default branch counts as the default one (the strict reading).
 */
export function guardLatest(o: {
  version: string;
  prerelease: boolean;
  /** A backport by the git tags already (below the repository's highest release tag). */
  backport: boolean;
  found: RegistryLatest[];
  releaseBranch: string;
  defaultBranch?: string;
  /** The npm dist-tag the release would take, given whether it is a backport. */
  distTag: (backport: boolean) => string;
  tagPrefix: string;
}): { backport: boolean; distTag: string } {
  const backportBranch = o.defaultBranch !== undefined && o.releaseBranch !== o.defaultBranch;
  const backport = o.backport || (!o.prerelease && backportBranch && latestAbove(o.version, o.found).length > 0);
  const distTag = o.distTag(backport);
  const problems = o.found.flatMap((r) => {
    const p = belowLatest(r, {
      version: o.version,
      backportBranch,
      movesLatest: r.registry === 'npm' && distTag === 'latest',
      adoptTag: (v) => `${o.tagPrefix}${v}`,
    });
    return p ? [p] : [];
  });
  if (problems.length) throw new StageError(problems.join('\n'));
  return { backport, distTag };
}
