import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { diagnose } from '../../../core/diagnosis/diagnose';
import { addEvents, healthyBundle, legacyDeny } from '../../../core/test-support/fixtures';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { DiagnosisProgress } from '../../../shared/ipc/diagnosis';
import type { ProfileSummary } from '../../../shared/ipc/profiles';
import type { Result } from '../../../shared/result';
import type { DiagnosisRun } from './wizard-machine';
import type { WizardApi } from './wizard-page';
import { WizardPage } from './wizard-page';

/*
 * The wizard's container: the effects it derives from the state machine (runs started with
 * ids never reused, cancel sent once, progress of other runs ignored) and what screen-share
 * mode lets reach the DOM. Main is a scripted stand-in here; e2e drives the real one.
 */

const OTHER = 'mallory.other@contoso.com';
// Two deny events from an address, and a note naming someone else: what screen sharing must hide.
const diagnosis = diagnose(
  healthyBundle((b) => addEvents(b, ...legacyDeny(40, undefined, '198.51.100.23')), 'outlook-desktop'),
);
function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`fixture: expected ${what}`);
  return value;
}
const primary = required(diagnosis.primary, 'a verdict');
const withOther = {
  ...diagnosis,
  primary: { ...primary, explanation: `${primary.explanation} Reported by ${OTHER} from 203.0.113.77.` },
};
const RUN: DiagnosisRun = {
  incidentId: 'inc-20261125T150000Z-0a1b2c3d',
  diagnosis: withOther,
  records: primary.evidence.map((e) => ({
    id: e.id,
    source: e.source,
    json: `{"id": "${e.id}", "client": {"ipAddress": "198.51.100.23"}}`,
  })),
  links: {
    okta: {
      url: null,
      reason: 'The demo tenant has no admin console.',
      query: 'actor.id eq "00u1"',
      since: diagnosis.subject.since,
      until: diagnosis.subject.until,
    },
    entra: {
      url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/SignInLogsList.ReactView',
      filter: "userPrincipalName eq 'jdoe@contoso.com'",
      instruction: 'Filter by user.',
    },
    graphExplorer: { url: 'https://developer.microsoft.com/en-us/graph/graph-explorer', request: 'auditLogs/signIns' },
  },
};

const DEMO: ProfileSummary = {
  profile: {
    id: 'demo',
    name: 'Demo tenant (Contoso)',
    okta: { orgUrl: 'https://127.0.0.1:8443', auth: { mode: 'api-token' } },
    entra: {
      tenant: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      auth: { mode: 'client-secret' },
    },
  },
  builtIn: true,
  secrets: [],
} as unknown as ProfileSummary;

/** A scripted main: records calls; each run waits until the test answers it. */
function scriptedApi() {
  const runs: ChannelInput<'diagnosis:run'>[] = [];
  const cancels: number[] = [];
  const updates: { id: string; work: unknown }[] = [];
  const exports: { id: string; format: string; redaction: string; updatesBefore: number }[] = [];
  const answers = new Map<number, (r: Result<DiagnosisRun & { runId: number }>) => void>();
  let progress: ((p: DiagnosisProgress) => void) | null = null;
  const api: WizardApi = {
    listProfiles: () => Promise.resolve({ ok: true, value: { profiles: [DEMO] } }),
    runDiagnosis: (request) => {
      runs.push(request);
      return new Promise((resolve) => answers.set(request.runId, resolve));
    },
    cancelDiagnosis: (runId) => {
      cancels.push(runId);
      return Promise.resolve({ ok: true, value: { cancelled: true } });
    },
    onDiagnosisProgress: (listener) => {
      progress = listener;
      return () => {
        progress = null;
      };
    },
    openLink: () => Promise.resolve({ ok: true, value: { opened: true } }),
    listIncidents: () =>
      Promise.resolve({
        ok: true,
        value: {
          unreadable: 0,
          incidents: [
            {
              id: RUN.incidentId ?? '',
              createdAt: '2026-11-25T15:00:00.000Z',
              updatedAt: '2026-11-25T15:05:00.000Z',
              status: 'draft',
              profileId: 'demo',
              upn: 'jdoe@contoso.com',
              symptom: 'outlook-desktop',
              code: primary.code,
              summary: primary.summary,
            },
          ],
        },
      }),
    openIncident: (id) =>
      Promise.resolve({
        ok: true,
        value: {
          incident: {
            id,
            createdAt: '2026-11-25T15:00:00.000Z',
            updatedAt: '2026-11-25T15:05:00.000Z',
            status: 'draft',
            profileId: 'demo',
            subject: diagnosis.subject,
            diagnosis: withOther,
            records: RUN.records,
            links: RUN.links,
            work: { step: 'notes', done: [1], notes: 'Left a voicemail.', status: 'draft' },
          },
        },
      }),
    updateIncident: (id, work) => {
      updates.push({ id, work });
      return Promise.resolve({ ok: true, value: { updatedAt: '2026-11-25T15:06:00.000Z' } });
    },
    deleteIncident: () => Promise.resolve({ ok: true, value: { deleted: true } }),
    duplicateIncident: () => Promise.resolve({ ok: true, value: { id: 'inc-20261125T151000Z-0a1b2c3e' } }),
    rediagnoseIncident: (id) => api.openIncident(id),
    exportIncident: (id, format, redaction) => {
      exports.push({ id, format, redaction, updatesBefore: updates.length });
      return Promise.resolve({
        ok: true,
        value: {
          path: `/home/tech/Documents/report.${format}`,
          bytes: 20_480,
          redacted: { otherUsers: 2, ipAddresses: 1, deviceIds: 0, tenantIds: 0, tokens: 0 },
        },
      });
    },
  };
  return {
    api,
    runs,
    cancels,
    updates,
    exports,
    answer: (runId: number, result: Result<DiagnosisRun & { runId: number }>) => {
      act(() => {
        answers.get(runId)?.(result);
      });
    },
    push: (p: DiagnosisProgress) => {
      act(() => {
        progress?.(p);
      });
    },
  };
}

