#!/usr/bin/env node
// Writes every actions/<x>/action.yml and the generated tables of actions/<x>/README.md from src/inputs.ts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './load-ts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { renderActionYml, updateReadme } = await loadTs('packages/shared/src/action/action-yml.ts');
for (const id of readdirSync(join(root, 'actions'))) {
  const inputsFile = join(root, 'actions', id, 'src', 'inputs.ts');
  if (!existsSync(inputsFile)) continue;
  const { action } = await loadTs(inputsFile);
  writeFileSync(join(root, 'actions', id, 'action.yml'), renderActionYml(action));
  const readme = join(root, 'actions', id, 'README.md');
  if (existsSync(readme)) writeFileSync(readme, updateReadme(readFileSync(readme, 'utf8'), action));
  process.stdout.write(`synced actions/${id}/action.yml\n`);
}
