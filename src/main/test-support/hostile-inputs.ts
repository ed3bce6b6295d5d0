/*
 * The hostile inputs the app defends against, and what must happen to each: the documentation of
 * the abuse suite. Every row is run through each way in it names, by
 *   - src/main/ipc/abuse.keychain.test.ts  (IPC: the real dispatcher and handlers, the real keychain),
 *   - src/cli/abuse.test.ts                 (the CLI: runCli in-process and the built CLI as a child),
 *   - e2e/abuse.spec.ts                     (the UI: the built renderer in Chromium, bound to the real main).
 *
 * An outcome is either "refused": a clear error containing `message`, short (never echoing a
 * 1 MB input back), nothing stored and nothing lost; or "data": accepted and kept as exactly
 * what was typed, and shown or written only as inert text (`check` says how the tests see that).
 */

/** How an input gets into the app. */
export type Way = 'ipc' | 'cli' | 'ui';

/** What must happen to a hostile input. */
export type Outcome =
  { readonly kind: 'refused'; readonly message: RegExp } | { readonly kind: 'data'; readonly check: string };

/** One hostile input: what it is, the value, where it enters, and what must happen. */
export interface HostileRow<T = string> {
  readonly name: string;
  readonly value: T;
  readonly ways: readonly Way[];
  readonly outcome: Outcome;
}

/** The longest error message any refusal may give, in characters: short enough to read, never an echo of 1 MB. */
export const MAX_ERROR_MESSAGE = 600;

/** One mebibyte of text: the "1 MB string" of the issue. */
export const ONE_MB = 1024 * 1024;

/** A string of `n` characters, `filler` repeated. */
export function longString(n: number, filler = 'a'): string {
  return filler.repeat(Math.ceil(n / filler.length)).slice(0, n);
}

const NOT_A_UPN = /is not a user principal name/;
const AS_LITERAL = 'no verdict but OKTA_USER_NOT_FOUND, no gap, and the tenant got it as one literal';

/**
 * UPNs that try to change the Okta filter, the Okta path, the Graph `$filter` or the Graph path
 * they are sent in. A UPN may legally hold quotes, backslashes, `%`, `$` and filter keywords: those
 * are data (escaped as literals, encoded in paths) and must find nobody. Spaces, control, bidi and
 * invisible characters cannot be in a UPN: those are refused by subject validation.
 */
