/*
 * The two query languages of Okta's GET /api/v1/logs, implemented for real so the demo tenant
 * filters System Log events the way Okta does: `filter` (a SCIM-style expression) and `q`
 * (keyword search). Domain reference §1.5.
 *
 * Values in a query are data, never code: the parser is a hand-written tokenizer plus a
 * recursive-descent parser over a small AST. Nothing here evaluates input, builds a regular
 * expression from input, or reads an inherited property of a record.
 *
 * What Okta documents, and where (okta/okta-developer-docs at 468de9c, 2026-08-21):
 * - docs/reference/core-okta-api/index.md "Filter"/"Operators": attribute names are
 *   case-sensitive, operators case-insensitive; literals are JSON strings, numbers and booleans;
 *   "String literals must be valid JSON strings"; precedence is attribute operator, then
 *   parentheses, then `and`, then `or`; `pr` "matches if the attribute has a non-empty value or
 *   if it contains a non-empty node for complex attributes"; `ew` and `co` are System-Log-only.
 * - docs/reference/api/system-log/index.md (before commit 982a3bc1): `filter` accepts "All
 *   [RFC 7644 §3.4.2.2] operators except `[ ]`"; `q` allows at most 40 characters per keyword and
 *   10 keywords, and "all supplied keywords must be matched exactly" (case-insensitively).
 *   RFC 7644's grammar only has `not` before a parenthesised filter (`"not" "(" valFilter ")"`),
 *   so `not eventType eq "x"` is rejected here.
 * - docs/reference/system-log-query/index.md "Errors" gives the wordings reproduced below.
 * - data/error-codes.json: E0000031 "Invalid search criteria.", E0000053 "Invalid SCIM filter.",
 *   E0000001 "Api validation failed: {0}".
 */

/**
 * The error codes this module raises.
 *
 * All are HTTP 400 at Okta: E0000031 invalid search criteria, E0000053 invalid SCIM filter,
 * E0000001 API validation failed (used for `q`).
 */
export type OktaQueryErrorCode = 'E0000031' | 'E0000053' | 'E0000001';

/**
 * Okta's error JSON for a rejected query (HTTP 400).
 *
 * The shape every Okta API error has (docs/reference/error-codes): `errorLink` repeats the code,
 * as in Okta's own examples (`"errorLink": "E0000001"`).
 */
export interface OktaErrorBody {
  readonly errorCode: string;
  readonly errorSummary: string;
  readonly errorLink: string;
  readonly errorId: string;
  readonly errorCauses: readonly { readonly errorSummary: string }[];
}

/**
 * A `filter` or `q` that Okta would refuse with HTTP 400.
 *
 * `errorSummary` and `causes` carry Okta's wording; the route turns the error into a body with
 * {@link toOktaErrorBody}.
 */
export class OktaQueryError extends Error {
  /** The HTTP status Okta answers with. */
  readonly status = 400;
  override readonly name = 'OktaQueryError';

  constructor(
    readonly errorCode: OktaQueryErrorCode,
    readonly errorSummary: string,
    readonly causes: readonly string[],
  ) {
    super(errorSummary);
  }
}

/**
 * An attribute operator that compares with a value.
 *
 * Always lower case in the AST, whatever case the filter used; `pr` takes no value and is its own
 * node kind.
 */
export type OktaCompareOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'ew' | 'co';

/**
 * A literal of the filter language.
 *
 * A decoded JSON string, a finite number, `true`/`false` or `null`.
 */
export type OktaFilterValue = string | number | boolean | null;

/**
 * A parsed System Log filter.
 *
 * `path` is `attribute` split on dots. `and`/`or` hold two or more operands in source order;
 * `not` wraps the parenthesised group it was written before.
 */
export type OktaFilter =
  | {
      readonly kind: 'compare';
      readonly attribute: string;
      readonly path: readonly string[];
      readonly operator: OktaCompareOperator;
      readonly value: OktaFilterValue;
    }
  | { readonly kind: 'present'; readonly attribute: string; readonly path: readonly string[] }
  | { readonly kind: 'and'; readonly operands: readonly OktaFilter[] }
  | { readonly kind: 'or'; readonly operands: readonly OktaFilter[] }
  | { readonly kind: 'not'; readonly operand: OktaFilter };

