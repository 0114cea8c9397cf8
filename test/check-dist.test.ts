/**
 * check-dist: the committed bundles (actions/<x>/dist/: index.js and the chunks it imports, dist/chunks/*.js) are
 * exactly what `npm run bundle` makes from the sources in this tree, file for file: no file missing, changed or
 * left over. A runner executes dist/ straight from the tag, so a stale bundle ships old code.
 *
 * Startup: what an action's entry loads before its stage runs is paid by every run on a fresh runner, so the
 * heavy modules only some paths need must stay behind `import()` (see scripts/bundle.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './support/run-action.js';

const actions = readdirSync(join(ROOT, 'actions')).filter((a) =>
  existsSync(join(ROOT, 'actions', a, 'src', 'index.ts')),
);
// Extra bundles (the CLI), declared in scripts/bundle-entries.json.
const extraFile = join(ROOT, 'scripts', 'bundle-entries.json');
const extras: { name: string; out: string }[] = existsSync(extraFile)
  ? (JSON.parse(readFileSync(extraFile, 'utf8')) as { name: string; out: string }[])
  : [];
let out: string;

/** Every file under dir, as paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'ra-check-dist-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test.each(actions)('actions/%s/dist matches a fresh bundle, file for file', (a) => {
  const committedDir = join(ROOT, 'actions', a, 'dist');
  const freshDir = join(out, a);
  const fresh = listFiles(freshDir);
  expect(fresh).toContain('index.js');
  const committed = listFiles(committedDir);
  const stale = [
    ...fresh.filter((f) => !committed.includes(f)).map((f) => `missing ${f}`),
    ...committed.filter((f) => !fresh.includes(f)).map((f) => `left over ${f}`),
    ...fresh
      .filter((f) => committed.includes(f))
      .filter((f) => !readFileSync(join(committedDir, f)).equals(readFileSync(join(freshDir, f))))
      .map((f) => `changed ${f}`),
  ];
  if (stale.length) {
    throw new Error(`actions/${a}/dist is stale (${stale.join(', ')}): run \`npm run bundle\` and commit dist/`);
  }
  expect(stale).toEqual([]);
});

test.each(extras.map((e) => [e.name, e.out]))('%s: %s matches a fresh bundle', (name, file) => {
  const committed = join(ROOT, file);
  expect(existsSync(committed)).toBe(true);
  const same = readFileSync(committed, 'utf8') === readFileSync(join(out, name, 'index.js'), 'utf8');
  if (!same) throw new Error(`${file} is stale: run \`npm run bundle\` and commit it`);
  expect(same).toBe(true);
});

/** The files an entry loads before any `import()`: itself and its static imports, transitively. */
function staticClosure(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    // esbuild writes static chunk imports as `import … from "./chunks/x.js"` or `import "./chunks/x.js"`.
    for (const m of text.matchAll(/^(?:import\s[^;]*?from\s*|import\s*)"(\.{1,2}\/[^"]+)";?$/gm)) {
      visit(join(dirname(file), m[1] as string));
    }
  };
  visit(entry);
  return seen;
}

// Modules that must not be loaded at startup: only the paths that need them import() them.
const lazy: Record<string, string[]> = {
  // Octokit/undici with include_prs and a token; the writer for conventional-changelog; yaml for a `types` input.
  changelog: [
    'node_modules/undici/',
    'node_modules/@octokit/',
    'node_modules/conventional-changelog-writer/',
    'node_modules/yaml/',
  ],
  // plan reads local git and the policy file: no HTTP client (undici only behind @actions/core's getIDToken).
  plan: ['node_modules/undici/', 'node_modules/@actions/http-client/'],
  // autocannon for a built-in load test, tool-cache (and undici) to download k6.
  'quality-gates': ['node_modules/undici/', 'node_modules/autocannon/', 'node_modules/@actions/tool-cache/'],
  // Octokit once the inputs are valid (release) or with a token (deploy, rollback).
  release: ['node_modules/undici/', 'node_modules/@octokit/'],
  deploy: ['node_modules/undici/', 'node_modules/@octokit/'],
  rollback: ['node_modules/undici/', 'node_modules/@octokit/'],
};

/** esbuild heads each bundled module with a `// <path>` comment line. */
const bundles = (text: string, module: string) =>
  text.split('\n').some((l) => l.startsWith('// ') && l.includes(module, 3) && /^\/\/ (\S*\/)?node_modules\//.test(l));

test.each(Object.entries(lazy))('actions/%s/dist/index.js loads none of the lazy modules at startup', (a, modules) => {
  const closure = staticClosure(join(ROOT, 'actions', a, 'dist', 'index.js'));
  const found = modules.filter((m) => [...closure.values()].some((text) => bundles(text, m)));
  expect(found).toEqual([]);
  // …and they are there, behind import(): the check above would pass vacuously if esbuild's comments changed.
  const all = listFiles(join(ROOT, 'actions', a, 'dist')).map((f) =>
    readFileSync(join(ROOT, 'actions', a, 'dist', f), 'utf8'),
  );
  expect(modules.filter((m) => !all.some((text) => bundles(text, m)))).toEqual([]);
});
