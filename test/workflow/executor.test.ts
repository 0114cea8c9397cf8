import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApprovalRequest } from '@release-actions/workflow';
import { runYaml, scratch, type Scratch } from './helpers.js';

let s: Scratch;
beforeAll(() => {
  s = scratch();
});
afterAll(() => s.cleanup());

/** Runs a workflow started by workflow_dispatch whose `jobs:` are `jobs` (YAML indented two spaces). */
const runJobs = (jobs: string, o?: Parameters<typeof runYaml>[2]) =>
  runYaml(s, `on: workflow_dispatch\njobs:\n${jobs}`, o);

/** Job `a` (YAML, under `jobs:`), whose output x is what its step `one` writes with `run`. */
const jobA = (run: string) => `  a:
    runs-on: ubuntu-latest
    outputs:
      x: \${{ steps.one.outputs.x }}
    steps:
      - id: one
        run: ${run}`;

describe('the job graph', () => {
  test('needs order, skip semantics, always(), outputs between jobs', async () => {
    const r = await runJobs(
      `${jobA('echo "x=from-a" >> "$GITHUB_OUTPUT"')}
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - env: { X: "\${{ needs.a.outputs.x }}" }
        run: test "$X" = from-a && exit 3
  c:
    needs: b
    runs-on: ubuntu-latest
    steps: [{ run: echo never }]
  d:
    needs: c
    if: always()
    runs-on: ubuntu-latest
    steps: [{ run: 'echo "c was \${{ needs.c.result }}"' }]
  e:
    needs: b
    if: failure()
    runs-on: ubuntu-latest
    steps: [{ run: echo cleanup }]
`,
    );
    expect(r.job('a')).toMatchObject({ result: 'success', outputs: { x: 'from-a' } });
    expect(r.job('b')).toMatchObject({ result: 'failure' });
    expect(r.job('b').steps[0]).toMatchObject({ outcome: 'failure', error: 'exit code 3' });
    expect(r.job('c')).toMatchObject({ decision: 'skip', result: 'skipped', reason: 'need b failure' });
    expect(r.job('d')).toMatchObject({ result: 'success' });
    expect(r.log).toContain('[d] c was skipped');
    expect(r.job('e')).toMatchObject({ result: 'success' });
    expect(r.conclusion).toBe('failure');
  });

  test('rerun: only the named jobs run again; the others keep their result and outputs, their steps do not run', async () => {
    const yaml = `on: workflow_dispatch
jobs:
${jobA(`echo "x=$RANDOM-\${{ github.run_attempt }}" >> "$GITHUB_OUTPUT"`)}
  b:
    needs: a
    if: always() && needs.a.outputs.x != ''
    runs-on: ubuntu-latest
    steps: [{ run: 'echo "b saw \${{ needs.a.outputs.x }} in attempt \${{ github.run_attempt }}"' }]
`;
    const first = await runYaml(s, yaml);
    const x = first.job('a').outputs.x as string;
    expect(x).toMatch(/^\d+-1$/);
    const again = await runYaml(s, yaml, { rerun: { previous: first, jobs: ['b'] }, github: { run_attempt: '2' } });
    expect(again.job('a')).toMatchObject({
      result: 'success',
      outputs: { x },
      reason: expect.stringMatching(/^kept from the previous attempt/),
    });
    expect(again.log.filter((l) => l.startsWith('[a]') && l.includes('$RANDOM'))).toEqual([]);
    expect(again.log).toContain(`[b] b saw ${x} in attempt 2`);
  });

  test('file commands: GITHUB_ENV (heredoc), GITHUB_PATH, GITHUB_STEP_SUMMARY; env, defaults.run and working-directory', async () => {
    const r = await runYaml(
      s,
      `on: workflow_dispatch
env: { LEVEL: workflow, OVER: workflow }
defaults:
  run: { working-directory: sub }
jobs:
  a:
    runs-on: ubuntu-latest
    env: { OVER: job }
    outputs:
      seen: \${{ steps.read.outputs.seen }}
    steps:
      - working-directory: .
        run: |
          mkdir -p sub bin
          printf '#!/bin/sh\\necho tool-ran\\n' > bin/mytool && chmod +x bin/mytool
          echo "$PWD/bin" >> "$GITHUB_PATH"
          { echo 'NOTE<<END'; echo 'two'; echo 'lines'; echo 'END'; } >> "$GITHUB_ENV"
          echo '### hello' >> "$GITHUB_STEP_SUMMARY"
      - id: read
        env: { OVER: step }
        run: |
          echo "seen=$LEVEL/$OVER/$(basename "$PWD")/$(mytool)/$(echo "$NOTE" | wc -l)" >> "$GITHUB_OUTPUT"
`,
    );
    expect(r.job('a').outputs.seen).toBe('workflow/step/sub/tool-ran/2');
    const jobDir = readdirSync(join(r.runDir!, 'jobs'))[0]!;
    expect(readFileSync(join(r.runDir!, 'jobs', jobDir, 'summary.md'), 'utf8')).toBe('### hello\n');
    expect(existsSync(join(r.runDir!, 'jobs', jobDir, 'workspace', 'sub'))).toBe(true);
  });

  test('values reach run: steps through env, never as shell words', async () => {
    const hostile = '$(touch pwned); `touch pwned2`; " \' ;';
    const r = await runYaml(
      s,
      `on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    outputs: { got: "\${{ steps.x.outputs.got }}" }
    steps:
      - id: x
        env: { MSG: "\${{ inputs.msg }}" }
        run: printf 'got=%s\\n' "$MSG" >> "$GITHUB_OUTPUT"
`.replace('on: workflow_dispatch', 'on:\n  workflow_dispatch:\n    inputs:\n      msg: { type: string }'),
      { inputs: { msg: hostile } },
    );
    expect(r.job('a').outputs.got).toBe(hostile);
    expect(readdirSync(r.runDir!, { recursive: true }).some((f) => String(f).includes('pwned'))).toBe(false);
  });

  test('a matrix from fromJSON with include and exclude; strategy context; outputs of the last leg', async () => {
    const r = await runJobs(
      `  plan:
    runs-on: ubuntu-latest
    outputs: { shards: "\${{ steps.p.outputs.shards }}" }
    steps:
      - id: p
        run: echo 'shards=[1,2,3]' >> "$GITHUB_OUTPUT"
  load:
    needs: plan
    runs-on: ubuntu-latest
    strategy:
      max-parallel: 1
      matrix:
        shard: \${{ fromJSON(needs.plan.outputs.shards) }}
        os: [linux]
        exclude: [{ shard: 2 }]
        include: [{ shard: 3, extra: yes }, { shard: 9, os: mac }]
    outputs: { last: "\${{ steps.s.outputs.me }}" }
    steps:
      - id: s
        run: echo "me=\${{ matrix.shard }}-\${{ matrix.os }}-\${{ matrix.extra }}-\${{ strategy.job-index }}/\${{ strategy.job-total }}" | tee -a "$GITHUB_OUTPUT"
`,
    );
    expect(r.job('load').legs).toEqual(['shard: 1, os: linux', 'shard: 3, os: linux, extra: yes', 'shard: 9, os: mac']);
    expect(r.log.filter((l) => l.includes('me=') && !l.includes('▶')).map((l) => l.replace(/^.*me=/, ''))).toEqual([
      '1-linux--0/3',
      '3-linux-yes-1/3',
      '9-mac--2/3',
    ]);
    expect(r.job('load').outputs.last).toBe('9-mac--2/3');
  });

  test('continue-on-error, step timeout-minutes, and steps after a failure', async () => {
    const r = await runJobs(
      `  a:
    outputs: { o: "\${{ steps.bad.outcome }}/\${{ steps.bad.conclusion }}" }
    runs-on: ubuntu-latest
    steps:
      - id: bad
        continue-on-error: true
        run: exit 1
      - id: slow
        timeout-minutes: 0.01
        run: sleep 30
      - run: echo skipped-after-failure
      - if: failure()
        run: echo ran-on-failure
`,
    );
    const a = r.job('a');
    expect(a.outputs.o).toBe('failure/success');
    expect(a.steps.map((x) => [x.outcome, x.conclusion])).toEqual([
      ['failure', 'success'],
      ['failure', 'failure'],
      ['skipped', 'skipped'],
      ['success', 'success'],
    ]);
    expect(a.steps[1]!.error).toBe('timed out');
    expect(a.steps[1]!.durationMs).toBeLessThan(20_000);
    expect(r.log).not.toContain('[a] skipped-after-failure');
  });

  test('a cancelled run gives the running step SIGTERM (its trap cleans up), starts nothing more, jobs end cancelled', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const r = await runJobs(
      `  a:
    runs-on: ubuntu-latest
    steps:
      - run: trap 'echo cleaned-up; exit 143' TERM; echo step-started; sleep 30 & wait
      - run: echo never-started
  b:
    needs: a
    runs-on: ubuntu-latest
    steps: [{ run: echo never-either }]
`,
      {
        signal: ac.signal,
        log: (l) => {
          lines.push(l);
          if (l.endsWith('step-started')) ac.abort();
        },
      },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.job('a').result).toBe('cancelled');
    expect(r.job('b').result).not.toBe('success');
    expect(lines).toContain('[a] cleaned-up');
    expect(lines.join('\n')).not.toMatch(/never-started|never-either/);
  });
  const lines: string[] = [];

  test('concurrency: runs of the same group wait for each other within the process', async () => {
    const yaml = `on: workflow_dispatch
concurrency: { group: 'same-\${{ github.repository }}', cancel-in-progress: false }
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: 'date +%s%N > "$RUNNER_TEMP/../start"; sleep 0.3; date +%s%N > "$RUNNER_TEMP/../end"' }]
`;
    const [one, two] = await Promise.all([runYaml(s, yaml), runYaml(s, yaml)]);
    const span = (r: typeof one) => {
      const d = join(r.runDir!, 'jobs', readdirSync(join(r.runDir!, 'jobs'))[0]!);
      return [Number(readFileSync(join(d, 'start'), 'utf8')), Number(readFileSync(join(d, 'end'), 'utf8'))] as const;
    };
    const [a, b] = [span(one), span(two)].sort((x, y) => x[0] - y[0]);
    expect(b![0]).toBeGreaterThanOrEqual(a![1]);
  });
});

