import type { AadstsEntry } from '../catalog/aadsts';
import { describeAadsts } from '../catalog/aadsts';
import type { ClientClassification } from '../classify/client-classifier';
import { classifyClient } from '../classify/client-classifier';
import type { Office365EndpointRef, OktaRequestKind } from '../classify/office365-endpoint';
import { classifyOktaRequestUri, parseOffice365Endpoint } from '../classify/office365-endpoint';
import type { EvidenceBundle, EvidenceSource } from '../evidence/bundle';
import type { Symptom } from '../evidence/symptoms';
import type {
  GraphFederationConfiguration,
  GraphSignIn,
  GraphUser,
  OktaApplication,
  OktaAppUser,
  OktaLogEvent,
  OktaLogTarget,
  OktaUser,
} from '../evidence/vendor-types';
import { parseInstant, sortByTime } from './instants';

/** An Okta System Log event with the facts the rules need already read out. */
export interface OktaEventView {
  readonly event: OktaLogEvent;
  readonly at: number;
  readonly type: string;
  /** outcome.result in upper case, or "" when absent. */
  readonly result: string;
  /** outcome.reason, else debugData.loginResult, in upper case; "" when absent. */
  readonly reason: string;
  readonly requestUri: string | null;
  readonly endpoint: Office365EndpointRef | null;
  readonly requestKind: OktaRequestKind;
  readonly client: ClientClassification;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly zone: string | null;
  readonly transactionId: string | null;
  readonly requestId: string | null;
  readonly threatSuspected: boolean;
  readonly policyTargets: readonly OktaLogTarget[];
}

/** An Entra sign-in with its error code and client read out. */
export interface SignInView {
  readonly signIn: GraphSignIn;
  readonly at: number;
  readonly errorCode: number;
  readonly entry: AadstsEntry;
  readonly failed: boolean;
  readonly client: ClientClassification;
  /** True for a device-code sign-in or a follow-up that is protocol-tracked to one. */
  readonly deviceCode: boolean;
  /** failureReason and additionalDetails, for messages that quote values. */
  readonly text: string;
}

/** Everything the rules read, derived once from the bundle. */
export interface DiagnosisContext {
  readonly bundle: EvidenceBundle;
  readonly symptom: Symptom | undefined;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly oktaUser: OktaUser | null | undefined;
  /** The Office 365 app instance that serves the user's domain, when one can be told. */
  readonly o365App: OktaApplication | undefined;
  /** undefined: not collected; null: not assigned (404). */
  readonly appUser: OktaAppUser | null | undefined;
  readonly graphUser: GraphUser | null | undefined;
  readonly federation: GraphFederationConfiguration | undefined;
  readonly oktaEvents: readonly OktaEventView[];
  readonly signIns: readonly SignInView[];
  /** Whether a source was collected (present in the bundle). */
  collected(source: EvidenceSource): boolean;
}

/** Shared by every event without targets, instead of a new empty array each. */
const NO_TARGETS: readonly OktaLogTarget[] = Object.freeze([]);

const upper = (v: unknown): string => (typeof v === 'string' ? v.toUpperCase() : '');
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Memoises a pure classifier by its string argument.
 *
 * A week of System Log for one user holds thousands of events but a handful of distinct user
 * agents and request URIs; classifying each distinct value once keeps 50,000-event bundles fast.
 */
function memo<T>(fn: (key: string | null) => T): (key: string | null) => T {
  const cache = new Map<string | null, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      cache.set(key, value);
    }
    return value as T;
  };
}

/** What a request URI says: the Office 365 endpoint it is on and the kind of request. */
interface UriFacts {
  readonly endpoint: Office365EndpointRef | null;
  readonly requestKind: OktaRequestKind;
}

/** The classifiers one context uses, each memoised for that bundle. */
interface Classifiers {
  readonly client: (userAgent: string | null) => ClientClassification;
  /** One lookup per event for both facts of its URI, rather than one per fact. */
  readonly uri: (uri: string | null) => UriFacts;
  readonly signInClient: (userAgent: string | null, clientAppUsed: string | null) => ClientClassification;
  /** One shared string per distinct event type. */
  readonly type: (eventType: string) => string;
  /** {@link upper}, one shared string per distinct value. */
  readonly upper: (value: string | null) => string;
}

