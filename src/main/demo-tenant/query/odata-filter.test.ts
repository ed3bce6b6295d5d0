import { describe, expect, it } from 'vitest';
import {
  matchesODataFilter,
  ODATA_FILTER_MAX_DEPTH,
  ODATA_FILTER_MAX_LENGTH,
  ODataQueryError,
  parseODataFilter,
  quoteODataString,
  type ODataFilter,
} from './odata-filter';

// A beta sign-in (domain reference §3.2): WS-Fed legacy sign-in rejected with AADSTS50126.
const SIGN_IN = {
  id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
  createdDateTime: '2026-03-02T14:05:12.1234567Z',
  userPrincipalName: 'jdoe@contoso.com',
  userId: 'd3b5c7a1-0000-4000-8000-000000000001',
  appDisplayName: 'Office 365 Exchange Online',
  appId: '00000002-0000-0ff1-ce00-000000000000',
  clientAppUsed: 'Authenticated SMTP',
  ipAddress: '198.51.100.23',
  isInteractive: false,
  conditionalAccessStatus: 'notApplied',
  status: { errorCode: 50126, failureReason: 'Invalid username or password.', additionalDetails: null },
  authenticationProtocol: 'ropc',
  signInEventTypes: ['nonInteractiveUser'],
  appliedConditionalAccessPolicies: [
    { id: 'p1', displayName: 'Block legacy auth', result: 'notEnabled' },
    { id: 'p2', displayName: 'Require MFA', result: 'notApplied' },
  ],
  tokenIssuerType: 'ADFederationServices',
};

const INTERACTIVE_SIGN_IN = {
  ...SIGN_IN,
  id: 'b0b0',
  createdDateTime: '2026-03-01T00:00:00Z',
  clientAppUsed: 'Browser',
  isInteractive: true,
  status: { errorCode: 0, failureReason: null },
  signInEventTypes: ['interactiveUser'],
  appliedConditionalAccessPolicies: [],
};

// A Graph user (domain reference §3.1).
const USER = {
  id: 'd3b5c7a1-0000-4000-8000-000000000001',
  userPrincipalName: 'jdoe@contoso.com',
  displayName: "Jane O'Brien",
  accountEnabled: true,
  onPremisesImmutableId: 'AAECAwQFBgcICQoLDA0ODw==',
  onPremisesSyncEnabled: null,
  mail: 'Jane.OBrien@contoso.com',
};

function matches(filter: string, record: unknown): boolean {
  return matchesODataFilter(parseODataFilter(filter), record);
}

function thrown(run: () => unknown): ODataQueryError {
  try {
    run();
  } catch (error) {
    if (error instanceof ODataQueryError) return error;
    throw error;
  }
  throw new Error('expected an ODataQueryError');
}

