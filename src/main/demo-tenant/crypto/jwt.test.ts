import { execFileSync } from 'node:child_process';
import { constants, createHmac, createPublicKey, createSecretKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeJwtUnverified, publicJwkOf, signJwt, verifyJwt } from './jwt';
import type { JwtClaims, VerifyOptions, VerifyResult } from './jwt';
import { generateSelfSignedCertificate } from './self-signed-certificate';

/* Key generation is slow, so the two signing keys are made once for the file. */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const now = new Date('2025-06-01T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const tenant = '11111111-2222-3333-4444-555555555555';
/** A client assertion as MSAL sends it for certificate credentials. */
const assertionClaims: JwtClaims = {
  aud: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
  iss: 'app-client-id',
  sub: 'app-client-id',
  jti: 'c0ffee00-0000-4000-8000-000000000001',
  nbf: nowSeconds - 60,
  iat: nowSeconds - 60,
  exp: nowSeconds + 540,
};
const base: VerifyOptions = { publicKeys: [publicKey], now };

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds a token from raw parts, for shapes signJwt refuses to make. */
function forge(header: unknown, claims: unknown, signature: (input: string) => string): string {
  const input = `${b64url(header)}.${b64url(claims)}`;
  return `${input}.${signature(input)}`;
}

/** Narrows a result to a refusal and returns its code and reason. */
function refusal(result: VerifyResult): { readonly code: string; readonly reason: string } {
  if (result.ok) throw new Error('expected the token to be refused');
  return { code: result.code, reason: result.reason };
}

const tempDir = mkdtempSync(join(tmpdir(), 'signin-triage-jwt-'));
afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe('signJwt and verifyJwt round trip', () => {
  it('verifies what it signs and returns the header and claims', () => {
    const token = signJwt(assertionClaims, privateKey, { typ: 'JWT', kid: 'key-1', x5t: 'abc' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyJwt(token, base)).toEqual({
      ok: true,
      header: { alg: 'RS256', typ: 'JWT', kid: 'key-1', x5t: 'abc' },
      claims: assertionClaims,
    });
  });

  it('adds only alg to the header, as Okta access tokens carry no typ', () => {
    const token = signJwt({ sub: 'x' }, privateKey, { kid: 'okta-kid' });
    expect(decodeJwtUnverified(token)?.header).toEqual({ alg: 'RS256', kid: 'okta-kid' });
    expect(token.split('.')[0]).toBe(b64url({ alg: 'RS256', kid: 'okta-kid' }));
  });

  it('takes keys as PEM strings, including a certificate PEM as the verification key', () => {
    const certificate = generateSelfSignedCertificate({ commonName: 'client cert', purpose: 'signing', privateKey });
    const token = signJwt(assertionClaims, certificate.keyPem, {
      typ: 'JWT',
      x5t: certificate.thumbprintSha1Base64Url,
      'x5t#S256': certificate.thumbprintSha256Base64Url,
    });
    expect(verifyJwt(token, { ...base, publicKeys: [certificate.certPem] }).ok).toBe(true);
    expect(verifyJwt(token, { ...base, publicKeys: [publicPem] }).ok).toBe(true);
    // A private key given as a verification key contributes its public half.
    expect(verifyJwt(token, { ...base, publicKeys: [privatePem] }).ok).toBe(true);
    expect(verifyJwt(token, { ...base, publicKeys: [privateKey] }).ok).toBe(true);
  });

  it('tries each key, so a kid that names another key does not matter', () => {
    const token = signJwt(assertionClaims, privateKey, { kid: 'not-any-configured-kid' });
    expect(verifyJwt(token, { ...base, publicKeys: [other.publicKey, 'not a key', publicKey] }).ok).toBe(true);
  });

  it('keeps non-ASCII claims intact', () => {
    const token = signJwt({ name: 'Zoë Müller 日本', upn: 'zoe@contoso.example' }, privateKey);
    expect(verifyJwt(token, base)).toMatchObject({ ok: true, claims: { name: 'Zoë Müller 日本' } });
  });

  it('refuses to sign with anything but an RSA private key, or as another alg', () => {
    expect(() => signJwt({}, privateKey, { alg: 'HS256' })).toThrow(/RS256 only/);
    expect(() => signJwt({}, publicKey)).toThrow(/RSA private key/);
    expect(() => signJwt({}, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)).toThrow(/RSA private key/);
    expect(() => signJwt({}, createSecretKey(Buffer.from('secret')))).toThrow(/RSA private key/);
    expect(() => signJwt({}, 'not a pem')).toThrow();
  });
});

describe('interoperability', () => {
  it('verifies the RS256 example of RFC 7515 appendix A.2', () => {
    // The RFC's payload has CRLF and spaces that signJwt would not produce, so only verification is known-answer.
    const token =
      'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.' +
      'cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZ' +
      'cAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-' +
      'eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';
    const rfcKey = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'RSA',
        e: 'AQAB',
        n:
          'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pC' +
          'gNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg6' +
          '65xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
      },
    });
    const valid = verifyJwt(token, { publicKeys: [rfcKey], now: new Date(1_300_819_000_000), issuer: 'joe' });
    expect(valid).toEqual({
      ok: true,
      header: { alg: 'RS256' },
      claims: { iss: 'joe', exp: 1_300_819_380, 'http://example.com/is_root': true },
    });
    expect(refusal(verifyJwt(token, { publicKeys: [rfcKey], now })).code).toBe('expired');
  });

  it('signs what openssl verifies, and verifies what openssl signs', () => {
    const keyFile = join(tempDir, 'key.pem');
    const pubFile = join(tempDir, 'pub.pem');
    writeFileSync(keyFile, privatePem);
    writeFileSync(pubFile, publicPem);

    const [header = '', payload = '', signature = ''] = signJwt(assertionClaims, privateKey).split('.');
    writeFileSync(join(tempDir, 'input'), `${header}.${payload}`);
    writeFileSync(join(tempDir, 'sig'), Buffer.from(signature, 'base64url'));
    const out = execFileSync(
      'openssl',
      ['dgst', '-sha256', '-verify', pubFile, '-signature', join(tempDir, 'sig'), join(tempDir, 'input')],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('Verified OK');

    const input = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(assertionClaims)}`;
    writeFileSync(join(tempDir, 'input2'), input);
    execFileSync('openssl', [
      'dgst',
      '-sha256',
      '-sign',
      keyFile,
      '-out',
      join(tempDir, 'sig2'),
      join(tempDir, 'input2'),
    ]);
    const token = `${input}.${readFileSync(join(tempDir, 'sig2')).toString('base64url')}`;
    expect(verifyJwt(token, base).ok).toBe(true);
  });
});

describe('verifyJwt refuses', () => {
  const good = signJwt(assertionClaims, privateKey, { typ: 'JWT' });

  it.each([
    ['an empty string', ''],
    ['one part', 'abc'],
    ['two parts', 'a.b'],
    ['four parts', `${good}.x`],
    ['a JWE-like five-part token', 'a.b.c.d.e'],
    ['standard base64 characters', good.replace(/\.[A-Za-z0-9_-]{4}/, '.+/+/')],
    ['padding', `${good}==`],
    ['whitespace', ` ${good}`],
    // 342 signature characters plus 3 leave a remainder of 1 mod 4, which no byte count encodes to.
    ['an impossible base64url length', `${good}AAA`],
    ['a header that is not JSON', `${Buffer.from('{alg:RS256}').toString('base64url')}.${good.split('.')[1] ?? ''}.AA`],
    ['a header that is a JSON array', `${b64url(['RS256'])}.${b64url({})}.AA`],
    ['a header without alg', `${b64url({ typ: 'JWT' })}.${b64url({})}.AA`],
    ['a payload that is a JSON string', `${b64url({ alg: 'RS256' })}.${b64url('claims')}.AA`],
    [
      'a payload that is not UTF-8',
      `${b64url({ alg: 'RS256' })}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.AA`,
    ],
    ['an oversized token', `${'A'.repeat(70_000)}.${b64url({})}.AA`],
  ])('a malformed token: %s', (_name, token) => {
    expect(refusal(verifyJwt(token, base)).code).toBe('malformed');
    expect(decodeJwtUnverified(token)).toBeNull();
  });

  it('a non-canonical tail even where it would decode to the same bytes', () => {
    // A 2-character final group carries 12 bits for 8; bits left over must be zero.
    const sig = good.split('.')[2] ?? '';
    expect(sig.length % 4).not.toBe(0);
    const last = sig.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    const respelled = `${good.slice(0, -1)}${sibling}`;
    expect(Buffer.from(respelled.split('.')[2] ?? '', 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(refusal(verifyJwt(respelled, base)).code).toBe('malformed');
  });

  it('alg none, with or without a signature', () => {
    const unsigned = forge({ alg: 'none', typ: 'JWT' }, assertionClaims, () => '');
    expect(refusal(verifyJwt(unsigned, base))).toEqual({
      code: 'unsupported-algorithm',
      reason: 'alg "none" is not accepted; only RS256',
    });
    // An RS256 signature attached to an alg-none header is refused for the header alone.
    const resigned = `${unsigned}${good.split('.')[2] ?? ''}`;
    expect(refusal(verifyJwt(resigned, base)).code).toBe('unsupported-algorithm');
    expect(
      refusal(
        verifyJwt(
          forge({ alg: 'None' }, assertionClaims, () => ''),
          base,
        ),
      ).code,
    ).toBe('unsupported-algorithm');
  });

  it('HS256 signed with the public key as HMAC secret (key confusion)', () => {
    const hmacWith = (secret: string) => (input: string) =>
      createHmac('sha256', secret).update(input).digest('base64url');
    const confused = forge({ alg: 'HS256', typ: 'JWT' }, assertionClaims, hmacWith(publicPem));
    // A verifier that let the header pick the algorithm would accept this with the published key.
    expect(refusal(verifyJwt(confused, { ...base, publicKeys: [publicPem] })).code).toBe('unsupported-algorithm');
    expect(refusal(verifyJwt(confused, { ...base, publicKeys: [createSecretKey(Buffer.from(publicPem))] })).code).toBe(
      'unsupported-algorithm',
    );
    // Relabelled RS256, the HMAC is just a wrong signature.
    const relabelled = forge({ alg: 'RS256', typ: 'JWT' }, assertionClaims, hmacWith(publicPem));
    expect(refusal(verifyJwt(relabelled, { ...base, publicKeys: [publicPem] })).code).toBe('bad-signature');
  });

  it.each(['rs256', 'RS384', 'RS512', 'PS256', 'ES256', 'HS512', 'EdDSA'])('alg %s', (alg) => {
    const token = forge({ alg }, assertionClaims, () => good.split('.')[2] ?? '');
    expect(refusal(verifyJwt(token, base)).code).toBe('unsupported-algorithm');
  });

  it('a non-string alg', () => {
    expect(
      refusal(
        verifyJwt(
          forge({ alg: ['RS256'] }, {}, () => 'AA'),
          base,
        ),
      ).code,
    ).toBe('malformed');
  });

  it('critical header extensions it cannot honour', () => {
    const token = signJwt(assertionClaims, privateKey, { crit: ['exp'] });
    expect(refusal(verifyJwt(token, base)).code).toBe('unsupported-header');
  });

  it('a tampered payload', () => {
    const [header = '', , signature = ''] = good.split('.');
    const tampered = `${header}.${b64url({ ...assertionClaims, sub: 'admin' })}.${signature}`;
    expect(refusal(verifyJwt(tampered, base))).toEqual({
      code: 'bad-signature',
      reason: 'signature does not verify with any of 1 key(s)',
    });
    expect(decodeJwtUnverified(tampered)?.claims.sub).toBe('admin');
  });

  it('a tampered header', () => {
    const [, payload = '', signature = ''] = good.split('.');
    const tampered = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${payload}.${signature}`;
    expect(refusal(verifyJwt(tampered, base)).code).toBe('bad-signature');
  });

  it('a truncated or emptied signature', () => {
    // Two characters less keeps a whole number of 4-character groups, so the base64url stays valid.
    expect(refusal(verifyJwt(good.slice(0, -2), base)).code).toBe('bad-signature');
    expect(refusal(verifyJwt(good.replace(/\.[^.]*$/, '.'), base)).code).toBe('bad-signature');
  });

  it('a token signed by another key', () => {
    const token = signJwt(assertionClaims, other.privateKey);
    expect(refusal(verifyJwt(token, base)).code).toBe('bad-signature');
    expect(verifyJwt(token, { ...base, publicKeys: [publicKey, other.publicKey] }).ok).toBe(true);
  });

  it('when no configured key is a usable RSA key', () => {
    expect(refusal(verifyJwt(good, { ...base, publicKeys: [] })).code).toBe('no-usable-key');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(
      refusal(verifyJwt(good, { ...base, publicKeys: ['garbage', ec, createSecretKey(Buffer.from('s'))] })),
    ).toEqual({ code: 'no-usable-key', reason: 'no RSA public key to verify with' });
  });

  it('an expired token, allowing the clock tolerance', () => {
    const token = signJwt({ exp: nowSeconds - 30 }, privateKey);
    expect(refusal(verifyJwt(token, base))).toEqual({
      code: 'expired',
      reason: 'expired at 2025-06-01T11:59:30.000Z (now 2025-06-01T12:00:00.000Z, tolerance 0 s)',
    });
    expect(refusal(verifyJwt(token, { ...base, clockToleranceSeconds: 30 })).code).toBe('expired');
    expect(verifyJwt(token, { ...base, clockToleranceSeconds: 31 }).ok).toBe(true);
    // exp is the first instant the token is no longer valid (RFC 7519 4.1.4).
    expect(refusal(verifyJwt(signJwt({ exp: nowSeconds }, privateKey), base)).code).toBe('expired');
    expect(verifyJwt(signJwt({ exp: nowSeconds + 1 }, privateKey), base).ok).toBe(true);
  });

  it('a token not yet valid, allowing the clock tolerance', () => {
    const token = signJwt({ nbf: nowSeconds + 300 }, privateKey);
    expect(refusal(verifyJwt(token, base))).toEqual({
      code: 'not-yet-valid',
      reason: 'not valid before 2025-06-01T12:05:00.000Z (now 2025-06-01T12:00:00.000Z, tolerance 0 s)',
    });
    expect(refusal(verifyJwt(token, { ...base, clockToleranceSeconds: 299 })).code).toBe('not-yet-valid');
    expect(verifyJwt(token, { ...base, clockToleranceSeconds: 300 }).ok).toBe(true);
    expect(verifyJwt(signJwt({ nbf: nowSeconds }, privateKey), base).ok).toBe(true);
  });

  it('reports dates beyond the range of Date without throwing', () => {
    expect(refusal(verifyJwt(signJwt({ nbf: 1e20 }, privateKey), base))).toEqual({
      code: 'not-yet-valid',
      reason: 'not valid before 100000000000000000000 s after the epoch (now 2025-06-01T12:00:00.000Z, tolerance 0 s)',
    });
  });

  it('judges time by the current clock when now is not given', () => {
    const seconds = Math.floor(Date.now() / 1000);
    expect(verifyJwt(signJwt({ exp: seconds + 60 }, privateKey), { publicKeys: [publicKey] }).ok).toBe(true);
    expect(verifyJwt(signJwt({ exp: seconds - 60 }, privateKey), { publicKeys: [publicKey] }).ok).toBe(false);
  });

  it.each([
    ['exp', '1700000000'],
    ['nbf', null],
    ['iat', true],
  ])('a %s that is not a NumericDate', (name, value) => {
    expect(refusal(verifyJwt(signJwt({ [name]: value }, privateKey), base))).toEqual({
      code: 'invalid-claim',
      reason: `claim ${name} is not a NumericDate`,
    });
  });

  it('a wrong or missing issuer', () => {
    expect(verifyJwt(good, { ...base, issuer: 'app-client-id' }).ok).toBe(true);
    expect(refusal(verifyJwt(good, { ...base, issuer: 'someone-else' }))).toEqual({
      code: 'wrong-issuer',
      reason: 'iss "app-client-id" is not "someone-else"',
    });
    expect(refusal(verifyJwt(signJwt({}, privateKey), { ...base, issuer: 'x' })).code).toBe('wrong-issuer');
  });

  describe('audience', () => {
    const graph = 'https://graph.microsoft.com';
    const graphId = '00000003-0000-0000-c000-000000000000';
    const verifyAud = (aud: unknown, audience: string | readonly string[]): VerifyResult =>
      verifyJwt(signJwt(aud === undefined ? {} : { aud }, privateKey), { ...base, audience });

    it('accepts a string aud that matches a string or is listed in an array', () => {
      expect(verifyAud(graph, graph).ok).toBe(true);
      expect(verifyAud(graph, [graphId, graph]).ok).toBe(true);
    });

    it('accepts an array aud that contains an accepted audience', () => {
      expect(verifyAud(['api://other', graph], graph).ok).toBe(true);
      expect(verifyAud(['api://other', graphId], [graph, graphId]).ok).toBe(true);
    });

    it('refuses when no audience matches, exactly and case-sensitively', () => {
      expect(refusal(verifyAud(graph, graphId))).toEqual({
        code: 'wrong-audience',
        reason: `aud "${graph}" names none of ["${graphId}"]`,
      });
      expect(refusal(verifyAud([graph, 'api://x'], [graphId])).code).toBe('wrong-audience');
      expect(refusal(verifyAud(graph.toUpperCase(), graph)).code).toBe('wrong-audience');
      expect(refusal(verifyAud(`${graph}/`, graph)).code).toBe('wrong-audience');
      expect(refusal(verifyAud([], graph)).code).toBe('wrong-audience');
      expect(refusal(verifyAud(graph, [])).code).toBe('wrong-audience');
    });

    it('refuses a missing aud when one is expected, and an aud of the wrong type', () => {
      expect(refusal(verifyAud(undefined, graph))).toEqual({ code: 'wrong-audience', reason: 'token has no aud' });
      expect(refusal(verifyAud(42, graph)).code).toBe('invalid-claim');
      expect(refusal(verifyAud([graph, 42], graph)).code).toBe('invalid-claim');
    });

    it('does not check aud when no audience is asked for', () => {
      expect(verifyJwt(signJwt({ aud: 'anything' }, privateKey), base).ok).toBe(true);
    });
  });

  it('missing required claims, counting null as missing', () => {
    const requireClaims = ['sub', 'jti', 'exp'];
    expect(verifyJwt(good, { ...base, requireClaims }).ok).toBe(true);
    // JSON.stringify drops an undefined member, so the signed token has no jti at all.
    expect(
      refusal(verifyJwt(signJwt({ ...assertionClaims, jti: undefined }, privateKey), { ...base, requireClaims })),
    ).toEqual({
      code: 'missing-claim',
      reason: 'claim jti is required',
    });
    expect(
      refusal(verifyJwt(signJwt({ ...assertionClaims, sub: null }, privateKey), { ...base, requireClaims })).code,
    ).toBe('missing-claim');
  });

  it('only after the signature holds, so a forged token learns nothing about the claims checks', () => {
    const forged = signJwt({ exp: 1 }, other.privateKey);
    expect(refusal(verifyJwt(forged, { ...base, issuer: 'x', audience: 'y', requireClaims: ['z'] })).code).toBe(
      'bad-signature',
    );
  });

  it('options that would make the time checks meaningless', () => {
    expect(refusal(verifyJwt(good, { ...base, now: new Date(Number.NaN) })).code).toBe('invalid-options');
    expect(refusal(verifyJwt(good, { ...base, clockToleranceSeconds: -1 })).code).toBe('invalid-options');
    expect(refusal(verifyJwt(good, { ...base, clockToleranceSeconds: Number.POSITIVE_INFINITY })).code).toBe(
      'invalid-options',
    );
  });

  it('without throwing, whatever it is given', () => {
    const inputs: readonly unknown[] = [undefined, null, 42, {}, ['a', 'b', 'c']];
    for (const input of inputs) {
      expect(refusal(verifyJwt(input as string, base)).code).toBe('malformed');
    }
    const broken = { publicKeys: [undefined, null, 42] } as unknown as VerifyOptions;
    expect(refusal(verifyJwt(good, broken)).code).toBe('no-usable-key');
    expect(verifyJwt(good, {} as unknown as VerifyOptions).ok).toBe(false);
  });
});

