/**
 * release-status.yaml as text. The record grows with every release (a 10 MB record takes the `yaml` package
 * seconds to parse, and a release reads it a dozen times), while a stage needs one or two entries, the newest. So
 * the `releases` list is split textually into its entries (block style, as written here and by hand) and each
 * entry is parsed and validated only when first touched; an entry's `version` is read from its first line when it
 * is a plain semver, so finding a release by version parses nothing else. Entries never touched are written back
 * byte for byte. A record in any other layout (flow style, anchors across entries, several documents) is parsed
 * whole, with the same per-entry validation on access.
 *
 * Versions are YAML strings: an unquoted `version: 1.10` would be the float 1.1, so scalars of the version fields
 * are read from their source text, and written double-quoted.
 */
import { Document, isScalar, parseDocument, Scalar, visit } from 'yaml';
import { emptyStatus, type ReleaseRecord, STATUS_SCHEMA_VERSION, type StatusDocument } from './model.js';
import { assertRelease, entryName, isSemver, StatusRecordError, VERSION_KEYS } from './validate.js';

export const STATUS_FILE = 'release-status.yaml';

export interface ParseStatusOptions {
  /** How errors name the record, e.g. "release-status.yaml on branch release-status" (default: the file name). */
  source?: string;
}

/** An entry not parsed yet: its source text (indented as in the file) and the version its first line names. */
interface LazyEntry {
  text?: string;
  indent: number;
  hint?: string;
  loaded: boolean;
  /** An entry of a record parsed whole: already a value, only not validated yet. */
  value?: unknown;
}

const LAZY = new WeakMap<object, LazyEntry>();

/** Parse YAML keeping the source text of version scalars (1.10 stays "1.10"). Throws on a syntax error. */
export function parseRecordYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw doc.errors[0];
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !VERSION_KEYS.has(String(pair.key.value))) return;
      const v = pair.value;
      if (isScalar(v) && typeof v.value === 'number') pair.value = new Scalar(v.source ?? String(v.value));
    },
  });
  return doc.toJS({ maxAliasCount: 100 });
}

function lazyRecord(entry: LazyEntry, index: () => number, source: string): ReleaseRecord {
  const target: Record<string, unknown> = {};
  const load = () => {
    if (entry.loaded) return;
    let value = entry.value;
    if (entry.text !== undefined) {
      let parsed: unknown;
      try {
        parsed = parseRecordYaml(entry.text);
      } catch (e) {
        throw new StatusRecordError(
          source,
          entryName(index(), entry.hint ? { version: entry.hint } : undefined),
          `is not valid YAML (${String((e as Error).message).split('\n')[0]})`,
        );
      }
      value = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : parsed;
    }
    assertRelease(value, index(), source);
    Object.assign(target, value);
    entry.loaded = true;
    entry.text = undefined;
    entry.value = undefined;
  };
  const proxy = new Proxy(target, {
    get(t, k, r) {
      if (k === 'version' && !entry.loaded && entry.hint !== undefined) return entry.hint;
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
    },
  }) as ReleaseRecord;
  LAZY.set(proxy, entry);
  return proxy;
}

/** `version: 1.4.0` (plain or simply quoted) on an entry's own lines, at its mapping's indentation. */
function versionHint(text: string, indent: number): string | undefined {
  const re = new RegExp(
    `^(?: {${indent}}- +| {${indent + 2}})version: *(?:"([^"\\\\]*)"|'([^']*)'|([^\\s#'"][^\\s#]*))[ \\t]*(?:#.*)?$`,
    'm',
  );
  const m = re.exec(text);
  const v = m?.[1] ?? m?.[2] ?? m?.[3];
  return isSemver(v) ? v : undefined;
}

export interface Split {
  /** The file without the entries of `releases` (its other keys and the `releases:` line). */
  rest: string;
  entries: { text: string; indent: number }[];
}

/**
 * The entries of a block-style `releases:` list, or undefined when the layout is another (then the record is
 * parsed whole). In block style an entry's lines are indented deeper than its `-`, so a line at that `-`'s
 * column starting with `- ` always starts the next entry, and one at column 0 ends the list.
 */
