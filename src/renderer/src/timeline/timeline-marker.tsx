import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { MarkerKind } from './timeline-lanes';

/*
 * Colours are Fluent tokens, i.e. CSS variables the FluentProvider sets, applied through
 * classes rather than SVG attributes so a theme switch repaints without a re-render. Each was
 * checked for 3:1 against the neutral background in the web light and dark themes (WCAG
 * 1.4.11): Marigold *2* because Marigold 1 is only 2.6:1 on white. In the high-contrast
 * theme they all become the foreground colour; the shapes still tell outcomes apart.
 */
const useStyles = makeStyles({
  success: { fill: tokens.colorPaletteGreenForeground1 },
  danger: { fill: tokens.colorPaletteRedForeground1 },
  challenge: { fill: tokens.colorPaletteMarigoldForeground2 },
  info: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground3, strokeWidth: '2px' },
  // Glyphs inside a filled shape use the page background, so they stay legible in both themes.
  glyph: {
    fill: 'none',
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: '1.75px',
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  },
  missing: { fill: 'none', stroke: tokens.colorNeutralForeground1, strokeWidth: '1.5px', strokeDasharray: '3 2' },
  selected: { fill: 'none', stroke: tokens.colorBrandStroke1, strokeWidth: '2.5px' },
});

/** Props of {@link MarkerShape}. */
export interface MarkerShapeProps {
  readonly kind: MarkerKind;
}

/**
 * The shape of one outcome, centred on (0, 0), about 13 px across: a ticked circle, a cross, a
 * barred square (blocked), a triangle, a hollow ring. Decorative: the label carries the meaning.
 */
export function MarkerShape({ kind }: MarkerShapeProps): ReactNode {
  const styles = useStyles();
  switch (kind) {
    case 'check-circle':
      return (
        <>
          <circle r={6.5} className={styles.success} />
          <path d="M-3 0.2 L-0.9 2.4 L3.1 -2" className={styles.glyph} />
        </>
      );
    case 'cross':
      return (
        <path d="M-6 -4 L-4 -6 L0 -2 L4 -6 L6 -4 L2 0 L6 4 L4 6 L0 2 L-4 6 L-6 4 L-2 0 Z" className={styles.danger} />
      );
    case 'square':
      return (
        <>
          <rect x={-5.5} y={-5.5} width={11} height={11} rx={1} className={styles.danger} />
          <path d="M-3 0 H3" className={styles.glyph} />
        </>
      );
    case 'triangle':
      return <path d="M0 -7 L6.5 5 L-6.5 5 Z" className={styles.challenge} />;
    case 'ring':
      return <circle r={4.5} className={styles.info} />;
  }
}

/** The dashed ring around an attempt whose other half is missing (radius just outside the shape). */
export function MissingRing(): ReactNode {
  const styles = useStyles();
  return <circle r={9.5} className={styles.missing} />;
}

/** The solid ring around the selected attempt. */
export function SelectedRing(): ReactNode {
  const styles = useStyles();
  return <circle r={12.5} className={styles.selected} />;
}
