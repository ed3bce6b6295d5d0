import type { ReactNode } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimelineEntry } from '../../../core/diagnosis/model';

/** The most rows drawn: a week of a noisy user can hold thousands of attempts. */
export const TIMELINE_TABLE_ROWS = 200;

const useStyles = makeStyles({
  wrap: { maxHeight: '360px', overflow: 'auto' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    paddingInline: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    textAlign: 'start',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  failure: { color: tokens.colorPaletteRedForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  missing: { color: tokens.colorPaletteMarigoldForeground1 },
});

const OUTCOME_LABELS: Readonly<Record<TimelineEntry['outcome'], string>> = {
  success: 'Success',
  failure: 'Failure',
  denied: 'Denied',
  challenge: 'MFA challenge',
  info: 'Info',
};

const COLUMNS = ['When', 'Side', 'Client', 'Outcome', 'What happened'] as const;

/** Props of {@link TimelineTable}. */
export interface TimelineTableProps {
  readonly entries: readonly TimelineEntry[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  /** Whether to show IP addresses (never while screen sharing). */
  readonly showIp: boolean;
}

/**
 * The timeline as a table, newest first: the same attempts as the chart, readable by a screen
 * reader and usable from the keyboard, with the code and the other side's record.
 */
export function TimelineTable({ entries, selectedId, onSelect, showIp }: TimelineTableProps): ReactNode {
  const styles = useStyles();
  const rows = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, TIMELINE_TABLE_ROWS);
  if (entries.length === 0) return <Text as="p">No sign-in attempts in this window on either side.</Text>;
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label="Sign-in attempts table">
      {entries.length > rows.length && (
        <Text as="p">
          The newest {rows.length} of {entries.length} attempts.
        </Text>
      )}
      <table className={styles.table}>
        <thead>
          <tr>
            {[...COLUMNS, ...(showIp ? ['IP address'] : [])].map((column) => (
              <th key={column} className={styles.cell} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => {
            const bad = entry.outcome === 'failure' || entry.outcome === 'denied';
            return (
              <tr key={`${entry.side}:${entry.id}`} className={entry.id === selectedId ? styles.selected : undefined}>
                <td className={styles.cell}>
                  <Button
                    appearance="transparent"
                    size="small"
                    aria-pressed={entry.id === selectedId}
                    onClick={() => {
                      onSelect(entry.id);
                    }}
                  >
                    {new Date(entry.at).toLocaleString()}
                  </Button>
                </td>
                <td className={styles.cell}>{entry.side === 'okta' ? 'Okta' : 'Entra'}</td>
                <td className={styles.cell}>{entry.clientLabel}</td>
                <td
                  className={`${styles.cell} ${bad ? styles.failure : entry.outcome === 'success' ? styles.success : ''}`}
                >
                  {OUTCOME_LABELS[entry.outcome]}
                  {entry.code === undefined ? '' : ` (${entry.code})`}
                </td>
                <td className={styles.cell}>
                  {entry.title}
                  {entry.counterpart === 'missing' && (
                    <span className={styles.missing}> · no matching record on the other side</span>
                  )}
                </td>
                {showIp && <td className={styles.cell}>{entry.ipAddress ?? ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
