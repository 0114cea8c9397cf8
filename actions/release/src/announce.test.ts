import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryLogger } from '@release-actions/shared';
import { announce, highlights, jsonPayload, slackPayload } from './announce.js';

const a = {
  repository: 'acme/widget',
  version: '1.2.0',
  tag: 'v1.2.0',
  releaseUrl: 'https://github.com/acme/widget/releases/tag/v1.2.0',
  notes: '### Features\n\n- fast path\n- new flag\n\n### Bug fixes\n\n* crash on start',
  links: [{ name: 'npm: widget', url: 'https://www.npmjs.com/package/widget/v/1.2.0' }],
  prerelease: false,
};

test('highlights and payloads', () => {
  expect(highlights(a.notes)).toEqual(['fast path', 'new flag', 'crash on start']);
  const slack = slackPayload(a) as { text: string; blocks: unknown[] };
  expect(slack.text).toContain('acme/widget v1.2.0 released');
  expect(slack.text).toContain('<https://www.npmjs.com/package/widget/v/1.2.0|npm: widget>');
  expect(slack.blocks).toHaveLength(3);
  expect(jsonPayload(a)).toMatchObject({
    event: 'release',
    version: '1.2.0',
    highlights: ['fast path', 'new flag', 'crash on start'],
  });
});

test('Slack payload: text from commits is escaped (&amp; &lt; &gt;), never a ping or a forged link', () => {
  const hostile = {
    ...a,
    repository: 'acme/<b&b>',
    notes: '- <!channel> wake up & <https://evil.example|click me>\n- plain',
    links: [{ name: 'npm: <x>', url: 'https://r.example/p?a=1&b=2' }],
  };
  const slack = slackPayload(hostile) as {
    text: string;
    blocks: { text?: { text: string }; elements?: { text: string }[] }[];
  };
  expect(slack.text.split('\n')).toEqual([
    'acme/&lt;b&amp;b&gt; v1.2.0 released',
    '• &lt;!channel&gt; wake up &amp; &lt;https://evil.example|click me&gt;',
    '• plain',
    '<https://github.com/acme/widget/releases/tag/v1.2.0|Release notes>',
    '<https://r.example/p?a=1&amp;b=2|npm: &lt;x&gt;>',
  ]);
  expect(slack.text).not.toContain('<!channel>');
  expect(slack.blocks[1]?.text?.text).toBe(
    '• &lt;!channel&gt; wake up &amp; &lt;https://evil.example|click me&gt;\n• plain',
  );
  expect(slack.blocks[2]?.elements?.[0]?.text).not.toMatch(/<x>/);
  // The JSON payload is data, not Slack markup: kept as written.
  expect(jsonPayload(hostile).highlights).toEqual(['<!channel> wake up & <https://evil.example|click me>', 'plain']);
});

test("highlights leave out the changelog entries' commit and PR links", () => {
  const notes = [
    '## [1.2.0] - 2026-01-01',
    '### Added',
    '- fast path ([abc1234](https://github.com/acme/widget/commit/abc1234def))',
    '- **cli:** new flag ([#12](https://github.com/acme/widget/pull/12), [def5678](https://x/commit/def5678)) by @octo',
    '- plain (see docs)',
  ].join('\n');
  expect(highlights(notes)).toEqual(['fast path', '**cli:** new flag', 'plain (see docs)']);
});

test('a failed post is a warning that never shows the URL', async () => {
  const bodies: string[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => {
      bodies.push(b);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/SECRETPATH`;
  try {
    const log = new MemoryLogger();
    expect(await announce(fetch, url, 'json', a, log)).toBe(true);
    expect(JSON.parse(bodies[0] as string).tag).toBe('v1.2.0');
    status = 500;
    expect(await announce(fetch, url, 'slack', a, log)).toBe(false);
    server.close();
    expect(await announce(fetch, url, 'slack', a, log)).toBe(false);
    const warnings = log.messages('warning');
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).not.toContain('SECRETPATH');
  } finally {
    server.close();
  }
});
