/**
 * Moving tags back after a rollback (the release stage never moves them backwards; a rollback does, on request):
 * - npm: `npm dist-tag add <pkg>@<version> latest` with a temp userconfig under RUNNER_TEMP (the release stage's
 *   writeUserconfig: the token only in npm's environment, never on disk), removed after; then the registry is read back: done only when `latest`
 *   names the version.
 * - container image: `latest` is pointed at the restored version's manifest through the registry's HTTP API (the
 *   release stage's RegistryClient: the very manifest put under `latest`, no pull, no rebuild), then read back.
 */
import { join } from 'node:path';
import { StageError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { RegistryClient, type RegistryCredentials } from '../publish/docker.js';
import { redact } from '../publish/exec.js';
import { type Fetch, packageUrl, writeUserconfig } from '../publish/npm.js';
import { runProgram, tail } from './exec.js';
import { imageFor } from './workload-docker.js';

export async function npmDistTagLatest(o: {
  pkg: string;
  version: string;
  registry: string;
  token: string;
  tempDir: string;
  log: Logger;
  fetch?: Fetch;
}): Promise<{ previous?: string }> {
  const f = o.fetch ?? fetch;
  const latest = async (): Promise<string | undefined> => {
    const res = await f(packageUrl(o.registry, o.pkg), {
      headers: { accept: 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new StageError(`npm registry ${o.registry} answered HTTP ${res.status} for ${o.pkg}`);
    const doc = (await res.json()) as { 'dist-tags'?: Record<string, string>; versions?: Record<string, unknown> };
    if (!doc.versions?.[o.version])
      throw new StageError(`${o.pkg}@${o.version} is not in ${o.registry}: cannot move latest back to it`);
    return doc['dist-tags']?.latest;
  };
  const previous = await latest();
  if (previous === o.version) {
    o.log.info(`npm: ${o.pkg} latest is already ${o.version}`);
    return { previous };
  }
  const rc = writeUserconfig(o.tempDir, o.registry, o.token || undefined);
  try {
    const r = await runProgram(
      'npm',
      [
        'dist-tag',
        'add',
        `${o.pkg}@${o.version}`,
        'latest',
        '--registry',
        o.registry,
        '--userconfig',
        rc.path,
        '--cache',
        join(rc.path, '..', 'cache'),
        '--loglevel',
        'warn',
      ],
      {
        timeoutMs: 120_000,
        env: { npm_config_update_notifier: 'false', ...(o.token ? { NODE_AUTH_TOKEN: o.token } : {}) },
      },
    );
    if (r.code !== 0)
      throw new StageError(
        `npm dist-tag add ${o.pkg}@${o.version} latest failed (exit ${r.code}): ${redact(tail(r.output), [o.token])}`,
      );
  } finally {
    rc.dispose();
  }
  const now = await latest();
  if (now !== o.version)
    throw new StageError(
      `npm dist-tag add reported success but ${o.pkg} latest is ${now ?? 'unset'}, not ${o.version}`,
    );
  o.log.info(`npm: ${o.pkg} latest ${previous ?? '(unset)'} → ${o.version}`);
  return { previous };
}

/** `registry/app:1.4.0` (or a `{version}` template) → repository and tag. */
export function splitRef(ref: string): { repository: string; tag: string } {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon <= slash) return { repository: ref, tag: 'latest' };
  return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}

export async function dockerTagLatest(o: {
  image: string;
  version: string;
  credentials?: RegistryCredentials;
  log: Logger;
  fetch?: Fetch;
}): Promise<{ digest: string; previous?: string }> {
  const { repository, tag } = splitRef(imageFor(o.image, o.version));
  const client = new RegistryClient(o.fetch ?? fetch, o.credentials);
  const digest = await client.digest(repository, tag);
  if (!digest) throw new StageError(`${repository}:${tag} is not in the registry: cannot move latest back to it`);
  const previous = await client.digest(repository, 'latest');
  if (previous === digest) {
    o.log.info(`docker: ${repository}:latest is already ${tag} (${digest})`);
    return { digest, previous };
  }
  await client.tag(repository, digest, 'latest');
  const now = await client.digest(repository, 'latest');
  if (now !== digest)
    throw new StageError(`${repository}:latest is ${now ?? 'missing'} after the retag, not ${tag} (${digest})`);
  o.log.info(`docker: ${repository}:latest ${previous ?? '(none)'} → ${tag} (${digest})`);
  return { digest, previous };
}
