/**
 * The GitHub Release, found before it is created (drafts are invisible to get-by-tag, so the list is read), created
 * as a draft without automatic retries of the POST (a lost answer is followed by a look at the list, never by a
 * second POST that could create a duplicate), published once the registries are verified.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { GitHubClient } from '@release-actions/shared/github';
import { confinePath, errorMessage, type Logger, sha256File, sha256Bytes, StageError } from '@release-actions/shared';

export interface ReleaseInfo {
  id: number;
  url: string;
  draft: boolean;
  prerelease: boolean;
  tag: string;
  uploadUrl: string;
  assets: string[];
}

interface ApiRelease {
  id: number;
  html_url: string;
  draft: boolean;
  prerelease: boolean;
  tag_name: string;
  upload_url: string;
  assets?: { name: string }[];
}

const info = (r: ApiRelease): ReleaseInfo => ({
  id: r.id,
  url: r.html_url,
  draft: r.draft,
  prerelease: r.prerelease,
  tag: r.tag_name,
  uploadUrl: r.upload_url,
  assets: (r.assets ?? []).map((a) => a.name),
});

export interface Repo {
  owner: string;
  repo: string;
}

/** The release of a tag, drafts included (by id first when known). */
export async function findRelease(
  gh: GitHubClient,
  repo: Repo,
  tag: string,
  id?: number,
): Promise<ReleaseInfo | undefined> {
  if (id) {
    try {
      const r = await gh.rest.rest.repos.getRelease({ ...repo, release_id: id });
      if (r.data.tag_name === tag) return info(r.data as ApiRelease);
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
  }
  for (let page = 1; page <= 10; page++) {
    const r = await gh.rest.rest.repos.listReleases({ ...repo, per_page: 100, page });
    const hit = r.data.find((x) => x.tag_name === tag);
    if (hit) return info(hit as ApiRelease);
    if (r.data.length < 100) break;
  }
  return undefined;
}

export async function createDraft(
  gh: GitHubClient,
  repo: Repo,
  o: { tag: string; commit: string; name: string; body: string; prerelease: boolean; log: Logger },
): Promise<{ release: ReleaseInfo; created: boolean }> {
  const existing = await findRelease(gh, repo, o.tag);
  if (existing) return { release: existing, created: false };
  try {
    const r = await gh.rest.rest.repos.createRelease({
      ...repo,
      tag_name: o.tag,
      target_commitish: o.commit,
      name: o.name,
      body: o.body,
      draft: true,
      prerelease: o.prerelease,
      request: { retries: 0 },
    });
    return { release: info(r.data as ApiRelease), created: true };
  } catch (e) {
    // The answer may be lost while the release was made: look before anyone tries again.
    const after = await findRelease(gh, repo, o.tag).catch(() => undefined);
    if (after) {
      o.log.info(`GitHub Release for ${o.tag} exists after all (id ${after.id})`);
      return { release: after, created: true };
    }
    throw new StageError(`creating the GitHub Release for ${o.tag} failed: ${errorMessage(e)}`);
  }
}

export async function publishRelease(
  gh: GitHubClient,
  repo: Repo,
  rel: ReleaseInfo,
  o: { prerelease: boolean; makeLatest: boolean },
): Promise<{ release: ReleaseInfo; changed: boolean }> {
  if (!rel.draft) return { release: rel, changed: false };
  const r = await gh.rest.rest.repos.updateRelease({
    ...repo,
    release_id: rel.id,
    draft: false,
    prerelease: o.prerelease,
    make_latest: o.makeLatest ? 'true' : 'false',
  });
  return { release: info(r.data as ApiRelease), changed: true };
}

/** Files matching simple globs (`dist/*.tgz`, `out/app-linux`), relative to root; `*` within one path segment. */
export function expandAssetGlobs(root: string, globs: string[]): string[] {
  const out = new Set<string>();
  for (const g of globs) {
    const full = resolve(root, g);
    if (relative(resolve(root), full).startsWith('..')) throw new StageError(`asset ${g} is outside the workspace`);
    if (!g.includes('*')) {
      if (!statSync(full, { throwIfNoEntry: false })) throw new StageError(`asset ${g} does not exist`);
      // Real path, links followed: `dist/x.txt -> /proc/self/environ` is refused, never uploaded.
      out.add(confinePath(root, g, { input: 'assets' }));
      continue;
    }
    const dirRel = relative(resolve(root), dirname(full)) || '.';
    // The directory too: `out -> /elsewhere` would list files outside the checkout.
    const dir = statSync(dirname(full), { throwIfNoEntry: false })?.isDirectory()
      ? confinePath(root, dirRel, { input: 'assets', kind: 'dir' })
      : undefined;
    const re = new RegExp(
      `^${basename(full)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')}$`,
    );
    const hits = dir ? readdirSync(dir).filter((n) => re.test(n)) : [];
    // Every match is confined and must be a regular file: a link in the match is refused, not skipped.
    const files = hits
      .filter((n) => statSync(join(dir as string, n), { throwIfNoEntry: false })?.isFile() !== false)
      .map((n) => confinePath(root, join(dirRel, n), { input: 'assets' }));
    if (!files.length) throw new StageError(`asset pattern ${g} matches no file`);
    for (const f of files) out.add(f);
  }
  return [...out].sort();
}

interface ApiAsset {
  id: number;
  name: string;
  size: number;
  digest?: string | null;
}

async function listAssets(gh: GitHubClient, repo: Repo, rel: ReleaseInfo): Promise<ApiAsset[]> {
  const out: ApiAsset[] = [];
  for (let page = 1; page <= 10; page++) {
    const r = await gh.rest.rest.repos.listReleaseAssets({ ...repo, release_id: rel.id, per_page: 100, page });
    out.push(...(r.data as ApiAsset[]));
    if (r.data.length < 100) break;
  }
  return out;
}

/** GitHub's own message (and status) of a failed call, for errors that say what the API answered. */
function apiMessage(e: unknown): string {
  const status = (e as { status?: number }).status;
  return status ? `HTTP ${status}: ${errorMessage(e)}` : errorMessage(e);
}

/**
 * Upload the files the release does not have yet (by name, compared by digest). On a draft, an asset of the same
 * name with other bytes (a re-run's rebuild) is replaced: nobody can have downloaded it. On a published release
 * it is a conflict and nothing is overwritten (immutable releases refuse it anyway).
 */
export async function uploadAssets(
  gh: GitHubClient,
  repo: Repo,
  rel: ReleaseInfo,
  files: string[],
  log?: Logger,
): Promise<number> {
  if (!files.length) return 0;
  const existing = await listAssets(gh, repo, rel);
  let n = 0;
  for (const file of files) {
    const name = basename(file);
    const data = readFileSync(file);
    const digest = `sha256:${sha256Bytes(data)}`;
    const there = existing.find((a) => a.name === name);
    if (there && (there.digest === digest || (!there.digest && there.size === data.length))) continue;
    if (there) {
      if (!rel.draft) {
        throw new StageError(
          `asset ${name} is already on the published release ${rel.tag} with other content (${there.digest ?? `${there.size} bytes`}, the build made ${digest}); nothing was overwritten`,
        );
      }
      log?.warning(`asset ${name} on the draft ${rel.tag} is ${there.digest}, the build made ${digest}: replaced`);
      await gh.rest.rest.repos.deleteReleaseAsset({ ...repo, asset_id: there.id });
    }
    log?.info(`uploading ${name} (${data.length} bytes, ${digest})`);
    try {
      await gh.rest.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: rel.id,
        name,
        url: rel.uploadUrl,
        data: data as unknown as string,
        headers: { 'content-type': 'application/octet-stream' },
      });
    } catch (e) {
      throw new StageError(
        `uploading asset ${name} to the draft release ${rel.tag} failed (${apiMessage(e)}); the release stays a draft: re-run the job to finish`,
      );
    }
    n++;
  }
  return n;
}

