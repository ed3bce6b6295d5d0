import { randomBytes } from 'node:crypto';
import type { OktaLogEvent, GraphSignIn } from '../../core/evidence/vendor-types';
import { contosoRenderer } from '../demo-tenant/contoso';
import type { TenantRenderer } from '../demo-tenant/demo-tenant';
import type { Sentinel } from './secret-sentinels';
import { sentinelValue } from './secret-sentinels';

/*
 * Secrets that arrive in the data: vendor logs that carry a client secret in a URL, a bearer
 * token in a header dump, a SAML response in a form body and a password in a legacy login. Real
 * System Logs and sign-in logs do (debugData is free-form), and none of it may reach a bundle, a
 * report, a log or the renderer as it was sent.
 */

/** The secrets one poisoned user's records carry. */
export interface DataSecrets {
  readonly clientSecret: string;
  readonly password: string;
  /** A whole JWT, used as a bearer token. */
  readonly bearerJwt: string;
  /** The sentinel inside the base64 SAML response. */
  readonly samlSentinel: string;
  /** `SAMLResponse`'s value: base64 of a SAML response whose text carries {@link samlSentinel}. */
  readonly samlResponse: string;
}

/** Fresh data secrets for a run. */
export function dataSecrets(): DataSecrets {
  const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const samlSentinel = sentinelValue('data-saml');
  return {
    clientSecret: sentinelValue('data-client-secret'),
    password: sentinelValue('data-password'),
    bearerJwt: [
      b64url({ alg: 'RS256', typ: 'JWT' }),
      b64url({ sub: sentinelValue('data-jwt'), aud: 'https://graph.microsoft.com' }),
      randomBytes(64).toString('base64url'),
    ].join('.'),
    samlSentinel,
    samlResponse: Buffer.from(
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><Assertion>${samlSentinel}</Assertion></samlp:Response>`,
    ).toString('base64'),
  };
}

/** The data secrets as sentinels the scanner looks for. */
export function dataSentinels(secrets: DataSecrets): Sentinel[] {
  return [
    { name: 'client_secret in a log URL', value: secrets.clientSecret },
    { name: 'password in a legacy login', value: secrets.password },
    { name: 'bearer JWT in a header dump', value: secrets.bearerJwt },
    { name: 'SAML response in a form body', value: secrets.samlSentinel },
  ];
}

function poisonEvent(event: OktaLogEvent, s: DataSecrets): OktaLogEvent {
  const debugData = event.debugContext?.debugData ?? {};
  return {
    ...event,
    debugContext: {
      debugData: {
        ...debugData,
        redirectUri: `https://login.microsoftonline.com/login.srf?wa=wsignin1.0&client_secret=${s.clientSecret}`,
        requestHeaders: `Authorization: Bearer ${s.bearerJwt}\r\nAccept: */*`,
        formBody: `SAMLResponse=${encodeURIComponent(s.samlResponse)}&RelayState=rs`,
        legacyLogin: `user=${event.actor?.alternateId ?? ''}&password=${s.password}`,
      },
    },
  };
}

function poisonSignIn(signIn: GraphSignIn, s: DataSecrets): GraphSignIn {
  return {
    ...signIn,
    status: {
      ...signIn.status,
      additionalDetails: `${signIn.status?.additionalDetails ?? ''} (request: client_secret=${s.clientSecret}&password=${s.password})`,
    },
    // Extra fields a real tenant may send; the bundle keeps records whole.
    authenticationProcessingDetails: [
      { key: 'Request', value: `Authorization: Bearer ${s.bearerJwt}; SAMLResponse=${s.samlResponse}` },
    ],
  } as GraphSignIn;
}

/**
 * The Contoso scenario with every Okta event and Entra sign-in of `upn` carrying the data
 * secrets beside what the scenario wrote (which stays, so the user's verdict must stay too);
 * rendered relative to `now` (default: when the tenant starts).
 */
export function poisonedContoso(upn: string, secrets: DataSecrets, now?: Date): TenantRenderer {
  return (endpoints, certificates) => {
    const state = contosoRenderer(now)(endpoints, certificates);
    const mine = (e: OktaLogEvent): boolean => e.actor?.alternateId?.toLowerCase() === upn;
    return {
      ...state,
      okta: { ...state.okta, logEvents: state.okta.logEvents.map((e) => (mine(e) ? poisonEvent(e, secrets) : e)) },
      graph: {
        ...state.graph,
        signIns: state.graph.signIns.map((s) =>
          s.userPrincipalName?.toLowerCase() === upn ? poisonSignIn(s, secrets) : s,
        ),
      },
    };
  };
}
