import type { ReactNode } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { SYMPTOM_LABELS, SYMPTOMS } from '../../../core/evidence/symptoms';
import type { Symptom } from '../../../core/evidence/symptoms';
import { StepFrame } from './step-frame';
import type { SubjectDraft, WindowChoice } from './wizard-machine';
import { WINDOW_LABELS } from './wizard-labels';

/** Props of {@link SubjectStep}. */
export interface SubjectStepProps {
  readonly draft: SubjectDraft;
  readonly error: string | null;
  readonly onEdit: (draft: Partial<SubjectDraft>) => void;
  readonly onStart: () => void;
  readonly onBack: () => void;
}

const WINDOWS = Object.keys(WINDOW_LABELS) as readonly WindowChoice[];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  custom: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** An ISO instant as a `datetime-local` value in the technician's time zone ('' if invalid). */
export function toLocalInput(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t - new Date(t).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** A `datetime-local` value (local time) as an ISO instant ('' if empty or invalid). */
export function fromLocalInput(local: string): string {
  const t = Date.parse(local);
  return local === '' || Number.isNaN(t) ? '' : new Date(t).toISOString();
}

/**
 * Step 2: who is calling, what fails for them and since when. Enter in a text field starts the
 * diagnosis (the Diagnose button belongs to the form through its `form` attribute); the reducer
 * checks the draft and says what is wrong.
 */
export function SubjectStep({ draft, error, onEdit, onStart, onBack }: SubjectStepProps): ReactNode {
  const styles = useStyles();
  return (
    <StepFrame
      id="step-subject"
      title="Who is calling, and what fails?"
      actions={
        <>
          <Button appearance="primary" type="submit" form="subject-form">
            Diagnose
          </Button>
          <Button appearance="secondary" onClick={onBack}>
            Back
          </Button>
        </>
      }
    >
      <form
        id="subject-form"
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onStart();
        }}
      >
        <Field label="User principal name" required hint="The name the user signs in to Microsoft 365 with.">
          <Input
            type="email"
            value={draft.upn}
            autoComplete="off"
            spellCheck={false}
            placeholder="jane.doe@contoso.com"
            onChange={(_, data) => {
              onEdit({ upn: data.value });
            }}
          />
        </Field>
        <Field label="What fails?" required>
          <RadioGroup
            value={draft.symptom ?? ''}
            onChange={(_, data) => {
              const symptom = SYMPTOMS.find((s) => s === data.value);
              if (symptom !== undefined) onEdit({ symptom });
            }}
          >
            {SYMPTOMS.map((symptom: Symptom) => (
              <Radio key={symptom} value={symptom} label={SYMPTOM_LABELS[symptom]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="When?">
          <RadioGroup
            layout="horizontal"
            value={draft.window}
            onChange={(_, data) => {
              const window = WINDOWS.find((w) => w === data.value);
              if (window !== undefined) onEdit({ window });
            }}
          >
            {WINDOWS.map((w) => (
              <Radio key={w} value={w} label={WINDOW_LABELS[w]} />
            ))}
          </RadioGroup>
        </Field>
        {draft.window === 'custom' && (
          <div className={styles.custom}>
            <Field label="From (your local time)">
              <Input
                type="datetime-local"
                value={toLocalInput(draft.customSince)}
                onChange={(_, data) => {
                  onEdit({ customSince: fromLocalInput(data.value) });
                }}
              />
            </Field>
            <Field label="To (your local time)">
              <Input
                type="datetime-local"
                value={toLocalInput(draft.customUntil)}
                onChange={(_, data) => {
                  onEdit({ customUntil: fromLocalInput(data.value) });
                }}
              />
            </Field>
          </div>
        )}
      </form>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </StepFrame>
  );
}
