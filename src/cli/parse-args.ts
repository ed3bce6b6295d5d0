import { echoValue } from '../core/report/sanitize-text';

/** A command line split into positional arguments and flags. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  /** Each flag given, with its value (`true` for a flag that takes none). A repeated flag keeps its last value. */
  readonly flags: ReadonlyMap<string, string | true>;
}

/**
 * Splits a command's arguments by the flags it knows: those that take a value and those that
 * do not. Returns a message for an unknown option or a value flag without its value, so each
 * command can print it with its own usage.
 */
export function parseArgs(
  args: readonly string[],
  valueFlags: ReadonlySet<string>,
  booleanFlags: ReadonlySet<string>,
): ParsedArgs | string {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (valueFlags.has(arg)) {
      const value = args[i + 1];
      if (value === undefined) return `${arg} needs a value.`;
      if (value.startsWith('--') && (valueFlags.has(value) || booleanFlags.has(value)))
        return `${arg} needs a value; ${value} is an option.`;
      flags.set(arg, value);
      i++;
    } else if (booleanFlags.has(arg)) flags.set(arg, true);
    else if (arg.startsWith('--')) return `Unknown option ${echoValue(arg)}.`;
    else positional.push(arg);
  }
  return { positional, flags };
}
