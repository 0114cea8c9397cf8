import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedRemoteSync } from '@release-actions/testkit/services';
import { Git } from '../git/git.js';
import { ensureRelease, lastGoodVersion, recordStep } from './model.js';
import { FileStatusStore, GitBranchStatusStore } from './store.js';
import { parseStatus } from './yaml.js';

let base: string;
let remote: string;
const clone = (name: string) => {
  const dir = join(base, name);
  execFileSync('git', ['clone', '-q', remote, dir]);
  return dir;
};

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'ra-status-'));
  ({ remote } = seedRemoteSync(base, 'seed'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

test('creates the branch on first write, and keeps the working tree and index untouched', async () => {
  const dir = clone('a');
  const store = new GitBranchStatusStore({ git: new Git(dir) });
  expect((await store.read()).releases).toEqual([]);
  await store.update((doc) => {
    ensureRelease(doc, '1.0.0', { type: 'minor', status: 'released' });
  }, 'status: 1.0.0 released');
  const text = execFileSync('git', ['--git-dir', remote, 'show', 'release-status:release-status.yaml'], {
    encoding: 'utf8',
  });
  expect(parseStatus(text).releases.map((r) => [r.version, r.status])).toEqual([['1.0.0', 'released']]);
  expect(execFileSync('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
  expect(execFileSync('git', ['-C', dir, 'branch', '--show-current'], { encoding: 'utf8' }).trim()).toBe('main');
  // The author is the bot, not whoever runs the job.
  expect(
    execFileSync('git', ['--git-dir', remote, 'log', '-1', '--format=%an', 'release-status'], {
      encoding: 'utf8',
    }).trim(),
  ).toBe('github-actions[bot]');
});

test('concurrent writers from two clones never lose an update (compare-and-swap with retry)', async () => {
  const a = new GitBranchStatusStore({ git: new Git(clone('a')), maxAttempts: 30 });
  const b = new GitBranchStatusStore({ git: new Git(clone('b')), maxAttempts: 30 });
  await a.update((doc) => void ensureRelease(doc, '1.0.0'), 'init');
  const writes = Array.from({ length: 8 }, (_, i) => {
    const store = i % 2 ? a : b;
    return store.update((doc) => {
      const rec = ensureRelease(doc, '1.0.0');
      recordStep(rec, `run-${i}`, 'publish', 'done');
    }, `write ${i}`);
  });
  await Promise.all(writes);
  const doc = await a.read();
  expect(Object.keys(doc.releases[0]?.ledger ?? {}).sort()).toEqual(
    Array.from({ length: 8 }, (_, i) => `run-${i}`).sort(),
  );
});

test('a store writes again from the tip it wrote, without a fetch; a writer in between makes it read again, losing nothing', async () => {
  /** The git commands a store runs, by name. */
  class CountingGit extends Git {
    readonly commands: string[] = [];
    override run(args: string[], o?: Parameters<Git['run']>[1]) {
      this.commands.push(args[0] ?? '');
      return super.run(args, o);
    }
  }
  const git = new CountingGit(clone('a'));
  const a = new GitBranchStatusStore({ git });
  const b = new GitBranchStatusStore({ git: new Git(clone('b')) });
  const step = (store: GitBranchStatusStore, name: string) =>
    store.update((doc) => void recordStep(ensureRelease(doc, '1.0.0'), '7.1', name, 'done'), name);
  await step(a, 'version');
  git.commands.length = 0;
  await step(a, 'tag');
  expect(git.commands).not.toContain('fetch');
  expect(a.lastRetries).toBe(0);
  // Another writer moves the branch: the lease on the tip a wrote refuses a's push, and a applies its step again.
  await step(b, 'npm');
  await step(a, 'docker');
  expect(a.lastRetries).toBe(1);
  // A read that sees another writer's tip forgets a's: the next update starts from the remote at once.
  await step(b, 'status');
  await a.read();
  await step(a, 'announce');
  expect(a.lastRetries).toBe(0);
  expect(Object.keys((await b.read()).releases[0]?.ledger?.['7.1'] ?? {})).toEqual([
    'version',
    'tag',
    'npm',
    'docker',
    'status',
    'announce',
  ]);
});

test('keeps unknown fields and other files on the branch', async () => {
  const dir = clone('a');
  const store = new GitBranchStatusStore({ git: new Git(dir) });
  await store.update((doc) => {
    doc.custom = { keep: true };
    ensureRelease(doc, '1.0.0').extra = 'x';
  }, 'one');
  await store.update((doc) => void ensureRelease(doc, '1.1.0'), 'two');
  const doc = await store.read();
  expect(doc.custom).toEqual({ keep: true });
  expect(doc.releases.map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
  expect(doc.releases[1]?.extra).toBe('x');
});

test('a corrupt record stops with a clear error and is not overwritten', async () => {
  const dir = clone('a');
  const git = new Git(dir);
  const blob = await git.out(['hash-object', '-w', '--stdin'], { input: 'releases: {not: [a list' });
  const tree = await git.out(['mktree'], { input: `100644 blob ${blob}\trelease-status.yaml\n` });
  const commit = await git.out(['commit-tree', tree, '-m', 'corrupt'], {
    env: { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@y', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@y' },
  });
  await git.out(['push', '-q', 'origin', `${commit}:refs/heads/release-status`]);
  const store = new GitBranchStatusStore({ git });
  await expect(store.update(() => {}, 'x')).rejects.toThrow(/cannot be read.*nothing was overwritten/);
  expect(execFileSync('git', ['--git-dir', remote, 'rev-parse', 'release-status'], { encoding: 'utf8' }).trim()).toBe(
    commit,
  );
});

test('lastGoodVersion skips failed deployments and other environments', () => {
  const doc = parseStatus(`
releases:
  - version: 1.2.0
    status: failed
    created_at: x
    deployments: [{ environment: production, status: failed }]
  - version: 1.1.0
    status: deployed
    created_at: x
    deployments: [{ environment: staging, status: succeeded }]
  - version: 1.0.0
    status: deployed
    created_at: x
    deployments: [{ environment: production, status: succeeded }]
`);
  expect(lastGoodVersion(doc, 'production')).toBe('1.0.0');
  expect(lastGoodVersion(doc, 'staging')).toBe('1.1.0');
  expect(lastGoodVersion(doc, 'production', '1.0.0')).toBeUndefined();
});

test('FileStatusStore round-trips', async () => {
  const store = new FileStatusStore(join(base, 'out', 'release-status.yaml'));
  await store.update((doc) => void ensureRelease(doc, '2.0.0', { status: 'released' }), 'x');
  expect((await store.read()).releases[0]?.version).toBe('2.0.0');
});
