// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);
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
    var compare3 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare3;
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

// packages/shared/node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "packages/shared/node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var rcompare = (a, b, loose) => compare3(b, a, loose);
    module.exports = rcompare;
  }
});

// actions/changelog/src/main.ts
import { mkdirSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2, isAbsolute as isAbsolute2, join as join8, relative as relative3, resolve as resolve4 } from "node:path";

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
var yamlParse;
async function loadYaml() {
  if (yamlParse) return;
  const mod = await import("./chunks/dist-HG2IXRRE.js");
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
var tagPrefixInput = /* @__PURE__ */ text({
  description: "Prefix of release tags (versioning: fixed).",
  default: "v",
  identifier: true
});
var initialVersionInput = /* @__PURE__ */ semver({
  description: "First release's version when no release tag exists yet (docs/versioning.md). Empty: the root package.json's version (placeholders such as 0.0.0-development count as none), else 1.0.0.",
  allowV: true
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
function applyChanges(root, changes) {
  const files = changes.map(
    (c) => confinePath(root, c.path, {
      input: "version_files",
      what: `The release's file ${c.path}`,
      mayBeMissing: c.before === ""
    })
  );
  changes.forEach((c, i) => {
    const now = existsSync(files[i]) ? readFileSync2(files[i], "utf8") : "";
    if (now !== c.before) throw new StageError(`${c.path} changed since the release was planned`);
  });
  changes.forEach((c, i) => writeFileSync(files[i], c.after));
}

// packages/shared/src/monorepo/workspaces.ts
async function pnpmPatterns(file) {
  const mod = await import("./chunks/dist-HG2IXRRE.js");
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

// packages/shared/src/monorepo/notes.ts
import { lstatSync as lstatSync4, readFileSync as readFileSync6 } from "node:fs";
import { join as join7, posix as posix3 } from "node:path";

// packages/shared/src/changelog/render.ts
var indent = (text2) => text2.replace(/\n/g, "\n  ");
function links(c, i) {
  const parts = [];
  const pr = i.prs?.get(c.hash);
  const prNumber = pr?.number ?? c.pr;
  if (prNumber !== void 0) {
    const url2 = pr?.url ?? (i.repoUrl ? `${i.repoUrl}/pull/${prNumber}` : "");
    parts.push(url2 ? `[#${prNumber}](${url2})` : `#${prNumber}`);
  }
  parts.push(i.repoUrl ? `[${c.shortHash}](${i.repoUrl}/commit/${c.hash})` : c.shortHash);
  const login = pr?.author ?? i.logins?.get(c.hash);
  return `(${parts.join(", ")})${login ? ` by @${login}` : ""}`;
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
async function renderConventional(i) {
  const { entries: entries2, breaking, stats } = classify(i);
  const writer = await import("./chunks/dist-3WUXBQYN.js");
  const url2 = compareUrl(i);
  const heading = `## ${url2 ? `[${i.version}](${url2})` : i.version} (${i.date})`;
  const commits = entries2.map((e) => ({
    hash: e.commit.hash,
    type: e.section,
    header: e.text,
    subject: e.commit.subject,
    scope: e.commit.scope ?? null,
    // The notes of this commit (all breaking here), rendered by the footer partial.
    notes: i.breakingSection ? [] : e.commit.breakingNotes.map((text2) => ({ title: "BREAKING CHANGES", text: text2 })),
    references: [],
    mentions: [],
    revert: null,
    order: i.types.order.indexOf(e.section),
    seq: 0
  }));
  commits.forEach((c, n) => c.seq = n);
  const titledLists = (groups, items, text2) => writer.each(
    groups,
    (g) => writer.segments(writer.heading(3, g.title), writer.list(items(g), text2)),
    writer.newline(2)
  );
  const rendered = await writer.writeChangelogString(
    commits,
    { version: i.version, date: i.date, linkReferences: false },
    {
      transform: () => ({}),
      ignoreReverted: false,
      groupBy: "type",
      commitGroupsSort: (a, b) => (a.commits[0]?.order ?? 0) - (b.commits[0]?.order ?? 0),
      commitsSort: (a, b) => a.seq - b.seq,
      template: (ctx) => writer.segments(
        heading,
        i.breakingSection && breaking.length ? writer.segments(
          `### ${BREAKING_TITLE}`,
          writer.list(breaking, (e) => e.text)
        ) : "",
        titledLists(
          ctx.commitGroups,
          (g) => g.commits,
          (c) => c.header
        ),
        titledLists(
          ctx.noteGroups,
          (g) => g.notes,
          (n) => n.text
        ),
        contributorsBlock(i, "###")
      )
    }
  );
  let section = rendered.trim();
  if (section === heading) section += "\n\n_No notable changes._";
  return { heading, section, notes: section, stats };
}
async function renderSection(i) {
  return i.format === "conventional-commits" ? renderConventional(i) : renderKeepAChangelog(i);
}

// packages/shared/src/changelog/file.ts
import { existsSync as existsSync6 } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
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
function headingVersionMatcher(version) {
  return new RegExp(`^#{1,2} (?:<small>)?\\[?v?${escapeRe2(version)}(?![\\w.+-])`);
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
async function updateChangelogFile(path, updates) {
  const created = !existsSync6(path);
  const decoded = created ? { text: DEFAULT_PREAMBLE, encoding: "utf8", bom: false, eol: "\n" } : decodeText(await readFile(path));
  let text2 = decoded.text;
  const fresh = [];
  const headings = text2.split("\n").filter((l) => SECTION_HEADING.test(l));
  for (const u of updates) {
    const m = headingVersionMatcher(u.version);
    if (headings.some((l) => m.test(l))) text2 = upsertSection(text2, u);
    else fresh.push(u);
  }
  if (fresh.length) {
    const newestFirst = fresh.slice().reverse();
    const top = newestFirst[0];
    text2 = upsertSection(text2, {
      version: top.version,
      section: newestFirst.map((u) => u.section).join("\n\n"),
      links: newestFirst.flatMap((u) => u.link ? [u.link] : []),
      ...top.newTag ? { newTag: top.newTag } : {}
    });
  }
  await writeFile(path, encodeText({ ...decoded, text: text2 }));
  return { created };
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
  const before = st ? readFileSync6(join7(workspace, path), "utf8") : "";
  const after = upsertSection(before.replace(/\r\n/g, "\n") || DEFAULT_PREAMBLE, {
    version: p.version,
    section: n.section,
    ...n.link ? { link: n.link } : {}
  });
  return { path, before, after, edits: [st ? `section ${p.version} added` : `created with section ${p.version}`] };
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

// packages/shared/src/changelog/history.ts
var import_prerelease2 = __toESM(require_prerelease(), 1);
var import_rcompare = __toESM(require_rcompare(), 1);

// packages/shared/src/git/git.ts
import { spawn } from "node:child_process";
import { realpathSync as realpathSync2 } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
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
    const text2 = await readFile2(path, "utf8");
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

// packages/shared/src/changelog/history.ts
async function releaseTags(git, prefix) {
  const all = await git.tags(prefix ? `${prefix}*` : void 0);
  const out = [];
  for (const t of all) {
    const v = tagVersion(t.name, prefix);
    if (!v) continue;
    out.push({ ...t, version: v, prerelease: (0, import_prerelease2.default)(v) !== null });
  }
  return out.sort((a, b) => (0, import_rcompare.default)(a.version, b.version) || a.name.localeCompare(b.name));
}
async function reachable(git, commit, head) {
  try {
    return await git.isAncestor(commit, head);
  } catch (e) {
    if (e instanceof GitError) return false;
    throw e;
  }
}
async function findPreviousTag(git, prefix, head = "HEAD", o = {}) {
  const tags = (o.tags ?? await releaseTags(git, prefix)).filter((t) => o.includePrereleases || !t.prerelease);
  let checked = 0;
  for (const t of tags) {
    if (checked++ >= 5) {
      const merged = await git.mergedTags(head, prefix ? `${prefix}*` : void 0);
      return tags.slice(checked - 1).find((x) => merged.has(x.name));
    }
    if (await reachable(git, t.commit, head)) return t;
  }
  return void 0;
}
var FETCH_DEPTH_HINT = "set `fetch-depth: 0` on actions/checkout (the changelog needs the history back to the previous release tag)";
async function readHistory(git, o) {
  const headRev = o.head ?? "HEAD";
  const steps = [...o.deepenSteps ?? [200, 2e3, 2e4], "all"];
  let deepened = 0;
  for (; ; ) {
    const [{ commit: head, shallow }, tags] = await Promise.all([
      git.resolveWithShallow(headRev),
      o.since === void 0 ? releaseTags(git, o.tagPrefix) : void 0
    ]);
    if (!head) throw new StageError(`${headRev} does not name a commit: is the repository checked out?`);
    let previousTag;
    let missing = false;
    if (o.since) {
      const commit = await git.resolve(o.since);
      if (commit && await reachable(git, commit, head)) previousTag = { name: o.since, commit };
      else if (commit && !shallow.size) {
        o.log.warning(
          `since_tag ${o.since} is not an ancestor of ${headRev}: the notes cover ${o.since}..${headRev} (the commits of ${headRev} that ${o.since} does not have)`
        );
        previousTag = { name: o.since, commit };
      } else if (!shallow.size) {
        throw new StageError(`since_tag ${o.since} does not exist in this repository`);
      } else missing = true;
    } else if (o.since === void 0) {
      previousTag = await findPreviousTag(git, o.tagPrefix, head, { ...tags ? { tags } : {} });
    }
    if (!missing) {
      const commits = [];
      const range = previousTag ? [`${previousTag.commit}..${head}`] : [head];
      const boundary = await streamLog(git, range, (c) => commits.push(c), shallow);
      if (!boundary.length && (previousTag || !shallow.size)) return { previousTag, head, commits, deepened };
    }
    const step = steps[deepened];
    if (step === void 0) {
      throw new StageError(`the history is still incomplete after deepening the shallow clone: ${FETCH_DEPTH_HINT}`);
    }
    o.log.info(
      `shallow clone: ${step === "all" ? "fetching the whole history" : `deepening by ${step} commits`} to reach ${escapeLogText(previousTag?.name ?? o.since ?? "the previous release tag")}`
    );
    try {
      await git.deepen(step, o.remote);
    } catch (e) {
      throw new StageError(`this is a shallow clone and deepening it failed (${errorMessage(e)}): ${FETCH_DEPTH_HINT}`);
    }
    deepened++;
  }
}
async function streamReleases(git, o, onRelease) {
  const headRev = o.head ?? "HEAD";
  let deepened = 0;
  const read = () => Promise.all([git.resolveWithShallow(headRev), releaseTags(git, o.tagPrefix)]);
  const [first, firstTags] = await read();
  let head = first.commit;
  let allTags = firstTags;
  if (first.shallow.size) {
    o.log.info("shallow clone: fetching the whole history to render every release");
    try {
      await git.deepen("all", o.remote);
    } catch (e) {
      throw new StageError(
        `this is a shallow clone and unshallowing it failed (${errorMessage(e)}): ${FETCH_DEPTH_HINT}`
      );
    }
    deepened++;
    [{ commit: head }, allTags] = await read();
  }
  if (!head) throw new StageError(`${headRev} does not name a commit: is the repository checked out?`);
  const tags = allTags.filter((t) => t.commit);
  const byCommit = /* @__PURE__ */ new Map();
  for (const t of tags) if (!byCommit.has(t.commit)) byCommit.set(t.commit, t);
  let current = { commits: [] };
  let count = 0;
  let releases = 0;
  await streamLog(git, [head], (c) => {
    const tag = byCommit.get(c.hash);
    if (tag) {
      current.previous = tag;
      releases++;
      onRelease(current);
      current = { tag, commits: [] };
    }
    current.commits.push(c);
    count++;
  });
  releases++;
  onRelease(current);
  return { head, deepened, commitCount: count, releases };
}

// packages/shared/src/changelog/prs.ts
var BATCH_SIZE = 100;
var HEX = /^[0-9a-f]{40}$/;
function associationQuery(hashes) {
  const fields = hashes.map((h, n) => {
    if (!HEX.test(h)) throw new Error(`not a commit hash: ${h}`);
    return `c${n}: object(oid: "${h}") { ... on Commit { oid author { user { login } } associatedPullRequests(first: 1) { nodes { number title url mergedAt author { login } } } } }`;
  }).join("\n    ");
  return `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    ${fields}
  }
}`;
}
async function associatePullRequests(gh, o) {
  const out = { prs: /* @__PURE__ */ new Map(), logins: /* @__PURE__ */ new Map(), requests: 0, complete: true };
  const before = gh.requestCount;
  const unique = [...new Set(o.hashes)];
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    const batch = unique.slice(start, start + BATCH_SIZE);
    try {
      const data = await gh.graphql(associationQuery(batch), {
        owner: o.owner,
        name: o.repo
      });
      for (const node of Object.values(data.repository ?? {})) {
        if (!node?.oid) continue;
        const pr = node.associatedPullRequests?.nodes?.find((p) => p !== null) ?? void 0;
        if (pr) {
          out.prs.set(node.oid, {
            number: pr.number,
            url: pr.url,
            title: pr.title,
            ...pr.author?.login ? { author: pr.author.login } : {}
          });
        }
        const login = node.author?.user?.login ?? pr?.author?.login;
        if (login) out.logins.set(node.oid, login);
      }
    } catch (e) {
      out.complete = false;
      out.prs.clear();
      out.logins.clear();
      o.log.warning(
        `could not link commits to pull requests (${escapeLogText(errorMessage(e))}); the changelog uses commit links instead`,
        { title: "changelog: GitHub API unavailable" }
      );
      break;
    }
  }
  out.requests = gh.requestCount - before;
  return out;
}

// packages/shared/src/changelog/generate.ts
var sum = (a, b) => {
  const merge = (x, y) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    perType: merge(a.perType, b.perType),
    perSection: merge(a.perSection, b.perSection),
    shown: a.shown + b.shown,
    hidden: a.hidden + b.hidden,
    merges: a.merges + b.merges,
    reverted: a.reverted + b.reverted,
    breaking: a.breaking + b.breaking,
    prs: a.prs + b.prs
  };
};
async function contributorsOf(git, commits, logins, previousCommit) {
  const byKey = /* @__PURE__ */ new Map();
  for (const c of commits) {
    if (c.merge || c.authorName.endsWith("[bot]")) continue;
    const login = logins.get(c.hash);
    const key = login ? `@${login.toLowerCase()}` : c.authorEmail.toLowerCase();
    let k = byKey.get(key);
    if (!k)
      byKey.set(
        key,
        k = {
          name: login ?? c.authorName,
          ...login ? { login } : {},
          firstTime: true,
          commits: 0,
          emails: /* @__PURE__ */ new Set()
        }
      );
    k.commits++;
    k.emails.add(c.authorEmail.toLowerCase());
  }
  if (previousCommit && byKey.size) {
    const earlier = /* @__PURE__ */ new Set();
    await git.stream(["log", "--format=%aE", previousCommit, "--"], "\n", (line) => {
      if (line) earlier.add(line.toLowerCase());
    });
    for (const k of byKey.values()) if ([...k.emails].some((e) => earlier.has(e))) k.firstTime = false;
  }
  return [...byKey.values()].map(({ emails: _e, ...c }) => c).sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}
var today = () => (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
async function generateChangelog(o) {
  const types = typeMap(o.format, o.types);
  let commitTotal = 0;
  const apiBefore = o.github?.requestCount ?? 0;
  let releases = [];
  let deepened;
  const date = o.date ?? today();
  const early = [];
  const renderEarly = o.allReleases && !o.includePrs && o.format === "keep-a-changelog";
  let newestForBump;
  const reachable2 = [];
  if (o.allReleases) {
    const all = await streamReleases(o.git, { tagPrefix: o.tagPrefix, log: o.log }, (r) => {
      if (r.tag) reachable2.push({ tag: r.tag.name, version: r.tag.version, commit: r.tag.commit });
      if (!renderEarly) return void releases.push(r);
      if (!r.tag) {
        newestForBump = r;
        return;
      }
      const out = renderKeepAChangelog({
        format: o.format,
        version: r.tag.version,
        date: r.commits[0]?.date.slice(0, 10) ?? date,
        ...r.previous ? { previousTag: r.previous.name } : {},
        currentTag: r.tag.name,
        repoUrl: o.repoUrl ?? "",
        commits: r.commits,
        types,
        breakingSection: o.breakingChangesSection
      });
      early.push({ r: out, release: { ...r, commits: [] }, version: r.tag.version, tag: r.tag.name });
      commitTotal += r.commits.filter((c) => !c.merge).length;
    });
    deepened = all.deepened;
    if (renderEarly) releases = [newestForBump ?? { commits: [] }];
  } else {
    const h = await readHistory(o.git, { since: o.sinceTag, tagPrefix: o.tagPrefix, log: o.log });
    const prevVersion = h.previousTag && "version" in h.previousTag ? h.previousTag.version : void 0;
    const prev = h.previousTag ? {
      ...h.previousTag,
      version: prevVersion ?? h.previousTag.name,
      object: "",
      annotated: false,
      prerelease: false
    } : void 0;
    releases = [{ commits: h.commits, ...prev ? { previous: prev } : {} }];
    deepened = h.deepened;
  }
  const newest = releases[0];
  if (renderEarly && early[0]) newest.previous = early[0].release.tag;
  const previousTag = newest.previous?.name ?? "";
  const previousVersion = newest.previous ? newest.previous.version : void 0;
  const bump = recommendBump(newest.commits, previousVersion);
  const since = !o.allReleases && newest.previous ? tagVersion(newest.previous.name, o.tagPrefix) : void 0;
  if (since && newest.previous) reachable2.push({ tag: newest.previous.name, version: since, commit: "" });
  const version = (o.version ?? "").replace(/^v/, "") || nextVersion({
    merged: reachable2,
    all: reachable2,
    // Nothing releasable still names a new section: the next patch.
    bump: bump === "none" ? "patch" : bump,
    releaseType: "stable",
    prereleaseId: "rc",
    ...o.manifestVersion ? { manifestVersion: o.manifestVersion } : {},
    ...o.initialVersion ? { initialVersion: o.initialVersion } : {}
  }).version;
  const tag = `${o.tagPrefix}${version}`;
  let assoc;
  let degraded = false;
  if (o.includePrs) {
    if (!o.github || !o.owner || !o.repo) {
      o.log.warning("include_prs: no GitHub repository or token available; the changelog uses commit links");
      degraded = true;
    } else {
      const shown = [];
      for (const r of releases) for (const c of r.commits) if (!c.merge && types.sectionOf(c)) shown.push(c.hash);
      assoc = await associatePullRequests(o.github, { owner: o.owner, repo: o.repo, hashes: shown, log: o.log });
      degraded = !assoc.complete;
    }
  }
  const rendered = [];
  let contributors = [];
  let stats = emptyRenderStats();
  for (let n = 0; n < releases.length; n++) {
    const r = releases[n];
    const isNew = n === 0;
    if (isNew && o.allReleases && !r.commits.length && !o.version) continue;
    const v = isNew ? version : r.tag?.version;
    const t = isNew ? tag : r.tag?.name;
    let contribs;
    if (o.includePrs && isNew && assoc?.complete) {
      contribs = await contributorsOf(o.git, r.commits, assoc.logins, r.previous?.commit);
      contributors = contribs;
    }
    const out = await renderSection({
      format: o.format,
      version: v,
      date: isNew ? date : r.commits[0]?.date.slice(0, 10) ?? today(),
      ...r.previous ? { previousTag: r.previous.name } : {},
      currentTag: t,
      repoUrl: o.repoUrl ?? "",
      commits: r.commits,
      types,
      breakingSection: o.breakingChangesSection,
      ...assoc?.complete ? { prs: assoc.prs, logins: assoc.logins } : {},
      ...contribs ? { contributors: contribs } : {}
    });
    stats = sum(stats, out.stats);
    rendered.push({ r: out, release: r, version: v, tag: t });
  }
  for (const e of early) stats = sum(stats, e.r.stats);
  rendered.push(...early);
  let fileCreated;
  if (o.path) {
    const updates = rendered.slice().reverse().map((x) => ({
      version: x.version,
      section: x.r.section,
      ...x.r.link ? { link: x.r.link } : {},
      newTag: x.tag
    }));
    fileCreated = (await updateChangelogFile(o.path, updates)).created;
  }
  const commitCount = commitTotal + releases.reduce((a, r) => a + r.commits.filter((c) => !c.merge).length, 0);
  return {
    notes: rendered.map((x) => x.r.notes).join("\n\n"),
    version,
    tag,
    recommendedBump: bump,
    previousTag,
    commitCount,
    breakingCount: stats.breaking,
    stats,
    contributors,
    apiCalls: (o.github?.requestCount ?? 0) - apiBefore,
    degraded,
    sections: rendered.length,
    deepened,
    ...fileCreated !== void 0 ? { fileCreated } : {}
  };
}

// actions/changelog/src/independent.ts
async function independentChangelog(git, workspace, inputs, o) {
  const mono = await planMonorepo(git, workspace, monorepoOptions(inputs));
  const date = o.date ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const released = mono.packages.filter((p) => p.release);
  const notes = released.map((p) => ({ p, n: packageNotes(p, { repoUrl: o.repoUrl, date }) }));
  const commits = new Map(released.flatMap((p) => p.commits.map((c) => [c.hash, c])));
  if (inputs.write_file)
    applyChanges(
      workspace,
      notes.map(({ p, n }) => changelogChange(workspace, p, n))
    );
  return {
    notes: aggregateNotes(notes.map(({ p, n }) => ({ tag: p.tag, version: p.version, notes: n.notes }))),
    packages: released.map((p) => ({
      name: p.name,
      version: p.version,
      tag: p.tag,
      path: p.path,
      changelog_path: inputs.write_file ? `${p.path}/CHANGELOG.md` : ""
    })),
    commitCount: commits.size,
    breakingCount: [...commits.values()].filter((c) => c.breaking).length,
    bump: ["major", "minor", "patch"].find((b) => released.some((p) => p.bump === b)) ?? "none"
  };
}

// actions/changelog/src/inputs.ts
var action = defineAction("changelog", {
  description: "Conventional commits since the last release tag rendered as keep-a-changelog or conventional notes, with PR links and a recommended version bump.",
  inputs: {
    version: semver({
      description: "Version the new section is titled with. Empty: the recommended next version.",
      allowV: true
    }),
    since_tag: text({
      description: "Tag to start from. Empty: the newest semver release tag reachable from HEAD.",
      identifier: true
    }),
    format: oneOf(["keep-a-changelog", "conventional-commits"], {
      description: "Output format of the notes and CHANGELOG.md section.",
      default: "keep-a-changelog"
    }),
    include_prs: bool({
      description: "Link commits to their pull requests and authors (batched GraphQL).",
      default: "true"
    }),
    breaking_changes_section: bool({
      description: 'Put a "⚠ BREAKING CHANGES" section first, one entry per breaking note.',
      default: "true"
    }),
    tag_prefix: tagPrefixInput,
    ...monorepoInputs,
    initial_version: initialVersionInput,
    path: text({
      description: "Path of the changelog file, relative to the workspace.",
      default: "CHANGELOG.md"
    }),
    write_file: bool({ description: "Write the new section into the changelog file.", default: "true" }),
    types: yamlInput({
      description: "YAML or JSON mapping of commit types to sections, e.g. `{feat: Added, chore: hidden}`. Empty: the documented defaults.",
      shape: 'a YAML/JSON mapping of commit type to section name (or "hidden")',
      validate: (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? Object.values(v).every((s) => typeof s === "string" && s.trim() !== "") ? { value: v } : { error: "every value must be a section name" } : { error: "not a mapping" }
    }),
    all_releases: bool({
      description: "Render every release tag, first to last, plus the new section (since_tag ignored).",
      default: "false"
    }),
    token: githubToken("GitHub token for PR and author look-ups.")
  },
  outputs: {
    notes: "Markdown of the new section (versioning: independent: a `## <tag>` section per released package, each from its own commits).",
    packages: "versioning: independent: JSON list of {name, version, tag, path, changelog_path} of the packages released, in publish order; [] otherwise.",
    notes_file: "A file under RUNNER_TEMP holding the notes: hand them on as a file (an artifact, the release action's notes_file), never as an input or environment variable (one over 128 KiB stops a step from starting).",
    version: "Version the new section is titled with (the version model of docs/versioning.md).",
    recommended_bump: "major, minor, patch or none.",
    previous_tag: "The tag the history starts from (empty when there is none).",
    commit_count: "Commits in the range the notes cover (since the previous tag; every release with all_releases), hidden types included, merge commits not counted.",
    breaking_count: "Number of breaking changes.",
    changelog_path: "Path of the changelog file written."
  },
  branding: { icon: "book-open", color: "blue" },
  refine: (v) => monorepoProblems(v)
});

// actions/changelog/src/main.ts
function setOutputs(ctx, o) {
  const notesFile = join8(ctx.runner.runnerTemp, "release-actions-changelog", "RELEASE_NOTES.md");
  mkdirSync(dirname2(notesFile), { recursive: true });
  writeFileSync2(notesFile, o.notes);
  ctx.setOutput("notes_file", notesFile);
  for (const [name, value] of Object.entries(o)) ctx.setOutput(name, typeof value === "number" ? String(value) : value);
}
async function run(env = process.env) {
  await runStage(
    action,
    async (inputs, ctx) => {
      const { runner, log, summary: summary2 } = ctx;
      const workspace = resolve4(runner.workspace);
      const path = resolve4(workspace, inputs.path || "CHANGELOG.md");
      const rel = relative3(workspace, path);
      if (rel.startsWith("..") || isAbsolute2(rel)) {
        throw new InputError("path", `path: ${inputs.path} is outside the workspace; give a path inside it`);
      }
      if (inputs.write_file) confinePath(workspace, rel, { input: "path", mayBeMissing: true });
      const git = new Git(workspace, { log });
      const notCheckout = await git.checkoutProblem();
      if (notCheckout) throw new StageError(notCheckout);
      if (inputs.versioning === "independent") {
        const repoUrl2 = runner.repository ? `${runner.serverUrl}/${runner.repository}` : "";
        const r = await independentChangelog(git, workspace, inputs, { repoUrl: repoUrl2 });
        setOutputs(ctx, {
          notes: r.notes,
          packages: r.packages,
          version: "",
          recommended_bump: r.bump,
          previous_tag: "",
          commit_count: r.commitCount,
          breaking_count: r.breakingCount,
          changelog_path: r.packages.map((p) => p.changelog_path).filter(Boolean).join(",")
        });
        for (const p of r.packages)
          log.info(logText`changelog ${p.tag}${p.changelog_path ? `: ${p.changelog_path}` : ""}`);
        summary2.heading(`Changelog of ${r.packages.length} package${r.packages.length === 1 ? "" : "s"}`);
        summary2.table(
          ["package", "version", "CHANGELOG.md"],
          r.packages.map((p) => [p.name, p.version, p.changelog_path || "(not written)"])
        );
        summary2.details("Release notes", r.notes);
        return;
      }
      const token = inputs.token;
      const github = inputs.include_prs && token ? (await import("./chunks/github-TIWO4KDI.js")).createGitHubClient({
        token,
        apiUrl: runner.apiUrl,
        graphqlUrl: runner.graphqlUrl,
        log
      }) : void 0;
      const repoUrl = runner.repository ? `${runner.serverUrl}/${runner.repository}` : "";
      const result = await generateChangelog({
        git: token && /^https?:/.test(runner.serverUrl) ? git.withToken(runner.serverUrl, token) : git,
        log,
        ...github ? { github } : {},
        owner: runner.owner,
        repo: runner.repo,
        repoUrl,
        version: inputs.version ?? "",
        ...inputs.since_tag && !inputs.all_releases ? { sinceTag: inputs.since_tag } : {},
        tagPrefix: inputs.tag_prefix,
        format: inputs.format,
        includePrs: inputs.include_prs,
        breakingChangesSection: inputs.breaking_changes_section,
        ...inputs.types ? { types: inputs.types } : {},
        allReleases: inputs.all_releases,
        ...inputs.write_file ? { path } : {},
        manifestVersion: rootManifestVersion(workspace),
        ...inputs.initial_version ? { initialVersion: inputs.initial_version } : {}
      });
      setOutputs(ctx, {
        notes: result.notes,
        packages: [],
        version: result.version,
        recommended_bump: result.recommendedBump,
        previous_tag: result.previousTag,
        commit_count: result.commitCount,
        breaking_count: result.breakingCount,
        changelog_path: inputs.write_file ? rel : ""
      });
      log.info(
        `changelog ${result.version}: ${result.commitCount} commits since ${escapeLogText(result.previousTag || "the first commit")}, ${result.breakingCount} breaking, recommended bump ${result.recommendedBump}` + (inputs.write_file ? `, ${rel} ${result.fileCreated ? "created" : "updated"}` : "")
      );
      const s = result.stats;
      summary2.heading(`Changelog ${result.version}`);
      summary2.paragraph(
        `${result.commitCount} commits since ${result.previousTag ? `\`${result.previousTag}\`` : "the first commit"} · recommended bump **${result.recommendedBump}**` + (result.sections > 1 ? ` · ${result.sections} release sections` : "") + (inputs.write_file ? ` · \`${rel}\` ${result.fileCreated ? "created" : "updated"}` : "") + (result.deepened ? ` · shallow clone deepened ${result.deepened}×` : "") + (result.degraded ? " · ⚠ PR links unavailable (commit links used)" : "")
      );
      const rows = Object.entries(s.perType).sort((a, b) => b[1] - a[1]).map(([type, n]) => [`\`${type}\``, n]);
      rows.push(
        ["hidden (by type)", s.hidden],
        ["merge commits (skipped)", s.merges],
        ["reverted pairs (dropped)", s.reverted],
        ["**breaking changes**", s.breaking],
        ["pull requests", s.prs],
        ["contributors", result.contributors.length],
        ["first-time contributors", result.contributors.filter((c) => c.firstTime).length],
        ["GitHub API calls", result.apiCalls]
      );
      summary2.table(["count", "n"], rows, ["l", "r"]);
      const notes = result.notes.length > 2e5 ? `${result.notes.slice(0, 2e5)}

…(truncated)` : result.notes;
      summary2.details("Release notes", notes);
    },
    env
  );
}

// actions/changelog/src/index.ts
await run();
