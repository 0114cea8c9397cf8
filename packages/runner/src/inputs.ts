/** Inputs as the runner passes them: action.yml's defaults filled in, `${{ github.token }}` resolved, as INPUT_*. */
import { readFileSync } from 'node:fs';
import { GITHUB_TOKEN_DEFAULT, inputEnvName } from '@release-actions/shared/action';
import { parse as parseYaml } from 'yaml';

export { inputEnvName };

/** Defaults of an action's inputs as the runner reads them from its action.yml. */
export function actionYmlDefaults(actionYml: string): Record<string, string> {
  const doc = parseYaml(readFileSync(actionYml, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.inputs ?? {})) if (v.default !== undefined) out[k] = String(v.default);
  return out;
}

/**
 * Raw input values: the given ones, the defaults for the others ('' for a declared input without one), and
 * `${{ github.token }}` as `token`.
 */
export function runnerInputs(
  defaults: Record<string, string | undefined>,
  given: Record<string, string>,
  token: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, dflt] of Object.entries(defaults)) out[name] = dflt ?? '';
  Object.assign(out, given);
  for (const [name, raw] of Object.entries(out)) if (raw.trim() === GITHUB_TOKEN_DEFAULT) out[name] = token;
  return out;
}
