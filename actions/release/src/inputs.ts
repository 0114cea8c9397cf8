/** The release action's inputs and outputs: the single source of truth for action.yml and the README. */
import * as schema from '@release-actions/shared/action';
import { SIGSTORE } from '@release-actions/shared/attest';

export const action = schema.defineAction('release', {
  description:
    'Resumable semver release: version bump, tests and build, commit and annotated tag pushed atomically, GitHub Release, npm and container publishing, verification, status ledger.',
  inputs: {
    version_bump: schema.versionBumpInput,
    release_branch: schema.releaseBranchInput,
    release_mode: schema.oneOf(['direct', 'tag-only', 'pull-request'], {
      description:
        'How the release lands under branch protection (docs/protected-branches.md). direct: the release commit and tag pushed to release_branch atomically; tag-only: no commit on the branch, the tag on the tested commit, manifests bumped in the workspace only; pull-request: a release pull request (head release-actions/<release_branch>, label `autorelease: pending`) is opened or updated with the bumps and CHANGELOG.md, committed through the GitHub API (signed); the run on its merge commit tags it, releases and publishes.',
      default: 'direct',
    }),
    release_type: schema.releaseTypeInput,
    publish_registries: schema.publishRegistriesInput,
    skip_tests: schema.bool({
      description: 'Refused when true: tests are never skipped.',
      default: 'false',
      refuseTrue: 'tests are never skipped',
    }),
    skip_build: schema.bool({
      description: 'Refused when true: builds are never skipped.',
      default: 'false',
      refuseTrue: 'builds are never skipped',
    }),
    version: schema.semver({
      description: 'Explicit version (overrides version_bump); must be above the last release.',
      allowV: true,
    }),
    tag_prefix: schema.tagPrefixInput,
    ...schema.monorepoInputs,
    github_release: schema.oneOf(['per-package', 'aggregate'], {
      description:
        "versioning: independent: a GitHub Release per package (on its tag), or one for the run (on the first package's tag) with a section per package.",
      default: 'per-package',
    }),
    initial_version: schema.initialVersionInput,
    prerelease_id: schema.prereleaseIdInput,
    notes: schema.text({
      description: "Release notes (markdown), e.g. the changelog stage's `notes` output.",
      multiline: true,
    }),
    notes_file: schema.text({
      description:
        "File with the release notes, relative to the workspace, or absolute inside RUNNER_TEMP (the changelog action's notes_file, handed over as an artifact); used when `notes` is empty. Prefer it to `notes`: an input is an environment variable, and one over 128 KiB stops the step from starting.",
      pattern: /^(?!.*\.\.)[\w./@+-]+$/,
      patternHint:
        'a relative path inside the workspace, or an absolute one inside RUNNER_TEMP (letters, digits and . _ / @ + -, no ..)',
    }),
    test_command: schema.text({
      description: 'Command that runs the tests (bash). Default: `npm test` when package.json has a test script.',
    }),
    build_command: schema.text({
      description: 'Command that builds (bash). Default: `npm run build` when package.json has a build script.',
    }),
    version_files: schema.list({
      description:
        'Extra files whose lines marked `x-release-actions-version` carry the version (the first X.Y.Z on such a line is replaced).',
      item: schema.text({
        description: 'file',
        pattern: /^(?!\/)(?!.*\.\.)[\w./@+-]+$/,
        patternHint: 'a relative path inside the workspace (no ..)',
      }),
    }),
    assets: schema.list({
      description: 'Files to attach to the GitHub Release (relative paths; `*` matches within a file name).',
      item: schema.text({
        description: 'asset',
        pattern: /^(?!\/)(?!.*\.\.)[\w./@+*-]+$/,
        patternHint: 'a relative path or pattern inside the workspace (no ..)',
      }),
    }),
    npm_registry_url: schema.npmRegistryUrlInput,
    npm_dist_tag: schema.text({
      description: 'npm dist-tag. Default: latest (stable), the prerelease id (prerelease), latest-<major> (backport).',
      pattern: /^[A-Za-z][0-9A-Za-z._-]*$/,
      patternHint: 'a dist-tag name starting with a letter (latest, next, rc)',
    }),
    npm_access: schema.text({
      description: 'npm --access for scoped packages: public or restricted (empty: the registry default).',
      pattern: /^(public|restricted)$/,
      patternHint: 'public or restricted',
    }),
    provenance: schema.oneOf(['auto', 'true', 'false'], {
      description:
        'npm --provenance: auto = when the job has id-token: write and publishes to registry.npmjs.org; true = required.',
      default: 'auto',
    }),
    attest: schema.oneOf(['auto', 'true', 'false'], {
      description:
        "Signed build provenance (SLSA v1, Sigstore keyless) for every release asset, npm tarball, image digest and SBOM, stored in GitHub's attestations API, as OCI referrers of images and on the release, and verified before the release is published (docs/supply-chain.md). auto: when the job has `permissions: id-token: write`; true: required (refused without it); false: off.",
      default: 'auto',
    }),
    fulcio_url: schema.url({
      description: `Sigstore Fulcio (certificate authority) to sign with. Default: the public instance; private repositories use GitHub's, ${SIGSTORE.github.fulcio} (with tsa_url and rekor_url: none).`,
      default: SIGSTORE.public.fulcio,
    }),
    rekor_url: schema.text({
      description:
        'Sigstore Rekor (transparency log) that records each signature, or `none` (then tsa_url is required).',
      default: SIGSTORE.public.rekor,
      pattern: /^(https?:\/\/[^\s]+|none)$/,
      patternHint: 'an http(s) URL, or none',
    }),
    tsa_url: schema.url({
      description: `RFC 3161 timestamp authority (optional with Rekor). GitHub's for private repositories: ${SIGSTORE.github.tsa}.`,
    }),
    trusted_root: schema.text({
      description:
        "Sigstore trusted_root.json to verify against: an https URL or a file in the workspace. Default: the public Sigstore root through TUF. Needed for GitHub's private instance or your own.",
      pattern: /^(https?:\/\/[^\s]+|(?!\/)(?!.*\.\.)[\w./@+-]+)$/,
      patternHint: 'an http(s) URL, or a relative path inside the workspace (no ..)',
    }),
    docker_images: schema.dockerImagesInput,
    docker_context: schema.text({
      description: 'Docker build context, relative to the workspace.',
      default: '.',
      pattern: /^(?!\/)(?!.*\.\.)[\w./@+-]+$/,
      patternHint: 'a relative path inside the workspace (no ..)',
    }),
    dockerfile: schema.text({
      description: 'Dockerfile, relative to the workspace (default: <docker_context>/Dockerfile).',
      pattern: /^(?!\/)(?!.*\.\.)[\w./@+-]+$/,
      patternHint: 'a relative path inside the workspace (no ..)',
    }),
    docker_build_args: schema.list({
      description: 'Build arguments, one NAME=value per line.',
      item: schema.text({
        description: 'build arg',
        pattern: /^[A-Za-z_][A-Za-z0-9_]*=[^\n]*$/,
        patternHint: 'NAME=value',
      }),
    }),
    registry_username: schema.text({
      description: 'Container registry user (else the docker config the job logged in with).',
    }),
    registry_password: schema.secret({ description: 'Container registry password or token (masked).' }),
    update_major_tag: schema.bool({
      description: 'Move the major tag (v1) to this release when it is the highest of its major (action repositories).',
      default: 'false',
    }),
    status_branch: schema.text({
      description: 'Branch holding release-status.yaml.',
      default: 'release-status',
      identifier: true,
    }),
    announce_webhook_url: schema.url({
      description: 'Webhook that receives the release announcement (treated as a secret).',
    }),
    announce_format: schema.oneOf(['slack', 'json'], {
      description: 'slack: Slack-compatible message (text + blocks); json: a generic JSON payload.',
      default: 'slack',
    }),
    verify_timeout: schema.duration({
      description: 'How long to wait for published packages to become visible.',
      default: '10m',
      min: 1000,
    }),
    dry_run: schema.bool({ description: 'Print the plan and change nothing.', default: 'false' }),
    token: schema.githubToken(
      'GitHub token with contents: write (release_mode pull-request: and pull-requests: write). Pull requests opened with GITHUB_TOKEN start no workflow (no CI on the release PR): pass a GitHub App token (actions/create-github-app-token) or a PAT for pull-request mode (docs/protected-branches.md).',
    ),
  },
  outputs: {
    version: 'The version released (empty when there is nothing to release).',
    previous_version: 'The previous release version.',
    tag: 'The release tag.',
    release_url: 'URL of the GitHub Release.',
    release_id: 'Id of the GitHub Release.',
    published: 'JSON list of {registry, name, version, url, digest_or_integrity}.',
    status:
      'released, dry-run, nothing-to-release (version_bump: auto found no releasable commit; version is empty), unverified (published, not yet visible: re-run to finish), pull-request (release_mode pull-request: the release PR was opened or updated, nothing released), or failed.',
    released: 'true when this run released (the version is tagged, released and published), else false.',
    pull_request_number: 'release_mode pull-request: the number of the release PR opened or updated.',
    pull_request_url: 'release_mode pull-request: the URL of the release PR opened or updated.',
    pull_request_change:
      'release_mode pull-request: opened, updated or unchanged (the release PR already said it all).',
  },
  branding: { icon: 'tag', color: 'green' },
  refine(v) {
    const problems: schema.InputProblem[] = schema.monorepoProblems(v);
    if (v.versioning === 'independent' && v.publish_registries.includes('docker'))
      problems.push({
        input: 'publish_registries',
        message:
          'Input "publish_registries" has docker, but versioning is independent: an image has one version, the packages each their own. Publish images from a workflow job per package (the plan\'s packages output), or use versioning: fixed.',
      });
    if (v.versioning === 'independent' && v.update_major_tag)
      problems.push({
        input: 'update_major_tag',
        message:
          'Input "update_major_tag" is true, but versioning is independent: a moving major tag (v1) names one version of the repository. Set it to false.',
      });
    if (v.registry_password && !v.registry_username)
      problems.push({
        input: 'registry_username',
        message: 'Input "registry_username" is empty but required when registry_password is given.',
      });
    if (v.rekor_url === 'none' && !v.tsa_url)
      problems.push({
        input: 'tsa_url',
        message: `Input "tsa_url" is empty but required when rekor_url is none: a signature needs a transparency log or a timestamp (GitHub's: ${SIGSTORE.github.tsa}).`,
      });
    if (!v.token)
      problems.push({
        input: 'token',
        message:
          'Input "token" is empty; expected a GitHub token with contents: write. In a workflow it defaults to GITHUB_TOKEN (${{ github.token }}): give the job `permissions: { contents: write }`. With the CLI: export GITHUB_TOKEN (a token with contents: write on the repository).',
      });
    return problems;
  },
});