export const QUERY_INJECTION_UPNS: readonly HostileRow[] = [
  {
    name: 'OData quote',
    value: "o'brien@contoso.com",
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'Okta filter quotes and keywords',
    value: 'x"or"actor.id"eq"x@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'backslash escaping the closing quote',
    value: 'x\\"@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: "OData ') or true",
    value: "x')or(true@contoso.com",
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'percent-encoded quote (%27)',
    value: '%27or%271%27eq%271@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'OData system query option and parameter splitting',
    value: 'x&$top=999&$filter=true@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'path traversal in the user lookup',
    value: '../../apps@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    // Found by this suite: the Graph client put $filter into the URL unencoded, so Graph decoded
    // %27 to a quote and this UPN widened the filter to another user's sign-ins.
    name: 'percent-encoded OData injection naming another user',
    value: 'x%27%20or%20userPrincipalName%20eq%20%27dmitri.volkov@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'encoded @ that decodes to a real demo user',
    value: 'michael.chen%40contoso.com@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'fragment and wildcard',
    value: '*#michael.chen@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: AS_LITERAL },
  },
  {
    name: 'Okta filter with spaces: " or actor.id pr "',
    value: '" or actor.id pr "@contoso.com',
    ways: ['ipc', 'cli', 'ui'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: "OData with spaces: ') or true or ('",
    value: "') or true or ('@contoso.com",
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: 'newline',
    value: 'x\nactor@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  { name: 'NUL byte', value: 'x\u0000@contoso.com', ways: ['ipc'], outcome: { kind: 'refused', message: NOT_A_UPN } },
  {
    name: 'terminal escape sequence',
    value: 'x\u001b[2J\u001b[31m@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: 'zero-width space inside a real demo user',
    value: 'michael.chen\u200b@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: 'right-to-left override',
    value: 'michael.chen\u202e@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: 'bidi isolate',
    value: 'x\u2066y\u2069@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: 'C1 control (CSI)',
    value: 'x\u009b2J@contoso.com',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  {
    name: 'lone surrogate',
    value: 'x\ud800@contoso.com',
    ways: ['ipc'],
    outcome: { kind: 'refused', message: NOT_A_UPN },
  },
  { name: 'two @', value: 'a@b@contoso.com', ways: ['ipc', 'cli'], outcome: { kind: 'refused', message: NOT_A_UPN } },
  {
    name: '1 MB UPN',
    value: `${longString(ONE_MB)}@contoso.com`,
    ways: ['ipc', 'cli', 'ui'],
    // IPC: the contract's bound (zod's "Too big … <=256"); CLI: subject validation's.
    outcome: { kind: 'refused', message: /<=256|at most 256/ },
  },
];

/**
 * Free text that must stay text: markup, Markdown, ticket field lines, terminal and bidi
 * controls, invisible characters, lone surrogates. Where a field accepts it, it is stored exactly
 * and rendered inert (HTML escaped, Markdown literal, ticket on its own line, terminal escaped,
 * React text); where a field is one plain line, it is refused.
 */
export const HOSTILE_TEXT: readonly HostileRow[] = [
  {
    name: 'HTML element with a handler',
    value: '<img src=x onerror="window.__pwned=1">',
    ways: ['ipc', 'cli', 'ui'],
    outcome: { kind: 'data', check: 'no element from data; window.__pwned stays unset' },
  },
  {
    name: 'script element',
    value: '<script>window.__pwned=2</script>',
    ways: ['ipc', 'ui'],
    outcome: { kind: 'data', check: 'no <script> from data in any report; nothing runs' },
  },
  {
    name: 'Markdown link and heading',
    value: '# Resolved\n[click](javascript:alert(1))',
    ways: ['ipc'],
    outcome: { kind: 'data', check: 'no heading or link from data in the Markdown report' },
  },
  {
    name: 'ticket field line (CRLF)',
    value: 'ok\r\nResolution: closed by attacker',
    ways: ['ipc'],
    outcome: { kind: 'data', check: 'no line of the ticket starts with the injected field' },
  },
  {
    name: 'terminal escapes (C0)',
    value: 'a\u0000b\u0007c\u001b[2J\u001b]0;pwned\u0007d',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: 'stored as typed; no ESC or BEL reaches a report or the terminal' },
  },
  {
    name: 'DEL and C1 controls',
    value: 'a\u007fb\u0085c\u009b31md',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: 'stored as typed; removed from reports, escaped on the terminal' },
  },
  {
    name: 'right-to-left override',
    value: 'invoice\u202Efdp.exe',
    ways: ['ipc', 'cli', 'ui'],
    outcome: { kind: 'data', check: 'stored as typed; no override reaches a report or the terminal' },
  },
  {
    name: 'bidi isolates',
    value: 'a\u2066b\u2067c\u2068d\u2069e',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: 'stored as typed; removed from reports' },
  },
  {
    name: 'zero-width characters',
    value: 'a\u200bb\u200cc\u200dd\ufeffe',
    ways: ['ipc', 'cli'],
    outcome: { kind: 'data', check: 'stored as typed; removed from reports' },
  },
  {
    name: 'lone surrogates',
    value: 'a\ud800b\udfffc',
    ways: ['ipc'],
    outcome: { kind: 'data', check: 'kept; reports carry U+FFFD instead' },
  },
];

/**
 * The characters no report, export name or terminal line may carry (see core/report/sanitize-text.ts):
 * C0 controls but tab and line feed, DEL, C1, zero-width and bidi marks, embeddings, overrides
 * and isolates, the word joiner family and the byte order mark. Built from code points, since
 * lint (rightly) refuses control characters written into a pattern.
 */
