/**
 * Version: the next version from the tags (local and remote), the bump (explicit, by commits, or the version this
 * run was making when it resumes), the files to bump, the packages and images to publish, and the notes, cut to
 * what GitHub accepts. Fetches the remote (not in a dry run) and, when resuming, checks out the release commit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderKeepAChangelog, typeMap } from '@release-actions/shared/changelog';
import { commitsSince, recommendBump } from '@release-actions/shared/commits';
import { defaultDistTag, guardLatest } from '@release-actions/shared/publish';
import {
  type Bump,
  imageTags,
  majorTag,
  nextVersion,
  npmPackages,
  parts,
  planManifestBump,
  releaseTags,
  type VersionTag,
} from '@release-actions/shared/versioning';
import { StageError } from '@release-actions/shared';
import { fitReleaseBody } from '../github-release.js';
import { NO_BUILD, type NothingToRelease, type ReleasePlan, type StepDeps } from '../types.js';
import type { Preflighted } from './preflight.js';

/** `version_bump: auto` found nothing releasable: thrown to stop the release quietly, before any side effect. */
export class NothingToReleaseSignal {
  constructor(readonly outcome: Omit<NothingToRelease, 'steps'>) {}
}

/** The remote's branch and tags fetched (not in a dry run); a resumed run checks its release commit out. */
export async function fetchForRelease(s: Preflighted, d: StepDeps): Promise<void> {
  const { cfg, git } = d;
  if (!cfg.dryRun) {
    await git.fetch(
      d.remote,
      [`+refs/heads/${cfg.releaseBranch}:refs/remotes/${d.remote}/${cfg.releaseBranch}`, '+refs/tags/*:refs/tags/*'],
      { force: true },
    );
    // The release commit is what this run publishes: check it out (the workspace gets its bumped manifests).
    if (s.resumeTagCommit) await git.checkoutDetached(s.resumeTagCommit);
  }
}

export async function version(
  s: Preflighted & { releaseVersion?: string },
  d: StepDeps,
): Promise<{ plan: ReleasePlan }> {
  await fetchForRelease(s, d);
  const plan = await makePlan(s, d);
  d.ledger.report('version', 'done', `${plan.previousVersion ?? '(none)'} → ${plan.version}`);
  return { plan };
}

