/**
 * @actions/workflow-parser (the parser behind the GitHub Actions VS Code extension), loaded through an esbuild
 * bundle: its ESM imports its JSON schemas without import attributes, which Node refuses but a bundler resolves.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  const result = await build({
    stdin: {
      contents: [
        "export { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';",
        "export { parseAction } from '@actions/workflow-parser/actions/action-parser';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const dir = mkdtempSync(join(tmpdir(), 'ra-workflow-parser-'));
  const file = join(dir, 'parser.mjs');
  writeFileSync(file, result.outputFiles[0]?.contents ?? '');
  try {
    return (await import(pathToFileURL(file).href)) as WorkflowParser;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
