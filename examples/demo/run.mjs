#!/usr/bin/env node
// `npm run demo`: the whole release pipeline, locally (docs/demo.md). The demo is TypeScript (src/main.ts) that
// imports the actions' schemas, the runner emulator (packages/runner) and the local services (packages/testkit); esbuild
// (a devDependency, installed by `npm ci`) bundles it into .out/.build/demo.mjs, and it runs. About half a second; no build step to remember.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `demo: the actions run on Node 24 (runs.using: node24); this is Node ${process.version}. Run it as \`npm run demo\` after \`npm ci\` (npm puts the node devDependency first on the PATH).\n`,
  );
  process.exit(2);
}
const out = join(here, '.out', '.build', 'demo.mjs');
mkdirSync(dirname(out), { recursive: true });
const result = await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile: out,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  absWorkingDir: root,
  logLevel: 'warning',
  // Everything is bundled; files read at run time (GitHub's OpenAPI description and GraphQL schema, Verdaccio's
  // CLI) are found from node_modules above .out/.build.
  banner: {
    js: "import { createRequire as __demoRequire } from 'node:module'; const require = __demoRequire(import.meta.url);",
  },
});
// Written whole, then renamed: two demos started at once never import a half-written file.
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, result.outputFiles[0].contents);
renameSync(tmp, out);
const { cli } = await import(pathToFileURL(out).href);
process.exitCode = await cli(process.argv.slice(2));
