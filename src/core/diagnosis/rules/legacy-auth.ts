import type { ClientKind } from '../../classify/client-classifier';
import { LEGACY_CAPABLE_SYMPTOMS } from '../../evidence/symptoms';
import type { DiagnosisContext, OktaEventView, SignInView } from '../context';
import { cite, distinct, makeFinding, oktaEventEvidence, times } from '../finding';
import type { RemediationStep, UserStep } from '../model';
import { describePolicyDecision, explainPolicyEvent, whereIsRule } from '../policy-explainer';
import {
  CLEAR_CACHED_PASSWORD_MAC,
  CLEAR_CACHED_PASSWORD_WINDOWS,
  READD_MAIL_ACCOUNT_MODERN,
  SIP_GATEWAY_PAIRING,
} from '../walkthroughs';
import type { Rule } from './shared';
import { isActiveEndpoint, isPolicyDeny, isWindowsRegistration, sprayLikeUserAgents } from './shared';

/** Okta reasons that mean "this password is not the current one". */
const STALE_REASONS = new Set(['INVALID_CREDENTIALS', 'NOT_ACTIVATED']);

/** Repeats of the same failing client needed to call it a replayed cached password. */
const STALE_MIN_REPEATS = 2;

/** The narrowly scoped exception, always last: never allow legacy authentication for everyone. */
const NARROW_EXCEPTION: RemediationStep = {
  title: 'Only if this client cannot move off legacy authentication: add a narrow exception',
  detail:
    'Add a rule above the deny rule that allows "Exchange ActiveSync / Legacy Authentication" only for a group holding this user (or device account), only from the network zone the device sits in, and review it on a date. Do not allow legacy authentication for everyone: it cannot do MFA and is the main target of password spraying.',
  where: 'Okta Admin Console › Applications › Microsoft Office 365 › Sign On',
};

function modernAuthSteps(
  kind: ClientKind,
  clientLabel: string,
): { steps: RemediationStep[]; script?: readonly UserStep[] } {
  switch (kind) {
    case 'native-mail':
    case 'outlook-mobile':
      return {
        steps: [
          {
            title: 'Move the phone’s mail to modern authentication',
            detail: `${clientLabel} is using Exchange ActiveSync with a password. Re-add the account with "Sign In" (OAuth), or use the Outlook app, which both go through the browser sign-in that the Office 365 rule allows.`,
          },
        ],
        script: READD_MAIL_ACCOUNT_MODERN,
      };
    case 'outlook-desktop':
    case 'outlook-mac':
    case 'office-app':
      return {
        steps: [
          {
            title: 'Move Outlook to modern authentication',
            detail: `${clientLabel} is signing in with a password over WS-Trust. Outlook 2016 and later use modern authentication by default: update Office, and remove any registry policy that turns it off (HKCU\\Software\\Microsoft\\Exchange\\AlwaysUseMSOAuthForAutoDiscover, HKCU\\Software\\Microsoft\\Office\\15.0\\Common\\Identity\\EnableADAL). Outlook 2010 cannot and must be replaced.`,
          },
        ],
      };
    case 'sip-phone':
      return {
        steps: [
          {
            title: 'Sign the phone in through Teams SIP Gateway',
            detail: `${clientLabel} is trying a user-ID/password sign-in, a Skype for Business-era path that Teams no longer offers. Provision it for Teams SIP Gateway and sign in with the pairing code.`,
          },
        ],
        script: SIP_GATEWAY_PAIRING,
      };
    case 'exchange-relay':
      return {
        steps: [
          {
            title: 'Move the relaying device or app off basic authentication',
            detail:
              'Exchange Online relayed a basic-auth request (IMAP, POP, SMTP AUTH, EWS …). Move the device or app to OAuth, or for a scanner or printer use an Exchange Online connector or direct send instead of SMTP AUTH.',
          },
        ],
      };
    default:
      return {
        steps: [
          {
            title: 'Find the application and move it to modern authentication',
            detail: `The request came from ${clientLabel}; look it up by the user agent in the evidence and move it to OAuth (MSAL).`,
          },
        ],
      };
  }
}

