#!/usr/bin/env node
// `npm run bench -- <name>` runs bench/<name>/run.mjs (all of them with no name), passing the rest of the
// arguments through. Each benchmark prints a side-by-side comparison with a peer tool.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const all = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(here, e.name, 'run.mjs')))
  .map((e) => e.name);
const chosen = name ? [name] : all;
for (const b of chosen) {
  if (!all.includes(b)) {
    process.stderr.write(`no benchmark "${b}"; there are: ${all.join(', ')}\n`);
    process.exit(2);
  }
  const r = spawnSync(process.execPath, [join(here, b, 'run.mjs'), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
