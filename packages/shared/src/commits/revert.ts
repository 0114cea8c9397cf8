/**
 * Revert chains, resolved once for every consumer (the changelog, the plan's preview, the release's bump), so
 * that they cannot disagree: `feat: X`, its revert, and the revert of that revert leave X in; a third revert
 * takes it out again. A revert of a commit released earlier (outside the range) is a `revert` entry of its own,
 * as semantic-release has it (a patch).
 */
import { parseHeader, type ParsedCommit } from './parse.js';

type RevertCommit = Pick<ParsedCommit, 'hash' | 'header' | 'merge' | 'revert'>;

const WRAPPED = /^(?:Revert|Reapply)\s+"(.+)"\s*$/;

/**
 * The conventional type of what a revert undoes, looking through nested `Revert "Revert "…""` headers;
 * undefined when the reverted header is not conventional.
 */
export function revertedType(c: Pick<ParsedCommit, 'revert'>): { type: string; breaking: boolean } | undefined {
  let header = c.revert?.header;
  for (let m = header ? WRAPPED.exec(header) : null; m; m = WRAPPED.exec(header as string)) header = m[1];
  const h = header ? parseHeader(header) : undefined;
  return h ? { type: h.type, breaking: h.breaking } : undefined;
}

/**
 * The commits of a range that are not shown and do not count, by hash: each revert whose target is in the range
 * cancels out with it, after the chain is followed (a revert undone by a later revert undoes nothing).
 * `commits` are newest first, as git log gives them; a revert always comes after what it reverts.
 */
export function cancelledByReverts(commits: readonly RevertCommit[]): Set<string> {
  const dropped = new Set<string>();
  if (!commits.some((c) => c.revert)) return dropped;
  const targetOf = new Map<RevertCommit, RevertCommit>();
  const byPrefix = new Map<string, RevertCommit[]>();
  for (const c of commits) {
    const k = c.hash.slice(0, 7);
    byPrefix.set(k, [...(byPrefix.get(k) ?? []), c]);
  }
  for (let n = 0; n < commits.length; n++) {
    const c = commits[n] as RevertCommit;
    if (!c.revert || c.merge) continue;
    const h = c.revert.hash;
    let target: RevertCommit | undefined;
    if (h) target = byPrefix.get(h.slice(0, 7))?.find((t) => t.hash.startsWith(h));
    // Without "This reverts commit …" (a hand-written revert): the newest older commit with that header.
    else target = commits.slice(n + 1).find((t) => t.header === c.revert?.header);
    if (target && target !== c) targetOf.set(c, target);
  }
  // Newest first: whether a revert is itself undone is known before the commit it reverts is reached.
  const undone = new Set<RevertCommit>();
  for (const c of commits) {
    const target = targetOf.get(c);
    if (!target || undone.has(c)) continue;
    undone.add(target);
  }
  for (const c of commits) {
    // An undone commit is gone; a live revert of a commit in the range cancels with it (nothing to show).
    if (undone.has(c) || targetOf.has(c)) dropped.add(c.hash);
  }
  return dropped;
}
