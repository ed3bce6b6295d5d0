import { encodeBase64 } from '../../../core/codecs/base64';
import { guidToImmutableId } from '../../../core/codecs/immutable-id';
import { readCertificateValidity } from '../../../core/codecs/x509-validity';
import type {
  GraphDomain,
  GraphFederationConfiguration,
  GraphUser,
  OktaApplication,
  OktaAppUser,
  OktaPolicy,
  OktaPolicyRule,
  OktaSigningKey,
  OktaUser,
} from '../../../core/evidence/vendor-types';
import type { DemoUser } from '../tenant-state';
import { oktaObjectId, randomInt, streamFor, uuid } from './ids';
import {
  DAY,
  MINUTE,
  appKeyUri,
  certificate,
  fillOrgUrl,
  iso,
  makeEnv,
  must,
  share,
  splitName,
} from './render-context';
import type { Env, RenderOptions, UserEnv } from './render-context';
import { renderHappening } from './render-happenings';
import type {
  ImmutableIdSpec,
  Scenario,
  ScenarioApp,
  ScenarioDomain,
  ScenarioPolicy,
  ScenarioPolicyRule,
  ScenarioUser,
} from './scenario-schema';
import type { DemoSourceFault, DemoTenantState } from '../tenant-state';

export type { DemoCertificates, RenderOptions } from './render-context';

/*
 * Renders a declarative scenario into the vendor objects the simulator serves.
 *
 * Shapes follow docs/domain-reference.md: System Log events as in §1.1/§1.7 (session.start and
 * policy.evaluate_sign_on sharing transaction.id, PolicyEntity/PolicyRule targets, rich-client
 * debugData appName/instanceId/loginResult, requestUri /app/office365/{exk}/sso/wsfed/active|passive,
 * client.zone "null" when no zone matched, request.ipChain); Entra sign-ins in the beta shape of
 * §3.2; federation settings as in §3.4 pointing at the simulator's own org URL.
 *
 * Pure apart from reading the certificates it is given: the same scenario, seed and `now` give
 * the same state, and a different `now` shifts every timestamp by the same amount.
 */

/** The seed used when none is given. */
export const DEFAULT_SEED = 20_261_121;

/** The 16 bytes of a GUID in text (RFC 4122) order. */
function guidTextBytes(guid: string): number[] {
  return (guid.replace(/-/g, '').match(/[0-9a-f]{2}/gi) ?? []).map((pair) => Number.parseInt(pair, 16));
}

/**
 * Writes a GUID as an ImmutableID in one of the encodings of domain reference §6: the correct
 * little-endian base64, and the usual mistakes (big-endian base64, GUID text, base64 of the text).
 */
export function encodeGuidImmutableId(
  guid: string,
  encoding: 'base64' | 'base64-big-endian' | 'text' | 'text-base64',
): string {
  const lower = guid.toLowerCase();
  switch (encoding) {
    case 'base64':
      return guidToImmutableId(lower);
    case 'base64-big-endian':
      return encodeBase64(guidTextBytes(lower));
    case 'text':
      return lower;
    case 'text-base64':
      return encodeBase64(Array.from({ length: lower.length }, (_, i) => lower.charCodeAt(i)));
  }
}

/** Resolves an ImmutableID recipe for one user. */
function resolveImmutableId(spec: ImmutableIdSpec, user: ScenarioUser): string | null {
  if (spec === null) return null;
  if ('value' in spec) return spec.value;
  if ('guid' in spec) return encodeGuidImmutableId(spec.guid, spec.encoding);
  if (spec.from === 'oktaId') return must(user.okta?.id, `${user.upn}: "oktaId" needs an Okta account`);
  return encodeGuidImmutableId(must(user.ad?.objectGuid, `${user.upn}: "objectGuid" needs "ad"`), spec.encoding);
}

/**
 * The default recipes: the AD objectGUID when synced, else Okta's fallback id on both sides.
 * Entra's value is undefined when the scenario makes the property absent altogether.
 */
