/*
 * The subset of OData `$filter` that Microsoft Graph accepts on /users and /auditLogs/signIns,
 * implemented for real so the demo tenant filters the way Graph does. Domain reference §3.1,
 * §3.2 and §3.5.
 *
 * Values in a query are data, never code: a hand-written lexer and recursive-descent parser build
 * a small AST, and evaluation reads only own properties of the record. Nothing evaluates input or
 * builds a regular expression from it.
 *
 * Supported: `eq ne gt ge lt le` and `in (…)` between a property path (`status/errorCode`) and a
 * literal; `and`, `or`, `not`, parentheses; `startswith(path,'x')`; the lambdas `any`/`all`
 * (`signInEventTypes/any(t: t eq 'nonInteractiveUser')`). Literals: single-quoted strings with
 * `''` for a quote (OData v4.01 URL conventions §5.1.1.6.1), numbers, `true`/`false`/`null`, and
 * unquoted DateTimeOffset values such as `2026-03-01T00:00:00Z`, compared as instants.
 *
 * Keywords, operators and function names are matched case-insensitively: Graph accepts
 * `startsWith(…)` and `NOT(…)`, which its own docs and SDK samples use
 * (e.g. `NOT(groupTypes/any(c:c eq 'Unified'))`). Property names are matched exactly first and
 * then case-insensitively, as Entra's directory does (`AccountEnabled eq true` works,
 * microsoftgraph/microsoft-graph-docs issue #3044).
 *
 * Error wording. Graph answers `{"error":{"code":"BadRequest","message":"Invalid filter clause"…}}`
 * for malformed filters (many SDK issues, e.g. microsoftgraph/msgraph-sdk-dotnet #1190) and, when
 * the OData parser says more, appends its text:
 * "Invalid filter clause: Syntax error at position 17 in '…'." (microsoft-graph-explorer-v4 #3227);
 * the lexer's "Syntax error: character '(' is not valid at position 10 in '…'." (0-based,
 * microsoft-graph-docs-contrib #8368). For operators the directory does not support it says
 * "Unsupported property filter clause operator 'Contains'." (microsoft-graph-docs #14451; there
 * with code Request_UnsupportedQuery, here BadRequest like every other rejection of this module).
 * "There is an unterminated string literal…", "Expression expected at position…" and
 * "An unknown function with name '…' was found…" follow the ODataLib parser's messages as
 * recalled, not as seen in a captured Graph response.
 */

/**
 * A `$filter` that Graph would refuse with HTTP 400.
 *
 * The route wraps `code` and `message` in Graph's error body
 * (`{ error: { code, message, innerError: { date, 'request-id', 'client-request-id' } } }`).
 */
export class ODataQueryError extends Error {
  /** The HTTP status Graph answers with. */
  readonly status = 400;
  /** Graph's `error.code`. */
  readonly code = 'BadRequest';
  override readonly name = 'ODataQueryError';
}

/**
 * A comparison operator between a property and a literal.
 *
 * Always lower case in the AST; the filter may write it in any case.
 */
export type ODataCompareOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/**
 * A literal of the supported subset.
 *
 * A DateTimeOffset keeps its text and its instant: milliseconds since the epoch plus the
 * nanoseconds below the millisecond, so Graph's 7-digit fractions compare exactly.
 */
export type ODataLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'dateTimeOffset'; readonly text: string; readonly epochMs: number; readonly nanos: number };

/**
 * A property path: `status/errorCode` is `{ variable: null, segments: ['status', 'errorCode'] }`.
 *
 * Inside a lambda, a path that starts with the lambda variable has `variable` set (`t` in
 * `any(t: t eq 'x')` is `{ variable: 't', segments: [] }`); other paths start at the record.
 */
export interface ODataPath {
  readonly variable: string | null;
  readonly segments: readonly string[];
}

/**
 * A parsed `$filter`.
 *
 * `and`/`or` hold two or more operands in source order. A lambda with no argument (`any()`) has
 * `variable` and `predicate` null and means "the collection is not empty".
 */