/**
 * Longest filter accepted, in UTF-16 code units.
 *
 * Okta documents no limit; a request URL of a few KB is what proxies accept anyway, and the cap
 * bounds the parser's work.
 */
export const OKTA_FILTER_MAX_LENGTH = 4096;

/**
 * Deepest nesting of parentheses accepted.
 *
 * Each `(` counts one, including the one after `not`. Bounds the parser's recursion.
 */
export const OKTA_FILTER_MAX_DEPTH = 32;

/**
 * Most keywords accepted in `q`.
 *
 * "a maximum of 10 keyword filters per query" (System Log API reference, `q` parameter).
 */
export const OKTA_Q_MAX_KEYWORDS = 10;

/**
 * Longest keyword accepted in `q`, in characters.
 *
 * "Max length is 40 characters per keyword" (System Log API reference, `q` parameter).
 */
export const OKTA_Q_MAX_KEYWORD_LENGTH = 40;

// All ten operators the System Log accepts. Okta's own example error lists
// "Expected: eq,co,sw,pr,gt,ge,lt,le" (system-log-query "Errors"); that list predates `ne`
// and `ew` being documented for the System Log, so this simulator lists everything it accepts.
const OPERATORS: readonly string[] = ['eq', 'ne', 'co', 'sw', 'ew', 'pr', 'gt', 'ge', 'lt', 'le'];

// Top-level properties of a LogEvent: the OpenAPI `LogEvent` schema (okta-sdk-nodejs
// src/types/generated/models/LogEvent.d.ts) plus `device`, which newer OIE events carry
// (domain reference §1.1). Okta answers "field is not valid" for anything else.
const LOG_EVENT_FIELDS: readonly string[] = [
  'actor',
  'authenticationContext',
  'client',
  'debugContext',
  'device',
  'displayMessage',
  'eventType',
  'legacyEventType',
  'outcome',
  'published',
  'request',
  'securityContext',
  'severity',
  'target',
  'transaction',
  'uuid',
  'version',
];

// Attributes on which Okta refuses `co` (system-log-query, note under "Expression filter").
const NO_CONTAINS_ATTRIBUTES: readonly string[] = ['debugContext.debugData.url', 'debugContext.debugData.requestUri'];

// Dotted attribute path. RFC 7644 ATTRNAME is ALPHA *(nameChar) with nameChar "-" / "_" / DIGIT /
// ALPHA; a leading underscore is allowed too because Okta's own examples use snake_case names.
const ATTRIBUTE_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

// A JSON number (RFC 8259 §6).
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

const HEX4 = /^[0-9A-Fa-f]{4}$/;

type Token =
  | { readonly kind: 'open' | 'close' | 'end'; readonly pos: number }
  | { readonly kind: 'string'; readonly pos: number; readonly value: string }
  | { readonly kind: 'word'; readonly pos: number; readonly text: string };

function invalidCriteria(detail: string): OktaQueryError {
  return new OktaQueryError('E0000031', 'Invalid search criteria.', [detail]);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Decodes the JSON string literal whose opening quote is at `start`, exactly as JSON.parse would
 * (including lone surrogates from `\uD800`), and returns it with the index after the closing quote.
 */
function readJsonString(text: string, start: number): { readonly value: string; readonly end: number } {
  let out = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw invalidCriteria(`Unterminated string literal starting at position ${start}.`);
    const ch = text.charAt(i);
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch.charCodeAt(0) < 0x20) {
      // JSON forbids raw control characters inside strings; they must be escaped.
      throw invalidCriteria(`Unescaped control character in string literal at position ${i}.`);
    }
    if (ch !== '\\') {
      out += ch;
      i += 1;
      continue;
    }
    const escape = text.charAt(i + 1);
    const simple = Object.hasOwn(SIMPLE_ESCAPES, escape) ? SIMPLE_ESCAPES[escape] : undefined;
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (escape === 'u' && HEX4.test(text.slice(i + 2, i + 6))) {
      out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      throw invalidCriteria(`Invalid escape sequence in string literal at position ${i}.`);
    }
  }
}

