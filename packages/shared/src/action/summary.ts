/** A Markdown job summary, built in order and written once (also when the stage fails). */
import { escapeMarkdownHtml } from '../util/escape.js';

export type Cell = string | number | boolean | undefined | null;

/** Escape text for a Markdown table cell: HTML from commits or records is shown as text, Markdown is kept. */
export function cell(value: Cell): string {
  if (value === undefined || value === null) return '';
  return escapeMarkdownHtml(String(value)).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export class Summary {
  private readonly parts: string[] = [];

  heading(text: string, level = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${text}`);
    return this;
  }

  paragraph(text: string): this {
    this.parts.push(text);
    return this;
  }

  /** A table; `align` per column: 'l' | 'r' | 'c'. */
  table(headers: string[], rows: Cell[][], align?: ('l' | 'r' | 'c')[]): this {
    const sep = headers.map((_, i) => ({ l: '---', r: '---:', c: ':---:' })[align?.[i] ?? 'l']);
    const lines = [`| ${headers.map(cell).join(' | ')} |`, `| ${sep.join(' | ')} |`];
    for (const row of rows) lines.push(`| ${headers.map((_, i) => cell(row[i])).join(' | ')} |`);
    this.parts.push(lines.join('\n'));
    return this;
  }

  list(items: string[]): this {
    this.parts.push(items.map((i) => `- ${i}`).join('\n'));
    return this;
  }

  /** A fenced mermaid diagram (rendered by GitHub in job summaries). */
  mermaid(code: string): this {
    this.parts.push('```mermaid\n' + code.trim() + '\n```');
    return this;
  }

  code(text: string, lang = ''): this {
    const fence = text.includes('```') ? '````' : '```';
    this.parts.push(`${fence}${lang}\n${text}\n${fence}`);
    return this;
  }

  /** `body` is Markdown the caller made safe (see escapeMarkdownHtml); the title is escaped here. */
  details(summary: string, body: string): this {
    this.parts.push(`<details><summary>${escapeMarkdownHtml(summary)}</summary>\n\n${body}\n\n</details>`);
    return this;
  }

  raw(markdown: string): this {
    this.parts.push(markdown);
    return this;
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  toString(): string {
    return this.parts.join('\n\n') + '\n';
  }
}

/** A mermaid xychart-beta line or bar chart. */
export function xyChart(o: {
  title: string;
  xLabels: string[];
  yLabel: string;
  series: { type: 'line' | 'bar'; values: number[] }[];
}): string {
  const num = (n: number) => (Number.isFinite(n) ? Number(n.toFixed(2)) : 0);
  const labels = o.xLabels.map((l) => JSON.stringify(l)).join(', ');
  const lines = [
    'xychart-beta',
    `  title ${JSON.stringify(o.title)}`,
    `  x-axis [${labels}]`,
    `  y-axis ${JSON.stringify(o.yLabel)}`,
    ...o.series.map((s) => `  ${s.type} [${s.values.map(num).join(', ')}]`),
  ];
  return lines.join('\n');
}
