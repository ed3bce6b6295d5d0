import './zod-without-eval';
import { DEMO_PROFILE_ID, profileSchema } from '../../../shared/ipc/profiles';
import type { Profile, SecretKind } from '../../../shared/ipc/profiles';

/** How the app authenticates to Okta. */
export type OktaAuthMode = Profile['okta']['authMode'];

/** How the app authenticates to Microsoft Entra ID. */
export type EntraAuthMode = Profile['entra']['authMode'];

/**
 * What the profile form edits: every field as the text the technician typed.
 *
 * Fields of both authentication modes are kept, so switching a mode back and forth loses
 * nothing; only the fields of the chosen modes go into the profile.
 */
export interface ProfileDraft {
  readonly name: string;
  readonly oktaOrgUrl: string;
  readonly oktaAuthMode: OktaAuthMode;
  readonly oktaClientId: string;
  readonly oktaKeyId: string;
  readonly entraTenant: string;
  readonly entraClientId: string;
  readonly entraAuthMode: EntraAuthMode;
  readonly entraCertificatePem: string;
  readonly office365AppId: string;
}

/** A field of the draft. */
export type DraftField = keyof ProfileDraft;

/** The first error of each invalid field, ready to show next to it. */
export type FieldErrors = Partial<Record<DraftField, string>>;

/** The draft of a new profile. */
export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  oktaOrgUrl: '',
  oktaAuthMode: 'api-token',
  oktaClientId: '',
  oktaKeyId: '',
  entraTenant: '',
  entraClientId: '',
  entraAuthMode: 'client-secret',
  entraCertificatePem: '',
  office365AppId: '',
};

/** The draft that edits a saved profile. */
export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    name: profile.name,
    oktaOrgUrl: profile.okta.orgUrl,
    oktaAuthMode: profile.okta.authMode,
    oktaClientId: profile.okta.clientId ?? '',
    oktaKeyId: profile.okta.keyId ?? '',
    entraTenant: profile.entra.tenant,
    entraClientId: profile.entra.clientId,
    entraAuthMode: profile.entra.authMode,
    entraCertificatePem: profile.entra.certificatePem ?? '',
    office365AppId: profile.office365AppId ?? '',
  };
}

/** The longest id profileSchema accepts. */
const MAX_ID_LENGTH = 40;

/**
 * Derives a profile id from its name: lower-case ASCII letters and digits, words joined by
 * dashes ("Contoso (EU)" → "contoso-eu"). Accents are dropped rather than the letters, so
 * "Société" still gives "societe". May return '' for a name without letters or digits.
 */
export function profileIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

/** A profile other than the one being edited, for the uniqueness checks. */
export interface OtherProfile {
  readonly id: string;
  readonly name: string;
}

/**
 * The id a new profile gets: derived from its name, with "-2", "-3"… appended when another
 * profile (or the reserved demo id) already has it, so saving never replaces another profile.
 */