export const FORBIDDEN_IN_OUTPUT = new RegExp(
  `[${[
    [0x00, 0x08],
    [0x0b, 0x1f],
    [0x7f, 0x9f],
    [0x200b, 0x200f],
    [0x202a, 0x202e],
    [0x2060, 0x2064],
    [0x2066, 0x2069],
    [0xfeff, 0xfeff],
  ]
    .map(([from = 0, to = 0]) => `\\u${from.toString(16).padStart(4, '0')}-\\u${to.toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'u',
);

/**
 * Fields of the IPC contract that take free text, with their bound and their policy: "text"
 * keeps anything under the bound as data (notes are the technician's own words, pasted from
 * anywhere: refusing a zero-width space would lose their work); "line" is one plain line (names
 * and ids shown in lists), where control and invisible characters are refused.
 */
export const FREE_TEXT_FIELDS = [
  { field: 'incidents:update work.notes', max: 20_000, policy: 'text' },
  { field: 'profiles:save profile.name', max: 80, policy: 'line' },
  { field: 'profiles:save profile.okta.keyId', max: 200, policy: 'line' },
  { field: 'profiles:save profile.office365AppId', max: 40, policy: 'line' },
] as const;

/** A field of {@link FREE_TEXT_FIELDS}. */
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number]['field'];

/**
 * UPNs of an evidence bundle that feed the exported report's file name (`reportFileName`): the
 * bundle validator admits any `x@y.z` without spaces, so these reach the name builder. Each must
 * give a name in the chosen folder, of `A-Z a-z 0-9 . _ @ -` only, starting `signin-triage-`, at
 * most 120 characters; nothing is written anywhere else.
 */
export const HOSTILE_NAME_UPNS: readonly HostileRow[] = [
  ['relative traversal', '../../../../tmp/evil@x.com'],
  ['absolute path', '/etc/cron.d/evil@x.com'],
  ['Windows traversal and drive', 'C:\\Windows\\..\\evil@x.com'],
  ['Windows reserved name', 'CON@NUL.com'],
  ['COM1 and trailing dots', 'COM1...@x.com.'],
  ['NUL byte', 'a\u0000b@x.com'],
  ['bidi override (gpj.exe)', 'photo\u202Egpj.exe@x.com'],
  ['zero-width and control', 'a\u200b\u0007b@x.com'],
  ['only dots', '...@....x'],
  ['very long', `${longString(240, 'ab/')}@x.com`],
].map(([name, value]) => ({
  name: name ?? '',
  value: value ?? '',
  ways: ['cli', 'ipc'] as const,
  outcome: { kind: 'data', check: 'a sanitised name in the chosen folder; nothing outside it' } as const,
}));

/** How a hostile file is made (text, or a file that is too large without writing it all). */
export type HostileFile =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'sparse'; readonly bytes: number }
  | { readonly kind: 'folder' }
  | { readonly kind: 'missing' };

/** A hostile evidence bundle, scenario or incident file, and the message its refusal must contain. */
export interface HostileFileRow {
  readonly name: string;
  readonly file: HostileFile;
  /** `refused` with the message, or `data` (read and used) with how that is checked. */
  readonly outcome: Outcome;
}

const text = (t: string): HostileFile => ({ kind: 'text', text: t });

