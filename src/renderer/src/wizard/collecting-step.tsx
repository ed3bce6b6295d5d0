import type { ReactNode } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { EVIDENCE_SOURCES } from '../../../core/evidence/bundle';
import type { EvidenceSource, EvidenceSubject } from '../../../core/evidence/bundle';
import { SYMPTOM_LABELS } from '../../../core/evidence/symptoms';
import type { IpcError } from '../../../shared/result';
import { assertNever } from '../../../shared/assert-never';
import { StepFrame } from './step-frame';
import type { SourceStatus } from './wizard-machine';
import { SOURCE_LABELS } from './wizard-labels';

const useStyles = makeStyles({
  table: {
    // Fixed layout and one line per cell: status text changing length never moves anything.
    tableLayout: 'fixed',
    width: '100%',
    borderCollapse: 'collapse',
  },
  cell: {
    height: '32px',
    paddingInline: tokens.spacingHorizontalS,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    textAlign: 'start',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sourceColumn: { width: '40%' },
  flush: { margin: 0 },
  lines: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  retrying: { color: tokens.colorPaletteMarigoldForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

/** The status of one source in words (with the page and record counts as they arrive). */
export function statusText(status: SourceStatus | undefined): string {
  if (status === undefined) return 'Waiting';
  const records = status.count === undefined ? '' : ` · ${String(status.count)} records`;
  switch (status.phase) {
    case 'waiting':
      return 'Waiting';
    case 'running':
      return status.page === undefined ? `Running${records}` : `Page ${String(status.page)}${records}`;
    case 'retrying':
      return status.retryInSeconds === undefined
        ? 'Rate limited: retrying'
        : `Rate limited: retrying in ${String(Math.ceil(status.retryInSeconds))} s`;
    case 'done':
      return `Done${records}`;
    case 'failed':
      return `Failed: ${status.message ?? 'no answer'}`;
    default:
      return assertNever(status.phase, 'source phase');
  }
}

function finished(status: SourceStatus | undefined): boolean {
  return status?.phase === 'done' || status?.phase === 'failed';
}

/** One line saying whom, what and when, repeated on the steps after the subject's. */
export function SubjectLine({ subject }: { readonly subject: EvidenceSubject }): ReactNode {
  const styles = useStyles();
  const symptom = subject.symptom === undefined ? '' : ` · ${SYMPTOM_LABELS[subject.symptom]}`;
  return (
    <Text as="p" className={styles.flush} data-testid="subject-line">
      <strong>{subject.upn}</strong>
      {symptom} · {new Date(subject.since).toLocaleString()} – {new Date(subject.until).toLocaleString()}
    </Text>
  );
}

/** Props of {@link CollectingStep}. */
export interface CollectingStepProps {
  readonly subject: EvidenceSubject;
  readonly sources: Readonly<Partial<Record<EvidenceSource, SourceStatus>>>;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

/**
 * Step 3: every source with its live status, pages and retries. All sources are listed from
 * the start, in a fixed table, so rows never appear or move while the technician reads them.
 */
export function CollectingStep({ subject, sources, cancelling, onCancel }: CollectingStepProps): ReactNode {
  const styles = useStyles();
  const done = EVIDENCE_SOURCES.filter((s) => finished(sources[s])).length;
  return (
    <StepFrame
      id="step-collecting"
      title="Collecting evidence"
      actions={
        <Button appearance="secondary" disabled={cancelling} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      }
    >
      <SubjectLine subject={subject} />
      {/* One polite summary for screen readers, rather than every cell announcing itself. */}
      <Text as="p" className={styles.flush} aria-live="polite" data-testid="collect-summary">
        {cancelling
          ? 'Cancelling: nothing new is asked; requests already sent finish on their own.'
          : `${String(done)} of ${String(EVIDENCE_SOURCES.length)} sources finished`}
      </Text>
      <ProgressBar
        value={done / EVIDENCE_SOURCES.length}
        thickness="large"
        aria-label={`${String(done)} of ${String(EVIDENCE_SOURCES.length)} sources finished`}
      />
      <table className={styles.table} aria-label="Sources">
        <thead>
          <tr>
            <th className={`${styles.cell} ${styles.sourceColumn}`} scope="col">
              Source
            </th>
            <th className={styles.cell} scope="col">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {EVIDENCE_SOURCES.map((source) => {
            const status = sources[source];
            const text = statusText(status);
            const tone =
              status?.phase === 'failed'
                ? styles.failed
                : status?.phase === 'retrying'
                  ? styles.retrying
                  : status?.phase === 'done'
                    ? styles.done
                    : undefined;
            return (
              <tr key={source} data-source={source} data-phase={status?.phase ?? 'waiting'}>
                <th className={styles.cell} scope="row">
                  {SOURCE_LABELS[source]}
                </th>
                <td className={tone === undefined ? styles.cell : `${styles.cell} ${tone}`} title={text}>
                  {text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </StepFrame>
  );
}

/** Props of {@link FailedStep}. */
export interface FailedStepProps {
  readonly error: IpcError;
  readonly onRetry: () => void;
  readonly onBack: () => void;
  readonly onRestart: () => void;
}

/** The collection failed as a whole (nothing could be collected, or main refused the run). */
export function FailedStep({ error, onRetry, onBack, onRestart }: FailedStepProps): ReactNode {
  const styles = useStyles();
  return (
    <StepFrame
      id="step-failed"
      title="The diagnosis could not run"
      actions={
        <>
          <Button appearance="primary" onClick={onRetry}>
            Try again
          </Button>
          <Button appearance="secondary" onClick={onBack}>
            Change user or symptom
          </Button>
          <Button appearance="subtle" onClick={onRestart}>
            Start over
          </Button>
        </>
      }
    >
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{error.code === 'unavailable' ? 'No source answered' : 'Error'}</MessageBarTitle>
          {/* Main puts one reason per line. */}
          <span className={styles.lines}>{error.message}</span>
        </MessageBarBody>
      </MessageBar>
    </StepFrame>
  );
}
