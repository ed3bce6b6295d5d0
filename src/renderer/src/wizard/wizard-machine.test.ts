import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../core/diagnosis/diagnose';
import { addEvents, healthyBundle, legacyDeny } from '../../../core/test-support/fixtures';
import type { DiagnosisRun, WizardEvent, WizardState } from './wizard-machine';
import { EMPTY_DRAFT, initialWizardState, windowFor, wizardReducer } from './wizard-machine';

const NOW = '2026-11-21T12:00:00.000Z';
const diagnosis = diagnose(healthyBundle((b) => addEvents(b, ...legacyDeny(40)), 'outlook-desktop'));
const diagnosisRun: DiagnosisRun = {
  incidentId: 'inc-20261121T120000Z-0a1b2c3d',
  diagnosis,
  records: [],
  links: {
    okta: {
      url: null,
      reason: 'The demo tenant has no admin console.',
      query: 'actor.id eq "00u1"',
      since: NOW,
      until: NOW,
    },
    entra: { url: 'https://entra.microsoft.com/', filter: "userPrincipalName eq 'jdoe@contoso.com'", instruction: '' },
    graphExplorer: { url: 'https://developer.microsoft.com/', request: 'auditLogs/signIns' },
  },
};
const draft = { ...EMPTY_DRAFT, upn: 'jdoe@contoso.com', symptom: 'outlook-desktop' as const };

function run(events: readonly WizardEvent[], from: WizardState = initialWizardState('demo')): WizardState {
  return events.reduce(wizardReducer, from);
}

const atSubject = run([{ type: 'continue' }, { type: 'edit-subject', draft }]);
const atCollecting = run([{ type: 'start', now: NOW, runId: 1 }], atSubject);
const atVerdict = run([{ type: 'diagnosed', runId: 1, run: diagnosisRun }], atCollecting);

describe('wizard: tenant step', () => {
  it('starts on the tenant step with the demo tenant preselected, and continues to the subject', () => {
    expect(initialWizardState('demo')).toEqual({ step: 'tenant', profileId: 'demo' });
    expect(run([{ type: 'continue' }])).toEqual({
      step: 'subject',
      profileId: 'demo',
      draft: EMPTY_DRAFT,
      error: null,
    });
  });

  it('cannot continue without a tenant, and lets the technician pick another', () => {
    expect(run([{ type: 'continue' }], initialWizardState(null))).toEqual({ step: 'tenant', profileId: null });
    expect(run([{ type: 'choose-tenant', profileId: 'prod' }])).toEqual({ step: 'tenant', profileId: 'prod' });
  });
});

describe('wizard: subject step', () => {
  it('edits the draft and clears a previous error', () => {
    const withError = run([{ type: 'start', now: NOW, runId: 1 }], run([{ type: 'continue' }]));
    expect(withError).toMatchObject({ step: 'subject', error: 'Pick what fails for the user.' });
    expect(run([{ type: 'edit-subject', draft: { upn: 'x@contoso.com' } }], withError)).toMatchObject({
      error: null,
      draft: { upn: 'x@contoso.com' },
    });
  });

  it('refuses to start with an invalid UPN or window, saying why', () => {
    const bad = run(
      [
        { type: 'edit-subject', draft: { upn: 'not a upn' } },
        { type: 'start', now: NOW, runId: 1 },
      ],
      atSubject,
    );
    expect(bad).toMatchObject({
      step: 'subject',
      error: expect.stringMatching(/not a user principal name/) as unknown,
    });
    const custom = run(
      [
        {
          type: 'edit-subject',
          draft: { window: 'custom', customSince: '2026-11-21T11:00:00Z', customUntil: '2026-11-21T10:00:00Z' },
        },
        { type: 'start', now: NOW, runId: 1 },
      ],
      atSubject,
    );
    expect(custom).toMatchObject({ step: 'subject', error: expect.stringMatching(/empty/) as unknown });
  });

  it('starts collecting with a validated subject and a window from the choice', () => {
    expect(atCollecting).toMatchObject({
      step: 'collecting',
      runId: 1,
      cancelling: false,
      sources: {},
      subject: { upn: 'jdoe@contoso.com', symptom: 'outlook-desktop', since: '2026-11-20T12:00:00.000Z', until: NOW },
    });
  });

  it('goes back to the tenant step', () => {
    expect(run([{ type: 'back' }], atSubject)).toEqual({ step: 'tenant', profileId: 'demo' });
  });
});

