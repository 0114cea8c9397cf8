import { formatDuration, parseDuration } from './duration.js';

test.each([
  ['1h30m', 5_400_000],
  ['90s', 90_000],
  ['500ms', 500],
  ['0', 0],
  ['30', 30_000],
  ['2d', 172_800_000],
  ['1.5s', 1500],
])('parseDuration(%p) = %p', (text, ms) => expect(parseDuration(text)).toBe(ms));

test.each(['', '-5s', 'abc', '5 minutes', '1h-30m', '5x', 'NaN', '1e3'])(
  'parseDuration(%p) is not a duration',
  (text) => expect(parseDuration(text)).toBeUndefined(),
);

test('formatDuration', () => {
  expect(formatDuration(5_400_000)).toBe('1h30m');
  expect(formatDuration(1500)).toBe('1.5s');
  expect(formatDuration(250)).toBe('250ms');
});
