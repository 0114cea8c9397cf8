// Bundled by scripts/bundle.mjs (esbuild) from the sources in this repository. Do not edit.
import { createRequire as __raCreateRequire } from 'node:module';
import { fileURLToPath as __raFileURLToPath } from 'node:url';
import { dirname as __raDirname } from 'node:path';
const require = __raCreateRequire(import.meta.url);
const __filename = __raFileURLToPath(import.meta.url);
const __dirname = __raDirname(__filename);
import "./chunk-JRY3VOBV.js";

// node_modules/@conventional-changelog/template/dist/elements.js
function toString(value) {
  return typeof value === "number" || value ? String(value) : "";
}
function each(array, callback, separator = newline()) {
  return array ? array.reduce((acc, item) => {
    const rendered = toString(callback(item)).trim();
    return `${acc}${acc && rendered ? separator : ""}${rendered}`;
  }, "") : "";
}
function heading(level, text) {
  return `${"#".repeat(level)} ${text}`;
}
function link(text, url2) {
  return `[${text}](${url2})`;
}
function list(array, callback) {
  return each(array, (item) => {
    const rendered = toString(callback(item)).trim();
    const itemText = rendered.split(/\r?\n/).map((line, index) => index > 0 && line ? `  ${line}` : line).join("\n");
    return rendered ? `* ${itemText}` : "";
  });
}
function bold(text) {
  return `**${text}**`;
}
function italic(text) {
  return `_${text}_`;
}
function small(text) {
  return `<small>${text}</small>`;
}
function newline(times = 1) {
  return "\n".repeat(times);
}
function strings(...values) {
  return each(values, (value) => value, "");
}
function segments(...values) {
  return each(values, (value) => value, newline(2));
}
function words(...values) {
  return each(values, (value) => value, " ");
}
function url(...parts) {
  return parts.reduce((acc, part) => {
    if (typeof part !== "number" && !part) {
      return acc;
    }
    const segment = String(part).replace(/^\/+|\/+$/g, "");
    return acc ? `${acc}/${segment}` : segment;
  }, "");
}

