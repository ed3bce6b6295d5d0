import type { DiagnosisContext, OktaEventView, SignInView } from './context';
import type { TimelineEntry, TimelineOutcome } from './model';
import { MINUTES } from './rules/shared';

/** How far after an Okta assertion Entra's sign-in may be logged and still belong to it. */
const JOIN_AFTER = 5 * MINUTES;
/** Clocks and logging differ a little between the vendors. */
const JOIN_BEFORE = 30_000;

/** Entra errors that only happen after Okta issued an assertion (they are about that assertion). */
const FEDERATED_ERRORS = new Set([51004, 90072, 90020, 50107, 50008, 50006, 50012, 50076, 50079, 50074]);

function oktaOutcome(v: OktaEventView): TimelineOutcome {
  switch (v.result) {
    case 'SUCCESS':
    case 'ALLOW':
      return 'success';
    case 'FAILURE':
      return 'failure';
    case 'DENY':
      return 'denied';
    case 'CHALLENGE':
      return 'challenge';
    default:
      return 'info';
  }
}

function signInOutcome(s: SignInView): TimelineOutcome {
  if (s.errorCode === 0) return 'success';
  if (!s.failed) return 'info';
  return s.entry.family === 'conditional-access' ? 'denied' : 'failure';
}

/** An Okta event that hands the user to Microsoft: an O365 WS-Fed success. */
function issuesAssertion(v: OktaEventView): boolean {
  return (
    v.endpoint !== null && (v.result === 'SUCCESS' || v.result === 'ALLOW') && v.type !== 'policy.evaluate_sign_on'
  );
}

/** An Entra sign-in that must have an Okta half: federated token or federated error. */
function needsOktaHalf(s: SignInView): boolean {
  if (FEDERATED_ERRORS.has(s.errorCode)) return true;
  // incomingTokenType says what this sign-in consumed (a SAML assertion vs a refresh token or
  // PRT); only older v1.0 data lacks it, and then the issuer type is the best hint.
  const token = s.signIn.incomingTokenType?.toLowerCase();
  return token !== undefined && token !== ''
    ? token.startsWith('saml')
    : s.signIn.tokenIssuerType === 'ADFederationServices';
}

/** Entries with nothing related share one empty list. */
const NONE: readonly string[] = Object.freeze([]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** First index in a time-sorted list whose time is ≥ t (binary search, so joins stay linear-ish). */
function lowerBound(list: readonly { readonly at: number }[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.at ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Puts Okta events and Entra sign-ins on one UTC line and joins the halves of each federated
 * sign-in: an Okta assertion and the Entra sign-in that consumed it (same address, within five
 * minutes). An assertion with no Entra sign-in, or a federated Entra error with no Okta
 * assertion before it, is marked "missing": that is where the story breaks.
 */
export function buildTimeline(ctx: DiagnosisContext): TimelineEntry[] {
  const { oktaEvents, signIns } = ctx;
  // Ids are the join key (not positions), so records that share an id share their links.
  const joined = new Map<string, string[]>();
  const addLink = (from: string, to: string): void => {
    const list = joined.get(from);
    if (list === undefined) joined.set(from, [to]);
    else list.push(to);
  };
  // A sign-in whose request was then denied by policy issued no assertion.
  const denied = new Set<string>();
  for (const v of oktaEvents) if (v.result === 'DENY' && v.transactionId !== null) denied.add(v.transactionId);
  // Each flag is worked out once per record here, not again for every join candidate and entry.
  const issues = new Uint8Array(oktaEvents.length);
  oktaEvents.forEach((v, i) => {
    if (issuesAssertion(v) && (v.transactionId === null || !denied.has(v.transactionId))) issues[i] = 1;
  });
  const needsHalf = new Uint8Array(signIns.length);
  signIns.forEach((s, j) => {
    if (needsOktaHalf(s)) needsHalf[j] = 1;
  });
  // The sign-ins that belong to an assertion: in the join window, same address preferred.
  oktaEvents.forEach((v, i) => {
    if (issues[i] !== 1) return;
    for (let j = lowerBound(signIns, v.at - JOIN_BEFORE); j < signIns.length; j++) {
      const s = signIns[j];
      if (s === undefined || s.at > v.at + JOIN_AFTER) break;
      if (needsHalf[j] !== 1) continue;
      if (v.ip === null || s.signIn.ipAddress == null || s.signIn.ipAddress === v.ip) {
        addLink(v.event.uuid, s.signIn.id);
        addLink(s.signIn.id, v.event.uuid);
      }
    }
  });

  // Built field by field rather than with conditional spreads: this runs once per event.
  const okta = oktaEvents.map((v, i): TimelineEntry => {
    const related = joined.get(v.event.uuid) ?? NONE;
    const endpoint =
      v.endpoint === null ? '' : v.endpoint.mode === 'wsfed-active' ? ' (WS-Trust active)' : ' (WS-Fed passive)';
    const entry: Mutable<TimelineEntry> = {
      at: v.event.published,
      side: 'okta',
      id: v.event.uuid,
      title: `${v.event.displayMessage ?? v.type}${endpoint}`,
      outcome: oktaOutcome(v),
      clientKind: v.client.kind,
      clientLabel: v.client.label,
      relatedIds: related,
      counterpart: related.length > 0 ? 'joined' : issues[i] === 1 ? 'missing' : 'not-expected',
    };
    if (v.reason !== '') entry.code = v.reason;
    if (v.ip !== null) entry.ipAddress = v.ip;
    return entry;
  });
  const entra = signIns.map((s, j): TimelineEntry => {
    const related = joined.get(s.signIn.id) ?? NONE;
    const entry: Mutable<TimelineEntry> = {
      at: s.signIn.createdDateTime,
      side: 'entra',
      id: s.signIn.id,
      title: `Sign-in to ${s.signIn.appDisplayName ?? s.signIn.resourceDisplayName ?? 'Microsoft 365'}`,
      outcome: signInOutcome(s),
      clientKind: s.client.kind,
      clientLabel: s.client.label,
      relatedIds: related,
      counterpart: related.length > 0 ? 'joined' : needsHalf[j] === 1 ? 'missing' : 'not-expected',
    };
    if (s.errorCode !== 0) entry.code = `AADSTS${s.errorCode}`;
    if (s.signIn.ipAddress != null) entry.ipAddress = s.signIn.ipAddress;
    return entry;
  });
  // Both lists are already in time order (the context sorted them): merge instead of re-sorting.
  const merged: TimelineEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < okta.length || j < entra.length) {
    const takeOkta = j >= entra.length || (i < okta.length && (oktaEvents[i]?.at ?? 0) <= (signIns[j]?.at ?? 0));
    const next = takeOkta ? okta[i++] : entra[j++];
    if (next !== undefined) merged.push(next);
  }
  return merged;
}
