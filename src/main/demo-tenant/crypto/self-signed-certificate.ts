import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * A freshly minted self-signed certificate with its private key, in every form the demo tenant needs.
 *
 * The same certificate serves as a TLS server certificate (`certPem` + `keyPem` for
 * `https.createServer`), as a JWKS entry (`certDerBase64` is an `x5c` element) and as the Entra
 * federation `signingCertificate` (also base64 DER).
 */
export interface GeneratedCertificate {
  /** The certificate as PEM ("-----BEGIN CERTIFICATE-----"). */
  readonly certPem: string;
  /** The RSA private key as PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). */
  readonly keyPem: string;
  /** The certificate as standard base64 of its DER, with padding: the form of an `x5c` entry. */
  readonly certDerBase64: string;
  /** SHA-1 of the DER as upper-case hex without separators, as Windows and Entra show a thumbprint. */
  readonly thumbprintSha1Hex: string;
  /** SHA-1 of the DER as base64url: the value of a JWS/JWK `x5t`. */
  readonly thumbprintSha1Base64Url: string;
  /** SHA-256 of the DER as base64url: the value of a JWS/JWK `x5t#S256`. */
  readonly thumbprintSha256Base64Url: string;
  /** Start of validity as ISO 8601, truncated to whole seconds as the certificate stores it. */
  readonly notBefore: string;
  /** End of validity as ISO 8601, truncated to whole seconds as the certificate stores it. */
  readonly notAfter: string;
}

/** A subjectAltName entry: a DNS name (wildcards allowed) or an IPv4/IPv6 address. */
export type SubjectAltName = { readonly dns: string } | { readonly ip: string };

/**
 * What the certificate is for, which decides its key usages.
 *
 * - `tls-server`: digitalSignature + keyEncipherment and extendedKeyUsage serverAuth;
 * - `signing`: digitalSignature only and no extendedKeyUsage, as for a token or SAML signing
 *   certificate (an EKU of serverAuth there would be meaningless).
 */
export type CertificatePurpose = 'tls-server' | 'signing';

/**
 * Options of {@link generateSelfSignedCertificate}.
 *
 * Only `commonName` is required; the defaults give a one-year 2048-bit TLS server certificate.
 */
export interface CertificateOptions {
  /** Subject and issuer CN (the certificate is self-signed, so both are the same name). */
  readonly commonName: string;
  /** Names TLS clients check the host against; modern clients ignore the CN. */
  readonly subjectAltNames?: readonly SubjectAltName[];
  /** Start of validity; defaults to five minutes ago so a client whose clock lags a little accepts it. */
  readonly validFrom?: Date;
  /** Days of validity from `validFrom`; defaults to 365. */
  readonly validDays?: number;
  /** RSA modulus size of the generated key; defaults to 2048. Ignored with `privateKey`. */
  readonly keyBits?: 2048 | 3072;
  /**
   * An existing RSA private key to certify instead of generating one.
   *
   * Lets a scenario keep one signing key (and so a stable JWKS `kid`) while reissuing its
   * certificate, and spares the cost of key generation.
   */
  readonly privateKey?: KeyObject;
  /**
   * Marks the certificate as a CA (basicConstraints cA=TRUE, keyUsage keyCertSign and cRLSign).
   *
   * Set it for a certificate that clients trust directly as its own anchor when those clients
   * run on BoringSSL (Electron's Node): BoringSSL treats a self-issued certificate without
   * keyCertSign as not self-signed and fails with "unable to verify the first certificate" even
   * when it is passed as `ca` (electron/electron#38527). Node's OpenSSL accepts either form.
   */
  readonly isCa?: boolean;
  /** What the key is used for; defaults to `tls-server`. */
  readonly purpose?: CertificatePurpose;
  /** Serial number, positive and at most 20 octets (RFC 5280 4.1.2.2); defaults to 16 random octets. */
  readonly serialNumber?: bigint;
}

/** Object identifiers used in the certificate, in dotted form. */
const OID = {
  commonName: '2.5.4.3',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

/** keyUsage bit positions (RFC 5280 4.2.1.3); bit 0 is the most significant bit of the first octet. */
const KEY_USAGE_BIT = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 } as const;

const MS_PER_DAY = 86_400_000;
/** The largest serial RFC 5280 allows: 20 octets, and positive, so the top bit stays clear. */
const MAX_SERIAL = (1n << 159n) - 1n;

/*
 * A minimal DER encoder: just the universal types an X.509 v3 certificate needs. DER is the
 * canonical subset of BER (definite, minimal lengths; minimal integers; DEFAULT values omitted),
 * which matters because the signature covers these exact bytes.
 */

/** Encodes a length: one octet below 128, else 0x80|n followed by n big-endian octets. */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

/** Encodes one tag-length-value. */
function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

