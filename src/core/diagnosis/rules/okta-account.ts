import type { DiagnosisContext } from '../context';
import { cite, makeFinding, oktaEventEvidence, times } from '../finding';
import type { EvidenceItem, RemediationStep } from '../model';
import type { VerdictCode } from '../verdicts';
import type { Rule } from './shared';
import { isActiveEndpoint } from './shared';

const PEOPLE = 'Okta Admin Console › Directory › People › the user';

function userEvidence(ctx: DiagnosisContext, field: string, value: string, note: string): EvidenceItem {
  return { source: 'okta.user', id: ctx.oktaUser?.id ?? ctx.bundle.subject.upn, field, value, note };
}

interface StatusVerdict {
  readonly code: VerdictCode;
  readonly severity: 'critical' | 'high';
  readonly summary: string;
  readonly explanation: string;
  readonly remediation: readonly RemediationStep[];
}

/** Okta user statuses that stop every sign-in, with what to do about each. */
const STATUS_VERDICTS: Readonly<Record<string, StatusVerdict>> = {
  SUSPENDED: {
    code: 'OKTA_USER_SUSPENDED',
    severity: 'critical',
    summary: 'The user’s Okta account is suspended, so every sign-in to Microsoft 365 fails.',
    explanation:
      'An administrator or a workflow suspended the account; Okta refuses all sign-ins until it is unsuspended.',
    remediation: [
      {
        title: 'Confirm why it was suspended, then unsuspend',
        detail: 'Suspension is often deliberate (leave, investigation): check with the user’s manager or HR first.',
        where: PEOPLE,
      },
    ],
  },
  DEPROVISIONED: {
    code: 'OKTA_USER_DEPROVISIONED',
    severity: 'critical',
    summary: 'The user’s Okta account is deactivated, so they cannot sign in anywhere.',
    explanation: 'Deactivated (DEPROVISIONED) users keep their profile but lose every sign-in and assignment.',
    remediation: [
      {
        title: 'Reactivate only if the deactivation was a mistake',
        detail: 'Reactivation sends a new activation e-mail and the app assignments must be checked again.',
        where: PEOPLE,
      },
    ],
  },
  PASSWORD_EXPIRED: {
    code: 'OKTA_PASSWORD_EXPIRED',
    severity: 'high',
    summary: 'The user’s Okta password has expired: they must set a new one in a browser before apps will sign in.',
    explanation:
      'Okta marks the password expired when it evaluates the password policy at sign-in. Rich clients such as Outlook cannot show the change-password page, so they just fail.',
    remediation: [
      { title: 'Have the user sign in to Okta in a browser and change the password' },
      {
        title: 'Then update the password saved in Outlook and on phones',
        detail: 'Or they will replay the old one and lock the account.',
      },
    ],
  },
  STAGED: {
    code: 'OKTA_USER_NOT_ACTIVATED',
    severity: 'high',
    summary: 'The user’s Okta account was created but never activated, so it cannot sign in yet.',
    explanation: 'STAGED users exist in Okta but have no credentials until they are activated.',
    remediation: [
      {
        title: 'Activate the user',
        detail: 'Activation e-mails a link to set the password (or activates through AD if AD-sourced).',
        where: PEOPLE,
      },
    ],
  },
  PROVISIONED: {
    code: 'OKTA_USER_NOT_ACTIVATED',
    severity: 'high',
    summary: 'The user has not finished activating their Okta account, so it cannot sign in yet.',
    explanation:
      'PROVISIONED users were activated by an administrator but have not yet set their password from the activation e-mail.',
    remediation: [
      {
        title: 'Resend the activation e-mail',
        detail: 'Or reset the password so the user can set one now.',
        where: PEOPLE,
      },
    ],
  },
};

