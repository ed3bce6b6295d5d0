import type { TenantEndpoints } from '../tenant-state';
import { oktaObjectId, randomInt, streamFor, uuid } from './ids';
import type { Random } from './ids';
import { renderScenario } from './render-scenario';
import type { DemoCertificates } from './render-scenario';
import { parseScenario } from './scenario-schema';
import type { Happening, Scenario, ScenarioInput, ScenarioUser } from './scenario-schema';
import type { DemoTenantState } from '../tenant-state';

/*
 * A deterministic big tenant for load tests and benchmarks: N ordinary users with a few
 * realistic events each over a 7-day window, and optionally one very noisy user.
 *
 * It writes a Scenario in memory and renders it with renderScenario, so scale data has exactly
 * the shapes of the demo data. The tenant part goes through parseScenario (defaults, checks);
 * the generated users are built already typed, because validating 100,000 of them one field at a
 * time would cost more than rendering them.
 */

/** Options of {@link generateScaleTenant}. */
export interface ScaleOptions {
  /** Ordinary users, e.g. 100,000. */
  readonly users: number;
  /** Okta System Log events per ordinary user (exact). */
  readonly eventsPerUser: number;
  /** One user with far more events, e.g. 50,000 in the window: a mail relay denied every few seconds. */
  readonly heavyUser?: { readonly upn: string; readonly events: number };
  readonly seed: number;
  readonly now: Date;
  readonly endpoints: TenantEndpoints;
  readonly certificates: DemoCertificates;
  /** Days the events spread over; 7 unless given. */
  readonly windowDays?: number;
}

const DOMAIN = 'contoso.com';

/** The tenant every scale run shares: one app, one federated domain, the usual policies. */
const BASE_TENANT: ScenarioInput = {
  format: 'signin-triage.demo-scenario/v1',
  tenant: {
    name: 'Contoso (scale)',
    tenantId: '5a1b6c7d-2e3f-4a5b-9c6d-7e8f9a0b1c2d',
    tenantName: 'contoso',
    hasP1: true,
  },
  administrator: { id: '00uScaleAdmin0000001', login: 'dana.whitfield@contoso.com', displayName: 'Dana Whitfield' },
  places: {
    'chicago-hq': {
      ip: '198.51.100.10',
      city: 'Chicago',
      state: 'Illinois',
      country: 'United States',
      countryCode: 'US',
      lat: 41.88,
      lon: -87.63,
      asNumber: 64500,
      isp: 'Contoso Ltd',
      zone: 'Corporate Offices',
    },
    'seattle-office': {
      ip: '198.51.100.74',
      city: 'Seattle',
      state: 'Washington',
      country: 'United States',
      countryCode: 'US',
      lat: 47.61,
      lon: -122.33,
      asNumber: 64500,
      isp: 'Contoso Ltd',
      zone: 'Corporate Offices',
    },
    'london-office': {
      ip: '198.51.100.140',
      city: 'London',
      state: 'England',
      country: 'United Kingdom',
      countryCode: 'GB',
      lat: 51.52,
      lon: -0.08,
      asNumber: 64500,
      isp: 'Contoso Ltd',
      zone: 'Corporate Offices',
    },
    'home-evanston': {
      ip: '203.0.113.24',
      city: 'Evanston',
      state: 'Illinois',
      country: 'United States',
      countryCode: 'US',
      lat: 42.05,
      lon: -87.69,
      asNumber: 64501,
      isp: 'Lakeshore Broadband',
    },
    'home-bellevue': {
      ip: '203.0.113.131',
      city: 'Bellevue',
      state: 'Washington',
      country: 'United States',
      countryCode: 'US',
      lat: 47.61,
      lon: -122.2,
      asNumber: 64503,
      isp: 'Cascade Cable',
    },
  },
  networkZones: [
    {
      id: 'nzoScaleCorporate001',
      name: 'Corporate Offices',
      type: 'IP',
      usage: 'POLICY',
      gateways: ['198.51.100.0/25', '198.51.100.128/26'],
    },
  ],
  office365Apps: [
    {
      id: '0oaScaleOffice365001',
      externalKey: 'exkScaleOffice365001',
      label: 'Microsoft Office 365',
      domain: DOMAIN,
      signing: { kid: 'scale-o365-signing-key-1', certificate: 'current' },
    },
  ],
  domains: [
    { name: DOMAIN, authenticationType: 'Federated', isDefault: true, federation: { app: '0oaScaleOffice365001' } },
    { name: 'contoso.onmicrosoft.com', authenticationType: 'Managed', isInitial: true },
  ],
  policies: [
    {
      id: 'rstScaleOffice365Pol',
      type: 'ACCESS_POLICY',
      name: 'Microsoft Office 365',
      apps: ['0oaScaleOffice365001'],
      rules: [
        {
          id: 'rulScaleOfficeNet001',
          name: 'Allow Web and Modern Auth – office network',
          access: 'ALLOW',
          clients: ['web', 'modern-auth'],
          network: { include: ['Corporate Offices'] },
        },
        {
          id: 'rulScaleAllowMfa0001',
          name: 'Allow Web and Modern Auth',
          access: 'ALLOW',
          clients: ['web', 'modern-auth'],
          mfa: true,
        },
        { id: 'rulScaleCatchAll0001', name: 'Catch-all Rule', access: 'DENY', system: true },
      ],
    },
    {
      id: '00pScaleDefaultPol01',
      type: 'OKTA_SIGN_ON',
      name: 'Default Policy',
      rules: [{ id: '0prScaleDefaultRul01', name: 'Default Rule', access: 'ALLOW', system: true }],
    },
  ],
  users: [],
};

