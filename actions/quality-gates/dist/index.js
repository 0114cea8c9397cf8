// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);
import {
  require_dist
} from "./chunks/chunk-RGIA6MPU.js";
import {
  InputError,
  StageError,
  errorMessage,
  escapeLogText,
  escapeMarkdownHtml,
  quoteLogValue,
  silentLogger
} from "./chunks/chunk-HF4WEUZC.js";
import {
  debug,
  error,
  group,
  info,
  notice,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-BSLN7GXZ.js";
import {
  require_dist as require_dist2
} from "./chunks/chunk-MFQQIWX4.js";
import {
  __commonJS,
  __toESM
} from "./chunks/chunk-HRGNRPOO.js";

// packages/shared/node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "packages/shared/node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug2 = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug2;
  }
});

// packages/shared/node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "packages/shared/node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      "\u2028",
      "\u2029",
      " ",
      " ",
      "　",
      "\uFEFF"
    ];
    var RELEASE_TYPES2 = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES: RELEASE_TYPES2,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// packages/shared/node_modules/semver/internal/re.js
var require_re = __commonJS({
  "packages/shared/node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug2 = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug2(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// packages/shared/node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "packages/shared/node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// packages/shared/node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "packages/shared/node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// packages/shared/node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "packages/shared/node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug2 = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug2("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug2("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug2("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug2("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// packages/shared/node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "packages/shared/node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// packages/shared/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "packages/shared/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// packages/shared/src/action/context.ts
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
function readRunnerContext(env = process.env) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
  const runId = env.GITHUB_RUN_ID ?? "0";
  let event = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      event = {};
    }
  }
  return {
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? tmpdir(),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    graphqlUrl: (env.GITHUB_GRAPHQL_URL ?? "https://api.github.com/graphql").replace(/\/$/, ""),
    serverUrl,
    repository,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? "1") || 1,
    actor: env.GITHUB_ACTOR ?? "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    eventName: env.GITHUB_EVENT_NAME ?? "",
    event,
    runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`
  };
}

// packages/shared/src/action/inputs.ts
var import_valid = __toESM(require_valid(), 1);

// packages/shared/src/util/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(text2) {
  const t = text2.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1e3);
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(t)) return void 0;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g))
    total += Number(m[1]) * UNIT_MS[m[2]];
  return Math.round(total);
}
function formatDuration(ms2) {
  if (ms2 < 1e3) return `${Math.round(ms2)}ms`;
  if (ms2 < 6e4) return `${Number((ms2 / 1e3).toFixed(1))}s`;
  const parts = [];
  let rest = Math.round(ms2 / 1e3);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join("");
}

// packages/shared/src/action/inputs.ts
function defineAction(id, spec) {
  for (const name of [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)]) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`input/output names are snake_case: ${name}`);
  }
  return { ...spec, id, name: `release-actions: ${id}` };
}
var given = (spec) => spec;
var optional = (kind, o, accepted, parse) => given({ ...common(kind, o), accepted, empty: void 0, parse });
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
var SHELL_META = /[\s;&|`$<>(){}[\]\\'"*?!#~]/;
function showValue(raw) {
  if (raw === "") return "(empty)";
  const json = JSON.stringify(raw);
  return json.length > 80 ? `${json.slice(0, 77)}…"` : json;
}
var ok = (value) => ({ ok: true, value });
var common = (kind, o) => ({
  kind,
  description: o.description,
  required: o.required ?? false,
  default: o.default
});
function text(o) {
  const maxLength = o.maxLength ?? (o.multiline ? 1e6 : 1e3);
  const accepted = o.patternHint ? o.patternHint : o.identifier ? "a name of letters, digits and . _ / - (no spaces, newlines or shell metacharacters)" : o.multiline ? `text up to ${maxLength} characters` : `one line of text up to ${maxLength} characters`;
  return {
    ...common("string", o),
    accepted,
    empty: "",
    parse(raw) {
      if (raw.length > maxLength) return { ok: false, accepted };
      if (o.identifier && (SHELL_META.test(raw) || CONTROL.test(raw))) return { ok: false, accepted };
      if (!o.multiline && /[\r\n]/.test(raw)) return { ok: false, accepted };
      if (CONTROL.test(raw.replace(/[\t\r\n]/g, ""))) return { ok: false, accepted };
      if (o.pattern && !o.pattern.test(raw)) return { ok: false, accepted };
      return ok(raw);
    }
  };
}
function secret(o) {
  const accepted = "a token on one line";
  return {
    ...common("secret", o),
    secret: true,
    accepted,
    empty: "",
    parse: (raw) => /[\r\n]/.test(raw.trim()) ? { ok: false, accepted } : ok(raw.trim())
  };
}
function oneOf(values, o) {
  const accepted = `one of ${values.join(", ")}`;
  return {
    ...common("enum", o),
    options: values,
    accepted,
    empty: o.default ?? values[0],
    parse: (raw) => values.includes(raw.trim()) ? ok(raw.trim()) : { ok: false, accepted }
  };
}
function splitList(raw) {
  const items = raw.split(/\r?\n/).filter((line) => !line.trim().startsWith("#")).flatMap((line) => line.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  return [...new Set(items)];
}
function list(o) {
  const accepted = o.values ? `a comma or newline separated list of ${o.values.join(", ")}` : `a comma or newline separated list, each item ${o.item?.accepted ?? "one line of text"}`;
  return {
    ...common("list", o),
    options: o.values,
    accepted,
    empty: [],
    parse(raw) {
      const items = splitList(raw);
      if (items.length < (o.min ?? 0)) return { ok: false, accepted };
      for (const item of items) {
        if (o.values && !o.values.includes(item)) return { ok: false, accepted };
        if (o.item && !o.item.parse(item).ok) return { ok: false, accepted };
        if (!o.values && !o.item && (CONTROL.test(item) || SHELL_META.test(item.replace(/ /g, "")))) {
          return { ok: false, accepted };
        }
      }
      return ok(items);
    }
  };
}
function semver(o) {
  const accepted = `a semantic version such as 1.4.0 or 2.0.0-rc.1${o.allowV ? " (a leading v is allowed)" : ""}`;
  return optional("semver", o, accepted, (raw) => {
    let v = raw.trim();
    if (o.allowV && /^v\d/.test(v)) v = v.slice(1);
    return /^\d/.test(v) && (0, import_valid.default)(v) === v ? ok(v) : { ok: false, accepted };
  });
}
function url(o) {
  const schemes = o.schemes ?? ["http:", "https:"];
  const accepted = `an absolute URL (${schemes.map((s) => s.replace(":", "")).join(" or ")}://host/…)`;
  return optional("url", o, accepted, (raw) => {
    const v = raw.trim();
    if (/\s/.test(v) || CONTROL.test(v)) return { ok: false, accepted };
    try {
      const u = new URL(v);
      return schemes.includes(u.protocol) && u.hostname !== "" ? ok(u.toString()) : { ok: false, accepted };
    } catch {
      return { ok: false, accepted };
    }
  });
}
function duration(o) {
  const bounds = o.min !== void 0 || o.max !== void 0 ? ` between ${o.min ?? 0}ms and ${o.max === void 0 ? "any length" : `${o.max}ms`}` : "";
  const accepted = `a duration such as 30s, 5m, 1h30m or 0${bounds}`;
  return optional("duration", o, accepted, (raw) => {
    const ms2 = parseDuration(raw);
    if (ms2 === void 0) return { ok: false, accepted };
    if (o.min !== void 0 && ms2 < o.min || o.max !== void 0 && ms2 > o.max) return { ok: false, accepted };
    return ok(ms2);
  });
}
function number(o) {
  const what = o.integer ? "a whole number" : "a number";
  const range = o.min !== void 0 && o.max !== void 0 ? ` from ${o.min} to ${o.max}` : o.min !== void 0 ? ` of at least ${o.min}` : o.max !== void 0 ? ` of at most ${o.max}` : "";
  const accepted = `${what}${range}`;
  return optional("number", o, accepted, (raw) => {
    const v = raw.trim();
    if (!/^-?\d+(\.\d+)?$/.test(v)) return { ok: false, accepted };
    const n = Number(v);
    if (o.integer && !Number.isInteger(n)) return { ok: false, accepted };
    if (o.min !== void 0 && n < o.min || o.max !== void 0 && n > o.max) return { ok: false, accepted };
    return ok(n);
  });
}
var yamlParse;
async function loadYaml() {
  if (yamlParse) return;
  const mod = await import("./chunks/dist-UMEESVQ2.js");
  yamlParse = mod.parse ?? mod.default.parse;
}
function yamlInput(o) {
  return given({
    ...common("yaml", o),
    accepted: o.shape,
    empty: void 0,
    load: loadYaml,
    parse(raw) {
      if (!yamlParse) throw new Error("yamlInput: call load() before parse()");
      let doc;
      try {
        doc = yamlParse(raw, { strict: true, uniqueKeys: true, maxAliasCount: 100 });
      } catch (e) {
        const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
        return { ok: false, accepted: `${o.shape} (YAML error: ${why})` };
      }
      const res = o.validate(doc);
      return "error" in res ? { ok: false, accepted: `${o.shape} (${res.error})` } : ok(res.value);
    }
  });
}
var GITHUB_TOKEN_DEFAULT = "${{ github.token }}";
function githubToken(description) {
  return secret({ description, default: GITHUB_TOKEN_DEFAULT });
}
async function parseInputs(schema, read, refine) {
  const values = {};
  const problems = [];
  for (const [name, spec] of Object.entries(schema)) {
    let raw = read(name);
    if (raw.trim() === "" && spec.default !== void 0 && !spec.default.startsWith("${{")) raw = spec.default;
    if (raw.trim() === "") {
      if (spec.required) {
        problems.push({
          input: name,
          message: `Input "${name}" is required but was empty; expected ${spec.accepted}.`
        });
      }
      values[name] = spec.empty;
      continue;
    }
    await spec.load?.();
    const res = spec.parse(raw);
    if (res.ok) {
      values[name] = res.value;
    } else {
      const shown = spec.secret ? "(a hidden value)" : showValue(raw);
      problems.push({
        input: name,
        message: `Input "${name}" has an invalid value ${shown}; expected ${res.accepted}.`
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  const refined = refine?.(values) ?? [];
  return refined.length ? { ok: false, problems: refined } : { ok: true, values };
}
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

// packages/shared/src/action/summary.ts
function cell(value) {
  if (value === void 0 || value === null) return "";
  return escapeMarkdownHtml(String(value)).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
var Summary = class {
  parts = [];
  heading(text2, level = 2) {
    this.parts.push(`${"#".repeat(level)} ${text2}`);
    return this;
  }
  paragraph(text2) {
    this.parts.push(text2);
    return this;
  }
  /** A table; `align` per column: 'l' | 'r' | 'c'. */
  table(headers, rows, align) {
    const sep3 = headers.map((_, i) => ({ l: "---", r: "---:", c: ":---:" })[align?.[i] ?? "l"]);
    const lines = [`| ${headers.map(cell).join(" | ")} |`, `| ${sep3.join(" | ")} |`];
    for (const row of rows) lines.push(`| ${headers.map((_, i) => cell(row[i])).join(" | ")} |`);
    this.parts.push(lines.join("\n"));
    return this;
  }
  list(items) {
    this.parts.push(items.map((i) => `- ${i}`).join("\n"));
    return this;
  }
  /** A fenced mermaid diagram (rendered by GitHub in job summaries). */
  mermaid(code) {
    this.parts.push("```mermaid\n" + code.trim() + "\n```");
    return this;
  }
  code(text2, lang = "") {
    const fence = text2.includes("```") ? "````" : "```";
    this.parts.push(`${fence}${lang}
${text2}
${fence}`);
    return this;
  }
  /** `body` is Markdown the caller made safe (see escapeMarkdownHtml); the title is escaped here. */
  details(summary2, body) {
    this.parts.push(`<details><summary>${escapeMarkdownHtml(summary2)}</summary>

${body}

</details>`);
    return this;
  }
  raw(markdown) {
    this.parts.push(markdown);
    return this;
  }
  get empty() {
    return this.parts.length === 0;
  }
  toString() {
    return this.parts.join("\n\n") + "\n";
  }
};
function xyChart(o) {
  const num = (n) => Number.isFinite(n) ? Number(n.toFixed(2)) : 0;
  const labels = o.xLabels.map((l) => JSON.stringify(l)).join(", ");
  const lines = [
    "xychart-beta",
    `  title ${JSON.stringify(o.title)}`,
    `  x-axis [${labels}]`,
    `  y-axis ${JSON.stringify(o.yLabel)}`,
    ...o.series.map((s) => `  ${s.type} [${s.values.map(num).join(", ")}]`)
  ];
  return lines.join("\n");
}

// packages/shared/src/action/run.ts
var coreLogger = {
  debug: (m) => debug(m),
  info: (m) => info(m),
  warning: (m, p) => warning(m, p),
  error: (m, p) => error(m, p),
  group: (name, fn) => group(name, fn)
};
var InputProblems = class extends Error {
  constructor(problems) {
    super(problems.map((p) => p.message).join("\n"));
    this.problems = problems;
    this.name = "InputProblems";
  }
  problems;
};
function readRawInput(name, env = process.env) {
  return env[inputEnvName(name)] ?? "";
}
async function runStage(def, impl, env = process.env) {
  for (const [name, spec] of Object.entries(def.inputs)) {
    if (!spec.secret) continue;
    const raw = readRawInput(name, env).trim();
    if (raw && !raw.startsWith("${{")) setSecret(raw);
  }
  const parsed = await parseInputs(
    def.inputs,
    (name) => {
      const raw = readRawInput(name, env);
      return raw.trim() === "${{ github.token }}" ? env.GITHUB_TOKEN ?? "" : raw;
    },
    def.refine
  );
  const report = (problems) => {
    for (const p of problems) error(p.message, { title: `${def.id}: bad input ${p.input}` });
    process.exitCode = 1;
  };
  if (!parsed.ok) {
    report(parsed.problems);
    return;
  }
  const summary2 = new Summary();
  const declared = new Set(Object.keys(def.outputs));
  const ctx = {
    log: coreLogger,
    runner: readRunnerContext(env),
    summary: summary2,
    env,
    mask: (v) => {
      if (v) setSecret(v);
    },
    notice: (m, p) => notice(m, p),
    setOutput(name, value) {
      if (!declared.has(name)) throw new Error(`output ${name} is not declared by ${def.id}`);
      setOutput(name, typeof value === "string" ? value : JSON.stringify(value));
    }
  };
  try {
    await impl(parsed.values, ctx);
  } catch (e) {
    if (e instanceof InputProblems) report(e.problems);
    else if (e instanceof InputError) error(e.message, { title: `${def.id}: bad input ${e.input}` });
    else if (e instanceof StageError) error(e.message, { title: `${def.id} failed` });
    else {
      error(errorMessage(e), { title: `${def.id} failed` });
      if (e instanceof Error && e.stack) debug(e.stack);
    }
    process.exitCode = 1;
  } finally {
    if (!summary2.empty && env.GITHUB_STEP_SUMMARY) {
      try {
        await summary.addRaw(summary2.toString()).write();
      } catch (e) {
        warning(`could not write the job summary: ${errorMessage(e)}`);
      }
    }
  }
}

// packages/shared/src/util/paths.ts
import { lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var FORBIDDEN = ["/proc", "/dev", "/sys"];
function inside(root, p) {
  const rel = relative(root, p);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
function realOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
function firstLink(root, full) {
  const rel = relative(root, full);
  if (rel.startsWith("..") || isAbsolute(rel)) return void 0;
  let cur = root;
  for (const part of rel.split(sep).filter(Boolean)) {
    cur = join(cur, part);
    const st = lstatSync(cur, { throwIfNoEntry: false });
    if (!st) return void 0;
    if (st.isSymbolicLink()) return { link: relative(root, cur), target: readlinkSync(cur) };
  }
  return void 0;
}
function confinePath(workspace, path, opts) {
  const { kind = "file" } = opts;
  const input = opts.input;
  const label = opts.what ?? `Input "${input}"`;
  const roots = [{ path: workspace, name: "the workspace" }, ...opts.extraRoots ?? []].map((r) => ({
    name: r.name,
    path: realOrSelf(r.path)
  }));
  const full = resolve(workspace, path);
  const where = roots.map((r) => `${r.name} (${r.path})`).join(" or ");
  const describe = (real2) => {
    const l = firstLink(resolve(workspace), full);
    return l ? `${l.link} is a symbolic link to ${l.target}, which resolves to ${real2}` : `it resolves to ${real2}`;
  };
  let real;
  const st = lstatSync(full, { throwIfNoEntry: false });
  if (!st) {
    if (!opts.mayBeMissing) throw new InputError(input, `${label}: ${path} does not exist`);
    let parent = dirname(full);
    while (!lstatSync(parent, { throwIfNoEntry: false })) parent = dirname(parent);
    real = join(realOrSelf(parent), relative(parent, full));
  } else {
    try {
      real = realpathSync(full);
    } catch {
      const l = firstLink(resolve(workspace), full);
      throw new InputError(
        input,
        `${label}: ${path} is a dangling symbolic link${l ? ` (${l.link} -> ${l.target})` : ""}; refused: it would write where the link points`
      );
    }
  }
  if (FORBIDDEN.some((f) => real === f || real.startsWith(`${f}/`))) {
    throw new InputError(input, `${label}: ${path} names a device or kernel file (${describe(real)}); refused`);
  }
  if (!roots.some((r) => inside(r.path, real))) {
    throw new InputError(
      input,
      `${label}: ${path} leaves ${where}: ${describe(real)}; refused. Use a file inside the checkout (not a link out of it).`
    );
  }
  if (st) {
    const target = statSync(real);
    if (kind === "file" && !target.isFile()) {
      throw new InputError(input, `${label}: ${path} is not a regular file (${describe(real)})`);
    }
    if (kind === "dir" && !target.isDirectory()) {
      throw new InputError(input, `${label}: ${path} is not a directory (${describe(real)})`);
    }
  }
  return real;
}

// packages/shared/src/util/exec.ts
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname as dirname2 } from "node:path";
var exec = (cmd, args, o = {}) => new Promise((resolve7) => {
  if (o.signal?.aborted) {
    const said = "not started: aborted\n";
    return resolve7({
      code: 128,
      signal: null,
      stdout: "",
      stderr: said,
      output: said,
      timedOut: false,
      aborted: true
    });
  }
  const [bin, argv] = o.shell ? ["sh", ["-c", cmd, ...args.length ? ["sh", ...args] : []]] : [cmd, args];
  const child = spawn(bin, argv, {
    cwd: o.cwd,
    env: o.env ?? process.env,
    stdio: [o.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
    detached: true
  });
  const keep = o.maxBuffer ?? Infinity;
  const cap = (s) => s.length <= keep ? s : keep > 0 ? s.slice(-keep) : "";
  let stdout = "";
  let stderr = "";
  let output = "";
  const partial = { out: "", err: "" };
  const feed = (which) => (d) => {
    if (which === "out") stdout = cap(stdout + d);
    else stderr = cap(stderr + d);
    output = cap(output + d);
    o.onOutput?.(d, which === "out" ? "stdout" : "stderr");
    if (!o.onLine) return;
    const lines = (partial[which] + d).split(/\r?\n/);
    partial[which] = lines.pop() ?? "";
    for (const l of lines) o.onLine(l);
  };
  const flush = () => {
    for (const which of ["out", "err"]) if (partial[which]) o.onLine?.(partial[which]);
    partial.out = partial.err = "";
  };
  child.stdout?.setEncoding("utf8").on("data", feed("out"));
  child.stderr?.setEncoding("utf8").on("data", feed("err"));
  let timedOut = false;
  let aborted = false;
  let killTimer;
  const stop = () => {
    if (!child.pid || killTimer) return;
    const grace = o.killGraceMs ?? 0;
    if (grace <= 0) return killGroup(child.pid, "SIGKILL");
    killGroup(child.pid, "SIGTERM");
    killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), grace);
    killTimer.unref();
  };
  const timer = o.timeoutMs === void 0 || !Number.isFinite(o.timeoutMs) || o.timeoutMs >= 2 ** 31 ? void 0 : setTimeout(
    () => {
      timedOut = true;
      stop();
    },
    Math.max(0, o.timeoutMs)
  );
  const onAbort = () => {
    aborted = true;
    stop();
  };
  if (o.signal?.aborted) onAbort();
  else o.signal?.addEventListener("abort", onAbort, { once: true });
  const forwards = (o.forwardSignals ?? []).map((sig) => {
    const forward = () => child.pid && killGroup(child.pid, sig);
    process.on(sig, forward);
    return () => process.off(sig, forward);
  });
  const done = () => {
    clearTimeout(timer);
    clearTimeout(killTimer);
    o.signal?.removeEventListener("abort", onAbort);
    for (const off of forwards) off();
  };
  child.on("error", (error2) => {
    done();
    const said = `${error2.message}
`;
    resolve7({
      code: 127,
      signal: null,
      stdout,
      stderr: stderr + said,
      output: output + said,
      timedOut,
      aborted,
      error: error2
    });
  });
  child.on("close", (code, signal) => {
    done();
    flush();
    resolve7({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr, output, timedOut, aborted });
  });
  if (child.stdin) {
    child.stdin.on("error", () => {
    });
    child.stdin.end(o.input);
  }
});
function startBackground(cmd, args, o) {
  mkdirSync(dirname2(o.logFile), { recursive: true });
  const fd = openSync(o.logFile, "a");
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  let done = false;
  const exited = new Promise((resolve7) => {
    child.on("exit", (code, signal) => {
      done = true;
      resolve7({ code, signal });
    });
    child.on("error", () => {
      done = true;
      resolve7({ code: 127, signal: null });
    });
  });
  child.unref();
  return { pid: child.pid ?? -1, exited, hasExited: () => done };
}
function killGroup(pid, signal = "SIGTERM") {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}

// packages/shared/src/action/environment-inputs.ts
var ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

// packages/shared/src/gates/container.ts
import { mkdtempSync, readFileSync as readFileSync2, rmSync } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { isAbsolute as isAbsolute2, join as join2, resolve as resolve2 } from "node:path";

// packages/shared/src/gates/exec.ts
var MAX_KEEP = 1e6;
var spawnExec = (cmd, args, opts = {}) => exec(cmd, args, { maxBuffer: MAX_KEEP, ...opts, timeoutMs: opts.timeoutMs ?? 6e5 });
function splitCommand(line) {
  const out = [];
  let cur = "";
  let quote;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = void 0;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
    } else cur += c;
  }
  if (quote) throw new Error(`unterminated ${quote} quote`);
  if (has || cur) out.push(cur);
  return out;
}
function tail(text2, lines = 15) {
  return text2.trimEnd().split(/\r?\n/).slice(-lines).join("\n");
}

// packages/shared/src/gates/container.ts
function parseBuildArgs(text2) {
  const out = {};
  for (const raw of text2.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) return line;
    out[m[1]] = m[2];
  }
  return out;
}
async function hasBuildx(exec2) {
  const r = await exec2("docker", ["buildx", "version"], { timeoutMs: 3e4 });
  return r.code === 0;
}
async function buildContainer(o) {
  const { exec: exec2, log } = o;
  const info2 = await exec2("docker", ["version", "--format", "{{.Server.Version}}"], { timeoutMs: 3e4 });
  if (info2.code !== 0) {
    throw new StageError(`container-build: no Docker engine answers (docker version: ${tail(info2.stderr, 3)})`);
  }
  const buildx = await hasBuildx(exec2);
  const builder = buildx ? "docker buildx build" : "docker build";
  const tmp = mkdtempSync(join2(tmpdir2(), "ra-build-"));
  const iidfile = join2(tmp, "iid");
  const abs = (p) => isAbsolute2(p) ? p : resolve2(o.cwd, p);
  const args = [
    ...buildx ? ["buildx", "build", "--load"] : ["build"],
    "--iidfile",
    iidfile,
    "-t",
    o.image,
    ...o.dockerfile ? ["-f", abs(o.dockerfile)] : [],
    ...Object.entries(o.buildArgs).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]),
    abs(o.context)
  ];
  log.info(`container-build: ${builder} -t ${o.image} ${o.context}${buildx ? "" : " (no buildx here)"}`);
  const started = Date.now();
  let imageId;
  try {
    const r = await exec2("docker", args, {
      cwd: o.cwd,
      timeoutMs: o.buildTimeoutMs ?? 18e5,
      env: { ...process.env, DOCKER_BUILDKIT: buildx ? "1" : process.env.DOCKER_BUILDKIT ?? "0" },
      onLine: (l) => log.info(`  ${l}`)
    });
    if (r.code !== 0) {
      throw new StageError(
        `container-build: ${builder} failed (exit ${r.code}${r.timedOut ? ", timed out" : ""}):
${tail(r.stderr || r.stdout)}`
      );
    }
    imageId = readFileSync2(iidfile, "utf8").trim();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const buildMs = Date.now() - started;
  const insp = await exec2("docker", ["image", "inspect", "--format", "{{json .}}", imageId], { timeoutMs: 3e4 });
  if (insp.code !== 0) throw new StageError(`container-build: cannot inspect ${imageId}: ${tail(insp.stderr, 3)}`);
  const doc = JSON.parse(insp.stdout);
  const sizeBytes = doc.Size;
  const sizeMb = sizeBytes / 1e6;
  const layers = doc.RootFS?.Layers?.length ?? 0;
  const reasons = [];
  log.info(
    `container-build: ${o.image} = ${imageId}, ${sizeMb.toFixed(2)} MB in ${layers} layer(s), built in ${formatDuration(buildMs)}`
  );
  if (o.maxImageSizeMb !== void 0 && sizeMb > o.maxImageSizeMb) {
    reasons.push(`image size ${sizeMb.toFixed(2)} MB is over the budget max_image_size_mb ${o.maxImageSizeMb}`);
  }
  let smoke;
  if (o.smokeCommand) {
    const words = splitCommand(o.smokeCommand);
    log.info(`container-build: smoke test: docker run --rm --network host ${imageId.slice(0, 19)} ${o.smokeCommand}`);
    const r = await exec2("docker", ["run", "--rm", "--network", "host", imageId, ...words], {
      cwd: o.cwd,
      timeoutMs: o.smokeTimeoutMs ?? 3e5
    });
    const output = tail(`${r.stdout}${r.stderr}`, 20);
    smoke = { command: o.smokeCommand, code: r.code, output, passed: r.code === 0 && !r.timedOut };
    if (!smoke.passed) {
      reasons.push(
        `smoke command \`${o.smokeCommand}\` failed in the image (exit ${r.code}${r.timedOut ? ", timed out" : ""})`
      );
      log.info(`container-build: smoke command failed (exit ${r.code}):
${output}`);
    } else log.info(`container-build: smoke command passed`);
  }
  return {
    image: o.image,
    imageId,
    builder,
    buildMs,
    sizeBytes,
    sizeMb,
    layers,
    maxImageSizeMb: o.maxImageSizeMb,
    smoke,
    passed: reasons.length === 0,
    reasons
  };
}

// packages/shared/src/gates/gates.ts
import { mkdirSync as mkdirSync3, readFileSync as readFileSync7, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname4, join as join4 } from "node:path";

// packages/shared/src/gates/k6.ts
import { existsSync, readdirSync, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { isAbsolute as isAbsolute3, join as join3 } from "node:path";
var DEFAULT_K6_VERSION = "1.3.0";
async function actionsToolCache() {
  const tc = await import("./chunks/tool-cache-XFOVWEZQ.js");
  return {
    find: (tool, version) => tc.find(tool, version),
    downloadTool: (url2) => tc.downloadTool(url2),
    extractTar: (file) => tc.extractTar(file),
    extractZip: (file) => tc.extractZip(file),
    cacheDir: (dir, tool, version) => tc.cacheDir(dir, tool, version)
  };
}
function k6ReleaseUrl(version, platform = process.platform, arch = process.arch) {
  const os = platform === "darwin" ? "macos" : platform === "win32" ? "windows" : "linux";
  const cpu = arch === "arm64" ? "arm64" : "amd64";
  const ext = os === "linux" ? "tar.gz" : "zip";
  return `https://github.com/grafana/k6/releases/download/v${version}/k6-v${version}-${os}-${cpu}.${ext}`;
}
function findBinary(dir, depth = 0) {
  const name = process.platform === "win32" ? "k6.exe" : "k6";
  const direct = join3(dir, name);
  if (existsSync(direct) && statSync2(direct).isFile()) return direct;
  if (depth > 2) return void 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      const found = findBinary(join3(dir, e.name), depth + 1);
      if (found) return found;
    }
  }
  return void 0;
}
function onPath() {
  for (const d of (process.env.PATH ?? "").split(":")) {
    if (!d) continue;
    const p = join3(d, "k6");
    if (existsSync(p) && statSync2(p).isFile()) return p;
  }
  return void 0;
}
async function acquireK6(o) {
  const cache = o.toolCache ?? await actionsToolCache();
  if (!o.version && !o.url) {
    const p = onPath();
    if (p) {
      o.log.info(`k6: using ${p} from the PATH`);
      return { path: p, source: "PATH" };
    }
  }
  const version = o.version || DEFAULT_K6_VERSION;
  const cached = cache.find("k6", version);
  if (cached) {
    const bin2 = findBinary(cached);
    if (bin2) {
      o.log.info(`k6: ${version} from the tool cache (${bin2})`);
      return { path: bin2, source: "tool cache", version };
    }
  }
  const url2 = o.url || k6ReleaseUrl(version);
  o.log.info(`k6: downloading ${url2}`);
  let archive;
  try {
    archive = await cache.downloadTool(url2);
  } catch (e) {
    throw new StageError(`k6: could not download ${url2}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const extracted = /\.zip$/i.test(new URL(url2).pathname) ? await cache.extractZip(archive) : await cache.extractTar(archive);
  const inArchive = findBinary(extracted);
  if (!inArchive) throw new StageError(`k6: the archive from ${url2} holds no k6 executable`);
  const dir = await cache.cacheDir(inArchive.slice(0, inArchive.lastIndexOf("/")), "k6", version);
  const bin = findBinary(dir);
  if (!bin) throw new StageError(`k6: no k6 executable in the tool cache at ${dir}`);
  o.log.info(`k6: ${version} cached at ${dir}`);
  return { path: bin, source: "download", version, url: url2 };
}
function parseK6Summary(doc) {
  const metrics = doc?.metrics;
  if (!metrics || typeof metrics !== "object") throw new Error('no "metrics" in the k6 summary');
  const out = {};
  for (const [name, m] of Object.entries(metrics)) {
    const values = {};
    const src = typeof m.values === "object" && m.values !== null ? m.values : m;
    for (const [k, v] of Object.entries(src)) if (typeof v === "number") values[k] = v;
    let thresholds;
    if (m.thresholds && typeof m.thresholds === "object") {
      thresholds = {};
      for (const [expr, t] of Object.entries(m.thresholds)) {
        thresholds[expr] = typeof t === "object" && t !== null ? Boolean(t.ok) : t === false;
      }
    }
    out[name] = { type: typeof m.type === "string" ? m.type : void 0, values, thresholds };
  }
  return out;
}
async function runK6(o) {
  if (!existsSync(isAbsolute3(o.script) ? o.script : join3(o.cwd, o.script)))
    throw new StageError(`k6: the script ${o.script} does not exist`);
  if (!isAbsolute3(o.script)) confinePath(o.cwd, o.script, { input: "k6_script" });
  const handleSummaryFile = join3(o.workDir, "k6-summary.json");
  const exportFile = join3(o.workDir, "k6-summary-export.json");
  const args = [
    "run",
    "--summary-export",
    exportFile,
    "--summary-trend-stats",
    "avg,min,med,max,p(90),p(95),p(99)",
    "-e",
    `RA_K6_SUMMARY=${handleSummaryFile}`
  ];
  if (o.shard && o.shard.count > 1) {
    const seq = Array.from(
      { length: o.shard.count + 1 },
      (_, i) => i === 0 ? "0" : i === o.shard.count ? "1" : `${i}/${o.shard.count}`
    );
    args.push("--execution-segment", `${seq[o.shard.index - 1]}:${seq[o.shard.index]}`);
    args.push("--execution-segment-sequence", seq.join(","));
  }
  args.push(o.script);
  o.log.info(`k6: ${o.k6.path} ${args.join(" ")}`);
  const started = Date.now();
  const r = await o.exec(o.k6.path, args, {
    cwd: o.cwd,
    timeoutMs: o.timeoutMs ?? 36e5,
    onLine: (l) => o.log.info(`  ${l}`)
  });
  const wallMs = Date.now() - started;
  if (r.code !== 0 && r.code !== 99) {
    throw new StageError(
      `k6 failed (exit ${r.code}${r.timedOut ? ", timed out" : ""}):
${tail(r.stderr || r.stdout)}`
    );
  }
  const file = existsSync(handleSummaryFile) ? handleSummaryFile : existsSync(exportFile) ? exportFile : void 0;
  if (!file) throw new StageError("k6: no data: k6 wrote no end-of-test summary (handleSummary or --summary-export)");
  let metrics;
  try {
    metrics = parseK6Summary(JSON.parse(readFileSync3(file, "utf8")));
  } catch (e) {
    throw new StageError(`k6: the summary ${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const v = (m, k) => metrics[m]?.values[k];
  const requests = v("http_reqs", "count") ?? 0;
  const failedRate = v("http_req_failed", "rate") ?? v("http_req_failed", "value");
  const failed = v("http_req_failed", "passes") ?? (failedRate !== void 0 ? Math.round(failedRate * requests) : 0);
  const d = metrics.http_req_duration?.values;
  o.log.info(`k6: exit ${r.code}${r.code === 99 ? " (thresholds crossed)" : ""}; ${requests} requests`);
  return {
    engine: "k6",
    profile: { name: o.profileName, connections: 0, rate: 0, durationMs: 0, rampMs: 0 },
    shard: o.shard,
    startedAt: new Date(started).toISOString(),
    wallMs,
    requests,
    responses: requests,
    failed,
    unexpectedStatus: failed,
    socketErrors: 0,
    timeouts: 0,
    statusCodes: {},
    errorKinds: {},
    checks: { passes: v("checks", "passes") ?? 0, fails: v("checks", "fails") ?? 0 },
    bytesReceived: v("data_received", "count") ?? 0,
    latencyStats: d && d.avg !== void 0 ? {
      count: requests,
      min: d.min ?? NaN,
      max: d.max ?? NaN,
      avg: d.avg,
      med: d.med ?? NaN,
      p90: d["p(90)"] ?? NaN,
      p95: d["p(95)"] ?? NaN,
      p99: d["p(99)"] ?? NaN,
      p99_9: NaN
    } : void 0,
    k6: { exitCode: r.code, thresholdsFailed: r.code === 99, metrics }
  };
}

// packages/shared/src/gates/load.ts
import { connect } from "node:net";

// packages/shared/src/gates/histogram.ts
var import_hdr_histogram_js = __toESM(require_dist2(), 1);
function newHistogram() {
  return import_hdr_histogram_js.default.build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false
  });
}
function recordMs(h, ms2) {
  h.recordValue(Math.max(1, Math.round(ms2 * 1e3)));
}
function encodeHistogram(h) {
  return import_hdr_histogram_js.default.encodeIntoCompressedBase64(h);
}
function decodeHistogram(text2) {
  const decoded = import_hdr_histogram_js.default.decodeFromCompressedBase64(text2, 32, false);
  const h = newHistogram();
  h.add(decoded);
  return h;
}
function mergeHistograms(parts) {
  const h = newHistogram();
  for (const p of parts) if (p.totalCount > 0) h.add(p);
  return h;
}
function percentileMs(h, p) {
  if (h.totalCount === 0) return void 0;
  return Math.min(h.getValueAtPercentile(p), h.maxValue) / 1e3;
}
function latencyStats(h) {
  if (h.totalCount === 0) return void 0;
  const at = (p) => Math.min(h.getValueAtPercentile(p), h.maxValue) / 1e3;
  return {
    count: h.totalCount,
    min: h.minNonZeroValue / 1e3,
    max: h.maxValue / 1e3,
    avg: h.mean / 1e3,
    med: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p99_9: at(99.9)
  };
}
function recordedValues(h) {
  const it = h.recordedValuesIterator;
  if (!it) throw new Error("histogram does not expose its recorded values");
  it.reset();
  const out = [];
  while (it.hasNext()) {
    const v = it.next();
    out.push({ us: v.valueIteratedTo, count: v.countAtValueIteratedTo });
  }
  return out;
}
function latencyBins(h, bins = 12) {
  if (h.totalCount === 0) return [];
  const lo = h.minNonZeroValue / 1e3;
  const hi = Math.max(Math.min(h.getValueAtPercentile(99.9), h.maxValue) / 1e3, lo + 1e-3);
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0
  }));
  for (const { us, count } of recordedValues(h)) {
    const ms2 = us / 1e3;
    const i = Math.min(bins - 1, Math.max(0, Math.floor((ms2 - lo) / width)));
    out[i].count += count;
  }
  return out;
}

