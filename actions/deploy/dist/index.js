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
  debug,
  error,
  group,
  info,
  notice,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-V7MOKLKZ.js";
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
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${Number((ms / 1e3).toFixed(1))}s`;
  const parts = [];
  let rest = Math.round(ms / 1e3);
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
function bool(o) {
  const accepted = o.refuseTrue ? `false (${o.refuseTrue})` : "true or false";
  return {
    ...common("boolean", o),
    options: o.refuseTrue ? ["false"] : ["true", "false"],
    accepted,
    empty: false,
    parse(raw) {
      const v = raw.trim();
      if (["true", "True", "TRUE"].includes(v)) return o.refuseTrue ? { ok: false, accepted } : ok(true);
      if (["false", "False", "FALSE"].includes(v)) return ok(false);
      return { ok: false, accepted };
    }
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
    const ms = parseDuration(raw);
    if (ms === void 0) return { ok: false, accepted };
    if (o.min !== void 0 && ms < o.min || o.max !== void 0 && ms > o.max) return { ok: false, accepted };
    return ok(ms);
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
    const sep = headers.map((_, i) => ({ l: "---", r: "---:", c: ":---:" })[align?.[i] ?? "l"]);
    const lines = [`| ${headers.map(cell).join(" | ")} |`, `| ${sep.join(" | ")} |`];
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
async function runStage(def, impl2, env = process.env) {
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
    await impl2(parsed.values, ctx);
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

// packages/shared/src/action/github-client.ts
async function optionalGitHubClient(token, ctx, log, without) {
  if (!token || !ctx.runner.repository) {
    log.warning(`no token or repository: ${without}`);
    return void 0;
  }
  ctx.mask(token);
  const { createGitHubClient } = await import("./chunks/github-AXGGEQCN.js");
  return createGitHubClient({ token, apiUrl: ctx.runner.apiUrl, log, retryAfterBaseSeconds: 1 });
}

// packages/shared/src/util/exec.ts
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
var exec = (cmd, args, o = {}) => new Promise((resolve5) => {
  if (o.signal?.aborted) {
    const said = "not started: aborted\n";
    return resolve5({
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
    resolve5({
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
    resolve5({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr, output, timedOut, aborted });
  });
  if (child.stdin) {
    child.stdin.on("error", () => {
    });
    child.stdin.end(o.input);
  }
});
function startBackground(cmd, args, o) {
  mkdirSync(dirname(o.logFile), { recursive: true });
  const fd = openSync(o.logFile, "a");
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  let done = false;
  const exited = new Promise((resolve5) => {
    child.on("exit", (code, signal) => {
      done = true;
      resolve5({ code, signal });
    });
    child.on("error", () => {
      done = true;
      resolve5({ code: 127, signal: null });
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
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

// packages/shared/src/action/environment-inputs.ts
var ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
var environmentInput = (description, dflt) => text({
  description,
  default: dflt,
  pattern: ENVIRONMENT_NAME_PATTERN,
  patternHint: "an environment name of letters, digits and . _ - (no spaces, newlines or shell metacharacters)"
});

// packages/shared/src/deploy/types.ts
var otherSlot = (s) => s === "blue" ? "green" : "blue";

// packages/shared/src/deploy/deadline.ts
var START_GRACE_MS = 1e4;
var STOP_DEADLINE_MS = 4e4;
var ROUTER_SWITCH_MS = 6e4;
var SMOKE_DEADLINE_MS = 12e4;
var RERUN_VERIFY_MS = 1e4;
var ROLLBACK_MIN_MS = 6e4;
var MONITOR_RESERVE_MS = 5e3;
var DeadlineError = class extends StageError {
  constructor(stage, ms) {
    super(`${stage} did not finish within ${formatDuration(ms)}`);
    this.stage = stage;
    this.ms = ms;
    this.name = "DeadlineError";
  }
  stage;
  ms;
};
async function withDeadline(stage, ms, fn) {
  const ctl = new AbortController();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort(new DeadlineError(stage, ms));
      reject(new DeadlineError(stage, ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(ctl.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
var sleep = (ms, signal) => new Promise((resolve5) => {
  if (signal?.aborted) return resolve5();
  const t = setTimeout(done, ms);
  function done() {
    clearTimeout(t);
    signal?.removeEventListener("abort", done);
    resolve5();
  }
  signal?.addEventListener("abort", done, { once: true });
});

// packages/shared/src/deploy/exec.ts
import { readFileSync as readFileSync2 } from "node:fs";
var KEEP = 64e3;
async function runHook(command, o) {
  const r = await exec(command, [], {
    shell: true,
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    timeoutMs: o.timeoutMs,
    maxBuffer: KEEP
  });
  if (r.error) throw r.error;
  if (r.output.trim()) o.log?.debug(`${o.name} output:
${r.output.trimEnd()}`);
  return r;
}
function tail(text2, lines = 5) {
  const t = text2.trim().split("\n").slice(-lines).join(" | ");
  return t === "" ? "(no output)" : t;
}
function startService(command, o) {
  const bg = startBackground("sh", ["-c", command], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    logFile: o.logFile
  });
  return {
    ...bg,
    logFile: o.logFile,
    readLog: () => {
      try {
        return readFileSync2(o.logFile, "utf8");
      } catch {
        return "";
      }
    }
  };
}
function runProgram(bin, args, o) {
  return exec(bin, args, { cwd: o.cwd, env: { ...process.env, ...o.env }, timeoutMs: o.timeoutMs, maxBuffer: KEEP });
}

// packages/shared/src/deploy/http.ts
import { Agent, request } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var agents = { http: new Agent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true }) };
function httpGet(url2, o = {}) {
  const u = new URL(url2);
  const https = u.protocol === "https:";
  const fn = https ? httpsRequest : request;
  const agent = o.keepAlive === false ? false : https ? agents.https : agents.http;
  const t0 = performance.now();
  return new Promise((resolve5, reject) => {
    const req = fn(u, { method: "GET", agent, headers: o.headers, timeout: o.timeoutMs ?? 5e3 }, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (d) => {
        size += d.length;
        if (size <= 1e6) chunks.push(d);
      });
      res.on(
        "end",
        () => resolve5({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          latencyMs: performance.now() - t0
        })
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${o.timeoutMs ?? 5e3}ms`)));
    req.on("error", reject);
    req.end();
  });
}
async function httpGetRetry(url2, o = {}) {
  try {
    return await httpGet(url2, o);
  } catch (e) {
    const code = e.code ?? "";
    if (/ECONNRESET|EPIPE/.test(code) || /socket hang up/.test(e.message)) {
      return httpGet(url2, { ...o, keepAlive: false });
    }
    throw e;
  }
}
function joinUrl(base, path) {
  return new URL(path, base).toString();
}
function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p / 100 * sorted.length)));
  return sorted[rank - 1];
}

// packages/shared/src/deploy/state.ts
import { existsSync, mkdirSync as mkdirSync2, readFileSync as readFileSync3, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var StateFile = class {
  constructor(dir) {
    this.dir = dir;
    this.file = join(dir, "state.json");
  }
  dir;
  file;
  read(environment) {
    if (!existsSync(this.file)) return { environment, weights: {}, slots: {}, deployments: [] };
    const s = JSON.parse(readFileSync3(this.file, "utf8"));
    s.weights ??= {};
    s.slots ??= {};
    s.deployments ??= [];
    return s;
  }
  write(state) {
    mkdirSync2(this.dir, { recursive: true });
    state.updated_at = (/* @__PURE__ */ new Date()).toISOString();
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2) + "\n");
    renameSync(tmp, this.file);
  }
};
function servingVersion(s) {
  return s.active_slot ? s.slots[s.active_slot]?.version : void 0;
}

// packages/shared/src/deploy/smoke.ts
function parseSmokeTests(value) {
  if (!Array.isArray(value)) return { error: "not a list" };
  const out = [];
  for (const [i, item] of value.entries()) {
    if (!item || typeof item !== "object" || Array.isArray(item)) return { error: `item ${i + 1} is not a mapping` };
    const t = item;
    const known = ["path", "expect_status", "body_contains", "body_regex", "max_latency_ms"];
    const unknown = Object.keys(t).filter((k) => !known.includes(k));
    if (unknown.length) return { error: `item ${i + 1}: unknown key ${unknown.join(", ")}` };
    if (typeof t.path !== "string" || !t.path.startsWith("/"))
      return { error: `item ${i + 1}: path must start with /` };
    if (t.expect_status !== void 0 && !(Number.isInteger(t.expect_status) && t.expect_status >= 100 && t.expect_status <= 599))
      return { error: `item ${i + 1}: expect_status must be an HTTP status` };
    if (t.body_contains !== void 0 && typeof t.body_contains !== "string")
      return { error: `item ${i + 1}: body_contains must be text` };
    if (t.body_regex !== void 0) {
      if (typeof t.body_regex !== "string") return { error: `item ${i + 1}: body_regex must be text` };
      try {
        new RegExp(t.body_regex);
      } catch {
        return { error: `item ${i + 1}: body_regex is not a regular expression` };
      }
    }
    if (t.max_latency_ms !== void 0 && !(typeof t.max_latency_ms === "number" && t.max_latency_ms > 0))
      return { error: `item ${i + 1}: max_latency_ms must be a positive number` };
    out.push(t);
  }
  return { value: out };
}
async function runSmokeTests(base, tests, log) {
  const results = [];
  for (const test of tests) {
    const url2 = joinUrl(base, test.path);
    const problems = [];
    let status;
    let latencyMs;
    try {
      const r = await httpGetRetry(url2, { timeoutMs: Math.max(5e3, (test.max_latency_ms ?? 0) * 2) });
      status = r.status;
      latencyMs = Math.round(r.latencyMs);
      const expect = test.expect_status ?? 200;
      if (r.status !== expect) problems.push(`status ${r.status}, expected ${expect}`);
      if (test.body_contains !== void 0 && !r.body.includes(test.body_contains))
        problems.push(`body does not contain ${JSON.stringify(test.body_contains)}`);
      if (test.body_regex !== void 0 && !new RegExp(test.body_regex).test(r.body))
        problems.push(`body does not match /${test.body_regex}/`);
      if (test.max_latency_ms !== void 0 && r.latencyMs > test.max_latency_ms)
        problems.push(`latency ${latencyMs}ms > ${test.max_latency_ms}ms`);
    } catch (e) {
      problems.push(`no answer: ${e.code ?? e.message}`);
    }
    const ok2 = problems.length === 0;
    (ok2 ? log.info.bind(log) : log.warning.bind(log))(
      `smoke ${ok2 ? "passed" : "FAILED"}: GET ${url2} → ${status ?? "-"} in ${latencyMs ?? "-"}ms${ok2 ? "" : ` (${problems.join("; ")})`}`
    );
    results.push({ test, url: url2, ok: ok2, status, latencyMs, problems });
  }
  return results;
}

// packages/shared/src/deploy/version.ts
async function readVersion(src) {
  const r = await httpGetRetry(src.url, { timeoutMs: 5e3 });
  if (r.status < 200 || r.status >= 300) throw new Error(`HTTP ${r.status}`);
  if (src.header) {
    const h = r.headers[src.header.toLowerCase()];
    if (h === void 0) throw new Error(`no ${src.header} header`);
    return String(Array.isArray(h) ? h[0] : h).trim();
  }
  if (src.jsonPath) {
    let v = JSON.parse(r.body);
    for (const key of src.jsonPath.replace(/^\$?\.?/, "").split(".").filter(Boolean)) {
      if (!v || typeof v !== "object") throw new Error(`no ${src.jsonPath} in the JSON`);
      v = v[key];
    }
    if (v === void 0 || v === null || typeof v === "object") throw new Error(`no ${src.jsonPath} in the JSON`);
    return String(v).trim();
  }
  return r.body.trim();
}
var norm = (v) => v.replace(/^v(?=\d)/, "");
async function waitForVersion(src, expected, o) {
  const t0 = Date.now();
  const seen = [];
  let streak = 0;
  let last;
  const need = o.consecutive ?? 3;
  while (Date.now() - t0 < o.timeoutMs) {
    try {
      last = await (o.read ?? readVersion)(src);
    } catch (e) {
      last = `error: ${e.code ?? e.message}`;
    }
    if (!seen.includes(last)) seen.push(last);
    streak = norm(last) === norm(expected) ? streak + 1 : 0;
    if (streak >= need) return { ok: true, seen, elapsedMs: Date.now() - t0, last };
    await sleep(o.pollMs ?? 100);
  }
  return { ok: false, seen, elapsedMs: Date.now() - t0, last };
}
function versionMismatchMessage(src, expected, seen, ms) {
  return `${src.url} still reports ${seen.filter((s) => norm(s) !== norm(expected)).join(", ") || seen.join(", ")} after ${formatDuration(ms)}; expected ${expected}. The platform is not serving the released version.`;
}

