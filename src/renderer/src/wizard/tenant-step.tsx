import type { ReactNode } from 'react';
import { Badge, Button, Field, makeStyles, Radio, RadioGroup, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ProfileSummary } from '../../../shared/ipc/profiles';
import type { IpcError } from '../../../shared/result';
import { StepFrame } from './step-frame';

/** The tenants as the container has loaded them. */
export type TenantsView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly profiles: readonly ProfileSummary[] }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** Props of {@link TenantStep}. */
export interface TenantStepProps {
  readonly tenants: TenantsView;
  readonly selectedId: string | null;
  readonly onChoose: (profileId: string) => void;
  readonly onContinue: () => void;
  /** Opens the Tenants page to add or fix a tenant. */
  readonly onManage: () => void;
  readonly onReload: () => void;
}

const useStyles = makeStyles({
  option: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  flush: { margin: 0 },
});

/** Whether a profile's secrets are all stored (the demo tenant needs none). */
function ready(summary: ProfileSummary): boolean {
  return summary.builtIn || (summary.secrets.length > 0 && summary.secrets.every((s) => s.configured));
}

function TenantLabel({ summary }: { readonly summary: ProfileSummary }): ReactNode {
  const styles = useStyles();
  return (
    <span className={styles.option}>
      {summary.profile.name}
      {summary.builtIn && (
        <Badge appearance="tint" color="informative">
          Demo
        </Badge>
      )}
      {!ready(summary) && (
        <Badge appearance="tint" color="warning">
          Secrets missing
        </Badge>
      )}
    </span>
  );
}

/**
 * Step 1: which Okta org and Microsoft tenant to look in. The demo tenant is preselected on
 * first run, so the app can be tried with no credentials.
 */
export function TenantStep(props: TenantStepProps): ReactNode {
  const styles = useStyles();
  const { tenants, selectedId } = props;
  const profiles = tenants.kind === 'loaded' ? tenants.profiles : [];
  const selected = profiles.find((p) => p.profile.id === selectedId) ?? null;
  return (
    <StepFrame
      id="step-tenant"
      title="Which tenant?"
      actions={
        <>
          <Button appearance="primary" disabled={selected === null || !ready(selected)} onClick={props.onContinue}>
            Continue
          </Button>
          <Button appearance="secondary" onClick={props.onManage}>
            Manage tenants
          </Button>
        </>
      }
    >
      {tenants.kind === 'loading' && <Spinner size="small" label="Loading tenants…" />}
      {tenants.kind === 'failed' && (
        <Field validationState="error" validationMessage={tenants.error.message}>
          <Button onClick={props.onReload}>Try again</Button>
        </Field>
      )}
      {tenants.kind === 'loaded' && (
        <Field label="Okta org and Microsoft tenant">
          <RadioGroup
            value={selectedId ?? ''}
            onChange={(_, data) => {
              props.onChoose(data.value);
            }}
          >
            {profiles.map((summary) => (
              <Radio key={summary.profile.id} value={summary.profile.id} label={<TenantLabel summary={summary} />} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {selected !== null && !ready(selected) && (
        <Text as="p" className={styles.flush}>
          This tenant’s secrets are not all stored yet: add them on the Tenants page first.
        </Text>
      )}
    </StepFrame>
  );
}
