import type { OktaLogEvent, OktaLogTarget } from '../../../core/evidence/vendor-types';
import { CLIENT_PRESETS, ENTRA_APP_PRESETS } from './client-presets';
import type { ClientPreset, EntraAppPreset } from './client-presets';
import { oktaRequestId, oktaSessionId, randomInt, streamFor, uuid } from './ids';
import type { Random } from './ids';
import {
  MINUTE,
  appKeyUri,
  appTarget,
  clientParts,
  decisionTargets,
  durationMs,
  iso,
  must,
  o365Client,
  originOf,
  partsFor,
  pickRule,
  relative,
  share,
} from './render-context';
import type { ClientParts, Env, Origin, RuleContext, UserEnv } from './render-context';
import type { EntraHalf, EntraSignInFields, Happening, ScenarioApp, ScenarioPlace } from './scenario-schema';

/*
 * Turns happenings into records: System Log events (§1.1, §1.7 of the domain reference) and
 * Entra sign-ins (§3.2). Internal to the scenario renderer.
 */

/**
 * Entra's failure texts for the codes demos use, paraphrased from Microsoft's error reference
 * (entra-docs reference-error-codes.md) and the messages quoted in Okta KBs. `{…}` are filled in.
 */
const FAILURE_TEXT: Readonly<Record<number, string>> = {
  0: 'Other.',
  50006: 'Signature verification failed because of an invalid signature.',
  50008: 'SAML token is invalid.',
  50012: 'Authentication failed.',
  50053: 'Account is locked because the user tried to sign in too many times with an incorrect user ID or password.',
  50055: 'The password is expired.',
  50057: 'The user account is disabled.',
  50074: 'Strong Authentication is required.',
  50076:
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'.",
  50079:
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '{resource}'.",
  50107: "The requested federation realm object '{issuerUri}' does not exist.",
  50126: 'Error validating credentials due to invalid username or password.',
  51004:
    'The user account {oktaImmutableId} does not exist in the {tenantId} directory. To sign into this application, the account must be added to the directory.',
  53003: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  530035:
    'Access has been blocked by security defaults. This is due to the request using legacy auth or being deemed unsafe by security defaults policies.',
  70016: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  70018: 'Invalid verification code entered.',
  70019: 'Verification code expired.',
  90020: 'The SAML 1.1 Assertion is missing ImmutableID of the user.',
  90072:
    "User account '{oktaImmutableId}' from identity provider '{issuerUri}' does not exist in tenant '{tenantName}' and cannot access the application '{appId}'({appName}) in that tenant.",
  90120: 'Invalid device flow request: the request was already authorised or declined.',
};

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

interface EventSpec {
  readonly at: number;
  readonly type: string;
  readonly displayMessage: string;
  readonly legacyEventType: string | null;
  readonly severity: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly actor: NonNullable<OktaLogEvent['actor']>;
  readonly parts: ClientParts | null;
  readonly authenticationContext: Readonly<Record<string, unknown>>;
  readonly result: string;
  readonly reason: string | null;
  readonly target: readonly OktaLogTarget[] | null;
  readonly transaction: Transaction;
  readonly requestUri: string | null;
  readonly url?: string;
  readonly debug?: Readonly<Record<string, unknown>>;
  readonly threatSuspected?: boolean;
}

/** Client fields of events Okta itself triggers (imports, group rules): nothing is known. */
const SYSTEM_CLIENT = {
  userAgent: null,
  zone: 'null',
  device: null,
  id: null,
  ipAddress: null,
  geographicalContext: null,
};
const SYSTEM_SECURITY = { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null };
const NO_IP_CHAIN = { ipChain: [] };
const NO_DETAIL = {};

/** A transaction: one HTTP request, shared by the events it produced (domain reference §1.1). */
interface Transaction {
  readonly type: 'WEB' | 'JOB';
  readonly id: string;
  readonly detail: Readonly<Record<string, never>>;
}

function transaction(random: Random, type: 'WEB' | 'JOB' = 'WEB'): Transaction {
  return { type, id: oktaRequestId(random), detail: NO_DETAIL };
}

/** The fixed fields of a `policy.evaluate_sign_on` event that reached this decision. */
function signOnEvaluation(
  result: 'ALLOW' | 'DENY',
): Pick<EventSpec, 'type' | 'displayMessage' | 'legacyEventType' | 'severity' | 'result' | 'reason'> {
  return {
    type: 'policy.evaluate_sign_on',
    displayMessage: 'Evaluation of sign-on policy',
    legacyEventType: null,
    severity: 'INFO',
    result,
    reason: `Sign-on policy evaluation resulted in ${result}`,
  };
}