function makeClassifiers(): Classifiers {
  // Sign-ins are classified by two strings; one memo per clientAppUsed value keeps keys plain.
  const signInClients = new Map<string | null, (userAgent: string | null) => ClientClassification>();
  return {
    client: memo((userAgent) => classifyClient({ userAgent })),
    uri: memo((uri) => ({ endpoint: parseOffice365Endpoint(uri), requestKind: classifyOktaRequestUri(uri) })),
    // The rules compare type, result and reason of every event many times over. Each event's
    // own copy of these strings sits wherever JSON.parse put it; sharing one copy per value
    // keeps those comparisons in cache (and saves a toUpperCase per event).
    type: memo((eventType) => eventType) as (eventType: string) => string,
    upper: memo(upper),
    signInClient: (userAgent, clientAppUsed) => {
      let byAgent = signInClients.get(clientAppUsed);
      if (byAgent === undefined) {
        byAgent = memo((ua) => classifyClient({ userAgent: ua, clientAppUsed }));
        signInClients.set(clientAppUsed, byAgent);
      }
      return byAgent(userAgent);
    },
  };
}

/** The rows of the views while the context fills them in; callers only ever see them readonly. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The PolicyEntity and PolicyRule targets; the event's own array when it holds nothing else. */
function policyTargetsOf(targets: readonly OktaLogTarget[] | null | undefined): readonly OktaLogTarget[] {
  if (targets == null || targets.length === 0) return NO_TARGETS;
  const isPolicy = (t: OktaLogTarget): boolean => t.type === 'PolicyEntity' || t.type === 'PolicyRule';
  // Policy events carry only policy targets: share the array instead of copying it per event.
  return targets.every(isPolicy) ? targets : targets.filter(isPolicy);
}

/** {@link upper} through the shared-string memo; non-strings are "" without a lookup. */
function classifyText(classify: Classifiers, value: unknown): string {
  return typeof value === 'string' ? classify.upper(value) : '';
}

function viewEvent(event: OktaLogEvent, classify: Classifiers): Mutable<OktaEventView> {
  const debug = event.debugContext?.debugData ?? {};
  const requestUri = str(debug.requestUri) ?? str(debug.url);
  const rawUserAgent = event.client?.userAgent?.rawUserAgent ?? null;
  const userAgent = rawUserAgent === '' ? null : rawUserAgent;
  const zone = event.client?.zone;
  const uri = classify.uri(requestUri);
  return {
    event,
    at: parseInstant(event.published),
    // (Validated bundles always have a type; anything else is passed through as it was.)
    type: typeof event.eventType === 'string' ? classify.type(event.eventType) : event.eventType,
    result: classifyText(classify, event.outcome?.result),
    reason: classifyText(classify, event.outcome?.reason ?? debug.loginResult),
    requestUri,
    endpoint: uri.endpoint,
    requestKind: uri.requestKind,
    client: classify.client(userAgent),
    userAgent,
    ip: event.client?.ipAddress ?? null,
    // Okta writes the string "null" when no zone matched.
    zone: zone === undefined || zone === null || zone === 'null' || zone === '' ? null : zone,
    transactionId: event.transaction?.id ?? null,
    requestId: str(debug.requestId),
    threatSuspected: debug.threatSuspected === 'true' || debug.threatSuspected === true,
    policyTargets: policyTargetsOf(event.target),
  };
}

function viewSignIn(signIn: GraphSignIn, classify: Classifiers): SignInView {
  const errorCode = signIn.status?.errorCode ?? 0;
  const entry = describeAadsts(errorCode);
  return {
    signIn,
    at: parseInstant(signIn.createdDateTime),
    errorCode,
    entry,
    failed: errorCode !== 0 && entry.isFailure,
    client: classify.signInClient(signIn.userAgent ?? null, signIn.clientAppUsed ?? null),
    deviceCode:
      signIn.authenticationProtocol?.toLowerCase() === 'devicecode' ||
      signIn.originalTransferMethod?.toLowerCase() === 'devicecodeflow',
    text: [signIn.status?.failureReason, signIn.status?.additionalDetails]
      .filter((t) => typeof t === 'string')
      .join(' '),
  };
}

