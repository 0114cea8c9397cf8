/**
 * `fixed_groups` and `linked_groups`, with changesets' semantics: the packages of a fixed group always share
 * one version (all are released when one is, at the highest version of the group bumped by the highest bump);
 * the packages of a linked group that are released together share the version (the highest among them, bumped
 * by their highest bump), the others stay as they are. A group names workspace packages only, each in one group.
 */
import { escapeLogText } from '../util/escape.js';

export interface Groups {
  fixed: string[][];
  linked: string[][];
}

/** A group as the input gives it: `@a/core, @a/web` on one line per group. */
export function parseGroups(lines: string[]): string[][] {
  return lines
    .map((l) =>
      l
        .split(/[\s,]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .filter((g) => g.length > 0);
}

/** Every problem with the groups: a member that is no workspace package, a package in two groups. */
export function groupProblems(groups: Groups, names: string[]): { input: string; message: string }[] {
  const known = new Set(names);
  const problems: { input: string; message: string }[] = [];
  const seen = new Map<string, string>();
  for (const [input, list] of [
    ['fixed_groups', groups.fixed],
    ['linked_groups', groups.linked],
  ] as const) {
    list.forEach((g, i) => {
      for (const m of g) {
        if (!known.has(m)) {
          const hint = names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
          problems.push({
            input,
            message: `Input "${input}" group ${i + 1} names "${escapeLogText(m)}", which is not a workspace package; the packages are: ${hint}.`,
          });
          continue;
        }
        const where = `${input} group ${i + 1}`;
        const before = seen.get(m);
        if (before && before !== where)
          problems.push({
            input,
            message: `Input "${input}": ${escapeLogText(m)} is in ${before} and in ${where}; a package belongs to one group.`,
          });
        seen.set(m, where);
      }
    });
  }
  return problems;
}
