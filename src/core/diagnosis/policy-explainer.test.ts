import { describe, expect, it } from 'vitest';
import { healthyBundle, legacyDeny, oktaEvent, UA } from '../test-support/fixtures';
import { buildContext } from './context';
import { describePolicyDecision, explainPolicyEvent, ruleKindOf, whereIsRule } from './policy-explainer';

describe('policy explainer', () => {
  it('names rule, policy, client and endpoint of an active-endpoint deny, taking the URI from its transaction', () => {
    const [session, deny] = legacyDeny(40, UA.outlook2016);
    // The policy event carries no URI of its own: it must come from its transaction sibling.
    const bareDeny = { ...deny!, debugContext: { debugData: {} } };
    const ctx = buildContext(healthyBundle((b) => (b.okta = { ...b.okta!, logEvents: [session!, bareDeny] })));
    const view = ctx.oktaEvents.find((v) => v.type === 'policy.evaluate_sign_on');
    if (view === undefined) throw new Error('no deny');
    const decision = explainPolicyEvent(view, ctx.bundle);
    expect(decision).toMatchObject({
      action: 'DENY',
      ruleName: 'Catch-all Rule',
      policyName: 'Microsoft Office 365',
      ruleKind: 'authentication-policy',
      endpoint: 'WS-Trust active endpoint',
    });
    expect(describePolicyDecision(decision)).toMatch(
      /^Rule "Catch-all Rule" of authentication policy "Microsoft Office 365" denied Outlook.* on the WS-Trust active endpoint\.$/,
    );
    expect(whereIsRule(decision)).toContain('Authentication Policies');
  });

  it('classifies rule ids by prefix', () => {
    expect(ruleKindOf('rul1')).toBe('authentication-policy');
    expect(ruleKindOf('plr1')).toBe('app-sign-on-rule');
    expect(ruleKindOf('0pr1')).toBe('global-session-policy');
    expect(ruleKindOf('xyz')).toBe('unknown');
    expect(ruleKindOf(null)).toBe('unknown');
  });

  it('says so when the event names no rule', () => {
    const ctx = buildContext(
      healthyBundle(
        (b) =>
          (b.okta = {
            ...b.okta!,
            logEvents: [oktaEvent({ type: 'application.policy.sign_on.deny_access', minute: 3, result: 'DENY' })],
          }),
      ),
    );
    const view = ctx.oktaEvents[0];
    if (view === undefined) throw new Error('no event');
    expect(describePolicyDecision(explainPolicyEvent(view, ctx.bundle))).toMatch(/^A rule of an Okta policy denied/);
  });
});