// packages/shared/src/gates/requests.ts
var METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
function bad(why) {
  return new InputError(
    "requests",
    `Input "requests" is invalid: ${why}; expected a YAML or JSON list of {method, path, headers, body, expect_status}, e.g. [{method: GET, path: /health, expect_status: 200}].`
  );
}
function statuses(v, i) {
  if (v === void 0 || v === null) return [];
  const list2 = Array.isArray(v) ? v : [v];
  return list2.map((s) => {
    const n = typeof s === "number" ? s : typeof s === "string" && /^\d{3}$/.test(s.trim()) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < 100 || n > 599)
      throw bad(`item ${i + 1}: expect_status ${JSON.stringify(s)} is not an HTTP status`);
    return n;
  });
}
function loadTarget(targetUrl, requests) {
  if (requests === void 0 || requests === null) {
    if (!targetUrl) {
      throw new InputError(
        "target_url",
        'Input "target_url" is required for the load gates with the builtin engine but was empty; expected an absolute URL (http or https://host/…), or a `requests` list of absolute URLs.'
      );
    }
    const u = new URL(targetUrl);
    return {
      origin: u.origin,
      requests: [{ method: "GET", path: `${u.pathname}${u.search}`, headers: {}, expectStatus: [] }]
    };
  }
  if (!Array.isArray(requests) || requests.length === 0) throw bad("not a non-empty list");
  let origin = targetUrl ? new URL(targetUrl).origin : void 0;
  const basePath = targetUrl ? new URL(targetUrl).pathname.replace(/\/$/, "") : "";
  const out = requests.map((r, i) => {
    if (typeof r === "string") r = { path: r };
    if (typeof r !== "object" || r === null || Array.isArray(r)) throw bad(`item ${i + 1} is not a mapping`);
    const o = r;
    for (const k of Object.keys(o)) {
      if (!["method", "path", "url", "headers", "body", "expect_status"].includes(k))
        throw bad(`item ${i + 1}: unknown key ${k}`);
    }
    const method = String(o.method ?? "GET").toUpperCase();
    if (!METHODS.includes(method)) throw bad(`item ${i + 1}: method ${method} is not one of ${METHODS.join(", ")}`);
    const where = String(o.path ?? o.url ?? "/");
    let path;
    if (/^https?:\/\//.test(where)) {
      const u = new URL(where);
      if (origin && u.origin !== origin)
        throw bad(`item ${i + 1}: ${u.origin} is not the origin of the others (${origin})`);
      origin = u.origin;
      path = `${u.pathname}${u.search}`;
    } else {
      if (!where.startsWith("/")) throw bad(`item ${i + 1}: path ${JSON.stringify(where)} does not start with /`);
      if (/[\s\r\n]/.test(where)) throw bad(`item ${i + 1}: path contains whitespace`);
      path = `${basePath}${where}`;
    }
    const headers = {};
    if (o.headers !== void 0) {
      if (typeof o.headers !== "object" || o.headers === null || Array.isArray(o.headers))
        throw bad(`item ${i + 1}: headers is not a mapping`);
      for (const [k, v] of Object.entries(o.headers)) {
        if (!/^[A-Za-z0-9-]+$/.test(k) || /[\r\n]/.test(String(v)))
          throw bad(`item ${i + 1}: header ${k} is not valid`);
        headers[k] = String(v);
      }
    }
    let body;
    if (o.body !== void 0 && o.body !== null) {
      body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
      if (typeof o.body !== "string" && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
        headers["content-type"] = "application/json";
      }
    }
    return { method, path: path || "/", headers, body, expectStatus: statuses(o.expect_status, i) };
  });
  if (!origin) throw bad("paths are relative but target_url is empty");
  return { origin, requests: out };
}
function statusExpected(req, status) {
  return req.expectStatus.length ? req.expectStatus.includes(status) : status >= 200 && status < 300;
}