function emitEvent(env: Env, random: Random, spec: EventSpec): OktaLogEvent {
  const at = Math.min(spec.at, env.now);
  // Built key by key in one order, so every debugData object has the same shape.
  const debugData: Record<string, unknown> = { requestId: spec.transaction.id };
  if (spec.requestUri !== null) {
    debugData.requestUri = spec.requestUri;
    debugData.url = spec.url ?? share(env, `url|${spec.requestUri}`, () => `${spec.requestUri ?? ''}?`);
  }
  debugData.threatSuspected = spec.threatSuspected === true ? 'true' : 'false';
  if (spec.debug !== undefined) Object.assign(debugData, spec.debug);
  const event = {
    uuid: uuid(random),
    published: iso(at),
    eventType: spec.type,
    version: '0',
    severity: spec.severity,
    displayMessage: spec.displayMessage,
    legacyEventType: spec.legacyEventType,
    actor: spec.actor,
    client: spec.parts?.client ?? SYSTEM_CLIENT,
    device: null,
    authenticationContext: spec.authenticationContext,
    outcome: share(env, `outcome|${spec.result}|${spec.reason ?? ''}`, () => ({
      result: spec.result,
      reason: spec.reason,
    })),
    target: spec.target,
    transaction: spec.transaction,
    debugContext: { debugData },
    securityContext: spec.parts?.securityContext ?? SYSTEM_SECURITY,
    request: spec.parts?.request ?? NO_IP_CHAIN,
  };
  env.events.push({ at, order: env.events.length, event });
  return event;
}

/**
 * The authenticationContext of an event. Without a session (failed and legacy sign-ins, whose
 * externalSessionId is null) the object is shared.
 */
function authContext(
  env: Env,
  provider: string | null,
  credentialType: string | null,
  sessionId: string | null,
  credentialProvider: string | null = null,
): Readonly<Record<string, unknown>> {
  const make = (): Readonly<Record<string, unknown>> => ({
    authenticationProvider: provider,
    credentialProvider,
    credentialType,
    issuer: null,
    interface: null,
    authenticationStep: 0,
    externalSessionId: sessionId,
    rootSessionId: sessionId,
  });
  if (sessionId !== null) return make();
  return share(env, `auth|${provider ?? ''}|${credentialType ?? ''}|${credentialProvider ?? ''}`, make);
}

/** The passive endpoint's URL with the WS-Fed query Microsoft sends (domain reference §2.2). */
function passiveUrl(env: Env, app: ScenarioApp, login: string): string {
  return share(
    env,
    `passive-url|${app.id}|${login}`,
    () =>
      `${appKeyUri(app, 'passive')}?username=${encodeURIComponent(login)}&wa=wsignin1.0&wtrealm=urn%3afederation%3aMicrosoftOnline&wctx=`,
  );
}

/** OIE records these in debugData on sign-in and policy events. */
const BEHAVIORS =
  '{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, Velocity=NEGATIVE, New City=NEGATIVE}';
const BEHAVIOR_DEBUG = { behaviors: BEHAVIORS };

// ---------------------------------------------------------------------------------------------
// Entra sign-ins
// ---------------------------------------------------------------------------------------------

function appPresetOf(app: EntraSignInFields['app'], preset: ClientPreset): EntraAppPreset {
  if (app === undefined) return ENTRA_APP_PRESETS[preset.defaultApp];
  if (typeof app === 'string') return ENTRA_APP_PRESETS[app];
  return { id: app.id, displayName: app.displayName, resourceId: app.id, resourceDisplayName: app.displayName };
}

function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const INTERACTIVE = ['interactiveUser'];
const NON_INTERACTIVE = ['nonInteractiveUser'];
const NONE: readonly never[] = [];

/** A Conditional Access grant control as sign-ins write it: "mfa" → "Mfa", "compliantDevice" → "RequireCompliantDevice". */
function appliedGrantControl(control: string): string {
  const named: Readonly<Record<string, string>> = {
    compliantDevice: 'RequireCompliantDevice',
    domainJoinedDevice: 'RequireDomainJoinedDevice',
    approvedApplication: 'RequireApprovedApp',
    compliantApplication: 'RequireCompliantApp',
    passwordChange: 'RequirePasswordChange',
  };
  return named[control] ?? `${control.charAt(0).toUpperCase()}${control.slice(1)}`;
}