/**
 * LEGACY_AUTH_BLOCKED: an Office 365 sign-on rule denied a request on the WS-Trust active endpoint.
 *
 * Windows device-registration calls are excluded (they are noise with their own code), and
 * so are requests with no user agent (spray traffic looks like that).
 */
const legacyAuthBlocked: Rule = (ctx) => {
  const denies = ctx.oktaEvents.filter(
    (v) => isPolicyDeny(v) && isActiveEndpoint(v) && !isWindowsRegistration(v) && v.client.kind !== 'none',
  );
  const last = denies.at(-1);
  if (last === undefined) return [];
  const decision = explainPolicyEvent(last, ctx.bundle);
  // On the active path Okta checks the password before the app rule: a SUCCESS session.start in
  // the same transaction proves the password was right and only the client type was refused.
  const denyTransactions = new Set(denies.map((d) => d.transactionId).filter((id) => id !== null));
  const passwordOk = ctx.oktaEvents.some(
    (v) =>
      v.type === 'user.session.start' &&
      v.result === 'SUCCESS' &&
      v.transactionId !== null &&
      denyTransactions.has(v.transactionId),
  );
  const knownClient = !['unknown', 'script', 'none'].includes(last.client.kind);
  const fix = modernAuthSteps(last.client.kind, last.client.label);
  const ips = distinct(denies.map((d) => d.ip));
  return [
    makeFinding({
      code: 'LEGACY_AUTH_BLOCKED',
      severity: 'high',
      confidence: knownClient ? 'high' : 'medium',
      summary: `Okta’s Office 365 sign-on rule blocks ${last.client.label}: it signs in with legacy authentication, which the rule denies.`,
      explanation: `${describePolicyDecision(decision)} This happened ${times(denies.length)} in the window${ips.length > 0 ? ` from ${ips.length === 1 ? 'one address' : `${ips.length} addresses`}` : ''}.${passwordOk ? ' The password itself was accepted (the sign-in in the same request succeeded), so this is not a password problem: the rule refuses the kind of client.' : ''} Legacy (WS-Trust, basic) authentication cannot do MFA, so the default Office 365 rules deny it.`,
      evidence: [
        ...cite(denies.slice(-3).reverse(), 3, (v) =>
          oktaEventEvidence(v, describePolicyDecision(explainPolicyEvent(v, ctx.bundle))),
        ),
        ...(decision.ruleId !== null
          ? [{ source: 'okta.policyRule' as const, id: decision.ruleId, field: 'name', value: decision.ruleName ?? '' }]
          : []),
      ],
      remediation: [
        ...fix.steps,
        {
          title: 'Check the rule that denied it',
          detail: describePolicyDecision(decision),
          where: whereIsRule(decision),
        },
        NARROW_EXCEPTION,
      ],
      ...(fix.script === undefined ? {} : { userScript: fix.script }),
      wouldChangeMyMind: [
        'The same client succeeding on the active endpoint after these denies (the rule was already changed).',
        'The user agent belonging to a device the user does not own (then it is someone else’s traffic, not this call).',
      ],
    }),
  ];
};

/** Groups failures by what identifies one client: its user agent and address. */
function clientKey(v: OktaEventView): string {
  return `${v.userAgent ?? ''}|${v.ip ?? ''}`;
}

/**
 * LEGACY_AUTH_STALE_PASSWORD: the same rich client keeps failing on the active endpoint with
 * INVALID_CREDENTIALS or NOT_ACTIVATED, i.e. it replays a cached old password.
 *
 * A client that later succeeds has been fixed and is ignored; one failure is a typo, not a cache.
 */