function tokenize(text: string): readonly Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (isSpace(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close', pos: i });
      i += 1;
    } else if (ch === '"') {
      const { value, end } = readJsonString(text, i);
      tokens.push({ kind: 'string', pos: i, value });
      i = end;
    } else {
      // A word runs to the next space, parenthesis or quote; the parser decides what it is.
      const start = i;
      while (i < text.length) {
        const c = text.charAt(i);
        if (isSpace(c) || c === '(' || c === ')' || c === '"') break;
        i += 1;
      }
      tokens.push({ kind: 'word', pos: start, text: text.slice(start, i) });
    }
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'open':
      return "'('";
    case 'close':
      return "')'";
    case 'end':
      return 'end of filter';
    case 'string':
      return 'string literal';
    case 'word':
      return `'${token.text}'`;
  }
}

function isWord(token: Token, lowerCaseText: string): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === lowerCaseText;
}

class OktaFilterParser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly fields: readonly string[],
  ) {}

  parse(): OktaFilter {
    const filter = this.parseOr(0);
    const rest = this.peek();
    if (rest.kind !== 'end') throw invalidCriteria(`Unexpected ${describeToken(rest)} at position ${rest.pos}.`);
    return filter;
  }

  private peek(): Token {
    // The token list always ends with 'end' and the parser never steps past it.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] ?? { kind: 'end', pos: this.text.length };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  // `and` binds tighter than `or`; both are left-associative and collected into one n-ary node,
  // so long chains cost no recursion depth.
  private parseOr(depth: number): OktaFilter {
    const operands = [this.parseAnd(depth)];
    while (isWord(this.peek(), 'or')) {
      this.next();
      operands.push(this.parseAnd(depth));
    }
    return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(depth: number): OktaFilter {
    const operands = [this.parseTerm(depth)];
    while (isWord(this.peek(), 'and')) {
      this.next();
      operands.push(this.parseTerm(depth));
    }
    return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind: 'and', operands };
  }

  private parseTerm(depth: number): OktaFilter {
    const token = this.next();
    if (token.kind === 'open') return this.parseGroup(token, depth);
    if (token.kind !== 'word') throw invalidCriteria(`Unexpected ${describeToken(token)} at position ${token.pos}.`);
    const lower = token.text.toLowerCase();
    if (lower === 'not') {
      const open = this.next();
      if (open.kind !== 'open') {
        throw invalidCriteria(`Expected '(' after 'not' at position ${open.pos}, found ${describeToken(open)}.`);
      }
      return { kind: 'not', operand: this.parseGroup(open, depth) };
    }
    if (lower === 'and' || lower === 'or') {
      throw invalidCriteria(`Unexpected '${token.text}' at position ${token.pos}.`);
    }
    return this.parseAttributeExpression(token);
  }

  private parseGroup(open: Token, depth: number): OktaFilter {
    if (depth + 1 > OKTA_FILTER_MAX_DEPTH) {
      throw invalidCriteria(`Filter nests deeper than ${OKTA_FILTER_MAX_DEPTH} levels at position ${open.pos}.`);
    }
    const inner = this.parseOr(depth + 1);
    const close = this.next();
    if (close.kind !== 'close') {
      throw invalidCriteria(`Expected ')' at position ${close.pos}, found ${describeToken(close)}.`);
    }
    return inner;
  }

  private parseAttributeExpression(attributeToken: Extract<Token, { readonly kind: 'word' }>): OktaFilter {
    const attribute = attributeToken.text;
    if (!ATTRIBUTE_PATH.test(attribute)) {
      throw invalidCriteria(`Invalid attribute '${attribute}' at position ${attributeToken.pos}.`);
    }
    const path = attribute.split('.');
    const operatorToken = this.next();
    if (operatorToken.kind !== 'word') {
      throw invalidCriteria(
        `Expected an attribute operator at position ${operatorToken.pos}, found ${describeToken(operatorToken)}.`,
      );
    }
    const operator = operatorToken.text.toLowerCase();
    if (!OPERATORS.includes(operator)) {
      // Wording of Okta's example (system-log-query "Errors"), position 0-based like the example's
      // "'eqq' at position 16" in "display_message eqq …".
      throw new OktaQueryError(
        'E0000053',
        `Invalid filter '${this.text}': Unrecognized attribute operator '${operatorToken.text}' at position ${operatorToken.pos}. Expected: ${OPERATORS.join(',')}`,
        [],
      );
    }
    // The operator is checked before the field, as in Okta's documented example, where
    // `display_message eqq …` is reported for its operator.
    if (operator === 'pr') {
      checkField(attribute, path, attributeToken.pos, this.fields);
      return { kind: 'present', attribute, path };
    }
    const compareOperator = operator as OktaCompareOperator;
    const value = this.parseValue();
    checkOperand(compareOperator, value, operatorToken.pos);
    checkField(attribute, path, attributeToken.pos, this.fields);
    if (operator === 'co' && NO_CONTAINS_ATTRIBUTES.includes(attribute)) {
      // Wording of Okta's example (system-log-query "Errors").
      throw new OktaQueryError(
        'E0000031',
        `The supplied combination of operator and field is not currently supported. Operator: co, Field: ${attribute}`,
        [],
      );
    }
    return { kind: 'compare', attribute, path, operator: compareOperator, value };
  }

  private parseValue(): OktaFilterValue {
    const token = this.next();
    if (token.kind === 'string') return token.value;
    if (token.kind === 'word') {
      // RFC 7644 writes the keywords as ABNF strings, which are case-insensitive.
      const lower = token.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      if (JSON_NUMBER.test(token.text)) {
        const number = Number(token.text);
        if (Number.isFinite(number)) return number;
      }
      throw invalidCriteria(`Invalid value '${token.text}' at position ${token.pos}.`);
    }
    throw invalidCriteria(`Expected a value at position ${token.pos}, found ${describeToken(token)}.`);
  }
}

