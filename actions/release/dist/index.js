// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);
import {
  require_dist
} from "./chunks/chunk-CQEKDJC4.js";
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
} from "./chunks/chunk-JRY3VOBV.js";

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
      constructor(version2, options) {
        options = parseOptions(options);
        if (version2 instanceof _SemVer) {
          if (version2.loose === !!options.loose && version2.includePrerelease === !!options.includePrerelease) {
            return version2;
          } else {
            version2 = version2.version;
          }
        } else if (typeof version2 !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version2}".`);
        }
        if (version2.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug2("SemVer", version2, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version2.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version2}`);
        }
        this.raw = version2;
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
      inc(release2, identifier, identifierBase) {
        if (release2.startsWith("pre")) {
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
        switch (release2) {
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
            throw new Error(`invalid increment argument: ${release2}`);
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
    var parse3 = (version2, options, throwErrors = false) => {
      if (version2 instanceof SemVer) {
        return version2;
      }
      try {
        return new SemVer(version2, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse3;
  }
});

// packages/shared/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "packages/shared/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var valid4 = (version2, options) => {
      const v = parse3(version2, options);
      return v ? v.version : null;
    };
    module.exports = valid4;
  }
});

// packages/shared/node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "packages/shared/node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare4 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare4;
  }
});

// packages/shared/node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "packages/shared/node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc2 = (version2, release2, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version2 instanceof SemVer ? version2.version : version2,
          options
        ).inc(release2, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc2;
  }
});

// packages/shared/node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "packages/shared/node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var prerelease = (version2, options) => {
      const parsed = parse3(version2, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// packages/shared/node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "packages/shared/node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse3(version1, null, true);
      const v2 = parse3(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// packages/shared/node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "packages/shared/node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse3 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version2, options) => {
      if (version2 instanceof SemVer) {
        return version2;
      }
      if (typeof version2 === "number") {
        version2 = String(version2);
      }
      if (typeof version2 !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version2.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version2)) && (!match || match.index + match[0].length !== version2.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse3(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// actions/release/src/main.ts
import { readFileSync as readFileSync15 } from "node:fs";
import { isAbsolute as isAbsolute2 } from "node:path";

// packages/shared/src/util/cjs.ts
function cjs(mod) {
  return mod.default ?? mod;
}

// packages/shared/src/util/digest.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
function sha256Bytes(data) {
  return createHash("sha256").update(data).digest("hex");
}
function sha256File(path) {
  return sha256Bytes(readFileSync(path));
}

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

// packages/shared/src/util/exec.ts
import { spawn } from "node:child_process";
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

// packages/shared/src/util/redact.ts
var USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
function redactUrl(url2) {
  return url2.replace(USERINFO, "$1***@");
}
function redactUrls(text2) {
  return text2.replace(USERINFO, "$1***@");
}

// packages/shared/src/action/context.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { tmpdir } from "node:os";
function readRunnerContext(env = process.env) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
  const runId = env.GITHUB_RUN_ID ?? "0";
  let event = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync2(env.GITHUB_EVENT_PATH, "utf8"));
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
function defineAction(id, spec) {
  for (const name of [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)]) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`input/output names are snake_case: ${name}`);
  }
  return { ...spec, id, name: `release-actions: ${id}` };
}
var given = (spec) => spec;
var optional = (kind, o, accepted, parse3) => given({ ...common(kind, o), accepted, empty: void 0, parse: parse3 });
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

// packages/shared/src/action/release-inputs.ts
var versionBumpInput = /* @__PURE__ */ oneOf(["major", "minor", "patch", "auto"], {
  description: "Which part of the version to bump; auto: from the conventional commits since the last tag (nothing to release when none is releasable).",
  default: "auto"
});
var releaseTypeInput = /* @__PURE__ */ oneOf(["stable", "prerelease"], {
  description: "stable, or prerelease (X.Y.Z-<prerelease_id>.N).",
  default: "stable"
});
var prereleaseIdInput = /* @__PURE__ */ text({
  description: "Prerelease identifier (rc, beta, alpha…).",
  default: "rc",
  pattern: /^[0-9A-Za-z-]+$/,
  patternHint: "a semver identifier of letters, digits and hyphens (rc, beta, alpha)"
});
var tagPrefixInput = /* @__PURE__ */ text({
  description: "Prefix of release tags (versioning: fixed).",
  default: "v",
  identifier: true
});
var releaseBranchInput = /* @__PURE__ */ text({
  description: "Branch releases are cut from. A release from another branch than the repository's default one is a backport: it may be below a registry's latest, under its own dist-tag.",
  default: "main",
  identifier: true
});
var initialVersionInput = /* @__PURE__ */ semver({
  description: "First release's version when no release tag exists yet (docs/versioning.md). Empty: the root package.json's version (placeholders such as 0.0.0-development count as none), else 1.0.0.",
  allowV: true
});
var publishRegistriesInput = /* @__PURE__ */ list({
  description: "Comma or newline separated registries to publish to.",
  values: ["npm", "docker"]
});
var npmRegistryUrlInput = /* @__PURE__ */ url({
  description: "npm registry to publish to.",
  default: "https://registry.npmjs.org/"
});
var dockerImagesInput = /* @__PURE__ */ list({
  description: "Images to build and push, one `registry/name` per line.",
  item: text({
    description: "image",
    pattern: /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/,
    patternHint: "registry/name in lower case"
  })
});

// packages/shared/src/monorepo/workspaces.ts
import { existsSync as existsSync2, lstatSync as lstatSync3, readFileSync as readFileSync4 } from "node:fs";
import { join as join3 } from "node:path";

// packages/shared/src/versioning/manifests.ts
import { existsSync, lstatSync as lstatSync2, readdirSync, readFileSync as readFileSync3, statSync as statSync2, writeFileSync } from "node:fs";
import { join as join2, posix, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";
var VERSION_MARKER = "x-release-actions-version";
var DEP_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
function readJson(file) {
  const text2 = readFileSync3(file, "utf8");
  let doc;
  try {
    doc = JSON.parse(text2);
  } catch (e) {
    throw new StageError(`${file} is not valid JSON: ${e.message}`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new StageError(`${file} is not a JSON object`);
  const m = /^[{[]\r?\n([ \t]+)/.exec(text2);
  return { doc, indent: m?.[1] ?? 2, newline: text2.endsWith("\n"), text: text2 };
}
function writeJsonText(doc, indent2, newline) {
  return JSON.stringify(doc, null, indent2) + (newline ? "\n" : "");
}
var toPosix = (p) => p.split(sep2).join("/");
function expandWorkspaces(root, patterns) {
  const found = /* @__PURE__ */ new Set();
  const walk = (dir, segs) => {
    if (segs.length === 0) {
      if (existsSync(join2(root, dir, "package.json"))) found.add(toPosix(dir));
      return;
    }
    const [seg, ...rest] = segs;
    if (seg === "**") {
      walk(dir, rest);
      for (const child of subdirs(join2(root, dir))) walk(join2(dir, child), segs);
      return;
    }
    if (seg.includes("*")) {
      const re = new RegExp(`^${seg.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
      for (const child of subdirs(join2(root, dir))) if (re.test(child)) walk(join2(dir, child), rest);
      return;
    }
    if (existsSync(join2(root, dir, seg))) walk(join2(dir, seg), rest);
  };
  for (const p of patterns) {
    if (p.startsWith("!")) continue;
    walk("", posix.normalize(p).replace(/^\.\//, "").replace(/\/$/, "").split("/"));
  }
  const excluded = patterns.filter((x) => x.startsWith("!")).map((p) => globRegExp(p.slice(1)));
  return [...found].filter((d) => !excluded.some((re) => re.test(d))).sort();
}
function globRegExp(glob) {
  const segs = posix.normalize(glob).replace(/^\.\//, "").replace(/\/$/, "").split("/");
  const esc = (x) => x.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  const body = segs.map(
    (seg, i) => seg === "**" ? i === segs.length - 1 ? ".*" : "(?:.*/)?" : esc(seg) + (i < segs.length - 1 ? "/" : "")
  );
  return new RegExp(`^${body.join("").replace(/\/$/, "")}$`);
}
function subdirs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n !== "node_modules" && !n.startsWith(".") && isDir(join2(dir, n)));
}
function isDir(p) {
  try {
    return statSync2(p).isDirectory();
  } catch {
    return false;
  }
}
function npmPackages(root) {
  const file = join2(root, "package.json");
  if (existsSync(join2(root, "pnpm-workspace.yaml")))
    throw new StageError(
      "pnpm workspaces are not supported with versioning: fixed (pnpm-workspace.yaml found): set versioning: independent (each package its own version and tag; docs/monorepo.md), or release each package from its own directory."
    );
  if (!existsSync(file)) return [];
  const { doc } = readJson(file);
  if (doc.workspaces && ["yarn.lock", ".yarnrc.yml"].some((f) => existsSync(join2(root, f))))
    throw new StageError(
      'yarn workspaces are not supported with versioning: fixed (package.json "workspaces" with yarn.lock or .yarnrc.yml): set versioning: independent (each package its own version and tag; docs/monorepo.md), switch the repository to npm workspaces, or release each package from its own directory.'
    );
  const out = [];
  const pkg = (dir, d) => ({
    name: String(d.name ?? ""),
    dir,
    private: d.private === true,
    version: typeof d.version === "string" ? d.version : void 0
  });
  out.push(pkg("", doc));
  const ws = doc.workspaces;
  const patterns = Array.isArray(ws) ? ws : ws && typeof ws === "object" && Array.isArray(ws.packages) ? ws.packages : [];
  for (const dir of expandWorkspaces(root, patterns)) out.push(pkg(dir, readJson(join2(root, dir, "package.json")).doc));
  return out;
}
function bumpRange(spec, version2) {
  if (spec.startsWith("workspace:")) {
    const inner = bumpRange(spec.slice("workspace:".length), version2);
    return inner === void 0 ? void 0 : `workspace:${inner}`;
  }
  const m = /^(\^|~|>=|=)?v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(spec.trim());
  if (!m) return void 0;
  return `${m[1] ?? ""}${version2}`;
}
function bumpDeps(doc, internal, version2, edits, where = "") {
  for (const field of DEP_FIELDS) {
    const deps = doc[field];
    if (!deps || typeof deps !== "object") continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (!internal.has(name) || typeof spec !== "string") continue;
      const next = bumpRange(spec, version2);
      if (next && next !== spec) {
        deps[name] = next;
        edits.push(`${where}${field}.${name} ${spec} → ${next}`);
      }
    }
  }
}
function planManifestBump(root, version2, o = {}) {
  const changes = [];
  const packages = npmPackages(root);
  const internal = new Set(packages.map((p) => p.name).filter(Boolean));
  for (const p of packages) {
    const file = join2(root, p.dir, "package.json");
    const { doc, indent: indent2, newline, text: text2 } = readJson(file);
    const edits = [];
    if (doc.version !== version2 && !(p.dir === "" && doc.version === void 0 && packages.length > 1)) {
      edits.push(`version ${String(doc.version ?? "(none)")} → ${version2}`);
      doc.version = version2;
    }
    bumpDeps(doc, internal, version2, edits);
    if (edits.length) {
      changes.push({
        path: posix.join(p.dir || ".", "package.json"),
        before: text2,
        after: writeJsonText(doc, indent2, newline),
        edits
      });
    }
  }
  for (const lockName of ["package-lock.json", "npm-shrinkwrap.json"]) {
    const file = join2(root, lockName);
    if (!existsSync(file)) continue;
    const { doc, indent: indent2, newline, text: text2 } = readJson(file);
    const edits = [];
    const rootPkg = packages[0];
    if (typeof doc.version === "string" && rootPkg && (rootPkg.version !== void 0 || doc.version !== void 0)) {
      const want = rootPkg.version === void 0 && packages.length > 1 ? doc.version : version2;
      if (doc.version !== want) {
        edits.push(`version ${doc.version} → ${want}`);
        doc.version = want;
      }
    }
    const lockPkgs = doc.packages;
    if (lockPkgs && typeof lockPkgs === "object") {
      for (const p of packages) {
        const entry = lockPkgs[p.dir];
        if (!entry) continue;
        const isRootWithoutVersion = p.dir === "" && p.version === void 0 && packages.length > 1;
        if (!isRootWithoutVersion && entry.version !== version2) {
          edits.push(`packages["${p.dir}"].version ${String(entry.version ?? "(none)")} → ${version2}`);
          entry.version = version2;
        }
        bumpDeps(entry, internal, version2, edits, `packages["${p.dir}"].`);
      }
    }
    if (edits.length) changes.push({ path: lockName, before: text2, after: writeJsonText(doc, indent2, newline), edits });
  }
  for (const rel of o.versionFiles ?? []) {
    const file = resolve2(root, rel);
    const r = relative2(resolve2(root), file);
    if (r.startsWith("..") || r === "") throw new StageError(`version file ${rel} is outside the repository`);
    if (!existsSync(file)) throw new StageError(`version file ${rel} does not exist`);
    const text2 = readFileSync3(confinePath(root, rel, { input: "version_files" }), "utf8");
    const edits = [];
    let marked = 0;
    const after = text2.split("\n").map((line, i) => {
      if (!line.includes(VERSION_MARKER)) return line;
      marked++;
      return line.replace(/\d+\.\d+\.\d+(-[0-9A-Za-z.-]*[0-9A-Za-z])?/, (old) => {
        if (old !== version2) edits.push(`line ${i + 1}: ${old} → ${version2}`);
        return version2;
      });
    }).join("\n");
    if (marked === 0) {
      throw new StageError(`version file ${rel} has no line marked ${VERSION_MARKER}: nothing to bump there`);
    }
    if (after !== text2) changes.push({ path: toPosix(r), before: text2, after, edits });
  }
  return changes;
}
function applyChanges(root, changes) {
  const files = changes.map(
    (c) => confinePath(root, c.path, {
      input: "version_files",
      what: `The release's file ${c.path}`,
      mayBeMissing: c.before === ""
    })
  );
  changes.forEach((c, i) => {
    const now = existsSync(files[i]) ? readFileSync3(files[i], "utf8") : "";
    if (now !== c.before) throw new StageError(`${c.path} changed since the release was planned`);
  });
  changes.forEach((c, i) => writeFileSync(files[i], c.after));
}

// packages/shared/src/monorepo/workspaces.ts
async function pnpmPatterns(file) {
  const mod = await import("./chunks/dist-U74TC6MQ.js");
  const parse3 = mod.parse ?? mod.default.parse;
  let doc;
  try {
    doc = parse3(readFileSync4(file, "utf8"));
  } catch (e) {
    throw new StageError(`pnpm-workspace.yaml is not valid YAML: ${escapeLogText(e.message)}`);
  }
  const list2 = doc && typeof doc === "object" ? doc.packages : void 0;
  if (!Array.isArray(list2) || !list2.every((x) => typeof x === "string"))
    throw new StageError('pnpm-workspace.yaml has no `packages:` list of globs (such as `- "packages/*"`)');
  return list2;
}
function npmPatterns(doc) {
  const ws = doc.workspaces;
  if (Array.isArray(ws)) return ws.filter((x) => typeof x === "string");
  if (ws && typeof ws === "object" && Array.isArray(ws.packages))
    return ws.packages.filter((x) => typeof x === "string");
  return void 0;
}
async function discoverWorkspace(root) {
  const pnpmFile = join3(root, "pnpm-workspace.yaml");
  let patterns;
  let manager = "npm";
  let source = 'package.json "workspaces"';
  if (existsSync2(pnpmFile)) {
    if (!lstatSync3(pnpmFile).isFile()) throw new StageError("pnpm-workspace.yaml is not a regular file");
    patterns = await pnpmPatterns(pnpmFile);
    manager = "pnpm";
    source = "pnpm-workspace.yaml";
  } else if (existsSync2(join3(root, "package.json"))) {
    patterns = npmPatterns(readJson(join3(root, "package.json")).doc);
    if (["yarn.lock", ".yarnrc.yml"].some((f) => existsSync2(join3(root, f)))) manager = "yarn";
  }
  if (!patterns?.length)
    throw new StageError(
      'versioning: independent needs workspaces: package.json "workspaces" (npm, yarn) or pnpm-workspace.yaml (pnpm) listing the package directories; a single package is released with versioning: fixed'
    );
  const packages = [];
  const byName = /* @__PURE__ */ new Map();
  for (const dir of expandWorkspaces(root, patterns)) {
    const file = join3(root, dir, "package.json");
    if (!lstatSync3(file).isFile()) throw new StageError(`${dir}/package.json is not a regular file (a symbolic link?)`);
    const { doc } = readJson(file);
    const name = typeof doc.name === "string" ? doc.name : "";
    if (!name)
      throw new StageError(`${dir}/package.json has no "name": every workspace package needs one to be versioned`);
    const other = byName.get(name);
    if (other) throw new StageError(`two workspace packages are named ${escapeLogText(name)}: ${other} and ${dir}`);
    byName.set(name, dir);
    packages.push({
      name,
      dir,
      private: doc.private === true,
      version: typeof doc.version === "string" ? doc.version : void 0,
      manifest: doc
    });
  }
  if (!packages.length)
    throw new StageError(`${source} (${patterns.join(", ")}) matches no directory with a package.json`);
  return { manager, source, packages };
}

// packages/shared/src/monorepo/graph.ts
var DEP_FIELDS2 = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
function buildGraph(packages) {
  const names = packages.map((p) => p.name);
  const known = new Set(names);
  const edges = [];
  for (const p of packages) {
    for (const field of DEP_FIELDS2) {
      const deps = p.manifest[field];
      if (!deps || typeof deps !== "object") continue;
      for (const [to, range] of Object.entries(deps)) {
        if (known.has(to) && to !== p.name && typeof range === "string") edges.push({ from: p.name, to, field, range });
      }
    }
  }
  const dependents = new Map(names.map((n) => [n, []]));
  const dependencies = new Map(names.map((n) => [n, []]));
  for (const e of edges) {
    dependents.get(e.to)?.push(e);
    dependencies.get(e.from)?.push(e);
  }
  return { names, edges, dependents, dependencies };
}
function topologicalOrder(g) {
  const order = [];
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit2 = (name) => {
    const s = state.get(name);
    if (s === "done") return;
    if (s === "visiting") {
      const start = stack.findIndex((e) => e.from === name);
      const loop = stack.slice(start);
      const path = [...loop.map((e) => escapeLogText(e.from)), escapeLogText(name)].join(" → ");
      const how = loop.map((e) => `${escapeLogText(e.from)} ${e.field} ${escapeLogText(e.to)}`).join(", ");
      throw new StageError(
        `the workspace packages depend on each other in a cycle: ${path} (${how}); no publish order exists. Remove one of these dependencies (a devDependency is usually the one to drop) and re-run.`
      );
    }
    state.set(name, "visiting");
    for (const e of [...g.dependencies.get(name) ?? []].sort((a, b) => a.to.localeCompare(b.to))) {
      stack.push(e);
      visit2(e.to);
      stack.pop();
    }
    state.set(name, "done");
    order.push(name);
  };
  for (const n of [...g.names].sort()) visit2(n);
  return order;
}

