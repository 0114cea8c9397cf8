/** Small synchronous git helpers for the e2e tests' throwaway repositories. */
import { execFileSync } from 'node:child_process';

/** git in `cwd`; trimmed stdout. */
export const gitSync = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** `git init` (branch main) in `dir` with this identity, and a first commit `feat: the start` tagged `tag`. */
export function initTaggedRepo(dir: string, user: { name: string; email: string }, tag: string): void {
  gitSync(dir, 'init', '-q', '-b', 'main');
  gitSync(dir, 'config', 'user.email', user.email);
  gitSync(dir, 'config', 'user.name', user.name);
  gitSync(dir, 'commit', '-q', '--allow-empty', '-m', 'feat: the start');
  gitSync(dir, 'tag', '-a', tag, '-m', tag);
}