// packages/shared/src/gates/results.ts
function emptyResults(engine, profile, startedAt = (/* @__PURE__ */ new Date()).toISOString()) {
  return {
    engine,
    profile,
    startedAt,
    wallMs: 0,
    requests: 0,
    responses: 0,
    failed: 0,
    unexpectedStatus: 0,
    socketErrors: 0,
    timeouts: 0,
    statusCodes: {},
    errorKinds: {},
    checks: { passes: 0, fails: 0 },
    bytesReceived: 0
  };
}
function requestsPerSecond(r) {
  return r.wallMs > 0 ? r.requests / (r.wallMs / 1e3) : 0;
}
function builtinMetrics(r) {
  const hist = r.latency ? decodeHistogram(r.latency) : void 0;
  return {
    samples(metric) {
      switch (metric) {
        case "http_req_duration":
          return hist?.totalCount ?? 0;
        case "http_req_failed":
        case "http_reqs":
          return r.requests;
        case "checks":
          return r.checks.passes + r.checks.fails;
        case "data_received":
          return r.responses;
        default:
          return 0;
      }
    },
    value(metric, aggregation, percentile) {
      const secs = r.wallMs / 1e3;
      switch (metric) {
        case "http_req_duration": {
          if (!hist || hist.totalCount === 0) return void 0;
          if (percentile !== void 0) return percentileMs(hist, percentile);
          const s = latencyStats(hist);
          if (!s) return void 0;
          return { avg: s.avg, min: s.min, med: s.med, max: s.max }[aggregation];
        }
        case "http_req_failed":
          return r.requests ? r.failed / r.requests : void 0;
        case "checks": {
          const n = r.checks.passes + r.checks.fails;
          return n ? r.checks.passes / n : void 0;
        }
        case "http_reqs":
          return aggregation === "count" ? r.requests : secs > 0 ? r.requests / secs : void 0;
        case "data_received":
          return aggregation === "count" ? r.bytesReceived : secs > 0 ? r.bytesReceived / secs : void 0;
        default:
          return void 0;
      }
    }
  };
}
function k6Metrics(r) {
  const metrics = r.k6?.metrics ?? {};
  const count = (m) => metrics[m]?.values.count;
  return {
    samples(metric) {
      const m = metrics[metric];
      if (!m) return 0;
      if (m.values.passes !== void 0 || m.values.fails !== void 0) {
        return (m.values.passes ?? 0) + (m.values.fails ?? 0);
      }
      if (m.values.count !== void 0) return m.values.count;
      return count("http_reqs") ?? (Object.keys(m.values).length ? 1 : 0);
    },
    value(metric, aggregation) {
      const v = metrics[metric]?.values;
      if (!v) return void 0;
      if (aggregation === "rate" && v.rate === void 0 && v.value !== void 0) return v.value;
      return v[aggregation];
    }
  };
}
function metricSource(r) {
  return r.engine === "k6" ? k6Metrics(r) : builtinMetrics(r);
}
function addCounts(into, from) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}
function mergeResults(parts) {
  if (parts.length === 0) throw new Error("nothing to merge");
  const first = parts[0];
  const latency = mergeHistograms(parts.filter((p) => p.latency).map((p) => decodeHistogram(p.latency)));
  const bucketMs = first.timeline?.bucketMs;
  const buckets = /* @__PURE__ */ new Map();
  for (const p of parts) {
    if (!p.timeline || p.timeline.bucketMs !== bucketMs) continue;
    for (const b of p.timeline.buckets) {
      const e = buckets.get(b.t) ?? { requests: 0, failed: 0, hists: [] };
      e.requests += b.requests;
      e.failed += b.failed;
      e.hists.push(decodeHistogram(b.latency));
      buckets.set(b.t, e);
    }
  }
  const statusCodes = {};
  const errorKinds = {};
  for (const p of parts) {
    addCounts(statusCodes, p.statusCodes);
    addCounts(errorKinds, p.errorKinds);
  }
  const sum = (f) => parts.reduce((a, p) => a + f(p), 0);
  return {
    engine: first.engine,
    target: first.target,
    profile: {
      ...first.profile,
      connections: sum((p) => p.profile.connections),
      rate: sum((p) => p.profile.rate)
    },
    mergedFrom: parts.map((p) => p.shard ?? { index: 1, count: 1 }),
    startedAt: parts.map((p) => p.startedAt).sort()[0],
    wallMs: Math.max(...parts.map((p) => p.wallMs)),
    requests: sum((p) => p.requests),
    responses: sum((p) => p.responses),
    failed: sum((p) => p.failed),
    unexpectedStatus: sum((p) => p.unexpectedStatus),
    socketErrors: sum((p) => p.socketErrors),
    timeouts: sum((p) => p.timeouts),
    statusCodes,
    errorKinds,
    checks: { passes: sum((p) => p.checks.passes), fails: sum((p) => p.checks.fails) },
    bytesReceived: sum((p) => p.bytesReceived),
    latency: encodeHistogram(latency),
    latencyStats: latencyStats(latency),
    timeline: bucketMs === void 0 ? void 0 : {
      bucketMs,
      buckets: [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([t, e]) => ({
        t,
        requests: e.requests,
        failed: e.failed,
        latency: encodeHistogram(mergeHistograms(e.hists))
      }))
    },
    stoppedEarly: parts.find((p) => p.stoppedEarly)?.stoppedEarly
  };
}

// packages/shared/src/gates/load.ts
function loadStages(p) {
  const stages = [];
  if (p.rampMs >= 1e3) {
    const steps = Math.min(5, Math.floor(p.rampMs / 1e3));
    for (let i = 1; i <= steps; i++) {
      const f = i / (steps + 1);
      stages.push({
        connections: Math.max(1, Math.round(p.connections * f)),
        rate: p.rate ? Math.max(1, Math.round(p.rate * f)) : 0,
        durationMs: p.rampMs / steps,
        ramp: true
      });
    }
  }
  stages.push({ connections: p.connections, rate: p.rate, durationMs: p.durationMs, ramp: false });
  return stages;
}
function probeConnect(origin, timeoutMs = 5e3) {
  const u = new URL(origin);
  const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
  return new Promise((resolve7) => {
    const sock = connect({ host: u.hostname, port });
    const done = (err) => {
      sock.destroy();
      resolve7(err);
    };
    sock.setTimeout(timeoutMs, () => done("ETIMEDOUT"));
    sock.once("connect", () => done());
    sock.once("error", (e) => done(e.code ?? e.message));
  });
}
async function runBuiltinLoad(o) {
  const { target, profile, log } = o;
  const totalMs = profile.rampMs + profile.durationMs;
  const bucketMs = Math.max(1e3, Math.ceil(totalMs / 40 / 1e3) * 1e3);
  const progressEvery = o.progressEveryMs ?? (totalMs <= 1e4 ? 1e3 : 5e3);
  const timeoutSec = Math.max(1, (o.timeoutMs ?? 1e4) / 1e3);
  const latency = newHistogram();
  const buckets = /* @__PURE__ */ new Map();
  const res = {
    ...emptyResults("builtin", { name: o.profileName, ...profile }),
    target: `${target.origin}${target.requests[0]?.path ?? "/"}`,
    shard: o.shard
  };
  const refused = await probeConnect(target.origin);
  if (refused) {
    log.warning(`load: nothing answers at ${target.origin} (${refused}): no requests were made`);
    res.stoppedEarly = `no connection to ${target.origin}: ${refused}`;
    res.errorKinds[refused] = 1;
    res.timeline = { bucketMs, buckets: [] };
    return res;
  }
  const { default: autocannon } = await import("./chunks/autocannon-55WUTFRG.js");
  const t0 = performance.now();
  const bucket = (now) => {
    const t = Math.floor((now - t0) / bucketMs) * (bucketMs / 1e3);
    let b = buckets.get(t);
    if (!b) buckets.set(t, b = { requests: 0, failed: 0, hist: newHistogram() });
    return b;
  };
  const uniform = target.requests.every(
    (r) => JSON.stringify(r.expectStatus) === JSON.stringify(target.requests[0]?.expectStatus)
  );
  let pendingOk;
  const requests = target.requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: { ...r.headers },
    body: r.body,
    ...uniform ? {} : { onResponse: (status) => void (pendingOk = statusExpected(r, status)) }
  }));
  const first = target.requests[0];
  let stopAll = false;
  let lastProgress = t0;
  const progress = (stageNo, stages2) => {
    const now = performance.now();
    if (now - lastProgress < progressEvery) return;
    lastProgress = now;
    const secs = (now - t0) / 1e3;
    const p952 = percentileMs(latency, 95);
    log.info(
      `load ${formatDuration(now - t0)}/${formatDuration(totalMs)}${stages2.length > 1 ? ` (stage ${stageNo}/${stages2.length}${stages2[stageNo - 1]?.ramp ? ", ramp" : ""})` : ""}: ${res.requests} requests (${(res.requests / secs).toFixed(1)}/s), ${res.failed} failed, p95 ${p952 === void 0 ? "n/a" : `${p952.toFixed(1)}ms`}`
    );
  };
  const stages = loadStages(profile);
  for (let s = 0; s < stages.length && !stopAll; s++) {
    const stage = stages[s];
    await new Promise((resolve7, reject) => {
      const inst = autocannon(
        {
          url: target.origin,
          connections: stage.connections,
          duration: stage.durationMs / 1e3,
          ...stage.rate ? { overallRate: stage.rate } : {},
          timeout: timeoutSec,
          requests
        },
        (err) => err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve7()
      );
      inst.on("response", (_client, statusCode, resBytes, responseTime) => {
        const now = performance.now();
        const ok2 = uniform ? statusExpected(first, statusCode) : pendingOk ?? statusExpected(first, statusCode);
        pendingOk = void 0;
        res.requests++;
        res.responses++;
        res.bytesReceived += resBytes;
        res.statusCodes[String(statusCode)] = (res.statusCodes[String(statusCode)] ?? 0) + 1;
        recordMs(latency, responseTime);
        const b = bucket(now);
        b.requests++;
        recordMs(b.hist, responseTime);
        if (ok2) res.checks.passes++;
        else {
          res.checks.fails++;
          res.unexpectedStatus++;
          res.failed++;
          b.failed++;
        }
      });
      inst.on("reqError", (err) => {
        const e = err;
        const timeout = e?.message === "request timed out";
        const kind = timeout ? "timeout" : e?.code ?? e?.message ?? "error";
        res.requests++;
        res.failed++;
        if (timeout) res.timeouts++;
        else res.socketErrors++;
        res.errorKinds[kind] = (res.errorKinds[kind] ?? 0) + 1;
        const b = bucket(performance.now());
        b.requests++;
        b.failed++;
        if (!timeout && res.responses === 0 && res.socketErrors >= Math.max(50, stage.connections * 10) && !stopAll) {
          stopAll = true;
          res.stoppedEarly = `every connection failed (${kind}) before any response`;
          log.warning(`load: ${res.stoppedEarly}; stopping`);
          inst.stop();
        }
      });
      inst.on("tick", () => progress(s + 1, stages));
    });
  }
  res.wallMs = Math.round(performance.now() - t0);
  res.latency = encodeHistogram(latency);
  res.latencyStats = latencyStats(latency);
  res.timeline = {
    bucketMs,
    buckets: [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([t, b]) => ({ t, requests: b.requests, failed: b.failed, latency: encodeHistogram(b.hist) }))
  };
  const p95 = res.latencyStats?.p95;
  log.info(
    `load done in ${formatDuration(res.wallMs)}: ${res.requests} requests (${(res.requests / (res.wallMs / 1e3)).toFixed(1)}/s), ${res.failed} failed (${res.unexpectedStatus} unexpected status, ${res.socketErrors} socket errors, ${res.timeouts} timeouts), p95 ${p95 === void 0 ? "n/a" : `${p95.toFixed(2)}ms`}`
  );
  return res;
}

