import { describe, expect, it } from 'vitest';
import { profileSchema, secretKindsFor } from '../../../shared/ipc/profiles';
import type { Profile } from '../../../shared/ipc/profiles';
import {
  draftFromProfile,
  EMPTY_DRAFT,
  normalizeSecret,
  profileIdFromName,
  secretKindsForDraft,
  uniqueProfileId,
  validateDraft,
} from './profile-draft';
import type { ProfileDraft } from './profile-draft';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

const valid: ProfileDraft = {
  ...EMPTY_DRAFT,
  name: '  Fabrikam (EU) ',
  oktaOrgUrl: ' https://fabrikam.okta.com ',
  entraTenant: 'fabrikam.com',
  entraClientId: CLIENT_ID,
};

const NEW = { id: null, others: [{ id: 'demo', name: 'Contoso demo' }] } as const;

describe('profileIdFromName', () => {
  it('makes a lower-case, dashed id of a name', () => {
    expect(profileIdFromName('Demo via form')).toBe('demo-via-form');
    expect(profileIdFromName('  Fabrikam (EU) ')).toBe('fabrikam-eu');
    expect(profileIdFromName('Société Générale')).toBe('societe-generale');
    expect(profileIdFromName('***')).toBe('');
  });

  it('keeps ids within 40 characters without a trailing dash', () => {
    const id = profileIdFromName('A very long tenant name that goes on and on and on');
    expect(id.length).toBeLessThanOrEqual(40);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
  });
});

describe('uniqueProfileId', () => {
  it('never returns the id of another profile, nor the reserved demo id', () => {
    expect(uniqueProfileId('Demo', [])).toBe('demo-2');
    expect(uniqueProfileId('Fabrikam', [{ id: 'fabrikam', name: 'x' }])).toBe('fabrikam-2');
    expect(
      uniqueProfileId('Fabrikam', [
        { id: 'fabrikam', name: 'x' },
        { id: 'fabrikam-2', name: 'y' },
      ]),
    ).toBe('fabrikam-3');
    expect(uniqueProfileId('x'.repeat(60), [{ id: 'x'.repeat(40), name: 'x' }])).toBe(`${'x'.repeat(38)}-2`);
  });
});

