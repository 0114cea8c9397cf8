#!/usr/bin/env node
// Monorepo benchmark: our plan action (bundled, versioning: independent) against
// `lerna version --conventional-commits --no-git-tag-version --no-push --yes` (lerna.json "version":
// "independent"), both as whole processes, on one synthetic npm-workspaces repository built with
// `git fast-import`: 100 packages (10 dependency chains of 10), 20,000 conventional commits, each package tagged
// `name@version` (at staggered commits, so no two share a last release), then commits touching 30 packages.
// Prints each tool's wall time (median of --runs, default 3) and peak RSS, the ratio ours/lerna (target ≤ 0.3),
// and every difference between the two sets of packages and versions.
// Options: --packages N (100) --commits N (20000) --changed N (30) --runs N (3) --keep.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flag, opt, ROOT } from '../args.mjs';
import { actionEnv, bundledAction, fastImport, measure, median, out, requireFile, seededRandom } from '../process.mjs';

const PACKAGES = opt('packages', 100);
const COMMITS = opt('commits', 20_000);
const CHANGED = opt('changed', 30);
const RUNS = opt('runs', 3);
const keep = flag('keep');

const node = process.execPath;
const action = bundledAction('plan');
const lerna = join(ROOT, 'node_modules', 'lerna', 'dist', 'cli.js');
requireFile('lerna (npm ci)', lerna);

// ---- the synthetic repository ------------------------------------------------------------------------------
const rnd = seededRandom(7);
const pad = (i) => String(i).padStart(3, '0');
const pkgName = (i) => `@bench/pkg-${pad(i)}`;
const pkgDir = (i) => `packages/pkg-${pad(i)}`;
const TYPES = ['feat', 'fix', 'fix', 'chore', 'docs', 'refactor', 'perf', 'test'];

function manifest(i, version) {
  const m = { name: pkgName(i), version, license: 'MIT' };
  // Ten chains of ten: pkg-N depends on pkg-(N-1) within its chain.
  if (i % 10 !== 0) m.dependencies = { [pkgName(i - 1)]: `^${versions[i - 1]}` };
  return JSON.stringify(m, null, 2) + '\n';
}
const versions = Array.from({ length: PACKAGES }, (_, i) => `${1 + (i % 3)}.${i % 7}.${i % 5}`);

function buildRepo(dir) {
  spawnSync('git', ['init', '-q', '-b', 'main', dir], { stdio: 'inherit' });
  const chunks = [];
  let mark = 0;
  const t0 = 1_600_000_000;
  const blob = (text) => {
    chunks.push(`blob\nmark :${++mark}\ndata ${Buffer.byteLength(text)}\n${text}`);
    return mark;
  };
  const commit = (i, msg, files) => {
    const marks = files.map(([path, text]) => [path, blob(text)]);
    const when = t0 + i * 60;
    msg += '\n';
    chunks.push(
      `commit refs/heads/main\nmark :${++mark}\nauthor Dev <dev@example.com> ${when} +0000\n` +
        `committer Dev <dev@example.com> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}` +
        marks.map(([p, m]) => `M 100644 :${m} ${p}\n`).join(''),
    );
    return mark;
  };
  const tag = (name, from, i) =>
    chunks.push(
      `tag ${name}\nfrom :${from}\ntagger Rel <rel@example.com> ${t0 + i * 60} +0000\ndata ${name.length}\n${name}\n`,
    );
  const root = {
    name: 'bench-monorepo',
    private: true,
    workspaces: ['packages/*'],
  };
  commit(0, 'chore: the workspace', [
    ['package.json', JSON.stringify(root, null, 2) + '\n'],
    ['lerna.json', JSON.stringify({ version: 'independent', npmClient: 'npm' }, null, 2) + '\n'],
    ...Array.from({ length: PACKAGES }, (_, i) => [`${pkgDir(i)}/package.json`, manifest(i, versions[i])]),
  ]);
  // Before the tags: commits anywhere. Then each package's tag at its own commit, with only shared files touched
  // in between; then commits touching the `CHANGED` packages only.
  const tagStart = COMMITS - 1000 - PACKAGES;
  const changed = new Set();
  while (changed.size < Math.min(CHANGED, PACKAGES)) changed.add(rnd(PACKAGES));
  const changedList = [...changed];
  let n = 1;
  for (; n < tagStart; n++) {
    const p = rnd(PACKAGES);
    const type = TYPES[rnd(TYPES.length)];
    commit(n, `${type}: change ${n} in pkg-${pad(p)}`, [[`${pkgDir(p)}/src/file${n % 20}.js`, `// ${n}\n`]]);
  }
  for (let k = 0; k < PACKAGES; k++, n++) {
    const m = commit(n, `docs: shared notes ${n}`, [['docs/notes.md', `notes ${n}\n`]]);
    tag(`${pkgName(k)}@${versions[k]}`, m, n);
  }
  // The changed packages: each gets at least one fix or feat (lerna's preset would release a chore-only package
  // as a patch; ours releases nothing for it, by design), a few a breaking change.
  changedList.forEach((p, j) => {
    const type = j % 3 === 0 ? 'feat' : 'fix';
    const bang = j % 10 === 0 ? '!' : '';
    // `!` and the footer: lerna's conventional-changelog preset reads only the footer.
    const footer = bang ? `\n\nBREAKING CHANGE: the API of pkg-${pad(p)} changed` : '';
    commit(n, `${type}${bang}: change ${n} in pkg-${pad(p)}${footer}`, [[`${pkgDir(p)}/src/index.js`, `// ${n}\n`]]);
    n++;
  });
  for (; n <= COMMITS; n++) {
    const p = changedList[rnd(changedList.length)];
    const type = ['fix', 'chore', 'docs', 'refactor', 'feat'][rnd(5)];
    commit(n, `${type}: change ${n} in pkg-${pad(p)}`, [[`${pkgDir(p)}/src/file${n % 20}.js`, `// ${n}\n`]]);
  }
  fastImport(dir, chunks);
  return changedList;
}