export function uniqueProfileId(name: string, others: readonly OtherProfile[]): string {
  const base = profileIdFromName(name);
  if (base === '') return base;
  const taken = new Set([DEMO_PROFILE_ID, ...others.map((o) => o.id)]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${String(n)}`;
    const candidate = base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The secrets the draft's authentication modes need, in the order the form shows them. */
export function secretKindsForDraft(draft: Pick<ProfileDraft, 'oktaAuthMode' | 'entraAuthMode'>): SecretKind[] {
  return [
    draft.oktaAuthMode === 'api-token' ? 'okta-api-token' : 'okta-private-key',
    draft.entraAuthMode === 'client-secret' ? 'entra-client-secret' : 'entra-certificate-key',
  ];
}

/**
 * The object profileSchema is asked to accept: only the fields of the chosen modes, and
 * optional fields left out when empty (the schema is strict and would refuse extra keys).
 */
function candidateOf(draft: ProfileDraft, id: string): unknown {
  const orgUrl = draft.oktaOrgUrl.trim();
  const keyId = draft.oktaKeyId.trim();
  const office365AppId = draft.office365AppId.trim();
  return {
    id,
    name: draft.name,
    okta:
      draft.oktaAuthMode === 'api-token'
        ? { orgUrl, authMode: 'api-token' }
        : { orgUrl, authMode: 'private-key', clientId: draft.oktaClientId, ...(keyId === '' ? {} : { keyId }) },
    entra: {
      tenant: draft.entraTenant,
      clientId: draft.entraClientId,
      authMode: draft.entraAuthMode,
      ...(draft.entraAuthMode === 'certificate' ? { certificatePem: draft.entraCertificatePem } : {}),
    },
    ...(office365AppId === '' ? {} : { office365AppId }),
  };
}

/** Where each schema path is shown in the form. The id is derived from the name, so its errors go there. */
const FIELD_OF_PATH: Readonly<Record<string, DraftField>> = {
  id: 'name',
  name: 'name',
  'okta.orgUrl': 'oktaOrgUrl',
  'okta.authMode': 'oktaAuthMode',
  'okta.clientId': 'oktaClientId',
  'okta.keyId': 'oktaKeyId',
  'entra.tenant': 'entraTenant',
  'entra.clientId': 'entraClientId',
  'entra.authMode': 'entraAuthMode',
  'entra.certificatePem': 'entraCertificatePem',
  office365AppId: 'office365AppId',
};

/** The schema's messages are phrases ("a name is required"); next to a field they read as sentences. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The outcome of validating a draft: the profile to save, or the errors to show. */
export type DraftValidation =
  { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: FieldErrors };

/** What validation needs besides the draft. */
export interface ValidationContext {
  /** The id of the profile being edited; null for a new profile, whose id comes from its name. */
  readonly id: string | null;
  /** Every other profile, the built-in demo included. */
  readonly others: readonly OtherProfile[];
}

/**
 * Validates a draft with profileSchema itself, the schema main validates with again, so the
 * form can never accept what main refuses, and maps each issue to the field that shows it.
 * Names must also be unique: two profiles of the same name could not be told apart in a list.
 */
export function validateDraft(draft: ProfileDraft, context: ValidationContext): DraftValidation {
  const id = context.id ?? uniqueProfileId(draft.name, context.others);
  const errors: FieldErrors = {};
  const result = profileSchema.safeParse(candidateOf(draft, id));
  if (!result.success) {
    // The name's own error ("a name is required") says more than the id derived from it.
    const idLast = (path: readonly PropertyKey[]): number => (path[0] === 'id' ? 1 : 0);
    const issues = [...result.error.issues].sort((a, b) => idLast(a.path) - idLast(b.path));
    for (const issue of issues) {
      const field = FIELD_OF_PATH[issue.path.map(String).join('.')];
      if (field === undefined || errors[field] !== undefined) continue;
      errors[field] =
        issue.path[0] === 'id' ? 'Use at least one letter or digit in the name.' : sentence(issue.message);
    }
  }
  const name = draft.name.trim().toLowerCase();
  if (errors.name === undefined && context.others.some((o) => o.name.trim().toLowerCase() === name)) {
    errors.name = 'Another profile already has this name.';
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, profile: result.data };
  return { ok: false, errors };
}

const PEM_ON_ONE_LINE = /^(-----BEGIN [A-Z0-9 ]+-----)([A-Za-z0-9+/=\s]+)(-----END [A-Z0-9 ]+-----)$/;

/**
 * Prepares a typed secret for the keychain: surrounding whitespace is dropped (a copied token
 * often carries a newline), and a PEM key is given its line breaks back. A password input
 * strips line breaks from what is pasted into it, and PEM parsers need the header and footer
 * on lines of their own. Returns '' for a blank input, which means "leave the secret as it is".
 */
export function normalizeSecret(value: string): string {
  const trimmed = value.trim();
  const pem = PEM_ON_ONE_LINE.exec(trimmed);
  if (pem === null) return trimmed;
  const [, header = '', body = '', footer = ''] = pem;
  const lines = body.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return [header, ...lines, footer].join('\n') + '\n';
}
