import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular, Save20Regular, Search20Regular } from '@fluentui/react-icons';
import type { Profile, ProfileSummary, SecretKind } from '../../../shared/ipc/profiles';
import type { IpcError, Result } from '../../../shared/result';
import {
  draftFromProfile,
  EMPTY_DRAFT,
  normalizeSecret,
  secretKindsForDraft,
  uniqueProfileId,
  validateDraft,
} from './profile-draft';
import type { DraftField, EntraAuthMode, OktaAuthMode, OtherProfile, ProfileDraft } from './profile-draft';
import { useValidationProps } from './field-message';
import { SECRET_LABELS, SecretField } from './secret-field';

/** A secret that could not be stored, and why. */
export interface SecretFailure {
  readonly kind: SecretKind;
  readonly error: IpcError;
}

/** What saving a profile and its secrets came to. */
export type SaveOutcome =
  | { readonly kind: 'failed'; readonly error: IpcError }
  | {
      readonly kind: 'saved';
      readonly summary: ProfileSummary;
      /** Secrets now in the keychain; their inputs are cleared. */
      readonly stored: readonly SecretKind[];
      /** Secrets that were not stored; their inputs keep the value so the technician can retry. */
      readonly failures: readonly SecretFailure[];
    };

/** Props of {@link ProfileForm}. */
export interface ProfileFormProps {
  /** The saved profile being edited; null for a new one. */
  readonly summary: ProfileSummary | null;
  /** Every other profile, for the uniqueness of names and ids. */
  readonly others: readonly OtherProfile[];
  /** Saves the profile, then stores each typed secret (only secrets of the chosen modes, never blank). */
  readonly onSave: (profile: Profile, secrets: ReadonlyMap<SecretKind, string>) => Promise<SaveOutcome>;
  readonly onDelete: (id: string) => Promise<Result<unknown>>;
  readonly onDiscoverTenant: (domain: string) => Promise<Result<{ readonly tenantId: string }>>;
}

/** One option of a {@link ChoiceField}. */
interface Choice<M extends string> {
  readonly value: M;
  readonly label: string;
}

const OKTA_AUTH_CHOICES: readonly Choice<OktaAuthMode>[] = [
  { value: 'api-token', label: 'API token' },
  { value: 'private-key', label: 'Private key (OAuth service app)' },
];

const ENTRA_AUTH_CHOICES: readonly Choice<EntraAuthMode>[] = [
  { value: 'client-secret', label: 'Client secret' },
  { value: 'certificate', label: 'Certificate' },
];

/** A labelled row of radio buttons; the value it reports is always one of its choices. */
function ChoiceField<M extends string>(props: {
  readonly label: string;
  readonly choices: readonly Choice<M>[];
  readonly value: M;
  readonly disabled: boolean;
  readonly onChange: (value: M) => void;
}): ReactNode {
  const validationProps = useValidationProps();
  return (
    <Field label={props.label} {...validationProps(undefined)}>
      <RadioGroup
        layout="horizontal"
        value={props.value}
        disabled={props.disabled}
        onChange={(_, data) => {
          // Look the value up rather than cast it: the radio group reports a plain string.
          const chosen = props.choices.find((choice) => choice.value === data.value);
          if (chosen !== undefined) props.onChange(chosen.value);
        }}
      >
        {props.choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}

type FormMessage = { readonly intent: 'success' | 'warning' | 'error'; readonly title: string; readonly text: string };

type Discovery =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'found'; readonly domain: string; readonly tenantId: string }
  | { readonly kind: 'failed'; readonly message: string };

/** The fields typed as text; the two authentication modes are radio groups. */
type TextField = Exclude<DraftField, 'oktaAuthMode' | 'entraAuthMode'>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  flush: { margin: 0 },
  tenantRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  grow: { flexGrow: 1, minWidth: 0 },
  pem: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Room for a one-line message, so the page does not jump when one appears or goes.
  status: { minHeight: '52px' },
});