// packages/shared/src/deploy/monitor.ts
async function queryPrometheus(base, query) {
  const url2 = new URL("api/v1/query", base.endsWith("/") ? base : `${base}/`);
  url2.searchParams.set("query", query);
  const r = await httpGet(url2.toString(), { timeoutMs: 5e3 });
  if (r.status !== 200) throw new Error(`Prometheus answered HTTP ${r.status}: ${r.body.slice(0, 200)}`);
  const body = JSON.parse(r.body);
  if (body.status !== "success") throw new Error(`Prometheus: ${body.error ?? body.status}`);
  const res = body.data?.result;
  let raw;
  if (body.data?.resultType === "scalar") raw = res[1];
  else if (Array.isArray(res) && res.length > 0) raw = res[0].value[1];
  else return null;
  const v = Number(raw);
  return Number.isFinite(v) ? v : null;
}
function parsePrometheusQueries(value) {
  if (!Array.isArray(value)) return { error: "not a list" };
  const out = [];
  for (const [i, item] of value.entries()) {
    if (!item || typeof item !== "object") return { error: `item ${i + 1} is not a mapping` };
    const q = item;
    const unknown = Object.keys(q).filter((k) => !["name", "query", "max", "min"].includes(k));
    if (unknown.length) return { error: `item ${i + 1}: unknown key ${unknown.join(", ")}` };
    if (typeof q.query !== "string" || q.query.trim() === "") return { error: `item ${i + 1}: query is required` };
    if (q.max === void 0 && q.min === void 0) return { error: `item ${i + 1}: give max or min` };
    for (const k of ["max", "min"])
      if (q[k] !== void 0 && typeof q[k] !== "number") return { error: `item ${i + 1}: ${k} must be a number` };
    out.push({
      name: typeof q.name === "string" && q.name ? q.name : `query ${i + 1}`,
      query: q.query,
      ...q.max !== void 0 ? { max: q.max } : {},
      ...q.min !== void 0 ? { min: q.min } : {}
    });
  }
  return { value: out };
}
var fmt = (n, unit = "") => n === void 0 || Number.isNaN(n) ? "-" : `${Number(n.toFixed(3))}${unit}`;
async function monitor(o) {
  const t0 = Date.now();
  const points = [];
  const latencies = [];
  let requests = 0;
  let errors = 0;
  const promSamples = {};
  const queries = o.prometheusUrl ? o.prometheusQueries ?? [] : [];
  for (const q of queries) promSamples[q.name] = 0;
  const perTick = o.probeRequests ?? 5;
  let lastProgress = t0;
  const progressEvery = o.progressEveryMs ?? 6e4;
  const result = (verdict, reason) => ({
    verdict,
    reason,
    points,
    requests,
    errors,
    errorRate: requests ? errors / requests : void 0,
    p95Ms: latencies.length ? percentile(latencies, 95) : void 0,
    promSamples,
    durationMs: Date.now() - t0
  });
  o.log.info(
    `${o.label}: watching for ${formatDuration(o.durationMs)}, every ${formatDuration(o.intervalMs)}${o.probeUrl ? `, probing ${o.probeUrl} (error rate ≤ ${o.maxErrorRate}, p95 ≤ ${o.maxP95Ms}ms)` : ""}${queries.length ? `, ${queries.length} Prometheus queries` : ""}`
  );
  for (let tick = 0; ; tick++) {
    const tickStart = Date.now();
    const point = {
      t: tickStart - t0,
      at: new Date(tickStart).toISOString(),
      requests: 0,
      errors: 0,
      prometheus: {}
    };
    const tickLat = [];
    if (o.probeUrl) {
      for (let i = 0; i < perTick; i++) {
        try {
          const r2 = await httpGet(o.probeUrl, { timeoutMs: Math.max(1e3, o.maxP95Ms * 2) });
          tickLat.push(r2.latencyMs);
          if (r2.status >= 500 || r2.status === 0) point.errors++;
        } catch {
          point.errors++;
          tickLat.push(Math.max(1e3, o.maxP95Ms * 2));
        }
        point.requests++;
      }
      requests += point.requests;
      errors += point.errors;
      latencies.push(...tickLat);
      point.errorRate = point.errors / point.requests;
      point.p95Ms = percentile(tickLat, 95);
      if (point.errorRate > o.maxErrorRate)
        point.breach = `error rate ${fmt(point.errorRate)} > ${o.maxErrorRate} (${point.errors}/${point.requests} probes failed)`;
      else if (point.p95Ms > o.maxP95Ms) point.breach = `p95 ${Math.round(point.p95Ms)}ms > ${o.maxP95Ms}ms`;
    }
    for (const q of queries) {
      let v = null;
      try {
        v = await queryPrometheus(o.prometheusUrl, q.query);
      } catch (e) {
        o.log.warning(`${o.label}: Prometheus query ${q.name} failed: ${e.message}`);
      }
      point.prometheus[q.name] = v;
      if (v === null) continue;
      promSamples[q.name] = (promSamples[q.name] ?? 0) + 1;
      if (!point.breach && q.max !== void 0 && v > q.max) point.breach = `${q.name} = ${fmt(v)} > ${q.max}`;
      if (!point.breach && q.min !== void 0 && v < q.min) point.breach = `${q.name} = ${fmt(v)} < ${q.min}`;
    }
    points.push(point);
    if (point.breach) {
      o.log.warning(`${o.label}: BREACH at +${formatDuration(point.t)}: ${point.breach}`);
      return result("breached", point.breach);
    }
    if (Date.now() - lastProgress >= progressEvery) {
      lastProgress = Date.now();
      const r2 = result("passed", "");
      o.log.info(
        `${o.label}: +${formatDuration(Date.now() - t0)} of ${formatDuration(o.durationMs)}: ${requests} probes, error rate ${fmt(r2.errorRate)}, p95 ${fmt(r2.p95Ms, "ms")}` + queries.map((q) => `, ${q.name}=${fmt(point.prometheus[q.name] ?? void 0)}`).join("")
      );
    }
    const next = t0 + (tick + 1) * o.intervalMs;
    if (next - t0 >= o.durationMs + 1 || Date.now() - t0 >= o.durationMs) break;
    await sleep(Math.max(0, next - Date.now()));
  }
  const short = [];
  if (o.probeUrl && requests < o.minSamples) short.push(`${requests} probe samples`);
  for (const q of queries)
    if ((promSamples[q.name] ?? 0) < o.minSamples) short.push(`${promSamples[q.name] ?? 0} samples of ${q.name}`);
  if (!o.probeUrl && queries.length === 0) short.push("no probe_url and no Prometheus queries");
  const r = result("passed", "");
  const stats = `${requests} probes, error rate ${fmt(r.errorRate)}, p95 ${fmt(r.p95Ms, "ms")}`;
  if (short.length) {
    const why = `no data: ${short.join(", ")} (min_samples ${o.minSamples})`;
    if (o.onNoData === "pass") return result("passed", `${why}; on_no_data is pass`);
    if (o.onNoData === "inconclusive") return result("inconclusive", `${why}; on_no_data is inconclusive`);
    return result("no-data", `${why}; on_no_data is fail`);
  }
  return result("passed", `${formatDuration(Date.now() - t0)} without a breach: ${stats}`);
}

