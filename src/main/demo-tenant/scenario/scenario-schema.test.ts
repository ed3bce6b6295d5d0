import { describe, expect, it } from 'vitest';
import { parseDuration, parseRelativeTime, parseScenario } from './scenario-schema';
import { contosoJson } from './scenario-test-support';

/*
 * The scenario schema: the Contoso file parses, and each kind of broken scenario is rejected
 * with a message that names the offending field.
 */

type Json = Record<string, unknown>;

/** A deep copy of the Contoso JSON for one case to break. */
function contoso(): Json {
  return structuredClone(contosoJson()) as Json;
}

/** Item `i` of a JSON array, or a clear failure when the scenario changed shape. */
function item(list: unknown, i: number): Json {
  const found = (list as Json[])[i];
  if (found === undefined) throw new Error(`no item ${String(i)}`);
  return found;
}

function users(s: Json): Json[] {
  return s.users as Json[];
}

function user(s: Json, i: number): Json {
  const u = users(s)[i];
  if (u === undefined) throw new Error(`no users[${String(i)}]`);
  return u;
}

function happenings(s: Json, i: number): Json[] {
  return user(s, i).happenings as Json[];
}

function happening(s: Json, i: number, j: number): Json {
  const h = happenings(s, i)[j];
  if (h === undefined) throw new Error(`no users[${String(i)}].happenings[${String(j)}]`);
  return h;
}

/** [what, how to break it, the text the error must contain]. */
const BROKEN: readonly (readonly [string, (s: Json) => void, string])[] = [
  [
    'a time that is not relative',
    (s) => {
      happening(s, 1, 1).at = '45m';
    },
    'users[1].happenings[1].at: expected a relative time like "-45m"',
  ],
  [
    'a time older than the System Log keeps',
    (s) => {
      happening(s, 3, 0).at = '-91d';
    },
    'users[3].happenings[0].at: expected a relative time like "-45m"',
  ],
  [
    'a bad duration',
    (s) => {
      happening(s, 0, 0).every = 'often';
    },
    'users[0].happenings[0].every: expected a duration like "10m"',
  ],
  [
    'an unknown happening kind',
    (s) => {
      happening(s, 2, 0).kind = 'teleport';
    },
    'users[2].happenings[0].kind: expected a happening kind: browser-sso,',
  ],
  [
    'an unknown field',
    (s) => {
      happening(s, 2, 0).colour = 'blue';
    },
    'users[2].happenings[0].colour: unknown field',
  ],
  [
    'a malformed Okta user id',
    (s) => {
      (user(s, 4).okta as Json).id = '00u123';
    },
    'users[4].okta.id: expected an Okta user id: "00u" followed by 17 letters or digits',
  ],
  [
    'a tenant id that is not a GUID',
    (s) => {
      (s.tenant as Json).tenantId = 'contoso';
    },
    'tenant.tenantId: expected a GUID',
  ],
  [
    'an unknown verdict',
    (s) => {
      user(s, 5).expectedVerdict = 'BROKEN';
    },
    'users[5].expectedVerdict: expected a verdict code',
  ],
  [
    'an unknown symptom',
    (s) => {
      user(s, 5).symptom = 'fax';
    },
    'users[5].symptom: expected a symptom: outlook-desktop,',
  ],
  [
    'a missing title',
    (s) => {
      delete user(s, 6).title;
    },
    'users[6].title: expected a one-line title',
  ],
  [
    'an unknown client preset',
    (s) => {
      happening(s, 0, 0).client = 'nokia-3310';
    },
    'users[0].happenings[0].client: expected a client preset:',
  ],
  [
    'an unknown place',
    (s) => {
      user(s, 2).from = 'moon-base';
    },
    'users[2].from: no place is named "moon-base"',
  ],
  [
    'an unknown zone',
    (s) => {
      happening(s, 26, 0).zone = 'Somewhere';
    },
    'users[26].happenings[0].zone: no network zone is named "Somewhere"',
  ],
  [
    'a zone-block in a zone that is not a blocklist',
    (s) => {
      happening(s, 26, 0).zone = 'Corporate Offices';
    },
    'users[26].happenings[0].zone: "Corporate Offices" is not a BLOCKLIST zone',
  ],
  [
    'an unknown policy rule',
    (s) => {
      happening(s, 0, 0).rule = 'Allow everything';
    },
    'users[0].happenings[0].rule: the Office 365 policy "Microsoft Office 365" has no rule named "Allow everything"',
  ],
  [
    'an unknown Conditional Access policy',
    (s) => {
      const entra = happening(s, 24, 0).entra as Json;
      entra.caPolicies = [{ policy: 'Require a unicorn', result: 'failure' }];
    },
    'users[24].happenings[0].entra.caPolicies[0].policy: no Conditional Access policy is named "Require a unicorn"',
  ],
  [
    'a duplicate UPN',
    (s) => {
      user(s, 6).upn = user(s, 5).upn;
    },
    'users[6].upn: the UPN kenji.watanabe@contoso.com is already used by users[5]',
  ],
  [
    'a UPN on a domain the tenant does not have',
    (s) => {
      user(s, 2).upn = 'grace.okafor@example.org';
    },
    'users[2].upn: the domain example.org is not one of the scenario’s domains',
  ],
  [
    'a repeat without "every"',
    (s) => {
      delete happening(s, 0, 0).every;
    },
    'users[0].happenings[0].every: a repeated happening needs "every"',
  ],
  [
    'repeats that run into the future',
    (s) => {
      happening(s, 0, 0).repeat = 20;
    },
    'users[0].happenings[0].repeat: 20 times every 15m from -2h runs into the future',
  ],
  [
    'a federated domain without federation settings',
    (s) => {
      const domain = item(s.domains, 0);
      delete domain.federation;
    },
    'domains[0].federation: a Federated domain needs federation settings',
  ],
  [
    'federation to another IdP without its sign-in URI',
    (s) => {
      const northwind = item(s.domains, 3);
      delete (northwind.federation as Json).passiveSignInUri;
    },
    'domains[3].federation.passiveSignInUri: required when the domain is not federated',
  ],
  [
    'an Office 365 assignment without an Okta account',
    (s) => {
      user(s, 2).okta = null;
    },
    'users[2].office365.assigned: a user without an Okta account cannot be assigned to Office 365',
  ],
  [
    'a browser sign-in for a login Okta does not know',
    (s) => {
      happenings(s, 13).push({ kind: 'browser-sso', at: '-5m' });
    },
    'users[13].happenings[1].kind: Okta has no user with the login jonathan.pike@contoso.com',
  ],
  [
    'an ImmutableID from the objectGUID of a user with no AD account',
    (s) => {
      user(s, 4).immutableId = { entra: { from: 'objectGuid' } };
    },
    'users[4].immutableId: an ImmutableID "from": "objectGuid" needs the user’s "ad" account',
  ],
  [
    'an ImmutableID recipe that is none of the known forms',
    (s) => {
      user(s, 4).immutableId = { okta: 'hi2LdEwsjU+LThoc5MnQ5Q==' };
    },
    'users[4].immutableId.okta: expected {"from":"objectGuid"}',
  ],
  [
    'an Entra sign-in for a user with no Entra account',
    (s) => {
      user(s, 20).entra = null;
    },
    'users[20].happenings[0].kind: this user has no Entra account',
  ],
  [
    'a place address that is not IPv4',
    (s) => {
      ((s.places as Json)['chicago-hq'] as Json).ip = '198.51.100';
    },
    'places.chicago-hq.ip: expected an IPv4 address',
  ],
  [
    'a policy rule id of the wrong kind',
    (s) => {
      item(item(s.policies, 0).rules, 0).id = '0prAAAAAAAAAAAAAAAAA';
    },
    'policies[0].rules[0].id: a rule of a ACCESS_POLICY policy has an id starting with "rul"',
  ],
  [
    'a wrong format tag',
    (s) => {
      s.format = 'something-else';
    },
    'format: expected "signin-triage.demo-scenario/v1"',
  ],
];

