import { DEVICE_SYMPTOMS } from '../../evidence/symptoms';
import type { SignInView } from '../context';
import { cite, makeFinding, oktaEventEvidence, signInEvidence, times } from '../finding';
import { describePolicyDecision, explainPolicyEvent, whereIsRule } from '../policy-explainer';
import type { Rule } from './shared';
import { isActiveEndpoint, isOktaSuccess, isPolicyDeny, MINUTES, someInWindow } from './shared';

const MFA_REQUIRED = new Set([50076, 50079, 50074]);
const CA_BLOCKS = new Set([53003, 530035, 530032, 50097, 530003]);

/**
 * MFA_CLAIM_NOT_PASSED: Entra demands MFA (50076/50079/50074) right after Okta signed the user
 * in: Okta did not put the MFA claim in its assertion, so the user loops between the two.
 */
const mfaClaimNotPassed: Rule = (ctx) => {
  // 50074/50076 are also Entra's ordinary MFA interrupt: when a success for the same app
  // follows within ten minutes the user got through, and nothing is wrong.
  const successes = ctx.signIns.filter((s) => s.errorCode === 0);
  const required = ctx.signIns.filter(
    (s) =>
      MFA_REQUIRED.has(s.errorCode) &&
      !someInWindow(successes, s.at, 10 * MINUTES, (ok) => ok.at > s.at && ok.signIn.appId === s.signIn.appId),
  );
  const last = required.at(-1);
  if (last === undefined) return [];
  const oktaSuccesses = ctx.oktaEvents.filter(isOktaSuccess);
  const afterOkta = required.filter((s) => someInWindow(oktaSuccesses, s.at - 10 * MINUTES, 11 * MINUTES, () => true));
  const behaviour = ctx.federation?.federatedIdpMfaBehavior ?? null;
  const loop = afterOkta.length >= 2;
  return [
    makeFinding({
      code: 'MFA_CLAIM_NOT_PASSED',
      severity: 'high',
      confidence: afterOkta.length > 0 ? 'high' : 'medium',
      summary: loop
        ? 'The user is stuck in a sign-in loop: Okta signs them in without MFA, and Entra sends them back for MFA.'
        : 'Entra requires MFA that Okta did not vouch for, so the sign-in stops after Okta.',
      explanation: `Entra answered ${times(required.length)} that multi-factor authentication is required (${[...new Set(required.map((s) => `AADSTS${s.errorCode}`))].join(', ')})${afterOkta.length > 0 ? `, ${times(afterOkta.length)} right after a successful Okta sign-in` : ''}. Okta includes the MFA claim only when the Okta rule that let the user in required MFA (in Okta Identity Engine, every Office 365 rule that grants access must require it).${behaviour !== null ? ` The domain’s federatedIdpMfaBehavior is "${behaviour}".` : ''}`,
      evidence: [
        ...cite(required.slice(-3).reverse(), 3, (s) => signInEvidence(s, s.entry.name)),
        ...cite(oktaSuccesses.slice(-1), 1, (v) => oktaEventEvidence(v, 'Okta sign-in succeeded just before')),
        ...(behaviour !== null
          ? [
              {
                source: 'graph.federationConfiguration' as const,
                id: ctx.federation?.id ?? 'unknown',
                field: 'federatedIdpMfaBehavior',
                value: behaviour,
              },
            ]
          : []),
      ],
      remediation: [
        {
          title: 'Require MFA in the Okta Office 365 rule that matches this user',
          detail:
            'Make the rule that allows this client and network require a second factor, so Okta sends the MFA claim Entra expects.',
          where: 'Okta Admin Console › Applications › Microsoft Office 365 › Sign On',
        },
        {
          title: 'Set the domain to accept (or enforce) MFA from Okta',
          detail:
            'federatedIdpMfaBehavior should be enforceMfaByFederatedIdp (or acceptIfMfaDoneByFederatedIdp); rejectMfaByFederatedIdp makes Entra always ask again.',
        },
      ],
      wouldChangeMyMind: ['The MFA prompt being a registration (enrolment) requirement rather than the claim.'],
    }),
  ];
};

