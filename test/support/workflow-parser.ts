/**
 * @actions/workflow-parser (the parser behind the GitHub Actions VS Code extension), loaded through an esbuild
 * bundle: its ESM imports its JSON schemas without import attributes, which Node refuses but a bundler resolves.
 */
import { importBundle } from '../../scripts/load-ts.mjs';
import { ROOT } from './run-action.js';

export interface ParseProblem {
  message: string;
}
interface TemplateContext {
  errors: { getErrors(): ParseProblem[] };
}
export interface WorkflowParser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: TemplateContext; value: unknown };
  convertWorkflowTemplate(context: TemplateContext, value: unknown): Promise<{ errors?: ParseProblem[] }>;
  parseAction(file: { name: string; content: string }, trace: unknown): { context: TemplateContext; value: unknown };
  NoOperationTraceWriter: new () => unknown;
}

export async function loadWorkflowParser(): Promise<WorkflowParser> {
  return (await importBundle({
    stdin: {
      contents: [
        "export { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';",
        "export { parseAction } from '@actions/workflow-parser/actions/action-parser';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    },
  })) as WorkflowParser;
}
