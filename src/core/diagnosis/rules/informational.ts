import { cite, distinct, makeFinding, oktaEventEvidence, times } from '../finding';
import type { Rule } from './shared';
import { isActiveEndpoint, isWindowsRegistration, sprayLikeUserAgents } from './shared';

/** Distinct addresses that make failures look like a spray rather than one user's device. */
const SPRAY_MIN_IPS = 3;

/**
 * WINDOWS_DEVICE_REGISTRATION_NOISE: Windows' own WS-Trust calls (hybrid join / PRT) denied on
 * the active endpoint by the default Office 365 rules. Harmless for the user; shown so the
 * technician does not chase them. Never primary.
 */
const windowsNoise: Rule = (ctx) => {
  const noise = ctx.oktaEvents.filter(
    (v) => isActiveEndpoint(v) && isWindowsRegistration(v) && (v.result === 'DENY' || v.result === 'FAILURE'),
  );
  // Many addresses with this user agent is a forged UA (spray), reported by the spray rule.
  if (noise.length === 0 || distinct(noise.map((v) => v.ip)).length >= SPRAY_MIN_IPS) return [];
  return [
    makeFinding({
      code: 'WINDOWS_DEVICE_REGISTRATION_NOISE',
      severity: 'info',
      confidence: 'high',
      summary: `Ignore the ${noise.length} denied "Windows-AzureAD-Authentication-Provider" requests: they are Windows registering the device, not the user’s app.`,
      explanation: `Windows calls the WS-Trust active endpoint to get a Primary Refresh Token and for hybrid join; the default Office 365 rules deny it, and Okta logs "Evaluation of sign-on policy" DENY ${times(noise.length)}. It does not stop the user from signing in to Office.`,
      evidence: cite(noise.slice(-2).reverse(), 2, (v) => oktaEventEvidence(v, 'Windows device registration call')),
      remediation: [
        {
          title: 'Optional: quiet it with a dedicated rule',
          detail:
            'In Okta Identity Engine, a rule with the custom expression request.userAgent.contains("Windows-AzureAD-Authentication-Provider") can handle these calls explicitly; leave it denied if you do not use hybrid join through Okta.',
        },
      ],
      wouldChangeMyMind: [
        'These requests coming from many addresses the user does not use (then it is spraying with a forged user agent).',
      ],
    }),
  ];
};

/**
 * LEGACY_AUTH_SPRAY_SUSPECTED: failures on the active endpoint from several addresses with no
 * or a forged user agent, or flagged by ThreatInsight. Someone else's traffic; never primary.
 */
const spraySuspected: Rule = (ctx) => {
  const sprayLike = sprayLikeUserAgents();
  const failures = ctx.oktaEvents.filter(
    (v) =>
      isActiveEndpoint(v) &&
      (v.result === 'FAILURE' || v.result === 'DENY') &&
      (sprayLike(v.userAgent) || v.threatSuspected),
  );
  const ips = distinct(failures.map((v) => v.ip));
  if (ips.length < SPRAY_MIN_IPS && !failures.some((v) => v.threatSuspected)) return [];
  if (failures.length === 0) return [];
  return [
    makeFinding({
      code: 'LEGACY_AUTH_SPRAY_SUSPECTED',
      severity: 'info',
      confidence: ips.length >= SPRAY_MIN_IPS ? 'medium' : 'low',
      summary: `Someone is trying passwords for this user on the legacy endpoint from ${ips.length} addresses; this is not the user’s own device.`,
      explanation: `${failures.length} legacy (WS-Trust) attempts failed from ${ips.length} addresses with no user agent or a forged one${failures.some((v) => v.threatSuspected) ? ', and Okta ThreatInsight flagged some' : ''}. This traffic can lock the account but does not explain the user’s own problem.`,
      evidence: cite(failures.slice(-3).reverse(), 3, (v) => oktaEventEvidence(v, `From ${v.ip ?? 'unknown address'}`)),
      remediation: [
        {
          title: 'Make sure legacy authentication stays denied',
          detail: 'The default Office 365 rules deny it; do not add exceptions for this user.',
        },
        {
          title: 'Report the addresses to security',
          detail: 'Consider Okta ThreatInsight in block mode and an IP block list zone.',
        },
      ],
      wouldChangeMyMind: ['The addresses belonging to the user’s own devices or the company’s mail relays.'],
    }),
  ];
};

/** The informational rules. */
export const INFORMATIONAL_RULES: readonly Rule[] = [windowsNoise, spraySuspected];
