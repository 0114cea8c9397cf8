/** The moving major tag (v1) to the release commit, when asked for and the release is the newest of its major. */
import { StageError } from '@release-actions/shared';
import type { ReleasePlan, StepDeps } from '../types.js';

export async function moveMajorTag(s: { plan: ReleasePlan; commit: string }, d: StepDeps): Promise<object> {
  const mt = s.plan.majorTag;
  const { commit } = s;
  if (!mt) return {};
  await d.ledger.step('major-tag', async () => {
    const refs = await d.git.lsRemote(d.remote, [`refs/tags/${mt}`, `refs/tags/${mt}^{}`]);
    const now = refs.get(`refs/tags/${mt}^{}`) ?? refs.get(`refs/tags/${mt}`);
    if (now === commit) return { state: 'already-done', detail: `${mt} → ${commit.slice(0, 12)}` };
    const p = await d.git.push(d.remote, [`${commit}:refs/tags/${mt}`], { force: true });
    if (!p.ok) throw new StageError(`moving ${mt} failed: ${p.message.split('\n').slice(-2).join(' / ')}`);
    return { state: 'done', detail: `${mt} → ${commit.slice(0, 12)}` };
  });
  return {};
}