function domainOf(upn: string): string {
  return upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Picks the Office 365 app instance that serves the user's domain.
 *
 * Orgs with several Microsoft tenants have several instances; the one whose settings list the
 * user's domain wins, then one the user is assigned to, then the only one.
 */
function pickO365App(bundle: EvidenceBundle, events: readonly OktaEventView[]): OktaApplication | undefined {
  const apps = bundle.okta?.o365Apps ?? [];
  const domain = domainOf(bundle.subject.upn);
  const servesDomain = (app: OktaApplication): boolean => {
    const settings = app.settings?.app ?? {};
    const domains = [settings.domain, ...(Array.isArray(settings.domains) ? (settings.domains as unknown[]) : [])];
    return domains.some((d) => typeof d === 'string' && d.toLowerCase() === domain);
  };
  const assigned = (app: OktaApplication): boolean => Boolean(bundle.okta?.appUsers?.[app.id]);
  return (
    apps.find(servesDomain) ??
    appForFederationKey(bundle, events, apps) ??
    apps.find(assigned) ??
    (apps.length === 1 ? apps[0] : undefined)
  );
}

/**
 * The app instance the domain federates to, by its external key (`exk…`). The key is in the
 * domain's federation URIs but not on Okta's app object; the System Log links the two, since
 * events on `/app/office365/{exk}/…` name their app instance (target AppInstance, or
 * debugData.instanceId on rich-client events).
 */
function appForFederationKey(
  bundle: EvidenceBundle,
  events: readonly OktaEventView[],
  apps: readonly OktaApplication[],
): OktaApplication | undefined {
  const key = parseOffice365Endpoint(bundle.graph?.federationConfiguration?.[0]?.passiveSignInUri)?.appKey;
  if (key === undefined) return undefined;
  for (const v of events) {
    if (v.endpoint?.appKey !== key) continue;
    const instance =
      v.event.target?.find((t) => t.type === 'AppInstance')?.id ?? v.event.debugContext?.debugData?.instanceId;
    const app = apps.find((a) => a.id === instance);
    if (app !== undefined) return app;
  }
  return undefined;
}

/**
 * Gives events that lack a request URI or user agent those of their transaction's siblings.
 *
 * Okta logs one HTTP request as several events sharing `transaction.id` (session.start, then
 * policy.evaluate_sign_on); the policy event does not always carry the URI that tells the
 * active endpoint from the passive one.
 */
function fillFromTransaction(views: Mutable<OktaEventView>[]): void {
  const byTransaction = new Map<string, OktaEventView>();
  for (const v of views) {
    if (v.transactionId !== null && v.requestUri !== null && !byTransaction.has(v.transactionId)) {
      byTransaction.set(v.transactionId, v);
    }
  }
  // Filled in place: the views are not published yet, and a sibling (the first event of its
  // transaction with a URI) never changes itself, so the order of the updates does not matter.
  for (const v of views) {
    if (v.transactionId === null || (v.requestUri !== null && v.userAgent !== null)) continue;
    const sibling = byTransaction.get(v.transactionId);
    if (sibling === undefined) continue;
    if (v.requestUri === null) {
      v.requestUri = sibling.requestUri;
      v.requestKind = sibling.requestKind;
    }
    // Also when the event has a URI of its own that is not an Office 365 endpoint.
    v.endpoint = v.endpoint ?? sibling.endpoint;
    if (v.userAgent === null && sibling.userAgent !== null) {
      v.userAgent = sibling.userAgent;
      v.client = sibling.client;
    }
  }
}

/** Builds the rules' view of a bundle. Pure and cheap: one pass over events and sign-ins. */
export function buildContext(bundle: EvidenceBundle): DiagnosisContext {
  const appUsers = bundle.okta?.appUsers;
  const classify = makeClassifiers();
  const views = (bundle.okta?.logEvents ?? []).map((e) => viewEvent(e, classify));
  fillFromTransaction(views);
  const oktaEvents: readonly OktaEventView[] = sortByTime(views);
  const o365App = pickO365App(bundle, oktaEvents);
  const signIns = sortByTime((bundle.graph?.signIns ?? []).map((s) => viewSignIn(s, classify)));
  const present: Readonly<Record<EvidenceSource, boolean>> = {
    'okta.user': bundle.okta?.user !== undefined,
    'okta.o365Apps': bundle.okta?.o365Apps !== undefined,
    'okta.appUsers': appUsers !== undefined && (o365App === undefined || o365App.id in appUsers),
    'okta.logEvents': bundle.okta?.logEvents !== undefined,
    'okta.signingKeys': bundle.okta?.signingKeys !== undefined,
    'okta.policies': bundle.okta?.policies !== undefined,
    'okta.policyRules': bundle.okta?.policyRules !== undefined,
    'graph.user': bundle.graph?.user !== undefined,
    'graph.signIns': bundle.graph?.signIns !== undefined,
    'graph.domain': bundle.graph?.domain !== undefined,
    'graph.federationConfiguration': bundle.graph?.federationConfiguration !== undefined,
  };
  return {
    bundle,
    symptom: bundle.subject.symptom,
    windowStart: Date.parse(bundle.subject.since),
    windowEnd: Date.parse(bundle.subject.until),
    oktaUser: bundle.okta?.user,
    o365App,
    appUser: o365App === undefined || appUsers === undefined ? undefined : appUsers[o365App.id],
    graphUser: bundle.graph?.user,
    federation: bundle.graph?.federationConfiguration?.[0],
    oktaEvents,
    signIns,
    collected: (source) => present[source],
  };
}
