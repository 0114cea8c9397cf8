#!/usr/bin/env node
// Changelog benchmark: our bundled changelog action against git-cliff (npm package `git-cliff`, default
// configuration), both as whole processes, on one synthetic repository of 50,000 conventional commits with a
// release tag every 1,000 commits (built with `git fast-import`):
//   (a) the 1,000 commits since the last tag (ours: the default run; git-cliff: --unreleased)
//   (b) the whole history rendered release by release (ours: all_releases: true; git-cliff: no range)
// Prints wall time (median of --runs, default 3) and peak RSS of each, and the ratios ours/git-cliff.
// Options: --commits N (default 50000) --every N (default 1000) --runs N --keep (keep the temp repository).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, opts, ROOT } from '../args.mjs';
import { actionEnv, bundledAction, fastImport, measure, median, out, requireFile, seededRandom } from '../process.mjs';

const { commits: COMMITS, every: EVERY, runs: RUNS } = opts({ commits: 50_000, every: 1_000, runs: 3 });
const keep = flag('keep');

const node = process.execPath;
const action = bundledAction('changelog');
const cliffWrapper = join(ROOT, 'node_modules', 'git-cliff', 'lib', 'cli', 'cli.js');
const cliffBinary = join(ROOT, 'node_modules', `git-cliff-${process.platform}-${process.arch}`, 'bin', 'git-cliff');
requireFile('git-cliff (npm ci)', cliffWrapper);
if (Number(process.versions.node.split('.')[0]) !== 24) {
  process.stderr.write(
    `note: the action runs on node24 but this is Node ${process.version}; run \`npm run bench -- changelog\``,
  );
  process.stderr.write(' (Node 24 from the node devDependency)\n');
}

// ---- the synthetic repository ------------------------------------------------------------------------------
const TYPES = ['feat', 'fix', 'fix', 'chore', 'docs', 'refactor', 'perf', 'test', 'ci', 'build'];
const SCOPES = ['', 'api', 'cli', 'core', 'ui', 'db', 'auth', 'deps'];
const rnd = seededRandom(42);

function buildRepo(dir) {
  spawnSync('git', ['init', '-q', '-b', 'main', dir], { stdio: 'inherit' });
  const chunks = [];
  let mark = 0;
  const t0 = 1_600_000_000;
  let version = [1, 0, 0];
  const tags = [];
  for (let i = 1; i <= COMMITS; i++) {
    const type = TYPES[rnd(TYPES.length)];
    const scope = SCOPES[rnd(SCOPES.length)];
    const breaking = rnd(500) === 0;
    let msg = `${type}${scope ? `(${scope})` : ''}${breaking ? '!' : ''}: change number ${i} in the ${scope || 'project'}`;
    if (rnd(4) === 0) msg += ` (#${i})`;
    if (rnd(3) === 0) msg += `\n\nWhy: a longer explanation of change ${i}.\nIt spans two lines.`;
    if (breaking) msg += `\n\nBREAKING CHANGE: option ${i} was removed`;
    msg += '\n';
    const blob = `file ${i}\n`;
    const when = t0 + i * 600;
    chunks.push(
      `blob\nmark :${++mark}\ndata ${Buffer.byteLength(blob)}\n${blob}`,
      `commit refs/heads/main\nmark :${++mark}\nauthor Dev ${i % 50} <dev${i % 50}@example.com> ${when} +0000\n` +
        `committer Dev ${i % 50} <dev${i % 50}@example.com> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}` +
        `M 100644 :${mark - 1} src/file${i % 100}.txt\n`,
    );
    if (i % EVERY === 0 && i < COMMITS) {
      const name = `v${version.join('.')}`;
      tags.push(name);
      chunks.push(
        `tag ${name}\nfrom :${mark}\ntagger Rel <rel@example.com> ${when} +0000\ndata ${name.length}\n${name}\n`,
      );
      version = rnd(10) === 0 ? [version[0] + 1, 0, 0] : [version[0], version[1] + 1, 0];
    }
  }
  fastImport(dir, chunks);
  return tags;
}

