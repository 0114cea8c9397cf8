/** Where domain code reports progress. The action glue backs it with @actions/core; tests use MemoryLogger. */
import { neutralizeWorkflowCommands } from './escape.js';

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warning' | 'error' | 'group';
  message: string;
  props?: AnnotationProps;
}

/** A Logger that keeps every line, for tests and for building summaries. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  debug(message: string): void {
    this.entries.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.entries.push({ level: 'info', message });
  }
  warning(message: string, props?: AnnotationProps): void {
    this.entries.push({ level: 'warning', message, props });
  }
  error(message: string, props?: AnnotationProps): void {
    this.entries.push({ level: 'error', message, props });
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.entries.push({ level: 'group', message: name });
    return fn();
  }
  messages(level?: LogEntry['level']): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => e.message);
  }
}

/** A Logger that says nothing. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  group: (_name, fn) => fn(),
};

/**
 * A Logger that can never print a workflow command: every line of every message that would start one (`::`,
 * `##[`) is defused (neutralizeWorkflowCommands), whatever was interpolated into it. For the runner glue and for
 * any code that logs text from the status record, git or the GitHub API.
 */
export function commandSafeLogger(inner: Logger): Logger {
  const safe = neutralizeWorkflowCommands;
  return {
    debug: (m) => inner.debug(safe(m)),
    info: (m) => inner.info(safe(m)),
    warning: (m, p) => inner.warning(safe(m), p && { ...p, ...(p.title ? { title: safe(p.title) } : {}) }),
    error: (m, p) => inner.error(safe(m), p && { ...p, ...(p.title ? { title: safe(p.title) } : {}) }),
    group: (name, fn) => inner.group(safe(name), fn),
  };
}
