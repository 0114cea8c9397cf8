/**
 * Contract: every action.yml agrees with its typed schema (src/inputs.ts) — input names, required, defaults,
 * allowed values, descriptions, outputs — and runs on node24 from dist/index.js with branding. The README of
 * each action carries the generated tables.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ActionDefinition } from '@release-actions/shared/action';
import { renderInputsTable, renderOutputsTable } from '@release-actions/shared/action';
import { ROOT } from './support/run-action.js';

interface ActionYml {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

const ids = readdirSync(join(ROOT, 'actions')).filter((d) => existsSync(join(ROOT, 'actions', d, 'action.yml')));

test('the five stages exist', () => {
  expect(ids.sort()).toEqual(expect.arrayContaining(['changelog', 'deploy', 'quality-gates', 'release', 'rollback']));
});

describe.each(ids)('actions/%s', (id) => {
  let def: ActionDefinition;
  let yml: ActionYml;
  beforeAll(async () => {
    def = ((await import(`../actions/${id}/src/inputs.ts`)) as { action: ActionDefinition }).action;
    yml = parseYaml(readFileSync(join(ROOT, 'actions', id, 'action.yml'), 'utf8')) as ActionYml;
  });

  test('runs on node24 from the committed bundle, with branding', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(join(ROOT, 'actions', id, 'dist', 'index.js'))).toBe(true);
    expect(yml.branding?.icon).toBeTruthy();
    expect(yml.branding?.color).toBeTruthy();
    expect(yml.name).toBe(def.name);
    expect(yml.description).toBe(def.description);
    expect(def.id).toBe(id);
  });

  test('inputs agree with the schema: names, required, defaults, allowed values, descriptions', async () => {
    const ymlInputs = yml.inputs ?? {};
    expect(Object.keys(ymlInputs).sort()).toEqual(Object.keys(def.inputs).sort());
    for (const [name, spec] of Object.entries(def.inputs)) {
      const y = ymlInputs[name];
      expect({ name, required: y?.required ?? false }).toEqual({ name, required: spec.required });
      expect({ name, default: y?.default === undefined ? undefined : String(y.default) }).toEqual({
        name,
        default: spec.default,
      });
      expect({ name, described: (y?.description ?? '').trim().length > 10 }).toEqual({ name, described: true });
      for (const option of spec.kind === 'enum' || spec.kind === 'list' ? (spec.options ?? []) : []) {
        expect({ name, option, listed: y?.description?.includes(option) }).toEqual({ name, option, listed: true });
      }
      if (spec.default !== undefined && !spec.default.startsWith('${{')) {
        // A default must itself be valid input.
        await spec.load?.();
        expect({ name, defaultValid: spec.parse(spec.default).ok }).toEqual({ name, defaultValid: true });
      }
      if (spec.required)
        expect({ name, requiredWithoutDefault: spec.default === undefined }).toEqual({
          name,
          requiredWithoutDefault: true,
        });
    }
  });

  test('outputs agree with the schema and are described', () => {
    const ymlOutputs = yml.outputs ?? {};
    expect(Object.keys(ymlOutputs).sort()).toEqual(Object.keys(def.outputs).sort());
    for (const [name, description] of Object.entries(def.outputs)) {
      expect({ name, description: ymlOutputs[name]?.description }).toEqual({ name, description });
      expect(description.trim().length).toBeGreaterThan(5);
    }
  });

  test('README documents every input and output (generated tables are current)', () => {
    const readme = readFileSync(join(ROOT, 'actions', id, 'README.md'), 'utf8');
    expect(readme).toContain(renderInputsTable(def));
    expect(readme).toContain(renderOutputsTable(def));
  });
});