export type ODataFilter =
  | {
      readonly kind: 'compare';
      readonly operator: ODataCompareOperator;
      readonly path: ODataPath;
      readonly value: ODataLiteral;
    }
  | { readonly kind: 'in'; readonly path: ODataPath; readonly values: readonly ODataLiteral[] }
  | { readonly kind: 'startsWith'; readonly path: ODataPath; readonly prefix: string }
  | {
      readonly kind: 'any' | 'all';
      readonly collection: ODataPath;
      readonly variable: string | null;
      readonly predicate: ODataFilter | null;
    }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ODataFilter[] }
  | { readonly kind: 'not'; readonly operand: ODataFilter };

/**
 * Longest `$filter` accepted, in UTF-16 code units.
 *
 * Graph documents no limit for the expression itself; the cap bounds the parser's work.
 */
export const ODATA_FILTER_MAX_LENGTH = 4096;

/**
 * Deepest nesting accepted.
 *
 * Parentheses, `not` and lambdas each count one level. Bounds the parser's recursion.
 */
export const ODATA_FILTER_MAX_DEPTH = 32;

const COMPARE_OPERATORS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

// OData operators and functions Graph's directory refuses here, with the .NET-style names its
// "Unsupported property filter clause operator '…'" message uses.
const UNSUPPORTED_OPERATORS: Readonly<Record<string, string>> = {
  has: 'Has',
  add: 'Add',
  sub: 'Subtract',
  mul: 'Multiply',
  div: 'Divide',
  divby: 'Divide',
  mod: 'Modulo',
};
const UNSUPPORTED_FUNCTIONS: Readonly<Record<string, string>> = {
  contains: 'Contains',
  endswith: 'EndsWith',
  substringof: 'SubstringOf',
  substring: 'Substring',
  indexof: 'IndexOf',
  length: 'Length',
  tolower: 'ToLower',
  toupper: 'ToUpper',
  trim: 'Trim',
  concat: 'Concat',
  matchespattern: 'MatchesPattern',
  year: 'Year',
  month: 'Month',
  day: 'Day',
  hour: 'Hour',
  minute: 'Minute',
  second: 'Second',
  fractionalseconds: 'FractionalSeconds',
  date: 'Date',
  time: 'Time',
  now: 'Now',
  round: 'Round',
  floor: 'Floor',
  ceiling: 'Ceiling',
  cast: 'Cast',
  isof: 'IsOf',
};

// All regular expressions are constants; input never becomes a pattern.
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// OData ABNF dateTimeOffsetValue: seconds and fraction optional, offset required.
const DATE_TIME_OFFSET =
  /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,12})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})/y;
const INSTANT_PARTS =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,12}))?)?(Z|([+-])([0-9]{2}):([0-9]{2}))$/i;
const WORD_CHARACTER = /[A-Za-z0-9_.]/;

interface Instant {
  readonly epochMs: number;
  readonly nanos: number;
}

/**
 * Parses an ISO 8601 / OData DateTimeOffset to an instant, or null if it is not one (or names a
 * day that does not exist). Exact to the nanosecond, unlike Date.parse.
 */
function parseInstant(text: string): Instant | null {
  const m = INSTANT_PARTS.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? '0');
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  // setUTCFullYear, not Date.UTC, which would read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (day < 1 || date.getUTCDate() !== day) return null;
  const midnight = date.getTime();
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const fraction = (m[7] ?? '').padEnd(12, '0');
  const epochMs = midnight + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + Number(fraction.slice(0, 3));
  return { epochMs, nanos: Number(fraction.slice(3, 9)) };
}

function compareInstants(a: Instant, b: Instant): number {
  return a.epochMs !== b.epochMs ? a.epochMs - b.epochMs : a.nanos - b.nanos;
}

type Token =
  | {
      readonly kind: 'open' | 'close' | 'comma' | 'colon' | 'slash' | 'end';
      readonly pos: number;
      readonly end: number;
    }
  | { readonly kind: 'identifier'; readonly pos: number; readonly end: number; readonly text: string }
  | { readonly kind: 'literal'; readonly pos: number; readonly end: number; readonly value: ODataLiteral };

type Identifier = Extract<Token, { readonly kind: 'identifier' }>;

