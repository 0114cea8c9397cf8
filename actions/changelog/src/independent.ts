/**
 * The changelog with versioning: independent: each released package's notes from its own commits only (the
 * commits touching its directory or `shared_paths`), its CHANGELOG.md in its directory, and the notes of the run
 * with a section per package — the same plan and renderer the release action uses (packages/shared monorepo/).
 */
import { monorepoOptions, type MonorepoValues } from '@release-actions/shared/action';
import type { Git } from '@release-actions/shared/git';
import { aggregateNotes, changelogChange, packageNotes, planMonorepo } from '@release-actions/shared/monorepo';
import { applyChanges } from '@release-actions/shared/versioning';

export interface IndependentChangelog {
  notes: string;
  packages: { name: string; version: string; tag: string; path: string; changelog_path: string }[];
  commitCount: number;
  breakingCount: number;
  /** The highest bump among the packages (none: nothing released). */
  bump: string;
}

export async function independentChangelog(
  git: Git,
  workspace: string,
  inputs: MonorepoValues & { write_file: boolean },
  o: { repoUrl: string; date?: string },
): Promise<IndependentChangelog> {
  const mono = await planMonorepo(git, workspace, monorepoOptions(inputs));
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  const released = mono.packages.filter((p) => p.release);
  const notes = released.map((p) => ({ p, n: packageNotes(p, { repoUrl: o.repoUrl, date }) }));
  const commits = new Map(released.flatMap((p) => p.commits.map((c) => [c.hash, c] as const)));
  if (inputs.write_file)
    applyChanges(
      workspace,
      notes.map(({ p, n }) => changelogChange(workspace, p, n)),
    );
  return {
    notes: aggregateNotes(notes.map(({ p, n }) => ({ tag: p.tag as string, version: p.version, notes: n.notes }))),
    packages: released.map((p) => ({
      name: p.name,
      version: p.version,
      tag: p.tag as string,
      path: p.path,
      changelog_path: inputs.write_file ? `${p.path}/CHANGELOG.md` : '',
    })),
    commitCount: commits.size,
    breakingCount: [...commits.values()].filter((c) => c.breaking).length,
    bump: ['major', 'minor', 'patch'].find((b) => released.some((p) => p.bump === b)) ?? 'none',
  };
}
