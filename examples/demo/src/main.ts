/**
 * The local demo of the whole pipeline (`npm run demo`): a scratch project released and deployed by the bundled
 * actions, in the reusable workflow's order (.github/workflows/release.yml), with each stage's outputs feeding
 * the next as `needs.*.outputs` do:
 *
 *   plan → quality-gates → changelog → ⏸ changelog-review → release → [⏸ product-approval] → ⏸ production →
 *   deploy (blue-green, monitoring window) → rollback drill → dashboard
 *
 * Everything runs on 127.0.0.1: a bare git remote, Verdaccio (npm registry, htpasswd user, token by login), the
 * GitHub API double (packages/testkit/src/github: validated against GitHub's OpenAPI description), nginx when installed
 * or the demo's own router, and the service instances the deploy action starts. Every process the demo starts is
 * stopped at the end, also after a failure or Ctrl-C. A stage that fails stops the pipeline, and the demo says
 * which and why: nothing is ever shown as done that did not run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@release-actions/shared';
import type { ActionDefinition } from '@release-actions/shared/action';
import { parseStatusYaml, renderDashboard } from '@release-actions/shared/dashboard';
import { startGitHubDouble, type GitHubDouble } from '@release-actions/testkit/github';
import { startNginx, startVerdaccio } from '@release-actions/testkit/services';
import { action as changelogAction } from '../../../actions/changelog/src/inputs.js';
import { action as deployAction } from '../../../actions/deploy/src/inputs.js';
import { action as planAction } from '../../../actions/plan/src/inputs.js';
import { action as qualityGatesAction } from '../../../actions/quality-gates/src/inputs.js';
import { action as releaseAction } from '../../../actions/release/src/inputs.js';
import { action as rollbackAction } from '../../../actions/rollback/src/inputs.js';
import { startNodeRouter } from './node-router.js';
import { alive, Processes, spawnService } from './processes.js';
import { createScratch, FIRST_VERSION, PACKAGE_NAME, REPOSITORY } from './scratch.js';
import { runStage, type StageResult, type StageRunner } from './stage.js';

export interface DemoOptions {
  fast: boolean;
  /** nginx when installed (auto), always nginx, or the demo's own router. */
  router: 'auto' | 'nginx' | 'node';
  /** The run's directory (default examples/demo/.out/<timestamp>). */
  outDir?: string;
  /** The repository whose bundled actions run (default: this checkout). */
  root?: string;
  write?: (text: string) => void;
}

