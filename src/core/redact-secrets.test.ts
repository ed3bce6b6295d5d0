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

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
const OKTA_API_TOKEN = `00${'a1B2c3D4e5'.repeat(4)}`;
const ENTRA_CLIENT_SECRET = `abc8Q~${'x'.repeat(34)}`;
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

/** How many placeholders a text holds: one per secret masked. */
const placeholders = (text: string): number => text.split('[redacted').length - 1;

describe('redactSecrets masks each secret exactly once', () => {
  /*
   * A secret inside a credential's context (a scheme, a name) is the context's value and reads
   * "[redacted]"; only a secret with no context names its kind. Either way: one placeholder.
   */
  const cases: readonly {
    readonly name: string;
    readonly text: string;
    readonly expected: string;
    readonly known?: readonly string[];
  }[] = [
    {
      name: 'a JWT as a bearer credential',
      text: `Authorization: Bearer ${JWT}`,
      expected: 'Authorization: Bearer [redacted]',
    },
    {
      name: 'a JWT as a JSON access_token',
      text: `{"access_token": "${JWT}", "expires_in": 3600}`,
      expected: '{"access_token": "[redacted]", "expires_in": 3600}',
    },
    {
      name: 'a JWT as a JSON id_token with no spaces',
      text: JSON.stringify({ id_token: JWT, token_type: 'Bearer' }),
      expected: '{"id_token":"[redacted]","token_type":"Bearer"}',
    },
    {
      name: 'an Okta API token in an SSWS header',
      text: `Authorization: SSWS ${OKTA_API_TOKEN}`,
      expected: 'Authorization: SSWS [redacted]',
    },
    {
      name: 'an Entra client secret as client_secret',
      text: `client_secret=${ENTRA_CLIENT_SECRET}&grant_type=client_credentials`,
      expected: 'client_secret=[redacted]&grant_type=client_credentials',
    },
    {
      name: 'a JWT as client_secret',
      text: `client_secret=${JWT}&grant_type=client_credentials`,
      expected: 'client_secret=[redacted]&grant_type=client_credentials',
    },
    {
      name: 'a bearer header inside JSON',
      text: `{"headers": {"Authorization": "Bearer ${JWT}"}}`,
      expected: '{"headers": {"Authorization": "Bearer [redacted]"}}',
    },
    {
      name: 'a bearer header inside JSON escaped in JSON',
      text: JSON.stringify({ body: JSON.stringify({ Authorization: `Bearer ${JWT}` }) }),
      expected: JSON.stringify({ body: JSON.stringify({ Authorization: 'Bearer [redacted]' }) }),
    },
    {
      name: 'a JWT as a named URL query parameter',
      text: `https://contoso.okta.com/cb?id_token=${JWT}&state=abc`,
      expected: 'https://contoso.okta.com/cb?id_token=[redacted]&state=abc',
    },
    {
      name: 'a JWT as an unnamed URL query parameter',
      text: `https://contoso.okta.com/cb?jwt=${JWT}&state=abc`,
      expected: 'https://contoso.okta.com/cb?jwt=[redacted jwt]&state=abc',
    },
    { name: 'a JWT after a hyphen', text: `cookie-${JWT} set`, expected: 'cookie-[redacted jwt] set' },
    {
      name: 'a JWT ending a sentence',
      text: `The token was ${JWT}. It expired.`,
      expected: 'The token was [redacted jwt]. It expired.',
    },
    {
      name: 'a private key as a named credential',
      text: `private_key: ${PEM} end`,
      expected: 'private_key: [redacted] end',
    },
    {
      name: 'a private key in a JSON string',
      text: JSON.stringify({ private_key: PEM, kid: 'k1' }),
      expected: '{"private_key":"[redacted]","kid":"k1"}',
    },
    { name: 'a private key as a bearer credential', text: `Bearer ${PEM} end`, expected: 'Bearer [redacted] end' },
    {
      name: 'a private key cut off before its end',
      text: 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBg',
      expected: 'key: [redacted private key]',
    },
    {
      name: 'a JWT that is also a known value',
      text: `Authorization: Bearer ${JWT}`,
      known: [JWT],
      expected: 'Authorization: Bearer [redacted]',
    },
    {
      name: 'a password that is also a known value',
      text: 'password: hunter2hunter2',
      known: ['hunter2hunter2'],
      expected: 'password: [redacted]',
    },
  ];

  it.each(cases)('$name', ({ text, expected, known }) => {
    const out = redactSecrets(text, known);
    expect(out).toBe(expected);
    expect(placeholders(out)).toBe(1);
  });

  it.each(cases)('leaves $name as it is when masked again', ({ text, known }) => {
    const once = redactSecrets(text, known);
    expect(redactSecrets(once, known)).toBe(once);
  });

  it('masks a key with no end to the end of the text, after whole keys before it', () => {
    expect(redactSecrets(`${PEM} then -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE and more`)).toBe(
      '[redacted private key] then [redacted private key]',
    );
  });
});

