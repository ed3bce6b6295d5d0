import type { ReactNode } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import type { ConsoleLinks } from './wizard-machine';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  query: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  flush: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Props of {@link ConsoleLinksPanel}. */
export interface ConsoleLinksPanelProps {
  readonly links: ConsoleLinks;
  /** Opens a link in the system browser (main checks it against the consoles' hosts). */
  readonly onOpen: (url: string) => void;
}

/**
 * The same queries the app ran, ready for the vendors' consoles: a technician (or the identity
 * team on an escalation) can check the verdict where they already work. Each query is shown
 * as text too, because the Entra portal takes no filter in its address and a custom Okta
 * domain has no derivable admin address.
 */
export function ConsoleLinksPanel({ links, onOpen }: ConsoleLinksPanelProps): ReactNode {
  const styles = useStyles();
  const { okta, entra, graphExplorer } = links;
  return (
    <div className={styles.grid}>
      <div className={styles.item}>
        <Text weight="semibold">Okta System Log</Text>
        {okta.url === null ? (
          <Text as="p" className={styles.muted}>
            {okta.reason ?? 'No admin console address for this org.'}
          </Text>
        ) : (
          <div>
            <Button
              icon={<Open16Regular />}
              onClick={() => {
                if (okta.url !== null) onOpen(okta.url);
              }}
            >
              Open in the Okta System Log
            </Button>
          </div>
        )}
        <Text as="p" size={200} className={styles.flush}>
          Search, from {new Date(okta.since).toLocaleString()} to {new Date(okta.until).toLocaleString()}:
        </Text>
        <pre className={styles.query} data-testid="okta-query">
          {okta.query}
        </pre>
      </div>
      <div className={styles.item}>
        <Text weight="semibold">Entra sign-in logs</Text>
        <div>
          <Button
            icon={<Open16Regular />}
            onClick={() => {
              onOpen(entra.url);
            }}
          >
            Open the Entra sign-in logs
          </Button>
        </div>
        <Text as="p" size={200} className={styles.flush}>
          {entra.instruction}
        </Text>
        <pre className={styles.query} data-testid="entra-filter">
          {entra.filter}
        </pre>
      </div>
      <div className={styles.item}>
        <Text weight="semibold">Graph Explorer</Text>
        <div>
          <Button
            icon={<Open16Regular />}
            onClick={() => {
              onOpen(graphExplorer.url);
            }}
          >
            Run the same query in Graph Explorer
          </Button>
        </div>
        <pre className={styles.query} data-testid="graph-request">
          {graphExplorer.request}
        </pre>
      </div>
    </div>
  );
}