function emitSignIn(
  env: Env,
  random: Random,
  u: UserEnv,
  fields: EntraSignInFields,
  at: number,
  origin: Origin,
  fromOkta: boolean,
): void {
  const entra = must(u.user.entra ?? undefined, `${u.user.upn} has no Entra account`);
  const app = appPresetOf(fields.app, origin.preset);
  const federated = u.domain.authenticationType === 'Federated';
  const fed = u.domain.federation;
  const fedApp = fed?.app === undefined ? undefined : env.apps.get(fed.app);
  const issuerUri = fed?.issuerUri ?? (fedApp === undefined ? '' : `http://www.okta.com/${fedApp.externalKey}`);
  const values = {
    oktaImmutableId: u.oktaImmutableId ?? '',
    tenantId: env.scenario.tenant.tenantId,
    tenantName: env.scenario.tenant.name,
    upn: u.user.upn,
    issuerUri,
    resource: app.resourceDisplayName,
    appId: app.id,
    appName: app.displayName,
  };
  const policies = fields.caPolicies.map((c) =>
    share(env, `ca|${c.policy}|${c.result}`, () => {
      const p = must(env.caByName.get(c.policy), `no CA policy "${c.policy}"`);
      return {
        id: p.id,
        displayName: p.displayName,
        // Sign-ins write grant controls capitalised ("Mfa", "Block"), policies in camelCase.
        enforcedGrantControls:
          c.result === 'failure' || c.result === 'success' ? p.grantControls.map(appliedGrantControl) : [],
        enforcedSessionControls: [],
        result: c.result,
        conditionsSatisfied: c.result === 'notApplied' ? 'none' : 'application,users',
        conditionsNotSatisfied: 'none',
      };
    }),
  );
  const caStatus = policies.some((p) => p.result === 'failure')
    ? 'failure'
    : policies.some((p) => p.result === 'success')
      ? 'success'
      : 'notApplied';
  const ok = fields.errorCode === 0;
  const time = Math.min(at, env.now);
  const tokenIssuerType = fields.tokenIssuerType ?? (federated && fromOkta ? 'ADFederationServices' : 'AzureAD');
  const place = origin.place;
  const failureReason = fillText(fields.failureReason ?? FAILURE_TEXT[fields.errorCode] ?? 'Other.', values);
  const additionalDetails =
    fields.additionalDetails !== undefined
      ? fillText(fields.additionalDetails, values)
      : ok && fromOkta && federated
        ? 'First factor requirement satisfied by claim in the token'
        : null;
  const signIn = {
    id: uuid(random),
    createdDateTime: iso(time),
    userDisplayName: u.user.displayName,
    userPrincipalName: u.user.upn.toLowerCase(),
    userId: entra.id,
    appId: app.id,
    appDisplayName: app.displayName,
    ipAddress: origin.ip,
    clientAppUsed: fields.clientAppUsed ?? origin.preset.clientAppUsed,
    userAgent: origin.userAgent ?? '',
    correlationId: uuid(random),
    originalRequestId: uuid(random),
    conditionalAccessStatus: caStatus,
    isInteractive: fields.interactive,
    tokenIssuerName: tokenIssuerType === 'ADFederationServices' ? (fed?.displayName ?? 'Okta') : '',
    tokenIssuerType,
    incomingTokenType: fields.incomingTokenType ?? (fromOkta && federated ? 'saml11' : 'none'),
    authenticationProtocol: fields.protocol ?? (fromOkta ? 'wsFederation' : 'none'),
    originalTransferMethod: fields.originalTransferMethod ?? 'none',
    authenticationRequirement: fields.authenticationRequirement ?? 'singleFactorAuthentication',
    processingTimeInMilliseconds: randomInt(random, 40, 900),
    resourceDisplayName: app.resourceDisplayName,
    resourceId: app.resourceId,
    resourceTenantId: env.scenario.tenant.tenantId,
    homeTenantId: env.scenario.tenant.tenantId,
    signInIdentifier: u.user.upn,
    signInEventTypes: fields.interactive ? INTERACTIVE : NON_INTERACTIVE,
    userType: 'member',
    crossTenantAccessType: 'none',
    autonomousSystemNumber: place.asNumber,
    flaggedForReview: false,
    isTenantRestricted: false,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes_v2: NONE,
    status: share(env, `status|${String(fields.errorCode)}|${failureReason}|${additionalDetails ?? ''}`, () => ({
      errorCode: fields.errorCode,
      failureReason,
      additionalDetails,
    })),
    deviceDetail: share(env, `device|${origin.preset.entraOs}|${origin.preset.entraBrowser}`, () => ({
      deviceId: '',
      displayName: '',
      operatingSystem: origin.preset.entraOs,
      browser: origin.preset.entraBrowser,
      isCompliant: false,
      isManaged: false,
      trustType: '',
    })),
    location: share(env, `location|${place.city}|${place.lat}|${place.lon}`, () => ({
      city: place.city,
      state: place.state ?? '',
      countryOrRegion: place.countryCode,
      geoCoordinates: { altitude: null, latitude: place.lat, longitude: place.lon },
    })),
    appliedConditionalAccessPolicies: policies.length === 0 ? NONE : policies,
    authenticationDetails:
      fromOkta && federated
        ? [
            {
              authenticationStepDateTime: iso(time),
              authenticationMethod: 'Previously satisfied',
              authenticationMethodDetail: 'Federated',
              succeeded: ok,
              authenticationStepResultDetail: ok ? 'First factor requirement satisfied by claim in the token' : '',
              authenticationStepRequirement: 'Primary authentication',
            },
          ]
        : NONE,
    networkLocationDetails: NONE,
  };
  env.signIns.push({ at: time, order: env.signIns.length, signIn });
}

