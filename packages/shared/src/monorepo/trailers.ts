/**
 * What a release pull request of an independent release releases, recorded in its commit as one trailer per
 * package: `Release-Actions-Package: <name> <version> <tag>` (npm names, versions and git tag names hold no
 * space). The merge releases exactly these, so they are read strictly: the head branch is writable by anyone with
 * push access, so a trailer is input, checked against the workspace and `tag_format` before anything happens.
 */
import valid from 'semver/functions/valid.js';
import { escapeLogText } from '../util/escape.js';
import { formatTag } from './tags.js';

export const PACKAGE_TRAILER = 'Release-Actions-Package';
/** A line that claims to be the trailer, well formed or not (what the strict parse below then judges). */
const TRAILER_LINE = new RegExp(`^${PACKAGE_TRAILER}:`, 'i');

/** One package of a release: what the release PR records, and the status record's claim. */
export interface RecordedPackage {
  name: string;
  version: string;
  tag: string;
}

/** The trailer lines for `packages`, in their (publish) order. */
export function packageTrailers(packages: RecordedPackage[]): string {
  return packages.map((p) => `${PACKAGE_TRAILER}: ${p.name} ${p.version} ${p.tag}`).join('\n');
}

/** Whether a commit message records packages (so it was made for versioning: independent). */
export function hasPackageTrailers(message: string): boolean {
  return message.split(/\r?\n/).some((l) => TRAILER_LINE.test(l));
}

/**
 * The packages `message` records, or every problem with its trailers: a line that is not `<name> <version> <tag>`,
 * a name that is not a package of the workspace, one named twice, a version that is not semver, a tag other than
 * `tag_format` names. None at all is a problem too.
 */
export function readPackageTrailers(
  message: string,
  o: { packages: string[]; tagFormat: string },
): { packages: RecordedPackage[]; problems: string[] } {
  const known = new Set(o.packages);
  const packages: RecordedPackage[] = [];
  const problems: string[] = [];
  const lines = message.split(/\r?\n/).filter((l) => TRAILER_LINE.test(l));
  for (const line of lines) {
    const shown = `"${escapeLogText(line.slice(0, 200))}"`;
    const m = new RegExp(`^${PACKAGE_TRAILER}: (\\S+) (\\S+) (\\S+)$`).exec(line);
    if (!m) {
      problems.push(`${shown} is not "${PACKAGE_TRAILER}: <name> <version> <tag>"`);
      continue;
    }
    const [, name = '', version = '', tag = ''] = m;
    const n = `"${escapeLogText(name)}"`;
    if (!known.has(name)) {
      problems.push(`${shown} names ${n}, which is not a package of the workspace (${o.packages.length} packages)`);
    } else if (packages.some((p) => p.name === name)) {
      problems.push(`${shown} names ${n} a second time`);
    } else if (valid(version) !== version) {
      problems.push(`${shown} has version "${escapeLogText(version)}", which is not a semver version (1.2.3)`);
    } else if (tag !== formatTag(o.tagFormat, name, version)) {
      problems.push(
        `${shown} has tag "${escapeLogText(tag)}", but tag_format "${escapeLogText(o.tagFormat)}" names it ${formatTag(o.tagFormat, name, version)}`,
      );
    } else {
      packages.push({ name, version, tag });
    }
  }
  if (!lines.length) problems.push(`no "${PACKAGE_TRAILER}:" trailer`);
  return { packages: problems.length ? [] : packages, problems };
}