// packages/shared/src/deploy/routers.ts
import { existsSync as existsSync2, mkdirSync as mkdirSync3, readdirSync, readFileSync as readFileSync4, renameSync as renameSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2, isAbsolute, resolve } from "node:path";
var RouterError = class extends StageError {
  constructor(message) {
    super(message);
    this.name = "RouterError";
  }
};
function describeRoutes(targets) {
  const bySlot = /* @__PURE__ */ new Map();
  for (const t of targets) bySlot.set(t.slot, (bySlot.get(t.slot) ?? 0) + t.weight);
  const total = [...bySlot.values()].reduce((a, b) => a + b, 0) || 1;
  return [...bySlot.entries()].map(([s, w]) => `${s}=${Math.round(w / total * 100)}%`).join(",") || "(no traffic)";
}
function renderUpstream(name, targets, host = "127.0.0.1") {
  const lines = [
    "# Written by release-actions deploy: do not edit, the next deploy rewrites it.",
    `# routes: ${describeRoutes(targets)}`,
    `upstream ${name} {`,
    ...targets.map(
      (t) => `  server ${host}:${t.port} weight=${Math.max(1, Math.round(t.weight))} max_fails=0; # ${t.slot}#${t.index}`
    ),
    "  keepalive 32;",
    "}",
    ""
  ];
  return lines.join("\n");
}
function workers(masterPid) {
  const out = /* @__PURE__ */ new Set();
  try {
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync4(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid === masterPid) out.add(Number(d));
      } catch {
      }
    }
  } catch {
  }
  return out;
}
var NginxRouter = class {
  constructor(o) {
    this.o = o;
  }
  o;
  kind = "nginx";
  controlsTraffic = true;
  args() {
    const a = [];
    if (this.o.prefix) a.push("-p", this.o.prefix);
    if (this.o.conf) a.push("-c", this.o.conf);
    return a;
  }
  sh(words) {
    return words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
  }
  /** The master's pid, from the `pid` directive of the main configuration (or the default). */
  masterPid() {
    if (!this.o.conf) return void 0;
    try {
      const conf = readFileSync4(this.o.conf, "utf8");
      const m = /^\s*pid\s+([^;\s]+)\s*;/m.exec(conf);
      if (!m) return void 0;
      const p = m[1];
      const file = isAbsolute(p) ? p : resolve(this.o.prefix ?? dirname2(this.o.conf), p);
      const pid = Number(readFileSync4(file, "utf8").trim());
      return Number.isInteger(pid) && pid > 0 ? pid : void 0;
    } catch {
      return void 0;
    }
  }
  async apply(targets, timeoutMs) {
    const { log } = this.o;
    if (targets.length === 0) throw new RouterError("refusing to route traffic to no instance at all");
    const bin = this.o.bin ?? "nginx";
    const file = this.o.upstreamFile;
    const previous = existsSync2(file) ? readFileSync4(file, "utf8") : void 0;
    const text2 = renderUpstream(this.o.upstreamName, targets, this.o.host);
    mkdirSync3(dirname2(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync2(tmp, text2);
    renameSync2(tmp, file);
    const hookO = { env: {}, cwd: this.o.cwd, timeoutMs: Math.min(timeoutMs, 3e4), log };
    const test = await runHook(this.sh([bin, "-t", "-q", ...this.args()]), { ...hookO, name: "nginx -t" });
    if (test.code !== 0) {
      if (previous === void 0) renameSync2(file, `${file}.rejected`);
      else {
        writeFileSync2(`${file}.rejected`, text2);
        writeFileSync2(tmp, previous);
        renameSync2(tmp, file);
      }
      throw new RouterError(
        `nginx -t refused the configuration with the new upstreams (${describeRoutes(targets)}): ${tail(test.output)}. Not reloaded: traffic is untouched; the refused file is kept as ${file}.rejected`
      );
    }
    const master = this.masterPid();
    const before = master ? workers(master) : /* @__PURE__ */ new Set();
    const reload = this.o.reloadCommand ?? this.sh([bin, "-s", "reload", ...this.args()]);
    const r = await runHook(reload, { ...hookO, name: "nginx reload" });
    if (r.code !== 0) {
      if (previous !== void 0) writeFileSync2(file, previous);
      throw new RouterError(`nginx reload failed (exit ${r.code}): ${tail(r.output)}; upstream file restored`);
    }
    if (master) {
      const end = Date.now() + Math.min(timeoutMs, 1e4);
      while (Date.now() < end) {
        const now = workers(master);
        if ([...now].some((p) => !before.has(p))) break;
        await sleep(20);
      }
    }
    log.info(`nginx: ${this.o.upstreamName} → ${describeRoutes(targets)} (tested, reloaded)`);
  }
};
var CommandRouter = class {
  constructor(o) {
    this.o = o;
  }
  o;
  kind = "command";
  controlsTraffic = true;
  async apply(targets, timeoutMs) {
    const weight = (slot) => targets.filter((t) => t.slot === slot).reduce((a, t) => a + t.weight, 0);
    const env = {
      ...this.o.env,
      WEIGHTS: describeRoutes(targets).replace(/%/g, ""),
      BLUE_WEIGHT: String(weight("blue")),
      GREEN_WEIGHT: String(weight("green")),
      ROUTES_JSON: JSON.stringify(targets)
    };
    const r = await runHook(this.o.command, {
      env,
      cwd: this.o.cwd,
      timeoutMs,
      log: this.o.log,
      name: "router_command"
    });
    if (r.timedOut || r.code !== 0) {
      throw new RouterError(
        `router_command ${r.timedOut ? "timed out" : `failed (exit ${r.code})`} for ${describeRoutes(targets)}: ${tail(r.output)}`
      );
    }
    this.o.log.info(`router_command: ${describeRoutes(targets)}`);
  }
};
var NoRouter = class {
  kind = "none";
  controlsTraffic = false;
  async apply() {
  }
};

// packages/shared/src/deploy/workload-command.ts
import { join as join2 } from "node:path";
function fillTemplate(t, v) {
  return t.replace(/\{port\}/g, String(v.port)).replace(/\{slot\}/g, v.slot).replace(/\{index\}/g, String(v.index)).replace(/\{version\}/g, v.version);
}
function hookEnv(v, extra = {}) {
  return {
    ...extra,
    RELEASE_VERSION: v.version,
    SLOT: v.slot,
    PORT: String(v.port),
    INSTANCE: String(v.index),
    DEPLOY_ENVIRONMENT: v.environment
  };
}
async function waitHealthy(url2, o) {
  const end = Date.now() + o.timeoutMs;
  let why = "no answer yet";
  for (; ; ) {
    const stop = await o.stop?.();
    if (stop) return { ok: false, why: stop };
    try {
      const r = await httpGet(url2, { timeoutMs: Math.max(200, Math.min(2e3, end - Date.now())), keepAlive: false });
      if (r.status >= 200 && r.status < 300) return { ok: true };
      why = `HTTP ${r.status}`;
    } catch (e) {
      why = e.code ?? e.message;
    }
    if (Date.now() >= end) return { ok: false, why };
    await sleep(Math.min(o.pollMs ?? 200, Math.max(0, end - Date.now())));
  }
}
var CommandWorkload = class {
  constructor(o) {
    this.o = o;
  }
  o;
  kind = "command";
  urls(v) {
    const health = fillTemplate(this.o.healthUrl ?? "http://127.0.0.1:{port}/", v);
    const base = this.o.instanceUrl ? fillTemplate(this.o.instanceUrl, v) : `${new URL(health).origin}/`;
    return { health, base };
  }
  async start(req) {
    const { log } = this.o;
    const v = { ...req };
    const env = hookEnv(v, this.o.env);
    const { health, base } = this.urls(v);
    const logFile = join2(this.o.logDir, `${req.slot}-${req.index}.log`);
    log.info(`start_command: ${req.slot}#${req.index} version ${req.version} on port ${req.port} (log: ${logFile})`);
    const svc = startService(this.o.startCommand, { env, cwd: this.o.cwd, logFile, log, name: "start_command" });
    let exit;
    void svc.exited.then((e) => exit = e);
    const health_ = await waitHealthy(health, {
      timeoutMs: req.timeoutMs,
      pollMs: this.o.pollMs,
      stop: () => exit && exit.code !== 0 ? `start_command exited with ${exit.code ?? exit.signal} before ${health} was healthy: ${tail(svc.readLog())}` : void 0
    });
    const inst = {
      slot: req.slot,
      index: req.index,
      port: req.port,
      version: req.version,
      url: base,
      ...svc.hasExited() ? {} : { pid: svc.pid },
      started_at: (/* @__PURE__ */ new Date()).toISOString()
    };
    if (!health_.ok) {
      const why = exit && exit.code !== 0 ? health_.why : `${health} not healthy within ${formatDuration(req.timeoutMs)} (last: ${health_.why})`;
      log.warning(`${req.slot}#${req.index}: ${why}; stopping it`);
      await this.stop({ ...inst, pid: svc.hasExited() ? void 0 : svc.pid });
      throw new StageError(`the new version ${req.version} did not start in slot ${req.slot}: ${why}`);
    }
    log.info(`${req.slot}#${req.index} healthy at ${health}`);
    return inst;
  }
  async stop(inst) {
    const { log } = this.o;
    if (this.o.stopCommand) {
      const r = await runHook(this.o.stopCommand, {
        env: hookEnv({ ...inst, environment: "" }, this.o.env),
        cwd: this.o.cwd,
        timeoutMs: 3e4,
        log,
        name: "stop_command"
      });
      if (r.code !== 0)
        log.warning(`stop_command for ${inst.slot}#${inst.index} failed (${r.code}): ${tail(r.output)}`);
    }
    if (inst.pid && processAlive(inst.pid)) {
      killGroup(inst.pid, "SIGTERM");
      const end = Date.now() + 5e3;
      while (processAlive(inst.pid) && Date.now() < end) await sleep(50);
      if (processAlive(inst.pid)) killGroup(inst.pid, "SIGKILL");
    }
    log.info(`stopped ${inst.slot}#${inst.index} (version ${inst.version})`);
  }
  /**
   * Alive when its health check answers. The recorded process is not asked: a start_command that hands the
   * version to a platform exits 0 once done, possibly after its health check first passed (then its pid was
   * recorded), and a service that died no longer answers on its own port.
   */
  async alive(inst) {
    const r = await waitHealthy(this.urls(inst).health, { timeoutMs: 1e3 });
    return r.ok;
  }
};

// packages/shared/src/deploy/deployments.ts
var Deployments = class {
  constructor(gh, repo, log, urls) {
    this.gh = gh;
    this.repo = repo;
    this.log = log;
    this.urls = urls;
  }
  gh;
  repo;
  log;
  urls;
  async create(o) {
    const res = await this.gh.rest.rest.repos.createDeployment({
      ...this.repo,
      ref: o.ref,
      environment: o.environment,
      payload: o.payload,
      description: o.description.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      production_environment: o.environment === "production"
    });
    if (res.status !== 201 || !("id" in res.data)) {
      throw new Error(
        `GitHub did not create the deployment (HTTP ${res.status}): ${JSON.stringify(res.data).slice(0, 200)}`
      );
    }
    this.log.info(`GitHub deployment ${res.data.id} created for ${o.environment} (${o.payload.version} at ${o.ref})`);
    return res.data.id;
  }
  async status(id, state, description) {
    await this.gh.rest.rest.repos.createDeploymentStatus({
      ...this.repo,
      deployment_id: id,
      state,
      description: description.slice(0, 140),
      ...this.urls.environmentUrl ? { environment_url: this.urls.environmentUrl } : {},
      ...this.urls.logUrl ? { log_url: this.urls.logUrl } : {},
      auto_inactive: true
    });
    this.log.info(`GitHub deployment ${id}: ${state} (${description})`);
  }
  /**
   * The version of the newest deployment of `environment` that succeeded and was not marked failed since
   * (its latest status is success or inactive), skipping `except`.
   */
  async lastGoodVersion(environment, except) {
    const list2 = await this.gh.rest.rest.repos.listDeployments({ ...this.repo, environment, per_page: 30 });
    for (const d of list2.data) {
      const payload = typeof d.payload === "string" ? safeJson(d.payload) : d.payload;
      const version = payload?.version;
      if (!version || version === except) continue;
      const st = await this.gh.rest.rest.repos.listDeploymentStatuses({
        ...this.repo,
        deployment_id: d.id,
        per_page: 10
      });
      const latest = st.data[0]?.state;
      if (latest === "success" || latest === "inactive") return { version, id: d.id };
    }
    return void 0;
  }
  /** The newest deployment of `environment` for `version` (to mark it failed on rollback). */
  async find(environment, version) {
    const list2 = await this.gh.rest.rest.repos.listDeployments({ ...this.repo, environment, per_page: 30 });
    for (const d of list2.data) {
      const payload = typeof d.payload === "string" ? safeJson(d.payload) : d.payload;
      if (payload?.version === version) return d.id;
    }
    return void 0;
  }
};
function safeJson(s) {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
}

// packages/shared/src/deploy/config.ts
var httpChecks = { smoke: runSmokeTests, readVersion, monitor };

// packages/shared/src/deploy/timeline.ts
var Timeline = class {
  constructor(log, onEvent) {
    this.log = log;
    this.onEvent = onEvent;
  }
  log;
  onEvent;
  events = [];
  t0 = Date.now();
  mark(state, detail) {
    const e = {
      at: (/* @__PURE__ */ new Date()).toISOString(),
      t: Date.now() - this.t0,
      state,
      ...detail ? { detail } : {}
    };
    this.events.push(e);
    this.log.info(`[${e.at}] ${state}${detail ? `: ${detail}` : ""}`);
    this.onEvent?.(e);
  }
  elapsed() {
    return Date.now() - this.t0;
  }
};

// packages/shared/src/util/net.ts
import { createServer } from "node:net";
function freePort() {
  return new Promise((resolve5, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve5(port));
    });
  });
}

