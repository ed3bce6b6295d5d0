import { describe, expect, it } from 'vitest';
import { CERT_CURRENT, CERT_SHORT_LIVED } from '../test-support/certificates';
import { normaliseCertificate, readCertificateValidity } from './x509-validity';

describe('readCertificateValidity', () => {
  // Dates as `openssl x509 -noout -startdate -enddate` printed them for these certificates.
  it('reads notBefore and notAfter of real certificates', () => {
    expect(readCertificateValidity(CERT_CURRENT)).toEqual({
      notBefore: '2026-11-21T20:53:27.000Z',
      notAfter: '2036-11-18T20:53:27.000Z',
    });
    expect(readCertificateValidity(CERT_SHORT_LIVED)).toEqual({
      notBefore: '2026-11-21T20:53:28.000Z',
      notAfter: '2026-11-22T20:53:28.000Z',
    });
  });

  it('accepts PEM armour and line breaks', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${CERT_CURRENT.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
    expect(normaliseCertificate(pem)).toBe(CERT_CURRENT);
    expect(readCertificateValidity(pem)?.notAfter).toBe('2036-11-18T20:53:27.000Z');
  });

  it('returns null for anything that is not a certificate', () => {
    for (const text of ['', 'not base64 !', 'hi2LdEwsjU+LThoc5MnQ5Q==', CERT_CURRENT.slice(0, 200)]) {
      expect(readCertificateValidity(text), text.slice(0, 20)).toBeNull();
    }
  });
});
