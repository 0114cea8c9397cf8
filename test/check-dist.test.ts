/**
 * check-dist: the committed bundles (actions/<x>/dist/index.js) are exactly what `npm run bundle` makes from the
 * sources in this tree. A runner executes dist/ straight from the tag, so a stale bundle ships old code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/run-action.js';

const actions = readdirSync(join(ROOT, 'actions')).filter((a) =>
  existsSync(join(ROOT, 'actions', a, 'src', 'index.ts')),
);
// Extra bundles (the CLI), declared in scripts/bundle-entries.json.
const extraFile = join(ROOT, 'scripts', 'bundle-entries.json');
const extras: { name: string; out: string }[] = existsSync(extraFile)
  ? (JSON.parse(readFileSync(extraFile, 'utf8')) as { name: string; out: string }[])
  : [];
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'ra-check-dist-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test.each(actions)('actions/%s/dist/index.js matches a fresh bundle', (a) => {
  const committed = join(ROOT, 'actions', a, 'dist', 'index.js');
  expect(existsSync(committed)).toBe(true);
  const fresh = readFileSync(join(out, a, 'index.js'), 'utf8');
  const same = readFileSync(committed, 'utf8') === fresh;
  if (!same) throw new Error(`actions/${a}/dist/index.js is stale: run \`npm run bundle\` and commit dist/`);
  expect(same).toBe(true);
});

test.each(extras.map((e) => [e.name, e.out]))('%s: %s matches a fresh bundle', (name, file) => {
  const committed = join(ROOT, file);
  expect(existsSync(committed)).toBe(true);
  const same = readFileSync(committed, 'utf8') === readFileSync(join(out, name, 'index.js'), 'utf8');
  if (!same) throw new Error(`${file} is stale: run \`npm run bundle\` and commit it`);
  expect(same).toBe(true);
});
