/**
 * What the release attests, shared by its three attestation steps (steps/attest.ts signs, attest-upload.ts stores,
 * attest-verify.ts checks): the subjects (release assets by their bytes, npm tarballs as the registry serves them,
 * image manifests by digest), the statements (SLSA provenance for all of them; a CycloneDX one per SBOM, about
 * the artifact it describes), and the bundle files' names on the release.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  buildStatement,
  decodeIdTokenClaims,
  fileSubject,
  getIdToken,
  type GitHubIdTokenClaims,
  npmSubject,
  type ProvenanceInput,
  STATEMENT_TYPE,
  type Statement,
  type Subject,
} from '@release-actions/shared/attest';
import { CYCLONEDX_PREDICATE_TYPE } from '@release-actions/shared/sbom';
import type { PublishedItem, ReleasePlan, StepDeps } from './types.js';
import type { SbomFile } from './steps/sbom.js';

export interface Attestable {
  /** What the summary and errors call it: the file name, `npm:<name>@<version>`, `<image>@<digest>`. */
  label: string;
  kind: 'file' | 'npm' | 'image';
  subject: Subject;
  /** For `npm:`/`docker:` SBOM matching. */
  key: string;
  /** The release asset (kind file), the image (kind image). */
  path?: string;
  image?: string;
  digest?: string;
  name?: string;
  version?: string;
}

/** One statement to sign, and the release asset its bundle becomes. */
export interface PlannedStatement {
  bundleName: string;
  statement: Statement;
  /** The artifacts it is about. */
  about: Attestable[];
}

export async function collectSubjects(
  s: { plan: ReleasePlan; assetFiles: string[]; npmPublished: PublishedItem[]; dockerPublished: PublishedItem[] },
  d: StepDeps,
  npmToken?: string,
): Promise<Attestable[]> {
  const out: Attestable[] = [];
  for (const path of s.assetFiles) {
    const subject = await fileSubject(path);
    out.push({ label: basename(path), kind: 'file', subject, key: `file:${basename(path)}`, path });
  }
  for (const p of s.npmPublished) {
    // The tarball as the registry serves it (checked there against the registry's integrity), not the local pack.
    const { subject } = await npmSubject(d.fetch, d.cfg.npmRegistryUrl, p.name, p.version, npmToken);
    out.push({ label: `npm:${p.name}@${p.version}`, kind: 'npm', subject, key: `npm:${p.name}`, ...p });
  }
  for (const p of s.dockerPublished) {
    const digest = p.digest_or_integrity;
    out.push({
      label: `${p.name}@${digest}`,
      kind: 'image',
      subject: { name: p.name, digest: { sha256: digest.replace(/^sha256:/, '') } },
      key: `docker:${p.name}`,
      image: p.name,
      digest,
    });
  }
  return out;
}

export interface Identity {
  token: string;
  claims: GitHubIdTokenClaims;
  /** The certificate identity Fulcio gives this job: the server URL and the job's workflow ref. */
  san: string;
}

/** The job's OIDC token for Sigstore (masked), and what it says about the signing workflow. */
export async function jobIdentity(d: StepDeps): Promise<Identity> {
  const token = await getIdToken(
    {
      requestUrl: d.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: d.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      audience: 'sigstore',
    },
    d.fetch,
  );
  d.mask?.(token);
  const claims = decodeIdTokenClaims(token);
  const ref = claims.job_workflow_ref ?? claims.workflow_ref;
  if (!ref) throw new Error('the OIDC token names no workflow (no job_workflow_ref claim)');
  return { token, claims, san: `${d.serverUrl.replace(/\/$/, '')}/${ref}` };
}

function provenanceInput(id: Identity, commit: string, d: StepDeps): ProvenanceInput {
  const c = id.claims;
  return {
    serverUrl: d.serverUrl,
    repository: `${d.owner}/${d.repo}`,
    repositoryId: c.repository_id,
    repositoryOwnerId: c.repository_owner_id,
    sha: commit,
    ref: d.env.GITHUB_REF ?? c.ref ?? `refs/heads/${d.cfg.releaseBranch}`,
    builderWorkflowRef: (c.job_workflow_ref ?? c.workflow_ref) as string,
    workflowRef: d.env.GITHUB_WORKFLOW_REF ?? c.workflow_ref,
    eventName: d.env.GITHUB_EVENT_NAME ?? c.event_name ?? 'workflow_dispatch',
    runId: d.runId,
    runAttempt: String(d.runAttempt),
    runnerEnvironment: d.env.RUNNER_ENVIRONMENT ?? c.runner_environment,
    // The inputs that shape what is built and where it goes (never a secret).
    inputs: {
      version_bump: d.cfg.versionBump,
      release_mode: d.cfg.releaseMode,
      release_type: d.cfg.releaseType,
      publish_registries: d.cfg.registries.join(','),
      build_command: d.cfg.buildCommand,
      docker_context: d.cfg.dockerContext,
    },
  };
}

export function planStatements(
  subjects: Attestable[],
  sboms: SbomFile[],
  tag: string,
  id: Identity,
  commit: string,
  d: StepDeps,
): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  if (subjects.length) {
    out.push({
      bundleName: `provenance-${tag}.sigstore.json`,
      statement: buildStatement(
        subjects.map((x) => x.subject),
        provenanceInput(id, commit, d),
      ),
      about: subjects,
    });
  }
  for (const sb of sboms) {
    const target = subjects.find((x) => x.key === sb.subject);
    if (!target) continue;
    out.push({
      bundleName: `${basename(sb.path)}.sigstore.json`,
      statement: {
        _type: STATEMENT_TYPE,
        subject: [target.subject],
        predicateType: CYCLONEDX_PREDICATE_TYPE,
        predicate: JSON.parse(readFileSync(sb.path, 'utf8')) as Record<string, unknown>,
      },
      about: [target],
    });
  }
  return out;
}