// packages/shared/src/versioning/version.ts
var import_compare = __toESM(require_compare(), 1);
var import_inc = __toESM(require_inc(), 1);
var import_parse = __toESM(require_parse(), 1);
var import_prerelease = __toESM(require_prerelease(), 1);
var import_valid2 = __toESM(require_valid(), 1);
var import_diff = __toESM(require_diff(), 1);
function tagVersion(tag, prefix) {
  if (!tag.startsWith(prefix)) return void 0;
  const v = tag.slice(prefix.length);
  const p = (0, import_parse.default)(v);
  if (!p) return void 0;
  return v === p.version || v === `${p.version}+${p.build.join(".")}` ? p.version : void 0;
}
function releaseTags(tags, prefix) {
  const out = [];
  for (const t of tags) {
    const v = tagVersion(t.name, prefix);
    if (!v) continue;
    out.push({ tag: t.name, version: v, commit: t.commit });
  }
  return out.sort((a, b) => (0, import_compare.default)(b.version, a.version));
}
var isStable = (v) => ((0, import_prerelease.default)(v) ?? []).length === 0;
var highest = (vs) => [...vs].sort((a, b) => (0, import_compare.default)(b, a))[0];
var core = (v) => {
  const p = (0, import_parse.default)(v);
  return `${p.major}.${p.minor}.${p.patch}`;
};
var DEFAULT_INITIAL_VERSION = "1.0.0";
function realManifestVersion(v) {
  if (!v) return void 0;
  const p = (0, import_parse.default)(v.trim());
  if (!p || p.major === 0 && p.minor === 0 && p.patch === 0) return void 0;
  return p.version;
}
function nextVersion(i) {
  const mergedVersions = i.merged.map((t) => t.version);
  const allVersions = i.all.map((t) => t.version);
  const previous = highest(mergedVersions);
  const previousStable = highest(mergedVersions.filter(isStable));
  const highestStable = highest(allVersions.filter(isStable));
  const manifest = realManifestVersion(i.manifestVersion);
  let initialFrom;
  let version2;
  if (i.explicit) {
    const v = i.explicit.replace(/^v(?=\d)/, "");
    if ((0, import_valid2.default)(v) !== v) throw new StageError(`version "${i.explicit}" is not a semantic version (such as 1.4.0)`);
    if (previous && (0, import_compare.default)(v, previous) <= 0) {
      throw new StageError(`version ${v} is not above the last release ${previous} of this branch`);
    }
    if (allVersions.includes(v)) throw new StageError(`version ${v} is already released (tag exists)`);
    if (i.releaseType === "prerelease" && isStable(v)) {
      throw new StageError(`release_type is prerelease but version ${v} has no prerelease part (such as -rc.1)`);
    }
    if (i.releaseType === "stable" && !isStable(v)) {
      throw new StageError(`release_type is stable but version ${v} is a prerelease; set release_type: prerelease`);
    }
    version2 = v;
    const initial = i.initialVersion?.replace(/^v(?=\d)/, "");
    if (!previousStable && initial && (0, import_parse.default)(initial) && core(initial) === core(v)) initialFrom = "initial_version";
  } else {
    let base;
    if (!previousStable) {
      const initial = i.initialVersion?.replace(/^v(?=\d)/, "");
      if (initial) {
        if (!(0, import_parse.default)(initial)) throw new StageError(`initial_version "${i.initialVersion}" is not a semantic version`);
        [base, initialFrom] = [core(initial), "initial_version"];
      } else if (manifest) [base, initialFrom] = [core(manifest), "manifest"];
      else if (previous) [base, initialFrom] = [core(previous), "prerelease tag"];
      else [base, initialFrom] = [DEFAULT_INITIAL_VERSION, "default"];
    } else {
      base = (0, import_inc.default)(previousStable, i.bump);
    }
    if (i.releaseType === "stable") {
      version2 = base;
    } else {
      const re = new RegExp(`^${escapeRe(base)}-${escapeRe(i.prereleaseId)}\\.(\\d+)$`);
      let n = 0;
      for (const v of allVersions) {
        const m = re.exec(v);
        if (m) n = Math.max(n, Number(m[1]));
      }
      version2 = `${base}-${i.prereleaseId}.${n + 1}`;
    }
    if (allVersions.includes(version2)) {
      throw new StageError(
        `version ${version2} is already released on another line; give an explicit version or another bump`
      );
    }
  }
  const prerelease = !isStable(version2);
  const backport = !prerelease && highestStable !== void 0 && (0, import_compare.default)(version2, highestStable) < 0;
  const below = (floor) => (0, import_compare.default)(prerelease ? core(version2) : version2, floor) < 0;
  if (manifest && initialFrom !== "initial_version" && below(manifest)) {
    throw new StageError(
      `the next version ${version2} is lower than package.json's version ${manifest}: set package.json's version to the last release, or give the version to release explicitly (nothing was changed)`
    );
  }
  return {
    version: version2,
    previous,
    previousStable,
    prerelease,
    backport,
    highestStable,
    ...initialFrom ? { initialFrom } : {}
  };
}
function parts(version2) {
  const p = (0, import_parse.default)(version2);
  if (!p) throw new Error(`not a semantic version: ${version2}`);
  return { major: p.major, minor: p.minor, patch: p.patch, pre: [...p.prerelease] };
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function imageTags(version2, existing) {
  if (!isStable(version2)) return [version2];
  const { major, minor } = parts(version2);
  const stable = existing.filter((v) => (0, import_valid2.default)(v) === v && isStable(v) && v !== version2);
  const beats = (pred) => stable.filter((v) => pred(parts(v))).every((v) => (0, import_compare.default)(version2, v) > 0);
  const tags = [version2];
  if (beats((p) => p.major === major && p.minor === minor)) tags.push(`${major}.${minor}`);
  if (beats((p) => p.major === major)) tags.push(`${major}`);
  if (beats(() => true)) tags.push("latest");
  return tags;
}
function majorTag(version2, existing, prefix) {
  const t = imageTags(version2, existing);
  const { major } = parts(version2);
  return t.includes(String(major)) ? `${prefix}${major}` : void 0;
}
function releaseKind(previous, version2, backport = false) {
  if (!isStable(version2)) return "prerelease";
  if (backport) return "hotfix";
  if (!previous) return version2.startsWith("0.") ? "minor" : "major";
  const d = (0, import_diff.default)(previous, version2);
  return d === "major" || d === "premajor" ? "major" : d === "minor" || d === "preminor" ? "minor" : "patch";
}

// packages/shared/src/monorepo/tags.ts
var DEFAULT_TAG_FORMAT = "{name}@{version}";
var PLACEHOLDER = /\{([^}]*)\}/g;
function tagFormatProblem(format, packageCount) {
  const holes = [...format.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = holes.filter((h) => h !== "name" && h !== "version");
  if (unknown.length)
    return `Input "tag_format" has ${unknown.map((u) => `{${escapeLogText(u)}}`).join(", ")}; only {name} and {version} are replaced (such as {name}@{version} or {name}-v{version}).`;
  if (holes.filter((h) => h === "version").length !== 1)
    return `Input "tag_format" is "${escapeLogText(format)}"; it needs {version} exactly once (such as {name}@{version}, {name}-v{version} or v{version}).`;
  if (packageCount > 1 && !holes.includes("name"))
    return `Input "tag_format" is "${escapeLogText(format)}" without {name}, but ${packageCount} packages are versioned independently: their tags would collide. Use {name}@{version} or {name}-v{version}.`;
  return void 0;
}
function formatTag(format, name, version2) {
  return format.replaceAll("{name}", name).replaceAll("{version}", version2);
}
var unscoped = (name) => name.replace(/^@[^/]+\//, "");
function patternsFor(format, name) {
  const split = (f, style) => {
    const [pre = "", post = ""] = f.replaceAll("{name}", name).split("{version}");
    return { prefix: pre, suffix: post, style };
  };
  const out = [
    split(format, "tag_format"),
    split("{name}@{version}", "changesets/lerna"),
    split("{name}-v{version}", "release-please"),
    { prefix: `${unscoped(name)}-v`, suffix: "", style: "release-please" }
  ];
  return out.filter((p, i) => out.findIndex((q) => q.prefix === p.prefix && q.suffix === p.suffix) === i);
}
function packageTags(tags, packages, format) {
  const out = new Map(packages.map((n) => [n, []]));
  const all = packages.flatMap((name) => patternsFor(format, name).map((p) => ({ ...p, name })));
  all.sort((a, b) => b.prefix.length - a.prefix.length);
  for (const t of tags) {
    for (const p of all) {
      if (!t.name.startsWith(p.prefix) || !t.name.endsWith(p.suffix)) continue;
      const v = tagVersion(t.name.slice(0, t.name.length - p.suffix.length), p.prefix);
      if (!v) continue;
      out.get(p.name)?.push({ tag: t.name, version: v, commit: t.commit, style: p.style });
      break;
    }
  }
  return out;
}
function checkTagFormat(format, packageCount) {
  const problem = tagFormatProblem(format, packageCount);
  if (problem) throw new StageError(problem);
}

// packages/shared/src/commits/parse.ts
var HEADER = /^([A-Za-z][\w-]*)(?:\(([^()\r\n]*)\))?(!)?:[ \t]+(.*\S)\s*$/;
var REVERT_HEADER = /^(?:Revert|Reapply)\s+"(.+)"\s*$/;
var REVERT_BODY = /This reverts commit ([0-9a-f]{7,40})/;
var PR_SUFFIX = /\s*\(#(\d+)\)\s*$/;
var FOOTER = /^(BREAKING[ -]CHANGE|[A-Za-z][\w-]*)(?:: | #)(.*)$/;
var BREAKING_TOKEN = /^BREAKING[ -]CHANGE$/;
var BREAKING_PARAGRAPH = /(^|\n\n)(BREAKING[ -]CHANGE: [\s\S]*)$/;
var BREAKING_PREFIX = /^BREAKING[ -]CHANGE: /;
function parseHeader(header) {
  const m = HEADER.exec(header);
  if (!m) return void 0;
  return {
    type: m[1].toLowerCase(),
    scope: m[2] || void 0,
    breaking: m[3] === "!",
    subject: m[4]
  };
}
function splitFooters(rest) {
  const text2 = rest.replace(/^\n+/, "").replace(/\s+$/, "");
  if (!text2) return { body: "", footers: [] };
  const cut = text2.lastIndexOf("\n\n");
  const lastPara = cut >= 0 ? text2.slice(cut + 2) : text2;
  const lines = lastPara.split("\n");
  if (!FOOTER.test(lines[0])) {
    const bc = BREAKING_PARAGRAPH.exec(text2);
    if (bc) {
      const body = text2.slice(0, bc.index).trim();
      const value = bc[2].replace(BREAKING_PREFIX, "").trim();
      return { body, footers: [{ token: "BREAKING CHANGE", value }] };
    }
    return { body: text2, footers: [] };
  }
  const footers = [];
  for (const line of lines) {
    const m = FOOTER.exec(line);
    if (m)
      footers.push({
        token: BREAKING_TOKEN.test(m[1]) ? "BREAKING CHANGE" : m[1],
        value: m[2]
      });
    else if (footers.length) footers[footers.length - 1].value += "\n" + line;
  }
  for (const f of footers) f.value = f.value.trim();
  return { body: cut >= 0 ? text2.slice(0, cut).trim() : "", footers };
}
function parseCommit(raw) {
  let message = raw.message;
  if (message.includes("\r")) message = message.replace(/\r\n?/g, "\n");
  const nl = message.indexOf("\n");
  const header = (nl >= 0 ? message.slice(0, nl) : message).trim();
  const rest = nl >= 0 ? message.slice(nl + 1) : "";
  const { body, footers } = splitFooters(rest);
  const out = {
    ...raw,
    shortHash: raw.hash.slice(0, 7),
    header,
    conventional: false,
    subject: header,
    body,
    footers,
    breaking: false,
    breakingNotes: [],
    merge: raw.parents.length > 1
  };
  let subject = header;
  const pr = PR_SUFFIX.exec(subject);
  if (pr) {
    out.pr = Number(pr[1]);
    subject = subject.slice(0, pr.index);
  }
  const revert = REVERT_HEADER.exec(subject);
  const h = revert ? void 0 : parseHeader(subject);
  if (revert) {
    const reverted = revert[1];
    const hash = REVERT_BODY.exec(body)?.[1];
    out.conventional = true;
    out.type = "revert";
    out.subject = reverted;
    out.revert = hash ? { header: reverted, hash } : { header: reverted };
  } else if (h) {
    out.conventional = true;
    out.type = h.type;
    if (h.scope) out.scope = h.scope;
    out.subject = h.subject.replace(PR_SUFFIX, "");
    out.breaking = h.breaking;
  } else {
    out.subject = subject;
  }
  if (out.conventional) {
    for (const f of footers) if (f.token === "BREAKING CHANGE" && f.value) out.breakingNotes.push(f.value);
    if (out.breakingNotes.length) out.breaking = true;
    else if (out.breaking) out.breakingNotes.push(out.subject);
  }
  return out;
}

// packages/shared/src/commits/log.ts
var LOG_FORMAT = "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B";
function parseLogRecord(record) {
  const r = record.charCodeAt(0) === 10 ? record.slice(1) : record;
  if (!r) return void 0;
  const f = [];
  let start = 0;
  for (let k = 0; k < 5; k++) {
    const i = r.indexOf("", start);
    if (i < 0) return void 0;
    f.push(r.slice(start, i));
    start = i + 1;
  }
  const [hash = "", parents = "", authorName = "", authorEmail = "", date = ""] = f;
  return parseCommit({
    hash,
    parents: parents ? parents.split(" ") : [],
    authorName,
    authorEmail,
    date,
    message: r.slice(start)
  });
}
async function streamLog(git, range, onCommit, shallow) {
  const hitBoundary = [];
  await git.stream(["log", "-z", LOG_FORMAT, ...range, "--"], "\0", (rec) => {
    const c = parseLogRecord(rec);
    if (!c) return;
    if (shallow?.has(c.hash)) hitBoundary.push(c.hash);
    onCommit(c);
  });
  return hitBoundary;
}
async function commitsSince(git, since, rev = "HEAD") {
  const out = [];
  await streamLog(git, [since ? `${since}..${rev}` : rev], (c) => {
    if (!c.merge) out.push(c);
  });
  return out;
}

// packages/shared/src/commits/bump.ts
var import_coerce = __toESM(require_coerce(), 1);

// packages/shared/src/commits/revert.ts
var WRAPPED = /^(?:Revert|Reapply)\s+"(.+)"\s*$/;
function revertedType(c) {
  let header = c.revert?.header;
  for (let m = header ? WRAPPED.exec(header) : null; m; m = WRAPPED.exec(header)) header = m[1];
  const h = header ? parseHeader(header) : void 0;
  return h ? { type: h.type, breaking: h.breaking } : void 0;
}
function cancelledByReverts(commits) {
  const dropped = /* @__PURE__ */ new Set();
  if (!commits.some((c) => c.revert)) return dropped;
  const targetOf = /* @__PURE__ */ new Map();
  const byPrefix = /* @__PURE__ */ new Map();
  for (const c of commits) {
    const k = c.hash.slice(0, 7);
    byPrefix.set(k, [...byPrefix.get(k) ?? [], c]);
  }
  for (let n = 0; n < commits.length; n++) {
    const c = commits[n];
    if (!c.revert || c.merge) continue;
    const h = c.revert.hash;
    let target;
    if (h) target = byPrefix.get(h.slice(0, 7))?.find((t) => t.hash.startsWith(h));
    else target = commits.slice(n + 1).find((t) => t.header === c.revert?.header);
    if (target && target !== c) targetOf.set(c, target);
  }
  const undone = /* @__PURE__ */ new Set();
  for (const c of commits) {
    const target = targetOf.get(c);
    if (!target || undone.has(c)) continue;
    undone.add(target);
  }
  for (const c of commits) {
    if (undone.has(c) || targetOf.has(c)) dropped.add(c.hash);
  }
  return dropped;
}

// packages/shared/src/commits/bump.ts
var ORDER = { none: 0, patch: 1, minor: 2, major: 3 };
var PATCH_TYPES = /* @__PURE__ */ new Set(["fix", "perf", "revert"]);
function maxBump(a, b) {
  return ORDER[a] >= ORDER[b] ? a : b;
}
function commitBump(c) {
  if (c.merge) return "none";
  if (c.breaking) return "major";
  if (c.type === "feat") return "minor";
  if (c.type === "revert" && c.revert) {
    const t = revertedType(c);
    return !t || t.breaking || t.type === "feat" || PATCH_TYPES.has(t.type) ? "patch" : "none";
  }
  return c.type && PATCH_TYPES.has(c.type) ? "patch" : "none";
}
function recommendBump(commits, currentVersion) {
  const list2 = [...commits];
  const cancelled = list2.every((c) => c.hash !== void 0) ? cancelledByReverts(list2) : /* @__PURE__ */ new Set();
  let bump = "none";
  for (const c of list2) {
    if (c.hash !== void 0 && cancelled.has(c.hash)) continue;
    bump = maxBump(bump, commitBump(c));
    if (bump === "major") break;
  }
  const cur = currentVersion ? (0, import_coerce.default)(currentVersion, { includePrerelease: true }) : null;
  if (bump === "major" && cur && cur.major === 0) return "minor";
  return bump;
}

// packages/shared/src/monorepo/history.ts
function sharedPathTest(patterns) {
  const tests = patterns.map((p) => p.trim().replace(/^\.\//, "")).filter(Boolean).map((p) => {
    if (p.includes("*")) {
      const re = globRegExp(p.replace(/\/$/, ""));
      return (f) => re.test(f) || f.split("/").some((_, i, a) => re.test(a.slice(0, i + 1).join("/")));
    }
    const dir = p.replace(/\/$/, "");
    return (f) => f === dir || f.startsWith(`${dir}/`);
  });
  return (f) => tests.some((t) => t(f));
}
async function packageCommits(git, requests, o = {}) {
  const rev = o.rev ?? "HEAD";
  const shared = sharedPathTest(o.sharedPaths ?? []);
  const out = new Map(requests.map((r) => [r.name, []]));
  const dirs = [...requests].sort((a, b) => b.dir.length - a.dir.length);
  const owner = (file) => dirs.find((r) => file.startsWith(`${r.dir}/`));
  const sinceTags = [...new Set(requests.map((r) => r.since))];
  const sinceCommit = /* @__PURE__ */ new Map();
  for (const r of requests) if (r.since && r.sinceCommit) sinceCommit.set(r.since, r.sinceCommit);
  for (const t of sinceTags)
    if (t && !sinceCommit.has(t)) sinceCommit.set(t, await git.resolve(`refs/tags/${t}`) ?? "");
  const base = sinceTags.includes(void 0) ? void 0 : await git.mergeBase(sinceTags.map((t) => sinceCommit.get(t) || `refs/tags/${t}^{commit}`));
  const parents = /* @__PURE__ */ new Map();
  const order = [];
  await git.logWithFiles(base ? [rev, `^${base}`] : [rev], LOG_FORMAT.slice("--format=".length), (rec, files) => {
    const c = parseLogRecord(rec);
    if (!c) return;
    parents.set(c.hash, c.parents);
    if (c.merge) return;
    const touched = /* @__PURE__ */ new Set();
    let sharedHit = false;
    for (const f of files) {
      const r = owner(f);
      if (r) touched.add(r);
      else if (!sharedHit && shared(f)) sharedHit = true;
    }
    if (touched.size || sharedHit) order.push({ c, touched, shared: sharedHit });
  });
  for (const t of sinceTags) {
    const group2 = requests.filter((r) => r.since === t);
    const released = /* @__PURE__ */ new Set();
    const stack = t ? [sinceCommit.get(t)] : [];
    while (stack.length) {
      const h = stack.pop();
      if (released.has(h) || !parents.has(h)) continue;
      released.add(h);
      stack.push(...parents.get(h));
    }
    for (const { c, touched, shared: s } of order) {
      if (released.has(c.hash)) continue;
      for (const r of group2) if (s || touched.has(r)) out.get(r.name)?.push(c);
    }
  }
  return out;
}

// packages/shared/src/monorepo/groups.ts
function parseGroups(lines) {
  return lines.map(
    (l) => l.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean)
  ).filter((g) => g.length > 0);
}
function groupProblems(groups, names) {
  const known = new Set(names);
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  for (const [input, list2] of [
    ["fixed_groups", groups.fixed],
    ["linked_groups", groups.linked]
  ]) {
    list2.forEach((g, i) => {
      for (const m of g) {
        if (!known.has(m)) {
          const hint = names.length > 8 ? `${names.slice(0, 8).join(", ")}, …` : names.join(", ");
          problems.push({
            input,
            message: `Input "${input}" group ${i + 1} names "${escapeLogText(m)}", which is not a workspace package; the packages are: ${hint}.`
          });
          continue;
        }
        const where = `${input} group ${i + 1}`;
        const before = seen.get(m);
        if (before && before !== where)
          problems.push({
            input,
            message: `Input "${input}": ${escapeLogText(m)} is in ${before} and in ${where}; a package belongs to one group.`
          });
        seen.set(m, where);
      }
    });
  }
  return problems;
}

// packages/shared/src/monorepo/manifests.ts
import { existsSync as existsSync5 } from "node:fs";
import { join as join6, posix as posix2 } from "node:path";

// packages/shared/src/monorepo/pnpm-lock.ts
import { existsSync as existsSync3, readFileSync as readFileSync5 } from "node:fs";
import { join as join4 } from "node:path";
var indentOf = (l) => l.length - l.trimStart().length;
var keyOf = (l) => /^\s*('?)([^':]+)\1:(?:\s|$)/.exec(l)?.[2];
var scalar = (v) => v.trim().replace(/^'(.*)'$/, "$1");
function pnpmLockChange(root, edits) {
  const file = join4(root, "pnpm-lock.yaml");
  if (!edits.length || !existsSync3(file)) return void 0;
  const before = readFileSync5(file, "utf8");
  const lines = before.split("\n");
  const done = [];
  let section = "";
  let importer = "";
  let group2 = "";
  let dep = "";
  const replace = (i, prefix, value) => {
    const x = edits.find((e) => e.from.dir === importer && e.to.name === dep && e.before === scalar(value));
    if (!x) return;
    const quoted = value.trim().startsWith("'");
    lines[i] = `${prefix}${quoted ? `'${x.after}'` : x.after}`;
    done.push(`importers["${importer}"].${group2}["${dep}"]: ${x.before} → ${x.after}`);
  };
  lines.forEach((l, i) => {
    if (!l.trim() || l.trimStart().startsWith("#")) return;
    const depth = indentOf(l);
    const key = keyOf(l);
    if (depth === 0) [section, importer, group2, dep] = [key ?? "", "", "", ""];
    if (section !== "importers" || depth === 0) return;
    if (depth === 2) [importer, group2, dep] = [key ?? "", "", ""];
    else if (depth === 4) [group2, dep] = [key ?? "", ""];
    else if (depth === 6 && group2 === "specifiers" && key) {
      dep = key;
      const m = /^(\s*'?[^':]+'?:\s)(.*)$/.exec(l);
      if (m) replace(i, m[1], m[2]);
    } else if (depth === 6) dep = key ?? "";
    else if (depth === 8 && key === "specifier") {
      const m = /^(\s*specifier:\s)(.*)$/.exec(l);
      if (m) replace(i, m[1], m[2]);
    }
  });
  if (!done.length) return void 0;
  return { path: "pnpm-lock.yaml", before, after: lines.join("\n"), edits: done };
}

// packages/shared/src/monorepo/yarn-lock.ts
import { existsSync as existsSync4, readFileSync as readFileSync6 } from "node:fs";
import { join as join5 } from "node:path";
var descriptor = (range) => /^[a-z]+:/.test(range) ? range : `npm:${range}`;
function entries(lines) {
  const out = [];
  lines.forEach((l, i) => {
    if (/^\S.*:$/.test(l) && !l.startsWith("#")) {
      if (out.length) out[out.length - 1].end = i;
      out.push({ key: l, start: i, end: lines.length });
    }
  });
  return out;
}
var keyDescriptors = (key) => key.slice(0, -1).replace(/^"|"$/g, "").split(", ");
function yarnLockChange(root, edits) {
  const file = join5(root, "yarn.lock");
  if (!edits.length || !existsSync4(file)) return void 0;
  const before = readFileSync6(file, "utf8");
  if (!/^__metadata:/m.test(before)) return void 0;
  const lines = before.split("\n");
  const done = [];
  for (const e of entries(lines)) {
    const ds = keyDescriptors(e.key);
    const target = edits.filter((x) => ds.includes(`${x.to.name}@workspace:${x.to.dir}`));
    if (target.length) {
      const next = ds.map((d) => {
        const x = target.find((t) => d === `${t.to.name}@${descriptor(t.before)}`);
        return x ? `${x.to.name}@${descriptor(x.after)}` : d;
      });
      const quote = e.key.startsWith('"') ? '"' : "";
      const key = `${quote}${[...new Set(next)].sort().join(", ")}${quote}:`;
      if (key !== e.key) {
        lines[e.start] = key;
        done.push(`key of ${target[0].to.name}: ${e.key.slice(0, -1)} → ${key.slice(0, -1)}`);
      }
    }
    for (const x of edits.filter((y) => ds.includes(`${y.from.name}@workspace:${y.from.dir}`))) {
      for (let i = e.start + 1; i < e.end; i++) {
        const m = /^(\s+)("?)([^":]+)\2: ("?)(.*)\4$/.exec(lines[i]);
        if (!m || m[3] !== x.to.name || m[5] !== descriptor(x.before)) continue;
        lines[i] = `${m[1]}${m[2]}${m[3]}${m[2]}: ${m[4]}${descriptor(x.after)}${m[4]}`;
        done.push(`${x.from.name}: ${x.to.name} ${descriptor(x.before)} → ${descriptor(x.after)}`);
      }
    }
  }
  if (!done.length) return void 0;
  return { path: "yarn.lock", before, after: lines.join("\n"), edits: done };
}

// packages/shared/src/monorepo/manifests.ts
function bumpEntry(doc, version2, released, edits, where = "", ranges) {
  if (version2 !== void 0 && doc.version !== version2) {
    edits.push(`${where}version ${String(doc.version ?? "(none)")} → ${version2}`);
    doc.version = version2;
  }
  for (const field of DEP_FIELDS2) {
    const deps = doc[field];
    if (!deps || typeof deps !== "object") continue;
    for (const [name, spec] of Object.entries(deps)) {
      const to = released.get(name);
      if (to === void 0 || typeof spec !== "string") continue;
      const next = bumpRange(spec, to);
      if (next && next !== spec) {
        deps[name] = next;
        edits.push(`${where}${field}.${name} ${spec} → ${next}`);
        ranges?.(name, spec, next);
      }
    }
  }
}
function planPackageBumps(root, packages, released) {
  const changes = [];
  const dirOf = new Map(packages.map((p) => [p.name, p.dir]));
  const ranges = [];
  for (const p of packages) {
    const path = posix2.join(p.dir, "package.json");
    const { doc, indent: indent2, newline, text: text2 } = readJson(join6(root, path));
    const edits = [];
    bumpEntry(
      doc,
      released.get(p.name),
      released,
      edits,
      "",
      (name, before, after) => ranges.push({ from: { name: p.name, dir: p.dir }, to: { name, dir: dirOf.get(name) ?? "" }, before, after })
    );
    if (edits.length) changes.push({ path, before: text2, after: writeJsonText(doc, indent2, newline), edits });
  }
  for (const lockName of ["package-lock.json", "npm-shrinkwrap.json"]) {
    const file = join6(root, lockName);
    if (!existsSync5(file)) continue;
    const { doc, indent: indent2, newline, text: text2 } = readJson(file);
    const entries2 = doc.packages;
    if (!entries2 || typeof entries2 !== "object") continue;
    const edits = [];
    for (const p of packages) {
      const entry = entries2[p.dir];
      if (entry) bumpEntry(entry, released.get(p.name), released, edits, `packages["${p.dir}"].`);
    }
    if (edits.length) changes.push({ path: lockName, before: text2, after: writeJsonText(doc, indent2, newline), edits });
  }
  for (const lock of [yarnLockChange(root, ranges), pnpmLockChange(root, ranges)]) if (lock) changes.push(lock);
  return changes;
}
function publishedManifest(text2, versions) {
  if (!text2.includes('"workspace:')) return void 0;
  const doc = JSON.parse(text2);
  const m = /^[{[]\r?\n([ \t]+)/.exec(text2);
  for (const field of DEP_FIELDS2) {
    const deps = doc[field];
    if (!deps || typeof deps !== "object") continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec !== "string" || !spec.startsWith("workspace:")) continue;
      const rest = spec.slice("workspace:".length);
      const v = versions.get(name);
      if (v === void 0) continue;
      deps[name] = rest === "*" ? v : rest === "^" || rest === "~" ? `${rest}${v}` : rest;
    }
  }
  return writeJsonText(doc, m?.[1] ?? 2, text2.endsWith("\n"));
}

// packages/shared/src/monorepo/plan.ts
var import_compare2 = __toESM(require_compare(), 1);
var plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
async function planMonorepo(git, root, o) {
  const workspace = await discoverWorkspace(root);
  const pkgs = workspace.packages;
  checkTagFormat(o.tagFormat, pkgs.length);
  const gp = groupProblems(
    o.groups,
    pkgs.map((p) => p.name)
  );
  if (gp.length) throw new InputError(gp[0].input, gp.map((p) => p.message).join(" "));
  const graph = buildGraph(pkgs);
  const order = topologicalOrder(graph);
  const byName = new Map(pkgs.map((p) => [p.name, p]));
  const rev = o.rev ?? "HEAD";
  const [allTags, merged] = await Promise.all([git.tags(), git.mergedTags(rev)]);
  const tagList = o.ignoreTags ? allTags.filter((x) => !o.ignoreTags?.has(x.name)) : allTags;
  const tagsOf = packageTags(tagList, order, o.tagFormat);
  const last = /* @__PURE__ */ new Map();
  for (const name of order) {
    const all = tagsOf.get(name) ?? [];
    const m = all.filter((t) => merged.has(t.tag)).sort((a, b) => (0, import_compare2.default)(b.version, a.version));
    const lastStable = m.find((t) => !t.version.includes("-"));
    last.set(name, { merged: m, all, since: lastStable ?? m[0] });
  }
  const history = await packageCommits(
    git,
    order.map((name) => {
      const since = last.get(name)?.since;
      return { name, dir: byName.get(name).dir, since: since?.tag, sinceCommit: since?.commit };
    }),
    { sharedPaths: o.sharedPaths, rev }
  );
  const bump = /* @__PURE__ */ new Map();
  const reasons = new Map(order.map((n) => [n, []]));
  for (const name of order) {
    const commits = history.get(name) ?? [];
    const since = last.get(name)?.since;
    const rec = recommendBump(commits, since?.version);
    const from = since ? since.tag : "the start of the history";
    if (rec === "none") {
      reasons.get(name).push(
        commits.length ? `no releasable commits since ${escapeLogText(from)} (${plural(commits.length, "commit")}, none a feat, fix, perf, revert or breaking change)` : `no commits since ${escapeLogText(from)}`
      );
      continue;
    }
    const b = o.versionBump === "auto" ? rec : o.versionBump;
    bump.set(name, b);
    reasons.get(name).push(`${plural(commits.length, "commit")} since ${escapeLogText(from)} call for a ${rec} bump`);
  }
  const own = new Set(bump.keys());
  for (const n of own)
    reasons.set(
      n,
      reasons.get(n).filter((r) => !r.startsWith("no "))
    );
  propagate(order, graph, o.groups, bump, reasons);
  const version2 = /* @__PURE__ */ new Map();
  const kind = /* @__PURE__ */ new Map();
  const groupOf = (name) => o.groups.fixed.find((g) => g.includes(name)) ?? o.groups.linked.find((g) => g.includes(name));
  for (const name of order) {
    const b = bump.get(name);
    if (!b) continue;
    const t = last.get(name);
    const group2 = (groupOf(name) ?? [name]).filter(
      (m) => m === name || o.groups.fixed.some((g) => g.includes(m)) || bump.has(m)
    );
    const groupMerged = group2.flatMap((m) => last.get(m)?.merged ?? []);
    const n = nextVersion({
      merged: groupMerged,
      all: t.all,
      bump: b,
      releaseType: o.releaseType,
      prereleaseId: o.prereleaseId,
      manifestVersion: byName.get(name)?.version,
      initialVersion: o.initialVersion
    });
    version2.set(name, n.version);
    kind.set(name, { prerelease: n.prerelease, backport: n.backport });
  }
  for (const g of [...o.groups.fixed, ...o.groups.linked]) {
    const vs = g.filter((m) => version2.has(m)).map((m) => version2.get(m));
    if (vs.length < 2) continue;
    const top = [...vs].sort(import_compare2.default).at(-1);
    for (const m of g) {
      if (!version2.has(m) || version2.get(m) === top) continue;
      const t = last.get(m);
      nextVersion({
        merged: t.merged,
        all: t.all,
        bump: "patch",
        releaseType: o.releaseType,
        prereleaseId: o.prereleaseId,
        explicit: top
      });
      version2.set(m, top);
    }
  }
  const packages = order.map((name) => {
    const p = byName.get(name);
    const t = last.get(name);
    const v = version2.get(name);
    return {
      name,
      path: p.dir,
      private: p.private,
      release: v !== void 0,
      version: v ?? t.since?.version ?? p.version ?? "",
      ...t.since ? { previousVersion: t.since.version, previousTag: t.since.tag, previousTagStyle: t.since.style } : {},
      ...v ? { tag: formatTag(o.tagFormat, name, v), bump: bump.get(name), ...kind.get(name) } : {},
      reasons: reasons.get(name) ?? [],
      commits: history.get(name) ?? []
    };
  });
  const files = planPackageBumps(
    root,
    pkgs,
    new Map(packages.filter((p) => p.release).map((p) => [p.name, p.version]))
  );
  return { workspace, graph, packages, files };
}
function propagate(order, graph, groups, bump, reasons) {
  const raise = (name, b, why) => {
    const cur = bump.get(name);
    const next = cur ? maxBump(cur, b) : b;
    if (cur === next) return false;
    bump.set(name, next);
    reasons.set(name, [...(reasons.get(name) ?? []).filter((r) => !r.startsWith("no ")), why]);
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of order) {
      if (!bump.has(name)) continue;
      for (const e of graph.dependents.get(name) ?? []) {
        if (e.field === "devDependencies" || bump.has(e.from)) continue;
        changed = raise(e.from, "patch", `depends on ${escapeLogText(name)} (${e.field}), which is released`) || changed;
      }
    }
    for (const g of groups.fixed) {
      const released = g.filter((m) => bump.has(m));
      if (!released.length) continue;
      const top = released.map((m) => bump.get(m)).reduce((a, b) => maxBump(a, b));
      for (const m of g) changed = raise(m, top, `fixed group with ${g.filter((x) => x !== m).join(", ")}`) || changed;
    }
    for (const g of groups.linked) {
      const released = g.filter((m) => bump.has(m));
      if (released.length < 2) continue;
      const top = released.map((m) => bump.get(m)).reduce((a, b) => maxBump(a, b));
      for (const m of released)
        changed = raise(m, top, `linked group with ${g.filter((x) => x !== m).join(", ")}`) || changed;
    }
  }
}

// packages/shared/src/monorepo/notes.ts
import { lstatSync as lstatSync4, readFileSync as readFileSync7 } from "node:fs";
import { join as join7, posix as posix3 } from "node:path";

// packages/shared/src/changelog/render.ts
var indent = (text2) => text2.replace(/\n/g, "\n  ");
function links(c, i) {
  const parts2 = [];
  const pr = i.prs?.get(c.hash);
  const prNumber = pr?.number ?? c.pr;
  if (prNumber !== void 0) {
    const url2 = pr?.url ?? (i.repoUrl ? `${i.repoUrl}/pull/${prNumber}` : "");
    parts2.push(url2 ? `[#${prNumber}](${url2})` : `#${prNumber}`);
  }
  parts2.push(i.repoUrl ? `[${c.shortHash}](${i.repoUrl}/commit/${c.hash})` : c.shortHash);
  const login = pr?.author ?? i.logins?.get(c.hash);
  return `(${parts2.join(", ")})${login ? ` by @${login}` : ""}`;
}
function scoped(c, text2) {
  const safe = escapeMarkdownHtml(text2);
  return c.scope ? `**${escapeMarkdownHtml(c.scope)}:** ${safe}` : safe;
}
function emptyRenderStats() {
  return { perType: {}, perSection: {}, shown: 0, hidden: 0, merges: 0, reverted: 0, breaking: 0, prs: 0 };
}
function classify(i) {
  const stats = emptyRenderStats();
  const drop = cancelledByReverts(i.commits);
  const entries2 = [];
  const breaking = [];
  const prs = /* @__PURE__ */ new Set();
  for (const c of i.commits) {
    if (c.merge) {
      stats.merges++;
      continue;
    }
    if (drop.has(c.hash)) {
      stats.reverted++;
      continue;
    }
    const reverted = c.revert ? revertedType(c) : void 0;
    if (reverted && !i.types.sectionOf({ type: reverted.type, conventional: true, breaking: reverted.breaking })) {
      stats.hidden++;
      continue;
    }
    const section = i.types.sectionOf({ ...c, breaking: false }) ?? (i.breakingSection ? void 0 : i.types.sectionOf(c));
    if (!section && !(c.breaking && i.breakingSection)) {
      stats.hidden++;
      continue;
    }
    const ref = links(c, i);
    if (section) entries2.push({ commit: c, section, text: `${scoped(c, indent(c.subject))} ${ref}` });
    stats.shown++;
    const type = c.conventional && c.type ? c.type : "other";
    stats.perType[type] = (stats.perType[type] ?? 0) + 1;
    if (section) stats.perSection[section] = (stats.perSection[section] ?? 0) + 1;
    const pr = i.prs?.get(c.hash)?.number ?? c.pr;
    if (pr !== void 0) prs.add(pr);
    for (const note of c.breakingNotes) {
      breaking.push({ commit: c, section: section ?? BREAKING_TITLE, text: `${scoped(c, indent(note))} ${ref}` });
      stats.breaking++;
    }
  }
  stats.prs = prs.size;
  return { entries: entries2, breaking, stats };
}
function contributorsBlock(i, heading) {
  if (!i.contributors?.length) return "";
  const items = i.contributors.map(
    (c) => `- ${c.login ? `@${c.login}` : escapeMarkdownHtml(c.name)}${c.firstTime ? " (first contribution)" : ""}`
  );
  return `${heading} Contributors

${items.join("\n")}`;
}
function compareUrl(i) {
  if (!i.repoUrl) return void 0;
  return i.previousTag ? `${i.repoUrl}/compare/${encodeURIComponent(i.previousTag)}...${encodeURIComponent(i.currentTag)}` : `${i.repoUrl}/releases/tag/${encodeURIComponent(i.currentTag)}`;
}
var BREAKING_TITLE = "⚠ BREAKING CHANGES";
function renderKeepAChangelog(i) {
  const { entries: entries2, breaking, stats } = classify(i);
  const url2 = compareUrl(i);
  const heading = `## ${url2 ? `[${i.version}]` : i.version} - ${i.date}`;
  const blocks = [heading];
  if (i.breakingSection && breaking.length) {
    blocks.push(`### ${BREAKING_TITLE}

${breaking.map((e) => `- ${e.text}`).join("\n")}`);
  }
  const bySection = /* @__PURE__ */ new Map();
  for (const e of entries2) {
    let list2 = bySection.get(e.section);
    if (!list2) bySection.set(e.section, list2 = []);
    list2.push(`- ${e.text}`);
  }
  for (const s of i.types.order) {
    const list2 = bySection.get(s);
    if (list2) blocks.push(`### ${s}

${list2.join("\n")}`);
  }
  const contributors = contributorsBlock(i, "###");
  if (contributors) blocks.push(contributors);
  if (blocks.length === 1) blocks.push("_No notable changes._");
  const section = blocks.join("\n\n");
  const link = url2 ? { label: i.version, url: url2 } : void 0;
  return { heading, section, link, notes: link ? `${section}

[${link.label}]: ${link.url}` : section, stats };
}

// packages/shared/src/changelog/file.ts
function decodeText(buf) {
  let encoding = "utf8";
  let bom = false;
  let text2;
  if (buf[0] === 255 && buf[1] === 254) {
    encoding = "utf16le";
    bom = true;
    text2 = buf.subarray(2).toString("utf16le");
  } else if (buf[0] === 239 && buf[1] === 187 && buf[2] === 191) {
    bom = true;
    text2 = buf.subarray(3).toString("utf8");
  } else text2 = buf.toString("utf8");
  const eol = text2.includes("\r\n") ? "\r\n" : "\n";
  return { text: eol === "\r\n" ? text2.replace(/\r\n/g, "\n") : text2, encoding, bom, eol };
}
function encodeText(d) {
  const text2 = d.eol === "\r\n" ? d.text.replace(/\n/g, "\r\n") : d.text;
  const body = Buffer.from(text2, d.encoding);
  if (!d.bom) return body;
  const bom = d.encoding === "utf16le" ? Buffer.from([255, 254]) : Buffer.from([239, 187, 191]);
  return Buffer.concat([bom, body]);
}
var DEFAULT_PREAMBLE = "# Changelog\n\nAll notable changes to this project are documented in this file. The format is based on\n[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and this project adheres to\n[Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n";
var SECTION_HEADING = /^#{1,2} /;
var LINK_DEF = /^\[([^\]]+)\]:\s*\S/;
var UNRELEASED = /^#{1,2} \[?unreleased\]?/i;
var escapeRe2 = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function headingVersionMatcher(version2) {
  return new RegExp(`^#{1,2} (?:<small>)?\\[?v?${escapeRe2(version2)}(?![\\w.+-])`);
}
function upsertSection(text2, u) {
  const lines = text2.replace(/\n+$/, "").split("\n");
  if (lines.length === 1 && lines[0] === "") lines.length = 0;
  let linkStart = lines.length;
  while (linkStart > 0 && (LINK_DEF.test(lines[linkStart - 1]) || lines[linkStart - 1] === "")) linkStart--;
  while (linkStart < lines.length && lines[linkStart] === "") linkStart++;
  const body = lines.slice(0, linkStart);
  const linkLines = lines.slice(linkStart).filter((l) => l !== "");
  while (body.length && body[body.length - 1] === "") body.pop();
  const mine = headingVersionMatcher(u.version);
  const sectionLines = u.section.split("\n");
  const existing = body.findIndex((l) => mine.test(l));
  if (existing >= 0) {
    let end = existing + 1;
    while (end < body.length && !SECTION_HEADING.test(body[end])) end++;
    const replacement = [...sectionLines, ""];
    if (end >= body.length) replacement.pop();
    body.splice(existing, end - existing, ...replacement);
  } else {
    const title = body.findIndex((l) => /^# /.test(l) && !mine.test(l));
    let at = body.findIndex((l, n) => n > title && /^## /.test(l) && !UNRELEASED.test(l));
    if (at < 0) {
      at = body.length;
      body.push("", ...sectionLines);
      if (body[0] === "") body.shift();
    } else body.splice(at, 0, ...sectionLines, "");
  }
  const links2 = [...linkLines];
  const fresh = [];
  for (const link of [...u.link ? [u.link] : [], ...u.links ?? []]) {
    const def = `[${link.label}]: ${link.url}`;
    const label = link.label.toLowerCase();
    const idx = links2.findIndex((l) => LINK_DEF.exec(l)?.[1]?.toLowerCase() === label);
    if (idx >= 0) links2[idx] = def;
    else fresh.push(def);
  }
  if (fresh.length) {
    const unreleased = links2.findIndex((l) => LINK_DEF.exec(l)?.[1]?.toLowerCase() === "unreleased");
    links2.splice(unreleased + 1, 0, ...fresh);
  }
  if (u.newTag) {
    const idx = links2.findIndex((l) => LINK_DEF.exec(l)?.[1]?.toLowerCase() === "unreleased");
    if (idx >= 0) {
      links2[idx] = links2[idx].replace(/\/compare\/[^\s]*\.\.\.([^\s]*)$/, (_m, to) => {
        return `/compare/${encodeURIComponent(u.newTag)}...${to}`;
      });
    }
  }
  const out = body.join("\n") + "\n";
  return links2.length ? `${out}
${links2.join("\n")}
` : out;
}

// packages/shared/src/changelog/types.ts
var HIDDEN = "hidden";
var OTHER = "other";
var KEEP_A_CHANGELOG_SECTIONS = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];
var DEFAULT_TYPES = {
  "keep-a-changelog": {
    feat: "Added",
    perf: "Changed",
    refactor: "Changed",
    deprecate: "Deprecated",
    deprecated: "Deprecated",
    remove: "Removed",
    removed: "Removed",
    revert: "Removed",
    fix: "Fixed",
    security: "Security",
    sec: "Security",
    docs: HIDDEN,
    style: HIDDEN,
    test: HIDDEN,
    chore: HIDDEN,
    build: HIDDEN,
    ci: HIDDEN,
    [OTHER]: "Other"
  },
  "conventional-commits": {
    feat: "Features",
    fix: "Bug Fixes",
    perf: "Performance Improvements",
    revert: "Reverts",
    security: "Security",
    deprecate: "Deprecations",
    docs: HIDDEN,
    style: HIDDEN,
    refactor: HIDDEN,
    test: HIDDEN,
    chore: HIDDEN,
    build: HIDDEN,
    ci: HIDDEN,
    [OTHER]: HIDDEN
  }
};
function typeMap(format, user = {}) {
  const map = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(DEFAULT_TYPES[format])) map.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(user)) map.set(k.toLowerCase(), String(v).trim());
  const base = format === "keep-a-changelog" ? KEEP_A_CHANGELOG_SECTIONS : [];
  const order = [...base];
  for (const v of map.values()) if (v.toLowerCase() !== HIDDEN && !order.includes(v)) order.push(v);
  const other = map.get(OTHER);
  if (other && other.toLowerCase() !== HIDDEN) {
    order.splice(order.indexOf(other), 1);
    order.push(other);
  }
  const visible = (s) => s && s.toLowerCase() !== HIDDEN ? s : void 0;
  const fallback = format === "keep-a-changelog" ? "Changed" : "Features";
  return {
    order,
    sectionOf(c) {
      const s = c.conventional && c.type ? map.get(c.type) ?? map.get(OTHER) : map.get(OTHER);
      const shown = visible(s);
      if (shown) return shown;
      if (c.breaking) return visible(c.type ? map.get(c.type) : void 0) ?? visible(map.get(OTHER)) ?? fallback;
      return void 0;
    }
  };
}

