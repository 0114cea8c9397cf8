/** Run a program without a shell (arguments as an array), collecting its output: util/exec's runner. */
import { exec as run, type Exec } from '../util/exec.js';

export type { Exec, ExecOptions, ExecResult } from '../util/exec.js';

/** util/exec's `exec`, except that a program that cannot be started rejects (callers report that as such). */
export const exec: Exec = async (cmd, args, o) => {
  const r = await run(cmd, args, o);
  if (r.error) throw r.error;
  return r;
};

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
