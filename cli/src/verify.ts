/**
 * `release-actions verify --subject <file | image@digest | npm:name@version>`: a consumer's check of a released
 * artifact. It downloads what it must (the npm tarball from the registry, the image manifest by digest), finds
 * the attestations (a --bundle file, the image's OCI referrers, GitHub's attestations API for --repository) and
 * verifies them against the expected signer (--workflow, or any workflow of --repository) and the Sigstore
 * trusted root (public, through TUF, unless --trusted-root names one). Exit 0 verified, 1 not (the message says
 * which artifact and which check), 2 usage.
 */
import { resolve } from 'node:path';
import {
  expectedIdentity,
  GITHUB_ACTIONS_ISSUER,
  loadTrustedRoot,
  parseSubjectSpec,
  verifyArtifact,
} from '@release-actions/shared/attest';
import { createGitHubClient } from '@release-actions/shared/github';
import { dockerConfigCredentials } from '@release-actions/shared/publish';
import { escapeLogText } from '@release-actions/shared';
import { parseFlags, UsageError } from './args.js';
import type { CliIo } from './cli.js';

export const VERIFY_FLAGS = {
  subject: {
    kind: 'string',
    arg: 'file | image@sha256:… | npm:name@version',
    description:
      'The artifact to check: a file, an image by digest (a private registry: the login in $DOCKER_CONFIG or ~/.docker/config.json), or an npm package version.',
  },
  repository: {
    kind: 'string',
    arg: 'owner/repo',
    description:
      'Where the attestations are stored on GitHub (GET /repos/{owner}/{repo}/attestations; token from $GITHUB_TOKEN or $GH_TOKEN, API from $GITHUB_API_URL). Without --workflow, any workflow of this repository is accepted as the signer.',
  },
  workflow: {
    kind: 'string',
    arg: 'owner/repo/.github/workflows/file.yml[@ref]',
    description:
      'The signer to expect: the reusable workflow that built the release (the certificate identity). Without @ref, any ref of it.',
  },
  bundle: { kind: 'string', arg: 'file', description: 'A Sigstore bundle (JSON) to verify instead of looking one up.' },
  trusted_root: {
    kind: 'string',
    arg: 'file | url',
    description:
      "A Sigstore trusted_root.json (GitHub's own instance, a private one). Default: the public Sigstore root through TUF.",
  },
  registry: {
    kind: 'string',
    arg: 'url',
    description: 'The npm registry an npm: subject is downloaded from ($NODE_AUTH_TOKEN for a private one).',
    default: 'https://registry.npmjs.org/',
  },
  issuer: {
    kind: 'string',
    arg: 'url',
    description: 'The OIDC issuer the certificate must name.',
    default: GITHUB_ACTIONS_ISSUER,
  },
} as const;

export function verifyHelp(): string {
  const flags = Object.entries(VERIFY_FLAGS)
    .map(
      ([n, f]) =>
        `  --${n.replace(/_/g, '-')} <${f.arg}>${'default' in f ? `   (default: ${f.default})` : ''}\n      ${f.description}`,
    )
    .join('\n');
  return `release-actions verify — check a released artifact's signed provenance (Sigstore bundle, SLSA v1)

Usage: release-actions verify --subject <file | image@sha256:… | npm:name@version>
         [--repository owner/repo] [--workflow <ref>] [--bundle <file>] [--trusted-root <file|url>] [--registry <url>]

${flags}

Exit code: 0 verified; 1 unattested, tampered or signed by another workflow (the message says which check failed);
2 usage error.
`;
}

/** Runs `verify`; usage errors are reported here (exit 2): this file is a bundle of its own, with its own UsageError. */
export async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    return await verify(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`release-actions: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function verify(argv: string[], io: CliIo): Promise<number> {
  const { values, help } = parseFlags(argv, VERIFY_FLAGS, 'verify');
  if (help) {
    io.out(verifyHelp());
    return 0;
  }
  if (!values.subject)
    throw new UsageError('verify: --subject is required (a file, image@sha256:…, or npm:name@version)');
  if (!values.bundle && !values.repository && !/@sha256:/.test(values.subject)) {
    throw new UsageError('verify: say where the attestation is: --repository owner/repo (GitHub) or --bundle <file>');
  }
  let repository: { owner: string; repo: string } | undefined;
  if (values.repository) {
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(values.repository);
    if (!m) throw new UsageError(`verify: --repository ${JSON.stringify(values.repository)}: expected owner/repo`);
    repository = { owner: m[1]!, repo: m[2]! };
  }
  const serverUrl = io.env.GITHUB_SERVER_URL || 'https://github.com';
  let san: string | RegExp;
  try {
    san = expectedIdentity({ workflow: values.workflow, repository: values.repository, serverUrl });
  } catch (e) {
    throw new UsageError(`verify: ${(e as Error).message}`);
  }
  const subject = parseSubjectSpec(values.subject);
  if (subject.kind === 'file') subject.path = resolve(io.cwd, subject.path);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  const trustedRoot = await loadTrustedRoot(
    values.trusted_root
      ? {
          location: /^https?:\/\//.test(values.trusted_root)
            ? values.trusted_root
            : resolve(io.cwd, values.trusted_root),
        }
      : { tuf: true },
  );
  const started = performance.now();
  const result = await verifyArtifact({
    subject,
    bundlePath: values.bundle ? resolve(io.cwd, values.bundle) : undefined,
    repository,
    github:
      repository && !values.bundle
        ? createGitHubClient({ token: token ?? '', apiUrl: io.env.GITHUB_API_URL || undefined, retries: 2 })
        : undefined,
    san,
    issuer: values.issuer ?? VERIFY_FLAGS.issuer.default,
    trustedRoot,
    npmRegistry: values.registry ?? VERIFY_FLAGS.registry.default,
    npmToken: io.env.NODE_AUTH_TOKEN || undefined,
    // A private registry: the login `docker login` stored ($DOCKER_CONFIG or ~/.docker/config.json).
    registryCredentials: subject.kind === 'image' ? dockerConfigCredentials(io.env, [subject.image]) : undefined,
  });
  const statement = result.attestation.statement;
  const builder = (statement.predicate as { runDetails?: { builder?: { id?: string } } }).runDetails?.builder?.id;
  io.out(
    [
      `verified: ${escapeLogText(result.subject.name)} (sha256:${result.subject.digest.sha256})`,
      `  signed by: ${escapeLogText(result.attestation.san)} (issuer ${escapeLogText(result.attestation.issuer)})`,
      `  predicate: ${escapeLogText(statement.predicateType)}${builder ? `, builder ${escapeLogText(builder)}` : ''}`,
      `  bundle: ${escapeLogText(result.source)} (${result.bundlesFound} found; ${Math.round(performance.now() - started)} ms)`,
      '',
    ].join('\n'),
  );
  return 0;
}