describe('validateDraft', () => {
  it('accepts a complete draft and returns the profile as main will store it', () => {
    const result = validateDraft(valid, NEW);
    expect(result).toEqual({
      ok: true,
      profile: {
        id: 'fabrikam-eu',
        name: 'Fabrikam (EU)',
        okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' },
        entra: { tenant: 'fabrikam.com', clientId: CLIENT_ID, authMode: 'client-secret' },
      },
    });
    if (result.ok) expect(profileSchema.parse(result.profile)).toEqual(result.profile);
  });

  it('keeps the id of a saved profile when it is renamed', () => {
    const result = validateDraft({ ...valid, name: 'Renamed' }, { id: 'fabrikam', others: [] });
    expect(result.ok && result.profile.id).toBe('fabrikam');
  });

  it('shows the schema’s errors next to the fields they belong to', () => {
    const result = validateDraft(
      { ...EMPTY_DRAFT, oktaOrgUrl: 'http://fabrikam.okta.com', entraTenant: 'fabrikam', entraClientId: 'nope' },
      NEW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'A name is required',
      oktaOrgUrl: 'The Okta org URL, e.g. https://contoso.okta.com',
      entraTenant: 'A tenant id (GUID) or a domain such as contoso.com',
      entraClientId: 'The app registration’s application (client) id, a GUID',
    });
  });

  it('refuses an admin or API URL instead of the org URL', () => {
    const result = validateDraft({ ...valid, oktaOrgUrl: 'https://fabrikam.okta.com/admin/dashboard' }, NEW);
    expect(!result.ok && result.errors.oktaOrgUrl).toBe('The org URL only, without /admin or /api');
  });

  it('needs the fields of the chosen modes, and only those', () => {
    const result = validateDraft({ ...valid, oktaAuthMode: 'private-key', entraAuthMode: 'certificate' }, NEW);
    expect(!result.ok && result.errors).toEqual({
      oktaClientId: 'The service app client id is required for private-key authentication',
      entraCertificatePem: 'Paste the certificate (PEM) uploaded to the app registration',
    });
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const complete = validateDraft(
      {
        ...valid,
        oktaAuthMode: 'private-key',
        oktaClientId: '0oa1',
        entraAuthMode: 'certificate',
        entraCertificatePem: pem,
      },
      NEW,
    );
    expect(complete.ok && complete.profile.okta).toEqual({
      orgUrl: 'https://fabrikam.okta.com',
      authMode: 'private-key',
      clientId: '0oa1',
    });
    expect(complete.ok && complete.profile.entra.certificatePem).toBe(pem);
    // Back in API-token mode, the typed client id is not sent (the schema would accept it, but it means nothing).
    const back = validateDraft({ ...valid, oktaClientId: '0oa1' }, NEW);
    expect(back.ok && back.profile.okta).toEqual({ orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' });
  });

  it('refuses a name that makes no id, and a name another profile has', () => {
    const symbols = validateDraft({ ...valid, name: '***' }, NEW);
    expect(!symbols.ok && symbols.errors.name).toBe('Use at least one letter or digit in the name.');
    const taken = validateDraft({ ...valid, name: 'contoso DEMO' }, NEW);
    expect(!taken.ok && taken.errors.name).toBe('Another profile already has this name.');
  });

  it('round-trips a saved profile through its draft', () => {
    const profile: Profile = {
      id: 'fabrikam',
      name: 'Fabrikam',
      okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'private-key', clientId: '0oa1', keyId: 'kid-1' },
      entra: {
        tenant: 'fabrikam.com',
        clientId: CLIENT_ID,
        authMode: 'certificate',
        certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      },
      office365AppId: '0oa2',
    };
    expect(validateDraft(draftFromProfile(profile), { id: 'fabrikam', others: [] })).toEqual({ ok: true, profile });
  });
});

describe('secretKindsForDraft', () => {
  it('asks for the same secrets main stores for the profile', () => {
    for (const oktaAuthMode of ['api-token', 'private-key'] as const) {
      for (const entraAuthMode of ['client-secret', 'certificate'] as const) {
        const profile: Profile = {
          id: 'x',
          name: 'x',
          okta: { orgUrl: 'https://x.okta.com', authMode: oktaAuthMode, clientId: 'c' },
          entra: { tenant: 'x.com', clientId: CLIENT_ID, authMode: entraAuthMode, certificatePem: 'BEGIN CERTIFICATE' },
        };
        expect(secretKindsForDraft({ oktaAuthMode, entraAuthMode })).toEqual(secretKindsFor(profile));
      }
    }
  });
});

describe('normalizeSecret', () => {
  it('trims a pasted token', () => {
    expect(normalizeSecret('  00abcDEF-token\n')).toBe('00abcDEF-token');
    expect(normalizeSecret('   ')).toBe('');
  });

  it('gives a PEM key its line breaks back after a password input stripped them', () => {
    const body = 'A'.repeat(100);
    expect(normalizeSecret(`-----BEGIN PRIVATE KEY-----${body}-----END PRIVATE KEY-----`)).toBe(
      `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(36)}\n-----END PRIVATE KEY-----\n`,
    );
  });

  it('leaves a JWK and an encrypted PEM as they are', () => {
    expect(normalizeSecret('{"kty":"RSA","n":"abc"}')).toBe('{"kty":"RSA","n":"abc"}');
    const encrypted = '-----BEGIN RSA PRIVATE KEY-----Proc-Type: 4,ENCRYPTEDabc-----END RSA PRIVATE KEY-----';
    expect(normalizeSecret(encrypted)).toBe(encrypted);
  });
});
