/**
 * The dashboard in a real browser: the CLI bundle writes the page from a status file with several releases,
 * a local server (127.0.0.1, ephemeral port) serves it, and headless Chromium (Debian's, via playwright-core)
 * loads it. No console error, no request but the page itself, the history visible; a screenshot is saved
 * under test-results/. In CI (`CI=true`) a missing Chromium fails; elsewhere the test is skipped, saying why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../support/run-action.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const FIXTURE = join(ROOT, 'test', 'fixtures', 'release-status.yaml');
const SCREENSHOT = join(ROOT, 'test-results', 'dashboard.png');
const VERSIONS = ['2.1.0', '2.0.1', '2.0.0', '2.0.0-rc.1', '1.4.2', '1.4.1'];
const HEADLESS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
/** None of Chromium's own traffic: the page's request must be the only one. */
const QUIET = ['--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!available && process.env.CI === 'true') {
  test('chromium is installed (CI)', () => {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
  });
}

const maybe = available ? describe : describe.skip;
maybe(
  available ? 'dashboard in headless Chromium' : `dashboard in headless Chromium (skipped: no Chromium at ${CHROMIUM})`,
  () => {
    let dir: string;
    let server: Server;
    let url: string;
    let browser: Browser;
    const served: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ra-dashboard-'));
      // The page as users make it: the CLI bundle's dashboard command.
      execFileSync(
        process.execPath,
        [join(ROOT, 'cli', 'release-actions.mjs'), 'dashboard', '--status', FIXTURE, '--out', join(dir, 'index.html')],
        { cwd: dir, stdio: 'pipe' },
      );
      const html = readFileSync(join(dir, 'index.html'));
      server = createServer((req, res) => {
        served.push(req.url ?? '');
        if (req.url === '/' || req.url === '/index.html') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        } else res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...HEADLESS, ...QUIET],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      rmSync(dir, { recursive: true, force: true });
    });

    test('loads without console errors or requests, shows the history, saves a screenshot', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      const res = await page.goto(url, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);

      // The history: one row per release, newest first, each visible.
      const rows = page.locator('table.history tbody tr');
      expect(await rows.count()).toBe(VERSIONS.length);
      expect((await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim())).toEqual(VERSIONS);
      for (const v of VERSIONS) expect(await rows.filter({ hasText: v }).first().isVisible()).toBe(true);
      await expect(page.locator('h1').innerText()).resolves.toBe('Releases · acme/widget');
      const body = await page.locator('body').innerText();
      expect(body).toContain('rolled back → 1.4.2');
      expect(body).toContain('Deployments and rollbacks');
      // The charts render as SVG with real geometry.
      for (const label of [
        'Latency per release (ms)',
        'Quality gate results per release',
        'Deployments and rollbacks over time',
      ]) {
        const box = await page.locator(`svg[aria-label="${label}"]`).boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(50);
      }
      expect(await page.locator('svg[aria-label="Latency per release (ms)"] circle').count()).toBe(3 * VERSIONS.length);
      // The newest release's details are open; the others open without script.
      expect(await page.locator('details#release-2\\.1\\.0').innerText()).toContain('traffic-switched');
      await page.locator('details#release-2\\.0\\.0 summary').click();
      expect(await page.locator('details#release-2\\.0\\.0').getAttribute('open')).not.toBeNull();
      expect(await page.locator('details#release-2\\.0\\.0').innerText()).toContain('p95 1240 ms over 1000 ms');
      await page.locator('details#release-2\\.0\\.0 summary').click();

      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(served).toEqual(['/']);
      await page.close();
    }, 60_000);
  },
);
