/**
 * Marks a branch the type checker proves unreachable.
 *
 * Ends `switch` statements over discriminated unions so that a new variant fails to compile
 * until every switch handles it; at run time it throws, naming the value that slipped through.
 */
export function assertNever(value: never, context = 'value'): never {
  throw new Error(`Unexpected ${context}: ${JSON.stringify(value)}`);
}
