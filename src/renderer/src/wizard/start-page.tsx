import type { ReactNode } from 'react';
import {
  Button,
  Card,
  CardHeader,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { AppStatus } from '../../../shared/ipc/app-status';
import type { IpcError } from '../../../shared/result';

/** What the start page knows about the app: loading, loaded, or failed to load. */
export type StatusView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly status: AppStatus }
  | { readonly kind: 'failed'; readonly error: IpcError };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // The flex gap spaces the page; browser default margins would double it.
  flush: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  // Reserve the card's height while loading so nothing jumps when the status arrives.
  statusCard: { minHeight: '180px' },
});

/** Props of {@link StartPage}. */
export interface StartPageProps {
  readonly view: StatusView;
  readonly onRecheck: () => void;
  /** The saved preference; `null` while it loads or when it could not be read. */
  readonly startInScreenShare?: boolean | null;
  readonly onStartInScreenShareChange?: (on: boolean) => void;
}

function StatusFacts({ status }: { readonly status: AppStatus }): ReactNode {
  const styles = useStyles();
  const runtime =
    status.runtime.electron !== null ? `Electron ${status.runtime.electron}` : `Node ${status.runtime.node}`;
  return (
    <dl className={styles.facts} aria-label="App status">
      <dt>Version</dt>
      <dd data-testid="app-version">{status.version}</dd>
      <dt>Runtime</dt>
      <dd>{runtime}</dd>
      <dt>Credential store</dt>
      <dd data-testid="keychain-state">
        {status.keychain.state === 'available'
          ? `${status.keychain.backend}: ready`
          : `${status.keychain.backend}: unavailable`}
      </dd>
    </dl>
  );
}

/**
 * The wizard's start page: what the app is for, and whether it is ready to take a call.
 *
 * Presentational: it receives the status and a callback; the container fetches.
 */
export function StartPage({
  view,
  onRecheck,
  startInScreenShare = null,
  onStartInScreenShareChange,
}: StartPageProps): ReactNode {
  const styles = useStyles();
  return (
    <section className={styles.page} aria-labelledby="start-title">
      <Text as="h2" id="start-title" size={600} weight="semibold" className={styles.flush}>
        Why can’t this user sign in?
      </Text>
      <Text as="p" className={styles.flush}>
        Enter the user’s sign-in name and what fails for them; Sign-in Triage gathers the evidence from Okta and
        Microsoft Entra ID and tells you why, with the fix and a walkthrough to read out.
      </Text>
      <Card className={styles.statusCard}>
        <CardHeader header={<Text weight="semibold">Ready to take a call?</Text>} />
        {view.kind === 'loading' && <Spinner size="small" label="Checking the app…" />}
        {view.kind === 'loaded' && <StatusFacts status={view.status} />}
        {view.kind === 'loaded' && view.status.keychain.state === 'unavailable' && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>OS keychain unavailable</MessageBarTitle>
              {view.status.keychain.detail}
            </MessageBarBody>
          </MessageBar>
        )}
        {view.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Could not reach the app</MessageBarTitle>
              {view.error.message}
            </MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="secondary" onClick={onRecheck} disabled={view.kind === 'loading'}>
            Check again
          </Button>
        </div>
        {onStartInScreenShareChange !== undefined && (
          <Checkbox
            label="Start in screen-share mode"
            checked={startInScreenShare === true}
            disabled={startInScreenShare === null}
            onChange={(_, data) => {
              onStartInScreenShareChange(data.checked === true);
            }}
          />
        )}
      </Card>
    </section>
  );
}
