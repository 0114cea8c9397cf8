import { Summary } from '@release-actions/shared/action';
import { verifyCommands, writeSummary } from './report.js';

const signer = 'https://github.com/org/release-actions/.github/workflows/release.yml@refs/tags/v1';

test('verify commands per kind of artifact, pinned to the signing workflow without its ref', () => {
  expect(verifyCommands('app-linux.bin', 'acme/widget', signer)).toEqual([
    'gh attestation verify app-linux.bin --repo acme/widget --signer-workflow org/release-actions/.github/workflows/release.yml',
    'npx release-actions verify --subject ./app-linux.bin --repository acme/widget --workflow org/release-actions/.github/workflows/release.yml',
  ]);
  expect(verifyCommands('npm:@acme/core@1.2.0', 'acme/widget', signer)).toEqual([
    'npx release-actions verify --subject npm:@acme/core@1.2.0 --repository acme/widget --workflow org/release-actions/.github/workflows/release.yml',
  ]);
  const image = `ghcr.io/acme/widget@sha256:${'a'.repeat(64)}`;
  expect(verifyCommands(image, 'acme/widget', signer)[0]).toBe(
    `gh attestation verify oci://${image} --repo acme/widget --signer-workflow org/release-actions/.github/workflows/release.yml`,
  );
});

test('the summary lists each attested artifact with its digest; a name from the repository stays in a code span', () => {
  const s = new Summary();
  writeSummary(s, {
    status: 'released',
    steps: [],
    published: [],
    runAttempt: 1,
    repository: 'acme/widget',
    attested: {
      signer,
      artifacts: [{ label: 'a<b>.bin', digest: `sha256:${'b'.repeat(64)}`, source: 'GitHub attestations' }],
    },
  });
  const md = s.toString();
  expect(md).toContain('### Attestations (verified before publishing)');
  expect(md).toContain(`\`sha256:${'b'.repeat(64)}\``);
  // Inside a code span GitHub renders `<b>` as text.
  expect(md).toContain('| `a<b>.bin` |');
  expect(md).toMatch(/gh attestation verify a.*\.bin --repo acme\/widget/);
});