/** What the demo did, also written to <out>/demo-run.json (the test reads it). */
export interface DemoReport {
  status: 'succeeded' | 'failed' | 'interrupted';
  /** The stage that stopped the pipeline, and why. */
  stoppedAt?: { stage: string; reason: string; notImplemented: boolean };
  stages: { id: string; label: string; ok: boolean; durationMs: number; outputs: Record<string, string> }[];
  /** Every process the demo or the actions started, and every port the demo's services listened on. */
  pids: number[];
  ports: number[];
  artifacts: Record<string, string>;
  durationMs: number;
  outDir: string;
  marker: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** examples/demo (run.mjs bundles this file into examples/demo/.out/.build/). */
const DEMO_DIR = existsSync(join(HERE, 'bin', 'launch.mjs')) ? HERE : resolve(HERE, '..', '..');
const ROOT = resolve(DEMO_DIR, '..', '..');

/** Lines of a stage's log worth showing (timestamps and workflow commands left out). */
function highlights(r: StageResult, patterns: RegExp[]): string[] {
  let text = '';
  try {
    text = readFileSync(r.logPath, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::') && patterns.some((p) => p.test(l)))
    .map((l) => l.replace(/^\[[^\]]+\] /, '').slice(0, 160));
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function nginxInstalled(): boolean {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((res, rej) => {
    const req = request(url, { agent: false, timeout: 2_000 }, (r) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (body += c));
      r.on('end', () => res({ status: r.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', rej);
    req.end();
  });
}

async function waitHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await get(url)).status < 500) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Light traffic through the router while a deploy switches: every failed request is counted. */
function trafficLoop(url: string): { stop(): Promise<{ requests: number; failed: number; versions: string[] }> } {
  let running = true;
  let requests = 0;
  let failed = 0;
  const versions: string[] = [];
  const loop = (async () => {
    while (running) {
      try {
        const r = await get(`${url}version`);
        requests++;
        if (r.status !== 200) failed++;
        else {
          const v = r.body.trim();
          if (versions[versions.length - 1] !== v) versions.push(v);
        }
      } catch {
        requests++;
        failed++;
      }
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { requests, failed, versions };
    },
  };
}

export async function runDemo(o: DemoOptions): Promise<number> {
  const started = Date.now();
  const write = o.write ?? ((t: string) => process.stdout.write(t));
  const say = (line = '') => write(`${line}\n`);
  const root = o.root ?? ROOT;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = resolve(o.outDir ?? join(DEMO_DIR, '.out', stamp));
  const dirs = {
    scratch: join(outDir, 'scratch'),
    artifacts: join(outDir, 'artifacts'),
    logs: join(outDir, 'logs'),
    summaries: join(outDir, 'artifacts', 'job-summaries'),
    pids: join(outDir, 'run', 'pids'),
    releases: join(outDir, 'run', 'releases'),
    state: join(outDir, 'run', 'deploy-state'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const marker = `demo-${process.pid}-${Date.now()}`;
  // Every process started from here on (services, actions, the instances they start) carries the marker.
  process.env.RELEASE_ACTIONS_DEMO_RUN = marker;
  const processes = new Processes(dirs.pids);
  const report: DemoReport = {
    status: 'failed',
    stages: [],
    pids: [],
    ports: [],
    artifacts: {},
    durationMs: 0,
    outDir,
    marker,
  };
  const saveReport = () => {
    report.durationMs = Date.now() - started;
    for (const p of processes.launched()) if (!report.pids.includes(p.pid)) report.pids.push(p.pid);
    writeFileSync(join(outDir, 'demo-run.json'), `${JSON.stringify(report, null, 2)}\n`);
  };
  const track = (name: string, pid: number | undefined, port: number | undefined, stop: () => Promise<void>) => {
    const s = { name, pid, port, stop };
    processes.add(s);
    if (interrupted) throw new StopPipeline(name, `interrupted (${interrupted})`, false);
    if (pid && !report.pids.includes(pid)) report.pids.push(pid);
    if (port && !report.ports.includes(port)) report.ports.push(port);
    saveReport();
    return s;
  };

  // Ctrl-C / SIGTERM: the running action gets the signal too (runStageBundle forwards it) and ends; the
  // pipeline stops before its next step and the finally block below stops everything. A second signal, or a
  // step that does not end within 15 s, stops everything at once and exits.
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    const hard = () =>
      void processes.stopAll().then(() => {
        report.status = 'interrupted';
        saveReport();
        process.exit(code);
      });
    if (interrupted) return hard();
    interrupted = signal;
    say(`\n${signal}: stopping the demo and every process it started…`);
    setTimeout(hard, 15_000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const fast = o.fast;
  const monitor = fast ? '3s' : '20s';
  const loadDuration = fast ? '1s' : '5s';
  say(`release-actions demo${fast ? ' (fast mode)' : ''} — Node ${process.version}`);
  say(`run directory: ${outDir}`);
  say('');

  const timings: [string, number, string][] = [];
  let gh: GitHubDouble | undefined;
  let stopReason: DemoReport['stoppedAt'];
  try {
    // ── Setup ──────────────────────────────────────────────────────────────────────────────────────────────
    say('setup');
    const t = Date.now();
    const scratch = await createScratch(dirs.scratch, { monitor });
    say(`  scratch repository   ${scratch.work}`);
    say(`    ${PACKAGE_NAME}: v${FIRST_VERSION} released, then ${scratch.commits.length} commits:`);
    for (const c of scratch.commits) say(`      ${c}`);
    say(`  git remote           ${scratch.remote} (bare; origin of the scratch repository)`);

    const token = `ghs_demo${Date.now().toString(36)}`;
    const api = await startGitHubDouble({
      owner: REPOSITORY.split('/')[0],
      repo: REPOSITORY.split('/')[1],
      tokens: [token],
    });
    gh = api;
    track('GitHub API double', undefined, Number(new URL(api.url).port), () => api.close());
    say(`  GitHub API           local double ${api.url} (requests validated against GitHub's OpenAPI description)`);

    const verdaccio = await startVerdaccio({ username: 'demo-publisher' });
    track('Verdaccio', undefined, verdaccio.port, () => verdaccio.stop());
    say(`  npm registry         Verdaccio ${verdaccio.url} (user ${verdaccio.username}, token by login)`);

    const useNginx = o.router === 'nginx' || (o.router === 'auto' && nginxInstalled());
    let routerUrl: string;
    let routerInputs: Record<string, string>;
    if (useNginx) {
      const nginx = await startNginx({
        upstreams: [{ name: 'app', servers: [{ address: '127.0.0.1:9', down: true }] }],
      });
      track('nginx', nginx.pid, nginx.port, () => nginx.stop());
      routerUrl = nginx.url;
      routerInputs = {
        router: 'nginx',
        nginx_upstream_file: nginx.upstreamsPath,
        nginx_upstream_name: 'app',
        nginx_conf: nginx.confPath,
        nginx_prefix: `${nginx.dir}/`,
      };
      say(`  router               nginx ${nginx.url} (upstreams in ${nginx.upstreamsPath}, switched by reload)`);
    } else {
      const router = await startNodeRouter();
      track('demo router', undefined, router.port, () => router.stop());
      routerUrl = router.url;
      routerInputs = {
        router: 'command',
        router_command: `node ${q(join(DEMO_DIR, 'bin', 'router-ctl.mjs'))} ${q(router.adminUrl)}`,
      };
      say(
        `  router               the demo's router ${router.url} (nginx not ${o.router === 'node' ? 'used' : 'installed'}; weights via ${router.adminUrl})`,
      );
    }
    timings.push(['setup', Date.now() - t, '']);
    say(`  ready in ${sec(Date.now() - t)}`);
    say('');

    const runner: StageRunner = {
      root,
      workspace: scratch.work,
      logDir: dirs.logs,
      summaryDir: dirs.summaries,
      seq: 0,
      env: {
        ...process.env,
        RELEASE_ACTIONS_DEMO_RUN: marker,
        GITHUB_TOKEN: token,
        GITHUB_API_URL: api.url,
        GITHUB_GRAPHQL_URL: api.graphqlUrl,
        GITHUB_SERVER_URL: api.serverUrl,
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_REPOSITORY_OWNER: REPOSITORY.split('/')[0],
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_SHA: scratch.head,
        GITHUB_RUN_ID: String(Date.now() % 1_000_000_000),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_ACTOR: 'release-manager',
        GITHUB_WORKFLOW: 'release (demo)',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        npm_config_update_notifier: 'false',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_cache: join(outDir, 'run', 'npm-cache'),
      },
    };

    // Runs a stage, prints its line; a failure stops the pipeline (throws StopPipeline).
    const stage = async (
      def: ActionDefinition,
      label: string,
      inputs: Record<string, string | undefined>,
      show: (r: StageResult) => string[] = () => [],
      env?: NodeJS.ProcessEnv,
    ): Promise<StageResult> => {
      if (interrupted) throw new StopPipeline(label, `interrupted (${interrupted})`, false);
      say(`▶ ${label}`);
      const r = await runStage(runner, def, label, inputs, { env });
      report.stages.push({ id: r.id, label, ok: r.ok, durationMs: r.durationMs, outputs: r.outputs });
      timings.push([label, r.durationMs, r.ok ? 'ok' : 'FAILED']);
      saveReport();
      if (r.ignoredInputs.length) say(`  note: ${def.id} has no input ${r.ignoredInputs.join(', ')} (left out)`);
      if (!r.ok) {
        say(`✖ ${label} failed (exit code ${r.code}) in ${sec(r.durationMs)}`);
        for (const e of r.errors) say(`    error: ${e}`);
        if (r.errors.length === 0) say(`    (no error annotation; see the log)`);
        say(`    log: ${r.logPath}`);
        if (r.summaryPath) say(`    job summary: ${r.summaryPath}`);
        throw new StopPipeline(label, r.errors[0] ?? `exit code ${r.code}`, r.notImplemented);
      }
      say(`✔ ${label} succeeded in ${sec(r.durationMs)}`);
      for (const line of show(r)) say(`    ${line}`);
      for (const w of r.warnings.slice(0, 3)) say(`    warning: ${w}`);
      return r;
    };
    const gate = (environment: string, who: string, what: string) =>
      say(`⏸ approval: ${environment} (${who}) — auto-approved in the demo (${what})`);

    // ── plan ───────────────────────────────────────────────────────────────────────────────────────────────
    const plan = await stage(planAction, 'plan', { version_bump: 'auto' }, (r) => [
      `release type ${r.outputs.type}: ${r.outputs.previous_version || 'none'} → ${r.outputs.next_version} (${r.outputs.commit_count} commits)`,
      `gates: ${r.outputs.gates || 'smoke tests only'}; load profile ${r.outputs.load_profile}; strategy ${r.outputs.strategy}; monitoring ${r.outputs.monitor_duration}`,
      `approvals: ${[r.outputs.release_environment, r.outputs.product_environment, r.outputs.deploy_environment].filter(Boolean).join(' → ')}`,
    ]);
    const P = plan.outputs;
    if (P.releasable !== 'true') {
      say(`nothing to release: ${P.reason ?? ''}`);
      report.status = 'succeeded';
      return 0;
    }

    // ── quality gates, against a staging instance of the planned commit ──────────────────────────────────
    if (!P.gates) {
      say('▶ quality gates: the policy has no quality gates; smoke tests run in the deploy job');
    } else {
      const port = await freePort();
      const staging = spawnService('staging instance', process.execPath, ['server.mjs'], {
        cwd: scratch.work,
        env: { ...process.env, PORT: String(port), RELEASE_VERSION: `${P.next_version}-staging`, SLOT: 'staging' },
        logFile: (d) => writeFileSync(join(dirs.logs, 'staging.log'), d, { flag: 'a' }),
      });
      const tracked = track('staging instance', staging.service.pid, port, () => staging.service.stop());
      const stagingUrl = `http://127.0.0.1:${port}/`;
      await waitHttp(`${stagingUrl}health`, 10_000);
      say(`  staging instance of ${scratch.head.slice(0, 7)} at ${stagingUrl}`);
      try {
        await stage(
          qualityGatesAction,
          'quality-gates',
          {
            gates: P.gates,
            load_profile: P.load_profile,
            target_url: stagingUrl,
            // The demo's time budget: a short load (the profile's rate and connections stay).
            duration: loadDuration,
            // The verdicts go to the status record of the version being released (the dashboard shows them).
            status_branch: 'release-status',
            version: P.next_version,
            results_path: join(dirs.artifacts, 'quality-gates.json'),
          },
          (r) => [
            ...highlights(r, [/^load done in /, /^[a-z-]+: (passed|failed):/, /^status: quality_gates/]),
            `passed: ${r.outputs.passed}; results: ${r.outputs.results ?? '—'}`,
          ],
        );
      } finally {
        await staging.service.stop();
        processes.remove(tracked);
      }
    }

    // ── changelog ──────────────────────────────────────────────────────────────────────────────────────────
    const changelog = await stage(
      changelogAction,
      'changelog',
      {
        version: P.next_version,
        format: 'keep-a-changelog',
        include_prs: 'true',
        tag_prefix: 'v',
        path: 'CHANGELOG.md',
      },
      (r) => [
        `${r.outputs.commit_count} commits since ${r.outputs.previous_tag || 'the beginning'}; recommended bump ${r.outputs.recommended_bump}`,
        ...(r.outputs.notes ?? '')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .slice(0, 8),
      ],
    );
    const changelogPath = join(scratch.work, changelog.outputs.changelog_path || 'CHANGELOG.md');
    if (existsSync(changelogPath)) {
      copyFileSync(changelogPath, join(dirs.artifacts, 'CHANGELOG.md'));
      report.artifacts.changelog = join(dirs.artifacts, 'CHANGELOG.md');
    }

    gate(P.release_environment || 'changelog-review', 'Release Manager', 'reviews the plan and the changelog');

    // ── release ────────────────────────────────────────────────────────────────────────────────────────────
    const release = await stage(
      releaseAction,
      'release',
      {
        version: P.next_version,
        version_bump: P.version_bump,
        release_branch: 'main',
        release_type: 'stable',
        tag_prefix: 'v',
        publish_registries: 'npm',
        npm_registry_url: verdaccio.url,
        notes: changelog.outputs.notes,
      },
      (r) => [
        `version ${r.outputs.version}, tag ${r.outputs.tag} pushed to ${scratch.remote}`,
        `GitHub release: ${r.outputs.release_url}`,
        ...(r.outputs.published ? [`published: ${r.outputs.published}`] : []),
      ],
      { NODE_AUTH_TOKEN: verdaccio.token },
    );
    const version = release.outputs.version || (P.next_version as string);

    if (P.product_environment) gate(P.product_environment, 'Product', 'approves a major release before it ships');
    else say(`  (no product approval: a ${P.type} release does not need one)`);
    gate(P.deploy_environment || 'production', 'Engineering Lead', 'approves the production rollout');

    // ── deploy: production first runs the previous version, then the release goes out blue-green ──────────
    const launch = `node ${q(join(DEMO_DIR, 'bin', 'launch.mjs'))} ${q(scratch.remote)} ${q(dirs.releases)} ${q(dirs.pids)}`;
    const deployInputs = (v: string, monitorDuration: string): Record<string, string | undefined> => ({
      version: v,
      environment: 'production',
      deployment_strategy: P.strategy,
      run_smoke_tests: P.run_smoke_tests,
      rollback_on_failure: 'true',
      canary_steps: P.canary_steps || undefined,
      step_duration: P.step_duration || undefined,
      monitor_duration: monitorDuration,
      monitor_interval: fast ? '500ms' : '1s',
      probe_url: routerUrl,
      version_url: `${routerUrl}version`,
      environment_url: routerUrl,
      workload: 'command',
      start_command: launch,
      health_url: 'http://127.0.0.1:{port}/health',
      state_dir: dirs.state,
      keep_previous: '1h',
      ...routerInputs,
    });
    await stage(
      deployAction,
      `deploy ${FIRST_VERSION} (production's current version)`,
      deployInputs(FIRST_VERSION, '0s'),
      (r) => [`production serves ${FIRST_VERSION} from slot ${r.outputs.active_slot}`],
    );
    const traffic = trafficLoop(routerUrl);
    let deploy: StageResult;
    try {
      deploy = await stage(
        deployAction,
        `deploy ${version}`,
        deployInputs(version, P.monitor_duration || monitor),
        (r) => [
          ...highlights(r, [/^\[[^\]]+\] (smoke-passed|switched|monitor-passed|kept-previous): /]),
          `status ${r.outputs.status}; active slot ${r.outputs.active_slot}; previous version ${r.outputs.previous_version}; GitHub deployment ${r.outputs.deployment_id}`,
        ],
      );
    } finally {
      const seen = await traffic.stop();
      say(
        `    traffic through the router meanwhile: ${seen.requests} requests, ${seen.failed} failed; versions seen: ${seen.versions.join(' → ') || 'none'}`,
      );
    }
    const serving = (await get(`${routerUrl}version`)).body.trim();
    say(`    ${routerUrl}version answers ${serving}`);
    if (deploy.outputs.status !== 'succeeded' || serving !== version) {
      throw new StopPipeline(`deploy ${version}`, `deploy ended ${deploy.outputs.status}, serving ${serving}`, false);
    }

    // ── rollback drill ─────────────────────────────────────────────────────────────────────────────────────
    say('');
    say(`rollback drill: back to ${FIRST_VERSION} (the previous slot still runs)`);
    const rollbackInputs: Record<string, string | undefined> = {
      environment: 'production',
      // to_version empty: the last good version recorded in release-status.yaml.
      incident_issue: 'true',
      reason: 'rollback drill (release-actions demo)',
      workload: 'command',
      version_url: `${routerUrl}version`,
      start_command: launch,
      health_url: 'http://127.0.0.1:{port}/health',
      state_dir: dirs.state,
      ...routerInputs,
    };
    await stage(rollbackAction, 'rollback', rollbackInputs, (r) => [
      ...highlights(r, [/^rolling .* back from/, /^\[[^\]]+\] rolled-back: /, /^incident issue #/]),
      `status ${r.outputs.status}; serving ${r.outputs.version}`,
    ]);
    const after = (await get(`${routerUrl}version`)).body.trim();
    say(`    ${routerUrl}version answers ${after}`);
    if (after !== FIRST_VERSION) throw new StopPipeline('rollback', `serving ${after} after the rollback`, false);
    report.status = 'succeeded';
  } catch (e) {
    if (interrupted) {
      report.status = 'interrupted';
      stopReason = {
        stage: e instanceof StopPipeline ? e.stage : 'demo',
        reason: `interrupted (${interrupted})`,
        notImplemented: false,
      };
    } else if (e instanceof StopPipeline) {
      stopReason = { stage: e.stage, reason: e.reason, notImplemented: e.notImplemented };
      say('');
      say(
        e.notImplemented
          ? `pipeline stopped: the ${e.stage} stage is not implemented yet ("${e.reason}"); the stages after it did not run.`
          : `pipeline stopped at ${e.stage}: ${e.reason}; the stages after it did not run.`,
      );
    } else {
      stopReason = { stage: 'demo', reason: e instanceof Error ? e.message : String(e), notImplemented: false };
      say('');
      say(`demo failed: ${stopReason.reason}`);
    }
  } finally {
    report.stoppedAt = stopReason;
    // ── dashboard from the status record, artifacts ──────────────────────────────────────────────────────
    say('');
    try {
      const remote = join(dirs.scratch, 'remote.git');
      let statusText: string | undefined;
      try {
        statusText = execFileSync('git', ['--git-dir', remote, 'show', 'release-status:release-status.yaml'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        });
      } catch {
        statusText = undefined;
      }
      if (statusText) {
        const statusPath = join(dirs.artifacts, 'release-status.yaml');
        writeFileSync(statusPath, statusText);
        report.artifacts.status = statusPath;
        const model = parseStatusYaml(statusText);
        const html = renderDashboard(model, {
          title: `${PACKAGE_NAME} releases (demo)`,
          source: 'release-status.yaml',
        });
        const dash = join(dirs.artifacts, 'dashboard', 'index.html');
        mkdirSync(dirname(dash), { recursive: true });
        writeFileSync(dash, html);
        report.artifacts.dashboard = dash;
        say(
          `dashboard: ${model.releases.length} release(s) from the status record (branch release-status of the remote)`,
        );
      } else {
        say('dashboard: not rendered — no status record (the release stage writes it on the release-status branch)');
      }
    } catch (e) {
      say(`dashboard: failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    report.artifacts.summaries = dirs.summaries;
    report.artifacts.logs = dirs.logs;
    saveReport();

    if (gh) {
      const v = gh.violations.length;
      say(
        `GitHub API (local double): ${gh.calls.length} requests, ${v === 0 ? 'all valid' : `${v} INVALID`} against GitHub's OpenAPI description and GraphQL schema; ${gh.state.releases.length} release(s), ${gh.state.deployments.length} deployment(s), ${gh.state.issues.length} issue(s)`,
      );
    }
    const stopped = await processes.stopAll();
    const left = report.pids.filter((p) => alive(p));
    say(
      `stopped ${stopped.length} processes/services: ${stopped.join(', ') || 'none'}${left.length ? `; STILL RUNNING: ${left.join(', ')}` : ''}`,
    );
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);

    say('');
    say('timings');
    for (const [name, ms, state] of timings) say(`  ${name.padEnd(44)} ${sec(ms).padStart(8)}  ${state}`);
    say(`  ${'total'.padEnd(44)} ${sec(Date.now() - started).padStart(8)}`);
    say('');
    say('artifacts');
    const rel = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
    say(
      `  changelog        ${report.artifacts.changelog ? rel(report.artifacts.changelog) : '— (the changelog stage did not run)'}`,
    );
    say(`  status record    ${report.artifacts.status ? rel(report.artifacts.status) : '— (no release was recorded)'}`);
    say(
      `  dashboard        ${report.artifacts.dashboard ? rel(report.artifacts.dashboard) : '— (no status record to render)'}`,
    );
    say(`  job summaries    ${rel(dirs.summaries)}`);
    say(`  logs             ${rel(dirs.logs)}`);
    say(`  scratch repo     ${rel(join(dirs.scratch, 'work'))}`);
    say('');
    say(
      interrupted
        ? `demo interrupted (${interrupted}) after ${sec(Date.now() - started)}`
        : report.status === 'succeeded'
          ? `demo succeeded in ${sec(Date.now() - started)}`
          : `demo FAILED in ${sec(Date.now() - started)}${stopReason ? ` (stopped at ${stopReason.stage})` : ''}`,
    );
    saveReport();
  }
  if (interrupted) return interrupted === 'SIGINT' ? 130 : 143;
  return report.status === 'succeeded' ? 0 : 1;
}

class StopPipeline extends Error {
  constructor(
    readonly stage: string,
    readonly reason: string,
    readonly notImplemented: boolean,
  ) {
    super(`${stage}: ${reason}`);
  }
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): DemoOptions | string {
  const o: DemoOptions = { fast: env.RELEASE_ACTIONS_DEMO_FAST === '1', router: 'auto' };
  if (env.RELEASE_ACTIONS_DEMO_OUT) o.outDir = env.RELEASE_ACTIONS_DEMO_OUT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--fast') o.fast = true;
    else if (a === '--router' || a.startsWith('--router=')) {
      const v = a.includes('=') ? a.slice(9) : argv[++i];
      if (v !== 'auto' && v !== 'nginx' && v !== 'node') return `--router: auto, nginx or node (got ${v})`;
      o.router = v;
    } else if (a === '--out' || a.startsWith('--out=')) {
      const v = a.includes('=') ? a.slice(6) : argv[++i];
      if (!v) return '--out needs a directory';
      o.outDir = v;
    } else if (a === '--help' || a === '-h') return 'help';
    else return `unknown argument ${a}`;
  }
  return o;
}

export const HELP = `npm run demo [-- --fast] [--router auto|nginx|node] [--out DIR]

The whole release pipeline on a scratch project, locally (docs/demo.md).
  --fast     short load and monitoring window (the test suite's mode; also RELEASE_ACTIONS_DEMO_FAST=1)
  --router   nginx when installed (auto, the default), always nginx, or the demo's own Node router
  --out      run directory (default examples/demo/.out/<timestamp>; also RELEASE_ACTIONS_DEMO_OUT)
`;

export async function cli(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, process.env);
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    process.stderr.write('demo: git is needed (the actions read and push git history); install git and run it again\n');
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`demo: ${parsed}\n\n${HELP}`);
    return 2;
  }
  return runDemo(parsed);
}
