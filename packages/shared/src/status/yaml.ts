import { parse, stringify } from 'yaml';
import { emptyStatus, STATUS_SCHEMA_VERSION, type StatusDocument } from './model.js';

export const STATUS_FILE = 'release-status.yaml';

/** Parse release-status.yaml; an empty file is an empty record. Throws on a file that is not one. */
export function parseStatus(text: string): StatusDocument {
  if (text.trim() === '') return emptyStatus();
  const doc = parse(text) as unknown;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${STATUS_FILE} is not a mapping`);
  const d = doc as Partial<StatusDocument>;
  if (d.releases !== undefined && !Array.isArray(d.releases)) throw new Error(`${STATUS_FILE}: releases is not a list`);
  return {
    ...d,
    schema_version: d.schema_version ?? STATUS_SCHEMA_VERSION,
    releases: d.releases ?? [],
  } as StatusDocument;
}

export function stringifyStatus(doc: StatusDocument): string {
  return (
    '# release-status.yaml — written by release-actions; newest release first.\n' +
    stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })
  );
}