describe('wizard: collecting', () => {
  it('shows each source’s live status: running, pages, retrying, done, failed', () => {
    const s = run(
      [
        { type: 'progress', runId: 1, progress: { step: 'okta.logEvents', phase: 'started' } },
        { type: 'progress', runId: 1, progress: { step: 'okta.logEvents', phase: 'page', page: 2, count: 1500 } },
        { type: 'progress', runId: 1, progress: { step: 'okta.logEvents', phase: 'retrying', retryInSeconds: 3 } },
        {
          type: 'progress',
          runId: 1,
          progress: { step: 'graph.signIns', phase: 'failed', message: 'P1 licence needed' },
        },
        { type: 'progress', runId: 1, progress: { step: 'graph.user', phase: 'done', count: 1 } },
      ],
      atCollecting,
    );
    expect(s).toMatchObject({
      sources: {
        'okta.logEvents': { phase: 'retrying', page: 2, count: 1500, retryInSeconds: 3 },
        'graph.signIns': { phase: 'failed', message: 'P1 licence needed' },
        'graph.user': { phase: 'done', count: 1 },
      },
    });
  });

  it('ignores progress and results of another run', () => {
    expect(run([{ type: 'progress', runId: 7, progress: { step: 'okta.user', phase: 'started' } }], atCollecting)).toBe(
      atCollecting,
    );
    expect(run([{ type: 'diagnosed', runId: 7, run: diagnosisRun }], atCollecting)).toBe(atCollecting);
  });

  it('reaches the verdict when diagnosed', () => {
    expect(atVerdict).toMatchObject({
      step: 'verdict',
      run: diagnosisRun,
      selectedEvidence: null,
      done: [],
      notes: '',
    });
  });

  it('cancels: marks the run as cancelling, then returns to the subject with the draft kept', () => {
    const cancelling = run([{ type: 'cancel' }], atCollecting);
    expect(cancelling).toMatchObject({ step: 'collecting', cancelling: true });
    expect(run([{ type: 'cancelled', runId: 1 }], cancelling)).toEqual({
      step: 'subject',
      profileId: 'demo',
      draft,
      error: null,
    });
    // A result that arrives after Cancel does not show a verdict the technician abandoned.
    expect(run([{ type: 'diagnosed', runId: 1, run: diagnosisRun }], cancelling)).toMatchObject({ step: 'subject' });
  });

  it('fails with the error, and retries as a new run that ignores the old one', () => {
    const failed = run(
      [{ type: 'collection-failed', runId: 1, error: { code: 'unavailable', message: 'OS keychain unavailable' } }],
      atCollecting,
    );
    expect(failed).toMatchObject({ step: 'failed', during: 'collecting', error: { code: 'unavailable' } });
    const retried = run([{ type: 'retry', now: NOW, runId: 2 }], failed);
    expect(retried).toMatchObject({ step: 'collecting', runId: 2, sources: {} });
    expect(run([{ type: 'progress', runId: 1, progress: { step: 'okta.user', phase: 'started' } }], retried)).toBe(
      retried,
    );
    expect(run([{ type: 'back' }], failed)).toMatchObject({ step: 'subject', draft });
    expect(run([{ type: 'restart' }], failed)).toEqual({ step: 'tenant', profileId: 'demo' });
  });
});

describe('wizard: verdict, fix, notes', () => {
  it('walks verdict → fix → notes and back', () => {
    const fix = run([{ type: 'continue' }], atVerdict);
    const notes = run([{ type: 'continue' }], fix);
    expect([fix.step, notes.step]).toEqual(['fix', 'notes']);
    expect(run([{ type: 'continue' }], notes)).toBe(notes);
    expect(run([{ type: 'back' }], notes).step).toBe('fix');
    expect(run([{ type: 'back' }], fix).step).toBe('verdict');
    expect(run([{ type: 'back' }], atVerdict)).toMatchObject({ step: 'subject', draft });
  });

  it('selects evidence, ticks remediation steps (only real ones), and keeps notes across steps', () => {
    const s = run(
      [
        { type: 'select-evidence', id: 'evt-1' },
        { type: 'toggle-done', index: 1 },
        { type: 'toggle-done', index: 0 },
        { type: 'toggle-done', index: 1 },
        { type: 'toggle-done', index: 99 },
        { type: 'toggle-done', index: -1 },
        { type: 'continue' },
        { type: 'continue' },
        { type: 'edit-notes', notes: 'User re-added the account.' },
        { type: 'back' },
      ],
      atVerdict,
    );
    expect(s).toMatchObject({ step: 'fix', selectedEvidence: 'evt-1', done: [0], notes: 'User re-added the account.' });
  });

  it('collects again for the same user, or restarts', () => {
    expect(run([{ type: 'retry', now: NOW, runId: 5 }], atVerdict)).toMatchObject({
      step: 'collecting',
      runId: 5,
      subject: { upn: 'jdoe@contoso.com' },
    });
    expect(run([{ type: 'restart' }], atVerdict)).toEqual({ step: 'tenant', profileId: 'demo' });
  });
});

