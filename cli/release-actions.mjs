#!/usr/bin/env node
// `npx release-actions …`: the CLI bundle (cli/dist/release-actions.js, built by `npm run bundle` from cli/src).
import './dist/release-actions.js';
