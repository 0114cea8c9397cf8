/**
 * docs/workflow.md's setup-effort table states how many lines of YAML a library release takes with this
 * collection; the documented snippet (README's first, docs/workflow.md's first) is counted here and must not grow
 * past that number, nor past semantic-release's and release-please's numbers in the same table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const docs = readFileSync(join(ROOT, 'docs/workflow.md'), 'utf8');
const firstYaml = (text: string) => text.match(/```yaml\n([\s\S]*?)```/)![1]!;
const lines = (yaml: string) => yaml.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l)).length;
const row = (label: RegExp) => {
  const line = docs.split('\n').find((l) => l.startsWith('|') && label.test(l));
  if (!line) throw new Error(`no row ${label} in docs/workflow.md's setup-effort table`);
  return line.split('|')[2]!.trim();
};

test("the library call's lines are the table's number, and no more than semantic-release's or release-please's", () => {
  const readme = firstYaml(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  expect(firstYaml(docs)).toBe(readme); // one library call, documented twice
  const ours = lines(readme);
  const [stated, trusted] = row(/^\| release-actions/)
    .match(/\d+/g)!
    .map(Number);
  expect(ours).toBe(stated);
  // With npm trusted publishing the secrets: block (two lines) is left out.
  expect(trusted).toBe(ours - 2);
  const semanticRelease = Number(row(/^\| semantic-release/).match(/\d+/)![0]);
  const releasePlease = row(/^\| release-please/)
    .match(/\d+/g)!
    .map(Number)
    .reduce((a, b) => a + b, 0);
  expect(ours).toBeLessThanOrEqual(semanticRelease);
  expect(ours).toBeLessThanOrEqual(releasePlease);
});
