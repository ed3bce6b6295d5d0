import type { ReactNode } from 'react';
import { Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/diagnosis/model';
import type { EvidenceSubject } from '../../../core/evidence/bundle';
import { SubjectLine } from './collecting-step';
import { ForwardAndBack, StepFrame } from './step-frame';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  flush: { margin: 0 },
});

/** Props of {@link NotesStep}. */
export interface NotesStepProps {
  /** Whom the call is about, repeated so the screen always says it. */
  readonly subject: EvidenceSubject;
  readonly finding: Finding;
  readonly done: readonly number[];
  readonly notes: string;
  readonly onEditNotes: (notes: string) => void;
  readonly onBack: () => void;
  /** Closes the incident (saved as closed) and goes back to the first step for the next call. */
  readonly onClose: () => void;
  /** The report export, when the incident is saved (nothing to export from otherwise). */
  readonly exportPanel?: ReactNode;
}

/** The longest note kept: a ticket's work notes, not a document. */
export const MAX_NOTES = 20_000;

/**
 * Step 6: what the technician wants on the record: the verdict, what was done, their notes,
 * and the report to attach to the ticket.
 */
export function NotesStep({
  subject,
  finding,
  done,
  notes,
  onEditNotes,
  onBack,
  onClose,
  exportPanel,
}: NotesStepProps): ReactNode {
  const styles = useStyles();
  const doneSteps = finding.remediation.filter((_, index) => done.includes(index));
  return (
    <StepFrame
      id="step-notes"
      title="Notes"
      actions={<ForwardAndBack forward="Close the incident" onForward={onClose} onBack={onBack} />}
    >
      <SubjectLine subject={subject} />
      <Text as="p" className={styles.flush}>
        Verdict: <strong>{finding.code}</strong> — {finding.summary}
      </Text>
      <Text as="p" className={styles.flush}>
        {doneSteps.length === 0 ? 'No step of the checklist is marked done.' : 'Done:'}
      </Text>
      {doneSteps.length > 0 && (
        <ul className={styles.list}>
          {doneSteps.map((step) => (
            <li key={step.title}>{step.title}</li>
          ))}
        </ul>
      )}
      <Field label="Your notes" hint="What the user said, what you tried, what happens next.">
        <Textarea
          value={notes}
          resize="vertical"
          rows={8}
          maxLength={MAX_NOTES}
          onChange={(_, data) => {
            onEditNotes(data.value);
          }}
        />
      </Field>
      {exportPanel}
    </StepFrame>
  );
}
