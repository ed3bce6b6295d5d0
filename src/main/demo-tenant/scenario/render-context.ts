import type { GraphSignIn, OktaLogEvent, OktaLogTarget } from '../../../core/evidence/vendor-types';
import type { TenantEndpoints } from '../tenant-state';
import { CLIENT_PRESETS } from './client-presets';
import type { ClientPreset, ClientPresetName } from './client-presets';
import { parseDuration, parseRelativeTime } from './scenario-schema';
import type {
  Happening,
  Scenario,
  ScenarioApp,
  ScenarioDomain,
  ScenarioPlace,
  ScenarioPolicy,
  ScenarioPolicyRule,
  ScenarioUser,
} from './scenario-schema';

/*
 * What every part of a render shares: options, lookups, caches of shared sub-objects, where a
 * request came from, and which policy rule Okta would pick. Internal to the scenario renderer.
 */

/** The two token-signing certificates a scenario can choose between, as base64 DER. */
export interface DemoCertificates {
  /** What the Office 365 app signs with, normally. */
  readonly current: string;
  /** A different certificate: an old one, another app's, another IdP's. */
  readonly other: string;
}

/** Options of renderScenario (render-scenario.ts). */
export interface RenderOptions {
  /** The instant the scenario's relative times ("-45m") are relative to. */
  readonly now: Date;
  readonly endpoints: TenantEndpoints;
  /** Seeds every id and jitter; the same seed renders the same ids. */
  readonly seed?: number;
  readonly certificates: DemoCertificates;
}

