/**
 * The version check: what version does `version_url` report? From a JSON body (`version_json_path`, dotted), a
 * response header (`version_header`), or the trimmed body. A deploy is done only when it reports the released
 * version — polled until a deadline, since routers and platforms converge asynchronously.
 */
import { formatDuration } from '../util/duration.js';
import { sleep } from './deadline.js';
import { httpGetRetry } from './http.js';

export interface VersionSource {
  url: string;
  jsonPath?: string;
  header?: string;
}

export async function readVersion(src: VersionSource): Promise<string> {
  const r = await httpGetRetry(src.url, { timeoutMs: 5000 });
  if (r.status < 200 || r.status >= 300) throw new Error(`HTTP ${r.status}`);
  if (src.header) {
    const h = r.headers[src.header.toLowerCase()];
    if (h === undefined) throw new Error(`no ${src.header} header`);
    return String(Array.isArray(h) ? h[0] : h).trim();
  }
  if (src.jsonPath) {
    let v: unknown = JSON.parse(r.body);
    for (const key of src.jsonPath
      .replace(/^\$?\.?/, '')
      .split('.')
      .filter(Boolean)) {
      if (!v || typeof v !== 'object') throw new Error(`no ${src.jsonPath} in the JSON`);
      v = (v as Record<string, unknown>)[key];
    }
    if (v === undefined || v === null || typeof v === 'object') throw new Error(`no ${src.jsonPath} in the JSON`);
    return String(v).trim();
  }
  return r.body.trim();
}

const norm = (v: string) => v.replace(/^v(?=\d)/, '');

/**
 * Poll until `consecutive` reads in a row report `expected` (so a stale worker cannot make it pass by luck).
 * Returns what was seen; `ok` false at the deadline.
 */
export async function waitForVersion(
  src: VersionSource,
  expected: string,
  o: { timeoutMs: number; consecutive?: number; pollMs?: number; read?: (src: VersionSource) => Promise<string> },
): Promise<{ ok: boolean; seen: string[]; elapsedMs: number; last?: string }> {
  const t0 = Date.now();
  const seen: string[] = [];
  let streak = 0;
  let last: string | undefined;
  const need = o.consecutive ?? 3;
  while (Date.now() - t0 < o.timeoutMs) {
    try {
      last = await (o.read ?? readVersion)(src);
    } catch (e) {
      last = `error: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    if (!seen.includes(last)) seen.push(last);
    streak = norm(last) === norm(expected) ? streak + 1 : 0;
    if (streak >= need) return { ok: true, seen, elapsedMs: Date.now() - t0, last };
    await sleep(o.pollMs ?? 100);
  }
  return { ok: false, seen, elapsedMs: Date.now() - t0, last };
}

export function versionMismatchMessage(src: VersionSource, expected: string, seen: string[], ms: number): string {
  return `${src.url} still reports ${seen.filter((s) => norm(s) !== norm(expected)).join(', ') || seen.join(', ')} after ${formatDuration(ms)}; expected ${expected}. The platform is not serving the released version.`;
}
