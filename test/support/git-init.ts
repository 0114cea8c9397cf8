/** The throwaway repositories of the unit and e2e tests start alike. */
import { execFileSync } from 'node:child_process';

/**
 * `git init` (branch main) in `dir` with the test identity (Dev <dev@example.com>) and no signing, whatever the
 * machine's global config says.
 */
export function initTestRepo(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
}
