/**
 * A hostile status record, as anyone who can push to the release-status branch (or edit the file by hand) can
 * write it: the bundled rollback action run as the runner runs it, the record on a real bare remote's
 * release-status branch. The rollback must refuse with one ::error:: naming the record and the entry, print no
 * workflow command from the record, and start nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/run-action.js';

let base: string;
let workspace: string;
let remote: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=a', '-c', 'user.email=a@b', ...args], { encoding: 'utf8' });

/** Put `text` as release-status.yaml on the remote's release-status branch (replacing what was there). */
function pushRecord(text: string): void {
  const seed = join(base, `seed-${Date.now()}`);
  execFileSync('git', ['init', '-q', '-b', 'release-status', seed]);
  writeFileSync(join(seed, 'release-status.yaml'), text);
  git(seed, 'add', 'release-status.yaml');
  git(seed, 'commit', '-q', '-m', 'status');
  git(seed, 'push', '-q', '-f', remote, 'release-status');
}

/** The lines a runner would execute as workflow commands. */
const commandLines = (log: string) => log.split(/\r\n|\r|\n/).filter((l) => /^\s*(::|##\[)/.test(l));

function rollback(marker: string) {
  return runAction('rollback', {
    inputs: {
      environment: 'production',
      workload: 'command',
      // Anything started would leave the marker behind.
      start_command: `touch ${JSON.stringify(marker)}; sleep 30`,
      health_url: 'http://127.0.0.1:{port}/health',
      router: 'command',
      router_command: `touch ${JSON.stringify(marker)}`,
      state_dir: join(base, 'state'),
      start_timeout: '2s',
      timeout: '20s',
    },
    cwd: workspace,
    token: '',
    timeoutMs: 60_000,
  });
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ra-e2e-hostile-records-'));
  remote = join(base, 'remote.git');
  workspace = join(base, 'ws');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  execFileSync('git', ['clone', '-q', remote, workspace]);
  git(workspace, 'commit', '-q', '--allow-empty', '-m', 'init');
  git(workspace, 'push', '-q', 'origin', 'HEAD:main');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const HOSTILE = '0.0.1\n::error title=INJECTED::owned\n::add-mask::production';

test('a last good version carrying workflow commands: refused, one ::error:: naming the record and the entry, nothing started', async () => {
  pushRecord(
    [
      'schema_version: 1',
      'releases:',
      '  - version: "1.3.0"',
      '    status: rolled-back',
      '    deployments: [{ environment: production, status: rolled-back }]',
      `  - version: ${JSON.stringify(HOSTILE)}`,
      '    status: deployed',
      '    deployments: [{ environment: production, status: succeeded, active_slot: blue }]',
      '  - version: "1.0.0"',
      '    status: deployed',
      '    deployments: [{ environment: production, status: inactive }]',
      '',
    ].join('\n'),
  );
  const marker = join(base, 'started-1');
  const r = await rollback(marker);
  expect(r.code).toBe(1);
  const commands = commandLines(r.stdout);
  const errors = commands.filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatch(
    /^release-status\.yaml on branch release-status: releases\[1\] \(version "0\.0\.1\\n::error title=INJECTED::owned\\n::ad…"\) has a version that is not a semantic version/,
  );
  expect(r.errors[0]).toContain('Fix or remove that entry');
  // Nothing from the record became a command: no mask, no forged annotation.
  expect(commands.filter((l) => /^\s*::add-mask/.test(l))).toEqual([]);
  expect(r.annotations.filter((a) => /INJECTED/.test(a.properties.title ?? ''))).toEqual([]);
  expect(r.log).not.toMatch(/^\s*::add-mask::/m);
  expect(existsSync(marker)).toBe(false);
  expect(r.outputs.status ?? '').toBe('');
}, 90_000);

test.each([
  ['releases: [null]', 'releases: [null]\n', 'releases[0] is null, not a release'],
  [
    'an unquoted 1.10',
    'releases:\n  - version: 1.10\n    deployments: [{ environment: production, status: succeeded }]\n',
    '"1.10"',
  ],
  [
    'a forged environment',
    'releases:\n  - version: "1.0.0"\n    deployments: [{ environment: "production\\n::add-mask::x", status: succeeded }]\n',
    'deployments[0].environment',
  ],
])(
  '%s: a clear error naming the entry, nothing started',
  async (_what, text, message) => {
    pushRecord(text);
    const marker = join(base, `started-${Date.now()}`);
    const r = await rollback(marker);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('release-status.yaml on branch release-status: ');
    expect(r.errors[0]).toContain(message);
    expect(r.errors[0]).not.toMatch(/Cannot read properties/);
    expect(commandLines(r.stdout).filter((l) => /^\s*::add-mask/.test(l))).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  },
  90_000,
);

test('commit text in the changelog summary: HTML escaped (Markdown kept), nothing from git becomes a workflow command', async () => {
  const repo = join(base, 'changelog-repo');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  git(repo, 'commit', '-q', '--allow-empty', '-m', 'feat: the start');
  git(repo, 'tag', 'v1.0.0');
  git(
    repo,
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'feat: close it early </details><img src=x onerror=alert(1)> for `Map<K, V>`',
  );
  git(repo, 'commit', '-q', '--allow-empty', '-m', 'fix: ::add-mask::production\n\n::error title=INJECTED::body');
  const r = await runAction('changelog', { cwd: repo, inputs: { write_file: 'false', include_prs: 'false' } });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  const block = r.summary.slice(r.summary.indexOf('<details><summary>Release notes</summary>'));
  // Exactly one </details>: the block's own, at its end.
  expect(block.match(/<\/details>/g)).toHaveLength(1);
  expect(block.trimEnd().endsWith('</details>')).toBe(true);
  expect(block).toContain('close it early &lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; for `Map<K, V>`');
  expect(block).not.toContain('<img');
  expect(commandLines(r.stdout).filter((l) => /^\s*::(add-mask|error)/.test(l))).toEqual([]);
}, 60_000);