// packages/shared/src/deploy/run.ts
var Failure = class extends Error {
  constructor(message, trafficMoved) {
    super(message);
    this.trafficMoved = trafficMoved;
  }
  trafficMoved;
};
var DeployRun = class {
  constructor(cfg, deps, env) {
    this.cfg = cfg;
    this.deps = deps;
    this.env = env;
    this.checks = { ...httpChecks, ...deps.checks };
    this.timeline = env.timeline;
    this.oldSlot = env.state.active_slot;
    this.previousVersion = servingVersion(env.state);
    this.newSlot = this.oldSlot ? otherSlot(this.oldSlot) : "blue";
    this.result = {
      status: "failed",
      reason: "",
      newSlot: this.newSlot,
      previousVersion: this.previousVersion,
      rolledBack: false,
      trafficMoved: false,
      timeline: this.timeline.events,
      smoke: [],
      canary: []
    };
    this.timeline.mark(
      "started",
      `${cfg.strategy} of ${cfg.version} to ${cfg.environment}; serving now: ${this.previousVersion ?? "nothing"}${this.oldSlot ? ` in ${this.oldSlot}` : ""}; new slot ${this.newSlot}`
    );
  }
  cfg;
  deps;
  env;
  checks;
  timeline;
  /** The slot serving before the deploy (none on a first deploy). */
  oldSlot;
  previousVersion;
  /** Where the new version goes: always the idle slot. */
  newSlot;
  result;
  t0 = Date.now();
  /** Time left of the deploy's `timeout`. */
  remaining() {
    return this.cfg.timeoutMs - (Date.now() - this.t0);
  }
  /** A step's own deadline, never past the deploy's; a step that would start with no time left is refused. */
  within(ms) {
    const r = this.remaining();
    if (r <= 0) throw new DeadlineError("the deploy", this.cfg.timeoutMs);
    return Math.min(ms, r);
  }
  /** A re-run of the version already serving: verified (alive, version through the router), not redeployed. */
  async alreadyServing() {
    const { cfg, oldSlot, env } = this;
    if (this.previousVersion !== cfg.version || !oldSlot) return void 0;
    const alive = await Promise.all(
      (env.state.slots[oldSlot]?.instances ?? []).map((i) => this.deps.workload.alive(i))
    );
    const v = await waitForVersion(cfg.versionSource, cfg.version, {
      timeoutMs: this.within(RERUN_VERIFY_MS),
      read: this.checks.readVersion,
      pollMs: cfg.versionPollMs
    });
    if (!alive.length || !alive.every(Boolean) || !v.ok) return void 0;
    this.timeline.mark("succeeded", `${cfg.version} already serves in ${oldSlot}; nothing to do`);
    return {
      ...this.result,
      status: "succeeded",
      reason: `${cfg.version} was already deployed and serving`,
      activeSlot: oldSlot,
      newSlot: oldSlot,
      alreadyDeployed: true,
      previousVersion: env.state.deployments.find((d) => d.version !== cfg.version)?.version
    };
  }
  /** Start instances of the new version in the new slot (all of them, or the given indices), each healthy. */
  startNew(indices) {
    return this.env.startSlot(this.newSlot, this.cfg.version, this.cfg.instances, {
      startTimeoutMs: this.within(this.cfg.startTimeoutMs),
      ports: this.cfg.ports,
      indices
    });
  }
  /** Smoke tests and a version check on each new instance directly, before any traffic goes there. */
  async smoke(insts) {
    const { cfg, timeline, result } = this;
    if (!cfg.runSmokeTests) {
      timeline.mark("smoke-skipped", "run_smoke_tests is false");
      return;
    }
    timeline.mark(
      "smoke",
      `${cfg.smokeTests.length} checks on ${insts.length} instance(s) of ${this.newSlot}, no traffic yet`
    );
    for (const inst of insts) {
      const res = await withDeadline(
        "smoke tests",
        this.within(cfg.smokeTimeoutMs ?? SMOKE_DEADLINE_MS),
        () => this.checks.smoke(inst.url, cfg.smokeTests, this.deps.log)
      );
      const u = new URL(cfg.versionSource.url);
      const direct = { ...cfg.versionSource, url: joinUrl(inst.url, u.pathname + u.search) };
      let seen;
      try {
        seen = await this.checks.readVersion(direct);
      } catch (e) {
        seen = `error: ${errorMessage(e)}`;
      }
      const vOk = seen.replace(/^v/, "") === cfg.version;
      res.push({
        test: { path: u.pathname + u.search },
        url: direct.url,
        ok: vOk,
        problems: vOk ? [] : [`reports version ${seen}, expected ${cfg.version}`]
      });
      result.smoke.push(...res);
    }
    const failed = result.smoke.filter((r) => !r.ok);
    if (failed.length) {
      throw new Failure(
        `smoke tests failed on ${this.newSlot} (${cfg.version}); traffic never moved:
` + failed.map((f) => `  - GET ${f.url}: ${f.problems.join("; ")}`).join("\n"),
        false
      );
    }
    timeline.mark("smoke-passed", `${result.smoke.length} checks`);
  }
  /** Move traffic (slot weights, or explicit per-instance targets); from here on a failure is rolled back. */
  async route(weights, targets) {
    await this.env.route(weights, this.within(ROUTER_SWITCH_MS), targets);
    this.result.trafficMoved = true;
  }
  /** The router must report the new version within version_timeout. */
  async checkVersion(label) {
    const { cfg } = this;
    const s0 = Date.now();
    this.timeline.mark("version-check", `${cfg.versionSource.url} must report ${cfg.version}`);
    const v = await waitForVersion(cfg.versionSource, cfg.version, {
      timeoutMs: this.within(cfg.versionTimeoutMs),
      read: this.checks.readVersion,
      pollMs: cfg.versionPollMs
    });
    if (!v.ok) throw new Failure(versionMismatchMessage(cfg.versionSource, cfg.version, v.seen, v.elapsedMs), true);
    this.timeline.mark(
      "version-verified",
      `${cfg.version} serves through the router (${label}, ${formatDuration(Date.now() - s0)})`
    );
  }
  /** Probes (and Prometheus queries) for `durationMs`, cut so that the verdict can still be acted on. */
  analyse(label, durationMs, probeUrl) {
    return this.checks.monitor({
      ...this.cfg.monitor,
      durationMs: Math.min(durationMs, Math.max(0, this.remaining() - MONITOR_RESERVE_MS)),
      probeUrl,
      label,
      log: this.deps.log
    });
  }
  /** probe_url's (else version_url's) path on one instance directly: the canary's own health. */
  directProbe(inst) {
    const p = this.cfg.monitor.probeUrl ?? this.cfg.versionSource.url;
    if (!p) return void 0;
    const u = new URL(p);
    return joinUrl(inst.url, u.pathname + u.search);
  }
  /** The monitoring window after the switch: a breach (or no data) fails the deploy, inconclusive is kept. */
  async monitorWindow() {
    const { cfg, timeline, result } = this;
    if (cfg.monitor.durationMs <= 0) return;
    timeline.mark(
      "monitoring",
      `${formatDuration(cfg.monitor.durationMs)} through ${cfg.monitor.probeUrl ?? "Prometheus only"}`
    );
    const m = await this.analyse("monitoring", cfg.monitor.durationMs, cfg.monitor.probeUrl);
    result.monitor = m;
    if (m.verdict === "breached" || m.verdict === "no-data") throw new Failure(`monitoring failed: ${m.reason}`, true);
    if (m.verdict === "inconclusive") {
      timeline.mark("inconclusive", m.reason);
      result.status = "inconclusive";
      result.reason = m.reason;
    } else timeline.mark("monitor-passed", m.reason);
  }
  /** The new version serves: succeeded (unless inconclusive); the old slot kept for an instant rollback, then retired. */
  async settle() {
    const { cfg, env, oldSlot, result } = this;
    if (result.status !== "inconclusive") {
      result.status = "succeeded";
      result.reason = `${cfg.version} serves in ${this.newSlot}${cfg.monitor.durationMs > 0 ? `; ${result.monitor?.reason}` : ""}`;
    }
    result.activeSlot = this.newSlot;
    const old = oldSlot && env.state.slots[oldSlot];
    if (old) {
      if (cfg.keepPreviousMs <= 0) await env.stopSlot(oldSlot, "keep_previous is 0");
      else {
        old.retire_after = new Date(Date.now() + cfg.keepPreviousMs).toISOString();
        env.save();
        this.timeline.mark(
          "kept-previous",
          `${oldSlot} (${this.previousVersion}) kept until ${old.retire_after} for an instant rollback`
        );
      }
    }
    this.timeline.mark(result.status, result.reason);
  }
  /** A failure: before traffic moved, tear the new slot down; after, roll back (when allowed) or say so. */
  async recover(e) {
    const { cfg, env, oldSlot, newSlot, result, timeline } = this;
    const moved = e instanceof Failure ? e.trafficMoved : result.trafficMoved;
    const why = errorMessage(e);
    result.reason = why;
    result.trafficMoved = moved;
    if (!moved) {
      timeline.mark("aborted", `${why.split("\n")[0]}; tearing down ${newSlot}`);
      await env.stopSlot(newSlot, "deploy failed before traffic moved");
      if (e instanceof RouterError) timeline.mark("traffic-untouched", "the router refused the change");
      if (oldSlot && env.state.weights[newSlot]) await env.route({ [oldSlot]: 100 }, ROUTER_SWITCH_MS);
      result.status = "failed";
      result.activeSlot = oldSlot;
    } else if (cfg.rollbackOnFailure && oldSlot) {
      try {
        await this.rollBack(why.split("\n")[0]);
        result.status = "rolled-back";
        result.rolledBack = true;
        result.activeSlot = oldSlot;
      } catch (re) {
        result.status = "failed";
        result.reason = `${why}; the rollback failed too: ${errorMessage(re)}`;
        result.activeSlot = env.state.active_slot;
      }
    } else {
      result.status = "failed";
      result.activeSlot = env.state.active_slot ?? newSlot;
      timeline.mark(
        "left-as-is",
        cfg.rollbackOnFailure ? "no previous version to roll back to" : "rollback_on_failure is false: traffic left as it is"
      );
    }
    timeline.mark(result.status, result.reason.split("\n")[0]);
  }
  /** Put all traffic back on the old version (every old instance running again) and remove the new one. */
  async rollBack(why) {
    const { cfg, env, oldSlot, previousVersion } = this;
    const r0 = Date.now();
    this.timeline.mark("rolling-back", why);
    if (!oldSlot || !previousVersion) throw new StageError(`${why}; and there is no previous version to roll back to`);
    const budget = Math.max(this.remaining(), ROLLBACK_MIN_MS);
    const olds = env.state.slots[oldSlot]?.instances ?? [];
    const alive = await Promise.all(olds.map((i) => this.deps.workload.alive(i)));
    const dead = olds.filter((_, k) => !alive[k]).map((i) => i.index);
    if (dead.length) await env.stopSlot(oldSlot, "no longer healthy", dead);
    const have = new Set((env.state.slots[oldSlot]?.instances ?? []).map((i) => i.index));
    const missing = Array.from({ length: cfg.instances }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length) {
      this.timeline.mark("restarting-previous", `${oldSlot} ${previousVersion}: ${missing.length} instance(s)`);
      await env.startSlot(oldSlot, previousVersion, cfg.instances, {
        startTimeoutMs: cfg.startTimeoutMs,
        ports: cfg.ports,
        indices: missing
      });
    }
    await env.route({ [oldSlot]: 100 }, Math.min(budget, ROUTER_SWITCH_MS));
    env.state.active_slot = oldSlot;
    env.save();
    const v = await waitForVersion(cfg.versionSource, previousVersion, {
      timeoutMs: Math.min(budget, cfg.versionTimeoutMs),
      read: this.checks.readVersion,
      pollMs: cfg.versionPollMs
    });
    if (!v.ok)
      throw new StageError(
        `rollback: ${versionMismatchMessage(cfg.versionSource, previousVersion, v.seen, v.elapsedMs)}`
      );
    await env.stopSlot(this.newSlot, `rolled back (${why})`);
    this.result.rollbackMs = Date.now() - r0;
    this.timeline.mark("rolled-back", `${previousVersion} serves again (${formatDuration(this.result.rollbackMs)})`);
  }
  /** The deployment in state.json's history (newest first, the last 20). */
  record() {
    const { cfg, env, result } = this;
    env.state.deployments.unshift({
      version: cfg.version,
      slot: this.newSlot,
      status: result.status,
      strategy: cfg.strategy,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      ...this.previousVersion ? { previous_version: this.previousVersion } : {}
    });
    env.state.deployments = env.state.deployments.slice(0, 20);
    env.save();
  }
};

// packages/shared/src/deploy/strategies/blue-green.ts
async function switchAll(run2) {
  const { cfg, newSlot, result, timeline } = run2;
  const insts = await run2.startNew();
  await run2.smoke(insts);
  const s0 = Date.now();
  timeline.mark("switching", `all traffic ${run2.oldSlot ?? "(none)"} → ${newSlot}`);
  await run2.route({ [newSlot]: 100 });
  await run2.checkVersion("switched");
  result.switchMs = Date.now() - s0;
  timeline.mark("switched", `${newSlot} serves ${cfg.version} (${formatDuration(result.switchMs)})`);
}
var blueGreen = { shift: switchAll, keepsPrevious: true };

// packages/shared/src/deploy/strategies/canary.ts
async function shift(run2) {
  const { cfg, oldSlot, newSlot, result, timeline } = run2;
  if (!cfg.canarySteps.includes(100)) throw new StageError("canary_steps must end at 100");
  const insts = await run2.startNew();
  await run2.smoke(insts);
  for (const pct of cfg.canarySteps) {
    const weights = pct >= 100 || !oldSlot ? { [newSlot]: 100 } : { [oldSlot]: 100 - pct, [newSlot]: pct };
    const s0 = Date.now();
    await run2.route(weights);
    timeline.mark("canary-step", `${pct}% to ${cfg.version}`);
    if (pct >= 100) {
      await run2.checkVersion("canary promoted");
      result.switchMs = Date.now() - s0;
      timeline.mark("promoted", `${cfg.version} takes all traffic`);
      return;
    }
    const probe = insts[0] ? run2.directProbe(insts[0]) : void 0;
    const a = await run2.analyse(`canary ${pct}%`, cfg.stepDurationMs, probe);
    result.canary.push({ percent: pct, analysis: a });
    if (a.verdict === "breached" || a.verdict === "no-data")
      throw new Failure(`canary analysis at ${pct}% failed: ${a.reason}`, true);
    timeline.mark("analysis-passed", `${pct}%: ${a.reason}`);
  }
}
var canary = { shift, keepsPrevious: true };

