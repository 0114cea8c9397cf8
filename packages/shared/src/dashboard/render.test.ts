import { readStatusDocument } from './model.js';
import { renderDashboard } from './render.js';

const at = new Date('2026-11-24T12:00:00Z');

function releases(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (n - 1 - i)).padStart(2, '0');
    return {
      version: `1.${n - 1 - i}.0`,
      type: i % 4 === 0 ? 'minor' : 'patch',
      status: i === 1 ? 'rolled-back' : 'deployed',
      created_at: `2026-10-${day}T09:00:00Z`,
      deployed_at: `2026-10-${day}T09:30:00Z`,
      quality_gates: {
        load_test: { status: i === 2 ? 'failed' : 'passed', p50_ms: 40 + i, p95_ms: 120 + 10 * i, p99_ms: 200 + i },
        container_build: { status: 'passed', image_size: '48MB' },
      },
      deployment: {
        environment: 'production',
        strategy: 'blue-green',
        status: i === 1 ? 'rolled-back' : 'succeeded',
        rolled_back: i === 1,
        previous_version: `1.${Math.max(0, n - 2 - i)}.0`,
      },
      registries: { npm: { url: 'https://registry.npmjs.org/widget', version: `1.${n - 1 - i}.0` } },
    };
  });
}

test('shows the history, the charts and the details, with no script and no external resource', () => {
  const html = renderDashboard(readStatusDocument({ project: 'acme/widget', releases: releases(6) }), {
    generatedAt: at,
    source: 'release-status.yaml',
  });
  for (let i = 0; i < 6; i++) expect(html).toContain(`<b>1.${i}.0</b>`);
  expect(html).toContain('Releases · acme/widget');
  expect(html).toContain('aria-label="Latency per release (ms)"');
  expect(html).toContain('aria-label="Quality gate results per release"');
  expect(html).toContain('aria-label="Deployments and rollbacks over time"');
  expect(html).toContain('rolled back (1)');
  expect(html).toContain("default-src 'none'");
  expect(html).not.toMatch(/<script|\bsrc=|@import|url\(/i);
  // The only link element is the empty data: favicon (no request for /favicon.ico).
  expect(html.match(/<link[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
  expect(html).toContain('Generated 2026-11-24 12:00 UTC from release-status.yaml');
});

test('every text from the record is escaped; only http(s) URLs become links', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const html = renderDashboard(
    readStatusDocument({
      project: `"><script>alert(1)</script>`,
      releases: [
        {
          version: `1.0.0"'><script>alert(1)</script>`,
          type: evil,
          status: evil,
          quality_gates: { [evil]: { status: evil, note: evil } },
          deployment: { environment: evil, strategy: evil, timeline: [{ state: evil, note: evil }] },
          registries: [{ name: evil, url: 'javascript:alert(1)', digest: evil }],
        },
      ],
    }),
    { generatedAt: at },
  );
  expect(html).not.toMatch(/<script|<img|javascript:alert\(1\)"|href="javascript/i);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('1.0.0&quot;&#39;&gt;&lt;script&gt;');
});

test('missing fields are shown as —; an empty record says so', () => {
  const html = renderDashboard(readStatusDocument({ releases: [{ version: '0.1.0' }] }), { generatedAt: at });
  expect(html).toContain('<td><a href="#release-0.1.0"><b>0.1.0</b></a></td><td>—</td><td>—</td>');
  expect(html).toContain('No latency measured by any quality gate yet.');
  expect(html).toContain('No deployment recorded yet.');
  const empty = renderDashboard(readStatusDocument({}), { generatedAt: at });
  expect(empty).toContain('The status record holds no release yet.');
});

test('the page stays small: 6 releases under 40 KiB, 100 releases under 400 KiB', () => {
  const size = (n: number) =>
    Buffer.byteLength(renderDashboard(readStatusDocument({ releases: releases(n) }), { generatedAt: at }));
  expect(size(6)).toBeLessThan(40 * 1024);
  expect(size(100)).toBeLessThan(400 * 1024);
});

test('rendering is deterministic', () => {
  const model = readStatusDocument({ releases: releases(5) });
  expect(renderDashboard(model, { generatedAt: at })).toBe(renderDashboard(model, { generatedAt: at }));
});
