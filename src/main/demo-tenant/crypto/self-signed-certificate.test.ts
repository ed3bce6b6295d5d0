import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from './self-signed-certificate';
import type { GeneratedCertificate } from './self-signed-certificate';

/*
 * Key generation costs up to a second, so each certificate with its own key is minted once
 * here; the other cases certify one shared key through the `privateKey` option.
 */
const validFrom = new Date('2025-03-01T08:30:15.789Z');
const tls = generateSelfSignedCertificate({
  commonName: 'Sign-in Triage demo tenant',
  subjectAltNames: [{ dns: 'localhost' }, { ip: '127.0.0.1' }, { ip: '::1' }],
  validFrom,
  validDays: 3650,
});
const ca = generateSelfSignedCertificate({
  commonName: 'Sign-in Triage demo CA',
  subjectAltNames: [{ dns: 'localhost' }, { ip: '127.0.0.1' }],
  isCa: true,
});
const sharedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const tempDir = mkdtempSync(join(tmpdir(), 'signin-triage-cert-'));
afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

/** Runs openssl on a certificate written to the temp dir and returns its stdout. */
function openssl(certificate: GeneratedCertificate, ...args: readonly string[]): string {
  const file = join(tempDir, `${certificate.thumbprintSha1Hex}.pem`);
  writeFileSync(file, certificate.certPem);
  return execFileSync(
    'openssl',
    args.map((a) => a.replaceAll('{cert}', file)),
    { encoding: 'utf8' },
  );
}

