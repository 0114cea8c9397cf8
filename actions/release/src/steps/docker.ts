/**
 * Container images: built once (OCI labels name the release commit and version), the version tag pushed with the
 * docker CLI and read back from the registry, the moving tags set through the registry's API. An image already
 * there with our labels is "already done"; with other labels it is a conflict. Credentials are given to docker in
 * a config of its own, removed on every way out (publish/ writes it).
 */
import { dockerBuild, dockerPush, ociLabels, splitImage, writeDockerConfig } from '@release-actions/shared/publish';
import type { StepState } from '@release-actions/shared/status';
import { StageError } from '@release-actions/shared';
import type { PublishedItem, ReleasePlan, StepDeps } from '../types.js';
import { upsertRegistry } from './npm.js';
import type { DockerTarget } from './preflight.js';

type Image = ReleasePlan['docker'][number];

export async function docker(
  s: { plan: ReleasePlan; commit: string; docker?: DockerTarget },
  d: StepDeps,
): Promise<{ dockerPublished: PublishedItem[] }> {
  const { plan } = s;
  const target = s.docker;
  const dockerPublished: PublishedItem[] = [];
  if (!target || !plan.docker.length) return { dockerPublished };
  const localTag = `release-actions-local/${d.repo.toLowerCase()}:${plan.version}-${d.runId}`;
  const build = { localTag, built: false };
  for (const img of plan.docker) {
    await d.ledger.step(`docker:${img.image}`, async () => {
      const res = await publishImage(img, s, target, build, d);
      const item: PublishedItem = {
        registry: 'docker',
        name: img.image,
        version: plan.version,
        url: `${img.image}:${plan.version}`,
        digest_or_integrity: res.digest,
        tags: img.tags,
      };
      dockerPublished.push(item);
      return {
        state: res.state,
        detail: `${res.digest.slice(0, 19)} ${img.tags.join(',')}`,
        extra: (rec) => upsertRegistry(rec, item),
      };
    });
  }
  if (build.built) await d.exec('docker', ['rmi', localTag], { env: d.env }).catch(() => undefined);
  return { dockerPublished };
}

async function publishImage(
  img: Image,
  s: { plan: ReleasePlan; commit: string },
  target: DockerTarget,
  build: { localTag: string; built: boolean },
  d: StepDeps,
): Promise<{ state: StepState; digest: string }> {
  const { cfg } = d;
  const { plan, commit } = s;
  const reg = target.registry;
  let digest = await reg.digest(img.image, plan.version);
  let state: StepState = 'done';
  if (digest) {
    const labels = (await reg.labels(img.image, plan.version)) ?? {};
    if (
      labels['org.opencontainers.image.revision'] !== commit ||
      labels['org.opencontainers.image.version'] !== plan.version
    ) {
      throw new StageError(
        `${img.image}:${plan.version} already exists with other content (revision ${labels['org.opencontainers.image.revision'] ?? '(none)'}, not ${commit.slice(0, 12)}); nothing was overwritten`,
      );
    }
    d.log.info(`${img.image}:${plan.version} is already pushed from this release commit (${digest})`);
    state = 'already-done';
  } else {
    const cred = cfg.registryCredentials;
    const dockerCfg = cred ? writeDockerConfig(d.runnerTemp, [splitImage(img.image).host], cred) : undefined;
    const env = dockerCfg ? { ...d.env, DOCKER_CONFIG: dockerCfg.dir } : d.env;
    try {
      if (!build.built) {
        await dockerBuild({
          exec: d.exec,
          log: d.log,
          env,
          context: target.context,
          dockerfile: target.dockerfile,
          localTag: build.localTag,
          labels: ociLabels({
            source: `${d.serverUrl}/${d.owner}/${d.repo}`,
            revision: commit,
            version: plan.version,
            created: (d.now?.() ?? new Date()).toISOString(),
          }),
          buildArgs: cfg.dockerBuildArgs,
        });
        build.built = true;
      }
      const pushed = await dockerPush({
        exec: d.exec,
        env,
        localTag: build.localTag,
        ref: `${img.image}:${plan.version}`,
        secrets: [cred?.password],
      });
      await d.exec('docker', ['rmi', `${img.image}:${plan.version}`], { env }).catch(() => undefined);
      digest = await reg.digest(img.image, plan.version);
      if (!digest) throw new StageError(`${img.image}:${plan.version} was pushed but the registry does not show it`);
      if (pushed && pushed !== digest) {
        throw new StageError(`${img.image}:${plan.version}: the registry shows ${digest}, docker pushed ${pushed}`);
      }
    } finally {
      dockerCfg?.dispose();
    }
  }
  for (const t of img.tags) {
    if (t === plan.version) continue;
    const now = await reg.digest(img.image, t);
    if (now === digest) continue;
    await reg.tag(img.image, digest, t);
    const check = await reg.digest(img.image, t);
    if (check !== digest)
      throw new StageError(`${img.image}:${t} shows ${check ?? '(nothing)'} after tagging ${digest}`);
    state = 'done';
  }
  return { state, digest };
}
