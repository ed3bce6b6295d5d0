import { DEVICE_SYMPTOMS } from '../../evidence/symptoms';
import type { DiagnosisContext, SignInView } from '../context';
import { cite, makeFinding, oktaEventEvidence, signInEvidence, times } from '../finding';
import type { Finding, UserStep } from '../model';
import { describePolicyDecision, explainPolicyEvent, whereIsRule } from '../policy-explainer';
import { SIP_GATEWAY_PAIRING, TEAMS_DEVICE_CODE_SIGN_IN } from '../walkthroughs';
import type { Rule } from './shared';
import { isPassiveEndpoint, isPolicyDeny, MINUTES } from './shared';

/** Conditional Access block codes. */
const CA_BLOCK = new Set([53003]);

/** Teams SIP Gateway service addresses to exclude from location-based policies (Microsoft's SIP Gateway docs). */
const SIP_GATEWAY_IPS =
  '52.170.38.140, 40.112.144.212 (NA); 40.112.71.149, 40.113.112.67 (EMEA); 20.92.120.71, 13.73.115.90 (APAC)';

function deviceScript(ctx: DiagnosisContext): readonly UserStep[] {
  return ctx.symptom === 'desk-phone' ? SIP_GATEWAY_PAIRING : TEAMS_DEVICE_CODE_SIGN_IN;
}

function isDeviceContext(ctx: DiagnosisContext): boolean {
  return ctx.symptom !== undefined && DEVICE_SYMPTOMS.has(ctx.symptom);
}

/** Policies that failed a sign-in, by name. */
function failedPolicies(s: SignInView): string[] {
  return (s.signIn.appliedConditionalAccessPolicies ?? [])
    .filter((p) => p.result === 'failure')
    .map((p) => p.displayName ?? p.id ?? 'unnamed policy');
}

/** True when a policy's name says it targets device code flow / authentication flows. */
function namesDeviceCode(s: SignInView): boolean {
  return failedPolicies(s).some((name) => /device ?code|authentication flow/i.test(name));
}

/**
 * DEVICE_CODE_BLOCKED_BY_POLICY: Conditional Access (53003) blocked a device-code sign-in, or
 * one protocol-tracked to it. The beta `authenticationProtocol` says so directly; on v1.0 data
 * the policy's name or a device symptom stands in, with lower confidence.
 */
const deviceCodeBlocked: Rule = (ctx) => {
  const blocked = ctx.signIns.filter(
    (s) => CA_BLOCK.has(s.errorCode) && (s.deviceCode || namesDeviceCode(s) || isDeviceContext(ctx)),
  );
  const last = blocked.at(-1);
  if (last === undefined) return [];
  const direct = blocked.some((s) => s.deviceCode || namesDeviceCode(s));
  const policies = [...new Set(blocked.flatMap(failedPolicies))];
  const tracked = blocked.some(
    (s) =>
      s.signIn.originalTransferMethod?.toLowerCase() === 'devicecodeflow' &&
      s.signIn.authenticationProtocol?.toLowerCase() !== 'devicecode',
  );
  return [
    makeFinding({
      code: 'DEVICE_CODE_BLOCKED_BY_POLICY',
      severity: 'high',
      confidence: direct ? 'high' : 'medium',
      summary: `A Conditional Access policy${policies.length > 0 ? ` ("${policies.join('", "')}")` : ''} blocks the device-code sign-in the device needs.`,
      explanation: `Entra blocked ${times(blocked.length)} a sign-in made with the device authorization grant (AADSTS53003). Teams phones, rooms and panels, and desk phones paired through SIP Gateway, sign in this way. Since 2025 Microsoft also rolls out a Microsoft-managed policy that blocks device code flow in tenants that did not use it recently.${tracked ? ' Some blocked sign-ins are follow-ups of an earlier device-code sign-in (protocol tracking): an authentication-flows policy blocks those too.' : ''}${direct ? '' : ' The sign-in log did not say the protocol (v1.0 data); the device symptom points at device code.'}`,
      evidence: cite(blocked.slice(-3).reverse(), 3, (s) =>
        signInEvidence(
          s,
          `Blocked by ${failedPolicies(s).join(', ') || 'Conditional Access'}${s.deviceCode ? ' (device code)' : ''}`,
        ),
      ),
      remediation: [
        {
          title: 'Exclude only the devices from the device-code block',
          detail: `In the blocking policy, exclude the group of shared device / phone accounts (or the Teams app), not all users.${ctx.symptom === 'desk-phone' ? ` For SIP Gateway also exclude the site’s public IPs and the SIP Gateway service IPs: ${SIP_GATEWAY_IPS}.` : ''}`,
          where: 'Microsoft Entra admin center › Conditional Access › Policies',
        },
        {
          title: 'Do not turn the device-code block off for everyone',
          detail: 'Device code phishing is common; keep it blocked for people using computers.',
        },
      ],
      userScript: deviceScript(ctx),
      wouldChangeMyMind: [
        'A later successful device-code sign-in from the same device.',
        'The failed policy being a location or compliance policy unrelated to authentication flows.',
      ],
    }),
  ];
};

