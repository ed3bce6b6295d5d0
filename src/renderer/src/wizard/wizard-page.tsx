import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { CollectionProgress } from '../../../core/collection/collect-evidence';
import type { Diagnosis } from '../../../core/diagnosis/model';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { DiagnosisProgress } from '../../../shared/ipc/diagnosis';
import type { ProfileSummary } from '../../../shared/ipc/profiles';
import type { Result } from '../../../shared/result';
import { REDACTION_LEVELS, redactDiagnosis, redactText } from '../../../core/redaction';
import { CollectingStep, FailedStep } from './collecting-step';
import { FixStep } from './fix-step';
import { NotesStep } from './notes-step';
import { SubjectStep } from './subject-step';
import { TenantStep } from './tenant-step';
import type { TenantsView } from './tenant-step';
import { VerdictStep } from './verdict-step';
import { initialWizardState, wizardReducer } from './wizard-machine';
import type { DiagnosisRun, IncidentWork, SourceStatus, WizardEvent, WizardState } from './wizard-machine';
import type { EvidenceSource } from '../../../core/evidence/bundle';
import { RecentIncidents } from './recent-incidents';
import { ExportPanel } from './export-panel';
import type { ExportState } from './export-panel';
import type { ExportRedactionLevel, ReportFormat } from '../../../core/report/report-types';
import type { IncidentsView } from './recent-incidents';
import { WizardProgress } from './wizard-progress';
import { assertNever } from '../../../shared/assert-never';

/**
 * What the wizard needs from main. The app passes the functions of `bridge.ts`; tests pass
 * fakes, so no component touches the bridge.
 */
export interface WizardApi {
  readonly listProfiles: () => Promise<Result<{ readonly profiles: readonly ProfileSummary[] }>>;
  readonly runDiagnosis: (
    request: ChannelInput<'diagnosis:run'>,
  ) => Promise<Result<DiagnosisRun & { readonly runId: number }>>;
  readonly cancelDiagnosis: (runId: number) => Promise<Result<{ readonly cancelled: boolean }>>;
  readonly onDiagnosisProgress: (listener: (progress: DiagnosisProgress) => void) => () => void;
  readonly openLink: (url: string) => Promise<Result<{ readonly opened: boolean }>>;
  readonly listIncidents: () => Promise<Result<ChannelOutput<'incidents:list'>>>;
  readonly openIncident: (id: string) => Promise<Result<OpenedIncident>>;
  readonly updateIncident: (id: string, work: ChannelInput<'incidents:update'>['work']) => Promise<Result<unknown>>;
  readonly deleteIncident: (id: string) => Promise<Result<{ readonly deleted: boolean }>>;
  readonly duplicateIncident: (id: string) => Promise<Result<{ readonly id: string }>>;
  readonly rediagnoseIncident: (id: string) => Promise<Result<OpenedIncident>>;
  readonly exportIncident: (
    id: string,
    format: ReportFormat,
    redaction: ExportRedactionLevel,
  ) => Promise<Result<ChannelOutput<'incidents:export'>>>;
}

/** An incident as `openIncident` gives it (the diagnosis in the engine's own type). */
export type OpenedIncident = {
  readonly incident: Omit<ChannelOutput<'incidents:open'>['incident'], 'diagnosis'> & { readonly diagnosis: Diagnosis };
};

/** Where saving the incident stands, shown under the steps. */
type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'failed'; readonly message: string };

/** How long edits settle before they are written: typing notes must not write per key. */
const AUTOSAVE_DELAY_MS = 400;

