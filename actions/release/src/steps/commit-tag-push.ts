/**
 * The release commit (bumped manifests) and its annotated tag, pushed with the branch atomically: both land or
 * neither. A refused push drops the local commit and tag, so a later run starts from the remote. A resumed run
 * finds its tag on the remote and takes that commit.
 */
import { applyChanges } from '@release-actions/shared/versioning';
import type { PushResult } from '@release-actions/shared/git';
import { errorMessage, StageError } from '@release-actions/shared';
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
    for (const tag of releaseTags(plan)) await git.tagAnnotated(tag, made);
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
    const tags = releaseTags(plan);
    const p = await git.push(
      d.remote,
      [`${commit}:refs/heads/${cfg.releaseBranch}`, ...tags.map((t) => `refs/tags/${t}:refs/tags/${t}`)],
      { atomic: true },
    );
    if (!p.ok) {
      // Drop our local commit and tags: nothing was pushed, and a later run starts from the remote.
      for (const t of tags) await git.deleteTag(t);
      await git.resetKeep(head);
      throw await pushFailure(p, head, d);
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

/** The tags a release pushes: its tag, or with versioning: independent each package's (all in one atomic push). */
export function releaseTags(plan: ReleasePlan): string[] {
  return plan.packages ? plan.packages.map((p) => p.tag) : [plan.tag];
}

/**
 * The remote's rules refused the push of the release branch (branch protection, a ruleset, a hook): the record keeps
 * which commit was refused, so that a re-run from the same commit stops before claiming (and writing) anything.
 */
export class PushRefused extends StageError {
  constructor(
    message: string,
    readonly refused: { branch: string; base: string; run_id: string },
  ) {
    super(message);
  }
}

const HINT = (branch: string) =>
  `${branch} is protected: release with release_mode: pull-request (a release pull request, merged under the branch's rules, releases) or release_mode: tag-only (no commit on the branch; the tag on the tested commit), or let this token bypass the protection (docs/protected-branches.md)`;

/** Why the atomic push failed, in the remote's words, and what it means: moved, protected, or broken. */
async function pushFailure(p: PushResult, head: string, d: StepDeps): Promise<StageError> {
  const { cfg, remote } = d;
  const said = p.remoteLines.length ? p.remoteLines : p.message.split('\n').slice(-3);
  const theRemoteSaid = `${remote} said: ${said.join(' / ')}`;
  const noneMade = `Neither the release commit nor tag was pushed (atomic push); no GitHub Release or package was made. The status record (${d.store.describe()}) was written: this release's claim and this failure.`;
  // A refusal says why only sometimes: the branch's tip now tells whether it moved.
  const tip = await d.git
    .lsRemote(remote, [`refs/heads/${cfg.releaseBranch}`])
    .then((m) => m.get(`refs/heads/${cfg.releaseBranch}`))
    .catch((e: unknown) => {
      d.log.warning(`could not read ${cfg.releaseBranch} on ${remote} after the refused push: ${errorMessage(e)}`);
      return undefined;
    });
  if (tip && tip !== head) {
    return new StageError(
      `push rejected: ${cfg.releaseBranch} on ${remote} moved while this release ran (${head.slice(0, 12)} → ${tip.slice(0, 12)}: another commit or release landed). ${noneMade} Start a new release from the new tip.`,
    );
  }
  if (p.declined) {
    return new PushRefused(
      `push refused: ${remote} does not accept the release commit on ${cfg.releaseBranch}, which did not move (${theRemoteSaid}). ${noneMade} Re-running the same way fails the same way; ${HINT(cfg.releaseBranch)}.`,
      { branch: cfg.releaseBranch, base: head, run_id: d.runId },
    );
  }
  return new StageError(`git push failed (${theRemoteSaid}). ${noneMade}`);
}

/**
 * A re-run (same run id) of a direct release the remote refused from this very commit is refused again: stop before
 * the claim, so that each attempt does not write the status record once more, and say what to change. A new run
 * tries again (the protection may have changed).
 */
export async function notRefusedBefore(s: Preflighted & { plan: ReleasePlan }, d: StepDeps): Promise<object> {
  const rec = s.doc.releases.find((r) => r.version === s.plan.version);
  const refused = rec?.refused as { branch?: string; base?: string; run_id?: string } | undefined;
  const same =
    rec?.status === 'failed' &&
    refused?.branch === d.cfg.releaseBranch &&
    refused.base === s.head &&
    refused.run_id === d.runId;
  if (!same) return {};
  return d.ledger.within('push', async () => {
    throw new StageError(
      `${d.cfg.releaseBranch} on ${d.remote} refused release ${s.plan.version} from this commit (${s.head.slice(0, 12)}) in an earlier attempt of this run: ${String(rec.error ?? '').slice(0, 400)} Nothing was done this time (the status record was not written again). ${HINT(d.cfg.releaseBranch)}.`,
    );
  });
}
