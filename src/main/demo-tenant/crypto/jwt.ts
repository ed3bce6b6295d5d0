import { KeyObject, constants, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';

/**
 * The protected header of a compact JWS.
 *
 * Only the parameters the demo tenant sets or reads are named; a decoded header may carry
 * others (Entra adds `nonce` to Graph tokens), which stay available through the index signature.
 */
export interface JwtHeader {
  readonly alg: string;
  readonly typ?: string;
  readonly kid?: string;
  /** base64url SHA-1 thumbprint of the signing certificate's DER. */
  readonly x5t?: string;
  /** base64url SHA-256 thumbprint of the signing certificate's DER. */
  readonly 'x5t#S256'?: string;
  readonly [parameter: string]: unknown;
}

/** A JWT claims set: any JSON object. Registered claims (`exp`, `aud`…) are checked by {@link verifyJwt}. */
export type JwtClaims = Readonly<Record<string, unknown>>;

/** The only algorithm signed or accepted; naming it once keeps the allow-list from drifting. */
const RS256 = 'RS256';

/** Longer tokens are refused before any parsing; real Entra tokens with many groups stay far below. */
const MAX_TOKEN_LENGTH = 64 * 1024;

/**
 * Signs a claims set as a compact JWS with RS256 (RSASSA-PKCS1-v1_5 with SHA-256).
 *
 * The header is `{ alg: 'RS256', ...header }`; nothing else is added, so pass `typ: 'JWT'`,
 * `kid` and `x5t` as the imitated issuer does (Entra sends all three, Okta only `kid`).
 *
 * @throws {TypeError} when the key is not an RSA private key or the header asks for another alg.
 */
export function signJwt(claims: JwtClaims, privateKey: KeyObject | string, header: Partial<JwtHeader> = {}): string {
  if (header.alg !== undefined && header.alg !== RS256) {
    throw new TypeError(`signJwt signs RS256 only, not ${JSON.stringify(header.alg)}`);
  }
  if (Array.isArray(claims)) throw new TypeError('JWT claims must be a JSON object, not an array');
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  // An RSA-PSS key would sign PS256 under an RS256 label; an EC or secret key cannot sign RS256 at all.
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa') {
    throw new TypeError('RS256 needs an RSA private key');
  }
  const signingInput = `${base64UrlJson({ alg: RS256, ...header })}.${base64UrlJson(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput, 'ascii'), key);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/**
 * Options of {@link verifyJwt}. Only `publicKeys` is required.
 *
 * A check runs only when its option is given, except `exp` and `nbf`, which are always
 * enforced when the token carries them.
 */
export interface VerifyOptions {
  /**
   * Keys any one of which may have signed the token: public keys, PEM of a public key or of a
   * certificate, or private keys (their public half is used). Non-RSA and secret keys are skipped.
   */
  readonly publicKeys: readonly (KeyObject | string)[];
  /** Accepted audiences; the token passes when its `aud` (string or array) names any of them. */
  readonly audience?: string | readonly string[];
  /** The exact `iss` required. */
  readonly issuer?: string;
  /** The time to judge `exp` and `nbf` against; defaults to the current time. */
  readonly now?: Date;
  /** Seconds of clock skew allowed on `exp` and `nbf`; defaults to 0. */
  readonly clockToleranceSeconds?: number;
  /**
   * Accepted signature algorithms; RS256 only by default. Entra also accepts PS256 client
   * assertions (MSAL uses it with a SHA-256 thumbprint). HMAC and `none` can never be listed.
   */
  readonly algorithms?: readonly ('RS256' | 'PS256')[];
  /** Claims that must be present and not null, e.g. `['sub', 'jti', 'exp']` for a client assertion. */
  readonly requireClaims?: readonly string[];
}

/**
 * Why a token was refused, as a stable code the simulator can map to a vendor error.
 *
 * `invalid-options` means the caller's options (a bad `now` or tolerance) made a safe verdict
 * impossible; it is reported rather than thrown because verifyJwt never throws.
 */
export type VerifyFailureCode =
  | 'malformed'
  | 'unsupported-algorithm'
  | 'unsupported-header'
  | 'no-usable-key'
  | 'bad-signature'
  | 'invalid-claim'
  | 'missing-claim'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'invalid-options';

/**
 * The outcome of {@link verifyJwt}: the verified header and claims, or why the token was refused.
 *
 * `reason` is a human-readable sentence with the offending values (never key material).
 */
export type VerifyResult =
  | { readonly ok: true; readonly header: JwtHeader; readonly claims: JwtClaims }
  | { readonly ok: false; readonly code: VerifyFailureCode; readonly reason: string };

/**
 * Verifies a compact RS256 JWS and its registered claims; never throws.
 *
 * Order: structure and base64url, the header's `alg` (only RS256: `none` and HS256 are refused
 * before any key is touched, which defeats the HMAC-with-the-public-key confusion), the
 * signature against each key in turn (so `kid`/`x5t` need not match), then required claims,
 * `exp`/`nbf` with tolerance, `iss` and `aud`. Claims are judged only after the signature holds,
 * so an unsigned token learns nothing about what would be accepted.
 */
export function verifyJwt(token: string, options: VerifyOptions): VerifyResult {
  try {
    return verifyOrRefuse(token, options);
  } catch (error) {
    // Guards the promise to callers should an unforeseen input still make node:crypto throw.
    return refuse(
      'malformed',
      `token could not be verified: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Decodes a compact JWS's header and claims without checking anything else.
 *
 * For logs, routing and tests only, e.g. to read `kid` or `iss` before choosing keys; never
 * trust what it returns. Gives null when the token is not three base64url JSON-object parts
 * or its header has no string `alg`.
 */
export function decodeJwtUnverified(token: string): { readonly header: JwtHeader; readonly claims: JwtClaims } | null {
  const parsed = parseCompact(token);
  return typeof parsed === 'string' ? null : { header: parsed.header, claims: parsed.claims };
}

/** A public RSA JWK as a JWKS publishes it for RS256 signature verification. */
export type RsaPublicJwk = JsonWebKey & { readonly kid: string; readonly use: 'sig'; readonly alg: 'RS256' };

/**
 * Exports the public half of an RSA key as a JWK for a JWKS document (`kty`, `n`, `e`, `kid`, `use`, `alg`).
 *
 * Accepts a private key too and publishes only its public half, so the private exponent can
 * never leak into a JWKS. Add `x5t`/`x5c` from the certificate where the imitated vendor does.
 *
 * @throws {TypeError} when the key is not RSA.
 */
export function publicJwkOf(key: KeyObject | string, kid: string): RsaPublicJwk {
  const publicKey = rsaPublicKeyOf(key);
  if (publicKey === null) throw new TypeError('publicJwkOf needs an RSA key');
  return { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: RS256 };
}

function refuse(code: VerifyFailureCode, reason: string): VerifyResult {
  return { ok: false, code, reason };
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Decodes one base64url segment strictly: only the URL alphabet, no padding, and canonical
 * trailing bits. Buffer.from alone skips invalid characters, so "e30!" would pass as "e30".
 */
function decodeBase64Url(segment: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return null;
  const bytes = Buffer.from(segment, 'base64url');
  // Re-encoding exposes non-canonical spellings, which would let one signature match many strings.
  return bytes.toString('base64url') === segment ? bytes : null;
}

/** Parses bytes as a UTF-8 JSON object; null for invalid UTF-8, invalid JSON, arrays and primitives. */
function parseJsonObject(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

interface ParsedCompact {
  readonly header: JwtHeader;
  readonly claims: JwtClaims;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Splits and decodes a compact JWS; a string result says what is wrong with it. */
function parseCompact(token: string): ParsedCompact | string {
  if (typeof token !== 'string' || token === '') return 'token is empty or not a string';
  if (token.length > MAX_TOKEN_LENGTH) return `token is longer than ${MAX_TOKEN_LENGTH} characters`;
  const parts = token.split('.');
  if (parts.length !== 3) return `expected 3 dot-separated parts, got ${parts.length}`;
  const [headerPart = '', claimsPart = '', signaturePart = ''] = parts;
  const headerBytes = decodeBase64Url(headerPart);
  const claimsBytes = decodeBase64Url(claimsPart);
  const signature = decodeBase64Url(signaturePart);
  if (headerBytes === null || claimsBytes === null || signature === null) return 'a part is not unpadded base64url';
  const header = parseJsonObject(headerBytes);
  if (header === null) return 'header is not a JSON object';
  if (typeof header.alg !== 'string') return 'header has no alg';
  const claims = parseJsonObject(claimsBytes);
  if (claims === null) return 'payload is not a JSON object';
  return { header: header as JwtHeader, claims, signingInput: `${headerPart}.${claimsPart}`, signature };
}

/** Turns a configured key into an RSA public key, or null if it is unusable for RS256. */
function rsaPublicKeyOf(key: KeyObject | string): KeyObject | null {
  try {
    // A private KeyObject or PEM yields its public half; a certificate PEM yields its subject key.
    const publicKey =
      typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
    // A secret key (HMAC) or an EC key must never verify a token that claims RS256.
    return publicKey instanceof KeyObject && publicKey.type === 'public' && publicKey.asymmetricKeyType === 'rsa'
      ? publicKey
      : null;
  } catch {
    return null;
  }
}

/** Reads a NumericDate claim: absent is fine, anything but a finite number is not. */
function numericDate(claims: JwtClaims, name: string): number | undefined | 'invalid' {
  const value = claims[name];
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : 'invalid';
}

/** Formats a NumericDate for a reason; a date beyond what Date holds (e.g. 1e20) stays numeric instead of throwing. */
function isoOf(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} s after the epoch` : date.toISOString();
}

function verifyOrRefuse(token: string, options: VerifyOptions): VerifyResult {
  const nowSeconds = (options.now ?? new Date()).getTime() / 1000;
  const tolerance = options.clockToleranceSeconds ?? 0;
  // NaN would make every time comparison false and so pass expired tokens: fail closed instead.
  if (!Number.isFinite(nowSeconds)) return refuse('invalid-options', 'now is not a valid date');
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    return refuse('invalid-options', `clockToleranceSeconds must be a non-negative number, got ${tolerance}`);
  }

  const parsed = parseCompact(token);
  if (typeof parsed === 'string') return refuse('malformed', parsed);
  const { header, claims, signingInput, signature } = parsed;

  // Compared exactly against the allow-list: "rs256", "none", "HS256" and the rest are refused.
  const algorithms = options.algorithms ?? [RS256];
  const alg = algorithms.find((a) => a === header.alg);
  if (alg === undefined) {
    return refuse(
      'unsupported-algorithm',
      `alg ${JSON.stringify(header.alg)} is not accepted; only ${algorithms.join(', ')}`,
    );
  }
  // RFC 7515 4.1.11: a recipient that does not understand every critical extension must refuse.
  if (header.crit !== undefined) {
    return refuse('unsupported-header', 'header has crit extensions, none of which are supported');
  }

  const keys = options.publicKeys.map(rsaPublicKeyOf).filter((key): key is KeyObject => key !== null);
  if (keys.length === 0) return refuse('no-usable-key', 'no RSA public key to verify with');
  const input = Buffer.from(signingInput, 'ascii');
  const signed = keys.some((key) => {
    try {
      // PS256 is RSASSA-PSS with SHA-256 and a 32-byte salt (RFC 7518 §3.5).
      return alg === 'PS256'
        ? verify('sha256', input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
        : verify('sha256', input, key, signature);
    } catch {
      return false;
    }
  });
  if (!signed) return refuse('bad-signature', `signature does not verify with any of ${keys.length} key(s)`);

  for (const name of options.requireClaims ?? []) {
    if (claims[name] === undefined || claims[name] === null) {
      return refuse('missing-claim', `claim ${name} is required`);
    }
  }

  const exp = numericDate(claims, 'exp');
  const nbf = numericDate(claims, 'nbf');
  const iat = numericDate(claims, 'iat');
  for (const [name, value] of [
    ['exp', exp],
    ['nbf', nbf],
    ['iat', iat],
  ] as const) {
    if (value === 'invalid') return refuse('invalid-claim', `claim ${name} is not a NumericDate`);
  }
  // RFC 7519 4.1.4: valid only while now is before exp.
  if (typeof exp === 'number' && nowSeconds >= exp + tolerance) {
    return refuse('expired', `expired at ${isoOf(exp)} (now ${isoOf(nowSeconds)}, tolerance ${tolerance} s)`);
  }
  if (typeof nbf === 'number' && nowSeconds < nbf - tolerance) {
    return refuse(
      'not-yet-valid',
      `not valid before ${isoOf(nbf)} (now ${isoOf(nowSeconds)}, tolerance ${tolerance} s)`,
    );
  }

  if (options.issuer !== undefined && claims.iss !== options.issuer) {
    return refuse('wrong-issuer', `iss ${JSON.stringify(claims.iss)} is not ${JSON.stringify(options.issuer)}`);
  }

  if (options.audience !== undefined) {
    const aud = claims.aud;
    const tokenAudiences = typeof aud === 'string' ? [aud] : aud;
    if (!Array.isArray(tokenAudiences) || !tokenAudiences.every((a): a is string => typeof a === 'string')) {
      return aud === undefined
        ? refuse('wrong-audience', 'token has no aud')
        : refuse('invalid-claim', 'claim aud is neither a string nor an array of strings');
    }
    const accepted: readonly string[] = typeof options.audience === 'string' ? [options.audience] : options.audience;
    if (!tokenAudiences.some((a) => accepted.includes(a))) {
      return refuse('wrong-audience', `aud ${JSON.stringify(aud)} names none of ${JSON.stringify(accepted)}`);
    }
  }

  return { ok: true, header, claims };
}
