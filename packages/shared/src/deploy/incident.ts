/**
 * The post-mortem's starting point: a GitHub issue with the incident's timeline, the measurements that triggered
 * the rollback (from the status record's deployment of the rolled-back version), and links to the run, the
 * release and the deployment.
 */
import type { GitHubClient } from '../github/client.js';
import type { DeploymentRecord, StatusDocument } from '../status/model.js';
import { escapeMarkdownHtml } from '../util/escape.js';
import type { Logger } from '../util/logger.js';
import type { TimelineEvent } from './timeline.js';

export function incidentIssue(o: {
  environment: string;
  from?: string;
  to: string;
  reason: string;
  doc?: StatusDocument;
  rollbackTimeline: TimelineEvent[];
  runUrl: string;
  repoUrl: string;
  deploymentId?: number;
  /** Who rolled back, when not this rollback itself (the deploy's own rollback on a breach). */
  rolledBackBy?: string;
}): { title: string; body: string; labels: string[] } {
  const fromRec = o.from ? o.doc?.releases.find((r) => r.version === o.from) : undefined;
  const failed: DeploymentRecord | undefined = (fromRec?.deployments ?? [])
    .filter((d) => d.environment === o.environment)
    .at(-1);
  const events = [
    ...(failed?.timeline ?? []).map((e) => ({
      at: e.at,
      state: e.state,
      detail: e.detail ?? '',
      source: `deploy ${o.from}`,
    })),
    ...o.rollbackTimeline.map((e) => ({ at: e.at, state: e.state, detail: e.detail ?? '', source: 'rollback' })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  // The reason and the recorded details may carry text from commits or a caller: shown as text, never as markup.
  const esc = (s: string) => escapeMarkdownHtml(s.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
  const lines = [
    `Production incident in **${o.environment}**: rolled back from **${o.from ?? 'unknown'}** to **${o.to}**.`,
    '',
    `**Trigger:** ${esc(o.reason || String(failed?.reason ?? 'not recorded'))}`,
    ...(o.rolledBackBy ? ['', `**Rolled back by:** ${esc(o.rolledBackBy)}`] : []),
    '',
    '## Links',
    `- Run: ${o.runUrl}`,
    ...(fromRec?.release_url
      ? [`- Release ${o.from}: ${fromRec.release_url}`]
      : o.from
        ? [`- Release: ${o.repoUrl}/releases/tag/v${o.from}`]
        : []),
    ...(failed?.deployment_id ? [`- Failed deployment: ${o.repoUrl}/deployments (id ${failed.deployment_id})`] : []),
    ...(o.deploymentId ? [`- Restoring deployment: id ${o.deploymentId}`] : []),
    '',
    '## Measurements that triggered the rollback',
    failed?.reason
      ? `- ${esc(String(failed.reason))}`
      : o.rolledBackBy && o.reason
        ? `- ${esc(o.reason)}`
        : '- (no measurement recorded: rollback requested by hand)',
    ...(failed?.timeline ?? [])
      .filter((e) => /breach|fail|rolling-back|monitor|analysis/.test(e.state) && e.detail)
      .map((e) => `- ${e.at} ${e.state}: ${esc(e.detail ?? '')}`),
    '',
    '## Timeline',
    '| at (UTC) | source | state | detail |',
    '| --- | --- | --- | --- |',
    ...events.map((e) => `| ${e.at} | ${e.source} | ${e.state} | ${esc(e.detail)} |`),
    '',
    '## Post-mortem',
    '- [ ] Root cause',
    '- [ ] Impact (users, duration, failed requests)',
    '- [ ] Why the gates did not catch it before production',
    '- [ ] Follow-up actions',
  ];
  return {
    title: `Incident: ${o.environment} rolled back from ${o.from ?? 'unknown'} to ${o.to}`,
    body: lines.join('\n'),
    labels: ['incident'],
  };
}

/**
 * Opens the incident issue, or comments on the open one of the same incident (same title, label `incident`): a
 * re-run of the rollback never files a second issue. Returns the issue's URL and whether it was opened now.
 */
export async function fileIncident(
  gh: GitHubClient,
  repo: { owner: string; repo: string },
  issue: { title: string; body: string; labels: string[] },
  comment: string,
  log: Logger,
): Promise<{ url: string; number: number; created: boolean }> {
  const open = await gh.rest.rest.issues.listForRepo({ ...repo, state: 'open', labels: 'incident', per_page: 100 });
  const same = open.data.find((i) => i.title === issue.title && !i.pull_request);
  if (same) {
    await gh.rest.rest.issues.createComment({ ...repo, issue_number: same.number, body: comment });
    log.info(`incident issue #${same.number} already open: commented on it (${same.html_url})`);
    return { url: same.html_url, number: same.number, created: false };
  }
  const created = await gh.rest.rest.issues.create({ ...repo, ...issue });
  log.info(`incident issue #${created.data.number}: ${created.data.html_url}`);
  return { url: created.data.html_url, number: created.data.number, created: true };
}
