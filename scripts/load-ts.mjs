// Loads a TypeScript module (and what it imports from the workspace) by bundling it with esbuild into a
// temporary ESM file: scripts, the CLI and benchmarks use it to read the actions' schemas without a build step.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles with esbuild (these options on top of node/ESM/in-memory ones) and imports the result from a temp file. */
export async function importBundle(options) {
  const result = await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    ...options,
  });
  // Inside the repository (node_modules/.cache), not the system temp dir: modules that resolve files at run time
  // (createRequire(import.meta.url).resolve, e.g. the GitHub double's OpenAPI description) then find node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'ra-load-'));
  const file = join(dir, 'module.mjs');
  writeFileSync(file, result.outputFiles[0]?.contents ?? '');
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadTs(entry) {
  return importBundle({
    entryPoints: [resolve(root, entry)],
    target: 'node20',
    packages: 'bundle',
    absWorkingDir: root,
  });
}