// packages/shared/src/monorepo/notes.ts
function packageNotes(p, o) {
  const r = renderKeepAChangelog({
    format: "keep-a-changelog",
    version: p.version,
    date: o.date,
    ...p.previousTag ? { previousTag: p.previousTag } : {},
    currentTag: p.tag ?? p.version,
    repoUrl: o.repoUrl,
    commits: p.commits,
    types: typeMap("keep-a-changelog"),
    breakingSection: true
  });
  if (p.commits.length) return { section: r.section, ...r.link ? { link: r.link } : {}, notes: r.notes };
  const section = `${r.heading}

${p.reasons.map((x) => `- ${escapeMarkdownHtml(x)}`).join("\n")}`;
  return {
    section,
    ...r.link ? { link: r.link } : {},
    notes: `${section}${r.link ? `

[${r.link.label}]: ${r.link.url}` : ""}`
  };
}
function aggregateNotes(list2) {
  return list2.map((p) => {
    const label = p.tag.replace(/[[\]\\]/g, "\\$&");
    const v = p.version.replace(/[.+]/g, "\\$&");
    const notes = p.notes.replace(new RegExp(`^## \\[${v}\\]( |$)`, "m"), (_, end) => `## [${p.version}][${label}]${end}`).replace(new RegExp(`^\\[${v}\\]: `, "m"), () => `[${label}]: `).replace(/^(#{2,5}) /gm, "#$1 ");
    return `## ${escapeMarkdownHtml(p.tag)}

${notes}`;
  }).join("\n\n");
}
function changelogChange(workspace, p, n) {
  const path = posix3.join(p.path, "CHANGELOG.md");
  const st = lstatSync4(join7(workspace, path), { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new StageError(`${path} is not a regular file (a symbolic link?): it is not written`);
  const before = st ? readFileSync7(join7(workspace, path), "utf8") : "";
  const after = upsertSection(before.replace(/\r\n/g, "\n") || DEFAULT_PREAMBLE, {
    version: p.version,
    section: n.section,
    ...n.link ? { link: n.link } : {}
  });
  return { path, before, after, edits: [st ? `section ${p.version} added` : `created with section ${p.version}`] };
}

// packages/shared/src/publish/latest.ts
var import_compare3 = __toESM(require_compare(), 1);
var import_prerelease2 = __toESM(require_prerelease(), 1);
var import_valid3 = __toESM(require_valid(), 1);

// packages/shared/src/publish/npm.ts
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join8 } from "node:path";

// packages/shared/src/attest/oidc.ts
var NO_ID_TOKEN = "no OIDC token: this job has no ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN; add `permissions: id-token: write` to the job";
async function getIdToken(req, f = fetch) {
  if (!req.requestUrl || !req.requestToken) throw new StageError(NO_ID_TOKEN);
  const url2 = new URL(req.requestUrl);
  url2.searchParams.set("audience", req.audience);
  let res;
  try {
    res = await f(url2, {
      headers: { authorization: `Bearer ${req.requestToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(req.timeoutMs ?? 3e4)
    });
  } catch (e) {
    throw new StageError(`the runner's OIDC token endpoint is not reachable: ${e.message}`);
  }
  if (!res.ok) {
    const text2 = (await res.text().catch(() => "")).slice(0, 300);
    throw new StageError(`the runner refused an OIDC id token (HTTP ${res.status})${text2 ? `: ${text2}` : ""}`);
  }
  const value = (await res.json().catch(() => ({}))).value;
  if (typeof value !== "string" || !value) throw new StageError("the runner returned no OIDC id token");
  return value;
}
function decodeIdTokenClaims(token) {
  const part = token.split(".")[1];
  if (!part) throw new StageError("the OIDC id token is not a JWT");
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new StageError("the OIDC id token is not a JWT (its payload is not JSON)");
  }
}

// packages/shared/src/publish/exec.ts
var exec2 = async (cmd, args, o) => {
  const r = await exec(cmd, args, o);
  if (r.error) throw r.error;
  return r;
};
function redact(text2, secrets) {
  let out = text2;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
  return out;
}
async function pollUntil(probe, o) {
  const sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + o.timeoutMs;
  let interval = o.intervalMs ?? 1e3;
  for (; ; ) {
    const v = await probe();
    if (v !== void 0) return v;
    const left = deadline - Date.now();
    if (left <= 0) return void 0;
    await sleep(Math.min(interval, left));
    interval = Math.min(interval * 2, o.maxIntervalMs ?? 15e3);
  }
}

// packages/shared/src/publish/npm.ts
function registryKey(registryUrl) {
  const u = new URL(registryUrl);
  const path = u.pathname.endsWith("/") ? u.pathname : `${u.pathname}/`;
  return `//${u.host}${path}`;
}
var withSlash = (u) => u.endsWith("/") ? u : `${u}/`;
function packageUrl(registryUrl, name) {
  return `${withSlash(registryUrl)}${name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
}
function writeUserconfig(runnerTemp, registryUrl, token) {
  mkdirSync(runnerTemp, { recursive: true });
  const dir = mkdtempSync(join8(runnerTemp, "release-npm-"));
  const path = join8(dir, ".npmrc");
  const lines = [
    `registry=${withSlash(registryUrl)}`,
    "fetch-retries=2",
    "fetch-retry-mintimeout=1000",
    "fetch-retry-maxtimeout=5000"
  ];
  if (token) {
    lines.push(`${registryKey(registryUrl)}:_authToken=\${NODE_AUTH_TOKEN}`, "always-auth=true");
  }
  writeFileSync2(path, lines.join("\n") + "\n", { mode: 384 });
  chmodSync(path, 384);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
function idTokenAvailable(env) {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
function isNpmjs(registryUrl) {
  return new URL(registryUrl).host === "registry.npmjs.org";
}
async function packageDocument(f, registryUrl, name, token) {
  const res = await f(packageUrl(registryUrl, name), {
    headers: { accept: "application/json", ...token ? { authorization: `Bearer ${token}` } : {} },
    signal: AbortSignal.timeout(3e4)
  });
  if (res.status === 404) return void 0;
  if (!res.ok) {
    const body = await res.text().catch(() => "");
    const said = /"error"\s*:\s*"([^"]{1,200})"/.exec(body)?.[1];
    throw new Error(`npm registry answered ${res.status} for ${name}${said ? `: ${said}` : ""}`);
  }
  return await res.json();
}
async function registryVersion(f, registryUrl, name, version2, token) {
  const doc = await packageDocument(f, registryUrl, name, token);
  const v = doc?.versions?.[version2];
  if (!doc || !v) return void 0;
  return { integrity: v.dist?.integrity, tarball: v.dist?.tarball, distTags: doc["dist-tags"] ?? {} };
}
async function npmWhoami(f, registryUrl, token) {
  let res;
  try {
    res = await f(`${withSlash(registryUrl)}-/whoami`, {
      headers: { accept: "application/json", authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(15e3)
    });
  } catch (e) {
    throw new StageError(
      `npm registry ${redactUrl(registryUrl)} is not reachable: ${redactUrls(e.message)}`
    );
  }
  if (res.status === 401 || res.status === 403) {
    throw new StageError(`npm registry ${redactUrl(registryUrl)} refused NODE_AUTH_TOKEN (HTTP ${res.status})`);
  }
  if (!res.ok) throw new StageError(`npm registry ${redactUrl(registryUrl)} answered HTTP ${res.status} to whoami`);
  const body = await res.json();
  return body.username ?? "(unknown)";
}
async function oidcPublishToken(f, env, registryUrl, name) {
  const reqUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const reqToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!reqUrl || !reqToken) return void 0;
  const idToken = await getIdToken(
    { requestUrl: reqUrl, requestToken: reqToken, audience: `npm:${new URL(registryUrl).host}` },
    f
  );
  const exUrl = `${withSlash(registryUrl)}-/npm/v1/oidc/token/exchange/package/${name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
  const ex = await f(exUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${idToken}`, "content-type": "application/json", accept: "application/json" },
    body: "{}",
    signal: AbortSignal.timeout(3e4)
  });
  if (!ex.ok) {
    throw new StageError(
      `npm refused the OIDC exchange for ${name} (HTTP ${ex.status}): is this repository and workflow a trusted publisher of the package on ${new URL(registryUrl).host}?`
    );
  }
  const token = (await ex.json()).token;
  if (!token) throw new StageError(`npm returned no token from the OIDC exchange for ${name}`);
  return token;
}
async function npmPack(exec3, npm2, dir, dest, env) {
  mkdirSync(dest, { recursive: true });
  const r = await exec3(npm2, ["pack", "--json", "--ignore-scripts", "--pack-destination", dest], { cwd: dir, env });
  if (r.code !== 0)
    throw new StageError(`npm pack failed in ${dir}: ${r.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf("[")));
  const first = out[0];
  if (!first) throw new StageError(`npm pack printed nothing for ${dir}`);
  return { tarball: join8(dest, first.filename), integrity: first.integrity, filename: first.filename };
}
async function publishNpm(o) {
  const { name, version: version2 } = o;
  const token = o.auth.token;
  const url2 = o.webUrl ?? redactUrl(`${packageUrl(o.registryUrl, name)}/${version2}`);
  const base = { name, version: version2, integrity: o.pack.integrity, url: url2, distTag: o.distTag };
  const check2 = async () => registryVersion(o.fetch, o.registryUrl, name, version2, token);
  const before = await check2();
  if (before) {
    if (before.integrity === o.pack.integrity) {
      o.log.info(`npm: ${name}@${version2} is already published with the same content (${short(o.pack.integrity)})`);
      return { ...base, state: "already-done" };
    }
    throw new StageError(
      `npm: ${name}@${version2} is already published with other content (registry ${short(before.integrity)}, ours ${short(o.pack.integrity)}); nothing was overwritten`
    );
  }
  const cfg = writeUserconfig(o.runnerTemp, o.registryUrl, token);
  try {
    const args = [
      "publish",
      o.pack.tarball,
      "--userconfig",
      cfg.path,
      "--registry",
      withSlash(o.registryUrl),
      "--tag",
      o.distTag,
      "--ignore-scripts"
    ];
    if (o.access) args.push("--access", o.access);
    if (o.provenance) args.push("--provenance");
    const env = { ...o.env };
    delete env.NODE_AUTH_TOKEN;
    delete env.NPM_TOKEN;
    delete env.npm_config_userconfig;
    if (token) env.NODE_AUTH_TOKEN = token;
    o.log.info(
      `npm publish ${name}@${version2} --tag ${o.distTag}${o.provenance ? " --provenance" : ""} (${o.auth.kind})`
    );
    const r = await o.exec(o.npm ?? "npm", args, { env, timeoutMs: 5 * 6e4 });
    if (r.code !== 0) {
      const after = await check2().catch(() => void 0);
      if (after?.integrity === o.pack.integrity) {
        o.log.info(`npm: ${name}@${version2} is in the registry with our content after all`);
        return { ...base, state: "already-done" };
      }
      const why = redact(
        r.stderr.trim().split("\n").filter((l) => /err/i.test(l)).slice(-4).join(" / ") || r.stderr.trim().slice(-400),
        [token]
      );
      throw new StageError(`npm publish ${name}@${version2} to ${redactUrl(o.registryUrl)} failed: ${redactUrls(why)}`);
    }
  } finally {
    cfg.dispose();
  }
  const seen = await pollUntil(
    async () => {
      const v = await check2().catch(() => void 0);
      return v?.integrity === o.pack.integrity ? v : void 0;
    },
    { timeoutMs: o.verifyTimeoutMs, intervalMs: o.verifyIntervalMs ?? 1e3 }
  );
  if (!seen) {
    o.log.warning(`npm: ${name}@${version2} was published but is not visible in the registry yet`);
    return { ...base, state: "unverified" };
  }
  o.log.info(`npm: ${name}@${version2} verified in the registry (${short(o.pack.integrity)})`);
  return { ...base, state: "done" };
}
function short(integrity) {
  if (!integrity) return "(none)";
  return integrity.length > 20 ? `${integrity.slice(0, 17)}…` : integrity;
}
function defaultDistTag(o) {
  if (o.prerelease) return o.prereleaseId;
  if (o.backport) return `latest-${o.major}`;
  return "latest";
}

// packages/shared/src/publish/latest.ts
var isStable2 = (v) => ((0, import_prerelease2.default)(v) ?? []).length === 0;
var highest2 = (vs) => [...vs].sort((a, b) => (0, import_compare3.default)(b, a))[0];
async function npmLatest(f, registryUrl, name, token) {
  const where = redactUrl(registryUrl);
  const doc = await packageDocument(f, registryUrl, name, token).catch((e) => {
    throw new StageError(
      `npm registry ${where} cannot be read for ${name}: ${redactUrls(String(e.message))}`
    );
  });
  const versions = Object.keys(doc?.versions ?? {}).filter((v) => (0, import_valid3.default)(v) === v);
  const tagged = doc?.["dist-tags"]?.latest;
  const latest = tagged && (0, import_valid3.default)(tagged) === tagged ? tagged : void 0;
  const gitHead = latest ? doc?.versions?.[latest]?.gitHead : void 0;
  return {
    registry: "npm",
    name,
    where,
    ...latest ? { latest } : {},
    ...typeof gitHead === "string" && /^[0-9a-f]{7,64}$/.test(gitHead) ? { gitHead } : {},
    stable: versions.filter(isStable2)
  };
}
async function imageLatest(registry, image) {
  const stable = (await registry.tags(image)).filter((t) => (0, import_valid3.default)(t) === t && isStable2(t));
  const latest = highest2(stable);
  return { registry: "docker", name: image, where: image, ...latest ? { latest } : {}, stable };
}
async function readLatest(o) {
  const out = [];
  const { npm: npm2, images } = o;
  if (npm2) for (const name of npm2.names) out.push(await npmLatest(o.fetch, npm2.registryUrl, name, npm2.token));
  if (images) for (const image of images.names) out.push(await imageLatest(images.client, image));
  return out;
}
function belowLatest(r, c) {
  if (!r.latest || (0, import_compare3.default)(c.version, r.latest) >= 0) return void 0;
  if (c.backportBranch && !c.movesLatest) return void 0;
  const what = r.registry === "npm" ? `npm package ${r.name} (${r.where})` : `image ${r.name}`;
  const why = c.movesLatest ? `under the dist-tag latest, which never moves backwards` : `from the default branch, where latest never moves backwards`;
  const tag = c.adoptTag(r.latest);
  const at = r.gitHead ? `the commit ${r.gitHead.slice(0, 12)} (the registry's gitHead)` : "the commit it was released from";
  return `${escapeLogText(what)} has ${r.latest} as its latest, and this release would publish ${c.version}, lower, ${why}. Nothing was changed. If ${r.latest} came from this repository, adopt it: tag ${at} as ${tag} and push the tag (git tag -a ${tag} -m ${tag} <commit> && git push origin ${tag}), and the next release continues from it; or set initial_version (or version) above ${r.latest}. A lower version is released only as a backport, from a branch other than the default one, under its own dist-tag.`;
}
function latestAbove(version2, found) {
  return found.filter((r) => r.latest !== void 0 && (0, import_compare3.default)(version2, r.latest) < 0);
}
function guardLatest(o) {
  const backportBranch = o.defaultBranch !== void 0 && o.releaseBranch !== o.defaultBranch;
  const backport = o.backport || !o.prerelease && backportBranch && latestAbove(o.version, o.found).length > 0;
  const distTag = o.distTag(backport);
  const problems = o.found.flatMap((r) => {
    const p = belowLatest(r, {
      version: o.version,
      backportBranch,
      movesLatest: r.registry === "npm" && distTag === "latest",
      adoptTag: o.adoptTag ?? ((v) => `${o.tagPrefix}${v}`)
    });
    return p ? [p] : [];
  });
  if (problems.length) throw new StageError(problems.join("\n"));
  return { backport, distTag };
}

// packages/shared/src/monorepo/latest.ts
async function publicNpmPackages(root, versioning) {
  const pkgs = versioning === "independent" ? (await discoverWorkspace(root)).packages : npmPackages(root);
  return pkgs.filter((p) => !p.private).map((p) => p.name);
}
function guardPackagesLatest(packages, o) {
  const out = /* @__PURE__ */ new Map();
  const problems = [];
  for (const p of packages) {
    try {
      out.set(
        p.name,
        guardLatest({
          version: p.version,
          prerelease: p.prerelease,
          backport: p.backport,
          found: o.found.filter((r) => r.registry === "npm" && r.name === p.name),
          releaseBranch: o.releaseBranch,
          defaultBranch: o.defaultBranch,
          distTag: (backport) => o.distTag || defaultDistTag({
            prerelease: p.prerelease,
            prereleaseId: o.prereleaseId,
            backport,
            major: parts(p.version).major
          }),
          tagPrefix: "",
          adoptTag: (v) => formatTag(o.tagFormat, p.name, v)
        })
      );
    } catch (e) {
      if (!(e instanceof StageError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length) throw new StageError(problems.join("\n"));
  return out;
}

// packages/shared/src/monorepo/trailers.ts
var import_valid4 = __toESM(require_valid(), 1);
var PACKAGE_TRAILER = "Release-Actions-Package";
var TRAILER_LINE = new RegExp(`^${PACKAGE_TRAILER}:`, "i");
function packageTrailers(packages) {
  return packages.map((p) => `${PACKAGE_TRAILER}: ${p.name} ${p.version} ${p.tag}`).join("\n");
}
function hasPackageTrailers(message) {
  return message.split(/\r?\n/).some((l) => TRAILER_LINE.test(l));
}
function readPackageTrailers(message, o) {
  const known = new Set(o.packages);
  const packages = [];
  const problems = [];
  const lines = message.split(/\r?\n/).filter((l) => TRAILER_LINE.test(l));
  for (const line of lines) {
    const shown = `"${escapeLogText(line.slice(0, 200))}"`;
    const m = new RegExp(`^${PACKAGE_TRAILER}: (\\S+) (\\S+) (\\S+)$`).exec(line);
    if (!m) {
      problems.push(`${shown} is not "${PACKAGE_TRAILER}: <name> <version> <tag>"`);
      continue;
    }
    const [, name = "", version2 = "", tag = ""] = m;
    const n = `"${escapeLogText(name)}"`;
    if (!known.has(name)) {
      problems.push(`${shown} names ${n}, which is not a package of the workspace (${o.packages.length} packages)`);
    } else if (packages.some((p) => p.name === name)) {
      problems.push(`${shown} names ${n} a second time`);
    } else if ((0, import_valid4.default)(version2) !== version2) {
      problems.push(`${shown} has version "${escapeLogText(version2)}", which is not a semver version (1.2.3)`);
    } else if (tag !== formatTag(o.tagFormat, name, version2)) {
      problems.push(
        `${shown} has tag "${escapeLogText(tag)}", but tag_format "${escapeLogText(o.tagFormat)}" names it ${formatTag(o.tagFormat, name, version2)}`
      );
    } else {
      packages.push({ name, version: version2, tag });
    }
  }
  if (!lines.length) problems.push(`no "${PACKAGE_TRAILER}:" trailer`);
  return { packages: problems.length ? [] : packages, problems };
}

// packages/shared/src/action/monorepo-inputs.ts
var GROUPS = {
  multiline: true,
  maxLength: 1e5,
  pattern: /^[\w@./~\s,-]*$/,
  patternHint: "one group per line, its workspace package names separated by spaces or commas (@scope/a @scope/b)"
};
var monorepoInputs = {
  versioning: oneOf(["fixed", "independent"], {
    description: "fixed: one version for the repository (every workspace package at it); independent: each workspace package its own version, tag, changelog and release (docs/monorepo.md).",
    default: "fixed"
  }),
  tag_format: text({
    description: "independent: each package's tag, {name} and {version} replaced: {name}@{version} (changesets, lerna), {name}-v{version} (release-please), v{version} (a single package). Tags of those three styles count as releases whatever the format.",
    default: DEFAULT_TAG_FORMAT,
    pattern: /^[\w@./{}+-]+$/,
    patternHint: "a tag template of letters, digits, . _ / @ + - and the placeholders {name} and {version}"
  }),
  shared_paths: text({
    description: "independent: paths outside the packages whose changes count for every package (a root tsconfig, shared build scripts), one per line or comma separated; a directory, a file or a glob.",
    multiline: true,
    maxLength: 1e5,
    pattern: /^[\w@./*\s,+-]*$/,
    patternHint: "relative paths or globs (letters, digits, . _ / @ + - *), one per line or comma separated"
  }),
  fixed_groups: text({
    description: "independent: packages that always share one version, one group per line (changesets' `fixed`): when one is released, all are.",
    ...GROUPS
  }),
  linked_groups: text({
    description: "independent: packages that share a version when released together, one group per line (changesets' `linked`).",
    ...GROUPS
  })
};
var sharedPathList = (raw) => raw.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
var groupsOf = (v) => ({
  fixed: parseGroups(v.fixed_groups.split("\n")),
  linked: parseGroups(v.linked_groups.split("\n"))
});
function monorepoProblems(v) {
  if (v.versioning !== "independent") return [];
  const p = tagFormatProblem(v.tag_format, 1);
  return p ? [{ input: "tag_format", message: p }] : [];
}

// packages/shared/src/action/environment-inputs.ts
var ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

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
    const sep3 = Buffer.from(separator, "utf8");
    return new Promise((resolve5, reject) => {
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

// packages/shared/src/publish/docker.ts
import { existsSync as existsSync6, mkdirSync as mkdirSync2, mkdtempSync as mkdtempSync2, readFileSync as readFileSync8, rmSync as rmSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join9 } from "node:path";
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
].join(", ");
function splitImage(image) {
  const i = image.indexOf("/");
  const first = i < 0 ? "" : image.slice(0, i);
  if (i < 0 || !(first.includes(".") || first.includes(":") || first === "localhost")) {
    return { host: "registry-1.docker.io", repository: i < 0 ? `library/${image}` : image };
  }
  return { host: first, repository: image.slice(i + 1) };
}
var isLoopback = (host) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
var RegistryClient = class {
  constructor(f, creds, scheme) {
    this.f = f;
    this.creds = creds;
    this.scheme = scheme;
  }
  f;
  creds;
  scheme;
  bearer = /* @__PURE__ */ new Map();
  base(host) {
    return `${this.scheme ?? (isLoopback(host) ? "http" : "https")}://${host}`;
  }
  async request(host, repository, path, init, push = false) {
    const url2 = `${this.base(host)}/v2/${repository}${path}`;
    const scope = `repository:${repository}:${push ? "pull,push" : "pull"}`;
    const key = `${host} ${scope}`;
    const headers = new Headers(init.headers);
    const cached = this.bearer.get(key);
    if (cached) headers.set("authorization", `Bearer ${cached}`);
    else if (this.creds) headers.set("authorization", `Basic ${b64(`${this.creds.username}:${this.creds.password}`)}`);
    let res = await this.f(url2, { ...init, headers, signal: AbortSignal.timeout(6e4) });
    if (res.status !== 401) return res;
    const challenge = res.headers.get("www-authenticate") ?? "";
    if (!/^bearer/i.test(challenge)) return res;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const tokenUrl = new URL(params.realm ?? "");
    if (params.service) tokenUrl.searchParams.set("service", params.service);
    tokenUrl.searchParams.set("scope", scope);
    const tr = await this.f(tokenUrl, {
      headers: this.creds ? { authorization: `Basic ${b64(`${this.creds.username}:${this.creds.password}`)}` } : {},
      signal: AbortSignal.timeout(3e4)
    });
    if (!tr.ok) return res;
    const body = await tr.json();
    const token = body.token ?? body.access_token;
    if (!token) return res;
    this.bearer.set(key, token);
    headers.set("authorization", `Bearer ${token}`);
    res = await this.f(url2, { ...init, headers, signal: AbortSignal.timeout(6e4) });
    return res;
  }
  /** Digest of a tag's manifest; undefined when the tag does not exist. */
  async digest(image, tag) {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/manifests/${tag}`, {
      method: "HEAD",
      headers: { accept: MANIFEST_TYPES }
    });
    if (res.status === 404) return void 0;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for ${repository}:${tag}`);
    return res.headers.get("docker-content-digest") ?? void 0;
  }
  /** Every tag of an image (the registry's pages followed); none when the repository does not exist yet. */
  async tags(image) {
    const { host, repository } = splitImage(image);
    const out = [];
    let path = "/tags/list?n=1000";
    for (let page = 0; path && page < 100; page++) {
      const res = await this.request(host, repository, path, { headers: { accept: "application/json" } });
      if (res.status === 404) return out;
      if (!res.ok)
        throw new StageError(`registry ${host} answered HTTP ${res.status} listing the tags of ${repository}`);
      const body = await res.json();
      out.push(...body.tags ?? []);
      const next = /<[^>]*\/tags\/list(\?[^>]*)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
      path = next ? `/tags/list${next}` : void 0;
    }
    return out;
  }
  /** A manifest's bytes and media type. */
  async manifest(image, ref) {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/manifests/${ref}`, { headers: { accept: MANIFEST_TYPES } });
    if (res.status === 404) return void 0;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for ${repository}@${ref}`);
    return { body: Buffer.from(await res.arrayBuffer()), mediaType: res.headers.get("content-type") ?? "" };
  }
  /** The image config's labels of a tag (the first platform of an index). */
  async labels(image, ref) {
    const m = await this.manifest(image, ref);
    if (!m) return void 0;
    let doc = JSON.parse(m.body.toString("utf8"));
    if (doc.manifests?.[0]) {
      const inner = await this.manifest(image, doc.manifests[0].digest);
      if (!inner) return void 0;
      doc = JSON.parse(inner.body.toString("utf8"));
    }
    if (!doc.config) return {};
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/blobs/${doc.config.digest}`, {});
    if (!res.ok)
      throw new StageError(`registry ${host} answered HTTP ${res.status} for the config of ${repository}@${ref}`);
    const cfg = await res.json();
    return cfg.config?.Labels ?? {};
  }
  /** Put the manifest `digest` under `tag` (a retag, no rebuild). */
  async tag(image, digest, tag) {
    const m = await this.manifest(image, digest);
    if (!m) throw new StageError(`${image}@${digest} is not in the registry`);
    const { host, repository } = splitImage(image);
    const res = await this.request(
      host,
      repository,
      `/manifests/${tag}`,
      { method: "PUT", headers: { "content-type": m.mediaType }, body: new Uint8Array(m.body) },
      true
    );
    if (!res.ok) throw new StageError(`registry ${host} refused tagging ${repository}:${tag} (HTTP ${res.status})`);
  }
  /** A blob's bytes; undefined when the registry does not have it. */
  async blob(image, digest) {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/blobs/${digest}`, {});
    if (res.status === 404) return void 0;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for blob ${repository}@${digest}`);
    return Buffer.from(await res.arrayBuffer());
  }
  /** Uploads `data` as a blob (monolithic: POST then PUT ?digest=), unless the registry already has it. */
  async putBlob(image, data) {
    const digest = `sha256:${sha256Bytes(data)}`;
    const { host, repository } = splitImage(image);
    const head = await this.request(host, repository, `/blobs/${digest}`, { method: "HEAD" }, true);
    if (head.ok) return digest;
    const start = await this.request(host, repository, `/blobs/uploads/`, { method: "POST" }, true);
    await start.arrayBuffer();
    const location = start.headers.get("location");
    if (start.status !== 202 || !location) {
      throw new StageError(`registry ${host} refused a blob upload to ${repository} (HTTP ${start.status})`);
    }
    const url2 = new URL(location, `${this.base(host)}/`);
    url2.searchParams.set("digest", digest);
    const path = url2.pathname.slice(`/v2/${repository}`.length) + url2.search;
    const put = await this.request(
      host,
      repository,
      path,
      { method: "PUT", headers: { "content-type": "application/octet-stream" }, body: new Uint8Array(data) },
      true
    );
    if (!put.ok) {
      throw new StageError(
        `registry ${host} refused blob ${digest} in ${repository} (HTTP ${put.status}: ${await put.text()})`
      );
    }
    return digest;
  }
  /** Puts a manifest under `ref` (a tag or its digest); returns its digest. */
  async putManifest(image, ref, body, mediaType) {
    const { host, repository } = splitImage(image);
    const res = await this.request(
      host,
      repository,
      `/manifests/${ref}`,
      { method: "PUT", headers: { "content-type": mediaType }, body: new Uint8Array(body) },
      true
    );
    if (!res.ok) {
      throw new StageError(
        `registry ${host} refused manifest ${repository}:${ref} (HTTP ${res.status}: ${await res.text()})`
      );
    }
    return res.headers.get("docker-content-digest") ?? `sha256:${sha256Bytes(body)}`;
  }
  /**
   * The OCI 1.1 referrers API (GET /v2/<name>/referrers/<digest>): the index of manifests whose subject is
   * `digest`; undefined when the registry does not implement it (404), as distribution 2.8 does not.
   */
  async referrers(image, digest) {
    const { host, repository } = splitImage(image);
    const res = await this.request(host, repository, `/referrers/${digest}`, {
      headers: { accept: "application/vnd.oci.image.index.v1+json" }
    });
    if (res.status === 404) return void 0;
    if (!res.ok) throw new StageError(`registry ${host} answered HTTP ${res.status} for the referrers of ${digest}`);
    if (!(res.headers.get("content-type") ?? "").includes("application/vnd.oci.image.index.v1+json")) {
      await res.arrayBuffer();
      return void 0;
    }
    return await res.json();
  }
  /** Is the registry reachable and do the credentials pass (GET /v2/)? */
  async ping(image) {
    const { host, repository } = splitImage(image);
    let res;
    try {
      res = await this.request(host, repository, `/tags/list`, {});
    } catch (e) {
      throw new StageError(`container registry ${host} is not reachable: ${e.message}`);
    }
    if (res.status === 401 || res.status === 403) {
      throw new StageError(`container registry ${host} refused the credentials (HTTP ${res.status})`);
    }
    if (!res.ok && res.status !== 404) throw new StageError(`container registry ${host} answered HTTP ${res.status}`);
  }
};
var b64 = (s) => Buffer.from(s).toString("base64");
function writeDockerConfig(runnerTemp, hosts, creds) {
  mkdirSync2(runnerTemp, { recursive: true });
  const dir = mkdtempSync2(join9(runnerTemp, "release-actions-docker-config-"));
  const remove = () => rmSync2(dir, { recursive: true, force: true });
  process.once("exit", remove);
  const auths = Object.fromEntries(hosts.map((h) => [h, { auth: b64(`${creds.username}:${creds.password}`) }]));
  writeFileSync3(join9(dir, "config.json"), JSON.stringify({ auths }), { mode: 384 });
  return {
    dir,
    dispose: () => {
      process.removeListener("exit", remove);
      remove();
    }
  };
}
function dockerConfigCredentials(env, images) {
  const dir = env.DOCKER_CONFIG ?? (env.HOME ? join9(env.HOME, ".docker") : void 0);
  if (!dir || !existsSync6(join9(dir, "config.json"))) return void 0;
  try {
    const cfg = JSON.parse(readFileSync8(join9(dir, "config.json"), "utf8"));
    for (const img of images) {
      const auth = cfg.auths?.[splitImage(img).host]?.auth;
      if (auth) {
        const [username = "", ...rest] = Buffer.from(auth, "base64").toString("utf8").split(":");
        return { username, password: rest.join(":") };
      }
    }
  } catch {
    return void 0;
  }
  return void 0;
}
function ociLabels(l) {
  return {
    "org.opencontainers.image.source": l.source,
    "org.opencontainers.image.revision": l.revision,
    "org.opencontainers.image.version": l.version,
    "org.opencontainers.image.created": l.created
  };
}
async function hasBuildx(exec3, env) {
  const r = await exec3("docker", ["buildx", "version"], { env }).catch(() => ({ code: 1, stdout: "", stderr: "" }));
  return r.code === 0;
}
async function dockerBuild(o) {
  const buildx = await hasBuildx(o.exec, o.env);
  const args = buildx ? ["buildx", "build", "--load"] : ["build"];
  args.push("-t", o.localTag);
  if (o.dockerfile) args.push("-f", o.dockerfile);
  for (const [k, v] of Object.entries(o.labels)) args.push("--label", `${k}=${v}`);
  for (const a of o.buildArgs) args.push("--build-arg", a);
  args.push(o.context);
  o.log.info(`docker ${buildx ? "buildx build" : "build"} -t ${o.localTag} ${o.context}`);
  const r = await o.exec("docker", args, { env: o.env, timeoutMs: 30 * 6e4 });
  if (r.code !== 0) throw new StageError(`docker build failed: ${r.stderr.trim().split("\n").slice(-5).join(" / ")}`);
}
async function dockerPush(o) {
  const t = await o.exec("docker", ["tag", o.localTag, o.ref], { env: o.env });
  if (t.code !== 0) throw new StageError(`docker tag ${o.ref} failed: ${t.stderr.trim()}`);
  const r = await o.exec("docker", ["push", o.ref], { env: o.env, timeoutMs: 30 * 6e4 });
  if (r.code !== 0) {
    throw new StageError(
      `docker push ${o.ref} failed: ${redact(r.stderr.trim().split("\n").slice(-3).join(" / "), o.secrets)}`
    );
  }
  return /digest: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
}

// packages/shared/src/status/model.ts
var STATUS_SCHEMA_VERSION = 1;
function emptyStatus() {
  return { schema_version: STATUS_SCHEMA_VERSION, releases: [] };
}
function ensureRelease(doc, version2, init = {}) {
  let rec = findRelease(doc, version2, init.tag);
  if (!rec) {
    rec = { version: version2, status: "planned", created_at: (/* @__PURE__ */ new Date()).toISOString(), ...init };
    doc.releases.unshift(rec);
  }
  return rec;
}
function findRelease(doc, version2, tag) {
  return doc.releases.find((r) => r.version === version2 && (tag === void 0 || r.tag === tag));
}
function recordStep(rec, runId, step, state, o = {}) {
  rec.ledger ??= {};
  const run2 = rec.ledger[runId] ??= {};
  run2[step] = {
    state,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    ...o.attempt ? { attempt: o.attempt } : {},
    ...o.detail ? { detail: o.detail } : {}
  };
}

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
function versionHint(text2, indent2) {
  const re = new RegExp(
    `^(?: {${indent2}}- +| {${indent2 + 2}})version: *(?:"([^"\\\\]*)"|'([^']*)'|([^\\s#'"][^\\s#]*))[ \\t]*(?:#.*)?$`,
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
  const indent2 = fm[1].length;
  const itemStart = new RegExp(`^ {${indent2}}-(?: |\\r?\\n)`, "gm");
  const end = new RegExp(indent2 === 0 ? "^(?![-#\\s])" : "^(?=[^\\s#])", "gm");
  end.lastIndex = start;
  const em = end.exec(text2);
  const stop = em ? em.index : text2.length;
  const body = text2.slice(start, stop);
  const starts = [];
  itemStart.lastIndex = 0;
  for (let m = itemStart.exec(body); m; m = itemStart.exec(body)) starts.push(m.index);
  if (starts.length === 0) return void 0;
  const entries2 = starts.map((s, i) => ({ text: body.slice(s, starts[i + 1] ?? body.length), indent: indent2 }));
  return { rest: text2.slice(0, start) + body.slice(0, starts[0]) + text2.slice(stop), entries: entries2 };
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
  const parts2 = releases.map((r) => {
    const lazy = LAZY.get(r);
    if (lazy && !lazy.loaded && lazy.text !== void 0) return rawEntry(lazy);
    const seq = new import_yaml.Document([r], { aliasDuplicateObjects: false });
    quoteVersions(seq);
    return seq.toString({ lineWidth: 0 }).replace(/^(?=.)/gm, "  ").replace(/\n?$/, "\n");
  });
  return `# release-status.yaml — written by release-actions; newest release first.
${head === "{}" ? "" : `${head}
`}releases:${parts2.length ? `
${parts2.join("")}` : " []\n"}`;
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

// packages/shared/src/attest/provenance.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var SHA256 = /^[0-9a-f]{64}$/;
function sha256Hex(digest) {
  const hex = digest.startsWith("sha256:") ? digest.slice("sha256:".length) : digest;
  if (!SHA256.test(hex))
    throw new StageError(`not a sha256 digest: ${JSON.stringify(digest)} (64 hex digits expected)`);
  return hex;
}
function required(input, key) {
  const v = input[key];
  if (typeof v !== "string" || !v) throw new StageError(`provenance: ${key} is missing from the build context`);
  return v;
}
function splitWorkflowRef(ref) {
  const m = /^([^/]+\/[^/]+)\/(.+?)@(.+)$/.exec(ref);
  if (!m) throw new StageError(`provenance: workflow ref ${JSON.stringify(ref)} is not owner/repo/path@ref`);
  return { repository: m[1], path: m[2], ref: m[3] };
}
function buildStatement(subjects, input) {
  if (!subjects.length) throw new StageError("provenance: no subject to attest");
  for (const s of subjects) {
    if (!s.name) throw new StageError("provenance: a subject has no name");
    sha256Hex(s.digest.sha256);
  }
  const server = required(input, "serverUrl").replace(/\/$/, "");
  const repository = required(input, "repository");
  const sha = required(input, "sha");
  const ref = required(input, "ref");
  const builder = required(input, "builderWorkflowRef");
  splitWorkflowRef(builder);
  const caller = input.workflowRef ? splitWorkflowRef(input.workflowRef) : void 0;
  const github = { event_name: required(input, "eventName") };
  if (input.repositoryId) github.repository_id = input.repositoryId;
  if (input.repositoryOwnerId) github.repository_owner_id = input.repositoryOwnerId;
  if (input.runnerEnvironment) github.runner_environment = input.runnerEnvironment;
  return {
    _type: STATEMENT_TYPE,
    subject: subjects.map((s) => ({ name: s.name, digest: { sha256: s.digest.sha256 } })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: {
          workflow: {
            ref: caller?.ref ?? ref,
            repository: `${server}/${caller?.repository ?? repository}`,
            path: caller?.path ?? ""
          },
          ...input.inputs && Object.keys(input.inputs).length ? { inputs: input.inputs } : {}
        },
        internalParameters: { github },
        resolvedDependencies: [
          { uri: `git+${server}/${repository}@${ref}`, digest: { gitCommit: sha } },
          ...input.resolvedDependencies ?? []
        ]
      },
      runDetails: {
        builder: { id: `${server}/${builder}` },
        metadata: {
          invocationId: `${server}/${repository}/actions/runs/${required(input, "runId")}/attempts/${required(input, "runAttempt")}`
        }
      }
    }
  };
}

// packages/shared/src/attest/sign.ts
var SIGSTORE = {
  public: { fulcio: "https://fulcio.sigstore.dev", rekor: "https://rekor.sigstore.dev" },
  github: { fulcio: "https://fulcio.githubapp.com", tsa: "https://timestamp.githubapp.com/api/v1/timestamp" }
};
async function signStatement(statement, o) {
  if (!o.rekorUrl && !o.tsaUrl) {
    throw new StageError("signing needs a transparency log (rekor_url) or a timestamp authority (tsa_url)");
  }
  const { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } = cjs(await import("./chunks/dist-I6TCJ76L.js"));
  const { bundleToJSON } = cjs(await import("./chunks/dist-ASJII7XJ.js"));
  const fetchOptions = {
    retry: { retries: o.retries ?? 3, factor: 2, minTimeout: o.retryDelayMs ?? 1e3, maxTimeout: 1e4 },
    timeout: o.timeoutMs ?? 3e4
  };
  const token = o.identityToken;
  const signer = new FulcioSigner({
    fulcioBaseURL: o.fulcioUrl,
    identityProvider: { getToken: () => Promise.resolve(token) },
    ...fetchOptions
  });
  const witnesses = [];
  if (o.rekorUrl) witnesses.push(new RekorWitness({ rekorBaseURL: o.rekorUrl, entryType: "intoto", ...fetchOptions }));
  if (o.tsaUrl) witnesses.push(new TSAWitness({ tsaBaseURL: o.tsaUrl, ...fetchOptions }));
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  try {
    const bundle = await builder.create({
      data: Buffer.from(JSON.stringify(statement)),
      type: IN_TOTO_PAYLOAD_TYPE
    });
    return bundleToJSON(bundle);
  } catch (e) {
    throw new StageError(`signing failed: ${signingFailure(e, o)}`);
  }
}
function signingFailure(e, o) {
  const err = e;
  const cause = err.cause ? ` (${errorMessage(err.cause)})` : "";
  switch (err.code) {
    case "CA_CREATE_SIGNING_CERTIFICATE_ERROR":
      return `Fulcio ${o.fulcioUrl} gave no certificate: ${errorMessage(e)}${cause}`;
    case "TLOG_CREATE_ENTRY_ERROR":
      return `Rekor ${o.rekorUrl} recorded no entry: ${errorMessage(e)}${cause}`;
    case "TSA_CREATE_TIMESTAMP_ERROR":
      return `the timestamp authority ${o.tsaUrl} gave no timestamp: ${errorMessage(e)}${cause}`;
    default:
      return `${errorMessage(e)}${cause}`;
  }
}

// packages/shared/src/attest/verify.ts
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var AttestationVerificationError = class extends Error {
  constructor(check2, message) {
    super(`${check2} check failed: ${message}`);
    this.check = check2;
    this.name = "AttestationVerificationError";
  }
  check;
};
async function verifyBundle(input) {
  const [{ bundleFromJSON }, { Verifier, toSignedEntity, toTrustMaterial, PolicyError, VerificationError }] = await Promise.all([import("./chunks/dist-ASJII7XJ.js").then(cjs), import("./chunks/dist-BGFTVZEK.js").then(cjs)]);
  let hex;
  try {
    hex = sha256Hex(input.subjectDigest);
  } catch (e) {
    throw new AttestationVerificationError("digest", errorMessage(e));
  }
  let bundle;
  try {
    bundle = bundleFromJSON(input.bundle);
  } catch (e) {
    throw new AttestationVerificationError("bundle", `not a Sigstore bundle: ${errorMessage(e)}`);
  }
  if (bundle.content.$case !== "dsseEnvelope") {
    throw new AttestationVerificationError("bundle", "the bundle holds a message signature, not an attestation");
  }
  const requireTlog = input.requireTlog ?? input.trustedRoot.tlogs.length > 0;
  const verifier = new Verifier(toTrustMaterial(input.trustedRoot), {
    tlogThreshold: requireTlog ? 1 : 0,
    ctlogThreshold: 1,
    timestampThreshold: 1
  });
  let signer;
  try {
    signer = verifier.verify(toSignedEntity(bundle), {
      subjectAlternativeName: input.expected.san,
      extensions: { issuer: input.expected.issuer }
    });
  } catch (e) {
    if (e instanceof PolicyError) {
      throw new AttestationVerificationError(
        "identity",
        `${e.message} (expected the workflow ${String(input.expected.san)} and issuer ${input.expected.issuer})`
      );
    }
    if (e instanceof VerificationError) throw new AttestationVerificationError(checkOf(e.code), e.message);
    throw new AttestationVerificationError("signature", errorMessage(e));
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new AttestationVerificationError("bundle", `payload type ${envelope.payloadType}, not an in-toto statement`);
  }
  let statement;
  try {
    statement = JSON.parse(envelope.payload.toString("utf8"));
  } catch {
    throw new AttestationVerificationError("bundle", "the signed payload is not JSON");
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  if (!subjects.some((s) => s?.digest?.sha256 === hex)) {
    const names = subjects.map((s) => `${escapeLogText(s?.name, { max: 200 })} (sha256:${escapeLogText(s?.digest?.sha256).slice(0, 12)}…)`).join(", ");
    throw new AttestationVerificationError(
      "digest",
      `the artifact's sha256:${hex} is not a subject of the attestation (it attests ${names || "nothing"}): the artifact was changed after signing, or this is another artifact's attestation`
    );
  }
  return {
    statement,
    san: signer.identity?.subjectAlternativeName ?? "",
    issuer: signer.identity?.extensions?.issuer ?? ""
  };
}
function checkOf(code) {
  if (code.startsWith("TLOG")) return "tlog";
  if (code === "TIMESTAMP_ERROR") return "timestamp";
  if (code === "CERTIFICATE_ERROR" || code === "PUBLIC_KEY_ERROR") return "certificate";
  return "signature";
}

// packages/shared/src/attest/trusted-root.ts
import { readFile as readFile2 } from "node:fs/promises";
async function loadTrustedRoot(source, f = fetch) {
  const { TrustedRoot } = cjs(await import("./chunks/dist-XZHXHUDS.js"));
  if ("json" in source) return parse2(TrustedRoot, source.json, "the given trusted root");
  if ("location" in source) {
    const where = source.location;
    let text2;
    if (/^https?:\/\//.test(where)) {
      let res;
      try {
        res = await f(where, { signal: AbortSignal.timeout(3e4) });
      } catch (e) {
        throw new StageError(`trusted root ${where} is not reachable: ${errorMessage(e)}`);
      }
      if (!res.ok) throw new StageError(`trusted root ${where}: HTTP ${res.status}`);
      text2 = await res.text();
    } else {
      try {
        text2 = await readFile2(where, "utf8");
      } catch (e) {
        throw new StageError(`trusted root file ${where} cannot be read: ${errorMessage(e)}`);
      }
    }
    let json;
    try {
      json = JSON.parse(text2);
    } catch {
      throw new StageError(`trusted root ${where} is not JSON (a Sigstore trusted_root.json is expected)`);
    }
    return parse2(TrustedRoot, json, `trusted root ${where}`);
  }
  const { getTrustedRoot } = cjs(await import("./chunks/dist-HQW5EBEC.js"));
  try {
    return await getTrustedRoot({
      ...source.mirrorUrl ? { mirrorURL: source.mirrorUrl } : {},
      ...source.rootPath ? { rootPath: source.rootPath } : {},
      ...source.cachePath ? { cachePath: source.cachePath } : {}
    });
  } catch (e) {
    throw new StageError(
      `the Sigstore trusted root could not be fetched through TUF (${source.mirrorUrl ?? "the public mirror"}): ${errorMessage(e)}; give one with --trusted-root <file|url>`
    );
  }
}
function parse2(T, json, what) {
  const root = T.fromJSON(json);
  if (!root.certificateAuthorities.length && !root.tlogs.length && !root.timestampAuthorities.length) {
    throw new StageError(`${what} names no certificate authority, log or timestamp authority`);
  }
  return root;
}

// packages/shared/src/attest/github.ts
function statementOf(bundle) {
  const payload = bundle?.dsseEnvelope?.payload;
  if (!payload) return void 0;
  try {
    return JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return void 0;
  }
}
function sameAttestation(a, b) {
  const subjects = (s) => s.subject.map((x) => `${x.name}
${x.digest.sha256}`).sort().join("\n");
  const definition = (s) => JSON.stringify(s.predicate.buildDefinition ?? s.predicate);
  return a.predicateType === b.predicateType && subjects(a) === subjects(b) && definition(a) === definition(b);
}
function apiFailure(what, e) {
  const err = e;
  const hint = err.status === 403 || err.status === 404 ? " (the job needs `permissions: attestations: write`, and the repository must allow attestations)" : "";
  return Object.assign(
    new StageError(
      `${what} failed: GitHub answered ${err.status ?? "no response"}: ${err.message ?? String(e)}${hint}`
    ),
    { status: err.status }
  );
}
async function listAttestations(client, repo, digest, predicateType) {
  const subject = digest.startsWith("sha256:") ? digest : `sha256:${digest}`;
  const out = [];
  let after;
  for (let page = 0; page < 100; page++) {
    let res;
    try {
      res = await client.rest.request("GET /repos/{owner}/{repo}/attestations/{subject_digest}", {
        owner: repo.owner,
        repo: repo.repo,
        subject_digest: subject,
        per_page: 100,
        ...after ? { after } : {},
        ...predicateType ? { predicate_type: predicateType } : {}
      });
    } catch (e) {
      if (e.status === 404) return out;
      throw apiFailure(`listing the attestations of ${subject} in ${repo.owner}/${repo.repo}`, e);
    }
    const list2 = res.data.attestations ?? [];
    out.push(...list2);
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers?.link ?? "")?.[1];
    after = next ? new URL(next).searchParams.get("after") ?? void 0 : void 0;
    if (!after || !list2.length) break;
  }
  return out;
}
async function uploadAttestation(client, repo, bundle) {
  const statement = statementOf(bundle);
  const first = statement?.subject?.[0]?.digest?.sha256;
  if (!statement || !first) throw new StageError("the bundle holds no in-toto statement with a sha256 subject");
  const existing = await listAttestations(client, repo, first);
  if (existing.some((a) => {
    const other = statementOf(a.bundle);
    return other !== void 0 && sameAttestation(other, statement);
  })) {
    return { created: false };
  }
  try {
    const res = await client.rest.request("POST /repos/{owner}/{repo}/attestations", {
      owner: repo.owner,
      repo: repo.repo,
      bundle
    });
    return { id: res.data.id, created: true };
  } catch (e) {
    throw apiFailure(`uploading the attestation of ${statement.subject.map((s) => s.name).join(", ")}`, e);
  }
}

// packages/shared/src/attest/oci.ts
import { createHash as createHash2 } from "node:crypto";
var BUNDLE_ARTIFACT_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";
async function subjectDescriptor(registry, ref) {
  const m = await registry.manifest(ref.image, ref.digest);
  if (!m) throw new StageError(`${ref.image}@${ref.digest} is not in the registry`);
  return { mediaType: m.mediaType.split(";")[0].trim(), digest: ref.digest, size: m.body.length };
}
var tagOf = (digest) => `sha256-${sha256Hex(digest)}`;
async function referrerDescriptors(registry, ref) {
  const index = await registry.referrers(ref.image, ref.digest);
  if (index) return index.manifests ?? [];
  const tagged = await registry.manifest(ref.image, tagOf(ref.digest));
  if (!tagged) return [];
  return (JSON.parse(tagged.body.toString("utf8")).manifests ?? []).slice();
}
async function findReferrers(registry, ref) {
  const out = [];
  for (const d of await referrerDescriptors(registry, ref)) {
    if (d.artifactType !== BUNDLE_ARTIFACT_TYPE) continue;
    const m = await registry.manifest(ref.image, d.digest);
    if (!m) continue;
    const manifest = JSON.parse(m.body.toString("utf8"));
    if (manifest.subject?.digest !== ref.digest) continue;
    const layer = manifest.layers?.find((l) => l.mediaType === BUNDLE_ARTIFACT_TYPE);
    if (!layer) continue;
    const blob = await registry.blob(ref.image, layer.digest);
    if (!blob) continue;
    try {
      out.push({ digest: d.digest, bundle: JSON.parse(blob.toString("utf8")) });
    } catch {
    }
  }
  return out;
}
async function pushReferrer(registry, ref, bundle, now = () => /* @__PURE__ */ new Date()) {
  const statement = statementOf(bundle);
  if (!statement) throw new StageError("the bundle holds no in-toto statement");
  const existing = (await findReferrers(registry, ref)).find((r) => {
    const other = statementOf(r.bundle);
    return other !== void 0 && sameAttestation(other, statement);
  });
  const api = await registry.referrers(ref.image, ref.digest) !== void 0;
  if (existing) return { digest: existing.digest, created: false, via: api ? "referrers-api" : "tag-schema" };
  const subject = await subjectDescriptor(registry, ref);
  const layerBytes = Buffer.from(JSON.stringify(bundle));
  const configBytes = Buffer.from("{}");
  const [layerDigest, configDigest] = [
    await registry.putBlob(ref.image, layerBytes),
    await registry.putBlob(ref.image, configBytes)
  ];
  const annotations = {
    "dev.sigstore.bundle.content": "dsse-envelope",
    "dev.sigstore.bundle.predicateType": statement.predicateType,
    "org.opencontainers.image.created": now().toISOString()
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE_ARTIFACT_TYPE,
      config: { mediaType: EMPTY_CONFIG, digest: configDigest, size: configBytes.length },
      layers: [{ mediaType: BUNDLE_ARTIFACT_TYPE, digest: layerDigest, size: layerBytes.length }],
      subject,
      annotations
    })
  );
  const digest = `sha256:${createHash2("sha256").update(manifest).digest("hex")}`;
  await registry.putManifest(ref.image, digest, manifest, OCI_MANIFEST);
  if (api) return { digest, created: true, via: "referrers-api" };
  const tag = tagOf(ref.digest);
  const current = await registry.manifest(ref.image, tag);
  const index = current ? JSON.parse(current.body.toString("utf8")) : { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] };
  const manifests = (index.manifests ?? []).filter((d) => d.digest !== digest);
  manifests.push({
    mediaType: OCI_MANIFEST,
    digest,
    size: manifest.length,
    artifactType: BUNDLE_ARTIFACT_TYPE,
    annotations
  });
  await registry.putManifest(
    ref.image,
    tag,
    Buffer.from(JSON.stringify({ ...index, schemaVersion: 2, mediaType: OCI_INDEX, manifests })),
    OCI_INDEX
  );
  return { digest, created: true, via: "tag-schema" };
}

// packages/shared/src/attest/subject.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
async function fileSubject(path, name = basename(path)) {
  const hash = createHash3("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk);
  } catch (e) {
    throw new StageError(`cannot read ${path}: ${errorMessage(e)}`);
  }
  return { name, digest: { sha256: hash.digest("hex") } };
}
function npmPurl(name, version2) {
  return `pkg:npm/${name.startsWith("@") ? `%40${name.slice(1)}` : name}@${version2}`;
}
async function npmSubject(f, registryUrl, name, version2, token) {
  const v = await registryVersion(f, registryUrl, name, version2, token);
  if (!v?.tarball) throw new StageError(`${name}@${version2} is not on the npm registry ${registryUrl}`);
  const res = await f(v.tarball, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(6e4)
  });
  if (!res.ok) throw new StageError(`downloading ${v.tarball} failed: HTTP ${res.status}`);
  const tarball = Buffer.from(await res.arrayBuffer());
  if (v.integrity?.startsWith("sha512-")) {
    const got = `sha512-${createHash3("sha512").update(tarball).digest("base64")}`;
    if (got !== v.integrity) {
      throw new StageError(
        `the tarball of ${name}@${version2} does not match the registry's integrity ${v.integrity} (got ${got})`
      );
    }
  }
  return { subject: { name: npmPurl(name, version2), digest: { sha256: sha256Bytes(tarball) } }, tarball };
}
async function imageSubject(registry, ref) {
  const m = await registry.manifest(ref.image, ref.digest);
  if (!m) throw new StageError(`${ref.image}@${ref.digest} is not in the registry`);
  const got = `sha256:${sha256Bytes(m.body)}`;
  if (got !== ref.digest) throw new StageError(`the registry served ${got} for ${ref.image}@${ref.digest}`);
  return { name: ref.image, digest: { sha256: got.slice("sha256:".length) } };
}

// packages/shared/src/attest/artifact.ts
import { readFile as readFile3 } from "node:fs/promises";
async function verifyArtifact(o) {
  const f = o.fetch ?? fetch;
  const registry = new RegistryClient(f, o.registryCredentials);
  let subject;
  const spec = o.subject;
  if (spec.kind === "file") subject = await fileSubject(spec.path);
  else if (spec.kind === "npm") {
    if (!o.npmRegistry) throw new StageError("an npm: subject needs --registry <npm registry URL>");
    subject = (await npmSubject(f, o.npmRegistry, spec.name, spec.version, o.npmToken)).subject;
  } else subject = await imageSubject(registry, spec);
  const candidates = [];
  const looked = [];
  if (o.bundlePath) {
    looked.push(o.bundlePath);
    let text2;
    try {
      text2 = await readFile3(o.bundlePath, "utf8");
    } catch (e) {
      throw new StageError(`cannot read the bundle ${o.bundlePath}: ${errorMessage(e)}`);
    }
    try {
      candidates.push({ source: o.bundlePath, bundle: JSON.parse(text2) });
    } catch {
      throw new StageError(`${o.bundlePath} is not JSON (a Sigstore bundle is expected)`);
    }
  } else {
    if (spec.kind === "image") {
      looked.push(`OCI referrers of ${spec.image}@${spec.digest}`);
      for (const r of await findReferrers(registry, spec)) {
        candidates.push({ source: `${spec.image}@${r.digest} (OCI referrer)`, bundle: r.bundle });
      }
    }
    if (o.github && o.repository) {
      const where = `GitHub attestations of ${o.repository.owner}/${o.repository.repo}`;
      looked.push(where);
      for (const a of await listAttestations(o.github, o.repository, subject.digest.sha256)) {
        candidates.push({ source: where, bundle: a.bundle });
      }
    }
  }
  const digest = `sha256:${subject.digest.sha256}`;
  if (!candidates.length) {
    throw new StageError(
      `${subject.name} (${digest}) is not attested: no attestation found in ${looked.join(", ") || "nowhere (give --bundle, --repository, or an image reference)"}`
    );
  }
  const failures = [];
  for (const c of candidates) {
    try {
      const attestation = await verifyBundle({
        bundle: c.bundle,
        subjectDigest: digest,
        expected: { san: o.san, issuer: o.issuer ?? GITHUB_ACTIONS_ISSUER },
        trustedRoot: o.trustedRoot,
        requireTlog: o.requireTlog
      });
      return { subject, source: c.source, attestation, bundlesFound: candidates.length };
    } catch (e) {
      failures.push(escapeLogText(`${c.source}: ${errorMessage(e)}`));
    }
  }
  throw new StageError(
    `${subject.name} (${digest}): none of ${candidates.length} attestation(s) verified:
${failures.map((l) => `  - ${l}`).join("\n")}`
  );
}

// actions/release/src/inputs.ts
var action = defineAction("release", {
  description: "Resumable semver release: version bump, tests and build, commit and annotated tag pushed atomically, GitHub Release, npm and container publishing, verification, status ledger.",
  inputs: {
    version_bump: versionBumpInput,
    release_branch: releaseBranchInput,
    release_mode: oneOf(["direct", "tag-only", "pull-request"], {
      description: "How the release lands under branch protection (docs/protected-branches.md). direct: the release commit and tag pushed to release_branch atomically; tag-only: no commit on the branch, the tag on the tested commit, manifests bumped in the workspace only; pull-request: a release pull request (head release-actions/<release_branch>, label `autorelease: pending`) is opened or updated with the bumps and CHANGELOG.md, committed through the GitHub API (signed); the run on its merge commit tags it, releases and publishes.",
      default: "direct"
    }),
    release_type: releaseTypeInput,
    publish_registries: publishRegistriesInput,
    skip_tests: bool({
      description: "Refused when true: tests are never skipped.",
      default: "false",
      refuseTrue: "tests are never skipped"
    }),
    skip_build: bool({
      description: "Refused when true: builds are never skipped.",
      default: "false",
      refuseTrue: "builds are never skipped"
    }),
    version: semver({
      description: "Explicit version (overrides version_bump); must be above the last release.",
      allowV: true
    }),
    tag_prefix: tagPrefixInput,
    ...monorepoInputs,
    github_release: oneOf(["per-package", "aggregate"], {
      description: "versioning: independent: a GitHub Release per package (on its tag), or one for the run (on the first package's tag) with a section per package.",
      default: "per-package"
    }),
    initial_version: initialVersionInput,
    prerelease_id: prereleaseIdInput,
    notes: text({
      description: "Release notes (markdown), e.g. the changelog stage's `notes` output.",
      multiline: true
    }),
    notes_file: text({
      description: "File with the release notes, relative to the workspace, or absolute inside RUNNER_TEMP (the changelog action's notes_file, handed over as an artifact); used when `notes` is empty. Prefer it to `notes`: an input is an environment variable, and one over 128 KiB stops the step from starting.",
      pattern: /^(?!.*\.\.)[\w./@+-]+$/,
      patternHint: "a relative path inside the workspace, or an absolute one inside RUNNER_TEMP (letters, digits and . _ / @ + -, no ..)"
    }),
    test_command: text({
      description: "Command that runs the tests (bash). Default: `npm test` when package.json has a test script."
    }),
    build_command: text({
      description: "Command that builds (bash). Default: `npm run build` when package.json has a build script."
    }),
    version_files: list({
      description: "Extra files whose lines marked `x-release-actions-version` carry the version (the first X.Y.Z on such a line is replaced).",
      item: text({
        description: "file",
        pattern: /^(?!\/)(?!.*\.\.)[\w./@+-]+$/,
        patternHint: "a relative path inside the workspace (no ..)"
      })
    }),
    assets: list({
      description: "Files to attach to the GitHub Release (relative paths; `*` matches within a file name).",
      item: text({
        description: "asset",
        pattern: /^(?!\/)(?!.*\.\.)[\w./@+*-]+$/,
        patternHint: "a relative path or pattern inside the workspace (no ..)"
      })
    }),
    npm_registry_url: npmRegistryUrlInput,
    npm_dist_tag: text({
      description: "npm dist-tag. Default: latest (stable), the prerelease id (prerelease), latest-<major> (backport).",
      pattern: /^[A-Za-z][0-9A-Za-z._-]*$/,
      patternHint: "a dist-tag name starting with a letter (latest, next, rc)"
    }),
    npm_access: text({
      description: "npm --access for scoped packages: public or restricted (empty: the registry default).",
      pattern: /^(public|restricted)$/,
      patternHint: "public or restricted"
    }),
    provenance: oneOf(["auto", "true", "false"], {
      description: "npm --provenance: auto = when the job has id-token: write and publishes to registry.npmjs.org; true = required.",
      default: "auto"
    }),
    attest: oneOf(["auto", "true", "false"], {
      description: "Signed build provenance (SLSA v1, Sigstore keyless) for every release asset, npm tarball, image digest and SBOM, stored in GitHub's attestations API, as OCI referrers of images and on the release, and verified before the release is published (docs/supply-chain.md). auto: when the job has `permissions: id-token: write`; true: required (refused without it); false: off.",
      default: "auto"
    }),
    fulcio_url: url({
      description: `Sigstore Fulcio (certificate authority) to sign with. Default: the public instance; private repositories use GitHub's, ${SIGSTORE.github.fulcio} (with tsa_url and rekor_url: none).`,
      default: SIGSTORE.public.fulcio
    }),
    rekor_url: text({
      description: "Sigstore Rekor (transparency log) that records each signature, or `none` (then tsa_url is required).",
      default: SIGSTORE.public.rekor,
      pattern: /^(https?:\/\/[^\s]+|none)$/,
      patternHint: "an http(s) URL, or none"
    }),
    tsa_url: url({
      description: `RFC 3161 timestamp authority (optional with Rekor). GitHub's for private repositories: ${SIGSTORE.github.tsa}.`
    }),
    trusted_root: text({
      description: "Sigstore trusted_root.json to verify against: an https URL or a file in the workspace. Default: the public Sigstore root through TUF. Needed for GitHub's private instance or your own.",
      pattern: /^(https?:\/\/[^\s]+|(?!\/)(?!.*\.\.)[\w./@+-]+)$/,
      patternHint: "an http(s) URL, or a relative path inside the workspace (no ..)"
    }),
    docker_images: dockerImagesInput,
    docker_context: text({
      description: "Docker build context, relative to the workspace.",
      default: ".",
      pattern: /^(?!\/)(?!.*\.\.)[\w./@+-]+$/,
      patternHint: "a relative path inside the workspace (no ..)"
    }),
    dockerfile: text({
      description: "Dockerfile, relative to the workspace (default: <docker_context>/Dockerfile).",
      pattern: /^(?!\/)(?!.*\.\.)[\w./@+-]+$/,
      patternHint: "a relative path inside the workspace (no ..)"
    }),
    docker_build_args: list({
      description: "Build arguments, one NAME=value per line.",
      item: text({
        description: "build arg",
        pattern: /^[A-Za-z_][A-Za-z0-9_]*=[^\n]*$/,
        patternHint: "NAME=value"
      })
    }),
    registry_username: text({
      description: "Container registry user (else the docker config the job logged in with)."
    }),
    registry_password: secret({ description: "Container registry password or token (masked)." }),
    update_major_tag: bool({
      description: "Move the major tag (v1) to this release when it is the highest of its major (action repositories).",
      default: "false"
    }),
    status_branch: text({
      description: "Branch holding release-status.yaml.",
      default: "release-status",
      identifier: true
    }),
    announce_webhook_url: url({
      description: "Webhook that receives the release announcement (treated as a secret)."
    }),
    announce_format: oneOf(["slack", "json"], {
      description: "slack: Slack-compatible message (text + blocks); json: a generic JSON payload.",
      default: "slack"
    }),
    verify_timeout: duration({
      description: "How long to wait for published packages to become visible.",
      default: "10m",
      min: 1e3
    }),
    dry_run: bool({ description: "Print the plan and change nothing.", default: "false" }),
    token: githubToken(
      "GitHub token with contents: write (release_mode pull-request: and pull-requests: write). Pull requests opened with GITHUB_TOKEN start no workflow (no CI on the release PR): pass a GitHub App token (actions/create-github-app-token) or a PAT for pull-request mode (docs/protected-branches.md)."
    )
  },
  outputs: {
    version: "The version released (empty when there is nothing to release).",
    previous_version: "The previous release version.",
    tag: "The release tag.",
    release_url: "URL of the GitHub Release.",
    release_id: "Id of the GitHub Release.",
    published: "JSON list of {registry, name, version, url, digest_or_integrity}.",
    status: "released, dry-run, nothing-to-release (version_bump: auto found no releasable commit; version is empty), unverified (published, not yet visible: re-run to finish), pull-request (release_mode pull-request: the release PR was opened or updated, nothing released), or failed.",
    released: "true when this run released (the version is tagged, released and published), else false.",
    pull_request_number: "release_mode pull-request: the number of the release PR opened or updated.",
    pull_request_url: "release_mode pull-request: the URL of the release PR opened or updated.",
    pull_request_change: "release_mode pull-request: opened, updated or unchanged (the release PR already said it all)."
  },
  branding: { icon: "tag", color: "green" },
  refine(v) {
    const problems = monorepoProblems(v);
    if (v.versioning === "independent" && v.publish_registries.includes("docker"))
      problems.push({
        input: "publish_registries",
        message: `Input "publish_registries" has docker, but versioning is independent: an image has one version, the packages each their own. Publish images from a workflow job per package (the plan's packages output), or use versioning: fixed.`
      });
    if (v.versioning === "independent" && v.update_major_tag)
      problems.push({
        input: "update_major_tag",
        message: 'Input "update_major_tag" is true, but versioning is independent: a moving major tag (v1) names one version of the repository. Set it to false.'
      });
    if (v.registry_password && !v.registry_username)
      problems.push({
        input: "registry_username",
        message: 'Input "registry_username" is empty but required when registry_password is given.'
      });
    if (v.rekor_url === "none" && !v.tsa_url)
      problems.push({
        input: "tsa_url",
        message: `Input "tsa_url" is empty but required when rekor_url is none: a signature needs a transparency log or a timestamp (GitHub's: ${SIGSTORE.github.tsa}).`
      });
    if (!v.token)
      problems.push({
        input: "token",
        message: 'Input "token" is empty; expected a GitHub token with contents: write. In a workflow it defaults to GITHUB_TOKEN (${{ github.token }}): give the job `permissions: { contents: write }`. With the CLI: export GITHUB_TOKEN (a token with contents: write on the repository).'
      });
    return problems;
  }
});

// actions/release/src/ledger.ts
var Ledger = class {
  constructor(d) {
    this.d = d;
  }
  d;
  steps = [];
  /** The step under way: reported as failed when the release stops in it. */
  current;
  version;
  /** Set for an independent release: its record is found by version and tag. */
  tag;
  report(step, state, detail) {
    const i = this.steps.findIndex((s) => s.step === step);
    const entry = { step, state, ...detail ? { detail } : {} };
    if (i >= 0) this.steps[i] = entry;
    else this.steps.push(entry);
  }
  /** From now on, marks are written to the status record under `version` (the claim made it ours). */
  claimed(version2, tag) {
    this.version = version2;
    this.tag = tag;
  }
  /** Record a step's state in this attempt's report and (once the version is claimed) in the ledger. */
  async mark(step, state, detail, extra) {
    this.report(step, state, detail);
    const version2 = this.version;
    if (!version2) return;
    const { runId, runAttempt } = this.d;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version2, this.tag ? { tag: this.tag } : {});
      recordStep(rec, runId, step, state, { attempt: runAttempt, detail });
      extra?.(rec);
    }, `release ${version2}: ${step} ${state} (run ${runId}.${runAttempt})`);
  }
  /**
   * Run one step in a log group: `fn` returns 'done' or 'already-done' (and a detail, and what the step made,
   * handed back to the caller); the state is marked, then the fault hook runs.
   */
  async step(name, fn) {
    this.current = name;
    const res = await this.d.log.group(name, fn);
    await this.mark(name, res.state, res.detail, res.extra);
    this.current = void 0;
    this.d.fault?.(name);
    return res;
  }
  /** Work that is reported under `name` only if it fails (checks before the first side effect). */
  async within(name, fn) {
    this.current = name;
    const res = await fn();
    this.current = void 0;
    return res;
  }
  fault(name) {
    this.d.fault?.(name);
  }
  /** The release stopped: the step under way is failed, and so is the record of this run's release. */
  async persistFailure(message, dryRun, fields = {}) {
    if (!this.version || dryRun) return;
    const version2 = this.version;
    const { runId, runAttempt } = this.d;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version2, this.tag ? { tag: this.tag } : {});
      if (rec.run_id === runId && rec.status !== "released") {
        rec.status = "failed";
        rec.error = message.slice(0, 500);
        Object.assign(rec, fields);
      }
      for (const s of this.steps.filter((x) => x.state === "failed")) {
        recordStep(rec, runId, s.step, "failed", { attempt: runAttempt, detail: s.detail });
      }
    }, `release ${version2}: failed (run ${runId}.${runAttempt})`);
  }
};

