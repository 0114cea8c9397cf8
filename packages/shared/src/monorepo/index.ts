/**
 * Monorepos: packages versioned independently (`versioning: independent`). Which file is which:
 *
 * - `workspaces.ts`: the packages, from npm/yarn `workspaces` or pnpm-workspace.yaml (globs, negations).
 * - `graph.ts`: who depends on whom (all four dependency fields, `workspace:` ranges), publish order, cycles.
 * - `tags.ts`: `tag_format` and the adoption of changesets', lerna's and release-please's tags.
 * - `history.ts`: each package's commits since its last release (its directory and `shared_paths`).
 * - `groups.ts`: `fixed_groups` and `linked_groups` (changesets' semantics), checked against the packages.
 * - `manifests.ts`: the per-package version and internal range edits (package.json, package-lock.json);
 *   `yarn-lock.ts` and `pnpm-lock.ts`: the same ranges in a yarn 2+ yarn.lock and in pnpm-lock.yaml.
 * - `plan.ts`: all of the above into one plan: which packages, which versions, why, in publish order.
 * - `latest.ts`: the public packages a release publishes to npm, and each one's check against its registry's latest.
 * - `notes.ts`: each released package's notes and CHANGELOG.md section (its own commits), and a run's aggregate.
 * - `trailers.ts`: the packages a release pull request's commit records (`Release-Actions-Package:`), read strictly.
 *
 * The next version of each package comes from versioning/version.ts's `nextVersion`, as in a single-package
 * release; the commits' bump from commits/.
 */
export * from './workspaces.js';
export * from './graph.js';
export * from './tags.js';
export * from './history.js';
export * from './groups.js';
export * from './manifests.js';
export * from './plan.js';
export * from './notes.js';
export * from './latest.js';
export * from './trailers.js';
