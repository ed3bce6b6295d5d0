import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ShieldKeyhole24Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  frame: {
    display: 'grid',
    gridTemplateRows: 'auto auto 1fr',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  titleBar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  productName: { margin: 0 },
  // The pages sit after the product name, as in Office apps; the bar keeps its height.
  nav: { marginInlineStart: tokens.spacingHorizontalXL },
  // Window-wide switches sit at the far end of the bar.
  actions: { marginInlineStart: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  main: {
    paddingBlock: tokens.spacingVerticalXXL,
    paddingInline: tokens.spacingHorizontalXXL,
    maxWidth: '960px',
    width: '100%',
    boxSizing: 'border-box',
    justifySelf: 'center',
  },
});

/** Props of {@link AppFrame}. */
export interface AppFrameProps {
  readonly productName: string;
  /** The navigation between pages, shown in the title bar; none when omitted. */
  readonly nav?: ReactNode;
  /** Switches for the whole window (screen-share mode), at the end of the title bar. */
  readonly actions?: ReactNode;
  /** A line under the title bar that must stay in view (the screen-share notice). */
  readonly banner?: ReactNode;
  readonly children: ReactNode;
}

/** The window frame: a title bar with the product name and the pages, and the page below it. */
export function AppFrame({ productName, nav, actions, banner, children }: AppFrameProps): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.frame}>
      <header className={styles.titleBar}>
        <ShieldKeyhole24Regular aria-hidden />
        <Text as="h1" weight="semibold" size={400} className={styles.productName}>
          {productName}
        </Text>
        {nav !== undefined && <div className={styles.nav}>{nav}</div>}
        {actions !== undefined && <div className={styles.actions}>{actions}</div>}
      </header>
      {/* Always present, so the page keeps the grid's last row whether or not a banner shows. */}
      <div>{banner}</div>
      <main className={styles.main} id="main">
        {children}
      </main>
    </div>
  );
}
