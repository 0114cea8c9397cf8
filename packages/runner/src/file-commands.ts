/** The runner's file commands: the files an action appends to (GITHUB_OUTPUT…) and how the runner reads them. */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type FileCommand = 'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_PATH';

/** Create the empty file-command files in `dir` (the runner names them so); the summary may live elsewhere. */
export function createFileCommands(dir: string, summaryFile = join(dir, 'step_summary')): Record<FileCommand, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<FileCommand, string> = {
    GITHUB_OUTPUT: join(dir, 'set_output'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: join(dir, 'set_env'),
    GITHUB_STATE: join(dir, 'save_state'),
    GITHUB_PATH: join(dir, 'add_path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  return files;
}

/** A file command's text ('' when the action removed the file). */
export function readFileCommand(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Parse a runner file-command file (`name=value` lines and `name<<DELIM` heredocs). */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const name = heredoc[1] as string;
      const delim = heredoc[2] as string;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] as string);
      out[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}
