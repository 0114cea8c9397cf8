import { splitCommand, spawnExec } from './exec.js';

test('splitCommand splits like a shell, without one', () => {
  expect(splitCommand(`/bin/busybox sh -c 'echo "hi there"' "a b" c\\ d ''`)).toEqual([
    '/bin/busybox',
    'sh',
    '-c',
    'echo "hi there"',
    'a b',
    'c d',
    '',
  ]);
  expect(() => splitCommand('echo "open')).toThrow('unterminated');
});

test('spawnExec returns the exit code and output, 127 for a missing program', async () => {
  const lines: string[] = [];
  const r = await spawnExec('sh', ['-c', 'echo one; echo two >&2; exit 3'], { onLine: (l) => lines.push(l) });
  expect(r).toMatchObject({ code: 3, stdout: 'one\n', stderr: 'two\n' });
  expect(lines.sort()).toEqual(['one', 'two']);
  expect((await spawnExec('/nonexistent/prog', [])).code).toBe(127);
});
