/** Small workflows written by the tests, run by the executor with collaborators the tests hold. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runWorkflow, type ExecutorOptions, type RunReport } from '@release-actions/workflow';
import { ROOT } from '../support/run-action.js';

export { ROOT };

export interface Scratch {
  dir: string;
  write(rel: string, content: string): string;
  cleanup(): void;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'ra-workflow-test-'));
  return {
    dir,
    write(rel, content) {
      const file = join(dir, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Ran extends RunReport {
  log: string[];
  job(id: string): RunReport['jobs'][number];
}

/** Runs `yaml` (written into a scratch dir, which is also the repository) and keeps the log. */
export async function runYaml(s: Scratch, yaml: string, o: Partial<ExecutorOptions> = {}): Promise<Ran> {
  const workflow = s.write(`wf-${Math.random().toString(36).slice(2)}.yml`, yaml);
  const log: string[] = [];
  const report = await runWorkflow({
    workflow,
    packageRoot: ROOT,
    repository: s.dir,
    runDir: join(s.dir, `run-${Math.random().toString(36).slice(2)}`),
    log: (l) => log.push(l),
    ...o,
  });
  return {
    ...report,
    log,
    job(id) {
      const j = report.jobs.find((x) => x.id === id);
      if (!j) throw new Error(`no job ${id} in ${report.jobs.map((x) => x.id).join(', ')}`);
      return j;
    },
  };
}
