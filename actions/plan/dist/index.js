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
    var valid2 = (version, options) => {
      const v = parse2(version, options);
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
function number(o) {
  const what = o.integer ? "a whole number" : "a number";
  const range = o.min !== void 0 && o.max !== void 0 ? ` from ${o.min} to ${o.max}` : o.min !== void 0 ? ` of at least ${o.min}` : o.max !== void 0 ? ` of at most ${o.max}` : "";
  const accepted = `${what}${range}`;
  return given({
    kind: "number",
    description: o.description,
    required: o.required ?? false,
    default: o.default,
    accepted,
    empty: void 0,
    parse(raw) {
      const v = raw.trim();
      if (!/^-?\d+(\.\d+)?$/.test(v)) return { ok: false, accepted };
      const n = Number(v);
      if (o.integer && !Number.isInteger(n)) return { ok: false, accepted };
      if (o.min !== void 0 && n < o.min || o.max !== void 0 && n > o.max) return { ok: false, accepted };
      return ok(n);
    }
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

// packages/shared/src/util/escape.ts
var HTML_ENTITY = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
var AUTOLINK = /^<(?:https?:\/\/|mailto:)[^\s<>]*>/i;
function escapeProse(text2, atLineStart) {
  let out = "";
  let i = 0;
  let lineStart = atLineStart;
  while (i < text2.length) {
    const c = text2[i];
    if (lineStart) {
      const quote = /^ {0,3}(?:> ?)+/.exec(text2.slice(i, i + 64));
      if (quote && quote[0].includes(">")) {
        out += quote[0];
        i += quote[0].length;
        lineStart = false;
        continue;
      }
    }
    lineStart = c === "\n";
    if (c === "<") {
      const link = AUTOLINK.exec(text2.slice(i, i + 2048));
      if (link) {
        out += link[0];
        i += link[0].length;
        continue;
      }
    }
    out += HTML_ENTITY[c] ?? c;
    i++;
  }
  return out;
}
function escapeMarkdownHtml(text2) {
  let out = "";
  let i = 0;
  const atLineStart = (at) => at === 0 || text2[at - 1] === "\n";
  while (i < text2.length) {
    const tick = text2.indexOf("`", i);
    if (tick < 0) {
      out += escapeProse(text2.slice(i), atLineStart(i));
      break;
    }
    out += escapeProse(text2.slice(i, tick), atLineStart(i));
    const run2 = /^`+/.exec(text2.slice(tick))?.[0];
    const close = new RegExp(`(?<!\`)${run2}(?!\`)`, "g");
    close.lastIndex = tick + run2.length;
    const m = close.exec(text2);
    if (!m) {
      out += run2;
      i = tick + run2.length;
      continue;
    }
    out += text2.slice(tick, m.index + run2.length);
    i = m.index + run2.length;
  }
  return out;
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
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
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
    return resolve(p);
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
    if (resolve(top) !== resolve(this.cwd) && realpathOr(top) !== realpathOr(this.cwd))
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

// packages/shared/src/plan/preview.ts
var import_compare2 = __toESM(require_compare(), 1);
var import_parse4 = __toESM(require_parse(), 1);

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
  const list = [...commits];
  const cancelled = list.every((c) => c.hash !== void 0) ? cancelledByReverts(list) : /* @__PURE__ */ new Set();
  let bump = "none";
  for (const c of list) {
    if (c.hash !== void 0 && cancelled.has(c.hash)) continue;
    bump = maxBump(bump, commitBump(c));
    if (bump === "major") break;
  }
  const cur = currentVersion ? (0, import_coerce.default)(currentVersion, { includePrerelease: true }) : null;
  if (bump === "major" && cur && cur.major === 0) return "minor";
  return bump;
}

// packages/shared/src/versioning/version.ts
var import_compare = __toESM(require_compare(), 1);
var import_inc = __toESM(require_inc(), 1);
var import_parse3 = __toESM(require_parse(), 1);
var import_prerelease = __toESM(require_prerelease(), 1);
var import_valid2 = __toESM(require_valid(), 1);
var import_diff = __toESM(require_diff(), 1);
function tagVersion(tag, prefix) {
  if (!tag.startsWith(prefix)) return void 0;
  const v = tag.slice(prefix.length);
  const p = (0, import_parse3.default)(v);
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
  const p = (0, import_parse3.default)(v);
  return `${p.major}.${p.minor}.${p.patch}`;
};
var DEFAULT_INITIAL_VERSION = "1.0.0";
function realManifestVersion(v) {
  if (!v) return void 0;
  const p = (0, import_parse3.default)(v.trim());
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
  } else {
    let base;
    if (!previousStable) {
      const initial = i.initialVersion?.replace(/^v(?=\d)/, "");
      if (initial) {
        if (!(0, import_parse3.default)(initial)) throw new StageError(`initial_version "${i.initialVersion}" is not a semantic version`);
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
  const latest = i.registryLatest ? (0, import_valid2.default)(i.registryLatest) : null;
  if (latest && !backport && below(latest)) {
    throw new StageError(
      `the next version ${version} is lower than the registry's latest ${latest}; give a higher version (nothing was changed)`
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
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// packages/shared/src/plan/preview.ts
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
    if (!previousVersion || (0, import_compare2.default)(v, previousVersion) > 0) {
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
    const list = commits.filter((c) => !c.cancelled && match(c));
    if (!list.length) continue;
    lines.push(`#### ${title}`, "");
    for (const c of list.slice(0, limit)) {
      const scope = c.scope ? `**${escapeMarkdownHtml(c.scope)}:** ` : "";
      lines.push(`- ${scope}${escapeMarkdownHtml(c.subject)} (${c.sha.slice(0, 7)})`);
    }
    if (list.length > limit) lines.push(`- … and ${list.length - limit} more`);
    lines.push("");
    shown += list.length;
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

// packages/shared/src/versioning/manifests.ts
import { existsSync, lstatSync as lstatSync2, readdirSync, readFileSync as readFileSync2, statSync as statSync2, writeFileSync } from "node:fs";
import { join as join2, posix, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";

// packages/shared/src/util/paths.ts
import { lstatSync, readlinkSync, realpathSync as realpathSync2, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve as resolve2, sep } from "node:path";
var FORBIDDEN = ["/proc", "/dev", "/sys"];
function inside(root, p) {
  const rel = relative(root, p);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
function realOrSelf(p) {
  try {
    return realpathSync2(p);
  } catch {
    return resolve2(p);
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
  const full = resolve2(workspace, path);
  const where = roots.map((r) => `${r.name} (${r.path})`).join(" or ");
  const describe = (real2) => {
    const l = firstLink(resolve2(workspace), full);
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
      real = realpathSync2(full);
    } catch {
      const l = firstLink(resolve2(workspace), full);
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
  return {
    major: {
      gates: ["load-testing", "performance-profiling", "container-build"],
      load_profile: "stress",
      smoke_tests: true,
      strategy: "canary",
      canary_steps: [10, 50, 100],
      step_duration: "10m",
      monitor_duration: "24h",
      environments: { release: names.changelogReview, product: names.productApproval, deploy: names.production }
    },
    minor: {
      gates: ["load-testing", "container-build"],
      load_profile: "peak",
      smoke_tests: true,
      strategy: "blue-green",
      canary_steps: [10, 50, 100],
      step_duration: "1m",
      monitor_duration: "1h",
      environments: { release: names.changelogReview, product: "", deploy: names.production }
    },
    patch: {
      gates: ["load-testing"],
      load_profile: "baseline",
      smoke_tests: false,
      strategy: "rolling",
      canary_steps: [10, 50, 100],
      step_duration: "1m",
      monitor_duration: STANDARD_MONITOR_DURATION,
      environments: { release: names.changelogReview, product: "", deploy: names.production }
    },
    hotfix: {
      gates: [],
      load_profile: "baseline",
      smoke_tests: true,
      strategy: "rolling",
      canary_steps: [10, 50, 100],
      step_duration: "0s",
      monitor_duration: "1h",
      environments: { release: names.fastTrack, product: "", deploy: names.production }
    }
  };
}

// packages/shared/src/policy/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { lstatSync as lstatSync3, readFileSync as readFileSync3 } from "node:fs";
import { resolve as resolve4 } from "node:path";
var DEFAULT_POLICY_PATH = ".github/release-policy.yml";
var ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
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
      const optional = k === "product";
      if (typeof name !== "string" || (name === "" ? !optional : !ENVIRONMENT_NAME_PATTERN.test(name))) {
        c.fail(
          `${key}.${k}`,
          v[k],
          "an environment name of letters, digits and . _ - (no spaces or shell metacharacters)" + (optional ? ', or "" for no product approval' : "")
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
  if (!lstatSync3(resolve4(cwd, path), { throwIfNoEntry: false })) return { file: { types: {} }, found: false };
  const real = confinePath(cwd, path, { input: "policy_path" });
  return { file: parsePolicyFile(readFileSync3(real, "utf8"), path), found: true };
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
var environment = (description, dflt) => text({
  description,
  default: dflt,
  pattern: ENVIRONMENT_NAME_PATTERN,
  patternHint: "an environment name of letters, digits and . _ - (no spaces, newlines or shell metacharacters)"
});
function deployRequested(v) {
  return v.require_deploy || !!v.version_url || v.workload === "docker" || !!v.deploy_start_command.trim() || !!v.docker_image || v.router !== "none" || !!v.nginx_upstream_file || !!v.router_command.trim();
}
var PATH = { pattern: /^[^\r\n\0]+$/, patternHint: "a file path on one line" };
var action = defineAction({
  id: "plan",
  name: "release-actions: plan",
  description: "The release plan, with no side effects: release type, effective policy (gates, strategy, monitoring window, approvals), next version and a changelog preview, for the approvers.",
  branding: { icon: "map", color: "gray-dark" },
  inputs: {
    version_bump: oneOf(["major", "minor", "patch", "auto"], {
      description: "Which part of the version to bump; auto: from the conventional commits since the last tag (nothing to release when none is releasable).",
      default: "auto"
    }),
    hotfix: bool({
      description: "A hotfix: a patch release under the hotfix policy (smoke tests only, fast track).",
      default: "false"
    }),
    release_mode: oneOf(["direct", "tag-only", "pull-request"], {
      description: "How the release job lands the release (docs/protected-branches.md): direct, tag-only or pull-request. Shown in the plan and passed on as an output.",
      default: "direct"
    }),
    release_type: oneOf(["stable", "prerelease"], {
      description: "stable, or prerelease (X.Y.Z-<prerelease_id>.N).",
      default: "stable"
    }),
    prerelease_id: text({
      description: "Prerelease identifier (rc, beta, alpha…).",
      default: "rc",
      pattern: /^[0-9A-Za-z-]+$/,
      patternHint: "a semver identifier of letters, digits and hyphens (rc, beta, alpha)"
    }),
    tag_prefix: text({ description: "Prefix of release tags.", default: "v", identifier: true }),
    initial_version: semver({
      description: "First release's version when no release tag exists yet (docs/versioning.md). Empty: the root package.json's version (placeholders such as 0.0.0-development count as none), else 1.0.0.",
      allowV: true
    }),
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
    require_quality_gates: bool({
      description: "The release needs the quality gates' success (shown in the plan).",
      default: "true"
    }),
    release_environment: environment(
      "Environment of the release job: the Release Manager reviews the changelog.",
      "changelog-review"
    ),
    product_environment: environment("Environment where product approves a major release.", "product-approval"),
    environment: environment("The production environment (deploy job): the Engineering Lead approves.", "production"),
    fast_track_environment: environment(
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
    workload: oneOf(["command", "docker"], { description: "preflight: where versions run.", default: "command" }),
    deploy_start_command: text({
      description: "preflight: the command workload's start command.",
      multiline: true,
      maxLength: 1e4
    }),
    docker_image: text({ description: "preflight: the docker workload's image." }),
    router: oneOf(["nginx", "command", "none"], { description: "preflight: how traffic moves.", default: "none" }),
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
    releasable: { description: "true when there is something to release; false ends the pipeline quietly." },
    reason: { description: "Why there is nothing to release (empty when releasable)." },
    type: { description: "The release type whose policy applies: major, minor, patch or hotfix." },
    version_bump: { description: "The bump applied: major, minor or patch." },
    release_mode: { description: "How the release job lands the release: direct, tag-only or pull-request." },
    next_version: { description: "The version this release will have." },
    next_tag: { description: "The tag this release will have." },
    previous_version: { description: "The last release version (empty when there is none)." },
    previous_tag: { description: "The last release tag (empty when there is none)." },
    commit_count: { description: "Commits since the last release." },
    changelog_preview: { description: "Markdown preview of the notes (the changelog stage writes the real ones)." },
    policy: { description: "The effective policy as JSON, with the source of each value." },
    gates: { description: "Quality gates to run, comma separated (empty: smoke tests only)." },
    load_profile: { description: "Load profile of the quality gates." },
    run_smoke_tests: { description: "true when smoke tests run before traffic moves." },
    strategy: { description: "Deployment strategy." },
    canary_steps: { description: "Canary steps, comma separated." },
    step_duration: { description: "Analysis time per canary step or rolling batch." },
    monitor_duration: { description: "Monitoring window after the switch." },
    environments: { description: "JSON list of {job, environment} in the order the pipeline reaches them." },
    release_environment: { description: "Environment of the release job (empty: none)." },
    product_environment: { description: "Environment of the product approval job (empty: no such job)." },
    deploy_environment: { description: "Environment of the deploy job (empty: none)." },
    load_shards: {
      description: "preflight: JSON list of the load shards, [1..load_shards] when the load is sharded, else []."
    },
    deploy_timeout: { description: "preflight: the deploy action's timeout (deploy_timeout_minutes less 10)." },
    run_quality_gates: {
      description: "true when the quality-gates job runs: the policy has gates and their settings are given (preflight), else false."
    },
    run_deploy: {
      description: "true when the deploy (and its approvals) runs: deploy settings given or require_deploy (preflight; without preflight, true)."
    }
  },
  // The preflight's checks that need no policy; those that do run once the plan has resolved it (preflight.ts).
  refine(v) {
    if (!v.preflight) return [];
    const problems = [];
    const need = (input, message) => problems.push({ input, message });
    if (v.load_shards === void 0)
      need(
        "load_shards",
        'Input "load_shards" is empty but required with preflight; expected a whole number from 1 to 64.'
      );
    if (!deployRequested(v)) return problems;
    if (!v.version_url)
      need(
        "version_url",
        'Input "version_url" is empty but required to deploy: a deploy is done only when the serving version is the released one, and version_url is where it is read.'
      );
    if (v.workload === "command" && !v.deploy_start_command.trim())
      need(
        "deploy_start_command",
        'Input "deploy_start_command" is empty but required with workload command (it starts one instance of a version).'
      );
    if (v.workload === "docker" && !v.docker_image)
      need("docker_image", 'Input "docker_image" is empty but required with workload docker.');
    if (v.router === "nginx" && !v.nginx_upstream_file)
      need("nginx_upstream_file", 'Input "nginx_upstream_file" is empty but required with router nginx.');
    if (v.router === "command" && !v.router_command.trim())
      need("router_command", 'Input "router_command" is empty but required with router command.');
    return problems;
  }
});

// actions/plan/src/preflight.ts
var ROLLBACK_RESERVE_MINUTES = 10;
var LOAD_GATES = ["load-testing", "performance-profiling"];
function preflight(p, s) {
  const problems = [];
  const need = (input, message) => problems.push({ input, message });
  const service = !!s.target_url || !!s.start_command || s.load_engine === "k6" || !!s.k6_script || s.load_shards > 1;
  const skipped = [];
  const run2 = p.gates.filter((g) => {
    if (LOAD_GATES.includes(g) && !service)
      skipped.push({ gate: g, because: "no service to load: target_url (or start_command, or k6_script) not given" });
    else if (g === "container-build" && !s.image)
      skipped.push({ gate: g, because: "no image to build: image not given" });
    else return true;
    return false;
  });
  const gates = run2.join(",");
  const load = run2.some((g) => LOAD_GATES.includes(g));
  if (load && s.load_engine === "k6" && !s.k6_script)
    need(
      "k6_script",
      `Input "k6_script" is empty but required: load_engine k6 runs the load gates (${gates}) with it, the path of the k6 script in the repository.`
    );
  if (load && s.load_engine === "builtin" && !s.target_url)
    need(
      "target_url",
      `Input "target_url" is empty but required: the policy runs the load gates (${gates}) against it, a staging URL or the one start_command serves.`
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
  const gates = o.gates.length ? ["quality gates", "yes", `the ${p.kind} policy's ${o.gates.join(", ")}${left ? ` (${left})` : ""}`] : ["quality gates", "no", p.gates.length ? left : `the ${p.kind} policy has no quality gate`];
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
async function plan(inputs, ctx) {
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
  const preview = await previewRelease(git, { tagPrefix: inputs.tag_prefix });
  const previous = preview.previousTag ? `${preview.previousTag}` : "no release yet";
  log.info(`${preview.commits.length} commits since ${previous}; recommended bump: ${preview.recommended}`);
  ctx.setOutput("previous_version", preview.previousVersion ?? "");
  ctx.setOutput("previous_tag", preview.previousTag ?? "");
  ctx.setOutput("commit_count", String(preview.commits.length));
  const chosen = releaseKind({
    versionBump: inputs.version_bump,
    hotfix: inputs.hotfix,
    recommended: preview.recommended
  });
  const nothing = preview.commits.length === 0 ? `no commits since ${previous}` : !chosen ? `no releasable commits since ${previous} (${preview.commits.length} commits, none a feat, fix, perf, revert or breaking change)` : "";
  if (nothing || !chosen) {
    ctx.setOutput("releasable", "false");
    ctx.setOutput("reason", nothing);
    ctx.setOutput("changelog_preview", "");
    log.info(`Nothing to release: ${nothing}.`);
    summary2.heading("Release plan: nothing to release").paragraph(`Nothing to release: ${nothing}. No job after the plan runs.`);
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
  const { version } = nextVersion({
    merged: preview.merged,
    all: preview.all,
    bump: chosen.bump,
    releaseType: inputs.release_type,
    prereleaseId: inputs.prerelease_id,
    manifestVersion: rootManifestVersion(runner.workspace),
    ...inputs.initial_version ? { initialVersion: inputs.initial_version } : {}
  });
  let gates = [...policy.gates];
  let skipped = [];
  const deploy = !inputs.preflight || deployRequested(inputs);
  if (inputs.preflight) {
    const checked = preflight(policy, { ...inputs, load_shards: inputs.load_shards ?? 1, deploy });
    if (checked.problems.length) throw new InputProblems(checked.problems);
    ctx.setOutput("load_shards", checked.shards);
    ctx.setOutput("deploy_timeout", checked.deployTimeout);
    ({ gates, skipped } = checked);
  }
  const tag = `${inputs.tag_prefix}${version}`;
  const notes = changelogPreview(preview.commits, { version });
  const order = approvalOrder(policy).filter((a) => deploy || a.job === "release");
  ctx.setOutput("releasable", "true");
  ctx.setOutput("reason", "");
  ctx.setOutput("type", policy.kind);
  ctx.setOutput("version_bump", chosen.bump);
  ctx.setOutput("release_mode", inputs.release_mode);
  ctx.setOutput("next_version", version);
  ctx.setOutput("next_tag", tag);
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
  summary2.heading(`Release plan: ${tag} (${policy.kind})`).table(
    ["release type", "bump", "previous", "next", "commits", "quality gates required"],
    [
      [
        policy.kind,
        chosen.bump,
        preview.previousTag ?? "—",
        tag,
        preview.commits.length,
        inputs.require_quality_gates ? "yes" : "no"
      ]
    ]
  ).heading("Stages", 3).table(
    ["stage", "runs?", "because"],
    stageRows(policy, { gates, skipped, deploy, preflight: inputs.preflight, requireDeploy: inputs.require_deploy })
  ).heading("Effective policy", 3);
  policyTable(summary2, policy);
  summary2.paragraph(
    order.length ? `Approvals, in order: ${order.map((a) => `**${a.environment}** (${a.job} job)`).join(" → ")}.` : "No approval environment: the pipeline runs without a human gate."
  ).mermaid(pipelineChart(policy, tag, { gates, deploy })).heading("Changelog preview", 3).raw(notes).paragraph("_A preview from the commit subjects; the changelog job writes the notes the release publishes._");
}
async function run(env = process.env) {
  await runStage(action, plan, env);
}

// actions/plan/src/index.ts
await run();
