import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { PreflightReport } from '../../../shared/ipc/profiles';
import type { PreflightState } from './preflight-panel';
import { PreflightPanel } from './preflight-panel';

const AT = '2026-03-04T10:20:00.000Z';

function renderPanel(state: PreflightState, disabledReason: string | null = null) {
  let runs = 0;
  render(
    <FluentProvider theme={webLightTheme}>
      <PreflightPanel state={state} disabledReason={disabledReason} onRun={() => (runs += 1)} />
    </FluentProvider>,
  );
  return { runs: () => runs };
}

const passing: PreflightReport = {
  profileId: 'fabrikam',
  at: AT,
  ok: true,
  checks: [
    { id: 'okta.reach', title: 'Okta org reachable', status: 'pass', detail: 'fabrikam.okta.com answered.' },
    { id: 'entra.token', title: 'Microsoft Entra: get a token', status: 'pass', detail: 'Token issued.' },
  ],
};

afterEach(cleanup);

describe('PreflightPanel', () => {
  it('runs the test on click, and not when it cannot', () => {
    const panel = renderPanel({ kind: 'idle' });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(panel.runs()).toBe(1);
    cleanup();
    const unsaved = renderPanel({ kind: 'idle' }, 'Save the profile first.');
    expect(screen.getByText('Save the profile first.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' }).hasAttribute('disabled')).toBe(true);
    expect(unsaved.runs()).toBe(0);
  });

  it('shows progress and blocks a second run while testing', () => {
    renderPanel({ kind: 'running' });
    expect(screen.getByText('Testing the connection…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' }).hasAttribute('disabled')).toBe(true);
  });

  it('says all checks passed and lists each with its status', () => {
    renderPanel({ kind: 'done', report: passing });
    expect(screen.getByText('All checks passed')).toBeTruthy();
    const items = screen.getAllByTestId('preflight-check');
    expect(items.map((i) => i.dataset.status)).toEqual(['pass', 'pass']);
    expect(within(items[0]!).getByRole('img', { name: 'Passed' })).toBeTruthy();
    expect(within(items[0]!).getByText('Okta org reachable')).toBeTruthy();
    expect(within(items[0]!).getByText('fabrikam.okta.com answered.')).toBeTruthy();
  });

  it('counts the failures and shows each failure’s fix', () => {
    renderPanel({
      kind: 'done',
      report: {
        ...passing,
        ok: false,
        checks: [
          ...passing.checks,
          {
            id: 'graph.AuditLog.Read.All',
            title: 'Graph permission AuditLog.Read.All',
            status: 'fail',
            detail: 'Not granted.',
            fix: 'Grant admin consent for AuditLog.Read.All on the app registration.',
          },
          {
            id: 'graph.domain',
            title: 'Domain fabrikam.com',
            status: 'warn',
            detail: 'Not verified.',
            fix: 'Verify the domain.',
          },
        ],
      },
    });
    expect(screen.getByText('1 of 4 checks failed')).toBeTruthy();
    const failed = screen.getAllByTestId('preflight-check').find((i) => i.dataset.status === 'fail')!;
    expect(within(failed).getByRole('img', { name: 'Failed' })).toBeTruthy();
    expect(within(failed).getByText('Grant admin consent for AuditLog.Read.All on the app registration.')).toBeTruthy();
    const warned = screen.getAllByTestId('preflight-check').find((i) => i.dataset.status === 'warn')!;
    expect(within(warned).getByRole('img', { name: 'Warning' })).toBeTruthy();
    expect(within(warned).getByText('Verify the domain.')).toBeTruthy();
    expect(screen.queryByText('All checks passed')).toBeNull();
  });

  it('passes with warnings, and says so', () => {
    renderPanel({
      kind: 'done',
      report: {
        ...passing,
        checks: [...passing.checks, { id: 'w', title: 'Domain', status: 'warn', detail: 'Unverified.' }],
      },
    });
    expect(screen.getByText('All checks passed')).toBeTruthy();
    expect(screen.getByText(/1 warning to look at/)).toBeTruthy();
  });

  it('shows why the test could not run', () => {
    renderPanel({ kind: 'failed', error: { code: 'unavailable', message: 'OS keychain locked.' } });
    expect(screen.getByText('Could not run the test')).toBeTruthy();
    expect(screen.getByText('OS keychain locked.', { exact: false })).toBeTruthy();
  });
});
