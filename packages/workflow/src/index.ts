export {
  resolveAction,
  resolveWorkflow,
  STAND_INS,
  type ActionMeta,
  type ResolvedAction,
  type Resolver,
} from './actions.js';
export {
  localGithubContext,
  runWorkflow,
  typedInputs,
  type ApprovalRequest,
  type Decision,
  type ExecutorOptions,
  type JobReport,
  type Result,
  type RunReport,
  type StepReport,
} from './executor.js';
export { evaluate, hashFiles, interpolate, isUnknown, referencesIn, Unknown, type EvalScope } from './expressions.js';
export { parseKeyValueFile, parsePathFile } from './file-commands.js';
export { jobOrder, loadWorkflow, UnsupportedError, WorkflowError, type Workflow } from './model.js';
export { validateWorkflow } from './validate.js';