// Rejects what Okta refuses about the attribute itself (not its syntax).
function checkField(attribute: string, path: readonly string[], pos: number, fields: readonly string[]): void {
  const field = path[0] ?? attribute;
  if (field === 'published') {
    // system-log-query: filters "can't use the `published` attribute since it may conflict with
    // the logic of the `since`, `after`, and `until` query parameters".
    throw invalidCriteria(
      `The 'published' attribute can't be used in a filter at position ${pos}; use the since and until parameters.`,
    );
  }
  if (!fields.includes(field)) {
    // Wording of Okta's example for an invalid field (system-log-query "Errors"). Only the
    // top-level field is checked: below it, debugData and detailEntry are free-form.
    throw new OktaQueryError('E0000053', `field is not valid: ${field}`, []);
  }
}

// RFC 7644 §3.4.2.2: ordering on booleans is an invalid filter, and the substring operators are
// defined on strings only. Rejecting these up front beats silently matching nothing.
function checkOperand(operator: OktaCompareOperator, value: OktaFilterValue, pos: number): void {
  const substring = operator === 'sw' || operator === 'ew' || operator === 'co';
  const ordering = operator === 'gt' || operator === 'ge' || operator === 'lt' || operator === 'le';
  if (substring && typeof value !== 'string') {
    throw invalidCriteria(`Operator '${operator}' at position ${pos} needs a string value.`);
  }
  if (ordering && typeof value !== 'string' && typeof value !== 'number') {
    throw invalidCriteria(`Operator '${operator}' at position ${pos} needs a string or number value.`);
  }
}

/** Options of {@link parseOktaFilter}. */
export interface OktaFilterOptions {
  /**
   * The top-level fields the endpoint filters on; the System Log's LogEvent fields by default.
   * Other Okta endpoints accept fewer (apps: id, status, name, credentials, settings, user).
   */
  readonly fields?: readonly string[];
}

/**
 * Parses a System Log `filter` expression (or, with `fields`, another endpoint's).
 *
 * Throws {@link OktaQueryError}: E0000053 for an unknown attribute operator (listing the accepted
 * ones) or an unknown top-level LogEvent field ("field is not valid: …"), E0000031 "The supplied combination of operator and field is not currently supported…"
 * for `co` on `debugContext.debugData.url`/`.requestUri`, and E0000031 "Invalid search
 * criteria." with a cause naming the 0-based position for anything else malformed: empty input,
 * over {@link OKTA_FILTER_MAX_LENGTH} characters or {@link OKTA_FILTER_MAX_DEPTH} levels, bad or
 * unterminated string literals, unbalanced parentheses, trailing input, `published`, and `not`
 * without a parenthesised group.
 */
export function parseOktaFilter(text: string, options: OktaFilterOptions = {}): OktaFilter {
  if (text.length > OKTA_FILTER_MAX_LENGTH) {
    throw invalidCriteria(`Filter is longer than ${OKTA_FILTER_MAX_LENGTH} characters.`);
  }
  const tokens = tokenize(text);
  if (tokens.length === 1) throw invalidCriteria('Filter is empty.');
  return new OktaFilterParser(text, tokens, options.fields ?? LOG_EVENT_FIELDS).parse();
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as readonly unknown[]) : [value];
}

