import { decodeBase64 } from './base64';

/** The validity period of an X.509 certificate. */
export interface CertificateValidity {
  readonly notBefore: string;
  readonly notAfter: string;
}

interface Der {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** Reads one DER element header at `offset`; null when the bytes are not DER. */
function readElement(bytes: Uint8Array, offset: number): Der | null {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return null;
  let pos = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return null;
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[pos++];
      if (lengthByte === undefined) return null;
      length = length * 256 + lengthByte;
    }
  }
  const end = pos + length;
  return end <= bytes.length ? { tag, start: pos, end } : null;
}

/** Decodes a UTCTime (0x17) or GeneralizedTime (0x18) to ISO-8601. */
function readTime(bytes: Uint8Array, el: Der): string | null {
  const text = String.fromCharCode(...bytes.subarray(el.start, el.end));
  const m =
    el.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s] = m;
  // RFC 5280: UTCTime years 50–99 are 19xx, 00–49 are 20xx.
  const year = el.tag === 0x17 ? (Number(y) >= 50 ? 1900 : 2000) + Number(y) : Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))).toISOString();
}

/**
 * Reads notBefore/notAfter from a base64 DER certificate (an Okta `x5c` entry or Entra's
 * `signingCertificate`). Returns null when the text is not a certificate.
 *
 * Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serial, signature,
 * issuer, validity SEQUENCE { notBefore, notAfter }, … }, … } (RFC 5280 §4.1).
 */
export function readCertificateValidity(base64Der: string): CertificateValidity | null {
  const bytes = decodeBase64(normaliseCertificate(base64Der));
  if (bytes === null) return null;
  const cert = readElement(bytes, 0);
  if (cert?.tag !== 0x30) return null;
  const tbs = readElement(bytes, cert.start);
  if (tbs?.tag !== 0x30) return null;
  let el = readElement(bytes, tbs.start);
  if (el?.tag === 0xa0) el = readElement(bytes, el.end); // explicit version
  // serial, signature algorithm, issuer, then validity
  for (let i = 0; i < 3 && el !== null; i++) el = readElement(bytes, el.end);
  if (el?.tag !== 0x30) return null;
  const notBefore = readElement(bytes, el.start);
  const notAfter = notBefore === null ? null : readElement(bytes, notBefore.end);
  if (notBefore === null || notAfter === null) return null;
  const from = readTime(bytes, notBefore);
  const to = readTime(bytes, notAfter);
  return from === null || to === null ? null : { notBefore: from, notAfter: to };
}

/** Normalises a base64 certificate for comparison: no whitespace, no PEM armour. */
export function normaliseCertificate(text: string): string {
  return text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
