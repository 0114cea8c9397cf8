/**
 * GitHub's attestations API: where `gh attestation verify` looks. An upload is checked first: a re-run after a
 * crash between signing and uploading signs again (a new certificate, a new Rekor entry), so the bundles differ,
 * but the attestation is the same one when GitHub already holds a bundle for the same subjects, predicate type
 * and build definition; then nothing is uploaded. What differs between attempts (the run attempt in the run
 * details) does not make a second attestation.
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { StageError } from '../util/errors.js';
import type { Statement } from './provenance.js';

/** The part of the GitHub client this needs (createGitHubClient's `rest`, or any Octokit). */
export interface AttestationClient {
  rest: {
    request(route: string, params: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
  };
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface StoredAttestation {
  bundle: SerializedBundle;
  repository_id?: number;
  bundle_url?: string;
}

export interface UploadResult {
  /** The new attestation's id; undefined when GitHub already had it. */
  id?: number;
  created: boolean;
}

/** The statement inside a bundle's DSSE envelope (unverified: for matching only). */
export function statementOf(bundle: SerializedBundle | undefined): Statement | undefined {
  const payload = (bundle as { dsseEnvelope?: { payload?: string } } | undefined)?.dsseEnvelope?.payload;
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Statement;
  } catch {
    return undefined;
  }
}

/** Same subjects, predicate type and build definition (the run details may differ between attempts). */
export function sameAttestation(a: Statement, b: Statement): boolean {
  const subjects = (s: Statement) =>
    s.subject
      .map((x) => `${x.name}\n${x.digest.sha256}`)
      .sort()
      .join('\n');
  const definition = (s: Statement) =>
    JSON.stringify((s.predicate as { buildDefinition?: unknown }).buildDefinition ?? s.predicate);
  return a.predicateType === b.predicateType && subjects(a) === subjects(b) && definition(a) === definition(b);
}

/** GitHub's refusal, with its HTTP status kept so a caller can tell a missing permission (403) from an outage. */
function apiFailure(what: string, e: unknown): StageError & { status?: number } {
  const err = e as { status?: number; message?: string };
  const hint =
    err.status === 403 || err.status === 404
      ? ' (the job needs `permissions: attestations: write`, and the repository must allow attestations)'
      : '';
  return Object.assign(
    new StageError(
      `${what} failed: GitHub answered ${err.status ?? 'no response'}: ${err.message ?? String(e)}${hint}`,
    ),
    { status: err.status },
  );
}

/** GET /repos/{owner}/{repo}/attestations/{subject_digest}: every attestation of a digest (all pages). */
export async function listAttestations(
  client: AttestationClient,
  repo: RepoRef,
  digest: string,
  predicateType?: string,
): Promise<StoredAttestation[]> {
  const subject = digest.startsWith('sha256:') ? digest : `sha256:${digest}`;
  const out: StoredAttestation[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    let res: { status: number; data: unknown; headers?: Record<string, string | undefined> };
    try {
      res = await client.rest.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
        owner: repo.owner,
        repo: repo.repo,
        subject_digest: subject,
        per_page: 100,
        ...(after ? { after } : {}),
        ...(predicateType ? { predicate_type: predicateType } : {}),
      });
    } catch (e) {
      if ((e as { status?: number }).status === 404) return out;
      throw apiFailure(`listing the attestations of ${subject} in ${repo.owner}/${repo.repo}`, e);
    }
    const list = (res.data as { attestations?: StoredAttestation[] }).attestations ?? [];
    out.push(...list);
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers?.link ?? '')?.[1];
    after = next ? (new URL(next).searchParams.get('after') ?? undefined) : undefined;
    if (!after || !list.length) break;
  }
  return out;
}

/**
 * POST /repos/{owner}/{repo}/attestations, unless GitHub already holds the same attestation for the statement's
 * first subject (every subject of one statement is stored under each digest, so one look is enough).
 */
export async function uploadAttestation(
  client: AttestationClient,
  repo: RepoRef,
  bundle: SerializedBundle,
): Promise<UploadResult> {
  const statement = statementOf(bundle);
  const first = statement?.subject?.[0]?.digest?.sha256;
  if (!statement || !first) throw new StageError('the bundle holds no in-toto statement with a sha256 subject');
  const existing = await listAttestations(client, repo, first);
  if (
    existing.some((a) => {
      const other = statementOf(a.bundle);
      return other !== undefined && sameAttestation(other, statement);
    })
  ) {
    return { created: false };
  }
  try {
    const res = await client.rest.request('POST /repos/{owner}/{repo}/attestations', {
      owner: repo.owner,
      repo: repo.repo,
      bundle,
    });
    return { id: (res.data as { id?: number }).id, created: true };
  } catch (e) {
    throw apiFailure(`uploading the attestation of ${statement.subject.map((s) => s.name).join(', ')}`, e);
  }
}
