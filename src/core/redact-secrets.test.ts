import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('masks SSWS and Bearer credentials in headers and prose', () => {
    const text = 'Authorization: SSWS 00abcDEF123 and Authorization: Bearer abc.def-ghi';
    const out = redactSecrets(text);
    expect(out).toBe('Authorization: SSWS [redacted] and Authorization: Bearer [redacted]');
  });

  it('masks JWTs wherever they appear', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    expect(redactSecrets(`assertion=${jwt}&x=1`)).not.toContain('eyJzdWIi');
  });

  it('masks named credentials in query strings and JSON but keeps the names', () => {
    const out = redactSecrets('client_secret=s3cr3t&grant_type=client_credentials {"access_token": "tok123"}');
    expect(out).toContain('client_secret=[redacted]');
    expect(out).toContain('grant_type=client_credentials');
    expect(out).toContain('"access_token": "[redacted]"');
    expect(out).not.toMatch(/s3cr3t|tok123/);
  });

  it('masks a whole PEM private key', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    expect(redactSecrets(`key: ${pem} end`)).toBe('key: [redacted private key] end');
  });

  it('masks Okta API tokens but not Okta object ids', () => {
    const token = `00${'a1B2c3D4e5'.repeat(4)}`;
    const userId = '00u1a2b3c4d5e6f7g8h9';
    const out = redactSecrets(`token ${token} user ${userId}`);
    expect(out).toBe(`token [redacted okta token] user ${userId}`);
  });

  it('masks Entra client secrets of the current format', () => {
    const secret = 'abc8Q~' + 'x'.repeat(34);
    expect(redactSecrets(`secret is ${secret}.`)).toBe('secret is [redacted client secret].');
  });

  it('masks known secret values wherever they appear, ignoring implausibly short ones', () => {
    expect(redactSecrets('value=hunter2hunter2 said hunter2hunter2', ['hunter2hunter2'])).toBe(
      'value=[redacted] said [redacted]',
    );
    expect(redactSecrets('a b c', ['a'])).toBe('a b c');
  });

  it('leaves ordinary diagnostic text alone', () => {
    const text = 'User jane@contoso.com failed /app/office365/exk123/sso/wsfed/active with INVALID_CREDENTIALS';
    expect(redactSecrets(text)).toBe(text);
  });
});
