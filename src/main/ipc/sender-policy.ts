/**
 * The facts about an IPC sender that decide whether it may call a handler.
 *
 * Taken from Electron's `IpcMainInvokeEvent` by the registration module, or built by tests.
 */
export interface SenderInfo {
  readonly webContentsId: number;
  /** True when the message comes from the top frame, not from an iframe. */
  readonly isTopFrame: boolean;
  /** The URL of the sending frame; null when the frame is gone. */
  readonly url: string | null;
}

/**
 * The set of WebContents the app created itself and trusts.
 *
 * The window factory adds each window's WebContents and removes it when destroyed, so a
 * WebContents the app did not create (a devtools page, a future webview) is never trusted.
 */
export class TrustedWebContents {
  readonly #ids = new Set<number>();

  /** Trusts a WebContents by id. */
  add(id: number): void {
    this.#ids.add(id);
  }

  /** Stops trusting a WebContents. */
  remove(id: number): void {
    this.#ids.delete(id);
  }

  /** Whether the id is trusted. */
  has(id: number): boolean {
    return this.#ids.has(id);
  }
}

/**
 * The origin of a URL as `scheme://host[:port]`.
 *
 * WHATWG `URL.origin` is "null" for non-special schemes such as our `app:`, which would make
 * every custom-scheme page share one origin; compare scheme and host ourselves instead.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.host === '') return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** Decides whether a sender may call IPC handlers. */
export type SenderPolicy = (sender: SenderInfo) => boolean;

/**
 * Builds the sender check: a trusted WebContents, its top frame, and a page of the app's own
 * origin. All three, because each alone can be bypassed (an iframe inside a trusted window; a
 * trusted window navigated elsewhere).
 */
export function createSenderPolicy(trusted: TrustedWebContents, allowedOrigins: readonly string[]): SenderPolicy {
  const origins = new Set(allowedOrigins);
  return (sender) => {
    if (!trusted.has(sender.webContentsId) || !sender.isTopFrame || sender.url === null) {
      return false;
    }
    const origin = originOf(sender.url);
    return origin !== null && origins.has(origin);
  };
}
