import { describe, expect, it } from 'vitest';
import { ENTRA_USER_ID, IMMUTABLE_ID, OKTA_USER_ID, APP_ID, ACTIVE_URI } from '../test-support/fixtures';
import { maskTokens } from './tokens';

/** Deterministic base64-looking text (a linear congruential generator, so no test depends on chance). */
function pseudoBase64(length: number, seed = 7): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet.charAt(state % 64);
  }
  return out;
}

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiIwMHU4YWIxMmNkRUZnaElKNWQ3eCIsInRpZCI6ImZjYyJ9.c2lnbmF0dXJlLXZhbHVl';
const ASSERTION =
  '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" IssueInstant="2026-11-25T14:00:00Z">' +
  '<saml:AttributeStatement><saml:Subject><saml:NameIdentifier>jdoe@contoso.com</saml:NameIdentifier></saml:Subject>' +
  '<saml:Attribute AttributeName="ImmutableID"><saml:AttributeValue>hi2LdEwsjU+LThoc5MnQ5Q==</saml:AttributeValue>' +
  '</saml:Attribute></saml:AttributeStatement></saml:Assertion>';

/** Secrets: each must disappear, and what is around it stay. */
const secrets: readonly {
  readonly name: string;
  readonly text: string;
  readonly expected: string;
  readonly count: number;
}[] = [
  { name: 'a JWT (redactSecrets)', text: `id_token ${JWT} end`, expected: 'id_token [redacted jwt] end', count: 1 },
  {
    name: 'an SSWS header (redactSecrets)',
    text: 'Authorization: SSWS 00Ab1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3a',
    expected: 'Authorization: SSWS [redacted]',
    count: 1,
  },
  {
    name: 'a bearer header (redactSecrets)',
    text: `Authorization: Bearer ${JWT}`,
    expected: 'Authorization: Bearer [redacted]',
    count: 1,
  },
  { name: 'a real password after "password:"', text: 'password: hunter2', expected: 'password: [redacted]', count: 1 },
  {
    name: 'a JWT as a named credential (redactSecrets)',
    text: `{"access_token": "${JWT}"}`,
    expected: '{"access_token": "[redacted]"}',
    count: 1,
  },
  {
    name: 'a SAML 1.1 assertion with a UPN inside',
    text: `got ${ASSERTION} back`,
    expected: 'got [token] back',
    count: 1,
  },
  {
    name: 'a SAML 2.0 protocol response',
    text: '<samlp:Response ID="_1"><saml:Assertion>x</saml:Assertion></samlp:Response> done',
    expected: '[token] done',
    count: 1,
  },
  {
    name: 'an encrypted assertion',
    text: 'a <saml2:EncryptedAssertion><xenc:CipherData>abc</xenc:CipherData></saml2:EncryptedAssertion> b',
    expected: 'a [token] b',
    count: 1,
  },
  {
    name: 'an assertion cut off in an error message',
    text: 'Entra said: <saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"><saml2:Issuer>http://www.okta.com/exk',
    expected: 'Entra said: [token]',
    count: 1,
  },
  {
    name: 'two assertions',
    text: '<Assertion>1</Assertion> and <Assertion>2</Assertion>',
    expected: '[token] and [token]',
    count: 2,
  },
  {
    name: 'a base64 SAMLResponse in a form post',
    text: `SAMLResponse=${pseudoBase64(40)}&RelayState=https%3A%2F%2Foutlook.office.com`,
    expected: 'SAMLResponse=[token]&RelayState=https%3A%2F%2Foutlook.office.com',
    count: 1,
  },
  {
    name: 'a WS-Fed wresult',
    text: 'wa=wsignin1.0&wresult=%3Ct%3ARequestSecurityTokenResponse%3E&wctx=x',
    expected: 'wa=wsignin1.0&wresult=[token]&wctx=x',
    count: 1,
  },
  {
    name: 'an OAuth SAML-bearer grant',
    text: `grant_type=urn:ietf:params:oauth:grant-type:saml2-bearer&assertion=${pseudoBase64(30)}`,
    expected: 'grant_type=urn:ietf:params:oauth:grant-type:saml2-bearer&assertion=[token]',
    count: 1,
  },
  {
    name: 'a device code in JSON',
    text: `{"device_code": "${pseudoBase64(90).replace(/[+/]/g, '_')}", "interval": 5}`,
    expected: '{"device_code": "[token]", "interval": 5}',
    count: 1,
  },
  { name: 'a user code', text: 'user_code: WDJB-MJHT', expected: 'user_code: [token]', count: 1 },
  {
    name: 'Microsoft’s device-login prompt',
    text: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FKZ7L5XNP to authenticate.',
    expected:
      'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code [token] to authenticate.',
    count: 1,
  },
  { name: 'a long base64 blob', text: `token ${pseudoBase64(200)}== end`, expected: 'token [token] end', count: 1 },
  {
    name: 'a refresh-token-like base64url blob',
    text: `rt=0.AXEA${pseudoBase64(300).replace(/\+/g, '-').replace(/\//g, '_')}`,
    // The "0." version prefix is not part of the secret.
    expected: 'rt=0.[token]',
    count: 1,
  },
  {
    name: 'a whole private key (redactSecrets)',
    text: 'key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- end',
    expected: 'key: [redacted private key] end',
    count: 1,
  },
  {
    name: 'a private key cut off before its end',
    text: 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    expected: 'key: [token]',
    count: 1,
  },
];

