import { earlierRollback } from './earlier-rollback.js';
import type { DeployState } from './state.js';

type Entry = DeployState['deployments'][number];
const at = '2026-12-05T10:00:00.000Z';
/** 1.0.0 serving in blue, with `history` newest first. */
const state = (history: Partial<Entry>[], serving = '1.0.0'): DeployState => ({
  environment: 'production',
  active_slot: 'blue',
  weights: { blue: 100 },
  slots: { blue: { version: serving, instances: [{ index: 0, port: 1 }] } } as DeployState['slots'],
  deployments: history.map((h) => ({
    version: '?',
    slot: 'green',
    status: 'succeeded',
    strategy: 'blue-green',
    at,
    ...h,
  })),
});

test('a deploy that rolled itself back: the version before it serves, with or without to_version', () => {
  const s = state([{ version: '1.1.0', status: 'rolled-back', previous_version: '1.0.0' }, { version: '1.0.0' }]);
  const found = { from: '1.1.0', to: '1.0.0', by: 'the deploy of 1.1.0 (rollback_on_failure)', at };
  expect(earlierRollback(s)).toEqual(found);
  expect(earlierRollback(s, '1.0.0')).toEqual(found);
  // A different version named: a rollback to it, not a confirmation.
  expect(earlierRollback(s, '0.9.0')).toBeUndefined();
});

test('a deploy that failed before traffic moved: confirmed only when to_version names the serving version', () => {
  const s = state([{ version: '1.1.0', status: 'failed', previous_version: '1.0.0' }]);
  expect(earlierRollback(s, '1.0.0')).toMatchObject({
    from: '1.1.0',
    to: '1.0.0',
    by: expect.stringMatching(/before traffic moved/),
  });
  expect(earlierRollback(s)).toBeUndefined();
});

test('an earlier rollback: a re-run naming the same version confirms it; with none named, it goes further back', () => {
  const s = state([{ version: '1.0.0', status: 'rolled-back', strategy: 'rollback', previous_version: '1.1.0' }]);
  expect(earlierRollback(s, '1.0.0')).toEqual({ from: '1.1.0', to: '1.0.0', by: 'an earlier rollback', at });
  expect(earlierRollback(s)).toBeUndefined();
});

test('nothing to confirm: a failed rollback, a deploy that succeeded or still serves, no history', () => {
  expect(
    earlierRollback(
      state([{ version: '1.0.0', status: 'failed', strategy: 'rollback', previous_version: '1.1.0' }]),
      '1.0.0',
    ),
  ).toBeUndefined();
  expect(earlierRollback(state([{ version: '1.0.0', previous_version: '0.9.0' }]), '1.0.0')).toBeUndefined();
  // Traffic moved and stayed (rollback_on_failure false): the failed version serves, a real rollback is due.
  expect(
    earlierRollback(state([{ version: '1.1.0', status: 'failed', previous_version: '1.0.0' }], '1.1.0'), '1.0.0'),
  ).toBeUndefined();
  expect(earlierRollback(state([]), '1.0.0')).toBeUndefined();
});
