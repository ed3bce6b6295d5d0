import type { CollectionProgress } from '../../../core/collection/collect-evidence';
import { validateSubject } from '../../../core/collection/subject';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Diagnosis } from '../../../core/diagnosis/model';
import type { EvidenceSource, EvidenceSubject } from '../../../core/evidence/bundle';
import type { Symptom } from '../../../core/evidence/symptoms';
import { assertNever } from '../../../shared/assert-never';
import type { IpcError } from '../../../shared/result';

/*
 * The technician's wizard as a state machine: one discriminated union of steps, one pure
 * reducer. Components render a step and dispatch events; only the bridge module performs the
 * effects the container derives from the state (start a collection, cancel it).
 */

/** What a finished run brings back: the diagnosis, its evidence's raw records, console links. */
export type DiagnosisRun = Omit<ChannelOutput<'diagnosis:run'>, 'runId' | 'diagnosis'> & {
  readonly diagnosis: Diagnosis;
};

/** Links that open the run's queries in the Okta and Microsoft consoles. */
export type ConsoleLinks = DiagnosisRun['links'];

/** Where the technician had got to in an incident: the step, the ticked steps, the notes. */
export interface IncidentWork {
  readonly step: 'verdict' | 'fix' | 'notes';
  readonly done: readonly number[];
  readonly notes: string;
}

/** A saved incident, reopened to continue where it was left. */
export interface ReopenedIncident {
  readonly profileId: string;
  readonly subject: EvidenceSubject;
  readonly run: DiagnosisRun;
  readonly work: IncidentWork;
}

/** When the problem happened, as the technician picks it. */
export type WindowChoice = 'last-hour' | 'today' | 'last-7-days' | 'custom';

/** What the technician has typed on the user-and-symptom step. */
export interface SubjectDraft {
  readonly upn: string;
  readonly symptom: Symptom | null;
  readonly window: WindowChoice;
  /** ISO, for a custom window. */
  readonly customSince: string;
  readonly customUntil: string;
}

/** The live status of one source while collecting. */
export interface SourceStatus {
  readonly phase: 'waiting' | 'running' | 'retrying' | 'done' | 'failed';
  readonly page?: number;
  readonly count?: number;
  readonly retryInSeconds?: number;
  readonly message?: string;
}

/** The wizard's steps. Each carries what it needs and what the next steps will need. */
export type WizardState =
  | { readonly step: 'tenant'; readonly profileId: string | null }
  | {
      readonly step: 'subject';
      readonly profileId: string;
      readonly draft: SubjectDraft;
      readonly error: string | null;
    }
  | {
      readonly step: 'collecting';
      readonly profileId: string;
      readonly draft: SubjectDraft;
      readonly subject: EvidenceSubject;
      /** Identifies this run: progress of an earlier, cancelled run is ignored. */
      readonly runId: number;
      readonly sources: Readonly<Partial<Record<EvidenceSource, SourceStatus>>>;
      readonly cancelling: boolean;
    }
  | {
      readonly step: 'verdict' | 'fix' | 'notes';
      readonly profileId: string;
      readonly draft: SubjectDraft;
      readonly subject: EvidenceSubject;
      readonly run: DiagnosisRun;
      /** The evidence record the technician opened (an Okta uuid or a sign-in id). */
      readonly selectedEvidence: string | null;
      /** Remediation steps of the primary finding marked done, by index. */
      readonly done: readonly number[];
      readonly notes: string;
    }
  | {
      readonly step: 'failed';
      readonly profileId: string;
      readonly draft: SubjectDraft;
      /** Where it failed, to retry from there. */
      readonly during: 'collecting';
      readonly error: IpcError;
      readonly runId: number;
    };

/** What can happen to the wizard. */
export type WizardEvent =
  | { readonly type: 'choose-tenant'; readonly profileId: string }
  | { readonly type: 'continue' }
  | { readonly type: 'back' }
  | { readonly type: 'edit-subject'; readonly draft: Partial<SubjectDraft> }
  /** `runId` comes from the container: unique for the window's life, so main never sees one twice. */
  | { readonly type: 'start'; readonly now: string; readonly runId: number }
  | { readonly type: 'progress'; readonly runId: number; readonly progress: CollectionProgress }
  | { readonly type: 'diagnosed'; readonly runId: number; readonly run: DiagnosisRun }
  | { readonly type: 'collection-failed'; readonly runId: number; readonly error: IpcError }
  | { readonly type: 'cancel' }
  | { readonly type: 'cancelled'; readonly runId: number }
  | { readonly type: 'retry'; readonly now: string; readonly runId: number }
  | { readonly type: 'select-evidence'; readonly id: string | null }
  | { readonly type: 'toggle-done'; readonly index: number }
  | { readonly type: 'edit-notes'; readonly notes: string }
  | { readonly type: 'restart' }
  | { readonly type: 'reopen'; readonly incident: ReopenedIncident }
  /** The saved evidence diagnosed again by the current engine (the incident keeps its work). */
  | { readonly type: 'rediagnosed'; readonly run: DiagnosisRun };