// packages/shared/src/deploy/strategies/immediate.ts
var immediate = { shift: switchAll, keepsPrevious: false };

// packages/shared/src/deploy/strategies/rolling.ts
async function shift2(run2) {
  const { cfg, env, oldSlot, newSlot, timeline } = run2;
  const n = cfg.instances;
  const b = Math.max(1, Math.min(cfg.batchSize, n));
  for (let first = 0; first < n; first += b) {
    const indices = Array.from({ length: Math.min(b, n - first) }, (_, i) => first + i);
    timeline.mark("rolling-batch", `instances ${indices.join(",")} of ${n}`);
    const insts = await run2.startNew(indices);
    if (first === 0) await run2.smoke(insts);
    const targets = [];
    for (const slot of [oldSlot, newSlot]) {
      if (!slot) continue;
      for (const i of env.state.slots[slot]?.instances ?? []) {
        if (slot === oldSlot && indices.includes(i.index)) continue;
        targets.push({ slot, index: i.index, port: i.port, weight: 1 });
      }
    }
    const newPct = Math.round((env.state.slots[newSlot]?.instances.length ?? 0) / n * 100);
    await run2.route({ [newSlot]: newPct, ...oldSlot ? { [oldSlot]: 100 - newPct } : {} }, targets);
    if (oldSlot) await env.stopSlot(oldSlot, "replaced by the new version", indices);
    const alive = await Promise.all(insts.map((i) => run2.deps.workload.alive(i)));
    if (!alive.every(Boolean))
      throw new Failure(`rolling: instance(s) of ${cfg.version} unhealthy after taking traffic`, true);
    timeline.mark(
      "batch-healthy",
      `${env.state.slots[newSlot]?.instances.length ?? 0}/${n} instances run ${cfg.version}`
    );
  }
  await run2.checkVersion("rolled");
}
var rolling = { shift: shift2, keepsPrevious: true };

// packages/shared/src/deploy/strategies/index.ts
var STRATEGIES = {
  "blue-green": blueGreen,
  canary,
  rolling,
  immediate
};

