/**
 * Is a real service available to this test file, and what happens when it is not.
 *
 * In CI (`CI=true`) a missing service FAILS: the suite gets one failing test whose message names the
 * service and how to install it. On a developer machine the suite is SKIPPED, the reason in its title.
 *
 * Usage (test files are ESM, so top-level await works):
 *
 * ```ts
 * const docker = await requireService('docker');
 * describeWithService(docker, 'image push', () => {
 *   it('pushes', async () => { ... });
 * });
 * // or per test:
 * itWithService(docker, 'pushes', async () => { ... });
 * ```
 *
 * Several services: `describeWithService([docker, registry], ...)`.
 */
import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { run } from './proc.js';

export type ServiceName = 'git' | 'nginx' | 'docker' | 'docker-registry' | 'verdaccio' | 'busybox' | 'prometheus';

export interface ServiceStatus {
  name: ServiceName | string;
  available: boolean;
  /** Why it is missing, and how to get it (empty when available). */
  message: string;
}

interface Probe {
  check(): Promise<string | undefined>; // undefined = ok, else what is wrong
  install: string;
}

async function which(cmd: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    try {
      await access(`${dir}/${cmd}`, constants.X_OK);
      return `${dir}/${cmd}`;
    } catch {
      // next
    }
  }
  return undefined;
}

async function executable(path: string): Promise<string | undefined> {
  try {
    await access(path, constants.X_OK);
    return undefined;
  } catch {
    return `${path} not found or not executable`;
  }
}

const apt = (pkgs: string): string => `install it with \`sudo apt-get install -y ${pkgs}\` (or run .ci/run)`;

export const probes: Record<ServiceName, Probe> = {
  git: {
    check: async () => ((await which('git')) ? undefined : 'git is not on the PATH'),
    install: apt('git'),
  },
  nginx: {
    check: async () => ((await which('nginx')) ? undefined : 'nginx is not on the PATH'),
    install: apt('nginx') + '; the tests start their own nginx (own prefix, port), the system one is not used',
  },
  docker: {
    check: async () => {
      if (!(await which('docker'))) return 'the docker CLI is not on the PATH';
      const res = await run('docker', ['info', '--format', '{{.ServerVersion}}'], {
        allowFailure: true,
        timeoutMs: 10_000,
      });
      return res.code === 0 ? undefined : `\`docker info\` does not answer: ${res.stderr.trim().split('\n')[0] ?? ''}`;
    },
    install:
      apt('docker.io') +
      '; then start the daemon: `sudo dockerd --bridge=none --iptables=false --ip6tables=false &` (.ci/run does it)',
  },
  'docker-registry': {
    check: () => executable('/usr/bin/docker-registry'),
    install: apt('docker-registry') + ' (Debian CNCF distribution; its system service is not used)',
  },
  verdaccio: {
    check: async () => {
      try {
        createRequire(import.meta.url).resolve('verdaccio/package.json');
        return undefined;
      } catch {
        return 'the verdaccio module is not resolvable';
      }
    },
    install: 'run `npm ci` (verdaccio is a devDependency)',
  },
  prometheus: {
    check: () => executable('/usr/bin/prometheus'),
    install:
      apt('prometheus') + ' (tests start their own, own config, data dir and port; the system service is not used)',
  },
  busybox: {
    check: () => executable('/bin/busybox'),
    install: apt('busybox-static') + ' (a static /bin/busybox is copied into FROM scratch test images)',
  },
};

const cache = new Map<string, Promise<ServiceStatus>>();

export const inCI = (): boolean => process.env.CI === 'true';

/** Probes one service (cached per test file). Never throws: the decision is taken by describeWithService/itWithService. */
export function requireService(name: ServiceName): Promise<ServiceStatus> {
  let status = cache.get(name);
  if (!status) {
    const probe = probes[name];
    status = probe.check().then(
      (problem) => ({ name, available: problem === undefined, message: problem ? `${problem}; ${probe.install}` : '' }),
      (error: unknown) => ({ name, available: false, message: `probe failed: ${String(error)}; ${probe.install}` }),
    );
    cache.set(name, status);
  }
  return status;
}

/** Probes several services at once. */
export function requireServices(...names: ServiceName[]): Promise<ServiceStatus[]> {
  return Promise.all(names.map((name) => requireService(name)));
}

function missing(statuses: ServiceStatus | ServiceStatus[]): ServiceStatus[] {
  return (Array.isArray(statuses) ? statuses : [statuses]).filter((s) => !s.available);
}

/** The sentence a failing (CI) or skipped (dev) test shows. */
export function missingMessage(statuses: ServiceStatus | ServiceStatus[]): string {
  return missing(statuses)
    .map((s) => `service "${s.name}" is missing: ${s.message}`)
    .join('\n');
}

/**
 * `describe` when every service is available. Otherwise, in CI: a describe with one failing test
 * carrying the message; on a developer machine: `describe.skip` with the reason in the title.
 */
export function describeWithService(statuses: ServiceStatus | ServiceStatus[], title: string, fn: () => void): void {
  const gone = missing(statuses);
  if (gone.length === 0) {
    describe(title, fn);
  } else if (inCI()) {
    describe(title, () => {
      it(`requires ${gone.map((s) => s.name).join(', ')}`, () => {
        throw new Error(`${missingMessage(gone)}\n(CI=true: a missing service fails the tests)`);
      });
    });
  } else {
    // Jest's summary does not print skipped titles unless --verbose: say it once on stderr too.
    process.stderr.write(`skipped "${title}": ${missingMessage(gone)}\n`);
    describe.skip(`${title} [skipped: ${missingMessage(gone)}]`, fn);
  }
}

/** `it` with the same rule as describeWithService, for a single test. */
export function itWithService(
  statuses: ServiceStatus | ServiceStatus[],
  title: string,
  fn: () => Promise<unknown> | void,
  timeoutMs?: number,
): void {
  const gone = missing(statuses);
  if (gone.length === 0) {
    it(title, fn as () => Promise<unknown>, timeoutMs);
  } else if (inCI()) {
    it(title, () => {
      throw new Error(`${missingMessage(gone)}\n(CI=true: a missing service fails the tests)`);
    });
  } else {
    it.skip(`${title} [skipped: ${missingMessage(gone)}]`, () => undefined);
  }
}
