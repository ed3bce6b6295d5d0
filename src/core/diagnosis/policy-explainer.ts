import type { EvidenceBundle } from '../evidence/bundle';
import type { OktaPolicyRule } from '../evidence/vendor-types';
import type { OktaEventView } from './context';

/** What kind of Okta policy a rule id belongs to, from its prefix (Okta KB "Identify the policy used"). */
export type PolicyRuleKind = 'authentication-policy' | 'app-sign-on-rule' | 'global-session-policy' | 'unknown';

/** Which policy and rule made a decision, for whom and on which endpoint. */
export interface PolicyDecision {
  readonly action: string;
  readonly policyId: string | null;
  readonly policyName: string | null;
  readonly ruleId: string | null;
  readonly ruleName: string | null;
  readonly ruleKind: PolicyRuleKind;
  readonly clientLabel: string;
  readonly endpoint: 'WS-Trust active endpoint' | 'WS-Fed passive (browser) endpoint' | 'Okta sign-in';
  readonly zone: string | null;
  /** The rule object, when the bundle holds the policy rules. */
  readonly rule: OktaPolicyRule | null;
}

/** Classifies a policy rule id: `rul…` OIE authentication policy, `plr…` Classic app sign-on, `0pr…` global. */
export function ruleKindOf(ruleId: string | null): PolicyRuleKind {
  if (ruleId === null) return 'unknown';
  if (ruleId.startsWith('rul')) return 'authentication-policy';
  if (ruleId.startsWith('plr')) return 'app-sign-on-rule';
  if (ruleId.startsWith('0pr')) return 'global-session-policy';
  return 'unknown';
}

function findRule(bundle: EvidenceBundle, ruleId: string | null): OktaPolicyRule | null {
  if (ruleId === null) return null;
  for (const rules of Object.values(bundle.okta?.policyRules ?? {})) {
    const rule = rules.find((r) => r.id === ruleId);
    if (rule !== undefined) return rule;
  }
  return null;
}

/**
 * Reads which policy and rule decided a `policy.evaluate_sign_on` (or deny) event, from its
 * PolicyEntity and PolicyRule targets, completed with the rule object when collected.
 */
export function explainPolicyEvent(view: OktaEventView, bundle: EvidenceBundle): PolicyDecision {
  const policy = view.policyTargets.find((t) => t.type === 'PolicyEntity');
  const ruleTarget = view.policyTargets.find((t) => t.type === 'PolicyRule');
  const ruleId = ruleTarget?.id ?? null;
  const rule = findRule(bundle, ruleId);
  const endpoint =
    view.endpoint?.mode === 'wsfed-active'
      ? 'WS-Trust active endpoint'
      : view.endpoint?.mode === 'wsfed-passive'
        ? 'WS-Fed passive (browser) endpoint'
        : 'Okta sign-in';
  return {
    action: view.result !== '' ? view.result : 'DENY',
    policyId: policy?.id ?? null,
    policyName: policy?.displayName ?? null,
    ruleId,
    ruleName: ruleTarget?.displayName ?? rule?.name ?? null,
    ruleKind: ruleKindOf(ruleId),
    clientLabel: view.client.label,
    endpoint,
    zone: view.zone,
    rule,
  };
}

const KIND_TEXT: Readonly<Record<PolicyRuleKind, string>> = {
  'authentication-policy': 'authentication policy',
  'app-sign-on-rule': 'app sign-on policy',
  'global-session-policy': 'global session policy',
  unknown: 'policy',
};

/**
 * One sentence naming the rule, the policy, the client and the endpoint, e.g.
 * `Rule "Catch-all Rule" of authentication policy "Microsoft Office 365" denied Outlook 2016 on the WS-Trust active endpoint.`
 */
export function describePolicyDecision(d: PolicyDecision): string {
  const rule = d.ruleName !== null ? `Rule "${d.ruleName}"` : 'A rule';
  const policy =
    d.policyName !== null ? ` of ${KIND_TEXT[d.ruleKind]} "${d.policyName}"` : ` of an Okta ${KIND_TEXT[d.ruleKind]}`;
  const verb = d.action === 'DENY' ? 'denied' : d.action === 'CHALLENGE' ? 'challenged' : 'allowed';
  const zone = d.zone !== null ? ` from network zone "${d.zone}"` : '';
  return `${rule}${policy} ${verb} ${d.clientLabel}${zone} on the ${d.endpoint}.`;
}

/** The Admin Console path where the rule lives. */
export function whereIsRule(d: PolicyDecision): string {
  switch (d.ruleKind) {
    case 'authentication-policy':
      return `Okta Admin Console › Security › Authentication Policies › ${d.policyName ?? 'the Office 365 policy'}`;
    case 'app-sign-on-rule':
      return 'Okta Admin Console › Applications › Microsoft Office 365 › Sign On › Sign On Policy';
    case 'global-session-policy':
      return 'Okta Admin Console › Security › Global Session Policy';
    case 'unknown':
      return 'Okta Admin Console › Applications › Microsoft Office 365 › Sign On';
  }
}