// actions/release/src/announce.ts
var ENTRY_REFS = /\s+\((?:\[[^\]]*\]\([^)]*\)|#\d+|[0-9a-f]{7,40})(?:, (?:\[[^\]]*\]\([^)]*\)|#\d+|[0-9a-f]{7,40}))*\)(?: by @[\w-]+)?$/;
function highlights(notes, max = 5) {
  return notes.split("\n").map((l) => l.trim()).filter((l) => /^[-*] /.test(l)).map((l) => l.slice(2).trim().replace(ENTRY_REFS, "")).slice(0, max);
}
function slackEscape(text2) {
  return text2.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function slackPayload(a) {
  const title = `${a.repository} ${a.tag} released${a.prerelease ? " (prerelease)" : ""}`;
  const hl = highlights(a.notes).map(slackEscape);
  const links2 = [...a.releaseUrl ? [{ name: "Release notes", url: a.releaseUrl }] : [], ...a.links];
  const link = (l) => `<${slackEscape(l.url)}|${slackEscape(l.name)}>`;
  const text2 = [slackEscape(title), ...hl.map((h) => `• ${h}`), ...links2.map(link)].join("\n");
  return {
    text: text2,
    blocks: [
      // plain_text is shown as given: Slack does not parse it, so it is not escaped.
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
      ...hl.length ? [{ type: "section", text: { type: "mrkdwn", text: hl.map((h) => `• ${h}`).join("\n") } }] : [],
      ...links2.length ? [{ type: "context", elements: [{ type: "mrkdwn", text: links2.map(link).join(" · ") }] }] : []
    ]
  };
}
function jsonPayload(a) {
  return {
    event: "release",
    repository: a.repository,
    version: a.version,
    tag: a.tag,
    prerelease: a.prerelease,
    release_url: a.releaseUrl,
    highlights: highlights(a.notes),
    links: a.links
  };
}
async function announce(f, url2, format, a, log) {
  try {
    const res = await f(url2, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(format === "json" ? jsonPayload(a) : slackPayload(a)),
      signal: AbortSignal.timeout(15e3)
    });
    if (!res.ok) {
      log.warning(`the release announcement was refused (HTTP ${res.status}); the release itself is done`);
      return false;
    }
    return true;
  } catch (e) {
    const msg = errorMessage(e).split(url2).join("(webhook)");
    log.warning(`the release announcement could not be posted (${msg}); the release itself is done`);
    return false;
  }
}