/** A finding for a device-code failure with one error code. */
function codeFinding(
  ctx: DiagnosisContext,
  code: 'DEVICE_CODE_EXPIRED' | 'DEVICE_CODE_WRONG_CODE' | 'DEVICE_CODE_DECLINED',
  matches: readonly SignInView[],
  text: { summary: string; explanation: string; fix: string },
): Finding[] {
  const last = matches.at(-1);
  if (last === undefined) return [];
  // A later successful device-code sign-in means the user got there in the end.
  const recovered = ctx.signIns.some((s) => s.deviceCode && !s.failed && s.errorCode === 0 && s.at > last.at);
  if (recovered) return [];
  return [
    makeFinding({
      code,
      severity: 'medium',
      confidence: 'high',
      summary: text.summary,
      explanation: `${text.explanation} This happened ${times(matches.length)} in the window.`,
      evidence: cite(matches.slice(-3).reverse(), 3, (s) => signInEvidence(s, s.entry.name)),
      remediation: [{ title: text.fix }],
      userScript: deviceScript(ctx),
      wouldChangeMyMind: ['A successful device-code sign-in after these failures.'],
    }),
  ];
}

const deviceCodeExpired: Rule = (ctx) =>
  codeFinding(
    ctx,
    'DEVICE_CODE_EXPIRED',
    ctx.signIns.filter((s) => s.errorCode === 70019),
    {
      summary: 'The sign-in code on the device expired before it was used (AADSTS70019).',
      explanation:
        'A device code is valid for 15 minutes; the user entered it too late or the device kept showing an old one.',
      fix: 'Start the sign-in again on the device and enter the new code straight away.',
    },
  );

const deviceCodeWrongCode: Rule = (ctx) =>
  codeFinding(
    ctx,
    'DEVICE_CODE_WRONG_CODE',
    ctx.signIns.filter((s) => s.errorCode === 70018),
    {
      summary: 'The code typed at the sign-in page does not match the one on the device (AADSTS70018).',
      explanation:
        'Entra did not recognise the user code: a typo, a mix-up of similar characters, or a code from an earlier attempt.',
      fix: 'Have the user read the code from the device aloud and type it while you listen.',
    },
  );

const deviceCodeDeclined: Rule = (ctx) =>
  codeFinding(
    ctx,
    'DEVICE_CODE_DECLINED',
    ctx.signIns.filter((s) => s.deviceCode && s.failed && /declin/i.test(s.text)),
    {
      summary: 'The user pressed Cancel when Microsoft asked whether they were signing in to the device.',
      explanation:
        'The device-code sign-in ended with authorization_declined: the prompt "Are you trying to sign in to …?" was answered No.',
      fix: 'Start again and have the user press Continue on that prompt.',
    },
  );

/**
 * DEVICE_CODE_OKTA_DENIED: the browser half of a device-code sign-in reached Okta’s passive
 * endpoint and an Okta rule denied it. Needs device context: a device symptom, or an Entra
 * device-code sign-in within 20 minutes of the deny.
 */
const deviceCodeOktaDenied: Rule = (ctx) => {
  const deviceSignIns = ctx.signIns.filter((s) => s.deviceCode);
  const denies = ctx.oktaEvents.filter(
    (v) =>
      isPolicyDeny(v) &&
      isPassiveEndpoint(v) &&
      (isDeviceContext(ctx) || deviceSignIns.some((s) => Math.abs(s.at - v.at) <= 20 * MINUTES)),
  );
  const last = denies.at(-1);
  if (last === undefined) return [];
  const decision = explainPolicyEvent(last, ctx.bundle);
  return [
    makeFinding({
      code: 'DEVICE_CODE_OKTA_DENIED',
      severity: 'high',
      confidence: 'high',
      summary: 'The browser step of the device sign-in reached Okta, and an Okta rule denied it.',
      explanation: `When the user enters the device code, Microsoft sends their browser to Okta’s Office 365 passive endpoint, where Okta evaluates the rule as a web-browser sign-in. ${describePolicyDecision(decision)} Denied ${times(denies.length)} in the window.`,
      evidence: cite(denies.slice(-3).reverse(), 3, (v) =>
        oktaEventEvidence(v, describePolicyDecision(explainPolicyEvent(v, ctx.bundle))),
      ),
      remediation: [
        {
          title: 'Let the browser step through the Office 365 rule',
          detail: `${describePolicyDecision(decision)} Complete the code on a computer or phone the rule allows (for example inside the office network zone), or add the missing condition for web browsers to the rule; do not loosen it for legacy clients.`,
          where: whereIsRule(decision),
        },
      ],
      userScript: deviceScript(ctx),
      wouldChangeMyMind: ['The deny coming from a different browser session than the pairing attempt.'],
    }),
  ];
};

/** The device-code family's rules. */
export const DEVICE_CODE_RULES: readonly Rule[] = [
  deviceCodeBlocked,
  deviceCodeExpired,
  deviceCodeWrongCode,
  deviceCodeDeclined,
  deviceCodeOktaDenied,
];