function immutableIds(user: ScenarioUser): { okta: string | null; entra: string | null | undefined } {
  const fallback: ImmutableIdSpec =
    user.ad !== undefined ? { from: 'objectGuid', encoding: 'base64' } : user.okta !== null ? { from: 'oktaId' } : null;
  const okta = resolveImmutableId(user.immutableId?.okta !== undefined ? user.immutableId.okta : fallback, user);
  const entraSpec = user.immutableId?.entra;
  const entra =
    entraSpec === 'absent' ? undefined : resolveImmutableId(entraSpec !== undefined ? entraSpec : fallback, user);
  return { okta, entra };
}

// ---------------------------------------------------------------------------------------------
// Okta org objects: apps, keys, policies
// ---------------------------------------------------------------------------------------------

function renderApp(env: Env, app: ScenarioApp): OktaApplication {
  const random = streamFor(env.seed, 'app', app.id);
  const created = env.now - randomInt(random, 900, 1500) * DAY;
  const policy = env.accessPolicyFor(app.id);
  const rendered = {
    id: app.id,
    name: 'office365',
    label: app.label,
    status: 'ACTIVE',
    created: iso(created),
    lastUpdated: iso(env.now - randomInt(random, 20, 90) * DAY),
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { login: true } },
    features: ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'IMPORT_NEW_USERS'],
    // WS-Fed Office 365 is SAML_1_1, not WS_FEDERATION (domain reference §0.2).
    signOnMode: 'SAML_1_1',
    credentials: {
      userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
      signing: { kid: app.signing.kid },
    },
    settings: {
      app: {
        domain: app.domain,
        msftTenant: app.msftTenant ?? env.scenario.tenant.tenantName,
        wsFedConfigureType: 'AUTO',
        windowsTransportEnabled: false,
        ...(app.domains.length > 0 ? { domains: [app.domain, ...app.domains] } : {}),
      },
      notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
    },
    _links: {
      ...(policy === undefined ? {} : { accessPolicy: { href: `${env.orgUrl}/api/v1/policies/${policy.id}` } }),
      users: { href: `${env.orgUrl}/api/v1/apps/${app.id}/users` },
      self: { href: `${env.orgUrl}/api/v1/apps/${app.id}` },
    },
  };
  return rendered;
}

function renderKeys(env: Env, app: ScenarioApp): OktaSigningKey[] {
  const random = streamFor(env.seed, 'keys', app.id);
  return [...app.additionalKeys, app.signing].map((k) => {
    const x5c = certificate(env, k.certificate);
    const validity = readCertificateValidity(x5c);
    const created = env.now - randomInt(random, 30, 400) * DAY;
    const key = {
      kid: k.kid,
      kty: 'RSA',
      use: 'sig',
      created: iso(created),
      lastUpdated: iso(created),
      // Okta reports the certificate's own expiry.
      expiresAt: validity?.notAfter ?? iso(created + 10 * 365 * DAY),
      x5c: [x5c],
    };
    return key;
  });
}

function groupId(env: Env, name: string): string {
  return oktaObjectId(streamFor(env.seed, 'group', name), '00g');
}

function renderPolicy(env: Env, p: ScenarioPolicy, priority: number): OktaPolicy {
  const random = streamFor(env.seed, 'policy', p.id);
  const created = env.now - randomInt(random, 300, 900) * DAY;
  const policy = {
    id: p.id,
    status: 'ACTIVE',
    name: p.name,
    description:
      p.type === 'OKTA_SIGN_ON' ? 'The default policy applies in all situations if no other policy applies.' : null,
    priority,
    system: p.type === 'OKTA_SIGN_ON' && p.name === 'Default Policy',
    conditions: null,
    created: iso(created),
    lastUpdated: iso(created + randomInt(random, 1, 200) * DAY),
    type: p.type,
    _links: {
      self: { href: `${env.orgUrl}/api/v1/policies/${p.id}` },
      rules: { href: `${env.orgUrl}/api/v1/policies/${p.id}/rules` },
    },
  };
  return policy;
}

