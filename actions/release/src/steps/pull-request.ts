/**
 * release_mode pull-request (docs/protected-branches.md), in two phases decided by the commit this run is for:
 *
 * - Any commit of the release branch that is not a merged release PR: the release PR is opened, or the open one
 *   updated (never a second). Its one commit (made through the git data API, so GitHub signs it) carries every
 *   file change the version step planned (however many packages) and CHANGELOG.md, on the branch's tip; its body
 *   is the notes and the plan. Nothing is tagged, published or deployed.
 * - The merge of that PR (the branch's tip is the merge commit GitHub associates with it, labelled pending): the
 *   version its release commit names (trailer `Release-Actions-Version:`) is released from the merge commit, as
 *   tag-only would (the tag on the tested commit; the manifests are already bumped), and the label becomes tagged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PREAMBLE, decodeText, encodeText, upsertSection } from '@release-actions/shared/changelog';
import type { ReleasePr } from '@release-actions/shared/github';
import type { FileChange } from '@release-actions/shared/versioning';
import {
  discoverWorkspace,
  hasPackageTrailers,
  PACKAGE_TRAILER,
  packageTrailers,
  readPackageTrailers,
  type RecordedPackage,
  type Workspace,
} from '@release-actions/shared/monorepo';
import { cell } from '@release-actions/shared/action';
import { escapeLogText, StageError } from '@release-actions/shared';
import type { StepResult } from '../ledger.js';
import type { PackageRelease, ReleasePlan, StepDeps } from '../types.js';
import type { Preflighted } from './preflight.js';
import { NothingToReleaseSignal } from './version.js';

export const VERSION_TRAILER = 'Release-Actions-Version';

export interface PullRequestOutcome {
  number: number;
  url: string;
  change: 'opened' | 'updated' | 'unchanged';
  commit: string;
  verified: boolean;
}

const githubModule = () => import('@release-actions/shared/github');

/** Which phase this run is: the merge of the release PR (its version or packages), or anything else (open/update the PR). */
export async function releasePrPhase(
  s: Preflighted,
  d: StepDeps,
): Promise<{ releasePr?: ReleasePr; releaseVersion?: string; releasePackages?: RecordedPackage[] }> {
  if (d.cfg.releaseMode !== 'pull-request') return {};
  const gh = await githubModule();
  const repo = { owner: d.owner, repo: d.repo };
  const merged = await d.ledger.within('version', () =>
    gh.mergedReleasePr(d.gh, repo, { commit: s.head, base: d.cfg.releaseBranch }),
  );
  if (!merged) {
    await noUnreleasedMerge(s, d);
    d.log.info(
      `${s.head.slice(0, 12)} is not the merge of a release pull request: the release pull request is opened or updated`,
    );
    return {};
  }
  const rel = await d.ledger.within('version', async () => {
    // Read once: the trailers are checked against its packages, then the merge commit's manifests.
    const ws = d.cfg.versioning === 'independent' ? await discoverWorkspace(d.workspace) : undefined;
    const r = await prRelease(d, merged, ws);
    if (r.packages && ws) manifestsAgree(d, merged, r.packages, ws);
    return r;
  });
  // Tagged already, by another run: every side effect was made (the label is the last one).
  if (merged.labels.includes(gh.RELEASE_PR_TAGGED) && !s.resume && rel.tags.every((t) => s.remoteTag(t) === s.head)) {
    throw new NothingToReleaseSignal({
      status: 'nothing-to-release',
      reason: `release pull request #${merged.number} was released already (${rel.tags.join(', ')} at ${s.head.slice(0, 12)})`,
      previousVersion: rel.version,
      previousTag: rel.tags[0],
      commits: 0,
    });
  }
  if (d.cfg.version && d.cfg.version.replace(/^v/, '') !== rel.version) {
    d.log.warning(
      `version ${d.cfg.version} was given, but the merged release pull request #${merged.number} releases ${rel.version}: ${rel.version} is released`,
    );
  }
  d.log.info(
    `${s.head.slice(0, 12)} merges release pull request #${merged.number}: releasing ${rel.packages ? escapeLogText(rel.tags.join(', ')) : rel.version}`,
  );
  return {
    releasePr: merged,
    releaseVersion: rel.version,
    ...(rel.packages ? { releasePackages: rel.packages } : {}),
  };
}