function sequence(...items: readonly Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: readonly Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

/** Encodes a non-negative INTEGER: minimal two's complement, so a set top bit needs a 0x00 prefix. */
function unsignedInteger(value: bigint): Buffer {
  const hex = value.toString(16);
  let octets = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
  if ((octets[0] ?? 0) & 0x80) octets = Buffer.concat([Buffer.from([0x00]), octets]);
  return tlv(0x02, octets);
}

/** Encodes an OBJECT IDENTIFIER: the first two arcs share an octet (40·a+b), then base-128 arcs. */
function objectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const base128: number[] = [arc % 128];
    for (let high = Math.floor(arc / 128); high > 0; high = Math.floor(high / 128)) {
      base128.unshift(0x80 | (high % 128));
    }
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
}

function utf8String(text: string): Buffer {
  return tlv(0x0c, Buffer.from(text, 'utf8'));
}

function octetString(content: Buffer): Buffer {
  return tlv(0x04, content);
}

/** Encodes a BIT STRING whose content is whole octets (keys, signatures). */
function bitString(content: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
}

/** Encodes a BOOLEAN; DER requires 0xFF for TRUE. */
function boolean(value: boolean): Buffer {
  return tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
}

const NULL = Buffer.from([0x05, 0x00]);

/** Wraps an encoding in an EXPLICIT context tag [n] (constructed). */
function explicit(tagNumber: number, content: Buffer): Buffer {
  return tlv(0xa0 | tagNumber, content);
}

/** Encodes a primitive IMPLICIT context tag [n] over raw content octets (e.g. GeneralName choices). */
function implicit(tagNumber: number, content: Buffer): Buffer {
  return tlv(0x80 | tagNumber, content);
}

/**
 * Encodes a named BIT STRING (keyUsage): DER drops trailing zero bits, so the last octet ends
 * at the highest set bit and the leading octet says how many bits of it are unused.
 */
function namedBits(bits: readonly number[]): Buffer {
  const highest = Math.max(...bits);
  const octets = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) {
    const index = Math.floor(bit / 8);
    octets[index] = (octets[index] ?? 0) | (0x80 >> (bit % 8));
  }
  return bitString(octets, 7 - (highest % 8));
}

/**
 * Encodes a certificate time per RFC 5280 4.1.2.5: UTCTime (two-digit year) for 1950 through
 * 2049, GeneralizedTime from 2050; both in UTC with whole seconds and a trailing Z.
 */
