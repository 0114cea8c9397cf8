/**
 * The local demo of the whole pipeline (`npm run demo`): a scratch project released and deployed by a run of the
 * reusable workflow itself (.github/workflows/release.yml, called as README.md calls it, with the demo's settings),
 * on the local executor (packages/workflow): the jobs, their `if:`s, the outputs between them and the approvals are
 * release.yml's, so a change there changes what the demo does (workflow-run.ts). Around the run: production is put
 * on the previous version first, and a rollback drill follows; then the dashboard.
 *
 * Everything runs on 127.0.0.1: a bare git remote, Verdaccio (npm registry, htpasswd user, token by login), the
 * GitHub API double (packages/testkit/src/github: validated against GitHub's OpenAPI description), nginx when installed
 * or the demo's own router, and the service instances the deploy action starts. Every process the demo starts is
 * stopped at the end, also after a failure or Ctrl-C. A stage that fails stops the pipeline, and the demo says
 * which and why: nothing is ever shown as done that did not run.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@release-actions/shared';
import type { ActionDefinition } from '@release-actions/shared/action';
import { parseStatusYaml, renderDashboard } from '@release-actions/shared/dashboard';
import { startGitHubDouble, type GitHubDouble } from '@release-actions/testkit/github';
import { freshGet, startNginx, startVerdaccio } from '@release-actions/testkit/services';
import { runWorkflow, type RunReport } from '@release-actions/workflow';
import { action as deployAction } from '../../../actions/deploy/src/inputs.js';
import { action as rollbackAction } from '../../../actions/rollback/src/inputs.js';
import { startNodeRouter } from './node-router.js';
import { alive, Processes } from './processes.js';
import { createScratch, FIRST_VERSION, PACKAGE_NAME, REPOSITORY } from './scratch.js';
import { runStage, type StageResult, type StageRunner } from './stage.js';
import { CALLER_JOB, callerWorkflow, pipelineProblem, releaseJobs, shortId } from './workflow-run.js';

export interface DemoOptions {
  fast: boolean;
  /** nginx when installed (auto), always nginx, or the demo's own router. */
  router: 'auto' | 'nginx' | 'node';
  /** The run's directory (default examples/demo/.out/<timestamp>). */
  outDir?: string;
  /** The repository whose bundled actions run (default: this checkout). */
  root?: string;
  /** A copy of release.yml to run instead of the repository's (to see what a change to it does). */
  workflow?: string;
  write?: (text: string) => void;
}

