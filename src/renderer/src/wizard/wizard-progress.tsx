import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { WizardState } from './wizard-machine';
import { assertNever } from '../../../shared/assert-never';

/** The six stages the technician sees, in order. */
export const STAGES = ['Tenant', 'User and symptom', 'Collecting', 'Verdict', 'Fix', 'Notes'] as const;

/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

/** The stage a wizard state belongs to (a failed collection is still the collecting stage). */
export function stageOf(state: WizardState): Stage {
  switch (state.step) {
    case 'tenant':
      return 'Tenant';
    case 'subject':
      return 'User and symptom';
    case 'collecting':
    case 'failed':
      return 'Collecting';
    case 'verdict':
      return 'Verdict';
    case 'fix':
      return 'Fix';
    case 'notes':
      return 'Notes';
    default:
      return assertNever(state, 'wizard step');
  }
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
    counterReset: 'stage',
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  past: { color: tokens.colorNeutralForeground1 },
});

/**
 * Where the technician is in the wizard: the stages as an ordered list, the current one
 * marked with `aria-current="step"`. Not clickable: the steps carry state forward, and going
 * back is the Back button's job.
 */
export function WizardProgress({ state }: { readonly state: WizardState }): ReactNode {
  const styles = useStyles();
  const current = STAGES.indexOf(stageOf(state));
  return (
    <ol className={styles.list} aria-label="Wizard steps">
      {STAGES.map((stage, index) => (
        <li
          key={stage}
          className={mergeClasses(styles.item, index < current && styles.past, index === current && styles.current)}
          aria-current={index === current ? 'step' : undefined}
        >
          <span aria-hidden>{index < current ? '✓' : String(index + 1)}</span>
          {stage}
        </li>
      ))}
    </ol>
  );
}
