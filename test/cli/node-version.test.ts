/**
 * The CLI shim refuses a Node older than 24 with one ::error:: naming the running version, before the bundle
 * loads (which would otherwise stop on a SyntaxError about a missing node: export).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/run-action.js';

const CLI = join(ROOT, 'cli', 'release-actions.mjs');

// Node 24 runs the shim, made to report another version: the check reads process.versions.node only.
const asNode = (version: string) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });`,
      CLI,
      '--help',
    ],
    { encoding: 'utf8' },
  );

test('Node 20 is refused with the running version and the fix', () => {
  const r = asNode('20.20.2');
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^::error::release-actions needs Node 24 or newer; this is Node 20\.20\.2 /);
  expect(r.stderr).toContain('node-version: 24');
  expect(r.stderr).not.toContain('SyntaxError');
  expect(r.stdout).toBe('');
});

test('Node 24 runs the CLI', () => {
  const r = asNode('24.1.0');
  expect(r.stderr).not.toContain('::error::');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('release-actions');
});
