import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Profile, ProfileSummary, SecretKind } from '../../../shared/ipc/profiles';
import type { Result } from '../../../shared/result';
import type { ProfileFormProps, SaveOutcome } from './profile-form';
import { ProfileForm } from './profile-form';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '99999999-8888-7777-6666-555555555555';
const TOKEN = '00-okta-token-that-must-never-show';
const CLIENT_SECRET = 'entra~secret~that~must~never~show';

const saved: ProfileSummary = {
  profile: {
    id: 'fabrikam',
    name: 'Fabrikam',
    okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' },
    entra: { tenant: 'fabrikam.com', clientId: CLIENT_ID, authMode: 'client-secret' },
  },
  builtIn: false,
  secrets: [
    { kind: 'okta-api-token', configured: true, verifiedAt: '2026-03-04T10:20:00.000Z' },
    { kind: 'entra-client-secret', configured: false, verifiedAt: null },
  ],
};

interface Calls {
  saves: { profile: Profile; secrets: Map<SecretKind, string> }[];
  deletes: string[];
  discoveries: string[];
}

function renderForm(overrides: Partial<ProfileFormProps> = {}) {
  const calls: Calls = { saves: [], deletes: [], discoveries: [] };
  const props: ProfileFormProps = {
    summary: null,
    others: [{ id: 'demo', name: 'Contoso' }],
    onSave: (profile, secrets): Promise<SaveOutcome> => {
      calls.saves.push({ profile, secrets: new Map(secrets) });
      return Promise.resolve({
        kind: 'saved',
        summary: {
          profile,
          builtIn: false,
          secrets: [...secrets.keys()].map((kind) => ({ kind, configured: true, verifiedAt: null })),
        },
        stored: [...secrets.keys()],
        failures: [],
      });
    },
    onDelete: (id) => {
      calls.deletes.push(id);
      return Promise.resolve({ ok: true, value: { deleted: true } });
    },
    onDiscoverTenant: (domain): Promise<Result<{ readonly tenantId: string }>> => {
      calls.discoveries.push(domain);
      return Promise.resolve({ ok: true, value: { tenantId: TENANT_ID } });
    },
    ...overrides,
  };
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ProfileForm {...props} />
    </FluentProvider>,
  );
  return { calls, view };
}

/** A field by its accessible name (a required field's asterisk is not part of it). */
function field(label: string): HTMLInputElement {
  return (
    screen.queryByRole('textbox', { name: label }) ??
    screen.getByLabelText(label, { exact: true, selector: 'input, textarea' })
  );
}

function type(label: string, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

function fillValid(): void {
  type('Profile name', 'Demo via form');
  type('Okta org URL', 'https://fabrikam.okta.com');
  type('Okta API token', TOKEN);
  type('Entra tenant', TENANT_ID);
  type('Application (client) ID', CLIENT_ID);
  type('Entra client secret', CLIENT_SECRET);
}

afterEach(cleanup);

// happy-dom's Web Animations reject with unhandled AbortErrors when Fluent's dialog motion is
// cancelled; where `animate` is missing, Fluent's motion skips straight to the end state.
const animate = Object.getOwnPropertyDescriptor(Element.prototype, 'animate');
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });
});
afterAll(() => {
  if (animate !== undefined) Object.defineProperty(Element.prototype, 'animate', animate);
});