/** What the demo did, also written to <out>/demo-run.json (the test reads it). */
export interface DemoReport {
  status: 'succeeded' | 'failed' | 'interrupted';
  /** The stage that stopped the pipeline, and why. */
  stoppedAt?: { stage: string; reason: string; notImplemented: boolean };
  /** The jobs of release.yml's run (skipped ones with why), and the actions run around it (setup, rollback drill). */
  stages: {
    id: string;
    label: string;
    ok: boolean;
    result: string;
    reason?: string;
    durationMs: number;
    outputs: Record<string, string>;
    /** A job's steps: what ran, how it ended and how long it took. */
    steps?: { name: string; outcome: string; durationMs: number }[];
  }[];
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

/** Light traffic through the router while a deploy switches: every failed request is counted. */
function trafficLoop(url: string): { stop(): Promise<{ requests: number; failed: number; versions: string[] }> } {
  let running = true;
  let requests = 0;
  let failed = 0;
  const versions: string[] = [];
  const loop = (async () => {
    while (running) {
      try {
        const r = await freshGet(`${url}version`);
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
  const abort = new AbortController();
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
    abort.abort();
    say(`\n${signal}: stopping the demo and every process it started…`);
    setTimeout(hard, 15_000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const fast = o.fast;
  // The deploy probes every 10 s and needs 10 samples (5 a probe): 10 s is the shortest window with a verdict.
  const monitor = fast ? '10s' : '20s';
  // The load gate needs 100 requests (min_requests) at the profile's 50 a second.
  const load = fast ? { load: '3s', ramp: '0s' } : { load: '5s', ramp: '1s' };
  say(`release-actions demo${fast ? ' (fast mode)' : ''} — Node ${process.version}`);
  say(`run directory: ${outDir}`);
  say('');

  const timings: [string, number, string][] = [];
  let gh: GitHubDouble | undefined;
  let workflowReport: RunReport | undefined;
  let stopReason: DemoReport['stoppedAt'];
  try {
    // ── Setup ──────────────────────────────────────────────────────────────────────────────────────────────
    say('setup');
    const t = Date.now();
    const scratch = await createScratch(dirs.scratch, { monitor, ...load });
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
    // release.yml has no nginx_prefix: its nginx_reload_command reloads this nginx with its own prefix instead.
    let workflowRouter: Record<string, string>;
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
      const { nginx_prefix: _prefix, ...rest } = routerInputs;
      workflowRouter = {
        ...rest,
        nginx_reload_command: `nginx -p ${q(`${nginx.dir}/`)} -c ${q(nginx.confPath)} -s reload`,
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
      workflowRouter = routerInputs;
      say(
        `  router               the demo's router ${router.url} (nginx not ${o.router === 'node' ? 'used' : 'installed'}; weights via ${router.adminUrl})`,
      );
    }
    timings.push(['setup', Date.now() - t, '']);
    say(`  ready in ${sec(Date.now() - t)}`);
    say('');

    const env: NodeJS.ProcessEnv = {
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
    };
    const runner: StageRunner = {
      root,
      workspace: scratch.work,
      logDir: dirs.logs,
      summaryDir: dirs.summaries,
      seq: 0,
      env,
    };

    // One action run outside the workflow (production's current version before, the rollback drill after).
    const stage = async (
      def: ActionDefinition,
      id: string,
      label: string,
      inputs: Record<string, string | undefined>,
      show: (r: StageResult) => string[] = () => [],
    ): Promise<StageResult> => {
      if (interrupted) throw new StopPipeline(label, `interrupted (${interrupted})`, false);
      say(`▶ ${label}`);
      const r = await runStage(runner, def, label, inputs);
      report.stages.push({
        id,
        label,
        ok: r.ok,
        result: r.ok ? 'success' : 'failure',
        durationMs: r.durationMs,
        outputs: r.outputs,
      });
      timings.push([label, r.durationMs, r.ok ? 'ok' : 'FAILED']);
      saveReport();
      if (r.ignoredInputs.length) say(`  note: ${def.id} has no input ${r.ignoredInputs.join(', ')} (left out)`);
      if (!r.ok) {
        say(`✖ ${label} failed (exit code ${r.code}) in ${sec(r.durationMs)}`);
        for (const e of r.errors) say(`    error: ${e}`);
        say(`    log: ${r.logPath}`);
        throw new StopPipeline(label, r.errors[0] ?? `exit code ${r.code}`, r.notImplemented);
      }
      say(`✔ ${label} succeeded in ${sec(r.durationMs)}`);
      for (const line of show(r)) say(`    ${line}`);
      return r;
    };

    // The deploy settings, the same for the workflow's deploy job and the actions run around it.
    const launch = `node ${q(join(DEMO_DIR, 'bin', 'launch.mjs'))} ${q(scratch.remote)} ${q(dirs.releases)} ${q(dirs.pids)}`;
    const deploySettings = {
      version_url: `${routerUrl}version`,
      probe_url: routerUrl,
      environment_url: routerUrl,
      workload: 'command',
      health_url: 'http://127.0.0.1:{port}/health',
      state_dir: dirs.state,
      keep_previous: '1h',
    };

    // ── production runs the previous version first, so the release has something to replace ─────────────
    await stage(
      deployAction,
      'deploy-previous',
      `setup: production runs ${FIRST_VERSION}`,
      {
        ...deploySettings,
        version: FIRST_VERSION,
        environment: 'production',
        deployment_strategy: 'blue-green',
        monitor_duration: '0s',
        start_command: launch,
        ...routerInputs,
      },
      (r) => [`production serves ${FIRST_VERSION} from slot ${r.outputs.active_slot}`],
    );
    say('');

    // ── the pipeline: README's call of release.yml with the demo's settings ──────────────────────────────
    const stagingPort = await freePort();
    const staging = `http://127.0.0.1:${stagingPort}/`;
    const settings: Record<string, string | boolean> = {
      npm_registry_url: verdaccio.url,
      // The load gates run against a staging instance of the planned commit, started by the gates job.
      start_command: `PORT=${stagingPort} SLOT=staging node server.mjs`,
      ready_url: `${staging}health`,
      target_url: staging,
      deploy_start_command: launch,
      ...deploySettings,
      ...workflowRouter,
    };
    const caller = join(outDir, 'caller-workflow.yml');
    writeFileSync(caller, callerWorkflow(root, settings));
    say(`▶ release.yml, called as README.md calls it, with the demo's settings: ${caller}`);
    say(`    ${Object.keys(settings).join(', ')}`);
    const workflowLog = join(dirs.logs, 'workflow.log');
    const jobErrors: Record<string, string[]> = {};
    const reviewers: Record<string, string[]> = {
      'changelog-review': ['Release Manager'],
      'fast-track': ['Release Manager'],
      'product-approval': ['Product'],
      production: ['Engineering Lead'],
    };
    // Meanwhile a request every 40 ms through the router: every failed one is counted (the switch drops none).
    const traffic = trafficLoop(routerUrl);
    let run: RunReport;
    try {
      run = await runWorkflow({
        workflow: caller,
        packageRoot: o.workflow ? packageWith(root, resolve(o.workflow), join(outDir, 'run', 'package')) : root,
        repository: scratch.work,
        runDir: join(outDir, 'run', 'workflow'),
        secrets: { GITHUB_TOKEN: token, NPM_TOKEN: verdaccio.token },
        env,
        reviewers,
        signal: abort.signal,
        approve: async (a) => {
          say(
            `⏸ approval: ${a.environment} (${a.reviewers.join(', ') || 'its reviewers'}) — auto-approved in the demo (job ${a.job})`,
          );
          return true;
        },
        log: (line) => {
          appendFileSync(workflowLog, `${line}\n`);
          const job = /^\[([^\]]+)\] /.exec(line)?.[1];
          if (job) appendFileSync(join(dirs.logs, `${job.replace(/[^\w.-]+/g, '-')}.log`), `${line}\n`);
          // The console shows the steps starting, each job's end, and the annotations; the logs hold the rest.
          const error = /::error[^:]*::(.*)$/.exec(line)?.[1];
          if (job && error) (jobErrors[job] ??= []).push(error);
          if (/^\[[^\]]+\] (▶|✗)/.test(line) || /^[\w/ .()-]+: (success|failure|skipped|cancelled)/.test(line))
            say(`  ${line}`);
          else if (/::(error|warning)/.test(line)) say(`    ${line.replace(/::(error|warning)[^:]*::/, '$1: ')}`);
        },
      });
    } finally {
      const seen = await traffic.stop();
      say(
        `    traffic through the router during the run: ${seen.requests} requests, ${seen.failed} failed; versions seen: ${seen.versions.join(' → ') || 'none'}`,
      );
    }
    workflowReport = run;
    for (const j of releaseJobs(run)) {
      report.stages.push({
        id: shortId(j),
        label: j.name,
        ok: j.result !== 'failure' && j.result !== 'cancelled',
        result: j.result,
        reason: j.reason,
        durationMs: j.durationMs,
        outputs: j.outputs,
        steps: j.steps.map((x) => ({ name: x.name, outcome: x.outcome, durationMs: Math.round(x.durationMs) })),
      });
      timings.push([shortId(j), j.durationMs, j.result === 'skipped' ? `skipped: ${j.reason}` : j.result]);
    }
    copySummaries(join(outDir, 'run', 'workflow', 'jobs'), dirs.summaries);
    saveReport();
    const out = Object.fromEntries(releaseJobs(run).map((j) => [shortId(j), j.outputs]));
    if (out.plan?.releasable === 'false') {
      say('nothing to release: the plan found no releasable commit; the jobs after it were skipped');
    }
    const problem = pipelineProblem(run);
    if (problem) {
      const first = jobErrors[`${CALLER_JOB}/${problem.job}`]?.[0];
      throw new StopPipeline(`job ${problem.job}`, `${problem.reason}${first ? `: ${first}` : ''}`, false);
    }
    say('');
    say(
      `✔ release.yml: ${out.plan?.type} release ${out.release?.version} (${out.release?.tag}), ${out.release?.release_url}; deploy ${out.deploy?.status}`,
    );
    const serving = (await freshGet(`${routerUrl}version`)).body.trim();
    say(`    ${routerUrl}version answers ${serving}`);
    const version = out.release?.version ?? '';
    if (serving !== version) throw new StopPipeline('deploy', `serving ${serving}, not ${version}`, false);
    if (existsSync(join(outDir, 'run', 'workflow', 'artifacts', 'changelog', 'CHANGELOG.md'))) {
      copyFileSync(
        join(outDir, 'run', 'workflow', 'artifacts', 'changelog', 'CHANGELOG.md'),
        join(dirs.artifacts, 'CHANGELOG.md'),
      );
      report.artifacts.changelog = join(dirs.artifacts, 'CHANGELOG.md');
    }

    // ── rollback drill ─────────────────────────────────────────────────────────────────────────────────────
    say('');
    say(`rollback drill, after the workflow: back to ${FIRST_VERSION} (the previous slot still runs)`);
    await stage(
      rollbackAction,
      'rollback-drill',
      'rollback drill',
      {
        version_url: deploySettings.version_url,
        workload: deploySettings.workload,
        health_url: deploySettings.health_url,
        state_dir: deploySettings.state_dir,
        environment: 'production',
        // to_version empty: the last good version recorded in release-status.yaml.
        incident_issue: 'true',
        reason: 'rollback drill (release-actions demo)',
        start_command: launch,
        ...routerInputs,
      },
      (r) => [
        ...highlights(r, [/^rolling .* back from/, /^\[[^\]]+\] rolled-back: /, /^incident issue #/]),
        `status ${r.outputs.status}; serving ${r.outputs.version}`,
      ],
    );
    const after = (await freshGet(`${routerUrl}version`)).body.trim();
    say(`    ${routerUrl}version answers ${after}`);
    if (after !== FIRST_VERSION) throw new StopPipeline('rollback drill', `serving ${after} after the rollback`, false);
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
    if (workflowReport)
      say(
        `  ${'release.yml run (all jobs)'.padEnd(44)} ${sec(workflowReport.durationMs).padStart(8)}  ${workflowReport.conclusion}`,
      );
    say(`  ${'total'.padEnd(44)} ${sec(Date.now() - started).padStart(8)}`);
    // Wall times depend on what else the machine runs: the load beside them says how much.
    say(`  (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
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

/**
 * A package root whose release.yml is `workflow` and whose actions are `root`'s (symlinked): what the caller's
 * `uses: …/release.yml@v1` resolves to when the demo runs a copy of the workflow.
 */
function packageWith(root: string, workflow: string, dir: string): string {
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  copyFileSync(workflow, join(dir, '.github', 'workflows', 'release.yml'));
  if (!existsSync(join(dir, 'actions'))) symlinkSync(join(root, 'actions'), join(dir, 'actions'));
  return dir;
}

/** Each job's summary (the executor keeps them per job) under the demo's artifacts, named after the job. */
function copySummaries(jobsDir: string, to: string): void {
  if (!existsSync(jobsDir)) return;
  mkdirSync(to, { recursive: true });
  for (const key of readdirSync(jobsDir)) {
    const summary = join(jobsDir, key, 'summary.md');
    if (existsSync(summary)) copyFileSync(summary, join(to, `${key}.md`));
  }
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
    } else if (a === '--workflow' || a.startsWith('--workflow=')) {
      const v = a.includes('=') ? a.slice(11) : argv[++i];
      if (!v || !existsSync(v)) return `--workflow needs a copy of release.yml (got ${v ?? 'nothing'})`;
      o.workflow = v;
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
  --workflow a copy of .github/workflows/release.yml to run instead (the actions stay this checkout's)
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