// packages/shared/src/gates/profiles.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2, readFileSync as readFileSync4 } from "node:fs";
var PROFILE_NAMES = ["baseline", "peak", "stress", "soak", "custom"];
var BUILTIN_PROFILES = {
  baseline: { connections: 10, rate: 50, durationMs: 3e4, rampMs: 5e3 },
  peak: { connections: 50, rate: 500, durationMs: 6e4, rampMs: 1e4 },
  stress: { connections: 200, rate: 0, durationMs: 12e4, rampMs: 3e4 },
  soak: { connections: 20, rate: 100, durationMs: 18e5, rampMs: 6e4 }
};
function describeProfile(p) {
  return `${p.connections} connections, ${p.rate ? `${p.rate} req/s` : "unlimited rate"}, ${formatDuration(p.durationMs)}${p.rampMs ? ` after a ${formatDuration(p.rampMs)} ramp` : ""}`;
}
function profileError(file, why) {
  return new InputError(
    "profiles_file",
    `Input "profiles_file" names ${JSON.stringify(file)}, which is not a valid profiles file: ${why}; expected YAML such as \`profiles: { peak: { connections: 100, rate: 1000, duration: 2m, ramp: 20s } }\` with profiles among ${PROFILE_NAMES.join(", ")}.`
  );
}
function readProfilesFile(path, isDefault, shown = path) {
  if (!existsSync2(path)) {
    if (isDefault) return {};
    throw profileError(shown, "the file does not exist");
  }
  let doc;
  try {
    doc = (0, import_yaml.parse)(readFileSync4(path, "utf8"), { strict: true, uniqueKeys: true });
  } catch (e) {
    throw profileError(shown, `YAML error: ${e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e)}`);
  }
  if (doc === null || doc === void 0) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) throw profileError(shown, "not a mapping");
  const root = doc.profiles ?? doc;
  if (typeof root !== "object" || root === null || Array.isArray(root))
    throw profileError(shown, "`profiles` is not a mapping");
  const out = {};
  for (const [name, body] of Object.entries(root)) {
    if (!PROFILE_NAMES.includes(name)) throw profileError(shown, `unknown profile "${name}"`);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw profileError(shown, `profile "${name}" is not a mapping`);
    }
    const p = {};
    for (const [k, v] of Object.entries(body)) {
      const where = `${name}.${k}`;
      if (k === "connections" || k === "rate") {
        const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < (k === "connections" ? 1 : 0)) {
          throw profileError(shown, `${where} is not a whole number${k === "connections" ? " ≥ 1" : " ≥ 0"}`);
        }
        p[k] = n;
      } else if (k === "duration" || k === "ramp") {
        const ms2 = typeof v === "number" ? v * 1e3 : typeof v === "string" ? parseDuration(v) : void 0;
        if (ms2 === void 0 || ms2 < 0 || k === "duration" && ms2 < 1e3) {
          throw profileError(shown, `${where} is not a duration${k === "duration" ? " of at least 1s" : ""}`);
        }
        p[k === "duration" ? "durationMs" : "rampMs"] = ms2;
      } else {
        throw profileError(shown, `unknown key ${where} (expected connections, rate, duration, ramp)`);
      }
    }
    out[name] = p;
  }
  return out;
}
function resolveProfile(name, fromFile, overrides) {
  const base = name === "custom" ? { rate: 0, rampMs: 0 } : { ...BUILTIN_PROFILES[name] };
  const merged = { ...base, ...fromFile[name] };
  if (overrides.connections !== void 0) merged.connections = overrides.connections;
  if (overrides.rate !== void 0) merged.rate = overrides.rate;
  if (overrides.durationMs !== void 0) merged.durationMs = overrides.durationMs;
  if (name === "custom") {
    if (merged.durationMs === void 0) {
      throw new InputError(
        "duration",
        'Input "duration" is required with load_profile custom but was empty; expected a duration such as 30s, 5m.'
      );
    }
    if (merged.connections === void 0) {
      throw new InputError(
        "connections",
        'Input "connections" is required with load_profile custom but was empty; expected a whole number from 1 to 10000.'
      );
    }
  }
  return {
    connections: merged.connections,
    rate: merged.rate ?? 0,
    durationMs: merged.durationMs,
    rampMs: merged.rampMs ?? 0
  };
}
function parseShard(text2) {
  const m = /^(\d+)\/(\d+)$/.exec(text2.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) {
    throw new InputError(
      "shard",
      `Input "shard" has an invalid value ${JSON.stringify(text2)}; expected i/n with 1 ≤ i ≤ n, e.g. 2/4.`
    );
  }
  return { index, count };
}
function shareOf(total, shard) {
  return Math.floor(total / shard.count) + (shard.index <= total % shard.count ? 1 : 0);
}
function shardProfile(p, shard) {
  if (!shard || shard.count === 1) return p;
  if (p.connections < shard.count) {
    throw new InputError(
      "shard",
      `Input "shard" splits the load ${shard.count} ways but the profile has only ${p.connections} connections; expected at most as many shards as connections.`
    );
  }
  return {
    ...p,
    connections: shareOf(p.connections, shard),
    rate: p.rate ? Math.max(1, shareOf(p.rate, shard)) : 0
  };
}

// packages/shared/src/gates/regression.ts
import { existsSync as existsSync3, mkdirSync as mkdirSync2, readFileSync as readFileSync5, writeFileSync } from "node:fs";
import { dirname as dirname3 } from "node:path";
function readBaseline(path) {
  if (!existsSync3(path)) return void 0;
  let doc;
  try {
    doc = JSON.parse(readFileSync5(path, "utf8"));
  } catch (e) {
    throw new StageError(
      `performance-profiling: the baseline ${path} is not JSON: ${e instanceof Error ? e.message : e}`
    );
  }
  const load = doc.load ?? doc;
  if (typeof load !== "object" || load === null || typeof load.requests !== "number") {
    throw new StageError(`performance-profiling: the baseline ${path} holds no load results`);
  }
  return load;
}
var pct = (now, before) => before === 0 ? now === 0 ? 0 : Infinity : (now - before) / before * 100;
function compareToBaseline(current, baseline, baselinePath, maxRegressionPct) {
  const cur = { p95: current.latencyStats?.p95, rps: requestsPerSecond(current) };
  const base = { baselinePath, current: cur, maxRegressionPct, recorded: false };
  if (cur.p95 === void 0 || current.responses === 0) {
    return { ...base, passed: false, reasons: ["no data: this run measured no latency to compare"] };
  }
  if (!baseline) {
    return { ...base, passed: true, reasons: [] };
  }
  const bp95 = baseline.latencyStats?.p95;
  if (bp95 === void 0) {
    return { ...base, passed: false, reasons: [`the baseline ${baselinePath} has no latency data to compare with`] };
  }
  const b = { p95: bp95, rps: requestsPerSecond(baseline), startedAt: baseline.startedAt };
  const p95DeltaPct = pct(cur.p95, b.p95);
  const rpsDeltaPct = pct(cur.rps, b.rps);
  const reasons = [];
  if (p95DeltaPct > maxRegressionPct) {
    reasons.push(
      `p95 grew ${p95DeltaPct.toFixed(1)}% (${b.p95.toFixed(2)}ms → ${cur.p95.toFixed(2)}ms), more than max_regression_pct ${maxRegressionPct}%`
    );
  }
  if (-rpsDeltaPct > maxRegressionPct) {
    reasons.push(
      `throughput dropped ${(-rpsDeltaPct).toFixed(1)}% (${b.rps.toFixed(1)}/s → ${cur.rps.toFixed(1)}/s), more than max_regression_pct ${maxRegressionPct}%`
    );
  }
  return { ...base, baseline: b, p95DeltaPct, rpsDeltaPct, passed: reasons.length === 0, reasons };
}
function recordBaseline(path, doc) {
  mkdirSync2(dirname3(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}
`);
}

// packages/shared/src/gates/service.ts
import { readFileSync as readFileSync6 } from "node:fs";
async function startService(o) {
  const child = startBackground("bash", ["-c", o.command], { cwd: o.cwd, env: o.env, logFile: o.logFile });
  let exited;
  const exitedP = child.exited.then((e) => {
    exited = e;
  });
  const pid = child.pid > 0 ? child.pid : 0;
  const stop = async () => {
    if (exited || !pid) return;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    const killer = setTimeout(() => killGroup(pid, "SIGKILL"), 5e3);
    await exitedP;
    clearTimeout(killer);
    o.log.info(`service: stopped (pid ${pid})`);
  };
  o.log.info(`service: started \`${o.command}\` (pid ${pid}); waiting for ${o.readyUrl}`);
  const started = Date.now();
  let last = "";
  while (Date.now() - started < o.readyTimeoutMs) {
    if (exited) {
      throw new StageError(
        `service: \`${o.command}\` exited (code ${exited.code ?? exited.signal}) before ${o.readyUrl} was ready:
` + tail(readFileSync6(o.logFile, "utf8"))
      );
    }
    try {
      const r = await fetch(o.readyUrl, { signal: AbortSignal.timeout(2e3) });
      await r.arrayBuffer();
      if (r.ok) {
        o.log.info(`service: ready after ${formatDuration(Date.now() - started)}`);
        return { pid, logFile: o.logFile, stop };
      }
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e instanceof Error ? e.cause?.message ?? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new StageError(
    `service: ${o.readyUrl} was not ready within ${formatDuration(o.readyTimeoutMs)} (last: ${last}):
` + tail(readFileSync6(o.logFile, "utf8"))
  );
}

// packages/shared/src/gates/thresholds.ts
var METRICS = {
  http_req_duration: { type: "trend", unit: "ms", description: "request latency (send to last byte)" },
  http_req_failed: { type: "rate", unit: "", description: "share of requests that failed" },
  http_reqs: { type: "counter", unit: "req", description: "requests made" },
  checks: { type: "rate", unit: "", description: "share of checks (expected status) that passed" },
  data_received: { type: "counter", unit: "B", description: "bytes received" }
};
var AGGREGATIONS = {
  trend: "avg, min, med, max, p(N)",
  rate: "rate",
  counter: "count, rate"
};
var LINE = /^([a-z_][a-z0-9_]*)(\{[^}]*\})?\s*:\s*(.+)$/;
var EXPR = /^(avg|min|med|max|count|rate|p\(\s*(\d+(?:\.\d+)?)\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)$/;
function bad2(line, n, why) {
  return new InputError(
    "thresholds",
    `Input "thresholds" has an invalid value ${JSON.stringify(line)} on line ${n}: ${why}; expected one threshold per line in k6 syntax, metric: aggregation operator number, e.g. http_req_duration: p(95)<500, http_req_failed: rate<0.01 (metrics: ${Object.keys(METRICS).join(", ")}).`
  );
}
function parseThresholds(text2) {
  const out = [];
  const lines = text2.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "" || raw.startsWith("#")) continue;
    const m = LINE.exec(raw);
    if (!m) throw bad2(raw, i + 1, "not of the form metric: expression");
    const [, metric, tags, exprRaw] = m;
    if (tags) throw bad2(raw, i + 1, `tagged sub-metrics (${tags}) are not supported`);
    const spec = METRICS[metric];
    if (!spec) throw bad2(raw, i + 1, `unknown metric "${metric}"`);
    const expr = exprRaw.trim().replace(/^["']|["']$/g, "");
    const e = EXPR.exec(expr);
    if (!e) throw bad2(raw, i + 1, `malformed expression "${expr}"`);
    const [, aggRaw, pct3, op, value] = e;
    const aggregation = pct3 !== void 0 ? `p(${Number(pct3)})` : aggRaw;
    const kind = pct3 !== void 0 ? "p(N)" : aggRaw;
    if (!AGGREGATIONS[spec.type].split(", ").includes(kind)) {
      throw bad2(raw, i + 1, `${metric} is a ${spec.type}: its aggregations are ${AGGREGATIONS[spec.type]}`);
    }
    if (pct3 !== void 0 && (Number(pct3) < 0 || Number(pct3) > 100)) {
      throw bad2(raw, i + 1, `percentile ${pct3} is not between 0 and 100`);
    }
    out.push({
      metric,
      aggregation,
      percentile: pct3 !== void 0 ? Number(pct3) : void 0,
      op,
      value: Number(value),
      expression: `${aggregation}${op}${Number(value)}`,
      line: i + 1
    });
  }
  return out;
}
function compare(a, op, b) {
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "==":
    case "===":
      return a === b;
    case "!=":
      return a !== b;
  }
}
function formatMeasured(metric, aggregation, v) {
  const unit = METRICS[metric]?.unit ?? "";
  if (METRICS[metric]?.type === "rate" || aggregation === "rate" && metric !== "http_reqs") {
    return `${Number((v * 100).toFixed(3))}%`;
  }
  if (aggregation === "rate") return `${Number(v.toFixed(1))}/s`;
  return `${Number(v.toFixed(unit === "ms" ? 2 : 0))}${unit === "ms" ? "ms" : unit ? ` ${unit}` : ""}`;
}
function evaluateThresholds(thresholds, source, minSamples) {
  return thresholds.map((t) => {
    const samples = source.samples(t.metric);
    const base = { metric: t.metric, expression: t.expression, samples };
    if (samples === 0) return { ...base, passed: false, reason: `no data: ${t.metric} has no samples` };
    if (samples < minSamples) {
      return { ...base, passed: false, reason: `no data: ${samples} samples, fewer than min_requests ${minSamples}` };
    }
    const measured = source.value(t.metric, t.aggregation, t.percentile);
    if (measured === void 0 || !Number.isFinite(measured)) {
      return { ...base, passed: false, reason: `no data: ${t.aggregation} of ${t.metric} was not measured` };
    }
    const passed = compare(measured, t.op, t.value);
    const shown = formatMeasured(t.metric, t.aggregation, measured);
    return {
      ...base,
      measured,
      passed,
      reason: `${t.aggregation}=${shown}${passed ? " satisfies" : " breaks"} ${t.expression}`
    };
  });
}

// packages/shared/src/gates/gates.ts
function readShardResults(files) {
  if (files.length === 0) throw new StageError("merge: no data: the merge pattern matched no results files");
  const parts = files.map((f) => {
    let doc;
    try {
      doc = JSON.parse(readFileSync7(f, "utf8"));
    } catch (e) {
      throw new StageError(`merge: ${f} is not a results JSON: ${errorMessage(e)}`);
    }
    if (!doc.load) throw new StageError(`merge: ${f} holds no load results`);
    if (doc.load.engine !== "builtin") {
      throw new StageError(
        `merge: ${f} comes from the ${doc.load.engine} engine; only builtin results carry histograms to merge`
      );
    }
    if (!doc.load.shard) throw new StageError(`merge: ${f} is not a shard's results (it was run without shard: i/n)`);
    return { file: f, load: doc.load };
  });
  const n = parts[0].load.shard.count;
  const seen = /* @__PURE__ */ new Map();
  for (const p of parts) {
    const s = p.load.shard;
    if (s.count !== n) throw new StageError(`merge: ${p.file} is shard ${s.index}/${s.count}, others are of ${n}`);
    if (seen.has(s.index))
      throw new StageError(`merge: shard ${s.index}/${n} appears twice (${seen.get(s.index)} and ${p.file})`);
    seen.set(s.index, p.file);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) {
    throw new StageError(
      `merge: shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${n}`).join(", ")} missing: the merged load would be partial`
    );
  }
  const silent = parts.filter((p) => p.load.responses === 0);
  if (silent.length) {
    throw new StageError(
      `merge: ${silent.map((p) => `shard ${p.load.shard.index}/${n}`).join(", ")} received no response${silent.length === 1 && silent[0].load.stoppedEarly ? ` (${silent[0].load.stoppedEarly})` : ""}: the merged load would be partial`
    );
  }
  return parts.map((p) => p.load);
}
async function runQualityGates(c, deps) {
  const { log } = deps;
  mkdirSync3(c.workDir, { recursive: true });
  const mode = c.merge ? "merge" : c.shard && c.shard.count > 1 ? "shard" : "run";
  const report = { passed: false, mode, verdicts: [], resultsPath: c.resultsPath };
  const wantsLoad = c.gates.includes("load-testing") || c.gates.includes("performance-profiling");
  if (wantsLoad) {
    const profile = shardProfile(c.profile, mode === "shard" ? c.shard : void 0);
    if (c.engine === "builtin" || c.merge) {
      report.profileDescription = `${c.profileName}: ${describeProfile(c.profile)}` + (mode === "shard" ? ` — this is shard ${c.shard.index}/${c.shard.count}: ${describeProfile(profile)}` : "");
    }
    if (c.merge) {
      const parts = readShardResults(c.merge);
      report.load = mergeResults(parts);
      log.info(
        `merge: ${parts.length} shards combined: ${report.load.requests} requests, ${report.load.responses} responses`
      );
    } else {
      let k6;
      if (c.engine === "k6") {
        k6 = await acquireK6({ version: c.k6?.version, url: c.k6?.url, log, toolCache: deps.toolCache });
        report.k6 = { source: k6.source, path: k6.path, version: k6.version };
      }
      const service = c.service ? await startService({
        command: c.service.command,
        readyUrl: c.service.readyUrl,
        readyTimeoutMs: c.service.readyTimeoutMs,
        cwd: c.cwd,
        logFile: join4(c.workDir, "service.log"),
        log
      }) : void 0;
      try {
        report.load = await log.group(
          `Load: ${report.profileDescription ?? `k6 ${c.k6?.script}`}`,
          () => c.engine === "k6" ? runK6({
            k6,
            script: c.k6.script,
            cwd: c.cwd,
            workDir: c.workDir,
            shard: mode === "shard" ? c.shard : void 0,
            exec: deps.exec,
            log,
            profileName: c.profileName
          }) : runBuiltinLoad({
            target: c.target,
            profile,
            profileName: c.profileName,
            shard: mode === "shard" ? c.shard : void 0,
            timeoutMs: c.requestTimeoutMs,
            log
          })
        );
      } finally {
        await service?.stop();
      }
    }
    const load = report.load;
    if (load.responses === 0) {
      report.noData = `no data: no response was received${load.stoppedEarly ? ` (${load.stoppedEarly})` : ""}`;
    } else if (load.requests < (mode === "shard" ? Math.ceil(c.minRequests / c.shard.count) : c.minRequests)) {
      report.noData = `no data: ${load.requests} requests, fewer than min_requests ${c.minRequests}${mode === "shard" ? ` (÷${c.shard.count} shards)` : ""}`;
    }
  }
  if (c.gates.includes("load-testing")) {
    const load = report.load;
    if (mode === "shard") {
      report.verdicts.push({
        gate: "load-testing",
        passed: report.noData ? false : void 0,
        reason: report.noData ?? `shard ${c.shard.index}/${c.shard.count} measured ${load.requests} requests; thresholds are evaluated by the merge job`
      });
    } else {
      report.thresholds = evaluateThresholds(c.thresholds, metricSource(load), c.minRequests);
      const reasons = [];
      if (report.noData) reasons.push(report.noData);
      const broken = report.thresholds.filter((t) => !t.passed);
      if (broken.length)
        reasons.push(
          `${broken.length} of ${report.thresholds.length} thresholds failed: ${broken.map((t) => `${t.metric} ${t.expression} (${t.reason})`).join("; ")}`
        );
      if (load.k6) {
        report.k6Thresholds = Object.entries(load.k6.metrics).flatMap(
          ([metric, m]) => Object.entries(m.thresholds ?? {}).map(([expression, passed2]) => ({ metric, expression, passed: passed2 }))
        );
        const k6broken = report.k6Thresholds.filter((t) => !t.passed);
        if (load.k6.thresholdsFailed || k6broken.length) {
          reasons.push(
            `k6 exit code ${load.k6.exitCode}: the script's thresholds failed${k6broken.length ? ` (${k6broken.map((t) => `${t.metric} ${t.expression}`).join(", ")})` : ""}`
          );
        }
      }
      const passed = reasons.length === 0;
      report.verdicts.push({
        gate: "load-testing",
        passed,
        reason: passed ? `${report.thresholds.length} threshold${report.thresholds.length === 1 ? "" : "s"} met over ${load.requests} requests${load.k6 ? " (and the script's k6 thresholds)" : ""}` : reasons.join("; ")
      });
    }
  }
  if (c.gates.includes("performance-profiling")) {
    const load = report.load;
    const rc = c.regression;
    if (mode === "shard") {
      report.verdicts.push({
        gate: "performance-profiling",
        passed: report.noData ? false : void 0,
        reason: report.noData ?? "compared to the baseline by the merge job"
      });
    } else {
      let baseline;
      try {
        baseline = readBaseline(rc.baselinePath);
      } catch (e) {
        report.verdicts.push({ gate: "performance-profiling", passed: false, reason: errorMessage(e) });
      }
      if (!report.verdicts.some((v) => v.gate === "performance-profiling")) {
        const r = compareToBaseline(load, baseline, rc.baselinePath, rc.maxRegressionPct);
        if (report.noData && r.passed) {
          r.passed = false;
          r.reasons.push(report.noData);
        }
        report.regression = r;
        const loadOk = report.verdicts.find((v) => v.gate === "load-testing")?.passed !== false;
        if (!baseline && r.passed && loadOk) r.recorded = true;
        report.verdicts.push({
          gate: "performance-profiling",
          passed: r.passed,
          reason: !r.passed ? r.reasons.join("; ") : !baseline ? r.recorded ? `no baseline at ${rc.baselinePath}: this run is recorded as the baseline` : `no baseline at ${rc.baselinePath}, and this run failed its load gate: not recorded as a baseline` : `p95 ${fmtPct(r.p95DeltaPct)}, throughput ${fmtPct(r.rpsDeltaPct)} against the baseline (limit ${rc.maxRegressionPct}%)`
        });
      }
    }
  }
  if (c.gates.includes("container-build")) {
    const cc = c.container;
    try {
      report.container = await log.group(
        `Container build: ${cc.image}`,
        () => buildContainer({ ...cc, cwd: c.cwd, exec: deps.exec, log })
      );
      report.verdicts.push({
        gate: "container-build",
        passed: report.container.passed,
        reason: report.container.passed ? `${report.container.sizeMb.toFixed(2)} MB in ${report.container.layers} layers${cc.maxImageSizeMb !== void 0 ? ` (budget ${cc.maxImageSizeMb} MB)` : ""}${report.container.smoke ? ", smoke command passed" : ""}` : report.container.reasons.join("; ")
      });
    } catch (e) {
      report.containerError = errorMessage(e);
      report.verdicts.push({ gate: "container-build", passed: false, reason: report.containerError });
    }
  }
  report.passed = report.verdicts.every((v) => v.passed !== false) && (mode === "shard" || report.verdicts.every((v) => v.passed === true));
  const doc = resultsDocument(report);
  mkdirSync3(dirname4(c.resultsPath), { recursive: true });
  writeFileSync2(c.resultsPath, `${JSON.stringify(doc, null, 2)}
`);
  log.info(`results: ${c.resultsPath}`);
  if (report.regression?.recorded && c.regression) {
    recordBaseline(c.regression.baselinePath, doc);
    log.info(
      `performance-profiling: no baseline existed; this run was recorded as the baseline at ${c.regression.baselinePath}`
    );
  }
  return report;
}
function fmtPct(v) {
  if (v === void 0 || !Number.isFinite(v)) return "n/a";
  return `${v >= 0 ? "+" : ""}${v.toFixed(1)}%`;
}
function resultsDocument(r) {
  return {
    version: 1,
    generatedAt: (/* @__PURE__ */ new Date()).toISOString(),
    passed: r.mode === "shard" ? void 0 : r.passed,
    mode: r.mode,
    verdicts: r.verdicts,
    noData: r.noData,
    thresholds: r.thresholds,
    k6Thresholds: r.k6Thresholds,
    regression: r.regression,
    container: r.container,
    containerError: r.containerError,
    load: r.load
  };
}