function joinLabels(kinds: readonly SecretKind[]): string {
  return kinds.map((k) => SECRET_LABELS[k]).join(' and ');
}

/**
 * The form of one tenant profile: its Okta org, its Microsoft tenant, and their secrets.
 *
 * Fields are validated with profileSchema as the technician types (errors show once a field
 * was left or the form submitted). Secrets are write-only: typed into password inputs, sent
 * once on save, then cleared; afterwards only their status is shown.
 */
export function ProfileForm({ summary, others, onSave, onDelete, onDiscoverTenant }: ProfileFormProps): ReactNode {
  const styles = useStyles();
  const validationProps = useValidationProps();
  const savedId = summary?.profile.id ?? null;
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    summary === null ? EMPTY_DRAFT : draftFromProfile(summary.profile),
  );
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(() => new Set());
  const [busy, setBusy] = useState<'saving' | 'deleting' | null>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [discovery, setDiscovery] = useState<Discovery>({ kind: 'idle' });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [entered, setEntered] = useState<ReadonlySet<SecretKind>>(() => new Set());
  // The secret inputs themselves: their values are read on save and never held in state.
  const secretInputs = useRef(new Map<SecretKind, HTMLInputElement>());
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  const validation = useMemo(() => validateDraft(draft, { id: savedId, others }), [draft, savedId, others]);
  const errorOf = (field: DraftField): string | undefined =>
    !validation.ok && (submitted || touched.has(field)) ? validation.errors[field] : undefined;
  const secretKinds = secretKindsForDraft(draft);
  const statusOf = (kind: SecretKind) => summary?.secrets.find((s) => s.kind === kind);

  // After a refused submit, take keyboard users to the first field that needs them.
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const update = <F extends DraftField>(field: F, value: ProfileDraft[F]): void => {
    setDraft((d) => ({ ...d, [field]: value }));
    // A "Saved" message would describe values that are no longer on screen.
    setMessage(null);
    if (field === 'entraTenant') setDiscovery({ kind: 'idle' });
  };
  const touch = (field: DraftField) => () => {
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  };
  const textInput = (field: TextField) => ({
    value: draft[field],
    onChange: (_: unknown, data: { readonly value: string }) => {
      update(field, data.value);
    },
    onBlur: touch(field),
  });
  const onEnteredChange = (kind: SecretKind, isEntered: boolean): void => {
    setEntered((prev) => {
      const next = new Set(prev);
      if (isEntered) next.add(kind);
      else next.delete(kind);
      return next;
    });
    setMessage(null);
  };
  const secretRef = (kind: SecretKind) => (el: HTMLInputElement | null) => {
    if (el === null) secretInputs.current.delete(kind);
    else secretInputs.current.set(kind, el);
  };

  const save = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy !== null) return;
    setSubmitted(true);
    if (!validation.ok) {
      const count = Object.keys(validation.errors).length;
      setMessage({
        intent: 'error',
        title: 'Not saved',
        text: `${String(count)} field${count === 1 ? ' needs' : 's need'} attention.`,
      });
      setFocusRequest((n) => n + 1);
      return;
    }
    const secrets = new Map<SecretKind, string>();
    for (const kind of secretKinds) {
      const value = normalizeSecret(secretInputs.current.get(kind)?.value ?? '');
      if (value !== '') secrets.set(kind, value);
    }
    setBusy('saving');
    setMessage(null);
    const outcome = await onSave(validation.profile, secrets);
    setBusy(null);
    if (outcome.kind === 'failed') {
      setMessage({ intent: 'error', title: 'Not saved', text: outcome.error.message });
      return;
    }
    for (const kind of outcome.stored) {
      const input = secretInputs.current.get(kind);
      if (input !== undefined) input.value = '';
    }
    setEntered((prev) => new Set([...prev].filter((k) => !outcome.stored.includes(k))));
    setDraft(draftFromProfile(outcome.summary.profile));
    setSubmitted(false);
    setTouched(new Set());
    const stored = outcome.stored.length === 0 ? '' : ` ${joinLabels(outcome.stored)} stored in the OS keychain.`;
    setMessage(
      outcome.failures.length === 0
        ? { intent: 'success', title: 'Saved', text: `“${outcome.summary.profile.name}” is saved.${stored}` }
        : {
            intent: 'warning',
            title: 'Saved, but not every secret',
            text: outcome.failures.map((f) => `${SECRET_LABELS[f.kind]}: ${f.error.message}`).join(' '),
          },
    );
  };

  const tenant = draft.entraTenant.trim();
  const canDiscover = tenant.includes('.') && !GUID.test(tenant) && discovery.kind !== 'running';
  const discover = async (): Promise<void> => {
    setDiscovery({ kind: 'running' });
    const result = await onDiscoverTenant(tenant);
    if (result.ok) {
      setDraft((d) => ({ ...d, entraTenant: result.value.tenantId }));
      setDiscovery({ kind: 'found', domain: tenant, tenantId: result.value.tenantId });
    } else {
      setDiscovery({ kind: 'failed', message: result.error.message });
    }
  };

  const confirmDelete = async (): Promise<void> => {
    if (savedId === null) return;
    setBusy('deleting');
    const result = await onDelete(savedId);
    setBusy(null);
    setConfirmingDelete(false);
    // On success the page selects another profile and this form goes away.
    if (!result.ok) setMessage({ intent: 'error', title: 'Not deleted', text: result.error.message });
  };

  const idHint =
    savedId !== null
      ? `Profile ID: ${savedId}`
      : draft.name.trim() === ''
        ? 'Shown in the list of tenants; the profile ID is made from it.'
        : `Profile ID: ${uniqueProfileId(draft.name, others) || '(none yet)'}`;
  const tenantError = discovery.kind === 'failed' ? discovery.message : errorOf('entraTenant');
  const tenantHint =
    discovery.kind === 'found'
      ? `${discovery.domain} belongs to tenant ${discovery.tenantId}.`
      : 'The directory (tenant) ID, or a domain of the tenant such as contoso.com.';
  const disabled = busy !== null;

  return (
    <form
      ref={formRef}
      className={styles.form}
      noValidate
      aria-labelledby="profile-form-title"
      onSubmit={(event) => void save(event)}
    >
      <Text as="h3" id="profile-form-title" size={500} weight="semibold" className={styles.flush}>
        {summary === null ? 'New tenant' : `Edit ${summary.profile.name}`}
      </Text>

      <Field label="Profile name" required hint={idHint} {...validationProps(errorOf('name'))}>
        <Input {...textInput('name')} disabled={disabled} autoComplete="off" />
      </Field>

      <section className={styles.section} aria-labelledby="okta-title">
        <Text as="h4" id="okta-title" size={400} weight="semibold" className={styles.flush}>
          Okta
        </Text>
        <Field
          label="Okta org URL"
          required
          hint="The org’s address, e.g. https://contoso.okta.com (not the -admin one)."
          {...validationProps(errorOf('oktaOrgUrl'))}
        >
          <Input {...textInput('oktaOrgUrl')} type="url" disabled={disabled} autoComplete="off" spellCheck={false} />
        </Field>
        <ChoiceField
          label="Okta authentication"
          choices={OKTA_AUTH_CHOICES}
          value={draft.oktaAuthMode}
          disabled={disabled}
          onChange={(mode) => {
            update('oktaAuthMode', mode);
          }}
        />
        {draft.oktaAuthMode === 'private-key' && (
          <>
            <Field
              label="Service app client ID"
              required
              hint="The client ID of the API service app in Okta."
              {...validationProps(errorOf('oktaClientId'))}
            >
              <Input {...textInput('oktaClientId')} disabled={disabled} autoComplete="off" spellCheck={false} />
            </Field>
            <Field
              label="Key ID (kid)"
              hint="Optional: the ID Okta shows for the public key, when the app has several."
              {...validationProps(errorOf('oktaKeyId'))}
            >
              <Input {...textInput('oktaKeyId')} disabled={disabled} autoComplete="off" spellCheck={false} />
            </Field>
          </>
        )}
        {secretKinds
          .filter((kind) => kind.startsWith('okta-'))
          .map((kind) => (
            <SecretField
              key={kind}
              kind={kind}
              status={statusOf(kind)}
              inputRef={secretRef(kind)}
              onEnteredChange={onEnteredChange}
              disabled={disabled}
            />
          ))}
      </section>

      <section className={styles.section} aria-labelledby="entra-title">
        <Text as="h4" id="entra-title" size={400} weight="semibold" className={styles.flush}>
          Microsoft Entra ID
        </Text>
        <Field label="Entra tenant" required hint={tenantHint} {...validationProps(tenantError)}>
          <div className={styles.tenantRow}>
            <Input
              {...textInput('entraTenant')}
              className={styles.grow}
              disabled={disabled}
              autoComplete="off"
              spellCheck={false}
            />
            <Button
              type="button"
              icon={discovery.kind === 'running' ? <Spinner size="extra-tiny" /> : <Search20Regular />}
              disabled={disabled || !canDiscover}
              onClick={() => void discover()}
            >
              Find tenant ID
            </Button>
          </div>
        </Field>
        <Field
          label="Application (client) ID"
          required
          hint="From the Overview of the app registration in Entra ID."
          {...validationProps(errorOf('entraClientId'))}
        >
          <Input {...textInput('entraClientId')} disabled={disabled} autoComplete="off" spellCheck={false} />
        </Field>
        <ChoiceField
          label="Entra authentication"
          choices={ENTRA_AUTH_CHOICES}
          value={draft.entraAuthMode}
          disabled={disabled}
          onChange={(mode) => {
            update('entraAuthMode', mode);
          }}
        />
        {draft.entraAuthMode === 'certificate' && (
          <Field
            label="Certificate (PEM)"
            required
            hint="The public certificate uploaded to the app registration, from -----BEGIN CERTIFICATE-----."
            {...validationProps(errorOf('entraCertificatePem'))}
          >
            <Textarea
              {...textInput('entraCertificatePem')}
              textarea={{ className: styles.pem }}
              rows={6}
              resize="vertical"
              disabled={disabled}
              spellCheck={false}
            />
          </Field>
        )}
        {secretKinds
          .filter((kind) => kind.startsWith('entra-'))
          .map((kind) => (
            <SecretField
              key={kind}
              kind={kind}
              status={statusOf(kind)}
              inputRef={secretRef(kind)}
              onEnteredChange={onEnteredChange}
              disabled={disabled}
            />
          ))}
      </section>

      <Field
        label="Office 365 app instance ID"
        hint="Optional: which Office 365 app in Okta to use when the org has more than one."
        {...validationProps(errorOf('office365AppId'))}
      >
        <Input {...textInput('office365AppId')} disabled={disabled} autoComplete="off" spellCheck={false} />
      </Field>

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={busy === 'saving' ? <Spinner size="extra-tiny" /> : <Save20Regular />}
          disabled={disabled}
        >
          Save
        </Button>
        {savedId !== null && (
          <Button
            type="button"
            icon={<Delete20Regular />}
            disabled={disabled}
            onClick={() => {
              setConfirmingDelete(true);
            }}
          >
            Delete…
          </Button>
        )}
      </div>
      <div className={styles.status} role="status" aria-live="polite" data-testid="profile-form-status">
        {message === null && entered.size > 0 && (
          <Text size={200}>{joinLabels(secretKinds.filter((k) => entered.has(k)))}: stored when you save.</Text>
        )}
        {message !== null && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      <Dialog
        open={confirmingDelete}
        onOpenChange={(_, data) => {
          if (busy === null) setConfirmingDelete(data.open);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Delete {summary?.profile.name ?? 'this profile'}?</DialogTitle>
            <DialogContent>
              The profile and its secrets are removed from this computer, and its OS keychain entries with them. This
              cannot be undone.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={disabled} onClick={() => void confirmDelete()}>
                Delete
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary" disabled={disabled}>
                  Cancel
                </Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}
