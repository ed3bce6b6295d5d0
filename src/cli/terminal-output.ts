import { escapeInvisible } from '../core/report/sanitize-text';
import type { CliIo } from './run-cli';

/*
 * What the CLI writes to a terminal. Its output carries data from logs (user agents, display
 * names, failure reasons) and from the command line itself (echoed in errors); an escape
 * sequence in any of it could clear the screen, rewrite an earlier line or hide text, and a
 * right-to-left override could make a line read backwards. Every write goes through here.
 */

/** The longest line written to stderr: an error quoting a 1 MB argument is cut here at the latest. */
export const MAX_STDERR_LINE = 2_000;

function clipLine(line: string): string {
  return line.length > MAX_STDERR_LINE
    ? `${line.slice(0, MAX_STDERR_LINE)}… (${String(line.length - MAX_STDERR_LINE)} more characters)`
    : line;
}

/**
 * Wraps the CLI's output so control, bidi and invisible characters are written as visible
 * `\uXXXX` escapes (line feeds and tabs stay). On stdout that keeps JSON the same JSON (such
 * characters can only be inside its strings, where the escape means the same character); on
 * stderr each line is also clipped to {@link MAX_STDERR_LINE} characters, a backstop behind the
 * clipping every message does of the values it quotes.
 */
export function terminalSafe(io: CliIo): CliIo {
  return {
    out: (text) => {
      io.out(escapeInvisible(text, true));
    },
    err: (text) => {
      io.err(escapeInvisible(text, true).split('\n').map(clipLine).join('\n'));
    },
  };
}