// packages/shared/src/gates/report.ts
var ms = (v) => v === void 0 || !Number.isFinite(v) ? "n/a" : `${v.toFixed(2)} ms`;
var pct2 = (v) => v === void 0 || !Number.isFinite(v) ? "n/a" : `${v >= 0 ? "+" : ""}${v.toFixed(1)}%`;
var verdict = (p) => p === void 0 ? "⏳ deferred" : p ? "✅ pass" : "❌ fail";
function short(n) {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}
function renderGatesSummary(r, s) {
  const title = r.mode === "shard" ? `Quality gates (shard ${r.load?.shard ? `${r.load.shard.index}/${r.load.shard.count}` : ""}): ${r.verdicts.some((v) => v.passed === false) ? "❌ failed" : "measured, verdict in the merge job"}` : `Quality gates: ${r.passed ? "✅ passed" : "❌ failed"}`;
  s.heading(title);
  s.table(
    ["gate", "verdict", "why"],
    r.verdicts.map((v) => [v.gate, verdict(v.passed), v.reason])
  );
  const load = r.load;
  if (load) {
    s.heading("Load", 3);
    const lines = [];
    if (r.profileDescription) lines.push(`Profile ${r.profileDescription}.`);
    if (load.mergedFrom) lines.push(`Merged from ${load.mergedFrom.length} shards.`);
    if (r.k6) lines.push(`Engine k6 (${r.k6.source}${r.k6.version ? `, ${r.k6.version}` : ""}).`);
    if (load.target) lines.push(`Target \`${load.target}\`.`);
    lines.push(
      `${load.requests} requests in ${formatDuration(load.wallMs)} (${requestsPerSecond(load).toFixed(1)}/s), ${load.failed} failed: ${load.unexpectedStatus} unexpected status, ${load.socketErrors} socket errors, ${load.timeouts} timeouts.`
    );
    const codes = Object.entries(load.statusCodes).map(([c2, n]) => `${c2}×${n}`).join(", ");
    if (codes) lines.push(`Statuses: ${codes}.`);
    const kinds = Object.entries(load.errorKinds).map(([c2, n]) => `${c2}×${n}`).join(", ");
    if (kinds) lines.push(`Errors: ${kinds}.`);
    if (r.noData) lines.push(`**${r.noData}** — a gate never passes on no data.`);
    s.paragraph(lines.join(" "));
  }
  if (r.thresholds?.length) {
    s.heading("Thresholds", 3);
    s.table(
      ["metric", "expression", "measured", "samples", "verdict"],
      r.thresholds.map((t) => [
        t.metric,
        `\`${t.expression}\``,
        t.measured === void 0 ? "no data" : formatMeasured(t.metric, t.expression.replace(/[<>=!].*$/, ""), t.measured),
        t.samples,
        t.passed ? "✅ pass" : `❌ ${t.reason}`
      ]),
      ["l", "l", "r", "r", "l"]
    );
  }
  if (r.k6Thresholds?.length) {
    s.heading("k6 script's thresholds", 3);
    s.table(
      ["metric", "expression", "verdict"],
      r.k6Thresholds.map((t) => [t.metric, `\`${t.expression}\``, t.passed ? "✅ pass" : "❌ fail"])
    );
  }
  const st = load?.latencyStats;
  if (load && st) {
    s.heading("Latency", 3);
    s.table(
      ["min", "avg", "p50", "p90", "p95", "p99", "p99.9", "max"],
      [[ms(st.min), ms(st.avg), ms(st.med), ms(st.p90), ms(st.p95), ms(st.p99), ms(st.p99_9), ms(st.max)]],
      ["r", "r", "r", "r", "r", "r", "r", "r"]
    );
    const buckets = load.timeline?.buckets ?? [];
    if (buckets.length >= 2) {
      const p50 = [];
      const p95 = [];
      for (const b of buckets) {
        const h = decodeHistogram(b.latency);
        p50.push(percentileMs(h, 50) ?? 0);
        p95.push(percentileMs(h, 95) ?? 0);
      }
      s.mermaid(
        xyChart({
          title: "Latency over time (ms): p95 above, p50 below",
          xLabels: buckets.map((b) => `${b.t}s`),
          yLabel: "ms",
          series: [
            { type: "line", values: p95 },
            { type: "line", values: p50 }
          ]
        })
      );
    }
    if (load.latency) {
      const bins = latencyBins(decodeHistogram(load.latency), 12);
      if (bins.length) {
        s.mermaid(
          xyChart({
            title: "Latency histogram (requests per latency range, ms; tail beyond p99.9 in the last bar)",
            xLabels: bins.map((b) => `${short(b.from)}-${short(b.to)}`),
            yLabel: "requests",
            series: [{ type: "bar", values: bins.map((b) => b.count) }]
          })
        );
      }
    }
  }
  const g = r.regression;
  if (g) {
    s.heading("Performance regression", 3);
    if (g.baseline) {
      s.table(
        ["metric", "baseline", "this run", "change", "limit", "verdict"],
        [
          [
            "p95 latency",
            ms(g.baseline.p95),
            ms(g.current.p95),
            pct2(g.p95DeltaPct),
            `+${g.maxRegressionPct}%`,
            (g.p95DeltaPct ?? 0) > g.maxRegressionPct ? "❌ regression" : "✅ pass"
          ],
          [
            "throughput",
            `${g.baseline.rps.toFixed(1)}/s`,
            `${g.current.rps.toFixed(1)}/s`,
            pct2(g.rpsDeltaPct),
            `-${g.maxRegressionPct}%`,
            -(g.rpsDeltaPct ?? 0) > g.maxRegressionPct ? "❌ regression" : "✅ pass"
          ]
        ],
        ["l", "r", "r", "r", "r", "l"]
      );
      s.paragraph(`Baseline \`${g.baselinePath}\` from ${g.baseline.startedAt}.`);
    } else {
      s.paragraph(
        g.recorded ? `No baseline at \`${g.baselinePath}\`: this run (p95 ${ms(g.current.p95)}, ${g.current.rps.toFixed(1)}/s) is recorded as the baseline. Keep the file (artifact or status branch) for the next run.` : `No baseline at \`${g.baselinePath}\`, and none recorded: ${g.reasons.join("; ") || "the load gate failed"}.`
      );
    }
  }
  const c = r.container;
  if (c) {
    s.heading("Container image", 3);
    s.table(
      ["image", "id", "size", "budget", "layers", "builder", "build time", "smoke"],
      [
        [
          c.image,
          `\`${c.imageId.slice(0, 19)}\``,
          `${c.sizeMb.toFixed(2)} MB`,
          c.maxImageSizeMb === void 0 ? "—" : `${c.maxImageSizeMb} MB ${c.sizeMb > c.maxImageSizeMb ? "❌" : "✅"}`,
          c.layers,
          c.builder,
          formatDuration(c.buildMs),
          c.smoke ? `${c.smoke.passed ? "✅" : "❌"} \`${c.smoke.command}\` (exit ${c.smoke.code})` : "—"
        ]
      ]
    );
    if (c.smoke && !c.smoke.passed && c.smoke.output)
      s.details("smoke command output", "```\n" + c.smoke.output + "\n```");
  } else if (r.containerError) {
    s.heading("Container image", 3);
    s.paragraph(`❌ ${r.containerError}`);
  }
  s.paragraph(`Every measurement: \`${r.resultsPath}\`.`);
}

// packages/shared/src/status/model.ts
var STATUS_SCHEMA_VERSION = 1;
function emptyStatus() {
  return { schema_version: STATUS_SCHEMA_VERSION, releases: [] };
}
function ensureRelease(doc, version, init = {}) {
  let rec = findRelease(doc, version, init.tag);
  if (!rec) {
    rec = { version, status: "planned", created_at: (/* @__PURE__ */ new Date()).toISOString(), ...init };
    doc.releases.unshift(rec);
  }
  return rec;
}
function findRelease(doc, version, tag) {
  return doc.releases.find((r) => r.version === version && (tag === void 0 || r.tag === tag));
}

// packages/shared/src/status/open.ts
import { isAbsolute as isAbsolute4, resolve as resolve4 } from "node:path";

