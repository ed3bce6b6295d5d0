import { describe, expect, it } from 'vitest';
import {
  matchesOktaFilter,
  matchesOktaQ,
  OKTA_FILTER_MAX_DEPTH,
  OKTA_FILTER_MAX_LENGTH,
  OktaQueryError,
  parseOktaFilter,
  parseOktaQ,
  quoteOktaFilterString,
  toOktaErrorBody,
  type OktaFilter,
} from './okta-filter';

const ACTIVE_URI = '/app/office365/exk1a2b3c4D5e6F7g8h9/sso/wsfed/active';

// Domain reference §1.7 (a) first event: legacy WS-Trust sign-in, no targets.
const SESSION_START = {
  uuid: '4b0f0000-0000-4000-8000-000000000001',
  published: '2026-03-02T14:05:11.482Z',
  eventType: 'user.session.start',
  version: '0',
  severity: 'INFO',
  displayMessage: 'User login to Okta',
  legacyEventType: 'core.user_auth.login_success',
  actor: { id: '00u8ab12cdEFghIJ5d7', type: 'User', alternateId: 'jdoe@contoso.com', displayName: 'Jane Doe' },
  client: {
    userAgent: {
      rawUserAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)',
      os: 'Windows 10',
      browser: 'UNKNOWN',
    },
    zone: 'null',
    device: 'Computer',
    ipAddress: '198.51.100.23',
    geographicalContext: { city: 'San Francisco', state: 'California', country: 'United States' },
  },
  authenticationContext: {
    authenticationProvider: 'ACTIVE_DIRECTORY',
    credentialType: 'PASSWORD',
    externalSessionId: null,
  },
  outcome: { result: 'SUCCESS', reason: null },
  securityContext: { asNumber: 8075, asOrg: 'microsoft corporation', isProxy: false },
  debugContext: {
    debugData: {
      requestId: 'XOxBw-2JIRnCFd0gG0GjHAAABjY',
      requestUri: ACTIVE_URI,
      url: `${ACTIVE_URI}?`,
      threatSuspected: 'false',
    },
  },
  transaction: { type: 'WEB', id: 'ZkJ1aW', detail: {} },
  target: null,
};