describe('parseScenario', () => {
  it('accepts the Contoso scenario', () => {
    const parsed = parseScenario(contosoJson());
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it.each(BROKEN)('rejects %s, naming the field', (_what, breakIt, message) => {
    const s = contoso();
    breakIt(s);
    const parsed = parseScenario(s);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('rejects something that is not a scenario at all', () => {
    const parsed = parseScenario(42);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^\(scenario\): /);
  });

  it('lists at most five problems and counts the rest', () => {
    const s = contoso();
    for (const u of users(s)) u.symptom = 'fax';
    const parsed = parseScenario(s);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/\(and 32 more\)$/);
  });

  it('applies defaults', () => {
    const parsed = parseScenario(contosoJson());
    if (!parsed.ok) throw new Error(parsed.error);
    const first = parsed.value.users[0]?.happenings[0];
    expect(first?.kind).toBe('legacy-deny');
    expect(parsed.value.users[2]?.office365).toEqual({ assigned: true, scope: 'GROUP', status: 'PROVISIONED' });
    expect(parsed.value.users[2]?.happenings[0]).toMatchObject({ repeat: 1, result: 'SUCCESS' });
  });
});

describe('relative times and durations', () => {
  it.each([
    ['-45m', -45 * 60_000],
    ['-2h', -2 * 3_600_000],
    ['-1d3h', -27 * 3_600_000],
    ['-1h30m15s', -(90 * 60_000 + 15_000)],
    ['now', 0],
  ])('reads %s', (text, ms) => {
    expect(parseRelativeTime(text)).toBe(ms);
  });

  it.each(['45m', '-', '-1x', '+5m', '-91d', '', '-m'])('refuses %j', (text) => {
    expect(parseRelativeTime(text)).toBeNull();
  });

  it('reads durations', () => {
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('ten minutes')).toBeNull();
  });
});
