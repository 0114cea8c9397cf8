/**
 * The GitHub Release, found before it is created (drafts are invisible to get-by-tag, so the list is read), created
 * as a draft without automatic retries of the POST (a lost answer is followed by a look at the list, never by a
 * second POST that could create a duplicate), published once the registries are verified.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { GitHubClient } from '@release-actions/shared/github';
import { confinePath, errorMessage, type Logger, StageError } from '@release-actions/shared';

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

/** Upload the assets the release does not have yet (by name). */
export async function uploadAssets(gh: GitHubClient, repo: Repo, rel: ReleaseInfo, files: string[]): Promise<number> {
  let n = 0;
  for (const file of files) {
    const name = basename(file);
    if (rel.assets.includes(name)) continue;
    await gh.rest.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: rel.id,
      name,
      url: rel.uploadUrl,
      data: readFileSync(file) as unknown as string,
      headers: { 'content-type': 'application/octet-stream' },
    });
    n++;
  }
  return n;
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
