import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { secretKindsFor } from '../../../shared/ipc/profiles';
import type { PreflightReport, Profile, ProfileSummary, SecretKind } from '../../../shared/ipc/profiles';
import type { Result } from '../../../shared/result';
import type { SetupApi } from './setup-page';
import { SetupPage } from './setup-page';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '99999999-8888-7777-6666-555555555555';
const TOKEN = 'okta-token-never-shown';
const CLIENT_SECRET = 'entra-secret-never-shown';

const DEMO: Profile = {
  id: 'demo',
  name: 'Contoso',
  okta: { orgUrl: 'https://127.0.0.1:8443', authMode: 'api-token' },
  entra: { tenant: TENANT_ID, clientId: CLIENT_ID, authMode: 'client-secret' },
};

/** An in-memory main: what the real handlers do, minus the keychain and the network. */
class FakeMain implements SetupApi {
  readonly calls: string[] = [];
  readonly stored = new Map<string, Profile>();
  readonly secrets = new Map<string, string>();
  listResult: Result<never> | null = null;
  report: PreflightReport | null = null;

  #summary(profile: Profile, builtIn: boolean): ProfileSummary {
    return {
      profile,
      builtIn,
      secrets: secretKindsFor(profile).map((kind) => ({
        kind,
        configured: builtIn || this.secrets.has(`${profile.id}/${kind}`),
        verifiedAt: null,
      })),
    };
  }

  listProfiles = () => {
    this.calls.push('list');
    if (this.listResult !== null) return Promise.resolve(this.listResult);
    const profiles = [this.#summary(DEMO, true), ...[...this.stored.values()].map((p) => this.#summary(p, false))];
    return Promise.resolve({ ok: true as const, value: { profiles } });
  };

  saveProfile = (profile: Profile) => {
    this.calls.push(`save:${profile.id}`);
    this.stored.set(profile.id, profile);
    return Promise.resolve({ ok: true as const, value: this.#summary(profile, false) });
  };

  deleteProfile = (id: string) => {
    this.calls.push(`delete:${id}`);
    return Promise.resolve({ ok: true as const, value: { deleted: this.stored.delete(id) } });
  };

  setSecret = (profileId: string, kind: SecretKind, value: string) => {
    this.calls.push(`secret:${profileId}/${kind}`);
    this.secrets.set(`${profileId}/${kind}`, value);
    return Promise.resolve({ ok: true as const, value: { kind, configured: true as const } });
  };

  runPreflight = (id: string) => {
    this.calls.push(`preflight:${id}`);
    const report = this.report ?? {
      profileId: id,
      at: '2026-03-04T10:20:00.000Z',
      ok: true,
      checks: [{ id: 'okta', title: 'Okta org reachable', status: 'pass' as const, detail: 'Answered.' }],
    };
    return Promise.resolve({ ok: true as const, value: report });
  };

  discoverTenant = (domain: string) => {
    this.calls.push(`discover:${domain}`);
    return Promise.resolve({ ok: true as const, value: { tenantId: TENANT_ID } });
  };
}

function renderPage(main: FakeMain): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <SetupPage api={main} />
    </FluentProvider>,
  );
}

function textbox(name: string): HTMLInputElement {
  return screen.getByRole('textbox', { name });
}

function secret(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input' });
}

afterEach(cleanup);

// See profile-form.test.tsx: Fluent's dialog motion and happy-dom's animations do not mix.
const animate = Object.getOwnPropertyDescriptor(Element.prototype, 'animate');
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });
});
afterAll(() => {
  if (animate !== undefined) Object.defineProperty(Element.prototype, 'animate', animate);
});

describe('SetupPage', () => {
  it('opens on the read-only demo tenant, which can be tested but not edited', async () => {
    const main = new FakeMain();
    renderPage(main);
    expect(await screen.findByRole('heading', { name: 'Demo tenant (Contoso)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('All checks passed')).toBeTruthy();
    expect(main.calls).toContain('preflight:demo');
  });

  it('adds a tenant: saves the profile, then its secrets, then tests it', async () => {
    const main = new FakeMain();
    renderPage(main);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a tenant' }));
    expect(screen.getByRole('heading', { name: 'New tenant' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(textbox('Profile name'), { target: { value: 'Demo via form' } });
    fireEvent.change(textbox('Okta org URL'), { target: { value: 'https://fabrikam.okta.com' } });
    fireEvent.change(secret('Okta API token'), { target: { value: TOKEN } });
    fireEvent.change(textbox('Entra tenant'), { target: { value: TENANT_ID } });
    fireEvent.change(textbox('Application (client) ID'), { target: { value: CLIENT_ID } });
    fireEvent.change(secret('Entra client secret'), { target: { value: CLIENT_SECRET } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(main.calls.filter((c) => c !== 'list')).toEqual([
      'save:demo-via-form',
      'secret:demo-via-form/okta-api-token',
      'secret:demo-via-form/entra-client-secret',
    ]);
    expect(main.secrets.get('demo-via-form/okta-api-token')).toBe(TOKEN);
    // The form now edits the saved profile, in place: same fields, its statuses, and Delete.
    expect(screen.getByRole('heading', { name: 'Edit Demo via form' })).toBeTruthy();
    await waitFor(() => {
      expect(screen.getByTestId('secret-status-okta-api-token').textContent).toBe('Set');
    });
    expect(screen.getByTestId('secret-status-entra-client-secret').textContent).toBe('Set');
    const list = screen.getByRole('navigation', { name: 'Tenant profiles' });
    expect(
      within(list)
        .getByRole('button', { name: /Demo via form/ })
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(within(list).getByText('Secrets set')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect(document.body.innerHTML).not.toContain(CLIENT_SECRET);

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('All checks passed')).toBeTruthy();
    expect(main.calls).toContain('preflight:demo-via-form');
  });

  it('keeps a failed report’s fixes on screen', async () => {
    const main = new FakeMain();
    main.report = {
      profileId: 'demo',
      at: '2026-03-04T10:20:00.000Z',
      ok: false,
      checks: [
        {
          id: 'okta.token',
          title: 'Okta API token accepted',
          status: 'fail',
          detail: '401 Invalid token provided.',
          fix: 'Create a new API token in Okta and paste it here.',
        },
      ],
    };
    renderPage(main);
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('1 of 1 check failed')).toBeTruthy();
    expect(screen.getByText('Create a new API token in Okta and paste it here.')).toBeTruthy();
  });

  it('deletes a profile after confirmation and goes back to the first one', async () => {
    const main = new FakeMain();
    main.stored.set('fabrikam', {
      id: 'fabrikam',
      name: 'Fabrikam',
      okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' },
      entra: { tenant: 'fabrikam.com', clientId: CLIENT_ID, authMode: 'client-secret' },
    });
    renderPage(main);
    fireEvent.click(await screen.findByRole('button', { name: /Fabrikam/ }));
    expect(screen.getByRole('heading', { name: 'Edit Fabrikam' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('heading', { name: 'Demo tenant (Contoso)' })).toBeTruthy();
    expect(main.calls).toContain('delete:fabrikam');
    expect(screen.queryByRole('button', { name: /Fabrikam/ })).toBeNull();
  });

  it('shows why the list could not load, and tries again', async () => {
    const main = new FakeMain();
    main.listResult = { ok: false, error: { code: 'unavailable', message: 'OS keychain unavailable.' } };
    renderPage(main);
    expect(await screen.findByText('Could not load the tenants')).toBeTruthy();
    main.listResult = null;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Demo tenant (Contoso)' })).toBeTruthy();
    expect(screen.queryByText('Could not load the tenants')).toBeNull();
  });
});
