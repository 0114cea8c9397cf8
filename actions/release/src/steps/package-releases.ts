/**
 * GitHub Releases of an independent release: one draft per package on its tag with its own notes
 * (`github_release: per-package`), or one for the run on the first package's tag whose notes have a section per
 * package (`aggregate`); each found before it is created, so a re-run makes none twice. Published, like the
 * single release, once every package is verified in its registry.
 */
import { createDraft, findRelease, publishRelease, type ReleaseInfo } from '../github-release.js';
import type { StepResult } from '../ledger.js';
import type { ReleasePlan, StepDeps } from '../types.js';

interface Wanted {
  step: string;
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
  makeLatest: boolean;
}

function wanted(plan: ReleasePlan, d: StepDeps): Wanted[] {
  const packages = plan.packages ?? [];
  if (d.cfg.githubRelease === 'aggregate')
    return [
      {
        step: 'github-release',
        tag: plan.tag,
        name: packages.map((p) => p.tag).join(', '),
        body: plan.notesBody,
        prerelease: plan.prerelease,
        makeLatest: plan.makeLatest,
      },
    ];
  // Only the first package's release may become the repository's latest: one run, one latest.
  return packages.map((p, i) => ({
    step: `github-release:${p.name}`,
    tag: p.tag,
    name: p.tag,
    body: p.notesBody,
    prerelease: p.prerelease,
    makeLatest: i === 0 && !p.prerelease && !p.backport,
  }));
}

export async function packageReleases(
  s: { plan: ReleasePlan; commit: string },
  d: StepDeps,
): Promise<{ release: ReleaseInfo; releases: ReleaseInfo[] }> {
  const repo = { owner: d.owner, repo: d.repo };
  const releases: ReleaseInfo[] = [];
  for (const w of wanted(s.plan, d)) {
    const { release } = await d.ledger.step<StepResult & { release: ReleaseInfo }>(w.step, async () => {
      const existing = await findRelease(d.gh, repo, w.tag);
      const r =
        existing ??
        (
          await createDraft(d.gh, repo, {
            tag: w.tag,
            commit: s.commit,
            name: w.name,
            body: w.body,
            prerelease: w.prerelease,
            log: d.log,
          })
        ).release;
      return {
        state: existing ? 'already-done' : 'done',
        release: r,
        detail: `${r.draft ? 'draft' : 'published'} ${r.id}`,
      };
    });
    releases.push(release);
  }
  return { release: releases[0] as ReleaseInfo, releases };
}

export async function publishPackageReleases(
  s: { plan: ReleasePlan; releases: ReleaseInfo[] },
  d: StepDeps,
): Promise<{ release: ReleaseInfo; releases: ReleaseInfo[] }> {
  const repo = { owner: d.owner, repo: d.repo };
  const list = wanted(s.plan, d);
  const out: ReleaseInfo[] = [];
  for (const [i, rel] of s.releases.entries()) {
    const w = list[i] as Wanted;
    const step = w.step.replace(/^github-release/, 'github-release-publish');
    const { release } = await d.ledger.step<StepResult & { release: ReleaseInfo }>(step, async () => {
      const res = await publishRelease(d.gh, repo, rel, { prerelease: w.prerelease, makeLatest: w.makeLatest });
      return {
        state: res.changed ? 'done' : 'already-done',
        detail: res.release.url,
        release: res.release,
        ...(i === 0 ? { extra: (rec: { release_url?: string }) => void (rec.release_url = res.release.url) } : {}),
      };
    });
    out.push(release);
  }
  return { release: out[0] as ReleaseInfo, releases: out };
}