// ---------------------------------------------------------------------------------------------
// Happenings
// ---------------------------------------------------------------------------------------------

/** Repetition start times of a happening, oldest first, each nudged back by a few hundred ms of jitter. */
function times(env: Env, h: Happening, random: Random): number[] {
  const start = env.now + relative(h.at);
  const step = durationMs(h.every, 5 * MINUTE);
  const out: number[] = [];
  for (let k = 0; k < h.repeat; k++) out.push(start + k * step - randomInt(random, 1500, 2900));
  return out;
}

const MFA_FACTOR: Readonly<
  Record<
    string,
    { readonly factor: string; readonly provider: string; readonly credential: string; readonly uri: string }
  >
> = {
  'okta-verify-push': {
    factor: 'push',
    provider: 'OKTA_CREDENTIAL_PROVIDER',
    credential: 'OTP',
    uri: '/idp/idx/authenticators/poll',
  },
  'okta-verify-totp': {
    factor: 'token:software:totp',
    provider: 'OKTA_CREDENTIAL_PROVIDER',
    credential: 'OTP',
    uri: '/idp/idx/challenge/answer',
  },
  'google-authenticator': {
    factor: 'token:software:totp',
    provider: 'GOOGLE_OTP',
    credential: 'OTP',
    uri: '/idp/idx/challenge/answer',
  },
  sms: { factor: 'sms', provider: 'OKTA_CREDENTIAL_PROVIDER', credential: 'SMS', uri: '/idp/idx/challenge/answer' },
  'phone-call': {
    factor: 'call',
    provider: 'OKTA_CREDENTIAL_PROVIDER',
    credential: 'OTP',
    uri: '/idp/idx/challenge/answer',
  },
};

const ADMIN_EVENTS: Readonly<
  Record<string, { readonly type: string; readonly message: string; readonly legacy: string; readonly path: string }>
> = {
  create: {
    type: 'user.lifecycle.create',
    message: 'Create Okta user',
    legacy: 'core.user.config.user_creation.success',
    path: '',
  },
  activate: {
    type: 'user.lifecycle.activate',
    message: 'Activate Okta user',
    legacy: 'core.user.config.user_activated',
    path: '/lifecycle/activate',
  },
  suspend: {
    type: 'user.lifecycle.suspend',
    message: 'Suspend Okta user',
    legacy: 'core.user.config.user_suspended',
    path: '/lifecycle/suspend',
  },
  unsuspend: {
    type: 'user.lifecycle.unsuspend',
    message: 'Unsuspend Okta user',
    legacy: 'core.user.config.user_unsuspended',
    path: '/lifecycle/unsuspend',
  },
  deactivate: {
    type: 'user.lifecycle.deactivate',
    message: 'Deactivate Okta user',
    legacy: 'core.user.config.user_deactivated',
    path: '/lifecycle/deactivate',
  },
  unlock: {
    type: 'user.account.unlock_by_admin',
    message: 'Unlock user account',
    legacy: 'core.user.account.unlock_by_admin',
    path: '/lifecycle/unlock',
  },
  'reset-password': {
    type: 'user.account.reset_password',
    message: 'Reset Okta user password',
    legacy: 'core.user.config.password_reset',
    path: '/lifecycle/reset_password',
  },
  'assign-o365': {
    type: 'application.user_membership.add',
    message: 'Add user to application membership',
    legacy: 'app.generic.provision.assign_user_to_app',
    path: '',
  },
  'unassign-o365': {
    type: 'application.user_membership.remove',
    message: 'Remove user from application membership',
    legacy: 'app.generic.unauth_app_access_attempt',
    path: '',
  },
};