const PUNCTUATION: Readonly<Record<string, 'open' | 'close' | 'comma' | 'colon' | 'slash'>> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  ':': 'colon',
  '/': 'slash',
};

function invalid(detail: string): ODataQueryError {
  return new ODataQueryError(`Invalid filter clause: ${detail}`);
}

function matchAt(pattern: RegExp, text: string, pos: number): string | null {
  pattern.lastIndex = pos;
  const m = pattern.exec(text);
  return m === null ? null : m[0];
}

function readString(text: string, start: number): { readonly value: string; readonly end: number } {
  let out = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) {
      throw invalid(`There is an unterminated string literal at position ${text.length} in '${text}'.`);
    }
    const ch = text.charAt(i);
    if (ch === "'") {
      // OData: a quote inside a string literal is written twice.
      if (text.charAt(i + 1) !== "'") return { value: out, end: i + 1 };
      out += "'";
      i += 2;
    } else {
      out += ch;
      i += 1;
    }
  }
}

function tokenize(text: string): readonly Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const punctuation = Object.hasOwn(PUNCTUATION, ch) ? PUNCTUATION[ch] : undefined;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
    } else if (punctuation !== undefined) {
      tokens.push({ kind: punctuation, pos: i, end: i + 1 });
      i += 1;
    } else if (ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'literal', pos: i, end, value: { kind: 'string', value } });
      i = end;
    } else if (/[0-9-]/.test(ch)) {
      tokens.push(readNumberOrDate(text, i));
      i = tokens[tokens.length - 1]?.end ?? text.length;
    } else {
      const identifier = matchAt(IDENTIFIER, text, i);
      if (identifier === null) {
        throw invalid(`Syntax error: character '${ch}' is not valid at position ${i} in '${text}'.`);
      }
      tokens.push({ kind: 'identifier', pos: i, end: i + identifier.length, text: identifier });
      i += identifier.length;
    }
  }
  tokens.push({ kind: 'end', pos: text.length, end: text.length });
  return tokens;
}

function readNumberOrDate(text: string, start: number): Token {
  const dateText = matchAt(DATE_TIME_OFFSET, text, start);
  const numberText = dateText === null ? matchAt(NUMBER, text, start) : null;
  const literalText = dateText ?? numberText;
  if (literalText === null) {
    throw invalid(`Syntax error: character '${text.charAt(start)}' is not valid at position ${start} in '${text}'.`);
  }
  const end = start + literalText.length;
  // "2026-03-01" or "12abc" must not lex as a number followed by something else.
  if (end < text.length && (WORD_CHARACTER.test(text.charAt(end)) || text.charAt(end) === '-')) {
    throw invalid(`Syntax error at position ${end} in '${text}'.`);
  }
  if (dateText !== null) {
    const instant = parseInstant(dateText);
    if (instant === null) throw invalid(`The DateTimeOffset '${dateText}' at position ${start} is not a valid date.`);
    return { kind: 'literal', pos: start, end, value: { kind: 'dateTimeOffset', text: dateText, ...instant } };
  }
  const value = Number(literalText);
  if (!Number.isFinite(value)) throw invalid(`Syntax error at position ${end} in '${text}'.`);
  return { kind: 'literal', pos: start, end, value: { kind: 'number', value } };
}

function isKeyword(token: Token, lowerCaseText: string): boolean {
  return token.kind === 'identifier' && token.text.toLowerCase() === lowerCaseText;
}

class ODataFilterParser {
  private index = 0;
  // Lambda variables in scope, innermost last.
  private readonly variables: string[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): ODataFilter {
    if (this.peek().kind === 'end') throw invalid(`Expression expected at position 0 in '${this.text}'.`);
    const filter = this.parseOr(0);
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.syntaxError(rest);
    return filter;
  }

  private syntaxError(token: Token): ODataQueryError {
    // ODataLib reports the lexer position after the offending token (Graph's "position 17" for a
    // "," at index 16 in explorer issue #3227).
    return invalid(`Syntax error at position ${token.end} in '${this.text}'.`);
  }

