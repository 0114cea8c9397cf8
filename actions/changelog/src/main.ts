/** The changelog action: parse the inputs, run the stage, report. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { runStage, type StageContext } from '@release-actions/shared/action';
import { generateChangelog } from '@release-actions/shared/changelog';
import { Git } from '@release-actions/shared/git';
import { rootManifestVersion } from '@release-actions/shared/versioning';
import { confinePath, escapeLogText, InputError, logText, StageError } from '@release-actions/shared';
import { independentChangelog } from './independent.js';
import { action } from './inputs.js';

/**
 * Every output of either mode, and the notes also as a file under RUNNER_TEMP (an input or environment variable
 * over 128 KiB stops a step from starting, so the notes are handed on as a file).
 */
function setOutputs(
  ctx: Pick<StageContext, 'setOutput' | 'runner'>,
  o: {
    notes: string;
    packages: unknown[];
    version: string;
    recommended_bump: string;
    previous_tag: string;
    commit_count: number;
    breaking_count: number;
    changelog_path: string;
  },
): void {
  const notesFile = join(ctx.runner.runnerTemp, 'release-actions-changelog', 'RELEASE_NOTES.md');
  mkdirSync(dirname(notesFile), { recursive: true });
  writeFileSync(notesFile, o.notes);
  ctx.setOutput('notes_file', notesFile);
  for (const [name, value] of Object.entries(o)) ctx.setOutput(name, typeof value === 'number' ? String(value) : value);
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runStage(
    action,
    async (inputs, ctx) => {
      const { runner, log, summary } = ctx;
      const workspace = resolve(runner.workspace);
      const path = resolve(workspace, inputs.path || 'CHANGELOG.md');
      const rel = relative(workspace, path);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw new InputError('path', `path: ${inputs.path} is outside the workspace; give a path inside it`);
      }
      // A committed symlink (CHANGELOG.md -> /elsewhere) must not make the write land outside the checkout.
      if (inputs.write_file) confinePath(workspace, rel, { input: 'path', mayBeMissing: true });
      const git = new Git(workspace, { log });
      const notCheckout = await git.checkoutProblem();
      if (notCheckout) throw new StageError(notCheckout);
      if (inputs.versioning === 'independent') {
        const repoUrl = runner.repository ? `${runner.serverUrl}/${runner.repository}` : '';
        const r = await independentChangelog(git, workspace, inputs, { repoUrl });
        setOutputs(ctx, {
          notes: r.notes,
          packages: r.packages,
          version: '',
          recommended_bump: r.bump,
          previous_tag: '',
          commit_count: r.commitCount,
          breaking_count: r.breakingCount,
          changelog_path: r.packages
            .map((p) => p.changelog_path)
            .filter(Boolean)
            .join(','),
        });
        for (const p of r.packages)
          log.info(logText`changelog ${p.tag}${p.changelog_path ? `: ${p.changelog_path}` : ''}`);
        summary.heading(`Changelog of ${r.packages.length} package${r.packages.length === 1 ? '' : 's'}`);
        summary.table(
          ['package', 'version', 'CHANGELOG.md'],
          r.packages.map((p) => [p.name, p.version, p.changelog_path || '(not written)']),
        );
        summary.details('Release notes', r.notes);
        return;
      }
      const token = inputs.token;
      // The GitHub client (octokit) is loaded only when PRs are asked for: startup time matters.
      const github =
        inputs.include_prs && token
          ? (await import('@release-actions/shared/github')).createGitHubClient({
              token,
              apiUrl: runner.apiUrl,
              graphqlUrl: runner.graphqlUrl,
              log,
            })
          : undefined;
      const repoUrl = runner.repository ? `${runner.serverUrl}/${runner.repository}` : '';
      const result = await generateChangelog({
        git: token && /^https?:/.test(runner.serverUrl) ? git.withToken(runner.serverUrl, token) : git,
        log,
        ...(github ? { github } : {}),
        owner: runner.owner,
        repo: runner.repo,
        repoUrl,
        version: inputs.version ?? '',
        ...(inputs.since_tag && !inputs.all_releases ? { sinceTag: inputs.since_tag } : {}),
        tagPrefix: inputs.tag_prefix,
        format: inputs.format,
        includePrs: inputs.include_prs,
        breakingChangesSection: inputs.breaking_changes_section,
        ...(inputs.types ? { types: inputs.types } : {}),
        allReleases: inputs.all_releases,
        ...(inputs.write_file ? { path } : {}),
        manifestVersion: rootManifestVersion(workspace),
        ...(inputs.initial_version ? { initialVersion: inputs.initial_version } : {}),
      });

      setOutputs(ctx, {
        notes: result.notes,
        packages: [],
        version: result.version,
        recommended_bump: result.recommendedBump,
        previous_tag: result.previousTag,
        commit_count: result.commitCount,
        breaking_count: result.breakingCount,
        changelog_path: inputs.write_file ? rel : '',
      });
      log.info(
        `changelog ${result.version}: ${result.commitCount} commits since ${escapeLogText(result.previousTag || 'the first commit')}, ` +
          `${result.breakingCount} breaking, recommended bump ${result.recommendedBump}` +
          (inputs.write_file ? `, ${rel} ${result.fileCreated ? 'created' : 'updated'}` : ''),
      );

      const s = result.stats;
      summary.heading(`Changelog ${result.version}`);
      summary.paragraph(
        `${result.commitCount} commits since ${result.previousTag ? `\`${result.previousTag}\`` : 'the first commit'}` +
          ` · recommended bump **${result.recommendedBump}**` +
          (result.sections > 1 ? ` · ${result.sections} release sections` : '') +
          (inputs.write_file ? ` · \`${rel}\` ${result.fileCreated ? 'created' : 'updated'}` : '') +
          (result.deepened ? ` · shallow clone deepened ${result.deepened}×` : '') +
          (result.degraded ? ' · ⚠ PR links unavailable (commit links used)' : ''),
      );
      const rows: (string | number)[][] = Object.entries(s.perType)
        .sort((a, b) => b[1] - a[1])
        .map(([type, n]) => [`\`${type}\``, n]);
      rows.push(
        ['hidden (by type)', s.hidden],
        ['merge commits (skipped)', s.merges],
        ['reverted pairs (dropped)', s.reverted],
        ['**breaking changes**', s.breaking],
        ['pull requests', s.prs],
        ['contributors', result.contributors.length],
        ['first-time contributors', result.contributors.filter((c) => c.firstTime).length],
        ['GitHub API calls', result.apiCalls],
      );
      summary.table(['count', 'n'], rows, ['l', 'r']);
      const notes = result.notes.length > 200_000 ? `${result.notes.slice(0, 200_000)}\n\n…(truncated)` : result.notes;
      // Commit subjects are untrusted: a `</details>` or a tag in one must not close or break the summary's block.
      summary.details('Release notes', notes); // commit text is escaped where it is rendered
    },
    env,
  );
}