const legacyAuthStalePassword: Rule = (ctx) => {
  const active = ctx.oktaEvents.filter((v) => isActiveEndpoint(v) && !isWindowsRegistration(v));
  const lastSuccess = new Map<string, number>();
  for (const v of active) if (v.result === 'SUCCESS') lastSuccess.set(clientKey(v), v.at);
  const sprayLike = sprayLikeUserAgents();
  const groups = new Map<string, OktaEventView[]>();
  for (const v of active) {
    if (v.result !== 'FAILURE' || !STALE_REASONS.has(v.reason) || sprayLike(v.userAgent)) continue;
    const key = clientKey(v);
    if ((lastSuccess.get(key) ?? -Infinity) > v.at) continue;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [v]);
    else list.push(v);
  }
  const stale = [...groups.values()].filter((g) => g.length >= STALE_MIN_REPEATS).sort((a, b) => b.length - a.length);
  const worst = stale[0];
  const last = worst?.at(-1);
  if (worst === undefined || last === undefined) return [];
  const total = stale.reduce((n, g) => n + g.length, 0);
  const lockEvents = ctx.oktaEvents.filter((v) => v.type.startsWith('user.account.lock'));
  const locked = ctx.oktaUser?.status === 'LOCKED_OUT' || lockEvents.length > 0;
  const mac = last.client.kind === 'outlook-mac';
  const mobile = last.client.kind === 'native-mail' || last.client.kind === 'outlook-mobile';
  return [
    makeFinding({
      code: 'LEGACY_AUTH_STALE_PASSWORD',
      severity: 'high',
      confidence: worst.length >= 3 ? 'high' : 'medium',
      summary: `${last.client.label} keeps signing in with an old saved password (${times(total)} in the window)${locked ? ' and has locked the account' : '; it will lock the account'}.`,
      explanation: `Okta rejected ${last.client.label}${last.ip !== null ? ` at ${last.ip}` : ''} ${times(worst.length)} with ${last.reason} on the WS-Trust active endpoint, and the same client never succeeded afterwards. Office clients re-send the password saved in Windows Credential Manager or the macOS Keychain when their session expires, so after a password change they keep trying the old one. Every attempt counts toward Okta’s lockout threshold.${stale.length > 1 ? ` ${stale.length} different clients do this.` : ''}`,
      evidence: cite(worst.slice(-4).reverse(), 4, (v) => oktaEventEvidence(v, `${v.client.label}: ${v.reason}`)),
      remediation: [
        {
          title: 'Update or remove the saved password on the device that keeps failing',
          detail: `Identify the device by its address and user agent in the evidence (${last.client.label}${last.ip !== null ? `, ${last.ip}` : ''}), then clear the saved credential there. Check every device the user has (home PC, phone, tablet).`,
        },
        ...(locked
          ? [
              {
                title: 'Then unlock the Okta account',
                detail:
                  'Unlock only after the device stops replaying the old password, or it locks again within minutes.',
                where: 'Okta Admin Console › Directory › People › the user › Unlock',
              },
            ]
          : []),
      ],
      userScript: mobile ? READD_MAIL_ACCOUNT_MODERN : mac ? CLEAR_CACHED_PASSWORD_MAC : CLEAR_CACHED_PASSWORD_WINDOWS,
      wouldChangeMyMind: [
        'A success from the same client after the last failure (the saved password was updated).',
        'Failures from many addresses with no or forged user agents (that is spraying, not a cached password).',
      ],
    }),
  ];
};

/** Client kinds that a legacy-capable symptom would show up as. */
function symptomClients(ctx: DiagnosisContext): ReadonlySet<string> {
  switch (ctx.symptom) {
    case 'mail-app':
      return new Set(['native-mail', 'exchange-relay', 'outlook-mobile']);
    case 'outlook-desktop':
      return new Set(['outlook-desktop', 'outlook-mac', 'office-app', 'exchange-relay']);
    case 'desk-phone':
      return new Set(['sip-phone', 'teams-device']);
    default:
      return new Set();
  }
}

/**
 * LEGACY_CLIENT_NO_TRACE: a legacy-capable symptom, both logs collected, and no trace of the
 * client on either side. Basic auth to Exchange Online has been off since October 2022 (except
 * SMTP AUTH), so such requests die inside Exchange before Okta or Entra sign-in logs see them.
 */
