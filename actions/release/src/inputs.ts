/** The release action's inputs and outputs: the single source of truth for action.yml and the README. */
import {
  bool,
  defineAction,
  duration,
  GITHUB_TOKEN_DEFAULT,
  list,
  oneOf,
  secret,
  semver,
  text,
  url,
} from '@release-actions/shared/action';

export const action = defineAction({
  id: 'release',
  name: 'release-actions: release',
  description:
    'Resumable semver release: version bump, tests and build, commit and annotated tag pushed atomically, GitHub Release, npm and container publishing, verification, status ledger.',
  branding: { icon: 'tag', color: 'green' },
  inputs: {
    version_bump: oneOf(['major', 'minor', 'patch', 'auto'], {
      description: 'Which part of the version to bump; auto: from the conventional commits since the last tag.',
      default: 'auto',
    }),
    release_branch: text({ description: 'Branch releases are cut from.', default: 'main', identifier: true }),
    release_type: oneOf(['stable', 'prerelease'], {
      description: 'stable, or prerelease (X.Y.Z-<prerelease_id>.N).',
      default: 'stable',
    }),
    publish_registries: list({
      description: 'Comma or newline separated registries to publish to.',
      values: ['npm', 'docker'],
    }),
    skip_tests: bool({
      description: 'Refused when true: tests are never skipped.',
      default: 'false',
      refuseTrue: 'tests are never skipped',
    }),
    skip_build: bool({
      description: 'Refused when true: builds are never skipped.',
      default: 'false',
      refuseTrue: 'builds are never skipped',
    }),
    version: semver({
      description: 'Explicit version (overrides version_bump); must be above the last release.',
      allowV: true,
    }),
    tag_prefix: text({ description: 'Prefix of release tags.', default: 'v', identifier: true }),
    prerelease_id: text({
      description: 'Prerelease identifier (rc, beta, alpha…).',
      default: 'rc',
      pattern: /^[0-9A-Za-z-]+$/,
      patternHint: 'a semver identifier of letters, digits and hyphens (rc, beta, alpha)',
    }),
    notes: text({
      description: "Release notes (markdown), e.g. the changelog stage's `notes` output.",
      multiline: true,
    }),
    npm_registry_url: url({ description: 'npm registry to publish to.', default: 'https://registry.npmjs.org/' }),
    docker_images: list({
      description: 'Images to build and push, one `registry/name` per line.',
      item: text({
        description: 'image',
        pattern: /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/,
        patternHint: 'registry/name in lower case',
      }),
    }),
    status_branch: text({
      description: 'Branch holding release-status.yaml.',
      default: 'release-status',
      identifier: true,
    }),
    announce_webhook_url: url({ description: 'Webhook that receives the release announcement (treated as a secret).' }),
    verify_timeout: duration({
      description: 'How long to wait for published packages to become visible.',
      default: '10m',
      min: 1000,
    }),
    dry_run: bool({ description: 'Print the plan and change nothing.', default: 'false' }),
    token: secret({ description: 'GitHub token with contents: write.', default: GITHUB_TOKEN_DEFAULT }),
  },
  outputs: {
    version: { description: 'The version released.' },
    previous_version: { description: 'The previous release version.' },
    tag: { description: 'The release tag.' },
    release_url: { description: 'URL of the GitHub Release.' },
    release_id: { description: 'Id of the GitHub Release.' },
    published: { description: 'JSON list of {registry, name, version, url, digest_or_integrity}.' },
    status: { description: 'released, dry-run, or failed.' },
  },
});