/** The Entra half of a successful browser SSO when the scenario says nothing more. */
const SUCCESS_HALF: EntraHalf = { errorCode: 0, caPolicies: [], interactive: true, delay: '3s' };

/** Geography of the addresses spray traffic comes from (hosting providers and proxies). */
const SPRAY_ORIGINS: readonly Omit<ScenarioPlace, 'ip' | 'zone'>[] = [
  {
    city: 'Amsterdam',
    country: 'Netherlands',
    countryCode: 'NL',
    lat: 52.37,
    lon: 4.89,
    asNumber: 64505,
    isp: 'Example Hosting B.V.',
    isProxy: true,
  },
  {
    city: 'Frankfurt am Main',
    state: 'Hesse',
    country: 'Germany',
    countryCode: 'DE',
    lat: 50.11,
    lon: 8.68,
    asNumber: 64506,
    isp: 'Example Cloud GmbH',
    isProxy: false,
  },
  {
    city: 'Singapore',
    country: 'Singapore',
    countryCode: 'SG',
    lat: 1.29,
    lon: 103.85,
    asNumber: 64507,
    isp: 'Example Datacenter Pte',
    isProxy: false,
  },
  {
    city: 'Bucharest',
    country: 'Romania',
    countryCode: 'RO',
    lat: 44.43,
    lon: 26.1,
    asNumber: 64508,
    isp: 'Example VPS SRL',
    isProxy: true,
  },
  {
    city: 'São Paulo',
    state: 'São Paulo',
    country: 'Brazil',
    countryCode: 'BR',
    lat: -23.55,
    lon: -46.63,
    asNumber: 64509,
    isp: 'Example Telecom',
    isProxy: false,
  },
  {
    city: 'Ashburn',
    state: 'Virginia',
    country: 'United States',
    countryCode: 'US',
    lat: 39.04,
    lon: -77.49,
    asNumber: 64510,
    isp: 'Example VPN Inc.',
    isProxy: true,
  },
];

/** Distinct spray addresses from the documentation ranges, avoiding every address the scenario uses. */
function sprayAddresses(env: Env, random: Random, count: number): string[] {
  const used = new Set([...env.places.values()].map((p) => p.ip));
  const out: string[] = [];
  while (out.length < count) {
    const net = random() < 0.5 ? '192.0.2' : '203.0.113';
    const ip = `${net}.${String(randomInt(random, 1, 249))}`;
    if (!used.has(ip)) {
      used.add(ip);
      out.push(ip);
    }
  }
  return out;
}

