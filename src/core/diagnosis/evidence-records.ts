import { assertNever } from '../../shared/assert-never';
import type { EvidenceBundle } from '../evidence/bundle';
import { redactSecrets } from '../redact-secrets';
import type { Diagnosis, EvidenceKind } from './model';

/**
 * The most UTF-8 bytes of one record's JSON that leave main. A sign-in with every Conditional
 * Access policy of a large tenant runs to tens of KiB; beyond this the technician reads the
 * head and the record is better opened in the console the links point at.
 */
export const MAX_RECORD_JSON_BYTES = 64 * 1024;

/** The raw vendor record an evidence item points at, as text the technician can read and copy. */
export interface EvidenceRecord {
  /** The evidence item's id: an Okta event uuid, a sign-in id, an object id, a key id. */
  readonly id: string;
  readonly source: EvidenceKind;
  /**
   * The record as the API returned it, pretty-printed (2 spaces), with secret-shaped strings
   * masked, and cut to {@link MAX_RECORD_JSON_BYTES} with a closing marker line when longer.
   */
  readonly json: string;
}

const byId = <T extends { readonly id?: string }>(items: readonly T[] | undefined, id: string): T | undefined =>
  items?.find((item) => item.id === id);

/**
 * The bundle's record that an evidence item (source and id) points at, or undefined when the
 * bundle holds none: `subject` items point at the request itself, and some rules cite an id
 * they could not resolve ("unknown", an app the user is not assigned to).
 */
export function findEvidenceRecord(bundle: EvidenceBundle, source: EvidenceKind, id: string): unknown {
  const okta = bundle.okta;
  const graph = bundle.graph;
  switch (source) {
    case 'okta.logEvent':
      return okta?.logEvents?.find((event) => event.uuid === id);
    case 'okta.user':
      return okta?.user?.id === id ? okta.user : undefined;
    case 'okta.app':
      return byId(okta?.o365Apps, id);
    case 'okta.appUser':
      // Keyed by app id; an app user's own id is the Okta user's, so look at the values.
      return Object.values(okta?.appUsers ?? {}).find((appUser) => appUser?.id === id) ?? undefined;
    case 'okta.signingKey':
      return Object.values(okta?.signingKeys ?? {})
        .flat()
        .find((key) => key.kid === id);
    case 'okta.policy':
      return byId(okta?.policies, id);
    case 'okta.policyRule':
      return byId(Object.values(okta?.policyRules ?? {}).flat(), id);
    case 'graph.user':
      return graph?.user?.id === id ? graph.user : undefined;
    case 'graph.signIn':
      return byId(graph?.signIns, id);
    case 'graph.domain':
      return graph?.domain?.id === id ? graph.domain : undefined;
    case 'graph.federationConfiguration':
      return byId(graph?.federationConfiguration, id);
    case 'subject':
      return undefined;
    default:
      return assertNever(source, 'evidence kind');
  }
}

/** The UTF-8 size of a text, counted without TextEncoder (the pure core has no DOM or Node). */
function utf8Bytes(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += utf8Bytes(char);
  return bytes;
}

/**
 * Cuts a record's JSON to `maxBytes` (UTF-8), marker included. The cut falls at a line end, so
 * the last line shown is whole; the marker says it was cut and how big the whole record is.
 */
export function capRecordJson(json: string, maxBytes: number = MAX_RECORD_JSON_BYTES): string {
  const total = utf8Length(json);
  if (total <= maxBytes) return json;
  const marker = `\n[cut to fit ${String(Math.floor(maxBytes / 1024))} KiB: the whole record is ${String(total)} bytes of JSON]`;
  const budget = Math.max(0, maxBytes - utf8Length(marker));
  let used = 0;
  let end = 0;
  for (const char of json) {
    const size = utf8Bytes(char);
    if (used + size > budget) break;
    used += size;
    end += char.length;
  }
  const head = json.slice(0, end);
  const lineEnd = head.lastIndexOf('\n');
  return `${lineEnd > 0 ? head.slice(0, lineEnd) : head}${marker}`;
}

/**
 * A record as the technician sees it: pretty JSON, secrets masked, capped.
 *
 * Masking runs on the whole text before the cut, so a cut can never leave the head of a token
 * that the patterns would no longer recognise. Vendor records should hold no secrets at all;
 * this is the same last line of defence every text leaving main goes through.
 */
export function recordJson(record: unknown): string {
  return capRecordJson(redactSecrets(JSON.stringify(record, null, 2)));
}

/**
 * The raw records behind a diagnosis: for every distinct evidence item of every finding (by
 * source and id, in order of first citation), the bundle's record it points at. Items with no
 * record in the bundle are left out; the item itself still says what it shows.
 */
export function evidenceRecords(
  diagnosis: Pick<Diagnosis, 'findings'>,
  bundle: EvidenceBundle,
): readonly EvidenceRecord[] {
  const seen = new Set<string>();
  const records: EvidenceRecord[] = [];
  for (const finding of diagnosis.findings) {
    for (const { source, id } of finding.evidence) {
      const key = `${source}\u0000${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const record = findEvidenceRecord(bundle, source, id);
      if (record !== undefined && record !== null) records.push({ id, source, json: recordJson(record) });
    }
  }
  return records;
}
