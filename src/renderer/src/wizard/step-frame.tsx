import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    // Focus lands here on every step change; the ring shows only for keyboard users.
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** Props of {@link StepFrame}. */
export interface StepFrameProps {
  /** Unique per step: the heading's id, which the section is labelled by. */
  readonly id: string;
  readonly title: ReactNode;
  readonly children: ReactNode;
  /** The step's buttons, below its content. */
  readonly actions?: ReactNode;
}

/**
 * The frame of one wizard step: a section titled by its heading, the content, the actions.
 *
 * The heading takes focus when the step appears, so a keyboard or screen-reader user starts
 * reading the new step instead of being left on a button that no longer exists.
 */
export function StepFrame({ id, title, children, actions }: StepFrameProps): ReactNode {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className={styles.step} aria-labelledby={id} data-step={id}>
      <h3 id={id} className={styles.heading} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {children}
      {actions !== undefined && <div className={styles.actions}>{actions}</div>}
    </section>
  );
}

/** Props of {@link ForwardAndBack}. */
export interface ForwardAndBackProps {
  /** The primary button's label, naming where it leads ("Continue to notes"). */
  readonly forward: string;
  readonly onForward: () => void;
  readonly onBack: () => void;
}

/** The usual pair of step actions: the way on (primary), then Back. */
export function ForwardAndBack({ forward, onForward, onBack }: ForwardAndBackProps): ReactNode {
  return (
    <>
      <Button appearance="primary" onClick={onForward}>
        {forward}
      </Button>
      <Button appearance="secondary" onClick={onBack}>
        Back
      </Button>
    </>
  );
}
