/**
 * A throwaway workspace directory for the lock-file unit tests: a copy of a fixture's workspace (the one the package
 * manager wrote the fixture's lock files for) made before each test, plus `files` (a path → text, or a value written
 * as JSON), removed after it. `write` adds or replaces a file inside a test.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planPackageBumps } from '../../packages/shared/src/monorepo/manifests.js';
import { discoverWorkspace } from '../../packages/shared/src/monorepo/workspaces.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A file of a fixture (test/fixtures/<fixture>/<name>). */
export const fixtureFile = (fixture: string, name: string) => readFileSync(join(FIXTURES, fixture, name), 'utf8');

export function writeFile(root: string, path: string, v: unknown): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
}

/** A copy of `test/fixtures/<fixture>/workspace` before each test, with `files` added. */
export function useWorkspaceDir(fixture: string, files: Record<string, unknown>) {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), `ra-${fixture}-`));
    cpSync(join(FIXTURES, fixture, 'workspace'), root, { recursive: true });
    for (const [path, v] of Object.entries(files)) writeFile(root, path, v);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  return { root: () => root, write: (path: string, v: unknown) => writeFile(root, path, v) };
}

/** The release both lock-file fixtures describe (test/fixtures/yarn-berry, pnpm): core 1.1.0, util 1.0.1, web 2.0.1. */
export const fixtureRelease = (scope: string) =>
  new Map([
    [`${scope}/core`, '1.1.0'],
    [`${scope}/util`, '1.0.1'],
    [`${scope}/web`, '2.0.1'],
  ]);

/** The workspace's manager, and the file changes an independent release of `released` plans there. */
export async function plannedChanges(root: string, released: Map<string, string>) {
  const ws = await discoverWorkspace(root);
  return { manager: ws.manager, changes: planPackageBumps(root, ws.packages, released) };
}
