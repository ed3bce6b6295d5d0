/*
 * The vendor objects the engine reads, as the APIs return them.
 *
 * Only the fields the engine uses are typed, all optional unless the bundle validator requires
 * them, because real tenants omit fields freely and Okta warns that debugData may change
 * between releases. The bundle keeps the objects whole; these types are a read-only lens.
 */

/** An Okta System Log event (GET /api/v1/logs). */
export interface OktaLogEvent {
  readonly uuid: string;
  readonly published: string;
  readonly eventType: string;
  readonly severity?: string;
  readonly displayMessage?: string | null;
  readonly legacyEventType?: string | null;
  readonly actor?: OktaLogActor | null;
  readonly client?: OktaLogClient | null;
  readonly authenticationContext?: {
    readonly authenticationProvider?: string | null;
    readonly credentialType?: string | null;
    readonly externalSessionId?: string | null;
    readonly interface?: string | null;
  } | null;
  readonly outcome?: { readonly result?: string | null; readonly reason?: string | null } | null;
  readonly target?: readonly OktaLogTarget[] | null;
  readonly transaction?: { readonly type?: string | null; readonly id?: string | null } | null;
  readonly debugContext?: { readonly debugData?: Readonly<Record<string, unknown>> | null } | null;
  readonly securityContext?: {
    readonly asNumber?: number | null;
    readonly asOrg?: string | null;
    readonly isProxy?: boolean | null;
  } | null;
  readonly request?: { readonly ipChain?: readonly { readonly ip?: string | null }[] | null } | null;
}

/** The actor of a System Log event. */
export interface OktaLogActor {
  readonly id?: string | null;
  readonly type?: string | null;
  readonly alternateId?: string | null;
  readonly displayName?: string | null;
}

/** The client of a System Log event. */
export interface OktaLogClient {
  readonly userAgent?: {
    readonly rawUserAgent?: string | null;
    readonly os?: string | null;
    readonly browser?: string | null;
  } | null;
  readonly zone?: string | null;
  readonly device?: string | null;
  readonly ipAddress?: string | null;
  readonly geographicalContext?: {
    readonly city?: string | null;
    readonly state?: string | null;
    readonly country?: string | null;
  } | null;
}

/** A target of a System Log event (app instance, policy, rule, user …). */
export interface OktaLogTarget {
  readonly id?: string | null;
  readonly type?: string | null;
  readonly alternateId?: string | null;
  readonly displayName?: string | null;
  readonly detailEntry?: Readonly<Record<string, unknown>> | null;
}

/** An Okta user (GET /api/v1/users/{id}). */
export interface OktaUser {
  readonly id: string;
  readonly status?: string;
  readonly created?: string | null;
  readonly activated?: string | null;
  readonly statusChanged?: string | null;
  readonly lastLogin?: string | null;
  readonly passwordChanged?: string | null;
  readonly profile?: { readonly login?: string; readonly email?: string | null; readonly [key: string]: unknown };
}

/** An Okta application (the Office 365 app instances). */
export interface OktaApplication {
  readonly id: string;
  readonly name?: string;
  readonly label?: string;
  readonly status?: string;
  readonly signOnMode?: string;
  readonly settings?: { readonly app?: Readonly<Record<string, unknown>> | null } | null;
  readonly credentials?: { readonly signing?: { readonly kid?: string | null } | null } | null;
  readonly _links?: Readonly<Record<string, unknown>> | null;
}

/** An Okta app user (GET /api/v1/apps/{appId}/users/{userId}). */
export interface OktaAppUser {
  readonly id: string;
  readonly status?: string;
  readonly scope?: string;
  readonly externalId?: string | null;
  readonly syncState?: string | null;
  readonly lastSync?: string | null;
  readonly credentials?: { readonly userName?: string | null } | null;
  readonly profile?: { readonly immutableId?: string | null; readonly [key: string]: unknown } | null;
}

