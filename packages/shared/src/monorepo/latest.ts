/**
 * `latest` never moves backwards, per package: the packages a release publishes to npm, and the one check of
 * each released package's version against its registry's `latest` (publish/latest.ts `guardLatest`, with the
 * package's own tag format as the adopting tag). The plan and the release's preflight list the packages and run
 * the check through here, so the plan refuses in the same words what the release would refuse.
 */
import { guardLatest, type RegistryLatest } from '../publish/latest.js';
import { defaultDistTag } from '../publish/npm.js';
import { StageError } from '../util/errors.js';
import { npmPackages } from '../versioning/manifests.js';
import { parts } from '../versioning/version.js';
import { formatTag } from './tags.js';
import { discoverWorkspace } from './workspaces.js';

/** The names of the public packages a release publishes to npm: the workspace's (independent) or the root's and its workspaces' (fixed). */
export async function publicNpmPackages(root: string, versioning: 'fixed' | 'independent'): Promise<string[]> {
  const pkgs = versioning === 'independent' ? (await discoverWorkspace(root)).packages : npmPackages(root);
  return pkgs.filter((p) => !p.private).map((p) => p.name);
}

export interface PackageLatestInput {
  name: string;
  version: string;
  prerelease: boolean;
  /** A backport by the package's own tags already. */
  backport: boolean;
}

/**
 * Each package's dist-tag and whether it is a backport, checked against its registry's latest (`found`); every
 * package that would take `latest` backwards is named in one StageError, before any side effect.
 */
export function guardPackagesLatest(
  packages: PackageLatestInput[],
  o: {
    found: RegistryLatest[];
    releaseBranch: string;
    defaultBranch?: string;
    prereleaseId: string;
    tagFormat: string;
    /** npm_dist_tag, when the caller sets one for every package. */
    distTag?: string;
  },
): Map<string, { backport: boolean; distTag: string }> {
  const out = new Map<string, { backport: boolean; distTag: string }>();
  const problems: string[] = [];
  for (const p of packages) {
    try {
      out.set(
        p.name,
        guardLatest({
          version: p.version,
          prerelease: p.prerelease,
          backport: p.backport,
          found: o.found.filter((r) => r.registry === 'npm' && r.name === p.name),
          releaseBranch: o.releaseBranch,
          defaultBranch: o.defaultBranch,
          distTag: (backport) =>
            o.distTag ||
            defaultDistTag({
              prerelease: p.prerelease,
              prereleaseId: o.prereleaseId,
              backport,
              major: parts(p.version).major,
            }),
          tagPrefix: '',
          adoptTag: (v) => formatTag(o.tagFormat, p.name, v),
        }),
      );
    } catch (e) {
      if (!(e instanceof StageError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length) throw new StageError(problems.join('\n'));
  return out;
}
