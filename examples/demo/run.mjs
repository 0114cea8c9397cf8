#!/usr/bin/env node
// The local demo of the whole pipeline arrives with issue 8 (it needs every stage implemented). Until then this
// says so and exits non-zero: it never pretends to have run anything.
process.stderr.write('The local demo of the whole pipeline is not built yet (issue 8). Run the tests with `npm test`.\n');
process.exit(2);