// packages/shared/src/git/git.ts
import { spawn as spawn2 } from "node:child_process";
import { realpathSync as realpathSync2 } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve as resolve3 } from "node:path";
var GitError = class extends Error {
  constructor(args, code, stderr) {
    super(`git ${args.join(" ")} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" / ")}`);
    this.args = args;
    this.code = code;
    this.stderr = stderr;
    this.name = "GitError";
  }
  args;
  code;
  stderr;
};
var PUSH_REJECTED = /rejected|non-fast-forward|fetch first|stale info|atomic|failed to update ref|cannot lock ref/i;
var PUSH_DECLINED = /hook declined|GH006|GH013|protected branch|declined by|rule violations/i;
var realpathOr = (p) => {
  try {
    return realpathSync2(p);
  } catch {
    return resolve3(p);
  }
};
var Git = class _Git {
  constructor(cwd, opts = {}) {
    this.cwd = cwd;
    this.opts = opts;
  }
  cwd;
  opts;
  /**
   * Why `cwd` cannot be released from, said with the fix; undefined when it is the top level of a git checkout.
   * A subdirectory is named as such: git would work there, but package.json and the changelog are the top's.
   */
  async checkoutProblem() {
    const r = await this.run(["rev-parse", "--show-toplevel"]);
    const top = r.code === 0 ? r.stdout.trim() : "";
    if (!top)
      return `${this.cwd} is not a git checkout: in a workflow, run actions/checkout (fetch-depth: 0) first; locally, cd into your repository's top level (git rev-parse --show-toplevel prints it).`;
    if (resolve3(top) !== resolve3(this.cwd) && realpathOr(top) !== realpathOr(this.cwd))
      return `${this.cwd} is not a git checkout's top level but a subdirectory of ${top}: run from the top level (cd "$(git rev-parse --show-toplevel)"), or in a workflow check the repository out at the workspace's root.`;
    return void 0;
  }
  /** A Git for the same repository with more settings (e.g. an auth header for one remote). */
  with(opts) {
    return new _Git(this.cwd, {
      log: opts.log ?? this.opts.log,
      env: { ...this.opts.env, ...opts.env },
      config: { ...this.opts.config, ...opts.config }
    });
  }
  /** A Git that authenticates HTTPS requests to `serverUrl` with a token, as actions/checkout does. */
  withToken(serverUrl, token) {
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    return this.with({
      config: { [`http.${serverUrl.replace(/\/$/, "")}/.extraheader`]: `AUTHORIZATION: basic ${basic}` }
    });
  }
  env(extra) {
    const config = Object.entries(this.opts.config ?? {});
    const env = {
      ...process.env,
      LC_ALL: "C",
      GIT_TERMINAL_PROMPT: "0",
      GIT_ASKPASS: "echo",
      ...this.opts.env,
      ...extra
    };
    if (config.length) {
      const base = Number(env.GIT_CONFIG_COUNT ?? 0);
      config.forEach(([k, v], i) => {
        env[`GIT_CONFIG_KEY_${base + i}`] = k;
        env[`GIT_CONFIG_VALUE_${base + i}`] = v;
      });
      env.GIT_CONFIG_COUNT = String(base + config.length);
    }
    return env;
  }
  /** Run git; resolves with the exit code (does not throw on failure). */
  run(args, o = {}) {
    this.opts.log?.debug(`git ${args.join(" ")}`);
    return new Promise((resolve7, reject) => {
      const child = spawn2("git", args, { cwd: this.cwd, env: this.env(o.env), stdio: ["pipe", "pipe", "pipe"] });
      const out = [];
      const err = [];
      child.stdout.on("data", (d) => out.push(d));
      child.stderr.on("data", (d) => err.push(d));
      child.on("error", reject);
      child.on(
        "close",
        (code) => resolve7({
          code: code ?? 1,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8")
        })
      );
      child.stdin.on("error", () => {
      });
      child.stdin.end(o.input ?? "");
    });
  }
  /** Run git and return stdout; throws GitError on a non-zero exit. */
  async out(args, o = {}) {
    const r = await this.run(args, o);
    if (r.code !== 0) throw new GitError(args, r.code, r.stderr);
    return o.trim === false ? r.stdout : r.stdout.trim();
  }
  /**
   * Stream git's stdout split into records by `separator` (e.g. a NUL between commits of `git log -z`), calling
   * `onRecord` for each without holding the whole output in memory.
   */
  stream(args, separator, onRecord) {
    this.opts.log?.debug(`git ${args.join(" ")}`);
    const sep3 = Buffer.from(separator, "utf8");
    return new Promise((resolve7, reject) => {
      const child = spawn2("git", args, { cwd: this.cwd, env: this.env(), stdio: ["ignore", "pipe", "pipe"] });
      let pending;
      let err = "";
      child.stdout.on("data", (d) => {
        const buf = pending ? Buffer.concat([pending, d]) : d;
        let start = 0;
        let i;
        while ((i = buf.indexOf(sep3, start)) >= 0) {
          onRecord(buf.toString("utf8", start, i));
          start = i + sep3.length;
        }
        pending = start < buf.length ? Buffer.from(buf.subarray(start)) : void 0;
      });
      child.stderr.setEncoding("utf8").on("data", (d) => err += d);
      child.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0) return reject(new GitError(args, code ?? 1, err));
        if (pending?.length) onRecord(pending.toString("utf8"));
        resolve7();
      });
    });
  }
  /**
   * `git log` over `range`, each commit formatted by `format` (no NUL in it) with the files it changed: renames
   * count as both paths (a package moved away still saw the commit), merge commits list none. One process for
   * any number of packages; the caller decides which paths belong to what.
   */
  logWithFiles(range, format, onCommit) {
    return this.stream(
      ["log", "-z", "--no-renames", "--name-only", `--format=%x1e${format}`, ...range, "--"],
      "",
      (rec) => {
        if (!rec) return;
        const end = rec.indexOf("\0");
        if (end < 0) return onCommit(rec, []);
        const files = rec.slice(end + 1).split("\0").map((f) => f.startsWith("\n") ? f.slice(1) : f).filter(Boolean);
        onCommit(rec.slice(0, end), files);
      }
    );
  }
  /** The best common ancestor of every revision (`git merge-base --octopus`), or undefined when there is none. */
  async mergeBase(revs) {
    const r = await this.run(["merge-base", "--octopus", ...revs]);
    if (r.code > 1) throw new GitError(["merge-base", "--octopus", ...revs], r.code, r.stderr);
    return r.code === 0 ? r.stdout.trim().split("\n")[0] || void 0 : void 0;
  }
  /** The commit a revision names, or undefined when it does not exist. */
  async resolve(rev) {
    const r = await this.run(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : void 0;
  }
  head() {
    return this.out(["rev-parse", "HEAD"]);
  }
  /** The checked-out branch name, or undefined on a detached HEAD. */
  async branch() {
    const r = await this.run(["symbolic-ref", "--quiet", "--short", "HEAD"]);
    return r.code === 0 ? r.stdout.trim() : void 0;
  }
  async isShallow() {
    return await this.out(["rev-parse", "--is-shallow-repository"]) === "true";
  }
  /** The boundary commits of a shallow clone (their parents are missing); empty for a complete clone. */
  async shallowCommits() {
    return readShallowFile(await this.out(["rev-parse", "--path-format=absolute", "--git-path", "shallow"]));
  }
  /**
   * `resolve(rev)` and `shallowCommits()` in one `git rev-parse` (one process instead of two: each costs a few
   * milliseconds, and the changelog action runs in well under a second).
   */
  async resolveWithShallow(rev) {
    const r = await this.run([
      "rev-parse",
      "--path-format=absolute",
      "--git-path",
      "shallow",
      "--verify",
      "--quiet",
      `${rev}^{commit}`
    ]);
    const [path = "", commit = ""] = r.code <= 1 ? r.stdout.split("\n") : [];
    return {
      commit: r.code === 0 && commit ? commit : void 0,
      shallow: path ? await readShallowFile(path) : /* @__PURE__ */ new Set()
    };
  }
  /**
   * Fetch more history into a shallow clone: `depth` more commits (`git fetch --deepen`), or all of it when
   * `depth` is 'all' (`--unshallow`). Tags are fetched too (their history as shallow as the rest). Throws GitError.
   */
  async deepen(depth, remote = "origin") {
    const how = depth === "all" ? "--unshallow" : `--deepen=${depth}`;
    await this.out(["fetch", "--quiet", "--no-recurse-submodules", "--tags", how, remote]);
  }
  async isAncestor(ancestor, descendant) {
    const r = await this.run(["merge-base", "--is-ancestor", ancestor, descendant]);
    if (r.code > 1) throw new GitError(["merge-base", "--is-ancestor", ancestor, descendant], r.code, r.stderr);
    return r.code === 0;
  }
  /** Every tag (optionally those matching a glob such as `v*`), with the commit each points to. */
  async tags(pattern) {
    const out = await this.out([
      "for-each-ref",
      "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)",
      pattern ? `refs/tags/${pattern}` : "refs/tags"
    ]);
    if (!out) return [];
    return out.split("\n").map((line) => {
      const [name = "", type = "", object = "", peeled = ""] = line.split("\0");
      return { name, object, annotated: type === "tag", commit: type === "tag" ? peeled : object };
    });
  }
  /** Tags whose commit is an ancestor of (or equal to) `rev`. */
  async mergedTags(rev = "HEAD", pattern) {
    const out = await this.out(["tag", "--merged", rev, "--list", ...pattern ? [pattern] : []]);
    return new Set(out ? out.split("\n") : []);
  }
  /** refs on a remote: `git ls-remote` as a map of ref name → object id (peeled tags as `ref^{}`). */
  async lsRemote(remote, patterns = []) {
    const out = await this.out(["ls-remote", remote, ...patterns]);
    const map = /* @__PURE__ */ new Map();
    for (const line of out.split("\n")) {
      const [sha, ref] = line.split("	");
      if (sha && ref) map.set(ref, sha);
    }
    return map;
  }
  /**
   * Fetch `refspecs` from `remote` (no tags unless a refspec names them). Resolves false when the remote has no
   * such ref (a branch not created yet); any other failure throws GitError.
   */
  async fetch(remote, refspecs, o = {}) {
    const args = ["fetch", "--quiet", "--no-tags", ...o.force ? ["--force"] : [], remote, ...refspecs];
    const r = await this.run(args);
    if (r.code === 0) return true;
    if (/couldn't find remote ref|not our ref|no such ref/i.test(r.stderr)) return false;
    throw new GitError(["fetch", remote, ...refspecs], r.code, r.stderr);
  }
  /** Commit the staged `paths` (empty commits allowed) as `identity`; returns the new commit. */
  async commit(message, o = {}) {
    if (o.paths?.length) await this.out(["add", "--", ...o.paths]);
    const env = identityEnv(o.identity);
    await this.out(["commit", "--quiet", "--allow-empty", "--no-verify", "-m", message], { env });
    return this.head();
  }
  /** An annotated tag on `commit` (replacing a local tag of that name: the remote decides what exists). */
  async tagAnnotated(name, commit, o = {}) {
    await this.out(["tag", "-f", "-a", name, "-m", o.message ?? name, commit], { env: identityEnv(o.identity) });
  }
  /** Delete a local tag; a tag that is not there is no error. */
  async deleteTag(name) {
    await this.run(["tag", "-d", name]);
  }
  /** `git reset --keep`: move the branch back to `rev`, keeping local changes that do not conflict. */
  async resetKeep(rev) {
    return (await this.run(["reset", "--quiet", "--keep", rev])).code === 0;
  }
  async checkoutDetached(rev) {
    await this.out(["checkout", "--quiet", "--detach", rev]);
  }
  /**
   * Push `refspecs` to `remote`: `atomic` (all refs or none), `force`. Never throws on a refusal: the result says
   * whether the remote refused because a ref moved (`rejected`, the caller re-reads and decides) and carries the
   * remote's own message. `lease`: push only while the remote's `ref` is still at `expect` (absent: the ref must
   * not exist), a compare-and-swap in one round trip; a moved ref is `rejected` ("stale info").
   */
  async push(remote, refspecs, o = {}) {
    const flags = [...o.atomic ? ["--atomic"] : [], ...o.force ? ["--force"] : []];
    if (o.lease) flags.push(`--force-with-lease=${o.lease.ref}:${o.lease.expect ?? ""}`);
    const r = await this.run(["push", ...flags, "--porcelain", remote, ...refspecs]);
    const message = (r.stdout + r.stderr).trim();
    const remoteLines = message.split("\n").filter((l) => l.startsWith("remote:")).map((l) => l.replace(/^remote:\s?/, "").trimEnd()).filter((l) => l.trim() !== "");
    const failed = r.code !== 0;
    return {
      ok: !failed,
      rejected: failed && PUSH_REJECTED.test(message),
      declined: failed && PUSH_DECLINED.test(message),
      message,
      remoteLines,
      code: r.code
    };
  }
  /** The content of `path` at `rev`, or undefined when either does not exist. */
  async readBlob(rev, path) {
    const r = await this.run(["cat-file", "blob", `${rev}:${path}`]);
    return r.code === 0 ? r.stdout : void 0;
  }
  /** Point `ref` at `value`, or delete it (value undefined; a ref that is not there is no error). */
  async setRef(ref, value) {
    if (value === void 0) await this.run(["update-ref", "-d", ref]);
    else await this.out(["update-ref", ref, value]);
  }
  /** Set a local committer identity (never the global config). */
  async setIdentity(name, email) {
    await this.out(["config", "user.name", name]);
    await this.out(["config", "user.email", email]);
  }
};
async function readShallowFile(path) {
  try {
    const text2 = await readFile(path, "utf8");
    return new Set(text2.split("\n").filter(Boolean));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
var BOT_IDENTITY = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com"
};
function identityEnv(id = BOT_IDENTITY) {
  return {
    GIT_AUTHOR_NAME: id.name,
    GIT_AUTHOR_EMAIL: id.email,
    GIT_COMMITTER_NAME: id.name,
    GIT_COMMITTER_EMAIL: id.email
  };
}

// packages/shared/src/status/store.ts
import { existsSync as existsSync4, mkdirSync as mkdirSync4, readFileSync as readFileSync8, renameSync, writeFileSync as writeFileSync3 } from "node:fs";
import { dirname as dirname5 } from "node:path";

// packages/shared/src/status/validate.ts
var SEMVER = semver({ description: "" });
var URL_SPEC = url({ description: "" });
var RELEASE_STATES = [
  "planned",
  "releasing",
  "released",
  "published-unverified",
  "deploying",
  "deployed",
  "failed",
  "rolled-back"
];
var RELEASE_TYPES = ["major", "minor", "patch", "hotfix", "prerelease"];
var DEPLOYMENT_STATES = [
  "pending",
  "queued",
  "in_progress",
  "succeeded",
  "failed",
  "rolled-back",
  "inactive",
  "inconclusive"
];
var GATE_STATES = ["passed", "failed", "skipped", "no-data"];
var SLOT_NAMES = ["blue", "green"];
var GATE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._()/:-]{0,63}$/;
var VERSION_KEYS = /* @__PURE__ */ new Set(["version", "previous_version", "rollback_of"]);
var StatusRecordError = class extends StageError {
  constructor(source, entry, problem) {
    super(
      `${source}: ${entry} ${problem}. Fix or remove that entry on the record's branch (or file); it was not used and nothing was overwritten.`
    );
    this.source = source;
    this.entry = entry;
    this.name = "StatusRecordError";
  }
  source;
  entry;
};
var isRec = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var shape = (v) => v === null ? "null" : Array.isArray(v) ? "a list" : `a ${typeof v}`;
function isSemver(v) {
  if (typeof v !== "string" || v.trim() !== v) return false;
  const plus = v.indexOf("+");
  if (plus >= 0 && !/^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/.test(v.slice(plus + 1))) return false;
  return SEMVER.parse(plus >= 0 ? v.slice(0, plus) : v).ok;
}
function check(problems, ok2, what, value, expected) {
  if (!ok2) problems.push(`${what} is ${quoteLogValue(value)}, expected ${expected}`);
}
function checkUrl(problems, value, what) {
  check(problems, typeof value === "string" && URL_SPEC.parse(value).ok, what, value, "an http(s) URL");
}
function checkOneOf(problems, value, what, list2) {
  check(problems, list2.includes(value), what, value, `one of ${list2.join(", ")}`);
}
function checkDeployment(problems, d, where) {
  if (!isRec(d)) {
    problems.push(`${where} is ${shape(d)}, expected a mapping (environment, status, …)`);
    return;
  }
  check(
    problems,
    typeof d.environment === "string" && ENVIRONMENT_NAME_PATTERN.test(d.environment),
    `${where}.environment`,
    d.environment,
    "an environment name of letters, digits and . _ -"
  );
  checkOneOf(problems, d.status, `${where}.status`, DEPLOYMENT_STATES);
  if (d.active_slot !== void 0) checkOneOf(problems, d.active_slot, `${where}.active_slot`, SLOT_NAMES);
  for (const k of ["previous_version", "rollback_of"])
    if (d[k] !== void 0) check(problems, isSemver(d[k]), `${where}.${k}`, d[k], "a semantic version");
  if (d.url !== void 0) checkUrl(problems, d.url, `${where}.url`);
}
function releaseProblems(raw) {
  if (!isRec(raw)) return [`is ${shape(raw)}, not a release (a mapping with version, status, created_at, …)`];
  const p = [];
  if (raw.version === void 0) p.push("has no version");
  else if (!isSemver(raw.version)) p.push('has a version that is not a semantic version such as "1.4.0"');
  if (raw.status !== void 0) checkOneOf(p, raw.status, "status", RELEASE_STATES);
  if (raw.type !== void 0) checkOneOf(p, raw.type, "type", RELEASE_TYPES);
  if (raw.release_url !== void 0) checkUrl(p, raw.release_url, "release_url");
  if (raw.tag !== void 0)
    check(p, typeof raw.tag === "string" && /^[^\s\p{Cc}]{1,255}$/u.test(raw.tag), "tag", raw.tag, "a git tag name");
  if (raw.deployment !== void 0) checkDeployment(p, raw.deployment, "deployment");
  if (raw.deployments !== void 0) {
    if (!Array.isArray(raw.deployments)) p.push(`deployments is ${shape(raw.deployments)}, expected a list`);
    else raw.deployments.forEach((d, i) => checkDeployment(p, d, `deployments[${i}]`));
  }
  if (raw.quality_gates !== void 0) {
    if (!isRec(raw.quality_gates)) p.push(`quality_gates is ${shape(raw.quality_gates)}, expected a mapping by gate`);
    else
      for (const [name, g] of Object.entries(raw.quality_gates)) {
        check(p, GATE_NAME_PATTERN.test(name), "a quality gate name", name, "a short one-line name");
        if (!isRec(g)) p.push(`quality_gates.${quoteLogValue(name, 30)} is ${shape(g)}, expected a mapping`);
        else checkOneOf(p, g.status, `quality_gates.${quoteLogValue(name, 30)}.status`, GATE_STATES);
      }
  }
  if (raw.packages !== void 0) checkPackages(p, raw.packages);
  if (raw.registries !== void 0) {
    const regs = Array.isArray(raw.registries) ? raw.registries.map((r, i) => [String(i), r]) : isRec(raw.registries) ? Object.entries(raw.registries) : void 0;
    if (!regs) p.push(`registries is ${shape(raw.registries)}, expected a list`);
    else
      for (const [k, r] of regs) {
        if (!isRec(r)) continue;
        if (r.url !== void 0)
          check(
            p,
            typeof r.url === "string" && /^[^\s\p{Cc}]{1,2048}$/u.test(r.url),
            `registries[${quoteLogValue(k, 30)}].url`,
            r.url,
            "a URL or image reference on one line"
          );
        if (r.version !== void 0)
          check(p, isSemver(r.version), `registries[${quoteLogValue(k, 30)}].version`, r.version, "a semantic version");
      }
  }
  return p;
}
function checkPackages(p, packages) {
  if (!Array.isArray(packages)) {
    p.push(`packages is ${shape(packages)}, expected a list (name, version, tag)`);
    return;
  }
  packages.forEach((x, i) => {
    const at = `packages[${i}]`;
    if (!isRec(x)) return void p.push(`${at} is ${shape(x)}, expected a mapping (name, version, tag)`);
    check(
      p,
      typeof x.name === "string" && /^[^\s\p{Cc}]{1,214}$/u.test(x.name),
      `${at}.name`,
      x.name,
      "a package name"
    );
    check(p, isSemver(x.version), `${at}.version`, x.version, "a semantic version");
    check(p, typeof x.tag === "string" && /^[^\s\p{Cc}]{1,255}$/u.test(x.tag), `${at}.tag`, x.tag, "a git tag name");
    if (x.previous_version !== void 0)
      check(p, isSemver(x.previous_version), `${at}.previous_version`, x.previous_version, "a semantic version");
    if (x.release_url !== void 0) checkUrl(p, x.release_url, `${at}.release_url`);
  });
}
function entryName(index, raw) {
  const v = isRec(raw) ? raw.version : void 0;
  return `releases[${index}]${v === void 0 ? "" : ` (version ${quoteLogValue(v, 40)})`}`;
}
function assertRelease(raw, index, source) {
  const problems = releaseProblems(raw);
  if (problems.length === 0) return;
  throw new StatusRecordError(source, entryName(index, raw), problems.join("; "));
}

// packages/shared/src/status/yaml.ts
var import_yaml2 = __toESM(require_dist(), 1);
var STATUS_FILE = "release-status.yaml";
var LAZY = /* @__PURE__ */ new WeakMap();
function parseRecordYaml(text2) {
  const doc = (0, import_yaml2.parseDocument)(text2, { uniqueKeys: true });
  if (doc.errors.length) throw doc.errors[0];
  (0, import_yaml2.visit)(doc, {
    Pair(_, pair) {
      if (!(0, import_yaml2.isScalar)(pair.key) || !VERSION_KEYS.has(String(pair.key.value))) return;
      const v = pair.value;
      if ((0, import_yaml2.isScalar)(v) && typeof v.value === "number") pair.value = new import_yaml2.Scalar(v.source ?? String(v.value));
    }
  });
  return doc.toJS({ maxAliasCount: 100 });
}
function lazyRecord(entry, index, source) {
  const target = {};
  const load = () => {
    if (entry.loaded) return;
    let value = entry.value;
    if (entry.text !== void 0) {
      let parsed;
      try {
        parsed = parseRecordYaml(entry.text);
      } catch (e) {
        throw new StatusRecordError(
          source,
          entryName(index(), entry.hint ? { version: entry.hint } : void 0),
          `is not valid YAML (${String(e.message).split("\n")[0]})`
        );
      }
      value = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : parsed;
    }
    assertRelease(value, index(), source);
    Object.assign(target, value);
    entry.loaded = true;
    entry.text = void 0;
    entry.value = void 0;
  };
  const proxy = new Proxy(target, {
    get(t, k, r) {
      if (k === "version" && !entry.loaded && entry.hint !== void 0) return entry.hint;
      load();
      return Reflect.get(t, k, r);
    },
    set(t, k, v, r) {
      load();
      return Reflect.set(t, k, v, r);
    },
    has(t, k) {
      load();
      return Reflect.has(t, k);
    },
    ownKeys(t) {
      load();
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, k) {
      load();
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    defineProperty(t, k, d) {
      load();
      return Reflect.defineProperty(t, k, d);
    },
    deleteProperty(t, k) {
      load();
      return Reflect.deleteProperty(t, k);
    }
  });
  LAZY.set(proxy, entry);
  return proxy;
}
function versionHint(text2, indent) {
  const re = new RegExp(
    `^(?: {${indent}}- +| {${indent + 2}})version: *(?:"([^"\\\\]*)"|'([^']*)'|([^\\s#'"][^\\s#]*))[ \\t]*(?:#.*)?$`,
    "m"
  );
  const m = re.exec(text2);
  const v = m?.[1] ?? m?.[2] ?? m?.[3];
  return isSemver(v) ? v : void 0;
}
function splitReleases(text2) {
  if (/^(---|\.\.\.)(\s|$)/m.test(text2)) return void 0;
  const head = /^releases:[ \t]*(?:#.*)?\r?\n/m.exec(text2);
  if (!head) return void 0;
  const start = head.index + head[0].length;
  const first = /^(?:[ \t]*(?:#.*)?\r?\n)*( *)-( |\r?\n)/my;
  first.lastIndex = start;
  const fm = first.exec(text2);
  if (!fm) return void 0;
  const indent = fm[1].length;
  const itemStart = new RegExp(`^ {${indent}}-(?: |\\r?\\n)`, "gm");
  const end = new RegExp(indent === 0 ? "^(?![-#\\s])" : "^(?=[^\\s#])", "gm");
  end.lastIndex = start;
  const em = end.exec(text2);
  const stop = em ? em.index : text2.length;
  const body = text2.slice(start, stop);
  const starts = [];
  itemStart.lastIndex = 0;
  for (let m = itemStart.exec(body); m; m = itemStart.exec(body)) starts.push(m.index);
  if (starts.length === 0) return void 0;
  const entries = starts.map((s, i) => ({ text: body.slice(s, starts[i + 1] ?? body.length), indent }));
  return { rest: text2.slice(0, start) + body.slice(0, starts[0]) + text2.slice(stop), entries };
}
function parseStatus(text2, o = {}) {
  const source = o.source ?? STATUS_FILE;
  if (text2.trim() === "") return emptyStatus();
  const split = splitReleases(text2);
  const doc = parseRecordYaml(split ? split.rest : text2);
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new Error(`${STATUS_FILE} is not a mapping`);
  const d = doc;
  const releases = [];
  const add = (entry) => {
    const rec = lazyRecord(entry, () => Math.max(0, releases.indexOf(rec)), source);
    releases.push(rec);
  };
  if (split) {
    if (d.releases !== void 0 && d.releases !== null) throw new Error(`${STATUS_FILE}: releases is not a list`);
    for (const e of split.entries)
      add({ text: e.text, indent: e.indent, hint: versionHint(e.text, e.indent), loaded: false });
  } else {
    if (d.releases !== void 0 && d.releases !== null && !Array.isArray(d.releases))
      throw new StatusRecordError(source, "releases", "is not a list; expected a list of releases, newest first");
    for (const value of d.releases ?? []) add({ indent: 2, loaded: false, value });
  }
  if (d.schema_version !== void 0 && typeof d.schema_version !== "number")
    throw new StatusRecordError(source, "schema_version", "is not a number");
  return { ...d, schema_version: d.schema_version ?? STATUS_SCHEMA_VERSION, releases };
}
function quoteVersions(d) {
  (0, import_yaml2.visit)(d, {
    Pair(_, pair) {
      if ((0, import_yaml2.isScalar)(pair.key) && VERSION_KEYS.has(String(pair.key.value)) && (0, import_yaml2.isScalar)(pair.value))
        pair.value.type = import_yaml2.Scalar.QUOTE_DOUBLE;
    }
  });
}
function yamlOf(value) {
  const d = new import_yaml2.Document(value, { aliasDuplicateObjects: false });
  quoteVersions(d);
  return d.toString({ lineWidth: 0 });
}
function rawEntry(e) {
  let text2 = e.text;
  if (e.indent !== 2) {
    const shift = 2 - e.indent;
    text2 = text2.replace(
      /^( *)(?=\S)/gm,
      (sp) => shift > 0 ? " ".repeat(shift) + sp : sp.slice(Math.min(-shift, sp.length))
    );
  }
  if (e.hint)
    text2 = text2.replace(
      new RegExp(`^((?:  - +|    )version: *)${e.hint.replace(/[.+]/g, "\\$&")}(?=[ \\t]*(?:#.*)?$)`, "m"),
      `$1"${e.hint}"`
    );
  return text2.endsWith("\n") ? text2 : `${text2}
`;
}
function stringifyStatus(doc) {
  const { releases, ...rest } = doc;
  const head = yamlOf({ ...rest }).replace(/\n$/, "");
  const parts = releases.map((r) => {
    const lazy = LAZY.get(r);
    if (lazy && !lazy.loaded && lazy.text !== void 0) return rawEntry(lazy);
    const seq = new import_yaml2.Document([r], { aliasDuplicateObjects: false });
    quoteVersions(seq);
    return seq.toString({ lineWidth: 0 }).replace(/^(?=.)/gm, "  ").replace(/\n?$/, "\n");
  });
  return `# release-status.yaml — written by release-actions; newest release first.
${head === "{}" ? "" : `${head}
`}releases:${parts.length ? `
${parts.join("")}` : " []\n"}`;
}

// packages/shared/src/status/store.ts
var repoLocks = /* @__PURE__ */ new Map();
function serialized(key, fn) {
  const prev = repoLocks.get(key) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  repoLocks.set(
    key,
    next.catch(() => void 0)
  );
  return next;
}
var GitBranchStatusStore = class {
  constructor(o) {
    this.o = o;
    this.remote = o.remote ?? "origin";
    this.branch = o.branch ?? "release-status";
    this.path = o.path ?? STATUS_FILE;
    this.log = o.log ?? silentLogger;
    this.maxAttempts = o.maxAttempts ?? 10;
  }
  o;
  remote;
  branch;
  path;
  log;
  maxAttempts;
  /** Number of compare-and-swap retries the last update needed (for summaries and tests). */
  lastRetries = 0;
  /** The branch as this store last wrote it: tip, the record's text, the branch's other files (ls-tree lines). */
  written;
  describe() {
    return `${this.path} on branch ${this.branch}`;
  }
  get trackingRef() {
    return `refs/release-actions/status/${this.branch}`;
  }
  /** Fetch the branch tip into a private ref; undefined when the branch does not exist yet. */
  async fetchTip() {
    const { git } = this.o;
    if (!await git.fetch(this.remote, [`+refs/heads/${this.branch}:${this.trackingRef}`])) {
      await git.setRef(this.trackingRef, void 0);
      return void 0;
    }
    return git.out(["rev-parse", this.trackingRef]);
  }
  async readAt(tip) {
    return this.parse(tip ? await this.o.git.readBlob(tip, this.path) : void 0);
  }
  parse(text2) {
    if (text2 === void 0) return parseStatus("");
    try {
      return parseStatus(text2, { source: this.describe() });
    } catch (e) {
      if (e instanceof StatusRecordError) throw e;
      const why = escapeLogText(e.message.split("\n")[0], { max: 200 });
      throw new StageError(`${this.describe()} cannot be read: ${why}. Fix or remove it; nothing was overwritten.`);
    }
  }
  /** The branch as the remote has it now: tip (undefined: no branch yet), the record's text, the other files. */
  async fetchBranch() {
    const { git } = this.o;
    const tip = await this.fetchTip();
    if (!tip) return { others: [] };
    const others = (await git.out(["ls-tree", tip])).split("\n").filter((l) => l && !l.endsWith(`	${this.path}`));
    return { tip, text: await git.readBlob(tip, this.path), others };
  }
  async read() {
    return serialized(this.o.git.cwd, async () => {
      const tip = await this.fetchTip();
      if (this.written?.tip !== tip) this.written = void 0;
      return this.readAt(tip);
    });
  }
  async update(mutate, message) {
    const { git } = this.o;
    const env = identityEnv(BOT_IDENTITY);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const done = await serialized(git.cwd, () => this.tryUpdate(mutate, message, env));
      if (done) {
        this.lastRetries = attempt - 1;
        return done;
      }
      this.log.info(`${this.describe()} moved under us (attempt ${attempt}); reading it again`);
      await new Promise((r) => setTimeout(r, Math.min(2e3, 50 * 2 ** attempt * Math.random() + 20)));
    }
    throw new StageError(`${this.describe()} kept moving: gave up after ${this.maxAttempts} attempts`);
  }
  /** One compare-and-swap: the saved document, or undefined when another writer got there first. */
  async tryUpdate(mutate, message, env) {
    const { git } = this.o;
    const base = this.written ?? await this.fetchBranch();
    this.written = void 0;
    const doc = this.parse(base.text);
    await mutate(doc);
    const text2 = stringifyStatus(doc);
    const blob = await git.out(["hash-object", "-w", "--stdin"], { input: text2 });
    const tree = await git.out(["mktree"], {
      input: [...base.others, `100644 blob ${blob}	${this.path}`].join("\n") + "\n"
    });
    const commit = await git.out(["commit-tree", tree, ...base.tip ? ["-p", base.tip] : [], "-m", message], { env });
    const ref = `refs/heads/${this.branch}`;
    const push = await git.push(this.remote, [`${commit}:${ref}`], { lease: { ref, expect: base.tip } });
    if (push.ok) {
      await git.setRef(this.trackingRef, commit);
      this.written = { tip: commit, text: text2, others: base.others };
      return doc;
    }
    if (!push.rejected) throw new GitError(["push", this.remote, this.branch], push.code, push.message);
    return void 0;
  }
};
var FileStatusStore = class {
  constructor(file) {
    this.file = file;
  }
  file;
  describe() {
    return this.file;
  }
  async read() {
    return parseStatus(existsSync4(this.file) ? readFileSync8(this.file, "utf8") : "", { source: this.file });
  }
  async update(mutate, _message) {
    const doc = await this.read();
    await mutate(doc);
    mkdirSync4(dirname5(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync3(tmp, stringifyStatus(doc));
    renameSync(tmp, this.file);
    return doc;
  }
};

// packages/shared/src/status/open.ts
async function openStatusStore(v, o) {
  if (v.status_file)
    return new FileStatusStore(isAbsolute4(v.status_file) ? v.status_file : resolve4(o.workspace, v.status_file));
  let git = new Git(o.workspace, { log: o.log });
  const r = await git.run(["remote", "get-url", "origin"]);
  if (r.code !== 0) {
    o.log.warning(
      `no git checkout with an origin remote in ${o.workspace}: the status record (release-status.yaml on ${v.status_branch}) is not read or updated. Check out the repository first, or set status_file.`
    );
    return void 0;
  }
  if (o.token && /^https?:/.test(r.stdout.trim())) git = git.withToken(new URL(r.stdout.trim()).origin, o.token);
  return new GitBranchStatusStore({ git, branch: v.status_branch, log: o.log });
}

// packages/shared/src/gates/status.ts
var round = (n, d = 2) => n === void 0 || !Number.isFinite(n) ? void 0 : Number(n.toFixed(d));
function gateRecords(r, at = (/* @__PURE__ */ new Date()).toISOString()) {
  const out = {};
  const load = r.load;
  const loadMeasurements = {};
  if (load) {
    const s = load.latencyStats;
    const m = {
      requests: load.requests,
      rps: round(requestsPerSecond(load), 1),
      error_rate: load.requests ? round(load.failed / load.requests, 4) : void 0,
      p50_ms: round(s?.med),
      p95_ms: round(s?.p95),
      p99_ms: round(s?.p99)
    };
    for (const [k, v] of Object.entries(m)) if (v !== void 0) loadMeasurements[k] = v;
  }
  for (const v of r.verdicts) {
    if (v.passed === void 0) continue;
    const status = v.passed ? "passed" : r.noData && v.gate !== "container-build" ? "no-data" : "failed";
    const measurements = v.gate === "container-build" ? r.container ? {
      image_id: r.container.imageId,
      image_size_mb: Number(r.container.sizeMb.toFixed(2)),
      layers: r.container.layers
    } : {} : v.gate === "performance-profiling" && r.regression ? {
      ...loadMeasurements,
      ...r.regression.p95DeltaPct !== void 0 ? { p95_delta_pct: round(r.regression.p95DeltaPct, 1) } : {},
      ...r.regression.rpsDeltaPct !== void 0 ? { rps_delta_pct: round(r.regression.rpsDeltaPct, 1) } : {}
    } : loadMeasurements;
    out[v.gate] = { status, measurements, at, reason: v.reason };
  }
  return out;
}
async function recordGates(store, version, r) {
  const records = gateRecords(r);
  await store.update(
    (doc) => {
      const rel = ensureRelease(doc, version);
      rel.quality_gates = { ...rel.quality_gates, ...records };
    },
    `quality-gates: ${version}: ${r.passed ? "passed" : "failed"}`
  );
}

// actions/quality-gates/src/config.ts
import { globSync } from "node:fs";
import { isAbsolute as isAbsolute5, join as join5, relative as relative2, resolve as resolve5, sep as sep2 } from "node:path";
var need = (input, why, accepted) => new InputError(input, `Input "${input}" is required ${why} but was empty; expected ${accepted}.`);
var REQUIRED_ACCEPTS = {
  k6_script: "a k6 script path relative to the workspace",
  baseline_path: "a path for the baseline results JSON (read when it exists, written when it does not)",
  image: "an image reference in lower case such as registry/name:tag"
};
var required = (input, value, why) => {
  if (!value) throw need(input, why, REQUIRED_ACCEPTS[input]);
  return value;
};
var RECORD_ACCEPTS = {
  status_branch: "the branch holding release-status.yaml, e.g. release-status",
  version: "the semantic version whose status record gets the verdicts, e.g. 1.4.0"
};
function confinedPath(workspace, input, path, o = {}) {
  const rel = relative2(workspace, resolve5(workspace, path));
  const inCheckout = !isAbsolute5(path) || rel !== ".." && !rel.startsWith(`..${sep2}`) && !isAbsolute5(rel);
  if (!inCheckout) return path;
  return confinePath(workspace, path, { input, mayBeMissing: o.mayBeMissing, what: o.what });
}
function buildConfig(i, runner) {
  const cwd = runner.workspace;
  const at = (p) => isAbsolute5(p) ? p : resolve5(cwd, p);
  const gates = i.gates;
  const load = gates.includes("load-testing") || gates.includes("performance-profiling");
  const thresholds = parseThresholds(i.thresholds);
  let shard;
  if (i.shard) shard = parseShard(i.shard);
  if (i.shard && i.merge) {
    throw new InputError(
      "merge",
      `Input "merge" has the value ${JSON.stringify(i.merge)} while "shard" is ${JSON.stringify(i.shard)}; expected one or the other: shards run the load, one merge job combines them.`
    );
  }
  const profileName = i.load_profile;
  const profilesFile = at(i.profiles_file);
  const profile = resolveProfile(
    profileName,
    readProfilesFile(profilesFile, i.profiles_file === ".github/load-profiles.yml", i.profiles_file),
    { connections: i.connections, rate: i.rate, durationMs: i.duration }
  );
  let merge;
  let target;
  let k6;
  if (load) {
    if (i.merge) {
      if (i.engine !== "builtin") {
        throw new InputError(
          "merge",
          'Input "merge" works with engine builtin only; expected no merge with engine k6 (k6 summaries carry no histograms to merge).'
        );
      }
      merge = globSync(i.merge, { cwd }).map((f) => confinedPath(cwd, "merge", f, { what: `Input "merge" (${JSON.stringify(i.merge)}) matched ${f}:` })).sort();
    } else if (i.engine === "builtin") {
      target = loadTarget(i.target_url, i.requests);
    } else {
      const script = required("k6_script", i.k6_script, "with engine k6");
      confinedPath(cwd, "k6_script", script);
      k6 = { script, version: i.k6_version, url: i.k6_url };
    }
    if (shard && shard.count > 1 && profile.connections < shard.count && i.engine === "builtin") {
      throw new InputError(
        "shard",
        `Input "shard" has an invalid value "${i.shard}"; expected at most as many shards as connections (${profile.connections}).`
      );
    }
  }
  if (i.start_command === "" !== (i.ready_url === void 0)) {
    throw i.start_command ? need("ready_url", "with start_command", "an absolute URL that answers 2xx once the service is ready") : need("start_command", "with ready_url", "a shell command that starts the service under test");
  }
  if (i.status_branch === "" !== (i.version === void 0)) {
    throw i.status_branch ? need("version", "with status_branch", RECORD_ACCEPTS.version) : need("status_branch", "with version", RECORD_ACCEPTS.status_branch);
  }
  let regression;
  if (gates.includes("performance-profiling")) {
    const baseline = required("baseline_path", i.baseline_path, "with the performance-profiling gate");
    regression = {
      baselinePath: confinedPath(cwd, "baseline_path", baseline, { mayBeMissing: true }),
      maxRegressionPct: i.max_regression_pct ?? 10
    };
  }
  let container;
  if (gates.includes("container-build")) {
    const image = required("image", i.image, "with the container-build gate");
    const buildArgs = parseBuildArgs(i.build_args);
    if (typeof buildArgs === "string") {
      throw new InputError(
        "build_args",
        `Input "build_args" has an invalid value ${JSON.stringify(buildArgs)}; expected one KEY=VALUE per line.`
      );
    }
    if (i.container_smoke_command) {
      try {
        splitCommand(i.container_smoke_command);
      } catch (e) {
        throw new InputError(
          "container_smoke_command",
          `Input "container_smoke_command" has an invalid value ${JSON.stringify(i.container_smoke_command)}: ${e.message}; expected a command line with balanced quotes.`
        );
      }
    }
    container = {
      image,
      context: i.context || ".",
      dockerfile: i.dockerfile || void 0,
      buildArgs,
      maxImageSizeMb: i.max_image_size_mb,
      smokeCommand: i.container_smoke_command || void 0
    };
  }
  const workDir = join5(runner.runnerTemp, "quality-gates");
  const resultsPath = i.results_path ? confinedPath(cwd, "results_path", i.results_path, { mayBeMissing: true }) : join5(workDir, shard && shard.count > 1 ? `results-shard-${shard.index}-of-${shard.count}.json` : "results.json");
  return {
    gates,
    engine: i.engine,
    profileName,
    profile,
    target,
    thresholds,
    minRequests: i.min_requests ?? 100,
    requestTimeoutMs: i.request_timeout,
    shard,
    merge,
    service: i.start_command ? { command: i.start_command, readyUrl: i.ready_url, readyTimeoutMs: i.ready_timeout ?? 6e4 } : void 0,
    k6,
    regression,
    container,
    resultsPath,
    cwd,
    workDir
  };
}

// actions/quality-gates/src/inputs.ts
var action = defineAction("quality-gates", {
  description: "Pre-release gates: load tests with k6-style thresholds and exact percentiles, performance regression against a baseline, container build with a size budget.",
  inputs: {
    load_profile: oneOf(["baseline", "peak", "stress", "soak", "custom"], {
      description: "Named load profile (connections, rate, duration, ramp).",
      default: "baseline"
    }),
    gates: list({
      description: "Gates to run, comma or newline separated.",
      values: ["load-testing", "performance-profiling", "container-build"],
      default: "load-testing",
      min: 1
    }),
    target_url: url({ description: "Base URL of the service under load." }),
    requests: yamlInput({
      description: "Requests each connection cycles through, a YAML or JSON list of `{method, path, headers, body, expect_status}`; paths are relative to target_url (or absolute URLs of one origin).",
      shape: "a YAML or JSON list of {method, path, headers, body, expect_status}",
      validate: (v) => Array.isArray(v) && v.length > 0 ? { value: v } : { error: "not a non-empty list" }
    }),
    profiles_file: text({
      description: "YAML file overriding the built-in profiles (`profiles: {peak: {connections, rate, duration, ramp}}`).",
      default: ".github/load-profiles.yml"
    }),
    connections: number({
      description: "Concurrent connections (overrides the profile).",
      integer: true,
      min: 1,
      max: 1e4
    }),
    rate: number({
      description: "Requests per second across all connections (overrides the profile).",
      integer: true,
      min: 1
    }),
    duration: duration({
      description: "Load duration (overrides the profile; required for custom).",
      min: 1e3
    }),
    thresholds: text({
      description: "One threshold per line in k6 syntax, e.g. `http_req_duration: p(95)<500`.",
      multiline: true,
      default: "http_req_failed: rate<0.01\nhttp_req_duration: p(95)<500"
    }),
    min_requests: number({
      description: "Fewest requests a load gate needs to give a verdict.",
      default: "100",
      integer: true,
      min: 1
    }),
    request_timeout: duration({
      description: "A request with no response after this long counts as a failed request (timeout).",
      default: "10s",
      min: 1e3
    }),
    start_command: text({
      description: "Shell command that starts the service under test before the load; it is stopped after."
    }),
    ready_url: url({ description: "URL that answers 2xx once the service started by start_command is ready." }),
    ready_timeout: duration({ description: "How long to wait for ready_url.", default: "60s", min: 1e3 }),
    engine: oneOf(["builtin", "k6"], { description: "Load engine.", default: "builtin" }),
    k6_script: text({ description: "The k6 script to run (engine k6), relative to the workspace." }),
    k6_version: semver({
      description: "k6 version to fetch into the tool cache (engine k6; default: k6 from the PATH, else 1.3.0).",
      allowV: true
    }),
    k6_url: url({ description: "Archive (.tar.gz or .zip) to fetch k6 from instead of the GitHub release." }),
    baseline_path: text({ description: "Results JSON of a previous run to compare against." }),
    max_regression_pct: number({
      description: "Largest p95 growth or throughput drop tolerated, in percent.",
      default: "10",
      min: 0
    }),
    image: text({
      description: "Image name for the container-build gate.",
      pattern: /^[a-z0-9]+([._/:-][a-z0-9]+)*$/,
      patternHint: "an image reference in lower case such as registry/name:tag"
    }),
    context: text({ description: "Build context of the image, relative to the workspace.", default: "." }),
    dockerfile: text({
      description: "Dockerfile, relative to the workspace (default: Dockerfile in the context)."
    }),
    build_args: text({
      description: "Build arguments, one `KEY=VALUE` per line.",
      multiline: true
    }),
    max_image_size_mb: number({ description: "Image size budget in MB.", min: 0 }),
    container_smoke_command: text({
      description: "Command run in the built image (`docker run --rm --network host <image> <command>`); it must exit 0."
    }),
    shard: text({
      description: "This runner's share of the load, `i/n`.",
      pattern: /^[1-9]\d*\/[1-9]\d*$/,
      patternHint: "i/n with 1 ≤ i ≤ n, e.g. 2/4"
    }),
    merge: text({
      description: "Glob of shard results files to merge (no load is generated); thresholds are evaluated over the whole."
    }),
    status_branch: text({
      description: "Branch holding release-status.yaml: when set (with version), the verdicts are recorded there.",
      identifier: true
    }),
    version: semver({
      description: "The version being released, whose status record gets the verdicts.",
      allowV: true
    }),
    results_path: text({
      description: "Where to write the results JSON (default: under RUNNER_TEMP)."
    }),
    record_results: text({
      description: "Path of a results JSON written by an earlier run of this action (its `results` output, e.g. a read-only gates job's artifact): no gate runs; its verdicts are recorded in release-status.yaml (with status_branch and version), and `passed` repeats its verdict without failing the step."
    }),
    token: githubToken(
      "Token that pushes the status record to status_branch over HTTPS when the checkout kept no credentials (persist-credentials: false)."
    )
  },
  outputs: {
    passed: "true when every gate passed.",
    results: "Path of the results JSON with every measurement.",
    image_id: "Id of the image built by the container-build gate.",
    image_size_mb: "Size of that image in MB."
  },
  branding: { icon: "check-circle", color: "orange" }
});

// actions/quality-gates/src/record.ts
import { readFileSync as readFileSync9 } from "node:fs";
import { resolve as resolve6 } from "node:path";
var EXPECTED = "the results JSON of an earlier quality-gates run (its `results` output; of the merge job when sharded)";
function readRecordedResults(i, workspace, log) {
  for (const other of ["shard", "merge"]) {
    if (i[other]) {
      throw new InputError(
        other,
        `Input "${other}" has the value ${JSON.stringify(i[other])} while "record_results" is ${JSON.stringify(i.record_results)}; expected one or the other: record_results runs no load, it records an earlier run's verdicts.`
      );
    }
  }
  if (!i.status_branch) throw need("status_branch", "with record_results", RECORD_ACCEPTS.status_branch);
  if (!i.version) throw need("version", "with record_results", RECORD_ACCEPTS.version);
  const path = resolve6(workspace, confinedPath(workspace, "record_results", i.record_results));
  let doc;
  try {
    doc = JSON.parse(readFileSync9(path, "utf8"));
  } catch (e) {
    throw new InputError(
      "record_results",
      `Input "record_results" has the value ${JSON.stringify(i.record_results)}, which cannot be read as JSON (${errorMessage(e)}); expected ${EXPECTED}.`
    );
  }
  const d = doc;
  if (typeof d !== "object" || d === null || d.version !== 1 || !Array.isArray(d.verdicts) || typeof d.passed !== "boolean" || d.mode === "shard") {
    throw new InputError(
      "record_results",
      `Input "record_results" has the value ${JSON.stringify(i.record_results)}, a JSON file without a verdict${d && typeof d === "object" && d.mode === "shard" ? " (a shard's results: record the merge job's)" : ""}; expected ${EXPECTED}.`
    );
  }
  const report = d;
  const named = `Input "record_results" has the value ${JSON.stringify(i.record_results)}`;
  report.verdicts.forEach((v, n) => {
    const gate = v?.gate;
    if (typeof gate !== "string" || !GATE_NAME_PATTERN.test(gate)) {
      throw new InputError(
        "record_results",
        `${named}, whose verdicts[${n}] has the gate name ${quoteLogValue(gate)}; expected a gate name of at most 64 letters, digits, blanks and . _ ( ) / : - on one line (${EXPECTED}).`
      );
    }
    if (typeof v.passed !== "boolean" && v.passed !== void 0) {
      throw new InputError(
        "record_results",
        `${named}, whose verdicts[${n}] (${gate}) has passed ${quoteLogValue(v.passed)}; expected true or false (${EXPECTED}).`
      );
    }
  });
  const passed = report.verdicts.length > 0 && report.verdicts.every((v) => v.passed === true);
  if (report.passed !== passed) {
    const failed = report.verdicts.filter((v) => v.passed !== true).map((v) => v.gate);
    log?.warning(
      `${JSON.stringify(i.record_results)} says passed: ${report.passed}, but its verdicts say ${passed ? "passed" : `failed (${failed.join(", ") || "no verdict"})`}: recorded as ${passed ? "passed" : "failed"}.`
    );
  }
  return { ...report, passed, resultsPath: path };
}

// actions/quality-gates/src/main.ts
async function record(inputs, ctx, version, report) {
  const store = await openStatusStore(
    { status_branch: inputs.status_branch, status_file: "" },
    { workspace: ctx.runner.workspace, token: inputs.token, serverUrl: ctx.runner.serverUrl, log: ctx.log }
  );
  if (!store)
    throw new StageError(`status: the verdicts of ${version} were not recorded: no git checkout with an origin`);
  await recordGates(store, version, report);
  ctx.log.info(`status: quality_gates of ${version} recorded in ${store.describe()}`);
  ctx.summary.paragraph(`Verdicts recorded for ${version} in \`${store.describe()}\`.`);
}
async function run(env = process.env) {
  await runStage(
    action,
    async (inputs, ctx) => {
      if (inputs.record_results) {
        const recorded = readRecordedResults(inputs, ctx.runner.workspace, ctx.log);
        renderGatesSummary(recorded, ctx.summary);
        await record(inputs, ctx, inputs.version, recorded);
        ctx.setOutput("results", recorded.resultsPath);
        ctx.setOutput("passed", String(recorded.passed));
        ctx.log.info(`recorded, not run: the gates ${recorded.passed ? "passed" : "failed"} in the run that wrote it`);
        return;
      }
      const config = buildConfig(inputs, ctx.runner);
      const report = await runQualityGates(config, { log: ctx.log, exec: spawnExec });
      renderGatesSummary(report, ctx.summary);
      ctx.setOutput("results", report.resultsPath);
      if (report.container) {
        ctx.setOutput("image_id", report.container.imageId);
        ctx.setOutput("image_size_mb", report.container.sizeMb.toFixed(2));
      }
      if (report.mode !== "shard") ctx.setOutput("passed", String(report.passed));
      if (inputs.status_branch && inputs.version && report.mode !== "shard") {
        await record(inputs, ctx, inputs.version, report);
      }
      const failed = report.verdicts.filter((v) => v.passed === false);
      for (const v of report.verdicts) {
        if (v.passed !== false) ctx.log.info(`${v.gate}: ${v.passed ? "passed" : "deferred"}: ${v.reason}`);
      }
      if (failed.length) {
        throw new StageError(`quality gates failed: ${failed.map((v) => `${v.gate}: ${v.reason}`).join(" | ")}`);
      }
    },
    env
  );
}

// actions/quality-gates/src/index.ts
await run();
