#!/usr/bin/env node
// `npm run bench -- <name> [args…]`: runs bench/<name>/run.mjs. Without a name, lists the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const names = readdirSync(here).filter((d) => existsSync(join(here, d, 'run.mjs')));
if (!name || !names.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${names.join('|')}> [args]\n`);
  process.exit(name ? 1 : 0);
}
const r = spawnSync(process.execPath, [join(here, name, 'run.mjs'), ...rest], { stdio: 'inherit' });
process.exit(r.status ?? 1);