// actions/release/src/steps/announce.ts
async function announce2(s, d) {
  const { cfg } = d;
  const { plan, release: release2, published } = s;
  if (!cfg.announceWebhookUrl) return {};
  const url2 = cfg.announceWebhookUrl;
  await d.ledger.within("announce", async () => {
    const already = findRelease(await d.store.read(), plan.version)?.ledger?.[d.runId]?.announce?.state === "done";
    if (already) return d.ledger.report("announce", "already-done");
    const ok2 = await announce(
      d.fetch,
      url2,
      cfg.announceFormat,
      {
        repository: `${d.owner}/${d.repo}`,
        version: plan.version,
        tag: plan.tag,
        releaseUrl: release2.url,
        notes: plan.notesBody,
        links: published.map((p) => ({ name: `${p.registry}: ${p.name}`, url: p.url })),
        prerelease: plan.prerelease
      },
      d.log
    );
    await d.ledger.mark("announce", ok2 ? "done" : "failed", ok2 ? void 0 : "post failed (warning only)");
  });
  return {};
}

// actions/release/src/steps/attest.ts
import { mkdirSync as mkdirSync3, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join12 } from "node:path";

// actions/release/src/attestation.ts
import { readFileSync as readFileSync10 } from "node:fs";
import { basename as basename2 } from "node:path";

// packages/shared/src/sbom/lockfile.ts
import { existsSync as existsSync7, readFileSync as readFileSync9 } from "node:fs";
import { join as join10, posix as posix4 } from "node:path";
function findLockfile(root) {
  const p = join10(root, "package-lock.json");
  return existsSync7(p) ? p : void 0;
}
function dependencyClosure(lockfile, packageDir, name, version2) {
  let lock;
  try {
    lock = JSON.parse(readFileSync9(lockfile, "utf8"));
  } catch (e) {
    throw new StageError(`${lockfile} is not a readable JSON lockfile: ${e.message}`);
  }
  const entries2 = lock.packages;
  if (!entries2 || (lock.lockfileVersion ?? 1) < 2) {
    throw new StageError(
      `${lockfile} has lockfileVersion ${lock.lockfileVersion ?? 1}; an SBOM needs version 2 or 3 (npm 7 or later: run npm install --package-lock-only)`
    );
  }
  const dir = packageDir === "." ? "" : posix4.normalize(packageDir).replace(/\/$/, "");
  const own = entries2[dir];
  if (!own)
    throw new StageError(`${lockfile} has no entry for the package at ${dir || "."} (${name}); run npm install`);
  const resolve5 = (from, dep) => {
    let base = from;
    for (; ; ) {
      const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
      if (entries2[candidate]) return candidate;
      if (!base) return void 0;
      const cut = base.lastIndexOf("/node_modules/");
      base = cut >= 0 ? base.slice(0, cut) : "";
    }
  };
  const depsOf = (path, e) => {
    const names = [
      ...Object.keys(e.dependencies ?? {}),
      ...Object.keys(e.optionalDependencies ?? {}),
      ...Object.keys(e.peerDependencies ?? {})
    ];
    return [...new Set(names)].map((n) => resolve5(path, n)).filter((p) => p !== void 0);
  };
  const target = (path) => {
    const e = entries2[path];
    if (e.link && e.resolved && entries2[e.resolved]) return { path: e.resolved, entry: entries2[e.resolved] };
    return { path, entry: e };
  };
  const packages = /* @__PURE__ */ new Map();
  const queue = depsOf(dir, own);
  const rootDeps = queue.map((p) => target(p).path);
  while (queue.length) {
    const { path, entry } = target(queue.shift());
    if (packages.has(path) || path === dir) continue;
    const pkgName = entry.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const deps = depsOf(path, entry);
    packages.set(path, {
      name: pkgName,
      version: entry.version ?? "0.0.0",
      path,
      resolved: entry.resolved,
      integrity: entry.integrity,
      license: entry.license,
      dependsOn: deps.map((p) => target(p).path)
    });
    queue.push(...deps);
  }
  return {
    root: { name, version: version2, dependsOn: [...new Set(rootDeps)] },
    packages: [...packages.values()].sort((a, b) => a.path.localeCompare(b.path))
  };
}

// packages/shared/src/sbom/cyclonedx.ts
var CYCLONEDX_PREDICATE_TYPE = "https://cyclonedx.org/bom";
function npmPurl2(name, version2) {
  const encoded = name.startsWith("@") ? `%40${name.slice(1)}` : name;
  return `pkg:npm/${encoded}@${encodeURIComponent(version2)}`;
}
function integrityHash(integrity) {
  const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(integrity?.split(/\s+/)[0] ?? "");
  if (!m) return void 0;
  const alg = { sha512: "SHA-512", sha384: "SHA-384", sha256: "SHA-256", sha1: "SHA-1" }[m[1]];
  return { alg, hex: Buffer.from(m[2], "base64").toString("hex") };
}
function splitName(name) {
  const m = /^(@[^/]+)\/(.+)$/.exec(name);
  return m ? { group: m[1], name: m[2] } : { name };
}
async function cycloneDxJson(closure, o = {}) {
  const { Models, Enums, Spec, Serialize } = cjs(await import("./chunks/index.node-QOGLRD4J.js"));
  const bom = new Models.Bom();
  const ref = (p) => p ? `npm:${p}` : "root";
  const component = (name, version2, bomRef, p) => {
    const n = splitName(name);
    const c = new Models.Component(Enums.ComponentType.Library, n.name, {
      ...n.group ? { group: n.group } : {},
      version: version2,
      bomRef,
      purl: npmPurl2(name, version2)
    });
    const h = integrityHash(p?.integrity);
    if (h) c.hashes.set(h.alg, h.hex);
    if (p?.license) c.licenses.add(new Models.LicenseExpression(p.license));
    if (p?.resolved && /^https?:/.test(p.resolved)) {
      c.externalReferences.add(new Models.ExternalReference(p.resolved, Enums.ExternalReferenceType.Distribution));
    }
    return c;
  };
  const root = component(closure.root.name, closure.root.version, ref(""));
  bom.metadata.component = root;
  if (o.tool) bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, o.tool));
  const byPath = /* @__PURE__ */ new Map();
  for (const p of closure.packages) {
    const c = component(p.name, p.version, ref(p.path), p);
    byPath.set(p.path, c);
    bom.components.add(c);
  }
  for (const d of closure.root.dependsOn) {
    const c = byPath.get(d);
    if (c) root.dependencies.add(c.bomRef);
  }
  for (const p of closure.packages) {
    const c = byPath.get(p.path);
    for (const d of p.dependsOn) {
      const dc = byPath.get(d);
      if (dc) c.dependencies.add(dc.bomRef);
    }
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}
`;
}

// actions/release/src/attestation.ts
async function collectSubjects(s, d, npmToken) {
  const out = [];
  for (const path of s.assetFiles) {
    const subject = await fileSubject(path);
    out.push({ label: basename2(path), kind: "file", subject, key: `file:${basename2(path)}`, path });
  }
  for (const p of s.npmPublished) {
    const { subject } = await npmSubject(d.fetch, d.cfg.npmRegistryUrl, p.name, p.version, npmToken);
    out.push({ label: `npm:${p.name}@${p.version}`, kind: "npm", subject, key: `npm:${p.name}`, ...p });
  }
  for (const p of s.dockerPublished) {
    const digest = p.digest_or_integrity;
    out.push({
      label: `${p.name}@${digest}`,
      kind: "image",
      subject: { name: p.name, digest: { sha256: digest.replace(/^sha256:/, "") } },
      key: `docker:${p.name}`,
      image: p.name,
      digest
    });
  }
  return out;
}
async function jobIdentity(d) {
  const token = await getIdToken(
    {
      requestUrl: d.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: d.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      audience: "sigstore"
    },
    d.fetch
  );
  d.mask?.(token);
  const claims = decodeIdTokenClaims(token);
  const ref = claims.job_workflow_ref ?? claims.workflow_ref;
  if (!ref) throw new Error("the OIDC token names no workflow (no job_workflow_ref claim)");
  return { token, claims, san: `${d.serverUrl.replace(/\/$/, "")}/${ref}` };
}
function provenanceInput(id, commit, d) {
  const c = id.claims;
  return {
    serverUrl: d.serverUrl,
    repository: `${d.owner}/${d.repo}`,
    repositoryId: c.repository_id,
    repositoryOwnerId: c.repository_owner_id,
    sha: commit,
    ref: d.env.GITHUB_REF ?? c.ref ?? `refs/heads/${d.cfg.releaseBranch}`,
    builderWorkflowRef: c.job_workflow_ref ?? c.workflow_ref,
    workflowRef: d.env.GITHUB_WORKFLOW_REF ?? c.workflow_ref,
    eventName: d.env.GITHUB_EVENT_NAME ?? c.event_name ?? "workflow_dispatch",
    runId: d.runId,
    runAttempt: String(d.runAttempt),
    runnerEnvironment: d.env.RUNNER_ENVIRONMENT ?? c.runner_environment,
    // The inputs that shape what is built and where it goes (never a secret).
    inputs: {
      version_bump: d.cfg.versionBump,
      release_mode: d.cfg.releaseMode,
      release_type: d.cfg.releaseType,
      publish_registries: d.cfg.registries.join(","),
      build_command: d.cfg.buildCommand,
      docker_context: d.cfg.dockerContext
    }
  };
}
function planStatements(subjects, sboms, tag, id, commit, d) {
  const out = [];
  if (subjects.length) {
    out.push({
      bundleName: `provenance-${tag}.sigstore.json`,
      statement: buildStatement(
        subjects.map((x) => x.subject),
        provenanceInput(id, commit, d)
      ),
      about: subjects
    });
  }
  for (const sb of sboms) {
    const target = subjects.find((x) => x.key === sb.subject);
    if (!target) continue;
    out.push({
      bundleName: `${basename2(sb.path)}.sigstore.json`,
      statement: {
        _type: STATEMENT_TYPE,
        subject: [target.subject],
        predicateType: CYCLONEDX_PREDICATE_TYPE,
        predicate: JSON.parse(readFileSync10(sb.path, "utf8"))
      },
      about: [target]
    });
  }
  return out;
}

// actions/release/src/github-release.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync11, statSync as statSync3 } from "node:fs";
import { basename as basename3, dirname as dirname2, join as join11, relative as relative3, resolve as resolve4 } from "node:path";
var info2 = (r) => ({
  id: r.id,
  url: r.html_url,
  draft: r.draft,
  prerelease: r.prerelease,
  tag: r.tag_name,
  uploadUrl: r.upload_url,
  assets: (r.assets ?? []).map((a) => a.name)
});
async function findRelease2(gh, repo, tag, id) {
  if (id) {
    try {
      const r = await gh.rest.rest.repos.getRelease({ ...repo, release_id: id });
      if (r.data.tag_name === tag) return info2(r.data);
    } catch (e) {
      if (e.status !== 404) throw e;
    }
  }
  for (let page = 1; page <= 10; page++) {
    const r = await gh.rest.rest.repos.listReleases({ ...repo, per_page: 100, page });
    const hit = r.data.find((x) => x.tag_name === tag);
    if (hit) return info2(hit);
    if (r.data.length < 100) break;
  }
  return void 0;
}
async function createDraft(gh, repo, o) {
  const existing = await findRelease2(gh, repo, o.tag);
  if (existing) return { release: existing, created: false };
  try {
    const r = await gh.rest.rest.repos.createRelease({
      ...repo,
      tag_name: o.tag,
      target_commitish: o.commit,
      name: o.name,
      body: o.body,
      draft: true,
      prerelease: o.prerelease,
      request: { retries: 0 }
    });
    return { release: info2(r.data), created: true };
  } catch (e) {
    const after = await findRelease2(gh, repo, o.tag).catch(() => void 0);
    if (after) {
      o.log.info(`GitHub Release for ${o.tag} exists after all (id ${after.id})`);
      return { release: after, created: true };
    }
    throw new StageError(`creating the GitHub Release for ${o.tag} failed: ${errorMessage(e)}`);
  }
}
async function publishRelease(gh, repo, rel, o) {
  if (!rel.draft) return { release: rel, changed: false };
  const r = await gh.rest.rest.repos.updateRelease({
    ...repo,
    release_id: rel.id,
    draft: false,
    prerelease: o.prerelease,
    make_latest: o.makeLatest ? "true" : "false"
  });
  return { release: info2(r.data), changed: true };
}
function expandAssetGlobs(root, globs) {
  const out = /* @__PURE__ */ new Set();
  for (const g of globs) {
    const full = resolve4(root, g);
    if (relative3(resolve4(root), full).startsWith("..")) throw new StageError(`asset ${g} is outside the workspace`);
    if (!g.includes("*")) {
      if (!statSync3(full, { throwIfNoEntry: false })) throw new StageError(`asset ${g} does not exist`);
      out.add(confinePath(root, g, { input: "assets" }));
      continue;
    }
    const dirRel = relative3(resolve4(root), dirname2(full)) || ".";
    const dir = statSync3(dirname2(full), { throwIfNoEntry: false })?.isDirectory() ? confinePath(root, dirRel, { input: "assets", kind: "dir" }) : void 0;
    const re = new RegExp(
      `^${basename3(full).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`
    );
    const hits = dir ? readdirSync2(dir).filter((n) => re.test(n)) : [];
    const files = hits.filter((n) => statSync3(join11(dir, n), { throwIfNoEntry: false })?.isFile() !== false).map((n) => confinePath(root, join11(dirRel, n), { input: "assets" }));
    if (!files.length) throw new StageError(`asset pattern ${g} matches no file`);
    for (const f of files) out.add(f);
  }
  return [...out].sort();
}
async function listAssets(gh, repo, rel) {
  const out = [];
  for (let page = 1; page <= 10; page++) {
    const r = await gh.rest.rest.repos.listReleaseAssets({ ...repo, release_id: rel.id, per_page: 100, page });
    out.push(...r.data);
    if (r.data.length < 100) break;
  }
  return out;
}
function apiMessage(e) {
  const status = e.status;
  return status ? `HTTP ${status}: ${errorMessage(e)}` : errorMessage(e);
}
async function uploadAssets(gh, repo, rel, files, log) {
  if (!files.length) return 0;
  const existing = await listAssets(gh, repo, rel);
  let n = 0;
  for (const file of files) {
    const name = basename3(file);
    const data = readFileSync11(file);
    const digest = `sha256:${sha256Bytes(data)}`;
    const there = existing.find((a) => a.name === name);
    if (there && (there.digest === digest || !there.digest && there.size === data.length)) continue;
    if (there) {
      if (!rel.draft) {
        throw new StageError(
          `asset ${name} is already on the published release ${rel.tag} with other content (${there.digest ?? `${there.size} bytes`}, the build made ${digest}); nothing was overwritten`
        );
      }
      log?.warning(`asset ${name} on the draft ${rel.tag} is ${there.digest}, the build made ${digest}: replaced`);
      await gh.rest.rest.repos.deleteReleaseAsset({ ...repo, asset_id: there.id });
    }
    log?.info(`uploading ${name} (${data.length} bytes, ${digest})`);
    try {
      await gh.rest.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: rel.id,
        name,
        url: rel.uploadUrl,
        data,
        headers: { "content-type": "application/octet-stream" }
      });
    } catch (e) {
      throw new StageError(
        `uploading asset ${name} to the draft release ${rel.tag} failed (${apiMessage(e)}); the release stays a draft: re-run the job to finish`
      );
    }
    n++;
  }
  return n;
}
async function downloadAsset(gh, repo, id) {
  const r = await gh.rest.rest.repos.getReleaseAsset({
    ...repo,
    asset_id: id,
    headers: { accept: "application/octet-stream" }
  });
  return Buffer.from(r.data);
}
async function downloadReleaseAsset(gh, repo, rel, name) {
  const a = (await listAssets(gh, repo, rel)).find((x) => x.name === name);
  return a ? downloadAsset(gh, repo, a.id) : void 0;
}
async function verifyReleaseAssets(gh, repo, rel, files) {
  const there = await listAssets(gh, repo, rel);
  const problems = [];
  const verified = [];
  for (const file of files) {
    const name = basename3(file);
    const want = sha256File(file);
    const a = there.find((x) => x.name === name);
    if (!a) {
      problems.push(`asset ${name} is not on the release (missing)`);
      continue;
    }
    let bytes;
    try {
      bytes = await downloadAsset(gh, repo, a.id);
    } catch (e) {
      problems.push(`asset ${name} could not be downloaded back (${apiMessage(e)})`);
      continue;
    }
    const got = sha256Bytes(bytes);
    const size = bytes.length;
    if (got !== want) problems.push(`asset ${name} downloaded back has sha256 ${got}, the build made ${want} (digest)`);
    else verified.push({ name, sha256: got, size });
  }
  if (problems.length) {
    throw new StageError(
      `the draft release ${rel.tag} is not complete, so it stays a draft: ${problems.join("; ")}. Re-run the job to finish`
    );
  }
  return verified;
}
var RELEASE_BODY_LIMIT = 125e3;
function fitReleaseBody(notes, changelogUrl, limit = RELEASE_BODY_LIMIT) {
  if (notes.length <= limit) return { body: notes, cut: false, keptLines: notes.split("\n").length };
  const budget = Math.floor(limit * 0.9);
  const end = notes.lastIndexOf("\n", budget);
  const kept = notes.slice(0, end > 0 ? end : budget).replace(/\s+$/, "");
  const keptLines = kept.split("\n").length;
  const body = `${kept}

---

_These notes are cut to what a GitHub Release can hold (${keptLines} of ${notes.split("\n").length} lines). The full notes are in [CHANGELOG.md](${changelogUrl})._
`;
  return { body, cut: true, keptLines };
}

// actions/release/src/steps/attest.ts
async function attest(s, d) {
  if (!s.attesting) {
    d.ledger.report(
      "attest",
      "skipped",
      d.cfg.attest === "false" ? "attest: false" : idTokenAvailable(d.env) ? "private repository and the public Sigstore log (see the preflight log)" : "no OIDC token (permissions: id-token: write)"
    );
    return { bundleFiles: [] };
  }
  if (s.unverified) {
    d.ledger.report("attest", "skipped", "waiting until every package is visible (re-run)");
    return { bundleFiles: [] };
  }
  const repo = { owner: d.owner, repo: d.repo };
  const res = await d.ledger.step("attest", async () => {
    const identity = await jobIdentity(d);
    const subjects = await collectSubjects(s, d, s.npmAuth.token);
    const planned = planStatements(subjects, s.sboms, s.plan.tag, identity, s.commit, d);
    if (!planned.length) throw new StageError("attest: nothing to attest (no asset, package or image)");
    const dir = join12(d.runnerTemp, "release-attest");
    mkdirSync3(dir, { recursive: true });
    const signed = [];
    let reused = 0;
    for (const p of planned) {
      const onDraft = await downloadReleaseAsset(d.gh, repo, s.release, p.bundleName);
      let bundle = onDraft ? JSON.parse(onDraft.toString("utf8")) : void 0;
      const same = bundle && statementOf(bundle);
      if (bundle && same && sameAttestation(same, p.statement)) {
        d.log.info(`${p.bundleName}: signed by an earlier attempt, on the draft already`);
        reused++;
      } else {
        d.log.info(`signing ${p.statement.predicateType} for ${p.about.map((a) => a.label).join(", ")}`);
        bundle = await signStatement(p.statement, { ...d.cfg.sigstore, identityToken: identity.token });
      }
      const path = join12(dir, p.bundleName);
      writeFileSync4(path, JSON.stringify(bundle));
      signed.push({ ...p, bundle, path });
    }
    await uploadAssets(
      d.gh,
      repo,
      s.release,
      signed.map((x) => x.path),
      d.log
    );
    return {
      state: reused === signed.length ? "already-done" : "done",
      detail: `${signed.length - reused} signed, ${reused} from an earlier attempt; ${subjects.length} artifact(s), bundles on the draft`,
      attestations: { identity, subjects, signed }
    };
  });
  return { bundleFiles: res.attestations.signed.map((x) => x.path), attestations: res.attestations };
}

// actions/release/src/steps/attest-upload.ts
async function attestUpload(s, d) {
  const att = s.attestations;
  if (!att) return { storedOnGitHub: false };
  const repo = { owner: d.owner, repo: d.repo };
  const r = await d.ledger.step("attest-upload", async () => {
    let created = 0;
    let referrers = 0;
    let refused;
    for (const x of att.signed) {
      try {
        if (!refused && (await uploadAttestation(d.gh, repo, x.bundle)).created) created++;
      } catch (e) {
        if (d.cfg.attest !== "auto" || e.status !== 403) throw e;
        refused = e.message;
        d.log.warning(
          `attest (auto): the bundles are attached to the release, but not stored in GitHub's attestations API, so \`gh attestation verify\` will not find them: ${refused}. Add \`permissions: attestations: write\` to the release job (or set attest: true to make this an error).`
        );
      }
      for (const a of x.about.filter((y) => y.kind === "image")) {
        if (!s.docker) continue;
        const pushed = await pushReferrer(s.docker.registry, { image: a.image, digest: a.digest }, x.bundle, d.now);
        d.log.info(
          `${a.label}: attestation ${pushed.created ? "pushed" : "already there"} as ${pushed.digest} (${pushed.via})`
        );
        if (pushed.created) referrers++;
      }
    }
    return {
      refused,
      state: created || referrers ? "done" : "already-done",
      detail: refused ? `not stored on GitHub (no attestations: write), ${referrers} OCI referrer(s) pushed` : `${created} new attestation(s) on GitHub (${att.signed.length - created} there already), ${referrers} OCI referrer(s) pushed`
    };
  });
  return { storedOnGitHub: !r.refused };
}