/** An empty draft: the symptom must be chosen, the window defaults to today. */
export const EMPTY_DRAFT: SubjectDraft = { upn: '', symptom: null, window: 'today', customSince: '', customUntil: '' };

/** The wizard on first run: the demo tenant preselected. */
export function initialWizardState(profileId: string | null): WizardState {
  return { step: 'tenant', profileId };
}

const HOUR = 3_600_000;

/** The collection window a choice means, relative to now (ISO strings). */
export function windowFor(draft: SubjectDraft, nowIso: string): { readonly since?: string; readonly until?: string } {
  const now = Date.parse(nowIso);
  switch (draft.window) {
    case 'last-hour':
      return { since: new Date(now - HOUR).toISOString(), until: nowIso };
    case 'today': {
      // "Today" on a helpdesk call means the last 24 hours, not since local midnight.
      return { since: new Date(now - 24 * HOUR).toISOString(), until: nowIso };
    }
    case 'last-7-days':
      return { since: new Date(now - 7 * 24 * HOUR).toISOString(), until: nowIso };
    case 'custom':
      return { since: draft.customSince, until: draft.customUntil };
    default:
      return assertNever(draft.window, 'window choice');
  }
}

/** Validates the draft into a subject, or says what is wrong. */
function subjectOf(
  draft: SubjectDraft,
  now: string,
): { readonly ok: true; readonly subject: EvidenceSubject } | { readonly ok: false; readonly error: string } {
  if (draft.symptom === null) return { ok: false, error: 'Pick what fails for the user.' };
  const window = windowFor(draft, now);
  const result = validateSubject({ upn: draft.upn, symptom: draft.symptom, ...window }, new Date(now));
  return result.ok ? { ok: true, subject: result.value } : { ok: false, error: result.error };
}

/** A reopened incident, back at the step it was left on; its window is the one it was run for. */
function reopened(incident: ReopenedIncident): WizardState {
  const { subject, work } = incident;
  return {
    step: work.step,
    profileId: incident.profileId,
    draft: {
      upn: subject.upn,
      symptom: subject.symptom ?? null,
      window: 'custom',
      customSince: subject.since,
      customUntil: subject.until,
    },
    subject,
    run: incident.run,
    selectedEvidence: null,
    // Only indexes that exist in this diagnosis's checklist survive.
    done: stepsIn(work.done, incident.run),
    notes: work.notes,
  };
}

/** The ticked steps that exist in a run's checklist (a new verdict may have fewer). */
function stepsIn(done: readonly number[], run: DiagnosisRun): readonly number[] {
  const count = run.diagnosis.primary?.remediation.length ?? 0;
  return done.filter((i) => Number.isInteger(i) && i >= 0 && i < count);
}

function collecting(profileId: string, draft: SubjectDraft, subject: EvidenceSubject, runId: number): WizardState {
  return { step: 'collecting', profileId, draft, subject, runId, sources: {}, cancelling: false };
}

function statusOf(progress: CollectionProgress, previous: SourceStatus | undefined): SourceStatus {
  switch (progress.phase) {
    case 'started':
      return { phase: 'running' };
    case 'page':
      return {
        phase: 'running',
        ...(progress.page === undefined ? {} : { page: progress.page }),
        ...(progress.count === undefined ? {} : { count: progress.count }),
      };
    case 'retrying':
      return {
        ...previous,
        phase: 'retrying',
        ...(progress.retryInSeconds === undefined ? {} : { retryInSeconds: progress.retryInSeconds }),
      };
    case 'done':
      return { phase: 'done', ...(progress.count === undefined ? {} : { count: progress.count }) };
    case 'failed':
      return { phase: 'failed', ...(progress.message === undefined ? {} : { message: progress.message }) };
    default:
      return assertNever(progress.phase, 'progress phase');
  }
}