/** An app signing key (GET /api/v1/apps/{appId}/credentials/keys). */
export interface OktaSigningKey {
  readonly kid: string;
  readonly x5c?: readonly string[];
  readonly expiresAt?: string | null;
  readonly created?: string | null;
}

/** An Okta policy (GET /api/v1/policies?type=…). */
export interface OktaPolicy {
  readonly id: string;
  readonly type?: string;
  readonly name?: string;
  readonly status?: string;
  readonly priority?: number;
}

/** An Okta policy rule (GET /api/v1/policies/{id}/rules). */
export interface OktaPolicyRule {
  readonly id: string;
  readonly name?: string;
  readonly type?: string;
  readonly status?: string;
  readonly priority?: number;
  readonly conditions?: Readonly<Record<string, unknown>> | null;
  readonly actions?: Readonly<Record<string, unknown>> | null;
}

/** A Microsoft Graph user, read with $select including onPremisesImmutableId. */
export interface GraphUser {
  readonly id: string;
  readonly userPrincipalName?: string;
  readonly accountEnabled?: boolean | null;
  /** Absent when not $select-ed: absent is "unknown", null is "not set". */
  readonly onPremisesImmutableId?: string | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly mail?: string | null;
}

/** A Microsoft Graph sign-in (auditLogs/signIns, v1.0 or beta shape). */
export interface GraphSignIn {
  readonly id: string;
  readonly createdDateTime: string;
  readonly userPrincipalName?: string | null;
  readonly userId?: string | null;
  readonly appDisplayName?: string | null;
  readonly appId?: string | null;
  readonly resourceDisplayName?: string | null;
  readonly clientAppUsed?: string | null;
  readonly correlationId?: string | null;
  readonly ipAddress?: string | null;
  readonly isInteractive?: boolean | null;
  readonly userAgent?: string | null;
  readonly status?: {
    readonly errorCode?: number | null;
    readonly failureReason?: string | null;
    readonly additionalDetails?: string | null;
  } | null;
  readonly conditionalAccessStatus?: string | null;
  readonly appliedConditionalAccessPolicies?: readonly GraphAppliedCaPolicy[] | null;
  readonly authenticationRequirement?: string | null;
  /** Beta only. */
  readonly authenticationProtocol?: string | null;
  /** Beta only. */
  readonly originalTransferMethod?: string | null;
  readonly tokenIssuerType?: string | null;
  readonly tokenIssuerName?: string | null;
  readonly incomingTokenType?: string | null;
  readonly deviceDetail?: {
    readonly deviceId?: string | null;
    readonly displayName?: string | null;
    readonly operatingSystem?: string | null;
    readonly browser?: string | null;
  } | null;
}

/** A Conditional Access policy as applied to a sign-in. */
export interface GraphAppliedCaPolicy {
  readonly id?: string | null;
  readonly displayName?: string | null;
  readonly result?: string | null;
  readonly enforcedGrantControls?: readonly string[] | null;
  readonly conditionsSatisfied?: string | null;
}

/** A Microsoft Graph domain. */
export interface GraphDomain {
  readonly id: string;
  readonly authenticationType?: string;
  readonly isVerified?: boolean;
}

/** A domain's federation settings (internalDomainFederation). */
export interface GraphFederationConfiguration {
  readonly id?: string;
  readonly displayName?: string | null;
  readonly issuerUri?: string | null;
  readonly passiveSignInUri?: string | null;
  readonly activeSignInUri?: string | null;
  readonly metadataExchangeUri?: string | null;
  readonly signOutUri?: string | null;
  readonly signingCertificate?: string | null;
  readonly nextSigningCertificate?: string | null;
  readonly preferredAuthenticationProtocol?: string | null;
  readonly promptLoginBehavior?: string | null;
  readonly federatedIdpMfaBehavior?: string | null;
  readonly signingCertificateUpdateStatus?: {
    readonly certificateUpdateResult?: string | null;
    readonly lastRunDateTime?: string | null;
  } | null;
}
