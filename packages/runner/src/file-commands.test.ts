import { parseFileCommand } from './file-commands.js';
import { runnerInputs } from './inputs.js';
import { parseAnnotations } from './workflow-commands.js';

test('file commands: name=value lines and heredocs, as the runner reads them', () => {
  expect(parseFileCommand('a=1\nnotes<<EOF_x\nline 1\nline=2\nEOF_x\n\nb=x=y\n')).toEqual({
    a: '1',
    notes: 'line 1\nline=2',
    b: 'x=y',
  });
});

test('annotations: level, unescaped message and properties', () => {
  expect(parseAnnotations('plain\n::error file=a%2Cb.ts,line=3::bad%0Anews\n::warning::careful')).toEqual([
    { level: 'error', message: 'bad\nnews', properties: { file: 'a,b.ts', line: '3' } },
    { level: 'warning', message: 'careful', properties: {} },
  ]);
});

test('inputs: defaults filled in, the given ones win, ${{ github.token }} is the token', () => {
  expect(runnerInputs({ token: '${{ github.token }}', mode: 'auto', notes: undefined }, { mode: 'x' }, 't0k')).toEqual({
    token: 't0k',
    mode: 'x',
    notes: '',
  });
});