describe('wizard: reopening a saved incident', () => {
  const incident = {
    profileId: 'prod',
    subject: { upn: 'jdoe@contoso.com', symptom: 'outlook-desktop', since: '2026-11-20T12:00:00.000Z', until: NOW },
    run: diagnosisRun,
    work: { step: 'fix', done: [0, 99, -1], notes: 'Called back at 3.' },
  } as const;

  it('returns to the step it was left on, with the work so far and its own window', () => {
    expect(run([{ type: 'reopen', incident }])).toEqual({
      step: 'fix',
      profileId: 'prod',
      draft: {
        upn: 'jdoe@contoso.com',
        symptom: 'outlook-desktop',
        window: 'custom',
        customSince: '2026-11-20T12:00:00.000Z',
        customUntil: NOW,
      },
      subject: incident.subject,
      run: diagnosisRun,
      selectedEvidence: null,
      // Indexes outside this diagnosis's checklist are dropped.
      done: [0],
      notes: 'Called back at 3.',
    });
  });

  it('is only possible from the first step (never over a run or a verdict in progress)', () => {
    for (const s of [atSubject, atCollecting, atVerdict]) expect(run([{ type: 'reopen', incident }], s)).toBe(s);
  });

  it('diagnosing it again keeps its window', () => {
    const again = run([
      { type: 'reopen', incident },
      { type: 'retry', now: NOW, runId: 9 },
    ]);
    expect(again).toMatchObject({ step: 'collecting', runId: 9, subject: { since: '2026-11-20T12:00:00.000Z' } });
  });
});

describe('wizard: re-diagnosing the saved evidence', () => {
  it('shows the new verdict and keeps the notes and the ticked steps that still exist', () => {
    const worked = run(
      [
        { type: 'continue' },
        { type: 'toggle-done', index: 0 },
        { type: 'toggle-done', index: 1 },
        { type: 'edit-notes', notes: 'n' },
      ],
      atVerdict,
    );
    const fewer = {
      ...diagnosisRun,
      diagnosis: {
        ...diagnosis,
        primary:
          diagnosis.primary === null
            ? null
            : { ...diagnosis.primary, remediation: diagnosis.primary.remediation.slice(0, 1) },
      },
    };
    expect(run([{ type: 'rediagnosed', run: fewer }], worked)).toMatchObject({
      step: 'verdict',
      run: fewer,
      done: [0],
      notes: 'n',
      selectedEvidence: null,
    });
  });

  it('cannot land on a step without a verdict', () => {
    for (const s of [initialWizardState('demo'), atSubject, atCollecting])
      expect(run([{ type: 'rediagnosed', run: diagnosisRun }], s)).toBe(s);
  });
});

describe('wizard: events that do not belong to a step change nothing', () => {
  const states: readonly WizardState[] = [initialWizardState('demo'), atSubject, atCollecting, atVerdict];
  const stray: readonly WizardEvent[] = [
    { type: 'edit-notes', notes: 'x' },
    { type: 'toggle-done', index: 0 },
    { type: 'cancelled', runId: 99 },
    { type: 'progress', runId: 99, progress: { step: 'okta.user', phase: 'done' } },
  ];
  it.each(
    states.flatMap((s) =>
      stray
        .filter((e) => !(s.step === 'verdict' && (e.type === 'edit-notes' || e.type === 'toggle-done')))
        .map((e) => [s.step, e.type, s, e] as const),
    ),
  )('%s ignores %s', (_step, _type, s, e) => {
    expect(wizardReducer(s, e)).toBe(s);
  });
});

describe('windowFor', () => {
  it.each([
    ['last-hour', '2026-11-21T11:00:00.000Z'],
    ['today', '2026-11-20T12:00:00.000Z'],
    ['last-7-days', '2026-11-14T12:00:00.000Z'],
  ] as const)('%s starts at %s', (window, since) => {
    expect(windowFor({ ...draft, window }, NOW)).toEqual({ since, until: NOW });
  });
});
