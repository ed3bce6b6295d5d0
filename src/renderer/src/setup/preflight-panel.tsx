import type { ReactNode } from 'react';
import {
  Button,
  Card,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircle20Filled,
  DismissCircle20Filled,
  PlugConnected20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { PreflightReport } from '../../../shared/ipc/profiles';
import type { IpcError } from '../../../shared/result';
import { formatVerifiedAt } from './secret-field';

/** Where a profile's connection test stands. */
export type PreflightState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly report: PreflightReport }
  | { readonly kind: 'failed'; readonly error: IpcError };

type CheckStatus = PreflightReport['checks'][number]['status'];

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  // The spinner and the summary take the same room, so the checks below do not jump.
  summary: { minHeight: '44px', display: 'flex', alignItems: 'center' },
  checks: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  check: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'start',
  },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteMarigoldForeground1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // A failure's fix is what the technician came for: set apart and in the body colour, not a hint.
  fix: {
    marginTop: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  fixWarn: {
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  detail: { overflowWrap: 'anywhere' },
});

const STATUS_TEXT: Readonly<Record<CheckStatus, string>> = { pass: 'Passed', fail: 'Failed', warn: 'Warning' };

function StatusIcon({ status }: { readonly status: CheckStatus }): ReactNode {
  const styles = useStyles();
  // The icon carries the status for sighted users; the label gives it to screen readers.
  const props = { role: 'img', 'aria-label': STATUS_TEXT[status] } as const;
  if (status === 'pass') return <CheckmarkCircle20Filled {...props} className={styles.pass} />;
  if (status === 'fail') return <DismissCircle20Filled {...props} className={styles.fail} />;
  return <Warning20Filled {...props} className={styles.warn} />;
}

function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

function Summary({ report }: { readonly report: PreflightReport }): ReactNode {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  const at = `Tested ${formatVerifiedAt(report.at)}.`;
  if (report.ok && failed === 0) {
    return (
      <MessageBar intent={warned === 0 ? 'success' : 'warning'} data-testid="preflight-summary">
        <MessageBarBody>
          <MessageBarTitle>All checks passed</MessageBarTitle>
          {warned === 0 ? at : `${plural(warned, 'warning')} to look at. ${at}`}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" data-testid="preflight-summary">
      <MessageBarBody>
        <MessageBarTitle>
          {failed === 0
            ? 'The connection is not ready'
            : `${String(failed)} of ${plural(report.checks.length, 'check')} failed`}
        </MessageBarTitle>
        Apply each fix below, then test again. {at}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Props of {@link PreflightPanel}. */
export interface PreflightPanelProps {
  readonly state: PreflightState;
  /** Why the test cannot run now (e.g. the profile is not saved yet); null when it can. */
  readonly disabledReason: string | null;
  readonly onRun: () => void;
}

/**
 * The connection test of a saved profile: a button, then each pre-flight check with its
 * status, what was found, and for a failure the exact fix, set apart so it cannot be missed.
 */
export function PreflightPanel({ state, disabledReason, onRun }: PreflightPanelProps): ReactNode {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-labelledby="preflight-title">
      <div className={styles.header}>
        <Text as="h3" id="preflight-title" size={400} weight="semibold" className={styles.flush}>
          Connection test
        </Text>
        <Button
          icon={<PlugConnected20Regular />}
          onClick={onRun}
          disabled={disabledReason !== null || state.kind === 'running'}
        >
          Test connection
        </Button>
      </div>
      <Text as="p" className={styles.flush}>
        {disabledReason ??
          'Checks the saved profile against its Okta org and Microsoft tenant: reachability, credentials and permissions.'}
      </Text>
      <div className={styles.summary} role="status" aria-live="polite">
        {state.kind === 'running' && <Spinner size="small" label="Testing the connection…" />}
        {state.kind === 'done' && <Summary report={state.report} />}
        {state.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Could not run the test</MessageBarTitle>
              {state.error.message}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.kind === 'done' && state.report.checks.length > 0 && (
        <ul className={styles.checks} aria-label="Checks">
          {state.report.checks.map((check) => (
            <li key={check.id} className={styles.check} data-testid="preflight-check" data-status={check.status}>
              <StatusIcon status={check.status} />
              <div className={styles.body}>
                <Text weight="semibold">{check.title}</Text>
                <Text className={styles.detail}>{check.detail}</Text>
                {check.status !== 'pass' && check.fix !== undefined && (
                  <div className={mergeClasses(styles.fix, check.status === 'warn' && styles.fixWarn)}>
                    <Text weight="semibold">Fix: </Text>
                    <Text>{check.fix}</Text>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