/** MFA_FAILED: Okta MFA verifications failed or push was rejected, and none succeeded after. */
const mfaFailed: Rule = (ctx) => {
  const mfa = ctx.oktaEvents.filter(
    (v) => v.type === 'user.authentication.auth_via_mfa' || v.type === 'user.mfa.okta_verify.deny_push',
  );
  const failures = mfa.filter(
    (v) => v.result === 'FAILURE' || v.result === 'DENY' || v.type === 'user.mfa.okta_verify.deny_push',
  );
  const last = failures.at(-1);
  if (last === undefined) return [];
  if (mfa.some((v) => v.result === 'SUCCESS' && v.at > last.at)) return [];
  const pushDenied = failures.some((v) => v.type === 'user.mfa.okta_verify.deny_push' || v.reason.includes('REJECT'));
  return [
    makeFinding({
      code: 'MFA_FAILED',
      severity: 'high',
      confidence: failures.length >= 2 ? 'high' : 'medium',
      summary: pushDenied
        ? 'The Okta Verify push was rejected, so the sign-in stopped at MFA.'
        : 'The user’s MFA verification in Okta keeps failing.',
      explanation: `Okta recorded ${times(failures.length)} a failed second factor${last.reason !== '' ? ` (${last.reason})` : ''} and no success after it.${pushDenied ? ' If the user did not press "No" themselves, someone else may be trying their password: treat it as a possible compromise.' : ''}`,
      evidence: cite(failures.slice(-3).reverse(), 3, (v) => oktaEventEvidence(v, 'MFA failed')),
      remediation: [
        {
          title: 'Check the user’s enrolled factors and their device time',
          detail: 'Codes fail when the phone’s clock is wrong; pushes fail when Okta Verify is on an old phone.',
          where: 'Okta Admin Console › Directory › People › the user › Authenticators',
        },
        ...(pushDenied
          ? [
              {
                title: 'If the user did not reject a push, reset their password and sessions',
                detail: 'A rejected push they did not start means someone has the password.',
              },
            ]
          : []),
      ],
      wouldChangeMyMind: ['A successful MFA verification after these failures.'],
    }),
  ];
};

/** True when a policy rule's conditions restrict the network (Okta: conditions.network.connection ZONE, or include/exclude zones). */
function hasNetworkCondition(conditions: Readonly<Record<string, unknown>> | null | undefined): boolean {
  const network = conditions?.network as
    { connection?: unknown; include?: unknown; exclude?: unknown } | null | undefined;
  if (network === undefined || network === null) return false;
  const listed = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  return network.connection === 'ZONE' || listed(network.include) || listed(network.exclude);
}

/** NETWORK_ZONE_DENIED and OKTA_SIGN_ON_POLICY_DENIED: browser / Okta sign-in denies not explained by legacy auth or device code. */
const policyDenied: Rule = (ctx) => {
  const blocked = ctx.oktaEvents.filter((v) => v.type === 'security.request.blocked');
  const deviceContext = ctx.symptom !== undefined && DEVICE_SYMPTOMS.has(ctx.symptom);
  const denies = ctx.oktaEvents.filter(
    (v) => isPolicyDeny(v) && !isActiveEndpoint(v) && !(deviceContext && v.endpoint?.mode === 'wsfed-passive'),
  );
  // A deny in a named zone is a zone problem only if the rule that denied depends on the
  // network; when the rule object was collected, it says so, else the zone name is the hint.
  const zoneDenies = denies.filter((v) => {
    if (v.zone === null) return false;
    const rule = explainPolicyEvent(v, ctx.bundle).rule;
    return rule === null || hasNetworkCondition(rule.conditions);
  });
  const findings = [];
  const zoneEvidence = [...blocked, ...zoneDenies].sort((a, b) => a.at - b.at);
  const lastZone = zoneEvidence.at(-1);
  if (lastZone !== undefined) {
    findings.push(
      makeFinding({
        code: 'NETWORK_ZONE_DENIED',
        severity: 'high',
        confidence: blocked.length > 0 ? 'high' : 'medium',
        summary: `Okta refuses sign-ins from where the user is${lastZone.ip !== null ? ` (${lastZone.ip}${lastZone.zone !== null ? `, zone "${lastZone.zone}"` : ''})` : ''}.`,
        explanation: `${blocked.length > 0 ? `Okta blocked ${times(blocked.length)} a request from a blocked network zone or location. ` : ''}${zoneDenies.length > 0 ? `${describePolicyDecision(explainPolicyEvent(zoneDenies.at(-1) ?? lastZone, ctx.bundle))} ` : ''}The rule depends on the network the user is on, not on who they are.`,
        evidence: cite(zoneEvidence.slice(-3).reverse(), 3, (v) =>
          oktaEventEvidence(
            v,
            v.type === 'security.request.blocked' ? 'Request blocked by zone' : `Denied in zone ${v.zone ?? ''}`,
          ),
        ),
        remediation: [
          {
            title: 'Confirm where the user is',
            detail: 'Ask whether they are at home, travelling or on a VPN; compare with the address in the evidence.',
          },
          {
            title: 'If the location is legitimate, add it to the right zone',
            detail: 'Do not remove the zone condition for everyone.',
            where: 'Okta Admin Console › Security › Networks',
          },
        ],
        wouldChangeMyMind: ['The same address succeeding after the denies.'],
      }),
    );
  }
  const otherDenies = denies.filter((v) => !zoneDenies.includes(v));
  const last = otherDenies.at(-1);
  if (last !== undefined && lastZone === undefined) {
    const decision = explainPolicyEvent(last, ctx.bundle);
    findings.push(
      makeFinding({
        code: 'OKTA_SIGN_ON_POLICY_DENIED',
        severity: 'high',
        confidence: decision.ruleName !== null ? 'high' : 'medium',
        summary: `An Okta sign-on rule denies ${last.client.label}.`,
        explanation: `${describePolicyDecision(decision)} Denied ${times(otherDenies.length)} in the window.`,
        evidence: cite(otherDenies.slice(-3).reverse(), 3, (v) =>
          oktaEventEvidence(v, describePolicyDecision(explainPolicyEvent(v, ctx.bundle))),
        ),
        remediation: [
          {
            title: 'Review the rule that denied the sign-in',
            detail: 'Check its group, client and network conditions against this user.',
            where: whereIsRule(decision),
          },
        ],
        wouldChangeMyMind: ['A success from the same client after the denies.'],
      }),
    );
  }
  return findings;
};

