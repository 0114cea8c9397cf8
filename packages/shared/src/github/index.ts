/**
 * github/: the GitHub client every stage uses (client.ts: Octokit with retries and throttling, GHES URLs, a
 * count of the requests made for the summaries). git-data.ts: a commit through the git data API (signed by
 * GitHub); release-pr.ts: the release pull request (release_mode pull-request). What else the stages do with
 * GitHub lives with the stage.
 */
export * from './client.js';
export * from './git-data.js';
export * from './release-pr.js';