describe('environments are approval gates', () => {
  const yaml = `on: workflow_dispatch
jobs:
  release:
    runs-on: ubuntu-latest
    environment: { name: production, url: https://example.test }
    steps: [{ run: echo released }]
  after:
    needs: release
    runs-on: ubuntu-latest
    steps: [{ run: echo after }]
`;
  test('the approve callback is asked with the environment and its reviewers', async () => {
    const asked: ApprovalRequest[] = [];
    const r = await runYaml(s, yaml, {
      approve: async (q) => (asked.push(q), true),
      reviewers: { production: ['lead'] },
    });
    expect(asked).toEqual([
      { job: 'release', environment: 'production', url: 'https://example.test', reviewers: ['lead'] },
    ]);
    expect(r.job('after').result).toBe('success');
  });
  test('a rejection fails the job and skips what needs it', async () => {
    const r = await runYaml(s, yaml, { approve: async () => false });
    expect(r.job('release')).toMatchObject({ result: 'failure', reason: 'environment production: rejected' });
    expect(r.job('after').decision).toBe('skip');
  });
});

describe('a reusable workflow called by a job', () => {
  test('with:, secrets: and its outputs', async () => {
    s.write(
      '.github/workflows/called.yml',
      `on:
  workflow_call:
    inputs:
      n: { type: number, default: 1 }
      flag: { type: boolean, default: false }
    secrets:
      token: { required: false }
    outputs:
      twice: { value: "\${{ jobs.inner.outputs.twice }}" }
jobs:
  inner:
    runs-on: ubuntu-latest
    outputs: { twice: "\${{ steps.t.outputs.v }}" }
    steps:
      - id: t
        env: { N: "\${{ inputs.n }}", F: "\${{ inputs.flag }}", T: "\${{ secrets.token }}" }
        run: |
          echo "token is $T"
          echo "v=$((N * 2))-$F" >> "$GITHUB_OUTPUT"
`,
    );
    const r = await runJobs(
      `  call:
    uses: ./.github/workflows/called.yml
    with: { n: 21, flag: true }
    secrets: { token: s3cret }
  show:
    needs: call
    runs-on: ubuntu-latest
    steps: [{ run: 'echo "got \${{ needs.call.outputs.twice }}"' }]
`,
    );
    expect(r.job('call/inner').outputs.twice).toBe('42-true');
    expect(r.log).toContain('[call/inner] token is ***');
    expect(r.log).toContain('[show] got 42-true');
  });
});

