/**
 * A stage that is not built yet never reports success: given valid input, its bundled action fails with
 * `::error::<stage> is not implemented yet`. Stages drop out of this test as their main.ts is implemented.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runAction } from '../support/run-action.js';

const pending = readdirSync(join(ROOT, 'actions')).filter((a) => {
  const main = join(ROOT, 'actions', a, 'src', 'main.ts');
  return existsSync(main) && readFileSync(main, 'utf8').includes('NotImplementedError');
});
const validInputs: Record<string, Record<string, string>> = { deploy: { version: '1.2.3' } };

test('the list of pending stages is read from the sources', () => {
  expect(Array.isArray(pending)).toBe(true);
});

const eachPending = pending.length
  ? test.each(pending)
  : () => test('every stage is implemented', () => expect(pending).toEqual([]));
eachPending('%s with valid input fails as not implemented yet', async (action) => {
  const r = await runAction(action, { inputs: validInputs[action] ?? {} });
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([`${action} is not implemented yet`]);
  expect(r.outputs).toEqual({});
});
