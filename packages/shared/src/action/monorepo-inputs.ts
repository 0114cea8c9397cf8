/**
 * The monorepo inputs the plan, changelog and release actions share (one definition, so the three agree on
 * names, defaults and what they accept), and their checks that need no file.
 */
import { DEFAULT_TAG_FORMAT, type MonorepoOptions, parseGroups, tagFormatProblem } from '../monorepo/index.js';
import { type InputProblem, oneOf, text } from './inputs.js';

const GROUPS = {
  multiline: true,
  maxLength: 100_000,
  pattern: /^[\w@./~\s,-]*$/,
  patternHint: 'one group per line, its workspace package names separated by spaces or commas (@scope/a @scope/b)',
} as const;

export const monorepoInputs = {
  versioning: oneOf(['fixed', 'independent'], {
    description:
      'fixed: one version for the repository (every workspace package at it); independent: each workspace package its own version, tag, changelog and release (docs/monorepo.md).',
    default: 'fixed',
  }),
  tag_format: text({
    description:
      "independent: each package's tag, {name} and {version} replaced: {name}@{version} (changesets, lerna), {name}-v{version} (release-please), v{version} (a single package). Tags of those three styles count as releases whatever the format.",
    default: DEFAULT_TAG_FORMAT,
    pattern: /^[\w@./{}+-]+$/,
    patternHint: 'a tag template of letters, digits, . _ / @ + - and the placeholders {name} and {version}',
  }),
  shared_paths: text({
    description:
      'independent: paths outside the packages whose changes count for every package (a root tsconfig, shared build scripts), one per line or comma separated; a directory, a file or a glob.',
    multiline: true,
    maxLength: 100_000,
    pattern: /^[\w@./*\s,+-]*$/,
    patternHint: 'relative paths or globs (letters, digits, . _ / @ + - *), one per line or comma separated',
  }),
  fixed_groups: text({
    description:
      "independent: packages that always share one version, one group per line (changesets' `fixed`): when one is released, all are.",
    ...GROUPS,
  }),
  linked_groups: text({
    description:
      "independent: packages that share a version when released together, one group per line (changesets' `linked`).",
    ...GROUPS,
  }),
};

/** shared_paths as a list (lines and commas). */
export const sharedPathList = (raw: string) =>
  raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The groups as lists of names. */
export const groupsOf = (v: { fixed_groups: string; linked_groups: string }) => ({
  fixed: parseGroups(v.fixed_groups.split('\n')),
  linked: parseGroups(v.linked_groups.split('\n')),
});

/** The values monorepoOptions reads: the monorepo inputs, initial_version and (plan, release) what is released. */
export interface MonorepoValues {
  tag_format: string;
  shared_paths: string;
  fixed_groups: string;
  linked_groups: string;
  initial_version?: string | undefined;
  release_type?: MonorepoOptions['releaseType'];
  prerelease_id?: string;
  version_bump?: MonorepoOptions['versionBump'];
}

/**
 * The monorepo plan's options from the inputs; an action without release_type, prerelease_id or version_bump
 * (the changelog) plans a stable release bumped from the commits.
 */
export const monorepoOptions = (v: MonorepoValues): MonorepoOptions => ({
  tagFormat: v.tag_format,
  sharedPaths: sharedPathList(v.shared_paths),
  groups: groupsOf(v),
  releaseType: v.release_type ?? 'stable',
  prereleaseId: v.prerelease_id ?? 'rc',
  versionBump: v.version_bump ?? 'auto',
  ...(v.initial_version ? { initialVersion: v.initial_version } : {}),
});

/** What the monorepo inputs' values alone refuse: a tag format without {version} (the package count comes later). */
export function monorepoProblems(v: { versioning: string; tag_format: string }): InputProblem[] {
  if (v.versioning !== 'independent') return [];
  const p = tagFormatProblem(v.tag_format, 1);
  return p ? [{ input: 'tag_format', message: p }] : [];
}
