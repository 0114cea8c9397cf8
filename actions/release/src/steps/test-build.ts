/**
 * Tests and build, before anything is bumped (tests are never skipped), then the assets: the build may make them,
 * and they must exist and stay inside the checkout before anything is pushed.
 */
import { StageError } from '@release-actions/shared';
import { expandAssetGlobs } from '../github-release.js';
import { NO_BUILD, type ReleasePlan, type StepDeps } from '../types.js';

export async function testBuild(s: { plan: ReleasePlan }, d: StepDeps): Promise<{ assetFiles: string[] }> {
  const { plan } = s;
  await runCommand(d, 'tests', plan.testCommand);
  if (plan.buildCommand === NO_BUILD) d.ledger.report('build', 'skipped', 'no build script and no build_command');
  else await runCommand(d, 'build', plan.buildCommand);
  const assets = d.cfg.assets;
  const assetFiles = await d.ledger.within('assets', async () =>
    assets.length ? expandAssetGlobs(d.workspace, assets) : [],
  );
  return { assetFiles };
}

async function runCommand(d: StepDeps, step: 'tests' | 'build', command: string): Promise<void> {
  if (!command) {
    throw new StageError(
      `no ${step === 'tests' ? 'test_command and no "test" script in package.json' : 'build command'}: tests are never skipped; set test_command`,
    );
  }
  d.ledger.current = step;
  const res = await d.log.group(`${step}: ${command}`, async () => {
    const env = { ...d.env };
    // The command is the caller's own (like a `run:` step); registry credentials stay out of it.
    delete env.NODE_AUTH_TOKEN;
    delete env.INPUT_TOKEN;
    delete env.INPUT_REGISTRY_PASSWORD;
    for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k];
    return d.exec('bash', ['-eo', 'pipefail', '-c', command], {
      cwd: d.workspace,
      env,
      onOutput: (c) => {
        for (const line of c.replace(/\n$/, '').split('\n')) d.log.info(line);
      },
    });
  });
  if (res.code !== 0)
    throw new StageError(`${step} failed (${command}, exit ${res.code}); nothing was bumped, tagged or published`);
  d.ledger.report(step, 'done', command);
  d.ledger.current = undefined;
  d.ledger.fault(step);
}