// node_modules/@conventional-changelog/template/dist/references.js
var protectedSegments = [
  /\[(?:[^[\]]|\[[^[\]]*])*]\((?:[^()\n]|\([^()\n]*\))*\)/,
  // [text](url)
  /\[[^\]]*]\[[^\]]*]/,
  // [text][ref]
  // the lookahead makes the delimiter length atomic, without it a long run
  // of backticks makes the regex engine retry every possible delimiter length
  /^[ \t]*(?=(?<fence>`{3,}|~{3,}))\k<fence>[\s\S]*?^[ \t]*\k<fence>[ \t]*\r?$/,
  // ```code block```
  /(?=(?<code>`+))\k<code>[^\n]*?\k<code>/,
  // `code span`
  /https?:\/\/(?:[^\s()]|\([^\s()]*\))+/
  // https://url
];
var userMention = /\B@(?<user>[a-z0-9](?:-?[a-z0-9/]){0,38})/;
var defaultIssuePattern = /[a-z0-9]+/;
function escapeRegExp(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function referencesRegex(issuePrefixes = [], issuePattern = defaultIssuePattern) {
  const prefixes = issuePrefixes.map((prefix) => typeof prefix === "string" ? escapeRegExp(prefix) : prefix.source).join("|");
  const patterns = [
    ...protectedSegments.map((segment) => segment.source),
    // without prefixes every word would be matched as an issue reference
    prefixes && `(?<prefix>${prefixes})(?<issue>${issuePattern.source})`,
    userMention.source
  ];
  return new RegExp(patterns.filter(Boolean).join("|"), "gm");
}
function createReferencesFormatter(options) {
  const regex = referencesRegex(options.issuePrefixes, options.issuePattern);
  return (text, context, references) => text.replace(regex, (match, ...args) => {
    const { prefix, issue, user } = args.at(-1);
    if (issue) {
      const issueUrl = options.formatIssueUrl(context, {
        prefix,
        issue
      });
      if (!issueUrl) {
        return match;
      }
      references?.push(match);
      return link(match, issueUrl);
    }
    if (user) {
      if (user.includes("/")) {
        return match;
      }
      const userUrl = options.formatUserUrl(context, user);
      if (!userUrl) {
        return match;
      }
      return link(match, userUrl);
    }
    return match;
  });
}

// node_modules/@conventional-changelog/template/dist/templates.js
function repositoryUrl(context) {
  if (context.repository) {
    return url(context.host, context.owner, context.repository);
  }
  return context.repoUrl || "";
}
function referenceRepositoryUrl(context, reference2) {
  if (!context.repository) {
    return context.repoUrl || "";
  }
  if (reference2.repository) {
    return url(context.host, reference2.owner, reference2.repository);
  }
  return url(context.host, context.owner, context.repository);
}
function compareUrl(context) {
  const previousTag = encodeURIComponent(context.previousTag || "");
  const currentTag = encodeURIComponent(context.currentTag || "");
  return url(repositoryUrl(context), context.compare || "compare", `${previousTag}...${currentTag}`);
}
var BREAKING_CHANGE_KEYWORDS = ["BREAKING CHANGE", "BREAKING-CHANGE"];
var BREAKING_CHANGES_TITLE = "BREAKING CHANGES";
function noteTitle(title) {
  const upperCaseTitle = title.toUpperCase();
  return BREAKING_CHANGE_KEYWORDS.includes(upperCaseTitle) ? BREAKING_CHANGES_TITLE : upperCaseTitle;
}
function isBreakingNote(note) {
  return noteTitle(note.title) === BREAKING_CHANGES_TITLE;
}
function reference(reference2) {
  return strings(reference2.owner && `${reference2.owner}/`, reference2.repository, reference2.issue && `${reference2.prefix || "#"}${reference2.issue}`);
}
function headerPartial({ isPatch, title, version, date }) {
  const versionText = words(version, title && `"${title}"`, date && `(${date})`);
  return heading(2, isPatch ? small(versionText) : versionText);
}
function preamblePartial({ preamble }) {
  return strings(preamble);
}
function footerPartial({ noteGroups }) {
  return each(noteGroups, (group) => segments(heading(3, group.title), list(group.notes, (note) => note.text)), newline(2));
}
function commitPartial(context, commit) {
  const { linkReferences, issue, commit: commitUrlPath } = context;
  const { hash, references, header } = commit;
  const commitLink = hash ? linkReferences ? `(${link(hash, url(repositoryUrl(context), commitUrlPath, hash))})` : hash : "";
  const renderedReferences = each(references, (linkReference) => {
    if (linkReferences) {
      return link(reference(linkReference), url(referenceRepositoryUrl(context, linkReference), issue, linkReference.issue));
    }
    return reference(linkReference);
  }, " ");
  return strings(words(header, commitLink), renderedReferences && `, closes ${renderedReferences}`);
}
function template(context) {
  const { headerPartial: headerPartial2, preamblePartial: preamblePartial2, commitPartial: commitPartial2, footerPartial: footerPartial2, commitGroups } = context;
  return segments(headerPartial2(context), preamblePartial2(context), each(commitGroups, (group) => list(group.commits, (commit) => commitPartial2(context, commit))), footerPartial2(context));
}

// node_modules/@conventional-changelog/template/dist/legacy.js
function createLegacyWriterGuard(preset) {
  return {
    mainTemplate: `{{[${preset} requires conventional-changelog-writer@9 or newer (conventional-changelog@8 or newer). Your changelog tooling loaded an older writer which cannot render this preset. Update the tooling or use an older major version of the preset.] true}}`
  };
}

// node_modules/conventional-changelog-writer/dist/commit.js
function preventModifications(object) {
  return new Proxy(object, {
    get(target, prop) {
      const value = target[prop];
      if (value instanceof Date) {
        return value;
      }
      if (typeof value === "object" && value !== null) {
        return preventModifications(value);
      }
      return value;
    },
    set() {
      throw new Error("Cannot modify immutable object.");
    },
    deleteProperty() {
      throw new Error("Cannot modify immutable object.");
    }
  });
}
async function transformCommit(commit, transform, ...args) {
  if (typeof transform === "function") {
    const patch = await transform(preventModifications(commit), ...args);
    if (patch) {
      return {
        ...commit,
        ...patch,
        raw: commit
      };
    }
    return null;
  }
  return commit;
}

// node_modules/verkit/dist/comparison-CmVirWIW.js
var LETTER_DASH_NUMBER = "[a-zA-Z0-9-]";
var NUMERIC_IDENTIFIER = String.raw`0|[1-9]\d*`;
var NUMERIC_IDENTIFIER_LOOSE = String.raw`\d+`;
var NON_NUMERIC_IDENTIFIER = String.raw`\d*[a-zA-Z-]${LETTER_DASH_NUMBER}*`;
var MAIN_VERSION = String.raw`(${NUMERIC_IDENTIFIER})\.(${NUMERIC_IDENTIFIER})\.(${NUMERIC_IDENTIFIER})`;
var MAIN_VERSION_LOOSE = String.raw`(${NUMERIC_IDENTIFIER_LOOSE})\.(${NUMERIC_IDENTIFIER_LOOSE})\.(${NUMERIC_IDENTIFIER_LOOSE})`;
var PRERELEASE_IDENTIFIER = `(?:${NON_NUMERIC_IDENTIFIER}|${NUMERIC_IDENTIFIER})`;
var PRERELEASE_IDENTIFIER_LOOSE = `(?:${NON_NUMERIC_IDENTIFIER}|${NUMERIC_IDENTIFIER_LOOSE})`;
var PRERELEASE = String.raw`(?:-(${PRERELEASE_IDENTIFIER}(?:\.${PRERELEASE_IDENTIFIER})*))`;
var PRERELEASE_LOOSE = String.raw`(?:-?(${PRERELEASE_IDENTIFIER_LOOSE}(?:\.${PRERELEASE_IDENTIFIER_LOOSE})*))`;
var BUILD_IDENTIFIER = `${LETTER_DASH_NUMBER}+`;
var BUILD = String.raw`(?:\+(${BUILD_IDENTIFIER}(?:\.${BUILD_IDENTIFIER})*))`;
var FULL_PLAIN = `v?${MAIN_VERSION}${PRERELEASE}?${BUILD}?`;
var LOOSE_PLAIN = String.raw`[v=\s]*${MAIN_VERSION_LOOSE}${PRERELEASE_LOOSE}?${BUILD}?`;
var XRANGE_IDENTIFIER = String.raw`${NUMERIC_IDENTIFIER}|x|X|\*`;
var XRANGE_IDENTIFIER_LOOSE = String.raw`${NUMERIC_IDENTIFIER_LOOSE}|x|X|\*`;
var XRANGE_PLAIN = String.raw`[v=\s]*(${XRANGE_IDENTIFIER})(?:\.(${XRANGE_IDENTIFIER})(?:\.(${XRANGE_IDENTIFIER})(?:${PRERELEASE})?${BUILD}?)?)?`;
var XRANGE_PLAIN_LOOSE = String.raw`[v=\s]*(${XRANGE_IDENTIFIER_LOOSE})(?:\.(${XRANGE_IDENTIFIER_LOOSE})(?:\.(${XRANGE_IDENTIFIER_LOOSE})(?:${PRERELEASE_LOOSE})?${BUILD}?)?)?`;
var LONE_CARET = String.raw`(?:\^)`;
var COERCE_PLAIN = String.raw`(^|[^\d])(\d{1,${16}})(?:\.(\d{1,${16}}))?(?:\.(\d{1,${16}}))?`;
var COERCE = String.raw`${COERCE_PLAIN}(?:$|[^\d])`;
var COERCE_FULL = String.raw`${COERCE_PLAIN}(?:${PRERELEASE})?(?:${BUILD})?(?:$|[^\d])`;
function makeSafeRegexSource(source) {
  const replacements = [
    [String.raw`\s`, 1],
    [String.raw`\d`, 256],
    [LETTER_DASH_NUMBER, 250]
  ];
  for (const [token, maximum] of replacements) source = source.split(`${token}*`).join(`${token}{0,${maximum}}`).split(`${token}+`).join(`${token}{1,${maximum}}`);
  return source;
}
function safeRegex(source, flags) {
  return new RegExp(makeSafeRegexSource(source), flags);
}
var FULL = safeRegex(`^${FULL_PLAIN}$`);
var LOOSE = safeRegex(`^${LOOSE_PLAIN}$`);
var NUMERIC$1 = /^\d+$/;
function parse(version, options = {}) {
  if (typeof version !== "string") return version;
  if (version.length > 256) throw new TypeError(`Version exceeds the maximum length of 256 characters`);
  const match = version.trim().match(options.loose ? LOOSE : FULL);
  if (!match) throw new TypeError(`Invalid version syntax: ${version}`);
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const patch = Number(match[3]);
  if (major > Number.MAX_SAFE_INTEGER || major < 0) throw new TypeError(`Invalid major version: ${match[1]}`);
  if (minor > Number.MAX_SAFE_INTEGER || minor < 0) throw new TypeError(`Invalid minor version: ${match[2]}`);
  if (patch > Number.MAX_SAFE_INTEGER || patch < 0) throw new TypeError(`Invalid patch version: ${match[3]}`);
  const prerelease = match[4] ? match[4].split(".").map((identifier) => {
    if (NUMERIC$1.test(identifier)) {
      const numeric = Number(identifier);
      if (numeric >= 0 && numeric < Number.MAX_SAFE_INTEGER) return numeric;
    }
    return identifier;
  }) : void 0;
  return {
    build: match[5]?.split("."),
    major,
    minor,
    patch,
    prerelease
  };
}
function tryParse(version, options = {}) {
  try {
    return parse(version, options);
  } catch {
    return null;
  }
}

// node_modules/verkit/dist/version-Co1j9Tpq.js
var COERCE_EXACT = safeRegex(COERCE);
var COERCE_FULL_EXACT = safeRegex(COERCE_FULL);
var PRERELEASE_EXACT = safeRegex(`^${PRERELEASE}$`);
var PRERELEASE_LOOSE_EXACT = safeRegex(`^${PRERELEASE_LOOSE}$`);
function isValid(version, options = {}) {
  return tryParse(version, options) !== null;
}
function getPatch(version, options = {}) {
  return parse(version, options).patch;
}

// node_modules/conventional-changelog-writer/dist/utils.js
var DATETIME_LENGTH = 10;
function formatDate(date) {
  return new Date(date).toISOString().slice(0, DATETIME_LENGTH);
}
function stringify(obj) {
  const stack = [];
  const keys = [];
  let thisPos;
  const cycleReplacer = (value) => {
    if (stack[0] === value) {
      return "[Circular ~]";
    }
    return `[Circular ~.${keys.slice(0, stack.indexOf(value)).join(".")}]`;
  };
  function serializer(key, value) {
    let resultValue = value;
    if (stack.length > 0) {
      thisPos = stack.indexOf(this);
      if (thisPos !== -1) {
        stack.splice(thisPos + 1);
        keys.splice(thisPos, Infinity, key);
      } else {
        stack.push(this);
        keys.push(key);
      }
      if (stack.includes(resultValue)) {
        resultValue = cycleReplacer(resultValue);
      }
    } else {
      stack.push(resultValue);
    }
    return resultValue;
  }
  return JSON.stringify(obj, serializer, "  ");
}
function createComparator(strings2) {
  if (typeof strings2 === "string") {
    return (a, b) => (a[strings2] || "").localeCompare(b[strings2] || "");
  }
  if (Array.isArray(strings2)) {
    return (a, b) => {
      let strA = "";
      let strB = "";
      for (const key of strings2) {
        strA += a[key] || "";
        strB += b[key] || "";
      }
      return strA.localeCompare(strB);
    };
  }
  return strings2;
}

// node_modules/conventional-changelog-writer/dist/options.js
var HASH_SHORT_LENGTH = 7;
var HEADER_MAX_LENGTH = 100;
function defaultCommitTransform(commit, _context, options) {
  const { hash, header, committerDate } = commit;
  return {
    hash: typeof hash === "string" ? hash.substring(0, HASH_SHORT_LENGTH) : hash,
    header: typeof header === "string" ? header.substring(0, HEADER_MAX_LENGTH) : header,
    committerDate: committerDate ? options.formatDate(committerDate) : committerDate
  };
}
function getFinalOptions(options) {
  const prefinalOptions = {
    groupBy: "type",
    commitsSort: "header",
    noteGroupsSort: "title",
    notesSort: "text",
    transform: defaultCommitTransform,
    generateOn: (commit) => typeof commit.version === "string" && isValid(commit.version),
    finalizeContext: (context) => context,
    debug: () => {
    },
    formatDate,
    template,
    headerPartial,
    preamblePartial,
    commitPartial,
    footerPartial,
    reverse: false,
    ignoreReverted: true,
    doFlush: true,
    ...options
  };
  const finalOptions = {
    ...prefinalOptions,
    commitGroupsSort: createComparator(prefinalOptions.commitGroupsSort),
    commitsSort: createComparator(prefinalOptions.commitsSort),
    noteGroupsSort: createComparator(prefinalOptions.noteGroupsSort),
    notesSort: createComparator(prefinalOptions.notesSort)
  };
  return finalOptions;
}
function getGenerateOnFunction(context, options) {
  const { generateOn } = options;
  if (typeof generateOn === "string") {
    return (commit) => typeof commit[generateOn] !== "undefined";
  } else if (typeof generateOn !== "function") {
    return () => false;
  }
  return (keyCommit, commitsGroup) => generateOn(keyCommit, commitsGroup, context, options);
}

// node_modules/conventional-changelog-writer/dist/writers.js
import { Transform } from "stream";

// node_modules/conventional-commits-filter/dist/utils.js
function isMatch(object, source) {
  let aValue;
  let bValue;
  for (const key in source) {
    aValue = object[key];
    bValue = source[key];
    if (typeof aValue === "string") {
      aValue = aValue.trim();
    }
    if (typeof bValue === "string") {
      bValue = bValue.trim();
    }
    if (aValue !== bValue) {
      return false;
    }
  }
  return true;
}
function findRevertCommit(commit, reverts) {
  if (!reverts.size) {
    return null;
  }
  const rawCommit = commit.raw || commit;
  for (const revertCommit of reverts) {
    if (revertCommit.revert && isMatch(rawCommit, revertCommit.revert)) {
      return revertCommit;
    }
  }
  return null;
}

// node_modules/conventional-commits-filter/dist/RevertedCommitsFilter.js
var RevertedCommitsFilter = class {
  hold = /* @__PURE__ */ new Set();
  holdRevertsCount = 0;
  /**
   * Process commit to filter reverted commits
   * @param commit
   * @yields Commit
   */
  *process(commit) {
    const { hold } = this;
    const revertCommit = findRevertCommit(commit, hold);
    if (revertCommit) {
      hold.delete(revertCommit);
      this.holdRevertsCount--;
      return;
    }
    if (commit.revert) {
      hold.add(commit);
      this.holdRevertsCount++;
      return;
    }
    if (this.holdRevertsCount > 0) {
      hold.add(commit);
    } else {
      if (hold.size) {
        yield* hold;
        hold.clear();
      }
      yield commit;
    }
  }
  /**
   * Flush all held commits
   * @yields Held commits
   */
  *flush() {
    const { hold } = this;
    if (hold.size) {
      yield* hold;
      hold.clear();
    }
  }
};

// node_modules/conventional-commits-filter/dist/filters.js
function* filterRevertedCommitsSync(commits) {
  const filter = new RevertedCommitsFilter();
  for (const commit of commits) {
    yield* filter.process(commit);
  }
  yield* filter.flush();
}

// node_modules/conventional-changelog-writer/dist/context.js
function getCommitGroups(commits, options) {
  const { groupBy, commitGroupsSort, commitsSort } = options;
  const commitGroups = [];
  const commitGroupsObj = commits.reduce((groups, commit) => {
    const key = commit[groupBy] || "";
    if (groups[key]) {
      groups[key].push(commit);
    } else {
      groups[key] = [commit];
    }
    return groups;
  }, /* @__PURE__ */ Object.create(null));
  Object.entries(commitGroupsObj).forEach(([title, commits2]) => {
    if (commitsSort) {
      commits2.sort(commitsSort);
    }
    commitGroups.push({
      title,
      commits: commits2
    });
  });
  if (commitGroupsSort) {
    commitGroups.sort(commitGroupsSort);
  }
  return commitGroups;
}
function getNoteGroups(notes, options) {
  const { noteGroupsSort, notesSort } = options;
  const retGroups = [];
  notes.forEach((note) => {
    const { title } = note;
    let titleExists = false;
    retGroups.forEach((group) => {
      if (group.title === title) {
        titleExists = true;
        group.notes.push(note);
      }
    });
    if (!titleExists) {
      retGroups.push({
        title,
        notes: [note]
      });
    }
  });
  if (noteGroupsSort) {
    retGroups.sort(noteGroupsSort);
  }
  if (notesSort) {
    retGroups.forEach((group) => {
      group.notes.sort(notesSort);
    });
  }
  return retGroups;
}
function getExtraContext(commits, notes, options) {
  return {
    // group `commits` by `options.groupBy`
    commitGroups: getCommitGroups(commits, options),
    // group `notes` for footer
    noteGroups: getNoteGroups(notes, options)
  };
}
function getFinalContext(context, options) {
  const finalContext = {
    commit: "commits",
    issue: "issues",
    compare: "compare",
    date: options.formatDate(/* @__PURE__ */ new Date()),
    headerPartial: options.headerPartial,
    preamblePartial: options.preamblePartial,
    commitPartial: options.commitPartial,
    footerPartial: options.footerPartial,
    ...context
  };
  if (typeof finalContext.linkReferences !== "boolean" && (finalContext.repository || finalContext.repoUrl) && finalContext.commit && finalContext.issue) {
    finalContext.linkReferences = true;
  }
  return finalContext;
}
async function getTemplateContext(keyCommit, commits, context, options) {
  const notes = [];
  const filteredCommits = (options.ignoreReverted ? Array.from(filterRevertedCommitsSync(commits)) : commits).map((commit) => ({
    ...commit,
    notes: commit.notes.map((note) => {
      const commitNote = {
        ...note,
        commit
      };
      notes.push(commitNote);
      return commitNote;
    })
  }));
  let templateContext = {
    ...context,
    ...keyCommit,
    ...getExtraContext(filteredCommits, notes, options)
  };
  if (keyCommit?.committerDate) {
    templateContext.date = keyCommit.committerDate;
  }
  if (typeof templateContext.version === "string" && isValid(templateContext.version)) {
    templateContext.isPatch ||= getPatch(templateContext.version) !== 0;
  }
  templateContext = await options.finalizeContext(templateContext, options, filteredCommits, keyCommit, commits);
  options.debug(`Your final context is:
${stringify(templateContext)}`);
  return templateContext;
}

// node_modules/conventional-changelog-writer/dist/template.js
function createTemplateRenderer(context, options) {
  const { template: template2 } = options;
  return async (commits, keyCommit, subsequent) => {
    const templateContext = await getTemplateContext(keyCommit, commits, context, options);
    const rendered = (await template2(templateContext)).trim();
    return rendered.length > 0 ? `${subsequent ? "\n" : ""}${rendered}
` : "";
  };
}

// node_modules/conventional-changelog-writer/dist/writers.js
function writeChangelog(context = {}, options = {}, includeDetails = false) {
  const finalOptions = getFinalOptions(options);
  const finalContext = getFinalContext(context, finalOptions);
  const generateOn = getGenerateOnFunction(finalContext, finalOptions);
  const renderTemplate = createTemplateRenderer(finalContext, finalOptions);
  const prepResult = includeDetails ? (log, keyCommit) => ({
    log,
    keyCommit
  }) : (log) => log;
  return async function* write(commits) {
    const { transform, reverse, doFlush, skip } = finalOptions;
    let chunk;
    let commit;
    let keyCommit;
    let commitsGroup = [];
    let neverGenerated = true;
    let result = "";
    let savedKeyCommit = null;
    let firstRelease = true;
    for await (chunk of commits) {
      commit = await transformCommit(chunk, transform, finalContext, finalOptions);
      keyCommit = commit || chunk;
      if (skip?.(keyCommit)) {
        continue;
      }
      if (reverse) {
        if (commit) {
          commitsGroup.push(commit);
        }
        if (generateOn(keyCommit, commitsGroup)) {
          neverGenerated = false;
          result = await renderTemplate(commitsGroup, keyCommit, result.length > 0);
          commitsGroup = [];
          yield prepResult(result, keyCommit);
        }
      } else {
        if (generateOn(keyCommit, commitsGroup)) {
          neverGenerated = false;
          result = await renderTemplate(commitsGroup, savedKeyCommit, result.length > 0);
          commitsGroup = [];
          if (!firstRelease || doFlush) {
            yield prepResult(result, savedKeyCommit);
          }
          firstRelease = false;
          savedKeyCommit = keyCommit;
        }
        if (commit) {
          commitsGroup.push(commit);
        }
      }
    }
    if (!doFlush && (reverse || neverGenerated)) {
      return;
    }
    result = await renderTemplate(commitsGroup, savedKeyCommit, result.length > 0);
    yield prepResult(result, savedKeyCommit);
  };
}
function writeChangelogStream(context, options, includeDetails = false) {
  return Transform.from(writeChangelog(context, options, includeDetails));
}
async function writeChangelogString(commits, context, options) {
  const changelogAsyncIterable = writeChangelog(context, options)(commits);
  let changelog = "";
  let chunk;
  for await (chunk of changelogAsyncIterable) {
    changelog += chunk;
  }
  return changelog;
}
export {
  BREAKING_CHANGES_TITLE,
  BREAKING_CHANGE_KEYWORDS,
  bold,
  commitPartial,
  compareUrl,
  createComparator,
  createLegacyWriterGuard,
  createReferencesFormatter,
  defaultCommitTransform,
  each,
  footerPartial,
  formatDate,
  headerPartial,
  heading,
  isBreakingNote,
  italic,
  link,
  list,
  newline,
  noteTitle,
  preamblePartial,
  reference,
  referenceRepositoryUrl,
  repositoryUrl,
  segments,
  small,
  stringify,
  strings,
  template,
  transformCommit,
  url,
  words,
  writeChangelog,
  writeChangelogStream,
  writeChangelogString
};