/** What a release PR releases: one version (fixed), or each package's version and tag (independent). */
interface PrRelease {
  version: string;
  tags: string[];
  packages?: RecordedPackage[];
}

/**
 * What a release PR releases, from the trailers of the commit release-actions made for it: `Release-Actions-Version:`
 * (versioning: fixed) or a `Release-Actions-Package:` per package (independent), read strictly.
 */
async function prRelease(d: StepDeps, p: ReleasePr, ws?: Workspace): Promise<PrRelease> {
  const head = await d.gh.rest.rest.git.getCommit({ owner: d.owner, repo: d.repo, commit_sha: p.headSha });
  const message = head.data.message;
  const refused = (why: string) =>
    new StageError(
      `pull request #${p.number} (${p.url}) is a merged release pull request, but its commit ${p.headSha.slice(0, 12)} ${why}; nothing was released`,
    );
  const independent = d.cfg.versioning === 'independent';
  if (independent !== hasPackageTrailers(message)) {
    throw refused(
      independent
        ? `records no package ("${PACKAGE_TRAILER}:" trailers), as a release of versioning: independent does: it was made with versioning: fixed (or not by release-actions). Release it with the versioning it was made with`
        : `records packages ("${PACKAGE_TRAILER}:" trailers): it was made with versioning: independent. Release it with versioning: independent`,
    );
  }
  if (independent) {
    const names = (ws ?? (await discoverWorkspace(d.workspace))).packages.map((x) => x.name);
    const r = readPackageTrailers(message, { packages: names, tagFormat: d.cfg.tagFormat });
    if (r.problems.length) throw refused(`has trailers that cannot be released: ${r.problems.join('; ')}`);
    const lead = r.packages[0] as RecordedPackage;
    return { version: lead.version, tags: r.packages.map((x) => x.tag), packages: r.packages };
  }
  const m = new RegExp(`^${VERSION_TRAILER}:\\s*(\\S+)\\s*$`, 'm').exec(message);
  if (!m?.[1]) throw refused(`has no "${VERSION_TRAILER}:" trailer: it was not made by release-actions`);
  return { version: m[1], tags: [`${d.cfg.tagPrefix}${m[1]}`] };
}

/** The merge commit's manifests carry the versions the PR records (a hand edit of the head branch would not). */
function manifestsAgree(d: StepDeps, p: ReleasePr, packages: RecordedPackage[], ws: Workspace): void {
  const off = packages.flatMap((r) => {
    const w = ws.packages.find((x) => x.name === r.name);
    return w && w.version !== r.version
      ? [`${w.dir}/package.json says ${escapeLogText(String(w.version ?? '(no version)'))}, the PR ${r.version}`]
      : [];
  });
  if (off.length) {
    throw new StageError(
      `the merge of release pull request #${p.number} (${p.url}) does not carry the versions its commit records: ${off.join('; ')}. Nothing was released; make a new release pull request (close #${p.number}, push to ${d.cfg.releaseBranch})`,
    );
  }
}

/**
 * A release PR merged but never released (its run did not see the merge commit as the branch's tip: another commit
 * landed first) would otherwise be proposed again by a new release PR: stop, changing nothing, and say how to finish.
 */
async function noUnreleasedMerge(s: Preflighted, d: StepDeps): Promise<void> {
  const gh = await githubModule();
  const stale = await gh.mergedPendingReleasePr(d.gh, { owner: d.owner, repo: d.repo }, d.cfg.releaseBranch);
  if (!stale?.mergeCommit) return;
  const rel = await prRelease(d, stale);
  const missing = rel.tags.filter((t) => !s.remoteTag(t));
  if (!missing.length) return;
  const what = rel.packages ? escapeLogText(rel.tags.join(', ')) : rel.version;
  const way = rel.packages
    ? `Release from the tip with release_mode: tag-only (versioning: independent plans from the tags: these packages' commits are still unreleased, so it releases them, at the versions the tip's commits call for)`
    : `Release it from the tip with release_mode: tag-only and version: ${rel.version} (the tip carries its bumped manifests)`;
  throw new StageError(
    `release pull request #${stale.number} (${stale.url}) was merged as ${stale.mergeCommit.slice(0, 12)} but ${what} was never released (no tag ${escapeLogText(missing.join(', '))}; the label is still "${gh.RELEASE_PR_PENDING}"), and ${d.cfg.releaseBranch} has moved on to ${s.head.slice(0, 12)}. Nothing was changed. ${way}; then label #${stale.number} "${gh.RELEASE_PR_TAGGED}"`,
  );
}