async function makePlan(s: Preflighted & { releaseVersion?: string }, d: StepDeps): Promise<ReleasePlan> {
  const { git } = d;
  // A merged release pull request names the version it releases (steps/pull-request.ts).
  const cfg = s.releaseVersion ? { ...d.cfg, version: s.releaseVersion } : d.cfg;
  const { resume, resumeTagCommit, remoteTag } = s;
  const local = await git.tags(`${cfg.tagPrefix}*`);
  // Remote tags count too (a dry run does not fetch): a version tagged anywhere is taken.
  const all = new Map<string, { name: string; commit: string }>();
  for (const t of local) all.set(t.name, { name: t.name, commit: t.commit });
  const merged = await git.mergedTags('HEAD', `${cfg.tagPrefix}*`);
  let allTags = releaseTags([...all.values()], cfg.tagPrefix);
  const remoteOnly: VersionTag[] = [];
  for (const name of await remoteTagNames(d)) {
    if (!all.has(name)) remoteOnly.push(...releaseTags([{ name, commit: remoteTag(name) ?? '' }], cfg.tagPrefix));
  }
  allTags = [...allTags, ...remoteOnly];
  let mergedTags = allTags.filter((t) => merged.has(t.tag));
  let bump: ReleasePlan['bump'];
  let version: string;
  let previous: string | undefined;
  let prerelease: boolean;
  let backport: boolean;
  if (resume && resumeTagCommit) {
    version = resume.version;
    previous = typeof resume.previous_version === 'string' ? resume.previous_version : undefined;
    mergedTags = mergedTags.filter((t) => t.version !== version);
    allTags = allTags.filter((t) => t.version !== version);
    const n = nextVersion({
      merged: mergedTags,
      all: allTags,
      bump: 'patch',
      releaseType: cfg.releaseType,
      prereleaseId: cfg.prereleaseId,
      explicit: version,
    });
    previous ??= n.previous;
    prerelease = n.prerelease;
    backport = n.backport;
    bump = 'resumed';
  } else {
    let b: Bump;
    if (cfg.version) {
      bump = 'explicit';
      b = 'patch';
    } else if (cfg.versionBump === 'auto') {
      // The one Conventional Commits parser and bump rule (commits/), as the plan and changelog stages use it.
      const lastStable = mergedTags.find((t) => !t.version.includes('-'));
      const since = lastStable ?? mergedTags[0];
      const commits = await commitsSince(git, since?.tag);
      // Below 1.0.0 a breaking change bumps minor (0.4.1 → 0.5.0), as commits/ and the plan action decide.
      const rec = recommendBump(commits, lastStable?.version);
      if (rec === 'none') {
        const from = since ? since.tag : 'the start of the history';
        throw new NothingToReleaseSignal({
          status: 'nothing-to-release',
          reason: commits.length
            ? `no releasable commits since ${from} (${commits.length} commit${commits.length === 1 ? '' : 's'}, none a feat, fix, perf, revert or breaking change)`
            : `no commits since ${from}`,
          previousVersion: since?.version,
          previousTag: since?.tag,
          commits: commits.length,
        });
      }
      b = rec;
      bump = b;
    } else {
      b = cfg.versionBump;
      bump = b;
    }
    const rootVersion = npmPackages(d.workspace)[0]?.version;
    const n = nextVersion({
      merged: mergedTags,
      all: allTags,
      bump: b,
      releaseType: cfg.releaseType,
      prereleaseId: cfg.prereleaseId,
      explicit: cfg.version,
      manifestVersion: rootVersion,
      initialVersion: cfg.initialVersion,
    });
    version = n.version;
    previous = n.previous;
    prerelease = n.prerelease;
    backport = n.backport;
    if (resume && resume.version !== version) {
      throw new StageError(
        `this run was releasing ${resume.version}, but the next version is now ${version}: another release landed; nothing was changed`,
      );
    }
  }
  const tag = `${cfg.tagPrefix}${version}`;
  const pkgs = cfg.registries.includes('npm') ? npmPackages(d.workspace) : [];
  // latest never moves backwards (publish/latest.ts, as the plan checks it): a backport or refused.
  const guarded = guardLatest({
    version,
    prerelease,
    backport,
    found: s.registryLatest,
    releaseBranch: cfg.releaseBranch,
    defaultBranch: s.defaultBranch,
    distTag: (bp) =>
      cfg.npmDistTag ||
      defaultDistTag({ prerelease, prereleaseId: cfg.prereleaseId, backport: bp, major: parts(version).major }),
    tagPrefix: cfg.tagPrefix,
  });
  backport = guarded.backport;
  const distTag = guarded.distTag;
  const stableOthers = allTags.map((t) => t.version).filter((v) => v !== version);
  const files = resumeTagCommit ? [] : planManifestBump(d.workspace, version, { versionFiles: cfg.versionFiles });
  const npm = pkgs
    .filter((p) => !p.private)
    .map((p) => ({ name: p.name, dir: p.dir, distTag, provenance: s.npmAuth.provenance, auth: s.npmAuth.kind }));
  // The image's moving tags (X.Y, X, latest) never move below what its registry already holds either.
  const imageStable = (image: string) => s.registryLatest.find((r) => r.registry === 'docker' && r.name === image);
  const docker = s.docker
    ? cfg.dockerImages.map((image) => ({
        image,
        tags: imageTags(version, [...stableOthers, ...(imageStable(image)?.stable ?? [])]),
      }))
    : [];
  const notes =
    cfg.notes.trim() ||
    (await renderNotes(d, {
      version,
      tag,
      // The tag as it is named (`v1.0.0-rc.1+build.5`), not as the version would name it.
      previousTag: previous
        ? (mergedTags.find((t) => t.version === previous)?.tag ?? `${cfg.tagPrefix}${previous}`)
        : undefined,
      rev: resumeTagCommit ? `${resumeTagCommit}^` : 'HEAD',
    }));
  // Cut here, before anything is pushed: GitHub refuses a longer body (422) once the tag would already be out.
  const fitted = fitReleaseBody(notes, `${d.serverUrl}/${d.owner}/${d.repo}/blob/${tag}/CHANGELOG.md`);
  if (fitted.cut) {
    d.log.warning(
      `the release notes (${notes.length} characters) are longer than a GitHub Release body may be: the body keeps the first ${fitted.keptLines} lines and links to CHANGELOG.md for the rest`,
    );
  }
  const scripts = readScripts(d.workspace);
  return {
    version,
    previousVersion: previous,
    tag,
    commitMessage: `chore(release): ${tag}`,
    prerelease,
    backport,
    bump,
    files,
    npm,
    npmSkipped: pkgs.filter((p) => p.private).map((p) => p.name),
    docker,
    majorTag: cfg.updateMajorTag && !prerelease ? majorTag(version, stableOthers, cfg.tagPrefix) : undefined,
    makeLatest: !prerelease && !backport,
    testCommand: cfg.testCommand || (scripts.test ? 'npm test' : ''),
    buildCommand: cfg.buildCommand || (scripts.build ? 'npm run build' : NO_BUILD),
    resumed: Boolean(resume),
    notesBody: fitted.body,
  };
}

/** The release's tags on the remote (annotated tags listed once). */
async function remoteTagNames(d: StepDeps): Promise<string[]> {
  const refs = await d.git.lsRemote(d.remote, [`refs/tags/${d.cfg.tagPrefix}*`]);
  return [...refs.keys()].filter((k) => !k.endsWith('^{}')).map((k) => k.slice('refs/tags/'.length));
}

/**
 * Notes when none are given: the commits since the previous tag, rendered by the changelog module as the
 * changelog action renders a section (keep-a-changelog, linked to the repository), so a release's body and its
 * CHANGELOG.md section read the same.
 */
async function renderNotes(
  d: StepDeps,
  o: { version: string; tag: string; previousTag?: string; rev: string },
): Promise<string> {
  const since = o.previousTag && (await d.git.resolve(o.previousTag)) ? o.previousTag : undefined;
  const commits = await commitsSince(d.git, since, o.rev).catch(() => []);
  return renderKeepAChangelog({
    format: 'keep-a-changelog',
    version: o.version,
    date: (d.now?.() ?? new Date()).toISOString().slice(0, 10),
    ...(since ? { previousTag: since } : {}),
    currentTag: o.tag,
    repoUrl: `${d.serverUrl}/${d.owner}/${d.repo}`,
    commits,
    types: typeMap('keep-a-changelog'),
    breakingSection: true,
  }).notes;
}

export function readScripts(root: string): Record<string, string> {
  const f = join(root, 'package.json');
  if (!existsSync(f)) return {};
  try {
    return (JSON.parse(readFileSync(f, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    return {};
  }
}
