import { z } from 'zod';

/** Kinds of secret a profile can hold; each is one OS keychain entry. */
export const SECRET_KINDS = [
  'okta-api-token',
  'okta-private-key',
  'entra-client-secret',
  'entra-certificate-key',
] as const;

/** One kind of secret. */
export type SecretKind = (typeof SECRET_KINDS)[number];

/** The built-in demo tenant's profile id: always present, never stored, never deleted. */
export const DEMO_PROFILE_ID = 'demo';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A DNS domain name such as contoso.com (what `entra:discover-tenant` and a profile's tenant take). */
export const DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const DOMAIN = DOMAIN_PATTERN;

/**
 * One line of plain text: no control characters (line breaks included), no invisible or bidi
 * format characters (a right-to-left override in a profile name would make the Tenants list
 * read one tenant as another), no lone surrogates, no private-use characters.
 */
const PLAIN_LINE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]*$/u;

/** A trimmed single line of plain text of at most `max` characters (see {@link PLAIN_LINE}). */
export function plainLine(max: number) {
  return z.string().trim().max(max).regex(PLAIN_LINE, 'no line breaks, control or invisible characters');
}

/**
 * A tenant profile: everything needed to reach one Okta org and one Microsoft tenant, except
 * the secrets (they live in the OS keychain and never cross IPC towards the renderer).
 */
export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40'),
    name: plainLine(80).min(1, 'a name is required'),
    okta: z
      .object({
        orgUrl: z
          .url({ protocol: /^https$/, message: 'the Okta org URL, e.g. https://contoso.okta.com' })
          .refine((u) => !/^https:\/\/[^/]+\/(admin|api)\b/.test(u), 'the org URL only, without /admin or /api'),
        authMode: z.enum(['api-token', 'private-key']),
        /** OAuth service app client id (private-key mode). */
        clientId: plainLine(100).optional(),
        /** The key id registered on the service app (private-key mode). */
        keyId: plainLine(200).optional(),
      })
      .strict()
      .refine((o) => o.authMode === 'api-token' || (o.clientId !== undefined && o.clientId !== ''), {
        message: 'the service app client id is required for private-key authentication',
        path: ['clientId'],
      }),
    entra: z
      .object({
        /** The directory (tenant) id, or a verified domain of the tenant. */
        tenant: z
          .string()
          .trim()
          .refine((t) => GUID.test(t) || DOMAIN.test(t), 'a tenant id (GUID) or a domain such as contoso.com'),
        clientId: z.string().trim().regex(GUID, 'the app registration’s application (client) id, a GUID'),
        authMode: z.enum(['client-secret', 'certificate']),
        /** The certificate (public part, PEM) uploaded to the app registration (certificate mode). */
        certificatePem: z.string().max(20_000).optional(),
      })
      .strict()
      .refine((e) => e.authMode === 'client-secret' || (e.certificatePem?.includes('BEGIN CERTIFICATE') ?? false), {
        message: 'paste the certificate (PEM) uploaded to the app registration',
        path: ['certificatePem'],
      }),
    /** The Office 365 app instance to use when the org has several. */
    office365AppId: plainLine(40).optional(),
  })
  .strict();

/** A tenant profile, as stored. */
export type Profile = z.infer<typeof profileSchema>;

/** What the renderer may know about a secret: whether it is set and when it last worked. */
export const secretStatusSchema = z
  .object({
    kind: z.enum(SECRET_KINDS),
    configured: z.boolean(),
    verifiedAt: z.iso.datetime().nullable(),
  })
  .strict();

/** A secret's status. */
export type SecretStatus = z.infer<typeof secretStatusSchema>;

/** A profile with the status of its secrets, as listed to the renderer. */
export const profileSummarySchema = z
  .object({
    profile: profileSchema,
    builtIn: z.boolean(),
    secrets: z.array(secretStatusSchema),
  })
  .strict();

/** A profile summary. */
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

/** One pre-flight check and, when it fails, the exact fix. */
export const preflightCheckSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['pass', 'fail', 'warn']),
    detail: z.string(),
    fix: z.string().optional(),
  })
  .strict();

/** The pre-flight report of a profile. */
export const preflightReportSchema = z
  .object({
    profileId: z.string(),
    at: z.iso.datetime(),
    ok: z.boolean(),
    checks: z.array(preflightCheckSchema),
  })
  .strict();

/** A pre-flight report. */
export type PreflightReport = z.infer<typeof preflightReportSchema>;

/** The secrets a profile needs, by its authentication modes. */
export function secretKindsFor(profile: Profile): readonly SecretKind[] {
  return [
    profile.okta.authMode === 'api-token' ? 'okta-api-token' : 'okta-private-key',
    profile.entra.authMode === 'client-secret' ? 'entra-client-secret' : 'entra-certificate-key',
  ];
}
