import { readFileSync } from 'node:fs';
import { exec } from './exec.js';

// A killed process whose parent died too may linger as a zombie until init reaps it: that one is gone as well.
const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

test('exec collects stdout, stderr and both interleaved, feeds input, and runs through sh when asked', async () => {
  const r = await exec('echo out; echo err >&2; cat; exit 4', [], { shell: true, input: 'in\n' });
  expect(r).toMatchObject({ code: 4, signal: null, stdout: 'out\nin\n', stderr: 'err\n', timedOut: false });
  expect(r.output.split('\n').sort()).toEqual(['', 'err', 'in', 'out']);
  expect((await exec('printf %s "$1"', ['a b'], { shell: true })).stdout).toBe('a b');
});

test('exec kills the whole process group at the deadline', async () => {
  const started = Date.now();
  // The grandchild writes its pid then sleeps: killing only the shell would leave it running.
  const r = await exec('sleep 30 & echo $!; wait', [], { shell: true, timeoutMs: 300 });
  expect(r).toMatchObject({ timedOut: true, code: 128, signal: 'SIGKILL' });
  expect(Date.now() - started).toBeLessThan(10_000);
  const grandchild = Number(r.stdout.trim());
  expect(grandchild).toBeGreaterThan(0);
  await new Promise((res) => setTimeout(res, 100));
  expect(running(grandchild)).toBe(false);
});

test('a program that cannot start is code 127 with the reason, never a throw', async () => {
  const r = await exec('/nonexistent/prog', []);
  expect(r.code).toBe(127);
  expect(r.error?.message).toContain('ENOENT');
  expect(r.stderr).toContain('ENOENT');
});
