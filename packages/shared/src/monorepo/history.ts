/**
 * Each package's commits since its last release: the commits that changed a file in its directory, or in a
 * path listed in `shared_paths` (a root tsconfig, a shared build script). A conventional scope never decides
 * membership on its own: `fix(core): …` that only touches packages/web is web's. Packages whose last release is
 * the same commit share one `git log`, so a workspace of a hundred packages tagged together costs one process.
 */
import { streamLogWithFiles, type ParsedCommit } from '../commits/index.js';
import type { Git } from '../git/index.js';
import { globRegExp } from '../versioning/manifests.js';

export interface HistoryRequest {
  name: string;
  dir: string;
  /** The last release's tag (undefined: the whole history). */
  since?: string;
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
  const bySince = new Map<string, HistoryRequest[]>();
  for (const r of requests) bySince.set(r.since ?? '', [...(bySince.get(r.since ?? '') ?? []), r]);
  // Longest directory first: packages/a/nested is its own package, not packages/a's (whatever its last tag).
  const dirs = [...requests].sort((a, b) => b.dir.length - a.dir.length);
  const owner = (file: string) => dirs.find((r) => file.startsWith(`${r.dir}/`));
  for (const [since, list] of bySince) {
    const group = new Set(list);
    await streamLogWithFiles(git, [since ? `refs/tags/${since}..${rev}` : rev], (c, files) => {
      const touched = new Set<HistoryRequest>();
      let sharedHit = false;
      for (const f of files) {
        const r = owner(f);
        if (r) {
          if (group.has(r)) touched.add(r);
        } else if (!sharedHit && shared(f)) sharedHit = true;
      }
      for (const r of sharedHit ? group : touched) out.get(r.name)?.push(c);
    });
  }
  return out;
}