/** Okta's names for the O365 client types (the simulator's own key: the public API does not document it). */
const CLIENT_CONDITION: Readonly<Record<string, string>> = {
  web: 'WEB_BROWSER',
  'modern-auth': 'MODERN_AUTH',
  'exchange-activesync-legacy': 'EXCHANGE_ACTIVE_SYNC',
};

function networkCondition(env: Env, r: ScenarioPolicyRule): Readonly<Record<string, unknown>> {
  const ids = (names: readonly string[] | undefined): string[] =>
    (names ?? []).map((n) => must(env.zoneIds.get(n), `no network zone "${n}"`));
  if (r.network === undefined) return { connection: 'ANYWHERE' };
  return {
    connection: 'ZONE',
    ...(r.network.include !== undefined ? { include: ids(r.network.include) } : {}),
    ...(r.network.exclude !== undefined ? { exclude: ids(r.network.exclude) } : {}),
  };
}

function renderRules(env: Env, p: ScenarioPolicy): OktaPolicyRule[] {
  const random = streamFor(env.seed, 'rules', p.id);
  return p.rules.map((r, i) => {
    const created = env.now - randomInt(random, 30, 600) * DAY;
    const people = {
      users: { exclude: [] },
      ...(r.groups !== undefined ? { groups: { include: r.groups.map((g) => groupId(env, g)) } } : {}),
    };
    const common = {
      id: r.id,
      status: 'ACTIVE',
      name: r.name,
      priority: i + 1,
      created: iso(created),
      lastUpdated: iso(created),
      system: r.system,
    };
    if (p.type === 'ACCESS_POLICY') {
      const rule = {
        ...common,
        type: 'ACCESS_POLICY',
        conditions: {
          people,
          network: networkCondition(env, r),
          riskScore: { level: 'ANY' },
          ...(r.clients !== undefined
            ? { office365Clients: { include: r.clients.map((c) => CLIENT_CONDITION[c] ?? c) } }
            : {}),
        },
        actions: {
          appSignOn: {
            access: r.access,
            verificationMethod: {
              factorMode: r.mfa ? '2FA' : '1FA',
              type: 'ASSURANCE',
              reauthenticateIn: 'PT2H',
              constraints: r.mfa ? [{ knowledge: { types: ['password'] }, possession: { required: true } }] : [],
            },
          },
        },
      };
      return rule;
    }
    const rule = {
      ...common,
      type: 'SIGN_ON',
      conditions: { people, network: networkCondition(env, r), authContext: { authType: 'ANY' } },
      actions: {
        signon: {
          access: r.access,
          requireFactor: r.mfa,
          primaryFactor: 'PASSWORD_IDP_ANY_FACTOR',
          rememberDeviceByDefault: false,
          session: { usePersistentCookie: false, maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0 },
        },
      },
    };
    return rule;
  });
}

// ---------------------------------------------------------------------------------------------
// Entra objects: domains, federation
// ---------------------------------------------------------------------------------------------

function renderDomain(d: ScenarioDomain): GraphDomain {
  const domain = {
    id: d.name,
    authenticationType: d.authenticationType,
    availabilityStatus: null,
    isAdminManaged: true,
    isDefault: d.isDefault,
    isInitial: d.isInitial,
    isRoot: true,
    isVerified: d.isVerified,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    supportedServices: ['Email', 'OfficeCommunicationsOnline'],
    state: null,
  };
  return domain;
}