export function splitReleases(text: string): Split | undefined {
  if (/^(---|\.\.\.)(\s|$)/m.test(text)) return undefined;
  const head = /^releases:[ \t]*(?:#.*)?\r?\n/m.exec(text);
  if (!head) return undefined;
  const start = head.index + head[0].length;
  const first = /^(?:[ \t]*(?:#.*)?\r?\n)*( *)-( |\r?\n)/my;
  first.lastIndex = start;
  const fm = first.exec(text);
  if (!fm) return undefined;
  const indent = (fm[1] as string).length;
  const itemStart = new RegExp(`^ {${indent}}-(?: |\\r?\\n)`, 'gm');
  // The list ends at the first later line at column 0 that is not an entry start, a blank or a comment.
  const end = new RegExp(indent === 0 ? '^(?![-#\\s])' : '^(?=[^\\s#])', 'gm');
  end.lastIndex = start;
  const em = end.exec(text);
  const stop = em ? em.index : text.length;
  const body = text.slice(start, stop);
  const starts: number[] = [];
  itemStart.lastIndex = 0;
  for (let m = itemStart.exec(body); m; m = itemStart.exec(body)) starts.push(m.index);
  if (starts.length === 0) return undefined;
  const entries = starts.map((s, i) => ({ text: body.slice(s, starts[i + 1] ?? body.length), indent }));
  // Comments and blank lines before the first entry belong to the rest of the file.
  return { rest: text.slice(0, start) + body.slice(0, starts[0]) + text.slice(stop), entries };
}

/**
 * Parse release-status.yaml; an empty file is an empty record. Throws on a file that is not one (not YAML, not a
 * mapping, `releases` not a list). Entries are parsed and validated when first used: a bad one throws a
 * StatusRecordError naming the record and the entry.
 */
export function parseStatus(text: string, o: ParseStatusOptions = {}): StatusDocument {
  const source = o.source ?? STATUS_FILE;
  if (text.trim() === '') return emptyStatus();
  const split = splitReleases(text);
  const doc = parseRecordYaml(split ? split.rest : text);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${STATUS_FILE} is not a mapping`);
  const d = doc as Partial<StatusDocument> & Record<string, unknown>;
  const releases: ReleaseRecord[] = [];
  const add = (entry: LazyEntry) => {
    // An entry's index is where it is now (a stage may add entries in front of it).
    const rec: ReleaseRecord = lazyRecord(entry, () => Math.max(0, releases.indexOf(rec)), source);
    releases.push(rec);
  };
  if (split) {
    if (d.releases !== undefined && d.releases !== null) throw new Error(`${STATUS_FILE}: releases is not a list`);
    for (const e of split.entries)
      add({ text: e.text, indent: e.indent, hint: versionHint(e.text, e.indent), loaded: false });
  } else {
    if (d.releases !== undefined && d.releases !== null && !Array.isArray(d.releases))
      throw new StatusRecordError(source, 'releases', 'is not a list; expected a list of releases, newest first');
    for (const value of (d.releases as unknown[] | undefined | null) ?? []) add({ indent: 2, loaded: false, value });
  }
  if (d.schema_version !== undefined && typeof d.schema_version !== 'number')
    throw new StatusRecordError(source, 'schema_version', 'is not a number');
  return { ...d, schema_version: d.schema_version ?? STATUS_SCHEMA_VERSION, releases } as StatusDocument;
}

/** Double quotes on every version scalar of a YAML document. */
function quoteVersions(d: Document): void {
  visit(d, {
    Pair(_, pair) {
      if (isScalar(pair.key) && VERSION_KEYS.has(String(pair.key.value)) && isScalar(pair.value))
        pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

function yamlOf(value: unknown): string {
  const d = new Document(value, { aliasDuplicateObjects: false });
  quoteVersions(d);
  return d.toString({ lineWidth: 0 });
}

/** An untouched entry as read (re-indented to two spaces), its plain version quoted. */
function rawEntry(e: LazyEntry): string {
  let text = e.text as string;
  if (e.indent !== 2) {
    const shift = 2 - e.indent;
    text = text.replace(/^( *)(?=\S)/gm, (sp: string) =>
      shift > 0 ? ' '.repeat(shift) + sp : sp.slice(Math.min(-shift, sp.length)),
    );
  }
  if (e.hint)
    text = text.replace(
      new RegExp(`^((?:  - +|    )version: *)${e.hint.replace(/[.+]/g, '\\$&')}(?=[ \\t]*(?:#.*)?$)`, 'm'),
      `$1"${e.hint}"`,
    );
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function stringifyStatus(doc: StatusDocument): string {
  const { releases, ...rest } = doc;
  const head = yamlOf({ ...rest }).replace(/\n$/, '');
  const parts = releases.map((r) => {
    const lazy = LAZY.get(r);
    if (lazy && !lazy.loaded && lazy.text !== undefined) return rawEntry(lazy);
    const seq = new Document([r], { aliasDuplicateObjects: false });
    quoteVersions(seq);
    return seq
      .toString({ lineWidth: 0 })
      .replace(/^(?=.)/gm, '  ')
      .replace(/\n?$/, '\n');
  });
  return (
    '# release-status.yaml — written by release-actions; newest release first.\n' +
    `${head === '{}' ? '' : `${head}\n`}releases:${parts.length ? `\n${parts.join('')}` : ' []\n'}`
  );
}
