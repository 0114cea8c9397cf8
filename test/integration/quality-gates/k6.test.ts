/**
 * The k6 engine through the bundled action, with k6 acquired by @actions/tool-cache from `k6_url`: the archive
 * (a tar.gz like k6's releases, `k6-v0.99.0-linux-amd64/k6`) is served by a local HTTP server, downloaded,
 * extracted and cached once; the second run finds it in the tool cache. The real k6 cannot be installed here,
 * so the archive holds a stand-in `k6` (a shell script) that takes k6's arguments, writes a handleSummary JSON
 * to __ENV.RA_K6_SUMMARY and exits 0, or 99 ("thresholds crossed") when the script asks it to.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../support/run-action.js';

const FAKE_K6 = `#!/bin/sh
# Stand-in for k6 (tests only): k6 run [--summary-export F] [--summary-trend-stats S] [-e K=V]... script
summary=""; script=""
while [ $# -gt 0 ]; do
  case "$1" in
    run) ;;
    --summary-export|--summary-trend-stats|--execution-segment|--execution-segment-sequence) shift ;;
    -e) shift; case "$1" in RA_K6_SUMMARY=*) summary="\${1#RA_K6_SUMMARY=}" ;; esac ;;
    *) script="$1" ;;
  esac
  shift
done
[ -f "$script" ] || { echo "k6 stand-in: no script $script" >&2; exit 107; }
echo "k6 stand-in: running $script"
if grep -q 'FAKE_FAIL' "$script"; then ok=false; rate=0.2; code=99; else ok=true; rate=0; code=0; fi
cat > "$summary" <<JSON
{"metrics": {
  "http_reqs": {"type": "counter", "values": {"count": 500, "rate": 100}},
  "http_req_duration": {"type": "trend", "values": {"avg": 12.5, "min": 2, "med": 10, "max": 80, "p(90)": 20, "p(95)": 31.5, "p(99)": 60},
    "thresholds": {"p(95)<400": {"ok": true}}},
  "http_req_failed": {"type": "rate", "values": {"rate": $rate, "passes": 0, "fails": 500},
    "thresholds": {"rate<0.1": {"ok": $ok}}},
  "checks": {"type": "rate", "values": {"rate": 1, "passes": 500, "fails": 0}}
}}
JSON
exit $code
`;

let server: Server;
let downloads = 0;
let archiveUrl: string;
let base: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'ra-k6-'));
  const stage = join(base, 'stage', 'k6-v0.99.0-linux-amd64');
  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, 'k6'), FAKE_K6);
  chmodSync(join(stage, 'k6'), 0o755);
  const archive = join(base, 'k6.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', join(base, 'stage'), 'k6-v0.99.0-linux-amd64']);
  const bytes = readFileSync(archive);
  server = createServer((req, res) => {
    if (req.url === '/releases/k6-v0.99.0-linux-amd64.tar.gz') {
      downloads++;
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length }).end(bytes);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  archiveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases/k6-v0.99.0-linux-amd64.tar.gz`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(base, { recursive: true, force: true });
});

test('k6 is downloaded, extracted and cached once; its exit code 99 and summary give the verdict', async () => {
  const toolCache = join(base, 'toolcache');
  const ws = join(base, 'ws');
  mkdirSync(ws);
  writeFileSync(join(ws, 'load.js'), 'export default function () {}\n');
  writeFileSync(join(ws, 'failing.js'), '// FAKE_FAIL\nexport default function () {}\n');
  const inputs = {
    engine: 'k6',
    k6_url: archiveUrl,
    k6_version: '0.99.0',
    thresholds: 'http_req_duration: p(95)<100\nhttp_req_failed: rate<0.05',
    results_path: 'out/results.json',
  };
  const env = { RUNNER_TOOL_CACHE: toolCache };

  const first = await runAction('quality-gates', { cwd: ws, env, inputs: { ...inputs, k6_script: 'load.js' } });
  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);
  expect(first.outputs.passed).toBe('true');
  expect(downloads).toBe(1);
  expect(first.log).toContain(`k6: downloading ${archiveUrl}`);
  expect(first.log).toContain('k6 stand-in: running load.js');
  expect(first.summary).toContain('| http_req_duration | `p(95)<100` | 31.5ms | 500 | ✅ pass |');
  expect(first.summary).toContain("### k6 script's thresholds");
  expect(first.outputs.results).toBe(join(ws, 'out', 'results.json'));
  const results = JSON.parse(readFileSync(first.outputs.results as string, 'utf8'));
  expect(results.load.engine).toBe('k6');
  expect(results.load.k6.exitCode).toBe(0);

  const second = await runAction('quality-gates', { cwd: ws, env, inputs: { ...inputs, k6_script: 'failing.js' } });
  expect(downloads).toBe(1);
  expect(second.log).toContain('k6: 0.99.0 from the tool cache');
  expect(second.code).toBe(1);
  expect(second.outputs.passed).toBe('false');
  expect(second.errors).toHaveLength(1);
  expect(second.errors[0]).toContain('k6 exit code 99');
  expect(second.errors[0]).toContain('http_req_failed rate<0.1');
  expect(second.errors[0]).toContain('http_req_failed rate<0.05');
});
