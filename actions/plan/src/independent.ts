/**
 * The plan with versioning: independent: every workspace package's next version (packages/shared monorepo/),
 * as the fixed plan's preview (the union of the released packages' commits, the highest bump) plus the
 * per-package list the workflow fans out over, the summary table and a preview of each package's notes.
 */
import { monorepoOptions, type MonorepoValues, type Summary } from '@release-actions/shared/action';
import { maxBump, type Bump } from '@release-actions/shared/commits';
import type { Git } from '@release-actions/shared/git';
import { type MonorepoPlan, planMonorepo } from '@release-actions/shared/monorepo';
import { changelogPreview, type ReleasePreview, toPreviewCommit } from '@release-actions/shared/plan';
import { cancelledByReverts } from '@release-actions/shared/commits';
import { escapeMarkdownHtml } from '@release-actions/shared';

/** One entry of the `packages` output (snake_case, as the other outputs). */
export interface PackageOutput {
  name: string;
  version: string;
  tag: string;
  path: string;
  private: boolean;
  bump: string;
  reasons: string[];
  previous_version: string;
  previous_tag: string;
}

export interface IndependentPlan {
  mono: MonorepoPlan;
  preview: ReleasePreview;
  packages: PackageOutput[];
}

export async function planIndependent(git: Git, workspace: string, inputs: MonorepoValues): Promise<IndependentPlan> {
  const mono = await planMonorepo(git, workspace, monorepoOptions(inputs));
  const released = mono.packages.filter((p) => p.release);
  const seen = new Set<string>();
  const commits = released.flatMap((p) => p.commits).filter((c) => !seen.has(c.hash) && seen.add(c.hash));
  const cancelled = cancelledByReverts(commits);
  const recommended = released
    .map((p) => p.bump as Bump)
    .reduce<Bump | 'none'>((a, b) => (a === 'none' ? b : (maxBump(a, b) as Bump)), 'none');
  return {
    mono,
    preview: {
      commits: commits.map((c) => toPreviewCommit(c, cancelled.has(c.hash))),
      recommended: recommended as ReleasePreview['recommended'],
      merged: [],
      all: [],
    },
    packages: released.map((p) => ({
      name: p.name,
      version: p.version,
      tag: p.tag ?? '',
      path: p.path,
      private: p.private,
      bump: p.bump ?? '',
      reasons: p.reasons,
      previous_version: p.previousVersion ?? '',
      previous_tag: p.previousTag ?? '',
    })),
  };
}

/** The per-package table: every package, released or not, and why. */
export function packagesTable(summary: Summary, mono: MonorepoPlan): void {
  summary.table(
    ['package', 'path', 'previous', 'next', 'bump', 'why'],
    mono.packages.map((p) => [
      `${p.name}${p.private ? ' (private: not published)' : ''}`,
      p.path,
      p.previousTag
        ? `${p.previousTag}${p.previousTagStyle && p.previousTagStyle !== 'tag_format' ? ` (${p.previousTagStyle} tag)` : ''}`
        : '—',
      p.release ? (p.tag ?? '') : 'not released',
      p.bump ?? '—',
      p.reasons.join('; '),
    ]),
  );
}

/** A notes preview per released package, each with only its own commits. */
export function packagesPreview(mono: MonorepoPlan): string {
  return mono.packages
    .filter((p) => p.release)
    .map((p) => {
      const cancelled = cancelledByReverts(p.commits);
      return changelogPreview(
        p.commits.map((c) => toPreviewCommit(c, cancelled.has(c.hash))),
        { version: `${escapeMarkdownHtml(p.name)} ${p.version}` },
      );
    })
    .join('\n\n');
}
