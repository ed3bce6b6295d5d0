import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { EvidenceItem } from '../../../core/diagnosis/model';
import { EVIDENCE_KIND_LABELS } from './wizard-labels';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  fact: { margin: 0, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
  raw: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    maxHeight: '320px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre',
    marginBlock: tokens.spacingVerticalS,
  },
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The one line a technician reads for an item: its note, else the field and value. */
export function evidenceHeadline(item: EvidenceItem): string {
  if (item.note !== undefined) return item.note;
  if (item.field !== undefined) return `${item.field}: ${item.value ?? '(empty)'}`;
  return EVIDENCE_KIND_LABELS[item.source];
}

/** Props of {@link EvidenceList}. */
export interface EvidenceListProps {
  readonly items: readonly EvidenceItem[];
  /** The open item (an Okta uuid, a sign-in id, an object id), e.g. chosen on the timeline. */
  readonly selectedId: string | null;
  readonly onSelect: (id: string | null) => void;
  /** Raw records by evidence id; `null` while screen sharing, when raw JSON is never drawn. */
  readonly records: ReadonlyMap<string, string> | null;
}

/**
 * The evidence behind a finding, each item expandable to its facts and the raw record as the
 * vendor's API returned it. Selecting an item elsewhere (the timeline) opens it here and brings
 * it into view.
 */
export function EvidenceList({ items, selectedId, onSelect, records }: EvidenceListProps): ReactNode {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selectedId === null) return;
    const open = list.current?.querySelector(`[data-evidence-id="${CSS.escape(selectedId)}"]`);
    open?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (items.length === 0) return <Text>No record points at this finding.</Text>;
  return (
    <div ref={list}>
      <Accordion
        collapsible
        openItems={selectedId === null ? [] : [selectedId]}
        onToggle={(_, data) => {
          onSelect(data.openItems.length === 0 || data.value === selectedId ? null : String(data.value));
        }}
      >
        {items.map((item, index) => {
          const raw = records?.get(item.id);
          return (
            <AccordionItem
              key={`${String(index)}:${item.id}`}
              value={item.id}
              data-evidence-id={item.id}
              data-evidence-source={item.source}
            >
              <AccordionHeader>
                <span className={styles.header}>
                  <span>{evidenceHeadline(item)}</span>
                  <Text size={200} className={styles.muted}>
                    {EVIDENCE_KIND_LABELS[item.source]}
                    {item.at === undefined ? '' : ` · ${new Date(item.at).toLocaleString()}`}
                  </Text>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <dl className={styles.facts}>
                  <dt>Record</dt>
                  <dd className={`${styles.fact} ${styles.code}`}>{item.id}</dd>
                  {item.field !== undefined && (
                    <>
                      <dt>Field</dt>
                      <dd className={`${styles.fact} ${styles.code}`}>{item.field}</dd>
                    </>
                  )}
                  {item.value !== undefined && (
                    <>
                      <dt>Value</dt>
                      <dd className={`${styles.fact} ${styles.code}`}>{item.value}</dd>
                    </>
                  )}
                  {item.at !== undefined && (
                    <>
                      <dt>When</dt>
                      <dd className={styles.fact}>{new Date(item.at).toLocaleString()}</dd>
                    </>
                  )}
                </dl>
                {records === null ? (
                  <Text as="p" className={styles.muted}>
                    Raw record hidden while screen sharing.
                  </Text>
                ) : raw === undefined ? (
                  item.source === 'subject' ? null : (
                    <Text as="p" className={styles.muted}>
                      No raw record was collected for this item.
                    </Text>
                  )
                ) : (
                  <pre className={styles.raw} tabIndex={0} aria-label={`Raw record ${item.id}`} data-raw-record>
                    {raw}
                  </pre>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}
