/**
 * The deployment in the status record (release-status.yaml, the same store as the release stage), updated
 * compare-and-swap: in_progress when a deploy starts; its outcome, timeline and slot when it ends; earlier
 * successful deployments of the environment become inactive (as on GitHub); a rollback marks the rolled-back
 * version's deployment and records the restored version's new one.
 */
import type { GitHubClient } from '../github/client.js';
import { type DeploymentEvent, type DeploymentRecord, ensureRelease, type StatusDocument } from '../status/model.js';
import { openStatusStore } from '../status/open.js';
import type { StatusStore } from '../status/store.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/errors.js';
import { Deployments } from './deployments.js';

/** Where a deploy or a rollback records itself: GitHub deployments (with a client) and the status record. */
export async function openDeploymentRecords(
  v: { status_branch: string; status_file: string; token: string },
  o: {
    gh: GitHubClient | undefined;
    runner: { owner: string; repo: string; runUrl: string; workspace: string; serverUrl: string };
    log: Logger;
    environmentUrl?: string;
  },
): Promise<{ deployments?: Deployments; recorder: DeploymentRecorder }> {
  const { gh, runner, log } = o;
  const deployments = gh
    ? new Deployments(gh, { owner: runner.owner, repo: runner.repo }, log, {
        ...(o.environmentUrl !== undefined ? { environmentUrl: o.environmentUrl } : {}),
        logUrl: runner.runUrl,
      })
    : undefined;
  const store = await openStatusStore(v, {
    workspace: runner.workspace,
    token: v.token,
    serverUrl: runner.serverUrl,
    log,
  });
  return { deployments, recorder: new DeploymentRecorder(store, log) };
}

function deploymentsOf(doc: StatusDocument, version: string): DeploymentRecord[] {
  const rec = ensureRelease(doc, version);
  rec.deployments ??= rec.deployment ? [rec.deployment] : [];
  return rec.deployments;
}

function inactivateOthers(doc: StatusDocument, environment: string, except: string): void {
  for (const rec of doc.releases) {
    if (rec.version === except) continue;
    for (const d of rec.deployments ?? [])
      if (d.environment === environment && d.status === 'succeeded') d.status = 'inactive';
    if (rec.deployment?.environment === environment && rec.deployment.status === 'succeeded')
      rec.deployment.status = 'inactive';
  }
}

export class DeploymentRecorder {
  constructor(
    private readonly store: StatusStore | undefined,
    private readonly log: Logger,
  ) {}

  private async update(fn: (doc: StatusDocument) => void, message: string): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.update(fn, message);
    } catch (e) {
      // The deploy itself decides success; a status record that cannot be written is loud, not fatal.
      this.log.warning(`status record (${this.store.describe()}) not updated: ${errorMessage(e)}`);
    }
  }

  async read(): Promise<StatusDocument | undefined> {
    if (!this.store) return undefined;
    try {
      return await this.store.read();
    } catch (e) {
      this.log.warning(`status record (${this.store.describe()}) not readable: ${errorMessage(e)}`);
      return undefined;
    }
  }

  async started(o: {
    version: string;
    environment: string;
    strategy: string;
    runId: string;
    deploymentId?: number;
    previousVersion?: string;
  }): Promise<void> {
    await this.update((doc) => {
      const rec = ensureRelease(doc, o.version);
      const deps = deploymentsOf(doc, o.version);
      const d: DeploymentRecord = {
        environment: o.environment,
        strategy: o.strategy,
        status: 'in_progress',
        started_at: new Date().toISOString(),
        run_id: o.runId,
        ...(o.deploymentId ? { deployment_id: o.deploymentId } : {}),
        ...(o.previousVersion ? { previous_version: o.previousVersion } : {}),
        timeline: [{ at: new Date().toISOString(), state: 'started' }],
      };
      const i = deps.findIndex((x) => x.run_id === o.runId && x.environment === o.environment);
      if (i >= 0) deps[i] = d;
      else deps.push(d);
      rec.deployment = d;
      rec.status = 'deploying';
    }, `status: deploying ${o.version} to ${o.environment}`);
  }

  async finished(o: {
    version: string;
    environment: string;
    runId: string;
    status: string;
    activeSlot?: string;
    rolledBack: boolean;
    previousVersion?: string;
    timeline: DeploymentEvent[];
    reason: string;
  }): Promise<void> {
    await this.update((doc) => {
      const rec = ensureRelease(doc, o.version);
      const deps = deploymentsOf(doc, o.version);
      let d = deps.find((x) => x.run_id === o.runId && x.environment === o.environment);
      if (!d) {
        d = { environment: o.environment, status: o.status, run_id: o.runId };
        deps.push(d);
      }
      Object.assign(d, {
        status: o.status === 'inconclusive' ? 'succeeded' : o.status,
        finished_at: new Date().toISOString(),
        rolled_back: o.rolledBack,
        reason: o.reason.split('\n')[0],
        timeline: o.timeline.map((e) => ({ at: e.at, state: e.state, ...(e.detail ? { detail: e.detail } : {}) })),
        ...(o.activeSlot ? { active_slot: o.activeSlot } : {}),
        ...(o.previousVersion ? { previous_version: o.previousVersion } : {}),
      });
      rec.deployment = d;
      if (o.status === 'succeeded' || o.status === 'inconclusive') {
        rec.status = 'deployed';
        rec.deployed_at = d.finished_at as string;
        inactivateOthers(doc, o.environment, o.version);
      } else rec.status = o.status === 'rolled-back' ? 'rolled-back' : 'failed';
      if (o.rolledBack && o.previousVersion) {
        const prev = ensureRelease(doc, o.previousVersion);
        const pd = deploymentsOf(doc, o.previousVersion);
        const restored: DeploymentRecord = {
          environment: o.environment,
          strategy: 'rollback',
          status: 'succeeded',
          started_at: d.finished_at as string,
          finished_at: d.finished_at as string,
          rollback_of: o.version,
          run_id: o.runId,
        };
        pd.push(restored);
        prev.deployment = restored;
        prev.status = 'deployed';
      }
    }, `status: ${o.version} ${o.status} in ${o.environment}`);
  }

  /** A rollback action: `from` marked rolled-back, `to` recorded as a new successful deployment. */
  async rolledBack(o: {
    from?: string;
    to: string;
    environment: string;
    runId: string;
    ok: boolean;
    reason: string;
    deploymentId?: number;
    timeline: DeploymentEvent[];
  }): Promise<void> {
    await this.update((doc) => {
      const now = new Date().toISOString();
      if (o.from && o.ok) {
        const fd = deploymentsOf(doc, o.from)
          .filter((d) => d.environment === o.environment)
          .at(-1);
        if (fd) Object.assign(fd, { status: 'rolled-back', rolled_back: true, rolled_back_at: now });
        ensureRelease(doc, o.from).status = 'rolled-back';
      }
      const rec = ensureRelease(doc, o.to);
      const d: DeploymentRecord = {
        environment: o.environment,
        strategy: 'rollback',
        status: o.ok ? 'succeeded' : 'failed',
        started_at: o.timeline[0]?.at ?? now,
        finished_at: now,
        run_id: o.runId,
        reason: o.reason,
        ...(o.from ? { rollback_of: o.from } : {}),
        ...(o.deploymentId ? { deployment_id: o.deploymentId } : {}),
        timeline: o.timeline,
      };
      deploymentsOf(doc, o.to).push(d);
      rec.deployment = d;
      if (o.ok) {
        rec.status = 'deployed';
        inactivateOthers(doc, o.environment, o.to);
      }
    }, `status: rollback of ${o.environment} to ${o.to}`);
  }
}