/** CHANGELOG.md with the release's section (the notes), as one more file change of the release commit. */
export function changelogChange(workspace: string, plan: ReleasePlan, date: string): FileChange {
  const path = 'CHANGELOG.md';
  const file = join(workspace, path);
  const before = existsSync(file) ? readFileSync(file) : undefined;
  const decoded = before
    ? decodeText(before)
    : { text: DEFAULT_PREAMBLE, encoding: 'utf8' as const, bom: false, eol: '\n' as const };
  // The notes end with their compare link (`[1.2.0]: …`) when they have one: it joins the file's link block.
  const notes = plan.notesBody.trim();
  const linkRe = /\n\n\[([^\]\n]+)\]:\s*(\S+)\s*$/;
  const link = linkRe.exec(notes);
  let section = link ? notes.slice(0, link.index) : notes;
  if (!/^#{1,2} /.test(section)) section = `## ${plan.version} - ${date}\n\n${section || '_No notable changes._'}`;
  const text = upsertSection(decoded.text, {
    version: plan.version,
    section,
    ...(link ? { link: { label: link[1] as string, url: link[2] as string } } : {}),
    newTag: plan.tag,
  });
  if (decoded.encoding !== 'utf8') {
    throw new StageError(
      `${path} is UTF-16: release_mode pull-request commits text as UTF-8 only; convert ${path} to UTF-8 (nothing was changed)`,
    );
  }
  return {
    path,
    before: before ? before.toString('utf8') : '',
    after: encodeText({ ...decoded, text }).toString('utf8'),
    edits: [before ? `section ${plan.version}` : `created, section ${plan.version}`],
  };
}

/** An independent release's packages, as the body lists them: name, previous → next version, tag. */
function packagesTable(packages: PackageRelease[]): string[] {
  return [
    '| package | version | tag |',
    '| --- | --- | --- |',
    ...packages.map(
      (p) =>
        `| ${cell(p.name)}${p.private ? ' (private)' : ''} | ${cell(p.previousVersion ?? '(none)')} → ${cell(p.version)} (${cell(p.bump)}) | ${cell(p.tag)} |`,
    ),
  ];
}

/** What merging releases, in the body's first line. */
function whatMergeReleases(plan: ReleasePlan, branch: string): string {
  const tags = plan.packages
    ? `${plan.packages.length} package${plan.packages.length === 1 ? '' : 's'}`
    : `**${plan.tag}**`;
  const tagged = plan.packages ? "the merge commit gets each package's tag" : 'the merge commit is tagged';
  const pkgs = plan.npm.map((p) => `\`${p.name}\``).join(', ');
  return `:robot: Merging this pull request releases ${tags} from \`${branch}\`: ${tagged}, the GitHub Release${plan.packages ? 's' : ''} made${pkgs ? `, ${pkgs} published to npm` : ''}${plan.docker.length ? `, ${plan.docker.map((x) => `\`${x.image}\``).join(', ')} pushed` : ''}. New commits on \`${branch}\` update it.`;
}

/** The PR's body: the notes (commit text, already escaped by the renderer), then the plan. */
export function releasePrBody(plan: ReleasePlan, files: FileChange[], branch: string): string {
  const rows = files.map((f) => `| ${cell(`\`${f.path.replace(/`/g, "'")}\``)} | ${cell(f.edits.join('; '))} |`);
  const summary = plan.packages
    ? packagesTable(plan.packages)
    : [
        `| | |`,
        `| --- | --- |`,
        `| version | ${plan.previousVersion ?? '(none)'} → ${plan.version} (${plan.bump}) |`,
        `| tag | \`${plan.tag}\` |`,
        `| prerelease | ${plan.prerelease ? 'yes' : 'no'} |`,
      ];
  return [
    whatMergeReleases(plan, branch),
    '',
    ...(plan.packages ? [...summary, ''] : []),
    '---',
    '',
    plan.notesBody.trim(),
    '',
    '---',
    '',
    '<details><summary>The plan</summary>',
    '',
    ...(plan.packages ? [] : [...summary, '']),
    '| file | change |',
    '| --- | --- |',
    ...rows,
    '',
    '</details>',
    '',
    `<!-- release-actions: release pull request of ${branch}; do not edit the head branch, release-actions force-updates it -->`,
  ].join('\n');
}