/** The plan's environment as a runner sets it: every input (defaults from action.yml), versioning independent. */
function planEnv(cwd, tmp) {
  const yml = parse(readFileSync(join(ROOT, 'actions', 'plan', 'action.yml'), 'utf8'));
  const inputs = Object.fromEntries(Object.entries(yml.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
  return actionEnv(cwd, tmp, { ...inputs, versioning: 'independent' });
}

/** The `packages` output of the plan: name → version. */
function ourVersions(tmp) {
  const text = readFileSync(join(tmp, 'output'), 'utf8');
  const m = /^packages<<(\S+)\n([\s\S]*?)\n\1$/m.exec(text);
  const list = JSON.parse(m ? m[2] : (/^packages=(.*)$/m.exec(text)?.[1] ?? '[]'));
  return new Map(list.map((p) => [p.name, p.version]));
}

/** What lerna wrote into the manifests (name → version), then the checkout put back as it was. */
function lernaVersions(repo) {
  const changed = spawnSync('git', ['diff', '--name-only'], { cwd: repo, encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => /^packages\/[^/]+\/package\.json$/.test(f));
  const map = new Map();
  for (const f of changed) {
    const m = JSON.parse(readFileSync(join(repo, f), 'utf8'));
    map.set(m.name, m.version);
  }
  spawnSync('git', ['checkout', '-q', '--', '.'], { cwd: repo });
  spawnSync('git', ['clean', '-qfd'], { cwd: repo });
  return map;
}

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'ra-bench-monorepo-'));
  const repo = join(base, 'repo');
  const tmp = join(base, 'tmp');
  mkdirSync(tmp);
  let t = Date.now();
  const changed = buildRepo(repo);
  spawnSync('git', ['config', 'user.email', 'bench@example.com'], { cwd: repo });
  spawnSync('git', ['config', 'user.name', 'Bench'], { cwd: repo });
  out(
    `synthetic repository: ${PACKAGES} packages, ${COMMITS} commits, ${changed.length} packages changed since their last tags, built in ${Date.now() - t} ms`,
  );
  const lernaVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lerna', 'package.json'), 'utf8')).version;
  out(
    `peers: ours = node ${process.version} actions/plan/dist/index.js (versioning: independent); lerna ${lernaVersion}`,
  );
  out(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  const lernaEnv = { ...process.env, NO_COLOR: '1', CI: 'true', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  const lernaArgs = [
    lerna,
    'version',
    '--conventional-commits',
    '--no-git-tag-version',
    '--no-push',
    '--yes',
    '--loglevel',
    'warn',
  ];
  const ours = [];
  const theirs = [];
  let ourSet;
  let lernaSet;
  for (let i = 0; i < RUNS; i++) {
    ours.push(await measure(node, [action], { cwd: repo, env: planEnv(repo, tmp) }));
    ourSet = ourVersions(tmp);
    theirs.push(await measure(node, lernaArgs, { cwd: repo, env: lernaEnv }));
    lernaSet = lernaVersions(repo);
  }
  const o = { ms: median(ours.map((x) => x.ms)), rss: Math.max(...ours.map((x) => x.rssMb)) };
  const l = { ms: median(theirs.map((x) => x.ms)), rss: Math.max(...theirs.map((x) => x.rssMb)) };
  out(`\nplan of the independent release — median of ${RUNS}`);
  out(`  ours:   ${(o.ms / 1000).toFixed(3)} s, peak RSS ${o.rss.toFixed(0)} MB (${ourSet.size} packages to release)`);
  out(`  lerna:  ${(l.ms / 1000).toFixed(3)} s, peak RSS ${l.rss.toFixed(0)} MB (${lernaSet.size} packages versioned)`);
  const ratio = o.ms / l.ms;
  out(`  ratio ours/lerna: ${ratio.toFixed(3)}  target ≤ 0.3  ${ratio <= 0.3 ? 'met' : 'NOT met'}`);
  const diffs = [];
  for (const [name, v] of ourSet)
    if (lernaSet.get(name) !== v) diffs.push(`${name}: ours ${v}, lerna ${lernaSet.get(name) ?? '(not released)'}`);
  for (const [name, v] of lernaSet) if (!ourSet.has(name)) diffs.push(`${name}: ours (not released), lerna ${v}`);
  out(
    diffs.length
      ? `  differences (${diffs.length}):\n    ${diffs.sort().join('\n    ')}`
      : '  same packages and versions',
  );
  if (!keep) rmSync(base, { recursive: true, force: true });
  else out(`kept ${base}`);
  if (diffs.length) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
