/**
 * The inputs deploy and rollback share (workload, router, state, status record), and the factory that turns
 * them into a Workload, a Router and a StateFile. State directory: `state_dir`, else next to the nginx include
 * file (`<dir of nginx_upstream_file>/.release-actions/<environment>`, where a self-hosted runner driving nginx
 * keeps it across jobs), else `<RUNNER_TEMP>/../release-actions/<environment>` (the runner's work directory,
 * which outlives a job on a self-hosted runner).
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { duration, type InputProblem, type InputValues, list, number, oneOf, text, url } from '../action/inputs.js';
import type { Logger } from '../util/logger.js';
import { CommandRouter, NginxRouter, NoRouter } from './routers.js';
import { StateFile } from './state.js';
import type { Router, SlotName, Workload } from './types.js';
import { CommandWorkload } from './workload-command.js';
import { DockerWorkload } from './workload-docker.js';

const HOOK = { multiline: true, maxLength: 10_000 };
const URL_TEMPLATE = {
  pattern: /^https?:\/\/[^\s]+$/,
  patternHint: 'an http(s) URL; {port}, {slot}, {index} and {version} are replaced',
};
const PATH_HINT = { pattern: /^[^\r\n\0]+$/, patternHint: 'a file path on one line' };

export const targetInputs = {
  workload: oneOf(['command', 'docker'], { description: 'Where versions run.', default: 'command' }),
  start_command: text({
    description:
      'command workload: starts one instance (runs in `sh -c`, given RELEASE_VERSION, SLOT, PORT, INSTANCE, DEPLOY_ENVIRONMENT). It may keep running (it is the service) or exit 0 once the service runs elsewhere.',
    ...HOOK,
  }),
  stop_command: text({
    description:
      'command workload: stops one instance (same environment). Default: the process group started by start_command is terminated.',
    ...HOOK,
  }),
  health_url: text({
    description: 'Health check of one instance, polled until 2xx. Default http://127.0.0.1:{port}/.',
    ...URL_TEMPLATE,
  }),
  docker_image: text({
    description: 'docker workload: the image; `{version}` is replaced by the version, else `:<version>` is appended.',
    pattern: /^[a-z0-9][a-z0-9._\-/:{}]*$/,
    patternHint: 'an image reference in lower case, optionally with {version}',
  }),
  docker_run_args: list({ description: 'docker workload: extra `docker run` arguments (e.g. -e KEY=value).' }),
  instances: number({
    description: 'Instances per slot (rolling replaces them batch by batch).',
    default: '1',
    integer: true,
    min: 1,
    max: 50,
  }),
  ports: text({
    description:
      'Base port per slot, e.g. `blue=8081,green=8091` (instance i listens on base + i). Default: free ports chosen at start.',
    pattern: /^(blue|green)=\d{1,5}(,(blue|green)=\d{1,5})?$/,
    patternHint: 'blue=PORT,green=PORT',
  }),
  router: oneOf(['nginx', 'command', 'none'], { description: 'How traffic moves.', default: 'none' }),
  nginx_upstream_file: text({
    description:
      'nginx router: the include file holding `upstream <nginx_upstream_name> { … }`, rewritten on every switch.',
    ...PATH_HINT,
  }),
  nginx_upstream_name: text({
    description: 'nginx router: the upstream name.',
    default: 'app',
    pattern: /^[A-Za-z0-9_]+$/,
    patternHint: 'letters, digits and _',
  }),
  nginx_conf: text({
    description: 'nginx router: the main configuration (for `nginx -t -c` and `nginx -s reload -c`).',
    ...PATH_HINT,
  }),
  nginx_prefix: text({ description: 'nginx router: the prefix (`nginx -p`).', ...PATH_HINT }),
  nginx_bin: text({ description: 'nginx router: the nginx binary.', default: 'nginx', ...PATH_HINT }),
  nginx_reload_command: text({
    description:
      'nginx router: command that reloads nginx instead of `nginx -s reload` (e.g. `sudo systemctl reload nginx`).',
    ...HOOK,
  }),
  router_command: text({
    description:
      'command router: applies the weights (given WEIGHTS=blue=90,green=10, BLUE_WEIGHT, GREEN_WEIGHT, ROUTES_JSON).',
    ...HOOK,
  }),
  start_timeout: duration({ description: 'Deadline for one instance to become healthy.', default: '2m', min: 100 }),
  version_timeout: duration({
    description: 'Deadline for version_url to report the new version after a switch.',
    default: '1m',
    min: 100,
  }),
  version_json_path: text({
    description:
      "Where the version is in version_url's JSON body (dotted, e.g. `version` or `build.version`). Default: the whole body.",
    pattern: /^[A-Za-z0-9_.$-]+$/,
    patternHint: 'a dotted path such as build.version',
  }),
  version_header: text({
    description: 'Response header of version_url carrying the version (instead of the body).',
    pattern: /^[A-Za-z0-9-]+$/,
    patternHint: 'an HTTP header name',
  }),
  state_dir: text({
    description:
      'Where the slot state of the environment is kept between jobs (state.json). Default: next to nginx_upstream_file for the nginx router, else RUNNER_TEMP/../release-actions/<environment>.',
    ...PATH_HINT,
  }),
  status_branch: text({
    description: 'Branch holding release-status.yaml (shared with the release stage).',
    default: 'release-status',
    identifier: true,
  }),
  status_file: text({
    description: 'Keep release-status.yaml in this local file instead of on status_branch (demo, dry runs).',
    ...PATH_HINT,
  }),
  version_url: url({ description: 'URL that reports the serving version through the router.' }),
};

export type TargetValues = InputValues<typeof targetInputs>;

/** How long a deploy or rollback waits for the lock of its environment (deploy and rollback alike). */
export const lockTimeoutInput = duration({
  description:
    'How long to wait for another deploy or rollback of the same environment and state_dir to finish (0: fail at once if one runs).',
  default: '10m',
});