describe('refused by name, before anything runs', () => {
  const base = (steps: string, extra = '') => `on: workflow_dispatch
jobs:
  j:
    runs-on: ubuntu-latest${extra}
    steps:
${steps}
`;
  test.each([
    [
      'a third-party action',
      base('      - uses: docker/login-action@v3'),
      /job j: steps\[0\]\.uses: uses: docker\/login-action@v3 is not supported/,
    ],
    [
      'services:',
      base('      - run: true', '\n    services: { db: { image: postgres } }'),
      /job j: services: services: is not supported/,
    ],
    [
      'container:',
      base('      - run: true', '\n    container: node:24'),
      /job j: container: container: is not supported/,
    ],
    ['an unknown function', base('      - run: echo ${{ frobnicate(1) }}'), /Unrecognized function: 'frobnicate'/],
    [
      'another shell',
      base('      - run: Write-Host hi\n        shell: pwsh'),
      /job j: steps\[0\]\.shell: shell pwsh is not supported/,
    ],
    [
      'a misspelt input of a stand-in',
      base('      - uses: actions/checkout@v5\n        with: { fetch_depth: 0 }'),
      /job j: steps\[0\]\.with\.fetch_depth: not an input of actions\/checkout@v5/,
    ],
    [
      'an undeclared input',
      base('      - run: echo ${{ inputs.nope }}'),
      /job j: steps\[0\]\.run: inputs\.nope: no input nope/,
    ],
  ])('%s', async (_name, yaml, message) => {
    const marker = join(s.dir, 'never-ran');
    await expect(runYaml(s, yaml.replace('run: true', `run: touch ${marker}`))).rejects.toThrow(message);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('found only at run time', () => {
  test('a matrix that is not a list fails its job, naming it; the other jobs finish', async () => {
    const r = await runJobs(
      `  bad:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        shard: \${{ fromJSON('{"a":1}') }}
    steps: [{ run: echo never }]
  good:
    runs-on: ubuntu-latest
    steps: [{ run: echo fine }]
`,
    );
    expect(r.job('bad')).toMatchObject({
      result: 'failure',
      reason: expect.stringMatching(/job bad: strategy\.matrix\.shard is not a list/),
    });
    expect(r.job('good').result).toBe('success');
    expect(r.conclusion).toBe('failure');
  });
});