describe('decodeJwtUnverified', () => {
  it('reads the header and claims without any key', () => {
    const token = signJwt({ iss: 'https://demo.okta.localhost/oauth2/default' }, other.privateKey, { kid: 'k2' });
    expect(decodeJwtUnverified(token)).toEqual({
      header: { alg: 'RS256', kid: 'k2' },
      claims: { iss: 'https://demo.okta.localhost/oauth2/default' },
    });
  });

  it('reads a token whatever its alg, since it checks nothing', () => {
    expect(decodeJwtUnverified(forge({ alg: 'none' }, { a: 1 }, () => ''))).toEqual({
      header: { alg: 'none' },
      claims: { a: 1 },
    });
  });
});

describe('publicJwkOf', () => {
  it('publishes n and e with kid, use and alg, and nothing private', () => {
    const jwk = publicJwkOf(privateKey, 'kid-1');
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(jwk).toMatchObject({ kty: 'RSA', e: 'AQAB', kid: 'kid-1', use: 'sig', alg: 'RS256' });
    expect(jwk.n).toMatch(/^[A-Za-z0-9_-]{342}$/);
    expect(publicJwkOf(publicKey, 'kid-1')).toEqual(jwk);
    expect(publicJwkOf(publicPem, 'kid-1')).toEqual(jwk);
    expect(publicJwkOf(privatePem, 'kid-1')).toEqual(jwk);
  });

  it('gives a key that verifies the tokens of the private key', () => {
    // As a relying party would import it from the JWKS, kid, use and alg included.
    const imported = createPublicKey({ key: publicJwkOf(privateKey, 'kid-1'), format: 'jwk' });
    expect(verifyJwt(signJwt({ a: 1 }, privateKey), { publicKeys: [imported] }).ok).toBe(true);
  });

  it('refuses a key that is not RSA', () => {
    expect(() => publicJwkOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, 'k')).toThrow(/RSA key/);
    expect(() => publicJwkOf('not a key', 'k')).toThrow(/RSA key/);
  });
});

describe('verifyJwt with PS256 allowed (Entra client assertions)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

  function ps256(claims: Record<string, unknown>): string {
    const input = `${encode({ alg: 'PS256', typ: 'JWT' })}.${encode(claims)}`;
    const signature = sign('sha256', Buffer.from(input), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    });
    return `${input}.${signature.toString('base64url')}`;
  }

  it('accepts a PS256 token only when PS256 is in the allow-list', () => {
    const token = ps256({ sub: 'a', exp: Math.floor(Date.now() / 1000) + 60 });
    expect(verifyJwt(token, { publicKeys: [publicKey], algorithms: ['RS256', 'PS256'] }).ok).toBe(true);
    expect(verifyJwt(token, { publicKeys: [publicKey] })).toMatchObject({ ok: false, code: 'unsupported-algorithm' });
  });

  it('still refuses a PS256 token signed by another key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(verifyJwt(ps256({ sub: 'a' }), { publicKeys: [other.publicKey], algorithms: ['PS256'] })).toMatchObject({
      ok: false,
      code: 'bad-signature',
    });
  });
});
