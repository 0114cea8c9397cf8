/**
 * Version, with versioning: independent: each workspace package's next version and tag (packages/shared
 * monorepo/: its own commits, its dependents patched, groups), its notes from its own commits only, its
 * CHANGELOG.md section, and the manifests and ranges to bump; the packages to publish in publish order. A resumed
 * run plans from the tested commit (the parent of its release commit), leaving out the tags it pushed itself.
 */
import {
  aggregateNotes,
  changelogChange,
  guardPackagesLatest,
  packageNotes,
  type PackagePlan,
  planMonorepo,
  type RecordedPackage,
} from '@release-actions/shared/monorepo';
import { type FileChange, releaseKind } from '@release-actions/shared/versioning';
import { escapeLogText, StageError } from '@release-actions/shared';
import { fitReleaseBody } from '../github-release.js';
import { NO_BUILD, type PackageRelease, type ReleasePlan, type StepDeps } from '../types.js';
import type { Preflighted } from './preflight.js';
import { fetchForRelease, NothingToReleaseSignal, readScripts } from './version.js';

export async function packagesVersion(
  s: Preflighted & { releasePackages?: RecordedPackage[]; releasePr?: { headSha: string } },
  d: StepDeps,
): Promise<{ plan: ReleasePlan }> {
  const { cfg, git } = d;
  await fetchForRelease(s, d);
  const recorded = Array.isArray(s.resume?.packages) ? (s.resume.packages as RecordedPackage[]) : undefined;
  // The merge of a release PR (steps/pull-request.ts) releases what the PR recorded: never planned again.
  const fromPr = s.releasePackages;
  const ownTags = [...(recorded ?? []), ...(fromPr ?? [])].map((p) => p.tag);
  const mono = await planMonorepo(git, d.workspace, {
    tagFormat: cfg.tagFormat,
    sharedPaths: cfg.sharedPaths,
    groups: cfg.groups,
    releaseType: cfg.releaseType,
    prereleaseId: cfg.prereleaseId,
    versionBump: cfg.versionBump,
    ...(cfg.initialVersion ? { initialVersion: cfg.initialVersion } : {}),
    // Direct mode's tag is on the release commit, tag-only's (and a release PR's merge) on the tested commit.
    ...(s.resumeTagCommit ? { rev: cfg.releaseMode === 'direct' ? `${s.resumeTagCommit}^` : s.resumeTagCommit } : {}),
    ...(ownTags.length ? { ignoreTags: new Set(ownTags) } : {}),
  });
  const released = fromPr
    ? recordedPlans(mono.packages, fromPr, new Set([s.head, s.releasePr?.headSha ?? '']))
    : mono.packages.filter((p) => p.release);
  if (!released.length) {
    const commits = new Set(mono.packages.flatMap((p) => p.commits.map((c) => c.hash))).size;
    throw new NothingToReleaseSignal({
      status: 'nothing-to-release',
      reason: `no package has releasable commits since its last release (${mono.packages.length} packages, ${commits} commits, none a feat, fix, perf, revert or breaking change)`,
      commits,
    });
  }
  if (recorded) {
    const now = released.map((p) => `${p.name}@${p.version}`).join(', ');
    const then = recorded.map((p) => `${p.name}@${p.version}`).join(', ');
    if (now !== then)
      throw new StageError(
        `this run was releasing ${escapeLogText(then)}, but the plan is now ${escapeLogText(now)}: another release landed; nothing was changed`,
      );
  }
  // Resumed in direct mode, or a merged release PR: the commit (checked out) carries the files already.
  const committed = Boolean(fromPr) || (Boolean(s.resumeTagCommit) && cfg.releaseMode === 'direct');
  const date = (d.now?.() ?? new Date()).toISOString().slice(0, 10);
  const repoUrl = `${d.serverUrl}/${d.owner}/${d.repo}`;
  const packages: PackageRelease[] = [];
  const changelogs: FileChange[] = [];
  for (const p of released) {
    const tag = p.tag as string;
    const n = packageNotes(p, { repoUrl, date });
    const fitted = fitReleaseBody(n.notes, `${repoUrl}/blob/${encodeURIComponent(tag)}/${p.path}/CHANGELOG.md`);
    packages.push({
      name: p.name,
      dir: p.path,
      version: p.version,
      ...(p.previousVersion ? { previousVersion: p.previousVersion } : {}),
      tag,
      ...(p.previousTag ? { previousTag: p.previousTag } : {}),
      bump: p.bump ?? 'patch',
      private: p.private,
      prerelease: p.prerelease ?? false,
      backport: p.backport ?? false,
      reasons: p.reasons,
      notesBody: fitted.body,
    });
    if (!committed) changelogs.push(changelogChange(d.workspace, p, n));
  }
  const lead = packages[0] as PackageRelease;
  // latest never moves backwards, per package (monorepo/latest.ts, as the plan checks it): a package whose registry
  // holds a higher latest is a backport from another branch, or the whole release is refused before any side effect.
  const publicPackages = cfg.registries.includes('npm') ? packages.filter((p) => !p.private) : [];
  const guarded = guardPackagesLatest(publicPackages, {
    found: s.registryLatest,
    releaseBranch: cfg.releaseBranch,
    defaultBranch: s.defaultBranch,
    prereleaseId: cfg.prereleaseId,
    tagFormat: cfg.tagFormat,
    distTag: cfg.npmDistTag,
  });
  const npm = publicPackages.map((p) => {
    const g = guarded.get(p.name) as { backport: boolean; distTag: string };
    p.backport = g.backport;
    return {
      name: p.name,
      dir: p.dir,
      version: p.version,
      distTag: g.distTag,
      provenance: s.npmAuth.provenance,
      auth: s.npmAuth.kind,
    };
  });
  const aggregate = aggregateNotes(packages.map((p) => ({ tag: p.tag, version: p.version, notes: p.notesBody })));
  const fitted = fitReleaseBody(aggregate, `${repoUrl}/tree/${encodeURIComponent(lead.tag)}`);
  const scripts = readScripts(d.workspace);
  const plan: ReleasePlan = {
    version: lead.version,
    ...(lead.previousVersion ? { previousVersion: lead.previousVersion } : {}),
    tag: lead.tag,
    commitMessage: `chore(release): publish\n\n${packages.map((p) => `- ${p.tag}`).join('\n')}`,
    prerelease: packages.every((p) => p.prerelease),
    backport: false,
    bump: s.resume ? 'resumed' : (lead.bump as ReleasePlan['bump']),
    files: committed ? [] : [...mono.files, ...changelogs],
    npm,
    npmSkipped: packages.filter((p) => p.private).map((p) => p.name),
    docker: [],
    makeLatest: !lead.prerelease && !lead.backport,
    testCommand: cfg.testCommand || (scripts.test ? 'npm test' : ''),
    buildCommand: cfg.buildCommand || (scripts.build ? 'npm run build' : NO_BUILD),
    resumed: Boolean(s.resume),
    notesBody: fitted.body,
    packages,
  };
  d.ledger.report('version', 'done', packages.map((p) => `${p.previousTag ?? '(none)'} → ${p.tag}`).join(', '));
  return { plan };
}

/**
 * The packages a merged release PR recorded, in publish order, at the versions and tags it recorded: their
 * directories, previous releases and commits (for the notes) from the plan of the merge commit, whose own
 * bumps are not used (its manifests are bumped already; planning again would release another set). The PR's
 * own commit and its merge are not among the notes' commits (a dependent's notes say why it is released).
 */
function recordedPlans(plans: PackagePlan[], recorded: RecordedPackage[], releaseCommits: Set<string>): PackagePlan[] {
  return plans.flatMap((p) => {
    const r = recorded.find((x) => x.name === p.name);
    if (!r) return [];
    const same = p.release && p.version === r.version;
    const kind = releaseKind(p.previousVersion, r.version);
    const bump = kind === 'major' || kind === 'minor' ? kind : 'patch';
    return [
      {
        ...p,
        release: true,
        version: r.version,
        tag: r.tag,
        bump,
        prerelease: r.version.includes('-'),
        backport: same ? (p.backport ?? false) : false,
        reasons: same ? p.reasons : [...p.reasons, `recorded by the release pull request at ${r.version}`],
        commits: p.commits.filter((c) => !releaseCommits.has(c.hash)),
      },
    ];
  });
}
