import { useState } from 'react';
import type { ReactNode } from 'react';
import { Badge, Button, Card, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/result';

/** One line of the incident history, as main lists it. */
export type IncidentSummary = ChannelOutput<'incidents:list'>['incidents'][number];

/** The history as the container has loaded it. */
export type IncidentsView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly incidents: readonly IncidentSummary[]; readonly unreadable: number }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** Props of {@link RecentIncidents}. */
export interface RecentIncidentsProps {
  readonly view: IncidentsView;
  /** While screen sharing the list (other callers' names) is not drawn at all. */
  readonly screenShare: boolean;
  readonly onOpen: (id: string) => void;
  /** Starts a new incident from a copy (e.g. the same user calls again about another device). */
  readonly onDuplicate: (id: string) => void;
  readonly onDelete: (id: string) => void;
}

/** The most incidents shown on the first step; the rest stay on disk. */
export const RECENT_INCIDENTS_SHOWN = 10;

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    paddingInline: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    textAlign: 'start',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/**
 * Earlier diagnoses, drafts included, newest first: reopen one to continue where it was left,
 * or delete it (a second click confirms, so one slip loses nothing).
 */
export function RecentIncidents({ view, screenShare, onOpen, onDuplicate, onDelete }: RecentIncidentsProps): ReactNode {
  const styles = useStyles();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <Card className={styles.card} aria-labelledby="recent-incidents-title">
      <Text as="h3" id="recent-incidents-title" size={400} weight="semibold" className={styles.heading}>
        Recent incidents
      </Text>
      {screenShare ? (
        <Text as="p" className={styles.muted}>
          Hidden while screen sharing: it names other callers.
        </Text>
      ) : view.kind === 'loading' ? (
        <Spinner size="tiny" label="Loading incidents…" />
      ) : view.kind === 'failed' ? (
        <Text as="p" role="alert">
          Could not list the incidents: {view.error.message}
        </Text>
      ) : view.incidents.length === 0 ? (
        <Text as="p" className={styles.muted}>
          No incidents yet: each diagnosis is saved here automatically.
        </Text>
      ) : (
        <table className={styles.table} aria-label="Recent incidents">
          <thead>
            <tr>
              {['Last change', 'User', 'Verdict', 'Status'].map((column) => (
                <th key={column} className={styles.cell} scope="col">
                  {column}
                </th>
              ))}
              <th className={styles.cell} scope="col">
                <span className={styles.muted}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.incidents.slice(0, RECENT_INCIDENTS_SHOWN).map((incident) => (
              <tr key={incident.id} data-incident-id={incident.id}>
                <td className={styles.cell}>{new Date(incident.updatedAt).toLocaleString()}</td>
                <td className={styles.cell}>{incident.upn}</td>
                <td className={`${styles.cell} ${styles.code}`}>{incident.code ?? '—'}</td>
                <td className={styles.cell}>
                  <Badge appearance="tint" color={incident.status === 'draft' ? 'warning' : 'success'}>
                    {incident.status === 'draft' ? 'Draft' : 'Closed'}
                  </Badge>
                </td>
                <td className={styles.cell}>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      aria-label={`Open the incident of ${incident.upn}`}
                      onClick={() => {
                        onOpen(incident.id);
                      }}
                    >
                      Open
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`Duplicate the incident of ${incident.upn}`}
                      onClick={() => {
                        onDuplicate(incident.id);
                      }}
                    >
                      Duplicate
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={
                        confirming === incident.id
                          ? `Confirm: delete the incident of ${incident.upn}`
                          : `Delete the incident of ${incident.upn}`
                      }
                      onClick={() => {
                        if (confirming === incident.id) {
                          setConfirming(null);
                          onDelete(incident.id);
                        } else setConfirming(incident.id);
                      }}
                    >
                      {confirming === incident.id ? 'Confirm delete' : 'Delete'}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!screenShare && view.kind === 'loaded' && view.unreadable > 0 && (
        <Text as="p" className={styles.muted}>
          {view.unreadable} incident file(s) could not be read and are not listed.
        </Text>
      )}
    </Card>
  );
}