// Domain reference §1.7 (b): rich-client failure with one AppInstance target.
const RICH_CLIENT_FAILURE = {
  uuid: '9c2e0000-0000-4000-8000-000000000002',
  published: '2026-03-02T14:07:40.019Z',
  eventType: 'user.authentication.auth_via_richclient',
  severity: 'WARN',
  displayMessage: 'Authentication of a user via Rich Client',
  actor: { id: '00u8ab12cdEFghIJ5d7', type: 'User', alternateId: 'jdoe@contoso.com', displayName: 'Jane Doe' },
  client: { ipAddress: '198.51.100.23', zone: 'null', device: 'Computer' },
  outcome: { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' },
  debugContext: { debugData: { requestUri: ACTIVE_URI, appName: 'office365', loginResult: 'INVALID_CREDENTIALS' } },
  transaction: { type: 'WEB', id: 'ZkJ2bX' },
  target: [
    {
      id: '0oa1b2c3d4E5F6g7h8i9',
      type: 'AppInstance',
      alternateId: 'Microsoft Office 365',
      displayName: 'Microsoft Office 365',
    },
  ],
};

// Domain reference §1.7 (a) second event: a policy evaluation with two targets.
const POLICY_DENY = {
  uuid: '4b100000-0000-4000-8000-000000000003',
  published: '2026-03-02T14:05:11.530Z',
  eventType: 'policy.evaluate_sign_on',
  displayMessage: 'Evaluation of sign-on policy',
  actor: { id: '00u8ab12cdEFghIJ5d7', type: 'User', alternateId: 'jdoe@contoso.com', displayName: 'Jane Doe' },
  outcome: { result: 'DENY', reason: 'Sign-on policy evaluation resulted in DENY' },
  debugContext: { debugData: { requestUri: ACTIVE_URI, behaviors: ['New IP', 'New Device'] } },
  target: [
    {
      id: 'rst9xyz',
      type: 'PolicyEntity',
      displayName: 'Microsoft Office 365',
      detailEntry: { policyType: 'ACCESS_POLICY' },
    },
    { id: 'rul9xyz', type: 'PolicyRule', displayName: 'Catch-all Rule', detailEntry: {} },
  ],
  transaction: { type: 'WEB', id: 'ZkJ1aW' },
};

function matches(filter: string, event: unknown): boolean {
  return matchesOktaFilter(parseOktaFilter(filter), event);
}

function thrown(run: () => unknown): OktaQueryError {
  try {
    run();
  } catch (error) {
    if (error instanceof OktaQueryError) return error;
    throw error;
  }
  throw new Error('expected an OktaQueryError');
}

describe('parseOktaFilter + matchesOktaFilter', () => {
  const cases: readonly { name: string; filter: string; event: unknown; want: boolean }[] = [
    // Okta's documented examples (system-log-query, domain reference §1.5).
    {
      name: 'failed sign-ins (doc example), matching',
      filter: 'eventType eq "user.authentication.auth_via_richclient" and outcome.result eq "FAILURE"',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    {
      name: 'failed sign-ins (doc example), successful event',
      filter: 'eventType eq "user.session.start" and outcome.result eq "FAILURE"',
      event: SESSION_START,
      want: false,
    },
    { name: 'actor.id eq', filter: 'actor.id eq "00u8ab12cdEFghIJ5d7"', event: SESSION_START, want: true },
    { name: 'actor.id ne same id', filter: 'actor.id ne "00u8ab12cdEFghIJ5d7"', event: SESSION_START, want: false },
    { name: 'actor.id ne other id', filter: 'actor.id ne "00uOTHER"', event: SESSION_START, want: true },
    { name: 'client.ipAddress eq', filter: 'client.ipAddress eq "198.51.100.23"', event: SESSION_START, want: true },
    { name: 'eventType sw', filter: 'eventType sw "user.authentication"', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'eventType co', filter: 'eventType co "session"', event: SESSION_START, want: true },
    { name: 'eventType ew', filter: 'eventType ew "richclient"', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'ew is not sw', filter: 'eventType ew "user"', event: SESSION_START, want: false },
    {
      name: 'the O365 whitepaper legacy-auth query (requestUri eq)',
      filter: `eventType eq "user.session.start" and outcome.result eq "SUCCESS" and debugContext.debugData.requestUri eq "${ACTIVE_URI}"`,
      event: SESSION_START,
      want: true,
    },
    {
      name: 'sw on requestUri is allowed (only co is refused)',
      filter: 'debugContext.debugData.requestUri sw "/app/office365/"',
      event: SESSION_START,
      want: true,
    },
    // target is an array: any element may match.
    {
      name: 'target.id eq, the only target',
      filter: 'target.id eq "0oa1b2c3d4E5F6g7h8i9"',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    { name: 'target.id eq, second target', filter: 'target.id eq "rul9xyz"', event: POLICY_DENY, want: true },
    {
      name: 'two target.id conditions, both present (doc example)',
      filter: 'target.id eq "rst9xyz" and target.id eq "rul9xyz"',
      event: POLICY_DENY,
      want: true,
    },
    { name: 'target.id eq, absent id', filter: 'target.id eq "0oaNOPE"', event: POLICY_DENY, want: false },
    { name: 'target.id ne: no target has it', filter: 'target.id ne "0oaNOPE"', event: POLICY_DENY, want: true },
    { name: 'target.id ne: one target has it', filter: 'target.id ne "rst9xyz"', event: POLICY_DENY, want: false },
    { name: 'target.id on a null target', filter: 'target.id eq "rst9xyz"', event: SESSION_START, want: false },
    {
      name: 'deep path through the target array',
      filter: 'target.detailEntry.policyType eq "ACCESS_POLICY"',
      event: POLICY_DENY,
      want: true,
    },
    {
      name: 'array of strings at the end of the path',
      filter: 'debugContext.debugData.behaviors eq "New Device"',
      event: POLICY_DENY,
      want: true,
    },
    // Case rules.
    {
      name: 'operators are case-insensitive',
      filter: 'eventType EQ "user.session.start"',
      event: SESSION_START,
      want: true,
    },
    {
      name: 'logical operators are case-insensitive',
      filter: 'actor.id Eq "00u8ab12cdEFghIJ5d7" AND outcome.result eQ "SUCCESS"',
      event: SESSION_START,
      want: true,
    },
    {
      name: 'nested attribute names are case-sensitive',
      filter: 'actor.ID eq "00u8ab12cdEFghIJ5d7"',
      event: SESSION_START,
      want: false,
    },
    {
      name: 'eq on strings is case-sensitive',
      filter: 'outcome.result eq "success"',
      event: SESSION_START,
      want: false,
    },
    { name: 'co is case-sensitive', filter: 'eventType co "SESSION"', event: SESSION_START, want: false },
    // Logic and precedence.
    {
      name: 'and binds tighter than or (true or (false and false))',
      filter: 'eventType eq "user.session.start" or eventType eq "x" and eventType eq "y"',
      event: SESSION_START,
      want: true,
    },
    {
      name: 'parentheses override precedence ((true or false) and false)',
      filter: '(eventType eq "user.session.start" or eventType eq "x") and eventType eq "y"',
      event: SESSION_START,
      want: false,
    },
    {
      name: 'the event-type recipe of §1.6 with actor',
      filter:
        'actor.id eq "00u8ab12cdEFghIJ5d7" and (eventType eq "user.session.start" or eventType eq "user.authentication.auth_via_richclient" or eventType sw "user.account.lock")',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    { name: 'not (group)', filter: 'not (eventType eq "user.session.start")', event: SESSION_START, want: false },
    {
      name: 'not(group) without a space',
      filter: 'not(eventType eq "user.session.start")',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    { name: 'NOT is case-insensitive', filter: 'NOT (outcome.result eq "FAILURE")', event: SESSION_START, want: true },
    {
      name: 'double negation',
      filter: 'not (not (outcome.result eq "FAILURE"))',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    {
      name: 'redundant parentheses',
      filter: '((((eventType eq "user.session.start"))))',
      event: SESSION_START,
      want: true,
    },
    // pr.
    { name: 'pr on a set value', filter: 'actor.alternateId pr', event: SESSION_START, want: true },
    { name: 'pr on null', filter: 'authenticationContext.externalSessionId pr', event: SESSION_START, want: false },
    {
      name: 'pr on a missing attribute',
      filter: 'client.userAgent.browser pr',
      event: RICH_CLIENT_FAILURE,
      want: false,
    },
    { name: 'pr on a complex attribute', filter: 'target pr', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'pr on a null array', filter: 'target pr', event: SESSION_START, want: false },
    { name: 'pr on an empty object', filter: 'transaction.detail pr', event: SESSION_START, want: false },
    { name: 'pr is case-insensitive', filter: 'actor.id PR', event: SESSION_START, want: true },
    // Literal types.
    { name: 'number eq', filter: 'securityContext.asNumber eq 8075', event: SESSION_START, want: true },
    {
      name: 'number never equals a string',
      filter: 'securityContext.asNumber eq "8075"',
      event: SESSION_START,
      want: false,
    },
    { name: 'number gt', filter: 'securityContext.asNumber gt 8000', event: SESSION_START, want: true },
    { name: 'number le', filter: 'securityContext.asNumber le 8074.5', event: SESSION_START, want: false },
    { name: 'number with exponent', filter: 'securityContext.asNumber eq 8.075e3', event: SESSION_START, want: true },
    { name: 'boolean eq', filter: 'securityContext.isProxy eq false', event: SESSION_START, want: true },
    {
      name: 'boolean never equals a string',
      filter: 'debugContext.debugData.threatSuspected eq false',
      event: SESSION_START,
      want: false,
    },
    { name: 'eq null on null', filter: 'outcome.reason eq null', event: SESSION_START, want: true },
    {
      name: 'eq null on an absent attribute',
      filter: 'client.userAgent eq null',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    { name: 'ne null on a value', filter: 'outcome.reason ne null', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'string gt (lexicographic)', filter: 'outcome.result gt "FAIL"', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'string lt (lexicographic)', filter: 'outcome.result lt "FAIL"', event: RICH_CLIENT_FAILURE, want: false },
    { name: 'string ge equal', filter: 'severity ge "WARN"', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'string vs number never orders', filter: 'severity gt 1', event: RICH_CLIENT_FAILURE, want: false },
    // Records that are not objects.
    { name: 'non-object record', filter: 'eventType eq "x"', event: 'eventType', want: false },
    { name: 'null record, ne', filter: 'eventType ne "x"', event: null, want: true },
    // Only own properties are read.
    { name: 'nested __proto__ is not an attribute', filter: 'actor.__proto__ pr', event: SESSION_START, want: false },
    {
      name: 'nested constructor is not an attribute',
      filter: 'actor.constructor.name eq "Object"',
      event: SESSION_START,
      want: false,
    },
    { name: 'toString is not an attribute', filter: 'actor.toString pr', event: SESSION_START, want: false },
    // Whitespace.
    {
      name: 'tabs and newlines separate tokens',
      filter: 'eventType\teq\n"user.session.start"',
      event: SESSION_START,
      want: true,
    },
    {
      name: 'leading and trailing spaces',
      filter: '   eventType eq "user.session.start"   ',
      event: SESSION_START,
      want: true,
    },
    { name: 'no space before a quote', filter: 'eventType eq"user.session.start"', event: SESSION_START, want: true },
    {
      name: 'free-form debugData keys',
      filter: 'debugContext.debugData.threatSuspected eq "false"',
      event: SESSION_START,
      want: true,
    },
  ];
  it.each(cases)('$name', ({ filter, event, want }) => {
    expect(matches(filter, event)).toBe(want);
  });
});

describe('parseOktaFilter AST', () => {
  const cases: readonly { name: string; filter: string; want: OktaFilter }[] = [
    {
      name: 'comparison',
      filter: 'target.id eq "00u1"',
      want: { kind: 'compare', attribute: 'target.id', path: ['target', 'id'], operator: 'eq', value: '00u1' },
    },
    {
      name: 'operator is normalised to lower case',
      filter: 'eventType SW "user."',
      want: { kind: 'compare', attribute: 'eventType', path: ['eventType'], operator: 'sw', value: 'user.' },
    },
    {
      name: 'presence',
      filter: 'actor.id pr',
      want: { kind: 'present', attribute: 'actor.id', path: ['actor', 'id'] },
    },
    {
      name: 'and/or chains are n-ary, and under or',
      filter: 'uuid eq 1 or version eq 2 and severity eq 3 and eventType eq 4',
      want: {
        kind: 'or',
        operands: [
          { kind: 'compare', attribute: 'uuid', path: ['uuid'], operator: 'eq', value: 1 },
          {
            kind: 'and',
            operands: [
              { kind: 'compare', attribute: 'version', path: ['version'], operator: 'eq', value: 2 },
              { kind: 'compare', attribute: 'severity', path: ['severity'], operator: 'eq', value: 3 },
              { kind: 'compare', attribute: 'eventType', path: ['eventType'], operator: 'eq', value: 4 },
            ],
          },
        ],
      },
    },
    {
      name: 'not wraps its group; literals true/false/null',
      filter: 'not (client.device eq true or debugContext.debugData.x eq FALSE) and target eq null',
      want: {
        kind: 'and',
        operands: [
          {
            kind: 'not',
            operand: {
              kind: 'or',
              operands: [
                {
                  kind: 'compare',
                  attribute: 'client.device',
                  path: ['client', 'device'],
                  operator: 'eq',
                  value: true,
                },
                {
                  kind: 'compare',
                  attribute: 'debugContext.debugData.x',
                  path: ['debugContext', 'debugData', 'x'],
                  operator: 'eq',
                  value: false,
                },
              ],
            },
          },
          { kind: 'compare', attribute: 'target', path: ['target'], operator: 'eq', value: null },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ filter, want }) => {
    expect(parseOktaFilter(filter)).toEqual(want);
  });
});

describe('parseOktaFilter errors', () => {
  const INVALID = 'Invalid search criteria.';
  const cases: readonly {
    name: string;
    filter: string;
    code: 'E0000031' | 'E0000053';
    summary: string;
    cause?: string;
  }[] = [
    {
      name: "unknown operator: Okta's documented example (E0000053, 0-based position)",
      filter: 'display_message eqq "Create okta user"',
      code: 'E0000053',
      summary:
        "Invalid filter 'display_message eqq \"Create okta user\"': Unrecognized attribute operator 'eqq' at position 16. Expected: eq,ne,co,sw,ew,pr,gt,ge,lt,le",
    },
    {
      name: 'SCIM operator Okta does not take (E0000053)',
      filter: 'actor.id in "x"',
      code: 'E0000053',
      summary:
        "Invalid filter 'actor.id in \"x\"': Unrecognized attribute operator 'in' at position 9. Expected: eq,ne,co,sw,ew,pr,gt,ge,lt,le",
    },
    {
      name: 'co on debugData.url',
      filter: 'debugContext.debugData.url co "/oauth/"',
      code: 'E0000031',
      summary:
        'The supplied combination of operator and field is not currently supported. Operator: co, Field: debugContext.debugData.url',
    },
    {
      name: 'CO on debugData.requestUri inside a group',
      filter: 'eventType eq "user.session.start" and (debugContext.debugData.requestUri CO "wsfed/active")',
      code: 'E0000031',
      summary:
        'The supplied combination of operator and field is not currently supported. Operator: co, Field: debugContext.debugData.requestUri',
    },
    {
      name: 'unknown top-level field (E0000053, documented wording)',
      filter: 'some_invalid_field eq "x"',
      code: 'E0000053',
      summary: 'field is not valid: some_invalid_field',
    },
    {
      name: 'top-level names are case-sensitive',
      filter: 'EventType eq "user.session.start"',
      code: 'E0000053',
      summary: 'field is not valid: EventType',
    },
    {
      name: 'snake_case field names are not LogEvent fields',
      filter: 'event_type eq "user.session.start"',
      code: 'E0000053',
      summary: 'field is not valid: event_type',
    },
    {
      name: 'field check applies to pr',
      filter: '__proto__ pr',
      code: 'E0000053',
      summary: 'field is not valid: __proto__',
    },
    {
      name: 'only own LogEvent fields',
      filter: 'constructor.name eq "Object"',
      code: 'E0000053',
      summary: 'field is not valid: constructor',
    },
    {
      name: 'the operator is checked before the field',
      filter: 'nonsense eqq "x"',
      code: 'E0000053',
      summary:
        "Invalid filter 'nonsense eqq \"x\"': Unrecognized attribute operator 'eqq' at position 9. Expected: eq,ne,co,sw,ew,pr,gt,ge,lt,le",
    },
    { name: 'empty filter', filter: '', code: 'E0000031', summary: INVALID, cause: 'Filter is empty.' },
    { name: 'blank filter', filter: '  \t ', code: 'E0000031', summary: INVALID, cause: 'Filter is empty.' },
    {
      name: 'published is refused',
      filter: 'published gt "2026-03-01T00:00:00Z"',
      code: 'E0000031',
      summary: INVALID,
      cause: "The 'published' attribute can't be used in a filter at position 0; use the since and until parameters.",
    },
    {
      name: 'not without parentheses is refused',
      filter: 'not eventType eq "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: "Expected '(' after 'not' at position 4, found 'eventType'.",
    },
    {
      name: 'unbalanced: missing close',
      filter: '(eventType eq "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: "Expected ')' at position 17, found end of filter.",
    },
    {
      name: 'unbalanced: extra close',
      filter: 'eventType eq "x")',
      code: 'E0000031',
      summary: INVALID,
      cause: "Unexpected ')' at position 16.",
    },
    {
      name: 'trailing garbage',
      filter: 'eventType eq "x" garbage',
      code: 'E0000031',
      summary: INVALID,
      cause: "Unexpected 'garbage' at position 17.",
    },
    {
      name: 'trailing logical operator',
      filter: 'eventType eq "x" and',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Unexpected end of filter at position 20.',
    },
    {
      name: 'leading logical operator',
      filter: 'or eventType eq "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: "Unexpected 'or' at position 0.",
    },
    {
      name: 'missing operator',
      filter: 'eventType',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Expected an attribute operator at position 9, found end of filter.',
    },
    {
      name: 'missing value',
      filter: 'eventType eq',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Expected a value at position 12, found end of filter.',
    },
    {
      name: 'unquoted string value',
      filter: 'eventType eq user.session.start',
      code: 'E0000031',
      summary: INVALID,
      cause: "Invalid value 'user.session.start' at position 13.",
    },
    {
      name: 'single-quoted string value',
      filter: "eventType eq 'user.session.start'",
      code: 'E0000031',
      summary: INVALID,
      cause: "Invalid value ''user.session.start'' at position 13.",
    },
    {
      name: 'number that is not JSON',
      filter: 'securityContext.asNumber eq 08075',
      code: 'E0000031',
      summary: INVALID,
      cause: "Invalid value '08075' at position 28.",
    },
    {
      name: 'number out of range',
      filter: 'securityContext.asNumber eq 1e400',
      code: 'E0000031',
      summary: INVALID,
      cause: "Invalid value '1e400' at position 28.",
    },
    {
      name: 'pr with a value',
      filter: 'actor.id pr "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Unexpected string literal at position 12.',
    },
    {
      name: 'sw with a number',
      filter: 'eventType sw 1',
      code: 'E0000031',
      summary: INVALID,
      cause: "Operator 'sw' at position 10 needs a string value.",
    },
    {
      name: 'gt with a boolean',
      filter: 'securityContext.isProxy gt true',
      code: 'E0000031',
      summary: INVALID,
      cause: "Operator 'gt' at position 24 needs a string or number value.",
    },
    {
      name: 'SCIM value path brackets are not supported',
      filter: 'target[type eq "User"].id eq "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: "Invalid attribute 'target[type' at position 0.",
    },
    {
      name: 'attribute path with an empty segment',
      filter: 'actor..id eq "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: "Invalid attribute 'actor..id' at position 0.",
    },
    {
      name: 'operator where an attribute belongs',
      filter: 'eq "x"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Expected an attribute operator at position 3, found string literal.',
    },
    {
      name: 'empty group',
      filter: '()',
      code: 'E0000031',
      summary: INVALID,
      cause: "Unexpected ')' at position 1.",
    },
    {
      name: 'unterminated string',
      filter: 'eventType eq "user.session.start',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Unterminated string literal starting at position 13.',
    },
    {
      name: 'string ending in an escaped quote is unterminated',
      filter: 'eventType eq "abc\\"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Unterminated string literal starting at position 13.',
    },
    {
      name: 'invalid escape \\x',
      filter: 'eventType eq "a\\x41"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Invalid escape sequence in string literal at position 15.',
    },
    {
      name: 'invalid escape: single quote',
      filter: 'eventType eq "O\\\'Brien"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Invalid escape sequence in string literal at position 15.',
    },
    {
      name: 'short \\u escape',
      filter: 'eventType eq "\\u12"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Invalid escape sequence in string literal at position 14.',
    },
    {
      name: 'non-hex \\u escape',
      filter: 'eventType eq "\\u12G4"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Invalid escape sequence in string literal at position 14.',
    },
    {
      name: 'backslash at the very end',
      filter: 'eventType eq "abc\\',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Invalid escape sequence in string literal at position 17.',
    },
    {
      name: 'raw control character inside a string',
      filter: 'eventType eq "a\nb"',
      code: 'E0000031',
      summary: INVALID,
      cause: 'Unescaped control character in string literal at position 15.',
    },
  ];
  it.each(cases)('$name', ({ filter, code, summary, cause }) => {
    const error = thrown(() => parseOktaFilter(filter));
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe(code);
    expect(error.errorSummary).toBe(summary);
    expect(error.message).toBe(summary);
    expect(error.causes).toEqual(cause === undefined ? [] : [cause]);
  });
});

describe('string literals decode exactly like JSON.parse', () => {
  const literals: readonly { name: string; literal: string }[] = [
    { name: 'plain', literal: '"user.session.start"' },
    { name: 'escaped quote', literal: '"say \\"hi\\""' },
    { name: 'escaped backslash', literal: '"C:\\\\Users\\\\jdoe"' },
    { name: 'escaped solidus', literal: '"\\/app\\/office365"' },
    { name: 'control escapes', literal: '"\\b\\f\\n\\r\\t"' },
    { name: '\\u escape of a quote', literal: '"\\u0022"' },
    { name: '\\u escapes, upper and lower hex', literal: '"\\u00e9\\u00C9"' },
    { name: 'surrogate pair as escapes', literal: '"\\ud83d\\ude00"' },
    { name: 'lone surrogate escape', literal: '"\\ud800"' },
    { name: 'raw emoji and accents', literal: '"Zoë 😀 Müller"' },
    { name: 'raw DEL and non-BMP', literal: '"\u007f𝄞"' },
    { name: 'empty', literal: '""' },
    { name: 'parentheses and operators inside', literal: '"(a eq \\"b\\") or not (c pr)"' },
  ];
  it.each(literals)('$name', ({ literal }) => {
    const filter = parseOktaFilter(`actor.displayName eq ${literal}`);
    expect(filter).toMatchObject({ kind: 'compare', value: JSON.parse(literal) as unknown });
  });
});

describe('injection: values stay data', () => {
  const INJECTED = 'x" or actor.id pr or eventType eq "y';
  const withName = (displayName: string): unknown => ({
    ...SESSION_START,
    actor: { ...SESSION_START.actor, displayName },
  });
  const cases: readonly { name: string; filter: string; event: unknown; want: boolean }[] = [
    {
      name: 'escaped quotes keep an "or …" payload inside one literal (no match on an ordinary event)',
      filter: 'actor.displayName eq "x\\" or actor.id pr or eventType eq \\"y"',
      event: SESSION_START,
      want: false,
    },
    {
      name: '… and it matches only an event whose value is exactly that text',
      filter: 'actor.displayName eq "x\\" or actor.id pr or eventType eq \\"y"',
      event: withName(INJECTED),
      want: true,
    },
    {
      name: 'quoteOktaFilterString builds the same single literal',
      filter: `actor.displayName eq ${quoteOktaFilterString(INJECTED)}`,
      event: SESSION_START,
      want: false,
    },
    {
      name: 'unicode-escaped quotes (\\u0022) are characters, not delimiters',
      filter: 'actor.displayName eq "x\\u0022 or actor.id pr or eventType eq \\u0022y"',
      event: withName(INJECTED),
      want: true,
    },
    {
      name: 'unicode-escaped quote payload does not match an ordinary event',
      filter: 'actor.displayName eq "x\\u0022 or actor.id pr or eventType eq \\u0022y"',
      event: SESSION_START,
      want: false,
    },
    {
      name: 'a closing parenthesis inside a literal does not close a group',
      filter: 'not (actor.displayName eq "Jane Doe) or (actor.id pr")',
      event: SESSION_START,
      want: true,
    },
    {
      name: 'backslashes are literal backslashes',
      filter: 'actor.displayName eq "CONTOSO\\\\jdoe"',
      event: withName('CONTOSO\\jdoe'),
      want: true,
    },
    {
      name: 'emoji compare exactly',
      filter: 'actor.displayName eq "Jane 😀"',
      event: withName('Jane 😀'),
      want: true,
    },
    {
      name: 'emoji via surrogate escapes equal the raw emoji',
      filter: 'actor.displayName eq "Jane \\ud83d\\ude00"',
      event: withName('Jane 😀'),
      want: true,
    },
    {
      name: 'sw with regex metacharacters is a plain prefix',
      filter: 'actor.displayName sw ".*"',
      event: SESSION_START,
      want: false,
    },
    {
      name: 'co with regex metacharacters is a plain substring',
      filter: 'actor.displayName co "a+(b)?"',
      event: withName('xa+(b)?y'),
      want: true,
    },
  ];
  it.each(cases)('$name', ({ filter, event, want }) => {
    expect(matches(filter, event)).toBe(want);
  });

  const rejected: readonly { name: string; filter: string }[] = [
    {
      name: 'an unescaped quote ends the literal: the rest is trailing garbage',
      filter: 'actor.displayName eq "x" or"',
    },
    {
      name: 'an unescaped quote payload fails to parse',
      filter: 'actor.displayName eq "x" or actor.id pr or eventType eq "y',
    },
    { name: 'unbalanced open parentheses', filter: '((eventType eq "x")' },
    { name: 'unbalanced close parentheses', filter: '(eventType eq "x"))' },
    { name: 'too long', filter: `actor.displayName eq "${'a'.repeat(OKTA_FILTER_MAX_LENGTH)}"` },
    {
      name: 'nested too deep',
      filter: `${'('.repeat(OKTA_FILTER_MAX_DEPTH + 1)}eventType eq "x"${')'.repeat(OKTA_FILTER_MAX_DEPTH + 1)}`,
    },
    {
      name: 'not-chain nested too deep',
      filter: `${'not ('.repeat(OKTA_FILTER_MAX_DEPTH + 1)}eventType eq "x"${')'.repeat(OKTA_FILTER_MAX_DEPTH + 1)}`,
    },
    { name: 'JavaScript is not a value', filter: 'eventType eq process.exit(1)' },
    { name: 'template syntax is not a value', filter: 'eventType eq ${x}' },
    { name: 'empty', filter: '' },
  ];
  it.each(rejected)('$name → E0000031', ({ filter }) => {
    const error = thrown(() => parseOktaFilter(filter));
    expect(error.errorCode).toBe('E0000031');
  });

  it('accepts nesting exactly at the limit and a filter exactly at the length cap', () => {
    const deep = `${'('.repeat(OKTA_FILTER_MAX_DEPTH)}eventType eq "user.session.start"${')'.repeat(OKTA_FILTER_MAX_DEPTH)}`;
    expect(matches(deep, SESSION_START)).toBe(true);
    const prefix = 'actor.displayName eq "';
    const long = `${prefix}${'a'.repeat(OKTA_FILTER_MAX_LENGTH - prefix.length - 1)}"`;
    expect(long).toHaveLength(OKTA_FILTER_MAX_LENGTH);
    expect(matches(long, SESSION_START)).toBe(false);
  });

  it('a long flat chain of or needs no recursion', () => {
    const terms = Array.from({ length: 150 }, (_, i) => `target.id eq "0oa${String(i)}"`);
    const filter = [...terms, 'target.id eq "rul9xyz"'].join(' or ');
    expect(filter.length).toBeLessThanOrEqual(OKTA_FILTER_MAX_LENGTH);
    expect(matches(filter, POLICY_DENY)).toBe(true);
  });
});

describe('quoteOktaFilterString', () => {
  const values: readonly { name: string; value: string; want: string }[] = [
    { name: 'plain id', value: '00u8ab12cdEFghIJ5d7', want: '"00u8ab12cdEFghIJ5d7"' },
    { name: 'double quote', value: 'say "hi"', want: '"say \\"hi\\""' },
    { name: 'backslash', value: 'CONTOSO\\jdoe', want: '"CONTOSO\\\\jdoe"' },
    { name: 'newline and tab', value: 'a\nb\tc', want: '"a\\nb\\tc"' },
    { name: 'other control character', value: '\u0001', want: '"\\u0001"' },
    { name: 'lone surrogate', value: '\ud800', want: '"\\ud800"' },
    { name: 'emoji stays raw', value: '😀', want: '"😀"' },
    { name: 'injection payload', value: 'x" or actor.id pr or "', want: '"x\\" or actor.id pr or \\""' },
  ];
  it.each(values)('$name', ({ value, want }) => {
    expect(quoteOktaFilterString(value)).toBe(want);
  });
  it.each(values)('$name round-trips through the parser', ({ value }) => {
    expect(parseOktaFilter(`actor.id eq ${quoteOktaFilterString(value)}`)).toMatchObject({ value });
  });
});

describe('matchesOktaQ', () => {
  const cases: readonly { name: string; q: string; event: unknown; want: boolean }[] = [
    { name: 'empty q matches everything', q: '', event: SESSION_START, want: true },
    { name: 'blank q matches everything', q: '   ', event: SESSION_START, want: true },
    { name: 'UPN (actor.alternateId)', q: 'jdoe@contoso.com', event: SESSION_START, want: true },
    { name: 'case-insensitive', q: 'JDOE@Contoso.COM', event: SESSION_START, want: true },
    { name: 'every keyword must match', q: 'jdoe@contoso.com FAILURE', event: SESSION_START, want: false },
    {
      name: 'keywords across fields',
      q: 'jdoe@contoso.com INVALID_CREDENTIALS',
      event: RICH_CLIENT_FAILURE,
      want: true,
    },
    { name: 'city, two keywords (doc example)', q: 'San Francisco', event: SESSION_START, want: true },
    { name: 'person, two keywords (doc example)', q: 'Jane Doe', event: SESSION_START, want: true },
    { name: 'a word of displayMessage', q: 'rich', event: RICH_CLIENT_FAILURE, want: true },
    { name: 'a target display name', q: 'Office', event: RICH_CLIENT_FAILURE, want: true },
    {
      name: 'the whole hyphenated value (doc example)',
      q: 'XOxBw-2JIRnCFd0gG0GjHAAABjY',
      event: SESSION_START,
      want: true,
    },
    { name: 'first hyphen part (doc example)', q: 'XOxBw', event: SESSION_START, want: true },
    { name: 'second hyphen part (doc example)', q: '2JIRnCFd0gG0GjHAAABjY', event: SESSION_START, want: true },
    { name: 'substrings do not match', q: 'jdoe', event: SESSION_START, want: false },
    { name: 'part of a path does not match', q: 'wsfed', event: SESSION_START, want: false },
    { name: 'a whole dotted value', q: 'core.user_auth.login_success', event: SESSION_START, want: true },
    {
      name: 'a 52-character requestUri is over the keyword limit',
      q: ACTIVE_URI.slice(0, 40),
      event: SESSION_START,
      want: false,
    },
    { name: 'a number value', q: '8075', event: SESSION_START, want: true },
    { name: 'an array element', q: 'Device', event: POLICY_DENY, want: true },
    { name: 'punctuation around a word is ignored', q: 'Outlook', event: SESSION_START, want: true },
    { name: 'regex metacharacters are literal', q: '.*', event: SESSION_START, want: false },
    { name: 'non-object record', q: 'x', event: 42, want: false },
  ];
  it.each(cases)('$name', ({ q, event, want }) => {
    expect(matchesOktaQ(event, q)).toBe(want);
  });

  const LONG =
    "Api validation failed: 'q': Freeform search cannot contain items longer than 40 characters. Please shorten the items in your search or use an advanced filter to query by specific fields.";
  const MANY =
    "Api validation failed: 'q': Freeform search cannot contain more than 10 items. Please remove items from your search or use an advanced filter to query by specific fields.";
  const errors: readonly { name: string; q: string; summary: string }[] = [
    { name: '41-character keyword', q: `jdoe ${'a'.repeat(41)}`, summary: LONG },
    { name: '11 keywords', q: Array.from({ length: 11 }, (_, i) => `k${String(i)}`).join(' '), summary: MANY },
  ];
  it.each(errors)('$name → E0000001', ({ q, summary }) => {
    const error = thrown(() => matchesOktaQ(SESSION_START, q));
    expect(error.errorCode).toBe('E0000001');
    expect(error.errorSummary).toBe(summary);
    expect(error.causes).toEqual([summary.replace("Api validation failed: 'q': ", 'q: ')]);
  });

  const accepted: readonly { name: string; q: string; keywords: number }[] = [
    { name: '40-character keyword', q: 'a'.repeat(40), keywords: 1 },
    { name: '40 emoji count as 40 characters', q: '😀'.repeat(40), keywords: 1 },
    { name: '10 keywords', q: Array.from({ length: 10 }, (_, i) => `k${String(i)}`).join('  '), keywords: 10 },
  ];
  it.each(accepted)('$name is accepted', ({ q, keywords }) => {
    expect(parseOktaQ(q)).toHaveLength(keywords);
  });
});

describe('toOktaErrorBody', () => {
  it('renders the documented Okta error shape', () => {
    const error = thrown(() => parseOktaFilter('eventType eq "x'));
    expect(toOktaErrorBody(error, 'oae1234')).toEqual({
      errorCode: 'E0000031',
      errorSummary: 'Invalid search criteria.',
      errorLink: 'E0000031',
      errorId: 'oae1234',
      errorCauses: [{ errorSummary: 'Unterminated string literal starting at position 13.' }],
    });
  });

  it('has empty causes for the E0000053 operator error', () => {
    const error = thrown(() => parseOktaFilter('eventType eqq "x"'));
    expect(toOktaErrorBody(error, 'id')).toMatchObject({
      errorCode: 'E0000053',
      errorLink: 'E0000053',
      errorCauses: [],
    });
  });

  it('is an Error with status 400', () => {
    const error = new OktaQueryError('E0000031', 'Invalid search criteria.', ['x']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('OktaQueryError');
    expect(error.status).toBe(400);
  });
});