const legacyClientNoTrace: Rule = (ctx) => {
  if (ctx.symptom === undefined || !LEGACY_CAPABLE_SYMPTOMS.has(ctx.symptom)) return [];
  if (!ctx.collected('okta.logEvents') || !ctx.collected('graph.signIns')) return [];
  const kinds = symptomClients(ctx);
  const oktaTrace = ctx.oktaEvents.some((v) => isActiveEndpoint(v) && !isWindowsRegistration(v));
  const entraTrace = ctx.signIns.some(
    (s: SignInView) => kinds.has(s.client.kind) || s.client.legacyProtocol || s.deviceCode,
  );
  const anyFailure =
    ctx.oktaEvents.some((v) => (v.result === 'FAILURE' || v.result === 'DENY') && !isWindowsRegistration(v)) ||
    ctx.signIns.some((s) => s.failed);
  if (oktaTrace || entraTrace || anyFailure) return [];
  const phone = ctx.symptom === 'desk-phone';
  return [
    makeFinding({
      code: 'LEGACY_CLIENT_NO_TRACE',
      severity: 'medium',
      confidence: 'medium',
      summary: phone
        ? 'The phone never reached Okta or Microsoft Entra: it is most likely trying the retired user-ID sign-in instead of SIP Gateway pairing.'
        : 'The failing app leaves no trace in Okta or Entra: it is most likely using basic authentication, which Exchange Online refuses before any sign-in happens.',
      explanation: phone
        ? 'Neither the Okta System Log nor the Entra sign-in logs hold any attempt from a phone in the window. Polycom VVX and similar phones could sign in with user ID and password only through the Teams 3PIP gateway, which ended on 1 August 2023; today they sign in only through Teams SIP Gateway with a pairing code, which leaves an Entra sign-in from the browser that completes the pairing.'
        : `Both logs were searched for the whole window and neither holds an attempt from ${ctx.symptom === 'mail-app' ? 'a mail app' : 'Outlook'}. Exchange Online turned off basic authentication for every protocol except SMTP AUTH in October 2022; a client still using it is refused inside Exchange, and neither Okta nor Entra logs anything.`,
      evidence: [
        {
          source: 'subject',
          id: ctx.bundle.subject.upn,
          field: 'symptom',
          value: ctx.symptom,
          note: 'What the user reported.',
        },
        {
          source: 'subject',
          id: 'okta.logEvents',
          field: 'count',
          value: String(ctx.oktaEvents.length),
          note: 'Okta events searched: none from this client.',
        },
        {
          source: 'subject',
          id: 'graph.signIns',
          field: 'count',
          value: String(ctx.signIns.length),
          note: 'Entra sign-ins searched: none from this client.',
        },
      ],
      remediation: phone
        ? [
            {
              title: 'Provision the phone for Teams SIP Gateway and pair it',
              detail:
                'Check the model and firmware are on the SIP Gateway compatible list, point its provisioning at SIP Gateway, then sign in with the pairing code.',
            },
          ]
        : [
            {
              title: 'Move the app to modern authentication',
              detail:
                'Re-add the account with "Sign In"/OAuth, or use Outlook; for Outlook 2013 or older on Windows, update Office.',
            },
            {
              title: 'Do not try to re-enable basic authentication in Exchange Online',
              detail: 'Microsoft no longer allows it except for SMTP AUTH, and it would bypass MFA.',
            },
          ],
      userScript: phone ? SIP_GATEWAY_PAIRING : READD_MAIL_ACCOUNT_MODERN,
      wouldChangeMyMind: [
        'An attempt from the client appearing in either log (widen the time window if the failure is older).',
        'Gaps in the collected logs: a missing log cannot show a trace.',
      ],
    }),
  ];
};

/** The legacy-auth family's rules. */
export const LEGACY_AUTH_RULES: readonly Rule[] = [legacyAuthBlocked, legacyAuthStalePassword, legacyClientNoTrace];
