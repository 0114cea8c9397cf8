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

test('with killGraceMs a deadline sends SIGTERM first (a trap can clean up), SIGKILL only if the group outlives it', async () => {
  const polite = await exec("trap 'echo cleaned; exit 3' TERM; echo ready; sleep 30 & wait", [], {
    shell: true,
    timeoutMs: 300,
    killGraceMs: 5000,
  });
  expect(polite).toMatchObject({ timedOut: true, code: 3, stdout: 'ready\ncleaned\n' });
  const started = Date.now();
  // Ignores SIGTERM: it is killed when the grace ends.
  const stubborn = await exec("trap '' TERM; sleep 30 & wait; sleep 30", [], {
    shell: true,
    timeoutMs: 200,
    killGraceMs: 300,
  });
  expect(stubborn).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('aborting the signal stops the program like a deadline, and says it was aborted, not timed out', async () => {
  const ac = new AbortController();
  const lines: string[] = [];
  const pending = exec("trap 'printf bye; exit 5' TERM; echo started; sleep 30 & wait", [], {
    shell: true,
    signal: ac.signal,
    killGraceMs: 2000,
    // The last line has no newline: still a line.
    onLine: (l) => {
      lines.push(l);
      if (l === 'started') ac.abort();
    },
  });
  const r = await pending;
  expect(r).toMatchObject({ aborted: true, timedOut: false, code: 5 });
  expect(lines).toEqual(['started', 'bye']);
  const already = await exec('echo never', [], { shell: true, signal: AbortSignal.abort() });
  expect(already.aborted).toBe(true);
  expect(already.code).not.toBe(0);
  expect(already.output).not.toContain('never'); // it never started
});

test('maxBuffer 0 keeps nothing (a caller that streams lines needs no copy)', async () => {
  const lines: string[] = [];
  const r = await exec('echo a; echo b >&2', [], { shell: true, maxBuffer: 0, onLine: (l) => lines.push(l) });
  expect(r).toMatchObject({ code: 0, stdout: '', stderr: '', output: '' });
  expect(lines.sort()).toEqual(['a', 'b']);
});
