/** Small workflows written by the tests, run by the executor with collaborators the tests hold. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export interface Snippet {
  /** `README.md #1` (the document and the YAML block's number in it), or `examples/x.yml`. */
  name: string;
  /** The document it comes from, relative to the repository. */
  file: string;
  yaml: string;
}

/** Every YAML block of README.md, docs/*.md and actions/*\/README.md, and every examples/*.yml, in that order. */
export function documentedSnippets(): Snippet[] {
  const out: Snippet[] = [];
  const docs = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...readdirSync(join(ROOT, 'actions'))
      .map((a) => `actions/${a}/README.md`)
      .filter((f) => existsSync(join(ROOT, f))),
  ];
  for (const file of docs) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [i, m] of [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].entries())
      out.push({ name: `${file} #${i + 1}`, file, yaml: m[1]! });
  }
  for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)))
    out.push({ name: `examples/${f}`, file: `examples/${f}`, yaml: readFileSync(join(ROOT, 'examples', f), 'utf8') });
  return out;
}

/** A call of the reusable workflow: a caller workflow (or its `jobs:`) with a job that uses release.yml. */
export const callsReleaseYml = (yaml: string): boolean => /^jobs:/m.test(yaml) && /release\.yml@/.test(yaml);

/**
 * The marker of a snippet that is meant to be refused: a comment line `# refused on purpose: <input>[, <input>]…`
 * (docs/architecture.md, "Tests"). Returns the inputs the refusal must name, or undefined.
 */
export function refusedOnPurpose(yaml: string): string[] | undefined {
  const m = /^\s*# refused on purpose: ([\w, ]+)/m.exec(yaml);
  return m ? m[1]!.split(',').map((s) => s.trim()) : undefined;
}
