/** Run a program without a shell (arguments as an array), collecting its output. */
import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Kill the program after this many ms. */
  timeoutMs?: number;
  /** Called with each chunk of output as it arrives (for live logs). */
  onOutput?: (chunk: string) => void;
}

export type Exec = (cmd: string, args: string[], o?: ExecOptions) => Promise<ExecResult>;

export const exec: Exec = (cmd, args, o = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      o.onOutput?.(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      o.onOutput?.(d);
    });
    const timer = o.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), o.timeoutMs) : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(o.input ?? '');
  });

/** Remove every occurrence of each secret from a text (for error messages built from a tool's output). */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** Poll `probe` until it returns a value other than undefined, or the deadline passes (then undefined). */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  o: { timeoutMs: number; intervalMs?: number; maxIntervalMs?: number; sleep?: (ms: number) => Promise<void> },
): Promise<T | undefined> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + o.timeoutMs;
  let interval = o.intervalMs ?? 1000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    await sleep(Math.min(interval, left));
    interval = Math.min(interval * 2, o.maxIntervalMs ?? 15_000);
  }
}