// actions/release/src/steps/attest-verify.ts
import { mkdtempSync as mkdtempSync3, rmSync as rmSync3, writeFileSync as writeFileSync5 } from "node:fs";
import { join as join13 } from "node:path";
async function attestVerify(s, d) {
  const att = s.attestations;
  if (!att) return { verifiedArtifacts: [] };
  const { cfg } = d;
  const repo = { owner: d.owner, repo: d.repo };
  const res = await d.ledger.step("attest-verify", async () => {
    const trustedRoot = await loadTrustedRoot(
      cfg.sigstore.trustedRoot ? { location: cfg.sigstore.trustedRoot } : { tuf: true, cachePath: join13(d.runnerTemp, "sigstore-tuf") },
      d.fetch
    );
    const expected = { san: att.identity.san, issuer: GITHUB_ACTIONS_ISSUER };
    const requireTlog = Boolean(cfg.sigstore.rekorUrl);
    const problems = [];
    const rows = [];
    const tmp = mkdtempSync3(join13(d.runnerTemp, "release-verify-"));
    const draftBundle = async (label) => {
      const x = att.signed.find(
        (y) => y.statement.predicateType === "https://slsa.dev/provenance/v1" && y.about.some((b) => b.label === label)
      );
      const bytes = x && await downloadReleaseAsset(d.gh, repo, s.release, x.bundleName);
      if (!x || !bytes) return void 0;
      const path = join13(tmp, x.bundleName);
      writeFileSync5(path, bytes);
      return path;
    };
    try {
      for (const a of att.subjects) {
        let spec;
        if (a.kind === "file") {
          const bytes = await downloadReleaseAsset(d.gh, repo, s.release, a.label);
          if (!bytes) {
            problems.push(`${a.label}: not on the release`);
            continue;
          }
          const path = join13(tmp, a.label);
          writeFileSync5(path, bytes);
          spec = { kind: "file", path };
        } else if (a.kind === "npm") spec = { kind: "npm", name: a.name, version: a.version };
        else spec = { kind: "image", image: a.image, digest: a.digest };
        const onDraft = s.storedOnGitHub === false ? await draftBundle(a.label) : void 0;
        try {
          const v = await verifyArtifact({
            subject: spec,
            ...onDraft ? { bundlePath: onDraft } : {},
            repository: repo,
            github: d.gh,
            san: expected.san,
            issuer: expected.issuer,
            trustedRoot,
            requireTlog,
            npmRegistry: cfg.npmRegistryUrl,
            npmToken: s.npmAuth.token,
            registryCredentials: cfg.registryCredentials ?? dockerConfigCredentials(d.env, cfg.dockerImages),
            fetch: d.fetch
          });
          const digest = `sha256:${v.subject.digest.sha256}`;
          if (v.subject.digest.sha256 !== a.subject.digest.sha256) {
            problems.push(`${a.label}: digest check failed: fetched back ${digest}, signed ${a.subject.digest.sha256}`);
            continue;
          }
          rows.push({ label: a.label, digest, source: v.source });
        } catch (e) {
          problems.push(`${a.label}: ${errorMessage(e)}`);
        }
      }
      for (const x of att.signed.filter((y) => y.statement.predicateType !== "https://slsa.dev/provenance/v1")) {
        for (const a of x.about) {
          try {
            await verifyBundle({
              bundle: x.bundle,
              subjectDigest: a.subject.digest.sha256,
              expected,
              trustedRoot,
              requireTlog
            });
          } catch (e) {
            problems.push(`${x.bundleName} (SBOM of ${a.label}): ${errorMessage(e)}`);
          }
        }
      }
    } finally {
      rmSync3(tmp, { recursive: true, force: true });
    }
    if (problems.length) {
      throw new StageError(
        `verification after publishing failed, so the release stays a draft: ${problems.join("; ")}`
      );
    }
    d.log.info(`verified ${rows.length} artifact(s) as ${expected.san}`);
    return { state: "done", detail: `${rows.length} artifact(s) verified as ${expected.san}`, rows };
  });
  return { verifiedArtifacts: res.rows };
}

