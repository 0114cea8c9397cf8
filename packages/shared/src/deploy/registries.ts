/** Moving tags back after a rollback: npm `latest` dist-tag, image `latest`. Credentials only in temp files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { runProgram, tail } from './exec.js';
import { imageFor } from './workload-docker.js';

export async function npmDistTagLatest(o: {
  pkg: string;
  version: string;
  registry: string;
  token: string;
  tempDir: string;
  log: Logger;
}): Promise<void> {
  const dir = mkdtempSync(join(o.tempDir, 'ra-npmrc-'));
  try {
    const reg = new URL(o.registry);
    const userconfig = join(dir, '.npmrc');
    writeFileSync(
      userconfig,
      `registry=${o.registry}\n${o.token ? `//${reg.host}${reg.pathname}:_authToken=${o.token}\n` : ''}`,
      { mode: 0o600 },
    );
    const r = await runProgram(
      'npm',
      ['dist-tag', 'add', `${o.pkg}@${o.version}`, 'latest', '--registry', o.registry, '--userconfig', userconfig],
      { timeoutMs: 120_000 },
    );
    if (r.code !== 0) throw new StageError(`npm dist-tag add ${o.pkg}@${o.version} latest failed: ${tail(r.output)}`);
    o.log.info(`npm: ${o.pkg} latest → ${o.version}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function dockerTagLatest(o: { image: string; version: string; log: Logger }): Promise<void> {
  const src = imageFor(o.image, o.version);
  const repo = o.image.replace(/:\{version\}$/, '').replace(/\{version\}/g, '');
  const dst = `${repo}:latest`;
  for (const args of [
    ['pull', src],
    ['tag', src, dst],
    ['push', dst],
  ]) {
    const r = await runProgram('docker', args, { timeoutMs: 300_000 });
    if (r.code !== 0) throw new StageError(`docker ${args.join(' ')} failed: ${tail(r.output)}`);
  }
  o.log.info(`docker: ${dst} → ${src}`);
}
