/**
 * The packages a published npm package brings at run time, read from package-lock.json (lockfileVersion 2 or 3,
 * whose `packages` map is keyed by install path): from the package's own entry, its dependencies,
 * optionalDependencies and peerDependencies, each resolved the way Node resolves them (the nearest
 * `node_modules/<name>` up the path), transitively. Dev dependencies are not shipped, so they are not listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { StageError } from '../util/errors.js';

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  link?: boolean;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface LockedPackage {
  name: string;
  version: string;
  /** The install path in the lockfile (`node_modules/a/node_modules/b`), unique per component. */
  path: string;
  resolved?: string;
  /** Subresource integrity (`sha512-…`) as npm recorded it. */
  integrity?: string;
  license?: string;
  /** Install paths of the packages this one depends on. */
  dependsOn: string[];
}

export interface DependencyClosure {
  root: { name: string; version: string; dependsOn: string[] };
  packages: LockedPackage[];
}

/** The lockfile of `root` (the workspace root holds it for every workspace package); undefined when there is none. */
export function findLockfile(root: string): string | undefined {
  const p = join(root, 'package-lock.json');
  return existsSync(p) ? p : undefined;
}

/**
 * The closure of the package at `packageDir` (relative to the lockfile's directory, '' for the root package),
 * named `name`@`version` (the version being released, which the lockfile may not show yet).
 */
export function dependencyClosure(
  lockfile: string,
  packageDir: string,
  name: string,
  version: string,
): DependencyClosure {
  let lock: { lockfileVersion?: number; packages?: Record<string, LockEntry> };
  try {
    lock = JSON.parse(readFileSync(lockfile, 'utf8'));
  } catch (e) {
    throw new StageError(`${lockfile} is not a readable JSON lockfile: ${(e as Error).message}`);
  }
  const entries = lock.packages;
  if (!entries || (lock.lockfileVersion ?? 1) < 2) {
    throw new StageError(
      `${lockfile} has lockfileVersion ${lock.lockfileVersion ?? 1}; an SBOM needs version 2 or 3 (npm 7 or later: run npm install --package-lock-only)`,
    );
  }
  const dir = packageDir === '.' ? '' : posix.normalize(packageDir).replace(/\/$/, '');
  const own = entries[dir];
  if (!own)
    throw new StageError(`${lockfile} has no entry for the package at ${dir || '.'} (${name}); run npm install`);

  /** Node's resolution: <from>/node_modules/<dep>, then each parent's, then the root's. */
  const resolve = (from: string, dep: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
      if (entries[candidate]) return candidate;
      if (!base) return undefined;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut >= 0 ? base.slice(0, cut) : '';
    }
  };
  const depsOf = (path: string, e: LockEntry): string[] => {
    const names = [
      ...Object.keys(e.dependencies ?? {}),
      ...Object.keys(e.optionalDependencies ?? {}),
      ...Object.keys(e.peerDependencies ?? {}),
    ];
    return [...new Set(names)].map((n) => resolve(path, n)).filter((p): p is string => p !== undefined);
  };
  // A workspace dependency is a link: the component is the linked package's own entry.
  const target = (path: string): { path: string; entry: LockEntry } => {
    const e = entries[path] as LockEntry;
    if (e.link && e.resolved && entries[e.resolved]) return { path: e.resolved, entry: entries[e.resolved]! };
    return { path, entry: e };
  };

  const packages = new Map<string, LockedPackage>();
  const queue = depsOf(dir, own);
  const rootDeps = queue.map((p) => target(p).path);
  while (queue.length) {
    const { path, entry } = target(queue.shift() as string);
    if (packages.has(path) || path === dir) continue;
    const pkgName = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const deps = depsOf(path, entry);
    packages.set(path, {
      name: pkgName,
      version: entry.version ?? '0.0.0',
      path,
      resolved: entry.resolved,
      integrity: entry.integrity,
      license: entry.license,
      dependsOn: deps.map((p) => target(p).path),
    });
    queue.push(...deps);
  }
  return {
    root: { name, version, dependsOn: [...new Set(rootDeps)] },
    packages: [...packages.values()].sort((a, b) => a.path.localeCompare(b.path)),
  };
}