/** OKTA_USER_NOT_FOUND: Okta has no user with this login (the lookup answered 404). */
const notFound: Rule = (ctx) => {
  if (ctx.oktaUser !== null) return [];
  const unknown = ctx.oktaEvents.filter((v) => v.reason === 'UNKNOWN_USER');
  return [
    makeFinding({
      code: 'OKTA_USER_NOT_FOUND',
      severity: 'critical',
      confidence: 'high',
      summary: `Okta has no user with the login ${ctx.bundle.subject.upn}, so Okta cannot sign them in to Microsoft 365.`,
      explanation: `Okta answered "not found" for this login.${unknown.length > 0 ? ` Sign-ins with this name failed with UNKNOWN_USER ${times(unknown.length)} in the window.` : ''} Either the account does not exist in Okta, or its Okta username differs from the Microsoft UPN (for example a sAMAccountName or an old e-mail address).`,
      evidence: [
        userEvidence(ctx, 'login', ctx.bundle.subject.upn, 'Okta: user not found (404).'),
        ...cite(unknown.slice(-2), 2, (v) => oktaEventEvidence(v, 'Sign-in with an unknown username')),
      ],
      remediation: [
        {
          title: 'Search Okta for the user by name or e-mail',
          detail: 'If found under another username, check the Office 365 app’s username format matches the UPN.',
          where: 'Okta Admin Console › Directory › People',
        },
        {
          title: 'If the user is missing, create or import them',
          detail: 'For AD-sourced users, check the AD import and the OU they are in.',
        },
      ],
      wouldChangeMyMind: ['The user found in Okta under another login that maps to this UPN.'],
    }),
  ];
};

/** OKTA_USER_LOCKED_OUT: the account is locked now (status), or was locked in the window and not unlocked. */
const lockedOut: Rule = (ctx) => {
  const locks = ctx.oktaEvents.filter((v) => v.type === 'user.account.lock' || v.type === 'user.account.lock.limit');
  const lastLock = locks.at(-1);
  const unlockedAfter =
    lastLock !== undefined &&
    ctx.oktaEvents.some((v) => v.type.startsWith('user.account.unlock') && v.at > lastLock.at);
  const statusLocked = ctx.oktaUser?.status === 'LOCKED_OUT';
  if (!statusLocked && (lastLock === undefined || unlockedAfter || ctx.oktaUser !== undefined)) return [];
  // Without the user's status, the log can still show the lock in force: the latest sign-in
  // after the lock was refused as LOCKED_OUT (an auto-unlock would show a success after it).
  const afterLock =
    lastLock === undefined
      ? []
      : ctx.oktaEvents.filter((v) => v.at > lastLock.at && (v.result === 'SUCCESS' || v.reason === 'LOCKED_OUT'));
  const refusedLast = afterLock.at(-1);
  const lockInForce = refusedLast?.reason === 'LOCKED_OUT';
  // The usual cause: a client replaying an old password on the active endpoint.
  const replays = ctx.oktaEvents.filter(
    (v) => isActiveEndpoint(v) && v.result === 'FAILURE' && v.reason === 'INVALID_CREDENTIALS',
  );
  const culprit = replays.at(-1);
  return [
    makeFinding({
      code: 'OKTA_USER_LOCKED_OUT',
      severity: 'critical',
      confidence: statusLocked || lockInForce ? 'high' : 'medium',
      summary: `The user’s Okta account is locked out${culprit !== undefined ? `, most likely by ${culprit.client.label} replaying an old password` : ''}.`,
      explanation: `${statusLocked ? 'Okta reports the account as LOCKED_OUT.' : lockInForce ? 'Okta locked the account in the window, nothing unlocked it since, and its latest sign-in was refused as LOCKED_OUT.' : 'Okta locked the account in the window and it was not unlocked since.'}${culprit !== undefined ? ` ${culprit.client.label}${culprit.ip !== null ? ` at ${culprit.ip}` : ''} failed ${times(replays.length)} with INVALID_CREDENTIALS on the WS-Trust active endpoint: clients that keep an old password lock the account again right after an unlock.` : ''}`,
      evidence: [
        ...(statusLocked ? [userEvidence(ctx, 'status', 'LOCKED_OUT', 'Okta user status.')] : []),
        ...(lockInForce && !statusLocked ? [oktaEventEvidence(refusedLast, 'Sign-in refused: account locked')] : []),
        ...cite(locks.slice(-2).reverse(), 2, (v) => oktaEventEvidence(v, 'Account locked')),
        ...(culprit !== undefined ? [oktaEventEvidence(culprit, `${culprit.client.label}: old password`)] : []),
      ],
      remediation: [
        ...(culprit !== undefined
          ? [
              {
                title: 'First stop the device that replays the old password',
                detail: `${culprit.client.label}${culprit.ip !== null ? ` at ${culprit.ip}` : ''}: update or remove the saved password there.`,
              },
            ]
          : []),
        { title: 'Unlock the Okta account', where: `${PEOPLE} › Unlock` },
      ],
      wouldChangeMyMind: ['An unlock event after the lock.'],
    }),
  ];
};

