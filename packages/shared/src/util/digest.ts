/** Content digests, as registries, GitHub (asset `digest`) and in-toto subjects spell them: hex sha256. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sha256Bytes(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The file is read whole: release assets, SBOMs and bundles are small enough, and read once. */
export function sha256File(path: string): string {
  return sha256Bytes(readFileSync(path));
}
