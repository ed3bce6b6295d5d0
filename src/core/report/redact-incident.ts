import { readCertificateValidity } from '../codecs/x509-validity';
import type { Diagnosis, EvidenceItem, Finding } from '../diagnosis/model';
import type { EvidenceBundle } from '../evidence/bundle';
import type { RedactionContext, RedactionOptions, RedactionReport } from '../redaction';
import { redactDiagnosis } from '../redaction';
import { cleanLine, cleanText, mapStrings } from './sanitize-text';

/*
 * One redaction for everything a report holds: the diagnosis, the technician's notes, the tenant
 * name and the evidence bundle.
 *
 * They are redacted in ONE pass of redactDiagnosis rather than string by string with redactText,
 * because a pass numbers people: "[other user 1]" must be the same person in the verdict, the
 * notes and the bundle, and the report's counts must count a person or an address once, not once
 * per string it appears in. The notes and the tenant name ride along as extra `checked` lines and
 * every string of the bundle as an extra finding's evidence (field name and value), so the bundle
 * gets the same field-aware rules as the diagnosis's evidence: a device id in
 * `deviceDetail.deviceId` or a tenant GUID in `homeTenantId` is masked there and wherever else it
 * appears. The carriers are taken off again before anything is returned.
 *
 * Every string is cleaned of control and bidi characters first: a zero-width space inside an
 * address would hide it from the redaction and show it whole once rendered.
 */

/** What a report redacts. */
export interface IncidentContent {
  readonly diagnosis: Diagnosis;
  readonly notes: string;
  readonly tenantName: string;
  readonly bundle: EvidenceBundle | null;
}

/** The same content redacted and cleaned, and what was masked across all of it. */
export interface RedactedIncident extends IncidentContent {
  readonly report: RedactionReport;
}

/** Keys whose value is a login or address (as the redactor reads evidence field names). */
const IDENTITY_KEY = /(?:userPrincipalName|alternateId|login|upn|userName|email|mail)$/i;
/** Keys that hold the display name of the identity beside them. */
const DISPLAY_NAME_KEYS: readonly string[] = ['displayName', 'userDisplayName'];
const OTHER_USER = /^\[other user \d+\]$/;
/** A base64 certificate is far longer than this; shorter strings are not decoded to find out. */
const MIN_CERTIFICATE_LENGTH = 200;

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A public X.509 certificate (Okta `x5c`, Entra `signingCertificate`): kept as it is. The token
 * rules would take it for a secret (a long base64 run), and a bundle without its certificates
 * could no longer show a signing-certificate mismatch. It names no person, address or device.
 */
function isCertificate(value: string): boolean {
  return (
    value.length >= MIN_CERTIFICATE_LENGTH && !value.includes('PRIVATE') && readCertificateValidity(value) !== null
  );
}

/**
 * The field name a bundle string is redacted under: its parent's key and its own, as evidence
 * fields are written ("deviceDetail.deviceId", "actor.alternateId"). An Okta target's alternateId
 * names a login only when the target is a user; a policy rule's holds its policy id.
 */
function fieldOf(keys: readonly string[], parent: JsonObject | null): string | undefined {
  const key = keys[keys.length - 1];
  if (key === undefined) return undefined;
  if (IDENTITY_KEY.test(key) && parent !== null && typeof parent.type === 'string' && !/^user$/i.test(parent.type)) {
    return undefined;
  }
  return keys.slice(-2).join('.');
}

/**
 * Walks a JSON value in a fixed order and rebuilds it with `leaf` applied to every string that is
 * not a certificate. Called twice (collect, then replace), so both see the strings in one order.
 */
