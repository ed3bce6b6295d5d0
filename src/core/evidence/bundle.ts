import { z } from 'zod';
import type { Result } from '../../shared/result';
import { echoValue } from '../report/sanitize-text';
import { parseJsonText } from './json-limits';
import { SYMPTOMS } from './symptoms';
import type {
  GraphDomain,
  GraphFederationConfiguration,
  GraphSignIn,
  GraphUser,
  OktaApplication,
  OktaAppUser,
  OktaLogEvent,
  OktaPolicy,
  OktaPolicyRule,
  OktaSigningKey,
  OktaUser,
} from './vendor-types';

/** The format tag of an evidence bundle. */
export const EVIDENCE_FORMAT = 'signin-triage.evidence/v1';

/** The sources a bundle may hold; a gap names one of them. */
export const EVIDENCE_SOURCES = [
  'okta.user',
  'okta.o365Apps',
  'okta.appUsers',
  'okta.logEvents',
  'okta.signingKeys',
  'okta.policies',
  'okta.policyRules',
  'graph.user',
  'graph.signIns',
  'graph.domain',
  'graph.federationConfiguration',
] as const;

/** One evidence source. */
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

const isoDateTime = z.iso.datetime({ offset: true });

// Vendor objects are kept whole (looseObject); only the fields the engine depends on are checked.
const oktaLogEvent = z.looseObject({ uuid: z.string().min(1), published: isoDateTime, eventType: z.string().min(1) });
const withId = z.looseObject({ id: z.string().min(1) });
const signingKey = z.looseObject({ kid: z.string().min(1), x5c: z.array(z.string()).optional() });
const signIn = z.looseObject({
  id: z.string().min(1),
  createdDateTime: isoDateTime,
  status: z.looseObject({ errorCode: z.number().int().nullable().optional() }).nullable().optional(),
});

const bundleSchema = z
  .object({
    format: z.literal(EVIDENCE_FORMAT),
    collectedAt: isoDateTime,
    subject: z
      .object({
        upn: z
          .string()
          .trim()
          .min(3)
          .max(256)
          .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'expected a user principal name such as jane@contoso.com'),
        since: isoDateTime,
        until: isoDateTime,
        symptom: z.enum(SYMPTOMS).optional(),
      })
      .strict()
      .refine((s) => Date.parse(s.since) <= Date.parse(s.until), {
        message: 'since must not be after until',
        path: ['since'],
      }),
    okta: z
      .object({
        orgUrl: z.url({ protocol: /^https?$/ }),
        user: withId.nullable().optional(),
        o365Apps: z.array(withId).optional(),
        appUsers: z.record(z.string(), withId.nullable()).optional(),
        logEvents: z.array(oktaLogEvent).optional(),
        signingKeys: z.record(z.string(), z.array(signingKey)).optional(),
        policies: z.array(withId).optional(),
        policyRules: z.record(z.string(), z.array(withId)).optional(),
      })
      .strict()
      .optional(),
    graph: z
      .object({
        user: withId.nullable().optional(),
        signIns: z.array(signIn).optional(),
        domain: withId.nullable().optional(),
        federationConfiguration: z.array(z.looseObject({})).optional(),
      })
      .strict()
      .optional(),
    gaps: z.array(z.object({ source: z.enum(EVIDENCE_SOURCES), reason: z.string().min(1) }).strict()).default([]),
  })
  .strict();

/** Why a source is missing from a bundle. */
export interface EvidenceGap {
  readonly source: EvidenceSource;
  readonly reason: string;
}

/** Who and when the evidence is about. */
export interface EvidenceSubject {
  readonly upn: string;
  readonly since: string;
  readonly until: string;
  readonly symptom?: (typeof SYMPTOMS)[number];
}

/**
 * The evidence bundle: vendor objects exactly as the APIs returned them.
 *
 * A missing section or field means "not collected"; `null` means the API answered 404
 * (user not found, app user not assigned). `gaps` says why something was not collected.
 */
export interface EvidenceBundle {
  readonly format: typeof EVIDENCE_FORMAT;
  readonly collectedAt: string;
  readonly subject: EvidenceSubject;
  readonly okta?: {
    readonly orgUrl: string;
    readonly user?: OktaUser | null;
    readonly o365Apps?: readonly OktaApplication[];
    readonly appUsers?: Readonly<Record<string, OktaAppUser | null>>;
    readonly logEvents?: readonly OktaLogEvent[];
    readonly signingKeys?: Readonly<Record<string, readonly OktaSigningKey[]>>;
    readonly policies?: readonly OktaPolicy[];
    readonly policyRules?: Readonly<Record<string, readonly OktaPolicyRule[]>>;
  };
  readonly graph?: {
    readonly user?: GraphUser | null;
    readonly signIns?: readonly GraphSignIn[];
    readonly domain?: GraphDomain | null;
    readonly federationConfiguration?: readonly GraphFederationConfiguration[];
  };
  readonly gaps: readonly EvidenceGap[];
}

/** Why a bundle was rejected: each problem names its field, e.g. `okta.logEvents[3].published`. */
export interface BundleError {
  readonly message: string;
  readonly problems: readonly string[];
}

/**
 * The largest evidence bundle file read (a week of a very busy user is ~60 MB of JSON); a bigger
 * file is refused before it is read, rather than read whole into memory.
 */
export const MAX_BUNDLE_FILE_BYTES = 256 * 1024 * 1024;

/** Renders a zod path as `a.b[3].c`; keys come from the file, so each is echoed clipped and visible. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? echoValue(String(key), 64) : `.${echoValue(String(key), 64)}`;
  }
  return out === '' ? '(bundle)' : out;
}

/**
 * Validates a parsed JSON value as an evidence bundle.
 *
 * Rejects a malformed bundle with messages that name the field; never throws.
 */
export function parseEvidenceBundle(value: unknown): Result<EvidenceBundle, BundleError> {
  const parsed = bundleSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as EvidenceBundle };
  // An unknown key is reported at its parent; name the key itself so the field is findable.
  const problems = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${pathText([...issue.path, key])}: unknown field`)
      : [`${pathText(issue.path)}: ${issue.message}`],
  );
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return { ok: false, error: { message: `Not a valid evidence bundle: ${shown}${more}`, problems } };
}

/**
 * Parses and validates the text of an evidence bundle file.
 */
export function parseEvidenceBundleJson(text: string): Result<EvidenceBundle, BundleError> {
  const json = parseJsonText(text);
  if (!json.ok) {
    return {
      ok: false,
      error: { message: `Not a valid evidence bundle: the file is ${json.error}`, problems: [json.error] },
    };
  }
  return parseEvidenceBundle(json.value);
}
