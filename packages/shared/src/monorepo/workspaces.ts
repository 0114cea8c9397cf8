/**
 * The packages of a workspace repository: npm's and yarn's `workspaces` in package.json (the array, or the
 * object form `{ packages: [...] }`), pnpm's `pnpm-workspace.yaml` (`packages:`), globs and `!` negations
 * included. A private package is versioned and tagged but never published.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StageError } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import { expandWorkspaces, readJson } from '../versioning/manifests.js';

export type Manifest = Record<string, unknown>;

export interface WorkspacePackage {
  name: string;
  /** Directory relative to the repository root, forward slashes (`packages/core`). */
  dir: string;
  private: boolean;
  /** The manifest's version, as written (undefined when there is none). */
  version?: string;
  manifest: Manifest;
}

export interface Workspace {
  manager: 'npm' | 'yarn' | 'pnpm';
  /** Where the package list came from, for messages: `pnpm-workspace.yaml`, `package.json "workspaces"`. */
  source: string;
  packages: WorkspacePackage[];
}

/** The `packages:` list of a pnpm-workspace.yaml (yaml loaded only when there is one). */
async function pnpmPatterns(file: string): Promise<string[]> {
  const mod = await import('yaml');
  // yaml is CommonJS: Node gives named exports, esbuild's split chunk only its default (module.exports).
  const parse = mod.parse ?? (mod as unknown as { default: typeof mod }).default.parse;
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StageError(`pnpm-workspace.yaml is not valid YAML: ${escapeLogText((e as Error).message)}`);
  }
  const list = doc && typeof doc === 'object' ? (doc as Manifest).packages : undefined;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
    throw new StageError('pnpm-workspace.yaml has no `packages:` list of globs (such as `- "packages/*"`)');
  return list as string[];
}

function npmPatterns(doc: Manifest): string[] | undefined {
  const ws = doc.workspaces;
  if (Array.isArray(ws)) return ws.filter((x): x is string => typeof x === 'string');
  if (ws && typeof ws === 'object' && Array.isArray((ws as Manifest).packages))
    return ((ws as Manifest).packages as unknown[]).filter((x): x is string => typeof x === 'string');
  return undefined;
}

/** Every workspace package (the root itself is not one), sorted by directory. Refused: none, a nameless or twice-named one. */
export async function discoverWorkspace(root: string): Promise<Workspace> {
  const pnpmFile = join(root, 'pnpm-workspace.yaml');
  let patterns: string[] | undefined;
  let manager: Workspace['manager'] = 'npm';
  let source = 'package.json "workspaces"';
  if (existsSync(pnpmFile)) {
    if (!lstatSync(pnpmFile).isFile()) throw new StageError('pnpm-workspace.yaml is not a regular file');
    patterns = await pnpmPatterns(pnpmFile);
    manager = 'pnpm';
    source = 'pnpm-workspace.yaml';
  } else if (existsSync(join(root, 'package.json'))) {
    patterns = npmPatterns(readJson(join(root, 'package.json')).doc);
    if (['yarn.lock', '.yarnrc.yml'].some((f) => existsSync(join(root, f)))) manager = 'yarn';
  }
  if (!patterns?.length)
    throw new StageError(
      'versioning: independent needs workspaces: package.json "workspaces" (npm, yarn) or pnpm-workspace.yaml (pnpm) listing the package directories; a single package is released with versioning: fixed',
    );
  const packages: WorkspacePackage[] = [];
  const byName = new Map<string, string>();
  for (const dir of expandWorkspaces(root, patterns)) {
    const file = join(root, dir, 'package.json');
    if (!lstatSync(file).isFile()) throw new StageError(`${dir}/package.json is not a regular file (a symbolic link?)`);
    const { doc } = readJson(file);
    const name = typeof doc.name === 'string' ? doc.name : '';
    if (!name)
      throw new StageError(`${dir}/package.json has no "name": every workspace package needs one to be versioned`);
    const other = byName.get(name);
    if (other) throw new StageError(`two workspace packages are named ${escapeLogText(name)}: ${other} and ${dir}`);
    byName.set(name, dir);
    packages.push({
      name,
      dir,
      private: doc.private === true,
      version: typeof doc.version === 'string' ? doc.version : undefined,
      manifest: doc,
    });
  }
  if (!packages.length)
    throw new StageError(`${source} (${patterns.join(', ')}) matches no directory with a package.json`);
  return { manager, source, packages };
}