/** The PR's title: one line (an independent release's commit message lists its tags below its subject). */
function releasePrTitle(plan: ReleasePlan, branch: string): string {
  const on = branch === 'main' || branch === 'master' ? '' : ` on ${branch}`;
  if (!plan.packages) return `${plan.commitMessage}${on}`;
  const tags = plan.packages.map((p) => p.tag).join(', ');
  // GitHub caps a title at 256 characters: a long list is counted instead.
  return `chore(release): ${tags.length <= 180 ? tags : `publish ${plan.packages.length} packages`}${on}`;
}

/** The release commit's message: a release of versioning: independent records each package (merge reads them). */
function releasePrMessage(plan: ReleasePlan): string {
  return plan.packages
    ? `${plan.commitMessage}\n\n${packageTrailers(plan.packages)}\n`
    : `${plan.commitMessage}\n\n${VERSION_TRAILER}: ${plan.version}\n`;
}

/** Open the release PR, or update the open one: its commit on the head branch, its title, body and label. */
export async function openReleasePr(
  s: Preflighted & { plan: ReleasePlan },
  d: StepDeps,
): Promise<{ pullRequest: PullRequestOutcome }> {
  const { plan, head } = s;
  const { cfg } = d;
  const gh = await githubModule();
  const repo = { owner: d.owner, repo: d.repo };
  const branch = gh.releasePrBranch(cfg.releaseBranch);
  const date = (d.now?.() ?? new Date()).toISOString().slice(0, 10);
  // An independent plan carries each package's CHANGELOG.md; a single release's is the root one.
  const files = plan.packages
    ? plan.files
    : [...plan.files.filter((f) => f.path !== 'CHANGELOG.md'), changelogChange(d.workspace, plan, date)];
  const message = releasePrMessage(plan);
  const baseTree = await d.git.out(['rev-parse', `${head}^{tree}`]);
  const made = await d.ledger.step<StepResult & { commit: string; verified: boolean }>(
    'release-pr-commit',
    async () => {
      const r = await gh.commitToBranch(d.gh, repo, {
        branch,
        parent: head,
        baseTree,
        files: files.map((f) => ({ path: f.path, content: f.after })),
        message,
      });
      const detail = `${branch} at ${r.commit.slice(0, 12)} (${r.change}${r.verified ? ', signed by GitHub' : ''}; ${files.length} files)`;
      return {
        state: r.change === 'unchanged' ? 'already-done' : 'done',
        detail,
        commit: r.commit,
        verified: r.verified,
      };
    },
  );
  const title = releasePrTitle(plan, cfg.releaseBranch);
  const body = releasePrBody(plan, files, cfg.releaseBranch);
  const opened = await d.ledger.step<StepResult & { pr: ReleasePr; change: PullRequestOutcome['change'] }>(
    'release-pr',
    async () => {
      const r = await gh.upsertReleasePr(d.gh, repo, { base: cfg.releaseBranch, title, body });
      const labelled = await gh.relabel(d.gh, repo, r.pr, gh.RELEASE_PR_PENDING);
      const change = r.change === 'unchanged' && (labelled || made.state === 'done') ? 'updated' : r.change;
      return {
        state: change === 'unchanged' ? 'already-done' : 'done',
        detail: `#${r.pr.number} ${change}: ${r.pr.url}`,
        pr: r.pr,
        change,
      };
    },
  );
  return {
    pullRequest: {
      number: opened.pr.number,
      url: opened.pr.url,
      change: opened.change,
      commit: made.commit,
      verified: made.verified,
    },
  };
}

/** The merged release PR is released: its label says so (the last step, so a tagged PR is a finished release). */
export async function markReleasePrTagged(s: { releasePr?: ReleasePr }, d: StepDeps): Promise<object> {
  const p = s.releasePr;
  if (!p) return {};
  const gh = await githubModule();
  await d.ledger.step('release-pr-label', async () => {
    const changed = await gh.relabel(d.gh, { owner: d.owner, repo: d.repo }, p, gh.RELEASE_PR_TAGGED, [
      gh.RELEASE_PR_PENDING,
    ]);
    return { state: changed ? 'done' : 'already-done', detail: `#${p.number} ${gh.RELEASE_PR_TAGGED}` };
  });
  return {};
}
