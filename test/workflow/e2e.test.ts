/**
 * End to end: a caller workflow, written into a scratch repository, runs the committed actions/changelog dist
 * through the executor, with the checkout and artifact stand-ins, and hands the notes to the next job.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteRepo, type RemoteRepo } from '../support/remote-repo.js';
import { gitEnv } from '../support/services/index.js';
import { runWorkflow } from '@release-actions/workflow';
import { ROOT, scratch } from './helpers.js';

const s = scratch();
let origin: RemoteRepo;
beforeAll(async () => {
  origin = await createRemoteRepo({
    files: { 'package.json': '{"name":"widget","version":"1.0.0"}\n' },
    commits: ['fix: a bug', 'feat: a new feature'],
  });
  await origin.repo.git('tag', 'v1.0.0', 'HEAD~1');
  await origin.repo.git('push', '--quiet', 'origin', 'v1.0.0');
});
afterAll(async () => {
  await origin?.cleanup();
  s.cleanup();
});

test('a caller workflow runs actions/changelog from its dist, with checkout and artifacts, on a scratch repository', async () => {
  const yaml = `on: workflow_dispatch
jobs:
  notes:
    runs-on: ubuntu-latest
    outputs:
      notes: \${{ steps.changelog.outputs.notes }}
      bump: \${{ steps.changelog.outputs.recommended_bump }}
    steps:
      - id: checkout
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with: { ref: main, fetch-depth: 0, persist-credentials: false }
      - id: changelog
        uses: acme/release-actions/actions/changelog@v1
        with:
          include_prs: false
          version: 1.1.0
      - uses: actions/upload-artifact@330a01c490aca151604b8cf639adc76d48f6c5d4 # v5.0.0
        with:
          name: changelog
          path: \${{ steps.changelog.outputs.changelog_path }}
          if-no-files-found: error
  check:
    needs: notes
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@018cc2cf5baa6db3ef3c5f8a56943fffe632ef53 # v6.0.0
        with: { name: changelog, path: "\${{ runner.temp }}/changelog" }
      - env:
          NOTES: \${{ needs.notes.outputs.notes }}
          FILE: \${{ runner.temp }}/changelog/CHANGELOG.md
        run: |
          grep -q 'a new feature' "$FILE"
          printf '%s\\n' "$NOTES" | grep -q 'a new feature'
          printf '%s\\n' "$NOTES" | grep -qv 'a bug'
`;
  const log: string[] = [];
  const r = await runWorkflow({
    workflow: s.write('caller.yml', yaml),
    packageRoot: ROOT,
    repository: origin.repo.dir,
    runDir: join(s.dir, 'run'),
    env: gitEnv(),
    log: (l) => log.push(l),
  });
  const job = (id: string) => r.jobs.find((j) => j.id === id)!;
  expect(job('notes')).toMatchObject({ result: 'success', outputs: { bump: 'minor' } });
  expect(job('notes').outputs.notes).toContain('a new feature');
  expect(job('notes').steps.map((x) => x.conclusion)).toEqual(['success', 'success', 'success']);
  expect(job('check').result).toBe('success');
  expect(r.conclusion).toBe('success');
  expect(existsSync(join(r.runDir!, 'artifacts', 'changelog', 'CHANGELOG.md'))).toBe(true);
  expect(readFileSync(join(r.runDir!, 'artifacts', 'changelog', 'CHANGELOG.md'), 'utf8')).toMatch(/## \[1\.1\.0\]/);
  // The checkout is a clone of the remote at main, not the working copy.
  expect(
    log.some((l) => l.includes(`checkout: ${origin.remote.dir}`) || l.includes(`checkout: ${origin.remote.url}`)),
  ).toBe(true);
});
