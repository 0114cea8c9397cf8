import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commit, createBareRemote, createRepo, describeWithService, git, requireService, tag, push } from './index.js';

const gitStatus = await requireService('git');

describeWithService(gitStatus, 'git services', () => {
  it('clones a bare remote, commits, tags and pushes with the real git CLI', async () => {
    const remote = await createBareRemote();
    const repo = await createRepo({
      remote,
      files: { 'package.json': '{"name":"x","version":"1.0.0"}\n' },
      commits: ['feat: first feature', { message: 'fix: a bug', files: { 'src/a.txt': 'a\n' } }],
    });
    const clone = await createRepo({ remote });
    try {
      expect(await repo.git('config', '--local', 'user.email')).toBe('author@example.test');
      const sha = await commit(repo, 'feat!: breaking', { 'src/a.txt': null, 'src/b.txt': 'b\n' });
      expect(await tag(repo, 'v2.0.0', { annotated: true, message: 'release 2.0.0' })).toBe(sha);
      expect(await tag(repo, 'light')).toBe(sha);
      await push(repo);
      expect(await git(remote.dir, ['cat-file', '-t', 'v2.0.0'])).toBe('tag');
      expect(await git(remote.dir, ['rev-parse', 'main'])).toBe(sha);

      expect(await clone.git('log', '--format=%s')).toBe('fix: a bug\nfeat: first feature\nchore: initial commit');
      await clone.git('pull', '--quiet', '--tags', 'origin', 'main');
      expect(await clone.git('describe', '--tags', '--abbrev=0', '--match', 'v*')).toBe('v2.0.0');
      expect(await readFile(join(clone.dir, 'src/b.txt'), 'utf8')).toBe('b\n');
      expect(remote.url).toMatch(/^file:\/\//);
    } finally {
      await Promise.all([repo.cleanup(), clone.cleanup(), remote.cleanup()]);
    }
  });

  it('creates a repo without remote, with dated commits', async () => {
    const repo = await createRepo({ commits: [{ message: 'chore: old', date: '2020-01-02T03:04:05Z' }] });
    try {
      expect(await repo.git('log', '-1', '--format=%cI %s')).toBe('2020-01-02T03:04:05+00:00 chore: old');
      expect(await repo.git('branch', '--show-current')).toBe('main');
    } finally {
      await repo.cleanup();
    }
  });
});
