/**
 * Inputs that the plan and the release (and, for tags, the changelog) read alike (which version, what is released,
 * from which branch, to which registries): one definition, so the plan's preview checks what the release will do
 * with the same names and values. Each spec is marked pure, so that an action's bundle leaves out those it does not
 * use.
 */
import { list, oneOf, semver, text, url } from './inputs.js';

export const versionBumpInput = /* @__PURE__ */ oneOf(['major', 'minor', 'patch', 'auto'], {
  description:
    'Which part of the version to bump; auto: from the conventional commits since the last tag (nothing to release when none is releasable).',
  default: 'auto',
});

export const releaseTypeInput = /* @__PURE__ */ oneOf(['stable', 'prerelease'], {
  description: 'stable, or prerelease (X.Y.Z-<prerelease_id>.N).',
  default: 'stable',
});

export const prereleaseIdInput = /* @__PURE__ */ text({
  description: 'Prerelease identifier (rc, beta, alpha…).',
  default: 'rc',
  pattern: /^[0-9A-Za-z-]+$/,
  patternHint: 'a semver identifier of letters, digits and hyphens (rc, beta, alpha)',
});

export const tagPrefixInput = /* @__PURE__ */ text({
  description: 'Prefix of release tags (versioning: fixed).',
  default: 'v',
  identifier: true,
});

export const releaseBranchInput = /* @__PURE__ */ text({
  description:
    "Branch releases are cut from. A release from another branch than the repository's default one is a backport: it may be below a registry's latest, under its own dist-tag.",
  default: 'main',
  identifier: true,
});

export const initialVersionInput = /* @__PURE__ */ semver({
  description:
    "First release's version when no release tag exists yet (docs/versioning.md). Empty: the root package.json's version (placeholders such as 0.0.0-development count as none), else 1.0.0.",
  allowV: true,
});

export const publishRegistriesInput = /* @__PURE__ */ list({
  description: 'Comma or newline separated registries to publish to.',
  values: ['npm', 'docker'],
});

export const npmRegistryUrlInput = /* @__PURE__ */ url({
  description: 'npm registry to publish to.',
  default: 'https://registry.npmjs.org/',
});

export const dockerImagesInput = /* @__PURE__ */ list({
  description: 'Images to build and push, one `registry/name` per line.',
  item: text({
    description: 'image',
    pattern: /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/,
    patternHint: 'registry/name in lower case',
  }),
});
