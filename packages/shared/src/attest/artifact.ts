/**
 * Verifying a published artifact end to end, as a consumer (the CLI's `verify`) or the release before it
 * publishes: get the artifact as users get it (a file, the npm tarball from the registry, the image manifest by
 * digest), find its bundles (a given file, the image's OCI referrers, GitHub's attestations API), and accept it
 * when one bundle verifies against the expected workflow identity and the artifact's digest. Otherwise the error
 * says, per bundle, which check failed; with no bundle at all, where it looked.
 */
import { readFile } from 'node:fs/promises';
import type { SerializedBundle } from '@sigstore/bundle';
import { RegistryClient, type RegistryCredentials } from '../publish/docker.js';
import type { Fetch } from '../publish/npm.js';
import { StageError, errorMessage } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import { listAttestations, type AttestationClient, type RepoRef } from './github.js';
import { findReferrers, parseImageRef } from './oci.js';
import type { Subject } from './provenance.js';
import { fileSubject, imageSubject, npmSubject } from './subject.js';
import type { TrustedRoot } from './trusted-root.js';
import { GITHUB_ACTIONS_ISSUER, verifyBundle, type VerifiedAttestation } from './verify.js';

export type SubjectSpec =
  | { kind: 'file'; path: string }
  | { kind: 'npm'; name: string; version: string }
  | { kind: 'image'; image: string; digest: string };

/** `npm:name@version`, `host/name@sha256:…`, or a file path. */
export function parseSubjectSpec(spec: string): SubjectSpec {
  if (spec.startsWith('npm:')) {
    const rest = spec.slice(4);
    const at = rest.lastIndexOf('@');
    if (at <= 0 || at === rest.length - 1) {
      throw new StageError(
        `--subject ${JSON.stringify(spec)}: expected npm:<name>@<version>, e.g. npm:@acme/widget@1.2.0`,
      );
    }
    return { kind: 'npm', name: rest.slice(0, at), version: rest.slice(at + 1) };
  }
  if (/@sha256:/.test(spec)) return { kind: 'image', ...parseImageRef(spec) };
  return { kind: 'file', path: spec };
}

/** The certificate identity to expect from `--workflow` / `--repository`. */
export function expectedIdentity(o: { workflow?: string; repository?: string; serverUrl?: string }): string | RegExp {
  const server = (o.serverUrl ?? 'https://github.com').replace(/\/$/, '');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (o.workflow) {
    const full = /^https?:\/\//.test(o.workflow) ? o.workflow : `${server}/${o.workflow.replace(/^\//, '')}`;
    // Without @ref any ref of that workflow is accepted; with one, exactly it.
    return full.includes('@') ? full : new RegExp(`^${escape(full)}@`);
  }
  if (o.repository) return new RegExp(`^${escape(`${server}/${o.repository}/`)}`);
  throw new StageError(
    'say whose signature to expect: --workflow owner/repo/.github/workflows/release.yml[@ref] or --repository owner/repo',
  );
}

export interface VerifyArtifactOptions {
  subject: SubjectSpec;
  /** A bundle file to verify (otherwise the bundles are looked up). */
  bundlePath?: string;
  /** Where to look up attestations on GitHub (with `github`). */
  repository?: RepoRef;
  github?: AttestationClient;
  san: string | RegExp;
  issuer?: string;
  trustedRoot: TrustedRoot;
  requireTlog?: boolean;
  /** npm registry for `npm:` subjects. */
  npmRegistry?: string;
  npmToken?: string;
  registryCredentials?: RegistryCredentials;
  fetch?: Fetch;
}

export interface VerifiedArtifact {
  subject: Subject;
  /** Where the bundle that verified came from. */
  source: string;
  attestation: VerifiedAttestation;
  /** Bundles found (including any that did not verify). */
  bundlesFound: number;
}

export async function verifyArtifact(o: VerifyArtifactOptions): Promise<VerifiedArtifact> {
  const f = o.fetch ?? fetch;
  const registry = new RegistryClient(f, o.registryCredentials);
  let subject: Subject;
  const spec = o.subject;
  if (spec.kind === 'file') subject = await fileSubject(spec.path);
  else if (spec.kind === 'npm') {
    if (!o.npmRegistry) throw new StageError('an npm: subject needs --registry <npm registry URL>');
    subject = (await npmSubject(f, o.npmRegistry, spec.name, spec.version, o.npmToken)).subject;
  } else subject = await imageSubject(registry, spec);

  const candidates: { source: string; bundle: unknown }[] = [];
  const looked: string[] = [];
  if (o.bundlePath) {
    looked.push(o.bundlePath);
    let text: string;
    try {
      text = await readFile(o.bundlePath, 'utf8');
    } catch (e) {
      throw new StageError(`cannot read the bundle ${o.bundlePath}: ${errorMessage(e)}`);
    }
    try {
      candidates.push({ source: o.bundlePath, bundle: JSON.parse(text) });
    } catch {
      throw new StageError(`${o.bundlePath} is not JSON (a Sigstore bundle is expected)`);
    }
  } else {
    if (spec.kind === 'image') {
      looked.push(`OCI referrers of ${spec.image}@${spec.digest}`);
      for (const r of await findReferrers(registry, spec)) {
        candidates.push({ source: `${spec.image}@${r.digest} (OCI referrer)`, bundle: r.bundle });
      }
    }
    if (o.github && o.repository) {
      const where = `GitHub attestations of ${o.repository.owner}/${o.repository.repo}`;
      looked.push(where);
      for (const a of await listAttestations(o.github, o.repository, subject.digest.sha256)) {
        candidates.push({ source: where, bundle: a.bundle as SerializedBundle });
      }
    }
  }
  const digest = `sha256:${subject.digest.sha256}`;
  if (!candidates.length) {
    throw new StageError(
      `${subject.name} (${digest}) is not attested: no attestation found in ${looked.join(', ') || 'nowhere (give --bundle, --repository, or an image reference)'}`,
    );
  }
  const failures: string[] = [];
  for (const c of candidates) {
    try {
      const attestation = await verifyBundle({
        bundle: c.bundle,
        subjectDigest: digest,
        expected: { san: o.san, issuer: o.issuer ?? GITHUB_ACTIONS_ISSUER },
        trustedRoot: o.trustedRoot,
        requireTlog: o.requireTlog,
      });
      return { subject, source: c.source, attestation, bundlesFound: candidates.length };
    } catch (e) {
      failures.push(escapeLogText(`${c.source}: ${errorMessage(e)}`));
    }
  }
  throw new StageError(
    `${subject.name} (${digest}): none of ${candidates.length} attestation(s) verified:\n${failures.map((l) => `  - ${l}`).join('\n')}`,
  );
}
