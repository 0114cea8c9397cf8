/** Open the release status record the way every stage does. */
import { isAbsolute, resolve } from 'node:path';
import { Git } from '../git/git.js';
import type { Logger } from '../util/logger.js';
import { FileStatusStore, GitBranchStatusStore, type StatusStore } from './store.js';

/**
 * The status record: `status_file` (a local file), else `status_branch` of the workspace's `origin` (the release
 * stage's store). Without a git checkout with an origin, there is no record (said loudly).
 */
export async function openStatusStore(
  v: { status_branch: string; status_file: string },
  o: { workspace: string; token: string; serverUrl: string; log: Logger },
): Promise<StatusStore | undefined> {
  if (v.status_file)
    return new FileStatusStore(isAbsolute(v.status_file) ? v.status_file : resolve(o.workspace, v.status_file));
  let git = new Git(o.workspace, { log: o.log });
  const r = await git.run(['remote', 'get-url', 'origin']);
  if (r.code !== 0) {
    o.log.warning(
      `no git checkout with an origin remote in ${o.workspace}: the status record (release-status.yaml on ${v.status_branch}) is not read or updated. Check out the repository first, or set status_file.`,
    );
    return undefined;
  }
  if (o.token && /^https?:/.test(r.stdout.trim())) git = git.withToken(new URL(r.stdout.trim()).origin, o.token);
  return new GitBranchStatusStore({ git, branch: v.status_branch, log: o.log });
}
