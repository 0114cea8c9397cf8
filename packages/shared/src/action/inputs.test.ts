import {
  duration,
  GITHUB_TOKEN_DEFAULT,
  type InputValues,
  number,
  parseInputs,
  semver,
  text,
  url,
  yamlInput,
} from './inputs.js';

const schema = {
  keep: duration({ description: 'with a default', default: '1h' }),
  window: duration({ description: 'without one' }),
  count: number({ description: 'with a default', default: '3', integer: true }),
  version: semver({ description: 'required', required: true }),
  registry: url({ description: 'with a default', default: 'https://registry.npmjs.org/' }),
  api: url({ description: 'a runner-resolved default may come out empty', default: GITHUB_TOKEN_DEFAULT }),
  tests: yamlInput({ description: 'no default', shape: 'a list', validate: (v) => ({ value: v as string[] }) }),
  name: text({ description: 'text is never undefined' }),
};
type Values = InputValues<typeof schema>;

// Compile-time checks (tsc runs over test files): a default or `required` makes the parsed type non-optional.
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typed: [
  Is<Values['keep'], number>,
  Is<Values['window'], number | undefined>,
  Is<Values['count'], number>,
  Is<Values['version'], string>,
  Is<Values['registry'], string>,
  Is<Values['api'], string | undefined>,
  Is<Values['tests'], string[] | undefined>,
  Is<Values['name'], string>,
] = [true, true, true, true, true, true, true, true];

describe('typed defaults', () => {
  it('the parsed value of an input with a default is the default, parsed', async () => {
    void typed;
    const raw: Record<string, string> = { version: '1.2.3' };
    const res = await parseInputs(schema, (n) => raw[n] ?? '');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.values.keep).toBe(3_600_000);
    expect(res.values.count).toBe(3);
    expect(res.values.registry).toBe('https://registry.npmjs.org/');
    expect(res.values.window).toBeUndefined();
  });
});

describe('refine', () => {
  const pair = {
    user: text({ description: 'user' }),
    password: text({ description: 'password' }),
    window: duration({ description: 'window', default: '5m' }),
    timeout: duration({ description: 'timeout', default: '1m' }),
  };
  const refine = (v: InputValues<typeof pair>) => [
    ...(v.password && !v.user ? [{ input: 'user', message: 'user needed with password' }] : []),
    ...(v.window >= v.timeout ? [{ input: 'timeout', message: 'timeout shorter than window' }] : []),
  ];
  const read = (raw: Record<string, string>) => (n: string) => raw[n] ?? '';

  it('returns every cross-input problem at once, over the parsed values (defaults applied)', async () => {
    const res = await parseInputs(pair, read({ password: 'pw' }), refine);
    expect(res).toEqual({
      ok: false,
      problems: [
        { input: 'user', message: 'user needed with password' },
        { input: 'timeout', message: 'timeout shorter than window' },
      ],
    });
  });

  it('passes values that satisfy it', async () => {
    const res = await parseInputs(pair, read({ user: 'u', password: 'pw', timeout: '10m' }), refine);
    expect(res.ok).toBe(true);
  });

  it('runs only once every input parses (it reads typed values a bad input lacks)', async () => {
    const seen: unknown[] = [];
    const res = await parseInputs(pair, read({ timeout: 'soon' }), (v) => (seen.push(v), []));
    expect(res.ok).toBe(false);
    expect(seen).toEqual([]);
  });
});
