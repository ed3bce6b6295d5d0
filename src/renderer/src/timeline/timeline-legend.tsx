import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TimelineOutcome } from '../../../core/diagnosis/model';
import { markerFor } from './timeline-lanes';
import { MarkerShape, MissingRing, SelectedRing } from './timeline-marker';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { flexShrink: 0, overflow: 'visible' },
});

const OUTCOMES: readonly { readonly outcome: TimelineOutcome; readonly text: string }[] = [
  { outcome: 'success', text: 'Success' },
  { outcome: 'failure', text: 'Failure' },
  { outcome: 'denied', text: 'Denied by policy' },
  { outcome: 'challenge', text: 'Challenge (e.g. MFA)' },
  { outcome: 'info', text: 'Other event' },
];

function Swatch({ children }: { readonly children: ReactNode }): ReactNode {
  const styles = useStyles();
  // Decorative: the text next to it says the same thing.
  return (
    <svg className={styles.swatch} width={20} height={20} viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/**
 * The chart's key: each outcome's shape and colour, and what the two rings mean. HTML rather
 * than SVG so it wraps on narrow windows and reads as a plain list.
 */
export function TimelineLegend(): ReactNode {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Legend">
      {OUTCOMES.map(({ outcome, text }) => (
        <li key={outcome} className={styles.item}>
          <Swatch>
            <MarkerShape kind={markerFor(outcome)} />
          </Swatch>
          {text}
        </li>
      ))}
      <li className={styles.item}>
        <Swatch>
          <MissingRing />
        </Swatch>
        No matching record on the other side
      </li>
      <li className={styles.item}>
        <Swatch>
          <g transform="scale(0.75)">
            <SelectedRing />
          </g>
        </Swatch>
        Selected
      </li>
    </ul>
  );
}
