/**
 * The trust anchors a verification starts from: Fulcio's CA certificates, the transparency logs' and CT logs'
 * keys, the timestamp authorities. By default the public Sigstore trusted root, fetched and checked through
 * Sigstore's TUF repository (@sigstore/tuf); or a `trusted_root.json` given as a file or an http(s) URL (GitHub's
 * own instance, a private deployment, the tests' local stack). TUF is the only way the default root is trusted:
 * a root from a file or URL is trusted because the caller named it.
 */
import { readFile } from 'node:fs/promises';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { StageError, errorMessage } from '../util/errors.js';
import type { Fetch } from '../publish/npm.js';
import { cjs } from '../util/cjs.js';

export type { TrustedRoot };

export type TrustedRootSource =
  /** The public Sigstore root through TUF; `mirrorUrl`/`rootPath` point at another TUF repository. */
  | { tuf: true; mirrorUrl?: string; rootPath?: string; cachePath?: string }
  /** A trusted_root.json file or http(s) URL. */
  | { location: string }
  /** The root itself (JSON as in trusted_root.json). */
  | { json: unknown };

export async function loadTrustedRoot(source: TrustedRootSource, f: Fetch = fetch): Promise<TrustedRoot> {
  const { TrustedRoot } = cjs(await import('@sigstore/protobuf-specs'));
  if ('json' in source) return parse(TrustedRoot, source.json, 'the given trusted root');
  if ('location' in source) {
    const where = source.location;
    let text: string;
    if (/^https?:\/\//.test(where)) {
      let res: Response;
      try {
        res = await f(where, { signal: AbortSignal.timeout(30_000) });
      } catch (e) {
        throw new StageError(`trusted root ${where} is not reachable: ${errorMessage(e)}`);
      }
      if (!res.ok) throw new StageError(`trusted root ${where}: HTTP ${res.status}`);
      text = await res.text();
    } else {
      try {
        text = await readFile(where, 'utf8');
      } catch (e) {
        throw new StageError(`trusted root file ${where} cannot be read: ${errorMessage(e)}`);
      }
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StageError(`trusted root ${where} is not JSON (a Sigstore trusted_root.json is expected)`);
    }
    return parse(TrustedRoot, json, `trusted root ${where}`);
  }
  const { getTrustedRoot } = cjs(await import('@sigstore/tuf'));
  try {
    return await getTrustedRoot({
      ...(source.mirrorUrl ? { mirrorURL: source.mirrorUrl } : {}),
      ...(source.rootPath ? { rootPath: source.rootPath } : {}),
      ...(source.cachePath ? { cachePath: source.cachePath } : {}),
    });
  } catch (e) {
    throw new StageError(
      `the Sigstore trusted root could not be fetched through TUF (${source.mirrorUrl ?? 'the public mirror'}): ${errorMessage(e)}; give one with --trusted-root <file|url>`,
    );
  }
}

function parse(T: { fromJSON(o: unknown): TrustedRoot }, json: unknown, what: string): TrustedRoot {
  const root = T.fromJSON(json);
  if (!root.certificateAuthorities.length && !root.tlogs.length && !root.timestampAuthorities.length) {
    throw new StageError(`${what} names no certificate authority, log or timestamp authority`);
  }
  return root;
}
