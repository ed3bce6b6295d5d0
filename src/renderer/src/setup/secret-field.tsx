import type { ChangeEvent, ReactNode, Ref } from 'react';
import {
  Badge,
  Field,
  makeStyles,
  renderInput_unstable,
  Text,
  tokens,
  useInput_unstable,
  useInputStyles_unstable,
} from '@fluentui/react-components';
import type { InputProps } from '@fluentui/react-components';
import { useValidationProps } from './field-message';
import type { SecretKind, SecretStatus } from '../../../shared/ipc/profiles';

/** What each secret is called in the form. */
export const SECRET_LABELS: Readonly<Record<SecretKind, string>> = {
  'okta-api-token': 'Okta API token',
  'okta-private-key': 'Okta private key',
  'entra-client-secret': 'Entra client secret',
  'entra-certificate-key': 'Certificate private key',
};

const HINTS: Readonly<Record<SecretKind, string>> = {
  'okta-api-token': 'Created in the Okta Admin Console under Security › API › Tokens.',
  'okta-private-key': 'The private key (PEM or JWK) of the service app’s public key.',
  'entra-client-secret': 'The secret’s value (not its ID), from Certificates & secrets of the app registration.',
  'entra-certificate-key': 'The private key (PEM) of the certificate above.',
};

const useStyles = makeStyles({
  status: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXXS,
  },
});

/** Formats when a secret last worked, in the technician's locale. */
export function formatVerifiedAt(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * Fluent's Input, uncontrolled. Fluent's Input always renders its <input> with a `value`, and
 * React mirrors a controlled value into the `value` attribute, where a typed secret would sit
 * in the DOM for any CSS attribute selector or DOM dump to read. Built from Fluent's own
 * hooks (its documented way to change a component), it looks and behaves the same, but the
 * value lives only in the element's `value` property.
 *
 * Fluent's own change handler also copies every keystroke into the component's state
 * (useControllableState), where the secret outlived the field: a heap snapshot found it held by
 * the unmounted input's fiber after the form was saved, cleared and left
 * (e2e/secret-hygiene.spec.ts). Only the caller's handler runs here, so no state ever holds it.
 */
function UncontrolledInput({
  inputRef,
  ...props
}: Omit<InputProps, 'value' | 'defaultValue'> & { readonly inputRef: Ref<HTMLInputElement> }): ReactNode {
  const controlled = useInput_unstable(props, inputRef);
  const { onChange } = props;
  const input = {
    ...controlled.input,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      onChange?.(event, { value: event.currentTarget.value });
    },
  };
  delete input.value;
  const state = { ...controlled, input };
  useInputStyles_unstable(state);
  return renderInput_unstable(state);
}

/** Props of {@link SecretField}. */
export interface SecretFieldProps {
  readonly kind: SecretKind;
  /** The stored secret's status; undefined for a profile not saved yet. */
  readonly status: SecretStatus | undefined;
  /** Receives the input element: the form reads the value from it on save, and clears it. */
  readonly inputRef: Ref<HTMLInputElement>;
  /** Tells the form whether something is typed, without handing it the value. */
  readonly onEnteredChange: (kind: SecretKind, entered: boolean) => void;
  readonly disabled?: boolean;
}

/**
 * A write-only secret: a password input that is always empty when the form opens, and the
 * stored secret's status ("Set" or "Not set", and when it last worked). The value is never
 * read back from main, so there is nothing to show; the typed one is read from the element
 * on save and never kept in React state.
 */
export function SecretField({ kind, status, inputRef, onEnteredChange, disabled }: SecretFieldProps): ReactNode {
  const styles = useStyles();
  const validationProps = useValidationProps();
  const configured = status?.configured ?? false;
  const verifiedAt = status?.verifiedAt ?? null;
  return (
    <Field
      label={SECRET_LABELS[kind]}
      {...validationProps(undefined)}
      hint={
        <>
          {HINTS[kind]}
          <span className={styles.status}>
            <Text size={200}>Stored:</Text>
            <Badge appearance="tint" color={configured ? 'success' : 'warning'} data-testid={`secret-status-${kind}`}>
              {configured ? 'Set' : 'Not set'}
            </Badge>
            <Text size={200} data-testid={`secret-verified-${kind}`}>
              {!configured
                ? 'Nothing stored yet'
                : verifiedAt === null
                  ? 'Not verified yet'
                  : `Last verified ${formatVerifiedAt(verifiedAt)}`}
            </Text>
          </span>
        </>
      }
    >
      <UncontrolledInput
        inputRef={inputRef}
        type="password"
        name={kind}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled ?? false}
        placeholder={configured ? 'Stored. Type a new value to replace it' : 'Paste the value'}
        onChange={(event) => {
          onEnteredChange(kind, event.currentTarget.value !== '');
        }}
      />
    </Field>
  );
}
