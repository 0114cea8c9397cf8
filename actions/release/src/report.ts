/** The dry-run plan as text, and the job summary: version, tag, links, and the table of steps with their state. */
import type { Summary } from '@release-actions/shared/action';
import type { NothingToRelease, PublishedItem, ReleaseOutcome, ReleasePlan, StepReport } from './release.js';

export function renderPlan(plan: ReleasePlan): string {
  const lines: string[] = [];
  if (plan.packages) {
    lines.push(`packages (publish order): ${plan.packages.length}`);
    for (const p of plan.packages)
      lines.push(
        `  ${p.name}: ${p.previousTag ?? '(no previous release)'} → ${p.tag} (${p.bump}${p.private ? ', private: not published' : ''}; ${p.reasons.join('; ')})`,
      );
    lines.push(`tags: annotated, pushed atomically (with the release commit in release_mode direct)`);
  } else {
    lines.push(`version: ${plan.previousVersion ?? '(no previous release)'} → ${plan.version} (${plan.bump})`);
    lines.push(`tag: ${plan.tag} (annotated), commit "${plan.commitMessage}", pushed atomically with the branch`);
  }
  lines.push(
    `release: ${plan.prerelease ? 'prerelease' : plan.backport ? 'backport (make_latest: false)' : 'stable (latest)'}`,
  );
  lines.push(`tests: ${plan.testCommand || '(none)'}`);
  lines.push(`build: ${plan.buildCommand}`);
  if (plan.files.length) {
    lines.push('files changed:');
    for (const f of plan.files) {
      lines.push(`  ${f.path}`);
      for (const e of f.edits) lines.push(`    ${e}`);
    }
  } else lines.push('files changed: (none)');
  for (const p of plan.npm) {
    lines.push(
      `npm: ${p.name}@${p.version ?? plan.version} --tag ${p.distTag}${p.provenance ? ' --provenance' : ''} (auth: ${p.auth})`,
    );
  }
  for (const name of plan.npmSkipped) lines.push(`npm: ${name} skipped (private)`);
  for (const d of plan.docker) lines.push(`docker: ${d.image} tags ${d.tags.join(', ')}`);
  if (plan.majorTag) lines.push(`moving tag: ${plan.majorTag} → the release commit`);
  return lines.join('\n');
}

const STATE_LABEL: Record<string, string> = {
  done: '✅ done',
  'already-done': '☑️ already done',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  unverified: '⏳ published, not yet visible',
  running: '… running',
  pending: 'pending',
};

export function writeSummary(
  s: Summary,
  o: {
    status: string;
    plan?: ReleasePlan;
    steps: StepReport[];
    releaseUrl?: string;
    published: PublishedItem[];
    statusLocation?: string;
    runAttempt: number;
    error?: string;
    pullRequest?: { number: number; url: string; change: string; verified: boolean };
    attested?: ReleaseOutcome['attested'];
    repository?: string;
  },
): void {
  const n = o.plan?.packages?.length;
  const title = o.plan ? `Release ${n ? `of ${n} package${n === 1 ? '' : 's'}` : o.plan.tag}` : 'Release';
  s.heading(`${title}: ${o.status}`);
  if (o.error) s.paragraph(`**Stopped:** ${o.error}`);
  if (o.pullRequest) {
    s.paragraph(
      `Release pull request [#${o.pullRequest.number}](${o.pullRequest.url}) ${o.pullRequest.change}${o.pullRequest.verified ? ' (its commit signed by GitHub)' : ''}. Nothing was tagged, published or deployed in this run: merging the pull request releases.`,
    );
  }
  if (o.plan?.packages) {
    s.table(
      ['package', 'previous', 'released', 'bump', 'why'],
      o.plan.packages.map((p) => [
        `${p.name}${p.private ? ' (private)' : ''}`,
        p.previousTag ?? '—',
        `\`${p.tag}\``,
        p.bump,
        p.reasons.join('; '),
      ]),
    );
    if (o.releaseUrl) s.paragraph(`GitHub Release: [${o.plan.tag}](${o.releaseUrl})`);
    if (o.published.length)
      s.table(
        ['registry', 'package', 'version', 'integrity', 'tags'],
        o.published.map((p) => [
          p.registry,
          p.name,
          `[${p.version}](${p.url})`,
          `\`${p.digest_or_integrity.slice(0, 30)}\``,
          (p.tags ?? []).join(', '),
        ]),
      );
    if (o.statusLocation) s.paragraph(`Status record: ${o.statusLocation}`);
  } else if (o.plan) {
    const rows: [string, string][] = [
      ['version', `${o.plan.previousVersion ?? '(none)'} → **${o.plan.version}**`],
      ['tag', `\`${o.plan.tag}\``],
    ];
    if (o.releaseUrl) rows.push(['GitHub Release', `[${o.plan.tag}](${o.releaseUrl})`]);
    for (const p of o.published) {
      rows.push([
        `${p.registry}: ${p.name}`,
        `[${p.version}](${p.url}) \`${p.digest_or_integrity.slice(0, 30)}\` ${(p.tags ?? []).join(', ')}`,
      ]);
    }
    if (o.statusLocation) rows.push(['status record', o.statusLocation]);
    s.table(['', ''], rows);
  }
  if (o.attested?.artifacts.length) writeAttested(s, o.attested, o.repository ?? '');
  if (o.steps.length) {
    s.heading(`Steps (attempt ${o.runAttempt})`, 3);
    s.table(
      ['step', 'state', 'detail'],
      o.steps.map((st) => [st.step, STATE_LABEL[st.state] ?? st.state, st.detail ?? '']),
    );
  }
  if (o.plan && o.status === 'dry-run') s.heading('Plan', 3).code(renderPlan(o.plan));
}

/** The summary of a release that found nothing to release (`version_bump: auto`). */
export function writeNothingSummary(s: Summary, o: NothingToRelease): void {
  s.heading('Release: nothing to release');
  s.paragraph(`Nothing to release: ${o.reason}. Nothing was bumped, tagged or published.`);
  s.table(
    ['', ''],
    [
      ['last release', o.previousTag ? `\`${o.previousTag}\`` : '(none)'],
      ['commits since', String(o.commits)],
    ],
  );
}

/** How a consumer checks one artifact: GitHub's CLI and ours, pinned to the signing workflow. */
export function verifyCommands(label: string, repository: string, signer: string): string[] {
  const workflow = signer.replace(/^https?:\/\/[^/]+\//, '').replace(/@.*$/, '');
  if (label.startsWith('npm:')) {
    return [`npx release-actions verify --subject ${label} --repository ${repository} --workflow ${workflow}`];
  }
  const gh = label.includes('@sha256:') ? `oci://${label}` : label;
  const ours = label.includes('@sha256:') ? label : `./${label}`;
  return [
    `gh attestation verify ${gh} --repo ${repository} --signer-workflow ${workflow}`,
    `npx release-actions verify --subject ${ours} --repository ${repository} --workflow ${workflow}`,
  ];
}

function writeAttested(s: Summary, a: NonNullable<ReleaseOutcome['attested']>, repository: string): void {
  s.heading('Attestations (verified before publishing)', 3);
  s.paragraph(`Signed by \`${a.signer}\` (issuer https://token.actions.githubusercontent.com).`);
  s.table(
    ['artifact', 'digest', 'verify'],
    a.artifacts.map((x) => [
      `\`${x.label.replace(/@sha256:.*/, '')}\``,
      `\`${x.digest}\``,
      verifyCommands(x.label, repository, a.signer)
        .map((c) => `\`${c}\``)
        .join('\n'),
    ]),
  );
}
