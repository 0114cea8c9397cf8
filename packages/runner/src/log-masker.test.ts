import { LogMasker } from './workflow-commands.js';

const collect = (showDebug: boolean, secrets: string[] = []) => {
  const out: string[] = [];
  const m = new LogMasker((t) => out.push(t), secrets, showDebug);
  return { m, out };
};

test('hides ::debug:: lines unless step debug logging is on, masks secrets in both cases', () => {
  for (const showDebug of [false, true]) {
    const { m, out } = collect(showDebug, ['s3cr3t-token']);
    m.push('::debug::git fetch with s3cr3t-token\nhello\n::add-mask::later-secret\nuse later-secret', 'stdout');
    m.flush();
    expect(out).toEqual([...(showDebug ? ['::debug::git fetch with ***\n'] : []), 'hello\n', 'use ***\n']);
  }
});