/** Renders one happening of one user into System Log events and Entra sign-ins (appended to `env`). */
export function renderHappening(env: Env, u: UserEnv, h: Happening, index: number): void {
  const random = streamFor(env.seed, 'happening', u.user.upn, index);
  const user = u.user;
  const login = u.login;
  const app = u.app;
  const activeUri = appKeyUri(app, 'active');
  const passiveUri = appKeyUri(app, 'passive');
  const instant = times(env, h, random);
  const withEntra = (half: EntraHalf | undefined, at: number, origin: Origin): void => {
    if (half === undefined || half === 'none') return;
    emitSignIn(env, random, u, half, at + durationMs(half.delay, 3000) + randomInt(random, 0, 900), origin, true);
  };

  switch (h.kind) {
    case 'browser-sso':
    case 'okta-sign-in': {
      const origin = originOf(env, user, h, 'chrome-windows');
      const policy = must(u.policy, `no Office 365 policy for ${app.id}`);
      const zone = origin.place.zone ?? null;
      const ctx: RuleContext = { zone, groups: u.groups, client: o365Client(origin.preset, false) };
      const rule = h.kind === 'browser-sso' ? pickRule(policy, h.rule, 'ALLOW', ctx) : undefined;
      const parts = partsFor(env, origin, zone);
      for (const t of instant) {
        const session = oktaSessionId(random);
        const signInTx = transaction(random);
        let clock = t;
        if (rule?.mfa === true) {
          clock += randomInt(random, 4000, 9000);
          emitEvent(env, random, {
            at: clock,
            type: 'user.authentication.auth_via_mfa',
            displayMessage: 'Authentication of user via MFA',
            legacyEventType: 'core.user.factor.attempt_success',
            severity: 'INFO',
            actor: u.actor,
            parts,
            authenticationContext: authContext(env, null, 'OTP', null, 'OKTA_CREDENTIAL_PROVIDER'),
            result: 'SUCCESS',
            reason: null,
            target: null,
            transaction: signInTx,
            requestUri: '/idp/idx/authenticators/poll',
            debug: { factor: 'push', factorIntent: 'AUTHENTICATION', behaviors: BEHAVIORS },
          });
        }
        clock += randomInt(random, 150, 400);
        emitEvent(env, random, {
          at: clock,
          type: 'user.session.start',
          displayMessage: 'User login to Okta',
          legacyEventType: 'core.user_auth.login_success',
          severity: 'INFO',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, u.authProvider, 'PASSWORD', session),
          result: 'SUCCESS',
          reason: null,
          target: null,
          transaction: signInTx,
          requestUri: rule?.mfa === true ? '/idp/idx/authenticators/poll' : '/idp/idx/identify',
          debug: BEHAVIOR_DEBUG,
        });
        u.logins.push(clock);
        if (h.kind === 'okta-sign-in' || rule === undefined) continue;
        const ssoTx = transaction(random);
        clock += randomInt(random, 300, 900);
        emitEvent(env, random, {
          at: clock,
          ...signOnEvaluation('ALLOW'),
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, null, null, session),
          target: decisionTargets(env, app, policy, rule),
          transaction: ssoTx,
          requestUri: passiveUri,
          url: passiveUrl(env, app, login),
          debug: BEHAVIOR_DEBUG,
        });
        clock += randomInt(random, 40, 160);
        emitEvent(env, random, {
          at: clock,
          type: 'user.authentication.sso',
          displayMessage: 'User single sign on to app',
          legacyEventType: 'app.auth.sso',
          severity: h.result === 'SUCCESS' ? 'INFO' : 'WARN',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, null, null, session),
          result: h.result,
          reason: h.reason ?? null,
          target: share(env, `sso-targets|${app.id}|${user.upn}`, () => [
            appTarget(env, app),
            { id: user.okta?.id ?? 'unknown', type: 'AppUser', alternateId: user.upn, displayName: user.displayName },
          ]),
          transaction: ssoTx,
          requestUri: passiveUri,
          url: passiveUrl(env, app, login),
          debug: { initiationType: 'SP_INITIATED', signOnMode: 'SAML 1.1' },
        });
        const half = h.entra ?? (h.result === 'SUCCESS' ? SUCCESS_HALF : 'none');
        withEntra(half, clock, origin);
      }
      return;
    }
    case 'legacy-deny':
    case 'windows-registration-deny': {
      const origin = originOf(env, user, h, h.kind === 'legacy-deny' ? 'ios-mail' : 'windows-azuread');
      const policy = must(u.policy, `no Office 365 policy for ${app.id}`);
      const zone = origin.place.zone ?? null;
      const rule = pickRule(policy, h.rule, 'DENY', { zone, groups: u.groups, client: 'exchange-activesync-legacy' });
      const parts = partsFor(env, origin, zone);
      for (const t of instant) {
        const tx = transaction(random);
        // On the active path Okta checks the password first, then the app rule (§1.7 a).
        emitEvent(env, random, {
          at: t,
          type: 'user.session.start',
          displayMessage: 'User login to Okta',
          legacyEventType: 'core.user_auth.login_success',
          severity: 'INFO',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, u.authProvider, 'PASSWORD', null),
          result: 'SUCCESS',
          reason: null,
          target: null,
          transaction: tx,
          requestUri: activeUri,
        });
        emitEvent(env, random, {
          at: t + randomInt(random, 20, 80),
          ...signOnEvaluation('DENY'),
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, null, null, null),
          target: decisionTargets(env, app, policy, rule),
          transaction: tx,
          requestUri: activeUri,
        });
        if (h.kind === 'legacy-deny') withEntra(h.entra, t, origin);
      }
      return;
    }
    case 'rich-client-failure':
    case 'rich-client-success': {
      const origin = originOf(env, user, h, 'outlook-c2r');
      const parts = partsFor(env, origin, origin.place.zone ?? null);
      const failure = h.kind === 'rich-client-failure';
      const reason = failure ? h.reason : 'SUCCESS';
      for (const t of instant) {
        emitEvent(env, random, {
          at: t,
          type: 'user.authentication.auth_via_richclient',
          displayMessage: 'Authentication of a user via Rich Client',
          legacyEventType: !failure
            ? 'app.rich_client.login_success'
            : reason === 'UNKNOWN_USER'
              ? 'app.rich_client.account_not_found'
              : 'app.rich_client.login_failure',
          severity: failure ? 'WARN' : 'INFO',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, u.knownToOkta ? u.authProvider : null, 'PASSWORD', null),
          result: failure ? 'FAILURE' : 'SUCCESS',
          reason: failure ? reason : null,
          target: share(env, `app-targets|${app.id}`, () => [appTarget(env, app)]),
          transaction: transaction(random),
          requestUri: activeUri,
          debug: { appName: 'office365', instanceId: app.id, loginResult: reason },
        });
        withEntra(h.entra, t, origin);
      }
      return;
    }
    case 'passive-deny':
    case 'okta-sign-in-deny': {
      const origin = originOf(env, user, h, 'chrome-windows');
      const global = h.kind === 'okta-sign-in-deny';
      const policy = must(global ? env.globalPolicy : u.policy, 'no policy for the deny');
      const zone = h.zone !== undefined ? h.zone : (origin.place.zone ?? null);
      const rule = pickRule(policy, h.rule, 'DENY', {
        zone,
        groups: u.groups,
        client: o365Client(origin.preset, false),
      });
      const parts = partsFor(env, origin, zone);
      for (const t of instant) {
        emitEvent(env, random, {
          at: t,
          ...signOnEvaluation('DENY'),
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, null, null, null),
          target: decisionTargets(env, global ? null : app, policy, rule),
          transaction: transaction(random),
          requestUri: global ? '/idp/idx/identify' : passiveUri,
          ...(global ? {} : { url: passiveUrl(env, app, login) }),
          debug: BEHAVIOR_DEBUG,
        });
      }
      return;
    }
    case 'zone-block': {
      const origin = originOf(env, user, h, 'chrome-windows');
      const parts = partsFor(env, origin, h.zone);
      for (const t of instant) {
        // Okta blocks the request before sign-in; the username typed makes the user the actor, so
        // a collector querying by the user's id finds it.
        emitEvent(env, random, {
          at: t,
          type: 'security.request.blocked',
          displayMessage: 'Request blocked due to a blocklist rule (such as an IP network zone or location rule)',
          legacyEventType: null,
          severity: 'WARN',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, null, null, null),
          result: 'DENY',
          reason: null,
          target: null,
          transaction: transaction(random),
          requestUri: passiveUri,
          url: passiveUrl(env, app, login),
        });
      }
      return;
    }
    case 'mfa-failure':
    case 'mfa-success': {
      const origin = originOf(env, user, h, 'chrome-windows');
      const parts = partsFor(env, origin, origin.place.zone ?? null);
      const factor = must(MFA_FACTOR[h.factor], `unknown factor ${h.factor}`);
      const failed = h.kind === 'mfa-failure';
      for (const t of instant) {
        emitEvent(env, random, {
          at: t,
          type: 'user.authentication.auth_via_mfa',
          displayMessage: 'Authentication of user via MFA',
          legacyEventType: failed ? 'core.user.factor.attempt_fail' : 'core.user.factor.attempt_success',
          severity: failed ? 'WARN' : 'INFO',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, null, factor.credential, null, factor.provider),
          result: failed ? 'FAILURE' : 'SUCCESS',
          reason: failed ? h.reason : null,
          target: null,
          transaction: transaction(random),
          requestUri: factor.uri,
          debug: { factor: factor.factor, factorIntent: 'AUTHENTICATION', behaviors: BEHAVIORS },
        });
      }
      return;
    }
    case 'account-lock': {
      const origin = originOf(env, user, h, 'outlook-c2r');
      const parts = partsFor(env, origin, origin.place.zone ?? null);
      for (const t of instant) {
        emitEvent(env, random, {
          at: t,
          type: h.limit ? 'user.account.lock.limit' : 'user.account.lock',
          displayMessage: h.limit
            ? 'Max sign in attempts exceeded, user account locked and cannot be unlocked automatically'
            : 'Max sign in attempts exceeded',
          legacyEventType: 'core.user_auth.account_locked',
          severity: 'WARN',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, u.authProvider, 'PASSWORD', null),
          result: 'FAILURE',
          reason: 'LOCKED_OUT',
          target: null,
          transaction: transaction(random),
          requestUri: null,
        });
        u.locks.push(t);
      }
      return;
    }
    case 'password-change': {
      const origin = originOf(env, user, h, 'chrome-windows');
      const parts = partsFor(env, origin, origin.place.zone ?? null);
      for (const t of instant) {
        emitEvent(env, random, {
          at: t,
          type: 'user.account.update_password',
          displayMessage: 'User update password for Okta',
          legacyEventType: 'core.user.config.password_update.success',
          severity: 'INFO',
          actor: u.actor,
          parts,
          authenticationContext: authContext(env, u.authProvider, 'PASSWORD', oktaSessionId(random)),
          result: 'SUCCESS',
          reason: null,
          target: [{ id: user.okta?.id ?? 'unknown', type: 'User', alternateId: login, displayName: user.displayName }],
          transaction: transaction(random),
          requestUri: '/idp/idx/challenge/answer',
        });
        u.passwordChanges.push(t);
      }
      return;
    }
    case 'admin-action': {
      const spec = must(ADMIN_EVENTS[h.action], `unknown action ${h.action}`);
      const admin = env.scenario.administrator;
      const system = h.by === 'system';
      const origin = originOf(env, user, h, 'edge-windows');
      const parts = system ? null : partsFor(env, origin, origin.place.zone ?? null);
      const okta = must(user.okta ?? undefined, `${user.upn} has no Okta account`);
      const appScoped = h.action === 'assign-o365' || h.action === 'unassign-o365';
      for (const t of instant) {
        emitEvent(env, random, {
          at: t,
          type: spec.type,
          displayMessage: spec.message,
          legacyEventType: spec.legacy,
          severity: 'INFO',
          actor: system
            ? {
                id: 'system@okta.com',
                type: 'SystemPrincipal',
                alternateId: 'system@okta.com',
                displayName: 'Okta System',
              }
            : { id: admin.id, type: 'User', alternateId: admin.login, displayName: admin.displayName },
          parts,
          authenticationContext: authContext(env, null, null, system ? null : oktaSessionId(random)),
          result: 'SUCCESS',
          reason: null,
          target: [
            { id: okta.id, type: 'User', alternateId: login, displayName: user.displayName },
            ...(appScoped
              ? [
                  appTarget(env, app),
                  { id: okta.id, type: 'AppUser', alternateId: user.upn, displayName: user.displayName },
                ]
              : []),
          ],
          transaction: transaction(random, system ? 'JOB' : 'WEB'),
          requestUri: system
            ? null
            : appScoped
              ? `/api/v1/apps/${app.id}/users/${okta.id}`
              : `/api/v1/users/${okta.id}${spec.path}`,
        });
        u.adminActions.push({ action: h.action, at: t });
      }
      return;
    }
    case 'spray': {
      const addresses = sprayAddresses(env, random, h.ips);
      const ua = h.spoof === 'forged-windows' ? CLIENT_PRESETS['windows-azuread'].userAgent : null;
      const preset = CLIENT_PRESETS[h.spoof === 'forged-windows' ? 'windows-azuread' : 'none'];
      const step = durationMs(h.every, 2 * MINUTE);
      for (const t of instant) {
        addresses.forEach((ip, i) => {
          const origin = SPRAY_ORIGINS[i % SPRAY_ORIGINS.length] ?? SPRAY_ORIGINS[0];
          const place: ScenarioPlace = { ...must(origin, 'spray origin'), ip };
          const parts = clientParts(env, preset, ua, place, ip, null);
          for (let a = 0; a < h.attemptsPerIp; a++) {
            const at = t + (i * h.attemptsPerIp + a) * Math.max(1000, Math.floor(step / Math.max(1, h.ips)));
            emitEvent(env, random, {
              at,
              type: 'user.session.start',
              displayMessage: 'User login to Okta',
              legacyEventType: 'core.user_auth.login_failed',
              severity: 'WARN',
              actor: u.actor,
              parts,
              authenticationContext: authContext(env, u.knownToOkta ? u.authProvider : null, 'PASSWORD', null),
              result: 'FAILURE',
              reason: u.knownToOkta ? 'INVALID_CREDENTIALS' : 'UNKNOWN_USER',
              target: null,
              transaction: transaction(random),
              requestUri: activeUri,
              threatSuspected: h.threatInsight,
              ...(h.threatInsight ? { debug: { threatDetections: '{"Password Spray":"HIGH"}' } } : {}),
            });
          }
        });
      }
      return;
    }
    case 'sign-in': {
      const origin = originOf(env, user, h, 'chrome-windows');
      for (const t of instant) emitSignIn(env, random, u, h, t, origin, false);
      return;
    }
  }
}