/** ENTRA_ACCOUNT_DISABLED: the Entra user cannot sign in (accountEnabled false, AADSTS50057). */
const entraDisabled: Rule = (ctx) => {
  const user = ctx.graphUser;
  const disabled = user?.accountEnabled === false;
  const errors = ctx.signIns.filter((s) => s.errorCode === 50057);
  if (!disabled && errors.length === 0) return [];
  return [
    makeFinding({
      code: 'ENTRA_ACCOUNT_DISABLED',
      severity: 'critical',
      confidence: disabled ? 'high' : 'medium',
      summary:
        'The user’s Microsoft Entra account is disabled, so Microsoft 365 refuses them even after Okta signs them in.',
      explanation: `${disabled ? 'Entra reports accountEnabled = false. ' : ''}${errors.length > 0 ? `Entra refused ${times(errors.length)} with AADSTS50057 (user disabled). ` : ''}For synced users the flag comes from Active Directory.`,
      evidence: [
        ...(disabled
          ? [
              {
                source: 'graph.user' as const,
                id: user.id,
                field: 'accountEnabled',
                value: 'false',
              },
            ]
          : []),
        ...cite(errors.slice(-2), 2, (s) => signInEvidence(s, 'User disabled')),
      ],
      remediation: [
        {
          title: 'Find out why the account was disabled before enabling it',
          detail: 'Leavers and compromised accounts are disabled on purpose.',
        },
        {
          title: 'Enable it where it is mastered',
          detail: 'In Active Directory for synced users (then wait for sync), else in the Entra admin center.',
          where: 'Microsoft Entra admin center › Users › the user › Edit properties › Account enabled',
        },
      ],
      wouldChangeMyMind: ['accountEnabled being true now and no 50057 after the change.'],
    }),
  ];
};

function blockingPolicies(s: SignInView): string[] {
  return (s.signIn.appliedConditionalAccessPolicies ?? [])
    .filter((p) => p.result === 'failure')
    .map((p) => p.displayName ?? p.id ?? 'unnamed');
}

/** ENTRA_CA_BLOCKED: Conditional Access or Security Defaults blocked a sign-in that is not device code. */
const entraCaBlocked: Rule = (ctx) => {
  const deviceContext = ctx.symptom !== undefined && DEVICE_SYMPTOMS.has(ctx.symptom);
  const blocked = ctx.signIns.filter(
    (s) =>
      CA_BLOCKS.has(s.errorCode) &&
      !(
        s.errorCode === 53003 &&
        (s.deviceCode || deviceContext || blockingPolicies(s).some((p) => /device ?code|authentication flow/i.test(p)))
      ),
  );
  const last = blocked.at(-1);
  if (last === undefined) return [];
  const policies = [...new Set(blocked.flatMap(blockingPolicies))];
  const securityDefaults = blocked.some((s) => s.errorCode === 530035);
  return [
    makeFinding({
      code: 'ENTRA_CA_BLOCKED',
      severity: 'high',
      confidence: 'high',
      summary: securityDefaults
        ? 'Microsoft Entra Security Defaults block this sign-in (a legacy or unsafe request).'
        : `Microsoft Entra Conditional Access${policies.length > 0 ? ` ("${policies.join('", "')}")` : ''} blocks this sign-in after Okta.`,
      explanation: `Entra blocked ${times(blocked.length)} (${[...new Set(blocked.map((s) => `AADSTS${s.errorCode}`))].join(', ')}) from ${last.client.label}. The block is in Entra, not in Okta: Okta signed the user in, then Entra applied its policies.`,
      evidence: cite(blocked.slice(-3).reverse(), 3, (s) =>
        signInEvidence(
          s,
          `${s.entry.name}${blockingPolicies(s).length > 0 ? `: ${blockingPolicies(s).join(', ')}` : ''}`,
        ),
      ),
      remediation: [
        {
          title: 'Read the policy’s grant controls and meet them',
          detail:
            'Usually a compliant or hybrid-joined device, an approved app, or a trusted location; fix the device rather than the policy.',
          where: 'Microsoft Entra admin center › Sign-in logs › the sign-in › Conditional Access',
        },
        {
          title: 'Exclude only if the block is wrong for this user',
          detail: 'Exclude a scoped group, never "All users", and record why.',
        },
      ],
      wouldChangeMyMind: ['The same client succeeding after a device or location change.'],
    }),
  ];
};

/** The access family's rules. */
export const ACCESS_RULES: readonly Rule[] = [
  mfaClaimNotPassed,
  mfaFailed,
  policyDenied,
  entraDisabled,
  entraCaBlocked,
];
