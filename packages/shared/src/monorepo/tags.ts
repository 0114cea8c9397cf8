/**
 * Per-package release tags: the `tag_format` template (`{name}@{version}` by default, changesets' style;
 * `{name}-v{version}`, release-please's; `v{version}` for a single package) and the adoption of the tags other
 * tools made as each package's releases: changesets and lerna (`@scope/name@1.2.3`, `name@1.2.3`), release-please
 * (`name-v1.2.3`, its component being the name without the scope). Nothing is re-released after a switch.
 */
import { StageError } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import { tagVersion, type VersionTag } from '../versioning/version.js';

export const DEFAULT_TAG_FORMAT = '{name}@{version}';

const PLACEHOLDER = /\{([^}]*)\}/g;

/**
 * Why `format` cannot name per-package tags (undefined when it can): it needs `{version}` once; `{name}` unless
 * there is a single package (else two packages' tags would collide); no other placeholder.
 */
export function tagFormatProblem(format: string, packageCount: number): string | undefined {
  const holes = [...format.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = holes.filter((h) => h !== 'name' && h !== 'version');
  if (unknown.length)
    return `Input "tag_format" has ${unknown.map((u) => `{${escapeLogText(u)}}`).join(', ')}; only {name} and {version} are replaced (such as {name}@{version} or {name}-v{version}).`;
  if (holes.filter((h) => h === 'version').length !== 1)
    return `Input "tag_format" is "${escapeLogText(format)}"; it needs {version} exactly once (such as {name}@{version}, {name}-v{version} or v{version}).`;
  if (packageCount > 1 && !holes.includes('name'))
    return `Input "tag_format" is "${escapeLogText(format)}" without {name}, but ${packageCount} packages are versioned independently: their tags would collide. Use {name}@{version} or {name}-v{version}.`;
  return undefined;
}

/** The tag `format` names for a package's version. */
export function formatTag(format: string, name: string, version: string): string {
  return format.replaceAll('{name}', name).replaceAll('{version}', version);
}

export type TagStyle = 'tag_format' | 'changesets/lerna' | 'release-please';

interface Pattern {
  prefix: string;
  suffix: string;
  style: TagStyle;
}

/** release-please's component for a node package: the name without its scope. */
export const unscoped = (name: string) => name.replace(/^@[^/]+\//, '');

function patternsFor(format: string, name: string): Pattern[] {
  const split = (f: string, style: TagStyle): Pattern => {
    const [pre = '', post = ''] = f.replaceAll('{name}', name).split('{version}');
    return { prefix: pre, suffix: post, style };
  };
  const out = [
    split(format, 'tag_format'),
    split('{name}@{version}', 'changesets/lerna'),
    split('{name}-v{version}', 'release-please'),
    { prefix: `${unscoped(name)}-v`, suffix: '', style: 'release-please' as const },
  ];
  return out.filter((p, i) => out.findIndex((q) => q.prefix === p.prefix && q.suffix === p.suffix) === i);
}

export interface PackageTag extends VersionTag {
  style: TagStyle;
}

/**
 * Each package's release tags among `tags`, in `format` or adopted from changesets, lerna and release-please.
 * A tag is one package's only: the longest matching prefix wins (`@a/core-utils@1.0.0` is core-utils', not core's).
 */
export function packageTags(
  tags: { name: string; commit: string }[],
  packages: string[],
  format: string,
): Map<string, PackageTag[]> {
  const out = new Map<string, PackageTag[]>(packages.map((n) => [n, []]));
  const all = packages.flatMap((name) => patternsFor(format, name).map((p) => ({ ...p, name })));
  all.sort((a, b) => b.prefix.length - a.prefix.length);
  for (const t of tags) {
    for (const p of all) {
      if (!t.name.startsWith(p.prefix) || !t.name.endsWith(p.suffix)) continue;
      const v = tagVersion(t.name.slice(0, t.name.length - p.suffix.length), p.prefix);
      if (!v) continue;
      out.get(p.name)?.push({ tag: t.name, version: v, commit: t.commit, style: p.style });
      break;
    }
  }
  return out;
}

/** Refuse a format that cannot name tags: the input's problem, before anything else is read. */
export function checkTagFormat(format: string, packageCount: number): void {
  const problem = tagFormatProblem(format, packageCount);
  if (problem) throw new StageError(problem);
}