function renderWizard(api: WizardApi, screenShare = false) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WizardPage
        api={api}
        active
        screenShare={screenShare}
        onManageTenants={() => undefined}
        now={() => new Date('2026-11-25T15:00:00.000Z')}
      />
    </FluentProvider>,
  );
}

async function toCollecting(): Promise<void> {
  await waitFor(() => {
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Demo tenant/ }).checked).toBe(true);
  });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  fireEvent.change(screen.getByRole('textbox', { name: /User principal name/ }), {
    target: { value: 'jdoe@contoso.com' },
  });
  fireEvent.click(screen.getByRole('radio', { name: 'Outlook on a computer' }));
  fireEvent.click(screen.getByRole('button', { name: 'Diagnose' }));
  await screen.findByRole('heading', { name: 'Collecting evidence' });
}

afterEach(cleanup);

describe('WizardPage', () => {
  it('runs a diagnosis for what was typed, shows live progress, and reaches the verdict', async () => {
    const main = scriptedApi();
    renderWizard(main.api);
    await toCollecting();
    expect(main.runs).toEqual([
      {
        runId: 1,
        profileId: 'demo',
        upn: 'jdoe@contoso.com',
        symptom: 'outlook-desktop',
        since: '2026-11-24T15:00:00.000Z',
        until: '2026-11-25T15:00:00.000Z',
      },
    ]);
    main.push({ runId: 1, step: 'okta.logEvents', phase: 'page', page: 2, count: 400 });
    main.push({ runId: 99, step: 'graph.user', phase: 'failed', message: 'from another run' });
    expect(screen.getByText('Page 2 · 400 records')).toBeTruthy();
    expect(screen.queryByText(/from another run/)).toBeNull();
    main.answer(1, { ok: true, value: { runId: 1, ...RUN } });
    expect(await screen.findByTestId('verdict-code')).toHaveProperty('textContent', primary.code);
    expect(screen.getByText(primary.summary)).toBeTruthy();
  });

  it('cancels the run once and returns to the form with the input kept', async () => {
    const main = scriptedApi();
    renderWizard(main.api);
    await toCollecting();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancelling…' }));
    expect(main.cancels).toEqual([1]);
    main.answer(1, { ok: false, error: { code: 'cancelled', message: 'The diagnosis was cancelled.' } });
    const upn = await screen.findByRole<HTMLInputElement>('textbox', { name: /User principal name/ });
    expect(upn.value).toBe('jdoe@contoso.com');
  });

  it('never reuses a run id, so a late answer of an earlier run cannot land on a new one', async () => {
    const main = scriptedApi();
    renderWizard(main.api);
    await toCollecting();
    main.answer(1, { ok: false, error: { code: 'unavailable', message: 'Nothing could be collected.' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Collecting evidence' });
    expect(main.runs.map((r) => r.runId)).toEqual([1, 2]);
    main.answer(1, { ok: true, value: { runId: 1, ...RUN } });
    expect(screen.queryByTestId('verdict-code')).toBeNull();
    main.answer(2, { ok: true, value: { runId: 2, ...RUN } });
    expect(await screen.findByTestId('verdict-code')).toBeTruthy();
  });

  it('in screen-share mode draws no other person, no IP address and no raw record', async () => {
    const main = scriptedApi();
    const { container } = renderWizard(main.api, true);
    await toCollecting();
    main.answer(1, { ok: true, value: { runId: 1, ...RUN } });
    await screen.findByTestId('verdict-code');
    for (const header of container.querySelectorAll('[data-evidence-id] button')) fireEvent.click(header);
    const html = container.innerHTML;
    expect(html).not.toContain(OTHER);
    expect(html).not.toMatch(/198\.51\.100\.23|203\.0\.113\.77/);
    expect(container.querySelector('[data-raw-record]')).toBeNull();
    expect(html).toContain('jdoe@contoso.com');
    expect(html).toContain('[other user 1]');
  });

  it('shows the raw record of an opened evidence item when not sharing', async () => {
    const main = scriptedApi();
    const { container } = renderWizard(main.api, false);
    await toCollecting();
    main.answer(1, { ok: true, value: { runId: 1, ...RUN } });
    await screen.findByTestId('verdict-code');
    const first = container.querySelector('[data-evidence-id] button');
    if (first === null) throw new Error('no evidence item');
    fireEvent.click(first);
    await waitFor(() => {
      expect(container.querySelector('[data-raw-record]')?.textContent).toContain('198.51.100.23');
    });
  });

  it('saves the technician’s work to the incident once it settles, and closes it at the end', async () => {
    const main = scriptedApi();
    renderWizard(main.api);
    await toCollecting();
    main.answer(1, { ok: true, value: { runId: 1, ...RUN } });
    await screen.findByTestId('verdict-code');
    fireEvent.click(screen.getByRole('button', { name: 'Continue to the fix' }));
    fireEvent.click(required(screen.getAllByRole('checkbox')[0] ?? null, 'a checklist'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue to notes' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Your notes/ }), {
      target: { value: 'Re-added the account.' },
    });
    await waitFor(() => {
      expect(main.updates.at(-1)).toEqual({
        id: RUN.incidentId,
        work: { step: 'notes', done: [0], notes: 'Re-added the account.', status: 'draft' },
      });
    });
    // Quick edits are written once they settle, not once per change.
    expect(main.updates.length).toBeLessThan(4);
    expect(await screen.findByText(/Saved to the incident history at/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close the incident' }));
    await screen.findByRole('heading', { name: 'Which tenant?' });
    expect(main.updates.at(-1)).toMatchObject({ work: { status: 'closed', notes: 'Re-added the account.' } });
  });

  it('reopens a recent incident where it was left, with its notes and ticked steps', async () => {
    const main = scriptedApi();
    renderWizard(main.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Open the incident of jdoe@contoso.com' }));
    const notes = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: /Your notes/ });
    expect(notes.value).toBe('Left a voicemail.');
    // Reopening is not an edit: nothing is written until the technician changes something.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(main.updates).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getAllByRole<HTMLInputElement>('checkbox').map((c) => c.checked)).toEqual(
      primary.remediation.map((_, i) => i === 1),
    );
    // Where the technician is counts as work: the step change is saved.
    await waitFor(() => {
      expect(main.updates).toEqual([
        { id: RUN.incidentId, work: { step: 'fix', done: [1], notes: 'Left a voicemail.', status: 'draft' } },
      ]);
    });
  });

  it('never lists other callers while screen sharing', async () => {
    const main = scriptedApi();
    renderWizard(main.api, true);
    expect(await screen.findByText(/Hidden while screen sharing/)).toBeTruthy();
    expect(screen.queryByText('jdoe@contoso.com')).toBeNull();
  });

  it('masks addresses and other people in a failed run’s message while screen sharing', async () => {
    const main = scriptedApi();
    const { container } = renderWizard(main.api, true);
    await toCollecting();
    main.push({
      runId: 1,
      step: 'okta.user',
      phase: 'failed',
      message: `connect ECONNREFUSED 10.20.30.40:443 for ${OTHER}`,
    });
    expect(container.innerHTML).not.toMatch(/10\.20\.30\.40|mallory/);
    main.answer(1, {
      ok: false,
      error: {
        code: 'unavailable',
        message: `Nothing could be collected:\nconnect ECONNREFUSED 10.20.30.40:443 (okta.user)`,
      },
    });
    await screen.findByRole('heading', { name: 'The diagnosis could not run' });
    expect(container.innerHTML).not.toContain('10.20.30.40');
    expect(container.innerHTML).toContain('ECONNREFUSED');
  });

  it('exports the report after saving the latest notes, and says where it went and what was masked', async () => {
    const main = scriptedApi();
    renderWizard(main.api);
    await toCollecting();
    main.answer(1, { ok: true, value: { runId: 1, ...RUN } });
    await screen.findByTestId('verdict-code');
    fireEvent.click(screen.getByRole('button', { name: 'Continue to the fix' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue to notes' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Your notes/ }), { target: { value: 'Typed just now.' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Markdown' }));
    fireEvent.click(screen.getByRole('radio', { name: /External/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText(/Saved to \/home\/tech\/Documents\/report\.md \(20 KB\)/)).toBeTruthy();
    expect(screen.getByText(/Masked: 2 other users, 1 IP address\./)).toBeTruthy();
    // The notes typed a moment ago were written before the export read the incident.
    expect(main.exports).toEqual([{ id: RUN.incidentId, format: 'md', redaction: 'external', updatesBefore: 1 }]);
    expect(main.updates[0]).toMatchObject({ work: { notes: 'Typed just now.' } });
  });
});