function renderFederation(env: Env, d: ScenarioDomain): GraphFederationConfiguration[] {
  const f = d.federation;
  if (f === undefined) return [];
  const app = f.app === undefined ? undefined : must(env.apps.get(f.app), `no app ${f.app}`);
  const random = streamFor(env.seed, 'federation', d.name);
  // Without an app every URI is given (the schema checks), so the fallbacks below are never used.
  const org = (path: (a: ScenarioApp) => string): string => (app === undefined ? '' : `${env.orgUrl}${path(app)}`);
  const config = {
    '@odata.type': '#microsoft.graph.internalDomainFederation',
    id: uuid(random),
    displayName: f.displayName ?? (app === undefined ? d.name : `Okta (${app.label})`),
    issuerUri: f.issuerUri ?? (app === undefined ? '' : `http://www.okta.com/${app.externalKey}`),
    metadataExchangeUri: fillOrgUrl(env, f.metadataExchangeUri ?? org((a) => appKeyUri(a, 'mex'))),
    signingCertificate: certificate(env, f.signingCertificate ?? app?.signing.certificate ?? 'other'),
    passiveSignInUri: fillOrgUrl(env, f.passiveSignInUri ?? org((a) => appKeyUri(a, 'passive'))),
    activeSignInUri: fillOrgUrl(env, f.activeSignInUri ?? org((a) => appKeyUri(a, 'active'))),
    signOutUri: fillOrgUrl(env, f.signOutUri ?? org(() => '/login/signout')),
    preferredAuthenticationProtocol: f.preferredAuthenticationProtocol,
    promptLoginBehavior: f.promptLoginBehavior,
    isSignedAuthenticationRequestRequired: false,
    nextSigningCertificate: f.nextSigningCertificate === null ? null : certificate(env, f.nextSigningCertificate),
    federatedIdpMfaBehavior: f.federatedIdpMfaBehavior,
    signingCertificateUpdateStatus: {
      certificateUpdateResult: 'success',
      lastRunDateTime: iso(env.now - randomInt(random, 1, 20) * 3_600_000),
    },
  };
  return [config];
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

function userEnv(env: Env, user: ScenarioUser, oktaImmutableId: string | null): UserEnv {
  const login = user.okta?.login ?? user.upn;
  const knownToOkta = user.okta !== null && login === user.upn;
  const app = must(env.apps.get(user.office365.app ?? env.scenario.office365Apps[0]?.id ?? ''), 'no Office 365 app');
  const domainName = user.upn.slice(user.upn.indexOf('@') + 1);
  return {
    user,
    login: knownToOkta ? login : user.upn,
    knownToOkta,
    // Okta cannot resolve an unknown login: the actor is "unknown" with the typed username.
    actor: knownToOkta
      ? { id: user.okta.id, type: 'User', alternateId: login, displayName: user.displayName }
      : { id: 'unknown', type: 'User', alternateId: user.upn, displayName: 'unknown' },
    app,
    policy: env.accessPolicyFor(app.id),
    domain: must(env.domains.get(domainName), `no domain ${domainName}`),
    oktaImmutableId,
    authProvider: user.okta?.source === 'OKTA' ? 'OKTA_AUTHENTICATION_PROVIDER' : 'ACTIVE_DIRECTORY',
    groups: user.okta?.groups ?? [],
    logins: [],
    locks: [],
    passwordChanges: [],
    adminActions: [],
  };
}

function renderOktaUser(env: Env, u: UserEnv, userTypeId: string): OktaUser | null {
  const okta = u.user.okta;
  if (okta === null) return null;
  const random = streamFor(env.seed, 'okta-user', u.user.upn);
  const created = env.now - randomInt(random, 200, 2500) * DAY;
  const staged = okta.status === 'STAGED';
  const neverSignedIn = staged || okta.status === 'PROVISIONED';
  const statusEvent = (actions: readonly string[]): number | undefined =>
    u.adminActions.filter((a) => actions.includes(a.action)).at(-1)?.at;
  const statusChanged =
    okta.status === 'LOCKED_OUT'
      ? u.locks.at(-1)
      : okta.status === 'SUSPENDED'
        ? statusEvent(['suspend'])
        : okta.status === 'DEPROVISIONED'
          ? statusEvent(['deactivate'])
          : undefined;
  const lastLogin = u.logins.at(-1) ?? (neverSignedIn ? null : env.now - randomInt(random, 20, 60) * 3_600_000);
  const passwordChanged =
    u.passwordChanges.at(-1) ?? (neverSignedIn ? null : env.now - randomInt(random, 10, 80) * DAY);
  const name = splitName(u.user.displayName);
  const ad = okta.source === 'ACTIVE_DIRECTORY';
  const user = {
    id: okta.id,
    status: okta.status,
    created: iso(created),
    activated: staged ? null : iso(created + randomInt(random, 1, 3) * 3_600_000),
    statusChanged: iso(statusChanged ?? created + randomInt(random, 2, 30) * DAY),
    lastLogin: lastLogin === null ? null : iso(lastLogin),
    lastUpdated: iso(Math.max(statusChanged ?? 0, passwordChanged ?? 0, env.now - randomInt(random, 1, 9) * DAY)),
    passwordChanged: passwordChanged === null ? null : iso(passwordChanged),
    type: share(env, 'user-type', () => ({ id: userTypeId })),
    profile: {
      firstName: name.first,
      lastName: name.last,
      displayName: u.user.displayName,
      login: okta.login ?? u.user.upn,
      email: u.user.upn,
      secondEmail: null,
      mobilePhone: null,
    },
    credentials: ad
      ? share(env, `ad-credentials|${u.user.ad?.dnsDomain ?? u.domain.name}`, () => ({
          provider: { type: 'ACTIVE_DIRECTORY', name: u.user.ad?.dnsDomain ?? `corp.${u.domain.name}` },
        }))
      : share(env, 'okta-credentials', () => ({ password: {}, provider: { type: 'OKTA', name: 'OKTA' } })),
    _links: { self: { href: `${env.orgUrl}/api/v1/users/${okta.id}` } },
  };
  return user;
}

function renderAppUser(env: Env, u: UserEnv): OktaAppUser | null {
  const okta = u.user.okta;
  if (okta === null || !u.user.office365.assigned) return null;
  const random = streamFor(env.seed, 'app-user', u.user.upn);
  const created = env.now - randomInt(random, 100, 900) * DAY;
  const name = splitName(u.user.displayName);
  const appUser = {
    id: okta.id,
    externalId: u.user.entra?.id ?? null,
    created: iso(created),
    lastUpdated: iso(env.now - randomInt(random, 1, 30) * DAY),
    scope: u.user.office365.scope,
    status: u.user.office365.status,
    statusChanged: iso(created),
    passwordChanged: null,
    syncState: 'SYNCHRONIZED',
    lastSync: iso(env.now - randomInt(random, 30, 240) * MINUTE),
    credentials: { userName: u.user.upn },
    profile: {
      immutableId: u.oktaImmutableId,
      firstName: name.first,
      lastName: name.last,
      displayName: u.user.displayName,
      email: u.user.upn,
      licenses: share(env, 'licenses', () => [`${env.scenario.tenant.tenantName}:SPE_E3`]),
    },
    _links: {
      app: { href: `${env.orgUrl}/api/v1/apps/${u.app.id}` },
      user: { href: `${env.orgUrl}/api/v1/users/${okta.id}` },
    },
  };
  return appUser;
}

function renderGraphUser(env: Env, user: ScenarioUser, entraImmutableId: string | null | undefined): GraphUser | null {
  if (user.entra === null) return null;
  const random = streamFor(env.seed, 'graph-user', user.upn);
  const name = splitName(user.displayName);
  const ad = user.ad;
  const graphUser = {
    id: user.entra.id,
    userPrincipalName: user.upn,
    displayName: user.displayName,
    givenName: name.first,
    surname: name.last,
    mail: user.upn,
    accountEnabled: user.entra.accountEnabled,
    userType: 'Member',
    createdDateTime: iso(env.now - randomInt(random, 200, 2500) * DAY),
    // "absent": the property is missing, so even a $select-ed read cannot tell (unknown, not null).
    ...(entraImmutableId === undefined ? {} : { onPremisesImmutableId: entraImmutableId }),
    onPremisesSyncEnabled: ad !== undefined ? true : null,
    onPremisesSamAccountName: ad?.samAccountName ?? null,
    onPremisesDomainName:
      ad === undefined ? null : (ad.dnsDomain ?? `corp.${user.upn.slice(user.upn.indexOf('@') + 1)}`),
    onPremisesUserPrincipalName: ad !== undefined ? user.upn : null,
    // Entra Connect syncs every 30 minutes.
    onPremisesLastSyncDateTime: ad !== undefined ? iso(env.now - randomInt(random, 1, 29) * MINUTE) : null,
  };
  return graphUser;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/** The demo-picker view of a scenario user. */
export function demoUserOf(user: ScenarioUser): DemoUser {
  return {
    upn: user.upn,
    displayName: user.displayName,
    symptom: user.symptom,
    expectedVerdict: user.expectedVerdict,
    title: user.title,
    story: user.story,
  };
}

/**
 * Renders a validated scenario into the state the demo tenant serves.
 *
 * Deterministic for a given scenario, seed and `now`; every timestamp is `now` plus an offset
 * that does not depend on `now`. The state's `faults` are the per-user unreadable sources of
 * the scenario's `unavailable` lists.
 */
export function renderScenario(scenario: Scenario, options: RenderOptions): DemoTenantState {
  const seed = options.seed ?? DEFAULT_SEED;
  const env = makeEnv(scenario, options, seed);
  const tenantRandom = streamFor(seed, 'tenant', scenario.tenant.tenantId);
  const userTypeId = oktaObjectId(tenantRandom, 'oty');

  const apps = scenario.office365Apps.map((a) => renderApp(env, a));
  const appKeys = Object.fromEntries(scenario.office365Apps.map((a) => [a.id, renderKeys(env, a)]));
  const policies = scenario.policies.map((p, i) => renderPolicy(env, p, i + 1));
  const policyRules = Object.fromEntries(scenario.policies.map((p) => [p.id, renderRules(env, p)]));
  const domains = scenario.domains.map(renderDomain);
  const federation = Object.fromEntries(scenario.domains.map((d) => [d.name, renderFederation(env, d)]));

  const oktaUsers: OktaUser[] = [];
  const graphUsers: GraphUser[] = [];
  const appUsers: Record<string, OktaAppUser[]> = Object.fromEntries(scenario.office365Apps.map((a) => [a.id, []]));
  const demoUsers: DemoUser[] = [];
  const faults: DemoSourceFault[] = [];

  for (const user of scenario.users) {
    const ids = immutableIds(user);
    const u = userEnv(env, user, ids.okta);
    user.happenings.forEach((h, i) => {
      renderHappening(env, u, h, i);
    });
    const oktaUser = renderOktaUser(env, u, userTypeId);
    if (oktaUser !== null) oktaUsers.push(oktaUser);
    const appUser = renderAppUser(env, u);
    if (appUser !== null) appUsers[u.app.id]?.push(appUser);
    const graphUser = renderGraphUser(env, user, ids.entra);
    if (graphUser !== null) graphUsers.push(graphUser);
    demoUsers.push(demoUserOf(user));
    for (const f of user.unavailable) {
      faults.push({
        upn: user.upn.toLowerCase(),
        source: f.source,
        status: f.status,
        code: f.code,
        message: f.message,
      });
    }
  }

  // Stable order: by time, then by the order they were written (a transaction's events stay together).
  const events = env.events.sort((a, b) => a.at - b.at || a.order - b.order).map((e) => e.event);
  const signIns = env.signIns.sort((a, b) => a.at - b.at || a.order - b.order).map((s) => s.signIn);

  return {
    okta: { users: oktaUsers, apps, appUsers, appKeys, policies, policyRules, logEvents: events },
    entra: {
      tenantId: scenario.tenant.tenantId,
      tenantName: scenario.tenant.tenantName,
      hasP1: scenario.tenant.hasP1,
    },
    graph: { users: graphUsers, signIns, domains, federation },
    demoUsers,
    faults,
  };
}