const OFFICES = ['chicago-hq', 'seattle-office', 'london-office'] as const;
const HOMES = ['home-evanston', 'home-bellevue'] as const;

// Common given names and surnames; user i gets FIRST[i % F] LAST[(i / F) % L] plus a number once
// every combination is taken, so names stay unique and readable at any size.
const FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Karen',
  'Daniel',
  'Lisa',
  'Matthew',
  'Nancy',
  'Anthony',
  'Sandra',
  'Mark',
  'Ashley',
  'Wei',
  'Priya',
  'Ahmed',
  'Fatima',
  'Kenji',
  'Yuki',
  'Olga',
  'Ivan',
  'Sofia',
  'Mateo',
  'Amara',
  'Kwame',
  'Ingrid',
  'Lars',
  'Chloe',
  'Noah',
  'Aisha',
  'Omar',
  'Lucia',
  'Diego',
  'Hannah',
  'Lukas',
  'Mei',
  'Arjun',
  'Zara',
  'Elena',
  'Tomás',
  'Nia',
  'Sven',
  'Leila',
] as const;
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Chen',
  'Patel',
  'Kim',
  'Okafor',
  'Schmidt',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Novak',
  'Haddad',
  'Tanaka',
] as const;

function asciiLocal(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** "-N m" with N minutes within the window, never "now" (the renderer nudges times back by seconds). */
function minutesAgo(random: Random, windowMinutes: number): string {
  return `-${String(randomInt(random, 2, windowMinutes - 2))}m`;
}

/** Happenings that produce exactly `events` System Log events for an ordinary user. */
function ordinaryHappenings(random: Random, events: number, windowMinutes: number, office: boolean): Happening[] {
  const out: Happening[] = [];
  // From an office the allow rule needs no MFA (3 events); from home it adds an MFA verification (4).
  const ssoEvents = office ? 3 : 4;
  let remaining = events;
  while (remaining > 0) {
    const roll = random();
    const at = minutesAgo(random, windowMinutes);
    if (remaining >= ssoEvents && roll < 0.45) {
      out.push({ kind: 'browser-sso', at, repeat: 1, result: 'SUCCESS' });
      remaining -= ssoEvents;
    } else if (remaining >= 2 && roll < 0.8) {
      out.push({ kind: 'windows-registration-deny', at, repeat: 1 });
      remaining -= 2;
    } else {
      out.push({ kind: 'okta-sign-in', at, repeat: 1 });
      remaining -= 1;
    }
  }
  return out;
}

function ordinaryUser(seed: number, i: number, eventsPerUser: number, windowMinutes: number): ScenarioUser {
  const random = streamFor(seed, 'scale-user', i);
  const first = FIRST[i % FIRST.length] ?? 'Alex';
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Doe';
  const round = Math.floor(i / (FIRST.length * LAST.length));
  const local = `${asciiLocal(first)}.${asciiLocal(last)}${round > 0 ? String(round + 1) : ''}`;
  const office = random() < 0.6;
  return {
    upn: `${local}@${DOMAIN}`,
    displayName: `${first} ${last}`,
    symptom: 'other',
    expectedVerdict: 'NO_FAILURE_FOUND',
    title: 'An ordinary user of the scale tenant',
    story: 'Signs in from the office or from home; a hybrid-joined Windows PC adds WS-Trust denies.',
    from: office ? pick(random, OFFICES) : pick(random, HOMES),
    okta: { id: oktaObjectId(random, '00u'), status: 'ACTIVE', source: 'ACTIVE_DIRECTORY', groups: [] },
    ad: { objectGuid: uuid(random), samAccountName: `${first.charAt(0)}${last}`.slice(0, 20).toLowerCase() },
    office365: { assigned: true, scope: 'GROUP', status: 'PROVISIONED' },
    entra: { id: uuid(random), accountEnabled: true },
    unavailable: [],
    happenings: ordinaryHappenings(random, eventsPerUser, windowMinutes, office),
  };
}

/**
 * The heavy user: a line-of-business app that sends mail through SMTP AUTH as a service account
 * every few seconds; Exchange Online relays each attempt to Okta's active endpoint, where the
 * password is accepted and the Office 365 rule denies it (2 events each). An odd count gets one
 * browser sign-in by the administrator testing the account.
 */
function heavyUser(seed: number, upn: string, events: number, windowMinutes: number): ScenarioUser {
  const random = streamFor(seed, 'scale-heavy', upn);
  const denies = Math.floor(events / 2);
  const windowSeconds = windowMinutes * 60;
  // Spread over 95% of the window so the last attempt is still in the past.
  const everySeconds = Math.max(1, Math.floor((windowSeconds * 0.95) / Math.max(1, denies)));
  const startSeconds = Math.min(windowSeconds - 120, everySeconds * denies + 60);
  const happenings: Happening[] = [
    {
      kind: 'legacy-deny',
      client: 'smtp-relay',
      at: `-${String(startSeconds)}s`,
      repeat: Math.max(1, denies),
      every: `${String(everySeconds)}s`,
      entra: 'none',
    },
  ];
  if (events % 2 === 1) happenings.push({ kind: 'okta-sign-in', at: '-30m', repeat: 1 });
  return {
    upn,
    displayName: 'Line-of-business mail relay',
    symptom: 'mail-app',
    expectedVerdict: 'LEGACY_AUTH_BLOCKED',
    title: `A service account with ${String(events)} System Log events in the window`,
    story:
      'An order-confirmation app sends mail through SMTP AUTH every few seconds; Exchange Online relays each attempt to Okta, which denies legacy authentication. Use it to test paging and the engine on a 50,000-event user.',
    from: 'chicago-hq',
    okta: { id: oktaObjectId(random, '00u'), status: 'ACTIVE', source: 'OKTA', groups: [] },
    office365: { assigned: true, scope: 'USER', status: 'PROVISIONED' },
    entra: { id: uuid(random), accountEnabled: true },
    unavailable: [],
    happenings: denies === 0 ? happenings.slice(1) : happenings,
  };
}

/**
 * Generates a large, deterministic demo tenant: `users` ordinary users with exactly
 * `eventsPerUser` System Log events each, spread over the last `windowDays` (7) days, and
 * optionally one heavy user with exactly `heavyUser.events` events.
 *
 * The same options give the same state. `demoUsers` lists the first ordinary user (expected
 * NO_FAILURE_FOUND) and the heavy user (expected LEGACY_AUTH_BLOCKED).
 */
export function generateScaleTenant(options: ScaleOptions): DemoTenantState {
  const base = parseScenario(BASE_TENANT);
  if (!base.ok) throw new Error(`The scale tenant template is invalid: ${base.error}`);
  const windowMinutes = Math.round((options.windowDays ?? 7) * 24 * 60);
  const users: ScenarioUser[] = [];
  for (let i = 0; i < options.users; i++) {
    users.push(ordinaryUser(options.seed, i, options.eventsPerUser, windowMinutes));
  }
  const heavy = options.heavyUser;
  if (heavy !== undefined) {
    if (!heavy.upn.toLowerCase().endsWith(`@${DOMAIN}`)) {
      throw new Error(`The heavy user must be on ${DOMAIN}, the scale tenant's federated domain`);
    }
    if (users.some((u) => u.upn === heavy.upn.toLowerCase())) {
      throw new Error(`The heavy user ${heavy.upn} collides with a generated user`);
    }
    users.push(heavyUser(options.seed, heavy.upn.toLowerCase(), heavy.events, windowMinutes));
  }
  const scenario: Scenario = { ...base.value, users };
  const state = renderScenario(scenario, {
    now: options.now,
    endpoints: options.endpoints,
    seed: options.seed,
    certificates: options.certificates,
  });
  // Listing 100,000 ordinary users in the demo picker helps nobody: keep one and the heavy user.
  const demoUsers = state.demoUsers.filter((d, i) => i === 0 || d.upn === heavy?.upn.toLowerCase());
  return { ...state, demoUsers };
}
