/**
 * A bundle stored beside the image it attests, as an OCI referrer of the image digest, in the layout cosign
 * (`--new-bundle-format`), sigstore-go and GitHub's `actions/attest` (push-to-registry) use: an image manifest
 * with artifactType `application/vnd.dev.sigstore.bundle.v0.3+json`, the empty config, the bundle as its one
 * layer, `subject` = the image. Registries with the OCI 1.1 referrers API index it themselves; for those without
 * (Debian's docker-registry, distribution 2.8) the manifest is also listed in the fallback the OCI 1.1
 * distribution spec defines: an image index under the tag `sha256-<hex of the image digest>`.
 */
import { createHash } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { RegistryClient } from '../publish/docker.js';
import { StageError } from '../util/errors.js';
import { sameAttestation, statementOf } from './github.js';
import { sha256Hex } from './provenance.js';

export const BUNDLE_ARTIFACT_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface ImageRef {
  /** host/repository, e.g. 127.0.0.1:5000/acme/widget */
  image: string;
  digest: string;
}

/** `host/name@sha256:…` → image and digest (a tag is not enough: attestations are of a digest). */
export function parseImageRef(ref: string): ImageRef {
  const at = ref.lastIndexOf('@');
  if (at < 0) throw new StageError(`image ${JSON.stringify(ref)} has no digest: give it as name@sha256:<64 hex>`);
  const digest = ref.slice(at + 1);
  sha256Hex(digest);
  if (!digest.startsWith('sha256:'))
    throw new StageError(`image ${JSON.stringify(ref)}: the digest must start with sha256:`);
  return { image: ref.slice(0, at), digest };
}

export interface StoredReferrer {
  /** The referrer manifest's digest. */
  digest: string;
  bundle: SerializedBundle;
}

/** The image's own manifest descriptor (media type and size), which the referrer names as its subject. */
async function subjectDescriptor(registry: RegistryClient, ref: ImageRef): Promise<Descriptor> {
  const m = await registry.manifest(ref.image, ref.digest);
  if (!m) throw new StageError(`${ref.image}@${ref.digest} is not in the registry`);
  return { mediaType: m.mediaType.split(';')[0]!.trim(), digest: ref.digest, size: m.body.length };
}

const tagOf = (digest: string) => `sha256-${sha256Hex(digest)}`;

/** The referrer descriptors of a digest: the referrers API where there is one, else the fallback tag. */
async function referrerDescriptors(registry: RegistryClient, ref: ImageRef): Promise<Descriptor[]> {
  const index = await registry.referrers(ref.image, ref.digest);
  if (index) return (index.manifests ?? []) as Descriptor[];
  const tagged = await registry.manifest(ref.image, tagOf(ref.digest));
  if (!tagged) return [];
  return ((JSON.parse(tagged.body.toString('utf8')) as { manifests?: Descriptor[] }).manifests ?? []).slice();
}

/** Every Sigstore bundle stored as a referrer of the image digest. */
export async function findReferrers(registry: RegistryClient, ref: ImageRef): Promise<StoredReferrer[]> {
  const out: StoredReferrer[] = [];
  for (const d of await referrerDescriptors(registry, ref)) {
    if (d.artifactType !== BUNDLE_ARTIFACT_TYPE) continue;
    const m = await registry.manifest(ref.image, d.digest);
    if (!m) continue;
    const manifest = JSON.parse(m.body.toString('utf8')) as { layers?: Descriptor[]; subject?: Descriptor };
    if (manifest.subject?.digest !== ref.digest) continue;
    const layer = manifest.layers?.find((l) => l.mediaType === BUNDLE_ARTIFACT_TYPE);
    if (!layer) continue;
    const blob = await registry.blob(ref.image, layer.digest);
    if (!blob) continue;
    try {
      out.push({ digest: d.digest, bundle: JSON.parse(blob.toString('utf8')) as SerializedBundle });
    } catch {
      // A layer that is not JSON is not a bundle we can use; verification reports "no attestation".
    }
  }
  return out;
}

export interface PushReferrerResult {
  /** The referrer manifest's digest. */
  digest: string;
  created: boolean;
  /** How it can be found: the registry's referrers API, or the `sha256-<hex>` fallback tag. */
  via: 'referrers-api' | 'tag-schema';
}

/** Pushes `bundle` as a referrer of the image, unless the same attestation is there already (a re-run). */
export async function pushReferrer(
  registry: RegistryClient,
  ref: ImageRef,
  bundle: SerializedBundle,
  now: () => Date = () => new Date(),
): Promise<PushReferrerResult> {
  const statement = statementOf(bundle);
  if (!statement) throw new StageError('the bundle holds no in-toto statement');
  const existing = (await findReferrers(registry, ref)).find((r) => {
    const other = statementOf(r.bundle);
    return other !== undefined && sameAttestation(other, statement);
  });
  const api = (await registry.referrers(ref.image, ref.digest)) !== undefined;
  if (existing) return { digest: existing.digest, created: false, via: api ? 'referrers-api' : 'tag-schema' };

  const subject = await subjectDescriptor(registry, ref);
  const layerBytes = Buffer.from(JSON.stringify(bundle));
  const configBytes = Buffer.from('{}');
  const [layerDigest, configDigest] = [
    await registry.putBlob(ref.image, layerBytes),
    await registry.putBlob(ref.image, configBytes),
  ];
  const annotations = {
    'dev.sigstore.bundle.content': 'dsse-envelope',
    'dev.sigstore.bundle.predicateType': statement.predicateType,
    'org.opencontainers.image.created': now().toISOString(),
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE_ARTIFACT_TYPE,
      config: { mediaType: EMPTY_CONFIG, digest: configDigest, size: configBytes.length },
      layers: [{ mediaType: BUNDLE_ARTIFACT_TYPE, digest: layerDigest, size: layerBytes.length }],
      subject,
      annotations,
    }),
  );
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  await registry.putManifest(ref.image, digest, manifest, OCI_MANIFEST);
  if (api) return { digest, created: true, via: 'referrers-api' };

  // No referrers API: add the manifest to the fallback index (read, append, put; a lost race drops an entry
  // that a re-run adds back, since the re-run looks for it first).
  const tag = tagOf(ref.digest);
  const current = await registry.manifest(ref.image, tag);
  const index = current
    ? (JSON.parse(current.body.toString('utf8')) as { manifests?: Descriptor[] })
    : { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] as Descriptor[] };
  const manifests = (index.manifests ?? []).filter((d) => d.digest !== digest);
  manifests.push({
    mediaType: OCI_MANIFEST,
    digest,
    size: manifest.length,
    artifactType: BUNDLE_ARTIFACT_TYPE,
    annotations,
  });
  await registry.putManifest(
    ref.image,
    tag,
    Buffer.from(JSON.stringify({ ...index, schemaVersion: 2, mediaType: OCI_INDEX, manifests })),
    OCI_INDEX,
  );
  return { digest, created: true, via: 'tag-schema' };
}
