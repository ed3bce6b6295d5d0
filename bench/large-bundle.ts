import type { EvidenceBundle } from '../src/core/evidence/bundle';
import type { GraphSignIn, OktaLogEvent } from '../src/core/evidence/vendor-types';
import {
  ACTIVE_URI,
  at,
  browserSso,
  healthyBundle,
  legacyDeny,
  oktaEvent,
  richClientFailure,
  signIn,
  UA,
} from '../src/core/test-support/fixtures';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same bundle. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A heavy but realistic 7-day bundle: `events` Okta events (browser SSO, Windows
 * device-registration denies, stale-password replays, legacy denies, spray from many addresses,
 * MFA) and a tenth as many Entra sign-ins, spread over the window.
 */
export function largeBundle(events = 50_000, seed = 42): EvidenceBundle {
  const random = prng(seed);
  const windowMinutes = 7 * 24 * 60;
  const oktaEvents: OktaLogEvent[] = [];
  while (oktaEvents.length < events) {
    const minute = Math.floor(random() * windowMinutes);
    const pick = random();
    if (pick < 0.35) oktaEvents.push(browserSso(minute));
    else if (pick < 0.6) oktaEvents.push(...legacyDeny(minute, UA.windowsRegistration));
    else if (pick < 0.75) oktaEvents.push(richClientFailure(minute));
    else if (pick < 0.85) oktaEvents.push(...legacyDeny(minute, UA.iosMail));
    else if (pick < 0.95)
      oktaEvents.push(
        oktaEvent({
          type: 'user.session.start',
          minute,
          result: 'FAILURE',
          reason: 'INVALID_CREDENTIALS',
          ua: null,
          ip: `203.0.113.${String(Math.floor(random() * 250))}`,
          uri: ACTIVE_URI,
        }),
      );
    else
      oktaEvents.push(
        oktaEvent({ type: 'user.authentication.auth_via_mfa', minute, result: random() < 0.5 ? 'SUCCESS' : 'FAILURE' }),
      );
  }
  oktaEvents.length = events;
  const signIns: GraphSignIn[] = [];
  for (let i = 0; i < events / 10; i++) {
    const minute = Math.floor(random() * windowMinutes);
    const codes = [0, 0, 0, 0, 50126, 50076, 53003, 51004];
    signIns.push(signIn({ minute, code: codes[Math.floor(random() * codes.length)] ?? 0 }));
  }
  return healthyBundle((b) => {
    b.subject = { ...b.subject, until: at(windowMinutes) };
    b.collectedAt = at(windowMinutes);
    b.okta = { ...b.okta!, logEvents: oktaEvents };
    b.graph = { ...b.graph!, signIns };
  }, 'outlook-desktop');
}
