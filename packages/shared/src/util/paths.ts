/**
 * Confinement of path inputs. A repository is untrusted input: a committed symlink (`NOTES.md ->
 * /proc/self/environ`, `dist -> /`) must not make an action read the runner's secrets or write outside the
 * checkout. Textual checks (`..`, a leading `/`) cannot see links, so every path an action reads or writes is
 * resolved to its real path (all links followed) and refused, before any side effect, unless it stays inside
 * one of the allowed roots and is a regular file (or a directory, where one is asked for).
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

export interface ConfineOptions {
  /** The input that named the path (the error names it). */
  input: string;
  /** How the error names the path's source, when it is not an input's value (default: `Input "<input>"`). */
  what?: string;
  /** What must be there: a regular file (default) or a directory. */
  kind?: 'file' | 'dir';
  /** A file that may not exist yet (it will be written): then its nearest existing parent is checked. */
  mayBeMissing?: boolean;
  /** Other allowed roots besides the workspace (e.g. RUNNER_TEMP), each with the name the error uses. */
  extraRoots?: { path: string; name: string }[];
}

const FORBIDDEN = ['/proc', '/dev', '/sys'];

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** The first symbolic link on the way from `root` to `full` (for the error), and where it points. */
function firstLink(root: string, full: string): { link: string; target: string } | undefined {
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  let cur = root;
  for (const part of rel.split(sep).filter(Boolean)) {
    cur = join(cur, part);
    const st = lstatSync(cur, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (st.isSymbolicLink()) return { link: relative(root, cur), target: readlinkSync(cur) };
  }
  return undefined;
}

/**
 * Resolve `path` (relative to `workspace`, or absolute where an input allows it) to its real path, and return it
 * only when it is inside the workspace (or an extra root), not under /proc, /dev or /sys, and of the asked kind.
 * Throws an InputError naming the input, the link and its target.
 */
export function confinePath(workspace: string, path: string, opts: ConfineOptions): string {
  const { kind = 'file' } = opts;
  const input = opts.input;
  const label = opts.what ?? `Input "${input}"`;
  const roots = [{ path: workspace, name: 'the workspace' }, ...(opts.extraRoots ?? [])].map((r) => ({
    name: r.name,
    path: realOrSelf(r.path),
  }));
  const full = resolve(workspace, path);
  const where = roots.map((r) => `${r.name} (${r.path})`).join(' or ');
  const describe = (real: string) => {
    const l = firstLink(resolve(workspace), full);
    return l ? `${l.link} is a symbolic link to ${l.target}, which resolves to ${real}` : `it resolves to ${real}`;
  };

  let real: string;
  const st = lstatSync(full, { throwIfNoEntry: false });
  if (!st) {
    if (!opts.mayBeMissing) throw new InputError(input, `${label}: ${path} does not exist`);
    // The file will be created: its nearest existing parent must be confined, and a dangling link is refused.
    let parent = dirname(full);
    while (!lstatSync(parent, { throwIfNoEntry: false })) parent = dirname(parent);
    real = join(realOrSelf(parent), relative(parent, full));
  } else {
    try {
      real = realpathSync(full);
    } catch {
      const l = firstLink(resolve(workspace), full);
      throw new InputError(
        input,
        `${label}: ${path} is a dangling symbolic link${l ? ` (${l.link} -> ${l.target})` : ''}; refused: it would write where the link points`,
      );
    }
  }
  if (FORBIDDEN.some((f) => real === f || real.startsWith(`${f}/`))) {
    throw new InputError(input, `${label}: ${path} names a device or kernel file (${describe(real)}); refused`);
  }
  if (!roots.some((r) => inside(r.path, real))) {
    throw new InputError(
      input,
      `${label}: ${path} leaves ${where}: ${describe(real)}; refused. Use a file inside the checkout (not a link out of it).`,
    );
  }
  if (st) {
    const target = statSync(real);
    if (kind === 'file' && !target.isFile()) {
      throw new InputError(input, `${label}: ${path} is not a regular file (${describe(real)})`);
    }
    if (kind === 'dir' && !target.isDirectory()) {
      throw new InputError(input, `${label}: ${path} is not a directory (${describe(real)})`);
    }
  }
  return real;
}
