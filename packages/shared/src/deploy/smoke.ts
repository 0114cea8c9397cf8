/** Smoke tests: each `{path, expect_status, body_contains, body_regex, max_latency_ms}` against an instance. */
import type { Logger } from '../util/logger.js';
import { httpGetRetry, joinUrl } from './http.js';
import type { SmokeResult, SmokeTest } from './types.js';

/** Validate the `smoke_tests` input (a YAML list); returns the tests or what is wrong. */
export function parseSmokeTests(value: unknown): { value: SmokeTest[] } | { error: string } {
  if (!Array.isArray(value)) return { error: 'not a list' };
  const out: SmokeTest[] = [];
  for (const [i, item] of value.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { error: `item ${i + 1} is not a mapping` };
    const t = item as Record<string, unknown>;
    const known = ['path', 'expect_status', 'body_contains', 'body_regex', 'max_latency_ms'];
    const unknown = Object.keys(t).filter((k) => !known.includes(k));
    if (unknown.length) return { error: `item ${i + 1}: unknown key ${unknown.join(', ')}` };
    if (typeof t.path !== 'string' || !t.path.startsWith('/'))
      return { error: `item ${i + 1}: path must start with /` };
    if (
      t.expect_status !== undefined &&
      !(Number.isInteger(t.expect_status) && (t.expect_status as number) >= 100 && (t.expect_status as number) <= 599)
    )
      return { error: `item ${i + 1}: expect_status must be an HTTP status` };
    if (t.body_contains !== undefined && typeof t.body_contains !== 'string')
      return { error: `item ${i + 1}: body_contains must be text` };
    if (t.body_regex !== undefined) {
      if (typeof t.body_regex !== 'string') return { error: `item ${i + 1}: body_regex must be text` };
      try {
        new RegExp(t.body_regex);
      } catch {
        return { error: `item ${i + 1}: body_regex is not a regular expression` };
      }
    }
    if (t.max_latency_ms !== undefined && !(typeof t.max_latency_ms === 'number' && t.max_latency_ms > 0))
      return { error: `item ${i + 1}: max_latency_ms must be a positive number` };
    out.push(t as unknown as SmokeTest);
  }
  return { value: out };
}

export async function runSmokeTests(base: string, tests: SmokeTest[], log: Logger): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  for (const test of tests) {
    const url = joinUrl(base, test.path);
    const problems: string[] = [];
    let status: number | undefined;
    let latencyMs: number | undefined;
    try {
      const r = await httpGetRetry(url, { timeoutMs: Math.max(5000, (test.max_latency_ms ?? 0) * 2) });
      status = r.status;
      latencyMs = Math.round(r.latencyMs);
      const expect = test.expect_status ?? 200;
      if (r.status !== expect) problems.push(`status ${r.status}, expected ${expect}`);
      if (test.body_contains !== undefined && !r.body.includes(test.body_contains))
        problems.push(`body does not contain ${JSON.stringify(test.body_contains)}`);
      if (test.body_regex !== undefined && !new RegExp(test.body_regex).test(r.body))
        problems.push(`body does not match /${test.body_regex}/`);
      if (test.max_latency_ms !== undefined && r.latencyMs > test.max_latency_ms)
        problems.push(`latency ${latencyMs}ms > ${test.max_latency_ms}ms`);
    } catch (e) {
      problems.push(`no answer: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const ok = problems.length === 0;
    (ok ? log.info.bind(log) : log.warning.bind(log))(
      `smoke ${ok ? 'passed' : 'FAILED'}: GET ${url} → ${status ?? '-'} in ${latencyMs ?? '-'}ms${ok ? '' : ` (${problems.join('; ')})`}`,
    );
    results.push({ test, url, ok, status, latencyMs, problems });
  }
  return results;
}
