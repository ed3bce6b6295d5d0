import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { AppStatus } from '../../../shared/ipc/app-status';
import type { StatusView } from './start-page';
import { StartPage } from './start-page';

const status: AppStatus = {
  productName: 'Sign-in Triage',
  version: '3.1.4',
  runtime: { platform: 'linux', node: '20.20.2', electron: '45.4.1', chrome: '140' },
  keychain: { state: 'available', backend: 'Secret Service (libsecret)', detail: 'reachable' },
};

function renderPage(view: StatusView) {
  let rechecks = 0;
  render(
    <FluentProvider theme={webLightTheme}>
      <StartPage view={view} onRecheck={() => (rechecks += 1)} />
    </FluentProvider>,
  );
  return { rechecks: () => rechecks };
}

afterEach(cleanup);

describe('StartPage', () => {
  it('shows version, runtime and a ready keychain', () => {
    renderPage({ kind: 'loaded', status });
    expect(screen.getByRole('heading', { name: /why can.t this user sign in/i })).toBeTruthy();
    expect(screen.getByTestId('app-version').textContent).toBe('3.1.4');
    expect(screen.getByText('Electron 45.4.1')).toBeTruthy();
    expect(screen.getByTestId('keychain-state').textContent).toBe('Secret Service (libsecret): ready');
    expect(screen.queryByText('OS keychain unavailable')).toBeNull();
  });

  it('warns, with the fix, when the keychain is unavailable', () => {
    const detail = 'OS keychain unavailable (Secret Service (libsecret)): no bus. Start gnome-keyring.';
    renderPage({
      kind: 'loaded',
      status: { ...status, keychain: { state: 'unavailable', backend: 'Secret Service (libsecret)', detail } },
    });
    expect(screen.getByText('OS keychain unavailable')).toBeTruthy();
    expect(screen.getByText(detail, { exact: false })).toBeTruthy();
  });

  it('shows the error of a failed call', () => {
    renderPage({ kind: 'failed', error: { code: 'untrusted-sender', message: 'Refused: not the app window.' } });
    expect(screen.getByText('Could not reach the app')).toBeTruthy();
    expect(screen.getByText('Refused: not the app window.', { exact: false })).toBeTruthy();
  });

  it('disables "Check again" while loading and calls back when clicked', () => {
    renderPage({ kind: 'loading' });
    const loadingButton = screen.getByRole('button', { name: 'Check again' });
    expect(loadingButton.hasAttribute('disabled')).toBe(true);
    cleanup();
    const page = renderPage({ kind: 'loaded', status });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(page.rechecks()).toBe(1);
  });
});
