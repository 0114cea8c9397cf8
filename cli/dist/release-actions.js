// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// packages/shared/node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "packages/shared/node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// packages/shared/node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "packages/shared/node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH2 = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH2 - 6;
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
      MAX_LENGTH: MAX_LENGTH2,
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
      MAX_LENGTH: MAX_LENGTH2
    } = require_constants();
    var debug = require_debug();
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
      ["\\d", MAX_LENGTH2],
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
      debug(name, index, value);
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
    var debug = require_debug();
    var { MAX_LENGTH: MAX_LENGTH2, MAX_SAFE_INTEGER } = require_constants();
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
        if (version.length > MAX_LENGTH2) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH2} characters`
          );
        }
        debug("SemVer", version, options);
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
        debug("SemVer.compare", this.version, this.options, other);
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
          debug("prerelease compare", i, a, b);
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
          debug("build compare", i, a, b);
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

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR2 = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR2;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR2:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection2(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR2;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection2;
    exports.isDocument = isDocument2;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor2) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor2)) {
        const sa = JSON.stringify(anchor2);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor2 = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor2);
          return anchor2;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver2, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver2, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver2, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver2, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver2, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver2.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver: reviver2 } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver2 === "function" ? applyReviver.applyReviver(reviver2, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor2 = anchors2 && source && anchors2.get(source);
        return anchor2 ? anchor2.count * anchor2.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar2 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar2.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar2.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar2.PLAIN = "PLAIN";
    Scalar2.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar2.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar2;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema2, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema2.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar2.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema2[identity.MAP] : Symbol.iterator in Object(value) ? schema2[identity.SEQ] : schema2[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar2.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema2, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema: schema2,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema2) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema2,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema2) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema2)
          copy.schema = schema2;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema2) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent2) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent2 ? comment.replace(/^(?! *$)/gm, indent2) : comment;
    }
    var lineComment = (str2, indent2, comment) => str2.endsWith("\n") ? indentComment(comment, indent2) : comment.includes("\n") ? "\n" + indentComment(comment, indent2) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent2, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent2.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent2.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent2.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent2.length);
          end = i + indent2.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent2}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent2}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent2) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent2) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent2;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent2, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent2}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent2 = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar2.Scalar.BLOCK_FOLDED ? false : type === Scalar2.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent2.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent2}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent2}`);
      }
      const indentSize = indent2 ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent2}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar2.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent2, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent2}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent2}`);
      return `|${header}
${indent2}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent: indent2, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar2.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent2 === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent2 === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent2}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar2.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar2.Scalar.BLOCK_FOLDED:
          case Scalar2.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar2.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor2 = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor2 && anchors.anchorIsValid(anchor2)) {
        anchors$1.add(anchor2);
        props.push(`&${anchor2}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent: indent2, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar2.Scalar.BLOCK_FOLDED || key.type === Scalar2.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent2 + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent2}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar2.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar2.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema2) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema2);
        if (identity.isNode(value))
          value = value.clone(schema2);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair2, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent: indent2, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent2}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent2);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent: indent2, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent2}${line}` : "\n";
          return `${str2}
${indent2}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent: indent2, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent2);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema2) {
        super(identity.MAP, schema2);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema2, obj, ctx) {
        const { keepUndefined, replacer: replacer2 } = ctx;
        const map = new this(schema2);
        const add = (key, value) => {
          if (typeof replacer2 === "function")
            value = replacer2.call(obj, key, value);
          else if (Array.isArray(replacer2) && !replacer2.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema2.sortMapEntries === "function") {
          map.items.sort(schema2.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair2, overwrite) {
        let _pair;
        if (identity.isPair(pair2))
          _pair = pair2;
        else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
          _pair = new Pair.Pair(pair2, pair2?.value);
        } else
          _pair = new Pair.Pair(pair2.key, pair2.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar2.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema2, obj, ctx) => YAMLMap.YAMLMap.from(schema2, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema2) {
        super(identity.SEQ, schema2);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar2.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema2, obj, ctx) {
        const { replacer: replacer2 } = ctx;
        const seq = new this(schema2);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer2 === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer2.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema2, obj, ctx) => YAMLSeq.YAMLSeq.from(schema2, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar2.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar2.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar2.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar2.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool3 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema2 = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool3.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema2;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar2.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema2 = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar2 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar2.Scalar.BLOCK_LITERAL);
        if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar2.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair2 = item.items[0] || new Pair.Pair(new Scalar2.Scalar(null));
            if (item.commentBefore)
              pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair2.value ?? pair2.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair2;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema2, iterable, ctx) {
      const { replacer: replacer2 } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema2);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer2 === "function")
            it = replacer2.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair2 of this.items) {
          let key, value;
          if (identity.isPair(pair2)) {
            key = toJS.toJS(pair2.key, "", ctx);
            value = toJS.toJS(pair2.value, key, ctx);
          } else {
            key = toJS.toJS(pair2, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema2, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema2, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema2, iterable, ctx) => YAMLOMap.from(schema2, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar2.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar2.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar2.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema2) {
        super(schema2);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair2;
        if (identity.isPair(key))
          pair2 = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair2 = new Pair.Pair(key.key, null);
        else
          pair2 = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair2.key);
        if (!prev)
          this.items.push(pair2);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair2 = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair2) ? identity.isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema2, iterable, ctx) {
        const { replacer: replacer2 } = ctx;
        const set2 = new this(schema2);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer2 === "function")
              value = replacer2.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema2, iterable, ctx) => YAMLSet.from(schema2, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool3 = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema2 = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool3.trueTag,
      bool3.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema2;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool3 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema2 = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema2.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool3.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema: schema2, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema2 === "string" && schema2 || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document2 = class _Document {
      constructor(value, replacer2, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer2 === "function" || Array.isArray(replacer2)) {
          _replacer = replacer2;
        } else if (options === void 0 && replacer2) {
          options = replacer2;
          replacer2 = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer2, options) {
        let _replacer = void 0;
        if (typeof replacer2 === "function") {
          value = replacer2.call({ "": value }, "", value);
          _replacer = replacer2;
        } else if (Array.isArray(replacer2)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer2.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer2 = replacer2.concat(asStr);
          _replacer = replacer2;
        } else if (options === void 0 && replacer2) {
          options = replacer2;
          replacer2 = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver: reviver2 } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver2 === "function" ? applyReviver.applyReviver(reviver2, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document2;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor2 = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor2 || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor2)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor2 = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor2 || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor: anchor2,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent2, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent2 && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair2) => isEqual(pair2.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair2);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair2);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor: anchor2, newlineAfterProp: nl } = props;
        const lastProp = anchor2 && tagToken ? anchor2.offset > tagToken.offset ? anchor2 : tagToken : anchor2 ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar2.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar2.Scalar.BLOCK_FOLDED : Scalar2.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent2, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent2.length > trimIndent)
            trimIndent = indent2.length;
        } else {
          if (indent2.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent2.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent2.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent2.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent2, content] = lines[i];
        offset += indent2.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent2.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent2 = "";
        }
        if (type === Scalar2.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent2.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent2.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent2.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent2 = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent2 && n)
            indent2 = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent: indent2, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar2.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok2 = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok2 ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar2.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar2.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema2, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema2[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema2.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema2.knownTags[tagName];
      if (kt && !kt.collection) {
        schema2.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema2[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema: schema2 }, value, token, onError) {
      const tag = schema2.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema2[identity.SCALAR];
      if (schema2.compat) {
        const compat = schema2.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema2[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor: anchor2, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor2 || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor2)
            node.anchor = anchor2.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor2)
              node.anchor = anchor2.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor2 && node.anchor === "")
        onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor: anchor2, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor2) {
        node.anchor = anchor2.source.substring(1);
        if (node.anchor === "")
          onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document2 = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document2.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document2 = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document2.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent: indent2, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent: indent2, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent: indent2, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
          return { type: "block-scalar", offset, indent: indent2, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent: indent2, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent: indent2, source, end };
        default:
          return { type: "scalar", offset, indent: indent2, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent2 = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent2 === "number")
        indent2 += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent2 === null,
        indent: indent2 !== null && indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent2 = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent: indent2, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent: indent2, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent2 = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent: indent2, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR2 = "";
    var isCollection2 = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR2:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR2:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR2;
    exports.isCollection = isCollection2;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent2 = 0;
          while (ch === " ")
            ch = this.buffer[++indent2 + offset];
          if (ch === "\r") {
            const next = this.buffer[indent2 + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent2 + 1;
          }
          return ch === "\n" || indent2 >= this.indentNext || !ch && !this.atEnd ? offset + indent2 : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent2 = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent2 = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent2 !== -1 && indent2 < this.indentNext && line[0] !== "#" || indent2 === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent2 === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent2 = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent2 += 1;
              break;
            case "\n":
              nl = i2;
              indent2 = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent2 >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent2;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent2 > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent2) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent2)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver2, options) {
      let _reviver = void 0;
      if (typeof reviver2 === "function") {
        _reviver = reviver2;
      } else if (options === void 0 && reviver2 && typeof reviver2 === "object") {
        options = reviver2;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer2, options) {
      let _replacer = null;
      if (typeof replacer2 === "function" || Array.isArray(replacer2)) {
        _replacer = replacer2;
      } else if (options === void 0 && replacer2) {
        options = replacer2;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent2 = Math.round(options);
        options = indent2 < 1 ? void 0 : indent2 > 8 ? { indent: 8 } : { indent: indent2 };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer2 ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document2.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document2.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar2.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

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
var init_errors = __esm({
  "packages/shared/src/util/errors.ts"() {
    "use strict";
  }
});

// packages/shared/src/util/escape.ts
function showControl(c) {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function escapeLogText(value, o = {}) {
  let s = typeof value === "string" ? value : String(value);
  if (o.max !== void 0 && s.length > o.max) s = `${s.slice(0, o.max)}…`;
  return s.replace(CONTROL2, showControl).replace(COMMAND_START, "$1\\$2");
}
var CONTROL2, COMMAND_START, NAMED;
var init_escape = __esm({
  "packages/shared/src/util/escape.ts"() {
    "use strict";
    CONTROL2 = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
    COMMAND_START = /^(\s*)(::|##\[)/;
    NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
  }
});

// node_modules/cronstrue/dist/cronstrue.js
var require_cronstrue = __commonJS({
  "node_modules/cronstrue/dist/cronstrue.js"(exports, module) {
    (function webpackUniversalModuleDefinition(root, factory) {
      if (typeof exports === "object" && typeof module === "object")
        module.exports = factory();
      else if (typeof define === "function" && define.amd)
        define("cronstrue", [], factory);
      else if (typeof exports === "object")
        exports["cronstrue"] = factory();
      else
        root["cronstrue"] = factory();
    })(globalThis, () => {
      return (
        /******/
        (() => {
          "use strict";
          var __webpack_modules__ = {
            /***/
            949: (
              /***/
              ((__unused_webpack_module, exports2, __webpack_require__2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.CronParser = void 0;
                var rangeValidator_1 = __webpack_require__2(515);
                var CronParser = (function() {
                  function CronParser2(expression, dayOfWeekStartIndexZero, monthStartIndexZero) {
                    if (dayOfWeekStartIndexZero === void 0) {
                      dayOfWeekStartIndexZero = true;
                    }
                    if (monthStartIndexZero === void 0) {
                      monthStartIndexZero = false;
                    }
                    this.expression = expression;
                    this.dayOfWeekStartIndexZero = dayOfWeekStartIndexZero;
                    this.monthStartIndexZero = monthStartIndexZero;
                  }
                  CronParser2.prototype.parse = function() {
                    var _a;
                    var parsed2;
                    var expression = (_a = this.expression) !== null && _a !== void 0 ? _a : "";
                    if (expression === "@reboot") {
                      parsed2 = ["@reboot", "", "", "", "", "", ""];
                      return parsed2;
                    } else if (expression.startsWith("@")) {
                      var special = this.parseSpecial(this.expression);
                      parsed2 = this.extractParts(special);
                    } else {
                      parsed2 = this.extractParts(this.expression);
                    }
                    this.normalize(parsed2);
                    this.validate(parsed2);
                    return parsed2;
                  };
                  CronParser2.prototype.parseSpecial = function(expression) {
                    var specialExpressions = {
                      "@yearly": "0 0 1 1 *",
                      "@annually": "0 0 1 1 *",
                      "@monthly": "0 0 1 * *",
                      "@weekly": "0 0 * * 0",
                      "@daily": "0 0 * * *",
                      "@midnight": "0 0 * * *",
                      "@hourly": "0 * * * *",
                      "@reboot": "@reboot"
                    };
                    var special = specialExpressions[expression];
                    if (!special) {
                      throw new Error("Unknown special expression.");
                    }
                    return special;
                  };
                  CronParser2.prototype.extractParts = function(expression) {
                    if (!this.expression) {
                      throw new Error("cron expression is empty");
                    }
                    var parsed2 = expression.trim().split(/[ ]+/);
                    for (var i = 0; i < parsed2.length; i++) {
                      if (parsed2[i].includes(",")) {
                        var arrayElement = parsed2[i].split(",").map(function(item) {
                          return item.trim();
                        }).filter(function(item) {
                          return item !== "";
                        }).map(function(item) {
                          return !isNaN(Number(item)) ? Number(item) : item;
                        }).filter(function(item) {
                          return item !== null && item !== "";
                        });
                        if (arrayElement.length === 0) {
                          arrayElement.push("*");
                        }
                        arrayElement.sort(function(a, b) {
                          return a !== null && b !== null ? a - b : 0;
                        });
                        parsed2[i] = arrayElement.map(function(item) {
                          return item !== null ? item.toString() : "";
                        }).join(",");
                      }
                    }
                    if (parsed2.length < 5) {
                      throw new Error("Expression has only ".concat(parsed2.length, " part").concat(parsed2.length == 1 ? "" : "s", ". At least 5 parts are required."));
                    } else if (parsed2.length == 5) {
                      parsed2.unshift("");
                      parsed2.push("");
                    } else if (parsed2.length == 6) {
                      var isYearWithNoSecondsPart = /\d{4}$/.test(parsed2[5]) || parsed2[4] == "?" || parsed2[2] == "?";
                      if (isYearWithNoSecondsPart) {
                        parsed2.unshift("");
                      } else {
                        parsed2.push("");
                      }
                    } else if (parsed2.length > 7) {
                      throw new Error("Expression has ".concat(parsed2.length, " parts; too many!"));
                    }
                    return parsed2;
                  };
                  CronParser2.prototype.normalize = function(expressionParts) {
                    var _this = this;
                    expressionParts[3] = expressionParts[3].replace("?", "*");
                    expressionParts[5] = expressionParts[5].replace("?", "*");
                    expressionParts[2] = expressionParts[2].replace("?", "*");
                    if (expressionParts[0].indexOf("0/") == 0) {
                      expressionParts[0] = expressionParts[0].replace("0/", "*/");
                    }
                    if (expressionParts[1].indexOf("0/") == 0) {
                      expressionParts[1] = expressionParts[1].replace("0/", "*/");
                    }
                    if (expressionParts[2].indexOf("0/") == 0) {
                      expressionParts[2] = expressionParts[2].replace("0/", "*/");
                    }
                    if (expressionParts[3].indexOf("1/") == 0) {
                      expressionParts[3] = expressionParts[3].replace("1/", "*/");
                    }
                    if (expressionParts[4].indexOf("1/") == 0) {
                      expressionParts[4] = expressionParts[4].replace("1/", "*/");
                    }
                    if (expressionParts[6].indexOf("1/") == 0) {
                      expressionParts[6] = expressionParts[6].replace("1/", "*/");
                    }
                    expressionParts[5] = expressionParts[5].replace(/(^\d)|([^#/\s]\d)/g, function(t) {
                      var dowDigits = t.replace(/\D/, "");
                      var dowDigitsAdjusted = dowDigits;
                      if (_this.dayOfWeekStartIndexZero) {
                        if (dowDigits == "7") {
                          dowDigitsAdjusted = "0";
                        }
                      } else {
                        dowDigitsAdjusted = (parseInt(dowDigits) - 1).toString();
                      }
                      return t.replace(dowDigits, dowDigitsAdjusted);
                    });
                    if (expressionParts[5] == "L") {
                      expressionParts[5] = "6";
                    }
                    if (expressionParts[3] == "?") {
                      expressionParts[3] = "*";
                    }
                    if (expressionParts[3].indexOf("W") > -1 && (expressionParts[3].indexOf(",") > -1 || expressionParts[3].indexOf("-") > -1)) {
                      throw new Error("The 'W' character can be specified only when the day-of-month is a single day, not a range or list of days.");
                    }
                    var days = {
                      SUN: 0,
                      MON: 1,
                      TUE: 2,
                      WED: 3,
                      THU: 4,
                      FRI: 5,
                      SAT: 6
                    };
                    for (var day in days) {
                      expressionParts[5] = expressionParts[5].replace(new RegExp(day, "gi"), days[day].toString());
                    }
                    expressionParts[4] = expressionParts[4].replace(/(^\d{1,2})|([^#/\s]\d{1,2})/g, function(t) {
                      var dowDigits = t.replace(/\D/, "");
                      var dowDigitsAdjusted = dowDigits;
                      if (_this.monthStartIndexZero) {
                        dowDigitsAdjusted = (parseInt(dowDigits) + 1).toString();
                      }
                      return t.replace(dowDigits, dowDigitsAdjusted);
                    });
                    var months = {
                      JAN: 1,
                      FEB: 2,
                      MAR: 3,
                      APR: 4,
                      MAY: 5,
                      JUN: 6,
                      JUL: 7,
                      AUG: 8,
                      SEP: 9,
                      OCT: 10,
                      NOV: 11,
                      DEC: 12
                    };
                    for (var month in months) {
                      expressionParts[4] = expressionParts[4].replace(new RegExp(month, "gi"), months[month].toString());
                    }
                    if (expressionParts[0] == "0") {
                      expressionParts[0] = "";
                    }
                    if (!/\*|\-|\,|\//.test(expressionParts[2]) && (/\*|\//.test(expressionParts[1]) || /\*|\//.test(expressionParts[0]))) {
                      expressionParts[2] += "-".concat(expressionParts[2]);
                    }
                    for (var i = 0; i < expressionParts.length; i++) {
                      if (expressionParts[i].indexOf(",") != -1) {
                        expressionParts[i] = expressionParts[i].split(",").filter(function(str2) {
                          return str2 !== "";
                        }).join(",") || "*";
                      }
                      if (expressionParts[i] == "*/1") {
                        expressionParts[i] = "*";
                      }
                      if (expressionParts[i].indexOf("/") > -1 && !/^\*|\-|\,/.test(expressionParts[i])) {
                        var stepRangeThrough = null;
                        switch (i) {
                          case 4:
                            stepRangeThrough = "12";
                            break;
                          case 5:
                            stepRangeThrough = "6";
                            break;
                          case 6:
                            stepRangeThrough = "9999";
                            break;
                          default:
                            stepRangeThrough = null;
                            break;
                        }
                        if (stepRangeThrough !== null) {
                          var parts = expressionParts[i].split("/");
                          expressionParts[i] = "".concat(parts[0], "-").concat(stepRangeThrough, "/").concat(parts[1]);
                        }
                      }
                    }
                  };
                  CronParser2.prototype.validate = function(parsed2) {
                    var standardCronPartCharacters = "0-9,\\-*/";
                    this.validateOnlyExpectedCharactersFound(parsed2[0], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed2[1], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed2[2], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed2[3], "0-9,\\-*/LW");
                    this.validateOnlyExpectedCharactersFound(parsed2[4], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed2[5], "0-9,\\-*/L#");
                    this.validateOnlyExpectedCharactersFound(parsed2[6], standardCronPartCharacters);
                    this.validateAnyRanges(parsed2);
                  };
                  CronParser2.prototype.validateAnyRanges = function(parsed2) {
                    rangeValidator_1.default.secondRange(parsed2[0]);
                    rangeValidator_1.default.minuteRange(parsed2[1]);
                    rangeValidator_1.default.hourRange(parsed2[2]);
                    rangeValidator_1.default.dayOfMonthRange(parsed2[3]);
                    rangeValidator_1.default.monthRange(parsed2[4], this.monthStartIndexZero);
                    rangeValidator_1.default.dayOfWeekRange(parsed2[5], this.dayOfWeekStartIndexZero);
                  };
                  CronParser2.prototype.validateOnlyExpectedCharactersFound = function(cronPart, allowedCharsExpression) {
                    var invalidChars = cronPart.match(new RegExp("[^".concat(allowedCharsExpression, "]+"), "gi"));
                    if (invalidChars && invalidChars.length) {
                      throw new Error("Expression contains invalid values: '".concat(invalidChars.toString(), "'"));
                    }
                  };
                  return CronParser2;
                })();
                exports2.CronParser = CronParser;
              })
            ),
            /***/
            333: (
              /***/
              ((__unused_webpack_module, exports2, __webpack_require__2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.ExpressionDescriptor = void 0;
                var stringUtilities_1 = __webpack_require__2(823);
                var cronParser_1 = __webpack_require__2(949);
                var ExpressionDescriptor = (function() {
                  function ExpressionDescriptor2(expression, options) {
                    this.expression = expression;
                    this.options = options;
                    this.expressionParts = new Array(5);
                    if (!this.options.locale && ExpressionDescriptor2.defaultLocale) {
                      this.options.locale = ExpressionDescriptor2.defaultLocale;
                    }
                    if (!ExpressionDescriptor2.locales[this.options.locale]) {
                      var fallBackLocale = Object.keys(ExpressionDescriptor2.locales)[0];
                      console.warn("Locale '".concat(this.options.locale, "' could not be found; falling back to '").concat(fallBackLocale, "'."));
                      this.options.locale = fallBackLocale;
                    }
                    this.i18n = ExpressionDescriptor2.locales[this.options.locale];
                    if (options.use24HourTimeFormat === void 0) {
                      options.use24HourTimeFormat = this.i18n.use24HourTimeFormatByDefault();
                    }
                  }
                  ExpressionDescriptor2.toString = function(expression, _a) {
                    var _b = _a === void 0 ? {} : _a, _c = _b.throwExceptionOnParseError, throwExceptionOnParseError = _c === void 0 ? true : _c, _d = _b.verbose, verbose = _d === void 0 ? false : _d, _e = _b.dayOfWeekStartIndexZero, dayOfWeekStartIndexZero = _e === void 0 ? true : _e, _f = _b.monthStartIndexZero, monthStartIndexZero = _f === void 0 ? false : _f, use24HourTimeFormat = _b.use24HourTimeFormat, _g = _b.locale, locale = _g === void 0 ? null : _g;
                    var options = {
                      throwExceptionOnParseError,
                      verbose,
                      dayOfWeekStartIndexZero,
                      monthStartIndexZero,
                      use24HourTimeFormat,
                      locale
                    };
                    if (options.tzOffset) {
                      console.warn("'tzOffset' option has been deprecated and is no longer supported.");
                    }
                    var descripter = new ExpressionDescriptor2(expression, options);
                    return descripter.getFullDescription();
                  };
                  ExpressionDescriptor2.initialize = function(localesLoader, defaultLocale) {
                    if (defaultLocale === void 0) {
                      defaultLocale = "en";
                    }
                    ExpressionDescriptor2.specialCharacters = ["/", "-", ",", "*"];
                    ExpressionDescriptor2.defaultLocale = defaultLocale;
                    localesLoader.load(ExpressionDescriptor2.locales);
                  };
                  ExpressionDescriptor2.prototype.getFullDescription = function() {
                    var _a, _b;
                    var description = "";
                    try {
                      var parser = new cronParser_1.CronParser(this.expression, this.options.dayOfWeekStartIndexZero, this.options.monthStartIndexZero);
                      this.expressionParts = parser.parse();
                      if (this.expressionParts[0] === "@reboot") {
                        return ((_b = (_a = this.i18n).atReboot) === null || _b === void 0 ? void 0 : _b.call(_a)) || "Run once, at startup";
                      }
                      var timeSegment = this.getTimeOfDayDescription();
                      var dayOfMonthDesc = this.getDayOfMonthDescription();
                      var monthDesc = this.getMonthDescription();
                      var dayOfWeekDesc = this.getDayOfWeekDescription();
                      var yearDesc = this.getYearDescription();
                      description += timeSegment + dayOfMonthDesc + dayOfWeekDesc + monthDesc + yearDesc;
                      description = this.transformVerbosity(description, !!this.options.verbose);
                      description = description.charAt(0).toLocaleUpperCase() + description.substr(1);
                    } catch (ex) {
                      if (!this.options.throwExceptionOnParseError) {
                        description = this.i18n.anErrorOccuredWhenGeneratingTheExpressionD();
                      } else {
                        throw "".concat(ex);
                      }
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getTimeOfDayDescription = function() {
                    var secondsExpression = this.expressionParts[0];
                    var minuteExpression = this.expressionParts[1];
                    var hourExpression = this.expressionParts[2];
                    var description = "";
                    if (!stringUtilities_1.StringUtilities.containsAny(minuteExpression, ExpressionDescriptor2.specialCharacters) && !stringUtilities_1.StringUtilities.containsAny(hourExpression, ExpressionDescriptor2.specialCharacters) && !stringUtilities_1.StringUtilities.containsAny(secondsExpression, ExpressionDescriptor2.specialCharacters)) {
                      description += this.i18n.atSpace() + this.formatTime(hourExpression, minuteExpression, secondsExpression);
                    } else if (!secondsExpression && minuteExpression.indexOf("-") > -1 && !(minuteExpression.indexOf(",") > -1) && !(minuteExpression.indexOf("/") > -1) && !stringUtilities_1.StringUtilities.containsAny(hourExpression, ExpressionDescriptor2.specialCharacters)) {
                      var minuteParts = minuteExpression.split("-");
                      description += stringUtilities_1.StringUtilities.format(this.i18n.everyMinuteBetweenX0AndX1(), this.formatTime(hourExpression, minuteParts[0], ""), this.formatTime(hourExpression, minuteParts[1], ""));
                    } else if (!secondsExpression && hourExpression.indexOf(",") > -1 && hourExpression.indexOf("-") == -1 && hourExpression.indexOf("/") == -1 && !stringUtilities_1.StringUtilities.containsAny(minuteExpression, ExpressionDescriptor2.specialCharacters)) {
                      var hourParts = hourExpression.split(",");
                      description += this.i18n.at();
                      for (var i = 0; i < hourParts.length; i++) {
                        description += " ";
                        description += this.formatTime(hourParts[i], minuteExpression, "");
                        if (i < hourParts.length - 2) {
                          description += ",";
                        }
                        if (i == hourParts.length - 2) {
                          description += this.i18n.spaceAnd();
                        }
                      }
                    } else {
                      var secondsDescription = this.getSecondsDescription();
                      var minutesDescription = this.getMinutesDescription();
                      var hoursDescription = this.getHoursDescription();
                      description += secondsDescription;
                      if (description && minutesDescription) {
                        description += ", ";
                      }
                      description += minutesDescription;
                      if (minutesDescription === hoursDescription) {
                        return description;
                      }
                      if (description && hoursDescription) {
                        description += ", ";
                      }
                      description += hoursDescription;
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getSecondsDescription = function() {
                    var _this = this;
                    var description = this.getSegmentDescription(this.expressionParts[0], this.i18n.everySecond(), function(s) {
                      return s;
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Seconds(s), s);
                    }, function(s) {
                      return _this.i18n.secondsX0ThroughX1PastTheMinute();
                    }, function(s) {
                      return s == "0" ? "" : parseInt(s) < 20 ? _this.i18n.atX0SecondsPastTheMinute(s) : _this.i18n.atX0SecondsPastTheMinuteGt20() || _this.i18n.atX0SecondsPastTheMinute(s);
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getMinutesDescription = function() {
                    var _this = this;
                    var secondsExpression = this.expressionParts[0];
                    var hourExpression = this.expressionParts[2];
                    var description = this.getSegmentDescription(this.expressionParts[1], this.i18n.everyMinute(), function(s) {
                      return s;
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Minutes(s), s);
                    }, function(s) {
                      return _this.i18n.minutesX0ThroughX1PastTheHour();
                    }, function(s) {
                      try {
                        return s == "0" && hourExpression.indexOf("/") == -1 && secondsExpression == "" ? _this.i18n.everyHour() : parseInt(s) < 20 ? _this.i18n.atX0MinutesPastTheHour(s) : _this.i18n.atX0MinutesPastTheHourGt20() || _this.i18n.atX0MinutesPastTheHour(s);
                      } catch (e) {
                        return _this.i18n.atX0MinutesPastTheHour(s);
                      }
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getHoursDescription = function() {
                    var _this = this;
                    var expression = this.expressionParts[2];
                    var hourIndex = 0;
                    var rangeEndValues = [];
                    expression.split("/")[0].split(",").forEach(function(range) {
                      var rangeParts = range.split("-");
                      if (rangeParts.length === 2) {
                        rangeEndValues.push({ value: rangeParts[1], index: hourIndex + 1 });
                      }
                      hourIndex += rangeParts.length;
                    });
                    var evaluationIndex = 0;
                    var description = this.getSegmentDescription(expression, this.i18n.everyHour(), function(s) {
                      var match = rangeEndValues.find(function(r) {
                        return r.value === s && r.index === evaluationIndex;
                      });
                      var isRangeEndWithNonZeroMinute = match && _this.expressionParts[1] !== "0";
                      evaluationIndex++;
                      return isRangeEndWithNonZeroMinute ? _this.formatTime(s, "59", "") : _this.formatTime(s, "0", "");
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Hours(s), s);
                    }, function(s) {
                      return _this.i18n.betweenX0AndX1();
                    }, function(s) {
                      return _this.i18n.atX0();
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getDayOfWeekDescription = function() {
                    var _this = this;
                    var daysOfWeekNames = this.i18n.daysOfTheWeek();
                    var description = null;
                    if (this.expressionParts[5] == "*") {
                      description = "";
                    } else {
                      description = this.getSegmentDescription(this.expressionParts[5], this.i18n.commaEveryDay(), function(s, form) {
                        var exp = s;
                        if (s.indexOf("#") > -1) {
                          exp = s.substring(0, s.indexOf("#"));
                        } else if (s.indexOf("L") > -1) {
                          exp = exp.replace("L", "");
                        }
                        var parsedExp = parseInt(exp);
                        var description2 = _this.i18n.daysOfTheWeekInCase ? _this.i18n.daysOfTheWeekInCase(form)[parsedExp] : daysOfWeekNames[parsedExp];
                        if (s.indexOf("#") > -1) {
                          var dayOfWeekOfMonthDescription = null;
                          var dayOfWeekOfMonthNumber = s.substring(s.indexOf("#") + 1);
                          var dayOfWeekNumber = s.substring(0, s.indexOf("#"));
                          switch (dayOfWeekOfMonthNumber) {
                            case "1":
                              dayOfWeekOfMonthDescription = _this.i18n.first(dayOfWeekNumber);
                              break;
                            case "2":
                              dayOfWeekOfMonthDescription = _this.i18n.second(dayOfWeekNumber);
                              break;
                            case "3":
                              dayOfWeekOfMonthDescription = _this.i18n.third(dayOfWeekNumber);
                              break;
                            case "4":
                              dayOfWeekOfMonthDescription = _this.i18n.fourth(dayOfWeekNumber);
                              break;
                            case "5":
                              dayOfWeekOfMonthDescription = _this.i18n.fifth(dayOfWeekNumber);
                              break;
                          }
                          description2 = dayOfWeekOfMonthDescription + " " + description2;
                        }
                        return description2;
                      }, function(s) {
                        if (parseInt(s) == 1) {
                          return "";
                        } else {
                          return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0DaysOfTheWeek(s), s);
                        }
                      }, function(s) {
                        var beginFrom = s.substring(0, s.indexOf("-"));
                        var domSpecified = _this.expressionParts[3] != "*";
                        return domSpecified ? _this.i18n.commaAndX0ThroughX1(beginFrom) : _this.i18n.commaX0ThroughX1(beginFrom);
                      }, function(s) {
                        var format2 = null;
                        if (s.indexOf("#") > -1) {
                          var dayOfWeekOfMonthNumber = s.substring(s.indexOf("#") + 1);
                          var dayOfWeek = s.substring(0, s.indexOf("#"));
                          format2 = _this.i18n.commaOnThe(dayOfWeekOfMonthNumber, dayOfWeek).trim() + _this.i18n.spaceX0OfTheMonth();
                        } else if (s.indexOf("L") > -1) {
                          format2 = _this.i18n.commaOnTheLastX0OfTheMonth(s.replace("L", ""));
                        } else {
                          var domSpecified = _this.expressionParts[3] != "*";
                          format2 = domSpecified ? _this.i18n.commaAndOnX0() : _this.i18n.commaOnlyOnX0(s);
                        }
                        return format2;
                      });
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getMonthDescription = function() {
                    var _this = this;
                    var monthNames = this.i18n.monthsOfTheYear();
                    var description = this.getSegmentDescription(this.expressionParts[4], "", function(s, form) {
                      return form && _this.i18n.monthsOfTheYearInCase ? _this.i18n.monthsOfTheYearInCase(form)[parseInt(s) - 1] : monthNames[parseInt(s) - 1];
                    }, function(s) {
                      if (parseInt(s) == 1) {
                        return "";
                      } else {
                        return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0Months(s), s);
                      }
                    }, function(s) {
                      return _this.i18n.commaMonthX0ThroughMonthX1() || _this.i18n.commaX0ThroughX1();
                    }, function(s) {
                      return _this.i18n.commaOnlyInMonthX0 ? _this.i18n.commaOnlyInMonthX0() : _this.i18n.commaOnlyInX0();
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getDayOfMonthDescription = function() {
                    var _this = this;
                    var description = null;
                    var expression = this.expressionParts[3];
                    switch (expression) {
                      case "L":
                        description = this.i18n.commaOnTheLastDayOfTheMonth();
                        break;
                      case "WL":
                      case "LW":
                        description = this.i18n.commaOnTheLastWeekdayOfTheMonth();
                        break;
                      default:
                        var weekDayNumberMatches = expression.match(/(\d{1,2}W)|(W\d{1,2})/);
                        if (weekDayNumberMatches) {
                          var dayNumber = parseInt(weekDayNumberMatches[0].replace("W", ""));
                          var dayString = dayNumber == 1 ? this.i18n.firstWeekday() : stringUtilities_1.StringUtilities.format(this.i18n.weekdayNearestDayX0(), dayNumber.toString());
                          description = stringUtilities_1.StringUtilities.format(this.i18n.commaOnTheX0OfTheMonth(), dayString);
                          break;
                        } else {
                          var lastDayOffSetMatches = expression.match(/L-(\d{1,2})/);
                          if (lastDayOffSetMatches) {
                            var offSetDays = lastDayOffSetMatches[1];
                            description = stringUtilities_1.StringUtilities.format(this.i18n.commaDaysBeforeTheLastDayOfTheMonth(offSetDays), offSetDays);
                            break;
                          } else if (expression == "*" && this.expressionParts[5] != "*") {
                            return "";
                          } else {
                            description = this.getSegmentDescription(expression, this.i18n.commaEveryDay(), function(s) {
                              return s == "L" ? _this.i18n.lastDay() : _this.i18n.dayX0 ? stringUtilities_1.StringUtilities.format(_this.i18n.dayX0(), s) : s;
                            }, function(s) {
                              return s == "1" ? _this.i18n.commaEveryDay() : _this.i18n.commaEveryX0Days(s);
                            }, function(s) {
                              return _this.i18n.commaBetweenDayX0AndX1OfTheMonth(s);
                            }, function(s) {
                              return _this.i18n.commaOnDayX0OfTheMonth(s);
                            });
                          }
                          break;
                        }
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getYearDescription = function() {
                    var _this = this;
                    var description = this.getSegmentDescription(this.expressionParts[6], "", function(s) {
                      return /^\d+$/.test(s) ? new Date(parseInt(s), 1).getFullYear().toString() : s;
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0Years(s), s);
                    }, function(s) {
                      return _this.i18n.commaYearX0ThroughYearX1() || _this.i18n.commaX0ThroughX1();
                    }, function(s) {
                      return _this.i18n.commaOnlyInYearX0 ? _this.i18n.commaOnlyInYearX0() : _this.i18n.commaOnlyInX0();
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getSegmentDescription = function(expression, allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat) {
                    var description = null;
                    var doesExpressionContainIncrement = expression.indexOf("/") > -1;
                    var doesExpressionContainRange = expression.indexOf("-") > -1;
                    var doesExpressionContainMultipleValues = expression.indexOf(",") > -1;
                    if (!expression) {
                      description = "";
                    } else if (expression === "*") {
                      description = allDescription;
                    } else if (!doesExpressionContainIncrement && !doesExpressionContainRange && !doesExpressionContainMultipleValues) {
                      description = stringUtilities_1.StringUtilities.format(getDescriptionFormat(expression), getSingleItemDescription(expression));
                    } else if (doesExpressionContainMultipleValues) {
                      var segments = expression.split(",");
                      var descriptionContent = "";
                      for (var i = 0; i < segments.length; i++) {
                        if (i > 0 && segments.length > 2) {
                          descriptionContent += ",";
                          if (i < segments.length - 1) {
                            descriptionContent += " ";
                          }
                        }
                        if (i > 0 && segments.length > 1 && (i == segments.length - 1 || segments.length == 2)) {
                          descriptionContent += "".concat(this.i18n.spaceAnd(), " ");
                        }
                        if (segments[i].indexOf("/") > -1 || segments[i].indexOf("-") > -1) {
                          var isSegmentRangeWithoutIncrement = segments[i].indexOf("-") > -1 && segments[i].indexOf("/") == -1;
                          var currentDescriptionContent = this.getSegmentDescription(segments[i], allDescription, getSingleItemDescription, getIncrementDescriptionFormat, isSegmentRangeWithoutIncrement ? this.i18n.commaX0ThroughX1 : getRangeDescriptionFormat, getDescriptionFormat);
                          if (isSegmentRangeWithoutIncrement) {
                            currentDescriptionContent = currentDescriptionContent.replace(", ", "");
                          }
                          descriptionContent += currentDescriptionContent;
                        } else if (!doesExpressionContainIncrement) {
                          descriptionContent += getSingleItemDescription(segments[i]);
                        } else {
                          descriptionContent += this.getSegmentDescription(segments[i], allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat);
                        }
                      }
                      if (!doesExpressionContainIncrement) {
                        description = stringUtilities_1.StringUtilities.format(getDescriptionFormat(expression), descriptionContent);
                      } else {
                        description = descriptionContent;
                      }
                    } else if (doesExpressionContainIncrement) {
                      var segments = expression.split("/");
                      description = stringUtilities_1.StringUtilities.format(getIncrementDescriptionFormat(segments[1]), segments[1]);
                      if (segments[0].indexOf("-") > -1) {
                        var rangeSegmentDescription = this.generateRangeSegmentDescription(segments[0], getRangeDescriptionFormat, getSingleItemDescription);
                        if (rangeSegmentDescription.indexOf(", ") != 0) {
                          description += ", ";
                        }
                        description += rangeSegmentDescription;
                      } else if (segments[0].indexOf("*") == -1) {
                        var rangeItemDescription = stringUtilities_1.StringUtilities.format(getDescriptionFormat(segments[0]), getSingleItemDescription(segments[0]));
                        rangeItemDescription = rangeItemDescription.replace(", ", "");
                        description += stringUtilities_1.StringUtilities.format(this.i18n.commaStartingX0(), rangeItemDescription);
                      }
                    } else if (doesExpressionContainRange) {
                      description = this.generateRangeSegmentDescription(expression, getRangeDescriptionFormat, getSingleItemDescription);
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.generateRangeSegmentDescription = function(rangeExpression, getRangeDescriptionFormat, getSingleItemDescription) {
                    var description = "";
                    var rangeSegments = rangeExpression.split("-");
                    var rangeSegment1Description = getSingleItemDescription(rangeSegments[0], 1);
                    var rangeSegment2Description = getSingleItemDescription(rangeSegments[1], 2);
                    var rangeDescriptionFormat = getRangeDescriptionFormat(rangeExpression);
                    description += stringUtilities_1.StringUtilities.format(rangeDescriptionFormat, rangeSegment1Description, rangeSegment2Description);
                    return description;
                  };
                  ExpressionDescriptor2.prototype.formatTime = function(hourExpression, minuteExpression, secondExpression) {
                    var hourOffset = 0;
                    var minuteOffset = 0;
                    var hour = parseInt(hourExpression) + hourOffset;
                    var minute = parseInt(minuteExpression) + minuteOffset;
                    if (minute >= 60) {
                      minute -= 60;
                      hour += 1;
                    } else if (minute < 0) {
                      minute += 60;
                      hour -= 1;
                    }
                    if (hour >= 24) {
                      hour = hour - 24;
                    } else if (hour < 0) {
                      hour = 24 + hour;
                    }
                    var period = "";
                    var setPeriodBeforeTime = false;
                    if (!this.options.use24HourTimeFormat) {
                      setPeriodBeforeTime = !!(this.i18n.setPeriodBeforeTime && this.i18n.setPeriodBeforeTime());
                      period = setPeriodBeforeTime ? "".concat(this.getPeriod(hour), " ") : " ".concat(this.getPeriod(hour));
                      if (hour > 12) {
                        hour -= 12;
                      }
                      if (hour === 0) {
                        hour = 12;
                      }
                    }
                    var second = "";
                    if (secondExpression) {
                      second = ":".concat(("00" + secondExpression).substring(secondExpression.length));
                    }
                    return "".concat(setPeriodBeforeTime ? period : "").concat(("00" + hour.toString()).substring(hour.toString().length), ":").concat(("00" + minute.toString()).substring(minute.toString().length)).concat(second).concat(!setPeriodBeforeTime ? period : "");
                  };
                  ExpressionDescriptor2.prototype.transformVerbosity = function(description, useVerboseFormat) {
                    if (!useVerboseFormat) {
                      description = description.replace(new RegExp(", ".concat(this.i18n.everyMinute()), "g"), "");
                      description = description.replace(new RegExp(", ".concat(this.i18n.everyHour()), "g"), "");
                      description = description.replace(new RegExp(this.i18n.commaEveryDay(), "g"), "");
                      description = description.replace(/\, ?$/, "");
                      if (this.i18n.conciseVerbosityReplacements) {
                        for (var _i = 0, _a = Object.entries(this.i18n.conciseVerbosityReplacements()); _i < _a.length; _i++) {
                          var _b = _a[_i], key = _b[0], value = _b[1];
                          description = description.replace(new RegExp(key, "g"), value);
                        }
                      }
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getPeriod = function(hour) {
                    return hour >= 12 ? this.i18n.pm && this.i18n.pm() || "PM" : this.i18n.am && this.i18n.am() || "AM";
                  };
                  ExpressionDescriptor2.locales = {};
                  return ExpressionDescriptor2;
                })();
                exports2.ExpressionDescriptor = ExpressionDescriptor;
              })
            ),
            /***/
            747: (
              /***/
              ((__unused_webpack_module, exports2, __webpack_require__2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.enLocaleLoader = void 0;
                var en_1 = __webpack_require__2(486);
                var enLocaleLoader = (function() {
                  function enLocaleLoader2() {
                  }
                  enLocaleLoader2.prototype.load = function(availableLocales) {
                    availableLocales["en"] = new en_1.en();
                  };
                  return enLocaleLoader2;
                })();
                exports2.enLocaleLoader = enLocaleLoader;
              })
            ),
            /***/
            486: (
              /***/
              ((__unused_webpack_module, exports2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.en = void 0;
                var en = (function() {
                  function en2() {
                  }
                  en2.prototype.atX0SecondsPastTheMinuteGt20 = function() {
                    return null;
                  };
                  en2.prototype.atX0MinutesPastTheHourGt20 = function() {
                    return null;
                  };
                  en2.prototype.commaMonthX0ThroughMonthX1 = function() {
                    return null;
                  };
                  en2.prototype.commaYearX0ThroughYearX1 = function() {
                    return null;
                  };
                  en2.prototype.use24HourTimeFormatByDefault = function() {
                    return false;
                  };
                  en2.prototype.anErrorOccuredWhenGeneratingTheExpressionD = function() {
                    return "An error occurred when generating the expression description. Check the cron expression syntax.";
                  };
                  en2.prototype.everyMinute = function() {
                    return "every minute";
                  };
                  en2.prototype.everyHour = function() {
                    return "every hour";
                  };
                  en2.prototype.atSpace = function() {
                    return "At ";
                  };
                  en2.prototype.everyMinuteBetweenX0AndX1 = function() {
                    return "Every minute between %s and %s";
                  };
                  en2.prototype.at = function() {
                    return "At";
                  };
                  en2.prototype.spaceAnd = function() {
                    return " and";
                  };
                  en2.prototype.everySecond = function() {
                    return "every second";
                  };
                  en2.prototype.everyX0Seconds = function() {
                    return "every %s seconds";
                  };
                  en2.prototype.secondsX0ThroughX1PastTheMinute = function() {
                    return "seconds %s through %s past the minute";
                  };
                  en2.prototype.atX0SecondsPastTheMinute = function() {
                    return "at %s seconds past the minute";
                  };
                  en2.prototype.everyX0Minutes = function() {
                    return "every %s minutes";
                  };
                  en2.prototype.minutesX0ThroughX1PastTheHour = function() {
                    return "minutes %s through %s past the hour";
                  };
                  en2.prototype.atX0MinutesPastTheHour = function() {
                    return "at %s minutes past the hour";
                  };
                  en2.prototype.everyX0Hours = function() {
                    return "every %s hours";
                  };
                  en2.prototype.betweenX0AndX1 = function() {
                    return "between %s and %s";
                  };
                  en2.prototype.atX0 = function() {
                    return "at %s";
                  };
                  en2.prototype.commaEveryDay = function() {
                    return ", every day";
                  };
                  en2.prototype.commaEveryX0DaysOfTheWeek = function() {
                    return ", every %s days of the week";
                  };
                  en2.prototype.commaX0ThroughX1 = function() {
                    return ", %s through %s";
                  };
                  en2.prototype.commaAndX0ThroughX1 = function() {
                    return ", %s through %s";
                  };
                  en2.prototype.first = function() {
                    return "first";
                  };
                  en2.prototype.second = function() {
                    return "second";
                  };
                  en2.prototype.third = function() {
                    return "third";
                  };
                  en2.prototype.fourth = function() {
                    return "fourth";
                  };
                  en2.prototype.fifth = function() {
                    return "fifth";
                  };
                  en2.prototype.commaOnThe = function() {
                    return ", on the ";
                  };
                  en2.prototype.spaceX0OfTheMonth = function() {
                    return " %s of the month";
                  };
                  en2.prototype.lastDay = function() {
                    return "the last day";
                  };
                  en2.prototype.commaOnTheLastX0OfTheMonth = function() {
                    return ", on the last %s of the month";
                  };
                  en2.prototype.commaOnlyOnX0 = function() {
                    return ", only on %s";
                  };
                  en2.prototype.commaAndOnX0 = function() {
                    return ", and on %s";
                  };
                  en2.prototype.commaEveryX0Months = function() {
                    return ", every %s months";
                  };
                  en2.prototype.commaOnlyInX0 = function() {
                    return ", only in %s";
                  };
                  en2.prototype.commaOnTheLastDayOfTheMonth = function() {
                    return ", on the last day of the month";
                  };
                  en2.prototype.commaOnTheLastWeekdayOfTheMonth = function() {
                    return ", on the last weekday of the month";
                  };
                  en2.prototype.commaDaysBeforeTheLastDayOfTheMonth = function() {
                    return ", %s days before the last day of the month";
                  };
                  en2.prototype.firstWeekday = function() {
                    return "first weekday";
                  };
                  en2.prototype.weekdayNearestDayX0 = function() {
                    return "weekday nearest day %s";
                  };
                  en2.prototype.commaOnTheX0OfTheMonth = function() {
                    return ", on the %s of the month";
                  };
                  en2.prototype.commaEveryX0Days = function() {
                    return ", every %s days";
                  };
                  en2.prototype.commaBetweenDayX0AndX1OfTheMonth = function() {
                    return ", between day %s and %s of the month";
                  };
                  en2.prototype.commaOnDayX0OfTheMonth = function() {
                    return ", on day %s of the month";
                  };
                  en2.prototype.commaEveryHour = function() {
                    return ", every hour";
                  };
                  en2.prototype.commaEveryX0Years = function() {
                    return ", every %s years";
                  };
                  en2.prototype.commaStartingX0 = function() {
                    return ", starting %s";
                  };
                  en2.prototype.daysOfTheWeek = function() {
                    return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
                  };
                  en2.prototype.monthsOfTheYear = function() {
                    return [
                      "January",
                      "February",
                      "March",
                      "April",
                      "May",
                      "June",
                      "July",
                      "August",
                      "September",
                      "October",
                      "November",
                      "December"
                    ];
                  };
                  en2.prototype.atReboot = function() {
                    return "Run once, at startup";
                  };
                  return en2;
                })();
                exports2.en = en;
              })
            ),
            /***/
            515: (
              /***/
              ((__unused_webpack_module, exports2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                function assert(value, message) {
                  if (!value) {
                    throw new Error(message);
                  }
                }
                var RangeValidator = (function() {
                  function RangeValidator2() {
                  }
                  RangeValidator2.secondRange = function(parse) {
                    var parsed2 = parse.split(",");
                    for (var i = 0; i < parsed2.length; i++) {
                      if (!isNaN(parseInt(parsed2[i], 10))) {
                        var second = parseInt(parsed2[i], 10);
                        assert(second >= 0 && second <= 59, "seconds part must be >= 0 and <= 59");
                      }
                    }
                  };
                  RangeValidator2.minuteRange = function(parse) {
                    var parsed2 = parse.split(",");
                    for (var i = 0; i < parsed2.length; i++) {
                      if (!isNaN(parseInt(parsed2[i], 10))) {
                        var minute = parseInt(parsed2[i], 10);
                        assert(minute >= 0 && minute <= 59, "minutes part must be >= 0 and <= 59");
                      }
                    }
                  };
                  RangeValidator2.hourRange = function(parse) {
                    var parsed2 = parse.split(",");
                    for (var i = 0; i < parsed2.length; i++) {
                      if (!isNaN(parseInt(parsed2[i], 10))) {
                        var hour = parseInt(parsed2[i], 10);
                        assert(hour >= 0 && hour <= 23, "hours part must be >= 0 and <= 23");
                      }
                    }
                  };
                  RangeValidator2.dayOfMonthRange = function(parse) {
                    var parsed2 = parse.split(",");
                    for (var i = 0; i < parsed2.length; i++) {
                      if (!isNaN(parseInt(parsed2[i], 10))) {
                        var dayOfMonth = parseInt(parsed2[i], 10);
                        assert(dayOfMonth >= 1 && dayOfMonth <= 31, "DOM part must be >= 1 and <= 31");
                      }
                    }
                  };
                  RangeValidator2.monthRange = function(parse, monthStartIndexZero) {
                    var parsed2 = parse.split(",");
                    for (var i = 0; i < parsed2.length; i++) {
                      if (!isNaN(parseInt(parsed2[i], 10))) {
                        var month = parseInt(parsed2[i], 10);
                        assert(month >= 1 && month <= 12, monthStartIndexZero ? "month part must be >= 0 and <= 11" : "month part must be >= 1 and <= 12");
                      }
                    }
                  };
                  RangeValidator2.dayOfWeekRange = function(parse, dayOfWeekStartIndexZero) {
                    var parsed2 = parse.split(",");
                    for (var i = 0; i < parsed2.length; i++) {
                      if (!isNaN(parseInt(parsed2[i], 10))) {
                        var dayOfWeek = parseInt(parsed2[i], 10);
                        assert(dayOfWeek >= 0 && dayOfWeek <= 6, dayOfWeekStartIndexZero ? "DOW part must be >= 0 and <= 6" : "DOW part must be >= 1 and <= 7");
                      }
                    }
                  };
                  return RangeValidator2;
                })();
                exports2["default"] = RangeValidator;
              })
            ),
            /***/
            823: (
              /***/
              ((__unused_webpack_module, exports2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.StringUtilities = void 0;
                var StringUtilities = (function() {
                  function StringUtilities2() {
                  }
                  StringUtilities2.format = function(template) {
                    var values = [];
                    for (var _i = 1; _i < arguments.length; _i++) {
                      values[_i - 1] = arguments[_i];
                    }
                    return template.replace(/%s/g, function(substring) {
                      var args = [];
                      for (var _i2 = 1; _i2 < arguments.length; _i2++) {
                        args[_i2 - 1] = arguments[_i2];
                      }
                      return values.shift();
                    });
                  };
                  StringUtilities2.containsAny = function(text2, searchStrings) {
                    return searchStrings.some(function(c) {
                      return text2.indexOf(c) > -1;
                    });
                  };
                  return StringUtilities2;
                })();
                exports2.StringUtilities = StringUtilities;
              })
            )
            /******/
          };
          var __webpack_module_cache__ = {};
          function __webpack_require__(moduleId) {
            var cachedModule = __webpack_module_cache__[moduleId];
            if (cachedModule !== void 0) {
              return cachedModule.exports;
            }
            var module2 = __webpack_module_cache__[moduleId] = {
              /******/
              // no module.id needed
              /******/
              // no module.loaded needed
              /******/
              exports: {}
              /******/
            };
            __webpack_modules__[moduleId](module2, module2.exports, __webpack_require__);
            return module2.exports;
          }
          var __webpack_exports__ = {};
          (() => {
            var exports2 = __webpack_exports__;
            Object.defineProperty(exports2, "__esModule", { value: true });
            exports2.toString = void 0;
            var expressionDescriptor_1 = __webpack_require__(333);
            var enLocaleLoader_1 = __webpack_require__(747);
            expressionDescriptor_1.ExpressionDescriptor.initialize(new enLocaleLoader_1.enLocaleLoader());
            exports2["default"] = expressionDescriptor_1.ExpressionDescriptor;
            var toString = expressionDescriptor_1.ExpressionDescriptor.toString;
            exports2.toString = toString;
          })();
          return __webpack_exports__;
        })()
      );
    });
  }
});

// cli/src/cli.ts
import { mkdirSync as mkdirSync5, readFileSync as readFileSync7, writeFileSync as writeFileSync4 } from "node:fs";
import { basename as basename5, dirname as dirname3, relative as relative3, resolve as resolve6 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// packages/runner/src/file-commands.ts
import { mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function createFileCommands(dir, summaryFile = join(dir, "step_summary")) {
  mkdirSync(dir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(dir, "set_output"),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: join(dir, "set_env"),
    GITHUB_STATE: join(dir, "save_state"),
    GITHUB_PATH: join(dir, "add_path")
  };
  for (const f of Object.values(files)) writeFileSync(f, "");
  return files;
}
function readFileCommand(file) {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
function parseFileCommand(text2) {
  const out = {};
  const lines = text2.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const name = heredoc[1];
      const delim = heredoc[2];
      const value = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]);
      out[name] = value.join("\n");
    } else {
      const eq = line.indexOf("=");
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
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
  const mod = await Promise.resolve().then(() => __toESM(require_dist(), 1));
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
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
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

// packages/shared/src/monorepo/tags.ts
init_escape();
var DEFAULT_TAG_FORMAT = "{name}@{version}";
var PLACEHOLDER = /\{([^}]*)\}/g;
function tagFormatProblem(format2, packageCount) {
  const holes = [...format2.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = holes.filter((h) => h !== "name" && h !== "version");
  if (unknown.length)
    return `Input "tag_format" has ${unknown.map((u) => `{${escapeLogText(u)}}`).join(", ")}; only {name} and {version} are replaced (such as {name}@{version} or {name}-v{version}).`;
  if (holes.filter((h) => h === "version").length !== 1)
    return `Input "tag_format" is "${escapeLogText(format2)}"; it needs {version} exactly once (such as {name}@{version}, {name}-v{version} or v{version}).`;
  if (packageCount > 1 && !holes.includes("name"))
    return `Input "tag_format" is "${escapeLogText(format2)}" without {name}, but ${packageCount} packages are versioned independently: their tags would collide. Use {name}@{version} or {name}-v{version}.`;
  return void 0;
}

// packages/shared/src/util/exec.ts
import { spawn } from "node:child_process";
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
  child.on("error", (error) => {
    done();
    const said = `${error.message}
`;
    resolve7({
      code: 127,
      signal: null,
      stdout,
      stderr: stderr + said,
      output: output + said,
      timedOut,
      aborted,
      error
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

// packages/runner/src/inputs.ts
var import_yaml = __toESM(require_dist(), 1);
function runnerInputs(defaults, given2, token) {
  const out = {};
  for (const [name, dflt] of Object.entries(defaults)) out[name] = dflt ?? "";
  Object.assign(out, given2);
  for (const [name, raw] of Object.entries(out)) if (raw.trim() === GITHUB_TOKEN_DEFAULT) out[name] = token;
  return out;
}

// packages/runner/src/run-bundle.ts
import { mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
async function runBundle(o) {
  const files = createFileCommands(o.commandsDir, o.summaryFile);
  mkdirSync2(o.runnerTemp, { recursive: true });
  let eventPath = o.event;
  if (typeof eventPath !== "string") {
    eventPath = join2(o.commandsDir, "event.json");
    writeFileSync2(eventPath, JSON.stringify(o.event));
  }
  const env = { ...o.env, RUNNER_TEMP: o.runnerTemp, GITHUB_EVENT_PATH: eventPath, ...files };
  for (const [k, v] of Object.entries(o.inputs)) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(o.envOverrides ?? {})) {
    if (v === void 0) delete env[k];
    else env[k] = v;
  }
  const started = Date.now();
  const r = await exec(process.execPath, [o.entry], {
    cwd: o.cwd,
    env,
    timeoutMs: o.timeoutMs,
    onOutput: o.onOutput,
    forwardSignals: o.forwardSignals
  });
  if (r.error) throw r.error;
  return {
    code: r.signal ? null : r.code,
    signal: r.signal,
    timedOut: r.timedOut,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseFileCommand(readFileCommand(files.GITHUB_OUTPUT)),
    summary: readFileCommand(files.GITHUB_STEP_SUMMARY),
    exportedEnv: parseFileCommand(readFileCommand(files.GITHUB_ENV)),
    state: parseFileCommand(readFileCommand(files.GITHUB_STATE)),
    files,
    env,
    durationMs: Date.now() - started
  };
}

// packages/runner/src/workflow-commands.ts
var unescapeData = (s) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
var LogMasker = class {
  constructor(write, initial = [], showDebug = false) {
    this.write = write;
    this.showDebug = showDebug;
    for (const v of initial) this.add(v);
  }
  write;
  showDebug;
  secrets = /* @__PURE__ */ new Set();
  pending = { stdout: "", stderr: "" };
  add(value) {
    for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= 3) this.secrets.add(v.trim());
  }
  line(text2, stream) {
    const mask = /^::add-mask::(.*)$/.exec(text2.replace(/\r$/, ""));
    if (mask) {
      this.add(unescapeData(mask[1]));
      return;
    }
    if (!this.showDebug && text2.startsWith("::debug::")) return;
    let out = text2;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
    this.write(`${out}
`, stream);
  }
  push(chunk, stream) {
    const lines = (this.pending[stream] + chunk).split("\n");
    this.pending[stream] = lines.pop();
    for (const l of lines) this.line(l, stream);
  }
  flush() {
    for (const stream of ["stdout", "stderr"]) {
      if (this.pending[stream] !== "") this.line(this.pending[stream], stream);
      this.pending[stream] = "";
    }
  }
};

// packages/runner/src/run-stage.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, join as join3 } from "node:path";
import { existsSync as existsSync2 } from "node:fs";
function git(cwd, args) {
  try {
    return execFileSync("git", args, {
      cwd,
      stdio: ["ignore", "pipe", "ignore"],
      encoding: "utf8",
      timeout: 5e3
    }).trim();
  } catch {
    return void 0;
  }
}
function repositoryOf(remoteUrl) {
  if (!remoteUrl) return void 0;
  const m = /^(?:https?:\/\/[^/]+\/|ssh:\/\/git@[^/]+\/|git@[^:]+:)([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remoteUrl);
  return m ? `${m[1]}/${m[2]}` : void 0;
}
function localContext(cwd, env, stage) {
  const repository = env.GITHUB_REPOSITORY ?? repositoryOf(git(cwd, ["remote", "get-url", "origin"])) ?? `local/${basename(cwd)}`;
  const branch = git(cwd, ["symbolic-ref", "--short", "-q", "HEAD"]);
  const ref = env.GITHUB_REF ?? (branch ? `refs/heads/${branch}` : "refs/heads/main");
  const defaults = {
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split("/")[0],
    GITHUB_SHA: git(cwd, ["rev-parse", "-q", "--verify", "HEAD^{commit}"]) ?? "0".repeat(40),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ""),
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_GRAPHQL_URL: "https://api.github.com/graphql",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_RUN_ID: "0",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_RUN_NUMBER: "0",
    GITHUB_ACTOR: env.USER ?? "local",
    GITHUB_WORKFLOW: "release-actions (local)",
    GITHUB_JOB: stage,
    GITHUB_ACTION: stage.replace(/-/g, "_"),
    RUNNER_OS: process.platform === "darwin" ? "macOS" : process.platform === "win32" ? "Windows" : "Linux",
    RUNNER_ARCH: process.arch === "arm64" ? "ARM64" : process.arch === "x64" ? "X64" : process.arch.toUpperCase(),
    RUNNER_NAME: "release-actions-cli",
    RUNNER_TOOL_CACHE: join3(homedir(), ".cache", "release-actions", "tool-cache")
  };
  const out = {};
  for (const [k, v] of Object.entries(defaults)) out[k] = env[k] ?? v;
  return out;
}
var SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGKILL: 137 };
async function runStageBundle(def, given2, o) {
  const entry = join3(o.root, "actions", def.id, "dist", "index.js");
  if (!existsSync2(entry)) throw new Error(`no bundle at ${entry}: run \`npm run bundle\``);
  const work = mkdtempSync(join3(tmpdir(), `release-actions-${def.id}-`));
  const runnerTemp = join3(work, "runner-temp");
  const commands = join3(work, "file-commands");
  const env = {};
  for (const [k, v] of Object.entries(o.env)) {
    if (v !== void 0 && !k.startsWith("INPUT_") && !k.startsWith("STATE_")) env[k] = v;
  }
  Object.assign(env, localContext(o.cwd, o.env, def.id), { GITHUB_ACTIONS: "true" });
  const defaults = Object.fromEntries(Object.entries(def.inputs).map(([name, spec]) => [name, spec.default]));
  const inputs = runnerInputs(defaults, given2, o.env.GITHUB_TOKEN ?? "");
  const secrets = Object.entries(def.inputs).filter(([, spec]) => spec.secret).map(([name]) => inputs[name] ?? "");
  const log = new LogMasker(o.write, secrets, o.env.RUNNER_DEBUG === "1");
  const run = await runBundle({
    entry,
    cwd: o.cwd,
    env,
    inputs,
    commandsDir: commands,
    summaryFile: join3(work, "summary.md"),
    runnerTemp,
    event: o.env.GITHUB_EVENT_PATH && existsSync2(o.env.GITHUB_EVENT_PATH) ? o.env.GITHUB_EVENT_PATH : {},
    onOutput: (chunk, stream) => log.push(chunk, stream),
    forwardSignals: ["SIGINT", "SIGTERM"]
  });
  log.flush();
  const hasSummary = run.summary !== "";
  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(commands, { recursive: true, force: true });
  if (!hasSummary) rmSync(work, { recursive: true, force: true });
  return {
    code: run.code ?? (run.signal ? SIGNAL_CODES[run.signal] ?? 1 : 1),
    outputs: run.outputs,
    summaryPath: hasSummary ? run.files.GITHUB_STEP_SUMMARY : void 0,
    durationMs: run.durationMs
  };
}

// packages/shared/src/status/yaml.ts
var import_yaml2 = __toESM(require_dist(), 1);

// packages/shared/src/status/validate.ts
var SEMVER = semver({ description: "" });
var URL_SPEC = url({ description: "" });
var VERSION_KEYS = /* @__PURE__ */ new Set(["version", "previous_version", "rollback_of"]);

// packages/shared/src/status/yaml.ts
function parseRecordYaml(text2) {
  const doc = (0, import_yaml2.parseDocument)(text2, { uniqueKeys: true });
  if (doc.errors.length) throw doc.errors[0];
  (0, import_yaml2.visit)(doc, {
    Pair(_, pair2) {
      if (!(0, import_yaml2.isScalar)(pair2.key) || !VERSION_KEYS.has(String(pair2.key.value))) return;
      const v = pair2.value;
      if ((0, import_yaml2.isScalar)(v) && typeof v.value === "number") pair2.value = new import_yaml2.Scalar(v.source ?? String(v.value));
    }
  });
  return doc.toJS({ maxAliasCount: 100 });
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

// packages/shared/src/dashboard/model.ts
var DEFAULT_HISTORY_LIMIT = 200;
var isRec = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function str(v) {
  if (v === void 0 || v === null) return void 0;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? void 0 : v.toISOString();
  if (typeof v === "string") return v.trim() === "" ? void 0 : v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return void 0;
}
function pick(r, ...keys) {
  for (const k of keys) if (r[k] !== void 0 && r[k] !== null) return r[k];
  return void 0;
}
function instant(v) {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? void 0 : v.getTime();
  if (typeof v === "number" && Number.isFinite(v)) return v < 1e11 ? v * 1e3 : v;
  if (typeof v === "string" && v.trim() !== "") {
    const t = Date.parse(v);
    return Number.isNaN(t) ? void 0 : t;
  }
  return void 0;
}
function bool2(v) {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    if (/^(true|yes)$/i.test(v.trim())) return true;
    if (/^(false|no)$/i.test(v.trim())) return false;
  }
  return void 0;
}
function toMs(v, unitSeconds = false) {
  if (typeof v === "number") return Number.isFinite(v) ? unitSeconds ? v * 1e3 : v : void 0;
  if (typeof v !== "string") return void 0;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|us|µs|m)?\s*$/.exec(v);
  if (!m) return void 0;
  const n = Number(m[1]);
  switch (m[2]) {
    case "ms":
      return n;
    case "s":
      return n * 1e3;
    case "m":
      return n * 6e4;
    case "us":
    case "µs":
      return n / 1e3;
    default:
      return unitSeconds ? n * 1e3 : n;
  }
}
function toRate(v) {
  if (typeof v === "number") return Number.isFinite(v) ? v > 1 && v <= 100 ? v / 100 : v : void 0;
  if (typeof v !== "string") return void 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(v);
  if (!m) return void 0;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}
function toBytes(v, unitMb = false) {
  if (typeof v === "number") return Number.isFinite(v) ? unitMb ? v * 1e6 : v : void 0;
  if (typeof v !== "string") return void 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?\s*$/i.exec(v);
  if (!m) return void 0;
  const unit = (m[2] ?? "b").toLowerCase();
  const pow = { b: 0, kb: 1, kib: 1, mb: 2, mib: 2, gb: 3, gib: 3, tb: 4, tib: 4 }[unit] ?? 0;
  const base = unit.includes("i") ? 1024 : 1e3;
  return Number(m[1]) * base ** pow;
}
function flatten(r, prefix = "", out = {}, depth = 0) {
  for (const [k, v] of Object.entries(r)) {
    const key = prefix && !["measurements", "metrics", "results"].includes(prefix) ? `${prefix}_${k}` : k;
    if (isRec(v) && depth < 2) flatten(v, k, out, depth + 1);
    else if (!Array.isArray(v)) out[key] = v;
  }
  return out;
}
function readGate(name, raw) {
  if (!isRec(raw)) return { name, status: str(raw), other: {} };
  const flat = flatten(raw);
  const gate = {
    name: str(raw.name) ?? name,
    status: str(pick(raw, "status", "result", "verdict")),
    other: {}
  };
  for (const [k, v] of Object.entries(flat)) {
    const key = k.toLowerCase();
    if (["name", "status", "result", "verdict"].includes(key)) continue;
    const pct2 = /(?:^|_)p\(?(50|95|99)\)?(?:_|$)/.exec(key);
    if (pct2 && !/change|pct|percent|delta|diff|regress|budget|threshold|limit|max_|target|baseline/.test(key)) {
      const ms2 = toMs(v, /_(s|sec|seconds)$/.test(key));
      if (ms2 !== void 0) {
        if (pct2[1] === "50") gate.p50Ms = ms2;
        else if (pct2[1] === "95") gate.p95Ms = ms2;
        else gate.p99Ms = ms2;
        continue;
      }
    }
    if (/(^|_)(error_rate|http_req_failed|failure_rate|errors_rate)$/.test(key)) {
      const rate = toRate(v);
      if (rate !== void 0) {
        gate.errorRate = rate;
        continue;
      }
    }
    if (/(^|_)(requests_per_second|rps|req_per_sec|throughput)$/.test(key)) {
      const n = typeof v === "number" ? v : Number(v);
      if (Number.isFinite(n)) {
        gate.requestsPerSecond = n;
        continue;
      }
    }
    if (/(^|_)(image_size|size)(_bytes|_mb)?$/.test(key)) {
      const b = toBytes(v, key.endsWith("_mb"));
      if (b !== void 0) {
        gate.imageSizeBytes = b;
        continue;
      }
    }
    const s = str(v);
    if (s !== void 0) gate.other[k] = s;
  }
  return gate;
}
function entries(raw) {
  if (Array.isArray(raw)) {
    return raw.map((item, i) => [isRec(item) ? str(item.name) ?? str(item.id) ?? `#${i + 1}` : `#${i + 1}`, item]);
  }
  return isRec(raw) ? Object.entries(raw) : [];
}
function readDeployment(raw) {
  if (!isRec(raw)) return void 0;
  const timelineRaw = pick(raw, "timeline", "transitions", "history", "events");
  const timeline = Array.isArray(timelineRaw) ? timelineRaw.flatMap((t) => {
    if (!isRec(t)) return str(t) ? [{ state: str(t) }] : [];
    const state = str(pick(t, "state", "status", "to", "event", "phase"));
    return state ? [{ at: str(pick(t, "at", "time", "timestamp")), state, note: str(pick(t, "note", "detail", "message")) }] : [];
  }) : [];
  const status = str(raw.status);
  return {
    environment: str(raw.environment),
    strategy: str(pick(raw, "strategy", "deployment_strategy")),
    status,
    startedAt: str(pick(raw, "started_at", "started")),
    finishedAt: str(pick(raw, "finished_at", "finished", "completed_at")),
    rolledBack: bool2(pick(raw, "rolled_back", "rolledBack")) ?? (status && /roll(ed)?[-_ ]?back/i.test(status) ? true : void 0),
    previousVersion: str(pick(raw, "previous_version", "previousVersion")),
    timeline
  };
}
function readRelease(raw, index) {
  const r = isRec(raw) ? raw : {};
  const createdAt = str(pick(r, "created_at", "createdAt", "released_at"));
  const deployedAt = str(pick(r, "deployed_at", "deployedAt"));
  return {
    version: str(pick(r, "version", "tag")) ?? `(release ${index + 1})`,
    type: str(pick(r, "type", "release_type")),
    status: str(r.status),
    createdAt,
    createdMs: instant(pick(r, "created_at", "createdAt", "released_at")),
    deployedAt,
    deployedMs: instant(pick(r, "deployed_at", "deployedAt")),
    gates: entries(pick(r, "quality_gates", "gates")).map(([name, g]) => readGate(name, g)),
    // The latest deployment; else the last of `deployments` (every deployment and rollback, oldest first).
    deployment: readDeployment(
      r.deployment ?? (Array.isArray(r.deployments) ? r.deployments[r.deployments.length - 1] : void 0)
    ),
    registries: entries(r.registries).map(([name, g]) => {
      if (!isRec(g)) return { name, version: str(g) };
      const kind = str(g.registry);
      const pkg = str(g.name);
      return {
        name: kind && pkg ? `${kind} · ${pkg}` : pkg ?? kind ?? name,
        url: str(g.url),
        version: str(g.version),
        digest: str(pick(g, "digest_or_integrity", "digest", "integrity", "shasum"))
      };
    })
  };
}
function readReleases(raw, index) {
  const base = readRelease(raw, index);
  const list2 = isRec(raw) && Array.isArray(raw.packages) ? raw.packages.filter(isRec) : [];
  const views = list2.flatMap((p) => {
    const name = str(p.name);
    const version = str(p.version);
    if (!name || !version) return [];
    const tag = str(p.tag);
    const registries = base.registries.filter((g) => g.name === name || g.name?.endsWith(` · ${name}`));
    return [{ ...base, version, package: name, ...tag ? { tag } : {}, registries }];
  });
  views.slice(1).forEach((v) => v.sameRun = true);
  return views.length ? views : [base];
}
function readStatusDocument(doc) {
  let list2;
  let project;
  if (Array.isArray(doc)) list2 = doc;
  else if (isRec(doc)) {
    project = str(pick(doc, "project", "repository", "name"));
    const rel = pick(doc, "releases", "history");
    list2 = Array.isArray(rel) ? rel : doc.version !== void 0 ? [doc] : [];
  } else list2 = [];
  const releases = list2.filter((r) => isRec(r)).flatMap(readReleases);
  if (releases.every((r) => r.createdMs !== void 0)) {
    releases.sort((a, b) => b.createdMs - a.createdMs);
  }
  return { project, releases };
}
function parseStatusYaml(text2, o = {}) {
  const limit = Math.max(0, o.limit ?? DEFAULT_HISTORY_LIMIT);
  const split = splitReleases(text2);
  if (split) {
    const head = parseRecordYaml(split.rest);
    const releases = split.entries.slice(0, limit).flatMap((e) => {
      const v = parseRecordYaml(e.text);
      return Array.isArray(v) ? v : [v];
    });
    const model2 = readStatusDocument({ ...isRec(head) ? head : {}, releases });
    const omitted = split.entries.length - Math.min(limit, split.entries.length);
    return omitted > 0 ? { ...model2, omitted } : model2;
  }
  const model = readStatusDocument(parseRecordYaml(text2));
  if (model.releases.length <= limit) return model;
  return { ...model, releases: model.releases.slice(0, limit), omitted: model.releases.length - limit };
}

// packages/shared/src/dashboard/charts.ts
function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function tone(status) {
  if (!status) return "none";
  const s = status.toLowerCase();
  if (/roll(ed)?[-_ ]?back|fail|error|broken|abort|cancel|reject|timed?[-_ ]?out|no[-_ ]?data/.test(s)) return "bad";
  if (/pass|success|succeed|ok|deployed|released|published|live|healthy|done|complete|green/.test(s)) return "good";
  return "warn";
}
var COLORS = { good: "#1a7f37", bad: "#cf222e", warn: "#9a6700", none: "#8c959f" };
var fmt = (n) => n >= 100 ? String(Math.round(n)) : n >= 10 ? n.toFixed(1).replace(/\.0$/, "") : n.toFixed(2).replace(/\.?0+$/, "");
function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
function releaseLatency(r) {
  const g = r.gates.find((x) => x.p95Ms !== void 0);
  return g ? { gate: g.name, p50: g.p50Ms, p95: g.p95Ms, p99: g.p99Ms } : void 0;
}
function latencyChart(releases) {
  const points = [...releases].reverse().map((r) => ({ r, l: releaseLatency(r) })).filter((p) => p.l !== void 0);
  if (points.length === 0) return '<p class="empty">No latency measured by any quality gate yet.</p>';
  const [W, H, left, right, top, bottom] = [720, 260, 52, 16, 16, 56];
  const max = niceMax(Math.max(...points.map((p) => Math.max(p.l.p99 ?? 0, p.l.p95, p.l.p50 ?? 0))));
  const xAt = (i) => points.length === 1 ? left + (W - left - right) / 2 : left + i * (W - left - right) / (points.length - 1);
  const yAt = (v) => top + (H - top - bottom) * (1 - v / max);
  const parts = [];
  for (let t = 0; t <= 4; t++) {
    const v = max * t / 4;
    const y = yAt(v).toFixed(1);
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${y}" dy="4" text-anchor="end" class="axis">${fmt(v)}</text>`);
  }
  parts.push(
    `<text x="12" y="${top + (H - top - bottom) / 2}" transform="rotate(-90 12 ${top + (H - top - bottom) / 2})" text-anchor="middle" class="axis">ms</text>`
  );
  const series = [
    { key: "p99", color: "#bf8700", width: 1.5 },
    { key: "p95", color: "#0969da", width: 2.5 },
    { key: "p50", color: "#8250df", width: 1.5 }
  ];
  for (const s of series) {
    const pts = points.map((p, i) => ({ i, v: p.l[s.key] })).filter((p) => p.v !== void 0);
    if (pts.length === 0) continue;
    if (pts.length > 1) {
      const d = pts.map((p) => `${xAt(p.i).toFixed(1)},${yAt(p.v).toFixed(1)}`).join(" ");
      parts.push(`<polyline points="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width}"/>`);
    }
    for (const p of pts) {
      const pt = points[p.i];
      parts.push(
        `<circle cx="${xAt(p.i).toFixed(1)}" cy="${yAt(p.v).toFixed(1)}" r="${s.key === "p95" ? 4 : 2.5}" fill="${s.color}"><title>${esc(pt.r.version)} ${s.key} ${esc(fmt(p.v))} ms (${esc(pt.l.gate)})</title></circle>`
      );
    }
  }
  const every = Math.ceil(points.length / 14);
  points.forEach((p, i) => {
    if (i % every !== 0 && i !== points.length - 1) return;
    const x = xAt(i).toFixed(1);
    parts.push(
      `<text x="${x}" y="${H - bottom + 16}" text-anchor="end" transform="rotate(-30 ${x} ${H - bottom + 16})" class="axis">${esc(p.r.version)}</text>`
    );
  });
  const legend = series.map((s) => `<span class="key"><i style="background:${s.color}"></i>${s.key}</span>`).join(" ");
  const gates = [...new Set(points.map((p) => p.l.gate))].map(esc).join(", ");
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Latency per release (ms)" class="chart">${parts.join("")}</svg><p class="legend">${legend} <span class="muted">latency in ms measured by the ${gates} gate, per release</span></p>`;
}
function gateMatrix(releases) {
  const cols = [...releases].reverse().slice(-24);
  const gates = [...new Set(cols.flatMap((r) => r.gates.map((g) => g.name)))];
  if (gates.length === 0) return '<p class="empty">No quality gate results recorded yet.</p>';
  const cell = 24;
  const labelW = Math.min(220, 16 + 7 * Math.max(...gates.map((g) => g.length)));
  const top = 70;
  const W = labelW + cols.length * (cell + 4) + 8;
  const H = top + gates.length * (cell + 4) + 8;
  const parts = [];
  cols.forEach((r, c) => {
    const x = labelW + c * (cell + 4) + cell / 2;
    parts.push(
      `<text x="${x}" y="${top - 8}" transform="rotate(-45 ${x} ${top - 8})" class="axis">${esc(r.version)}</text>`
    );
  });
  gates.forEach((g, row) => {
    const y = top + row * (cell + 4);
    parts.push(`<text x="${labelW - 8}" y="${y + cell / 2 + 4}" text-anchor="end" class="label">${esc(g)}</text>`);
    cols.forEach((r, c) => {
      const gate = r.gates.find((x) => x.name === g);
      const t = gate ? tone(gate.status) : "none";
      const fill = gate ? COLORS[t] : "#ffffff";
      const what = gate ? gate.status ?? "—" : "not run";
      parts.push(
        `<rect x="${labelW + c * (cell + 4)}" y="${y}" width="${cell}" height="${cell}" rx="4" fill="${fill}" stroke="#d0d7de"><title>${esc(r.version)} · ${esc(g)}: ${esc(what)}</title></rect>`
      );
    });
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" role="img" aria-label="Quality gate results per release" class="chart matrix">${parts.join("")}</svg>`;
}
function deployInstant(r) {
  const fin = r.deployment?.finishedAt ? Date.parse(r.deployment.finishedAt) : NaN;
  if (r.deployedMs !== void 0) return r.deployedMs;
  if (!Number.isNaN(fin)) return fin;
  return r.deployment ? r.createdMs : void 0;
}
function deploymentTimeline(releases) {
  const events = releases.map((r) => ({ r, at: deployInstant(r) })).filter((e) => e.at !== void 0).sort((a, b) => a.at - b.at);
  if (events.length === 0) return '<p class="empty">No deployment recorded yet.</p>';
  const [W, H, left, right, axisY] = [720, 150, 24, 24, 96];
  const t0 = events[0]?.at;
  const t1 = events[events.length - 1]?.at;
  const span = Math.max(t1 - t0, 1);
  const xAt = (t) => events.length === 1 ? W / 2 : left + (t - t0) * (W - left - right) / span;
  const parts = [`<line x1="${left}" x2="${W - right}" y1="${axisY}" y2="${axisY}" class="axisline"/>`];
  const day = (t) => new Date(t).toISOString().slice(0, 10);
  parts.push(`<text x="${left}" y="${axisY + 22}" class="axis">${day(t0)}</text>`);
  if (events.length > 1)
    parts.push(`<text x="${W - right}" y="${axisY + 22}" text-anchor="end" class="axis">${day(t1)}</text>`);
  let deploys = 0;
  let rollbacks = 0;
  let failures = 0;
  events.forEach((e, i) => {
    const x = xAt(e.at).toFixed(1);
    const rolled = e.r.deployment?.rolledBack === true || tone(e.r.deployment?.status) === "bad" && /roll/i.test(e.r.deployment?.status ?? "");
    const t = rolled ? "bad" : tone(e.r.deployment?.status ?? e.r.status);
    if (rolled) rollbacks++;
    else if (t === "bad") failures++;
    else deploys++;
    const labelY = axisY - 14 - i % 3 * 18;
    const title = `${e.r.version} · ${e.r.deployment?.environment ?? "—"} · ${e.r.deployment?.strategy ?? "—"} · ${rolled ? `rolled back${e.r.deployment?.previousVersion ? ` to ${e.r.deployment.previousVersion}` : ""}` : e.r.deployment?.status ?? e.r.status ?? "—"} · ${new Date(e.at).toISOString()}`;
    parts.push(`<line x1="${x}" x2="${x}" y1="${labelY + 4}" y2="${axisY}" class="stem"/>`);
    if (rolled) {
      parts.push(
        `<path d="M${x} ${axisY - 7} l7 7 l-7 7 l-7 -7 z" fill="${COLORS.bad}"><title>${esc(title)}</title></path>`
      );
    } else {
      parts.push(`<circle cx="${x}" cy="${axisY}" r="6" fill="${COLORS[t]}"><title>${esc(title)}</title></circle>`);
    }
    parts.push(
      `<text x="${x}" y="${labelY}" text-anchor="middle" class="label">${esc(e.r.version)}${rolled ? " ↩" : ""}</text>`
    );
  });
  const legend = `<span class="key"><i style="background:${COLORS.good}"></i>deployed (${deploys})</span> <span class="key"><i class="diamond" style="background:${COLORS.bad}"></i>rolled back (${rollbacks})</span> <span class="key"><i style="background:${COLORS.warn}"></i>other / in progress</span>` + (failures ? ` <span class="key"><i style="background:${COLORS.bad}"></i>failed (${failures})</span>` : "");
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Deployments and rollbacks over time" class="chart">${parts.join("")}</svg><p class="legend">${legend}</p>`;
}

// packages/shared/src/dashboard/render.ts
var DASH = "—";
var show = (v) => v === void 0 || v === "" ? DASH : esc(v);
function badge(status) {
  if (!status) return DASH;
  return `<span class="badge ${tone(status)}">${esc(status)}</span>`;
}
function when(iso) {
  if (!iso) return DASH;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return esc(iso);
  return `<time datetime="${esc(new Date(t).toISOString())}">${esc(new Date(t).toISOString().replace("T", " ").slice(0, 16))} UTC</time>`;
}
function leadTime(r) {
  if (r.createdMs === void 0 || r.deployedMs === void 0 || r.deployedMs < r.createdMs) return DASH;
  const min = Math.round((r.deployedMs - r.createdMs) / 6e4);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}
var ms = (v) => v === void 0 ? DASH : `${v >= 100 ? Math.round(v) : v.toFixed(1)} ms`;
var pct = (v) => v === void 0 ? DASH : `${(v * 100).toFixed(v < 0.01 ? 2 : 1)} %`;
function bytes(v) {
  if (v === void 0) return DASH;
  const units = ["B", "KB", "MB", "GB", "TB"];
  let n = v;
  let u = 0;
  while (n >= 1e3 && u < units.length - 1) {
    n /= 1e3;
    u++;
  }
  return `${n >= 100 || u === 0 ? Math.round(n) : n.toFixed(1)} ${units[u]}`;
}
function httpUrl(u) {
  if (!u) return void 0;
  try {
    const p = new URL(u);
    return p.protocol === "https:" || p.protocol === "http:" ? p.toString() : void 0;
  } catch {
    return void 0;
  }
}
function gateRow(g) {
  const other = Object.entries(g.other).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join(", ");
  return `<tr><td>${esc(g.name)}</td><td>${badge(g.status)}</td><td class="num">${ms(g.p50Ms)}</td><td class="num">${ms(g.p95Ms)}</td><td class="num">${ms(g.p99Ms)}</td><td class="num">${pct(g.errorRate)}</td><td class="num">${g.requestsPerSecond === void 0 ? DASH : esc(Math.round(g.requestsPerSecond))}</td><td class="num">${bytes(g.imageSizeBytes)}</td><td class="small">${other || DASH}</td></tr>`;
}
function details(r, open) {
  const d = r.deployment;
  const gates = r.gates.length ? `<div class="wrap"><table><thead><tr><th>gate</th><th>result</th><th>p50</th><th>p95</th><th>p99</th><th>errors</th><th>req/s</th><th>image</th><th>other</th></tr></thead><tbody>${r.gates.map(gateRow).join("")}</tbody></table></div>` : '<p class="empty">No quality gate recorded.</p>';
  const deployment = d ? `<dl class="kv"><dt>environment</dt><dd>${show(d.environment)}</dd><dt>strategy</dt><dd>${show(d.strategy)}</dd><dt>status</dt><dd>${badge(d.status)}</dd><dt>started</dt><dd>${when(d.startedAt)}</dd><dt>finished</dt><dd>${when(d.finishedAt)}</dd><dt>rolled back</dt><dd>${d.rolledBack === void 0 ? DASH : d.rolledBack ? '<span class="badge bad">yes</span>' : "no"}</dd><dt>previous version</dt><dd>${show(d.previousVersion)}</dd></dl>` + (d.timeline.length ? `<ol class="timeline">${d.timeline.map((t) => `<li><span class="dot ${tone(t.state)}"></span>${when(t.at)} <b>${esc(t.state)}</b>${t.note ? ` <span class="muted">${esc(t.note)}</span>` : ""}</li>`).join("")}</ol>` : "") : '<p class="empty">Not deployed.</p>';
  const registries = r.registries.length ? `<table><thead><tr><th>registry</th><th>version</th><th>digest / integrity</th></tr></thead><tbody>${r.registries.map((g) => {
    const link = httpUrl(g.url);
    const name = link ? `<a href="${esc(link)}" rel="noopener noreferrer">${show(g.name ?? g.url)}</a>` : `${show(g.name)}${g.url ? ` <span class="muted">${esc(g.url)}</span>` : ""}`;
    return `<tr><td>${name}</td><td>${show(g.version)}</td><td class="mono small">${show(g.digest)}</td></tr>`;
  }).join("")}</tbody></table>` : '<p class="empty">Nothing published.</p>';
  return `<details id="${esc(anchor(r))}"${open ? " open" : ""}><summary><b>${esc(label(r))}</b> ${badge(r.status)} <span class="muted">${show(r.type)} · ${when(r.createdAt)}</span></summary><section><h4>Quality gates</h4>${gates}</section><div class="cols"><section><h4>Deployment</h4>${deployment}</section><section><h4>Registries</h4>${registries}</section></div></details>`;
}
var label = (r) => r.package ? `${r.package} ${r.version}` : r.version;
var anchor = (r) => `release-${r.package ? `${r.package}@` : ""}${r.version}`;
function historyRow(r) {
  const d = r.deployment;
  const lat = releaseLatency(r);
  const gatesPassed = r.gates.filter((g) => tone(g.status) === "good").length;
  const gates = r.gates.length ? `<span class="badge ${gatesPassed === r.gates.length ? "good" : r.gates.some((g) => tone(g.status) === "bad") ? "bad" : "warn"}">${gatesPassed}/${r.gates.length}</span>` : DASH;
  return `<tr><td><a href="#${esc(anchor(r))}"><b>${esc(label(r))}</b></a></td><td>${show(r.type)}</td><td>${badge(r.status)}</td><td>${when(r.createdAt)}</td><td>${when(r.deployedAt)}</td><td class="num">${leadTime(r)}</td><td>${gates}</td><td class="num">${lat ? ms(lat.p95) : DASH}</td><td>${show(d?.environment)}</td><td>${show(d?.strategy)}</td><td>${d?.rolledBack ? `<span class="badge bad">rolled back</span>${d.previousVersion ? ` → ${esc(d.previousVersion)}` : ""}` : d ? badge(d.status) : DASH}</td></tr>`;
}
var CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
header{padding:20px 28px;border-bottom:1px solid var(--line);background:var(--bg)}
header h1{margin:0 0 4px;font-size:22px}
main{padding:8px 28px 28px;max-width:1280px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h4{margin:12px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin-top:14px}
.tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:130px}
.tile b{display:block;font-size:20px}
.tile>span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600;white-space:nowrap}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.wrap{overflow-x:auto}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:${COLORS.none};white-space:nowrap}
.badge.good{background:${COLORS.good}}.badge.bad{background:${COLORS.bad}}.badge.warn{background:${COLORS.warn}}
.muted{color:var(--muted)}.small{font-size:12px}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.empty{color:var(--muted);font-style:italic}
.grid-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:20px}.grid-2>section{min-width:0}
.chart{width:100%;height:auto;max-width:760px;display:block}
.chart.matrix{width:auto;max-width:100%}
.chart text{font-size:11px;fill:var(--muted)}
.chart .label{fill:var(--fg);font-size:12px}
.chart .grid{stroke:#eaeef2}.chart .axisline{stroke:#8c959f;stroke-width:1.5}.chart .stem{stroke:#d0d7de}
.legend{margin:4px 0 0;font-size:12px}
.key{margin-right:10px;white-space:nowrap}.key i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:-1px}
.key i.diamond{border-radius:0;transform:rotate(45deg)}
details{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:6px 12px}
summary{cursor:pointer}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px}.cols>section{min-width:0}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
dl.kv dt{color:var(--muted)}dl.kv dd{margin:0}
ol.timeline{list-style:none;padding:0;margin:8px 0}ol.timeline li{margin:2px 0}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${COLORS.none}}
.dot.good{background:${COLORS.good}}.dot.bad{background:${COLORS.bad}}.dot.warn{background:${COLORS.warn}}
footer{padding:12px 28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
`.replace(/\n/g, "").trim();
function renderDashboard(model, o = {}) {
  const title = o.title ?? (model.project ? `Releases · ${model.project}` : "Releases");
  const rs = model.releases;
  const runs = rs.filter((r) => !r.sameRun);
  const latest = rs[0];
  const deployed = runs.filter((r) => r.deployment);
  const rollbacks = runs.filter((r) => r.deployment?.rolledBack).length;
  const allGates = runs.flatMap((r) => r.gates);
  const passed = allGates.filter((g) => tone(g.status) === "good").length;
  const tiles = [
    ["latest release", latest ? `${esc(label(latest))}` : DASH, latest ? badge(latest.status) : ""],
    ["releases", String(runs.length + (model.omitted ?? 0)), model.omitted ? `newest ${runs.length} shown` : ""],
    ["deployments", String(deployed.length), `${rollbacks} rolled back`],
    [
      "gate pass rate",
      allGates.length ? `${Math.round(100 * passed / allGates.length)} %` : DASH,
      `${passed}/${allGates.length} gate runs`
    ]
  ].map(([label2, value, sub]) => `<div class="tile"><span>${label2}</span><b>${value}</b><span>${sub}</span></div>`).join("");
  const limit = o.detailsLimit ?? 50;
  const generated = (o.generatedAt ?? /* @__PURE__ */ new Date()).toISOString().replace("T", " ").slice(0, 16);
  const omitted = model.omitted ? `<p class="muted">${model.omitted} older release${model.omitted === 1 ? " is" : "s are"} in the status record but not on this page (it shows the newest ${runs.length}; the CLI's --limit sets how many).</p>` : "";
  const body = rs.length ? `<h2>Release history</h2>${omitted}<div class="wrap"><table class="history"><thead><tr><th>version</th><th>type</th><th>status</th><th>created</th><th>deployed</th><th>lead time</th><th>gates</th><th>p95</th><th>environment</th><th>strategy</th><th>deployment</th></tr></thead><tbody>${rs.map(historyRow).join("")}</tbody></table></div><h2>Quality gates</h2><div class="grid-2"><section><h4>Latency per release</h4>${latencyChart(runs)}</section><section><h4>Gate results</h4>${gateMatrix(runs)}<p class="legend"><span class="key"><i style="background:${COLORS.good}"></i>passed</span> <span class="key"><i style="background:${COLORS.bad}"></i>failed</span> <span class="key"><i style="background:${COLORS.warn}"></i>other</span> <span class="key"><i style="background:#fff;border:1px solid #d0d7de"></i>not run</span></p></section></div><h2>Deployments and rollbacks</h2>${deploymentTimeline(runs)}<h2>Releases in detail</h2>${rs.slice(0, limit).map((r, i) => details(r, i === 0)).join(
    ""
  )}${rs.length > limit ? `<p class="muted">${rs.length - limit} older releases are listed in the history only.</p>` : ""}` : '<p class="empty">The status record holds no release yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title><link rel="icon" href="data:,"><style>${CSS}</style></head><body><header><h1>${esc(title)}</h1><div class="muted">release history, quality gates, deployments and rollbacks</div><div class="tiles">${tiles}</div></header><main>${body}</main><footer>Generated ${esc(generated)} UTC${o.source ? ` from ${esc(o.source)}` : ""} by release-actions. Static page: no script, no external request.</footer></body></html>
`;
}

// cli/src/args.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var flagName = (input) => `--${input}`;
var normalize = (name) => name.replace(/-/g, "_");
function parseFlags(argv, inputs, command) {
  const names2 = Object.keys(inputs);
  const valid = () => names2.map(flagName).join(", ");
  const values = {};
  const seen = /* @__PURE__ */ new Set();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") {
      throw new UsageError(
        `${command}: unexpected argument ${JSON.stringify(arg)}; inputs are given as flags: --<input> <value>`
      );
    }
    const eq = arg.indexOf("=");
    const rawName = arg.slice(2, eq >= 0 ? eq : void 0);
    let name = normalize(rawName);
    let negated = false;
    const known = (n) => n !== "" && Object.hasOwn(inputs, n);
    if (!known(name) && name.startsWith("no_") && known(name.slice(3))) {
      name = name.slice(3);
      negated = true;
    }
    const spec = known(name) ? inputs[name] : void 0;
    if (!spec) {
      throw new UsageError(`${command}: unknown flag --${rawName}; valid flags: ${valid()}, --help`);
    }
    let value;
    if (negated) {
      if (spec.kind !== "boolean") throw new UsageError(`${command}: --no-${name} applies to true/false inputs only`);
      if (eq >= 0) throw new UsageError(`${command}: --no-${name} takes no value`);
      value = "false";
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (spec.kind === "boolean") {
        if (next !== void 0 && !next.startsWith("--")) {
          value = next;
          i++;
        } else value = "true";
      } else {
        if (next === void 0 || next.startsWith("--") && next.length > 2) {
          throw new UsageError(`${command}: --${name} needs a value (--${name} <value> or --${name}=<value>)`);
        }
        value = next;
        i++;
      }
    }
    if (seen.has(name)) {
      if (spec.kind !== "list") throw new UsageError(`${command}: --${name} is given more than once`);
      values[name] = `${values[name]}
${value}`;
    } else values[name] = value;
    seen.add(name);
  }
  return { values, help };
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

// packages/shared/src/deploy/monitor.ts
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

// packages/shared/src/deploy/target.ts
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

// actions/deploy/src/inputs.ts
var action2 = defineAction("deploy", {
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

// packages/shared/src/policy/types.ts
var LOAD_PROFILES = ["baseline", "peak", "stress", "soak", "custom"];
var STRATEGIES = ["blue-green", "canary", "rolling", "immediate"];

// actions/plan/src/inputs.ts
function deployRequested(v) {
  return v.require_deploy || !!v.version_url || v.workload === "docker" || !!v.deploy_start_command.trim() || !!v.docker_image || v.router !== "none" || !!v.nginx_upstream_file || !!v.router_command.trim();
}
var PATH = { pattern: /^[^\r\n\0]+$/, patternHint: "a file path on one line" };
var action3 = defineAction("plan", {
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

// actions/quality-gates/src/inputs.ts
var action4 = defineAction("quality-gates", {
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

// packages/shared/src/attest/sign.ts
var SIGSTORE = {
  public: { fulcio: "https://fulcio.sigstore.dev", rekor: "https://rekor.sigstore.dev" },
  github: { fulcio: "https://fulcio.githubapp.com", tsa: "https://timestamp.githubapp.com/api/v1/timestamp" }
};

// actions/release/src/inputs.ts
var action5 = defineAction("release", {
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

// actions/rollback/src/inputs.ts
var action6 = defineAction("rollback", {
  description: "Back to the last good version (or a named one): instant where the old slot still runs, GitHub deployment and status record updated, moving registry tags set back on request.",
  inputs: {
    environment: environmentInput("Environment to roll back (a GitHub Environment name).", "production"),
    to_version: semver({
      description: "Version to go back to. Empty: the last good version recorded.",
      allowV: true
    }),
    ...targetInputs,
    npm_dist_tag_revert: bool({
      description: "Move the npm `latest` dist-tag back to the restored version.",
      default: "false"
    }),
    npm_package: text({
      description: "npm package whose `latest` dist-tag moves back (with npm_dist_tag_revert).",
      pattern: /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/,
      patternHint: "an npm package name such as widget or @acme/widget"
    }),
    npm_registry_url: url({
      description: "npm registry of npm_package.",
      default: "https://registry.npmjs.org/"
    }),
    npm_token: secret({ description: "npm token allowed to change dist-tags of npm_package." }),
    docker_tag_revert: bool({
      description: "Move the image `latest` tag (of docker_image) back to the restored version's manifest (through the registry's HTTP API).",
      default: "false"
    }),
    registry_username: text({
      description: "Container registry user for docker_tag_revert (with registry_password)."
    }),
    registry_password: secret({
      description: "Container registry password or token for docker_tag_revert (masked)."
    }),
    incident_issue: bool({ description: "Open a GitHub issue with the incident timeline.", default: "false" }),
    reason: text({
      description: "Why the rollback happens (shown in the deployment, status record and incident issue)."
    }),
    timeout: duration({ description: "Deadline of the rollback.", default: "10m", min: 1e3 }),
    lock_timeout: lockTimeoutInput,
    token: githubToken("GitHub token with deployments: write (and issues: write for incident_issue).")
  },
  outputs: {
    version: "The version serving after the rollback.",
    status: "rolled-back or failed.",
    incident_issue_url: "URL of the incident issue, when one was opened."
  },
  branding: { icon: "rotate-ccw", color: "red" },
  refine(v) {
    const problems = refineTarget(v);
    const need = (input, message) => problems.push({ input, message });
    if (v.npm_dist_tag_revert && !v.npm_package)
      need("npm_package", 'Input "npm_package" is empty but required with npm_dist_tag_revert: true.');
    if (v.docker_tag_revert && !v.docker_image)
      need("docker_image", 'Input "docker_image" is empty but required with docker_tag_revert: true.');
    if (v.registry_password && !v.registry_username)
      need("registry_username", 'Input "registry_username" is empty but required when registry_password is given.');
    if (v.incident_issue && !v.token) need("token", 'Input "token" is empty but required with incident_issue: true.');
    return problems;
  }
});

// cli/src/stages.ts
var STAGES = [action3, action4, action, action5, action2, action6];
function findStage(id) {
  return STAGES.find((s) => s.id === id);
}

// cli/src/help.ts
var wrap = (text2, width, indent2) => {
  const words = text2.split(/\s+/).filter(Boolean);
  const lines = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent2 + l).join("\n");
};
function mainHelp() {
  const stages = STAGES.map((s) => `  ${s.id.padEnd(15)} ${wrap(s.description, 84, " ".repeat(18)).trimStart()}`).join(
    "\n"
  );
  return `release-actions — run a stage of the release pipeline locally, as a GitHub runner would

Usage:
  release-actions <stage> [--<input> <value>]...   run one stage (inputs as flags)
  release-actions <stage> --help                   the stage's inputs, accepted values and defaults
  release-actions dashboard --status <file> --out <file>
                                                   generate the release dashboard (static HTML)
  release-actions workflow run [--dry-run] [--input name=value]...
                                                   run the reusable workflow locally (workflow --help)
  release-actions verify --subject <file | image@sha256:… | npm:name@version> [--repository owner/repo]
                                                   check a released artifact's signed provenance (verify --help)

Stages, in the reusable workflow's order:
${stages}
  ${"dashboard".padEnd(15)} Release dashboard (HTML) from release-status.yaml.

Flags are the action's inputs: --version_bump minor, --version-bump=minor; true/false inputs also as
--include_prs and --no-include_prs. Values are validated by the action itself, exactly as in a workflow.
The stage runs in the current directory (GITHUB_WORKSPACE); GITHUB_* variables already set are kept,
the token defaults to $GITHUB_TOKEN. Exit code: the action's (0 success, 1 failure), 2 for a usage error.
`;
}
function inputLine(name, spec) {
  const flag = spec.kind === "boolean" ? `--${name}, --no-${name}` : `--${name} <${spec.kind === "enum" ? "value" : spec.kind}>`;
  const facts = [];
  if (spec.required) facts.push("required");
  const multiline = spec.default?.includes("\n") ?? false;
  if (spec.default !== void 0 && !multiline) {
    facts.push(
      spec.default.startsWith("${{") ? `default: ${spec.default} ($GITHUB_TOKEN here)` : `default: ${spec.default}`
    );
  }
  const accepts = spec.kind === "enum" && spec.options ? `one of ${spec.options.join(", ")}` : spec.accepted;
  const lines = [
    `  ${flag}${facts.length ? `   (${facts.join("; ")})` : ""}`,
    wrap(spec.description, 96, "      "),
    wrap(`accepts: ${accepts}`, 96, "      ")
  ];
  if (multiline && spec.default) lines.push(`      default:
${spec.default.replace(/^/gm, "        ")}`);
  return lines.join("\n");
}
function stageHelp(def) {
  const inputs = Object.entries(def.inputs).map(([n, s]) => inputLine(n, s)).join("\n");
  const outputs = Object.entries(def.outputs).map(([n, description]) => `  ${n.padEnd(20)} ${description}`).join("\n");
  return `release-actions ${def.id}
${wrap(def.description, 100, "  ")}

Usage: release-actions ${def.id} [--<input> <value>]...

Inputs (the inputs of actions/${def.id}/action.yml):
${inputs}

Outputs (printed at the end of a run):
${outputs}
`;
}
var DASHBOARD_FLAGS = {
  status: { kind: "string", arg: "file", description: "The status record to read.", default: "release-status.yaml" },
  out: {
    kind: "string",
    arg: "file",
    description: "The HTML file to write (folders are created).",
    default: "site/index.html"
  },
  title: {
    kind: "string",
    arg: "text",
    description: 'Page title. Default: "Releases" and the project name of the record.'
  },
  limit: {
    kind: "string",
    arg: "n",
    description: "Releases on the page, newest first; older ones are not read (a long history stays a small, quick page).",
    default: "200"
  }
};
function dashboardHelp() {
  const flags = Object.entries(DASHBOARD_FLAGS).map(
    ([n, f]) => `  --${n} <${f.arg}>${"default" in f ? `   (default: ${f.default})` : ""}
${wrap(f.description, 96, "      ")}`
  ).join("\n");
  return `release-actions dashboard — a static HTML page from release-status.yaml: release history, gate results
with latency charts, deployments and rollbacks over time. No script and no external request: publish it
as is (GitHub Pages).

Usage: release-actions dashboard [--status release-status.yaml] [--out site/index.html] [--title <text>] [--limit 200]

${flags}
`;
}

// cli/src/workflow.ts
import { existsSync as existsSync6, readFileSync as readFileSync6 } from "node:fs";
import { dirname as dirname2, join as join9, resolve as resolve5 } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";

// packages/workflow/src/actions.ts
var import_yaml6 = __toESM(require_dist(), 1);
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { join as join5, resolve } from "node:path";

// packages/workflow/src/model.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { basename as basename2 } from "node:path";

// node_modules/@actions/expressions/dist/features.js
var allFeatureKeys = [
  "missingInputsQuickfix",
  "blockScalarChompingWarning",
  "allowCaseFunction",
  "allowCopilotRequestsPermission",
  "allowDrivesPermissionAutocomplete",
  "allowBackgroundSteps"
];
var FeatureFlags = class {
  constructor(features) {
    this.features = features ?? {};
  }
  /**
   * Check if an experimental feature is enabled.
   *
   * Resolution order:
   * 1. Explicit feature flag (if set)
   * 2. `all` flag (if set)
   * 3. false (default)
   */
  isEnabled(feature) {
    const explicit = this.features[feature];
    if (explicit !== void 0) {
      return explicit;
    }
    return this.features.all ?? false;
  }
  /**
   * Returns list of all enabled experimental features.
   */
  getEnabledFeatures() {
    return allFeatureKeys.filter((key) => this.isEnabled(key));
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/types.js
var TokenType;
(function(TokenType3) {
  TokenType3[TokenType3["String"] = 0] = "String";
  TokenType3[TokenType3["Sequence"] = 1] = "Sequence";
  TokenType3[TokenType3["Mapping"] = 2] = "Mapping";
  TokenType3[TokenType3["BasicExpression"] = 3] = "BasicExpression";
  TokenType3[TokenType3["InsertExpression"] = 4] = "InsertExpression";
  TokenType3[TokenType3["Boolean"] = 5] = "Boolean";
  TokenType3[TokenType3["Number"] = 6] = "Number";
  TokenType3[TokenType3["Null"] = 7] = "Null";
})(TokenType || (TokenType = {}));
function tokenTypeName(type) {
  switch (type) {
    case TokenType.String:
      return "StringToken";
    case TokenType.Sequence:
      return "SequenceToken";
    case TokenType.Mapping:
      return "MappingToken";
    case TokenType.BasicExpression:
      return "BasicExpressionToken";
    case TokenType.InsertExpression:
      return "InsertExpressionToken";
    case TokenType.Boolean:
      return "BooleanToken";
    case TokenType.Number:
      return "NumberToken";
    case TokenType.Null:
      return "NullToken";
    default: {
      const exhaustiveCheck = type;
      throw new Error(`Unhandled token type: ${type} ${exhaustiveCheck}}`);
    }
  }
}

// node_modules/@actions/workflow-parser/dist/templates/tokens/traversal-state.js
var TraversalState = class {
  constructor(parent, token) {
    this.index = -1;
    this.isKey = false;
    this.parent = parent;
    this._token = token;
    this.current = token;
  }
  moveNext(omitKeys) {
    switch (this._token.templateTokenType) {
      case TokenType.Sequence: {
        const sequence = this._token;
        if (++this.index < sequence.count) {
          this.current = sequence.get(this.index);
          return true;
        }
        this.current = void 0;
        return false;
      }
      case TokenType.Mapping: {
        const mapping = this._token;
        if (this.isKey) {
          this.isKey = false;
          this.currentKey = this.current;
          this.current = mapping.get(this.index).value;
          return true;
        }
        if (++this.index < mapping.count) {
          if (omitKeys) {
            this.isKey = false;
            this.currentKey = mapping.get(this.index).key;
            this.current = mapping.get(this.index).value;
            return true;
          }
          this.isKey = true;
          this.currentKey = void 0;
          this.current = mapping.get(this.index).key;
          return true;
        }
        this.currentKey = void 0;
        this.current = void 0;
        return false;
      }
      default:
        throw new Error(`Unexpected token type '${this._token.templateTokenType}' when traversing state`);
    }
  }
  /**
   * Returns the ancestor tokens from root to the current token's parent container.
   */
  getAncestors() {
    const ancestors = [];
    let state = this.parent;
    while (state) {
      if (state.current) {
        ancestors.unshift(state.current);
      }
      state = state.parent;
    }
    return ancestors;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/template-token.js
var TemplateTokenError = class extends Error {
  constructor(message, token) {
    super(message);
    this.token = token;
  }
};
var TemplateToken = class {
  /**
   * Base class for all template tokens
   */
  constructor(type, file, range, definitionInfo) {
    this.type = type;
    this.file = file;
    this.range = range;
    this.definitionInfo = definitionInfo;
  }
  get templateTokenType() {
    return this.type;
  }
  get line() {
    return this.range?.start.line;
  }
  get col() {
    return this.range?.start.column;
  }
  get definition() {
    return this.definitionInfo?.definition;
  }
  get description() {
    return this._description || this.propertyDefinition?.description || this.definition?.description;
  }
  set description(description) {
    this._description = description;
  }
  typeName() {
    return tokenTypeName(this.type);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertNull(objectDescription) {
    if (this.type === TokenType.Null) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType.Null)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertBoolean(objectDescription) {
    if (this.type === TokenType.Boolean) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType.Boolean)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertNumber(objectDescription) {
    if (this.type === TokenType.Number) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType.Number)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertString(objectDescription) {
    if (this.type === TokenType.String) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType.String)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertScalar(objectDescription) {
    if (this?.isScalar === true) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type 'ScalarToken' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertSequence(objectDescription) {
    if (this.type === TokenType.Sequence) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType.Sequence)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertMapping(objectDescription) {
    if (this.type === TokenType.Mapping) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType.Mapping)}' was expected.`, this);
  }
  /**
   * Returns all tokens (depth first)
   * @param value The object to traverse
   * @param omitKeys Whether to omit mapping keys
   * @yields A tuple of [parent, token, keyToken, ancestors] for each token in the tree
   */
  static *traverse(value, omitKeys) {
    yield [void 0, value, void 0, []];
    switch (value.templateTokenType) {
      case TokenType.Sequence:
      case TokenType.Mapping: {
        let state = new TraversalState(void 0, value);
        state = new TraversalState(state, value);
        while (state.parent) {
          if (state.moveNext(omitKeys ?? false)) {
            value = state.current;
            yield [state.parent?.current, value, state.currentKey, state.getAncestors()];
            switch (value.type) {
              case TokenType.Sequence:
              case TokenType.Mapping:
                state = new TraversalState(state, value);
                break;
            }
          } else {
            state = state.parent;
          }
        }
        break;
      }
    }
  }
  toJSON() {
    return void 0;
  }
};

// node_modules/@actions/workflow-parser/dist/workflows/file-reference.js
function parseFileReference(ref) {
  if (ref.startsWith("./")) {
    return {
      path: ref.substring(2)
    };
  }
  if (ref.startsWith("$/")) {
    return {
      path: ref.substring(2)
    };
  }
  const [remotePath, version] = ref.split("@");
  const [owner, repository, ...pathSegments] = remotePath.split("/").filter((s) => s.length > 0);
  if (!owner || !repository || !version) {
    throw new Error(`Invalid file reference: ${ref}`);
  }
  return {
    repository,
    owner,
    path: pathSegments.join("/"),
    version
  };
}

// node_modules/@actions/workflow-parser/dist/templates/template-validation-error.js
var TemplateValidationError = class {
  constructor(rawMessage, prefix, code, range) {
    this.rawMessage = rawMessage;
    this.prefix = prefix;
    this.code = code;
    this.range = range;
  }
  get message() {
    if (this.prefix) {
      return `${this.prefix}: ${this.rawMessage}`;
    }
    return this.rawMessage;
  }
  toString() {
    return this.message;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/template-context.js
var TemplateContext = class {
  constructor(errors, schema2, trace) {
    this._fileIds = {};
    this._fileNames = [];
    this.expressionFunctions = [];
    this.expressionNamedContexts = [];
    this.state = {};
    this.errors = errors;
    this.schema = schema2;
    this.trace = trace;
  }
  error(tokenOrFileId, err, tokenRange) {
    const token = tokenOrFileId;
    const range = tokenRange || token?.range;
    const prefix = this.getErrorPrefix(token?.file ?? tokenOrFileId, token?.line, token?.col);
    const message = err?.message ?? String(err);
    const e = new TemplateValidationError(message, prefix, void 0, range);
    this.errors.add(e);
    this.trace.error(e.message);
  }
  /**
   * Gets or adds the file ID
   */
  getFileId(file) {
    const key = file.toUpperCase();
    let id = this._fileIds[key];
    if (id === void 0) {
      id = this._fileNames.length + 1;
      this._fileIds[key] = id;
      this._fileNames.push(file);
    }
    return id;
  }
  /**
   * Looks up a file name by ID. Returns undefined if not found.
   */
  getFileName(fileId) {
    return this._fileNames.length >= fileId ? this._fileNames[fileId - 1] : void 0;
  }
  /**
   * Gets a copy of the file table
   */
  getFileTable() {
    return this._fileNames.slice();
  }
  getErrorPrefix(fileId, line, column) {
    const fileName = fileId !== void 0 ? this.getFileName(fileId) : void 0;
    if (fileName) {
      if (line !== void 0 && column !== void 0) {
        return `${fileName} (Line: ${line}, Col: ${column})`;
      } else {
        return fileName;
      }
    } else if (line !== void 0 && column !== void 0) {
      return `(Line: ${line}, Col: ${column})`;
    } else {
      return "";
    }
  }
};
var TemplateValidationErrors = class {
  constructor(maxErrors, maxMessageLength) {
    this._errors = [];
    this._maxErrors = maxErrors ?? 0;
    this._maxMessageLength = maxMessageLength ?? 0;
  }
  get count() {
    return this._errors.length;
  }
  add(err) {
    for (let e of Array.isArray(err) ? err : [err]) {
      if (this._maxErrors <= 0 || this._errors.length < this._maxErrors) {
        if (this._maxMessageLength > 0 && e.message.length > this._maxMessageLength) {
          e = new TemplateValidationError(e.message.substring(0, this._maxMessageLength) + "[...]", e.prefix, e.code, e.range);
        }
        this._errors.push(e);
      }
    }
  }
  /**
   * Throws if any errors
   * @param prefix The error message prefix
   */
  check(prefix) {
    if (this._errors.length <= 0) {
      return;
    }
    if (!prefix) {
      prefix = "The template is not valid.";
    }
    throw new Error(`${prefix} ${this._errors.map((x) => x.message).join(",")}`);
  }
  clear() {
    this._errors = [];
  }
  getErrors() {
    return this._errors.slice();
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/definition-info.js
var DefinitionInfo = class {
  constructor(schemaOrParent, nameOrDefinition) {
    this.isDefinitionInfo = true;
    const parent = schemaOrParent?.isDefinitionInfo === true ? schemaOrParent : void 0;
    this._schema = parent === void 0 ? schemaOrParent : parent._schema;
    this.definition = typeof nameOrDefinition === "string" ? this._schema.getDefinition(nameOrDefinition) : nameOrDefinition;
    if (this.definition.readerContext.length > 0) {
      this.allowedContext = [];
      const upperSeen = {};
      for (const context of parent?.allowedContext ?? []) {
        this.allowedContext.push(context);
        upperSeen[context.toUpperCase()] = true;
      }
      for (const context of this.definition.readerContext) {
        const upper = context.toUpperCase();
        if (!upperSeen[upper]) {
          this.allowedContext.push(context);
          upperSeen[upper] = true;
        }
      }
    } else {
      this.allowedContext = parent?.allowedContext ?? [];
    }
  }
  getScalarDefinitions() {
    return this._schema.getScalarDefinitions(this.definition);
  }
  getDefinitionsOfType(type) {
    return this._schema.getDefinitionsOfType(this.definition, type);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/definition-type.js
var DefinitionType;
(function(DefinitionType2) {
  DefinitionType2[DefinitionType2["Null"] = 0] = "Null";
  DefinitionType2[DefinitionType2["Boolean"] = 1] = "Boolean";
  DefinitionType2[DefinitionType2["Number"] = 2] = "Number";
  DefinitionType2[DefinitionType2["String"] = 3] = "String";
  DefinitionType2[DefinitionType2["Sequence"] = 4] = "Sequence";
  DefinitionType2[DefinitionType2["Mapping"] = 5] = "Mapping";
  DefinitionType2[DefinitionType2["OneOf"] = 6] = "OneOf";
  DefinitionType2[DefinitionType2["AllowedValues"] = 7] = "AllowedValues";
})(DefinitionType || (DefinitionType = {}));

// node_modules/@actions/workflow-parser/dist/templates/template-constants.js
var ALLOWED_VALUES = "allowed-values";
var ANY = "any";
var BOOLEAN = "boolean";
var BOOLEAN_DEFINITION = "boolean-definition";
var BOOLEAN_DEFINITION_PROPERTIES = "boolean-definition-properties";
var CLOSE_EXPRESSION = "}}";
var CONSTANT = "constant";
var CONTEXT = "context";
var DEFINITION = "definition";
var DEFINITIONS = "definitions";
var DESCRIPTION = "description";
var IGNORE_CASE = "ignore-case";
var INSERT_DIRECTIVE = "insert";
var IS_EXPRESSION = "is-expression";
var ITEM_TYPE = "item-type";
var LOOSE_KEY_TYPE = "loose-key-type";
var LOOSE_VALUE_TYPE = "loose-value-type";
var MAX_CONSTANT = "MAX";
var MAPPING = "mapping";
var MAPPING_DEFINITION = "mapping-definition";
var MAPPING_DEFINITION_PROPERTIES = "mapping-definition-properties";
var MAPPING_PROPERTY_VALUE = "mapping-property-value";
var NON_EMPTY_STRING = "non-empty-string";
var NULL = "null";
var NULL_DEFINITION = "null-definition";
var NULL_DEFINITION_PROPERTIES = "null-definition-properties";
var NUMBER = "number";
var NUMBER_DEFINITION = "number-definition";
var NUMBER_DEFINITION_PROPERTIES = "number-definition-properties";
var ONE_OF = "one-of";
var ONE_OF_DEFINITION = "one-of-definition";
var OPEN_EXPRESSION = "${{";
var PROPERTY_VALUE = "property-value";
var PROPERTIES = "properties";
var REQUIRED = "required";
var REQUIRE_NON_EMPTY = "require-non-empty";
var SCALAR = "scalar";
var SEQUENCE = "sequence";
var SEQUENCE_DEFINITION = "sequence-definition";
var SEQUENCE_DEFINITION_PROPERTIES = "sequence-definition-properties";
var TYPE = "type";
var SEQUENCE_OF_NON_EMPTY_STRING = "sequence-of-non-empty-string";
var STRING = "string";
var STRING_DEFINITION = "string-definition";
var STRING_DEFINITION_PROPERTIES = "string-definition-properties";
var TEMPLATE_SCHEMA = "template-schema";
var VERSION = "version";

// node_modules/@actions/workflow-parser/dist/templates/tokens/scalar-token.js
var ScalarToken = class extends TemplateToken {
  constructor(type, file, range, definitionInfo) {
    super(type, file, range, definitionInfo);
  }
  get isScalar() {
    return true;
  }
  static trimDisplayString(displayString) {
    let firstLine = displayString.trimStart();
    const firstNewLine = firstLine.indexOf("\n");
    const firstCarriageReturn = firstLine.indexOf("\r");
    if (firstNewLine >= 0 || firstCarriageReturn >= 0) {
      firstLine = firstLine.substr(0, Math.min(firstNewLine >= 0 ? firstNewLine : Number.MAX_VALUE, firstCarriageReturn >= 0 ? firstCarriageReturn : Number.MAX_VALUE));
    }
    return firstLine;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/literal-token.js
var LiteralToken = class extends ScalarToken {
  constructor(type, file, range, definitionInfo) {
    super(type, file, range, definitionInfo);
  }
  get isLiteral() {
    return true;
  }
  get isExpression() {
    return false;
  }
  toDisplayString() {
    return ScalarToken.trimDisplayString(this.toString());
  }
  /**
   * Throws a good debug message when an unexpected literal value is encountered
   */
  assertUnexpectedValue(objectDescription) {
    throw new Error(`Error while reading '${objectDescription}'. Unexpected value '${this.toString()}'`);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/string-token.js
var StringToken = class _StringToken extends LiteralToken {
  constructor(file, range, value, definitionInfo, source, blockScalarHeader) {
    super(TokenType.String, file, range, definitionInfo);
    this.value = value;
    this.source = source;
    this.blockScalarHeader = blockScalarHeader;
  }
  clone(omitSource) {
    return omitSource ? new _StringToken(void 0, void 0, this.value, this.definitionInfo, this.source, this.blockScalarHeader) : new _StringToken(this.file, this.range, this.value, this.definitionInfo, this.source, this.blockScalarHeader);
  }
  toString() {
    return this.value;
  }
  toJSON() {
    return this.value;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/number-token.js
var NumberToken = class _NumberToken extends LiteralToken {
  constructor(file, range, value, definitionInfo) {
    super(TokenType.Number, file, range, definitionInfo);
    this.num = value;
  }
  get value() {
    return this.num;
  }
  clone(omitSource) {
    return omitSource ? new _NumberToken(void 0, void 0, this.num, this.definitionInfo) : new _NumberToken(this.file, this.range, this.num, this.definitionInfo);
  }
  toString() {
    return `${this.num}`;
  }
  toJSON() {
    return this.num;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/boolean-token.js
var BooleanToken = class _BooleanToken extends LiteralToken {
  constructor(file, range, value, definitionInfo) {
    super(TokenType.Boolean, file, range, definitionInfo);
    this.bool = value;
  }
  get value() {
    return this.bool;
  }
  clone(omitSource) {
    return omitSource ? new _BooleanToken(void 0, void 0, this.bool, this.definitionInfo) : new _BooleanToken(this.file, this.range, this.bool, this.definitionInfo);
  }
  toString() {
    return this.bool ? "true" : "false";
  }
  toJSON() {
    return this.bool;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/null-token.js
var NullToken = class _NullToken extends LiteralToken {
  constructor(file, range, definitionInfo) {
    super(TokenType.Null, file, range, definitionInfo);
  }
  clone(omitSource) {
    return omitSource ? new _NullToken(void 0, void 0, this.definitionInfo) : new _NullToken(this.file, this.range, this.definitionInfo);
  }
  toString() {
    return "";
  }
  toJSON() {
    return null;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/key-value-pair.js
var KeyValuePair = class {
  constructor(key, value) {
    this.key = key;
    this.value = value;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/sequence-token.js
var SequenceToken = class _SequenceToken extends TemplateToken {
  constructor(file, range, definitionInfo) {
    super(TokenType.Sequence, file, range, definitionInfo);
    this.seq = [];
  }
  get count() {
    return this.seq.length;
  }
  get isScalar() {
    return false;
  }
  get isLiteral() {
    return false;
  }
  get isExpression() {
    return false;
  }
  add(value) {
    this.seq.push(value);
  }
  get(index) {
    return this.seq[index];
  }
  clone(omitSource) {
    const result = omitSource ? new _SequenceToken(void 0, void 0, this.definitionInfo) : new _SequenceToken(this.file, this.range, this.definitionInfo);
    for (const item of this.seq) {
      result.add(item.clone(omitSource));
    }
    return result;
  }
  toJSON() {
    return {
      type: TokenType.Sequence,
      seq: this.seq
    };
  }
  *[Symbol.iterator]() {
    for (const item of this.seq) {
      yield item;
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/mapping-token.js
var MappingToken = class _MappingToken extends TemplateToken {
  constructor(file, range, definitionInfo) {
    super(TokenType.Mapping, file, range, definitionInfo);
    this.map = [];
  }
  get count() {
    return this.map.length;
  }
  get isScalar() {
    return false;
  }
  get isLiteral() {
    return false;
  }
  get isExpression() {
    return false;
  }
  add(key, value) {
    this.map.push(new KeyValuePair(key, value));
  }
  get(index) {
    return this.map[index];
  }
  find(key) {
    const pair2 = this.map.find((pair3) => pair3.key.toString() === key);
    return pair2?.value;
  }
  remove(index) {
    this.map.splice(index, 1);
  }
  clone(omitSource) {
    const result = omitSource ? new _MappingToken(void 0, void 0, this.definitionInfo) : new _MappingToken(this.file, this.range, this.definitionInfo);
    for (const item of this.map) {
      result.add(item.key.clone(omitSource), item.value.clone(omitSource));
    }
    return result;
  }
  toJSON() {
    const items = [];
    for (const item of this.map) {
      items.push({ Key: item.key, Value: item.value });
    }
    return {
      type: TokenType.Mapping,
      map: items
    };
  }
  *[Symbol.iterator]() {
    for (const item of this.map) {
      yield item;
    }
  }
};

// node_modules/@actions/expressions/dist/ast.js
var Expr = class {
};
var Literal = class extends Expr {
  constructor(literal, token) {
    super();
    this.literal = literal;
    this.token = token;
  }
  accept(v) {
    return v.visitLiteral(this);
  }
};
var Unary = class extends Expr {
  constructor(operator, expr) {
    super();
    this.operator = operator;
    this.expr = expr;
  }
  accept(v) {
    return v.visitUnary(this);
  }
};
var FunctionCall = class extends Expr {
  constructor(functionName, args) {
    super();
    this.functionName = functionName;
    this.args = args;
  }
  accept(v) {
    return v.visitFunctionCall(this);
  }
};
var Binary = class extends Expr {
  constructor(left, operator, right) {
    super();
    this.left = left;
    this.operator = operator;
    this.right = right;
  }
  accept(v) {
    return v.visitBinary(this);
  }
};
var Logical = class extends Expr {
  constructor(operator, args) {
    super();
    this.operator = operator;
    this.args = args;
  }
  accept(v) {
    return v.visitLogical(this);
  }
};
var Grouping = class extends Expr {
  constructor(group) {
    super();
    this.group = group;
  }
  accept(v) {
    return v.visitGrouping(this);
  }
};
var ContextAccess = class extends Expr {
  constructor(name) {
    super();
    this.name = name;
  }
  accept(v) {
    return v.visitContextAccess(this);
  }
};
var IndexAccess = class extends Expr {
  constructor(expr, index) {
    super();
    this.expr = expr;
    this.index = index;
  }
  accept(v) {
    return v.visitIndexAccess(this);
  }
};
var Star = class extends Expr {
  accept() {
    throw new Error("Method not implemented.");
  }
};

// node_modules/@actions/expressions/dist/data/expressiondata.js
var Kind;
(function(Kind2) {
  Kind2[Kind2["String"] = 0] = "String";
  Kind2[Kind2["Array"] = 1] = "Array";
  Kind2[Kind2["Dictionary"] = 2] = "Dictionary";
  Kind2[Kind2["Boolean"] = 3] = "Boolean";
  Kind2[Kind2["Number"] = 4] = "Number";
  Kind2[Kind2["CaseSensitiveDictionary"] = 5] = "CaseSensitiveDictionary";
  Kind2[Kind2["Null"] = 6] = "Null";
})(Kind || (Kind = {}));
function kindStr(k) {
  switch (k) {
    case Kind.Array:
      return "Array";
    case Kind.Boolean:
      return "Boolean";
    case Kind.Null:
      return "Null";
    case Kind.Number:
      return "Number";
    case Kind.Dictionary:
      return "Object";
    case Kind.String:
      return "String";
  }
  return "unknown";
}

// node_modules/@actions/expressions/dist/data/dictionary.js
var Dictionary = class {
  constructor(...pairs) {
    this.keys = [];
    this.v = [];
    this.indexMap = {};
    this.kind = Kind.Dictionary;
    this.primitive = false;
    for (const p of pairs) {
      this.add(p.key, p.value);
    }
  }
  coerceString() {
    return kindStr(this.kind);
  }
  number() {
    return NaN;
  }
  add(key, value) {
    if (key.toLowerCase() in this.indexMap) {
      return;
    }
    this.keys.push(key);
    this.v.push(value);
    this.indexMap[key.toLowerCase()] = this.v.length - 1;
  }
  get(key) {
    const index = this.indexMap[key.toLowerCase()];
    if (index === void 0) {
      return void 0;
    }
    return this.v[index];
  }
  values() {
    return this.v;
  }
  pairs() {
    const result = [];
    for (const key of this.keys) {
      result.push({ key, value: this.v[this.indexMap[key.toLowerCase()]] });
    }
    return result;
  }
};

// node_modules/@actions/expressions/dist/data/index.js
var data_exports = {};
__export(data_exports, {
  Array: () => Array2,
  BooleanData: () => BooleanData,
  Dictionary: () => Dictionary,
  Kind: () => Kind,
  Null: () => Null,
  NumberData: () => NumberData,
  StringData: () => StringData,
  replacer: () => replacer,
  reviver: () => reviver
});

// node_modules/@actions/expressions/dist/data/array.js
var Array2 = class {
  constructor(...data) {
    this.v = [];
    this.kind = Kind.Array;
    this.primitive = false;
    for (const d of data) {
      this.add(d);
    }
  }
  coerceString() {
    return kindStr(this.kind);
  }
  number() {
    return NaN;
  }
  add(value) {
    this.v.push(value);
  }
  get(index) {
    return this.v[index];
  }
  values() {
    return this.v;
  }
};

// node_modules/@actions/expressions/dist/data/boolean.js
var BooleanData = class {
  constructor(value) {
    this.value = value;
    this.kind = Kind.Boolean;
    this.primitive = true;
  }
  coerceString() {
    if (this.value) {
      return "true";
    }
    return "false";
  }
  number() {
    if (this.value) {
      return 1;
    }
    return 0;
  }
};

// node_modules/@actions/expressions/dist/data/null.js
var Null = class {
  constructor() {
    this.kind = Kind.Null;
    this.primitive = true;
  }
  coerceString() {
    return "";
  }
  number() {
    return 0;
  }
};

// node_modules/@actions/expressions/dist/data/number.js
var NumberData = class {
  constructor(value) {
    this.value = value;
    this.kind = Kind.Number;
    this.primitive = true;
  }
  coerceString() {
    if (this.value === 0) {
      return "0";
    }
    return (+this.value.toFixed(15)).toString();
  }
  number() {
    return this.value;
  }
};

// node_modules/@actions/expressions/dist/data/string.js
var StringData = class {
  constructor(value) {
    this.value = value;
    this.kind = Kind.String;
    this.primitive = true;
  }
  coerceString() {
    return this.value;
  }
  number() {
    return Number(this.value);
  }
};

// node_modules/@actions/expressions/dist/data/replacer.js
function replacer(_key, value) {
  if (value instanceof Null) {
    return null;
  }
  if (value instanceof BooleanData) {
    return value.value;
  }
  if (value instanceof NumberData) {
    return value.number();
  }
  if (value instanceof StringData) {
    return value.coerceString();
  }
  if (value instanceof Array2) {
    return value.values();
  }
  if (value instanceof Dictionary) {
    const pairs = value.pairs();
    const r = {};
    for (const p of pairs) {
      r[p.key] = p.value;
    }
    return r;
  }
  return value;
}

// node_modules/@actions/expressions/dist/data/reviver.js
function reviver(_key, val) {
  if (val === null) {
    return new Null();
  }
  if (typeof val === "string") {
    return new StringData(val);
  }
  if (typeof val === "number") {
    return new NumberData(val);
  }
  if (typeof val === "boolean") {
    return new BooleanData(val);
  }
  if (Array.isArray(val)) {
    return new Array2(...val);
  }
  if (typeof val === "object") {
    return new Dictionary(...Object.keys(val).map((k) => ({
      key: k,
      value: val[k]
    })));
  }
  return val;
}

// node_modules/@actions/expressions/dist/filtered_array.js
var FilteredArray = class extends Array2 {
};

// node_modules/@actions/expressions/dist/lexer.js
var TokenType2;
(function(TokenType3) {
  TokenType3[TokenType3["UNKNOWN"] = 0] = "UNKNOWN";
  TokenType3[TokenType3["LEFT_PAREN"] = 1] = "LEFT_PAREN";
  TokenType3[TokenType3["RIGHT_PAREN"] = 2] = "RIGHT_PAREN";
  TokenType3[TokenType3["LEFT_BRACKET"] = 3] = "LEFT_BRACKET";
  TokenType3[TokenType3["RIGHT_BRACKET"] = 4] = "RIGHT_BRACKET";
  TokenType3[TokenType3["COMMA"] = 5] = "COMMA";
  TokenType3[TokenType3["DOT"] = 6] = "DOT";
  TokenType3[TokenType3["BANG"] = 7] = "BANG";
  TokenType3[TokenType3["BANG_EQUAL"] = 8] = "BANG_EQUAL";
  TokenType3[TokenType3["EQUAL_EQUAL"] = 9] = "EQUAL_EQUAL";
  TokenType3[TokenType3["GREATER"] = 10] = "GREATER";
  TokenType3[TokenType3["GREATER_EQUAL"] = 11] = "GREATER_EQUAL";
  TokenType3[TokenType3["LESS"] = 12] = "LESS";
  TokenType3[TokenType3["LESS_EQUAL"] = 13] = "LESS_EQUAL";
  TokenType3[TokenType3["AND"] = 14] = "AND";
  TokenType3[TokenType3["OR"] = 15] = "OR";
  TokenType3[TokenType3["STAR"] = 16] = "STAR";
  TokenType3[TokenType3["NUMBER"] = 17] = "NUMBER";
  TokenType3[TokenType3["STRING"] = 18] = "STRING";
  TokenType3[TokenType3["IDENTIFIER"] = 19] = "IDENTIFIER";
  TokenType3[TokenType3["TRUE"] = 20] = "TRUE";
  TokenType3[TokenType3["FALSE"] = 21] = "FALSE";
  TokenType3[TokenType3["NULL"] = 22] = "NULL";
  TokenType3[TokenType3["EOF"] = 23] = "EOF";
})(TokenType2 || (TokenType2 = {}));
function tokenString(tok) {
  switch (tok.type) {
    case TokenType2.EOF:
      return "EOF";
    case TokenType2.NUMBER:
      return tok.lexeme;
    case TokenType2.STRING:
      return tok.value.toString();
    default:
      return tok.lexeme;
  }
}
var Lexer = class {
  constructor(input) {
    this.input = input;
    this.start = 0;
    this.offset = 0;
    this.line = 0;
    this.lastLineOffset = 0;
    this.tokens = [];
  }
  lex() {
    if (this.input.length > MAX_EXPRESSION_LENGTH) {
      throw new Error("ErrorExceededMaxLength");
    }
    while (!this.atEnd()) {
      this.start = this.offset;
      const c = this.next();
      switch (c) {
        case "(":
          this.addToken(TokenType2.LEFT_PAREN);
          break;
        case ")":
          this.addToken(TokenType2.RIGHT_PAREN);
          break;
        case "[":
          this.addToken(TokenType2.LEFT_BRACKET);
          break;
        case "]":
          this.addToken(TokenType2.RIGHT_BRACKET);
          break;
        case ",":
          this.addToken(TokenType2.COMMA);
          break;
        case ".":
          if (this.previous() != TokenType2.IDENTIFIER && this.previous() != TokenType2.RIGHT_BRACKET && this.previous() != TokenType2.RIGHT_PAREN && this.previous() != TokenType2.STAR) {
            this.consumeNumber();
          } else {
            this.addToken(TokenType2.DOT);
          }
          break;
        case "-":
        case "+":
          this.consumeNumber();
          break;
        case "!":
          this.addToken(this.match("=") ? TokenType2.BANG_EQUAL : TokenType2.BANG);
          break;
        case "=":
          if (!this.match("=")) {
            this.consumeIdentifier();
            break;
          }
          this.addToken(TokenType2.EQUAL_EQUAL);
          break;
        case "<":
          this.addToken(this.match("=") ? TokenType2.LESS_EQUAL : TokenType2.LESS);
          break;
        case ">":
          this.addToken(this.match("=") ? TokenType2.GREATER_EQUAL : TokenType2.GREATER);
          break;
        case "&":
          if (!this.match("&")) {
            this.consumeIdentifier();
            break;
          }
          this.addToken(TokenType2.AND);
          break;
        case "|":
          if (!this.match("|")) {
            this.consumeIdentifier();
            break;
          }
          this.addToken(TokenType2.OR);
          break;
        case "*":
          this.addToken(TokenType2.STAR);
          break;
        // Ignore whitespace.
        case " ":
        case "\r":
        case "	":
          break;
        case "\n":
          ++this.line;
          this.lastLineOffset = this.offset;
          break;
        case "'":
          this.consumeString();
          break;
        default:
          switch (true) {
            case isDigit(c):
              this.consumeNumber();
              break;
            default:
              this.consumeIdentifier();
              break;
          }
      }
    }
    this.tokens.push({
      type: TokenType2.EOF,
      lexeme: "",
      range: this.range()
    });
    return {
      tokens: this.tokens
    };
  }
  pos() {
    return {
      line: this.line,
      column: this.start - this.lastLineOffset
    };
  }
  endPos() {
    return {
      line: this.line,
      column: this.offset - this.lastLineOffset
    };
  }
  range() {
    return {
      start: this.pos(),
      end: this.endPos()
    };
  }
  atEnd() {
    return this.offset >= this.input.length;
  }
  peek() {
    if (this.atEnd()) {
      return "\0";
    }
    return this.input[this.offset];
  }
  peekNext() {
    if (this.offset + 1 >= this.input.length) {
      return "\0";
    }
    return this.input[this.offset + 1];
  }
  previous() {
    const l = this.tokens.length;
    if (l == 0) {
      return TokenType2.EOF;
    }
    return this.tokens[l - 1].type;
  }
  next() {
    return this.input[this.offset++];
  }
  match(expected) {
    if (this.atEnd()) {
      return false;
    }
    if (this.input[this.offset] !== expected) {
      return false;
    }
    this.offset++;
    return true;
  }
  addToken(type, value) {
    this.tokens.push({
      type,
      lexeme: this.input.substring(this.start, this.offset),
      range: this.range(),
      value
    });
  }
  consumeNumber() {
    while (!this.atEnd() && (!isBoundary(this.peek()) || this.peek() == ".")) {
      this.next();
    }
    const lexeme = this.input.substring(this.start, this.offset);
    const value = new StringData(lexeme).number();
    if (isNaN(value)) {
      throw new Error(`Unexpected symbol: '${lexeme}'. Located at position ${this.start + 1} within expression: ${this.input}`);
    }
    this.addToken(TokenType2.NUMBER, value);
  }
  consumeString() {
    while ((this.peek() !== "'" || this.peekNext() === "'") && !this.atEnd()) {
      if (this.peek() === "\n")
        this.line++;
      if (this.peek() === "'" && this.peekNext() === "'") {
        this.next();
      }
      this.next();
    }
    if (this.atEnd()) {
      throw new Error(`Unexpected symbol: '${this.input.substring(this.start)}'. Located at position ${this.start + 1} within expression: ${this.input}`);
    }
    this.next();
    let value = this.input.substring(this.start + 1, this.offset - 1);
    value = value.replace("''", "'");
    this.addToken(TokenType2.STRING, value);
  }
  consumeIdentifier() {
    while (!this.atEnd() && !isBoundary(this.peek())) {
      this.next();
    }
    let tokenType = TokenType2.IDENTIFIER;
    let tokenValue = void 0;
    const lexeme = this.input.substring(this.start, this.offset);
    if (this.previous() != TokenType2.DOT) {
      switch (lexeme) {
        case "true":
          tokenType = TokenType2.TRUE;
          break;
        case "false":
          tokenType = TokenType2.FALSE;
          break;
        case "null":
          tokenType = TokenType2.NULL;
          break;
        case "NaN":
          tokenType = TokenType2.NUMBER;
          tokenValue = NaN;
          break;
        case "Infinity":
          tokenType = TokenType2.NUMBER;
          tokenValue = Infinity;
          break;
      }
    }
    if (!isLegalIdentifier(lexeme)) {
      throw new Error(`Unexpected symbol: '${lexeme}'. Located at position ${this.start + 1} within expression: ${this.input}`);
    }
    this.addToken(tokenType, tokenValue);
  }
};
function isDigit(c) {
  return c >= "0" && c <= "9";
}
function isBoundary(c) {
  switch (c) {
    case "(":
    case "[":
    case ")":
    case "]":
    case ",":
    case ".":
    case "!":
    case ">":
    case "<":
    case "=":
    case "&":
    case "|":
      return true;
  }
  return /\s/.test(c);
}
function isLegalIdentifier(str2) {
  if (str2 == "") {
    return false;
  }
  const first = str2[0];
  if (first >= "a" && first <= "z" || first >= "A" && first <= "Z" || first == "_") {
    for (const c of str2.substring(1).split("")) {
      if (c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c >= "0" && c <= "9" || c == "_" || c == "-") {
      } else {
        return false;
      }
    }
    return true;
  }
  return false;
}

// node_modules/@actions/expressions/dist/errors.js
var MAX_PARSER_DEPTH = 50;
var MAX_EXPRESSION_LENGTH = 21e3;
var ErrorType;
(function(ErrorType2) {
  ErrorType2[ErrorType2["ErrorUnexpectedSymbol"] = 0] = "ErrorUnexpectedSymbol";
  ErrorType2[ErrorType2["ErrorUnrecognizedNamedValue"] = 1] = "ErrorUnrecognizedNamedValue";
  ErrorType2[ErrorType2["ErrorUnexpectedEndOfExpression"] = 2] = "ErrorUnexpectedEndOfExpression";
  ErrorType2[ErrorType2["ErrorExceededMaxDepth"] = 3] = "ErrorExceededMaxDepth";
  ErrorType2[ErrorType2["ErrorExceededMaxLength"] = 4] = "ErrorExceededMaxLength";
  ErrorType2[ErrorType2["ErrorTooFewParameters"] = 5] = "ErrorTooFewParameters";
  ErrorType2[ErrorType2["ErrorTooManyParameters"] = 6] = "ErrorTooManyParameters";
  ErrorType2[ErrorType2["ErrorEvenParameters"] = 7] = "ErrorEvenParameters";
  ErrorType2[ErrorType2["ErrorUnrecognizedContext"] = 8] = "ErrorUnrecognizedContext";
  ErrorType2[ErrorType2["ErrorUnrecognizedFunction"] = 9] = "ErrorUnrecognizedFunction";
})(ErrorType || (ErrorType = {}));
var ExpressionError = class extends Error {
  constructor(typ, tok) {
    super(`${errorDescription(typ)}: '${tokenString(tok)}'`);
    this.typ = typ;
    this.tok = tok;
    this.pos = this.tok.range.start;
  }
};
function errorDescription(typ) {
  switch (typ) {
    case ErrorType.ErrorUnexpectedEndOfExpression:
      return "Unexpected end of expression";
    case ErrorType.ErrorUnexpectedSymbol:
      return "Unexpected symbol";
    case ErrorType.ErrorUnrecognizedNamedValue:
      return "Unrecognized named-value";
    case ErrorType.ErrorExceededMaxDepth:
      return `Exceeded max expression depth ${MAX_PARSER_DEPTH}`;
    case ErrorType.ErrorExceededMaxLength:
      return `Exceeded max expression length ${MAX_EXPRESSION_LENGTH}`;
    case ErrorType.ErrorTooFewParameters:
      return "Too few parameters supplied";
    case ErrorType.ErrorTooManyParameters:
      return "Too many parameters supplied";
    case ErrorType.ErrorEvenParameters:
      return "Even number of parameters supplied, requires an odd number of parameters";
    case ErrorType.ErrorUnrecognizedContext:
      return "Unrecognized named-value";
    case ErrorType.ErrorUnrecognizedFunction:
      return "Unrecognized function";
    default:
      return "Unknown error";
  }
}
var ExpressionEvaluationError = class extends Error {
};

// node_modules/@actions/expressions/dist/funcs/case.js
var caseFunc = {
  name: "case",
  description: "`case( pred1, val1, pred2, val2, ..., default )`\n\nEvaluates predicates in order and returns the value corresponding to the first predicate that evaluates to `true`. If no predicate matches, it returns the last argument as the default value.",
  minArgs: 3,
  maxArgs: Number.MAX_SAFE_INTEGER,
  call: (...args) => {
    for (let i = 0; i < args.length - 1; i += 2) {
      const predicate = args[i];
      if (predicate.kind !== Kind.Boolean) {
        throw new Error("case predicate must evaluate to a boolean value");
      }
      if (predicate.value) {
        return args[i + 1];
      }
    }
    return args[args.length - 1];
  }
};

// node_modules/@actions/expressions/dist/result.js
function falsy(d) {
  switch (d.kind) {
    case Kind.Null:
      return true;
    case Kind.Boolean:
      return !d.value;
    case Kind.Number: {
      const dv = d.value;
      return dv === 0 || isNaN(dv);
    }
    case Kind.String:
      return d.value.length === 0;
  }
  return false;
}
function truthy(d) {
  return !falsy(d);
}
function coerceTypes(li, ri) {
  let lv = li;
  let rv = ri;
  if (li.kind === ri.kind) {
    return [lv, rv];
  }
  switch (li.kind) {
    // Number, String
    case Kind.Number:
      if (ri.kind === Kind.String) {
        rv = new NumberData(ri.number());
        return [lv, rv];
      }
      break;
    // String, Number
    case Kind.String:
      if (ri.kind === Kind.Number) {
        lv = new NumberData(li.number());
        return [lv, rv];
      }
      break;
    // Boolean|Null, Any
    case Kind.Null:
    case Kind.Boolean:
      lv = new NumberData(li.number());
      return coerceTypes(lv, rv);
  }
  switch (ri.kind) {
    case Kind.Null:
    case Kind.Boolean:
      rv = new NumberData(ri.number());
      return coerceTypes(lv, rv);
  }
  return [lv, rv];
}
function equals(lhs, rhs) {
  const [lv, rv] = coerceTypes(lhs, rhs);
  if (lv.kind != rv.kind) {
    return false;
  }
  switch (lv.kind) {
    // Null, Null
    case Kind.Null:
      return true;
    // Number, Number
    case Kind.Number: {
      const ld = lv.value;
      const rd = rv.value;
      if (isNaN(ld) || isNaN(rd)) {
        return false;
      }
      return ld == rd;
    }
    // String, String
    case Kind.String: {
      const ls = lv.value;
      const rs = rv.value;
      return toUpperSpecial(ls) === toUpperSpecial(rs);
    }
    // Boolean, Boolean
    case Kind.Boolean: {
      const lb = lv.value;
      const rb = rv.value;
      return lb == rb;
    }
    // Object, Object
    case Kind.Dictionary:
    case Kind.Array:
      return lv === rv;
  }
  return false;
}
function greaterThan(lhs, rhs) {
  const [lv, rv] = coerceTypes(lhs, rhs);
  if (lv.kind != rv.kind) {
    return false;
  }
  switch (lv.kind) {
    // Number, Number
    case Kind.Number: {
      const lf = lv.value;
      const rf = rv.value;
      if (isNaN(lf) || isNaN(rf)) {
        return false;
      }
      return lf > rf;
    }
    // String, String
    case Kind.String: {
      let ls = lv.value;
      let rs = rv.value;
      ls = toUpperSpecial(ls);
      rs = toUpperSpecial(rs);
      return ls > rs;
    }
    // Boolean, Boolean
    case Kind.Boolean: {
      const lb = lv.value;
      const rb = rv.value;
      return lb && !rb;
    }
  }
  return false;
}
function lessThan(lhs, rhs) {
  const [lv, rv] = coerceTypes(lhs, rhs);
  if (lv.kind != rv.kind) {
    return false;
  }
  switch (lv.kind) {
    // Number, Number
    case Kind.Number: {
      const lf = lv.value;
      const rf = rv.value;
      if (isNaN(lf) || isNaN(rf)) {
        return false;
      }
      return lf < rf;
    }
    // String, String
    case Kind.String: {
      let ls = lv.value;
      let rs = rv.value;
      ls = toUpperSpecial(ls);
      rs = toUpperSpecial(rs);
      return ls < rs;
    }
    // Boolean, Boolean
    case Kind.Boolean: {
      const lb = lv.value;
      const rb = rv.value;
      return !lb && rb;
    }
  }
  return false;
}
function toUpperSpecial(s) {
  const sb = [];
  let i = 0;
  const len = s.length;
  let found = s.indexOf("ı");
  while (i < len) {
    if (i < found) {
      sb.push(s.substring(i, found).toUpperCase());
      i = found;
    } else if (i == found) {
      sb.push(s.substring(i, i + 1));
      i += 1;
      found = s.indexOf("ı", i);
    } else {
      sb.push(s.substring(i).toUpperCase());
      break;
    }
  }
  return sb.join("");
}

// node_modules/@actions/expressions/dist/funcs/contains.js
var contains = {
  name: "contains",
  description: "`contains( search, item )`\n\nReturns `true` if `search` contains `item`. If `search` is an array, this function returns `true` if the `item` is an element in the array. If `search` is a string, this function returns `true` if the `item` is a substring of `search`. This function is not case sensitive. Casts values to a string.",
  minArgs: 2,
  maxArgs: 2,
  call: (...args) => {
    const left = args[0];
    const right = args[1];
    if (left.primitive) {
      const ls = left.coerceString();
      if (right.primitive) {
        const rs = right.coerceString();
        return new BooleanData(ls.toLowerCase().includes(rs.toLowerCase()));
      }
    } else if (left.kind === Kind.Array) {
      const la = left;
      if (la.values().length === 0) {
        return new BooleanData(false);
      }
      for (const v of la.values()) {
        if (equals(right, v)) {
          return new BooleanData(true);
        }
      }
    }
    return new BooleanData(false);
  }
};

// node_modules/@actions/expressions/dist/funcs/endswith.js
var endswith = {
  name: "endsWith",
  description: "`endsWith( searchString, searchValue )`\n\nReturns `true` if `searchString` ends with `searchValue`. This function is not case sensitive. Casts values to a string.",
  minArgs: 2,
  maxArgs: 2,
  call: (...args) => {
    const left = args[0];
    if (!left.primitive) {
      return new BooleanData(false);
    }
    const right = args[1];
    if (!right.primitive) {
      return new BooleanData(false);
    }
    const ls = toUpperSpecial(left.coerceString());
    const rs = toUpperSpecial(right.coerceString());
    return new BooleanData(ls.endsWith(rs));
  }
};

// node_modules/@actions/expressions/dist/funcs/format.js
var format = {
  name: "format",
  description: "`format( string, replaceValue0, replaceValue1, ..., replaceValueN)`\n\nReplaces values in the `string`, with the variable `replaceValueN`. Variables in the `string` are specified using the `{N}` syntax, where `N` is an integer. You must specify at least one `replaceValue` and `string`. There is no maximum for the number of variables (`replaceValueN`) you can use. Escape curly braces using double braces.",
  minArgs: 1,
  maxArgs: 255,
  call: (...args) => {
    const fs = args[0].coerceString();
    const result = [];
    let index = 0;
    while (index < fs.length) {
      const lbrace = fs.indexOf("{", index);
      const rbrace = fs.indexOf("}", index);
      if (lbrace >= 0 && (rbrace < 0 || rbrace > lbrace)) {
        if (safeCharAt(fs, lbrace + 1) === "{") {
          result.push(fs.substr(index, lbrace - index + 1));
          index = lbrace + 2;
          continue;
        }
        if (rbrace > lbrace + 1) {
          const argIndex = readArgIndex(fs, lbrace + 1);
          if (argIndex.success) {
            if (1 + argIndex.result > args.length - 1) {
              throw new Error(`The following format string references more arguments than were supplied: ${fs}`);
            }
            if (lbrace > index) {
              result.push(fs.substr(index, lbrace - index));
            }
            result.push(`${args[1 + argIndex.result].coerceString()}`);
            index = rbrace + 1;
            continue;
          }
        }
        throw new Error(`The following format string is invalid: ${fs}`);
      } else if (rbrace >= 0) {
        if (safeCharAt(fs, rbrace + 1) === "}") {
          result.push(fs.substr(index, rbrace - index + 1));
          index = rbrace + 2;
        } else {
          throw new Error(`The following format string is invalid: ${fs}`);
        }
      } else {
        result.push(fs.substr(index));
        break;
      }
    }
    return new StringData(result.join(""));
  }
};
function safeCharAt(string, index) {
  if (string.length > index) {
    return string[index];
  }
  return "\0";
}
function readArgIndex(string, startIndex) {
  let length = 0;
  for (; ; ) {
    const nextChar = safeCharAt(string, startIndex + length);
    if (nextChar >= "0" && nextChar <= "9") {
      length++;
    } else {
      break;
    }
  }
  if (length < 1) {
    return {
      success: false
    };
  }
  const endIndex = startIndex + length - 1;
  const result = parseInt(string.substr(startIndex, length));
  return {
    success: !isNaN(result),
    result,
    endIndex
  };
}

// node_modules/@actions/expressions/dist/funcs/fromjson.js
var fromjson = {
  name: "fromJson",
  description: "`fromJSON(value)`\n\nReturns a JSON object or JSON data type for `value`. You can use this function to provide a JSON object as an evaluated expression or to convert environment variables from a string.",
  minArgs: 1,
  maxArgs: 1,
  call: (...args) => {
    const input = args[0];
    const is = input.coerceString();
    if (is.trim() === "") {
      throw new Error("empty input");
    }
    try {
      return JSON.parse(is, reviver);
    } catch (e) {
      throw new ExpressionEvaluationError("Error parsing JSON when evaluating fromJson", { cause: e });
    }
  }
};

// node_modules/@actions/expressions/dist/funcs/join.js
var join4 = {
  name: "join",
  description: "`join( array, optionalSeparator )`\n\nThe value for `array` can be an array or a string. All values in `array` are concatenated into a string. If you provide `optionalSeparator`, it is inserted between the concatenated values. Otherwise, the default separator `,` is used. Casts values to a string.",
  minArgs: 1,
  maxArgs: 2,
  call: (...args) => {
    if (args[0].primitive) {
      return new StringData(args[0].coerceString());
    }
    if (args[0].kind === Kind.Array) {
      let separator = ",";
      if (args.length > 1 && args[1].primitive) {
        separator = args[1].coerceString();
      }
      return new StringData(args[0].values().map((item) => item.coerceString()).join(separator));
    }
    return new StringData("");
  }
};

// node_modules/@actions/expressions/dist/funcs/startswith.js
var startswith = {
  name: "startsWith",
  description: "`startsWith( searchString, searchValue )`\n\nReturns `true` when `searchString` starts with `searchValue`. This function is not case sensitive. Casts values to a string.",
  minArgs: 2,
  maxArgs: 2,
  call: (...args) => {
    const left = args[0];
    if (!left.primitive) {
      return new BooleanData(false);
    }
    const right = args[1];
    if (!right.primitive) {
      return new BooleanData(false);
    }
    const ls = toUpperSpecial(left.coerceString());
    const rs = toUpperSpecial(right.coerceString());
    return new BooleanData(ls.startsWith(rs));
  }
};

// node_modules/@actions/expressions/dist/funcs/tojson.js
var tojson = {
  name: "toJson",
  description: "`toJSON(value)`\n\nReturns a pretty-print JSON representation of `value`. You can use this function to debug the information provided in contexts.",
  minArgs: 1,
  maxArgs: 1,
  call: (...args) => {
    return new StringData(JSON.stringify(args[0], replacer, "  "));
  }
};

// node_modules/@actions/expressions/dist/funcs.js
var wellKnownFunctions = {
  case: caseFunc,
  contains,
  endswith,
  format,
  fromjson,
  join: join4,
  startswith,
  tojson
};
function validateFunction(context, identifier, argCount) {
  const name = identifier.lexeme.toLowerCase();
  let f;
  f = wellKnownFunctions[name];
  if (!f) {
    f = context.extensionFunctions.get(name);
    if (!f) {
      if (!context.allowUnknownKeywords) {
        throw new ExpressionError(ErrorType.ErrorUnrecognizedFunction, identifier);
      }
      return;
    }
  }
  if (argCount < f.minArgs) {
    throw new ExpressionError(ErrorType.ErrorTooFewParameters, identifier);
  }
  if (argCount > f.maxArgs) {
    throw new ExpressionError(ErrorType.ErrorTooManyParameters, identifier);
  }
  if (name === "case" && argCount % 2 === 0) {
    throw new ExpressionError(ErrorType.ErrorEvenParameters, identifier);
  }
}

// node_modules/@actions/expressions/dist/idxHelper.js
var idxHelper = class {
  constructor(star, idx) {
    this.star = star;
    if (!idx) {
      return;
    }
    if (!star) {
      if (idx.primitive) {
        this.str = idx.coerceString();
      }
      let f = idx.number();
      if (!isNaN(f) && isFinite(f) && f >= 0) {
        f = Math.floor(f);
        this.int = f;
      }
    }
  }
};

// node_modules/@actions/expressions/dist/evaluator.js
var Evaluator = class {
  /**
   * Creates a new evaluator
   * @param n Parsed expression to evaluate
   * @param context Context data to use
   * @param functions Optional map of function implementations. If given, these will be preferred over the built-in functions.
   */
  constructor(n, context, functions) {
    this.n = n;
    this.context = context;
    this.functions = functions;
  }
  evaluate() {
    return this.eval(this.n);
  }
  eval(n) {
    return n.accept(this);
  }
  visitLiteral(literal) {
    return literal.literal;
  }
  visitUnary(unary) {
    const r = this.eval(unary.expr);
    if (unary.operator.type === TokenType2.BANG) {
      return new BooleanData(falsy(r));
    }
    throw new Error(`unknown unary operator: ${unary.operator.lexeme}`);
  }
  visitBinary(binary) {
    const left = this.eval(binary.left);
    const right = this.eval(binary.right);
    switch (binary.operator.type) {
      case TokenType2.EQUAL_EQUAL:
        return new BooleanData(equals(left, right));
      case TokenType2.BANG_EQUAL:
        return new BooleanData(!equals(left, right));
      case TokenType2.GREATER:
        return new BooleanData(greaterThan(left, right));
      case TokenType2.GREATER_EQUAL:
        return new BooleanData(equals(left, right) || greaterThan(left, right));
      case TokenType2.LESS:
        return new BooleanData(lessThan(left, right));
      case TokenType2.LESS_EQUAL:
        return new BooleanData(equals(left, right) || lessThan(left, right));
    }
    throw new Error(`unknown binary operator: ${binary.operator.lexeme}`);
  }
  visitLogical(logical) {
    let result;
    for (const arg of logical.args) {
      result = this.eval(arg);
      if (logical.operator.type === TokenType2.AND && falsy(result) || logical.operator.type === TokenType2.OR && truthy(result)) {
        break;
      }
    }
    return result;
  }
  visitGrouping(grouping) {
    return this.eval(grouping.group);
  }
  visitContextAccess(contextAccess) {
    const r = this.context.get(contextAccess.name.lexeme);
    return r;
  }
  visitIndexAccess(ia) {
    let idx;
    if (ia.index instanceof Star) {
      idx = new idxHelper(true, void 0);
    } else {
      let idxResult;
      try {
        idxResult = this.eval(ia.index);
      } catch (e) {
        throw new Error(`could not evaluate index for index access: ${e.message}`, { cause: e });
      }
      idx = new idxHelper(false, idxResult);
    }
    const objResult = this.eval(ia.expr);
    let result;
    switch (objResult.kind) {
      case Kind.Array: {
        const tobjResult = objResult;
        if (tobjResult instanceof FilteredArray) {
          result = filteredArrayAccess(tobjResult, idx);
        } else {
          result = arrayAccess(tobjResult, idx);
        }
        break;
      }
      case Kind.Dictionary: {
        const tobjResult = objResult;
        result = objectAccess(tobjResult, idx);
        break;
      }
      default:
        if (idx.star) {
          result = new FilteredArray();
        } else {
          result = new Null();
        }
    }
    return result;
  }
  visitFunctionCall(functionCall) {
    const args = functionCall.args.map((arg) => this.eval(arg));
    const functionName = functionCall.functionName.lexeme.toLowerCase();
    const f = this.functions?.get(functionName) || wellKnownFunctions[functionName];
    return f.call(...args);
  }
};
function filteredArrayAccess(fa, idx) {
  const result = new FilteredArray();
  for (const item of fa.values()) {
    switch (item.kind) {
      case Kind.Dictionary: {
        const ti = item;
        if (idx.star) {
          for (const v of ti.values()) {
            result.add(v);
          }
        } else if (idx.str !== void 0) {
          const v = ti.get(idx.str);
          if (v !== void 0) {
            result.add(v);
          }
        }
        break;
      }
      case Kind.Array: {
        const ti = item;
        if (idx.star) {
          for (const v of ti.values()) {
            result.add(v);
          }
        } else if (idx.int !== void 0 && idx.int < ti.values().length) {
          result.add(ti.get(idx.int));
        }
        break;
      }
    }
  }
  return result;
}
function arrayAccess(a, idx) {
  if (idx.star) {
    const fa = new FilteredArray();
    for (const item of a.values()) {
      fa.add(item);
    }
    return fa;
  }
  if (idx.int !== void 0 && idx.int < a.values().length) {
    return a.get(idx.int);
  }
  return new Null();
}
function objectAccess(obj, idx) {
  if (idx.star) {
    const fa = new FilteredArray(...obj.values());
    return fa;
  }
  if (idx.str !== void 0) {
    const r = obj.get(idx.str);
    if (r !== void 0) {
      return r;
    }
  }
  return new Null();
}

// node_modules/@actions/expressions/dist/parser.js
var Parser = class {
  /**
   * Constructs a new parser for the given tokens
   *
   * @param tokens Tokens to build a parse tree from
   * @param extensionContexts Available context names
   * @param extensionFunctions Available functions (beyond the built-in ones)
   */
  constructor(tokens, extensionContexts, extensionFunctions) {
    this.tokens = tokens;
    this.offset = 0;
    this.depth = 0;
    this.extContexts = /* @__PURE__ */ new Map();
    this.extFuncs = /* @__PURE__ */ new Map();
    for (const contextName of extensionContexts) {
      this.extContexts.set(contextName.toLowerCase(), true);
    }
    for (const { name, func } of extensionFunctions.map((x) => ({
      name: x.name,
      func: x
    }))) {
      this.extFuncs.set(name.toLowerCase(), func);
    }
    this.context = {
      allowUnknownKeywords: false,
      extensionContexts: this.extContexts,
      extensionFunctions: this.extFuncs
    };
  }
  parse() {
    let result;
    if (this.atEnd()) {
      return result;
    }
    result = this.expression();
    if (!this.atEnd()) {
      throw this.buildError(ErrorType.ErrorUnexpectedSymbol, this.peek());
    }
    return result;
  }
  expression() {
    this.incrDepth();
    try {
      return this.logicalOr();
    } finally {
      this.decrDepth();
    }
  }
  logicalOr() {
    let expr = this.logicalAnd();
    if (this.check(TokenType2.OR)) {
      this.incrDepth();
      try {
        const logical = new Logical(this.peek(), [expr]);
        expr = logical;
        while (this.match(TokenType2.OR)) {
          const right = this.logicalAnd();
          logical.args.push(right);
        }
      } finally {
        this.decrDepth();
      }
    }
    return expr;
  }
  logicalAnd() {
    let expr = this.equality();
    if (this.check(TokenType2.AND)) {
      this.incrDepth();
      try {
        const logical = new Logical(this.peek(), [expr]);
        expr = logical;
        while (this.match(TokenType2.AND)) {
          const right = this.equality();
          logical.args.push(right);
        }
      } finally {
        this.decrDepth();
      }
    }
    return expr;
  }
  equality() {
    let expr = this.comparison();
    while (this.match(TokenType2.BANG_EQUAL, TokenType2.EQUAL_EQUAL)) {
      const operator = this.previous();
      const right = this.comparison();
      expr = new Binary(expr, operator, right);
    }
    return expr;
  }
  comparison() {
    let expr = this.unary();
    while (this.match(TokenType2.GREATER, TokenType2.GREATER_EQUAL, TokenType2.LESS, TokenType2.LESS_EQUAL)) {
      const operator = this.previous();
      const right = this.unary();
      expr = new Binary(expr, operator, right);
    }
    return expr;
  }
  unary() {
    if (this.match(TokenType2.BANG)) {
      this.incrDepth();
      const operator = this.previous();
      const unary = this.unary();
      try {
        return new Unary(operator, unary);
      } finally {
        this.decrDepth();
      }
    }
    return this.index();
  }
  index() {
    let expr = this.call();
    let depthIncreased = 0;
    if (expr instanceof Grouping || expr instanceof FunctionCall || expr instanceof ContextAccess) {
      let cont = true;
      while (cont) {
        switch (true) {
          case this.match(TokenType2.LEFT_BRACKET): {
            let indexExpr;
            if (this.match(TokenType2.STAR)) {
              indexExpr = new Star();
            } else {
              indexExpr = this.expression();
            }
            this.consume(TokenType2.RIGHT_BRACKET, ErrorType.ErrorUnexpectedSymbol);
            this.incrDepth();
            depthIncreased++;
            expr = new IndexAccess(expr, indexExpr);
            break;
          }
          case this.match(TokenType2.DOT):
            this.incrDepth();
            depthIncreased++;
            if (this.match(TokenType2.IDENTIFIER)) {
              const property = this.previous();
              expr = new IndexAccess(expr, new Literal(new StringData(property.lexeme), property));
            } else if (this.match(TokenType2.STAR)) {
              expr = new IndexAccess(expr, new Star());
            } else {
              throw this.buildError(ErrorType.ErrorUnexpectedSymbol, this.peek());
            }
            break;
          default:
            cont = false;
        }
      }
    }
    for (let i = 0; i < depthIncreased; i++) {
      this.decrDepth();
    }
    return expr;
  }
  call() {
    if (!this.check(TokenType2.IDENTIFIER)) {
      return this.primary();
    }
    const identifier = this.next();
    if (!this.match(TokenType2.LEFT_PAREN)) {
      if (!this.extContexts.has(identifier.lexeme.toLowerCase())) {
        throw this.buildError(ErrorType.ErrorUnrecognizedContext, identifier);
      }
      return new ContextAccess(identifier);
    }
    const args = [];
    while (!this.match(TokenType2.RIGHT_PAREN)) {
      const aexp = this.expression();
      args.push(aexp);
      if (!this.check(TokenType2.RIGHT_PAREN)) {
        this.consume(TokenType2.COMMA, ErrorType.ErrorUnexpectedSymbol);
      }
    }
    validateFunction(this.context, identifier, args.length);
    return new FunctionCall(identifier, args);
  }
  primary() {
    switch (true) {
      case this.match(TokenType2.FALSE):
        return new Literal(new BooleanData(false), this.previous());
      case this.match(TokenType2.TRUE):
        return new Literal(new BooleanData(true), this.previous());
      case this.match(TokenType2.NULL):
        return new Literal(new Null(), this.previous());
      case this.match(TokenType2.NUMBER):
        return new Literal(new NumberData(this.previous().value), this.previous());
      case this.match(TokenType2.STRING):
        return new Literal(new StringData(this.previous().value), this.previous());
      case this.match(TokenType2.LEFT_PAREN): {
        const expr = this.expression();
        if (this.atEnd()) {
          throw this.buildError(ErrorType.ErrorUnexpectedEndOfExpression, this.previous());
        }
        this.consume(TokenType2.RIGHT_PAREN, ErrorType.ErrorUnexpectedSymbol);
        return new Grouping(expr);
      }
      case this.atEnd():
        throw this.buildError(ErrorType.ErrorUnexpectedEndOfExpression, this.previous());
    }
    throw this.buildError(ErrorType.ErrorUnexpectedSymbol, this.peek());
  }
  // match consumes the next token if it matches any of the given types
  match(...tokenTypes) {
    for (const tokenType of tokenTypes) {
      if (this.check(tokenType)) {
        this.next();
        return true;
      }
    }
    return false;
  }
  // check peeks whether the next token is of the given type
  check(tokenType) {
    if (this.atEnd()) {
      return false;
    }
    return this.peek().type == tokenType;
  }
  // atEnd peeks whether the next token is EOF
  atEnd() {
    return this.peek().type == TokenType2.EOF;
  }
  next() {
    if (!this.atEnd()) {
      this.offset++;
    }
    return this.previous();
  }
  peek() {
    return this.tokens[this.offset];
  }
  // previous returns the previous token
  previous() {
    return this.tokens[this.offset - 1];
  }
  // consume attempts to consume the next token if it matches the given type. It returns an error of
  // the given ParseErrorKind otherwise.
  consume(tokenType, errorType) {
    if (this.check(tokenType)) {
      this.next();
      return;
    }
    throw this.buildError(errorType, this.peek());
  }
  incrDepth() {
    this.depth++;
    if (this.depth > MAX_PARSER_DEPTH) {
      throw this.buildError(ErrorType.ErrorExceededMaxDepth, this.peek());
    }
  }
  decrDepth() {
    this.depth--;
  }
  buildError(errType, token) {
    return new ExpressionError(errType, token);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/allowed-context.js
function splitAllowedContext(allowedContext) {
  const FUNCTION_REGEXP = /^([a-zA-Z0-9_]+)\(([0-9]+),([0-9]+|MAX)\)$/;
  const namedContexts = [];
  const functions = [];
  if (allowedContext.length > 0) {
    for (const contextItem of allowedContext) {
      const match = contextItem.match(FUNCTION_REGEXP);
      if (match) {
        const functionName = match[1];
        const minParameters = Number.parseInt(match[2]);
        const maxParametersRaw = match[3];
        const maxParameters = maxParametersRaw === MAX_CONSTANT ? Number.MAX_SAFE_INTEGER : Number.parseInt(maxParametersRaw);
        functions.push({
          name: functionName,
          minArgs: minParameters,
          maxArgs: maxParameters
        });
      } else {
        namedContexts.push(contextItem);
      }
    }
  }
  return {
    namedContexts,
    functions
  };
}

// node_modules/@actions/workflow-parser/dist/templates/tokens/expression-token.js
var ExpressionToken = class extends ScalarToken {
  constructor(type, file, range, directive, definitionInfo) {
    super(type, file, range, definitionInfo);
    this.directive = directive;
  }
  get isLiteral() {
    return false;
  }
  get isExpression() {
    return true;
  }
  static validateExpression(expression, allowedContext) {
    const { namedContexts, functions } = splitAllowedContext(allowedContext);
    const lexer = new Lexer(expression);
    const result = lexer.lex();
    const p = new Parser(result.tokens, namedContexts, functions);
    p.parse();
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/basic-expression-token.js
var BasicExpressionToken = class _BasicExpressionToken extends ExpressionToken {
  /**
   * @param file The file ID where this token originated
   * @param range The range of the entire expression including `${{` and `}}`
   * @param expression The expression string without `${{` and `}}` markers
   * @param definitionInfo Schema definition info for this token
   * @param originalExpressions If transformed from individual expressions (e.g., format()), these are the originals
   * @param source The original source string from the YAML
   * @param expressionRange The range of just the expression, excluding `${{` and `}}`
   * @param blockScalarHeader The block scalar header (e.g., "|", "|-") if parsed from a YAML block scalar
   */
  constructor(file, range, expression, definitionInfo, originalExpressions, source, expressionRange, blockScalarHeader) {
    super(TokenType.BasicExpression, file, range, void 0, definitionInfo);
    this.expr = expression;
    this.source = source;
    this.originalExpressions = originalExpressions;
    this.expressionRange = expressionRange;
    this.blockScalarHeader = blockScalarHeader;
  }
  get expression() {
    return this.expr;
  }
  clone(omitSource) {
    return omitSource ? new _BasicExpressionToken(void 0, void 0, this.expr, this.definitionInfo, this.originalExpressions, this.source, this.expressionRange, this.blockScalarHeader) : new _BasicExpressionToken(this.file, this.range, this.expr, this.definitionInfo, this.originalExpressions, this.source, this.expressionRange, this.blockScalarHeader);
  }
  toString() {
    return `${OPEN_EXPRESSION} ${this.expr} ${CLOSE_EXPRESSION}`;
  }
  toDisplayString() {
    return ScalarToken.trimDisplayString(this.toString());
  }
  toJSON() {
    return {
      type: TokenType.BasicExpression,
      expr: this.expr
    };
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/insert-expression-token.js
var InsertExpressionToken = class _InsertExpressionToken extends ExpressionToken {
  constructor(file, range, definitionInfo) {
    super(TokenType.InsertExpression, file, range, INSERT_DIRECTIVE, definitionInfo);
  }
  clone(omitSource) {
    return omitSource ? new _InsertExpressionToken(void 0, void 0, this.definitionInfo) : new _InsertExpressionToken(this.file, this.range, this.definitionInfo);
  }
  toString() {
    return `${OPEN_EXPRESSION} ${INSERT_DIRECTIVE} ${CLOSE_EXPRESSION}`;
  }
  toDisplayString() {
    return ScalarToken.trimDisplayString(this.toString());
  }
  toJSON() {
    return {
      type: TokenType.InsertExpression,
      expr: "insert"
    };
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/type-guards.js
function isLiteral(t) {
  return t.isLiteral;
}
function isScalar2(t) {
  return t.isScalar;
}
function isString(t) {
  return isLiteral(t) && t.templateTokenType === TokenType.String;
}
function isSequence(t) {
  return t instanceof SequenceToken;
}
function isMapping(t) {
  return t instanceof MappingToken;
}

// node_modules/@actions/workflow-parser/dist/templates/template-reader.js
var WHITESPACE_PATTERN = /\s/;
var backgroundStepProperties = /* @__PURE__ */ new Set(["background", "wait", "wait-all", "cancel"]);
var backgroundStepOnlyProperties = /* @__PURE__ */ new Set(["wait", "wait-all", "cancel"]);
function readTemplate(context, type, objectReader, fileId) {
  const reader = new TemplateReader(context, objectReader, fileId);
  let value;
  try {
    objectReader.validateStart();
    const definition = new DefinitionInfo(context.schema, type);
    value = reader.readValue(definition);
    objectReader.validateEnd();
  } catch (err) {
    context.error(fileId, err);
  }
  return value;
}
var TemplateReader = class {
  constructor(context, objectReader, fileId) {
    this._context = context;
    this._schema = context.schema;
    this._objectReader = objectReader;
    this._fileId = fileId;
  }
  readValue(definition) {
    const literal = this._objectReader.allowLiteral();
    if (literal) {
      let scalar = this.parseScalar(literal, definition);
      scalar = this.validate(scalar, definition);
      return scalar;
    }
    const sequence = this._objectReader.allowSequenceStart();
    if (sequence) {
      const sequenceDefinition = definition.getDefinitionsOfType(DefinitionType.Sequence)[0];
      if (sequenceDefinition) {
        const itemDefinition = new DefinitionInfo(definition, sequenceDefinition.itemType);
        while (!this._objectReader.allowSequenceEnd()) {
          const item = this.readValue(itemDefinition);
          sequence.add(item);
        }
      } else {
        this._context.error(sequence, "A sequence was not expected");
        while (!this._objectReader.allowSequenceEnd()) {
          this.skipValue();
        }
      }
      sequence.definitionInfo = definition;
      return sequence;
    }
    const mapping = this._objectReader.allowMappingStart();
    if (mapping) {
      const mappingDefinitions = definition.getDefinitionsOfType(DefinitionType.Mapping);
      if (mappingDefinitions.length > 0) {
        if (mappingDefinitions.length > 1 || Object.keys(mappingDefinitions[0].properties).length > 0 || !mappingDefinitions[0].looseKeyType) {
          this.handleMappingWithWellKnownProperties(definition, mappingDefinitions, mapping);
        } else {
          const keyDefinition = new DefinitionInfo(definition, mappingDefinitions[0].looseKeyType);
          const valueDefinition = new DefinitionInfo(definition, mappingDefinitions[0].looseValueType);
          this.handleMappingWithAllLooseProperties(definition, keyDefinition, valueDefinition, mappingDefinitions[0], mapping);
        }
      } else {
        this._context.error(mapping, "A mapping was not expected");
        while (!this._objectReader.allowMappingEnd()) {
          this.skipValue();
          this.skipValue();
        }
      }
      if (!mapping.definitionInfo) {
        mapping.definitionInfo = definition;
      }
      return mapping;
    }
    throw new Error("Expected a scalar value, a sequence, or a mapping");
  }
  handleMappingWithWellKnownProperties(definition, mappingDefinitions, mapping) {
    let looseKeyType;
    let looseValueType;
    let looseKeyDefinition;
    let looseValueDefinition;
    if (mappingDefinitions[0].looseKeyType) {
      looseKeyType = mappingDefinitions[0].looseKeyType;
      looseValueType = mappingDefinitions[0].looseValueType;
    }
    const upperKeys = {};
    let hasExpressionKey = false;
    let rawLiteral;
    while (rawLiteral = this._objectReader.allowLiteral()) {
      const nextKeyScalar = this.parseScalar(rawLiteral, definition);
      if (nextKeyScalar.isExpression) {
        hasExpressionKey = true;
        if (definition.allowedContext.length > 0) {
          const anyDefinition = new DefinitionInfo(definition, ANY);
          mapping.add(nextKeyScalar, this.readValue(anyDefinition));
        } else {
          this._context.error(nextKeyScalar, "A template expression is not allowed in this context");
          this.skipValue();
        }
        continue;
      }
      const nextKey = nextKeyScalar.templateTokenType === TokenType.String ? nextKeyScalar : new StringToken(nextKeyScalar.file, nextKeyScalar.range, nextKeyScalar.toString(), nextKeyScalar.definitionInfo);
      if (nextKey.value) {
        const upperKey = nextKey.value.toUpperCase();
        if (upperKeys[upperKey]) {
          this._context.error(nextKey, `'${nextKey.value}' is already defined`);
          this.skipValue();
          continue;
        }
        upperKeys[upperKey] = true;
      }
      const nextPropertyDef = this._schema.matchPropertyAndFilter(mappingDefinitions, nextKey.value);
      if (nextPropertyDef) {
        if (!this.backgroundStepsEnabled() && backgroundStepProperties.has(nextKey.value)) {
          this._context.error(nextKey, `Unexpected value '${nextKey.value}'`);
          this.skipValue();
          continue;
        }
        const nextDefinition = new DefinitionInfo(definition, nextPropertyDef.type);
        nextKey.definitionInfo = nextDefinition;
        if (nextPropertyDef.description) {
          nextKey.description = nextPropertyDef.description;
        }
        const nextValue = this.readValue(nextDefinition);
        mapping.add(nextKey, nextValue);
        continue;
      }
      if (looseKeyType) {
        if (!looseKeyDefinition) {
          looseKeyDefinition = new DefinitionInfo(definition, looseKeyType);
          looseValueDefinition = new DefinitionInfo(definition, looseValueType);
        }
        this.validate(nextKey, looseKeyDefinition);
        const nextDefinition = new DefinitionInfo(definition, mappingDefinitions[0].looseValueType);
        nextKey.definitionInfo = nextDefinition;
        const nextValue = this.readValue(looseValueDefinition);
        mapping.add(nextKey, nextValue);
        continue;
      }
      this._context.error(nextKey, `Unexpected value '${nextKey.value}'`);
      this.skipValue();
    }
    if (mappingDefinitions.length === 1) {
      mapping.definitionInfo = new DefinitionInfo(definition, mappingDefinitions[0]);
    }
    if (mappingDefinitions.length > 1) {
      const hitCount = {};
      for (const mappingDefinition of mappingDefinitions) {
        for (const key of Object.keys(mappingDefinition.properties)) {
          hitCount[key] = (hitCount[key] ?? 0) + 1;
        }
      }
      const nonDuplicates = [];
      for (const key of Object.keys(hitCount)) {
        if (hitCount[key] === 1) {
          nonDuplicates.push(key);
        }
      }
      const properties = this.backgroundStepsEnabled() ? nonDuplicates : nonDuplicates.filter((property) => !backgroundStepOnlyProperties.has(property));
      this._context.error(mapping, `There's not enough info to determine what you meant. Add one of these properties: ${properties.sort().join(", ")}`);
    } else if (mappingDefinitions.length === 1 && !hasExpressionKey) {
      for (const propertyName of Object.keys(mappingDefinitions[0].properties)) {
        const propertyDef = mappingDefinitions[0].properties[propertyName];
        if (propertyDef.required && !upperKeys[propertyName.toUpperCase()]) {
          this._context.error(mapping, `Required property is missing: ${propertyName}`);
        }
      }
    }
    this.expectMappingEnd();
  }
  handleMappingWithAllLooseProperties(definition, keyDefinition, valueDefinition, mappingDefinition, mapping) {
    let nextValue;
    const upperKeys = {};
    let rawLiteral;
    while (rawLiteral = this._objectReader.allowLiteral()) {
      const nextKeyScalar = this.parseScalar(rawLiteral, definition);
      nextKeyScalar.definitionInfo = keyDefinition;
      if (nextKeyScalar.isExpression) {
        if (definition.allowedContext.length > 0) {
          nextValue = this.readValue(valueDefinition);
          mapping.add(nextKeyScalar, nextValue);
        } else {
          this._context.error(nextKeyScalar, "A template expression is not allowed in this context");
          this.skipValue();
        }
        continue;
      }
      const nextKey = nextKeyScalar.templateTokenType === TokenType.String ? nextKeyScalar : new StringToken(nextKeyScalar.file, nextKeyScalar.range, nextKeyScalar.toString(), nextKeyScalar.definitionInfo);
      if (nextKey.value) {
        const upperKey = nextKey.value.toUpperCase();
        if (upperKeys[upperKey]) {
          this._context.error(nextKey, `'${nextKey.value}' is already defined`);
          this.skipValue();
          continue;
        }
        upperKeys[upperKey] = true;
      }
      this.validate(nextKey, keyDefinition);
      const nextDefinition = new DefinitionInfo(definition, mappingDefinition.looseValueType);
      nextKey.definitionInfo = nextDefinition;
      nextValue = this.readValue(valueDefinition);
      mapping.add(nextKey, nextValue);
    }
    this.expectMappingEnd();
  }
  expectMappingEnd() {
    if (!this._objectReader.allowMappingEnd()) {
      throw new Error("Expected mapping end");
    }
  }
  skipValue() {
    if (this._objectReader.allowLiteral()) {
    } else if (this._objectReader.allowSequenceStart()) {
      while (!this._objectReader.allowSequenceEnd()) {
        this.skipValue();
      }
    } else if (this._objectReader.allowMappingStart()) {
      while (!this._objectReader.allowMappingEnd()) {
        this.skipValue();
        this.skipValue();
      }
    } else {
      throw new Error("Expected a scalar value, a sequence, or a mapping");
    }
  }
  validate(scalar, definition) {
    switch (scalar.templateTokenType) {
      case TokenType.Null:
      case TokenType.Boolean:
      case TokenType.Number:
      case TokenType.String: {
        const literal = scalar;
        const scalarDefinitions = definition.getScalarDefinitions();
        let relevantDefinition;
        if (relevantDefinition = scalarDefinitions.find((x) => x.isMatch(literal))) {
          scalar.definitionInfo = new DefinitionInfo(definition, relevantDefinition);
          return scalar;
        }
        if (literal.templateTokenType !== TokenType.String) {
          const stringLiteral = new StringToken(literal.file, literal.range, literal.toString(), literal.definitionInfo);
          if (relevantDefinition = scalarDefinitions.find((x) => x.isMatch(stringLiteral))) {
            stringLiteral.definitionInfo = new DefinitionInfo(definition, relevantDefinition);
            return stringLiteral;
          }
        }
        this._context.error(literal, `Unexpected value '${literal.toString()}'`);
        return scalar;
      }
      case TokenType.BasicExpression:
        if (definition.allowedContext.length === 0) {
          this._context.error(scalar, "A template expression is not allowed in this context");
        }
        return scalar;
      default:
        this._context.error(scalar, `Unexpected value '${scalar.toString()}'`);
        return scalar;
    }
  }
  parseScalar(token, definitionInfo) {
    if (!isString(token) || !token.value) {
      return token;
    }
    const allowedContext = definitionInfo.allowedContext;
    const isSingleLine = token.range === void 0 || token.range.start.line === token.range.end.line;
    const raw = isSingleLine ? token.value : token.source ?? token.value;
    let startExpression = raw.indexOf(OPEN_EXPRESSION);
    if (startExpression < 0) {
      return token;
    }
    let encounteredError = false;
    const segments = [];
    let i = 0;
    while (i < raw.length) {
      if (i === startExpression) {
        startExpression = i;
        let endExpression = -1;
        let inString = false;
        for (i += OPEN_EXPRESSION.length; i < raw.length; i++) {
          if (raw[i] === "'") {
            inString = !inString;
          } else if (!inString && raw[i] === "}" && raw[i - 1] === "}") {
            endExpression = i;
            i++;
            break;
          }
        }
        if (endExpression < startExpression) {
          this._context.error(token, "The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.");
          return token;
        }
        const rawExpression = raw.substr(startExpression + OPEN_EXPRESSION.length, endExpression - startExpression + 1 - OPEN_EXPRESSION.length - CLOSE_EXPRESSION.length);
        let tr = token.range;
        if (isSingleLine) {
          const offset = (token.source ?? raw).indexOf(OPEN_EXPRESSION) - raw.indexOf(OPEN_EXPRESSION);
          tr = {
            start: { line: tr.start.line, column: tr.start.column + startExpression + offset },
            end: { line: tr.end.line, column: tr.start.column + endExpression + 1 + offset }
          };
        } else {
          const startRaw = raw.substring(0, startExpression);
          const adjustedStartLine = startRaw.split("\n").length;
          const beginningOfLine = startRaw.lastIndexOf("\n");
          const adjustedStart = startExpression - beginningOfLine;
          const adjustedEnd = endExpression - beginningOfLine + 1;
          tr = {
            start: { line: tr.start.line + adjustedStartLine, column: adjustedStart },
            end: { line: tr.start.line + adjustedStartLine, column: adjustedEnd }
          };
        }
        const expression = this.parseIntoExpressionToken(tr, rawExpression, allowedContext, token, definitionInfo);
        if (!expression) {
          encounteredError = true;
        } else {
          if (expression.directive && (startExpression !== 0 || i < raw.length)) {
            this._context.error(token, `The directive '${expression.directive}' is not allowed in this context. Directives are not supported for expressions that are embedded within a string. Directives are only supported when the entire value is an expression.`);
            return token;
          }
          segments.push(expression);
        }
        startExpression = raw.indexOf(OPEN_EXPRESSION, i);
      } else if (i < startExpression) {
        this.addString(segments, token.range, raw.substr(i, startExpression - i), token.definitionInfo);
        i = startExpression;
      } else {
        this.addString(segments, token.range, raw.substr(i), token.definitionInfo);
        break;
      }
    }
    if (encounteredError) {
      return token;
    }
    if (segments.length === 1 && segments[0].templateTokenType === TokenType.BasicExpression) {
      const basicExpression = segments[0];
      const str2 = this.getExpressionString(basicExpression.expression);
      if (str2 !== void 0) {
        return new StringToken(this._fileId, token.range, str2, token.definitionInfo);
      }
    }
    if (segments.length === 1) {
      return segments[0];
    }
    const format2 = [];
    const args = [];
    const expressionTokens = [];
    let argIndex = 0;
    for (const segment of segments) {
      if (isString(segment)) {
        const text2 = segment.value.replace(/'/g, "''").replace(/\{/g, "{{").replace(/\}/g, "}}");
        format2.push(text2);
      } else {
        format2.push(`{${argIndex}}`);
        argIndex++;
        const expression = segment;
        args.push(", ");
        args.push(expression.expression);
        expressionTokens.push(expression);
      }
    }
    return new BasicExpressionToken(this._fileId, token.range, `format('${format2.join("")}'${args.join("")})`, definitionInfo, expressionTokens, raw, void 0, token.blockScalarHeader);
  }
  parseIntoExpressionToken(tr, rawExpression, allowedContext, token, definitionInfo) {
    const parseExpressionResult = this.parseExpression(tr, token, rawExpression, allowedContext, definitionInfo);
    if (parseExpressionResult.error) {
      this._context.error(token, parseExpressionResult.error, tr);
      return void 0;
    }
    return parseExpressionResult.expression;
  }
  parseExpression(range, token, value, allowedContext, definitionInfo) {
    const trimmed = value.trim();
    if (!trimmed) {
      return {
        error: new Error("An expression was expected")
      };
    }
    const matchDirectiveResult = this.matchDirective(trimmed, INSERT_DIRECTIVE, 0);
    if (matchDirectiveResult.isMatch) {
      return {
        expression: new InsertExpressionToken(this._fileId, range, definitionInfo)
      };
    } else if (matchDirectiveResult.error) {
      return {
        error: matchDirectiveResult.error
      };
    }
    try {
      ExpressionToken.validateExpression(trimmed, allowedContext);
    } catch (err) {
      return {
        error: err
      };
    }
    const startTrim = value.length - value.trimStart().length;
    const endTrim = value.length - value.trimEnd().length;
    const expressionRange = {
      start: {
        ...range.start,
        column: range.start.column + OPEN_EXPRESSION.length + startTrim
      },
      end: {
        ...range.end,
        column: range.end.column - CLOSE_EXPRESSION.length - endTrim
      }
    };
    return {
      expression: new BasicExpressionToken(this._fileId, range, trimmed, definitionInfo, void 0, token.source, expressionRange, token.blockScalarHeader),
      error: void 0
    };
  }
  addString(segments, range, value, definition) {
    if (segments.length > 0 && segments[segments.length - 1].templateTokenType === TokenType.String) {
      const lastSegment = segments[segments.length - 1];
      segments[segments.length - 1] = new StringToken(this._fileId, range, `${lastSegment.value}${value}`, definition);
    } else {
      segments.push(new StringToken(this._fileId, range, value, definition));
    }
  }
  matchDirective(trimmed, directive, expectedParameters) {
    const parameters = [];
    if (trimmed.startsWith(directive) && (trimmed.length === directive.length || WHITESPACE_PATTERN.test(trimmed[directive.length]))) {
      let startIndex = directive.length;
      let inString = false;
      let parens = 0;
      for (let i = startIndex; i < trimmed.length; i++) {
        const c = trimmed[i];
        if (WHITESPACE_PATTERN.test(c) && !inString && parens == 0) {
          if (startIndex < 1) {
            parameters.push(trimmed.substr(startIndex, i - startIndex));
          }
          startIndex = i + 1;
        } else if (c === "'") {
          inString = !inString;
        } else if (c === "(" && !inString) {
          parens++;
        } else if (c === ")" && !inString) {
          parens--;
        }
      }
      if (startIndex < trimmed.length) {
        parameters.push(trimmed.substr(startIndex));
      }
      if (expectedParameters != parameters.length) {
        return {
          isMatch: false,
          parameters: [],
          error: new Error(`Exactly ${expectedParameters} parameter(s) were expected following the directive '${directive}'. Actual parameter count: ${parameters.length}`)
        };
      }
      return {
        isMatch: true,
        parameters
      };
    }
    return {
      isMatch: false,
      parameters
    };
  }
  getExpressionString(trimmed) {
    const result = [];
    let inString = false;
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed[i];
      if (c === "'") {
        inString = !inString;
        if (inString && i !== 0) {
          result.push(c);
        }
      } else if (!inString) {
        return void 0;
      } else {
        result.push(c);
      }
    }
    return result.join("");
  }
  backgroundStepsEnabled() {
    return this._context.state.featureFlags?.isEnabled("allowBackgroundSteps") ?? false;
  }
};

// node_modules/@actions/workflow-parser/dist/workflows/workflow-constants.js
var WORKFLOW_ROOT = "workflow-root-strict";

// node_modules/@actions/workflow-parser/dist/templates/parse-event.js
var ParseEvent = class {
  constructor(type, token) {
    this.type = type;
    this.token = token;
  }
};
var EventType;
(function(EventType2) {
  EventType2[EventType2["Literal"] = 0] = "Literal";
  EventType2[EventType2["SequenceStart"] = 1] = "SequenceStart";
  EventType2[EventType2["SequenceEnd"] = 2] = "SequenceEnd";
  EventType2[EventType2["MappingStart"] = 3] = "MappingStart";
  EventType2[EventType2["MappingEnd"] = 4] = "MappingEnd";
  EventType2[EventType2["DocumentStart"] = 5] = "DocumentStart";
  EventType2[EventType2["DocumentEnd"] = 6] = "DocumentEnd";
})(EventType || (EventType = {}));

// node_modules/@actions/workflow-parser/dist/templates/json-object-reader.js
var JSONObjectReader = class {
  constructor(fileId, input) {
    this._fileId = fileId;
    const value = JSON.parse(input);
    this._generator = this.getParseEvents(value, true);
    this._current = this._generator.next();
  }
  allowLiteral() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.Literal) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  allowMappingStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowMappingEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  validateEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentEnd) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected end of reader");
  }
  validateStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentStart) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected start of reader");
  }
  /**
   * Returns all tokens (depth first)
   */
  *getParseEvents(value, root) {
    if (root) {
      yield new ParseEvent(EventType.DocumentStart, void 0);
    }
    switch (typeof value) {
      case "undefined":
        yield new ParseEvent(EventType.Literal, new NullToken(this._fileId, void 0, void 0));
        break;
      case "boolean":
        yield new ParseEvent(EventType.Literal, new BooleanToken(this._fileId, void 0, value, void 0));
        break;
      case "number":
        yield new ParseEvent(EventType.Literal, new NumberToken(this._fileId, void 0, value, void 0));
        break;
      case "string":
        yield new ParseEvent(EventType.Literal, new StringToken(this._fileId, void 0, value, void 0));
        break;
      case "object":
        if (value === null) {
          yield new ParseEvent(EventType.Literal, new NullToken(this._fileId, void 0, void 0));
        } else if (Array.isArray(value)) {
          yield new ParseEvent(EventType.SequenceStart, new SequenceToken(this._fileId, void 0, void 0));
          for (const item of value) {
            for (const e of this.getParseEvents(item)) {
              yield e;
            }
          }
          yield new ParseEvent(EventType.SequenceEnd, void 0);
        } else {
          yield new ParseEvent(EventType.MappingStart, new MappingToken(this._fileId, void 0, void 0));
          for (const key of Object.keys(value)) {
            yield new ParseEvent(EventType.Literal, new StringToken(this._fileId, void 0, key, void 0));
            for (const e of this.getParseEvents(value[key])) {
              yield e;
            }
          }
          yield new ParseEvent(EventType.MappingEnd, void 0);
        }
        break;
      default:
        throw new Error(`Unexpected value type '${typeof value}' when reading object`);
    }
    if (root) {
      yield new ParseEvent(EventType.DocumentEnd, void 0);
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/trace-writer.js
var NoOperationTraceWriter = class {
  error() {
  }
  info() {
  }
  verbose() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/definition.js
var Definition = class {
  constructor(key, definition) {
    this.readerContext = [];
    this.evaluatorContext = [];
    this.key = key;
    if (definition) {
      for (let i = 0; i < definition.count; ) {
        const definitionKey = definition.get(i).key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case CONTEXT: {
            const context = definition.get(i).value.assertSequence(`${DEFINITION} ${CONTEXT}`);
            definition.remove(i);
            const seenReaderContext = {};
            const seenEvaluatorContext = {};
            for (const item of context) {
              const itemStr = item.assertString(`${CONTEXT} item`).value;
              const upperItemStr = itemStr.toUpperCase();
              if (seenReaderContext[upperItemStr]) {
                throw new Error(`Duplicate context item '${itemStr}'`);
              }
              seenReaderContext[upperItemStr] = true;
              this.readerContext.push(itemStr);
              const paramIndex = itemStr.indexOf("(");
              const modifiedItemStr = paramIndex > 0 ? itemStr.substr(0, paramIndex + 1) + ")" : itemStr;
              const upperModifiedItemStr = modifiedItemStr.toUpperCase();
              if (seenEvaluatorContext[upperModifiedItemStr]) {
                throw new Error(`Duplicate context item '${modifiedItemStr}'`);
              }
              seenEvaluatorContext[upperModifiedItemStr] = true;
              this.evaluatorContext.push(modifiedItemStr);
            }
            break;
          }
          case DESCRIPTION: {
            const value = definition.get(i).value;
            this.description = value.assertString(DESCRIPTION).value;
            definition.remove(i);
            break;
          }
          default: {
            i++;
            break;
          }
        }
      }
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/scalar-definition.js
var ScalarDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/boolean-definition.js
var BooleanDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case BOOLEAN: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${BOOLEAN}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${BOOLEAN} key`);
              switch (mappingKey.value) {
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${BOOLEAN} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Boolean;
  }
  isMatch(literal) {
    return literal.templateTokenType === TokenType.Boolean;
  }
  validate() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/property-definition.js
var PropertyDefinition = class {
  constructor(token) {
    this.type = "";
    this.required = false;
    if (token.templateTokenType === TokenType.String) {
      this.type = token.value;
    } else {
      const mapping = token.assertMapping(MAPPING_PROPERTY_VALUE);
      for (const mappingPair of mapping) {
        const mappingKey = mappingPair.key.assertString(`${MAPPING_PROPERTY_VALUE} key`);
        switch (mappingKey.value) {
          case TYPE:
            this.type = mappingPair.value.assertString(`${MAPPING_PROPERTY_VALUE} ${TYPE}`).value;
            break;
          case REQUIRED:
            this.required = mappingPair.value.assertBoolean(`${MAPPING_PROPERTY_VALUE} ${REQUIRED}`).value;
            break;
          case DESCRIPTION:
            this.description = mappingPair.value.assertString(`${MAPPING_PROPERTY_VALUE} ${DESCRIPTION}`).value;
            break;
          default:
            mappingKey.assertUnexpectedValue(`${MAPPING_PROPERTY_VALUE} key`);
        }
      }
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/mapping-definition.js
var MappingDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
    this.properties = {};
    this.looseKeyType = "";
    this.looseValueType = "";
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case MAPPING: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${MAPPING}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${MAPPING} key`);
              switch (mappingKey.value) {
                case PROPERTIES: {
                  const properties = mappingPair.value.assertMapping(`${DEFINITION} ${MAPPING} ${PROPERTIES}`);
                  for (const propertiesPair of properties) {
                    const propertyName = propertiesPair.key.assertString(`${DEFINITION} ${MAPPING} ${PROPERTIES} key`);
                    this.properties[propertyName.value] = new PropertyDefinition(propertiesPair.value);
                  }
                  break;
                }
                case LOOSE_KEY_TYPE: {
                  const looseKeyType = mappingPair.value.assertString(`${DEFINITION} ${MAPPING} ${LOOSE_KEY_TYPE}`);
                  this.looseKeyType = looseKeyType.value;
                  break;
                }
                case LOOSE_VALUE_TYPE: {
                  const looseValueType = mappingPair.value.assertString(`${DEFINITION} ${MAPPING} ${LOOSE_VALUE_TYPE}`);
                  this.looseValueType = looseValueType.value;
                  break;
                }
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${MAPPING} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Mapping;
  }
  validate(schema2, name) {
    if (this.looseKeyType) {
      schema2.getDefinition(this.looseKeyType);
      if (this.looseValueType) {
        schema2.getDefinition(this.looseValueType);
      } else {
        throw new Error(`Property '${LOOSE_KEY_TYPE}' is defined but '${LOOSE_VALUE_TYPE}' is not defined on '${name}'`);
      }
    } else if (this.looseValueType) {
      throw new Error(`Property '${LOOSE_VALUE_TYPE}' is defined but '${LOOSE_KEY_TYPE}' is not defined on '${name}'`);
    }
    for (const propertyName of Object.keys(this.properties)) {
      const propertyDef = this.properties[propertyName];
      if (!propertyDef.type) {
        throw new Error(`Type not specified for the property '${propertyName}' on '${name}'`);
      }
      schema2.getDefinition(propertyDef.type);
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/null-definition.js
var NullDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case NULL: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${NULL}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${NULL} key`);
              switch (mappingKey.value) {
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${NULL} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Null;
  }
  isMatch(literal) {
    return literal.templateTokenType === TokenType.Null;
  }
  validate() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/number-definition.js
var NumberDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case NUMBER: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${NUMBER}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${NUMBER} key`);
              switch (mappingKey.value) {
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${NUMBER} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Number;
  }
  isMatch(literal) {
    return literal.templateTokenType === TokenType.Number;
  }
  validate() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/one-of-definition.js
var OneOfDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
    this.oneOf = [];
    this.oneOfPrefix = [];
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case ONE_OF: {
            const oneOf2 = definitionPair.value.assertSequence(`${DEFINITION} ${ONE_OF}`);
            for (const item of oneOf2) {
              const oneOfItem = item.assertString(`${DEFINITION} ${ONE_OF} item`);
              this.oneOf.push(oneOfItem.value);
            }
            break;
          }
          case ALLOWED_VALUES: {
            const oneOf2 = definitionPair.value.assertSequence(`${DEFINITION} ${ALLOWED_VALUES}`);
            for (const item of oneOf2) {
              const oneOfItem = item.assertString(`${DEFINITION} ${ONE_OF} item`);
              this.oneOf.push(this.key + "-" + oneOfItem.value);
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
            break;
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.OneOf;
  }
  validate(schema2, name) {
    if (this.oneOf.length === 0) {
      throw new Error(`'${name}' does not contain any references`);
    }
    let foundLooseKeyType = false;
    const mappingDefinitions = [];
    let allowedValuesDefinition;
    let sequenceDefinition;
    let nullDefinition;
    let booleanDefinition;
    let numberDefinition;
    const stringDefinitions = [];
    const seenNestedTypes = {};
    for (const nestedType of this.oneOf) {
      if (seenNestedTypes[nestedType]) {
        throw new Error(`'${name}' contains duplicate nested type '${nestedType}'`);
      }
      seenNestedTypes[nestedType] = true;
      const nestedDefinition = schema2.getDefinition(nestedType);
      if (nestedDefinition.readerContext.length > 0) {
        throw new Error(`'${name}' is a one-of definition and references another definition that defines context. This is currently not supported.`);
      }
      switch (nestedDefinition.definitionType) {
        case DefinitionType.Mapping: {
          const mappingDefinition = nestedDefinition;
          mappingDefinitions.push(mappingDefinition);
          if (mappingDefinition.looseKeyType) {
            foundLooseKeyType = true;
          }
          break;
        }
        case DefinitionType.Sequence: {
          if (sequenceDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${SEQUENCE}'`);
          }
          sequenceDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.Null: {
          if (nullDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${NULL}'`);
          }
          nullDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.Boolean: {
          if (booleanDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${BOOLEAN}'`);
          }
          booleanDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.Number: {
          if (numberDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${NUMBER}'`);
          }
          numberDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.String: {
          const stringDefinition = nestedDefinition;
          if (stringDefinitions.length > 0 && (!stringDefinitions[0].constant || !stringDefinition.constant)) {
            throw new Error(`'${name}' refers to more than one '${SCALAR}', but some do not set '${CONSTANT}'`);
          }
          stringDefinitions.push(stringDefinition);
          break;
        }
        case DefinitionType.OneOf: {
          if (allowedValuesDefinition) {
            throw new Error(`'${name}' contains multiple allowed-values definitions`);
          }
          allowedValuesDefinition = nestedDefinition;
          break;
        }
        default:
          throw new Error(`'${name}' refers to a definition with type '${nestedDefinition.definitionType}'`);
      }
    }
    if (mappingDefinitions.length > 1) {
      if (foundLooseKeyType) {
        throw new Error(`'${name}' refers to two mappings and at least one sets '${LOOSE_KEY_TYPE}'. This is not currently supported.`);
      }
      const seenProperties = {};
      for (const mappingDefinition of mappingDefinitions) {
        for (const propertyName of Object.keys(mappingDefinition.properties)) {
          const newPropertyDef = mappingDefinition.properties[propertyName];
          const existingPropertyDef = seenProperties[propertyName];
          if (existingPropertyDef) {
            if (existingPropertyDef.type === newPropertyDef.type) {
              continue;
            }
            throw new Error(`'${name}' contains two mappings with the same property, but each refers to a different type. All matching properties must refer to the same type.`);
          } else {
            seenProperties[propertyName] = newPropertyDef;
          }
        }
      }
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/sequence-definition.js
var SequenceDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
    this.itemType = "";
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case SEQUENCE: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${SEQUENCE}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${SEQUENCE} key`);
              switch (mappingKey.value) {
                case ITEM_TYPE: {
                  const itemType = mappingPair.value.assertString(`${DEFINITION} ${SEQUENCE} ${ITEM_TYPE}`);
                  this.itemType = itemType.value;
                  break;
                }
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${SEQUENCE} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Sequence;
  }
  validate(schema2, name) {
    if (!this.itemType) {
      throw new Error(`'${name}' does not defined '${ITEM_TYPE}'`);
    }
    schema2.getDefinition(this.itemType);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/string-definition.js
var StringDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    this.constant = "";
    this.ignoreCase = false;
    this.requireNonEmpty = false;
    this.isExpression = false;
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case STRING: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${STRING}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${STRING} key`);
              switch (mappingKey.value) {
                case CONSTANT: {
                  const constantStringToken = mappingPair.value.assertString(`${DEFINITION} ${STRING} ${CONSTANT}`);
                  this.constant = constantStringToken.value;
                  break;
                }
                case IGNORE_CASE: {
                  const ignoreCaseBooleanToken = mappingPair.value.assertBoolean(`${DEFINITION} ${STRING} ${IGNORE_CASE}`);
                  this.ignoreCase = ignoreCaseBooleanToken.value;
                  break;
                }
                case REQUIRE_NON_EMPTY: {
                  const requireNonEmptyBooleanToken = mappingPair.value.assertBoolean(`${DEFINITION} ${STRING} ${REQUIRE_NON_EMPTY}`);
                  this.requireNonEmpty = requireNonEmptyBooleanToken.value;
                  break;
                }
                case IS_EXPRESSION: {
                  const isExpressionToken = mappingPair.value.assertBoolean(`${DEFINITION} ${STRING} ${IS_EXPRESSION}`);
                  this.isExpression = isExpressionToken.value;
                  break;
                }
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${STRING} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.String;
  }
  isMatch(literal) {
    if (literal.templateTokenType === TokenType.String) {
      const value = literal.value;
      if (this.constant) {
        return this.ignoreCase ? this.constant.toUpperCase() === value.toUpperCase() : this.constant === value;
      } else if (this.requireNonEmpty) {
        return !!value;
      } else {
        return true;
      }
    }
    return false;
  }
  validate() {
    if (this.constant && this.requireNonEmpty) {
      throw new Error(`Properties '${CONSTANT}' and '${REQUIRE_NON_EMPTY}' cannot both be set`);
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/template-schema.js
var TemplateSchema = class _TemplateSchema {
  constructor(mapping) {
    this.definitions = {};
    this.version = "";
    this.definitions[NULL] = new NullDefinition(NULL);
    this.definitions[BOOLEAN] = new BooleanDefinition(BOOLEAN);
    this.definitions[NUMBER] = new NumberDefinition(NUMBER);
    this.definitions[STRING] = new StringDefinition(STRING);
    const sequenceDefinition = new SequenceDefinition(SEQUENCE);
    sequenceDefinition.itemType = ANY;
    this.definitions[sequenceDefinition.key] = sequenceDefinition;
    const mappingDefinition = new MappingDefinition(MAPPING);
    mappingDefinition.looseKeyType = STRING;
    mappingDefinition.looseValueType = ANY;
    this.definitions[mappingDefinition.key] = mappingDefinition;
    const anyDefinition = new OneOfDefinition(ANY);
    anyDefinition.oneOf.push(NULL);
    anyDefinition.oneOf.push(BOOLEAN);
    anyDefinition.oneOf.push(NUMBER);
    anyDefinition.oneOf.push(STRING);
    anyDefinition.oneOf.push(SEQUENCE);
    anyDefinition.oneOf.push(MAPPING);
    this.definitions[anyDefinition.key] = anyDefinition;
    if (mapping) {
      for (const pair2 of mapping) {
        const key = pair2.key.assertString(`${TEMPLATE_SCHEMA} key`);
        switch (key.value) {
          case VERSION: {
            this.version = pair2.value.assertString(`${TEMPLATE_SCHEMA} ${VERSION}`).value;
            break;
          }
          case DEFINITIONS: {
            const definitions = pair2.value.assertMapping(`${TEMPLATE_SCHEMA} ${DEFINITIONS}`);
            for (const definitionsPair of definitions) {
              const definitionsKey = definitionsPair.key.assertString(`${TEMPLATE_SCHEMA} ${DEFINITIONS} key`);
              const definitionsValue = definitionsPair.value.assertMapping(`${TEMPLATE_SCHEMA} ${DEFINITIONS} value`);
              let definition;
              for (const definitionPair of definitionsValue) {
                const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
                const mappingToken = definitionsPair.value;
                switch (definitionKey.value) {
                  case NULL:
                    definition = new NullDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case BOOLEAN:
                    definition = new BooleanDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case NUMBER:
                    definition = new NumberDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case STRING:
                    definition = new StringDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case SEQUENCE:
                    definition = new SequenceDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case MAPPING:
                    definition = new MappingDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case ONE_OF:
                    definition = new OneOfDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case ALLOWED_VALUES:
                    for (const item of mappingToken) {
                      if (item.value.templateTokenType === TokenType.Sequence) {
                        const sequenceToken = item.value;
                        for (const activity of sequenceToken) {
                          if (activity.templateTokenType === TokenType.String) {
                            const stringToken = activity;
                            const allowedValuesKey = definitionsKey.value + "-" + stringToken.value;
                            const allowedValuesDef = new StringDefinition(allowedValuesKey);
                            allowedValuesDef.constant = stringToken.toDisplayString();
                            this.definitions[allowedValuesKey] = allowedValuesDef;
                          }
                        }
                      }
                    }
                    definition = new OneOfDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case CONTEXT:
                  case DESCRIPTION:
                    continue;
                  default:
                    definitionKey.assertUnexpectedValue(`${DEFINITION} mapping key`);
                    break;
                }
                break;
              }
              if (!definition) {
                throw new Error(`Not enough information to construct definition '${definitionsKey.value}'`);
              }
              this.definitions[definitionsKey.value] = definition;
            }
            break;
          }
          default:
            key.assertUnexpectedValue(`${TEMPLATE_SCHEMA} key`);
            break;
        }
      }
    }
  }
  /**
   * Looks up a definition by name
   */
  getDefinition(name) {
    const result = this.definitions[name];
    if (result) {
      return result;
    }
    throw new Error(`Schema definition '${name}' not found`);
  }
  /**
   * Expands one-of definitions and returns all scalar definitions
   */
  getScalarDefinitions(definition) {
    const result = [];
    switch (definition.definitionType) {
      case DefinitionType.Null:
      case DefinitionType.Boolean:
      case DefinitionType.Number:
      case DefinitionType.String:
        result.push(definition);
        break;
      case DefinitionType.OneOf: {
        const oneOf2 = definition;
        for (const nestedName of oneOf2.oneOf) {
          const nestedDefinition = this.getDefinition(nestedName);
          result.push(...this.getScalarDefinitions(nestedDefinition));
        }
        break;
      }
    }
    return result;
  }
  /**
   * Expands one-of definitions and returns all matching definitions by type
   */
  getDefinitionsOfType(definition, type) {
    const result = [];
    if (definition.definitionType === type) {
      result.push(definition);
    } else if (definition.definitionType === DefinitionType.OneOf) {
      const oneOf2 = definition;
      for (const nestedName of oneOf2.oneOf) {
        const nestedDefinition = this.getDefinition(nestedName);
        if (nestedDefinition.definitionType === type) {
          result.push(nestedDefinition);
        }
      }
    }
    return result;
  }
  /**
   * Attempts match the property name to a property defined by any of the specified definitions.
   * If matched, any unmatching definitions are filtered from the definitions array.
   * Returns the type information for the matched property.
   */
  matchPropertyAndFilter(definitions, propertyName) {
    let result;
    let notFoundInSome = false;
    for (const definition of definitions) {
      const propertyDef = definition.properties[propertyName];
      if (propertyDef) {
        result = propertyDef;
      } else {
        notFoundInSome = true;
      }
    }
    if (result && notFoundInSome) {
      for (let i = 0; i < definitions.length; ) {
        if (definitions[i].properties[propertyName]) {
          i++;
        } else {
          definitions.splice(i, 1);
        }
      }
    }
    return result;
  }
  validate() {
    const oneOfDefinitions = {};
    for (const name of Object.keys(this.definitions)) {
      if (!name.match(_TemplateSchema._definitionNamePattern)) {
        throw new Error(`Invalid definition name '${name}'`);
      }
      const definition = this.definitions[name];
      if (definition.definitionType === DefinitionType.OneOf) {
        oneOfDefinitions[name] = definition;
      } else {
        definition.validate(this, name);
      }
    }
    for (const name of Object.keys(oneOfDefinitions)) {
      const oneOf2 = oneOfDefinitions[name];
      oneOf2.validate(this, name);
    }
  }
  /**
   * Loads a user-defined schema file
   */
  static load(objectReader) {
    const context = new TemplateContext(new TemplateValidationErrors(10, 500), _TemplateSchema.getInternalSchema(), new NoOperationTraceWriter());
    const template = readTemplate(context, TEMPLATE_SCHEMA, objectReader, void 0);
    context.errors.check();
    const mapping = template.assertMapping(TEMPLATE_SCHEMA);
    const schema2 = new _TemplateSchema(mapping);
    schema2.validate();
    return schema2;
  }
  /**
   * Gets the internal schema used for reading user-defined schema files
   */
  static getInternalSchema() {
    if (_TemplateSchema._internalSchema === void 0) {
      const schema2 = new _TemplateSchema();
      let mappingDefinition = new MappingDefinition(TEMPLATE_SCHEMA);
      mappingDefinition.properties[VERSION] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[DEFINITIONS] = new PropertyDefinition(new StringToken(void 0, void 0, DEFINITIONS, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(DEFINITIONS);
      mappingDefinition.looseKeyType = NON_EMPTY_STRING;
      mappingDefinition.looseValueType = DEFINITION;
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      let oneOfDefinition = new OneOfDefinition(DEFINITION);
      oneOfDefinition.oneOf.push(NULL_DEFINITION);
      oneOfDefinition.oneOf.push(BOOLEAN_DEFINITION);
      oneOfDefinition.oneOf.push(NUMBER_DEFINITION);
      oneOfDefinition.oneOf.push(STRING_DEFINITION);
      oneOfDefinition.oneOf.push(SEQUENCE_DEFINITION);
      oneOfDefinition.oneOf.push(MAPPING_DEFINITION);
      oneOfDefinition.oneOf.push(ONE_OF_DEFINITION);
      schema2.definitions[oneOfDefinition.key] = oneOfDefinition;
      mappingDefinition = new MappingDefinition(NULL_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[NULL] = new PropertyDefinition(new StringToken(void 0, void 0, NULL_DEFINITION_PROPERTIES, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(NULL_DEFINITION_PROPERTIES);
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(BOOLEAN_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[BOOLEAN] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN_DEFINITION_PROPERTIES, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(BOOLEAN_DEFINITION_PROPERTIES);
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(NUMBER_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[NUMBER] = new PropertyDefinition(new StringToken(void 0, void 0, NUMBER_DEFINITION_PROPERTIES, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(NUMBER_DEFINITION_PROPERTIES);
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(STRING_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[STRING] = new PropertyDefinition(new StringToken(void 0, void 0, STRING_DEFINITION_PROPERTIES, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(STRING_DEFINITION_PROPERTIES);
      mappingDefinition.properties[CONSTANT] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[IGNORE_CASE] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      mappingDefinition.properties[REQUIRE_NON_EMPTY] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      mappingDefinition.properties[IS_EXPRESSION] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(SEQUENCE_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[SEQUENCE] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_DEFINITION_PROPERTIES, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(SEQUENCE_DEFINITION_PROPERTIES);
      mappingDefinition.properties[ITEM_TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(MAPPING_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[MAPPING] = new PropertyDefinition(new StringToken(void 0, void 0, MAPPING_DEFINITION_PROPERTIES, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(MAPPING_DEFINITION_PROPERTIES);
      mappingDefinition.properties[PROPERTIES] = new PropertyDefinition(new StringToken(void 0, void 0, PROPERTIES, void 0));
      mappingDefinition.properties[LOOSE_KEY_TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[LOOSE_VALUE_TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(PROPERTIES);
      mappingDefinition.looseKeyType = NON_EMPTY_STRING;
      mappingDefinition.looseValueType = PROPERTY_VALUE;
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      oneOfDefinition = new OneOfDefinition(PROPERTY_VALUE);
      oneOfDefinition.oneOf.push(NON_EMPTY_STRING);
      oneOfDefinition.oneOf.push(MAPPING_PROPERTY_VALUE);
      schema2.definitions[oneOfDefinition.key] = oneOfDefinition;
      mappingDefinition = new MappingDefinition(MAPPING_PROPERTY_VALUE);
      mappingDefinition.properties[TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[REQUIRED] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(ONE_OF_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[ONE_OF] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[ALLOWED_VALUES] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      schema2.definitions[mappingDefinition.key] = mappingDefinition;
      const stringDefinition = new StringDefinition(NON_EMPTY_STRING);
      stringDefinition.requireNonEmpty = true;
      schema2.definitions[stringDefinition.key] = stringDefinition;
      const sequenceDefinition = new SequenceDefinition(SEQUENCE_OF_NON_EMPTY_STRING);
      sequenceDefinition.itemType = NON_EMPTY_STRING;
      schema2.definitions[sequenceDefinition.key] = sequenceDefinition;
      schema2.validate();
      _TemplateSchema._internalSchema = schema2;
    }
    return _TemplateSchema._internalSchema;
  }
};
TemplateSchema._definitionNamePattern = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

// node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json
var workflow_v1_0_min_default = { version: "workflow-v1.0", definitions: { "workflow-root": { description: "A workflow file.", mapping: { properties: { on: "on", name: "workflow-name", description: "workflow-description", "run-name": "run-name", defaults: "workflow-defaults", env: "workflow-env", permissions: "permissions", concurrency: "workflow-concurrency", jobs: { type: "jobs", required: true } } } }, "workflow-root-strict": { description: "Workflow file with strict validation", mapping: { properties: { on: { type: "on-strict", required: true }, name: "workflow-name", description: "workflow-description", "run-name": "run-name", defaults: "workflow-defaults", env: "workflow-env", permissions: "permissions", concurrency: "workflow-concurrency", jobs: { type: "jobs", required: true } } } }, "workflow-name": { description: "The name of the workflow that GitHub displays on your repository's 'Actions' tab.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#name)", string: {} }, "workflow-description": { description: "A description for your workflow or reusable workflow", string: {} }, "run-name": { context: ["github", "inputs", "vars"], string: {}, description: "The name for workflow runs generated from the workflow. GitHub displays the workflow run name in the list of workflow runs on your repository's 'Actions' tab.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#run-name)" }, on: { description: "The GitHub event that triggers the workflow. Events can be a single string, array of events, array of event types, or an event configuration map that schedules a workflow or restricts the execution of a workflow to specific files, tags, or branch changes. View a full list of [events that trigger workflows](https://docs.github.com/actions/using-workflows/events-that-trigger-workflows).\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#on)", "one-of": ["string", "sequence", "on-mapping"] }, "on-mapping": { mapping: { properties: { workflow_call: "workflow-call" }, "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, "on-strict": { description: "The GitHub event that triggers the workflow.  Events can be a single string, array of events, array of event types, or an event configuration map that schedules a workflow or restricts the execution of a workflow to specific files, tags, or branch changes. View a full list of [events that trigger workflows](https://docs.github.com/actions/using-workflows/events-that-trigger-workflows).\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#on)", "one-of": ["on-string-strict", "on-sequence-strict", "on-mapping-strict"] }, "on-mapping-strict": { description: "The GitHub event that triggers the workflow.  Events can be a single string, array of events, array of event types, or an event configuration map that schedules a workflow or restricts the execution of a workflow to specific files, tags, or branch changes. View a full list of [events that trigger workflows](https://docs.github.com/actions/using-workflows/events-that-trigger-workflows).\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#on)", mapping: { properties: { branch_protection_rule: "branch-protection-rule", check_run: "check-run", check_suite: "check-suite", create: "create", delete: "delete", deployment: "deployment", deployment_status: "deployment-status", discussion: "discussion", discussion_comment: "discussion-comment", fork: "fork", gollum: "gollum", image_version: "image-version", issue_comment: "issue-comment", issues: "issues", label: "label", merge_group: "merge-group", milestone: "milestone", page_build: "page-build", project: "project", project_card: "project-card", project_column: "project-column", public: "public", pull_request: "pull-request", pull_request_comment: "pull-request-comment", pull_request_review: "pull-request-review", pull_request_review_comment: "pull-request-review-comment", pull_request_target: "pull-request-target", push: "push", registry_package: "registry-package", release: "release", repository_dispatch: "repository-dispatch", schedule: "schedule", status: "status", watch: "watch", workflow_call: "workflow-call", workflow_dispatch: "workflow-dispatch", workflow_run: "workflow-run" } } }, "on-string-strict": { "one-of": ["branch-protection-rule-string", "check-run-string", "check-suite-string", "create-string", "delete-string", "deployment-string", "deployment-status-string", "discussion-string", "discussion-comment-string", "fork-string", "gollum-string", "image-version-string", "issue-comment-string", "issues-string", "label-string", "merge-group-string", "milestone-string", "page-build-string", "project-string", "project-card-string", "project-column-string", "public-string", "pull-request-string", "pull-request-comment-string", "pull-request-review-string", "pull-request-review-comment-string", "pull-request-target-string", "push-string", "registry-package-string", "release-string", "repository-dispatch-string", "schedule-string", "status-string", "watch-string", "workflow-call-string", "workflow-dispatch-string", "workflow-run-string"] }, "on-sequence-strict": { sequence: { "item-type": "on-string-strict" } }, "branch-protection-rule-string": { description: "Runs your workflow when branch protection rules in the workflow repository are changed.", string: { constant: "branch_protection_rule" } }, "branch-protection-rule": { description: "Runs your workflow when branch protection rules in the workflow repository are changed.", "one-of": ["null", "branch-protection-rule-mapping"] }, "branch-protection-rule-mapping": { mapping: { properties: { types: "branch-protection-rule-activity" } } }, "branch-protection-rule-activity": { description: "The types of branch protection rule activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["branch-protection-rule-activity-type", "branch-protection-rule-activity-types"] }, "branch-protection-rule-activity-types": { sequence: { "item-type": "branch-protection-rule-activity-type" } }, "branch-protection-rule-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "check-run-string": { description: "Runs your workflow when activity related to a check run occurs. A check run is an individual test that is part of a check suite.", string: { constant: "check_run" } }, "check-run": { description: "Runs your workflow when activity related to a check run occurs. A check run is an individual test that is part of a check suite.", "one-of": ["null", "check-run-mapping"] }, "check-run-mapping": { mapping: { properties: { types: "check-run-activity" } } }, "check-run-activity": { description: "The types of check run activity that trigger the workflow. Supported activity types: `created`, `rerequested`, `completed`, `requested_action`.", "one-of": ["check-run-activity-type", "check-run-activity-types"] }, "check-run-activity-types": { sequence: { "item-type": "check-run-activity-type" } }, "check-run-activity-type": { "allowed-values": ["completed", "created", "rerequested", "requested_action"] }, "check-suite-string": { description: "Runs your workflow when check suite activity occurs. A check suite is a collection of the check runs created for a specific commit. Check suites summarize the status and conclusion of the check runs that are in the suite.", string: { constant: "check_suite" } }, "check-suite": { description: "Runs your workflow when check suite activity occurs. A check suite is a collection of the check runs created for a specific commit. Check suites summarize the status and conclusion of the check runs that are in the suite.", "one-of": ["null", "check-suite-mapping"] }, "check-suite-mapping": { mapping: { properties: { types: "check-suite-activity" } } }, "check-suite-activity": { description: "The types of check suite activity that trigger the workflow. Supported activity types: `completed`.", "one-of": ["check-suite-activity-type", "check-suite-activity-types"] }, "check-suite-activity-types": { sequence: { "item-type": "check-suite-activity-type" } }, "check-suite-activity-type": { "allowed-values": ["completed"] }, "create-string": { description: "Runs your workflow when someone creates a Git reference (Git branch or tag) in the workflow's repository.", string: { constant: "create" } }, create: { description: "Runs your workflow when someone creates a Git reference (Git branch or tag) in the workflow's repository.", null: {} }, "delete-string": { description: "Runs your workflow when someone deletes a Git reference (Git branch or tag) in the workflow's repository.", string: { constant: "delete" } }, delete: { description: "Runs your workflow when someone deletes a Git reference (Git branch or tag) in the workflow's repository.", null: {} }, "deployment-string": { description: "Runs your workflow when someone creates a deployment in the workflow's repository. Deployments created with a commit SHA may not have a Git ref.", string: { constant: "deployment" } }, deployment: { description: "Runs your workflow when someone creates a deployment in the workflow's repository. Deployments created with a commit SHA may not have a Git ref.", null: {} }, "deployment-status-string": { description: "Runs your workflow when a third party provides a deployment status. Deployments created with a commit SHA may not have a Git ref.", string: { constant: "deployment_status" } }, "deployment-status": { description: "Runs your workflow when a third party provides a deployment status. Deployments created with a commit SHA may not have a Git ref.", null: {} }, "discussion-string": { description: "Runs your workflow when a discussion in the workflow's repository is created or modified. For activity related to comments on a discussion, use the `discussion_comment` event.", string: { constant: "discussion" } }, discussion: { description: "Runs your workflow when a discussion in the workflow's repository is created or modified. For activity related to comments on a discussion, use the `discussion_comment` event.", "one-of": ["null", "discussion-mapping"] }, "discussion-mapping": { mapping: { properties: { types: "discussion-activity" } } }, "discussion-activity": { description: "The types of discussion activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`, `transferred`, `pinned`, `unpinned`, `labeled`, `unlabeled`, `locked`, `unlocked`, `category_changed`, `answered`, `unanswered`.", "one-of": ["discussion-activity-type", "discussion-activity-types"] }, "discussion-activity-types": { sequence: { "item-type": "discussion-activity-type" } }, "discussion-activity-type": { "allowed-values": ["created", "edited", "deleted", "transferred", "pinned", "unpinned", "labeled", "unlabeled", "locked", "unlocked", "category_changed", "answered", "unanswered"] }, "discussion-comment-string": { description: "Runs your workflow when a comment on a discussion in the workflow's repository is created or modified. For activity related to a discussion as opposed to comments on the discussion, use the `discussion` event.", string: { constant: "discussion_comment" } }, "discussion-comment": { description: "Runs your workflow when a comment on a discussion in the workflow's repository is created or modified. For activity related to a discussion as opposed to comments on the discussion, use the `discussion` event.", "one-of": ["null", "discussion-comment-mapping"] }, "discussion-comment-mapping": { mapping: { properties: { types: "discussion-comment-activity" } } }, "discussion-comment-activity": { description: "The types of discussion comment activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["discussion-comment-activity-type", "discussion-comment-activity-types"] }, "discussion-comment-activity-types": { sequence: { "item-type": "discussion-comment-activity-type" } }, "discussion-comment-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "fork-string": { description: "Runs your workflow when someone forks a repository.", string: { constant: "fork" } }, fork: { description: "Runs your workflow when someone forks a repository.", null: {} }, "gollum-string": { description: "Runs your workflow when someone creates or updates a Wiki page.", string: { constant: "gollum" } }, gollum: { description: "Runs your workflow when someone creates or updates a Wiki page.", null: {} }, "image-version-string": { description: "Runs your workflow when an image version is created or changes state.", string: { constant: "image_version" } }, "image-version": { description: "Runs your workflow when an image version is created or changes state.", "one-of": ["null", "image-version-mapping"] }, "image-version-mapping": { mapping: { properties: { types: "image-version-activity", names: "event-names", versions: "event-versions" } } }, "image-version-activity": { description: "The types of image version activity that trigger the workflow. Supported activity types: `created`, `ready`, `deleted`.", "one-of": ["image-version-activity-type", "image-version-activity-types"] }, "image-version-activity-types": { sequence: { "item-type": "image-version-activity-type" } }, "image-version-activity-type": { "allowed-values": ["created", "ready", "deleted"] }, "issue-comment-string": { description: "Runs your workflow when an issue or pull request comment is created, edited, or deleted.", string: { constant: "issue_comment" } }, "issue-comment": { description: "Runs your workflow when an issue or pull request comment is created, edited, or deleted.", "one-of": ["null", "issue-comment-mapping"] }, "issue-comment-mapping": { mapping: { properties: { types: "issue-comment-activity" } } }, "issue-comment-activity": { description: "The types of issue comment activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["issue-comment-activity-type", "issue-comment-activity-types"] }, "issue-comment-activity-types": { sequence: { "item-type": "issue-comment-activity-type" } }, "issue-comment-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "issues-string": { description: "Runs your workflow when an issue in the workflow's repository is created or modified. For activity related to comments in an issue, use the `issue_comment` event.", string: { constant: "issues" } }, issues: { description: "Runs your workflow when an issue in the workflow's repository is created or modified. For activity related to comments in an issue, use the `issue_comment` event.", "one-of": ["null", "issues-mapping"] }, "issues-mapping": { mapping: { properties: { types: "issues-activity" } } }, "issues-activity": { description: "The types of issue activity that trigger the workflow. Supported activity types: `opened`, `edited`, `deleted`, `transferred`, `pinned`, `unpinned`, `closed`, `reopened`, `assigned`, `unassigned`, `labeled`, `unlabeled`, `locked`, `unlocked`, `milestoned`, `demilestoned`, `field_added`, `field_removed`, `typed`, `untyped`.", "one-of": ["issues-activity-type", "issues-activity-types"] }, "issues-activity-types": { sequence: { "item-type": "issues-activity-type" } }, "issues-activity-type": { "allowed-values": ["opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed", "reopened", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked", "milestoned", "demilestoned", "field_added", "field_removed", "typed", "untyped"] }, "label-string": { description: "Runs your workflow when a label in your workflow's repository is created or modified.", string: { constant: "label" } }, label: { description: "Runs your workflow when a label in your workflow's repository is created or modified.", "one-of": ["null", "label-mapping"] }, "label-mapping": { mapping: { properties: { types: "label-activity" } } }, "label-activity": { description: "The types of label activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["label-activity-type", "label-activity-types"] }, "label-activity-types": { sequence: { "item-type": "label-activity-type" } }, "label-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "merge-group-string": { description: "Runs your workflow when a pull request is added to a merge queue, which adds the pull request to a merge group.", string: { constant: "merge_group" } }, "merge-group": { description: "Runs your workflow when a pull request is added to a merge queue, which adds the pull request to a merge group.", "one-of": ["null", "merge-group-mapping"] }, "merge-group-mapping": { mapping: { properties: { types: "merge-group-activity", branches: "event-branches", "branches-ignore": "event-branches-ignore" } } }, "merge-group-activity": { description: "The types of merge group activity that trigger the workflow. Supported activity types: `checks_requested`.", "one-of": ["merge-group-activity-type", "merge-group-activity-types"] }, "merge-group-activity-types": { sequence: { "item-type": "merge-group-activity-type" } }, "merge-group-activity-type": { "allowed-values": ["checks_requested"] }, "milestone-string": { description: "Runs your workflow when a milestone in the workflow's repository is created or modified.", string: { constant: "milestone" } }, milestone: { description: "Runs your workflow when a milestone in the workflow's repository is created or modified.", "one-of": ["null", "milestone-mapping"] }, "milestone-mapping": { mapping: { properties: { types: "milestone-activity" } } }, "milestone-activity": { description: "The types of milestone activity that trigger the workflow. Supported activity types: `created`, `closed`, `opened`, `edited`, `deleted`.", "one-of": ["milestone-activity-type", "milestone-activity-types"] }, "milestone-activity-types": { sequence: { "item-type": "milestone-activity-type" } }, "milestone-activity-type": { "allowed-values": ["created", "closed", "opened", "edited", "deleted"] }, "page-build-string": { description: "Runs your workflow when someone pushes to a branch that is the publishing source for GitHub Pages, if GitHub Pages is enabled for the repository.", string: { constant: "page_build" } }, "page-build": { description: "Runs your workflow when someone pushes to a branch that is the publishing source for GitHub Pages, if GitHub Pages is enabled for the repository.", null: {} }, "project-string": { description: "Runs your workflow when a project board is created or modified. For activity related to cards or columns in a project board, use the `project_card` or `project_column` events instead.", string: { constant: "project" } }, project: { description: "Runs your workflow when a project board is created or modified. For activity related to cards or columns in a project board, use the `project_card` or `project_column` events instead.", "one-of": ["null", "project-mapping"] }, "project-mapping": { mapping: { properties: { types: "project-activity" } } }, "project-activity": { description: "The types of project activity that trigger the workflow. Supported activity types: `created`, `closed`, `reopened`, `edited`, `deleted`.", "one-of": ["project-activity-type", "project-activity-types"] }, "project-activity-types": { sequence: { "item-type": "project-activity-type" } }, "project-activity-type": { "allowed-values": ["created", "closed", "reopened", "edited", "deleted"] }, "project-card-string": { description: "Runs your workflow when a card on a project board is created or modified. For activity related to project boards or columns in a project board, use the `project` or `project_column` event instead.", string: { constant: "project_card" } }, "project-card": { description: "Runs your workflow when a card on a project board is created or modified. For activity related to project boards or columns in a project board, use the `project` or `project_column` event instead.", "one-of": ["null", "project-card-mapping"] }, "project-card-mapping": { mapping: { properties: { types: "project-card-activity" } } }, "project-card-activity": { description: "The types of project card activity that trigger the workflow. Supported activity types: `created`, `moved`, `converted`, `edited`, `deleted`.", "one-of": ["project-card-activity-type", "project-card-activity-types"] }, "project-card-activity-types": { sequence: { "item-type": "project-card-activity-type" } }, "project-card-activity-type": { "allowed-values": ["created", "moved", "converted", "edited", "deleted"] }, "project-column-string": { description: "Runs your workflow when a column on a project board is created or modified. For activity related to project boards or cards in a project board, use the `project` or `project_card` event instead.", string: { constant: "project_column" } }, "project-column": { description: "Runs your workflow when a column on a project board is created or modified. For activity related to project boards or cards in a project board, use the `project` or `project_card` event instead.", "one-of": ["null", "project-column-mapping"] }, "project-column-mapping": { mapping: { properties: { types: "project-column-activity" } } }, "project-column-activity": { description: "The types of project column activity that trigger the workflow. Supported activity types: `created`, `updated`, `moved`, `deleted`.", "one-of": ["project-column-activity-type", "project-column-activity-types"] }, "project-column-activity-types": { sequence: { "item-type": "project-column-activity-type" } }, "project-column-activity-type": { "allowed-values": ["created", "updated", "moved", "deleted"] }, "public-string": { description: "Runs your workflow when your workflow's repository changes from private to public.", string: { constant: "public" } }, public: { description: "Runs your workflow when your workflow's repository changes from private to public.", null: {} }, "pull-request-string": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.", string: { constant: "pull_request" } }, "pull-request": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.", "one-of": ["null", "pull-request-mapping"] }, "pull-request-mapping": { mapping: { properties: { types: "pull-request-activity", branches: "event-branches", "branches-ignore": "event-branches-ignore", paths: "event-paths", "paths-ignore": "event-paths-ignore" } } }, "pull-request-activity": { description: "The types of pull request activity that trigger the workflow. Supported activity types: `assigned`, `unassigned`, `labeled`, `unlabeled`, `opened`, `edited`, `closed`, `reopened`, `synchronize`, `converted_to_draft`, `locked`, `unlocked`, `enqueued`, `dequeued`, `milestoned`, `demilestoned`, `ready_for_review`, `review_requested`, `review_request_removed`, `auto_merge_enabled`, `auto_merge_disabled`, `stacked`.", "one-of": ["pull-request-activity-type", "pull-request-activity-types"] }, "pull-request-activity-types": { sequence: { "item-type": "pull-request-activity-type" } }, "pull-request-activity-type": { "allowed-values": ["assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued", "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled", "stacked"] }, "pull-request-comment-string": { description: "Please use the `issue_comment` event instead.", string: { constant: "pull_request_comment" } }, "pull-request-comment": { description: "Please use the `issue_comment` event instead.", "one-of": ["null", "issue-comment-mapping"] }, "pull-request-review-string": { description: "Runs your workflow when a pull request review is submitted, edited, or dismissed. A pull request review is a group of pull request review comments in addition to a body comment and a state. For activity related to pull request review comments or pull request comments, use the `pull_request_review_comment` or `issue_comment` events instead.", string: { constant: "pull_request_review" } }, "pull-request-review": { description: "Runs your workflow when a pull request review is submitted, edited, or dismissed. A pull request review is a group of pull request review comments in addition to a body comment and a state. For activity related to pull request review comments or pull request comments, use the `pull_request_review_comment` or `issue_comment` events instead.", "one-of": ["null", "pull-request-review-mapping"] }, "pull-request-review-mapping": { mapping: { properties: { types: "pull-request-review-activity" } } }, "pull-request-review-activity": { description: "The types of pull request review activity that trigger the workflow. Supported activity types: `submitted`, `edited`, `dismissed`.", "one-of": ["pull-request-review-activity-type", "pull-request-review-activity-types"] }, "pull-request-review-activity-types": { sequence: { "item-type": "pull-request-review-activity-type" } }, "pull-request-review-activity-type": { "allowed-values": ["submitted", "edited", "dismissed"] }, "pull-request-review-comment-string": { description: "", string: { constant: "pull_request_review_comment" } }, "pull-request-review-comment": { description: "", "one-of": ["null", "pull-request-review-comment-mapping"] }, "pull-request-review-comment-mapping": { mapping: { properties: { types: "pull-request-review-comment-activity" } } }, "pull-request-review-comment-activity": { description: "The types of pull request review comment activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["pull-request-review-comment-activity-type", "pull-request-review-comment-activity-types"] }, "pull-request-review-comment-activity-types": { sequence: { "item-type": "pull-request-review-comment-activity-type" } }, "pull-request-review-comment-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "pull-request-target-string": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.\n\nThis event runs in the context of the base of the pull request, rather than in the context of the merge commit, as the `pull_request` event does. This prevents execution of unsafe code from the head of the pull request that could alter your repository or steal any secrets you use in your workflow. This event allows your workflow to do things like label or comment on pull requests from forks. Avoid using this event if you need to build or run code from the pull request.", string: { constant: "pull_request_target" } }, "pull-request-target": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.\n\nThis event runs in the context of the base of the pull request, rather than in the context of the merge commit, as the `pull_request` event does. This prevents execution of unsafe code from the head of the pull request that could alter your repository or steal any secrets you use in your workflow. This event allows your workflow to do things like label or comment on pull requests from forks. Avoid using this event if you need to build or run code from the pull request.", "one-of": ["null", "pull-request-target-mapping"] }, "pull-request-target-mapping": { mapping: { properties: { types: "pull-request-target-activity", branches: "event-branches", "branches-ignore": "event-branches-ignore", paths: "event-paths", "paths-ignore": "event-paths-ignore" } } }, "pull-request-target-activity": { description: "The types of pull request activity that trigger the workflow. Supported activity types: `assigned`, `unassigned`, `labeled`, `unlabeled`, `opened`, `edited`, `closed`, `reopened`, `synchronize`, `converted_to_draft`, `locked`, `unlocked`, `enqueued`, `dequeued`, `milestoned`, `demilestoned`, `ready_for_review`, `review_requested`, `review_request_removed`, `auto_merge_enabled`, `auto_merge_disabled`, `stacked`.", "one-of": ["pull-request-target-activity-type", "pull-request-target-activity-types"] }, "pull-request-target-activity-types": { sequence: { "item-type": "pull-request-target-activity-type" } }, "pull-request-target-activity-type": { "allowed-values": ["assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued", "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled", "stacked"] }, "push-string": { description: "Runs your workflow when you push a commit or tag.", string: { constant: "push" } }, push: { description: "Runs your workflow when you push a commit or tag.", "one-of": ["null", "push-mapping"] }, "push-mapping": { mapping: { properties: { branches: "event-branches", "branches-ignore": "event-branches-ignore", tags: "event-tags", "tags-ignore": "event-tags-ignore", paths: "event-paths", "paths-ignore": "event-paths-ignore" } } }, "registry-package-string": { description: "Runs your workflow when activity related to GitHub Packages occurs in your repository.", string: { constant: "registry_package" } }, "registry-package": { description: "Runs your workflow when activity related to GitHub Packages occurs in your repository.", "one-of": ["null", "registry-package-mapping"] }, "registry-package-mapping": { mapping: { properties: { types: "registry-package-activity" } } }, "registry-package-activity": { description: "The types of registry package activity that trigger the workflow. Supported activity types: `published`, `updated`.", "one-of": ["registry-package-activity-type", "registry-package-activity-types"] }, "registry-package-activity-types": { sequence: { "item-type": "registry-package-activity-type" } }, "registry-package-activity-type": { "allowed-values": ["published", "updated"] }, "release-string": { description: "Runs your workflow when release activity in your repository occurs.", string: { constant: "release" } }, release: { description: "Runs your workflow when release activity in your repository occurs.", "one-of": ["null", "release-mapping"] }, "release-mapping": { mapping: { properties: { types: "release-activity" } } }, "release-activity": { description: "The types of release activity that trigger the workflow. Supported activity types: `published`, `unpublished`, `created`, `edited`, `deleted`, `prereleased`, `released`.", "one-of": ["release-activity-type", "release-activity-types"] }, "release-activity-types": { sequence: { "item-type": "release-activity-type" } }, "release-activity-type": { "allowed-values": ["published", "unpublished", "created", "edited", "deleted", "prereleased", "released"] }, "schedule-string": { description: "The `schedule` event allows you to trigger a workflow at a scheduled time.\n\nYou can schedule a workflow to run at specific UTC times using POSIX cron syntax. Scheduled workflows run on the latest commit on the default or base branch. The shortest interval you can run scheduled workflows is once every 5 minutes. GitHub Actions does not support the non-standard syntax `@yearly`, `@monthly`, `@weekly`, `@daily`, `@hourly`, and `@reboot`.", string: { constant: "schedule" } }, schedule: { description: "The `schedule` event allows you to trigger a workflow at a scheduled time.\n\nYou can schedule a workflow to run at specific UTC times using POSIX cron syntax. Scheduled workflows run on the latest commit on the default or base branch. The shortest interval you can run scheduled workflows is once every 5 minutes. GitHub Actions does not support the non-standard syntax `@yearly`, `@monthly`, `@weekly`, `@daily`, `@hourly`, and `@reboot`.", sequence: { "item-type": "cron-mapping" } }, "status-string": { description: "Runs your workflow when the status of a Git commit changes. For example, commits can be marked as `error`, `failure`, `pending`, or `success`. If you want to provide more details about the status change, you may want to use the `check_run` event.", string: { constant: "status" } }, status: { description: "Runs your workflow when the status of a Git commit changes. For example, commits can be marked as `error`, `failure`, `pending`, or `success`. If you want to provide more details about the status change, you may want to use the `check_run` event.", null: {} }, "watch-string": { description: "Runs your workflow when the workflow's repository is starred.", string: { constant: "watch" } }, watch: { description: "Runs your workflow when the workflow's repository is starred.", "one-of": ["null", "watch-mapping"] }, "watch-mapping": { mapping: { properties: { types: "watch-activity" } } }, "watch-activity": { description: "The types of watch activity that trigger the workflow. Supported activity types: `started`.", "one-of": ["watch-activity-type", "watch-activity-types"] }, "watch-activity-types": { sequence: { "item-type": "watch-activity-type" } }, "watch-activity-type": { "allowed-values": ["started"] }, "workflow-run-string": { description: "This event occurs when a workflow run is requested or completed. It allows you to execute a workflow based on execution or completion of another workflow. The workflow started by the `workflow_run` event is able to access secrets and write tokens, even if the previous workflow was not. This is useful in cases where the previous workflow is intentionally not privileged, but you need to take a privileged action in a later workflow.", string: { constant: "workflow_run" } }, "workflow-run": { description: "This event occurs when a workflow run is requested or completed. It allows you to execute a workflow based on execution or completion of another workflow. The workflow started by the `workflow_run` event is able to access secrets and write tokens, even if the previous workflow was not. This is useful in cases where the previous workflow is intentionally not privileged, but you need to take a privileged action in a later workflow.", "one-of": ["null", "workflow-run-mapping"] }, "workflow-run-mapping": { mapping: { properties: { types: "workflow-run-activity", workflows: "workflow-run-workflows", branches: "event-branches", "branches-ignore": "event-branches-ignore" } } }, "workflow-run-workflows": { description: "The name of the workflow that triggers the `workflow_run` event. The workflow must be in the same repository as the workflow that uses the `workflow_run` event.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "workflow-run-activity": { description: "The types of workflow run activity that trigger the workflow. Supported activity types: `completed`, `requested`, `in_progress`.", "one-of": ["workflow-run-activity-type", "workflow-run-activity-types"] }, "workflow-run-activity-types": { sequence: { "item-type": "workflow-run-activity-type" } }, "workflow-run-activity-type": { "allowed-values": ["requested", "completed", "in_progress"] }, "event-branches": { description: "Use the `branches` filter when you want to include branch name patterns or when you want to both include and exclude branch name patterns. You cannot use both the `branches` and `branches-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-branches-ignore": { description: "Use the `branches-ignore` filter when you only want to exclude branch name patterns. You cannot use both the `branches` and `branches-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-names": { description: "Use the `names` filter when you want to include names via patterns or when you want to both include and exclude names using patterns. ", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-tags": { description: "Use the `tags` filter when you want to include tag name patterns or when you want to both include and exclude tag names patterns. You cannot use both the `tags` and `tags-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-tags-ignore": { description: "Use the `tags-ignore` filter when you only want to exclude tag name patterns. You cannot use both the `tags` and `tags-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-paths": { description: "Use the `paths` filter when you want to include file path patterns or when you want to both include and exclude file path patterns. You cannot use both the `paths` and `paths-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-paths-ignore": { description: "Use the `paths-ignore` filter when you only want to exclude file path patterns. You cannot use both the `paths` and `paths-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-versions": { description: "Use the `versions` filter when you want to include versions via patterns or when you want to both include and exclude versions using patterns. ", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "repository-dispatch-string": { description: "You can use the GitHub API to trigger a webhook event called `repository_dispatch` when you want to trigger a workflow for activity that happens outside of GitHub.", string: { constant: "branch_protection_rule" } }, "repository-dispatch": { description: "You can use the GitHub API to trigger a webhook event called `repository_dispatch` when you want to trigger a workflow for activity that happens outside of GitHub.", "one-of": ["null", "repository-dispatch-mapping"] }, "repository-dispatch-mapping": { mapping: { properties: { types: "sequence-of-non-empty-string" } } }, "workflow-call-string": { description: "The `workflow_call` event is used to indicate that a workflow can be called by another workflow. When a workflow is triggered with the `workflow_call` event, the event payload in the called workflow is the same event payload from the calling workflow.", string: { constant: "workflow_call" } }, "workflow-call": { description: "The `workflow_call` event is used to indicate that a workflow can be called by another workflow. When a workflow is triggered with the `workflow_call` event, the event payload in the called workflow is the same event payload from the calling workflow.", "one-of": ["null", "workflow-call-mapping"] }, "workflow-call-mapping": { mapping: { properties: { inputs: "workflow-call-inputs", secrets: "workflow-call-secrets", outputs: "workflow-call-outputs" } } }, "workflow-call-inputs": { description: "Inputs that are passed to the called workflow from the caller workflow.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "workflow-call-input-definition" } }, "workflow-call-input-definition": { mapping: { properties: { description: { type: "string", description: "A string description of the input parameter." }, type: { type: "workflow-call-input-type", required: true }, required: { type: "boolean", description: "A boolean to indicate whether the action requires the input parameter. Set to `true` when the parameter is required." }, default: "workflow-call-input-default" } } }, "workflow-call-input-type": { description: "Required if input is defined for the `on.workflow_call` keyword. The value of this parameter is a string specifying the data type of the input. This must be one of: `boolean`, `number`, or `string`.", "one-of": ["input-type-string", "input-type-boolean", "input-type-number"] }, "input-type-string": { string: { constant: "string" } }, "input-type-boolean": { string: { constant: "boolean" } }, "input-type-number": { string: { constant: "number" } }, "input-type-choice": { string: { constant: "choice" } }, "input-type-environment": { string: { constant: "environment" } }, "workflow-call-input-default": { description: 'If a `default` parameter is not set, the default value of the input is `false` for boolean, `0` for a number, and `""` for a string.', context: ["github", "inputs", "vars"], "one-of": ["string", "boolean", "number"] }, "workflow-call-secrets": { description: "A map of the secrets that can be used in the called workflow. Within the called workflow, you can use the `secrets` context to refer to a secret.", mapping: { "loose-key-type": "workflow-call-secret-name", "loose-value-type": "workflow-call-secret-definition" } }, "workflow-call-secret-name": { string: { "require-non-empty": true }, description: "A string identifier to associate with the secret." }, "workflow-call-secret-definition": { "one-of": ["null", "workflow-call-secret-mapping-definition"] }, "workflow-call-secret-mapping-definition": { mapping: { properties: { description: { type: "string", description: "A string description of the secret parameter." }, required: { type: "boolean", description: "A boolean specifying whether the secret must be supplied." } } } }, "workflow-call-outputs": { description: "A reusable workflow may generate data that you want to use in the caller workflow. To use these outputs, you must specify them as the outputs of the reusable workflow.", mapping: { "loose-key-type": "workflow-call-output-name", "loose-value-type": "workflow-call-output-definition" } }, "workflow-call-output-name": { string: { "require-non-empty": true }, description: "A string identifier to associate with the output. The value of `<output_id>` is a map of the input's metadata. The `<output_id>` must be a unique identifier within the outputs object and must start with a letter or _ and contain only alphanumeric characters, -, or _." }, "workflow-call-output-definition": { mapping: { properties: { description: { type: "string", description: "A string description of the output parameter." }, value: { type: "workflow-output-context", required: true } } } }, "workflow-output-context": { description: "The value to assign to the output parameter.", context: ["github", "inputs", "vars", "jobs"], string: {} }, "workflow-dispatch-string": { description: "The `workflow_dispatch` event allows you to manually trigger a workflow run. A workflow can be manually triggered using the GitHub API, GitHub CLI, or GitHub browser interface.", string: { constant: "workflow_dispatch" } }, "workflow-dispatch": { description: "The `workflow_dispatch` event allows you to manually trigger a workflow run. A workflow can be manually triggered using the GitHub API, GitHub CLI, or GitHub browser interface.", "one-of": ["null", "workflow-dispatch-mapping"] }, "workflow-dispatch-mapping": { mapping: { properties: { inputs: "workflow-dispatch-inputs" } } }, "workflow-dispatch-inputs": { description: "You can configure custom-defined input properties, default input values, and required inputs for the event directly in your workflow. When you trigger the event, you can provide the `ref` and any `inputs`. When the workflow runs, you can access the input values in the `inputs` context.", mapping: { "loose-key-type": "workflow-dispatch-input-name", "loose-value-type": "workflow-dispatch-input" } }, "workflow-dispatch-input-name": { string: { "require-non-empty": true }, description: "A string identifier to associate with the input. The value of <input_id> is a map of the input's metadata. The <input_id> must be a unique identifier within the inputs object. The <input_id> must start with a letter or _ and contain only alphanumeric characters, -, or _." }, "workflow-dispatch-input": { mapping: { properties: { description: { type: "string", description: "A string description of the input parameter." }, type: { type: "workflow-dispatch-input-type" }, required: { type: "boolean", description: "A boolean to indicate whether the workflow requires the input parameter. Set to true when the parameter is required." }, default: "workflow-dispatch-input-default", options: { type: "sequence-of-string", description: "The options of the dropdown list, if the type is a choice." } } } }, "workflow-dispatch-input-type": { description: "A string representing the type of the input. This must be one of: `boolean`, `number`, `string`, `choice`, or `environment`.", "one-of": ["input-type-string", "input-type-boolean", "input-type-number", "input-type-environment", "input-type-choice"] }, "workflow-dispatch-input-default": { description: "The default value is used when an input parameter isn't specified in a workflow file.", "one-of": ["string", "boolean", "number"] }, permissions: { description: "You can use `permissions` to modify the default permissions granted to the `GITHUB_TOKEN`, adding or removing access as required, so that you only allow the minimum required access.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#permissions)", "one-of": ["permissions-mapping", "permission-level-shorthand-read-all", "permission-level-shorthand-write-all"] }, "permissions-mapping": { mapping: { properties: { actions: { type: "permission-level-any", description: "Actions workflows, workflow runs, and artifacts." }, "artifact-metadata": { type: "permission-level-any", description: "Storage and deployment records for build artifacts." }, attestations: { type: "permission-level-any", description: "Artifact attestations." }, checks: { type: "permission-level-any", description: "Check runs and check suites." }, "code-quality": { type: "permission-level-any", description: "Code quality data." }, contents: { type: "permission-level-any", description: "Repository contents, commits, branches, downloads, releases, and merges." }, "copilot-requests": { type: "permission-level-write-or-no-access", description: "GitHub Copilot requests." }, deployments: { type: "permission-level-any", description: "Deployments and deployment statuses." }, discussions: { type: "permission-level-any", description: "Discussions and related comments and labels." }, drives: { type: "permission-level-any", description: "GitHub Drives persistent workspace storage. Use `read` for checkout and `write` to commit changes." }, "id-token": { type: "permission-level-write-or-no-access", description: "Token to request an OpenID Connect token." }, issues: { type: "permission-level-any", description: "Issues and related comments, assignees, labels, and milestones." }, models: { type: "permission-level-read-or-no-access", description: "Call AI models with GitHub Models." }, packages: { type: "permission-level-any", description: "Packages published to the GitHub Package Platform." }, pages: { type: "permission-level-any", description: "Retrieve Pages statuses, configuration, and builds, as well as create new builds." }, "pull-requests": { type: "permission-level-any", description: "Pull requests and related comments, assignees, labels, milestones, and merges." }, "repository-projects": { type: "permission-level-any", description: "Classic projects within a repository." }, "security-events": { type: "permission-level-any", description: "Code scanning alerts." }, statuses: { type: "permission-level-any", description: "Commit statuses." }, "vulnerability-alerts": { type: "permission-level-read-or-no-access", description: "Dependabot alerts." } } } }, "permission-level-any": { description: "The permission level for the `GITHUB_TOKEN`.", "one-of": ["permission-level-read", "permission-level-write", "permission-level-no-access"] }, "permission-level-read-or-no-access": { "one-of": ["permission-level-read", "permission-level-no-access"] }, "permission-level-write-or-no-access": { "one-of": ["permission-level-write", "permission-level-no-access"] }, "permission-level-read": { description: "The permission level for the `GITHUB_TOKEN`. Grants `read` permission for the specified scope.", string: { constant: "read" } }, "permission-level-write": { description: "The permission level for the `GITHUB_TOKEN`. Grants `write` permission for the specified scope.", string: { constant: "write" } }, "permission-level-no-access": { description: "The permission level for the `GITHUB_TOKEN`. Restricts all access for the specified scope.", string: { constant: "none" } }, "permission-level-shorthand-read-all": { description: "The permission level for the `GITHUB_TOKEN`. Grants `read` access for all scopes.", string: { constant: "read-all" } }, "permission-level-shorthand-write-all": { description: "The permission level for the `GITHUB_TOKEN`. Grants `write` access for all scopes.", string: { constant: "write-all" } }, "workflow-defaults": { description: "Use `defaults` to create a map of default settings that will apply to all jobs in the workflow. You can also set default settings that are only available to a job.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#defaults)", mapping: { properties: { run: "workflow-defaults-run" } } }, "workflow-defaults-run": { mapping: { properties: { shell: "shell", "working-directory": "working-directory" } } }, "workflow-env": { description: "A map of environment variables that are available to the steps of all jobs in the workflow. You can also set environment variables that are only available to the steps of a single job or to a single step.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#env)", context: ["github", "inputs", "vars", "secrets"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, jobs: { description: "A workflow run is made up of one or more `jobs`, which run in parallel by default. To run jobs sequentially, you can define dependencies on other jobs using the `jobs.<job_id>.needs` keyword. Each job runs in a runner environment specified by `runs-on`.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#jobs)", mapping: { "loose-key-type": "job-id", "loose-value-type": "job" } }, "job-id": { string: { "require-non-empty": true }, description: "A unique identifier for the job. The identifier must start with a letter or _ and contain only alphanumeric characters, -, or _." }, job: { description: "Each job must have an id to associate with the job. The key `job_id` is a string and its value is a map of the job's configuration data. You must replace `<job_id>` with a string that is unique to the jobs object. The `<job_id>` must start with a letter or _ and contain only alphanumeric characters, -, or _.", "one-of": ["job-factory", "workflow-job"] }, "job-factory": { mapping: { properties: { needs: "needs", if: "job-if", strategy: "strategy", name: { type: "string-strategy-context", description: "The name of the job displayed on GitHub." }, "runs-on": { type: "runs-on", required: true }, "timeout-minutes": { type: "number-strategy-context", description: "The maximum number of minutes to let a workflow run before GitHub automatically cancels it. Default: 360" }, "cancel-timeout-minutes": "number-strategy-context", "continue-on-error": { type: "boolean-strategy-context", description: "Prevents a workflow run from failing when a job fails. Set to true to allow a workflow run to pass when this job fails." }, container: "container", services: "services", env: "job-env", environment: "job-environment", permissions: "permissions", concurrency: "job-concurrency", outputs: "job-outputs", defaults: "job-defaults", steps: "steps", snapshot: "snapshot" } } }, "workflow-job": { mapping: { properties: { name: { type: "string-strategy-context", description: "The name of the job displayed on GitHub." }, uses: { description: "The location and version of a reusable workflow file to run as a job. Use one of the following formats:\n\n* `{owner}/{repo}/.github/workflows/{filename}@{ref}` for reusable workflows in public and private repositories.\n* `./.github/workflows/{filename}` for reusable workflows in the same repository.\n\n{ref} can be a SHA, a release tag, or a branch name. Using the commit SHA is the safest for stability and security.", type: "non-empty-string", required: true }, with: "workflow-job-with", secrets: "workflow-job-secrets", needs: "needs", if: "job-if", permissions: "permissions", concurrency: "job-concurrency", strategy: "strategy" } } }, "workflow-job-with": { description: "When a job is used to call a reusable workflow, you can use `with` to provide a map of inputs that are passed to the called workflow.\n\nAny inputs that you pass must match the input specifications defined in the called workflow.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "scalar-needs-context" } }, "workflow-job-secrets": { description: "When a job is used to call a reusable workflow, you can use `secrets` to provide a map of secrets that are passed to the called workflow.\n\nAny secrets that you pass must match the names defined in the called workflow.", "one-of": ["workflow-job-secrets-mapping", "workflow-job-secrets-inherit"] }, "workflow-job-secrets-mapping": { mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "scalar-needs-context-with-secrets" } }, "workflow-job-secrets-inherit": { string: { constant: "inherit" } }, needs: { description: "Use `needs` to identify any jobs that must complete successfully before this job will run. It can be a string or array of strings. If a job fails, all jobs that need it are skipped unless the jobs use a conditional expression that causes the job to continue. If a run contains a series of jobs that need each other, a failure applies to all jobs in the dependency chain from the point of failure onwards.", "one-of": ["sequence-of-non-empty-string", "non-empty-string"] }, "job-if": { description: "You can use the `if` conditional to prevent a job from running unless a condition is met. You can use any supported context and expression to create a conditional.", context: ["github", "inputs", "vars", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)"], string: {} }, "job-if-result": { context: ["github", "inputs", "vars", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)"], "one-of": ["null", "boolean", "number", "string", "sequence", "mapping"] }, strategy: { description: "Use `strategy` to use a matrix strategy for your jobs. A matrix strategy lets you use variables in a single job definition to automatically create multiple job runs that are based on the combinations of the variables. ", context: ["github", "inputs", "vars", "needs"], mapping: { properties: { "fail-fast": { type: "boolean", description: "Setting `fail-fast` to `false` prevents GitHub from canceling all in-progress jobs if any matrix job fails. Default: `true`" }, "max-parallel": { type: "number", description: "The maximum number of jobs that can run simultaneously when using a matrix job strategy. By default, GitHub will maximize the number of jobs run in parallel depending on runner availability." }, matrix: "matrix" } } }, matrix: { description: "Use `matrix` to define a matrix of different job configurations. Within your matrix, define one or more variables followed by an array of values.", mapping: { properties: { include: { type: "matrix-filter", description: "Use `include` to expand existing matrix configurations or to add new configurations. The value of `include` is a list of objects.\n\nFor each object in the `include` list, the key:value pairs in the object will be added to each of the matrix combinations if none of the key:value pairs overwrite any of the original matrix values. If the object cannot be added to any of the matrix combinations, a new matrix combination will be created instead. Note that the original matrix values will not be overwritten, but added matrix values can be overwritten." }, exclude: { type: "matrix-filter", description: "To remove specific configurations defined in the matrix, use `exclude`. An excluded configuration only has to be a partial match for it to be excluded." } }, "loose-key-type": "non-empty-string", "loose-value-type": "sequence" } }, "matrix-filter": { sequence: { "item-type": "matrix-filter-item" } }, "matrix-filter-item": { mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, snapshot: { description: "Use `snapshot` to define a custom image you want to create or update after your job succeeds by taking a snapshot of your runner.", "one-of": ["non-empty-string", "snapshot-mapping"] }, "snapshot-mapping": { mapping: { properties: { "image-name": { description: "The desired name of the custom image you want to create or update.", type: "non-empty-string", required: true }, if: "snapshot-if", version: { description: "The desired major version updates upon a new custom image version creation.", type: "non-empty-string" } } } }, "snapshot-if": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], description: "Use the if conditional to prevent a snapshot from being taken unless a condition is met. Any supported context and expression can be used to create a conditional. Expressions in an `if` conditional do not require the bracketed expression syntax. When you use expressions in an `if` conditional, you may omit the expression syntax because GitHub automatically evaluates the `if` conditional as an expression.", string: {} }, "runs-on": { description: "Use `runs-on` to define the type of machine to run the job on.\n* The destination machine can be either a GitHub-hosted runner, larger runner, or a self-hosted runner.\n* You can target runners based on the labels assigned to them, or their group membership, or a combination of these.\n* You can provide `runs-on` as a single string or as an array of strings.\n* If you specify an array of strings, your workflow will execute on any runner that matches all of the specified `runs-on` values.\n* If you would like to run your workflow on multiple machines, use `jobs.<job_id>.strategy`.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["non-empty-string", "sequence-of-non-empty-string", "runs-on-mapping"] }, "runs-on-mapping": { mapping: { properties: { group: { description: "The group from which to select a runner.", type: "non-empty-string" }, labels: "runs-on-labels" } } }, "runs-on-labels": { description: "The label by which to filter for available runners.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "job-env": { description: "A map of variables that are available to all steps in the job.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, "workflow-concurrency": { description: "Concurrency ensures that only a single job or workflow using the same concurrency group will run at a time. A concurrency group can be any string or expression.\n\nYou can also specify `concurrency` at the job level.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#concurrency)", context: ["github", "inputs", "vars"], "one-of": ["string", "concurrency-mapping"] }, "job-concurrency": { description: "Concurrency ensures that only a single job using the same concurrency group will run at a time. A concurrency group can be any string or expression. The expression can use any context except for the `secrets` context.\n\nYou can also specify `concurrency` at the workflow level.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["non-empty-string", "concurrency-mapping"] }, "concurrency-mapping": { description: "Concurrency ensures that only a single job or workflow using the same concurrency group will run at a time. A concurrency group can be any string or expression.\n\nYou can also specify `concurrency` at the job level.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#concurrency)", mapping: { properties: { group: { type: "non-empty-string", required: true, description: "When a concurrent job or workflow is queued, if another job or workflow using the same concurrency group in the repository is in progress, the queued job or workflow will be `pending`. Any previously pending job or workflow in the concurrency group will be canceled. To also cancel any currently running job or workflow in the same concurrency group, specify `cancel-in-progress: true`." }, "cancel-in-progress": { type: "boolean", description: "To cancel any currently running job or workflow in the same concurrency group, specify cancel-in-progress: true." }, queue: { type: "concurrency-queue", description: "The queuing mode for the concurrency group. When set to `max`, workflows or jobs will wait in a queue for the concurrency group up to the maximum queue length. Default: `single` meaning at most one item can be pending." } } } }, "concurrency-queue": { "allowed-values": ["single", "max"] }, "job-environment": { description: "The environment that the job references. All environment protection rules must pass before a job referencing the environment is sent to a runner.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["string", "job-environment-mapping"] }, "job-environment-mapping": { mapping: { properties: { name: { type: "job-environment-name", required: true }, url: { type: "string-runner-context-no-secrets", description: "The environment URL, which maps to `environment_url` in the deployments API." }, deployment: { type: "boolean", description: "Whether to create a deployment record for this environment. Defaults to true." } } } }, "job-environment-name": { description: "The name of the environment used by the job.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], string: {} }, "job-defaults": { description: "A map of default settings that will apply to all steps in the job. You can also set default settings for the entire workflow.", mapping: { properties: { run: "job-defaults-run" } } }, "job-defaults-run": { context: ["github", "inputs", "vars", "strategy", "matrix", "needs", "env"], mapping: { properties: { shell: "shell", "working-directory": "working-directory" } } }, "job-outputs": { description: "A map of outputs for a called workflow. Called workflow outputs are available to all downstream jobs in the caller workflow. Each output has an identifier, an optional `description,` and a `value`. The `value` must be set to the value of an output from a job within the called workflow.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string-runner-context" } }, steps: { description: "A job contains a sequence of tasks called `steps`. Steps can run commands, run setup tasks, run an action in your repository, a public repository, or an action published in a Docker registry, wait for background steps to complete, or cancel a background step. Not all steps run actions, but all actions run as a step. Each step runs in its own process in the runner environment and has access to the workspace and filesystem. Because steps run in their own process, changes to environment variables are not preserved between steps. GitHub provides built-in steps to set up and complete a job.", sequence: { "item-type": "steps-item" } }, "steps-item": { "one-of": ["run-step", "regular-step", "wait-step", "wait-all-step", "cancel-step", "parallel-step"] }, "run-step": { mapping: { properties: { name: "step-name", id: "step-id", if: "step-if", "timeout-minutes": "step-timeout-minutes", run: { type: "string-steps-context", description: "Runs command-line programs using the operating system's shell. If you do not provide a `name`, the step name will default to the text specified in the `run` command. Commands run using non-login shells by default. You can choose a different shell and customize the shell used to run commands. Each `run` keyword represents a new process and shell in the virtual environment. When you provide multi-line commands, each line runs in the same shell.", required: true }, "continue-on-error": "step-continue-on-error", env: "step-env", "working-directory": "string-steps-context", shell: "shell", background: "step-background" } } }, "regular-step": { mapping: { properties: { name: "step-name", id: "step-id", if: "step-if", "continue-on-error": "step-continue-on-error", "timeout-minutes": "step-timeout-minutes", uses: { type: "step-uses", required: true }, with: "step-with", env: "step-env", background: "step-background" } } }, "wait-step": { mapping: { properties: { name: "step-name", id: "step-id", "continue-on-error": "step-continue-on-error", wait: { type: "step-wait-target", required: true } } } }, "wait-all-step": { mapping: { properties: { name: "step-name", id: "step-id", "continue-on-error": "step-continue-on-error", "wait-all": { type: "step-wait-all-value", required: true } } } }, "cancel-step": { mapping: { properties: { name: "step-name", id: "step-id", "continue-on-error": "step-continue-on-error", cancel: { type: "step-cancel-target", required: true } } } }, "parallel-step": { mapping: { properties: { parallel: { type: "parallel-steps", required: true, description: "Run a group of steps concurrently. All steps in the parallel block run as background steps and the workflow waits for all of them to complete before continuing." } } } }, "parallel-steps": { sequence: { "item-type": "steps-item" } }, "step-uses": { description: "Selects an action to run as part of a step in your job. An action is a reusable unit of code. You can use an action defined in the same repository as the workflow, a public repository, a [private repository with access enabled](https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository#allowing-access-to-components-in-a-private-repository), or in a published Docker container image.", string: { "require-non-empty": true } }, "step-background": { boolean: {}, description: "When set to true, runs this step in the background. The workflow continues to the next step immediately without waiting for the background step to finish." }, "step-wait-target": { description: "The step ID or IDs of background steps to wait for.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "step-wait-all-value": { description: "Wait for all prior background steps to complete. Use as a bare key (`wait-all:`) or with a boolean value.", "one-of": ["null", "boolean"] }, "step-cancel-target": { description: "The step ID of a background step to cancel.", string: { "require-non-empty": true } }, "step-continue-on-error": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], boolean: {}, description: "Prevents a job from failing when a step fails. Set to `true` to allow a job to pass when this step fails." }, "step-id": { string: { "require-non-empty": true }, description: "A unique identifier for the step. You can use the `id` to reference the step in contexts." }, "step-if": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)"], description: "Use the `if` conditional to prevent a step from running unless a condition is met. Any supported context and expression can be used to create a conditional. Expressions in an `if` conditional do not require the bracketed expression syntax. When you use expressions in an `if` conditional, you may omit the expression syntax because GitHub automatically evaluates the `if` conditional as an expression.", string: {} }, "step-if-result": { context: ["github", "inputs", "vars", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)"], "one-of": ["null", "boolean", "number", "string", "sequence", "mapping"] }, "step-env": { description: "Sets variables for steps to use in the runner environment. You can also set variables for the entire workflow or a job.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, "step-name": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], string: {}, description: "A name for your step to display on GitHub." }, "step-timeout-minutes": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], number: {}, description: "The maximum number of minutes to run the step before killing the process." }, "step-with": { description: "A map of the input parameters defined by the action. Each input parameter is a key/value pair. Input parameters are set as variables. When you specify an input in a workflow file or use a default input value, GitHub creates a variable for the input with the name `INPUT_<VARIABLE_NAME>`. The variable created converts input names to uppercase letters and replaces spaces with `_`.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, container: { description: "A container to run any steps in a job that don't already specify a container. If you have steps that use both script and container actions, the container actions will run as sibling containers on the same network with the same volume mounts.\n\nIf you do not set a container, all steps will run directly on the host specified by runs-on unless a step refers to an action configured to run in a container.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["string", "container-mapping"] }, "container-mapping": { mapping: { properties: { image: { type: "non-empty-string", description: "Use `jobs.<job_id>.container.image` to define the Docker image to use as the container to run the action. The value can be the Docker Hub image or a registry name." }, options: { type: "string", description: "Use `jobs.<job_id>.container.options` to configure additional Docker container resource options." }, env: "container-env", ports: { type: "sequence-of-non-empty-string", description: "Use `jobs.<job_id>.container.ports` to set an array of ports to expose on the container." }, volumes: { type: "sequence-of-non-empty-string", description: "Use `jobs.<job_id>.container.volumes` to set an array of volumes for the container to use. You can use volumes to share data between services or other steps in a job. You can specify named Docker volumes, anonymous Docker volumes, or bind mounts on the host." }, credentials: "container-registry-credentials" } } }, services: { description: "Additional containers to host services for a job in a workflow. These are useful for creating databases or cache services like redis. The runner on the virtual machine will automatically create a network and manage the life cycle of the service containers. When you use a service container for a job or your step uses container actions, you don't need to set port information to access the service. Docker automatically exposes all ports between containers on the same network. When both the job and the action run in a container, you can directly reference the container by its hostname. The hostname is automatically mapped to the service name. When a step does not use a container action, you must access the service using localhost and bind the ports.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "services-container" } }, "services-container": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["non-empty-string", "service-container-mapping"] }, "container-registry-credentials": { description: "If the image's container registry requires authentication to pull the image, you can use `jobs.<job_id>.container.credentials` to set a map of the username and password. The credentials are the same values that you would provide to the `docker login` command.", context: ["github", "inputs", "vars", "secrets", "env"], mapping: { properties: { username: "non-empty-string", password: "non-empty-string" } } }, "container-env": { description: "Use `jobs.<job_id>.container.env` to set a map of variables in the container.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string-runner-context" } }, "non-empty-string": { string: { "require-non-empty": true } }, "sequence-of-non-empty-string": { sequence: { "item-type": "non-empty-string" } }, "sequence-of-string": { sequence: { "item-type": "string" } }, "boolean-needs-context": { context: ["github", "inputs", "vars", "needs"], boolean: {} }, "number-needs-context": { context: ["github", "inputs", "vars", "needs"], number: {} }, "string-needs-context": { context: ["github", "inputs", "vars", "needs"], string: {} }, "scalar-needs-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["string", "boolean", "number"] }, "scalar-needs-context-with-secrets": { context: ["github", "inputs", "vars", "needs", "secrets", "strategy", "matrix"], "one-of": ["string", "boolean", "number"] }, "boolean-strategy-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], boolean: {} }, "number-strategy-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], number: {} }, "string-strategy-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], string: {} }, "boolean-steps-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], boolean: {} }, "number-steps-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], number: {} }, "string-runner-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env"], string: {} }, "string-runner-context-no-secrets": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env"], string: {} }, "string-steps-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], string: {} }, shell: { string: { "require-non-empty": true }, description: "Use `shell` to override the default shell settings in the runner's operating system. You can use built-in shell keywords, or you can define a custom set of shell options. The shell command that is run internally executes a temporary file that contains the commands specified in `run`." }, "working-directory": { string: { "require-non-empty": true }, description: "The `working-directory` keyword specifies the working directory where the command is run." }, "cron-mapping": { mapping: { properties: { cron: { type: "cron-pattern", required: true }, timezone: "timezone-string" } } }, "cron-pattern": { description: "A cron expression that represents a schedule. A scheduled workflow will run at most once every 5 minutes.", string: { "require-non-empty": true } }, "timezone-string": { description: "A string that represents the time zone a scheduled workflow will run relative to in IANA format (e.g. 'America/New_York' or 'Europe/London'). If omitted, the workflow will run relative to midnight UTC.", string: { "require-non-empty": true } }, "service-container-mapping": { mapping: { properties: { image: { type: "non-empty-string", description: "The Docker image to use as the container. The value can be the Docker Hub image or a registry name." }, options: { type: "string", description: "Additional Docker container resource options." }, env: "container-env", ports: { type: "sequence-of-non-empty-string", description: "An array of ports to expose on the container." }, volumes: { type: "sequence-of-non-empty-string", description: "An array of volumes for the container to use. You can use volumes to share data between services or other steps in a job. You can specify named Docker volumes, anonymous Docker volumes, or bind mounts on the host." }, credentials: "container-registry-credentials", entrypoint: { type: "string", description: "Override the default ENTRYPOINT in the service container image." }, command: { type: "string", description: "Override the default CMD in the service container image." } } } } } };

// node_modules/@actions/workflow-parser/dist/workflows/workflow-schema.js
var schema;
function getWorkflowSchema() {
  if (schema === void 0) {
    const json = JSON.stringify(workflow_v1_0_min_default);
    schema = TemplateSchema.load(new JSONObjectReader(void 0, json));
  }
  return schema;
}

// node_modules/@actions/workflow-parser/dist/workflows/yaml-object-reader.js
var import_yaml4 = __toESM(require_dist(), 1);
var YamlObjectReader = class _YamlObjectReader {
  constructor(fileId, content) {
    this.lineCounter = new import_yaml4.LineCounter();
    this.errors = [];
    this.doc = (0, import_yaml4.parseDocument)(content, {
      lineCounter: this.lineCounter,
      keepSourceTokens: true,
      uniqueKeys: false
      // Uniqueness is validated by the template reader
    });
    for (const err of this.doc.errors) {
      this.errors.push({ message: err.message, range: rangeFromLinePos(err.linePos) });
    }
    this._generator = this.getNodes(this.doc, /* @__PURE__ */ new Set());
    this.fileId = fileId;
  }
  *getNodes(node, aliasResolutionStack) {
    let range = this.getRange(node);
    if ((0, import_yaml4.isDocument)(node)) {
      yield new ParseEvent(EventType.DocumentStart);
      for (const item of this.getNodes(node.contents, /* @__PURE__ */ new Set())) {
        yield item;
      }
      yield new ParseEvent(EventType.DocumentEnd);
    }
    if ((0, import_yaml4.isCollection)(node)) {
      if ((0, import_yaml4.isSeq)(node)) {
        yield new ParseEvent(EventType.SequenceStart, new SequenceToken(this.fileId, range, void 0));
      } else if ((0, import_yaml4.isMap)(node)) {
        yield new ParseEvent(EventType.MappingStart, new MappingToken(this.fileId, range, void 0));
      }
      for (const item of node.items) {
        for (const child of this.getNodes(item, aliasResolutionStack)) {
          yield child;
        }
      }
      if ((0, import_yaml4.isSeq)(node)) {
        yield new ParseEvent(EventType.SequenceEnd);
      } else if ((0, import_yaml4.isMap)(node)) {
        yield new ParseEvent(EventType.MappingEnd);
      }
    }
    if ((0, import_yaml4.isScalar)(node)) {
      yield new ParseEvent(EventType.Literal, _YamlObjectReader.getLiteralToken(this.fileId, range, node));
    }
    if ((0, import_yaml4.isAlias)(node)) {
      const resolved = node.resolve(this.doc);
      if (resolved) {
        if (aliasResolutionStack.has(resolved)) {
          return;
        }
        const newStack = new Set(aliasResolutionStack);
        newStack.add(resolved);
        yield* this.getNodes(resolved, newStack);
      }
      return;
    }
    if ((0, import_yaml4.isPair)(node)) {
      const scalarKey = node.key;
      range = this.getRange(scalarKey);
      const key = scalarKey.value;
      yield new ParseEvent(EventType.Literal, new StringToken(this.fileId, range, key, void 0));
      for (const child of this.getNodes(node.value, aliasResolutionStack)) {
        yield child;
      }
    }
  }
  getRange(node) {
    const range = node?.range ?? [];
    const startPos = range[0];
    const endPos = range[1];
    if (startPos !== void 0 && endPos !== void 0) {
      const slp = this.lineCounter.linePos(startPos);
      const elp = this.lineCounter.linePos(endPos);
      return {
        start: { line: slp.line, column: slp.col },
        end: { line: elp.line, column: elp.col }
      };
    }
    return void 0;
  }
  static getLiteralToken(fileId, range, token) {
    const value = token.value;
    if (value === null || value === void 0) {
      return new NullToken(fileId, range, void 0);
    }
    switch (typeof value) {
      case "number":
        return new NumberToken(fileId, range, value, void 0);
      case "boolean":
        return new BooleanToken(fileId, range, value, void 0);
      case "string": {
        let source;
        let blockScalarHeader;
        if (token.srcToken && "source" in token.srcToken) {
          source = token.srcToken.source;
          if (token.srcToken.type === "block-scalar" && "props" in token.srcToken) {
            const props = token.srcToken.props;
            const headerProp = props.find((p) => p.type === "block-scalar-header");
            if (headerProp?.source) {
              blockScalarHeader = headerProp.source;
            }
          }
        }
        return new StringToken(fileId, range, value, void 0, source, blockScalarHeader);
      }
      default:
        throw new Error(`Unexpected value type '${typeof value}' when reading object`);
    }
  }
  allowLiteral() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.Literal) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  allowMappingStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowMappingEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  validateEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentEnd) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected end of reader");
  }
  validateStart() {
    if (!this._current) {
      this._current = this._generator.next();
    }
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentStart) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected start of reader");
  }
};
function rangeFromLinePos(linePos) {
  if (linePos === void 0) {
    return;
  }
  const start = { line: linePos[0].line, column: linePos[0].col };
  const end = linePos.length == 2 ? { line: linePos[1].line, column: linePos[1].col } : start;
  return { start, end };
}

// node_modules/@actions/workflow-parser/dist/workflows/workflow-parser.js
function parseWorkflow(entryFile, contextOrTrace) {
  const context = contextOrTrace instanceof TemplateContext ? contextOrTrace : new TemplateContext(new TemplateValidationErrors(), getWorkflowSchema(), contextOrTrace);
  const fileId = context.getFileId(entryFile.name);
  const reader = new YamlObjectReader(fileId, entryFile.content);
  if (reader.errors.length > 0) {
    for (const err of reader.errors) {
      context.error(fileId, err.message, err.range);
    }
    return {
      context,
      value: void 0
    };
  }
  const result = readTemplate(context, WORKFLOW_ROOT, reader, fileId);
  return {
    context,
    value: result
  };
}

// node_modules/@actions/workflow-parser/dist/model/converter/concurrency.js
function convertConcurrency(context, token) {
  const result = {};
  if (token.isExpression) {
    return result;
  }
  if (isString(token)) {
    result.group = token;
    return result;
  }
  const concurrencyProperty = token.assertMapping("concurrency group");
  for (const property of concurrencyProperty) {
    const propertyName = property.key.assertString("concurrency group key");
    if (property.key.isExpression || property.value.isExpression) {
      continue;
    }
    switch (propertyName.value) {
      case "group":
        result.group = property.value.assertString("concurrency group");
        break;
      case "cancel-in-progress":
        result.cancelInProgress = property.value.assertBoolean("cancel-in-progress").value;
        break;
      case "queue":
        result.queue = property.value.assertString("queue").value;
        break;
      default:
        context.error(propertyName, `Invalid property name: ${propertyName.value}`);
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/cron.js
var import_cronstrue = __toESM(require_cronstrue(), 1);

// node_modules/@actions/workflow-parser/dist/model/converter/cron-constants.js
var MONTHS = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12
};
var DAYS = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6
};
var MINUTE_RANGE = { min: 0, max: 59 };
var HOUR_RANGE = { min: 0, max: 23 };
var DOM_RANGE = { min: 1, max: 31 };
var MONTH_RANGE = { min: 1, max: 12, names: MONTHS };
var DOW_RANGE = { min: 0, max: 6, names: DAYS };

// node_modules/@actions/workflow-parser/dist/model/converter/cron.js
function isValidCron(cron) {
  const parts = cron.split(/ +/);
  if (parts.length != 5) {
    return false;
  }
  const [minutes2, hours, dom, months, dow] = parts;
  return validateCronPart(minutes2, MINUTE_RANGE) && validateCronPart(hours, HOUR_RANGE) && validateCronPart(dom, DOM_RANGE) && validateCronPart(months, MONTH_RANGE) && validateCronPart(dow, DOW_RANGE);
}
function validateCronPart(value, range, allowSeparators = true) {
  if (range.names && range.names[value.toLowerCase()] !== void 0) {
    return true;
  }
  if (value === "*") {
    return true;
  }
  if (value.includes(",")) {
    if (!allowSeparators) {
      return false;
    }
    return value.split(",").every((v) => v && validateCronPart(v, range));
  }
  if (value.includes("/")) {
    if (!allowSeparators) {
      return false;
    }
    const [start, step, ...rest] = value.split("/");
    const stepNumber = +step;
    if (rest.length > 0 || isNaN(stepNumber) || stepNumber <= 0 || !start || !step) {
      return false;
    }
    return validateCronPart(start, range) && validateCronPart(step, range, false);
  }
  if (value.includes("-")) {
    if (!allowSeparators) {
      return false;
    }
    const [start, end, ...rest] = value.split("-");
    if (rest.length > 0 || !start || !end) {
      return false;
    }
    const startNumber = convertToNumber(start, range.names);
    const endNumber = convertToNumber(end, range.names);
    return validateCronPart(start, range, false) && validateCronPart(end, range, false) && endNumber >= startNumber;
  }
  const number2 = +value;
  return !isNaN(number2) && number2 >= range.min && number2 <= range.max;
}
function convertToNumber(value, names2) {
  if (names2 && names2[value.toLowerCase()] !== void 0) {
    return +names2[value.toLowerCase()];
  } else {
    return +value;
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/string-list.js
function convertStringList(name, token) {
  const result = [];
  for (const item of token) {
    result.push(item.assertString(`${name} item`).value);
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/workflow-template.js
var InputType;
(function(InputType2) {
  InputType2["string"] = "string";
  InputType2["choice"] = "choice";
  InputType2["boolean"] = "boolean";
  InputType2["environment"] = "environment";
})(InputType || (InputType = {}));

// node_modules/@actions/workflow-parser/dist/model/converter/workflow-call.js
function convertEventWorkflowCall(context, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "inputs":
        result.inputs = convertWorkflowInputs(context, item.value.assertMapping("workflow dispatch inputs"));
        break;
      case "secrets":
        result.secrets = convertWorkflowCallSecrets(context, item.value.assertMapping("workflow dispatch inputs"));
        break;
      case "outputs":
        break;
    }
  }
  return result;
}
function convertWorkflowInputs(context, token) {
  const result = {};
  for (const item of token) {
    const inputName = item.key.assertString("input name");
    const inputMapping = item.value.assertMapping("input configuration");
    result[inputName.value] = convertWorkflowInput(context, inputMapping);
  }
  return result;
}
function convertWorkflowInput(context, token) {
  const result = {
    type: InputType.string
    // Default to string
  };
  let defaultValue;
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "description":
        result.description = item.value.assertString("input description").value;
        break;
      case "required":
        result.required = item.value.assertBoolean("input required").value;
        break;
      case "default":
        defaultValue = item.value.assertScalar("input default");
        break;
      case "type":
        result.type = InputType[item.value.assertString("input type").value];
        break;
      case "options":
        result.options = convertStringList("input options", item.value.assertSequence("input options"));
        break;
      default:
        context.error(item.key, `Invalid key '${key.value}'`);
    }
  }
  if (defaultValue !== void 0 && !defaultValue.isExpression) {
    try {
      switch (result.type) {
        case InputType.boolean:
          result.default = defaultValue.assertBoolean("input default").value;
          break;
        case InputType.string:
        case InputType.choice:
        case InputType.environment:
          result.default = defaultValue.assertString("input default").value;
          break;
      }
    } catch (e) {
      context.error(defaultValue, e);
    }
  }
  if (result.type === InputType.choice) {
    if (result.options === void 0 || result.options.length === 0) {
      context.error(token, "Missing 'options' for choice input");
    }
  } else {
    if (result.options !== void 0) {
      context.error(token, "Input type is not 'choice', but 'options' is defined");
    }
  }
  return result;
}
function convertWorkflowCallSecrets(context, token) {
  const result = {};
  for (const item of token) {
    const secretName = item.key.assertString("secret name");
    result[secretName.value] = convertWorkflowCallSecret(context, item.value);
  }
  return result;
}
function convertWorkflowCallSecret(context, token) {
  const result = {};
  if (isMapping(token)) {
    for (const item of token) {
      const key = item.key.assertString("workflow call secret key");
      switch (key.value) {
        case "description":
          result.description = item.value.assertString("secret description").value;
          break;
        case "required":
          result.required = item.value.assertBoolean("secret required").value;
          break;
      }
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/workflow-dispatch.js
function convertEventWorkflowDispatchInputs(context, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "inputs":
        result.inputs = convertWorkflowDispatchInputs(context, item.value.assertMapping("workflow dispatch inputs"));
        break;
    }
  }
  return result;
}
function convertWorkflowDispatchInputs(context, token) {
  const result = {};
  for (const item of token) {
    const inputName = item.key.assertString("input name");
    const inputMapping = item.value.assertMapping("input configuration");
    result[inputName.value] = convertWorkflowDispatchInput(context, inputMapping);
  }
  return result;
}
function convertWorkflowDispatchInput(context, token) {
  const result = {
    type: InputType.string
    // Default to string
  };
  let defaultValue;
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "description":
        result.description = item.value.assertString("input description").value;
        break;
      case "required":
        result.required = item.value.assertBoolean("input required").value;
        break;
      case "default":
        defaultValue = item.value.assertScalar("input default");
        break;
      case "type":
        result.type = InputType[item.value.assertString("input type").value];
        break;
      case "options":
        result.options = convertStringList("input options", item.value.assertSequence("input options"));
        break;
      default:
        context.error(item.key, `Invalid key '${key.value}'`);
    }
  }
  if (defaultValue !== void 0) {
    try {
      switch (result.type) {
        case InputType.boolean:
          result.default = defaultValue.assertBoolean("input default").value;
          break;
        case InputType.string:
        case InputType.choice:
        case InputType.environment:
          result.default = defaultValue.assertString("input default").value;
          break;
      }
    } catch (e) {
      context.error(defaultValue, e);
    }
  }
  if (result.type === InputType.choice) {
    if (result.options === void 0 || result.options.length === 0) {
      context.error(token, "Missing 'options' for choice input");
    }
  } else {
    if (result.options !== void 0) {
      context.error(token, "Input type is not 'choice', but 'options' is defined");
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/events.js
function convertOn(context, token) {
  if (isLiteral(token)) {
    const event = token.assertString("on");
    return {
      [event.value]: {}
    };
  }
  if (isSequence(token)) {
    const result = {};
    for (const item of token) {
      const event = item.assertString("on");
      result[event.value] = {};
    }
    return result;
  }
  if (isMapping(token)) {
    const result = {};
    for (const item of token) {
      const eventKey = item.key.assertString("event name");
      const eventName = eventKey.value;
      if (item.value.templateTokenType === TokenType.Null) {
        result[eventName] = {};
        continue;
      }
      if (eventName === "schedule") {
        const scheduleToken = item.value.assertSequence(`event ${eventName}`);
        result.schedule = convertSchedule(context, scheduleToken);
        continue;
      }
      const eventToken = item.value.assertMapping(`event ${eventName}`);
      if (eventName === "workflow_call") {
        result.workflow_call = convertEventWorkflowCall(context, eventToken);
        continue;
      }
      if (eventName === "workflow_dispatch") {
        result.workflow_dispatch = convertEventWorkflowDispatchInputs(context, eventToken);
        continue;
      }
      result[eventName] = {
        ...convertPatternFilter("branches", eventToken),
        ...convertPatternFilter("tags", eventToken),
        ...convertPatternFilter("paths", eventToken),
        ...convertFilter("types", eventToken),
        ...convertFilter("versions", eventToken),
        ...convertFilter("names", eventToken),
        ...convertFilter("workflows", eventToken)
      };
    }
    return result;
  }
  context.error(token, "Invalid format for 'on'");
  return {};
}
function convertPatternFilter(name, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString(`${name} filter key`);
    switch (key.value) {
      case name:
        if (isString(item.value)) {
          result[name] = [item.value.value];
        } else {
          result[name] = convertStringList(name, item.value.assertSequence(`${name} list`));
        }
        break;
      case `${name}-ignore`:
        if (isString(item.value)) {
          result[`${name}-ignore`] = [item.value.value];
        } else {
          result[`${name}-ignore`] = convertStringList(`${name}-ignore`, item.value.assertSequence(`${name}-ignore list`));
        }
        break;
    }
  }
  return result;
}
function convertFilter(name, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString(`${name} filter key`);
    switch (key.value) {
      case name:
        if (isString(item.value)) {
          result[name] = [item.value.value];
        } else {
          result[name] = convertStringList(name, item.value.assertSequence(`${name} list`));
        }
        break;
    }
  }
  return result;
}
function convertSchedule(context, token) {
  const result = [];
  for (const item of token) {
    const mappingToken = item.assertMapping(`event schedule`);
    const config = { cron: "" };
    let valid = true;
    for (const entry of mappingToken) {
      const key = entry.key.assertString(`schedule key`);
      if (key.value === "cron") {
        const cron = entry.value.assertString(`schedule cron`);
        if (!isValidCron(cron.value)) {
          context.error(cron, "Invalid cron expression. Expected format: '* * * * *' (minute hour day month weekday)");
        }
        config.cron = cron.value;
      } else if (key.value === "timezone") {
        const timezone = entry.value.assertString(`schedule timezone`);
        config.timezone = timezone.value;
      } else {
        context.error(key, `Invalid schedule key`);
        valid = false;
      }
    }
    if (valid && config.cron) {
      result.push(config);
    } else if (valid && !config.cron) {
      context.error(mappingToken, "Missing required key 'cron' in schedule entry");
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/handle-errors.js
function handleTemplateTokenErrors(root, context, defaultValue, f) {
  let r = defaultValue;
  try {
    r = f();
  } catch (err) {
    if (err instanceof TemplateTokenError) {
      context.error(err.token, err);
    } else {
      context.error(root, err);
    }
  }
  return r;
}

// node_modules/@actions/workflow-parser/dist/model/converter/if-condition.js
function ensureStatusFunction(condition, definitionInfo) {
  const allowedContext = definitionInfo?.allowedContext || [];
  try {
    const { namedContexts, functions } = splitAllowedContext(allowedContext);
    const lexer = new Lexer(condition);
    const result = lexer.lex();
    const parser = new Parser(result.tokens, namedContexts, functions);
    const tree = parser.parse();
    if (walkTreeToFindStatusFunctionCalls(tree)) {
      return condition;
    }
    return `success() && (${condition})`;
  } catch {
    return condition;
  }
}
function convertToIfCondition(context, token) {
  const scalar = token.assertScalar("if condition");
  const allowedContext = token.definitionInfo?.allowedContext || [];
  let condition;
  let source;
  if (scalar instanceof BasicExpressionToken) {
    condition = scalar.expression;
    source = scalar.source;
  } else {
    const stringToken = scalar.assertString("if condition");
    condition = stringToken.value.trim();
    source = stringToken.source;
  }
  let finalCondition;
  if (!condition) {
    finalCondition = "success()";
  } else {
    finalCondition = ensureStatusFunction(condition, token.definitionInfo);
  }
  try {
    ExpressionToken.validateExpression(finalCondition, allowedContext);
  } catch (err) {
    context.error(token, err);
    return void 0;
  }
  return new BasicExpressionToken(token.file, token.range, finalCondition, token.definitionInfo, void 0, source);
}
function walkTreeToFindStatusFunctionCalls(tree) {
  if (!tree) {
    return false;
  }
  if (tree instanceof FunctionCall) {
    const funcName = tree.functionName.lexeme.toLowerCase();
    if (funcName === "success" || funcName === "failure" || funcName === "cancelled" || funcName === "always") {
      return true;
    }
    return tree.args.some((arg) => walkTreeToFindStatusFunctionCalls(arg));
  }
  if (tree instanceof Binary) {
    return walkTreeToFindStatusFunctionCalls(tree.left) || walkTreeToFindStatusFunctionCalls(tree.right);
  }
  if (tree instanceof Unary) {
    return walkTreeToFindStatusFunctionCalls(tree.expr);
  }
  if (tree instanceof Logical) {
    return tree.args.some((arg) => walkTreeToFindStatusFunctionCalls(arg));
  }
  if (tree instanceof Grouping) {
    return walkTreeToFindStatusFunctionCalls(tree.group);
  }
  if (tree instanceof IndexAccess) {
    return walkTreeToFindStatusFunctionCalls(tree.expr) || walkTreeToFindStatusFunctionCalls(tree.index);
  }
  return false;
}

// node_modules/@actions/workflow-parser/dist/model/converter/container.js
function convertToJobContainer(context, container) {
  let image;
  let env;
  let ports;
  let volumes;
  let options;
  for (const [, token] of TemplateToken.traverse(container)) {
    if (token.isExpression) {
      return;
    }
  }
  if (isString(container)) {
    image = container.assertString("container item");
    return { image };
  }
  const mapping = container.assertMapping("container item");
  if (mapping)
    for (const item of mapping) {
      const key = item.key.assertString("container item key");
      const value = item.value;
      switch (key.value) {
        case "image":
          image = value.assertString("container image");
          break;
        case "credentials":
          convertToJobCredentials(context, value);
          break;
        case "env":
          env = value.assertMapping("container env");
          for (const envItem of env) {
            envItem.key.assertString("container env value");
          }
          break;
        case "ports":
          ports = value.assertSequence("container ports");
          for (const port of ports) {
            port.assertString("container port");
          }
          break;
        case "volumes":
          volumes = value.assertSequence("container volumes");
          for (const volume of volumes) {
            volume.assertString("container volume");
          }
          break;
        case "options":
          options = value.assertString("container options");
          break;
        default:
          context.error(key, `Unexpected container item key: ${key.value}`);
      }
    }
  if (!image) {
    context.error(container, "Container image cannot be empty");
  } else {
    return { image, env, ports, volumes, options };
  }
}
function convertToServiceContainer(context, container) {
  let image;
  let env;
  let ports;
  let volumes;
  let options;
  let entrypoint;
  let command;
  for (const [, token] of TemplateToken.traverse(container)) {
    if (token.isExpression) {
      return;
    }
  }
  if (isString(container)) {
    image = container.assertString("container item");
    return { image };
  }
  const mapping = container.assertMapping("container item");
  if (mapping)
    for (const item of mapping) {
      const key = item.key.assertString("container item key");
      const value = item.value;
      switch (key.value) {
        case "image":
          image = value.assertString("container image");
          break;
        case "credentials":
          convertToJobCredentials(context, value);
          break;
        case "env":
          env = value.assertMapping("container env");
          for (const envItem of env) {
            envItem.key.assertString("container env value");
          }
          break;
        case "ports":
          ports = value.assertSequence("container ports");
          for (const port of ports) {
            port.assertString("container port");
          }
          break;
        case "volumes":
          volumes = value.assertSequence("container volumes");
          for (const volume of volumes) {
            volume.assertString("container volume");
          }
          break;
        case "options":
          options = value.assertString("container options");
          break;
        case "entrypoint":
          entrypoint = value.assertString("container entrypoint");
          break;
        case "command":
          command = value.assertString("container command");
          break;
        default:
          context.error(key, `Unexpected container item key: ${key.value}`);
      }
    }
  if (!image) {
    context.error(container, "Container image cannot be empty");
  } else {
    return { image, env, ports, volumes, options, entrypoint, command };
  }
}
function convertToJobServices(context, services) {
  const serviceList = [];
  const mapping = services.assertMapping("services");
  for (const service of mapping) {
    service.key.assertString("service key");
    const container = convertToServiceContainer(context, service.value);
    if (container) {
      serviceList.push(container);
    }
  }
  return serviceList;
}
function convertToJobCredentials(context, value) {
  const mapping = value.assertMapping("credentials");
  let username;
  let password;
  for (const item of mapping) {
    const key = item.key.assertString("credentials item");
    const value2 = item.value;
    switch (key.value) {
      case "username":
        username = value2.assertString("credentials username");
        break;
      case "password":
        password = value2.assertString("credentials password");
        break;
      default:
        context.error(key, `credentials key ${key.value}`);
    }
  }
  return { username, password };
}

// node_modules/@actions/workflow-parser/dist/model/converter/id-builder.js
var SEPARATOR = "_";
var MAX_ATTEMPTS = 1e3;
var MAX_LENGTH = 100;
var IdBuilder = class {
  constructor() {
    this.name = [];
    this.distinctNames = /* @__PURE__ */ new Set();
  }
  appendSegment(value) {
    if (value.length === 0) {
      return;
    }
    if (this.name.length == 0) {
      const first = value[0];
      if (this.isAlpha(first) || first == "_") {
      } else if (this.isNumeric(first) || first == "-") {
        this.name.push("_");
      } else {
      }
    } else {
      this.name.push(SEPARATOR);
    }
    for (const c of value) {
      {
        if (this.isAlphaNumeric(c) || c == "_" || c == "-") {
          this.name.push(c);
        } else {
          this.name.push(SEPARATOR);
        }
      }
    }
  }
  build() {
    const original = this.name.length > 0 ? this.name.join("") : "job";
    let suffix = "";
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt === 1) {
        suffix = "";
      } else {
        suffix = `_${attempt}`;
      }
      const candidate = original.substring(0, Math.min(original.length, MAX_LENGTH - suffix.length)) + suffix;
      if (!this.distinctNames.has(candidate)) {
        this.distinctNames.add(candidate);
        this.name = [];
        return candidate;
      }
    }
    throw new Error("Unable to create a unique name");
  }
  /**
   * Adds a known identifier to the set of distinct ids.
   * @param value The value to add
   * @returns An error if the value is invalid, otherwise undefined
   */
  tryAddKnownId(value) {
    if (!value || !this.isValid(value) || value.length >= MAX_LENGTH) {
      return `The identifier '${value}' is invalid. IDs may only contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_' and and must be less than ${MAX_LENGTH} characters.`;
    }
    if (value.startsWith(SEPARATOR + SEPARATOR)) {
      return `The identifier '${value}' is invalid. IDs starting with '__' are reserved.`;
    }
    if (this.distinctNames.has(value)) {
      return `The identifier '${value}' may not be used more than once within the same scope.`;
    }
    this.distinctNames.add(value);
    return;
  }
  /**
   * A name is valid if it starts with a letter or underscore, and contains only
   * letters, numbers, underscores, and hyphens.
   * @param name The string name to validate
   * @returns Whether the name is valid
   */
  isValid(name) {
    let first = true;
    for (const c of name) {
      if (first) {
        first = false;
        if (!this.isAlpha(c) && c != "_") {
          return false;
        }
        continue;
      }
      if (!this.isAlphaNumeric(c) && c != "_" && c != "-") {
        return false;
      }
    }
    return true;
  }
  isAlphaNumeric(c) {
    return this.isAlpha(c) || this.isNumeric(c);
  }
  isNumeric(c) {
    return c >= "0" && c <= "9";
  }
  isAlpha(c) {
    return c >= "a" && c <= "z" || c >= "A" && c <= "Z";
  }
};

// node_modules/@actions/workflow-parser/dist/model/converter/job/environment.js
function convertToActionsEnvironmentRef(context, token) {
  const result = {};
  if (token.isExpression) {
    return result;
  }
  if (isScalar2(token)) {
    result.name = token;
    return result;
  }
  const environmentMapping = token.assertMapping("job environment");
  for (const property of environmentMapping) {
    const propertyName = property.key.assertString("job environment key");
    if (property.key.isExpression || property.value.isExpression) {
      continue;
    }
    switch (propertyName.value) {
      case "name":
        result.name = property.value.assertScalar("job environment name key");
        break;
      case "url":
        result.url = property.value;
        break;
      case "deployment": {
        const deploymentValue = property.value.assertBoolean("job environment deployment");
        if (deploymentValue.value === false) {
          result.skipDeployment = true;
        }
        break;
      }
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/job/runs-on.js
function convertRunsOn(context, token) {
  const labels = convertRunsOnLabels(token);
  if (!isMapping(token)) {
    return {
      labels,
      group: ""
    };
  }
  let group = "";
  for (const item of token) {
    const key = item.key.assertString("job runs-on property name");
    switch (key.value) {
      case "group": {
        if (item.value.isExpression) {
          continue;
        }
        const groupName = item.value.assertString("job runs-on group name").value;
        const names2 = groupName.split("/");
        switch (names2.length) {
          case 1: {
            group = groupName;
            break;
          }
          case 2: {
            if (!["org", "organization", "ent", "enterprise"].includes(names2[0])) {
              context.error(item.value, `Invalid runs-on group name '${groupName}. Please use 'organization/' or 'enterprise/' prefix to target a single runner group.'`);
              continue;
            }
            if (!names2[1]) {
              context.error(item.value, `Invalid runs-on group name '${groupName}'.`);
              continue;
            }
            group = groupName;
            break;
          }
          default: {
            context.error(item.value, `Invalid runs-on group name '${groupName}. Please use 'organization/' or 'enterprise/' prefix to target a single runner group.'`);
            break;
          }
        }
        break;
      }
      case "labels": {
        const mapLabels = convertRunsOnLabels(item.value);
        for (const label2 of mapLabels) {
          labels.add(label2);
        }
        break;
      }
    }
  }
  return {
    labels,
    group
  };
}
function convertRunsOnLabels(token) {
  const labels = /* @__PURE__ */ new Set();
  if (token.isExpression) {
    return labels;
  }
  if (isString(token)) {
    labels.add(token.value);
    return labels;
  }
  if (isSequence(token)) {
    for (const item of token) {
      if (item.isExpression) {
        continue;
      }
      const label2 = item.assertString("job runs-on label sequence item");
      labels.add(label2.value);
    }
  }
  return labels;
}

// node_modules/@actions/workflow-parser/dist/model/type-guards.js
function isActionStep(step) {
  return step.uses !== void 0;
}
function isReusableWorkflowJob(job) {
  return job.type === "reusableWorkflowJob";
}

// node_modules/@actions/workflow-parser/dist/model/converter/steps.js
function convertSteps(context, steps) {
  if (!isSequence(steps)) {
    context.error(steps, "Invalid format for steps");
    return [];
  }
  const idBuilder = new IdBuilder();
  const knownStepIds = /* @__PURE__ */ new Set();
  const result = [];
  for (const item of steps) {
    const step = handleTemplateTokenErrors(steps, context, void 0, () => convertStep(context, idBuilder, knownStepIds, item));
    if (step) {
      result.push(step);
    }
  }
  for (const step of result) {
    if (step.id) {
      continue;
    }
    let id = "";
    if (isActionStep(step)) {
      id = createActionStepId(step);
    } else if ("wait" in step) {
      id = "wait";
    } else if ("wait-all" in step) {
      id = "wait-all";
    } else if ("cancel" in step) {
      id = "cancel";
    } else if ("parallel" in step) {
      id = "parallel";
    }
    if (!id) {
      id = "run";
    }
    idBuilder.appendSegment(`__${id}`);
    step.id = idBuilder.build();
  }
  return result;
}
function convertStep(context, idBuilder, knownStepIds, step) {
  const mapping = step.assertMapping("steps item");
  let run;
  let id;
  let name;
  let uses;
  let background;
  let wait;
  let waitAll;
  let cancel;
  let parallel;
  let continueOnError;
  let env;
  let ifCondition;
  for (const item of mapping) {
    const key = item.key.assertString("steps item key");
    switch (key.value) {
      case "id":
        id = item.value.assertString("steps item id");
        if (id) {
          const error = idBuilder.tryAddKnownId(id.value);
          if (error) {
            context.error(id, error);
          } else {
            knownStepIds.add(id.value);
          }
        }
        break;
      case "name":
        name = item.value.assertScalar("steps item name");
        break;
      case "run":
        run = item.value.assertScalar("steps item run");
        break;
      case "uses":
        uses = item.value.assertString("steps item uses");
        break;
      case "background":
        background = item.value.assertBoolean("steps item background").value;
        break;
      case "wait":
        wait = convertWaitTargets(context, knownStepIds, item.value, id);
        break;
      case "wait-all":
        waitAll = convertWaitAllValue(context, item.value);
        break;
      case "cancel":
        cancel = item.value.assertString("steps item cancel");
        validateTargetStepId(context, knownStepIds, cancel, id);
        break;
      case "parallel":
        parallel = item.value;
        break;
      case "env":
        env = item.value.assertMapping("step env");
        break;
      case "if":
        ifCondition = convertToIfCondition(context, item.value);
        break;
      case "continue-on-error":
        if (!item.value.isExpression) {
          continueOnError = item.value.assertBoolean("steps item continue-on-error").value;
        } else {
          continueOnError = item.value.assertScalar("steps item continue-on-error");
        }
    }
  }
  if (run) {
    return {
      id: id?.value || "",
      name,
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      "continue-on-error": continueOnError,
      env,
      run,
      background
    };
  }
  if (uses) {
    return {
      id: id?.value || "",
      name,
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      "continue-on-error": continueOnError,
      env,
      uses,
      background
    };
  }
  if (wait) {
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Wait"),
      "continue-on-error": continueOnError,
      wait
    };
  }
  if (waitAll !== void 0) {
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Wait for all"),
      "continue-on-error": continueOnError,
      "wait-all": waitAll
    };
  }
  if (cancel) {
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Cancel"),
      "continue-on-error": continueOnError,
      cancel
    };
  }
  if (parallel) {
    const parallelSteps = convertSteps(context, parallel);
    for (const ps of parallelSteps) {
      if ("background" in ps && ps.background !== void 0) {
        context.error(step, "'background' is not allowed inside a parallel block. Steps in a parallel block are automatically run as background steps.");
      }
      if ("wait" in ps) {
        context.error(step, "'wait' is not allowed inside a parallel block.");
      }
      if ("wait-all" in ps) {
        context.error(step, "'wait-all' is not allowed inside a parallel block.");
      }
      if ("cancel" in ps) {
        context.error(step, "'cancel' is not allowed inside a parallel block.");
      }
      if ("parallel" in ps) {
        context.error(step, "Nested 'parallel' blocks are not allowed.");
      }
    }
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Parallel group"),
      parallel: parallelSteps
    };
  }
  context.error(step, context.state.featureFlags?.isEnabled("allowBackgroundSteps") ? "Expected one of uses, run, wait, wait-all, cancel, or parallel to be defined" : "Expected one of uses or run to be defined");
}
function createActionStepId(step) {
  const uses = step.uses.value;
  if (uses.startsWith("docker://")) {
    return uses.substring("docker://".length);
  }
  if (uses.startsWith("./") || uses.startsWith(".\\")) {
    return "self";
  }
  if (uses.startsWith("$/")) {
    return "self";
  }
  const segments = uses.split("@");
  if (segments.length != 2) {
    return "";
  }
  const pathSegments = segments[0].split(/[\\/]/).filter((s) => s.length > 0);
  const gitRef = segments[1];
  if (pathSegments.length >= 2 && pathSegments[0] && pathSegments[1] && gitRef) {
    return `${pathSegments[0]}/${pathSegments[1]}`;
  }
  return "";
}
function createSyntheticStepName(value) {
  return new StringToken(void 0, void 0, value, void 0, void 0, void 0);
}
function convertWaitTargets(context, knownStepIds, token, ownStepId) {
  if (token instanceof StringToken) {
    validateTargetStepId(context, knownStepIds, token, ownStepId);
    return [token];
  }
  const sequence = token.assertSequence("steps item wait");
  const targets = [];
  for (let i = 0; i < sequence.count; i++) {
    const target = sequence.get(i).assertString("steps item wait item");
    validateTargetStepId(context, knownStepIds, target, ownStepId);
    targets.push(target);
  }
  return targets;
}
function convertWaitAllValue(context, token) {
  if (token instanceof NullToken) {
    return true;
  }
  const value = token.assertBoolean("steps item wait-all").value;
  if (!value) {
    context.error(token, "The value of 'wait-all' must be true or omitted");
  }
  return true;
}
function validateTargetStepId(context, knownStepIds, target, ownStepId) {
  if (target.value.startsWith("__")) {
    context.error(target, `The identifier '${target.value}' is invalid. IDs starting with '__' are reserved.`);
  } else if (ownStepId && target.value.toLowerCase() === ownStepId.value.toLowerCase()) {
    context.error(target, `Step '${ownStepId.value}' cannot reference itself`);
  } else if (!knownStepIds.has(target.value)) {
    context.error(target, `Step references unknown step ID '${target.value}'`);
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/job.js
function convertJob(context, jobKey, token) {
  const error = new IdBuilder().tryAddKnownId(jobKey.value);
  if (error) {
    context.error(jobKey, error);
  }
  let concurrency, container, env, environment, ifCondition, name, outputs, runsOn, services, strategy, snapshot;
  let needs = void 0;
  let steps = [];
  let workflowJobRef;
  let workflowJobInputs;
  let inheritSecrets = false;
  let workflowJobSecrets;
  for (const item of token) {
    const propertyName = item.key.assertString("job property name");
    switch (propertyName.value) {
      case "concurrency":
        handleTemplateTokenErrors(item.value, context, void 0, () => convertConcurrency(context, item.value));
        concurrency = item.value;
        break;
      case "container":
        convertToJobContainer(context, item.value);
        container = item.value;
        break;
      case "env":
        handleTemplateTokenErrors(item.value, context, void 0, () => {
          env = item.value.assertMapping("job env");
        });
        break;
      case "environment":
        handleTemplateTokenErrors(item.value, context, void 0, () => convertToActionsEnvironmentRef(context, item.value));
        environment = item.value;
        break;
      case "if":
        ifCondition = convertToIfCondition(context, item.value);
        break;
      case "name":
        name = item.value.assertScalar("job name");
        break;
      case "needs": {
        needs = [];
        if (isString(item.value)) {
          const jobNeeds = item.value.assertString("job needs id");
          needs.push(jobNeeds);
        }
        if (isSequence(item.value)) {
          for (const seqItem of item.value) {
            const jobNeeds = seqItem.assertString("job needs id");
            needs.push(jobNeeds);
          }
        }
        break;
      }
      case "outputs":
        handleTemplateTokenErrors(item.value, context, void 0, () => {
          outputs = item.value.assertMapping("job outputs");
        });
        break;
      case "runs-on":
        handleTemplateTokenErrors(item.value, context, void 0, () => convertRunsOn(context, item.value));
        runsOn = item.value;
        break;
      case "services":
        convertToJobServices(context, item.value);
        services = item.value;
        break;
      case "snapshot":
        snapshot = item.value;
        break;
      case "steps":
        steps = convertSteps(context, item.value);
        break;
      case "strategy":
        strategy = item.value;
        break;
      case "uses":
        workflowJobRef = item.value.assertString("job uses value");
        break;
      case "with":
        handleTemplateTokenErrors(item.value, context, void 0, () => {
          workflowJobInputs = item.value.assertMapping("uses-with value");
        });
        break;
      case "secrets":
        if (isString(item.value) && item.value.value === "inherit") {
          inheritSecrets = true;
        } else {
          handleTemplateTokenErrors(item.value, context, void 0, () => {
            workflowJobSecrets = item.value.assertMapping("uses-secrets value");
          });
        }
        break;
    }
  }
  if (workflowJobRef !== void 0) {
    return {
      type: "reusableWorkflowJob",
      id: jobKey,
      name: jobName(name, jobKey),
      needs: needs || [],
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      ref: workflowJobRef,
      "input-definitions": void 0,
      "input-values": workflowJobInputs,
      "secret-definitions": void 0,
      "secret-values": workflowJobSecrets,
      "inherit-secrets": inheritSecrets || void 0,
      outputs: void 0,
      concurrency,
      strategy
    };
  } else {
    return {
      type: "job",
      id: jobKey,
      name: jobName(name, jobKey),
      needs,
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      env,
      concurrency,
      environment,
      strategy,
      "runs-on": runsOn,
      container,
      services,
      outputs,
      steps,
      snapshot
    };
  }
}
function jobName(name, jobKey) {
  if (name === void 0) {
    return jobKey;
  }
  if (isString(name) && name.value === "") {
    return jobKey;
  }
  return name;
}

// node_modules/@actions/workflow-parser/dist/model/converter/jobs.js
function convertJobs(context, token) {
  if (isMapping(token)) {
    const result = [];
    const jobsWithSatisfiedNeeds = [];
    const alljobsWithUnsatisfiedNeeds = [];
    for (const item of token) {
      const jobKey = item.key.assertString("job name");
      const jobDef = item.value.assertMapping(`job ${jobKey.value}`);
      const job = handleTemplateTokenErrors(token, context, void 0, () => convertJob(context, jobKey, jobDef));
      if (job) {
        result.push(job);
        const node = {
          name: job.id.value,
          needs: Object.assign([], job.needs)
        };
        if (node.needs.length > 0) {
          alljobsWithUnsatisfiedNeeds.push(node);
        } else {
          jobsWithSatisfiedNeeds.push(node);
        }
      }
    }
    validateNeeds(token, context, result, jobsWithSatisfiedNeeds, alljobsWithUnsatisfiedNeeds);
    return result;
  }
  context.error(token, "Invalid format for jobs");
  return [];
}
function validateNeeds(token, context, result, jobsWithSatisfiedNeeds, alljobsWithUnsatisfiedNeeds) {
  if (jobsWithSatisfiedNeeds.length == 0) {
    context.error(token, "The workflow must contain at least one job with no dependencies.");
    return;
  }
  while (jobsWithSatisfiedNeeds.length > 0) {
    const currentJob = jobsWithSatisfiedNeeds.shift();
    if (currentJob == void 0) {
      break;
    }
    for (let i = alljobsWithUnsatisfiedNeeds.length - 1; i >= 0; i--) {
      const unsatisfiedJob = alljobsWithUnsatisfiedNeeds[i];
      for (let j = unsatisfiedJob.needs.length - 1; j >= 0; j--) {
        const need = unsatisfiedJob.needs[j];
        if (need.value == currentJob.name) {
          unsatisfiedJob.needs.splice(j, 1);
          if (unsatisfiedJob.needs.length == 0) {
            jobsWithSatisfiedNeeds.push(unsatisfiedJob);
            alljobsWithUnsatisfiedNeeds.splice(i, 1);
          }
        }
      }
    }
  }
  if (alljobsWithUnsatisfiedNeeds.length > 0) {
    const jobNames = result.map((x) => x.id.value);
    for (const unsatisfiedJob of alljobsWithUnsatisfiedNeeds) {
      for (const need of unsatisfiedJob.needs) {
        if (jobNames.includes(need.value)) {
          context.error(need, `Job '${unsatisfiedJob.name}' depends on job '${need.value}' which creates a cycle in the dependency graph.`);
        } else {
          context.error(need, `Job '${unsatisfiedJob.name}' depends on unknown job '${need.value}'.`);
        }
      }
    }
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/job/inputs.js
function convertWorkflowJobInputs(context, job) {
  const inputDefinitions = createTokenMap(job["input-definitions"]?.assertMapping("workflow job input definitions"), "inputs");
  const inputValues = createTokenMap(job["input-values"]?.assertMapping("workflow job input values"), "with");
  if (inputDefinitions !== void 0) {
    for (const [, [name, value]] of inputDefinitions) {
      const inputSpec = createTokenMap(value.assertMapping(`input ${name}`), `input ${name} key`);
      const inputTypeToken = inputSpec?.get("type")?.[1];
      if (!inputTypeToken) {
        continue;
      }
      const inputSet = inputValues !== void 0 && inputValues.has(name.toLowerCase());
      const required = inputSpec.get("required")?.[1].assertBoolean(`input ${name} required`).value;
      if (required && !inputSet) {
        context.error(job.ref, `Input ${name} is required, but not provided while calling.`);
      }
    }
  }
  if (inputValues !== void 0) {
    for (const [, [name, value]] of inputValues) {
      if (!inputDefinitions?.has(name.toLowerCase())) {
        context.error(value, `Invalid input, ${name} is not defined in the referenced workflow.`);
      }
    }
  }
}
function createTokenMap(mapping, description) {
  if (!mapping) {
    return void 0;
  }
  const result = /* @__PURE__ */ new Map();
  for (const item of mapping) {
    const name = item.key.assertString(`${description} key`);
    result.set(name.value.toLowerCase(), [name.value, item.value]);
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/job/secrets.js
function convertWorkflowJobSecrets(context, job) {
  if (job["inherit-secrets"]) {
    return;
  }
  const secretDefinitions = createTokenMap(job["secret-definitions"]?.assertMapping("workflow job secret definitions"), "secrets");
  const secretValues = createTokenMap(job["secret-values"]?.assertMapping("workflow job secret values"), "secrets");
  if (secretDefinitions !== void 0) {
    for (const [, [name, value]] of secretDefinitions) {
      if (value instanceof NullToken) {
        continue;
      }
      const secretSpec = createTokenMap(value.assertMapping(`secret ${name}`), `secret ${name} key`);
      const required = secretSpec?.get("required")?.[1].assertBoolean(`secret ${name} required`).value;
      if (required) {
        if (secretValues == void 0 || !secretValues.has(name.toLowerCase())) {
          context.error(job.ref, `Secret ${name} is required, but not provided while calling.`);
        }
      }
    }
  }
  if (secretValues !== void 0) {
    for (const [, [name, value]] of secretValues) {
      if (!secretDefinitions?.has(name.toLowerCase())) {
        context.error(value, `Invalid secret, ${name} is not defined in the referenced workflow.`);
      }
    }
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/referencedWorkflow.js
function convertReferencedWorkflow(context, referencedWorkflow, job) {
  const mapping = referencedWorkflow.assertMapping("root");
  const tokenForErrors = job.ref;
  for (const pair2 of mapping) {
    const key = pair2.key.assertString("root key");
    switch (key.value) {
      case "on": {
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertReferencedWorkflowOn(context, pair2.value, job));
        break;
      }
      case "jobs": {
        job.jobs = handleTemplateTokenErrors(tokenForErrors, context, [], () => convertJobs(context, pair2.value));
        break;
      }
    }
  }
}
function convertReferencedWorkflowOn(context, on, job) {
  const tokenForErrors = job.ref;
  switch (on.templateTokenType) {
    case TokenType.String: {
      const event = on.assertString("Reference workflow on value").value;
      if (event === "workflow_call") {
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
        return;
      }
      break;
    }
    case TokenType.Sequence: {
      const events = on.assertSequence("Reference workflow on value");
      for (const eventToken of events) {
        const event = eventToken.assertString(`Reference workflow on value ${eventToken}`).value;
        if (event === "workflow_call") {
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
          return;
        }
      }
      break;
    }
    case TokenType.Mapping: {
      const eventMapping = on.assertMapping("Reference workflow on value");
      for (const pair2 of eventMapping) {
        const event = pair2.key.assertString(`Reference workflow on value ${pair2.key}`).value;
        if (event !== "workflow_call") {
          continue;
        }
        if (pair2.value.templateTokenType === TokenType.Null) {
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
          return;
        }
        const definitions = pair2.value.assertMapping(`Reference workflow on value ${pair2.key}`);
        for (const definition of definitions) {
          const definitionKey = definition.key.assertString(`on-workflow_call-${definition.key}`).value;
          switch (definitionKey) {
            case "inputs":
              job["input-definitions"] = definition.value.assertMapping(`on-workflow_call-${definition.key}`);
              break;
            case "outputs":
              job.outputs = definition.value.assertMapping(`on-workflow_call-${definition.key}`);
              break;
            case "secrets":
              job["secret-definitions"] = definition.value.assertMapping(`on-workflow_call-${definition.key}`);
              break;
          }
        }
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
        return;
      }
      break;
    }
  }
  context.error(tokenForErrors, "workflow_call key is not defined in the referenced workflow.");
}

// node_modules/@actions/workflow-parser/dist/model/convert.js
var ErrorPolicy;
(function(ErrorPolicy2) {
  ErrorPolicy2[ErrorPolicy2["ReturnErrorsOnly"] = 0] = "ReturnErrorsOnly";
  ErrorPolicy2[ErrorPolicy2["TryConversion"] = 1] = "TryConversion";
})(ErrorPolicy || (ErrorPolicy = {}));
var defaultOptions = {
  maxReusableWorkflowDepth: 4,
  fetchReusableWorkflowDepth: 0,
  errorPolicy: ErrorPolicy.ReturnErrorsOnly,
  featureFlags: new FeatureFlags()
};
async function convertWorkflowTemplate(context, root, fileProvider, options = defaultOptions) {
  const result = {};
  const opts = getOptionsWithDefaults(options);
  context.state.featureFlags = opts.featureFlags;
  if (context.errors.getErrors().length > 0 && opts.errorPolicy === ErrorPolicy.ReturnErrorsOnly) {
    result.errors = context.errors.getErrors().map((x) => ({
      Message: x.message
    }));
    return result;
  }
  if (fileProvider === void 0 && opts.fetchReusableWorkflowDepth > 0) {
    context.error(root, new Error("A file provider is required to fetch reusable workflows"));
  }
  try {
    const rootMapping = root.assertMapping("root");
    for (const item of rootMapping) {
      const key = item.key.assertString("root key");
      switch (key.value) {
        case "on":
          result.events = handleTemplateTokenErrors(root, context, {}, () => convertOn(context, item.value));
          break;
        case "jobs":
          result.jobs = handleTemplateTokenErrors(root, context, [], () => convertJobs(context, item.value));
          break;
        case "concurrency":
          handleTemplateTokenErrors(root, context, {}, () => convertConcurrency(context, item.value));
          result.concurrency = item.value;
          break;
        case "env":
          result.env = item.value;
          break;
      }
    }
    for (const job of result.jobs || []) {
      if (isReusableWorkflowJob(job)) {
        if (opts.maxReusableWorkflowDepth === 0) {
          context.error(job.ref, new Error("Reusable workflows are not allowed"));
          continue;
        }
        if (opts.fetchReusableWorkflowDepth === 0 || fileProvider === void 0) {
          continue;
        }
        try {
          const file = await fileProvider.getFileContent(parseFileReference(job.ref.value));
          const workflow = parseWorkflow(file, context);
          if (!workflow.value) {
            continue;
          }
          convertReferencedWorkflow(context, workflow.value, job);
        } catch {
          context.error(job.ref, new Error("Unable to find reusable workflow"));
        }
      }
    }
  } catch (err) {
    if (err instanceof TemplateTokenError) {
      context.error(err.token, err);
    } else {
      context.error(root, err);
    }
  } finally {
    if (context.errors.getErrors().length > 0) {
      result.errors = context.errors.getErrors().map((x) => ({
        Message: x.message
      }));
    }
  }
  return result;
}
function getOptionsWithDefaults(options) {
  return {
    maxReusableWorkflowDepth: options.maxReusableWorkflowDepth !== void 0 ? options.maxReusableWorkflowDepth : defaultOptions.maxReusableWorkflowDepth,
    fetchReusableWorkflowDepth: options.fetchReusableWorkflowDepth !== void 0 ? options.fetchReusableWorkflowDepth : defaultOptions.fetchReusableWorkflowDepth,
    errorPolicy: options.errorPolicy !== void 0 ? options.errorPolicy : defaultOptions.errorPolicy,
    featureFlags: options.featureFlags ?? defaultOptions.featureFlags
  };
}

// packages/workflow/src/model.ts
var import_yaml5 = __toESM(require_dist(), 1);
var WorkflowError = class extends Error {
  constructor(file, problems) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `
  ${problems.join("\n  ")}`}`);
    this.file = file;
    this.problems = problems;
  }
  file;
  problems;
};
var UnsupportedError = class extends Error {
};
var needsOf = (job) => job.needs === void 0 ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
var loaded = /* @__PURE__ */ new Map();
function loadWorkflow(path, content = readFileSync2(path, "utf8")) {
  const key = `${path}\0${content}`;
  let hit = loaded.get(key);
  if (!hit) {
    hit = parseAndCheck(path, content);
    loaded.set(key, hit);
    hit.catch(() => loaded.delete(key));
  }
  return hit;
}
async function parseAndCheck(path, content) {
  const name = basename2(path);
  const parsed2 = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const problems = parsed2.context.errors.getErrors().map((e) => e.message);
  if (!problems.length && parsed2.value) {
    const template = await convertWorkflowTemplate(parsed2.context, parsed2.value);
    for (const e of template.errors ?? []) problems.push(e.Message);
  }
  if (problems.length) throw new WorkflowError(path, [...new Set(problems)]);
  const doc = (0, import_yaml5.parse)(content);
  const on = normalizeOn(doc.on);
  const call = on.workflow_call;
  const dispatch = on.workflow_dispatch;
  const outputs = {};
  for (const [k, v] of Object.entries(call?.outputs ?? {})) outputs[k] = String(v.value ?? "");
  return {
    path,
    name: typeof doc.name === "string" ? doc.name : name,
    events: Object.keys(on),
    inputs: (call ?? dispatch)?.inputs ?? {},
    secrets: call ? call.secrets ?? {} : void 0,
    outputs,
    env: doc.env,
    defaults: doc.defaults,
    concurrency: doc.concurrency,
    jobs: doc.jobs ?? {}
  };
}
function normalizeOn(on) {
  if (typeof on === "string") return { [on]: {} };
  if (Array.isArray(on)) return Object.fromEntries(on.map((e) => [String(e), {}]));
  if (on && typeof on === "object") {
    return Object.fromEntries(Object.entries(on).map(([k, v]) => [k, v ?? {}]));
  }
  return {};
}
function jobOrder(wf) {
  const order = [];
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (id, path) => {
    if (seen.has(id)) return;
    if (path.includes(id)) throw new WorkflowError(wf.path, [`jobs form a cycle: ${[...path, id].join(" → ")}`]);
    for (const n of needsOf(wf.jobs[id] ?? {})) visit2(n, [...path, id]);
    seen.add(id);
    order.push(id);
  };
  for (const id of Object.keys(wf.jobs)) visit2(id, []);
  return order;
}

// packages/workflow/src/actions.ts
var STAND_INS = {
  checkout: {
    inputs: {
      repository: {},
      ref: {},
      token: {},
      "persist-credentials": { default: "true" },
      path: {},
      clean: { default: "true" },
      "fetch-depth": { default: "1" },
      "fetch-tags": { default: "false" },
      "show-progress": {},
      lfs: { default: "false" },
      submodules: { default: "false" },
      "set-safe-directory": {},
      "sparse-checkout": {},
      "sparse-checkout-cone-mode": {},
      filter: {},
      "ssh-key": {},
      "ssh-known-hosts": {},
      "ssh-strict": {},
      "ssh-user": {},
      "github-server-url": {}
    },
    outputs: ["ref", "commit"]
  },
  "setup-node": {
    inputs: {
      "node-version": {},
      "node-version-file": {},
      "check-latest": {},
      architecture: {},
      token: {},
      cache: {},
      "package-manager-cache": {},
      "cache-dependency-path": {},
      "registry-url": {},
      scope: {},
      "always-auth": {},
      mirror: {},
      "mirror-token": {}
    },
    outputs: ["cache-hit", "node-version"]
  },
  "upload-artifact": {
    inputs: {
      name: { default: "artifact" },
      path: { required: true },
      "if-no-files-found": { default: "warn" },
      "retention-days": {},
      "compression-level": {},
      overwrite: { default: "false" },
      "include-hidden-files": { default: "false" }
    },
    outputs: ["artifact-id", "artifact-url", "artifact-digest"]
  },
  "download-artifact": {
    inputs: {
      name: {},
      "artifact-ids": {},
      path: {},
      pattern: {},
      "merge-multiple": { default: "false" },
      "github-token": {},
      repository: {},
      "run-id": {}
    },
    outputs: ["download-path"]
  }
};
var STAND_IN_RE = /^actions\/(checkout|setup-node|upload-artifact|download-artifact)@[\w.\-/]+$/;
var OWN_ACTION_RE = /^[\w.-]+\/release-actions\/actions\/([\w-]+)@[\w.\-/]+$/;
var OWN_WORKFLOW_RE = /^[\w.-]+\/release-actions\/(\.github\/workflows\/[\w.-]+\.ya?ml)@[\w.\-/]+$/;
var metaCache = /* @__PURE__ */ new Map();
function readActionMeta(dir) {
  const hit = metaCache.get(dir);
  if (hit) return hit;
  const read = readActionMetaUncached(dir);
  metaCache.set(dir, read);
  return read;
}
function readActionMetaUncached(dir) {
  const file = ["action.yml", "action.yaml"].map((f) => join5(dir, f)).find((f) => existsSync3(f));
  if (!file) throw new UnsupportedError(`no action.yml in ${dir}`);
  const doc = (0, import_yaml6.parse)(readFileSync3(file, "utf8"));
  const using = String(doc.runs?.using ?? "");
  if (!/^node\d+$/.test(using)) {
    throw new UnsupportedError(
      `${file}: runs.using ${using || "(none)"} is not supported locally (JavaScript actions only)`
    );
  }
  if (doc.runs?.pre || doc.runs?.post) {
    throw new UnsupportedError(`${file}: runs.pre / runs.post are not supported locally`);
  }
  const inputs = {};
  for (const [k, v] of Object.entries(doc.inputs ?? {})) {
    inputs[k] = { default: v?.default === void 0 ? void 0 : String(v.default), required: v?.required === true };
  }
  return {
    meta: { inputs, outputs: Object.keys(doc.outputs ?? {}) },
    main: String(doc.runs?.main ?? "index.js"),
    using
  };
}
function resolveAction(uses, r, workspace) {
  const standIn = STAND_IN_RE.exec(uses);
  if (standIn) return { kind: "stand-in", uses, name: standIn[1], meta: STAND_INS[standIn[1]] };
  let dir;
  const own = OWN_ACTION_RE.exec(uses);
  if (own) dir = join5(r.packageRoot, "actions", own[1]);
  else if (uses.startsWith("./")) {
    const inWorkspace = workspace ? resolve(workspace, uses) : void 0;
    dir = [inWorkspace, resolve(r.packageRoot, uses)].find((d) => d && existsSync3(join5(d, "action.yml")));
    if (!dir)
      throw new UnsupportedError(`uses: ${uses}: no action.yml there (looked in the workspace and in release-actions)`);
  } else if (uses.startsWith("docker://")) {
    throw new UnsupportedError(`uses: ${uses}: docker actions are not supported by the local executor`);
  } else {
    throw new UnsupportedError(
      `uses: ${uses} is not supported by the local executor (it runs this repository's actions and local stand-ins for actions/checkout, actions/setup-node, actions/upload-artifact and actions/download-artifact)`
    );
  }
  if (!existsSync3(join5(dir, "action.yml"))) throw new UnsupportedError(`uses: ${uses}: no action ${dir}`);
  const { meta, main: main2 } = readActionMeta(dir);
  return { kind: "node", uses, dir, main: join5(dir, main2), meta };
}
function resolveWorkflow(uses, r) {
  const own = OWN_WORKFLOW_RE.exec(uses);
  if (own) return join5(r.packageRoot, own[1]);
  if (uses === "./.github/workflows/release.yml") return join5(r.packageRoot, ".github/workflows/release.yml");
  if (/^\.\/\.github\/workflows\/[\w.-]+\.ya?ml$/.test(uses)) {
    const file = resolve(r.repository, uses);
    if (!existsSync3(file)) throw new UnsupportedError(`uses: ${uses}: no such workflow in ${r.repository}`);
    return file;
  }
  throw new UnsupportedError(
    `uses: ${uses}: reusable workflows of other repositories are not supported by the local executor (only release-actions' own and ./.github/workflows/…)`
  );
}

// packages/workflow/src/executor.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { appendFileSync, existsSync as existsSync5, mkdirSync as mkdirSync4, readFileSync as readFileSync5, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { basename as basename4, delimiter as delimiter2, join as join8, resolve as resolve4 } from "node:path";

// packages/workflow/src/expressions.ts
import { createHash } from "node:crypto";
import { globSync, readFileSync as readFileSync4, statSync } from "node:fs";
import { join as join6, relative, resolve as resolve2, sep } from "node:path";
var CONTEXT_NAMES = [
  "inputs",
  "needs",
  "steps",
  "env",
  "vars",
  "secrets",
  "github",
  "runner",
  "matrix",
  "strategy",
  "job",
  "jobs"
];
var STATUS_FUNCTIONS = ["success", "failure", "always", "cancelled"];
var EXTRA_FUNCTIONS = [
  ...STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 })),
  { name: "hashFiles", minArgs: 1, maxArgs: 255 }
];
var ExpressionSyntaxError = class extends Error {
};
var parsed = /* @__PURE__ */ new Map();
function parseExpression(text2) {
  const hit = parsed.get(text2);
  if (hit) return hit;
  try {
    const lexed = new Lexer(text2).lex();
    const expr = new Parser(lexed.tokens, [...CONTEXT_NAMES], EXTRA_FUNCTIONS).parse();
    parsed.set(text2, expr);
    return expr;
  } catch (e) {
    throw new ExpressionSyntaxError(`${JSON.stringify(text2)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
var Unknown = class extends data_exports.Null {
  constructor(refs) {
    super();
    this.refs = refs;
  }
  refs;
};
var isUnknown = (d) => d instanceof Unknown;
function toData(value) {
  if (value instanceof Unknown) return value;
  if (value === null || value === void 0) return new data_exports.Null();
  if (typeof value === "string") return new data_exports.StringData(value);
  if (typeof value === "number") return new data_exports.NumberData(value);
  if (typeof value === "boolean") return new data_exports.BooleanData(value);
  if (Array.isArray(value)) return new data_exports.Array(...value.map(toData));
  if (typeof value === "object") {
    return new data_exports.Dictionary(...Object.entries(value).map(([key, v]) => ({ key, value: toData(v) })));
  }
  return new data_exports.StringData(String(value));
}
function fromData(d) {
  switch (d.kind) {
    case data_exports.Kind.Null:
      return null;
    case data_exports.Kind.Boolean:
      return d.value;
    case data_exports.Kind.Number:
      return d.number();
    case data_exports.Kind.String:
      return d.coerceString();
    case data_exports.Kind.Array:
      return d.values().map(fromData);
    default: {
      const out = {};
      for (const p of d.pairs()) out[p.key] = fromData(p.value);
      return out;
    }
  }
}
function coerceToString(d) {
  if (d.kind === data_exports.Kind.Array || d.kind === data_exports.Kind.Dictionary) return JSON.stringify(fromData(d), null, 2);
  return d.coerceString();
}
function statusFunctions(scope) {
  const status = scope.status ?? "success";
  const bool3 = (f) => () => status instanceof Unknown ? status : new data_exports.BooleanData(f(status));
  const fns = [
    { name: "success", minArgs: 0, maxArgs: 0, call: bool3((s) => s === "success" && !scope.cancelled) },
    { name: "failure", minArgs: 0, maxArgs: 0, call: bool3((s) => s === "failure") },
    { name: "always", minArgs: 0, maxArgs: 0, call: () => new data_exports.BooleanData(true) },
    { name: "cancelled", minArgs: 0, maxArgs: 0, call: () => new data_exports.BooleanData(scope.cancelled === true) },
    {
      name: "hashFiles",
      minArgs: 1,
      maxArgs: 255,
      call: (...args) => new data_exports.StringData(
        hashFiles(
          scope.workspace,
          args.map((a) => a.coerceString())
        )
      )
    }
  ];
  return new Map(fns.map((f) => [f.name.toLowerCase(), f]));
}
function hashFiles(workspace, patterns) {
  if (!workspace) throw new Error("hashFiles() needs a job workspace (it is not available here)");
  const root = resolve2(workspace);
  const include = patterns.filter((p) => !p.startsWith("!"));
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const files = /* @__PURE__ */ new Set();
  for (const p of include) {
    for (const f of globSync(p, { cwd: root, exclude })) {
      const abs = resolve2(root, f);
      if (abs !== root && !abs.startsWith(root + sep)) continue;
      if (statSync(abs).isFile()) files.add(relative(root, abs));
    }
  }
  if (files.size === 0) return "";
  const outer = createHash("sha256");
  for (const f of [...files].sort())
    outer.update(
      createHash("sha256").update(readFileSync4(join6(root, f))).digest()
    );
  return outer.digest("hex");
}
var PartialEvaluator = class extends Evaluator {
  tok = { type: TokenType2.NULL, lexeme: "", line: 0, column: 0 };
  visitUnary(unary) {
    const r = this.eval(unary.expr);
    return r instanceof Unknown ? r : new data_exports.BooleanData(falsy(r));
  }
  visitBinary(binary) {
    const l = this.eval(binary.left);
    const r = this.eval(binary.right);
    if (l instanceof Unknown || r instanceof Unknown) return merge(l, r);
    switch (binary.operator.type) {
      case TokenType2.EQUAL_EQUAL:
        return new data_exports.BooleanData(equals(l, r));
      case TokenType2.BANG_EQUAL:
        return new data_exports.BooleanData(!equals(l, r));
      case TokenType2.GREATER:
        return new data_exports.BooleanData(greaterThan(l, r));
      case TokenType2.GREATER_EQUAL:
        return new data_exports.BooleanData(equals(l, r) || greaterThan(l, r));
      case TokenType2.LESS:
        return new data_exports.BooleanData(lessThan(l, r));
      case TokenType2.LESS_EQUAL:
        return new data_exports.BooleanData(equals(l, r) || lessThan(l, r));
    }
    throw new Error(`unknown binary operator: ${binary.operator.lexeme}`);
  }
  // a && b is false as soon as one operand is known false, whatever the unknown ones are (|| likewise with true).
  visitLogical(logical) {
    const and = logical.operator.type === TokenType2.AND;
    let unknown;
    let result = new data_exports.Null();
    for (const arg of logical.args) {
      result = this.eval(arg);
      if (result instanceof Unknown) {
        unknown = unknown ? merge(unknown, result) : result;
        continue;
      }
      if (and ? falsy(result) : !falsy(result)) return result;
    }
    return unknown ?? result;
  }
  visitIndexAccess(ia) {
    const obj = this.eval(ia.expr);
    if (obj instanceof Unknown) return obj;
    const index = ia.index instanceof Star ? void 0 : this.eval(ia.index);
    if (index instanceof Unknown) return index;
    return super.visitIndexAccess(
      new IndexAccess(new Literal(obj, this.tok), index ? new Literal(index, this.tok) : ia.index)
    );
  }
  visitFunctionCall(call) {
    const args = call.args.map((a) => this.eval(a));
    const unknowns = args.filter((a) => a instanceof Unknown);
    if (unknowns.length) return unknowns.reduce(merge);
    return super.visitFunctionCall(
      new FunctionCall(
        call.functionName,
        args.map((a) => new Literal(a, this.tok))
      )
    );
  }
};
function merge(a, b) {
  const refs = [...a instanceof Unknown ? a.refs : [], ...b instanceof Unknown ? b.refs : []];
  return new Unknown([...new Set(refs)]);
}
function evaluate(text2, scope) {
  const expr = parseExpression(text2);
  const ctx = toData(scope.contexts);
  return new PartialEvaluator(expr, ctx, statusFunctions(scope)).evaluate();
}
var TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;
function expressionsIn(s) {
  return [...s.matchAll(TEMPLATE)].map((m) => (m[1] ?? "").trim());
}
function interpolate(value, scope) {
  if (typeof value === "string") {
    const only = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
    if (only && !only[1].includes("}}")) {
      const d = evaluate(only[1].trim(), scope);
      return d instanceof Unknown ? d : fromData(d);
    }
    let unknown;
    const out = value.replace(TEMPLATE, (_m, text2) => {
      const d = evaluate(text2.trim(), scope);
      if (d instanceof Unknown) unknown = unknown ? merge(unknown, d) : d;
      return coerceToString(d);
    });
    return unknown ?? out;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, scope));
  if (value && typeof value === "object" && !(value instanceof Unknown)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, scope)]));
  }
  return value;
}
function asString(v) {
  if (v === null || v === void 0) return "";
  if (typeof v === "string") return v;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}
function usesStatusFunction(text2) {
  const found = { hit: false };
  walk(parseExpression(text2), (e) => {
    if (e instanceof FunctionCall && STATUS_FUNCTIONS.includes(e.functionName.lexeme.toLowerCase())) {
      found.hit = true;
    }
  });
  return found.hit;
}
function referencesIn(text2) {
  const refs = [];
  const path = (e) => {
    if (e instanceof ContextAccess) return [e.name.lexeme];
    if (e instanceof IndexAccess) {
      const base = path(e.expr);
      if (!base) return void 0;
      if (e.index instanceof Literal && e.index.literal.kind === data_exports.Kind.String) {
        return [...base, e.index.literal.coerceString()];
      }
      return base;
    }
    return void 0;
  };
  const visit2 = (e, inPath) => {
    if (e instanceof IndexAccess || e instanceof ContextAccess) {
      if (!inPath) {
        const p = path(e);
        if (p) refs.push(p.join("."));
      }
      if (e instanceof IndexAccess) {
        visit2(e.expr, true);
        visit2(e.index, false);
      }
      return;
    }
    for (const child of children(e)) visit2(child, false);
  };
  visit2(parseExpression(text2), false);
  return refs;
}
function children(e) {
  if (e instanceof Unary) return [e.expr];
  if (e instanceof Binary) return [e.left, e.right];
  if (e instanceof Logical) return e.args;
  if (e instanceof FunctionCall) return e.args;
  if (e instanceof IndexAccess) return [e.expr, e.index];
  if ("group" in e) return [e.group];
  return [];
}
function walk(e, f) {
  f(e);
  for (const c of children(e)) walk(c, f);
}
var truthyValue = (v) => !falsy(toData(v));
var isTruthy = (d) => !falsy(d);

// packages/workflow/src/file-commands.ts
var FileCommandError = class extends Error {
};
function parseKeyValueFile(text2, file) {
  const out = {};
  const lines = text2.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const eq = line.indexOf("=");
    if (heredoc && (eq === -1 || line.indexOf("<<") < eq)) {
      const [, name, delimiter3] = heredoc;
      const value = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter3) {
          closed = true;
          break;
        }
        value.push(lines[i]);
      }
      if (!closed) throw new FileCommandError(`${file}: ${name}<<${delimiter3} is not closed by a line ${delimiter3}`);
      out[name.trim()] = value.join("\n");
    } else if (eq > 0) {
      out[line.slice(0, eq).trim()] = line.slice(eq + 1);
    } else {
      throw new FileCommandError(
        `${file}: line ${i + 1} is neither name=value nor name<<DELIMITER: ${JSON.stringify(line)}`
      );
    }
  }
  return out;
}
var parsePathFile = (text2) => text2.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

// packages/workflow/src/standins.ts
import { execFile } from "node:child_process";
import { cpSync, existsSync as existsSync4, globSync as globSync2, mkdirSync as mkdirSync3, readdirSync, rmSync as rmSync2, statSync as statSync2 } from "node:fs";
import { basename as basename3, delimiter, dirname, join as join7, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
import { promisify } from "node:util";
var exec2 = promisify(execFile);
var StandInError = class extends Error {
};
async function runStandIn(name, withs, c) {
  switch (name) {
    case "checkout":
      return checkout(withs, c);
    case "setup-node":
      return setupNode(withs, c);
    case "upload-artifact":
      return upload(withs, c);
    case "download-artifact":
      return download(withs, c);
  }
}
async function git2(cwd, args, env) {
  try {
    const { stdout } = await exec2("git", args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (e) {
    const err = e;
    throw new StandInError(`git ${args.join(" ")}: ${(err.stderr || err.message).trim()}`);
  }
}
async function sourceOf(repository, env) {
  try {
    const url2 = await git2(repository, ["remote", "get-url", "origin"], env);
    if (url2) return /^[a-z]+:\/\//.test(url2) || url2.includes("@") ? url2 : resolve3(repository, url2);
  } catch {
  }
  return repository;
}
async function checkout(w, c) {
  for (const k of ["repository", "sparse-checkout", "filter", "ssh-key"]) {
    if (w[k]) throw new StandInError(`actions/checkout ${k} is not supported locally (only this repository, whole)`);
  }
  if (w.lfs === "true" || w.submodules && w.submodules !== "false") {
    throw new StandInError("actions/checkout lfs / submodules are not supported locally");
  }
  const dir = w.path ? resolve3(c.workspace, w.path) : c.workspace;
  if (dir !== c.workspace && !dir.startsWith(c.workspace + sep2))
    throw new StandInError(`checkout path ${w.path} is outside the workspace`);
  if (w.clean !== "false" && existsSync4(dir)) rmSync2(dir, { recursive: true, force: true });
  mkdirSync3(dir, { recursive: true });
  const env = c.env;
  const src = await sourceOf(c.repository, env);
  const ref = w.ref || c.sha;
  const depth = Number(w["fetch-depth"] ?? "1");
  c.log(`checkout: ${src} at ${ref}${depth > 0 ? ` (depth ${depth})` : ""} into ${dir}`);
  await git2(dir, ["init", "--quiet"], env);
  await git2(dir, ["remote", "add", "origin", src], env);
  const remote = await git2(dir, ["ls-remote", "origin", ref, `refs/heads/${ref}`, `refs/tags/${ref}`], env);
  const names2 = remote.split("\n").map((l) => l.split("	")[1] ?? "");
  const branch = names2.find((n) => n === `refs/heads/${ref}` || n === ref && n.startsWith("refs/heads/"));
  const tag = names2.find((n) => n === `refs/tags/${ref}` || n === ref && n.startsWith("refs/tags/"));
  const depthArgs = depth > 0 ? [`--depth=${depth}`] : [];
  if (depth <= 0) {
    await git2(
      dir,
      [
        "fetch",
        "--quiet",
        "--prune",
        "--tags",
        "origin",
        "+refs/heads/*:refs/remotes/origin/*",
        "+refs/tags/*:refs/tags/*"
      ],
      env
    );
  }
  if (branch) {
    const name = branch.slice("refs/heads/".length);
    if (depth > 0)
      await git2(
        dir,
        ["fetch", "--quiet", "--no-tags", ...depthArgs, "origin", `+${branch}:refs/remotes/origin/${name}`],
        env
      );
    await git2(dir, ["checkout", "--quiet", "-B", name, `refs/remotes/origin/${name}`], env);
  } else if (tag) {
    if (depth > 0) await git2(dir, ["fetch", "--quiet", "--no-tags", ...depthArgs, "origin", `+${tag}:${tag}`], env);
    await git2(dir, ["checkout", "--quiet", "--detach", tag], env);
  } else if (/^[0-9a-f]{7,40}$/.test(ref)) {
    if (depth > 0) {
      try {
        await git2(dir, ["fetch", "--quiet", "--no-tags", ...depthArgs, "origin", ref], env);
      } catch {
        throw new StandInError(`checkout: commit ${ref} is not on ${src} (push it first)`);
      }
      await git2(dir, ["checkout", "--quiet", "--detach", "FETCH_HEAD"], env);
    } else {
      await git2(dir, ["checkout", "--quiet", "--detach", ref], env).catch(() => {
        throw new StandInError(`checkout: commit ${ref} is not on ${src} (push it first)`);
      });
    }
  } else {
    throw new StandInError(`checkout: ref ${ref} is neither a branch, a tag nor a commit of ${src}`);
  }
  const commit = await git2(dir, ["rev-parse", "HEAD"], env);
  return { outputs: { ref: branch ?? tag ?? ref, commit } };
}
async function nodeVersion(bin, env) {
  try {
    const { stdout } = await exec2(bin, ["--version"], { env });
    return stdout.trim().replace(/^v/, "");
  } catch {
    return void 0;
  }
}
async function setupNode(w, c) {
  if (w["node-version-file"])
    throw new StandInError("actions/setup-node node-version-file is not supported locally (give node-version)");
  if (w["registry-url"] || w.cache)
    throw new StandInError("actions/setup-node registry-url / cache are not supported locally");
  const wanted = (w["node-version"] ?? "").trim();
  const candidates = [
    process.execPath,
    ...(c.env.PATH ?? "").split(delimiter).filter(Boolean).map((d) => join7(d, "node"))
  ];
  const seen = [];
  for (const bin of candidates) {
    if (!existsSync4(bin)) continue;
    const v = await nodeVersion(bin, c.env);
    if (!v) continue;
    seen.push(`${v} (${bin})`);
    if (matches(v, wanted)) {
      c.log(`setup-node: Node ${v} at ${bin}`);
      return { outputs: { "node-version": `v${v}`, "cache-hit": "false" }, path: [dirname(bin)] };
    }
  }
  throw new StandInError(
    `setup-node: no Node ${wanted} on this machine (found ${seen.join(", ") || "none"}); the local executor does not download Node`
  );
}
function matches(version, wanted) {
  if (!wanted || /^(lts\/\*|node|latest|current)$/.test(wanted)) return true;
  const w = wanted.replace(/^v/, "").replace(/\.x$/, "").replace(/^>=\s*/, "");
  if (wanted.startsWith(">=")) return Number(version.split(".")[0]) >= Number(w.split(".")[0]);
  return version === w || version.startsWith(`${w}.`);
}
function inside(root, p) {
  return p === root || p.startsWith(root + sep2);
}
var ARTIFACT_NAME = /^[^"\\:<>|*?/\r\n]+$/;
async function upload(w, c) {
  const name = w.name || "artifact";
  if (!ARTIFACT_NAME.test(name)) throw new StandInError(`upload-artifact: bad artifact name ${JSON.stringify(name)}`);
  const lines = (w.path ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  const excludes = lines.filter((l) => l.startsWith("!")).map((l) => l.slice(1));
  const files = /* @__PURE__ */ new Set();
  for (const line of lines.filter((l) => !l.startsWith("!"))) {
    const abs = resolve3(c.workspace, line);
    if (existsSync4(abs) && statSync2(abs).isDirectory()) {
      for (const f of globSync2("**/*", { cwd: abs, exclude: excludes })) {
        const p = join7(abs, f);
        if (statSync2(p).isFile() && (w["include-hidden-files"] === "true" || !f.split(sep2).some((s) => s.startsWith("."))))
          files.add(p);
      }
    } else {
      for (const f of globSync2(line, { cwd: c.workspace, exclude: excludes })) {
        const p = resolve3(c.workspace, f);
        if (statSync2(p).isFile()) files.add(p);
      }
    }
  }
  if (files.size === 0) {
    const mode = w["if-no-files-found"] ?? "warn";
    const msg = `upload-artifact: no files found at ${lines.join(", ")}`;
    if (mode === "error") throw new StandInError(msg);
    if (mode === "warn") c.log(`::warning::${msg}; no artifact uploaded`);
    return { outputs: {} };
  }
  const dest = join7(c.artifactsDir, name);
  if (existsSync4(dest)) {
    if (w.overwrite !== "true")
      throw new StandInError(`upload-artifact: an artifact named ${name} already exists in this run`);
    rmSync2(dest, { recursive: true, force: true });
  }
  const list2 = [...files];
  let root = dirname(list2[0]);
  while (!list2.every((f) => inside(root, dirname(f)))) root = dirname(root);
  for (const f of list2) {
    const to = join7(dest, relative2(root, f));
    mkdirSync3(dirname(to), { recursive: true });
    cpSync(f, to);
  }
  c.log(`upload-artifact: ${name} (${list2.length} file${list2.length === 1 ? "" : "s"})`);
  return { outputs: { "artifact-id": name, "artifact-url": `file://${dest}` } };
}
async function download(w, c) {
  for (const k of ["run-id", "repository", "artifact-ids"]) {
    if (w[k]) throw new StandInError(`download-artifact ${k} (artifacts of another run) is not supported locally`);
  }
  const dest = w.path ? resolve3(c.workspace, w.path) : c.workspace;
  const all = existsSync4(c.artifactsDir) ? readdirSync(c.artifactsDir) : [];
  if (w.name) {
    if (!all.includes(w.name))
      throw new StandInError(
        `download-artifact: no artifact named ${w.name} in this run (${all.join(", ") || "none"})`
      );
    cpSync(join7(c.artifactsDir, w.name), dest, { recursive: true });
    c.log(`download-artifact: ${w.name} → ${dest}`);
    return { outputs: { "download-path": dest } };
  }
  const re = w.pattern ? new RegExp(
    `^${w.pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`
  ) : /.*/;
  const chosen = all.filter((n) => re.test(n));
  for (const n of chosen)
    cpSync(join7(c.artifactsDir, n), w["merge-multiple"] === "true" ? dest : join7(dest, n), { recursive: true });
  c.log(`download-artifact: ${chosen.join(", ") || "nothing"} → ${dest}`);
  mkdirSync3(dest, { recursive: true });
  return { outputs: { "download-path": dest } };
}

// packages/workflow/src/validate.ts
function* expressionsOf(value, key, bare) {
  if (typeof value === "string") {
    if (bare && !value.includes("${{")) yield { key, text: value };
    else for (const text2 of expressionsIn(value)) yield { key, text: text2 };
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* expressionsOf(v, `${key}[${i}]`, false);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) yield* expressionsOf(v, `${key}.${k}`, false);
  }
}
async function validateWorkflow(wf, r, depth = 0) {
  const problems = [];
  const called = /* @__PURE__ */ new Map();
  const say = (w, msg) => problems.push(`${w.job ? `job ${w.job}: ` : ""}${w.key}: ${msg}`);
  const jobOutputs = (id) => {
    const job = wf.jobs[id];
    if (!job) return void 0;
    if (job.uses) return called.get(id) ? Object.keys(called.get(id).workflow.outputs) : void 0;
    return Object.keys(job.outputs ?? {});
  };
  for (const [id, job] of Object.entries(wf.jobs)) {
    if (!job.uses) continue;
    try {
      const file = resolveWorkflow(job.uses, r);
      if (depth > 3) throw new UnsupportedError(`uses: ${job.uses}: reusable workflows nest at most 4 deep`);
      const workflow = await loadWorkflow(file);
      if (!workflow.events.includes("workflow_call")) throw new UnsupportedError(`${file} has no on.workflow_call`);
      called.set(id, { file, workflow });
      for (const k of Object.keys(job.with ?? {})) {
        if (!(k in workflow.inputs))
          say(
            { job: id, key: `with.${k}` },
            `not an input of ${job.uses} (inputs: ${Object.keys(workflow.inputs).join(", ")})`
          );
      }
      for (const [k, def] of Object.entries(workflow.inputs)) {
        if (def.required && def.default === void 0 && !(k in (job.with ?? {})))
          say({ job: id, key: "with" }, `required input ${k} of ${job.uses} is not given`);
      }
      if (job.secrets && job.secrets !== "inherit") {
        for (const k of Object.keys(job.secrets)) {
          if (!(k in (workflow.secrets ?? {})))
            say(
              { job: id, key: `secrets.${k}` },
              `not a secret of ${job.uses} (secrets: ${Object.keys(workflow.secrets ?? {}).join(", ")})`
            );
        }
      }
      for (const [k, sub] of await validateWorkflow(workflow, r, depth + 1)) called.set(`${id}/${k}`, sub);
    } catch (e) {
      if (e instanceof WorkflowError) problems.push(`job ${id}: uses: ${job.uses}: ${e.message}`);
      else say({ job: id, key: "uses" }, e instanceof Error ? e.message : String(e));
    }
  }
  const checkRefs = (text2, w, scope) => {
    let refs;
    try {
      refs = referencesIn(text2);
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) return say(w, `bad expression ${e.message}`);
      throw e;
    }
    for (const ref of refs) {
      const [ctx, a, b, c] = ref.split(".");
      if (ctx === "needs" && a !== void 0 && scope.job) {
        const needs = needsOf(scope.job);
        if (!needs.includes(a)) say(w, `${ref}: ${a} is not in this job's needs (${needs.join(", ") || "none"})`);
        else if (b === "outputs" && c !== void 0) {
          const outs = jobOutputs(a);
          if (outs && !outs.includes(c))
            say(w, `${ref}: job ${a} has no output ${c} (outputs: ${outs.join(", ") || "none"})`);
        } else if (b !== void 0 && b !== "outputs" && b !== "result")
          say(w, `${ref}: a need has outputs and result only`);
      } else if (ctx === "needs" && a !== void 0 && !scope.job) {
        say(w, `${ref}: needs is not available here`);
      } else if (ctx === "steps" && a !== void 0 && scope.stepIds) {
        if (!scope.stepIds.has(a))
          say(
            w,
            `${ref}: no step with id ${a}${scope.stepIds.size ? ` (ids here: ${[...scope.stepIds.keys()].join(", ")})` : ""}`
          );
        else if (b === "outputs" && c !== void 0) {
          const meta = scope.stepIds.get(a);
          if (meta && !meta.outputs.includes(c))
            say(w, `${ref}: step ${a} has no output ${c} (outputs: ${meta.outputs.join(", ") || "none"})`);
        }
      } else if (ctx === "inputs" && a !== void 0 && (wf.events.includes("workflow_call") || wf.events.includes("workflow_dispatch"))) {
        if (!(a in wf.inputs)) say(w, `${ref}: no input ${a} in on.workflow_call/workflow_dispatch`);
      } else if (ctx === "secrets" && a !== void 0 && wf.secrets) {
        if (!(a in wf.secrets) && a !== "GITHUB_TOKEN") say(w, `${ref}: no secret ${a} in on.workflow_call.secrets`);
      } else if (ctx === "matrix" && a !== void 0 && scope.job) {
        const matrix = scope.job.strategy?.matrix;
        if (matrix === void 0) say(w, `${ref}: this job has no strategy.matrix`);
        else if (matrix && typeof matrix === "object" && !Array.isArray(matrix)) {
          const m = matrix;
          const keys = new Set(Object.keys(m).filter((k) => k !== "include" && k !== "exclude"));
          for (const inc of Array.isArray(m.include) ? m.include : [])
            for (const k of Object.keys(inc ?? {})) keys.add(k);
          if (!Array.isArray(m.include) && typeof m.include === "string") keys.add(a);
          if (!keys.has(a)) say(w, `${ref}: no matrix key ${a} (keys: ${[...keys].join(", ")})`);
        }
      } else if (ctx === "jobs" && a !== void 0) {
        if (!scope.jobsContext) say(w, `${ref}: jobs is only available in on.workflow_call.outputs`);
        else if (!wf.jobs[a]) say(w, `${ref}: no job ${a}`);
        else if (b === "outputs" && c !== void 0) {
          const outs = jobOutputs(a);
          if (outs && !outs.includes(c))
            say(w, `${ref}: job ${a} has no output ${c} (outputs: ${outs.join(", ") || "none"})`);
        }
      }
    }
  };
  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const key of ["services", "container"]) {
      if (job[key] !== void 0) say({ job: id, key }, `${key}: is not supported by the local executor`);
    }
    const jobScope = { job, jobId: id };
    for (const key of [
      "if",
      "name",
      "runs-on",
      "environment",
      "env",
      "strategy",
      "timeout-minutes",
      "continue-on-error",
      "concurrency",
      "with",
      "secrets"
    ]) {
      for (const e of expressionsOf(job[key], key, key === "if")) checkRefs(e.text, { job: id, key: e.key }, jobScope);
    }
    if (job.uses) continue;
    const allIds = /* @__PURE__ */ new Map();
    const before = /* @__PURE__ */ new Map();
    const metas = [];
    for (const [i, step] of (job.steps ?? []).entries()) {
      let meta;
      const label2 = `steps[${i}]${step.id ? ` (${step.id})` : step.name ? ` (${step.name})` : ""}`;
      if (step.uses) {
        try {
          meta = resolveAction(step.uses, r).meta;
        } catch (e) {
          say({ job: id, key: `${label2}.uses` }, e instanceof Error ? e.message : String(e));
        }
        if (meta) {
          for (const k of Object.keys(step.with ?? {})) {
            if (!(k in meta.inputs))
              say(
                { job: id, key: `${label2}.with.${k}` },
                `not an input of ${step.uses} (inputs: ${Object.keys(meta.inputs).join(", ")})`
              );
          }
          for (const [k, def] of Object.entries(meta.inputs)) {
            if (def.required && def.default === void 0 && !(k in (step.with ?? {})))
              say({ job: id, key: `${label2}.with` }, `required input ${k} of ${step.uses} is not given`);
          }
        }
      }
      if (step.shell && !["bash", "sh"].includes(step.shell))
        say({ job: id, key: `${label2}.shell` }, `shell ${step.shell} is not supported locally (bash, sh)`);
      if (step.id) {
        if (allIds.has(step.id)) say({ job: id, key: `${label2}.id` }, `the id ${step.id} is used twice`);
        allIds.set(step.id, meta);
      }
      metas.push(meta);
    }
    for (const [i, step] of (job.steps ?? []).entries()) {
      const label2 = `steps[${i}]${step.id ? ` (${step.id})` : step.name ? ` (${step.name})` : ""}`;
      const stepScope = { ...jobScope, stepIds: new Map(before) };
      for (const key of [
        "if",
        "name",
        "with",
        "env",
        "run",
        "working-directory",
        "continue-on-error",
        "timeout-minutes"
      ]) {
        for (const e of expressionsOf(step[key], `${label2}.${key}`, key === "if"))
          checkRefs(e.text, { job: id, key: e.key }, stepScope);
      }
      if (step.id) before.set(step.id, metas[i]);
    }
    for (const e of expressionsOf(job.outputs, "outputs", false))
      checkRefs(e.text, { job: id, key: e.key }, { ...jobScope, stepIds: allIds });
  }
  for (const e of expressionsOf(wf.env, "env", false)) checkRefs(e.text, { key: e.key }, {});
  for (const [k, v] of Object.entries(wf.outputs)) {
    for (const text2 of expressionsIn(v))
      checkRefs(text2, { key: `on.workflow_call.outputs.${k}` }, { jobsContext: true });
  }
  if (problems.length) throw new WorkflowError(wf.path, problems);
  return called;
}

// packages/workflow/src/executor.ts
var groups = /* @__PURE__ */ new Map();
async function inGroup(group, f) {
  if (!group) return f();
  const previous = groups.get(group) ?? Promise.resolve();
  let release;
  const mine = new Promise((r) => release = r);
  const chained = previous.then(() => mine);
  groups.set(group, chained);
  await previous;
  try {
    return await f();
  } finally {
    release();
    if (groups.get(group) === chained) groups.delete(group);
  }
}
function gitOr(cwd, args, fallback) {
  try {
    return execFileSync2("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || fallback;
  } catch {
    return fallback;
  }
}
function localGithubContext(repository, env) {
  const [head = "", symbolic = ""] = gitOr(repository, ["rev-parse", "HEAD", "--symbolic-full-name", "HEAD"], "").split(
    "\n"
  );
  const config = gitOr(repository, ["config", "--get-regexp", "^(remote\\.origin\\.url|user\\.name)$"], "");
  const setting = (key) => new RegExp(`^${key.replace(".", "\\.")} (.*)$`, "m").exec(config)?.[1] ?? "";
  const origin = setting("remote.origin.url");
  const slug = /[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(origin)?.[1];
  const repo = env.GITHUB_REPOSITORY ?? (slug && !slug.startsWith(".") ? slug : `local/${basename4(resolve4(repository))}`);
  const ref = env.GITHUB_REF ?? (symbolic.startsWith("refs/") ? symbolic : "");
  const user = setting("user.name");
  const runId = String(Date.now());
  return {
    repository: repo,
    repository_owner: repo.split("/")[0],
    sha: env.GITHUB_SHA ?? (/^[0-9a-f]{40}$/.test(head) ? head : "0".repeat(40)),
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ""),
    ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
    actor: env.GITHUB_ACTOR ?? (user || env.USER || "local"),
    server_url: env.GITHUB_SERVER_URL ?? "https://github.com",
    api_url: env.GITHUB_API_URL ?? "https://api.github.com",
    graphql_url: env.GITHUB_GRAPHQL_URL ?? "https://api.github.com/graphql",
    run_id: runId,
    run_number: "1",
    run_attempt: "1",
    retention_days: "90",
    head_ref: "",
    base_ref: ""
  };
}
function typedInputs(wf, given2, where) {
  const problems = [];
  const out = {};
  for (const k of Object.keys(given2))
    if (!(k in wf.inputs))
      problems.push(`input ${k}: not an input of ${where} (inputs: ${Object.keys(wf.inputs).join(", ")})`);
  for (const [k, def] of Object.entries(wf.inputs)) {
    let v = k in given2 ? given2[k] : def.default;
    if (v === void 0) {
      if (def.required) problems.push(`input ${k}: required`);
      v = def.type === "boolean" ? false : def.type === "number" ? 0 : "";
    }
    if (def.type === "boolean" && typeof v !== "boolean") {
      if (v === "true" || v === "false") v = v === "true";
      else problems.push(`input ${k}: ${JSON.stringify(v)} is not a boolean (true or false)`);
    } else if (def.type === "number" && typeof v !== "number") {
      const n = Number(v);
      if (v === "" || Number.isNaN(n)) problems.push(`input ${k}: ${JSON.stringify(v)} is not a number`);
      else v = n;
    } else if (def.type === "choice" && def.options && !def.options.includes(String(v))) {
      problems.push(`input ${k}: ${JSON.stringify(v)} is not one of ${def.options.join(", ")}`);
    } else if ((def.type === "string" || def.type === void 0) && typeof v !== "string") v = asString(v);
    out[k] = v;
  }
  if (problems.length) throw new WorkflowError(where, problems);
  return out;
}
var Execution = class {
  constructor(o) {
    this.o = o;
    const rawLog = o.log ?? (() => void 0);
    this.log = (line) => rawLog(this.mask(line));
    this.baseEnv = Object.fromEntries(
      Object.entries(o.env ?? process.env).filter(([k]) => !/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_)/.test(k))
    );
    this.github = {
      ...localGithubContext(o.repository, o.env ?? process.env),
      event_name: o.event?.name ?? "workflow_dispatch",
      event: o.event?.payload ?? {},
      ...o.github
    };
    this.runDir = o.runDir ?? join8(tmpdir2(), `release-actions-run-${String(this.github.run_id)}`);
    for (const s of Object.values(o.secrets ?? {})) if (s) this.masks.add(s);
  }
  o;
  reports = [];
  masks = /* @__PURE__ */ new Set();
  log;
  baseEnv;
  runDir;
  github;
  legCount = 0;
  mask(line) {
    let out = line;
    for (const m of this.masks) if (m.length > 0) out = out.split(m).join("***");
    return out;
  }
  baseContexts(run) {
    const token = this.o.secrets?.GITHUB_TOKEN ?? this.o.env?.GITHUB_TOKEN ?? "";
    return {
      inputs: run.inputs,
      secrets: { GITHUB_TOKEN: token, ...run.secrets },
      vars: this.o.vars ?? {},
      github: { ...this.github, token, workflow: run.wf.name }
    };
  }
  async runWorkflow(run) {
    const { wf } = run;
    const states = /* @__PURE__ */ new Map();
    const settled = /* @__PURE__ */ new Map();
    const group = this.concurrencyGroup(
      wf.concurrency,
      { contexts: this.baseContexts(run) },
      `${run.prefix}concurrency`
    );
    await inGroup(this.o.dryRun ? void 0 : group, async () => {
      for (const id of jobOrder(wf)) {
        const job = wf.jobs[id];
        states.set(
          id,
          (async () => {
            const needs = await Promise.all(needsOf(job).map(async (n) => [n, await states.get(n)]));
            const state = await this.runJob(run, id, job, new Map(needs));
            settled.set(id, state);
            return state;
          })()
        );
      }
      await Promise.all(states.values());
    });
    const jobs = Object.fromEntries([...settled].map(([id, s]) => [id, { result: s.result, outputs: s.outputs }]));
    const outputs = {};
    for (const [k, v] of Object.entries(wf.outputs))
      outputs[k] = interpolate(v, { contexts: { ...this.baseContexts(run), jobs } });
    return { states: settled, outputs };
  }
  concurrencyGroup(c, scope, where) {
    if (c === void 0) return void 0;
    const v = interpolate(c, scope);
    if (isUnknown(v)) return void 0;
    const group = typeof v === "string" ? v : asString(v.group);
    const cancel = typeof v === "object" && v ? v["cancel-in-progress"] : false;
    if (cancel === true || cancel === "true")
      throw new UnsupportedError(`${where}: cancel-in-progress: true is not supported by the local executor`);
    return group || void 0;
  }
  /**
   * A job that cannot go on (a matrix that is not a list, an unsupported setting found only at run time) fails with
   * the reason, as on GitHub, instead of abandoning the jobs running beside it.
   */
  async runJob(run, id, job, needs) {
    try {
      return await this.runJobUnguarded(run, id, job, needs);
    } catch (e) {
      if (!(e instanceof WorkflowError || e instanceof UnsupportedError || e instanceof StandInError)) throw e;
      const path = `${run.prefix}${id}`;
      const report = this.reports.find((r) => r.id === path);
      const reason = e.message.replace(/^[^:]*\.ya?ml: /, "");
      if (report) Object.assign(report, { result: "failure", reason });
      this.log(`::error title=${path}::${reason}`);
      return { result: "failure", outputs: {} };
    }
  }
  async runJobUnguarded(run, id, job, needs) {
    const path = `${run.prefix}${id}`;
    const started = performance.now();
    const report = {
      id: path,
      name: asString(job.name ?? id),
      decision: "run",
      reason: "",
      result: "success",
      outputs: {},
      steps: [],
      durationMs: 0
    };
    this.reports.push(report);
    const needsCtx = Object.fromEntries([...needs].map(([n, s]) => [n, { result: s.result, outputs: s.outputs }]));
    const results = [...needs.values()].map((s) => s.result);
    const status = results.includes("failure") ? "failure" : results.find((r) => isUnknown(r)) ?? (results.some((r) => r === "skipped" || r === "cancelled") ? "skipped" : "success");
    const contexts = { ...this.baseContexts(run), needs: needsCtx };
    const scope = { contexts, status };
    const finish = (state, decision, reason) => {
      report.decision = decision;
      report.reason = reason;
      report.result = isUnknown(state.result) ? "unknown" : state.result;
      report.outputs = Object.fromEntries(
        Object.entries(state.outputs).map(([k, v]) => [
          k,
          isUnknown(v) ? `(unknown: ${v.refs.join(", ")})` : asString(v)
        ])
      );
      report.durationMs = performance.now() - started;
      if (!this.o.dryRun) this.log(`${path}: ${report.result}${reason ? ` — ${reason}` : ""}`);
      return state;
    };
    const text2 = ifExpression(job.if);
    if (this.o.signal?.aborted) return finish({ result: "cancelled", outputs: {} }, "skip", "the run was cancelled");
    const kept = this.o.rerun?.jobs.includes(path) === false ? this.o.rerun.previous.jobs.find((j) => j.id === path) : void 0;
    if (kept && kept.result !== "unknown") {
      report.steps = kept.steps;
      report.environment = kept.environment;
      return finish(
        { result: kept.result, outputs: kept.outputs },
        kept.decision,
        `kept from the previous attempt: ${kept.reason}`
      );
    }
    if (this.o.jobs && !this.o.jobs.some((j) => j === path || j.startsWith(`${path}/`)))
      return finish({ result: "skipped", outputs: {} }, "skip", `not selected (only ${this.o.jobs.join(", ")})`);
    const full = usesStatusFunction(text2) ? text2 : `success() && (${text2})`;
    const verdict = evaluate(full, scope);
    const failedNeed = [...needs].find(([, s]) => s.result !== "success" && !isUnknown(s.result));
    if (isUnknown(verdict)) {
      const outputs2 = this.unknownOutputs(run, id, job);
      return finish(
        { result: new Unknown([`needs.${id}.result`]), outputs: outputs2 },
        "depends",
        `if: ${text2} — decided by ${verdict.refs.join(", ")}`
      );
    }
    if (!isTruthy(verdict)) {
      const why = (job.if === void 0 || !usesStatusFunction(text2)) && failedNeed ? `need ${failedNeed[0]} ${asString(failedNeed[1].result)}${job.if === void 0 ? "" : ` (if: ${text2})`}` : `if: ${text2} is false`;
      return finish({ result: "skipped", outputs: {} }, "skip", why);
    }
    const jobCtx = { ...contexts, env: {} };
    const environment = interpolate(job.environment, { contexts: jobCtx });
    const envName = isUnknown(environment) ? environment : asString(
      typeof environment === "object" && environment ? environment.name : environment
    );
    const envUrl = typeof environment === "object" && environment && !isUnknown(environment) ? asString(environment.url) : void 0;
    const reasonRun = job.if !== void 0 ? `if: ${text2} is true` : needs.size ? `no if:, needs succeeded` : "no if:, no needs";
    if (this.o.dryRun) {
      const outputs2 = this.unknownOutputs(run, id, job);
      if (job.uses) {
        const called = run.called.get(id);
        const inputs = this.calledInputs(run, id, job, scope);
        const sub = await this.runWorkflow({
          wf: called.workflow,
          called: subCalled(run.called, id),
          prefix: `${path}/`,
          inputs,
          secrets: {}
        });
        return finish({ result: "success", outputs: sub.outputs }, "run", `${reasonRun}; calls ${job.uses}`);
      }
      const legs2 = this.matrixLegs(job, { contexts: jobCtx }, path);
      if (!isUnknown(legs2) && legs2.length > 1) report.legs = legs2.map(legName);
      const legNote = isUnknown(legs2) ? `; matrix decided by ${legs2.refs.join(", ")}` : legs2.length > 1 ? `; matrix of ${legs2.length}` : "";
      if (envName) {
        report.environment = isUnknown(envName) ? `(unknown: ${envName.refs.join(", ")})` : envName;
        return finish(
          { result: "success", outputs: outputs2 },
          "wait-for-approval",
          `${reasonRun}; environment ${report.environment}${legNote}`
        );
      }
      return finish({ result: "success", outputs: outputs2 }, "run", `${reasonRun}${legNote}`);
    }
    if (job.uses) {
      const called = run.called.get(id);
      const inputs = this.calledInputs(run, id, job, scope);
      const secrets = {};
      if (job.secrets === "inherit") Object.assign(secrets, run.secrets);
      else for (const [k, v] of Object.entries(job.secrets ?? {})) secrets[k] = asString(interpolate(v, scope));
      for (const s of Object.values(secrets)) if (s) this.masks.add(s);
      const sub = await this.runWorkflow({
        wf: called.workflow,
        called: subCalled(run.called, id),
        prefix: `${path}/`,
        inputs,
        secrets
      });
      const failed = [...sub.states.values()].some((s) => s.result === "failure" || s.result === "cancelled");
      return finish(
        { result: failed ? "failure" : "success", outputs: sub.outputs },
        "run",
        `${reasonRun}; calls ${job.uses}`
      );
    }
    if (envName && !isUnknown(envName)) {
      report.environment = envName;
      const reviewers = this.o.reviewers?.[envName] ?? [];
      if (!this.o.approve)
        throw new UnsupportedError(`job ${path}: environment ${envName} needs an approval, and no approver was given`);
      const approved = await this.o.approve({ job: path, environment: envName, url: envUrl || void 0, reviewers });
      if (!approved)
        return finish({ result: "failure", outputs: {} }, "wait-for-approval", `environment ${envName}: rejected`);
    }
    const legs = this.matrixLegs(job, { contexts: jobCtx }, path);
    if (isUnknown(legs)) throw new Error(`job ${path}: matrix unknown`);
    if (legs.length > 1) report.legs = legs.map(legName);
    const group = this.concurrencyGroup(job.concurrency, { contexts: jobCtx }, `job ${path}: concurrency`);
    const strategy = job.strategy ?? {};
    const failFast = asString(interpolate(strategy["fail-fast"] ?? true, { contexts: jobCtx })) !== "false";
    const maxParallel = Number(asString(interpolate(strategy["max-parallel"] ?? legs.length, { contexts: jobCtx }))) || legs.length;
    const legResults = [];
    let cancelAll = false;
    await inGroup(group, async () => {
      const queue = legs.map((m, i) => ({ m, i }));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          if (cancelAll) {
            legResults.push({ result: "cancelled", outputs: {} });
            continue;
          }
          const strategyCtx = {
            "fail-fast": failFast,
            "job-index": next.i,
            "job-total": legs.length,
            "max-parallel": maxParallel
          };
          const r = await this.runLeg(
            run,
            path,
            id,
            job,
            { ...jobCtx, matrix: next.m, strategy: strategyCtx },
            legs.length > 1 ? next.i : void 0,
            report
          );
          legResults.push(r);
          if (r.result === "failure" && failFast) cancelAll = true;
        }
      };
      await Promise.all(Array.from({ length: Math.min(maxParallel, legs.length) }, worker));
    });
    const result = legResults.some((r) => r.result === "failure") ? "failure" : legResults.some((r) => r.result === "cancelled") ? "cancelled" : "success";
    const outputs = Object.assign({}, ...legResults.map((r) => r.outputs));
    const continueOnError = truthyValue(interpolate(job["continue-on-error"] ?? false, { contexts: jobCtx }));
    return finish(
      { result: result === "failure" && continueOnError ? "success" : result, outputs },
      envName ? "wait-for-approval" : "run",
      `${reasonRun}${envName ? `; approved in ${asString(envName)}` : ""}`
    );
  }
  calledInputs(run, id, job, scope) {
    const called = run.called.get(id);
    const given2 = interpolate(job.with ?? {}, scope);
    if (this.o.dryRun) {
      const known = Object.fromEntries(Object.entries(given2).filter(([, v]) => !isUnknown(v)));
      return {
        ...typedInputs(called.workflow, known, `job ${run.prefix}${id}: with`),
        ...Object.fromEntries(Object.entries(given2).filter(([, v]) => isUnknown(v)))
      };
    }
    return typedInputs(called.workflow, given2, `job ${run.prefix}${id}: with`);
  }
  unknownOutputs(run, id, job) {
    const path = `${run.prefix}${id}`;
    const names2 = job.uses ? Object.keys(run.called.get(id)?.workflow.outputs ?? {}) : Object.keys(job.outputs ?? {});
    const assumed = this.o.assume?.[path] ?? {};
    return Object.fromEntries(
      names2.map((n) => [n, n in assumed ? assumed[n] : new Unknown([`needs.${id}.outputs.${n}`])])
    );
  }
  matrixLegs(job, scope, path) {
    if (job.strategy?.matrix === void 0) return [{}];
    const m = interpolate(job.strategy.matrix, scope);
    if (isUnknown(m)) return m;
    if (!m || typeof m !== "object" || Array.isArray(m))
      throw new WorkflowError(path, [`job ${path}: strategy.matrix is not a mapping`]);
    const dims = Object.entries(m).filter(([k]) => k !== "include" && k !== "exclude");
    for (const [k, v] of dims) {
      if (isUnknown(v)) return v;
      if (!Array.isArray(v))
        throw new WorkflowError(path, [`job ${path}: strategy.matrix.${k} is not a list (${JSON.stringify(v)})`]);
    }
    let legs = dims.length ? [{}] : [];
    for (const [k, v] of dims) legs = legs.flatMap((l) => v.map((x) => ({ ...l, [k]: x })));
    const rec = m;
    const same = (a, b) => Object.entries(b).every(([k, v]) => JSON.stringify(a[k]) === JSON.stringify(v));
    for (const ex of rec.exclude ?? [])
      legs = legs.filter((l) => !same(l, ex));
    const originalKeys = dims.map(([k]) => k);
    for (const inc of rec.include ?? []) {
      const matching = legs.filter(
        (l) => originalKeys.every((k) => !(k in inc) || JSON.stringify(l[k]) === JSON.stringify(inc[k]))
      );
      if (matching.length && dims.length) for (const l of matching) Object.assign(l, inc);
      else legs.push({ ...inc });
    }
    if (legs.length === 0) throw new WorkflowError(path, [`job ${path}: strategy.matrix has no combination`]);
    return legs;
  }
  async runLeg(run, path, id, job, contexts, leg, report) {
    const key = `${String(++this.legCount).padStart(2, "0")}-${path.replace(/[^\w.-]+/g, "_")}${leg === void 0 ? "" : `-${leg + 1}`}`;
    const jobDir = join8(this.runDir, "jobs", key);
    const workspace = join8(jobDir, "workspace");
    const temp = join8(jobDir, "temp");
    const files = join8(jobDir, "file-commands");
    for (const d of [workspace, temp, files, join8(temp, "_tool")]) mkdirSync4(d, { recursive: true });
    const summaryFile = join8(jobDir, "summary.md");
    const label2 = leg === void 0 ? path : `${path} (${legName(contexts.matrix)})`;
    const runner = {
      os: "Linux",
      arch: "X64",
      name: "release-actions-local",
      environment: "self-hosted",
      temp,
      tool_cache: join8(temp, "_tool"),
      debug: this.baseEnv.RUNNER_DEBUG ?? ""
    };
    const github = { ...contexts.github, job: id, workspace };
    const jobScopeBase = {
      ...contexts,
      runner,
      github,
      job: { status: "success", container: {}, services: {} },
      steps: {}
    };
    const wfEnv = interpolate(run.wf.env ?? {}, { contexts: { ...jobScopeBase, env: {} }, workspace });
    const jobEnvOnly = interpolate(job.env ?? {}, { contexts: { ...jobScopeBase, env: wfEnv }, workspace });
    const env = {};
    for (const [k, v] of Object.entries({ ...wfEnv, ...jobEnvOnly })) env[k] = asString(v);
    const extraPath = [];
    const steps = {};
    const deadline = performance.now() + minutes(interpolate(job["timeout-minutes"] ?? 360, { contexts: jobScopeBase })) * 6e4;
    let failed = false;
    const defaults = { ...run.wf.defaults?.run ?? {}, ...job.defaults?.run ?? {} };
    for (const [i, step] of (job.steps ?? []).entries()) {
      const stepStarted = performance.now();
      const name = asString(
        step.name ?? (step.run !== void 0 ? `Run ${asString(step.run).split("\n")[0]}` : `Run ${step.uses}`)
      ) + (leg === void 0 ? "" : ` [${legName(contexts.matrix)}]`);
      const scope = {
        contexts: {
          ...jobScopeBase,
          steps,
          env,
          job: { status: failed ? "failure" : "success", container: {}, services: {} }
        },
        status: failed ? "failure" : "success",
        workspace
      };
      const sr = {
        name,
        id: step.id,
        outcome: "success",
        conclusion: "success",
        durationMs: 0,
        outputs: {}
      };
      report.steps.push(sr);
      const record = () => {
        sr.durationMs = performance.now() - stepStarted;
        if (step.id) steps[step.id] = { outputs: sr.outputs, outcome: sr.outcome, conclusion: sr.conclusion };
      };
      const ifText = ifExpression(step.if);
      const timedOut = performance.now() >= deadline || this.o.signal?.aborted === true;
      const go = !timedOut && isTruthy(evaluate(usesStatusFunction(ifText) ? ifText : `success() && (${ifText})`, scope));
      if (!go) {
        sr.outcome = sr.conclusion = timedOut ? "cancelled" : "skipped";
        record();
        continue;
      }
      this.log(`[${label2}] ▶ ${name}`);
      const stepEnv = { ...env };
      for (const [k, v] of Object.entries(interpolate(step.env ?? {}, scope) ?? {}))
        stepEnv[k] = asString(v);
      const fc = {
        GITHUB_OUTPUT: join8(files, `${i}-output`),
        GITHUB_ENV: join8(files, `${i}-env`),
        GITHUB_PATH: join8(files, `${i}-path`),
        GITHUB_STEP_SUMMARY: join8(files, `${i}-summary`),
        GITHUB_STATE: join8(files, `${i}-state`)
      };
      for (const f of Object.values(fc)) writeFileSync3(f, "");
      const processEnv = {
        ...this.baseEnv,
        PATH: [...extraPath, this.baseEnv.PATH ?? ""].filter(Boolean).join(delimiter2),
        CI: "true",
        GITHUB_ACTIONS: "true",
        ...this.runnerVars(github, runner, id, step.id ?? `__run_${i}`),
        ...fc,
        ...stepEnv
      };
      let error;
      const stepTimeout = Math.min(
        deadline - performance.now(),
        step["timeout-minutes"] !== void 0 ? minutes(interpolate(step["timeout-minutes"], scope)) * 6e4 : Infinity
      );
      try {
        if (step.run !== void 0) {
          const script = asString(interpolate(asString(step.run), scope));
          const shell = step.shell ?? defaults.shell ?? "bash";
          const wd = asString(interpolate(step["working-directory"] ?? defaults["working-directory"] ?? "", scope));
          const cwd = resolve4(workspace, wd);
          const file = join8(temp, `${i}-${randomName()}.sh`);
          writeFileSync3(file, script);
          const argv = shell === "sh" ? ["sh", "-e", file] : shell === "bash" ? ["bash", "--noprofile", "--norc", "-eo", "pipefail", file] : void 0;
          if (!argv) throw new UnsupportedError(`shell ${shell} is not supported locally`);
          if (!existsSync5(cwd)) throw new StandInError(`working-directory ${wd} does not exist`);
          const code = await this.spawnStep(argv, cwd, processEnv, stepTimeout, label2);
          if (code !== 0) error = code === "timeout" ? `timed out` : `exit code ${code}`;
        } else if (step.uses) {
          const action7 = resolveAction(step.uses, this.o, workspace);
          const withs = interpolate(step.with ?? {}, scope);
          const inputs = {};
          for (const [k, def] of Object.entries(action7.meta.inputs)) {
            const v = k in withs ? asString(withs[k]) : def.default !== void 0 ? asString(interpolate(def.default, scope)) : void 0;
            if (v !== void 0) inputs[k] = v;
          }
          if (action7.kind === "stand-in") {
            const r = await runStandIn(action7.name, inputs, {
              workspace,
              repository: this.o.repository,
              artifactsDir: join8(this.runDir, "artifacts"),
              sha: asString(github.sha),
              env: processEnv,
              log: (l) => this.log(`[${label2}] ${l}`)
            });
            sr.outputs = r.outputs;
            extraPath.unshift(...r.path ?? []);
          } else {
            const inputEnv = {};
            for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, "_").toUpperCase()}`] = v;
            const code = await this.spawnStep(
              [process.execPath, action7.main],
              workspace,
              { ...processEnv, ...inputEnv, GITHUB_ACTION_PATH: action7.dir },
              stepTimeout,
              label2
            );
            if (code !== 0) error = code === "timeout" ? "timed out" : `exit code ${code}`;
          }
        }
        const outputs2 = parseKeyValueFile(readFileSync5(fc.GITHUB_OUTPUT, "utf8"), "GITHUB_OUTPUT");
        sr.outputs = { ...sr.outputs, ...outputs2 };
        Object.assign(env, parseKeyValueFile(readFileSync5(fc.GITHUB_ENV, "utf8"), "GITHUB_ENV"));
        extraPath.unshift(...parsePathFile(readFileSync5(fc.GITHUB_PATH, "utf8")).reverse());
        const summary = readFileSync5(fc.GITHUB_STEP_SUMMARY, "utf8");
        if (summary) appendFileSync(summaryFile, summary.endsWith("\n") ? summary : `${summary}
`);
      } catch (e) {
        if (!(e instanceof StandInError || e instanceof UnsupportedError || e instanceof FileCommandError)) throw e;
        error = e.message;
      }
      if (error) {
        sr.error = error;
        sr.outcome = "failure";
        const coe = truthyValue(interpolate(step["continue-on-error"] ?? false, scope));
        sr.conclusion = coe ? "success" : "failure";
        this.log(`[${label2}] ✗ ${name}: ${error}${coe ? " (continue-on-error)" : ""}`);
        if (!coe) failed = true;
      }
      record();
    }
    const outputScope = { contexts: { ...jobScopeBase, steps, env }, workspace };
    const outputs = {};
    for (const [k, v] of Object.entries(job.outputs ?? {})) outputs[k] = asString(interpolate(v, outputScope));
    return { result: this.o.signal?.aborted ? "cancelled" : failed ? "failure" : "success", outputs };
  }
  runnerVars(github, runner, job, action7) {
    const s = (k) => asString(github[k]);
    const eventPath = join8(runner.temp, "_github_workflow", "event.json");
    if (!existsSync5(eventPath)) {
      mkdirSync4(join8(runner.temp, "_github_workflow"), { recursive: true });
      writeFileSync3(eventPath, JSON.stringify(github.event ?? {}));
    }
    return {
      GITHUB_WORKSPACE: s("workspace"),
      GITHUB_REPOSITORY: s("repository"),
      GITHUB_REPOSITORY_OWNER: s("repository_owner"),
      GITHUB_SHA: s("sha"),
      GITHUB_REF: s("ref"),
      GITHUB_REF_NAME: s("ref_name"),
      GITHUB_REF_TYPE: s("ref_type"),
      GITHUB_EVENT_NAME: s("event_name"),
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: s("run_id"),
      GITHUB_RUN_NUMBER: s("run_number"),
      GITHUB_RUN_ATTEMPT: s("run_attempt"),
      GITHUB_ACTOR: s("actor"),
      GITHUB_WORKFLOW: s("workflow"),
      GITHUB_JOB: job,
      GITHUB_ACTION: action7,
      GITHUB_SERVER_URL: s("server_url"),
      GITHUB_API_URL: s("api_url"),
      GITHUB_GRAPHQL_URL: s("graphql_url"),
      GITHUB_HEAD_REF: s("head_ref"),
      GITHUB_BASE_REF: s("base_ref"),
      RUNNER_OS: runner.os,
      RUNNER_ARCH: runner.arch,
      RUNNER_NAME: runner.name,
      RUNNER_TEMP: runner.temp,
      RUNNER_TOOL_CACHE: runner.tool_cache,
      ...runner.debug ? { RUNNER_DEBUG: runner.debug } : {}
    };
  }
  /**
   * Runs one process in its own group through the one process runner, its output logged line by line (masked);
   * `::add-mask::` adds a mask. A timeout or cancel sends SIGTERM, then SIGKILL 5 s later, as the runner does.
   */
  async spawnStep(argv, cwd, env, timeoutMs, label2) {
    const onLine = (line) => {
      const m = /^::add-mask::(.*)$/.exec(line);
      if (m) {
        if (m[1]) this.masks.add(m[1]);
        return;
      }
      if (line.startsWith("::debug::") && !env.RUNNER_DEBUG) return;
      this.log(`[${label2}] ${line}`);
    };
    const onAbort = () => this.log(`[${label2}] cancelled: stopping the step`);
    this.o.signal?.addEventListener("abort", onAbort, { once: true });
    const r = await exec(argv[0], argv.slice(1), {
      cwd,
      env,
      timeoutMs,
      killGraceMs: 5e3,
      signal: this.o.signal,
      onLine,
      maxBuffer: 0
    }).finally(() => this.o.signal?.removeEventListener("abort", onAbort));
    if (r.error) throw new StandInError(`${argv[0]}: ${r.error.message}`);
    if (r.timedOut) {
      this.log(`[${label2}] timeout: stopped the step`);
      return "timeout";
    }
    return r.code;
  }
};
function minutes(v) {
  const n = Number(asString(v));
  if (!Number.isFinite(n) || n <= 0)
    throw new WorkflowError("timeout-minutes", [`timeout-minutes ${JSON.stringify(v)} is not a positive number`]);
  return n;
}
function legName(m) {
  return Object.entries(m).map(([k, v]) => `${k}: ${asString(v)}`).join(", ");
}
function subCalled(called, id) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of called) if (k.startsWith(`${id}/`)) out.set(k.slice(id.length + 1), v);
  return out;
}
var names = 0;
var randomName = () => `${process.pid}-${++names}`;
async function runWorkflow(o) {
  const started = performance.now();
  const wf = await loadWorkflow(o.workflow);
  const called = await validateWorkflow(wf, o);
  const exec3 = new Execution(o);
  const inputs = typedInputs(wf, o.inputs ?? {}, wf.path);
  if (wf.secrets) {
    const unknown = Object.keys(o.secrets ?? {}).filter((k) => !(k in wf.secrets) && k !== "GITHUB_TOKEN");
    if (unknown.length)
      throw new WorkflowError(
        wf.path,
        unknown.map(
          (k) => `secret ${k}: not a secret of the workflow (secrets: ${Object.keys(wf.secrets).join(", ")})`
        )
      );
  }
  if (!o.dryRun) mkdirSync4(exec3.runDir, { recursive: true });
  const { states, outputs } = await exec3.runWorkflow({
    wf,
    called,
    prefix: "",
    inputs,
    secrets: { ...o.secrets ?? {} }
  });
  const problems = [];
  for (const id of o.mustRun ?? []) {
    const job = exec3.reports.find((j) => j.id === id);
    if (!job) problems.push(`job ${id}: no such job (jobs: ${exec3.reports.map((j) => j.id).join(", ")})`);
    else if (job.decision === "skip") problems.push(`job ${id}: must run, but is skipped: ${job.reason}`);
  }
  if (problems.length) throw new WorkflowError(wf.path, problems);
  const failed = [...states.values()].some((s) => s.result === "failure" || s.result === "cancelled") || exec3.reports.some((r) => r.result === "failure");
  return {
    workflow: wf.path,
    conclusion: failed ? "failure" : "success",
    jobs: exec3.reports,
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([k, v]) => [k, isUnknown(v) ? `(unknown: ${v.refs.join(", ")})` : asString(v)])
    ),
    runDir: o.dryRun ? void 0 : exec3.runDir,
    durationMs: performance.now() - started
  };
}
function ifExpression(cond) {
  if (cond === void 0) return "success()";
  if (typeof cond === "boolean") return String(cond);
  return cond.replace(/^\s*\$\{\{([\s\S]*)\}\}\s*$/, "$1").trim();
}

// cli/src/workflow.ts
var PACKAGE_ROOT = resolve5(dirname2(fileURLToPath(import.meta.url)), "..", "..");
var WORKFLOW_HELP = `release-actions workflow run — run the reusable workflow (release.yml) locally

Usage:
  release-actions workflow run [--workflow <path>] [--input name=value]... [--secret name=value]...
                               [--var name=value]... [--event <event.json>] [--dry-run] [--approve all]
                               [--assume job.output=value]... [--must-run job]... [--reviewers environment=a,b]...
                               [--job job]... [--run-dir <dir>]

  --workflow    the workflow to run: release.yml itself, or a caller workflow whose job uses
                ./.github/workflows/release.yml or <owner>/release-actions/.github/workflows/release.yml@<ref>.
                Default: .github/workflows/release.yml of the current directory, else release-actions' own.
  --input       an input of the workflow (workflow_call or workflow_dispatch), repeatable.
  --secret      a secret (GITHUB_TOKEN is github.token; default $GITHUB_TOKEN), repeatable; printed as ***.
  --var         a configuration variable (vars.<name>), repeatable.
  --event       a JSON payload for github.event.
  --dry-run     evaluate the job graph only: per job run / skip / wait-for-approval / depends, and why.
  --assume      (dry run) take a job's output as given, e.g. --assume plan.releasable=true.
  --must-run    a job that must not be skipped (repeatable): fails naming the job and its if: otherwise.
  --job         run only this job (repeatable; release/plan inside a caller's job release): the others are
                skipped as not selected. --job plan runs the plan and its whole preflight, and nothing else.
  --approve all approve every environment without asking (the reviewers asked are printed).
  --reviewers   reviewers to name when an environment asks, e.g. --reviewers production=alice,bob.
  --run-dir     where job workspaces, RUNNER_TEMP, summaries and artifacts go (default: a new temp dir).

Exit code: 0 when the run succeeded (or the dry run evaluated), 1 when a job failed or the workflow cannot run
here (the error names the job and key), 2 for a usage error.
`;
function pair(flag, value) {
  const i = value.indexOf("=");
  if (i <= 0) throw new UsageError(`${flag} takes name=value, got ${JSON.stringify(value)}`);
  return [value.slice(0, i), value.slice(i + 1)];
}
function parseWorkflowFlags(argv) {
  const p = {
    inputs: {},
    secrets: {},
    vars: {},
    assume: {},
    mustRun: [],
    jobs: [],
    reviewers: {},
    dryRun: false,
    approveAll: false
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = () => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === void 0) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--workflow":
        p.workflow = value();
        break;
      case "--input":
      case "--secret":
      case "--var": {
        const [k, v] = pair(flag, value());
        ({ "--input": p.inputs, "--secret": p.secrets, "--var": p.vars })[flag][k] = v;
        break;
      }
      case "--assume": {
        const [k, v] = pair(flag, value());
        const dot = k.lastIndexOf(".");
        if (dot <= 0) throw new UsageError(`--assume takes job.output=value, got ${JSON.stringify(k)}`);
        (p.assume[k.slice(0, dot)] ??= {})[k.slice(dot + 1)] = v;
        break;
      }
      case "--reviewers": {
        const [k, v] = pair(flag, value());
        p.reviewers[k] = v.split(",").map((s) => s.trim()).filter(Boolean);
        break;
      }
      case "--must-run":
        p.mustRun.push(value());
        break;
      case "--job":
        p.jobs.push(value());
        break;
      case "--event":
        p.event = value();
        break;
      case "--run-dir":
        p.runDir = value();
        break;
      case "--dry-run":
        p.dryRun = true;
        break;
      case "--approve": {
        const v = value();
        if (v !== "all")
          throw new UsageError(`--approve takes "all" (without it, each environment is asked on the terminal)`);
        p.approveAll = true;
        break;
      }
      default:
        throw new UsageError(`unknown flag ${JSON.stringify(raw)} for workflow run (see workflow --help)`);
    }
  }
  return p;
}
async function askOnTerminal(question) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => c === r.length - 1 ? cell : cell.padEnd(widths[c])).join("  ")).join("\n");
}
function reportText(report, dryRun) {
  const oneLine = (s) => s.replace(/\s+/g, " ");
  const rows = dryRun ? [["job", "decision", "why"], ...report.jobs.map((j) => [j.id, j.decision, oneLine(j.reason)])] : [
    ["job", "result", "time", "why"],
    ...report.jobs.map((j) => [
      j.id,
      j.result,
      j.decision === "skip" ? "" : `${(j.durationMs / 1e3).toFixed(1)} s`,
      oneLine(j.reason)
    ])
  ];
  const lines = ["", table(rows), ""];
  const outputs = Object.entries(report.outputs);
  if (outputs.length) lines.push("outputs:", ...outputs.map(([k, v]) => `  ${k}: ${v}`), "");
  lines.push(
    dryRun ? `dry run of ${report.workflow} in ${report.durationMs.toFixed(0)} ms: no step ran` : `${report.workflow}: ${report.conclusion} in ${(report.durationMs / 1e3).toFixed(1)} s; workspaces, summaries and artifacts in ${report.runDir}`
  );
  return `${lines.join("\n")}
`;
}
async function workflowCommand(argv, io, ask = askOnTerminal) {
  const [sub, ...rest] = argv;
  if (sub === void 0 || sub === "--help" || sub === "-h" || rest.includes("--help")) {
    io.out(WORKFLOW_HELP);
    return sub === void 0 ? 2 : 0;
  }
  if (sub !== "run") throw new UsageError(`unknown workflow command ${JSON.stringify(sub)}; there is: workflow run`);
  const p = parseWorkflowFlags(rest);
  const own = join9(io.cwd, ".github/workflows/release.yml");
  const workflow = p.workflow ? resolve5(io.cwd, p.workflow) : existsSync6(own) ? own : join9(PACKAGE_ROOT, ".github/workflows/release.yml");
  let payload;
  if (p.event) {
    try {
      payload = JSON.parse(readFileSync6(resolve5(io.cwd, p.event), "utf8"));
    } catch (e) {
      throw new UsageError(`--event ${p.event}: ${errorMessage(e)}`);
    }
  }
  const secrets = { ...p.secrets };
  if (secrets.GITHUB_TOKEN === void 0 && io.env.GITHUB_TOKEN) secrets.GITHUB_TOKEN = io.env.GITHUB_TOKEN;
  const approve = async (r) => {
    const who = r.reviewers.length ? r.reviewers.join(", ") : "the reviewers of the environment (none configured here; --reviewers)";
    if (p.approveAll) {
      io.out(
        `approval: job ${r.job} waits for environment ${r.environment}; asked: ${who}; approved (--approve all)
`
      );
      return true;
    }
    const answer = await ask(
      `job ${r.job} waits for environment ${r.environment}${r.url ? ` (${r.url})` : ""}; reviewers: ${who}. Approve? [y/N] `
    );
    const ok2 = /^y(es)?$/i.test(answer.trim());
    io.out(`approval: environment ${r.environment} ${ok2 ? "approved" : "rejected"} for job ${r.job}
`);
    return ok2;
  };
  try {
    const report = await runWorkflow({
      workflow,
      packageRoot: PACKAGE_ROOT,
      repository: io.cwd,
      inputs: p.inputs,
      secrets,
      vars: p.vars,
      event: payload ? { payload } : void 0,
      dryRun: p.dryRun,
      assume: p.assume,
      mustRun: p.mustRun,
      jobs: p.jobs.length ? p.jobs : void 0,
      reviewers: p.reviewers,
      runDir: p.runDir ? resolve5(io.cwd, p.runDir) : void 0,
      approve,
      env: io.env,
      log: (line) => io.out(`${line}
`)
    });
    io.out(reportText(report, p.dryRun));
    return report.conclusion === "success" ? 0 : 1;
  } catch (e) {
    if (e instanceof WorkflowError) {
      io.err(`release-actions workflow: ${e.message}
`);
      return 1;
    }
    throw e;
  }
}

// cli/src/cli.ts
var ROOT = resolve6(dirname3(fileURLToPath2(import.meta.url)), "..", "..");
var processIo = () => ({
  cwd: process.cwd(),
  env: process.env,
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t)
});
function indent(value) {
  return value.includes("\n") ? `
${value.replace(/^/gm, "      ")}` : ` ${value}`;
}
async function dashboard(argv, io) {
  const { values, help } = parseFlags(argv, DASHBOARD_FLAGS, "dashboard");
  if (help) {
    io.out(dashboardHelp());
    return 0;
  }
  const limitText = values.limit ?? DASHBOARD_FLAGS.limit.default;
  if (!/^[1-9]\d{0,6}$/.test(limitText))
    throw new UsageError(
      `dashboard: --limit has the value ${JSON.stringify(limitText)}; expected a whole number of releases from 1, e.g. 200`
    );
  const statusPath = resolve6(io.cwd, values.status ?? DASHBOARD_FLAGS.status.default);
  const outPath = resolve6(io.cwd, values.out ?? DASHBOARD_FLAGS.out.default);
  let text2;
  try {
    text2 = readFileSync7(statusPath, "utf8");
  } catch (e) {
    io.err(`dashboard: cannot read the status record ${statusPath}: ${errorMessage(e)}
`);
    return 1;
  }
  let model;
  try {
    model = parseStatusYaml(text2, { limit: Number(limitText) });
  } catch (e) {
    io.err(`dashboard: ${statusPath} is not valid YAML: ${errorMessage(e).split("\n")[0]}
`);
    return 1;
  }
  const rel = relative3(io.cwd, statusPath);
  const source = rel && !rel.startsWith("..") ? rel : basename5(statusPath);
  const html = renderDashboard(model, { title: values.title, source });
  mkdirSync5(dirname3(outPath), { recursive: true });
  writeFileSync4(outPath, html);
  const kb = (Buffer.byteLength(html) / 1024).toFixed(1);
  const older = model.omitted ? ` (${model.omitted} older not shown: --limit ${limitText})` : "";
  io.out(`dashboard: ${model.releases.length} releases${older} from ${source} → ${outPath} (${kb} KiB)
`);
  return 0;
}
async function main(argv, io = processIo()) {
  const [command, ...rest] = argv;
  try {
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      if (command === "help" && rest[0]) return main([rest[0], "--help"], io);
      if (command === void 0) {
        io.err(mainHelp());
        return 2;
      }
      io.out(mainHelp());
      return 0;
    }
    if (command === "dashboard") return await dashboard(rest, io);
    if (command === "workflow") return await workflowCommand(rest, io);
    if (command === "verify") {
      const { verifyCommand } = await import(new URL("./verify.js", import.meta.url).href);
      return await verifyCommand(rest, io);
    }
    const def = findStage(command);
    if (!def) {
      throw new UsageError(
        `unknown stage ${JSON.stringify(command)}; stages: ${STAGES.map((s) => s.id).join(", ")}, dashboard (see --help)`
      );
    }
    const { values, help } = parseFlags(rest, def.inputs, def.id);
    if (help) {
      io.out(stageHelp(def));
      return 0;
    }
    const major = Number(process.versions.node.split(".")[0]);
    if (major < 24) io.err(`note: actions run on Node 24 (runs.using: node24); this is Node ${process.version}
`);
    const run = await runStageBundle(def, values, {
      cwd: io.cwd,
      env: io.env,
      root: ROOT,
      write: (text2, stream) => stream === "stdout" ? io.out(text2) : io.err(text2)
    });
    const lines = [
      "",
      `release-actions ${def.id}: ${run.code === 0 ? "succeeded" : `failed (exit code ${run.code})`} in ${(run.durationMs / 1e3).toFixed(1)} s`
    ];
    const outputs = Object.entries(run.outputs);
    lines.push(outputs.length ? "outputs:" : "outputs: none");
    for (const [k, v] of outputs) lines.push(`  ${k}:${indent(v)}`);
    lines.push(`job summary: ${run.summaryPath ?? "none written"}`);
    io.out(`${lines.join("\n")}
`);
    return run.code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`release-actions: ${e.message}
`);
      return 2;
    }
    io.err(`release-actions: ${errorMessage(e)}
`);
    return 1;
  }
}

// cli/src/main.ts
process.exitCode = await main(process.argv.slice(2));
