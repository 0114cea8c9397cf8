/** The changelog action's inputs and outputs: the single source of truth for action.yml and the README. */
import * as schema from '@release-actions/shared/action';

export const action = schema.defineAction('changelog', {
  description:
    'Conventional commits since the last release tag rendered as keep-a-changelog or conventional notes, with PR links and a recommended version bump.',
  inputs: {
    version: schema.semver({
      description: 'Version the new section is titled with. Empty: the recommended next version.',
      allowV: true,
    }),
    since_tag: schema.text({
      description: 'Tag to start from. Empty: the newest semver release tag reachable from HEAD.',
      identifier: true,
    }),
    format: schema.oneOf(['keep-a-changelog', 'conventional-commits'], {
      description: 'Output format of the notes and CHANGELOG.md section.',
      default: 'keep-a-changelog',
    }),
    include_prs: schema.bool({
      description: 'Link commits to their pull requests and authors (batched GraphQL).',
      default: 'true',
    }),
    breaking_changes_section: schema.bool({
      description: 'Put a "⚠ BREAKING CHANGES" section first, one entry per breaking note.',
      default: 'true',
    }),
    tag_prefix: schema.tagPrefixInput,
    ...schema.monorepoInputs,
    initial_version: schema.initialVersionInput,
    path: schema.text({
      description: 'Path of the changelog file, relative to the workspace.',
      default: 'CHANGELOG.md',
    }),
    write_file: schema.bool({ description: 'Write the new section into the changelog file.', default: 'true' }),
    types: schema.yamlInput<Record<string, unknown>>({
      description:
        'YAML or JSON mapping of commit types to sections, e.g. `{feat: Added, chore: hidden}`. Empty: the documented defaults.',
      shape: 'a YAML/JSON mapping of commit type to section name (or "hidden")',
      validate: (v) =>
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? Object.values(v).every((s) => typeof s === 'string' && s.trim() !== '')
            ? { value: v as Record<string, unknown> }
            : { error: 'every value must be a section name' }
          : { error: 'not a mapping' },
    }),
    all_releases: schema.bool({
      description: 'Render every release tag, first to last, plus the new section (since_tag ignored).',
      default: 'false',
    }),
    token: schema.githubToken('GitHub token for PR and author look-ups.'),
  },
  outputs: {
    notes:
      'Markdown of the new section (versioning: independent: a `## <tag>` section per released package, each from its own commits).',
    packages:
      'versioning: independent: JSON list of {name, version, tag, path, changelog_path} of the packages released, in publish order; [] otherwise.',
    notes_file:
      "A file under RUNNER_TEMP holding the notes: hand them on as a file (an artifact, the release action's notes_file), never as an input or environment variable (one over 128 KiB stops a step from starting).",
    version: 'Version the new section is titled with (the version model of docs/versioning.md).',
    recommended_bump: 'major, minor, patch or none.',
    previous_tag: 'The tag the history starts from (empty when there is none).',
    commit_count:
      'Commits in the range the notes cover (since the previous tag; every release with all_releases), hidden types included, merge commits not counted.',
    breaking_count: 'Number of breaking changes.',
    changelog_path: 'Path of the changelog file written.',
  },
  branding: { icon: 'book-open', color: 'blue' },
  refine: (v) => schema.monorepoProblems(v),
});