describe('parseODataFilter + matchesODataFilter', () => {
  const cases: readonly { name: string; filter: string; record: unknown; want: boolean }[] = [
    // The §3.2 example and its parts.
    {
      name: 'UPN and time window (§3.2 example)',
      filter: "userPrincipalName eq 'jdoe@contoso.com' and createdDateTime ge 2026-03-01T00:00:00Z",
      record: SIGN_IN,
      want: true,
    },
    { name: 'eq on UPN ignores case', filter: "userPrincipalName eq 'JDoe@Contoso.COM'", record: SIGN_IN, want: true },
    { name: 'eq on another UPN', filter: "userPrincipalName eq 'asmith@contoso.com'", record: SIGN_IN, want: false },
    { name: 'ne on UPN ignores case', filter: "userPrincipalName ne 'JDOE@contoso.com'", record: SIGN_IN, want: false },
    { name: 'startswith', filter: "startswith(userPrincipalName,'jdoe@')", record: SIGN_IN, want: true },
    {
      name: 'startsWith, camel case, ignores case',
      filter: "startsWith(userPrincipalName, 'JDOE')",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'startswith that does not match',
      filter: "startswith(userPrincipalName,'contoso')",
      record: SIGN_IN,
      want: false,
    },
    { name: 'startswith on a missing property', filter: "startswith(nickname,'j')", record: SIGN_IN, want: false },
    // Date-time literals compare as instants.
    { name: 'ge on the same day', filter: 'createdDateTime ge 2026-03-02T00:00:00Z', record: SIGN_IN, want: true },
    { name: 'le before the event', filter: 'createdDateTime le 2026-03-02T14:05:12Z', record: SIGN_IN, want: false },
    {
      name: 'le with 7-digit fraction, equal',
      filter: 'createdDateTime le 2026-03-02T14:05:12.1234567Z',
      record: SIGN_IN,
      want: true,
    },
    { name: 'lt by 100 ns', filter: 'createdDateTime lt 2026-03-02T14:05:12.1234567Z', record: SIGN_IN, want: false },
    {
      name: 'gt by 100 ns earlier',
      filter: 'createdDateTime gt 2026-03-02T14:05:12.1234566Z',
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'offset literal is the same instant',
      filter: 'createdDateTime eq 2026-03-02T15:05:12.1234567+01:00',
      record: SIGN_IN,
      want: true,
    },
    { name: 'negative offset', filter: 'createdDateTime gt 2026-03-02T09:05:12-05:00', record: SIGN_IN, want: true },
    {
      name: 'minutes-only literal',
      filter: 'createdDateTime ge 2026-03-01T00:00Z',
      record: INTERACTIVE_SIGN_IN,
      want: true,
    },
    {
      name: 'window excludes an older event',
      filter: 'createdDateTime ge 2026-03-02T00:00:00Z',
      record: INTERACTIVE_SIGN_IN,
      want: false,
    },
    {
      name: 'date literal against a non-date string',
      filter: 'userPrincipalName ge 2026-03-02T00:00:00Z',
      record: SIGN_IN,
      want: false,
    },
    {
      name: 'years below 100 are not read as 19xx',
      filter: 'createdDateTime gt 0050-06-15T00:00:00Z',
      record: { createdDateTime: '1949-01-01T00:00:00Z' },
      want: true,
    },
    {
      name: 'lower-case t and z in a stored value',
      filter: 'createdDateTime eq 2026-03-01T00:00:00Z',
      record: { createdDateTime: '2026-03-01t00:00:00z' },
      want: true,
    },
    // Nested paths and numbers.
    { name: 'status/errorCode eq', filter: 'status/errorCode eq 50126', record: SIGN_IN, want: true },
    { name: 'status/errorCode ne 0', filter: 'status/errorCode ne 0', record: SIGN_IN, want: true },
    {
      name: 'status/errorCode eq 0 on success',
      filter: 'status/errorCode eq 0',
      record: INTERACTIVE_SIGN_IN,
      want: true,
    },
    { name: 'number never equals a string', filter: "status/errorCode eq '50126'", record: SIGN_IN, want: false },
    { name: 'number gt', filter: 'status/errorCode gt 50000', record: SIGN_IN, want: true },
    { name: 'decimal literal', filter: 'status/errorCode lt 50126.5', record: SIGN_IN, want: true },
    { name: 'negative number', filter: 'status/errorCode gt -1', record: INTERACTIVE_SIGN_IN, want: true },
    { name: 'path through a missing object', filter: 'location/city eq null', record: SIGN_IN, want: true },
    {
      name: 'property names ignore case',
      filter: "Status/ErrorCode eq 50126 and ClientAppUsed eq 'authenticated smtp'",
      record: SIGN_IN,
      want: true,
    },
    // Booleans and null.
    { name: 'boolean eq', filter: 'accountEnabled eq true', record: USER, want: true },
    { name: 'quoted boolean is a string', filter: "accountEnabled eq 'true'", record: USER, want: false },
    { name: 'eq null on null', filter: 'onPremisesSyncEnabled eq null', record: USER, want: true },
    { name: 'ne null on null', filter: 'onPremisesSyncEnabled ne null', record: USER, want: false },
    {
      name: 'ne null on a value (immutable id set)',
      filter: 'onPremisesImmutableId ne null',
      record: USER,
      want: true,
    },
    { name: 'eq null on a missing property', filter: 'employeeId eq null', record: USER, want: true },
    { name: 'ne on a missing property', filter: "employeeId ne 'x'", record: USER, want: true },
    { name: 'gt on a missing property', filter: "employeeId gt 'a'", record: USER, want: false },
    {
      name: 'immutable id eq (case-insensitive like every string)',
      filter: "onPremisesImmutableId eq 'AAECAwQFBgcICQoLDA0ODw=='",
      record: USER,
      want: true,
    },
    {
      name: 'in list',
      filter: "clientAppUsed in ('IMAP4', 'Authenticated SMTP', 'POP3')",
      record: SIGN_IN,
      want: true,
    },
    { name: 'in list without the value', filter: "clientAppUsed in ('Browser')", record: SIGN_IN, want: false },
    // Lambdas.
    {
      name: 'any: non-interactive sign-ins (§3.2)',
      filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'any: interactive event',
      filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')",
      record: INTERACTIVE_SIGN_IN,
      want: false,
    },
    {
      name: 'any with no space after the colon',
      filter: "signInEventTypes/any(t:t eq 'NONINTERACTIVEUSER')",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'ANY is case-insensitive',
      filter: "signInEventTypes/ANY(x: x ne 'interactiveUser')",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'any over objects',
      filter: "appliedConditionalAccessPolicies/any(p: p/result eq 'notEnabled')",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'any over an empty array',
      filter: "appliedConditionalAccessPolicies/any(p: p/result eq 'notEnabled')",
      record: INTERACTIVE_SIGN_IN,
      want: false,
    },
    {
      name: 'all over objects',
      filter: "appliedConditionalAccessPolicies/all(p: p/result ne 'success')",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'all over an empty array is true',
      filter: "appliedConditionalAccessPolicies/all(p: p/result eq 'success')",
      record: INTERACTIVE_SIGN_IN,
      want: true,
    },
    {
      name: 'any() without argument: not empty',
      filter: 'appliedConditionalAccessPolicies/any()',
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'any() on an empty array',
      filter: 'appliedConditionalAccessPolicies/any()',
      record: INTERACTIVE_SIGN_IN,
      want: false,
    },
    {
      name: 'any on a property that is not a collection',
      filter: "userPrincipalName/any(c: c eq 'j')",
      record: SIGN_IN,
      want: false,
    },
    {
      name: 'lambda body may use record properties too',
      filter: "appliedConditionalAccessPolicies/any(p: p/id eq 'p2' and clientAppUsed eq 'Authenticated SMTP')",
      record: SIGN_IN,
      want: true,
    },
    { name: 'not(any)', filter: "not(signInEventTypes/any(t: t eq 'interactiveUser'))", record: SIGN_IN, want: true },
    {
      name: 'NOT(any), upper case (Graph docs style)',
      filter: "NOT(signInEventTypes/any(t: t eq 'nonInteractiveUser'))",
      record: SIGN_IN,
      want: false,
    },
    // Logic and precedence.
    {
      name: 'and binds tighter than or (true or (false and false))',
      filter: "isInteractive eq false or clientAppUsed eq 'Browser' and status/errorCode eq 0",
      record: SIGN_IN,
      want: true,
    },
    {
      name: 'parentheses override precedence',
      filter: "(isInteractive eq false or clientAppUsed eq 'Browser') and status/errorCode eq 0",
      record: SIGN_IN,
      want: false,
    },
    { name: 'not (group)', filter: "not (clientAppUsed eq 'Browser')", record: SIGN_IN, want: true },
    { name: 'not startswith', filter: "not startswith(userPrincipalName,'jdoe')", record: SIGN_IN, want: false },
    { name: 'not not', filter: "not not (clientAppUsed eq 'Browser')", record: SIGN_IN, want: false },
    {
      name: 'AND/OR in upper case',
      filter: "isInteractive EQ false AND (clientAppUsed Eq 'x' OR status/errorCode eq 50126)",
      record: SIGN_IN,
      want: true,
    },
    // Records that are not objects; own properties only.
    { name: 'non-object record', filter: "userPrincipalName eq 'x'", record: 'userPrincipalName', want: false },
    { name: '__proto__ is not a property', filter: '__proto__ ne null', record: USER, want: false },
    { name: 'constructor is not a property', filter: "constructor/name eq 'Object'", record: USER, want: false },
  ];
  it.each(cases)('$name', ({ filter, record, want }) => {
    expect(matches(filter, record)).toBe(want);
  });
});

