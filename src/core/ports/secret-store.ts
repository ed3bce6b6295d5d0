/**
 * What the app knows about the secret store without reading any secret.
 */
export interface SecretStoreProbe {
  readonly state: 'available' | 'unavailable';
  /** The backend in use, e.g. "Secret Service (libsecret)", "macOS Keychain". */
  readonly backend: string;
  /** Why it is unavailable and how to fix it, or what was checked; never a secret. */
  readonly detail: string;
}

/**
 * Where tenant credentials live: the OS keychain, behind a port so the engine and the
 * handlers never depend on a native module.
 *
 * Implementations must never fall back to files or environment variables: when the keychain
 * cannot be reached they fail with a message that says how to fix it.
 */
export interface SecretStore {
  /** Stores or replaces the secret of `account`. */
  set(account: string, secret: string): Promise<void>;
  /** Reads the secret of `account` (main process only; never sent to the renderer). */
  read(account: string): Promise<string | null>;
  /** Deletes the secret of `account`; true when one existed. */
  delete(account: string): Promise<boolean>;
  /** Checks that the store can be reached, without reading any secret. */
  probe(): Promise<SecretStoreProbe>;
}