/**
 * Every value found at `path` in `record`.
 *
 * Arrays on the way (Okta's `target` is one) fan out, so `target.id` yields each target's id and
 * a comparison matches if any of them does; an array at the end is flattened too. Only own
 * properties are read, so `__proto__` or `constructor` never reach Object.prototype.
 */
function valuesAt(record: unknown, path: readonly string[]): readonly unknown[] {
  let current: readonly unknown[] = [record];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const value of current) {
      for (const item of asList(value)) {
        if (isRecord(item) && Object.hasOwn(item, segment)) next.push(item[segment]);
      }
    }
    current = next;
  }
  return current.flatMap(asList);
}

// Okta: `pr` "matches if the attribute has a non-empty value or if it contains a non-empty node
// for complex attributes" — so null, "" and {} are not present.
function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

function compareOne(candidate: unknown, operator: OktaCompareOperator, value: OktaFilterValue): boolean {
  switch (operator) {
    case 'eq':
    case 'ne':
      // Typed equality: "1" never equals 1. `ne` is handled by the caller as "no candidate equals".
      return candidate === value;
    case 'sw':
    case 'ew':
    case 'co': {
      // Case-sensitive. Okta does not document the case rule for the System Log's `co`/`sw`/`ew`;
      // Okta says filter values are case-sensitive for the Users API (okta-developer-docs issue
      // #1179) and only `q` is documented as case-insensitive, so exact case is the safer model.
      if (typeof candidate !== 'string' || typeof value !== 'string') return false;
      if (operator === 'sw') return candidate.startsWith(value);
      if (operator === 'ew') return candidate.endsWith(value);
      return candidate.includes(value);
    }
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le': {
      // Strings compare lexicographically (UTF-16 code units), numbers numerically; mixed types
      // never match.
      const comparable =
        (typeof candidate === 'string' && typeof value === 'string') ||
        (typeof candidate === 'number' && typeof value === 'number');
      if (!comparable) return false;
      const a = candidate;
      const b = value;
      if (operator === 'gt') return a > b;
      if (operator === 'ge') return a >= b;
      if (operator === 'lt') return a < b;
      return a <= b;
    }
  }
}

function evaluate(filter: OktaFilter, record: unknown): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.operands.every((operand) => evaluate(operand, record));
    case 'or':
      return filter.operands.some((operand) => evaluate(operand, record));
    case 'not':
      return !evaluate(filter.operand, record);
    case 'present':
      return valuesAt(record, filter.path).some(isPresent);
    case 'compare': {
      const candidates = valuesAt(record, filter.path);
      if (filter.operator === 'eq' || filter.operator === 'ne') {
        // `eq null` also matches an absent attribute; `ne` is the exact complement of `eq`, so
        // `actor.id ne "x"` keeps events without an actor and `target.id ne "x"` keeps events where
        // no target has that id.
        const equal =
          filter.value === null
            ? candidates.length === 0 || candidates.some((c) => c === null || c === undefined)
            : candidates.some((c) => compareOne(c, 'eq', filter.value));
        return filter.operator === 'eq' ? equal : !equal;
      }
      return candidates.some((c) => compareOne(c, filter.operator, filter.value));
    }
  }
}

/**
 * Whether a System Log event (LogEvent JSON) satisfies a parsed filter.
 *
 * Attribute names are matched exactly (case-sensitive); a path through an array matches if any
 * element does. `eq`/`ne`/`sw`/`ew`/`co` on strings are case-sensitive; `gt`/`ge`/`lt`/`le`
 * compare strings lexicographically and numbers numerically. A record that is not an object
 * matches only filters that hold for absent attributes (`eq null`, `ne`, `not`).
 */
export function matchesOktaFilter(filter: OktaFilter, record: unknown): boolean {
  return evaluate(filter, record);
}

function apiValidationFailed(detail: string): OktaQueryError {
  // The pattern of Okta's documented E0000001 (system-log-query "Errors"): summary
  // "Api validation failed: '<param>': <detail>", one cause per problem as "<param>: <detail>".
  return new OktaQueryError('E0000001', `Api validation failed: 'q': ${detail}`, [`q: ${detail}`]);
}