describe('parseODataFilter AST', () => {
  const upn = { variable: null, segments: ['userPrincipalName'] };
  const cases: readonly { name: string; filter: string; want: ODataFilter }[] = [
    {
      name: 'comparison with a string',
      filter: "userPrincipalName eq 'O''Brien'",
      want: { kind: 'compare', operator: 'eq', path: upn, value: { kind: 'string', value: "O'Brien" } },
    },
    {
      name: 'DateTimeOffset keeps text and instant',
      filter: 'createdDateTime ge 2026-03-01T00:00:00.0000001Z',
      want: {
        kind: 'compare',
        operator: 'ge',
        path: { variable: null, segments: ['createdDateTime'] },
        value: {
          kind: 'dateTimeOffset',
          text: '2026-03-01T00:00:00.0000001Z',
          epochMs: Date.UTC(2026, 2, 1),
          nanos: 100,
        },
      },
    },
    {
      name: 'lambda with variable path',
      filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')",
      want: {
        kind: 'any',
        collection: { variable: null, segments: ['signInEventTypes'] },
        variable: 't',
        predicate: {
          kind: 'compare',
          operator: 'eq',
          path: { variable: 't', segments: [] },
          value: { kind: 'string', value: 'nonInteractiveUser' },
        },
      },
    },
    {
      name: 'n-ary and under or; startswith; not',
      filter: "a eq 1 or startswith(userPrincipalName,'j') and not(b eq true) and c eq null",
      want: {
        kind: 'or',
        operands: [
          {
            kind: 'compare',
            operator: 'eq',
            path: { variable: null, segments: ['a'] },
            value: { kind: 'number', value: 1 },
          },
          {
            kind: 'and',
            operands: [
              { kind: 'startsWith', path: upn, prefix: 'j' },
              {
                kind: 'not',
                operand: {
                  kind: 'compare',
                  operator: 'eq',
                  path: { variable: null, segments: ['b'] },
                  value: { kind: 'boolean', value: true },
                },
              },
              { kind: 'compare', operator: 'eq', path: { variable: null, segments: ['c'] }, value: { kind: 'null' } },
            ],
          },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ filter, want }) => {
    expect(parseODataFilter(filter)).toEqual(want);
  });
});

describe('parseODataFilter errors', () => {
  const cases: readonly { name: string; filter: string; message: string }[] = [
    {
      name: 'empty',
      filter: '',
      message: "Invalid filter clause: Expression expected at position 0 in ''.",
    },
    {
      name: 'blank',
      filter: '   ',
      message: "Invalid filter clause: Expression expected at position 0 in '   '.",
    },
    {
      name: 'comma instead of and (explorer issue #3227 example)',
      filter: "jobtitle ge '!' , accountenabled eq true",
      message: "Invalid filter clause: Syntax error at position 17 in 'jobtitle ge '!' , accountenabled eq true'.",
    },
    {
      name: 'invalid character',
      filter: "userPrincipalName eq 'a' & x",
      message:
        "Invalid filter clause: Syntax error: character '&' is not valid at position 25 in 'userPrincipalName eq 'a' & x'.",
    },
    {
      name: 'double-quoted string',
      filter: 'userPrincipalName eq "jdoe@contoso.com"',
      message:
        "Invalid filter clause: Syntax error: character '\"' is not valid at position 21 in 'userPrincipalName eq \"jdoe@contoso.com\"'.",
    },
    {
      name: 'unterminated string',
      filter: "userPrincipalName eq 'jdoe",
      message:
        "Invalid filter clause: There is an unterminated string literal at position 26 in 'userPrincipalName eq 'jdoe'.",
    },
    {
      name: 'string ending with an escaped quote is unterminated',
      filter: "userPrincipalName eq 'jdoe''",
      message:
        "Invalid filter clause: There is an unterminated string literal at position 28 in 'userPrincipalName eq 'jdoe'''.",
    },
    {
      name: 'property alone is not boolean',
      filter: 'userPrincipalName',
      message: 'Invalid filter clause: The $filter expression must evaluate to a single boolean value.',
    },
    {
      name: 'missing value',
      filter: 'userPrincipalName eq',
      message: "Invalid filter clause: Expression expected at position 20 in 'userPrincipalName eq'.",
    },
    {
      name: 'unknown operator',
      filter: "userPrincipalName eqq 'x'",
      message: "Invalid filter clause: Syntax error at position 21 in 'userPrincipalName eqq 'x''.",
    },
    {
      name: 'has is unsupported',
      filter: "userType has 'Member'",
      message: "Unsupported property filter clause operator 'Has'.",
    },
    {
      name: 'contains is unsupported',
      filter: "contains(displayName,'Jane')",
      message: "Unsupported property filter clause operator 'Contains'.",
    },
    {
      name: 'endswith is unsupported',
      filter: "endswith(mail,'@contoso.com')",
      message: "Unsupported property filter clause operator 'EndsWith'.",
    },
    {
      name: 'tolower is unsupported',
      filter: "tolower(userPrincipalName) eq 'x'",
      message: "Unsupported property filter clause operator 'ToLower'.",
    },
    {
      name: 'unknown function',
      filter: "evil(userPrincipalName,'x')",
      message:
        "Invalid filter clause: An unknown function with name 'evil' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.",
    },
    {
      name: 'startswith with a number',
      filter: 'startswith(userPrincipalName,1)',
      message: 'Invalid filter clause: startswith at position 0 needs a string literal as its second argument.',
    },
    {
      name: 'startswith with a literal first',
      filter: "startswith('j',userPrincipalName)",
      message: 'Invalid filter clause: startswith at position 0 needs a property as its first argument.',
    },
    {
      name: 'literal on the left',
      filter: "'jdoe@contoso.com' eq userPrincipalName",
      message:
        'Invalid filter clause: A property is expected at position 0; write the property on the left of the operator.',
    },
    {
      name: 'two properties',
      filter: 'userPrincipalName eq mail',
      message:
        'Invalid filter clause: A literal is expected at position 21; comparing two properties is not supported.',
    },
    {
      name: 'not without parentheses before a comparison',
      filter: "not clientAppUsed eq 'Browser'",
      message: "Invalid filter clause: 'not' at position 0 must be followed by a parenthesised expression.",
    },
    {
      name: 'date-only literal',
      filter: 'createdDateTime ge 2026-03-01',
      message: "Invalid filter clause: Syntax error at position 23 in 'createdDateTime ge 2026-03-01'.",
    },
    {
      name: 'impossible date',
      filter: 'createdDateTime ge 2026-02-30T00:00:00Z',
      message: "Invalid filter clause: The DateTimeOffset '2026-02-30T00:00:00Z' at position 19 is not a valid date.",
    },
    {
      name: 'date-time without offset',
      filter: 'createdDateTime ge 2026-03-01T00:00:00',
      message: "Invalid filter clause: Syntax error at position 23 in 'createdDateTime ge 2026-03-01T00:00:00'.",
    },
    {
      name: 'number glued to letters',
      filter: 'status/errorCode eq 50126abc',
      message: "Invalid filter clause: Syntax error at position 25 in 'status/errorCode eq 50126abc'.",
    },
    {
      name: 'unbalanced: missing close',
      filter: "(userPrincipalName eq 'x'",
      message: "Invalid filter clause: Syntax error at position 25 in '(userPrincipalName eq 'x''.",
    },
    {
      name: 'unbalanced: extra close',
      filter: "userPrincipalName eq 'x')",
      message: "Invalid filter clause: Syntax error at position 25 in 'userPrincipalName eq 'x')'.",
    },
    {
      name: 'trailing garbage',
      filter: "userPrincipalName eq 'x' garbage",
      message: "Invalid filter clause: Syntax error at position 32 in 'userPrincipalName eq 'x' garbage'.",
    },
    {
      name: 'trailing and',
      filter: "userPrincipalName eq 'x' and",
      message: "Invalid filter clause: Expression expected at position 28 in 'userPrincipalName eq 'x' and'.",
    },
    {
      name: 'lambda without colon',
      filter: "signInEventTypes/any(t t eq 'x')",
      message: "Invalid filter clause: Syntax error at position 24 in 'signInEventTypes/any(t t eq 'x')'.",
    },
    {
      name: 'all() without argument',
      filter: 'signInEventTypes/all()',
      message: "Invalid filter clause: Syntax error at position 21 in 'signInEventTypes/all()'.",
    },
    {
      name: 'type cast segment',
      filter: "microsoft.graph.user/id eq 'x'",
      message:
        "Invalid filter clause: Syntax error: character '.' is not valid at position 9 in 'microsoft.graph.user/id eq 'x''.",
    },
  ];
  it.each(cases)('$name', ({ filter, message }) => {
    const error = thrown(() => parseODataFilter(filter));
    expect(error.status).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toBe(message);
  });
});

describe('injection: values stay data', () => {
  const INJECTED = "x' or 1 eq 1 or 'y";
  const withUpn = (userPrincipalName: string): unknown => ({ ...SIGN_IN, userPrincipalName });
  const cases: readonly { name: string; filter: string; record: unknown; want: boolean }[] = [
    {
      name: 'doubled quotes keep an "or 1 eq 1" payload inside one literal',
      filter: "userPrincipalName eq 'x'' or 1 eq 1 or ''y'",
      record: SIGN_IN,
      want: false,
    },
    {
      name: '… which matches only the exact text',
      filter: "userPrincipalName eq 'x'' or 1 eq 1 or ''y'",
      record: withUpn(INJECTED),
      want: true,
    },
    {
      name: 'quoteODataString builds the same literal',
      filter: `userPrincipalName eq ${quoteODataString(INJECTED)}`,
      record: withUpn(INJECTED),
      want: true,
    },
    {
      name: 'parentheses inside a literal do not close a group',
      filter: "not (displayName eq 'a) or (accountEnabled eq true')",
      record: USER,
      want: true,
    },
    {
      name: 'backslashes are not escapes in OData',
      filter: "displayName eq 'CONTOSO\\jdoe'",
      record: { displayName: 'CONTOSO\\jdoe' },
      want: true,
    },
    {
      name: 'backslash before a quote does not escape it',
      filter: "displayName eq 'a\\' or displayName eq 'b'",
      record: { displayName: 'b' },
      want: true,
    },
    {
      name: 'percent-escapes are not decoded here (the route decodes once)',
      filter: "displayName eq '%27 or 1 eq 1'",
      record: { displayName: '%27 or 1 eq 1' },
      want: true,
    },
    {
      name: 'emoji compare exactly',
      filter: "displayName eq 'Jane 😀'",
      record: { displayName: 'Jane 😀' },
      want: true,
    },
    {
      name: 'startswith with regex metacharacters is a plain prefix',
      filter: "startswith(userPrincipalName,'.*')",
      record: SIGN_IN,
      want: false,
    },
    {
      name: "O'Brien via quoteODataString",
      filter: `displayName eq ${quoteODataString("Jane O'Brien")}`,
      record: USER,
      want: true,
    },
  ];
  it.each(cases)('$name', ({ filter, record, want }) => {
    expect(matches(filter, record)).toBe(want);
  });

  const rejected: readonly { name: string; filter: string }[] = [
    { name: 'unbalanced single quote payload', filter: "userPrincipalName eq 'x' or 1 eq 1 or 'y'" },
    { name: 'unescaped quote leaves trailing garbage', filter: "userPrincipalName eq 'O'Brien'" },
    { name: 'unbalanced open parentheses', filter: "((userPrincipalName eq 'x')" },
    { name: 'unbalanced close parentheses', filter: "(userPrincipalName eq 'x'))" },
    { name: 'too long', filter: `userPrincipalName eq '${'a'.repeat(ODATA_FILTER_MAX_LENGTH)}'` },
    {
      name: 'nested too deep',
      filter: `${'('.repeat(ODATA_FILTER_MAX_DEPTH + 1)}userPrincipalName eq 'x'${')'.repeat(ODATA_FILTER_MAX_DEPTH + 1)}`,
    },
    {
      name: 'not-chain too deep',
      filter: `${'not '.repeat(ODATA_FILTER_MAX_DEPTH + 1)}(userPrincipalName eq 'x')`,
    },
    {
      name: 'lambdas nested too deep',
      filter: `${'a/any(x: x/'.repeat(ODATA_FILTER_MAX_DEPTH + 1)}b eq 1${')'.repeat(ODATA_FILTER_MAX_DEPTH + 1)}`,
    },
    { name: 'JavaScript is not a value', filter: 'userPrincipalName eq process.exit(1)' },
    { name: 'template syntax is not a value', filter: 'userPrincipalName eq ${x}' },
    { name: 'semicolon', filter: "userPrincipalName eq 'x'; drop" },
  ];
  it.each(rejected)('$name → BadRequest', ({ filter }) => {
    expect(thrown(() => parseODataFilter(filter)).code).toBe('BadRequest');
  });

  it('accepts nesting exactly at the limit and a filter exactly at the length cap', () => {
    const deep = `${'('.repeat(ODATA_FILTER_MAX_DEPTH)}userPrincipalName eq 'jdoe@contoso.com'${')'.repeat(ODATA_FILTER_MAX_DEPTH)}`;
    expect(matches(deep, SIGN_IN)).toBe(true);
    const prefix = "userPrincipalName eq '";
    const long = `${prefix}${'a'.repeat(ODATA_FILTER_MAX_LENGTH - prefix.length - 1)}'`;
    expect(long).toHaveLength(ODATA_FILTER_MAX_LENGTH);
    expect(matches(long, SIGN_IN)).toBe(false);
  });

  it('a long flat chain of or needs no recursion', () => {
    const terms = Array.from({ length: 120 }, (_, i) => `status/errorCode eq ${String(i + 1)}`);
    const filter = [...terms, 'status/errorCode eq 50126'].join(' or ');
    expect(filter.length).toBeLessThanOrEqual(ODATA_FILTER_MAX_LENGTH);
    expect(matches(filter, SIGN_IN)).toBe(true);
  });
});

describe('quoteODataString', () => {
  const values: readonly { name: string; value: string; want: string }[] = [
    { name: 'plain', value: 'jdoe@contoso.com', want: "'jdoe@contoso.com'" },
    { name: "O'Brien", value: "O'Brien", want: "'O''Brien'" },
    { name: 'only quotes', value: "''", want: "''''''" },
    { name: 'empty', value: '', want: "''" },
    { name: 'backslash untouched', value: 'a\\b', want: "'a\\b'" },
    { name: 'injection payload', value: "x' or 1 eq 1 or 'y", want: "'x'' or 1 eq 1 or ''y'" },
    { name: 'emoji untouched', value: '😀', want: "'😀'" },
  ];
  it.each(values)('$name', ({ value, want }) => {
    expect(quoteODataString(value)).toBe(want);
  });
  it.each(values)('$name round-trips through the parser', ({ value }) => {
    expect(parseODataFilter(`displayName eq ${quoteODataString(value)}`)).toMatchObject({
      value: { kind: 'string', value },
    });
  });
});

describe('ODataQueryError', () => {
  it('is an Error carrying status 400 and code BadRequest', () => {
    const error = new ODataQueryError('Invalid filter clause');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ODataQueryError');
    expect(error.status).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toBe('Invalid filter clause');
  });
});
