import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ProfileSummary } from '../../../shared/ipc/profiles';
import type { ProfilesListProps } from './profiles-list';
import { ProfilesList, secretsLine } from './profiles-list';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

const demo: ProfileSummary = {
  profile: {
    id: 'demo',
    name: 'Contoso (demo)',
    okta: { orgUrl: 'https://127.0.0.1:8443', authMode: 'api-token' },
    entra: { tenant: 'contoso.com', clientId: CLIENT_ID, authMode: 'client-secret' },
  },
  builtIn: true,
  secrets: [],
};

const fabrikam: ProfileSummary = {
  profile: {
    id: 'fabrikam',
    name: 'Fabrikam',
    okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' },
    entra: { tenant: 'fabrikam.com', clientId: CLIENT_ID, authMode: 'client-secret' },
  },
  builtIn: false,
  secrets: [
    { kind: 'okta-api-token', configured: true, verifiedAt: null },
    { kind: 'entra-client-secret', configured: false, verifiedAt: null },
  ],
};

function renderList(props: Partial<ProfilesListProps> = {}) {
  const events: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ProfilesList
        profiles={[demo, fabrikam]}
        selection={{ kind: 'profile', id: 'fabrikam' }}
        onSelect={(id) => events.push(`select:${id}`)}
        onAdd={() => events.push('add')}
        {...props}
      />
    </FluentProvider>,
  );
  return events;
}

afterEach(cleanup);

describe('ProfilesList', () => {
  it('lists the demo tenant as read-only, under its own name', () => {
    renderList();
    expect(screen.getByRole('navigation', { name: 'Tenant profiles' })).toBeTruthy();
    expect(screen.getByText('Demo tenant (Contoso)')).toBeTruthy();
    expect(screen.queryByText('Contoso (demo)')).toBeNull();
    expect(screen.getByText('Built in, read-only')).toBeTruthy();
  });

  it('marks the selected profile and says which secrets are missing', () => {
    renderList();
    const selected = screen.getByRole('button', { name: /Fabrikam/ });
    expect(selected.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('button', { name: /Demo tenant/ }).hasAttribute('aria-current')).toBe(false);
    expect(screen.getByText('1 secret not set')).toBeTruthy();
  });

  it('selects a profile and starts a new one', () => {
    const events = renderList();
    fireEvent.click(screen.getByRole('button', { name: /Demo tenant/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a tenant' }));
    expect(events).toEqual(['select:demo', 'add']);
  });

  it('summarises the secrets a profile needs', () => {
    expect(secretsLine(fabrikam)).toBe('1 secret not set');
    expect(secretsLine({ ...fabrikam, secrets: [] })).toBe('2 secrets not set');
    expect(
      secretsLine({
        ...fabrikam,
        secrets: fabrikam.secrets.map((s) => ({ ...s, configured: true })),
      }),
    ).toBe('Secrets set');
  });
});
