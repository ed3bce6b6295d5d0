/**
 * A pattern for a kind of secret and how to mask it.
 */
interface SecretPattern {
  readonly name: string;
  readonly pattern: RegExp;
  readonly replace: string;
}

/**
 * Secret shapes the app can meet: vendor tokens, OAuth artefacts, keys.
 *
 * Order matters: whole PEM blocks and JWTs first, so a later, looser pattern does not
 * leave half a key behind.
 */
const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    name: 'pem-private-key',
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    replace: '[redacted private key]',
  },
  {
    name: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    replace: '[redacted jwt]',
  },
  { name: 'ssws', pattern: /\bSSWS\s+[^\s"',;]+/gi, replace: 'SSWS [redacted]' },
  { name: 'bearer', pattern: /\bBearer\s+[^\s"',;]+/gi, replace: 'Bearer [redacted]' },
  {
    // client_secret=…, "access_token": "…", password: … — in query strings, JSON and prose.
    name: 'named-credential',
    pattern:
      /\b(client_secret|client_assertion|access_token|refresh_token|id_token|password|api[_-]?token|private[_-]?key)("?\s*[:=]\s*"?)([^\s"&,;}]+)/gi,
    replace: '$1$2[redacted]',
  },
  // Okta API tokens are 42 characters starting with "00" (user ids are 20, so no clash).
  { name: 'okta-api-token', pattern: /\b00[A-Za-z0-9_-]{40}\b/g, replace: '[redacted okta token]' },
  // Entra client secrets of the current format carry "Q~" after a three-character prefix and a digit.
  {
    name: 'entra-client-secret',
    pattern: /\b[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{31,34}/g,
    replace: '[redacted client secret]',
  },
];

/**
 * Masks every secret-shaped substring of a text before it reaches a log, an error shown to the
 * renderer, or a report.
 *
 * This is the last line of defence, not the first: code must not put secrets in messages at
 * all. Known secret values can be passed in `known` and are masked wherever they appear.
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const value of known) {
    // Very short values would mask ordinary words; a real credential is never this short.
    if (value.length >= 8) out = out.split(value).join('[redacted]');
  }
  for (const { pattern, replace } of SECRET_PATTERNS) {
    out = out.replace(pattern, replace);
  }
  return out;
}
