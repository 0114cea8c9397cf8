#!/usr/bin/env node
// Bundles every action (actions/<x>/src/index.ts) into one ESM file, actions/<x>/dist/index.js, that a runner
// executes straight from the tag with `runs.using: node24`. esbuild rather than ncc: the dependencies
// (@actions/core 3, @actions/github 9, conventional-changelog 9) are ESM-only, our workspace package is resolved
// from TypeScript source through package exports, and the output must be byte-for-byte reproducible so that
// check-dist can compare it. `--out DIR` writes DIR/<x>/index.js instead (used by the check-dist test).
import { build } from 'esbuild';
import { readdirSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outRoot = outIdx >= 0 ? resolve(args[outIdx + 1]) : undefined;
const only = args.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));

export const BANNER = [
  '// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.',
  "import { createRequire as __raCreateRequire } from 'node:module';",
  "import { fileURLToPath as __raFileURLToPath } from 'node:url';",
  "import { dirname as __raDirname } from 'node:path';",
  'const require = __raCreateRequire(import.meta.url);',
  'const __filename = __raFileURLToPath(import.meta.url);',
  'const __dirname = __raDirname(__filename);',
].join('\n');

export const ENTRIES = { actions: [], extra: [] };

const actions = readdirSync(join(root, 'actions')).filter((a) =>
  existsSync(join(root, 'actions', a, 'src', 'index.ts')),
);
const targets = actions
  .filter((a) => only.length === 0 || only.includes(a))
  .map((a) => ({
    name: a,
    entry: join(root, 'actions', a, 'src', 'index.ts'),
    out: outRoot ? join(outRoot, a, 'index.js') : join(root, 'actions', a, 'dist', 'index.js'),
  }));

// Extra entries (the CLI) declared in scripts/bundle-entries.json, if present.
const extraFile = join(root, 'scripts', 'bundle-entries.json');
if (existsSync(extraFile)) {
  for (const e of JSON.parse(readFileSync(extraFile, 'utf8'))) {
    if (only.length === 0 || only.includes(e.name)) {
      targets.push({
        name: e.name,
        entry: join(root, e.entry),
        out: outRoot ? join(outRoot, e.name, 'index.js') : join(root, e.out),
      });
    }
  }
}

const started = Date.now();
for (const t of targets) {
  mkdirSync(dirname(t.out), { recursive: true });
  const result = await build({
    entryPoints: [t.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile: t.out,
    write: false,
    banner: { js: BANNER },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    sourcemap: false,
    absWorkingDir: root,
  });
  const [file] = result.outputFiles;
  writeFileSync(t.out, file.contents);
  process.stdout.write(
    `bundled ${t.name}: ${(file.contents.length / 1024).toFixed(0)} KiB → ${t.out.replace(root + '/', '')}\n`,
  );
}
process.stdout.write(`${targets.length} bundles in ${Date.now() - started} ms\n`);
