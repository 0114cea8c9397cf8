#!/usr/bin/env node
// Bundles every action (actions/<x>/src/index.ts) into actions/<x>/dist/: an ESM entry, dist/index.js, that a
// runner executes straight from the tag with `runs.using: node24`, and the chunks it imports, dist/chunks/*.js.
// esbuild rather than ncc: the dependencies (@actions/core 3, @actions/github 9, conventional-changelog 9) are
// ESM-only, our workspace package is resolved from TypeScript source through package exports, and the output must
// be byte-for-byte reproducible so that check-dist can compare it.
//
// Startup time: every run of an action is a fresh Node process on a fresh runner (no compile cache), so what the
// entry loads before the stage starts is paid on every step. Code splitting puts what only some paths need
// (Octokit and undici, conventional-changelog-writer, yaml) in chunks loaded by `import()` on those paths, and
// @actions/core's OIDC client, the one part of it that needs @actions/http-client (and so undici, ~770 KiB), is
// loaded on the first getIDToken() call instead of at startup (see lazyOidc below; docs/architecture.md).
//
// `--out DIR` writes DIR/<x>/… instead (used by the check-dist test). Names on the command line: only those.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const BANNER = [
  '// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.',
  "import { createRequire as __raCreateRequire } from 'node:module';",
  "import { fileURLToPath as __raFileURLToPath } from 'node:url';",
  "import { dirname as __raDirname } from 'node:path';",
  'const require = __raCreateRequire(import.meta.url);',
  'const __filename = __raFileURLToPath(import.meta.url);',
  'const __dirname = __raDirname(__filename);',
].join('\n');

/**
 * @actions/core imports its OIDC client (lib/oidc-utils.js) at the top of lib/core.js, and that client imports
 * @actions/http-client, which imports undici: ~45% of an action's startup for a function (getIDToken) no action
 * calls. This plugin hands core.js a stand-in OidcClient whose getIDToken loads the real one with `import()`:
 * same behaviour, paid for only when used. The build fails if core.js no longer imports ./oidc-utils.js (the
 * stand-in would silently not apply and undici would be back at startup).
 */
function lazyOidc(state) {
  return {
    name: 'lazy-oidc',
    setup(b) {
      b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (a) => {
        if (!/[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(a.importer)) return undefined;
        state.applied = true;
        return { path: join(a.resolveDir, 'oidc-utils.js'), namespace: 'lazy-oidc' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, (a) => ({
        contents: [
          '// Stand-in for @actions/core/lib/oidc-utils.js: loads it (and @actions/http-client) on first use.',
          'export class OidcClient {',
          '  static async getIDToken(audience) {',
          `    const { OidcClient: Real } = await import(${JSON.stringify(a.path)});`,
          '    return Real.getIDToken(audience);',
          '  }',
          '}',
        ].join('\n'),
        resolveDir: dirname(a.path),
        loader: 'js',
      }));
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  write: false,
  banner: { js: BANNER },
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
  sourcemap: false,
  absWorkingDir: root,
  metafile: true,
  // @cyclonedx/cyclonedx-library's optional plugins (XML, schema validation), each required inside a try: left out,
  // the release only writes JSON.
  external: [
    'ajv',
    'ajv-formats',
    'ajv-formats-draft2019',
    'libxmljs2',
    'xmlbuilder2',
    'packageurl-js',
    'spdx-expression-parse',
  ],
};

/** Build one target; returns its files ({ path relative to the out dir: contents }) and esbuild's metafile. */
export async function bundle(t) {
  const state = { applied: false };
  const result = await build({
    ...common,
    entryPoints: { index: t.entry },
    plugins: [lazyOidc(state)],
    ...(t.split
      ? { splitting: true, outdir: t.outDir, chunkNames: 'chunks/[name]-[hash]', entryNames: '[name]' }
      : { outfile: join(t.outDir, t.file) }),
  });
  const inputs = Object.keys(result.metafile.inputs);
  if (inputs.some((i) => /@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(i)) && !state.applied) {
    throw new Error(
      `${t.name}: @actions/core no longer imports ./oidc-utils.js; update lazyOidc in scripts/bundle.mjs`,
    );
  }
  const files = {};
  for (const f of result.outputFiles) files[relative(t.outDir, f.path)] = f.contents;
  return { files, metafile: result.metafile };
}

/** Every target: the actions (split, out dir actions/<x>/dist) and the extra entries (the CLI, one file). */
export function targets(outRoot) {
  const actions = readdirSync(join(root, 'actions')).filter((a) =>
    existsSync(join(root, 'actions', a, 'src', 'index.ts')),
  );
  const list = actions.map((a) => ({
    name: a,
    entry: join(root, 'actions', a, 'src', 'index.ts'),
    split: true,
    outDir: outRoot ? join(outRoot, a) : join(root, 'actions', a, 'dist'),
  }));
  // Extra entries (the CLI) declared in scripts/bundle-entries.json, if present: one file each.
  const extraFile = join(root, 'scripts', 'bundle-entries.json');
  if (existsSync(extraFile)) {
    for (const e of JSON.parse(readFileSync(extraFile, 'utf8'))) {
      const out = outRoot ? join(outRoot, e.name, 'index.js') : join(root, e.out);
      list.push({ name: e.name, entry: join(root, e.entry), split: false, outDir: dirname(out), file: 'index.js' });
      list.at(-1).file = out.slice(dirname(out).length + 1);
    }
  }
  return list;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const outRoot = outIdx >= 0 ? resolve(args[outIdx + 1]) : undefined;
  const only = args.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));
  const started = Date.now();
  const chosen = targets(outRoot).filter((t) => only.length === 0 || only.includes(t.name));
  for (const t of chosen) {
    const { files } = await bundle(t);
    // A split action owns its dist/ directory: clear it so no chunk of an older build is left behind.
    if (t.split) rmSync(t.outDir, { recursive: true, force: true });
    let bytes = 0;
    for (const [rel, contents] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
      mkdirSync(dirname(join(t.outDir, rel)), { recursive: true });
      writeFileSync(join(t.outDir, rel), contents);
      bytes += contents.length;
    }
    const entry = files[t.split ? 'index.js' : t.file];
    process.stdout.write(
      `bundled ${t.name}: entry ${(entry.length / 1024).toFixed(0)} KiB, ${Object.keys(files).length} files, ` +
        `${(bytes / 1024).toFixed(0)} KiB → ${relative(root, t.outDir)}\n`,
    );
  }
  process.stdout.write(`${chosen.length} bundles in ${Date.now() - started} ms\n`);
}