// packages/shared/src/deploy/engine.ts
function routesFor(weights, state) {
  const out = [];
  for (const [slot, pct] of Object.entries(weights)) {
    if (!pct) continue;
    const insts = state.slots[slot]?.instances ?? [];
    for (const i of insts) out.push({ slot, index: i.index, port: i.port, weight: Math.max(1, Math.round(pct)) });
  }
  return out;
}
var Environment = class {
  constructor(deps, environment, timeline) {
    this.deps = deps;
    this.environment = environment;
    this.timeline = timeline;
    this.state = deps.stateFile.read(environment);
  }
  deps;
  environment;
  timeline;
  state;
  save() {
    this.deps.stateFile.write(this.state);
  }
  async startSlot(slot, version, count, o) {
    const started = [];
    const s = this.state.slots[slot] ??= { version, instances: [] };
    s.version = version;
    delete s.retire_after;
    for (const index of o.indices ?? Array.from({ length: count }, (_, i) => i)) {
      const base = o.ports?.[slot];
      const port = base !== void 0 ? base + index : await freePort();
      this.timeline.mark("starting", `${slot}#${index} version ${version} on port ${port}`);
      const inst = await withDeadline(
        `starting ${slot}#${index}`,
        o.startTimeoutMs + START_GRACE_MS,
        () => this.deps.workload.start({
          slot,
          index,
          port,
          version,
          environment: this.environment,
          timeoutMs: o.startTimeoutMs
        })
      );
      s.instances = [...s.instances.filter((i) => i.index !== index), inst];
      started.push(inst);
      this.save();
      this.timeline.mark("healthy", `${slot}#${index} (${version}) at ${inst.url}`);
    }
    return started;
  }
  async stopSlot(slot, why, indices) {
    const s = this.state.slots[slot];
    if (!s) return;
    const victims = s.instances.filter((i) => !indices || indices.includes(i.index));
    for (const inst of victims) {
      try {
        await withDeadline(`stopping ${slot}#${inst.index}`, STOP_DEADLINE_MS, () => this.deps.workload.stop(inst));
      } catch (e) {
        this.deps.log.warning(`could not stop ${slot}#${inst.index}: ${errorMessage(e)}`);
      }
    }
    s.instances = s.instances.filter((i) => !victims.includes(i));
    if (s.instances.length === 0) delete this.state.slots[slot];
    this.save();
    if (victims.length)
      this.timeline.mark("stopped", `${slot} (${s.version}) ${victims.map((i) => `#${i.index}`).join(" ")}: ${why}`);
  }
  /** Traffic by slot weight, split evenly across each slot's instances, or to explicit targets (rolling). */
  async route(weights, timeoutMs, targets = routesFor(weights, this.state)) {
    this.timeline.mark("routing", describeRoutes(targets));
    await withDeadline("router switch", timeoutMs, () => this.deps.router.apply(targets, timeoutMs));
    this.state.weights = { ...weights };
    this.save();
  }
  /** Stop slots other than the active one whose keep-previous time is over. */
  async retireExpired() {
    for (const [slot, s] of Object.entries(this.state.slots)) {
      if (slot === this.state.active_slot || !s.retire_after) continue;
      if (Date.parse(s.retire_after) <= Date.now()) await this.stopSlot(slot, "keep_previous is over");
    }
  }
};
async function deploy(cfg, deps) {
  const env = new Environment(deps, cfg.environment, new Timeline(deps.log, deps.onEvent));
  await env.retireExpired();
  const run2 = new DeployRun(cfg, deps, env);
  const again = await run2.alreadyServing();
  if (again) return again;
  const strategy = STRATEGIES[cfg.strategy];
  try {
    if (env.state.slots[run2.newSlot]?.instances.length)
      await env.stopSlot(run2.newSlot, "making room for the new version");
    await strategy.shift(run2);
    env.state.active_slot = run2.newSlot;
    env.save();
    if (!strategy.keepsPrevious && run2.oldSlot)
      await env.stopSlot(run2.oldSlot, `${cfg.strategy}: the old version is not kept`);
    await run2.monitorWindow();
    await run2.settle();
  } catch (e) {
    await run2.recover(e);
  }
  run2.record();
  return run2.result;
}

// packages/shared/src/deploy/lock.ts
import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync as mkdirSync4, readFileSync as readFileSync5, statSync, unlinkSync, writeFileSync as writeFileSync3 } from "node:fs";
import { hostname } from "node:os";
import { join as join3 } from "node:path";
function procStart(pid) {
  try {
    const stat = readFileSync5(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return void 0;
  }
}
var hostLockDeps = {
  host: hostname(),
  pid: process.pid,
  now: Date.now,
  sleep: (ms) => sleep(ms),
  procStart,
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return e.code === "EPERM";
    }
  }
};
var LOCK_POLL_MS = 200;
var LOCK_PROGRESS_MS = 5e3;
var GUARD_STALE_MS = 3e4;
var describeHolder = (h) => `run ${h.run_id || "(unknown)"} (${h.what}), pid ${h.pid} on host ${h.host}, since ${h.since}`;
var LockTimeoutError = class extends StageError {
  constructor(file, holder, environment, waitedMs, timeoutMs) {
    super(
      `${environment} is locked by another deploy or rollback: ${holder ? describeHolder(holder) : "a holder whose lock file cannot be read"}; waited ${formatDuration(waitedMs)} (lock_timeout ${formatDuration(timeoutMs)}). Deploys and rollbacks of one environment and state_dir run one at a time; if that run is gone, remove ${file}.`
    );
    this.file = file;
    this.holder = holder;
    this.environment = environment;
    this.name = "LockTimeoutError";
  }
  file;
  holder;
  environment;
};
var EnvironmentLock = class {
  constructor(file, holder, requestedAt, waitedMs, waitedFor) {
    this.file = file;
    this.holder = holder;
    this.requestedAt = requestedAt;
    this.waitedMs = waitedMs;
    this.waitedFor = waitedFor;
  }
  file;
  holder;
  requestedAt;
  waitedMs;
  waitedFor;
  release() {
    if (readHolder(this.file)?.token === this.holder.token) removeFile(this.file);
  }
};
var lockFile = (dir, environment) => join3(dir, `${environment}.lock`);
async function acquireLock(o, deps = hostLockDeps) {
  mkdirSync4(o.dir, { recursive: true });
  const file = lockFile(o.dir, o.environment);
  const t0 = deps.now();
  const procStartTime = deps.procStart(deps.pid);
  const me = {
    run_id: o.runId,
    pid: deps.pid,
    host: deps.host,
    since: "",
    what: o.what,
    token: randomUUID(),
    ...procStartTime ? { proc_start: procStartTime } : {}
  };
  let waitedFor;
  let lastSaid = -Infinity;
  for (; ; ) {
    me.since = new Date(deps.now()).toISOString();
    if (create(file, me)) {
      const waited2 = deps.now() - t0;
      if (waitedFor) o.log.info(`lock of ${o.environment} taken after waiting ${formatDuration(waited2)}`);
      return new EnvironmentLock(file, { ...me }, t0, waited2, waitedFor);
    }
    const holder = readHolder(file);
    if (holder === null) continue;
    if (holder && isStale(holder, deps)) {
      takeOver(file, holder, me, o, deps);
      continue;
    }
    waitedFor ??= holder;
    const waited = deps.now() - t0;
    if (waited >= o.timeoutMs) throw new LockTimeoutError(file, holder, o.environment, waited, o.timeoutMs);
    if (deps.now() - lastSaid >= LOCK_PROGRESS_MS) {
      lastSaid = deps.now();
      o.log.info(
        `waiting for the lock of ${o.environment} (${file}): held by ${holder ? describeHolder(holder) : "a run whose lock file cannot be read"}; waited ${formatDuration(waited)} of ${formatDuration(o.timeoutMs)}`
      );
    }
    await deps.sleep(Math.min(LOCK_POLL_MS, o.timeoutMs - waited));
  }
}
function isStale(h, deps) {
  if (h.host !== deps.host) return false;
  if (!deps.alive(h.pid)) return true;
  const now = h.proc_start ? deps.procStart(h.pid) : void 0;
  return now !== void 0 && now !== h.proc_start;
}
function takeOver(file, stale, me, o, deps) {
  const guard = `${file}.takeover`;
  if (!create(guard, me)) {
    const g = readHolder(guard);
    let age = 0;
    try {
      age = deps.now() - statSync(guard).mtimeMs;
    } catch {
      return;
    }
    if (g && isStale(g, deps) || age > GUARD_STALE_MS) removeFile(guard);
    return;
  }
  try {
    if (readHolder(file)?.token !== stale.token) return;
    removeFile(file);
    o.log.warning(
      `took over the lock of ${o.environment} (${file}): its holder, ${describeHolder(stale)}, no longer runs on this host`
    );
  } finally {
    if (readHolder(guard)?.token === me.token) removeFile(guard);
  }
}
function create(file, h) {
  const tmp = `${file}.${h.token}.tmp`;
  writeFileSync3(tmp, JSON.stringify(h, null, 2) + "\n", { mode: 420 });
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if (e.code === "EEXIST") return false;
    try {
      writeFileSync3(file, JSON.stringify(h, null, 2) + "\n", { flag: "wx", mode: 420 });
      return true;
    } catch (e2) {
      if (e2.code === "EEXIST") return false;
      throw e2;
    }
  } finally {
    removeFile(tmp);
  }
}
function readHolder(file) {
  let text2;
  try {
    text2 = readFileSync5(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
  try {
    const h = JSON.parse(text2);
    return typeof h.token === "string" && typeof h.pid === "number" && typeof h.host === "string" ? h : void 0;
  } catch {
    return void 0;
  }
}
function removeFile(file) {
  try {
    unlinkSync(file);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
}

// packages/shared/src/deploy/workload-docker.ts
function imageFor(image, version) {
  return image.includes("{version}") ? image.replace(/\{version\}/g, version) : `${image}:${version}`;
}
var DockerWorkload = class {
  constructor(o) {
    this.o = o;
  }
  o;
  kind = "docker";
  docker(args, timeoutMs = 6e4) {
    return runProgram(this.o.bin ?? "docker", args, { timeoutMs });
  }
  health(v) {
    return fillTemplate(this.o.healthUrl ?? "http://127.0.0.1:{port}/", v);
  }
  async start(req) {
    const { log } = this.o;
    const name = `${this.o.prefix ?? "ra"}-${req.environment}-${req.slot}-${req.index}`;
    const image = imageFor(this.o.image, req.version);
    await this.docker(["rm", "-f", name]);
    const args = [
      "run",
      "-d",
      "--name",
      name,
      "--network",
      "host",
      "--label",
      "release-actions.slot=" + req.slot,
      "--label",
      "release-actions.version=" + req.version,
      "-e",
      `PORT=${req.port}`,
      "-e",
      `RELEASE_VERSION=${req.version}`,
      "-e",
      `SLOT=${req.slot}`,
      ...this.o.runArgs ?? [],
      image
    ];
    log.info(`docker run ${name} (${image}) on port ${req.port}`);
    const run2 = await this.docker(args, req.timeoutMs + 6e4);
    if (run2.code !== 0) {
      await this.docker(["rm", "-f", name]);
      throw new StageError(`docker run ${image} failed (exit ${run2.code}): ${tail(run2.output)}`);
    }
    const health = this.health(req);
    let exited;
    const h = await waitHealthy(health, {
      timeoutMs: req.timeoutMs,
      pollMs: 250,
      stop: async () => {
        const st = await this.inspect(name);
        if (!st.running) exited = `container ${name} exited (code ${st.exitCode ?? "?"}) before it was healthy`;
        return exited;
      }
    });
    if (!h.ok) {
      const logs = await this.docker(["logs", "--tail", "20", name]);
      await this.docker(["rm", "-f", name]);
      const why = exited ?? `${health} not healthy within ${formatDuration(req.timeoutMs)} (last: ${h.why})`;
      throw new StageError(
        `the new version ${req.version} did not start in slot ${req.slot}: ${why}; logs: ${tail(logs.output)}`
      );
    }
    log.info(`${name} healthy at ${health}`);
    return {
      slot: req.slot,
      index: req.index,
      port: req.port,
      version: req.version,
      url: `${new URL(health).origin}/`,
      container: name,
      started_at: (/* @__PURE__ */ new Date()).toISOString()
    };
  }
  async inspect(name) {
    const r = await this.docker(["inspect", "-f", "{{.State.Running}} {{.State.ExitCode}}", name], 15e3);
    if (r.code !== 0) return { running: false, exitCode: void 0 };
    const [running, code] = r.output.trim().split(" ");
    return { running: running === "true", exitCode: Number(code) };
  }
  async stop(inst) {
    if (!inst.container) return;
    await this.docker(["stop", "-t", "5", inst.container]);
    await this.docker(["rm", "-f", inst.container]);
    this.o.log.info(`removed container ${inst.container} (${inst.version})`);
  }
  async alive(inst) {
    if (!inst.container || !(await this.inspect(inst.container)).running) return false;
    return (await waitHealthy(this.health(inst), { timeoutMs: 1e3 })).ok;
  }
};

// packages/shared/src/deploy/target.ts
import { dirname as dirname3, isAbsolute as isAbsolute2, join as join4, resolve as resolve2 } from "node:path";
var HOOK = { multiline: true, maxLength: 1e4 };
var URL_TEMPLATE = {
  pattern: /^https?:\/\/[^\s]+$/,
  patternHint: "an http(s) URL; {port}, {slot}, {index} and {version} are replaced"
};
var PATH_HINT = { pattern: /^[^\r\n\0]+$/, patternHint: "a file path on one line" };
var targetInputs = {
  workload: oneOf(["command", "docker"], { description: "Where versions run.", default: "command" }),
  start_command: text({
    description: "command workload: starts one instance (runs in `sh -c`, given RELEASE_VERSION, SLOT, PORT, INSTANCE, DEPLOY_ENVIRONMENT). It may keep running (it is the service) or exit 0 once the service runs elsewhere.",
    ...HOOK
  }),
  stop_command: text({
    description: "command workload: stops one instance (same environment). Default: the process group started by start_command is terminated.",
    ...HOOK
  }),
  health_url: text({
    description: "Health check of one instance, polled until 2xx. Default http://127.0.0.1:{port}/.",
    ...URL_TEMPLATE
  }),
  docker_image: text({
    description: "docker workload: the image; `{version}` is replaced by the version, else `:<version>` is appended.",
    pattern: /^[a-z0-9][a-z0-9._\-/:{}]*$/,
    patternHint: "an image reference in lower case, optionally with {version}"
  }),
  docker_run_args: list({ description: "docker workload: extra `docker run` arguments (e.g. -e KEY=value)." }),
  instances: number({
    description: "Instances per slot (rolling replaces them batch by batch).",
    default: "1",
    integer: true,
    min: 1,
    max: 50
  }),
  ports: text({
    description: "Base port per slot, e.g. `blue=8081,green=8091` (instance i listens on base + i). Default: free ports chosen at start.",
    pattern: /^(blue|green)=\d{1,5}(,(blue|green)=\d{1,5})?$/,
    patternHint: "blue=PORT,green=PORT"
  }),
  router: oneOf(["nginx", "command", "none"], { description: "How traffic moves.", default: "none" }),
  nginx_upstream_file: text({
    description: "nginx router: the include file holding `upstream <nginx_upstream_name> { … }`, rewritten on every switch.",
    ...PATH_HINT
  }),
  nginx_upstream_name: text({
    description: "nginx router: the upstream name.",
    default: "app",
    pattern: /^[A-Za-z0-9_]+$/,
    patternHint: "letters, digits and _"
  }),
  nginx_conf: text({
    description: "nginx router: the main configuration (for `nginx -t -c` and `nginx -s reload -c`).",
    ...PATH_HINT
  }),
  nginx_prefix: text({ description: "nginx router: the prefix (`nginx -p`).", ...PATH_HINT }),
  nginx_bin: text({ description: "nginx router: the nginx binary.", default: "nginx", ...PATH_HINT }),
  nginx_reload_command: text({
    description: "nginx router: command that reloads nginx instead of `nginx -s reload` (e.g. `sudo systemctl reload nginx`).",
    ...HOOK
  }),
  router_command: text({
    description: "command router: applies the weights (given WEIGHTS=blue=90,green=10, BLUE_WEIGHT, GREEN_WEIGHT, ROUTES_JSON).",
    ...HOOK
  }),
  start_timeout: duration({ description: "Deadline for one instance to become healthy.", default: "2m", min: 100 }),
  version_timeout: duration({
    description: "Deadline for version_url to report the new version after a switch.",
    default: "1m",
    min: 100
  }),
  version_json_path: text({
    description: "Where the version is in version_url's JSON body (dotted, e.g. `version` or `build.version`). Default: the whole body.",
    pattern: /^[A-Za-z0-9_.$-]+$/,
    patternHint: "a dotted path such as build.version"
  }),
  version_header: text({
    description: "Response header of version_url carrying the version (instead of the body).",
    pattern: /^[A-Za-z0-9-]+$/,
    patternHint: "an HTTP header name"
  }),
  state_dir: text({
    description: "Where the slot state of the environment is kept between jobs (state.json). Default: next to nginx_upstream_file for the nginx router, else RUNNER_TEMP/../release-actions/<environment>.",
    ...PATH_HINT
  }),
  status_branch: text({
    description: "Branch holding release-status.yaml (shared with the release stage).",
    default: "release-status",
    identifier: true
  }),
  status_file: text({
    description: "Keep release-status.yaml in this local file instead of on status_branch (demo, dry runs).",
    ...PATH_HINT
  }),
  version_url: url({ description: "URL that reports the serving version through the router." })
};
var lockTimeoutInput = duration({
  description: "How long to wait for another deploy or rollback of the same environment and state_dir to finish (0: fail at once if one runs).",
  default: "10m"
});
function refineTarget(v) {
  const problems = [];
  const need = (input, message) => problems.push({ input, message });
  if (v.workload === "command" && !v.start_command.trim())
    need(
      "start_command",
      'Input "start_command" is empty but required with workload: command (it starts one instance of a version).'
    );
  if (v.workload === "docker" && !v.docker_image)
    need("docker_image", 'Input "docker_image" is empty but required with workload: docker.');
  if (v.router === "nginx" && !v.nginx_upstream_file)
    need(
      "nginx_upstream_file",
      'Input "nginx_upstream_file" is empty but required with router: nginx (the include file holding the upstream).'
    );
  if (v.router === "command" && !v.router_command.trim())
    need("router_command", 'Input "router_command" is empty but required with router: command.');
  if (v.ports && !(/(^|,)blue=/.test(v.ports) && /(^|,)green=/.test(v.ports)))
    need("ports", `Input "ports" has an invalid value "${v.ports}"; expected blue=PORT,green=PORT (both slots).`);
  return problems;
}
function buildTarget(v, o) {
  const abs = (p) => isAbsolute2(p) ? p : resolve2(o.workspace, p);
  const stateDir = v.state_dir ? abs(v.state_dir) : v.router === "nginx" ? join4(dirname3(abs(v.nginx_upstream_file)), ".release-actions", o.environment) : join4(o.runnerTemp, "..", "release-actions", o.environment);
  let ports;
  if (v.ports) {
    ports = {};
    for (const part of v.ports.split(",")) {
      const [slot, port] = part.split("=");
      ports[slot] = Number(port);
    }
  }
  const workload = v.workload === "docker" ? new DockerWorkload({
    image: v.docker_image,
    healthUrl: v.health_url || void 0,
    runArgs: v.docker_run_args,
    log: o.log,
    prefix: "ra"
  }) : new CommandWorkload({
    startCommand: v.start_command,
    stopCommand: v.stop_command || void 0,
    healthUrl: v.health_url || void 0,
    cwd: o.workspace,
    logDir: join4(stateDir, "logs"),
    log: o.log
  });
  const router = v.router === "nginx" ? new NginxRouter({
    upstreamFile: abs(v.nginx_upstream_file),
    upstreamName: v.nginx_upstream_name || "app",
    conf: v.nginx_conf ? abs(v.nginx_conf) : void 0,
    prefix: v.nginx_prefix ? abs(v.nginx_prefix) : void 0,
    bin: v.nginx_bin || "nginx",
    reloadCommand: v.nginx_reload_command || void 0,
    cwd: o.workspace,
    log: o.log
  }) : v.router === "command" ? new CommandRouter({ command: v.router_command, cwd: o.workspace, log: o.log }) : new NoRouter();
  return { workload, router, stateFile: new StateFile(stateDir), ports };
}

// packages/shared/src/deploy/report.ts
function timelineGantt(title, events) {
  const lines = [
    "gantt",
    `  title ${title.replace(/[:#;]/g, " ")}`,
    "  dateFormat x",
    "  axisFormat %M:%S",
    "  section rollout"
  ];
  const base = events.length ? Date.parse(events[0].at) : 0;
  events.forEach((e, i) => {
    const start = Date.parse(e.at) - base;
    const next = events[i + 1];
    const end = Math.max(start + 1, next ? Date.parse(next.at) - base : start + 1);
    const crit = /fail|breach|rolling-back|rolled-back|aborted/.test(e.state) ? "crit, " : "";
    lines.push(`  ${e.state.replace(/[:#;]/g, " ")} :${crit}${start}, ${end}`);
  });
  return lines.join("\n");
}
function timelineTable(summary2, events) {
  summary2.table(
    ["at", "+", "state", "detail"],
    events.map((e) => [e.at, formatDuration(e.t), e.state, e.detail ?? ""])
  );
}
function monitorSection(summary2, title, m) {
  summary2.heading(title, 3);
  summary2.paragraph(`**${m.verdict}** — ${m.reason}`);
  const pts = m.points.filter((p) => p.requests > 0);
  if (pts.length >= 1) {
    const labels = pts.map((p) => `+${formatDuration(p.t)}`);
    summary2.mermaid(
      xyChart({
        title: `${title}: error rate (%)`,
        xLabels: labels,
        yLabel: "%",
        series: [{ type: "bar", values: pts.map((p) => (p.errorRate ?? 0) * 100) }]
      })
    );
    summary2.mermaid(
      xyChart({
        title: `${title}: p95 latency (ms)`,
        xLabels: labels,
        yLabel: "ms",
        series: [{ type: "line", values: pts.map((p) => p.p95Ms ?? 0) }]
      })
    );
  }
  const promNames = Object.keys(m.promSamples);
  if (promNames.length) {
    summary2.table(
      ["at", ...promNames],
      m.points.map((p) => [`+${formatDuration(p.t)}`, ...promNames.map((n) => p.prometheus[n] ?? "no data")])
    );
  }
}
function deploySummary(summary2, o) {
  const r = o.result;
  const icon = r.status === "succeeded" ? "✅" : r.status === "inconclusive" ? "⚠️" : "❌";
  summary2.heading(`${icon} deploy ${o.version} to ${o.environment}: ${r.status}`);
  summary2.table(
    ["", ""],
    [
      ["strategy", o.strategy],
      ["decision", r.status],
      ["reason", r.reason],
      ["previous version", r.previousVersion ?? "(none)"],
      ["active slot", r.activeSlot ?? "(none)"],
      ["switch time", r.switchMs !== void 0 ? formatDuration(r.switchMs) : "-"],
      ["rolled back", r.rolledBack ? `yes (${formatDuration(r.rollbackMs ?? 0)})` : "no"],
      ["GitHub deployment", o.deploymentId ?? "-"],
      ...o.requests !== void 0 ? [["GitHub API requests", o.requests]] : []
    ]
  );
  summary2.heading("Rollout timeline", 3);
  summary2.mermaid(timelineGantt(`${o.strategy} ${o.version}`, r.timeline));
  timelineTable(summary2, r.timeline);
  if (r.smoke.length) {
    summary2.heading("Smoke tests (new slot, before traffic)", 3);
    summary2.table(
      ["check", "status", "latency", "result"],
      r.smoke.map((s) => [
        `GET ${s.url}`,
        s.status ?? "-",
        s.latencyMs !== void 0 ? `${s.latencyMs}ms` : "-",
        s.ok ? "passed" : `FAILED: ${s.problems.join("; ")}`
      ])
    );
  }
  for (const step of r.canary) if (step.analysis) monitorSection(summary2, `Canary ${step.percent}%`, step.analysis);
  if (r.monitor) monitorSection(summary2, "Monitoring window", r.monitor);
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
import { isAbsolute as isAbsolute3, resolve as resolve4 } from "node:path";

// packages/shared/src/git/git.ts
import { spawn as spawn2 } from "node:child_process";
import { realpathSync } from "node:fs";
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
    return realpathSync(p);
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
    return new Promise((resolve5, reject) => {
      const child = spawn2("git", args, { cwd: this.cwd, env: this.env(o.env), stdio: ["pipe", "pipe", "pipe"] });
      const out = [];
      const err = [];
      child.stdout.on("data", (d) => out.push(d));
      child.stderr.on("data", (d) => err.push(d));
      child.on("error", reject);
      child.on(
        "close",
        (code) => resolve5({
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
    const sep = Buffer.from(separator, "utf8");
    return new Promise((resolve5, reject) => {
      const child = spawn2("git", args, { cwd: this.cwd, env: this.env(), stdio: ["ignore", "pipe", "pipe"] });
      let pending;
      let err = "";
      child.stdout.on("data", (d) => {
        const buf = pending ? Buffer.concat([pending, d]) : d;
        let start = 0;
        let i;
        while ((i = buf.indexOf(sep, start)) >= 0) {
          onRecord(buf.toString("utf8", start, i));
          start = i + sep.length;
        }
        pending = start < buf.length ? Buffer.from(buf.subarray(start)) : void 0;
      });
      child.stderr.setEncoding("utf8").on("data", (d) => err += d);
      child.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0) return reject(new GitError(args, code ?? 1, err));
        if (pending?.length) onRecord(pending.toString("utf8"));
        resolve5();
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
import { existsSync as existsSync3, mkdirSync as mkdirSync5, readFileSync as readFileSync6, renameSync as renameSync3, writeFileSync as writeFileSync4 } from "node:fs";
import { dirname as dirname4 } from "node:path";

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
var import_yaml = __toESM(require_dist(), 1);
var STATUS_FILE = "release-status.yaml";
var LAZY = /* @__PURE__ */ new WeakMap();
function parseRecordYaml(text2) {
  const doc = (0, import_yaml.parseDocument)(text2, { uniqueKeys: true });
  if (doc.errors.length) throw doc.errors[0];
  (0, import_yaml.visit)(doc, {
    Pair(_, pair) {
      if (!(0, import_yaml.isScalar)(pair.key) || !VERSION_KEYS.has(String(pair.key.value))) return;
      const v = pair.value;
      if ((0, import_yaml.isScalar)(v) && typeof v.value === "number") pair.value = new import_yaml.Scalar(v.source ?? String(v.value));
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
  (0, import_yaml.visit)(d, {
    Pair(_, pair) {
      if ((0, import_yaml.isScalar)(pair.key) && VERSION_KEYS.has(String(pair.key.value)) && (0, import_yaml.isScalar)(pair.value))
        pair.value.type = import_yaml.Scalar.QUOTE_DOUBLE;
    }
  });
}
function yamlOf(value) {
  const d = new import_yaml.Document(value, { aliasDuplicateObjects: false });
  quoteVersions(d);
  return d.toString({ lineWidth: 0 });
}
function rawEntry(e) {
  let text2 = e.text;
  if (e.indent !== 2) {
    const shift3 = 2 - e.indent;
    text2 = text2.replace(
      /^( *)(?=\S)/gm,
      (sp) => shift3 > 0 ? " ".repeat(shift3) + sp : sp.slice(Math.min(-shift3, sp.length))
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
    const seq = new import_yaml.Document([r], { aliasDuplicateObjects: false });
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
    return parseStatus(existsSync3(this.file) ? readFileSync6(this.file, "utf8") : "", { source: this.file });
  }
  async update(mutate, _message) {
    const doc = await this.read();
    await mutate(doc);
    mkdirSync5(dirname4(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync4(tmp, stringifyStatus(doc));
    renameSync3(tmp, this.file);
    return doc;
  }
};

// packages/shared/src/status/open.ts
async function openStatusStore(v, o) {
  if (v.status_file)
    return new FileStatusStore(isAbsolute3(v.status_file) ? v.status_file : resolve4(o.workspace, v.status_file));
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

// packages/shared/src/deploy/record.ts
async function openDeploymentRecords(v, o) {
  const { gh, runner, log } = o;
  const deployments = gh ? new Deployments(gh, { owner: runner.owner, repo: runner.repo }, log, {
    ...o.environmentUrl !== void 0 ? { environmentUrl: o.environmentUrl } : {},
    logUrl: runner.runUrl
  }) : void 0;
  const store = await openStatusStore(v, {
    workspace: runner.workspace,
    token: v.token,
    serverUrl: runner.serverUrl,
    log
  });
  return { deployments, recorder: new DeploymentRecorder(store, log) };
}
function deploymentsOf(doc, version) {
  const rec = ensureRelease(doc, version);
  rec.deployments ??= rec.deployment ? [rec.deployment] : [];
  return rec.deployments;
}
function inactivateOthers(doc, environment, except) {
  for (const rec of doc.releases) {
    if (rec.version === except) continue;
    for (const d of rec.deployments ?? [])
      if (d.environment === environment && d.status === "succeeded") d.status = "inactive";
    if (rec.deployment?.environment === environment && rec.deployment.status === "succeeded")
      rec.deployment.status = "inactive";
  }
}
var DeploymentRecorder = class {
  constructor(store, log) {
    this.store = store;
    this.log = log;
  }
  store;
  log;
  async update(fn, message) {
    if (!this.store) return;
    try {
      await this.store.update(fn, message);
    } catch (e) {
      this.log.warning(`status record (${this.store.describe()}) not updated: ${errorMessage(e)}`);
    }
  }
  async read() {
    if (!this.store) return void 0;
    try {
      return await this.store.read();
    } catch (e) {
      this.log.warning(`status record (${this.store.describe()}) not readable: ${errorMessage(e)}`);
      return void 0;
    }
  }
  async started(o) {
    await this.update((doc) => {
      const rec = ensureRelease(doc, o.version);
      const deps = deploymentsOf(doc, o.version);
      const d = {
        environment: o.environment,
        strategy: o.strategy,
        status: "in_progress",
        started_at: (/* @__PURE__ */ new Date()).toISOString(),
        run_id: o.runId,
        ...o.deploymentId ? { deployment_id: o.deploymentId } : {},
        ...o.previousVersion ? { previous_version: o.previousVersion } : {},
        timeline: [{ at: (/* @__PURE__ */ new Date()).toISOString(), state: "started" }]
      };
      const i = deps.findIndex((x) => x.run_id === o.runId && x.environment === o.environment);
      if (i >= 0) deps[i] = d;
      else deps.push(d);
      rec.deployment = d;
      rec.status = "deploying";
    }, `status: deploying ${o.version} to ${o.environment}`);
  }
  async finished(o) {
    await this.update((doc) => {
      const rec = ensureRelease(doc, o.version);
      const deps = deploymentsOf(doc, o.version);
      let d = deps.find((x) => x.run_id === o.runId && x.environment === o.environment);
      if (!d) {
        d = { environment: o.environment, status: o.status, run_id: o.runId };
        deps.push(d);
      }
      Object.assign(d, {
        status: o.status === "inconclusive" ? "succeeded" : o.status,
        finished_at: (/* @__PURE__ */ new Date()).toISOString(),
        rolled_back: o.rolledBack,
        reason: o.reason.split("\n")[0],
        timeline: o.timeline.map((e) => ({ at: e.at, state: e.state, ...e.detail ? { detail: e.detail } : {} })),
        ...o.activeSlot ? { active_slot: o.activeSlot } : {},
        ...o.previousVersion ? { previous_version: o.previousVersion } : {}
      });
      rec.deployment = d;
      if (o.status === "succeeded" || o.status === "inconclusive") {
        rec.status = "deployed";
        rec.deployed_at = d.finished_at;
        inactivateOthers(doc, o.environment, o.version);
      } else rec.status = o.status === "rolled-back" ? "rolled-back" : "failed";
      if (o.rolledBack && o.previousVersion) {
        const prev = ensureRelease(doc, o.previousVersion);
        const pd = deploymentsOf(doc, o.previousVersion);
        const restored = {
          environment: o.environment,
          strategy: "rollback",
          status: "succeeded",
          started_at: d.finished_at,
          finished_at: d.finished_at,
          rollback_of: o.version,
          run_id: o.runId
        };
        pd.push(restored);
        prev.deployment = restored;
        prev.status = "deployed";
      }
    }, `status: ${o.version} ${o.status} in ${o.environment}`);
  }
  /** A rollback action: `from` marked rolled-back, `to` recorded as a new successful deployment. */
  async rolledBack(o) {
    await this.update((doc) => {
      const now = (/* @__PURE__ */ new Date()).toISOString();
      if (o.from && o.ok) {
        const fd = deploymentsOf(doc, o.from).filter((d2) => d2.environment === o.environment).at(-1);
        if (fd) Object.assign(fd, { status: "rolled-back", rolled_back: true, rolled_back_at: now });
        ensureRelease(doc, o.from).status = "rolled-back";
      }
      const rec = ensureRelease(doc, o.to);
      const d = {
        environment: o.environment,
        strategy: "rollback",
        status: o.ok ? "succeeded" : "failed",
        started_at: o.timeline[0]?.at ?? now,
        finished_at: now,
        run_id: o.runId,
        reason: o.reason,
        ...o.from ? { rollback_of: o.from } : {},
        ...o.deploymentId ? { deployment_id: o.deploymentId } : {},
        timeline: o.timeline
      };
      deploymentsOf(doc, o.to).push(d);
      rec.deployment = d;
      if (o.ok) {
        rec.status = "deployed";
        inactivateOthers(doc, o.environment, o.to);
      }
    }, `status: rollback of ${o.environment} to ${o.to}`);
  }
};

// actions/deploy/src/inputs.ts
var action = defineAction("deploy", {
  description: "Progressive deployment (blue-green, canary, rolling, immediate) with smoke tests, a version check, a monitoring window and automatic rollback.",
  inputs: {
    version: semver({ description: "Version to deploy.", required: true, allowV: true }),
    environment: environmentInput("Target environment (a GitHub Environment name).", "production"),
    deployment_strategy: oneOf(["blue-green", "canary", "rolling", "immediate"], {
      description: "How traffic moves to the new version.",
      default: "blue-green"
    }),
    run_smoke_tests: bool({
      description: "Run smoke tests against the new version before traffic moves.",
      default: "true"
    }),
    rollback_on_failure: bool({ description: "Roll back automatically when a check fails.", default: "true" }),
    canary_steps: list({
      description: "Canary traffic percentages, ascending, ending at 100.",
      default: "10,50,100",
      item: number({ description: "percent", integer: true, min: 1, max: 100 })
    }),
    step_duration: duration({ description: "Analysis time per canary step.", default: "1m" }),
    monitor_duration: duration({
      description: "Monitoring window after the switch (0 for none).",
      default: "5m"
    }),
    monitor_interval: duration({ description: "Time between monitoring probes.", default: "10s", min: 100 }),
    max_error_rate: number({
      description: "Highest error rate (0 to 1) tolerated while monitoring.",
      default: "0.01",
      min: 0,
      max: 1
    }),
    max_p95_ms: number({
      description: "Highest p95 latency in ms tolerated while monitoring.",
      default: "1000",
      min: 1
    }),
    on_no_data: oneOf(["fail", "pass", "inconclusive"], {
      description: "Verdict when monitoring gathers fewer than min_samples.",
      default: "fail"
    }),
    min_samples: number({
      description: "Fewest probe samples a verdict needs.",
      default: "10",
      integer: true,
      min: 1
    }),
    probe_url: url({ description: "URL probed through the router while monitoring." }),
    smoke_tests: yamlInput({
      description: "Smoke tests run against the new slot directly before any traffic moves: a YAML list of {path, expect_status, body_contains, body_regex, max_latency_ms}. Default: GET of health_url's path expecting 200. The new slot must also report the version at version_url's path.",
      shape: "a YAML list of {path, expect_status, body_contains, body_regex, max_latency_ms}",
      validate: parseSmokeTests
    }),
    smoke_timeout: duration({
      description: "Deadline for the smoke tests of one new instance (each request also has its own timeout).",
      default: "2m",
      min: 100
    }),
    probe_requests: number({
      description: "Probe requests per monitor_interval.",
      default: "5",
      integer: true,
      min: 1,
      max: 1e3
    }),
    prometheus_url: url({ description: "Prometheus base URL (queried through its HTTP API while monitoring)." }),
    prometheus_queries: yamlInput({
      description: "Prometheus queries checked every monitor_interval: a YAML list of {name, query, max, min}.",
      shape: "a YAML list of {name, query, max, min}",
      validate: parsePrometheusQueries
    }),
    keep_previous: duration({
      description: "How long the previous slot keeps running after the switch (instant rollback meanwhile); 0 stops it at once.",
      default: "1h"
    }),
    batch_size: number({
      description: "rolling: instances replaced per batch.",
      default: "1",
      integer: true,
      min: 1
    }),
    ref: text({
      description: "Git ref of the GitHub deployment. Default: the workflow's commit (GITHUB_SHA).",
      identifier: true
    }),
    image_digest: text({
      description: "Image digest recorded in the deployment payload.",
      pattern: /^[a-z0-9]+:[a-f0-9]{32,}$/,
      patternHint: "a digest such as sha256:…"
    }),
    ...targetInputs,
    timeout: duration({ description: "Deadline of the whole deploy.", default: "30m", min: 1e3 }),
    lock_timeout: lockTimeoutInput,
    environment_url: url({ description: "URL of the environment, shown on the GitHub deployment." }),
    token: githubToken("GitHub token with deployments: write.")
  },
  outputs: {
    status: "succeeded, rolled-back or failed.",
    active_slot: "The slot serving traffic at the end.",
    previous_version: "The version served before.",
    deployment_id: "Id of the GitHub deployment.",
    rolled_back: "true when the deploy was rolled back.",
    reason: "Why the deploy failed or was rolled back, one line (a monitoring breach names the check, the value seen and the threshold); empty when it succeeded."
  },
  branding: { icon: "upload-cloud", color: "purple" },
  // Combinations that cannot work, refused before anything starts (the engine would find some only after
  // traffic has moved).
  refine(v) {
    const problems = refineTarget(v);
    const need = (input, message) => problems.push({ input, message });
    if (!v.version_url)
      need(
        "version_url",
        'Input "version_url" is empty but required: a deploy succeeds only when the router serves the released version, and version_url is where that is read.'
      );
    if ((v.deployment_strategy === "blue-green" || v.deployment_strategy === "canary") && v.router === "none")
      need(
        "router",
        `Input "router" is "${v.router}" but deployment_strategy ${v.deployment_strategy} moves traffic between slots; expected router nginx or command (with router none use rolling or immediate).`
      );
    const steps = v.canary_steps.map(Number);
    if (v.deployment_strategy === "canary") {
      const ascending = steps.every((s, i) => i === 0 || s > steps[i - 1]);
      if (!ascending || steps.at(-1) !== 100)
        need(
          "canary_steps",
          `Input "canary_steps" has an invalid value "${v.canary_steps.join(",")}"; expected ascending percentages ending at 100.`
        );
    }
    if (v.prometheus_queries?.length && !v.prometheus_url)
      need("prometheus_url", 'Input "prometheus_url" is empty but required when prometheus_queries are given.');
    const stepsMs = v.deployment_strategy === "canary" ? (steps.length - 1) * v.step_duration : 0;
    if (v.monitor_duration + stepsMs >= v.timeout)
      need(
        "timeout",
        `Input "timeout" is "${formatDuration(v.timeout)}", which leaves no time to deploy: monitor_duration${stepsMs ? " plus the canary steps" : ""} already take ${formatDuration(v.monitor_duration + stepsMs)}.`
      );
    return problems;
  }
});

// actions/deploy/src/main.ts
async function impl(v, ctx) {
  const { log, runner } = ctx;
  const version = v.version;
  const environment = v.environment;
  const target = buildTarget(v, { environment, workspace: runner.workspace, runnerTemp: runner.runnerTemp, log });
  const healthPath = v.health_url ? new URL(v.health_url.replace(/\{[a-z]+\}/g, "0")).pathname : "/";
  const cfg = {
    version,
    environment,
    strategy: v.deployment_strategy,
    runSmokeTests: v.run_smoke_tests,
    smokeTests: v.smoke_tests ?? [{ path: healthPath, expect_status: 200 }],
    rollbackOnFailure: v.rollback_on_failure,
    canarySteps: v.canary_steps.map(Number),
    stepDurationMs: v.step_duration,
    monitor: {
      durationMs: v.monitor_duration,
      intervalMs: v.monitor_interval,
      probeUrl: v.probe_url,
      probeRequests: v.probe_requests,
      maxErrorRate: v.max_error_rate,
      maxP95Ms: v.max_p95_ms,
      prometheusUrl: v.prometheus_url,
      prometheusQueries: v.prometheus_queries,
      onNoData: v.on_no_data,
      minSamples: v.min_samples,
      progressEveryMs: 6e4
    },
    versionSource: {
      url: v.version_url,
      jsonPath: v.version_json_path || void 0,
      header: v.version_header || void 0
    },
    instances: v.instances,
    batchSize: v.batch_size,
    keepPreviousMs: v.keep_previous,
    timeoutMs: v.timeout,
    startTimeoutMs: v.start_timeout,
    smokeTimeoutMs: v.smoke_timeout,
    versionTimeoutMs: v.version_timeout,
    ports: target.ports
  };
  const lock = await acquireLock({
    dir: target.stateFile.dir,
    environment,
    runId: runner.runId,
    what: `deploy of ${version}`,
    timeoutMs: v.lock_timeout,
    log
  });
  try {
    await deployLocked(v, ctx, cfg, target);
  } finally {
    lock.release();
  }
}
async function deployLocked(v, ctx, cfg, target) {
  const { log, runner } = ctx;
  const { version, environment } = cfg;
  const gh = await optionalGitHubClient(v.token, ctx, log, "no GitHub deployment is created");
  const { deployments, recorder } = await openDeploymentRecords(v, {
    gh,
    runner,
    log,
    environmentUrl: v.environment_url
  });
  const previous = target.stateFile.read(environment);
  const previousVersion = previous.active_slot ? previous.slots[previous.active_slot]?.version : void 0;
  let deploymentId;
  if (deployments) {
    deploymentId = await deployments.create({
      ref: v.ref || runner.sha || `v${version}`,
      environment,
      description: `${cfg.strategy} of ${version}`,
      payload: {
        version,
        strategy: cfg.strategy,
        ...previousVersion ? { previous_version: previousVersion } : {},
        ...v.image_digest ? { image_digest: v.image_digest } : {}
      }
    });
    await deployments.status(deploymentId, "in_progress", `${cfg.strategy} of ${version} started`);
  }
  await recorder.started({
    version,
    environment,
    strategy: cfg.strategy,
    runId: runner.runId,
    deploymentId,
    previousVersion
  });
  const result = await deploy(cfg, {
    workload: target.workload,
    router: target.router,
    stateFile: target.stateFile,
    log
  });
  if (deployments && deploymentId !== void 0) {
    try {
      if (result.status === "succeeded" || result.status === "inconclusive") {
        await deployments.status(
          deploymentId,
          "success",
          result.status === "inconclusive" ? `inconclusive: ${result.reason}` : `${version} serves`
        );
      } else {
        await deployments.status(deploymentId, "failure", result.reason.split("\n")[0]);
        if (result.rolledBack && result.previousVersion) {
          const restored = await deployments.create({
            ref: `v${result.previousVersion}`,
            environment,
            description: `rollback to ${result.previousVersion}`,
            payload: { version: result.previousVersion, rollback_of: version }
          }).catch(async (e) => {
            log.warning(
              `deployment for the restored version at v${result.previousVersion} not created (${errorMessage(e)}); using the run's commit`
            );
            return deployments.create({
              ref: runner.sha,
              environment,
              description: `rollback to ${result.previousVersion}`,
              payload: { version: result.previousVersion, rollback_of: version }
            });
          });
          await deployments.status(restored, "success", `rolled back to ${result.previousVersion}`);
        }
      }
    } catch (e) {
      log.warning(`GitHub deployment status not updated: ${errorMessage(e)}`);
    }
  }
  await recorder.finished({
    version,
    environment,
    runId: runner.runId,
    status: result.status,
    activeSlot: result.activeSlot,
    rolledBack: result.rolledBack,
    previousVersion: result.previousVersion,
    timeline: result.timeline,
    reason: result.reason
  });
  const st = target.stateFile.read(environment);
  if (st.deployments[0] && deploymentId !== void 0) st.deployments[0].deployment_id = deploymentId;
  target.stateFile.write(st);
  ctx.setOutput("status", result.status);
  ctx.setOutput("active_slot", result.activeSlot ?? "");
  ctx.setOutput("previous_version", result.previousVersion ?? "");
  ctx.setOutput("deployment_id", deploymentId !== void 0 ? String(deploymentId) : "");
  ctx.setOutput("rolled_back", String(result.rolledBack));
  ctx.setOutput("reason", result.status === "succeeded" ? "" : result.reason.split("\n")[0] ?? "");
  deploySummary(ctx.summary, {
    version,
    environment,
    strategy: cfg.strategy,
    result,
    deploymentId,
    requests: gh?.requestCount
  });
  if (result.status === "inconclusive") log.warning(`deploy of ${version} is inconclusive: ${result.reason}`);
  if (result.status === "failed" || result.status === "rolled-back") {
    throw new StageError(
      `deploy of ${version} to ${environment} ${result.status === "rolled-back" ? "was rolled back" : "failed"}: ${result.reason}`
    );
  }
}
async function run(env = process.env) {
  await runStage(action, impl, env);
}

// actions/deploy/src/index.ts
await run();
