/**
 * The runner's file commands: GITHUB_OUTPUT and GITHUB_ENV hold `name=value` lines or the heredoc form
 * `name<<DELIMITER` … `DELIMITER`; GITHUB_PATH one directory a line; GITHUB_STEP_SUMMARY markdown.
 */
export class FileCommandError extends Error {}

export function parseKeyValueFile(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq === -1 || line.indexOf('<<') < eq)) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i]!);
      }
      if (!closed) throw new FileCommandError(`${file}: ${name}<<${delimiter} is not closed by a line ${delimiter}`);
      out[name!.trim()] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq).trim()] = line.slice(eq + 1);
    } else {
      throw new FileCommandError(
        `${file}: line ${i + 1} is neither name=value nor name<<DELIMITER: ${JSON.stringify(line)}`,
      );
    }
  }
  return out;
}

export const parsePathFile = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
