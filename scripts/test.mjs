#!/usr/bin/env node
// The README's test command. Runs Jest on the Node that npm scripts put first on the PATH (the `node`
// devDependency, major 24: the runtime of `runs.using: node24`), as native ESM.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
process.stdout.write(`test run on Node ${process.version} (${process.execPath})\n`);
if (major !== 24) {
  process.stderr.write(
    `::error::tests must run on Node 24 (actions use runs.using: node24); got ${process.version}. Run them through npm test.\n`,
  );
  process.exit(1);
}
const require = createRequire(import.meta.url);
const jest = require.resolve('jest/bin/jest');
const nodeOptions = [process.env.NODE_OPTIONS ?? '', '--experimental-vm-modules', '--no-warnings=ExperimentalWarning']
  .join(' ')
  .trim();
mkdirSync('.tmp', { recursive: true });
const resultsFile = '.tmp/jest-results.json';
const res = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
try {
  // The plain closing line CI reads, after Jest's own summary.
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  process.stdout.write(
    `\njest: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped\n`,
  );
} catch {
  process.stdout.write('\njest: no results were written\n');
}
process.exit(res.status ?? 1);
