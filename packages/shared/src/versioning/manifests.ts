/**
 * Manifest bumping, planned before it is written (a dry run shows the plan, a real run applies it):
 * package.json, package-lock.json / npm-shrinkwrap.json, every npm workspace package (lockstep: one version for
 * all) and the ranges by which workspace packages depend on each other (`^1.2.0` → `^1.3.0`; `workspace:*`, `*`
 * and tags are left alone). Extra files listed in `version_files` are bumped on the lines that carry the marker
 * `x-release-actions-version` (the first semantic version on such a line is replaced), like release-please's
 * annotation. Formatting (indent, final newline) is kept.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { StageError } from '../util/errors.js';
import { confinePath } from '../util/paths.js';

export const VERSION_MARKER = 'x-release-actions-version';

export interface FileChange {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  before: string;
  after: string;
  /** What changed, for the plan: `version 1.2.0 → 1.3.0`, `dependencies.@acme/core ^1.2.0 → ^1.3.0`. */
  edits: string[];
}

export interface NpmPackage {
  name: string;
  /** Directory relative to the root ('' for the root package). */
  dir: string;
  private: boolean;
  version?: string;
}

type Json = Record<string, unknown>;
const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export function readJson(file: string): { doc: Json; indent: string | number; newline: boolean; text: string } {
  const text = readFileSync(file, 'utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new StageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new StageError(`${file} is not a JSON object`);
  const m = /^[{[]\r?\n([ \t]+)/.exec(text);
  return { doc: doc as Json, indent: m?.[1] ?? 2, newline: text.endsWith('\n'), text };
}

export function writeJsonText(doc: Json, indent: string | number, newline: boolean): string {
  return JSON.stringify(doc, null, indent) + (newline ? '\n' : '');
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Expand npm `workspaces` patterns (`packages/*`, `apps/web`, `libs/**`) to directories holding a package.json. */
export function expandWorkspaces(root: string, patterns: string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string, segs: string[]) => {
    if (segs.length === 0) {
      if (existsSync(join(root, dir, 'package.json'))) found.add(toPosix(dir));
      return;
    }
    const [seg, ...rest] = segs as [string, ...string[]];
    if (seg === '**') {
      walk(dir, rest);
      for (const child of subdirs(join(root, dir))) walk(join(dir, child), segs);
      return;
    }
    if (seg.includes('*')) {
      const re = new RegExp(`^${seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      for (const child of subdirs(join(root, dir))) if (re.test(child)) walk(join(dir, child), rest);
      return;
    }
    if (existsSync(join(root, dir, seg))) walk(join(dir, seg), rest);
  };
  for (const p of patterns) {
    if (p.startsWith('!')) continue;
    walk('', posix.normalize(p).replace(/^\.\//, '').replace(/\/$/, '').split('/'));
  }
  // Negations are globs too (`!packages/internal-*`, pnpm's `!**/test/**`), applied after every inclusion.
  const excluded = patterns.filter((x) => x.startsWith('!')).map((p) => globRegExp(p.slice(1)));
  return [...found].filter((d) => !excluded.some((re) => re.test(d))).sort();
}

/** A workspace glob as a regular expression over a relative directory: `*` within a segment, `**` across them. */
export function globRegExp(glob: string): RegExp {
  const segs = posix.normalize(glob).replace(/^\.\//, '').replace(/\/$/, '').split('/');
  const esc = (x: string) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  const body = segs.map((seg, i) =>
    seg === '**' ? (i === segs.length - 1 ? '.*' : '(?:.*/)?') : esc(seg) + (i < segs.length - 1 ? '/' : ''),
  );
  return new RegExp(`^${body.join('').replace(/\/$/, '')}$`);
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n !== 'node_modules' && !n.startsWith('.') && isDir(join(dir, n)));
}
function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The npm packages of a repository: the root and its workspaces. Empty when there is no package.json. */
export function npmPackages(root: string): NpmPackage[] {
  const file = join(root, 'package.json');
  // Said by name: versioning only the root of such a repository would publish its packages out of step.
  if (existsSync(join(root, 'pnpm-workspace.yaml')))
    throw new StageError(
      'pnpm workspaces are not supported yet (pnpm-workspace.yaml found): only npm workspaces (package.json "workspaces") are versioned and published. Release each package from its own directory, or list the packages in package.json "workspaces" and publish with npm.',
    );
  if (!existsSync(file)) return [];
  const { doc } = readJson(file);
  if (doc.workspaces && ['yarn.lock', '.yarnrc.yml'].some((f) => existsSync(join(root, f))))
    throw new StageError(
      'yarn workspaces are not supported yet (package.json "workspaces" with yarn.lock or .yarnrc.yml): only npm workspaces (package-lock.json) are versioned and published. Switch the repository to npm workspaces, or release each package from its own directory.',
    );
  const out: NpmPackage[] = [];
  const pkg = (dir: string, d: Json): NpmPackage => ({
    name: String(d.name ?? ''),
    dir,
    private: d.private === true,
    version: typeof d.version === 'string' ? d.version : undefined,
  });
  out.push(pkg('', doc));
  const ws = doc.workspaces;
  const patterns = Array.isArray(ws)
    ? (ws as string[])
    : ws && typeof ws === 'object' && Array.isArray((ws as Json).packages)
      ? ((ws as Json).packages as string[])
      : [];
  for (const dir of expandWorkspaces(root, patterns)) out.push(pkg(dir, readJson(join(root, dir, 'package.json')).doc));
  return out;
}

/**
 * The version the root manifest (package.json) states, as written (placeholders included: the version model
 * decides what counts); undefined without a package.json or a version in it.
 */
export function rootManifestVersion(root: string): string | undefined {
  const file = join(root, 'package.json');
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (!st) return undefined;
  // Read by the plan and the changelog too: a committed link to /proc/self/environ must not reach the log.
  if (!st.isFile())
    throw new StageError('package.json is not a regular file (a symbolic link?): its version is not read');
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StageError('package.json is not valid JSON: its version cannot be read');
  }
  const v = doc && typeof doc === 'object' ? (doc as Json).version : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** `^1.2.0` → `^1.3.0` for an internal dependency; undefined when the spec is not a plain version range. */
export function bumpRange(spec: string, version: string): string | undefined {
  // pnpm's and yarn's `workspace:^1.2.0` keeps its protocol; `workspace:*`, `workspace:^` are resolved at publish.
  if (spec.startsWith('workspace:')) {
    const inner = bumpRange(spec.slice('workspace:'.length), version);
    return inner === undefined ? undefined : `workspace:${inner}`;
  }
  const m = /^(\^|~|>=|=)?v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(spec.trim());
  if (!m) return undefined;
  return `${m[1] ?? ''}${version}`;
}

function bumpDeps(doc: Json, internal: Set<string>, version: string, edits: string[], where = ''): void {
  for (const field of DEP_FIELDS) {
    const deps = doc[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (!internal.has(name) || typeof spec !== 'string') continue;
      const next = bumpRange(spec, version);
      if (next && next !== spec) {
        (deps as Record<string, string>)[name] = next;
        edits.push(`${where}${field}.${name} ${spec} → ${next}`);
      }
    }
  }
}

export interface BumpPlanOptions {
  /** Extra files (relative paths) whose marked lines carry the version. */
  versionFiles?: string[];
}

/** Every file change a release of `version` makes, computed from the files as they are; nothing is written. */
export function planManifestBump(root: string, version: string, o: BumpPlanOptions = {}): FileChange[] {
  const changes: FileChange[] = [];
  const packages = npmPackages(root);
  const internal = new Set(packages.map((p) => p.name).filter(Boolean));
  for (const p of packages) {
    const file = join(root, p.dir, 'package.json');
    const { doc, indent, newline, text } = readJson(file);
    const edits: string[] = [];
    if (doc.version !== version && !(p.dir === '' && doc.version === undefined && packages.length > 1)) {
      edits.push(`version ${String(doc.version ?? '(none)')} → ${version}`);
      doc.version = version;
    }
    bumpDeps(doc, internal, version, edits);
    if (edits.length) {
      changes.push({
        path: posix.join(p.dir || '.', 'package.json'),
        before: text,
        after: writeJsonText(doc, indent, newline),
        edits,
      });
    }
  }
  for (const lockName of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const file = join(root, lockName);
    if (!existsSync(file)) continue;
    const { doc, indent, newline, text } = readJson(file);
    const edits: string[] = [];
    const rootPkg = packages[0];
    if (typeof doc.version === 'string' && rootPkg && (rootPkg.version !== undefined || doc.version !== undefined)) {
      const want = rootPkg.version === undefined && packages.length > 1 ? doc.version : version;
      if (doc.version !== want) {
        edits.push(`version ${doc.version} → ${want}`);
        doc.version = want;
      }
    }
    const lockPkgs = doc.packages as Record<string, Json> | undefined;
    if (lockPkgs && typeof lockPkgs === 'object') {
      for (const p of packages) {
        const entry = lockPkgs[p.dir];
        if (!entry) continue;
        const isRootWithoutVersion = p.dir === '' && p.version === undefined && packages.length > 1;
        if (!isRootWithoutVersion && entry.version !== version) {
          edits.push(`packages["${p.dir}"].version ${String(entry.version ?? '(none)')} → ${version}`);
          entry.version = version;
        }
        bumpDeps(entry, internal, version, edits, `packages["${p.dir}"].`);
      }
    }
    if (edits.length) changes.push({ path: lockName, before: text, after: writeJsonText(doc, indent, newline), edits });
  }
  for (const rel of o.versionFiles ?? []) {
    const file = resolve(root, rel);
    const r = relative(resolve(root), file);
    if (r.startsWith('..') || r === '') throw new StageError(`version file ${rel} is outside the repository`);
    if (!existsSync(file)) throw new StageError(`version file ${rel} does not exist`);
    const text = readFileSync(confinePath(root, rel, { input: 'version_files' }), 'utf8');
    const edits: string[] = [];
    let marked = 0;
    const after = text
      .split('\n')
      .map((line, i) => {
        if (!line.includes(VERSION_MARKER)) return line;
        marked++;
        return line.replace(/\d+\.\d+\.\d+(-[0-9A-Za-z.-]*[0-9A-Za-z])?/, (old) => {
          if (old !== version) edits.push(`line ${i + 1}: ${old} → ${version}`);
          return version;
        });
      })
      .join('\n');
    if (marked === 0) {
      throw new StageError(`version file ${rel} has no line marked ${VERSION_MARKER}: nothing to bump there`);
    }
    if (after !== text) changes.push({ path: toPosix(r), before: text, after, edits });
  }
  return changes;
}

/** Write planned changes; refuses when a file changed since it was planned. */
export function applyChanges(root: string, changes: FileChange[]): void {
  // Written through its real path only when that stays in the checkout (a committed link is data, not a target).
  // A change from '' creates its file (a package's first CHANGELOG.md).
  const files = changes.map((c) =>
    confinePath(root, c.path, {
      input: 'version_files',
      what: `The release's file ${c.path}`,
      mayBeMissing: c.before === '',
    }),
  );
  changes.forEach((c, i) => {
    const now = existsSync(files[i] as string) ? readFileSync(files[i] as string, 'utf8') : '';
    if (now !== c.before) throw new StageError(`${c.path} changed since the release was planned`);
  });
  changes.forEach((c, i) => writeFileSync(files[i] as string, c.after));
}