/** An asset's bytes, through GitHub's download redirect (as `gh release download` gets them). */
async function downloadAsset(gh: GitHubClient, repo: Repo, id: number): Promise<Buffer> {
  const r = await gh.rest.rest.repos.getReleaseAsset({
    ...repo,
    asset_id: id,
    headers: { accept: 'application/octet-stream' },
  });
  return Buffer.from(r.data as unknown as ArrayBuffer);
}

/** The bytes of the release's asset `name`, or undefined when the release has none of that name. */
export async function downloadReleaseAsset(
  gh: GitHubClient,
  repo: Repo,
  rel: ReleaseInfo,
  name: string,
): Promise<Buffer | undefined> {
  const a = (await listAssets(gh, repo, rel)).find((x) => x.name === name);
  return a ? downloadAsset(gh, repo, a.id) : undefined;
}

export interface VerifiedAsset {
  name: string;
  sha256: string;
  size: number;
}

/**
 * Before a release goes public (after which an immutable release can never change): every file it must carry is
 * on it, and downloaded back it has the bytes that were built. Every problem is listed, naming the asset and the
 * check; the caller keeps the release a draft.
 */
export async function verifyReleaseAssets(
  gh: GitHubClient,
  repo: Repo,
  rel: ReleaseInfo,
  files: string[],
): Promise<VerifiedAsset[]> {
  const there = await listAssets(gh, repo, rel);
  const problems: string[] = [];
  const verified: VerifiedAsset[] = [];
  for (const file of files) {
    const name = basename(file);
    const want = sha256File(file);
    const a = there.find((x) => x.name === name);
    if (!a) {
      problems.push(`asset ${name} is not on the release (missing)`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await downloadAsset(gh, repo, a.id);
    } catch (e) {
      problems.push(`asset ${name} could not be downloaded back (${apiMessage(e)})`);
      continue;
    }
    const got = sha256Bytes(bytes);
    const size = bytes.length;
    if (got !== want) problems.push(`asset ${name} downloaded back has sha256 ${got}, the build made ${want} (digest)`);
    else verified.push({ name, sha256: got, size });
  }
  if (problems.length) {
    throw new StageError(
      `the draft release ${rel.tag} is not complete, so it stays a draft: ${problems.join('; ')}. Re-run the job to finish`,
    );
  }
  return verified;
}

/** GitHub refuses a release body longer than this (HTTP 422). */
export const RELEASE_BODY_LIMIT = 125_000;

/**
 * The notes as a release body: whole when they fit, else cut at a line boundary well under the limit (room for
 * the note and for characters GitHub counts wider) and ended with a link to the full CHANGELOG.md.
 */
export function fitReleaseBody(
  notes: string,
  changelogUrl: string,
  limit = RELEASE_BODY_LIMIT,
): { body: string; cut: boolean; keptLines: number } {
  if (notes.length <= limit) return { body: notes, cut: false, keptLines: notes.split('\n').length };
  const budget = Math.floor(limit * 0.9);
  const end = notes.lastIndexOf('\n', budget);
  const kept = notes.slice(0, end > 0 ? end : budget).replace(/\s+$/, '');
  const keptLines = kept.split('\n').length;
  const body = `${kept}\n\n---\n\n_These notes are cut to what a GitHub Release can hold (${keptLines} of ${notes.split('\n').length} lines). The full notes are in [CHANGELOG.md](${changelogUrl})._\n`;
  return { body, cut: true, keptLines };
}
