// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);

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
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
var COMMAND_START = /^(\s*)(::|##\[)/;
var NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
function showControl(c) {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function escapeLogText(value, o = {}) {
  let s = typeof value === "string" ? value : String(value);
  if (o.max !== void 0 && s.length > o.max) s = `${s.slice(0, o.max)}…`;
  return s.replace(CONTROL, showControl).replace(COMMAND_START, "$1\\$2");
}
function quoteLogValue(value, max = 60) {
  if (typeof value !== "string") {
    let s;
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
    return escapeLogText(s, { max });
  }
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return escapeLogText(JSON.stringify(cut));
}
var HTML_ENTITY = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
var AUTOLINK = /^<(?:https?:\/\/|mailto:)[^\s<>]*>/i;
function escapeProse(text, atLineStart) {
  let out = "";
  let i = 0;
  let lineStart = atLineStart;
  while (i < text.length) {
    const c = text[i];
    if (lineStart) {
      const quote = /^ {0,3}(?:> ?)+/.exec(text.slice(i, i + 64));
      if (quote && quote[0].includes(">")) {
        out += quote[0];
        i += quote[0].length;
        lineStart = false;
        continue;
      }
    }
    lineStart = c === "\n";
    if (c === "<") {
      const link = AUTOLINK.exec(text.slice(i, i + 2048));
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
function escapeMarkdownHtml(text) {
  let out = "";
  let i = 0;
  const atLineStart = (at) => at === 0 || text[at - 1] === "\n";
  while (i < text.length) {
    const tick = text.indexOf("`", i);
    if (tick < 0) {
      out += escapeProse(text.slice(i), atLineStart(i));
      break;
    }
    out += escapeProse(text.slice(i, tick), atLineStart(i));
    const run = /^`+/.exec(text.slice(tick))?.[0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = tick + run.length;
    const m = close.exec(text);
    if (!m) {
      out += run;
      i = tick + run.length;
      continue;
    }
    out += text.slice(tick, m.index + run.length);
    i = m.index + run.length;
  }
  return out;
}

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
  errorMessage,
  InputError,
  StageError,
  escapeLogText,
  quoteLogValue,
  escapeMarkdownHtml,
  silentLogger
};