describe('redactSecrets tells credentials from prose', () => {
  /*
   * The rule (see isProse): after a bare colon and a space, a lower-case word followed by another
   * word on the same line is a sentence; everything else after a credential's name is its value.
   */
  const values: readonly { readonly name: string; readonly text: string; readonly expected: string }[] = [
    { name: 'a JSON password', text: '{"password": "hunter2"}', expected: '{"password": "[redacted]"}' },
    {
      name: 'a JSON password with spaces',
      text: '{"password": "correct horse battery", "user": "jdoe"}',
      expected: '{"password": "[redacted]", "user": "jdoe"}',
    },
    {
      name: 'a JSON password that reads like prose',
      text: '{"password": "treat it"}',
      expected: '{"password": "[redacted]"}',
    },
    {
      name: 'a JSON password with an escaped quote',
      text: String.raw`{"password": "pa\"ss word"}`,
      expected: '{"password": "[redacted]"}',
    },
    {
      name: 'a password in JSON escaped in JSON',
      text: String.raw`{"body": "{\"password\":\"hunter2\",\"user\":\"jdoe\"}"}`,
      expected: String.raw`{"body": "{\"password\":\"[redacted]\",\"user\":\"jdoe\"}"}`,
    },
    { name: 'a single-quoted password', text: "{'password': 'hunter 2'}", expected: "{'password': '[redacted]'}" },
    {
      name: 'a form password',
      text: 'username=jdoe&password=hunter2&grant_type=password',
      expected: 'username=jdoe&password=[redacted]&grant_type=password',
    },
    {
      name: 'a password after "=" that reads like a word',
      text: 'password=treat it',
      expected: 'password=[redacted] it',
    },
    {
      name: 'a password ending a log line',
      text: 'login failed for jdoe\nPassword: hunter2\nretrying',
      expected: 'login failed for jdoe\nPassword: [redacted]\nretrying',
    },
    { name: 'a password ending the text', text: 'Password: hunter2', expected: 'Password: [redacted]' },
    { name: 'a lower-case password ending the text', text: 'password: letmein', expected: 'password: [redacted]' },
    {
      name: 'a password with digits mid-line',
      text: 'password: hunter2 from 203.0.113.7',
      expected: 'password: [redacted] from 203.0.113.7',
    },
    { name: 'a capitalised password mid-line', text: 'Password: Summer now', expected: 'Password: [redacted] now' },
    {
      name: 'a password with no space after the colon',
      text: 'password:letmein now',
      expected: 'password:[redacted] now',
    },
    {
      name: 'a password before a comma',
      text: 'password: letmein, user: jdoe',
      expected: 'password: [redacted], user: jdoe',
    },
  ];

  const prose: readonly { readonly name: string; readonly text: string }[] = [
    {
      // The engine's own MFA_FAILED explanation (src/core/diagnosis/rules/access.ts).
      name: 'the MFA_FAILED explanation',
      text: 'If the user did not press "No" themselves, someone else may be trying their password: treat it as a possible compromise.',
    },
    { name: 'a sentence after "Password:"', text: 'Password: the user changed it this morning.' },
    { name: 'a sentence after "password :"', text: 'Check the password : it may have expired.' },
    { name: 'a sentence after another name', text: 'the access_token: it expired before the call' },
  ];

  it.each(values)('masks $name', ({ text, expected }) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each(prose)('leaves $name alone', ({ text }) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactSecrets on 1 MB of hostile text', () => {
  /*
   * Each text is a megabyte shaped against one pattern: something that almost matches, at every
   * position. A super-linear pattern shows up as a test running into its timeout (the old JWT
   * pattern took minutes on the first one); the checks themselves are about the answer.
   */
  const MB = 1 << 20;
  /** How many copies of `unit` make a megabyte. */
  const copies = (unit: string): number => Math.ceil(MB / unit.length);
  const fill = (unit: string): string => unit.repeat(copies(unit));
  /** A megabyte of JWT-shaped segments, whole JWTs only. */
  const jwtSegments = 'eyJhbGciOi.'.repeat(3 * Math.ceil(copies('eyJhbGciOi.') / 3));

  const cases: readonly {
    readonly name: string;
    readonly text: string;
    /** The expected output, or null when the text must come back unchanged. */
    readonly expected: string | null;
  }[] = [
    { name: 'a JWT start after every hyphen, no dot', text: fill('eyJaaaaa-'), expected: null },
    {
      name: 'a JWT header, then a payload start after every hyphen and no second dot',
      text: `eyJhbGciOiJub25lIn0.${fill('eyJaaaaa-')}`,
      expected: null,
    },
    { name: 'a JWT start after every dot, too short', text: fill('eyJ.'), expected: null },
    { name: 'JWT-shaped segments', text: jwtSegments, expected: '[redacted jwt].'.repeat(jwtSegments.length / 33) },
    { name: 'one huge JWT', text: `eyJhbGciOi.eyJ${fill('a')}.c2ln`, expected: '[redacted jwt]' },
    {
      name: 'private-key headers with no end',
      text: `a ${fill('-----BEGIN PRIVATE KEY-----')}`,
      expected: 'a [redacted private key]',
    },
    {
      name: 'a private-key header and a megabyte with no end',
      text: `key: -----BEGIN RSA PRIVATE KEY-----\n${fill('MIIEvQIBADANBg\n')}`,
      expected: 'key: [redacted private key]',
    },
    { name: 'private-key footers with no header', text: fill('-----END PRIVATE KEY-----'), expected: null },
    {
      name: 'Bearer after Bearer',
      text: fill('Bearer Bearer '),
      expected: 'Bearer [redacted] '.repeat(copies('Bearer Bearer ')),
    },
    { name: 'Bearer with no credential', text: fill('Bearer  ,'), expected: null },
    { name: 'SSWS and white space', text: `SSWS${fill(' \t')}`, expected: null },
    { name: 'password= after password=', text: fill('password='), expected: 'password=[redacted]' },
    {
      name: 'password: after password:',
      text: fill('password: password: '),
      expected: 'password: [redacted] '.repeat(copies('password: password: ')),
    },
    { name: 'JSON names with no value', text: fill('"password": "'), expected: null },
    { name: 'prose after "password:"', text: fill('password: a b '), expected: null },
    { name: 'a long run of base64 characters', text: fill('Ab0+/x9_-'), expected: null },
    { name: 'zeros, as an Okta token starts', text: fill('0'), expected: null },
    { name: 'Entra secret prefixes with no secret', text: fill('ab.1Q~ '), expected: null },
  ];

  it.each(cases)('$name', { timeout: 2000 }, ({ text, expected }) => {
    expect(text.length).toBeGreaterThanOrEqual(MB);
    const out = redactSecrets(text);
    // Compared as booleans: a diff of two megabyte strings would be slow and unreadable.
    if (expected === null) expect(out === text).toBe(true);
    else expect(out === expected).toBe(true);
  });
});
