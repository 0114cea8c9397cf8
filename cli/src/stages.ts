/**
 * The stages the CLI runs, in the reusable workflow's order, each with the schema of its action (bundled into
 * the CLI from actions/<x>/src/inputs.ts, the single source of truth) and the path of its committed bundle.
 */
import type { ActionDefinition } from '@release-actions/shared/action';
import { action as changelog } from '../../actions/changelog/src/inputs.js';
import { action as deploy } from '../../actions/deploy/src/inputs.js';
import { action as plan } from '../../actions/plan/src/inputs.js';
import { action as qualityGates } from '../../actions/quality-gates/src/inputs.js';
import { action as release } from '../../actions/release/src/inputs.js';
import { action as rollback } from '../../actions/rollback/src/inputs.js';

export const STAGES: readonly ActionDefinition[] = [plan, qualityGates, changelog, release, deploy, rollback];

export function findStage(id: string): ActionDefinition | undefined {
  return STAGES.find((s) => s.id === id);
}
