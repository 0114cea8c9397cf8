/**
 * sbom/: software bills of materials, CycloneDX JSON, made offline from an npm lockfile.
 * - lockfile.ts: the runtime dependency closure of one package (or a workspace's package) in package-lock.json.
 * - cyclonedx.ts: that closure as a CycloneDX 1.6 document (@cyclonedx/cyclonedx-library), byte-for-byte
 *   reproducible so a re-run makes the same file (and the same release asset).
 */
export * from './lockfile.js';
export * from './cyclonedx.js';
