import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Card, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { EXPORT_REDACTION_LEVELS, REPORT_FORMATS } from '../../../core/report/report-types';
import type { ExportRedactionLevel, ReportFormat } from '../../../core/report/report-types';

/** What the last export did, as the container reports it. */
export type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exporting' }
  | { readonly kind: 'saved'; readonly path: string; readonly bytes: number; readonly masked: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  pdf: 'PDF',
  html: 'HTML (one file, no scripts)',
  md: 'Markdown',
  json: 'JSON (diagnosis and evidence)',
  ticket: 'Ticket text (ServiceNow, Jira)',
};

const LEVEL_LABELS: Readonly<Record<ExportRedactionLevel, string>> = {
  none: 'None: everything but secrets',
  internal: 'Internal: for your identity team',
  external: 'External: hides other users, IP addresses, device and tenant ids',
};

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  status: { margin: 0, overflowWrap: 'anywhere', minHeight: '1.5em' },
});

/** Props of {@link ExportPanel}. */
export interface ExportPanelProps {
  readonly state: ExportState;
  /** The redaction preselected: external while screen sharing, internal otherwise. */
  readonly defaultLevel: ExportRedactionLevel;
  readonly onExport: (format: ReportFormat, level: ExportRedactionLevel) => void;
}

/** The words for a finished export. */
function statusText(state: ExportState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'exporting':
      return 'Exporting…';
    case 'saved':
      return `Saved to ${state.path} (${String(Math.max(1, Math.round(state.bytes / 1024)))} KB). ${state.masked}`;
    case 'cancelled':
      return 'Export cancelled: nothing was written.';
    case 'failed':
      return `Not exported: ${state.message}`;
  }
}

/**
 * Step 6's export: the incident report in the format the ticket or the escalation needs,
 * redacted as chosen. Main renders and writes it; the save dialog is main's too.
 */
export function ExportPanel({ state, defaultLevel, onExport }: ExportPanelProps): ReactNode {
  const styles = useStyles();
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [level, setLevel] = useState<ExportRedactionLevel>(defaultLevel);
  return (
    <Card className={styles.card} aria-labelledby="export-title">
      <Text as="h4" id="export-title" size={400} weight="semibold" className={styles.heading}>
        Export the incident report
      </Text>
      <Field label="Format">
        <RadioGroup
          layout="horizontal"
          value={format}
          onChange={(_, data) => {
            const chosen = REPORT_FORMATS.find((f) => f === data.value);
            if (chosen !== undefined) setFormat(chosen);
          }}
        >
          {REPORT_FORMATS.map((f) => (
            <Radio key={f} value={f} label={FORMAT_LABELS[f]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Redaction">
        <RadioGroup
          value={level}
          onChange={(_, data) => {
            const chosen = EXPORT_REDACTION_LEVELS.find((l) => l === data.value);
            if (chosen !== undefined) setLevel(chosen);
          }}
        >
          {EXPORT_REDACTION_LEVELS.map((l) => (
            <Radio key={l} value={l} label={LEVEL_LABELS[l]} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button
          appearance="primary"
          disabled={state.kind === 'exporting'}
          onClick={() => {
            onExport(format, level);
          }}
        >
          Export…
        </Button>
      </div>
      <Text as="p" className={styles.status} aria-live="polite" data-testid="export-state">
        {statusText(state)}
      </Text>
    </Card>
  );
}
