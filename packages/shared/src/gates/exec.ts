/**
 * Running a program: the exec function the gates take (tests pass the real one; nothing here is mocked). The
 * process handling is util/exec's; gates keep the last megabyte of output and a 10-minute default deadline.
 */
import { exec, type Exec, type ExecOptions } from '../util/exec.js';

export type { ExecOptions, ExecResult } from '../util/exec.js';

export type ExecFn = Exec;

const MAX_KEEP = 1_000_000;

export const spawnExec: ExecFn = (cmd, args, opts: ExecOptions = {}) =>
  exec(cmd, args, { maxBuffer: MAX_KEEP, ...opts, timeoutMs: opts.timeoutMs ?? 600_000 });

/** Split a command line into words: whitespace separates, single and double quotes group, `\` escapes. */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | undefined;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (quote) throw new Error(`unterminated ${quote} quote`);
  if (has || cur) out.push(cur);
  return out;
}

/** The last lines of some output, for an error message. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split(/\r?\n/).slice(-lines).join('\n');
}
