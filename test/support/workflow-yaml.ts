import type { Scratch } from '../workflow/helpers.js';

/**
 * Writes `name` into the scratch folder: a workflow started by workflow_dispatch whose `jobs:` are `jobs` (YAML
 * indented two spaces; a leading newline is dropped). Returns the file's path.
 */
export const writeDispatchWorkflow = (s: Scratch, name: string, jobs: string): string =>
  s.write(name, `on: workflow_dispatch\njobs:\n${jobs.replace(/^\n/, '')}`);
