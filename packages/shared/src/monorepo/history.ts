/**
 * Each package's commits since its last release: the commits that changed a file in its directory, or in a
 * path listed in `shared_paths` (a root tsconfig, a shared build script). A conventional scope never decides
 * membership on its own: `fix(core): …` that only touches packages/web is web's. One `git log` reads every
 * package's history at once (from the common ancestor of their last releases), and a package's commits are
 * those not reachable from its own last release, walked over the commits' parents: a hundred packages with a
 * hundred different last tags cost one git process, not a hundred.
 */
import { type ParsedCommit, parseLogRecord, LOG_FORMAT } from '../commits/index.js';
import type { Git } from '../git/index.js';
import { globRegExp } from '../versioning/manifests.js';

export interface HistoryRequest {
  name: string;
  dir: string;
  /** The last release's tag (undefined: the whole history). */
  since?: string;
  /** The commit it points to, when the caller knows it (read from `git.tags()`): no process to resolve it. */
  sinceCommit?: string;
}

/** A path pattern of `shared_paths` as a test: a directory (`config/`), a file, or a glob (`*.config.js`). */
export function sharedPathTest(patterns: string[]): (file: string) => boolean {
  const tests = patterns
    .map((p) => p.trim().replace(/^\.\//, ''))
    .filter(Boolean)
    .map((p) => {
      if (p.includes('*')) {
        const re = globRegExp(p.replace(/\/$/, ''));
        return (f: string) => re.test(f) || f.split('/').some((_, i, a) => re.test(a.slice(0, i + 1).join('/')));
      }
      const dir = p.replace(/\/$/, '');
      return (f: string) => f === dir || f.startsWith(`${dir}/`);
    });
  return (f) => tests.some((t) => t(f));
}

/**
 * name → its commits (newest first, merges left out) since its `since` tag up to `rev`. A package's commit is
 * one that changed a file under its directory or a shared path.
 */
export async function packageCommits(
  git: Git,
  requests: HistoryRequest[],
  o: { sharedPaths?: string[]; rev?: string } = {},
): Promise<Map<string, ParsedCommit[]>> {
  const rev = o.rev ?? 'HEAD';
  const shared = sharedPathTest(o.sharedPaths ?? []);
  const out = new Map<string, ParsedCommit[]>(requests.map((r) => [r.name, []]));
  // Longest directory first: packages/a/nested is its own package, not packages/a's.
  const dirs = [...requests].sort((a, b) => b.dir.length - a.dir.length);
  const owner = (file: string) => dirs.find((r) => file.startsWith(`${r.dir}/`));
  const sinceTags = [...new Set(requests.map((r) => r.since))];
  const sinceCommit = new Map<string, string>();
  for (const r of requests) if (r.since && r.sinceCommit) sinceCommit.set(r.since, r.sinceCommit);
  for (const t of sinceTags)
    if (t && !sinceCommit.has(t)) sinceCommit.set(t, (await git.resolve(`refs/tags/${t}`)) ?? '');
  // Everything reachable from every last release is nobody's: start below their common ancestor.
  const base = sinceTags.includes(undefined)
    ? undefined
    : await git.mergeBase(sinceTags.map((t) => sinceCommit.get(t as string) || `refs/tags/${t}^{commit}`));
  // The loaded history: parents of every commit (merges too, for the walk), and who each non-merge commit touched.
  const parents = new Map<string, string[]>();
  const order: { c: ParsedCommit; touched: Set<HistoryRequest>; shared: boolean }[] = [];
  await git.logWithFiles(base ? [rev, `^${base}`] : [rev], LOG_FORMAT.slice('--format='.length), (rec, files) => {
    const c = parseLogRecord(rec);
    if (!c) return;
    parents.set(c.hash, c.parents);
    if (c.merge) return;
    const touched = new Set<HistoryRequest>();
    let sharedHit = false;
    for (const f of files) {
      const r = owner(f);
      if (r) touched.add(r);
      else if (!sharedHit && shared(f)) sharedHit = true;
    }
    if (touched.size || sharedHit) order.push({ c, touched, shared: sharedHit });
  });
  for (const t of sinceTags) {
    const group = requests.filter((r) => r.since === t);
    // The commits a package's last release already contains: its tag's ancestors among those loaded.
    const released = new Set<string>();
    const stack = t ? [sinceCommit.get(t) as string] : [];
    while (stack.length) {
      const h = stack.pop() as string;
      if (released.has(h) || !parents.has(h)) continue;
      released.add(h);
      stack.push(...(parents.get(h) as string[]));
    }
    for (const { c, touched, shared: s } of order) {
      if (released.has(c.hash)) continue;
      for (const r of group) if (s || touched.has(r)) out.get(r.name)?.push(c);
    }
  }
  return out;
}