/**
 * Splits and validates a `q` keyword search, returning its keywords.
 *
 * Keywords are separated by whitespace. Throws E0000001 when a keyword is longer than
 * {@link OKTA_Q_MAX_KEYWORD_LENGTH} characters (Okta's documented wording) or there are more than
 * {@link OKTA_Q_MAX_KEYWORDS} keywords (limit documented; the wording is modelled on the first,
 * no real example was found). Exposed so a route can validate once before scanning events.
 */
export function parseOktaQ(q: string): readonly string[] {
  const keywords = q.split(/\s+/).filter((keyword) => keyword !== '');
  for (const keyword of keywords) {
    // Counted in code points, so an emoji is one character as a user would count it.
    if (Array.from(keyword).length > OKTA_Q_MAX_KEYWORD_LENGTH) {
      throw apiValidationFailed(
        `Freeform search cannot contain items longer than ${OKTA_Q_MAX_KEYWORD_LENGTH} characters. Please shorten the items in your search or use an advanced filter to query by specific fields.`,
      );
    }
  }
  if (keywords.length > OKTA_Q_MAX_KEYWORDS) {
    throw apiValidationFailed(
      `Freeform search cannot contain more than ${OKTA_Q_MAX_KEYWORDS} items. Please remove items from your search or use an advanced filter to query by specific fields.`,
    );
  }
  return keywords;
}

// Deep enough for any LogEvent (debugData nests two or three levels); stops cyclic input.
const MAX_SEARCH_DEPTH = 16;

// Leading/trailing punctuation, so "Client:" in a display message still matches "client".
const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;

function addValueTokens(value: string, into: Set<string>): void {
  const lower = value.toLowerCase();
  into.add(lower);
  for (const word of lower.split(/\s+/)) {
    if (word === '') continue;
    for (const variant of [word, word.replace(EDGE_PUNCTUATION, '')]) {
      into.add(variant);
      // Documented: hyphenated values are also split on their hyphens.
      for (const part of variant.split('-')) into.add(part);
    }
  }
}

function collectSearchTokens(value: unknown, depth: number, into: Set<string>): void {
  if (depth > MAX_SEARCH_DEPTH) return;
  if (typeof value === 'string') {
    addValueTokens(value, into);
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    addValueTokens(String(value), into);
  } else if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) collectSearchTokens(item, depth + 1, into);
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) collectSearchTokens(value[key], depth + 1, into);
  }
}

/**
 * Whether a System Log event matches a `q` keyword search.
 *
 * Every keyword must match, case-insensitively, one of the event's attribute values (any depth:
 * actor, targets, client, outcome, displayMessage, debugData…) exactly — as a whole value, as a
 * whitespace-separated word of it (with surrounding punctuation ignored), or as a hyphen-separated
 * part. Okta: "all supplied keywords must be matched exactly", "case-insensitive", and hyphenated
 * values are split on hyphens (system-log-query "Keyword filter"); a substring is not a match,
 * which is what makes the hyphen rule meaningful. The word splitting is an inference that
 * satisfies Okta's examples (`q=San Francisco`, `q=firstName lastName`). An empty `q` matches
 * everything. Throws E0000001 like {@link parseOktaQ}.
 */
export function matchesOktaQ(record: unknown, q: string): boolean {
  const keywords = parseOktaQ(q);
  if (keywords.length === 0) return true;
  const tokens = new Set<string>();
  collectSearchTokens(record, 0, tokens);
  return keywords.every((keyword) => tokens.has(keyword.toLowerCase()));
}

/**
 * Builds a filter string literal for `value`, surrounding quotes included.
 *
 * Okta requires valid JSON strings, so JSON's escaping is exactly right: `"` becomes `\"`, `\`
 * becomes `\\`, control characters and lone surrogates become `\uXXXX`. The result still has to
 * be URL-encoded with the rest of the filter.
 */
export function quoteOktaFilterString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The JSON body Okta sends with a rejected query.
 *
 * `errorId` is supplied by the route (Okta's are random per response); `errorLink` repeats the
 * code, as Okta does.
 */
export function toOktaErrorBody(error: OktaQueryError, errorId: string): OktaErrorBody {
  return {
    errorCode: error.errorCode,
    errorSummary: error.errorSummary,
    errorLink: error.errorCode,
    errorId,
    errorCauses: error.causes.map((summary) => ({ errorSummary: summary })),
  };
}
