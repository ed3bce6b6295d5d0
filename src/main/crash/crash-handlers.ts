import { KNOWN_SECRETS } from '../secrets/known-secrets';
import type { KnownSecrets } from '../secrets/known-secrets';

/** What the handlers listen on: `process`, or an emitter standing in for it in tests. */
export interface CrashSource {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/** Options of {@link installCrashHandlers}. */
export interface CrashHandlerOptions {
  /** Where the one-line report goes: the main log, or the CLI's stderr. */
  readonly log: (line: string) => void;
  /** Called after an uncaught exception is logged: the process state is unknown, so it should end. */
  readonly onFatal: () => void;
  /** The secrets to mask; the process-wide set by default. */
  readonly secrets?: KnownSecrets;
}

/** The stack frames kept: enough to find the bug, short enough for one log entry. */
const MAX_STACK_LINES = 8;

/**
 * Describes a crash for the log: the message and the first stack frames, with every known secret
 * and every secret-shaped string masked. Node's default report and Electron's crash dialog print
 * `error.message` and the stack as they are, and an SDK error can quote a request, a token or a
 * stored secret.
 */
export function describeCrash(
  kind: 'uncaught exception' | 'unhandled rejection',
  error: unknown,
  secrets: KnownSecrets = KNOWN_SECRETS,
): string {
  const text =
    error instanceof Error
      ? (error.stack ?? `${error.name}: ${error.message}`)
          .split('\n')
          .slice(0, MAX_STACK_LINES + 1)
          .join('\n')
      : String(error);
  return `[crash] ${kind}: ${secrets.mask(text)}`;
}

/**
 * Replaces the default crash reporting of a process (Electron main or the CLI) with a masked one.
 *
 * An unhandled rejection is logged and the process goes on: it is one failed operation, whose
 * caller already answered or timed out. An uncaught exception is logged, then `onFatal` ends the
 * process, as Node would, because the state it left is unknown.
 */
export function installCrashHandlers(source: CrashSource, options: CrashHandlerOptions): void {
  const secrets = options.secrets ?? KNOWN_SECRETS;
  source.on('unhandledRejection', (reason) => {
    options.log(describeCrash('unhandled rejection', reason, secrets));
  });
  source.on('uncaughtException', (error) => {
    options.log(describeCrash('uncaught exception', error, secrets));
    options.onFatal();
  });
}
