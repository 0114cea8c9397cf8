/**
 * The scratch project the demo releases: a tiny npm package (`demo-greeter`: a library and a small HTTP service,
 * `server.mjs`, answering `/`, `/health` and `/version`), a git repository with conventional commits whose first
 * release (v1.0.0) is tagged, a bare repository as its `origin`, and a release policy and load profiles sized for a
 * demo.
 *
 * Git runs with the user's global and system configuration ignored, so a developer's hooks or signing settings
 * cannot change what the demo does.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolatedGitEnv, run } from '@release-actions/testkit/services';

export const PACKAGE_NAME = 'demo-greeter';
export const FIRST_VERSION = '1.0.0';
export const REPOSITORY = 'demo/greeter';

/** git in the scratch repositories: isolated from the machine's config, identity set per repository. */
export async function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: isolatedGitEnv(env), timeoutMs: 30_000 });
  return stdout.trim();
}

/** The service: answers `/` (a greeting), `/health` and `/version` (RELEASE_VERSION, else package.json's). */
export const SERVER_MJS = `// A tiny HTTP service, released and deployed by the release-actions demo.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { greet } from './index.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const version = process.env.RELEASE_VERSION || pkg.version;
const port = Number(process.env.PORT || 8080);
const slot = process.env.SLOT || 'local';

const server = createServer((req, res) => {
  const path = (req.url || '/').split('?')[0];
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'x-version': version, 'x-slot': slot });
    res.end(body);
  };
  if (path === '/health') return send(200, 'application/json', JSON.stringify({ status: 'ok' }));
  if (path === '/version') return send(200, 'text/plain', version + '\\n');
  if (path === '/') return send(200, 'application/json', JSON.stringify({ message: greet('demo'), version, slot }));
  send(404, 'application/json', JSON.stringify({ error: 'not found' }));
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
`;

const INDEX_V1 = `export function greet(name) {
  return 'Hello ' + name;
}
`;

const INDEX_V2 = `export function greet(name, punctuation = '!') {
  return 'Hello, ' + String(name).trim() + punctuation;
}
`;

const TEST_MJS = `import assert from 'node:assert/strict';
import { greet } from './index.mjs';
assert.match(greet('demo'), /^Hello,? demo/);
console.log('tests: 1 passed');
`;

const BUILD_MJS = `import { execFileSync } from 'node:child_process';
// "Build": every shipped module must parse (node --check).
for (const f of ['index.mjs', 'server.mjs']) execFileSync(process.execPath, ['--check', f], { stdio: 'inherit' });
console.log('build: ok');
`;

function packageJson(version: string): string {
  return `${JSON.stringify(
    {
      name: PACKAGE_NAME,
      version,
      description: 'A greeting library and service, released by the release-actions demo.',
      type: 'module',
      main: 'index.mjs',
      files: ['index.mjs', 'server.mjs'],
      scripts: { test: 'node test.mjs', build: 'node build.mjs', start: 'node server.mjs' },
      license: 'MIT',
    },
    null,
    2,
  )}\n`;
}

/**
 * The demo's policy for a minor release: load testing only (no container engine needed), blue-green, and a
 * monitoring window of seconds instead of the default hour.
 */
export function policyYaml(o: { monitor: string }): string {
  return `# Policy of the demo project (docs/policy.md). Only what differs from the defaults.
version: 1
types:
  minor:
    gates: [load-testing]
    load_profile: baseline
    smoke_tests: true
    strategy: blue-green
    monitor_duration: ${o.monitor}
  major:
    gates: [load-testing]
    load_profile: baseline
    strategy: blue-green
    monitor_duration: ${o.monitor}
`;
}

/** The load gate's profile, sized for a demo (the built-in baseline loads for 30 s after a 5 s ramp). */
export function loadProfilesYaml(o: { load: string; ramp: string }): string {
  return `# Load profiles of the demo project (actions/quality-gates/README.md): a short baseline.
profiles:
  baseline: { connections: 10, rate: 50, duration: ${o.load}, ramp: ${o.ramp} }
`;
}

export interface Scratch {
  /** The working repository (the runner's checkout, GITHUB_WORKSPACE). */
  work: string;
  /** The bare repository that is its origin. */
  remote: string;
  remoteUrl: string;
  /** Commit subjects after the first release, oldest first. */
  commits: string[];
  head: string;
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** Creates the bare remote and the working repository with v1.0.0 released and new commits on top, pushed. */
export async function createScratch(
  root: string,
  o: { monitor: string; load: string; ramp: string },
): Promise<Scratch> {
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  await mkdir(root, { recursive: true });
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  await git(root, ['init', '--quiet', '--initial-branch=main', work]);
  const remoteUrl = pathToFileURL(remote).href;
  for (const [k, v] of [
    ['user.name', 'Demo Developer'],
    ['user.email', 'dev@demo.invalid'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ] as const) {
    await git(work, ['config', '--local', k, v]);
  }
  await git(work, ['remote', 'add', 'origin', remoteUrl]);
  let day = 0;
  const commit = async (message: string, files: Record<string, string>): Promise<void> => {
    await write(work, files);
    await git(work, ['add', '--all']);
    // Fixed dates, one day apart: the history reads the same on every run.
    const date = new Date(Date.UTC(2025, 0, 6 + day++, 10, 0, 0)).toISOString();
    await git(work, ['commit', '--quiet', '--no-verify', '-m', message], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
  };

  await commit('feat: greeting library and HTTP service', {
    'package.json': packageJson(FIRST_VERSION),
    'index.mjs': INDEX_V1,
    'server.mjs': SERVER_MJS,
    'test.mjs': TEST_MJS,
    'build.mjs': BUILD_MJS,
    '.gitignore': 'node_modules/\n*.tgz\n',
    'README.md': `# ${PACKAGE_NAME}\n\nA greeting library and service (\`npm start\`: /, /health, /version).\n`,
  });
  await git(work, ['tag', '-a', '-m', `v${FIRST_VERSION}`, `v${FIRST_VERSION}`]);
  const commits = [
    'docs: how to run the service',
    'fix: trim the name before greeting',
    'feat(api): optional punctuation in greetings',
    'chore: release policy and load profiles for the demo',
  ];
  await commit(commits[0] as string, {
    'README.md': `# ${PACKAGE_NAME}\n\nA greeting library and service.\n\n\`\`\`sh\nPORT=8080 npm start   # GET /, /health, /version\n\`\`\`\n`,
  });
  await commit(commits[1] as string, {
    'index.mjs': INDEX_V1.replace("'Hello ' + name", "'Hello ' + String(name).trim()"),
  });
  await commit(`${commits[2] as string}\n\ngreet(name, punctuation) ends with the punctuation given (default "!").`, {
    'index.mjs': INDEX_V2,
  });
  await commit(commits[3] as string, {
    '.github/release-policy.yml': policyYaml(o),
    '.github/load-profiles.yml': loadProfilesYaml(o),
  });
  await git(work, ['push', '--quiet', '--follow-tags', 'origin', 'main']);
  await git(work, ['branch', '--quiet', '--set-upstream-to=origin/main', 'main']);
  const head = await git(work, ['rev-parse', 'HEAD']);
  return { work, remote, remoteUrl, commits, head };
}
