import { describe, expect, it } from 'vitest';
import type { EvidenceBundle } from '../evidence/bundle';
import { EVIDENCE_FORMAT } from '../evidence/bundle';
import { redactSecrets } from '../redact-secrets';
import { maskBundleSecrets } from './bundle-secrets';
import { maskTokens } from './tokens';

const SAML = Buffer.from('<samlp:Response><Assertion>hush</Assertion></samlp:Response>').toString('base64');

/** Where a SAML response shows up in vendor text, and what is left of it. */
const SAML_CASES: readonly (readonly [string, string, string])[] = [
  ['a form body', `SAMLResponse=${encodeURIComponent(SAML)}&RelayState=x`, 'SAMLResponse=[redacted]&RelayState=x'],
  ['JSON', `{"SAMLResponse": "${SAML}"}`, '{"SAMLResponse": "[redacted]"}'],
  ['a WS-Fed result', `wa=wsignin1.0&wresult=${encodeURIComponent(SAML)}`, 'wa=wsignin1.0&wresult=[redacted]'],
];

describe('redactSecrets: SAML responses are credentials', () => {
  it.each(SAML_CASES)('in %s', (_where, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves the report redaction’s own placeholder alone, so a masked response is counted once', () => {
    expect(redactSecrets('SAMLResponse=[token]')).toBe('SAMLResponse=[token]');
    expect(maskTokens(`SAMLResponse=${SAML}`)).toEqual({ text: 'SAMLResponse=[token]', count: 1 });
  });
});

describe('maskBundleSecrets', () => {
  const bundle: EvidenceBundle = {
    format: EVIDENCE_FORMAT,
    collectedAt: '2026-11-25T14:00:00.000Z',
    subject: {
      upn: 'jdoe@contoso.com',
      symptom: 'outlook-desktop',
      since: '2026-11-24T14:00:00.000Z',
      until: '2026-11-25T14:00:00.000Z',
    },
    okta: {
      orgUrl: 'https://contoso.okta.com',
      logEvents: [
        {
          uuid: 'e1',
          published: '2026-11-25T13:00:00.000Z',
          eventType: 'user.session.start',
          debugContext: { debugData: { url: '/login?client_secret=abc123456789', requestId: 'r1' } },
        },
        { uuid: 'e2', published: '2026-11-25T13:01:00.000Z', eventType: 'user.session.start' },
      ],
    },
    gaps: [],
  } as unknown as EvidenceBundle;

  it('masks credentials in the records and shares what it did not change', () => {
    const masked = maskBundleSecrets(bundle);
    const events = masked.okta?.logEvents ?? [];
    expect(events[0]?.debugContext?.debugData).toEqual({ url: '/login?client_secret=[redacted]', requestId: 'r1' });
    // The untouched event, the subject and the field order are the original's.
    expect(events[1]).toBe(bundle.okta?.logEvents?.[1]);
    expect(masked.subject).toBe(bundle.subject);
    expect(Object.keys(masked)).toEqual(Object.keys(bundle));
  });

  it('returns the same bundle when there is nothing to mask, and never masks the subject', () => {
    const clean = { ...bundle, okta: { orgUrl: 'https://contoso.okta.com' } } as EvidenceBundle;
    expect(maskBundleSecrets(clean)).toBe(clean);
    const odd = { ...clean, subject: { ...clean.subject, upn: 'password=hunter22222@contoso.com' } } as EvidenceBundle;
    expect(maskBundleSecrets(odd)).toBe(odd);
  });
});
