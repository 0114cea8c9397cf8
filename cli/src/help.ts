/** Help texts, generated from the actions' schemas. */
import type { ActionDefinition, InputSpec } from '@release-actions/shared/action';
import { STAGES } from './stages.js';

const wrap = (text: string, width: number, indent: string): string => {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
};

export function mainHelp(): string {
  const stages = STAGES.map((s) => `  ${s.id.padEnd(15)} ${wrap(s.description, 84, ' '.repeat(18)).trimStart()}`).join(
    '\n',
  );
  return `release-actions — run a stage of the release pipeline locally, as a GitHub runner would

Usage:
  release-actions <stage> [--<input> <value>]...   run one stage (inputs as flags)
  release-actions <stage> --help                   the stage's inputs, accepted values and defaults
  release-actions dashboard --status <file> --out <file>
                                                   generate the release dashboard (static HTML)
  release-actions workflow run [--dry-run] [--input name=value]...
                                                   run the reusable workflow locally (workflow --help)
  release-actions verify --subject <file | image@sha256:… | npm:name@version> [--repository owner/repo]
                                                   check a released artifact's signed provenance (verify --help)

Stages, in the reusable workflow's order:
${stages}
  ${'dashboard'.padEnd(15)} Release dashboard (HTML) from release-status.yaml.

Flags are the action's inputs: --version_bump minor, --version-bump=minor; true/false inputs also as
--include_prs and --no-include_prs. Values are validated by the action itself, exactly as in a workflow.
The stage runs in the current directory (GITHUB_WORKSPACE); GITHUB_* variables already set are kept,
the token defaults to $GITHUB_TOKEN. Exit code: the action's (0 success, 1 failure), 2 for a usage error.
`;
}

function inputLine(name: string, spec: InputSpec<unknown>): string {
  const flag =
    spec.kind === 'boolean' ? `--${name}, --no-${name}` : `--${name} <${spec.kind === 'enum' ? 'value' : spec.kind}>`;
  const facts: string[] = [];
  if (spec.required) facts.push('required');
  const multiline = spec.default?.includes('\n') ?? false;
  if (spec.default !== undefined && !multiline) {
    facts.push(
      spec.default.startsWith('${{') ? `default: ${spec.default} ($GITHUB_TOKEN here)` : `default: ${spec.default}`,
    );
  }
  const accepts = spec.kind === 'enum' && spec.options ? `one of ${spec.options.join(', ')}` : spec.accepted;
  const lines = [
    `  ${flag}${facts.length ? `   (${facts.join('; ')})` : ''}`,
    wrap(spec.description, 96, '      '),
    wrap(`accepts: ${accepts}`, 96, '      '),
  ];
  if (multiline && spec.default) lines.push(`      default:\n${spec.default.replace(/^/gm, '        ')}`);
  return lines.join('\n');
}

export function stageHelp(def: ActionDefinition): string {
  const inputs = Object.entries(def.inputs)
    .map(([n, s]) => inputLine(n, s))
    .join('\n');
  const outputs = Object.entries(def.outputs)
    .map(([n, description]) => `  ${n.padEnd(20)} ${description}`)
    .join('\n');
  return `release-actions ${def.id}
${wrap(def.description, 100, '  ')}

Usage: release-actions ${def.id} [--<input> <value>]...

Inputs (the inputs of actions/${def.id}/action.yml):
${inputs}

Outputs (printed at the end of a run):
${outputs}
`;
}

export const DASHBOARD_FLAGS = {
  status: { kind: 'string', arg: 'file', description: 'The status record to read.', default: 'release-status.yaml' },
  out: {
    kind: 'string',
    arg: 'file',
    description: 'The HTML file to write (folders are created).',
    default: 'site/index.html',
  },
  title: {
    kind: 'string',
    arg: 'text',
    description: 'Page title. Default: "Releases" and the project name of the record.',
  },
  limit: {
    kind: 'string',
    arg: 'n',
    description:
      'Releases on the page, newest first; older ones are not read (a long history stays a small, quick page).',
    default: '200',
  },
} as const;

export function dashboardHelp(): string {
  const flags = Object.entries(DASHBOARD_FLAGS)
    .map(
      ([n, f]) =>
        `  --${n} <${f.arg}>${'default' in f ? `   (default: ${f.default})` : ''}\n${wrap(f.description, 96, '      ')}`,
    )
    .join('\n');
  return `release-actions dashboard — a static HTML page from release-status.yaml: release history, gate results
with latency charts, deployments and rollbacks over time. No script and no external request: publish it
as is (GitHub Pages).

Usage: release-actions dashboard [--status release-status.yaml] [--out site/index.html] [--title <text>] [--limit 200]

${flags}
`;
}