export interface Target {
  workload: Workload;
  router: Router;
  stateFile: StateFile;
  ports?: Partial<Record<SlotName, number>>;
}

/** The combinations of target inputs that cannot work: part of deploy's and rollback's `refine`. */
export function refineTarget(v: TargetValues): InputProblem[] {
  const problems: InputProblem[] = [];
  const need = (input: string, message: string) => problems.push({ input, message });
  if (v.workload === 'command' && !v.start_command.trim())
    need(
      'start_command',
      'Input "start_command" is empty but required with workload: command (it starts one instance of a version).',
    );
  if (v.workload === 'docker' && !v.docker_image)
    need('docker_image', 'Input "docker_image" is empty but required with workload: docker.');
  if (v.router === 'nginx' && !v.nginx_upstream_file)
    need(
      'nginx_upstream_file',
      'Input "nginx_upstream_file" is empty but required with router: nginx (the include file holding the upstream).',
    );
  if (v.router === 'command' && !v.router_command.trim())
    need('router_command', 'Input "router_command" is empty but required with router: command.');
  if (v.ports && !(/(^|,)blue=/.test(v.ports) && /(^|,)green=/.test(v.ports)))
    need('ports', `Input "ports" has an invalid value "${v.ports}"; expected blue=PORT,green=PORT (both slots).`);
  return problems;
}

/** Build the parts from inputs that `refineTarget` accepted. */
export function buildTarget(
  v: TargetValues,
  o: { environment: string; workspace: string; runnerTemp: string; log: Logger },
): Target {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(o.workspace, p));
  const stateDir = v.state_dir
    ? abs(v.state_dir)
    : v.router === 'nginx'
      ? join(dirname(abs(v.nginx_upstream_file)), '.release-actions', o.environment)
      : join(o.runnerTemp, '..', 'release-actions', o.environment);
  let ports: Partial<Record<SlotName, number>> | undefined;
  if (v.ports) {
    ports = {};
    for (const part of v.ports.split(',')) {
      const [slot, port] = part.split('=') as [SlotName, string];
      ports[slot] = Number(port);
    }
  }
  const workload: Workload =
    v.workload === 'docker'
      ? new DockerWorkload({
          image: v.docker_image,
          healthUrl: v.health_url || undefined,
          runArgs: v.docker_run_args,
          log: o.log,
          prefix: 'ra',
        })
      : new CommandWorkload({
          startCommand: v.start_command,
          stopCommand: v.stop_command || undefined,
          healthUrl: v.health_url || undefined,
          cwd: o.workspace,
          logDir: join(stateDir, 'logs'),
          log: o.log,
        });
  const router: Router =
    v.router === 'nginx'
      ? new NginxRouter({
          upstreamFile: abs(v.nginx_upstream_file),
          upstreamName: v.nginx_upstream_name || 'app',
          conf: v.nginx_conf ? abs(v.nginx_conf) : undefined,
          prefix: v.nginx_prefix ? abs(v.nginx_prefix) : undefined,
          bin: v.nginx_bin || 'nginx',
          reloadCommand: v.nginx_reload_command || undefined,
          cwd: o.workspace,
          log: o.log,
        })
      : v.router === 'command'
        ? new CommandRouter({ command: v.router_command, cwd: o.workspace, log: o.log })
        : new NoRouter();
  return { workload, router, stateFile: new StateFile(stateDir), ports };
}
