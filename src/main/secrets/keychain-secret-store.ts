import type { SecretStore, SecretStoreProbe } from '../../core/ports/secret-store';
import { KNOWN_SECRETS } from './known-secrets';

/** The subset of keytar's API the store uses (keytar and @napi-rs/keyring/keytar both have it). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/** The keychain cannot be used; the message says how to fix it and never holds a secret. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

/** The service name under which every entry of the app is stored in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Sign-in Triage';

/** How long a probe may wait: a locked keyring can hold a call while it prompts the user. */
const PROBE_TIMEOUT_MS = 5_000;

/** Names the keychain backend of a platform, for messages. */
export function keychainBackendName(platform: string): string {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    default:
      return 'Secret Service (libsecret)';
  }
}

/** Says how to make the keychain available on a platform. */
function fixFor(platform: string): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock the login keychain in Keychain Access and allow Sign-in Triage to use it.';
    case 'win32':
      return 'Sign in to Windows with your own account; Credential Manager must be running.';
    default:
      return 'Run inside a desktop session with a Secret Service provider (GNOME Keyring or KWallet) running and unlocked; on a server, start gnome-keyring-daemon in a D-Bus session.';
  }
}

/**
 * Turns a native keychain error into a clear, secret-free one.
 *
 * The native message (e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY") says what broke
 * but not what to do; keep it for the detail and add the fix.
 */
function unavailable(platform: string, cause: unknown): KeychainUnavailableError {
  const native = cause instanceof Error ? cause.message : String(cause);
  return new KeychainUnavailableError(
    `OS keychain unavailable (${keychainBackendName(platform)}): ${native.slice(0, 200)}. ${fixFor(platform)}`,
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`${what} did not answer within ${String(ms / 1000)} s (is it locked and waiting for a password?)`),
      );
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Loads keytar on first use, so a missing native module is a clear error, not a crash at start. */
async function loadKeytar(): Promise<KeytarApi> {
  const mod = (await import('keytar')) as { default?: KeytarApi } & KeytarApi;
  return mod.default ?? mod;
}

/**
 * The OS keychain as a {@link SecretStore}, through keytar.
 *
 * Entries live under one service name, one account per profile and kind of secret. There is
 * deliberately no fallback: if the keychain fails, every call fails with
 * {@link KeychainUnavailableError}.
 */
export class KeychainSecretStore implements SecretStore {
  readonly #service: string;
  readonly #platform: string;
  readonly #load: () => Promise<KeytarApi>;
  #api: Promise<KeytarApi> | undefined;

  constructor(options: { service?: string; platform: string; load?: () => Promise<KeytarApi> }) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#platform = options.platform;
    this.#load = options.load ?? loadKeytar;
  }

  async #call<T>(op: (api: KeytarApi) => Promise<T>): Promise<T> {
    try {
      this.#api ??= this.#load();
      return await op(await this.#api);
    } catch (error: unknown) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw unavailable(this.#platform, error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    if (account.length === 0) throw new Error('A keychain account name is required.');
    if (secret.length === 0) throw new Error('Refusing to store an empty secret.');
    // Remembered first: an error while storing it may be the first place it shows up.
    KNOWN_SECRETS.remember(secret);
    await this.#call((api) => api.setPassword(this.#service, account, secret));
  }

  async read(account: string): Promise<string | null> {
    const secret = await this.#call((api) => api.getPassword(this.#service, account));
    if (secret !== null) KNOWN_SECRETS.remember(secret);
    return secret;
  }

  delete(account: string): Promise<boolean> {
    return this.#call((api) => api.deletePassword(this.#service, account));
  }

  async probe(): Promise<SecretStoreProbe> {
    const backend = keychainBackendName(this.#platform);
    try {
      // Reading a missing entry touches the keychain (and unlocks it if it must) without
      // reading any real secret.
      await this.#call((api) => withTimeout(api.getPassword(this.#service, '__probe__'), PROBE_TIMEOUT_MS, backend));
      return { state: 'available', backend, detail: `${backend} is reachable.` };
    } catch (error: unknown) {
      const detail = error instanceof Error ? error.message : String(error);
      return { state: 'unavailable', backend, detail };
    }
  }
}
