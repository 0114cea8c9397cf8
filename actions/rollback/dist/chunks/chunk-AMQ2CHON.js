// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);

// packages/shared/src/util/logger.ts
var silentLogger = {
  debug() {
  },
  info() {
  },
  warning() {
  },
  error() {
  },
  group: (_name, fn) => fn()
};

export {
  silentLogger
};
