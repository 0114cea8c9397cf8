/** The GitHub API double lives in packages/testkit (the demo uses it too): see src/github/README.md there. */
export * from '@release-actions/testkit/github';
