import { isSprayLikeUserAgent } from '../../classify/client-classifier';
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

/**
 * Whether an item of a time-sorted list, timed within [from, from + span], passes `test`.
 *
 * A binary search finds the window's start, so a rule that looks around each of many records
 * for a nearby one stays near-linear instead of scanning the whole list every time.
 */
export function someInWindow<T extends { readonly at: number }>(
  sorted: readonly T[],
  from: number,
  span: number,
  test: (item: T) => boolean,
): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.at ?? Infinity) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length; i++) {
    const item = sorted[i];
    if (item === undefined || item.at - from > span) break;
    if (test(item)) return true;
  }
  return false;
}

/**
 * {@link isSprayLikeUserAgent}, remembering each user agent's answer for one rule run: a log
 * repeats a handful of user agents thousands of times, and the test trims and runs a regex.
 */
export function sprayLikeUserAgents(): (userAgent: string | null) => boolean {
  const known = new Map<string | null, boolean>();
  return (userAgent) => {
    let answer = known.get(userAgent);
    if (answer === undefined) {
      answer = isSprayLikeUserAgent(userAgent);
      known.set(userAgent, answer);
    }
    return answer;
  };
}

/** Minutes in milliseconds. */
export const MINUTES = 60_000;
