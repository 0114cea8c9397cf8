/**
 * The independent release plan: for every workspace package, its last release (own or adopted tag), its
 * commits since, the bump they call for, then the bumps that follow from them (each dependent of a released
 * package gets a patch release; fixed and linked groups), the next version through the one version model
 * (versioning/nextVersion) and the tag. Local git only; nothing is written. Packages come out in publish order
 * (dependencies first).
 */
import { maxBump, recommendBump, type Bump as CommitBump, type ParsedCommit } from '../commits/index.js';
import type { Git } from '../git/index.js';
import { InputError } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import type { FileChange } from '../versioning/manifests.js';
import compare from 'semver/functions/compare.js';
import { type Bump, nextVersion } from '../versioning/version.js';
import { buildGraph, type PackageGraph, topologicalOrder } from './graph.js';
import { groupProblems, type Groups } from './groups.js';
import { packageCommits } from './history.js';
import { planPackageBumps } from './manifests.js';
import { checkTagFormat, formatTag, type PackageTag, packageTags, type TagStyle } from './tags.js';
import { discoverWorkspace, type Workspace, type WorkspacePackage } from './workspaces.js';

export interface MonorepoOptions {
  tagFormat: string;
  sharedPaths: string[];
  groups: Groups;
  releaseType: 'stable' | 'prerelease';
  prereleaseId: string;
  /** `auto`: from each package's commits; else that bump for every package with releasable commits. */
  versionBump: Bump | 'auto';
  initialVersion?: string;
  rev?: string;
  /** Tags left out (a resumed release's own tags, pushed by the attempt that stopped). */
  ignoreTags?: Set<string>;
}

/** One package of the plan: released or not, and why. */
export interface PackagePlan {
  name: string;
  /** Directory relative to the root (`packages/core`). */
  path: string;
  private: boolean;
  release: boolean;
  /** The next version (the current one when not released). */
  version: string;
  previousVersion?: string;
  tag?: string;
  previousTag?: string;
  /** Where the last release's tag came from: ours (`tag_format`) or adopted. */
  previousTagStyle?: TagStyle;
  bump?: Bump;
  prerelease?: boolean;
  /** Below the package's highest release (a backport): not its registry's `latest`. */
  backport?: boolean;
  /** Why it is (or is not) released: its commits, the package it depends on, its group. */
  reasons: string[];
  /** Its commits since its last release (newest first). */
  commits: ParsedCommit[];
}

