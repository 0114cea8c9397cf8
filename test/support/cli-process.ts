/** The CLI as users run it: cli/release-actions.mjs (the committed bundle) in a child process, loopback only. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HERMETIC_ENV, ROOT } from './run-action.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `release-actions <args>` in `cwd` with the harness's hermetic env plus `env`; killed after a minute. */
export function runCli(args: string[], o: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli', 'release-actions.mjs'), ...args], {
      cwd: o.cwd,
      env: { ...HERMETIC_ENV, ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
