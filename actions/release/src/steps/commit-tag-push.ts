/**
 * The release commit (bumped manifests) and its annotated tag, pushed with the branch atomically: both land or
 * neither. A refused push drops the local commit and tag, so a later run starts from the remote. A resumed run
 * finds its tag on the remote and takes that commit.
 */
import { applyChanges } from '@release-actions/shared/versioning';
import { StageError } from '@release-actions/shared';
import type { StepResult } from '../ledger.js';
import type { ReleasePlan, StepDeps } from '../types.js';
import type { Preflighted } from './preflight.js';

export async function commitTagPush(s: Preflighted & { plan: ReleasePlan }, d: StepDeps): Promise<{ commit: string }> {
  const { plan, resumeTagCommit, head } = s;
  const { cfg, git } = d;
  const { commit } = await d.ledger.step<StepResult & { commit: string }>('commit', async () => {
    if (resumeTagCommit)
      return { state: 'already-done', detail: resumeTagCommit.slice(0, 12), commit: resumeTagCommit };
    applyChanges(d.workspace, plan.files);
    const made = await git.commit(plan.commitMessage, { paths: plan.files.map((f) => f.path) });
    await git.tagAnnotated(plan.tag, made);
    return {
      state: 'done',
      detail: made.slice(0, 12),
      commit: made,
      extra: (rec) => {
        rec.commit = made;
      },
    };
  });
  await d.ledger.step('push', async () => {
    if (resumeTagCommit) return { state: 'already-done', detail: `${plan.tag} at ${commit.slice(0, 12)}` };
    const p = await git.push(
      d.remote,
      [`${commit}:refs/heads/${cfg.releaseBranch}`, `refs/tags/${plan.tag}:refs/tags/${plan.tag}`],
      { atomic: true },
    );
    if (!p.ok) {
      // Drop our local commit and tag: nothing was pushed, and a later run starts from the remote.
      await git.deleteTag(plan.tag);
      await git.resetKeep(head);
      if (p.rejected) {
        throw new StageError(
          `push rejected: ${cfg.releaseBranch} on ${d.remote} moved while this release ran (another commit or release landed). Nothing was pushed (atomic push); no tag, release or package was made. Start a new release from the new tip.`,
        );
      }
      throw new StageError(`git push failed: ${p.message.split('\n').slice(-3).join(' / ')}`);
    }
    return {
      state: 'done',
      detail: `${plan.tag} at ${commit.slice(0, 12)}`,
      extra: (rec) => {
        rec.status = 'releasing';
      },
    };
  });
  return { commit };
}
