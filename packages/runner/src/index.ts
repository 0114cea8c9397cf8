/**
 * @release-actions/runner: the GitHub runner emulator, one for the e2e tests, the CLI and the demo. It runs an
 * action's committed bundle the way a runner does and reads back what the runner would.
 *
 * - run-bundle.ts: the emulation itself (INPUT_*, file commands, RUNNER_TEMP, event, process; results read back).
 * - run-action.ts: runAction, in a fixed hermetic context (what the e2e tests run).
 * - run-stage.ts: runStageBundle, in the local checkout's context with a masked live log (the CLI and the demo).
 * - inputs.ts: raw input values (action.yml or schema defaults, `${{ github.token }}`) and their INPUT_* names.
 * - file-commands.ts: GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE… created and parsed.
 * - workflow-commands.ts: `::error::`/`::add-mask::` lines read as annotations; the runner's log masking.
 */
export * from './file-commands.js';
export * from './inputs.js';
export * from './run-action.js';
export * from './run-bundle.js';
export * from './run-stage.js';
export * from './workflow-commands.js';
