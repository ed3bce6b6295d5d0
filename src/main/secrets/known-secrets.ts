import { redactSecrets } from '../../core/redact-secrets';

/*
 * The secret values this process has held, so they can be masked wherever they turn up.
 *
 * redactSecrets recognises secrets by their shape (a JWT, "SSWS …", a "password=" value), and a
 * credential a technician pastes need not have one: an on-premises proxy's token, a secret in a
 * format Entra no longer issues, a private key quoted without its armour. Such a value, quoted by
 * an unexpected error (a buggy keychain backend, an SDK that echoes what it was given), would pass
 * redactSecrets untouched. The keychain adapter records every value it stores or reads here, and
 * the handlers mask these values, as well as every shape, in whatever they throw or answer.
 *
 * Process-wide on purpose: the log is process-wide, and a value once held is a secret for the
 * life of the process wherever it shows up. Values live in memory only, as the secrets
 * themselves already do while in use.
 */

/** Values shorter than this are not masked: they would mask ordinary words ("password" itself). */
const MIN_LENGTH = 8;

/** How a value can appear in a text besides as it is: inside a JSON string, and URL-encoded. */
function formsOf(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
  // A PEM key also leaks line by line (re-wrapped, or cut off in a log line).
  for (const line of value.split(/\r?\n/)) if (line.length >= 40 && !line.startsWith('-----')) forms.add(line);
  return [...forms].filter((form) => form.length >= MIN_LENGTH);
}

/** A set of secret values and the forms they can appear in. */
export class KnownSecrets {
  readonly #forms = new Set<string>();

  /** Remembers a secret value (stored, or read from the keychain). */
  remember(value: string): void {
    for (const form of formsOf(value)) this.#forms.add(form);
  }

  /** Whether a text holds a known secret in any of its forms. */
  occursIn(text: string): boolean {
    for (const form of this.#forms) if (text.includes(form)) return true;
    return false;
  }

  /**
   * Masks every known secret, longest form first (a PEM before one of its lines), and then every
   * secret-shaped substring with redactSecrets.
   */
  mask(text: string): string {
    const forms = [...this.#forms].filter((form) => text.includes(form)).sort((a, b) => b.length - a.length);
    return redactSecrets(text, forms);
  }
}

/** The secrets of this process: the keychain adapter remembers, the handlers mask. */
export const KNOWN_SECRETS = new KnownSecrets();
