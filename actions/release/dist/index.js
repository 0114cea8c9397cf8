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
  escapeLogText,
  escapeMarkdownHtml,
  quoteLogValue,
  silentLogger
} from "./chunks/chunk-OFV53SCD.js";
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
    var parse2 = (version2, options, throwErrors = false) => {
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
    module.exports = parse2;
  }
});

// packages/shared/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "packages/shared/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid2 = (version2, options) => {
      const v = parse2(version2, options);
      return v ? v.version : null;
    };
    module.exports = valid2;
  }
});

// packages/shared/node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "packages/shared/node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare2 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare2;
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
    var parse2 = require_parse();
    var prerelease = (version2, options) => {
      const parsed = parse2(version2, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// packages/shared/node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "packages/shared/node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse2(version1, null, true);
      const v2 = parse2(version2, null, true);
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
    var parse2 = require_parse();
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
      return parse2(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// actions/release/src/main.ts
import { readFileSync as readFileSync6 } from "node:fs";
import { isAbsolute as isAbsolute2 } from "node:path";

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

// packages/shared/src/util/errors.ts
function errorMessage(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
var InputError = class extends Error {
  constructor(input, message) {
    super(message);
    this.input = input;
    this.name = "InputError";
  }
  input;
};
var StageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "StageError";
  }
};

// packages/shared/src/util/exec.ts
import { spawn } from "node:child_process";
var exec = (cmd, args, o = {}) => new Promise((resolve5) => {
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
function defineAction(def) {
  for (const name of [...Object.keys(def.inputs), ...Object.keys(def.outputs)]) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`input/output names are snake_case: ${name}`);
  }
  return def;
}
var given = (spec) => spec;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
var SHELL_META = /[\s;&|`$<>(){}[\]\\'"*?!#~]/;
function showValue(raw) {
  if (raw === "") return "(empty)";
  const json = JSON.stringify(raw);
  return json.length > 80 ? `${json.slice(0, 77)}…"` : json;
}
var ok = (value) => ({ ok: true, value });
function text(o) {
  const maxLength = o.maxLength ?? (o.multiline ? 1e6 : 1e3);
  const accepted = o.patternHint ? o.patternHint : o.identifier ? "a name of letters, digits and . _ / - (no spaces, newlines or shell metacharacters)" : o.multiline ? `text up to ${maxLength} characters` : `one line of text up to ${maxLength} characters`;
  return {
    kind: "string",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
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
    kind: "secret",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
    secret: true,
    accepted,
    empty: "",
    parse: (raw) => /[\r\n]/.test(raw.trim()) ? { ok: false, accepted } : ok(raw.trim())
  };
}
function bool(o) {
  const accepted = o.refuseTrue ? `false (${o.refuseTrue})` : "true or false";
  return {
    kind: "boolean",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
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
    kind: "enum",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
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
    kind: "list",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
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
  return given({
    kind: "semver",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
    accepted,
    empty: void 0,
    parse(raw) {
      let v = raw.trim();
      if (o.allowV && /^v\d/.test(v)) v = v.slice(1);
      return /^\d/.test(v) && (0, import_valid.default)(v) === v ? ok(v) : { ok: false, accepted };
    }
  });
}
function url(o) {
  const schemes = o.schemes ?? ["http:", "https:"];
  const accepted = `an absolute URL (${schemes.map((s) => s.replace(":", "")).join(" or ")}://host/…)`;
  return given({
    kind: "url",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
    accepted,
    empty: void 0,
    parse(raw) {
      const v = raw.trim();
      if (/\s/.test(v) || CONTROL.test(v)) return { ok: false, accepted };
      try {
        const u = new URL(v);
        return schemes.includes(u.protocol) && u.hostname !== "" ? ok(u.toString()) : { ok: false, accepted };
      } catch {
        return { ok: false, accepted };
      }
    }
  });
}
function duration(o) {
  const bounds = o.min !== void 0 || o.max !== void 0 ? ` between ${o.min ?? 0}ms and ${o.max === void 0 ? "any length" : `${o.max}ms`}` : "";
  const accepted = `a duration such as 30s, 5m, 1h30m or 0${bounds}`;
  return given({
    kind: "duration",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
    accepted,
    empty: void 0,
    parse(raw) {
      const ms = parseDuration(raw);
      if (ms === void 0) return { ok: false, accepted };
      if (o.min !== void 0 && ms < o.min || o.max !== void 0 && ms > o.max) return { ok: false, accepted };
      return ok(ms);
    }
  });
}
var GITHUB_TOKEN_DEFAULT = "${{ github.token }}";
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

// packages/shared/src/git/git.ts
import { spawn as spawn2 } from "node:child_process";
import { realpathSync as realpathSync2 } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
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
    return resolve2(p);
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
    if (resolve2(top) !== resolve2(this.cwd) && realpathOr(top) !== realpathOr(this.cwd))
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
   * remote's own message.
   */
  async push(remote, refspecs, o = {}) {
    const flags = [...o.atomic ? ["--atomic"] : [], ...o.force ? ["--force"] : []];
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
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";

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

// packages/shared/src/publish/docker.ts
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
    const digest = `sha256:${createHash("sha256").update(data).digest("hex")}`;
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
    return res.headers.get("docker-content-digest") ?? `sha256:${createHash("sha256").update(body).digest("hex")}`;
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
  mkdirSync(runnerTemp, { recursive: true });
  const dir = mkdtempSync(join2(runnerTemp, "release-actions-docker-config-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", remove);
  const auths = Object.fromEntries(hosts.map((h) => [h, { auth: b64(`${creds.username}:${creds.password}`) }]));
  writeFileSync(join2(dir, "config.json"), JSON.stringify({ auths }), { mode: 384 });
  return {
    dir,
    dispose: () => {
      process.removeListener("exit", remove);
      remove();
    }
  };
}
function dockerConfigCredentials(env, images) {
  const dir = env.DOCKER_CONFIG ?? (env.HOME ? join2(env.HOME, ".docker") : void 0);
  if (!dir || !existsSync(join2(dir, "config.json"))) return void 0;
  try {
    const cfg = JSON.parse(readFileSync2(join2(dir, "config.json"), "utf8"));
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

// packages/shared/src/publish/npm.ts
import { chmodSync, mkdirSync as mkdirSync2, mkdtempSync as mkdtempSync2, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";

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
  mkdirSync2(runnerTemp, { recursive: true });
  const dir = mkdtempSync2(join3(runnerTemp, "release-npm-"));
  const path = join3(dir, ".npmrc");
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
  return { path, dispose: () => rmSync2(dir, { recursive: true, force: true }) };
}
function idTokenAvailable(env) {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
function isNpmjs(registryUrl) {
  return new URL(registryUrl).host === "registry.npmjs.org";
}
async function registryVersion(f, registryUrl, name, version2, token) {
  const res = await f(packageUrl(registryUrl, name), {
    headers: { accept: "application/json", ...token ? { authorization: `Bearer ${token}` } : {} },
    signal: AbortSignal.timeout(3e4)
  });
  if (res.status === 404) return void 0;
  if (!res.ok) throw new Error(`npm registry answered ${res.status} for ${name}`);
  const doc = await res.json();
  const v = doc.versions?.[version2];
  if (!v) return void 0;
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
  mkdirSync2(dest, { recursive: true });
  const r = await exec3(npm2, ["pack", "--json", "--ignore-scripts", "--pack-destination", dest], { cwd: dir, env });
  if (r.code !== 0)
    throw new StageError(`npm pack failed in ${dir}: ${r.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf("[")));
  const first = out[0];
  if (!first) throw new StageError(`npm pack printed nothing for ${dir}`);
  return { tarball: join3(dest, first.filename), integrity: first.integrity, filename: first.filename };
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

// packages/shared/src/status/model.ts
var STATUS_SCHEMA_VERSION = 1;
function emptyStatus() {
  return { schema_version: STATUS_SCHEMA_VERSION, releases: [] };
}
function ensureRelease(doc, version2, init = {}) {
  let rec = doc.releases.find((r) => r.version === version2);
  if (!rec) {
    rec = { version: version2, status: "planned", created_at: (/* @__PURE__ */ new Date()).toISOString(), ...init };
    doc.releases.unshift(rec);
  }
  return rec;
}
function findRelease(doc, version2) {
  return doc.releases.find((r) => r.version === version2);
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
var ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
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
    typeof d.environment === "string" && ENVIRONMENT_PATTERN.test(d.environment),
    `${where}.environment`,
    d.environment,
    "an environment name of letters, digits and . _ -"
  );
  checkOneOf(problems, d.status, `${where}.status`, DEPLOYMENT_STATES);
  if (d.active_slot !== void 0) checkOneOf(problems, d.active_slot, `${where}.active_slot`, SLOT_NAMES);
  for (const k of ["previous_version", "rollback_of"])
    if (d[k] !== void 0) check(problems, isSemver(d[k]), `${where}.${k}`, d[k], "a semantic version");
  if (d.url !== void 0)
    check(problems, typeof d.url === "string" && URL_SPEC.parse(d.url).ok, `${where}.url`, d.url, "an http(s) URL");
}
function releaseProblems(raw) {
  if (!isRec(raw)) return [`is ${shape(raw)}, not a release (a mapping with version, status, created_at, …)`];
  const p = [];
  if (raw.version === void 0) p.push("has no version");
  else if (!isSemver(raw.version)) p.push('has a version that is not a semantic version such as "1.4.0"');
  if (raw.status !== void 0) checkOneOf(p, raw.status, "status", RELEASE_STATES);
  if (raw.type !== void 0) checkOneOf(p, raw.type, "type", RELEASE_TYPES);
  if (raw.release_url !== void 0)
    check(
      p,
      typeof raw.release_url === "string" && URL_SPEC.parse(raw.release_url).ok,
      "release_url",
      raw.release_url,
      "an http(s) URL"
    );
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
  const entries = starts.map((s, i) => ({ text: body.slice(s, starts[i + 1] ?? body.length), indent: indent2 }));
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
    if (!tip) return parseStatus("");
    const text2 = await this.o.git.readBlob(tip, this.path);
    if (text2 === void 0) return parseStatus("");
    try {
      return parseStatus(text2, { source: this.describe() });
    } catch (e) {
      if (e instanceof StatusRecordError) throw e;
      const why = escapeLogText(e.message.split("\n")[0], { max: 200 });
      throw new StageError(`${this.describe()} cannot be read: ${why}. Fix or remove it; nothing was overwritten.`);
    }
  }
  async read() {
    return serialized(this.o.git.cwd, async () => this.readAt(await this.fetchTip()));
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
    {
      const tip = await this.fetchTip();
      const doc = await this.readAt(tip);
      await mutate(doc);
      const blob = await git.out(["hash-object", "-w", "--stdin"], { input: stringifyStatus(doc) });
      const entries = tip ? (await git.out(["ls-tree", tip])).split("\n").filter((l) => l && !l.endsWith(`	${this.path}`)) : [];
      entries.push(`100644 blob ${blob}	${this.path}`);
      const tree = await git.out(["mktree"], { input: entries.join("\n") + "\n" });
      const commit = await git.out(["commit-tree", tree, ...tip ? ["-p", tip] : [], "-m", message], { env });
      const push = await git.push(this.remote, [`${commit}:refs/heads/${this.branch}`]);
      if (push.ok) {
        await git.setRef(this.trackingRef, commit);
        return doc;
      }
      if (!push.rejected) throw new GitError(["push", this.remote, this.branch], push.code, push.message);
      return void 0;
    }
  }
};

// actions/release/src/inputs.ts
var action = defineAction({
  id: "release",
  name: "release-actions: release",
  description: "Resumable semver release: version bump, tests and build, commit and annotated tag pushed atomically, GitHub Release, npm and container publishing, verification, status ledger.",
  branding: { icon: "tag", color: "green" },
  inputs: {
    version_bump: oneOf(["major", "minor", "patch", "auto"], {
      description: "Which part of the version to bump; auto: from the conventional commits since the last tag (nothing to release when none is releasable).",
      default: "auto"
    }),
    release_branch: text({ description: "Branch releases are cut from.", default: "main", identifier: true }),
    release_mode: oneOf(["direct", "tag-only"], {
      description: "How the release lands under branch protection (docs/protected-branches.md). direct: the release commit and tag pushed to release_branch atomically; tag-only: no commit on the branch, the tag on the tested commit, manifests bumped in the workspace only.",
      default: "direct"
    }),
    release_type: oneOf(["stable", "prerelease"], {
      description: "stable, or prerelease (X.Y.Z-<prerelease_id>.N).",
      default: "stable"
    }),
    publish_registries: list({
      description: "Comma or newline separated registries to publish to.",
      values: ["npm", "docker"]
    }),
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
    tag_prefix: text({ description: "Prefix of release tags.", default: "v", identifier: true }),
    initial_version: semver({
      description: "First release's version when no release tag exists yet (docs/versioning.md). Empty: the root package.json's version (placeholders such as 0.0.0-development count as none), else 1.0.0.",
      allowV: true
    }),
    prerelease_id: text({
      description: "Prerelease identifier (rc, beta, alpha…).",
      default: "rc",
      pattern: /^[0-9A-Za-z-]+$/,
      patternHint: "a semver identifier of letters, digits and hyphens (rc, beta, alpha)"
    }),
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
    npm_registry_url: url({ description: "npm registry to publish to.", default: "https://registry.npmjs.org/" }),
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
    docker_images: list({
      description: "Images to build and push, one `registry/name` per line.",
      item: text({
        description: "image",
        pattern: /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/,
        patternHint: "registry/name in lower case"
      })
    }),
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
    announce_webhook_url: url({ description: "Webhook that receives the release announcement (treated as a secret)." }),
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
    token: secret({ description: "GitHub token with contents: write.", default: GITHUB_TOKEN_DEFAULT })
  },
  outputs: {
    version: { description: "The version released (empty when there is nothing to release)." },
    previous_version: { description: "The previous release version." },
    tag: { description: "The release tag." },
    release_url: { description: "URL of the GitHub Release." },
    release_id: { description: "Id of the GitHub Release." },
    published: { description: "JSON list of {registry, name, version, url, digest_or_integrity}." },
    status: {
      description: "released, dry-run, nothing-to-release (version_bump: auto found no releasable commit; version is empty), unverified (published, not yet visible: re-run to finish), or failed."
    }
  },
  refine(v) {
    const problems = [];
    if (v.registry_password && !v.registry_username)
      problems.push({
        input: "registry_username",
        message: 'Input "registry_username" is empty but required when registry_password is given.'
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
  report(step, state, detail) {
    const i = this.steps.findIndex((s) => s.step === step);
    const entry = { step, state, ...detail ? { detail } : {} };
    if (i >= 0) this.steps[i] = entry;
    else this.steps.push(entry);
  }
  /** From now on, marks are written to the status record under `version` (the claim made it ours). */
  claimed(version2) {
    this.version = version2;
  }
  /** Record a step's state in this attempt's report and (once the version is claimed) in the ledger. */
  async mark(step, state, detail, extra) {
    this.report(step, state, detail);
    const version2 = this.version;
    if (!version2) return;
    const { runId, runAttempt } = this.d;
    await this.d.store.update((doc) => {
      const rec = ensureRelease(doc, version2);
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
      const rec = ensureRelease(doc, version2);
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

// packages/shared/src/versioning/manifests.ts
import { existsSync as existsSync2, lstatSync as lstatSync2, readdirSync, readFileSync as readFileSync3, statSync as statSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join4, posix, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
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
      if (existsSync2(join4(root, dir, "package.json"))) found.add(toPosix(dir));
      return;
    }
    const [seg, ...rest] = segs;
    if (seg === "**") {
      walk(dir, rest);
      for (const child of subdirs(join4(root, dir))) walk(join4(dir, child), segs);
      return;
    }
    if (seg.includes("*")) {
      const re = new RegExp(`^${seg.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
      for (const child of subdirs(join4(root, dir))) if (re.test(child)) walk(join4(dir, child), rest);
      return;
    }
    if (existsSync2(join4(root, dir, seg))) walk(join4(dir, seg), rest);
  };
  for (const p of patterns) {
    if (p.startsWith("!")) continue;
    walk("", posix.normalize(p).replace(/^\.\//, "").replace(/\/$/, "").split("/"));
  }
  for (const p of patterns.filter((x) => x.startsWith("!"))) found.delete(posix.normalize(p.slice(1)));
  return [...found].sort();
}
function subdirs(dir) {
  if (!existsSync2(dir)) return [];
  return readdirSync(dir).filter((n) => n !== "node_modules" && !n.startsWith(".") && isDir(join4(dir, n)));
}
function isDir(p) {
  try {
    return statSync2(p).isDirectory();
  } catch {
    return false;
  }
}
function npmPackages(root) {
  const file = join4(root, "package.json");
  if (existsSync2(join4(root, "pnpm-workspace.yaml")))
    throw new StageError(
      'pnpm workspaces are not supported yet (pnpm-workspace.yaml found): only npm workspaces (package.json "workspaces") are versioned and published. Release each package from its own directory, or list the packages in package.json "workspaces" and publish with npm.'
    );
  if (!existsSync2(file)) return [];
  const { doc } = readJson(file);
  if (doc.workspaces && ["yarn.lock", ".yarnrc.yml"].some((f) => existsSync2(join4(root, f))))
    throw new StageError(
      'yarn workspaces are not supported yet (package.json "workspaces" with yarn.lock or .yarnrc.yml): only npm workspaces (package-lock.json) are versioned and published. Switch the repository to npm workspaces, or release each package from its own directory.'
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
  for (const dir of expandWorkspaces(root, patterns)) out.push(pkg(dir, readJson(join4(root, dir, "package.json")).doc));
  return out;
}
function bumpRange(spec, version2) {
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
    const file = join4(root, p.dir, "package.json");
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
    const file = join4(root, lockName);
    if (!existsSync2(file)) continue;
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
    const file = resolve3(root, rel);
    const r = relative2(resolve3(root), file);
    if (r.startsWith("..") || r === "") throw new StageError(`version file ${rel} is outside the repository`);
    if (!existsSync2(file)) throw new StageError(`version file ${rel} does not exist`);
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
    (c) => confinePath(root, c.path, { input: "version_files", what: `The release's file ${c.path}` })
  );
  changes.forEach((c, i) => {
    if (readFileSync3(files[i], "utf8") !== c.before)
      throw new StageError(`${c.path} changed since the release was planned`);
  });
  changes.forEach((c, i) => writeFileSync3(files[i], c.after));
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
  const latest = i.registryLatest ? (0, import_valid2.default)(i.registryLatest) : null;
  if (latest && !backport && below(latest)) {
    throw new StageError(
      `the next version ${version2} is lower than the registry's latest ${latest}; give a higher version (nothing was changed)`
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

// actions/release/src/steps/claim.ts
async function claim(s, d) {
  const { plan } = s;
  await d.ledger.within("claim", async () => {
    const at = (d.now?.() ?? /* @__PURE__ */ new Date()).toISOString();
    await d.store.update((doc) => {
      const existing = findRelease(doc, plan.version);
      if (existing && existing.run_id && existing.run_id !== d.runId) {
        const takeover = existing.status === "failed" && !s.remoteTag(plan.tag);
        if (!takeover) {
          throw new StageError(
            `release ${plan.version} is already being made by run ${String(existing.run_id)} (status ${String(existing.status)}); this run stops and changes nothing`
          );
        }
      }
      const rec = ensureRelease(doc, plan.version, { created_at: at });
      rec.run_id = d.runId;
      rec.run_url = d.runUrl;
      rec.type = releaseKind(plan.previousVersion, plan.version, plan.backport);
      rec.tag = plan.tag;
      if (rec.status !== "released") rec.status = "releasing";
      rec.previous_version = plan.previousVersion;
      for (const st of d.ledger.steps)
        recordStep(rec, d.runId, st.step, st.state, { attempt: d.runAttempt, detail: st.detail });
    }, `release ${plan.version}: claimed by run ${d.runId}.${d.runAttempt}`);
    d.ledger.claimed(plan.version);
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
    await git.tagAnnotated(plan.tag, made);
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
    const p = await git.push(
      d.remote,
      [`${commit}:refs/heads/${cfg.releaseBranch}`, `refs/tags/${plan.tag}:refs/tags/${plan.tag}`],
      { atomic: true }
    );
    if (!p.ok) {
      await git.deleteTag(plan.tag);
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
var PushRefused = class extends StageError {
  constructor(message, refused) {
    super(message);
    this.refused = refused;
  }
  refused;
};
var HINT = (branch) => `${branch} is protected: release with release_mode: tag-only (no commit on the branch; the tag on the tested commit), or let this token bypass the protection; release_mode: pull-request (a release pull request merged under the branch's rules) is not available yet (docs/protected-branches.md)`;
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
import { mkdtempSync as mkdtempSync3, rmSync as rmSync3 } from "node:fs";
import { join as join5 } from "node:path";
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
        version: plan.version,
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
  const packDir = mkdtempSync3(join5(d.runnerTemp, "release-pack-"));
  try {
    const env = { ...d.env, npm_config_cache: join5(d.runnerTemp, "release-npm-cache") };
    delete env.NODE_AUTH_TOKEN;
    const pack = await npmPack(d.exec, "npm", join5(d.workspace, p.dir), packDir, env);
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
      version: plan.version,
      pack,
      registryUrl: cfg.npmRegistryUrl,
      distTag: p.distTag,
      access: cfg.npmAccess,
      provenance: p.provenance,
      auth: { token, kind: s.npmAuth.kind },
      runnerTemp: d.runnerTemp,
      env,
      verifyTimeoutMs: cfg.verifyTimeoutMs,
      webUrl: isNpmjs(cfg.npmRegistryUrl) ? `https://www.npmjs.com/package/${p.name}/v/${plan.version}` : void 0
    });
  } finally {
    rmSync3(packDir, { recursive: true, force: true });
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

// actions/release/src/github-release.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync4, statSync as statSync3 } from "node:fs";
import { basename, dirname as dirname2, join as join6, relative as relative3, resolve as resolve4 } from "node:path";
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
      `^${basename(full).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`
    );
    const hits = dir ? readdirSync2(dir).filter((n) => re.test(n)) : [];
    const files = hits.filter((n) => statSync3(join6(dir, n), { throwIfNoEntry: false })?.isFile() !== false).map((n) => confinePath(root, join6(dirRel, n), { input: "assets" }));
    if (!files.length) throw new StageError(`asset pattern ${g} matches no file`);
    for (const f of files) out.add(f);
  }
  return [...out].sort();
}
async function uploadAssets(gh, repo, rel, files) {
  let n = 0;
  for (const file of files) {
    const name = basename(file);
    if (rel.assets.includes(name)) continue;
    await gh.rest.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: rel.id,
      name,
      url: rel.uploadUrl,
      data: readFileSync4(file),
      headers: { "content-type": "application/octet-stream" }
    });
    n++;
  }
  return n;
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
    const uploaded = assetFiles.length ? await uploadAssets(d.gh, repo, r, assetFiles) : 0;
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
  await checkGitHubPermissions(d);
  const npmAuth = await preflightNpm(cfg, d);
  const docker2 = await preflightDocker(cfg, d);
  return { remoteTag, doc, resume, resumeTagCommit, head, npmAuth, docker: docker2 };
}
async function checkGitHubPermissions(d) {
  let perms;
  try {
    const r = await d.gh.rest.rest.repos.get({ owner: d.owner, repo: d.repo });
    perms = r.data.permissions;
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
}
async function preflightNpm(cfg, d) {
  if (!cfg.registries.includes("npm")) return { kind: "none", provenance: false };
  const pkgs = npmPackages(d.workspace).filter((p) => !p.private);
  if (!pkgs.length)
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

// actions/release/src/steps/registries-free.ts
async function registriesFree(s, d) {
  const { cfg } = d;
  const { plan } = s;
  if (s.resumeTagCommit) return {};
  for (const p of plan.npm) {
    const v = await registryVersion(d.fetch, cfg.npmRegistryUrl, p.name, plan.version, s.npmAuth.token).catch((e) => {
      throw new StageError(
        `npm registry ${redactUrl(cfg.npmRegistryUrl)} cannot be read: ${redactUrls(errorMessage(e))}`
      );
    });
    if (v) {
      throw new StageError(
        `npm: ${p.name}@${plan.version} is already published (integrity ${short(v.integrity)}) but ${plan.tag} was never released from this repository; nothing was changed`
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

// actions/release/src/steps/status.ts
async function markReleased(s, d) {
  const { plan, commit, release: release2 } = s;
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
  const files = plan.files.length ? plan.files : planManifestBump(d.workspace, plan.version, { versionFiles: d.cfg.versionFiles });
  applyChanges(d.workspace, files);
  const there = s.resumeTagCommit ?? s.remoteTag(plan.tag);
  if (there && there !== head) {
    throw new StageError(
      `tag ${plan.tag} on ${remote} points to ${there.slice(0, 12)}, not to the tested commit ${head.slice(0, 12)}; nothing was changed (delete the tag or release from that commit)`
    );
  }
  const detail = `${plan.tag} at ${head.slice(0, 12)} (no commit on ${d.cfg.releaseBranch})`;
  await d.ledger.step("tag", async () => {
    if (there) return { state: "already-done", detail };
    await git.tagAnnotated(plan.tag, head, { message: plan.commitMessage });
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
    const p = await git.push(remote, [`refs/tags/${plan.tag}:refs/tags/${plan.tag}`]);
    if (!p.ok) {
      await git.deleteTag(plan.tag);
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

// actions/release/src/steps/version.ts
import { existsSync as existsSync3, readFileSync as readFileSync5 } from "node:fs";
import { join as join7 } from "node:path";

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
  const entries = [];
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
    if (section) entries.push({ commit: c, section, text: `${scoped(c, indent(c.subject))} ${ref}` });
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
  return { entries, breaking, stats };
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
  const { entries, breaking, stats } = classify(i);
  const url2 = compareUrl(i);
  const heading = `## ${url2 ? `[${i.version}]` : i.version} - ${i.date}`;
  const blocks = [heading];
  if (i.breakingSection && breaking.length) {
    blocks.push(`### ${BREAKING_TITLE}

${breaking.map((e) => `- ${e.text}`).join("\n")}`);
  }
  const bySection = /* @__PURE__ */ new Map();
  for (const e of entries) {
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

// actions/release/src/steps/version.ts
var NothingToReleaseSignal = class {
  constructor(outcome) {
    this.outcome = outcome;
  }
  outcome;
};
async function version(s, d) {
  const { cfg, git } = d;
  if (!cfg.dryRun) {
    await git.fetch(
      d.remote,
      [`+refs/heads/${cfg.releaseBranch}:refs/remotes/${d.remote}/${cfg.releaseBranch}`, "+refs/tags/*:refs/tags/*"],
      { force: true }
    );
    if (s.resumeTagCommit) await git.checkoutDetached(s.resumeTagCommit);
  }
  const plan = await makePlan(s, d);
  d.ledger.report("version", "done", `${plan.previousVersion ?? "(none)"} → ${plan.version}`);
  return { plan };
}
async function makePlan(s, d) {
  const { cfg, git } = d;
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
  const stableOthers = allTags.map((t) => t.version).filter((v) => v !== version2);
  const files = resumeTagCommit ? [] : planManifestBump(d.workspace, version2, { versionFiles: cfg.versionFiles });
  const pkgs = cfg.registries.includes("npm") ? npmPackages(d.workspace) : [];
  const distTag = cfg.npmDistTag || defaultDistTag({ prerelease, prereleaseId: cfg.prereleaseId, backport, major: parts(version2).major });
  const npm2 = pkgs.filter((p) => !p.private).map((p) => ({ name: p.name, dir: p.dir, distTag, provenance: s.npmAuth.provenance, auth: s.npmAuth.kind }));
  const docker2 = s.docker ? cfg.dockerImages.map((image) => ({ image, tags: imageTags(version2, stableOthers) })) : [];
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
  const f = join7(root, "package.json");
  if (!existsSync3(f)) return {};
  try {
    return JSON.parse(readFileSync5(f, "utf8")).scripts ?? {};
  } catch {
    return {};
  }
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
var PLAN = Steps.start().then("preflight", preflight).then("version", version);
var LANDING = {
  direct: { check: notRefusedBefore, land: commitTagPush },
  "tag-only": { check: async () => ({}), land: tagOnly }
};
var PUBLISH = Steps.start().then("landing-check", (s, d) => LANDING[d.cfg.releaseMode].check(s, d)).then("registries-free", registriesFree).then("test-build", testBuild).then("claim", claim).then("land", (s, d) => LANDING[d.cfg.releaseMode].land(s, d)).then("github-release", githubRelease).then("npm", npm).then("docker", docker);
var FINISH = Steps.start().then("publish-release", publishRelease2).then("major-tag", moveMajorTag).then("status", markReleased).then("announce", announce2);
async function runRelease(cfg, deps) {
  const ledger = new Ledger(deps);
  const d = { ...deps, cfg, ledger, remote: deps.remote ?? "origin" };
  const { steps } = ledger;
  const statusLocation = deps.store.describe();
  let plan;
  try {
    const planned = await PLAN.run({}, d);
    plan = planned.plan;
    if (cfg.dryRun) return { status: "dry-run", plan, steps, published: [], statusLocation };
    const out = await PUBLISH.run(planned, d);
    const published = [...out.npmPublished, ...out.dockerPublished];
    if (out.unverified) {
      await markUnverified(out.unverified, d);
      return { status: "unverified", plan, steps, release: out.release, published, statusLocation };
    }
    const done = await FINISH.run({ ...out, published }, d);
    return { status: "released", plan, steps, release: done.release, published, statusLocation };
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
  lines.push(`version: ${plan.previousVersion ?? "(no previous release)"} → ${plan.version} (${plan.bump})`);
  lines.push(`tag: ${plan.tag} (annotated), commit "${plan.commitMessage}", pushed atomically with the branch`);
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
      `npm: ${p.name}@${plan.version} --tag ${p.distTag}${p.provenance ? " --provenance" : ""} (auth: ${p.auth})`
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
  const title = o.plan ? `Release ${o.plan.tag}` : "Release";
  s.heading(`${title}: ${o.status}`);
  if (o.error) s.paragraph(`**Stopped:** ${o.error}`);
  if (o.plan) {
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
  return readFileSync6(confinePath(workspace, inputs.notes_file, { input: "notes_file", extraRoots }), "utf8");
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
    dryRun: inputs.dry_run
  };
  const git = new Git(workspace, { log }).withToken(runner.serverUrl, inputs.token);
  const notCheckout = await git.checkoutProblem();
  if (notCheckout) throw new StageError(notCheckout);
  const { createGitHubClient } = await import("./chunks/github-745QJJC6.js");
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
  writeSummary(ctx.summary, {
    status: outcome.status,
    plan,
    steps: outcome.steps,
    releaseUrl: outcome.release?.url,
    published: outcome.published,
    statusLocation: outcome.statusLocation,
    runAttempt: runner.runAttempt
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
