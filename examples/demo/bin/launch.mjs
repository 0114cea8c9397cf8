#!/usr/bin/env node
// The demo's start_command for the deploy and rollback actions (command workload): starts one instance of the
// released version RELEASE_VERSION. Its files (server.mjs, index.mjs, package.json) come from the release tag in
// the demo's bare remote, so what runs is exactly what was released; the instance's PID goes to a file in the
// demo's PID directory, from which the demo stops it at the end (also after a failure or Ctrl-C).
//
//   node launch.mjs <bare remote> <releases dir> <pid dir>     (env: RELEASE_VERSION, PORT, SLOT from the action)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [remote, releases, pidDir] = process.argv.slice(2);
const version = (process.env.RELEASE_VERSION ?? '').replace(/^v/, '');
if (!remote || !releases || !pidDir || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  process.stderr.write('usage: RELEASE_VERSION=x.y.z PORT=n node launch.mjs <remote.git> <releases> <pids>\n');
  process.exit(2);
}
// The PID file first, then the demo's stop flag: when the demo is stopping (STOP exists) this instance must not
// start. The demo writes STOP before it lists the PID files, so every instance is either listed or sees STOP.
mkdirSync(pidDir, { recursive: true });
const pidFile = join(pidDir, `${process.pid}.pid`);
writeFileSync(pidFile, `${process.pid}\n`);
process.on('exit', () => rmSync(pidFile, { force: true }));
if (existsSync(join(pidDir, 'STOP'))) {
  process.stderr.write('the demo is stopping: not starting\n');
  process.exit(1);
}
const dir = join(releases, version);
if (!existsSync(join(dir, 'server.mjs'))) {
  const tmp = `${dir}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  for (const file of ['package.json', 'index.mjs', 'server.mjs']) {
    const content = execFileSync('git', ['--git-dir', remote, 'show', `v${version}:${file}`], {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
    writeFileSync(join(tmp, file), content);
  }
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another instance of the same version was first
  }
}
await import(pathToFileURL(join(dir, 'server.mjs')).href);
