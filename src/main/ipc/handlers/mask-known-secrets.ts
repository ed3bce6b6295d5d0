import { mapJsonStrings } from '../../../core/redaction/map-json-strings';
import type { Json } from '../../../core/redaction/map-json-strings';
import { KNOWN_SECRETS } from '../../secrets/known-secrets';
import type { KnownSecrets } from '../../secrets/known-secrets';
import type { HandlerContext } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';

/*
 * The handlers' last guard against a secret value they hold leaking out: in an error they throw
 * (which the dispatcher logs, or shows the technician when it is an IpcFailure), in an answer, or
 * in an event. The dispatcher masks secret *shapes* in what it logs; only the handlers' side
 * knows the actual values (see known-secrets.ts).
 */

/** A handler of any channel, as the wrapper sees it. */
type AnyHandler = (input: never, ctx: HandlerContext) => Promise<unknown>;

/**
 * A value with known secrets masked. Checked on its JSON first, once: answers are almost always
 * clean, and a diagnosis can be large.
 */
function maskValue(value: unknown, known: KnownSecrets): unknown {
  const json = value === undefined ? undefined : JSON.stringify(value);
  return json !== undefined && known.occursIn(json) ? mapJsonStrings(value as Json, (text) => known.mask(text)) : value;
}

/** The same error with known secrets (and secret shapes) masked in its message; its stack is dropped. */
function maskError(error: unknown, known: KnownSecrets): Error {
  if (error instanceof IpcFailure) return new IpcFailure(error.code, known.mask(error.message));
  if (error instanceof Error) {
    const masked = new Error(known.mask(error.message));
    masked.name = error.name;
    return masked;
  }
  return new Error(known.mask(String(error)));
}

/**
 * Wraps every handler of a map so that what it throws, answers or emits carries no secret value
 * this process holds. Types and channels are kept as they are.
 */
export function withKnownSecretsMasked<M extends Readonly<Record<string, AnyHandler>>>(
  handlers: M,
  known: KnownSecrets = KNOWN_SECRETS,
): M {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    wrapped[channel] = async (input, ctx) => {
      const masked: HandlerContext = {
        emit: (event, payload) => {
          ctx.emit(event, maskValue(payload, known) as typeof payload);
        },
      };
      try {
        return maskValue(await handler(input, masked), known);
      } catch (error: unknown) {
        throw maskError(error, known);
      }
    };
  }
  return wrapped as M;
}
