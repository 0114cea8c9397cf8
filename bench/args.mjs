// What every bench/*/run.mjs starts with: the repository root and its command-line options.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);

/** The number after `--<name>` on the command line, or `dflt`. */
export const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

/** For each option of `defaults`, its number on the command line (`--<name> N`), else its default. */
export const opts = (defaults) => Object.fromEntries(Object.entries(defaults).map(([name, d]) => [name, opt(name, d)]));

/** Whether `--<name>` is on the command line. */
export const flag = (name) => args.includes(`--${name}`);
