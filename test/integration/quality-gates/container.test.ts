/**
 * The container-build gate through the bundled action, on the real Docker engine: an image FROM scratch with a
 * static busybox (no registry needed), built with `docker build` (buildx where present), its size and layers
 * recorded, its id output; the size budget and a failing smoke command fail the gate.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../support/run-action.js';

const dockerUp = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
const missing = !dockerUp
  ? 'no Docker engine answers (start dockerd)'
  : !busybox
    ? 'no static busybox (apt-get install busybox-static)'
    : '';
if (missing && process.env.CI === 'true') throw new Error(`container-build tests need ${missing}`);
const maybe = missing ? test.skip : test;
if (missing) process.stderr.write(`skipping container-build tests: ${missing}\n`);

let ws: string;
const tag = `ra-qg-test-${process.pid}`;

beforeAll(() => {
  if (missing) return;
  ws = mkdtempSync(join(tmpdir(), 'ra-qg-container-'));
  mkdirSync(join(ws, 'image'));
  copyFileSync(busybox as string, join(ws, 'image', 'busybox'));
  writeFileSync(
    join(ws, 'image', 'Dockerfile'),
    'FROM scratch\nARG GREETING=hello\nLABEL greeting=$GREETING\nCOPY busybox /bin/busybox\nENTRYPOINT ["/bin/busybox"]\n',
  );
});

afterAll(() => {
  if (missing) return;
  spawnSync('docker', ['rmi', '-f', `${tag}:ok`, `${tag}:big`], { stdio: 'ignore' });
  rmSync(ws, { recursive: true, force: true });
});

/** The container-build gate on `image`, built from the workspace's image/ folder, with the inputs `o` besides. */
const buildGate = (image: string, o: Record<string, string | number>) =>
  runAction('quality-gates', { cwd: ws, inputs: { gates: 'container-build', image, context: 'image', ...o } });

maybe('builds the image, records size and layers, outputs its id, runs the smoke command in it', async () => {
  const r = await buildGate(`${tag}:ok`, {
    build_args: 'GREETING=bonjour',
    max_image_size_mb: 10,
    container_smoke_command: "sh -c 'echo smoke-ok'",
  });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.passed).toBe('true');
  expect(r.outputs.image_id).toMatch(/^sha256:[0-9a-f]{64}$/);
  const inspected = execFileSync(
    'docker',
    ['image', 'inspect', '--format', '{{.Id}} {{.Size}} {{index .Config.Labels "greeting"}}', `${tag}:ok`],
    { encoding: 'utf8' },
  )
    .trim()
    .split(' ');
  expect(inspected[0]).toBe(r.outputs.image_id);
  expect(inspected[2]).toBe('bonjour');
  expect(Number(r.outputs.image_size_mb)).toBeCloseTo(Number(inspected[1]) / 1e6, 2);
  expect(r.summary).toContain('### Container image');
  expect(r.summary).toMatch(
    /\| ra-qg-test-\d+:ok \| `sha256:[0-9a-f]{12}` \| \d+\.\d\d MB \| 10 MB ✅ \| 1 \| docker (buildx )?build \|/,
  );
  expect(r.summary).toContain("✅ `sh -c 'echo smoke-ok'` (exit 0)");
});

maybe('an image over max_image_size_mb, or whose smoke command fails, fails the gate with both reasons', async () => {
  const r = await buildGate(`${tag}:big`, {
    max_image_size_mb: 0.5,
    container_smoke_command: "sh -c 'echo broken >&2; exit 3'",
  });
  expect(r.code).toBe(1);
  expect(r.outputs.passed).toBe('false');
  expect(r.outputs.image_id).toMatch(/^sha256:/);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatch(/image size \d+\.\d\d MB is over the budget max_image_size_mb 0\.5/);
  expect(r.errors[0]).toContain("smoke command `sh -c 'echo broken >&2; exit 3'` failed in the image (exit 3)");
  expect(r.summary).toContain('broken');
});
