import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { CollectionProgress } from '../../../core/collection/collect-evidence';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { DiagnosisProgress } from '../../../shared/ipc/diagnosis';
import type { ProfileSummary } from '../../../shared/ipc/profiles';
import type { Result } from '../../../shared/result';
import { REDACTION_LEVELS, redactDiagnosis } from '../../../core/redaction';
import { CollectingStep, FailedStep } from './collecting-step';
import { FixStep } from './fix-step';
import { NotesStep } from './notes-step';
import { SubjectStep } from './subject-step';
import { TenantStep } from './tenant-step';
import type { TenantsView } from './tenant-step';
import { VerdictStep } from './verdict-step';
import { initialWizardState, wizardReducer } from './wizard-machine';
import type { DiagnosisRun, WizardEvent, WizardState } from './wizard-machine';
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
}

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
                const { diagnosis, records, links } = result.value;
                apply({ type: 'diagnosed', runId, run: { diagnosis, records, links } });
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
            sources={state.sources}
            cancelling={state.cancelling}
            onCancel={() => {
              dispatch({ type: 'cancel' });
            }}
          />
        );
      case 'failed':
        return (
          <FailedStep
            error={state.error}
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
            onRestart={() => {
              dispatch({ type: 'restart' });
            }}
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
      {body}
    </div>
  );
}
