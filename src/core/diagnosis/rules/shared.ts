import type { DiagnosisContext, OktaEventView } from '../context';
import type { Finding } from '../model';

/** A rule: reads the context, returns the findings it proves (often none). */
export type Rule = (ctx: DiagnosisContext) => readonly Finding[];

/** True for an Okta policy decision that denied the request. */
export function isPolicyDeny(v: OktaEventView): boolean {
  return (
    (v.type === 'policy.evaluate_sign_on' && v.result === 'DENY') || v.type === 'application.policy.sign_on.deny_access'
  );
}

/** True for an event on the Office 365 WS-Trust active endpoint (legacy / rich clients). */
export function isActiveEndpoint(v: OktaEventView): boolean {
  return v.endpoint?.mode === 'wsfed-active';
}

/** True for an event on the Office 365 WS-Fed passive (browser) endpoint. */
export function isPassiveEndpoint(v: OktaEventView): boolean {
  return v.endpoint?.mode === 'wsfed-passive';
}

/** Client kinds that are Windows' own WS-Trust calls, not a user's app. */
export function isWindowsRegistration(v: OktaEventView): boolean {
  return v.client.kind === 'windows-device-registration';
}

/** A successful Okta sign-in or SSO (the Okta half of a federated sign-in worked). */
export function isOktaSuccess(v: OktaEventView): boolean {
  return (
    (v.type === 'user.authentication.sso' ||
      v.type === 'user.session.start' ||
      v.type === 'user.authentication.auth_via_richclient') &&
    v.result === 'SUCCESS'
  );
}

/** Minutes in milliseconds. */
export const MINUTES = 60_000;
