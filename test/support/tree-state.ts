/**
 * What a refused run must leave untouched, as text to compare before and after: every file below a folder with
 * its size and mtime, and a repository's refs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` (recursively), one line each: path, size, mtime; sorted. */
export function filesState(dir: string): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else files.push(`${p} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return files.sort().join('\n');
}

/** The refs of the repository at `dir` (bare or not), as `git for-each-ref` prints them. */
export function refsState(dir: string): string {
  return execFileSync('git', ['for-each-ref'], { cwd: dir, encoding: 'utf8' });
}
