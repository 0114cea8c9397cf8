/** The rollback action's inputs and outputs: the single source of truth for action.yml and the README. */
import {
  bool,
  defineAction,
  duration,
  GITHUB_TOKEN_DEFAULT,
  oneOf,
  secret,
  semver,
  text,
  url,
} from '@release-actions/shared/action';

export const action = defineAction({
  id: 'rollback',
  name: 'release-actions: rollback',
  description:
    'Back to the last good version (or a named one): instant where the old slot still runs, GitHub deployment and status record updated, moving registry tags set back on request.',
  branding: { icon: 'rotate-ccw', color: 'red' },
  inputs: {
    environment: text({
      description: 'Environment to roll back (a GitHub Environment name).',
      default: 'production',
      pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/,
      patternHint: 'an environment name of letters, digits and . _ - (no spaces, newlines or shell metacharacters)',
    }),
    to_version: semver({ description: 'Version to go back to. Empty: the last good version recorded.', allowV: true }),
    workload: oneOf(['command', 'docker'], { description: 'Where versions run.', default: 'command' }),
    router: oneOf(['nginx', 'command', 'none'], { description: 'How traffic moves.', default: 'none' }),
    version_url: url({ description: 'URL that reports the serving version through the router.' }),
    npm_dist_tag_revert: bool({
      description: 'Move the npm `latest` dist-tag back to the restored version.',
      default: 'false',
    }),
    docker_tag_revert: bool({
      description: 'Move the image `latest` tag back to the restored version.',
      default: 'false',
    }),
    incident_issue: bool({ description: 'Open a GitHub issue with the incident timeline.', default: 'false' }),
    timeout: duration({ description: 'Deadline of the rollback.', default: '10m', min: 1000 }),
    token: secret({ description: 'GitHub token with deployments: write.', default: GITHUB_TOKEN_DEFAULT }),
  },
  outputs: {
    version: { description: 'The version serving after the rollback.' },
    status: { description: 'rolled-back or failed.' },
  },
});
