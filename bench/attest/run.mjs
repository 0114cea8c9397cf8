#!/usr/bin/env node
// bench/attest: what signed provenance adds to a release, per artifact, against the local stack (sigstore's
// mock Fulcio, Rekor and TSA on 127.0.0.1, the runner's OIDC endpoint, the GitHub API double). For each of
// --artifacts (20) files of --kib (256) KiB:
//   baseline  what the release does per asset without attestation: write it, upload it to the draft release
//             (the release action's own uploadAssets, through the GitHub client)
//   attest    the same plus: digest, id token, statement, sign (Fulcio + Rekor + TSA), upload the attestation
//             (GitHub attestations API, with its duplicate check), download it back and verify it
// Printed: per-artifact median, mean and max of each step and of the time attestation adds; target (issue 17):
// under 1 s per artifact. The stack is local, so this measures our code and the Sigstore client libraries, not
// the public Sigstore's network latency (a few hundred ms more per artifact there).
//
//   npm run bench -- attest [--artifacts 20] [--kib 256]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTs } from '../../scripts/load-ts.mjs';
import { opt } from '../args.mjs';

const N = opt('artifacts', 20);
const KIB = opt('kib', 256);
const out = (s) => process.stdout.write(s + '\n');

const support = await loadTs('test/support/attest.ts');
const attest = await loadTs('packages/shared/src/attest/index.ts');
const { createGitHubClient } = await loadTs('packages/shared/src/github/index.ts');
const { startGitHubDouble } = await loadTs('packages/testkit/src/github/index.ts');
const { uploadAssets } = await loadTs('actions/release/src/github-release.ts');

const dir = mkdtempSync(join(tmpdir(), 'bench-attest-'));
const stack = await support.startAttestStack();
const gh = await startGitHubDouble({ owner: 'acme', repo: 'widget' });
const repo = { owner: 'acme', repo: 'widget' };
const client = createGitHubClient({ token: 'ghs_test', apiUrl: gh.url });

const draft = async (tag) => {
  const r = await client.rest.rest.repos.createRelease({ ...repo, tag_name: tag, name: tag, draft: true });
  return { id: r.data.id, uploadUrl: r.data.upload_url, assets: [] };
};
const ms = (t) => performance.now() - t;
const times = { baseline: [], sign: [], upload: [], verify: [], added: [], signVerify: [] };
let batched;

try {
  // One warm-up round each way, so module loading and the first TLS-less connections are not counted.
  const warm = join(dir, 'warm.bin');
  writeFileSync(warm, 'warm');
  await uploadAssets(client, repo, await draft('v0.0.0'), [warm]);
  await stack.sign([await attest.fileSubject(warm)]);

  const relBase = await draft('v1.0.0');
  const relAttest = await draft('v1.0.1');
  for (let i = 0; i < N; i++) {
    const data = Buffer.alloc(KIB * 1024, i);
    let t = performance.now();
    const a = join(dir, `base-${i}.tgz`);
    writeFileSync(a, data);
    await uploadAssets(client, repo, relBase, [a]);
    times.baseline.push(ms(t));

    const b = join(dir, `attested-${i}.tgz`);
    writeFileSync(b, data);
    await uploadAssets(client, repo, relAttest, [b]);
    const added = performance.now();
    t = added;
    const subject = await attest.fileSubject(b);
    const bundle = await stack.sign([subject]);
    times.sign.push(ms(t));
    t = performance.now();
    await attest.uploadAttestation(client, repo, bundle);
    times.upload.push(ms(t));
    t = performance.now();
    const [stored] = await attest.listAttestations(client, repo, subject.digest.sha256);
    await attest.verifyBundle({
      bundle: stored.bundle,
      subjectDigest: subject.digest.sha256,
      expected: { san: support.SAN, issuer: support.ISSUER },
      trustedRoot: stack.root,
    });
    times.verify.push(ms(t));
    times.added.push(ms(added));
    times.signVerify.push(times.sign.at(-1) + times.verify.at(-1));
  }

  // The same 20 artifacts in one statement (as actions/attest-build-provenance does with several subjects):
  // one signature and one upload for the release, then each artifact verified against that bundle.
  const t = performance.now();
  const subjects = [];
  for (let i = 0; i < N; i++) subjects.push(await attest.fileSubject(join(dir, `attested-${i}.tgz`), `batch-${i}.tgz`));
  const bundle = await stack.sign(subjects);
  await attest.uploadAttestation(client, repo, bundle);
  for (const subject of subjects) {
    await attest.verifyBundle({
      bundle,
      subjectDigest: subject.digest.sha256,
      expected: { san: support.SAN, issuer: support.ISSUER },
      trustedRoot: stack.root,
    });
  }
  batched = ms(t) / N;
} finally {
  await gh.close();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}

const stats = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return { median: s[Math.floor(s.length / 2)], mean: s.reduce((x, y) => x + y, 0) / s.length, max: s.at(-1) };
};
const row = (name, xs) => {
  const { median, mean, max } = stats(xs);
  return `${name.padEnd(44)} ${median.toFixed(0).padStart(7)} ${mean.toFixed(0).padStart(7)} ${max.toFixed(0).padStart(7)}`;
};
out(`attest: ${N} artifacts of ${KIB} KiB, per artifact in ms (Node ${process.version})`);
out(`${''.padEnd(44)} ${'median'.padStart(7)} ${'mean'.padStart(7)} ${'max'.padStart(7)}`);
out(row('baseline: write + upload asset (no attest.)', times.baseline));
out(row('  digest + token + statement + sign', times.sign));
out(row('  upload attestation (duplicate check)', times.upload));
out(row('  download back + verify', times.verify));
out(row('signing + verifying (the target)', times.signVerify));
out(row('added by attestation, upload included', times.added));
const sv = stats(times.signVerify).mean;
const added = stats(times.added).mean;
const base = stats(times.baseline).mean;
out(
  `signing and verifying add ${sv.toFixed(0)} ms per artifact (mean): ${sv < 1000 ? 'under' : 'OVER'} the 1 s target; ` +
    `with the upload ${(base + added).toFixed(0)} ms per artifact vs ${base.toFixed(0)} ms without (x${((base + added) / base).toFixed(1)})`,
);
out(
  `(uploads are writes: on GitHub.com the client paces them a second apart, as GitHub asks of integrations, so ` +
    `there the asset upload and the attestation upload each cost ~1 s more; the local double, like GitHub ` +
    `Enterprise Server, is not paced)`,
);
out(
  `one statement for all ${N} artifacts: ${batched.toFixed(0)} ms per artifact (one signature, one upload, ${N} verifications)`,
);
if (sv >= 1000) process.exitCode = 1;
