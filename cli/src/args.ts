/**
 * Command-line flags named after an action's inputs. `--version_bump minor`, `--version-bump minor`,
 * `--version_bump=minor`; a boolean input alone means true (`--include_prs`), `--no-include_prs` means false;
 * a list input given twice collects its items. The values are passed to the action untouched: the action's
 * own validation judges them, exactly as on a runner.
 */
import type { InputSchema } from '@release-actions/shared/action';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedFlags {
  /** Raw values by input name (snake_case), as the runner would pass them. */
  values: Record<string, string>;
  help: boolean;
}

/** The flag spelling of an input: `--version_bump` (the dashed spelling is accepted as well). */
export const flagName = (input: string) => `--${input}`;

/** `version-bump` → `version_bump`. */
const normalize = (name: string) => name.replace(/-/g, '_');

/**
 * Parse argv (after the stage name) against a schema. `extra` lists the command's own flags (e.g. the
 * dashboard's) with their kind. Throws UsageError on an unknown flag, a missing value or a stray argument.
 */
export function parseFlags(
  argv: readonly string[],
  inputs: InputSchema | Record<string, { kind: string }>,
  command: string,
): ParsedFlags {
  const names = Object.keys(inputs);
  const valid = () => names.map(flagName).join(', ');
  const values: Record<string, string> = {};
  const seen = new Set<string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(
        `${command}: unexpected argument ${JSON.stringify(arg)}; inputs are given as flags: --<input> <value>`,
      );
    }
    const eq = arg.indexOf('=');
    const rawName = arg.slice(2, eq >= 0 ? eq : undefined);
    let name = normalize(rawName);
    let negated = false;
    const known = (n: string) => n !== '' && Object.hasOwn(inputs, n);
    if (!known(name) && name.startsWith('no_') && known(name.slice(3))) {
      name = name.slice(3);
      negated = true;
    }
    const spec = known(name) ? (inputs as Record<string, { kind: string }>)[name] : undefined;
    if (!spec) {
      throw new UsageError(`${command}: unknown flag --${rawName}; valid flags: ${valid()}, --help`);
    }
    let value: string;
    if (negated) {
      if (spec.kind !== 'boolean') throw new UsageError(`${command}: --no-${name} applies to true/false inputs only`);
      if (eq >= 0) throw new UsageError(`${command}: --no-${name} takes no value`);
      value = 'false';
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (spec.kind === 'boolean') {
        // `--dry_run` alone is true; `--dry_run false` (or any non-flag word) is its value, judged by the action.
        if (next !== undefined && !next.startsWith('--')) {
          value = next;
          i++;
        } else value = 'true';
      } else {
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          throw new UsageError(`${command}: --${name} needs a value (--${name} <value> or --${name}=<value>)`);
        }
        value = next;
        i++;
      }
    }
    if (seen.has(name)) {
      if (spec.kind !== 'list') throw new UsageError(`${command}: --${name} is given more than once`);
      values[name] = `${values[name]}\n${value}`;
    } else values[name] = value;
    seen.add(name);
  }
  return { values, help };
}
