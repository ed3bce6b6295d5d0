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

/** The classifiers one context uses, each memoised for that bundle. */
interface Classifiers {
  readonly client: (userAgent: string | null) => ClientClassification;
  readonly endpoint: (uri: string | null) => Office365EndpointRef | null;
  readonly requestKind: (uri: string | null) => OktaRequestKind;
}

function makeClassifiers(): Classifiers {
  return {
    client: memo((userAgent) => classifyClient({ userAgent })),
    endpoint: memo(parseOffice365Endpoint),
    requestKind: memo(classifyOktaRequestUri),
  };
}

function viewEvent(event: OktaLogEvent, classify: Classifiers): OktaEventView {
  const debug = event.debugContext?.debugData ?? {};
  const requestUri = str(debug.requestUri) ?? str(debug.url);
  const rawUserAgent = event.client?.userAgent?.rawUserAgent ?? null;
  const userAgent = rawUserAgent === '' ? null : rawUserAgent;
  const zone = event.client?.zone;
  return {
    event,
    at: Date.parse(event.published),
    type: event.eventType,
    result: upper(event.outcome?.result),
    reason: upper(event.outcome?.reason ?? debug.loginResult),
    requestUri,
    endpoint: classify.endpoint(requestUri),
    requestKind: classify.requestKind(requestUri),
    client: classify.client(userAgent),
    userAgent,
    ip: event.client?.ipAddress ?? null,
    // Okta writes the string "null" when no zone matched.
    zone: zone === undefined || zone === null || zone === 'null' || zone === '' ? null : zone,
    transactionId: event.transaction?.id ?? null,
    requestId: str(debug.requestId),
    threatSuspected: debug.threatSuspected === 'true' || debug.threatSuspected === true,
    policyTargets:
      event.target == null || event.target.length === 0
        ? NO_TARGETS
        : event.target.filter((t) => t.type === 'PolicyEntity' || t.type === 'PolicyRule'),
  };
}

function viewSignIn(signIn: GraphSignIn): SignInView {
  const errorCode = signIn.status?.errorCode ?? 0;
  const entry = describeAadsts(errorCode);
  return {
    signIn,
    at: Date.parse(signIn.createdDateTime),
    errorCode,
    entry,
    failed: errorCode !== 0 && entry.isFailure,
    client: classifyClient({ userAgent: signIn.userAgent ?? null, clientAppUsed: signIn.clientAppUsed ?? null }),
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
function fillFromTransaction(views: readonly OktaEventView[]): OktaEventView[] {
  const byTransaction = new Map<string, OktaEventView>();
  for (const v of views) {
    if (v.transactionId !== null && v.requestUri !== null && !byTransaction.has(v.transactionId)) {
      byTransaction.set(v.transactionId, v);
    }
  }
  return views.map((v) => {
    const sibling = v.transactionId === null ? undefined : byTransaction.get(v.transactionId);
    if (sibling === undefined || (v.requestUri !== null && v.userAgent !== null)) return v;
    const useSiblingUa = v.userAgent === null && sibling.userAgent !== null;
    return {
      ...v,
      requestUri: v.requestUri ?? sibling.requestUri,
      endpoint: v.endpoint ?? sibling.endpoint,
      requestKind: v.requestUri === null ? sibling.requestKind : v.requestKind,
      userAgent: useSiblingUa ? sibling.userAgent : v.userAgent,
      client: useSiblingUa ? sibling.client : v.client,
    };
  });
}

/** Builds the rules' view of a bundle. Pure and cheap: one pass over events and sign-ins. */
export function buildContext(bundle: EvidenceBundle): DiagnosisContext {
  const appUsers = bundle.okta?.appUsers;
  const classify = makeClassifiers();
  const oktaEvents = fillFromTransaction((bundle.okta?.logEvents ?? []).map((e) => viewEvent(e, classify))).sort(
    (a, b) => a.at - b.at,
  );
  const o365App = pickO365App(bundle, oktaEvents);
  const signIns = (bundle.graph?.signIns ?? []).map(viewSignIn).sort((a, b) => a.at - b.at);
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
