/**
 * The subjects attestations are about, digested from what a consumer actually gets: a file's bytes, the npm
 * tarball as the registry serves it (checked against the registry's own integrity), an image manifest fetched by
 * digest (checked against that digest). Names follow what GitHub's tools show: the file name, the package URL
 * `pkg:npm/name@version`, the image name without tag.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { RegistryClient } from '../publish/docker.js';
import { registryVersion, type Fetch } from '../publish/npm.js';
import { sha256Bytes } from '../util/digest.js';
import { StageError, errorMessage } from '../util/errors.js';
import type { ImageRef } from './oci.js';
import type { Subject } from './provenance.js';

export async function fileSubject(path: string, name = basename(path)): Promise<Subject> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (e) {
    throw new StageError(`cannot read ${path}: ${errorMessage(e)}`);
  }
  return { name, digest: { sha256: hash.digest('hex') } };
}

/** `pkg:npm/@scope/name@1.2.3`, the package URL npm's own provenance uses. */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.startsWith('@') ? `%40${name.slice(1)}` : name}@${version}`;
}

/** Downloads the version's tarball from the registry; its subject and bytes. */
export async function npmSubject(
  f: Fetch,
  registryUrl: string,
  name: string,
  version: string,
  token?: string,
): Promise<{ subject: Subject; tarball: Buffer }> {
  const v = await registryVersion(f, registryUrl, name, version, token);
  if (!v?.tarball) throw new StageError(`${name}@${version} is not on the npm registry ${registryUrl}`);
  const res = await f(v.tarball, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new StageError(`downloading ${v.tarball} failed: HTTP ${res.status}`);
  const tarball = Buffer.from(await res.arrayBuffer());
  if (v.integrity?.startsWith('sha512-')) {
    const got = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
    if (got !== v.integrity) {
      throw new StageError(
        `the tarball of ${name}@${version} does not match the registry's integrity ${v.integrity} (got ${got})`,
      );
    }
  }
  return { subject: { name: npmPurl(name, version), digest: { sha256: sha256Bytes(tarball) } }, tarball };
}

/** The image manifest fetched by digest, its bytes checked against that digest. */
export async function imageSubject(registry: RegistryClient, ref: ImageRef): Promise<Subject> {
  const m = await registry.manifest(ref.image, ref.digest);
  if (!m) throw new StageError(`${ref.image}@${ref.digest} is not in the registry`);
  const got = `sha256:${sha256Bytes(m.body)}`;
  if (got !== ref.digest) throw new StageError(`the registry served ${got} for ${ref.image}@${ref.digest}`);
  return { name: ref.image, digest: { sha256: got.slice('sha256:'.length) } };
}
