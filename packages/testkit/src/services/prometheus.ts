/**
 * A real Prometheus for tests: Debian's /usr/bin/prometheus with its own config and TSDB in a temp dir,
 * listening on 127.0.0.1:<ephemeral>, scraping the given targets every `scrapeIntervalMs` (default 1 s).
 * Nothing outside loopback: the targets are local endpoints. Ready when /-/ready answers 200.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startOnFreePort, makeTempDir, stopAndRemove, spawnTracked, waitFor, type TrackedProcess } from './proc.js';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';

export interface PrometheusOptions {
  /** Scrape targets: `127.0.0.1:PORT` (path `metricsPath`). */
  targets: string[];
  metricsPath?: string;
  scrapeIntervalMs?: number;
  startTimeoutMs?: number;
}

export interface Prometheus {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  dir: string;
  startupMs: number;
  /** One instant query through the HTTP API (the raw `data.result`). */
  query(q: string): Promise<unknown[]>;
  /** Resolves when `q` returns a sample (the targets have been scraped often enough for it). */
  waitForSample(q: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrometheus(o: PrometheusOptions): Promise<Prometheus> {
  const dir = await makeTempDir('prometheus');
  const interval = `${o.scrapeIntervalMs ?? 1000}ms`;
  let proc: TrackedProcess | undefined;
  try {
    const config = [
      'global:',
      `  scrape_interval: ${interval}`,
      `  evaluation_interval: ${interval}`,
      'scrape_configs:',
      '  - job_name: app',
      `    scrape_timeout: ${interval}`,
      `    metrics_path: ${JSON.stringify(o.metricsPath ?? '/metrics')}`,
      '    static_configs:',
      `      - targets: ${JSON.stringify(o.targets)}`,
      '',
    ].join('\n');
    await writeFile(join(dir, 'prometheus.yml'), config);
    const started = await startOnFreePort({
      spawn: (port) =>
        (proc = spawnTracked(
          PROMETHEUS_BIN,
          [
            `--config.file=${join(dir, 'prometheus.yml')}`,
            `--storage.tsdb.path=${join(dir, 'data')}`,
            `--web.listen-address=127.0.0.1:${port}`,
            '--storage.tsdb.retention.time=1h',
            '--log.level=warn',
          ],
          { cwd: dir, cleanupDir: dir },
        )),
      ready: (port, p) =>
        waitFor(
          async () => (await fetch(`http://127.0.0.1:${port}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok,
          { timeoutMs: o.startTimeoutMs ?? 30_000, process: p, what: 'prometheus /-/ready', intervalMs: 100 },
        ),
      inUse: 'address already in use',
    });
    const { port, startupMs } = started;
    const url = `http://127.0.0.1:${port}/`;
    const running = started.proc;
    const query = async (q: string): Promise<unknown[]> => {
      const u = new URL('api/v1/query', url);
      u.searchParams.set('query', q);
      const res = await fetch(u, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { status: string; error?: string; data?: { result: unknown } };
      if (body.status !== 'success') throw new Error(`prometheus query ${q}: ${body.error ?? body.status}`);
      const r = body.data?.result;
      return Array.isArray(r) ? r : [r];
    };
    return {
      url,
      port,
      dir,
      startupMs,
      query,
      waitForSample: (q, timeoutMs = 20_000) =>
        waitFor(async () => (await query(q)).length > 0, { timeoutMs, what: `a sample of ${q}`, intervalMs: 250 }).then(
          () => undefined,
        ),
      stop: () => stopAndRemove(running, dir, 'SIGTERM'),
    };
  } catch (error) {
    await stopAndRemove(proc, dir, 'SIGKILL');
    throw error;
  }
}
