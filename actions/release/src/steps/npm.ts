/**
 * npm: each public package packed once and published once (the registry is asked first: the same integrity
 * there is "already done", another a conflict), then verified in the registry; "published, not yet visible" is
 * reported apart from a failure. Packing runs without the token; publishing gets it (or an OIDC token) in npm's
 * environment only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverWorkspace, publishedManifest } from '@release-actions/shared/monorepo';
import { isNpmjs, npmPack, oidcPublishToken, publishNpm } from '@release-actions/shared/publish';
import type { ReleaseRecord } from '@release-actions/shared/status';
import type { PublishedItem, ReleasePlan, StepDeps } from '../types.js';
import type { NpmAuthPlan } from './preflight.js';

export async function npm(
  s: { plan: ReleasePlan; npmAuth: NpmAuthPlan },
  d: StepDeps,
): Promise<{ npmPublished: PublishedItem[]; unverified: number }> {
  const { plan } = s;
  const npmPublished: PublishedItem[] = [];
  let unverified = 0;
  for (const p of plan.npm) {
    await d.ledger.step(`npm:${p.name}`, async () => {
      const res = await publishPackage(p, s, d);
      const item: PublishedItem = {
        registry: 'npm',
        name: p.name,
        version: p.version ?? plan.version,
        url: res.url,
        digest_or_integrity: res.integrity,
        tags: [p.distTag],
      };
      npmPublished.push(item);
      if (res.state === 'unverified') unverified++;
      return { state: res.state, detail: res.integrity.slice(0, 24), extra: (rec) => upsertRegistry(rec, item) };
    });
  }
  return { npmPublished, unverified };
}

async function publishPackage(
  p: ReleasePlan['npm'][number],
  s: { plan: ReleasePlan; npmAuth: NpmAuthPlan },
  d: StepDeps,
) {
  const { cfg } = d;
  const { plan } = s;
  const packDir = mkdtempSync(join(d.runnerTemp, 'release-pack-'));
  try {
    const env: NodeJS.ProcessEnv = { ...d.env, npm_config_cache: join(d.runnerTemp, 'release-npm-cache') };
    delete env.NODE_AUTH_TOKEN;
    const pack = await packPublished(p.dir, d, () => npmPack(d.exec, 'npm', join(d.workspace, p.dir), packDir, env));
    let token = s.npmAuth.token;
    if (s.npmAuth.kind === 'oidc') {
      token = await oidcPublishToken(d.fetch, d.env, cfg.npmRegistryUrl, p.name);
      if (token) d.mask?.(token);
    }
    return await publishNpm({
      exec: d.exec,
      fetch: d.fetch,
      log: d.log,
      name: p.name,
      version: p.version ?? plan.version,
      pack,
      registryUrl: cfg.npmRegistryUrl,
      distTag: p.distTag,
      access: cfg.npmAccess,
      provenance: p.provenance,
      auth: { token, kind: s.npmAuth.kind },
      runnerTemp: d.runnerTemp,
      env,
      verifyTimeoutMs: cfg.verifyTimeoutMs,
      webUrl: isNpmjs(cfg.npmRegistryUrl)
        ? `https://www.npmjs.com/package/${p.name}/v/${p.version ?? plan.version}`
        : undefined,
    });
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

/**
 * Pack with `workspace:` ranges resolved as pnpm publishes them (npm would ship them as they are, uninstallable
 * outside the workspace); the manifest is put back right after.
 */
async function packPublished<T>(dir: string, d: StepDeps, pack: () => Promise<T>): Promise<T> {
  const file = join(d.workspace, dir, 'package.json');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('"workspace:')) return pack();
  const versions = new Map((await discoverWorkspace(d.workspace)).packages.map((w) => [w.name, w.version ?? '']));
  const published = publishedManifest(text, versions);
  if (published === undefined) return pack();
  writeFileSync(file, published);
  try {
    return await pack();
  } finally {
    writeFileSync(file, text);
  }
}

/** The package or image in the record's registries (replaced when a re-run publishes it again). */
export function upsertRegistry(rec: ReleaseRecord, p: PublishedItem): void {
  rec.registries ??= [];
  const i = rec.registries.findIndex((r) => r.registry === p.registry && r.name === p.name);
  const entry = { ...p };
  if (i >= 0) rec.registries[i] = entry;
  else rec.registries.push(entry);
}
