/**
 * Workflow commands an action prints on stdout (`::error file=a,line=1::msg`, `::add-mask::value`): read back as
 * annotations, and masking applied to a live log as the runner does before anyone sees it.
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice' | 'debug';
  message: string;
  properties: Record<string, string>;
}

/** A command's data, as @actions/core escapes it. */
export const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Workflow commands (`::error file=a,line=1::msg`) found in a log. */
export function parseAnnotations(log: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of log.split(/\r?\n/)) {
    const m = /^::(error|warning|notice|debug)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').trim().split(',')) {
      const eq = kv.indexOf('=');
      if (eq > 0) properties[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1));
    }
    out.push({ level: m[1] as Annotation['level'], message: unescapeData(m[3] ?? ''), properties });
  }
  return out;
}

/**
 * What the runner does with a log before anyone sees it: `::add-mask::value` lines are consumed (never shown)
 * and every masked value is replaced by `***` in later lines. Secret inputs are masked from the start.
 * `::debug::` lines are hidden unless RUNNER_DEBUG=1, as on a runner without step debug logging.
 */
export class LogMasker {
  private readonly secrets = new Set<string>();
  private pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

  constructor(
    private readonly write: (text: string, stream: 'stdout' | 'stderr') => void,
    initial: readonly string[] = [],
    /** Show `::debug::` lines, as the runner does only with step debug logging (RUNNER_DEBUG=1). */
    private readonly showDebug = false,
  ) {
    for (const v of initial) this.add(v);
  }

  add(value: string): void {
    for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= 3) this.secrets.add(v.trim());
  }

  private line(text: string, stream: 'stdout' | 'stderr'): void {
    const mask = /^::add-mask::(.*)$/.exec(text.replace(/\r$/, ''));
    if (mask) {
      this.add(unescapeData(mask[1] as string));
      return;
    }
    if (!this.showDebug && text.startsWith('::debug::')) return;
    let out = text;
    // Longest first, so a secret containing another one is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
    this.write(`${out}\n`, stream);
  }

  push(chunk: string, stream: 'stdout' | 'stderr'): void {
    const lines = (this.pending[stream] + chunk).split('\n');
    this.pending[stream] = lines.pop() as string;
    for (const l of lines) this.line(l, stream);
  }

  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') this.line(this.pending[stream], stream);
      this.pending[stream] = '';
    }
  }
}
