/**
 * release_mode tag-only: no commit on the branch at all (a protected branch accepts none), the annotated tag on
 * the tested commit. The manifests are bumped in the workspace only, so the packages published carry the version;
 * the branch's manifests keep the previous one (the tags are the versions' source). A re-run finds the tag on the
 * tested commit and converges; a tag of that name elsewhere stops it, changing nothing.
 */
import { applyChanges, planManifestBump } from '@release-actions/shared/versioning';
import { StageError } from '@release-actions/shared';
import type { ReleasePlan, StepDeps } from '../types.js';
import { releaseTags } from './commit-tag-push.js';
import type { Preflighted } from './preflight.js';

export async function tagOnly(s: Preflighted & { plan: ReleasePlan }, d: StepDeps): Promise<{ commit: string }> {
  const { plan, head } = s;
  const { git, remote } = d;
  // A resumed run's plan has no files (direct mode's release commit carries them): bump from the checkout here.
  // (An independent plan always carries its files: it is made from the tested commit, resumed or not.)
  const files =
    plan.files.length || plan.packages
      ? plan.files
      : planManifestBump(d.workspace, plan.version, { versionFiles: d.cfg.versionFiles });
  applyChanges(d.workspace, files);
  const tags = releaseTags(plan);
  for (const tag of tags) {
    const at = s.remoteTag(tag);
    if (at && at !== head) {
      throw new StageError(
        `tag ${tag} on ${remote} points to ${at.slice(0, 12)}, not to the tested commit ${head.slice(0, 12)}; nothing was changed (delete the tag or release from that commit)`,
      );
    }
  }
  // Every tag there already (one atomic push made them): a re-run converges.
  const there = s.resumeTagCommit ?? (tags.every((t) => s.remoteTag(t)) ? head : undefined);
  if (there && there !== head) {
    throw new StageError(
      `tag ${plan.tag} on ${remote} points to ${there.slice(0, 12)}, not to the tested commit ${head.slice(0, 12)}; nothing was changed (delete the tag or release from that commit)`,
    );
  }
  const detail = `${tags.join(', ')} at ${head.slice(0, 12)} (no commit on ${d.cfg.releaseBranch})`;
  await d.ledger.step('tag', async () => {
    if (there) return { state: 'already-done', detail };
    for (const tag of tags) await git.tagAnnotated(tag, head, { message: plan.commitMessage });
    return {
      state: 'done',
      detail,
      extra: (rec) => {
        rec.commit = head;
      },
    };
  });
  await d.ledger.step('push', async () => {
    if (there) return { state: 'already-done', detail };
    const p = await git.push(
      remote,
      tags.map((t) => `refs/tags/${t}:refs/tags/${t}`),
      { atomic: true },
    );
    if (!p.ok) {
      for (const t of tags) await git.deleteTag(t);
      const said = (p.remoteLines.length ? p.remoteLines : p.message.split('\n').slice(-3)).join(' / ');
      throw new StageError(
        `the tag push failed (${remote} said: ${said}); no tag, GitHub Release or package was made.${p.declined ? ' A tag ruleset or hook refused it: let this token create release tags (docs/protected-branches.md).' : ''}`,
      );
    }
    return {
      state: 'done',
      detail,
      extra: (rec) => {
        rec.status = 'releasing';
      },
    };
  });
  return { commit: head };
}
