/**
 * The post-mortem's starting point: a GitHub issue with the incident's timeline, the measurements that triggered
 * the rollback (from the status record's deployment of the rolled-back version), and links to the run, the
 * release and the deployment.
 */
import type { DeploymentRecord, StatusDocument } from '../status/model.js';
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
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [
    `Production incident in **${o.environment}**: rolled back from **${o.from ?? 'unknown'}** to **${o.to}**.`,
    '',
    `**Trigger:** ${esc(o.reason || String(failed?.reason ?? 'not recorded'))}`,
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
    failed?.reason ? `- ${esc(String(failed.reason))}` : '- (no measurement recorded: rollback requested by hand)',
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