  private peek(offset = 0): Token {
    const last = this.tokens.length - 1;
    return (
      this.tokens[Math.min(this.index + offset, last)] ?? { kind: 'end', pos: this.text.length, end: this.text.length }
    );
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private expect(kind: Token['kind']): Token {
    const token = this.next();
    if (token.kind !== kind) throw this.syntaxError(token);
    return token;
  }

  private enter(depth: number, at: Token): number {
    if (depth + 1 > ODATA_FILTER_MAX_DEPTH) {
      throw invalid(`The filter nests deeper than ${ODATA_FILTER_MAX_DEPTH} levels at position ${at.pos}.`);
    }
    return depth + 1;
  }

  // `and` binds tighter than `or`; chains are collected into one n-ary node, so their length costs
  // no recursion depth.
  private parseOr(depth: number): ODataFilter {
    const operands = [this.parseAnd(depth)];
    while (isKeyword(this.peek(), 'or')) {
      this.next();
      operands.push(this.parseAnd(depth));
    }
    return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(depth: number): ODataFilter {
    const operands = [this.parseUnary(depth)];
    while (isKeyword(this.peek(), 'and')) {
      this.next();
      operands.push(this.parseUnary(depth));
    }
    return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind: 'and', operands };
  }

  private parseUnary(depth: number): ODataFilter {
    const token = this.peek();
    if (isKeyword(token, 'not')) {
      this.next();
      const inner = this.enter(depth, token);
      // OData gives `not` a higher precedence than comparisons, so `not a eq 'x'` would negate the
      // property `a`, not the comparison. Graph users write `not(…)`; only a group, a function
      // call, a lambda or another `not` may follow.
      const operandStart = this.peek();
      const operand = this.parseUnary(inner);
      const bare = operand.kind === 'compare' || operand.kind === 'in';
      if (bare && operandStart.kind !== 'open') {
        throw invalid(`'not' at position ${token.pos} must be followed by a parenthesised expression.`);
      }
      return { kind: 'not', operand };
    }
    if (token.kind === 'open') {
      this.next();
      const inner = this.parseOr(this.enter(depth, token));
      this.expect('close');
      return inner;
    }
    return this.parsePredicate(depth);
  }

  private parsePredicate(depth: number): ODataFilter {
    const first = this.next();
    if (first.kind === 'end') throw invalid(`Expression expected at position ${first.pos} in '${this.text}'.`);
    if (first.kind !== 'identifier') {
      if (first.kind === 'literal') {
        throw invalid(
          `A property is expected at position ${first.pos}; write the property on the left of the operator.`,
        );
      }
      throw this.syntaxError(first);
    }
    if (this.peek().kind === 'open') return this.parseFunction(first);
    const { path, lambda } = this.parsePath(first);
    if (lambda !== null) return this.parseLambda(path, lambda, depth);

    const operatorToken = this.next();
    if (operatorToken.kind !== 'identifier') {
      if (operatorToken.kind === 'end' || operatorToken.kind === 'close') {
        throw invalid('The $filter expression must evaluate to a single boolean value.');
      }
      throw this.syntaxError(operatorToken);
    }
    const operator = operatorToken.text.toLowerCase();
    if (operator === 'in') return { kind: 'in', path, values: this.parseLiteralList() };
    if (COMPARE_OPERATORS.includes(operator)) {
      return { kind: 'compare', operator: operator as ODataCompareOperator, path, value: this.parseLiteral() };
    }
    const unsupported = Object.hasOwn(UNSUPPORTED_OPERATORS, operator) ? UNSUPPORTED_OPERATORS[operator] : undefined;
    if (unsupported !== undefined)
      throw new ODataQueryError(`Unsupported property filter clause operator '${unsupported}'.`);
    throw this.syntaxError(operatorToken);
  }

  // A path is identifiers joined by '/'; it may end in `/any(` or `/all(`, which starts a lambda.
  private parsePath(first: Identifier): { readonly path: ODataPath; readonly lambda: Identifier | null } {
    const variable = this.variables.includes(first.text) ? first.text : null;
    const segments: string[] = variable === null ? [first.text] : [];
    while (this.peek().kind === 'slash') {
      this.next();
      const segment = this.next();
      if (segment.kind !== 'identifier') throw this.syntaxError(segment);
      const lower = segment.text.toLowerCase();
      if ((lower === 'any' || lower === 'all') && this.peek().kind === 'open') {
        return { path: { variable, segments }, lambda: segment };
      }
      segments.push(segment.text);
    }
    return { path: { variable, segments }, lambda: null };
  }

  private parseLambda(collection: ODataPath, operatorToken: Identifier, depth: number): ODataFilter {
    const kind = operatorToken.text.toLowerCase() === 'any' ? 'any' : 'all';
    const open = this.expect('open');
    if (this.peek().kind === 'close') {
      this.next();
      // OData allows an argument-less any() ("is not empty") but not all().
      if (kind === 'all') throw this.syntaxError(open);
      return { kind, collection, variable: null, predicate: null };
    }
    const variableToken = this.next();
    if (variableToken.kind !== 'identifier') throw this.syntaxError(variableToken);
    this.expect('colon');
    this.variables.push(variableToken.text);
    const predicate = this.parseOr(this.enter(depth, operatorToken));
    this.variables.pop();
    this.expect('close');
    return { kind, collection, variable: variableToken.text, predicate };
  }

  private parseFunction(name: Identifier): ODataFilter {
    const lower = name.text.toLowerCase();
    if (lower !== 'startswith') {
      const unsupported = Object.hasOwn(UNSUPPORTED_FUNCTIONS, lower) ? UNSUPPORTED_FUNCTIONS[lower] : undefined;
      if (unsupported !== undefined)
        throw new ODataQueryError(`Unsupported property filter clause operator '${unsupported}'.`);
      throw invalid(
        `An unknown function with name '${name.text}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`,
      );
    }
    this.expect('open');
    const argument = this.next();
    if (argument.kind !== 'identifier') {
      throw invalid(`startswith at position ${name.pos} needs a property as its first argument.`);
    }
    const { path, lambda } = this.parsePath(argument);
    if (lambda !== null) throw this.syntaxError(lambda);
    this.expect('comma');
    const prefix = this.parseLiteral();
    if (prefix.kind !== 'string') {
      throw invalid(`startswith at position ${name.pos} needs a string literal as its second argument.`);
    }
    this.expect('close');
    return { kind: 'startsWith', path, prefix: prefix.value };
  }

  private parseLiteral(): ODataLiteral {
    const token = this.next();
    if (token.kind === 'literal') return token.value;
    if (token.kind === 'identifier') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
      if (lower === 'null') return { kind: 'null' };
      throw invalid(`A literal is expected at position ${token.pos}; comparing two properties is not supported.`);
    }
    if (token.kind === 'end') throw invalid(`Expression expected at position ${token.pos} in '${this.text}'.`);
    throw this.syntaxError(token);
  }

