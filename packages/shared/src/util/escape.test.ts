import { escapeLogText, escapeMarkdownHtml, logText, neutralizeWorkflowCommands, quoteLogValue } from './escape.js';
import { commandSafeLogger, MemoryLogger } from './logger.js';

/** The lines a runner would execute as workflow commands (it splits at LF, CR, CRLF and trims leading blanks). */
function commands(out: string): string[] {
  return out.split(/\r\n|\r|\n/).filter((l) => /^\s*(::|##\[)/.test(l));
}

const HOSTILE = [
  '0.0.1\n::error title=INJECTED::owned\n::add-mask::production',
  '::add-mask::production',
  '   ::stop-commands::tok',
  '\t::set-output name=x::y',
  'ok\r::error::carriage return',
  'ok\r\n::warning::crlf',
  '##[error]legacy command',
  'a\u2028::error::line separator',
  'a\u0085::error::next line',
  'x%0A::add-mask::production',
  '\u001b[2K\u001b[1G::error::erased line',
  '\u00a0::error::nbsp',
];

describe('escapeLogText', () => {
  test.each(HOSTILE)('%j stays one inert line', (s) => {
    const out = escapeLogText(s);
    expect(out.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)).toHaveLength(1);
    expect(commands(out)).toEqual([]);
    // Also when it is a whole log line of its own, and inside a message.
    expect(commands(`${out}`)).toEqual([]);
    expect(commands(`version ${out} chosen`)).toEqual([]);
  });

  test('shows what it replaced, readably', () => {
    expect(escapeLogText('a\nb\rc\u001bd\u0000e')).toBe('a\\nb\\rc\\ed\\u0000e');
    expect(escapeLogText('::add-mask::production')).toBe('\\::add-mask::production');
    expect(escapeLogText('  ##[group]x')).toBe('  \\##[group]x');
  });

  test('leaves ordinary text alone, tabs and unicode included', () => {
    for (const s of ['feat(api): add /v2 endpoint', 'Zoë Müller', 'v1.0.0-rc.1+build.5', 'a\tb', 'ratio 50%', 'x :: y'])
      expect(escapeLogText(s)).toBe(s);
  });

  test('shortens on request', () => {
    expect(escapeLogText('x'.repeat(100), { max: 10 })).toBe(`${'x'.repeat(10)}…`);
    expect(escapeLogText(42)).toBe('42');
  });
});

test('quoteLogValue quotes, escapes and shortens a value named in an error', () => {
  expect(quoteLogValue('0.0.1\n::error::x')).toBe('"0.0.1\\n::error::x"');
  expect(quoteLogValue('y'.repeat(100), 5)).toBe('"yyyyy…"');
  expect(quoteLogValue(null)).toBe('null');
  expect(quoteLogValue(1.1)).toBe('1.1');
  expect(quoteLogValue({ a: '\n::add-mask::x' })).toBe('{"a":"\\n::add-mask::x"}');
  for (const s of HOSTILE) expect(commands(quoteLogValue(s))).toEqual([]);
});

test('neutralizeWorkflowCommands keeps the lines of a message and defuses each', () => {
  const out = neutralizeWorkflowCommands('released 1.2.0\n::add-mask::production\r::error::x\nlast');
  expect(out.split('\n')).toEqual(['released 1.2.0', '\\::add-mask::production', '\\::error::x', 'last']);
  expect(commands(out)).toEqual([]);
});

test('logText escapes every interpolated value and the finished line', () => {
  const v = '0.0.1\n::add-mask::production';
  expect(logText`rolling back to ${v}`).toBe('rolling back to 0.0.1\\n::add-mask::production');
  expect(commands(logText`${':'}${':add-mask::x'}`)).toEqual([]);
  expect(logText`plain ${1} and ${'two'}`).toBe('plain 1 and two');
});

test('commandSafeLogger defuses every message and annotation title it passes on', async () => {
  const mem = new MemoryLogger();
  const log = commandSafeLogger(mem);
  for (const s of HOSTILE) {
    log.info(`subject: x\n${s}`);
    log.warning(s, { title: s });
    log.error(s);
    log.debug(s);
  }
  await log.group('::add-mask::g', async () => undefined);
  for (const e of mem.entries) {
    expect(commands(e.message)).toEqual([]);
    if (e.props?.title) expect(commands(e.props.title)).toEqual([]);
  }
});

describe('escapeMarkdownHtml', () => {
  test('a </details> in a commit subject cannot close the summary block', () => {
    const out = escapeMarkdownHtml('fix: escape </details><script>alert(1)</script> & more');
    expect(out).toBe('fix: escape &lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(out).not.toMatch(/[<>]/);
  });

  test('keeps Markdown: emphasis, links, autolinks, blockquotes, code spans and fences', () => {
    expect(escapeMarkdownHtml('**bold** _it_ [link](https://x.test/a?b=1)')).toBe(
      '**bold** _it_ [link](https://x.test/a?b=1)',
    );
    expect(escapeMarkdownHtml('see <https://example.test/x> or <mailto:a@b.test>')).toBe(
      'see <https://example.test/x> or <mailto:a@b.test>',
    );
    expect(escapeMarkdownHtml('> quoted <b>\n>> nested')).toBe('> quoted &lt;b&gt;\n>> nested');
    expect(escapeMarkdownHtml('use `Array<string>` & `a && b` <br>')).toBe(
      'use `Array<string>` &amp; `a && b` &lt;br&gt;',
    );
    expect(escapeMarkdownHtml('``a ` <b> ``<i>')).toBe('``a ` <b> ``&lt;i&gt;');
    expect(escapeMarkdownHtml('```ts\nconst a: Map<K, V> = x;\n```\n<hr>')).toBe(
      '```ts\nconst a: Map<K, V> = x;\n```\n&lt;hr&gt;',
    );
  });

  test('an unclosed backtick or a fake autolink is text, not a way around the escaping', () => {
    expect(escapeMarkdownHtml('a ` <img src=x onerror=alert(1)>')).toBe('a ` &lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdownHtml('<https://x.test/ onmouseover=alert(1)>')).toBe(
      '&lt;https://x.test/ onmouseover=alert(1)&gt;',
    );
    expect(escapeMarkdownHtml('a > b')).toBe('a &gt; b');
  });
});
