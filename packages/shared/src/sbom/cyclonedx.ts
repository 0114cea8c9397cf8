/**
 * A dependency closure as a CycloneDX 1.6 JSON document, through @cyclonedx/cyclonedx-library (loaded on first
 * use: only a release that makes SBOMs pays for it). No serial number and no timestamp: the same lockfile gives
 * the same bytes, so a re-run's SBOM is the asset already on the draft, not a second one.
 */
import { cjs } from '../util/cjs.js';
import type { DependencyClosure, LockedPackage } from './lockfile.js';

/** The media type GitHub and registries use for a CycloneDX JSON SBOM, and its predicate type in attestations. */
export const CYCLONEDX_MEDIA_TYPE = 'application/vnd.cyclonedx+json';
export const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';

/** `pkg:npm/%40scope/name@1.2.3` (the scope's @ percent-encoded, as the purl spec says). */
export function npmPurl(name: string, version: string): string {
  const encoded = name.startsWith('@') ? `%40${name.slice(1)}` : name;
  return `pkg:npm/${encoded}@${encodeURIComponent(version)}`;
}

/** `sha512-<base64>` → hex, the form CycloneDX hashes take. */
function integrityHash(integrity: string | undefined): { alg: string; hex: string } | undefined {
  const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(integrity?.split(/\s+/)[0] ?? '');
  if (!m) return undefined;
  const alg = { sha512: 'SHA-512', sha384: 'SHA-384', sha256: 'SHA-256', sha1: 'SHA-1' }[m[1] as 'sha512'];
  return { alg, hex: Buffer.from(m[2] as string, 'base64').toString('hex') };
}

function splitName(name: string): { group?: string; name: string } {
  const m = /^(@[^/]+)\/(.+)$/.exec(name);
  return m ? { group: m[1], name: m[2] as string } : { name };
}

export async function cycloneDxJson(closure: DependencyClosure, o: { tool?: string } = {}): Promise<string> {
  const { Models, Enums, Spec, Serialize } = cjs(await import('@cyclonedx/cyclonedx-library'));
  const bom = new Models.Bom();
  const ref = (p: string) => (p ? `npm:${p}` : 'root');
  const component = (name: string, version: string, bomRef: string, p?: LockedPackage) => {
    const n = splitName(name);
    const c = new Models.Component(Enums.ComponentType.Library, n.name, {
      ...(n.group ? { group: n.group } : {}),
      version,
      bomRef,
      purl: npmPurl(name, version),
    });
    const h = integrityHash(p?.integrity);
    if (h) c.hashes.set(h.alg as Parameters<typeof c.hashes.set>[0], h.hex);
    if (p?.license) c.licenses.add(new Models.LicenseExpression(p.license));
    if (p?.resolved && /^https?:/.test(p.resolved)) {
      c.externalReferences.add(new Models.ExternalReference(p.resolved, Enums.ExternalReferenceType.Distribution));
    }
    return c;
  };
  const root = component(closure.root.name, closure.root.version, ref(''));
  bom.metadata.component = root;
  if (o.tool) bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, o.tool));
  const byPath = new Map<string, InstanceType<typeof Models.Component>>();
  for (const p of closure.packages) {
    const c = component(p.name, p.version, ref(p.path), p);
    byPath.set(p.path, c);
    bom.components.add(c);
  }
  for (const d of closure.root.dependsOn) {
    const c = byPath.get(d);
    if (c) root.dependencies.add(c.bomRef);
  }
  for (const p of closure.packages) {
    const c = byPath.get(p.path)!;
    for (const d of p.dependsOn) {
      const dc = byPath.get(d);
      if (dc) c.dependencies.add(dc.bomRef);
    }
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}