/** The changelog action's environment: its defaults (as action.yml has them) and `inputs`. */
function changelogEnv(cwd, inputs, tmp) {
  const defaults = {
    version: '',
    since_tag: '',
    format: 'keep-a-changelog',
    include_prs: 'false',
    breaking_changes_section: 'true',
    tag_prefix: 'v',
    path: 'CHANGELOG.md',
    write_file: 'true',
    types: '',
    all_releases: 'false',
    token: '',
  };
  return actionEnv(cwd, tmp, { ...defaults, ...inputs });
}

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'ra-bench-changelog-'));
  const repo = join(base, 'repo');
  const tmp = join(base, 'tmp');
  spawnSync('mkdir', ['-p', tmp]);
  let t = Date.now();
  const tags = buildRepo(repo);
  out(
    `synthetic repository: ${COMMITS} commits, ${tags.length} release tags (${tags[0]} … ${tags.at(-1)}), built in ${Date.now() - t} ms`,
  );
  const cliffVersion = spawnSync(cliffBinary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  out(
    `peers: ours = node ${process.version} ${action.replace(ROOT + '/', '')}; git-cliff = ${cliffVersion} (npm wrapper and raw binary)`,
  );
  out(
    `machine: ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  const cliffEnv = { ...process.env, NO_COLOR: '1' };
  const scenarios = {
    a: {
      title: '(a) 1,000 commits since the last tag',
      ours: () => ['changelog', node, [action], { cwd: repo, env: changelogEnv(repo, {}, tmp) }],
      cliff: () => [cliffWrapper, ['--unreleased', '-o', join(tmp, 'cliff-a.md')]],
    },
    b: {
      title: '(b) the full history, release by release',
      ours: () => ['changelog', node, [action], { cwd: repo, env: changelogEnv(repo, { all_releases: 'true' }, tmp) }],
      cliff: () => [cliffWrapper, ['-o', join(tmp, 'cliff-b.md')]],
    },
  };
  const results = {};
  for (const [key, s] of Object.entries(scenarios)) {
    const ours = [];
    const cliff = [];
    const cliffRaw = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(join(repo, 'CHANGELOG.md'), { force: true });
      const [, cmd, argv, o] = s.ours();
      ours.push(await measure(cmd, argv, o));
      const [c, cargs] = s.cliff();
      cliff.push(await measure(node, [c, ...cargs], { cwd: repo, env: cliffEnv }));
      cliffRaw.push(await measure(cliffBinary, cargs, { cwd: repo, env: cliffEnv }));
    }
    const ourOut = readFileSync(join(tmp, 'output'), 'utf8');
    const commits = /commit_count<<(\S+)\n(\d+)/.exec(ourOut)?.[2] ?? /commit_count=(\d+)/.exec(ourOut)?.[1] ?? '?';
    const r = {
      ours: median(ours.map((x) => x.ms)),
      oursRss: Math.max(...ours.map((x) => x.rssMb)),
      cliff: median(cliff.map((x) => x.ms)),
      cliffRss: Math.max(...cliff.map((x) => x.rssMb)),
      cliffRaw: median(cliffRaw.map((x) => x.ms)),
      commits,
      changelogBytes: existsSync(join(repo, 'CHANGELOG.md')) ? readFileSync(join(repo, 'CHANGELOG.md')).length : 0,
      cliffBytes: readFileSync(join(tmp, `cliff-${key}.md`)).length,
    };
    results[key] = r;
    out(`\n${s.title} — median of ${RUNS}`);
    out(
      `  ours:                  ${(r.ours / 1000).toFixed(3)} s, peak RSS ${r.oursRss.toFixed(0)} MB (${r.commits} commits, CHANGELOG ${r.changelogBytes} bytes)`,
    );
    out(
      `  git-cliff (npm):       ${(r.cliff / 1000).toFixed(3)} s, peak RSS ${r.cliffRss.toFixed(0)} MB (output ${r.cliffBytes} bytes)`,
    );
    out(`  git-cliff (binary):    ${(r.cliffRaw / 1000).toFixed(3)} s`);
    out(
      `  ratio ours/git-cliff:  ${(r.ours / r.cliff).toFixed(3)} (npm package)   ${(r.ours / r.cliffRaw).toFixed(3)} (binary alone)`,
    );
  }
  const a = results.a;
  const b = results.b;
  out('\nsummary');
  out(`  (a) ratio ${(a.ours / a.cliff).toFixed(3)}  target ≤ 0.6  ${a.ours / a.cliff <= 0.6 ? 'met' : 'NOT met'}`);
  out(`  (b) ratio ${(b.ours / b.cliff).toFixed(3)}  target ≤ 0.2  ${b.ours / b.cliff <= 0.2 ? 'met' : 'NOT met'}`);
  out(`  (b) peak RSS ${b.oursRss.toFixed(0)} MB  target < 300 MB  ${b.oursRss < 300 ? 'met' : 'NOT met'}`);
  if (!keep) rmSync(base, { recursive: true, force: true });
  else out(`kept ${base}`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
