/**
 * The statement we sign: an in-toto Statement v1 whose predicate is SLSA Provenance v1, in the shape GitHub's
 * own `actions/attest-build-provenance` writes (build type `https://actions.github.io/buildtypes/workflow/v1`),
 * so `gh attestation verify` and policy engines read it like any GitHub-built artifact. Everything comes from the
 * context passed in (the GITHUB_* values, the OIDC token's claims): the domain never reads process.env.
 */
import { StageError } from '../util/errors.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
/** The payload type of a DSSE envelope holding an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface Subject {
  /** What a consumer sees: a file name, `pkg:npm/name@version`, or an image name. */
  name: string;
  digest: { sha256: string };
}

export interface ResolvedDependency {
  uri: string;
  digest: Record<string, string>;
  name?: string;
}

/** The build context (from the GITHUB_* variables and the OIDC token's claims) that the provenance records. */
export interface ProvenanceInput {
  /** GITHUB_SERVER_URL, e.g. https://github.com. */
  serverUrl: string;
  /** owner/repo of the source (GITHUB_REPOSITORY). */
  repository: string;
  repositoryId?: string;
  repositoryOwnerId?: string;
  /** The source commit (GITHUB_SHA) and ref (GITHUB_REF). */
  sha: string;
  ref: string;
  /**
   * The reusable workflow that builds: `owner/repo/.github/workflows/release.yml@refs/tags/v1` (the token's
   * `job_workflow_ref`). It is the builder id and the certificate identity a consumer checks.
   */
  builderWorkflowRef: string;
  /** The caller's workflow file (GITHUB_WORKFLOW_REF), recorded as the external parameter `workflow`. */
  workflowRef?: string;
  eventName: string;
  runId: string;
  runAttempt: string;
  /** `github-hosted` or `self-hosted` (RUNNER_ENVIRONMENT). */
  runnerEnvironment?: string;
  /** The inputs that shaped the build (strings, booleans, numbers; secrets never). */
  inputs?: Record<string, string | number | boolean>;
  /** Known inputs of the build beyond the source commit (lockfile, base images…). */
  resolvedDependencies?: ResolvedDependency[];
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: string;
  predicate: Record<string, unknown>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** `sha256:abc…` or `abc…` → `abc…`; throws on anything but 64 lowercase hex digits. */
export function sha256Hex(digest: string): string {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  if (!SHA256.test(hex))
    throw new StageError(`not a sha256 digest: ${JSON.stringify(digest)} (64 hex digits expected)`);
  return hex;
}

function required(input: ProvenanceInput, key: keyof ProvenanceInput): string {
  const v = input[key];
  if (typeof v !== 'string' || !v) throw new StageError(`provenance: ${key} is missing from the build context`);
  return v;
}

/** The workflow file path and ref of `owner/repo/path@ref`. */
function splitWorkflowRef(ref: string): { repository: string; path: string; ref: string } {
  const m = /^([^/]+\/[^/]+)\/(.+?)@(.+)$/.exec(ref);
  if (!m) throw new StageError(`provenance: workflow ref ${JSON.stringify(ref)} is not owner/repo/path@ref`);
  return { repository: m[1]!, path: m[2]!, ref: m[3]! };
}

export function buildStatement(subjects: Subject[], input: ProvenanceInput): Statement {
  if (!subjects.length) throw new StageError('provenance: no subject to attest');
  for (const s of subjects) {
    if (!s.name) throw new StageError('provenance: a subject has no name');
    sha256Hex(s.digest.sha256);
  }
  const server = required(input, 'serverUrl').replace(/\/$/, '');
  const repository = required(input, 'repository');
  const sha = required(input, 'sha');
  const ref = required(input, 'ref');
  const builder = required(input, 'builderWorkflowRef');
  splitWorkflowRef(builder);
  const caller = input.workflowRef ? splitWorkflowRef(input.workflowRef) : undefined;
  const github: Record<string, string> = { event_name: required(input, 'eventName') };
  if (input.repositoryId) github.repository_id = input.repositoryId;
  if (input.repositoryOwnerId) github.repository_owner_id = input.repositoryOwnerId;
  if (input.runnerEnvironment) github.runner_environment = input.runnerEnvironment;
  return {
    _type: STATEMENT_TYPE,
    subject: subjects.map((s) => ({ name: s.name, digest: { sha256: s.digest.sha256 } })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: {
          workflow: {
            ref: caller?.ref ?? ref,
            repository: `${server}/${caller?.repository ?? repository}`,
            path: caller?.path ?? '',
          },
          ...(input.inputs && Object.keys(input.inputs).length ? { inputs: input.inputs } : {}),
        },
        internalParameters: { github },
        resolvedDependencies: [
          { uri: `git+${server}/${repository}@${ref}`, digest: { gitCommit: sha } },
          ...(input.resolvedDependencies ?? []),
        ],
      },
      runDetails: {
        builder: { id: `${server}/${builder}` },
        metadata: {
          invocationId: `${server}/${repository}/actions/runs/${required(input, 'runId')}/attempts/${required(input, 'runAttempt')}`,
        },
      },
    },
  };
}
