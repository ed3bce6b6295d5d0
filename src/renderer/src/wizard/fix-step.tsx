import type { ReactNode } from 'react';
import { Card, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/diagnosis/model';
import type { EvidenceSubject } from '../../../core/evidence/bundle';
import { SubjectLine } from './collecting-step';
import { ForwardAndBack, StepFrame } from './step-frame';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  card: { gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalM },
  checklist: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  detail: { margin: 0, marginInlineStart: '32px' },
  where: { margin: 0, marginInlineStart: '32px', color: tokens.colorNeutralForeground3 },
  say: { margin: 0, fontSize: tokens.fontSizeBase400 },
  expect: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Props of {@link FixStep}. */
export interface FixStepProps {
  /** Whom the call is about, repeated so the screen always says it. */
  readonly subject: EvidenceSubject;
  readonly finding: Finding;
  /** Indexes of the remediation steps the technician has ticked. */
  readonly done: readonly number[];
  readonly onToggle: (index: number) => void;
  readonly onContinue: () => void;
  readonly onBack: () => void;
}

/**
 * Step 5: the fix. The technician's checklist (least permissive first, each with where to do
 * it), and separately the walkthrough to read out to the caller, step by step with what they
 * should see.
 */
export function FixStep({ subject, finding, done, onToggle, onContinue, onBack }: FixStepProps): ReactNode {
  const styles = useStyles();
  const script = finding.userScript ?? [];
  return (
    <StepFrame
      id="step-fix"
      title="Fix it"
      actions={<ForwardAndBack forward="Continue to notes" onForward={onContinue} onBack={onBack} />}
    >
      <SubjectLine subject={subject} />
      <Text as="p" weight="semibold">
        {finding.summary}
      </Text>
      <div className={styles.columns}>
        <Card className={styles.card} aria-labelledby="fix-checklist">
          <Text as="h4" id="fix-checklist" size={400} weight="semibold" className={styles.heading}>
            Your checklist
          </Text>
          <Text as="p" size={200}>
            {done.length} of {finding.remediation.length} done
          </Text>
          <ol className={styles.checklist}>
            {finding.remediation.map((step, index) => (
              <li key={step.title}>
                <Checkbox
                  checked={done.includes(index)}
                  label={step.title}
                  onChange={() => {
                    onToggle(index);
                  }}
                />
                {step.detail !== undefined && <p className={styles.detail}>{step.detail}</p>}
                {step.where !== undefined && <p className={styles.where}>Where: {step.where}</p>}
              </li>
            ))}
          </ol>
        </Card>
        <Card className={styles.card} aria-labelledby="fix-walkthrough">
          <Text as="h4" id="fix-walkthrough" size={400} weight="semibold" className={styles.heading}>
            Read out to the user
          </Text>
          {script.length === 0 ? (
            <Text as="p">
              Nothing for the user to do: the fix is on the admin side. Ask them to try again once your checklist is
              done.
            </Text>
          ) : (
            <ol className={styles.list}>
              {script.map((step) => (
                <li key={step.say}>
                  <p className={styles.say}>“{step.say}”</p>
                  {step.expect !== undefined && <p className={styles.expect}>They should see: {step.expect}</p>}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </StepFrame>
  );
}
