import type { z } from 'zod';
import type { ChannelSpec, EventPayload, IpcChannel, IpcContract } from '../../shared/ipc/contract';
import { EVENT_CONTRACT } from '../../shared/ipc/contract';
import type { EventChannel } from '../../shared/ipc/channels';
import { IPC_CONTRACT } from '../../shared/ipc/contract';
import type { IpcError, Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { redactSecrets } from '../../core/redact-secrets';
import { escapeInvisible } from '../../core/report/sanitize-text';
import { IpcFailure } from './ipc-failure';
import { originOf } from './sender-policy';
import type { SenderInfo, SenderPolicy } from './sender-policy';

/** What a handler may do besides answering: push events to the window that called it. */
export interface HandlerContext {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
}

/** A handler: a plain function of validated input, callable in Node without Electron. */
export type Handler<C extends IpcChannel> = (
  input: z.output<IpcContract[C]['input']>,
  ctx: HandlerContext,
) => Promise<z.input<IpcContract[C]['output']>>;

/** A context for calling a handler directly (the CLI, tests): events go nowhere. */
export const NO_EVENTS: HandlerContext = { emit: () => undefined };

/** Delivers an event to the calling window (Electron: `webContents.send`; e2e: the page). */
export type EventSink = (channel: EventChannel, payload: unknown) => void;

/** One handler per channel of the contract; the compiler rejects a missing one. */
export type HandlerMap = { readonly [C in IpcChannel]: Handler<C> };

/** Dispatches one IPC call: sender check, input validation, handler, output validation. */
export interface IpcDispatcher {
  dispatch(channel: string, sender: SenderInfo, rawInput: unknown, events?: EventSink): Promise<Result<unknown>>;
}

/** Receives unexpected handler errors, already redacted, for the main-process log. */
export type ErrorSink = (channel: string, message: string) => void;

/** Why a call was refused before any handler ran. */
export type RefusalCode = 'unknown-channel' | 'untrusted-sender' | 'invalid-input';

/**
 * One refused IPC call, for the main-process log. It says which channel, why, and who asked
 * (WebContents id, frame, origin) but never the input or the sender's full URL: both are the
 * caller's to choose, and may hold anything.
 */
export interface Refusal {
  readonly channel: string;
  readonly code: RefusalCode;
  readonly detail: string;
}

/** Receives every refused call. */
export type RefusalSink = (refusal: Refusal) => void;

/** Options of {@link createIpcDispatcher}. */
export interface DispatcherOptions {
  readonly handlers: HandlerMap;
  readonly isTrustedSender: SenderPolicy;
  readonly onError?: ErrorSink;
  readonly onRefused?: RefusalSink;
}

/** The longest channel name quoted in a refusal: an unknown one is the caller's string. */
const MAX_LOGGED_CHANNEL = 64;

/** A caller-chosen channel name, quoted and escaped so it cannot forge log lines. */
function quoteChannel(channel: string): string {
  const cut = channel.length > MAX_LOGGED_CHANNEL ? `${channel.slice(0, MAX_LOGGED_CHANNEL)}…` : channel;
  // JSON escapes C0 controls and quotes; escapeInvisible the rest (C1, bidi, zero-width, line separators).
  return escapeInvisible(JSON.stringify(cut));
}

/** Who sent a call, in terms safe to log: no path, query or fragment of the frame's URL. */
function describeSender(sender: SenderInfo): string {
  const origin = sender.url === null ? 'no frame' : (originOf(sender.url) ?? 'no origin');
  return `WebContents ${String(sender.webContentsId)}, ${sender.isTopFrame ? 'top frame' : 'subframe'}, ${origin}`;
}

const isChannel = (channel: string): channel is IpcChannel => Object.hasOwn(IPC_CONTRACT, channel);

/** Formats zod issues by path and message only: the received values may be secrets. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Builds the dispatcher every IPC call goes through.
 *
 * It is the only place that decides trust and validity, so a handler can assume its input is
 * well-formed and its caller is the app's own page. Outputs are parsed too: a handler cannot
 * leak a field (a token, say) that the contract does not declare.
 */
export function createIpcDispatcher(options: DispatcherOptions): IpcDispatcher {
  const { handlers, isTrustedSender } = options;
  const onError: ErrorSink = options.onError ?? (() => undefined);
  const onRefused: RefusalSink = options.onRefused ?? (() => undefined);

  /** Events are checked against their schema like outputs are: nothing undeclared leaves main. */
  const contextFor = (channel: IpcChannel, events: EventSink | undefined): HandlerContext => ({
    emit: (event, payload) => {
      const checked = EVENT_CONTRACT[event].safeParse(payload);
      if (!checked.success) {
        onError(channel, `event ${event} failed the contract: ${describeIssues(checked.error.issues)}`);
        return;
      }
      events?.(event, checked.data);
    },
  });

  const run = async (
    channel: IpcChannel,
    rawInput: unknown,
    events: EventSink | undefined,
  ): Promise<Result<unknown>> => {
    const spec: ChannelSpec = IPC_CONTRACT[channel];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) {
      const issues = describeIssues(input.error.issues);
      onRefused({ channel, code: 'invalid-input', detail: issues });
      return err({ code: 'invalid-input', message: `Invalid input for ${channel}: ${issues}` });
    }
    // The contract and the handler map are keyed alike, so the handler of `channel` accepts
    // exactly what `spec.input` produced; the compiler cannot follow the correlation.
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const value = await handler(input.data, contextFor(channel, events));
    const output = spec.output.safeParse(value);
    if (!output.success) {
      onError(channel, `output failed the contract: ${describeIssues(output.error.issues)}`);
      return err({ code: 'invalid-output', message: `The app produced an invalid answer for ${channel}.` });
    }
    return ok(output.data);
  };

  return {
    async dispatch(channel, sender, rawInput, events) {
      if (!isChannel(channel)) {
        onRefused({ channel: quoteChannel(channel), code: 'unknown-channel', detail: describeSender(sender) });
        return err({ code: 'unknown-channel', message: `Unknown channel.` });
      }
      if (!isTrustedSender(sender)) {
        onRefused({ channel, code: 'untrusted-sender', detail: describeSender(sender) });
        return err({
          code: 'untrusted-sender',
          message: `Refused: the request did not come from the app's own window.`,
        });
      }
      try {
        return await run(channel, rawInput, events);
      } catch (error: unknown) {
        if (error instanceof IpcFailure) {
          return err<IpcError>({ code: error.code, message: redactSecrets(error.message) });
        }
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        onError(channel, redactSecrets(message));
        return err({ code: 'internal', message: `Something went wrong in ${channel}; details are in the app log.` });
      }
    },
  };
}
