import type {
  GraphDomain,
  GraphFederationConfiguration,
  GraphSignIn,
  GraphUser,
  OktaApplication,
  OktaAppUser,
  OktaLogEvent,
  OktaPolicy,
  OktaPolicyRule,
  OktaSigningKey,
  OktaUser,
} from '../evidence/vendor-types';

/**
 * The part of AbortSignal the core relies on (the core has no DOM or Node types; a real
 * AbortSignal fits this shape).
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What a source call receives: its cancellation, and hooks to report paging and retries. */
export interface StepContext {
  readonly signal: CancelSignal;
  readonly onPage: (page: number, itemsSoFar: number) => void;
  readonly onRetry: (inSeconds: number) => void;
}

/**
 * A failure a source explains in words a technician can act on (which permission, which
 * licence), never quoting a secret. Other errors are reported by their message.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

/** A System Log query: bounded by since/until, selected by filter or keywords. */
export interface LogQuery {
  readonly since: string;
  readonly until: string;
  readonly filter?: string;
  readonly q?: string;
  /** Stop paging after this many events. */
  readonly maxEvents: number;
}

/** The Okta side, implemented over the Okta SDK in src/main. */
export interface OktaSource {
  readonly orgUrl: string;
  /** GET /api/v1/users/{login}; null when Okta answers 404. */
  getUser(login: string, ctx: StepContext): Promise<OktaUser | null>;
  /** The org's Office 365 app instances. */
  listOffice365Apps(ctx: StepContext): Promise<readonly OktaApplication[]>;
  /** The user's app user; null when not assigned (404). */
  getAppUser(appId: string, userId: string, ctx: StepContext): Promise<OktaAppUser | null>;
  listSigningKeys(appId: string, ctx: StepContext): Promise<readonly OktaSigningKey[]>;
  /** The policies that decide Office 365 sign-ins: the app's authentication policy and the global one. */
  listPolicies(app: OktaApplication | undefined, ctx: StepContext): Promise<readonly OktaPolicy[]>;
  listPolicyRules(policyId: string, ctx: StepContext): Promise<readonly OktaPolicyRule[]>;
  /** Events of one bounded query, in order; `truncated` when `maxEvents` stopped the paging. */
  listLogEvents(
    query: LogQuery,
    ctx: StepContext,
  ): Promise<{ readonly events: readonly OktaLogEvent[]; readonly truncated: boolean }>;
}

/** The Microsoft side, implemented over MSAL and the Graph client in src/main. */
export interface GraphSource {
  /** The user with onPremisesImmutableId selected; null when Graph answers 404. */
  getUser(upn: string, ctx: StepContext): Promise<GraphUser | null>;
  /** Sign-ins matching an OData filter, from /beta when allowed, else /v1.0. */
  listSignIns(filter: string, ctx: StepContext): Promise<readonly GraphSignIn[]>;
  /** null when Graph answers 404. */
  getDomain(domain: string, ctx: StepContext): Promise<GraphDomain | null>;
  /** Empty for a managed domain. */
  getFederationConfiguration(domain: string, ctx: StepContext): Promise<readonly GraphFederationConfiguration[]>;
}
