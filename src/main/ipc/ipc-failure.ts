import type { IpcErrorCode } from '../../shared/result';

/**
 * An error a handler throws on purpose, whose message is safe to show the technician.
 *
 * Any other error becomes a generic "internal" result, so an SDK error that happens to quote
 * a header or a body never reaches the renderer verbatim.
 */
export class IpcFailure extends Error {
  override readonly name = 'IpcFailure';

  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}