describe('generateSelfSignedCertificate as node:crypto sees it', () => {
  const x509 = new X509Certificate(tls.certPem);

  it('names the CN as subject and issuer and lists the alternative names', () => {
    expect(x509.subject).toBe('CN=Sign-in Triage demo tenant');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.checkHost('example.com')).toBeUndefined();
  });

  it('is signed by its own key, which is the key returned', () => {
    expect(x509.verify(x509.publicKey)).toBe(true);
    // OpenSSL does not count it as its own issuer without keyCertSign; TLS still trusts it as a leaf.
    expect(x509.checkIssued(x509)).toBe(false);
    expect(x509.checkPrivateKey(createPrivateKey(tls.keyPem))).toBe(true);
    expect(tls.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(x509.publicKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
  });

  it('stores the validity in whole seconds and reports the same instants', () => {
    expect(tls.notBefore).toBe('2025-03-01T08:30:15.000Z');
    expect(tls.notAfter).toBe('2035-02-27T08:30:15.000Z');
    expect(new Date(x509.validFrom).toISOString()).toBe(tls.notBefore);
    expect(new Date(x509.validTo).toISOString()).toBe(tls.notAfter);
  });

  it('is an end-entity TLS server certificate with a positive 16-octet serial', () => {
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(x509.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
  });

  it('gives the DER as base64 and the thumbprints node:crypto computes', () => {
    expect(Buffer.from(tls.certDerBase64, 'base64')).toEqual(x509.raw);
    expect(tls.certPem.replace(/-----[A-Z ]+-----|\n/g, '')).toBe(tls.certDerBase64);
    expect(tls.certPem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(tls.thumbprintSha1Hex).toBe(x509.fingerprint.replaceAll(':', ''));
    expect(Buffer.from(tls.thumbprintSha1Base64Url, 'base64url').toString('hex').toUpperCase()).toBe(
      tls.thumbprintSha1Hex,
    );
    expect(Buffer.from(tls.thumbprintSha256Base64Url, 'base64url').toString('hex')).toBe(
      x509.fingerprint256.replaceAll(':', '').toLowerCase(),
    );
    expect(tls.thumbprintSha256Base64Url).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('marks a CA certificate as such', () => {
    const caX509 = new X509Certificate(ca.certPem);
    expect(caX509.ca).toBe(true);
    expect(caX509.verify(caX509.publicKey)).toBe(true);
    expect(caX509.checkIssued(caX509)).toBe(true);
  });
});

describe('generateSelfSignedCertificate as openssl sees it', () => {
  it('parses as X.509 v3 with the expected extensions', () => {
    const text = openssl(tls, 'x509', '-in', '{cert}', '-noout', '-text');
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Issuer: CN = Sign-in Triage demo tenant');
    expect(text).toContain('Subject: CN = Sign-in Triage demo tenant');
    expect(text).toContain('Not Before: Mar  1 08:30:15 2025 GMT');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment\n/);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Server Authentication/);
    expect(text).toContain('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    const ski = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(text)?.[1];
    expect(ski).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${ski ?? 'missing'}`));
  });

  it('gives a CA certificate cA=TRUE and certificate signing', () => {
    const text = openssl(ca, 'x509', '-in', '{cert}', '-noout', '-text');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment, Certificate Sign, CRL Sign\n/);
  });

  it('verifies under strict X.509 rules as a TLS server certificate trusted as itself', () => {
    for (const certificate of [tls, ca]) {
      const out = openssl(
        certificate,
        'verify',
        '-x509_strict',
        '-purpose',
        'sslserver',
        '-CAfile',
        '{cert}',
        '{cert}',
      );
      expect(out.trim()).toMatch(/: OK$/);
    }
  });

  it('parses the DER form too', () => {
    const file = join(tempDir, 'cert.der');
    writeFileSync(file, Buffer.from(tls.certDerBase64, 'base64'));
    const fingerprint = execFileSync(
      'openssl',
      ['x509', '-inform', 'DER', '-in', file, '-noout', '-fingerprint', '-sha1'],
      {
        encoding: 'utf8',
      },
    );
    expect(fingerprint.trim().split('=')[1]?.replaceAll(':', '')).toBe(tls.thumbprintSha1Hex);
  });
});

describe('generateSelfSignedCertificate in a real TLS handshake', () => {
  const servers: Server[] = [];
  const ports = new Map<GeneratedCertificate, number>();

  beforeAll(async () => {
    for (const certificate of [tls, ca]) {
      const server = createServer({ cert: certificate.certPem, key: certificate.keyPem }, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('demo tenant');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      ports.set(certificate, (server.address() as AddressInfo).port);
    }
  });

  afterAll(async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => {
              resolve();
            });
          }),
      ),
    );
  });

  /** GETs / from the server of a certificate; `trust` is the only CA the client accepts. */
  function get(
    certificate: GeneratedCertificate,
    options: { readonly trust?: string; readonly servername?: string },
  ): Promise<{ readonly status: number; readonly body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: ports.get(certificate),
          path: '/',
          agent: false,
          ...(options.trust === undefined ? {} : { ca: options.trust }),
          ...(options.servername === undefined ? {} : { servername: options.servername }),
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('is accepted by a client that trusts only this certificate, by IP address', async () => {
    await expect(get(tls, { trust: tls.certPem })).resolves.toEqual({ status: 200, body: 'demo tenant' });
  });

  it('is accepted for the DNS name in its subjectAltName', async () => {
    await expect(get(tls, { trust: tls.certPem, servername: 'localhost' })).resolves.toMatchObject({ status: 200 });
  });

  it('is accepted when it is a CA trusted as itself', async () => {
    await expect(get(ca, { trust: ca.certPem, servername: 'localhost' })).resolves.toMatchObject({ status: 200 });
  });

  it('is refused as self-signed by a client that does not trust it', async () => {
    await expect(get(tls, {})).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('is refused when the client trusts a different certificate', async () => {
    await expect(get(tls, { trust: ca.certPem })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('is refused for a host name it does not list', async () => {
    await expect(get(tls, { trust: tls.certPem, servername: 'login.microsoftonline.com' })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });
});

describe('generateSelfSignedCertificate options', () => {
  it('certifies a given key, so a signing key can keep its identity across certificates', () => {
    const a = generateSelfSignedCertificate({ commonName: 'a', privateKey: sharedKey });
    const b = generateSelfSignedCertificate({ commonName: 'b', privateKey: sharedKey });
    expect(new X509Certificate(a.certPem).publicKey.equals(new X509Certificate(b.certPem).publicKey)).toBe(true);
    expect(a.thumbprintSha1Hex).not.toBe(b.thumbprintSha1Hex);
  });

  it('makes a signing certificate without serverAuth or key encipherment', () => {
    const signing = generateSelfSignedCertificate({
      commonName: 'Okta signing',
      purpose: 'signing',
      privateKey: sharedKey,
    });
    const x509 = new X509Certificate(signing.certPem);
    expect(x509.keyUsage).toBeUndefined();
    expect(x509.subjectAltName).toBeUndefined();
    const text = openssl(signing, 'x509', '-in', '{cert}', '-noout', '-text');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\n/);
    expect(text).not.toContain('Extended Key Usage');
    expect(text).not.toContain('Subject Alternative Name');
  });

  it('uses UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', () => {
    const certificate = generateSelfSignedCertificate({
      commonName: 'y2050',
      validFrom: new Date('2049-12-31T23:59:59Z'),
      validDays: 1,
      privateKey: sharedKey,
    });
    const x509 = new X509Certificate(certificate.certPem);
    expect(x509.validFrom).toBe('Dec 31 23:59:59 2049 GMT');
    expect(x509.validTo).toBe('Jan  1 23:59:59 2050 GMT');
    const asn1 = openssl(certificate, 'asn1parse', '-in', '{cert}');
    expect(asn1).toMatch(/UTCTIME\s+:491231235959Z/);
    expect(asn1).toMatch(/GENERALIZEDTIME\s+:20500101235959Z/);
  });

  it('uses GeneralizedTime before 1950', () => {
    const certificate = generateSelfSignedCertificate({
      commonName: 'old',
      validFrom: new Date('1949-06-01T00:00:00Z'),
      validDays: 1,
      privateKey: sharedKey,
    });
    expect(openssl(certificate, 'asn1parse', '-in', '{cert}')).toMatch(/GENERALIZEDTIME\s+:19490601000000Z/);
    expect(new X509Certificate(certificate.certPem).validFrom).toBe('Jun  1 00:00:00 1949 GMT');
  });

  it('starts five minutes in the past by default, for clients whose clocks lag', () => {
    const before = Date.now();
    const certificate = generateSelfSignedCertificate({ commonName: 'now', privateKey: sharedKey });
    const notBefore = Date.parse(certificate.notBefore);
    expect(notBefore).toBeGreaterThan(before - 5 * 60_000 - 1000);
    expect(notBefore).toBeLessThanOrEqual(before - 5 * 60_000 + 1000);
    expect(Date.parse(certificate.notAfter) - notBefore).toBe(365 * 86_400_000);
  });

  it('encodes a given serial as a minimal positive INTEGER', () => {
    const certify = (serialNumber: bigint): X509Certificate =>
      new X509Certificate(
        generateSelfSignedCertificate({ commonName: 's', serialNumber, privateKey: sharedKey }).certPem,
      );
    // The serial follows the version [0] (A0 03 02 01 02) in the TBSCertificate.
    const serialTlv = (x509: X509Certificate): string =>
      x509.raw.subarray(13, 13 + 2 + (x509.raw[14] ?? 0)).toString('hex');
    expect(certify(1n).serialNumber).toBe('01');
    expect(serialTlv(certify(1n))).toBe('020101');
    // A top bit set needs a leading zero octet, or the INTEGER would read as negative.
    const high = certify(0x80n);
    expect(high.serialNumber).toBe('80');
    expect(serialTlv(high)).toBe('02020080');
    expect(certify((1n << 159n) - 1n).serialNumber).toBe('7F'.padEnd(40, 'F'));
  });

  it('encodes IPv6 addresses as 16 octets, including compressed and IPv4-mapped forms', () => {
    const certificate = generateSelfSignedCertificate({
      commonName: 'v6',
      subjectAltNames: [{ ip: 'fe80::1' }, { ip: '::ffff:192.0.2.1' }, { ip: '2001:db8:0:1:2:3:4:5' }, { ip: '::' }],
      privateKey: sharedKey,
    });
    expect(new X509Certificate(certificate.certPem).subjectAltName).toBe(
      'IP Address:FE80:0:0:0:0:0:0:1, IP Address:0:0:0:0:0:FFFF:C000:201, IP Address:2001:DB8:0:1:2:3:4:5, IP Address:0:0:0:0:0:0:0:0',
    );
  });

  it('keeps a non-ASCII common name in UTF-8 and accepts a wildcard DNS name', () => {
    const certificate = generateSelfSignedCertificate({
      commonName: 'Contoso Müller GmbH',
      subjectAltNames: [{ dns: '*.okta.localhost' }],
      privateKey: sharedKey,
    });
    const x509 = new X509Certificate(certificate.certPem);
    expect(x509.subject).toBe('CN=Contoso Müller GmbH');
    // checkHost answers with the name in the certificate that matched.
    expect(x509.checkHost('acme.okta.localhost')).toBe('*.okta.localhost');
    expect(x509.checkHost('okta.localhost')).toBeUndefined();
  });

  it('refuses options that would make an invalid certificate', () => {
    const make = (options: Partial<Parameters<typeof generateSelfSignedCertificate>[0]>) => () =>
      generateSelfSignedCertificate({ commonName: 'x', privateKey: sharedKey, ...options });
    expect(make({ commonName: '' })).toThrow(/commonName/);
    expect(make({ subjectAltNames: [{ ip: '127.0.0.256' }] })).toThrow(/neither IPv4 nor IPv6/);
    expect(make({ subjectAltNames: [{ ip: 'fe80::1%eth0' }] })).toThrow(/neither IPv4 nor IPv6/);
    expect(make({ subjectAltNames: [{ dns: 'bücher.example' }] })).toThrow(/punycode/);
    expect(make({ subjectAltNames: [{ dns: '' }] })).toThrow(/non-empty/);
    expect(make({ serialNumber: 0n })).toThrow(/serialNumber/);
    expect(make({ serialNumber: 1n << 159n })).toThrow(/serialNumber/);
    expect(make({ validDays: 0 })).toThrow(/validDays/);
    expect(make({ validFrom: new Date(Number.NaN) })).toThrow(/validFrom/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(make({ privateKey: ec })).toThrow(/RSA private key/);
  });
});
