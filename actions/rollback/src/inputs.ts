/** The rollback action's inputs and outputs: the single source of truth for action.yml and the README. */
import * as schema from '@release-actions/shared/action';
import { lockTimeoutInput, refineTarget, targetInputs } from '@release-actions/shared/deploy';

export const action = schema.defineAction('rollback', {
  description:
    'Back to the last good version (or a named one): instant where the old slot still runs, GitHub deployment and status record updated, moving registry tags set back on request.',
  inputs: {
    environment: schema.environmentInput('Environment to roll back (a GitHub Environment name).', 'production'),
    to_version: schema.semver({
      description: 'Version to go back to. Empty: the last good version recorded.',
      allowV: true,
    }),
    ...targetInputs,
    npm_dist_tag_revert: schema.bool({
      description: 'Move the npm `latest` dist-tag back to the restored version.',
      default: 'false',
    }),
    npm_package: schema.text({
      description: 'npm package whose `latest` dist-tag moves back (with npm_dist_tag_revert).',
      pattern: /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/,
      patternHint: 'an npm package name such as widget or @acme/widget',
    }),
    npm_registry_url: schema.url({
      description: 'npm registry of npm_package.',
      default: 'https://registry.npmjs.org/',
    }),
    npm_token: schema.secret({ description: 'npm token allowed to change dist-tags of npm_package.' }),
    docker_tag_revert: schema.bool({
      description:
        "Move the image `latest` tag (of docker_image) back to the restored version's manifest (through the registry's HTTP API).",
      default: 'false',
    }),
    registry_username: schema.text({
      description: 'Container registry user for docker_tag_revert (with registry_password).',
    }),
    registry_password: schema.secret({
      description: 'Container registry password or token for docker_tag_revert (masked).',
    }),
    incident_issue: schema.bool({ description: 'Open a GitHub issue with the incident timeline.', default: 'false' }),
    reason: schema.text({
      description: 'Why the rollback happens (shown in the deployment, status record and incident issue).',
    }),
    timeout: schema.duration({ description: 'Deadline of the rollback.', default: '10m', min: 1000 }),
    lock_timeout: lockTimeoutInput,
    token: schema.githubToken('GitHub token with deployments: write (and issues: write for incident_issue).'),
  },
  outputs: {
    version: 'The version serving after the rollback.',
    status: 'rolled-back or failed.',
    incident_issue_url: 'URL of the incident issue, when one was opened.',
  },
  branding: { icon: 'rotate-ccw', color: 'red' },
  refine(v) {
    const problems: schema.InputProblem[] = refineTarget(v);
    const need = (input: string, message: string) => problems.push({ input, message });
    if (v.npm_dist_tag_revert && !v.npm_package)
      need('npm_package', 'Input "npm_package" is empty but required with npm_dist_tag_revert: true.');
    if (v.docker_tag_revert && !v.docker_image)
      need('docker_image', 'Input "docker_image" is empty but required with docker_tag_revert: true.');
    if (v.registry_password && !v.registry_username)
      need('registry_username', 'Input "registry_username" is empty but required when registry_password is given.');
    if (v.incident_issue && !v.token) need('token', 'Input "token" is empty but required with incident_issue: true.');
    return problems;
  },
});