  private parseLiteralList(): readonly ODataLiteral[] {
    this.expect('open');
    const values = [this.parseLiteral()];
    while (this.peek().kind === 'comma') {
      this.next();
      values.push(this.parseLiteral());
    }
    this.expect('close');
    return values;
  }
}

/**
 * Parses a Graph `$filter` expression (already percent-decoded).
 *
 * Throws {@link ODataQueryError} (400 BadRequest) with a Graph-like message for malformed input,
 * unsupported functions or operators, more than {@link ODATA_FILTER_MAX_LENGTH} characters, or
 * nesting deeper than {@link ODATA_FILTER_MAX_DEPTH}.
 */
export function parseODataFilter(text: string): ODataFilter {
  if (text.length > ODATA_FILTER_MAX_LENGTH) {
    throw invalid(`The filter is longer than ${ODATA_FILTER_MAX_LENGTH} characters.`);
  }
  return new ODataFilterParser(text, tokenize(text)).parse();
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Exact own property first, then a case-insensitive own match: Entra's directory treats property
// names case-insensitively. Own properties only, so `__proto__` never reaches Object.prototype.
function property(record: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function resolve(path: ODataPath, record: unknown, scope: ReadonlyMap<string, unknown>): unknown {
  let value = path.variable === null ? record : scope.get(path.variable);
  for (const segment of path.segments) {
    if (!isRecord(value)) return undefined;
    value = property(value, segment);
  }
  return value;
}

/**
 * Orders a property value against a literal: negative, zero or positive, or null when they are
 * of different types (which never match).
 *
 * Strings compare case-insensitively. Graph stores UPNs lower-case and the directory compares
 * strings without regard to case, so `userPrincipalName eq 'JDoe@Contoso.com'` finds
 * jdoe@contoso.com; the app must not depend on typing the exact case.
 */
function order(value: unknown, literal: ODataLiteral): number | null {
  switch (literal.kind) {
    case 'string': {
      if (typeof value !== 'string') return null;
      const a = value.toLowerCase();
      const b = literal.value.toLowerCase();
      return a === b ? 0 : a < b ? -1 : 1;
    }
    case 'number':
      return typeof value === 'number' ? value - literal.value : null;
    case 'boolean':
      return typeof value === 'boolean' ? Number(value) - Number(literal.value) : null;
    case 'dateTimeOffset': {
      const instant = typeof value === 'string' ? parseInstant(value) : null;
      return instant === null ? null : compareInstants(instant, literal);
    }
    case 'null':
      return null;
  }
}

function equals(value: unknown, literal: ODataLiteral): boolean {
  if (literal.kind === 'null') return value === null || value === undefined;
  return order(value, literal) === 0;
}

function compare(value: unknown, operator: ODataCompareOperator, literal: ODataLiteral): boolean {
  // OData null semantics: `ne` is the complement of `eq` (null ne 'x' is true); ordering against
  // null or across types is false.
  if (operator === 'eq') return equals(value, literal);
  if (operator === 'ne') return !equals(value, literal);
  const o = order(value, literal);
  if (o === null) return false;
  if (operator === 'gt') return o > 0;
  if (operator === 'ge') return o >= 0;
  if (operator === 'lt') return o < 0;
  return o <= 0;
}

function evaluate(filter: ODataFilter, record: unknown, scope: ReadonlyMap<string, unknown>): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.operands.every((operand) => evaluate(operand, record, scope));
    case 'or':
      return filter.operands.some((operand) => evaluate(operand, record, scope));
    case 'not':
      return !evaluate(filter.operand, record, scope);
    case 'compare':
      return compare(resolve(filter.path, record, scope), filter.operator, filter.value);
    case 'in': {
      const value = resolve(filter.path, record, scope);
      return filter.values.some((literal) => equals(value, literal));
    }
    case 'startsWith': {
      // Case-insensitive like `eq` (Graph: startsWith on userPrincipalName ignores case).
      const value = resolve(filter.path, record, scope);
      return typeof value === 'string' && value.toLowerCase().startsWith(filter.prefix.toLowerCase());
    }
    case 'any':
    case 'all': {
      const collection = resolve(filter.collection, record, scope);
      if (!Array.isArray(collection)) return false;
      const items = collection as readonly unknown[];
      const { variable, predicate } = filter;
      if (variable === null || predicate === null) return items.length > 0;
      const test = (item: unknown): boolean => evaluate(predicate, record, new Map([...scope, [variable, item]]));
      return filter.kind === 'any' ? items.some(test) : items.every(test);
    }
  }
}

/**
 * Whether a Graph object (a user, a sign-in) satisfies a parsed `$filter`.
 *
 * Paths resolve through nested objects (`status/errorCode`); a missing property is null. String
 * comparisons and `startswith` ignore case; DateTimeOffset literals compare as instants against
 * ISO 8601 strings; values of another type than the literal never match (`ne` excepted).
 */
export function matchesODataFilter(filter: ODataFilter, record: unknown): boolean {
  return evaluate(filter, record, new Map());
}

/**
 * Builds an OData string literal for `value`, surrounding single quotes included.
 *
 * A quote inside is doubled (`O'Brien` → `'O''Brien'`, OData v4.01 URL conventions); nothing else
 * needs escaping in the literal, but the whole `$filter` must still be percent-encoded.
 */
export function quoteODataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