export interface MonorepoPlan {
  workspace: Workspace;
  graph: PackageGraph;
  /** Every package, in publish order (dependencies first). */
  packages: PackagePlan[];
  /** The file changes of the release (versions, internal ranges, lock file). */
  files: FileChange[];
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Every package's plan. Refused before anything is read from git: a bad tag format, unknown group members, a cycle. */
export async function planMonorepo(git: Git, root: string, o: MonorepoOptions): Promise<MonorepoPlan> {
  const workspace = await discoverWorkspace(root);
  const pkgs = workspace.packages;
  checkTagFormat(o.tagFormat, pkgs.length);
  const gp = groupProblems(
    o.groups,
    pkgs.map((p) => p.name),
  );
  if (gp.length) throw new InputError(gp[0]!.input, gp.map((p) => p.message).join(' '));
  const graph = buildGraph(pkgs);
  const order = topologicalOrder(graph);
  const byName = new Map(pkgs.map((p) => [p.name, p]));

  const rev = o.rev ?? 'HEAD';
  const [allTags, merged] = await Promise.all([git.tags(), git.mergedTags(rev)]);
  const tagList = o.ignoreTags ? allTags.filter((x) => !o.ignoreTags?.has(x.name)) : allTags;
  const tagsOf = packageTags(tagList, order, o.tagFormat);
  const last = new Map<string, { merged: PackageTag[]; all: PackageTag[]; since?: PackageTag }>();
  for (const name of order) {
    const all = tagsOf.get(name) ?? [];
    const m = all.filter((t) => merged.has(t.tag)).sort((a, b) => compare(b.version, a.version));
    const lastStable = m.find((t) => !t.version.includes('-'));
    last.set(name, { merged: m, all, since: lastStable ?? m[0] });
  }
  const history = await packageCommits(
    git,
    order.map((name) => {
      const since = last.get(name)?.since;
      return { name, dir: (byName.get(name) as WorkspacePackage).dir, since: since?.tag, sinceCommit: since?.commit };
    }),
    { sharedPaths: o.sharedPaths, rev },
  );

  // What each package's own commits call for.
  const bump = new Map<string, Bump>();
  const reasons = new Map<string, string[]>(order.map((n) => [n, []]));
  for (const name of order) {
    const commits = history.get(name) ?? [];
    const since = last.get(name)?.since;
    const rec: CommitBump = recommendBump(commits, since?.version);
    const from = since ? since.tag : 'the start of the history';
    if (rec === 'none') {
      reasons
        .get(name)!
        .push(
          commits.length
            ? `no releasable commits since ${escapeLogText(from)} (${plural(commits.length, 'commit')}, none a feat, fix, perf, revert or breaking change)`
            : `no commits since ${escapeLogText(from)}`,
        );
      continue;
    }
    const b = o.versionBump === 'auto' ? rec : o.versionBump;
    bump.set(name, b);
    reasons.get(name)!.push(`${plural(commits.length, 'commit')} since ${escapeLogText(from)} call for a ${rec} bump`);
  }
  const own = new Set(bump.keys());
  for (const n of own)
    reasons.set(
      n,
      reasons.get(n)!.filter((r) => !r.startsWith('no ')),
    );
  propagate(order, graph, o.groups, bump, reasons);

  // Versions: the one version model, over the package's tags (and its group's, which share a version).
  const version = new Map<string, string>();
  const kind = new Map<string, { prerelease: boolean; backport: boolean }>();
  const groupOf = (name: string) =>
    o.groups.fixed.find((g) => g.includes(name)) ?? o.groups.linked.find((g) => g.includes(name));
  for (const name of order) {
    const b = bump.get(name);
    if (!b) continue;
    const t = last.get(name)!;
    const group = (groupOf(name) ?? [name]).filter(
      (m) => m === name || o.groups.fixed.some((g) => g.includes(m)) || bump.has(m),
    );
    const groupMerged = group.flatMap((m) => last.get(m)?.merged ?? []);
    const n = nextVersion({
      merged: groupMerged,
      all: t.all,
      bump: b,
      releaseType: o.releaseType,
      prereleaseId: o.prereleaseId,
      manifestVersion: byName.get(name)?.version,
      initialVersion: o.initialVersion,
    });
    version.set(name, n.version);
    kind.set(name, { prerelease: n.prerelease, backport: n.backport });
  }
  // A group's first release: its members' manifests may disagree; they share the highest.
  for (const g of [...o.groups.fixed, ...o.groups.linked]) {
    const vs = g.filter((m) => version.has(m)).map((m) => version.get(m) as string);
    if (vs.length < 2) continue;
    const top = [...vs].sort(compare).at(-1) as string;
    for (const m of g) {
      if (!version.has(m) || version.get(m) === top) continue;
      const t = last.get(m)!;
      nextVersion({
        merged: t.merged,
        all: t.all,
        bump: 'patch',
        releaseType: o.releaseType,
        prereleaseId: o.prereleaseId,
        explicit: top,
      });
      version.set(m, top);
    }
  }

  const packages: PackagePlan[] = order.map((name) => {
    const p = byName.get(name) as WorkspacePackage;
    const t = last.get(name)!;
    const v = version.get(name);
    return {
      name,
      path: p.dir,
      private: p.private,
      release: v !== undefined,
      version: v ?? t.since?.version ?? p.version ?? '',
      ...(t.since
        ? { previousVersion: t.since.version, previousTag: t.since.tag, previousTagStyle: t.since.style }
        : {}),
      ...(v ? { tag: formatTag(o.tagFormat, name, v), bump: bump.get(name), ...kind.get(name) } : {}),
      reasons: reasons.get(name) ?? [],
      commits: history.get(name) ?? [],
    };
  });
  const files = planPackageBumps(
    root,
    pkgs,
    new Map(packages.filter((p) => p.release).map((p) => [p.name, p.version])),
  );
  return { workspace, graph, packages, files };
}

/**
 * The bumps that follow from the packages' own: a dependent of a released package gets a patch release
 * (dependencies, peer and optional ones: its published manifest changes; a devDependency only has its range
 * updated, as changesets does); a fixed group is released whole at its highest bump, the released members of a
 * linked group at theirs. Repeated until nothing changes (a patch of a dependent can release its dependents).
 */
function propagate(
  order: string[],
  graph: PackageGraph,
  groups: Groups,
  bump: Map<string, Bump>,
  reasons: Map<string, string[]>,
): void {
  const raise = (name: string, b: Bump, why: string) => {
    const cur = bump.get(name);
    const next = cur ? (maxBump(cur, b) as Bump) : b;
    if (cur === next) return false;
    bump.set(name, next);
    reasons.set(name, [...(reasons.get(name) ?? []).filter((r) => !r.startsWith('no ')), why]);
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const name of order) {
      if (!bump.has(name)) continue;
      for (const e of graph.dependents.get(name) ?? []) {
        if (e.field === 'devDependencies' || bump.has(e.from)) continue;
        changed =
          raise(e.from, 'patch', `depends on ${escapeLogText(name)} (${e.field}), which is released`) || changed;
      }
    }
    for (const g of groups.fixed) {
      const released = g.filter((m) => bump.has(m));
      if (!released.length) continue;
      const top = released.map((m) => bump.get(m) as Bump).reduce((a, b) => maxBump(a, b) as Bump);
      for (const m of g) changed = raise(m, top, `fixed group with ${g.filter((x) => x !== m).join(', ')}`) || changed;
    }
    for (const g of groups.linked) {
      const released = g.filter((m) => bump.has(m));
      if (released.length < 2) continue;
      const top = released.map((m) => bump.get(m) as Bump).reduce((a, b) => maxBump(a, b) as Bump);
      for (const m of released)
        changed = raise(m, top, `linked group with ${g.filter((x) => x !== m).join(', ')}`) || changed;
    }
  }
}