function rebuild(
  node: unknown,
  leaf: (value: string, field: string | undefined) => string,
  keys: readonly string[] = [],
  parent: JsonObject | null = null,
): unknown {
  if (typeof node === 'string') return isCertificate(node) ? node : leaf(node, fieldOf(keys, parent));
  if (Array.isArray(node)) return node.map((child: unknown) => rebuild(child, leaf, keys, parent));
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = rebuild(child, leaf, [...keys, key], node);
  // A person masked by their login keeps no name beside it: "Dana Whitfield" alone is not found
  // by the text rules (a bare name cannot be told from an app's), but here the record says whose it is.
  const masked = Object.keys(node).find((key) => {
    const before = node[key];
    const after = out[key];
    return IDENTITY_KEY.test(key) && typeof after === 'string' && after !== before && OTHER_USER.test(after);
  });
  if (masked !== undefined) {
    for (const key of DISPLAY_NAME_KEYS) if (typeof out[key] === 'string') out[key] = out[masked];
  }
  return out;
}

/**
 * A device's name (`device.name`, `deviceDetail.displayName`) is masked wherever it appears, as a
 * device id: "Ivan’s laptop" names a person and a machine. The redactor masks only id-like names
 * (DESKTOP-8F3K2L) by field; a name of one plain word ("iPhone") is a model, not a machine, and
 * masking it would blank every user agent that mentions it.
 */
const DEVICE_NAME_FIELD = /device[^.]*\.(?:display)?name$/i;

function isDeviceName(field: string | undefined, value: string): boolean {
  return field !== undefined && DEVICE_NAME_FIELD.test(field) && !/^[A-Za-z]*$/.test(value.trim());
}

/** The subject's other logins and addresses the bundle's own records give: never masked. */
function subjectAliases(bundle: EvidenceBundle | null): string[] {
  const values = [
    bundle?.okta?.user?.profile?.login,
    bundle?.okta?.user?.profile?.email,
    bundle?.graph?.user?.userPrincipalName,
    bundle?.graph?.user?.mail,
  ];
  return values.filter((v): v is string => typeof v === 'string' && v.includes('@'));
}

/** The finding that carries the bundle's strings through the redaction, as evidence. */
function carrierFinding(evidence: readonly EvidenceItem[]): Finding {
  return {
    code: 'INSUFFICIENT_EVIDENCE',
    family: 'none',
    severity: 'info',
    confidence: 'low',
    summary: '',
    explanation: '',
    evidence,
    remediation: [],
    wouldChangeMyMind: [],
  };
}

/**
 * Cleans and redacts a report's content at `options` in one pass (see the file comment): the
 * subject's UPN and aliases, verdict codes, record ids, times and the bundle's structure stay;
 * secrets never do. Pure: the input is not changed.
 */
export function redactIncident(content: IncidentContent, options: RedactionOptions): RedactedIncident {
  const diagnosis = mapStrings(content.diagnosis, cleanText);
  const bundle = content.bundle === null ? null : mapStrings(content.bundle, cleanText);
  const notes = cleanText(content.notes);
  const tenantName = cleanLine(content.tenantName);

  const leaves: EvidenceItem[] = [];
  const deviceNames: string[] = [];
  if (bundle !== null) {
    rebuild(bundle, (value, field) => {
      leaves.push(
        field === undefined ? { source: 'subject', id: '', value } : { source: 'subject', id: '', field, value },
      );
      if (isDeviceName(field, value)) deviceNames.push(value.trim());
      return value;
    });
  }

  const carrier = carrierFinding(leaves);
  const context: RedactionContext = { subjectAliases: subjectAliases(bundle), deviceIds: deviceNames };
  const redacted = redactDiagnosis(
    { ...diagnosis, findings: [...diagnosis.findings, carrier], checked: [...diagnosis.checked, tenantName, notes] },
    options,
    context,
  );

  const out = redacted.diagnosis;
  const carried = out.findings[out.findings.length - 1]?.evidence ?? [];
  const checked = out.checked.slice(0, diagnosis.checked.length);
  let next = 0;
  const redactedBundle =
    bundle === null ? null : (rebuild(bundle, () => carried[next++]?.value ?? '') as EvidenceBundle);

  return {
    diagnosis: { ...out, findings: out.findings.slice(0, -1), checked },
    // The carriers always come back; were one missing, nothing unredacted would stand in for it.
    tenantName: out.checked[diagnosis.checked.length] ?? '',
    notes: out.checked[diagnosis.checked.length + 1] ?? '',
    bundle: redactedBundle,
    report: redacted.report,
  };
}