function certificateTime(date: Date): Buffer {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Certificate time out of range: ${date.toISOString()}`);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(`${pad(year % 100)}${rest}`, 'ascii'));
  return tlv(0x18, Buffer.from(`${String(year).padStart(4, '0')}${rest}`, 'ascii'));
}

/** Encodes one Extension: critical is DEFAULT FALSE, so DER leaves it out unless it is true. */
function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** Encodes a Name holding only a CN, the whole subject and issuer of these certificates. */
function commonNameOnly(commonName: string): Buffer {
  return sequence(set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))));
}

/** Parses an IPv4 address into its 4 octets. */
function ipv4Octets(address: string): number[] {
  return address.split('.').map(Number);
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail) into its 16 octets. */
function ipv6Octets(address: string): number[] {
  const groupsOf = (part: string): number[] => {
    if (part === '') return [];
    const pieces = part.split(':');
    const last = pieces.at(-1) ?? '';
    // A trailing dotted quad (e.g. ::ffff:192.0.2.1) stands for the last two 16-bit groups.
    const tail = isIPv4(last) ? ipv4Octets(last) : null;
    const hexGroups = (tail ? pieces.slice(0, -1) : pieces).map((g) => Number.parseInt(g, 16));
    const tailGroups = tail ? [((tail[0] ?? 0) << 8) | (tail[1] ?? 0), ((tail[2] ?? 0) << 8) | (tail[3] ?? 0)] : [];
    return [...hexGroups, ...tailGroups];
  };
  const [head = '', tail] = address.split('::');
  const headGroups = groupsOf(head);
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  const zeros = new Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups].flatMap((group) => [group >> 8, group & 0xff]);
}

/** Encodes one GeneralName: dNSName is [2] IA5String, iPAddress is [7] OCTET STRING of 4 or 16 octets. */
function generalName(name: SubjectAltName): Buffer {
  if ('dns' in name) {
    // IA5String is 7-bit ASCII; an internationalised name must arrive already in punycode.
    if (name.dns === '' || !/^[\x21-\x7e]+$/.test(name.dns)) {
      throw new TypeError(`subjectAltName DNS name must be non-empty ASCII (punycode): ${JSON.stringify(name.dns)}`);
    }
    return implicit(2, Buffer.from(name.dns, 'ascii'));
  }
  // The zone of a link-local address (fe80::1%eth0) has no place in a certificate.
  if (isIPv4(name.ip)) return implicit(7, Buffer.from(ipv4Octets(name.ip)));
  if (isIPv6(name.ip) && !name.ip.includes('%')) return implicit(7, Buffer.from(ipv6Octets(name.ip)));
  throw new TypeError(`subjectAltName IP is neither IPv4 nor IPv6: ${JSON.stringify(name.ip)}`);
}

/** Draws a random 16-octet serial whose top bits are 01, so it is positive and always 16 octets long. */
function randomSerial(): bigint {
  const octets = randomBytes(16);
  octets[0] = ((octets[0] ?? 0) & 0x3f) | 0x40;
  return BigInt(`0x${octets.toString('hex')}`);
}

/** Truncates to whole seconds, the precision certificates store, so reported and encoded times agree. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Wraps DER in PEM armour with 64-character lines, as RFC 7468 prescribes. */
function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Creates a self-signed X.509 v3 certificate for a new RSA key, or for `options.privateKey`.
 *
 * Node can parse and verify certificates but not create them, so the TBSCertificate is
 * DER-encoded here and signed with sha256WithRSAEncryption. The certificate carries
 * basicConstraints (critical), keyUsage (critical), extendedKeyUsage serverAuth for TLS
 * servers, subjectAltName when names are given, and subject/authority key identifiers.
 * Generating the key takes tens to hundreds of milliseconds; create once and reuse.
 *
 * @throws {TypeError | RangeError} when an option is invalid (empty CN, bad SAN, serial or validity).
 */
export function generateSelfSignedCertificate(options: CertificateOptions): GeneratedCertificate {
  const { commonName, subjectAltNames = [], validDays = 365, keyBits = 2048, isCa = false } = options;
  const purpose = options.purpose ?? 'tls-server';
  if (commonName === '') throw new TypeError('commonName must not be empty');
  if (!Number.isFinite(validDays) || validDays <= 0) throw new RangeError(`validDays must be positive: ${validDays}`);
  const serial = options.serialNumber ?? randomSerial();
  if (serial < 1n || serial > MAX_SERIAL) throw new RangeError('serialNumber must be positive and fit in 20 octets');

  const notBefore = wholeSeconds(options.validFrom ?? new Date(Date.now() - 5 * 60_000));
  if (Number.isNaN(notBefore.getTime())) throw new RangeError('validFrom is not a valid date');
  const notAfter = wholeSeconds(new Date(notBefore.getTime() + validDays * MS_PER_DAY));

  const { publicKey, privateKey } = options.privateKey
    ? { publicKey: createPublicKey(options.privateKey), privateKey: options.privateKey }
    : generateKeyPairSync('rsa', { modulusLength: keyBits, publicExponent: 0x10001 });
  // The signature algorithm is fixed to sha256WithRSAEncryption, so only plain RSA keys fit.
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'rsa') {
    throw new TypeError('privateKey must be an RSA private key');
  }
  // The SPKI DER is exactly the SubjectPublicKeyInfo structure, so it is embedded as is.
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // For RSA the PKCS#1 DER is the content of the SPKI's subjectPublicKey BIT STRING; its SHA-1
  // is the key identifier of RFC 5280 4.2.1.2 method (1).
  const keyIdentifier = createHash('sha1')
    .update(publicKey.export({ type: 'pkcs1', format: 'der' }))
    .digest();

  const keyUsageBits: number[] = [KEY_USAGE_BIT.digitalSignature];
  if (purpose === 'tls-server') keyUsageBits.push(KEY_USAGE_BIT.keyEncipherment);
  if (isCa) keyUsageBits.push(KEY_USAGE_BIT.keyCertSign, KEY_USAGE_BIT.cRLSign);

  const extensions: Buffer[] = [
    // cA is DEFAULT FALSE, so an end-entity certificate carries an empty SEQUENCE.
    extension(OID.basicConstraints, true, sequence(...(isCa ? [boolean(true)] : []))),
    extension(OID.keyUsage, true, namedBits(keyUsageBits)),
  ];
  if (purpose === 'tls-server') {
    extensions.push(extension(OID.extendedKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))));
  }
  if (subjectAltNames.length > 0) {
    // RFC 5280 makes SAN critical only when the subject is empty; ours always has a CN.
    extensions.push(extension(OID.subjectAltName, false, sequence(...subjectAltNames.map(generalName))));
  }
  extensions.push(
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier)),
    // keyIdentifier is [0] IMPLICIT OCTET STRING; matching the SKI lets verifiers recognise self-signing.
    extension(OID.authorityKeyIdentifier, false, sequence(implicit(0, keyIdentifier))),
  );

  const signatureAlgorithm = sequence(objectIdentifier(OID.sha256WithRsaEncryption), NULL);
  const name = commonNameOnly(commonName);
  const tbsCertificate = sequence(
    explicit(0, unsignedInteger(2n)), // version v3 is encoded as 2
    unsignedInteger(serial),
    signatureAlgorithm,
    name,
    sequence(certificateTime(notBefore), certificateTime(notAfter)),
    name,
    spki,
    explicit(3, sequence(...extensions)),
  );
  // For an RSA key, node:crypto signs with PKCS#1 v1.5 padding, which sha256WithRSAEncryption means.
  const signature = sign('sha256', tbsCertificate, privateKey);
  const der = sequence(tbsCertificate, signatureAlgorithm, bitString(signature));

  return {
    certPem: pem('CERTIFICATE', der),
    // Typed string | Buffer; PEM export is always a string.
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certDerBase64: der.toString('base64'),
    thumbprintSha1Hex: createHash('sha1').update(der).digest('hex').toUpperCase(),
    thumbprintSha1Base64Url: createHash('sha1').update(der).digest('base64url'),
    thumbprintSha256Base64Url: createHash('sha256').update(der).digest('base64url'),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}