/** Statuses other than locked: suspended, deactivated, password expired, not activated. */
const statusVerdicts: Rule = (ctx) => {
  const status = ctx.oktaUser?.status;
  const verdict = status === undefined ? undefined : STATUS_VERDICTS[status];
  const expiredEvents = ctx.oktaEvents.filter((v) => v.reason === 'PASSWORD_EXPIRED');
  if (verdict === undefined) {
    const last = expiredEvents.at(-1);
    // Without a user object, sign-ins failing with PASSWORD_EXPIRED say the same thing.
    if (last === undefined || ctx.oktaUser !== undefined) return [];
    const expired = STATUS_VERDICTS.PASSWORD_EXPIRED;
    if (expired === undefined) return [];
    return [
      makeFinding({
        ...expired,
        confidence: 'medium',
        evidence: cite(expiredEvents.slice(-2), 2, (v) => oktaEventEvidence(v, 'Password expired')),
        wouldChangeMyMind: ['A successful sign-in after these failures.'],
      }),
    ];
  }
  return [
    makeFinding({
      ...verdict,
      confidence: 'high',
      evidence: [
        userEvidence(
          ctx,
          'status',
          status ?? '',
          `Okta user status${ctx.oktaUser?.statusChanged != null ? ` since ${ctx.oktaUser.statusChanged}` : ''}.`,
        ),
        ...cite(expiredEvents.slice(-1), 1, (v) => oktaEventEvidence(v, 'Sign-in failed: password expired')),
      ],
      wouldChangeMyMind: ['The user status changing back to ACTIVE.'],
    }),
  ];
};

/** OKTA_USER_NOT_ASSIGNED_O365: the Office 365 app answered 404 for this user. */
const notAssigned: Rule = (ctx) => {
  if (ctx.appUser !== null || ctx.o365App === undefined || ctx.oktaUser === null) return [];
  const app = ctx.o365App;
  return [
    makeFinding({
      code: 'OKTA_USER_NOT_ASSIGNED_O365',
      severity: 'high',
      confidence: 'high',
      summary: `The user is not assigned to "${app.label ?? 'Microsoft Office 365'}" in Okta, so Okta will not sign them in to Microsoft 365.`,
      explanation:
        'Okta only issues Office 365 assertions for users assigned to the app, directly or through a group. Rich clients report this as account_not_found.',
      evidence: [
        {
          source: 'okta.appUser',
          id: app.id,
          field: 'assignment',
          value: 'none (404)',
          note: `No assignment to ${app.label ?? app.id}.`,
        },
      ],
      remediation: [
        {
          title: 'Add the user to the group that assigns Office 365',
          detail: 'Prefer the group the user’s peers are in over a direct assignment.',
          where: `Okta Admin Console › Applications › ${app.label ?? 'Microsoft Office 365'} › Assignments`,
        },
        {
          title: 'Check the licence and ImmutableID after assignment',
          detail: 'A new assignment pushes the profile; confirm immutableId is set on the app user.',
        },
      ],
      wouldChangeMyMind: ['An assignment appearing through a group rule that had not run yet.'],
    }),
  ];
};

/** The okta-account family's rules. */
export const OKTA_ACCOUNT_RULES: readonly Rule[] = [notFound, lockedOut, statusVerdicts, notAssigned];
