#!/usr/bin/env node
// `npx release-actions …`: the CLI bundle (cli/dist/release-actions.js, built by `npm run bundle` from cli/src).
// The bundle needs Node 24 (as the actions' `runs.using: node24`); an older Node would stop on a bare
// SyntaxError from a missing node: export, so say which Node runs and what is needed before loading it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `::error::release-actions needs Node 24 or newer; this is Node ${process.versions.node} (${process.execPath}). ` +
      'Run it with Node 24 (actions/setup-node with node-version: 24, or `npx -p node@24 release-actions …`).\n',
  );
  process.exit(1);
}
await import('./dist/release-actions.js');