/** Arrays nested `levels` deep: `[[[…]]]`. */
export function nestedArrays(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

/**
 * Malformed files, for any JSON file the app reads (a `--bundle`, a `--scenario`, an incident's
 * evidence): each is refused with a message that says what is wrong (the tests also check the
 * message names the file, where a file name is given).
 */
export const MALFORMED_JSON_FILES: readonly HostileFileRow[] = [
  { name: 'empty file', file: text(''), outcome: { kind: 'refused', message: /not JSON/ } },
  { name: 'not JSON', file: text('hello, world'), outcome: { kind: 'refused', message: /not JSON/ } },
  { name: 'truncated', file: text('{"format":"signin-triage.'), outcome: { kind: 'refused', message: /not JSON/ } },
  { name: 'byte order mark', file: text('\ufeff{}'), outcome: { kind: 'refused', message: /not JSON/ } },
  {
    name: '100,000 levels of arrays',
    file: text(nestedArrays(100_000)),
    outcome: { kind: 'refused', message: /nested more than 64 levels/ },
  },
  { name: 'a JSON array', file: text('[]'), outcome: { kind: 'refused', message: /expected object/ } },
  { name: 'JSON null', file: text('null'), outcome: { kind: 'refused', message: /expected object/ } },
  {
    name: '1 MB key with terminal escapes',
    file: text(`{"\\u001b[2J${longString(ONE_MB)}":1}`),
    // The key itself is echoed only when it is among the first problems listed; the message stays short.
    outcome: { kind: 'refused', message: /not (a )?valid/i },
  },
  { name: 'a folder', file: { kind: 'folder' }, outcome: { kind: 'refused', message: /not a file/ } },
  { name: 'no such file', file: { kind: 'missing' }, outcome: { kind: 'refused', message: /ENOENT/ } },
];

/** A hostile edit of a valid evidence bundle (the bundle as parsed JSON in, the file's text out). */
export interface BundleEditRow {
  readonly name: string;
  readonly edit: (bundle: Record<string, unknown>) => string;
  readonly outcome: Outcome;
}

/** Replaces the JSON string `"@@HOLE@@"` in `json` with raw JSON text (to build what JSON.stringify cannot). */
function withHole(bundle: Record<string, unknown>, place: (b: Record<string, unknown>) => void, raw: string): string {
  const copy = structuredClone(bundle);
  place(copy);
  return JSON.stringify(copy).replace('"@@HOLE@@"', raw);
}

/** The first Okta System Log event of a bundle, to plant something in. */
function firstEvent(b: Record<string, unknown>): Record<string, unknown> {
  const event = ((b.okta as { logEvents?: Record<string, unknown>[] } | undefined)?.logEvents ?? [])[0];
  if (event === undefined) throw new Error('the base bundle needs an Okta System Log event');
  return event;
}

/**
 * Edits of a valid evidence bundle (CLI `diagnose --bundle` and `report --bundle`; an incident's
 * `<id>.bundle.json`). "refused" means exit 2 on the CLI and a clear "damaged" error over IPC,
 * with other incidents still listed; "data" means diagnosed and reported as usual.
 */
export const HOSTILE_BUNDLE_EDITS: readonly BundleEditRow[] = [
  {
    name: 'a vendor record nested 100,000 levels deep (once a stack overflow in the report)',
    edit: (b) =>
      withHole(b, (c) => (firstEvent(c).debugContext = { debugData: { x: '@@HOLE@@' } }), nestedArrays(100_000)),
    outcome: { kind: 'refused', message: /nested more than 64 levels/ },
  },
  {
    name: 'a vendor record nested 40 levels deep (deep, but within the limit)',
    edit: (b) => withHole(b, (c) => (firstEvent(c).debugContext = { debugData: { x: '@@HOLE@@' } }), nestedArrays(40)),
    outcome: { kind: 'data', check: 'diagnosed and reported, exit 0' },
  },
  {
    name: '__proto__ at the top',
    edit: (b) => JSON.stringify(b).replace('{', '{"__proto__":{"polluted":true},'),
    outcome: { kind: 'refused', message: /__proto__: unknown field/ },
  },
  {
    name: 'constructor.prototype at the top',
    edit: (b) => JSON.stringify(b).replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
    outcome: { kind: 'refused', message: /constructor: unknown field/ },
  },
  {
    name: '__proto__ inside a vendor record',
    edit: (b) => withHole(b, (c) => (firstEvent(c).extra = '@@HOLE@@'), '{"__proto__":{"polluted":true}}'),
    outcome: { kind: 'data', check: 'diagnosed and reported; Object.prototype gains nothing' },
  },
  {
    name: 'duplicate keys (a second subject)',
    edit: (b) =>
      JSON.stringify(b).replace(
        '"subject":',
        `"subject":${JSON.stringify({ ...(b.subject as object), upn: 'someone.else@contoso.com' })},"subject":`,
      ),
    outcome: { kind: 'data', check: 'the last one wins, as in JSON.parse: the report is about the bundle’s own user' },
  },
  {
    name: 'wrong format tag',
    edit: (b) => JSON.stringify({ ...b, format: 'signin-triage.evidence/v9' }),
    outcome: { kind: 'refused', message: /format: / },
  },
  {
    name: 'wrong types',
    edit: (b) => JSON.stringify({ ...b, gaps: 'none', okta: [] }),
    outcome: { kind: 'refused', message: /okta: .*expected object.*gaps: .*expected array|gaps: .*expected array/ },
  },
  {
    name: '1 MB user principal name',
    edit: (b) => JSON.stringify({ ...b, subject: { ...(b.subject as object), upn: `${longString(ONE_MB)}@x.com` } }),
    outcome: { kind: 'refused', message: /subject\.upn: Too big/ },
  },
];

/** Larger than the evidence bundle cap (256 MB): made sparse, so it costs no disk. */
export const OVERSIZED_BUNDLE: HostileFileRow = {
  name: 'a 257 MB bundle',
  file: { kind: 'sparse', bytes: 257 * 1024 * 1024 },
  outcome: { kind: 'refused', message: /larger than 256 MB/ },
};

/** A hostile edit of the built-in scenario (parsed JSON in, the file's text out), for `--scenario FILE`. */
export interface ScenarioEditRow {
  readonly name: string;
  readonly edit: (scenario: Record<string, unknown>) => string;
  readonly outcome: Outcome;
}

/** The scenario's users, to edit. */
function usersOf(s: Record<string, unknown>): Record<string, unknown>[] {
  return s.users as Record<string, unknown>[];
}

/**
 * Hostile scenario files for `demo list|serve|bundle` and `diagnose|report --demo` with
 * `--scenario FILE`. Refusals are exit 2 with the file and the JSON path of the problem.
 */
export const HOSTILE_SCENARIO_EDITS: readonly ScenarioEditRow[] = [
  {
    name: 'wrong format tag',
    edit: (s) => JSON.stringify({ ...s, format: 'something/v1' }),
    outcome: { kind: 'refused', message: /format: expected "signin-triage\.demo-scenario\/v1"/ },
  },
  {
    name: 'wrong types',
    edit: (s) => JSON.stringify({ ...s, users: 'everyone' }),
    outcome: { kind: 'refused', message: /users: / },
  },
  {
    name: 'a bad field deep inside',
    edit: (s) => {
      const copy = structuredClone(s);
      const user = usersOf(copy)[3];
      if (user !== undefined) (user.happenings as Record<string, unknown>[])[0] = { kind: 'legacy-deny', at: '+5m' };
      return JSON.stringify(copy);
    },
    outcome: { kind: 'refused', message: /users\[3\]\.happenings\[0\]\.at: expected a relative time/ },
  },
  {
    name: 'an unknown field with a terminal escape in its name',
    edit: (s) => JSON.stringify({ ...s, '\u001b[2Jx': 1 }),
    outcome: { kind: 'refused', message: /\\u001b\[2Jx: unknown field/ },
  },
  {
    name: 'huge arrays: a spray of 20 million attempts on every user',
    edit: (s) => {
      const copy = structuredClone(s);
      // Every user is sprayed 1,000 times from 200 addresses, 100 attempts each: 20 million attempts a user.
      for (const user of usersOf(copy))
        user.happenings = [{ kind: 'spray', at: '-80d', repeat: 1_000, every: '1h', ips: 200, attemptsPerIp: 100 }];
      return JSON.stringify(copy);
    },
    outcome: { kind: 'refused', message: /renders \d+ sign-in attempts; at most 250000/ },
  },
  {
    name: 'hostile display name and title (markup, escapes, bidi)',
    edit: (s) => {
      const copy = structuredClone(s);
      const user = usersOf(copy)[0];
      if (user !== undefined) {
        user.displayName = '<img src=x onerror="window.__pwned=1">\u202Eevil';
        user.title = 'line one\n\u001b[2Jline two';
      }
      return JSON.stringify(copy);
    },
    outcome: { kind: 'data', check: 'listed exactly in --json; the text listing shows escapes, one line per user' },
  },
];

/** Files larger than the scenario cap (16 MB) or malformed, for `--scenario FILE`. */
export const OVERSIZED_SCENARIO: HostileFileRow = {
  name: 'a 17 MB scenario',
  file: { kind: 'sparse', bytes: 17 * 1024 * 1024 },
  outcome: { kind: 'refused', message: /larger than 16 MB/ },
};
