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
  logText
} from "./chunks/chunk-VPYBLTF4.js";
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
    var RELEASE_TYPES = [
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
      RELEASE_TYPES,
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
    var parse2 = (version, options, throwErrors = false) => {
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
    module.exports = parse2;
  }
});

// packages/shared/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "packages/shared/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid3 = (version, options) => {
      const v = parse2(version, options);
      return v ? v.version : null;
    };
    module.exports = valid3;
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
    var inc2 = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
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
    var prerelease = (version, options) => {
      const parsed = parse2(version, options);
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
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
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

// packages/shared/src/action/inputs.ts
function defineAction(id, spec) {
  for (const name of [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)]) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`input/output names are snake_case: ${name}`);
  }
  return { ...spec, id, name: `release-actions: ${id}` };
}
var given = (spec) => spec;
var optional = (kind, o, accepted, parse2) => given({ ...common(kind, o), accepted, empty: void 0, parse: parse2 });
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
import { existsSync as existsSync2, lstatSync as lstatSync3, readFileSync as readFileSync3 } from "node:fs";
import { join as join3 } from "node:path";

// packages/shared/src/versioning/manifests.ts
import { existsSync, lstatSync as lstatSync2, readdirSync, readFileSync as readFileSync2, statSync as statSync2, writeFileSync } from "node:fs";
import { join as join2, posix, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";

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

// packages/shared/src/versioning/manifests.ts
function readJson(file) {
  const text2 = readFileSync2(file, "utf8");
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
function writeJsonText(doc, indent, newline) {
  return JSON.stringify(doc, null, indent) + (newline ? "\n" : "");
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
function rootManifestVersion(root) {
  const file = join2(root, "package.json");
  const st = lstatSync2(file, { throwIfNoEntry: false });
  if (!st) return void 0;
  if (!st.isFile())
    throw new StageError("package.json is not a regular file (a symbolic link?): its version is not read");
  let doc;
  try {
    doc = JSON.parse(readFileSync2(file, "utf8"));
  } catch {
    throw new StageError("package.json is not valid JSON: its version cannot be read");
  }
  const v = doc && typeof doc === "object" ? doc.version : void 0;
  return typeof v === "string" ? v : void 0;
}
function bumpRange(spec, version) {
  if (spec.startsWith("workspace:")) {
    const inner = bumpRange(spec.slice("workspace:".length), version);
    return inner === void 0 ? void 0 : `workspace:${inner}`;
  }
  const m = /^(\^|~|>=|=)?v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(spec.trim());
  if (!m) return void 0;
  return `${m[1] ?? ""}${version}`;
}

// packages/shared/src/monorepo/workspaces.ts
async function pnpmPatterns(file) {
  const mod = await import("./chunks/dist-UMEESVQ2.js");
  const parse2 = mod.parse ?? mod.default.parse;
  let doc;
  try {
    doc = parse2(readFileSync3(file, "utf8"));
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
var DEP_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
function buildGraph(packages) {
  const names = packages.map((p) => p.name);
  const known = new Set(names);
  const edges = [];
  for (const p of packages) {
    for (const field of DEP_FIELDS) {
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
  const visit = (name) => {
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
      visit(e.to);
      stack.pop();
    }
    state.set(name, "done");
    order.push(name);
  };
  for (const n of [...g.names].sort()) visit(n);
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
  let version;
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
    version = v;
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
      version = base;
    } else {
      const re = new RegExp(`^${escapeRe(base)}-${escapeRe(i.prereleaseId)}\\.(\\d+)$`);
      let n = 0;
      for (const v of allVersions) {
        const m = re.exec(v);
        if (m) n = Math.max(n, Number(m[1]));
      }
      version = `${base}-${i.prereleaseId}.${n + 1}`;
    }
    if (allVersions.includes(version)) {
      throw new StageError(
        `version ${version} is already released on another line; give an explicit version or another bump`
      );
    }
  }
  const prerelease = !isStable(version);
  const backport = !prerelease && highestStable !== void 0 && (0, import_compare.default)(version, highestStable) < 0;
  const below = (floor) => (0, import_compare.default)(prerelease ? core(version) : version, floor) < 0;
  if (manifest && initialFrom !== "initial_version" && below(manifest)) {
    throw new StageError(
      `the next version ${version} is lower than package.json's version ${manifest}: set package.json's version to the last release, or give the version to release explicitly (nothing was changed)`
    );
  }
  return {
    version,
    previous,
    previousStable,
    prerelease,
    backport,
    highestStable,
    ...initialFrom ? { initialFrom } : {}
  };
}
function parts(version) {
  const p = (0, import_parse.default)(version);
  if (!p) throw new Error(`not a semantic version: ${version}`);
  return { major: p.major, minor: p.minor, patch: p.patch, pre: [...p.prerelease] };
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
function formatTag(format, name, version) {
  return format.replaceAll("{name}", name).replaceAll("{version}", version);
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
import { existsSync as existsSync3, readFileSync as readFileSync4 } from "node:fs";
import { join as join4 } from "node:path";
var indentOf = (l) => l.length - l.trimStart().length;
var keyOf = (l) => /^\s*('?)([^':]+)\1:(?:\s|$)/.exec(l)?.[2];
var scalar = (v) => v.trim().replace(/^'(.*)'$/, "$1");
function pnpmLockChange(root, edits) {
  const file = join4(root, "pnpm-lock.yaml");
  if (!edits.length || !existsSync3(file)) return void 0;
  const before = readFileSync4(file, "utf8");
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
import { existsSync as existsSync4, readFileSync as readFileSync5 } from "node:fs";
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
  const before = readFileSync5(file, "utf8");
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
function bumpEntry(doc, version, released, edits, where = "", ranges) {
  if (version !== void 0 && doc.version !== version) {
    edits.push(`${where}version ${String(doc.version ?? "(none)")} → ${version}`);
    doc.version = version;
  }
  for (const field of DEP_FIELDS) {
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
    const { doc, indent, newline, text: text2 } = readJson(join6(root, path));
    const edits = [];
    bumpEntry(
      doc,
      released.get(p.name),
      released,
      edits,
      "",
      (name, before, after) => ranges.push({ from: { name: p.name, dir: p.dir }, to: { name, dir: dirOf.get(name) ?? "" }, before, after })
    );
    if (edits.length) changes.push({ path, before: text2, after: writeJsonText(doc, indent, newline), edits });
  }
  for (const lockName of ["package-lock.json", "npm-shrinkwrap.json"]) {
    const file = join6(root, lockName);
    if (!existsSync5(file)) continue;
    const { doc, indent, newline, text: text2 } = readJson(file);
    const entries2 = doc.packages;
    if (!entries2 || typeof entries2 !== "object") continue;
    const edits = [];
    for (const p of packages) {
      const entry = entries2[p.dir];
      if (entry) bumpEntry(entry, released.get(p.name), released, edits, `packages["${p.dir}"].`);
    }
    if (edits.length) changes.push({ path: lockName, before: text2, after: writeJsonText(doc, indent, newline), edits });
  }
  for (const lock of [yarnLockChange(root, ranges), pnpmLockChange(root, ranges)]) if (lock) changes.push(lock);
  return changes;
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
  const version = /* @__PURE__ */ new Map();
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
    version.set(name, n.version);
    kind.set(name, { prerelease: n.prerelease, backport: n.backport });
  }
  for (const g of [...o.groups.fixed, ...o.groups.linked]) {
    const vs = g.filter((m) => version.has(m)).map((m) => version.get(m));
    if (vs.length < 2) continue;
    const top = [...vs].sort(import_compare2.default).at(-1);
    for (const m of g) {
      if (!version.has(m) || version.get(m) === top) continue;
      const t = last.get(m);
      nextVersion({
        merged: t.merged,
        all: t.all,
        bump: "patch",
        releaseType: o.releaseType,
        prereleaseId: o.prereleaseId,
        explicit: top
      });
      version.set(m, top);
    }
  }
  const packages = order.map((name) => {
    const p = byName.get(name);
    const t = last.get(name);
    const v = version.get(name);
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

// packages/shared/src/publish/latest.ts
var import_compare3 = __toESM(require_compare(), 1);
var import_prerelease2 = __toESM(require_prerelease(), 1);
var import_valid3 = __toESM(require_valid(), 1);

// packages/shared/src/util/redact.ts
var USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
function redactUrl(url2) {
  return url2.replace(USERINFO, "$1***@");
}
function redactUrls(text2) {
  return text2.replace(USERINFO, "$1***@");
}

// packages/shared/src/publish/npm.ts
var withSlash = (u) => u.endsWith("/") ? u : `${u}/`;
function packageUrl(registryUrl, name) {
  return `${withSlash(registryUrl)}${name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
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
  const { npm, images } = o;
  if (npm) for (const name of npm.names) out.push(await npmLatest(o.fetch, npm.registryUrl, name, npm.token));
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
function latestAbove(version, found) {
  return found.filter((r) => r.latest !== void 0 && (0, import_compare3.default)(version, r.latest) < 0);
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
var monorepoOptions = (v) => ({
  tagFormat: v.tag_format,
  sharedPaths: sharedPathList(v.shared_paths),
  groups: groupsOf(v),
  releaseType: v.release_type ?? "stable",
  prereleaseId: v.prerelease_id ?? "rc",
  versionBump: v.version_bump ?? "auto",
  ...v.initial_version ? { initialVersion: v.initial_version } : {}
});
function monorepoProblems(v) {
  if (v.versioning !== "independent") return [];
  const p = tagFormatProblem(v.tag_format, 1);
  return p ? [{ input: "tag_format", message: p }] : [];
}

// packages/shared/src/action/environment-inputs.ts
var ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
var environmentInput = (description, dflt) => text({
  description,
  default: dflt,
  pattern: ENVIRONMENT_NAME_PATTERN,
  patternHint: "an environment name of letters, digits and . _ - (no spaces, newlines or shell metacharacters)"
});

// packages/shared/src/git/git.ts
import { spawn } from "node:child_process";
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
      const child = spawn("git", args, { cwd: this.cwd, env: this.env(o.env), stdio: ["pipe", "pipe", "pipe"] });
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
      const child = spawn("git", args, { cwd: this.cwd, env: this.env(), stdio: ["ignore", "pipe", "pipe"] });
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

// packages/shared/src/plan/preview.ts
var import_compare4 = __toESM(require_compare(), 1);
var import_parse4 = __toESM(require_parse(), 1);
function toPreviewCommit(c, cancelled = false) {
  return {
    sha: c.hash,
    type: c.type ?? "other",
    scope: c.scope ?? "",
    subject: c.subject,
    breaking: c.breaking,
    bump: commitBump(c),
    cancelled
  };
}
async function previewRelease(git, o) {
  const [merged, tags] = await Promise.all([git.mergedTags("HEAD", `${o.tagPrefix}*`), git.tags(`${o.tagPrefix}*`)]);
  const all = releaseTags(tags, o.tagPrefix);
  let previousTag;
  let previousVersion;
  for (const tag of merged) {
    const v = tagVersion(tag, o.tagPrefix);
    if (!v || (0, import_parse4.default)(v)?.prerelease.length) continue;
    if (!previousVersion || (0, import_compare4.default)(v, previousVersion) > 0) {
      previousTag = tag;
      previousVersion = v;
    }
  }
  const parsed = await commitsSince(git, previousTag ? `refs/tags/${previousTag}` : void 0);
  const cancelled = cancelledByReverts(parsed);
  const commits = parsed.map((c) => toPreviewCommit(c, cancelled.has(c.hash)));
  return {
    previousTag,
    previousVersion,
    commits,
    recommended: recommendBump(parsed, previousVersion),
    merged: all.filter((t) => merged.has(t.tag)),
    all
  };
}
var SECTIONS = [
  ["⚠ Breaking changes", (c) => c.breaking],
  ["Features", (c) => !c.breaking && c.type === "feat"],
  ["Fixes", (c) => !c.breaking && c.type === "fix"],
  ["Performance", (c) => !c.breaking && c.type === "perf"],
  // A revert of a `chore:` releases nothing and is not listed (the changelog hides it too).
  ["Reverts", (c) => !c.breaking && c.type === "revert" && c.bump !== "none"]
];
function changelogPreview(commits, o = {}) {
  const limit = o.limit ?? 30;
  const lines = [];
  if (o.version) lines.push(`### ${o.version} (preview)`, "");
  let shown = 0;
  for (const [title, match] of SECTIONS) {
    const list2 = commits.filter((c) => !c.cancelled && match(c));
    if (!list2.length) continue;
    lines.push(`#### ${title}`, "");
    for (const c of list2.slice(0, limit)) {
      const scope = c.scope ? `**${escapeMarkdownHtml(c.scope)}:** ` : "";
      lines.push(`- ${scope}${escapeMarkdownHtml(c.subject)} (${c.sha.slice(0, 7)})`);
    }
    if (list2.length > limit) lines.push(`- … and ${list2.length - limit} more`);
    lines.push("");
    shown += list2.length;
  }
  const cancelled = commits.filter((c) => c.cancelled).length;
  const other = commits.length - shown - cancelled;
  if (cancelled > 0)
    lines.push(
      `_${cancelled} commit${cancelled === 1 ? "" : "s"} cancelled by a revert in the same range not listed._`
    );
  if (other > 0) lines.push(`_${other} other commit${other === 1 ? "" : "s"} (chore, docs, ci, …) not listed._`);
  if (commits.length === 0) lines.push("_No commits since the last release._");
  return lines.join("\n").trim();
}

// packages/shared/src/policy/types.ts
var RELEASE_KINDS = ["major", "minor", "patch", "hotfix"];
var GATES = ["load-testing", "performance-profiling", "container-build"];
var LOAD_PROFILES = ["baseline", "peak", "stress", "soak", "custom"];
var STRATEGIES = ["blue-green", "canary", "rolling", "immediate"];

// packages/shared/src/policy/defaults.ts
var DEFAULT_ENVIRONMENT_NAMES = {
  changelogReview: "changelog-review",
  productApproval: "product-approval",
  production: "production",
  fastTrack: "fast-track"
};
var STANDARD_MONITOR_DURATION = "15m";
function defaultPolicy(names = DEFAULT_ENVIRONMENT_NAMES) {
  const row = (t, env) => ({
    gates: t.gates,
    load_profile: t.load_profile,
    smoke_tests: t.smoke_tests,
    strategy: t.strategy,
    canary_steps: [10, 50, 100],
    step_duration: t.step_duration,
    monitor_duration: t.monitor_duration,
    environments: { release: env.release, product: env.product ?? "", deploy: names.production }
  });
  return {
    major: row(
      {
        gates: ["load-testing", "performance-profiling", "container-build"],
        load_profile: "stress",
        smoke_tests: true,
        strategy: "canary",
        step_duration: "10m",
        monitor_duration: "24h"
      },
      { release: names.changelogReview, product: names.productApproval }
    ),
    minor: row(
      {
        gates: ["load-testing", "container-build"],
        load_profile: "peak",
        smoke_tests: true,
        strategy: "blue-green",
        step_duration: "1m",
        monitor_duration: "1h"
      },
      { release: names.changelogReview }
    ),
    patch: row(
      {
        gates: ["load-testing"],
        load_profile: "baseline",
        smoke_tests: false,
        strategy: "rolling",
        step_duration: "1m",
        monitor_duration: STANDARD_MONITOR_DURATION
      },
      { release: names.changelogReview }
    ),
    hotfix: row(
      {
        gates: [],
        load_profile: "baseline",
        smoke_tests: true,
        strategy: "rolling",
        step_duration: "0s",
        monitor_duration: "1h"
      },
      { release: names.fastTrack }
    )
  };
}

// packages/shared/src/policy/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { lstatSync as lstatSync4, readFileSync as readFileSync6 } from "node:fs";
import { resolve as resolve4 } from "node:path";
var DEFAULT_POLICY_PATH = ".github/release-policy.yml";
var TYPE_KEYS = [
  "gates",
  "load_profile",
  "smoke_tests",
  "strategy",
  "canary_steps",
  "step_duration",
  "monitor_duration",
  "environments"
];
var ENV_KEYS = ["release", "product", "deploy"];
var show = (v) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
var isMapping = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var Checker = class {
  constructor(source) {
    this.source = source;
  }
  source;
  fail(key, value, accepted) {
    throw new InputError(key, `${this.source}: "${key}" has an invalid value ${show(value)}; expected ${accepted}.`);
  }
  unknownKeys(key, value, known) {
    for (const k of Object.keys(value)) {
      if (!known.includes(k)) {
        const path = key ? `${key}.${k}` : k;
        throw new InputError(path, `${this.source}: unknown key "${path}"; expected one of ${known.join(", ")}.`);
      }
    }
  }
  oneOf(key, value, values) {
    if (typeof value !== "string" || !values.includes(value)) this.fail(key, value, `one of ${values.join(", ")}`);
    return value;
  }
  duration(key, value) {
    const text2 = typeof value === "number" ? String(value) : value;
    if (typeof text2 !== "string" || parseDuration(text2) === void 0) {
      this.fail(key, value, "a duration such as 30s, 10m, 1h or 24h (0 for none)");
    }
    return text2.trim();
  }
};
function checkType(c, kind, raw) {
  const base = `types.${kind}`;
  if (!isMapping(raw)) c.fail(base, raw, `a mapping with keys ${TYPE_KEYS.join(", ")}`);
  c.unknownKeys(base, raw, TYPE_KEYS);
  const out = {};
  if ("gates" in raw) {
    const key = `${base}.gates`;
    const v = raw.gates;
    const accepted = `a list of ${GATES.join(", ")} (empty: smoke tests only)`;
    if (!Array.isArray(v)) c.fail(key, v, accepted);
    for (const g of v) if (!GATES.includes(g)) c.fail(key, v, accepted);
    if (new Set(v).size !== v.length) c.fail(key, v, `${accepted}, each once`);
    out.gates = v;
  }
  if ("load_profile" in raw)
    out.load_profile = c.oneOf(`${base}.load_profile`, raw.load_profile, LOAD_PROFILES);
  if ("smoke_tests" in raw) {
    if (typeof raw.smoke_tests !== "boolean") c.fail(`${base}.smoke_tests`, raw.smoke_tests, "true or false");
    out.smoke_tests = raw.smoke_tests;
  }
  if ("strategy" in raw) out.strategy = c.oneOf(`${base}.strategy`, raw.strategy, STRATEGIES);
  if ("canary_steps" in raw) {
    const key = `${base}.canary_steps`;
    const v = raw.canary_steps;
    const accepted = "a list of whole percentages from 1 to 100, ascending, ending at 100, such as [10, 50, 100]";
    if (!Array.isArray(v) || v.length === 0) c.fail(key, v, accepted);
    let prev = 0;
    for (const n of v) {
      if (typeof n !== "number" || !Number.isInteger(n) || n <= prev || n > 100) c.fail(key, v, accepted);
      prev = n;
    }
    if (prev !== 100) c.fail(key, v, accepted);
    out.canary_steps = v;
  }
  if ("step_duration" in raw) out.step_duration = c.duration(`${base}.step_duration`, raw.step_duration);
  if ("monitor_duration" in raw) out.monitor_duration = c.duration(`${base}.monitor_duration`, raw.monitor_duration);
  if ("environments" in raw) {
    const key = `${base}.environments`;
    const v = raw.environments;
    if (!isMapping(v)) c.fail(key, v, `a mapping with keys ${ENV_KEYS.join(", ")}`);
    c.unknownKeys(key, v, ENV_KEYS);
    const envs = {};
    for (const k of ENV_KEYS) {
      if (!(k in v)) continue;
      const name = v[k] === null ? "" : v[k];
      const optional2 = k === "product";
      if (typeof name !== "string" || (name === "" ? !optional2 : !ENVIRONMENT_NAME_PATTERN.test(name))) {
        c.fail(
          `${key}.${k}`,
          v[k],
          "an environment name of letters, digits and . _ - (no spaces or shell metacharacters)" + (optional2 ? ', or "" for no product approval' : "")
        );
      }
      envs[k] = name;
    }
    out.environments = envs;
  }
  return out;
}
function parsePolicyFile(text2, source = DEFAULT_POLICY_PATH) {
  const c = new Checker(source);
  let doc;
  try {
    doc = (0, import_yaml.parse)(text2, { strict: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new InputError("policy_path", `${source} is not valid YAML: ${why}`);
  }
  if (doc === null || doc === void 0) return { types: {} };
  if (!isMapping(doc)) c.fail("(top level)", doc, "a mapping with keys version, types");
  c.unknownKeys("", doc, ["version", "types"]);
  if ("version" in doc && doc.version !== 1) c.fail("version", doc.version, "1");
  const types = {};
  if ("types" in doc && doc.types !== null) {
    if (!isMapping(doc.types)) c.fail("types", doc.types, `a mapping of ${RELEASE_KINDS.join(", ")}`);
    c.unknownKeys("types", doc.types, RELEASE_KINDS);
    for (const kind of RELEASE_KINDS) if (kind in doc.types) types[kind] = checkType(c, kind, doc.types[kind]);
  }
  return { version: 1, types };
}
function loadPolicyFile(cwd, path = DEFAULT_POLICY_PATH) {
  if (path.split(/[\\/]/).includes("..") || path.startsWith("/")) {
    throw new InputError("policy_path", `policy_path ${show(path)} must be a path inside the workspace.`);
  }
  if (!lstatSync4(resolve4(cwd, path), { throwIfNoEntry: false })) return { file: { types: {} }, found: false };
  const real = confinePath(cwd, path, { input: "policy_path" });
  return { file: parsePolicyFile(readFileSync6(real, "utf8"), path), found: true };
}

// packages/shared/src/policy/resolve.ts
function releaseKind(o) {
  if (o.hotfix) {
    if (o.versionBump !== "patch" && o.versionBump !== "auto") {
      throw new InputError(
        "version_bump",
        `Input "version_bump" has an invalid value "${o.versionBump}" for a hotfix; expected patch or auto (a hotfix is a patch release).`
      );
    }
    return { kind: "hotfix", bump: "patch" };
  }
  const bump = o.versionBump === "auto" ? o.recommended : o.versionBump;
  if (bump === "none") return void 0;
  return { kind: bump, bump };
}
function effectivePolicy(kind, o = {}) {
  const base = defaultPolicy(o.names)[kind];
  const fromFile = o.file?.types[kind] ?? {};
  const sources = {};
  const out = { ...base, environments: { ...base.environments } };
  const set = (key, value, source) => {
    if (value === void 0) return;
    out[key] = value;
    sources[key] = source;
  };
  for (const key of Object.keys(base)) {
    if (key !== "environments") sources[key] = "default";
  }
  for (const k of Object.keys(base.environments)) {
    sources[`environments.${k}`] = "default";
    const v = fromFile.environments?.[k];
    if (v !== void 0) {
      out.environments[k] = v;
      sources[`environments.${k}`] = "policy file";
    }
  }
  set("gates", fromFile.gates, "policy file");
  set("load_profile", fromFile.load_profile, "policy file");
  set("smoke_tests", fromFile.smoke_tests, "policy file");
  set("strategy", fromFile.strategy, "policy file");
  set("canary_steps", fromFile.canary_steps, "policy file");
  set("step_duration", fromFile.step_duration, "policy file");
  set("monitor_duration", fromFile.monitor_duration, "policy file");
  const ov = o.overrides ?? {};
  set("strategy", ov.deployment_strategy, "input");
  set("load_profile", ov.load_profile, "input");
  if (ov.run_smoke_tests === false && out.smoke_tests) {
    throw new InputError(
      "run_smoke_tests",
      `Input "run_smoke_tests" has an invalid value "false"; expected true: the ${kind} policy requires smoke tests before traffic moves` + (out.gates.length === 0 ? " (they are its only gate)." : ".")
    );
  }
  if (ov.run_smoke_tests === true && !out.smoke_tests) set("smoke_tests", true, "input");
  if (out.gates.length === 0 && !out.smoke_tests) {
    throw new InputError(
      `types.${kind}.smoke_tests`,
      `The ${kind} policy has no quality gates and no smoke tests: a release must pass at least one check.`
    );
  }
  return { ...out, kind, sources };
}
function approvalOrder(p) {
  return ["release", "product", "deploy"].filter((job) => p.environments[job] !== "").map((job) => ({ job, environment: p.environments[job] }));
}

// actions/plan/src/inputs.ts
function deployRequested(v) {
  return v.require_deploy || !!v.version_url || v.workload === "docker" || !!v.deploy_start_command.trim() || !!v.docker_image || v.router !== "none" || !!v.nginx_upstream_file || !!v.router_command.trim();
}
var PATH = { pattern: /^[^\r\n\0]+$/, patternHint: "a file path on one line" };
var action = defineAction("plan", {
  description: "The release plan, with no side effects: release type, effective policy (gates, strategy, monitoring window, approvals), next version and a changelog preview, for the approvers.",
  inputs: {
    version_bump: versionBumpInput,
    hotfix: bool({
      description: "A hotfix: a patch release under the hotfix policy (smoke tests only, fast track).",
      default: "false"
    }),
    release_mode: oneOf(["direct", "tag-only", "pull-request"], {
      description: "How the release job lands the release (docs/protected-branches.md): direct, tag-only or pull-request. Shown in the plan and passed on as an output.",
      default: "direct"
    }),
    release_type: releaseTypeInput,
    prerelease_id: prereleaseIdInput,
    tag_prefix: tagPrefixInput,
    ...monorepoInputs,
    initial_version: initialVersionInput,
    // What the release will publish to npm and from where: the plan reads each package's latest and refuses what
    // the release would refuse (latest never moves backwards), so the preview says the same. Images: the release.
    release_branch: releaseBranchInput,
    publish_registries: publishRegistriesInput,
    npm_registry_url: npmRegistryUrlInput,
    policy_path: text({
      description: "Policy file overriding the defaults, relative to the workspace (missing: the defaults).",
      default: ".github/release-policy.yml",
      identifier: true
    }),
    deployment_strategy: oneOf(["policy", ...STRATEGIES], {
      description: "Deployment strategy; policy: the release type's.",
      default: "policy"
    }),
    load_profile: oneOf(["policy", ...LOAD_PROFILES], {
      description: "Load profile of the quality gates; policy: the release type's.",
      default: "policy"
    }),
    run_smoke_tests: bool({
      description: "Run smoke tests before traffic moves (false is refused where the policy requires them).",
      default: "true"
    }),
    require_quality_gates: oneOf(["auto", "true", "false"], {
      description: "auto: the policy's gates run when configured (a service to load, an image to build) and the release needs the success of those that run. true: every gate of the policy runs; with preflight, the inputs they lack (target_url, image) are refused up front. false: as auto, and failed gates do not stop the release (the workflow's changelog job goes on).",
      default: "auto"
    }),
    release_environment: environmentInput(
      "Environment of the release job: the Release Manager reviews the changelog.",
      "changelog-review"
    ),
    product_environment: environmentInput(
      "Environment where product approves a major release.",
      "product-approval"
    ),
    environment: environmentInput(
      "The production environment (deploy job): the Engineering Lead approves.",
      "production"
    ),
    fast_track_environment: environmentInput(
      "Environment of a hotfix release job (instead of changelog review).",
      "fast-track"
    ),
    // The reusable workflow's preflight: its gates and deploy settings, checked against this plan's policy before
    // anything is released (a release whose deploy cannot start would be published and never deployed).
    preflight: bool({
      description: "Check that the quality gates and the deploy of this plan have what they need (the inputs below, as the reusable workflow passes them); outputs load_shards and deploy_timeout. Refused before anything is released.",
      default: "false"
    }),
    require_deploy: bool({
      description: "preflight: a deploy is required: with no deploy settings the plan is refused, naming them. false: the deploy runs when its settings are given (version_url, deploy_start_command, docker_image, router…), else there is nothing to deploy (a library).",
      default: "false"
    }),
    target_url: url({ description: "preflight: base URL of the service the load gates run against." }),
    start_command: text({
      description: "preflight: command that starts the service under test in the gates job.",
      multiline: true,
      maxLength: 1e4
    }),
    load_engine: oneOf(["builtin", "k6"], {
      description: "preflight: the load engine of the gates.",
      default: "builtin"
    }),
    k6_script: text({ description: "preflight: the k6 script load_engine k6 runs.", ...PATH }),
    load_shards: number({
      description: "preflight: runners the load is spread across (1: one runner). Required with preflight.",
      integer: true,
      min: 1,
      max: 64
    }),
    image: text({ description: "preflight: the image the container-build gate builds." }),
    version_url: url({ description: "preflight: URL that reports the serving version (required to deploy)." }),
    workload: oneOf(["command", "docker"], {
      description: "preflight: where versions run.",
      default: "command"
    }),
    deploy_start_command: text({
      description: "preflight: the command workload's start command.",
      multiline: true,
      maxLength: 1e4
    }),
    docker_image: text({ description: "preflight: the docker workload's image." }),
    router: oneOf(["nginx", "command", "none"], {
      description: "preflight: how traffic moves.",
      default: "none"
    }),
    nginx_upstream_file: text({ description: "preflight: the nginx router's upstream include file.", ...PATH }),
    router_command: text({
      description: "preflight: the command router's command.",
      multiline: true,
      maxLength: 1e4
    }),
    deploy_timeout_minutes: number({
      description: "preflight: deadline of the deploy job in minutes; the deploy gets 10 less, for its rollback.",
      default: "360",
      integer: true,
      min: 15
    })
  },
  outputs: {
    releasable: "true when there is something to release; false ends the pipeline quietly.",
    versioning: "fixed or independent, as given: the changelog and release jobs take it on.",
    packages: "versioning: independent: JSON list of the packages to release, in publish order: {name, version, tag, path, private, bump, reasons, previous_version, previous_tag}; [] with versioning: fixed.",
    reason: "Why there is nothing to release (empty when releasable).",
    type: "The release type whose policy applies: major, minor, patch or hotfix.",
    version_bump: "The bump applied: major, minor or patch.",
    release_mode: "How the release job lands the release: direct, tag-only or pull-request.",
    next_version: "The version this release will have.",
    next_tag: "The tag this release will have.",
    previous_version: "The last release version (empty when there is none).",
    previous_tag: "The last release tag (empty when there is none).",
    commit_count: "Commits since the last release.",
    changelog_preview: "Markdown preview of the notes (the changelog stage writes the real ones).",
    policy: "The effective policy as JSON, with the source of each value.",
    gates: "Quality gates to run, comma separated (empty: smoke tests only).",
    load_profile: "Load profile of the quality gates.",
    run_smoke_tests: "true when smoke tests run before traffic moves.",
    strategy: "Deployment strategy.",
    canary_steps: "Canary steps, comma separated.",
    step_duration: "Analysis time per canary step or rolling batch.",
    monitor_duration: "Monitoring window after the switch.",
    environments: "JSON list of {job, environment} in the order the pipeline reaches them.",
    release_environment: "Environment of the release job (empty: none).",
    product_environment: "Environment of the product approval job (empty: no such job).",
    deploy_environment: "Environment of the deploy job (empty: none).",
    load_shards: "preflight: JSON list of the load shards, [1..load_shards] when the load is sharded, else [].",
    deploy_timeout: "preflight: the deploy action's timeout (deploy_timeout_minutes less 10).",
    run_quality_gates: "true when the quality-gates job runs: the policy has gates and their settings are given (preflight), else false.",
    run_deploy: "true when the deploy (and its approvals) runs: deploy settings given or require_deploy (preflight; without preflight, true)."
  },
  branding: { icon: "map", color: "gray-dark" },
  // The preflight's checks that need no policy; those that do run once the plan has resolved it (preflight.ts).
  refine(v) {
    const problems = monorepoProblems(v);
    if (!v.preflight) return problems;
    const need = (input, message) => problems.push({ input, message });
    if (v.load_shards === void 0)
      need(
        "load_shards",
        'Input "load_shards" is empty but required with preflight; expected a whole number from 1 to 64.'
      );
    if (!deployRequested(v)) return problems;
    const missing = [
      [
        !v.version_url && "version_url",
        "to deploy: a deploy is done only when the serving version is the released one, and version_url is where it is read"
      ],
      [
        v.workload === "command" && !v.deploy_start_command.trim() && "deploy_start_command",
        "with workload command (it starts one instance of a version)"
      ],
      [v.workload === "docker" && !v.docker_image && "docker_image", "with workload docker"],
      [v.router === "nginx" && !v.nginx_upstream_file && "nginx_upstream_file", "with router nginx"],
      [v.router === "command" && !v.router_command.trim() && "router_command", "with router command"]
    ];
    for (const [input, why] of missing) if (input) need(input, `Input "${input}" is empty but required ${why}.`);
    return problems;
  }
});

// actions/plan/src/independent.ts
async function planIndependent(git, workspace, inputs) {
  const mono = await planMonorepo(git, workspace, monorepoOptions(inputs));
  const released = mono.packages.filter((p) => p.release);
  const seen = /* @__PURE__ */ new Set();
  const commits = released.flatMap((p) => p.commits).filter((c) => !seen.has(c.hash) && seen.add(c.hash));
  const cancelled = cancelledByReverts(commits);
  const recommended = released.map((p) => p.bump).reduce((a, b) => a === "none" ? b : maxBump(a, b), "none");
  return {
    mono,
    preview: {
      commits: commits.map((c) => toPreviewCommit(c, cancelled.has(c.hash))),
      recommended,
      merged: [],
      all: []
    },
    packages: released.map((p) => ({
      name: p.name,
      version: p.version,
      tag: p.tag ?? "",
      path: p.path,
      private: p.private,
      bump: p.bump ?? "",
      reasons: p.reasons,
      previous_version: p.previousVersion ?? "",
      previous_tag: p.previousTag ?? ""
    }))
  };
}
function packagesTable(summary2, mono) {
  summary2.table(
    ["package", "path", "previous", "next", "bump", "why"],
    mono.packages.map((p) => [
      `${p.name}${p.private ? " (private: not published)" : ""}`,
      p.path,
      p.previousTag ? `${p.previousTag}${p.previousTagStyle && p.previousTagStyle !== "tag_format" ? ` (${p.previousTagStyle} tag)` : ""}` : "—",
      p.release ? p.tag ?? "" : "not released",
      p.bump ?? "—",
      p.reasons.join("; ")
    ])
  );
}
function packagesPreview(mono) {
  return mono.packages.filter((p) => p.release).map((p) => {
    const cancelled = cancelledByReverts(p.commits);
    return changelogPreview(
      p.commits.map((c) => toPreviewCommit(c, cancelled.has(c.hash))),
      { version: `${escapeMarkdownHtml(p.name)} ${p.version}` }
    );
  }).join("\n\n");
}

// actions/plan/src/preflight.ts
var ROLLBACK_RESERVE_MINUTES = 10;
var LOAD_GATES = ["load-testing", "performance-profiling"];
function preflight(p, s) {
  const problems = [];
  const need = (input, message) => problems.push({ input, message });
  const service = !!s.target_url || !!s.start_command || s.load_engine === "k6" || !!s.k6_script || s.load_shards > 1;
  const skipped = [];
  const run2 = p.gates.filter((g) => {
    if (s.requireGates) return true;
    if (LOAD_GATES.includes(g) && !service)
      skipped.push({ gate: g, because: "no service to load: target_url (or start_command, or k6_script) not given" });
    else if (g === "container-build" && !s.image)
      skipped.push({ gate: g, because: "no image to build: image not given" });
    else return true;
    return false;
  });
  const gates = run2.join(",");
  const load = run2.some((g) => LOAD_GATES.includes(g));
  const why = s.requireGates ? "require_quality_gates: true runs" : "the policy runs";
  if (run2.includes("container-build") && !s.image)
    need(
      "image",
      `Input "image" is empty but required: ${why} the container-build gate, which builds the image of that name from the Dockerfile; give it, or require_quality_gates: auto to leave the gate out.`
    );
  if (load && s.load_engine === "k6" && !s.k6_script)
    need(
      "k6_script",
      `Input "k6_script" is empty but required: load_engine k6 runs the load gates (${gates}) with it, the path of the k6 script in the repository.`
    );
  if (load && s.load_engine === "builtin" && !s.target_url)
    need(
      "target_url",
      `Input "target_url" is empty but required: ${why} the load gates (${gates}) against it, a staging URL or the one start_command serves.`
    );
  let shards = [];
  if (load && s.load_shards > 1) {
    if (s.load_engine === "k6")
      need(
        "load_shards",
        `Input "load_shards" is ${s.load_shards}, which needs load_engine builtin: k6 summaries carry no histograms to merge into one verdict.`
      );
    else if (s.start_command)
      need(
        "load_shards",
        `Input "load_shards" is ${s.load_shards}: it spreads the load on one service (target_url) across runners, but start_command would start a copy on each runner: leave start_command empty, or load_shards 1.`
      );
    else shards = Array.from({ length: s.load_shards }, (_, i) => i + 1);
  }
  if (!s.deploy) return { problems, shards, deployTimeout: `${budgetMin(s)}m`, gates: run2, skipped };
  if ((p.strategy === "blue-green" || p.strategy === "canary") && s.router === "none")
    need(
      "router",
      `Input "router" is none but the ${p.strategy} strategy moves traffic between slots: set router nginx or command, or deployment_strategy rolling or immediate (or the strategy in the policy file).`
    );
  const budget = budgetMin(s);
  const monitorMs = parseDuration(p.monitor_duration);
  const stepMs = parseDuration(p.step_duration);
  if (monitorMs === void 0 || stepMs === void 0) {
    need(
      "policy_path",
      `The policy's monitor_duration (${p.monitor_duration}) or step_duration (${p.step_duration}) is not a duration.`
    );
  } else {
    const stepsMs = p.strategy === "canary" ? (p.canary_steps.length - 1) * stepMs : 0;
    const needMs = monitorMs + stepsMs;
    if (needMs >= budget * 6e4)
      need(
        "deploy_timeout_minutes",
        `Input "deploy_timeout_minutes" is ${s.deploy_timeout_minutes}, which leaves ${budget}: the ${p.strategy} deploy needs ${Math.floor(needMs / 6e4)} minutes of monitoring and canary steps (monitor_duration ${p.monitor_duration}): raise deploy_timeout_minutes (self-hosted runner above 360) or shorten monitor_duration in the policy file.`
      );
  }
  return { problems, shards, deployTimeout: `${budget}m`, gates: run2, skipped };
}
var budgetMin = (s) => s.deploy_timeout_minutes - ROLLBACK_RESERVE_MINUTES;

// actions/plan/src/registries.ts
async function readNpmLatest(inputs, o) {
  const names = inputs.publish_registries.includes("npm") ? await publicNpmPackages(o.workspace, inputs.versioning) : [];
  const found = await readLatest({
    fetch: o.fetch,
    npm: { registryUrl: inputs.npm_registry_url, names, token: o.env.NODE_AUTH_TOKEN?.trim() || void 0 }
  });
  for (const r of found) o.log.info(`${r.registry} ${r.name}: latest ${r.latest ?? "(none yet)"}`);
  return found;
}
async function checkRegistries(inputs, next, o) {
  const found = await readNpmLatest(inputs, o);
  const guarded = guardLatest({
    ...next,
    found,
    releaseBranch: inputs.release_branch,
    defaultBranch: o.defaultBranch,
    distTag: (backport) => defaultDistTag({
      prerelease: next.prerelease,
      prereleaseId: inputs.prerelease_id,
      backport,
      major: parts(next.version).major
    }),
    tagPrefix: inputs.tag_prefix
  });
  const what = `${inputs.tag_prefix}${next.version} under dist-tag ${guarded.distTag}`;
  return { found, publishes: new Map(found.map((f) => [f.name, what])) };
}
async function checkPackageRegistries(inputs, packages, o) {
  const found = await readNpmLatest(inputs, o);
  const released = inputs.publish_registries.includes("npm") ? packages.filter((p) => !p.private) : [];
  const guarded = guardPackagesLatest(released, {
    found,
    releaseBranch: inputs.release_branch,
    defaultBranch: o.defaultBranch,
    prereleaseId: inputs.prerelease_id,
    tagFormat: inputs.tag_format
  });
  return {
    found,
    publishes: new Map(released.map((p) => [p.name, `${p.tag} under dist-tag ${guarded.get(p.name)?.distTag}`]))
  };
}
function defaultBranchOf(event) {
  const repo = event.repository;
  return typeof repo?.default_branch === "string" ? repo.default_branch : void 0;
}

// actions/plan/src/main.ts
function policyTable(summary2, p) {
  const s = p.sources;
  const row = (name, value, source) => [name, value === "" ? "—" : value, source];
  summary2.table(
    ["", "effective", "from"],
    [
      row("quality gates", p.gates.join(", ") || "none (smoke tests only)", s.gates),
      row("load profile", p.gates.includes("load-testing") ? p.load_profile : "n/a", s.load_profile),
      row("smoke tests", p.smoke_tests ? "required" : "when run_smoke_tests", s.smoke_tests),
      row("deployment strategy", p.strategy, s.strategy),
      row(
        "canary steps",
        p.strategy === "canary" ? p.canary_steps.map((n) => `${n}%`).join(" → ") : "n/a",
        s.canary_steps
      ),
      row("step duration", p.step_duration, s.step_duration),
      row("monitoring window", p.monitor_duration, s.monitor_duration),
      row("release job environment", p.environments.release, s["environments.release"]),
      row("product approval environment", p.environments.product, s["environments.product"]),
      row("deploy job environment", p.environments.deploy, s["environments.deploy"])
    ]
  );
}
function stageRows(p, o) {
  const left = o.skipped.map((s) => `${s.gate} left out: ${s.because}`).join("; ");
  const forced = o.requireGates && o.preflight ? "require_quality_gates: true: " : "";
  const gates = o.gates.length ? ["quality gates", "yes", `${forced}the ${p.kind} policy's ${o.gates.join(", ")}${left ? ` (${left})` : ""}`] : ["quality gates", "no", p.gates.length ? left : `the ${p.kind} policy has no quality gate`];
  const deployBecause = !o.preflight ? "no preflight: the settings are not known here" : o.requireDeploy ? "require_deploy: true" : "deploy settings given";
  const rows = [gates, ["changelog", "yes", "every release has notes"], ["release", "yes", `${p.kind} release`]];
  if (!o.deploy)
    rows.push([
      "deploy",
      "no",
      "nothing to deploy: no version_url, deploy_start_command, docker_image or router given (require_deploy: true insists)"
    ]);
  else {
    if (p.environments.product)
      rows.push(["product approval", "yes", `a ${p.kind} release is deployed after product approves`]);
    rows.push(["deploy", "yes", `${deployBecause}: ${p.strategy}, monitored ${p.monitor_duration}`]);
  }
  return rows;
}
function registriesTable(summary2, r) {
  if (!r.found.length) return;
  summary2.heading("Registries", 3).table(
    ["registry", "name", "latest now", "this release"],
    r.found.map((f) => [
      f.registry,
      `\`${f.name}\``,
      f.latest ?? "(none yet)",
      r.publishes.get(f.name) ?? "not released"
    ])
  );
}
function pipelineChart(p, version, o) {
  const env = (e) => e ? `<br>⏸ ${e}` : "";
  const lines = [
    "flowchart LR",
    o.gates.length ? `  plan["plan<br>${version}"] --> gates["quality gates<br>${o.gates.join(", ")}"] --> changelog` : `  plan["plan<br>${version}"] --> changelog`,
    `  changelog --> release["release${env(p.environments.release)}"]`
  ];
  if (!o.deploy) return lines.join("\n");
  if (p.environments.product) {
    lines.push(`  release --> product["product approval${env(p.environments.product)}"]`);
    lines.push(`  product --> deploy["deploy: ${p.strategy}${env(p.environments.deploy)}"]`);
  } else {
    lines.push(`  release --> deploy["deploy: ${p.strategy}${env(p.environments.deploy)}"]`);
  }
  lines.push(`  deploy --> monitor["monitor ${p.monitor_duration}"]`);
  lines.push("  monitor -. failure .-> rollback");
  return lines.join("\n");
}
async function plan(inputs, ctx, deps = { fetch }) {
  const { log, summary: summary2, runner } = ctx;
  const { file, found } = loadPolicyFile(runner.workspace, inputs.policy_path);
  log.info(found ? `policy file: ${inputs.policy_path}` : `no ${inputs.policy_path}: the default policy applies`);
  const git = new Git(runner.workspace, { log });
  const notCheckout = await git.checkoutProblem();
  if (notCheckout) throw new StageError(notCheckout);
  if (await git.isShallow()) {
    throw new StageError(
      "The plan needs the full history to find the last release tag: check out with actions/checkout `fetch-depth: 0`."
    );
  }
  const independent = inputs.versioning === "independent" ? await planIndependent(git, runner.workspace, inputs) : void 0;
  const preview = independent ? independent.preview : await previewRelease(git, { tagPrefix: inputs.tag_prefix });
  const previous = independent ? "each package's last release" : preview.previousTag ? `${preview.previousTag}` : "no release yet";
  log.info(`${preview.commits.length} commits since ${previous}; recommended bump: ${preview.recommended}`);
  const previewOutputs = () => {
    ctx.setOutput("versioning", inputs.versioning);
    ctx.setOutput("packages", independent?.packages ?? []);
    ctx.setOutput("previous_version", preview.previousVersion ?? "");
    ctx.setOutput("previous_tag", preview.previousTag ?? "");
    ctx.setOutput("commit_count", String(preview.commits.length));
  };
  const chosen = releaseKind({
    versionBump: inputs.version_bump,
    hotfix: inputs.hotfix,
    recommended: preview.recommended
  });
  const nothing = preview.commits.length === 0 ? `no commits since ${previous}` : !chosen ? `no releasable commits since ${previous} (${preview.commits.length} commits, none a feat, fix, perf, revert or breaking change)` : "";
  if (nothing || !chosen) {
    previewOutputs();
    ctx.setOutput("releasable", "false");
    ctx.setOutput("reason", nothing);
    ctx.setOutput("changelog_preview", "");
    log.info(`Nothing to release: ${nothing}.`);
    summary2.heading("Release plan: nothing to release").paragraph(`Nothing to release: ${nothing}. No job after the plan runs.`);
    if (independent) packagesTable(summary2, independent.mono);
    if (preview.commits.length) summary2.details("Commits since the last release", changelogPreview(preview.commits));
    return;
  }
  const policy = effectivePolicy(chosen.kind, {
    file,
    names: {
      changelogReview: inputs.release_environment,
      productApproval: inputs.product_environment,
      production: inputs.environment,
      fastTrack: inputs.fast_track_environment
    },
    overrides: {
      deployment_strategy: inputs.deployment_strategy === "policy" ? void 0 : inputs.deployment_strategy,
      load_profile: inputs.load_profile === "policy" ? void 0 : inputs.load_profile,
      run_smoke_tests: inputs.run_smoke_tests
    }
  });
  const next = independent ? void 0 : nextVersion({
    merged: preview.merged,
    all: preview.all,
    bump: chosen.bump,
    releaseType: inputs.release_type,
    prereleaseId: inputs.prerelease_id,
    manifestVersion: rootManifestVersion(runner.workspace),
    ...inputs.initial_version ? { initialVersion: inputs.initial_version } : {}
  });
  const version = next?.version ?? "";
  const checkDeps = {
    fetch: deps.fetch,
    env: ctx.env,
    workspace: runner.workspace,
    defaultBranch: defaultBranchOf(runner.event),
    log
  };
  const registries = next ? await checkRegistries(inputs, next, checkDeps) : independent ? await checkPackageRegistries(
    inputs,
    independent.mono.packages.filter((p) => p.release).map((p) => ({
      ...p,
      tag: p.tag ?? "",
      prerelease: p.prerelease ?? false,
      backport: p.backport ?? false
    })),
    checkDeps
  ) : void 0;
  let gates = [...policy.gates];
  let skipped = [];
  const deploy = !inputs.preflight || deployRequested(inputs);
  if (inputs.preflight) {
    const checked = preflight(policy, {
      ...inputs,
      load_shards: inputs.load_shards ?? 1,
      deploy,
      requireGates: inputs.require_quality_gates === "true"
    });
    if (checked.problems.length) throw new InputProblems(checked.problems);
    ctx.setOutput("load_shards", checked.shards);
    ctx.setOutput("deploy_timeout", checked.deployTimeout);
    ({ gates, skipped } = checked);
  }
  const count = independent?.packages.length ?? 0;
  const tag = independent ? `${count} package${count === 1 ? "" : "s"}` : `${inputs.tag_prefix}${version}`;
  const notes = independent ? packagesPreview(independent.mono) : changelogPreview(preview.commits, { version });
  const order = approvalOrder(policy).filter((a) => deploy || a.job === "release");
  previewOutputs();
  ctx.setOutput("releasable", "true");
  ctx.setOutput("reason", "");
  ctx.setOutput("type", policy.kind);
  ctx.setOutput("version_bump", chosen.bump);
  ctx.setOutput("release_mode", inputs.release_mode);
  ctx.setOutput("next_version", version);
  ctx.setOutput("next_tag", independent ? "" : tag);
  ctx.setOutput("changelog_preview", notes);
  ctx.setOutput("policy", policy);
  ctx.setOutput("gates", gates.join(","));
  ctx.setOutput("run_quality_gates", String(gates.length > 0));
  ctx.setOutput("run_deploy", String(deploy));
  ctx.setOutput("load_profile", policy.load_profile);
  ctx.setOutput("run_smoke_tests", String(policy.smoke_tests || inputs.run_smoke_tests));
  ctx.setOutput("strategy", policy.strategy);
  ctx.setOutput("canary_steps", policy.canary_steps.join(","));
  ctx.setOutput("step_duration", policy.step_duration);
  ctx.setOutput("monitor_duration", policy.monitor_duration);
  ctx.setOutput("environments", order);
  ctx.setOutput("release_environment", policy.environments.release);
  ctx.setOutput("product_environment", deploy ? policy.environments.product : "");
  ctx.setOutput("deploy_environment", policy.environments.deploy);
  await log.group("Effective policy", async () => {
    log.info(JSON.stringify(policy, null, 2));
  });
  log.info(
    `Release plan: ${previous} → ${tag} (${policy.kind}, ${chosen.bump} bump, release_mode ${inputs.release_mode})`
  );
  for (const p of independent?.packages ?? [])
    log.info(logText`  ${p.name}: ${p.previous_tag || "(none)"} → ${p.tag} (${p.bump}: ${p.reasons.join("; ")})`);
  summary2.heading(`Release plan: ${tag} (${policy.kind})`).table(
    ["release type", "bump", "previous", "next", "commits", "quality gates required"],
    [
      [
        policy.kind,
        chosen.bump,
        preview.previousTag ?? "—",
        tag,
        preview.commits.length,
        inputs.require_quality_gates === "false" ? "no (failed gates let the release go on)" : "yes"
      ]
    ]
  );
  if (independent) {
    summary2.heading("Packages", 3);
    packagesTable(summary2, independent.mono);
  }
  summary2.heading("Stages", 3).table(
    ["stage", "runs?", "because"],
    stageRows(policy, {
      gates,
      skipped,
      deploy,
      preflight: inputs.preflight,
      requireDeploy: inputs.require_deploy,
      requireGates: inputs.require_quality_gates === "true"
    })
  ).heading("Effective policy", 3);
  policyTable(summary2, policy);
  if (registries) registriesTable(summary2, registries);
  summary2.paragraph(
    order.length ? `Approvals, in order: ${order.map((a) => `**${a.environment}** (${a.job} job)`).join(" → ")}.` : "No approval environment: the pipeline runs without a human gate."
  ).mermaid(pipelineChart(policy, tag, { gates, deploy })).heading("Changelog preview", 3).raw(notes).paragraph("_A preview from the commit subjects; the changelog job writes the notes the release publishes._");
}
async function run(env = process.env) {
  await runStage(action, plan, env);
}

// actions/plan/src/index.ts
await run();
