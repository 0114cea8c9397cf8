/**
 * The e2e tests' runner: @release-actions/runner's runAction on this repository's bundles (see
 * packages/runner). Re-exported here so that tests keep one short import.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActionResult, runAction as runIn, type RunActionOptions as RunInOptions } from '@release-actions/runner';

export {
  type ActionResult,
  type Annotation,
  HERMETIC_ENV,
  inputEnvName,
  parseAnnotations,
  parseFileCommand,
} from '@release-actions/runner';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type RunActionOptions = Omit<RunInOptions, 'root'>;

/** Run actions/<name>/dist/index.js of this repository as a GitHub runner does (see packages/runner). */
export function runAction(name: string, o: RunActionOptions = {}): Promise<ActionResult> {
  return runIn(name, { ...o, root: ROOT });
}
