/**
 * Inputs that the plan and the release read alike (what is released, from which branch, to which registries):
 * one definition, so the plan's preview checks what the release will do with the same names and values.
 */
import { list, semver, text, url } from './inputs.js';

export const releaseBranchInput = text({
  description:
    "Branch releases are cut from. A release from another branch than the repository's default one is a backport: it may be below a registry's latest, under its own dist-tag.",
  default: 'main',
  identifier: true,
});

export const initialVersionInput = semver({
  description:
    "First release's version when no release tag exists yet (docs/versioning.md). Empty: the root package.json's version (placeholders such as 0.0.0-development count as none), else 1.0.0.",
  allowV: true,
});

export const publishRegistriesInput = list({
  description: 'Comma or newline separated registries to publish to.',
  values: ['npm', 'docker'],
});

export const npmRegistryUrlInput = url({
  description: 'npm registry to publish to.',
  default: 'https://registry.npmjs.org/',
});

export const dockerImagesInput = list({
  description: 'Images to build and push, one `registry/name` per line.',
  item: text({
    description: 'image',
    pattern: /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/,
    patternHint: 'registry/name in lower case',
  }),
});
