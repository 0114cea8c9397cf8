/**
 * github/: the GitHub client every stage uses (client.ts: Octokit with retries and throttling, GHES URLs, a
 * count of the requests made for the summaries). What the stages do with GitHub lives with the stage.
 */
export * from './client.js';
