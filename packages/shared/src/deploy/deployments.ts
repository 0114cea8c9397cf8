/**
 * GitHub Deployments for a deploy run: one deployment per run (environment, ref, payload with version, previous
 * version, image digest), statuses in_progress → success / failure with environment_url and log_url; GitHub's
 * auto_inactive marks earlier successful deployments of the environment inactive when a new one succeeds.
 */
import type { GitHubClient } from '../github/client.js';
import type { Logger } from '../util/logger.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'queued' | 'pending';

export interface DeploymentPayload {
  version: string;
  previous_version?: string;
  image_digest?: string;
  strategy?: string;
  rollback_of?: string;
}

export class Deployments {
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: { owner: string; repo: string },
    private readonly log: Logger,
    private readonly urls: { environmentUrl?: string; logUrl?: string },
  ) {}

  async create(o: {
    ref: string;
    environment: string;
    payload: DeploymentPayload;
    description: string;
  }): Promise<number> {
    const res = await this.gh.rest.rest.repos.createDeployment({
      ...this.repo,
      ref: o.ref,
      environment: o.environment,
      payload: o.payload as unknown as Record<string, unknown>,
      description: o.description.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      production_environment: o.environment === 'production',
    });
    if (res.status !== 201 || !('id' in res.data)) {
      throw new Error(
        `GitHub did not create the deployment (HTTP ${res.status}): ${JSON.stringify(res.data).slice(0, 200)}`,
      );
    }
    this.log.info(`GitHub deployment ${res.data.id} created for ${o.environment} (${o.payload.version} at ${o.ref})`);
    return res.data.id;
  }

  async status(id: number, state: DeploymentState, description: string): Promise<void> {
    await this.gh.rest.rest.repos.createDeploymentStatus({
      ...this.repo,
      deployment_id: id,
      state,
      description: description.slice(0, 140),
      ...(this.urls.environmentUrl ? { environment_url: this.urls.environmentUrl } : {}),
      ...(this.urls.logUrl ? { log_url: this.urls.logUrl } : {}),
      auto_inactive: true,
    });
    this.log.info(`GitHub deployment ${id}: ${state} (${description})`);
  }

  /**
   * The version of the newest deployment of `environment` that succeeded and was not marked failed since
   * (its latest status is success or inactive), skipping `except`.
   */
  async lastGoodVersion(environment: string, except?: string): Promise<{ version: string; id: number } | undefined> {
    const list = await this.gh.rest.rest.repos.listDeployments({ ...this.repo, environment, per_page: 30 });
    for (const d of list.data) {
      const payload = (typeof d.payload === 'string' ? safeJson(d.payload) : d.payload) as Partial<DeploymentPayload>;
      const version = payload?.version;
      if (!version || version === except) continue;
      const st = await this.gh.rest.rest.repos.listDeploymentStatuses({
        ...this.repo,
        deployment_id: d.id,
        per_page: 10,
      });
      const latest = st.data[0]?.state;
      if (latest === 'success' || latest === 'inactive') return { version, id: d.id };
    }
    return undefined;
  }

  /** The newest deployment of `environment` for `version` (to mark it failed on rollback). */
  async find(environment: string, version: string): Promise<number | undefined> {
    const list = await this.gh.rest.rest.repos.listDeployments({ ...this.repo, environment, per_page: 30 });
    for (const d of list.data) {
      const payload = (typeof d.payload === 'string' ? safeJson(d.payload) : d.payload) as Partial<DeploymentPayload>;
      if (payload?.version === version) return d.id;
    }
    return undefined;
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
}