/** Props of {@link WizardPage}. */
export interface WizardPageProps {
  readonly api: WizardApi;
  /** Whether the wizard's page is the one shown (tenants are re-read when it comes back). */
  readonly active: boolean;
  readonly screenShare: boolean;
  /** Opens the Tenants page. */
  readonly onManageTenants: () => void;
  /** Shown above the first step only: what the app is for and whether it is ready. */
  readonly welcome?: ReactNode;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

/** A progress event as the engine types it (no keys holding `undefined`). */
function progressOf(p: DiagnosisProgress): CollectionProgress {
  return {
    step: p.step,
    phase: p.phase,
    ...(p.page === undefined ? {} : { page: p.page }),
    ...(p.count === undefined ? {} : { count: p.count }),
    ...(p.retryInSeconds === undefined ? {} : { retryInSeconds: p.retryInSeconds }),
    ...(p.message === undefined ? {} : { message: p.message }),
  };
}

const SHARE = REDACTION_LEVELS.screenShare;

/** Source statuses with their failure messages masked for a shared screen (they can quote hosts and names). */
function maskedSources(
  sources: Readonly<Partial<Record<EvidenceSource, SourceStatus>>>,
  upn: string,
): Readonly<Partial<Record<EvidenceSource, SourceStatus>>> {
  return Object.fromEntries(
    Object.entries(sources).map(([source, status]) => [
      source,
      status.message === undefined ? status : { ...status, message: redactText(status.message, upn, SHARE).text },
    ]),
  );
}

/** What an export masked, in one sentence for the technician. */
function maskedSummary(redacted: ChannelOutput<'incidents:export'>['redacted']): string {
  const parts = [
    [redacted.otherUsers, 'other user'],
    [redacted.ipAddresses, 'IP address'],
    [redacted.deviceIds, 'device id'],
    [redacted.tenantIds, 'tenant id'],
    [redacted.tokens, 'token'],
  ] as const;
  const named = parts.filter(([n]) => n > 0).map(([n, what]) => `${String(n)} ${what}${n === 1 ? '' : 's'}`);
  return named.length === 0 ? 'Nothing needed masking.' : `Masked: ${named.join(', ')}.`;
}

/** A run as the wizard holds it, from an incident main has opened. */
function runOf(incident: OpenedIncident['incident']): DiagnosisRun {
  return { diagnosis: incident.diagnosis, records: incident.records, links: incident.links, incidentId: incident.id };
}

/** What decides whether the technician's work changed since it was last saved. */
function workKeyOf(work: IncidentWork): string {
  return JSON.stringify([work.step, work.done, work.notes]);
}

/** Why a run's incident could not be created, if it could not. */
function saveErrorOf(state: WizardState): string | null {
  if (state.step !== 'verdict' && state.step !== 'fix' && state.step !== 'notes') return null;
  return state.run.incidentId === null ? (state.run.saveError ?? 'the incident could not be created') : null;
}

/** One quiet line saying whether the incident is safely on disk. */
function SaveLine({ save, saveError }: { readonly save: SaveState; readonly saveError: string | null }): ReactNode {
  const text =
    saveError !== null
      ? `Not saved to the incident history: ${saveError}`
      : save.kind === 'saving'
        ? 'Saving…'
        : save.kind === 'saved'
          ? `Saved to the incident history at ${save.at}`
          : save.kind === 'failed'
            ? `Not saved: ${save.message}`
            : 'Saved to the incident history';
  return (
    <Text as="p" size={200} aria-live="polite" data-testid="save-state" style={{ margin: 0 }}>
      {text}
    </Text>
  );
}

/** The tenant to preselect: the one already chosen if it still exists, else the built-in demo. */
function preselect(current: string | null, profiles: readonly ProfileSummary[]): string | null {
  if (current !== null && profiles.some((p) => p.profile.id === current)) return current;
  return profiles.find((p) => p.builtIn)?.profile.id ?? profiles[0]?.profile.id ?? null;
}

/**
 * The technician's wizard: the state machine, and the effects it implies.
 *
 * Every event goes through {@link wizardReducer}; the effects (start a run, cancel it) are
 * derived from the transition, so a step component only ever reports what the technician did.
 */
export function WizardPage({ api, active, screenShare, onManageTenants, welcome, now }: WizardPageProps): ReactNode {
  const styles = useStyles();
  const clock = useMemo(() => now ?? (() => new Date()), [now]);
  const [state, setState] = useState<WizardState>(() => initialWizardState(null));
  const current = useRef(state);
  // Run ids are unique for the window's life: a late answer from an earlier run never matches.
  const runs = useRef(0);
  const [tenants, setTenants] = useState<TenantsView>({ kind: 'loading' });
  const [linkError, setLinkError] = useState<string | null>(null);

  const dispatch = useCallback(
    (first: WizardEvent): void => {
      // A named inner function, so a run's answer can be fed back through the same path.
      function apply(event: WizardEvent): void {
        const previous = current.current;
        const next = wizardReducer(previous, event);
        if (next === previous) return;
        current.current = next;
        setState(next);
        if (next.step === 'collecting' && (previous.step !== 'collecting' || previous.runId !== next.runId)) {
          const { runId, profileId, subject } = next;
          void api
            .runDiagnosis({
              runId,
              profileId,
              upn: subject.upn,
              // The reducer only starts a run with a symptom chosen.
              symptom: subject.symptom ?? 'other',
              since: subject.since,
              until: subject.until,
            })
            .then((result) => {
              if (result.ok) {
                const { diagnosis, records, links, incidentId, saveError } = result.value;
                apply({
                  type: 'diagnosed',
                  runId,
                  run: { diagnosis, records, links, incidentId, ...(saveError === undefined ? {} : { saveError }) },
                });
              } else if (result.error.code === 'cancelled') apply({ type: 'cancelled', runId });
              else apply({ type: 'collection-failed', runId, error: result.error });
            });
        }
        if (event.type === 'cancel' && previous.step === 'collecting' && !previous.cancelling) {
          void api.cancelDiagnosis(previous.runId);
        }
      }
      apply(first);
    },
    [api],
  );

  // Progress of every run arrives here; the reducer keeps only the current run's.
  useEffect(
    () =>
      api.onDiagnosisProgress((progress) => {
        dispatch({ type: 'progress', runId: progress.runId, progress: progressOf(progress) });
      }),
    [api, dispatch],
  );

  // Leaving the window mid-run stops the run in main.
  useEffect(
    () => () => {
      const last = current.current;
      if (last.step === 'collecting') void api.cancelDiagnosis(last.runId);
    },
    [api],
  );

  const [tenantsRequest, setTenantsRequest] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    let live = true;
    void api.listProfiles().then((result) => {
      if (!live) return;
      if (!result.ok) {
        setTenants({ kind: 'failed', error: result.error });
        return;
      }
      setTenants({ kind: 'loaded', profiles: result.value.profiles });
      const s = current.current;
      if (s.step === 'tenant') {
        const id = preselect(s.profileId, result.value.profiles);
        if (id !== null && id !== s.profileId) dispatch({ type: 'choose-tenant', profileId: id });
      }
    });
    return () => {
      live = false;
    };
  }, [api, active, dispatch, tenantsRequest]);

  // The incident history, read whenever the first step is on screen (it changes as incidents
  // are saved, closed and deleted).
  const [incidents, setIncidents] = useState<IncidentsView>({ kind: 'loading' });
  const [incidentsRequest, setIncidentsRequest] = useState(0);
  const onFirstStep = state.step === 'tenant';
  useEffect(() => {
    if (!active || !onFirstStep) return undefined;
    let live = true;
    void api.listIncidents().then((result) => {
      if (!live) return;
      setIncidents(
        result.ok
          ? { kind: 'loaded', incidents: result.value.incidents, unreadable: result.value.unreadable }
          : { kind: 'failed', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [api, active, onFirstStep, incidentsRequest]);

  const [openError, setOpenError] = useState<string | null>(null);
  const reopen = (id: string): void => {
    setOpenError(null);
    void api.openIncident(id).then((result) => {
      if (!result.ok) {
        setOpenError(result.error.message);
        return;
      }
      const { incident } = result.value;
      lastSaved.current = workKeyOf(incident.work);
      dispatch({
        type: 'reopen',
        incident: {
          profileId: incident.profileId,
          // The diagnosis's own subject: the same record, in the engine's type.
          subject: incident.diagnosis.subject,
          run: runOf(incident),
          work: incident.work,
        },
      });
    });
  };
  const duplicate = (id: string): void => {
    void api.duplicateIncident(id).then((result) => {
      if (!result.ok) setOpenError(result.error.message);
      setIncidentsRequest((n) => n + 1);
    });
  };
  const remove = (id: string): void => {
    void api.deleteIncident(id).then((result) => {
      if (!result.ok) setOpenError(result.error.message);
      setIncidentsRequest((n) => n + 1);
    });
  };

  // Every change to the technician's work is saved to the incident once it settles, so a crash
  // or a closed window loses at most the last fraction of a second of typing.
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const lastSaved = useRef<string | null>(null);
  const incidentId =
    state.step === 'verdict' || state.step === 'fix' || state.step === 'notes' ? state.run.incidentId : null;
  const work: IncidentWork | null =
    state.step === 'verdict' || state.step === 'fix' || state.step === 'notes'
      ? { step: state.step, done: state.done, notes: state.notes }
      : null;
  const workKey = work === null ? null : workKeyOf(work);
  useEffect(() => {
    if (incidentId === null || workKey === null || work === null || workKey === lastSaved.current) return undefined;
    const timer = setTimeout(() => {
      setSave({ kind: 'saving' });
      void api.updateIncident(incidentId, { ...work, done: [...work.done], status: 'draft' }).then((result) => {
        if (result.ok) {
          lastSaved.current = workKey;
          setSave({ kind: 'saved', at: new Date().toLocaleTimeString() });
        } else setSave({ kind: 'failed', message: result.error.message });
      });
    }, AUTOSAVE_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
    // `work` is rebuilt every render; its serialised form is what decides a save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, incidentId, workKey]);

  /** Writes the work now if it changed since the last save (before an export reads it from disk). */
  const flush = (): Promise<boolean> => {
    if (incidentId === null || work === null || workKey === lastSaved.current) return Promise.resolve(true);
    return api.updateIncident(incidentId, { ...work, done: [...work.done], status: 'draft' }).then((result) => {
      if (result.ok) lastSaved.current = workKey;
      return result.ok;
    });
  };

  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const exportReport = (format: ReportFormat, level: ExportRedactionLevel): void => {
    if (incidentId === null) return;
    setExported({ kind: 'exporting' });
    void flush().then(async (saved) => {
      if (!saved) {
        setExported({ kind: 'failed', message: 'the latest notes could not be saved first' });
        return;
      }
      const result = await api.exportIncident(incidentId, format, level);
      if (!result.ok) setExported({ kind: 'failed', message: result.error.message });
      else if (result.value.path === null) setExported({ kind: 'cancelled' });
      else
        setExported({
          kind: 'saved',
          path: result.value.path,
          bytes: result.value.bytes,
          masked: maskedSummary(result.value.redacted),
        });
    });
  };

  const rediagnose = (): void => {
    if (incidentId === null) return;
    void flush().then(async () => {
      const result = await api.rediagnoseIncident(incidentId);
      if (result.ok) dispatch({ type: 'rediagnosed', run: runOf(result.value.incident) });
      else setSave({ kind: 'failed', message: result.error.message });
    });
  };

  /** Closes the incident (saved as closed, with the last edits) and takes the next call. */
  const closeIncident = (): void => {
    if (incidentId === null || work === null) {
      dispatch({ type: 'restart' });
      return;
    }
    setSave({ kind: 'saving' });
    void api.updateIncident(incidentId, { ...work, done: [...work.done], status: 'closed' }).then((result) => {
      if (!result.ok) {
        // Nothing is lost: the wizard stays on the incident and says why it could not close.
        setSave({ kind: 'failed', message: result.error.message });
        return;
      }
      lastSaved.current = null;
      setSave({ kind: 'idle' });
      dispatch({ type: 'restart' });
    });
  };

  const openLink = (url: string): void => {
    setLinkError(null);
    void api.openLink(url).then((result) => {
      if (!result.ok) setLinkError(result.error.message);
    });
  };

  const nextRun = (): number => {
    runs.current += 1;
    return runs.current;
  };

  // What the screen may show: while sharing, other people, IPs, device ids and tokens are
  // masked before anything is drawn, and raw records are not passed down at all.
  const shown = useMemo(() => {
    if (state.step !== 'verdict' && state.step !== 'fix' && state.step !== 'notes') return null;
    const { diagnosis, records } = state.run;
    if (screenShare)
      return { diagnosis: redactDiagnosis(diagnosis, REDACTION_LEVELS.screenShare).diagnosis, records: null };
    return { diagnosis, records: new Map(records.map((r) => [r.id, r.json])) };
  }, [state, screenShare]);

  const body = ((): ReactNode => {
    switch (state.step) {
      case 'tenant':
        return (
          <>
            {welcome}
            <TenantStep
              tenants={tenants}
              selectedId={state.profileId}
              onChoose={(profileId) => {
                dispatch({ type: 'choose-tenant', profileId });
              }}
              onContinue={() => {
                dispatch({ type: 'continue' });
              }}
              onManage={onManageTenants}
              onReload={() => {
                setTenants({ kind: 'loading' });
                setTenantsRequest((n) => n + 1);
              }}
            />
            {openError !== null && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{openError}</MessageBarBody>
              </MessageBar>
            )}
            <RecentIncidents
              view={incidents}
              screenShare={screenShare}
              onOpen={reopen}
              onDuplicate={duplicate}
              onDelete={remove}
            />
          </>
        );
      case 'subject':
        return (
          <SubjectStep
            draft={state.draft}
            error={state.error}
            onEdit={(draft) => {
              dispatch({ type: 'edit-subject', draft });
            }}
            onStart={() => {
              dispatch({ type: 'start', now: clock().toISOString(), runId: nextRun() });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
          />
        );
      case 'collecting':
        return (
          <CollectingStep
            subject={state.subject}
            sources={screenShare ? maskedSources(state.sources, state.subject.upn) : state.sources}
            cancelling={state.cancelling}
            onCancel={() => {
              dispatch({ type: 'cancel' });
            }}
          />
        );
      case 'failed':
        return (
          <FailedStep
            error={
              screenShare
                ? { ...state.error, message: redactText(state.error.message, state.draft.upn, SHARE).text }
                : state.error
            }
            onRetry={() => {
              dispatch({ type: 'retry', now: clock().toISOString(), runId: nextRun() });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
            onRestart={() => {
              dispatch({ type: 'restart' });
            }}
          />
        );
      case 'verdict':
        return (
          shown !== null && (
            <VerdictStep
              diagnosis={shown.diagnosis}
              records={shown.records}
              links={state.run.links}
              selectedEvidence={state.selectedEvidence}
              screenShare={screenShare}
              onSelectEvidence={(id) => {
                dispatch({ type: 'select-evidence', id });
              }}
              onOpenLink={openLink}
              onContinue={() => {
                dispatch({ type: 'continue' });
              }}
              onBack={() => {
                dispatch({ type: 'back' });
              }}
              onRetry={() => {
                dispatch({ type: 'retry', now: clock().toISOString(), runId: nextRun() });
              }}
              {...(state.run.incidentId === null ? {} : { onRediagnose: rediagnose })}
            />
          )
        );
      case 'fix':
      case 'notes': {
        const finding = shown?.diagnosis.primary ?? null;
        if (shown === null || finding === null) return null;
        const subject = shown.diagnosis.subject;
        return state.step === 'fix' ? (
          <FixStep
            subject={subject}
            finding={finding}
            done={state.done}
            onToggle={(index) => {
              dispatch({ type: 'toggle-done', index });
            }}
            onContinue={() => {
              dispatch({ type: 'continue' });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
          />
        ) : (
          <NotesStep
            subject={subject}
            finding={finding}
            done={state.done}
            notes={state.notes}
            onEditNotes={(notes) => {
              dispatch({ type: 'edit-notes', notes });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
            onClose={closeIncident}
            {...(incidentId === null
              ? {}
              : {
                  exportPanel: (
                    <ExportPanel
                      state={exported}
                      defaultLevel={screenShare ? 'external' : 'internal'}
                      onExport={exportReport}
                    />
                  ),
                })}
          />
        );
      }
      default:
        return assertNever(state, 'wizard step');
    }
  })();

  return (
    <div className={styles.page}>
      <WizardProgress state={state} />
      {linkError !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{linkError}</MessageBarBody>
        </MessageBar>
      )}
      {shown !== null && <SaveLine save={save} saveError={saveErrorOf(state)} />}
      {body}
    </div>
  );
}