/**
 * The wizard's reducer: pure, total, and exhaustive over steps and events. An event that makes
 * no sense in a step leaves the state unchanged (it cannot happen through the UI, and a late
 * message from main must not corrupt the screen).
 */
export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (state.step) {
    case 'tenant':
      if (event.type === 'choose-tenant') return { step: 'tenant', profileId: event.profileId };
      if (event.type === 'reopen') return reopened(event.incident);
      if (event.type === 'continue' && state.profileId !== null)
        return { step: 'subject', profileId: state.profileId, draft: EMPTY_DRAFT, error: null };
      return state;

    case 'subject':
      switch (event.type) {
        case 'edit-subject':
          return { ...state, draft: { ...state.draft, ...event.draft }, error: null };
        case 'back':
          return { step: 'tenant', profileId: state.profileId };
        case 'start': {
          const result = subjectOf(state.draft, event.now);
          if (!result.ok) return { ...state, error: result.error };
          return collecting(state.profileId, state.draft, result.subject, event.runId);
        }
        default:
          return state;
      }

    case 'collecting':
      if ('runId' in event && event.runId !== state.runId) return state;
      switch (event.type) {
        case 'progress': {
          const step = event.progress.step;
          return { ...state, sources: { ...state.sources, [step]: statusOf(event.progress, state.sources[step]) } };
        }
        case 'diagnosed':
          return state.cancelling
            ? { step: 'subject', profileId: state.profileId, draft: state.draft, error: null }
            : {
                step: 'verdict',
                profileId: state.profileId,
                draft: state.draft,
                subject: state.subject,
                run: event.run,
                selectedEvidence: null,
                done: [],
                notes: '',
              };
        case 'collection-failed':
          return {
            step: 'failed',
            profileId: state.profileId,
            draft: state.draft,
            during: 'collecting',
            error: event.error,
            runId: state.runId,
          };
        case 'cancel':
          return { ...state, cancelling: true };
        case 'cancelled':
          return { step: 'subject', profileId: state.profileId, draft: state.draft, error: null };
        default:
          return state;
      }

    case 'failed':
      switch (event.type) {
        case 'retry': {
          const result = subjectOf(state.draft, event.now);
          if (!result.ok)
            return { step: 'subject', profileId: state.profileId, draft: state.draft, error: result.error };
          return collecting(state.profileId, state.draft, result.subject, event.runId);
        }
        case 'back':
          return { step: 'subject', profileId: state.profileId, draft: state.draft, error: null };
        case 'restart':
          return initialWizardState(state.profileId);
        default:
          return state;
      }

    case 'verdict':
    case 'fix':
    case 'notes':
      switch (event.type) {
        case 'continue':
          return state.step === 'verdict'
            ? { ...state, step: 'fix' }
            : state.step === 'fix'
              ? { ...state, step: 'notes' }
              : state;
        case 'back':
          return state.step === 'notes'
            ? { ...state, step: 'fix' }
            : state.step === 'fix'
              ? { ...state, step: 'verdict' }
              : { step: 'subject', profileId: state.profileId, draft: state.draft, error: null };
        case 'select-evidence':
          return { ...state, selectedEvidence: event.id };
        case 'toggle-done': {
          const count = state.run.diagnosis.primary?.remediation.length ?? 0;
          if (!Number.isInteger(event.index) || event.index < 0 || event.index >= count) return state;
          const done = state.done.includes(event.index)
            ? state.done.filter((i) => i !== event.index)
            : [...state.done, event.index].sort((a, b) => a - b);
          return { ...state, done };
        }
        case 'edit-notes':
          return { ...state, notes: event.notes };
        case 'rediagnosed':
          return {
            ...state,
            step: 'verdict',
            run: event.run,
            selectedEvidence: null,
            done: stepsIn(state.done, event.run),
          };
        case 'retry': {
          // Collect again for the same user and window choice (e.g. after the user tried once more).
          const result = subjectOf(state.draft, event.now);
          if (!result.ok)
            return { step: 'subject', profileId: state.profileId, draft: state.draft, error: result.error };
          return collecting(state.profileId, state.draft, result.subject, event.runId);
        }
        case 'restart':
          return initialWizardState(state.profileId);
        default:
          return state;
      }

    default:
      return assertNever(state, 'wizard step');
  }
}
