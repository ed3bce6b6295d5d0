/**
 * Error codes every IPC call can return, whatever its channel.
 *
 * Errors travel as values because Electron forwards only `error.message` of a thrown error,
 * and because the renderer must be able to tell "you sent bad input" from "this failed".
 */
export type IpcErrorCode =
  | 'invalid-input'
  | 'untrusted-sender'
  | 'unknown-channel'
  | 'invalid-output'
  | 'unavailable'
  | 'not-found'
  | 'cancelled'
  | 'internal';

/** A serializable error: a stable code for logic, a message safe to show a technician. */
export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

/** The outcome of an IPC call: a value, or an error as a value. */
export type Result<T, E = IpcError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Builds a success result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Builds a failure result. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
