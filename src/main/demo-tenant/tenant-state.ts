import type { VerdictCode } from '../../core/diagnosis/verdicts';
import type { Symptom } from '../../core/evidence/symptoms';
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
} from '../../core/evidence/vendor-types';

/**
 * A demo user the app lists in demo mode: who to type in, what they complain about, and the
 * verdict their scenario is written to produce (the self-check in shared/checks relies on it).
 */
export interface DemoUser {
  readonly upn: string;
  readonly displayName: string;
  readonly symptom: Symptom;
  readonly expectedVerdict: VerdictCode;
  /** One line for the demo picker, e.g. "Outlook on an old PC keeps asking for a password". */
  readonly title: string;
  /** What happened, for trainers. */
  readonly story: string;
}

/**
 * Everything the simulator serves, as the vendors' APIs return it.
 *
 * Rendered from a declarative scenario (or by the scale generator); the HTTPS routes only read
 * it. Objects are whole vendor objects: Okta users with `profile.login`, Graph users with
 * `onPremisesImmutableId` (stripped by the route unless `$select`-ed), sign-ins in the beta
 * shape (the v1.0 route strips the beta-only fields).
 */
export interface DemoTenantState {
  readonly okta: {
    readonly users: readonly OktaUser[];
    readonly apps: readonly OktaApplication[];
    /** App users by app id. A user absent from an app's list is not assigned (404). */
    readonly appUsers: Readonly<Record<string, readonly OktaAppUser[]>>;
    /** Signing keys by app id (GET /api/v1/apps/{id}/credentials/keys). */
    readonly appKeys: Readonly<Record<string, readonly OktaSigningKey[]>>;
    /** Policies; `type` is Okta's (OKTA_SIGN_ON, ACCESS_POLICY, …). */
    readonly policies: readonly OktaPolicy[];
    readonly policyRules: Readonly<Record<string, readonly OktaPolicyRule[]>>;
    /** Every System Log event of the org, sorted by `published`. */
    readonly logEvents: readonly OktaLogEvent[];
  };
  readonly entra: {
    /** The directory (tenant) id, a GUID. */
    readonly tenantId: string;
    /** The initial domain's prefix, e.g. "contoso" of contoso.onmicrosoft.com. */
    readonly tenantName: string;
    /** Without Entra ID P1/P2, Graph answers 403 to sign-in log queries. */
    readonly hasP1: boolean;
  };
  readonly graph: {
    readonly users: readonly GraphUser[];
    /** Every sign-in, beta shape, sorted by `createdDateTime`. */
    readonly signIns: readonly GraphSignIn[];
    readonly domains: readonly GraphDomain[];
    /** federationConfiguration by domain id; absent or empty for managed domains. */
    readonly federation: Readonly<Record<string, readonly GraphFederationConfiguration[]>>;
  };
  readonly demoUsers: readonly DemoUser[];
  /**
   * Sources the simulator refuses to serve for one user (a demo of a partial diagnosis, e.g.
   * sign-in logs unreadable for one user). A route answers the fault only when the query
   * singles that user out.
   */
  readonly faults?: readonly DemoSourceFault[];
}

/** One source the simulator refuses to serve for one user. */
export interface DemoSourceFault {
  /** The user it applies to (lower-case UPN). */
  readonly upn: string;
  readonly source: 'okta.user' | 'okta.logEvents' | 'graph.user' | 'graph.signIns';
  /** The HTTP status to answer, e.g. 403. */
  readonly status: number;
  /** The vendor's error code, e.g. "Authorization_RequestDenied" (Graph) or "E0000006" (Okta). */
  readonly code: string;
  readonly message: string;
}

/** Where the rendered tenant's own services live: needed to write federation URIs. */
export interface TenantEndpoints {
  /** The Okta org URL, e.g. https://127.0.0.1:40123 (no trailing slash). */
  readonly oktaOrgUrl: string;
}