describe('ProfileForm', () => {
  it('labels every field, and makes the secrets password inputs', () => {
    renderForm();
    expect(screen.getByRole('heading', { name: 'New tenant' })).toBeTruthy();
    for (const label of [
      'Profile name',
      'Okta org URL',
      'Entra tenant',
      'Application (client) ID',
      'Office 365 app instance ID',
    ]) {
      expect(field(label).getAttribute('type')).not.toBe('password');
    }
    expect(field('Okta API token').getAttribute('type')).toBe('password');
    expect(field('Entra client secret').getAttribute('type')).toBe('password');
    expect(screen.getByRole('radiogroup', { name: 'Okta authentication' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Entra authentication' })).toBeTruthy();
    // Nothing is stored for a new profile.
    expect(screen.getByTestId('secret-status-okta-api-token').textContent).toBe('Not set');
    expect(screen.getByTestId('secret-status-entra-client-secret').textContent).toBe('Not set');
    // A new profile cannot be deleted.
    expect(screen.queryByRole('button', { name: 'Delete…' })).toBeNull();
  });

  it('shows the schema’s errors next to the fields, saves nothing, and focuses the first', async () => {
    const { calls } = renderForm();
    type('Okta org URL', 'http://fabrikam.okta.com');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The Okta org URL, e.g. https://contoso.okta.com')).toBeTruthy();
    expect(screen.getByText('A name is required')).toBeTruthy();
    expect(screen.getByText('A tenant id (GUID) or a domain such as contoso.com')).toBeTruthy();
    expect(field('Okta org URL').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not saved')).toBeTruthy();
    expect(calls.saves).toEqual([]);
    await waitFor(() => {
      expect(document.activeElement).toBe(field('Profile name'));
    });
  });

  it('shows a field’s error once it is left, before any submit', () => {
    renderForm();
    type('Application (client) ID', 'not-a-guid');
    expect(screen.queryByText('The app registration’s application (client) id, a GUID')).toBeNull();
    fireEvent.blur(field('Application (client) ID'));
    expect(screen.getByText('The app registration’s application (client) id, a GUID')).toBeTruthy();
    // The other fields, untouched, stay quiet.
    expect(screen.queryByText('A name is required')).toBeNull();
  });

  it('saves the profile with an id from its name and the typed secrets, then clears them', async () => {
    const { calls } = renderForm();
    fillValid();
    expect(screen.getByText('Profile ID: demo-via-form')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();

    expect(calls.saves).toHaveLength(1);
    const [save] = calls.saves;
    expect(save?.profile).toEqual({
      id: 'demo-via-form',
      name: 'Demo via form',
      okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' },
      entra: { tenant: TENANT_ID, clientId: CLIENT_ID, authMode: 'client-secret' },
    });
    expect(save?.secrets).toEqual(
      new Map([
        ['okta-api-token', TOKEN],
        ['entra-client-secret', CLIENT_SECRET],
      ]),
    );
    expect(field('Okta API token').value).toBe('');
    expect(field('Entra client secret').value).toBe('');
    expect(screen.getByText(/Okta API token and Entra client secret stored in the OS keychain/)).toBeTruthy();
    // At no point did a value reach the DOM's markup (a controlled input would have put it in `value=`).
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect(document.body.innerHTML).not.toContain(CLIENT_SECRET);
  });

  it('keeps the markup free of a typed secret before it is saved', () => {
    renderForm();
    type('Okta API token', TOKEN);
    expect(field('Okta API token').value).toBe(TOKEN);
    expect(field('Okta API token').hasAttribute('value')).toBe(false);
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect(screen.getByText('Okta API token: stored when you save.')).toBeTruthy();
  });

  it('sends no blank secret, and only the secrets of the chosen modes', async () => {
    const { calls } = renderForm({ summary: saved, others: [] });
    type('Entra client secret', CLIENT_SECRET);
    // Typed, then the mode changed: this value belongs to a mode the profile no longer uses.
    fireEvent.click(screen.getByLabelText('Private key (OAuth service app)'));
    type('Service app client ID', '0oa-service-app');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(calls.saves[0]?.profile.okta).toEqual({
      orgUrl: 'https://fabrikam.okta.com',
      authMode: 'private-key',
      clientId: '0oa-service-app',
    });
    expect(calls.saves[0]?.secrets).toEqual(new Map([['entra-client-secret', CLIENT_SECRET]]));
  });

  it('shows a saved profile’s secret statuses, never a value', () => {
    renderForm({ summary: saved, others: [] });
    expect(screen.getByRole('heading', { name: 'Edit Fabrikam' })).toBeTruthy();
    expect(screen.getByTestId('secret-status-okta-api-token').textContent).toBe('Set');
    expect(screen.getByTestId('secret-verified-okta-api-token').textContent).toMatch(/^Last verified .*2026/);
    expect(screen.getByTestId('secret-status-entra-client-secret').textContent).toBe('Not set');
    expect(field('Okta API token').value).toBe('');
    expect(screen.getByText('Profile ID: fabrikam')).toBeTruthy();
  });

  it('shows the mode-specific fields of private-key and certificate authentication', () => {
    renderForm();
    expect(screen.queryByLabelText('Service app client ID')).toBeNull();
    fireEvent.click(screen.getByLabelText('Private key (OAuth service app)'));
    fireEvent.click(screen.getByLabelText('Certificate'));
    expect(field('Service app client ID')).toBeTruthy();
    expect(field('Key ID (kid)')).toBeTruthy();
    expect(field('Okta private key').getAttribute('type')).toBe('password');
    expect(field('Certificate (PEM)').tagName).toBe('TEXTAREA');
    expect(field('Certificate private key').getAttribute('type')).toBe('password');
    expect(screen.queryByLabelText('Okta API token')).toBeNull();
    expect(screen.queryByLabelText('Entra client secret')).toBeNull();
  });

  it('finds the tenant ID of a domain and puts it in the field', async () => {
    const { calls } = renderForm();
    const find = screen.getByRole('button', { name: 'Find tenant ID' });
    expect(find.hasAttribute('disabled')).toBe(true);
    type('Entra tenant', 'fabrikam.com');
    fireEvent.click(find);
    await waitFor(() => {
      expect(field('Entra tenant').value).toBe(TENANT_ID);
    });
    expect(calls.discoveries).toEqual(['fabrikam.com']);
    expect(screen.getByText(`fabrikam.com belongs to tenant ${TENANT_ID}.`)).toBeTruthy();
    // A GUID needs no look-up.
    expect(find.hasAttribute('disabled')).toBe(true);
  });

  it('shows why a tenant could not be found', async () => {
    renderForm({
      onDiscoverTenant: () =>
        Promise.resolve({ ok: false, error: { code: 'internal', message: 'No Microsoft tenant has nowhere.test.' } }),
    });
    type('Entra tenant', 'nowhere.test');
    fireEvent.click(screen.getByRole('button', { name: 'Find tenant ID' }));
    expect(await screen.findByText('No Microsoft tenant has nowhere.test.')).toBeTruthy();
    expect(field('Entra tenant').value).toBe('nowhere.test');
  });

  it('shows main’s refusal and keeps the typed secrets for another try', async () => {
    renderForm({
      onSave: () => Promise.resolve({ kind: 'failed', error: { code: 'unavailable', message: 'OS keychain locked.' } }),
    });
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('OS keychain locked.')).toBeTruthy();
    expect(field('Okta API token').value).toBe(TOKEN);
  });

  it('says which secret could not be stored, and keeps only that one typed', async () => {
    renderForm({
      onSave: (profile) =>
        Promise.resolve({
          kind: 'saved',
          summary: { profile, builtIn: false, secrets: [] },
          stored: ['okta-api-token'],
          failures: [{ kind: 'entra-client-secret', error: { code: 'unavailable', message: 'Keychain refused.' } }],
        }),
    });
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved, but not every secret')).toBeTruthy();
    expect(screen.getByText('Entra client secret: Keychain refused.')).toBeTruthy();
    expect(field('Okta API token').value).toBe('');
    expect(field('Entra client secret').value).toBe(CLIENT_SECRET);
  });

  it('deletes only after confirmation', async () => {
    const { calls } = renderForm({ summary: saved, others: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete Fabrikam?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(calls.deletes).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => {
      expect(calls.deletes).toEqual(['fabrikam']);
    });
  });
});
