/**
 * What the registry tests start from: versions of an npm package published to Verdaccio, and `acme/widget`
 * scratch images pushed to an authenticated docker-registry with a docker config logged in to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildScratchImage,
  createDockerConfig,
  dockerLogin,
  pushImage,
  removeImage,
  run,
  startRegistry,
  type Registry,
  type Verdaccio,
} from './services/index.js';

/** Publishes `name` at each version (an index.js exporting the version), each from its own folder under `dir`. */
export async function publishVersions(v: Verdaccio, dir: string, name: string, versions: string[]): Promise<void> {
  const env = await v.npmEnv();
  for (const version of versions) {
    const pkg = join(dir, `pkg-${version}`);
    mkdirSync(pkg);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
    writeFileSync(join(pkg, 'index.js'), `module.exports = ${JSON.stringify(version)};\n`);
    await run('npm', ['publish', '--registry', v.url], { cwd: pkg, env });
  }
}

export interface ImageRegistry {
  registry: Registry;
  config: { dir: string; cleanup(): Promise<void> };
  /** `<host>/acme/widget`, without a tag. */
  image: string;
  /** The manifest digest pushed for each version. */
  digests: Record<string, string>;
  /** Every local image reference made, removed by stop(); a test adds those it makes. */
  refs: string[];
  stop(): Promise<void>;
}

/** docker-registry with htpasswd auth, logged in to, with `image:<version>` (a /VERSION file) pushed per version. */
export async function startImageRegistry(versions: string[]): Promise<ImageRegistry> {
  const registry = await startRegistry({ auth: true });
  const config = await createDockerConfig();
  const image = `${registry.host}/acme/widget`;
  const digests: Record<string, string> = {};
  const refs: string[] = [];
  const stop = async () => {
    await removeImage(...refs);
    await config.cleanup();
    await registry.stop();
  };
  try {
    await dockerLogin(registry.host, registry.username!, registry.password!, config.dir);
    for (const version of versions) {
      const ref = `${image}:${version}`;
      refs.push(ref);
      await buildScratchImage(ref, { '/VERSION': `${version}\n` }, { busybox: false, cmd: ['/VERSION'] });
      digests[version] = await pushImage(ref, { dockerConfig: config.dir });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { registry, config, image, digests, refs, stop };
}
