import type { ActionResult } from './run-action.js';

/** The action succeeded: no ::error::, exit code 0, and its outputs include `outputs`. */
export function expectSucceeded(r: Pick<ActionResult, 'errors' | 'code' | 'outputs'>, outputs: object = {}): void {
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs).toMatchObject(outputs);
}

/** The action ended with exit code `code`, and its outputs include `outputs`. */
export function expectEnded(r: Pick<ActionResult, 'code' | 'outputs'>, code: number, outputs: object): void {
  expect(r.code).toBe(code);
  expect(r.outputs).toMatchObject(outputs);
}
