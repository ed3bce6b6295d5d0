import type { Result } from '../../shared/result';
import { echoValue } from '../report/sanitize-text';

/*
 * Limits on JSON read from files (evidence bundles, incident files, demo scenarios).
 *
 * JSON.parse itself copes with any nesting, but everything after it that walks a value
 * recursively does not: JSON.stringify of a raw record, the redaction's string walk, zod. A
 * record nested 100,000 arrays deep parses fine and then overflows the stack in the report,
 * far from the file that caused it. So the nesting is measured on the text, before parsing, and
 * a file deeper than any vendor record is refused there with a clear message.
 */

/**
 * The deepest nesting of arrays and objects accepted. Okta System Log events and Entra sign-ins
 * nest about 6 levels, a bundle adds 3; 64 leaves room for any vendor's additions and is far
 * below what recursion in the engine can take.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of `[` and `{` in a JSON text, and where it first goes past `limit`
 * (`at`, a character offset; -1 when it never does). Characters inside strings are skipped,
 * escapes included. Linear, and stops at the first excess, so a hostile file costs one pass.
 */
export function jsonNesting(
  text: string,
  limit: number = MAX_JSON_DEPTH,
): { readonly depth: number; readonly at: number } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > limit) return { depth, at: i };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { depth: deepest, at: -1 };
}

/**
 * Parses JSON text that came from outside the app: refused when nested deeper than
 * {@link MAX_JSON_DEPTH}, or when it is not JSON. The error is one short sentence (V8's own
 * message for a syntax error, which quotes at most a few characters of the text), never a stack.
 */
export function parseJsonText(text: string, maxDepth: number = MAX_JSON_DEPTH): Result<unknown, string> {
  const nesting = jsonNesting(text, maxDepth);
  if (nesting.at !== -1)
    return {
      ok: false,
      error: `nested more than ${String(maxDepth)} levels deep (at character ${String(nesting.at)})`,
    };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error: unknown) {
    return { ok: false, error: `not JSON (${echoValue(error instanceof Error ? error.message : String(error), 200)})` };
  }
}