// actions/release/src/steps/claim.ts
async function claim(s, d) {
  const { plan } = s;
  await d.ledger.within("claim", async () => {
    const at = (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString();
    await d.store.update((doc) => {
      const byTag = plan.packages ? plan.tag : void 0;
      const existing = findRelease(doc, plan.version, byTag);
      if (existing && existing.run_id && existing.run_id !== d.runId) {
        const takeover = existing.status === "failed" && !s.remoteTag(plan.tag);
        if (!takeover) {
          throw new StageError(
            `release ${plan.version} is already being made by run ${String(existing.run_id)} (status ${String(existing.status)}); this run stops and changes nothing`
          );
        }
      }
      const rec = ensureRelease(doc, plan.version, { created_at: at, ...byTag ? { tag: byTag } : {} });
      if (plan.packages) rec.packages = plan.packages.map((p) => ({ name: p.name, version: p.version, tag: p.tag }));
      rec.run_id = d.runId;
      rec.run_url = d.runUrl;
      rec.type = releaseKind(plan.previousVersion, plan.version, plan.backport);
      rec.tag = plan.tag;
      if (rec.status !== "released") rec.status = "releasing";
      rec.previous_version = plan.previousVersion;
      for (const st of d.ledger.steps)
        recordStep(rec, d.runId, st.step, st.state, { attempt: d.runAttempt, detail: st.detail });
    }, `release ${plan.version}: claimed by run ${d.runId}.${d.runAttempt}`);
    d.ledger.claimed(plan.version, plan.packages ? plan.tag : void 0);
  });
  return {};
}

// actions/release/src/steps/commit-tag-push.ts
async function commitTagPush(s, d) {
  const { plan, resumeTagCommit, head } = s;
  const { cfg, git } = d;
  const { commit } = await d.ledger.step("commit", async () => {
    if (resumeTagCommit)
      return { state: "already-done", detail: resumeTagCommit.slice(0, 12), commit: resumeTagCommit };
    applyChanges(d.workspace, plan.files);
    const made = await git.commit(plan.commitMessage, { paths: plan.files.map((f) => f.path) });
    for (const tag of releaseTags2(plan)) await git.tagAnnotated(tag, made);
    return {
      state: "done",
      detail: made.slice(0, 12),
      commit: made,
      extra: (rec) => {
        rec.commit = made;
      }
    };
  });
  await d.ledger.step("push", async () => {
    if (resumeTagCommit) return { state: "already-done", detail: `${plan.tag} at ${commit.slice(0, 12)}` };
    const tags = releaseTags2(plan);
    const p = await git.push(
      d.remote,
      [`${commit}:refs/heads/${cfg.releaseBranch}`, ...tags.map((t) => `refs/tags/${t}:refs/tags/${t}`)],
      { atomic: true }
    );
    if (!p.ok) {
      for (const t of tags) await git.deleteTag(t);
      await git.resetKeep(head);
      throw await pushFailure(p, head, d);
    }
    return {
      state: "done",
      detail: `${plan.tag} at ${commit.slice(0, 12)}`,
      extra: (rec) => {
        rec.status = "releasing";
      }
    };
  });
  return { commit };
}
function releaseTags2(plan) {
  return plan.packages ? plan.packages.map((p) => p.tag) : [plan.tag];
}
var PushRefused = class extends StageError {
  constructor(message, refused) {
    super(message);
    this.refused = refused;
  }
  refused;
};
var HINT = (branch) => `${branch} is protected: release with release_mode: pull-request (a release pull request, merged under the branch's rules, releases) or release_mode: tag-only (no commit on the branch; the tag on the tested commit), or let this token bypass the protection (docs/protected-branches.md)`;
async function pushFailure(p, head, d) {
  const { cfg, remote } = d;
  const said = p.remoteLines.length ? p.remoteLines : p.message.split("\n").slice(-3);
  const theRemoteSaid = `${remote} said: ${said.join(" / ")}`;
  const noneMade = `Neither the release commit nor tag was pushed (atomic push); no GitHub Release or package was made. The status record (${d.store.describe()}) was written: this release's claim and this failure.`;
  const tip = await d.git.lsRemote(remote, [`refs/heads/${cfg.releaseBranch}`]).then((m) => m.get(`refs/heads/${cfg.releaseBranch}`)).catch((e) => {
    d.log.warning(`could not read ${cfg.releaseBranch} on ${remote} after the refused push: ${errorMessage(e)}`);
    return void 0;
  });
  if (tip && tip !== head) {
    return new StageError(
      `push rejected: ${cfg.releaseBranch} on ${remote} moved while this release ran (${head.slice(0, 12)} → ${tip.slice(0, 12)}: another commit or release landed). ${noneMade} Start a new release from the new tip.`
    );
  }
  if (p.declined) {
    return new PushRefused(
      `push refused: ${remote} does not accept the release commit on ${cfg.releaseBranch}, which did not move (${theRemoteSaid}). ${noneMade} Re-running the same way fails the same way; ${HINT(cfg.releaseBranch)}.`,
      { branch: cfg.releaseBranch, base: head, run_id: d.runId }
    );
  }
  return new StageError(`git push failed (${theRemoteSaid}). ${noneMade}`);
}
async function notRefusedBefore(s, d) {
  const rec = s.doc.releases.find((r) => r.version === s.plan.version);
  const refused = rec?.refused;
  const same = rec?.status === "failed" && refused?.branch === d.cfg.releaseBranch && refused.base === s.head && refused.run_id === d.runId;
  if (!same) return {};
  return d.ledger.within("push", async () => {
    throw new StageError(
      `${d.cfg.releaseBranch} on ${d.remote} refused release ${s.plan.version} from this commit (${s.head.slice(0, 12)}) in an earlier attempt of this run: ${String(rec.error ?? "").slice(0, 400)} Nothing was done this time (the status record was not written again). ${HINT(d.cfg.releaseBranch)}.`
    );
  });
}

// actions/release/src/steps/npm.ts
import { mkdtempSync as mkdtempSync4, readFileSync as readFileSync12, rmSync as rmSync4, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join14 } from "node:path";
async function npm(s, d) {
  const { plan } = s;
  const npmPublished = [];
  let unverified = 0;
  for (const p of plan.npm) {
    await d.ledger.step(`npm:${p.name}`, async () => {
      const res = await publishPackage(p, s, d);
      const item = {
        registry: "npm",
        name: p.name,
        version: p.version ?? plan.version,
        url: res.url,
        digest_or_integrity: res.integrity,
        tags: [p.distTag]
      };
      npmPublished.push(item);
      if (res.state === "unverified") unverified++;
      return { state: res.state, detail: res.integrity.slice(0, 24), extra: (rec) => upsertRegistry(rec, item) };
    });
  }
  return { npmPublished, unverified };
}
async function publishPackage(p, s, d) {
  const { cfg } = d;
  const { plan } = s;
  const packDir = mkdtempSync4(join14(d.runnerTemp, "release-pack-"));
  try {
    const env = { ...d.env, npm_config_cache: join14(d.runnerTemp, "release-npm-cache") };
    delete env.NODE_AUTH_TOKEN;
    const pack = await packPublished(p.dir, d, () => npmPack(d.exec, "npm", join14(d.workspace, p.dir), packDir, env));
    let token = s.npmAuth.token;
    if (s.npmAuth.kind === "oidc") {
      token = await oidcPublishToken(d.fetch, d.env, cfg.npmRegistryUrl, p.name);
      if (token) d.mask?.(token);
    }
    return await publishNpm({
      exec: d.exec,
      fetch: d.fetch,
      log: d.log,
      name: p.name,
      version: p.version ?? plan.version,
      pack,
      registryUrl: cfg.npmRegistryUrl,
      distTag: p.distTag,
      access: cfg.npmAccess,
      provenance: p.provenance,
      auth: { token, kind: s.npmAuth.kind },
      runnerTemp: d.runnerTemp,
      env,
      verifyTimeoutMs: cfg.verifyTimeoutMs,
      webUrl: isNpmjs(cfg.npmRegistryUrl) ? `https://www.npmjs.com/package/${p.name}/v/${p.version ?? plan.version}` : void 0
    });
  } finally {
    rmSync4(packDir, { recursive: true, force: true });
  }
}
async function packPublished(dir, d, pack) {
  const file = join14(d.workspace, dir, "package.json");
  const text2 = readFileSync12(file, "utf8");
  if (!text2.includes('"workspace:')) return pack();
  const versions = new Map((await discoverWorkspace(d.workspace)).packages.map((w) => [w.name, w.version ?? ""]));
  const published = publishedManifest(text2, versions);
  if (published === void 0) return pack();
  writeFileSync6(file, published);
  try {
    return await pack();
  } finally {
    writeFileSync6(file, text2);
  }
}
function upsertRegistry(rec, p) {
  rec.registries ??= [];
  const i = rec.registries.findIndex((r) => r.registry === p.registry && r.name === p.name);
  const entry = { ...p };
  if (i >= 0) rec.registries[i] = entry;
  else rec.registries.push(entry);
}

// actions/release/src/steps/docker.ts
async function docker(s, d) {
  const { plan } = s;
  const target = s.docker;
  const dockerPublished = [];
  if (!target || !plan.docker.length) return { dockerPublished };
  const localTag = `release-actions-local/${d.repo.toLowerCase()}:${plan.version}-${d.runId}`;
  const build = { localTag, built: false };
  for (const img of plan.docker) {
    await d.ledger.step(`docker:${img.image}`, async () => {
      const res = await publishImage(img, s, target, build, d);
      const item = {
        registry: "docker",
        name: img.image,
        version: plan.version,
        url: `${img.image}:${plan.version}`,
        digest_or_integrity: res.digest,
        tags: img.tags
      };
      dockerPublished.push(item);
      return {
        state: res.state,
        detail: `${res.digest.slice(0, 19)} ${img.tags.join(",")}`,
        extra: (rec) => upsertRegistry(rec, item)
      };
    });
  }
  if (build.built) await d.exec("docker", ["rmi", localTag], { env: d.env }).catch(() => void 0);
  return { dockerPublished };
}
async function publishImage(img, s, target, build, d) {
  const { cfg } = d;
  const { plan, commit } = s;
  const reg = target.registry;
  let digest = await reg.digest(img.image, plan.version);
  let state = "done";
  if (digest) {
    const labels = await reg.labels(img.image, plan.version) ?? {};
    if (labels["org.opencontainers.image.revision"] !== commit || labels["org.opencontainers.image.version"] !== plan.version) {
      throw new StageError(
        `${img.image}:${plan.version} already exists with other content (revision ${labels["org.opencontainers.image.revision"] ?? "(none)"}, not ${commit.slice(0, 12)}); nothing was overwritten`
      );
    }
    d.log.info(`${img.image}:${plan.version} is already pushed from this release commit (${digest})`);
    state = "already-done";
  } else {
    const cred = cfg.registryCredentials;
    const dockerCfg = cred ? writeDockerConfig(d.runnerTemp, [splitImage(img.image).host], cred) : void 0;
    const env = dockerCfg ? { ...d.env, DOCKER_CONFIG: dockerCfg.dir } : d.env;
    try {
      if (!build.built) {
        await dockerBuild({
          exec: d.exec,
          log: d.log,
          env,
          context: target.context,
          dockerfile: target.dockerfile,
          localTag: build.localTag,
          labels: ociLabels({
            source: `${d.serverUrl}/${d.owner}/${d.repo}`,
            revision: commit,
            version: plan.version,
            created: (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString()
          }),
          buildArgs: cfg.dockerBuildArgs
        });
        build.built = true;
      }
      const pushed = await dockerPush({
        exec: d.exec,
        env,
        localTag: build.localTag,
        ref: `${img.image}:${plan.version}`,
        secrets: [cred?.password]
      });
      await d.exec("docker", ["rmi", `${img.image}:${plan.version}`], { env }).catch(() => void 0);
      digest = await reg.digest(img.image, plan.version);
      if (!digest) throw new StageError(`${img.image}:${plan.version} was pushed but the registry does not show it`);
      if (pushed && pushed !== digest) {
        throw new StageError(`${img.image}:${plan.version}: the registry shows ${digest}, docker pushed ${pushed}`);
      }
    } finally {
      dockerCfg?.dispose();
    }
  }
  for (const t of img.tags) {
    if (t === plan.version) continue;
    const now = await reg.digest(img.image, t);
    if (now === digest) continue;
    await reg.tag(img.image, digest, t);
    const check2 = await reg.digest(img.image, t);
    if (check2 !== digest)
      throw new StageError(`${img.image}:${t} shows ${check2 ?? "(nothing)"} after tagging ${digest}`);
    state = "done";
  }
  return { state, digest };
}

// actions/release/src/steps/github-release.ts
async function githubRelease(s, d) {
  const { plan, commit, assetFiles } = s;
  const repo = { owner: d.owner, repo: d.repo };
  const { release: release2 } = await d.ledger.step("github-release", async () => {
    const id = findRelease(await d.store.read(), plan.version)?.release_id;
    const existing = await findRelease2(d.gh, repo, plan.tag, typeof id === "number" ? id : void 0);
    const r = existing ?? (await createDraft(d.gh, repo, {
      tag: plan.tag,
      commit,
      name: plan.tag,
      body: plan.notesBody,
      prerelease: plan.prerelease,
      log: d.log
    })).release;
    const uploaded = assetFiles.length ? await uploadAssets(d.gh, repo, r, assetFiles, d.log) : 0;
    return {
      state: existing && uploaded === 0 ? "already-done" : "done",
      release: r,
      detail: `${r.draft ? "draft" : "published"} ${r.id}${assetFiles.length ? `, ${assetFiles.length} assets` : ""}`,
      extra: (rec) => {
        rec.release_id = r.id;
        rec.release_url = r.url;
      }
    };
  });
  return { release: release2 };
}

// actions/release/src/steps/major-tag.ts
async function moveMajorTag(s, d) {
  const mt = s.plan.majorTag;
  const { commit } = s;
  if (!mt) return {};
  await d.ledger.step("major-tag", async () => {
    const refs = await d.git.lsRemote(d.remote, [`refs/tags/${mt}`, `refs/tags/${mt}^{}`]);
    const now = refs.get(`refs/tags/${mt}^{}`) ?? refs.get(`refs/tags/${mt}`);
    if (now === commit) return { state: "already-done", detail: `${mt} → ${commit.slice(0, 12)}` };
    const p = await d.git.push(d.remote, [`${commit}:refs/tags/${mt}`], { force: true });
    if (!p.ok) throw new StageError(`moving ${mt} failed: ${p.message.split("\n").slice(-2).join(" / ")}`);
    return { state: "done", detail: `${mt} → ${commit.slice(0, 12)}` };
  });
  return {};
}

// actions/release/src/steps/package-releases.ts
function wanted(plan, d) {
  const packages = plan.packages ?? [];
  if (d.cfg.githubRelease === "aggregate")
    return [
      {
        step: "github-release",
        tag: plan.tag,
        name: packages.map((p) => p.tag).join(", "),
        body: plan.notesBody,
        prerelease: plan.prerelease,
        makeLatest: plan.makeLatest
      }
    ];
  return packages.map((p, i) => ({
    step: `github-release:${p.name}`,
    tag: p.tag,
    name: p.tag,
    body: p.notesBody,
    prerelease: p.prerelease,
    makeLatest: i === 0 && !p.prerelease && !p.backport
  }));
}
async function packageReleases(s, d) {
  const repo = { owner: d.owner, repo: d.repo };
  const releases = [];
  for (const w of wanted(s.plan, d)) {
    const { release: release2 } = await d.ledger.step(w.step, async () => {
      const existing = await findRelease2(d.gh, repo, w.tag);
      const r = existing ?? (await createDraft(d.gh, repo, {
        tag: w.tag,
        commit: s.commit,
        name: w.name,
        body: w.body,
        prerelease: w.prerelease,
        log: d.log
      })).release;
      return {
        state: existing ? "already-done" : "done",
        release: r,
        detail: `${r.draft ? "draft" : "published"} ${r.id}`
      };
    });
    releases.push(release2);
  }
  return { release: releases[0], releases };
}
async function publishPackageReleases(s, d) {
  const repo = { owner: d.owner, repo: d.repo };
  const list2 = wanted(s.plan, d);
  const out = [];
  for (const [i, rel] of s.releases.entries()) {
    const w = list2[i];
    const step = w.step.replace(/^github-release/, "github-release-publish");
    const { release: release2 } = await d.ledger.step(step, async () => {
      const res = await publishRelease(d.gh, repo, rel, { prerelease: w.prerelease, makeLatest: w.makeLatest });
      return {
        state: res.changed ? "done" : "already-done",
        detail: res.release.url,
        release: res.release,
        ...i === 0 ? { extra: (rec) => void (rec.release_url = res.release.url) } : {}
      };
    });
    out.push(release2);
  }
  return { release: out[0], releases: out };
}

// actions/release/src/types.ts
var ReleaseFailure = class extends StageError {
  constructor(message, steps, plan) {
    super(message);
    this.steps = steps;
    this.plan = plan;
  }
  steps;
  plan;
};
var NO_BUILD = "(none: no build script)";

// actions/release/src/steps/version.ts
import { existsSync as existsSync8, readFileSync as readFileSync13 } from "node:fs";
import { join as join15 } from "node:path";
var NothingToReleaseSignal = class {
  constructor(outcome) {
    this.outcome = outcome;
  }
  outcome;
};
async function fetchForRelease(s, d) {
  const { cfg, git } = d;
  if (!cfg.dryRun) {
    await git.fetch(
      d.remote,
      [`+refs/heads/${cfg.releaseBranch}:refs/remotes/${d.remote}/${cfg.releaseBranch}`, "+refs/tags/*:refs/tags/*"],
      { force: true }
    );
    if (s.resumeTagCommit) await git.checkoutDetached(s.resumeTagCommit);
  }
}
async function version(s, d) {
  await fetchForRelease(s, d);
  const plan = await makePlan(s, d);
  d.ledger.report("version", "done", `${plan.previousVersion ?? "(none)"} → ${plan.version}`);
  return { plan };
}
async function makePlan(s, d) {
  const { git } = d;
  const cfg = s.releaseVersion ? { ...d.cfg, version: s.releaseVersion } : d.cfg;
  const { resume, resumeTagCommit, remoteTag } = s;
  const local = await git.tags(`${cfg.tagPrefix}*`);
  const all = /* @__PURE__ */ new Map();
  for (const t of local) all.set(t.name, { name: t.name, commit: t.commit });
  const merged = await git.mergedTags("HEAD", `${cfg.tagPrefix}*`);
  let allTags = releaseTags([...all.values()], cfg.tagPrefix);
  const remoteOnly = [];
  for (const name of await remoteTagNames(d)) {
    if (!all.has(name)) remoteOnly.push(...releaseTags([{ name, commit: remoteTag(name) ?? "" }], cfg.tagPrefix));
  }
  allTags = [...allTags, ...remoteOnly];
  let mergedTags = allTags.filter((t) => merged.has(t.tag));
  let bump;
  let version2;
  let previous;
  let prerelease;
  let backport;
  if (resume && resumeTagCommit) {
    version2 = resume.version;
    previous = typeof resume.previous_version === "string" ? resume.previous_version : void 0;
    mergedTags = mergedTags.filter((t) => t.version !== version2);
    allTags = allTags.filter((t) => t.version !== version2);
    const n = nextVersion({
      merged: mergedTags,
      all: allTags,
      bump: "patch",
      releaseType: cfg.releaseType,
      prereleaseId: cfg.prereleaseId,
      explicit: version2
    });
    previous ??= n.previous;
    prerelease = n.prerelease;
    backport = n.backport;
    bump = "resumed";
  } else {
    let b;
    if (cfg.version) {
      bump = "explicit";
      b = "patch";
    } else if (cfg.versionBump === "auto") {
      const lastStable = mergedTags.find((t) => !t.version.includes("-"));
      const since = lastStable ?? mergedTags[0];
      const commits = await commitsSince(git, since?.tag);
      const rec = recommendBump(commits, lastStable?.version);
      if (rec === "none") {
        const from = since ? since.tag : "the start of the history";
        throw new NothingToReleaseSignal({
          status: "nothing-to-release",
          reason: commits.length ? `no releasable commits since ${from} (${commits.length} commit${commits.length === 1 ? "" : "s"}, none a feat, fix, perf, revert or breaking change)` : `no commits since ${from}`,
          previousVersion: since?.version,
          previousTag: since?.tag,
          commits: commits.length
        });
      }
      b = rec;
      bump = b;
    } else {
      b = cfg.versionBump;
      bump = b;
    }
    const rootVersion = npmPackages(d.workspace)[0]?.version;
    const n = nextVersion({
      merged: mergedTags,
      all: allTags,
      bump: b,
      releaseType: cfg.releaseType,
      prereleaseId: cfg.prereleaseId,
      explicit: cfg.version,
      manifestVersion: rootVersion,
      initialVersion: cfg.initialVersion
    });
    version2 = n.version;
    previous = n.previous;
    prerelease = n.prerelease;
    backport = n.backport;
    if (resume && resume.version !== version2) {
      throw new StageError(
        `this run was releasing ${resume.version}, but the next version is now ${version2}: another release landed; nothing was changed`
      );
    }
  }
  const tag = `${cfg.tagPrefix}${version2}`;
  const pkgs = cfg.registries.includes("npm") ? npmPackages(d.workspace) : [];
  const guarded = guardLatest({
    version: version2,
    prerelease,
    backport,
    found: s.registryLatest,
    releaseBranch: cfg.releaseBranch,
    defaultBranch: s.defaultBranch,
    distTag: (bp) => cfg.npmDistTag || defaultDistTag({ prerelease, prereleaseId: cfg.prereleaseId, backport: bp, major: parts(version2).major }),
    tagPrefix: cfg.tagPrefix
  });
  backport = guarded.backport;
  const distTag = guarded.distTag;
  const stableOthers = allTags.map((t) => t.version).filter((v) => v !== version2);
  const files = resumeTagCommit ? [] : planManifestBump(d.workspace, version2, { versionFiles: cfg.versionFiles });
  const npm2 = pkgs.filter((p) => !p.private).map((p) => ({ name: p.name, dir: p.dir, distTag, provenance: s.npmAuth.provenance, auth: s.npmAuth.kind }));
  const imageStable = (image) => s.registryLatest.find((r) => r.registry === "docker" && r.name === image);
  const docker2 = s.docker ? cfg.dockerImages.map((image) => ({
    image,
    tags: imageTags(version2, [...stableOthers, ...imageStable(image)?.stable ?? []])
  })) : [];
  const notes = cfg.notes.trim() || await renderNotes(d, {
    version: version2,
    tag,
    // The tag as it is named (`v1.0.0-rc.1+build.5`), not as the version would name it.
    previousTag: previous ? mergedTags.find((t) => t.version === previous)?.tag ?? `${cfg.tagPrefix}${previous}` : void 0,
    rev: resumeTagCommit ? `${resumeTagCommit}^` : "HEAD"
  });
  const fitted = fitReleaseBody(notes, `${d.serverUrl}/${d.owner}/${d.repo}/blob/${tag}/CHANGELOG.md`);
  if (fitted.cut) {
    d.log.warning(
      `the release notes (${notes.length} characters) are longer than a GitHub Release body may be: the body keeps the first ${fitted.keptLines} lines and links to CHANGELOG.md for the rest`
    );
  }
  const scripts = readScripts(d.workspace);
  return {
    version: version2,
    previousVersion: previous,
    tag,
    commitMessage: `chore(release): ${tag}`,
    prerelease,
    backport,
    bump,
    files,
    npm: npm2,
    npmSkipped: pkgs.filter((p) => p.private).map((p) => p.name),
    docker: docker2,
    majorTag: cfg.updateMajorTag && !prerelease ? majorTag(version2, stableOthers, cfg.tagPrefix) : void 0,
    makeLatest: !prerelease && !backport,
    testCommand: cfg.testCommand || (scripts.test ? "npm test" : ""),
    buildCommand: cfg.buildCommand || (scripts.build ? "npm run build" : NO_BUILD),
    resumed: Boolean(resume),
    notesBody: fitted.body
  };
}
async function remoteTagNames(d) {
  const refs = await d.git.lsRemote(d.remote, [`refs/tags/${d.cfg.tagPrefix}*`]);
  return [...refs.keys()].filter((k) => !k.endsWith("^{}")).map((k) => k.slice("refs/tags/".length));
}
async function renderNotes(d, o) {
  const since = o.previousTag && await d.git.resolve(o.previousTag) ? o.previousTag : void 0;
  const commits = await commitsSince(d.git, since, o.rev).catch(() => []);
  return renderKeepAChangelog({
    format: "keep-a-changelog",
    version: o.version,
    date: (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString().slice(0, 10),
    ...since ? { previousTag: since } : {},
    currentTag: o.tag,
    repoUrl: `${d.serverUrl}/${d.owner}/${d.repo}`,
    commits,
    types: typeMap("keep-a-changelog"),
    breakingSection: true
  }).notes;
}
function readScripts(root) {
  const f = join15(root, "package.json");
  if (!existsSync8(f)) return {};
  try {
    return JSON.parse(readFileSync13(f, "utf8")).scripts ?? {};
  } catch {
    return {};
  }
}

// actions/release/src/steps/packages-version.ts
async function packagesVersion(s, d) {
  const { cfg, git } = d;
  await fetchForRelease(s, d);
  const recorded = Array.isArray(s.resume?.packages) ? s.resume.packages : void 0;
  const fromPr = s.releasePackages;
  const ownTags = [...recorded ?? [], ...fromPr ?? []].map((p) => p.tag);
  const mono = await planMonorepo(git, d.workspace, {
    tagFormat: cfg.tagFormat,
    sharedPaths: cfg.sharedPaths,
    groups: cfg.groups,
    releaseType: cfg.releaseType,
    prereleaseId: cfg.prereleaseId,
    versionBump: cfg.versionBump,
    ...cfg.initialVersion ? { initialVersion: cfg.initialVersion } : {},
    // Direct mode's tag is on the release commit, tag-only's (and a release PR's merge) on the tested commit.
    ...s.resumeTagCommit ? { rev: cfg.releaseMode === "direct" ? `${s.resumeTagCommit}^` : s.resumeTagCommit } : {},
    ...ownTags.length ? { ignoreTags: new Set(ownTags) } : {}
  });
  const released = fromPr ? recordedPlans(mono.packages, fromPr, /* @__PURE__ */ new Set([s.head, s.releasePr?.headSha ?? ""])) : mono.packages.filter((p) => p.release);
  if (!released.length) {
    const commits = new Set(mono.packages.flatMap((p) => p.commits.map((c) => c.hash))).size;
    throw new NothingToReleaseSignal({
      status: "nothing-to-release",
      reason: `no package has releasable commits since its last release (${mono.packages.length} packages, ${commits} commits, none a feat, fix, perf, revert or breaking change)`,
      commits
    });
  }
  if (recorded) {
    const now = released.map((p) => `${p.name}@${p.version}`).join(", ");
    const then = recorded.map((p) => `${p.name}@${p.version}`).join(", ");
    if (now !== then)
      throw new StageError(
        `this run was releasing ${escapeLogText(then)}, but the plan is now ${escapeLogText(now)}: another release landed; nothing was changed`
      );
  }
  const committed = Boolean(fromPr) || Boolean(s.resumeTagCommit) && cfg.releaseMode === "direct";
  const date = (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const repoUrl = `${d.serverUrl}/${d.owner}/${d.repo}`;
  const packages = [];
  const changelogs = [];
  for (const p of released) {
    const tag = p.tag;
    const n = packageNotes(p, { repoUrl, date });
    const fitted2 = fitReleaseBody(n.notes, `${repoUrl}/blob/${encodeURIComponent(tag)}/${p.path}/CHANGELOG.md`);
    packages.push({
      name: p.name,
      dir: p.path,
      version: p.version,
      ...p.previousVersion ? { previousVersion: p.previousVersion } : {},
      tag,
      ...p.previousTag ? { previousTag: p.previousTag } : {},
      bump: p.bump ?? "patch",
      private: p.private,
      prerelease: p.prerelease ?? false,
      backport: p.backport ?? false,
      reasons: p.reasons,
      notesBody: fitted2.body
    });
    if (!committed) changelogs.push(changelogChange(d.workspace, p, n));
  }
  const lead = packages[0];
  const publicPackages = cfg.registries.includes("npm") ? packages.filter((p) => !p.private) : [];
  const guarded = guardPackagesLatest(publicPackages, {
    found: s.registryLatest,
    releaseBranch: cfg.releaseBranch,
    defaultBranch: s.defaultBranch,
    prereleaseId: cfg.prereleaseId,
    tagFormat: cfg.tagFormat,
    distTag: cfg.npmDistTag
  });
  const npm2 = publicPackages.map((p) => {
    const g = guarded.get(p.name);
    p.backport = g.backport;
    return {
      name: p.name,
      dir: p.dir,
      version: p.version,
      distTag: g.distTag,
      provenance: s.npmAuth.provenance,
      auth: s.npmAuth.kind
    };
  });
  const aggregate = aggregateNotes(packages.map((p) => ({ tag: p.tag, version: p.version, notes: p.notesBody })));
  const fitted = fitReleaseBody(aggregate, `${repoUrl}/tree/${encodeURIComponent(lead.tag)}`);
  const scripts = readScripts(d.workspace);
  const plan = {
    version: lead.version,
    ...lead.previousVersion ? { previousVersion: lead.previousVersion } : {},
    tag: lead.tag,
    commitMessage: `chore(release): publish

${packages.map((p) => `- ${p.tag}`).join("\n")}`,
    prerelease: packages.every((p) => p.prerelease),
    backport: false,
    bump: s.resume ? "resumed" : lead.bump,
    files: committed ? [] : [...mono.files, ...changelogs],
    npm: npm2,
    npmSkipped: packages.filter((p) => p.private).map((p) => p.name),
    docker: [],
    makeLatest: !lead.prerelease && !lead.backport,
    testCommand: cfg.testCommand || (scripts.test ? "npm test" : ""),
    buildCommand: cfg.buildCommand || (scripts.build ? "npm run build" : NO_BUILD),
    resumed: Boolean(s.resume),
    notesBody: fitted.body,
    packages
  };
  d.ledger.report("version", "done", packages.map((p) => `${p.previousTag ?? "(none)"} → ${p.tag}`).join(", "));
  return { plan };
}
function recordedPlans(plans, recorded, releaseCommits) {
  return plans.flatMap((p) => {
    const r = recorded.find((x) => x.name === p.name);
    if (!r) return [];
    const same = p.release && p.version === r.version;
    const kind = releaseKind(p.previousVersion, r.version);
    const bump = kind === "major" || kind === "minor" ? kind : "patch";
    return [
      {
        ...p,
        release: true,
        version: r.version,
        tag: r.tag,
        bump,
        prerelease: r.version.includes("-"),
        backport: same ? p.backport ?? false : false,
        reasons: same ? p.reasons : [...p.reasons, `recorded by the release pull request at ${r.version}`],
        commits: p.commits.filter((c) => !releaseCommits.has(c.hash))
      }
    ];
  });
}

// actions/release/src/steps/preflight.ts
async function preflight(_, d) {
  const checked = await d.ledger.within("preflight", () => checks(d));
  d.ledger.report("preflight", "done");
  return checked;
}
async function checks(d) {
  const { cfg, git, remote } = d;
  const remoteRefs = await git.lsRemote(remote, [`refs/heads/${cfg.releaseBranch}`, "refs/tags/*"]).catch((e) => {
    throw new StageError(`the remote ${remote} cannot be read: ${errorMessage(e)}`);
  });
  const remoteTip = remoteRefs.get(`refs/heads/${cfg.releaseBranch}`);
  if (!remoteTip) throw new StageError(`release_branch ${cfg.releaseBranch} does not exist on ${remote}`);
  const remoteTag = (tag) => remoteRefs.get(`refs/tags/${tag}^{}`) ?? remoteRefs.get(`refs/tags/${tag}`);
  const doc = await d.store.read();
  const resume = doc.releases.find((r) => r.run_id === d.runId && r.ledger?.[d.runId]);
  const head = await git.head();
  const branch = await git.branch();
  if (branch !== void 0 && branch !== cfg.releaseBranch) {
    throw new StageError(`the checkout is on branch ${branch}, not on release_branch ${cfg.releaseBranch}`);
  }
  if (branch === void 0 && d.env.GITHUB_REF && d.env.GITHUB_REF !== `refs/heads/${cfg.releaseBranch}`) {
    throw new StageError(`this run is for ${d.env.GITHUB_REF}, not for release_branch ${cfg.releaseBranch}`);
  }
  let resumeTagCommit;
  if (resume) {
    const tag = resume.tag ?? `${cfg.tagPrefix}${resume.version}`;
    resumeTagCommit = remoteTag(tag);
    if (resumeTagCommit && resume.commit && resumeTagCommit !== resume.commit) {
      throw new StageError(
        `tag ${tag} on ${remote} points to ${resumeTagCommit.slice(0, 12)}, not to the release commit ${String(resume.commit).slice(0, 12)} this run made; nothing was changed`
      );
    }
    d.log.info(`resuming release ${resume.version} of run ${d.runId} (attempt ${d.runAttempt})`);
  }
  if (!resumeTagCommit && head !== remoteTip) {
    const known = await git.resolve(remoteTip);
    if (!known || await git.isAncestor(head, remoteTip)) {
      throw new StageError(
        `${cfg.releaseBranch} on ${remote} has moved past this checkout (${head.slice(0, 12)} → ${remoteTip.slice(0, 12)}): another release or commit landed after this run started. Nothing was done; start a new release from the new tip.`
      );
    }
    throw new StageError(
      `the checkout (${head.slice(0, 12)}) is not level with ${remote}/${cfg.releaseBranch} (${remoteTip.slice(0, 12)}); release from the remote's tip`
    );
  }
  const repoInfo = await checkGitHubPermissions(d);
  const attesting = await preflightAttest(cfg, d, repoInfo.private);
  const publicNpm = cfg.registries.includes("npm") ? await publicNpmPackages(d.workspace, cfg.versioning) : [];
  const npmAuth = await preflightNpm(cfg, d, publicNpm);
  const docker2 = await preflightDocker(cfg, d);
  const registryLatest = await readRegistryLatest(d, publicNpm, npmAuth, docker2);
  const { defaultBranch } = repoInfo;
  return {
    remoteTag,
    doc,
    resume,
    resumeTagCommit,
    head,
    npmAuth,
    docker: docker2,
    defaultBranch,
    registryLatest,
    attesting
  };
}
async function preflightAttest(cfg, d, privateRepo) {
  const idToken = idTokenAvailable(d.env);
  if (cfg.attest === "true" && !idToken) {
    throw new StageError(
      "attest: true needs the job's OIDC token, and this job has none (no ACTIONS_ID_TOKEN_REQUEST_URL): add `permissions: id-token: write` (and `attestations: write`) to the release job, or set attest: false"
    );
  }
  if (cfg.attest === "false" || !idToken) return false;
  const { fulcioUrl, rekorUrl, tsaUrl } = cfg.sigstore;
  if (privateRepo && rekorUrl === SIGSTORE.public.rekor) {
    const how = `sign with GitHub's instance (fulcio_url: ${SIGSTORE.github.fulcio}, rekor_url: none, tsa_url: ${SIGSTORE.github.tsa}, trusted_root: its trusted_root.json) or set attest: false`;
    if (cfg.attest === "true") {
      throw new StageError(
        `rekor_url is the public Sigstore log (${SIGSTORE.public.rekor}) and ${d.owner}/${d.repo} is private: its artifacts' names and digests would be published there; ${how}`
      );
    }
    d.log.info(
      `attest (auto): not signing: ${d.owner}/${d.repo} is private and rekor_url is the public log; to sign, ${how}`
    );
    return false;
  }
  const services = [
    ["Fulcio (fulcio_url)", `${fulcioUrl}/api/v2/configuration`],
    ["Rekor (rekor_url)", rekorUrl && `${rekorUrl}/api/v1/log`],
    ["the timestamp authority (tsa_url)", tsaUrl]
  ];
  for (const [what, url2] of services) {
    if (url2) await reachable(d, what, url2);
  }
  return true;
}
async function reachable(d, what, url2) {
  let last = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await d.fetch(url2, { method: "GET", signal: AbortSignal.timeout(1e4) }).then((r) => r.body?.cancel());
      return;
    } catch (e) {
      const cause = e.cause;
      last = cause ? `${errorMessage(e)}: ${errorMessage(cause)}` : errorMessage(e);
      if (attempt < 3) await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
  throw new StageError(
    `Sigstore ${what} ${url2} is not reachable after 3 tries (${last}); nothing was signed, tagged or published. Retry when it is up, or set attest: false`
  );
}
async function checkGitHubPermissions(d) {
  let perms;
  let isPrivate = false;
  let defaultBranch;
  try {
    const r = await d.gh.rest.rest.repos.get({ owner: d.owner, repo: d.repo });
    perms = r.data.permissions;
    isPrivate = r.data.private === true;
    defaultBranch = r.data.default_branch;
  } catch (e) {
    const status = e.status;
    if (status === 401) throw new StageError("the GitHub token was refused (HTTP 401): check the token input");
    if (status === 404) throw new StageError(`repository ${d.owner}/${d.repo} is not visible to the token (HTTP 404)`);
    throw new StageError(`GitHub API is not reachable: ${errorMessage(e)}`);
  }
  if (perms && perms.push === false) {
    throw new StageError(
      "the GitHub token cannot write contents (permissions: contents: write is needed to push the tag and create the release)"
    );
  }
  if (d.cfg.provenance === "true" && !idTokenAvailable(d.env)) {
    throw new StageError(
      "provenance: true needs the id-token: write permission (no ACTIONS_ID_TOKEN_REQUEST_URL in this job)"
    );
  }
  return { private: isPrivate, defaultBranch };
}
async function readRegistryLatest(d, npm2, npmAuth, docker2) {
  return readLatest({
    fetch: d.fetch,
    npm: { registryUrl: d.cfg.npmRegistryUrl, names: npm2, token: npmAuth.token },
    ...docker2 ? { images: { client: docker2.registry, names: d.cfg.dockerImages } } : {}
  });
}
async function preflightNpm(cfg, d, publicNpm) {
  if (!cfg.registries.includes("npm")) return { kind: "none", provenance: false };
  if (!publicNpm.length)
    throw new StageError(
      'publish_registries has npm but there is no public package (package.json without "private": true)'
    );
  const idToken = idTokenAvailable(d.env);
  const provenance = cfg.provenance === "true" || cfg.provenance === "auto" && idToken && isNpmjs(cfg.npmRegistryUrl);
  const token = d.env.NODE_AUTH_TOKEN?.trim();
  if (token) {
    const who = await npmWhoami(d.fetch, cfg.npmRegistryUrl, token);
    d.log.info(`npm registry ${redactUrl(cfg.npmRegistryUrl)}: authenticated as ${who}`);
    return { token, kind: "token", provenance };
  }
  if (idToken) {
    d.log.info("npm: no NODE_AUTH_TOKEN; trusted publishing (OIDC) will be used");
    return { kind: "oidc", provenance };
  }
  throw new StageError(
    "npm: no NODE_AUTH_TOKEN and no id-token: write permission for trusted publishing; nothing can be published"
  );
}
async function preflightDocker(cfg, d) {
  if (!cfg.registries.includes("docker")) return void 0;
  if (!cfg.dockerImages.length) throw new StageError("publish_registries has docker but docker_images is empty");
  const context = confinePath(d.workspace, cfg.dockerContext, { input: "docker_context", kind: "dir" });
  const dockerfile = cfg.dockerfile ? confinePath(d.workspace, cfg.dockerfile, { input: "dockerfile" }) : defaultDockerfile(d.workspace, cfg.dockerContext);
  const v = await d.exec("docker", ["version", "--format", "{{.Server.Version}}"], { env: d.env }).catch((e) => ({
    code: 1,
    stdout: "",
    stderr: errorMessage(e)
  }));
  if (v.code !== 0)
    throw new StageError(`the docker engine is not available: ${v.stderr.trim().split("\n").at(-1) ?? ""}`);
  const registry = new RegistryClient(
    d.fetch,
    cfg.registryCredentials ?? dockerConfigCredentials(d.env, cfg.dockerImages)
  );
  for (const img of cfg.dockerImages) await registry.ping(img);
  return { registry, context, dockerfile };
}
function defaultDockerfile(workspace, context) {
  const path = `${context.replace(/\/+$/, "")}/Dockerfile`;
  try {
    return confinePath(workspace, path, { input: "dockerfile", what: `The default dockerfile (${path})` });
  } catch (e) {
    if (/does not exist$/.test(errorMessage(e))) return void 0;
    throw e;
  }
}

// actions/release/src/steps/publish-release.ts
async function publishRelease2(s, d) {
  const { plan } = s;
  const repo = { owner: d.owner, repo: d.repo };
  return d.ledger.step("github-release-publish", async () => {
    const res = await publishRelease(d.gh, repo, s.release, { prerelease: plan.prerelease, makeLatest: plan.makeLatest });
    const release2 = res.release;
    return {
      state: res.changed ? "done" : "already-done",
      detail: release2.url,
      release: release2,
      extra: (rec) => void (rec.release_url = release2.url)
    };
  });
}
async function markUnverified(unverified, d) {
  await d.ledger.mark("verify", "unverified", `${unverified} package(s) published, not yet visible`, (rec) => {
    rec.status = "published-unverified";
  });
}

// actions/release/src/steps/pull-request.ts
import { existsSync as existsSync9, readFileSync as readFileSync14 } from "node:fs";
import { join as join16 } from "node:path";
var VERSION_TRAILER = "Release-Actions-Version";
var githubModule = () => import("./chunks/github-GSG525HA.js");
async function releasePrPhase(s, d) {
  if (d.cfg.releaseMode !== "pull-request") return {};
  const gh = await githubModule();
  const repo = { owner: d.owner, repo: d.repo };
  const merged = await d.ledger.within(
    "version",
    () => gh.mergedReleasePr(d.gh, repo, { commit: s.head, base: d.cfg.releaseBranch })
  );
  if (!merged) {
    await noUnreleasedMerge(s, d);
    d.log.info(
      `${s.head.slice(0, 12)} is not the merge of a release pull request: the release pull request is opened or updated`
    );
    return {};
  }
  const rel = await d.ledger.within("version", async () => {
    const ws = d.cfg.versioning === "independent" ? await discoverWorkspace(d.workspace) : void 0;
    const r = await prRelease(d, merged, ws);
    if (r.packages && ws) manifestsAgree(d, merged, r.packages, ws);
    return r;
  });
  if (merged.labels.includes(gh.RELEASE_PR_TAGGED) && !s.resume && rel.tags.every((t) => s.remoteTag(t) === s.head)) {
    throw new NothingToReleaseSignal({
      status: "nothing-to-release",
      reason: `release pull request #${merged.number} was released already (${rel.tags.join(", ")} at ${s.head.slice(0, 12)})`,
      previousVersion: rel.version,
      previousTag: rel.tags[0],
      commits: 0
    });
  }
  if (d.cfg.version && d.cfg.version.replace(/^v/, "") !== rel.version) {
    d.log.warning(
      `version ${d.cfg.version} was given, but the merged release pull request #${merged.number} releases ${rel.version}: ${rel.version} is released`
    );
  }
  d.log.info(
    `${s.head.slice(0, 12)} merges release pull request #${merged.number}: releasing ${rel.packages ? escapeLogText(rel.tags.join(", ")) : rel.version}`
  );
  return {
    releasePr: merged,
    releaseVersion: rel.version,
    ...rel.packages ? { releasePackages: rel.packages } : {}
  };
}
async function prRelease(d, p, ws) {
  const head = await d.gh.rest.rest.git.getCommit({ owner: d.owner, repo: d.repo, commit_sha: p.headSha });
  const message = head.data.message;
  const refused = (why) => new StageError(
    `pull request #${p.number} (${p.url}) is a merged release pull request, but its commit ${p.headSha.slice(0, 12)} ${why}; nothing was released`
  );
  const independent = d.cfg.versioning === "independent";
  if (independent !== hasPackageTrailers(message)) {
    throw refused(
      independent ? `records no package ("${PACKAGE_TRAILER}:" trailers), as a release of versioning: independent does: it was made with versioning: fixed (or not by release-actions). Release it with the versioning it was made with` : `records packages ("${PACKAGE_TRAILER}:" trailers): it was made with versioning: independent. Release it with versioning: independent`
    );
  }
  if (independent) {
    const names = (ws ?? await discoverWorkspace(d.workspace)).packages.map((x) => x.name);
    const r = readPackageTrailers(message, { packages: names, tagFormat: d.cfg.tagFormat });
    if (r.problems.length) throw refused(`has trailers that cannot be released: ${r.problems.join("; ")}`);
    const lead = r.packages[0];
    return { version: lead.version, tags: r.packages.map((x) => x.tag), packages: r.packages };
  }
  const m = new RegExp(`^${VERSION_TRAILER}:\\s*(\\S+)\\s*$`, "m").exec(message);
  if (!m?.[1]) throw refused(`has no "${VERSION_TRAILER}:" trailer: it was not made by release-actions`);
  return { version: m[1], tags: [`${d.cfg.tagPrefix}${m[1]}`] };
}
function manifestsAgree(d, p, packages, ws) {
  const off = packages.flatMap((r) => {
    const w = ws.packages.find((x) => x.name === r.name);
    return w && w.version !== r.version ? [`${w.dir}/package.json says ${escapeLogText(String(w.version ?? "(no version)"))}, the PR ${r.version}`] : [];
  });
  if (off.length) {
    throw new StageError(
      `the merge of release pull request #${p.number} (${p.url}) does not carry the versions its commit records: ${off.join("; ")}. Nothing was released; make a new release pull request (close #${p.number}, push to ${d.cfg.releaseBranch})`
    );
  }
}
async function noUnreleasedMerge(s, d) {
  const gh = await githubModule();
  const stale = await gh.mergedPendingReleasePr(d.gh, { owner: d.owner, repo: d.repo }, d.cfg.releaseBranch);
  if (!stale?.mergeCommit) return;
  const rel = await prRelease(d, stale);
  const missing = rel.tags.filter((t) => !s.remoteTag(t));
  if (!missing.length) return;
  const what = rel.packages ? escapeLogText(rel.tags.join(", ")) : rel.version;
  const way = rel.packages ? `Release from the tip with release_mode: tag-only (versioning: independent plans from the tags: these packages' commits are still unreleased, so it releases them, at the versions the tip's commits call for)` : `Release it from the tip with release_mode: tag-only and version: ${rel.version} (the tip carries its bumped manifests)`;
  throw new StageError(
    `release pull request #${stale.number} (${stale.url}) was merged as ${stale.mergeCommit.slice(0, 12)} but ${what} was never released (no tag ${escapeLogText(missing.join(", "))}; the label is still "${gh.RELEASE_PR_PENDING}"), and ${d.cfg.releaseBranch} has moved on to ${s.head.slice(0, 12)}. Nothing was changed. ${way}; then label #${stale.number} "${gh.RELEASE_PR_TAGGED}"`
  );
}
function changelogChange2(workspace, plan, date) {
  const path = "CHANGELOG.md";
  const file = join16(workspace, path);
  const before = existsSync9(file) ? readFileSync14(file) : void 0;
  const decoded = before ? decodeText(before) : { text: DEFAULT_PREAMBLE, encoding: "utf8", bom: false, eol: "\n" };
  const notes = plan.notesBody.trim();
  const linkRe = /\n\n\[([^\]\n]+)\]:\s*(\S+)\s*$/;
  const link = linkRe.exec(notes);
  let section = link ? notes.slice(0, link.index) : notes;
  if (!/^#{1,2} /.test(section)) section = `## ${plan.version} - ${date}

${section || "_No notable changes._"}`;
  const text2 = upsertSection(decoded.text, {
    version: plan.version,
    section,
    ...link ? { link: { label: link[1], url: link[2] } } : {},
    newTag: plan.tag
  });
  if (decoded.encoding !== "utf8") {
    throw new StageError(
      `${path} is UTF-16: release_mode pull-request commits text as UTF-8 only; convert ${path} to UTF-8 (nothing was changed)`
    );
  }
  return {
    path,
    before: before ? before.toString("utf8") : "",
    after: encodeText({ ...decoded, text: text2 }).toString("utf8"),
    edits: [before ? `section ${plan.version}` : `created, section ${plan.version}`]
  };
}
function packagesTable(packages) {
  return [
    "| package | version | tag |",
    "| --- | --- | --- |",
    ...packages.map(
      (p) => `| ${cell(p.name)}${p.private ? " (private)" : ""} | ${cell(p.previousVersion ?? "(none)")} → ${cell(p.version)} (${cell(p.bump)}) | ${cell(p.tag)} |`
    )
  ];
}
function whatMergeReleases(plan, branch) {
  const tags = plan.packages ? `${plan.packages.length} package${plan.packages.length === 1 ? "" : "s"}` : `**${plan.tag}**`;
  const tagged = plan.packages ? "the merge commit gets each package's tag" : "the merge commit is tagged";
  const pkgs = plan.npm.map((p) => `\`${p.name}\``).join(", ");
  return `:robot: Merging this pull request releases ${tags} from \`${branch}\`: ${tagged}, the GitHub Release${plan.packages ? "s" : ""} made${pkgs ? `, ${pkgs} published to npm` : ""}${plan.docker.length ? `, ${plan.docker.map((x) => `\`${x.image}\``).join(", ")} pushed` : ""}. New commits on \`${branch}\` update it.`;
}
function releasePrBody(plan, files, branch) {
  const rows = files.map((f) => `| ${cell(`\`${f.path.replace(/`/g, "'")}\``)} | ${cell(f.edits.join("; "))} |`);
  const summary2 = plan.packages ? packagesTable(plan.packages) : [
    `| | |`,
    `| --- | --- |`,
    `| version | ${plan.previousVersion ?? "(none)"} → ${plan.version} (${plan.bump}) |`,
    `| tag | \`${plan.tag}\` |`,
    `| prerelease | ${plan.prerelease ? "yes" : "no"} |`
  ];
  return [
    whatMergeReleases(plan, branch),
    "",
    ...plan.packages ? [...summary2, ""] : [],
    "---",
    "",
    plan.notesBody.trim(),
    "",
    "---",
    "",
    "<details><summary>The plan</summary>",
    "",
    ...plan.packages ? [] : [...summary2, ""],
    "| file | change |",
    "| --- | --- |",
    ...rows,
    "",
    "</details>",
    "",
    `<!-- release-actions: release pull request of ${branch}; do not edit the head branch, release-actions force-updates it -->`
  ].join("\n");
}
function releasePrTitle(plan, branch) {
  const on = branch === "main" || branch === "master" ? "" : ` on ${branch}`;
  if (!plan.packages) return `${plan.commitMessage}${on}`;
  const tags = plan.packages.map((p) => p.tag).join(", ");
  return `chore(release): ${tags.length <= 180 ? tags : `publish ${plan.packages.length} packages`}${on}`;
}
function releasePrMessage(plan) {
  return plan.packages ? `${plan.commitMessage}

${packageTrailers(plan.packages)}
` : `${plan.commitMessage}

${VERSION_TRAILER}: ${plan.version}
`;
}
async function openReleasePr(s, d) {
  const { plan, head } = s;
  const { cfg } = d;
  const gh = await githubModule();
  const repo = { owner: d.owner, repo: d.repo };
  const branch = gh.releasePrBranch(cfg.releaseBranch);
  const date = (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const files = plan.packages ? plan.files : [...plan.files.filter((f) => f.path !== "CHANGELOG.md"), changelogChange2(d.workspace, plan, date)];
  const message = releasePrMessage(plan);
  const baseTree = await d.git.out(["rev-parse", `${head}^{tree}`]);
  const made = await d.ledger.step(
    "release-pr-commit",
    async () => {
      const r = await gh.commitToBranch(d.gh, repo, {
        branch,
        parent: head,
        baseTree,
        files: files.map((f) => ({ path: f.path, content: f.after })),
        message
      });
      const detail = `${branch} at ${r.commit.slice(0, 12)} (${r.change}${r.verified ? ", signed by GitHub" : ""}; ${files.length} files)`;
      return {
        state: r.change === "unchanged" ? "already-done" : "done",
        detail,
        commit: r.commit,
        verified: r.verified
      };
    }
  );
  const title = releasePrTitle(plan, cfg.releaseBranch);
  const body = releasePrBody(plan, files, cfg.releaseBranch);
  const opened = await d.ledger.step(
    "release-pr",
    async () => {
      const r = await gh.upsertReleasePr(d.gh, repo, { base: cfg.releaseBranch, title, body });
      const labelled = await gh.relabel(d.gh, repo, r.pr, gh.RELEASE_PR_PENDING);
      const change = r.change === "unchanged" && (labelled || made.state === "done") ? "updated" : r.change;
      return {
        state: change === "unchanged" ? "already-done" : "done",
        detail: `#${r.pr.number} ${change}: ${r.pr.url}`,
        pr: r.pr,
        change
      };
    }
  );
  return {
    pullRequest: {
      number: opened.pr.number,
      url: opened.pr.url,
      change: opened.change,
      commit: made.commit,
      verified: made.verified
    }
  };
}
async function markReleasePrTagged(s, d) {
  const p = s.releasePr;
  if (!p) return {};
  const gh = await githubModule();
  await d.ledger.step("release-pr-label", async () => {
    const changed = await gh.relabel(d.gh, { owner: d.owner, repo: d.repo }, p, gh.RELEASE_PR_TAGGED, [
      gh.RELEASE_PR_PENDING
    ]);
    return { state: changed ? "done" : "already-done", detail: `#${p.number} ${gh.RELEASE_PR_TAGGED}` };
  });
  return {};
}

// actions/release/src/steps/registries-free.ts
async function registriesFree(s, d) {
  const { cfg } = d;
  const { plan } = s;
  if (s.resumeTagCommit) return {};
  for (const p of plan.npm) {
    const version2 = p.version ?? plan.version;
    const tag = plan.packages?.find((x) => x.name === p.name)?.tag ?? plan.tag;
    const v = await registryVersion(d.fetch, cfg.npmRegistryUrl, p.name, version2, s.npmAuth.token).catch((e) => {
      throw new StageError(
        `npm registry ${redactUrl(cfg.npmRegistryUrl)} cannot be read: ${redactUrls(errorMessage(e))}`
      );
    });
    if (v) {
      throw new StageError(
        `npm: ${p.name}@${version2} is already published (integrity ${short(v.integrity)}) but ${tag} was never released from this repository; nothing was changed`
      );
    }
  }
  const registry = s.docker?.registry;
  if (registry) {
    for (const img of plan.docker) {
      const digest = await registry.digest(img.image, plan.version);
      if (digest) {
        throw new StageError(
          `${img.image}:${plan.version} already exists (${digest}) but ${plan.tag} was never released from this repository; nothing was changed`
        );
      }
    }
  }
  return {};
}

// actions/release/src/steps/sbom.ts
import { mkdirSync as mkdirSync4, writeFileSync as writeFileSync7 } from "node:fs";
import { join as join17, relative as relative4 } from "node:path";
var fileName = (name, version2, kind) => `${name.replace(/^@/, "").replace(/[/:]/g, "-")}-${version2}.${kind}.cdx.json`;
async function sbom(s, d) {
  const { plan } = s;
  const wanted2 = plan.npm.length + (s.docker ? plan.docker.length : 0);
  if (!wanted2) return { sbomFiles: [], sboms: [] };
  const res = await d.ledger.step("sbom", async () => {
    const out = join17(d.runnerTemp, "release-sbom");
    mkdirSync4(out, { recursive: true });
    const sboms = [];
    const lock = findLockfile(d.workspace);
    for (const p of plan.npm) {
      if (!lock) {
        d.log.info(`no package-lock.json in the workspace: no SBOM for ${p.name}`);
        continue;
      }
      const closure = dependencyClosure(lock, p.dir, p.name, plan.version);
      const path = join17(out, fileName(p.name, plan.version, "npm"));
      writeFileSync7(path, await cycloneDxJson(closure, { tool: "release-actions" }));
      d.log.info(`SBOM of ${p.name}@${plan.version}: ${closure.packages.length} runtime dependencies`);
      sboms.push({ subject: `npm:${p.name}`, path });
    }
    if (s.docker) {
      const ctxLock = findLockfile(s.docker.context);
      for (const img of plan.docker) {
        if (!ctxLock) {
          d.log.info(`no package-lock.json in docker_context: no SBOM for ${img.image}`);
          continue;
        }
        const closure = dependencyClosure(ctxLock, "", img.image, plan.version);
        const path = join17(out, fileName(img.image.split("/").slice(1).join("/"), plan.version, "image"));
        writeFileSync7(path, await cycloneDxJson(closure, { tool: "release-actions" }));
        d.log.info(
          `SBOM of ${img.image}:${plan.version} (${relative4(d.workspace, ctxLock)}): ${closure.packages.length} dependencies`
        );
        sboms.push({ subject: `docker:${img.image}`, path });
      }
    }
    const files = sboms.map((x) => x.path);
    const uploaded = await uploadAssets(d.gh, { owner: d.owner, repo: d.repo }, s.release, files, d.log);
    return {
      state: sboms.length && uploaded === 0 ? "already-done" : sboms.length ? "done" : "skipped",
      detail: sboms.length ? `${sboms.length} SBOM(s) on the draft` : "no lockfile",
      sboms
    };
  });
  return { sbomFiles: res.sboms.map((x) => x.path), sboms: res.sboms };
}

// actions/release/src/steps/release-verify.ts
async function releaseVerify(s, d) {
  const files = [...s.assetFiles, ...s.sbomFiles ?? [], ...s.bundleFiles ?? []];
  const repo = { owner: d.owner, repo: d.repo };
  return d.ledger.step("release-verify", async () => {
    if (!s.release.draft) {
      return { state: "already-done", detail: "published before this attempt", releaseAssets: [] };
    }
    if (files.length) d.log.info(`downloading back ${files.length} release asset(s) to compare with the build`);
    const releaseAssets = await verifyReleaseAssets(d.gh, repo, s.release, files);
    return { state: "done", detail: `${releaseAssets.length} asset(s) on the draft, digests match`, releaseAssets };
  });
}

// actions/release/src/steps/status.ts
function packageRecords(plan, releases) {
  return plan.packages?.map((p, i) => {
    const url2 = (releases.length === plan.packages?.length ? releases[i] : releases[0])?.url;
    return {
      name: p.name,
      version: p.version,
      tag: p.tag,
      ...p.previousVersion ? { previous_version: p.previousVersion } : {},
      ...url2 ? { release_url: url2 } : {}
    };
  });
}
async function markReleased(s, d) {
  const { plan, commit, release: release2 } = s;
  const packages = packageRecords(plan, s.releases?.length ? s.releases : [release2]);
  await d.ledger.step("status", async () => ({
    state: "done",
    detail: d.store.describe(),
    extra: (rec) => {
      rec.status = "released";
      rec.released_at ??= (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString();
      rec.type = releaseKind(plan.previousVersion, plan.version, plan.backport);
      rec.tag = plan.tag;
      rec.commit = commit;
      rec.previous_version = plan.previousVersion;
      rec.release_url = release2.url;
      if (packages) rec.packages = packages;
      rec.quality_gates ??= {};
      delete rec.error;
      delete rec.refused;
    }
  }));
  return {};
}

// actions/release/src/steps/tag-only.ts
async function tagOnly(s, d) {
  const { plan, head } = s;
  const { git, remote } = d;
  const files = plan.files.length || plan.packages ? plan.files : planManifestBump(d.workspace, plan.version, { versionFiles: d.cfg.versionFiles });
  applyChanges(d.workspace, files);
  const tags = releaseTags2(plan);
  for (const tag of tags) {
    const at = s.remoteTag(tag);
    if (at && at !== head) {
      throw new StageError(
        `tag ${tag} on ${remote} points to ${at.slice(0, 12)}, not to the tested commit ${head.slice(0, 12)}; nothing was changed (delete the tag or release from that commit)`
      );
    }
  }
  const there = s.resumeTagCommit ?? (tags.every((t) => s.remoteTag(t)) ? head : void 0);
  if (there && there !== head) {
    throw new StageError(
      `tag ${plan.tag} on ${remote} points to ${there.slice(0, 12)}, not to the tested commit ${head.slice(0, 12)}; nothing was changed (delete the tag or release from that commit)`
    );
  }
  const detail = `${tags.join(", ")} at ${head.slice(0, 12)} (no commit on ${d.cfg.releaseBranch})`;
  await d.ledger.step("tag", async () => {
    if (there) return { state: "already-done", detail };
    for (const tag of tags) await git.tagAnnotated(tag, head, { message: plan.commitMessage });
    return {
      state: "done",
      detail,
      extra: (rec) => {
        rec.commit = head;
      }
    };
  });
  await d.ledger.step("push", async () => {
    if (there) return { state: "already-done", detail };
    const p = await git.push(
      remote,
      tags.map((t) => `refs/tags/${t}:refs/tags/${t}`),
      { atomic: true }
    );
    if (!p.ok) {
      for (const t of tags) await git.deleteTag(t);
      const said = (p.remoteLines.length ? p.remoteLines : p.message.split("\n").slice(-3)).join(" / ");
      throw new StageError(
        `the tag push failed (${remote} said: ${said}); no tag, GitHub Release or package was made.${p.declined ? " A tag ruleset or hook refused it: let this token create release tags (docs/protected-branches.md)." : ""}`
      );
    }
    return {
      state: "done",
      detail,
      extra: (rec) => {
        rec.status = "releasing";
      }
    };
  });
  return { commit: head };
}

// actions/release/src/steps/test-build.ts
async function testBuild(s, d) {
  const { plan } = s;
  await runCommand(d, "tests", plan.testCommand);
  if (plan.buildCommand === NO_BUILD) d.ledger.report("build", "skipped", "no build script and no build_command");
  else await runCommand(d, "build", plan.buildCommand);
  const assets = d.cfg.assets;
  const assetFiles = await d.ledger.within(
    "assets",
    async () => assets.length ? expandAssetGlobs(d.workspace, assets) : []
  );
  return { assetFiles };
}
async function runCommand(d, step, command) {
  if (!command) {
    throw new StageError(
      `no ${step === "tests" ? 'test_command and no "test" script in package.json' : "build command"}: tests are never skipped; set test_command`
    );
  }
  d.ledger.current = step;
  const res = await d.log.group(`${step}: ${command}`, async () => {
    const env = { ...d.env };
    delete env.NODE_AUTH_TOKEN;
    delete env.INPUT_TOKEN;
    delete env.INPUT_REGISTRY_PASSWORD;
    for (const k of Object.keys(env)) if (k.startsWith("INPUT_")) delete env[k];
    return d.exec("bash", ["-eo", "pipefail", "-c", command], {
      cwd: d.workspace,
      env,
      onOutput: (c) => {
        for (const line of c.replace(/\n$/, "").split("\n")) d.log.info(line);
      }
    });
  });
  if (res.code !== 0)
    throw new StageError(`${step} failed (${command}, exit ${res.code}); nothing was bumped, tagged or published`);
  d.ledger.report(step, "done", command);
  d.ledger.current = void 0;
  d.ledger.fault(step);
}

// actions/release/src/release.ts
var Steps = class _Steps {
  constructor(go) {
    this.go = go;
  }
  go;
  static start() {
    return new _Steps(async (i) => i);
  }
  then(name, step) {
    return new _Steps(async (i, d) => {
      const s = await this.go(i, d);
      d.log.debug(`release step: ${name}`);
      return { ...s, ...await step(s, d) };
    });
  }
  run(input, d) {
    return this.go(input, d);
  }
};
var PLAN = Steps.start().then("preflight", preflight).then("release-pr-phase", releasePrPhase).then("version", (s, d) => d.cfg.versioning === "independent" ? packagesVersion(s, d) : version(s, d));
var LANDING = {
  direct: { check: notRefusedBefore, land: commitTagPush },
  "tag-only": { check: async () => ({}), land: tagOnly },
  // The merge of the release PR: its commit carries the bumped manifests; the tag goes on it, as tag-only does.
  "pull-request": { check: async () => ({}), land: tagOnly }
};
var OPEN_PR = Steps.start().then("registries-free", registriesFree).then("release-pr", openReleasePr);
var PUBLISH = Steps.start().then("landing-check", (s, d) => LANDING[d.cfg.releaseMode].check(s, d)).then("registries-free", registriesFree).then("test-build", testBuild).then("claim", claim).then("land", (s, d) => LANDING[d.cfg.releaseMode].land(s, d)).then(
  "github-release",
  async (s, d) => s.plan.packages ? packageReleases(s, d) : { ...await githubRelease(s, d), releases: [] }
).then("sbom", sbom).then("npm", npm).then("docker", docker).then("attest", attest).then("attest-upload", attestUpload).then("attest-verify", attestVerify);
var FINISH = Steps.start().then("release-verify", releaseVerify).then("publish-release", (s, d) => s.plan.packages ? publishPackageReleases(s, d) : publishRelease2(s, d)).then("major-tag", moveMajorTag).then("status", markReleased).then("release-pr-label", markReleasePrTagged).then("announce", announce2);
async function runRelease(cfg, deps) {
  const ledger = new Ledger(deps);
  const d = { ...deps, cfg, ledger, remote: deps.remote ?? "origin" };
  const { steps } = ledger;
  const statusLocation = deps.store.describe();
  let plan;
  try {
    const planned = await PLAN.run({}, d);
    plan = planned.plan;
    if (cfg.dryRun) {
      if (cfg.releaseMode === "pull-request") {
        const what = escapeLogText(releaseTags2(plan).join(", "));
        d.log.info(
          planned.releasePr ? `dry run: this commit merges release pull request #${planned.releasePr.number}: a real run releases ${what} from it` : `dry run: a real run opens or updates the release pull request release-actions/${cfg.releaseBranch} → ${cfg.releaseBranch} for ${what} (the files below and ${plan.packages ? "each package's " : ""}CHANGELOG.md) and releases nothing`
        );
      }
      return { status: "dry-run", plan, steps, published: [], statusLocation };
    }
    if (cfg.releaseMode === "pull-request" && !planned.releasePr) {
      const { pullRequest } = await OPEN_PR.run(planned, d);
      return { status: "pull-request", plan, steps, published: [], statusLocation, pullRequest };
    }
    const out = await PUBLISH.run(planned, d);
    const published = [...out.npmPublished, ...out.dockerPublished];
    if (out.unverified) {
      await markUnverified(out.unverified, d);
      return { status: "unverified", plan, steps, release: out.release, published, statusLocation };
    }
    const done = await FINISH.run({ ...out, published }, d);
    const attested = out.attestations ? { signer: out.attestations.identity.san, artifacts: out.verifiedArtifacts } : void 0;
    return { status: "released", plan, steps, release: done.release, published, statusLocation, attested };
  } catch (e) {
    if (e instanceof NothingToReleaseSignal) {
      ledger.report("version", "skipped", e.outcome.reason);
      return { ...e.outcome, steps };
    }
    const message = redactUrls(errorMessage(e));
    if (ledger.current) ledger.report(ledger.current, "failed", message.slice(0, 300));
    await ledger.persistFailure(message, cfg.dryRun, e instanceof PushRefused ? { refused: e.refused } : {}).catch((e2) => deps.log.warning(`could not record the failure: ${redactUrls(errorMessage(e2))}`));
    throw new ReleaseFailure(message, steps, plan);
  }
}

// actions/release/src/report.ts
function renderPlan(plan) {
  const lines = [];
  if (plan.packages) {
    lines.push(`packages (publish order): ${plan.packages.length}`);
    for (const p of plan.packages)
      lines.push(
        `  ${p.name}: ${p.previousTag ?? "(no previous release)"} → ${p.tag} (${p.bump}${p.private ? ", private: not published" : ""}; ${p.reasons.join("; ")})`
      );
    lines.push(`tags: annotated, pushed atomically (with the release commit in release_mode direct)`);
  } else {
    lines.push(`version: ${plan.previousVersion ?? "(no previous release)"} → ${plan.version} (${plan.bump})`);
    lines.push(`tag: ${plan.tag} (annotated), commit "${plan.commitMessage}", pushed atomically with the branch`);
  }
  lines.push(
    `release: ${plan.prerelease ? "prerelease" : plan.backport ? "backport (make_latest: false)" : "stable (latest)"}`
  );
  lines.push(`tests: ${plan.testCommand || "(none)"}`);
  lines.push(`build: ${plan.buildCommand}`);
  if (plan.files.length) {
    lines.push("files changed:");
    for (const f of plan.files) {
      lines.push(`  ${f.path}`);
      for (const e of f.edits) lines.push(`    ${e}`);
    }
  } else lines.push("files changed: (none)");
  for (const p of plan.npm) {
    lines.push(
      `npm: ${p.name}@${p.version ?? plan.version} --tag ${p.distTag}${p.provenance ? " --provenance" : ""} (auth: ${p.auth})`
    );
  }
  for (const name of plan.npmSkipped) lines.push(`npm: ${name} skipped (private)`);
  for (const d of plan.docker) lines.push(`docker: ${d.image} tags ${d.tags.join(", ")}`);
  if (plan.majorTag) lines.push(`moving tag: ${plan.majorTag} → the release commit`);
  return lines.join("\n");
}
var STATE_LABEL = {
  done: "✅ done",
  "already-done": "☑️ already done",
  failed: "❌ failed",
  skipped: "⏭️ skipped",
  unverified: "⏳ published, not yet visible",
  running: "… running",
  pending: "pending"
};
function writeSummary(s, o) {
  const n = o.plan?.packages?.length;
  const title = o.plan ? `Release ${n ? `of ${n} package${n === 1 ? "" : "s"}` : o.plan.tag}` : "Release";
  s.heading(`${title}: ${o.status}`);
  if (o.error) s.paragraph(`**Stopped:** ${o.error}`);
  if (o.pullRequest) {
    s.paragraph(
      `Release pull request [#${o.pullRequest.number}](${o.pullRequest.url}) ${o.pullRequest.change}${o.pullRequest.verified ? " (its commit signed by GitHub)" : ""}. Nothing was tagged, published or deployed in this run: merging the pull request releases.`
    );
  }
  if (o.plan?.packages) {
    s.table(
      ["package", "previous", "released", "bump", "why"],
      o.plan.packages.map((p) => [
        `${p.name}${p.private ? " (private)" : ""}`,
        p.previousTag ?? "—",
        `\`${p.tag}\``,
        p.bump,
        p.reasons.join("; ")
      ])
    );
    if (o.releaseUrl) s.paragraph(`GitHub Release: [${o.plan.tag}](${o.releaseUrl})`);
    if (o.published.length)
      s.table(
        ["registry", "package", "version", "integrity", "tags"],
        o.published.map((p) => [
          p.registry,
          p.name,
          `[${p.version}](${p.url})`,
          `\`${p.digest_or_integrity.slice(0, 30)}\``,
          (p.tags ?? []).join(", ")
        ])
      );
    if (o.statusLocation) s.paragraph(`Status record: ${o.statusLocation}`);
  } else if (o.plan) {
    const rows = [
      ["version", `${o.plan.previousVersion ?? "(none)"} → **${o.plan.version}**`],
      ["tag", `\`${o.plan.tag}\``]
    ];
    if (o.releaseUrl) rows.push(["GitHub Release", `[${o.plan.tag}](${o.releaseUrl})`]);
    for (const p of o.published) {
      rows.push([
        `${p.registry}: ${p.name}`,
        `[${p.version}](${p.url}) \`${p.digest_or_integrity.slice(0, 30)}\` ${(p.tags ?? []).join(", ")}`
      ]);
    }
    if (o.statusLocation) rows.push(["status record", o.statusLocation]);
    s.table(["", ""], rows);
  }
  if (o.attested?.artifacts.length) writeAttested(s, o.attested, o.repository ?? "");
  if (o.steps.length) {
    s.heading(`Steps (attempt ${o.runAttempt})`, 3);
    s.table(
      ["step", "state", "detail"],
      o.steps.map((st) => [st.step, STATE_LABEL[st.state] ?? st.state, st.detail ?? ""])
    );
  }
  if (o.plan && o.status === "dry-run") s.heading("Plan", 3).code(renderPlan(o.plan));
}
function writeNothingSummary(s, o) {
  s.heading("Release: nothing to release");
  s.paragraph(`Nothing to release: ${o.reason}. Nothing was bumped, tagged or published.`);
  s.table(
    ["", ""],
    [
      ["last release", o.previousTag ? `\`${o.previousTag}\`` : "(none)"],
      ["commits since", String(o.commits)]
    ]
  );
}
function verifyCommands(label, repository, signer) {
  const workflow = signer.replace(/^https?:\/\/[^/]+\//, "").replace(/@.*$/, "");
  if (label.startsWith("npm:")) {
    return [`npx release-actions verify --subject ${label} --repository ${repository} --workflow ${workflow}`];
  }
  const gh = label.includes("@sha256:") ? `oci://${label}` : label;
  const ours = label.includes("@sha256:") ? label : `./${label}`;
  return [
    `gh attestation verify ${gh} --repo ${repository} --signer-workflow ${workflow}`,
    `npx release-actions verify --subject ${ours} --repository ${repository} --workflow ${workflow}`
  ];
}
function writeAttested(s, a, repository) {
  s.heading("Attestations (verified before publishing)", 3);
  s.paragraph(`Signed by \`${a.signer}\` (issuer https://token.actions.githubusercontent.com).`);
  s.table(
    ["artifact", "digest", "verify"],
    a.artifacts.map((x) => [
      `\`${x.label.replace(/@sha256:.*/, "")}\``,
      `\`${x.digest}\``,
      verifyCommands(x.label, repository, a.signer).map((c) => `\`${c}\``).join("\n")
    ])
  );
}

// actions/release/src/main.ts
function faultHook(env) {
  const spec = env.RELEASE_ACTIONS_FAULT;
  const m = spec ? /^exit-after:(.+)$/.exec(spec.trim()) : null;
  if (!m) return void 0;
  const target = m[1];
  return (step) => {
    if (step === target) process.kill(process.pid, "SIGKILL");
  };
}
function readNotes(inputs, workspace, runnerTemp) {
  if (inputs.notes.trim()) return inputs.notes;
  if (!inputs.notes_file) return "";
  const extraRoots = isAbsolute2(inputs.notes_file) ? [{ path: runnerTemp, name: "RUNNER_TEMP" }] : [];
  return readFileSync15(confinePath(workspace, inputs.notes_file, { input: "notes_file", extraRoots }), "utf8");
}
async function release(inputs, ctx) {
  const { runner, env, log } = ctx;
  const workspace = runner.workspace;
  if (inputs.registry_password) ctx.mask(inputs.registry_password);
  if (inputs.announce_webhook_url) ctx.mask(inputs.announce_webhook_url);
  if (env.NODE_AUTH_TOKEN) ctx.mask(env.NODE_AUTH_TOKEN);
  const registryPassword = inputs.npm_registry_url ? new URL(inputs.npm_registry_url).password : "";
  if (registryPassword) ctx.mask(decodeURIComponent(registryPassword));
  const cfg = {
    versionBump: inputs.version_bump,
    releaseMode: inputs.release_mode,
    releaseBranch: inputs.release_branch,
    releaseType: inputs.release_type,
    registries: inputs.publish_registries,
    version: inputs.version,
    tagPrefix: inputs.tag_prefix,
    prereleaseId: inputs.prerelease_id,
    ...inputs.initial_version ? { initialVersion: inputs.initial_version } : {},
    notes: readNotes(inputs, workspace, runner.runnerTemp),
    testCommand: inputs.test_command,
    buildCommand: inputs.build_command,
    npmRegistryUrl: inputs.npm_registry_url,
    npmDistTag: inputs.npm_dist_tag,
    npmAccess: inputs.npm_access || void 0,
    provenance: inputs.provenance,
    dockerImages: inputs.docker_images,
    dockerContext: inputs.docker_context,
    dockerfile: inputs.dockerfile,
    dockerBuildArgs: inputs.docker_build_args,
    registryCredentials: inputs.registry_username && inputs.registry_password ? { username: inputs.registry_username, password: inputs.registry_password } : void 0,
    updateMajorTag: inputs.update_major_tag,
    versionFiles: inputs.version_files,
    assets: inputs.assets,
    announceWebhookUrl: inputs.announce_webhook_url,
    announceFormat: inputs.announce_format,
    verifyTimeoutMs: inputs.verify_timeout,
    attest: inputs.attest,
    sigstore: {
      fulcioUrl: inputs.fulcio_url.replace(/\/$/, ""),
      rekorUrl: inputs.rekor_url === "none" ? void 0 : inputs.rekor_url.replace(/\/$/, ""),
      tsaUrl: inputs.tsa_url ? inputs.tsa_url.replace(/\/$/, "") : void 0,
      // A file is read from the checkout (links resolved, confined); a URL is fetched.
      trustedRoot: inputs.trusted_root && !/^https?:/.test(inputs.trusted_root) ? confinePath(workspace, inputs.trusted_root, { input: "trusted_root" }) : inputs.trusted_root || void 0
    },
    dryRun: inputs.dry_run,
    versioning: inputs.versioning,
    tagFormat: inputs.tag_format,
    sharedPaths: sharedPathList(inputs.shared_paths),
    groups: groupsOf(inputs),
    githubRelease: inputs.github_release
  };
  const git = new Git(workspace, { log }).withToken(runner.serverUrl, inputs.token);
  const notCheckout = await git.checkoutProblem();
  if (notCheckout) throw new StageError(notCheckout);
  const { createGitHubClient } = await import("./chunks/github-GSG525HA.js");
  const gh = createGitHubClient({
    token: inputs.token,
    apiUrl: runner.apiUrl,
    graphqlUrl: runner.graphqlUrl,
    log,
    retryAfterBaseSeconds: Number(env.RELEASE_ACTIONS_RETRY_BASE_SECONDS ?? 1)
  });
  const store = new GitBranchStatusStore({ git, branch: inputs.status_branch, log });
  let outcome;
  try {
    outcome = await runRelease(cfg, {
      git,
      gh,
      exec: exec2,
      fetch,
      log,
      store,
      env,
      workspace,
      runnerTemp: runner.runnerTemp,
      owner: runner.owner,
      repo: runner.repo,
      serverUrl: runner.serverUrl,
      runId: runner.runId,
      runAttempt: runner.runAttempt,
      runUrl: runner.runUrl,
      fault: faultHook(env),
      mask: ctx.mask
    });
  } catch (e) {
    if (e instanceof ReleaseFailure) {
      writeSummary(ctx.summary, {
        status: "failed",
        plan: e.plan,
        steps: e.steps,
        published: [],
        runAttempt: runner.runAttempt,
        error: e.message
      });
      ctx.setOutput("status", "failed");
      if (e.plan) {
        ctx.setOutput("version", e.plan.version);
        ctx.setOutput("tag", e.plan.tag);
        ctx.setOutput("previous_version", e.plan.previousVersion ?? "");
      }
    }
    throw e;
  }
  if (outcome.status === "nothing-to-release") {
    ctx.notice(`Nothing to release: ${outcome.reason}.`, { title: "release" });
    ctx.setOutput("version", "");
    ctx.setOutput("previous_version", outcome.previousVersion ?? "");
    ctx.setOutput("tag", "");
    ctx.setOutput("release_url", "");
    ctx.setOutput("release_id", "");
    ctx.setOutput("published", []);
    ctx.setOutput("status", outcome.status);
    ctx.setOutput("released", "false");
    writeNothingSummary(ctx.summary, outcome);
    return;
  }
  const { plan } = outcome;
  if (outcome.status === "dry-run") log.info(`dry run: the plan (nothing was changed)
${renderPlan(plan)}`);
  ctx.setOutput("version", plan.version);
  ctx.setOutput("previous_version", plan.previousVersion ?? "");
  ctx.setOutput("tag", plan.tag);
  ctx.setOutput("release_url", outcome.release?.url ?? "");
  ctx.setOutput("release_id", outcome.release ? String(outcome.release.id) : "");
  ctx.setOutput("published", outcome.published);
  ctx.setOutput("status", outcome.status);
  ctx.setOutput("released", outcome.status === "released" ? "true" : "false");
  const pr = outcome.pullRequest;
  ctx.setOutput("pull_request_number", pr ? String(pr.number) : "");
  ctx.setOutput("pull_request_url", pr?.url ?? "");
  ctx.setOutput("pull_request_change", pr?.change ?? "");
  if (pr) {
    ctx.notice(
      `Release pull request #${pr.number} ${pr.change} (${escapeLogText(releaseTags2(plan).join(", "))}): ${pr.url}. Nothing was tagged, published or deployed in this run; merging it releases.`,
      { title: "release" }
    );
  }
  writeSummary(ctx.summary, {
    status: outcome.status,
    plan,
    steps: outcome.steps,
    releaseUrl: outcome.release?.url,
    ...pr ? { pullRequest: pr } : {},
    published: outcome.published,
    statusLocation: outcome.statusLocation,
    runAttempt: runner.runAttempt,
    attested: outcome.status === "released" ? outcome.attested : void 0,
    repository: `${runner.owner}/${runner.repo}`
  });
  if (outcome.status === "unverified") {
    throw new StageError(
      "published, not yet visible: the registry does not show every package yet; the GitHub Release stays a draft. Re-run this job to finish (nothing is published twice)."
    );
  }
}
async function run(env = process.env) {
  await runStage(action, release, env);
}

// actions/release/src/index.ts
await run();