/** Things that look like secrets and are not: ids the technician needs, public values, prose. */
const notSecrets: readonly { readonly name: string; readonly text: string }[] = [
  { name: 'an ImmutableID', text: `Okta sends ${IMMUTABLE_ID}, Entra holds hi2LdEwsjU+LThoc5MnQ5Q==.` },
  { name: 'an Okta signing key id', text: 'Okta signs with key GYpV16-VraYkrLOo594Bclbi9OS-Qt_ojM4emvLwlpV.' },
  { name: 'Okta object ids', text: `user ${OKTA_USER_ID}, app ${APP_ID}, org 00o1a2b3c4D5e6F7g8h9` },
  { name: 'a GUID', text: `Entra user ${ENTRA_USER_ID}` },
  { name: 'a hex thumbprint', text: `thumbprint ${'3f7a9c2e'.repeat(8)}` },
  { name: 'a certificate prefix as evidence shows it', text: 'MIIDpDCCAoygAwIBAgIGAZLm…' },
  {
    name: 'a long URL path',
    text: `https://contoso.okta.com${ACTIVE_URI}/and/more/Segments/for/Length/Check/abcdef1234`,
  },
  { name: 'an unprefixed XML response', text: '<Response>ok</Response>' },
  {
    name: 'the MFA_FAILED explanation',
    text: 'someone else may be trying their password: treat it as a possible compromise.',
  },
  { name: 'prose about an assertion', text: 'the assertion: Okta sent an ImmutableID Entra does not hold' },
  { name: 'prose about a device code', text: 'The device code expired before the user entered it.' },
  { name: 'prose about a user code', text: 'user code: the user typed it wrong; use the code shown on the phone' },
  { name: 'AADSTS codes', text: 'AADSTS50126 then AADSTS700016 and AADSTS53003' },
  { name: 'the Okta System Log search', text: 'eventType eq "user.authentication.auth_via_richclient"' },
];

describe('maskTokens', () => {
  it.each(secrets)('masks $name', ({ text, expected, count }) => {
    expect(maskTokens(text)).toEqual({ text: expected, count });
  });

  it.each(notSecrets)('leaves $name alone', ({ text }) => {
    expect(maskTokens(text)).toEqual({ text, count: 0 });
  });

  it('does not count "[redacted" text that was already there', () => {
    expect(maskTokens('value [redacted] and SSWS abc')).toEqual({
      text: 'value [redacted] and SSWS [redacted]',
      count: 1,
    });
  });
});
