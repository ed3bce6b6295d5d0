import type { CancelSignal } from '../../core/collection/ports';
import { SourceError } from '../../core/collection/ports';

/**
 * Ends a call when its signal aborts, even if the SDK beneath cannot be cancelled (the Okta SDK
 * takes no AbortSignal): the step finishes at once, and the request itself is bounded by the
 * client's own request timeout.
 */
export function abortable<T>(promise: Promise<T>, signal: CancelSignal, what: string): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled(signal, what));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(cancelled(signal, what));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The error of a call that was cancelled (or timed out) before or while it ran. */
export function cancelled(signal: CancelSignal, what: string): SourceError {
  const reason = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return new SourceError(timedOut ? `${what} did not answer in time.` : `${what} was cancelled.`);
}