/** Milliseconds in a minute. */
export const MINUTE = 60_000;
/** Milliseconds in a day. */
export const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** An instant as the vendors write it: ISO-8601 UTC with milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The value, or a clear error when an unvalidated scenario refers to something missing. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Scenario is inconsistent: ${what} (validate it with parseScenario first)`);
  return value;
}

/** A relative time ("-45m") as an offset from now in milliseconds. */
export function relative(text: string): number {
  return must(parseRelativeTime(text) ?? undefined, `"${text}" is not a relative time`);
}

/** A duration ("10m") in milliseconds, or the fallback when none is given. */
export function durationMs(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : (parseDuration(text) ?? fallback);
}

/** First and last name from a display name, for profiles that want both. */
export function splitName(displayName: string): { first: string; last: string } {
  const parts = displayName.trim().split(/\s+/);
  return { first: parts[0] ?? displayName, last: parts.slice(1).join(' ') || (parts[0] ?? displayName) };
}

// ---------------------------------------------------------------------------------------------
// Rendering context
// ---------------------------------------------------------------------------------------------

/** Everything one render shares: lookups, and caches so identical sub-objects are shared, not copied. */
export interface Env {
  readonly scenario: Scenario;
  readonly now: number;
  readonly orgUrl: string;
  readonly seed: number;
  readonly certs: DemoCertificates;
  readonly places: ReadonlyMap<string, ScenarioPlace>;
  readonly zoneIds: ReadonlyMap<string, string>;
  readonly apps: ReadonlyMap<string, ScenarioApp>;
  readonly domains: ReadonlyMap<string, ScenarioDomain>;
  readonly caByName: ReadonlyMap<string, Scenario['conditionalAccessPolicies'][number]>;
  readonly globalPolicy: ScenarioPolicy | undefined;
  accessPolicyFor(appId: string): ScenarioPolicy | undefined;
  /** Client objects by (user agent, place, address, zone): most events share a handful. */
  readonly clientCache: Map<string, ClientParts>;
  readonly targetCache: Map<string, OktaLogTarget>;
  /**
   * Immutable sub-objects shared between records (outcomes, auth contexts, target lists, URLs,
   * device and location details): a 100,000-user tenant holds half a million events, and most of
   * their parts are identical. Nothing in a rendered state may be mutated.
   */
  readonly shared: Map<string, unknown>;
  readonly events: TimedEvent[];
  readonly signIns: TimedSignIn[];
}

interface TimedEvent {
  readonly at: number;
  readonly order: number;
  readonly event: OktaLogEvent;
}

interface TimedSignIn {
  readonly at: number;
  readonly order: number;
  readonly signIn: GraphSignIn;
}

/** The parts of an event that describe where it came from. */
export interface ClientParts {
  readonly client: NonNullable<OktaLogEvent['client']> & Readonly<Record<string, unknown>>;
  readonly request: NonNullable<OktaLogEvent['request']>;
  readonly securityContext: NonNullable<OktaLogEvent['securityContext']> & Readonly<Record<string, unknown>>;
  readonly place: ScenarioPlace | null;
  readonly ip: string | null;
  readonly zone: string | null;
  readonly preset: ClientPreset;
  readonly userAgent: string | null;
}

/** Where a happening came from, resolved. */
export interface Origin {
  readonly place: ScenarioPlace;
  readonly ip: string;
  readonly preset: ClientPreset;
  readonly userAgent: string | null;
}

/** One user being rendered. */
export interface UserEnv {
  readonly user: ScenarioUser;
  readonly login: string;
  /** True when Okta's user can be found by this UPN. */
  readonly knownToOkta: boolean;
  readonly actor: NonNullable<OktaLogEvent['actor']>;
  readonly app: ScenarioApp;
  readonly policy: ScenarioPolicy | undefined;
  readonly domain: ScenarioDomain;
  readonly oktaImmutableId: string | null;
  readonly authProvider: string;
  /** Okta group names, for rule conditions. */
  readonly groups: readonly string[];
  /** Times Okta signed the user in, for lastLogin. */
  readonly logins: number[];
  readonly locks: number[];
  readonly passwordChanges: number[];
  readonly adminActions: { readonly action: string; readonly at: number }[];
}

/** Builds the shared context of one render. */
export function makeEnv(scenario: Scenario, options: RenderOptions, seed: number): Env {
  const accessPolicies = scenario.policies.filter((p) => p.type === 'ACCESS_POLICY');
  return {
    scenario,
    now: options.now.getTime(),
    orgUrl: options.endpoints.oktaOrgUrl.replace(/\/+$/, ''),
    seed,
    certs: options.certificates,
    places: new Map(Object.entries(scenario.places)),
    zoneIds: new Map(scenario.networkZones.map((z) => [z.name, z.id])),
    apps: new Map(scenario.office365Apps.map((a) => [a.id, a])),
    domains: new Map(scenario.domains.map((d) => [d.name, d])),
    caByName: new Map(scenario.conditionalAccessPolicies.map((p) => [p.displayName, p])),
    globalPolicy: scenario.policies.find((p) => p.type === 'OKTA_SIGN_ON'),
    accessPolicyFor: (appId) =>
      accessPolicies.find((p) => p.apps.includes(appId)) ??
      (accessPolicies.length === 1 ? accessPolicies[0] : undefined),
    clientCache: new Map(),
    targetCache: new Map(),
    shared: new Map(),
    events: [],
    signIns: [],
  };
}

/** The base64 DER certificate a scenario's "current" or "other" names. */
export function certificate(env: Env, choice: 'current' | 'other'): string {
  return choice === 'current' ? env.certs.current : env.certs.other;
}

/** The path of an Office 365 app's WS-Fed endpoint (domain reference §2.2). */
export function appKeyUri(app: ScenarioApp, mode: 'active' | 'passive' | 'mex'): string {
  return `/app/office365/${app.externalKey}/sso/wsfed/${mode}`;
}

/** Replaces "{orgUrl}" in a scenario URL with the simulator's org URL. */
export function fillOrgUrl(env: Env, template: string): string {
  return template.replace('{orgUrl}', env.orgUrl);
}

// ---------------------------------------------------------------------------------------------
// Clients, places, targets
// ---------------------------------------------------------------------------------------------

/** The Exchange Online front end a relayed request passes through (documentation range, standing in for AS8075). */
const EXCHANGE_FRONT_END = '192.0.2.250';

function geo(place: ScenarioPlace): Readonly<Record<string, unknown>> {
  return {
    city: place.city,
    state: place.state ?? null,
    country: place.country,
    postalCode: place.postalCode ?? null,
    geolocation: { lat: place.lat, lon: place.lon },
  };
}

/** The client, request and security context of an event, shared by every event from the same client and place. */
export function clientParts(
  env: Env,
  preset: ClientPreset,
  userAgent: string | null,
  place: ScenarioPlace | null,
  ip: string | null,
  zone: string | null,
): ClientParts {
  const key = `${userAgent ?? '\u0000'}|${preset.oktaOs}|${preset.device}|${ip ?? ''}|${place?.city ?? ''}|${zone ?? ''}|${String(preset.relayedByExchange)}`;
  const cached = env.clientCache.get(key);
  if (cached !== undefined) return cached;
  const geographicalContext = place === null ? null : geo(place);
  const chain = [
    ...(ip === null ? [] : [{ ip, geographicalContext, version: 'V4', source: null }]),
    // Exchange Online relaying basic auth appears as the next hop (domain reference §7).
    ...(preset.relayedByExchange
      ? [{ ip: EXCHANGE_FRONT_END, geographicalContext: null, version: 'V4', source: null }]
      : []),
  ];
  const parts: ClientParts = {
    client: {
      userAgent: { rawUserAgent: userAgent, os: preset.oktaOs, browser: preset.oktaBrowser },
      // Okta writes the string "null" when no zone matched (domain reference §1.1).
      zone: zone ?? 'null',
      device: preset.device,
      id: null,
      ipAddress: ip,
      geographicalContext,
    },
    request: { ipChain: chain },
    securityContext: preset.relayedByExchange
      ? {
          asNumber: 8075,
          asOrg: 'microsoft corporation',
          isp: 'microsoft corporation',
          domain: 'outlook.com',
          isProxy: false,
        }
      : {
          asNumber: place?.asNumber ?? null,
          asOrg: place?.isp.toLowerCase() ?? null,
          isp: place?.isp.toLowerCase() ?? null,
          domain: null,
          isProxy: place?.isProxy ?? false,
        },
    place,
    ip,
    zone,
    preset,
    userAgent,
  };
  env.clientCache.set(key, parts);
  return parts;
}

/** The place, address and client of a happening, with the user's defaults. */
export function originOf(env: Env, user: ScenarioUser, h: Happening, defaultClient: ClientPresetName): Origin {
  const place = must(env.places.get(h.from ?? user.from), `no place "${h.from ?? user.from}"`);
  const preset: ClientPreset = CLIENT_PRESETS[h.client ?? defaultClient];
  return {
    place,
    ip: h.ip ?? place.ip,
    preset,
    userAgent: h.userAgent !== undefined ? h.userAgent : preset.userAgent,
  };
}

/** {@link clientParts} for a resolved origin. */
export function partsFor(env: Env, origin: Origin, zone: string | null): ClientParts {
  return clientParts(env, origin.preset, origin.userAgent, origin.place, origin.ip, zone);
}

function cachedTarget(env: Env, key: string, make: () => OktaLogTarget): OktaLogTarget {
  let target = env.targetCache.get(key);
  if (target === undefined) {
    target = make();
    env.targetCache.set(key, target);
  }
  return target;
}

/** One shared instance per key (see Env.shared). */
export function share<T>(env: Env, key: string, make: () => T): T {
  const found = env.shared.get(key);
  if (found !== undefined) return found as T;
  const made = make();
  env.shared.set(key, made);
  return made;
}

/** The AppInstance target of an Office 365 app (shared). */
export function appTarget(env: Env, app: ScenarioApp): OktaLogTarget {
  return cachedTarget(env, `app|${app.id}`, () => ({
    id: app.id,
    type: 'AppInstance',
    alternateId: app.label,
    displayName: app.label,
    detailEntry: { signOnModeType: 'SAML_1_1' },
  }));
}

/** The targets of a policy decision: [AppInstance,] PolicyEntity, PolicyRule (one shared list per combination). */
export function decisionTargets(
  env: Env,
  app: ScenarioApp | null,
  policy: ScenarioPolicy,
  rule: ScenarioPolicyRule,
): readonly OktaLogTarget[] {
  return share(env, `targets|${app?.id ?? ''}|${rule.id}`, () => [
    ...(app === null ? [] : [appTarget(env, app)]),
    ...policyTargets(env, policy, rule),
  ]);
}

function policyTargets(env: Env, policy: ScenarioPolicy, rule: ScenarioPolicyRule): OktaLogTarget[] {
  return [
    cachedTarget(env, `policy|${policy.id}`, () => ({
      id: policy.id,
      type: 'PolicyEntity',
      alternateId: 'unknown',
      displayName: policy.name,
      detailEntry: { policyType: policy.type },
    })),
    cachedTarget(env, `rule|${rule.id}`, () => ({
      id: rule.id,
      type: 'PolicyRule',
      alternateId: policy.id,
      displayName: rule.name,
      detailEntry: { policyRuleFactorMode: rule.mfa ? '2FA' : '1FA' },
    })),
  ];
}

/** What Okta knows about a request when it picks a rule (domain reference §2.4). */
export interface RuleContext {
  readonly zone: string | null;
  readonly groups: readonly string[];
  readonly client: 'web' | 'modern-auth' | 'exchange-activesync-legacy';
}

function ruleMatches(rule: ScenarioPolicyRule, ctx: RuleContext): boolean {
  if (rule.clients !== undefined && !rule.clients.includes(ctx.client)) return false;
  if (rule.groups !== undefined && !rule.groups.some((g) => ctx.groups.includes(g))) return false;
  const include = rule.network?.include;
  const exclude = rule.network?.exclude;
  if (include !== undefined && (ctx.zone === null || !include.includes(ctx.zone))) return false;
  if (exclude !== undefined && ctx.zone !== null && exclude.includes(ctx.zone)) return false;
  return true;
}

/** The O365 client type Okta would see for a client (browser, modern app, legacy protocol). */
export function o365Client(preset: ClientPreset, legacy: boolean): RuleContext['client'] {
  if (legacy) return 'exchange-activesync-legacy';
  return preset.clientAppUsed === 'Browser' ? 'web' : 'modern-auth';
}

/**
 * The rule that decided: the named one, else (as Okta does) the first rule whose conditions match
 * the request among those with the outcome the happening describes, else the first allow rule /
 * the last deny rule (Okta's catch-all).
 */
export function pickRule(
  policy: ScenarioPolicy,
  name: string | undefined,
  access: 'ALLOW' | 'DENY',
  ctx: RuleContext,
): ScenarioPolicyRule {
  if (name !== undefined)
    return must(
      policy.rules.find((r) => r.name === name),
      `no rule "${name}" in ${policy.name}`,
    );
  const rules = policy.rules.filter((r) => r.access === access);
  const matching = rules.find((r) => ruleMatches(r, ctx));
  return must(matching ?? (access === 'ALLOW' ? rules[0] : rules.at(-1)), `${policy.name} has no ${access} rule`);
}
